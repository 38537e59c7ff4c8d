"""`factcheck show FACT_ID`: the fact as written, its quote in the source, its rules' statuses."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from factcheck.cli import main, run
from factcheck.dates import ALWAYS, DateInterval
from factcheck.formatters.quotes import find_quote
from factcheck.formatters.show import validity

DATA = Path(__file__).parent / "data" / "reporting"
ENV = {"NO_COLOR": None, "FORCE_COLOR": None, "GITHUB_ACTIONS": None}

OLD_BUDGET = """\
old-budget at facts.yaml:28:5
  28 |   - id: old-budget
  29 |     quantity: budget-old
  30 |     value: 100
  31 |     unit: EUR million
  32 |     qualifier: circa
  33 |     section: Financiën
  34 |     quote: "circa 100 miljoen euro"
value: circa 100 EUR million, stands for [99.5, 100.5) EUR million (within its tolerance: [94.5, 105.5) EUR million)
valid: always
document: broken (Een begroting die niet klopt)

quote: source.txt:6:23
  5 |
> 6 | Eerder was het budget circa 100 miljoen euro; een tabel noemt 104 miljoen
  7 | euro. Daarvan ging 60 miljoen euro naar de lucht en 30 miljoen euro naar

rules:
  warning       old-budget-split (sum) at facts.yaml:59:5
  acknowledged  agreement (automatic): quantity budget-old, with old-budget-table

findings:
  facts.yaml:35:5: info agreement: quantity budget-old: old-budget-table states 104 EUR million (section \
'Financiën'), old-budget states circa 100 EUR million (section 'Financiën'), both valid at the same time \
(they agree only within the vague tolerance) [acknowledged: Tabel 2 rondt af: 100% zeker, zie p. 3, regel 4]
  facts.yaml:59:5: warning sum: sum old-budget-split: parts old-air + old-training = [89, 91) EUR million, \
but total old-budget = [94.5, 105.5) EUR million
"""

AIR = """\
air at facts.yaml:16:5
  16 |   - id: air
  17 |     quantity: budget-2015-air
  18 |     value: 75.5
  19 |     unit: EUR million
  20 |     section: Financiën
  21 |     quote: "75,5 miljoen euro naar de luchtcampagne"
value: 75.5 EUR million, stands for [75.45, 75.55) EUR million
valid: always
document: broken (Een begroting die niet klopt)

quote: source.txt:3:56
  2 |
> 3 | Het budget voor 2015 is 122 miljoen euro. Daarvan gaat 75,5 miljoen euro
> 4 | naar de luchtcampagne en 44,5 miljoen euro naar de trainingsmissie.
  5 |

rules:
  error  budget-split (sum) at facts.yaml:55:5

findings:
  facts.yaml:55:5: error sum: sum budget-split: parts air + training = [119.9, 120.1) EUR million, \
but total budget = [121.5, 122.5) EUR million
"""

SHIPPED_DATE = """\
initial-mandate-end at facts.yaml:55:5
  55 |   - id: initial-mandate-end
  56 |     quantity: nl-mandate-initial-end
  57 |     value: "2015-10-02"
  58 |     unit: date
  59 |     section: Financiën
  60 |     quote: "tot het einde van het initiële mandaat (2 oktober 2015)"
value: 2015-10-02, stands for 2015-10-02
valid: always
document: kst-27925-565 (Voortgangsrapportage over de Nederlandse bijdrage aan de strijd tegen ISIS)

quote: ../../../../sources/kst-27925-565.txt:796:8
  795 | De kosten van de Nederlandse bijdrage aan de strijd tegen ISIS in 2015
> 796 | werden tot het einde van het initiële mandaat (2 oktober 2015) geraamd
  797 | op 100 miljoen euro. Hiervan was 60 miljoen euro bestemd voor de

rules:
  (none)

findings:
  (none)
"""


def show(folder: str, *args: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.chdir(DATA / folder)
    result = CliRunner().invoke(main, ["show", *args], env=ENV)
    return result.exit_code, result.stdout


@pytest.mark.parametrize(("fact_id", "expected"), [("old-budget", OLD_BUDGET), ("air", AIR)])
def test_show_broken(fact_id: str, expected: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert show("broken", fact_id, monkeypatch=monkeypatch) == (0, expected)


def test_show_shipped_date_fact_without_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    assert show("shipped", "initial-mandate-end", monkeypatch=monkeypatch) == (0, SHIPPED_DATE)


def test_show_ok_status_and_paths_argument(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = show("shipped", "budget-2015-extended", "facts.yaml", monkeypatch=monkeypatch)
    assert code == 0
    assert out.split("rules:\n", 1)[1] == (
        "  ok  budget-2015-extended-split (sum) at facts.yaml:147:5\n"
        "  ok  agreement (automatic): quantity nl-isis-budget-2015, with budget-2015-initial\n"
        "\nfindings:\n  (none)\n")


def test_rules_not_run_are_not_called_ok(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A model error (an unknown unit) keeps the rules from running: their status says so."""
    source = (DATA / "broken" / "facts.yaml").read_text(encoding="utf-8")
    (tmp_path / "source.txt").write_text((DATA / "broken" / "source.txt").read_text(encoding="utf-8"))
    (tmp_path / "facts.yaml").write_text(source.replace("value: 30\n    unit: EUR million",
                                                        "value: 30\n    unit: EUR zillion"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["show", "air"], env=ENV)
    assert result.exit_code == 0
    assert result.stdout.split("rules:\n", 1)[1] == (
        "  not checked  budget-split (sum) at facts.yaml:55:5\n\nfindings:\n  (none)\n")


def test_quote_not_in_the_source_is_said_plainly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = (DATA / "broken" / "facts.yaml").read_text(encoding="utf-8")
    (tmp_path / "source.txt").write_text((DATA / "broken" / "source.txt").read_text(encoding="utf-8"))
    (tmp_path / "facts.yaml").write_text(source.replace("naar de luchtcampagne", "voor de luchtcampagne"),
                                         encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["show", "air"], env=ENV)
    assert result.exit_code == 0
    assert ("\n\nquote: not found in source.txt; `factcheck verify` names the closest passage\n\nrules:\n"
            in result.stdout)


def test_show_unknown_id_exits_2_with_a_hint(capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA / "broken")
    monkeypatch.setattr(sys, "argv", ["factcheck", "show", "old-budge"])
    with pytest.raises(SystemExit) as exit_info:
        run()
    assert exit_info.value.code == 2
    assert capsys.readouterr() == ("", "factcheck: unknown fact id 'old-budge'; did you mean 'old-budget'?\n")


def test_show_on_a_malformed_base_reports_why(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = show("malformed", "budget", monkeypatch=monkeypatch)
    assert code == 1
    assert out.endswith("2 errors, 0 warnings, 0 acknowledged; 1 file\n")
    assert out.startswith("facts.yaml:16:5: error schema: unknown key 'colour' (at facts/0)\n")


def test_show_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = show("broken", "air", "--color", "always", monkeypatch=monkeypatch)
    assert code == 0
    assert out.startswith("\x1b[1mair\x1b[0m at facts.yaml:16:5\n")
    assert "  \x1b[1;31merror\x1b[0m  budget-split (sum) at facts.yaml:55:5\n" in out


# --- the quote finder ----------------------------------------------------------------

@pytest.mark.parametrize(("valid", "bounds", "shown"), [
    (ALWAYS, (None, None), "always"),
    (DateInterval(date.min, date(2015, 12, 31)), (None, date(2015, 12, 31)), "until 2015-12-31"),
    (DateInterval(date(2015, 1, 1), date.max), (date(2015, 1, 1), None), "from 2015-01-01"),
    (DateInterval(date(2015, 1, 1), date(2015, 12, 31)), (date(2015, 1, 1), date(2015, 12, 31)),
     "from 2015-01-01 until 2015-12-31"),
])
def test_validity_names_only_the_ends_it_has(valid: DateInterval, bounds: tuple[date | None, date | None],
                                             shown: str) -> None:
    assert valid.bounds() == bounds
    assert validity(valid) == shown


def test_find_quote_across_a_line_break() -> None:
    text = "Het budget is\n  122 miljoen euro.\n"
    assert find_quote(text, "budget is 122 miljoen") == (4, 27)
    assert text[4:27] == "budget is\n  122 miljoen"


@pytest.mark.parametrize("quote", ["", "   ", "123 miljoen"])
def test_find_quote_misses(quote: str) -> None:
    assert find_quote("Het budget is 122 miljoen euro.", quote) is None


@given(st.text(alphabet="ab \n\t€", max_size=40), st.data())
def test_find_quote_finds_every_slice(text: str, data: st.DataObject) -> None:
    """Any slice of a text with some non-blank content is found, and the span found reads the same
    as the slice once whitespace is collapsed."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    quote = text[start:end]
    span = find_quote(text, quote)
    if not quote.split():
        assert span is None
    else:
        assert span is not None
        assert " ".join(text[span[0]:span[1]].split()) == " ".join(quote.split())

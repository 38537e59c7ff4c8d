# ruff: noqa: RUF001
"""Coverage of a tiny document: exact uncovered items, shares and exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main, run
from factcheck.coverage import Coverage, Uncovered, measure
from factcheck.engine import verify
from factcheck.findings import Location

SOURCE = (
    "Financiën \n"  # 1
    "\n"  # 2
    "Het budget is 122 miljoen euro, waarvan 77,5 miljoen euro voor de \n"  # 3
    "luchtcampagne. Een van de 250.000 slachtoffers viel op 2 oktober 2015 \n"  # 4
    "(Kamerstuk 27 925, nr. 506). \n"  # 5
)

DOCUMENT = """\
document:
  id: doc
  title: Brief
  date: "2015-11-02"
  language: nl
  source: brief.txt
"""

BUDGET = """\
facts:
  - id: budget
    quantity: budget
    value: 122
    unit: EUR million
    section: Financiën
    quote: "Het budget is 122 miljoen euro"
"""

EXCLUDE = """\
coverage:
  exclude:
    - text: "Kamerstuk 27 925, nr. 506"
      reason: a reference, not a fact
"""


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    (tmp_path / "brief.txt").write_text(SOURCE, encoding="utf-8")
    cwd = Path.cwd()
    os.chdir(tmp_path)
    yield tmp_path
    os.chdir(cwd)


def measured(folder: Path, text: str) -> Coverage:
    (folder / "facts.yaml").write_text(text, encoding="utf-8")
    report = verify([folder / "facts.yaml"], cwd=folder, root=folder)
    assert report.base is not None
    return measure(report.base)


def test_uncovered_items_with_their_lines(folder: Path) -> None:
    result = measured(folder, DOCUMENT + BUDGET)
    assert [(str(item.location), item.text, item.meaning) for item in result.uncovered] == [
        ("brief.txt:3:41", "77,5 miljoen", "77500000"),
        ("brief.txt:4:27", "250.000", "250000"),
        ("brief.txt:4:56", "2 oktober 2015", "2015-10-02"),
        ("brief.txt:5:12", "27 925", "27925"),
        ("brief.txt:5:24", "506", "506"),
    ]
    assert (result.covered, result.total, result.excluded, result.share) == (1, 6, 0, Decimal("16.6"))
    assert not result.complete


def test_fact_files_that_share_a_source_cover_it_together_and_count_it_once(folder: Path) -> None:
    air = BUDGET.replace("id: budget", "id: air").replace("value: 122", "value: 77.5").replace(
        "quantity: budget", "quantity: air").replace('"Het budget is 122 miljoen euro"', '"77,5 miljoen euro"')
    (folder / "a.yaml").write_text(DOCUMENT + BUDGET, encoding="utf-8")
    (folder / "b.yaml").write_text(DOCUMENT.replace("id: doc", "id: doc-b") + air, encoding="utf-8")
    report = verify([folder / "a.yaml", folder / "b.yaml"], cwd=folder, root=folder)
    assert report.base is not None
    result = measure(report.base)
    assert [item.text for item in result.uncovered] == ["250.000", "2 oktober 2015", "27 925", "506"]
    assert (result.covered, result.total) == (2, 6)


def test_exclusions_and_stale_exclusions(folder: Path) -> None:
    stale = '    - text: "nr. 999"\n      reason: matches nothing\n'
    result = measured(folder, DOCUMENT + BUDGET + EXCLUDE + stale)
    assert [item.text for item in result.uncovered] == ["77,5 miljoen", "250.000", "2 oktober 2015"]
    assert result.excluded == 2
    assert [(stale.text, str(stale.location)) for stale in result.stale] == [("nr. 999", "facts.yaml:18:13")]


def test_cli_complete_coverage_exits_0(folder: Path) -> None:
    quote = ('    quote: "waarvan 77,5 miljoen euro voor de luchtcampagne. '
             'Een van de 250.000 slachtoffers viel op 2 oktober"\n')
    more = ("  - id: rest\n    quantity: rest\n    value: 250000\n    unit: persons\n"
            "    section: Financiën\n" + quote)
    (folder / "facts.yaml").write_text(DOCUMENT + BUDGET + more + EXCLUDE, encoding="utf-8")
    result = CliRunner().invoke(main, ["coverage"])
    assert (result.exit_code, result.output) == (0, "coverage: 100% (4 of 4 numbers and dates; 2 excluded)\n")


def test_cli_uncovered_exits_1(folder: Path) -> None:
    (folder / "facts.yaml").write_text(DOCUMENT + BUDGET + EXCLUDE, encoding="utf-8")
    result = CliRunner().invoke(main, ["coverage", "facts.yaml"])
    assert result.exit_code == 1
    assert result.output == (
        'brief.txt:3:41: uncovered "77,5 miljoen"\n'
        'brief.txt:4:27: uncovered "250.000"\n'
        'brief.txt:4:56: uncovered "2 oktober 2015"\n'
        "coverage: 25.0% (1 of 4 numbers and dates; 2 excluded)\n"
    )


@pytest.mark.parametrize(("content", "message"), [
    (None, "factcheck: missing.yaml: no such file\n"),
    ("document: [unclosed\n", "factcheck: the fact base is not well-formed; `factcheck verify` shows why\n"),
    (DOCUMENT.replace("brief.txt", "gone.txt") + BUDGET, "factcheck: source 'gone.txt' of missing.yaml was not read\n"),
])
def test_cli_cannot_check_exits_2(folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                  content: str | None, message: str) -> None:
    if content is not None:
        (folder / "missing.yaml").write_text(content, encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["factcheck", "coverage", "missing.yaml"])
    with pytest.raises(SystemExit) as stopped:
        run()
    assert stopped.value.code == 2
    assert capsys.readouterr().err == message


def test_a_footer_exclusion_is_not_stale(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    (tmp_path / "letter.txt").write_text((root / "sources" / "kst-27925-565.txt").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    footer = ('coverage:\n  exclude:\n    - text: "Tweede Kamer, vergaderjaar 2015–2016, 27 925, nr. 565"\n'
              '      reason: page footer\n')
    text = DOCUMENT.replace("brief.txt", "letter.txt") + BUDGET.replace("Het budget is 122", "122") + footer
    (tmp_path / "facts.yaml").write_text(text, encoding="utf-8")
    report = verify([tmp_path / "facts.yaml"], cwd=tmp_path, root=tmp_path)
    assert report.base is not None
    result = measure(report.base)
    assert result.stale == []
    assert (result.covered, result.excluded) == (1, 0)  # footers are layout: their numbers are never counted
    assert result.uncovered[0] == Uncovered(Location("letter.txt", 2, 45), "100", "100")


def test_the_html_report_shows_the_share(folder: Path) -> None:
    (folder / "facts.yaml").write_text(DOCUMENT + BUDGET + EXCLUDE, encoding="utf-8")
    result = CliRunner().invoke(main, ["report", "--output", "out.html"])
    assert result.exit_code == 0
    html = (folder / "out.html").read_text(encoding="utf-8")
    assert '<td id="summary-coverage">25.0% (1 of 4 numbers and dates)</td>' in html

# ruff: noqa: E501  (exact output lines are long)
"""Errors planted in the letter and in an English memo, each applied to the source and to the fact base
together (as a curator re-reading the changed text would), and harmless edits that must stay clean:
the ordinal rule, quotes that name their number (`at:`, `ambiguous`) and notation mismatches."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from factbase import fact_base_yaml, write_base
from factcheck.engine import verify
from factcheck.formatters.text import finding_line

ROOT = Path(__file__).resolve().parents[1]
LETTER = "sources/kst-27925-565.txt"

Edits = tuple[tuple[str, str], ...]


def edited(text: str, edits: Edits) -> str:
    for old, new in edits:
        assert text.count(old) == 1, old  # each edit names one place
        text = text.replace(old, new)
    return text


def letter_findings(tmp_path: Path, source: Edits, base: Edits) -> list[str]:
    """The unacknowledged findings of the shipped base on the shipped letter, both edited."""
    (tmp_path / "sources").mkdir()
    (tmp_path / LETTER).write_text(edited((ROOT / LETTER).read_text(encoding="utf-8"), source), encoding="utf-8")
    (tmp_path / "facts.yaml").write_text(edited((ROOT / "facts.yaml").read_text(encoding="utf-8"), base),
                                         encoding="utf-8")
    report = verify([tmp_path / "facts.yaml"], cwd=tmp_path, root=tmp_path)
    return [finding_line(finding) for finding in report.findings if finding.acknowledged is None]


THIRD = ("Een derde poging heeft geresulteerd", "Een vierde poging heeft geresulteerd")
THIRD_QUOTE = ("quote: \"Een derde poging heeft geresulteerd", "quote: \"Een vierde poging heeft geresulteerd")
THIRD_VALUE = ("    quantity: zabadani-successful-ceasefire-attempt-ordinal\n    value: 3",
               "    quantity: zabadani-successful-ceasefire-attempt-ordinal\n    value: 4")
TWO = ("Al-Sham, anderzijds. Twee pogingen", "Al-Sham, anderzijds. Drie pogingen")
TWO_BASE = ("Twee pogingen tot een lokaal staakt-het-vuren\"", "Drie pogingen tot een lokaal staakt-het-vuren\"")
TWO_VALUE = ("    quantity: zabadani-failed-ceasefire-attempts\n    value: 2",
             "    quantity: zabadani-failed-ceasefire-attempts\n    value: 3")
AMOUNTS = ("bijdragen van 48,5 miljoen euro \nen 110 miljoen euro", "bijdragen van 110 miljoen euro \nen 48,5 miljoen euro")
AMOUNTS_QUOTE = "bijdragen van 48,5 miljoen euro en 110 miljoen euro voor"


def quotes(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """The same quote edited in both facts that hold it (two edits, each in one fact)."""
    first, second = (f"    at: \"{words}\"" for words in ("48,5 miljoen euro", "110 miljoen euro"))
    return ((f"{old} humanitaire hulp in de regio Syrië\"\n{first}", f"{new} humanitaire hulp in de regio Syrië\"\n{first}"),
            (f"{old} humanitaire hulp in de regio Syrië\"\n{second}", f"{new} humanitaire hulp in de regio Syrië\"\n{second}"))


PLANTED = [
    pytest.param(
        (THIRD,), (THIRD_QUOTE, THIRD_VALUE),
        ["facts.yaml:1344:5: error ordinal: ordinal zabadani-third-after-two: zabadani-third-attempt = ordinal 4, but after zabadani-failed-ceasefire-attempts = 2 attempts the next is ordinal 3"],
        id="a fourth attempt after two"),
    pytest.param(
        (("bijdragen van 48,5 miljoen euro \nen 110 miljoen euro", "bijdragen van 48,5 miljoen euro \nen 48,5 miljoen euro"),),
        (*quotes(AMOUNTS_QUOTE, "bijdragen van 48,5 miljoen euro en 48,5 miljoen euro voor"),
         ("    value: 110\n    unit: EUR million", "    value: 48.5\n    unit: EUR million"),
         ("    at: \"110 miljoen euro\"\n", "    at: \"48,5 miljoen euro\"\n")),
        ['facts.yaml:1083:9: error value: at "48,5 miljoen euro" occurs 2 times in the quote; it must name the value\'s words exactly once',
         'facts.yaml:1091:9: error value: at "48,5 miljoen euro" occurs 2 times in the quote; it must name the value\'s words exactly once'],
        id="one amount stated twice"),
    pytest.param(
        (("waarvan 77,5 miljoen euro", "waarvan 77.5 miljoen euro"),),
        (("    quote: \"77,5 miljoen euro is bestemd", "    quote: \"77.5 miljoen euro is bestemd"),),
        ['facts.yaml:1059:12: error notation: "77.5 miljoen" reads as 77 and 5 with a decimal comma (document.language: nl); with a decimal point it would be 77500000'],
        id="a decimal point in Dutch"),
]

HARMLESS = [
    pytest.param((TWO, THIRD), (TWO_BASE, TWO_VALUE, THIRD_QUOTE, THIRD_VALUE), id="three attempts, then a fourth"),
    pytest.param((AMOUNTS,), quotes(AMOUNTS_QUOTE, "bijdragen van 110 miljoen euro en 48,5 miljoen euro voor"),
                 id="two amounts in the other order"),
]


@pytest.mark.parametrize(("source", "base", "expected"), PLANTED)
def test_a_planted_error_in_the_letter_is_found(tmp_path: Path, source: Edits, base: Edits, expected: list[str]) -> None:
    assert letter_findings(tmp_path, source, base) == expected


@pytest.mark.parametrize(("source", "base"), HARMLESS)
def test_a_harmless_edit_of_the_letter_stays_clean(tmp_path: Path, source: Edits, base: Edits) -> None:
    assert letter_findings(tmp_path, source, base) == []


MEMO = ("Budget\n\nIn 2024, 140 thousand euro goes to maintenance and 110 thousand euro to new playgrounds. "
        "{people} people came to the opening.\n")
DOCUMENT = {"id": "memo", "title": "Memo", "date": "2024-05-01", "language": "en", "source": "memo.txt"}
PLAYGROUNDS = "140 thousand euro goes to maintenance and 110 thousand euro to new playgrounds"


def memo_findings(tmp_path: Path, people: str, facts: list[dict[str, object]]) -> list[str]:
    text = fact_base_yaml(facts, document=DOCUMENT, settings={})
    path = write_base(tmp_path, text, source=MEMO.format(people=people), source_name="memo.txt")
    return [finding_line(finding) for finding in verify([path], cwd=tmp_path, root=tmp_path).findings]


def memo_fact(fact_id: str, value: object, unit: str, quote: str, **extra: str) -> dict[str, object]:
    return {"id": fact_id, "value": value, "unit": unit, **extra, "section": "Budget", "quote": quote}


@pytest.mark.parametrize(("people", "facts", "expected"), [
    pytest.param("250", [memo_fact("playgrounds", 140, "EUR thousand", PLAYGROUNDS)],
                 ['facts.yaml:13:12: error ambiguous: the quote states 2 values that could be 140 EUR thousand: "140 thousand" (140000), "110 thousand" (110000); name the one meant with at: and its words'],
                 id="the other amount of two"),
    pytest.param("250", [memo_fact("playgrounds", 140, "EUR thousand", PLAYGROUNDS, at="110 thousand euro")],
                 ['facts.yaml:10:12: error value: value 140 EUR thousand is not what the quote states at "110 thousand euro": "110 thousand" (110000)'],
                 id="the other amount, named"),
    pytest.param("12,5", [memo_fact("came", Decimal("12.5"), "persons", "12,5 people came")],
                 ['facts.yaml:13:12: error notation: "12,5" reads as 12 and 5 with a decimal point (document.language: en); with a decimal comma it would be 12.5'],
                 id="a decimal comma in English"),
])
def test_a_planted_error_in_the_memo_is_found(tmp_path: Path, people: str, facts: list[dict[str, object]],
                                              expected: list[str]) -> None:
    assert memo_findings(tmp_path, people, facts) == expected


@pytest.mark.parametrize(("people", "facts"), [
    pytest.param("250", [memo_fact("playgrounds", 110, "EUR thousand", PLAYGROUNDS, at="110 thousand euro"),
                         memo_fact("maintenance", 140, "EUR thousand", PLAYGROUNDS, at="140 thousand euro")],
                 id="each amount named"),
    pytest.param("250,000", [memo_fact("came", 250000, "persons", "250,000 people came")], id="grouped thousands"),
    pytest.param("12,500", [memo_fact("came", 12500, "persons", "12,500 people came")], id="grouped, not a decimal"),
    pytest.param("12.5", [memo_fact("came", Decimal("12.5"), "persons", "12.5 people came")], id="a decimal point"),
])
def test_a_harmless_memo_stays_clean(tmp_path: Path, people: str, facts: list[dict[str, object]]) -> None:
    assert memo_findings(tmp_path, people, facts) == []

# ruff: noqa: E501, RUF001  (exact output lines are long; a table writes its minus as a dash)
"""Which numbers of a quote could be a fact's value (rivals make the fact `ambiguous` until its `at:`
names the words), and numbers written in the other language's notation (`notation`): exact lines."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from factbase import fact_base_yaml, write_base
from factcheck.engine import verify
from factcheck.formatters.text import finding_line
from factcheck.numerals import misread

SOURCE = (
    "Brief \n"
    "\n"
    "Het budget voor 2015 is opgehoogd naar 122 miljoen euro. Op 29 juli jl. kwamen 75% van de 40 \n"
    "trainers voor zes maanden en 2 weken, met 5 militairen en drie tolken, voor € 59 miljoen en 3 maanden. \n"
    "Een van de 12 landen \n"
    "had 12 landen gevraagd. Er waren enkele honderden doden. Tussen de 40 en 60 strijders. De eerste \n"
    "fase en de tweede fase. Op 29 juli jl. en op 12 oktober jl. Het kost 110 miljoen euro en 10 miljoen euro. \n"
)
DOCUMENT = {"id": "doc", "title": "Brief", "source": "brief.txt"}


def run(tmp_path: Path, *facts: Mapping[str, Any], source: str = SOURCE, settings: Mapping[str, Any] | None = None,
        acknowledged: Sequence[Mapping[str, Any]] = (), **document: str) -> list[str]:
    text = fact_base_yaml(facts, document={**DOCUMENT, **document}, settings=settings or {},
                          acknowledged=acknowledged)
    path = write_base(tmp_path, text, source=source, source_name="brief.txt")
    return [finding_line(finding) for finding in verify([path], cwd=tmp_path, root=tmp_path).findings]


def fact(value: object, unit: str, quote: str, **extra: str) -> dict[str, Any]:
    """The fact `f`: value on line 10, then unit, `extra` (from line 12), section and quote."""
    return {"id": "f", "value": value, "unit": unit, **extra, "section": "Brief", "quote": quote}


@pytest.mark.parametrize(("value", "unit", "quote", "extra"), [
    pytest.param(122, "EUR million", "Het budget voor 2015 is opgehoogd naar 122 miljoen euro", {}, id="a year is no amount"),
    pytest.param(40, "persons", "Op 29 juli jl. kwamen 75% van de 40 trainers", {}, id="a date, a percentage"),
    pytest.param(75, "percent", "kwamen 75% van de 40 trainers", {}, id="a count is no percentage"),
    pytest.param(40, "persons", "40 trainers voor zes maanden", {}, id="a length of time is no count"),
    pytest.param(6, "months", "trainers voor zes maanden en 2 weken", {}, id="weeks are no calendar months"),
    pytest.param(5, "persons", "met 5 militairen en drie tolken, voor € 59 miljoen", {"at": "5 militairen"}, id="money is no count"),
    pytest.param(59, "EUR million", "voor € 59 miljoen en 3 maanden", {}, id="a length of time is no amount"),
    pytest.param(12, "countries", "Een van de 12 landen had 12 landen gevraagd", {}, id="the article, the same number twice"),
    pytest.param({"min": 200, "max": 999}, "persons", "enkele honderden doden", {}, id="a vague word that sizes another"),
    pytest.param({"min": 40, "max": 60}, "persons", "Tussen de 40 en 60 strijders", {}, id="both ends of a range"),
    pytest.param(10, "EUR million", "Het kost 110 miljoen euro en 10 miljoen euro", {"at": "10 miljoen euro"}, id="whole words"),
])
def test_what_is_no_rival(tmp_path: Path, value: object, unit: str, quote: str, extra: dict[str, str]) -> None:
    assert run(tmp_path, fact(value, unit, quote, **extra)) == []


def test_only_rivals_of_the_same_dimension_are_listed(tmp_path: Path) -> None:
    lines = run(tmp_path, fact(5, "persons", "met 5 militairen en drie tolken, voor € 59 miljoen en 3 maanden. Een van de 12 landen"),
                fact(1, "ordinal", "De eerste fase en de tweede fase") | {"id": "g"},
                fact("2015-07-29", "date", "Op 29 juli jl. en op 12 oktober jl.") | {"id": "h"})
    assert lines == [
        'facts.yaml:13:12: error ambiguous: the quote states 3 values that could be 5 persons: "5" (5), "drie" (3), "12" (12); name the one meant with at: and its words',
        'facts.yaml:19:12: error ambiguous: the quote states 2 values that could be 1 ordinal: "eerste" (ordinal 1), "tweede" (ordinal 2); name the one meant with at: and its words',
        'facts.yaml:25:12: error ambiguous: the quote states 2 values that could be 2015-07-29: "29 juli jl." (2015-07-29), "12 oktober jl." (2015-10-12); name the one meant with at: and its words',
    ]


def test_at_names_the_words_once_and_the_value_is_read_there(tmp_path: Path) -> None:
    quote = "Het kost 110 miljoen euro en 10 miljoen euro"
    assert run(tmp_path, fact(110, "EUR million", quote, at="110 miljoen euro"),
               fact(110, "EUR million", quote, at="10 miljoen euro") | {"id": "g"},
               fact(10, "EUR million", quote, at="miljoen euro") | {"id": "h"},
               fact(10, "EUR million", quote, at="11 miljoen") | {"id": "i"},
               fact(10, "EUR million", quote, at="110 miljoen euro en 10") | {"id": "j"}) == [
        'facts.yaml:17:12: error value: value 110 EUR million is not what the quote states at "10 miljoen euro": "10 miljoen" (10000000)',
        'facts.yaml:26:9: error value: at "miljoen euro" occurs 2 times in the quote; it must name the value\'s words exactly once',
        'facts.yaml:33:9: error value: at "11 miljoen" does not occur in the quote; it must name the value\'s words exactly once',
        'facts.yaml:40:9: error ambiguous: at "110 miljoen euro en 10" states 2 values that could be 10 EUR million: "110 miljoen" (110000000), "10 miljoen" (10000000); narrow it to the words of the one meant',
    ]


def test_the_year_beside_an_amount_is_not_offered_as_its_reading(tmp_path: Path) -> None:
    assert run(tmp_path, fact(120, "EUR million", "Het budget voor 2015 is opgehoogd naar 122 miljoen euro")) == [
        'facts.yaml:10:12: error value: value 120 EUR million is not what the quote states: "122 miljoen" (122000000)',
    ]


ENGLISH = "Brief \n\nIn 2024, 12,5 people came, and 1,5 million euro was spent on 250,000 bricks. \n"


@pytest.mark.parametrize(("value", "unit", "expected"), [
    pytest.param(Decimal("12.5"), "persons", [], id="the other reading"),
    pytest.param(12, "persons", [], id="the document's reading"),
    pytest.param(13, "persons", ['facts.yaml:10:12: error value: value 13 persons is not what the quote states: it states no number or date'],
                 id="neither"),
])
def test_a_decimal_comma_in_english_is_explained(tmp_path: Path, value: object, unit: str, expected: list[str]) -> None:
    notation = 'facts.yaml:13:12: error notation: "12,5" reads as 12 and 5 with a decimal point (document.language: en); with a decimal comma it would be 12.5'
    lines = run(tmp_path, fact(value, unit, "12,5 people came"), source=ENGLISH, language="en")
    assert lines == [*expected, notation]


def test_notation_findings_can_be_acknowledged_and_their_severity_set(tmp_path: Path) -> None:
    facts = (fact(Decimal("1.5"), "EUR million", "1,5 million euro was spent"),
             fact(250000, "persons", "on 250,000 bricks") | {"id": "g"})
    assert run(tmp_path, *facts, source=ENGLISH, language="en", settings={"severity": {"notation": "warning"}}) == [
        'facts.yaml:15:12: warning notation: "1,5 million" reads as 1 and 5 with a decimal point (document.language: en); with a decimal comma it would be 1500000',
    ]
    assert run(tmp_path, *facts, source=ENGLISH, language="en",
               acknowledged=[{"rule": "notation", "facts": ["f"], "reason": "The memo's typo."}]) == [
        'facts.yaml:13:12: info notation: "1,5 million" reads as 1 and 5 with a decimal point (document.language: en); with a decimal comma it would be 1500000 [acknowledged: The memo\'s typo.]',
    ]


@pytest.mark.parametrize(("text", "tag", "readings"), [
    ("12,5 people", "en", ["12 and 5 / 12.5"]),
    ("250,000 and 12,500 people", "en", []),
    ("12.5 miljoen", "nl", ["12 and 5 / 12500000"]),
    ("250.000 en 77,5 miljoen en 1.250.000,5", "nl", []),
    ("12,5 personnes", "fr", ["12 and 5 / 12.5"]),  # a language without tables reads international notation
    ("no digits, no separators.", "en", []),
])
def test_misread_finds_the_other_notation_only_where_it_changes_the_reading(text: str, tag: str,
                                                                             readings: list[str]) -> None:
    assert [f"{' and '.join(item.parts)} / {item.other.meaning}" for item in misread(text, tag)] == readings


RELEASE = ("Brief \n\nOn Aug. 21 coalition forces conducted 17 strikes consisting of 45 engagements; two units destroyed "
           "five ISIS fighting positions. 12 positions, 3 of them near Raqqa. Four positions and 6 positions. \n")


@pytest.mark.parametrize(("value", "unit", "quote", "expected"), [
    pytest.param(2, "units", "two units destroyed five ISIS fighting positions", [], id="the noun right after"),
    pytest.param(5, "positions", "two units destroyed five ISIS fighting positions", [], id="the noun three words on"),
    pytest.param(3, "positions", "12 positions, 3 of them near Raqqa", [
        'facts.yaml:13:12: error ambiguous: the quote states 2 values that could be 3 positions: "12" (12), "3" (3); name the one meant with at: and its words',
    ], id="another number is named, not the value"),
    pytest.param(4, "positions", "Four positions and 6 positions", [
        'facts.yaml:13:12: error ambiguous: the quote states 2 values that could be 4 positions: "Four" (4), "6" (6); name the one meant with at: and its words',
    ], id="two numbers are named"),
])
def test_the_noun_a_count_unit_names_picks_its_number(tmp_path: Path, value: int, unit: str, quote: str,
                                                      expected: list[str]) -> None:
    """A number the count's noun follows ("17 strikes", "five ISIS fighting positions") is the one a fact
    in that unit means, when it states the value; numbers naming nothing or another noun are then no rivals."""
    assert run(tmp_path, fact(value, unit, quote) | {"id": "g"}, source=RELEASE, language="en") == expected


def test_a_declared_count_unit_names_its_number(tmp_path: Path) -> None:
    facts = [fact(17, "strikes", "conducted 17 strikes consisting of 45 engagements"),
             fact(45, "engagements", "conducted 17 strikes consisting of 45 engagements") | {"id": "g"}]
    text = fact_base_yaml(facts, document={**DOCUMENT, "language": "en"}, settings={},
                          units={"strikes": "strikes", "engagements": "engagements"})
    path = write_base(tmp_path, text, source=RELEASE, source_name="brief.txt")
    assert [finding_line(finding) for finding in verify([path], cwd=tmp_path, root=tmp_path).findings] == []


TABLE = ("Brief \n\nTabel 1.1 Verplichtingen 2015 (x € 1.000) \n\nOnderdeel\tBegroting\tRealisatie\tVerschil \n"
         "III Algemene Zaken\t66.233\t64.473\t‒ 1.760 \nIV Koninkrijksrelaties\t73.655\t434.458\t360.803 \n"
         "V Buitenlandse Zaken\t115.016\t109.918\t–5.098 \nCalifornia\t98 452\t0 180 116 \n\nSlot van de brief. \n")


@pytest.mark.parametrize(("value", "unit", "quote", "at", "expected"), [
    pytest.param(-1760, "EUR thousand", "III Algemene Zaken 66.233 64.473 ‒ 1.760", "‒ 1.760", [],
                 id="a dash and a space start a negative cell"),
    pytest.param(-5098, "EUR thousand", "V Buitenlandse Zaken 115.016 109.918 –5.098", "–5.098", [],
                 id="a dash glued to it"),
    pytest.param(1760, "EUR thousand", "III Algemene Zaken 66.233 64.473 ‒ 1.760", "‒ 1.760", [
        'facts.yaml:10:12: error value: value 1760 EUR thousand is not what the quote states at "‒ 1.760": "‒ 1.760" (-1760000), read at the table\'s scale "x € 1.000" (line 3)',
    ], id="the sign is read"),
    pytest.param(98452, "persons", "California 98 452 0 180 116", "98 452", [], id="at names a grouped cell whole"),
    pytest.param(180116, "persons", "California 98 452 0 180 116", "180 116", [], id="a cell after a zero"),
    pytest.param(0, "persons", "California 98 452 0 180 116", "0", [], id="the zero before it"),
])
def test_table_cells(tmp_path: Path, value: int, unit: str, quote: str, at: str, expected: list[str]) -> None:
    assert run(tmp_path, fact(value, unit, quote, at=at), source=TABLE) == expected


def test_a_parts_number_is_no_notation_and_at_skips_the_digits_of_a_grouped_number(tmp_path: Path) -> None:
    """"Tabel 1.1" numbers a part of the document in any notation; "1" in "1,248" is no occurrence of at "1"."""
    assert run(tmp_path, fact("2015", "date", "Tabel 1.1 Verplichtingen 2015"), source=TABLE) == []
    source = "Brief \n\nHawaii 1,248 and 1 more, 29,905 and 905 \n"
    assert run(tmp_path, fact(1, "items", "Hawaii 1,248 and 1 more, 29,905 and 905", at="1"),
               fact(905, "items", "Hawaii 1,248 and 1 more, 29,905 and 905", at="905") | {"id": "g"},
               source=source, language="en") == []

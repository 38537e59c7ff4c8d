# ruff: noqa: RUF001
"""Numbers, words, ordinals, vague counts and dates in Dutch and English snippets of the letter."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from factcheck.numerals import find_numerals

LETTER_DATE = date(2015, 11, 2)


def read(text: str, tag: str = "nl") -> list[tuple[str, str, str]]:
    """(as written, kind, meaning) of every non-weak item."""
    return [(item.text, item.kind, item.meaning) for item in find_numerals(text, tag, LETTER_DATE) if not item.weak]


@pytest.mark.parametrize(("text", "expected"), [
    ("waarvan 77,5 miljoen euro", [("77,5 miljoen", "number", "77500000")]),
    ("voor de 250.000 dodelijke slachtoffers", [("250.000", "number", "250000")]),
    ("worden in 2016 2.000 extra vlieguren", [("2016", "number", "2016"), ("2.000", "number", "2000")]),
    ("recordhoogte bereikt van 4 miljoen mensen", [("4 miljoen", "number", "4000000")]),
    ("7,5 miljoen mensen zijn ontheemd", [("7,5 miljoen", "number", "7500000")]),
    ("bijna 75% van de bevolking", [("75%", "percent", "75%")]),
    ("teruggebracht van 30 naar 22", [("30", "number", "30"), ("22", "number", "22")]),
    ("(Kamerstuk 27 925, nr. 506)", [("27 925", "number", "27925"), ("506", "number", "506")]),
    ("de inzet van de F-16’s en F16’s", []),
    ("teruggebracht van zes naar vier", [("zes", "number", "6"), ("vier", "number", "4")]),
    ("ongeveer honderd landen", [("honderd", "number", "100")]),
    ("tweeëntwintig en tweehonderdvijftig",
     [("tweeëntwintig", "number", "22"), ("tweehonderdvijftig", "number", "250")]),
    ("het vijfde Nederlandse F-16 detachement", [("vijfde", "ordinal", "ordinal 5")]),
    ("de derde acht-weekse commandocursus", [("derde", "ordinal", "ordinal 3"), ("acht", "number", "8")]),
    ("voor de eerste keer", [("eerste", "ordinal", "ordinal 1")]),
    ("met honderden doden en enkele gewonden", [("honderden", "vague", "200..999"), ("enkele", "vague", "2..9")]),
    ("tientallen en talloze", [("tientallen", "vague", "20..99"), ("talloze", "vague", "10..")]),
    ("het 5e en 21ste detachement", [("5e", "ordinal", "ordinal 5"), ("21ste", "ordinal", "ordinal 21")]),
])
def test_dutch_numbers(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("tot het einde van het initiële mandaat (2 oktober 2015)", [("2 oktober 2015", "date", "2015-10-02")]),
    ("Op 29 juli jl. verlengde", [("29 juli jl.", "date", "2015-07-29")]),
    ("Begin augustus 2015 presenteerde", [("Begin augustus 2015", "date", "2015-08-01..2015-08-10")]),
    ("is medio oktober het tweede", [("medio oktober", "date", "2015-10-11..2015-10-20"),
                                     ("tweede", "ordinal", "ordinal 2")]),
    ("is eind juni 2015 een einde gekomen", [("eind juni 2015", "date", "2015-06-21..2015-06-30")]),
    ("verlengd tot oktober 2016", [("oktober 2016", "date", "2016-10-01..2016-10-31")]),
    ("op 7–9 september jl. in Mexico", [("7–9 september jl.", "date", "2015-09-07..2015-09-09")]),
    ("vindt plaats op 3 en 4 november 2015", [("3 en 4 november 2015", "date", "2015-11-03..2015-11-04")]),
    ("op 20 oktober", [("20 oktober", "date", "2015-10-20")]),
    ("op 28 december jl.", [("28 december jl.", "date", "2014-12-28")]),
    ("op 10 januari a.s.", [("10 januari a.s.", "date", "2016-01-10")]),
    ("vergaderjaar 2015–2016", [("2015", "number", "2015"), ("2016", "number", "2016")]),
    ("op 31 juni", [("31", "number", "31")]),
    ("de trainingscyclus van augustus/september jl.", [("augustus/september jl.", "date", "2015-08-01..2015-09-30")]),
    ("Sinds het najaar van 2014 zijn", [("najaar van 2014", "date", "2014-09-01..2014-11-30")]),
    ("opbouwfase in de zomer", [("zomer", "date", "2015-06-01..2015-08-31")]),
    ("in de eerste helft van dit jaar", [("eerste helft van dit jaar", "date", "2015-01-01..2015-06-30")]),
    ("eerder dit jaar en vorig jaar", [("dit jaar", "date", "2015-01-01..2015-12-31"),
                                      ("vorig jaar", "date", "2014-01-01..2014-12-31")]),
    ("het op een na hoogste dreigingsniveau", [("op een na", "ordinal", "ordinal 2")]),
])
def test_dutch_dates(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


def test_a_day_range_also_means_each_end() -> None:
    (item,) = find_numerals("7–9 september", "nl", LETTER_DATE)
    assert [str(day) for day in item.dates] == ["2015-09-07..2015-09-09", "2015-09-07", "2015-09-09"]


def test_a_date_without_year_and_without_reference_has_no_reading() -> None:
    (item,) = find_numerals("op 20 oktober", "nl", None)
    assert (item.kind, item.dates) == ("date", ())


@pytest.mark.parametrize(("text", "weak"), [
    ("een van de belangrijkste oorzaken", True),
    ("één militair theater", False),
    ("acht het kabinet het van belang", True),
    ("acht landen", False),
    ("in beide landen", True),
    ("voor het eerst", True),
])
def test_weak_readings(text: str, weak: bool) -> None:
    (item,) = find_numerals(text, "nl", LETTER_DATE)
    assert item.weak is weak


@pytest.mark.parametrize(("text", "expected"), [
    ("1.5 million people", [("1.5 million", "number", "1500000")]),
    ("some 1,000 trainers and 250,000 deaths", [("1,000", "number", "1000"), ("250,000", "number", "250000")]),
    ("on 2 October 2015", [("2 October 2015", "date", "2015-10-02")]),
    ("on October 2, 2015", [("October 2, 2015", "date", "2015-10-02")]),
    ("in mid-October", [("mid-October", "date", "2015-10-11..2015-10-20")]),
    ("early August 2015", [("early August 2015", "date", "2015-08-01..2015-08-10")]),
    ("the fifth detachment and the 3rd", [("fifth", "ordinal", "ordinal 5"), ("3rd", "ordinal", "ordinal 3")]),
    ("two hundred and fifty thousand", [("two hundred and fifty thousand", "number", "250000")]),
    ("twenty-one aircraft, four F-16s", [("twenty-one", "number", "21"), ("four", "number", "4")]),
    ("two three and fifty five", [("two", "number", "2"), ("three", "number", "3"), ("fifty five", "number", "55")]),
    ("three million two hundred thousand", [("three million two hundred thousand", "number", "3200000")]),
    ("hundreds of deaths, 75 percent", [("hundreds", "vague", "200..999"), ("75 percent", "percent", "75%")]),
    ("you may march in May", [("May", "date", "2015-05-01..2015-05-31")]),
    ("3 and 4 November 2015", [("3 and 4 November 2015", "date", "2015-11-03..2015-11-04")]),
])
def test_english(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text, "en-GB") == expected


def test_an_unknown_language_reads_digits_only() -> None:
    # in international notation "12,5" is no number: 12 is read, the 5 glued to it by a comma is not
    assert read("douze 12,5 et 1,000", "fr") == [("12", "number", "12"), ("1,000", "number", "1000")]


def test_values_are_exact_decimals() -> None:
    (item,) = find_numerals("77,5", "nl")
    assert item.value == Decimal("77.5")
    assert isinstance(item.value, Decimal)

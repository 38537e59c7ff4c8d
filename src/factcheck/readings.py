"""What a number of a quote can be the value of, once the words beside it are read.

A numeral (numerals.py) reads as a dimension of units.py: a date, or a bare year from 1900 to 2099,
as a date; a percentage as a ratio; an ordinal as an ordinal; a number with a currency beside it
("122 miljoen euro", "€ 59 miljoen", "USD 5 million") as that money; one with a unit of time after
it ("zes maanden", "3 weeks") as that time.  Any other number is a number of something unnamed, which
may be a count, an amount or a length of time, but not a date, a share or a position.
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.numerals import DATE, DUTCH, ENGLISH, NUMBER, ORDINAL, PERCENT, Language, Numeral, language
from factcheck.units import DATE as DAYS
from factcheck.units import ORDINAL as POSITION
from factcheck.units import RATIO, Unit, parse_unit

#: currency signs and codes, before or after the number in any language
_SIGNS = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY", "EUR": "EUR", "USD": "USD", "GBP": "GBP",
          "CHF": "CHF", "JPY": "JPY"}
#: words after a number that name its unit, per language; each a unit of units.py
_WORDS: dict[Language, dict[str, str]] = {
    DUTCH: {"euro": "EUR", "euro's": "EUR", "dollar": "USD", "dollars": "USD", "pond": "GBP", "yen": "JPY",
            "seconde": "seconds", "seconden": "seconds", "minuut": "minutes", "minuten": "minutes", "uur": "hours",
            "uren": "hours", "dag": "days", "dagen": "days", "week": "weeks", "weken": "weeks", "maand": "months",
            "maanden": "months", "jaar": "years", "jaren": "years"},
    ENGLISH: {"euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP",
              "yen": "JPY", "second": "seconds", "seconds": "seconds", "minute": "minutes", "minutes": "minutes",
              "hour": "hours", "hours": "hours", "day": "days", "days": "days", "week": "weeks", "weeks": "weeks",
              "month": "months", "months": "months", "year": "years", "years": "years"},
}


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@cache
def _beside(lang: Language) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The unit after a number (a sign, a code or a word) and the sign or code before one."""
    signs = _alternatives(list(_SIGNS))
    after = re.compile(rf"[ \u00a0]?(?P<unit>{signs}|(?i:{_alternatives(list(_WORDS.get(lang, {})))}))(?!\w)"
                       if lang in _WORDS else rf"[ \u00a0]?(?P<unit>{signs})(?!\w)")
    before = re.compile(rf"(?<!\w)(?P<unit>{signs})[ \u00a0]?$")
    return after, before


@cache
def _dimension_of(unit: str) -> str:
    parsed = parse_unit(unit)
    assert parsed is not None
    return parsed.dimension


def dimension(item: Numeral, text: str, tag: str) -> str | None:
    """The dimension `item`, found in `text`, reads as; None for a number of something unnamed."""
    if item.kind == DATE:
        return DAYS
    if item.kind == PERCENT:
        return RATIO
    if item.kind == ORDINAL:
        return POSITION
    lang = language(tag)
    after, before = _beside(lang)
    named = after.match(text, item.end) or before.search(text, max(0, item.start - 4), item.start)
    if named is not None:
        written = named["unit"]
        return _dimension_of(_SIGNS.get(written) or _WORDS[lang][written.lower()])
    if item.kind == NUMBER and item.dates:
        return DAYS  # a bare year: "in 2015"
    return None


def could_be(unit: Unit, item: Numeral, text: str, tag: str) -> bool:
    """Whether `item` could state a value in `unit`: a reading of the same dimension, or a number of
    something unnamed for a count, an amount or a length of time."""
    read = dimension(item, text, tag)
    if read is None:
        return unit.dimension not in (DAYS, RATIO, POSITION)
    return read == unit.dimension

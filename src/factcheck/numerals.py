# ruff: noqa: RUF002 - typographic characters are the subject matter here
"""Every number, number word, ordinal, vague count, percentage and date a text states, with spans.

`find_numerals(text, language, reference)` scans a text left to right and returns `Numeral`
values in order; nothing is found twice.  Dates are tried first (so the 2015 of
"2 oktober 2015" is part of the date), then numbers written with digits, then words.  The words
come last and take only what is left, so a caller can stop before them (``words=False``) and
read them later with `add_words` if it still needs them.

* **Digits** follow the language's notation: Dutch ``77,5`` and ``250.000``, English ``77.5``
  and ``250,000``; both group thousands with a space (``27 925``), but not before a group
  separator: "0 100.000" is 0 and 100000 (two cells of a table).  A scale word multiplies
  exactly (``7,5 miljoen`` is 7500000, ``1.5 million`` too; an abbreviation may be glued on:
  ``€1.5bn``, ``2mln``), ``%`` or ``procent`` makes a
  percentage, a suffix an ordinal (``5e``, ``5th``).  Digits glued to a name are not numbers:
  ``F-16``, ``F16``, ``G20``.  A four-digit number from 1900 to 2099 is also a year.
* **Words**: cardinals (``vier``, ``tweeëntwintig``, ``two hundred and fifty``), ordinals
  (``vijfde``, ``fifth``), vague counts as ranges (``tientallen`` is 20..99, ``talloze`` is 10 or
  more), ``op een na`` (hoogste) as the ordinal 2.  An ambiguous word (Dutch ``een``, English
  ``one``, and the articles ``a`` and ``an``, which are one only where a number starts: "a
  hundred" is 100), a number word used as a verb (``acht het kabinet``), ``beide`` (two) and ``voor het
  eerst`` (first) are *weak*: they can match a fact but coverage does not count them.
* **Dates**: ``2 oktober 2015``, ``29 juli jl.``, ``begin augustus 2015`` (early: days 1–10),
  ``medio oktober`` (11–20), ``eind juni 2015`` (21–end), ``oktober 2016``, ``7–9 september``,
  ``3 en 4 november 2015``, English ``2 October 2015``, ``October 2, 2015``, ``mid-October``.
  Also month ranges (``augustus/september jl.``), seasons (``het najaar van 2014``, ``de zomer``:
  meteorological, June to August), halves (``de eerste helft van dit jaar``) and relative years
  (``dit jaar``, ``vorig jaar``).
  A date without a year takes the year of the reference date (the document's date); with
  ``jl.`` (jongstleden) it is the most recent such date before the reference, with ``a.s.``
  (aanstaande) the next one.  A range of days also means each of its ends.
  English months may be abbreviated (``Aug. 23, 2017``, ``Sept. 1``, ``Sep 1``; only with a day or
  a year), and a range of days may follow the month (``Aug. 30-31``).  ``yesterday``, ``today``,
  ``tomorrow``, ``last week`` (Dutch ``gisteren``, ``vandaag``, ``morgen``, ``vorige week``) count
  from the reference date, and are weak; without a reference they are no dates.  So are ``May`` and
  ``March`` alone at the start of a sentence, where they are verbs as often.
* **Weekdays** named right before a date (``vrijdag 28 oktober jl.``, ``Fri., Sept. 1``):
  `find_weekdays`, with the day the date is, for the calendar check (rules/calendar.py).

Languages are tables (`LANGUAGES`): add one by writing a `Language`.  An unknown language tag
reads digits only, in international notation.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from functools import cache, lru_cache
from operator import attrgetter
from typing import cast

from factcheck.dates import WEEKDAYS_EN, WEEKDAYS_NL, DateInterval, parse_date
from factcheck.intervals import plain

NUMBER, PERCENT, ORDINAL, VAGUE, DATE = "number", "percent", "ordinal", "vague", "date"


@dataclass(frozen=True, slots=True)
class Numeral:
    """One thing a text states: [start, end) in the text, as written, and what it means."""

    start: int
    end: int
    text: str
    kind: str  # number, percent, ordinal, vague or date
    value: Decimal | None = None  # number, percent, ordinal: exact, scale word applied
    low: Decimal | None = None  # vague: the range it stands for
    high: Decimal | None = None  # vague: None when unbounded
    dates: tuple[DateInterval, ...] = ()  # dates: every reading; years: the year
    weak: bool = False

    @property
    def meaning(self) -> str:
        """What it means, briefly: ``7500000``, ``75%``, ``ordinal 5``, ``20..99``, ``2015-10-02``."""
        if self.kind == DATE:
            return str(self.dates[0]) if self.dates else "a date"
        if self.kind == VAGUE:
            return f"{_plain(self.low)}..{_plain(self.high) if self.high is not None else ''}"
        if self.kind == PERCENT:
            return f"{_plain(self.value)}%"
        if self.kind == ORDINAL:
            return f"ordinal {_plain(self.value)}"
        return _plain(self.value)


def _plain(number: Decimal | None) -> str:
    return "" if number is None else plain(number)


@dataclass(frozen=True, eq=False)
class Language:
    """What a language writes numbers and dates with."""

    decimal: str
    group: str
    scales: Mapping[str, int]  # words after a number: miljoen, mln
    percent_words: tuple[str, ...]
    ordinal_suffix: str  # regex for digits + suffix: 5e, 5th
    cardinal: Callable[[str], int | None]  # one lower-case word without diacritics
    ordinal: Callable[[str], int | None]
    vague: Mapping[str, tuple[int, int | None]]
    months: tuple[str, ...]  # January first
    months_case_sensitive: bool
    hedges: Mapping[str, str]  # begin -> early (the dates grammar's thirds of a month)
    range_words: tuple[str, ...]  # 7 en 9 september
    day_suffix: str  # regex after a day: 2nd
    month_first: bool  # October 2, 2015
    past: tuple[str, ...]  # jl.
    future: tuple[str, ...]  # a.s.
    weak: frozenset[str]  # een: an article more often than a number
    verb_followers: frozenset[str]  # "acht het": a number word followed by these is a verb
    conjunction: str  # "and" inside a number: two hundred and fifty
    hundred: str  # the word for 100, which multiplies what stands before it
    pair_words: frozenset[str] = frozenset()  # beide: two of something (weak)
    weak_ordinals: Mapping[str, int] = field(default_factory=dict)  # "voor het eerst" (weak)
    ordinal_after: str = ""  # "op een na hoogste": a pattern with group n; the ordinal is n + 1
    seasons: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # zomer: June to August
    relative_years: Mapping[str, int] = field(default_factory=dict)  # dit jaar 0, vorig jaar -1
    halves: Mapping[str, int] = field(default_factory=dict)  # eerste helft: H1
    of_words: tuple[str, ...] = ()  # "van" in "het najaar van 2014"
    month_abbreviations: Mapping[str, int] = field(default_factory=dict)  # Aug, Sept (a period may follow)
    #: May, March: alone (no day, no year) at the start of a sentence, a verb as often (weak)
    lone_month_verbs: frozenset[str] = frozenset()
    relative_days: Mapping[str, int] = field(default_factory=dict)  # gisteren -1, today 0 (weak)
    relative_weeks: Mapping[str, int] = field(default_factory=dict)  # vorige week -1: Monday to Sunday (weak)
    weekdays: tuple[str, ...] = ()  # Monday first, lower case
    weekday_abbreviations: Mapping[str, int] = field(default_factory=dict)  # Fri: a period or comma must follow
    #: "a", "an": one, weak like "een", and only as the first word of a number ("a hundred")
    articles: frozenset[str] = frozenset()
    #: how a date in digits ("05/03/2019") orders its day and month: "md" month first (US), "dm" day
    #: first; each order listed is a reading (none: such dates are not read)
    numeric_dates: tuple[str, ...] = ()
    #: words between two dates that make them one span: "Aug. 11 to Aug. 14", "1 mei t/m 3 juni"
    until_words: tuple[str, ...] = ()


@lru_cache(maxsize=8192)  # prose repeats its words: look each up once
def _fold(word: str) -> str:
    """Lower case without diacritics: één -> een, tweeëntwintig -> tweeentwintig."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# -- Dutch -----------------------------------------------------------------------------------------

_NL_SMALL = {
    "nul": 0, "een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
    "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
    "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
}
_NL_TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
            "tachtig": 80, "negentig": 90}


def _nl_below_100(word: str) -> int | None:
    if word in _NL_SMALL:
        return _NL_SMALL[word]
    if word in _NL_TENS:
        return _NL_TENS[word]
    for unit, value in _NL_SMALL.items():
        if 1 <= value <= 9 and word.startswith(unit + "en") and word[len(unit) + 2:] in _NL_TENS:
            return value + _NL_TENS[word[len(unit) + 2:]]
    return None


@lru_cache(maxsize=8192)
def _nl_cardinal(word: str) -> int | None:
    """One Dutch word: vier, vijfentwintig, tweehonderdvijftig, drieduizend."""
    for scale, size in (("duizend", 1000), ("honderd", 100)):
        head, found, tail = word.partition(scale)
        if found:
            left = 1 if not head else _nl_cardinal(head)
            right = 0 if not tail else _nl_cardinal(tail)
            if left is None or right is None or right >= size or left >= 1000 or (size == 100 and left >= 100):
                return None
            return left * size + right
    return _nl_below_100(word)


@lru_cache(maxsize=8192)
def _nl_ordinal(word: str) -> int | None:
    special = {"eerste": 1, "derde": 3, "achtste": 8}
    if word in special:
        return special[word]
    if word.endswith("ste"):
        value = _nl_cardinal(word[:-3])
        return value if value is not None and (value >= 20 or value in (100, 1000)) else None
    if word.endswith("de"):
        value = _nl_cardinal(word[:-2])
        return value if value is not None and 2 <= value <= 19 else None
    return None


_SCALES_NL = {"duizend": 1000, "miljoen": 10**6, "miljard": 10**9, "mln": 10**6, "mld": 10**9, "mrd": 10**9}

DUTCH = Language(
    decimal=",", group=".",
    scales=_SCALES_NL,
    percent_words=("procent", "percent"),
    ordinal_suffix="(?:ste|de|e)",
    cardinal=lambda word: _nl_cardinal(word) if word not in ("miljoen", "miljard") else _SCALES_NL[word],
    ordinal=_nl_ordinal,
    vague={"enkele": (2, 9), "tientallen": (20, 99), "honderden": (200, 999), "duizenden": (2000, 9999),
           "tienduizenden": (20000, 99999), "honderdduizenden": (200000, 999999),
           "miljoenen": (2 * 10**6, 10**9 - 1), "talloze": (10, None)},
    months=("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
            "oktober", "november", "december"),
    months_case_sensitive=False,
    hedges={"begin": "early", "medio": "mid", "half": "mid", "eind": "late", "einde": "late"},
    range_words=("en", "tot", "t/m"),
    until_words=("tot en met", "t/m", "tot"),
    day_suffix="",
    month_first=False,
    past=("jl.", "jl", "jongstleden"),
    future=("a.s.", "aanstaande"),
    weak=frozenset({"een"}),
    verb_followers=frozenset({"het", "de", "ik", "je", "hij", "zij", "ze", "wij", "we", "men", "u"}),
    conjunction="",
    hundred="honderd",
    pair_words=frozenset({"beide"}),
    weak_ordinals={"eerst": 1},
    ordinal_after=r"op\s+(?P<n>[^\W\d_]+|\d+)\s+na",
    seasons={"voorjaar": (3, 5), "lente": (3, 5), "zomer": (6, 8), "najaar": (9, 11), "herfst": (9, 11)},
    relative_years={"dit jaar": 0, "vorig jaar": -1, "volgend jaar": 1},
    halves={"eerste helft": 1, "tweede helft": 2},
    of_words=("van",),
    relative_days={"gisteren": -1, "vandaag": 0, "morgen": 1},
    relative_weeks={"vorige week": -1, "deze week": 0, "volgende week": 1, "komende week": 1},
    weekdays=WEEKDAYS_NL,
)

# -- English ---------------------------------------------------------------------------------------

_EN_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9,
}


@lru_cache(maxsize=8192)
def _en_ordinal(word: str) -> int | None:
    special = {"first": 1, "second": 2, "third": 3, "fifth": 5, "eighth": 8, "ninth": 9, "twelfth": 12}
    if word in special:
        return special[word]
    if word.endswith("ieth"):
        return _EN_SMALL.get(word[:-4] + "y")
    if word.endswith("th"):
        return _EN_SMALL.get(word[:-2])
    return None


ENGLISH = Language(
    decimal=".", group=",",
    scales={"thousand": 1000, "million": 10**6, "billion": 10**9, "bn": 10**9},
    percent_words=("percent", "per cent"),
    ordinal_suffix="(?:st|nd|rd|th)",
    cardinal=lambda word: 1 if word in ("a", "an") else _EN_SMALL.get(word),
    ordinal=_en_ordinal,
    vague={"several": (3, 9), "dozens": (24, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
           "millions": (2 * 10**6, 10**9 - 1), "countless": (10, None)},
    months=("January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December"),
    months_case_sensitive=True,
    hedges={"early": "early", "mid": "mid", "late": "late"},
    range_words=("and", "to"),
    day_suffix="(?:st|nd|rd|th)?",
    month_first=True,
    past=(),
    future=(),
    weak=frozenset({"one", "a", "an"}),
    verb_followers=frozenset(),
    conjunction="and",
    hundred="hundred",
    pair_words=frozenset({"both"}),
    seasons={"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11)},
    relative_years={"this year": 0, "last year": -1, "next year": 1},
    halves={"first half": 1, "second half": 2},
    of_words=("of",),
    month_abbreviations={"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
                         "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12},
    lone_month_verbs=frozenset({"May", "March"}),
    relative_days={"yesterday": -1, "today": 0, "tomorrow": 1},
    relative_weeks={"last week": -1, "this week": 0, "next week": 1},
    weekdays=WEEKDAYS_EN,
    weekday_abbreviations={"Mon": 0, "Tue": 1, "Tues": 1, "Wed": 2, "Thu": 3, "Thur": 3, "Thurs": 3, "Fri": 4,
                           "Sat": 5, "Sun": 6},
    articles=frozenset({"a", "an"}),
    numeric_dates=("md", "dm"),  # "05/03/2019": 3 May in the US, 5 March in Britain
    until_words=("to", "through", "until", "till"),
)

#: Digits only, international notation: what a language without tables gets.
DIGITS_ONLY = Language(
    decimal=".", group=",", scales={}, percent_words=(), ordinal_suffix="(?!)",
    cardinal=lambda word: None, ordinal=lambda word: None, vague={}, months=(),
    months_case_sensitive=True, hedges={}, range_words=(), day_suffix="", month_first=False,
    past=(), future=(), weak=frozenset(), verb_followers=frozenset(), conjunction="", hundred="",
)

LANGUAGES: dict[str, Language] = {"nl": DUTCH, "en": ENGLISH}


def language(tag: str) -> Language:
    """The tables for a BCP 47 tag (``nl``, ``en-GB``), by its primary language."""
    return LANGUAGES.get(tag.split("-")[0].lower(), DIGITS_ONLY)


# -- patterns --------------------------------------------------------------------------------------

def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


Reader = Callable[[re.Match[str], "Language", date | None], "Numeral | None"]


@dataclass(frozen=True)
class _Patterns:
    """A language's compiled patterns, built once per language."""

    number: re.Pattern[str]
    phrases: tuple[tuple[re.Pattern[str], Reader], ...]  # dates and idioms, tried in this order
    # Every phrase holds one of its language's month, season, half-year or relative-year words
    # after a non-word character, or is the ordinal idiom: a text this finds nothing in has no
    # phrase, and one search is far cheaper than the phrases (most quotes have none).
    cue: re.Pattern[str] | None


@cache
def _patterns(lang: Language) -> _Patterns:
    group, decimal = re.escape(lang.group), re.escape(lang.decimal)
    digits = (rf"(?P<digits>\d{{1,3}}(?:{group}\d{{3}}(?!\d))+(?:{decimal}\d+)?"
              rf"|\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}}(?!\d))+(?!{group}\d)|\d+(?:{decimal}\d+)?)")
    tail = [rf"(?P<ordinal>{lang.ordinal_suffix})(?![^\W\d_])"]
    if lang.scales:
        # an abbreviation may be glued to the digits: "€1.5bn", "€ 5mln"
        glued = _alternatives(word for word in lang.scales if len(word) <= 3)
        tail.append(rf"(?:\s+|(?=(?:{glued})(?!\w)))(?P<scale>{_alternatives(lang.scales)})(?!\w)")
    percent = r"\s?%" + (rf"|\s+(?:{_alternatives(lang.percent_words)})(?!\w)" if lang.percent_words else "")
    tail.append(rf"(?P<percent>{percent})")
    # (?=\d) first: the engine tries a pattern at every position, and this fails fastest where no digit is
    number = re.compile(rf"(?=\d)(?<![\w.,])(?<![^\W\d_]-){digits}(?:{'|'.join(tail)})?(?![^\W_])")
    if not lang.months:
        return _Patterns(number, (), None)
    # a case-sensitive language's months are capitalised or in capitals ("SEP. 18" in a table)
    months = _alternatives([*lang.months, *map(str.upper, lang.months)])
    month = months if lang.months_case_sensitive else f"(?i:{months})"
    if lang.month_abbreviations:  # "Aug." and "Aug": `_date` takes one only with a day or a year
        abbreviations = [*lang.month_abbreviations, *map(str.upper, lang.month_abbreviations)]
        month = rf"(?:{month}|(?:{_alternatives(abbreviations)})\.?)"
    dash = "[-\u2013\u2014]"
    ranges = "|".join([dash, *(re.escape(word) for word in lang.range_words)])
    # "dinsdag 3 en woensdag 4 november": a weekday may name the second day of a range too
    second_weekday = rf"(?:{_weekday_names(lang)}\s+)?" if lang.weekdays else ""
    day = (rf"(?P<d1>[0-3]?\d){lang.day_suffix}"
           rf"(?:\s*(?:{ranges})\s*{second_weekday}(?P<d2>[0-3]?\d){lang.day_suffix})?")
    hedge = rf"(?P<hedge>(?i:{_alternatives(lang.hedges)}))[\s-]+" if lang.hedges else "(?!)"
    # "October 2, 2015", "2 oktober 2015", and a title's "November - 2015"
    year = r"(?:(?:,|\s+[-\u2013\u2014])?\s+(?P<year>\d{4})(?!\d))?"
    markers = [*lang.past, *lang.future]
    relative = rf"(?:\s+(?P<rel>{_alternatives(markers)})(?!\w))?" if markers else ""
    forms = [rf"(?:{hedge}|{day}\s+)?(?P<month>{month})(?!\w){year}{relative}"]
    if lang.month_first:  # tried first: "October 2, 2015" is more than "October"
        forms.insert(0, rf"(?P<month2>{month})\s+(?P<d3>[0-3]?\d){lang.day_suffix}"
                        rf"(?:\s*{dash}\s*(?P<d4>[0-3]?\d){lang.day_suffix})?(?!\w)"
                        rf"(?:,?\s+(?P<year2>\d{{4}})(?!\d))?")
    phrases: list[tuple[str, Reader]] = []
    cues = [month]
    if lang.ordinal_after:
        phrases.append((lang.ordinal_after, _ordinal_after))
        cues.append(lang.ordinal_after)
    some_year = r"(?P<year>\d{4})(?!\d)"
    if lang.relative_years:
        some_year = rf"(?:{some_year}|(?P<relyear>{_alternatives(lang.relative_years)}))"
    of = rf"(?:(?:{_alternatives(lang.of_words)})\s+)?" if lang.of_words else ""
    phrases.append((rf"(?P<month>{month})\s*[/\u2013-]\s*(?P<month2>{month})(?!\w)(?:\s+{some_year})?{relative}",
                    _month_range))
    if lang.halves:
        halves = f"(?i:{_alternatives(lang.halves)})"
        phrases.append((rf"{halves}\s+{of}(?:\w+\s+)?{some_year}", _half))
        cues.append(halves)
    if lang.seasons:
        seasons = f"(?i:{_alternatives(lang.seasons)})"
        phrases.append((rf"(?P<season>{seasons})(?!\w)(?:\s+{of}{some_year})?", _season))
        cues.append(seasons)
    if lang.relative_days:
        days, weeks = f"(?i:{_alternatives(lang.relative_days)})", f"(?i:{_alternatives(lang.relative_weeks)})"
        phrases.append((rf"(?:(?P<relday>{days})|(?P<relweek>{weeks}))(?!\w)", _relative_day))
        cues.extend((days, weeks))
    if lang.relative_years:
        relative_years = f"(?i:{_alternatives(lang.relative_years)})"
        phrases.append((rf"(?P<relyear>{relative_years})(?!\w)", _season))
        cues.append(relative_years)
    phrases.append(("|".join(f"(?:{form})" for form in forms), _date))
    if lang.numeric_dates:
        phrases.append((r"(?P<n1>[0-3]?\d)/(?P<n2>[0-3]?\d)/(?P<year>\d{4})(?![\d/])", _numeric_date))
        cues.append(r"\d{1,2}/\d")
    return _Patterns(number, tuple((re.compile(rf"(?<!\w)(?:{pattern})"), read) for pattern, read in phrases),
                     re.compile(rf"(?<!\w)(?:{'|'.join(cues)})"))


# -- scanning --------------------------------------------------------------------------------------

def find_numerals(text: str, tag: str = "nl", reference: date | None = None, *, words: bool = True) -> list[Numeral]:
    """Everything numeric `text` states, in order of position (see the module documentation).

    With ``words=False``, only the dates, idioms and digits: the number words, ordinals and vague
    counts written in words are the costliest pass, and one that changes nothing found before it.
    """
    lang = language(tag)
    patterns = _patterns(lang)
    found: list[Numeral] = []
    taken = bytearray(len(text))
    if patterns.cue is not None and patterns.cue.search(text):
        for pattern, read in patterns.phrases:
            for match in pattern.finditer(text):
                if _free(taken, match):
                    item = read(match, lang, reference)
                    if item is not None:
                        found.append(item)
                        _take(taken, item)
    if len(found) > 1 and lang.until_words:
        found = _spans(text, found, lang)
        for item in found:
            _take(taken, item)
    numbers: Iterable[re.Match[str]] = patterns.number.finditer(text)
    if found:  # only phrases can have taken a number's span: numbers never overlap one another
        # read the digits around the phrases without them: in "SEP. 18 446.87" (two table cells), "18 446"
        # is no number once "SEP. 18" is a date, and 446.87 is
        numbers = [match for match in patterns.number.finditer(_masked(text, found)) if _free(taken, match)]
    found.extend(_number(match, lang) for match in numbers)
    found.sort(key=_START)
    return add_words(text, tag, found) if words else found


def add_words(text: str, tag: str, found: list[Numeral]) -> list[Numeral]:
    """All of `find_numerals(text, tag, reference)` from `found`, what it returned with ``words=False``:
    `found` and the words in the spans it leaves free."""
    return sorted([*found, *_words(text, language(tag), found)], key=_START)


_START = attrgetter("start")


def _take(taken: bytearray, item: Numeral) -> None:
    taken[item.start:item.end] = b"\x01" * (item.end - item.start)


def _spans(text: str, found: list[Numeral], lang: Language) -> list[Numeral]:
    """`found` with two days joined by an until word ("AUG. 11 TO AUG. 14") read as one span of days,
    which also means each of its ends (as "Aug. 30-31" does)."""
    until = _until(lang)
    ordered = sorted(found, key=_START)
    result: list[Numeral] = []
    for item in ordered:
        last = result[-1] if result else None
        if (last is not None and _one_day(last) and _one_day(item) and last.dates[0].last < item.dates[0].first
                and until.fullmatch(text, last.end, item.start)):
            span = parse_date(f"{last.dates[0]}/{item.dates[0]}")
            result[-1] = Numeral(last.start, item.end, text[last.start:item.end], DATE,
                                 dates=(span, last.dates[0], item.dates[0]), weak=last.weak and item.weak)
        else:
            result.append(item)
    return result


@cache
def _until(lang: Language) -> re.Pattern[str]:
    return re.compile(rf"\s*(?:[-\u2013\u2014]|(?i:{_alternatives(lang.until_words)})(?!\w))\s*")


def _one_day(item: Numeral) -> bool:
    return item.kind == DATE and len(item.dates) == 1 and item.dates[0].first == item.dates[0].last


def _masked(text: str, found: list[Numeral]) -> str:
    """`text` with each phrase found replaced by as many letters: no digit of it joins a number beside it."""
    pieces, end = [], 0
    for item in sorted(found, key=_START):
        pieces += [text[end:item.start], "x" * (item.end - item.start)]
        end = item.end
    return "".join([*pieces, text[end:]])


def _free(taken: bytearray, match: re.Match[str]) -> bool:
    return taken.find(1, match.start(), match.end()) < 0


_SPACES = re.compile(r"[ \u00a0\u202f]")
#: what may stand before the first word of a sentence: nothing, an end of a sentence, an opening quote
_OPENERS = ("", ".", "!", "?", ":", "\"", "\u201c", "(")
_YEAR = re.compile(r"(19|20)\d\d")


def _number(match: re.Match[str], lang: Language) -> Numeral:
    written = match["digits"]
    # the pattern admits group separators only between groups of three digits
    compact = _SPACES.sub("", written).replace(lang.group, "")
    value = Decimal(compact.replace(lang.decimal, "."))
    span = (match.start(), match.end(), match.group())
    if match["ordinal"]:
        return Numeral(*span, ORDINAL, value)
    if match["percent"]:
        return Numeral(*span, PERCENT, value)
    scale = match["scale"] if lang.scales else None  # the pattern has the group only then
    if scale:
        return Numeral(*span, NUMBER, value * lang.scales[scale])
    years: tuple[DateInterval, ...] = ()
    if _YEAR.fullmatch(written):
        years = (parse_date(written),)
    return Numeral(*span, NUMBER, value, dates=years)


def _date(match: re.Match[str], lang: Language, reference: date | None) -> Numeral | None:
    month_name = match["month"] or match.groupdict().get("month2")
    assert month_name is not None
    month = _month_of(month_name, lang)
    year_text = match["year"] or match.groupdict().get("year2")
    first_day = match["d1"] or match.groupdict().get("d3")
    last_day = (match["d1"] and match["d2"]) or match.groupdict().get("d4")
    relative = (match.groupdict().get("rel") or "").lower()
    hedge = match["hedge"]
    alone = not (first_day or year_text or hedge)
    if alone and month_name.rstrip(".").capitalize() in lang.month_abbreviations:  # "Mar", "Jan": a name as often
        return None
    if alone and lang.months_case_sensitive and month_name.isupper():  # "YOU MAY": capitals say nothing
        return None
    weak = (alone and month_name.capitalize() in lang.lone_month_verbs
            and match.string[:match.start()].rstrip()[-1:] in _OPENERS)
    try:
        year = int(year_text) if year_text else _resolve_year(month, int(first_day or 1), relative, lang, reference)
        if year is None:
            return Numeral(match.start(), match.end(), match.group(), DATE, weak=weak)
        stem = f"{year:04d}-{month:02d}"
        dates: tuple[DateInterval, ...]
        if hedge:
            dates = (parse_date(f"{stem}-{lang.hedges[_key(lang.hedges, hedge)]}"),)
        elif first_day and last_day:
            first, last = f"{stem}-{int(first_day):02d}", f"{stem}-{int(last_day):02d}"
            dates = (parse_date(f"{first}/{last}"), parse_date(first), parse_date(last))
        elif first_day:
            dates = (parse_date(f"{stem}-{int(first_day):02d}"),)
        else:
            dates = (parse_date(stem),)
    except ValueError:  # "31 juni", "9-7 september": not a date; the digits are numbers then
        return None
    return Numeral(match.start(), match.end(), match.group(), DATE, dates=dates, weak=weak)


def _numeric_date(match: re.Match[str], lang: Language, reference: date | None) -> Numeral | None:
    """A date in digits, "05/03/2019": each of the language's orders that names a day of the calendar."""
    if match.string[match.start() - 1:match.start()] in ("/", *"0123456789"):
        return None  # part of a longer run of digits and slashes
    first, second, year = int(match["n1"]), int(match["n2"]), int(match["year"])
    dates = []
    for order in lang.numeric_dates:
        month, day = (first, second) if order == "md" else (second, first)
        try:
            reading = parse_date(f"{year:04d}-{month:02d}-{day:02d}")
        except ValueError:  # 13/05: no thirteenth month
            continue
        if reading not in dates:
            dates.append(reading)
    if not dates:
        return None
    return Numeral(match.start(), match.end(), match.group(), DATE, dates=tuple(dates))


def _key(keys: Iterable[str], written: str) -> str:
    """The word among `keys` that `written` is, compared as the case-insensitive patterns compare:
    Unicode case folding makes "auguſtus" August and "APRİL" April, which `.lower()` would not."""
    return next(key for key in keys if re.fullmatch(re.escape(key), written, re.IGNORECASE))


def _month_of(name: str, lang: Language) -> int:
    abbreviation = lang.month_abbreviations.get(name.rstrip(".").capitalize())
    if abbreviation is not None:
        return abbreviation
    return lang.months.index(_key(lang.months, name)) + 1


def _year_of(match: re.Match[str], lang: Language, reference: date | None) -> int | None:
    """The year a phrase names: digits, "dit jaar" (relative to the reference), or None."""
    groups = match.groupdict()
    if groups.get("year"):
        return int(groups["year"])
    relative = groups.get("relyear")
    if relative and reference is not None:
        return reference.year + lang.relative_years[_key(lang.relative_years, relative)]
    return None


def _reading(match: re.Match[str], text: str | None) -> Numeral:
    """A date phrase with the interval `text` in the dates grammar (None: no reference year)."""
    try:
        dates = (parse_date(text),) if text else ()
    except ValueError:  # a year beyond the calendar
        dates = ()
    return Numeral(match.start(), match.end(), match.group(), DATE, dates=dates)


def _month_range(match: re.Match[str], lang: Language, reference: date | None) -> Numeral | None:
    """augustus/september jl.: from the first month to the second (across a new year if need be)."""
    first, last = _month_of(match["month"], lang), _month_of(match["month2"], lang)
    year = _year_of(match, lang, reference)
    if year is None:
        year = _resolve_year(first, 1, (match.groupdict().get("rel") or "").lower(), lang, reference)
    if year is None:
        return _reading(match, None)
    end_year = year + 1 if last < first else year
    return _reading(match, f"{year:04d}-{first:02d}/{end_year:04d}-{last:02d}")


def _half(match: re.Match[str], lang: Language, reference: date | None) -> Numeral | None:
    """de eerste helft van dit jaar: a half year."""
    year = _year_of(match, lang, reference)
    half = next(value for words, value in lang.halves.items() if re.match(re.escape(words), match.group(), re.I))
    return _reading(match, None if year is None else f"{year:04d}-H{half}")


def _season(match: re.Match[str], lang: Language, reference: date | None) -> Numeral | None:
    """het najaar van 2014, in de zomer, dit jaar: a season of a year (the reference's by default), or a year."""
    year = _year_of(match, lang, reference)
    if year is None and reference is not None:
        year = reference.year
    if year is None:
        return _reading(match, None)
    season = match.groupdict().get("season")
    if not season:
        return _reading(match, f"{year:04d}")
    first, last = lang.seasons[_key(lang.seasons, season)]
    return _reading(match, f"{year:04d}-{first:02d}/{year:04d}-{last:02d}")


def _relative_day(match: re.Match[str], lang: Language, reference: date | None) -> Numeral | None:
    """yesterday, vandaag, vorige week: a day or a week (Monday to Sunday) from the reference date, if
    there is one.  Weak: a text says "today" for many things, and its date only when it is dated."""
    if reference is None:
        return None
    try:
        if match["relday"]:
            day = reference + timedelta(lang.relative_days[_key(lang.relative_days, match["relday"])])
            when = DateInterval(day, day)
        else:
            weeks = lang.relative_weeks[_key(lang.relative_weeks, match["relweek"])]
            monday = reference + timedelta(7 * weeks - reference.weekday())
            when = DateInterval(monday, monday + timedelta(6))
    except OverflowError:  # a day before 1 January 1 or after 31 December 9999
        return None
    return Numeral(match.start(), match.end(), match.group(), DATE, dates=(when,), weak=True)


def _ordinal_after(match: re.Match[str], lang: Language, reference: date | None) -> Numeral | None:
    """op een na hoogste: the second highest."""
    written = match["n"]
    number = int(written) if written.isdigit() else lang.cardinal(_fold(written))
    if number is None:
        return None
    return Numeral(match.start(), match.end(), match.group(), ORDINAL, Decimal(number + 1))


def _resolve_year(month: int, day: int, relative: str, lang: Language, reference: date | None) -> int | None:
    if reference is None:
        return None
    year = reference.year
    day = min(day, calendar.monthrange(year, month)[1])
    if relative in lang.past and date(year, month, day) > reference:
        return year - 1
    if relative in lang.future and date(year, month, day) < reference:
        return year + 1
    return year


_WORD = re.compile(r"[^\W\d_]+")


def _words(text: str, lang: Language, taken_by: list[Numeral]) -> list[Numeral]:
    """Number words, ordinals and vague counts, outside what is `taken_by` the other passes; adjacent
    number words make one number."""
    words = list(_WORD.finditer(text))
    if taken_by:
        taken = bytearray(len(text))
        for item in taken_by:
            _take(taken, item)
        words = [match for match in words if _free(taken, match)]
    found: list[Numeral] = []
    index = 0
    while index < len(words):
        match = words[index]
        word = _number_word(lang, match.group())
        if word is None:
            index += 1
            continue
        if word in lang.pair_words or word in lang.weak_ordinals:  # beide, "voor het eerst"
            kind, number = (NUMBER, 2) if word in lang.pair_words else (ORDINAL, lang.weak_ordinals[word])
            found.append(Numeral(match.start(), match.end(), match.group(), kind, Decimal(number), weak=True))
            index += 1
            continue
        if word in lang.vague:
            low, high = lang.vague[word]
            found.append(Numeral(match.start(), match.end(), match.group(), VAGUE, low=Decimal(low),
                                 high=None if high is None else Decimal(high)))
            index += 1
            continue
        ordinal = lang.ordinal(word)
        if ordinal is not None:
            found.append(Numeral(match.start(), match.end(), match.group(), ORDINAL, Decimal(ordinal)))
            index += 1
            continue
        end, value, is_ordinal = _sequence(text, words, index, lang)
        if end == index:
            index += 1
            continue
        last = words[end - 1]
        following = words[end] if end < len(words) else None
        # "één" is a numeral, "een" mostly an article: the written form decides
        weak = end - index == 1 and (match.group().lower() in lang.weak or (
            following is not None and text[last.end():following.start()] == " "
            and _fold(following.group()) in lang.verb_followers))
        found.append(Numeral(match.start(), last.end(), text[match.start():last.end()],
                             ORDINAL if is_ordinal else NUMBER, Decimal(value), weak=weak))
        index = end
    return found


@lru_cache(maxsize=16384)  # prose repeats its words: most are no number, and cost one look-up
def _number_word(lang: Language, written: str) -> str | None:
    """`written` folded, if it is a word `_words` can read a number from (alone or first of several)."""
    word = _fold(written)
    readable = (word in lang.pair_words or word in lang.weak_ordinals or word in lang.vague
                or lang.ordinal(word) is not None or lang.cardinal(word) is not None)
    return word if readable else None


def _sequence(text: str, words: list[re.Match[str]], index: int, lang: Language) -> tuple[int, int, bool]:
    """The longest run of number words from `index`: (end index, value, ends in an ordinal)."""
    total, current, last_scale = 0, 0, 10**18
    end, value, is_ordinal = index, 0, False
    position = index
    while position < len(words):
        match = words[position]
        if position > index:
            gap = text[words[position - 1].end():match.start()]
            if gap not in (" ", "-"):
                break
        word = _fold(match.group())
        if position > index and word == lang.conjunction:  # "two hundred and fifty"
            position += 1
            continue
        if position > index and word in lang.articles:  # "a" is one only where a number starts
            break
        number = lang.cardinal(word)
        ordinal = lang.ordinal(word) if number is None and position > index else None
        piece = number if number is not None else ordinal
        if piece is None:
            break
        if word == lang.hundred or (piece in (1000, 10**6, 10**9) and word in lang.scales):
            if piece == 100:
                if current >= 100:
                    break
                current = max(current, 1) * 100
            else:
                if piece >= last_scale:
                    break
                total += max(current, 1) * piece
                current, last_scale = 0, piece
        elif current == 0 or (current % 100 == 0 and piece < 100) or (
                current % 100 >= 20 and current % 10 == 0 and piece < 10):  # hundred fifty, twenty five
            current += piece
        else:
            break
        position += 1
        end, value, is_ordinal = position, total + current, ordinal is not None
        if ordinal is not None:
            break
    return end, value, is_ordinal


# -- weekdays --------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class NamedWeekday:
    """A weekday a text names with a date ("vrijdag 28 oktober jl.", "Fri., Sept. 1"): [start, end) from
    the weekday's name to the date's end, the weekday named (0 = Monday) and the day the date is."""

    start: int
    end: int
    text: str
    weekday: int
    day: date


#: How far after a weekday's name its date may end: the longest form ("Wednesday, September 30-31,
#: 2017") is shorter.
_DATE_REACH = 60
_NAME = re.compile(r"[^\W\d_]+")


def _weekday_names(lang: Language) -> str:
    """A pattern for a weekday's name and the punctuation after it: a full name ends a word (English
    capitalised or in capitals, as its months), an abbreviation needs its period or a comma ("Sun" and
    "Sat" are words)."""
    if lang.months_case_sensitive:
        full = _alternatives([*(name.capitalize() for name in lang.weekdays), *map(str.upper, lang.weekdays)])
    else:
        full = f"(?i:{_alternatives(lang.weekdays)})"
    names = rf"(?:{full})(?!\w),?"
    if lang.weekday_abbreviations:
        names += rf"|(?:{_alternatives(lang.weekday_abbreviations)})(?:\.,?|,)"
    return f"(?:{names})"


@cache
def _weekday_pattern(lang: Language) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){_weekday_names(lang)}\s+")


@cache
def _weekday_cues(lang: Language) -> tuple[str, ...]:
    """Literal pieces, one of which every weekday's name holds: the full names' common ending (in lower
    case and in capitals) and each abbreviation that does not start with another."""
    first = lang.weekdays[0]
    size = 0  # of the common ending
    while size < len(first) and all(name.endswith(first[-1 - size:]) for name in lang.weekdays):
        size += 1
    ending = first[len(first) - size:]
    endings = (ending, ending.upper()) if ending else (*lang.weekdays, *map(str.upper, lang.weekdays))
    abbreviations = lang.weekday_abbreviations
    return (*endings, *(stem for stem in abbreviations
                        if not any(stem != other and stem.startswith(other) for other in abbreviations)))


def _weekday_starts(text: str, lang: Language) -> list[int]:
    """The start of each word that holds a cue: where a weekday's name may start.  `str.find` of a few
    literals is some twenty times faster than one regular expression of the names, which share no prefix."""
    starts: set[int] = set()
    for cue in _weekday_cues(lang):
        index = text.find(cue)
        while index >= 0:
            start = index
            while start and text[start - 1].isalpha():
                start -= 1
            starts.add(start)
            index = text.find(cue, index + 1)
    return sorted(starts)


def find_weekdays(text: str, tag: str = "nl", reference: date | None = None) -> list[NamedWeekday]:
    """Every weekday `text` names right before a date of one day ("vrijdag 28 oktober jl.", "Thursday,
    August 6, 2020"), or of a range whose day it names ("dinsdag 3 en woensdag 4 november"), with the day
    that date is (its year as `find_numerals` resolves it).  A weekday before anything else is not one."""
    lang = language(tag)
    if not lang.weekdays:
        return []
    pattern = _weekday_pattern(lang)
    found: list[NamedWeekday] = []
    for start in _weekday_starts(text, lang):
        match = pattern.match(text, start)
        if match is None:
            continue
        after = match.end()
        stated = find_numerals(text[after:after + _DATE_REACH], tag, reference, words=False)
        if not stated or stated[0].start != 0 or stated[0].kind != DATE:
            continue
        days = [reading.first for reading in stated[0].dates if reading.first == reading.last]
        if not days:  # a month, a hedge ("eind oktober"), or no known year
            continue
        name = cast(re.Match[str], _NAME.match(match.group())).group()
        folded = name.lower()
        weekday = lang.weekdays.index(folded) if folded in lang.weekdays else lang.weekday_abbreviations[name]
        end = after + stated[0].end
        found.append(NamedWeekday(match.start(), end, text[match.start():end], weekday, days[0]))
    return found


def has_number_words(text: str, tag: str) -> bool:
    """Whether `add_words` could find in `text` a number word that its spelling alone does not make weak:
    a cheap test (a few microseconds a sentence) before that costlier pass, for a caller that needs
    only the strong readings."""
    lang = language(tag)
    return any(_number_word(lang, word) is not None and word.lower() not in lang.weak
               for word in _WORD.findall(text))


# -- notation --------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Misread:
    """Digits that the other notation reads differently: "12,5" in English is 12 and 5, not 12.5."""

    start: int
    end: int
    text: str  # as written, with a scale word or percent sign: 12,5 or 1,5 million
    parts: tuple[str, ...]  # what the document's notation reads: 12 and 5
    other: Numeral  # what the other notation reads (its scale word or percent sign applied): 12.5
    decimal: str  # the document's decimal separator
    group: str  # and its group separator: the other notation's decimal one

    def overlaps(self, item: Numeral) -> bool:
        """Whether `item` is read from some of these digits (the 12 of "12,5")."""
        return item.start < self.end and self.start < item.end

    def explain(self, tag: str) -> str:
        """`"12,5" reads as 12 and 5 with a decimal point (document.language: en); with a decimal comma it
        would be 12.5`."""
        return (f"\"{self.text}\" reads as {' and '.join(self.parts)} with a decimal {_SEPARATORS[self.decimal]} "
                f"(document.language: {tag}); with a decimal {_SEPARATORS[self.group]} it would be "
                f"{self.other.meaning}")


_SEPARATORS = {",": "comma", ".": "point"}


@cache
def _swapped(lang: Language) -> Language:
    """The language with its decimal and group separators swapped: the other notation."""
    return replace(lang, decimal=lang.group, group=lang.decimal)


@cache
def _separated(group: str) -> re.Pattern[str]:
    return re.compile(rf"\d{re.escape(group)}\d")


#: words before the number of a part of a document ("Tabel 1.1", "section 3.2", "artikel 2.35"): such a
#: number is a label, not an amount, whichever separator it has
_LABEL = re.compile(r"(?<![^\W\d_])(?i:tabel|table|figuur|figure|grafiek|bijlage|annex|appendix|hoofdstuk|chapter"
                    r"|paragraaf|section|artikel|article|art\.|lid|§)[ \u00a0]$")


def misread(text: str, tag: str) -> list[Misread]:
    """The numbers of `text` whose group separator the document's notation cannot read as one: a
    decimal comma in English ("12,5" is 12 and 5: a group has three digits), a decimal point in
    Dutch ("12.5 miljoen").  "250.000" in Dutch and "250,000" in English read as one number."""
    lang = language(tag)
    if lang.group not in text or not _separated(lang.group).search(text):  # most texts: one search
        return []
    other, own = _swapped(lang), _patterns(lang).number
    found = []
    for match in _patterns(other).number.finditer(text):
        digits = match["digits"]
        separator = digits.find(lang.group)
        if separator < 0:
            continue
        read = own.match(text, match.start())
        if read is not None and read.end("digits") > match.start() + separator:
            continue  # the document's notation reads past the separator: a group of three digits
        if _LABEL.search(text, 0, match.start()):
            continue  # "Tabel 1.1", "artikel 2.35": the number of a part, in any notation
        found.append(Misread(match.start(), match.end(), match.group(), tuple(digits.split(lang.group)),
                             _number(match, other), lang.decimal, lang.group))
    return found

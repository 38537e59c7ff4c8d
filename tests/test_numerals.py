# ruff: noqa: RUF001
"""Numbers, words, ordinals, vague counts and dates in Dutch and English snippets of the letter."""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.numerals import DUTCH, add_words, find_numerals

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
    ("€ 1,5 mld en €2mln", [("1,5 mld", "number", "1500000000"), ("2mln", "number", "2000000")]),
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
    ("a strike near Mosul", [("a", "1", True)]),
    ("An ISIS unit", [("An", "1", True)]),
    ("a hundred strikes", [("a hundred", "100", False)]),
    ("a thousand and a half", [("a thousand", "1000", False), ("a", "1", True)]),  # "a" starts no number inside one
    ("one strike", [("one", "1", True)]),
])
def test_english_articles_are_a_weak_one(text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert [(item.text, item.meaning, item.weak) for item in find_numerals(text, "en", LETTER_DATE)] == expected


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
    # as releases and registers write amounts
    ("an estimated cost of $6,205 per product", [("6,205", "number", "6205")]),
    ("a total of $1.2 million", [("1.2 million", "number", "1200000")]),
    ("US$ 3 billion and US$4bn", [("3 billion", "number", "3000000000"), ("4bn", "number", "4000000000")]),
    ("€1.5bn in aid", [("1.5bn", "number", "1500000000")]),
    ("affects 214 U.S.-registered airplanes at $85 per hour.", [("214", "number", "214"), ("85", "number", "85")]),
    ("the U.S. 5th Fleet sent 12 ships", [("5th", "ordinal", "ordinal 5"), ("12", "number", "12")]),
    ("12 percent and 7.5 per cent", [("12 percent", "percent", "12%"), ("7.5 per cent", "percent", "7.5%")]),
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


# -- generated phrases: every piece's reading is written out here, independently of the scanner --------

#: (start, as written, kind, meaning, weak, read from words)
Reading = tuple[int, str, str, str, bool, bool]

NL_SMALL = ["", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf",
            "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien"]
NL_TENS = ["", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"]
EN_SMALL = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NL_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
             "november", "december"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
VAGUE = {"nl": {"enkele": "2..9", "tientallen": "20..99", "honderden": "200..999", "duizenden": "2000..9999",
                "tienduizenden": "20000..99999", "honderdduizenden": "200000..999999",
                "miljoenen": "2000000..999999999", "talloze": "10.."},
         "en": {"several": "3..9", "dozens": "24..99", "hundreds": "200..999", "thousands": "2000..9999",
                "millions": "2000000..999999999", "countless": "10.."}}
#: words between pieces: no number, no date, and none of them makes a number word before it a verb
FILLERS = {"nl": ["bij", "naast", "met", "zonder"], "en": ["with", "near", "beside", "without"]}


def dutch(number: int) -> str:
    """1 <= number < 10**6 as one Dutch word: vijfentwintig, tweehonderdvijftig, drieduizend."""
    for size, name in ((1000, "duizend"), (100, "honderd")):
        if number >= size:
            head, rest = divmod(number, size)
            return ("" if head == 1 else dutch(head)) + name + (dutch(rest) if rest else "")
    if number < 20:
        return NL_SMALL[number]
    tens, unit = divmod(number, 10)
    if not unit:
        return NL_TENS[tens]
    return NL_SMALL[unit] + ("ën" if NL_SMALL[unit].endswith("e") else "en") + NL_TENS[tens]


def dutch_ordinal(number: int) -> str:
    """1 <= number < 100: eerste, derde, achtste, elfde, twintigste, vijfentwintigste."""
    special = {1: "eerste", 3: "derde", 8: "achtste"}
    return special.get(number) or dutch(number) + ("de" if number < 20 else "ste")


def english(number: int) -> str:
    """1 <= number < 10**6 in English words: two hundred and fifty thousand, twenty-one."""
    thousands, rest = divmod(number, 1000)
    hundreds, rest = divmod(rest, 100)
    parts = [english(thousands) + " thousand"] if thousands else []
    if hundreds:
        parts.append(EN_SMALL[hundreds] + " hundred" + (" and" if rest else ""))
    if rest:
        tens, unit = divmod(rest, 10)
        parts.append(EN_SMALL[rest] if rest < 20 else EN_TENS[tens] + (f"-{EN_SMALL[unit]}" if unit else ""))
    return " ".join(parts)


def english_ordinal(number: int) -> str:
    """1 <= number < 100: first, fifth, twelfth, twentieth, twenty-third."""
    special = {1: "first", 2: "second", 3: "third", 5: "fifth", 8: "eighth", 9: "ninth", 12: "twelfth"}
    tens, unit = divmod(number, 10)
    if number < 20:
        return special.get(number) or EN_SMALL[number] + "th"
    return EN_TENS[tens][:-1] + "ieth" if not unit else f"{EN_TENS[tens]}-{english_ordinal(unit)}"


def whole(text: str, kind: str, meaning: str, *, weak: bool = False, words: bool = False) -> list[Reading]:
    return [(0, text, kind, meaning, weak, words)]


def days(year: int, month: int, first: int, last: int | None = None) -> str:
    """The dates grammar's reading of days `first` to `last` (a single day when no last)."""
    start = f"{year:04d}-{month:02d}-{first:02d}"
    return start if last is None else f"{start}..{year:04d}-{month:02d}-{last:02d}"


PIECES = ["cardinal", "scaled words", "ordinal", "vague", "digits", "scaled digits", "percent", "digit ordinal",
          "day", "day range", "hedged month", "month", "season", "half", "relative year", "month range", "weak",
          "idiom"]


@st.composite
def piece(draw: st.DrawFn, tag: str, choice: str) -> tuple[str, list[Reading]]:
    """A phrase of kind `choice` (one of PIECES) in language `tag`, and what it states."""
    nl = tag == "nl"
    months = NL_MONTHS if nl else EN_MONTHS
    month = draw(st.integers(1, 12))
    year = draw(st.integers(1990, 2030))
    end = calendar.monthrange(year, month)[1]
    day = draw(st.integers(1, end))
    name = months[month - 1]
    if choice == "cardinal":
        number = draw(st.integers(1, 999_999))
        text = dutch(number) if nl else english(number)
        return text, whole(text, "number", str(number), weak=number == 1, words=True)
    if choice == "scaled words":
        number = draw(st.integers(1, 999))
        text = f"{dutch(number)} miljoen" if nl else f"{english(number)} million"
        return text, whole(text, "number", str(number * 10**6), words=True)
    if choice == "ordinal":
        number = draw(st.integers(1, 99))
        text = dutch_ordinal(number) if nl else english_ordinal(number)
        return text, whole(text, "ordinal", f"ordinal {number}", words=True)
    if choice == "vague":
        text, meaning = draw(st.sampled_from(sorted(VAGUE[tag].items())))
        return text, whole(text, "vague", meaning, words=True)
    if choice in ("digits", "scaled digits", "percent"):
        number = draw(st.integers(0, 10**7))
        cents = draw(st.sampled_from(["", "5", "25"]))
        group, point = (".", ",") if nl else (",", ".")
        text = f"{number:,}".replace(",", group) + (point + cents if cents else "")
        value = Decimal(f"{number}.{cents}" if cents else number)
        if choice == "scaled digits":
            return f"{text} {'miljoen' if nl else 'million'}", whole(
                f"{text} {'miljoen' if nl else 'million'}", "number", f"{(value * 10**6).normalize():f}")
        if choice == "percent":
            text += draw(st.sampled_from(["%", " procent" if nl else " percent"]))
            return text, whole(text, "percent", f"{value.normalize():f}%")
        return text, whole(text, "number", f"{value.normalize():f}")
    if choice == "digit ordinal":
        number = draw(st.integers(1, 99))
        text = f"{number}{draw(st.sampled_from(['e', 'ste', 'de'] if nl else ['th', 'st', 'nd', 'rd']))}"
        return text, whole(text, "ordinal", f"ordinal {number}")
    if choice == "day":
        text = f"{day} {name} {year}" if nl or draw(st.booleans()) else f"{name} {day}, {year}"
        return text, whole(text, "date", days(year, month, day))
    if choice == "day range":
        first, last = sorted(draw(st.lists(st.integers(1, end), min_size=2, max_size=2, unique=True)))
        text = f"{first}\u2013{last} {name} {year}"
        return text, whole(text, "date", days(year, month, first, last))
    if choice == "hedged month":
        hedge, (first, last) = draw(st.sampled_from(
            [("begin", (1, 10)), ("medio", (11, 20)), ("eind", (21, end)), ("Begin", (1, 10))] if nl
            else [("early ", (1, 10)), ("mid-", (11, 20)), ("late ", (21, end))]))
        text = f"{hedge} {name} {year}" if nl else f"{hedge}{name} {year}"
        return text, whole(text, "date", days(year, month, first, last))
    if choice == "month":
        if draw(st.booleans()):
            return f"{name} {year}", whole(f"{name} {year}", "date", days(year, month, 1, end))
        # without a year: the letter's
        return name, whole(name, "date", days(2015, month, 1, calendar.monthrange(2015, month)[1]))
    if choice == "season":
        season, (first, last) = draw(st.sampled_from(
            [("najaar", (9, 11)), ("zomer", (6, 8)), ("voorjaar", (3, 5))] if nl
            else [("autumn", (9, 11)), ("summer", (6, 8)), ("spring", (3, 5))]))
        text = f"{season} {'van' if nl else 'of'} {year}"
        return text, whole(text, "date", f"{year}-{first:02d}-01..{year}-{last:02d}-"
                                         f"{calendar.monthrange(year, last)[1]:02d}")
    if choice == "half":
        half = draw(st.integers(1, 2))
        words = (["eerste", "tweede"] if nl else ["first", "second"])[half - 1] + (" helft van" if nl else " half of")
        text = f"{words} {year}"
        return text, whole(text, "date", f"{year}-01-01..{year}-06-30" if half == 1 else f"{year}-07-01..{year}-12-31")
    if choice == "relative year":
        text, offset = draw(st.sampled_from([("dit jaar", 0), ("vorig jaar", -1), ("volgend jaar", 1)] if nl
                                            else [("this year", 0), ("last year", -1), ("next year", 1)]))
        return text, whole(text, "date", f"{2015 + offset}-01-01..{2015 + offset}-12-31")
    if choice == "month range":
        first, last = sorted(draw(st.lists(st.integers(1, 12), min_size=2, max_size=2, unique=True)))
        text = f"{months[first - 1]}/{months[last - 1]} {year}"
        return text, whole(text, "date", f"{year}-{first:02d}-01..{year}-{last:02d}-"
                                         f"{calendar.monthrange(year, last)[1]:02d}")
    if choice == "idiom" and nl:  # a position: "op een na hoogste" is the second highest
        number = draw(st.integers(1, 99))
        return f"op {dutch(number)} na", whole(f"op {dutch(number)} na", "ordinal", f"ordinal {number + 1}")
    return draw(st.sampled_from([
        ("beide", whole("beide", "number", "2", weak=True, words=True)),
        ("voor het eerst", [(9, "eerst", "ordinal", "ordinal 1", True, True)]),
        ("acht het", [(0, "acht", "number", "8", True, True)]),
    ] if nl else [("both", whole("both", "number", "2", weak=True, words=True))]))


@st.composite
def phrases(draw: st.DrawFn, tag: str, kinds: list[str], most: int) -> tuple[str, list[Reading]]:
    """(text, what it states): one to `most` pieces of the given kinds between filler words."""
    text, expected = draw(st.sampled_from(FILLERS[tag])), list[Reading]()
    for _ in range(draw(st.integers(1, most))):
        written, readings = draw(piece(tag, draw(st.sampled_from(kinds))))
        text += " "
        expected += [(len(text) + start, written_as, kind, meaning, weak, words)
                     for start, written_as, kind, meaning, weak, words in readings]
        text += f"{written} {draw(st.sampled_from(FILLERS[tag]))}"
    return text, expected


def reads_as_written(tag: str, text: str, expected: list[Reading]) -> None:
    found = find_numerals(text, tag, LETTER_DATE)
    assert [(item.start, item.text, item.kind, item.meaning, item.weak) for item in found] == [
        reading[:5] for reading in expected]
    # without words: exactly the rest, and adding the words gives the whole answer
    digits_and_dates = find_numerals(text, tag, LETTER_DATE, words=False)
    assert [(item.start, item.text) for item in digits_and_dates] == [
        reading[:2] for reading in expected if not reading[5]]
    assert add_words(text, tag, digits_and_dates) == found


@pytest.mark.parametrize("tag", ["nl", "en"])
@pytest.mark.parametrize("kind", PIECES)
@settings(max_examples=30)
@given(data=st.data())
def test_a_generated_phrase_reads_as_written(tag: str, kind: str, data: st.DataObject) -> None:
    """Number words, compounds, digits, dates and idioms alone between plain words read as documented."""
    reads_as_written(tag, *data.draw(phrases(tag, [kind], most=1)))


@pytest.mark.parametrize("tag", ["nl", "en"])
@given(data=st.data())
def test_generated_phrases_read_as_written(tag: str, data: st.DataObject) -> None:
    """Several of them in one text do not change one another's reading."""
    reads_as_written(tag, *data.draw(phrases(tag, PIECES, most=5)))


@pytest.mark.parametrize(("text", "meaning"), [
    ("auguſtus 2015", "2015-08-01..2015-08-31"),  # long s: the case-insensitive pattern takes it as s
    ("APRİL 2015", "2015-04-01..2015-04-30"),
    ("de eerſte helft van 2015", "2015-01-01..2015-06-30"),
    ("in het NAJAAR van 2014", "2014-09-01..2014-11-30"),
    ("BEGIN AUGUSTUS 2015", "2015-08-01..2015-08-10"),
])
def test_words_matched_by_case_folding_are_read(text: str, meaning: str) -> None:
    """What a case-insensitive pattern matched is looked up the same way (it used to raise StopIteration)."""
    assert [item.meaning for item in find_numerals(text, "nl")] == [meaning]


#: Letters and what Unicode case folding (which the case-insensitive patterns use) equates them with.
CASE_VARIANTS = {"s": "sSſ", "i": "iIİı", "k": "kK\u212a"}


def case_variants(word: str) -> st.SearchStrategy[str]:
    return st.tuples(*(st.sampled_from(CASE_VARIANTS.get(char, char + char.upper())) for char in word)).map("".join)


@settings(max_examples=200)
@given(data=st.data(), month=st.integers(1, 12))
def test_a_month_in_any_casing_reads_as_the_month(data: st.DataObject, month: int) -> None:
    """A month name in any casing the patterns accept (a long s, a dotted capital I) reads as that month."""
    written = data.draw(case_variants(DUTCH.months[month - 1]))
    last = calendar.monthrange(2015, month)[1]
    assert [item.meaning for item in find_numerals(f"{written} 2015", "nl")] == [
        f"2015-{month:02d}-01..2015-{month:02d}-{last}"]


MONTHS_AND_CUES = ["januari", "augustus", "najaar", "helft", "dit jaar", "begin", "eerste", "op", "na", "ſ", "İ",
                   "K", "ß", " ", "-", "/", "1", "15", "2015"]


@settings(max_examples=300)
@given(tag=st.sampled_from(["nl", "en", "de"]),
       text=st.lists(st.sampled_from(MONTHS_AND_CUES) | st.text(max_size=3), max_size=12).map("".join))
def test_any_text_reads_in_order_within_bounds(tag: str, text: str) -> None:
    """Whatever the text (odd casings, partial words, digits glued to words), reading it never fails,
    and what it finds lies within the text, in order, without overlaps, each span its own text."""
    found = find_numerals(text, tag, date(2015, 11, 6))
    end = 0
    for item in found:
        assert end <= item.start < item.end <= len(text)
        assert text[item.start:item.end] == item.text
        end = item.end


@pytest.mark.parametrize(("text", "expected"), [
    # a table or a register in capitals: months and their abbreviations in capitals are months
    ("INTERN FROM SEP. 18", [("SEP. 18", "date", "2015-09-18")]),
    ("DISTRICT DIRECTOR FROM MAY 23", [("MAY 23", "date", "2015-05-23")]),
    ("SEPTEMBER 2019", [("SEPTEMBER 2019", "date", "2019-09-01..2019-09-30")]),
    ("YOU MAY APPLY", []),  # a month in capitals alone is as often a word of a title
    # the digits beside a date are read without it: two cells, not "18 446"
    ("INTERN FROM SEP. 18 446.87", [("SEP. 18", "date", "2015-09-18"), ("446.87", "number", "446.87")]),
    # two days joined by an until word are one span, as "Aug. 30-31" is
    ("FROM AUG. 11 TO AUG. 14", [("AUG. 11 TO AUG. 14", "date", "2015-08-11..2015-08-14")]),
    ("Aug. 20 through Aug. 22", [("Aug. 20 through Aug. 22", "date", "2015-08-20..2015-08-22")]),
    ("June 18 and Aug. 28", [("June 18", "date", "2015-06-18"), ("Aug. 28", "date", "2015-08-28")]),
    ("Aug. 22 to Aug. 20", [("Aug. 22", "date", "2015-08-22"), ("Aug. 20", "date", "2015-08-20")]),
    # dates in digits: the US order first, the British one too when it is a day of the calendar
    ("posted 05/28/2019", [("05/28/2019", "date", "2019-05-28")]),
    ("posted 28/05/2019", [("28/05/2019", "date", "2019-05-28")]),
    ("a run 1/2/2019/3", [("1", "number", "1"), ("2", "number", "2"), ("2019", "number", "2019"),
                          ("3", "number", "3")]),
])
def test_english_of_tables_and_registers(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text, "en") == expected


def test_a_date_in_digits_has_both_readings_in_english_and_none_in_dutch() -> None:
    (item,) = find_numerals("05/03/2019", "en")
    assert [str(day) for day in item.dates] == ["2019-05-03", "2019-03-05"]
    (span,) = find_numerals("FROM AUG. 11 TO AUG. 14", "en", LETTER_DATE)
    assert [str(day) for day in span.dates] == ["2015-08-11..2015-08-14", "2015-08-11", "2015-08-14"]
    assert read("05/03/2019") == [("05", "number", "5"), ("03", "number", "3"), ("2019", "number", "2019")]


@pytest.mark.parametrize(("text", "tag", "expected"), [
    ("November - 2015", "en", [("November - 2015", "date", "2015-11-01..2015-11-30")]),
    ("oktober – 2016", "nl", [("oktober – 2016", "date", "2016-10-01..2016-10-31")]),
])
def test_a_title_may_set_the_year_apart_by_a_dash(text: str, tag: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text, tag) == expected

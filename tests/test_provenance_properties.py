"""Properties of quote matching, number reading and the section map."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from functools import partial
from pathlib import Path
from unittest.mock import patch

from hypothesis import event, given, settings
from hypothesis import strategies as st

from factcheck.dates import parse_date
from factcheck.findings import Location
from factcheck.model import Document, Fact
from factcheck.numerals import find_numerals
from factcheck.rules import _statements
from factcheck.rules._statements import findings, states
from factcheck.sourcetext import SourceText
from factcheck.units import parse_unit

LETTER = Path(__file__).resolve().parents[1] / "sources" / "kst-27925-565.txt"
#: the running text of the letter's first section, as words
WORDS = " ".join(LETTER.read_text(encoding="utf-8").split("\n\n")[0].split()).split(" ")


@st.composite
def rewrapped(draw: st.DrawFn) -> tuple[str, str, int]:
    """(layout, quote, line the quote starts on): words of the letter re-broken into lines, some words
    hyphenated across a line end, trailing spaces, and a page footer at two of the line breaks."""
    start = draw(st.integers(0, len(WORDS) - 40))
    words = WORDS[start:start + 40]
    first = draw(st.integers(0, 20))
    length = draw(st.integers(1, 15))
    quote = " ".join(words[first:first + length])
    lines, current, quote_line = [], "", 0
    for index, word in enumerate(words):
        cut = draw(st.integers(0, len(word)))
        if current and draw(st.booleans()):
            lines.append(current + " " * draw(st.integers(0, 2)))
            current = ""
        if index == first:
            quote_line = len(lines) + 1
        if 0 < cut < len(word) and word[cut - 1].isalpha() and word[cut].isalpha() and draw(st.booleans()):
            lines.append(f"{current} {word[:cut]}-".lstrip())
            current = word[cut:]
            if index == first:
                quote_line = len(lines)
            continue
        current = f"{current} {word}".lstrip()
    lines.append(current)
    pages = draw(st.lists(st.integers(0, len(lines)), min_size=2, max_size=2, unique=True)) if draw(st.booleans()) \
        else []
    for page in sorted(pages, reverse=True):  # a footer is recognised when it recurs: none or two
        if page < quote_line:
            quote_line += 4
        lines[page:page] = ["", f"Tweede Kamer, vergaderjaar 2015-2016, 27 925, nr. 565 {page}", "", ""]
    return "\n".join(lines) + "\n", quote, quote_line


@settings(max_examples=150, deadline=None)
@given(rewrapped())
def test_a_rewrapped_quote_is_found_on_its_line(case: tuple[str, str, int]) -> None:
    """Any run of words of the source, re-broken into lines with hyphenation, is found where it starts."""
    layout, quote, line = case
    source = SourceText(layout)
    matches = source.find(quote)
    assert matches
    assert line in {source.position(match.start)[0] for match in matches}


def dutch(number: Decimal) -> str:
    whole, _, fraction = f"{number:f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{grouped},{fraction}" if fraction else grouped


def english(number: Decimal) -> str:
    whole, _, fraction = f"{number:f}".partition(".")
    return f"{int(whole):,}" + (f".{fraction}" if fraction else "")


NUMBERS = st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False)


@given(NUMBERS, st.sampled_from([("nl", dutch), ("en", english)]))
def test_a_written_number_reads_back_exactly(number: Decimal, notation: tuple[str, Callable[[Decimal], str]]) -> None:
    """A number written in a language's notation, inside a sentence, reads back as exactly that number."""
    tag, write = notation
    text = f"Er zijn {write(number)} stuks."
    items = find_numerals(text, tag, None)
    assert [(item.text, item.value) for item in items] == [(write(number), number)]


def make_fact(value: object, unit: str, quote: str) -> Fact:
    document = Document("doc", "Brief", parse_date("2015-11-02"), "nl", "brief.txt", "facts.yaml",
                        Location("facts.yaml"))
    parsed = parse_unit(unit)
    assert parsed is not None
    when = parse_date(value) if isinstance(value, str) else None
    return Fact("f", "q", value, parsed, "exact", "S", quote, document, Location("facts.yaml"), {}, when=when)


@given(st.decimals(min_value=1, max_value=10**6, places=1, allow_nan=False, allow_infinity=False), st.data())
def test_changing_one_digit_breaks_the_value(number: Decimal, data: st.DataObject) -> None:
    """A value matches the quote that states it, and no longer does when one of its digits changes."""
    quote = f"waarvan {dutch(number)} miljoen euro voor de luchtcampagne"
    stated = find_numerals(quote, "nl", date(2015, 11, 2))
    assert states(make_fact(number, "EUR million", quote), stated)
    digits = f"{number:f}"
    positions = [index for index, char in enumerate(digits) if char.isdigit()]
    where = data.draw(st.sampled_from(positions))
    other = data.draw(st.sampled_from([d for d in "0123456789" if d != digits[where]]))
    changed = Decimal(digits[:where] + other + digits[where + 1:])
    assert not states(make_fact(changed, "EUR million", quote), stated)


#: what quotes are made of: digits, dates, number words, ordinals, vague counts, idioms, weak words
PHRASES = ["vier", "vijfentwintig", "tweehonderdvijftig", "twee miljoen", "250.000", "77,5 miljoen", "75%",
           "12 procent", "vijfde", "tweeëntwintigste", "5e", "tientallen", "enkele", "2 oktober 2015",
           "begin augustus 2015", "29 juli jl.", "het najaar van 2014", "de eerste helft van dit jaar", "op een na",
           "beide", "een", "één", "acht het", "2015", "fase twee", "troepen"]
DATES = ["2015-10-02", "2015-08-early", "2015-07-29", "2014-09/2014-11", "2015-H1", "2015", "2015-10", "2016-01-01"]
SCALE = {"persons": Decimal(1), "EUR million": Decimal(10**6), "ordinal": Decimal(1), "percent": Decimal(1),
         "fraction": Decimal(1) / 100}


@st.composite
def quoted_values(draw: st.DrawFn) -> Fact:
    """A fact whose quote mixes PHRASES, with a value the quote states or not, in any unit."""
    quote = draw(st.sampled_from(PHRASES))
    for _ in range(draw(st.integers(0, 4))):
        quote += draw(st.sampled_from([" ", " en ", ", ", " bij "])) + draw(st.sampled_from(PHRASES))
    unit = draw(st.sampled_from([*SCALE, "date"]))
    if unit == "date":
        return make_fact(draw(st.sampled_from(DATES)), unit, quote)
    stated = find_numerals(quote, "nl", date(2015, 11, 2))
    numbers = [number / SCALE[unit] for item in stated for number in (item.value, item.low, item.high)
               if number is not None] + [Decimal(draw(st.integers(0, 30)))]
    if draw(st.booleans()):
        return make_fact({"min": draw(st.sampled_from(numbers)), "max": draw(st.sampled_from(numbers))}, unit, quote)
    return make_fact(draw(st.sampled_from(numbers)), unit, quote)


@settings(max_examples=300)
@given(quoted_values())
def test_the_value_rule_reads_words_only_when_it_needs_them(fact: Fact) -> None:
    """Reading the number words only when digits and dates do not state the value, or when words could state
    a rival, gives the same findings (value, ambiguous) as reading everything at once."""
    lazy = findings(fact)
    eager = partial(find_numerals, words=True)
    with patch.object(_statements, "find_numerals", lambda text, tag, reference, words: eager(text, tag, reference)):
        assert findings(fact) == lazy
    event(lazy[0].kind if lazy else "no finding")


TITLES = ["Financiën", "Politiek", "Nederlandse inzet in luchtcampagne", "Ontwikkelingen Irak", "Regio",
          "Humanitaire hulp", "Dreiging"]


@st.composite
def sectioned(draw: st.DrawFn) -> tuple[str, list[tuple[str, str]]]:
    """A document of headings, each with paragraphs of unique sentences; and (sentence, heading) pairs."""
    blocks, pairs, serial = [], [], 0
    for title in draw(st.lists(st.sampled_from(TITLES), min_size=1, max_size=6)):
        blocks.append(title + " " * draw(st.integers(0, 1)))
        for _ in range(draw(st.integers(1, 3))):
            sentences = []
            for _ in range(draw(st.integers(1, 4))):
                serial += 1
                words = draw(st.lists(st.sampled_from(WORDS[:200]), min_size=3, max_size=12))
                sentence = f"Zin {serial} {' '.join(words)} slot."
                sentences.append(sentence)
                pairs.append((sentence, title))
            text = " ".join(sentences)
            width = draw(st.integers(30, 80))
            lines, current = [], ""
            for word in text.split(" "):
                if current and len(current) + len(word) > width:
                    lines.append(current + " ")
                    current = ""
                current = f"{current} {word}".lstrip()
            blocks.append("\n".join([*lines, current]))
    return "\n\n".join(blocks) + "\n", pairs


@settings(max_examples=100, deadline=None)
@given(sectioned(), st.data())
def test_a_quote_under_a_heading_stands_under_it(document: tuple[str, list[tuple[str, str]]],
                                                  data: st.DataObject) -> None:
    """A sentence written under heading H is found, and it stands under H."""
    layout, pairs = document
    sentence, title = data.draw(st.sampled_from(pairs))
    source = SourceText(layout)
    matches = source.find(sentence)
    assert len(matches) == 1
    heading = source.heading_of(matches[0])
    assert heading is not None
    assert heading.title == title
    assert source.stands_under(matches[0], title)


AMOUNTS = st.decimals(min_value=1, max_value=999, places=1, allow_nan=False, allow_infinity=False)


@given(first=AMOUNTS, offset=AMOUNTS, which=st.sampled_from([0, 1]), named=st.sampled_from([None, 0, 1]))
def test_a_quote_of_two_amounts_needs_at_and_then_reads_only_there(
        first: Decimal, offset: Decimal, which: int, named: int | None) -> None:
    """Of a quote stating two different amounts, a fact stating either one is ambiguous until `at` names the words of
    one; then it passes exactly when its value is that one, and is a value finding otherwise."""
    second = first + offset
    words = [f"{dutch(first)} miljoen euro", f"{dutch(second)} miljoen euro"]
    fact = make_fact([first, second][which], "EUR million", f"bijdragen van {words[0]} en {words[1]} voor hulp")
    if named is not None:
        fact = replace(fact, at_words=words[named])
    kinds = [finding.kind for finding in findings(fact)]
    expected = ["ambiguous"] if named is None else [] if named == which else ["value"]
    event(str(expected))
    assert kinds == expected

"""What a fact's quote states, and whether its value is the one thing there that could be it: the
reading behind the value rule (rules/value.py), apart from it because the numeral reader is slow to
import."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import Decimal

from factcheck.findings import Finding, Severity
from factcheck.model import Fact
from factcheck.numerals import (
    DATE,
    NUMBER,
    ORDINAL,
    PERCENT,
    VAGUE,
    Misread,
    Numeral,
    add_words,
    find_numerals,
    has_number_words,
    misread,
)
from factcheck.readings import could_be, dimension
from factcheck.tables import Scale
from factcheck.units import ALIASES, TIME


def findings(fact: Fact, scales: Sequence[Scale | None] = (), *, in_table: bool = False) -> list[Finding]:
    """The value, notation and ambiguous findings of one fact whose quote stands in its source.

    `scales` are those stated for the table rows where the quote stands, one per occurrence (None
    where none is): the quote's bare numbers are read at each scale that applies to the fact's unit.
    In a table (`in_table`), numbers apart by one space are also read apart: "120 135" may be two
    cells as well as 120135.
    """
    quote, tag = fact.quote, fact.document.language
    readings = list(dict.fromkeys(_applying(fact, scale) for scale in scales)) or [None]
    misreads = misread(quote, tag)
    found = [Finding("notation", Severity.ERROR, item.explain(tag), fact.at("quote"), facts=(fact.id,))
             for item in misreads]
    start, end = 0, len(quote)
    if fact.at_words is not None:
        places = occurrences(quote, fact.at_words)
        if len(places) != 1:
            times = "does not occur" if not places else f"occurs {len(places)} times"
            found.append(Finding("value", Severity.ERROR, f"at \"{fact.at_words}\" {times} in the quote; "
                                 "it must name the value's words exactly once", fact.at("at"), facts=(fact.id,)))
            return found
        start, end = places[0], places[0] + len(fact.at_words)

    def scoped(items: Sequence[Numeral]) -> list[Numeral]:
        """What the scope states: the numerals it overlaps, without the misread ones."""
        return [item for item in items if item.start < end and start < item.end
                and not any(wrong.overlaps(item) for wrong in misreads)]

    # Most values are written in digits, and reading the words costs most: read them only when digits and
    # dates do not state the value, or when words could state a rival.  The verdicts are the same, because
    # the words change nothing found before them (tests/test_provenance_properties.py).
    everything = find_numerals(quote, tag, fact.document.date.first, words=False)
    if in_table:
        everything = signed_cells(_cells(everything, tag), quote)
    stated, read_words = scoped(everything), False
    stating, scale = _stating(fact, stated, readings)
    if not stating:
        everything, read_words = add_words(quote, tag, everything), True
        stated = scoped(everything)
        stating, scale = _stating(fact, stated, readings)
        if not stating:
            if not misreads or not _explained(fact, everything, misreads):
                where = "" if fact.at_words is None else f" at \"{fact.at_words}\""
                found.append(Finding("value", Severity.ERROR,
                                     f"value {fact.written} is not what the quote states{where}: "
                                     f"{what_it_states(fact, at_scale(stated, readings[0]), readings[0])}",
                                     fact.at("value"), facts=(fact.id,)))
            return found
    if not read_words and _words_can_rival(fact) and has_number_words(quote[start:end], tag):
        stated = scoped(add_words(quote, tag, everything))
    stated = at_scale(stated, scale)
    # an `at` that names one reading whole ("98 452", a table cell grouped by a space) means it, not its groups
    exact = [item for item in stated if fact.at_words is not None and (item.start, item.end) == (start, end)]
    stated = exact or _without_joined(stated)
    candidates = [item for item, following in zip(stated, [*stated[1:], None], strict=True)
                  if _matches(fact, item) or (not item.weak and not _modifies(item, following, quote)
                                              and could_be(fact.unit, item, quote, tag))]
    named = [item for item in candidates if _named(fact, item, quote)]
    if any(_matches(fact, item) for item in named):
        candidates = named
    # A table row states one amount per column, and which column a cell stands in is what a fact of it
    # means: words of the row (an at: naming the cell's digits) cannot say that, so a row is not ambiguous.
    # Its arithmetic (sum rules over the row) catches a cell taken from the next column.
    if not in_table and any(not _matches(fact, item) for item in candidates):
        found.append(_ambiguous(fact, candidates))
    return found


def _stating(fact: Fact, stated: list[Numeral], readings: Sequence[Scale | None]) -> tuple[bool, Scale | None]:
    """Whether `stated` states the fact's value at one of `readings`, and the first such (None: as written)."""
    for scale in readings:
        if states(fact, at_scale(stated, scale)):
            return True, scale
    return False, None


def _cells(stated: list[Numeral], tag: str) -> list[Numeral]:
    """`stated`, and each number whose digits are grouped by spaces also read as the cells it may be:
    "0 180 116" is 0 and 180 116, or 0, 180 and 116 (or 0 180 and 116)."""
    cells = []
    for item in stated:
        if item.kind != NUMBER or not item.text[-1:].isdigit() or " " not in item.text:
            continue
        groups = [(group.start(), group.end()) for group in re.finditer(r"\d+", item.text)]
        for first in range(len(groups)):
            for last in range(first, len(groups)):
                if (first, last) == (0, len(groups) - 1):
                    break  # the whole, read already
                if last > first and groups[last][1] - groups[last][0] != 3:
                    break  # a group after the first has three digits
                low, high = groups[first][0], groups[last][1]
                cells += [replace(cell, start=item.start + low + cell.start, end=item.start + low + cell.end)
                          for cell in find_numerals(item.text[low:high], tag, words=False)]
    return sorted([*stated, *cells], key=lambda item: item.start) if cells else stated


#: the signs a table writes before a negative cell: hyphen, figure dash, en dash, em dash, minus
_MINUS = "-\u2012\u2013\u2014\u2212"


def signed_cells(stated: list[Numeral], quote: str) -> list[Numeral]:
    """`stated` with each table cell that a minus sign starts read negative: "\u2012 1.760" and "\u20135.098"
    (a figure or en dash at the start of a cell, before the number or a space before it) state -1760 and
    -5098.  A year is no amount: "2015 \u2013 2016" stays two years."""
    signed = []
    for item in stated:
        sign = item.start - 1 if quote[item.start - 1:item.start] != " " else item.start - 2
        if (item.kind == NUMBER and item.value and not item.dates and sign >= 0 and quote[sign] in _MINUS
                and (sign == 0 or quote[sign - 1].isspace())):
            item = replace(item, start=sign, text=quote[sign:item.end], value=-item.value)
        signed.append(item)
    return signed


def _without_joined(stated: list[Numeral]) -> list[Numeral]:
    """`stated` without a reading that holds others (a table row's "120 135" read whole besides its
    cells 120 and 135): it is another parse of the same digits, not a rival value."""
    return [item for item in stated
            if not any(other is not item and item.start <= other.start and other.end <= item.end
                       and (other.start, other.end) != (item.start, item.end) for other in stated)]


def _applying(fact: Fact, scale: Scale | None) -> Scale | None:
    """`scale` when it applies to the fact: a quantity (not a date, share or position) of its currency."""
    unit = fact.unit
    if (scale is None or scale.factor == 1 or unit.is_date or unit.is_ratio or unit.is_ordinal
            or not scale.applies_to(unit.dimension)):
        return None
    return scale


def at_scale(stated: list[Numeral], scale: Scale | None) -> list[Numeral]:
    """What a table row states at its table's scale: each bare number (digits without a scale word)
    multiplied by it."""
    if scale is None:
        return stated
    return [replace(item, value=item.value * scale.factor)
            if item.kind == NUMBER and item.value is not None and item.text[-1:].isdigit() else item
            for item in stated]


def occurrences(quote: str, words: str) -> list[int]:
    """Where `words` stand in `quote` as whole words (not "10" inside "110")."""
    places, index = [], quote.find(words)
    while index >= 0 and words:
        after = index + len(words)
        if not (_joined(quote, index - 1, index) or _joined(quote, after - 1, after)):
            places.append(index)
        index = quote.find(words, index + 1)
    return places


def _joined(text: str, left: int, right: int) -> bool:
    """Whether text[left] and text[right] are letters or digits of one word, or digits of one number
    across a separator ("1" and "248" of "1,248")."""
    if left < 0 or right >= len(text):
        return False
    if text[left].isalnum() and text[right].isalnum():
        return True
    separator = text[left] if text[right].isdigit() else text[right] if text[left].isdigit() else ""
    return separator in (",", ".") and _digit_beside(text, left, right)


def _digit_beside(text: str, left: int, right: int) -> bool:
    """Whether the separator between text[left] and text[right] has a digit on its other side too."""
    if text[right] in ",.":
        return right + 1 < len(text) and text[right + 1].isdigit()
    return left - 1 >= 0 and text[left - 1].isdigit()


def _explained(fact: Fact, everything: Sequence[Numeral], misreads: Sequence[Misread]) -> bool:
    """Whether the value is one reading of a misread number (12 or 12.5 of "12,5"): the notation finding
    says all there is to say."""
    readings = [item for item in everything if any(wrong.overlaps(item) for wrong in misreads)]
    return states(fact, [*readings, *(wrong.other for wrong in misreads)])


def _modifies(item: Numeral, following: Numeral | None, quote: str) -> bool:
    """Whether `item` is a vague word that sizes the number after it ("enkele honderden"), not one of its own."""
    return item.kind == VAGUE and following is not None and not quote[item.end:following.start].strip()


#: the words after a number that may stand before the noun it counts ("five ISIS fighting positions")
_NOUN_WINDOW = 3
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


def _named(fact: Fact, item: Numeral, quote: str) -> bool:
    """Whether `item` is written as a value of the fact's unit, so that numbers not so written are no rivals
    when the value is: a date as a date, not a bare year beside it ("November 7, 2018" against the 2018 of
    "AD 2018-23-51"); money with its currency, time with its unit ("1 work-hour x $85 per hour = $85": the 1
    is no amount of dollars); a count with its noun following within a few words ("17 strikes", "five ISIS
    fighting positions"), before any punctuation or other number: in "17 strikes consisting of 45
    engagements" only 17 counts strikes, so 45 is no rival of a fact in unit ``strikes``."""
    unit = fact.unit
    if unit.is_date:
        return item.kind == DATE
    if item.kind == NUMBER and dimension(item, quote, fact.document.language) == unit.dimension:
        return True
    if not unit.discrete or unit.is_ordinal or unit.dimension == TIME:
        return False
    nouns = _count_nouns(unit.canonical)
    rest = quote[item.end:]
    for _ in range(_NOUN_WINDOW):
        match = _WORD.match(rest.lstrip(" \u00a0"))
        if match is None:
            return False
        if match.group().lower() in nouns:
            return True
        rest = rest.lstrip(" \u00a0")[match.end():]
    return False


def _count_nouns(canonical: str) -> frozenset[str]:
    """The words that name a count unit: its name, its registered other spellings, and its singular."""
    names = {canonical, *(alias for alias, base in ALIASES.items() if base == canonical)}
    names |= {name[:-1] for name in list(names) if name.endswith("s")}
    return frozenset(name.lower() for name in names)


def _words_can_rival(fact: Fact) -> bool:
    """Number words state counts and ordinals, never a date or a percentage."""
    return not (fact.unit.is_date or fact.unit.is_ratio)


def _ambiguous(fact: Fact, candidates: Sequence[Numeral]) -> Finding:
    listed = ", ".join(f"\"{item.text}\" ({item.meaning})" for item in candidates)
    if fact.at_words is None:
        message = (f"the quote states {len(candidates)} values that could be {fact.written}: {listed}; "
                   "name the one meant with at: and its words")
        return Finding("ambiguous", Severity.ERROR, message, fact.at("quote"), facts=(fact.id,))
    message = (f"at \"{fact.at_words}\" states {len(candidates)} values that could be {fact.written}: {listed}; "
               "narrow it to the words of the one meant")
    return Finding("ambiguous", Severity.ERROR, message, fact.at("at"), facts=(fact.id,))


def states(fact: Fact, stated: Sequence[Numeral]) -> bool:
    """Whether one of the things a quote states is the fact's value (so more of them can only make it true)."""
    raw, unit = fact.raw, fact.unit
    if not unit.is_date and isinstance(raw, Mapping):
        low, high = Decimal(raw["min"]) * unit.scale, Decimal(raw["max"]) * unit.scale
        numbers = {item.value for item in stated if item.kind == NUMBER}
        # a vague count is its documented range exactly: "enkele" is 2..9, never 8..20
        return (low in numbers and high in numbers) or any(
            item.kind == VAGUE and _matches(fact, item) for item in stated)
    return any(_matches(fact, item) for item in stated)


def _matches(fact: Fact, item: Numeral) -> bool:
    """Whether `item` states the fact's value, or one end of its range."""
    raw, unit = fact.raw, fact.unit
    if unit.is_date:
        return fact.when in item.dates
    if isinstance(raw, Mapping):
        low, high = Decimal(raw["min"]) * unit.scale, Decimal(raw["max"]) * unit.scale
        if item.kind == VAGUE:
            return item.low == low and (item.high == high or (item.high is None and high == low))
        return item.kind == NUMBER and item.value in (low, high)
    value = Decimal(raw) * unit.scale
    if unit.is_ratio:
        # a share is stated as a percentage ("75%" is 75 percent, 0.75 fraction); a percent also as a plain number
        return ((item.kind == PERCENT and item.value == Decimal(raw) * unit.factor * 100)
                or (unit.is_percent and item.kind == NUMBER and item.value == value))
    # a position may be named by a cardinal too: "fase twee" is the second phase
    return item.kind in ((ORDINAL, NUMBER) if unit.is_ordinal else (NUMBER,)) and item.value == value


def what_it_states(fact: Fact, stated: Sequence[Numeral], scale: Scale | None = None) -> str:
    """What the quote states instead: what could be a value in the fact's unit (not the year beside an
    amount), else everything it states; and the table's scale it was read at, if any."""
    strong = [item for item in stated if not item.weak] or list(stated)
    if not strong:
        return "it states no number or date"
    quote, tag = fact.quote, fact.document.language
    shown = [item for item in strong if could_be(fact.unit, item, quote, tag)] or strong
    at = f", read at the table's scale \"{scale.text}\" (line {scale.line})" if scale else ""
    return ", ".join(f"\"{item.text}\" ({item.meaning})" for item in shown) + at

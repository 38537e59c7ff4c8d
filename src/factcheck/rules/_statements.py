"""What a fact's quote states, and whether its value is the one thing there that could be it: the
reading behind the value rule (rules/value.py), apart from it because the numeral reader is slow to
import."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import Decimal

from factcheck.findings import Finding, Severity
from factcheck.model import Fact
from factcheck.numerals import (
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
from factcheck.readings import could_be
from factcheck.tables import Scale


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
        everything = _cells(everything, tag)
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
    stated = _without_joined(at_scale(stated, scale))
    candidates = [item for item, following in zip(stated, [*stated[1:], None], strict=True)
                  if _matches(fact, item) or (not item.weak and not _modifies(item, following, quote)
                                              and could_be(fact.unit, item, quote, tag))]
    if any(not _matches(fact, item) for item in candidates):
        found.append(_ambiguous(fact, candidates))
    return found


def _stating(fact: Fact, stated: list[Numeral], readings: Sequence[Scale | None]) -> tuple[bool, Scale | None]:
    """Whether `stated` states the fact's value at one of `readings`, and the first such (None: as written)."""
    for scale in readings:
        if states(fact, at_scale(stated, scale)):
            return True, scale
    return False, None


def _cells(stated: list[Numeral], tag: str) -> list[Numeral]:
    """`stated`, and each number whose digits are grouped by spaces also read group by group."""
    cells = [replace(cell, start=item.start + cell.start, end=item.start + cell.end)
             for item in stated if item.kind == NUMBER and item.text[-1:].isdigit() and " " in item.text
             for cell in find_numerals(item.text.replace(" ", "\n"), tag, words=False)]
    return sorted([*stated, *cells], key=lambda item: item.start) if cells else stated


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
    """Whether text[left] and text[right] are letters or digits of one word."""
    return left >= 0 and right < len(text) and text[left].isalnum() and text[right].isalnum()


def _explained(fact: Fact, everything: Sequence[Numeral], misreads: Sequence[Misread]) -> bool:
    """Whether the value is one reading of a misread number (12 or 12.5 of "12,5"): the notation finding
    says all there is to say."""
    readings = [item for item in everything if any(wrong.overlaps(item) for wrong in misreads)]
    return states(fact, [*readings, *(wrong.other for wrong in misreads)])


def _modifies(item: Numeral, following: Numeral | None, quote: str) -> bool:
    """Whether `item` is a vague word that sizes the number after it ("enkele honderden"), not one of its own."""
    return item.kind == VAGUE and following is not None and not quote[item.end:following.start].strip()


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

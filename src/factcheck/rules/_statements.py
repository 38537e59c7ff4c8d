"""What a fact's quote states, and whether its value is among it: the reading behind the value rule
(rules/value.py), apart from it because the numeral reader is slow to import."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import Decimal

from factcheck.dates import parse_date
from factcheck.model import Fact
from factcheck.numerals import NUMBER, ORDINAL, PERCENT, VAGUE, Numeral, add_words, find_numerals
from factcheck.tables import Scale


def misstated(fact: Fact, scales: Sequence[Scale | None] = (), *, in_table: bool = False) -> list[Numeral] | None:
    """Everything the fact's quote states, when none of it is the fact's value; else None.

    `scales` are those stated for the table rows where the quote stands, one per occurrence (None
    where none is): the quote's bare numbers are read at each scale that applies to the fact's unit,
    and the list returned is read at the first (`reading_scale` tells which).  In a table (`in_table`),
    numbers apart by one space are also read apart: "120 135" may be two cells as well as 120135.
    """
    document = fact.document
    readings = list(dict.fromkeys(_applying(fact, scale) for scale in scales)) or [None]
    stated = find_numerals(fact.quote, document.language, document.date.first, words=False)
    if in_table:
        stated = _cells(stated, document.language)
    # Most values are written in digits, and reading the words costs most: read them only when
    # digits and dates do not state the value.  The verdict is the same, because the words change
    # nothing found before them and more numerals can only make `states` true.
    if any(states(fact, at_scale(stated, scale)) for scale in readings):
        return None
    stated = add_words(fact.quote, document.language, stated)
    if any(states(fact, at_scale(stated, scale)) for scale in readings):
        return None
    return at_scale(stated, readings[0])


def _cells(stated: list[Numeral], tag: str) -> list[Numeral]:
    """`stated`, and each number whose digits are grouped by spaces also read group by group."""
    cells = [cell for item in stated if item.kind == NUMBER and item.text[-1:].isdigit() and " " in item.text
             for cell in find_numerals(item.text.replace(" ", "\n"), tag, words=False)]
    return [*stated, *cells] if cells else stated


def _applying(fact: Fact, scale: Scale | None) -> Scale | None:
    """`scale` when it applies to the fact: a quantity (not a date, share or position) of its currency."""
    unit = fact.unit
    if scale is None or scale.factor == 1 or unit.is_date or unit.is_ratio or unit.is_ordinal or not scale.applies_to(unit.dimension):
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


def states(fact: Fact, stated: Sequence[Numeral]) -> bool:
    """Whether one of the things a quote states is the fact's value (so more of them can only make it true)."""
    raw, unit = fact.raw, fact.unit
    if unit.is_date:
        when = parse_date(raw)
        return any(when in item.dates for item in stated)
    if isinstance(raw, Mapping):
        low, high = Decimal(raw["min"]) * unit.scale, Decimal(raw["max"]) * unit.scale
        numbers = {item.value for item in stated if item.kind == NUMBER}
        # a vague count is its documented range exactly: "enkele" is 2..9, never 8..20
        return (low in numbers and high in numbers) or any(
            item.kind == VAGUE and item.low == low and (item.high == high or (item.high is None and high == low))
            for item in stated)
    value = Decimal(raw) * unit.scale
    if unit.is_ratio:
        # a share is stated as a percentage ("75%" is 75 percent, 0.75 fraction); a percent also as a plain number
        percentage = Decimal(raw) * unit.factor * 100
        return any((item.kind == PERCENT and item.value == percentage)
                   or (unit.is_percent and item.kind == NUMBER and item.value == value) for item in stated)
    # a position may be named by a cardinal too: "fase twee" is the second phase
    kinds = (ORDINAL, NUMBER) if unit.is_ordinal else (NUMBER,)
    return any(item.kind in kinds and item.value == value for item in stated)


def reading_scale(fact: Fact, scales: Sequence[Scale | None]) -> Scale | None:
    """The scale `misstated` read its answer at."""
    return _applying(fact, scales[0]) if scales else None


def what_it_states(stated: Sequence[Numeral], scale: Scale | None = None) -> str:
    shown = [item for item in stated if not item.weak] or list(stated)
    if not shown:
        return "is not what the quote states: it states no number or date"
    at = f", read at the table's scale \"{scale.text}\" (line {scale.line})" if scale else ""
    return "is not what the quote states: " + ", ".join(
        f"\"{item.text}\" ({item.meaning})" for item in shown) + at

"""What a fact's quote states, and whether its value is among it: the reading behind the value rule
(rules/value.py), apart from it because the numeral reader is slow to import."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from factcheck.dates import parse_date
from factcheck.model import Fact
from factcheck.numerals import NUMBER, ORDINAL, PERCENT, VAGUE, Numeral, add_words, find_numerals


def misstated(fact: Fact) -> list[Numeral] | None:
    """Everything the fact's quote states, when none of it is the fact's value; else None."""
    document = fact.document
    stated = find_numerals(fact.quote, document.language, document.date.first, words=False)
    # Most values are written in digits, and reading the words costs most: read them only when
    # digits and dates do not state the value.  The verdict is the same, because the words change
    # nothing found before them and more numerals can only make `states` true.
    if states(fact, stated):
        return None
    stated = add_words(fact.quote, document.language, stated)
    return None if states(fact, stated) else stated


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


def what_it_states(stated: Sequence[Numeral]) -> str:
    shown = [item for item in stated if not item.weak] or list(stated)
    if not shown:
        return "is not what the quote states: it states no number or date"
    return "is not what the quote states: " + ", ".join(
        f"\"{item.text}\" ({item.meaning})" for item in shown)

"""What a fact's quote states, and whether its value is among it: the reading behind the value rule
(rules/value.py), apart from it because the numeral reader is slow to import."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from factcheck.dates import parse_date
from factcheck.model import Fact
from factcheck.numerals import NUMBER, ORDINAL, PERCENT, VAGUE, Numeral, add_words, find_numerals
from factcheck.units import SCALES


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
    raw = fact.raw
    if fact.unit.is_date:
        when = parse_date(raw)
        return any(when in item.dates for item in stated)
    scale = SCALES.get(fact.unit.name.split()[-1], Decimal(1))
    if isinstance(raw, Mapping):
        low, high = Decimal(raw["min"]) * scale, Decimal(raw["max"]) * scale
        numbers = {item.value for item in stated if item.kind == NUMBER}
        # a vague count is its documented range exactly: "enkele" is 2..9, never 8..20
        return (low in numbers and high in numbers) or any(
            item.kind == VAGUE and item.low == low and (item.high == high or (item.high is None and high == low))
            for item in stated)
    value = Decimal(raw) * scale
    # a position may be named by a cardinal too: "fase twee" is the second phase
    kinds = {"ordinal": (ORDINAL, NUMBER), "percent": (PERCENT, NUMBER)}.get(fact.unit.name, (NUMBER,))
    if fact.unit.name == "fraction":
        return any(item.kind == PERCENT and item.value is not None and item.value / 100 == value for item in stated)
    return any(item.kind in kinds and item.value == value for item in stated)


def what_it_states(stated: Sequence[Numeral]) -> str:
    shown = [item for item in stated if not item.weak] or list(stated)
    if not shown:
        return "is not what the quote states: it states no number or date"
    return "is not what the quote states: " + ", ".join(
        f"\"{item.text}\" ({item.meaning})" for item in shown)

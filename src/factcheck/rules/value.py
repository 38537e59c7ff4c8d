"""value — every fact's value is what its quote states.

Automatic: every fact whose quote stands in the source is checked.  The numbers, number words,
ordinals, vague counts, percentages and dates of the quote are read in the document's language
(see the README, "Provenance and coverage"), and the fact's value, as written, must be one of
them:

* a number with the unit's scale word: ``7.5`` in ``persons million`` is "7,5 miljoen",
  ``100`` in ``EUR million`` is "100 miljoen euro", ``250000`` in ``persons`` is "250.000";
* a date: ``"2015-10-02"`` is "2 oktober 2015", ``"2015-08-early"`` is "begin augustus 2015",
  ``"2015-07-29"`` is "29 juli jl." in a letter of November 2015, ``"2014-09/2014-11"`` is "het
  najaar van 2014", ``"2015-H1"`` is "de eerste helft van dit jaar";
* a range ``{min, max}``: exactly the range of a vague count ("tientallen" is 20..99), or both
  ends stated as numbers;
* in unit ``ordinal``, an ordinal ("vijfde", "op een na hoogste") or a number naming a position
  ("fase twee"); in ``percent``, a percentage or a number.

The qualifier is not read from the quote: "ruim 700" states 700.  A value that cannot fit its
unit at all (a number in unit ``date``, a date string in a count) is reported under this kind too,
when the fact base is loaded.

Passes::

    - {id: budget-air, value: 77.5, unit: EUR million, quote: "77,5 miljoen euro is bestemd voor de luchtcampagne", ...}

Fails — the value has a digit the quote does not::

    facts.yaml:95:12: error value: value 75.5 EUR million is not what the quote states: "77,5 miljoen" (77500000)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal

from factcheck.dates import parse_date
from factcheck.findings import Finding, Severity
from factcheck.model import Fact, FactFile
from factcheck.numerals import NUMBER, ORDINAL, PERCENT, VAGUE, Numeral, add_words, find_numerals
from factcheck.rules._sources import found
from factcheck.units import SCALES


def check(file: FactFile) -> Iterator[Finding]:
    for quoted in found(file):
        fact = quoted.fact
        stated = misstated(fact)
        if stated is not None:
            yield Finding("value", Severity.ERROR, f"value {fact.written} {_what(stated)}", fact.at("value"),
                          facts=(fact.id,))


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


def _what(stated: Sequence[Numeral]) -> str:
    shown = [item for item in stated if not item.weak] or list(stated)
    if not shown:
        return "is not what the quote states: it states no number or date"
    return "is not what the quote states: " + ", ".join(
        f"\"{item.text}\" ({item.meaning})" for item in shown)

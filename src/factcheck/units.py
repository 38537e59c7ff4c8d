"""The unit registry: every unit has a canonical name, a dimension and an exact factor to the dimension's base.

A unit is written as a base unit with an optional scale word: ``EUR``, ``EUR million``,
``persons thousand``.  Aliases (``%``, ``people``, ``€``, singulars) resolve here, once, when a
fact is loaded: rules look at a parsed unit's properties, never at its text, which is kept as
written for messages.  Values convert exactly within a dimension (``EUR thousand`` to
``EUR million``); different dimensions (``EUR`` and ``USD``, ``persons`` and ``aircraft``)
never compare.  Calendar months and years form their own dimension because their length in
days varies.  A fact base may declare extra count units under ``units:`` (``missiles: weapons``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

#: Dimensions the rules reason about (money has one dimension per currency, ``money:EUR`` …).
DATE, RATIO, ORDINAL, TIME, CALENDAR = "date", "ratio", "ordinal", "time", "calendar"
_MONEY = "money:"
_DECLARED = "custom:"


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit of measure as a fact names it: its canonical spelling, its dimension and its
    factor to that dimension's base unit."""

    written: str  # as the curator wrote it ("%", "people million"): messages show it so
    canonical: str  # the one spelling of the unit, aliases resolved ("percent", "persons million")
    dimension: str
    scale: Decimal  # of the scale word: 10**6 for "million", 1 without one
    factor: Decimal  # to the dimension's base unit, scale included
    #: Counts of whole things: a plain integer in such a unit is exact.
    discrete: bool = False

    @property
    def is_date(self) -> bool:
        return self.dimension == DATE

    @property
    def is_ratio(self) -> bool:
        """A share of a whole: percent or fraction."""
        return self.dimension == RATIO

    @property
    def is_percent(self) -> bool:
        """A ratio counted in hundredths: its number, as written, is a percentage."""
        return self.is_ratio and self.factor * 100 == self.scale

    @property
    def is_ordinal(self) -> bool:
        """A position in a sequence ("vijfde", "fase twee")."""
        return self.dimension == ORDINAL

    @property
    def signed(self) -> bool:
        """Whether a value may be negative: a balance or a change; counts, durations and ordinals may not."""
        return self.dimension.startswith(_MONEY) or self.is_ratio


#: base unit -> (dimension, factor to the dimension's base unit, discrete)
_BASE: dict[str, tuple[str, Decimal, bool]] = {
    "date": (DATE, Decimal(1), False),
    # money: one dimension per currency, never converted into each other
    **{code: (f"{_MONEY}{code}", Decimal(1), False) for code in ("EUR", "USD", "GBP", "CHF", "JPY")},
    # counts
    **{name: (name, Decimal(1), True) for name in (
        "persons", "aircraft", "countries", "items", "groups", "organisations", "weapons",
        "projects", "positions", "battalions", "detachments", "courses", "attempts", "cities",
        "votes", "documents", "meetings", "units")},
    "ordinal": (ORDINAL, Decimal(1), True),
    "percent": (RATIO, Decimal("0.01"), False),
    "fraction": (RATIO, Decimal(1), False),
    # "drie weken", "een jaar": whole units of time are counted, not rounded (a year is not 6-18 months)
    "seconds": (TIME, Decimal(1), True),
    "minutes": (TIME, Decimal(60), True),
    "hours": (TIME, Decimal(3600), True),
    "days": (TIME, Decimal(86400), True),
    "weeks": (TIME, Decimal(604800), True),
    "months": (CALENDAR, Decimal(1), True),
    "years": (CALENDAR, Decimal(12), True),
}
#: other spellings of base units -> the base unit
ALIASES: dict[str, str] = {
    "person": "persons", "people": "persons", "country": "countries", "item": "items",
    "group": "groups", "organisation": "organisations", "weapon": "weapons", "project": "projects",
    "position": "positions", "battalion": "battalions", "detachment": "detachments",
    "course": "courses", "attempt": "attempts", "city": "cities", "vote": "votes",
    "document": "documents", "meeting": "meetings", "unit": "units", "%": "percent",
    "second": "seconds", "minute": "minutes", "hour": "hours", "day": "days",
    "week": "weeks", "month": "months", "year": "years", "€": "EUR", "$": "USD",
}
SCALES: dict[str, Decimal] = {
    "thousand": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
}


def parse_unit(text: str, declared: Mapping[str, str] | None = None) -> Unit | None:
    """The unit a fact names, or None when neither the registry nor `declared` (unit -> dimension) knows it."""
    words = text.split()
    scale_word = words.pop() if len(words) == 2 and words[1] in SCALES else None
    if len(words) != 1:
        return None
    base = ALIASES.get(words[0], words[0])
    scale = SCALES[scale_word] if scale_word else Decimal(1)
    canonical = f"{base} {scale_word}" if scale_word else base
    if base in _BASE:
        dimension, factor, discrete = _BASE[base]
        if dimension == DATE and scale_word:  # a day is no quantity: there is no million of them
            return None
        return Unit(text, canonical, dimension, scale, factor * scale, discrete and not scale_word)
    if declared and base in declared:
        return Unit(text, canonical, f"{_DECLARED}{declared[base]}", scale, scale, not scale_word)
    return None


def unit_spellings(declared: Mapping[str, str]) -> list[str]:
    """Every unit text `parse_unit` accepts with `declared`: what an unknown unit is compared with."""
    bases = [*_BASE, *ALIASES, *declared]
    scaled = [f"{base} {word}" for base in bases if ALIASES.get(base, base) != "date" for word in SCALES]
    return [*bases, *scaled]

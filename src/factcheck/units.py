"""The unit registry: every unit has a dimension and an exact factor to the dimension's base.

A unit is written as a base unit with an optional scale word: ``EUR``, ``EUR million``,
``persons thousand``.  Values convert exactly within a dimension (``EUR thousand`` to
``EUR million``); different dimensions (``EUR`` and ``USD``, ``persons`` and ``aircraft``)
never compare.  Calendar months and years form their own dimension because their length in
days varies.  A fact base may declare extra count units under ``units:`` (``missiles: weapons``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit of measure: its dimension and its factor to that dimension's base unit."""

    name: str
    dimension: str
    factor: Decimal
    #: Counts of whole things: a plain integer in such a unit is exact.
    discrete: bool = False

    @property
    def is_date(self) -> bool:
        return self.dimension == "date"


DATE = Unit("date", "date", Decimal(1))

_BASE: dict[str, tuple[str, Decimal, bool]] = {
    # money: one dimension per currency, never converted into each other
    **{code: (f"money:{code}", Decimal(1), False) for code in ("EUR", "USD", "GBP", "CHF", "JPY")},
    # counts
    **{name: (name, Decimal(1), True) for name in (
        "persons", "aircraft", "countries", "items", "groups", "organisations", "weapons",
        "projects", "positions", "battalions", "detachments", "courses", "attempts", "cities",
        "votes", "documents", "meetings", "units")},
    "ordinal": ("ordinal", Decimal(1), True),
    "percent": ("ratio", Decimal("0.01"), False),
    "fraction": ("ratio", Decimal(1), False),
    # "drie weken", "een jaar": whole units of time are counted, not rounded (a year is not 6-18 months)
    "seconds": ("time", Decimal(1), True),
    "minutes": ("time", Decimal(60), True),
    "hours": ("time", Decimal(3600), True),
    "days": ("time", Decimal(86400), True),
    "weeks": ("time", Decimal(604800), True),
    "months": ("calendar", Decimal(1), True),
    "years": ("calendar", Decimal(12), True),
}
_ALIASES = {
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


def parse_unit(text: str, extra: Mapping[str, str] | None = None) -> Unit | None:
    """The unit a fact names, or None when the registry does not know it."""
    words = text.split()
    if words == ["date"]:
        return DATE
    scale = Decimal(1)
    if len(words) == 2 and words[1] in SCALES:
        scale = SCALES[words[1]]
        words = words[:1]
    if len(words) != 1:
        return None
    name = _ALIASES.get(words[0], words[0])
    if name in _BASE:
        dimension, factor, discrete = _BASE[name]
        return Unit(text, dimension, factor * scale, discrete and scale == 1)
    if extra and name in extra:
        return Unit(text, f"custom:{extra[name]}", scale, scale == 1)
    return None

"""Exact interval arithmetic over `Decimal`, and what a written value with a qualifier means.

Every number a document states stands for an interval:

* its **written precision**: ``77.5`` is anything that rounds to 77.5, i.e. [77.45, 77.55];
  a plain integer in a count unit is exact; an integer with a scale word (``100 miljoen``) is
  rounded to one unit of that scale; ``precision:`` overrides both;
* its **qualifier**: ``circa`` and ``probably`` widen the interval by a relative tolerance on
  both sides, ``more_than`` above, ``almost`` below; ``at_least`` and ``at_most`` are
  half-open.  Default tolerances are in `DEFAULT_TOLERANCES`; a fact base overrides them under
  ``settings: tolerances:`` and a fact under ``tolerance:``.

Each value therefore has a **nominal** interval (precision only, hedges taken at their word)
and a **loose** one (with the vague tolerance).  A relation that fails on the loose intervals
is an error; one that holds on the loose but not on the nominal intervals holds only by leaning
on a vague tolerance, and is a warning.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

INF = Decimal("Infinity")

#: Relative tolerances of the vague qualifiers.  ``circa 70`` must not cover 77: a "circa"
#: in prose is a rounding to about two significant digits, so ±5% rather than ±10%.
DEFAULT_TOLERANCES: dict[str, Decimal] = {
    "circa": Decimal("0.05"),
    "probably": Decimal("0.05"),
    "more_than": Decimal("0.10"),
    "almost": Decimal("0.10"),
}


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval [lo, hi]; bounds may be infinite."""

    lo: Decimal
    hi: Decimal

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def scale(self, factor: Decimal) -> Interval:
        return Interval(self.lo * factor, self.hi * factor)

    def intersects(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def __str__(self) -> str:
        if self.lo == self.hi:
            return _bound(self.lo)
        return f"[{_bound(self.lo)}, {_bound(self.hi)}]"


def plain(number: Decimal) -> str:
    """A finite number as plain decimal text, without exponent or trailing zeros: 100, 77.5."""
    return format(number.normalize(), "f")


def _bound(number: Decimal) -> str:
    if number.is_infinite():
        return "∞" if number > 0 else "-∞"
    return plain(number)


def total(intervals: Iterable[Interval]) -> Interval:
    result = Interval(Decimal(0), Decimal(0))
    for interval in intervals:
        result = result + interval
    return result


def precision_interval(value: Decimal | int, precision: Decimal | None, scaled: bool) -> Interval:
    """The interval a number covers by its written precision alone."""
    number = Decimal(value)
    if precision is None:
        exponent = number.as_tuple().exponent
        if isinstance(value, Decimal) and isinstance(exponent, int) and exponent < 0:
            precision = Decimal(1).scaleb(exponent)
        elif scaled:
            precision = Decimal(1)
    if precision is None:
        return Interval(number, number)
    half = precision / 2
    return Interval(number - half, number + half)


@dataclass(frozen=True, slots=True)
class Magnitude:
    """What a stated number allows: nominal and loose intervals, in the fact's own unit."""

    nominal: Interval
    loose: Interval

    def scale(self, factor: Decimal) -> Magnitude:
        return Magnitude(self.nominal.scale(factor), self.loose.scale(factor))


def magnitude(written: Interval, value: Decimal, qualifier: str, tolerance: Decimal) -> Magnitude:
    """Apply a qualifier to the interval a value covers by its written precision."""
    slack = abs(value) * tolerance
    lo, hi = written.lo, written.hi
    floor = Decimal(0) if value >= 0 else -INF
    if qualifier in ("circa", "probably"):
        return Magnitude(written, Interval(lo - slack, hi + slack))
    if qualifier == "more_than":
        return Magnitude(Interval(value, hi), Interval(value, hi + slack))
    if qualifier == "almost":
        return Magnitude(Interval(lo, value), Interval(lo - slack, value))
    if qualifier == "at_least":
        return Magnitude(Interval(value, INF), Interval(value, INF))
    if qualifier == "at_most":
        return Magnitude(Interval(floor, value), Interval(floor, value))
    return Magnitude(written, written)


def parse_percent(text: str) -> Decimal:
    """``"5%"`` -> Decimal('0.05'), exactly."""
    return Decimal(text.rstrip("%")) / 100

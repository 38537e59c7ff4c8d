"""Exact interval arithmetic over `Decimal`, with open and closed ends, and what a written value with a
qualifier means.

Every number a document states stands for an interval:

* its **written precision**: ``77.5`` is anything that rounds to 77.5, half away from zero as prose
  rounds, i.e. [77.45, 77.55) (77.55 rounds to 77.6); a plain integer in a count unit is exact; an
  integer with a scale word (``59 miljoen``) is rounded to one unit of that scale, [58.5, 59.5);
  ``precision:`` overrides both;
* its **qualifier**: ``circa`` and ``probably`` widen the interval by a relative tolerance on
  both sides; ``more_than`` ("ruim", "meer dan") excludes the stated value and reaches above it,
  (100, …]; ``almost`` ("bijna") excludes it and reaches below, […, 4); ``at_least`` and
  ``at_most`` include it, [v, ∞) and [0, v].  Default tolerances are in `DEFAULT_TOLERANCES`; a
  fact base overrides them under ``settings: tolerances:`` and a fact under ``tolerance:``.

Each value therefore has a **nominal** interval (precision only, hedges taken at their word)
and a **loose** one (with the vague tolerance).  A relation that fails on the loose intervals
is an error; one that holds on the loose but not on the nominal intervals holds only by leaning
on a vague tolerance, and is a warning; so is one that holds only at the limit an ``at_least`` or
``at_most`` states (rules/_relations.py, `strict`): it holds only at a single boundary point.
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
    """An interval from lo to hi, each end closed (included) unless marked open; an infinite end is
    never reached, whatever its mark."""

    lo: Decimal
    hi: Decimal
    lo_open: bool = False
    hi_open: bool = False

    def __add__(self, other: Interval) -> Interval:
        # a sum reaches an end only when both addends reach theirs
        return Interval(self.lo + other.lo, self.hi + other.hi,
                        self.lo_open or other.lo_open, self.hi_open or other.hi_open)

    def scale(self, factor: Decimal) -> Interval:
        """Multiplied by a factor: a positive one (a unit's scale) keeps each end as it is, a negative one
        swaps them."""
        if factor < 0:
            return Interval(self.hi * factor, self.lo * factor, self.hi_open, self.lo_open)
        return Interval(self.lo * factor, self.hi * factor, self.lo_open, self.hi_open)

    @property
    def empty(self) -> bool:
        return self.lo > self.hi or (self.lo == self.hi and (self.lo_open or self.hi_open))

    def meet(self, other: Interval) -> Interval:
        """The values both allow (perhaps none: see `empty`)."""
        lo, lo_open = _inner(self.lo, self.lo_open, other.lo, other.lo_open, larger=True)
        hi, hi_open = _inner(self.hi, self.hi_open, other.hi, other.hi_open, larger=False)
        return Interval(lo, hi, lo_open, hi_open)

    def intersects(self, other: Interval) -> bool:
        return not self.meet(other).empty

    def contains(self, number: Decimal) -> bool:
        return self.intersects(Interval(number, number))

    def below(self, other: Interval) -> bool:
        """Whether some value of this interval is at most some value of `other`."""
        return self.lo < other.hi or (self.lo == other.hi and not (self.lo_open or other.hi_open))

    def __str__(self) -> str:
        if self.lo == self.hi:
            return _bound(self.lo)
        opening = "(" if self.lo_open or self.lo.is_infinite() else "["
        closing = ")" if self.hi_open or self.hi.is_infinite() else "]"
        return f"{opening}{_bound(self.lo)}, {_bound(self.hi)}{closing}"


def _inner(first: Decimal, first_open: bool, second: Decimal, second_open: bool, *,
           larger: bool) -> tuple[Decimal, bool]:
    """The inner one of two ends of the same side (the larger of two lower ends); at a tie, open if
    either is."""
    if first == second:
        return first, first_open or second_open
    return (first, first_open) if (first > second) == larger else (second, second_open)


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


def _step(value: Decimal | int) -> Decimal:
    """One unit of the last digit written: 1 for 59, 0.1 for 77.5."""
    exponent = Decimal(value).as_tuple().exponent
    return Decimal(1).scaleb(exponent) if isinstance(exponent, int) and exponent < 0 else Decimal(1)


def precision_interval(value: Decimal | int, precision: Decimal | None, scaled: bool) -> Interval:
    """The interval a number covers by its written precision alone: what rounds to it, half away
    from zero, so the end away from zero is open: 59 covers [58.5, 59.5), -59 covers (-59.5, -58.5],
    0 covers (-0.5, 0.5)."""
    number = Decimal(value)
    if precision is None and (scaled or _step(value) < 1):
        precision = _step(value)
    if precision is None:
        return Interval(number, number)
    half = precision / 2
    return Interval(number - half, number + half, number <= 0, number >= 0)


@dataclass(frozen=True, slots=True)
class Magnitude:
    """What a stated number allows: nominal and loose intervals, in the fact's own unit."""

    nominal: Interval
    loose: Interval

    def scale(self, factor: Decimal) -> Magnitude:
        return Magnitude(self.nominal.scale(factor), self.loose.scale(factor))


def magnitude(written: Interval, value: Decimal, qualifier: str, tolerance: Decimal) -> Magnitude:
    """Apply a qualifier to the interval a value covers by its written precision.  "more than v"
    taken at its word reaches from just above v to the top of v's rounding, or one step of v's last
    digit when v is exact ("meer dan 3 landen" is at least 4); "almost v" mirrors it below."""
    slack = abs(value) * tolerance
    lo, hi = written.lo, written.hi
    if qualifier in ("circa", "probably"):
        return Magnitude(written, Interval(lo - slack, hi + slack, written.lo_open, written.hi_open))
    if qualifier == "more_than":
        top, top_open = (hi, written.hi_open) if hi > value else (value + _step(value), False)
        return Magnitude(Interval(value, top, True, top_open), Interval(value, max(top, hi + slack), True, top_open))
    if qualifier == "almost":
        bottom, bottom_open = (lo, written.lo_open) if lo < value else (value - _step(value), False)
        return Magnitude(Interval(bottom, value, bottom_open, True),
                         Interval(min(bottom, lo - slack), value, bottom_open, True))
    if qualifier == "at_least":
        return _same(Interval(value, INF))
    if qualifier == "at_most":
        return _same(Interval(Decimal(0) if value >= 0 else -INF, value))
    return _same(written)


def _same(interval: Interval) -> Magnitude:
    return Magnitude(interval, interval)


def parse_percent(text: str) -> Decimal:
    """``"5%"`` -> Decimal('0.05'), exactly."""
    return Decimal(text.rstrip("%")) / 100

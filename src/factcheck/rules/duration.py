"""duration — a period of ``length`` from ``start`` ends at ``end``.

A ``duration`` rule names a ``start`` date fact, a ``length`` fact in days, weeks, months or years
(or hours …) and an ``end`` date fact: "binnen drie maanden" from 29 July is a length of
``qualifier: at_most`` 3 months.  The end is calendar arithmetic, start + length: 3 months from
29 July is 29 October (a month later is the same day, clamped to a shorter month's end), 2 days
from 7 September is 9 September.  Start, length and end are intervals (a month, "circa six
weeks", at most three months); a length that is not a whole number of days or months is taken
to the whole numbers around it (an open end of the length, "bijna drie maanden", counts as its
whole day: a period on the day scale cannot end part-way through it).  The rule is an **error**
when the end cannot fall where any start plus any length allowed leads, and a **warning** when
only the vague tolerance reaches it, or when only some of the days an imprecise start stands for
lead to the end: the warning names them.  An end stated as a month says in which month the
period ends, so it need not be reached on each of its days: six months from "begin juni" end in
"december" (on 1 to 10 December) without a warning.

Passes — a report requested on 29 July "binnen drie maanden", delivered 23 October::

    facts:
      - {id: request, value: "2015-07-29", unit: date}
      - {id: report-term, value: 3, unit: months, qualifier: at_most}
      - {id: report, value: "2015-10-23", unit: date}
    rules:
      - {id: report-deadline, kind: duration, start: request, length: report-term, end: report}

Fails — delivered on 2 November, after the three months::

    facts:
      - {id: request, value: "2015-07-29", unit: date}
      - {id: report-term, value: 3, unit: months, qualifier: at_most}
      - {id: report, value: "2015-11-02", unit: date}
    rules:
      - {id: report-deadline, kind: duration, start: request, length: report-term, end: report}

    facts.yaml:30:5: error duration: duration report-deadline: request = 2015-07-29 + report-term = at most 3 months ends 2015-07-29..2015-10-29, but report = 2015-11-02
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from factcheck.dates import DateInterval, add_days, add_months
from factcheck.findings import Finding, Severity
from factcheck.intervals import Interval
from factcheck.model import FactBase, Rule
from factcheck.rules._relations import Pick, days, judge, nominal, unfit, violation
from factcheck.rules.spec import FactRef, RuleKind
from factcheck.units import CALENDAR, TIME

#: dimension of the length -> (base units per step, how to add whole steps to a day)
_STEPS: dict[str, tuple[Decimal, Callable[[date, int], date]]] = {
    TIME: (Decimal(86400), add_days),  # seconds per day
    CALENDAR: (Decimal(1), add_months),  # months
}


def _shift(day: date, steps: Decimal, rounding: str, add: Callable[[date, int], date]) -> date:
    """`day` moved by `steps` rounded outwards; beyond the calendar, its first or last day."""
    if steps.is_infinite():
        return date.max if steps > 0 else date.min
    whole = int(steps.to_integral_value(rounding=rounding))
    try:
        return add(day, whole)
    except (ValueError, OverflowError):
        return date.max if whole > 0 else date.min


def ends(start: DateInterval, length: Interval, dimension: str) -> DateInterval:
    """Every day a period of `length` (base units of `dimension`) from a day in `start` can end on."""
    per_step, add = _STEPS[dimension]
    return DateInterval(_shift(start.first, length.lo / per_step, ROUND_FLOOR, add),
                        _shift(start.last, length.hi / per_step, ROUND_CEILING, add))


def check(base: FactBase) -> Iterator[Finding]:
    for rule in base.rules_of("duration"):
        yield from _check(base, rule)


def _check(base: FactBase, rule: Rule) -> Iterator[Finding]:
    start, length, end = (base.fact(rule, name) for name in ("start", "length", "end"))
    problem = (unfit(rule, "start", start, "a date", start.when is not None)
               or unfit(rule, "length", length, "a length of time (days, weeks, months, years)",
                        length.unit.dimension in _STEPS)
               or unfit(rule, "end", end, "a date", end.when is not None))
    if problem is not None:
        yield problem
        return
    begun, finished, dimension = days(start), days(end), length.unit.dimension

    def holds(pick: Pick) -> bool:
        return ends(begun, pick(length), dimension).intersects(finished)

    verdict = judge(holds)
    if verdict is not None:
        expected = ends(begun, verdict.pick(length), dimension)
        message = (f"{start.id} = {begun} + {length.id} = {length.written} ends {expected}, "
                   f"but {end.id} = {finished}{verdict.tail}")
        yield violation(rule, verdict.severity, message, [start, length, end])
        return
    starts = needed_starts(begun, nominal(length), dimension, finished)
    if starts != begun:
        reached = f"from no day of {start.id}" if starts is None else f"only if {start.id} means {starts}"
        message = f"{start.id} = {begun} + {length.id} = {length.written} ends at {end.id} = {finished} {reached}"
        yield violation(rule, Severity.ERROR if starts is None else Severity.WARNING, message, [start, length, end])


def needed_starts(start: DateInterval, length: Interval, dimension: str, end: DateInterval) -> DateInterval | None:
    """The days of `start` from which a period of `length` can end in `end`: ends move with the start, so
    they are one interval; None when the ends of all starts together reach `end` but no single start's do
    (a month from 28 February is 28 March, from 1 March 1 April: none is 30 March)."""
    ordinals = range(start.first.toordinal(), start.last.toordinal() + 1)

    def reaches(ordinal: int) -> DateInterval:
        day = date.fromordinal(ordinal)
        return ends(DateInterval(day, day), length, dimension)

    low = bisect_left(ordinals, True, key=lambda ordinal: reaches(ordinal).last >= end.first)
    high = bisect_right(ordinals, False, key=lambda ordinal: reaches(ordinal).first > end.last)
    if low >= high:
        return None
    return DateInterval(date.fromordinal(ordinals[low]), date.fromordinal(ordinals[high - 1]))


KIND = RuleKind(
    name="duration",
    check=check,
    description="A period of `length` from `start` ends at `end`.",
    references={"start": FactRef(), "length": FactRef(), "end": FactRef()},
)

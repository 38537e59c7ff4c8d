"""order — date ``first`` stands before, after or on the same day as date ``second``.

An ``order`` rule names two date facts and a ``relation``: ``before``, ``after``, ``same``,
``not_after`` (on or before) or ``not_before`` (on or after).  Dates are intervals of days as
precise as the source states them (``2015-10``, ``2015-08-early``).  The rule is an **error**
when no choice of a day inside each interval satisfies the relation: "23 oktober" cannot be
before "20 oktober".  It is a **warning** when some day a date stands for has no day of the other
date to stand in the relation with, so that the relation holds only for the other days; the
warning names the days it needs: "2 oktober 2016" is before "oktober 2016" only if the month
means 3 to 31 October, and "oktober" before "15 oktober" only if it means 1 to 14 October.
(Dates that do not overlap are ordered whatever days they mean; ``same`` asks only that a day of
each coincide, so "28 oktober" is the same as "eind oktober".)

Passes — the meeting in Wenen (23 oktober) came after the Moscow talks (20 oktober)::

    facts:
      - {id: moscow-talks, value: "2015-10-20", unit: date}
      - {id: vienna-talks, value: "2015-10-23", unit: date}
    rules:
      - {id: talks-order, kind: order, first: moscow-talks, second: vienna-talks, relation: before}

Fails — the same dates the other way around::

    facts:
      - {id: moscow-talks, value: "2015-10-23", unit: date}
      - {id: vienna-talks, value: "2015-10-20", unit: date}
    rules:
      - {id: talks-order, kind: order, first: moscow-talks, second: vienna-talks, relation: before}

    facts.yaml:23:5: error order: order talks-order: moscow-talks = 2015-10-23 cannot be before vienna-talks = 2015-10-20
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from factcheck.dates import DateInterval
from factcheck.findings import Finding, Severity
from factcheck.model import FactBase, Rule
from factcheck.rules._relations import days, unfit, violation
from factcheck.rules.spec import Choice, FactRef, RuleKind

#: relation -> (how to say it, its converse, days from the other date's first and last day that a day
#: satisfying it can lie at: None for no limit)
RELATIONS: dict[str, tuple[str, str, int | None, int | None]] = {
    "before": ("before", "after", None, -1),
    "after": ("after", "before", 1, None),
    "same": ("the same day as", "same", 0, 0),
    "not_after": ("on or before", "not_before", None, 0),
    "not_before": ("on or after", "not_after", 0, None),
}


def _shifted(day: date, offset: int | None, unlimited: date) -> date | None:
    """`day` moved by `offset` days; `unlimited` for no offset; None beyond the calendar, where no day lies."""
    if offset is None:
        return unlimited
    try:
        return day + timedelta(offset)
    except OverflowError:
        return None


def needed(relation: str, first: DateInterval, second: DateInterval) -> DateInterval | None:
    """The days of `first` that stand in `relation` to some day of `second` (None: no day does)."""
    _, _, after_first, before_last = RELATIONS[relation]
    low = _shifted(second.first, after_first, first.first)
    high = _shifted(second.last, before_last, first.last)
    if low is None or high is None or max(low, first.first) > min(high, first.last):
        return None
    return DateInterval(max(low, first.first), min(high, first.last))


def check(base: FactBase) -> Iterator[Finding]:
    for rule in base.rules_of("order"):
        yield from _check(base, rule)


def _check(base: FactBase, rule: Rule) -> Iterator[Finding]:
    first, second = base.fact(rule, "first"), base.fact(rule, "second")
    problem = (unfit(rule, "first", first, "a date", first.when is not None)
               or unfit(rule, "second", second, "a date", second.when is not None))
    if problem is not None:
        yield problem
        return
    relation = rule.data["relation"]
    said, converse = RELATIONS[relation][:2]
    firsts = needed(relation, days(first), days(second))
    if firsts is None:
        message = f"{first.id} = {first.when} cannot be {said} {second.id} = {second.when}"
        yield violation(rule, Severity.ERROR, message, [first, second])
        return
    seconds = needed(converse, days(second), days(first))
    narrowed = [f"{fact.id} means {some}" for fact, some in ((first, firsts), (second, seconds))
                if some != days(fact)]
    if narrowed and relation != "same":
        message = f"{first.id} = {first.when} is {said} {second.id} = {second.when} only if {' and '.join(narrowed)}"
        yield violation(rule, Severity.WARNING, message, [first, second])


KIND = RuleKind(
    name="order",
    check=check,
    description="Date `first` stands in `relation` to date `second`.",
    references={"first": FactRef(), "second": FactRef()},
    options={"relation": Choice(tuple(RELATIONS))},
)

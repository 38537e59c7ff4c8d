"""order — date ``first`` stands before, after or on the same day as date ``second``.

An ``order`` rule names two date facts and a ``relation``: ``before``, ``after``, ``same``,
``not_after`` (on or before) or ``not_before`` (on or after).  Dates are intervals of days as
precise as the source states them (``2015-10``, ``2015-08-early``), so the rule is an **error**
only when no choice of a day inside each interval satisfies the relation: "oktober" can be
before "15 oktober", but "23 oktober" cannot be before "20 oktober".

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

from collections.abc import Callable, Iterator

from factcheck.dates import DateInterval
from factcheck.findings import Finding, Severity
from factcheck.model import FactBase, Rule
from factcheck.rules._relations import days, unfit, violation
from factcheck.rules.spec import Choice, FactRef, RuleKind

#: relation -> (whether some day of `a` and some day of `b` satisfy it, how to say it)
RELATIONS: dict[str, tuple[Callable[[DateInterval, DateInterval], bool], str]] = {
    "before": (lambda a, b: a.first < b.last, "before"),
    "after": (lambda a, b: a.last > b.first, "after"),
    "same": (lambda a, b: a.intersects(b), "the same day as"),
    "not_after": (lambda a, b: a.first <= b.last, "on or before"),
    "not_before": (lambda a, b: a.last >= b.first, "on or after"),
}


def possible(relation: str, first: DateInterval, second: DateInterval) -> bool:
    """Whether some day in `first` and some day in `second` stand in `relation`."""
    return RELATIONS[relation][0](first, second)


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
    if not possible(relation, days(first), days(second)):
        message = (f"{first.id} = {first.when} cannot be {RELATIONS[relation][1]} "
                   f"{second.id} = {second.when}")
        yield violation(rule, Severity.ERROR, message, [first, second])


KIND = RuleKind(
    name="order",
    check=check,
    description="Date `first` stands in `relation` to date `second`.",
    references={"first": FactRef(), "second": FactRef()},
    options={"relation": Choice(tuple(RELATIONS))},
)

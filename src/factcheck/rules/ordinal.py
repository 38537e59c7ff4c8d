"""ordinal — "the n-th" stands in its relation to a count: the next one, or one of them.

An ``ordinal`` rule names an ``ordinal`` fact (unit ``ordinal``: "een derde poging"), a ``count``
fact (a number of things: "twee pogingen") and their ``relation``:

* ``next``: the n-th comes after the counted ones, so n = count + 1 ("twee pogingen … hebben geen
  effect gehad. Een derde poging heeft geresulteerd in …");
* ``within``: the n-th is one of the counted ones, so n ≤ count ("the third of five rounds").

Both values are intervals (precision and qualifier); the rule is an **error** when no values
inside them satisfy the relation, and a **warning** when only a vague tolerance does.

Passes — two failed attempts, then a third::

    facts:
      - {id: failed-attempts, value: 2, unit: attempts}
      - {id: successful-attempt, value: 3, unit: ordinal}
    rules:
      - {id: third-after-two, kind: ordinal, ordinal: successful-attempt, count: failed-attempts, relation: next}

Fails — after two attempts, the next one is not the fourth::

    facts:
      - {id: failed-attempts, value: 2, unit: attempts}
      - {id: successful-attempt, value: 4, unit: ordinal}
    rules:
      - {id: third-after-two, kind: ordinal, ordinal: successful-attempt, count: failed-attempts, relation: next}

    facts.yaml:23:5: error ordinal: ordinal third-after-two: successful-attempt = ordinal 4, but after failed-attempts = 2 attempts the next is ordinal 3
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from factcheck.findings import Finding
from factcheck.intervals import Interval
from factcheck.model import Fact, FactBase, Rule
from factcheck.rules._relations import Pick, in_unit, judge, unfit, violation
from factcheck.rules.spec import Choice, FactRef, RuleKind

ONE = Decimal(1)


def check(base: FactBase) -> Iterator[Finding]:
    for rule in base.rules_of("ordinal"):
        yield from _check(base, rule)


def _is_count(fact: Fact) -> bool:
    """A number of things (or of days, weeks …): not a position, a share or an amount of money."""
    unit = fact.unit
    return fact.magnitude is not None and not (unit.is_ordinal or unit.signed)


def _check(base: FactBase, rule: Rule) -> Iterator[Finding]:
    ordinal, count = base.fact(rule, "ordinal"), base.fact(rule, "count")
    for problem in (unfit(rule, "ordinal", ordinal, "an ordinal", ordinal.unit.is_ordinal),
                    unfit(rule, "count", count, "a count", _is_count(count))):
        if problem is not None:
            yield problem
            return
    relation = rule.data["relation"]

    def holds(pick: Pick) -> bool:
        position, number = pick(ordinal), _counted(pick(count), count)
        if relation == "next":
            return position.intersects(_next(number))
        return position.below(number)

    verdict = judge(holds)
    if verdict is None:
        return
    position, number = verdict.pick(ordinal), _counted(verdict.pick(count), count)
    stated = f"{count.id} = {in_unit(verdict.pick(count), count)}"
    if relation == "next":
        message = f"{ordinal.id} = ordinal {position}, but after {stated} the next is ordinal {_next(number)}"
    else:
        message = f"{ordinal.id} = ordinal {position} lies beyond {stated}"
    yield violation(rule, verdict.severity, message + verdict.tail, [ordinal, count])


def _next(number: Interval) -> Interval:
    """The position after a count: one more, its ends as open as the count's."""
    return Interval(number.lo + ONE, number.hi + ONE, number.lo_open, number.hi_open)


def _counted(interval: Interval, fact: Fact) -> Interval:
    """A count as a number of the things its unit counts, its scale word applied: "the third week" of
    a count in weeks, "the 4000th" of one in persons thousand."""
    step = fact.unit.factor / fact.unit.scale
    if step == 1:
        return interval
    # divide rather than scale by 1 / step, which has no exact decimal for days (1 / 86400)
    return Interval(interval.lo / step, interval.hi / step, interval.lo_open, interval.hi_open)


KIND = RuleKind(
    name="ordinal",
    check=check,
    description="An ordinal (the n-th) is the next after a count (relation: next) or one of them (within).",
    references={"ordinal": FactRef(), "count": FactRef()},
    options={"relation": Choice(("next", "within"))},
)

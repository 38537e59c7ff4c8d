"""bound — a fact lies within the limits ``min`` and ``max``, stated in the fact's own unit.

A ``bound`` rule names a ``fact`` and a ``min``, a ``max`` or both, in the fact's unit (a bound
on a fact in ``EUR million`` is in millions).  The fact's value is an interval (precision and
qualifier); the limits themselves are included.  The rule is an **error** when no value in it lies
within the limits ("ruim 100%", more than 100, against a ``max`` of 100), and a **warning** when
only the vague tolerance reaches them or the value meets them only at one end ("minstens 100%"
against a ``max`` of 100 holds only at exactly 100).  A rule with neither limit, or with ``min``
above ``max``, is an error of its own.

Passes — a trainer count of "ruim 130" stays below 200::

    facts:
      - {id: trainers, value: 130, unit: persons, qualifier: more_than}
    rules:
      - {id: trainers-cap, kind: bound, fact: trainers, max: 200}

Fails — 122 million cannot lie between 0 and 100 million::

    facts:
      - {id: budget, value: 122, unit: EUR million}
    rules:
      - {id: budget-cap, kind: bound, fact: budget, min: 0, max: 100}

    facts.yaml:17:5: error bound: bound budget-cap: budget = [121.5, 122.5) EUR million lies outside [0, 100] EUR million
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from factcheck.findings import Finding, Severity
from factcheck.intervals import INF, Interval
from factcheck.model import FactBase, Rule
from factcheck.rules._relations import Pick, in_unit, judge, unfit, violation
from factcheck.rules.spec import FactRef, Number, RuleKind


def check(base: FactBase) -> Iterator[Finding]:
    for rule in base.rules_of("bound"):
        yield from _check(base, rule)


def _check(base: FactBase, rule: Rule) -> Iterator[Finding]:
    fact = base.fact(rule, "fact")
    problem = unfit(rule, "fact", fact, "a number", fact.magnitude is not None)
    if problem is not None:
        yield problem
        return
    low, high = rule.data.get("min"), rule.data.get("max")
    if low is None and high is None:
        yield violation(rule, Severity.ERROR, "states neither min nor max", [fact])
        return
    limits = Interval(-INF if low is None else Decimal(low), INF if high is None else Decimal(high))
    if limits.lo > limits.hi:
        yield violation(rule, Severity.ERROR, f"min {limits.lo} is above max {limits.hi}", [fact])
        return
    allowed = limits.scale(fact.unit.factor)

    def holds(pick: Pick) -> bool:
        return pick(fact).intersects(allowed)

    verdict = judge(holds)
    if verdict is not None:
        message = (f"{fact.id} = {in_unit(verdict.pick(fact), fact)} lies outside "
                   f"{in_unit(allowed, fact)}{verdict.tail}")
        yield violation(rule, verdict.severity, message, [fact])


KIND = RuleKind(
    name="bound",
    check=check,
    description="A fact lies within limits, stated in the fact's own unit.",
    references={"fact": FactRef()},
    options={"min": Number(required=False), "max": Number(required=False)},
)

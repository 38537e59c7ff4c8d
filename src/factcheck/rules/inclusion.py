"""inclusion — the parts add up to at most the total.

An ``inclusion`` rule names a ``total`` fact and one or more ``parts`` that the total includes,
perhaps with more besides: "circa 220 uitgereisd, van wie waarschijnlijk 40 overleden en circa 40
teruggekeerd", "inclusief".  Values are intervals (precision and qualifier) and convert within
their dimension.  The rule is an **error** when even the smallest values the parts allow add up
to more than the largest total allowed (an open end is not reached: parts of more than 100 do not
fit in at most 100), and a **warning** when they fit only by leaning on a vague tolerance, or only
when parts and total sit exactly at their ends.

Passes — of circa 220 who departed, probably 40 died and circa 40 returned::

    facts:
      - {id: departed, value: 220, unit: persons, qualifier: circa}
      - {id: died, value: 40, unit: persons, qualifier: probably}
      - {id: returned, value: 40, unit: persons, qualifier: circa}
    rules:
      - {id: departed-fate, kind: inclusion, total: departed, parts: [died, returned]}

Fails — circa 70 cannot include probably 40 and circa 40::

    facts:
      - {id: departed, value: 70, unit: persons, qualifier: circa}
      - {id: died, value: 40, unit: persons, qualifier: probably}
      - {id: returned, value: 40, unit: persons, qualifier: circa}
    rules:
      - {id: departed-fate, kind: inclusion, total: departed, parts: [died, returned]}

    facts.yaml:32:5: error inclusion: inclusion departed-fate: parts died + returned = at least 76 persons, more than total departed = at most 73.5 persons
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.findings import Finding
from factcheck.intervals import Interval, total
from factcheck.model import FactBase, Rule
from factcheck.rules._relations import Pick, in_unit, judge, mixed_dimensions, unfit, violation
from factcheck.rules.spec import FactRef, FactRefs, RuleKind


def check(base: FactBase) -> Iterator[Finding]:
    for rule in base.rules_of("inclusion"):
        yield from _check(base, rule)


def _check(base: FactBase, rule: Rule) -> Iterator[Finding]:
    whole = base.fact(rule, "total")
    parts = base.fact_list(rule, "parts")
    involved = [whole, *parts]
    problem = mixed_dimensions(rule, involved) or unfit(rule, "total", whole, "a number", whole.magnitude is not None)
    if problem is not None:
        yield problem
        return

    def holds(pick: Pick) -> bool:
        return total(pick(part) for part in parts).below(pick(whole))

    verdict = judge(holds)
    if verdict is None:
        return
    pick = verdict.pick
    least = total(pick(part) for part in parts)
    most = pick(whole)
    names = " + ".join(part.id for part in parts)
    message = (f"parts {names} = {_least(least)} {in_unit(Interval(least.lo, least.lo), whole)}, more than total "
               f"{whole.id} = {_most(most)} {in_unit(Interval(most.hi, most.hi), whole)}{verdict.tail}")
    yield violation(rule, verdict.severity, message, involved)


def _least(interval: Interval) -> str:
    return "more than" if interval.lo_open else "at least"


def _most(interval: Interval) -> str:
    return "less than" if interval.hi_open else "at most"


KIND = RuleKind(
    name="inclusion",
    check=check,
    description="The parts add up to at most the total (the total includes them, and maybe more).",
    references={"total": FactRef(), "parts": FactRefs(1, "The facts included in the total.")},
)

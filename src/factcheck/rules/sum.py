"""sum — the parts add up to the total.

A ``sum`` rule names a ``total`` fact and two or more ``parts``.  Every value stands for the
interval its written precision and qualifier allow (see ``factcheck rules`` and docs/format.md), and
units are converted within their dimension (EUR thousand and EUR million mix freely).  A rounded
value covers what rounds to it, a half-open interval (122 is [121.5, 122.5): 122.5 rounds to 123),
and an end of the parts' sum is reached only when every part reaches its own.  The rule is an
**error** when no choice of values inside the intervals makes the parts add up to the total, and a
**warning** when they add up only by leaning on a vague tolerance (circa, ruim …) or only at a
single boundary point (at least 4 and at least 6 of exactly 10).

Passes — 77,5 + 44,5 is 122, within the precision of one decimal::

    facts:
      - {id: budget, value: 122, unit: EUR million}
      - {id: air, value: 77.5, unit: EUR million}
      - {id: training, value: 44.5, unit: EUR million}
    rules:
      - {id: budget-split, kind: sum, total: budget, parts: [air, training]}

Fails — with ``air`` at 75.5 the parts make 120, and 120 is not 122::

    facts:
      - {id: budget, value: 122, unit: EUR million}
      - {id: air, value: 75.5, unit: EUR million}
      - {id: training, value: 44.5, unit: EUR million}
    rules:
      - {id: budget-split, kind: sum, total: budget, parts: [air, training]}

    facts.yaml:29:5: error sum: sum budget-split: parts air + training = [119.9, 120.1) EUR million, but total budget = [121.5, 122.5) EUR million
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.findings import Finding, Severity
from factcheck.intervals import total
from factcheck.model import FactBase, Rule
from factcheck.rules._relations import Pick, in_unit, judge, mention, mixed_dimensions, unfit, violation
from factcheck.rules.spec import FactRef, FactRefs, RuleKind


def check(base: FactBase) -> Iterator[Finding]:
    for rule in base.rules_of("sum"):
        yield from _check(base, rule)


def _check(base: FactBase, rule: Rule) -> Iterator[Finding]:
    whole = base.fact(rule, "total")
    parts = base.fact_list(rule, "parts")
    involved = [whole, *parts]
    if whole in parts:  # structurally wrong whatever the values: a total cannot contain itself
        yield Finding("sum", Severity.ERROR, f"sum {rule.id}: total {whole.id} is also one of its parts",
                      rule.at("parts"), (mention(whole),), (whole.id,), rule.id)
        return
    problem = mixed_dimensions(rule, involved) or unfit(rule, "total", whole, "a number", whole.magnitude is not None)
    if problem is not None:
        yield problem
        return

    def holds(pick: Pick) -> bool:
        return total(pick(part) for part in parts).intersects(pick(whole))

    verdict = judge(holds)
    if verdict is None:
        return
    pick = verdict.pick
    names = " + ".join(part.id for part in parts)
    message = (f"parts {names} = {in_unit(total(pick(part) for part in parts), whole)}, "
               f"but total {whole.id} = {in_unit(pick(whole), whole)}{verdict.tail}")
    yield violation(rule, verdict.severity, message, involved)


KIND = RuleKind(
    name="sum",
    check=check,
    description="The parts add up to the total.",
    references={"total": FactRef("The fact stating the total."), "parts": FactRefs(2, "The facts stating the parts.")},
)

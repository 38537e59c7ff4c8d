"""count — a stated number of things matches the things the document lists.

A ``count`` rule names a number ``fact`` and the ``items`` the document lists for it ("de vier
landen België, Denemarken, Frankrijk en het Verenigd Koninkrijk").  The fact's value is an
interval (precision and qualifier): "meer dan drie landen" excludes three.  The rule is an
**error** when the number of items lies outside it, and a **warning** when only the vague
tolerance covers it or it lies at the interval's one end ("minstens vier" with four listed).

Passes — four countries, four listed::

    facts:
      - {id: partner-count, value: 4, unit: countries}
    rules:
      - {id: partners-listed, kind: count, fact: partner-count, items: [België, Denemarken, Frankrijk, Verenigd Koninkrijk]}

Fails — four countries, three listed::

    facts:
      - {id: partner-count, value: 4, unit: countries}
    rules:
      - {id: partners-listed, kind: count, fact: partner-count, items: [België, Denemarken, Frankrijk]}

    facts.yaml:17:5: error count: count partners-listed: partner-count = 4 countries, but 3 items are listed
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from factcheck.findings import Finding
from factcheck.model import FactBase, Rule
from factcheck.rules._relations import Pick, in_unit, judge, unfit, violation
from factcheck.rules.spec import FactRef, RuleKind, Texts


def check(base: FactBase) -> Iterator[Finding]:
    for rule in base.rules_of("count"):
        yield from _check(base, rule)


def _check(base: FactBase, rule: Rule) -> Iterator[Finding]:
    fact = base.fact(rule, "fact")
    problem = unfit(rule, "fact", fact, "a number", fact.magnitude is not None)
    if problem is not None:
        yield problem
        return
    listed = len(rule.data["items"])

    def holds(pick: Pick) -> bool:
        return pick(fact).contains(Decimal(listed) * fact.unit.factor)

    verdict = judge(holds)
    if verdict is not None:
        stated = in_unit(verdict.pick(fact), fact)
        items = "item is" if listed == 1 else "items are"
        yield violation(rule, verdict.severity, f"{fact.id} = {stated}, but {listed} {items} listed{verdict.tail}",
                        [fact])


KIND = RuleKind(
    name="count",
    check=check,
    description="A stated number of items matches the items listed.",
    references={"fact": FactRef()},
    options={"items": Texts(1)},
)

"""agreement — facts that state the same quantity at the same time state the same value.

Automatic: every two facts with the same ``quantity`` whose validity (``valid: {from, until}``)
overlaps are compared; a fact without ``valid`` holds at all times.  Explicit ``agreement``
rules compare the facts they list whatever their quantity and validity.  Values compare as
intervals (precision and qualifier), dates as intervals of days.  A conflict is an **error**
when the intervals cannot meet, a **warning** when they meet only within a vague tolerance.
The finding stands at the later mention and lists every mention with its section.

Passes — six F-16s until the reduction, four after it::

    facts:
      - {id: f16-before, quantity: nl-f16-count, value: 6, unit: aircraft, valid: {until: "2015-06"}, section: Financiën}
      - {id: f16-after, quantity: nl-f16-count, value: 4, unit: aircraft, valid: {from: "2015-07"}, section: Nederlandse inzet in luchtcampagne}

Fails — four and six valid at the same time::

    facts:
      - {id: f16-before, quantity: nl-f16-count, value: 6, unit: aircraft, section: Financiën}
      - {id: f16-after, quantity: nl-f16-count, value: 4, unit: aircraft, section: Nederlandse inzet in luchtcampagne}

    facts.yaml:16:5: error agreement: quantity nl-f16-count: f16-after states 4 aircraft (section 'Nederlandse inzet in luchtcampagne'), f16-before states 6 aircraft (section 'Financiën'), both valid at the same time
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import combinations

from factcheck.findings import Finding, Related, Severity
from factcheck.model import Fact, FactBase
from factcheck.rules._relations import Pick, judge, mention
from factcheck.rules.spec import FactRefs, RuleKind


def check(base: FactBase) -> Iterator[Finding]:
    for quantity, facts in base.by_quantity().items():
        if len(facts) > 1:
            yield from _compare(f"quantity {quantity}", facts, None, timed=True)
    for rule in base.rules_of("agreement"):
        yield from _compare(f"agreement {rule.id}", base.fact_list(rule, "facts"), rule.id, timed=False)


def _compare(label: str, facts: Sequence[Fact], rule_id: str | None, *, timed: bool) -> Iterator[Finding]:
    ordered = sorted(facts, key=lambda fact: fact.location)
    mentions = tuple(mention(fact) for fact in ordered)  # shared by the group's findings: up to 4,950 of them
    for first, second in combinations(ordered, 2):
        if timed and not first.valid.intersects(second.valid):
            continue
        if first.unit.dimension != second.unit.dimension:
            yield _finding("dimension", Severity.ERROR, label, first, second, mentions, rule_id,
                           f": {first.unit.written} and {second.unit.written} cannot be compared")
            continue
        severity = _verdict(first, second)
        if severity is not None:
            when = ", both valid at the same time" if timed else ""
            lean = " (they agree only within the vague tolerance)" if severity is Severity.WARNING else ""
            yield _finding("agreement", severity, label, first, second, mentions, rule_id, when + lean)


def _verdict(first: Fact, second: Fact) -> Severity | None:
    if first.when is not None and second.when is not None:
        return None if first.when.intersects(second.when) else Severity.ERROR

    def holds(pick: Pick) -> bool:
        return pick(first).intersects(pick(second))

    return judge(holds)


def _finding(kind: str, severity: Severity, label: str, first: Fact, second: Fact,
             mentions: tuple[Related, ...], rule_id: str | None, tail: str) -> Finding:
    message = (f"{label}: {second.id} states {second.written} (section {second.section!r}), "
               f"{first.id} states {first.written} (section {first.section!r}){tail}")
    return Finding(kind, severity, message, second.location, mentions,
                   (first.id, second.id), rule_id)


KIND = RuleKind(
    name="agreement",
    check=check,
    description="The facts state the same value (facts sharing a quantity are compared automatically).",
    references={"facts": FactRefs(2, "Facts that must agree.")},
)

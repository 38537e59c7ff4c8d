"""change — "van X naar Y": a value changed from one fact to another in the stated direction.

A ``change`` rule names the fact before (``from``) and after (``to``) a change and its
``direction``, ``increase`` ("opgehoogd", "uitgebreid") or ``decrease`` ("teruggebracht",
"verlaagd").  Both facts must be numbers of one dimension (usually one quantity), and the change
must run forward in time: it is an **error** when ``to`` stops being valid before ``from``
starts.  The values are intervals (precision and qualifier): the rule is an **error** when no
values inside them move in the stated direction, and a **warning** when only the vague tolerance
lets them.  Give both facts ``valid:`` periods so that the automatic agreement check sees a
history, not a conflict.

Passes — the F-16s were reduced from six to four::

    facts:
      - {id: f16-before, quantity: nl-f16-count, value: 6, unit: aircraft, valid: {until: "2015-06"}}
      - {id: f16-after, quantity: nl-f16-count, value: 4, unit: aircraft, valid: {from: "2015-07"}}
    rules:
      - {id: f16-reduction, kind: change, from: f16-before, to: f16-after, direction: decrease}

Fails — a reduction from four to six::

    facts:
      - {id: f16-before, quantity: nl-f16-count, value: 4, unit: aircraft, valid: {until: "2015-06"}}
      - {id: f16-after, quantity: nl-f16-count, value: 6, unit: aircraft, valid: {from: "2015-07"}}
    rules:
      - {id: f16-reduction, kind: change, from: f16-before, to: f16-after, direction: decrease}

    facts.yaml:25:5: error change: change f16-reduction: from f16-before = 4 aircraft to f16-after = 6 aircraft is no decrease
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.findings import Finding, Severity
from factcheck.model import FactBase, Rule
from factcheck.rules._relations import Pick, in_unit, judge, mixed_dimensions, unfit, violation
from factcheck.rules.spec import Choice, FactRef, RuleKind


def check(base: FactBase) -> Iterator[Finding]:
    for rule in base.rules_of("change"):
        yield from _check(base, rule)


def _check(base: FactBase, rule: Rule) -> Iterator[Finding]:
    before, after = base.fact(rule, "from"), base.fact(rule, "to")
    involved = [before, after]
    problem = mixed_dimensions(rule, involved) or unfit(rule, "from", before, "a number",
                                                        before.magnitude is not None)
    if problem is not None:
        yield problem
        return
    if after.valid.last < before.valid.first:
        message = (f"to {after.id} is valid until {after.valid.last}, "
                   f"before from {before.id} is valid ({before.valid.first})")
        yield violation(rule, Severity.ERROR, message, involved)
    increase = rule.data["direction"] == "increase"

    def holds(pick: Pick) -> bool:
        if increase:
            return pick(after).hi > pick(before).lo
        return pick(after).lo < pick(before).hi

    verdict = judge(holds)
    if verdict is not None:
        pick = verdict.pick
        message = (f"from {before.id} = {in_unit(pick(before), before)} to {after.id} = "
                   f"{in_unit(pick(after), after)} is no {rule.data['direction']}{verdict.tail}")
        yield violation(rule, verdict.severity, message, involved)


KIND = RuleKind(
    name="change",
    check=check,
    description="A change from one value to another: both agree with the facts at their times, and the direction "
                "matches the verb.",
    references={"from": FactRef(), "to": FactRef()},
    options={"direction": Choice(("increase", "decrease"))},
)

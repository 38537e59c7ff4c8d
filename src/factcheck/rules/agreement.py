"""agreement — facts that state the same quantity at the same time state the same value.

Automatic: every two facts with the same ``quantity`` whose validity (``valid: {from, until}``)
overlaps are compared; a fact without ``valid`` holds at all times.  Explicit ``agreement``
rules compare the facts they list whatever their quantity and validity.  Values compare as
intervals (precision and qualifier), dates as intervals of days: "bijna 4 miljoen" [3.5, 4) and
"meer dan 4 miljoen" (4, 4.5) do not meet.  Of two figures stated at different precisions, the
coarser is read as the rounding of the finer one as stated (an exact figure): "59 miljoen" covers
[58.5, 59.5), so it is not a table's 59.500 (in thousands), which rounds to 60 million.  A
conflict is an **error** when the intervals cannot meet, a **warning** when they meet only
within a vague tolerance or only at a single value ("minstens 4" and "hoogstens 4").
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
from decimal import Decimal
from itertools import combinations

from factcheck.findings import Finding, Related, Severity
from factcheck.intervals import Interval
from factcheck.model import Fact, FactBase
from factcheck.rules._relations import Pick, Verdict, in_unit, judge, loose, mention
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
        verdict = _verdict(first, second)
        if verdict is not None:
            when = ", both valid at the same time" if timed else ""
            why = f" (they agree only {verdict.only})" if verdict.only else _rounding(first, second)
            yield _finding("agreement", verdict.severity, label, first, second, mentions, rule_id, when + why)


def _point(fact: Fact, other: Fact) -> Interval | None:
    """An exact figure stated at least as finely as `other`, as the one number it states: the coarser
    figure is read as its rounding (59 million as the rounding of a table's 59.500 thousand, which is
    59.5 million and rounds to 60), not as an independent rounding of some third number."""
    if fact.qualifier != "exact" or isinstance(fact.raw, dict) or fact.magnitude is None or other.magnitude is None:
        return None
    mine, theirs = fact.magnitude.nominal, other.magnitude.nominal
    if mine.hi - mine.lo > theirs.hi - theirs.lo:
        return None
    stated = Decimal(fact.raw) * fact.unit.factor
    return Interval(stated, stated)


def _verdict(first: Fact, second: Fact) -> Verdict | None:
    if first.when is not None and second.when is not None:
        return None if first.when.intersects(second.when) else Verdict(Severity.ERROR, loose, "")
    first_point, second_point = _point(first, second), _point(second, first)

    def holds(pick: Pick) -> bool:
        return (first_point or pick(first)).intersects(second_point or pick(second))

    return judge(holds)


def _rounding(first: Fact, second: Fact) -> str:
    """Why two figures whose intervals meet still disagree: the finer one does not round to the other."""
    for fine, coarse in ((first, second), (second, first)):
        point = _point(fine, coarse)
        if point is not None and loose(fine).intersects(loose(coarse)) and not point.intersects(loose(coarse)):
            return f" ({fine.written} does not round to {coarse.written}, which covers {in_unit(loose(coarse), coarse)})"
    return ""


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

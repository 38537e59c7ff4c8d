"""Shared pieces of the relation rules: judging over intervals and describing the facts involved."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from factcheck.findings import Finding, Related, Severity
from factcheck.intervals import Interval
from factcheck.model import Fact, Rule

Pick = Callable[[Fact], Interval]


def nominal(fact: Fact) -> Interval:
    assert fact.magnitude is not None
    return fact.magnitude.nominal


def loose(fact: Fact) -> Interval:
    assert fact.magnitude is not None
    return fact.magnitude.loose


def judge(holds: Callable[[Pick], bool]) -> Severity | None:
    """Error when no values inside the loose intervals satisfy a relation; warning when only the
    vague tolerances make it hold; None when it holds on the nominal intervals."""
    if not holds(loose):
        return Severity.ERROR
    if not holds(nominal):
        return Severity.WARNING
    return None


def in_unit(interval: Interval, fact: Fact) -> str:
    """An interval of base-unit values, shown in a fact's own unit."""
    factor = fact.unit.factor
    return f"{interval.scale(Decimal(1) / factor) if factor != 1 else interval} {fact.unit.name}"


def mention(fact: Fact) -> Related:
    """A related location that shows a fact with its value, section and quote."""
    return Related(fact.location, f"{fact.id} = {fact.written} (section {fact.section!r}): \u201c{fact.quote}\u201d")


def mixed_dimensions(rule: Rule, facts: Sequence[Fact]) -> Finding | None:
    """A finding when a rule relates facts of different dimensions (EUR and persons, dates and counts)."""
    dimensions = sorted({fact.unit.dimension for fact in facts})
    if len(dimensions) < 2:
        return None
    units = ", ".join(f"{fact.id} in {fact.unit.name}" for fact in facts)
    return Finding("dimension", Severity.ERROR, f"{rule.kind} {rule.id}: mixes dimensions ({units})",
                   rule.location, tuple(mention(fact) for fact in facts), tuple(f.id for f in facts), rule.id)


def ordered_ids(facts: Sequence[Fact]) -> tuple[str, ...]:
    return tuple(fact.id for fact in facts)

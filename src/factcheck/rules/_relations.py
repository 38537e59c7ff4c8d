"""Shared pieces of the relation rules: judging over intervals and describing the facts involved."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from factcheck.dates import DateInterval
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


def days(fact: Fact) -> DateInterval:
    """The days a date fact allows (rules check first that the fact is a date)."""
    assert fact.when is not None
    return fact.when


def strict(fact: Fact) -> Interval:
    """The nominal interval without the limit an ``at_least`` or ``at_most`` states: a relation that needs
    exactly that limit holds only at a boundary point.  (The ends of a rounding are what they are: 59.5
    rounds to 60, and "meer dan 3 landen" is 4 or more.)"""
    interval = nominal(fact)
    if interval.lo == interval.hi:  # "hoogstens 0": the limit is all there is
        return interval
    if fact.qualifier == "at_least":
        return Interval(interval.lo, interval.hi, True, interval.hi_open)
    if fact.qualifier == "at_most":
        return Interval(interval.lo, interval.hi, interval.lo_open, True)
    return interval


class Verdict(NamedTuple):
    """How a relation fails: its severity, the intervals it failed on (to show) and why a warning is one."""

    severity: Severity
    pick: Pick
    only: str  # where a warning's relation does hold: "within the vague tolerance", ...

    @property
    def tail(self) -> str:
        """The end of the finding's message."""
        return f" (holds only {self.only})" if self.only else ""


def judge(holds: Callable[[Pick], bool]) -> Verdict | None:
    """Error when no values inside the loose intervals satisfy a relation; warning when only the
    vague tolerances make it hold, or when it holds only at a single boundary point (on the nominal
    intervals, but not without the limits at_least and at_most state: `strict`); None otherwise."""
    if not holds(loose):
        return Verdict(Severity.ERROR, loose, "")
    if not holds(nominal):
        return Verdict(Severity.WARNING, nominal, "within the vague tolerance")
    if not holds(strict):
        return Verdict(Severity.WARNING, nominal, "at a single boundary point")
    return None


def in_unit(interval: Interval, fact: Fact) -> str:
    """An interval of base-unit values, shown in a fact's own unit."""
    factor = fact.unit.factor
    # divide rather than multiply by 1 / factor: 1 / 86400 (days) has no exact decimal
    shown = Interval(interval.lo / factor, interval.hi / factor, interval.lo_open, interval.hi_open) \
        if factor != 1 else interval
    return f"{shown} {fact.unit.written}"


def mention(fact: Fact) -> Related:
    """A related location that shows a fact with its value, section and quote."""
    return Related(fact.location, f"{fact.id} = {fact.written} (section {fact.section!r}): \u201c{fact.quote}\u201d")


def mixed_dimensions(rule: Rule, facts: Sequence[Fact]) -> Finding | None:
    """A finding when a rule relates facts of different dimensions (EUR and persons, dates and counts)."""
    dimensions = sorted({fact.unit.dimension for fact in facts})
    if len(dimensions) < 2:
        return None
    units = ", ".join(f"{fact.id} in {fact.unit.written}" for fact in facts)
    return Finding("dimension", Severity.ERROR, f"{rule.kind} {rule.id}: mixes dimensions ({units})",
                   rule.location, tuple(mention(fact) for fact in facts), tuple(f.id for f in facts), rule.id)


def ordered_ids(facts: Sequence[Fact]) -> tuple[str, ...]:
    return tuple(fact.id for fact in facts)


def violation(rule: Rule, severity: Severity, message: str, involved: Sequence[Fact]) -> Finding:
    """A finding of an explicit rule: at the rule's id, with every involved fact as related."""
    return Finding(rule.kind, severity, f"{rule.kind} {rule.id}: {message}", rule.location,
                   tuple(mention(fact) for fact in involved), ordered_ids(involved), rule.id)


def unfit(rule: Rule, role: str, fact: Fact, wanted: str, fits: bool) -> Finding | None:
    """A finding when a rule's fact has the wrong kind of value (a count where a date belongs)."""
    if fits:
        return None
    return Finding("dimension", Severity.ERROR,
                   f"{rule.kind} {rule.id}: {role} {fact.id} is in {fact.unit.written}, but must be {wanted}",
                   rule.location, (mention(fact),), (fact.id,), rule.id)

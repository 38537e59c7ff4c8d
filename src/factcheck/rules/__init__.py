"""The rule kinds.  Each kind is one module with a `check(base)` function and a docstring that is
its user documentation (shown by ``factcheck rules KIND``).  Adding a kind means one new module
and one line in `RULE_KINDS`.

A docstring's first line is "KIND — summary"; its "Passes —" and "Fails —" examples are runnable
YAML (each fact's quantity, section and quote left out), and the failing one ends with the exact
lines it prints: tests/test_rule_docs.py runs them, so the documentation cannot drift.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from types import ModuleType

from factcheck.findings import Finding
from factcheck.model import FactBase
from factcheck.rules import (
    agreement,
    bound,
    change,
    count,
    duration,
    inclusion,
    order,
    quote,
    ratio,
    relative,
    section,
    value,
    weekday,
)
from factcheck.rules import sum as sum_kind

Check = Callable[[FactBase], Iterable[Finding]]

#: kind name -> module; the order is the order `factcheck rules` lists them in.
RULE_KINDS: dict[str, ModuleType] = {
    "sum": sum_kind,
    "agreement": agreement,
    "inclusion": inclusion,
    "bound": bound,
    "change": change,
    "order": order,
    "duration": duration,
    "weekday": weekday,
    "relative": relative,
    "ratio": ratio,
    "count": count,
    "quote": quote,
    "value": value,
    "section": section,
}


#: The kinds that judge each fact against its own document's source alone, nothing else in the
#: base: the engine runs them fact file by fact file and caches each file's findings.
PER_FILE_KINDS = ("quote", "value", "section")


def check_all(base: FactBase, kinds: Iterable[str] = RULE_KINDS) -> list[Finding]:
    """The findings of the rule `kinds` (default: every kind) on `base`."""
    findings: list[Finding] = []
    for kind in kinds:
        check: Check = RULE_KINDS[kind].check
        findings.extend(check(base))
    return findings


def summary(module: ModuleType) -> str:
    """The first line of a rule kind's documentation."""
    return (module.__doc__ or "").strip().splitlines()[0]

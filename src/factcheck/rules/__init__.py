"""The rule kinds.  Each kind is one module with a `check(base)` function and a docstring that is
its user documentation (shown by ``factcheck rules KIND``).  Adding a kind means one new module
and one name in `RULE_KINDS`.

A docstring's first line is "KIND — summary"; its "Passes —" and "Fails —" examples are runnable
YAML (each fact's quantity, section and quote left out), and the failing one ends with the exact
lines it prints: tests/test_rule_docs.py runs them, so the documentation cannot drift.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from types import ModuleType

from factcheck.findings import Finding
from factcheck.model import FactBase

Check = Callable[[FactBase], Iterable[Finding]]

#: The rule kinds, each the module factcheck.rules.KIND; the order is the order `factcheck rules`
#: lists them in.
RULE_KINDS = (
    "sum",
    "agreement",
    "inclusion",
    "bound",
    "change",
    "order",
    "duration",
    "weekday",
    "relative",
    "ratio",
    "count",
    "quote",
    "value",
    "section",
)

#: The kinds that judge each fact against its own document's source alone, nothing else in the
#: base: the engine runs them fact file by fact file and caches each file's findings.
PER_FILE_KINDS = ("quote", "value", "section")


def rule_module(kind: str) -> ModuleType:
    """The module of a rule kind, imported when first needed: a run whose provenance findings all
    come from the cache never imports the source and numeral readers (~10 ms at every start)."""
    if kind not in RULE_KINDS:
        raise KeyError(kind)
    return importlib.import_module(f"{__name__}.{kind}")


def check_all(base: FactBase, kinds: Iterable[str] = RULE_KINDS) -> list[Finding]:
    """The findings of the rule `kinds` (default: every kind) on `base`."""
    findings: list[Finding] = []
    for kind in kinds:
        check: Check = rule_module(kind).check
        findings.extend(check(base))
    return findings

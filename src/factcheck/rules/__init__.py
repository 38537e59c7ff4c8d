"""The rule kinds.  Each kind is one module with a docstring that is its user documentation (shown
by ``factcheck rules KIND``) and a spec, ``KIND = RuleKind(...)`` (rules/spec.py): its fields, its
scope and its check — `check(base)` for a whole-base kind, `check(file)` for a per-file one.  Adding
a kind means one new module, one name in `RULE_KINDS` and ``python -m factcheck.schemagen``
(docs/adding-a-rule-kind.md).

A docstring's first line is "KIND — summary"; its "Passes —" and "Fails —" examples are runnable
YAML (each fact's quantity, section and quote left out), and the failing one ends with the exact
lines it prints: tests/test_rule_docs.py runs them, so the documentation cannot drift.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, cast

from factcheck.rules.spec import Check, FileCheck, RuleKind, Scope

if TYPE_CHECKING:
    from factcheck.findings import Finding
    from factcheck.model import FactBase, FactFile

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
    "calendar",
)


def kinds_in(scope: Scope) -> tuple[str, ...]:
    """The kinds of one scope, in registry order: the per-file ones judge each fact against its own
    document's source alone (the engine runs them file by file and caches each file's findings)."""
    return tuple(kind for kind in RULE_KINDS if kind_spec(kind).scope is scope)


def __getattr__(name: str) -> tuple[str, ...]:
    """`PER_FILE_KINDS` and `BASE_KINDS` (`kinds_in`), derived from the specs when first asked for,
    so that importing this package imports no kind."""
    scopes = {"PER_FILE_KINDS": Scope.PER_FILE, "BASE_KINDS": Scope.WHOLE_BASE}
    if name in scopes:
        return kinds_in(scopes[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def rule_module(kind: str) -> ModuleType:
    """The module of a rule kind, imported when first needed: a run whose provenance findings all
    come from the cache never imports the source and numeral readers (~10 ms at every start)."""
    if kind not in RULE_KINDS:
        raise KeyError(kind)
    return importlib.import_module(f"{__name__}.{kind}")


@cache
def kind_spec(kind: str) -> RuleKind:
    """The spec a rule kind's module declares (the model asks once per rule: cached)."""
    declared = rule_module(kind).KIND
    if not (isinstance(declared, RuleKind) and declared.name == kind):
        raise TypeError(f"factcheck.rules.{kind}.KIND must be a RuleKind named {kind!r}")
    problem = declared.problem()
    if problem is not None:
        raise ValueError(f"rule kind {kind}: {problem}")
    return declared


def explicit_kinds() -> list[RuleKind]:
    """The kinds written under ``rules:`` (the schema's), in registry order."""
    return [spec for spec in map(kind_spec, RULE_KINDS) if spec.explicit]


def check_all(base: FactBase, kinds: Iterable[str] | None = None) -> list[Finding]:
    """The findings of the whole-base rule `kinds` (default: every one) on `base`."""
    findings: list[Finding] = []
    for kind in kinds if kinds is not None else kinds_in(Scope.WHOLE_BASE):
        spec = kind_spec(kind)
        if spec.scope is not Scope.WHOLE_BASE:
            raise ValueError(f"{kind} is checked per fact file: see check_file")
        findings.extend(cast(Check, spec.check)(base))
    return findings


def check_file(file: FactFile) -> list[Finding]:
    """The findings of the `PER_FILE_KINDS` on one fact file."""
    findings: list[Finding] = []
    for kind in kinds_in(Scope.PER_FILE):
        findings.extend(cast(FileCheck, kind_spec(kind).check)(file))
    return findings

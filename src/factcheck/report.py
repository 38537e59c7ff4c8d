"""The result of one run: the `Report` the engine returns and every format reads.

A finding's outcome is its severity, or ``acknowledged`` once the curators accepted it; the
counts, the exit code and each rule's status in every format come from `outcome` alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from factcheck.findings import Finding, Severity

if TYPE_CHECKING:
    from factcheck.model import FactBase

Outcome = Literal["error", "warning", "acknowledged"]
#: worst first: a rule's status is the first of these among its findings, else ``ok``
OUTCOMES: tuple[Outcome, ...] = ("error", "warning", "acknowledged")


def outcome(finding: Finding) -> Outcome:
    """What a finding counts as: its severity, unless it was acknowledged."""
    if finding.acknowledged is not None:
        return "acknowledged"
    return "error" if finding.severity is Severity.ERROR else "warning"


def status(findings: Iterable[Finding]) -> Outcome | Literal["ok"]:
    """The worst outcome among some findings (a rule's, a fact's): error, warning, acknowledged, or ok."""
    found = {outcome(finding) for finding in findings}
    return next((level for level in OUTCOMES if level in found), "ok")


@dataclass(slots=True)
class Report:
    """Everything one run found; formatters render it."""

    findings: list[Finding]
    base: FactBase | None = None
    files: list[str] = field(default_factory=list)
    #: fact file or source (as findings name it) -> its text, so formatters can show the offending line
    #: (pure: they read no files)
    texts: dict[str, str] = field(default_factory=dict)
    #: whether the rules ran (they do not when the base has loading, model or source errors)
    rules_checked: bool = False

    @property
    def errors(self) -> int:
        return self._count("error")

    @property
    def warnings(self) -> int:
        return self._count("warning")

    @property
    def acknowledged(self) -> int:
        return self._count("acknowledged")

    def _count(self, level: Outcome) -> int:
        return sum(1 for finding in self.findings if outcome(finding) == level)

    def exit_code(self, strict: bool = False) -> int:
        return 1 if self.errors or (strict and self.warnings) else 0

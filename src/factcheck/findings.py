"""The one result type of every check: an immutable, located `Finding`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A place in a file; line and column are 1-based, columns count code points."""

    path: str
    line: int = 1
    column: int = 1
    #: the page of a place in a PDF source, whose `line` then counts within that page
    page: int | None = None

    def __str__(self) -> str:
        if self.page is not None:
            return f"{self.path}:p{self.page}:{self.line}:{self.column}"
        return f"{self.path}:{self.line}:{self.column}"

    @property
    def where(self) -> str:
        """The line as a message names it: "line 800", or "page 3, line 12" in a PDF."""
        return f"line {self.line}" if self.page is None else f"page {self.page}, line {self.line}"


@dataclass(frozen=True, slots=True)
class Related:
    """Another place a finding involves, e.g. each fact of a failing sum."""

    location: Location
    message: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a fact base.

    `kind` names the check that produced it (a rule kind such as ``sum``, or ``schema``,
    ``syntax``, ``duplicate-key``); `rule_id` is the id of the rule entry in the fact base
    when the finding comes from an explicit rule.  `acknowledged` holds the curator's
    reason when the finding was accepted on purpose.
    """

    kind: str
    severity: Severity
    message: str
    location: Location
    related: tuple[Related, ...] = ()
    facts: tuple[str, ...] = ()
    rule_id: str | None = None
    acknowledged: str | None = field(default=None, compare=False)

    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.kind, self.rule_id or "", self.message)

    def acknowledge(self, reason: str) -> Finding:
        return replace(self, acknowledged=reason)


def sorted_findings(findings: list[Finding]) -> list[Finding]:
    """Deterministic order: by file, line, column, then kind and message."""
    return sorted(findings, key=Finding.sort_key)


def did_you_mean(name: str, candidates: Iterable[str]) -> str:
    """The tail of a message about an unknown `name`: "; did you mean 'X'?" with the closest of
    `candidates`, or "" when none is close."""
    import difflib  # only once a name is unknown: every run pays for an import at startup

    close = difflib.get_close_matches(name, list(candidates), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""

"""Text output for people: one GNU-style line per finding, then a summary line."""

from __future__ import annotations

from factcheck.engine import Report
from factcheck.findings import Finding


def finding_line(finding: Finding) -> str:
    """``path:line:col: severity kind: message``; acknowledged findings say ``info`` and why."""
    if finding.acknowledged is not None:
        return f"{finding.location}: info {finding.kind}: {finding.message} [acknowledged: {finding.acknowledged}]"
    return f"{finding.location}: {finding.severity.value} {finding.kind}: {finding.message}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def summary_line(report: Report) -> str:
    base = report.base
    counts = [_count(report.errors, "error"), _count(report.warnings, "warning"),
              f"{report.acknowledged} acknowledged"]
    scope = _count(len(report.files), "file")
    if base is not None:
        scope = f"{_count(len(base.facts), 'fact')}, {_count(len(base.rules), 'rule')} in {scope}"
    return f"{', '.join(counts)}; {scope}"


def render(report: Report) -> str:
    lines = [finding_line(finding) for finding in report.findings]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"

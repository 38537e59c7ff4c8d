"""One line per finding for editors and grep, as yamllint's ``parsable`` format:
``path:line:col: [level] message (kind)``.  No excerpt, no notes, no summary: the exit code
says whether the run passed.  Acknowledged findings are ``[info]`` lines, listed only with
``verbose``, as in the text format."""

from __future__ import annotations

from factcheck.findings import Finding
from factcheck.formatters import RenderOptions
from factcheck.formatters.text import shown
from factcheck.report import Report


def finding_line(finding: Finding) -> str:
    if finding.acknowledged is not None:
        return f"{finding.location}: [info] {finding.message} [acknowledged: {finding.acknowledged}] ({finding.kind})"
    return f"{finding.location}: [{finding.severity.value}] {finding.message} ({finding.kind})"


def render(report: Report, options: RenderOptions) -> str:
    return "".join(f"{finding_line(finding)}\n" for finding in shown(report, options))

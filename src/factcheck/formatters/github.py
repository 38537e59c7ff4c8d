"""GitHub Actions workflow commands: one annotation per finding, then the summary as a plain line.

Errors are ``::error``, warnings ``::warning``, acknowledged findings ``::notice``.  Escaping
follows actions/toolkit (``core/src/command.ts``): in the message ``%``, CR and LF are
percent-encoded; in properties ``:`` and ``,`` are too.  The facts a relation involves are
listed on further lines of the annotation's message.
"""

from __future__ import annotations

from factcheck.findings import Finding
from factcheck.formatters import RenderOptions
from factcheck.formatters.text import summary_line
from factcheck.report import Report


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    if finding.acknowledged is not None:
        level = "notice"
        message = f"{finding.message} [acknowledged: {finding.acknowledged}]"
    else:
        level = finding.severity.value
        message = finding.message
    message = "\n".join([message, *(f"{r.location}: {r.message}" for r in finding.related)])
    title = f"factcheck {finding.kind}" + (f" ({finding.rule_id})" if finding.rule_id else "")
    loc = finding.location
    properties = (f"file={escape_property(loc.path)},line={loc.line},col={loc.column},"
                  f"title={escape_property(title)}")
    return f"::{level} {properties}::{escape_data(message)}"


def render(report: Report, _options: RenderOptions) -> str:
    lines = [annotation(finding) for finding in report.findings]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"

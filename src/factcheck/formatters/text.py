"""Text output for people: one GNU-style line per finding, the offending line of the fact file with a
caret under the column (as compilers do), a note per fact involved, then a summary line.
Acknowledged findings pass, so without ``verbose`` they are one line that counts them.

Every finding's first line keeps the grep- and editor-friendly shape ``path:line:col: severity kind:
message``; everything below it is context.  Colour follows gcc: errors red, warnings magenta, notes
and acknowledged findings cyan, the caret green.
"""

from __future__ import annotations

from collections.abc import Mapping

from factcheck.findings import Finding, Location
from factcheck.formatters import RenderOptions
from factcheck.formatters.lines import split_lines
from factcheck.report import Report

RESET = "\x1b[0m"
BOLD = "\x1b[1m"
_SEVERITY_COLOR = {"error": "\x1b[1;31m", "warning": "\x1b[1;35m", "info": "\x1b[1;36m", "note": "\x1b[1;36m"}
_CARET = "\x1b[1;32m"

#: Notes shown under one finding; the rest are counted (every format but text lists them all).
MAX_NOTES = 12
#: An excerpt shows at most this many characters of a line, around the column (a 10 MB line exists).
EXCERPT_WIDTH = 160


class Paint:
    """Wraps text in an ANSI colour code, or leaves it alone when colour is off."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, code: str, text: str) -> str:
        return f"{code}{text}{RESET}" if self.color and text else text


def _level(finding: Finding) -> str:
    return "info" if finding.acknowledged is not None else finding.severity.value


def finding_line(finding: Finding, color: bool = False) -> str:
    """``path:line:col: severity kind: message``; acknowledged findings say ``info`` and why."""
    paint = Paint(color)
    level = _level(finding)
    head = f"{paint(BOLD, f'{finding.location}:')} {paint(_SEVERITY_COLOR[level], level)} {finding.kind}:"
    if finding.acknowledged is not None:
        return f"{head} {finding.message} [acknowledged: {finding.acknowledged}]"
    return f"{head} {finding.message}"


def excerpt(location: Location, texts: Mapping[str, str], color: bool = False) -> list[str]:
    """The line a location points at, numbered, with a caret under its column (none if unknown)."""
    text = texts.get(location.path)
    if text is None:
        return []
    lines = split_lines(text)
    if not 1 <= location.line <= len(lines):
        return []
    line = lines[location.line - 1]
    start = max(0, min(location.column - 1 - EXCERPT_WIDTH // 2, len(line) - EXCERPT_WIDTH))
    more = "…" if start + EXCERPT_WIDTH < len(line) else ""
    line = ("…" if start else "") + line[start:start + EXCERPT_WIDTH] + more
    # keep tabs so the caret lines up however the terminal expands them
    pad = "".join(ch if ch == "\t" else " " for ch in line[: location.column - 1 - start + (1 if start else 0)])
    number = str(location.line)
    gutter = " " * len(number)
    return [f" {number} | {line}".rstrip(), f" {gutter} | {pad}{Paint(color)(_CARET, '^')}"]


def plural(number: int, noun: str) -> str:
    """``1 error``, ``2 errors``."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def summary_line(report: Report, color: bool = False) -> str:
    paint = Paint(color)
    base = report.base
    errors, warnings = plural(report.errors, "error"), plural(report.warnings, "warning")
    counts = [paint(_SEVERITY_COLOR["error"], errors) if report.errors else errors,
              paint(_SEVERITY_COLOR["warning"], warnings) if report.warnings else warnings,
              f"{report.acknowledged} acknowledged"]
    scope = plural(len(report.files), "file")
    if base is not None:
        scope = f"{plural(len(base.facts), 'fact')}, {plural(len(base.rules), 'rule')} in {scope}"
    return f"{', '.join(counts)}; {scope}"


def finding_block(finding: Finding, texts: Mapping[str, str], color: bool = False) -> list[str]:
    """A finding's line, the offending line of the fact file, and a note for each fact involved."""
    paint = Paint(color)
    lines = [finding_line(finding, color), *excerpt(finding.location, texts, color)]
    for related in finding.related[:MAX_NOTES]:
        lines.append(f"{paint(BOLD, f'{related.location}:')} {paint(_SEVERITY_COLOR['note'], 'note')}: "
                     f"{related.message}")
    if len(finding.related) > MAX_NOTES:  # a quantity stated 2,000 times: the JSON output lists them all
        lines.append(f"{paint(BOLD, f'{finding.location}:')} {paint(_SEVERITY_COLOR['note'], 'note')}: "
                     f"and {len(finding.related) - MAX_NOTES} more")
    return lines


def shown(report: Report, options: RenderOptions) -> list[Finding]:
    """The findings listed one by one: acknowledged ones only when ``verbose`` (they pass, and
    would otherwise fill every clean run of the hook)."""
    return [f for f in report.findings if options.verbose or f.acknowledged is None]


def acknowledged_line(report: Report) -> list[str]:
    """One line counting the acknowledged findings not listed, or none."""
    count = report.acknowledged
    if not count:
        return []
    return [f"{plural(count, 'acknowledged finding')} (use -v to list {'it' if count == 1 else 'them'})"]


def render(report: Report, options: RenderOptions) -> str:
    """The whole report; ``quiet`` keeps the summary line alone."""
    lines: list[str] = []
    if not options.quiet:
        for finding in shown(report, options):
            lines.extend(finding_block(finding, report.texts, options.color))
        if not options.verbose:
            lines.extend(acknowledged_line(report))
    lines.append(summary_line(report, options.color))
    return "\n".join(lines) + "\n"

"""The view of one fact (``factcheck show FACT_ID``): the fact as written in its fact file, what its
value stands for, its quote in the source with line numbers, and every rule it takes part in
with that rule's status in the run (ok, error, warning, acknowledged, or not checked).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from factcheck.dates import DateInterval
from factcheck.formatters.lines import split_lines
from factcheck.formatters.quotes import quote_in_context
from factcheck.formatters.text import BOLD, Paint, finding_line
from factcheck.model import Fact, FactBase, Rule, _references
from factcheck.report import Report, status
from factcheck.rules._relations import in_unit
from factcheck.sourcedoc import SourceDocument

_STATUS_COLOR = {"ok": "\x1b[1;32m", "error": "\x1b[1;31m", "warning": "\x1b[1;35m",
                 "acknowledged": "\x1b[1;36m", "not checked": "\x1b[1;33m"}


def _numbered(lines: Iterable[tuple[int | str, str, bool]]) -> list[str]:
    """Lines with their numbers (or labels: "p3 12") in a gutter; marked lines get a ``>``."""
    rows = list(lines)
    width = max((len(str(number)) for number, _, _ in rows), default=0)
    return [f"{'>' if marked else ' '} {number:>{width}} | {line}".rstrip() for number, line, marked in rows]


def fact_lines(fact: Fact, texts: Mapping[str, str]) -> list[str]:
    """The fact's entry as written in its fact file (every field, comments included)."""
    text = texts.get(fact.location.path)
    if text is None:
        return []
    lines = split_lines(text)
    first = min([fact.location.line, *(loc.line for loc in fact.field_locations.values())])
    key_indent = fact.location.column - 1
    last = first
    for number in range(first + 1, len(lines) + 1):
        line = lines[number - 1]
        if line.strip() and len(line) - len(line.lstrip(" ")) < key_indent:
            break
        if line.strip():
            last = number
    return _numbered((number, lines[number - 1], False) for number in range(first, last + 1))


def validity(valid: DateInterval) -> str:
    first, last = valid.bounds()
    if first is None:
        return "always" if last is None else f"until {last}"
    return f"from {first}" if last is None else f"from {first} until {last}"


def meaning(fact: Fact) -> str:
    """What the value stands for: a day interval, or the number's intervals in the fact's unit."""
    if fact.when is not None:
        return str(fact.when)
    assert fact.magnitude is not None
    nominal, loose = fact.magnitude.nominal, fact.magnitude.loose
    shown = in_unit(nominal, fact)
    return shown if loose == nominal else f"{shown} (within its tolerance: {in_unit(loose, fact)})"


def quote_lines(fact: Fact, source: SourceDocument | None, context: int = 1) -> list[str]:
    """The quote in its source with `context` lines around it, or why it cannot be shown."""
    where = fact.document.source
    if source is None:
        return [f"quote: source {where} was not read"]
    found = quote_in_context(source, fact.quote, context)
    if found is None:
        return [f"quote: not found in {where}; `factcheck verify` names the closest passage"]
    first, last = found.first[0], found.last[0]
    return [f"quote: {where}:{found.start}",
            *_numbered((label, line, first <= number <= last)
                       for label, (number, line) in zip(found.labels, found.lines, strict=True))]


def rules_of(base: FactBase, fact: Fact) -> list[Rule]:
    """The explicit rules that name a fact."""
    return [rule for rule in base.rules if fact.id in {ref for ref, _ in _references(rule)}]


def rule_lines(report: Report, fact: Fact) -> list[tuple[str, str]]:
    """(status, description) of each rule the fact takes part in, automatic agreement included."""
    assert report.base is not None
    rows: list[tuple[str, str]] = []
    for rule in rules_of(report.base, fact):
        outcome = status(f for f in report.findings if f.rule_id == rule.id)
        rows.append((outcome, f"{rule.id} ({rule.kind}) at {rule.location}"))
    peers = [other.id for other in report.base.by_quantity()[fact.quantity] if other is not fact]
    if peers:
        outcome = status(f for f in report.findings
                         if f.rule_id is None and f.kind in ("agreement", "dimension") and fact.id in f.facts)
        rows.append((outcome, f"agreement (automatic): quantity {fact.quantity}, with {', '.join(peers)}"))
    if not report.rules_checked:
        rows = [("not checked", description) for _, description in rows]
    return rows


def render_fact(report: Report, fact_id: str, *, color: bool = False) -> str:
    """Everything about one fact; the caller makes sure the base was built and has the fact."""
    assert report.base is not None
    fact = report.base.facts[fact_id]
    paint = Paint(color)
    lines = [f"{paint(BOLD, fact.id)} at {fact.location}", *fact_lines(fact, report.texts),
             f"value: {fact.written}, stands for {meaning(fact)}",
             f"valid: {validity(fact.valid)}",
             f"document: {fact.document.id} ({fact.document.title})",
             "", *quote_lines(fact, report.base.source_text(fact.document)), "", "rules:"]
    rules = rule_lines(report, fact)
    width = max((len(outcome) for outcome, _ in rules), default=0)
    lines.extend(f"  {paint(_STATUS_COLOR[outcome], outcome)}{' ' * (width - len(outcome))}  {description}"
                 for outcome, description in rules)
    if not rules:
        lines.append("  (none)")
    own_rules = {rule.id for rule in rules_of(report.base, fact)}
    involved = [f for f in report.findings if fact.id in f.facts or (f.rule_id is not None and f.rule_id in own_rules)]
    lines.extend(["", "findings:", *(f"  {finding_line(f, color)}" for f in involved)])
    if not involved:
        lines.append("  (none)")
    return "\n".join(lines) + "\n"

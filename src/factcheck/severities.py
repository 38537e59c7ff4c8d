"""What the curators decided about findings: the severity of each rule or kind, and the
findings they acknowledge."""

from __future__ import annotations

from dataclasses import replace

from factcheck.findings import Finding, Severity
from factcheck.model import Acknowledgement, FactBase


def apply_severities(findings: list[Finding], base: FactBase) -> list[Finding]:
    by_rule = {rule.id: rule.severity for rule in base.rules if rule.severity}
    result = []
    for finding in findings:
        level = by_rule.get(finding.rule_id or "") or base.kind_severity.get(finding.kind)
        if level == "off":
            continue
        if level is not None:
            finding = replace(finding, severity=Severity(level))
        result.append(finding)
    return result


def _matches(ack: Acknowledgement, finding: Finding) -> bool:
    named = ack.rule == finding.rule_id or (finding.rule_id is None and ack.rule == finding.kind)
    return named and (ack.facts is None or ack.facts == frozenset(finding.facts)) and (
        ack.text is None or _spaced(ack.text) in _spaced(finding.message))


def _spaced(text: str) -> str:
    """Runs of white space as one space: a source's line breaks are spaces in a message."""
    return " ".join(text.split())


def apply_acknowledgements(findings: list[Finding], acks: list[Acknowledgement]) -> list[Finding]:
    """Mark acknowledged findings; report every acknowledgement that no longer matches any."""
    used: set[int] = set()
    result = []
    for finding in findings:
        for index, ack in enumerate(acks):
            if _matches(ack, finding):
                used.add(index)
                finding = finding.acknowledge(ack.reason)
                break
        result.append(finding)
    for index, ack in enumerate(acks):
        if index not in used:
            scope = (f" for facts {sorted(ack.facts)}" if ack.facts else "") + (
                f" with text {ack.text!r}" if ack.text is not None else "")
            result.append(Finding("stale-acknowledgement", Severity.ERROR,
                                  f"acknowledgement of {ack.rule!r}{scope} matches no finding; remove it",
                                  ack.location))
    return result

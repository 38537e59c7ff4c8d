"""SARIF 2.1.0 output for code scanning (GitHub's upload-sarif and other SARIF viewers).

Every kind of the registry (`factcheck.kinds`) is a reporting descriptor in ``tool.driver.rules``,
with its documentation and default severity.  A result's ``ruleId`` is its kind; the id of the fact
base's rule entry, and the facts involved, are in its ``properties``.  Paths are relative URIs (as
the findings show them: relative to the working directory), columns count code points,
acknowledged findings carry an external suppression with the curator's reason.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from factcheck import __version__
from factcheck.docrender import markdown, plain
from factcheck.findings import Finding, Location
from factcheck.formatters import RenderOptions
from factcheck.kinds import documentation, known_kinds, registry
from factcheck.report import Report

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "factcheck/v1"  # a new version when what `fingerprint` hashes changes
_DIGITS = re.compile(r"\d+")
_LINK_SYNTAX = re.compile(r"[\\\[\]]")


def artifact_uri(path: str) -> str:
    """A path as a URI reference: relative paths stay relative, absolute ones become file URIs."""
    posix = PurePosixPath(path)
    if posix.is_absolute():
        return "file://" + quote(posix.as_posix())
    return quote(posix.as_posix())


def physical_location(location: Location) -> dict[str, Any]:
    """A place; in a PDF source its region's line counts within its page, given as the region's property
    ``page`` (SARIF has no pages)."""
    region: dict[str, Any] = {"startLine": location.line, "startColumn": location.column}
    if location.page is not None:
        region["properties"] = {"page": location.page}
    return {"artifactLocation": {"uri": artifact_uri(location.path)}, "region": region}


def descriptor(kind: str) -> dict[str, Any]:
    """A kind's reporting descriptor.  GitHub shows `help` as the rule's help; the one-line summary is the short
    description, and no fullDescription repeats either (SARIF makes it optional)."""
    doc = documentation(kind)
    summary = plain(doc.summary)
    return {
        "id": kind,
        "name": kind,
        "shortDescription": {"text": summary},
        "help": {"text": plain(doc.text), "markdown": markdown(doc.text)},
        "defaultConfiguration": {"level": registry()[kind].severity.value},
    }


def fingerprint(finding: Finding) -> str:
    """What identifies a finding across runs, so code scanning keeps one alert while facts move in the file.

    Its kind, rule id and facts, never a line number.  A finding with neither rule id nor facts (syntax,
    schema …) has only its file and message to go by: the message with every run of digits stripped, since
    its numbers are mostly positions (``facts[12].value``, ``line 800``) that shift when lines are inserted.
    """
    if finding.rule_id is None and not finding.facts:
        identity = [finding.kind, finding.location.path, _DIGITS.sub("#", finding.message)]
    else:
        identity = [finding.kind, finding.rule_id or "", *finding.facts]
    return hashlib.sha256(json.dumps(identity, ensure_ascii=False).encode()).hexdigest()[:32]


def escaped(text: str) -> str:
    """Text with SARIF's embedded-link syntax characters escaped (SARIF 2.1.0 §3.11.6)."""
    return _LINK_SYNTAX.sub(r"\\\g<0>", text)


def linked_message(finding: Finding) -> str:
    """The message, ending with a link to each related location: ``… (see [budget](1), [air](2))``."""
    if not finding.related:
        return escaped(finding.message)
    links = ", ".join(f"[{escaped(related.message.partition(' = ')[0])}]({number})"
                      for number, related in enumerate(finding.related, start=1))
    return f"{escaped(finding.message)} (see {links})"


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """Each finding's `fingerprint`, made distinct as GitHub makes its own line hashes: the second finding with
    the same identity (two facts with the same misspelt key, whose messages differ only in an index) gets
    ``:1`` appended, the third ``:2``, in the order of the findings, so no two results merge into one alert."""
    seen: Counter[str] = Counter()
    result = []
    for finding in findings:
        identity = fingerprint(finding)
        result.append(f"{identity}:{seen[identity]}" if seen[identity] else identity)
        seen[identity] += 1
    return result


def result(finding: Finding, index: int, fingerprint: str) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "ruleId": finding.kind,
        "ruleIndex": index,
        "level": finding.severity.value,
        "message": {"text": linked_message(finding)},
        "locations": [{"physicalLocation": physical_location(finding.location)}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if finding.related:
        entry["relatedLocations"] = [
            {"id": number, "physicalLocation": physical_location(related.location),
             "message": {"text": related.message}}
            for number, related in enumerate(finding.related, start=1)]
    if finding.acknowledged is not None:
        entry["suppressions"] = [{"kind": "external", "justification": finding.acknowledged}]
    properties: dict[str, Any] = {"facts": list(finding.facts)} if finding.facts else {}
    if finding.rule_id is not None:
        properties["rule_id"] = finding.rule_id
    if properties:
        entry["properties"] = properties
    return entry


def sarif_dict(report: Report) -> dict[str, Any]:
    kinds = known_kinds()
    index = {kind: number for number, kind in enumerate(kinds)}
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": __version__,
                                "rules": [descriptor(kind) for kind in kinds]}},
            "columnKind": "unicodeCodePoints",
            "results": [result(finding, index[finding.kind], print_)
                        for finding, print_ in zip(report.findings, fingerprints(report.findings), strict=True)],
        }],
    }


def render(report: Report, _options: RenderOptions) -> str:
    return json.dumps(sarif_dict(report), indent=2, ensure_ascii=False) + "\n"

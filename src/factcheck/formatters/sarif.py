"""SARIF 2.1.0 output for code scanning (GitHub's upload-sarif and other SARIF viewers).

Every kind of the registry (`factcheck.kinds`) is a reporting descriptor in ``tool.driver.rules``,
with its documentation and default severity.  A result's ``ruleId`` is its kind; the id of the fact
base's rule entry, and the facts involved, are in its ``properties``.  Paths are relative URIs (as
the findings show them: relative to the working directory), columns count code points,
acknowledged findings carry an external suppression with the curator's reason.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from factcheck import __version__
from factcheck.findings import Finding, Location
from factcheck.formatters import RenderOptions
from factcheck.kinds import documentation, known_kinds, registry
from factcheck.report import Report

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"


def artifact_uri(path: str) -> str:
    """A path as a URI reference: relative paths stay relative, absolute ones become file URIs."""
    posix = PurePosixPath(path)
    if posix.is_absolute():
        return "file://" + quote(posix.as_posix())
    return quote(posix.as_posix())


def physical_location(location: Location) -> dict[str, Any]:
    return {"artifactLocation": {"uri": artifact_uri(location.path)},
            "region": {"startLine": location.line, "startColumn": location.column}}


def descriptor(kind: str) -> dict[str, Any]:
    doc = documentation(kind)
    return {
        "id": kind,
        "name": kind,
        "shortDescription": {"text": doc.summary},
        "fullDescription": {"text": doc.text},
        "help": {"text": doc.text},
        "defaultConfiguration": {"level": registry()[kind].severity.value},
    }


def result(finding: Finding, index: int) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "ruleId": finding.kind,
        "ruleIndex": index,
        "level": finding.severity.value,
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": physical_location(finding.location)}],
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
            "results": [result(finding, index[finding.kind]) for finding in report.findings],
        }],
    }


def render(report: Report, _options: RenderOptions) -> str:
    return json.dumps(sarif_dict(report), indent=2, ensure_ascii=False) + "\n"

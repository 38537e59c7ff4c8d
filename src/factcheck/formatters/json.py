"""JSON output for programs: one object in a stable, versioned shape (schema/report.schema.json).

``version`` changes only when the shape changes incompatibly; new keys may be added.  Lines and
columns are 1-based, columns count code points.  Acknowledged findings keep their severity and
carry ``{"reason": …}``; they do not count as errors or warnings in the summary.
"""

from __future__ import annotations

import json
from typing import Any

from factcheck import __version__
from factcheck.findings import Finding, Location
from factcheck.formatters import RenderOptions
from factcheck.report import Report

FORMAT_VERSION = 1


def location_dict(location: Location) -> dict[str, Any]:
    return {"file": location.path, "line": location.line, "column": location.column}


def finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "kind": finding.kind,
        "rule_id": finding.rule_id,
        "severity": finding.severity.value,
        "message": finding.message,
        "location": location_dict(finding.location),
        "related": [{"location": location_dict(r.location), "message": r.message} for r in finding.related],
        "facts": list(finding.facts),
        "acknowledged": None if finding.acknowledged is None else {"reason": finding.acknowledged},
    }


def report_dict(report: Report) -> dict[str, Any]:
    base = report.base
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": "factcheck", "version": __version__},
        "summary": {
            "errors": report.errors,
            "warnings": report.warnings,
            "acknowledged": report.acknowledged,
            # null when the base was not well-formed enough to be built (facts were not counted)
            "facts": None if base is None else len(base.facts),
            "rules": None if base is None else len(base.rules),
            "files": len(report.files),
        },
        "findings": [finding_dict(finding) for finding in report.findings],
    }


def render(report: Report, _options: RenderOptions) -> str:
    return json.dumps(report_dict(report), indent=2, ensure_ascii=False) + "\n"

"""JSON output for programs: one object in a stable, versioned shape (schema/report.schema.json).

``version`` is the shape's major version.  Within it, new keys (and new finding kinds) may appear, so
readers ignore what they do not know; removing or renaming a key, or changing a value's type or
meaning, bumps it.  Every described key is always present (null when it does not apply).  Lines and
columns are 1-based, columns count code points; a place in a PDF source has its page, and its line
counts within that page.  Acknowledged findings keep their severity and
carry ``{"reason": …}``; they do not count as errors or warnings in the summary.

`report_schema()` gives the JSON Schema as installed with factcheck; the schema's ``$id`` and its
``version`` constant name `FORMAT_VERSION` (tests/test_report_schema.py keeps them in step).
"""

from __future__ import annotations

import json
from typing import Any

from factcheck import __version__
from factcheck.findings import Finding, Location
from factcheck.formatters import RenderOptions
from factcheck.report import Report

#: The major version of the shape; the schema's ``$id`` and ``version`` carry the same number.
FORMAT_VERSION = 1


def report_schema() -> dict[str, Any]:
    """The JSON Schema (Draft 2020-12) of this output, as installed with factcheck."""
    from factcheck.schema import shipped_text  # only when asked: it may need importlib.resources

    schema: dict[str, Any] = json.loads(shipped_text("report.schema.json"))
    return schema


def location_dict(location: Location) -> dict[str, Any]:
    return {"file": location.path, "line": location.line, "column": location.column, "page": location.page}


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

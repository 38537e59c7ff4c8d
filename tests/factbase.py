"""The one way tests write a fact base: Python data -> the YAML text of one fact file -> a folder.

Facts need only what a test is about: ``quantity`` defaults to the id (so no two facts are
compared automatically unless a test says so), ``section`` to "Example" and ``quote`` to a
sentence of its own.  The provenance kinds are switched off under ``settings: severity:`` (the
placeholder quotes state nothing), so a test sees only what the other checks find, unless it
passes settings of its own.

The layout is fixed, so lines are easy to predict: the document block, then ``settings:`` (lines 7
and 8), then ``facts:`` on line 9, each fact in block style with one key a line, its first key on
line 10; then ``rules:`` and ``acknowledged:`` in the same style.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from factcheck.engine import verify
from factcheck.findings import Finding
from factcheck.formatters.text import finding_line
from factcheck.loader import load_text
from factcheck.model import Builder, FactBase
from factcheck.report import Report
from factcheck.schema import validate

DOCUMENT = {"id": "example", "title": "Example", "date": "2015-11-02", "language": "nl", "source": "source.txt"}
#: placeholder quotes state nothing, so the provenance kinds are off unless a test needs them
SETTINGS: Mapping[str, Any] = {"severity": {"quote": "off", "value": "off", "section": "off"}}
_FIRST_KEYS = ("id", "quantity", "value", "unit")
_LAST_KEYS = ("section", "quote")


def scalar(value: Any) -> str:
    """A value in YAML flow style; numbers stay exact, strings are double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{key}: {scalar(item)}" for key, item in value.items()) + "}"
    if isinstance(value, Sequence):
        return "[" + ", ".join(scalar(item) for item in value) + "]"
    raise TypeError(f"cannot write {value!r}")


def fact(fact_id: str, value: Any = 1, unit: str = "persons", **fields: Any) -> dict[str, Any]:
    """A fact with its id, value and unit, and whatever else a test names (`complete` fills in the rest)."""
    return {"id": fact_id, "value": value, "unit": unit, **fields}


def rule(rule_id: str, kind: str, **fields: Any) -> dict[str, Any]:
    return {"id": rule_id, "kind": kind, **fields}


def complete(fact: Mapping[str, Any]) -> dict[str, Any]:
    """A fact with the required keys it does not care about filled in, in the usual key order."""
    full = {"quantity": fact["id"], "section": "Example", "quote": f"The statement of {fact['id']}.", **fact}
    ordered = [key for key in _FIRST_KEYS if key in full]
    ordered += [key for key in full if key not in _FIRST_KEYS + _LAST_KEYS]
    ordered += list(_LAST_KEYS)
    return {key: full[key] for key in ordered}


def _block(name: str, items: Sequence[Mapping[str, Any]], indent: str = "") -> list[str]:
    if not items:
        return []
    lines = [f"{indent}{name}:"]
    for item in items:
        for index, (key, value) in enumerate(item.items()):
            lines.append(f"{indent}{'  - ' if index == 0 else '    '}{key}: {scalar(value)}")
    return lines


def fact_base_yaml(facts: Sequence[Mapping[str, Any]] = (), rules: Sequence[Mapping[str, Any]] = (),
                   acknowledged: Sequence[Mapping[str, Any]] = (), document: Mapping[str, Any] | None = None,
                   units: Mapping[str, str] | None = None, settings: Mapping[str, Any] = SETTINGS,
                   excluded: Sequence[Mapping[str, Any]] = ()) -> str:
    """The text of a one-file fact base; declared `units` stand between the settings and the facts,
    `excluded` (coverage exclusions) at the end.  Tests of the provenance kinds or of severities pass
    their own `settings` (none: `{}`)."""
    lines = ["document:"]
    lines += [f"  {key}: {scalar(value)}" for key, value in {**DOCUMENT, **(document or {})}.items()]
    lines += ["settings:", *(f"  {key}: {scalar(value)}" for key, value in settings.items())] if settings else []
    lines += ["units:", *(f"  {name}: {scalar(dimension)}" for name, dimension in units.items())] if units else []
    lines += _block("facts", [complete(fact) for fact in facts])
    lines += _block("rules", rules)
    lines += _block("acknowledged", acknowledged)
    lines += ["coverage:", *_block("exclude", excluded, indent="  ")] if excluded else []
    return "\n".join(lines) + "\n"


def write_base(folder: Path, text: str, *, name: str = "facts.yaml", source: str = "A source that states nothing.\n",
               source_name: str = DOCUMENT["source"]) -> Path:
    """Write a fact file (`text`, from `fact_base_yaml` unless a test needs it malformed) and the
    document's source into folder; return the fact file's path."""
    (folder / source_name).write_text(source, encoding="utf-8")
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def build(text: str, path: str = "facts.yaml") -> tuple[FactBase | None, list[Finding]]:
    """Load, validate and build a fact base from text, without touching the disk or the sources."""
    loaded = load_text(text, path)
    if loaded.findings:
        return None, loaded.findings
    problems = validate(loaded.data, path)
    if problems:
        return None, problems
    builder = Builder()
    builder.add_file(path, loaded.data)
    return builder.finish()


def lines(findings: Iterable[Finding]) -> list[str]:
    """Findings as the text formatter shows them: `path:line:col: severity kind: message`."""
    return [finding_line(finding) for finding in findings]


@dataclass(frozen=True)
class Outcome:
    report: Report
    exit_code: int

    @property
    def lines(self) -> list[str]:
        """One text line per finding, exactly as `factcheck verify` prints them."""
        return lines(self.report.findings)

    @property
    def verdicts(self) -> set[tuple[str, str, str | None, str | None]]:
        """What was found, independent of where: (kind, severity, rule id, acknowledged reason)."""
        return {(f.kind, f.severity.value, f.rule_id, f.acknowledged) for f in self.report.findings}

    @property
    def contents(self) -> list[tuple[str, str, str, tuple[str, ...], str]]:
        """What was found, not where: kind, severity, rule id, the facts involved, and an explicit rule's
        message (an automatic agreement finding names the later mention first, so its wording follows the file)."""
        return sorted((f.kind, f.severity.value, f.rule_id or "", tuple(sorted(f.facts)),
                       f.message if f.rule_id else "") for f in self.report.findings)


def check(facts: Sequence[Mapping[str, Any]], rules: Sequence[Mapping[str, Any]] = (),
          acknowledged: Sequence[Mapping[str, Any]] = (), document: Mapping[str, Any] | None = None) -> Outcome:
    """Verify a fact base written to facts.yaml, with the facts' quotes as its source, in a fresh
    temporary directory (not tmp_path: property tests call it many times in one test)."""
    source = "".join(complete(fact)["quote"] + "\n" for fact in facts)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        path = write_base(root, fact_base_yaml(facts, rules, acknowledged, document), source=source)
        report = verify([path], cwd=root, root=root)
    return Outcome(report, report.exit_code())

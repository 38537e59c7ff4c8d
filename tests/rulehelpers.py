"""Build fact bases for rule tests: python dicts -> YAML text -> `engine.verify` on a temporary file.

Facts need only what a test is about: ``quantity`` defaults to the id (so no two facts are
compared automatically unless a test says so), ``section`` to "Example" and ``quote`` to a
sentence of its own.  The source text is made of the quotes, and the provenance kinds are
switched off under ``settings: severity:``, so a test sees only what the rules find.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from factcheck.engine import Report, verify
from factcheck.formatters.text import finding_line

DOCUMENT = {"id": "example", "title": "Example", "date": "2015-11-02", "language": "nl", "source": "source.txt"}
PROVENANCE_OFF = {"quote": "off", "value": "off", "section": "off"}
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


def complete(fact: Mapping[str, Any]) -> dict[str, Any]:
    """A fact with the required keys it does not care about filled in, in the usual key order."""
    full = {"quantity": fact["id"], "section": "Example", "quote": f"The statement of {fact['id']}.", **fact}
    ordered = [key for key in _FIRST_KEYS if key in full]
    ordered += [key for key in full if key not in _FIRST_KEYS + _LAST_KEYS]
    ordered += list(_LAST_KEYS)
    return {key: full[key] for key in ordered}


def _block(name: str, items: Sequence[Mapping[str, Any]]) -> list[str]:
    if not items:
        return []
    lines = [f"{name}:"]
    for item in items:
        for index, (key, value) in enumerate(item.items()):
            lines.append(f"{'  - ' if index == 0 else '    '}{key}: {scalar(value)}")
    return lines


def fact_base_yaml(facts: Sequence[Mapping[str, Any]], rules: Sequence[Mapping[str, Any]] = (),
                   acknowledged: Sequence[Mapping[str, Any]] = (),
                   document: Mapping[str, Any] | None = None) -> str:
    """The text of a one-file fact base."""
    lines = ["document:"]
    lines += [f"  {key}: {scalar(value)}" for key, value in {**DOCUMENT, **(document or {})}.items()]
    lines += ["settings:", f"  severity: {scalar(PROVENANCE_OFF)}"]
    lines += _block("facts", [complete(fact) for fact in facts])
    lines += _block("rules", rules)
    lines += _block("acknowledged", acknowledged)
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Outcome:
    report: Report
    exit_code: int

    @property
    def lines(self) -> list[str]:
        """One text line per finding, exactly as `factcheck verify` prints them."""
        return [finding_line(finding) for finding in self.report.findings]

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
    """Verify a fact base written to facts.yaml in a fresh temporary directory."""
    text = fact_base_yaml(facts, rules, acknowledged, document)
    source = "\n".join(complete(fact)["quote"] for fact in facts) + "\n"
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "facts.yaml").write_text(text, encoding="utf-8")
        (root / (document or {}).get("source", DOCUMENT["source"])).write_text(source, encoding="utf-8")
        report = verify([root / "facts.yaml"], cwd=root, root=root)
    return Outcome(report, report.exit_code())

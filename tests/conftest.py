"""Shared helpers: a small fact base as text (one fact per line, so lines are easy to predict),
built in memory or written to a folder with its source.

Import the helpers with ``from conftest import ...``; use `write_base` as a fixture.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from factcheck.findings import Finding
from factcheck.formatters.text import finding_line
from factcheck.loader import load_text
from factcheck.model import Builder, FactBase
from factcheck.schema import validate

REPO = Path(__file__).resolve().parents[1]

# Speed is measured in benchmarks/, not here: no per-example deadline (the first example also
# pays for compiling the schema, which would make timings flaky).
settings.register_profile("factcheck", deadline=None)
settings.load_profile("factcheck")

#: The document block every test fact base starts with: six lines, so `facts:` is line 7 and
#: the first fact written by `base_text` stands on line 8.
DOCUMENT = """\
document:
  id: test-doc
  title: A test document
  date: "2015-11-02"
  language: nl
  source: source.txt
"""
FIRST_FACT_LINE = 8
SOURCE = "Het budget is 122 miljoen euro: 77,5 miljoen euro voor de lucht, 44,5 miljoen euro voor training.\n"


def scalar(value: Any) -> str:
    """A value in YAML flow style: numbers plain, strings double-quoted, mappings inline."""
    if isinstance(value, bool) or value is None:
        raise TypeError(f"not a fact value: {value!r}")
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{key}: {scalar(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(scalar(item) for item in value) + "]"
    raise TypeError(f"cannot write {value!r}")


def fact(fact_id: str, value: Any = 1, unit: str = "persons", *, quantity: str | None = None,
         **extra: Any) -> str:
    """One fact as a one-line flow mapping (list item), with placeholder section and quote."""
    fields: dict[str, Any] = {"id": fact_id, "quantity": quantity or fact_id, "value": value, "unit": unit,
                              **extra}
    fields.setdefault("section", "Financiën")
    fields.setdefault("quote", "miljoen euro")
    return "  - " + scalar(fields) + "\n"


def rule(rule_id: str, kind: str, **fields: Any) -> str:
    """One rule as a one-line flow mapping (list item)."""
    return "  - " + scalar({"id": rule_id, "kind": kind, **fields}) + "\n"


#: Placeholder quotes state nothing: these bases test the other checks, so provenance is off.
PROVENANCE_OFF = "settings:\n  severity: {quote: 'off', value: 'off', section: 'off'}\n"


def base_text(facts: Iterable[str], rules: Iterable[str] = ()) -> str:
    """A whole fact file: `DOCUMENT`, then the facts from line `FIRST_FACT_LINE`, then the rules
    (the first rule stands on FIRST_FACT_LINE + number of facts + 1), then `PROVENANCE_OFF`."""
    text = DOCUMENT + "facts:\n" + "".join(facts)
    rule_lines = "".join(rules)
    return text + ("rules:\n" + rule_lines if rule_lines else "") + PROVENANCE_OFF


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


@pytest.fixture(autouse=True)
def _session_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """factcheck caches in a directory of this test session, never in the user's ~/.cache (tests
    that are about the cache set their own)."""
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "factcheck-cache"))


@pytest.fixture
def write_base(tmp_path: Path) -> Callable[..., Path]:
    """Write a fact file (default: a valid one with no facts) and `source.txt` into tmp_path;
    return the fact file's path."""

    def write(text: str | bytes = DOCUMENT, *, name: str = "facts.yaml", source: str = SOURCE) -> Path:
        (tmp_path / "source.txt").write_text(source, encoding="utf-8")
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return write

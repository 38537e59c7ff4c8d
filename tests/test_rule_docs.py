"""Every rule kind's documentation is checked against the real thing: its first line names the kind,
its passing example passes, and its failing example prints exactly the lines the docstring shows."""

from __future__ import annotations

import inspect
import re
from types import ModuleType
from typing import Any

import pytest

from factbase import check
from factcheck.loader import load_text
from factcheck.rules import explicit_kinds, rule_module

#: the kinds whose docstrings carry runnable examples (facts and rules in YAML, output lines after): those
#: written under `rules:` (the automatic ones quote, value and section show lines of a full fact base)
DOCUMENTED = [spec.name for spec in explicit_kinds()]
_EXAMPLE = re.compile(r"^(Passes|Fails)\b[^\n]*::\n\n((?:(?: {4}[^\n]*)?\n)+)", re.MULTILINE)


def examples(module: ModuleType) -> list[tuple[str, dict[str, Any], list[str]]]:
    """(Passes or Fails, the example fact base, the output lines it shows) for each example."""
    found = []
    for verdict, block in _EXAMPLE.findall(inspect.cleandoc(module.__doc__ or "") + "\n"):
        lines = [line[4:] for line in block.splitlines()]
        output = [line for line in lines if line.startswith("facts.yaml:")]
        loaded = load_text("\n".join(line for line in lines if not line.startswith("facts.yaml:")), "example")
        assert loaded.findings == []
        found.append((verdict, loaded.data, output))
    return found


def run(data: dict[str, Any]) -> list[str]:
    return check(data["facts"], data.get("rules", ()), data.get("acknowledged", ()), data.get("document")).lines


@pytest.mark.parametrize("kind", DOCUMENTED)
def test_first_line_names_the_kind(kind: str) -> None:
    assert (rule_module(kind).__doc__ or "").startswith(f"{kind} — ")


@pytest.mark.parametrize("kind", DOCUMENTED)
def test_examples_produce_what_the_docstring_shows(kind: str) -> None:
    found = examples(rule_module(kind))
    assert [verdict for verdict, _, _ in found] == ["Passes", "Fails"]
    (_, passing, shown_passing), (_, failing, shown_failing) = found
    assert shown_passing == []
    assert run(passing) == []
    assert len(shown_failing) >= 1
    assert run(failing) == shown_failing

"""The limits table of docs/limits.md is what the code enforces, and each limit has a corpus case."""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

import pytest

from factcheck.model import MAX_PAIRS
from factcheck.schema import load_schema
from robustness_support import REPO, invoke, invoke_subprocess
from test_bad_inputs import BASE, load_expected


def limit_rows() -> list[dict[str, str]]:
    page = (REPO / "docs" / "limits.md").read_text(encoding="utf-8")
    section = page.split("\n## ", 1)[0]
    rows = [line.strip("|").split(" | ") for line in section.splitlines() if line.startswith("| ")]
    header, *body = rows
    return [dict(zip([cell.strip() for cell in header], [cell.strip() for cell in row], strict=True))
            for row in body if not set(row[0]) <= {"-", " "}]


def enforced_value(where: str) -> Any:
    """The value behind ``module.NAME`` or ``schema JSON/POINTER``."""
    if where.startswith("schema "):
        node: Any = load_schema()
        for step in where.removeprefix("schema ").strip("`").split("/"):
            node = node[step]
        return node
    module, name = where.strip("`").split(".")
    return getattr(importlib.import_module(f"factcheck.{module}"), name)


def test_the_table_is_there() -> None:
    """The section lists every limit the brief names."""
    names = " ".join(row["limit"] for row in limit_rows())
    for limit in ("file size", "nesting", "facts in a fact base", "quote length", "digits", "exponent"):
        assert limit in names


@pytest.mark.parametrize("row", limit_rows(), ids=lambda row: row["limit"])
def test_documented_limit_is_enforced(row: dict[str, str]) -> None:
    """The documented value is the code's, and each named case ends in a located finding (exit 1)."""
    value = enforced_value(row["enforced by"])
    assert isinstance(value, int)
    digits = {f"{value:,}", str(value)}
    assert any(re.search(rf"(?<![\d,]){re.escape(shown)}(?![\d,])", row["value"]) for shown in digits), row
    expected = load_expected()
    for case in re.findall(r"`([a-z0-9-]+)`", row["exercised by"]):
        assert expected[case]["exit"] == 1, case
        assert expected[case]["lines"], case
        assert all(re.match(r"^[^:]+:\d+:\d+: error ", line) for line in expected[case]["lines"]), case


def test_a_cycle_with_zero_parts_holds(tmp_path: Path) -> None:
    """sum a = b + c and sum b = a + d with c = d = 0 hold: cycles are judged by their values only."""
    folder = tmp_path / "repo"
    (folder / ".git").mkdir(parents=True)
    (folder / "sources").mkdir()
    (folder / "sources" / "letter.txt").write_text("Financiën\n", encoding="utf-8")
    text = BASE.replace("value: 122", "value: 77.5").replace("value: 44.5", "value: 0")
    text += "  - id: split-back\n    kind: sum\n    total: air\n    parts: [budget, training]\n" + PROVENANCE_OFF
    (folder / "facts.yaml").write_text(text, encoding="utf-8")
    outcome = invoke(["verify", "facts.yaml"], folder)
    assert (outcome.exit, outcome.finding_lines(), outcome.stderr) == (0, [], "")


#: these bases test limits and rules; their quotes do not state their values
PROVENANCE_OFF = "settings:\n  severity: {quote: 'off', value: 'off', section: 'off'}\n"


def test_the_worst_case_within_the_limits_fits_in_memory(tmp_path: Path) -> None:
    """447 facts of one quantity, every pair in conflict: 99,681 located findings (just within
    MAX_PAIRS), in a process capped at 1 GiB of address space."""
    folder = tmp_path / "repo"
    (folder / ".git").mkdir(parents=True)
    (folder / "sources").mkdir()
    (folder / "sources" / "letter.txt").write_text("Financiën\n", encoding="utf-8")
    count = 447
    fact = "  - {{id: f{i}, quantity: q, value: {i}, unit: persons, section: Financiën, quote: Financiën}}\n"
    facts = "".join(fact.format(i=i) for i in range(count))
    (folder / "facts.yaml").write_text(BASE.split("facts:")[0] + "facts:\n" + facts + PROVENANCE_OFF,
                                       encoding="utf-8")
    outcome = invoke_subprocess(["verify", "facts.yaml"], folder)
    assert (outcome.exit, outcome.stderr) == (1, "")
    lines = outcome.finding_lines()
    assert len(lines) == count * (count - 1) // 2 <= MAX_PAIRS
    assert lines[0] == ("facts.yaml:9:6: error agreement: quantity q: f1 states 1 persons (section "
                        "'Financiën'), f0 states 0 persons (section 'Financiën'), both valid at the same time")

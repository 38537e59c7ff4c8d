"""`factcheck rules` lists every registered kind and prints a kind's documentation."""

from __future__ import annotations

import subprocess
import sys

from factcheck.docrender import plain
from factcheck.rules import RULE_KINDS, rule_module


def factcheck(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, text=True, check=False)


def test_lists_every_kind_with_its_summary() -> None:
    result = factcheck("rules")
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == list(RULE_KINDS)
    width = max(map(len, RULE_KINDS))
    assert lines[2] == f"{'inclusion':<{width}}  the parts add up to at most the total."
    assert lines[0] == f"{'sum':<{width}}  the parts add up to the total."


def test_prints_the_full_documentation_of_a_kind() -> None:
    result = factcheck("rules", "weekday")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == plain(rule_module("weekday").__doc__ or "") + "\n"
    assert "``" not in result.stdout
    assert "**" not in result.stdout
    assert result.stdout.startswith("weekday — a date stated with a weekday falls on that weekday.\n\n")


def test_unknown_kind_is_one_line_and_exit_2() -> None:
    result = factcheck("rules", "weekdays")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"factcheck: unknown rule kind 'weekdays'; known kinds: {', '.join(RULE_KINDS)}\n"

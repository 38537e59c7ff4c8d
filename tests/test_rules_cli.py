"""`factcheck rules` lists every registered kind and prints a kind's documentation."""

from __future__ import annotations

import subprocess
import sys

import pytest

from factcheck.docrender import plain
from factcheck.kinds import documentation, known_kinds
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
    result = factcheck("rules", "xyzzy")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"factcheck: unknown kind 'xyzzy'; known kinds: {', '.join(known_kinds())}\n"


def test_a_misspelt_kind_gets_the_closest_one() -> None:
    result = factcheck("rules", "weekdays")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (f"factcheck: unknown kind 'weekdays'; did you mean 'weekday'? "
                             f"(known kinds: {', '.join(known_kinds())})\n")


@pytest.mark.parametrize("kind", ["string", "non-finite", "stale-acknowledgement", "schema"])
def test_every_kind_of_finding_has_its_documentation(kind: str) -> None:
    """Not only the rule kinds: whatever kind a finding names can be looked up by that name."""
    result = factcheck("rules", kind)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == plain(documentation(kind).text) + "\n"
    assert result.stdout.startswith(f"{kind} — ")

"""The pre-commit files: the hook manifest other repositories use, and this repository's config."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]


def load(name: str) -> Any:
    return yaml.safe_load((REPO / name).read_text(encoding="utf-8"))


def local_hook(hook_id: str) -> dict[str, Any]:
    config = load(".pre-commit-config.yaml")
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    hook: dict[str, Any] = hooks[hook_id]
    return hook


@pytest.mark.parametrize(("command", "name"), [
    ("validate-manifest", ".pre-commit-hooks.yaml"),
    ("validate-config", ".pre-commit-config.yaml"),
])
def test_pre_commit_accepts_the_file(command: str, name: str) -> None:
    result = subprocess.run([sys.executable, "-m", "pre_commit", command, name], cwd=REPO,
                            capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_the_hook_checks_the_whole_base_once() -> None:
    [hook] = load(".pre-commit-hooks.yaml")
    assert {key: hook[key] for key in ("id", "entry", "language", "pass_filenames", "require_serial")} == {
        "id": "factcheck", "entry": "factcheck verify", "language": "python",
        "pass_filenames": False, "require_serial": True}
    assert "always_run" not in hook


@pytest.mark.parametrize(("path", "runs"), [
    ("facts.yaml", True),
    ("facts.yml", True),
    ("facts-2016.yaml", True),
    ("dossier/facts.yaml", True),
    ("facts/budget.facts.yaml", True),
    ("letters/a.facts.yml", True),
    (".factcheck.yaml", True),
    ("pyproject.toml", True),
    ("schema/facts.schema.json", True),
    ("sources/kst-27925-565.txt", True),
    ("dossier/sources/letter.txt", True),
    ("README.md", False),
    ("myfacts.yaml", False),
    ("facts/notes.md", False),
    ("src/factcheck/facts.py", False),
    ("resources/data.txt", False),
    (".github/workflows/ci.yaml", False),
])
def test_the_hook_runs_when_a_file_it_reads_changes(path: str, runs: bool) -> None:
    """pre-commit matches `files` with re.search against repository-relative paths."""
    [hook] = load(".pre-commit-hooks.yaml")
    assert bool(re.search(hook["files"], path)) is runs


def test_the_whitespace_fixers_leave_the_source_text_alone() -> None:
    source = "sources/kst-27925-565.txt"
    text = (REPO / source).read_text(encoding="utf-8")
    assert " \n" in text  # trailing spaces a fixer would strip, and the quotes are checked against
    for hook_id in ("trailing-whitespace", "end-of-file-fixer"):
        assert re.search(local_hook(hook_id)["exclude"], source), hook_id


@pytest.mark.parametrize(("path", "fixed"), [
    ("tests/data/reporting/broken/source.txt", False),
    ("tests/fixtures/multi/sources/memo.txt", False),
    ("tests/fixtures/multi/facts/budget.facts.yaml", False),
    ("benchmarks/results.json", False),
    ("benchmarks/hook_latency.py", True),
    ("tests/test_config.py", True),
    ("src/factcheck/config.py", True),
    ("README.md", True),
])
def test_the_whitespace_fixers_touch_code_and_docs_but_not_data(path: str, fixed: bool) -> None:
    for hook_id in ("trailing-whitespace", "end-of-file-fixer"):
        assert (re.search(local_hook(hook_id)["exclude"], path) is None) is fixed, hook_id


def test_this_repository_checks_its_own_fact_base_on_every_commit() -> None:
    hook = local_hook("factcheck")
    assert {key: hook[key] for key in ("entry", "pass_filenames", "always_run")} == {
        "entry": "factcheck verify", "pass_filenames": False, "always_run": True}

"""Every example command of the README and the docs pages runs, and exits 0 on the shipped fact base.

A command is a line of a ```sh block in README.md or docs/*.md (a trailing ``# comment`` is the
reader's, not the shell's).  Each runs with bash in a fresh copy of the repository, with this
test's factcheck first on PATH.  The few that install software or start long runs are listed in
`NOT_RUN` with the reason and where they are run instead; the list must match the docs exactly, so
a new command is run unless someone says why not.  docs/adding-a-rule-kind.md is a transcript
(``$ command`` and its output), run by tests/test_schemagen.py.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
TRANSCRIPTS = {REPO / "docs" / "adding-a-rule-kind.md"}
_SH_BLOCK = re.compile(r"^```sh\n(.*?)^```", re.MULTILINE | re.DOTALL)

NOT_RUN = {
    "python3 -m venv .venv && . .venv/bin/activate && pip install . && factcheck verify":
        "the README's quick start: .ci/run runs it on a fresh machine",
    "python3 -m venv .venv && . .venv/bin/activate && pip install -e '.[test]' && python -m pytest":
        "the README's quick start: .ci/run runs it on a fresh machine",
    "pip install -e '.[test]' && pre-commit install": "installs; tests/test_hook_e2e.py drives the hook",
    "HYPOTHESIS_PROFILE=long python -m pytest tests/test_fuzz.py": "a long run of tests this suite runs",
}


def commands() -> list[tuple[str, str]]:
    """(page, command) for every command line of every page's ```sh blocks."""
    found = []
    for page in PAGES:
        if page in TRANSCRIPTS:
            continue
        for block in _SH_BLOCK.findall(page.read_text(encoding="utf-8")):
            for line in block.splitlines():
                command = re.sub(r"\s+#\s.*$", "", line).strip()
                if command:
                    found.append((page.relative_to(REPO).as_posix(), command))
    return found


def test_every_command_not_run_is_in_the_docs_and_every_transcript_is_tested() -> None:
    assert {command for _, command in commands() if command in NOT_RUN} == set(NOT_RUN)
    assert "adding-a-rule-kind.md" in (REPO / "tests" / "test_schemagen.py").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("docs") / "repo"
    shutil.copytree(REPO, copy, ignore=shutil.ignore_patterns(".git", ".venv", "*cache*", "__pycache__"))
    (copy / ".git").mkdir()  # the repository root the sources must stay inside
    return copy


@pytest.mark.parametrize(("page", "command"), [case for case in commands() if case[1] not in NOT_RUN])
def test_the_command_runs(page: str, command: str, checkout: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
           "FACTCHECK_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    result = subprocess.run(["bash", "-c", command], cwd=checkout, env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    assert (result.returncode, result.stderr) == (0, ""), f"{page}: {command}"

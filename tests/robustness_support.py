"""Shared helpers of the robustness tests: run the CLI exactly as the console script does.

`invoke` runs `factcheck.cli:run` (the entry point: it turns every escape into exit 2 with one
line) inside click's CliRunner isolation, so stdout and stderr are captured in-process;
`invoke_subprocess` runs a real interpreter.  `tree_digest` hashes files to prove nothing wrote.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import run

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "bad_inputs"
#: Memory a hostile input may cost the subprocess (docs/limits.md).
MEMORY_LIMIT = 1024 * 1024 * 1024
#: A hang guard, not a speed assertion: every documented limit keeps a run to seconds.
HANG_SECONDS = 120
#: Unset while running, so that output is the plain text format wherever the tests run (a CI
#: sets GITHUB_ACTIONS, which picks another format) and never coloured.
PLAIN: dict[str, str | None] = {"GITHUB_ACTIONS": None, "FORCE_COLOR": None, "CLICOLOR_FORCE": None}


@dataclass(frozen=True)
class Outcome:
    exit: int
    stdout: str
    stderr: str

    def finding_lines(self) -> list[str]:
        """The findings' own lines: stdout without the summary and without the context (source
        excerpts and ``note:`` lines) the text format prints under each finding."""
        return [line for line in self.stdout.splitlines()[:-1] if FINDING.match(line)]

    def error_count(self) -> int:
        """Findings of severity error (a formatter may add indented context lines under each)."""
        return sum(1 for line in self.finding_lines() if re.match(r"^[^ ].*?:\d+:\d+: error ", line))


#: a finding's first line: ``path:line:col: error|warning|info kind: message``
FINDING = re.compile(r"^.+?:\d+:\d+: (error|warning|info) ")


@contextmanager
def working_directory(path: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def invoke(args: Iterable[str], cwd: Path) -> Outcome:
    """Run ``factcheck ARGS`` in-process, as the console script would, in `cwd`."""
    runner = CliRunner()
    argv = ["factcheck", *args]
    code: int | str | None = 0
    with working_directory(cwd), runner.isolation(env=PLAIN) as (out, err, _):
        saved, sys.argv = sys.argv, argv
        try:
            run()
        except SystemExit as exc:
            code = exc.code
        finally:
            sys.argv = saved
    assert isinstance(code, int) or code is None, code
    return Outcome(code or 0, out.getvalue().decode("utf-8", "replace"), err.getvalue().decode("utf-8", "replace"))


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def invoke_subprocess(args: Iterable[str], cwd: Path) -> Outcome:
    """Run ``python -m factcheck ARGS`` in a child process with at most MEMORY_LIMIT of address space."""
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", *args], cwd=cwd, capture_output=True, timeout=HANG_SECONDS,
        preexec_fn=_limit_memory, check=False,
        env={**{key: value for key, value in os.environ.items() if key not in PLAIN}, "PYTHONIOENCODING": "utf-8"})
    return Outcome(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"))


def assert_well_behaved(outcome: Outcome) -> None:
    """The contract of every run: exit 0, 1 or 2; never a traceback; exit 2 says one line on stderr."""
    assert outcome.exit in (0, 1, 2), outcome
    assert "Traceback" not in outcome.stdout + outcome.stderr, outcome
    if outcome.exit == 2:
        assert outcome.stdout == "", outcome
        assert outcome.stderr.count("\n") == 1, outcome
        assert outcome.stderr.startswith("factcheck: "), outcome
    else:
        assert outcome.stderr == "", outcome


def tree_digest(roots: Iterable[Path]) -> dict[str, str]:
    """Path -> sha256 of content (or of a symlink's target text) for every file under `roots`."""
    digest: dict[str, str] = {}
    for root in roots:
        paths = [root] if not root.is_dir() else sorted(root.rglob("*"))
        for path in paths:
            if path.is_symlink():
                digest[str(path)] = "link:" + os.readlink(path)
            elif path.is_file():
                digest[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                digest[str(path)] = "dir"
    return digest

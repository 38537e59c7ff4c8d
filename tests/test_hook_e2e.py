"""factcheck as a pre-commit hook, end to end: the real git and the real pre-commit in temporary
repositories, using the hook exactly as another repository would (`repo:` + `id: factcheck`).

pre-commit pip-installs this repository into a fresh virtualenv (hatchling and the dependencies
come from the package index), once per test session: every test shares one PRE_COMMIT_HOME.  The
hook repository is a snapshot of this checkout's working tree (tracked and untracked, not ignored
files), so the tests exercise the code as it is, committed or not.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "multi"
BUDGET = "facts/budget.facts.yaml"
FINDING = ("facts/rules.facts.yaml:2:5: error sum: sum budget-split: parts plants + tools = [12.9, 13.1) "
           "EUR thousand, but total budget = [11.5, 12.5) EUR thousand")

@pytest.fixture(scope="session")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A hermetic environment: no user or system git config, fixed identities, one pre-commit store,
    factcheck's cache out of the user's home, and its plain text output (no colour, no GitHub
    annotations even inside Actions)."""
    home = tmp_path_factory.mktemp("e2e-home")
    (home / "gitconfig").write_text("", encoding="utf-8")
    base = {key: value for key, value in os.environ.items()
            if not key.startswith(("GIT_", "PRE_COMMIT")) and key not in {"FORCE_COLOR", "NO_COLOR", "GITHUB_ACTIONS"}}
    return {**base,
            "GIT_CONFIG_GLOBAL": str(home / "gitconfig"), "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "Fact Checker", "GIT_AUTHOR_EMAIL": "checker@example.invalid",
            "GIT_COMMITTER_NAME": "Fact Checker", "GIT_COMMITTER_EMAIL": "checker@example.invalid",
            "PRE_COMMIT_HOME": str(home / "pre-commit"), "PRE_COMMIT_COLOR": "never",
            "FACTCHECK_CACHE_DIR": str(home / "factcheck-cache")}


def run(env: dict[str, str], cwd: Path, *command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def pre_commit(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run(env, cwd, sys.executable, "-m", "pre_commit", *args)


@pytest.fixture(scope="session")
def this_repo(env: dict[str, str]) -> Path:
    """The root of the git checkout these tests are in (the hook repository)."""
    top = run(env, HERE, "git", "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        pytest.skip("not a git checkout: the hook is installed from one")
    return Path(top.stdout.strip())


@pytest.fixture(scope="session")
def hook_repo(env: dict[str, str], this_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A one-commit git repository holding this checkout's working tree: (path, commit)."""
    snapshot = tmp_path_factory.mktemp("factcheck-hook-repo")
    listed = ok(run(env, this_repo, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"))
    for name in filter(None, listed.split("\0")):
        source = this_repo / name
        if source.is_file():  # tracked files deleted in the working tree are left out
            (snapshot / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, snapshot / name)
    ok(run(env, snapshot, "git", "init", "-q", "-b", "main"))
    ok(run(env, snapshot, "git", "add", "-A"))
    ok(run(env, snapshot, "git", "commit", "-q", "-m", "snapshot"))
    return snapshot, ok(run(env, snapshot, "git", "rev-parse", "HEAD")).strip()


@pytest.fixture
def repo(env: dict[str, str], hook_repo: tuple[Path, str], tmp_path: Path) -> Path:
    """A repository holding the two-file garden fact base, with the factcheck hook installed."""
    path, rev = hook_repo
    target = tmp_path / "dossier"
    shutil.copytree(FIXTURE, target)
    (target / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {path}\n    rev: {rev}\n    hooks:\n      - id: factcheck\n", encoding="utf-8")
    ok(run(env, target, "git", "init", "-q", "-b", "main"))
    ok(pre_commit(env, target, "install"))
    return target


def commit(env: dict[str, str], repo: Path, message: str) -> tuple[int, str]:
    """`git commit`: its exit code, and its output with the hook's (git sends hooks' stdout to stderr)."""
    result = run(env, repo, "git", "commit", "-m", message)
    return result.returncode, result.stdout + result.stderr


def commits(env: dict[str, str], repo: Path) -> list[str]:
    result = run(env, repo, "git", "log", "--format=%s")
    return result.stdout.splitlines() if result.returncode == 0 else []


def edit(repo: Path, name: str, old: str, new: str) -> None:
    path = repo / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


MEMO = "sources/memo.txt"
#: the memo itself becomes inconsistent (tools cost 5.5 thousand, and 7.5 + 5.5 is not 12), and the
#: fact base follows it faithfully: only the sum rule can catch this
BREAK = ((MEMO, "4.5 thousand euro to tools", "5.5 thousand euro to tools"),
         (BUDGET, "4.5 thousand euro to tools", "5.5 thousand euro to tools"),
         (BUDGET, "value: 4.5", "value: 5.5"))


def break_memo(repo: Path) -> None:
    for name, old, new in BREAK:
        edit(repo, name, old, new)


def mend_memo(repo: Path) -> None:
    for name, old, new in BREAK:
        edit(repo, name, new, old)


def test_a_consistent_fact_base_commits(env: dict[str, str], repo: Path) -> None:
    ok(run(env, repo, "git", "add", "-A"))
    code, output = commit(env, repo, "garden facts")
    assert code == 0, output
    assert re.search(r"^factcheck\.+Passed$", output, re.MULTILINE), output
    assert commits(env, repo) == ["garden facts"]


def test_an_inconsistent_fact_base_is_blocked_with_the_finding_located(env: dict[str, str], repo: Path) -> None:
    break_memo(repo)
    ok(run(env, repo, "git", "add", "-A"))
    code, output = commit(env, repo, "garden facts")
    assert code == 1
    assert FINDING in output.splitlines()
    assert "1 error, 0 warnings, 0 acknowledged; 3 facts, 1 rule in 2 files" in output.splitlines()
    assert "- exit code: 1" in output
    assert commits(env, repo) == []


def test_the_hook_checks_what_is_staged_not_a_fixed_working_copy(env: dict[str, str], repo: Path) -> None:
    break_memo(repo)
    ok(run(env, repo, "git", "add", "-A"))
    mend_memo(repo)  # fixed, but not staged
    code, output = commit(env, repo, "garden facts")
    assert code == 1
    assert FINDING in output.splitlines()
    assert commits(env, repo) == []
    assert "value: 4.5" in (repo / BUDGET).read_text(encoding="utf-8")  # the unstaged fix is kept


def test_a_consistent_staged_version_commits_despite_a_broken_working_copy(env: dict[str, str], repo: Path) -> None:
    ok(run(env, repo, "git", "add", "-A"))
    break_memo(repo)  # broken, not staged
    code, output = commit(env, repo, "garden facts")
    assert code == 0, output
    assert commits(env, repo) == ["garden facts"]
    assert "value: 5.5" in (repo / BUDGET).read_text(encoding="utf-8")  # the unstaged edit is kept
    assert ok(run(env, repo, "git", "status", "--porcelain")) == f" M {BUDGET}\n M {MEMO}\n"


def test_a_commit_that_touches_no_fact_base_file_skips_the_hook(env: dict[str, str], repo: Path) -> None:
    ok(run(env, repo, "git", "add", "-A"))
    assert commit(env, repo, "garden facts")[0] == 0
    break_memo(repo)  # broken but not staged; the commit below only adds a README
    (repo / "README.md").write_text("Garden dossier\n", encoding="utf-8")
    ok(run(env, repo, "git", "add", "README.md"))
    code, output = commit(env, repo, "readme")
    assert code == 0, output
    assert "(no files to check)Skipped" in output
    assert commits(env, repo) == ["readme", "garden facts"]


def test_try_repo_runs_the_hook_from_this_checkout(env: dict[str, str], this_repo: Path, repo: Path) -> None:
    """try-repo commits this checkout's uncommitted changes to tracked files into a shadow clone
    (untracked files are not included) and installs the hook from there."""
    ok(run(env, repo, "git", "add", "-A"))
    passed = pre_commit(env, repo, "try-repo", str(this_repo), "factcheck", "--all-files")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
    break_memo(repo)
    ok(run(env, repo, "git", "add", "-A"))
    failed = pre_commit(env, repo, "try-repo", str(this_repo), "factcheck", "--all-files")
    assert failed.returncode == 1
    assert FINDING in failed.stdout.splitlines()


def test_a_source_never_added_blocks_the_commit_until_it_is(env: dict[str, str], repo: Path) -> None:
    """pre-commit sets aside only tracked files: the hook reads an untracked source that the commit
    would lack, so it names the file and the `git add` to run."""
    ok(run(env, repo, "git", "add", "-A"))
    ok(run(env, repo, "git", "rm", "-q", "--cached", MEMO))
    code, output = commit(env, repo, "garden facts")
    assert code == 1
    assert ("facts/budget.facts.yaml:6:11: error source: source '../sources/memo.txt' is not tracked by git, "
            f"so this commit would lack it; run: git add {MEMO}") in output.splitlines()
    assert commits(env, repo) == []
    ok(run(env, repo, "git", "add", MEMO))
    code, output = commit(env, repo, "garden facts")
    assert code == 0, output
    assert commits(env, repo) == ["garden facts"]

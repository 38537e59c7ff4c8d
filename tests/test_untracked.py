"""Under pre-commit (PRE_COMMIT=1), a fact file or source that git does not track is a finding:
pre-commit sets aside only tracked files, so the hook would pass on a file the commit lacks."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from factbase import fact_base_yaml, lines, write_base
from factcheck.engine import verify

FACT_FILE = ("facts.yaml:1:1: error source: fact file 'facts.yaml' is not tracked by git, so this commit would "
             "lack it; run: git add facts.yaml")
SOURCE = ("facts.yaml:6:11: error source: source 'source.txt' is not tracked by git, so this commit would lack it; "
          "run: git add source.txt")


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git work tree holding an untracked one-file fact base and its source, under pre-commit."""
    git(tmp_path, "init", "-q")
    write_base(tmp_path, fact_base_yaml())
    monkeypatch.setenv("PRE_COMMIT", "1")
    return tmp_path


def verify_lines(folder: Path) -> list[str]:
    return lines(verify([Path("facts.yaml")], cwd=folder).findings)


def test_untracked_fact_file_and_source_are_findings_with_the_git_add(repository: Path) -> None:
    assert verify_lines(repository) == [FACT_FILE, SOURCE]


def test_staged_files_are_tracked(repository: Path) -> None:
    git(repository, "add", "facts.yaml")
    assert verify_lines(repository) == [SOURCE]
    git(repository, "add", "source.txt")
    assert verify_lines(repository) == []


def test_the_git_add_names_the_path_from_the_working_directory(repository: Path) -> None:
    folder = repository / "dossier" / "my sources"
    folder.mkdir(parents=True)
    write_base(repository / "dossier", fact_base_yaml(document={"source": "my sources/letter.txt"}),
               source_name="my sources/letter.txt")
    git(repository, "add", "dossier/facts.yaml")
    assert lines(verify([Path("dossier/facts.yaml")], cwd=repository).findings) == [
        "dossier/facts.yaml:6:11: error source: source 'my sources/letter.txt' is not tracked by git, so this "
        "commit would lack it; run: git add 'dossier/my sources/letter.txt'"]


def test_outside_pre_commit_nothing_is_asked(repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PRE_COMMIT")
    assert verify_lines(repository) == []


def test_outside_a_git_work_tree_nothing_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRE_COMMIT", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))  # tmp_path may lie inside a work tree
    write_base(tmp_path, fact_base_yaml())
    assert verify_lines(tmp_path) == []


def test_without_git_one_finding_says_so(repository: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(repository / "no-such-bin"))
    assert verify_lines(repository) == [
        "facts.yaml:1:1: error source: cannot run git (No such file or directory) to check that the fact files "
        "and sources are tracked"]

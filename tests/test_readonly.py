"""factcheck never writes and never connects: every command, over the whole corpus of bad inputs.

Commands are taken from `factcheck.cli.main.commands` when the tests run, so a command added later
is held to the same guarantee without editing this file.  Each is invoked with ``--help``, with no
argument, and with each corpus file (and the repository's facts.yaml, the shipped fact base) as its
argument, from a scratch working directory: a command may write its own output there (a report),
never into the fact base's folder or its sources.
"""

from __future__ import annotations

import socket
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from factcheck.cli import main
from robustness_support import CORPUS, REPO, Outcome, assert_well_behaved, invoke, tree_digest
from test_bad_inputs import GENERATED, committed_cases, generated_repository, load_expected

#: Generated cases of megabytes: only `verify` runs on them (every command would take minutes).
BIG = {"ten-mb-single-line", "seven-mb-quote", "too-many-nodes", "too-many-facts", "source-too-big"}


def command_lines(folder: Path, commands: Iterable[str]) -> Iterator[list[str]]:
    """Each command with --help, alone, and with each fact file in `folder` (by absolute path)."""
    files = sorted(str(path) for path in folder.glob("*.yaml") if path.name != "expected.yaml")
    for name in sorted(commands):
        yield [name, "--help"]
        yield [name]
        for file in files:
            yield [name, file]


def run_everything(folder: Path, scratch: Path, commands: Iterable[str] = main.commands) -> list[Outcome]:
    """Run from `scratch`, so that a command that writes its output to the working directory (a
    report) writes there: the guarantee is about the fact base and its sources."""
    return [invoke(args, scratch) for args in command_lines(folder, commands)]


def test_no_command_writes_to_the_corpus_or_the_fact_base(tmp_path: Path) -> None:
    """Running every command over every committed case and the shipped fact base changes no file."""
    watched = [CORPUS, REPO / "facts.yaml", REPO / "sources"]
    before = tree_digest(watched)
    in_corpus = run_everything(CORPUS, tmp_path)
    outcomes = in_corpus + run_everything(REPO, tmp_path)
    assert tree_digest(watched) == before
    assert len(in_corpus) == len(main.commands) * (len(committed_cases()) + 2)
    for outcome in outcomes:
        assert_well_behaved(outcome)


def test_no_command_writes_to_generated_cases(tmp_path: Path) -> None:
    """The same for the byte-level and large generated cases, each in its own repository."""
    cases = tmp_path / "cases"
    folders = {name: generated_repository(cases, name) for name in sorted(GENERATED)}
    before = tree_digest([cases])
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    for name, folder in folders.items():
        for outcome in run_everything(folder, scratch, ["verify"] if name in BIG else main.commands):
            assert_well_behaved(outcome)
    assert tree_digest([cases]) == before


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every way to open a connection or resolve a name raises, and is recorded."""
    attempts: list[str] = []

    def refuse(name: str) -> Any:
        def refused(*args: Any, **kwargs: Any) -> Any:
            attempts.append(name)
            raise OSError(f"network access attempted: {name}")

        return refused

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    return attempts


def test_no_network_access(no_network: list[str], tmp_path: Path) -> None:
    """With the network refused, every case has its expected outcome, and nothing even tried to connect."""
    for name, spec in sorted(load_expected().items()):
        if spec.get("generated") or spec.get("args"):
            continue
        outcome = invoke(["verify", f"{name}.yaml"], CORPUS)
        assert (outcome.exit, outcome.finding_lines()) == (spec["exit"], spec["lines"]), name
    for outcome in run_everything(REPO, tmp_path):
        assert_well_behaved(outcome)
    assert no_network == []


def test_the_network_guard_works(no_network: list[str]) -> None:
    """The control: the guard does catch a connection attempt, so the test above can fail."""
    with pytest.raises(OSError, match="network access attempted"):
        socket.create_connection(("example.invalid", 80))
    assert no_network == ["create_connection"]

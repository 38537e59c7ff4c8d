"""The fast path (compiled schema check, cache, second process, paused collector) changes nothing
that a user can see: the same findings, in the same order, at the same locations."""

from __future__ import annotations

import dataclasses
import gc
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import cache, engine, gcpause, loader, parallel, perfile, schema
from factcheck.formatters import RenderOptions
from factcheck.formatters.text import render
from factcheck.sourcedoc import SourceDocument

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
from generate import generate  # noqa: E402


class _Plain:
    """The engine's original calls, with nothing prepared ahead (fact files only: no standard input)."""

    def __init__(self, paths: Any, names: Any, given: Any) -> None:
        pass

    load_file = staticmethod(loader.load_file)
    validate = staticmethod(schema.validate)


def _outcome(paths: list[Path], cwd: Path) -> tuple[list[tuple[Any, str | None]], str] | str:
    try:
        report = engine.verify(paths, cwd=cwd)
    except engine.CannotCheck as exc:
        return f"cannot check: {exc}"
    return [(f, f.acknowledged) for f in report.findings], render(report, RenderOptions())


def plain(paths: list[Path], cwd: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    with monkeypatch.context() as patch:
        patch.setenv("FACTCHECK_CACHE_DIR", "off")
        patch.setattr(engine, "Preloaded", _Plain)
        patch.setattr(schema, "fast_validator", lambda: None)
        patch.setattr(gcpause, "without_gc", lambda f: f)
        return _outcome(paths, cwd)


def fast_outcomes(paths: list[Path], cwd: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Cold cache, warm cache, and both again with a second process for any base of two files or more."""
    for parallel_from in (parallel.PARALLEL_MIN_BYTES, 0):
        shutil.rmtree(cache, ignore_errors=True)
        with monkeypatch.context() as patch:
            patch.setenv("FACTCHECK_CACHE_DIR", str(cache))
            patch.setattr(parallel, "PARALLEL_MIN_BYTES", parallel_from)
            yield _outcome(paths, cwd)
            yield _outcome(paths, cwd)


@pytest.fixture
def dossier(tmp_path: Path) -> list[Path]:
    return generate(tmp_path / "dossier", 300, seed=3)


BREAKAGES: dict[str, Callable[[str], str]] = {
    "clean": lambda text: text,
    "syntax": lambda text: text.replace("facts:\n", "facts:\n  - id: [unclosed\n", 1),
    "duplicate key": lambda text: text.replace("    unit:", "    unit: persons\n    unit:", 1),
    "unknown key": lambda text: text.replace("    section:", "    sektion: x\n    section:", 1),
    "missing key": lambda text: text.replace("    quote:", "    note:", 1),
    "bad value": lambda text: text.replace("value: ", "value: 2015-13-45 ", 1),
    "bad rule": lambda text: text.replace("kind: sum", "kind: total", 1),
    "sum off": lambda text: re.sub(r"(quantity: \S+-part1\n    value: )", r"\g<1>100", text, count=1),
    "unknown unit": lambda text: text.replace("unit: persons", "unit: parsons", 1),
    "empty": lambda text: "",
    "not utf-8": lambda text: "\udcff",
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_broken_dossiers_give_identical_findings(
        breakage: str, dossier: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each way of breaking one file of a dossier gives identical findings on every path."""
    target = dossier[1]
    broken = BREAKAGES[breakage](target.read_text(encoding="utf-8"))
    target.write_bytes(broken.encode("utf-8", errors="surrogateescape"))
    cwd = dossier[0].parents[1]
    expected = plain(dossier, cwd, monkeypatch)
    assert isinstance(expected, tuple)
    if breakage != "clean":
        assert expected[0], "the breakage must produce findings"
    for outcome in fast_outcomes(dossier, cwd, tmp_path / "cache", monkeypatch):
        assert outcome == expected


def test_shipped_base_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped fact base checks the same on every path."""
    paths = [REPO / "facts.yaml"]
    expected = plain(paths, REPO, monkeypatch)
    for outcome in fast_outcomes(paths, REPO, tmp_path / "cache", monkeypatch):
        assert outcome == expected


def test_missing_file_identical(dossier: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that cannot be read stops the run with the same message on every path."""
    paths = [*dossier, dossier[0].with_name("absent.yaml"), dossier[0].parent]
    cwd = dossier[0].parents[1]
    expected = plain(paths, cwd, monkeypatch)
    assert expected == "cannot check: letters/absent.yaml: no such file"
    for outcome in fast_outcomes(paths, cwd, tmp_path / "cache", monkeypatch):
        assert outcome == expected


def test_cache_follows_edits(dossier: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An edited file is read afresh: a warm cache never hides a new finding."""
    cwd = dossier[0].parents[1]
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    assert engine.verify(dossier, cwd=cwd).errors == 0
    text = dossier[0].read_text(encoding="utf-8")
    dossier[0].write_text(text.replace("    quote:", "    qoute:", 1), encoding="utf-8")
    report = engine.verify(dossier, cwd=cwd)
    assert [(str(f.location), f.message) for f in report.findings] == [
        ("letters/letter-0001.yaml:12:5", "missing required key 'quote' (at facts/0)"),
        ("letters/letter-0001.yaml:17:5", "unknown key 'qoute'; did you mean 'quote'? (at facts/0)")]


def test_cache_follows_source_edits(dossier: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An edited source is read afresh: the provenance findings cached for its fact file are not reused."""
    cwd = dossier[0].parents[1]
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    before = _outcome(dossier, cwd)
    assert _outcome(dossier, cwd) == before
    source = dossier[0].parent / "sources" / "letter-0001.txt"
    quote = re.search(r'quote: "([^"]+)"', dossier[0].read_text(encoding="utf-8"))
    assert quote is not None
    assert quote[1] in source.read_text(encoding="utf-8")
    source.write_text(source.read_text(encoding="utf-8").replace(quote[1], "(passage removed)"), encoding="utf-8")
    after = _outcome(dossier, cwd)
    assert after == plain(dossier, cwd, monkeypatch)
    assert isinstance(after, tuple)
    assert isinstance(before, tuple)
    assert [f.kind for f, ack in after[0] if (f, ack) not in before[0]] == ["quote"]


def test_unwritable_cache_is_harmless(dossier: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache directory that cannot be created changes nothing but speed."""
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cwd = dossier[0].parents[1]
    expected = plain(dossier, cwd, monkeypatch)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(blocker / "cache"))
    assert _outcome(dossier, cwd) == expected


def test_collector_restored() -> None:
    """verify leaves the garbage collector as it found it, even when it fails."""
    assert gc.isenabled()
    with pytest.raises(engine.CannotCheck):
        engine.verify([Path("/nonexistent/facts.yaml")])
    assert gc.isenabled()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_edits_identical(data: st.DataObject, tmp_path_factory: pytest.TempPathFactory,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever lines of a fact file are deleted, doubled or changed, every path gives the plain path's findings."""
    base = tmp_path_factory.mktemp("edits")
    files = generate(base, 60, seed=data.draw(st.integers(0, 5)), per_file=30)
    target = files[data.draw(st.integers(0, len(files) - 1))]
    lines = target.read_text(encoding="utf-8").splitlines()
    for _ in range(data.draw(st.integers(1, 3))):
        index = data.draw(st.integers(0, len(lines) - 1))
        edit = data.draw(st.sampled_from(["delete", "double", "digit", "indent"]))
        if edit == "delete":
            del lines[index]
        elif edit == "double":
            lines.insert(index, lines[index])
        elif edit == "digit":
            lines[index] = lines[index].replace("1", "7").replace("2", "")
        else:
            lines[index] = " " + lines[index]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = plain(files, base, monkeypatch)
    for outcome in fast_outcomes(files, base, base / "cache", monkeypatch):
        assert outcome == expected


def test_parallel_path_is_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    """The comparisons above do exercise the second process: with the threshold at 0 it gets a share."""
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)
    assert parallel.remote_share([5, 5]) == 1


def test_cache_others_can_write_is_not_used(dossier: list[Path], tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A world-writable cache directory is neither read nor written (its entries could be anyone's)."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(shared))
    engine.verify(dossier, cwd=dossier[0].parents[1])
    assert list(shared.iterdir()) == []
    own = tmp_path / "own"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(own))
    engine.verify(dossier, cwd=dossier[0].parents[1])
    assert own.stat().st_mode & 0o777 == 0o700
    assert len(list(own.glob("*.json"))) == 2 * len(dossier)  # each file parsed, and its provenance findings


def test_same_file_twice_identical(dossier: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file named twice on the command line is read once, on every path: the findings of naming it once."""
    paths = [dossier[0], dossier[0]]
    cwd = dossier[0].parents[1]
    expected = plain(paths, cwd, monkeypatch)
    assert isinstance(expected, tuple)
    assert expected == plain(paths[:1], cwd, monkeypatch)
    for outcome in fast_outcomes(paths, cwd, tmp_path / "cache", monkeypatch):
        assert outcome == expected


def test_provenance_key_names_units_declared_elsewhere(tmp_path: Path) -> None:
    """A unit declared in another file decides how a value is read: the per-file key includes each
    fact's resolved unit, not only the file's own text."""
    report = engine.verify([REPO / "facts.yaml"], cwd=REPO)
    assert report.base is not None
    facts = dict(list(report.base.facts.items())[:5])
    first = next(iter(facts.values()))
    other = {**facts, first.id: dataclasses.replace(first, unit=dataclasses.replace(first.unit, factor=Decimal(7)))}
    store, other_salt = cache.Store(tmp_path, bytes(16)), cache.Store(tmp_path, bytes(15) + b"\1")

    plain = SourceDocument("source")

    def key(facts: dict[str, Any], source: SourceDocument | None = plain, store: cache.Store = store) -> Path:
        return cache.entry_path(store, *perfile.part_pieces("facts.yaml", "text", source, facts))

    assert key(facts) == key(dict(facts))
    assert key(facts) != key(other)
    assert key(facts, None) != key(facts, SourceDocument(""))
    # the structure a PDF or HTML source states is part of it
    assert key(facts) != key(facts, SourceDocument("source", headings=((1, "source"),)))
    assert key(facts) != key(facts, SourceDocument("source", headings=(), pages=(2,)))
    assert key(facts) != key(facts, store=other_salt)


def test_a_zipped_install_caches_nothing(dossier: list[Path], tmp_path: Path) -> None:
    """Without readable sources no key can tell one version of factcheck from another: a zipped
    package checks as usual and writes no cache entry (a stale one would hide findings)."""
    archive = tmp_path / "factcheck.zip"
    package = REPO / "src" / "factcheck"
    with zipfile.ZipFile(archive, "w") as zipped:
        for module in package.rglob("*.py"):
            zipped.write(module, f"factcheck/{module.relative_to(package).as_posix()}")
        zipped.write(REPO / "schema" / "facts.schema.json", "factcheck/data/facts.schema.json")  # as a wheel has it
    cache = tmp_path / "cache"
    cwd = dossier[0].parents[1]
    names = [str(path.relative_to(cwd)) for path in dossier]
    env = {**os.environ, "PYTHONPATH": str(archive), "FACTCHECK_CACHE_DIR": str(cache)}
    zipped_run = subprocess.run([sys.executable, "-m", "factcheck", "verify", *names], cwd=cwd, env=env,
                                capture_output=True, text=True, check=False)
    env["FACTCHECK_CACHE_DIR"] = "off"
    env.pop("PYTHONPATH")
    plain_run = subprocess.run([sys.executable, "-m", "factcheck", "verify", *names], cwd=cwd, env=env,
                               capture_output=True, text=True, check=False)
    assert (zipped_run.returncode, zipped_run.stdout) == (plain_run.returncode, plain_run.stdout)
    assert not cache.exists() or list(cache.iterdir()) == []


def test_file_by_file_provenance_is_what_each_file_finds(dossier: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """quote, value and section judge each fact file against its own source alone: `per_file` groups
    the base's facts by file and finds exactly what they find run on each file by hand."""
    from factcheck.findings import sorted_findings
    from factcheck.model import FactFile
    from factcheck.rules import check_file

    for index, path in enumerate(dossier):  # a quote, a value and a section gone wrong in every file
        facts = path.read_text(encoding="utf-8").split("\n  - id: ")
        facts[1] = re.sub(r'(quote: "\S+ )', r"\g<1>niet ", facts[1])
        facts[2] = re.sub(r"(value: )(\d+)\n", rf"\g<1>{index + 1}00\g<2>\n", facts[2])
        facts[3] = re.sub(r"(section: ).+\n", r"\g<1>Elders\n", facts[3])
        path.write_text("\n  - id: ".join(facts), encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", "off")
    report = engine.verify(dossier, cwd=dossier[0].parents[1])
    assert report.base is not None
    per_document = sorted_findings([finding for name in report.files for finding in check_file(
        FactFile(name, {id: fact for id, fact in report.base.facts.items() if fact.document.path == name},
                 report.base.source_texts[name]))])
    assert {finding.kind for finding in per_document} == {"quote", "value", "section"}
    assert sorted_findings(perfile.per_file(report.base, report.texts, check_file)) == per_document


def test_the_cache_lives_in_the_users_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without FACTCHECK_CACHE_DIR: $XDG_CACHE_HOME/factcheck, else ~/.cache/factcheck; "off" or "" is none."""
    monkeypatch.delenv("FACTCHECK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "factcheck"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "factcheck"
    for off in ("off", ""):
        monkeypatch.setenv("FACTCHECK_CACHE_DIR", off)
        assert cache.cache_dir() is None


def test_a_run_from_the_cache_imports_no_parser_nor_reader(dossier: list[Path], tmp_path: Path) -> None:
    """With every file and its provenance findings cached, verify imports neither PyYAML nor the source
    and numeral readers (they cost most of a commit's start-up); a cold run does."""
    names = [str(path.relative_to(dossier[0].parents[1])) for path in dossier]
    probe = ("import sys; from pathlib import Path; from factcheck.engine import verify; "
             f"verify([Path(n) for n in {names!r}]); "
             "print(sorted(m for m in ('yaml', 'factcheck.yamlcompose', 'factcheck.sourcetext', 'factcheck.numerals') "
             "if m in sys.modules))")
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(tmp_path / "cache")}

    def imported() -> str:
        run = subprocess.run([sys.executable, "-c", probe], cwd=dossier[0].parents[1], env=env,
                             capture_output=True, text=True, check=True)
        return run.stdout.strip()

    assert imported() == "['factcheck.numerals', 'factcheck.sourcetext', 'factcheck.yamlcompose', 'yaml']"
    assert imported() == "[]"

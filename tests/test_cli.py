"""The command line: exact output lines and exit codes (0 consistent, 1 findings, 2 could not check)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from importlib.metadata import version
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from conftest import REPO
from factbase import fact, fact_base_yaml, rule, write_base
from factcheck import cli, engine
from factcheck.cli import main, run
from factcheck.report import Report

VERSION = version("factcheck")


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), prog_name="factcheck")


FINDING_LINE = re.compile(r"^\S+:\d+:\d+: (error|warning|info) ")


def output_lines(result: Result) -> list[str]:
    """The finding lines and the closing summary, without the context shown under each finding."""
    lines = result.stdout.splitlines()
    return [line for line in lines[:-1] if FINDING_LINE.match(line)] + lines[-1:]


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    """A copy of the shipped fact base and its sources in tmp_path."""
    shutil.copy(REPO / "facts.yaml", tmp_path / "facts.yaml")
    shutil.copytree(REPO / "sources", tmp_path / "sources")
    return tmp_path / "facts.yaml"


def shipped_summary(text: str, acknowledged: int = 0) -> str:
    """The summary line for the shipped fact base, its counts taken from the YAML itself."""
    data = yaml.safe_load(text)
    facts, rules = len(data.get("facts") or []), len(data.get("rules") or [])
    return (f"0 errors, 0 warnings, {acknowledged} acknowledged; "
            f"{facts} fact{'' if facts == 1 else 's'}, {rules} rule{'' if rules == 1 else 's'} in 1 file")


def line_of(path: Path, text: str) -> int:
    """The 1-based number of the first line of a file that contains `text`."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


# --- verify through CliRunner ---------------------------------------------------------------


def test_the_shipped_fact_base_is_consistent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = invoke("verify")
    assert result.stdout.splitlines() == [
        "1 acknowledged finding (use -v to list it)",
        shipped_summary((REPO / "facts.yaml").read_text(encoding="utf-8"), 1)]
    assert result.stderr == ""
    assert result.exit_code == 0
    *infos, summary = output_lines(invoke("verify", "-v"))
    assert [line.split(" ", 3)[1:3] for line in infos] == [["info", "calendar:"]]
    assert summary == result.stdout.splitlines()[-1]


def test_a_part_that_no_longer_adds_up_is_a_located_sum_error(shipped: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = shipped.read_text(encoding="utf-8")
    assert text.count("value: 77.5\n") == 1
    shipped.write_text(text.replace("value: 77.5\n", "value: 75.5\n"), encoding="utf-8")
    monkeypatch.chdir(shipped.parent)
    result = invoke("verify")
    line = line_of(shipped, "- id: budget-2015-extended-split")
    assert (f"facts.yaml:{line}:5: error sum: sum budget-2015-extended-split: parts budget-2015-extended-air + "
            "budget-2015-extended-training = [119.9, 120.1] EUR million, "
            "but total budget-2015-extended = [121.5, 122.5] EUR million") in output_lines(result)
    assert result.stderr == ""
    assert result.exit_code == 1


def test_a_yaml_syntax_error_is_a_located_finding(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_base(tmp_path, fact_base_yaml() + "facts:\n  - {id: a, value: [1}\n")
    monkeypatch.chdir(path.parent)
    result = invoke("verify")
    assert output_lines(result) == [
        "facts.yaml:10:22: error syntax: while parsing a flow sequence: did not find expected ',' or ']'",
        "1 error, 0 warnings, 0 acknowledged; 1 file",
    ]
    assert result.stderr == ""
    assert result.exit_code == 1


def test_a_missing_path_is_exit_2_with_one_line_on_stderr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("verify", "nope.yaml")
    assert (result.stdout, result.stderr, result.exit_code) == ("", "factcheck: nope.yaml: no such file\n", 2)


def test_no_arguments_and_no_facts_yaml_is_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("verify")
    assert (result.stdout, result.stderr, result.exit_code) == ("", no_fact_base(tmp_path), 2)


def no_fact_base(folder: Path) -> str:
    """What factcheck says in `folder` (no git repository above it) when it finds no fact base."""
    return (f"factcheck: no fact base: no .factcheck.yaml or [tool.factcheck] in {folder} or its parents, "
            f'and no facts.yaml in {folder}; name the fact files, or create .factcheck.yaml with "facts: PATTERN"\n')


def test_a_directory_is_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    result = invoke("verify", "sub")
    assert (result.stdout, result.stderr, result.exit_code) == ("", "factcheck: sub: is a directory\n", 2)


def test_a_duplicated_fact_id_is_found_at_the_second(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_base(tmp_path, fact_base_yaml([fact("a", quote="122 miljoen euro"), fact("b"), fact("a", 2)]))
    monkeypatch.chdir(path.parent)
    result = invoke("verify")
    assert output_lines(result) == [
        "facts.yaml:22:5: error duplicate-id: duplicate fact id 'a' (first at facts.yaml:10:5)",
        "1 error, 0 warnings, 0 acknowledged; 2 facts, 0 rules in 1 file",
    ]
    assert result.exit_code == 1


def test_model_findings_are_located_and_exit_1(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_base(tmp_path, fact_base_yaml(
        [fact("a", unit="furlongs"), fact("b", "2015-02-30", "date"),
         fact("c", valid={"from": "2015-10", "until": "2015-09"}), fact("d"), fact("e")],
        [rule("r", "sum", total="d", parts=["e", "nope"])]))
    monkeypatch.chdir(path.parent)
    result = invoke("verify")
    assert output_lines(result) == [
        "facts.yaml:13:11: error unit: unknown unit 'furlongs'; declare it under `units:`",
        "facts.yaml:18:12: error date: impossible date '2015-02-30': day is out of range for month",
        "facts.yaml:26:37: error date: validity ends (2015-09) before it starts (2015-10)",
        "facts.yaml:45:18: error reference: rule 'r' names unknown fact 'nope'",
        "4 errors, 0 warnings, 0 acknowledged; 2 facts, 0 rules in 1 file",
    ]
    assert result.stderr == ""
    assert result.exit_code == 1


def test_schema_errors_are_exit_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_base(tmp_path, fact_base_yaml(document={"date": "2015-02-30"}))
    monkeypatch.chdir(path.parent)
    result = invoke("verify")
    assert output_lines(result) == [
        "facts.yaml:4:9: error schema: '2015-02-30' is not a 'date' (at document/date)",
        "1 error, 0 warnings, 0 acknowledged; 1 file",
    ]
    assert result.exit_code == 1


def test_warnings_fail_only_with_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_base(tmp_path, fact_base_yaml([fact("a", 220, quantity="q", qualifier="circa"),
                                                fact("b", 230, quantity="q")]))
    monkeypatch.chdir(path.parent)
    warning = ("facts.yaml:17:5: warning agreement: quantity q: b states 230 persons (section 'Example'), "
               "a states circa 220 persons (section 'Example'), both valid at the same time "
               "(they agree only within the vague tolerance)")
    summary = "0 errors, 1 warning, 0 acknowledged; 2 facts, 0 rules in 1 file"
    relaxed, strict = invoke("verify"), invoke("verify", "--strict")
    assert (output_lines(relaxed), relaxed.exit_code) == ([warning, summary], 0)
    assert (output_lines(strict), strict.exit_code) == ([warning, summary], 1)


def test_acknowledged_findings_pass_and_stale_ones_fail(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    facts = [fact("a", 4, quantity="q"), fact("b", 6, quantity="q")]
    acknowledged = [{"rule": "agreement", "facts": ["a", "b"], "reason": "The letter says both."}]
    path = write_base(tmp_path, fact_base_yaml(facts, acknowledged=acknowledged))
    monkeypatch.chdir(path.parent)
    result = invoke("verify")
    summary = "0 errors, 0 warnings, 1 acknowledged; 2 facts, 0 rules in 1 file"
    assert result.stdout.splitlines() == ["1 acknowledged finding (use -v to list it)", summary]
    assert result.exit_code == 0
    assert output_lines(invoke("verify", "-v")) == [
        "facts.yaml:16:5: info agreement: quantity q: b states 6 persons (section 'Example'), a states 4 persons "
        "(section 'Example'), both valid at the same time [acknowledged: The letter says both.]",
        summary,
    ]
    path.write_text(fact_base_yaml([fact("a", 4, quantity="q"), fact("b", 4, quantity="q")], acknowledged=acknowledged))
    result = invoke("verify")
    assert output_lines(result) == [
        "facts.yaml:23:5: error stale-acknowledgement: acknowledgement of 'agreement' for facts ['a', 'b'] "
        "matches no finding; remove it",
        "1 error, 0 warnings, 0 acknowledged; 2 facts, 0 rules in 1 file",
    ]
    assert result.exit_code == 1


def test_paths_are_shown_relative_to_the_working_directory(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_base(tmp_path, fact_base_yaml([fact("a", unit="furlongs")]), name="data/facts.yaml")
    (path.parent / "source.txt").write_text("x", encoding="utf-8")
    problem = ":13:11: error unit: unknown unit 'furlongs'; declare it under `units:`"
    monkeypatch.chdir(path.parent.parent)
    assert output_lines(invoke("verify", "data/facts.yaml"))[0] == "data/facts.yaml" + problem
    assert output_lines(invoke("verify", str(path)))[0] == "data/facts.yaml" + problem
    (path.parent.parent / "elsewhere").mkdir()
    monkeypatch.chdir(path.parent.parent / "elsewhere")
    assert output_lines(invoke("verify", "../data/facts.yaml"))[0] == "../data/facts.yaml" + problem
    assert output_lines(invoke("verify", str(path)))[0] == "../data/facts.yaml" + problem


def test_engine_reads_relative_paths_from_its_cwd(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_base(tmp_path, fact_base_yaml([fact("a", unit="furlongs")]))
    monkeypatch.chdir(REPO)  # anywhere but tmp_path
    report = engine.verify([Path("facts.yaml")], cwd=tmp_path)
    assert [str(f.location) for f in report.findings] == ["facts.yaml:13:11"]
    assert report.files == ["facts.yaml"]
    assert path.parent == tmp_path


def test_verify_writes_nothing(shipped: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(shipped.parent)
    before = {path: path.read_bytes() for path in shipped.parent.rglob("*") if path.is_file()}
    assert invoke("verify").exit_code == 0
    assert invoke("verify", "nope.yaml").exit_code == 2
    assert {path: path.read_bytes() for path in shipped.parent.rglob("*") if path.is_file()} == before


@pytest.mark.parametrize(("source", "expected"), [
    ("missing.txt", "error source: source 'missing.txt' not found"),
    ("/etc/hostname", "error source: source must be a path relative to the fact file, not an absolute path"),
    ("../outside.txt", "error source: source leads outside the repository; refused"),
])
def test_a_source_that_cannot_be_used_is_located_at_source(source: str, expected: str,
                                                           tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_base(tmp_path, fact_base_yaml(document={"source": source}), name="repo/facts.yaml")
    (path.parent / ".git").mkdir()
    (path.parent.parent / "outside.txt").write_text("x", encoding="utf-8")
    monkeypatch.chdir(path.parent)
    result = invoke("verify")
    assert output_lines(result) == [
        f"facts.yaml:6:11: {expected}", "1 error, 0 warnings, 0 acknowledged; 0 facts, 0 rules in 1 file"]
    assert result.exit_code == 1


def test_a_file_named_twice_is_read_once(shipped: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(shipped.parent)
    (shipped.parent / "sub").mkdir()
    once, twice = invoke("verify", "facts.yaml"), invoke("verify", "facts.yaml", "./facts.yaml", "sub/../facts.yaml")
    assert (twice.stdout, twice.exit_code) == (once.stdout, 0)


def test_several_files_make_one_fact_base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = write_base(tmp_path, fact_base_yaml(
        [fact("total", 122, "EUR million"), fact("air", Decimal("75.5"), "EUR million")]), name="a.yaml")
    write_base(tmp_path, fact_base_yaml([fact("training", Decimal("44.5"), "EUR million")],
                                        [rule("split", "sum", total="total", parts=["air", "training"])]),
               name="b.yaml")
    monkeypatch.chdir(first.parent)
    result = invoke("verify", "a.yaml", "b.yaml")
    assert output_lines(result) == [
        "b.yaml:17:5: error sum: sum split: parts air + training = [119.9, 120.1] EUR million, "
        "but total total = [121.5, 122.5] EUR million",
        "1 error, 0 warnings, 0 acknowledged; 3 facts, 1 rule in 2 files",
    ]
    assert result.exit_code == 1


# --- version, help, usage -------------------------------------------------------------------


def test_version() -> None:
    result = invoke("--version")
    assert (result.stdout, result.exit_code) == (f"factcheck {VERSION}\n", 0)


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help(flag: str) -> None:
    result = invoke(flag)
    lines = result.stdout.splitlines()
    assert lines[0] == "Usage: factcheck [OPTIONS] COMMAND [ARGS]..."
    assert lines[2] == "  Check a curated fact base: schema, provenance and consistency."
    assert any(re.match(r"  verify +Check the fact base in PATHS", line) for line in lines)
    assert result.exit_code == 0


def test_verify_help_documents_the_exit_status() -> None:
    result = invoke("verify", "--help")
    assert result.stdout.splitlines()[0] == "Usage: factcheck verify [OPTIONS] [PATHS]..."
    assert "  Exit status: 0 consistent, 1 findings, 2 could not check." in result.stdout.splitlines()
    assert result.exit_code == 0


def test_an_unknown_option_is_exit_2() -> None:
    result = invoke("verify", "--zzz")
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == "Error: No such option '--zzz'."
    assert result.exit_code == 2


# --- the console entry point: one line on stderr, never a traceback -------------------------


def run_entry(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[str, str, int]:
    monkeypatch.setattr(sys, "argv", ["factcheck", *args])
    with pytest.raises(SystemExit) as stopped:
        run()
    captured = capsys.readouterr()
    code = stopped.value.code
    return captured.out, captured.err, code if isinstance(code, int) else 0


def test_entry_point_turns_an_internal_error_into_one_line(monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*_: object, **__: object) -> Report:
        raise RuntimeError("something broke")

    monkeypatch.setattr(engine, "verify", broken)
    assert run_entry(monkeypatch, capsys, "verify") == (
        "", "factcheck: internal error: RuntimeError: something broke\n", 2)


@pytest.mark.parametrize(("args", "expected"), [
    (("verify", "--zzz"), "factcheck: No such option '--zzz'.\n"),
    (("bogus",), "factcheck: No such command 'bogus'.\n"),
    (("verify", "nope.yaml"), "factcheck: nope.yaml: no such file\n"),
])
def test_entry_point_usage_errors_are_one_line(args: tuple[str, ...], expected: str, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_entry(monkeypatch, capsys, *args) == ("", expected, 2)


# --- real processes -------------------------------------------------------------------------


def test_python_m_factcheck_verify(shipped: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "factcheck", "verify"], cwd=shipped.parent,
                          capture_output=True, text=True, check=False)
    assert done.stdout.splitlines() == ["1 acknowledged finding (use -v to list it)",
                                        shipped_summary(shipped.read_text(encoding="utf-8"), 1)]
    assert (done.stderr, done.returncode) == ("", 0)


def test_console_script(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "factcheck"
    assert script.is_file()
    missing = subprocess.run([str(script), "verify"], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert (missing.stdout, missing.stderr, missing.returncode) == ("", no_fact_base(tmp_path), 2)
    bare = subprocess.run([str(script)], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert bare.stdout == ""
    assert bare.stderr.splitlines()[0] == "Usage: factcheck [OPTIONS] COMMAND [ARGS]..."
    assert "Traceback" not in bare.stderr
    assert bare.returncode == 2
    version_run = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False)
    assert (version_run.stdout, version_run.returncode) == (f"factcheck {VERSION}\n", 0)


class _Exited(Exception):
    """What the patched os._exit raises, so that a test survives the console's hard exit."""


SHIPPED_SUMMARY = "0 errors, 0 warnings, 1 acknowledged; 142 facts, 78 rules in 1 file"


@pytest.mark.parametrize(("args", "code", "last_line"), [
    (("verify", str(REPO / "facts.yaml")), 0, SHIPPED_SUMMARY),
    (("verify", "absent.yaml"), 2, "factcheck: absent.yaml: no such file"),
    (("--version",), 0, f"factcheck {version('factcheck')}"),
])
def test_console_exits_with_runs_code_after_flushing(args: tuple[str, ...], code: int, last_line: str, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """`factcheck` ends with os._exit (no teardown of a large base), with run's exit code and its output."""
    exits: list[int] = []

    def hard_exit(status: int) -> None:
        exits.append(status)
        raise _Exited

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", ["factcheck", *args])
    monkeypatch.setattr(os, "_exit", hard_exit)
    with pytest.raises(_Exited):
        cli.console()
    captured = capsys.readouterr()
    assert exits == [code]
    assert (captured.out + captured.err).splitlines()[-1] == last_line

"""The command-line conventions users of check-jsonschema, yamllint and pre-commit expect: -f, -o -,
- for standard input, --config, --list-files, -v, -q only with text, the parsable format, what
`report` says, and shell completion."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from factcheck.cli import main

BROKEN = Path(__file__).parent / "data" / "reporting" / "broken"
MULTI = Path(__file__).parent / "fixtures" / "multi"
CLEAN_ENV = {"GITHUB_ACTIONS": None, "NO_COLOR": None, "FORCE_COLOR": None, "TERM": None}
SUMMARY = "1 error, 1 warning, 1 acknowledged; 7 facts, 2 rules in 1 file\n"
SUM_ERROR = ("sum budget-split: parts air + training = [119.9, 120.1) EUR million, "
             "but total budget = [121.5, 122.5) EUR million")
SUM_WARNING = ("sum old-budget-split: parts old-air + old-training = [89, 91) EUR million, "
               "but total old-budget = [94.5, 105.5) EUR million")
MULTI_FILES = "facts/budget.facts.yaml\nfacts/rules.facts.yaml\n"


def invoke(*args: str, stdin: bytes | None = None, **env: str | None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin, env={**CLEAN_ENV, **env}, prog_name="factcheck")


def outcome(result: Result) -> tuple[int, str, str]:
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the broken fact base (one error, one warning, one acknowledged), as the working directory."""
    shutil.copytree(BROKEN, tmp_path / "broken")
    monkeypatch.chdir(tmp_path / "broken")
    return tmp_path / "broken"


@pytest.fixture
def multi(tmp_path: Path) -> Path:
    shutil.copytree(MULTI, tmp_path / "project")
    return tmp_path / "project"


# --- -f, -o -------------------------------------------------------------------------------------


def test_f_is_format(broken: Path) -> None:
    assert outcome(invoke("verify", "-f", "json")) == outcome(invoke("verify", "--format", "json"))
    assert invoke("verify", "-f", "json").stdout.startswith("{")


@pytest.mark.parametrize(("args", "message"), [
    (("verify", "-o", "json"), "-o names a file; did you mean -f json?"),
    (("verify", "--output", "sarif"), "-o names a file; did you mean -f sarif?"),
    (("report", "-o", "text"), "-o names a file; give it an extension, as in -o text.html"),
])
def test_a_format_name_given_to_o_is_a_usage_error(broken: Path, args: tuple[str, ...], message: str) -> None:
    result = invoke(*args)
    assert (result.exit_code, result.stdout, result.stderr.splitlines()[-1]) == (2, "", f"Error: {message}")
    assert sorted(path.name for path in broken.iterdir()) == ["facts.yaml", "source.txt"]


def test_a_file_named_like_a_format_is_written_when_it_looks_like_a_path(broken: Path) -> None:
    (broken / "out").mkdir()
    assert outcome(invoke("verify", "-q", "-o", "out/json")) == (1, "", "")
    assert (broken / "out" / "json").read_text(encoding="utf-8") == SUMMARY
    assert outcome(invoke("verify", "-q", "-o", "json.txt")) == (1, "", "")
    assert (broken / "json.txt").read_text(encoding="utf-8") == SUMMARY


def test_report_o_dash_writes_the_html_to_stdout_and_says_why_it_fails_on_stderr(broken: Path) -> None:
    code, out, err = outcome(invoke("report", "-o", "-"))
    assert (code, err) == (1, "1 error, 1 warning (exit 1)\n")
    assert out.startswith("<!DOCTYPE html>")
    assert out.endswith("</html>\n")
    assert sorted(path.name for path in broken.iterdir()) == ["facts.yaml", "source.txt"]


def test_report_says_why_it_exits_1(broken: Path) -> None:
    assert outcome(invoke("report")) == (1, "wrote report.html; 1 error, 1 warning (exit 1)\n", "")
    assert (broken / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_consistent_report_says_only_where_it_went(multi: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(multi)
    assert outcome(invoke("report", "-o", "out.html")) == (0, "wrote out.html\n", "")


# --- -q, -v, parsable --------------------------------------------------------------------------


@pytest.mark.parametrize("output_format", ["json", "sarif", "github", "parsable"])
def test_quiet_with_another_format_is_a_usage_error(broken: Path, output_format: str) -> None:
    result = invoke("verify", "-q", "-f", output_format)
    assert (result.exit_code, result.stdout, result.stderr.splitlines()[-1]) == (
        2, "", f"Error: --quiet is for the text format only, not -f {output_format}")


def test_quiet_means_text_inside_github_actions(broken: Path) -> None:
    assert outcome(invoke("verify", "-q", GITHUB_ACTIONS="true")) == (1, SUMMARY, "")


def test_verbose_lists_acknowledged_findings_in_full(broken: Path) -> None:
    plain, verbose = invoke("verify").stdout.splitlines(), invoke("verify", "-v").stdout.splitlines()
    assert plain[-2:] == ["1 acknowledged finding (use -v to list it)", SUMMARY.rstrip()]
    assert verbose[0].startswith("facts.yaml:35:5: info agreement: ")
    assert verbose[5:] == plain[:-2] + plain[-1:]


def test_parsable_is_one_line_per_finding(broken: Path) -> None:
    assert outcome(invoke("verify", "-f", "parsable")) == (
        1, f"facts.yaml:55:5: [error] {SUM_ERROR} (sum)\nfacts.yaml:59:5: [warning] {SUM_WARNING} (sum)\n", "")


# --- - reads standard input ---------------------------------------------------------------------


def test_dash_reads_a_fact_file_from_stdin(broken: Path) -> None:
    text = (broken / "facts.yaml").read_bytes()
    assert outcome(invoke("verify", "-", "-f", "parsable", stdin=text)) == (
        1, f"<stdin>:55:5: [error] {SUM_ERROR} (sum)\n<stdin>:59:5: [warning] {SUM_WARNING} (sum)\n", "")
    assert outcome(invoke("verify", "-", "-q", stdin=text)) == (1, SUMMARY, "")
    assert sorted(path.name for path in broken.iterdir()) == ["facts.yaml", "source.txt"]


def test_stdins_sources_are_relative_to_the_working_directory_and_never_from_the_cache(
        broken: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same text read in a folder whose source says something else: its own findings, not cached ones."""
    text = (broken / "facts.yaml").read_bytes()
    assert invoke("verify", "-", "-q", stdin=text).exit_code == 1  # cached now, under the text's digest
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert outcome(invoke("verify", "-", "-f", "parsable", stdin=text)) == (
        1, "<stdin>:7:11: [error] source 'source.txt' not found (source)\n", "")
    shutil.copy(broken / "source.txt", elsewhere / "source.txt")
    memo = (elsewhere / "source.txt").read_text(encoding="utf-8").replace("122 miljoen", "120 miljoen")
    (elsewhere / "source.txt").write_text(memo, encoding="utf-8")
    assert invoke("verify", "-", "-f", "parsable", stdin=text).stdout.splitlines()[0] == (
        "<stdin>:15:12: [error] quote of budget not found in source.txt; closest passage (line 3): "
        '"Het budget voor 2015 is 120 miljoen euro" (quote)')


def test_stdin_that_is_not_utf8_is_a_located_finding(broken: Path) -> None:
    assert outcome(invoke("verify", "-", "-f", "parsable", stdin=b"document: \xff\n")) == (
        1, "<stdin>:1:11: [error] not UTF-8: byte 0xff cannot be decoded (encoding)\n", "")


# --- --config, --list-files, discovery ----------------------------------------------------------


@pytest.mark.parametrize("command", [["verify"], ["report"], ["coverage"], ["show", "budget"]])
def test_list_files_prints_the_configured_fact_files(multi: Path, monkeypatch: pytest.MonkeyPatch,
                                                     command: list[str]) -> None:
    monkeypatch.chdir(multi / "facts")
    assert outcome(invoke(*command, "--list-files")) == (0, "budget.facts.yaml\nrules.facts.yaml\n", "")
    assert not (multi / "facts" / "report.html").exists()


def test_list_files_without_a_fact_base_is_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("verify", "--list-files")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"factcheck: no fact base: no .factcheck.yaml or [tool.factcheck] in {tmp_path} ")


def test_list_files_names_the_paths_given(multi: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(multi)
    assert outcome(invoke("verify", "--list-files", "facts/rules.facts.yaml", "-")) == (
        0, "facts/rules.facts.yaml\n-\n", "")


@pytest.mark.parametrize("name", [".factcheck.yaml", "custom.yaml"])
def test_config_names_the_config_instead_of_searching(multi: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      name: str) -> None:
    config = multi / name
    (multi / ".factcheck.yaml").rename(config)
    monkeypatch.chdir(tmp_path)  # above the project: a search would find nothing
    assert outcome(invoke("verify", "--config", str(config), "--list-files")) == (
        0, "project/facts/budget.facts.yaml\nproject/facts/rules.facts.yaml\n", "")
    assert outcome(invoke("verify", "--config", str(config), "-q")) == (
        0, "0 errors, 0 warnings, 0 acknowledged; 3 facts, 1 rule in 2 files\n", "")


def test_config_can_be_a_pyproject_toml_with_the_table(multi: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (multi / ".factcheck.yaml").unlink()
    (multi / "tools").mkdir()
    (multi / "tools" / "pyproject.toml").write_text('[tool.factcheck]\nfacts = "../facts/*.facts.yaml"\n',
                                                    encoding="utf-8")
    (multi / "pyproject.toml").write_text('[tool.factcheck]\nfacts = "facts/*.facts.yaml"\n', encoding="utf-8")
    (multi / "empty.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    monkeypatch.chdir(multi)
    assert outcome(invoke("verify", "--config", "pyproject.toml", "--list-files")) == (0, MULTI_FILES, "")
    assert outcome(invoke("verify", "--config", "tools/pyproject.toml", "--list-files")) == (
        2, "", "factcheck: tools/pyproject.toml: [tool.factcheck] fact file pattern '../facts/*.facts.yaml' "
               "must stay inside the config's folder\n")
    (multi / "tools" / "pyproject.toml").write_text("[project]\n", encoding="utf-8")
    assert outcome(invoke("verify", "--config", "tools/pyproject.toml")) == (
        2, "", "factcheck: tools/pyproject.toml: no [tool.factcheck] table\n")


def test_a_missing_config_file_is_exit_2(multi: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(multi)
    assert outcome(invoke("verify", "--config", "nope.yaml")) == (2, "", "factcheck: nope.yaml: no such file\n")


def test_a_repository_whose_facts_live_elsewhere_is_told_where_factcheck_looked(
        multi: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (multi / ".git").mkdir()
    (multi / ".factcheck.yaml").unlink()
    monkeypatch.chdir(multi)
    assert outcome(invoke("verify")) == (2, "", (
        f"factcheck: no fact base: no .factcheck.yaml or [tool.factcheck] in {multi} or its parents up to "
        f"the repository root, and no facts.yaml in {multi}; name the fact files, or create .factcheck.yaml "
        'with "facts: PATTERN"\n'))


# --- shell completion ---------------------------------------------------------------------------


def test_shell_completion_is_clicks(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "factcheck"
    env = {**os.environ, "_FACTCHECK_COMPLETE": "bash_source"}
    source = subprocess.run([str(script)], env=env, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert (source.returncode, source.stderr) == (0, "")
    assert "complete -o nosort -F _factcheck_completion factcheck" in source.stdout
    env.update(_FACTCHECK_COMPLETE="bash_complete", COMP_WORDS="factcheck ", COMP_CWORD="1")
    words = subprocess.run([str(script)], env=env, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert words.returncode == 0
    assert {"plain,verify", "plain,show", "plain,report", "plain,rules", "plain,coverage"} <= set(words.stdout.split())

"""`factcheck verify` options for reports: --format, --output, --color, --quiet, and the defaults
chosen from the environment (GITHUB_ACTIONS, NO_COLOR, FORCE_COLOR)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main, run
from factcheck.formatters import use_color

BROKEN = Path(__file__).parent / "data" / "reporting" / "broken"
CLEAN_ENV = {"GITHUB_ACTIONS": None, "NO_COLOR": None, "FORCE_COLOR": None, "TERM": None}
SUMMARY = "1 error, 1 warning, 1 acknowledged; 7 facts, 2 rules in 1 file\n"


@pytest.fixture(autouse=True)
def in_broken(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BROKEN)


def invoke(*args: str, **env: str | None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["verify", *args], env={**CLEAN_ENV, **env})
    return result.exit_code, result.stdout, result.stderr


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str],
            monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    """Through the real entry point, which turns usage errors into one line and exit 2."""
    monkeypatch.setattr(sys, "argv", ["factcheck", *argv])
    with pytest.raises(SystemExit) as exit_info:
        run()
    captured = capsys.readouterr()
    return int(exit_info.value.code or 0), captured.out, captured.err


def test_default_format_is_text() -> None:
    code, out, _ = invoke()
    assert code == 1
    assert out.startswith("facts.yaml:55:5: error sum: ")
    assert out.endswith(SUMMARY)


def test_github_actions_selects_annotations() -> None:
    code, out, _ = invoke(GITHUB_ACTIONS="true")
    assert code == 1
    assert [line.split(" ", 1)[0] for line in out.splitlines()] == ["::notice", "::error", "::warning", "1"]


def test_explicit_format_beats_github_actions() -> None:
    _, out, _ = invoke("--format", "json", GITHUB_ACTIONS="true")
    assert json.loads(out)["summary"]["errors"] == 1


def test_quiet_prints_the_summary_alone() -> None:
    assert invoke("--quiet") == (1, SUMMARY, "")


def test_exit_code_is_the_same_in_every_format() -> None:
    """Exit codes do not depend on the format."""
    for output_format in ("text", "json", "sarif", "github", "parsable"):
        assert invoke("--format", output_format)[0] == 1


def test_output_file_gets_the_report_and_stdout_stays_empty(tmp_path: Path) -> None:
    target = tmp_path / "report.sarif"
    code, out, err = invoke("--format", "sarif", "--output", str(target))
    assert (code, out, err) == (1, "", "")
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_output_dash_is_stdout() -> None:
    assert invoke("--quiet", "--output", "-") == (1, SUMMARY, "")


def test_output_text_file_is_never_coloured_in_auto(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    invoke("--output", str(target), FORCE_COLOR=None)
    assert "\x1b[" not in target.read_text(encoding="utf-8")


def test_color_always_and_never() -> None:
    _, coloured, _ = invoke("--color", "always", "--quiet")
    assert coloured == ("\x1b[1;31m1 error\x1b[0m, \x1b[1;35m1 warning\x1b[0m, "
                        "1 acknowledged; 7 facts, 2 rules in 1 file\n")
    assert invoke("--color", "never", "--quiet", FORCE_COLOR="1")[1] == SUMMARY


def test_colour_marks_severity_location_and_caret() -> None:
    _, out, _ = invoke("--color", "always")
    lines = out.splitlines()
    error = lines.index(next(line for line in lines if "error\x1b[0m sum" in line))
    assert lines[error].startswith("\x1b[1mfacts.yaml:55:5:\x1b[0m \x1b[1;31merror\x1b[0m sum: sum budget-split")
    assert lines[error + 2] == "    |     \x1b[1;32m^\x1b[0m"
    assert lines[error + 3].startswith("\x1b[1mfacts.yaml:10:5:\x1b[0m \x1b[1;36mnote\x1b[0m: budget = ")


def test_force_color_and_no_color_in_auto() -> None:
    assert "\x1b[" in invoke("--quiet", FORCE_COLOR="1")[1]
    assert invoke("--quiet", FORCE_COLOR="1", NO_COLOR="1")[1] == SUMMARY
    assert invoke("--quiet", FORCE_COLOR="0")[1] == SUMMARY


@pytest.mark.parametrize(("choice", "isatty", "env", "expected"), [
    ("auto", True, {}, True),
    ("auto", False, {}, False),
    ("auto", True, {"NO_COLOR": "1"}, False),
    ("auto", True, {"NO_COLOR": ""}, True),  # no-color.org: set *and not empty*
    ("auto", False, {"FORCE_COLOR": "1"}, True),
    ("auto", False, {"FORCE_COLOR": ""}, False),
    ("auto", False, {"FORCE_COLOR": "0"}, False),
    ("auto", True, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
    ("auto", True, {"TERM": "dumb"}, False),
    ("always", False, {"NO_COLOR": "1"}, True),
    ("never", True, {"FORCE_COLOR": "1"}, False),
])
def test_use_color(choice: str, isatty: bool, env: dict[str, str], expected: bool) -> None:
    assert use_color(choice, isatty, env) is expected


def test_output_onto_the_fact_file_is_refused(capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    before = (BROKEN / "facts.yaml").read_bytes()
    code, out, err = run_cli(["verify", "--output", "facts.yaml"], capsys, monkeypatch)
    assert (code, out) == (2, "")
    assert err == "factcheck: --output facts.yaml is a fact file; refusing to overwrite it\n"
    assert (BROKEN / "facts.yaml").read_bytes() == before


@pytest.mark.parametrize("command", ["verify", "report"])
def test_output_onto_a_source_is_refused(command: str, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    before = (BROKEN / "source.txt").read_bytes()
    code, out, err = run_cli([command, "--output", "source.txt"], capsys, monkeypatch)
    assert (code, out) == (2, "")
    assert err == "factcheck: --output source.txt is a source of the fact base; refusing to overwrite it\n"
    assert (BROKEN / "source.txt").read_bytes() == before


def test_unwritable_output_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "missing-dir" / "report.json"
    code, out, err = run_cli(["verify", "--format", "json", "--output", str(target)], capsys, monkeypatch)
    assert (code, out) == (2, "")
    assert err == f"factcheck: cannot write {target}: No such file or directory\n"


def test_unknown_format_exits_2(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run_cli(["verify", "--format", "xml"], capsys, monkeypatch)
    assert (code, out) == (2, "")
    assert err == ("factcheck: Invalid value for '-f' / '--format': 'xml' is not one of "
                   "'text', 'json', 'sarif', 'github', 'parsable'.\n")

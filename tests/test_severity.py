"""Severity control: per rule (``severity:`` in a rule entry), per kind (``settings: severity:``),
and ``--strict``, which alone makes warnings fail the run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

SOURCE = "Het budget is 122 miljoen euro: 75,5 miljoen euro en 44,5 miljoen euro. Een tabel noemt 125 miljoen euro.\n"
FACTS = """\
document: {{id: d, title: T, date: "2015-11-02", language: nl, source: source.txt}}
{settings}
facts:
  - {{id: budget, quantity: budget, value: 122, unit: EUR million, section: S,
      quote: "Het budget is 122 miljoen euro"}}
  - {{id: table, quantity: budget, value: 125, unit: EUR million, section: S,
      quote: "Een tabel noemt 125 miljoen euro"}}
  - {{id: air, quantity: air, value: 75.5, unit: EUR million, section: S, quote: "75,5 miljoen euro"}}
  - {{id: training, quantity: training, value: 44.5, unit: EUR million, section: S, quote: "44,5 miljoen euro"}}
rules:
  - {{id: split, kind: sum, total: budget, parts: [air, training]{rule_severity}}}
"""


def outcome(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: str = "", rule_severity: str = "",
            strict: bool = False) -> tuple[int, list[tuple[str, str]]]:
    """Exit code and (kind, severity) of each finding for the base with the given severity settings."""
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    rule = f", severity: {rule_severity}" if rule_severity else ""
    (tmp_path / "facts.yaml").write_text(FACTS.format(settings=settings, rule_severity=rule), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["verify", "--format", "json", *(["--strict"] if strict else [])],
                                env={"GITHUB_ACTIONS": None})
    findings = json.loads(result.stdout)["findings"]
    return result.exit_code, [(f["kind"], f["severity"]) for f in findings]


def test_defaults_are_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert outcome(tmp_path, monkeypatch) == (1, [("agreement", "error"), ("sum", "error")])


def test_rule_severity_warning_passes_unless_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = "settings: {severity: {agreement: 'off'}}"
    assert outcome(tmp_path, monkeypatch, settings, "warning") == (0, [("sum", "warning")])
    assert outcome(tmp_path, monkeypatch, settings, "warning", strict=True) == (1, [("sum", "warning")])


def test_rule_severity_off_drops_its_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert outcome(tmp_path, monkeypatch, rule_severity="'off'") == (1, [("agreement", "error")])


def test_kind_severity_applies_to_automatic_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = "settings: {severity: {agreement: warning}}"
    assert outcome(tmp_path, monkeypatch, settings) == (1, [("agreement", "warning"), ("sum", "error")])


def test_rule_severity_beats_kind_severity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = "settings: {severity: {sum: 'off', agreement: 'off'}}"
    assert outcome(tmp_path, monkeypatch, settings) == (0, [])
    assert outcome(tmp_path, monkeypatch, settings, "error") == (1, [("sum", "error")])
    assert outcome(tmp_path, monkeypatch, "settings: {severity: {sum: error, agreement: 'off'}}", "warning") == (
        0, [("sum", "warning")])


def verify_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: str) -> tuple[int, list[str]]:
    """Exit code and finding lines of the text report (no summary, excerpts or notes)."""
    (tmp_path / "source.txt").write_text(SOURCE, encoding="utf-8")
    (tmp_path / "facts.yaml").write_text(FACTS.format(settings=settings, rule_severity=""), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["verify", "--color", "never"], env={"GITHUB_ACTIONS": None})
    return result.exit_code, [line for line in result.stdout.splitlines() if line.startswith("facts.yaml:")
                              and ": note: " not in line]


def test_an_unknown_kind_in_settings_is_a_located_error_with_a_suggestion(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A misspelt kind would switch nothing off: it is refused, at its key, and the rules do not run."""
    settings = "settings:\n  severity: {agreement: 'off', sumx: 'off', qqqqqq: warning}"
    assert verify_text(tmp_path, monkeypatch, settings) == (1, [
        "facts.yaml:3:32: error unknown-kind: unknown finding kind 'sumx' in settings.severity; did you mean 'sum'?",
        "facts.yaml:3:45: error unknown-kind: unknown finding kind 'qqqqqq' in settings.severity",
    ])


def test_every_registered_kind_is_a_valid_severity_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.kinds import known_kinds

    settings = "settings:\n  severity: {" + ", ".join(f"{kind}: warning" for kind in known_kinds()) + "}"
    assert verify_text(tmp_path, monkeypatch, settings) == (0, [
        "facts.yaml:7:6: warning agreement: quantity budget: table states 125 EUR million (section 'S'), "
        "budget states 122 EUR million (section 'S'), both valid at the same time",
        "facts.yaml:12:6: warning sum: sum split: parts air + training = [119.9, 120.1] EUR million, "
        "but total budget = [121.5, 122.5] EUR million",
    ])

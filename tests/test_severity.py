"""Severity control: per rule (``severity:`` in a rule entry), per kind (``settings: severity:``),
and ``--strict``, which alone makes warnings fail the run."""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from factbase import fact, fact_base_yaml, rule, write_base
from factcheck.cli import main

SOURCE = "Het budget is 122 miljoen euro: 75,5 miljoen euro en 44,5 miljoen euro. Een tabel noemt 125 miljoen euro.\n"
FACTS = [fact("budget", 122, "EUR million", section="S", quote="Het budget is 122 miljoen euro"),
         fact("table", 125, "EUR million", quantity="budget", section="S", quote="Een tabel noemt 125 miljoen euro"),
         fact("air", Decimal("75.5"), "EUR million", section="S", quote="75,5 miljoen euro"),
         fact("training", Decimal("44.5"), "EUR million", section="S", quote="44,5 miljoen euro")]


def outcome(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, severity: Mapping[str, str] | None = None,
            rule_severity: str = "", strict: bool = False) -> tuple[int, list[tuple[str, str]]]:
    """Exit code and (kind, severity) of each finding for the base with the given severity settings."""
    split = rule("split", "sum", total="budget", parts=["air", "training"],
                 **({"severity": rule_severity} if rule_severity else {}))
    settings = {"severity": severity} if severity else {}
    write_base(tmp_path, fact_base_yaml(FACTS, [split], settings=settings), source=SOURCE)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["verify", "--format", "json", *(["--strict"] if strict else [])],
                                env={"GITHUB_ACTIONS": None})
    findings = json.loads(result.stdout)["findings"]
    return result.exit_code, [(f["kind"], f["severity"]) for f in findings]


def test_defaults_are_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert outcome(tmp_path, monkeypatch) == (1, [("agreement", "error"), ("sum", "error")])


def test_rule_severity_warning_passes_unless_strict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    severity = {"agreement": "off"}
    assert outcome(tmp_path, monkeypatch, severity, "warning") == (0, [("sum", "warning")])
    assert outcome(tmp_path, monkeypatch, severity, "warning", strict=True) == (1, [("sum", "warning")])


def test_rule_severity_off_drops_its_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert outcome(tmp_path, monkeypatch, rule_severity="off") == (1, [("agreement", "error")])


def test_kind_severity_applies_to_automatic_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert outcome(tmp_path, monkeypatch, {"agreement": "warning"}) == (1, [("agreement", "warning"), ("sum", "error")])


def test_rule_severity_beats_kind_severity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    severity = {"sum": "off", "agreement": "off"}
    assert outcome(tmp_path, monkeypatch, severity) == (0, [])
    assert outcome(tmp_path, monkeypatch, severity, "error") == (1, [("sum", "error")])
    assert outcome(tmp_path, monkeypatch, {"sum": "error", "agreement": "off"}, "warning") == (
        0, [("sum", "warning")])


def verify_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, severity: Mapping[str, str]) -> tuple[int, list[str]]:
    """Exit code and finding lines of the text report (no summary, excerpts or notes)."""
    split = rule("split", "sum", total="budget", parts=["air", "training"])
    write_base(tmp_path, fact_base_yaml(FACTS, [split], settings={"severity": severity}), source=SOURCE)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["verify", "--color", "never"], env={"GITHUB_ACTIONS": None})
    return result.exit_code, [line for line in result.stdout.splitlines() if line.startswith("facts.yaml:")
                              and ": note: " not in line]


def test_an_unknown_kind_in_settings_is_a_located_error_with_a_suggestion(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A misspelt kind would switch nothing off: it is refused, at its key, and the rules do not run."""
    severity = {"agreement": "off", "sumx": "off", "qqqqqq": "warning"}
    assert verify_text(tmp_path, monkeypatch, severity) == (1, [
        "facts.yaml:8:32: error unknown-kind: unknown finding kind 'sumx' in settings.severity; did you mean 'sum'?",
        "facts.yaml:8:45: error unknown-kind: unknown finding kind 'qqqqqq' in settings.severity",
    ])


def test_every_adjustable_kind_is_a_valid_severity_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.kinds import registry

    adjustable = [kind for kind, spec in registry().items() if spec.adjustable]
    assert verify_text(tmp_path, monkeypatch, dict.fromkeys(adjustable, "warning")) == (0, [
        "facts.yaml:16:5: warning agreement: quantity budget: table states 125 EUR million (section 'S'), "
        "budget states 122 EUR million (section 'S'), both valid at the same time",
        "facts.yaml:35:5: warning sum: sum split: parts air + training = [119.9, 120.1) EUR million, "
        "but total budget = [121.5, 122.5) EUR million",
    ])


def test_a_kind_whose_severity_cannot_change_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A reference finding stops the check before severities apply, and a stale acknowledgement comes after
    them: setting either would switch nothing, so it is refused like a misspelt kind."""
    assert verify_text(tmp_path, monkeypatch, {"reference": "off", "stale-acknowledgement": "warning"}) == (1, [
        "facts.yaml:8:14: error settings: the severity of 'reference' cannot be set: severities apply to the "
        "findings of the rules alone",
        "facts.yaml:8:32: error settings: the severity of 'stale-acknowledgement' cannot be set: severities apply "
        "to the findings of the rules alone",
    ])

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

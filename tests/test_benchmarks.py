"""The benchmark dossier (benchmarks/generate.py) is what its README promises: deterministic by seed,
and consistent under every current rule, so factcheck finds exactly the one acknowledged sum per
tenth letter.  A rule that tightens must not silently turn the benchmark into a timing of errors.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from conftest import REPO
from factcheck.cli import main


def _load_generator() -> ModuleType:
    """benchmarks/generate.py, which is a script, not part of the package."""
    spec = importlib.util.spec_from_file_location("benchmarks_generate", REPO / "benchmarks" / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


generator = _load_generator()

#: the one finding in a 1,000-fact dossier: letter 10's own total, one off and acknowledged
ACKNOWLEDGED_SUM = [("sum", "l0010-r01", "error", "letters/letter-0010.yaml",
                     "The letter's own total is one off; the parts are right.")]


def verify(base: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, dict[str, Any]]:
    """Exit code and JSON report of `factcheck verify` on the dossier's fact files, from its folder."""
    monkeypatch.chdir(base)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", "off")
    files = (base / "files.txt").read_text(encoding="utf-8").split()
    result = CliRunner().invoke(main, ["verify", "--format", "json", *files], prog_name="factcheck")
    assert result.stderr == ""
    return result.exit_code, json.loads(result.stdout)


def findings(report: dict[str, Any]) -> list[tuple[str, str, str, str, str | None]]:
    return [(f["kind"], f["rule_id"], f["severity"], f["location"]["file"], (f.get("acknowledged") or {}).get("reason"))
            for f in report["findings"]]


def rule_kinds(base: Path) -> set[str]:
    return {rule["kind"] for path in sorted((base / "letters").glob("*.yaml"))
            for rule in yaml.safe_load(path.read_text(encoding="utf-8")).get("rules") or []}


def test_the_default_dossier_verifies_with_one_acknowledged_sum_per_tenth_letter(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    generator.generate(tmp_path, 1000, seed=1)
    code, report = verify(tmp_path, monkeypatch)
    assert report["summary"] == {"errors": 0, "warnings": 0, "acknowledged": 1, "facts": 1000, "rules": 158,
                                 "files": 10}
    assert findings(report) == ACKNOWLEDGED_SUM
    assert code == 0
    assert rule_kinds(tmp_path) == {"sum", "agreement"}


def test_the_dossier_with_every_rule_kind_verifies_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    generator.generate(tmp_path, 1000, seed=1, kinds=set(generator.ALL_KINDS))
    code, report = verify(tmp_path, monkeypatch)
    assert report["summary"] == {"errors": 0, "warnings": 0, "acknowledged": 1, "facts": 1000, "rules": 405,
                                 "files": 10}
    assert findings(report) == ACKNOWLEDGED_SUM
    assert code == 0
    assert rule_kinds(tmp_path) == set(generator.ALL_KINDS)


def snapshot(base: Path) -> dict[str, bytes]:
    return {str(path.relative_to(base)): path.read_bytes() for path in sorted(base.rglob("*")) if path.is_file()}


def test_the_dossier_is_determined_by_its_seed(tmp_path: Path) -> None:
    first, again, other = tmp_path / "first", tmp_path / "again", tmp_path / "other"
    for out, seed in ((first, 1), (again, 1), (other, 2)):
        generator.generate(out, 300, seed=seed, with_json=True)
    assert snapshot(first) == snapshot(again)
    assert snapshot(first).keys() == snapshot(other).keys()
    assert snapshot(first) != snapshot(other)

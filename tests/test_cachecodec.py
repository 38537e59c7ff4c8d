"""Cache entries are plain JSON that decodes to exactly what was stored; anything else written where
an entry stands (a pickle with a payload, garbage, a truncated or misshapen entry) is a miss, never
an exception nor code that runs, and the check's output is that of a run without the cache."""

from __future__ import annotations

import ast
import json
import pickle
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import cachecodec, engine
from factcheck.cachecodec import decode_findings, decode_prepared, encode_findings, encode_prepared
from factcheck.findings import Finding, Location, Related, Severity
from factcheck.formatters import RenderOptions
from factcheck.formatters.text import render
from factcheck.kinds import known_kinds
from factcheck.loader import load_text
from factcheck.located import Loaded, LocatedDict, LocatedList

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
from generate import generate  # noqa: E402

#: any text, lone surrogates included (a YAML key may hold one: "\ud800")
texts = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=()))
#: a path as a finding shows it: its control characters escaped (engine.display_path)
paths = st.text(st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=()).filter(
    lambda char: not (char < " " or char == "\x7f")))
locations = st.builds(Location, paths, st.integers(1, 2**31), st.integers(1, 2**31), st.none() | st.integers(1, 2**31))
findings = st.lists(st.builds(
    Finding, st.sampled_from(known_kinds()), st.sampled_from(Severity), texts, locations,
    st.lists(st.builds(Related, locations, texts)).map(tuple), st.lists(texts).map(tuple),
    st.none() | texts, st.none() | texts))
marks = st.tuples(st.integers(1, 2**32 - 1), st.integers(1, 2**32 - 1))
scalars = (st.none() | st.booleans() | st.integers(-(10**40), 10**40) | texts
           | st.decimals(allow_nan=False, allow_infinity=False))


def _mapping(items: list[tuple[str, Any, tuple[int, int], tuple[int, int]]]) -> LocatedDict:
    mapping = LocatedDict()
    for key, value, key_mark, mark in items:
        mapping.setdefault(key, value)
        mapping.key_marks.setdefault(key, key_mark)
        mapping.marks.setdefault(key, mark)
    return mapping


def _sequence(items: list[tuple[Any, tuple[int, int]]]) -> LocatedList:
    sequence = LocatedList()
    sequence.extend(value for value, _ in items)
    sequence.marks.extend(mark for _, mark in items)
    return sequence


located = st.recursive(scalars, lambda inner: (
    st.lists(st.tuples(texts, inner, marks, marks)).map(_mapping) | st.lists(st.tuples(inner, marks)).map(_sequence)),
    max_leaves=30)


def exact(value: Any) -> Any:
    """Everything a round trip must keep: types, marks, key order and each Decimal's digits and exponent."""
    if isinstance(value, LocatedDict):
        return ("map", [(key, exact(item), value.key_marks[key], value.marks[key]) for key, item in value.items()])
    if isinstance(value, LocatedList):
        return ("seq", [exact(item) for item in value], value.marks)
    return type(value).__name__, value.as_tuple() if isinstance(value, Decimal) else value


@given(located, findings, findings, texts)
def test_located_data_and_findings_round_trip(data: Any, loaded_findings: list[Finding],
                                              schema_findings: list[Finding], path: str) -> None:
    decoded = decode_prepared(encode_prepared(Loaded(path, data, loaded_findings), schema_findings))
    assert decoded is not None
    assert exact(decoded[0].data) == exact(data)
    assert (decoded[0].path, decoded[0].findings, decoded[1]) == (path, loaded_findings, schema_findings)
    assert [finding.acknowledged for finding in decoded[0].findings] == [f.acknowledged for f in loaded_findings]


@given(findings)
def test_findings_round_trip(original: list[Finding]) -> None:
    decoded = decode_findings(encode_findings(original))
    assert decoded == original
    assert [finding.acknowledged for finding in decoded or []] == [finding.acknowledged for finding in original]


def test_a_real_fact_file_round_trips() -> None:
    loaded = load_text((REPO / "facts.yaml").read_text(encoding="utf-8"), "facts.yaml")
    decoded = decode_prepared(encode_prepared(loaded, []))
    assert decoded is not None
    assert exact(decoded[0].data) == exact(loaded.data)


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text() | st.floats(allow_nan=False),
                           lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=20)


@given(json_values)
def test_any_json_decodes_without_raising(value: Any) -> None:
    blob = json.dumps(value).encode()
    assert decode_prepared(blob) is None
    assert decode_findings(blob) is None or value == []


class _Payload:
    """Unpickling this runs code: it must never be unpickled."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return exec, (f"open({str(self.marker)!r}, 'w').close()",)


def _valid_entry() -> bytes:
    return encode_prepared(load_text("facts:\n  - id: a\n    value: 1.50\n", "f.yaml"), [])


def _damaged(marker: Path) -> dict[str, bytes]:
    valid = _valid_entry()
    entry = json.loads(valid)
    finding = json.loads(encode_findings([Finding("quote", Severity.ERROR, "m", Location("f.yaml", 2, 3))]))
    return {
        "pickle with a payload": pickle.dumps(_Payload(marker)),
        "garbage": bytes(range(256)) * 3,
        "empty": b"",
        "truncated": valid[: len(valid) // 2],
        "wrong shape": json.dumps({"path": "f.yaml", "data": {}}).encode(),
        "a mark too few": json.dumps([*entry[:2], entry[2][:-8], *entry[3:]]).encode(),
        "marks not base64": json.dumps([*entry[:2], "not base64!", *entry[3:]]).encode(),
        "NaN": valid.replace(b"150E-2", b"NaN"),
        "a line that is text": json.dumps([[*finding[0][:4], "2", *finding[0][5:]]]).encode(),
        "an unknown severity": json.dumps([[finding[0][0], "fatal", *finding[0][2:]]]).encode(),
        "a kind factcheck never emits": json.dumps([["bogus-kind", *finding[0][1:]]]).encode(),
        "a control character in a path": json.dumps([[*finding[0][:3], "f\x1b[2J.yaml", *finding[0][4:]]]).encode(),
        "line 0": json.dumps([[*finding[0][:4], 0, *finding[0][5:]]]).encode(),
    }


def test_every_prefix_of_an_entry_is_a_miss() -> None:
    valid = _valid_entry()
    assert decode_prepared(valid) is not None
    assert all(decode_prepared(valid[:end]) is None for end in range(len(valid)))


def test_damaged_entries_decode_to_nothing(tmp_path: Path) -> None:
    for name, blob in _damaged(tmp_path / "ran").items():
        assert (name, decode_prepared(blob)) == (name, None)
        assert (name, decode_findings(blob)) == (name, None)
    assert not (tmp_path / "ran").exists()


def _outcome(paths: list[Path], cwd: Path) -> tuple[list[tuple[Finding, str | None]], str]:
    report = engine.verify(paths, cwd=cwd)
    return [(finding, finding.acknowledged) for finding in report.findings], render(report, RenderOptions())


@pytest.mark.parametrize("damage", sorted(_damaged(Path("unused"))))
def test_a_damaged_cache_gives_the_output_of_no_cache(damage: str, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    dossier = generate(tmp_path / "dossier", 300, seed=3)
    dossier[0].write_text(dossier[0].read_text(encoding="utf-8").replace('quote: "', 'quote: "niet ', 1),
                          encoding="utf-8")
    cwd = dossier[0].parents[1]
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", "off")
    expected = _outcome(dossier, cwd)
    assert [finding.kind for finding, _ in expected[0]] == ["quote"]  # the altered quote is found
    cache = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(cache))
    _outcome(dossier, cwd)
    entries = sorted(cache.glob("*.json"))
    assert len(entries) == 2 * len(dossier)  # each file loaded, and its provenance findings
    marker = tmp_path / "ran"
    for entry in entries:
        entry.write_bytes(_damaged(marker)[damage])
    assert _outcome(dossier, cwd) == expected
    assert not marker.exists()
    assert _outcome(dossier, cwd) == expected  # the damaged entries were replaced by good ones


@pytest.mark.parametrize("module", ["cache", "cachecodec", "preload", "perfile", "parallel"])
def test_the_cache_never_imports_pickle(module: str) -> None:
    tree = ast.parse((REPO / "src" / "factcheck" / f"{module}.py").read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {(node.module or "").split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not imported & {"pickle", "marshal", "shelve", "dill", "cloudpickle"}
    assert "pickle" not in vars(cachecodec)

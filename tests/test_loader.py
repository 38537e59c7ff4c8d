"""The strict YAML loader: positions, duplicate keys, YAML 1.1 traps, refused features, bad bytes."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factbase import lines
from factcheck import loader
from factcheck.loader import CannotRead, load_file, load_text
from factcheck.located import MAX_DEPTH, LocatedDict, LocatedList


def load_clean(text: str) -> Any:
    """Load text that must produce no findings."""
    result = load_text(text, "f.yaml")
    assert lines(result.findings) == []
    return result.data


def found(text: str) -> list[str]:
    return lines(load_text(text, "f.yaml").findings)


# --- positions ------------------------------------------------------------------------------


def test_mapping_records_key_and_value_positions() -> None:
    data = load_clean("first: 1\nsecond:\n  nested: two\n")
    assert isinstance(data, LocatedDict)
    assert data.key_marks == {"first": (1, 1), "second": (2, 1)}
    assert data.marks == {"first": (1, 8), "second": (3, 3)}
    assert data["second"].key_marks == {"nested": (3, 3)}
    assert data["second"].marks == {"nested": (3, 11)}


def test_sequence_records_item_positions() -> None:
    data = load_clean("items:\n  - a\n  -   b\n  - [c, d]\n")
    items = data["items"]
    assert isinstance(items, LocatedList)
    assert items.marks == [(2, 5), (3, 7), (4, 5)]
    assert items[2].marks == [(4, 6), (4, 9)]


def test_columns_count_code_points_not_bytes() -> None:
    data = load_clean("x: {é€: 1, b: 2}\n")
    assert data["x"].key_marks == {"é€": (1, 5), "b": (1, 12)}
    assert data["x"].marks == {"é€": (1, 9), "b": (1, 15)}


def test_bom_is_accepted_and_does_not_shift_columns(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\n")
    result = load_file(path, "f.yaml")
    assert lines(result.findings) == []
    assert result.data == {"a": 1}
    assert result.data.key_marks == {"a": (1, 1)}


# --- duplicate keys: the finding stands at the second occurrence and names the first line -----


def test_duplicate_key_at_top_level() -> None:
    assert found("a: 1\nb: 2\na: 3\n") == ["f.yaml:3:1: error duplicate-key: duplicate key 'a' (first at line 1)"]


def test_duplicate_key_in_a_fact() -> None:
    text = "facts:\n  - id: x\n    value: 1\n    unit: persons\n    value: 2\n"
    assert found(text) == ["f.yaml:5:5: error duplicate-key: duplicate key 'value' (first at line 3)"]


def test_duplicate_key_in_a_nested_mapping() -> None:
    text = "facts:\n  - id: x\n    valid:\n      from: '2015'\n      from: '2016'\n"
    assert found(text) == ["f.yaml:5:7: error duplicate-key: duplicate key 'from' (first at line 4)"]


def test_duplicate_key_in_a_flow_mapping() -> None:
    assert found("v: {from: '2015', from: '2016'}\n") == [
        "f.yaml:1:19: error duplicate-key: duplicate key 'from' (first at line 1)"]


def test_duplicate_key_keeps_the_first_value() -> None:
    result = load_text("a: 1\na: 2\n", "f.yaml")
    assert result.data == {"a": 1}


# --- YAML 1.1 traps: typed the YAML 1.2 way --------------------------------------------------


@pytest.mark.parametrize("written", [".nan", ".inf", "-.inf"])
def test_not_a_number_and_infinity_are_refused(written: str) -> None:
    assert found(f"v: {written}\n") == [
        f"f.yaml:1:4: error non-finite: number {written} is not allowed: only finite numbers"]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("yes", "yes"), ("no", "no"), ("on", "on"), ("off", "off"), ("y", "y"), ("n", "n"),
        ("Yes", "Yes"), ("NO", "NO"),
        ("1:30", "1:30"), ("190:20:30", "190:20:30"),
        ("010", "010"), ("0x1F", "0x1F"), ("0o17", "0o17"), ("0b101", "0b101"),
        ("2015-10-02", "2015-10-02"), ("2001-12-14t21:59:43.10-05:00", "2001-12-14t21:59:43.10-05:00"),
        ("1e3", Decimal("1E+3")), ("1_000", "1_000"),
        ("true", True), ("false", False), ("True", True), ("FALSE", False),
        ("~", None), ("null", None), ("", None),
        ("0", 0), ("-7", -7), ("+3", 3), ("122", 122),
    ],
)
def test_scalars_are_typed_the_yaml_1_2_way(written: str, expected: object) -> None:
    value = load_clean(f"v: {written}\n")["v"]
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(
    ("written", "expected"),
    [("1.10", "1.10"), ("77.5", "77.5"), ("0.1", "0.1"), ("-2.50", "-2.50"), (".5", "0.5"), ("3.", "3"),
     ("1.5e3", "1.5E+3"), ("2.5E-2", "0.025")],
)
def test_non_integers_are_exact_decimals(written: str, expected: str) -> None:
    value = load_clean(f"v: {written}\n")["v"]
    assert type(value) is Decimal
    assert value == Decimal(expected)
    assert str(value) == str(Decimal(written))  # the written precision survives: 1.10 is not 1.1


@given(st.text(alphabet="0123456789.eE+-_:xob ntrueyfalsNYO~", max_size=12))
def test_a_plain_scalar_is_never_a_binary_float(written: str) -> None:
    """Whatever number-like text is written, the loader yields a str, int, Decimal, bool or None."""
    result = load_text(f"v: {written}\n", "f.yaml")
    if result.data is not None and "v" in result.data:
        assert type(result.data["v"]) in (str, int, Decimal, bool, type(None))


@given(st.text(max_size=200))
def test_any_text_loads_into_data_or_located_findings(text: str) -> None:
    """Any text at all gives data or findings inside the text, never an exception."""
    result = load_text(text, "f.yaml")
    assert result.data is not None or result.findings
    for finding in result.findings:
        assert 1 <= finding.location.line <= len(text.splitlines()) + 1


def test_quoted_numbers_stay_strings() -> None:
    assert load_clean("a: '77.5'\nb: \"4\"\n") == {"a": "77.5", "b": "4"}


# --- refused YAML features ------------------------------------------------------------------


def test_anchor_and_alias_are_each_located() -> None:
    assert found("a: &x [1]\nb: *x\n") == [
        "f.yaml:1:4: error alias: anchor &x: anchors are not allowed in a fact base",
        "f.yaml:2:4: error alias: alias *x (anchor at line 1): aliases are not allowed in a fact base",
    ]


def test_an_unused_anchor_is_refused_too() -> None:
    assert found("a: &x 1\n") == ["f.yaml:1:4: error alias: anchor &x: anchors are not allowed in a fact base"]


def test_ampersand_and_asterisk_inside_text_are_fine() -> None:
    assert load_clean("a: R&D * 2\nb: '&x *y'\n") == {"a": "R&D * 2", "b": "&x *y"}


def test_alias_bomb_is_not_expanded() -> None:
    """A billion laughs: nine levels of nine aliases each; expanding it would take 9**9 strings."""
    rows = ['a0: &a0 "lol"']
    rows += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    result = load_text("\n".join(rows) + "\n", "bomb.yaml")
    messages = lines(result.findings)
    assert messages[0] == "bomb.yaml:1:5: error alias: anchor &a0: anchors are not allowed in a fact base"
    assert messages[1] == "bomb.yaml:2:5: error alias: anchor &a1: anchors are not allowed in a fact base"
    assert messages[2] == ("bomb.yaml:2:10: error alias: alias *a0 (anchor at line 1): "
                           "aliases are not allowed in a fact base")
    assert len(messages) == 10 + 81
    assert result.data is None  # refused from the parse events, before anything is composed


def test_merge_key_is_refused_at_the_key() -> None:
    assert found("base: {a: 1}\nother:\n  <<: {a: 1}\n  b: 2\n") == [
        "f.yaml:3:3: error merge-key: merge keys (<<) are not allowed in a fact base"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: !!python/object:os.system {}\n",
         "f.yaml:1:4: error tag: tag !!python/object:os.system is not allowed"),
        ("a: !!python/object/apply:os.system ['true']\n",
         "f.yaml:1:4: error tag: tag !!python/object/apply:os.system is not allowed"),
        ("a:\n  b: !!binary aGVsbG8=\n",
         "f.yaml:2:6: error tag: tag !!binary is not allowed (on 'aGVsbG8=')"),
        ("a: !!set {x, y}\n", "f.yaml:1:4: error tag: tag !!set is not allowed"),
        ("a: !local 1\n", "f.yaml:1:4: error tag: tag !local is not allowed (on '1')"),
        ("a: !!timestamp 2015-10-02\n",
         "f.yaml:1:4: error tag: tag !!timestamp is not allowed (on '2015-10-02')"),
    ],
)
def test_foreign_tags_are_refused_with_location(text: str, expected: str) -> None:
    assert found(text) == [expected]


def test_core_tags_are_accepted() -> None:
    assert load_clean("a: !!str 1\nb: !!int 3\nc: !!float 1.5\n") == {"a": "1", "b": 3, "c": Decimal("1.5")}


def test_keys_must_be_plain_strings() -> None:
    assert found("1: a\n") == ["f.yaml:1:1: error key: mapping keys must be plain strings"]
    assert found("? [a, b]\n: c\n") == ["f.yaml:1:3: error key: mapping keys must be plain strings"]


# --- syntax errors, empty files, limits ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: [1\n", "f.yaml:2:1: error syntax: while parsing a flow sequence: did not find expected ',' or ']'"),
        ("a: b: c\n", "f.yaml:1:5: error syntax: mapping values are not allowed in this context"),
        ("a: 'x\n", "f.yaml:2:1: error syntax: while scanning a quoted scalar: found unexpected end of stream"),
        ("a: 1\n b: 2\n", "f.yaml:2:3: error syntax: mapping values are not allowed in this context"),
        ("a:\n\t- 1\n", "f.yaml:2:1: error syntax: while scanning for the next token: "
                        "found character that cannot start any token (a tab: YAML indents with spaces)"),
        ("a: *nowhere\n", "f.yaml:1:4: error alias: alias *nowhere: aliases are not allowed in a fact base"),
        ("a: 1\n---\nb: 2\n",
         "f.yaml:2:1: error syntax: expected a single document in the stream: but found another document"),
    ],
)
def test_syntax_errors_are_located_at_the_parsers_mark(text: str, expected: str) -> None:
    result = load_text(text, "f.yaml")
    assert result.data is None
    assert lines(result.findings) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("a: \x07\n", "f.yaml:1:4: error syntax: control character U+0007 is not allowed"),
    ("a: 1\néé: \x00\n",
     "f.yaml:2:5: error syntax: control character U+0000 is not allowed"),
])
def test_control_characters_are_located(text: str, expected: str) -> None:
    result = load_text(text, "f.yaml")
    assert result.data is None
    assert lines(result.findings) == [expected]


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n", "~\n", "null\n"])
def test_an_empty_file_is_a_finding(text: str) -> None:
    assert found(text) == ["f.yaml:1:1: error schema: the file is empty: expected a mapping"]


def test_non_utf8_bytes_are_located(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_bytes("a: één\nb: caf".encode() + b"\xe9\n")
    result = load_file(path, "f.yaml")
    assert result.data is None
    assert lines(result.findings) == ["f.yaml:2:7: error encoding: not UTF-8: byte 0xe9 cannot be decoded"]


def test_integers_are_capped_at_forty_digits() -> None:
    assert load_clean(f"a: {'9' * 40}\n") == {"a": int("9" * 40)}
    assert found(f"a: {'9' * 41}\n") == ["f.yaml:1:4: error limit: integer has more than 40 digits"]
    assert found(f"a: -{'1' * 5000}\n") == ["f.yaml:1:4: error limit: integer has more than 40 digits"]


def test_extreme_exponents_are_refused() -> None:
    assert found("a: 1.5e400\n") == ["f.yaml:1:4: error limit: number '1.5e400' is out of range (beyond 1e±100)"]


def test_a_file_over_the_size_cap_is_a_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 1024 * 1024)
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: 1\n" + b"#" * (1024 * 1024))
    result = load_file(path, "big.yaml")
    assert result.data is None
    assert lines(result.findings) == ["big.yaml:1:1: error limit: file is larger than 1 MiB"]


def test_a_missing_file_or_a_directory_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(CannotRead, match=r"^nope\.yaml: no such file$"):
        load_file(tmp_path / "nope.yaml", "nope.yaml")
    with pytest.raises(CannotRead, match=r"^dir: is a directory$"):
        load_file(tmp_path, "dir")


def test_deep_nesting_is_a_located_limit_not_a_recursion_error() -> None:
    """Nesting is capped at MAX_DEPTH from the parse events, before anything recursive runs."""
    depth = 900
    result = load_text("a: " + "[" * depth + "]" * depth + "\n", "f.yaml")
    assert result.data is None
    assert lines(result.findings) == [
        f"f.yaml:1:{MAX_DEPTH + 3}: error limit: nesting is deeper than {MAX_DEPTH} levels"]


def test_nesting_up_to_the_limit_loads() -> None:
    depth = MAX_DEPTH - 1  # the top-level mapping is one level
    data = load_clean("a: " + "[" * depth + "]" * depth + "\n")["a"]
    for _ in range(depth - 1):
        assert len(data) == 1
        data = data[0]
    assert data == []

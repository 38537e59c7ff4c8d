"""The JSON Schema: it is itself valid, it ships with the package, and its errors are located."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from conftest import REPO
from factbase import build, fact, fact_base_yaml, lines, rule
from factcheck.rules import explicit_kinds
from factcheck.schema import load_schema, schema_text

SCHEMA_FILE = REPO / "schema" / "facts.schema.json"
DATE_HELP = ("a date as precise as the source: 2015-10-02, 2016-10, 2015, 2015-08-early / -mid / -late "
             "(begin, medio, eind), 2015-H1, or a range A/B.")


def schema_lines(text: str) -> list[str]:
    base, findings = build(text)
    assert base is None
    return lines(findings)


def test_schema_is_a_valid_draft7_schema() -> None:
    Draft7Validator.check_schema(load_schema())
    assert load_schema()["$schema"] == "http://json-schema.org/draft-07/schema#"


def test_schema_in_use_is_the_one_in_the_repository() -> None:
    assert json.loads(schema_text()) == json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))


def test_the_wheel_ships_the_schema_unchanged(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(REPO)],
                   check=True, capture_output=True)
    (wheel,) = tmp_path.glob("factcheck-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        packaged = archive.read("factcheck/data/facts.schema.json")
    assert packaged == SCHEMA_FILE.read_bytes()


def test_the_shipped_fact_base_names_the_schema_in_its_first_line() -> None:
    first = (REPO / "facts.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=./schema/facts.schema.json"
    assert (REPO / "facts.yaml").parent.joinpath("schema/facts.schema.json").resolve() == SCHEMA_FILE


# --- every error at the offending value -----------------------------------------------------


def test_wrong_type_of_value_is_located_at_the_value() -> None:
    assert schema_lines(fact_base_yaml([fact("a", [1, 2])])) == [
        "facts.yaml:12:12: error schema: value must be a number, a date (2015-10-02, 2016-10, 2015, "
        "2015-08-early, A/B) or {min, max}, not [1, 2] (at facts/0/value)"]


@pytest.mark.parametrize(("written", "shown"), [
    ("ten", "'ten'"), ("true", "true"), ("1:30", "'1:30'"), ("{min: 1}", "{'min': 1}"),
    ("{min: 1, max: 2, mid: 1}", "{'min': 1, 'max': 2, 'mid': 1}"), ("{min: '1', max: 2}", "{'min': '1', 'max': 2}")])
def test_every_kind_of_bad_value_is_the_same_located_finding(written: str, shown: str) -> None:
    text = fact_base_yaml() + f"facts:\n  - id: a\n    quantity: q\n    value: {written}\n" \
                              "    unit: persons\n    section: S\n    quote: q\n"
    assert schema_lines(text) == [
        "facts.yaml:12:12: error schema: value must be a number, a date (2015-10-02, 2016-10, 2015, "
        f"2015-08-early, A/B) or {{min, max}}, not {shown} (at facts/0/value)"]


def test_unknown_key_is_located_at_the_key() -> None:
    assert schema_lines(fact_base_yaml([fact("a", colour="red")])) == [
        "facts.yaml:14:5: error schema: unknown key 'colour' (at facts/0)"]


@pytest.mark.parametrize(("key", "closest"), [("qualifer", "qualifier"), ("quote_", "quote")])
def test_a_misspelt_key_suggests_the_allowed_key(key: str, closest: str) -> None:
    assert schema_lines(fact_base_yaml([fact("a", **{key: "x"})])) == [
        f"facts.yaml:14:5: error schema: unknown key {key!r}; did you mean {closest!r}? (at facts/0)"]


def test_unknown_top_level_key_is_located_at_the_key() -> None:
    assert schema_lines(fact_base_yaml() + "extra: 1\n") == ["facts.yaml:9:1: error schema: unknown key 'extra'"]


def test_unknown_keys_in_a_flow_mapping_are_located_at_the_first() -> None:
    rules = "rules:\n  - {id: r, kind: sum, total: a, parts: [b, c], zz: 1, yy: 2}\n"
    text = fact_base_yaml([fact("a"), fact("b"), fact("c")]) + rules
    assert schema_lines(text) == ["facts.yaml:29:49: error schema: unknown keys ['yy', 'zz'] (at rules/0)"]


def test_missing_required_key_is_located_at_the_mapping() -> None:
    text = fact_base_yaml() + "facts:\n  - id: a\n    quantity: q\n    value: 1\n    unit: persons\n    section: S\n"
    assert schema_lines(text) == ["facts.yaml:10:5: error schema: missing required key 'quote' (at facts/0)"]


def test_several_missing_keys_make_one_finding_that_names_them_all() -> None:
    text = fact_base_yaml() + "facts:\n  - id: a\n    value: 1\n    unit: persons\n    section: S\n"
    assert schema_lines(text) == [
        "facts.yaml:10:5: error schema: missing required keys ['quantity', 'quote'] (at facts/0)"]


def test_missing_key_of_a_rule_kind_is_located_at_the_rule() -> None:
    text = fact_base_yaml([fact("a"), fact("b")], [rule("r", "sum", total="a")])
    assert schema_lines(text) == ["facts.yaml:23:5: error schema: missing required key 'parts' (at rules/0)"]


@pytest.mark.parametrize("day", ["2015-02-30", "2015-13-01", "2015-11-2", "02-11-2015", "2015-11"])
def test_document_date_is_checked_as_a_format(day: str) -> None:
    assert schema_lines(fact_base_yaml(document={"date": day})) == [
        f"facts.yaml:4:9: error schema: '{day}' is not a 'date' (at document/date)"]


def test_bad_qualifier_is_located_at_the_qualifier() -> None:
    text = fact_base_yaml([fact("a", qualifier="roughly")])
    assert schema_lines(text) == [
        "facts.yaml:14:16: error schema: 'roughly' is not one of ['exact', 'circa', 'more_than', 'almost', "
        "'at_least', 'at_most', 'probably'] (at facts/0/qualifier)"]


def test_bad_date_in_validity_explains_the_date_syntax() -> None:
    text = fact_base_yaml([fact("a", valid={"from": "2015-13"})])
    assert schema_lines(text) == [
        f"facts.yaml:14:19: error schema: '2015-13' is not in the expected form: {DATE_HELP} (at facts/0/valid/from)"]


def test_facts_without_a_document_are_located_at_facts() -> None:
    expected = ["facts.yaml:2:1: error schema: 'facts' needs 'document'"]
    text = fact_base_yaml([fact("a")])
    assert schema_lines("# a comment\n" + text[text.index("facts:"):]) == expected


def test_unknown_rule_kind_is_located_at_the_kind() -> None:
    text = fact_base_yaml([fact("a"), fact("b")], [rule("r", "product", total="a")])
    assert schema_lines(text) == [
        f"facts.yaml:24:11: error schema: 'product' is not one of {sorted(spec.name for spec in explicit_kinds())} "
        "(at rules/0/kind)"]


@pytest.mark.parametrize(("text", "expected"), [
    ("- a\n", "facts.yaml:1:1: error schema: the file holds a list: expected a mapping"),
    ("just text\n", "facts.yaml:1:1: error schema: the file holds a string: expected a mapping"),
])
def test_a_file_that_is_not_a_mapping(text: str, expected: str) -> None:
    assert schema_lines(text) == [expected]


def test_the_shipped_fact_base_is_schema_valid() -> None:
    base, findings = build((REPO / "facts.yaml").read_text(encoding="utf-8"))
    assert lines(findings) == []
    assert base is not None

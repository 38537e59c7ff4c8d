"""The compiled schema check (factcheck.fastschema) against jsonschema, the reference."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.fastschema import Unsupported, compile_schema
from factcheck.loader import load_file
from factcheck.schema import fast_validator, load_schema, validator

FAST = compile_schema(load_schema())
REPO = Path(__file__).resolve().parents[1]
CORPUS = [REPO / "facts.yaml", *sorted((REPO / "tests" / "bad_inputs").glob("*.yaml"))]

ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._:/-]{0,10}", fullmatch=True)
dates = st.sampled_from(["2015-10-02", "2016-10", "2015", "2015-08-early", "2015-H1", "2015-09-07/2015-09-09",
                         "2015-02-29", "2015-13", "15-10-02", "2015-10-02\n", "2015-10-mid/2016"])
numbers = st.integers(-10**6, 10**6) | st.decimals(allow_nan=False, allow_infinity=False, places=2,
                                                   min_value=-10**6, max_value=10**6)
percents = st.sampled_from(["5%", "10.5%", "5", "%", "5%\n", "x%"])
texts = st.sampled_from(["", "a", "Financiën", "x" * 11, "two words"])
junk = st.sampled_from([None, True, False, 0, 1, Decimal("1.5"), -3, "", "x", "1 x", "-a", "A", "2015-10-02",
                        "2015-13-01", "a\n", [], {}, ["a", "a"], ["a", "b"], [1, True], {"min": 1},
                        {"min": 1, "max": 2}, "sum", "agreement", "error", "circa", "exact", "nl", "10%"])

document = st.fixed_dictionaries(
    {"id": ids, "title": texts, "date": dates, "language": st.sampled_from(["nl", "en-GB", "NL", "n"]),
     "source": texts})
fact = st.fixed_dictionaries(
    {"id": ids, "quantity": ids,
     "value": numbers | dates | st.fixed_dictionaries({"min": numbers, "max": numbers}),
     "unit": st.sampled_from(["EUR million", "persons", "date", ""]), "section": texts, "quote": texts},
    optional={"qualifier": st.sampled_from(["exact", "circa", "more_than", "roughly"]),
              "precision": numbers, "tolerance": percents,
              "valid": st.fixed_dictionaries({}, optional={"from": dates, "until": dates}),
              "note": texts})
refs = st.lists(ids, min_size=0, max_size=4)
rule = st.one_of(
    st.fixed_dictionaries({"id": ids, "kind": st.just("sum"), "total": ids, "parts": refs},
                          optional={"severity": st.sampled_from(["error", "off", "fatal"]), "note": texts}),
    st.fixed_dictionaries({"id": ids, "kind": st.sampled_from(["agreement", "order"]), "facts": refs},
                          optional={"severity": st.sampled_from(["warning"])}),
)
fact_file = st.fixed_dictionaries(
    {},
    optional={
        "document": document,
        "settings": st.fixed_dictionaries({}, optional={
            "tolerances": st.dictionaries(st.sampled_from(["circa", "almost", "often"]), percents, max_size=2),
            "severity": st.dictionaries(st.sampled_from(["sum", "agreement"]), st.sampled_from(["off", "loud"]),
                                        max_size=2)}),
        "units": st.dictionaries(st.sampled_from(["missiles", "1bad", "drones"]),
                                 st.sampled_from(["weapons", "bad dim"]), max_size=2),
        "facts": st.lists(fact, max_size=3),
        "rules": st.lists(rule, max_size=2),
        "acknowledged": st.lists(st.fixed_dictionaries(
            {"rule": ids, "reason": texts}, optional={"facts": refs}), max_size=2),
        "coverage": st.fixed_dictionaries({}, optional={"exclude": st.lists(st.fixed_dictionaries(
            {"text": texts, "reason": texts}), max_size=2)}),
    })


def _mutate(data: Any, draw: Any) -> Any:
    """Replace, delete or add one thing somewhere in `data` (a random path)."""
    root = {"": copy.deepcopy(data)}
    parent: Any = root
    key: Any = ""
    while draw(st.booleans()):
        node = parent[key]
        if isinstance(node, dict) and node:
            parent, key = node, draw(st.sampled_from(sorted(node)))
        elif isinstance(node, list) and node:
            parent, key = node, draw(st.integers(0, len(node) - 1))
        else:
            break
    action = draw(st.sampled_from(["replace", "delete", "add"]))
    node = parent[key]
    if action == "delete" and isinstance(parent, dict) and key != "":
        del parent[key]
    elif action == "add" and isinstance(node, dict):
        node[draw(st.sampled_from(["extra", "id", "kind", "min", "facts", "document"]))] = draw(junk)
    elif action == "add" and isinstance(node, list):
        node.append(draw(junk) if draw(st.booleans()) or not node else copy.deepcopy(node[0]))
    else:
        parent[key] = draw(junk)
    return root[""]


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(fact_file, st.data())
def test_fast_verdict_equals_jsonschema(data: dict[str, Any], mutations: st.DataObject) -> None:
    """For any fact-file-shaped instance, valid or mutated, the fast check says valid exactly when jsonschema does."""
    assert FAST(data) == validator().is_valid(data)
    mutated = _mutate(data, mutations.draw)
    assert FAST(mutated) == validator().is_valid(mutated)


@pytest.mark.parametrize(("schema", "instance", "valid"), [
    ({"type": "string", "pattern": "^a$"}, "a\n", True),  # jsonschema uses re.search: $ matches before \n
    ({"type": "number", "exclusiveMinimum": 0}, True, False),  # a bool is not a number
    ({"exclusiveMinimum": 0}, True, True),  # ...so numeric keywords ignore it
    ({"$ref": "#/$defs/x", "type": "number", "$defs": {"x": {"type": "string"}}}, "s", True),  # draft 7
    ({"format": "date"}, "2015-02-29", False),
    ({"format": "date"}, "0000-01-01", False),  # date.fromisoformat refuses year 0 (fastjsonschema's regex does not)
    ({"format": "date"}, "2015-10-02\n", False),
    ({"type": "number", "exclusiveMinimum": 0}, Decimal("0.5"), True),  # the loader's non-integers
    ({"type": "number", "maximum": 10**40}, 10**40 + 1, False),  # exact, no float rounding
    ({"format": "date"}, 20150229, True),
    ({"uniqueItems": True}, ["a", "b", "a"], False),
    ({"dependencies": {"facts": ["document"]}}, {"facts": []}, False),
    ({"oneOf": [{"type": "number"}, {"minimum": 1}]}, 2, False),
    ({"if": {"const": "a"}, "then": {"minLength": 2}}, "a", False),
    ({"propertyNames": {"pattern": "^[a-z]+$"}}, {"A": 1}, False),
    ({"minProperties": 1}, {}, False),
])
def test_keywords_follow_jsonschema(schema: dict[str, Any], instance: Any, valid: bool) -> None:
    """Each keyword gives the verdict jsonschema gives, including its corner cases."""
    from jsonschema import Draft7Validator, FormatChecker

    assert Draft7Validator(schema, format_checker=FormatChecker()).is_valid(instance) is valid
    assert compile_schema(schema)(instance) is valid


def test_corpus_verdicts_equal_jsonschema() -> None:
    """The shipped base and every bad input that loads as a mapping get jsonschema's verdict."""
    mappings = {path.name: data for path in CORPUS if isinstance(data := load_file(path, path.name).data, dict)}
    verdicts = {name: validator().is_valid(data) for name, data in mappings.items()}
    assert {name for name, data in mappings.items() if FAST(data) != verdicts[name]} == set()
    assert set(verdicts.values()) == {True, False}  # the corpus holds both kinds


def test_mixed_unique_items_are_left_to_jsonschema() -> None:
    """uniqueItems over non-strings answers "invalid" so that jsonschema decides (it equates 1 and 1.0)."""
    assert compile_schema({"uniqueItems": True})([1, True]) is False


@pytest.mark.parametrize("schema", [{"patternProperties": {}}, {"format": "email"}, {"enum": [1]},
                                    {"$ref": "http://example.com/s.json"}, {"items": [{}]}])
def test_unknown_keywords_are_refused(schema: dict[str, Any]) -> None:
    """A schema beyond the subset is refused at compile time, never half-checked."""
    with pytest.raises(Unsupported):
        compile_schema(schema)


def test_shipped_schema_compiles() -> None:
    """The shipped schema is within the subset, so clean runs never import jsonschema."""
    assert fast_validator() is not None

# ruff: noqa: E501  (the expected output lines are long)
"""The schema knows every explicit rule kind, and a malformed rule is a located schema finding."""

from __future__ import annotations

from typing import Any

import pytest

from factbase import check
from factcheck.rules import RULE_KINDS, explicit_kinds
from factcheck.schema import load_schema

#: the kind names the schema lists, as it lists them (derived: a new kind needs no edit here)
EXPLICIT_NAMES = sorted(spec.name for spec in explicit_kinds())

EXPLICIT = [spec.name for spec in explicit_kinds()]


def test_every_schema_kind_has_a_module_and_every_explicit_kind_a_schema_entry() -> None:
    defs = load_schema()["$defs"]
    kinds = defs["rule"]["properties"]["kind"]["enum"]
    assert set(kinds) <= set(RULE_KINDS)
    assert sorted(kinds) == sorted(EXPLICIT)
    dispatched = [branch["if"]["properties"]["kind"]["const"] for branch in defs["rule"]["allOf"]]
    assert sorted(dispatched) == sorted(EXPLICIT)
    assert all(branch["then"] == {"$ref": f"#/$defs/{branch['if']['properties']['kind']['const']}"}
               for branch in defs["rule"]["allOf"])


DAY = [{"id": "d", "value": "2015-10-28", "unit": "date"}]


def test_a_misspelt_option_suggests_the_kind_s_option() -> None:
    outcome = check(DAY, [{"id": "w", "kind": "order", "first": "d", "second": "d", "relaton": "after"}])
    assert (outcome.lines, outcome.exit_code) == ([
        "facts.yaml:17:5: error schema: missing required key 'relation' (at rules/0)",
        "facts.yaml:21:5: error schema: unknown key 'relaton'; did you mean 'relation'? (at rules/0)"], 1)


@pytest.mark.parametrize(("rule", "line"), [
    ({"id": "w", "kind": "weekday", "fact": "d"},
     "facts.yaml:17:5: error schema: missing required key 'weekday' (at rules/0)"),
    ({"id": "w", "kind": "weekdays", "fact": "d"},
     f"facts.yaml:18:11: error schema: 'weekdays' is not one of {EXPLICIT_NAMES}; did you mean 'weekday'? (at rules/0/kind)"),
    ({"id": "w", "kind": "order", "first": "d", "second": "d", "relation": "later"},
     "facts.yaml:21:15: error schema: 'later' is not one of ['before', 'after', 'same', 'not_after', 'not_before']; did you mean 'after'? (at rules/0/relation)"),
    ({"id": "w", "kind": "relative", "fact": "d", "tense": "past", "extra": 1},
     "facts.yaml:21:5: error schema: unknown key 'extra' (at rules/0)"),
])
def test_a_malformed_rule_is_one_located_finding(rule: dict[str, Any], line: str) -> None:
    outcome = check(DAY, [rule])
    assert (outcome.lines, outcome.exit_code) == ([line], 1)

"""Fuzzing `factcheck verify`: random bytes, random YAML, and random well-shaped fact bases.

The fact bases come from a strategy derived from schema/facts.schema.json itself (`from_schema`),
with ids, units, values and dates drawn from small pools so that rules name facts that exist and
facts share quantities; a rule kind added to the schema is fuzzed without touching this file.

Profiles (not hypothesis's global profile, which other test files may set):

    pytest tests/test_fuzz.py                              # "ci": a few thousand examples
    HYPOTHESIS_PROFILE=long pytest tests/test_fuzz.py      # 50 times as many
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from factcheck.schema import load_schema
from robustness_support import CORPUS, Outcome, assert_well_behaved, invoke, invoke_subprocess

SCALE = {"ci": 1, "long": 50}[os.environ.get("HYPOTHESIS_PROFILE", "ci")]


def fuzz_settings(examples: int) -> settings:
    return settings(max_examples=examples * SCALE, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


#: `file:line:col: severity kind: message`: every finding is located.
LOCATED = re.compile(r"^[^\n]+:\d+:\d+: (error|warning|info) [a-z][a-z0-9-]*: .+$")


def check_contract(outcome: Outcome) -> None:
    """No traceback, and - facts.yaml being a readable file - exit 0 or 1, never 2: exit 2 here could
    only be an internal error, a crash in one line; every finding is located; exit 1 iff an error."""
    assert_well_behaved(outcome)
    assert outcome.exit in (0, 1), outcome
    assert outcome.stdout.endswith("\n"), outcome
    for line in outcome.finding_lines():  # indented lines are context a formatter may add
        assert line.startswith(" ") or LOCATED.match(line), (line, outcome)
    assert outcome.exit == (1 if outcome.error_count() else 0), outcome


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scratch repository with the corpus's source text; each example overwrites facts.yaml."""
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / ".git").mkdir()
    (folder / "sources").mkdir()
    (folder / "sources" / "letter.txt").write_bytes((CORPUS / "sources" / "letter.txt").read_bytes())
    return folder


def verify_bytes(folder: Path, data: bytes, *, subprocess: bool = False) -> Outcome:
    (folder / "facts.yaml").write_bytes(data)
    return (invoke_subprocess if subprocess else invoke)(["verify", "facts.yaml"], folder)


# --- random bytes and random YAML ----------------------------------------------------------------

BASE = (CORPUS / "sum-cycle.yaml").read_bytes()
TOKENS = ["- ", ": ", ":", "&a ", "*a", "!!python/object/apply:os.system ", "!x ", "<<: ", "[", "]", "{", "}",
          ", ", "\n", "  ", "\t", "'", '"', "\\x01", "\\ud800", "? ", "---\n", "...\n", "# c", "|\n", ">-\n",
          "%YAML 1.1\n", "!!binary ", "!!int ", "!!float ", "document:", "facts:", "rules:", "id: a", "value: ",
          "unit: ", "1e999", "010", "1:30", ".nan", "yes", "~", "2015-02-30", "\ufeff", "é", "\x85", "\u2028"]

yaml_soup = st.lists(st.sampled_from(TOKENS) | st.text(max_size=5), max_size=60).map("".join)
json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.decimals(allow_nan=False, allow_infinity=False).map(str)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20)


@st.composite
def mutated_base(draw: st.DrawFn) -> bytes:
    """The corpus's valid-shaped fact base with a few bytes inserted, deleted or replaced."""
    data = bytearray(BASE)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        cut = draw(st.integers(0, 8))
        data[at:at + cut] = draw(st.binary(max_size=8) | st.sampled_from(TOKENS).map(str.encode))
    return bytes(data)


@fuzz_settings(1000)
@given(data=st.binary(max_size=3000) | mutated_base())
def test_random_bytes(repository: Path, data: bytes) -> None:
    """Whatever bytes facts.yaml holds, verify exits 0, 1 or 2 without a traceback, every finding located."""
    check_contract(verify_bytes(repository, data))


@fuzz_settings(1000)
@given(text=yaml_soup | json_like.map(lambda value: yaml.safe_dump(value, allow_unicode=True)))
def test_random_yaml(repository: Path, text: str) -> None:
    """Whatever YAML-like text facts.yaml holds, verify keeps its contract."""
    check_contract(verify_bytes(repository, text.encode("utf-8", "surrogatepass")))


# --- random well-shaped fact bases, derived from the schema --------------------------------------

FACT_IDS = ["a", "b", "c", "d"]
#: Three units come up often, so that rules meet facts of one dimension (all dates, all money …).
UNITS = ["date", "EUR million", "persons"] * 3 + [
    "EUR", "USD thousand", "aircraft", "percent", "days", "months", "ordinal", "missiles"]
TEXTS = ["Financiën", "opgehoogd naar 122 miljoen euro", "Daarvan is 77,5 miljoen euro bestemd", "x", "é ü"]

real_days = st.dates(date(2014, 1, 1), date(2016, 12, 31)).map(date.isoformat)
#: Mostly real days: one impossible date blocks the rules for the whole base (the corpus has them).
days = st.one_of(real_days, real_days, real_days, st.builds(
    lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}", st.integers(2014, 2016), st.integers(1, 12), st.integers(1, 31)))
single_dates = days | st.builds(lambda y, m, p: f"{y}-{m:02d}{p}", st.integers(2014, 2016), st.integers(1, 12),
                                st.sampled_from(["", "-early", "-mid", "-late"])) | st.sampled_from(["2015", "2015-H2"])
dates = single_dates | st.builds(lambda a, b: f"{min(a, b)}/{max(a, b)}", single_dates, single_dates)
numbers = st.integers(0, 10**6) | st.decimals(min_value=0, max_value=10**9, allow_nan=False, places=2)
ranges = st.builds(lambda lo, hi: {"min": min(lo, hi), "max": max(lo, hi)}, numbers, numbers)

#: Free text without control characters (those are one finding that would hide all others).
PRINTABLE = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs"))

#: Where the schema's own strategy would mostly produce noise (random ids that name nothing), draw
#: from small pools instead; keys are JSON pointers into the schema (with /properties/NAME steps).
OVERRIDES: dict[str, st.SearchStrategy[Any]] = {
    "#/$defs/factRef": st.sampled_from(FACT_IDS),
    "#/$defs/id": st.sampled_from(["r1", "r2", "r3"]),
    "#/$defs/date": dates,
    "#/$defs/fact/properties/id": st.sampled_from(FACT_IDS),
    "#/$defs/fact/properties/quantity": st.sampled_from(["q1", "q2", "q3"]),
    "#/$defs/fact/properties/unit": st.sampled_from(UNITS),
    "#/$defs/fact/properties/value": numbers | dates | ranges,
    "#/$defs/fact/properties/section": st.sampled_from(TEXTS),
    "#/$defs/fact/properties/quote": st.sampled_from(TEXTS),
    "#/$defs/document/properties/date": days,
    "#/$defs/document/properties/source": st.sampled_from(["sources/letter.txt"] * 8 + [
        "sources/missing.txt", "../../../../../../../../etc/passwd"]),
    "#/$defs/fact/properties/precision": st.sampled_from([Decimal("0.1"), 1, 1000]),
    "#/$defs/fact/properties/valid": st.one_of(
        real_days.map(lambda day: {"from": day}), real_days.map(lambda day: {"until": day}),
        st.builds(lambda a, b: {"from": min(a, b), "until": max(a, b)}, real_days, real_days),
        dates.map(lambda day: {"from": day})),
    "#/properties/units": st.just({"missiles": "weapons"}) | st.just({}),
    "#/$defs/acknowledgement/properties/rule": st.sampled_from(["r1", "sum", "agreement"]),
}


def with_constants(condition: Mapping[str, Any]) -> Callable[[Any], Any]:
    """Set the properties an ``if`` tests with ``const`` (a rule's ``kind``) on a generated mapping."""
    constants = {name: sub["const"] for name, sub in condition.get("properties", {}).items() if "const" in sub}
    return lambda value: {**value, **constants} if isinstance(value, dict) else value


def from_schema(schema: Mapping[str, Any], overrides: Mapping[str, st.SearchStrategy[Any]],
                unique_by: Mapping[str, str], start: str = "#") -> st.SearchStrategy[Any]:
    """A strategy for documents shaped by a JSON Schema (the draft-07 subset facts.schema.json uses).

    `overrides` replace the strategy at a JSON pointer; arrays at a pointer in `unique_by` hold
    mappings that differ in that key.  Keywords it does not know are ignored: the result may then
    be invalid, which verify must take too.
    """

    def resolve(ref: str) -> Mapping[str, Any]:
        node: Any = schema
        for step in ref.removeprefix("#/").split("/"):
            node = node[step]
        result: Mapping[str, Any] = node
        return result

    def build(node: Mapping[str, Any], pointer: str) -> st.SearchStrategy[Any]:
        if pointer in overrides:
            return overrides[pointer]
        if "$ref" in node:
            ref = node["$ref"]
            return st.deferred(lambda: build(resolve(ref), ref))
        if "const" in node:
            return st.just(node["const"])
        if "enum" in node:
            return st.sampled_from(node["enum"])
        branches = node.get("oneOf") or node.get("anyOf")
        if branches and node.get("type") == "object":  # a mapping with one of several keys (a coverage exclusion)
            keys = {name for branch in branches for name in branch["required"]}
            return st.one_of([mapping({**node, "required": [*node.get("required", []), *branch["required"]],
                                       "properties": {name: sub for name, sub in node["properties"].items()
                                                      if name not in keys or name in branch["required"]}}, pointer)
                              for branch in branches])
        if branches:
            return st.one_of([build(branch, pointer) for branch in branches])
        conditional = [part for part in node.get("allOf", []) if "then" in part]
        if conditional:  # a rule: one of the kinds' shapes, with the constants its `if` tests for
            return st.one_of([build(part["then"], pointer).map(with_constants(part.get("if", {})))
                              for part in conditional])
        kind = node.get("type")
        if kind == "object":
            return mapping(node, pointer)
        if kind == "array":
            items = build(node.get("items", {}), pointer + "/items")
            size = {"min_size": node.get("minItems", 0), "max_size": max(node.get("minItems", 0), 5)}
            if pointer in unique_by:
                key = unique_by[pointer]
                return st.lists(items, unique_by=lambda item: item.get(key) if isinstance(item, dict) else item, **size)
            return st.lists(items, unique=bool(node.get("uniqueItems")), **size)
        if kind == "string":
            if "pattern" in node:
                # printable only: a pattern such as "\\S" would otherwise draw control characters
                text = st.from_regex(node["pattern"], fullmatch=True, alphabet=PRINTABLE)
            else:
                text = st.text(PRINTABLE, min_size=node.get("minLength", 0), max_size=30)
            return text.filter(lambda value: len(value) <= node.get("maxLength", 1000))
        if kind == "integer":  # a line number
            return st.integers(node.get("minimum", 0), 10**6)
        if kind == "number":
            return numbers
        return json_like

    def mapping(node: Mapping[str, Any], pointer: str) -> st.SearchStrategy[Any]:
        properties = node.get("properties", {})
        dependencies = node.get("dependencies", {})
        always = set(node.get("required", [])) | set(dependencies)
        always |= {name for names in dependencies.values() for name in names}
        fields = {name: build(sub, f"{pointer}/properties/{name}") for name, sub in properties.items()}
        fixed = st.fixed_dictionaries({name: fields[name] for name in fields if name in always},
                                      optional={name: fields[name] for name in fields if name not in always})
        extra = node.get("additionalProperties")
        if isinstance(extra, Mapping):
            names = st.from_regex(node.get("propertyNames", {}).get("pattern", r"^[a-z]+$"), fullmatch=True)
            return st.dictionaries(names, build(extra, pointer + "/additionalProperties"), max_size=3)
        return fixed

    return build(resolve(start) if start != "#" else schema, start)


class _Dumper(yaml.SafeDumper):
    """Writes Decimals as YAML numbers, exactly as written (``1E+3``, ``77.50``), and never an alias."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


_Dumper.add_representer(Decimal, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:float", str(value)))

def coherent(fact: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """A value that suits the unit (a date for ``date``), so that more bases reach the rules; the
    corpus and the random YAML cover the mismatches."""
    suitable = dates if fact.get("unit") == "date" else numbers | ranges
    return suitable.map(lambda value: {**fact, "value": value})


def numbered(ids: Sequence[str]) -> Callable[[list[dict[str, Any]]], list[dict[str, Any]]]:
    """Give the items of a list the ids in order: distinct by construction (drawing unique ids from a
    small pool would reject many lists)."""
    return lambda items: [{**item, "id": name} for item, name in zip(items, ids, strict=False)]


#: Enough facts, with distinct ids, that rules mostly name facts that exist.
OVERRIDES["#/properties/facts"] = st.lists(
    from_schema(load_schema(), OVERRIDES, {}, "#/$defs/fact").flatmap(coherent),
    min_size=3, max_size=len(FACT_IDS)).map(numbered(FACT_IDS))
OVERRIDES["#/properties/rules"] = st.lists(from_schema(load_schema(), OVERRIDES, {}, "#/$defs/rule"),
                                           min_size=1, max_size=3).map(numbered(["r1", "r2", "r3"]))


def one_unit(base: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    """The same base with every fact in one unit, so that rules meet facts they can relate (or all dates)."""
    facts = base.get("facts") or []

    def restate(unit: str) -> st.SearchStrategy[dict[str, Any]]:
        values = dates if unit == "date" else numbers | ranges
        return st.lists(values, min_size=len(facts), max_size=len(facts)).map(lambda drawn: {
            **base, "facts": [{**fact, "unit": unit, "value": value} for fact, value in zip(facts, drawn, strict=True)],
        })

    return st.sampled_from(UNITS).flatmap(restate)


#: Schema-shaped bases, always with rules, mostly with all facts in one unit.
fact_bases: st.SearchStrategy[dict[str, Any]] = st.builds(
    lambda base, rules: {**base, "rules": base.get("rules") or rules},
    from_schema(load_schema(), OVERRIDES, {}), OVERRIDES["#/properties/rules"],
).flatmap(lambda base: st.one_of(st.just(base), one_unit(base), one_unit(base)))


def dump(base: Mapping[str, Any]) -> bytes:
    return yaml.dump(base, Dumper=_Dumper, allow_unicode=True, sort_keys=False).encode("utf-8")


def test_the_strategy_reaches_the_rules() -> None:
    """The schema-derived strategy is not vacuous: it produces bases that pass the schema and reach rules."""
    from factcheck.loader import load_text
    from factcheck.schema import validate

    reached: list[bool] = []

    @settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
    @given(fact_bases)
    def sample(base: dict[str, Any]) -> None:
        loaded = load_text(dump(base).decode("utf-8"), "facts.yaml")
        reached.append(not loaded.findings and not validate(loaded.data, "facts.yaml"))
        event("passes the schema" if reached[-1] else "fails the schema")

    sample()
    # nearly every base is valid by construction (the rare exception: an impossible document date)
    assert sum(reached) >= 0.9 * len(reached), (sum(reached), len(reached))


@fuzz_settings(500)
@given(base=fact_bases)
def test_random_fact_bases(repository: Path, base: dict[str, Any]) -> None:
    """Whatever a schema-shaped fact base states, verify keeps its contract."""
    check_contract(verify_bytes(repository, dump(base)))


@fuzz_settings(200)
@given(base=fact_bases)
def test_warnings_alone_do_not_fail(repository: Path, base: dict[str, Any]) -> None:
    """With --strict, exit 1 exactly when there is an error or a warning line."""
    (repository / "facts.yaml").write_bytes(dump(base))
    outcome = invoke(["verify", "--strict", "facts.yaml"], repository)
    assert_well_behaved(outcome)
    flagged = [line for line in outcome.finding_lines() if re.match(r"^[^ ].*?:\d+:\d+: (error|warning) ", line)]
    assert outcome.exit == (1 if flagged else 0), outcome


@fuzz_settings(8)
@given(data=mutated_base() | fact_bases.map(dump))
def test_in_a_real_process(repository: Path, data: bytes) -> None:
    """Through a real interpreter (as pre-commit runs it), the contract holds too."""
    check_contract(verify_bytes(repository, data, subprocess=True))

"""Building the fact base: what the schema cannot see, each at the exact place it is written."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factbase import build, fact, fact_base_yaml, lines, rule
from factcheck.findings import Location
from factcheck.model import FieldLocations


def model_lines(text: str) -> list[str]:
    _, findings = build(text)
    return lines(findings)


def test_unknown_unit_is_located_at_the_unit() -> None:
    assert model_lines(fact_base_yaml([fact("a", unit="furlongs")])) == [
        "facts.yaml:13:11: error unit: unknown unit 'furlongs'; declare it under `units:`"]


@pytest.mark.parametrize(("unit", "closest"), [
    ("EUR thousands", "EUR thousand"),  # a scale word misspelt
    ("persns", "persons"),  # a base unit
    ("peopl", "people"),  # an alias
    ("missile", "missiles"),  # a declared unit
    ("missile million", "missiles million"),  # a declared unit with a scale word
])
def test_unknown_unit_suggests_the_closest_known_spelling(unit: str, closest: str) -> None:
    assert model_lines(fact_base_yaml([fact("a", unit=unit)], units={"missiles": "weapons"})) == [
        f"facts.yaml:15:11: error unit: unknown unit {unit!r}; did you mean {closest!r}? "
        "(or declare it under `units:`)"]


def test_declared_unit_is_known() -> None:
    base, findings = build(fact_base_yaml([fact("a", 3, "missiles")], units={"missiles": "weapons"}))
    assert lines(findings) == []
    assert base is not None
    assert base.facts["a"].unit.dimension == "custom:weapons"


def test_impossible_date_value_is_located_at_the_value() -> None:
    assert model_lines(fact_base_yaml([fact("a", "2015-02-30", "date")])) == [
        "facts.yaml:12:12: error date: impossible date '2015-02-30': day is out of range for month"]


def test_impossible_date_in_validity_is_located_at_the_bound() -> None:
    assert model_lines(fact_base_yaml([fact("a", valid={"from": "2015-01", "until": "2015-02-29"})])) == [
        "facts.yaml:14:37: error date: valid until: impossible date '2015-02-29': day is out of range for month"]


def test_validity_that_ends_before_it_starts_is_located_at_until() -> None:
    assert model_lines(fact_base_yaml([fact("a", valid={"from": "2015-10", "until": "2015-09"})])) == [
        "facts.yaml:14:37: error date: validity ends (2015-09) before it starts (2015-10)"]


def test_a_date_range_that_ends_before_it_starts() -> None:
    assert model_lines(fact_base_yaml([fact("a", "2015-10/2015-09", "date")])) == [
        "facts.yaml:12:12: error date: range '2015-10/2015-09' ends before it starts"]


@pytest.mark.parametrize(("value", "unit", "expected"), [
    ("2015-10-02", "persons", "unit 'persons' needs a number as value"),
    (4, "date", "unit 'date' needs a date string as value"),
    ({"min": 9, "max": 3}, "persons", "min 9 is greater than max 3"),
])
def test_value_that_does_not_fit_its_unit(value: object, unit: str, expected: str) -> None:
    assert model_lines(fact_base_yaml([fact("a", value, unit)])) == [f"facts.yaml:12:12: error value-type: {expected}"]


def test_rule_naming_an_unknown_fact_is_located_at_the_name() -> None:
    text = fact_base_yaml([fact("a"), fact("b")], [rule("r", "sum", total="nope", parts=["a", "gone"])])
    assert model_lines(text) == [
        "facts.yaml:25:12: error reference: rule 'r' names unknown fact 'nope'",
        "facts.yaml:26:18: error reference: rule 'r' names unknown fact 'gone'",
    ]


def test_rule_naming_a_misspelt_fact_suggests_the_closest_fact_id() -> None:
    text = fact_base_yaml([fact("budget"), fact("training"), fact("air")],
                          [rule("r", "sum", total="budjet", parts=["training", "air"])])
    assert model_lines(text) == [
        "facts.yaml:31:12: error reference: rule 'r' names unknown fact 'budjet'; did you mean 'budget'?"]


def test_a_fact_that_failed_to_build_is_not_also_an_unknown_reference() -> None:
    text = fact_base_yaml([fact("a", unit="furlongs"), fact("b"), fact("c")],
                   [rule("r", "sum", total="a", parts=["b", "c"])])
    base, findings = build(text)
    assert lines(findings) == ["facts.yaml:13:11: error unit: unknown unit 'furlongs'; declare it under `units:`"]
    assert base is not None
    assert base.rules == []


def test_duplicate_fact_id_is_located_at_the_second_and_names_the_first() -> None:
    assert model_lines(fact_base_yaml([fact("a"), fact("b"), fact("a", 2)])) == [
        "facts.yaml:22:5: error duplicate-id: duplicate fact id 'a' (first at facts.yaml:10:5)"]


def test_duplicate_of_a_fact_that_failed_to_build_is_still_a_duplicate() -> None:
    assert model_lines(fact_base_yaml([fact("a", unit="furlongs"), fact("a")])) == [
        "facts.yaml:13:11: error unit: unknown unit 'furlongs'; declare it under `units:`",
        "facts.yaml:16:5: error duplicate-id: duplicate fact id 'a' (first at facts.yaml:10:5)",
    ]


def test_duplicate_rule_id() -> None:
    text = fact_base_yaml([fact("a"), fact("b"), fact("c")],
                   [rule("r", "sum", total="a", parts=["b", "c"]), rule("r", "agreement", facts=["a", "b"])])
    assert model_lines(text) == [
        "facts.yaml:33:5: error duplicate-id: duplicate rule id 'r' (first at facts.yaml:29:5)"]


@pytest.mark.parametrize(("value", "unit", "extra", "nominal", "loose"), [
    (Decimal("77.5"), "EUR million", {}, "[77450000, 77550000)", "[77450000, 77550000)"),
    (122, "EUR million", {}, "[121500000, 122500000)", "[121500000, 122500000)"),
    (-3, "EUR million", {}, "(-3500000, -2500000]", "(-3500000, -2500000]"),
    (130, "persons", {}, "130", "130"),
    (360, "EUR million", {"qualifier": "circa"}, "[359500000, 360500000)", "[341500000, 378500000)"),
    (220, "persons", {"qualifier": "circa", "tolerance": "10%"}, "220", "[198, 242]"),
    (100, "persons", {"qualifier": "more_than"}, "(100, 101]", "(100, 110]"),
    (100, "EUR million", {"qualifier": "more_than"}, "(100000000, 100500000)", "(100000000, 110500000)"),
    (100, "persons", {"qualifier": "almost"}, "[99, 100)", "[90, 100)"),
    (100, "persons", {"qualifier": "at_least"}, "[100, ∞)", "[100, ∞)"),
    (100, "persons", {"qualifier": "at_most"}, "[0, 100]", "[0, 100]"),
    (250000, "persons", {"precision": 1000}, "[249500, 250500)", "[249500, 250500)"),
    ({"min": 20, "max": 99}, "persons", {}, "[20, 99]", "[20, 99]"),
])
def test_magnitude_in_base_units(value: object, unit: str, extra: dict[str, object], nominal: str, loose: str) -> None:
    """Rounding covers a half-open interval (half away from zero), more_than and almost exclude the value,
    at_least and at_most include it; in base units (EUR, not millions)."""
    base, findings = build(fact_base_yaml([fact("a", value, unit, **extra)]))
    assert lines(findings) == []
    assert base is not None
    size = base.facts["a"].magnitude
    assert size is not None
    assert (str(size.nominal), str(size.loose)) == (nominal, loose)


@given(marks=st.dictionaries(st.text(min_size=1, max_size=8), st.tuples(st.integers(1, 2**31), st.integers(1, 2**20)),
                             max_size=12),
       absent=st.text(min_size=1, max_size=8))
def test_field_locations_are_the_marks_as_locations(marks: dict[str, tuple[int, int]], absent: str) -> None:
    """The compact field locations read back exactly the marks they were made from, in order."""
    fields = FieldLocations("f.yaml", tuple(marks), marks.values())
    assert list(fields.items()) == [(key, Location("f.yaml", line, column)) for key, (line, column) in marks.items()]
    assert len(fields) == len(marks)
    if absent not in marks:
        assert fields.get(absent) is None
        with pytest.raises(KeyError):
            fields[absent]

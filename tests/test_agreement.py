"""The agreement rule: examples with exact findings, and its properties."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from hypothesis import event, given
from hypothesis import strategies as st

from factbase import build, fact, fact_base_yaml, lines, rule
from factcheck.findings import Finding
from factcheck.model import FactBase
from factcheck.rules import agreement


def built(text: str) -> FactBase:
    base, findings = build(text)
    assert lines(findings) == []
    assert base is not None
    return base


def agreement_lines(*facts: dict[str, Any], rules: tuple[dict[str, Any], ...] = ()) -> list[str]:
    return lines(agreement.check(built(fact_base_yaml(facts, rules))))


INCLUSIVE = ("exact", "circa", "probably", "at_least", "at_most")


# --- examples -------------------------------------------------------------------------------


def test_a_history_is_not_a_conflict() -> None:
    assert agreement_lines(fact("before", 6, "aircraft", quantity="f16", valid={"until": "2015-10-02"}),
                           fact("after", 4, "aircraft", quantity="f16", valid={"from": "2015-10-03"})) == []


def test_different_values_at_the_same_time_conflict_at_the_later_fact() -> None:
    assert agreement_lines(fact("before", 6, "aircraft", quantity="f16", valid={"until": "2015-10-03"}),
                           fact("after", 4, "aircraft", quantity="f16", valid={"from": "2015-10-03"})) == [
        "facts.yaml:17:5: error agreement: quantity f16: after states 4 aircraft (section 'Example'), "
        "before states 6 aircraft (section 'Example'), both valid at the same time"]


def test_facts_without_validity_hold_at_all_times() -> None:
    assert agreement_lines(fact("a", 6, "aircraft", quantity="f16"),
                           fact("b", 4, "aircraft", quantity="f16", valid={"from": "2030"})) == [
        "facts.yaml:16:5: error agreement: quantity f16: b states 4 aircraft (section 'Example'), "
        "a states 6 aircraft (section 'Example'), both valid at the same time"]


def test_agreement_only_within_a_vague_tolerance_is_a_warning() -> None:
    assert agreement_lines(fact("a", 220, "persons", quantity="q", qualifier="circa"),
                           fact("b", 230, "persons", quantity="q")) == [
        "facts.yaml:17:5: warning agreement: quantity q: b states 230 persons (section 'Example'), "
        "a states circa 220 persons (section 'Example'), both valid at the same time "
        "(they agree only within the vague tolerance)"]


def test_precision_makes_values_agree() -> None:
    assert agreement_lines(fact("a", Decimal("7.5"), "EUR million", quantity="q"),
                           fact("b", 7540000, "EUR", quantity="q")) == []


def test_every_pair_is_reported_and_each_finding_lists_every_mention() -> None:
    facts = [fact(name, value, quantity="q") for name, value in (("a", 1), ("b", 2), ("c", 3))]
    findings = list(agreement.check(built(fact_base_yaml(facts))))
    assert [(str(f.location), f.facts) for f in findings] == [
        ("facts.yaml:16:5", ("a", "b")), ("facts.yaml:22:5", ("a", "c")), ("facts.yaml:22:5", ("b", "c"))]
    assert [str(r.location) for r in findings[0].related] == ["facts.yaml:10:5", "facts.yaml:16:5", "facts.yaml:22:5"]


def test_dates_agree_when_their_days_overlap() -> None:
    assert agreement_lines(fact("a", "2016-10", "date", quantity="end"),
                           fact("b", "2016-10-02", "date", quantity="end")) == []
    assert agreement_lines(fact("a", "2016-10", "date", quantity="end"),
                           fact("b", "2016-11-01", "date", quantity="end")) == [
        "facts.yaml:16:5: error agreement: quantity end: b states 2016-11-01 (section 'Example'), "
        "a states 2016-10 (section 'Example'), both valid at the same time"]


def test_units_of_different_dimensions_cannot_be_compared() -> None:
    assert agreement_lines(fact("a", 4, "aircraft", quantity="q"), fact("b", 4, "persons", quantity="q")) == [
        "facts.yaml:16:5: error dimension: quantity q: b states 4 persons (section 'Example'), "
        "a states 4 aircraft (section 'Example'): aircraft and persons cannot be compared"]


def test_an_explicit_rule_compares_across_quantities_and_validity() -> None:
    findings = list(agreement.check(built(fact_base_yaml(
        [fact("a", 6, "aircraft", valid={"until": "2015"}), fact("b", 4, "aircraft", valid={"from": "2016"})],
        [rule("same", "agreement", facts=["a", "b"])]))))
    assert lines(findings) == [
        "facts.yaml:17:5: error agreement: agreement same: b states 4 aircraft (section 'Example'), "
        "a states 6 aircraft (section 'Example')"]
    assert findings[0].rule_id == "same"


# --- properties -----------------------------------------------------------------------------

#: non-negative: a count cannot be negative (only money and ratios can), and the units below include persons
values = st.builds(lambda units, places: Decimal(units).scaleb(-places),
                   st.integers(min_value=0, max_value=10**5), st.integers(min_value=0, max_value=2))
qualifiers = st.sampled_from(["exact", "circa", "more_than", "almost", "at_least", "at_most", "probably"])
units = st.sampled_from(["persons", "EUR million", "EUR thousand", "percent"])
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2039, 12, 30))


def verdict(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(finding.kind, finding.severity.value) for finding in findings]


@given(values, values, qualifiers, qualifiers, days, st.integers(min_value=1, max_value=4000), units)
def test_facts_with_disjoint_validity_never_conflict(first: Decimal, second: Decimal, hedge1: str, hedge2: str,
                                                     until: date, gap: int, unit: str) -> None:
    """Facts of one quantity whose validity does not overlap never conflict, whatever their values."""
    start = until + timedelta(days=gap)
    assert agreement_lines(
        fact("a", first, unit, quantity="q", qualifier=hedge1, valid={"until": until.isoformat()}),
        fact("b", second, unit, quantity="q", qualifier=hedge2, valid={"from": start.isoformat()})) == []


@given(values, st.sampled_from(INCLUSIVE), st.sampled_from(INCLUSIVE), units)
def test_the_same_value_hedged_inclusively_is_never_an_error(value: Decimal, hedge1: str, hedge2: str,
                                                             unit: str) -> None:
    """Two facts stating the same value of one quantity, neither hedge excluding it (exact, circa, probably,
    at least, at most), never conflict; at worst they meet only at that one value, a warning."""
    found = agreement_lines(fact("a", value, unit, quantity="q", qualifier=hedge1),
                            fact("b", value, unit, quantity="q", qualifier=hedge2))
    event("meet only at the value" if found else "agree")
    assert all(line.endswith("(they agree only at a single boundary point)") and " warning " in line
               for line in found)


@given(values, units)
def test_more_than_and_almost_the_same_value_conflict(value: Decimal, unit: str) -> None:
    """"meer dan v" and "bijna v" never agree: one lies above v, the other below it, and neither reaches it."""
    found = agreement_lines(fact("a", value, unit, quantity="q", qualifier="more_than"),
                            fact("b", value, unit, quantity="q", qualifier="almost"))
    assert found == [f"facts.yaml:17:5: error agreement: quantity q: b states almost {value} {unit} (section "
                     f"'Example'), a states more than {value} {unit} (section 'Example'), both valid at the same time"]


@given(days, days)
def test_the_same_date_never_conflicts_with_itself(first: date, second: date) -> None:
    """A date range and a day inside it never conflict."""
    low, high = sorted((first, second))
    assert agreement_lines(fact("a", f"{low.isoformat()}/{high.isoformat()}", "date", quantity="q"),
                           fact("b", high.isoformat(), "date", quantity="q")) == []


@given(values, qualifiers, qualifiers, units, units, st.data())
def test_the_verdict_is_symmetric(first: Decimal, hedge1: str, hedge2: str, unit1: str, unit2: str,
                                  data: st.DataObject) -> None:
    """Swapping which fact comes first never changes the verdict."""
    nearby = st.sampled_from(["1", "1.03", "1.06", "0.95", "0.9"]).map(lambda ratio: first * Decimal(ratio))
    second = data.draw(nearby | values)
    a = fact("a", first, unit1, quantity="q", qualifier=hedge1)
    b = fact("b", second, unit2, quantity="q", qualifier=hedge2)
    assert verdict(list(agreement.check(built(fact_base_yaml([a, b]))))) == \
        verdict(list(agreement.check(built(fact_base_yaml([b, a])))))


@given(st.integers(1, 999), st.integers(-700, 700) | st.sampled_from([-501, -500, 499, 500, 501]))
def test_a_finer_figure_agrees_with_a_coarser_one_exactly_when_it_rounds_to_it(millions: int, offset: int) -> None:
    """Of one quantity, a figure in EUR thousand and one in EUR million agree exactly when the thousands, as
    stated, round half up to the millions: 59 million is not a table's 59.500 thousand (that rounds to 60),
    though their rounding intervals meet, which the message then explains."""
    thousands = millions * 1000 + offset
    rounds = (Decimal(thousands) / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP) == millions
    event("rounds to it" if rounds else "at the open end" if offset == 500 else "does not round to it")
    found = agreement_lines(fact("a", millions, "EUR million", quantity="q"),
                            fact("b", thousands, "EUR thousand", quantity="q"))
    why = (f" ({thousands} EUR thousand does not round to {millions} EUR million, which covers "
           f"[{millions - Decimal('0.5')}, {millions + Decimal('0.5')}) EUR million)") if offset == 500 else ""
    assert found == ([] if rounds else [
        f"facts.yaml:16:5: error agreement: quantity q: b states {thousands} EUR thousand (section 'Example'), "
        f"a states {millions} EUR million (section 'Example'), both valid at the same time{why}"])

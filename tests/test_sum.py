"""The sum rule: examples with exact findings, and the properties that make it trustworthy."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from factbase import build, fact, fact_base_yaml, lines, rule
from factcheck.findings import Finding
from factcheck.model import FactBase
from factcheck.rules import sum as sum_rule


def built(text: str) -> FactBase:
    base, findings = build(text)
    assert lines(findings) == []
    assert base is not None
    return base


def sum_lines(text: str) -> list[str]:
    return lines(sum_rule.check(built(text)))


def budget(air: object = Decimal("77.5"), total: object = 122, **total_extra: object) -> str:
    """The letter's 2015 budget: total on line 10, parts on 16 and 22, the rule on 29 (each key of
    `total_extra` moves the parts and the rule a line down)."""
    return fact_base_yaml(
        [fact("budget", total, "EUR million", **total_extra), fact("air", air, "EUR million"),
         fact("training", Decimal("44.5"), "EUR million")],
        [rule("split", "sum", total="budget", parts=["air", "training"])])


# --- examples -------------------------------------------------------------------------------


def test_parts_that_add_up_pass() -> None:
    assert sum_lines(budget()) == []


def test_parts_that_do_not_add_up_fail_at_the_rule() -> None:
    assert sum_lines(budget(air=Decimal("75.5"))) == [
        "facts.yaml:29:5: error sum: sum split: parts air + training = [119.9, 120.1) EUR million, "
        "but total budget = [121.5, 122.5) EUR million"]


def test_the_finding_names_every_fact_with_its_place() -> None:
    (finding,) = sum_rule.check(built(budget(air=Decimal("75.5"))))
    assert finding.facts == ("budget", "air", "training")
    assert finding.rule_id == "split"
    assert [(str(r.location), r.message) for r in finding.related] == [
        ("facts.yaml:10:5", "budget = 122 EUR million (section 'Example'): \u201cThe statement of budget.\u201d"),
        ("facts.yaml:16:5", "air = 75.5 EUR million (section 'Example'): \u201cThe statement of air.\u201d"),
        ("facts.yaml:22:5", "training = 44.5 EUR million (section 'Example'): \u201cThe statement of training.\u201d"),
    ]


def test_written_precision_is_respected() -> None:
    """122 in millions covers [121.5, 122.5): what rounds to 122, and 122.5 rounds to 123, so parts that
    can only make 122.5 or more do not add up to it."""
    assert sum_lines(budget(air=Decimal("78.0"))) == []
    assert sum_lines(budget(air=Decimal("78.1"))) == [
        "facts.yaml:29:5: error sum: sum split: parts air + training = [122.5, 122.7) EUR million, "
        "but total budget = [121.5, 122.5) EUR million"]


def test_a_sum_that_holds_only_within_a_vague_tolerance_is_a_warning() -> None:
    assert sum_lines(budget(total=118, qualifier="circa")) == [
        "facts.yaml:30:5: warning sum: sum split: parts air + training = [121.9, 122.1) EUR million, "
        "but total budget = [117.5, 118.5) EUR million (holds only within the vague tolerance)"]
    assert sum_lines(budget(total=115, qualifier="circa")) == [
        "facts.yaml:30:5: error sum: sum split: parts air + training = [121.9, 122.1) EUR million, "
        "but total budget = [108.75, 121.25) EUR million"]


def test_units_convert_within_a_dimension() -> None:
    text = fact_base_yaml(
        [fact("total", 1, "EUR billion"), fact("a", 600, "EUR million"), fact("b", 400000, "EUR thousand")],
        [rule("r", "sum", total="total", parts=["a", "b"])])
    assert sum_lines(text) == []


def test_different_dimensions_never_add_up() -> None:
    text = fact_base_yaml([fact("total", 10, "EUR"), fact("a", 5, "EUR"), fact("b", 5, "persons")],
                     [rule("r", "sum", total="total", parts=["a", "b"])])
    assert sum_lines(text) == [
        "facts.yaml:29:5: error dimension: sum r: mixes dimensions (total in EUR, a in EUR, b in persons)"]


def test_dates_cannot_be_added() -> None:
    text = fact_base_yaml([fact("a", "2015-10", "date"), fact("b", "2015-11", "date"), fact("c", "2015-12", "date")],
                     [rule("r", "sum", total="a", parts=["b", "c"])])
    assert sum_lines(text) == ["facts.yaml:29:5: error dimension: sum r: total a is in date, but must be a number"]


# --- properties -----------------------------------------------------------------------------

#: a non-negative amount in millions with 0 to 3 decimals, as a curator would write it
amounts = st.builds(lambda units, places: Decimal(units).scaleb(-places),
                    st.integers(min_value=0, max_value=10**5), st.integers(min_value=0, max_value=3))
qualifiers = st.sampled_from(["exact", "circa", "more_than", "almost", "at_least", "at_most", "probably"])


def sum_text(values: Sequence[Decimal], unit: str = "EUR million", hedges: Sequence[str] = (),
             steps: Sequence[Decimal] = ()) -> str:
    """A sum rule `r` over facts total, part0, part1, … holding `values` (the total first), with
    optional qualifiers and rounding steps in the same order."""
    names = ["total", *(f"part{n}" for n in range(len(values) - 1))]
    facts = []
    for n, (name, value) in enumerate(zip(names, values, strict=True)):
        extra: dict[str, object] = {}
        if hedges:
            extra["qualifier"] = hedges[n]
        if steps:
            extra["precision"] = steps[n]
        facts.append(fact(name, value, unit, **extra))
    return fact_base_yaml(facts, [rule("r", "sum", total="total", parts=names[1:])])


def verdict(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(finding.kind, finding.severity.value) for finding in findings]


def near(exact: Decimal) -> st.SearchStrategy[Decimal]:
    """A total at, near or far from the exact sum, so that passes, warnings and errors all occur."""
    offsets = st.sampled_from(["0", "0.1", "-0.6", "1", "-4", "5.5", "30", "-250"])
    return offsets.map(lambda offset: exact + Decimal(offset))


def half_step(amount: Decimal) -> Decimal:
    """Half the rounding step of an amount in EUR million, read from how it is written."""
    exponent = amount.as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(1).scaleb(min(exponent, 0)) / 2


def written_sum(parts: list[Decimal]) -> Decimal:
    return sum(parts, Decimal(0))


@given(st.lists(amounts, min_size=2, max_size=6))
def test_a_total_written_as_the_exact_sum_of_its_parts_passes(parts: list[Decimal]) -> None:
    """A total that is exactly the sum of its parts always passes."""
    assert sum_lines(sum_text([written_sum(parts), *parts])) == []


@given(st.lists(amounts, min_size=2, max_size=6), st.data())
def test_a_part_off_by_more_than_the_combined_precision_fails(parts: list[Decimal], data: st.DataObject) -> None:
    """Moving one part by more than all stated precisions together always makes the sum an error."""
    total = written_sum(parts)
    slack = sum((half_step(value) for value in [total, *parts]), Decimal(0))
    index = data.draw(st.integers(min_value=0, max_value=len(parts) - 1))
    step = 2 * half_step(parts[index])
    shift = (slack // step + 1) * step  # the smallest change in the part's own digits beyond the slack
    changed = [*parts]
    changed[index] = parts[index] + data.draw(st.sampled_from([shift, -shift]))
    assert verdict(list(sum_rule.check(built(sum_text([total, *changed]))))) == [("sum", "error")]


@given(st.lists(amounts, min_size=2, max_size=5), st.lists(qualifiers, min_size=6, max_size=6), st.data())
def test_the_order_of_parts_never_matters(parts: list[Decimal], hedges: list[str], data: st.DataObject) -> None:
    """Listing the parts in any order gives the same verdict."""
    total = data.draw(near(written_sum(parts)))
    order = data.draw(st.permutations(range(len(parts))))
    first = sum_rule.check(built(sum_text([total, *parts], hedges=hedges[:len(parts) + 1])))
    second = sum_rule.check(built(sum_text([total, *(parts[i] for i in order)],
                                           hedges=[hedges[0], *(hedges[1 + i] for i in order)])))
    assert verdict(list(first)) == verdict(list(second))


@given(st.lists(amounts, min_size=2, max_size=5), st.lists(qualifiers, min_size=6, max_size=6), st.data())
def test_restating_millions_as_thousands_never_changes_the_verdict(parts: list[Decimal], hedges: list[str],
                                                                   data: st.DataObject) -> None:
    """The same amounts in EUR thousand, with the same rounding step, give the same verdict as in EUR million."""
    total = data.draw(near(written_sum(parts)))
    values = [total, *parts]
    thousands = [(value * 1000).quantize(Decimal(1)) for value in values]
    steps = [2 * half_step(value) * 1000 for value in values]
    hedges = hedges[:len(values)]
    in_millions = sum_rule.check(built(sum_text(values, hedges=hedges)))
    in_thousands = sum_rule.check(built(sum_text(thousands, "EUR thousand", hedges=hedges, steps=steps)))
    assert verdict(list(in_millions)) == verdict(list(in_thousands))

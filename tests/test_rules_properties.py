# ruff: noqa: E501  (one-sentence invariants are long)
"""Invariants of the rule kinds, each stated in one sentence in its test's docstring."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import Any

from hypothesis import event, given, settings
from hypothesis import strategies as st

from factbase import check
from factcheck.dates import add_months
from factcheck.rules import explicit_kinds
from factcheck.rules.spec import Choice, FactRefs, Option, Text, Texts
from factcheck.rules.weekday import DUTCH, ENGLISH

TENTH = Decimal("0.1")
PROPERTY = settings(max_examples=40, deadline=None)

thousandths = st.integers(0, 10**7).map(lambda i: Decimal(i).scaleb(-3))
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))
day_names = st.sampled_from(ENGLISH + DUTCH).flatmap(
    lambda name: st.sampled_from([name, name.upper(), name.capitalize()]))


def money(fact_id: str, value: Decimal, unit: str = "EUR million", **extra: Any) -> dict[str, Any]:
    return {"id": fact_id, "value": value, "unit": unit, **extra}


def rounded(value: Decimal) -> Decimal:
    return value.quantize(TENTH, rounding=ROUND_HALF_EVEN)


def inclusion(total: str, parts: list[str], rule_id: str = "incl") -> dict[str, Any]:
    return {"id": rule_id, "kind": "inclusion", "total": total, "parts": parts}


def span(first: date, length: int) -> str:
    """A date interval of `length` + 1 days in the fact base's date syntax."""
    last = first + timedelta(length)
    return first.isoformat() if length == 0 else f"{first.isoformat()}/{last.isoformat()}"


@PROPERTY
@given(parts=st.lists(thousandths, min_size=1, max_size=4), extra=thousandths)
def test_inclusion_rounding_every_value_to_its_precision_never_creates_a_finding(
        parts: list[Decimal], extra: Decimal) -> None:
    """When the true parts fit in the true total, stating every value rounded to a tenth never yields a finding."""
    total = sum(parts, extra)
    facts = [money("total", rounded(total))] + [money(f"p{i}", rounded(v)) for i, v in enumerate(parts)]
    assert check(facts, [inclusion("total", [f"p{i}" for i in range(len(parts))])]).lines == []


@PROPERTY
@given(parts=st.lists(thousandths, min_size=1, max_size=4), which=st.integers(0, 3), excess=st.integers(1, 10**5))
def test_inclusion_perturbing_a_part_beyond_the_combined_precision_always_creates_an_error(
        parts: list[Decimal], which: int, excess: int) -> None:
    """Raising one part of an exact split by more than the parts' and total's half-steps together is always an error."""
    stated = [rounded(v) for v in parts]
    total = sum(stated, Decimal(0))
    combined = TENTH / 2 * (len(stated) + 1)
    stated[which % len(stated)] += combined + Decimal(excess).scaleb(-3)
    facts = [money("total", total)] + [money(f"p{i}", v) for i, v in enumerate(stated)]
    outcome = check(facts, [inclusion("total", [f"p{i}" for i in range(len(stated))])])
    assert outcome.verdicts == {("inclusion", "error", "incl", None)}


def restated(fact: dict[str, Any]) -> dict[str, Any]:
    """The same value in EUR thousand: a thousand times the number, a thousand times the rounding step."""
    step = Decimal(1).scaleb(fact["value"].as_tuple().exponent)
    return {**fact, "value": fact["value"] * 1000, "unit": "EUR thousand", "precision": step * 1000}


@PROPERTY
@given(values=st.lists(thousandths.map(rounded), min_size=3, max_size=5), low=thousandths, high=thousandths,
       qualifier=st.sampled_from(["exact", "circa", "more_than", "almost", "at_most"]))
def test_restating_values_in_another_scale_never_changes_a_verdict(
        values: list[Decimal], low: Decimal, high: Decimal, qualifier: str) -> None:
    """Restating every EUR million value as EUR thousand (with its rounding step) gives inclusion, sum, bound and ratio the same verdicts."""
    facts = [money(f"v{i}", v, precision=TENTH) for i, v in enumerate(values)]
    facts[0]["qualifier"] = qualifier
    facts.append({"id": "share", "value": Decimal(50), "unit": "percent", "qualifier": "circa"})
    bound: dict[str, Any] = {"id": "bound", "kind": "bound", "fact": "v1", "min": min(low, high), "max": max(low, high)}
    rules: list[dict[str, Any]] = [
        inclusion("v0", ["v1", "v2"]),
        {"id": "sum", "kind": "sum", "total": "v0", "parts": [f"v{i}" for i in range(1, len(values))]},
        {"id": "ratio", "kind": "ratio", "part": "v1", "whole": "v0", "share": "share"},
    ]
    in_thousands = [restated(fact) if fact["unit"] == "EUR million" else fact for fact in facts]
    # a bound is in its fact's own unit, so its limits scale with it
    bound_thousands = {**bound, "min": bound["min"] * 1000, "max": bound["max"] * 1000}
    assert check(in_thousands, [*rules, bound_thousands]).verdicts == check(facts, [*rules, bound]).verdicts


@PROPERTY
@given(value=thousandths, low=thousandths, high=thousandths)
def test_bound_verdict_is_whether_the_rounded_value_can_lie_within_the_limits(
        value: Decimal, low: Decimal, high: Decimal) -> None:
    """A value stated to a tenth passes a bound exactly when its half-step interval meets [min, max], else it is an error."""
    low, high = min(low, high), max(low, high)
    stated = rounded(value)
    outcome = check([money("v", stated)], [{"id": "b", "kind": "bound", "fact": "v", "min": low, "max": high}])
    meets = stated - TENTH / 2 <= high and stated + TENTH / 2 >= low
    assert outcome.verdicts == (set() if meets else {("bound", "error", "b", None)})


@PROPERTY
@given(before=st.integers(0, 50), after=st.integers(0, 50))
def test_change_direction_matches_exact_values(before: int, after: int) -> None:
    """With exact counts, an increase passes exactly when the value rises, a decrease exactly when it falls."""
    facts = [{"id": "a", "value": before, "unit": "aircraft"}, {"id": "b", "value": after, "unit": "aircraft"}]
    rules = [{"id": d, "kind": "change", "from": "a", "to": "b", "direction": d} for d in ("increase", "decrease")]
    failing = {rule_id for _, _, rule_id, _ in check(facts, rules).verdicts}
    assert failing == ({"increase"} if after <= before else set()) | ({"decrease"} if after >= before else set())


@PROPERTY
@given(first=days, second=days)
def test_order_on_single_days_agrees_with_datetime(first: date, second: date) -> None:
    """On single days every relation passes exactly when Python's date comparison says it holds."""
    expected = {"before": first < second, "after": first > second, "same": first == second,
                "not_after": first <= second, "not_before": first >= second}
    facts = [{"id": "x", "value": first.isoformat(), "unit": "date"},
             {"id": "y", "value": second.isoformat(), "unit": "date"}]
    rules = [{"id": r, "kind": "order", "first": "x", "second": "y", "relation": r} for r in expected]
    failing = {rule_id for _, _, rule_id, _ in check(facts, rules).verdicts}
    assert failing == {relation for relation, holds in expected.items() if not holds}


def order_verdicts(dates: dict[str, str], pairs: list[tuple[str, str, str]]) -> set[str]:
    """The ids (first-second-relation) of the order rules that fail: are errors (no days satisfy them)."""
    facts = [{"id": name, "value": value, "unit": "date"} for name, value in dates.items()]
    rules = [{"id": f"{a}-{b}-{r}", "kind": "order", "first": a, "second": b, "relation": r} for a, b, r in pairs]
    return {rule_id or "" for _, severity, rule_id, _ in check(facts, rules).verdicts if severity == "error"}


@st.composite
def overlapping_lengths(draw: st.DrawFn) -> tuple[int, int, int]:
    """Two interval lengths and b's start relative to a's, such that each interval has a day before the
    other's last (so both orders pass), unless they are too short for that: random dates rarely overlap."""
    a_len, b_len = draw(st.integers(0, 40)), draw(st.integers(0, 40))
    lowest, highest = (-b_len + 1, a_len - 1) if a_len + b_len >= 2 else (-b_len, a_len)
    return a_len, b_len, draw(st.integers(lowest, highest))


@PROPERTY
@given(a=days, lengths=overlapping_lengths())
def test_order_over_intervals_is_antisymmetric(a: date, lengths: tuple[int, int, int]) -> None:
    """`a before b` and `b before a` both pass only when the two intervals overlap, and never for two single days."""
    a_len, b_len, offset = lengths
    b = a + timedelta(offset)
    failing = order_verdicts({"a": span(a, a_len), "b": span(b, b_len)}, [("a", "b", "before"), ("b", "a", "before")])
    event("both orders pass" if not failing else "an order fails")
    if not failing:
        assert a <= b + timedelta(b_len)
        assert b <= a + timedelta(a_len)
        assert a_len + b_len > 0


@PROPERTY
@given(b=days, a_lead=st.integers(1, 60), a_len=st.integers(0, 40), c_lag=st.integers(1, 60), c_len=st.integers(0, 40))
def test_order_is_transitive_through_a_single_day(b: date, a_lead: int, a_len: int, c_lag: int, c_len: int) -> None:
    """If `a before b` and `b before c` pass for a single day b, `a before c` passes too."""
    a, c = b - timedelta(a_lead), b + timedelta(c_lag - c_len)  # a starts before b, c ends after it
    failing = order_verdicts({"a": span(a, a_len), "b": b.isoformat(), "c": span(c, c_len)},
                             [("a", "b", "before"), ("b", "c", "before"), ("a", "c", "before")])
    assert not failing & {"a-b-before", "b-c-before"}  # the premises hold in every example
    assert "a-c-before" not in failing


@PROPERTY
@given(start=days, length=st.integers(0, 400), unit=st.sampled_from(["days", "weeks", "months", "years"]),
       offset=st.integers(-3, 3))
def test_duration_end_is_start_plus_length_in_calendar_arithmetic(start: date, length: int, unit: str, offset: int) -> None:
    """A whole-number length from a single day passes exactly when the end is start + length (timedelta for days and weeks, calendar months for months and years)."""
    steps = {"days": lambda: start + timedelta(days=length), "weeks": lambda: start + timedelta(weeks=length),
             "months": lambda: add_months(start, length), "years": lambda: add_months(start, 12 * length)}
    end = steps[unit]() + timedelta(days=offset)
    facts: list[dict[str, Any]] = [{"id": "s", "value": start.isoformat(), "unit": "date"}, {"id": "l", "value": length, "unit": unit},
             {"id": "e", "value": end.isoformat(), "unit": "date"}]
    outcome = check(facts, [{"id": "d", "kind": "duration", "start": "s", "length": "l", "end": "e"}])
    assert outcome.verdicts == (set() if offset == 0 else {("duration", "error", "d", None)})


@PROPERTY
@given(day=days, name=day_names)
def test_weekday_agrees_with_datetime_for_every_date_and_day_name(day: date, name: str) -> None:
    """A single date passes a weekday rule in English or Dutch, in any case, exactly when datetime gives it that weekday."""
    index = (ENGLISH + DUTCH).index(name.lower()) % 7
    outcome = check([{"id": "d", "value": day.isoformat(), "unit": "date"}],
                    [{"id": "w", "kind": "weekday", "fact": "d", "weekday": name}])
    assert outcome.verdicts == (set() if day.weekday() == index else {("weekday", "error", "w", None)})


@PROPERTY
@given(first=days, length=st.integers(0, 10), name=day_names)
def test_weekday_over_an_interval_fails_only_when_no_day_in_it_has_that_weekday(
        first: date, length: int, name: str) -> None:
    """An interval of days passes a weekday rule exactly when at least one of its days falls on that weekday."""
    index = (ENGLISH + DUTCH).index(name.lower()) % 7
    some_day = any((first + timedelta(i)).weekday() == index for i in range(length + 1))
    outcome = check([{"id": "d", "value": span(first, length), "unit": "date"}],
                    [{"id": "w", "kind": "weekday", "fact": "d", "weekday": name}])
    assert outcome.verdicts == (set() if some_day else {("weekday", "error", "w", None)})


@PROPERTY
@given(first=days, length=st.integers(0, 40), dated=days)
def test_relative_tense_is_judged_against_the_document_date(first: date, length: int, dated: date) -> None:
    """A date passes as past exactly when some day of it precedes the document's date, and as future exactly when some day follows it."""
    last = first + timedelta(length)
    rules = [{"id": t, "kind": "relative", "fact": "d", "tense": t} for t in ("past", "future")]
    outcome = check([{"id": "d", "value": span(first, length), "unit": "date"}], rules,
                    document={"date": dated.isoformat()})
    failing = {rule_id for _, _, rule_id, _ in outcome.verdicts}
    assert failing == ({"past"} if first >= dated else set()) | ({"future"} if last <= dated else set())


@PROPERTY
@given(part=st.integers(0, 10**4), extra=st.integers(1, 10**4), shift=st.integers(-200, 200),
       as_fraction=st.booleans())
def test_ratio_fails_exactly_when_the_share_misses_part_over_whole_by_more_than_its_half_step(
        part: int, extra: int, shift: int, as_fraction: bool) -> None:
    """For exact counts, a share stated to a tenth of a percent (or the same as a fraction) errs exactly when part / whole lies outside its half-step interval."""
    whole = part + extra
    true = Fraction(100 * part, whole)
    stated = rounded(Decimal(true.numerator) / Decimal(true.denominator)) + Decimal(shift).scaleb(-2)
    misses = abs(true - Fraction(stated)) > Fraction(1, 20)
    share = ({"value": stated / 100, "unit": "fraction", "precision": Decimal("0.001")} if as_fraction
             else {"value": stated, "unit": "percent", "precision": TENTH})
    facts = [{"id": "p", "value": part, "unit": "persons"}, {"id": "w", "value": whole, "unit": "persons"},
             {"id": "s", **share}]
    outcome = check(facts, [{"id": "r", "kind": "ratio", "part": "p", "whole": "w", "share": "s"}])
    assert outcome.verdicts == ({("ratio", "error", "r", None)} if misses else set())


@PROPERTY
@given(value=st.integers(0, 30), listed=st.integers(1, 30), qualifier=st.sampled_from(["exact", "at_least", "at_most"]))
def test_count_passes_exactly_when_the_listed_number_lies_in_the_stated_interval(
        value: int, listed: int, qualifier: str) -> None:
    """An exact, at-least or at-most count is an error exactly when the number of listed items does not satisfy
    it, and a warning when an at-least or at-most count holds only at its one closed end (listed = value)."""
    holds = {"exact": listed == value, "at_least": listed >= value, "at_most": listed <= value}[qualifier]
    at_end = holds and qualifier != "exact" and listed == value
    event("error" if not holds else "warning at the closed end" if at_end else "clean")
    outcome = check([{"id": "c", "value": value, "unit": "countries", "qualifier": qualifier}],
                    [{"id": "k", "kind": "count", "fact": "c", "items": [f"item {i}" for i in range(listed)]}])
    expected = "error" if not holds else "warning" if at_end else None
    assert outcome.verdicts == (set() if expected is None else {("count", expected, "k", None)})


@PROPERTY
@given(position=st.integers(1, 40), counted=st.integers(0, 40),
       qualifier=st.sampled_from(["exact", "at_least", "at_most"]))
def test_ordinal_passes_exactly_when_the_position_is_the_next_or_one_of_the_counted(
        position: int, counted: int, qualifier: str) -> None:
    """With an exact ordinal and an exact, at-least or at-most count, `next` passes exactly when some count it
    allows plus one is the ordinal, `within` exactly when some count it allows reaches the ordinal; either is a
    warning when it holds only at the limit an at-least or at-most count states (a single boundary point)."""
    allows = {"exact": lambda n: n == counted, "at_least": lambda n: n >= counted, "at_most": lambda n: n <= counted}
    beyond_limit = {"exact": lambda n: n == counted, "at_least": lambda n: n > counted,
                    "at_most": lambda n: n < counted}

    def verdict(holds: Callable[[Callable[[int], bool]], bool]) -> str | None:
        return "error" if not holds(allows[qualifier]) else None if holds(beyond_limit[qualifier]) else "warning"

    expected = {"next": verdict(lambda allowed: allowed(position - 1)),
                "within": verdict(lambda allowed: any(allowed(n) for n in range(position, 42)))}
    facts = [{"id": "n", "value": position, "unit": "ordinal"},
             {"id": "c", "value": counted, "unit": "attempts", "qualifier": qualifier}]
    rules = [{"id": r, "kind": "ordinal", "ordinal": "n", "count": "c", "relation": r} for r in ("next", "within")]
    event(f"next {expected['next'] or 'holds'}, within {expected['within'] or 'holds'}")
    assert check(facts, rules).verdicts == {("ordinal", severity, rule_id, None)
                                            for rule_id, severity in expected.items() if severity is not None}


@PROPERTY
@given(counted=st.integers(1, 60), offset=st.integers(-12, 12), tolerance=st.integers(1, 20))
def test_ordinal_errs_only_beyond_the_vague_tolerance_and_warns_within_it(
        counted: int, offset: int, tolerance: int) -> None:
    """Against a circa count, `next` is an error exactly when the ordinal lies outside count ± tolerance plus one, a warning when only the tolerance reaches it, and silent when it is the count plus one."""
    position = max(1, counted + 1 + offset)
    slack = Fraction(counted * tolerance, 100)
    facts = [{"id": "n", "value": position, "unit": "ordinal"},
             {"id": "c", "value": counted, "unit": "attempts", "qualifier": "circa", "tolerance": f"{tolerance}%"}]
    outcome = check(facts, [{"id": "r", "kind": "ordinal", "ordinal": "n", "count": "c", "relation": "next"}])
    if position == counted + 1:
        expected = set()
    elif abs(position - 1 - counted) <= slack:
        expected = {("ordinal", "warning", "r", None)}
    else:
        expected = {("ordinal", "error", "r", None)}
    event(str(expected))
    assert outcome.verdicts == expected


MIXED_FACTS: list[dict[str, Any]] = [
    {"id": "departed", "value": 70, "unit": "persons", "qualifier": "circa"},
    {"id": "died", "value": 40, "unit": "persons", "qualifier": "probably"},
    {"id": "returned", "value": 40, "unit": "persons", "qualifier": "circa"},
    {"id": "visit", "value": "2015-10-28", "unit": "date"},
    {"id": "later", "value": "2015-11-28", "unit": "date"},
    {"id": "f16-a", "quantity": "f16", "value": 6, "unit": "aircraft"},
    {"id": "f16-b", "quantity": "f16", "value": 4, "unit": "aircraft"},
    {"id": "countries", "value": 3, "unit": "countries"},
]
MIXED_RULES: list[dict[str, Any]] = [
    inclusion("departed", ["died", "returned"]),
    {"id": "friday", "kind": "weekday", "fact": "visit", "weekday": "vrijdag"},
    {"id": "past", "kind": "relative", "fact": "later", "tense": "past"},
    {"id": "order", "kind": "order", "first": "later", "second": "visit", "relation": "before"},
    {"id": "more", "kind": "change", "from": "f16-a", "to": "f16-b", "direction": "increase"},
    {"id": "listed", "kind": "count", "fact": "countries", "items": ["a", "b"]},
    {"id": "cap", "kind": "bound", "fact": "departed", "max": 50},
]


@settings(max_examples=25, deadline=None)
@given(facts=st.permutations(MIXED_FACTS), rules=st.permutations(MIXED_RULES))
def test_findings_do_not_depend_on_the_order_of_facts_or_rules(
        facts: list[dict[str, Any]], rules: list[dict[str, Any]]) -> None:
    """Shuffling the facts and the rules changes where findings stand, never which there are or what a rule's says."""
    assert check(facts, rules).contents == check(MIXED_FACTS, MIXED_RULES).contents


def test_the_mixed_base_fails_every_rule() -> None:
    """The base the ordering property shuffles has a finding for every rule and for the F-16 agreement."""
    assert {rule_id for _, _, rule_id, _ in check(MIXED_FACTS, MIXED_RULES).verdicts} == {
        rule["id"] for rule in MIXED_RULES} | {None}


@PROPERTY
@given(acknowledged=st.sets(st.sampled_from([rule["id"] for rule in MIXED_RULES])))
def test_acknowledging_one_finding_never_hides_another(acknowledged: set[str]) -> None:
    """Acknowledging some rules' findings marks exactly those as acknowledged and leaves every other finding as it was."""
    reason = "Accepted on purpose for this test."
    outcome = check(MIXED_FACTS, MIXED_RULES, [{"rule": rule_id, "reason": reason} for rule_id in sorted(acknowledged)])
    plain = check(MIXED_FACTS, MIXED_RULES).verdicts
    assert outcome.verdicts == {(kind, severity, rule_id, reason if rule_id in acknowledged else None)
                                for kind, severity, rule_id, _ in plain}


numbers = st.one_of(
    st.integers(-10**6, 10**6),
    st.decimals(min_value=-10**6, max_value=10**6, places=3, allow_nan=False, allow_infinity=False),
    st.tuples(st.integers(0, 500), st.integers(0, 500)).map(lambda pair: {"min": min(pair), "max": max(pair)}),
)
date_texts = st.one_of(
    days.map(date.isoformat),
    days.map(lambda d: d.strftime("%Y-%m")),
    st.tuples(days, st.sampled_from(["early", "mid", "late"])).map(lambda p: f"{p[0]:%Y-%m}-{p[1]}"),
    st.tuples(days, st.integers(0, 400)).map(lambda p: span(*p)),
)
number_facts = st.fixed_dictionaries({
    "value": numbers,
    "unit": st.sampled_from(["persons", "aircraft", "EUR million", "EUR thousand", "percent", "fraction", "days",
                             "weeks", "months", "years"]),
    "qualifier": st.sampled_from(["exact", "circa", "more_than", "almost", "at_least", "at_most", "probably"]),
})
date_facts = st.fixed_dictionaries({"value": date_texts, "unit": st.just("date")})
EXPLICIT = {spec.name: spec for spec in explicit_kinds()}


def option_value(option: Option) -> Any:
    """A valid value for a rule option, from its spec alone (so a new kind needs no entry here)."""
    if isinstance(option, Choice):
        return option.values[0]
    if isinstance(option, Texts):
        return [f"item-{index}" for index in range(option.min_items)]
    return "text" if isinstance(option, Text) else 0


#: a value for each kind's options (the references are drawn)
EXTRA = {kind: {name: option_value(option) for name, option in spec.options.items()} for kind, spec in EXPLICIT.items()}


def test_the_drawn_options_are_schema_valid() -> None:
    """A rule of every kind with its derived options passes the schema (else the property below would
    test the schema, not the rules)."""
    facts = [{"id": "a", "value": 1, "unit": "persons"}, {"id": "b", "value": 2, "unit": "persons"},
             {"id": "c", "value": 3, "unit": "persons"}]
    for kind, spec in EXPLICIT.items():
        rule: dict[str, Any] = {"id": "r", "kind": kind, **EXTRA[kind]}
        for name, reference in spec.references.items():
            rule[name] = ["a", "b", "c"][: reference.min_items] if isinstance(reference, FactRefs) else "a"
        assert {finding.kind for finding in check(facts, [rule]).report.findings} <= {*EXPLICIT, "dimension"}, kind


@st.composite
def any_rule(draw: st.DrawFn, fact_ids: list[str], index: int) -> dict[str, Any]:
    kind = draw(st.sampled_from(sorted(EXPLICIT)))
    rule: dict[str, Any] = {"id": f"rule-{index}", "kind": kind}
    for name, reference in EXPLICIT[kind].references.items():
        if isinstance(reference, FactRefs):
            rule[name] = draw(st.lists(st.sampled_from(fact_ids), min_size=reference.min_items, max_size=3, unique=True))
        else:
            rule[name] = draw(st.sampled_from(fact_ids))
    return {**rule, **EXTRA[kind]}


@settings(max_examples=150, deadline=None)
@given(data=st.data(), numeric=st.lists(number_facts, min_size=2, max_size=4), dated=st.lists(date_facts, min_size=1, max_size=3))
def test_no_rule_kind_fails_on_any_combination_of_facts(
        data: st.DataObject, numeric: list[dict[str, Any]], dated: list[dict[str, Any]]) -> None:
    """Whatever values, units, qualifiers and kinds of facts a rule relates, checking ends in findings at the rule, never in a crash."""
    facts = [{"id": f"f{i}", **fact} for i, fact in enumerate(numeric + dated)]
    ids = [fact["id"] for fact in facts]
    rules = [data.draw(any_rule(ids, index)) for index in range(data.draw(st.integers(1, 4)))]
    outcome = check(facts, rules)
    assert outcome.exit_code in (0, 1)
    rule_ids = {rule["id"] for rule in rules}
    for finding in outcome.report.findings:  # those without a rule id are about facts (agreement, values)
        assert finding.rule_id is None or (finding.rule_id in rule_ids and finding.kind in {*EXPLICIT, "dimension"})

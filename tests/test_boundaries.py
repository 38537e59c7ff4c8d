# ruff: noqa: E501  (one-sentence invariants and exact finding lines are long)
"""Exact interval ends, open and closed: properties of each kind of end, and the imprecise dates of order
and duration rules, measured on a small corpus of month-level statements."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from hypothesis import event, given, settings, target
from hypothesis import strategies as st

from factbase import check
from factcheck.dates import parse_date
from factcheck.intervals import Interval, magnitude, precision_interval

PROPERTY = settings(max_examples=200, deadline=None)

#: a stated number: an integer or a decimal with one or two places, either sign
numbers = st.builds(lambda digits, places: Decimal(digits).scaleb(-places),
                    st.integers(-10**6, 10**6), st.integers(0, 2))


def step_of(value: Decimal) -> Decimal:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(1).scaleb(min(exponent, 0))


def where(interval: Interval, number: Decimal) -> str:
    """Which part of an interval a number tests, for the statistics."""
    if number == interval.lo:
        return "at the lower end"
    if number == interval.hi:
        return "at the upper end"
    return "inside" if interval.lo < number < interval.hi else "outside"


# --- each kind of end ---------------------------------------------------------------------------


@PROPERTY
@given(value=numbers, quarters=st.integers(-3, 3))
def test_a_rounded_number_covers_exactly_what_rounds_to_it(value: Decimal, quarters: int) -> None:
    """A number rounded to its last digit (scaled: an integer with a scale word) covers exactly the numbers that round to it half away from zero: one end closed, the end away from zero open."""
    step = step_of(value)
    covered = precision_interval(value, None, scaled=True)
    candidate = value + quarters * step / 4  # quarters ±2 are the two ends
    event(where(covered, candidate))
    assert covered.contains(candidate) == (candidate.quantize(step, rounding=ROUND_HALF_UP) == value)


@PROPERTY
@given(value=numbers.map(abs), scaled=st.booleans(), tolerance=st.sampled_from(["0", "0.05", "0.1"]))
def test_more_than_and_almost_exclude_the_stated_value(value: Decimal, scaled: bool, tolerance: str) -> None:
    """"ruim v" and "bijna v" never include v, with or without their tolerance, and each includes values just beyond v on its own side."""
    written = precision_interval(value, None, scaled)
    tiny = step_of(value) / 1000
    for qualifier, side in (("more_than", tiny), ("almost", -tiny)):
        size = magnitude(written, value, qualifier, Decimal(tolerance))
        event(f"{qualifier}, {'rounded' if scaled or written.lo != written.hi else 'exact'}")
        assert not size.nominal.contains(value)
        assert not size.loose.contains(value)
        assert size.nominal.contains(value + side)
        assert size.loose.contains(value + side)
        assert size.loose.meet(size.nominal) == size.nominal  # the tolerance only widens


@PROPERTY
@given(value=numbers.map(abs), scaled=st.booleans())
def test_at_least_and_at_most_include_the_stated_value(value: Decimal, scaled: bool) -> None:
    """"minstens v" and "hoogstens v" include v and nothing beyond it on the other side; at most a positive v reaches down to zero."""
    written = precision_interval(value, None, scaled)
    tiny = step_of(value) / 1000
    least = magnitude(written, value, "at_least", Decimal(0)).nominal
    most = magnitude(written, value, "at_most", Decimal(0)).nominal
    event("zero" if value == 0 else "positive")
    assert least.contains(value)
    assert not least.contains(value - tiny)
    assert least.contains(value + 10**9)
    assert most.contains(value)
    assert not most.contains(value + tiny)
    assert most.contains(Decimal(0))


#: non-empty intervals with integer ends, each end open or closed (a single number has both closed)
ends = st.tuples(st.integers(-20, 20), st.integers(0, 10), st.booleans(), st.booleans()).map(
    lambda t: Interval(Decimal(t[0]), Decimal(t[0] + t[1]), t[2] and t[1] > 0, t[3] and t[1] > 0))


def grid(*intervals: Interval) -> list[Decimal]:
    """Every half-integer from below the lowest end to above the highest: enough to find a common point
    of intervals with integer ends."""
    low = min(interval.lo for interval in intervals) - 1
    high = max(interval.hi for interval in intervals) + 1
    return [low + Decimal(k) / 2 for k in range(int(2 * (high - low)) + 1)]


@PROPERTY
@given(first=ends, second=ends)
def test_a_sum_reaches_an_end_only_when_both_addends_reach_theirs(first: Interval, second: Interval) -> None:
    """The sum of two intervals reaches its lower (upper) end exactly when both reach theirs, and holds every sum of their members."""
    added = first + second
    for end, reached in ((added.lo, first.contains(first.lo) and second.contains(second.lo)),
                         (added.hi, first.contains(first.hi) and second.contains(second.hi))):
        event(f"end {'reached' if reached else 'open'}")
        assert added.contains(end) == reached
    for x in grid(first):
        for y in grid(second):
            if first.contains(x) and second.contains(y):
                assert added.contains(x + y)


@PROPERTY
@given(first=ends, second=ends, factor=st.sampled_from(["0.001", "1", "1000", "86400", "-1", "-0.01"]))
def test_intervals_meet_exactly_where_both_include_a_value(first: Interval, second: Interval, factor: str) -> None:
    """Two intervals meet exactly when some number lies in both, however each end is marked; scaling both by a factor (a negative one swaps the ends) changes nothing, and a scaled interval holds exactly the scaled numbers."""
    common = [x for x in grid(first, second) if first.contains(x) and second.contains(x)]
    touching = first.hi == second.lo or second.hi == first.lo
    event(("touching, " if touching else "") + ("meet" if common else "apart"))
    target(float(touching), label="intervals that touch")
    assert first.intersects(second) == bool(common)
    scale = Decimal(factor)
    assert first.scale(scale).intersects(second.scale(scale)) == bool(common)
    assert all(first.scale(scale).contains(x * scale) == first.contains(x) for x in grid(first))


# --- the rules on single boundary points -----------------------------------------------------------


@PROPERTY
@given(share=st.integers(0, 200) | st.integers(99, 101), qualifier=st.sampled_from(["exact", "more_than", "almost", "at_least", "at_most"]))
def test_a_share_against_a_max_of_100(share: int, qualifier: str) -> None:
    """A share stated in whole percents against a max of 100 is an error when no value it allows is 100 or less, a warning when only exactly 100 is ("minstens 100%"), and clean otherwise; the vague tolerance is off, so no other warning arises."""
    facts = [{"id": "s", "value": share, "unit": "percent", "qualifier": qualifier, "tolerance": "0%"}]
    outcome = check(facts, [{"id": "b", "kind": "bound", "fact": "s", "max": 100}])
    lowest_allowed: dict[str, Decimal] = {"exact": share - Decimal("0.5"), "more_than": Decimal(share),
                                          "almost": share - Decimal("0.5"), "at_least": Decimal(share),
                                          "at_most": Decimal(0)}
    error = lowest_allowed[qualifier] > 100 or (qualifier == "more_than" and share == 100)
    warning = not error and qualifier == "at_least" and share == 100
    expected = {("bound", "error", "b", None)} if error else {("bound", "warning", "b", None)} if warning else set()
    event("error" if error else "warning" if warning else "clean")
    assert outcome.verdicts == expected


# --- imprecise dates ---------------------------------------------------------------------------------

spans = st.tuples(st.dates(date(2015, 1, 1), date(2015, 3, 31)), st.integers(0, 20))


def date_value(first: date, length: int) -> str:
    last = first + timedelta(length)
    return first.isoformat() if length == 0 else f"{first.isoformat()}/{last.isoformat()}"


SATISFIES: dict[str, Callable[[date, date], bool]] = {"before": lambda a, b: a < b, "after": lambda a, b: a > b, "not_after": lambda a, b: a <= b,
             "not_before": lambda a, b: a >= b}


@PROPERTY
@given(a=spans, b=spans, relation=st.sampled_from(list(SATISFIES)))
def test_an_order_warns_exactly_when_some_day_of_a_date_has_no_partner(
        a: tuple[date, int], b: tuple[date, int], relation: str) -> None:
    """An order rule is an error when no two days satisfy it, a warning when some day of either date satisfies it with no day of the other, and clean otherwise (brute force over the days)."""
    days_a = [a[0] + timedelta(k) for k in range(a[1] + 1)]
    days_b = [b[0] + timedelta(k) for k in range(b[1] + 1)]
    holds = SATISFIES[relation]
    error = not any(holds(x, y) for x in days_a for y in days_b)
    partial = not all(any(holds(x, y) for y in days_b) for x in days_a) or \
        not all(any(holds(x, y) for x in days_a) for y in days_b)
    expected = "error" if error else "warning" if partial else None
    event(expected or "clean")
    facts = [{"id": "a", "value": date_value(*a), "unit": "date"}, {"id": "b", "value": date_value(*b), "unit": "date"}]
    outcome = check(facts, [{"id": "r", "kind": "order", "first": "a", "second": "b", "relation": relation}])
    assert outcome.verdicts == (set() if expected is None else {("order", expected, "r", None)})


#: A small corpus of month-level statements: (what the text says, first, relation, second, expected line
#: or None).  The first group is legitimate prose, which must stay clean; the second holds only by
#: choosing the days, which must be visible.
ORDER_CORPUS: list[tuple[str, str, str, str, str | None]] = [
    ("België neemt in juli 2016 over; het mandaat loopt tot oktober 2016", "2016-07", "before", "2016-10", None),
    ("begin september ontplooid, op 30 september de eerste luchtaanvallen", "2015-09-early", "before", "2015-09-30", None),
    ("medio oktober aangekondigd, op 23 oktober begonnen", "2015-10-mid", "before", "2015-10-23", None),
    ("eind juni vertrokken, begin juli aangekomen", "2015-06-late", "before", "2015-07-early", None),
    ("in oktober, uiterlijk op 31 oktober", "2015-10", "not_after", "2015-10-31", None),
    ("sinds 1 oktober, in oktober begonnen", "2015-10", "not_before", "2015-10-01", None),
    ("op 28 oktober, eind oktober", "2015-10-28", "same", "2015-10-late", None),
    ("de eerste helft van 2015, voor het najaar", "2015-H1", "before", "2015-09/2015-11", None),
    ("tussen 5 en 22 oktober, na de aanvallen van 30 september", "2015-10-05/2015-10-22", "after", "2015-09-30", None),
    ("2 oktober 2016 voor oktober 2016", "2016-10-02", "before", "2016-10",
     "is before b = 2016-10-01..2016-10-31 only if b means 2016-10-03..2016-10-31"),
    ("oktober voor 15 oktober", "2015-10", "before", "2015-10-15",
     "is before b = 2015-10-15 only if a means 2015-10-01..2015-10-14"),
    ("eind oktober na 25 oktober", "2015-10-late", "after", "2015-10-25",
     "is after b = 2015-10-25 only if a means 2015-10-26..2015-10-31"),
    ("31 oktober uiterlijk in oktober", "2015-10-31", "not_after", "2015-10",
     "is on or before b = 2015-10-01..2015-10-31 only if b means 2015-10-31"),
    ("in 2015, voor 2 november 2015", "2015", "before", "2015-11-02",
     "is before b = 2015-11-02 only if a means 2015-01-01..2015-11-01"),
]


@pytest.mark.parametrize(("text", "first", "relation", "second", "expected"), ORDER_CORPUS,
                         ids=[case[0] for case in ORDER_CORPUS])
def test_order_corpus(text: str, first: str, relation: str, second: str, expected: str | None) -> None:
    """Legitimate month-level order statements stay clean; one that holds only for some days is a warning naming them."""
    facts = [{"id": "a", "value": first, "unit": "date"}, {"id": "b", "value": second, "unit": "date"}]
    outcome = check(facts, [{"id": "r", "kind": "order", "first": "a", "second": "b", "relation": relation}])
    assert outcome.lines == ([] if expected is None else
                             [f"facts.yaml:23:5: warning order: order r: a = {parse_date(first)} {expected}"])


#: (what the text says, start, length in months, end, expected tail or None), as ORDER_CORPUS
DURATION_CORPUS: list[tuple[str, str, int, str, str | None]] = [
    ("sinds begin juni voor zes maanden; in december neemt Duitsland over", "2015-06-early", 6, "2015-12", None),
    ("in mei begonnen, twee maanden later, in juli, klaar", "2015-05", 2, "2015-07", None),
    ("op 29 juli, binnen drie maanden; in oktober", "2015-07-29", 3, "2015-10", None),
    ("sinds juni voor zes maanden; begin december neemt Duitsland over", "2015-06", 6, "2015-12-early",
     "only if s means 2015-06-01..2015-06-10"),
    ("sinds begin juni voor zes maanden; op 5 december neemt Duitsland over", "2015-06-early", 6, "2015-12-05",
     "only if s means 2015-06-05"),
]


@pytest.mark.parametrize(("text", "start", "months", "end", "expected"), DURATION_CORPUS,
                         ids=[case[0] for case in DURATION_CORPUS])
def test_duration_corpus(text: str, start: str, months: int, end: str, expected: str | None) -> None:
    """An end stated as a month need not be reached on each of its days; a start of which only some days lead to the end is a warning naming them."""
    facts: list[dict[str, Any]] = [{"id": "s", "value": start, "unit": "date"},
                                   {"id": "l", "value": months, "unit": "months"}, {"id": "e", "value": end, "unit": "date"}]
    outcome = check(facts, [{"id": "d", "kind": "duration", "start": "s", "length": "l", "end": "e"}])
    assert outcome.lines == ([] if expected is None else [
        f"facts.yaml:29:5: warning duration: duration d: s = {parse_date(start)} + l = {months} months ends at "
        f"e = {parse_date(end)} {expected}"])


def test_a_duration_whose_starts_reach_the_end_only_together_is_an_error() -> None:
    """A month from 28 February is 28 March, from 1 March it is 1 April: no start reaches 30 March, though
    the ends of all starts together span it."""
    facts: list[dict[str, Any]] = [{"id": "s", "value": "2015-02-20/2015-03-05", "unit": "date"},
                                   {"id": "l", "value": 1, "unit": "months"}, {"id": "e", "value": "2015-03-30", "unit": "date"}]
    outcome = check(facts, [{"id": "d", "kind": "duration", "start": "s", "length": "l", "end": "e"}])
    assert outcome.lines == ["facts.yaml:29:5: error duration: duration d: s = 2015-02-20..2015-03-05 + l = 1 months "
                             "ends at e = 2015-03-30 from no day of s"]

# ruff: noqa: E501  (the expected output lines are long)
"""Acknowledged findings are reported with their reason and do not fail the run; an acknowledgement
matches only what it names, and one that matches nothing is an error."""

from __future__ import annotations

from typing import Any

from factbase import check

REASON = "Accepted on purpose for this test."
DAYS = [{"id": "a", "value": "2015-10-28", "unit": "date"}, {"id": "b", "value": "2015-10-29", "unit": "date"}]
FRIDAYS = [{"id": "a-day", "kind": "weekday", "fact": "a", "weekday": "friday"},
           {"id": "b-day", "kind": "weekday", "fact": "b", "weekday": "friday"}]
A_ERROR = "facts.yaml:23:5: error weekday: weekday a-day: a = 2015-10-28 is a Wednesday, not a Friday"
B_ERROR = "facts.yaml:27:5: error weekday: weekday b-day: b = 2015-10-29 is a Thursday, not a Friday"


def ack(rule: str, **extra: Any) -> dict[str, Any]:
    return {"rule": rule, **extra, "reason": REASON}


def test_without_acknowledgements_both_weekdays_are_errors() -> None:
    outcome = check(DAYS, FRIDAYS)
    assert (outcome.lines, outcome.exit_code) == ([A_ERROR, B_ERROR], 1)


def test_acknowledging_one_finding_leaves_the_other_an_error() -> None:
    outcome = check(DAYS, FRIDAYS, [ack("a-day")])
    assert outcome.lines == [
        A_ERROR.replace(": error weekday:", ": info weekday:") + f" [acknowledged: {REASON}]",
        B_ERROR,
    ]
    assert (outcome.exit_code, outcome.report.errors, outcome.report.acknowledged) == (1, 1, 1)


def test_acknowledging_both_passes_the_run() -> None:
    outcome = check(DAYS, FRIDAYS, [ack("a-day"), ack("b-day", facts=["b"])])
    assert (outcome.exit_code, outcome.report.errors, outcome.report.acknowledged) == (0, 0, 2)


def test_an_acknowledgement_that_matches_nothing_is_a_stale_error() -> None:
    thursday = {**FRIDAYS[1], "weekday": "thursday"}  # b-day holds now: its acknowledgement accepts nothing
    outcome = check(DAYS, [FRIDAYS[0], thursday], [ack("a-day"), ack("b-day")])
    assert outcome.lines == [
        A_ERROR.replace(": error weekday:", ": info weekday:") + f" [acknowledged: {REASON}]",
        "facts.yaml:34:5: error stale-acknowledgement: acknowledgement of 'b-day' matches no finding; remove it",
    ]
    assert outcome.exit_code == 1


def test_an_acknowledgement_of_an_unknown_name_is_an_error_with_a_suggestion() -> None:
    """A name that is neither a rule id nor a kind (a removed rule, a typo) is refused when the base is
    built, so the rules do not run; the closest rule id or kind is suggested."""
    outcome = check(DAYS, FRIDAYS[:1], [ack("a-day"), ack("b-day"), ack("weekdays")])
    assert outcome.lines == [
        "facts.yaml:30:5: error unknown-acknowledgement: unknown rule id or finding kind 'b-day' in acknowledged; did you mean 'a-day'?",
        "facts.yaml:32:5: error unknown-acknowledgement: unknown rule id or finding kind 'weekdays' in acknowledged; did you mean 'weekday'?",
    ]
    assert outcome.exit_code == 1


def test_an_unknown_name_far_from_every_rule_and_kind_gets_no_suggestion() -> None:
    outcome = check(DAYS, FRIDAYS, [ack("zzzzzz")])
    assert outcome.lines == [
        "facts.yaml:32:5: error unknown-acknowledgement: unknown rule id or finding kind 'zzzzzz' in acknowledged"]


def test_an_acknowledgement_narrowed_to_other_facts_is_stale_and_hides_nothing() -> None:
    outcome = check(DAYS, FRIDAYS, [ack("a-day", facts=["b"])])
    assert outcome.lines == [
        A_ERROR,
        B_ERROR,
        "facts.yaml:32:5: error stale-acknowledgement: acknowledgement of 'a-day' for facts ['b'] matches no finding; remove it",
    ]


def test_a_kind_name_acknowledges_automatic_checks_only_not_explicit_rules() -> None:
    outcome = check(DAYS, FRIDAYS, [ack("weekday")])
    assert outcome.lines == [
        A_ERROR,
        B_ERROR,
        "facts.yaml:32:5: error stale-acknowledgement: acknowledgement of 'weekday' matches no finding; remove it",
    ]


CONFLICTS = [
    {"id": "a", "quantity": "q", "value": 1, "unit": "persons"},
    {"id": "b", "quantity": "q", "value": 2, "unit": "persons"},
    {"id": "c", "quantity": "r", "value": 1, "unit": "persons"},
    {"id": "d", "quantity": "r", "value": 2, "unit": "persons"},
]
Q_LINE = "facts.yaml:16:5: {} agreement: quantity q: b states 2 persons (section 'Example'), a states 1 persons (section 'Example'), both valid at the same time"
R_LINE = "facts.yaml:28:5: {} agreement: quantity r: d states 2 persons (section 'Example'), c states 1 persons (section 'Example'), both valid at the same time"


def test_an_automatic_kind_acknowledged_for_some_facts_leaves_the_others() -> None:
    outcome = check(CONFLICTS, [], [ack("agreement", facts=["a", "b"])])
    assert outcome.lines == [Q_LINE.format("info") + f" [acknowledged: {REASON}]", R_LINE.format("error")]
    assert outcome.exit_code == 1


def test_an_automatic_kind_acknowledged_without_facts_covers_all_its_findings() -> None:
    outcome = check(CONFLICTS, [], [ack("agreement")])
    assert outcome.lines == [line.format("info") + f" [acknowledged: {REASON}]" for line in (Q_LINE, R_LINE)]
    assert outcome.exit_code == 0

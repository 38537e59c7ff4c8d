# ruff: noqa: E501  (the expected output lines are long)
"""Each rule kind on cases beyond its documented examples: exact output lines, warnings, edge cases
(intervals, scales, zero, wrong kinds of facts)."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest

from factbase import check


def n(fact_id: str, value: Any, unit: str, **extra: Any) -> dict[str, Any]:
    return {"id": fact_id, "value": value, "unit": unit, **extra}


CASES = [
    pytest.param(
        [n("t", 100, "persons", qualifier="circa"), n("a", 60, "persons"), n("b", 43, "persons")],
        [{"id": "r", "kind": "inclusion", "total": "t", "parts": ["a", "b"]}],
        [
            "facts.yaml:30:5: warning inclusion: inclusion r: parts a + b = at least 103 persons, more than total t = at most 100 persons (holds only within the vague tolerance)",
        ],
        id="incl warn",
    ),
    pytest.param(
        [n("t", 100, "persons"), n("a", 100, "persons")],
        [{"id": "r", "kind": "inclusion", "total": "t", "parts": ["a"]}],
        [],
        id="incl ok single",
    ),
    pytest.param(
        [n("t", 100, "persons"), n("a", 10, "EUR")],
        [{"id": "r", "kind": "inclusion", "total": "t", "parts": ["a"]}],
        [
            "facts.yaml:23:5: error dimension: inclusion r: mixes dimensions (t in persons, a in EUR)",
        ],
        id="incl mixed",
    ),
    pytest.param(
        [n("t", "2015", "date"), n("a", "2015", "date")],
        [{"id": "r", "kind": "inclusion", "total": "t", "parts": ["a"]}],
        [
            "facts.yaml:23:5: error dimension: inclusion r: total t is in date, but must be a number",
        ],
        id="incl dates",
    ),
    pytest.param(
        [n("t", 1, "EUR million"), n("a", 600, "EUR thousand"), n("b", D("0.5"), "EUR million")],
        [{"id": "r", "kind": "inclusion", "total": "t", "parts": ["a", "b"]}],
        [],
        id="incl scale",
    ),
    pytest.param(
        [n("f", 5, "persons")],
        [{"id": "r", "kind": "bound", "fact": "f"}],
        [
            "facts.yaml:17:5: error bound: bound r: states neither min nor max",
        ],
        id="bound none",
    ),
    pytest.param(
        [n("f", 5, "persons")],
        [{"id": "r", "kind": "bound", "fact": "f", "min": 7, "max": 3}],
        [
            "facts.yaml:17:5: error bound: bound r: min 7 is above max 3",
        ],
        id="bound minmax",
    ),
    pytest.param(
        [n("f", 5, "persons")],
        [{"id": "r", "kind": "bound", "fact": "f", "min": 7}],
        [
            "facts.yaml:17:5: error bound: bound r: f = 5 persons lies outside [7, ∞) persons",
        ],
        id="bound min only fail",
    ),
    pytest.param(
        [n("f", 100, "persons", qualifier="circa")],
        [{"id": "r", "kind": "bound", "fact": "f", "max": 98}],
        [
            "facts.yaml:18:5: warning bound: bound r: f = 100 persons lies outside (-∞, 98] persons (holds only within the vague tolerance)",
        ],
        id="bound warn",
    ),
    pytest.param(
        [n("f", "2015", "date")],
        [{"id": "r", "kind": "bound", "fact": "f", "max": 98}],
        [
            "facts.yaml:17:5: error dimension: bound r: fact f is in date, but must be a number",
        ],
        id="bound date",
    ),
    pytest.param(
        [n("a", 6, "aircraft", valid={"from": "2015-07"}), n("b", 4, "aircraft", valid={"until": "2015-06"})],
        [{"id": "r", "kind": "change", "from": "a", "to": "b", "direction": "decrease"}],
        [
            "facts.yaml:25:5: error change: change r: to b is valid until 2015-06-30, before from a is valid (2015-07-01)",
        ],
        id="change validity",
    ),
    pytest.param(
        [n("a", 6, "aircraft"), n("b", 6, "aircraft", quantity="x")],
        [{"id": "r", "kind": "change", "from": "a", "to": "b", "direction": "increase"}],
        [
            "facts.yaml:23:5: error change: change r: from a = 6 aircraft to b = 6 aircraft is no increase",
        ],
        id="change equal",
    ),
    pytest.param(
        [n("a", 100, "EUR million", qualifier="circa"), n("b", 97, "EUR million")],
        [{"id": "r", "kind": "change", "from": "a", "to": "b", "direction": "increase"}],
        [
            "facts.yaml:24:5: warning change: change r: from a = [99.5, 100.5) EUR million to b = [96.5, 97.5) EUR million is no increase (holds only within the vague tolerance)",
        ],
        id="change warn",
    ),
    pytest.param(
        [n("a", 30, "positions"), n("b", 22, "positions")],
        [{"id": "r", "kind": "change", "from": "a", "to": "b", "direction": "decrease"}],
        [],
        id="change ministers",
    ),
    pytest.param(
        [n("a", "2015-10", "date"), n("b", "2015-10-15", "date")],
        [
            {"id": "r", "kind": "order", "first": "a", "second": "b", "relation": "before"},
            {"id": "s", "kind": "order", "first": "a", "second": "b", "relation": "same"},
            {"id": "u", "kind": "order", "first": "b", "second": "a", "relation": "after"},
        ],
        [
            "facts.yaml:23:5: warning order: order r: a = 2015-10-01..2015-10-31 is before b = 2015-10-15 only if a means 2015-10-01..2015-10-14",
            "facts.yaml:33:5: warning order: order u: b = 2015-10-15 is after a = 2015-10-01..2015-10-31 only if a means 2015-10-01..2015-10-14",
        ],
        id="order month",
    ),
    pytest.param(
        [n("a", "2015-10-early", "date"), n("b", "2015-09", "date")],
        [
            {"id": "r", "kind": "order", "first": "a", "second": "b", "relation": "not_after"},
            {"id": "s", "kind": "order", "first": "a", "second": "b", "relation": "same"},
            {"id": "u", "kind": "order", "first": "b", "second": "a", "relation": "not_before"},
        ],
        [
            "facts.yaml:23:5: error order: order r: a = 2015-10-01..2015-10-10 cannot be on or before b = 2015-09-01..2015-09-30",
            "facts.yaml:28:5: error order: order s: a = 2015-10-01..2015-10-10 cannot be the same day as b = 2015-09-01..2015-09-30",
            "facts.yaml:33:5: error order: order u: b = 2015-09-01..2015-09-30 cannot be on or after a = 2015-10-01..2015-10-10",
        ],
        id="order fails",
    ),
    pytest.param(
        [n("a", 3, "persons"), n("b", "2015-09", "date")],
        [{"id": "r", "kind": "order", "first": "a", "second": "b", "relation": "before"}],
        [
            "facts.yaml:23:5: error dimension: order r: first a is in persons, but must be a date",
        ],
        id="order unfit",
    ),
    pytest.param(
        [n("s", "2015-09-07", "date"), n("l", 2, "days"), n("e", "2015-09-09", "date"), n("e2", "2015-09-10", "date")],
        [
            {"id": "r", "kind": "duration", "start": "s", "length": "l", "end": "e"},
            {"id": "q", "kind": "duration", "start": "s", "length": "l", "end": "e2"},
        ],
        [
            "facts.yaml:40:5: error duration: duration q: s = 2015-09-07 + l = 2 days ends 2015-09-09, but e2 = 2015-09-10",
        ],
        id="duration days",
    ),
    pytest.param(
        [
            n("s", "2015-09-01", "date"),
            n("l", 6, "weeks", qualifier="circa"),
            n("e", "2015-10-15", "date"),
            n("e2", "2015-10-20", "date"),
        ],
        [
            {"id": "r", "kind": "duration", "start": "s", "length": "l", "end": "e"},
            {"id": "q", "kind": "duration", "start": "s", "length": "l", "end": "e2"},
        ],
        [
            "facts.yaml:36:5: warning duration: duration r: s = 2015-09-01 + l = circa 6 weeks ends 2015-10-13, but e = 2015-10-15 (holds only within the vague tolerance)",
            "facts.yaml:41:5: error duration: duration q: s = 2015-09-01 + l = circa 6 weeks ends 2015-10-10..2015-10-16, but e2 = 2015-10-20",
        ],
        id="duration weeks circa",
    ),
    pytest.param(
        [
            n("s", "2015-01-31", "date"),
            n("l", 1, "months"),
            n("e", "2015-02-28", "date"),
            n("y", 1, "years"),
            n("e2", "2016-01-31", "date"),
        ],
        [
            {"id": "r", "kind": "duration", "start": "s", "length": "l", "end": "e"},
            {"id": "q", "kind": "duration", "start": "s", "length": "y", "end": "e2"},
        ],
        [],
        id="duration months clamp",
    ),
    pytest.param(
        [n("s", "2015-01-31", "date"), n("l", 1, "persons"), n("e", "2015-02-28", "date")],
        [{"id": "r", "kind": "duration", "start": "s", "length": "l", "end": "e"}],
        [
            "facts.yaml:29:5: error dimension: duration r: length l is in persons, but must be a length of time (days, weeks, months, years)",
        ],
        id="duration unfit",
    ),
    pytest.param(
        [n("s", "2015-01-31", "date"), n("l", 1, "months", qualifier="at_least"), n("e", "2015-02-01", "date")],
        [{"id": "r", "kind": "duration", "start": "s", "length": "l", "end": "e"}],
        [
            "facts.yaml:30:5: error duration: duration r: s = 2015-01-31 + l = at least 1 months ends 2015-02-28..9999-12-31, but e = 2015-02-01",
        ],
        id="duration at_least",
    ),
    pytest.param(
        [n("a", "2015-10-26/2015-10-28", "date")],
        [
            {"id": "r", "kind": "weekday", "fact": "a", "weekday": "Friday"},
            {"id": "s", "kind": "weekday", "fact": "a", "weekday": "dinsdag"},
            {"id": "t", "kind": "weekday", "fact": "a", "weekday": "frydag"},
        ],
        [
            "facts.yaml:17:5: error weekday: weekday r: a = 2015-10-26..2015-10-28 has no Friday",
            "facts.yaml:25:5: error weekday: weekday t: unknown weekday 'frydag'; use an English or Dutch day name",
        ],
        id="weekday interval",
    ),
    pytest.param(
        [n("a", "2015-10", "date")],
        [{"id": "r", "kind": "weekday", "fact": "a", "weekday": "zondag"}],
        [],
        id="weekday month",
    ),
    pytest.param(
        [n("a", "2015-11-02", "date"), n("b", "2015-11", "date"), n("c", "2015-10-30", "date")],
        [
            {"id": "r", "kind": "relative", "fact": "a", "tense": "past"},
            {"id": "s", "kind": "relative", "fact": "a", "tense": "future"},
            {"id": "t", "kind": "relative", "fact": "b", "tense": "past"},
            {"id": "u", "kind": "relative", "fact": "b", "tense": "future"},
            {"id": "v", "kind": "relative", "fact": "c", "tense": "future"},
        ],
        [
            "facts.yaml:29:5: error relative: relative r: a = 2015-11-02 is stated as past, but the document example is dated 2015-11-02",
            "facts.yaml:33:5: error relative: relative s: a = 2015-11-02 is stated as future, but the document example is dated 2015-11-02",
            "facts.yaml:45:5: error relative: relative v: c = 2015-10-30 is stated as future, but the document example is dated 2015-11-02",
        ],
        id="relative",
    ),
    pytest.param(
        [n("p", 0, "persons"), n("w", 0, "persons"), n("s", 10, "percent")],
        [{"id": "r", "kind": "ratio", "part": "p", "whole": "w", "share": "s"}],
        [
            "facts.yaml:29:5: error ratio: ratio r: whole w is zero, so no share of it is defined",
        ],
        id="ratio zero",
    ),
    pytest.param(
        [
            n("p", 1, "persons"),
            n("w", 3, "persons"),
            n("s", D("0.33"), "fraction"),
            n("s2", D("0.3"), "fraction"),
            n("s3", 33, "percent"),
            n("s4", 34, "percent"),
        ],
        [
            {"id": "r", "kind": "ratio", "part": "p", "whole": "w", "share": "s"},
            {"id": "q", "kind": "ratio", "part": "p", "whole": "w", "share": "s2"},
            {"id": "t", "kind": "ratio", "part": "p", "whole": "w", "share": "s3"},
            {"id": "u", "kind": "ratio", "part": "p", "whole": "w", "share": "s4"},
        ],
        [
            "facts.yaml:62:5: error ratio: ratio u: p / w = [33.3, 33.4] percent, but s4 = [33.5, 34.5) percent",
        ],
        id="ratio fraction",
    ),
    pytest.param(
        [
            n("p", 74, "persons"),
            n("w", 100, "persons"),
            n("s", 75, "percent", qualifier="almost"),
            n("s2", 80, "percent", qualifier="almost"),
        ],
        [
            {"id": "r", "kind": "ratio", "part": "p", "whole": "w", "share": "s"},
            {"id": "q", "kind": "ratio", "part": "p", "whole": "w", "share": "s2"},
        ],
        [
            "facts.yaml:37:5: warning ratio: ratio r: p / w = 74 percent, but s = [74.5, 75) percent (holds only within the vague tolerance)",
            "facts.yaml:42:5: warning ratio: ratio q: p / w = 74 percent, but s2 = [79.5, 80) percent (holds only within the vague tolerance)",
        ],
        id="ratio tikrit almost 75",
    ),
    pytest.param(
        [n("p", 1, "persons"), n("w", 3, "persons"), n("s", 3, "persons")],
        [{"id": "r", "kind": "ratio", "part": "p", "whole": "w", "share": "s"}],
        [
            "facts.yaml:29:5: error dimension: ratio r: share s is in persons, but must be a share (percent or fraction)",
        ],
        id="ratio unfit",
    ),
    pytest.param(
        [n("p", 1, "persons"), n("w", 3, "persons", qualifier="at_least"), n("s", 50, "percent")],
        [{"id": "r", "kind": "ratio", "part": "p", "whole": "w", "share": "s"}],
        [
            "facts.yaml:30:5: error ratio: ratio r: p / w = (0, 33.4] percent, but s = [49.5, 50.5) percent",
        ],
        id="ratio at least whole",
    ),
    pytest.param(
        [n("c", 4, "countries"), n("d", 20, "countries", qualifier="circa")],
        [
            {"id": "r", "kind": "count", "fact": "c", "items": ["a"]},
            {"id": "q", "kind": "count", "fact": "d", "items": [str(i) for i in range(19)]},
            {"id": "t", "kind": "count", "fact": "d", "items": [str(i) for i in range(25)]},
        ],
        [
            "facts.yaml:24:5: error count: count r: c = 4 countries, but 1 item is listed",
            "facts.yaml:28:5: warning count: count q: d = 20 countries, but 19 items are listed (holds only within the vague tolerance)",
            "facts.yaml:32:5: error count: count t: d = [19, 21] countries, but 25 items are listed",
        ],
        id="count",
    ),
    pytest.param(
        [n("n", 6, "ordinal"), n("c", 5, "attempts")],
        [{"id": "r", "kind": "ordinal", "ordinal": "n", "count": "c", "relation": "within"}],
        [
            "facts.yaml:23:5: error ordinal: ordinal r: n = ordinal 6 lies beyond c = 5 attempts",
        ],
        id="ordinal within fail",
    ),
    pytest.param(
        [n("n", 3, "ordinal"), n("c", 2, "weeks")],
        [{"id": "r", "kind": "ordinal", "ordinal": "n", "count": "c", "relation": "next"}],
        [],
        id="ordinal the third week after two",
    ),
    pytest.param(
        [n("n", 4001, "ordinal"), n("c", 4, "persons thousand")],
        [{"id": "r", "kind": "ordinal", "ordinal": "n", "count": "c", "relation": "within"}],
        [],
        id="ordinal within a scaled count",
    ),
    pytest.param(
        [n("n", 3, "ordinal"), n("c", 2, "ordinal")],
        [{"id": "r", "kind": "ordinal", "ordinal": "c", "count": "n", "relation": "next"}],
        [
            "facts.yaml:23:5: error dimension: ordinal r: count n is in ordinal, but must be a count",
        ],
        id="ordinal count is an ordinal",
    ),
    pytest.param(
        [n("n", 3, "persons"), n("c", 2, "EUR")],
        [{"id": "r", "kind": "ordinal", "ordinal": "n", "count": "c", "relation": "next"}],
        [
            "facts.yaml:23:5: error dimension: ordinal r: ordinal n is in persons, but must be an ordinal",
        ],
        id="ordinal not an ordinal",
    ),
]


@pytest.mark.parametrize(("facts", "rules", "expected"), CASES)
def test_rule_kinds_report_exactly(
    facts: list[dict[str, Any]], rules: list[dict[str, Any]], expected: list[str]
) -> None:
    outcome = check(facts, rules)
    assert outcome.lines == expected
    assert outcome.exit_code == (1 if any(": error " in line for line in expected) else 0)

# ruff: noqa: E501  (the expected output lines are long)
"""The letter's own cases (Kamerstuk 27 925, nr. 565): departures, the F-16 reduction, "vrijdag 28 oktober"."""

from __future__ import annotations

from typing import Any

from factbase import check

SECURITY = "Nationale veiligheid"
AIR = "Nederlandse inzet in luchtcampagne"


def departures(departed: int) -> list[dict[str, Any]]:
    quote = f"circa {departed} Nederlanders uitgereisd"
    return [
        {"id": "departed", "value": departed, "unit": "persons", "qualifier": "circa", "section": SECURITY, "quote": quote},
        {"id": "died", "value": 40, "unit": "persons", "qualifier": "probably", "section": SECURITY,
         "quote": "van wie waarschijnlijk 40 zijn overleden"},
        {"id": "returned", "value": 40, "unit": "persons", "qualifier": "circa", "section": SECURITY,
         "quote": "en circa 40 teruggekeerd"},
    ]


FATE = [{"id": "departed-fate", "kind": "inclusion", "total": "departed", "parts": ["died", "returned"]}]


def test_circa_220_departed_include_probably_40_died_and_circa_40_returned() -> None:
    outcome = check(departures(220), FATE)
    assert (outcome.lines, outcome.exit_code) == ([], 0)


def test_circa_70_departed_cannot_include_them() -> None:
    outcome = check(departures(70), FATE)
    assert outcome.lines == [
        "facts.yaml:32:5: error inclusion: inclusion departed-fate: parts died + returned = at least 76 persons, more than total departed = at most 73.5 persons"
    ]
    assert outcome.exit_code == 1
    (finding,) = outcome.report.findings
    assert (finding.rule_id, finding.facts) == ("departed-fate", ("departed", "died", "returned"))
    assert [related.message for related in finding.related] == [
        "departed = circa 70 persons (section 'Nationale veiligheid'): \u201ccirca 70 Nederlanders uitgereisd\u201d",
        "died = probably 40 persons (section 'Nationale veiligheid'): \u201cvan wie waarschijnlijk 40 zijn overleden\u201d",
        "returned = circa 40 persons (section 'Nationale veiligheid'): \u201cen circa 40 teruggekeerd\u201d",
    ]


def f16(before: dict[str, str] | None, after: dict[str, str] | None) -> list[dict[str, Any]]:
    facts: list[dict[str, Any]] = [
        {"id": "f16-before", "quantity": "nl-f16-count", "value": 6, "unit": "aircraft", "section": "Financiën",
         "quote": "de inzet van zes F-16's"},
        {"id": "f16-after", "quantity": "nl-f16-count", "value": 4, "unit": "aircraft", "section": AIR,
         "quote": "teruggebracht van zes naar vier"},
    ]
    for fact, valid in zip(facts, (before, after), strict=True):
        if valid:
            fact["valid"] = valid
    return facts


REDUCTION = [{"id": "f16-reduction", "kind": "change", "from": "f16-before", "to": "f16-after", "direction": "decrease"}]


def test_six_f16s_until_the_reduction_and_four_after_is_a_history() -> None:
    outcome = check(f16({"until": "2015-06"}, {"from": "2015-07"}), REDUCTION)
    assert (outcome.lines, outcome.exit_code) == ([], 0)


def test_four_and_six_f16s_at_the_same_time_is_an_agreement_error_naming_both_sections() -> None:
    outcome = check(f16(None, {"from": "2015-07"}), REDUCTION)
    assert outcome.lines == [
        "facts.yaml:16:5: error agreement: quantity nl-f16-count: f16-after states 4 aircraft (section 'Nederlandse inzet in luchtcampagne'), f16-before states 6 aircraft (section 'Financiën'), both valid at the same time"
    ]


def test_the_reduction_cannot_run_backwards_in_time() -> None:
    outcome = check(f16({"from": "2015-07"}, {"until": "2015-06"}), REDUCTION)
    assert outcome.lines == [
        "facts.yaml:25:5: error change: change f16-reduction: to f16-after is valid until 2015-06-30, before from f16-before is valid (2015-07-01)"
    ]


VISIT = [{"id": "lise-grande-visit", "value": "2015-10-28", "unit": "date", "section": "Humanitaire hulp",
          "quote": "op vrijdag 28 oktober jl. aan Genève"}]
FRIDAY = [{"id": "lise-grande-weekday", "kind": "weekday", "fact": "lise-grande-visit", "weekday": "vrijdag"}]
WEEKDAY_ERROR = "facts.yaml:17:5: error weekday: weekday lise-grande-weekday: lise-grande-visit = 2015-10-28 is a Wednesday, not a Friday (vrijdag)"
#: the automatic check finds it too, with no rule: at the fact whose quote states it
CALENDAR_ERROR = 'facts.yaml:15:12: error calendar: quote of lise-grande-visit: "vrijdag 28 oktober jl." names a Friday, but 2015-10-28 is a Wednesday'
REASON = "The letter says vrijdag 28 oktober; 28 October 2015 was a Wednesday."


def test_vrijdag_28_oktober_2015_is_a_weekday_error() -> None:
    outcome = check(VISIT, FRIDAY)
    assert (outcome.lines, outcome.exit_code) == ([CALENDAR_ERROR, WEEKDAY_ERROR], 1)
    assert (check(VISIT).lines, check(VISIT).exit_code) == ([CALENDAR_ERROR], 1)


def test_vrijdag_28_oktober_2015_acknowledged_is_reported_with_its_reason_and_passes() -> None:
    outcome = check(VISIT, FRIDAY, [{"rule": "lise-grande-weekday", "facts": ["lise-grande-visit"], "reason": REASON},
                                    {"rule": "calendar", "facts": ["lise-grande-visit"], "reason": REASON}])
    assert outcome.lines == [line.replace(": error ", ": info ") + f" [acknowledged: {REASON}]"
                             for line in (CALENDAR_ERROR, WEEKDAY_ERROR)]
    assert outcome.exit_code == 0
    assert (outcome.report.errors, outcome.report.acknowledged) == (0, 2)

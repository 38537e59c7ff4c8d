# ruff: noqa: E501  (the expected output lines are long)
"""The automatic weekday check (rules/calendar.py) and the date forms it and `value` read: weekdays
named with their dates, English month abbreviations, day ranges and datelines, and days relative to
the document's date.  Planted errors are applied to the letter's source and fact base together, as a
curator re-reading the changed letter would."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from factbase import fact_base_yaml, lines, write_base
from factcheck.cli import main
from factcheck.dates import WEEKDAYS_EN, WEEKDAYS_NL
from factcheck.engine import verify
from factcheck.numerals import find_numerals, find_weekdays
from factcheck.report import Report

REPO = Path(__file__).resolve().parents[1]
LETTER = "sources/kst-27925-565.txt"
LETTER_DATE = date(2015, 11, 2)
RELEASE_DATE = date(2017, 8, 24)  # a Thursday
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
             "november", "december")
#: the press-release abbreviations of each month (May has none), with and without the period
ABBREVIATIONS = {1: ["Jan"], 2: ["Feb"], 3: ["Mar"], 4: ["Apr"], 6: ["Jun"], 7: ["Jul"], 8: ["Aug"], 9: ["Sept", "Sep"],
                 10: ["Oct"], 11: ["Nov"], 12: ["Dec"]}
VISIT_FINDING = 'facts.yaml:956:12: error calendar: quote of lise-grande-visit: "vrijdag 28 oktober jl." names a Friday, but 2015-10-28 is a Wednesday'


def readings(text: str, tag: str, reference: date | None) -> list[tuple[str, str, bool]]:
    return [(item.text, item.meaning, item.weak) for item in find_numerals(text, tag, reference)]


# -- English dates as releases and registers write them -------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("on Aug. 23, 2017, the", [("Aug. 23, 2017", "2017-08-23", False)]),
    ("Sept. 1 and Sep 3", [("Sept. 1", "2017-09-01", False), ("Sep 3", "2017-09-03", False)]),
    ("strikes Aug. 30-31 near", [("Aug. 30-31", "2017-08-30..2017-08-31", False)]),
    ("August 30\u201331, 2017", [("August 30\u201331, 2017", "2017-08-30..2017-08-31", False)]),
    ("SOUTHWEST ASIA, Aug. 24, 2017 \u2013 Coalition military forces", [("Aug. 24, 2017", "2017-08-24", False)]),
    ("WASHINGTON, Dec. 5 (Reuters) - The", [("Dec. 5", "2017-12-05", False)]),
    ("since Oct. 2016", [("Oct. 2016", "2016-10-01..2016-10-31", False)]),
    # an abbreviation alone is a name or a word as often: "Jan", "Mar"
    ("Jan Smit and Mar", []),
    ("yesterday, today and tomorrow", [("yesterday", "2017-08-23", True), ("today", "2017-08-24", True),
                                       ("tomorrow", "2017-08-25", True)]),
    ("Last week and this week, not next week", [("Last week", "2017-08-14..2017-08-20", True),
                                                ("this week", "2017-08-21..2017-08-27", True),
                                                ("next week", "2017-08-28..2017-09-03", True)]),
    # "May" and "March" alone at a sentence's start are as often verbs: weak; in a sentence, months
    ("May I add: March on. It ends in May.", [("May", "2017-05-01..2017-05-31", True),
                                            ("March", "2017-03-01..2017-03-31", True),
                                            ("May", "2017-05-01..2017-05-31", False)]),
])
def test_english_release_dates(text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert readings(text, "en", RELEASE_DATE) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("gisteren, vandaag en morgen", [("gisteren", "2015-11-01", True), ("vandaag", "2015-11-02", True),
                                    ("morgen", "2015-11-03", True)]),
    ("vorige week, deze week en volgende week", [("vorige week", "2015-10-26..2015-11-01", True),
                                                 ("deze week", "2015-11-02..2015-11-08", True),
                                                 ("volgende week", "2015-11-09..2015-11-15", True)]),
    # a day between a range's days may have its weekday: still one range
    ("op dinsdag 3 en woensdag 4 november", [("3 en woensdag 4 november", "2015-11-03..2015-11-04", False)]),
])
def test_dutch_relative_days(text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert readings(text, "nl", LETTER_DATE) == expected


def test_a_relative_day_is_a_date_only_with_a_document_date() -> None:
    assert find_numerals("yesterday and last week", "en", None) == []
    assert find_numerals("gisteren", "nl", None) == []
    assert find_numerals("tomorrow", "en", date.max) == []  # past the calendar: no date, no crash


days = st.dates(date(1900, 1, 1), date(2099, 12, 31))


@given(day=days, data=st.data())
def test_a_day_in_every_english_form_reads_back_as_that_day(day: date, data: st.DataObject) -> None:
    """Generated days, rendered as press releases and registers write them, read back as the same day."""
    month = MONTHS_EN[day.month - 1]
    names = [month, *(abbreviation + period for abbreviation in ABBREVIATIONS.get(day.month, [])
                      for period in ("", "."))]
    name = data.draw(st.sampled_from(names))
    text = data.draw(st.sampled_from([f"{name} {day.day}, {day.year}", f"{name} {day.day} {day.year}",
                                      f"{day.day} {name} {day.year}"]))
    found = find_numerals(f"on {text} the", "en", RELEASE_DATE)
    assert [(item.text, item.meaning) for item in found] == [(text, day.isoformat())]


@given(day=days, length=st.integers(1, 5), dash=st.sampled_from(["-", "\u2013"]), data=st.data())
def test_a_day_range_in_a_month_reads_back_as_the_range_and_its_ends(day: date, length: int, dash: str,
                                                                        data: st.DataObject) -> None:
    last = day + timedelta(length)
    if last.month != day.month:
        last = day.replace(day=day.day + 1) if day.day < 28 else day - timedelta(1)
    first, last = min(day, last), max(day, last)
    name = data.draw(st.sampled_from([MONTHS_EN[day.month - 1], *(abbreviation + "."
                                                                  for abbreviation in ABBREVIATIONS.get(day.month, []))]))
    text = f"{name} {first.day}{dash}{last.day}, {first.year}"
    (item,) = find_numerals(text, "en", RELEASE_DATE)
    assert item.text == text
    assert [(reading.first, reading.last) for reading in item.dates] == [(first, last), (first, first), (last, last)]


@given(reference=days, tag=st.sampled_from(["en", "nl"]), offset=st.sampled_from([-1, 0, 1]))
def test_relative_days_and_weeks_are_counted_from_the_document_date(reference: date, tag: str, offset: int) -> None:
    day_words = {"en": ["yesterday", "today", "tomorrow"], "nl": ["gisteren", "vandaag", "morgen"]}[tag]
    week_words = {"en": ["last week", "this week", "next week"], "nl": ["vorige week", "deze week", "volgende week"]}[tag]
    (day,) = find_numerals(day_words[offset + 1].capitalize(), tag, reference)
    assert (day.dates[0].first, day.dates[0].last, day.weak) == (reference + timedelta(offset),) * 2 + (True,)
    (week,) = find_numerals(week_words[offset + 1], tag, reference)
    same_day = reference + timedelta(7 * offset)
    assert week.dates[0].first.weekday() == 0
    assert week.dates[0].first <= same_day <= week.dates[0].last == week.dates[0].first + timedelta(6)


# -- weekdays named with their dates --------------------------------------------------------------

@pytest.mark.parametrize(("text", "tag", "expected"), [
    ("Tijdens een bezoek op vrijdag 28 oktober jl. aan Genève", "nl", [("vrijdag 28 oktober jl.", 4, "2015-10-28")]),
    ("op dinsdag 3 en woensdag 4 november", "nl", [("dinsdag 3 en woensdag 4 november", 1, "2015-11-03"),
                                                  ("woensdag 4 november", 2, "2015-11-04")]),
    ("op Maandag 2 november 2015", "nl", [("Maandag 2 november 2015", 0, "2015-11-02")]),
    ("on Friday, Aug. 25 the", "en", [("Friday, Aug. 25", 4, "2015-08-25")]),
    ("Thursday, August 6, 2020", "en", [("Thursday, August 6, 2020", 3, "2020-08-06")]),
    ("Fri., Sept. 1 and THURSDAY 3 September", "en", [("Fri., Sept. 1", 4, "2015-09-01"),
                                                      ("THURSDAY 3 September", 3, "2015-09-03")]),
    # a weekday before no date of one day, and an abbreviation without its period, name no day
    ("vrijdag eind oktober, zondag in november, maandag 3 personen", "nl", []),
    ("the Sun 25 August, Sat 2 September, Friday in May", "en", []),
])
def test_weekdays_named_with_a_date(text: str, tag: str, expected: list[tuple[str, int, str]]) -> None:
    assert [(named.text, named.weekday, named.day.isoformat())
            for named in find_weekdays(text, tag, LETTER_DATE)] == expected


@given(day=days, named=st.integers(0, 6), tag=st.sampled_from(["en", "nl"]), data=st.data())
def test_a_generated_weekday_and_date_read_back(day: date, named: int, tag: str, data: st.DataObject) -> None:
    """Whatever the form, the pair reads back as the weekday written and the day written."""
    if tag == "nl":
        weekday = data.draw(st.sampled_from([WEEKDAYS_NL[named], WEEKDAYS_NL[named].capitalize()]))
        text = f"{weekday} {day.day} {MONTHS_NL[day.month - 1]} {day.year}"
    else:
        abbreviation = {0: "Mon.", 1: "Tues.", 2: "Wed.", 3: "Thurs.", 4: "Fri.", 5: "Sat.", 6: "Sun."}[named]
        weekday = data.draw(st.sampled_from([WEEKDAYS_EN[named].capitalize() + ",", abbreviation]))
        month = data.draw(st.sampled_from([MONTHS_EN[day.month - 1], *(name + "." for name in ABBREVIATIONS.get(day.month, []))]))
        text = data.draw(st.sampled_from([f"{weekday} {month} {day.day}, {day.year}", f"{weekday} {day.day} {month} {day.year}"]))
    assert [(found.text, found.weekday, found.day) for found in find_weekdays(f"on {text} the", tag, LETTER_DATE)] == [
        (text, named, day)]


# -- the check on the letter ----------------------------------------------------------------------

def letter(tmp_path: Path, *edits: tuple[str, str], fact_edits: tuple[tuple[str, str], ...] = ()) -> Path:
    """A copy of the shipped letter and fact base, with each (old, new) edit applied to the source and
    the fact base alike (and `fact_edits` to the fact base alone); the fact file's path."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "sources").mkdir()
    source = (REPO / LETTER).read_text(encoding="utf-8")
    base = (REPO / "facts.yaml").read_text(encoding="utf-8")
    for old, new in edits:
        assert old in source
        source, base = source.replace(old, new), base.replace(old, new)
    for old, new in fact_edits:
        assert old in base
        base = base.replace(old, new)
    (tmp_path / LETTER).write_text(source, encoding="utf-8")
    (tmp_path / "facts.yaml").write_text(base, encoding="utf-8")
    return tmp_path / "facts.yaml"


def run(path: Path) -> Report:
    return verify([path], cwd=path.parent, root=path.parent)


def unacknowledged(report: Report) -> list[str]:
    return lines(finding for finding in report.findings if finding.acknowledged is None)


WITHOUT_ACKNOWLEDGEMENTS = (
    "\nacknowledged:\n  - rule: calendar\n    facts: [lise-grande-visit]\n    reason: The letter says \"op vrijdag 28 oktober jl.\"; 28 October 2015 was a Wednesday (the Fridays around it were 23 and 30 October). Recorded as the letter states it.\n",
    "\n")


def test_the_letters_weekday_error_is_found_with_no_weekday_rule_and_no_acknowledgement(tmp_path: Path) -> None:
    base = (REPO / "facts.yaml").read_text(encoding="utf-8")
    assert "kind: weekday" not in base  # the shipped base has no weekday rule: the check needs none
    path = letter(tmp_path, fact_edits=(WITHOUT_ACKNOWLEDGEMENTS,))
    assert "acknowledged:" not in path.read_text(encoding="utf-8")
    report = run(path)
    assert (lines(report.findings), report.exit_code()) == ([VISIT_FINDING], 1)
    (finding,) = report.findings
    assert [(str(related.location), related.message) for related in finding.related] == [
        ("sources/kst-27925-565.txt:760:58", "the source states it here")]
    assert (REPO / LETTER).read_text(encoding="utf-8").splitlines()[759][57:64] == "vrijdag"


def test_the_shipped_base_acknowledges_it() -> None:
    report = run(REPO / "facts.yaml")
    assert report.exit_code() == 0
    assert [(finding.kind, finding.facts) for finding in report.findings] == [("calendar", ("lise-grande-visit",))]


# planted in the letter, with the fact's quote edited alike: (old, new, the findings)
PLANTED = [
    ("Op 30 september 2015 werden", "Op donderdag 30 september 2015 werden", [
        'facts.yaml:392:12: error calendar: quote of russia-first-airstrikes-date: "donderdag 30 september 2015" names a Thursday, but 2015-09-30 is a Wednesday']),
    ("Op 30 september 2015 werden", "Op woensdag 30 september 2015 werden", []),
    # two facts quote the pair: each is told
    ("Op 29 september jl. kwamen", "Op maandag 29 september jl. kwamen", [
        'facts.yaml:499:12: error calendar: quote of leaders-summit-date: "maandag 29 september jl." names a Monday, but 2015-09-29 is a Tuesday',
        'facts.yaml:507:12: error calendar: quote of leaders-summit-countries: "maandag 29 september jl." names a Monday, but 2015-09-29 is a Tuesday']),
    ("Op 29 september jl. kwamen", "Op dinsdag 29 september jl. kwamen", []),
    # no fact quotes it: the finding stands at the source line, at the weekday
    ("de positie van minderheden op de Ninivévlakte. ",
     "de positie van minderheden op de Ninivévlakte. Een vervolg volgt op woensdag 10 november a.s. ", [
         "sources/kst-27925-565.txt:762:69: error calendar: \"woensdag 10 november a.s.\" names a Wednesday, but 2015-11-10 is a Tuesday"]),
    ("de positie van minderheden op de Ninivévlakte. ",
     "de positie van minderheden op de Ninivévlakte. Een vervolg volgt op dinsdag 10 november a.s. ", []),
]


@pytest.mark.parametrize(("old", "new", "expected"), PLANTED)
def test_a_weekday_planted_in_the_letter(old: str, new: str, expected: list[str], tmp_path: Path) -> None:
    report = run(letter(tmp_path, (old, new)))
    assert unacknowledged(report) == expected
    assert report.exit_code() == (1 if expected else 0)


def test_a_finding_at_the_source_is_acknowledged_by_its_words(tmp_path: Path) -> None:
    old, new, _ = PLANTED[4]
    path = letter(tmp_path, (old, new))
    text = path.read_text(encoding="utf-8")
    acknowledgement = '  - rule: calendar\n    text: "woensdag 10 november"\n    reason: The letter names the wrong weekday.\n'
    path.write_text(text.replace("\nacknowledged:\n", "\nacknowledged:\n" + acknowledgement), encoding="utf-8")
    report = run(path)
    assert (unacknowledged(report), report.exit_code()) == ([], 0)
    assert [finding.location.path for finding in report.findings if finding.acknowledged] == ["facts.yaml", LETTER]
    # the same words acknowledge nothing once the letter is right: stale
    path.parent.joinpath(LETTER).write_text(path.parent.joinpath(LETTER).read_text(encoding="utf-8").replace(
        "woensdag 10 november", "dinsdag 10 november"), encoding="utf-8")
    assert unacknowledged(run(path)) == [
        "facts.yaml:1380:5: error stale-acknowledgement: acknowledgement of 'calendar' with text 'woensdag 10 november' matches no finding; remove it"]


def test_its_severity_can_be_set(tmp_path: Path) -> None:
    path = letter(tmp_path, fact_edits=(WITHOUT_ACKNOWLEDGEMENTS, ("\nunits:", "\nsettings:\n  severity: {calendar: warning}\nunits:")))
    report = run(path)
    assert (lines(report.findings), report.exit_code()) == ([VISIT_FINDING.replace("956:12: error", "958:12: warning")], 0)


# -- every format shows a finding that stands in a source ------------------------------------------

@pytest.fixture
def at_source(tmp_path: Path) -> Path:
    source = "Het overleg was op vrijdag 28 oktober jl. in Genève.\n"
    return write_base(tmp_path, fact_base_yaml([{"id": "other", "value": 3, "unit": "persons"}]), source=source)


def test_every_format_shows_a_finding_in_a_source(at_source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(at_source.parent)
    message = '"vrijdag 28 oktober jl." names a Friday, but 2015-10-28 is a Wednesday'

    def output(*args: str) -> str:
        result = CliRunner().invoke(main, [*args])
        assert result.exit_code == 1, result.output
        return result.stdout

    assert output("verify").splitlines() == [
        f"source.txt:1:20: error calendar: {message}",
        " 1 | Het overleg was op vrijdag 28 oktober jl. in Genève.",
        "   |                    ^",
        "1 error, 0 warnings, 0 acknowledged; 1 fact, 0 rules in 1 file"]
    assert output("verify", "-f", "parsable").splitlines()[0] == f"source.txt:1:20: [error] {message} (calendar)"
    assert output("verify", "-f", "github").splitlines()[0] == (
        f"::error file=source.txt,line=1,col=20,title=factcheck calendar::{message}")
    (finding,) = json.loads(output("verify", "-f", "json"))["findings"]
    assert (finding["kind"], finding["location"], finding["facts"]) == (
        "calendar", {"file": "source.txt", "line": 1, "column": 20}, [])
    (result,) = json.loads(output("verify", "-f", "sarif"))["runs"][0]["results"]
    assert result["locations"] == [{"physicalLocation": {"artifactLocation": {"uri": "source.txt"},
                                                         "region": {"startLine": 1, "startColumn": 20}}}]
    assert output("report", "-o", "report.html").startswith("wrote report.html")
    html = (at_source.parent / "report.html").read_text(encoding="utf-8")
    assert ('<span class="n">1</span><span class="t">Het overleg was op <mark>vrijdag 28 oktober jl. in Genève.</mark>'
            '</span>') in html
    shown = CliRunner().invoke(main, ["show", "other"])
    assert shown.exit_code == 0, shown.output


def test_a_source_shared_by_two_fact_files_is_told_once(tmp_path: Path) -> None:
    source = "Het overleg was op vrijdag 28 oktober jl. in Genève.\n"
    quoting = {"id": "meeting", "value": "2015-10-28", "unit": "date", "section": "(opening)",
               "quote": "op vrijdag 28 oktober jl."}
    first = write_base(tmp_path, fact_base_yaml([{"id": "a", "value": 1, "unit": "persons"}]), source=source, name="a.yaml")
    second = write_base(tmp_path, fact_base_yaml([{"id": "b", "value": 1, "unit": "persons"}]).replace("id: example", "id: other"),
                        source=source, name="b.yaml")
    both = verify([first, second], cwd=tmp_path, root=tmp_path)
    assert lines(both.findings) == [
        'source.txt:1:20: error calendar: "vrijdag 28 oktober jl." names a Friday, but 2015-10-28 is a Wednesday']
    second.write_text(fact_base_yaml([quoting], settings={}).replace("id: example", "id: other"), encoding="utf-8")
    quoted = verify([first, second], cwd=tmp_path, root=tmp_path)
    assert [re.sub(r":\d+:\d+:", ":", line) for line in lines(quoted.findings)] == [
        'b.yaml: error calendar: quote of meeting: "vrijdag 28 oktober jl." names a Friday, but 2015-10-28 is a Wednesday']


def test_an_english_release_with_its_weekdays(tmp_path: Path) -> None:
    release = ("SOUTHWEST ASIA, Aug. 24, 2017 \u2013 Coalition forces conducted 20 strikes on Wednesday, Aug. 23,\n"
               "and 12 strikes Thursday, Aug. 24, 2017. Yesterday's strikes hit ISIS.\n")
    facts: list[dict[str, Any]] = [{"id": "strikes", "value": 20, "unit": "items", "section": "(opening)",
              "quote": "conducted 20 strikes on Wednesday, Aug. 23"},
             {"id": "strikes-day", "value": "2017-08-23", "unit": "date", "section": "(opening)",
              "quote": "Yesterday's strikes"}]
    document = {"language": "en", "date": "2017-08-24"}
    path = write_base(tmp_path, fact_base_yaml(facts, document=document, settings={}), source=release)
    report = verify([path], cwd=tmp_path, root=tmp_path)
    assert (lines(report.findings), report.exit_code()) == ([], 0)
    path.write_text(path.read_text(encoding="utf-8").replace("2017-08-23", "2017-08-22"), encoding="utf-8")
    (tmp_path / "source.txt").write_text(release.replace("Thursday", "Friday"), encoding="utf-8")
    report = verify([path], cwd=tmp_path, root=tmp_path)
    assert lines(report.findings) == [
        "facts.yaml:16:12: error value: value 2017-08-22 is not what the quote states: \"Yesterday\" (2017-08-23)",
        'source.txt:2:16: error calendar: "Friday, Aug. 24, 2017" names a Friday, but 2017-08-24 is a Thursday']


def test_an_acknowledgement_text_must_hold_a_word(tmp_path: Path) -> None:
    acknowledged = [{"rule": "calendar", "text": "  ", "reason": "The letter names the wrong weekday."}]
    path = write_base(tmp_path, fact_base_yaml([{"id": "a", "value": 1, "unit": "persons"}], acknowledged=acknowledged))
    report = verify([path], cwd=tmp_path, root=tmp_path)
    assert [(finding.kind, finding.location.line) for finding in report.findings] == [("schema", 18)]

"""weekday — a date stated with a weekday falls on that weekday.

A ``weekday`` rule names a date ``fact`` and the ``weekday`` the document gives it, in English
or Dutch (``friday`` or ``vrijdag``, any case).  It is an **error** when the date is not that
day of the week; for a date less precise than a day (``2015-10-late``) only when no day in it
is.  An unknown weekday name is an error too.

Passes — Wednesday 28 October 2015::

    facts:
      - {id: lise-grande-visit, value: "2015-10-28", unit: date}
    rules:
      - {id: lise-grande-weekday, kind: weekday, fact: lise-grande-visit, weekday: woensdag}

Fails — the letter says "vrijdag 28 oktober", but 28 October 2015 was a Wednesday::

    facts:
      - {id: lise-grande-visit, value: "2015-10-28", unit: date}
    rules:
      - {id: lise-grande-weekday, kind: weekday, fact: lise-grande-visit, weekday: vrijdag}

    facts.yaml:17:5: error weekday: weekday lise-grande-weekday: lise-grande-visit = 2015-10-28 is a Wednesday, not a Friday (vrijdag)
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from factcheck.dates import WEEKDAYS_EN, WEEKDAYS_NL, DateInterval
from factcheck.findings import Finding, Severity
from factcheck.model import FactBase, Rule
from factcheck.rules._relations import days, unfit, violation
from factcheck.rules.spec import FactRef, RuleKind, Text

ENGLISH, DUTCH = WEEKDAYS_EN, WEEKDAYS_NL
WEEKDAYS: dict[str, int] = {**{name: day for day, name in enumerate(ENGLISH)},
                            **{name: day for day, name in enumerate(DUTCH)}}


def weekdays(interval: DateInterval) -> set[int]:
    """The weekdays (0 = Monday) that occur in an interval of days."""
    span = min((interval.last - interval.first).days, 6)
    return {(interval.first + timedelta(offset)).weekday() for offset in range(span + 1)}


def check(base: FactBase) -> Iterator[Finding]:
    for rule in base.rules_of("weekday"):
        yield from _check(base, rule)


def _check(base: FactBase, rule: Rule) -> Iterator[Finding]:
    fact = base.fact(rule, "fact")
    problem = unfit(rule, "fact", fact, "a date", fact.when is not None)
    if problem is not None:
        yield problem
        return
    name = rule.data["weekday"]
    wanted = WEEKDAYS.get(name.lower())
    if wanted is None:
        yield violation(rule, Severity.ERROR, f"unknown weekday {name!r}; use an English or Dutch day name",
                        [fact])
        return
    when = days(fact)
    if wanted in weekdays(when):
        return
    said = ENGLISH[wanted].capitalize() + ("" if name.lower() == ENGLISH[wanted] else f" ({name})")
    if when.first == when.last:
        actual = f"is a {ENGLISH[when.first.weekday()].capitalize()}, not a {said}"
    else:
        actual = f"has no {said}"
    yield violation(rule, Severity.ERROR, f"{fact.id} = {when} {actual}", [fact])


KIND = RuleKind(
    name="weekday",
    check=check,
    description="A date stated with a weekday falls on it.",
    references={"fact": FactRef()},
    options={"weekday": Text("The weekday the document names, in English or Dutch (friday, vrijdag).")},
)

"""relative — a date stated as past ("jl.") precedes the document's date; a future one ("a.s.") follows it.

A ``relative`` rule names a date ``fact`` and its ``tense``: ``past`` for "jl." (jongstleden) or
"last", ``future`` for "a.s." (aanstaande) or "next".  The reference is the ``date`` of the
document the fact comes from.  It is an **error** when no day of the fact's date lies on the
stated side of the document's date (the document's own day is on neither side).

Passes — "12 oktober jl." in a letter of 2 November 2015::

    document: {date: "2015-11-02"}
    facts:
      - {id: council-conclusions, value: "2015-10-12", unit: date}
    rules:
      - {id: council-conclusions-past, kind: relative, fact: council-conclusions, tense: past}

Fails — "28 november jl." in the same letter::

    document: {date: "2015-11-02"}
    facts:
      - {id: council-conclusions, value: "2015-11-28", unit: date}
    rules:
      - {id: council-conclusions-past, kind: relative, fact: council-conclusions, tense: past}

    facts.yaml:17:5: error relative: relative council-conclusions-past: council-conclusions = 2015-11-28 is stated as past, but the document example is dated 2015-11-02
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.findings import Finding, Severity
from factcheck.model import FactBase, Rule
from factcheck.rules._relations import days, unfit, violation
from factcheck.rules.spec import Choice, FactRef, RuleKind


def check(base: FactBase) -> Iterator[Finding]:
    for rule in base.rules_of("relative"):
        yield from _check(base, rule)


def _check(base: FactBase, rule: Rule) -> Iterator[Finding]:
    fact = base.fact(rule, "fact")
    problem = unfit(rule, "fact", fact, "a date", fact.when is not None)
    if problem is not None:
        yield problem
        return
    tense, when, dated = rule.data["tense"], days(fact), fact.document.date
    if tense == "past" and when.first < dated.first:
        return
    if tense == "future" and when.last > dated.last:
        return
    message = f"{fact.id} = {when} is stated as {tense}, but the document {fact.document.id} is dated {dated}"
    yield violation(rule, Severity.ERROR, message, [fact])


KIND = RuleKind(
    name="relative",
    check=check,
    description="A date stated as past (jl., last) precedes the document date; a future one (a.s., next) follows it.",
    references={"fact": FactRef()},
    options={"tense": Choice(("past", "future"))},
)

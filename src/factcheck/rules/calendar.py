"""calendar — a weekday the source names with a date is that date's weekday.

Automatic: every source is read for a weekday followed by its date — "vrijdag 28 oktober jl.",
"maandag 2 november", "dinsdag 3 en woensdag 4 november", "Thursday, August 6, 2020", "on
Friday, Aug. 25", "Fri., Sept. 1" — in the document's language, and the date is read as ``value``
reads it: a date without a year takes the document's year, "jl." the most recent such date before
the document.  It is an **error** when the date falls on another day of the week.  No rule entry is
needed; a ``weekday`` rule still checks a weekday stated apart from its date.

Where the pair is reported:

* when the quote of a fact overlaps it, at that fact's ``quote``, with the place in the source as a
  note — one finding per such fact, acknowledged like any fact's (``{rule: calendar, facts: [ID]}``);
* otherwise at the source itself (its path as the findings show sources, line and column of the
  weekday), with no fact: acknowledge it with the words it quotes,
  ``{rule: calendar, text: "vrijdag 28 oktober"}``.

The same pair is never reported both ways.

Passes — the letter is dated 2 November 2015, a Monday::

    - {id: letter-day, value: "2015-11-02", unit: date, quote: "maandag 2 november", ...}

Fails — 28 October 2015 was a Wednesday::

    facts.yaml:956:12: error calendar: quote of lise-grande-visit: "vrijdag 28 oktober jl." names a Friday, but 2015-10-28 is a Wednesday
    sources/kst-27925-565.txt:760:52: note: the source states it here
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.dates import WEEKDAYS_EN
from factcheck.findings import Finding, Related, Severity
from factcheck.model import FactFile
from factcheck.rules.spec import RuleKind, Scope


def check(file: FactFile) -> Iterator[Finding]:
    # here, not above: the spec is read at every start, and the readers cost ~12 ms to import
    from factcheck.numerals import find_weekdays
    from factcheck.rules._sources import quoted_facts, source_location
    from factcheck.sourcetext import prepare

    if file.source is None or not file.facts:
        return
    document = next(iter(file.facts.values())).document
    source = prepare(file.source)  # shared with the other per-file kinds: prepared once
    for named in find_weekdays(source.plain, document.language, document.date.first):
        actual = named.day.weekday()
        if actual == named.weekday:
            continue
        span = source.from_plain(named.start, named.end)
        where = source_location(document, source, span.start)
        said = (f"\"{named.text}\" names a {WEEKDAYS_EN[named.weekday].capitalize()}, but {named.day.isoformat()} "
                f"is a {WEEKDAYS_EN[actual].capitalize()}")
        quoting = [quoted.fact for quoted in quoted_facts(file)
                   if any(match.start < span.end and span.start < match.end for match in quoted.matches)]
        for fact in quoting:
            yield Finding("calendar", Severity.ERROR, f"quote of {fact.id}: {said}", fact.at("quote"),
                          (Related(where, "the source states it here"),), (fact.id,))
        if not quoting:
            yield Finding("calendar", Severity.ERROR, said, where)


KIND = RuleKind(name="calendar", check=check, scope=Scope.PER_FILE)

# ruff: noqa: RUF002 - typographic quotes are the subject matter here
"""quote — every fact's quote stands in its document's source.

Automatic: every fact is checked, no rule entries needed.  The quote is matched against the
source as a reader sees it, not as the layout broke it: line breaks and runs of spaces are one
space, a word hyphenated across a line break matches with or without its hyphen, page footers
in the middle of a sentence are skipped, and typographic quotes, apostrophes and dashes match
their plain forms (’ and ', « and ", – and -).  Letters, digits and their case must be exact.
When the quote is not found, the finding names the most similar passage and its line.  A fact
whose quote is not found is not judged by ``value`` and ``section``.

Passes — the quote runs over a line break of the source ("…Het budget voor 2015 ⏎ is hierdoor…")::

    - {id: budget, value: 122, unit: EUR million, quote: "Het budget voor 2015 is hierdoor opgehoogd naar 122 miljoen euro", ...}

Fails — one digit differs::

    facts.yaml:88:12: error quote: quote of budget not found in sources/kst-27925-565.txt; closest passage (line 800): "Het budget voor 2015 is hierdoor opgehoogd naar 122 miljoen euro"
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.findings import Finding, Related, Severity
from factcheck.model import FactFile
from factcheck.rules.spec import RuleKind, Scope


def check(file: FactFile) -> Iterator[Finding]:
    # here, not above: the spec below is read at every start, and the source reader costs ~5 ms to import
    from factcheck.rules._sources import quoted_facts, source_location
    from factcheck.sourceread import source_path
    from factcheck.sourcetext import MAX_PROBE, normalise

    for quoted in quoted_facts(file):
        if quoted.matches:
            continue
        fact, source = quoted.fact, quoted.source(file)
        index, passage = source.closest(fact.quote)
        where = source_location(fact.document, source, index)
        more = "\u2026" if len(normalise(fact.quote)) > MAX_PROBE else ""  # only the beginning was compared
        message = (f"quote of {fact.id} not found in {source_path(fact.document)}; "
                   f"closest passage (line {where.line}): \"{passage}{more}\"")
        related = (Related(where, "the closest passage"),)
        yield Finding("quote", Severity.ERROR, message, fact.at("quote"), related, (fact.id,))


KIND = RuleKind(name="quote", check=check, scope=Scope.PER_FILE)

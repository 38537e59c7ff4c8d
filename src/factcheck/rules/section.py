"""section — every fact's quote stands under the section the fact names.

Automatic: every fact whose quote stands in the source is checked, against the headings found
in the source (see docs/provenance.md: a heading stands alone on its line,
is short and has no final period).  The quote stands under the nearest heading above it, and
also under headings stacked directly above that one ("Ontwikkelingen Irak" then "Politiek");
a quote before the first heading stands under the section "(opening)".  A quote in a table also
stands under the table's caption, with or without its scale ("Uitgaven (bedragen x € 1.000)" or
"Uitgaven"), and under the headings above the table; rows and labels of a table are never headings.
A quote that occurs more than once passes when any occurrence stands under the section.
A source without headings is not checked.

Passes::

    - {id: budget, section: Financiën, quote: "Het budget voor 2015 is hierdoor opgehoogd naar 122 miljoen euro", ...}

Fails — the quote stands under another heading::

    facts.yaml:93:14: error section: quote of budget stands under section "Financiën" (line 793), not "Nationale veiligheid"
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.findings import Finding, Severity
from factcheck.model import FactFile
from factcheck.rules.spec import RuleKind, Scope


def check(file: FactFile) -> Iterator[Finding]:
    # here, not above: the spec below is read at every start, and the source reader costs ~5 ms to import
    from factcheck.rules._sources import found
    from factcheck.sourcetext import OPENING, stands_under

    for quoted in found(file):
        fact = quoted.fact
        tables = quoted.tables or (None,) * len(quoted.headings)
        if not quoted.headings or any(stands_under(heading, fact.section, table)
                                      for heading, table in zip(quoted.headings, tables, strict=True)):
            continue
        first, source = quoted.headings[0], quoted.source(file)
        if first is None:
            line = source.where(source.headings[0].line)
            where = f"under section \"{OPENING}\" (the text before the first heading, {line})"
        else:
            where = f"under section \"{first.title}\" ({source.where(first.line)})"
        yield Finding("section", Severity.ERROR, f"quote of {fact.id} stands {where}, not \"{fact.section}\"",
                      fact.at("section"), facts=(fact.id,))


KIND = RuleKind(name="section", check=check, scope=Scope.PER_FILE)

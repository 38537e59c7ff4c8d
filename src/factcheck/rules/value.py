"""value — every fact's value is what its quote states.

Automatic: every fact whose quote stands in the source is checked.  The numbers, number words,
ordinals, vague counts, percentages and dates of the quote are read in the document's language
(see docs/provenance.md), and the fact's value, as written, must be one of
them:

* a number with the unit's scale word: ``7.5`` in ``persons million`` is "7,5 miljoen",
  ``100`` in ``EUR million`` is "100 miljoen euro", ``250000`` in ``persons`` is "250.000";
* a date: ``"2015-10-02"`` is "2 oktober 2015", ``"2015-08-early"`` is "begin augustus 2015",
  ``"2015-07-29"`` is "29 juli jl." in a letter of November 2015, ``"2014-09/2014-11"`` is "het
  najaar van 2014", ``"2015-H1"`` is "de eerste helft van dit jaar";
* a range ``{min, max}``: exactly the range of a vague count ("tientallen" is 20..99), or both
  ends stated as numbers;
* in unit ``ordinal``, an ordinal ("vijfde", "op een na hoogste") or a number naming a position
  ("fase twee"); in ``percent``, a percentage or a number.
* in a table row under a stated scale ("(bedragen x € 1.000)", "(in € mln)", "(in thousands of
  dollars)"), the row's bare numbers at that scale: "173.850" is ``173850`` in ``EUR thousand``,
  ``173.85`` in ``EUR million`` and ``173850000`` in ``EUR``, but not ``173850`` in ``EUR``.  A scale
  naming a currency applies to amounts in that currency only (see docs/provenance.md, Tables).

The value must also be the only thing there of its dimension: a quote that states two amounts
("48,5 miljoen euro en 110 miljoen euro") needs the fact's ``at:``, the words of the one meant, and
the value is read there alone; else the fact is ``ambiguous``.  Digits the document's notation
misreads ("12,5" in English) are a ``notation`` finding (docs/provenance.md).

The qualifier is not read from the quote: "ruim 700" states 700.  A value that cannot fit its
unit at all (a number in unit ``date``, a date string in a count) is reported under this kind too,
when the fact base is loaded.

Passes::

    - {id: budget-air, value: 77.5, unit: EUR million, quote: "77,5 miljoen euro is bestemd voor de luchtcampagne", ...}

Fails — the value has a digit the quote does not::

    facts.yaml:95:12: error value: value 75.5 EUR million is not what the quote states: "77,5 miljoen" (77500000)
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.findings import Finding
from factcheck.model import FactFile
from factcheck.rules.spec import RuleKind, Scope


def check(file: FactFile) -> Iterator[Finding]:
    # here, not above: the spec below is read at every start, and the source and numeral readers cost
    # ~12 ms to import
    from factcheck.rules._sources import found
    from factcheck.rules._statements import findings

    for quoted in found(file):
        yield from findings(quoted.fact, quoted.scales, in_table=any(quoted.tables))


KIND = RuleKind(name="value", check=check, scope=Scope.PER_FILE)

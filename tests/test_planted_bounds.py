# ruff: noqa: E501  (exact finding lines are long)
"""Errors planted in the shipped letter where only exact interval ends can see them, and harmless edits
that must stay clean.  Each edit changes the source and the fact base together, as a curator re-reading
the changed letter would, and the shipped base is verified as it stands (its own acknowledgement
included), so each case's lines are everything verify reports beyond the shipped base."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.engine import verify
from factcheck.formatters.text import finding_line

REPO = Path(__file__).resolve().parents[1]
SOURCE = "sources/kst-27925-565.txt"

#: A sentence citing a table in thousands of euros, added with its fact; `{amount}` is filled in.
TABLE_LINE = "luchtcampagne en 40 miljoen euro voor de trainingsmissie (tabel 3: {amount} duizend euro \nvoor de luchtcampagne). \n"
TABLE_FACT = """
  - id: budget-2015-initial-air-table
    quantity: nl-isis-budget-2015-air
    value: {value}
    unit: EUR thousand
    valid: {{until: "2015-10-02"}}
    section: Financiën
    quote: "tabel 3: {amount} duizend euro voor de luchtcampagne"
    at: "{amount} duizend euro"
"""

#: name -> (source edits, fact base edits), each edit an (old, new) replacement that must apply once
Edits = list[tuple[str, str]]
CASES: dict[str, tuple[Edits, Edits]] = {
    # "ruim 100%": more than 100 lies above the bound's max of 100
    "ruim 100%": (
        [("bijna 75% van de bevolking", "ruim 100% van de bevolking")],
        [('    value: 75\n    unit: percent\n    qualifier: almost\n', '    value: 100\n    unit: percent\n    qualifier: more_than\n'),
         ('"waar inmiddels bijna 75% van de bevolking', '"waar inmiddels ruim 100% van de bevolking')],
    ),
    # "bijna 4 miljoen" [3.5, 4) and "meer dan vier miljoen" (4, 4.5) share no value
    "bijna 4 miljoen": (
        [("recordhoogte bereikt van 4 miljoen", "recordhoogte bereikt van bijna 4 miljoen")],
        [('    unit: persons million\n    section: Syrië regio\n    quote: "een recordhoogte bereikt van 4 miljoen mensen"',
          '    unit: persons million\n    qualifier: almost\n    section: Syrië regio\n    quote: "een recordhoogte bereikt van bijna 4 miljoen mensen"')],
    ),
    # "59 miljoen" covers [58.5, 59.5); the table's 59.500 thousand is 59.5 million, which rounds to 60
    "59 miljoen against 59.500": (
        [("Hiervan was 60 miljoen", "Hiervan was 59 miljoen"),
         ("luchtcampagne en 40 miljoen euro voor de trainingsmissie. \n", TABLE_LINE.format(amount="59.500"))],
        [('    value: 60\n', '    value: 59\n'), ('"60 miljoen euro bestemd', '"59 miljoen euro bestemd'),
         ("\n  - id: budget-2015-initial-training\n",
          TABLE_FACT.format(value=59500, amount="59.500") + "\n  - id: budget-2015-initial-training\n")],
    ),
    # 2 October 2016 is before "oktober 2016" only if the month means 3-31 October
    "2 oktober 2016 before oktober 2016": (
        [("(2 oktober 2015)", "(2 oktober 2016)")],
        [('    value: "2015-10-02"\n    unit: date\n    section: Financiën\n',
          '    value: "2016-10-02"\n    unit: date\n    section: Financiën\n'),
         ('"tot het einde van het initiële mandaat (2 oktober 2015)"', '"tot het einde van het initiële mandaat (2 oktober 2016)"')],
    ),
    # harmless: "bijna 100%" stays below the max of 100
    "harmless: bijna 100%": (
        [("bijna 75% van de bevolking", "bijna 100% van de bevolking")],
        [('    value: 75\n    unit: percent\n', '    value: 100\n    unit: percent\n'),
         ('"waar inmiddels bijna 75% van de bevolking', '"waar inmiddels bijna 100% van de bevolking')],
    ),
    # harmless: "ruim 4 miljoen" (4, 4.5) and "meer dan vier miljoen" meet
    "harmless: ruim 4 miljoen": (
        [("recordhoogte bereikt van 4 miljoen", "recordhoogte bereikt van ruim 4 miljoen")],
        [('    unit: persons million\n    section: Syrië regio\n    quote: "een recordhoogte bereikt van 4 miljoen mensen"',
          '    unit: persons million\n    qualifier: more_than\n    section: Syrië regio\n    quote: "een recordhoogte bereikt van ruim 4 miljoen mensen"')],
    ),
    # harmless: the table's 59.500 thousand rounds to the text's 60 million
    "harmless: 60 miljoen and 59.500": (
        [("luchtcampagne en 40 miljoen euro voor de trainingsmissie. \n", TABLE_LINE.format(amount="59.500"))],
        [("\n  - id: budget-2015-initial-training\n",
          TABLE_FACT.format(value=59500, amount="59.500") + "\n  - id: budget-2015-initial-training\n")],
    ),
    # harmless: a month-level date narrowed to its end stays after 2 October 2015
    "harmless: eind oktober 2016": (
        [("verlengd tot oktober 2016", "verlengd tot eind oktober 2016")],
        [('    value: "2016-10"\n', '    value: "2016-10-late"\n'),
         ('"Inmiddels is het mandaat verlengd tot oktober 2016"', '"Inmiddels is het mandaat verlengd tot eind oktober 2016"')],
    ),
}

EXPECTED: dict[str, list[str]] = {
    "ruim 100%": [
        "facts.yaml:1157:5: error bound: bound tikrit-share-is-a-share: tikrit-returned-share = (100, 110.5) percent lies outside [0, 100] percent",
    ],
    "bijna 4 miljoen": [
        "facts.yaml:921:5: error agreement: quantity syria-refugees: syria-refugees-record states almost 4 persons million (section 'Syrië regio'), syria-refugees-threshold states more than 4 persons million (section 'Politiek'), both valid at the same time",
    ],
    "59 miljoen against 59.500": [
        "facts.yaml:1030:5: error agreement: quantity nl-isis-budget-2015-air: budget-2015-initial-air-table states 59500 EUR thousand (section 'Financiën'), budget-2015-initial-air states 59 EUR million (section 'Financiën'), both valid at the same time (59500 EUR thousand does not round to 59 EUR million, which covers [58.5, 59.5) EUR million)",
    ],
    "2 oktober 2016 before oktober 2016": [
        "facts.yaml:1197:5: warning order: order mandate-extended-beyond-initial: initial-mandate-end = 2016-10-02 is before extended-mandate-end = 2016-10-01..2016-10-31 only if extended-mandate-end means 2016-10-03..2016-10-31",
    ],
}


def planted(tmp_path: Path, name: str) -> list[str]:
    """What verify reports, acknowledged findings left out, on the shipped letter with one case's edits."""
    source_edits, base_edits = CASES[name]
    (tmp_path / "sources").mkdir()
    for relative, edits in ((SOURCE, source_edits), ("facts.yaml", base_edits)):
        text = (REPO / relative).read_text(encoding="utf-8")
        for old, new in edits:
            assert text.count(old) == 1, (relative, old)
            text = text.replace(old, new)
        (tmp_path / relative).write_text(text, encoding="utf-8")
    report = verify([tmp_path / "facts.yaml"], cwd=tmp_path, root=tmp_path)
    return [finding_line(finding) for finding in report.findings if finding.acknowledged is None]


@pytest.mark.parametrize("name", list(CASES))
def test_a_planted_error_is_found_and_a_harmless_edit_stays_clean(tmp_path: Path, name: str) -> None:
    assert planted(tmp_path, name) == EXPECTED.get(name, [])


# ruff: noqa: RUF001
"""Tables: rows are no headings, a table may be named as a section, and a stated scale applies to its cells."""

from __future__ import annotations

import os
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from factcheck.cli import main
from factcheck.dates import parse_date
from factcheck.findings import Location
from factcheck.model import Document, Fact
from factcheck.rules._statements import findings
from factcheck.sourcetext import SourceText
from factcheck.tables import Scale, cells_of, is_row, scale_of
from factcheck.units import parse_unit

#: a budget page saved from a browser as text: metadata lines, then each table cell on a line of its own
SAVED_PAGE = """\
Title: Artikel 3 Ondersteuning - Rijksbegroting 2016
URL: https://example.org/begroting/2016/artikel-3
Retrieved: 2026-12-01 10:15

Artikel 3 Ondersteuning

De uitgaven voor dit artikel stijgen in 2016 met ruim 15 miljoen euro.

Budgettaire gevolgen van beleid (bedragen x € 1.000)
\u00a0

2015

2016

Verplichtingen

160.200

173.850

\t

Uitgaven

158.400

173.850

Waarvan: apparaat

40.000

41.250

Aantal fte

120

135

Toelichting

De stijging in 2016 komt door de uitbreiding van de missie.
"""

HEADER = """\
document:
  id: begroting-3
  title: Artikel 3 Ondersteuning
  date: "2015-09-15"
  language: nl
  source: page.txt
facts:
"""

#: written as a curator writes them: in the table's unit and in others, each naming the table its own way
CURATED = HEADER + """\
  - id: verplichtingen-2016
    quantity: verplichtingen-2016
    value: 173850
    unit: EUR thousand
    section: Budgettaire gevolgen van beleid
    quote: "Verplichtingen 160.200 173.850"
    at: "173.850"  # the 2016 column
  - id: uitgaven-2016
    quantity: uitgaven-2016
    value: 173.85
    unit: EUR million
    section: Budgettaire gevolgen van beleid (bedragen x € 1.000)
    quote: "Uitgaven 158.400 173.850"
    at: "173.850"  # the 2016 column
  - id: uitgaven-2016-euros
    quantity: uitgaven-2016
    value: 173850000
    unit: EUR
    section: Artikel 3 Ondersteuning
    quote: "Uitgaven 158.400 173.850"
    at: "173.850"  # the 2016 column
  - id: apparaat-2016
    quantity: apparaat-2016
    value: 41250
    unit: EUR thousand
    section: Budgettaire gevolgen van beleid
    quote: "Waarvan: apparaat 40.000 41.250"
    at: "41.250"  # the 2016 column
  - id: fte-2016
    quantity: fte-2016
    value: 135
    unit: persons
    section: Budgettaire gevolgen van beleid
    quote: "Aantal fte 120 135"
    at: "135"  # the 2016 column
  - id: stijging
    quantity: stijging-2016
    value: 15
    unit: EUR million
    qualifier: more_than
    section: Artikel 3 Ondersteuning
    quote: "stijgen in 2016 met ruim 15 miljoen euro"
coverage:
  exclude:
    - lines: "1-2"
      reason: the saved page's title and address
    - line_prefix: "Retrieved:"
      reason: when the page was saved
    - text: "(bedragen x € 1.000)"
      reason: the table's scale
"""


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    cwd = Path.cwd()
    os.chdir(tmp_path)
    (tmp_path / "page.txt").write_text(SAVED_PAGE, encoding="utf-8")
    yield tmp_path
    os.chdir(cwd)


def run(folder: Path, facts: str, *args: str) -> tuple[int, str]:
    (folder / "facts.yaml").write_text(facts, encoding="utf-8")
    result = CliRunner().invoke(main, [*args, "facts.yaml"])
    return result.exit_code, result.output


def test_a_curated_table_verifies_with_nothing_acknowledged(folder: Path) -> None:
    assert run(folder, CURATED, "verify") == (0, "0 errors, 0 warnings, 0 acknowledged; 6 facts, 0 rules in 1 file\n")


def test_wrong_amounts_in_a_table_are_caught(folder: Path) -> None:
    wrong = (CURATED.replace("value: 173850\n", "value: 173580\n")  # a slip of the pen
             .replace("value: 173850000\n", "value: 173850\n")  # the table's scale forgotten
             .replace("value: 41250\n    unit: EUR thousand", "value: 41250\n    unit: USD thousand"))
    code, output = run(folder, wrong, "verify", "--format", "parsable")
    assert (code, output.splitlines()) == (1, [
        'facts.yaml:10:12: [error] value 173580 EUR thousand is not what the quote states at "173.850":'
        ' "173.850" (173850000), read at the table\'s scale "bedragen x € 1.000" (line 9) (value)',
        "facts.yaml:22:5: [error] quantity uitgaven-2016: uitgaven-2016-euros states 173850 EUR (section"
        " 'Artikel 3 Ondersteuning'), uitgaven-2016 states 173.85 EUR million (section 'Budgettaire gevolgen van"
        " beleid (bedragen x € 1.000)'), both valid at the same time (agreement)",
        'facts.yaml:24:12: [error] value 173850 EUR is not what the quote states at "173.850":'
        ' "173.850" (173850000), read at the table\'s scale "bedragen x € 1.000" (line 9) (value)',
        'facts.yaml:31:12: [error] value 41250 USD thousand is not what the quote states at "41.250":'
        ' "41.250" (41250) (value)',
    ])


def test_coverage_of_the_saved_page(folder: Path) -> None:
    code, output = run(folder, CURATED, "coverage")
    assert (code, output.splitlines()) == (1, [
        'page.txt:5:9: uncovered "3"',
        'page.txt:12:1: uncovered "2015"',
        'page.txt:14:1: uncovered "2016"',
        'page.txt:44:16: uncovered "2016"',
        "coverage: 69.2% (9 of 13 numbers and dates; 9 excluded)",
    ])


def test_table_rows_and_labels_are_no_headings() -> None:
    source = SourceText(SAVED_PAGE)
    assert [(heading.line, heading.title) for heading in source.headings] == [
        (5, "Artikel 3 Ondersteuning"), (42, "Toelichting")]
    (table,) = source.tables
    assert (table.first, table.last, table.scale) == (9, 40, Scale(Decimal(1000), "EUR", 9, "bedragen x € 1.000"))
    assert table.names == ("Budgettaire gevolgen van beleid (bedragen x € 1.000)", "Budgettaire gevolgen van beleid",
                           "Artikel 3 Ondersteuning")


#: the same table as the PDF and HTML readers write it (cells between tabs), and laid out in columns
TAB_SEPARATED = ("Intro.\n\nUitgaven\n\nTabel 1 Budget (in € mln)\n\t2015\t2016\nVerplichtingen\t160,2\t173,9\n"
                 "Uitgaven\t158,4\t173,9\n\nSlot\n\nTekst.\n")
COLUMNS = TAB_SEPARATED.replace("\t", "    ")
ONE_SPACE = ("Intro.\n\nUitgaven\n\nTabel 1 Budget (in € mln)\n\n2015 2016\n\nVerplichtingen 160,2 173,9\n\n"
             "Uitgaven 158,4 173,9\n\nSlot\n\nTekst.\n")


@pytest.mark.parametrize("text", [TAB_SEPARATED, COLUMNS, ONE_SPACE])
def test_every_shape_of_table(text: str) -> None:
    source = SourceText(text)
    assert [heading.title for heading in source.headings] == ["Uitgaven", "Slot"]
    (table,) = source.tables
    assert table.scale == Scale(Decimal(10**6), "EUR", 5, "in € mln")
    assert table.names == ("Tabel 1 Budget (in € mln)", "Tabel 1 Budget", "Uitgaven")
    (match,) = source.find("Uitgaven 158,4 173,9")
    assert source.scale_of(match) == table.scale
    assert source.stands_under(match, "Tabel 1 Budget")
    assert not source.stands_under(match, "Slot")


@pytest.mark.parametrize(("line", "expected"), [
    ("Budgettaire gevolgen van beleid (bedragen x € 1.000)", (Decimal(1000), "EUR", "bedragen x € 1.000")),
    ("Uitgaven (x € 1 mln)", (Decimal(10**6), "EUR", "x € 1 mln")),
    ("Tabel 2 (in € mln)", (Decimal(10**6), "EUR", "in € mln")),
    ("Costs (in thousands of dollars)", (Decimal(1000), "USD", "in thousands of dollars")),
    ("Table 4 (Dollars in thousands)", (Decimal(1000), "USD", "Dollars in thousands")),
    ("Population (in millions)", (Decimal(10**6), None, "in millions")),
    ("Payee\tService dates\tAmount ($)", (Decimal(1), "USD", "$")),
    ("Regeling    Bedrag (€)", (Decimal(1), "EUR", "€")),
    ("Item\tEUR million\tEUR million", (Decimal(10**6), "EUR", "EUR million")),
    ("bedragen x € 1.000", (Decimal(1000), "EUR", "bedragen x € 1.000")),
    ("Bedragen in miljoenen euro", (Decimal(10**6), "EUR", "Bedragen in miljoenen euro")),
    ("Fleet cost ($000)", (Decimal(1000), "USD", "$000")),
    ("Het kost (ca. € 5 mln) meer", None),  # an amount, not a scale
    ("(Kamerstuk 27 925, nr. 506)", None),
    ("In 2015 werd € 5 mln besteed", None),
])
def test_scale_statements(line: str, expected: tuple[Decimal, str | None, str] | None) -> None:
    scale = scale_of(line.replace("\t", " "), cells_of(line), 7)
    assert (None if scale is None else (scale.factor, scale.currency, scale.text)) == expected


@pytest.mark.parametrize(("line", "row", "numbers"), [
    ("Uitgaven 0 472 63.539", True, True),
    ("63.539", True, True),
    ("–", True, False),
    ("Realisatie\tVastgestelde begroting\tVerschil", True, False),
    ("Artikel 7  Nominaal en onvoorzien", True, False),  # cells apart: not a heading in a layout like this
    ("Artikel 7", False, False),  # one number after a label: a heading may read so
    ("Kamerstuk 27 925", False, True),  # "27 925" may be one number: a row only inside a table
    ("Uitgaven 0 472", False, True),
    ("Verplichtingen:", False, False),
])
def test_rows(line: str, row: bool, numbers: bool) -> None:
    assert is_row(line, " ".join(line.split())) == (row, numbers)


RELEASE = """\
Coalition strikes continue

SOUTHWEST ASIA - Coalition military forces conducted a strike against ISIS terrorists.

Costs (in thousands of dollars)

Item\tCost
Munitions\t6,205
Fuel\t1,200

Near Raqqah, a strike destroyed an ISIS unit. The repair cost $6,205 per airplane for 214 U.S.-registered \
airplanes, 12 percent more.
"""

RELEASE_FACTS = """\
document:
  id: release
  title: Strike release
  date: "2017-08-24"
  language: en
  source: release.txt
facts:
  - id: munitions
    quantity: munitions
    value: 6205
    unit: USD thousand
    section: Coalition strikes continue
    quote: "Munitions 6,205"
  - id: strikes-raqqah
    quantity: strikes-raqqah
    value: 1
    unit: items
    section: Coalition strikes continue
    quote: "Near Raqqah, a strike destroyed an ISIS unit"
  - id: repair
    quantity: repair
    value: 6205
    unit: USD
    section: Coalition strikes continue
    quote: "The repair cost $6,205 per airplane"
  - id: fleet
    quantity: fleet
    value: 214
    unit: aircraft
    section: Coalition strikes continue
    quote: "for 214 U.S.-registered airplanes, 12 percent more"
"""


def test_an_english_release(folder: Path) -> None:
    (folder / "release.txt").write_text(RELEASE, encoding="utf-8")
    clean = "0 errors, 0 warnings, 0 acknowledged; 4 facts, 0 rules in 1 file\n"
    assert run(folder, RELEASE_FACTS, "verify") == (0, clean)
    wrong = RELEASE_FACTS.replace("value: 1\n", "value: 2\n").replace("value: 6205\n    unit: USD\n",
                                                                       "value: 6250\n    unit: USD\n")
    code, output = run(folder, wrong, "verify", "--format", "parsable")
    assert (code, output.splitlines()) == (1, [
        'facts.yaml:16:12: [error] value 2 items is not what the quote states: "a" (1), "an" (1) (value)',
        'facts.yaml:22:12: [error] value 6250 USD is not what the quote states: "6,205" (6205) (value)',
    ])


#: scale statements with their factor, and how each table shape writes a row's cells
STATEMENTS = {"(bedragen x € 1.000)": 10**3, "(x € 1 mln)": 10**6, "(in € mln)": 10**6, "(in millions)": 10**6,
              "(bedragen x € 1 mld)": 10**9}
SHAPES = {"tab": lambda cells: "\t".join(cells), "columns": lambda cells: "   ".join(cells),
          "one line": " ".join, "cell per line": "\n\n".join}
UNITS = {"EUR": 1, "EUR thousand": 10**3, "EUR million": 10**6, "EUR billion": 10**9}


def dutch(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def fact(value: Decimal, unit: str, quote: str) -> Fact:
    document = Document("doc", "Begroting", parse_date("2015-09-15"), "nl", "page.txt", "facts.yaml", Location("f"))
    parsed = parse_unit(unit)
    assert parsed is not None
    return Fact("f", "q", value, parsed, "exact", "S", quote, document, Location("facts.yaml"), {})


@given(st.integers(0, 10**7), st.integers(0, 10**7), st.sampled_from(sorted(STATEMENTS)),
       st.sampled_from(sorted(SHAPES)), st.sampled_from(sorted(UNITS)), st.data())
def test_a_row_states_its_amount_at_the_tables_scale_in_any_unit(
        before: int, amount: int, statement: str, shape: str, unit: str, data: st.DataObject) -> None:
    """A row's amount passes in every unit that spells it exactly at the table's scale, and fails
    with one digit changed, and read without the scale."""
    row = SHAPES[shape](["Uitgaven", dutch(before), dutch(amount)])
    source = SourceText(f"Tekst.\n\nBegroting {statement}\n\n{SHAPES[shape](['', '2015', '2016'])}\n{row}\n\nSlot.\n")
    quote = f"Uitgaven {dutch(before)} {dutch(amount)}"
    (match,) = source.find(quote)
    scales = (source.scale_of(match),)
    euros = amount * STATEMENTS[statement]
    value = Decimal(euros) / UNITS[unit]
    assert misstated(fact(value, unit, quote), scales) is False
    digits = str(amount)
    where = data.draw(st.integers(0, len(digits) - 1))
    other = data.draw(st.sampled_from([digit for digit in "0123456789" if digit != digits[where]]))
    changed = int(digits[:where] + other + digits[where + 1:])
    if changed != before:  # the other cell states that one
        assert misstated(fact(Decimal(changed * STATEMENTS[statement]) / UNITS[unit], unit, quote), scales)
    if euros not in (before, amount) and amount * STATEMENTS[statement] != before:
        assert misstated(fact(Decimal(amount) / UNITS[unit], unit, quote), scales)


def misstated(stated: Fact, scales: tuple[Scale | None, ...]) -> bool:
    """Whether the value rule finds the fact's value misstated in its table row (a row of two amounts is
    also ambiguous without at:, which is not asked here)."""
    return any(finding.kind == "value" for finding in findings(stated, scales, in_table=True))


def test_a_heading_that_ends_in_a_grouped_number_stays_one() -> None:
    source = SourceText("Tekst.\n\nKamerstuk 27 925\n\nMeer tekst.\n\n2015\n\n2016\n\nSlot\n\nEinde.\n")
    assert [heading.title for heading in source.headings] == ["Kamerstuk 27 925", "Slot"]

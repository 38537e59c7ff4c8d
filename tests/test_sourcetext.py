# ruff: noqa: RUF001
"""The normalised view of a source: matching across layout, and mapping back to lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.sourcetext import SourceText, normalise, prepare

LETTER = Path(__file__).resolve().parents[1] / "sources" / "kst-27925-565.txt"

LAYOUT = (
    "Intro text that ends here. \n"  # 1
    "\n"  # 2
    "Financiën \n"  # 3
    "\n"  # 4
    "Het mandaat is verleng-\n"  # 5
    "de tot 31 juli 2016 en Saudi-\n"  # 6
    "Arabië sprak met de F-\n"  # 7
    "16’s over «slimme» bommen – zeker. Een groot deel van de \n"  # 8
    "\n"  # 9
    "Tweede Kamer, vergaderjaar 2015–2016, 27 925, nr. 565 4\n"  # 10
    "\n"  # 11
    "\n"  # 12
    "kleding is geleverd. \n"  # 13
    " Rusland \n"  # 14
    "\n"  # 15
    "Rusland verleent steun. \n"  # 16
    "\n"  # 17
    "Tweede Kamer, vergaderjaar 2015–2016, 27 925, nr. 565 10\n"  # 18
    "\n"  # 19
    "Slot \n"  # 20
)


@pytest.fixture(scope="module")
def layout() -> SourceText:
    return SourceText(LAYOUT)


def test_normalise_folds_typography_and_whitespace() -> None:
    assert normalise("  «slimme»\n bom – F-16’s  ") == '"slimme" bom - F-16\'s'


def test_text_joins_lines_drops_footers_and_marks_wraps(layout: SourceText) -> None:
    assert layout.footer_lines == (10, 18)
    assert "Een groot deel van de kleding is geleverd." in layout.plain
    assert "verlengde tot 31 juli 2016 en SaudiArabië sprak met de F-16's" in layout.plain
    assert "Tweede Kamer" not in layout.plain


@pytest.mark.parametrize(("quote", "line", "column"), [
    ("verlengde tot 31 juli", 5, 16),
    ("verleng-de tot", 5, 16),
    ("Saudi-Arabië", 6, 24),
    ("SaudiArabië", 6, 24),
    ("F-16's", 7, 21),
    ("F-16’s over «slimme» bommen - zeker", 7, 21),
    ('over "slimme" bommen – zeker', 8, 6),
    ("Een groot deel van de kleding is geleverd", 8, 36),
    ("Rusland verleent", 16, 1),
])
def test_find_maps_back_to_line_and_column(layout: SourceText, quote: str, line: int, column: int) -> None:
    matches = layout.find(quote)
    assert len(matches) == 1
    assert layout.position(matches[0].start) == (line, column)


@pytest.mark.parametrize("quote", ["verlengde tot 31 juli 2017", "F16's", "slimme bommen zeker", "rusland verleent"])
def test_find_rejects_what_the_source_does_not_say(layout: SourceText, quote: str) -> None:
    assert layout.find(quote) == ()


def test_mixed_wraps_in_one_quote() -> None:
    source = SourceText("De VN-\nVeiligheidsraad verleng-\nde het mandaat van de aanvoer-\nen commandolijnen.\n")
    assert [source.position(m.start) for m in source.find("VN-Veiligheidsraad verlengde het")] == [(1, 4)]
    assert [source.position(m.start) for m in source.find("aanvoer- en commandolijnen")] == [(3, 23)]
    assert source.find("VN-Veiligheidsraad verlengde niet") == ()


def test_headings_and_the_section_map(layout: SourceText) -> None:
    assert [(h.line, h.title) for h in layout.headings] == [(3, "Financiën"), (14, "Rusland"), (20, "Slot")]
    assert layout.heading_at(2) is None
    heading = layout.heading_at(13)
    assert heading is not None
    assert heading.title == "Financiën"
    match = layout.find("Rusland verleent")[0]
    assert layout.stands_under(match, "Rusland")
    assert not layout.stands_under(match, "Financiën")


def test_closest_names_the_nearest_passage(layout: SourceText) -> None:
    index, passage = layout.closest("Het mandaat is verlengd tot 31 juli 2017")
    assert passage == "Het mandaat is verlengde tot 31 juli 2016"
    assert layout.position(index) == (5, 1)


def test_the_letter_sections() -> None:
    source = prepare(LETTER.read_text(encoding="utf-8"))
    assert [heading.title for heading in source.headings] == [
        "Ontwikkelingen Irak", "Politiek", "Ontwikkelingen Syrië", "Politiek", "Regio", "Rusland",
        "Ontwikkelingen in de anti-ISIS coalitie", "Small Group Québec", "Politiek/militaire coördinatie",
        "Civiele werkgroepen coalitie", "Voortgang militaire inspanningen", "Militaire ontwikkelingen",
        "Nederlandse inzet in luchtcampagne", "Nederlandse trainingsmissie", "Erbil", "Bagdad",
        "Additionele steun ISF, inclusief Peshmerga", "Dreiging", "Humanitaire hulp", "Syrië regio", "Irak",
        "Nationale veiligheid", "Financiën"]
    assert source.footer_lines == (212, 570)
    politics = source.headings[1]
    assert politics.group == ("Ontwikkelingen Irak", "Politiek")
    match = source.find("medische kits, kleding, dekens")[0]  # runs across the page footer of line 212
    assert source.position(match.start) == (210, 52)
    wrapped = source.find("de hoofdverantwoordelijkheid draagt voor de 250.000 dodelijke slachtoffers")[0]
    assert source.position(wrapped.start) == (49, 60)
    assert source.find("Saudi-Arabië")


def test_prepare_builds_each_text_once() -> None:
    assert prepare(LAYOUT) is prepare(LAYOUT)


def test_show_and_the_report_find_what_the_quote_rule_finds() -> None:
    from factcheck.htmlreport import quote_context
    from factcheck.quotespan import find_quote

    text = "Het mandaat is verleng-\nde tot juli.\n"
    assert find_quote(text, "mandaat is verlengde tot") == (4, 30)
    assert quote_context(text, "mandaat is verlengde tot") == (
        1, "   1  Het <mark>mandaat is verleng-</mark>\n   2  <mark>de tot</mark> juli.")


def test_literal_soft_hyphens_are_invisible() -> None:
    source = SourceText("Een ver\u00adlengd man\u00dat\u00ad\u00ad\u00ad en zo-\nvoort\n")
    assert source.plain == "Een verlengd man\u00dat en zovoort"
    assert [source.position(match.start) for match in source.find("verlengd man")] == [(1, 5)]
    assert source.find("-" * 20 + "x") == ()

"""Units: aliases resolve once, when a fact is loaded, and every spelling of a unit checks alike."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.engine import verify
from factcheck.formatters.text import finding_line
from factcheck.units import ALIASES, SCALES, Unit, parse_unit

HEADER = """\
document:
  id: doc
  title: Brief
  date: "2015-11-02"
  language: nl
  source: brief.txt
facts:
"""


def verified(folder: Path, value: int, unit: str, quote: str) -> list[str]:
    """The findings of a fact base with one fact, whose quote is the source's one sentence."""
    folder.mkdir()
    (folder / "brief.txt").write_text(f"Brief\n\n{quote}.\n", encoding="utf-8")
    (folder / "facts.yaml").write_text(
        HEADER + f'  - {{id: f, quantity: q, value: {value}, unit: "{unit}", section: Brief, quote: "{quote}"}}\n',
        encoding="utf-8")
    return [finding_line(finding) for finding in verify([folder / "facts.yaml"], cwd=folder, root=folder).findings]


def known(text: str) -> Unit:
    unit = parse_unit(text)
    assert unit is not None
    return unit


def quote_of(unit: Unit) -> str:
    """A quote that states 75 in `unit`: a share as a percentage, anything else as a plain number."""
    return "Bijna 75% van de bevolking" if unit.is_ratio else "Het zijn er 75 geworden"


@pytest.mark.parametrize(("alias", "canonical"), sorted(ALIASES.items()))
def test_an_alias_verifies_against_its_quote_as_its_canonical_spelling_does(
        tmp_path: Path, alias: str, canonical: str) -> None:
    """`unit: "%"` states "75%" as `unit: percent` does, and a wrong value fails alike, shown as written."""
    quote = quote_of(known(canonical))
    assert verified(tmp_path / "alias-right", 75, alias, quote) == []
    assert verified(tmp_path / "canonical-right", 75, canonical, quote) == []
    wrong = verified(tmp_path / "canonical-wrong", 76, canonical, quote)
    assert len(wrong) == 1
    assert f"error value: value 76 {canonical} is not" in wrong[0]
    assert verified(tmp_path / "alias-wrong", 76, alias, quote) == [
        wrong[0].replace(f"value 76 {canonical} ", f"value 76 {alias} ")]


@given(st.sampled_from(sorted(ALIASES.items())), st.sampled_from([None, *SCALES]), st.sampled_from([" ", "  ", "\t"]))
def test_an_alias_parses_to_its_canonical_unit(spelling: tuple[str, str], scale: str | None, gap: str) -> None:
    """Whatever the spelling and scale word, the dimension, exact factor and canonical name are the canonical
    spelling's; only the text as written differs."""
    alias, canonical = spelling
    alias_text = alias if scale is None else f"{alias}{gap}{scale}"
    canonical_text = canonical if scale is None else f"{canonical} {scale}"
    parsed, expected = known(alias_text), known(canonical_text)
    assert parsed.written == alias_text
    assert expected.canonical == canonical_text
    assert replace(parsed, written=canonical_text) == expected
    assert parsed.factor == known(canonical).factor * (SCALES[scale] if scale else 1)


@pytest.mark.parametrize(("text", "canonical", "dimension", "factor", "properties"), [
    ("%", "percent", "ratio", Decimal("0.01"), {"is_ratio", "is_percent", "signed"}),
    ("percent million", "percent million", "ratio", Decimal(10_000), {"is_ratio", "is_percent", "signed"}),
    ("fraction", "fraction", "ratio", Decimal(1), {"is_ratio", "signed"}),
    ("ordinal", "ordinal", "ordinal", Decimal(1), {"is_ordinal", "discrete"}),
    ("date", "date", "date", Decimal(1), {"is_date"}),
    ("€ million", "EUR million", "money:EUR", Decimal(10**6), {"signed"}),
    ("people", "persons", "persons", Decimal(1), {"discrete"}),
    ("persons thousand", "persons thousand", "persons", Decimal(1000), set()),
    ("week", "weeks", "time", Decimal(604800), {"discrete"}),
    ("years", "years", "calendar", Decimal(12), {"discrete"}),
    ("missiles", "missiles", "custom:weapons", Decimal(1), {"discrete"}),
    ("missiles thousand", "missiles thousand", "custom:weapons", Decimal(1000), set()),
])
def test_a_parsed_unit_knows_its_dimension_factor_and_kind(
        text: str, canonical: str, dimension: str, factor: Decimal, properties: set[str]) -> None:
    unit = parse_unit(text, {"missiles": "weapons"})
    assert unit is not None
    assert (unit.written, unit.canonical, unit.dimension, unit.factor) == (text, canonical, dimension, factor)
    flags = ("is_date", "is_ratio", "is_percent", "is_ordinal", "signed", "discrete")
    assert {flag for flag in flags if getattr(unit, flag)} == properties


@pytest.mark.parametrize("text", ["furlongs", "date million", "EUR million thousand", "million", "", "EUR mln"])
def test_an_unknown_unit_is_none(text: str) -> None:
    assert parse_unit(text, {"missiles": "weapons"}) is None

# ruff: noqa: RUF001
"""The quote, value and section rule kinds on a tiny fact base, with exact findings."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from factbase import fact as base_fact
from factbase import fact_base_yaml, write_base
from factcheck.engine import verify
from factcheck.formatters.text import finding_line

SOURCE = (
    "Inleiding van de brief van dit jaar. \n"  # 1
    "\n"  # 2
    "Financiën \n"  # 3
    "\n"  # 4
    "Het budget voor 2015 is hierdoor opgehoogd naar 122 miljoen euro, waarvan \n"  # 5
    "77,5 miljoen euro is bestemd voor de luchtcampagne. Op 29 juli jl. verleng-\n"  # 6
    "de de Raad het mandaat tot 31 juli 2016. Het vijfde detachement en \n"  # 7
    "tientallen trainers. Bijna 75% van de bevolking is ontheemd. \n"  # 8
    "\n"  # 9
    "Politiek \n"  # 10
    "\n"  # 11
    "Het aantal F-16’s is teruggebracht van zes naar vier. \n"  # 12
)

#: The letter's document, and no settings: these tests are about the provenance kinds.
DOCUMENT = {"id": "doc", "title": "Brief", "source": "brief.txt"}


def fact(fid: str, value: object, unit: str, section: str, quote: str, **extra: str) -> dict[str, Any]:
    """One fact: id on line 8 (the first fact), then value, unit, (`extra`,) section, quote on lines +2..+5."""
    return base_fact(fid, value, unit, **extra, section=section, quote=quote)


def run(tmp_path: Path, *facts: dict[str, Any]) -> list[str]:
    path = write_base(tmp_path, fact_base_yaml(facts, document=DOCUMENT, settings={}), source=SOURCE,
                      source_name=DOCUMENT["source"])
    report = verify([path], cwd=tmp_path, root=tmp_path)
    return [finding_line(finding) for finding in report.findings]


PASSING = [
    fact("budget", 122, "EUR million", "Financiën", "opgehoogd naar 122 miljoen euro"),
    fact("air", Decimal("77.5"), "EUR million", "Financiën",
         "waarvan 77,5 miljoen euro is bestemd voor de luchtcampagne"),
    fact("extended", "2015-07-29", "date", "Financiën", "Op 29 juli jl. verlengde de Raad"),
    fact("until", "2016-07-31", "date", "Financiën", "het mandaat tot 31 juli 2016"),
    fact("fifth", 5, "ordinal", "Financiën", "Het vijfde detachement"),
    fact("trainers", {"min": 20, "max": 99}, "persons", "Financiën", "tientallen trainers"),
    fact("share", 75, "percent", "Financiën", "Bijna 75% van de bevolking"),
    fact("f16-before", 6, "aircraft", "Politiek", "Het aantal F-16's is teruggebracht van zes naar vier", at="van zes"),
    fact("f16-after", 4, "aircraft", "Politiek", "Het aantal F-16’s is teruggebracht van zes naar vier",
         at="naar vier"),
    fact("persons", 77500000, "EUR", "Financiën", "77,5 miljoen euro"),
    fact("opening", "2015", "date", "(opening)", "Inleiding van de brief van dit jaar"),
]


def test_faithful_facts_pass(tmp_path: Path) -> None:
    assert run(tmp_path, *PASSING) == []


def test_quote_not_in_source_names_the_closest_passage(tmp_path: Path) -> None:
    lines = run(tmp_path, fact("budget", 123, "EUR million", "Politiek", "opgehoogd naar 123 miljoen euro"))
    assert lines == [
        'facts.yaml:13:12: error quote: quote of budget not found in brief.txt; '
        'closest passage (line 5): "opgehoogd naar 122 miljoen euro"',
    ]


def test_value_differs_from_the_quote(tmp_path: Path) -> None:
    lines = run(tmp_path, fact("air", Decimal("75.5"), "EUR million", "Financiën", "77,5 miljoen euro is bestemd"))
    assert lines == ['facts.yaml:10:12: error value: value 75.5 EUR million is not what the quote states: '
                     '"77,5 miljoen" (77500000)']


@pytest.mark.parametrize(("value", "unit", "quote", "states"), [
    (Decimal("7.75"), "EUR million", "77,5 miljoen euro", '"77,5 miljoen" (77500000)'),
    ("2015-07-30", "date", "Op 29 juli jl. verlengde", '"29 juli jl." (2015-07-29)'),
    ("2016-07", "date", "tot 31 juli 2016", '"31 juli 2016" (2016-07-31)'),
    (5, "aircraft", "Het vijfde detachement", '"vijfde" (ordinal 5)'),
    ({"min": 100, "max": 900}, "persons", "tientallen trainers", '"tientallen" (20..99)'),
    ({"min": 21, "max": 99}, "persons", "tientallen trainers", '"tientallen" (20..99)'),
    ({"min": 20, "max": 100}, "persons", "tientallen trainers", '"tientallen" (20..99)'),
    # neither the date nor the word states it: the message names both
    (4, "aircraft", "het mandaat tot 31 juli 2016. Het vijfde detachement",
     '"31 juli 2016" (2016-07-31), "vijfde" (ordinal 5)'),
])
def test_value_failures_say_what_the_quote_states(tmp_path: Path, value: str, unit: str, quote: str,
                                                  states: str) -> None:
    lines = run(tmp_path, fact("f", value, unit, "Financiën", quote))
    assert len(lines) == 1
    assert lines[0].startswith("facts.yaml:10:12: error value: value ")
    assert lines[0].endswith(f"is not what the quote states: {states}")


def test_section_names_where_the_quote_stands(tmp_path: Path) -> None:
    lines = run(tmp_path, fact("f16", 6, "aircraft", "Financiën", "teruggebracht van zes"))
    assert lines == ['facts.yaml:12:14: error section: quote of f16 stands under section "Politiek" (line 10), '
                     'not "Financiën"']


def test_before_the_first_heading(tmp_path: Path) -> None:
    lines = run(tmp_path, fact("intro", 1, "items", "Financiën", "Inleiding van de brief"))
    assert lines == [
        'facts.yaml:10:12: error value: value 1 items is not what the quote states: it states no number or date',
        'facts.yaml:12:14: error section: quote of intro stands under section "(opening)" '
        '(the text before the first heading, line 3), not "Financiën"',
    ]


def test_a_missing_quote_gets_only_the_quote_finding(tmp_path: Path) -> None:
    lines = run(tmp_path, fact("gone", 999, "persons", "Nergens", "negenhonderdnegenennegentig trainers"))
    assert len(lines) == 1
    assert lines[0].startswith("facts.yaml:13:12: error quote: quote of gone not found in brief.txt")


def test_the_shipped_fact_base_passes() -> None:
    root = Path(__file__).resolve().parents[1]
    report = verify([root / "facts.yaml"], cwd=root, root=root)
    assert [finding_line(finding) for finding in report.findings if finding.acknowledged is None] == []


@pytest.mark.parametrize("kind", ["quote", "value", "section"])
def test_each_kind_is_registered_with_its_documentation(kind: str) -> None:
    from factcheck.kinds import documentation
    from factcheck.rules import rule_module

    module = rule_module(kind)
    assert documentation(kind).summary.startswith(f"{kind} — ")
    assert "Passes" in (module.__doc__ or "")
    assert "Fails" in (module.__doc__ or "")

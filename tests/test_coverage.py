# ruff: noqa: RUF001
"""Coverage of a tiny document: exact uncovered items, shares and exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from factbase import build, fact, fact_base_yaml, write_base
from factcheck.cli import main, run
from factcheck.coverage import Coverage, Uncovered, measure
from factcheck.engine import verify
from factcheck.findings import Location

SOURCE = (
    "Financiën \n"  # 1
    "\n"  # 2
    "Het budget is 122 miljoen euro, waarvan 77,5 miljoen euro voor de \n"  # 3
    "luchtcampagne. Een van de 250.000 slachtoffers viel op 2 oktober 2015 \n"  # 4
    "(Kamerstuk 27 925, nr. 506). \n"  # 5
)

#: The letter's document, and no settings: coverage reads the real quotes.
DOCUMENT = {"id": "doc", "title": "Brief", "source": "brief.txt"}
BUDGET = fact("budget", 122, "EUR million", section="Financiën", quote="Het budget is 122 miljoen euro")
EXCLUDE = [{"text": "Kamerstuk 27 925, nr. 506", "reason": "a reference, not a fact"}]


def base(facts: Sequence[dict[str, Any]] = (BUDGET,), excluded: Sequence[dict[str, Any]] = EXCLUDE,
         **document: str) -> str:
    """The letter's fact base: the budget fact on lines 8-13, then the exclusions (the first text on line 16)."""
    return fact_base_yaml(facts, document={**DOCUMENT, **document}, settings={}, excluded=excluded)


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    cwd = Path.cwd()
    os.chdir(tmp_path)
    yield tmp_path
    os.chdir(cwd)


def write(folder: Path, text: str, name: str = "facts.yaml") -> Path:
    return write_base(folder, text, name=name, source=SOURCE, source_name=DOCUMENT["source"])


def measured(folder: Path, text: str) -> Coverage:
    report = verify([write(folder, text)], cwd=folder, root=folder)
    assert report.base is not None
    return measure(report.base)


def test_uncovered_items_with_their_lines(folder: Path) -> None:
    result = measured(folder, base(excluded=()))
    assert [(str(item.location), item.text, item.meaning) for item in result.uncovered] == [
        ("brief.txt:3:41", "77,5 miljoen", "77500000"),
        ("brief.txt:4:27", "250.000", "250000"),
        ("brief.txt:4:56", "2 oktober 2015", "2015-10-02"),
        ("brief.txt:5:12", "27 925", "27925"),
        ("brief.txt:5:24", "506", "506"),
    ]
    assert (result.covered, result.total, result.excluded, result.share) == (1, 6, 0, Decimal("16.6"))
    assert not result.complete


def test_fact_files_that_share_a_source_cover_it_together_and_count_it_once(folder: Path) -> None:
    air = fact("air", Decimal("77.5"), "EUR million", section="Financiën", quote="77,5 miljoen euro")
    write(folder, base(excluded=()), "a.yaml")
    write(folder, base([air], excluded=(), id="doc-b"), "b.yaml")
    report = verify([folder / "a.yaml", folder / "b.yaml"], cwd=folder, root=folder)
    assert report.base is not None
    result = measure(report.base)
    assert [item.text for item in result.uncovered] == ["250.000", "2 oktober 2015", "27 925", "506"]
    assert (result.covered, result.total) == (2, 6)


def test_exclusions_and_stale_exclusions(folder: Path) -> None:
    stale = {"text": "nr. 999", "reason": "matches nothing"}
    result = measured(folder, base(excluded=[*EXCLUDE, stale]))
    assert [item.text for item in result.uncovered] == ["77,5 miljoen", "250.000", "2 oktober 2015"]
    assert result.excluded == 2
    assert [(stale.what, str(stale.location)) for stale in result.stale] == [("\"nr. 999\"", "facts.yaml:18:13")]


def test_cli_complete_coverage_exits_0(folder: Path) -> None:
    quote = "waarvan 77,5 miljoen euro voor de luchtcampagne. Een van de 250.000 slachtoffers viel op 2 oktober"
    rest = fact("rest", 250000, "persons", section="Financiën", quote=quote)
    write(folder, base([BUDGET, rest]))
    result = CliRunner().invoke(main, ["coverage"])
    assert (result.exit_code, result.output) == (0, "coverage: 100% (4 of 4 numbers and dates; 2 excluded)\n")


def test_cli_uncovered_exits_1(folder: Path) -> None:
    write(folder, base())
    result = CliRunner().invoke(main, ["coverage", "facts.yaml"])
    assert result.exit_code == 1
    assert result.output == (
        'brief.txt:3:41: uncovered "77,5 miljoen"\n'
        'brief.txt:4:27: uncovered "250.000"\n'
        'brief.txt:4:56: uncovered "2 oktober 2015"\n'
        "coverage: 25.0% (1 of 4 numbers and dates; 2 excluded)\n"
    )


@pytest.mark.parametrize(("content", "message"), [
    (None, "factcheck: missing.yaml: no such file\n"),
    ("document: [unclosed\n", "factcheck: the fact base is not well-formed; `factcheck verify` shows why\n"),
    (base(excluded=(), source="gone.txt"), "factcheck: source 'gone.txt' of missing.yaml was not read\n"),
])
def test_cli_cannot_check_exits_2(folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                  content: str | None, message: str) -> None:
    if content is not None:
        write(folder, content, "missing.yaml")
    monkeypatch.setattr(sys, "argv", ["factcheck", "coverage", "missing.yaml"])
    with pytest.raises(SystemExit) as stopped:
        run()
    assert stopped.value.code == 2
    assert capsys.readouterr().err == message


def test_a_footer_exclusion_is_not_stale(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[1]
    footer = [{"text": "Tweede Kamer, vergaderjaar 2015–2016, 27 925, nr. 565", "reason": "page footer"}]
    path = write_base(tmp_path, base([{**BUDGET, "quote": "122 miljoen euro"}], footer, source="letter.txt"),
                      source=(root / "sources" / "kst-27925-565.txt").read_text(encoding="utf-8"),
                      source_name="letter.txt")
    report = verify([path], cwd=tmp_path, root=tmp_path)
    assert report.base is not None
    result = measure(report.base)
    assert result.stale == []
    assert (result.covered, result.excluded) == (1, 0)  # footers are layout: their numbers are never counted
    assert result.uncovered[0] == Uncovered(Location("letter.txt", 2, 45), "100", "100")


def test_the_html_report_shows_the_share(folder: Path) -> None:
    write(folder, base())
    result = CliRunner().invoke(main, ["report", "--output", "out.html"])
    assert result.exit_code == 0
    html = (folder / "out.html").read_text(encoding="utf-8")
    assert '<td id="summary-coverage">25.0% (1 of 4 numbers and dates)</td>' in html


def test_digits_the_notation_misreads_are_never_covered(folder: Path) -> None:
    """"12,5" in English is 12 and 5: a quote that holds it does not cover it, and the line says why; the
    grouped "250,000" is one number, covered as usual."""
    source = "Memo \n\n12,5 people came, and 250,000 bricks were laid. \n"
    came = fact("came", Decimal("12.5"), "persons", section="Memo", quote="12,5 people came, and 250,000 bricks")
    write_base(folder, base([came], excluded=(), language="en"), source=source, source_name=DOCUMENT["source"])
    result = CliRunner().invoke(main, ["coverage"])
    assert (result.exit_code, result.output) == (1, (
        'brief.txt:3:1: uncovered "12,5": "12,5" reads as 12 and 5 with a decimal point (document.language: en); '
        "with a decimal comma it would be 12.5\n"
        "coverage: 50.0% (1 of 2 numbers and dates)\n"))


def test_a_block_of_lines_or_a_line_prefix_excludes_every_number_on_it(folder: Path) -> None:
    excluded: list[dict[str, Any]] = [{"lines": 4, "reason": "one line"},
                                      {"line_prefix": "(Kamerstuk", "reason": "references"}]
    result = measured(folder, base(excluded=excluded))
    assert [item.text for item in result.uncovered] == ["77,5 miljoen"]
    assert (result.covered, result.excluded, result.stale) == (1, 4, [])


def test_stale_line_exclusions_and_a_range_as_a_mapping(folder: Path) -> None:
    text = base(excluded=()) + ("coverage:\n  exclude:\n    - lines: {from: 3, to: 40}\n      reason: a block\n"
                                "    - lines: {from: 6, to: 9}\n      reason: past the end\n"
                                "    - line_prefix: \"Retrieved:\"\n      reason: no such line\n")
    write(folder, text)
    result = CliRunner().invoke(main, ["coverage"])
    assert (result.exit_code, result.output.splitlines()) == (1, [
        "facts.yaml:18:14: stale exclusion lines 6-9 matches nothing in the source",
        'facts.yaml:20:20: stale exclusion line_prefix "Retrieved:" matches nothing in the source',
        "coverage: 100% (1 of 1 numbers and dates; 5 excluded)",
    ])


def test_a_line_exclusion_counts_the_lines_of_its_own_files_source(folder: Path) -> None:
    """Two documents with two sources: lines 3-5 of a.yaml's source are excluded, not those of b.yaml's."""
    write(folder, base(excluded=[{"lines": "3-5", "reason": "its own source"}]), "a.yaml")
    write_base(folder, base([], excluded=(), id="doc-b", source="other.txt"), name="b.yaml", source=SOURCE,
               source_name="other.txt")
    report = verify([folder / "a.yaml", folder / "b.yaml"], cwd=folder, root=folder)
    assert report.base is not None
    result = measure(report.base)
    assert [str(item.location) for item in result.uncovered] == [
        "other.txt:3:15", "other.txt:3:41", "other.txt:4:27", "other.txt:4:56", "other.txt:5:12", "other.txt:5:24"]
    assert (result.covered, result.excluded) == (1, 5)


def test_a_line_range_must_not_run_backwards() -> None:
    _, findings = build(base(excluded=[{"lines": "9-3", "reason": "backwards"}]))
    assert [(finding.kind, finding.message, str(finding.location)) for finding in findings] == [
        ("schema", "coverage exclusion lines 9-3 run backwards", "facts.yaml:16:14")]

"""How much of a curated fact base `factcheck extract` reproduces, and how long it takes.

    python benchmarks/extract_recall.py                     # the shipped letter and facts.yaml
    python benchmarks/extract_recall.py corpus/*/            # each folder's facts.yaml and its source
    python benchmarks/extract_recall.py CURATED.yaml --pdf-pages 100   # and a PDF of the letter, 100 pages

Each argument is a curated fact file, or a folder holding one as `facts.yaml`; its document block
names the source, date and language the draft is made with (`--date` and `--language` as given to
`factcheck extract`).  A curated fact counts as reproduced when a drafted fact has the same value
(a date: the same days, however written), the same unit (aliases resolved: `person` is `persons`)
and the same qualifier, and its quote overlaps the curated fact's quote in the source.  The draft
is checked as `factcheck verify` checks it, and its findings are listed.  The first extraction
runs with an empty cache (a PDF is read), the others with the cache it filled.  Exit status 0 when
every document reaches `--target` percent and its draft has no provenance or schema finding, else 1.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from factcheck.engine import verify
from factcheck.extract import extract_file
from factcheck.model import Fact
from factcheck.sourcetext import Match, prepare

REPO = Path(__file__).resolve().parents[1]
LETTER_DATE = date(2015, 11, 2)
#: The findings a draft must not have: its facts are to stand in the source as written.
DRAFT_KINDS = frozenset({"quote", "value", "section", "ambiguous", "schema"})


def _same_value(one: Any, other: Any) -> bool:
    if isinstance(one, Mapping) or isinstance(other, Mapping):
        return (isinstance(one, Mapping) and isinstance(other, Mapping)
                and all(Decimal(one[key]) == Decimal(other[key]) for key in ("min", "max")))
    if isinstance(one, str) or isinstance(other, str):
        return str(one) == str(other)
    return bool(Decimal(one) == Decimal(other))


def _overlaps(one: tuple[Match, ...], other: tuple[Match, ...]) -> bool:
    return any(a.start < b.end and b.start < a.end for a in one for b in other)


def reproduced(curated: Fact, drafted: list[Fact], spans: dict[str, tuple[Match, ...]]) -> Fact | None:
    """The drafted fact that reproduces `curated`, if any."""
    for fact in drafted:
        same = fact.when == curated.when if fact.unit.is_date else _same_value(fact.raw, curated.raw)
        if (fact.unit.canonical == curated.unit.canonical and fact.qualifier == curated.qualifier
                and same and _overlaps(spans[fact.quote], spans[curated.quote])):
            return fact
    return None


def measure(curated_path: Path, runs: int, verbose: bool, target: Decimal, cache: str) -> bool:
    """Draft the source of `curated_path`, print its recall, time and findings; whether it passes.  The
    first extraction uses the empty `cache`, the others what it filled."""
    os.environ["FACTCHECK_CACHE_DIR"] = "off"  # the curated base's check fills no cache
    curated_report = verify([curated_path], root=REPO)
    os.environ["FACTCHECK_CACHE_DIR"] = cache
    base = curated_report.base
    assert base is not None, f"{curated_path} is not well-formed"
    assert len(base.documents) == 1, f"{curated_path}: one document expected"
    document = base.documents[0]
    source_path = curated_path.parent / document.source
    with tempfile.TemporaryDirectory(dir=curated_path.resolve().parent) as folder:
        output = Path(folder) / "draft.yaml"
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            extracted = extract_file(source_path, output, document_date=document.date.first,
                                     tag=document.language)
            times.append(time.perf_counter() - started)
        output.write_text(extracted.text, encoding="utf-8")
        draft_report = verify([output], root=REPO)
    assert draft_report.base is not None
    source = prepare(base.source_texts[document.path])
    drafted = list(draft_report.base.facts.values())
    curated = list(base.facts.values())
    spans = {fact.quote: source.find(fact.quote) for fact in [*drafted, *curated]}
    missed = [fact for fact in curated if reproduced(fact, drafted, spans) is None]
    share = Decimal(100 * (len(curated) - len(missed))) / len(curated)
    warm = f", then {min(times[1:]) * 1000:.0f} ms (best of {runs - 1})" if runs > 1 else ""
    print(f"{source_path.relative_to(REPO) if source_path.is_relative_to(REPO) else source_path}: "
          f"{len(curated) - len(missed)} of {len(curated)} curated facts reproduced ({share:.1f}%), "
          f"{len(drafted)} drafted, {len(draft_report.findings)} findings on the draft; "
          f"extraction {times[0] * 1000:.0f} ms cold{warm}")
    for finding in draft_report.findings:
        print(f"  finding: {finding.location}: {finding.kind}: {finding.message}")
    if verbose:
        for fact in missed:
            print(f"  missed {fact.id}: {fact.written} {fact.qualifier} \"{fact.quote}\"")
    return share >= target and not any(finding.kind in DRAFT_KINDS for finding in draft_report.findings)


def time_long_pdf(pages: int) -> None:
    """Extract a PDF of the letter over and over, `pages` long (benchmarks/render_letter.py): once with
    an empty cache (the PDF read and laid out), once with the cache that run filled."""
    from render_letter import LETTER, render_pdf

    with tempfile.TemporaryDirectory(dir=REPO) as folder:
        pdf = Path(folder) / "long.pdf"
        render_pdf(LETTER.read_text(encoding="utf-8"), pdf, pages, pages)
        for state in ("cold", "warm"):
            started, cpu = time.perf_counter(), time.process_time()
            extracted = extract_file(pdf, Path(folder) / "draft.yaml", document_date=LETTER_DATE, tag="nl")
            print(f"a PDF of the letter, {pages} pages: {len(extracted.added.facts)} facts drafted, "
                  f"{time.perf_counter() - started:.1f} s wall, {time.process_time() - cpu:.1f} s CPU ({state} cache)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("curated", nargs="*", type=Path, default=[REPO / "facts.yaml"],
                        help="curated fact files, or folders holding one as facts.yaml")
    parser.add_argument("--target", type=Decimal, default=Decimal(90))
    parser.add_argument("--runs", type=int, default=5, help="extractions to time (the first cold)")
    parser.add_argument("--pdf-pages", type=int, default=0, help="also time a PDF of the letter this long")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the curated facts not reproduced")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as cache:
        passed = [measure((path / "facts.yaml" if path.is_dir() else path).resolve(), args.runs, args.verbose,
                          args.target, cache) for path in args.curated]
        if args.pdf_pages:
            time_long_pdf(args.pdf_pages)
    return 0 if all(passed) else 1


if __name__ == "__main__":
    sys.exit(main())

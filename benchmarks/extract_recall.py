"""How much of a curated fact base `factcheck extract` reproduces, and how long it takes.

    python benchmarks/extract_recall.py                       # the shipped letter and facts.yaml
    python benchmarks/extract_recall.py SOURCE CURATED --date YYYY-MM-DD [--language nl]

A curated fact counts as reproduced when a drafted fact has the same value, the same unit (aliases
resolved: `person` is `persons`) and the same qualifier, and its quote overlaps the curated fact's
quote in the source.  The draft is also checked as `factcheck verify` checks it, and its findings
are listed.  Exit status 0 when at least `--target` percent are reproduced and the draft has no
finding, else 1.
"""

from __future__ import annotations

import argparse
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
        if (fact.unit.canonical == curated.unit.canonical and fact.qualifier == curated.qualifier
                and _same_value(fact.raw, curated.raw) and _overlaps(spans[fact.quote], spans[curated.quote])):
            return fact
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", type=Path, default=REPO / "sources" / "kst-27925-565.txt")
    parser.add_argument("curated", nargs="?", type=Path, default=REPO / "facts.yaml")
    parser.add_argument("--date", type=date.fromisoformat, default=date(2015, 11, 2))
    parser.add_argument("--language", default=None)
    parser.add_argument("--target", type=Decimal, default=Decimal(90))
    parser.add_argument("--runs", type=int, default=5, help="extractions to time (the best is shown)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the curated facts not reproduced")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(dir=args.curated.resolve().parent) as folder:
        output = Path(folder) / "draft.yaml"
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            extracted = extract_file(args.source, output, document_date=args.date, tag=args.language)
            times.append(time.perf_counter() - started)
        output.write_text(extracted.text, encoding="utf-8")
        draft_report = verify([output], root=REPO)
        curated_report = verify([args.curated], root=REPO)
    assert draft_report.base is not None
    assert curated_report.base is not None
    source = prepare(args.source.read_text(encoding="utf-8"))
    drafted = list(draft_report.base.facts.values())
    curated = list(curated_report.base.facts.values())
    spans = {fact.quote: source.find(fact.quote) for fact in [*drafted, *curated]}
    missed = [fact for fact in curated if reproduced(fact, drafted, spans) is None]
    share = Decimal(100 * (len(curated) - len(missed))) / len(curated)
    print(f"{args.source.name}: {len(curated) - len(missed)} of {len(curated)} curated facts reproduced "
          f"({share:.1f}%), {len(drafted)} drafted, {len(draft_report.findings)} findings on the draft; "
          f"extraction {min(times) * 1000:.0f} ms (best of {args.runs})")
    for finding in draft_report.findings:
        print(f"  finding: {finding.kind}: {finding.message}")
    if args.verbose:
        for fact in missed:
            print(f"  missed {fact.id}: {fact.written} {fact.qualifier} \"{fact.quote}\"")
    return 0 if share >= args.target and not draft_report.findings else 1


if __name__ == "__main__":
    sys.exit(main())

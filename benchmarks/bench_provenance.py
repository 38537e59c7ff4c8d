"""Time the provenance checks on the shipped letter: preparing the source, reading its numbers, and
matching N synthetic quotes (a tenth of them not in the source, which also get a closest passage).

    python benchmarks/bench_provenance.py [N]
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from factcheck.numerals import find_numerals
from factcheck.sourcetext import SourceText

ROOT = Path(__file__).resolve().parents[1]


def timed(label: str, action: Callable[[], object], repeat: int = 5) -> None:
    best = min(_once(action) for _ in range(repeat))
    print(f"{label:<48} {best * 1000:8.2f} ms")


def _once(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    text = (ROOT / "sources" / "kst-27925-565.txt").read_text(encoding="utf-8")
    source = SourceText(text)
    timed("prepare the letter (normalise, index, sections)", lambda: SourceText(text))
    timed("read every number and date of the letter", lambda: find_numerals(source.plain, "nl", date(2015, 11, 2)))
    words = source.plain.split(" ")
    rng = random.Random(1)
    quotes = []
    for index in range(count):
        start = rng.randrange(len(words) - 12)
        quotes.append(" ".join(words[start:start + 10]) + (" xyz" if index % 10 == 0 else ""))
    fresh = SourceText(text)  # quote lookups are memoised: time them on a source that has seen none
    timed(f"find {count} quotes, a tenth of them missing", lambda: [fresh.find(q) for q in quotes], repeat=1)
    misses = [q for q in quotes if not source.find(q)]
    timed(f"closest passage for {len(misses)} missing quotes", lambda: [source.closest(q) for q in misses], repeat=1)

if __name__ == "__main__":
    main()

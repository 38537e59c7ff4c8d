"""The corpus's first-run figure (docs/corpus.md): each corpus fact base as first written, without its
acknowledgements, verified against the current code; how many of its facts a provenance finding names.

Run from a clone with the history (the fact bases as first written are read with `git show`):
``python benchmarks/corpus_firstrun.py [-v]``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: the provenance kinds: what a fact base written from the docs draws on correct facts
PROVENANCE = frozenset({"quote", "value", "section", "ambiguous", "notation", "calendar"})
#: each document, and the commit holding its fact base as first written (branch corpus)
FIRST_WRITTEN = {
    "dod-2017-08-24-strikes": "d97f93a", "dod-2017-08-31-strikes": "9b6979f",
    "fjv-2018-rijksrekening": "d97f93a", "fjv-2017-rijksrekening-html": "d97f93a",
    "nics-2015-11": "d97f93a", "federal-register-2020-17221": "d97f93a", "senate-expenditures": "d97f93a",
}


def as_first_written(document: str, commit: str) -> str:
    text = subprocess.run(["git", "-C", str(ROOT), "show", f"{commit}:corpus/{document}/facts.yaml"],
                          capture_output=True, text=True, check=True).stdout
    cut = text.find("\nacknowledged:")  # the acknowledgements were the last block of each
    return text if cut < 0 else text[:cut] + "\n"


def findings_on(document: str, text: str) -> tuple[int, dict[str, set[str]]]:
    """The number of facts, and fact id -> the provenance kinds that name it."""
    path = ROOT / "corpus" / document / "firstrun-facts.yaml"  # beside its source, as the original stood
    path.write_text(text, encoding="utf-8")
    try:
        done = subprocess.run([sys.executable, "-m", "factcheck", "verify", "-f", "json", str(path)],
                              capture_output=True, text=True, cwd=ROOT, check=False)
    finally:
        path.unlink()
    report = json.loads(done.stdout)
    named: dict[str, set[str]] = {}
    for finding in report["findings"]:
        if finding["kind"] in PROVENANCE:
            for fact in finding.get("facts") or []:
                named.setdefault(fact, set()).add(finding["kind"])
    return int(report["summary"]["facts"]), named


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list the facts named")
    verbose = parser.parse_args().verbose
    total = hit = 0
    for document, commit in FIRST_WRITTEN.items():
        facts, named = findings_on(document, as_first_written(document, commit))
        total, hit = total + facts, hit + len(named)
        kinds = Counter(kind for found in named.values() for kind in found)
        print(f"{document}: {len(named)} of {facts} facts ({100 * len(named) / facts:.0f}%) {dict(kinds)}")
        if verbose:
            for fact, found in sorted(named.items()):
                print(f"    {fact}: {', '.join(sorted(found))}")
    print(f"all: {hit} of {total} facts ({100 * hit / total:.1f}%)")


if __name__ == "__main__":
    main()

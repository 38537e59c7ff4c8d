"""A PDF source of 100 pages: wall time of `factcheck verify` on the shipped fact base with its source
a PDF of the letter rendered over and over (benchmarks/render_letter.py; needs the `test` extra),
with the cache off (every page laid out) and warm (the document read from the cache), beside the
same base over the text letter.

    python benchmarks/pdf_source.py [--pages 100] [--runs 3] [--work DIR]

factcheck is timed as users get it (benchmarks/venvs.py); each command runs as a fresh process,
alternately, after one warm-up each.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import statistics
import tempfile
from pathlib import Path

from hook_latency import timed
from render_letter import LETTER, render_pdf
from venvs import REPO, checkout, child_env, cpu_model, install_factcheck


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, help="directory for the venv (default: a temporary directory)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = args.work or Path(scratch)
        factcheck = str(install_factcheck(work / "factcheck-venv") / "factcheck")
        base = Path(scratch) / "base"
        (base / ".git").mkdir(parents=True)
        (base / "sources").mkdir()
        shutil.copy(LETTER, base / "sources")
        render_pdf(LETTER.read_text(encoding="utf-8"), base / "sources" / "long.pdf", args.pages, args.pages)
        facts = (REPO / "facts.yaml").read_text(encoding="utf-8")
        (base / "facts.yaml").write_text(facts, encoding="utf-8")
        (base / "pdf.yaml").write_text(facts.replace("kst-27925-565.txt", "long.pdf"), encoding="utf-8")
        cache = Path(scratch) / "cache"
        cache.mkdir(mode=0o700)
        commands = {
            f"PDF of {args.pages} pages, cache off": ([factcheck, "verify", "pdf.yaml"], "off"),
            f"PDF of {args.pages} pages, warm cache": ([factcheck, "verify", "pdf.yaml"], str(cache)),
            "the text letter, cache off": ([factcheck, "verify", "facts.yaml"], "off"),
        }
        wall: dict[str, list[float]] = {name: [] for name in commands}
        for _, (command, cache_dir) in commands.items():
            timed(command, child_env(FACTCHECK_CACHE_DIR=cache_dir), cwd=base)  # warm-up; fills the cache
        for _ in range(args.runs):
            for name, (command, cache_dir) in commands.items():
                wall[name].append(timed(command, child_env(FACTCHECK_CACHE_DIR=cache_dir), cwd=base)[0])
    print(f"date:    {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC")
    print(f"machine: {os.cpu_count()} CPUs, {cpu_model()}, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f} at the end")
    print(f"code:    {checkout()}, pip-installed (not editable)")
    for name, values in wall.items():
        print(f"{name:32} wall median {statistics.median(values):6.2f} s (min {min(values):6.2f}, "
              f"max {max(values):6.2f}; {args.runs} runs)")


if __name__ == "__main__":
    main()

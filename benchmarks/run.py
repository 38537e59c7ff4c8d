"""Measure `factcheck verify` against its baselines, side by side in one run, on the same data.

    python benchmarks/run.py                       # 1k, 10k, 100k facts; 5 runs each; writes results.md
    python benchmarks/run.py --sizes 1000 --runs 3 # quick

Any Python 3.11+ runs it.  factcheck is timed as pre-commit installs it: the checkout
pip-installed (not editable, bytecode compiled at install) into --work/factcheck-venv, afresh at
every run (benchmarks/venvs.py); the baselines run with that venv's Python, and no timed process
sees PYTHONDONTWRITEBYTECODE.  For every size it generates a dossier (benchmarks/generate.py,
seed 1; one file per letter of 100 facts, each with its source text) and times whole processes,
interleaved round-robin so that a noisy machine slows every command alike:

* ``factcheck verify`` on all fact files: cold (empty cache directory) and warm (cache filled);
* ``json.load`` of the same data saved as JSON (the floor for getting it into Python);
* ``yaml.load`` with PyYAML's C loader (CSafeLoader);
* ``check-jsonschema`` with the same schema (pinned, installed into --work/cjs-venv: not a dependency).

And the hook latency: ``factcheck verify`` on the shipped fact base against check-jsonschema's
schema-only check of the same file.  Wall time is the median and min-max of the runs; peak memory
is the largest resident set of the process (``os.wait4`` rusage: the largest process of the tree;
Linux carries the forking parent's high-water mark over fork and exec, so a process smaller than
this script, ~20 MB, shows this script's size) and the largest proportional set size of the
process and its helpers together, sampled every 50 ms.  Results go to stdout and, as Markdown,
to --out.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from generate import ALL_KINDS, generate
from venvs import REPO, checkout, child_env, cpu_model, install_check_jsonschema, install_factcheck

HERE = Path(__file__).resolve().parent

JSON_LOAD = "import json, sys\nfor p in sys.argv[1:]:\n    with open(p, 'rb') as f: json.load(f)\n"
YAML_LOAD = ("import sys, yaml\nfor p in sys.argv[1:]:\n"
             "    with open(p, 'rb') as f: yaml.load(f, Loader=yaml.CSafeLoader)\n")


@dataclass
class Command:
    label: str
    argv: list[str]
    cwd: Path
    env: dict[str, str] = field(default_factory=dict)
    runs: int = 5
    fresh_cache: bool = False  # give every run an empty cache directory
    edit: Path | None = None  # a file to change (a comment line) before every run, as a curator would
    sampled: bool = False  # one more run, for the memory of the process with its helpers
    times: list[float] = field(default_factory=list)
    peaks: list[int] = field(default_factory=list)  # KiB
    tree_peaks: list[int] = field(default_factory=list)  # KiB, PSS of the process and its helpers, sampled
    codes: set[int] = field(default_factory=set)

    def run_once(self, sample_memory: bool = False) -> None:
        """One timed run; or, with `sample_memory`, one run whose memory alone counts (reading a
        large process's page tables every 50 ms slows it: timed runs are not sampled)."""
        if self.edit is not None:  # one more comment line: the file's text, hence its cache keys, change
            self.edit.write_text(f"# edit {len(self.times) + 1}\n" + self.edit.read_text(encoding="utf-8"),
                                 encoding="utf-8")
        env = child_env(**self.env)
        with tempfile.TemporaryDirectory() as cache:
            if self.fresh_cache:
                env["FACTCHECK_CACHE_DIR"] = cache
            start = time.perf_counter()
            process = subprocess.Popen(self.argv, cwd=self.cwd, env=env, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.PIPE)
            sampler = TreeSampler(process.pid) if sample_memory else None
            if sampler is not None:
                sampler.start()
            _, status, usage = os.wait4(process.pid, 0)
            elapsed = time.perf_counter() - start
            process.returncode = os.waitstatus_to_exitcode(status)
            assert process.stderr is not None
            error = process.stderr.read().decode(errors="replace").strip()
            process.stderr.close()
        if process.returncode not in (0,):
            raise SystemExit(f"{self.label}: exit {process.returncode}: {error[-500:]}")
        self.codes.add(process.returncode)
        if sampler is not None:
            sampler.join()
            self.tree_peaks.append(sampler.peak)
            return
        self.times.append(elapsed)
        self.peaks.append(usage.ru_maxrss)

    def warm_up(self) -> None:
        """One run that does not count: it fills the cache that the counted runs find."""
        self.run_once()
        self.times.pop()
        self.peaks.pop()

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    def cell(self) -> str:
        if not self.times:
            return "—"
        return f"{self.median:.3f} s ({min(self.times):.3f}-{max(self.times):.3f}, n={len(self.times)})"

    def peak_mb(self) -> float:
        return _megabytes(max(self.peaks))

    def tree_peak(self) -> str:
        return f"{_megabytes(max(self.tree_peaks)):.0f} MB" if self.tree_peaks else "—"


def _megabytes(kib: int) -> float:
    """KiB, as Linux reports memory, in MB (10^6 bytes), as the targets are stated."""
    return kib * 1024 / 1e6


def tree_pss_kib(pid: int) -> int:
    """Proportional set size of a process and all its descendants (Linux /proc; 0 elsewhere): pages
    shared copy-on-write between a parent and a forked helper are split between them, so the sum
    is what the tree occupies."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/smaps_rollup", encoding="ascii", errors="replace") as rollup:
                total += next((int(line.split()[1]) for line in rollup if line.startswith("Pss:")), 0)
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as children:
                    pending.extend(int(child) for child in children.read().split())
        except (OSError, ValueError):  # gone meanwhile, or no /proc
            continue
    return total


class TreeSampler(threading.Thread):
    """Samples a process tree's memory every 50 ms while the process lives: ru_maxrss reports the
    largest single process of the tree, and factcheck forks a helper for large bases."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak = pid, 0

    def run(self) -> None:
        while not _is_zombie(self.pid):
            self.peak = max(self.peak, tree_pss_kib(self.pid))
            time.sleep(0.05)


def _is_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def interleave(commands: list[Command]) -> None:
    """Run every command its number of times, round-robin; then once more each, for memory."""
    for round_ in range(max(c.runs for c in commands)):
        for command in commands:
            if round_ < command.runs:
                command.run_once()
                print(f"  {command.label}: {command.times[-1]:.3f} s, {_megabytes(command.peaks[-1]):.0f} MB",
                      file=sys.stderr, flush=True)
    for command in commands:
        if command.sampled:
            command.run_once(sample_memory=True)
            print(f"  {command.label}: with helper processes {_megabytes(command.tree_peaks[-1]):.0f} MB (PSS)",
                  file=sys.stderr, flush=True)


def machine() -> str:
    return (f"{os.cpu_count()} cores ({cpu_model()}), {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")


def main() -> None:
    parser = argparse.ArgumentParser(description="factcheck benchmarks")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--slow-runs", type=int, default=1,
                        help="runs of check-jsonschema at 100k facts (it takes minutes)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "factcheck-bench")
    parser.add_argument("--check-jsonschema", dest="cjs", help="path of an installed check-jsonschema")
    parser.add_argument("--out", type=Path, default=HERE / "results.md")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    args.work.mkdir(parents=True, exist_ok=True)
    bin_dir = install_factcheck(args.work / "factcheck-venv")
    factcheck, python = [str(bin_dir / "factcheck")], str(bin_dir / "python")
    cjs = args.cjs or str(install_check_jsonschema(args.work / "cjs-venv"))
    schema = str(REPO / "schema" / "facts.schema.json")
    results: dict[int, dict[str, Command]] = {}

    for size in sizes:
        base = args.work / f"dossier-{size}"
        if base.exists():
            shutil.rmtree(base)
        files = [str(p.relative_to(base)) for p in generate(base, size, seed=1, kinds=set(ALL_KINDS), with_json=True)]
        jsons = [f"json/{Path(f).stem}.json" for f in files]
        warm_cache = args.work / f"cache-{size}"
        shutil.rmtree(warm_cache, ignore_errors=True)
        cmds = {
            "factcheck (cold)": Command("factcheck verify, cold", [*factcheck, "verify", *files], base,
                                        runs=args.runs, fresh_cache=True, sampled=True),
            "factcheck (warm)": Command("factcheck verify, warm cache", [*factcheck, "verify", *files], base,
                                        env={"FACTCHECK_CACHE_DIR": str(warm_cache)}, runs=args.runs, sampled=True),
            "factcheck (one edited)": Command("factcheck verify, warm cache, one file edited",
                                              [*factcheck, "verify", *files], base, runs=args.runs,
                                              env={"FACTCHECK_CACHE_DIR": str(warm_cache)}, edit=base / files[-1],
                                              sampled=True),
            "json": Command("json.load", [python, "-c", JSON_LOAD, *jsons], base, runs=args.runs),
            "yaml": Command("yaml.load (C)", [python, "-c", YAML_LOAD, *files], base, runs=args.runs),
            "cjs": Command("check-jsonschema", [cjs, "--schemafile", schema, *files], base,
                           runs=args.slow_runs if size >= 100_000 else args.runs),
        }
        cmds["factcheck (warm)"].warm_up()
        print(f"{size} facts in {len(files)} files", file=sys.stderr)
        interleave(list(cmds.values()))
        results[size] = cmds

    hook_runs = max(args.runs, 9)
    hook = {
        "factcheck (cold)": Command("factcheck verify (shipped base), cold", [*factcheck, "verify"], REPO,
                                    runs=hook_runs, fresh_cache=True),
        "factcheck (warm)": Command("factcheck verify (shipped base), warm cache", [*factcheck, "verify"], REPO,
                                    env={"FACTCHECK_CACHE_DIR": str(args.work / "cache-hook")}, runs=hook_runs),
        "cjs": Command("check-jsonschema (schema only)", [cjs, "--schemafile", schema, "facts.yaml"], REPO,
                       runs=hook_runs),
    }
    # the Git hook issue's reference point: one fact file of 200 facts
    letter = generate(args.work / "dossier-hook", 200, seed=1, per_file=200)[0]
    hook.update({
        "factcheck 200 (cold)": Command("factcheck verify (200-fact file), cold", [*factcheck, "verify", letter.name],
                                        letter.parent, runs=hook_runs, fresh_cache=True),
        "factcheck 200 (warm)": Command("factcheck verify (200-fact file), warm cache",
                                        [*factcheck, "verify", letter.name], letter.parent,
                                        env={"FACTCHECK_CACHE_DIR": str(args.work / "cache-hook")}, runs=hook_runs),
        "cjs 200": Command("check-jsonschema (200-fact file, schema only)", [cjs, "--schemafile", schema, letter.name],
                           letter.parent, runs=hook_runs),
    })
    shutil.rmtree(args.work / "cache-hook", ignore_errors=True)
    hook["factcheck (warm)"].warm_up()
    hook["factcheck 200 (warm)"].warm_up()
    print("hook on the shipped base and on a 200-fact file", file=sys.stderr)
    interleave(list(hook.values()))
    report = render(results, hook, args)
    args.out.write_text(report, encoding="utf-8")
    print(report)
    runs = {str(size): cmds for size, cmds in results.items()} | {"hook": hook}
    (args.out.with_suffix(".json")).write_text(json.dumps({
        name: {key: {"times": c.times, "peak_kib": c.peaks, "tree_peak_kib": c.tree_peaks}
               for key, c in cmds.items()}
        for name, cmds in runs.items()}, indent=1), encoding="utf-8")


TABLE_HEAD = ["| facts | command | wall time: median (min-max, runs) | peak memory "
              "| peak PSS with helper processes (sampled) |", "|---|---|---|---|---|"]


def row(facts: str, cmd: Command) -> str:
    return f"| {facts} | {cmd.label} | {cmd.cell()} | {cmd.peak_mb():.0f} MB | {cmd.tree_peak()} |"


def render(results: dict[int, dict[str, Command]], hook: dict[str, Command], args: argparse.Namespace) -> str:
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [f"Measured {now} on {machine()}.", "",
             f"Code: {checkout()}, pip-installed (not editable); no PYTHONDONTWRITEBYTECODE.", "",
             f"Command: `{shlex.join(['python3', 'benchmarks/run.py', *sys.argv[1:]])}` (sizes {args.sizes}, "
             f"{args.runs} runs, {args.slow_runs} of check-jsonschema at 100k)", "",
             *TABLE_HEAD]
    for size, cmds in results.items():
        lines += [row(f"{size:,}", cmd) for cmd in cmds.values()]
    lines += ["", *TABLE_HEAD, *(row("hook", cmd) for cmd in hook.values())]
    lines += ["", "| target | measured | met |", "|---|---|---|"]

    def target(name: str, value: float, limit: float, unit: str = "") -> None:
        shown, bound = (f"{value:.0f} {unit}", f"{limit:g} {unit}") if unit else (f"{value:.2f}x", f"{limit:g}x")
        lines.append(f"| {name} (at most {bound}) | {shown} | {'yes' if value <= limit else 'no'} |")

    biggest = max(results)
    for mode in ("cold", "warm", "one edited"):
        fc = results[biggest][f"factcheck ({mode})"]
        target(f"{biggest:,} facts, {mode}: factcheck / json.load", fc.median / results[biggest]["json"].median, 10)
    if 10_000 in results and biggest == 100_000:
        for mode in ("cold", "warm"):
            ratio = results[100_000][f"factcheck ({mode})"].median / results[10_000][f"factcheck ({mode})"].median
            target(f"time(100k) / time(10k), {mode}", ratio, 12)
    for mode in ("cold", "warm"):
        command = results[biggest][f"factcheck ({mode})"]
        target(f"peak memory at {biggest:,} facts, {mode}", command.peak_mb(), 500, "MB")
        target(f"peak memory at {biggest:,} facts, {mode}, with helper processes (PSS)",
               _megabytes(max(command.tree_peaks)), 500, "MB")
    for mode in ("cold", "warm"):
        target(f"hook, {mode}: factcheck / check-jsonschema on the shipped base",
               hook[f"factcheck ({mode})"].median / hook["cjs"].median, 0.25)
    for mode in ("cold", "warm"):
        target(f"hook, {mode}: factcheck / check-jsonschema on a 200-fact file",
               hook[f"factcheck 200 ({mode})"].median / hook["cjs 200"].median, 0.25)
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()

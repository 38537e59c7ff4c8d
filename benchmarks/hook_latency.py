"""Hook latency: wall time of `factcheck verify` on the shipped fact base against
`check-jsonschema --schemafile schema/facts.schema.json facts.yaml` (schema only), same run.

    python benchmarks/hook_latency.py [--runs 11] [--work DIR] [--check-jsonschema PATH]

Any Python 3.11+ runs it: factcheck is timed as pre-commit installs it, the checkout
pip-installed (not editable, bytecode compiled at install) into a venv of its own, afresh at every
run (benchmarks/venvs.py).  `factcheck verify` is timed as a commit meets it (its per-file cache
filled by the warm-up run) and with the cache off (FACTCHECK_CACHE_DIR=off: every run parses and
checks the YAML afresh).  check-jsonschema is not a project dependency: it is pip-installed
(pinned, by name) into a venv of its own, unless --check-jsonschema names an installed one.  The
venvs live in --work DIR (DIR/factcheck-venv, DIR/cjs-venv; the layout of run.py, so one DIR
serves both) or else in a temporary directory.  Every command runs as a fresh process from the
repository root without PYTHONDONTWRITEBYTECODE, alternately (so drift hits all alike), after one
warm-up each; the report gives the median of each and their ratio, the machine, and where
factcheck's time goes (`python -X importtime`, cumulative per top-level module).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from venvs import REPO, checkout, child_env, cpu_model, install_check_jsonschema, install_factcheck

TARGET_RATIO = 0.25


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], env: dict[str, str], cwd: Path = REPO) -> tuple[float, float]:
    """Wall and CPU seconds for one run of `command` in `cwd` (the repository root); it must exit 0.

    CPU time (user + system of the child) is reported beside wall time because it is far less
    disturbed by other work on a busy machine.
    """
    cpu, start = _children_cpu(), time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, check=False)
    elapsed, cpu = time.perf_counter() - start, _children_cpu() - cpu
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {result.returncode}:\n{result.stdout.decode()}"
                         f"{result.stderr.decode()}")
    return elapsed, cpu


def import_times(python: Path, top: int, runs: int = 5) -> list[tuple[str, float]]:
    """The slowest top-level imports of `factcheck verify`: (module, median cumulative microseconds)."""
    samples: dict[str, list[int]] = {}
    for _ in range(runs):
        result = subprocess.run([str(python), "-X", "importtime", "-m", "factcheck", "verify"],
                                cwd=REPO, env=child_env(), capture_output=True, text=True, check=False)
        for line in result.stderr.splitlines():
            fields = line.removeprefix("import time:").split("|")
            if not line.startswith("import time:") or len(fields) != 3 or "cumulative" in line:
                continue
            name = fields[2][1:]  # nested imports are indented by two spaces per level
            if not name.startswith(" "):
                samples.setdefault(name, []).append(int(fields[1]))
    medians = {name: statistics.median(values) for name, values in samples.items()}
    return sorted(medians.items(), key=lambda item: item[1], reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=11, help="timed runs of each command (at least 5)")
    parser.add_argument("--work", type=Path,
                        help="directory for the venvs (created if missing; default: a temporary directory)")
    parser.add_argument("--check-jsonschema", dest="cjs", type=Path, help="path of an installed check-jsonschema")
    args = parser.parse_args()
    if args.runs < 5:
        parser.error("--runs must be at least 5")
    with tempfile.TemporaryDirectory() as scratch:
        work = args.work or Path(scratch)
        bin_dir = install_factcheck(work / "factcheck-venv")
        cjs = args.cjs or install_check_jsonschema(work / "cjs-venv")
        factcheck, python = bin_dir / "factcheck", bin_dir / "python"
        commands = {
            "factcheck verify": [str(factcheck), "verify"],
            "  without cache": [str(factcheck), "verify"],  # every run reads and checks the YAML afresh
            "check-jsonschema": [str(cjs), "--schemafile", "schema/facts.schema.json", "facts.yaml"],
            "python -c pass": [str(python), "-c", "pass"],  # the interpreter's own start: the floor
        }
        wall: dict[str, list[float]] = {name: [] for name in commands}
        cpu: dict[str, list[float]] = {name: [] for name in commands}
        envs = {name: child_env() for name in commands}
        envs["  without cache"] = child_env(FACTCHECK_CACHE_DIR="off")
        for name, command in commands.items():
            timed(command, envs[name])  # warm-up: page cache, .pyc files, factcheck's cache
        for _ in range(args.runs):
            for name, command in commands.items():
                seconds, cpu_seconds = timed(command, envs[name])
                wall[name].append(seconds)
                cpu[name].append(cpu_seconds)
        slowest = import_times(python, top=10)
    median = {name: statistics.median(values) for name, values in wall.items()}
    median_cpu = {name: statistics.median(values) for name, values in cpu.items()}
    ratio = median["factcheck verify"] / median["check-jsonschema"]
    ratio_cpu = median_cpu["factcheck verify"] / median_cpu["check-jsonschema"]
    ratio_uncached = median["  without cache"] / median["check-jsonschema"]
    print(f"date:    {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC")
    print(f"machine: {os.cpu_count()} CPUs, {cpu_model()}, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f} at the end")
    print(f"code:    {checkout()}, pip-installed (not editable); no PYTHONDONTWRITEBYTECODE")
    print(f"runs:    {args.runs} of each, alternating, after one warm-up each")
    for name in commands:
        print(f"{name:18} wall median {median[name] * 1000:6.1f} ms (min {min(wall[name]) * 1000:6.1f}, "
              f"max {max(wall[name]) * 1000:6.1f}); cpu median {median_cpu[name] * 1000:6.1f} ms")
    def verdict(value: float) -> str:
        return "meets" if value <= TARGET_RATIO else "misses"

    print(f"ratio:   {ratio:.2f}x wall, {ratio_cpu:.2f}x cpu, unchanged since the last check ({verdict(ratio)} "
          f"the target of {TARGET_RATIO}x); without cache, as after an edit, {ratio_uncached:.2f}x wall "
          f"({verdict(ratio_uncached)} it)")
    print("factcheck's slowest top-level imports (python -X importtime, cumulative, median of 5):")
    for module, micros in slowest:
        print(f"  {micros / 1000:7.1f} ms  {module}")


if __name__ == "__main__":
    main()

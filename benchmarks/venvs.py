"""The tools the benchmarks time, installed as their users get them, and the environment they run in.

factcheck is timed as pre-commit runs it: `pip install <checkout>` into a venv of its own (not
editable; pip compiles the bytecode at install time), reinstalled from the working tree at every
run of a benchmark (about 2 s), so it is always the code being measured.  check-jsonschema, not a
project dependency, goes into a venv of its own, pinned.  Both run without PYTHONDONTWRITEBYTECODE:
where that is set (as in some CI and container images), every module without bytecode would be
compiled again at each start, which is not what a user's machine does.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHECK_JSONSCHEMA = "check-jsonschema==0.39.0"


def child_env(**extra: str) -> dict[str, str]:
    """This environment for a timed process, without PYTHONDONTWRITEBYTECODE, plus `extra`."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, **extra}


def _pip_install(venv: Path, *requirements: str) -> None:
    if not (venv / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", *requirements],
                         capture_output=True, text=True, check=False)
    if pip.returncode != 0:
        raise SystemExit(f"installing {' '.join(requirements)} into {venv} failed:\n{pip.stdout}{pip.stderr}")


def install_factcheck(venv: Path) -> Path:
    """The checkout pip-installed (not editable) into `venv`, created if missing: its bin directory.

    pip reinstalls a local directory every time (dependencies already there are kept).
    """
    _pip_install(venv, str(REPO))
    return venv / "bin"


def install_check_jsonschema(venv: Path) -> Path:
    """check-jsonschema in `venv`, installed there if missing: its executable."""
    executable = venv / "bin" / "check-jsonschema"
    if not executable.exists():
        _pip_install(venv, CHECK_JSONSCHEMA)
    return executable


def checkout() -> str:
    """The commit measured, with -dirty when the working tree differs from it."""
    result = subprocess.run(["git", "-C", str(REPO), "describe", "--always", "--dirty", "--abbrev=10"],
                            capture_output=True, text=True, check=False)
    return result.stdout.strip() or "unknown"


def cpu_model() -> str:
    """The CPU's model name, for the record of where a benchmark ran."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"

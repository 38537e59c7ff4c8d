"""load -> schema -> model -> sources -> rules -> findings.  The core never prints."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Sequence
from decimal import localcontext
from pathlib import Path
from typing import ParamSpec, TypeVar

from factcheck.findings import Finding, Location, Severity, sorted_findings
from factcheck.gcpause import without_gc
from factcheck.loader import CannotRead, decode_text
from factcheck.located import LocatedDict
from factcheck.model import MAX_FACTS, Builder
from factcheck.perfile import per_file
from factcheck.preload import Preloaded
from factcheck.report import Report
from factcheck.severities import apply_acknowledgements, apply_severities
from factcheck.sourceread import read_sources, source_path, untracked_files

#: Decimal digits of every computation in a run (see `_exact`).
EXACT_DIGITS = 1000
#: the path that names standard input, and how findings in it are located (as check-jsonschema does)
STDIN = Path("-")
STDIN_NAME = "<stdin>"
P = ParamSpec("P")
R = TypeVar("R")


class CannotCheck(Exception):
    """The fact base could not be checked at all (missing file, bad usage): exit 2."""


def display_path(path: Path, cwd: Path) -> str:
    """A path as the user should see it: relative to the working directory (``../facts.yaml`` too),
    with control characters escaped (a newline in a file name must not split a finding's line)."""
    absolute = os.path.abspath(path)
    try:
        shown = Path(os.path.relpath(absolute, cwd)).as_posix()
    except ValueError:  # another drive on Windows: no relative path exists
        shown = Path(absolute).as_posix()
    return re.sub(r"[\x00-\x1f\x7f]", lambda char: f"\\x{ord(char[0]):02x}", shown)


def _exact(check: Callable[P, R]) -> Callable[P, R]:
    """Run with a Decimal precision at which numbers within the loader's limits never round.

    The default context rounds to 28 digits, so 10^30 + 1 would silently equal 10^30; numbers of at
    most MAX_DIGITS digits within 1e±MAX_DECIMAL_EXPONENT, scaled by up to 10^9, span under 300 digits.
    """

    @functools.wraps(check)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with localcontext() as context:
            context.prec = EXACT_DIGITS
            return check(*args, **kwargs)

    return run


@without_gc
@_exact
def verify(paths: Sequence[Path], cwd: Path | None = None, root: Path | None = None,
           stdin: bytes = b"") -> Report:
    """Check the fact base made of `paths` (relative ones are relative to `cwd`, default the working
    directory); raise `CannotCheck` when a file cannot be read.  The path `STDIN` is the fact file
    whose bytes are `stdin`: shown as ``<stdin>``, its sources relative to `cwd`."""
    cwd = Path(os.path.abspath(cwd or Path.cwd()))
    # a file named twice (facts.yaml ./facts.yaml) is read once, not reported as its own duplicate
    paths = list(dict.fromkeys(cwd / STDIN_NAME if path == STDIN else Path(os.path.abspath(cwd / path))
                               for path in paths))
    findings: list[Finding] = []
    builder = Builder()
    fact_files: dict[str, Path] = {}
    texts: dict[str, str] = {}
    names = [STDIN_NAME if path == cwd / STDIN_NAME else display_path(path, cwd) for path in paths]
    given = {STDIN_NAME: decode_text(stdin, STDIN_NAME)} if STDIN_NAME in names else {}
    preloaded = Preloaded(paths, names, given)  # cached and parallel; the same results as the plain calls
    fact_count = 0
    for path, name in zip(paths, names, strict=True):
        try:
            result = preloaded.load_file(path, name)
        except CannotRead as exc:
            raise CannotCheck(str(exc)) from exc
        findings.extend(result.findings)
        if result.text is not None:
            texts[name] = result.text
        if result.data is None or result.findings:
            continue
        facts = result.data.get("facts") if isinstance(result.data, LocatedDict) else None
        fact_count += len(facts) if isinstance(facts, list) else 0
        if fact_count > MAX_FACTS:
            findings.append(Finding("limit", Severity.ERROR, f"more than {MAX_FACTS:,} facts in the fact base",
                                    Location(name, *result.data.key_marks["facts"])))
            continue
        schema_findings = preloaded.validate(result.data, name)
        findings.extend(schema_findings)
        if not schema_findings:
            # the builder holds each fact's loaded mapping until it is built, and nothing else keeps
            # the loaded data: so it goes as the model grows (peak memory)
            builder.add_file(name, result.data)
            fact_files[name] = path
    if findings:  # a base that is not well-formed is not checked further: rules would only add noise
        return Report(sorted_findings(findings), None, names, texts)
    base, model_findings = builder.finish()
    findings.extend(model_findings)
    findings.extend(read_sources(base, fact_files, root))
    if os.environ.get("PRE_COMMIT") == "1":  # set by pre-commit for its hooks: the files must be in the commit
        findings.extend(untracked_files(base, fact_files, root))
    checked = not findings
    if checked:
        from factcheck.rules import check_all, check_file

        findings.extend(check_all(base))
        findings.extend(per_file(base, texts, check_file))
        findings = apply_acknowledgements(apply_severities(findings, base), base.acknowledged)
    for document in base.documents:  # findings stand in sources too: the formats quote their lines
        source = base.source_text(document)
        if source is not None:
            texts.setdefault(source_path(document), source)
    return Report(sorted_findings(findings), base, names, texts, checked)

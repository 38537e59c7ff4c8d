"""load -> schema -> model -> sources -> rules -> findings.  The core never prints."""

from __future__ import annotations

import functools
import os
import re
import stat
from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import localcontext
from pathlib import Path
from typing import ParamSpec, TypeVar

from factcheck.fastload import Preloaded, per_file, without_gc
from factcheck.findings import Finding, Location, Severity, sorted_findings
from factcheck.loader import CannotRead, LocatedDict, read_text, shorten
from factcheck.model import MAX_FACTS, Acknowledgement, Builder, FactBase
from factcheck.report import Report

#: Decimal digits of every computation in a run (see `_exact`).
EXACT_DIGITS = 1000
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


def project_root(path: Path) -> Path:
    """The repository a fact file belongs to: the nearest ancestor with .git, else its folder."""
    folder = Path(os.path.abspath(path)).parent
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


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
def verify(paths: Sequence[Path], cwd: Path | None = None, root: Path | None = None) -> Report:
    """Check the fact base made of `paths` (relative ones are relative to `cwd`, default the working
    directory); raise `CannotCheck` when a file cannot be read."""
    cwd = Path(os.path.abspath(cwd or Path.cwd()))
    # a file named twice (facts.yaml ./facts.yaml) is read once, not reported as its own duplicate
    paths = list(dict.fromkeys(Path(os.path.abspath(cwd / path)) for path in paths))
    findings: list[Finding] = []
    builder = Builder()
    fact_files: dict[str, Path] = {}
    texts: dict[str, str] = {}
    names = [display_path(path, cwd) for path in paths]
    preloaded = Preloaded(paths, names)  # cached and parallel; the same results as the plain calls
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
    findings.extend(_read_sources(base, fact_files, root))
    checked = not findings
    if checked:
        from factcheck.rules import PER_FILE_KINDS, RULE_KINDS, check_all

        findings.extend(check_all(base, [kind for kind in RULE_KINDS if kind not in PER_FILE_KINDS]))
        findings.extend(per_file(base, texts, lambda part: check_all(part, PER_FILE_KINDS)))
        findings = _apply_acknowledgements(_apply_severities(findings, base), base.acknowledged)
    return Report(sorted_findings(findings), base, names, texts, checked)


def _read_sources(base: FactBase, paths: dict[str, Path], root: Path | None) -> list[Finding]:
    """Read each document's source text, refusing any path that leads out of the repository."""
    findings: list[Finding] = []
    for document in base.documents:
        fact_file = paths[document.path]
        repository = Path(os.path.realpath(root or project_root(fact_file)))
        relative = Path(document.source)

        def refuse(message: str, loc: Location = document.location) -> None:
            findings.append(Finding("source", Severity.ERROR, message, loc))

        if relative.is_absolute():
            refuse("source must be a path relative to the fact file, not an absolute path")
            continue
        target = Path(os.path.realpath(fact_file.parent / relative))
        if not target.is_relative_to(repository):
            refuse("source leads outside the repository; refused")
            continue
        shown = shorten(document.source)
        try:
            regular = stat.S_ISREG(target.stat().st_mode)  # a directory, or a FIFO that would block a read
        except FileNotFoundError:
            refuse(f"source {shown} not found")
            continue
        except OSError as exc:  # a name too long for the file system, a symlink loop
            refuse(f"source {shown} cannot be read: {exc.strerror}")
            continue
        if not regular:
            refuse(f"source {shown} is not a regular file")
            continue
        try:
            text, problems = read_text(target, document.source)
        except CannotRead as exc:
            refuse(f"source {shown} cannot be read: {exc.reason}")
            continue
        if text is None:
            refuse(f"source {shown} is not usable text: {problems[0].message}")
            continue
        base.source_texts[document.path] = text
    return findings


def _apply_severities(findings: list[Finding], base: FactBase) -> list[Finding]:
    by_rule = {rule.id: rule.severity for rule in base.rules if rule.severity}
    result = []
    for finding in findings:
        level = by_rule.get(finding.rule_id or "") or base.kind_severity.get(finding.kind)
        if level == "off":
            continue
        if level is not None:
            finding = replace(finding, severity=Severity(level))
        result.append(finding)
    return result


def _matches(ack: Acknowledgement, finding: Finding) -> bool:
    named = ack.rule == finding.rule_id or (finding.rule_id is None and ack.rule == finding.kind)
    return named and (ack.facts is None or ack.facts == frozenset(finding.facts))


def _apply_acknowledgements(findings: list[Finding], acks: list[Acknowledgement]) -> list[Finding]:
    """Mark acknowledged findings; report every acknowledgement that no longer matches any."""
    used: set[int] = set()
    result = []
    for finding in findings:
        for index, ack in enumerate(acks):
            if _matches(ack, finding):
                used.add(index)
                finding = finding.acknowledge(ack.reason)
                break
        result.append(finding)
    for index, ack in enumerate(acks):
        if index not in used:
            scope = f" for facts {sorted(ack.facts)}" if ack.facts else ""
            result.append(Finding("stale-acknowledgement", Severity.ERROR,
                                  f"acknowledgement of {ack.rule!r}{scope} matches no finding; remove it",
                                  ack.location))
    return result

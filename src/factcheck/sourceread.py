"""Reading each document's source text safely: only a relative path to a regular UTF-8 file
inside the fact file's repository is read; anything else is a located finding."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from factcheck.findings import Finding, Location, Severity
from factcheck.loader import CannotRead, read_text
from factcheck.located import shorten
from factcheck.model import FactBase


def project_root(path: Path) -> Path:
    """The repository a fact file belongs to: the nearest ancestor with .git, else its folder."""
    folder = Path(os.path.abspath(path)).parent
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


def read_sources(base: FactBase, paths: dict[str, Path], root: Path | None) -> list[Finding]:
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

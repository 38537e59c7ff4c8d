"""Reading each document's source text safely: only a relative path to a regular UTF-8 file
inside the fact file's repository is read; anything else is a located finding."""

from __future__ import annotations

import os
import posixpath
import stat
from pathlib import Path

from factcheck.findings import Finding, Location, Severity
from factcheck.loader import CannotRead, read_text
from factcheck.located import shorten
from factcheck.model import Document, FactBase


def project_root(path: Path) -> Path:
    """The repository a fact file belongs to: the nearest ancestor with .git, else its folder."""
    folder = Path(os.path.abspath(path)).parent
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


def source_path(document: Document) -> str:
    """The source as the user sees it: relative to where the fact file is shown from."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(document.path), document.source))


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
        if not text.strip():  # every quote would fail against it, each with an empty "closest passage"
            refuse(f"source {shown} is empty: no quote can stand in it")
            continue
        base.source_texts[document.path] = text
    return findings


def untracked_files(base: FactBase, paths: dict[str, Path], root: Path | None) -> list[Finding]:
    """The fact files and read sources that git does not track, each as a finding with the `git add`
    that fixes it.  For the commit hook: pre-commit sets aside only tracked files, so an untracked
    file is read by the check yet missing from the commit (and from every clone)."""
    #: repository -> the files in it to ask about: (file, what it is, its path from the cwd, where)
    wanted: dict[Path, list[tuple[Path, str, str, Location]]] = {}

    def want(fact_file: str, target: Path, label: str, shown: str, where: Location) -> None:
        repository = Path(os.path.abspath(root or project_root(paths[fact_file])))
        if target.is_relative_to(repository):  # read_sources refused the others
            wanted.setdefault(repository, []).append((target.relative_to(repository), label, shown, where))

    for name, path in paths.items():
        want(name, Path(os.path.abspath(path)), f"fact file {shorten(name)}", name, Location(name, 1, 1))
    for document in base.documents:
        if document.path in base.source_texts:  # a source that was not read has its finding already
            target = Path(os.path.abspath(paths[document.path].parent / document.source))
            shown = Path(os.path.normpath(Path(document.path).parent / document.source)).as_posix()
            want(document.path, target, f"source {shorten(document.source)}", shown, document.location)
    findings: list[Finding] = []
    for repository, files in wanted.items():
        tracked = _tracked(repository, [file for file, *_ in files])
        if isinstance(tracked, str):  # git cannot be run: once, not once per file
            return [Finding("source", Severity.ERROR, tracked, files[0][3])]
        import shlex  # only under pre-commit: paths with spaces in the advice

        findings.extend(Finding("source", Severity.ERROR, f"{label} is not tracked by git, so this commit would "
                                f"lack it; run: git add {shlex.quote(shown)}", where)
                        for file, label, shown, where in files if tracked is not None and file not in tracked)
    return findings


def _tracked(repository: Path, files: list[Path]) -> set[Path] | str | None:
    """Which of `files` (relative to `repository`) git tracks; None outside a git work tree, and a
    message when git cannot be run."""
    import subprocess  # only under pre-commit

    command = ["git", "--literal-pathspecs", "ls-files", "-z", "--", *(file.as_posix() for file in files)]
    try:
        listed = subprocess.run(command, cwd=repository, capture_output=True, check=False)
    except OSError as exc:  # git is not installed, or cannot be started
        return f"cannot run git ({exc.strerror or exc}) to check that the fact files and sources are tracked"
    if listed.returncode != 0:  # not a work tree: nothing is committed from here
        return None
    return {Path(os.fsdecode(name)) for name in listed.stdout.split(b"\0") if name}

"""Reading each document's source safely: only a relative path to a regular file inside the fact
file's repository is read, as UTF-8 text, HTML or PDF (`sourcedoc.read_document`); anything else is
a located finding."""

from __future__ import annotations

import os
import posixpath
import stat
from pathlib import Path

from factcheck.findings import Finding, Location, Severity
from factcheck.loader import MAX_FILE_BYTES
from factcheck.located import shorten
from factcheck.model import Document, FactBase
from factcheck.sourcedoc import MAX_PDF_BYTES, SourceDocument, Unreadable, is_pdf, read_document


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
        try:
            source = read_source_file(target, document.source)
        except Unreadable as exc:
            refuse(str(exc))
            continue
        base.source_texts[document.path] = source
    return findings


def read_source_file(target: Path, name: str) -> SourceDocument:
    """The document in the file `target` (`name`: as the fact file or the command line names it), read by
    its format after the checks every source passes: a regular file (a FIFO would block the read), within
    its format's size limit, readable as its format, not empty.  Raise `Unreadable` saying why."""
    shown = shorten(name)
    try:
        regular = stat.S_ISREG(target.stat().st_mode)
    except FileNotFoundError as exc:
        raise Unreadable(f"source {shown} not found") from exc
    except OSError as exc:  # a name too long for the file system, a symlink loop
        raise Unreadable(f"source {shown} cannot be read: {exc.strerror}") from exc
    if not regular:
        raise Unreadable(f"source {shown} is not a regular file")
    try:
        source = read_document(name, _read_bytes(target))
    except OSError as exc:
        raise Unreadable(f"source {shown} cannot be read: {exc.strerror or exc}") from exc
    except Unreadable as exc:
        raise Unreadable(f"source {shown} {exc}") from exc
    if not source.text.strip():  # every quote would fail against it, each with an empty "closest passage"
        raise Unreadable(f"source {shown} is empty: no quote can stand in it")
    return source


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, at most one more than its format's size limit allows (the reader refuses it)."""
    with path.open("rb") as handle:
        raw = handle.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES and is_pdf(path.name, raw):
            raw += handle.read(MAX_PDF_BYTES - len(raw) + 1)
    return raw


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

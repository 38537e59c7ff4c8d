"""Read fact files and hold their data located: every key and value with its line and column.

`load_text` parses with `factcheck.yamlcompose` (PyYAML, imported only when a file is actually
parsed: a run whose files all come from the cache never pays for it).  The data is plain
JSON-like data in `LocatedDict` / `LocatedList`, typed the YAML 1.2 way; see yamlcompose.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck.findings import Finding, Location, Severity

#: A fact base larger than this is refused: curated fact bases are kilobytes, and a cap keeps a
#: hostile file from exhausting memory (split large dossiers over several files).
MAX_FILE_BYTES = 8 * 1024 * 1024
#: Numbers with more significant digits than this are refused (integers before conversion): no
#: document states 41 digits, and a bound keeps exact arithmetic exact and cheap.
MAX_DIGITS = 40
#: Exponents beyond this make exact arithmetic pathological (``1e999999999``).
MAX_DECIMAL_EXPONENT = 100
#: A fact base is at most five levels deep; a cap keeps hostile nesting away from recursive code
#: (jsonschema, repr) and libyaml refuses more than 1000 levels anyway.
MAX_DEPTH = 32
#: Keys, values and collections in one file: about 25 per fact, so 10,000 facts fit.  Composing
#: costs hundreds of bytes per node, so this bounds memory where the byte cap alone does not
#: (8 MiB of ``a: 1`` lines is 3 million nodes).
MAX_NODES = 1_000_000
#: Findings reported per file by the loader or the schema: beyond this they are noise.
MAX_FINDINGS = 1000

Mark = tuple[int, int]


class LocatedDict(dict[str, Any]):
    """A mapping that remembers where each key and each value stands (1-based line, column)."""

    __slots__ = ("key_marks", "marks")

    def __init__(self) -> None:
        super().__init__()
        self.key_marks: dict[str, Mark] = {}
        self.marks: dict[str, Mark] = {}


class LocatedList(list[Any]):
    """A sequence that remembers where each item stands."""

    __slots__ = ("marks",)

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[Mark] = []


@dataclass(slots=True)
class Loaded:
    """The result of loading one file: data (None when unusable) and findings."""

    path: str
    data: Any
    findings: list[Finding] = field(default_factory=list)
    text: str | None = None  # the file's text, for reports that quote the offending line


class CannotRead(Exception):
    """The file could not be read at all (missing, a directory, unreadable): exit 2."""

    def __init__(self, display: str, reason: str) -> None:
        super().__init__(f"{display}: {reason}")
        self.reason = reason


def read_text(path: Path, display: str) -> tuple[str | None, list[Finding]]:
    """Read a file as UTF-8; return its text, or findings that say why it is not usable text."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as exc:
        raise CannotRead(display, "no such file") from exc
    except IsADirectoryError as exc:
        raise CannotRead(display, "is a directory") from exc
    except OSError as exc:
        raise CannotRead(display, f"cannot read: {exc.strerror or exc}") from exc
    if len(raw) > MAX_FILE_BYTES:
        return None, [finding_at("limit", f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB", display)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = line_column(raw[: exc.start].decode("utf-8", errors="replace"))
        message = f"not UTF-8: byte 0x{raw[exc.start]:02x} cannot be decoded"
        return None, [finding_at("encoding", message, display, line, column)]
    return text.removeprefix("\ufeff"), []


def load_file(path: Path, display: str) -> Loaded:
    """Load one YAML file; raise `CannotRead` when it cannot be read at all."""
    text, findings = read_text(path, display)
    if text is None:
        return Loaded(display, None, findings)
    loaded = load_text(text, display)
    loaded.text = text
    return loaded


def load_text(text: str, display: str) -> Loaded:
    """Load YAML text into located data, collecting every problem as a finding."""
    from factcheck.yamlcompose import compose_text

    return compose_text(text, display)


def too_many_findings(path: str, line: int, column: int) -> Finding:
    """The last finding of a file that has more than MAX_FINDINGS."""
    return finding_at("limit", f"more than {MAX_FINDINGS} findings in this file; the rest are not shown",
                    path, line, column)


def finding_at(kind: str, message: str, path: str, line: int = 1, column: int = 1) -> Finding:
    return Finding(kind, Severity.ERROR, message, Location(path, line, column))


def line_column(before: str) -> Mark:
    """Where the text that follows `before` starts."""
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def shorten(text: str, limit: int = 40) -> str:
    """A quoted excerpt of user text for a message: escaped, at most `limit` characters."""
    return repr(text) if len(text) <= limit else repr(text[:limit]) + f"… ({len(text)} characters)"

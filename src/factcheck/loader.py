"""Read fact files and hold their data located: every key and value with its line and column.

`load_text` parses with `factcheck.yamlcompose` (PyYAML, imported only when a file is actually
parsed: a run whose files all come from the cache never pays for it).  The data is plain
JSON-like data in `LocatedDict` / `LocatedList` (factcheck.located), typed the YAML 1.2 way;
see yamlcompose.
"""

from __future__ import annotations

from pathlib import Path

from factcheck.findings import Finding
from factcheck.located import Loaded, finding_at, line_column

#: A fact base larger than this is refused: curated fact bases are kilobytes, and a cap keeps a
#: hostile file from exhausting memory (split large dossiers over several files).
MAX_FILE_BYTES = 8 * 1024 * 1024


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
    return decode_text(raw, display)


def decode_text(raw: bytes, display: str) -> tuple[str | None, list[Finding]]:
    """The text of a file's bytes (at most MAX_FILE_BYTES + 1 of them were read), or findings that say
    why it is not usable text; standard input is read the same way."""
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



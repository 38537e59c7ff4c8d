"""Located data: plain JSON-like values that remember where each key and value stands, the
limits every loaded file is held to, and the findings loading reports.

Shared by the reader (`factcheck.loader`), the YAML composer (`factcheck.yamlcompose`), the schema
and the cache, so that none of them needs another to know what loaded data is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from factcheck.findings import Finding, Location, Severity

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

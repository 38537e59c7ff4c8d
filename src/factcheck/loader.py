"""Load YAML strictly, keeping the line and column of every value.

PyYAML composes the node graph (with libyaml's C parser where present); we then build plain
JSON-like data from the nodes ourselves, in one iterative pass, so that we can:

* record where each key and value stands (in `LocatedDict.marks` / `LocatedList.marks`);
* report duplicate keys, aliases, merge keys and foreign tags as located findings instead of
  silently keeping the last key or expanding an alias bomb;
* type scalars the YAML 1.2 way: only ``true``/``false`` are booleans, no timestamps, no
  base-60 or leading-zero octal numbers, and every non-integer number is an exact `Decimal`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from factcheck.findings import Finding, Location, Severity

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: libyaml reports a reader error's position in UTF-8 bytes, PyYAML's own reader in code points.
_OFFSETS_IN_BYTES = _Base is not yaml.SafeLoader

#: A fact base larger than this is refused: curated fact bases are kilobytes, and a cap keeps a
#: hostile file from exhausting memory (split large dossiers over several files).
MAX_FILE_BYTES = 8 * 1024 * 1024
#: Integers longer than this are refused before conversion (Python refuses > 4300 digits anyway).
MAX_INT_DIGITS = 40
#: Exponents beyond this make exact arithmetic pathological (``1e999999999``).
MAX_DECIMAL_EXPONENT = 100

_T = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = (_T + t for t in ("str", "int", "float", "bool", "null"))
_MAP, _SEQ, _MERGE = _T + "map", _T + "seq", _T + "merge"


class _StrictLoader(_Base):  # type: ignore[valid-type,misc]
    """A safe loader whose implicit typing follows YAML 1.2's core schema."""

    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
        # libyaml calls this for every scalar; keys and common words repeat, so their tags are
        # memoised.  A quoted scalar (implicit[0] false) is a string: we have no path resolvers.
        if kind is yaml.ScalarNode:
            if not implicit[0]:
                return _STR
            tag = _RESOLVED.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(_RESOLVED) < _RESOLVED_MAX:
                    _RESOLVED[value] = tag
            return tag
        return super().resolve(kind, value, implicit)  # type: ignore[no-any-return]


_RESOLVED: dict[str, str] = {}
_RESOLVED_MAX = 4096

_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in {_BOOL, _INT, _FLOAT, _T + "timestamp"}]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
for _tag, _rx, _first in (
    (_BOOL, r"true|True|TRUE|false|False|FALSE", "tTfF"),
    (_INT, r"[-+]?(?:0|[1-9][0-9]*)", "-+0123456789"),
    (_FLOAT, r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?", "-+0123456789."),
):
    _StrictLoader.add_implicit_resolver(_tag, re.compile(rf"^(?:{_rx})$"), list(_first))

_INT_RE = re.compile(r"[-+]?[0-9]+")
_FLOAT_RE = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")

Mark = tuple[int, int]
#: Texts up to this length (keys, units, sections, dates) are shared within a file.
_SHARED_TEXT = 64


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


def _mark(node: yaml.Node) -> Mark:
    return node.start_mark.line + 1, node.start_mark.column + 1


def read_text(path: Path, display: str) -> tuple[str | None, list[Finding]]:
    """Read a file as UTF-8; return its text, or findings that say why it is not usable text."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as exc:
        raise CannotRead(f"{display}: no such file") from exc
    except IsADirectoryError as exc:
        raise CannotRead(f"{display}: is a directory") from exc
    except OSError as exc:
        raise CannotRead(f"{display}: cannot read: {exc.strerror or exc}") from exc
    if len(raw) > MAX_FILE_BYTES:
        return None, [_finding("limit", f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB", display)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _line_column(raw[: exc.start].decode("utf-8", errors="replace"))
        message = f"not UTF-8: byte 0x{raw[exc.start]:02x} cannot be decoded"
        return None, [_finding("encoding", message, display, line, column)]
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
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as exc:
        return Loaded(display, None, [_syntax_finding(exc, display)])
    except yaml.reader.ReaderError as exc:  # a control character: located by its offset in the text
        before = text.encode()[: exc.position].decode() if _OFFSETS_IN_BYTES else text[: exc.position]
        line, column = _line_column(before)
        message = f"unacceptable character #x{exc.character:04x}: {exc.reason}"
        return Loaded(display, None, [_finding("syntax", message, display, line, column)])
    except yaml.YAMLError as exc:
        return Loaded(display, None, [_finding("syntax", _one_line(str(exc)), display)])
    if root is None or (isinstance(root, yaml.ScalarNode) and root.tag == _NULL):  # "", "---", "~"
        return Loaded(display, None, [_finding("schema", "the file is empty: expected a mapping", display)])
    builder = _Builder(display)
    data = builder.build(root)
    if "&" in text or "*" in text:  # only then can there be anchors; spares the second parse
        builder.findings.extend(_anchor_findings(text, display))
    return Loaded(display, data, builder.findings)


def _compose(text: str) -> yaml.Node | None:
    loader = _StrictLoader(text)  # PyYAML's pure-Python reader already checks characters here
    try:
        root: yaml.Node | None = loader.get_single_node()
        return root
    finally:
        loader.dispose()


def _anchor_findings(text: str, display: str) -> list[Finding]:
    """Every anchor and alias at its own position: composed nodes keep neither (an alias is the
    very node it names), so they are found in the event stream."""
    loader = _StrictLoader(text)
    findings: list[Finding] = []
    anchors: dict[str, int] = {}
    try:
        while loader.check_event():
            event = loader.get_event()
            anchor = getattr(event, "anchor", None)
            if anchor is None:
                continue
            line, column = event.start_mark.line + 1, event.start_mark.column + 1
            if isinstance(event, yaml.AliasEvent):
                where = f" (anchor at line {anchors[anchor]})" if anchor in anchors else ""
                message = f"alias *{anchor}{where}: aliases are not allowed in a fact base"
            else:
                anchors.setdefault(anchor, line)
                message = f"anchor &{anchor}: anchors are not allowed in a fact base"
            findings.append(_finding("alias", message, display, line, column))
    finally:
        loader.dispose()
    return findings


class _Builder:
    """Turns a composed node graph into located plain data, iteratively (no recursion limit)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.findings: list[Finding] = []
        self._seen: set[int] = set()
        # one int object per line and one str per short text: a 100,000-fact base holds millions
        # of marks and repeated keys, sections and units, and sharing saves ~100 MB
        self._lines: dict[int, int] = {}
        self._texts: dict[str, str] = {}

    def build(self, root: yaml.Node) -> Any:
        holder = LocatedList()
        holder.append(None)
        holder.marks.append(_mark(root))
        stack: list[tuple[yaml.Node, Any, Any]] = [(root, holder, 0)]
        while stack:
            node, parent, slot = stack.pop()
            value = self._value(node, stack)
            parent[slot] = value
        return holder[0]

    def _value(self, node: yaml.Node, stack: list[tuple[yaml.Node, Any, Any]]) -> Any:
        if id(node) in self._seen:  # an alias (reported by `_anchor_findings`): never expand it
            return None
        self._seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                self._report("tag", f"tag {node.tag!r} is not allowed", node)
            items = LocatedList()
            for index, child in enumerate(node.value):
                items.append(None)
                items.marks.append(self._mark(child))
                stack.append((child, items, index))
            return items
        assert isinstance(node, yaml.MappingNode)
        if node.tag != _MAP:
            self._report("tag", f"tag {node.tag!r} is not allowed", node)
        mapping = LocatedDict()
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                self._report("merge-key", "merge keys (<<) are not allowed in a fact base", key_node)
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STR:
                self._report("key", "mapping keys must be plain strings", key_node)
                continue
            key = self._text(key_node.value)
            if key in mapping:
                first = mapping.key_marks[key][0]
                self._report("duplicate-key", f"duplicate key {key!r} (first at line {first})", key_node)
                continue
            mapping[key] = None
            mapping.key_marks[key] = self._mark(key_node)
            mapping.marks[key] = self._mark(value_node)
            stack.append((value_node, mapping, key))
        return mapping

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag, text = node.tag, node.value
        if tag == _STR:
            return self._text(text)
        if tag == _INT and _INT_RE.fullmatch(text):
            if len(text.lstrip("+-")) > MAX_INT_DIGITS:
                self._report("limit", f"integer has more than {MAX_INT_DIGITS} digits", node)
                return None
            return int(text)
        if tag == _FLOAT and _FLOAT_RE.fullmatch(text):
            try:
                number = Decimal(text)
            except InvalidOperation:  # pragma: no cover - the pattern admits only valid literals
                number = None
            if number is None or abs(number.adjusted()) > MAX_DECIMAL_EXPONENT:
                self._report("limit", f"number {text[:40]!r} is out of range", node)
                return None
            return number
        if tag == _BOOL and text in {"true", "True", "TRUE"}:
            return True
        if tag == _BOOL and text in {"false", "False", "FALSE"}:
            return False
        if tag == _NULL:
            return None
        self._report("tag", f"tag {tag!r} is not allowed for {text[:40]!r}", node)
        return None

    def _mark(self, node: yaml.Node) -> Mark:
        start = node.start_mark
        line = self._lines.get(start.line)
        if line is None:
            line = self._lines[start.line] = start.line + 1
        return line, start.column + 1

    def _text(self, text: str) -> str:
        return self._texts.setdefault(text, text) if len(text) <= _SHARED_TEXT else text

    def _report(self, kind: str, message: str, node: yaml.Node) -> None:
        line, column = _mark(node)
        self.findings.append(_finding(kind, message, self.path, line, column))


def _finding(kind: str, message: str, path: str, line: int = 1, column: int = 1) -> Finding:
    return Finding(kind, Severity.ERROR, message, Location(path, line, column))


def _line_column(before: str) -> Mark:
    """Where the text that follows `before` starts."""
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _syntax_finding(exc: yaml.MarkedYAMLError, path: str) -> Finding:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    parts = [exc.context, exc.problem]
    message = _one_line(": ".join(p for p in parts if p)) or "invalid YAML"
    return _finding("syntax", message, path, line, column)

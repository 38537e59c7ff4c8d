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
from decimal import Decimal
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

#: YAML 1.2 core floats (``1e3`` is a number), except that a leading zero (``010``, ``01e3``) stays text
_FLOAT_TEXT = r"[-+]?(?:(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|(?:0|[1-9][0-9]*)[eE][-+]?[0-9]+)"

_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in {_BOOL, _INT, _FLOAT, _T + "timestamp"}]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
for _tag, _rx, _first in (
    (_BOOL, r"true|True|TRUE|false|False|FALSE", "tTfF"),
    (_INT, r"[-+]?(?:0|[1-9][0-9]*)", "-+0123456789"),
    (_FLOAT, rf"{_FLOAT_TEXT}|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)", "-+0123456789."),
):
    _StrictLoader.add_implicit_resolver(_tag, re.compile(rf"^(?:{_rx})$"), list(_first))

_INT_RE = re.compile(r"[-+]?[0-9]+")
_FLOAT_RE = re.compile(_FLOAT_TEXT)
#: Characters no fact base needs in a string, escaped (``"\x01"``) or not: C0 and C1 controls
#: other than tab and line breaks, and lone surrogates (which cannot even be printed).
_BAD_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")

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

    def __init__(self, display: str, reason: str) -> None:
        super().__init__(f"{display}: {reason}")
        self.reason = reason


def _mark(node: yaml.Node) -> Mark:
    return node.start_mark.line + 1, node.start_mark.column + 1


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
        refused = _scan(text, display)
        if refused:
            return Loaded(display, None, refused)
        root = _compose(text)
    except yaml.MarkedYAMLError as exc:
        return Loaded(display, None, [_syntax_finding(exc, text, display)])
    except yaml.reader.ReaderError as exc:  # a control character: located by its offset in the text
        before = text.encode()[: exc.position].decode() if _OFFSETS_IN_BYTES else text[: exc.position]
        line, column = _line_column(before)
        message = f"control character U+{exc.character:04X} is not allowed"
        return Loaded(display, None, [_finding("syntax", message, display, line, column)])
    except yaml.YAMLError as exc:
        return Loaded(display, None, [_finding("syntax", _one_line(str(exc)), display)])
    if root is None or (isinstance(root, yaml.ScalarNode) and root.tag == _NULL):  # "", "---", "~"
        return Loaded(display, None, [_finding("schema", "the file is empty: expected a mapping", display)])
    builder = _Builder(display)
    data = builder.build(root)
    return Loaded(display, data, builder.findings)


def _compose(text: str) -> yaml.Node | None:
    loader = _StrictLoader(text)  # PyYAML's pure-Python reader already checks characters here
    try:
        root: yaml.Node | None = loader.get_single_node()
        return root
    finally:
        loader.dispose()


def _scan(text: str, path: str) -> list[Finding]:
    """Refuse, from the parse events and before composing, what must not reach the composer.

    Anchors and aliases (an alias bomb), nesting beyond MAX_DEPTH (the pure-Python composer
    recurses) and more than MAX_NODES nodes (memory) stop here; the events stream, so the scan
    itself holds nothing.  Returns the findings, empty when the text may be composed.
    """
    findings: list[Finding] = []
    anchors: dict[str, int] = {}
    depth = nodes = 0
    for event in yaml.parse(text, Loader=_StrictLoader):
        if isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        if not isinstance(event, yaml.NodeEvent):
            continue
        depth += isinstance(event, yaml.CollectionStartEvent)
        nodes += 1
        line, column = (event.start_mark.line + 1, event.start_mark.column + 1) if event.start_mark else (1, 1)
        if depth > MAX_DEPTH:
            return [*findings, _finding("limit", f"nesting is deeper than {MAX_DEPTH} levels", path, line, column)]
        if nodes > MAX_NODES:
            message = f"more than {MAX_NODES:,} YAML nodes (keys, values, lists)"
            return [*findings, _finding("limit", message, path, line, column)]
        if isinstance(event, yaml.AliasEvent):
            where = f" (anchor at line {anchors[event.anchor]})" if event.anchor in anchors else ""
            message = f"alias *{event.anchor}{where}: aliases are not allowed in a fact base"
        elif event.anchor is not None:
            anchors.setdefault(event.anchor, line)
            message = f"anchor &{event.anchor}: anchors are not allowed in a fact base"
        else:
            continue
        findings.append(_finding("alias", message, path, line, column))
        if len(findings) == MAX_FINDINGS:
            return [*findings, too_many_findings(path, line, column)]
    return findings


def too_many_findings(path: str, line: int, column: int) -> Finding:
    """The last finding of a file that has more than MAX_FINDINGS."""
    return _finding("limit", f"more than {MAX_FINDINGS} findings in this file; the rest are not shown",
                    path, line, column)


Stack = list[tuple[yaml.Node, Any, Any]]


class _Builder:
    """Turns a composed node graph into located plain data, iteratively (no recursion limit)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.findings: list[Finding] = []
        # one int object per line and one str per short text: a 100,000-fact base holds millions
        # of marks and repeated keys, sections and units, and sharing saves ~100 MB
        self._lines: dict[int, int] = {}
        self._texts: dict[str, str] = {}

    def build(self, root: yaml.Node) -> Any:
        holder = LocatedList()
        holder.append(None)
        holder.marks.append(_mark(root))
        stack: Stack = [(root, holder, 0)]
        while stack:
            node, parent, slot = stack.pop()
            parent[slot] = self._value(node, stack)
        return holder[0]

    def _value(self, node: yaml.Node, stack: Stack) -> Any:
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                self._report("tag", f"tag {_shown_tag(node.tag)} is not allowed", node)
            items = LocatedList()
            for index, child in enumerate(node.value):
                items.append(None)
                items.marks.append(self._mark(child))
                stack.append((child, items, index))
            return items
        assert isinstance(node, yaml.MappingNode)
        if node.tag != _MAP:
            self._report("tag", f"tag {_shown_tag(node.tag)} is not allowed", node)
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
            bad = _BAD_CHAR.search(text)
            if bad is not None:
                self._report("string", f"control character U+{ord(bad[0]):04X} is not allowed in a string", node)
                return None
            return self._text(text)
        if tag == _INT and _INT_RE.fullmatch(text):
            if len(text.lstrip("+-")) > MAX_DIGITS:
                self._report("limit", f"integer has more than {MAX_DIGITS} digits", node)
                return None
            return int(text)
        if tag == _FLOAT and _FLOAT_RE.fullmatch(text):
            number = Decimal(text)  # the pattern admits only valid literals
            if len(number.as_tuple().digits) > MAX_DIGITS:
                self._report("limit", f"number has more than {MAX_DIGITS} digits", node)
                return None
            if abs(number.adjusted()) > MAX_DECIMAL_EXPONENT:
                self._report("limit", f"number {shorten(text)} is out of range (beyond 1e±{MAX_DECIMAL_EXPONENT})",
                             node)
                return None
            return number
        if tag == _FLOAT:  # .inf and .nan: JSON has no such numbers, and no document states one
            self._report("value", f"number {text} is not allowed: only finite numbers", node)
            return None
        if tag == _BOOL and text in {"true", "True", "TRUE"}:
            return True
        if tag == _BOOL and text in {"false", "False", "FALSE"}:
            return False
        if tag == _NULL:
            return None
        self._report("tag", f"tag {_shown_tag(tag)} is not allowed (on {shorten(text)})", node)
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
        if len(self.findings) < MAX_FINDINGS:
            self.findings.append(_finding(kind, message, self.path, line, column))
        elif len(self.findings) == MAX_FINDINGS:
            self.findings.append(too_many_findings(self.path, line, column))


def _finding(kind: str, message: str, path: str, line: int = 1, column: int = 1) -> Finding:
    return Finding(kind, Severity.ERROR, message, Location(path, line, column))


def _line_column(before: str) -> Mark:
    """Where the text that follows `before` starts."""
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _shown_tag(tag: str) -> str:
    """A tag as written: ``!!python/object/apply:os.system``, ``!local``."""
    return "!!" + tag.removeprefix(_T) if tag.startswith(_T) else tag


def shorten(text: str, limit: int = 40) -> str:
    """A quoted excerpt of user text for a message: escaped, at most `limit` characters."""
    return repr(text) if len(text) <= limit else repr(text[:limit]) + f"… ({len(text)} characters)"


def _syntax_finding(exc: yaml.MarkedYAMLError, text: str, path: str) -> Finding:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = exc.problem or ""
    if "maximum nesting depth" in problem:  # libyaml's own cap (1000), met while scanning ahead of our scan
        return _finding("limit", f"nesting is deeper than {MAX_DEPTH} levels", path, line, column)
    if mark is not None and text[mark.index:mark.index + 1] == "\t":
        problem += " (a tab: YAML indents with spaces)"
    parts = [exc.context, problem]
    message = _one_line(": ".join(p for p in parts if p)) or "invalid YAML"
    return _finding("syntax", message, path, line, column)

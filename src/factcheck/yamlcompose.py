"""Compose YAML strictly, keeping the line and column of every value.

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
from decimal import Decimal
from typing import Any

import yaml

from factcheck.findings import Finding
from factcheck.located import (
    MAX_DECIMAL_EXPONENT,
    MAX_DEPTH,
    MAX_DIGITS,
    MAX_FINDINGS,
    MAX_NODES,
    Loaded,
    LocatedDict,
    LocatedList,
    Mark,
    finding_at,
    line_column,
    shorten,
    too_many_findings,
)

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: libyaml reports a reader error's position in UTF-8 bytes, PyYAML's own reader in code points.
_OFFSETS_IN_BYTES = _Base is not yaml.SafeLoader

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

#: Texts up to this length (keys, units, sections, dates) are shared within a file.
_SHARED_TEXT = 64


def _mark(node: yaml.Node) -> Mark:
    return node.start_mark.line + 1, node.start_mark.column + 1


def compose_text(text: str, display: str) -> Loaded:
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
        line, column = line_column(before)
        message = f"control character U+{exc.character:04X} is not allowed"
        return Loaded(display, None, [finding_at("syntax", message, display, line, column)])
    except yaml.YAMLError as exc:
        return Loaded(display, None, [finding_at("syntax", _one_line(str(exc)), display)])
    if root is None or (isinstance(root, yaml.ScalarNode) and root.tag == _NULL):  # "", "---", "~"
        return Loaded(display, None, [finding_at("schema", "the file is empty: expected a mapping", display)])
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
            return [*findings, finding_at("limit", f"nesting is deeper than {MAX_DEPTH} levels", path, line, column)]
        if nodes > MAX_NODES:
            message = f"more than {MAX_NODES:,} YAML nodes (keys, values, lists)"
            return [*findings, finding_at("limit", message, path, line, column)]
        if isinstance(event, yaml.AliasEvent):
            where = f" (anchor at line {anchors[event.anchor]})" if event.anchor in anchors else ""
            message = f"alias *{event.anchor}{where}: aliases are not allowed in a fact base"
        elif event.anchor is not None:
            anchors.setdefault(event.anchor, line)
            message = f"anchor &{event.anchor}: anchors are not allowed in a fact base"
        else:
            continue
        findings.append(finding_at("alias", message, path, line, column))
        if len(findings) == MAX_FINDINGS:
            return [*findings, too_many_findings(path, line, column)]
    return findings


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
            self._report("non-finite", f"number {text} is not allowed: only finite numbers", node)
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
            self.findings.append(finding_at(kind, message, self.path, line, column))
        elif len(self.findings) == MAX_FINDINGS:
            self.findings.append(too_many_findings(self.path, line, column))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _shown_tag(tag: str) -> str:
    """A tag as written: ``!!python/object/apply:os.system``, ``!local``."""
    return "!!" + tag.removeprefix(_T) if tag.startswith(_T) else tag


def _syntax_finding(exc: yaml.MarkedYAMLError, text: str, path: str) -> Finding:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = exc.problem or ""
    if "maximum nesting depth" in problem:  # libyaml's own cap (1000), met while scanning ahead of our scan
        return finding_at("limit", f"nesting is deeper than {MAX_DEPTH} levels", path, line, column)
    if mark is not None and text[mark.index:mark.index + 1] == "\t":
        problem += " (a tab: YAML indents with spaces)"
    parts = [exc.context, problem]
    message = _one_line(": ".join(p for p in parts if p)) or "invalid YAML"
    return finding_at("syntax", message, path, line, column)

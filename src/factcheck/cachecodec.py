"""Cache entries as plain JSON, and back, exactly.

Decoding builds nothing but str, int, bool, None, `Decimal`, lists, dicts, located data and
findings, each checked for its type: an entry that is not exactly what `encode_*` writes (damaged,
truncated, crafted) decodes to None, a miss, and never raises.

Located data is stored as its JSON self plus all its marks packed in one base64 string of
unsigned ints, so that C code does nearly all the work (as 400,000 JSON integers, each checked to
be one, the marks of 10,000 facts took longer than the rest of the entry).  A mapping's marks are
its keys' lines and columns, then its values', followed by those of the collections inside it, in
order; a list's marks are its items'.  Decimals are
JSON numbers with an exponent (``75E-1``), which read back as `Decimal` with the same digits and
exponent; the loader makes no floats, so every non-integer number is one.
"""

from __future__ import annotations

import binascii
import json
import re
from array import array
from collections.abc import Iterator
from decimal import Decimal
from itertools import chain, islice
from typing import Any

from factcheck.findings import Finding, Location, Related, Severity
from factcheck.kinds import registry
from factcheck.located import Loaded, LocatedDict, LocatedList, Mark
from factcheck.sourcedoc import SourceDocument

_string = json.encoder.encode_basestring
_compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode
_COLLECTIONS = frozenset((dict, list))
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
#: Marks are packed as unsigned machine ints (no line or column is negative), in base64.
_MARK = "I"
#: What a damaged entry can raise while it is decoded: all of it a miss.
_BROKEN = (ValueError, TypeError, KeyError, AttributeError, RecursionError)


class _Refused(ValueError):
    """The entry is not one `encode_*` wrote."""


def encode_prepared(loaded: Loaded, findings: list[Finding]) -> bytes:
    """A file's `Loaded` (without its text) and its schema findings; b"" when they cannot be
    stored (data that is not located data)."""
    marks = array(_MARK)
    try:
        data = _data_text(loaded.data, marks)
    except (KeyError, TypeError, OverflowError, RecursionError):
        return b""
    packed = binascii.b2a_base64(marks.tobytes(), newline=False).decode("ascii")
    return _bytes(f'[{_string(loaded.path)},{data},"{packed}",'
                  f"{_compact(_findings(loaded.findings))},{_compact(_findings(findings))}]")


def decode_prepared(blob: bytes) -> tuple[Loaded, list[Finding]] | None:
    try:
        path, data, packed, loaded_findings, findings = _fields(_json(blob), 5)
        marks = array(_MARK, binascii.a2b_base64(_str(packed), strict_mode=True))
        pairs = zip(*[iter(marks)] * 2, strict=False)  # one iterator of (line, column) for the whole entry
        located = _located(data, pairs)
        if next(pairs, None) is not None or len(marks) % 2:
            raise _Refused
        return Loaded(_str(path), located, _decoded_findings(loaded_findings)), _decoded_findings(findings)
    except _BROKEN:
        return None


def encode_findings(findings: list[Finding]) -> bytes:
    return _bytes(_compact(_findings(findings)))


def decode_findings(blob: bytes) -> list[Finding] | None:
    try:
        return _decoded_findings(_json(blob))
    except _BROKEN:
        return None


def encode_document(document: SourceDocument) -> bytes:
    """A source document a reader made (a PDF's text and structure): read once per distinct file."""
    headings = [[line, title] for line, title in document.headings or ()]
    return _bytes(_compact([document.text, None if document.headings is None else headings,
                            list(document.pages), sorted(document.furniture)]))


def decode_document(blob: bytes) -> SourceDocument | None:
    try:
        text, headings, pages, furniture = _fields(_json(blob), 4)
        stated = None if headings is None else tuple((_int(line), _str(title)) for line, title in _list(headings))
        return SourceDocument(_str(text), stated, tuple(map(_int, _list(pages))),
                              frozenset(map(_int, _list(furniture))))
    except _BROKEN:
        return None


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a key may hold a lone surrogate ("\ud800" in YAML)


def _json(blob: bytes) -> Any:
    return json.loads(blob, parse_float=Decimal, parse_constant=_refuse_constant)  # bytes: surrogatepass


def _refuse_constant(name: str) -> Any:
    raise _Refused(name)  # NaN and Infinity: never written


# --- located data ------------------------------------------------------------------------------

def _data_text(value: Any, marks: array[int]) -> str:
    kind = type(value)
    if kind is str:
        return _string(value)
    if kind is bool or value is None:
        return "true" if value is True else "false" if value is False else "null"
    if kind is int:
        return str(value)
    if kind is Decimal:
        sign, digits, exponent = value.as_tuple()
        return f"{'-' if sign else ''}{''.join(map(str, digits))}E{exponent}"
    if kind is LocatedDict:
        marks.extend(chain.from_iterable(value.key_marks[key] for key in value))
        marks.extend(chain.from_iterable(value.marks[key] for key in value))
        return "{" + ",".join(f"{_string(key)}:{_data_text(item, marks)}" for key, item in value.items()) + "}"
    if kind is LocatedList:
        if len(value.marks) != len(value):
            raise KeyError(len(value))
        marks.extend(chain.from_iterable(value.marks))
        return "[" + ",".join([_data_text(item, marks) for item in value]) + "]"
    raise TypeError(kind)


def _located(value: Any, marks: Iterator[Mark]) -> Any:
    """JSON data made located again, its marks taken from `marks` (see the module's docstring)."""
    kind = type(value)
    return _located_dict(value, marks) if kind is dict else _located_list(value, marks) if kind is list else value


# Called once per collection of every cached file, so these two are written for speed: C loops
# (`update`, `zip`, `map`) do the work, and a collection holding no collection is not walked.

def _located_dict(value: dict[str, Any], marks: Iterator[Mark]) -> LocatedDict:
    mapping = LocatedDict.__new__(LocatedDict)  # its __init__'s empty marks would be replaced at once
    mapping.update(value)
    # zip takes a key first and stops after the last: no mark beyond this mapping's is consumed
    mapping.key_marks = dict(zip(mapping, marks, strict=False))
    mapping.marks = dict(zip(mapping, marks, strict=False))
    if len(mapping.marks) != len(mapping):
        raise _Refused
    if not _COLLECTIONS.isdisjoint(map(type, value.values())):
        for key, item in value.items():
            kind = type(item)
            if kind is dict:
                mapping[key] = _located_dict(item, marks)
            elif kind is list:
                mapping[key] = _located_list(item, marks)
    return mapping


def _located_list(value: list[Any], marks: Iterator[Mark]) -> LocatedList:
    items = LocatedList.__new__(LocatedList)
    items.extend(value)
    items.marks = list(islice(marks, len(items)))
    if len(items.marks) != len(items):
        raise _Refused
    if not _COLLECTIONS.isdisjoint(map(type, value)):
        for index, item in enumerate(value):
            kind = type(item)
            if kind is dict:
                items[index] = _located_dict(item, marks)
            elif kind is list:
                items[index] = _located_list(item, marks)
    return items


# --- findings ------------------------------------------------------------------------------------

def _findings(findings: list[Finding]) -> list[list[Any]]:
    return [[f.kind, f.severity.value, f.message, *_location(f.location),
             [[*_location(r.location), r.message] for r in f.related], list(f.facts), f.rule_id, f.acknowledged]
            for f in findings]


def _location(location: Location) -> tuple[str, int, int, int | None]:
    return location.path, location.line, location.column, location.page


def _decoded_findings(value: Any) -> list[Finding]:
    return [_finding(item) for item in _list(value)]


def _finding(value: Any) -> Finding:
    kind, severity, message, path, line, column, page, related, facts, rule_id, acknowledged = _fields(value, 11)
    if kind not in registry():  # what factcheck emits is registered: anything else was not written by it
        raise _Refused
    return Finding(_str(kind), Severity(_str(severity)), _str(message), _decoded_location(path, line, column, page),
                   tuple(_related(item) for item in _list(related)), tuple(_str(fact) for fact in _list(facts)),
                   _optional_str(rule_id), _optional_str(acknowledged))


def _related(value: Any) -> Related:
    path, line, column, page, message = _fields(value, 5)
    return Related(_decoded_location(path, line, column, page), _str(message))


def _decoded_location(path: Any, line: Any, column: Any, page: Any) -> Location:
    # a shown path has its control characters escaped (engine.display_path), and positions count from 1
    if _CONTROL.search(_str(path)) or _int(line) < 1 or _int(column) < 1 or (page is not None and _int(page) < 1):
        raise _Refused
    return Location(path, line, column, page)


def _fields(value: Any, count: int) -> list[Any]:
    if len(_list(value)) != count:
        raise _Refused
    return value  # type: ignore[no-any-return]


def _list(value: Any) -> list[Any]:
    if type(value) is not list:
        raise _Refused
    return value


def _str(value: Any) -> str:
    if type(value) is not str:
        raise _Refused
    return value


def _optional_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _int(value: Any) -> int:
    if type(value) is not int:
        raise _Refused
    return value

"""A compiled yes/no validator for the subset of JSON Schema (draft 7) that our schema uses.

jsonschema builds a located error object for every keyword it visits, which makes a clean
100,000-fact base take tens of seconds; importing it alone costs 0.15 s at every commit.  Most
runs are clean, so `schema.validate` asks this validator first and builds jsonschema's detailed
errors only when it says "invalid".  It follows jsonschema's semantics keyword by keyword
(``pattern`` is ``re.search``, ``$ref`` hides its siblings, ``format: date`` is jsonschema's
check, numbers are any `numbers.Number` but not bool).  A keyword it does not know makes
`compile_schema` raise `Unsupported`, and the caller then always takes the jsonschema path.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from numbers import Number
from typing import Any

Check = Callable[[Any], bool]

#: Keywords that never affect validity.
_ANNOTATIONS = frozenset({"$schema", "$id", "$comment", "$defs", "definitions", "title", "description",
                          "default", "examples"})
_OBJECT = frozenset({"properties", "required", "additionalProperties", "propertyNames", "minProperties",
                     "maxProperties", "dependencies"})
_ARRAY = frozenset({"items", "minItems", "maxItems", "uniqueItems"})
_STRING = frozenset({"pattern", "minLength", "maxLength", "format"})
_NUMBER = frozenset({"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"})
_GENERIC = frozenset({"type", "enum", "const", "allOf", "anyOf", "oneOf", "not", "if", "then", "else"})
_KNOWN = _ANNOTATIONS | _OBJECT | _ARRAY | _STRING | _NUMBER | _GENERIC

#: jsonschema's own ``date`` format check (jsonschema/_format.py).
_RE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_EXACT_NUMBERS = (int, Decimal, float)
_BOUNDS: dict[str, Callable[[Any, Any], bool]] = {
    "minimum": operator.ge, "maximum": operator.le, "exclusiveMinimum": operator.gt, "exclusiveMaximum": operator.lt,
}


class Unsupported(ValueError):
    """The schema uses a keyword (or a form of one) this validator does not implement."""


def _is_number(x: Any) -> bool:
    if type(x) in _EXACT_NUMBERS:  # the common case, without the ABC machinery
        return True
    return isinstance(x, Number) and not isinstance(x, bool)


def _is_integer(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


_TYPES: dict[str, Check] = {
    "object": lambda x: isinstance(x, dict),
    "array": lambda x: isinstance(x, list),
    "string": lambda x: isinstance(x, str),
    "number": _is_number,
    "integer": _is_integer,
    "boolean": lambda x: isinstance(x, bool),
    "null": lambda x: x is None,
}


def _always(x: Any) -> bool:
    return True


def _never(x: Any) -> bool:
    return False


def _is_date(text: str) -> bool:
    if not _RE_DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _all(checks: list[Check]) -> Check:
    if not checks:
        return _always
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda x: first(x) and second(x)
    return lambda x: all(check(x) for check in checks)


def _any(checks: list[Check]) -> Check:
    return lambda x: any(check(x) for check in checks)


def _one(checks: list[Check]) -> Check:
    return lambda x: sum(1 for check in checks if check(x)) == 1


def _has_keys(keys: tuple[str, ...]) -> Check:
    return lambda x: all(key in x for key in keys)


def _strings(values: Any, keyword: str) -> frozenset[str]:
    """Enum and const are compiled for strings only (jsonschema's `equal` is then plain ==)."""
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise Unsupported(f"{keyword} with values other than strings")
    return frozenset(values)


def compile_schema(root: Any) -> Check:
    """A function that says whether an instance is valid against `root` (draft 7)."""
    return _Compiler(root).compile(root)


class _Compiler:
    def __init__(self, root: Any) -> None:
        self.root = root
        self.refs: dict[str, Check] = {}

    def compile(self, schema: Any) -> Check:
        if schema is True:
            return _always
        if schema is False:
            return _never
        if not isinstance(schema, dict):
            raise Unsupported(f"schema of type {type(schema).__name__}")
        if "$ref" in schema:  # draft 7: siblings of $ref are ignored
            return self.ref(schema["$ref"])
        unknown = set(schema) - _KNOWN
        if unknown:
            raise Unsupported(f"keywords {sorted(unknown)}")
        generic = self.generic(schema)
        parts = {name: part for name, part in (("object", self.object_part(schema)),
                                               ("array", self.array_part(schema)),
                                               ("string", self.string_part(schema)),
                                               ("number", self.number_part(schema))) if part is not None}
        types = schema.get("type")
        if isinstance(types, str):
            if types not in _TYPES:
                raise Unsupported(f"type {types!r}")
            # the instance must be of this one type, so only its own keywords can apply
            guard = _TYPES[types]
            own = parts.get(types) or parts.get("number" if types == "integer" else "")
            return _all([guard, *([own] if own else []), *generic])
        if types is not None:
            if not isinstance(types, list) or not all(t in _TYPES for t in types):
                raise Unsupported(f"type {types!r}")
            guards = [_TYPES[t] for t in types]
            generic.insert(0, lambda x: any(guard(x) for guard in guards))
        return _all([*generic, *(self.typed(name, part) for name, part in parts.items())])

    @staticmethod
    def typed(name: str, part: Check) -> Check:
        """Type-specific keywords hold for instances of other types (jsonschema ignores them)."""
        guard = _TYPES[name]
        return lambda x: not guard(x) or part(x)

    def ref(self, ref: Any) -> Check:
        if ref in self.refs:
            return self.refs[ref]
        if not isinstance(ref, str) or not ref.startswith("#"):
            raise Unsupported(f"$ref {ref!r}")
        cell: list[Check] = []
        self.refs[ref] = lambda x: cell[0](x)  # a recursive schema reaches itself through the cell
        target = self.root
        for token in filter(None, ref[1:].split("/")):
            token = token.replace("~1", "/").replace("~0", "~")
            if isinstance(target, dict) and token in target:
                target = target[token]
            elif isinstance(target, list) and token.isdigit() and int(token) < len(target):
                target = target[int(token)]
            else:
                raise Unsupported(f"unresolvable $ref {ref!r}")
        compiled = self.compile(target)
        cell.append(compiled)
        self.refs[ref] = compiled
        return compiled

    def generic(self, schema: dict[str, Any]) -> list[Check]:
        checks: list[Check] = []
        if "enum" in schema:
            allowed = _strings(schema["enum"], "enum")
            checks.append(lambda x: isinstance(x, str) and x in allowed)
        if "const" in schema:
            (expected,) = _strings([schema["const"]], "const")
            checks.append(lambda x: isinstance(x, str) and x == expected)
        for keyword in ("allOf", "anyOf", "oneOf"):
            if keyword in schema:
                if not isinstance(schema[keyword], list) or not schema[keyword]:
                    raise Unsupported(f"{keyword} that is not a non-empty list")
                subs = [self.compile(sub) for sub in schema[keyword]]
                checks.append(_all(subs) if keyword == "allOf" else _any(subs) if keyword == "anyOf" else _one(subs))
        if "not" in schema:
            negated = self.compile(schema["not"])
            checks.append(lambda x: not negated(x))
        if "if" in schema and ("then" in schema or "else" in schema):
            condition = self.compile(schema["if"])
            then = self.compile(schema.get("then", True))
            otherwise = self.compile(schema.get("else", True))
            checks.append(lambda x: then(x) if condition(x) else otherwise(x))
        return checks

    def object_part(self, schema: dict[str, Any]) -> Check | None:
        if not _OBJECT & set(schema):
            return None
        properties = {key: self.compile(sub) for key, sub in schema.get("properties", {}).items()}
        required = tuple(schema.get("required", ()))
        extra_schema = schema.get("additionalProperties", True)
        closed = extra_schema is False
        extra = None if extra_schema is True or closed else self.compile(extra_schema)
        names = self.compile(schema["propertyNames"]) if "propertyNames" in schema else None
        least = schema.get("minProperties", 0)
        most = schema.get("maxProperties")
        dependencies: list[tuple[str, Check]] = []
        for key, dependency in schema.get("dependencies", {}).items():
            if isinstance(dependency, list):
                dependencies.append((key, _has_keys(tuple(dependency))))
            else:
                dependencies.append((key, self.compile(dependency)))

        def check(x: dict[Any, Any]) -> bool:
            for key in required:
                if key not in x:
                    return False
            if len(x) < least or (most is not None and len(x) > most):
                return False
            for key, value in x.items():
                sub = properties.get(key)
                if sub is not None:
                    if not sub(value):
                        return False
                elif closed or (extra is not None and not extra(value)):
                    return False
                if names is not None and not names(key):
                    return False
            return all(rule(x) for key, rule in dependencies if key in x)

        return check

    def array_part(self, schema: dict[str, Any]) -> Check | None:
        if not _ARRAY & set(schema):
            return None
        items = schema.get("items", True)
        if isinstance(items, list):
            raise Unsupported("items as a list of schemas")
        item = self.compile(items)
        least, most = schema.get("minItems", 0), schema.get("maxItems")
        unique = schema.get("uniqueItems", False) is True

        def check(x: list[Any]) -> bool:
            if len(x) < least or (most is not None and len(x) > most):
                return False
            for value in x:
                if not item(value):
                    return False
            if unique:
                # strings are unique exactly when a set keeps them all; anything else (where
                # jsonschema equates 1 and 1.0 but not 1 and true) is left to jsonschema: "invalid"
                if not all(isinstance(value, str) for value in x):
                    return False
                return len(set(x)) == len(x)
            return True

        return check

    def string_part(self, schema: dict[str, Any]) -> Check | None:
        if not _STRING & set(schema):
            return None
        pattern = re.compile(schema["pattern"]).search if "pattern" in schema else None
        least, most = schema.get("minLength", 0), schema.get("maxLength")
        form = schema.get("format")
        if form not in (None, "date"):
            raise Unsupported(f"format {form!r}")

        def check(x: str) -> bool:
            if len(x) < least or (most is not None and len(x) > most):
                return False
            if pattern is not None and pattern(x) is None:
                return False
            return form is None or _is_date(x)

        return check

    def number_part(self, schema: dict[str, Any]) -> Check | None:
        if not _NUMBER & set(schema):
            return None
        limits = [(schema[name], test) for name, test in _BOUNDS.items() if name in schema]
        if not all(_is_number(bound) for bound, _ in limits):
            raise Unsupported("a numeric bound that is not a number")
        return lambda x: all(test(x, bound) for bound, test in limits)

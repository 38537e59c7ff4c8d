"""Validate a loaded fact file against schema/facts.schema.json, locating every error.

The schema ships inside the package (no network: an empty `referencing.Registry` means a
remote ``$ref`` is never fetched), and ``format`` is checked (jsonschema ignores it without a
FormatChecker).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from functools import cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.findings import Finding, Location, Severity, did_you_mean
from factcheck.located import MAX_FINDINGS, LocatedDict, LocatedList, too_many_findings

if TYPE_CHECKING:
    from jsonschema import ValidationError
    from jsonschema.protocols import Validator

#: Longest excerpt of a value a message quotes.
_SHOWN = 60
_VALUE_HELP = "value must be a number, a date (2015-10-02, 2016-10, 2015, 2015-08-early, A/B) or {min, max}"


def shipped_text(name: str) -> str:
    """A file of schema/ as shipped: package data (factcheck/data/) when installed, schema/ in a source tree."""
    here = Path(__file__).resolve()
    # plain files first: importlib.resources costs 10-20 ms at every start and is needed only
    # when the package is not a directory (a zip)
    for candidate in (here.parent / "data" / name, here.parents[2] / "schema" / name):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    from importlib import resources

    return (resources.files("factcheck") / "data" / name).read_text(encoding="utf-8")


def schema_text() -> str:
    """The fact-file schema as shipped."""
    return shipped_text("facts.schema.json")


@cache
def load_schema() -> dict[str, Any]:
    import json  # here: a run whose files all come from the cache never reads the schema as data

    schema: dict[str, Any] = json.loads(schema_text())
    return schema


@cache
def validator() -> Validator:
    from jsonschema import Draft7Validator, FormatChecker
    from referencing import Registry

    return Draft7Validator(load_schema(), format_checker=FormatChecker(), registry=Registry())


@cache
def fast_validator() -> Callable[[Any], bool] | None:
    """The compiled yes/no check (factcheck.fastschema), or None when the schema is beyond it."""
    from factcheck.fastschema import Unsupported, compile_schema

    try:
        return compile_schema(load_schema())
    except Unsupported:
        return None


def validate(data: Any, path: str, root_mark: tuple[int, int] = (1, 1)) -> list[Finding]:
    """Schema findings for one fact file, each at the offending value's line and column."""
    if not isinstance(data, dict):
        return [Finding("schema", Severity.ERROR, f"the file holds {_kind(data)}: expected a mapping",
                        Location(path, *root_mark))]
    fast = fast_validator()
    if fast is not None and fast(data):  # clean data never needs jsonschema's located errors
        return []
    errors = islice(_leaf_errors(validator().iter_errors(data)), MAX_FINDINGS + 1)
    # dict.fromkeys: one `required` error per absent key would otherwise repeat the same finding
    findings = list(dict.fromkeys(_finding(error, data, path) for error in errors))
    if len(findings) > MAX_FINDINGS:
        last = findings[MAX_FINDINGS].location
        findings[MAX_FINDINGS] = too_many_findings(path, last.line, last.column)
    return findings


def _leaf_errors(errors: Iterable[ValidationError]) -> Iterator[ValidationError]:
    """Replace a failed if/then or allOf by the errors inside it, which say what is wrong."""
    for error in errors:
        if error.validator in ("allOf", "if", "then", "$ref") and error.context:
            yield from _leaf_errors(error.context)
        else:
            yield error


def _finding(error: ValidationError, data: Any, path: str) -> Finding:
    steps = list(error.absolute_path)
    line, column = locate(data, steps)
    message = error.message
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        extra = sorted(key for key in error.instance if key not in allowed)
        if extra and isinstance(error.instance, LocatedDict):
            line, column = min(error.instance.key_marks[key] for key in extra)  # the first in the file
        # one misspelt key gets the closest allowed one; for several, a guess at each would mislead
        message = (f"unknown key {extra[0]!r}{did_you_mean(extra[0], allowed)}" if len(extra) == 1
                   else f"unknown keys {extra}")
    elif error.validator == "required" and isinstance(error.instance, dict):
        required = error.validator_value if isinstance(error.validator_value, list) else []
        absent = [key for key in required if key not in error.instance]
        if absent:
            message = f"missing required key {absent[0]!r}" if len(absent) == 1 else f"missing required keys {absent}"
    elif error.validator == "dependencies" and isinstance(error.instance, LocatedDict):
        needs = error.validator_value if isinstance(error.validator_value, dict) else {}
        for key, wanted in needs.items():
            absent = [name for name in wanted if key in error.instance and name not in error.instance]
            if absent:
                line, column = error.instance.key_marks[key]
                message = f"{key!r} needs {absent[0]!r}"
                break
    elif error.validator == "pattern" and isinstance(error.schema, dict) and "description" in error.schema:
        described = str(error.schema["description"])  # says what is expected; the regex would not
        message = f"{error.instance!r} is not in the expected form: {described[:1].lower()}{described[1:]}"
    elif error.validator == "enum" and isinstance(error.instance, str) and isinstance(error.validator_value, list):
        choices = [str(choice) for choice in error.validator_value]  # a rule kind, a relation
        message = _shorter(message, error.instance) + did_you_mean(error.instance, choices)
    elif steps and steps[-1] == "value" and error.validator == "oneOf":
        message = f"{_VALUE_HELP}, not {_shown(error.instance)}"
    elif error.validator == "oneOf" and isinstance(error.schema, dict) and "description" in error.schema:
        described = str(error.schema["description"])  # a coverage exclusion, its lines: says what is expected
        message = f"{_shown(error.instance)} is not in the expected form: {described[:1].lower()}{described[1:]}"
    else:
        message = _shorter(message, error.instance)
    where = "/".join(str(step) for step in steps)
    return Finding("schema", Severity.ERROR, f"{message} (at {where or 'top level'})" if where else message,
                   Location(path, line, column))


def _kind(data: Any) -> str:
    """What a YAML value is, in YAML's words."""
    if isinstance(data, list):
        return "a list"
    if isinstance(data, dict):
        return "a mapping"
    if data is None or isinstance(data, bool):
        return f"the scalar {_shown(data)}"
    return "a number" if isinstance(data, int | Decimal) else "a string"


def _shown(instance: Any) -> str:
    """A value as a message shows it: escaped, short, in YAML's spelling (``true``, ``null``, ``1.5``)."""
    if instance is None or isinstance(instance, bool):
        return {None: "null", True: "true", False: "false"}[instance]
    text = _flow(instance)
    if len(text) <= _SHOWN:
        return text
    if isinstance(instance, list | dict):
        return f"{_kind(instance)} of {len(instance)} items"
    if isinstance(instance, str):
        return f"{instance[:_SHOWN]!r}… ({len(instance)} characters)"
    return f"{text[:_SHOWN]}…"


def _flow(instance: Any) -> str:
    """A value in YAML flow style: ``[75.5, 'a']``, ``{'min': 1}`` (numbers without ``Decimal(…)``)."""
    if isinstance(instance, list):
        return "[" + ", ".join(_flow(item) for item in instance) + "]"
    if isinstance(instance, dict):
        return "{" + ", ".join(f"{key!r}: {_flow(item)}" for key, item in instance.items()) + "}"
    if instance is None or isinstance(instance, bool):
        return {None: "null", True: "true", False: "false"}[instance]
    return str(instance) if isinstance(instance, int | Decimal) else repr(instance)


def _shorter(message: str, instance: Any) -> str:
    """jsonschema starts most messages with the repr of the value, which may be megabytes long."""
    written = repr(instance)
    return _shown(instance) + message[len(written):] if message.startswith(written) else message


def locate(data: Any, steps: list[str | int]) -> tuple[int, int]:
    """The line and column of the value at a JSON path, or of its nearest located ancestor."""
    mark = (1, 1)
    node = data
    for step in steps:
        if isinstance(node, LocatedDict) and isinstance(step, str) and step in node.marks:
            mark = node.marks[step]
        elif isinstance(node, LocatedList) and isinstance(step, int) and step < len(node.marks):
            mark = node.marks[step]
        else:
            break
        node = node[step]
    return mark

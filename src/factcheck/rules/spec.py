"""What a rule kind says about itself: the fields its rules have, where it looks, how it checks.

Each rule module ends with ``KIND = RuleKind(...)``; the model's reference check, the engine's
split into whole-base and per-file kinds, and schema/facts.schema.json (``python -m
factcheck.schemagen``) are all derived from these.  This module imports nothing of factcheck at
run time, so reading a spec costs no more than its module's own imports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from factcheck.findings import Finding
    from factcheck.model import FactBase, FactFile

Check = Callable[["FactBase"], Iterable["Finding"]]
#: a per-file kind's check: one fact file with its source (model.FactFile)
FileCheck = Callable[["FactFile"], Iterable["Finding"]]
JSON = dict[str, Any]
_FACT_REF = {"$ref": "#/$defs/factRef"}


class Scope(Enum):
    """What a kind judges a fact against."""

    #: the rest of the fact base (other facts, the rules): run once per run
    WHOLE_BASE = "against the whole fact base"
    #: its own document's source alone (quote, value, section): run per fact file, cached per file
    PER_FILE = "per fact file, against its own source"


def _described(schema: JSON, description: str | None) -> JSON:
    return schema if description is None else {**schema, "description": description}


class FactRef(NamedTuple):
    """A rule field that names one fact by its id."""

    description: str | None = None

    def schema(self) -> JSON:
        return _described(dict(_FACT_REF), self.description)


class FactRefs(NamedTuple):
    """A rule field that names at least `min_items` distinct facts."""

    min_items: int
    description: str | None = None

    def schema(self) -> JSON:
        listed = {"type": "array", "items": dict(_FACT_REF), "minItems": self.min_items, "uniqueItems": True}
        return _described(listed, self.description)


class Number(NamedTuple):
    """A rule field that holds a number."""

    required: bool = True

    def schema(self) -> JSON:
        return {"type": "number"}


class Choice(NamedTuple):
    """A rule field that holds one of a few words."""

    values: tuple[str, ...]
    required: bool = True

    def schema(self) -> JSON:
        return {"enum": list(self.values)}


class Text(NamedTuple):
    """A rule field that holds free text."""

    description: str | None = None
    required: bool = True

    def schema(self) -> JSON:
        return _described({"type": "string"}, self.description)


class Texts(NamedTuple):
    """A rule field that holds at least `min_items` distinct non-empty strings."""

    min_items: int
    required: bool = True

    def schema(self) -> JSON:
        return {"type": "array", "items": {"type": "string", "minLength": 1}, "minItems": self.min_items,
                "uniqueItems": True}


Reference = FactRef | FactRefs
Option = Number | Choice | Text | Texts


class RuleKind(NamedTuple):
    """One rule kind.  A kind whose rules name facts (`references`) is written under ``rules:`` and
    described in the schema by `description`; one that names none runs on every fact by itself.
    (NamedTuples, not dataclasses, here: every run reads the specs, and a dataclass costs ~0.4 ms to
    create at import, a NamedTuple ~0.06 ms.)"""

    name: str  # the kind, and its module factcheck.rules.NAME
    check: Check | FileCheck  # a FileCheck exactly when `scope` is PER_FILE
    scope: Scope = Scope.WHOLE_BASE
    description: str = ""  # the one line the schema gives the kind's rules (editors show it)
    #: the fields that name facts, each required, in the order the schema lists them
    references: Mapping[str, Reference] = MappingProxyType({})
    #: the rule's other fields, after the references
    options: Mapping[str, Option] = MappingProxyType({})

    def problem(self) -> str | None:
        """What makes this spec inconsistent, if anything (`rules.kind_spec` refuses such a kind)."""
        if bool(self.references) != bool(self.description):
            return "a kind with references needs a description, and only it"
        if self.references and self.scope is Scope.PER_FILE:
            return "a per-file kind sees no rules, so it can have no references"
        return None

    @property
    def explicit(self) -> bool:
        """Whether rules of this kind are written under ``rules:``."""
        return bool(self.references)

    @property
    def required(self) -> tuple[str, ...]:
        """The fields every rule of this kind must have, besides id and kind."""
        return (*self.references, *(name for name, option in self.options.items() if option.required))

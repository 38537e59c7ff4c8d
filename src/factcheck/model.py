"""The loaded fact base: documents, facts, rules and acknowledgements, each with its location.

Built from schema-valid data only.  Building reports what the schema cannot see (duplicate
ids, unknown units, impossible dates, rules naming facts that do not exist, severities and
acknowledgements naming kinds or rules that do not exist) as findings.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import chain
from typing import Any

from factcheck.dates import ALWAYS, DateInterval, parse_date
from factcheck.findings import Finding, Location, Severity, did_you_mean
from factcheck.intervals import DEFAULT_TOLERANCES, Interval, Magnitude, magnitude, parse_percent, precision_interval
from factcheck.kinds import registry
from factcheck.located import LocatedDict, LocatedList
from factcheck.rules import kind_spec  # the registry only: each kind's module is imported when first asked
from factcheck.sourcedoc import SourceDocument
from factcheck.units import Unit, parse_unit, unit_spellings

#: A fact base with more facts than this is refused (by the engine, before the schema, which takes
#: about half a millisecond a fact): a document has hundreds; a dossier of letters, tens of thousands.
MAX_FACTS = 100_000
#: Facts that share a quantity, and the facts one rule lists, are compared pairwise (agreement), and
#: each pair may be a finding: a base with more pairs than this is refused rather than left to run
#: for minutes and print millions of findings.  One quantity with 447 facts stays within it.
MAX_PAIRS = 100_000


@dataclass(frozen=True, slots=True)
class Document:
    """A document the fact base curates: its source text, language and date."""

    id: str
    title: str
    date: DateInterval
    language: str
    source: str
    path: str  # the fact file that declares it
    location: Location  # of the `source` value


@dataclass(frozen=True, slots=True)
class Fact:
    """One checkable fact: its value as written and as an exact quantity, and where it came from."""

    id: str
    quantity: str
    raw: Any  # the value as written: int, Decimal, date string or {min, max}
    unit: Unit
    qualifier: str
    section: str
    quote: str
    document: Document
    location: Location  # of the fact's `id`
    field_locations: Mapping[str, Location]
    valid: DateInterval = ALWAYS
    magnitude: Magnitude | None = None  # numbers, in base units of the dimension
    when: DateInterval | None = None  # dates
    at_words: str | None = None  # `at`: the words of the quote that state the value, when it states more

    def at(self, name: str) -> Location:
        """Where a field of this fact stands (falling back to the fact itself)."""
        return self.field_locations.get(name, self.location)

    @property
    def written(self) -> str:
        """The value as the curator wrote it, with unit and qualifier."""
        if isinstance(self.raw, Mapping):
            value = f"{self.raw['min']}..{self.raw['max']}"
        else:
            value = str(self.raw)
        hedge = "" if self.qualifier == "exact" else f"{self.qualifier.replace('_', ' ')} "
        unit = "" if self.unit.is_date else f" {self.unit.written}"
        return f"{hedge}{value}{unit}"


@dataclass(frozen=True, slots=True)
class Rule:
    """One consistency rule as declared; its kind's module in factcheck.rules judges it."""

    id: str
    kind: str
    data: Mapping[str, Any]
    location: Location  # of the rule's `id`
    field_locations: Mapping[str, Location]
    severity: str | None

    def at(self, name: str) -> Location:
        return self.field_locations.get(name, self.location)


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    """A finding the curators accept (the document itself is wrong), with their reason."""

    rule: str
    facts: frozenset[str] | None
    reason: str
    location: Location
    #: only findings whose message holds these words (spaces as in a quote): a finding about a source
    #: alone names no fact, only what the source says
    text: str | None = None


@dataclass(frozen=True, slots=True)
class FactFile:
    """One fact file's facts and its document's source text: all that the per-file rules (quote,
    value, section) judge, so that each file's findings can be cached on their own."""

    path: str
    facts: Mapping[str, Fact]
    source: SourceDocument | None  # None: the file declares no document whose source was read
    #: what those rules derive alike (where each quote stands), computed once per file: see rules/_sources.py
    shared: dict[str, object] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Exclusion:
    """Numbers of the sources that are deliberately not facts (``coverage: exclude:``): those a text
    overlaps, those on a block of lines, or those on lines that start with a literal prefix."""

    reason: str
    location: Location  # of the entry's key (text, lines or line_prefix)
    text: str | None = None
    lines: tuple[int, int] | None = None  # first and last, 1-based
    prefix: str | None = None

    @property
    def shown(self) -> str:
        """The entry as a message names it: "the text", lines 1-12, line_prefix "Retrieved:"."""
        if self.lines is not None:
            return f"lines {self.lines[0]}-{self.lines[1]}"
        return f"line_prefix \"{self.prefix}\"" if self.prefix is not None else f"\"{self.text}\""


@dataclass(slots=True)
class FactBase:
    """The loaded fact base: every file's documents, facts, rules and settings, merged."""

    documents: list[Document] = field(default_factory=list)
    facts: dict[str, Fact] = field(default_factory=dict)
    rules: list[Rule] = field(default_factory=list)
    acknowledged: list[Acknowledgement] = field(default_factory=list)
    kind_severity: dict[str, str] = field(default_factory=dict)
    coverage_exclusions: list[Exclusion] = field(default_factory=list)
    #: fact file -> its document's source as read (text, PDF, HTML), filled in by the engine
    source_texts: dict[str, SourceDocument] = field(default_factory=dict)

    def source_text(self, document: Document) -> SourceDocument | None:
        return self.source_texts.get(document.path)

    def rules_of(self, kind: str) -> Iterator[Rule]:
        return (rule for rule in self.rules if rule.kind == kind)

    def fact(self, rule: Rule, name: str) -> Fact:
        """The fact a rule field names (references were checked when the base was built)."""
        return self.facts[rule.data[name]]

    def fact_list(self, rule: Rule, name: str) -> list[Fact]:
        return [self.facts[ref] for ref in rule.data[name]]

    def by_quantity(self) -> dict[str, list[Fact]]:
        """The facts grouped by the quantity they state, in the order of the fact base."""
        groups: dict[str, list[Fact]] = {}
        for fact in self.facts.values():
            groups.setdefault(fact.quantity, []).append(fact)
        return groups


def _loc(path: str, mark: tuple[int, int]) -> Location:
    return Location(path, mark[0], mark[1])


class FieldLocations(Mapping[str, Location]):
    """Where each field of an entry stands, as `Location`s made on demand.  The marks are copied
    into a flat array, with one tuple of keys per distinct key order, so that nothing of the
    loaded mapping stays alive: a 100,000-fact base would otherwise keep a dict and a tuple per
    field of every fact (~70 MB), and 800,000 Location objects made ahead would cost more still,
    mostly unread."""

    __slots__ = ("_keys", "_path", "_positions")

    def __init__(self, path: str, keys: tuple[str, ...], marks: Iterable[tuple[int, int]]) -> None:
        self._path = path
        self._keys = keys
        self._positions = array("I", chain.from_iterable(marks))  # line, column, ... (a file is at most 8 MiB)

    def __getitem__(self, key: str) -> Location:
        try:
            index = 2 * self._keys.index(key)
        except ValueError:
            raise KeyError(key) from None
        return Location(self._path, self._positions[index], self._positions[index + 1])

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __repr__(self) -> str:
        return repr(dict(self))


class Builder:
    """Accumulates the fact files of one fact base into a `FactBase`, with findings."""

    def __init__(self) -> None:
        self.base = FactBase()
        self.findings: list[Finding] = []
        self._tolerances = dict(DEFAULT_TOLERANCES)
        self._first_rule: dict[str, Location] = {}
        #: every fact id met, built or not: a fact that failed to build is not also "unknown"
        self._declared: dict[str, Location] = {}
        self._pending_facts: list[tuple[str, LocatedDict, Document, dict[str, str]]] = []
        #: declared units, one namespace for all files: a unit declared in any file serves them all
        self._declared_units: dict[str, str] = {}
        #: what the files declared for the whole base (units, settings): label -> (value, where)
        self._base_wide: dict[str, tuple[str, Location]] = {}
        self._units: dict[tuple[str, int], Unit | None] = {}
        self._field_names: dict[tuple[str, ...], tuple[str, ...]] = {}  # one tuple per distinct key order

    def _error(self, kind: str, message: str, location: Location, facts: Sequence[str] = ()) -> None:
        self.findings.append(Finding(kind, Severity.ERROR, message, location, facts=tuple(facts)))

    def add_file(self, path: str, data: LocatedDict) -> None:
        """Take in one schema-valid fact file."""
        settings = data.get("settings") or {}
        tolerances: LocatedDict = settings.get("tolerances") or LocatedDict()
        for qualifier, text in tolerances.items():
            where = _loc(path, tolerances.marks[qualifier])
            if self._declare_base_wide("settings", f"tolerance for {qualifier}", text, where):
                self._tolerances[qualifier] = parse_percent(text)
        severities: LocatedDict = settings.get("severity") or LocatedDict()
        for kind, level in severities.items():
            if kind not in registry():
                self._error("unknown-kind", f"unknown finding kind {kind!r} in settings.severity"
                            f"{did_you_mean(kind, registry())}", _loc(path, severities.key_marks[kind]))
            elif not registry()[kind].adjustable:
                self._error("settings", f"the severity of {kind!r} cannot be set: severities apply to the "
                            "findings of the rules alone", _loc(path, severities.key_marks[kind]))
            elif self._declare_base_wide("settings", f"severity of {kind}", level,
                                         _loc(path, severities.marks[kind])):
                self.base.kind_severity[kind] = level
        units = self._declared_units  # complete before any fact is built (in `finish`)
        declared: LocatedDict = data.get("units") or LocatedDict()
        for name, dimension in declared.items():
            if self._declare_base_wide("unit", f"unit {name!r}", dimension, _loc(path, declared.marks[name])):
                units[name] = dimension
        document = self._document(path, data["document"]) if "document" in data else None
        facts: LocatedList = data.get("facts") or LocatedList()
        for item in facts:
            assert document is not None  # the schema requires a document where there are facts
            self._pending_facts.append((path, item, document, units))
        for item in data.get("rules") or ():
            self._rule(path, item)
        for item in data.get("acknowledged") or ():
            facts_field = item.get("facts")
            self.base.acknowledged.append(Acknowledgement(
                item["rule"], frozenset(facts_field) if facts_field else None, item["reason"],
                _loc(path, item.key_marks["rule"]), item.get("text")))
        for item in (data.get("coverage") or {}).get("exclude") or ():
            self._exclusion(path, item)

    def _exclusion(self, path: str, item: LocatedDict) -> None:
        key = next(key for key in ("text", "lines", "line_prefix") if key in item)  # the schema allows one
        location = _loc(path, item.marks[key])
        lines = item.get("lines")
        if lines is None:
            self.base.coverage_exclusions.append(Exclusion(item["reason"], location, item.get("text"),
                                                           prefix=item.get("line_prefix")))
            return
        first, _, last = (lines["from"], "", lines["to"]) if isinstance(lines, dict) else str(lines).partition("-")
        span = (int(first), int(last or first))
        if span[1] < span[0]:
            self._error("schema", f"coverage exclusion lines {span[0]}-{span[1]} run backwards", location)
            return
        self.base.coverage_exclusions.append(Exclusion(item["reason"], location, lines=span))

    def _field_locations(self, path: str, mapping: LocatedDict) -> FieldLocations:
        names = tuple(mapping.marks)
        return FieldLocations(path, self._field_names.setdefault(names, names), mapping.marks.values())

    def _declare_base_wide(self, kind: str, label: str, value: str, location: Location) -> bool:
        """Record a base-wide declaration; a different value for it in another place is an error."""
        earlier = self._base_wide.setdefault(label, (value, location))
        if earlier[0] != value:
            self._error(kind, f"{label} is declared as {value} here but as {earlier[0]} at {earlier[1]}", location)
            return False
        return True

    def _document(self, path: str, data: LocatedDict) -> Document:
        day = data["date"]
        document = Document(data["id"], data["title"], parse_date(day), data["language"], data["source"],
                            path, _loc(path, data.marks["source"]))
        self.base.documents.append(document)
        return document

    def _rule(self, path: str, data: LocatedDict) -> None:
        location = _loc(path, data.key_marks["id"])
        first = self._first_rule.get(data["id"])
        if first is not None:
            self._error("duplicate-id", f"duplicate rule id {data['id']!r} (first at {first})", location)
            return
        self._first_rule[data["id"]] = location
        self.base.rules.append(Rule(data["id"], data["kind"], data, location,
                                    self._field_locations(path, data), data.get("severity")))

    def _fact(self, path: str, data: LocatedDict, document: Document, units: dict[str, str]) -> None:
        """Add one fact, or report why it cannot be used (rules naming it then say nothing more)."""
        fact_id = data["id"]
        location = _loc(path, data.key_marks["id"])
        fields = self._field_locations(path, data)
        if fact_id in self._declared:
            first = self._declared[fact_id]
            self._error("duplicate-id", f"duplicate fact id {fact_id!r} (first at {first})", location, [fact_id])
            return
        self._declared[fact_id] = location
        unit = self._parse_unit(data["unit"], units)
        if unit is None:
            self._error("unit", _unknown_unit(data["unit"], units), fields["unit"], [fact_id])
            return
        raw = data["value"]
        qualifier = data.get("qualifier", "exact")
        valid = self._validity(path, fact_id, data.get("valid"))
        if valid is None:
            return
        when: DateInterval | None = None
        size: Magnitude | None = None
        if unit.is_date != isinstance(raw, str):
            expected = "a date string" if unit.is_date else "a number"
            self._error("value-type", f"unit {unit.written!r} needs {expected} as value", fields["value"], [fact_id])
            return
        problem = None if unit.is_date else _number_problem(raw, unit)
        if problem is not None:
            self._error("value-type", problem, fields["value"], [fact_id])
            return
        if unit.is_date:
            try:
                when = parse_date(raw)
            except ValueError as exc:
                self._error("date", str(exc), fields["value"], [fact_id])
                return
        else:
            size = self._magnitude(data, raw, unit, qualifier).scale(unit.factor)
        self.base.facts[fact_id] = Fact(
            fact_id, data["quantity"], raw, unit, qualifier, data["section"], data["quote"], document,
            location, fields, valid, size, when, data.get("at"))

    def _parse_unit(self, text: str, units: dict[str, str]) -> Unit | None:
        """`parse_unit`, once per unit text and file (a large base names few distinct units)."""
        key = (text, id(units))  # each file's `units` dict lives as long as its pending facts
        if key not in self._units:
            self._units[key] = parse_unit(text, units)
        return self._units[key]

    def _magnitude(self, data: LocatedDict, raw: Any, unit: Unit, qualifier: str) -> Magnitude:
        precision = Decimal(data["precision"]) if "precision" in data else None
        tolerance = parse_percent(data["tolerance"]) if "tolerance" in data else self._tolerances.get(qualifier)
        if isinstance(raw, dict):  # {min, max}: the loader's mappings are dicts (an ABC test costs more)
            written = Interval(Decimal(raw["min"]), Decimal(raw["max"]))
            return magnitude(written, written.lo, qualifier, tolerance or Decimal(0))
        written = precision_interval(raw, precision, scaled=not unit.discrete and unit.factor != 1)
        return magnitude(written, Decimal(raw), qualifier, tolerance or Decimal(0))

    def _validity(self, path: str, fact_id: str, valid: LocatedDict | None) -> DateInterval | None:
        """When a fact holds; None, after a finding at the offending bound, when that is impossible."""
        if not valid:
            return ALWAYS
        bounds: dict[str, DateInterval] = {}
        for key in ("from", "until"):
            if key in valid:
                try:
                    bounds[key] = parse_date(valid[key])
                except ValueError as exc:
                    self._error("date", f"valid {key}: {exc}", _loc(path, valid.marks[key]), [fact_id])
                    return None
        first = bounds["from"].first if "from" in bounds else ALWAYS.first
        last = bounds["until"].last if "until" in bounds else ALWAYS.last
        if last < first:
            self._error("date", f"validity ends ({valid['until']}) before it starts ({valid['from']})",
                        _loc(path, valid.marks["until"]), [fact_id])
            return None
        return DateInterval(first, last)

    def _check_pairs(self) -> None:
        """Facts sharing a quantity, and the facts of one rule's ``facts`` list, are compared pairwise."""
        pairs = 0
        sharing: dict[str, int] = {}
        for fact in self.base.facts.values():
            pairs += sharing.get(fact.quantity, 0)  # the new fact pairs with each earlier one
            sharing[fact.quantity] = sharing.get(fact.quantity, 0) + 1
            if pairs > MAX_PAIRS:
                self._error("limit", f"more than {MAX_PAIRS:,} pairs of facts to compare; "
                            f"{sharing[fact.quantity]} facts share quantity {fact.quantity!r}",
                            fact.at("quantity"), [fact.id])
                return
        for rule in self.base.rules:
            listed = rule.data.get("facts")
            pairs += len(listed) * (len(listed) - 1) // 2 if isinstance(listed, list) else 0
            if pairs > MAX_PAIRS:
                self._error("limit", f"more than {MAX_PAIRS:,} pairs of facts to compare; rule {rule.id!r} "
                            f"lists {len(listed or ())} facts", rule.at("facts"))
                return

    def _check_acknowledged(self) -> None:
        """Each acknowledgement names a rule entry (dropped or not) or a kind of finding."""
        for ack in self.base.acknowledged:
            if ack.rule not in self._first_rule and ack.rule not in registry():
                hint = did_you_mean(ack.rule, [*self._first_rule, *registry()])
                self._error("unknown-acknowledgement",
                            f"unknown rule id or finding kind {ack.rule!r} in acknowledged{hint}", ack.location)

    def finish(self) -> tuple[FactBase, list[Finding]]:
        """Resolve facts and check every rule's references; rules with dangling ones are dropped."""
        pending, self._pending_facts = self._pending_facts[::-1], []
        while pending:  # popped, so that each fact's loaded mapping can go once it is built (peak memory)
            self._fact(*pending.pop())
        self._check_pairs()
        self._check_acknowledged()
        kept: list[Rule] = []
        for rule in self.base.rules:
            missing = [(ref, where) for ref, where in _references(rule) if ref not in self.base.facts]
            for ref, where in missing:
                if ref not in self._declared:
                    self._error("reference", f"rule {rule.id!r} names unknown fact {ref!r}"
                                f"{did_you_mean(ref, self._declared)}", where)
            if not missing:
                kept.append(rule)
        self.base.rules = kept
        return self.base, self.findings


def _unknown_unit(text: str, declared: Mapping[str, str]) -> str:
    """The message for a unit nobody knows: the closest known spelling, else how to declare it."""
    hint = did_you_mean(text, unit_spellings(declared))
    advice = f"{hint} (or declare it under `units:`)" if hint else "; declare it under `units:`"
    return f"unknown unit {text!r}{advice}"


def _number_problem(raw: Any, unit: Unit) -> str | None:
    """What makes a numeric value impossible: a range that runs backwards, a negative count."""
    low = raw["min"] if isinstance(raw, dict) else raw
    if isinstance(raw, dict) and raw["min"] > raw["max"]:
        return f"min {raw['min']} is greater than max {raw['max']}"
    if low < 0 and not unit.signed:
        return f"{unit.written} cannot be negative ({low}); only money and ratios can"
    return None


def _references(rule: Rule) -> Iterator[tuple[str, Location]]:
    """Every fact id a rule names (the fields its kind's spec calls references), with where it names
    it; every rule kind's references are checked here, once."""
    for name in kind_spec(rule.kind).references:
        value = rule.data.get(name)
        if isinstance(value, str):
            yield value, rule.at(name)
        elif isinstance(value, LocatedList):
            for ref, mark in zip(value, value.marks, strict=True):
                yield ref, _loc(rule.location.path, mark)
        elif isinstance(value, list):
            yield from ((ref, rule.at(name)) for ref in value)

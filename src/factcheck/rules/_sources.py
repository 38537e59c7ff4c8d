"""Shared pieces of the provenance rules: each fact with where its quote stands in its source."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from factcheck.findings import Location
from factcheck.model import Document, Fact, FactFile
from factcheck.sourcedoc import SourceDocument
from factcheck.sourceread import source_path
from factcheck.sourcetext import Heading, Match, SourceText, prepare
from factcheck.tables import Scale, Table


@dataclass(frozen=True, slots=True)
class Quoted:
    """A fact, every occurrence of its quote in its document's source, and the heading each stands under."""

    fact: Fact
    matches: tuple[Match, ...]
    #: the heading above each match (None: before the first one); empty when the source has no headings
    headings: tuple[Heading | None, ...]
    #: the table each match starts in (None: in none); empty when the source has no tables
    tables: tuple[Table | None, ...] = ()
    #: the scale stated for the table row where each match starts (None: none); empty when the source has no tables
    scales: tuple[Scale | None, ...] = ()

    def source(self, file: FactFile) -> SourceText:
        """The prepared source, for the rare finding that needs more than the above (prepared anew)."""
        return prepare(cast(SourceDocument, file.source))


def source_location(document: Document, source: SourceText, index: int) -> Location:
    """Where the character at `index` of the source's `text` stands: line and column, and in a PDF its
    page, the line counted within it."""
    line, column = source.position(index)
    page, line = source.place(line)
    return Location(source_path(document), line, column, page)


def quoted_facts(file: FactFile) -> list[Quoted]:
    """Every fact of the file when its document's source was read, in fact order; computed once per file.

    quote, value and section all need it: sharing it prepares each source once, not once per rule,
    and keeps only these small records alive, not the prepared sources (large: one per document).
    """
    shared = file.shared.get("quoted")
    if shared is None:
        shared = file.shared["quoted"] = _locate_quotes(file)
    return cast(list[Quoted], shared)


def _locate_quotes(file: FactFile) -> list[Quoted]:
    if file.source is None:
        return []
    source = prepare(file.source)
    result = []
    for fact in file.facts.values():
        matches = source.find(fact.quote)
        headings = tuple(source.heading_of(match) for match in matches) if source.headings else ()
        tables: tuple[Table | None, ...] = ()
        scales: tuple[Scale | None, ...] = ()
        if source.tables:
            tables = tuple(source.table_of(match) for match in matches)
            scales = tuple(source.scale_of(match) for match in matches)
        result.append(Quoted(fact, matches, headings, tables, scales))
    return result


def found(file: FactFile) -> list[Quoted]:
    """The facts whose quote stands in the source: the only ones value and section judge."""
    return [quoted for quoted in quoted_facts(file) if quoted.matches]

"""Shared pieces of the provenance rules: each fact with its prepared source and where its quote stands."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.findings import Location
from factcheck.model import Document, Fact, FactBase
from factcheck.sourcetext import Match, SourceText, prepare


@dataclass(frozen=True, slots=True)
class Quoted:
    """A fact, its document's prepared source, and every occurrence of its quote there."""

    fact: Fact
    source: SourceText
    matches: tuple[Match, ...]


def source_path(document: Document) -> str:
    """The source as the user sees it: relative to where the fact file is shown from."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(document.path), document.source))


def source_location(document: Document, source: SourceText, index: int) -> Location:
    line, column = source.position(index)
    return Location(source_path(document), line, column)


def quoted_facts(base: FactBase) -> Iterator[Quoted]:
    """Every fact whose document's source was read; sources are prepared once per run."""
    for fact in base.facts.values():
        text = base.source_text(fact.document)
        if text is not None:
            source = prepare(text)
            yield Quoted(fact, source, source.find(fact.quote))


def found(base: FactBase) -> Iterator[Quoted]:
    """The facts whose quote stands in the source: the only ones value and section judge."""
    return (quoted for quoted in quoted_facts(base) if quoted.matches)

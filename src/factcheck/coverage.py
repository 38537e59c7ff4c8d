"""Coverage: which numbers and dates of the sources no fact's quote covers.

Every number, number word, ordinal, vague count, percentage and date that `numerals` finds in a
source (weak readings such as the article "een" aside, and page footers aside) is one item.  An
item is **covered** when it overlaps an occurrence of a fact's quote: the occurrences under the
fact's section when there are any, else every occurrence.  It is **excluded** when it overlaps
an occurrence of a ``coverage: exclude:`` text, or stands on a line that an exclusion names by
range (``lines: "1-12"``) or by a literal prefix (``line_prefix: "Retrieved:"``).  An exclusion
whose text stands nowhere in the source (nor in a page footer), whose lines hold no text (past the
source's end), or whose prefix starts no line, is **stale**.  Digits that the document's notation
misreads ("12,5" in English: 12 and 5) are one item that no quote covers (numerals.misread).
Coverage is complete when every item that is not excluded is covered and no exclusion is stale.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal
from operator import attrgetter

from factcheck.findings import Location
from factcheck.model import Document, Exclusion, Fact, FactBase
from factcheck.numerals import Misread, Numeral, find_numerals, misread
from factcheck.rules._sources import source_location
from factcheck.sourceread import source_path
from factcheck.sourcetext import Match, SourceText, normalise, prepare


class CannotCover(Exception):
    """A document's source was not read, so its coverage cannot be measured: exit 2."""


@dataclass(frozen=True, slots=True)
class Uncovered:
    """A number or date in a source that no fact quotes and no exclusion names."""

    location: Location  # in the source
    text: str  # as the source writes it
    meaning: str  # what it states: 250000, 2015-10-02
    note: str = ""  # why a quote does not cover it: the notation misreads it


@dataclass(frozen=True, slots=True)
class StaleExclusion:
    """A coverage exclusion that excludes nothing: its text, its lines or its prefix are in no source."""

    what: str  # the exclusion as messages name it: "the text", lines 40-50, line_prefix "Retrieved:"
    location: Location  # of the exclusion in the fact base


@dataclass(slots=True)
class Coverage:
    """How much of the sources' numbers and dates the fact base covers."""

    uncovered: list[Uncovered] = field(default_factory=list)
    stale: list[StaleExclusion] = field(default_factory=list)
    covered: int = 0
    excluded: int = 0

    @property
    def total(self) -> int:
        """Items that count: covered or uncovered, not excluded."""
        return self.covered + len(self.uncovered)

    @property
    def complete(self) -> bool:
        return not self.uncovered and not self.stale

    @property
    def share(self) -> Decimal:
        """The covered share in percent, rounded down to 0.1 so that only full coverage shows 100."""
        if not self.total:
            return Decimal(100)
        return (Decimal(100 * self.covered) / self.total).quantize(Decimal("0.1"), rounding=ROUND_FLOOR)


def measure(base: FactBase) -> Coverage:
    """The coverage of every document of `base`; raise `CannotCover` when a source is missing."""
    result = Coverage()
    facts: dict[str, list[Fact]] = defaultdict(list)
    for fact in base.facts.values():
        facts[fact.document.path].append(fact)
    matched: set[int] = set()
    # a lines or line_prefix exclusion counts the lines of the source of its own file's document; one in a
    # file that declares no document, those of every source
    declaring = {document.path for document in base.documents}
    # fact files that share one source (a split fact base) cover it together, and it counts once
    sharing: dict[str, list[Document]] = defaultdict(list)
    for document in base.documents:
        sharing[source_path(document)].append(document)
    for documents in sharing.values():
        document = documents[0]
        text = base.source_text(document)
        if text is None:
            raise CannotCover(f"source {document.source!r} of {document.path} was not read")
        source = prepare(text)
        quoted = _marks(len(source.text), (_fact_spans(source, fact)
                                           for sharer in documents for fact in facts[sharer.path]))
        lines, paths = source.original.split("\n"), {sharer.path for sharer in documents}
        exclusion_spans: list[tuple[Match, ...]] = []
        excluded_lines: set[int] = set()  # 1-based
        for index, exclusion in enumerate(base.coverage_exclusions):
            if exclusion.text is not None:
                spans = source.find(exclusion.text)
                key = normalise(exclusion.text)
                if spans or any(key in footer for footer in source.footers):
                    matched.add(index)
                exclusion_spans.append(spans)
            elif exclusion.location.path in paths or exclusion.location.path not in declaring:
                block = _block(lines, exclusion)
                if block:
                    matched.add(index)
                excluded_lines.update(block)
        excluded = _marks(len(source.text), exclusion_spans)
        # a number the document's notation misreads ("12,5" in English) is not covered by a quote that holds it
        misreads = misread(source.plain, document.language)
        items: list[Numeral | Misread] = [item for item in find_numerals(source.plain, document.language,
                                                                         document.date.first)
                                          if not item.weak and not any(wrong.overlaps(item) for wrong in misreads)]
        for item in sorted([*items, *misreads], key=attrgetter("start")):
            span = source.from_plain(item.start, item.end)
            wrong = isinstance(item, Misread)
            if not wrong and any(quoted[span.start:span.end]):
                result.covered += 1
            elif any(excluded[span.start:span.end]) or (excluded_lines and source.position(span.start)[0]
                                                         in excluded_lines):
                result.excluded += 1
            else:
                note = item.explain(document.language) if isinstance(item, Misread) else ""
                meaning = item.other.meaning if isinstance(item, Misread) else item.meaning
                result.uncovered.append(Uncovered(source_location(document, source, span.start), item.text,
                                                  meaning, note))
    result.stale = [StaleExclusion(exclusion.shown, exclusion.location)
                    for index, exclusion in enumerate(base.coverage_exclusions) if index not in matched]
    return result


def _block(lines: list[str], exclusion: Exclusion) -> list[int]:
    """The lines (1-based) with text that a lines or line_prefix exclusion names."""
    if exclusion.lines is not None:
        first, last = exclusion.lines
        return [number for number in range(first, min(last, len(lines)) + 1) if lines[number - 1].strip()]
    prefix = normalise(exclusion.prefix or "")
    return [number for number, line in enumerate(lines, 1) if normalise(line).startswith(prefix)]


def _fact_spans(source: SourceText, fact: Fact) -> tuple[Match, ...]:
    matches = source.find(fact.quote)
    return tuple(match for match in matches if source.stands_under(match, fact.section)) or matches


def _marks(size: int, groups: Iterable[Iterable[Match]]) -> bytearray:
    marks = bytearray(size)
    for spans in groups:
        for span in spans:
            marks[span.start:span.end] = b"\x01" * (span.end - span.start)
    return marks

# ruff: noqa: RUF002 - typographic characters are the subject matter here
"""A source text prepared for quote matching: normalised once, indexed, mapped back to lines.

Text extracted from print layouts breaks lines mid-sentence, hyphenates words across lines,
leaves trailing spaces, interrupts running text with page footers and uses typographic quotes.
A curator quotes the *sentence*, not the layout, so quotes are matched against a normalised
view of the source that keeps, for every character, the offset it came from:

* **Typography** is folded: ’ ‘ ` ´ become ``'``; “ ” „ « » ‹ › become ``"``; en and em dashes,
  minus signs and non-breaking hyphens become ``-``; non-breaking and thin spaces become spaces.
* **Whitespace** runs (line breaks, blank lines, trailing and leading spaces) become one space.
* **Hyphenation.** A line that ends in a hyphen right after a letter, followed by a line that
  starts with a letter, is joined without a space and the hyphen becomes ambiguous: the quote
  may contain it or not ("verleng-\\nde" matches "verlengde", "Saudi-\\nArabië" matches
  "Saudi-Arabië").  Next to a digit ("F-\\n16", "100-\\nbrief") a hyphen is always real.
* **Page footers** are dropped with the blank lines around them, so a quote runs on across
  them.  A footer is a line that stands alone (blank lines or the file's ends on both sides),
  ends in a page number, and whose text before that number recurs on another such line with at
  least three words ("Tweede Kamer, vergaderjaar 2015–2016, 27 925, nr. 565 4" and "… 10").

**Sections.** A heading is a line that stands alone — a blank line (or the file's end) follows
it, and a blank line, the file's start or the end of a sentence (``. ! ? :``) precedes it —
that is short (at most 60 characters and 8 words), starts with a capital letter or a digit,
and does not end in punctuation (``. , ; : ! ?``), and is no table row nor inside a table
(see tables.py).  Every line stands under the nearest heading
above it; the text before the first heading stands under the section "(opening)".  Headings that
follow each other with only blank lines between them form a group ("Ontwikkelingen Irak" then
"Politiek"): the text after the group stands under all of them.  Text in a table also stands
under the table's caption and the headings above the table.
Nothing here depends on the language of the text.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate

from factcheck.sourcedoc import SourceDocument
from factcheck.tables import Scale, Table, find_tables

SOFT_HYPHEN = "\u00ad"

#: character -> what it folds to
_FOLD = {
    **dict.fromkeys("\u2019\u2018\u201a\u201b\u2032\u02bc`\u00b4", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2033", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    **dict.fromkeys("\u00a0\u2007\u2009\u200a\u202f\t\r\f\v", " "),
}
_FOLDABLE = re.compile("[" + "".join(map(re.escape, _FOLD)) + "]")
_SPACES = re.compile(r"  +")  # a single space stays as it is: matching it would only cost time
#: what `text` leaves out of a line: soft hyphens, and every space after a space (soft hyphens between them or not)
_DROPPED = re.compile(f"(?<= )[ {SOFT_HYPHEN}]+|{SOFT_HYPHEN}+")
_SENTENCE_END = (".", "!", "?", ":")
_NO_HEADING_END = (".", ",", ";", ":", "!", "?")
_PAGE_NUMBER = re.compile(r"^(?P<text>.+?)\s+(?P<page>\d{1,4})$")
#: The section name of the text before the first heading.
OPENING = "(opening)"
MAX_HEADING_CHARS = 60
MAX_HEADING_WORDS = 8
#: The closest-passage search scores at most this many candidate windows, anchored on words
#: of the quote that occur at most `MAX_WORD_HITS` times in the source.
MAX_CANDIDATES = 32
MAX_WORD_HITS = 50
#: Only this much of a long quote is compared (and shown): difflib's cost grows with the square.
MAX_PROBE = 200


def normalise(fragment: str) -> str:
    """A quote (or any fragment) in the same normal form as `SourceText.text`, minus soft hyphens."""
    return _tidy(_fold(unicodedata.normalize("NFC", fragment)).replace("\n", " "))


def _fold(text: str) -> str:
    # one str.replace per character present: str.translate is ~50x slower on non-ASCII text, and
    # most quotes hold none of these characters
    for char in set(_FOLDABLE.findall(text)):
        text = text.replace(char, _FOLD[char])
    return text


def _tidy(folded: str) -> str:
    return _SPACES.sub(" ", folded.replace(SOFT_HYPHEN, "")).strip()


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading of the source and the headings stacked directly above it."""

    line: int  # 1-based
    title: str
    group: tuple[str, ...]  # the headings stacked above it (without text between), then itself


@dataclass(frozen=True, slots=True)
class Match:
    """One occurrence of a quote: [start, end) in `SourceText.text`."""

    start: int
    end: int


@dataclass(eq=False)
class SourceText:
    """One source text, normalised and indexed; build it once per run with `prepare`."""

    original: str
    #: the structure a PDF or HTML source states (see `sourcedoc.SourceDocument`): (line, title) of each
    #: heading, or None to find them in the layout; the page of each line; the page-furniture lines
    stated_headings: tuple[tuple[int, str], ...] | None = None
    pages: tuple[int, ...] = ()
    furniture: frozenset[int] = frozenset()
    text: str = field(init=False)  # normalised; U+00AD marks a hyphen that may be real or a wrap
    headings: tuple[Heading, ...] = field(init=False)
    tables: tuple[Table, ...] = field(init=False)  # see tables.py
    _line_starts: list[int] = field(init=False)
    #: `text` with every ambiguous hyphen dropped: what a reader reads, and what numbers are read from
    plain: str = field(init=False)
    footers: tuple[str, ...] = field(init=False)  # the footer lines, normalised
    _hyphenated: str = field(init=False)  # `text` with every ambiguous hyphen kept (same length)
    #: `text` as runs read from `original` without a gap (mostly a line each): where each starts in `text`,
    #: and its offset in `original`; a list of offsets, one per character, took ~36 bytes a character
    _run_starts: array[int] = field(init=False)
    _run_offsets: array[int] = field(init=False)
    _joins: array[int] = field(init=False)  # the index in `plain` where each ambiguous hyphen was dropped
    _heading_lines: list[int] = field(init=False)
    _page_lines: list[int] = field(init=False)  # each line's number within its page (empty: no pages)
    _table_lines: list[int] = field(init=False)
    _found: dict[str, tuple[Match, ...]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        lines = self.original.split("\n")
        # NFC leaves line breaks alone (they neither compose nor reorder), so one call does every line
        folded = _fold(unicodedata.normalize("NFC", self.original)).split("\n")
        titles = [_tidy(line) for line in folded]  # each line as `normalise` gives it
        self._line_starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
        stated = self.stated_headings is not None
        footers = {line - 1 for line in self.furniture} if stated else _footer_lines(lines, titles)
        self.tables, rows = find_tables(lines, titles, footers)
        if self.stated_headings is None:  # a table row is never a heading
            self.headings = _headings(lines, titles, footers, rows)
        else:  # the reader stated them, and keeps table rows out
            self.headings = _stated_headings(self.stated_headings, titles, footers)
        self.footers = tuple(titles[index] for index in sorted(footers))
        self._page_lines = _page_lines(self.pages, titles)
        text = _Text()
        gap = ""  # what separates the next content line from the previous one: "", "line", "paragraph"
        interrupted = False
        for index, line in enumerate(folded):
            if index in footers:
                interrupted = True
                continue
            stripped = line.strip()
            if not stripped:
                if text.size:
                    gap = "paragraph"
                continue
            start, raw = self._line_starts[index], lines[index]
            if text.size:
                wrap = (gap == "line" or interrupted) and text.tail[-1] == "-" and len(text.tail) > 1 \
                    and text.tail[0].isalnum() and stripped[0].isalnum()
                if wrap and text.tail[0].isalpha() and stripped[0].isalpha():
                    text.join()
                elif not wrap:
                    text.add(" ", start - 1)
            lead = len(line) - len(line.lstrip())
            for column, piece in _kept(stripped, lead):
                # NFC rarely changes a line's length; where it lengthens one, the overflow points at its end
                within = max(len(raw) - column, 0)
                if within:
                    text.add(piece[:within], start + column)
                for char in piece[within:]:
                    text.add(char, start + len(raw) - 1)
            gap, interrupted = "line", False
        self.text = "".join(text.pieces)
        self._run_starts, self._run_offsets, self._joins = text.run_starts, text.run_offsets, text.joins
        self._hyphenated = self.text.replace(SOFT_HYPHEN, "-")
        self.plain = self.text.replace(SOFT_HYPHEN, "")
        self._heading_lines = [heading.line for heading in self.headings]
        self._table_lines = [table.first for table in self.tables]
        # a table is also named by the headings above it (its caption may be one of them)
        self.tables = tuple(replace(table, names=(*table.names, *above.group))
                            if (above := self.heading_at(table.first - 1)) is not None else table
                            for table in self.tables)

    # -- positions -------------------------------------------------------------------------------

    def from_plain(self, start: int, end: int) -> Match:
        """The span of `text` that the non-empty span [start, end) of `plain` was read from."""
        return Match(self._from_plain(start), self._from_plain(end - 1) + 1)

    def _from_plain(self, index: int) -> int:
        """The index in `text` of the character at `index` in `plain`."""
        return index + bisect_right(self._joins, index)

    def offset(self, index: int) -> int:
        """The offset in `original` of the character at `index` (0 <= index < len(text)) in `text`."""
        run = bisect_right(self._run_starts, index) - 1
        return self._run_offsets[run] + index - self._run_starts[run]

    def position(self, index: int) -> tuple[int, int]:
        """(line, column), both 1-based, of the character at `index` in `text`."""
        offset = self.offset(min(index, len(self.text) - 1)) if self.text else 0
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def place(self, line: int) -> tuple[int | None, int]:
        """(page, line within it) of a 1-based line of `original`; (None, line) in a source without pages."""
        if not self._page_lines or not 1 <= line <= len(self._page_lines):
            return None, line
        return self.pages[line - 1], self._page_lines[line - 1]

    def where(self, line: int) -> str:
        """A line as a message names it: "line 800", or "page 3, line 12" in a source with pages."""
        page, number = self.place(line)
        return f"line {number}" if page is None else f"page {page}, line {number}"

    # -- quotes ----------------------------------------------------------------------------------

    def find(self, quote: str) -> tuple[Match, ...]:
        """Every occurrence of `quote` (any form: it is normalised here), in order; memoised."""
        key = normalise(quote)
        found = self._found.get(key)
        if found is None:
            found = self._find(key)
            self._found[key] = found
        return found

    def _find(self, key: str) -> tuple[Match, ...]:
        if not key:
            return ()
        starts: dict[int, int] = {}
        for index in _all(self._hyphenated, key):
            starts[index] = index + len(key)
        for index in _all(self.plain, key):
            span = self.from_plain(index, index + len(key))
            starts.setdefault(span.start, span.end)
        # Only a quote with a hyphen can match some wraps with and others without their hyphen; a
        # piece of it between hyphens must then stand in `plain` verbatim, which is cheap to test first.
        if not starts and "-" in key and max(key.split("-"), key=len).strip() in self.plain:
            for match in _loose_pattern(key).finditer(self.text):
                starts.setdefault(match.start(), match.end())
        return tuple(Match(start, end) for start, end in sorted(starts.items()))

    def closest(self, quote: str) -> tuple[int, str]:
        """Where in `text` the passage most like `quote` starts, and that passage (without soft
        hyphens): a bounded search, for error messages.

        Windows of the quote's length are anchored where the quote's words occur, voted for by
        how many words agree on the start, and only the best `MAX_CANDIDATES` are scored; a quote
        longer than `MAX_PROBE` characters is compared by its beginning.
        """
        import difflib  # here: only a quote that is not found needs it (~1 ms at every start)

        key = normalise(quote)[:MAX_PROBE]
        text = self.plain
        size = len(key)
        votes: Counter[int] = Counter()
        position = 0
        for word in re.findall(r"\w{3,}", key):
            offset = key.find(word, position)
            position = offset + len(word)
            hits = _all(text, word)
            if len(hits) <= MAX_WORD_HITS:  # a word found everywhere says nothing about where
                votes.update(max(hit - offset, 0) for hit in hits)
        candidates = [start for start, _ in votes.most_common(MAX_CANDIDATES)] or \
            list(range(0, max(len(text) - size, 0) + 1, max(size, 1)))
        best, best_score = 0, -1.0
        for start in candidates:
            matcher = difflib.SequenceMatcher(None, key, text[start:start + size], autojunk=False)
            # quick_ratio bounds ratio from above: most windows are dismissed without the full comparison
            if matcher.quick_ratio() > best_score and (score := matcher.ratio()) > best_score:
                best, best_score = start, score
        end = best + size
        while best > 0 and text[best - 1].isalnum() and text[best].isalnum():  # whole words only
            best -= 1
        while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
            end += 1
        return (self._from_plain(best) if text else 0), text[best:end]

    # -- sections --------------------------------------------------------------------------------

    def heading_at(self, line: int) -> Heading | None:
        """The nearest heading above `line` (or at it), or None before the first heading."""
        index = bisect_right(self._heading_lines, line)
        return self.headings[index - 1] if index else None

    def heading_of(self, match: Match) -> Heading | None:
        """The nearest heading above where a match starts."""
        return self.heading_at(self.position(match.start)[0])

    def table_of(self, match: Match) -> Table | None:
        """The table where a match starts, if it starts in one."""
        return self._table_at(self.position(match.start)[0])

    def scale_of(self, match: Match) -> Scale | None:
        """The scale stated for the table row where a match starts (below the statement), if any."""
        line = self.position(match.start)[0]
        table = self._table_at(line)
        return table.scale if table is not None and table.scale is not None and line > table.scale.line else None

    def _table_at(self, line: int) -> Table | None:
        index = bisect_right(self._table_lines, line)
        table = self.tables[index - 1] if index else None
        return table if table is not None and line <= table.last else None

    def stands_under(self, match: Match, section: str) -> bool:
        """Whether a match stands under `section`: its nearest heading or one stacked above that, or
        `OPENING` before the first heading, or the caption of the table it stands in."""
        return stands_under(self.heading_of(match), section, self.table_of(match) if self.tables else None)


def stands_under(heading: Heading | None, section: str, table: Table | None = None) -> bool:
    """Whether text under `heading` (None: before the first heading), in `table` if it is in one,
    stands under `section`."""
    name = normalise(section)
    return name in (heading.group if heading is not None else (OPENING,)) or (table is not None and name in table.names)


class _Text:
    """`SourceText.text` as it is built, piece by piece, with where each piece was read from."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.size = 0
        self.tail = ""  # the last two characters so far: the hyphen-wrap rule reads them
        self.run_starts, self.run_offsets, self.joins = array("q"), array("q"), array("q")

    def add(self, piece: str, offset: int) -> None:
        """Append the non-empty `piece`, read from `original` at `offset` onwards."""
        if not self.run_starts or self.run_offsets[-1] + self.size - self.run_starts[-1] != offset:
            self.run_starts.append(self.size)
            self.run_offsets.append(offset)
        self.pieces.append(piece)
        self.size += len(piece)
        self.tail = (self.tail + piece[-2:])[-2:]

    def join(self) -> None:
        """Mark the hyphen that ends the text so far as a wrap: a soft hyphen."""
        self.pieces[-1] = self.pieces[-1][:-1] + SOFT_HYPHEN
        self.tail = self.tail[:-1] + SOFT_HYPHEN
        self.joins.append(self.size - 1 - len(self.joins))


@lru_cache(maxsize=16)
def prepare(source: str | SourceDocument) -> SourceText:
    """The prepared view of a source (a text file's text, or a document a reader made), built once per
    distinct source (rules share it)."""
    if isinstance(source, str):
        return SourceText(source)
    return SourceText(source.text, source.headings, source.pages, source.furniture)


def _all(haystack: str, needle: str) -> list[int]:
    found: list[int] = []
    index = haystack.find(needle)
    while index >= 0:
        found.append(index)
        index = haystack.find(needle, index + 1)
    return found


def _loose_pattern(key: str) -> re.Pattern[str]:
    """The quote as a pattern that lets every wrap hyphen be either dropped or kept."""
    parts: list[str] = []
    for index, char in enumerate(key):
        if char == "-":
            parts.append(f"(?:-|{SOFT_HYPHEN})")
        elif char == " " and index and key[index - 1] == "-":
            parts.append(" ?")
        else:
            parts.append(re.escape(char))
        parts.append(f"{SOFT_HYPHEN}?")
    return re.compile("".join(parts[:-1]))


def _kept(stripped: str, lead: int) -> Iterator[tuple[int, str]]:
    """The pieces of a stripped line that `text` keeps, each with its column in the line (`lead`
    whitespace characters were stripped off its start)."""
    if SOFT_HYPHEN not in stripped and "  " not in stripped:  # most lines: no regex needed
        yield lead, stripped
        return
    start = 0
    for dropped in _DROPPED.finditer(stripped):
        if dropped.start() > start:
            yield lead + start, stripped[start:dropped.start()]
        start = dropped.end()
    if start < len(stripped):
        yield lead + start, stripped[start:]


def _standalone(lines: list[str], index: int) -> bool:
    before = index == 0 or not lines[index - 1].strip()
    after = index == len(lines) - 1 or not lines[index + 1].strip()
    return before and after


def _footer_lines(lines: list[str], titles: list[str]) -> set[int]:
    candidates: dict[str, list[int]] = {}
    for index, title in enumerate(titles):
        if not title[-1:].isdigit():  # most lines: the pattern cannot match, and trying it costs time
            continue
        match = _PAGE_NUMBER.match(title)
        if match and _standalone(lines, index) and len(match["text"].split()) >= 3:
            candidates.setdefault(match["text"], []).append(index)
    return {index for indices in candidates.values() if len(indices) >= 2 for index in indices}


def _headings(lines: list[str], titles: list[str], footers: set[int], rows: set[int]) -> tuple[Heading, ...]:
    # footers are layout: the lines around them see through them
    visible = [("" if index in footers else line) for index, line in enumerate(lines)]
    headings: list[Heading] = []
    group: list[str] = []
    last_content = -1  # the last non-blank line that was not a heading
    for index, title in enumerate(titles):
        if index in footers or not title:
            continue
        if index not in rows and _is_heading(visible, index, title):
            if last_content > (headings[-1].line - 1 if headings else -1):
                group = []
            group.append(title)
            headings.append(Heading(index + 1, title, tuple(group)))
        else:
            last_content = index
    return tuple(headings)


def _stated_headings(stated: tuple[tuple[int, str], ...], titles: list[str],
                     footers: set[int]) -> tuple[Heading, ...]:
    """The headings a document states, grouped as `_headings` groups them: stacked with no text between."""
    heading_lines = {line - 1: normalise(title) for line, title in stated}
    headings: list[Heading] = []
    group: list[str] = []
    last_content = -1
    for index, title in enumerate(titles):
        if index in heading_lines:
            if last_content > (headings[-1].line - 1 if headings else -1):
                group = []
            group.append(heading_lines[index])
            headings.append(Heading(index + 1, heading_lines[index], tuple(group)))
        elif title and index not in footers:
            last_content = index
    return tuple(headings)


def _page_lines(pages: tuple[int, ...], titles: list[str]) -> list[int]:
    """Each line's number within its page, counting the lines that show text (blank ones take the
    number of the line above): what a reader counts on the page."""
    numbers: list[int] = []
    page, count = 0, 0
    for index, number in enumerate(pages):
        if number != page:
            page, count = number, 0
        count += bool(titles[index]) if index < len(titles) else 0
        numbers.append(max(count, 1))
    return numbers


def _is_heading(lines: list[str], index: int, title: str) -> bool:
    if len(title) > MAX_HEADING_CHARS or len(title.split()) > MAX_HEADING_WORDS or title.endswith(_NO_HEADING_END):
        return False
    first = next((char for char in title if char.isalnum()), "")
    if not (first.isupper() or first.isdigit()):
        return False
    after = index == len(lines) - 1 or not lines[index + 1].strip()
    previous = lines[index - 1].strip() if index else ""
    return after and (not previous or previous.endswith(_SENTENCE_END))

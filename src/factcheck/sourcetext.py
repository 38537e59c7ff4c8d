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
and does not end in punctuation (``. , ; : ! ?``).  Every line stands under the nearest heading
above it; the text before the first heading stands under the section "(opening)".  Headings that
follow each other with only blank lines between them form a group ("Ontwikkelingen Irak" then
"Politiek"): the text after the group stands under all of them.
Nothing here depends on the language of the text.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

SOFT_HYPHEN = "\u00ad"

_FOLD = str.maketrans({
    **dict.fromkeys("\u2019\u2018\u201a\u201b\u2032\u02bc`\u00b4", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u2033", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    **dict.fromkeys("\u00a0\u2007\u2009\u200a\u202f\t\r\f\v", " "),
})
_SPACES = re.compile(r" +")
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
    folded = unicodedata.normalize("NFC", fragment).translate(_FOLD).replace("\n", " ").replace(SOFT_HYPHEN, "")
    return _SPACES.sub(" ", folded).strip()


@dataclass(frozen=True, slots=True)
class Heading:
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
    text: str = field(init=False)  # normalised; U+00AD marks a hyphen that may be real or a wrap
    origin: list[int] = field(init=False)  # offset in `original` of each character of `text`
    footer_lines: tuple[int, ...] = field(init=False)
    headings: tuple[Heading, ...] = field(init=False)
    _line_starts: list[int] = field(init=False)
    #: `text` with every ambiguous hyphen dropped: what a reader reads, and what numbers are read from
    plain: str = field(init=False)
    footers: tuple[str, ...] = field(init=False)  # the footer lines, normalised
    _hyphenated: str = field(init=False)  # `text` with every ambiguous hyphen kept (same length)
    _plain_origin: list[int] = field(init=False)  # index in `text` of each character of `plain`
    _heading_lines: list[int] = field(init=False)
    _found: dict[str, tuple[Match, ...]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        lines = self.original.split("\n")
        self._line_starts = [0]
        for line in lines[:-1]:
            self._line_starts.append(self._line_starts[-1] + len(line) + 1)
        footers = _footer_lines(lines)
        self.footer_lines = tuple(index + 1 for index in sorted(footers))
        self.footers = tuple(normalise(lines[index]) for index in sorted(footers))
        self.headings = _headings(lines, footers)
        self._normalise(lines, footers)
        self._hyphenated = self.text.replace(SOFT_HYPHEN, "-")
        self.plain = self.text.replace(SOFT_HYPHEN, "")
        self._plain_origin = [index for index, char in enumerate(self.text) if char != SOFT_HYPHEN]
        self._heading_lines = [heading.line for heading in self.headings]

    def _normalise(self, lines: list[str], footers: set[int]) -> None:
        out: list[str] = []
        origin: list[int] = []
        gap = ""  # what separates the next content line from the previous one: "", "line", "paragraph"
        interrupted = False
        for index, line in enumerate(lines):
            if index in footers:
                interrupted = True
                continue
            start = self._line_starts[index]
            folded = unicodedata.normalize("NFC", line).translate(_FOLD)
            stripped = folded.strip()
            if not stripped:
                if out:
                    gap = "paragraph"
                continue
            lead = len(folded) - len(folded.lstrip())
            # NFC rarely changes a line's length; when it does, columns within it are approximate
            exact = len(folded) == len(line)
            if out:
                wrap = (gap == "line" or interrupted) and out[-1] == "-" and len(out) > 1 and out[-2].isalnum() \
                    and stripped[0].isalnum()
                if wrap and out[-2].isalpha() and stripped[0].isalpha():
                    out[-1] = SOFT_HYPHEN
                elif not wrap:
                    out.append(" ")
                    origin.append(start - 1)
            previous_space = False
            for offset, char in enumerate(stripped):
                if char == SOFT_HYPHEN:  # invisible in the source; in `text` it marks line-end wraps only
                    continue
                if char == " ":
                    if previous_space:
                        continue
                    previous_space = True
                else:
                    previous_space = False
                out.append(char)
                column = lead + offset
                origin.append(start + (column if exact else min(column, max(len(line) - 1, 0))))
            gap, interrupted = "line", False
        self.text = "".join(out)
        self.origin = origin

    # -- positions -------------------------------------------------------------------------------

    def from_plain(self, start: int, end: int) -> Match:
        """The span of `text` that the non-empty span [start, end) of `plain` was read from."""
        return Match(self._plain_origin[start], self._plain_origin[end - 1] + 1)

    def position(self, index: int) -> tuple[int, int]:
        """(line, column), both 1-based, of the character at `index` in `text`."""
        offset = self.origin[min(index, len(self.origin) - 1)] if self.origin else 0
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

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
        return (self._plain_origin[best] if self._plain_origin else 0), text[best:end]

    # -- sections --------------------------------------------------------------------------------

    def heading_at(self, line: int) -> Heading | None:
        """The nearest heading above `line` (or at it), or None before the first heading."""
        index = bisect_right(self._heading_lines, line)
        return self.headings[index - 1] if index else None

    def heading_of(self, match: Match) -> Heading | None:
        """The nearest heading above where a match starts."""
        return self.heading_at(self.position(match.start)[0])

    def stands_under(self, match: Match, section: str) -> bool:
        """Whether a match stands under `section`: its nearest heading or one stacked above that, or
        `OPENING` before the first heading."""
        return stands_under(self.heading_of(match), section)


def stands_under(heading: Heading | None, section: str) -> bool:
    """Whether text under `heading` (None: before the first heading) stands under `section`."""
    return normalise(section) in (heading.group if heading is not None else (OPENING,))


@lru_cache(maxsize=16)
def prepare(text: str) -> SourceText:
    """The prepared view of a source text, built once per distinct text (rules share it)."""
    return SourceText(text)


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


def _standalone(lines: list[str], index: int) -> bool:
    before = index == 0 or not lines[index - 1].strip()
    after = index == len(lines) - 1 or not lines[index + 1].strip()
    return before and after


def _footer_lines(lines: list[str]) -> set[int]:
    candidates: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        match = _PAGE_NUMBER.match(normalise(line))
        if match and _standalone(lines, index) and len(match["text"].split()) >= 3:
            candidates.setdefault(match["text"], []).append(index)
    return {index for indices in candidates.values() if len(indices) >= 2 for index in indices}


def _headings(lines: list[str], footers: set[int]) -> tuple[Heading, ...]:
    # footers are layout: the lines around them see through them
    visible = [("" if index in footers else line) for index, line in enumerate(lines)]
    headings: list[Heading] = []
    group: list[str] = []
    last_content = -1  # the last non-blank line that was not a heading
    for index, line in enumerate(visible):
        title = normalise(line)
        if not title:
            continue
        if _is_heading(visible, index, title):
            if last_content > (headings[-1].line - 1 if headings else -1):
                group = []
            group.append(title)
            headings.append(Heading(index + 1, title, tuple(group)))
        else:
            last_content = index
    return tuple(headings)


def _is_heading(lines: list[str], index: int, title: str) -> bool:
    if len(title) > MAX_HEADING_CHARS or len(title.split()) > MAX_HEADING_WORDS or title.endswith(_NO_HEADING_END):
        return False
    first = next((char for char in title if char.isalnum()), "")
    if not (first.isupper() or first.isdigit()):
        return False
    after = index == len(lines) - 1 or not lines[index + 1].strip()
    previous = lines[index - 1].strip() if index else ""
    return after and (not previous or previous.endswith(_SENTENCE_END))

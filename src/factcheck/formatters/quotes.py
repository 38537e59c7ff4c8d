"""A quote in its source: where it stands, by the `quote` rule's own matching, and the lines around it.

`find_quote` answers with ``sourcetext``, so `factcheck show` and the HTML report find exactly the
quotes that ``verify`` accepts: across line breaks, hyphenation at line ends, page footers and
typographic quotes (see ``sourcetext.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.formatters.lines import line_and_column, split_lines
from factcheck.sourcetext import prepare


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """The [start, end) offsets in `text` of the first occurrence of `quote`, or None."""
    source = prepare(text)
    matches = source.find(quote)
    if not matches:
        return None
    return source.offset(matches[0].start), source.offset(matches[0].end - 1) + 1


@dataclass(frozen=True, slots=True)
class QuoteInContext:
    """A quote found in its source, with the lines to show around it."""

    first: tuple[int, int]  # line and column (1-based, in code points) of the quote's first character
    last: tuple[int, int]  # line and column of its last character
    lines: tuple[tuple[int, str], ...]  # (number, text) of the quote's lines and their context


def quote_in_context(text: str, quote: str, around: int = 1) -> QuoteInContext | None:
    """Where `quote` stands in `text`, with `around` lines either side; None when it is absent."""
    span = find_quote(text, quote)
    if span is None:
        return None
    first, last = line_and_column(text, span[0]), line_and_column(text, span[1] - 1)
    lines = split_lines(text)
    shown = range(max(1, first[0] - around), min(len(lines), last[0] + around) + 1)
    return QuoteInContext(first, last, tuple((number, lines[number - 1]) for number in shown))

"""A quote in its source: where it stands, by the `quote` rule's own matching, and the lines around it.

`find_quote` answers with ``sourcetext``, so `factcheck show` and the HTML report find exactly the
quotes that ``verify`` accepts: across line breaks, hyphenation at line ends, page footers and
typographic quotes (see ``sourcetext.py``).  In a PDF, lines are numbered within their page.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.formatters.lines import line_and_column, split_lines
from factcheck.sourcedoc import SourceDocument
from factcheck.sourcetext import prepare


def find_quote(source: str | SourceDocument, quote: str) -> tuple[int, int] | None:
    """The [start, end) offsets in the source's text of the first occurrence of `quote`, or None."""
    prepared = prepare(source)
    matches = prepared.find(quote)
    if not matches:
        return None
    return prepared.offset(matches[0].start), prepared.offset(matches[0].end - 1) + 1


@dataclass(frozen=True, slots=True)
class QuoteInContext:
    """A quote found in its source, with the lines to show around it."""

    first: tuple[int, int]  # line and column (1-based, in code points) of the quote's first character
    last: tuple[int, int]  # line and column of its last character
    lines: tuple[tuple[int, str], ...]  # (number, text) of the quote's lines and their context
    labels: tuple[str, ...]  # how each of those lines is numbered for a reader: "12", or "p3 12" in a PDF ("" blank)
    start: str  # where the quote starts, after the path: "12:5", or "p3:12:5" in a PDF


def quote_in_context(source: str | SourceDocument, quote: str, around: int = 1) -> QuoteInContext | None:
    """Where `quote` stands in `source`, with `around` lines either side; None when it is absent."""
    span = find_quote(source, quote)
    if span is None:
        return None
    text = source if isinstance(source, str) else source.text
    first, last = line_and_column(text, span[0]), line_and_column(text, span[1] - 1)
    lines = split_lines(text)
    shown = range(max(1, first[0] - around), min(len(lines), last[0] + around) + 1)
    prepared = prepare(source)

    def label(number: int) -> str:
        page, line = prepared.place(number)
        if page is None:
            return str(line)
        return f"p{page} {line}" if lines[number - 1].strip() else ""  # a blank line is no line on the page

    return QuoteInContext(first, last, tuple((number, lines[number - 1]) for number in shown),
                          tuple(label(number) for number in shown), f"{label(first[0]).replace(' ', ':')}:{first[1]}")

"""Where a quote stands in its source text, as offsets: the `quote` rule's own matching.

`find_quote` is the one place `factcheck show` asks this question.  It answers with
``sourcetext``, so show finds exactly the quotes that ``verify`` accepts: across line breaks,
hyphenation at line ends, page footers and typographic quotes (see ``sourcetext.py``).
"""

from __future__ import annotations

from factcheck.sourcetext import prepare


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """The [start, end) offsets in `text` of the first occurrence of `quote`, or None."""
    source = prepare(text)
    matches = source.find(quote)
    if not matches:
        return None
    return source.offset(matches[0].start), source.offset(matches[0].end - 1) + 1

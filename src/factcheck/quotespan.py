"""Where a quote stands in its source text: a deliberately simple stand-in.

`find_quote` is the one place `factcheck show` asks this question, so the fuller quote matching
of ``sourcetext.py`` (typographic quotes, hyphenation, …) can replace it by changing one import.
Here a match is exact up to whitespace: any run of spaces and line breaks matches any other.
"""

from __future__ import annotations


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """The [start, end) offsets in `text` of the first whitespace-normalised match of `quote`."""
    needle = " ".join(quote.split())
    if not needle:
        return None
    collapsed: list[str] = []
    offsets: list[int] = []  # collapsed index -> offset in `text`
    for offset, char in enumerate(text):
        if char.isspace():
            if collapsed and collapsed[-1] == " ":
                continue
            char = " "
        collapsed.append(char)
        offsets.append(offset)
    at = "".join(collapsed).find(needle)
    if at < 0:
        return None
    return offsets[at], offsets[at + len(needle) - 1] + 1

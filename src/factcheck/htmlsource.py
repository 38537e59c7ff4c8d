"""An HTML page as a source: its visible text on the lines of the page's own file, so that a
location's line is the line in the .html file; h1-h6 are the headings.

Read with the standard library's tolerant `html.parser` (no dependency: it never fails on broken
markup, and a page of a few hundred kilobytes parses in milliseconds).  Markup is left out, entities
are decoded, the text of head, script, style and template elements is not text.  A block element
(p, div, li, h1-h6, tr, br, …) separates what it encloses from its neighbours; an inline one (b, a,
span, …) does not, so "Finan<b>ci</b>ën" stays one word.  The cells of a table row are separated
by a tab, and a row is never a heading.  Columns count characters of the extracted line.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from factcheck.sourcedoc import SourceDocument

_HIDDEN = frozenset({"head", "title", "script", "style", "template", "noscript", "svg"})
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "ul",
})
_CELLS = frozenset({"td", "th"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SPACE = re.compile(r"\s+")


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[list[str]] = [[]]  # the text of each line of the file, in pieces
        self.hidden = 0  # depth inside elements whose text is not shown
        self.heading: tuple[int, list[str]] | None = None  # the open heading: its first line, its text
        self.headings: list[tuple[int, str]] = []
        self.cells = 0  # cells opened in the current table row
        self.table = 0  # depth of tables: a heading inside one is a cell, not a heading

    def _at(self) -> list[str]:
        line = self.getpos()[0]
        while len(self.lines) < line:
            self.lines.append([])
        return self.lines[line - 1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _CELLS:
            self._at().append("\t" if self.cells else " ")
            self.cells += 1
        elif tag in _BLOCKS:
            self._at().append(" ")
            if tag == "tr":
                self.cells = 0
            elif tag == "table":
                self.table += 1
            elif tag in _HEADINGS and not self.table and not self.hidden:
                self.heading = (self.getpos()[0], [])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._at().append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
        elif tag in _BLOCKS or tag in _CELLS:
            self._at().append(" ")
            if tag == "table":
                self.table = max(self.table - 1, 0)
            elif tag in _HEADINGS and self.heading is not None:
                line, pieces = self.heading
                title = _SPACE.sub(" ", "".join(pieces)).strip()
                if title:
                    self.headings.append((line, title))
                self.heading = None

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        first, *rest = data.split("\n")
        self._at().append(first)
        line = self.getpos()[0]
        for number, piece in enumerate(rest, start=line + 1):
            while len(self.lines) < number:
                self.lines.append([])
            self.lines[number - 1].append(piece)
        if self.heading is not None:
            if not "".join(self.heading[1]).strip():  # the heading starts where its text does
                self.heading = (line + next((i for i, p in enumerate([first, *rest]) if p.strip()), 0), [])
            self.heading[1].append(data)


def read_html(text: str) -> SourceDocument:
    """The page's visible text, line for line with the file, and its h1-h6 headings."""
    reader = _Reader()
    reader.feed(text.replace("\r\n", "\n").replace("\r", "\n"))
    reader.close()
    lines = ["".join(pieces).rstrip() for pieces in reader.lines]
    return SourceDocument("\n".join(lines), headings=tuple(reader.headings))

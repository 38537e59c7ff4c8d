"""A PDF as a source: the text layer laid out as lines, page by page, with the structure that the
layout states.

Read with pdfminer.six, which gives every character drawn with its font, size and position: what
headings (font size and weight), columns, table cells and running headers need; a reader of the text
stream alone (pypdf) glues cells and interleaves columns.  Its own layout analysis is off: the lines,
words and columns are found here, from the characters.

* **Lines** are words on one baseline, left to right.  A page whose text stands in columns (2 to 4,
  between vertical gutters that few rows cross) is read column by column, band by band: a row across
  the gutters (a title, a wide table) ends the band above it.
* **Cells.** A gap wider than `CELL_GAP` times the font size separates table cells: a tab.
* **Paragraphs.** A vertical gap wider than `PARAGRAPH_GAP` times the font size is a blank line.
* **Headings** are lines that are not table rows, written larger (`HEADING_SIZE` times the body's
  size) or bold where the body is not; consecutive such lines are one heading.
* **Furniture.** A line among the first or last `EDGE_LINES` of a page is a running header or footer
  when, with its numbers left out, it recurs at the same height at an edge of a third of the pages
  (two at least), or when it is a bare page number ("12", "- 12 -", "Page 12 of 40").
"""

from __future__ import annotations

import io
import re
import signal
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from factcheck.sourcedoc import MAX_PDF_PAGES, PDF_STEP_SECONDS, SourceDocument, Unreadable

CELL_GAP = 1.5
PARAGRAPH_GAP = 0.9
HEADING_SIZE = 1.15
EDGE_LINES = 2
#: a running header or footer recurs at the same height, give or take this many points
FURNITURE_SLACK = 6
#: ... on at least this share of the pages (and two): a header alternating between even and odd pages
#: is on half of them, while text that recurs (a form repeated) is not on a third
FURNITURE_PAGES = 1 / 3
#: a gutter between columns is crossed by at most this many words (a running header crosses it)
GUTTER_CROSSINGS = 3
GUTTER_ROWS = 0.1
#: each column of running text is at least this share of the text's width
COLUMN_SHARE = 0.2
#: a line's words share a baseline within this fraction of their size
BASELINE = 0.5
#: the widest gap between letters of one word, as a fraction of their size (tight print glues words)
WORD_GAP = 0.15
_BOLD = re.compile(r"bold|black|heavy|semibold|demi|,b\b", re.IGNORECASE)
_NUMBERS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-\u2013\u2014\s]*#[-\u2013\u2014\s]*(?:(?:of|/|van)\s*#)?$", re.IGNORECASE)


@dataclass(slots=True)
class _Line:
    page: int
    top: float
    bottom: float
    size: float
    bold: bool
    text: str
    cells: int


def read_pdf(raw: bytes) -> SourceDocument:
    """The PDF's text layer as lines with headings, pages and furniture; raise `Unreadable`."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        with _time_limit("opening it"):
            pages = list(PDFPage.create_pages(PDFDocument(PDFParser(io.BytesIO(raw)))))
        if len(pages) > MAX_PDF_PAGES:
            raise Unreadable(f"has {len(pages):,} pages, more than the limit of {MAX_PDF_PAGES:,}")
        resources = PDFResourceManager(caching=True)
        device = PDFPageAggregator(resources, laparams=None)  # characters as drawn: the layout is ours
        interpreter = PDFPageInterpreter(resources, device)
        lines: list[_Line] = []
        for number, page in enumerate(pages, start=1):
            with _time_limit(f"laying out page {number}"):
                interpreter.process_page(page)
            lines.extend(_page_lines(device.get_result(), number))
    except Unreadable:
        raise
    except _TooSlow as exc:
        raise Unreadable(f"is not a readable PDF: {exc} took more than {PDF_STEP_SECONDS} s "
                         "(a structure that refers to itself?)") from exc
    except RecursionError as exc:  # nesting deeper than Python's stack: say so, not the interpreter's words
        raise Unreadable("is not a readable PDF: its objects nest too deeply") from exc
    except Exception as exc:  # a parser fed hostile bytes may raise anything: each is a finding
        if isinstance(exc, PDFPasswordIncorrect) or "encrypt" in type(exc).__name__.lower():
            raise Unreadable("is an encrypted PDF: its text cannot be read without the password") from exc
        raise Unreadable(f"is not a readable PDF: {_reason(exc)}") from exc
    if not any(line.text.strip() for line in lines):
        raise Unreadable("is a PDF without a text layer (a scanned image?): no quote can stand in it")
    return _document(lines)


class _TooSlow(BaseException):
    """A step of reading took too long; a BaseException, so that pdfminer's own handlers do not swallow it."""


@contextmanager
def _time_limit(step: str) -> Iterator[None]:
    """Raise `_TooSlow` when `step` takes more than PDF_STEP_SECONDS: a crafted PDF (an object that refers to
    itself) makes pdfminer loop, and a commit hook must not hang.  Only the main thread can take a signal;
    elsewhere the step runs unlimited."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise _TooSlow(step)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, PDF_STEP_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _reason(exc: BaseException) -> str:
    text = re.sub(r"\s+", " ", str(exc)).strip()[:80]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _chars(layout: Any) -> Iterator[dict[str, Any]]:
    """The upright characters drawn on a page (text turned sideways is a margin stamp, not running text)."""
    from pdfminer.layout import LTChar, LTContainer

    for item in layout:
        if isinstance(item, LTChar):
            if item.upright and item.get_text().strip():
                yield {"text": item.get_text(), "x0": item.x0, "x1": item.x1, "top": layout.height - item.y1,
                       "bottom": layout.height - item.y0, "size": item.size, "fontname": item.fontname}
        elif isinstance(item, LTContainer):  # a form XObject
            yield from _chars(item)


def _words(row: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A row's characters, left to right, as words: a gap wider than `WORD_GAP` of the size separates
    them (a space is a gap), so tight print whose spaces are not drawn keeps its words apart."""
    words: list[dict[str, Any]] = []
    for char in row:
        word = words[-1] if words else None
        if word is not None and char["x0"] - word["x1"] <= WORD_GAP * char["size"]:
            word["text"] += char["text"]
            word["x1"] = max(word["x1"], char["x1"])
            word["top"], word["bottom"] = min(word["top"], char["top"]), max(word["bottom"], char["bottom"])
            word["size"] = max(word["size"], char["size"])
            word["bold"] = word["bold"] and bool(_BOLD.search(char["fontname"]))
        else:
            words.append({**char, "bold": bool(_BOLD.search(char["fontname"]))})
    return words


def _page_lines(layout: Any, number: int) -> list[_Line]:
    rows = [_words(row) for row in _rows(list(_chars(layout)))]
    words = [word for row in rows for word in row]
    gutters = _gutters(words, len(rows))
    ordered: list[list[dict[str, Any]]] = []
    columns: list[list[list[dict[str, Any]]]] = [[] for _ in range(len(gutters) + 1)]
    for row in rows:
        if any(word["x0"] < gutter < word["x1"] for word in row for gutter in gutters):
            # a row across the columns (a title, a wide table) ends the band of columns above it
            ordered.extend(piece for column in columns for piece in column)
            columns = [[] for _ in columns]
            ordered.append(row)
            continue
        for index, column in enumerate(columns):
            low = gutters[index - 1] if index else float("-inf")
            high = gutters[index] if index < len(gutters) else float("inf")
            piece = [word for word in row if low <= word["x0"] < high]
            if piece:
                column.append(piece)
    ordered.extend(piece for column in columns for piece in column)
    return [_line(row, number) for row in ordered]


def _gutters(words: list[dict[str, Any]], rows: int) -> list[float]:
    """The x of each vertical gap between columns of running text (none on a page of one column or
    a table): gaps crossed by at most `GUTTER_CROSSINGS` words or `GUTTER_ROWS` of the rows (titles and
    wide tables cross them), leaving 2 to 4 columns, each at least `COLUMN_SHARE` of the text's width."""
    if not words:
        return []
    left = int(min(word["x0"] for word in words))
    right = int(max(word["x1"] for word in words)) + 1
    crossings = [0] * (right - left + 1)
    for word in words:
        for x in range(int(word["x0"]) - left, int(word["x1"]) - left + 1):
            crossings[x] += 1
    crossable = max(GUTTER_CROSSINGS, int(GUTTER_ROWS * rows))
    gaps = "".join("0" if count <= crossable else "1" for count in crossings)
    found = [left + (match.start() + match.end()) / 2 for match in re.finditer(r"0{6,}", gaps)
             if match.start() and match.end() < len(gaps)]  # not a margin note's edge
    edges = [left, *found, right]
    if not 1 <= len(found) <= 3 or min(b - a for a, b in pairwise(edges)) < \
            COLUMN_SHARE * (right - left):
        return []
    return found


def _rows(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The words grouped by baseline, top to bottom, each row left to right."""
    rows: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda word: (round(word["bottom"], 1), word["x0"])):
        # measured from the row's first word, not its last: columns whose baselines are offset would
        # otherwise chain two lines of one column into a row, their letters interleaved
        if rows and abs(rows[-1][0]["bottom"] - word["bottom"]) <= BASELINE * max(word["size"], 1):
            rows[-1].append(word)
        else:
            rows.append([word])
    for row in rows:
        row.sort(key=lambda word: word["x0"])
    return rows


def _line(row: list[dict[str, Any]], page: int) -> _Line:
    size = max(word["size"] for word in row)
    pieces, cells = [row[0]["text"]], 1
    for before, word in pairwise(row):
        cell = word["x0"] - before["x1"] > CELL_GAP * size
        cells += cell
        pieces.append(("\t" if cell else " ") + word["text"])
    return _Line(page, min(word["top"] for word in row), max(word["bottom"] for word in row), size,
                 all(word["bold"] for word in row), "".join(pieces), cells)


def _furniture(lines: list[_Line]) -> set[int]:
    """The indices of running headers, footers and page numbers."""
    by_page: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        by_page.setdefault(line.page, []).append(index)
    edges: dict[int, tuple[str, int]] = {}  # a line at a page's edge -> its text without numbers, its height
    for indices in by_page.values():
        ordered = sorted(indices, key=lambda index: lines[index].top)
        for index in {*ordered[:EDGE_LINES], *ordered[-EDGE_LINES:]}:
            text = _NUMBERS.sub("#", re.sub(r"\s+", " ", lines[index].text)).strip()
            edges[index] = text, round(lines[index].top / FURNITURE_SLACK)
    pages: dict[tuple[str, int], set[int]] = {}
    for index, key in edges.items():
        pages.setdefault(key, set()).add(lines[index].page)
    recurring = max(2, FURNITURE_PAGES * len(by_page))
    return {index for index, key in edges.items()
            if _PAGE_NUMBER.match(key[0]) or (len(pages[key]) >= recurring and any(char.isalpha() for char in key[0]))}


def _document(lines: list[_Line]) -> SourceDocument:
    sizes: Counter[float] = Counter()
    bold: Counter[bool] = Counter()
    for line in lines:
        sizes[round(line.size * 2) / 2] += len(line.text)
        bold[line.bold] += len(line.text)
    body = sizes.most_common(1)[0][0]
    body_bold = bold.most_common(1)[0][0]
    dropped = _furniture(lines)
    text: list[str] = []
    pages: list[int] = []
    headings: list[tuple[int, str]] = []
    furniture: set[int] = set()
    previous: _Line | None = None
    heading_run = in_table = False
    for index, line in enumerate(lines):
        if previous is not None and previous.page == line.page and \
                line.top - previous.bottom > PARAGRAPH_GAP * min(line.size, previous.size) and line.top > previous.top:
            text.append("")
            pages.append(line.page)
            heading_run = in_table = False
        elif previous is not None and previous.page != line.page:
            in_table = False
        text.append(line.text)
        pages.append(line.page)
        number = len(text)
        if index in dropped:
            furniture.add(number)
            continue
        # a line of one cell in a block that holds a table row is a cell too (a header "DATES" above
        # "POSTED" above "START  END"), not a heading
        in_table = in_table or line.cells > 1
        heading = not in_table and (line.size >= HEADING_SIZE * body or (line.bold and not body_bold))
        title = re.sub(r"\s+", " ", line.text).strip()
        if heading and heading_run and headings and previous is not None and previous.size == line.size:
            headings[-1] = (headings[-1][0], f"{headings[-1][1]} {title}")
        elif heading:
            headings.append((number, title))
        heading_run = heading
        previous = line
    return SourceDocument("\n".join(text), tuple(headings), tuple(pages), frozenset(furniture))

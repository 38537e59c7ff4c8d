# ruff: noqa: RUF001, RUF002, RUF003 - typographic characters are the subject matter here
"""Tables in a source text: which lines are table rows, where each table stands, and the scale it states.

A table comes out of a saved web page, a PDF or a text file in one of three shapes: cells on one
line separated by a tab (what factcheck's PDF and HTML readers write) or by two or more spaces
(text laid out in columns), a label followed by numbers ("Uitgaven 0 472 63.539"), or each cell on
a line of its own between blank lines (a web page saved as text).  So, per line:

* a **row** is a line whose cells are separated by a tab or 2+ spaces, a line of numbers only
  ("63.539", "2016", "–"), or a label followed by two or more numbers; a row is never a heading;
* a **table** is a run of lines from the first row with a number to the last one before the next
  line of prose (longer than a label, or ending a sentence), with the labels, headers and blank
  lines between its rows; it starts earlier, at its caption, when a line above its first row (with
  only labels between) states a scale: its caption.  A line stating a scale always starts a new
  table.  No line inside a table is a heading, its caption included: a row label ("Verplichtingen")
  is not a section, and the text after the table stands under the heading above it.
* a **scale** is stated in parentheses ("(bedragen x € 1.000)", "(x € 1 mln)", "(in € mln)",
  "(in thousands of dollars)", "(in millions)", "Amount ($)", "Bedrag (€)") or as a whole cell or
  line ("bedragen x € 1.000", "EUR million").  It applies to the bare numbers of every line of its
  table below it: "173.850" under "x € 1.000" states 173850000 euros.  A scale naming a currency
  applies to amounts of that currency only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

#: a label at most this long may stand between the rows of a table; a longer line is prose and ends it
MAX_LABEL_CHARS = 80

_CURRENCIES = {"€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "euro's": "EUR", "$": "USD",
               "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "£": "GBP", "gbp": "GBP",
               "pound": "GBP", "pounds": "GBP"}
_WORDS = {"thousand": 3, "thousands": 3, "duizend": 3, "duizenden": 3, "k": 3, "000": 3, "000s": 3,
          "million": 6, "millions": 6, "miljoen": 6, "miljoenen": 6, "mln": 6, "mn": 6, "m": 6,
          "billion": 9, "billions": 9, "miljard": 9, "miljarden": 9, "mld": 9, "mrd": 9, "bn": 9}


def _one_of(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_CUR = f"(?:{_one_of(_CURRENCIES)})"
_SCALE_WORD = f"(?:{_one_of(_WORDS)})"
_STATEMENT = (
    rf"[x×]\s*(?:{_CUR}\s*)?(?:1(?:[.,\s]?000)+|1\s*{_SCALE_WORD})(?:\s+{_CUR})?"  # x € 1.000, x 1 mln euro
    rf"|in\s+(?:{_CUR}\s*)?{_SCALE_WORD}(?:\s+(?:of\s+)?{_CUR})?"  # in € mln, in thousands of dollars
    rf"|{_CUR}\s*{_SCALE_WORD}|{_SCALE_WORD}\s+{_CUR}"  # EUR million, € mln, mln euro, $000
    rf"|{_CUR}\s+in\s+{_SCALE_WORD}"  # dollars in thousands
)
#: inside parentheses: a statement among other words, or a currency alone ("Amount ($)", "(in €)")
_IN_PARENTHESES = re.compile(
    rf"\((?:[^()]*?(?<![\w€$£]))?(?:{_STATEMENT})(?![\w€$£])[^()]*\)|\(\s*(?:in\s+)?{_CUR}\s*\)", re.I)
#: a whole cell or line: a statement after at most one word ("bedragen x € 1.000", "EUR million")
_WHOLE = re.compile(rf"(?:[^\W\d_]+\s+)?(?:{_STATEMENT})", re.I)
#: the parts of a statement, read from what one of the above matched
_PART_ONE = re.compile(r"1(?:[.,\s]?000)+")
_PART_WORD = re.compile(rf"(?<![^\W\d_]){_SCALE_WORD}(?![^\W\d_])", re.I)
_PART_CUR = re.compile(rf"(?<![^\W\d_]){_CUR}(?![^\W\d_])", re.I)

_CELL_GAP = re.compile(r" *\t[ \t]*| {2,}")
#: what a table cell holds when it holds a number: 63.539, -1.132, € 5, 12%, (3.000), or a dash for none
_AMOUNT = re.compile(r"[(]?[-+–−]?[€$£]?[-+–−]?\d[\d.,']*%?[)]?|[-–—−]|…|\.\.\.|p\.m\.?")
_PROSE_END = (".", "!", "?")
_MAX_STATEMENT = 40  # a cell longer than this is no statement of a scale alone
_ROW_END = frozenset("0123456789-–—−…%.)")  # how a line of numbers or a label with numbers ends
_SPACE_GROUP = re.compile(r"\d{1,3} \d{3}")


@dataclass(frozen=True, slots=True)
class Scale:
    """A scale a table states: what its bare numbers are multiplied by, and of which currency."""

    factor: Decimal
    currency: str | None  # the unit registry's code (EUR, USD, GBP), None when no currency is named
    line: int  # 1-based, where it is stated
    text: str  # as written (normalised)

    def applies_to(self, dimension: str) -> bool:
        """Whether amounts in a unit of `dimension` (a units.py dimension) are read at this scale."""
        return self.currency is None or dimension == f"money:{self.currency}"


@dataclass(frozen=True, slots=True)
class Table:
    """A table of the source: its lines (1-based, inclusive), the names a fact may give as its section
    (the caption, with and without its scale statement), and the scale it states."""

    first: int
    last: int
    names: tuple[str, ...]
    scale: Scale | None


def scale_of(title: str, cells: list[str], line: int) -> Scale | None:
    """The scale a line states (`title` normalised, `cells` as split by tabs or 2+ spaces), or None."""
    match = _IN_PARENTHESES.search(title) if "(" in title else None
    if match is None:
        match = next((found for cell in cells if len(cell) <= _MAX_STATEMENT and (found := _WHOLE.fullmatch(cell))),
                     None)
    if match is None:
        return None
    text = match.group()
    one, word, code = _PART_ONE.search(text), _PART_WORD.search(text), _PART_CUR.search(text)
    if one is not None:
        factor = Decimal(re.sub(r"\D", "", one.group()))
    elif word is not None:
        factor = Decimal(10) ** _WORDS[word.group().lower()]
    else:
        factor = Decimal(1)
    currency = _CURRENCIES[code.group().lower()] if code is not None else None
    return Scale(factor, currency, line, text.strip("() "))


def cells_of(line: str) -> list[str]:
    """A line's cells: split at tabs and at runs of two or more spaces."""
    return [cell for cell in _CELL_GAP.split(line.strip()) if cell]


def _gapped(line: str) -> bool:
    """Whether a line may have cells apart (most lines have neither a tab nor two spaces: no regex then)."""
    return "\t" in line or "  " in line.strip()


def is_row(line: str, title: str) -> tuple[bool, bool]:
    """(is a table row, holds a number): `line` raw (tabs kept), `title` normalised.

    A label followed by what may be one number grouped by a space or two cells ("Kamerstuk 27 925",
    "Uitgaven 0 472") holds a number but is a row only inside a table (`find_tables` decides).
    """
    if not title or (title[-1] not in _ROW_END and not _gapped(line)):
        return False, False
    tokens = title.split()
    trailing = 0
    for token in reversed(tokens):
        if not _AMOUNT.fullmatch(token):
            break
        trailing += 1
    numbers = any(char.isdigit() for token in tokens[len(tokens) - trailing:] for char in token)
    if trailing == len(tokens):  # numbers only ("63.539", "2016 2017", "–")
        return True, numbers
    if trailing >= 2 and numbers:  # a label, then numbers
        return not (trailing == 2 and _SPACE_GROUP.fullmatch(" ".join(tokens[-2:]))), True
    cells = cells_of(line) if _gapped(line) else []
    if len(cells) >= 2:
        return True, any(_AMOUNT.fullmatch(cell) and any(char.isdigit() for char in cell) for cell in cells[1:])
    return False, False


def find_tables(lines: list[str], titles: list[str], skipped: set[int]) -> tuple[tuple[Table, ...], set[int]]:
    """The tables of a text, and the indices (0-based) of the lines that are no heading because they
    are rows or stand inside a table.  `titles` are the lines normalised; `skipped` (page footers) count as blank."""
    tables: list[Table] = []
    not_headings: set[int] = set()
    first: int | None = None  # the open table's first line
    last = -1  # its last row with a number
    table_scale: Scale | None = None  # the open table's scale
    caption: tuple[int, Scale] | None = None  # a scale statement waiting for its table's first row

    def close() -> None:
        nonlocal first
        if first is not None:
            names = _names(titles[first]) if table_scale is not None else ()
            tables.append(Table(first + 1, last + 1, names, table_scale))
            not_headings.update(range(first, last + 1))
        first = None

    for index, title in enumerate(titles):
        if not title or index in skipped:
            continue
        row, numbers = is_row(lines[index], title)
        if row:
            not_headings.add(index)
        scale = None
        if len(title) <= 2 * MAX_LABEL_CHARS:
            scale = scale_of(title, cells_of(lines[index]) if _gapped(lines[index]) else [title], index + 1)
        if scale is not None:
            close()
            caption = (index, scale)
        if numbers and (row or first is not None):  # "Kamerstuk 27 925" starts no table
            if first is None:
                first, table_scale = caption if caption is not None else (index, None)
                caption = None
            last = index
        elif scale is None and not row and (len(title) > MAX_LABEL_CHARS or title.endswith(_PROSE_END)):
            close()
            caption = None
    close()
    return tuple(tables), not_headings

_PARENTHESES = re.compile(r"\s*\([^()]*\)")


def _names(caption: str) -> tuple[str, ...]:
    """A caption as a section name: as written, and without its parenthesised scale statement."""
    bare = _PARENTHESES.sub("", caption).strip()
    return (caption, bare) if bare and bare != caption else (caption,)

"""Lines and columns as YAML counts them, for every format that points into a fact file or a source."""

from __future__ import annotations

import re
from functools import lru_cache

#: the line breaks YAML counts (str.splitlines also splits at form feeds and other controls, which
#: would shift every line number after them)
_BREAK = re.compile(r"\r\n|[\n\r\x85\u2028\u2029]")


@lru_cache(maxsize=16)  # one split per file and run, not one per finding; callers must not mutate it
def split_lines(text: str) -> list[str]:
    """The lines of a text as YAML numbers them (line n is element n - 1), without line breaks."""
    lines = _BREAK.split(text)
    if lines[-1] == "":  # the text ends with a line break: no line follows it
        lines.pop()
    return lines


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in code points) of an offset, counting lines as YAML does."""
    line, start = 1, 0
    for brk in _BREAK.finditer(text, 0, offset):
        line, start = line + 1, brk.end()
    return line, offset - start + 1

"""The kinds' documentation, rendered for where it is shown: plain text for the terminal, Markdown for
SARIF's ``help.markdown`` and docs/rules.md.

The docstrings (rule modules, `kinds.CHECK_KINDS`) use a small subset of reStructuredText, and only
that subset is rendered: inline literals (````x````, also `x`), strong emphasis (``**x**``), ``* ``
bullet items, and a paragraph ending in ``::`` that introduces an indented literal block.  A literal
block holds a YAML example and/or the output lines a check prints; Markdown fences the two apart.
No docutils: the subset is this small, and `factcheck rules` should not pay for importing it.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from typing import NamedTuple

_LITERAL = re.compile(r"``(.+?)``|`([^`]+)`")
_STRONG = re.compile(r"\*\*(.+?)\*\*")
_OUTPUT_LINE = re.compile(r"^\S+:\d+:\d+: ")  # a finding as the text format prints it: path:line:column: …
_INDENT = "    "


class Block(NamedTuple):
    """A paragraph (its lines as written) or a literal block (its lines, dedented)."""

    literal: bool
    lines: list[str]


def blocks(doc: str) -> Iterator[Block]:
    """The paragraphs and literal blocks of a docstring, in order (blank lines separate them)."""
    lines = [*textwrap.dedent(doc.strip("\n")).splitlines(), ""]
    paragraph: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.strip():
            paragraph.append(line)
            index += 1
            continue
        if paragraph:
            yield Block(False, paragraph)
            introduces_literal, paragraph = paragraph[-1].endswith("::"), []
            if introduces_literal:
                start = index
                while index < len(lines) and (not lines[index].strip() or lines[index].startswith(" ")):
                    index += 1
                yield Block(True, textwrap.dedent("\n".join(lines[start:index]).strip("\n")).splitlines())
                continue
        index += 1


def _introduction(line: str) -> str:
    """A paragraph's last line without the ``::`` that marks a literal block (``text::`` reads ``text:``)."""
    return line[:-1] if line.endswith("::") else line


def _plain_line(line: str) -> str:
    line = _STRONG.sub(r"\1", _LITERAL.sub(lambda match: match.group(1) or match.group(2), line))
    return "- " + line[2:] if line.startswith("* ") else line


def _markdown_line(line: str) -> str:
    return _LITERAL.sub(lambda match: f"`{match.group(1) or match.group(2)}`", line)


def plain(doc: str) -> str:
    """The docstring as terminal text: no markup, literal blocks indented."""
    parts = []
    for block in blocks(doc):
        if block.literal:
            parts.append("\n".join(_INDENT + line if line else "" for line in block.lines))
        else:
            parts.append("\n".join(_plain_line(_introduction(line)) for line in block.lines))
    return "\n\n".join(parts)


def _fenced(lines: list[str]) -> Iterator[str]:
    """A literal block as fenced code: runs of output lines plain, everything else YAML."""
    runs: list[tuple[bool, list[str]]] = []
    for line in lines:
        if not line:
            continue
        output = bool(_OUTPUT_LINE.match(line))
        if runs and runs[-1][0] == output:
            runs[-1][1].append(line)
        else:
            runs.append((output, [line]))
    for output, run in runs:
        yield "\n".join(["```" if output else "```yaml", *run, "```"])


def markdown(doc: str) -> str:
    """The docstring as Markdown: inline literals as code spans, literal blocks as fenced code."""
    parts: list[str] = []
    for block in blocks(doc):
        if block.literal:
            parts.extend(_fenced(block.lines))
        else:
            parts.append("\n".join(_markdown_line(_introduction(line)) for line in block.lines))
    return "\n\n".join(parts)

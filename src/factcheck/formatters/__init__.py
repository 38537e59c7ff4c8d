"""Presentation: every way a run is shown.  Nothing here reads a file or decides an outcome.

The output formats of ``factcheck verify --format`` are in `FORMATS`: each a `Renderer` from a
`Report` and the `RenderOptions` to one string.  A format's module is imported only when it is
used, so the commit hook pays for the text format alone (sarif pulls in importlib.metadata).
Besides them: `show` (one fact), `coverage` (the coverage listing), `html` with its `charts`
(``factcheck report``), and the helpers they share (`lines`, `quotes`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import NamedTuple

from factcheck.report import Report


class RenderOptions(NamedTuple):  # not a dataclass: cheaper to create at every start
    """How the user asked for the output; a format ignores what it does not offer."""

    color: bool = False  # ANSI colours (see `use_color`)
    quiet: bool = False  # the summary line alone
    verbose: bool = False  # acknowledged findings in full, not counted in one line


Renderer = Callable[[Report, RenderOptions], str]


class Format(NamedTuple):
    """An output format: its name, whether it honours ``--color``, and how to load its renderer."""

    name: str
    load: Callable[[], Renderer]
    colored: bool = False


def _text() -> Renderer:
    from factcheck.formatters import text

    return text.render


def _json() -> Renderer:
    from factcheck.formatters import json

    return json.render


def _sarif() -> Renderer:
    from factcheck.formatters import sarif

    return sarif.render


def _parsable() -> Renderer:
    from factcheck.formatters import parsable

    return parsable.render


def _github() -> Renderer:
    from factcheck.formatters import github

    return github.render


#: name -> format, in the order ``--format`` lists them
FORMATS: Mapping[str, Format] = {entry.name: entry for entry in (
    Format("text", _text, colored=True),
    Format("json", _json),
    Format("sarif", _sarif),
    Format("github", _github),
    Format("parsable", _parsable),
)}


def use_color(choice: str, isatty: bool, env: Mapping[str, str]) -> bool:
    """Whether to colour: ``--color always|never`` wins; for ``auto``, NO_COLOR (set and not empty)
    disables, FORCE_COLOR (set, not empty, not 0) enables, else a terminal that is not dumb."""
    if choice != "auto":
        return choice == "always"
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR", "0") not in ("", "0"):
        return True
    return isatty and env.get("TERM") != "dumb"

"""Loading a large fact base fast, with results identical to the plain path.

* `without_gc`: the garbage collector is paused while a base is loaded and checked.  Loading
  creates millions of small acyclic objects (dicts, lists, tuples, strings) and each automatic
  collection walks everything built so far, which made a 100,000-fact base twice as slow; the
  data has no reference cycles, so nothing is lost by collecting once at the end.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

_P = ParamSpec("_P")
_R = TypeVar("_R")


def without_gc(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run `function` with automatic garbage collection paused (restored even on error)."""

    @functools.wraps(function)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        if not gc.isenabled():  # nested, or the caller manages the collector
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            gc.enable()

    return wrapper

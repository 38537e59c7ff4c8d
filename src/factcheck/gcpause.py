"""Loading and checking with the garbage collector paused.

Loading creates millions of small acyclic objects (dicts, lists, tuples, strings) and each
automatic collection walks everything built so far, which made a 100,000-fact base twice as
slow; the data has no reference cycles.  After a large run, what is alive is frozen
(`gc.freeze`) before the collector resumes: otherwise its first collection walks every object
the run made (1.1 s at 100,000 facts) just to find them alive.  Frozen objects are freed by
reference counting as usual; only a cycle alive at that moment would outlive its use
(`gc.unfreeze()` undoes it).
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

#: After this many new objects, what is alive is frozen (`gc.freeze`) before the collector resumes.
_FREEZE_AFTER = 200_000
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
            if gc.get_count()[0] > _FREEZE_AFTER:
                gc.freeze()
            gc.enable()

    return wrapper

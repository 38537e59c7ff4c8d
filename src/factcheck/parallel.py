"""Spreading work over a second, forked process when there is enough of it to pay."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TypeVar

#: Below this much work (bytes of text) a second process costs more than it saves.
PARALLEL_MIN_BYTES = 1 << 20
_J = TypeVar("_J")
_R = TypeVar("_R")


def remote_share(sizes: Sequence[int]) -> int:
    """How many of the first jobs (of these sizes) a second process should take: about half of
    the work, or none when that does not pay or a process cannot be forked safely."""
    total = sum(sizes)
    if len(sizes) < 2 or total < PARALLEL_MIN_BYTES or (os.cpu_count() or 1) < 2:
        return 0
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:  # forking a threaded process can deadlock
        return 0
    import multiprocessing  # here: it costs ~6 ms to import, which a small base never repays

    if "fork" not in multiprocessing.get_all_start_methods():
        return 0
    running, cut = 0, 0
    while cut < len(sizes) - 1 and running < total / 2:
        running += sizes[cut]
        cut += 1
    return cut


def start_remote(work: Callable[[list[_J]], _R], jobs: list[_J]) -> Callable[[], _R]:
    """Start `work(jobs)` in a forked process (`work` must be a module-level function); the
    returned function waits for its result."""
    import multiprocessing

    pool = multiprocessing.get_context("fork").Pool(1)
    pending = pool.apply_async(work, (jobs,))

    def result() -> _R:
        try:
            return pending.get()
        finally:
            pool.close()
            pool.join()

    return result

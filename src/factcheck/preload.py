"""Every fact file loaded and schema-checked ahead of the engine, with results identical to the
plain path.

Each file's result is cached (factcheck.cache) under a hash of its name and text, so an
unchanged file costs a read and a JSON decode.  Files not in the cache are split between this
process and a forked second one when there are enough bytes to pay for it (factcheck.parallel).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from factcheck.cache import Store, cache_store, entry_path, read_entry, write_entry
from factcheck.cachecodec import decode_prepared, encode_prepared
from factcheck.findings import Finding
from factcheck.loader import CannotRead, load_file, load_text, read_text
from factcheck.located import Loaded
from factcheck.parallel import remote_share, start_remote
from factcheck.schema import validate

Prepared = tuple[Loaded, list[Finding]]
#: a file's text, name and cache entry (None: not cached)
Job = tuple[str, str, Path | None]


def look_up(path: Path, name: str, store: Store | None,
            given: tuple[str | None, list[Finding]] | None = None) -> tuple[Prepared | None, str, Path | None]:
    """Read a file (`read_text`, so `CannotRead` as the engine would raise it; or take what was
    `given` for it, as `read_text` returns it) and find its cached result in `store` (see
    `cache_store`): (result or None, text, cache entry).  Entries are keyed by name and text, so
    any text (standard input too) finds only its own."""
    text, problems = given if given is not None else read_text(path, name)
    if text is None:
        return (Loaded(name, None, problems), []), "", None
    if store is None:
        return None, text, None
    entry = entry_path(store, "file", name, text)
    blob = read_entry(entry)
    return None if blob is None else decode_prepared(blob), text, entry


def check(text: str, name: str) -> Prepared:
    """Exactly what the engine does to a file's text: `load_text`, then `validate` when it loaded cleanly."""
    result = load_text(text, name)
    return result, validate(result.data, name) if result.data is not None and not result.findings else []


def compute(text: str, name: str, entry: Path | None) -> Prepared:
    """`check`, with the result stored under `entry`."""
    value = check(text, name)
    if entry is not None:
        write_entry(entry, encode_prepared(*value))
    return value


def _compute_many(jobs: list[Job]) -> list[bytes]:
    """In the second process: compute each file, store it and send it back, encoded once."""
    out = []
    for text, name, entry in jobs:
        blob = encode_prepared(*check(text, name))  # b"": cannot be encoded, the main process computes it
        if entry is not None:
            write_entry(entry, blob)
        out.append(blob)
    return out


class Preloaded:
    """The engine's `load_file` and `validate`, answered from work done ahead: cached files cost
    a read and a decode, and the others are split between this process and one more.

    Results are those of the plain functions, file for file; anything not prepared ahead (or a
    different call) falls through to them.
    """

    def __init__(self, paths: Sequence[Path], names: Sequence[str],
                 given: Mapping[str, tuple[str | None, list[Finding]]] | None = None) -> None:
        self._done: dict[str, Prepared | CannotRead] = {}
        self._checked: dict[str, tuple[Any, list[Finding]]] = {}
        #: each file's text, for reports that quote the offending line (a cached result has none)
        self._texts: dict[str, str] = {}
        store = cache_store()
        misses: list[Job] = []
        for name, path in dict(zip(names, paths, strict=True)).items():
            try:
                hit, text, entry = look_up(path, name, store, (given or {}).get(name))
            except CannotRead as exc:
                self._done[name] = exc
                continue
            self._texts[name] = text
            if hit is not None:
                self._done[name] = hit
            else:
                misses.append((text, name, entry))
        remote = misses[:remote_share([len(text) for text, _, _ in misses])]
        wait = start_remote(_compute_many, remote) if remote else None
        local = misses[len(remote):][::-1]
        del misses
        while local:  # popped, so that each text is freed once its file is done (peak memory)
            text, name, entry = local.pop()
            self._done[name] = compute(text, name, entry)
        if wait is not None:
            blobs = wait()[::-1]
            remote.reverse()
            while blobs:
                blob, (text, name, entry) = blobs.pop(), remote.pop()
                decoded = decode_prepared(blob) if blob else None
                self._done[name] = decoded if decoded is not None else compute(text, name, entry)

    def load_file(self, path: Path, name: str) -> Loaded:
        done = self._done.pop(name, None)  # handed over: the engine's builder decides how long it lives
        if done is None:
            return load_file(path, name)
        if isinstance(done, CannotRead):
            raise done
        self._checked[name] = done[0].data, done[1]
        return replace(done[0], text=self._texts.get(name) or None)

    def validate(self, data: Any, path: str, *args: Any) -> list[Finding]:
        checked = self._checked.pop(path, None)
        if args or checked is None or checked[0] is not data:
            return validate(data, path, *args)
        return checked[1]

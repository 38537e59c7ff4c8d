"""Loading a large fact base fast, with results identical to the plain path.

* `without_gc`: the garbage collector is paused while a base is loaded and checked.  Loading
  creates millions of small acyclic objects (dicts, lists, tuples, strings) and each automatic
  collection walks everything built so far, which made a 100,000-fact base twice as slow; the
  data has no reference cycles.  After a large run, what is alive is frozen (`gc.freeze`)
  before the collector resumes: otherwise its first collection walks every object the run made
  (1.1 s at 100,000 facts) just to find them alive.  Frozen objects are freed by reference
  counting as usual; only a cycle alive at that moment would outlive its use
  (`gc.unfreeze()` undoes it).
* `Preloaded`: every fact file is loaded and schema-checked before the engine asks for it.
  Each file's result is cached under a hash of its name, its text, the schema and the code
  that produced it (outside the fact base: see `cache_dir`), so an unchanged file costs a read
  and an unpickle.  Files not in the cache are split between this process and a forked second
  one when there are enough bytes to pay for it.
* `per_file`: the provenance findings (quote, value, section) of each fact file depend only on
  that file and its source text, so they are cached per file too: an unchanged file with an
  unchanged source costs an unpickle instead of preparing the source and reading every quote.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from factcheck.findings import Finding
from factcheck.loader import CannotRead, Loaded, load_file, load_text, read_text
from factcheck.model import Document, Fact, FactBase
from factcheck.schema import schema_text, validate

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


# --- each file loaded and schema-checked ahead of the engine: cached, and in parallel -------

#: Below this many bytes of fact files a second process costs more than it saves.
PARALLEL_MIN_BYTES = 1 << 20
_PROTOCOL = pickle.HIGHEST_PROTOCOL

Prepared = tuple[Loaded, list[Finding]]


def cache_dir() -> Path | None:
    """Where parsed files are cached: $FACTCHECK_CACHE_DIR ("" or "off": nowhere), else
    $XDG_CACHE_HOME/factcheck or ~/.cache/factcheck.  Never inside the fact base."""
    setting = os.environ.get("FACTCHECK_CACHE_DIR")
    if setting is not None:
        return None if setting in ("", "off") else Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factcheck"


def trusted(cache: Path) -> bool:
    """Entries are pickles, so a cache directory is used only when nobody else can write to it:
    it is ours and not group- or world-writable (or it does not exist yet and we create it 0700)."""
    try:
        status = cache.stat()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    owner = getattr(os, "getuid", None)
    return (owner is None or status.st_uid == owner()) and not status.st_mode & 0o022


@functools.cache
def _salt() -> bytes | None:
    """A digest of Python, the schema and every module of factcheck, part of every cache key: an
    entry made by other code or for another schema is never used.  None when factcheck's own
    sources cannot be read (a zipped or bytecode-only install): no key could then tell one version
    of the code from another, so nothing is cached."""
    package = Path(__file__).resolve().parent
    modules = sorted(package.rglob("*.py"))
    if package / "__init__.py" not in modules:
        return None
    digest = hashlib.blake2b(f"{sys.version}\0{_PROTOCOL}\0".encode(), digest_size=16)
    try:
        digest.update(schema_text().encode() + b"\0")
        for module in modules:
            digest.update(module.relative_to(package).as_posix().encode() + b"\0" + module.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.digest()


def cache_store() -> tuple[Path, bytes] | None:
    """Where entries are cached and the salt of their keys, or None when nothing is: the cache is
    off, its directory is not trusted, or there is no salt."""
    cache = cache_dir()
    if cache is None or not trusted(cache):
        return None
    salt = _salt()  # after those tests: hashing the package costs ~3 ms
    return None if salt is None else (cache, salt)


def look_up(path: Path, name: str, store: tuple[Path, bytes] | None) -> tuple[Prepared | None, str, Path | None]:
    """Read a file (`read_text`, so `CannotRead` as the engine would raise it) and find its cached
    result in `store` (see `cache_store`): (result or None, text, cache entry)."""
    text, problems = read_text(path, name)
    if text is None:
        return (Loaded(name, None, problems), []), "", None
    if store is None:
        return None, text, None
    cache, salt = store
    key = hashlib.blake2b(name.encode() + b"\0" + text.encode(), key=salt, digest_size=20).hexdigest()
    entry = cache / f"{key}.pickle"
    return _read_entry(entry), text, entry


def check(text: str, name: str) -> Prepared:
    """Exactly what the engine does to a file's text: `load_text`, then `validate` when it loaded cleanly."""
    result = load_text(text, name)
    return result, validate(result.data, name) if result.data is not None and not result.findings else []


def compute(text: str, name: str, entry: Path | None) -> Prepared:
    """`check`, with the result stored under `entry`."""
    value = check(text, name)
    if entry is not None:
        _write_entry(entry, _pickled(value))
    return value


def _pickled(value: Prepared) -> bytes:
    """The value pickled, or b"" when it cannot be (nesting too deep for pickle's recursion)."""
    try:
        return pickle.dumps(value, _PROTOCOL)
    except (RecursionError, pickle.PicklingError):
        return b""


def _read_entry(entry: Path) -> Prepared | None:
    value = _unpickled(entry)
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], Loaded) and isinstance(value[1], list):
        return value
    return None


def _unpickled(entry: Path) -> object:
    """The entry's value, or None when it is missing, damaged or foreign (just a miss)."""
    try:
        with entry.open("rb") as handle:
            return pickle.load(handle)
    except Exception:  # noqa: BLE001 - any failure to read an entry is a miss
        return None


def _write_entry(entry: Path, blob: bytes) -> None:
    """Store an entry atomically; any failure (read-only disk, nothing to store) is harmless."""
    if not blob:
        return
    temporary = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
    try:
        entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        temporary.write_bytes(blob)
        os.replace(temporary, entry)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()


def _compute_many(jobs: list[tuple[str, str, Path | None]]) -> list[bytes]:
    """In the second process: compute each file, store it and send it back, pickled once."""
    out = []
    for text, name, entry in jobs:
        blob = _pickled(check(text, name))  # b"": too deep to send, the main process computes it
        if entry is not None:
            _write_entry(entry, blob)
        out.append(blob)
    return out


def _remote_share(misses: list[tuple[str, str, Path | None]]) -> list[tuple[str, str, Path | None]]:
    """The first files, about half of the uncached text, for a second process, when that pays."""
    total = sum(len(text) for text, _, _ in misses)
    if len(misses) < 2 or total < PARALLEL_MIN_BYTES or (os.cpu_count() or 1) < 2:
        return []
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:  # forking a threaded process can deadlock
        return []
    import multiprocessing  # here: it costs ~6 ms to import, which a small base never repays

    if "fork" not in multiprocessing.get_all_start_methods():
        return []
    running, cut = 0, 0
    while cut < len(misses) - 1 and running < total / 2:
        running += len(misses[cut][0])
        cut += 1
    return misses[:cut]


class Preloaded:
    """The engine's `load_file` and `validate`, answered from work done ahead: cached files cost
    a read and an unpickle, and the others are split between this process and one more.

    Results are those of the plain functions, file for file; anything not prepared ahead (or a
    different call) falls through to them.
    """

    def __init__(self, paths: Sequence[Path], names: Sequence[str]) -> None:
        self._done: dict[str, Prepared | CannotRead] = {}
        self._checked: dict[str, tuple[Any, list[Finding]]] = {}
        #: each file's text, for reports that quote the offending line (a cached result has none)
        self._texts: dict[str, str] = {}
        store = cache_store()
        misses: list[tuple[str, str, Path | None]] = []
        for name, path in dict(zip(names, paths, strict=True)).items():
            try:
                hit, text, entry = look_up(path, name, store)
            except CannotRead as exc:
                self._done[name] = exc
                continue
            self._texts[name] = text
            if hit is not None:
                self._done[name] = hit
            else:
                misses.append((text, name, entry))
        remote = _remote_share(misses)
        pool, pending = None, None
        if remote:
            import multiprocessing

            pool = multiprocessing.get_context("fork").Pool(1)
            pending = pool.apply_async(_compute_many, (remote,))
        local = misses[len(remote):][::-1]
        del misses
        while local:  # popped, so that each text is freed once its file is done (peak memory)
            text, name, entry = local.pop()
            self._done[name] = compute(text, name, entry)
        if pool is not None and pending is not None:
            try:
                blobs = pending.get()[::-1]
            finally:
                pool.close()
                pool.join()
            remote.reverse()
            while blobs:
                blob, (text, name, entry) = blobs.pop(), remote.pop()
                self._done[name] = pickle.loads(blob) if blob else compute(text, name, entry)

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


# --- findings that depend on one fact file and its source alone, cached per file -------------

def per_file(base: FactBase, texts: Mapping[str, str], check: Callable[[FactBase], list[Finding]]) -> list[Finding]:
    """`check` run on each fact file's part of `base` (its documents, facts and source text), for
    findings that depend on nothing else.  Each file's findings are cached under a hash of the
    file's name and text (`texts`), its source's text and the units its facts resolved to (units
    may be declared in another file), salted like every entry (`cache_store`)."""
    by_file: dict[str, dict[str, Fact]] = {}
    for fact in base.facts.values():
        by_file.setdefault(fact.document.path, {})[fact.id] = fact
    documents: dict[str, list[Document]] = {}
    for document in base.documents:
        documents.setdefault(document.path, []).append(document)
    store = cache_store()
    findings: list[Finding] = []
    for name, facts in by_file.items():
        source = base.source_texts.get(name)
        part = FactBase(documents=documents.get(name, []), facts=facts,
                        source_texts={} if source is None else {name: source})
        entry = None
        if store is not None:
            cache, salt = store
            entry = cache / f"{_part_key(salt, name, texts.get(name, ''), source, facts)}.pickle"
        found = _unpickled(entry) if entry is not None else None
        if not (isinstance(found, list) and all(isinstance(item, Finding) for item in found)):
            found = check(part)
            if entry is not None:
                _write_entry(entry, pickle.dumps(found, _PROTOCOL))
        findings.extend(found)
    return findings


def _part_key(salt: bytes, name: str, text: str, source: str | None, facts: Mapping[str, Fact]) -> str:
    units = {id(fact.unit): fact.unit for fact in facts.values()}  # the builder shares one per unit text
    digest = hashlib.blake2b(key=salt, digest_size=20)
    sourced = "no source" if source is None else f"source {source}"
    for piece in (name, text, sourced, *sorted(map(repr, units.values()))):
        digest.update(f"{len(piece)}:{piece}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()

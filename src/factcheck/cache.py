"""Where work on unchanged files is kept between runs, and under which keys.

Each entry is a value computed from a few texts alone (a fact file's, its source's), stored under
a digest of those texts salted with the code and schema that computed it, outside the fact base
(see `cache_dir`).  Entries hold plain JSON (see factcheck.cachecodec), so reading one can never
run code; a damaged or foreign entry is just a miss.  What they say is still believed, so a
directory others can write to is not used at all (`trusted`).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sys
from pathlib import Path
from typing import NamedTuple

from factcheck.schema import schema_text


class Store(NamedTuple):
    """A trusted cache directory and the salt of its keys."""

    directory: Path
    salt: bytes


def cache_dir() -> Path | None:
    """Where parsed files are cached: $FACTCHECK_CACHE_DIR ("" or "off": nowhere), else
    $XDG_CACHE_HOME/factcheck or ~/.cache/factcheck.  Never inside the fact base."""
    setting = os.environ.get("FACTCHECK_CACHE_DIR")
    if setting is not None:
        return None if setting in ("", "off") else Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factcheck"


def trusted(cache: Path) -> bool:
    """Entries are believed, so a cache directory is used only when nobody else can write to it:
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
    """A digest of Python, the byte order, the schema and every module of factcheck, part of every
    cache key: an entry made by other code or for another schema is never used.  None when factcheck's own
    sources cannot be read (a zipped or bytecode-only install): no key could then tell one version
    of the code from another, so nothing is cached."""
    package = Path(__file__).resolve().parent
    modules = sorted(package.rglob("*.py"))
    if package / "__init__.py" not in modules:
        return None
    digest = hashlib.blake2b(f"{sys.version}\0{sys.byteorder}\0".encode(), digest_size=16)
    try:
        digest.update(schema_text().encode() + b"\0")
        for module in modules:
            digest.update(module.relative_to(package).as_posix().encode() + b"\0" + module.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.digest()


def cache_store() -> Store | None:
    """Where entries are cached and the salt of their keys, or None when nothing is: the cache is
    off, its directory is not trusted, or there is no salt."""
    cache = cache_dir()
    if cache is None or not trusted(cache):
        return None
    salt = _salt()  # after those tests: hashing the package costs ~3 ms
    return None if salt is None else Store(cache, salt)


def entry_path(store: Store, *pieces: str) -> Path:
    """The entry of a value computed from `pieces` alone (each length-prefixed: no two lists of
    pieces share a key)."""
    digest = hashlib.blake2b(key=store.salt, digest_size=20)
    for piece in pieces:
        digest.update(f"{len(piece)}:{piece}".encode("utf-8", "surrogatepass"))
    return store.directory / f"{digest.hexdigest()}.json"


def read_entry(entry: Path) -> bytes | None:
    """The entry's bytes, or None when it cannot be read (a miss)."""
    try:
        return entry.read_bytes()
    except OSError:
        return None


def write_entry(entry: Path, blob: bytes) -> None:
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

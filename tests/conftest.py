"""Shared test settings: the hypothesis profile, the session's cache directory and `REPO`.

Fact bases for tests are written with tests/factbase.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parents[1]

# Speed is measured in benchmarks/, not here: no per-example deadline (the first example also
# pays for compiling the schema, which would make timings flaky).
settings.register_profile("factcheck", deadline=None)
settings.load_profile("factcheck")


@pytest.fixture(autouse=True)
def _session_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """factcheck caches in a directory of this test session, never in the user's ~/.cache (tests
    that are about the cache set their own)."""
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "factcheck-cache"))

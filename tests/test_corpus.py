"""The corpus (corpus/README.md): each real document's fact base verifies clean, exit 0.

A PDF or HTML source needs its reader (issue 15, item 1: `factcheck.pdfsource`,
`factcheck.htmlsource`); until that is merged those documents are skipped, and then they run.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO
from factcheck.cli import main

CORPUS = REPO / "corpus"

# the summary of `factcheck verify` on each document factcheck reads today; the acknowledged
# findings are factcheck's limitations (corpus/README.md), to be removed as they are fixed
SUMMARIES = {
    "dod-2017-08-24-strikes": "0 errors, 0 warnings, 9 acknowledged; 30 facts, 9 rules in 1 file",
    "dod-2017-08-31-strikes": "0 errors, 0 warnings, 7 acknowledged; 31 facts, 9 rules in 1 file",
    "fjv-2018-rijksrekening": "0 errors, 0 warnings, 36 acknowledged; 19 facts, 6 rules in 1 file",
}

READERS = {".pdf": "factcheck.pdfsource", ".html": "factcheck.htmlsource"}


def documents() -> list[str]:
    return sorted(path.parent.name for path in CORPUS.glob("*/facts.yaml"))


def source(name: str) -> Path:
    (path,) = (CORPUS / name).glob("source.*")
    return path


def reader_missing(name: str) -> str | None:
    module = READERS.get(source(name).suffix)
    if module is None or importlib.util.find_spec(module) is not None:
        return None
    return f"{source(name).suffix} sources need {module} (issue 15, item 1), not merged yet"


def test_the_corpus_has_seven_documents_each_in_the_readme() -> None:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    assert len(documents()) == 7
    assert [name for name in documents() if f"`{name}`" not in readme] == []


@pytest.mark.parametrize("name", documents())
def test_the_fact_base_verifies(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = reader_missing(name)
    if missing:
        pytest.skip(missing)
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(main, ["verify", f"corpus/{name}/facts.yaml"], prog_name="factcheck")
    assert result.exit_code == 0, result.output
    if name in SUMMARIES:
        assert result.output.splitlines()[-1] == SUMMARIES[name]


def test_every_document_factcheck_reads_today_has_its_summary_pinned() -> None:
    assert [name for name in documents() if reader_missing(name) is None and name not in SUMMARIES] == []

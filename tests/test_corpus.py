"""The corpus (corpus/README.md, docs/corpus.md): each real document's fact base verifies clean,
exit 0, with nothing acknowledged: every finding factcheck raised on them was its own limitation,
now fixed, or a quote that states several values and names the one meant with `at:`."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import REPO
from factcheck.cli import main

CORPUS = REPO / "corpus"

# the summary of `factcheck verify` on each document
SUMMARIES = {
    "dod-2017-08-24-strikes": "0 errors, 0 warnings, 0 acknowledged; 30 facts, 9 rules in 1 file",
    "dod-2017-08-31-strikes": "0 errors, 0 warnings, 0 acknowledged; 31 facts, 9 rules in 1 file",
    "federal-register-2020-17221": "0 errors, 0 warnings, 0 acknowledged; 30 facts, 10 rules in 1 file",
    "fjv-2017-rijksrekening-html": "0 errors, 0 warnings, 0 acknowledged; 16 facts, 5 rules in 1 file",
    "fjv-2018-rijksrekening": "0 errors, 0 warnings, 0 acknowledged; 19 facts, 6 rules in 1 file",
    "nics-2015-11": "0 errors, 0 warnings, 0 acknowledged; 43 facts, 7 rules in 1 file",
    "senate-expenditures": "0 errors, 0 warnings, 0 acknowledged; 34 facts, 9 rules in 1 file",
}


def documents() -> list[str]:
    return sorted(path.parent.name for path in CORPUS.glob("*/facts.yaml"))


def test_the_corpus_has_seven_documents_each_in_the_readme_and_the_docs() -> None:
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    docs = (REPO / "docs" / "corpus.md").read_text(encoding="utf-8")
    assert documents() == sorted(SUMMARIES)
    assert [name for name in documents() if f"`{name}`" not in readme or f"`{name}`" not in docs] == []


@pytest.mark.parametrize("name", documents())
def test_the_fact_base_verifies(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(main, ["verify", f"corpus/{name}/facts.yaml"], prog_name="factcheck")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == SUMMARIES[name]

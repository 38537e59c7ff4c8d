"""The corpus of broken and hostile fact bases in tests/bad_inputs/, each with its exact outcome.

Every case is ``NAME.yaml`` (its first line says what is wrong) or, for byte-level and large
inputs, a generator below; tests/bad_inputs/expected.yaml maps NAME to its exit code and its exact
finding lines (stdout without the summary line), or for exit 2 to its one stderr line.  Committed
cases run in tests/bad_inputs/ itself; generated ones in a fresh directory that is its own
repository.  After a deliberate change of messages, rewrite the expectations and review the diff:

    python tests/test_bad_inputs.py
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).parent))  # robustness_support, also when run as a script

from factcheck.loader import MAX_FILE_BYTES
from factcheck.sourcedoc import MAX_PDF_BYTES, MAX_PDF_PAGES
from robustness_support import (
    CORPUS,
    Outcome,
    assert_well_behaved,
    invoke,
    invoke_subprocess,
    working_directory,
)

EXPECTED = CORPUS / "expected.yaml"
HEADER = """\
# Expected outcome of each case in this directory (see tests/test_bad_inputs.py).
# args: the command line (default: verify NAME.yaml), run in this directory; generated: the case is
# written by the test at run time.  lines: stdout without its summary line; stderr: exit 2's one line.
# Rewrite with `python tests/test_bad_inputs.py` after a deliberate change, then review the diff.
"""

BASE = """\
document:
  id: letter
  title: Een brief
  date: "2015-11-02"
  language: nl
  source: sources/letter.txt
facts:
  - id: budget
    quantity: budget-2015
    value: 122
    unit: EUR million
    section: Financiën
    quote: "opgehoogd naar 122 miljoen euro"
  - id: air
    quantity: budget-2015-air
    value: 77.5
    unit: EUR million
    section: Financiën
    quote: "Daarvan is 77,5 miljoen euro bestemd"
  - id: training
    quantity: budget-2015-training
    value: 44.5
    unit: EUR million
    section: Financiën
    quote: "44,5 miljoen euro voor de trainingsmissie"
rules:
  - id: split
    kind: sum
    total: budget
    parts: [air, training]
"""
FACT = """\
  - id: fact-{i}
    quantity: {quantity}
    value: {i}
    unit: persons
    section: Financiën
    quote: "opgehoogd naar 122 miljoen euro"
"""

FLOW_FACT = "  - {{id: f{i}, quantity: {quantity}, value: 1, unit: persons, section: Financiën, quote: x}}\n"

#: what a generator returns is ignored (a write_text count, a list of them)
Generator = Callable[[Path, str], object]


def _with_source(source: str) -> str:
    return BASE.replace("source: sources/letter.txt", f"source: {source}")


def _write(text: str | bytes) -> Generator:
    def generate(folder: Path, name: str) -> None:
        data = text.encode("utf-8") if isinstance(text, str) else text
        (folder / f"{name}.yaml").write_bytes(data)

    return generate


def _source_case(source: str, make: Callable[[Path], object]) -> Generator:
    def generate(folder: Path, name: str) -> None:
        make(folder / "sources")
        (folder / f"{name}.yaml").write_text(_with_source(source), encoding="utf-8")

    return generate


def _symlink_loop(first: Path, second: Path) -> None:
    first.symlink_to(second.name)
    second.symlink_to(first.name)


def _pdf(pages: int = 1, text: str = "Het budget is opgehoogd naar 122 miljoen euro.", password: str = "") -> bytes:
    """A real PDF made by fpdf2: `pages` pages, the first with `text` (none: a drawing only)."""
    from fpdf import FPDF

    pdf = FPDF()
    if password:
        pdf.set_encryption(owner_password="owner", user_password=password)
    for _ in range(pages):
        pdf.add_page()
    pdf.page = 1
    if text:
        pdf.set_font("helvetica", size=12)
        pdf.cell(0, 10, text)
    else:
        pdf.rect(20, 20, 100, 50, style="F")
    return bytes(pdf.output())


#: a PDF whose page tree (object 2) is a reference to itself
SELF_REFERENCE = (
    b'%PDF-1.4\n'
    b'1 0 obj\n'
    b'<< /Type /Catalog /Pages 2 0 R >>\n'
    b'endobj\n'
    b'2 0 obj\n'
    b'2 0 R\n'
    b'endobj\n'
    b'xref\n'
    b'0 3\n'
    b'0000000000 65535 f \n'
    b'0000000009 00000 n \n'
    b'0000000058 00000 n \n'
    b'trailer\n'
    b'<< /Size 3 /Root 1 0 R >>\n'
    b'startxref\n'
    b'79\n'
    b'%%EOF\n'
)


def _pdf_case(make: Callable[[], bytes]) -> Generator:
    return _source_case("sources/letter.pdf", lambda d: (d / "letter.pdf").write_bytes(make()))


def _nested(opening: str, closing: str, depth: int) -> str:
    return "facts: " + opening * depth + closing * depth + "\n"


#: NAME -> writes NAME.yaml (and whatever else it needs) into a fresh repository directory.
GENERATED: dict[str, Generator] = {
    "bom-then-duplicate-key": _write("\ufeff" + BASE.replace("  id: letter\n", "  id: letter\n  id: brief\n")),
    "not-utf8-in-quote": _write(BASE.encode().replace(b"122 miljoen", b"122 \xff miljoen")),
    "latin1-file": _write(BASE.encode().replace("Financiën".encode(), "Financiën".encode("latin-1"))),
    "utf16-file": _write(BASE.encode("utf-16")),
    "raw-nul": _write(BASE.replace("Een brief", "Een\x00brief")),
    "raw-control-in-quote": _write(BASE.replace("opgehoogd naar", "opgehoogd\x01naar")),
    "raw-del-in-quote": _write(BASE.replace("opgehoogd naar", "opgehoogd\x7fnaar")),
    "raw-c1-in-section": _write(BASE.replace("Financiën", "Financi\x9bn", 1)),
    "ten-mb-single-line": _write("title: " + "x" * (10 * 1024 * 1024) + "\n"),
    "seven-mb-quote": _write(BASE.replace("opgehoogd naar 122 miljoen euro", "x" * (7 * 1024 * 1024))),
    "quote-too-long": _write(BASE.replace("opgehoogd naar 122 miljoen euro", "x" * 2001)),
    "deep-flow-sequence": _write(_nested("[", "]", 10_000)),
    "deep-flow-mapping": _write(_nested("{a: ", "}", 10_000)),
    "deep-block-sequence": _write("facts:\n" + "- " * 10_000 + "x\n"),
    "deep-just-over-limit": _write(_nested("[", "]", 33)),
    "too-many-facts": lambda folder, name: [  # four files of 25,001: within the file limits, not the total
        (folder / f"{name}-{part}.yaml").write_text(BASE.split("facts:")[0] + "facts:\n" + "".join(
            FLOW_FACT.format(i=f"{part}-{i}", quantity=f"q{part}-{i}") for i in range(25_001)), encoding="utf-8")
        for part in range(4)],
    "newline-in-file-name": lambda folder, _: (folder / "bad\nname.yaml").write_text("a: [\n", encoding="utf-8"),
    "too-many-nodes": _write("facts:\n" + "- x\n" * 1_000_000),
    "too-many-findings": _write("a: 1\n" * 1002),
    "too-many-pairs": _write(BASE.split("facts:")[0] + "facts:\n"
                             + "".join(FACT.format(i=i, quantity="q") for i in range(448))),
    "source-symlink-out": _source_case("sources/out.txt", lambda d: (d / "out.txt").symlink_to("/etc/passwd")),
    "source-symlinked-dir-out": _source_case("sources/root/etc/passwd", lambda d: (d / "root").symlink_to("/")),
    "source-symlink-loop": _source_case("sources/loop-a", lambda d: _symlink_loop(d / "loop-a", d / "loop-b")),
    "source-fifo": _source_case("sources/pipe", lambda d: os.mkfifo(d / "pipe")),
    "source-too-big": _source_case("sources/big.txt",
                                   lambda d: (d / "big.txt").write_bytes(b"x" * (MAX_FILE_BYTES + 1))),
    "source-zero-bytes": _source_case("sources/empty.txt", lambda d: (d / "empty.txt").write_bytes(b"")),
    "source-whitespace-only": _source_case("sources/blank.txt",
                                           lambda d: (d / "blank.txt").write_text(" \n\t\n\n", encoding="utf-8")),
    "source-pdf-encrypted": _pdf_case(lambda: _pdf(password="secret")),
    "source-pdf-no-text-layer": _pdf_case(lambda: _pdf(text="")),
    "source-pdf-truncated": _pdf_case(lambda: _pdf()[:600]),
    "source-pdf-garbage": _pdf_case(lambda: b"%PDF-1.7\n" + bytes(range(256)) * 64),
    "source-pdf-too-many-pages": _pdf_case(lambda: _pdf(pages=MAX_PDF_PAGES + 1)),
    "source-pdf-too-big": _pdf_case(lambda: b"%PDF-1.7\n" + b" " * MAX_PDF_BYTES),
    # the page tree is an object that refers to itself: pdfminer loops until the time limit
    "source-pdf-self-reference": _pdf_case(lambda: SELF_REFERENCE),
    "source-not-utf8": _source_case("sources/latin1.txt",
                                    lambda d: (d / "latin1.txt").write_bytes("Financiën".encode("latin-1"))),
}


def load_expected() -> dict[str, dict[str, Any]]:
    expected: dict[str, dict[str, Any]] = yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))
    return expected


def committed_cases() -> list[str]:
    return sorted(path.stem for path in CORPUS.glob("*.yaml") if path != EXPECTED)


def generated_repository(root: Path, name: str) -> Path:
    """A fresh directory with .git (so it is a repository root) and the corpus's sources, holding case NAME."""
    folder = root / name
    (folder / ".git").mkdir(parents=True)
    shutil.copytree(CORPUS / "sources", folder / "sources")
    GENERATED[name](folder, name)
    return folder


def run_case(name: str, spec: dict[str, Any], scratch: Path, *, subprocess: bool = False) -> Outcome:
    folder = generated_repository(scratch, name) if spec.get("generated") else CORPUS
    args = spec.get("args") or ["verify", f"{name}.yaml"]
    return (invoke_subprocess if subprocess else invoke)(args, folder)


def test_the_corpus_is_complete() -> None:
    """Every committed case and every generator has an expectation, and every expectation a case."""
    expected = load_expected()
    with_files = {name for name, spec in expected.items() if not spec.get("generated") and not spec.get("args")}
    generated = {name for name, spec in expected.items() if spec.get("generated")}
    assert with_files == set(committed_cases())
    assert generated == set(GENERATED)
    assert len(expected) >= 50


@pytest.mark.parametrize(("name", "spec"), sorted(load_expected().items()))
def test_case(name: str, spec: dict[str, Any], tmp_path: Path) -> None:
    """Each case exits 1 with exactly its located findings, or 2 with exactly its one line."""
    outcome = run_case(name, spec, tmp_path)
    assert_well_behaved(outcome)
    assert outcome.exit == spec["exit"]
    if spec["exit"] == 2:
        assert outcome.stderr == spec["stderr"] + "\n"
    else:
        assert outcome.finding_lines() == spec["lines"]
        assert outcome.stdout.splitlines()[-1].startswith(f"{outcome.error_count()} error")


HOSTILE = ["ten-mb-single-line", "seven-mb-quote", "deep-flow-sequence", "deep-block-sequence", "too-many-facts",
           "source-too-big", "alias-bomb", "unsafe-python-apply"]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_case_in_a_real_process(name: str, tmp_path: Path) -> None:
    """In a real interpreter limited to 1 GiB of address space, a hostile case gives the same outcome."""
    spec = load_expected()[name]
    outcome = run_case(name, spec, tmp_path, subprocess=True)
    assert_well_behaved(outcome)
    assert (outcome.exit, outcome.finding_lines()) == (spec["exit"], spec["lines"])


def test_unsafe_tags_execute_nothing(tmp_path: Path) -> None:
    """The !!python/object/apply and /new payloads would create a file; verify never creates it."""
    live = tmp_path / "live"
    live.mkdir()
    payload = (CORPUS / "unsafe-python-apply.yaml").read_text(encoding="utf-8")
    with working_directory(live):  # the control: PyYAML's unsafe loader does run the payload
        yaml.unsafe_load(payload)
    assert (live / "factcheck-was-here").exists()
    folder = tmp_path / "repo"
    (folder / ".git").mkdir(parents=True)
    names = ["unsafe-python-apply.yaml", "unsafe-python-object-new.yaml", "unsafe-python-name.yaml"]
    for name in names:
        shutil.copy(CORPUS / name, folder)
        assert invoke(["verify", name], folder).exit == 1
        assert invoke_subprocess(["verify", name], folder).exit == 1
    assert sorted(path.name for path in folder.iterdir()) == sorted([".git", *names])


def test_a_symlinked_source_inside_the_repository_is_read(tmp_path: Path) -> None:
    """A source reached through a symlink that stays inside the repository is fine: exit 0."""
    folder = tmp_path / "repo"
    (folder / ".git").mkdir(parents=True)
    shutil.copytree(CORPUS / "sources", folder / "sources")
    (folder / "sources" / "link.txt").symlink_to("letter.txt")
    (folder / "facts.yaml").write_text(_with_source("sources/link.txt"), encoding="utf-8")
    outcome = invoke(["verify", "facts.yaml"], folder)
    assert (outcome.exit, outcome.finding_lines(), outcome.stderr) == (0, [], "")


def test_a_refused_source_is_never_opened(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sources outside the repository are refused before any open(), and their path is not echoed."""
    opened: list[str] = []
    real_open = Path.open

    def spy(self: Path, *args: Any, **kwargs: Any) -> Any:
        opened.append(os.path.realpath(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    for name in ("source-dotdot", "source-absolute"):
        outcome = invoke(["verify", f"{name}.yaml"], CORPUS)
        assert outcome.exit == 1
        # the finding does not repeat the path (the excerpt under it shows the curator's own line)
        assert "passwd" not in "\n".join(outcome.finding_lines())
        assert "root:" not in outcome.stdout
    folder = generated_repository(tmp_path, "source-symlink-out")
    outcome = invoke(["verify", "source-symlink-out.yaml"], folder)
    assert outcome.exit == 1
    assert "passwd" not in outcome.stdout
    assert [path for path in opened if "passwd" in path] == []
    assert opened  # the spy saw the fact files being opened


class _ExpectedDumper(yaml.SafeDumper):
    """Block style, with strings that hold a line break double-quoted (``"bad\\nname.yaml"``)."""


_ExpectedDumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style='"' if "\n" in text else None))


def update_expected() -> None:
    """Run every case and rewrite expected.yaml (keeping each case's args and generated marks)."""
    import tempfile

    old = load_expected() if EXPECTED.exists() else {}
    names = {*committed_cases(), *GENERATED, *old}
    result: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for name in sorted(names):
            spec = {key: old.get(name, {})[key] for key in ("args",) if key in old.get(name, {})}
            if name in GENERATED:
                spec["generated"] = True
            outcome = run_case(name, spec, Path(scratch))
            spec["exit"] = outcome.exit
            if outcome.exit == 2:
                spec["stderr"] = outcome.stderr.rstrip("\n")
            else:
                spec["lines"] = outcome.finding_lines()
            result[name] = spec
    text = yaml.dump(result, Dumper=_ExpectedDumper, allow_unicode=True, sort_keys=False, width=1_000_000)
    EXPECTED.write_text(HEADER + text, encoding="utf-8")
    print(f"wrote {len(result)} cases to {EXPECTED}")


if __name__ == "__main__":
    update_expected()

"""PDF and HTML sources: read into the same structure as a text source (lines, headings, page
furniture, table rows with tab-separated cells), located by page and line in a PDF, and checked
exactly as the text is.  The letter's renderings are benchmarks/render_letter.py's; the corpus PDFs
are real US government publications (tests/data/corpus/README.md)."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.cachecodec import decode_document, encode_document
from factcheck.htmlsource import read_html
from factcheck.pdfsource import read_pdf
from factcheck.sourcedoc import SourceDocument, Unreadable, read_document
from factcheck.sourcetext import prepare
from robustness_support import REPO, Outcome, assert_well_behaved, invoke, invoke_subprocess
from test_reporting import json_errors, sarif_errors

LETTER = REPO / "sources" / "kst-27925-565"
CORPUS = REPO / "tests" / "data" / "corpus"
FACTS = (REPO / "facts.yaml").read_text(encoding="utf-8")
TEXT_SOURCE = "source: sources/kst-27925-565.txt"
#: planted errors: a quote one digit off, a value that is not the quote's, a wrong section
PLANTED = [("quote: \"geraamd op 100 miljoen euro\"", "quote: \"geraamd op 101 miljoen euro\""),
           ("value: 60\n", "value: 61\n"),
           ("section: Financiën\n    quote: \"40 miljoen", "section: Dreiging\n    quote: \"40 miljoen")]


def _repository(tmp_path: Path, suffix: str, planted: bool = False) -> Path:
    folder = tmp_path / f"{suffix}-{planted}"
    (folder / ".git").mkdir(parents=True)
    (folder / "sources").mkdir()
    shutil.copy(LETTER.with_suffix(f".{suffix}"), folder / "sources")
    text = FACTS.replace(TEXT_SOURCE, f"source: sources/kst-27925-565.{suffix}")
    for old, new in PLANTED if planted else []:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    (folder / "facts.yaml").write_text(text, encoding="utf-8")
    return folder


def _findings(outcome: Outcome) -> list[tuple[str, str, tuple[str, ...], str | None]]:
    """Each finding's kind, message, facts and acknowledgement, with places in the source left out."""
    findings = json.loads(outcome.stdout)["findings"]
    return [(f["kind"], re.sub(r"\((page \d+, )?line \d+\)|kst-27925-565\.\w+", "…", f["message"]), tuple(f["facts"]),
             f["acknowledged"] and f["acknowledged"]["reason"]) for f in findings]


@pytest.mark.parametrize("planted", [False, True], ids=["shipped", "planted-errors"])
def test_the_letter_as_pdf_and_html_verifies_as_the_text(tmp_path: Path, planted: bool) -> None:
    """The shipped base with only `source:` changed: the same exit code and the same findings, modulo
    where in the source they point."""
    outcomes = {suffix: invoke(["verify", "--format", "json", "facts.yaml"], _repository(tmp_path, suffix, planted))
                for suffix in ("txt", "pdf", "html")}
    for outcome in outcomes.values():
        assert_well_behaved(outcome)
    assert {suffix: outcome.exit for suffix, outcome in outcomes.items()} == dict.fromkeys(outcomes, int(planted))
    expected = _findings(outcomes["txt"])
    assert len(expected) == (4 if planted else 1)
    assert _findings(outcomes["pdf"]) == expected
    assert _findings(outcomes["html"]) == expected


def test_a_place_in_a_pdf_is_its_page_and_line_in_every_format(tmp_path: Path) -> None:
    """The closest passage of a quote not found, in text, parsable, github, json, sarif, and in show."""
    folder = _repository(tmp_path, "pdf", planted=True)
    text = invoke(["verify", "facts.yaml"], folder).stdout
    assert ("error quote: quote of budget-2015-initial not found in sources/kst-27925-565.pdf; closest passage "
            "(page 15, line 29): \"geraamd op 100 miljoen euro\"") in text
    assert "sources/kst-27925-565.pdf:p15:29:64: note: the closest passage" in text
    assert "quote of budget-2015-initial-training stands under section \"Financiën\" (page 15, line 27)" in text
    # from the cache now: its entries keep the page
    github = invoke(["verify", "--format", "github", "facts.yaml"], folder).stdout
    assert "%0Asources/kst-27925-565.pdf:p15:29:64: the closest passage" in github
    parsable = invoke(["verify", "--format", "parsable", "facts.yaml"], folder).stdout
    assert "closest passage (page 15, line 29)" in parsable
    document = json.loads(invoke(["verify", "--format", "json", "facts.yaml"], folder).stdout)
    assert json_errors(document) == []
    related = [r["location"] for f in document["findings"] for r in f["related"]
               if r["location"]["file"].endswith(".pdf")]
    # the acknowledged calendar finding's place in the source, then the closest passage
    assert related == [{"file": "sources/kst-27925-565.pdf", "line": 46, "column": 58, "page": 14},
                       {"file": "sources/kst-27925-565.pdf", "line": 29, "column": 64, "page": 15}]
    sarif = json.loads(invoke(["verify", "--format", "sarif", "facts.yaml"], folder).stdout)
    regions = [r["physicalLocation"]["region"] for result in sarif["runs"][0]["results"]
               for r in result.get("relatedLocations", []) if r["physicalLocation"]["artifactLocation"]["uri"]
               .endswith(".pdf")]
    assert regions == [{"startLine": 46, "startColumn": 58, "properties": {"page": 14}},
                       {"startLine": 29, "startColumn": 64, "properties": {"page": 15}}]
    assert sarif_errors(sarif) == []
    show = invoke(["show", "budget-2015-initial-air", "facts.yaml"], folder).stdout
    assert ("quote: sources/kst-27925-565.pdf:p15:30:34\n"
            "  p15 29 | werden tot het einde van het initiële mandaat (2 oktober 2015) geraamd\n"
            "> p15 30 | op 100 miljoen euro. Hiervan was 60 miljoen euro bestemd voor de\n"
            "> p15 31 | luchtcampagne en 40 miljoen euro voor de trainingsmissie.\n"
            "         |\n") in show


def test_coverage_and_the_report_locate_pdf_numbers_by_page(tmp_path: Path) -> None:
    folder = _repository(tmp_path, "pdf")
    text = (folder / "facts.yaml").read_text(encoding="utf-8")
    (folder / "facts.yaml").write_text(text.replace("quote: \"geraamd op 100 miljoen euro\"",
                                                    "quote: \"Financiën\""), encoding="utf-8")
    coverage = invoke(["coverage", "facts.yaml"], folder)
    assert coverage.exit == 1
    assert coverage.stdout.startswith("sources/kst-27925-565.pdf:p15:30:4: uncovered \"100 miljoen\"\n")
    report = invoke(["report", "-o", "-", "facts.yaml"], _repository(tmp_path, "pdf", planted=True)).stdout
    assert '<span class="n">p15 29</span><span class="t">werden tot het einde' in report


def test_the_html_page_is_located_by_its_own_lines(tmp_path: Path) -> None:
    folder = _repository(tmp_path, "html", planted=True)
    lines = LETTER.with_suffix(".html").read_text(encoding="utf-8").splitlines()
    text = invoke(["verify", "facts.yaml"], folder).stdout
    found = re.search(r"sources/kst-27925-565\.html:(\d+):(\d+): note: the closest passage", text)
    assert found is not None
    assert lines[int(found[1]) - 1][int(found[2]) - 1:] == "geraamd"  # the passage runs on, as in the text


def test_a_check_of_a_text_source_imports_no_pdf_or_html_reader() -> None:
    """`factcheck verify` on the shipped letter: pdfminer and the readers stay unimported."""
    probe = ("import sys; from factcheck.cli import run; sys.argv = ['factcheck', 'verify', '-q']\n"
             "try:\n    run()\nexcept SystemExit as exc:\n    code = exc.code\n"
             "print(code, sorted(m for m in sys.modules if m.split('.')[0] in ('pdfminer', 'fpdf')"
             " or m in ('factcheck.pdfsource', 'factcheck.htmlsource', 'html.parser')))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True,
                          env={"FACTCHECK_CACHE_DIR": "off", "PATH": ""})
    assert done.stdout.split("\n")[-2] == "0 []"


def test_the_cli_reads_a_pdf_end_to_end(tmp_path: Path) -> None:
    """The real command in a child process, on a real PDF: a fact from the FBI's table, one from the
    Federal Register's cost table (after a page break in three columns), one wrong."""
    folder = tmp_path / "repo"
    (folder / ".git").mkdir(parents=True)
    shutil.copytree(CORPUS, folder / "sources")
    (folder / "facts.yaml").write_text(_CORPUS_FACTS, encoding="utf-8")
    outcome = invoke_subprocess(["verify", "facts.yaml"], folder)
    assert_well_behaved(outcome)
    assert outcome.finding_lines() == [
        "facts.yaml:16:12: error value: value 71138 items is not what the quote states: \"71,137\" (71137)"]
    assert outcome.exit == 1


_CORPUS_FACTS = """\
document:
  id: nics
  title: NICS Firearm Checks, November 2015
  date: "2015-11-30"
  language: en
  source: sources/nics-background-checks-2015-11.pdf
facts:
  - id: alabama-permit
    quantity: alabama-permit-checks
    value: 18870
    unit: items
    section: NICS Firearm Background Checks November - 2015
    quote: "Alabama 18,870"
  - id: alabama-total
    quantity: alabama-total-checks
    value: 71138
    unit: items
    section: NICS Firearm Background Checks November - 2015
    quote: "71,137"
"""


def test_pdf_furniture_headings_and_table_rows() -> None:
    """The FBI's table: each row one line with a tab between cells and never a heading; the page
    number line "Page 1 of 205" is furniture; the title (larger, bold) is the heading."""
    source = read_document("nics.pdf", (CORPUS / "nics-background-checks-2015-11.pdf").read_bytes())
    lines = source.text.split("\n")
    alabama = next(number for number, line in enumerate(lines, start=1) if line.startswith("Alabama"))
    assert lines[alabama - 1].split("\t")[:4] == ["Alabama", "18,870", "23,022", "22,650"]
    assert [lines[line - 1] for line in sorted(source.furniture)] == ["Page 1 of 205"]
    assert source.headings is not None
    assert source.headings[0] == (1, "NICS Firearm Background Checks November - 2015")
    assert all("\t" not in title for _, title in source.headings)


def test_pdf_columns_and_running_headers() -> None:
    """The Federal Register's three columns are read column by column; the running header and the
    printer's line at each page's edge are furniture, so a sentence runs on across a page break."""
    source = read_document("fr.pdf", (CORPUS / "federal-register-2020-17221.pdf").read_bytes())
    prepared = prepare(source)
    assert prepared.find("Lion Air Flight 610 accident")
    assert prepared.find("after takeoff from Soekarno-Hatta International Airport in Jakarta, Indonesia")
    assert prepared.find("The FAA estimates that this proposed AD affects 73 airplanes of U.S. registry.")
    titles = [heading.title for heading in prepared.headings]
    assert {"Background", "Costs of Compliance", "Comments Invited"} <= set(titles)
    header = "Federal Register / Vol. 85, No. 152 / Thursday, August 6, 2020 / Proposed Rules"
    lines = source.text.split("\n")
    assert all(line - 1 in {index for index, text in enumerate(lines) if header in text} or header not in
               lines[line - 1] for line in source.furniture)
    assert not any(header in text and number not in source.furniture for number, text in enumerate(lines, start=1))
    assert source.pages[-1] == 15


def test_a_header_cell_of_a_pdf_table_is_no_heading_and_offset_columns_keep_their_lines() -> None:
    """The Senate's bold header cells "DATES" / "POSTED" stand between table rows: cells, not a heading.
    The Federal Register's columns have offset baselines: a two-line heading in the middle column is
    read line by line, not as the letters of both lines interleaved."""
    senate = read_document("senate.pdf", (CORPUS / "senate-expenditures.pdf").read_bytes())
    assert senate.headings == ()
    register = read_document("fr.pdf", (CORPUS / "federal-register-2020-17221.pdf").read_bytes())
    assert register.headings is not None
    titles = [title for _, title in register.headings]
    assert "Explanation of Certain Provisions for Alternative Methods of Compliance (AMOCs)" in titles
    assert prepare(register).find("DATES: The FAA must receive comments on this proposed AD by September 21, 2020.")


def test_tight_print_keeps_its_words_apart() -> None:
    """The Senate's page sets words 1 pt apart in 5 pt type: read by their gaps, not glued."""
    source = read_document("senate.pdf", (CORPUS / "senate-expenditures.pdf").read_bytes())
    assert "BAIN, J MATTHEW\tDISTRICT DIRECTOR\t37,499.96" in source.text.split("\n")


def test_html_structure() -> None:
    """Markup is left out where it stands, inline tags join, blocks and cells separate, hidden text is
    none, entities decode, h1-h6 are the headings (a cell never), each on its file line."""
    page = ("<html><head><title>Titel 1</title><style>p {x: 2}</style></head><body>\n"
            "<h1>Finan<b>ci</b>&euml;n</h1><p>Het budget is\n"
            "opgehoogd naar 122&nbsp;miljoen euro.</p><script>var x = 3;</script>\n"
            "<table><tr><th>Post</th><th>Bedrag</th></tr>\n<tr><td><h3>Lucht</h3></td><td>77,5</td></tr></table>\n"
            "<h2>\nPolitiek</h2>\n")
    source = read_html(page)
    assert source.text.split("\n") == [
        "", " Financiën  Het budget is", "opgehoogd naar 122\u00a0miljoen euro.", "   Post \tBedrag",
        "   Lucht  \t77,5", "", "Politiek", ""]
    assert source.headings == ((2, "Financiën"), (7, "Politiek"))
    prepared = prepare(source)
    assert prepared.find("budget is opgehoogd naar 122 miljoen euro")
    assert [heading.group for heading in prepared.headings] == [("Financiën",), ("Politiek",)]


@pytest.mark.parametrize(("page", "encoding"), [
    ('<meta charset="ISO-8859-15"><h2>Financiën</h2>\n<p>Het kost € 5 miljoen.</p>', "iso-8859-15"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><h2>Financiën</h2>\n'
     "<p>Het kost € 5 miljoen.</p>", "cp1252"),
])
def test_an_html_page_in_its_declared_encoding(page: str, encoding: str) -> None:
    """A page that is not UTF-8 is read as its meta tag declares."""
    document = read_document("page.html", page.encode(encoding))
    assert (document.headings, document.text.splitlines()[1].strip()) == (((1, "Financiën"),), "Het kost € 5 miljoen.")


def test_a_page_that_declares_nothing_is_still_utf8_only() -> None:
    with pytest.raises(Unreadable, match="not UTF-8: byte 0xeb"):
        read_document("page.html", "<h2>Financiën</h2>".encode("latin-1"))


def test_a_text_file_states_no_structure() -> None:
    """.txt and unknown suffixes are text whose headings are found in the layout; %PDF bytes are a PDF
    whatever the name."""
    assert read_document("a.txt", b"Kop\n\nTekst.\n") == SourceDocument("Kop\n\nTekst.\n")
    with pytest.raises(Exception, match="not a readable PDF"):
        read_document("a.txt", b"%PDF-1.4\nnothing")


def test_a_pdf_is_laid_out_once(tmp_path: Path) -> None:
    """The document read from a PDF is cached under its bytes' digest: the next run imports no PDF reader."""
    folder = _repository(tmp_path, "pdf")
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o700)
    probe = ("import sys; from factcheck.cli import run; sys.argv = ['factcheck', 'verify', '-q', 'facts.yaml']\n"
             "try:\n    run()\nexcept SystemExit as exc:\n    code = exc.code\n"
             "print(code, 'pdfminer' in sys.modules)")

    def run() -> str:
        done = subprocess.run([sys.executable, "-c", probe], cwd=folder, capture_output=True, text=True, check=True,
                              env={"FACTCHECK_CACHE_DIR": str(cache), "PATH": ""})
        return done.stdout.split("\n")[-2]

    assert run() == "0 True"
    assert run() == "0 False"


def test_a_cached_document_round_trips_and_a_damaged_one_is_a_miss() -> None:
    document = read_document("letter.pdf", LETTER.with_suffix(".pdf").read_bytes())
    assert decode_document(encode_document(document)) == document
    text = SourceDocument("Kop\n\nTekst.")
    assert decode_document(encode_document(text)) == text
    for damaged in (b"", b"[1, 2]", encode_document(document)[:-5], b'["a", [[1]], [], []]', b'["a", null, ["x"], []]'):
        assert decode_document(damaged) is None


_WORDS = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N")), min_size=1, max_size=8)
_LINES = st.lists(st.lists(_WORDS, min_size=1, max_size=6).map(" ".join), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None)
@given(_LINES, st.sampled_from(["p", "li", "td", "div"]), st.sampled_from(["", "b", "em", "span"]))
def test_every_line_of_an_html_page_is_found_on_its_file_line(lines: list[str], block: str, inline: str) -> None:
    """Text in any block, wrapped in any inline element, escaped: each line is a quote that stands, at
    the line of the file it was written on."""
    def wrapped(line: str) -> str:
        return f"<{inline}>{html.escape(line)}</{inline}>" if inline else html.escape(line)

    page = "<html><body>\n" + "\n".join(f"<{block}>{wrapped(line)}</{block}>" for line in lines) + "\n</body></html>"
    source = prepare(read_html(page))
    for number, line in enumerate(lines, start=2):
        matches = source.find(line)
        assert matches, line
        assert number in {source.position(match.start)[0] for match in matches}


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300))
def test_any_html_is_read(page: str) -> None:
    """Broken markup is read as well as it can be, never an error; headings name lines that exist."""
    source = read_html(page)
    assert all(1 <= line <= source.text.count("\n") + 1 for line, _ in source.headings or ())


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_a_damaged_pdf_is_unreadable_or_read(data: st.DataObject) -> None:
    """Bytes of a real PDF overwritten or cut anywhere: `Unreadable` or a document, never anything else."""
    raw = bytearray(LETTER.with_suffix(".pdf").read_bytes()[:20_000])
    for _ in range(data.draw(st.integers(1, 8))):
        raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(9, len(raw)))
    try:
        document = read_pdf(bytes(raw[:cut]))
    except Unreadable:
        return
    assert document.text.strip()

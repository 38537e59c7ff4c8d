"""Every output format, exactly, for the shipped fact base and for broken ones.

`tests/data/reporting/shipped/facts.yaml` is the shipped facts.yaml frozen when these goldens were written
(its source path adjusted), so curating the real base does not change them;
`test_real_shipped_base_*` check the real one without freezing its content.
`tests/data/reporting/broken` holds a source that contradicts itself: one failing sum, one sum set to
``severity: warning``, one acknowledged agreement warning whose reason needs escaping.
`tests/data/reporting/malformed` is not well-formed: the rules never run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft4Validator

from factcheck import __version__
from factcheck.cli import main
from factcheck.cli import verify as verify_command
from factcheck.docrender import markdown, plain
from factcheck.engine import verify
from factcheck.findings import Finding, Location, Related, Severity
from factcheck.formatters import FORMATS, RenderOptions, github, parsable, sarif, text
from factcheck.formatters import json as json_format
from factcheck.formatters.lines import line_and_column, split_lines
from factcheck.kinds import CHECK_KINDS, documentation, known_kinds
from factcheck.report import Report, status
from factcheck.rules import RULE_KINDS
from test_report_schema import report_errors

DATA = Path(__file__).parent / "data" / "reporting"
PLAIN = RenderOptions()
SARIF_SCHEMA_FILE = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
ROOT = Path(__file__).parent.parent
REPORT_SCHEMA = json_format.report_schema()
SARIF_SCHEMA = json.loads(SARIF_SCHEMA_FILE.read_text(encoding="utf-8"))


def report_of(folder: str, *names: str) -> Report:
    where = DATA / folder
    return verify([where / name for name in names or ("facts.yaml",)], cwd=where)


def json_errors(document: Any) -> list[str]:
    return report_errors(document, REPORT_SCHEMA)


def sarif_errors(document: Any) -> list[str]:
    return [error.message for error in Draft4Validator(SARIF_SCHEMA).iter_errors(document)]


# --- the broken fact base ---------------------------------------------------------------------

AGREEMENT = ("quantity budget-old: old-budget-table states 104 EUR million (section 'Financiën'), "
             "old-budget states circa 100 EUR million (section 'Financiën'), both valid at the same time "
             "(they agree only within the vague tolerance)")
SUM_ERROR = ("sum budget-split: parts air + training = [119.9, 120.1) EUR million, "
             "but total budget = [121.5, 122.5) EUR million")
SUM_WARNING = ("sum old-budget-split: parts old-air + old-training = [89, 91) EUR million, "
               "but total old-budget = [94.5, 105.5) EUR million")
REASON = "Tabel 2 rondt af: 100% zeker, zie p. 3, regel 4"
OLD_BUDGET = "old-budget = circa 100 EUR million (section 'Financiën'): “circa 100 miljoen euro”"
OLD_TABLE = "old-budget-table = 104 EUR million (section 'Financiën'): “een tabel noemt 104 miljoen euro”"
BUDGET = "budget = 122 EUR million (section 'Financiën'): “Het budget voor 2015 is 122 miljoen euro”"
AIR = "air = 75.5 EUR million (section 'Financiën'): “75,5 miljoen euro naar de luchtcampagne”"
TRAINING = "training = 44.5 EUR million (section 'Financiën'): “44,5 miljoen euro naar de trainingsmissie”"
OLD_AIR = "old-air = 60 EUR million (section 'Financiën'): “60 miljoen euro naar de lucht”"
OLD_TRAINING = "old-training = 30 EUR million (section 'Financiën'): “30 miljoen euro naar training”"
BROKEN_SUMMARY = "1 error, 1 warning, 1 acknowledged; 7 facts, 2 rules in 1 file"

BROKEN_ACKNOWLEDGED = f"""\
facts.yaml:35:5: info agreement: {AGREEMENT} [acknowledged: {REASON}]
 35 |   - id: old-budget-table
    |     ^
facts.yaml:28:5: note: {OLD_BUDGET}
facts.yaml:35:5: note: {OLD_TABLE}
"""

BROKEN_TEXT = f"""\
facts.yaml:55:5: error sum: {SUM_ERROR}
 55 |   - id: budget-split
    |     ^
facts.yaml:10:5: note: {BUDGET}
facts.yaml:16:5: note: {AIR}
facts.yaml:22:5: note: {TRAINING}
facts.yaml:59:5: warning sum: {SUM_WARNING}
 59 |   - id: old-budget-split
    |     ^
facts.yaml:28:5: note: {OLD_BUDGET}
facts.yaml:41:5: note: {OLD_AIR}
facts.yaml:47:5: note: {OLD_TRAINING}
1 acknowledged finding (use -v to list it)
{BROKEN_SUMMARY}
"""

#: with -v: the acknowledged finding in full, in its place, and no line counting it
BROKEN_TEXT_VERBOSE = BROKEN_ACKNOWLEDGED + BROKEN_TEXT.replace("1 acknowledged finding (use -v to list it)\n", "")

BROKEN_PARSABLE = f"""\
facts.yaml:55:5: [error] {SUM_ERROR} (sum)
facts.yaml:59:5: [warning] {SUM_WARNING} (sum)
"""

BROKEN_GITHUB = f"""\
::notice file=facts.yaml,line=35,col=5,title=factcheck agreement::{AGREEMENT} [acknowledged: \
Tabel 2 rondt af: 100%25 zeker, zie p. 3, regel 4]%0Afacts.yaml:28:5: {OLD_BUDGET}%0Afacts.yaml:35:5: {OLD_TABLE}
::error file=facts.yaml,line=55,col=5,title=factcheck sum (budget-split)::{SUM_ERROR}\
%0Afacts.yaml:10:5: {BUDGET}%0Afacts.yaml:16:5: {AIR}%0Afacts.yaml:22:5: {TRAINING}
::warning file=facts.yaml,line=59,col=5,title=factcheck sum (old-budget-split)::{SUM_WARNING}\
%0Afacts.yaml:28:5: {OLD_BUDGET}%0Afacts.yaml:41:5: {OLD_AIR}%0Afacts.yaml:47:5: {OLD_TRAINING}
{BROKEN_SUMMARY}
"""


def loc(line: int, column: int = 5) -> dict[str, Any]:
    return {"file": "facts.yaml", "line": line, "column": column, "page": None}


BROKEN_JSON = {
    "version": 1,
    "tool": {"name": "factcheck", "version": __version__},
    "summary": {"errors": 1, "warnings": 1, "acknowledged": 1, "facts": 7, "rules": 2, "files": 1},
    "findings": [
        {"kind": "agreement", "rule_id": None, "severity": "warning", "message": AGREEMENT, "location": loc(35),
         "related": [{"location": loc(28), "message": OLD_BUDGET}, {"location": loc(35), "message": OLD_TABLE}],
         "facts": ["old-budget", "old-budget-table"], "acknowledged": {"reason": REASON}},
        {"kind": "sum", "rule_id": "budget-split", "severity": "error", "message": SUM_ERROR, "location": loc(55),
         "related": [{"location": loc(10), "message": BUDGET}, {"location": loc(16), "message": AIR},
                     {"location": loc(22), "message": TRAINING}],
         "facts": ["budget", "air", "training"], "acknowledged": None},
        {"kind": "sum", "rule_id": "old-budget-split", "severity": "warning", "message": SUM_WARNING,
         "location": loc(59),
         "related": [{"location": loc(28), "message": OLD_BUDGET}, {"location": loc(41), "message": OLD_AIR},
                     {"location": loc(47), "message": OLD_TRAINING}],
         "facts": ["old-budget", "old-air", "old-training"], "acknowledged": None},
    ],
}


def physical(line: int, column: int = 5, uri: str = "facts.yaml") -> dict[str, Any]:
    return {"artifactLocation": {"uri": uri}, "region": {"startLine": line, "startColumn": column}}


def related(*places: tuple[int, str]) -> list[dict[str, Any]]:
    return [{"id": number, "physicalLocation": physical(line), "message": {"text": message}}
            for number, (line, message) in enumerate(places, start=1)]


def expected_descriptor(kind: str) -> dict[str, Any]:
    doc = documentation(kind)
    summary = plain(doc.summary)
    return {"id": kind, "name": kind, "shortDescription": {"text": summary},
            "help": {"text": plain(doc.text), "markdown": markdown(doc.text)},
            "defaultConfiguration": {"level": "error"}}


def expected_sarif(results: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": __version__,
                                "rules": [expected_descriptor(kind) for kind in known_kinds()]}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


SUM_INDEX, AGREEMENT_INDEX = known_kinds().index("sum"), known_kinds().index("agreement")

BROKEN_SARIF_RESULTS = [
    {"ruleId": "agreement", "ruleIndex": AGREEMENT_INDEX, "level": "warning",
     "message": {"text": f"{AGREEMENT} (see [old-budget](1), [old-budget-table](2))"},
     "locations": [{"physicalLocation": physical(35)}],
     "relatedLocations": related((28, OLD_BUDGET), (35, OLD_TABLE)),
     "suppressions": [{"kind": "external", "justification": REASON}],
     "properties": {"facts": ["old-budget", "old-budget-table"]}},
    {"ruleId": "sum", "ruleIndex": SUM_INDEX, "level": "error", "message": {"text": (
        "sum budget-split: parts air + training = \\[119.9, 120.1) EUR million, but total budget = "
        "\\[121.5, 122.5) EUR million (see [budget](1), [air](2), [training](3))")},
     "locations": [{"physicalLocation": physical(55)}],
     "relatedLocations": related((10, BUDGET), (16, AIR), (22, TRAINING)),
     "properties": {"facts": ["budget", "air", "training"], "rule_id": "budget-split"}},
    {"ruleId": "sum", "ruleIndex": SUM_INDEX, "level": "warning", "message": {"text": (
        "sum old-budget-split: parts old-air + old-training = \\[89, 91) EUR million, but total old-budget = "
        "\\[94.5, 105.5) EUR million (see [old-budget](1), [old-air](2), [old-training](3))")},
     "locations": [{"physicalLocation": physical(59)}],
     "relatedLocations": related((28, OLD_BUDGET), (41, OLD_AIR), (47, OLD_TRAINING)),
     "properties": {"facts": ["old-budget", "old-air", "old-training"], "rule_id": "old-budget-split"}},
]


def test_broken_text_shows_line_caret_and_every_fact_involved() -> None:
    assert text.render(report_of("broken"), PLAIN) == BROKEN_TEXT


def test_broken_text_verbose_lists_the_acknowledged_finding_in_full() -> None:
    assert text.render(report_of("broken"), RenderOptions(verbose=True)) == BROKEN_TEXT_VERBOSE


def test_several_acknowledged_findings_are_counted_in_one_line() -> None:
    report = report_of("broken")
    report.findings = [finding.acknowledge("accepted") for finding in report.findings]
    assert text.render(report, PLAIN) == ("3 acknowledged findings (use -v to list them)\n"
                                          "0 errors, 0 warnings, 3 acknowledged; 7 facts, 2 rules in 1 file\n")


def test_broken_parsable_is_one_line_per_finding() -> None:
    assert parsable.render(report_of("broken"), PLAIN) == BROKEN_PARSABLE
    acknowledged = f"facts.yaml:35:5: [info] {AGREEMENT} [acknowledged: {REASON}] (agreement)\n"
    assert parsable.render(report_of("broken"), RenderOptions(verbose=True)) == acknowledged + BROKEN_PARSABLE


def test_broken_text_quiet_is_the_summary_alone() -> None:
    assert text.render(report_of("broken"), RenderOptions(quiet=True)) == BROKEN_SUMMARY + "\n"


def test_broken_github_annotations() -> None:
    assert github.render(report_of("broken"), PLAIN) == BROKEN_GITHUB


def test_broken_json_is_exact_and_valid() -> None:
    document = json.loads(json_format.render(report_of("broken"), PLAIN))
    assert document == BROKEN_JSON
    assert json_errors(document) == []


def test_broken_sarif_is_exact_and_valid() -> None:
    document = json.loads(sarif.render(report_of("broken"), PLAIN))
    assert sarif_errors(document) == []
    fingerprints = [result.pop("partialFingerprints") for result in document["runs"][0]["results"]]
    assert document == expected_sarif(BROKEN_SARIF_RESULTS)
    assert [sorted(each) for each in fingerprints] == [["factcheck/v1"]] * 3
    assert len({each["factcheck/v1"] for each in fingerprints}) == 3


def sarif_fingerprints(facts_yaml: str, tmp_path: Path) -> list[str]:
    (tmp_path / "facts.yaml").write_text(facts_yaml, encoding="utf-8")
    document = json.loads(sarif.render(verify([tmp_path / "facts.yaml"], cwd=tmp_path), PLAIN))
    return [result["partialFingerprints"]["factcheck/v1"] for result in document["runs"][0]["results"]]


def test_sarif_fingerprints_survive_moving_the_facts(tmp_path: Path) -> None:
    broken = (DATA / "broken" / "facts.yaml").read_text(encoding="utf-8")
    shutil.copytree(DATA / "broken", tmp_path, dirs_exist_ok=True)
    before = sarif_fingerprints(broken, tmp_path)
    documents, rest = broken.split("\nfacts:\n", 1)
    moved = sarif_fingerprints(f"{documents}\n# a note\n# and another\n\nfacts:\n{rest}", tmp_path)
    assert len(before) == 3
    assert moved == before


def test_sarif_fingerprint_of_a_finding_without_rule_or_facts_ignores_positions() -> None:
    def schema_finding(message: str, line: int, path: str = "facts.yaml") -> Finding:
        return Finding("schema", Severity.ERROR, message, Location(path, line, 3))

    first = sarif.fingerprint(schema_finding("facts[3].value: 'x' is not a number", 10))
    assert sarif.fingerprint(schema_finding("facts[4].value: 'x' is not a number", 12)) == first
    assert sarif.fingerprint(schema_finding("facts[3].unit: 'x' is not a unit", 10)) != first
    assert sarif.fingerprint(schema_finding("facts[3].value: 'x' is not a number", 10, "other.yaml")) != first


def test_sarif_message_escapes_brackets_outside_its_links() -> None:
    finding = Finding("sum", Severity.ERROR, r"parts [1, 2] \ total", Location("facts.yaml", 4),
                      related=(Related(Location("facts.yaml", 2), "a[1] = 1 EUR million"),
                               Related(Location("s.txt", 9), "the closest passage")))
    assert sarif.linked_message(finding) == (
        r"parts \[1, 2\] \\ total (see [a\[1\]](1), [the closest passage](2))")


# --- the shipped fact base (frozen copy) ------------------------------------------------------

SHIPPED_SUMMARY = "0 errors, 0 warnings, 0 acknowledged; 15 facts, 2 rules in 1 file\n"


SHIPPED_JSON = {
    "version": 1,
    "tool": {"name": "factcheck", "version": __version__},
    "summary": {"errors": 0, "warnings": 0, "acknowledged": 0, "facts": 15, "rules": 2, "files": 1},
    "findings": [],
}


def shipped_output(output_format: str) -> Any:
    """What each format says of the frozen shipped base: text as written, JSON and SARIF parsed."""
    return {"text": SHIPPED_SUMMARY, "github": SHIPPED_SUMMARY, "json": SHIPPED_JSON,
            "sarif": expected_sarif([]), "parsable": ""}[output_format]


@pytest.mark.parametrize("output_format", list(FORMATS))
def test_every_registered_format_renders_the_shipped_base(output_format: str) -> None:
    rendered = FORMATS[output_format].load()(report_of("shipped"), PLAIN)
    expected = shipped_output(output_format)
    assert (rendered if isinstance(expected, str) else json.loads(rendered)) == expected


def test_the_shipped_json_and_sarif_are_valid() -> None:
    assert json_errors(shipped_output("json")) == []
    assert sarif_errors(shipped_output("sarif")) == []


def test_the_registry_maps_each_format_to_its_module() -> None:
    assert {name: entry.load() for name, entry in FORMATS.items()} == {
        "text": text.render, "json": json_format.render, "sarif": sarif.render, "github": github.render,
        "parsable": parsable.render}
    assert [name for name, entry in FORMATS.items() if entry.colored] == ["text"]


def _finding(severity: Severity, acknowledged: str | None = None) -> Finding:
    return Finding("sum", severity, "m", Location("f.yaml"), acknowledged=acknowledged)


@pytest.mark.parametrize(("findings", "expected", "counts"), [
    ([], "ok", [0, 0, 0]),
    ([_finding(Severity.ERROR, "accepted")], "acknowledged", [0, 0, 1]),
    ([_finding(Severity.ERROR, "accepted"), _finding(Severity.WARNING)], "warning", [0, 1, 1]),
    ([_finding(Severity.WARNING), _finding(Severity.ERROR), _finding(Severity.ERROR)], "error", [2, 1, 0]),
])
def test_a_status_is_the_worst_outcome(findings: list[Finding], expected: str, counts: list[int]) -> None:
    """A rule's status and the report's counts (errors, warnings, acknowledged) agree on each finding."""
    assert status(findings) == expected
    report = Report(findings)
    assert [report.errors, report.warnings, report.acknowledged] == counts


def test_the_cli_offers_the_registered_formats() -> None:
    option = next(param for param in verify_command.params if param.name == "output_format")
    assert isinstance(option.type, click.Choice)
    assert tuple(option.type.choices) == tuple(FORMATS)


def test_the_hook_path_imports_the_text_format_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain `factcheck verify` (what the commit hook runs) loads neither the other formats nor
    importlib.metadata, which sarif needs for the version and which is slow to import."""
    probe = ("import sys; from factcheck.cli import main\n"
             "try: main(['verify', '--quiet'], standalone_mode=False)\nexcept SystemExit: pass\n"
             "print(sorted(m for m in sys.modules if m.startswith('factcheck.formatters')), "
             "'importlib.metadata' in sys.modules, file=sys.stderr)")
    monkeypatch.chdir(ROOT)
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env={**os.environ, "FACTCHECK_CACHE_DIR": "off"})
    assert run.stderr == "['factcheck.formatters', 'factcheck.formatters.lines', 'factcheck.formatters.text'] False\n"


@pytest.mark.parametrize("output_format", list(FORMATS))
def test_real_shipped_base_passes_in_every_format(output_format: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["verify", "--format", output_format], env={"GITHUB_ACTIONS": None})
    assert result.exit_code == 0, result.output
    if output_format == "json":
        assert json_errors(json.loads(result.stdout)) == []
        assert json.loads(result.stdout)["summary"]["errors"] == 0
    elif output_format == "sarif":
        assert sarif_errors(json.loads(result.stdout)) == []
    elif output_format == "parsable":  # a clean run has no finding to list
        assert result.stdout == ""
    else:
        assert result.stdout.startswith("0 errors") or "\n0 errors" in result.stdout


# --- a fact base that is not well-formed ------------------------------------------------------

DUPLICATE = "duplicate key 'id' (first at line 2)"
UNKNOWN_KEY = "unknown key 'colour' (at facts/0)"
BAD_VALUE = ("value must be a number, a date (2015-10-02, 2016-10, 2015, 2015-08-early, A/B) or {min, max}, "
             "not [75.5] (at facts/1/value)")

MALFORMED_TEXT = f"""\
dup.yaml:3:5: error duplicate-key: {DUPLICATE}
 3 |     id: b
   |     ^
facts.yaml:16:5: error schema: {UNKNOWN_KEY}
 16 |     colour: red
    |     ^
facts.yaml:19:12: error schema: {BAD_VALUE}
 19 |     value: [75.5]
    |            ^
3 errors, 0 warnings, 0 acknowledged; 2 files
"""


def test_malformed_text() -> None:
    assert text.render(report_of("malformed", "facts.yaml", "dup.yaml"), PLAIN) == MALFORMED_TEXT


def test_malformed_github() -> None:
    assert github.render(report_of("malformed", "facts.yaml", "dup.yaml"), PLAIN) == (
        f"::error file=dup.yaml,line=3,col=5,title=factcheck duplicate-key::{DUPLICATE}\n"
        f"::error file=facts.yaml,line=16,col=5,title=factcheck schema::{UNKNOWN_KEY}\n"
        f"::error file=facts.yaml,line=19,col=12,title=factcheck schema::{BAD_VALUE}\n"
        "3 errors, 0 warnings, 0 acknowledged; 2 files\n")


def _plain(kind: str, message: str, file: str, line: int, column: int) -> dict[str, Any]:
    return {"kind": kind, "rule_id": None, "severity": "error", "message": message,
            "location": {"file": file, "line": line, "column": column, "page": None}, "related": [], "facts": [],
            "acknowledged": None}


def test_malformed_json_counts_no_facts() -> None:
    document = json.loads(json_format.render(report_of("malformed", "facts.yaml", "dup.yaml"), PLAIN))
    assert document == {
        "version": 1,
        "tool": {"name": "factcheck", "version": __version__},
        "summary": {"errors": 3, "warnings": 0, "acknowledged": 0, "facts": None, "rules": None, "files": 2},
        "findings": [_plain("duplicate-key", DUPLICATE, "dup.yaml", 3, 5),
                     _plain("schema", UNKNOWN_KEY, "facts.yaml", 16, 5),
                     _plain("schema", BAD_VALUE, "facts.yaml", 19, 12)],
    }
    assert json_errors(document) == []


def test_malformed_sarif() -> None:
    document = json.loads(sarif.render(report_of("malformed", "facts.yaml", "dup.yaml"), PLAIN))
    kinds = known_kinds()

    def unlinked(kind: str, message: str, uri: str, line: int, column: int) -> dict[str, Any]:
        return {"ruleId": kind, "ruleIndex": kinds.index(kind), "level": "error",
                "message": {"text": message.replace("[", "\\[").replace("]", "\\]")},
                "locations": [{"physicalLocation": physical(line, column, uri)}]}

    assert sarif_errors(document) == []
    fingerprints = [result.pop("partialFingerprints")["factcheck/v1"] for result in document["runs"][0]["results"]]
    assert len(set(fingerprints)) == 3
    assert document == expected_sarif([unlinked("duplicate-key", DUPLICATE, "dup.yaml", 3, 5),
                                       unlinked("schema", UNKNOWN_KEY, "facts.yaml", 16, 5),
                                       unlinked("schema", BAD_VALUE, "facts.yaml", 19, 12)])


# --- SARIF rule documentation -----------------------------------------------------------------

def test_sarif_rules_document_every_kind() -> None:
    rules = sarif.sarif_dict(report_of("shipped"))["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [*RULE_KINDS, *(k for k in CHECK_KINDS if k not in RULE_KINDS)]
    by_id = {rule["id"]: rule for rule in rules}
    assert by_id["sum"]["shortDescription"] == {"text": "sum — the parts add up to the total."}
    assert by_id["sum"]["help"]["text"].splitlines()[2] == (
        "A sum rule names a total fact and two or more parts.  Every value stands for the")
    assert by_id["sum"]["help"]["markdown"].splitlines()[2] == (
        "A `sum` rule names a `total` fact and two or more `parts`.  Every value stands for the")
    summary = "duplicate-key — a mapping repeats a key."
    full = f"{summary}\n\nMost YAML loaders silently keep the last value; factcheck reports the second key."
    assert by_id["duplicate-key"] == {
        "id": "duplicate-key", "name": "duplicate-key", "shortDescription": {"text": summary},
        "help": {"text": full, "markdown": full},
        "defaultConfiguration": {"level": "error"}}
    assert by_id["unknown-kind"]["help"]["markdown"].startswith("unknown-kind — `settings: severity:` names")
    assert by_id["unknown-kind"]["help"]["text"].startswith("unknown-kind — settings: severity: names")
    # the summary is the short description only; the help is the one place of the whole text
    assert all("fullDescription" not in rule for rule in rules)
    assert all(rule["shortDescription"]["text"] == rule["help"]["text"].partition("\n")[0] for rule in rules)
    assert sum("\n" in rule["help"]["text"] for rule in rules) > 20


def test_sarif_has_no_descriptor_for_an_unregistered_kind() -> None:
    """An unregistered kind is a bug (tests/test_kinds.py), not a kind to describe with placeholder text."""
    with pytest.raises(KeyError, match="frobnicate"):
        sarif.descriptor("frobnicate")


@pytest.mark.parametrize(("path", "uri"), [
    ("facts.yaml", "facts.yaml"),
    ("dossiers/ISIS facts.yaml", "dossiers/ISIS%20facts.yaml"),
    ("feiten/financiën.yaml", "feiten/financi%C3%ABn.yaml"),
    ("/srv/facts.yaml", "file:///srv/facts.yaml"),
])
def test_sarif_uris(path: str, uri: str) -> None:
    assert sarif.artifact_uri(path) == uri


def test_sarif_rejects_what_the_schema_forbids() -> None:
    """The validator used above can fail: column 0 and an unknown level are refused."""
    document = sarif.sarif_dict(report_of("broken"))
    document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] = 0
    document["runs"][0]["results"][1]["level"] = "info"
    assert sorted(sarif_errors(document)) == ["'info' is not one of ['none', 'note', 'warning', 'error']",
                                              "0 is less than the minimum of 1"]


# --- GitHub escaping --------------------------------------------------------------------------

def test_github_escaping_follows_actions_toolkit() -> None:
    assert github.escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert github.escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"


def test_github_escapes_file_and_title_properties() -> None:
    finding = Finding("schema", Severity.ERROR, "50% off\nnow", Location("a,b:c.yaml", 2, 3), rule_id="x:y")
    assert github.annotation(finding) == (
        "::error file=a%2Cb%3Ac.yaml,line=2,col=3,title=factcheck schema (x%3Ay)::50%25 off%0Anow")


# --- properties over arbitrary findings -------------------------------------------------------

_texts = st.text(max_size=30)
_locations = st.builds(Location, _texts, st.integers(1, 10**6), st.integers(1, 10**4))
_findings = st.builds(
    Finding, st.sampled_from(known_kinds()), st.sampled_from(list(Severity)), _texts,
    _locations, st.lists(st.builds(Related, _locations, _texts), max_size=3).map(tuple),
    st.lists(_texts, max_size=3).map(tuple), st.none() | _texts, st.none() | _texts)


@settings(max_examples=25, deadline=None)
@given(st.lists(_findings, max_size=4))
def test_every_report_is_valid_json_and_sarif(findings: list[Finding]) -> None:
    """Whatever its findings, a report renders to JSON valid against its schema (closed) and to
    SARIF valid against the OASIS schema, and both keep every finding in order."""
    report = Report(findings, None, ["facts.yaml"])
    document = json.loads(json_format.render(report, PLAIN))
    assert json_errors(document) == []
    assert [f["message"] for f in document["findings"]] == [f.message for f in findings]
    log = json.loads(sarif.render(report, PLAIN))
    assert sarif_errors(log) == []
    assert [r["message"]["text"] for r in log["runs"][0]["results"]] == [sarif.linked_message(f) for f in findings]


def _unescape(text: str) -> str:
    return (text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
            .replace("%25", "%"))


@given(st.text())
def test_github_escaping_round_trips(value: str) -> None:
    """Escaped data holds no line break, an escaped property no ':' or ',' either, and decoding the
    way the Actions runner does gives the original text back."""
    data, prop = github.escape_data(value), github.escape_property(value)
    assert not {"\n", "\r"} & set(data)
    assert not {":", ",", "\n", "\r"} & set(prop)
    assert _unescape(data) == value
    assert _unescape(prop) == value


def test_the_sarif_schema_is_a_valid_schema() -> None:
    Draft4Validator.check_schema(SARIF_SCHEMA)


def test_caret_lines_up_under_tabs_and_non_ascii() -> None:
    texts = {"f.yaml": "a: 1\n\tkey: “é” x\n"}
    assert text.excerpt(Location("f.yaml", 2, 10), texts) == [" 2 | \tkey: “é” x", "   | \t        ^"]
    assert text.excerpt(Location("f.yaml", 3, 1), texts) == []  # past the end: no excerpt
    assert text.excerpt(Location("other.yaml", 1, 1), texts) == []


def test_lines_are_counted_as_yaml_counts_them() -> None:
    """A form feed does not start a line (str.splitlines would say it does); CR, CRLF, NEL, LS do."""
    source = "a: 1\x0c# x\r\nb: 2\rc: 3\x85d: 4\u2028e: 5\n"
    assert split_lines(source) == ["a: 1\x0c# x", "b: 2", "c: 3", "d: 4", "e: 5"]
    assert line_and_column(source, source.index("e")) == (5, 1)
    assert line_and_column(source, source.index("#")) == (1, 6)
    assert text.excerpt(Location("f.yaml", 2, 4), {"f.yaml": source}) == [" 2 | b: 2", "   |    ^"]


def test_sarif_fingerprints_are_distinct_when_findings_share_an_identity() -> None:
    """Two facts with the same misspelt key: their messages differ only in an index, which the fingerprint
    ignores; the second gets a suffix, so code scanning keeps two alerts (as GitHub's own line hashes do)."""
    findings = [Finding("schema", Severity.ERROR, f"unknown key 'qualifer' (at facts/{index})",
                        Location("facts.yaml", line, 5)) for index, line in ((0, 14), (1, 21), (2, 28))]
    prints = sarif.fingerprints(findings)
    assert prints == [prints[0], f"{prints[0]}:1", f"{prints[0]}:2"]
    assert prints[0] == sarif.fingerprint(findings[0])

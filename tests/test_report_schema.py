"""The JSON report's schema: shipped in the wheel, versioned with the output, open to new keys, and
every output of ``factcheck verify --format json`` valid against the installed copy.

The published schema lets every object gain keys (readers must ignore unknown ones), so on its own it
would not notice json.py writing a key it does not describe; the tests therefore validate against
`closed`, the same schema with every object closed.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from jsonschema.validators import validator_for

from factbase import fact, fact_base_yaml, rule, write_base
from factcheck.findings import Finding, Location, Related, Severity
from factcheck.formatters import json as report_json
from factcheck.kinds import known_kinds
from factcheck.report import Report
from robustness_support import REPO, invoke
from test_bad_inputs import load_expected, run_case

SCHEMA_FILE = REPO / "schema" / "report.schema.json"
INSTALLED_PATH = "factcheck/data/report.schema.json"
#: prints where factcheck was imported from and the schema its accessor returns
READ_INSTALLED = """\
import json, sys
sys.path.insert(0, sys.argv[1])
from factcheck.formatters import json as report_json
print(json.dumps({"module": report_json.__file__, "schema": report_json.report_schema()}))
"""


def closed(schema: Any) -> Any:
    """`schema` with every object closed (``additionalProperties: false``): json.py exactly."""
    if isinstance(schema, dict):
        return {key: False if key == "additionalProperties" else closed(value) for key, value in schema.items()}
    if isinstance(schema, list):
        return [closed(item) for item in schema]
    return schema


def schema_errors(document: Any, schema: Mapping[str, Any]) -> list[str]:
    """What `schema`, with the validator its ``$schema`` names, finds wrong with `document`."""
    return [f"{error.json_path}: {error.message}" for error in validator_for(schema)(schema).iter_errors(document)]


def report_errors(document: Any, schema: Mapping[str, Any]) -> list[str]:
    """What the closed `schema` finds wrong with `document`: a key it does not describe is an error too."""
    return schema_errors(document, closed(schema))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """factcheck's wheel, built from this tree by its build backend."""
    folder = tmp_path_factory.mktemp("wheel")
    build = "import sys, hatchling.build as backend; print(backend.build_wheel(sys.argv[1]))"
    name = subprocess.run([sys.executable, "-c", build, str(folder)], cwd=REPO, capture_output=True, text=True,
                          check=True).stdout.strip()
    return folder / name


def read_installed(location: Path) -> dict[str, Any]:
    """`report_schema()` as factcheck imported from `location` (a wheel or an unpacked one) returns it."""
    run = subprocess.run([sys.executable, "-I", "-c", READ_INSTALLED, str(location)], cwd=location.parent,
                         capture_output=True, text=True, check=True)
    answer: dict[str, Any] = json.loads(run.stdout)
    assert answer["module"].startswith(str(location)), answer["module"]
    schema: dict[str, Any] = answer["schema"]
    return schema


@pytest.fixture(scope="module")
def installed(wheel: Path) -> dict[str, Any]:
    """The schema read through importlib.resources from the wheel itself (zipimport: no plain file)."""
    return read_installed(wheel)


def test_the_wheel_ships_the_schema_unchanged(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        assert archive.read(INSTALLED_PATH) == SCHEMA_FILE.read_bytes()


def test_the_accessor_reads_the_installed_copy(installed: dict[str, Any], wheel: Path, tmp_path: Path) -> None:
    """From the zipped wheel (importlib.resources) and from an unpacked install (factcheck/data/)."""
    unpacked = tmp_path / "site-packages"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(unpacked)
    expected = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert installed == expected
    assert read_installed(unpacked) == expected


def test_the_schema_is_a_draft_2020_12_schema(installed: dict[str, Any]) -> None:
    assert validator_for(installed) is Draft202012Validator
    Draft202012Validator.check_schema(installed)


def test_schema_and_output_carry_one_version(installed: dict[str, Any]) -> None:
    assert installed["$id"] == f"https://factcheck.invalid/schema/report-{report_json.FORMAT_VERSION}.schema.json"
    assert installed["properties"]["version"]["const"] == report_json.FORMAT_VERSION
    assert report_json.report_dict(Report([]))["version"] == report_json.FORMAT_VERSION


def json_objects(document: Any) -> Iterator[dict[str, Any]]:
    """Every object in a JSON value, outermost first."""
    if isinstance(document, dict):
        yield document
        for value in document.values():
            yield from json_objects(value)
    elif isinstance(document, list):
        for item in document:
            yield from json_objects(item)


def test_every_object_is_open_and_requires_every_key_it_describes(installed: dict[str, Any]) -> None:
    """The promise that keys may be added, kept: no object is closed; and json.py writes every key."""
    objects = [subschema for subschema in json_objects(installed) if "properties" in subschema]
    assert len(objects) == 7  # report, tool, summary, location, finding, related, acknowledged
    for described in objects:
        assert described["type"] == "object"
        assert described["additionalProperties"] is True
        assert described["required"] == list(described["properties"])


def test_an_added_key_is_allowed_yet_caught_by_the_tests(installed: dict[str, Any]) -> None:
    """A key added to any object of an output passes the published schema (readers ignore it) and
    fails the closed one, so json.py cannot write a key the schema does not describe."""
    finding = Finding("sum", Severity.WARNING, "m", Location("f.yaml", 2, 3),
                      (Related(Location("f.yaml", 4, 5), "a = 1"),), ("a",), "r", acknowledged="ok")
    document = report_json.report_dict(Report([finding], None, ["f.yaml"]))
    count = len(list(json_objects(document)))
    assert count == 8  # report, tool, summary, finding, its location, related, its location, acknowledged
    for index in range(count):
        changed = copy.deepcopy(document)
        list(json_objects(changed))[index]["added"] = 0
        assert schema_errors(changed, installed) == []
        assert report_errors(changed, installed) != [], index


def verify_json(folder: Path, *args: str) -> tuple[int, dict[str, Any]]:
    outcome = invoke(["verify", "--format", "json", *args], folder)
    assert outcome.stderr == ""
    document: dict[str, Any] = json.loads(outcome.stdout)
    return outcome.exit, document


def test_the_shipped_base_is_valid(installed: dict[str, Any]) -> None:
    code, document = verify_json(REPO)
    assert (code, document["summary"]["errors"], report_errors(document, installed)) == (0, 0, [])


REPORTING = REPO / "tests" / "data" / "reporting"


@pytest.mark.parametrize(("folder", "args", "expected"), [
    ("broken", (), (1, {"errors": 1, "warnings": 1, "acknowledged": 1, "facts": 7, "rules": 2, "files": 1})),
    ("malformed", ("facts.yaml", "dup.yaml"),
     (1, {"errors": 3, "warnings": 0, "acknowledged": 0, "facts": None, "rules": None, "files": 2})),
])
def test_findings_acknowledgements_and_unbuilt_bases_are_valid(
        folder: str, args: tuple[str, ...], expected: tuple[int, dict[str, Any]], installed: dict[str, Any]) -> None:
    code, document = verify_json(REPORTING / folder, *args)
    assert (code, document["summary"], report_errors(document, installed)) == (*expected, [])


WARNINGS_ONLY = fact_base_yaml([fact("a", 3), fact("b"), fact("c")],
                               [rule("s", "sum", total="a", parts=["b", "c"], severity="warning")])


@pytest.mark.parametrize(("text", "expected"), [
    (fact_base_yaml(), {"errors": 0, "warnings": 0, "acknowledged": 0, "facts": 0, "rules": 0, "files": 1}),
    (WARNINGS_ONLY, {"errors": 0, "warnings": 1, "acknowledged": 0, "facts": 3, "rules": 1, "files": 1}),
], ids=["empty-base", "warnings-only"])
def test_an_empty_base_and_one_with_warnings_are_valid(
        text: str, expected: dict[str, Any], installed: dict[str, Any], tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write_base(tmp_path, text)
    code, document = verify_json(tmp_path)
    assert (code, document["summary"], report_errors(document, installed)) == (0, expected, [])


@pytest.mark.parametrize(("name", "spec"), sorted(load_expected().items()))
def test_every_bad_input_gives_valid_json_or_none(
        name: str, spec: dict[str, Any], installed: dict[str, Any], tmp_path: Path) -> None:
    """Each case of tests/bad_inputs in --format json: exit 1 with one valid object holding its
    findings, or exit 2 with its one stderr line and no output."""
    args = [*(spec.get("args") or ["verify", f"{name}.yaml"]), "--format", "json"]
    outcome = run_case(name, {**spec, "args": args}, tmp_path)
    assert outcome.exit == spec["exit"]
    if spec["exit"] == 2:
        assert (outcome.stdout, outcome.stderr) == ("", spec["stderr"] + "\n")
        return
    document = json.loads(outcome.stdout)
    assert report_errors(document, installed) == []
    assert len(document["findings"]) == len(spec["lines"])


def test_a_finding_of_every_kind_is_valid(installed: dict[str, Any]) -> None:
    findings = [Finding(kind, Severity.ERROR, "m", Location("f.yaml")) for kind in known_kinds()]
    document = report_json.report_dict(Report(findings, None, ["f.yaml"]))
    assert report_errors(document, installed) == []
    assert report_errors({**document, "findings": [{**document["findings"][0], "kind": "Sum"}]}, installed) != []

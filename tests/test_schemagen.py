"""The generated files are up to date with the rule kinds' specs, and a new kind is one module plus
one registry line: the schema, `factcheck rules`, the SARIF rule list and docs/rules.md follow."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import REPO
from factbase import check
from factcheck import kinds, rules, schema, schemagen
from factcheck.cli import main
from factcheck.formatters.sarif import sarif_dict

ADDING = (REPO / "docs" / "adding-a-rule-kind.md").read_text(encoding="utf-8")
#: the example kind of docs/adding-a-rule-kind.md: its first Python block
TOY = ADDING.split("```python\n", 1)[1].split("```", 1)[0]

TOY_SCHEMA = {
    "type": "object",
    "description": "A fact's value lies above zero.",
    "additionalProperties": False,
    "required": ["id", "kind", "fact"],
    "properties": {**schemagen.COMMON_FIELDS, "fact": {"$ref": "#/$defs/factRef"},
                   "reason": {"type": "string", "description": "Why it must be positive."}},
}


def test_the_committed_files_are_the_generated_ones() -> None:
    for path, text in schemagen.generated(REPO).items():
        assert (REPO / path).read_text(encoding="utf-8") == text, f"{path} is stale: python -m factcheck.schemagen"


def console_examples(page: str) -> list[tuple[str, list[str], bool]]:
    """Each ``$ command`` of a page's console blocks, the lines it shows, and whether they end in "…"
    (the output goes on)."""
    examples = []
    for block in re.findall(r"```console\n(.*?)```", page, re.DOTALL):
        command, *shown = block.splitlines()
        examples.append((command.removeprefix("$ "), shown[:-1] if shown[-1:] == ["…"] else shown, "…" in shown))
    return examples


def test_the_commands_of_the_page_on_adding_a_kind_print_what_it_shows(tmp_path: Path) -> None:
    """Run in a checkout that holds the schema's template only: the generated files are written anew."""
    for folder in ("schema", "docs"):
        (tmp_path / folder).mkdir()
    (tmp_path / schemagen.TEMPLATE).write_bytes((REPO / schemagen.TEMPLATE).read_bytes())
    examples = console_examples(ADDING)
    assert [command for command, _, _ in examples] == ["python -m factcheck.schemagen", "factcheck rules"]
    for command, shown, goes_on in examples:
        program, *args = command.split()
        executable = [sys.executable] if program == "python" else [sys.executable, "-m", "factcheck"]
        run = subprocess.run([*executable, *args], cwd=tmp_path, capture_output=True, text=True, check=True)
        printed = run.stdout.splitlines()
        assert (printed[:len(shown)] if goes_on else printed) == shown
    for path in (schemagen.SCHEMA, schemagen.RULES_DOC):
        assert (tmp_path / path).read_bytes() == (REPO / path).read_bytes()
    again = subprocess.run([sys.executable, "-m", "factcheck.schemagen"], cwd=tmp_path, capture_output=True,
                           text=True, check=True)
    assert again.stdout == ""


@pytest.fixture
def toy_kind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The kind `positive`, one module in a folder of its own, registered by its one line; the schema in
    use is the one generated with it."""
    (tmp_path / "positive.py").write_text(TOY, encoding="utf-8")
    monkeypatch.setattr(rules, "__path__", [*rules.__path__, str(tmp_path)])
    monkeypatch.setattr(rules, "RULE_KINDS", (*rules.RULE_KINDS, "positive"))
    monkeypatch.setattr(schema, "schema_text", lambda: schemagen.schema_text(REPO))
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", "off")
    caches = (rules.kind_spec, kinds.registry, schema.load_schema, schema.validator, schema.fast_validator)
    for cached in caches:
        cached.cache_clear()
    yield "positive"
    monkeypatch.undo()
    sys.modules.pop("factcheck.rules.positive", None)
    for cached in caches:
        cached.cache_clear()


def generated_schema() -> dict[str, Any]:
    result: dict[str, Any] = json.loads(schemagen.schema_text(REPO))
    return result


@pytest.mark.usefixtures("toy_kind")
def test_a_new_kind_is_in_the_generated_schema() -> None:
    defs = generated_schema()["$defs"]
    assert defs["positive"] == TOY_SCHEMA
    assert "positive" in defs["rule"]["properties"]["kind"]["enum"]
    assert schemagen.dispatch("positive") in defs["rule"]["allOf"]
    # registered last, so its entry follows the last explicit kind's
    before = [spec.name for spec in rules.explicit_kinds()][-2]
    assert list(defs).index("positive") == list(defs).index(before) + 1


@pytest.mark.usefixtures("toy_kind")
def test_a_new_kind_is_checked_and_its_references_too() -> None:
    balance = {"id": "balance", "value": -3, "unit": "EUR million"}
    outcome = check([balance], [{"id": "balance-positive", "kind": "positive", "fact": "balance"}])
    assert outcome.lines == ["facts.yaml:17:5: error positive: positive balance-positive: balance = -3 EUR million "
                             "is not above zero"]
    dangling = check([balance], [{"id": "balance-positive", "kind": "positive", "fact": "debt"}])
    assert (dangling.lines, dangling.exit_code) == (
        ["facts.yaml:19:11: error reference: rule 'balance-positive' names unknown fact 'debt'"], 1)
    unknown_key = check([balance], [{"id": "balance-positive", "kind": "positive", "fact": "balance", "min": 1}])
    assert unknown_key.lines == ["facts.yaml:20:5: error schema: unknown key 'min' (at rules/0)"]


@pytest.mark.usefixtures("toy_kind")
def test_a_new_kind_is_listed_by_factcheck_rules_and_in_sarif() -> None:
    listed = CliRunner().invoke(main, ["rules"], prog_name="factcheck")
    assert listed.stdout.splitlines()[-1] == "positive   a fact's value lies above zero."
    shown = CliRunner().invoke(main, ["rules", "positive"], prog_name="factcheck")
    assert shown.stdout.startswith("positive — a fact's value lies above zero.\n\nA positive rule names")
    report = check([{"id": "trainers", "value": 130, "unit": "persons"}]).report
    descriptors = sarif_dict(report)["runs"][0]["tool"]["driver"]["rules"]
    positive = next(rule for rule in descriptors if rule["id"] == "positive")
    assert positive["shortDescription"]["text"] == "positive — a fact's value lies above zero."


@pytest.mark.usefixtures("toy_kind")
def test_a_new_kind_is_in_the_generated_docs() -> None:
    section = schemagen.rules_doc().split("\n## ")[-1].splitlines()
    assert section[:5] == ["positive — a fact's value lies above zero.", "",
                           "*written under `rules:`; checked against the whole fact base*", "",
                           "A `positive` rule names a `fact`; it is an **error** when no value the fact allows "
                           "is above zero."]
    assert section[-2] == ("facts.yaml:17:5: error positive: positive balance-positive: balance = -3 EUR million "
                           "is not above zero")

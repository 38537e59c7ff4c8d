"""The registry of finding kinds (factcheck.kinds) holds every kind the code emits, exactly once,
each with its stage, default severity and documentation: an emitted kind that is not registered fails
here, both in the source (kind literals) and at run time (the kinds the test corpora produce)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest
import yaml

from factbase import check
from factcheck.engine import verify
from factcheck.findings import Severity
from factcheck.kinds import CHECK_KINDS, Stage, documentation, known_kinds, registry
from factcheck.rules import RULE_KINDS, kinds_in, rule_module
from factcheck.rules.spec import Scope
from test_rule_docs import DOCUMENTED, examples

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "factcheck"

#: The stage of every kind, as the issue names them.
STAGES = {
    Stage.SYNTAX: ["syntax", "encoding", "limit", "alias", "tag", "merge-key", "key", "duplicate-key", "string",
                   "non-finite"],
    Stage.SCHEMA: ["schema", "duplicate-id", "unit", "date", "value-type", "reference", "source", "settings",
                   "unknown-kind", "unknown-acknowledgement"],
    # the rule kinds by their specs' scope (a new kind needs no entry here)
    Stage.PROVENANCE: [*kinds_in(Scope.PER_FILE), "ambiguous", "notation"],
    Stage.RULE: [*kinds_in(Scope.WHOLE_BASE), "stale-acknowledgement", "dimension"],
    Stage.COVERAGE: [],  # coverage is measured by `factcheck coverage`, which reports no findings
}


def _callee(call: ast.Call) -> str | None:
    function = call.func
    return function.id if isinstance(function, ast.Name) else getattr(function, "attr", None)


def _calls(tree: ast.AST) -> Iterable[ast.Call]:
    return (node for node in ast.walk(tree) if isinstance(node, ast.Call))


def _kind_argument(call: ast.Call, makers: Mapping[str, int]) -> ast.expr | None:
    index = makers.get(_callee(call) or "")
    if index is None:
        return None
    keyword = next((item.value for item in call.keywords if item.arg == "kind"), None)
    return call.args[index] if index < len(call.args) else keyword


def emitted_kinds(sources: Iterable[str]) -> set[str]:
    """The kind literals of `sources`: the kinds given to `Finding(...)`, and to every function that
    passes one of its parameters on as a finding's kind (`finding_at`, `_report`, ...), to a fixed point."""
    trees = [ast.parse(source) for source in sources]
    functions = [node for tree in trees for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)]
    makers = {"Finding": 0}  # a callable's name -> the position of the kind among its arguments
    grown = True
    while grown:
        grown = False
        for function in (f for f in functions if f.name not in makers):
            params = [arg.arg for arg in function.args.args]
            for call in _calls(function):
                kind = _kind_argument(call, makers)
                if isinstance(kind, ast.Name) and kind.id in params:
                    makers[function.name] = params.index(kind.id) - (params[:1] == ["self"])
                    grown = True
                    break
    return {kind.value for tree in trees for call in _calls(tree)
            if isinstance(kind := _kind_argument(call, makers), ast.Constant) and isinstance(kind.value, str)}


def source_kinds() -> set[str]:
    return emitted_kinds(path.read_text(encoding="utf-8") for path in sorted(SRC.rglob("*.py")))


# --- the registry -----------------------------------------------------------------------------

def test_each_kind_is_registered_exactly_once_with_its_stage() -> None:
    assert not set(RULE_KINDS) & set(CHECK_KINDS)
    assert len(known_kinds()) == len(set(known_kinds()))
    assert known_kinds()[:len(RULE_KINDS)] == list(RULE_KINDS)
    assert {stage: [kind for kind in known_kinds() if registry()[kind].stage is stage] for stage in Stage} == STAGES


@pytest.mark.parametrize("kind", known_kinds())
def test_each_kind_is_documented_with_a_summary_line(kind: str) -> None:
    doc = documentation(kind)
    assert doc.summary.startswith(f"{kind} — ")
    assert doc.text.startswith(doc.summary)
    assert registry()[kind].severity is Severity.ERROR  # a warning comes from a judgement, not a default
    if kind in RULE_KINDS:
        assert doc.text == (rule_module(kind).__doc__ or "").strip()


def test_an_unregistered_kind_has_no_entry() -> None:
    with pytest.raises(KeyError, match="frobnicate"):
        documentation("frobnicate")


# --- every emitted kind is registered -----------------------------------------------------------

def test_the_source_emits_registered_kinds_only_and_every_check_kind() -> None:
    emitted = source_kinds()
    assert emitted - set(known_kinds()) == set()
    assert set(CHECK_KINDS) - emitted == set()  # no registered kind that nothing emits
    assert {"string", "non-finite", "settings", "unknown-kind", "limit", "sum", "dimension"} <= emitted


def test_the_scan_finds_a_new_kind_directly_and_through_helpers() -> None:
    """The scan above would fail for `Finding("newkind", ...)`, however many helpers pass the kind on."""
    source = '''
def at(kind, message):
    return Finding(kind, Severity.ERROR, message, Location("x"))

class Reader:
    def report(self, message, kind):
        self.found.append(at(kind, message))

    def read(self):
        self.report("m", "through-a-method")
        yield Finding("direct", Severity.ERROR, "m", Location("x"))
        yield at(kind="by-keyword", message="m")
        yield Finding(rule.kind, Severity.ERROR, "m", Location("x"))
'''
    assert emitted_kinds([source]) == {"through-a-method", "direct", "by-keyword"}


def _kind_of(line: str) -> str:
    match = re.match(r"^.*?:\d+:\d+: (?:error|warning|info) ([a-z-]+): ", line)
    assert match is not None, line
    return match[1]


def test_the_corpora_produce_registered_kinds_only() -> None:
    """The kinds found at run time: the broken inputs (their lines are checked by test_bad_inputs), the
    failing examples of the rule docs, the shipped base and the reporting bases."""
    expected = yaml.safe_load((ROOT / "tests" / "bad_inputs" / "expected.yaml").read_text(encoding="utf-8"))
    found = {_kind_of(line) for spec in expected.values() for line in spec.get("lines", ())}
    for kind in DOCUMENTED:
        for _, data, _ in examples(rule_module(kind)):
            outcome = check(data["facts"], data.get("rules", ()), data.get("acknowledged", ()), data.get("document"))
            found |= {finding.kind for finding in outcome.report.findings}
    reporting = ROOT / "tests" / "data" / "reporting"
    for base in [[ROOT / "facts.yaml"], [reporting / "broken" / "facts.yaml"],
                 [reporting / "malformed" / "facts.yaml", reporting / "malformed" / "dup.yaml"]]:
        found |= {finding.kind for finding in verify(base, cwd=base[0].parent, root=ROOT).findings}
    assert found - set(known_kinds()) == set()
    assert {"non-finite", "string", "value", "sum", "agreement", "duplicate-key", "schema"} <= found


"""The documentation of every kind of finding, for reports that describe their rules (SARIF).

A rule kind documents itself in its module docstring (``rules/KIND.py``); the checks that are
not rule kinds (loading, schema, model) are described here.  A kind added elsewhere without an
entry still gets a plain description, so a report never fails for want of documentation.
"""

from __future__ import annotations

from dataclasses import dataclass

#: kind -> documentation of the checks that are not rule kinds; first line "KIND — summary".
CHECK_KINDS: dict[str, str] = {
    "syntax": "syntax — the file is not valid YAML.\n\n"
              "The finding stands where the YAML parser gave up; fix the text there (an unclosed quote, "
              "a bad indent, a tab).",
    "encoding": "encoding — the file is not UTF-8 text.\n\n"
                "Fact files and sources are read as UTF-8; the finding stands at the first byte that is not.",
    "limit": "limit — a file or a number is beyond factcheck's safety limits.\n\n"
             "Files over 8 MiB, integers over 40 digits and exponents over 100 are refused: a curated "
             "fact base never needs them, and they would make checking pathological.",
    "alias": "alias — YAML anchors and aliases are not allowed.\n\n"
             "Write each value out; a fact base that repeats itself through aliases hides what it states.",
    "tag": "tag — explicit YAML tags are not allowed.\n\n"
           "Only the core tags (strings, numbers, booleans, null, mappings, sequences) may appear.",
    "merge-key": "merge-key — YAML merge keys (<<) are not allowed.\n\nWrite each field of each entry out.",
    "key": "key — mapping keys must be plain strings.",
    "duplicate-key": "duplicate-key — a mapping repeats a key.\n\n"
                     "Most YAML loaders silently keep the last value; factcheck reports the second key.",
    "schema": "schema — the file does not match schema/facts.schema.json.\n\n"
              "The finding stands at the offending value (or key) and names its path in the file.",
    "duplicate-id": "duplicate-id — two facts, or two rules, share an id.\n\n"
                    "Ids are unique across the whole fact base; the finding stands at the second one.",
    "unit": "unit — a fact's unit is not known.\n\nDeclare extra count units under `units:`.",
    "date": "date — a date or a validity is impossible (30 February, a validity that ends before it starts).",
    "value-type": "value-type — a value does not fit its unit: dates need a date string, other units a number.\n\n"
                  "A range {min, max} needs min <= max.",
    "reference": "reference — a rule names a fact that does not exist.",
    "source": "source — a document's source cannot be used.\n\n"
              "The source must be a readable UTF-8 file, named relative to the fact file, inside the repository.",
    "stale-acknowledgement": "stale-acknowledgement — an acknowledgement matches no finding.\n\n"
                             "The problem it accepted is gone (or its rule or facts were renamed); remove it.",
    "dimension": "dimension — a relation compares quantities of different dimensions.\n\n"
                 "EUR and persons, or dates and counts, never compare; check the facts' units.",
}


@dataclass(frozen=True, slots=True)
class KindDoc:
    """The user documentation of one rule kind: its module's docstring."""

    kind: str
    summary: str  # one line: "KIND — summary"
    text: str  # the full documentation


def _doc(kind: str, text: str) -> KindDoc:
    text = text.strip()
    return KindDoc(kind, text.splitlines()[0], text)


def known_kinds() -> list[str]:
    """Every documented kind: the rule kinds first (in registry order), then the other checks."""
    from factcheck.rules import RULE_KINDS

    return [*RULE_KINDS, *(kind for kind in CHECK_KINDS if kind not in RULE_KINDS)]


def documentation(kind: str) -> KindDoc:
    from factcheck.rules import RULE_KINDS, rule_module

    module = rule_module(kind) if kind in RULE_KINDS else None
    if module is not None and module.__doc__:
        return _doc(kind, module.__doc__)
    if kind in CHECK_KINDS:
        return _doc(kind, CHECK_KINDS[kind])
    return _doc(kind, f"{kind} — findings of the {kind} check.")

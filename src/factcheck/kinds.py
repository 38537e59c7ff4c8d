"""The registry of finding kinds: every kind a check emits, with its stage, default severity and
documentation (for ``factcheck rules`` and SARIF's rule descriptors).

A rule kind (``factcheck.rules.RULE_KINDS``) documents itself in its module docstring
(``rules/KIND.py``); every other kind is registered in `CHECK_KINDS`.  A kind that is in neither
is a bug, not a kind without documentation: tests/test_kinds.py fails when code emits one.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from enum import Enum
from typing import NamedTuple

from factcheck.findings import Severity


class Stage(str, Enum):
    """The step of a run that finds a kind of problem, in the order a run takes them: a base with
    syntax or schema findings is checked no further."""

    SYNTAX = "syntax"  # the file as UTF-8 text and strict YAML, within the safety limits
    SCHEMA = "schema"  # the data as a fact base: the schema, then building the model
    PROVENANCE = "provenance"  # each fact against its own source
    RULE = "rule"  # the facts against each other, and the acknowledgements against the findings
    COVERAGE = "coverage"  # the sources against the facts (`factcheck coverage`, which makes no findings yet)


class KindSpec(NamedTuple):  # not a dataclass: every run imports this module, and a dataclass costs 0.3 ms
    """What the registry knows of one kind; `doc` is None for a rule kind (its module documents it)."""

    stage: Stage
    doc: str | None = None  # first line "KIND — summary"
    severity: Severity = Severity.ERROR
    #: whether `settings.severity` can set it (and an acknowledgement accept it): only the findings the
    #: rules make pass through there; the others stop a run before severities apply, or come after
    adjustable: bool = False


#: kind -> spec of the checks that are not rule kinds.  New kinds go last: the order is SARIF's rule
#: order, and appending keeps the rule index of every earlier kind.
CHECK_KINDS: dict[str, KindSpec] = {
    "syntax": KindSpec(Stage.SYNTAX, "syntax — the file is not valid YAML.\n\n"
                       "The finding stands where the YAML parser gave up; fix the text there (an unclosed quote, "
                       "a bad indent, a tab)."),
    "encoding": KindSpec(Stage.SYNTAX, "encoding — the file is not UTF-8 text.\n\n"
                         "Fact files and sources are read as UTF-8; the finding stands at the first byte that is "
                         "not."),
    "limit": KindSpec(Stage.SYNTAX, "limit — a file or a number is beyond factcheck's safety limits.\n\n"
                      "Files over 8 MiB, integers over 40 digits and exponents over 100 are refused: a curated "
                      "fact base never needs them, and they would make checking pathological."),
    "alias": KindSpec(Stage.SYNTAX, "alias — YAML anchors and aliases are not allowed.\n\n"
                      "Write each value out; a fact base that repeats itself through aliases hides what it "
                      "states."),
    "tag": KindSpec(Stage.SYNTAX, "tag — explicit YAML tags are not allowed.\n\n"
                    "Only the core tags (strings, numbers, booleans, null, mappings, sequences) may appear."),
    "merge-key": KindSpec(Stage.SYNTAX, "merge-key — YAML merge keys (<<) are not allowed.\n\n"
                          "Write each field of each entry out."),
    "key": KindSpec(Stage.SYNTAX, "key — mapping keys must be plain strings."),
    "duplicate-key": KindSpec(Stage.SYNTAX, "duplicate-key — a mapping repeats a key.\n\n"
                              "Most YAML loaders silently keep the last value; factcheck reports the second key."),
    "schema": KindSpec(Stage.SCHEMA, "schema — the file does not match schema/facts.schema.json.\n\n"
                       "The finding stands at the offending value (or key) and names its path in the file."),
    "duplicate-id": KindSpec(Stage.SCHEMA, "duplicate-id — two facts, or two rules, share an id.\n\n"
                             "Ids are unique across the whole fact base; the finding stands at the second one."),
    "unit": KindSpec(Stage.SCHEMA, "unit — a fact's unit is not known.\n\nDeclare extra count units under `units:`."),
    "date": KindSpec(Stage.SCHEMA, "date — a date or a validity is impossible (30 February, a validity that ends "
                     "before it starts)."),
    "value-type": KindSpec(Stage.SCHEMA, "value-type — a value does not fit its unit: dates need a date string, "
                           "other units a number.\n\nA range {min, max} needs min <= max."),
    "reference": KindSpec(Stage.SCHEMA, "reference — a rule names a fact that does not exist."),
    "source": KindSpec(Stage.SCHEMA, "source — a document's source cannot be used.\n\n"
                       "The source must be a readable, non-empty UTF-8 file, named relative to the fact file, "
                       "inside the repository.  Under pre-commit (PRE_COMMIT=1), a source or fact file that git "
                       "does not track is one too: the commit would lack it (`git add` it)."),
    "stale-acknowledgement": KindSpec(Stage.RULE, "stale-acknowledgement — an acknowledgement matches no "
                                      "finding.\n\nThe problem it accepted is gone (or its rule or facts were "
                                      "renamed); remove it."),
    "dimension": KindSpec(Stage.RULE, "dimension — a relation compares quantities of different dimensions.\n\n"
                          "EUR and persons, or dates and counts, never compare; check the facts' units.",
                          adjustable=True),
    "string": KindSpec(Stage.SYNTAX, "string — a string holds a control character.\n\n"
                       "C0 and C1 control characters other than tab and line breaks, and lone surrogates, are "
                       "refused whether written raw or escaped (\"\\x01\"): a fact base never needs them, and "
                       "they would garble every report that shows the string."),
    "non-finite": KindSpec(Stage.SYNTAX, "non-finite — a number is infinite or not a number.\n\n"
                           "YAML reads .inf, -.inf and .nan as numbers, but JSON has no such numbers and no "
                           "document states one."),
    "settings": KindSpec(Stage.SCHEMA, "settings — a setting cannot hold: two fact files declare a base-wide "
                         "setting differently, or a severity is set for a kind it cannot change.\n\n"
                         "Tolerances and severities hold for the whole fact base: declare each once, or alike in "
                         "every file.  Only the findings of the rules (the rule and provenance kinds, and "
                         "dimension) have a severity to set: a syntax, schema, reference or source finding stops "
                         "the check before severities apply, and a stale acknowledgement is found after."),
    "unknown-kind": KindSpec(Stage.SCHEMA, "unknown-kind — `settings: severity:` names a kind of finding that "
                             "does not exist.\n\nThe keys are the kinds shown after each finding's severity "
                             "(`factcheck rules` lists the rule kinds); a misspelt one would change nothing."),
    "unknown-acknowledgement": KindSpec(Stage.SCHEMA, "unknown-acknowledgement — an acknowledgement names "
                                        "neither a rule nor a kind of finding.\n\nIts `rule` is the id of a rule "
                                        "entry, or, for a finding that no rule entry made, the finding's kind."),
    "ambiguous": KindSpec(Stage.PROVENANCE, "ambiguous — a fact's quote states more than one value that could be "
                          "the fact's.\n\n"
                          "\"140 thousand euro goes to maintenance and 110 thousand euro to new playgrounds\" states "
                          "two amounts, and the value check cannot tell which one a fact means.  Readings of another "
                          "dimension are no rivals: a year or a date is not an amount, a percentage is not a count, "
                          "\"6 maanden\" is not a number of persons.  Name the one meant with the fact's `at:`, the "
                          "exact words that state it (`at: \"110 thousand euro\"`); the value is then read there "
                          "alone.  The finding stands at the quote (or at `at`, when that still holds more than one), "
                          "and lists every candidate.", adjustable=True),
    "notation": KindSpec(Stage.PROVENANCE, "notation — a number in a fact's quote is written in the other "
                         "language's notation.\n\n"
                         "`document.language` decides how numbers are read: \"12,5\" in an English document is 12 "
                         "and 5 (a group of thousands has three digits), and \"12.5\" in a Dutch one is 12 and 5 "
                         "too.  The finding names both readings; fix the source, or `document.language`.  Coverage "
                         "does not count such a number as covered.", adjustable=True),
}


@functools.cache
def registry() -> Mapping[str, KindSpec]:
    """Every kind: the rule kinds first (in `RULE_KINDS` order), then the other checks."""
    from factcheck.rules import PER_FILE_KINDS, RULE_KINDS

    rules = {kind: KindSpec(Stage.PROVENANCE if kind in PER_FILE_KINDS else Stage.RULE, adjustable=True)
             for kind in RULE_KINDS}
    return {**rules, **CHECK_KINDS}


def known_kinds() -> list[str]:
    return list(registry())


class KindDoc(NamedTuple):
    """The user documentation of one kind."""

    summary: str  # one line: "KIND — summary"
    text: str  # the full documentation


def documentation(kind: str) -> KindDoc:
    """A registered kind's documentation (KeyError for any other name)."""
    doc = registry()[kind].doc
    if doc is None:
        from factcheck.rules import rule_module

        doc = rule_module(kind).__doc__ or ""
    text = doc.strip()
    return KindDoc(text.splitlines()[0], text)

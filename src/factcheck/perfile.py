"""Findings that depend on one fact file and its source alone (quote, value, section), cached per
file: an unchanged file with an unchanged source costs a JSON decode instead of preparing the
source and reading every quote."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from factcheck.cache import cache_store, entry_path, read_entry, write_entry
from factcheck.cachecodec import decode_findings, encode_findings
from factcheck.findings import Finding
from factcheck.model import Fact, FactBase, FactFile


def per_file(base: FactBase, texts: Mapping[str, str], check: Callable[[FactFile], list[Finding]]) -> list[Finding]:
    """`check` run on each fact file of `base` (its facts and source text), for findings that
    depend on nothing else.  Each file's findings are cached under `part_pieces`, salted like
    every entry (`cache_store`)."""
    by_file: dict[str, dict[str, Fact]] = {}
    for fact in base.facts.values():
        by_file.setdefault(fact.document.path, {})[fact.id] = fact
    store = cache_store()
    findings: list[Finding] = []
    for name, facts in by_file.items():
        source = base.source_texts.get(name)
        entry = None if store is None else entry_path(store, *part_pieces(name, texts.get(name, ""), source, facts))
        blob = None if entry is None else read_entry(entry)
        found = None if blob is None else decode_findings(blob)
        if found is None:
            found = check(FactFile(name, facts, source))
            if entry is not None:
                write_entry(entry, encode_findings(found))
        findings.extend(found)
    return _once_per_source(findings) if len(by_file) > 1 else findings


def _once_per_source(findings: list[Finding]) -> list[Finding]:
    """Fact files that share a source each judge all of it: a finding about the source alone (no fact)
    counts once, and not at all where another file's fact finding of its kind points at the same place."""
    pointed = {(finding.kind, related.location) for finding in findings if finding.facts
               for related in finding.related}
    seen: set[Finding] = set()
    kept = []
    for finding in findings:
        if not finding.facts:
            if finding in seen or (finding.kind, finding.location) in pointed:
                continue
            seen.add(finding)
        kept.append(finding)
    return kept


def part_pieces(name: str, text: str, source: str | None, facts: Mapping[str, Fact]) -> tuple[str, ...]:
    """What a file's provenance findings depend on: the file's name and text, its source's text
    and the units its facts resolved to (units may be declared in another file)."""
    units = {id(fact.unit): fact.unit for fact in facts.values()}  # the builder shares one per unit text
    sourced = "no source" if source is None else f"source {source}"
    return ("provenance", name, text, sourced, *sorted(map(repr, units.values())))

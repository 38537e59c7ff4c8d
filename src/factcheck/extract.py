"""`factcheck extract`: draft a fact file from a source, the inverse of coverage.

Every item coverage counts (numerals.find_numerals on the prepared source, weak readings aside)
becomes one fact: its quote is the clause around it, trimmed to hold one candidate of its kind;
its section the heading above; its value as written; its unit from the currency or the noun after
it (extractwords.py); its qualifier from the hedge before it.  Reference numbers (Kamerstuk and
article numbers) become coverage exclusions.  Cue words give rules: inclusion or sum ("waarvan",
"of which") and change ("van X naar Y").

The draft is then checked with factcheck's own loader, schema, model and rules, in memory: a fact
with an ambiguous finding gets its `at:`, a fact with another finding is dropped, a rule with a
finding becomes a comment, and facts that share a quantity but disagree are given their own.  So
the draft verifies as it is written, but for the errors of the document itself (`DOCUMENT_KINDS`),
which it shows as `verify` does.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, localcontext
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from factcheck.dates import DateInterval, parse_date
from factcheck.extractwords import WORDS, Words
from factcheck.findings import Finding
from factcheck.intervals import plain
from factcheck.numerals import (
    DATE,
    NUMBER,
    ORDINAL,
    PERCENT,
    VAGUE,
    Numeral,
    find_numerals,
    find_weekdays,
    language,
    misread,
)
from factcheck.rules._statements import signed_cells
from factcheck.sourcedoc import SourceDocument
from factcheck.sourceread import project_root
from factcheck.sourcetext import OPENING, SOFT_HYPHEN, Match, SourceText
from factcheck.tables import Scale
from factcheck.units import parse_unit

#: The words a quote takes on each side of its number, at most, before the clause ends.
LEFT_WORDS, RIGHT_WORDS = 5, 6
#: How far around a number its words are read (hedge, noun, quote): a text without sentence ends
#: (a table, a list) is one long sentence, and reading all of it for every number is quadratic.
WINDOW = 400
MAX_ROUNDS = 4
#: Findings about what the document itself states (a weekday its date does not fall on): the draft
#: shows them as `verify` does, and is never mended to hide one.
DOCUMENT_KINDS = frozenset({"calendar"})
_SCALE_NAMES = {10**3: "thousand", 10**6: "million", 10**9: "billion"}
_TOKEN = re.compile(r"[\w€$£][\w'.-]*[\w']|[\w€$£]")
_HARD = ".;:!?()[]\"«»"  # clause breaks (the prepared text has folded typographic quotes to ")
_SENTENCE_END = ".!?"  # what a quote too short to read crosses no more
_ABBREVIATION = re.compile(r"(?:\b\w{1,3}|\b(?:jl|dd|nr|nrs|bijv|resp|ca|mr|dr|St|vs|o\.a|a\.s|e\.g|i\.e|etc))\.$")


class CannotExtract(Exception):
    """The source cannot be drafted (no date, no language): exit 2 with the message."""


@dataclass
class Fact:
    """One drafted fact and where it came from."""

    id: str
    quantity: str
    value: Any  # int, Decimal, a date string or {min, max}
    unit: str
    qualifier: str
    section: str
    quote: str
    span: Match  # the numeral, in `SourceText.text`
    kind: str  # the numeral's kind
    written: str  # the numeral as the quote writes it
    #: the words in the quote that name the value (the `at:` field), when the quote states more than one candidate
    at: str | None = None
    own: str = ""  # the fewest words around the numeral that stand in the quote once: its `at:` when needed
    phrase: str = ""  # the noun phrase that names what is counted: facts sharing one share a quantity
    comments: list[str] = field(default_factory=list)


@dataclass
class Rule:
    """A drafted rule: `kinds` are tried in order, and one that fails the check becomes a comment."""

    id: str
    kinds: list[str]
    fields: dict[str, Any]
    about: str  # the fact the comment stands beside
    note: str  # what the comment says

    @property
    def kind(self) -> str:
        return self.kinds[0]


@dataclass
class Draft:
    """A drafted fact file: the document block, units, facts, rules and exclusions."""

    document: dict[str, str]
    facts: list[Fact]
    rules: list[Rule]
    exclusions: list[tuple[str, str]]  # text, reason

    @property
    def units(self) -> dict[str, str]:
        """The units the facts use that factcheck does not know: each its own dimension."""
        return {base: base for base in (fact.unit.split()[0] for fact in self.facts) if parse_unit(base) is None}


# -- the document ---------------------------------------------------------------------------------


def detect_language(text: str) -> str:
    """The language whose commonest words the text uses most; CannotExtract when none is used."""
    words = Counter(word.lower() for word in re.findall(r"[^\W\d_]+", text[:20000]))
    scores = {tag: sum(words[word] for word in table.common) for tag, table in WORDS.items()}
    best = max(scores, key=lambda tag: scores[tag])
    if not scores[best] or list(scores.values()).count(scores[best]) > 1:
        raise CannotExtract("cannot tell the language of the source; give --language nl or en")
    return best


def detect_date(text: str, tag: str, furniture: Sequence[str] = ()) -> tuple[date, str]:
    """The date the text states as its own, a dateline near its top ("Den Haag, 2 november 2015") or a
    masthead's weekday and date near its top or in its running headers (`furniture`), and the dateline
    as written."""
    head = "\n".join(text.splitlines()[:60])
    for line in re.finditer(WORDS[tag].dateline, head):
        rest = head[line.end():line.end() + 40]
        for item in find_numerals(rest, tag, None, words=False):
            if item.start == 0 and item.kind == DATE and item.dates and item.dates[0].first == item.dates[0].last:
                return item.dates[0].first, head[line.start():line.end() + item.end].strip()
    # a register's or a paper's masthead prints its issue date with the weekday: "Thursday, August 6, 2020"
    mastheads = "\n".join([head, *furniture])
    for named in find_weekdays(mastheads, tag, None):
        if named.day.weekday() == named.weekday:
            return named.day, mastheads[named.start:named.end].strip()
    raise CannotExtract("no document date found in the source; give --date YYYY-MM-DD")


# -- drafting -------------------------------------------------------------------------------------


@dataclass
class _Item:
    numeral: Numeral
    span: Match  # in source.text
    sentence: tuple[int, int]


def draft(source: SourceText, tag: str, reference: date, document: dict[str, str],
          wanted: Callable[[Match], bool] | None = None,
          progress: Callable[[int, int], None] | None = None, dateline: str = "") -> Draft:
    """The drafted facts, rules and exclusions of `source` (only the items `wanted` admits, if given;
    the `dateline` is excluded as the document's own date)."""
    words = WORDS[tag.split("-")[0].lower()]
    text = source.text
    references = _references(source, words)
    for table in source.tables:  # "(x € 1.000)" states how the table's numbers read, no fact
        if table.scale is not None:
            spans = [found for found in source.find(table.scale.text)
                     if source.position(found.start)[0] == table.scale.line]
            references.append((table.scale.text, "the scale of a table", spans))
    if dateline:
        references.append((dateline, "the document's own date", list(source.find(dateline))))
    excluded = bytearray(len(text))
    for _, _, spans in references:
        for span in spans:
            excluded[span.start:span.end] = b"\x01" * (span.end - span.start)
    bounds = _sentences(source)
    barriers = [span for _, _, spans in references for span in spans]
    items: list[_Item] = []
    needed: set[str] = set()  # the exclusions that exclude an item wanted
    # digits the document's notation misreads ("12,5" in English) state no value a draft may guess: verify's
    # notation finding and coverage name them, and a quote cut before the ",5" would hide them
    misreads = misread(source.plain, tag)
    for numeral in find_numerals(source.plain, tag, reference):
        if any(wrong.overlaps(numeral) for wrong in misreads):
            continue
        span = source.from_plain(numeral.start, numeral.end)
        if wanted is not None and not wanted(span):
            continue
        if any(excluded[span.start:span.end]):
            needed.update(text for text, _, spans in references
                          if any(one.start < span.end and span.start < one.end for one in spans))
            continue
        if numeral.weak and not _weak_fact(numeral, text, span, words):
            continue
        sentence = _sentence_of(bounds, span.start, len(text))
        if source.tables and source.table_of(span) is not None:
            sentence = _row_of(source, span, sentence)
            # a cell a minus sign starts ("- 5.098", an en dash) is negative, as the value rule reads a table row
            numeral = signed_cells([numeral], source.plain)[0]
            span = source.from_plain(numeral.start, numeral.end)
        items.append(_Item(numeral, span, sentence))
    # "enkele honderden": the vague word before another count only qualifies it
    items = [item for item, following in zip(items, [*items[1:], None], strict=False)
             if not (item.numeral.kind == VAGUE and following is not None
                     and not text[item.span.end:following.span.start].strip())]
    starts = [item.span.start for item in items]  # in order: find_numerals reads left to right
    facts: list[Fact] = []
    for index, item in enumerate(items):
        if progress is not None:
            progress(index + 1, len(items))
        near = items[bisect_left(starts, item.span.start - WINDOW):bisect_right(starts, item.span.end + WINDOW)]
        fact = _fact(source, item, [other for other in near if other.sentence == item.sentence], words, tag,
                     reference, barriers)
        if fact is not None:
            facts.append(fact)
    _name(facts, words)
    rules = _relations(source, facts, words, bounds)
    return Draft(document, facts, rules, [(text, reason) for text, reason, _ in references if text in needed])


def _references(source: SourceText, words: Words) -> list[tuple[str, str, list[Match]]]:
    """Reference numbers: each text once, with its reason and every place it stands ("nr. 506" inside
    "Kamerstuk 27 925, nr. 506" is not listed again)."""
    matches = [(match, reason) for pattern, reason in words.references for match in re.finditer(pattern, source.text)]
    found: dict[str, tuple[str, list[Match]]] = {}
    for match, reason in matches:
        if not any(other is not match and other.start() <= match.start() and match.end() <= other.end()
                   and other.span() != match.span() for other, _ in matches):
            found.setdefault(_clean(match.group()), (reason, []))[1].append(Match(match.start(), match.end()))
    return [(text, reason, spans) for text, (reason, spans) in found.items()]


def _clean(fragment: str) -> str:
    """Text of `SourceText.text` as a quote: a wrap hyphen kept before a capital (Saudi-Arabië), else dropped."""
    return re.sub(f"{SOFT_HYPHEN}(.)?", lambda m: ("-" if (m[1] or "").isupper() else "") + (m[1] or ""), fragment)


def _sentences(source: SourceText) -> list[int]:
    """Where sentences (and headings, which no quote crosses) start in `source.text`."""
    text = source.text
    starts = {0}
    for match in re.finditer(r"[.!?](?=\s+[\"'(]?[A-Z0-9À-Þ])", text):
        if not _ABBREVIATION.search(text[max(match.start() - 6, 0):match.end()]):
            starts.add(match.end() + 1)
    for heading in source.headings:
        for found in source.find(heading.title):
            if source.position(found.start)[0] == heading.line:
                starts.update((found.start, found.end + 1))
    for table in source.tables:  # no sentence runs into a table or out of it
        starts.update((_line_start(source, table.first), _line_start(source, table.last + 1)))
    return sorted(starts)


def _line_start(source: SourceText, line: int) -> int:
    """Where the first character of `line` (1-based; or of the first line after it with text) is in `source.text`."""
    return bisect_left(range(len(source.text)), line, key=lambda index: source.position(index)[0])


def _row_of(source: SourceText, span: Match, sentence: tuple[int, int]) -> tuple[int, int]:
    """The part of `sentence` on the line of `span`: a table row is read alone, as a sentence of its own
    (its cells are no clause of the rows above and below)."""
    line = source.position(span.start)[0]
    end = min(sentence[1], _line_start(source, line + 1))
    return max(sentence[0], _line_start(source, line)), len(source.text[:end].rstrip())


def _sentence_of(bounds: list[int], index: int, size: int) -> tuple[int, int]:
    at = bisect_right(bounds, index)
    return bounds[at - 1], (bounds[at] - 1 if at < len(bounds) else size)


def _tokens(text: str, start: int, end: int) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text, start, end))


def _weak_fact(numeral: Numeral, text: str, span: Match, words: Words) -> bool:
    """A weak reading that states a fact all the same: "beide landen", "binnen een week", "voor het eerst"."""
    if numeral.kind in (ORDINAL, DATE):  # "yesterday" states a date: the day before the document's
        return True
    following = _tokens(text, span.end, min(span.end + 40, len(text)))[:2]
    nouns = [_noun_unit(token.group(), words) for token in following]
    if numeral.value == 2:  # beide, both
        return any(nouns)
    # the article: "een week", "a strike" (one of a count noun written in the singular)
    return numeral.value == 1 and bool(nouns) and (nouns[0] in _TIME_UNITS or _singular(following[0].group(), words))


def _singular(word: str, words: Words) -> bool:
    """Whether `word` is the singular of a count noun of the table: no noun of it, but its plural is."""
    return _table_unit(word, words) is None and _noun_unit(word, words) is not None


@lru_cache(maxsize=8192)
def _noun_unit(word: str, words: Words) -> str | None:
    """The unit a count noun names: the table's, or the unit its plural names ("strike": strikes)."""
    return _table_unit(word, words) or next(
        (unit for ending, plural in words.plurals if word.endswith(ending)
         if (unit := _table_unit(word[:len(word) - len(ending)] + plural, words))), None)


@lru_cache(maxsize=8192)  # prose repeats its words, and each is compared with every noun of the table
def _table_unit(word: str, words: Words) -> str | None:
    """The unit of the table's count noun `word`, by the whole word or the last part of a compound."""
    if word in words.nouns:
        return words.nouns[word]
    folded = word.lower()
    for noun, unit in words.nouns.items():
        key = noun.lower()
        if folded == key or (len(key) >= 4 and folded.endswith(key) and len(folded) - len(key) >= 3):
            return unit
    return None


def _fact(source: SourceText, item: _Item, items: Sequence[_Item], words: Words, tag: str, reference: date,
          references: Sequence[Match]) -> Fact | None:
    """The fact one item states; `items` are those of its sentence near it."""
    numeral, span = item.numeral, item.span
    text = source.text
    before = text[max(item.sentence[0], span.start - WINDOW):span.start]
    after = text[span.end:min(item.sentence[1], span.end + WINDOW)]
    after_tokens = _tokens(text, span.end, min(item.sentence[1], span.end + WINDOW))
    kind = numeral.kind
    unit, phrase = "", ""
    value: Any = None
    if kind == DATE or (kind == NUMBER and numeral.dates and not _counted(after_tokens, words, before)):
        if not numeral.dates:
            return None
        kind, unit, value = DATE, "date", date_text(numeral.dates[0])
    elif kind == PERCENT:
        unit, value = "percent", _number(numeral.value)
    elif kind == ORDINAL or (kind == NUMBER and re.search(rf"(?i:{words.positions})\s+$", before)):
        kind, unit, value = ORDINAL, "ordinal", _number(numeral.value)
        phrase = _phrase(after_tokens, words)[0]
    else:
        scale = _scale(numeral, tag)
        # a bare number in a table that states its scale ("( x €1000)") is read at it, as value reads it
        table = _scale_of(source, span) if source.tables and scale == 1 and numeral.text[-1:].isdigit() else None
        if table is not None and int(table.factor) in _SCALE_NAMES:
            scale = int(table.factor)
        currency = _currency(before, after_tokens, words) or (table.currency if table is not None else None)
        if currency:
            base, phrase = currency, ""
        else:
            phrase, base = _phrase(after_tokens, words)
            if not base:
                base = (_noun_before(before, words) or _unit_before(item, items, source, words)
                        or _caption_unit(source, span, words) or "items")
        unit = f"{base} {_SCALE_NAMES[scale]}" if scale > 1 else base
        if table is not None:  # the value as the cell writes it
            scale = 1
        if kind == VAGUE:
            low = numeral.low / scale if numeral.low is not None else Decimal(0)
            high = numeral.high / scale if numeral.high is not None else low
            value = {"min": _number(low), "max": _number(high)}
        else:
            assert numeral.value is not None
            value = _number(numeral.value / scale)
    qualifier = "exact" if kind in (DATE, ORDINAL) else _qualifier(before, after, words)
    quote_span = _quote(source, item, items, words, references)
    quote = _clean(text[quote_span[0]:quote_span[1]])
    heading = source.heading_of(span)
    section = heading.title if heading is not None else OPENING
    written = _clean(text[span.start:span.end])
    # the quote stops before the other candidates it can, but the weak readings it holds ("een"
    # as an article) are candidates too, as the value rule reads the quote
    candidates = [other for other in find_numerals(quote, tag, reference) if _kin(other, numeral)]
    offset = len(_clean(text[quote_span[0]:span.start]))
    end = offset + len(written)
    own = _own_words(quote, offset, end) if quote[offset:end] == written else written
    return Fact("", "", value, unit, qualifier, section, quote, span, kind, written,
                own if len(candidates) > 1 else None, own, phrase)


def _own_words(quote: str, start: int, end: int) -> str:
    """The words quote[start:end], widened by whole words (those after first) until they stand in the
    quote once: the value rule reads a fact's value at its `at:` alone, which must stand there once."""
    from factcheck.rules._statements import occurrences

    words = [match.span() for match in re.finditer(r"[\w'-]*\w", quote)]
    while len(occurrences(quote, quote[start:end])) > 1:
        after = [stop for begin, stop in words if begin >= end]
        before = [begin for begin, stop in words if stop <= start]
        if not after and not before:
            break
        end, start = (after[0], start) if after else (end, before[-1])
    return quote[start:end]


def _counted(after: Sequence[re.Match[str]], words: Words, before: str) -> bool:
    """A year-like number that counts something: a noun of the table follows, or a currency precedes."""
    return bool(after and _noun_unit(after[0].group(), words)) or bool(re.search(r"[€$£]\s*$", before))


def _number(value: Decimal | None) -> int | Decimal:
    assert value is not None
    return int(value) if value == value.to_integral_value() else Decimal(plain(value))


def _scale(numeral: Numeral, tag: str) -> int:
    """The scale word the numeral ends in (miljoen, bn) as its factor, else 1."""
    last = numeral.text.split()[-1].lower() if " " in numeral.text else ""
    factor = language(tag).scales.get(last, 1)
    return factor if factor in _SCALE_NAMES and numeral.kind in (NUMBER, VAGUE) else 1


def _currency(before: str, after: Sequence[re.Match[str]], words: Words) -> str | None:
    """The currency of an amount: its word after the number ("miljoen euro"), or its sign or code
    right before it ("€ 100", "USD 5")."""
    if after and after[0].group().lower() in words.currencies:
        return words.currencies[after[0].group().lower()]
    codes = "|".join(map(re.escape, sorted(words.currencies, key=len, reverse=True)))
    sign = re.search(rf"(?i)(?<!\w)({codes})\s*$", before)
    return words.currencies[sign.group(1).lower()] if sign else None


def _phrase(after: Sequence[re.Match[str]], words: Words) -> tuple[str, str]:
    """The noun phrase after a number and the unit its noun names ("" when none follows): a noun of
    the tables within the next few words, else the first word written as a plural (where the
    language marks one: "three ISIS headquarters" counts headquarters), else the first word that is
    no modifier."""
    run: list[str] = []
    for token, following in zip(after[:4], [*after[1:4], None], strict=False):
        word = token.group()
        if word.lower() in words.stopwords or word[0].isdigit() or re.fullmatch(words.participle, word.lower()):
            break
        run.append(word)
        if following is not None and token.string[token.end():following.start()].strip():
            break  # a comma or other mark ends the phrase: "two staging areas, two vehicles"
    for index, word in enumerate(run):
        unit = _noun_unit(word, words)
        if unit:
            return " ".join(run[:index + 1]), unit
    endings = tuple(plural for _, plural in words.plurals if plural)
    for index, word in enumerate(run):
        if endings and word.endswith(endings) and not word.isupper():  # "ISIS" is a name, no plural
            return " ".join(run[:index + 1]), _declared(word)
    for index, word in enumerate(run):
        if not (word.lower() in words.modifiers or word.endswith(("e", "-"))):
            return " ".join(run[:index + 1]), _declared(word)
    return "", ""


def _declared(word: str) -> str:
    """A noun no table knows, as the unit the draft declares for it: plain ASCII letters."""
    folded = unicodedata.normalize("NFKD", word.lower()).encode("ascii", "ignore").decode()
    name = re.sub(r"[^a-z0-9_-]", "", folded).strip("-_")
    return name if name[:1].isalpha() and parse_unit(name) is None else "items"


def _unit_before(item: _Item, items: Sequence[_Item], source: SourceText, words: Words) -> str:
    """The count noun of the nearest number before, in the same sentence: "220 Nederlanders …, van
    wie 40 zijn overleden" counts persons twice."""
    earlier = [other for other in items if other.sentence == item.sentence and other.span.end <= item.span.start
               and other.numeral.kind in (NUMBER, VAGUE) and not other.numeral.dates]
    for other in reversed(earlier):
        tokens = _tokens(source.text, other.span.end, min(item.span.start, other.span.end + WINDOW))
        unit = next((found for token in tokens[:4] if (found := _noun_unit(token.group(), words))), None)
        if unit:
            return unit
    return ""


def _scale_of(source: SourceText, span: Match) -> Scale | None:
    """The scale stated for the table row of `span`, or for the table its table continues: one that
    follows it with no blank line between (a page of rows whose heads stand only above the first)."""
    scale = source.scale_of(span)
    table = source.table_of(span)
    if scale is not None or table is None:
        return scale
    earlier = [other for other in source.tables if other.last < table.first]
    if not earlier or earlier[-1].scale is None:
        return None
    if any(not source.text[_line_start(source, line):_line_start(source, line + 1)].strip()
           for line in range(earlier[-1].last + 1, table.first)):
        return None  # a blank line parts the tables
    return earlier[-1].scale


def _caption_unit(source: SourceText, span: Match, words: Words) -> str:
    """The count noun, written in the plural, that a table's caption names (else the lines above it
    up to a blank line: its title and column heads), for a cell that names none: "Firearm
    Background Checks" counts checks in every cell.  Under "State", a cell is no state."""
    table = source.table_of(span) if source.tables else None
    if table is None:
        return ""
    start = end = _line_start(source, table.first)
    for line in range(table.first - 1, 0, -1):
        if not source.text[_line_start(source, line):start].strip():
            break  # a blank line
        start = _line_start(source, line)
    above = source.text[start:end]
    return next((unit for title in (*table.names, above) for token in _TOKEN.finditer(title)
                 if (unit := _table_unit(token.group(), words))), "")


def _noun_before(before: str, words: Words) -> str:
    """The unit of "het aantal ministersposten … 30": the noun after the language's "number of"."""
    found = re.search(rf"(?i:{words.number_of})\s+(?:\w+e\s+)?([\w'-]+)", before)
    return (_noun_unit(found.group(1), words) or _declared(found.group(1))) if found else ""


def _qualifier(before: str, after: str, words: Words) -> str:
    # hedges are a word or three right before the number, or before its currency sign ("up to $6,715")
    tail = re.sub(r"[€$£]\s*$", "", before[-40:].lower())
    for phrase, qualifier in words.hedges_before:
        if re.search(rf"(?<![\w']){re.escape(phrase)}\s+$", tail):
            return qualifier
    head = after[:40].lower()
    for phrase, qualifier in words.hedges_after:
        if re.match(rf"\s*(?:\S+\s+)?{re.escape(phrase)}(?!\w)", head):
            return qualifier
    return "exact"


def _kin(other: Numeral, item: Numeral) -> bool:
    """Whether `other` is a candidate for the value of `item`, as the value rule reads a quote: a date
    (or year) for a date, a percentage for a percentage, an ordinal or number for an ordinal, any
    number (a year too) for a count."""
    if item.kind == DATE or item.dates:
        return other.kind == DATE or bool(other.dates)
    if item.kind == PERCENT:
        return other.kind == PERCENT
    if item.kind == ORDINAL:
        return other.kind in (ORDINAL, NUMBER)
    return other.kind in (NUMBER, VAGUE)


def _quote(source: SourceText, item: _Item, items: Sequence[_Item], words: Words,
           references: Sequence[Match]) -> tuple[int, int]:
    """The clause around the numeral: a few words each side, within its sentence, stopping at a clause
    break, before another candidate of its kind and before a reference number; widened until it
    stands once in the source."""
    text = source.text
    first, last = item.sentence
    others = [other.span for other in items if other is not item and other.sentence == item.sentence
              and _kin(other.numeral, item.numeral)] + [span for span in references if first <= span.start < last]
    left_limit = max([first, *(span.end for span in others if span.end <= item.span.start)])
    right_limit = min([last, *(span.start for span in others if span.start >= item.span.end)])
    start, end = item.span.start, item.span.end
    for hard in (_HARD, _SENTENCE_END):
        for extra in range(0, 12, 2):
            start = _reach_left(text, item.span.start, left_limit, LEFT_WORDS + extra, hard)
            end = _reach_right(text, item.span.end, right_limit, RIGHT_WORDS + extra, words, hard)
            if len(source.find(_clean(text[start:end]))) == 1:
                break
        if len(_content(text[start:item.span.start] + " " + text[item.span.end:end], words)) >= 2:
            break  # enough words to read what the number counts; else across parentheses and colons
    # a quote holds another number whole or not at all: a break inside it ("SEP. 18") is no clause break
    start = min([start, *(other.span.start for other in items if other.span.start < start < other.span.end)])
    end = max([end, *(other.span.end for other in items if other.span.start < end < other.span.end)])
    while start < item.span.start and (text[start] in ")],;: " or (
            text[start] in "([" and text.count("(", start, end) > text.count(")", start, end))):
        start += 1
    while end > item.span.end and (text[end - 1] in "([,;: " or (
            text[end - 1] in ")]" and text.count("(", start, end) < text.count(")", start, end))):
        end -= 1
    return start, end


def _cut(piece: str, taken: int, hard: str) -> int:
    """Where a clause break cuts a word: at a hard stop, or at a comma once two words are taken."""
    for index, char in enumerate(piece):
        if (char in hard or (char == "," and taken >= 2)) and not _within_number(piece, index):
            return index
    return len(piece)


def _within_number(piece: str, index: int) -> bool:
    """Whether the mark at `index` stands between digits: "2.000", "77,5" are no clause breaks."""
    return 0 < index < len(piece) - 1 and piece[index - 1].isdigit() and piece[index + 1].isdigit()


def _reach_right(text: str, origin: int, limit: int, count: int, words: Words, hard: str) -> int:
    end, taken = origin, 0
    limit = min(limit, origin + WINDOW)
    rest = text[origin:limit].split(" ", 1)[0]
    if rest:  # the word the numeral ends inside: "acht-weekse", "2015,"
        cut = next((index for index, char in enumerate(rest) if char in hard + ","), len(rest))
        end += cut
        if cut < len(rest):
            return end
    base = end
    for taken, chunk in enumerate(re.finditer(r"\S+", text[base:limit])):
        if taken >= count:
            break
        piece = chunk.group()
        cut = _cut(piece, taken + 1, hard)
        if cut:
            end = base + chunk.start() + cut
        if cut < len(piece):
            break
    return _trim_right(text, origin, end, words)


def _reach_left(text: str, origin: int, limit: int, count: int, hard: str) -> int:
    start, taken = origin, 0
    limit = max(limit, origin - WINDOW)
    chunks = list(re.finditer(r"\S+", text[limit:origin]))
    if chunks and chunks[-1].end() == origin - limit:  # the word the numeral starts inside: "(24"
        head = chunks.pop().group()
        cut = max(head.rfind(char) for char in hard + ",") + 1
        start -= len(head) - cut
        if cut:
            return start
    for taken, chunk in enumerate(reversed(chunks)):
        if taken >= count:
            break
        piece = chunk.group()
        breaks = [index for index, char in enumerate(piece)
                  if (char in hard or (char == "," and taken >= 2)) and not _within_number(piece, index)]
        if breaks:
            if breaks[-1] + 1 < len(piece):
                start = limit + chunk.start() + breaks[-1] + 1
            break
        start = limit + chunk.start()
    return start


def _trim_right(text: str, origin: int, end: int, words: Words) -> int:
    """Without small words dangling at the end ("… van het conflict en")."""
    while end > origin:
        last = re.search(r"(\S+)\s*$", text[origin:end])
        if last is None or last.start(1) == 0 or last.group(1).lower() not in words.stopwords:
            break
        end = origin + last.start(1)
    return len(text[:end].rstrip()) if end > origin else end


# -- naming ---------------------------------------------------------------------------------------


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


_KIND_SUFFIX = {DATE: "date", ORDINAL: "rank", PERCENT: "share"}
_TIME_UNITS = frozenset(("seconds", "minutes", "hours", "days", "weeks", "months", "years"))


def _name(facts: list[Fact], words: Words) -> None:
    """Readable ids from each fact's noun phrase (else its quote's words), and shared quantities."""
    taken: Counter[str] = Counter()
    for fact in facts:
        named = fact.phrase or _context(fact, words) or ("" if fact.kind == DATE else fact.unit.split()[0])
        stem = "-".join(filter(None, [_short(_slug(named)), _KIND_SUFFIX.get(fact.kind, "")])) or "fact"
        taken[stem] += 1
        fact.id = stem if taken[stem] == 1 else f"{stem}-{taken[stem]}"
    for fact in facts:  # a stem that recurs: the first of them is numbered too, so none reads as the only one
        if taken[fact.id] > 1:
            fact.id = f"{fact.id}-1"
    by_phrase: dict[tuple[str, str], list[Fact]] = {}
    for fact in facts:
        fact.quantity = fact.id
        if len(fact.phrase.split()) >= 2 and fact.kind not in (DATE, ORDINAL):
            by_phrase.setdefault((_slug(fact.phrase), fact.unit), []).append(fact)
    for (phrase, _), sharing in by_phrase.items():
        if len(sharing) > 1:
            for fact in sharing:
                fact.quantity = phrase


def _short(slug: str) -> str:
    """At most 40 characters, cut between words."""
    return slug if len(slug) <= 40 else slug[:41].rsplit("-", 1)[0]


def _context(fact: Fact, words: Words) -> str:
    """Up to three words of the quote that are not numbers nor small words: those after the value
    first, then those before it, nearest first."""
    before, _, after = fact.quote.partition(fact.written)
    return " ".join([*_content(after, words), *reversed(_content(before, words))][:3])


def _content(part: str, words: Words) -> list[str]:
    """The words of `part` that say something: no numbers, no small words."""
    return [word for word in re.findall(r"[^\W\d_][\w-]*", part)
            if len(word) > 3 and word.lower() not in words.stopwords]


# -- relations ------------------------------------------------------------------------------------


def _relations(source: SourceText, facts: list[Fact], words: Words, bounds: list[int]) -> list[Rule]:
    text = source.text
    counts = [fact for fact in facts if fact.kind in (NUMBER, VAGUE)]
    rules: list[Rule] = []
    used: set[str] = set()

    sentences = {fact.id: _sentence_of(bounds, fact.span.start, len(text)) for fact in counts}
    by_sentence: dict[tuple[int, int], list[Fact]] = {}
    for fact in counts:
        by_sentence.setdefault(sentences[fact.id], []).append(fact)

    def sentence(fact: Fact) -> tuple[int, int]:
        return sentences[fact.id]

    for cue in re.finditer(words.inclusion, text):
        within = _sentence_of(bounds, cue.start(), len(text))
        parts = [fact for fact in by_sentence.get(within, []) if fact.span.start > cue.end()]
        totals = [fact for fact in by_sentence.get(within, []) if fact.span.end <= cue.start()]
        if not totals and within[0] > 0:  # "Hiervan …", "Dit is inclusief …": the total stood before
            totals = by_sentence.get(_sentence_of(bounds, within[0] - 2, len(text)), [])
        if not totals or not parts:
            continue
        total = totals[-1]
        parts = [part for part in parts if _dimension(part) == _dimension(total)]
        if not parts or total.id in used:
            continue
        used.add(total.id)
        names = ", ".join(part.id for part in parts)
        kinds = ["sum", "inclusion"] if len(parts) > 1 else ["inclusion"]  # a sum has two parts or more
        rules.append(Rule(f"{total.id}-parts", kinds, {"total": total.id, "parts": [part.id for part in parts]},
                          total.id, f"{total.id} includes {names} (\"{cue.group()}\")"))
    start_word, end_word = words.from_to
    for one, two in pairwise(counts):
        between = text[one.span.end:two.span.start]
        if sentence(one) != sentence(two) or not (
                re.fullmatch(rf"\s+(?:{end_word})\s+", between)
                and re.search(rf"(?i)(?<!\w){start_word}\s+$", text[one.span.start - 20:one.span.start])):
            continue
        if one.unit == "items" and " " not in two.unit:  # "from 60 to 65 countries": one noun for both
            one.unit = two.unit
        if _dimension(one) != _dimension(two):
            continue
        clause = text[max(sentence(one)[0], one.span.start - WINDOW):min(sentence(one)[1], two.span.end + WINDOW)]
        if re.search(words.decrease, clause):
            direction = "decrease"
        elif re.search(words.increase, clause):
            direction = "increase"
        else:
            direction = "increase" if Decimal(str(two.value)) > Decimal(str(one.value)) else "decrease"
        one.quantity, two.quantity = f"{one.id}-before", f"{one.id}-after"
        rules.append(Rule(f"{one.id}-change", ["change"], {"from": one.id, "to": two.id, "direction": direction},
                          one.id, f"{one.id} changed to {two.id} ({direction})"))
    _suggest_changes(text, counts, rules, words, sentence)
    return rules


def _suggest_changes(text: str, counts: list[Fact], rules: list[Rule], words: Words,
                     sentence: Callable[[Fact], tuple[int, int]]) -> None:
    """ "opgehoogd naar 122 miljoen euro" with no "van" before it: a change from an earlier value,
    which one the text does not say; a comment names the likeliest, the nearest earlier total in the
    same section (else the nearest earlier value) in the same unit."""
    changed = {rule.fields["to"] for rule in rules if rule.kind == "change"}
    parts = {part for rule in rules for part in rule.fields.get("parts", [])}
    for index, fact in enumerate(counts):
        before = text[max(sentence(fact)[0], fact.span.start - WINDOW):fact.span.start]
        verb = re.search(rf"({words.increase}|{words.decrease})\s+(?:{words.from_to[1]})\s+$", before[-60:])
        if verb is None or fact.id in changed:
            continue
        earlier = [other for other in counts[:index] if other.unit == fact.unit and other.section == fact.section]
        chosen = ([other for other in earlier if other.id not in parts] or earlier)[-1:]
        if chosen:
            direction = "increase" if re.fullmatch(words.increase, verb.group(1)) else "decrease"
            fact.comments.append(f"change? from {chosen[0].id} to {fact.id}, {direction} (\"{verb.group(1)}\")")


def _dimension(fact: Fact) -> str:
    base = fact.unit.split()[0]
    unit = parse_unit(fact.unit, {base: base})
    return unit.dimension if unit is not None else fact.unit


# -- writing --------------------------------------------------------------------------------------


def date_text(interval: DateInterval) -> str:
    """An interval of days in the date grammar (docs/format.md), as short as it can be written."""
    first, last = interval.first, interval.last

    def parts(day: date) -> list[str]:
        month = f"{day.year:04d}-{day.month:02d}"
        return [f"{day.year:04d}", f"{day.year:04d}-H{1 if day.month <= 6 else 2}", month,
                *(f"{month}-{third}" for third in ("early", "mid", "late")), day.isoformat()]

    singles = parts(first) if first.year == last.year else []
    ranges = [f"{one}/{two}" for one in parts(first) for two in parts(last)]
    for candidate in [*singles, *ranges]:
        try:
            if parse_date(candidate) == interval:
                return candidate
        except ValueError:
            continue
    return f"{first.isoformat()}/{last.isoformat()}"


def _yaml(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {_yaml(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(map(_yaml, value)) + "]"
    if isinstance(value, int | Decimal):
        return plain(Decimal(value))
    return json.dumps(value, ensure_ascii=False)


_PLAIN = re.compile(r"[A-Za-z][^:#\"\n]*[^\s:#\"]|[A-Za-z]")


def _scalar(text: str) -> str:
    """A key's text: plain when YAML reads it back as the same string, else double-quoted."""
    return text if _PLAIN.fullmatch(text) and text not in ("true", "false", "null") else _yaml(text)


#: The fields of a fact in the order they are written; an empty value is left out.
FACT_FIELDS = ("id", "quantity", "value", "unit", "qualifier", "section", "quote", "at")


def fact_block(fact: Fact) -> list[str]:
    """One fact as YAML lines, its comments above it."""
    lines = [f"  # {comment}" for comment in fact.comments]
    for index, name in enumerate(FACT_FIELDS):
        value = getattr(fact, name)
        if value is None or (name == "qualifier" and value == "exact"):
            continue
        shown = _yaml(value) if name in ("value", "section", "quote", "at") else _scalar(value)
        lines.append(f"  {'- ' if index == 0 else '  '}{name}: {shown}")
    return lines


def rule_block(rule: Rule) -> list[str]:
    lines = [f"  - id: {rule.id}", f"    kind: {rule.kind}"]
    for name, value in rule.fields.items():
        shown = "[" + ", ".join(map(_scalar, value)) + "]" if isinstance(value, list) else _scalar(value)
        lines.append(f"    {name}: {shown}")
    return lines


def render(result: Draft, header: str) -> str:
    """The whole fact file."""
    lines = [header.rstrip("\n"), "document:"]
    lines.extend(f"  {key}: {_yaml(value) if key in ('date', 'title') else _scalar(value)}"
                 for key, value in result.document.items())
    units = result.units
    if units:
        lines += ["", "units:                    # count units factcheck does not know, each its own dimension"]
        lines.extend(f"  {name}: {dimension}" for name, dimension in units.items())
    lines += ["", "facts:"]
    for fact in result.facts:
        lines.extend(fact_block(fact))
        lines.append("")
    if not result.facts:
        lines[-1] = "facts: []"
    if result.rules:
        lines.append("rules:")
        for rule in result.rules:
            lines.extend(rule_block(rule))
            lines.append("")
    if result.exclusions:
        lines += ["coverage:", "  exclude:"]
        for text, reason in result.exclusions:
            lines += [f"    - text: {_yaml(text)}", f"      reason: {_scalar(reason)}"]
    return "\n".join(lines).rstrip("\n") + "\n"


# -- the check ------------------------------------------------------------------------------------


def findings_of(yaml_text: str, name: str, source: SourceDocument) -> list[Finding]:
    """Every finding `factcheck verify` would report on `yaml_text` (read as file `name`, its source
    `source`): the loader, the schema, the model and every rule, in memory."""
    from factcheck.engine import EXACT_DIGITS
    from factcheck.loader import load_text
    from factcheck.model import Builder, FactFile
    from factcheck.rules import check_all, check_file
    from factcheck.schema import validate

    with localcontext() as context:
        context.prec = EXACT_DIGITS
        loaded = load_text(yaml_text, name)
        if loaded.findings or loaded.data is None:
            return list(loaded.findings)
        schema_findings = validate(loaded.data, name)
        if schema_findings:
            return schema_findings
        builder = Builder()
        builder.add_file(name, loaded.data)
        base, found = builder.finish()
        if found:
            return found
        base.source_texts[name] = source
        facts = {fact.id: fact for fact in base.facts.values()}
        return [*check_all(base), *check_file(FactFile(name, facts, source))]


def settle(result: Draft, compose: Callable[[Draft], str], name: str, source: SourceDocument,
           baseline: Iterable[Finding] = ()) -> list[Finding]:
    """Check the draft as `compose` writes it and mend it until the check finds nothing of the draft's
    making: a fact with a finding is dropped (an ambiguous one first names its words with `at:`), a
    rule tries its next kind or becomes a comment, facts that share a quantity and disagree are
    parted.  Findings of the `baseline` (a merged base's own) and of `DOCUMENT_KINDS` are left as they
    are; what remains is returned."""
    known = {_key(finding) for finding in baseline}
    findings: list[Finding] = []
    for _ in range(MAX_ROUNDS):
        written = compose(result)
        findings = [finding for finding in findings_of(written, name, source)
                    if _key(finding) not in known and finding.kind not in DOCUMENT_KINDS]
        if not findings:
            return []
        _mend(result, findings, written, name)
    return findings


def _key(finding: Finding) -> tuple[str, str | None, tuple[str, ...], str]:
    """A finding apart from where it stands: merged lines move a base's own findings."""
    return finding.kind, finding.rule_id, finding.facts, finding.message


def _mend(result: Draft, findings: list[Finding], written: str, draft_name: str) -> None:
    rules = {rule.id: rule for rule in result.rules}
    facts = {fact.id: fact for fact in result.facts}
    drop: set[str] = set()
    for finding in findings:
        if finding.rule_id in rules:
            rule = rules[finding.rule_id]
            if rule.kinds:
                rule.kinds.pop(0)
        elif finding.kind == "agreement":
            for fact_id in finding.facts:
                if fact_id in facts and facts[fact_id].quantity != fact_id:
                    others = [other for other in finding.facts if other != fact_id]
                    facts[fact_id].comments.append(f"same quantity as {', '.join(others)}? the values differ")
                    facts[fact_id].quantity = fact_id
        elif finding.kind == "ambiguous" and finding.facts[0] in facts and facts[finding.facts[0]].at is None:
            facts[finding.facts[0]].at = facts[finding.facts[0]].own  # a rival extract's reading missed
        else:
            named = finding.facts or (_entry_at(written, finding.location.line)
                                      if finding.location.path == draft_name else ())
            for name in named:
                if name in rules and rules[name].kinds:
                    rules[name].kinds.pop(0)
            drop.update(named)
    for rule in result.rules:
        if not rule.kinds and rule.about in facts:
            facts[rule.about].comments.append(f"{rule.note}? not as a rule: it does not hold")
    result.rules = [rule for rule in result.rules if rule.kinds]
    result.facts = [fact for fact in result.facts if fact.id not in drop]
    result.rules = [rule for rule in result.rules if not drop.intersection(_named(rule))]


def _named(rule: Rule) -> set[str]:
    named: set[str] = set()
    for value in rule.fields.values():
        named.update(value if isinstance(value, list) else [value])
    return named


def _entry_at(written: str, line: int) -> tuple[str, ...]:
    """The id of the fact or rule whose block holds `line` of `written` (a schema finding names neither)."""
    current = ""
    for number, text in enumerate(written.splitlines(), start=1):
        found = re.match(r"\s*- id: (\S+)$", text)
        if found:
            current = found.group(1)
        elif re.match(r"\S", text):  # a top-level key ends the entries above it
            current = ""
        if number == line:
            break
    return (current,) if current else ()


# -- a source to a file ---------------------------------------------------------------------------


@dataclass
class Extracted:
    """What `extract_file` wrote, and what it added to a merged base."""

    text: str
    added: Draft


def read_source(path: Path) -> SourceDocument:
    """The source read as `factcheck verify` reads a document's source (text, PDF or HTML)."""
    from factcheck.sourcedoc import Unreadable
    from factcheck.sourceread import read_source_file

    try:
        return read_source_file(path, str(path))
    except Unreadable as exc:
        raise CannotExtract(str(exc)) from exc


def extract_file(source_path: Path, output: Path | None, *, document_date: date | None = None,
                 tag: str | None = None, document_id: str | None = None, merge: Path | None = None,
                 progress: Callable[[int, int], None] | None = None) -> Extracted:
    """The draft fact file of `source_path`, as it will stand at `output` (None: the working
    directory), or `merge` with what its base does not cover added."""
    from factcheck.sourcetext import prepare

    read = read_source(source_path)
    source, text = prepare(read), read.text
    if merge is not None:
        return _merge(merge, source_path, read, progress)
    if output is not None and source_path.resolve() == output.resolve():
        raise CannotExtract(f"{output} is the source; refusing to overwrite it")
    where = (output.parent if output is not None else Path.cwd()).resolve()
    repository = Path(os.path.realpath(project_root(where / "facts.yaml")))
    if not Path(os.path.realpath(source_path)).is_relative_to(repository):  # verify would refuse it
        # repr: a path may hold a newline, and the message is one line
        raise CannotExtract(f"source {str(source_path)!r} lies outside the repository {str(repository)!r} where "
                            "the fact file will stand; copy it into the repository first")
    relative = Path(os.path.relpath(source_path.resolve(), where)).as_posix()
    tag = tag or detect_language(source.plain)
    dateline = ""
    if document_date is None:
        lines = text.split("\n")
        document_date, dateline = detect_date(text, tag, [lines[number - 1] for number in sorted(read.furniture)])
    title = _title(text, source_path)
    document = {"id": _document_id(document_id or source_path.stem),
                "title": source_path.stem if title == dateline else title,
                "date": document_date.isoformat(), "language": tag, "source": relative}
    result = draft(source, tag, document_date, document, progress=progress, dateline=dateline)
    header = _HEADER.format(source=relative)

    def compose(current: Draft) -> str:
        return render(current, header)

    settle(result, compose, "draft.yaml", read)
    return Extracted(compose(result), result)


_HEADER = """\
# Drafted by `factcheck extract` from {source}.
# Review every fact: its id, its quantity (facts that name the same thing share one), its value and
# qualifier; the comments suggest relations to decide on.
"""


def _document_id(name: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-._")
    return slug or "document"


def _title(text: str, path: Path) -> str:
    """The first line when it stands alone and reads as a title (no final punctuation), else the file's name."""
    lines = [line.strip() for line in text.splitlines()]
    first = next((index for index, line in enumerate(lines) if line), None)
    if first is None or (first + 1 < len(lines) and lines[first + 1]):
        return path.stem
    title = lines[first]
    return title if len(title) <= 120 and not title.endswith((".", ",", ";", ":")) else path.stem


def _merge(existing: Path, source_path: Path, read: SourceDocument,
           progress: Callable[[int, int], None] | None) -> Extracted:
    """`existing` with facts for what its base does not cover of `source_path`, added at the end of
    its blocks: its own lines stay as they are."""
    from factcheck.coverage import CannotCover, measure
    from factcheck.engine import CannotCheck, verify
    from factcheck.loader import load_text
    from factcheck.located import LocatedDict
    from factcheck.sourcetext import prepare

    source = prepare(read)
    try:
        report = verify([existing])
    except CannotCheck as exc:
        raise CannotExtract(str(exc)) from exc
    base = report.base
    if base is None:
        raise CannotExtract(f"{existing} is not well-formed; `factcheck verify {existing}` shows why")
    target = os.path.realpath(source_path)
    document = next((document for document in base.documents
                     if os.path.realpath(Path(document.path).parent / document.source) == target), None)
    if document is None:
        raise CannotExtract(f"{existing} has no document whose source is {source_path}")
    try:
        uncovered = {(item.location.line, item.location.column) for item in measure(base).uncovered}
    except CannotCover as exc:
        raise CannotExtract(str(exc)) from exc
    try:  # the dateline, if it states the document's date, is no fact
        own, dateline = detect_date(source.original, document.language.split("-")[0])
    except (CannotExtract, KeyError):
        own, dateline = None, ""
    result = draft(source, document.language, document.date.first, {},
                   lambda span: source.position(span.start) in uncovered, progress,
                   dateline if own == document.date.first else "")
    _apart(result, set(base.facts), {fact.quantity for fact in base.facts.values()}, {rule.id for rule in base.rules})
    text = existing.read_text(encoding="utf-8")
    loaded = load_text(text, str(existing))
    units = loaded.data.get("units") if isinstance(loaded.data, LocatedDict) else None
    declared = set(units) if isinstance(units, dict) else set()

    def compose(current: Draft) -> str:
        return merged(text, current, declared)

    name = document.path
    settle(result, compose, name, read, findings_of(text, name, read))
    return Extracted(compose(result), result)


def _apart(result: Draft, ids: set[str], quantities: set[str], rule_ids: set[str]) -> None:
    """New ids, quantities and rule ids that the merged base does not use yet."""
    renamed: dict[str, str] = {}

    def fresh(name: str, taken: set[str]) -> str:
        candidate, number = name, 1
        while candidate in taken:
            number += 1
            candidate = f"{name}-{number}"
        taken.add(candidate)
        return candidate

    for fact in result.facts:
        renamed[fact.id] = fresh(fact.id, ids)
        fact.id = renamed[fact.id]
        if fact.quantity in quantities:
            fact.quantity = fresh(fact.quantity, set(quantities))
    for rule in result.rules:
        rule.id = fresh(rule.id, rule_ids)
        rule.about = renamed.get(rule.about, rule.about)
        rule.fields = {key: [renamed.get(one, one) for one in value] if isinstance(value, list)
                       else renamed.get(value, value) for key, value in rule.fields.items()}


def merged(text: str, result: Draft, declared: set[str]) -> str:
    """`text` with the draft's units, facts, rules and exclusions added at the end of its blocks."""
    lines = text.rstrip("\n").split("\n")
    additions = {
        "units": [f"  {name}: {dimension}" for name, dimension in result.units.items() if name not in declared],
        "facts": [line for fact in result.facts for line in ["", *fact_block(fact)]],
        "rules": [line for rule in result.rules for line in ["", *rule_block(rule)]],
        "coverage": [line for text, reason in result.exclusions
                     for line in (f"    - text: {_yaml(text)}", f"      reason: {_scalar(reason)}")],
    }
    for key, added in additions.items():
        if added:
            lines = _insert(lines, key, added)
    return "\n".join(lines) + "\n"


def _insert(lines: list[str], key: str, added: list[str]) -> list[str]:
    """`added` at the end of top-level block `key` (made if missing), indented as the block's items are."""
    tops = [index for index, line in enumerate(lines) if re.match(r"[A-Za-z_]+:", line)]
    start = next((index for index in tops if lines[index].split(":")[0] == key), None)
    if key == "coverage" and (start is None or not any(
            re.match(r"\s+exclude:\s*(#.*)?$", line) for line in lines[start:_end(lines, start, tops)])):
        added = ["  exclude:", *added]
    if start is None:
        return [*lines, "", f"{key}:", *(added[1:] if added and not added[0] else added)]
    inline = lines[start].split(":", 1)[1].split("#")[0].strip()
    if inline == "[]":  # an empty list: written as a block from now on
        lines = [*lines[:start], lines[start].replace(" []", "", 1), *lines[start + 1:]]
    elif inline:
        raise CannotExtract(f"cannot add to `{key}:` written in flow style on one line; write it as a block")
    end = _end(lines, start, tops)
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1
    items = [line for line in lines[start + 1:end] if line.lstrip().startswith("- ")]
    indent = len(items[0]) - len(items[0].lstrip()) if items and key in ("facts", "rules") else 2
    moved = [" " * indent + line[2:] if line.startswith("  ") else line for line in added]
    return [*lines[:end], *moved, *lines[end:]]


def _end(lines: list[str], start: int, tops: list[int]) -> int:
    return next((index for index in tops if index > start), len(lines))

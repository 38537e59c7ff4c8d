"""Generate a realistic, consistent synthetic dossier: many letters, each a fact file of ~100 facts
with its own document and source text, deterministic by seed.

    python benchmarks/generate.py --facts 10000 --out /tmp/dossier-10k [--seed 1] [--kinds all] [--json]

Layout of OUT::

    letters/letter-0001.yaml ...        one fact file per letter (document, facts, rules, acknowledged)
    letters/sources/letter-0001.txt     the letter's text: every quote stands in it, under its section
    json/letter-0001.json               with --json: the same data as JSON (the json.load baseline)
    files.txt                           the fact files, one per line (for `factcheck verify $(cat files.txt)`)

Every fact has a quote, a unit and often a qualifier, a validity or a note; values are numbers
(with decimals and scale words), dates (days, months, early/mid/late) and {min, max} ranges (a
vague count such as "tientallen", or "tussen de 40 en 60").  Some quantities are restated in other
letters with the same value (cross-file agreement) or as a history with disjoint validity.  Every
value is what its quote states and every generated relation holds under the current rules; only
every tenth letter's own total is one off, and acknowledged (tests/test_benchmarks.py checks this).
`--kinds` picks the rule kinds to emit (default: sum,agreement, the kinds the schema shipped
with); `--kinds all` also emits inclusion, bound, change, order, duration, weekday, relative,
ratio, count and ordinal rules.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from factcheck.rules import explicit_kinds

#: every kind a rule can have (a kind added to factcheck fails tests/test_benchmarks.py until it is generated)
ALL_KINDS = tuple(spec.name for spec in explicit_kinds())
DEFAULT_KINDS = ("sum", "agreement")

SECTIONS = ("Militaire ontwikkelingen", "Nederlandse inzet in luchtcampagne", "Trainingsmissie",
            "Humanitaire hulp", "Financiën", "Stabilisatie", "Politieke ontwikkelingen", "Contraterrorisme")
TOPICS = ("luchtcampagne", "trainingsmissie", "noodhulp", "wederopbouw", "ontmijning", "grensbewaking",
          "politietraining", "opvang", "waterzuivering", "voedselhulp", "medische zorg", "onderwijs")
REGIONS = ("Irak", "Syrië", "Jordanië", "Libanon", "Koerdistan", "Turkije", "Mali", "Afghanistan")
COUNTS = (("persons", "militairen"), ("persons", "trainers"), ("aircraft", "F-16's"), ("projects", "projecten"),
          ("courses", "cursussen"), ("countries", "landen"), ("meetings", "bijeenkomsten"),
          ("weapons", "mortieren"))
QUALIFIER_WORDS = {"exact": "", "circa": "circa ", "more_than": "ruim ", "almost": "bijna ", "at_least": "ten minste ",
                   "at_most": "maximaal ", "probably": "waarschijnlijk "}
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")
#: vague counts a letter writes, each with the exact range factcheck reads in it (numerals.py)
VAGUE_COUNTS = (("enkele", 2, 9), ("tientallen", 20, 99), ("honderden", 200, 999), ("duizenden", 2000, 9999))
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
SCALE_WORDS = {"EUR million": "miljoen euro", "EUR thousand": "duizend euro", "EUR": "euro"}


@dataclass
class Letter:
    """One generated letter: its fact file data and the sentences of its source text by section."""

    number: int
    rng: random.Random
    doc_date: date
    facts: list[dict[str, Any]] = field(default_factory=list)
    rules: list[dict[str, Any]] = field(default_factory=list)
    text: dict[str, list[str]] = field(default_factory=dict)
    acknowledged: list[dict[str, Any]] = field(default_factory=list)

    def fact(self, quantity: str, value: Any, unit: str, sentence: str, **extra: Any) -> dict[str, Any]:
        section = self.rng.choice(SECTIONS)
        fact: dict[str, Any] = {"id": f"l{self.number:04d}-f{len(self.facts) + 1:03d}", "quantity": quantity,
                                "value": value, "unit": unit}
        fact.update({k: v for k, v in extra.items() if k in ("qualifier", "precision", "tolerance", "valid")})
        fact["section"] = section
        fact["quote"] = sentence
        if "note" in extra:
            fact["note"] = extra["note"]
        self.facts.append(fact)
        self.text.setdefault(section, []).append(sentence)
        return fact

    def rule(self, kind: str, **fields: Any) -> None:
        self.rules.append({"id": f"l{self.number:04d}-r{len(self.rules) + 1:02d}", "kind": kind, **fields})


def mark(letter: Letter) -> str:
    """What makes each quote unique, as a letter's reference marks: "(kenmerk B0012-P007)".  Digits glued
    to letters are no numbers, so the quote states its value alone (no `at:` needed)."""
    return f"(kenmerk B{letter.number:04d}-P{len(letter.facts) + 1:03d})"


def dutch_number(value: Decimal) -> str:
    """77.5 -> 77,5 and 12500 -> 12.500, as a Dutch letter writes them."""
    whole, _, frac = f"{value:f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{grouped},{frac}" if frac else grouped


def dutch_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def money(letter: Letter, parts: int, off: int = 0, unnamed: int = 0) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A budget and its split; the parts add up exactly to the total (unless the letter is `off`).

    The last `unnamed` parts count in the total but the letter does not state them.
    """
    rng, n = letter.rng, letter.number
    unit = rng.choice(("EUR million", "EUR million", "EUR thousand"))
    topic, region, year = rng.choice(TOPICS), rng.choice(REGIONS), letter.doc_date.year
    values = [Decimal(rng.randint(5, 900)) / 10 for _ in range(parts)]
    quantity = f"l{n:04d}-budget-{topic.replace(' ', '-')}-{year}-{len(letter.facts) + 1}"
    stated = sum(values, Decimal(0)) + off
    total = letter.fact(quantity, stated, unit,
                        f"Voor {topic} in {region} is in {year} in totaal {dutch_number(stated)} "
                        f"{SCALE_WORDS[unit]} beschikbaar {mark(letter)}",
                        valid={"from": f"{year}-01-01", "until": f"{year}-12-31"})
    items = [letter.fact(f"{quantity}-part{i + 1}", value, unit,
                         f"Daarvan is {dutch_number(value)} {SCALE_WORDS[unit]} bestemd voor onderdeel "
                         f"{chr(65 + i)} van {topic} {mark(letter)}")
             for i, value in enumerate(values[:parts - unnamed])]
    return total, items


def count(letter: Letter, shared: bool) -> dict[str, Any]:
    """A hedged count; shared quantities are restated with the same value in every fourth letter."""
    rng, n = letter.rng, letter.number
    unit, noun = rng.choice(COUNTS)
    qualifier = rng.choice(("exact", "exact", "circa", "more_than", "almost", "at_least"))
    if shared:  # restatements agree on their nominal value whatever the hedge
        qualifier = rng.choice(("exact", "circa"))
        quantity, value = f"dossier-{noun.replace(chr(39), '')}-{(n // 4) % 50}", 100 + (n // 4) % 50 * 7
    else:
        quantity, value = f"l{n:04d}-{noun.replace(chr(39), '')}-{len(letter.facts)}", rng.randint(2, 2500)
    extra: dict[str, Any] = {"qualifier": qualifier}
    if qualifier == "exact" and rng.random() < 0.3:
        extra["note"] = "Aantal volgens de operationele rapportage."
    sentence = (f"Er zijn {QUALIFIER_WORDS[qualifier]}{dutch_number(Decimal(value))} {noun} ingezet in "
                f"{rng.choice(REGIONS)} {mark(letter)}")
    return letter.fact(quantity, value, unit, sentence, **extra)


def day_fact(letter: Letter, day: date, what: str, precision: str = "day") -> dict[str, Any]:
    if precision == "month":
        value, said = f"{day:%Y-%m}", f"{MONTHS[day.month - 1]} {day.year}"
    elif precision == "third":
        third = "early" if day.day <= 10 else "mid" if day.day <= 20 else "late"
        word = {"early": "begin", "mid": "medio", "late": "eind"}[third]
        value, said = f"{day:%Y-%m}-{third}", f"{word} {MONTHS[day.month - 1]} {day.year}"
    else:
        value, said = day.isoformat(), dutch_date(day)
    sentence = f"Op {said} vond {what} plaats {mark(letter)}"
    return letter.fact(f"l{letter.number:04d}-date-{len(letter.facts) + 1}", value, "date", sentence)


def make_letter(number: int, seed: int, size: int, kinds: set[str]) -> Letter:
    rng = random.Random(seed * 1_000_003 + number)
    doc_date = date(2014, 1, 1) + timedelta(days=rng.randint(0, 6 * 365))
    letter = Letter(number, rng, doc_date)
    if number % 10 == 0 and "sum" in kinds:
        # every tenth letter gets its own arithmetic wrong, and the curator acknowledged it
        total, parts = money(letter, 2, off=1)
        letter.rule("sum", total=total["id"], parts=[p["id"] for p in parts])
        letter.acknowledged.append({"rule": letter.rules[-1]["id"],
                                    "reason": "The letter's own total is one off; the parts are right."})
    while len(letter.facts) < size:
        roll = rng.random() if len(letter.facts) < size - 8 else 0.3  # fill up with single facts
        if roll < 0.25:
            split = rng.randint(2, 4)
            if "inclusion" in kinds and ("sum" not in kinds or rng.random() < 0.25):
                # "daarvan onder meer": one part of the total goes unnamed
                total, parts = money(letter, split + 1, unnamed=1)
                letter.rule("inclusion", total=total["id"], parts=[p["id"] for p in parts])
            else:
                total, parts = money(letter, split)
                if "sum" in kinds:
                    letter.rule("sum", total=total["id"], parts=[p["id"] for p in parts])
        elif roll < 0.45:
            count(letter, shared=rng.random() < 0.2)
        elif roll < 0.55:
            # an agreement between two statements of the same number in different sections
            first = count(letter, shared=False)
            second = letter.fact(f"{first['quantity']}-restated", first["value"], first["unit"],
                                 f"Zoals eerder gemeld gaat het om {dutch_number(Decimal(first['value']))} "
                                 f"eenheden {mark(letter)}",
                                 qualifier=first.get("qualifier", "exact"))
            if "agreement" in kinds:
                letter.rule("agreement", facts=[first["id"], second["id"]])
        elif roll < 0.65:
            # a history: a value until a date, another after it (disjoint validity, no conflict)
            cut = doc_date - timedelta(days=rng.randint(30, 300))
            quantity, (unit, noun) = f"l{number:04d}-strength-{len(letter.facts)}", rng.choice(COUNTS)
            before, after = rng.randint(2, 40), rng.randint(2, 40)
            a = letter.fact(quantity, before, unit, f"Tot {dutch_date(cut)} waren er {before} {noun} {mark(letter)}",
                            valid={"until": cut.isoformat()})
            b = letter.fact(quantity, after, unit, f"Sindsdien zijn er {after} {noun} {mark(letter)}",
                            valid={"from": (cut + timedelta(days=1)).isoformat()})
            if "change" in kinds and before != after:
                letter.rule("change", **{"from": a["id"], "to": b["id"],
                                         "direction": "increase" if after > before else "decrease"})
        elif roll < 0.8:
            start = doc_date - timedelta(days=rng.randint(20, 400))
            first = day_fact(letter, start, "de start van de missie", rng.choice(("day", "day", "month", "third")))
            if "order" in kinds:
                later = day_fact(letter, start + timedelta(days=rng.randint(40, 90)), "de evaluatie")
                letter.rule("order", first=first["id"], second=later["id"], relation="before")
            if "weekday" in kinds and first["value"].count("-") == 2 and not first["value"].endswith(
                    ("early", "mid", "late")):
                letter.rule("weekday", fact=first["id"], weekday=WEEKDAYS[start.weekday()])
            if "relative" in kinds:
                letter.rule("relative", fact=first["id"], tense="past")
            if "duration" in kinds:
                months = rng.randint(2, 12)
                begin = day_fact(letter, start, "het begin van de verlenging", "month")
                length = letter.fact(f"l{number:04d}-length-{len(letter.facts)}", months, "months",
                                     f"De verlenging duurt {months} maanden {mark(letter)}")
                # calendar arithmetic, as the rule reads it: from October, 7 months end in May
                year, month = divmod(start.month - 1 + months, 12)
                end = day_fact(letter, date(start.year + year, month + 1, 1), "het einde van de verlenging",
                               "month")
                letter.rule("duration", start=begin["id"], length=length["id"], end=end["id"])
        elif roll < 0.9:
            # a range is a vague count, read as exactly its documented range, or both ends in numbers
            noun = rng.choice(("strijders", "vluchtelingen"))
            if rng.random() < 0.6:
                word, low, high = rng.choice(VAGUE_COUNTS)
                said = f"{word} {noun}"
            else:
                low = rng.randint(10, 400)
                high = low + rng.randint(5, 200)
                said = f"tussen de {low} en {high} {noun}"
            fact = letter.fact(f"l{number:04d}-range-{len(letter.facts)}", {"min": low, "max": high}, "persons",
                               f"Het gaat om {said} {mark(letter)}")
            if "bound" in kinds:
                letter.rule("bound", fact=fact["id"], min=0, max=10000)
        else:
            whole, part = rng.randint(200, 2000), 0
            part = rng.randint(10, whole // 2)
            share = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal(1))
            w = letter.fact(f"l{number:04d}-whole-{len(letter.facts)}", whole, "persons",
                            f"In totaal zijn {dutch_number(Decimal(whole))} mensen opgeleid {mark(letter)}")
            p = letter.fact(f"l{number:04d}-part-{len(letter.facts)}", part, "persons",
                            f"Van hen zijn {dutch_number(Decimal(part))} vrouw {mark(letter)}")
            if "ratio" in kinds:
                s = letter.fact(f"l{number:04d}-share-{len(letter.facts)}", share, "percent",
                                f"Dat is {share} procent van het totaal {mark(letter)}",
                                qualifier="circa")
                letter.rule("ratio", part=p["id"], whole=w["id"], share=s["id"])
            if "count" in kinds:
                items = rng.sample(REGIONS, 3)
                c = letter.fact(f"l{number:04d}-regions-{len(letter.facts)}", 3, "countries",
                                f"De hulp gaat naar drie landen: {', '.join(items)} {mark(letter)}")
                letter.rule("count", fact=c["id"], items=items)
            if "ordinal" in kinds:
                rounds = rng.randint(1, 6)
                held = letter.fact(f"l{number:04d}-rounds-{len(letter.facts)}", rounds, "meetings",
                                   f"Er zijn al {rounds} overlegrondes geweest {mark(letter)}")
                nth = letter.fact(f"l{number:04d}-round-{len(letter.facts)}", rounds + 1, "ordinal",
                                  f"De {rounds + 1}e overlegronde volgt in {rng.choice(REGIONS)} {mark(letter)}")
                letter.rule("ordinal", ordinal=nth["id"], count=held["id"], relation="next")
    return letter


# --- writing ---------------------------------------------------------------------------------

PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ._/-]*[A-Za-z0-9]")


def scalar(value: Any) -> str:
    """YAML as curators write it: plain words and ids bare, dates and sentences in quotes."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal):
        return f"{value:f}" if isinstance(value, Decimal) else str(value)
    if PLAIN.fullmatch(value) and value.lower() not in {"true", "false", "null", "yes", "no", "on", "off"}:
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value)


def entry(item: dict[str, Any]) -> list[str]:
    lines = []
    for index, (key, value) in enumerate(item.items()):
        lines.append(f"{'  - ' if index == 0 else '    '}{key}: {flow(value)}")
    return lines


def fact_file(letter: Letter, source: str) -> tuple[str, dict[str, Any]]:
    doc = {"id": f"kst-{30000 + letter.number}-{letter.number % 700 + 1}",
           "title": f"Voortgangsrapportage nr. {letter.number}", "date": letter.doc_date.isoformat(),
           "language": "nl", "source": source}
    data: dict[str, Any] = {"document": doc, "facts": letter.facts}
    lines = ["# yaml-language-server: $schema=../schema/facts.schema.json",
             f"# Generated letter {letter.number} (benchmarks/generate.py).", "", "document:"]
    lines += [f"  {key}: {scalar(value)}" for key, value in doc.items()]
    lines += ["", "facts:"]
    for fact in letter.facts:
        lines += entry(fact)
        lines.append("")
    if letter.rules:
        data["rules"] = letter.rules
        lines.append("rules:")
        for rule in letter.rules:
            lines += entry(rule)
    if letter.acknowledged:
        data["acknowledged"] = letter.acknowledged
        lines += ["", "acknowledged:"]
        for ack in letter.acknowledged:
            lines += entry(ack)
    return "\n".join(lines) + "\n", data


def source_text(letter: Letter) -> str:
    parts = [f"Voortgangsrapportage nr. {letter.number}, {dutch_date(letter.doc_date)}.", ""]
    for section, sentences in letter.text.items():
        parts += [section, "", ". ".join(sentences) + ".", ""]
    return "\n".join(parts)


def to_json(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return value


def generate(out: Path, facts: int, seed: int = 1, per_file: int = 100, kinds: set[str] | None = None,
             with_json: bool = False) -> list[Path]:
    """Write the dossier; return its fact files in order."""
    chosen = set(DEFAULT_KINDS) if kinds is None else kinds
    letters_dir, sources_dir = out / "letters", out / "letters" / "sources"
    sources_dir.mkdir(parents=True, exist_ok=True)
    if with_json:
        (out / "json").mkdir(parents=True, exist_ok=True)
    files = []
    for number in range(1, (facts + per_file - 1) // per_file + 1):
        size = min(per_file, facts - (number - 1) * per_file)
        letter = make_letter(number, seed, size, chosen)
        name = f"letter-{number:04d}"
        text, data = fact_file(letter, f"sources/{name}.txt")
        (letters_dir / f"{name}.yaml").write_text(text, encoding="utf-8")
        (sources_dir / f"{name}.txt").write_text(source_text(letter), encoding="utf-8")
        if with_json:
            (out / "json" / f"{name}.json").write_text(json.dumps(to_json(data), ensure_ascii=False),
                                                       encoding="utf-8")
        files.append(letters_dir / f"{name}.yaml")
    (out / "files.txt").write_text("".join(f"{f.relative_to(out)}\n" for f in files), encoding="utf-8")
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=1000, help="total number of facts (about)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-file", type=int, default=100, help="facts per letter (file)")
    parser.add_argument("--kinds", default=",".join(DEFAULT_KINDS),
                        help=f"comma-separated rule kinds, or 'all' ({','.join(ALL_KINDS)})")
    parser.add_argument("--json", action="store_true", help="also write the data as JSON (json/)")
    args = parser.parse_args()
    kinds = set(ALL_KINDS) if args.kinds == "all" else set(filter(None, args.kinds.split(",")))
    unknown = kinds - set(ALL_KINDS)
    if unknown:
        parser.error(f"unknown kinds: {', '.join(sorted(unknown))}")
    files = generate(args.out, args.facts, args.seed, args.per_file, kinds, args.json)
    print(f"{len(files)} files in {args.out}")


if __name__ == "__main__":
    main()

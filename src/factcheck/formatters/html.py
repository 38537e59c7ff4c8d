"""A self-contained HTML report of a verify run: no scripts, no network, readable when printed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from decimal import Decimal
from html import escape

from factcheck import __version__
from factcheck.findings import Finding, Location
from factcheck.formatters.charts import breakdown, breakdown_svg, timeline, timeline_svg
from factcheck.formatters.lines import split_lines
from factcheck.formatters.quotes import quote_in_context
from factcheck.formatters.show import validity
from factcheck.intervals import plain, total
from factcheck.model import Fact, FactBase, Rule
from factcheck.report import Report, outcome, status
from factcheck.sourceread import source_path

_CSS = """
body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.2rem}
table{border-collapse:collapse;margin:.5rem 0}
td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
.error{color:#b00020}.warning{color:#8a5a00}.ok{color:#1a7f37}.acknowledged{color:#555}
.badge{font-weight:bold;text-transform:uppercase;font-size:.8rem}
.finding{border-left:4px solid #ccc;padding:.3rem .8rem;margin:1rem 0}
.finding.error{border-color:#b00020}.finding.warning{border-color:#d29922}.finding.acknowledged{border-color:#888}
.finding p{color:#1b1b1b}
pre.context{display:grid;grid-template-columns:auto 1fr;column-gap:2ch;background:#f6f8fa;padding:.5rem;
font-size:.85rem;white-space:pre-wrap;overflow-wrap:anywhere}
pre.context .n{text-align:right;color:#6a737d;user-select:none}
mark{background:#fff3a3}
svg .label{font-size:12px}svg .value{font-size:11px;fill:#fff}svg .axis{font-size:11px;fill:#555}
svg rect.total{fill:#9aa5b1}svg rect.failed{fill:#b00020}svg rect.event{fill:#4c78a8}
svg g line{stroke:#111;stroke-width:1.5}svg line.tick{stroke:#ddd}svg line.marker{stroke:#b00020;stroke-dasharray:4 3}
figure{margin:1.2rem 0}figcaption{font-size:.9rem;color:#444;margin-bottom:.3rem}
@media print{body{max-width:none;margin:0}h2{break-after:avoid}figure,.finding{break-inside:avoid}}
"""


def render_html(report: Report, coverage: tuple[int, int] | None = None) -> str:
    """The whole report as one HTML document; `coverage` is (covered, total) numbers in the source."""
    base = report.base
    title = "factcheck report"
    if base is not None and base.documents:
        title = f"factcheck report: {base.documents[0].title}"
    body = [f"<h1>{escape(title)}</h1>", _summary(report, coverage), _findings(report.findings, base, report.texts)]
    if base is not None:
        findings = report.findings
        body += [_breakdowns(base, findings), _timeline(base, findings), _agreements(base, findings)]
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"generator\" content=\"factcheck {escape(__version__)}\">"
            f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def _summary(report: Report, coverage: tuple[int, int] | None) -> str:
    base = report.base
    rows: list[tuple[str, object]] = [
        ("facts", len(base.facts) if base else 0), ("rules", len(base.rules) if base else 0),
        ("errors", report.errors), ("warnings", report.warnings), ("acknowledged", report.acknowledged)]
    if coverage is not None:
        covered, counted = coverage
        share = Decimal(100) * covered / counted if counted else Decimal(100)
        rows.append(("coverage", f"{share.quantize(Decimal('0.1'))}% ({covered} of {counted} numbers and dates)"))
    cells = "".join(f'<tr><th scope="row">{name}</th><td id="summary-{name}">{value}</td></tr>' for name, value in rows)
    acked = [f for f in report.findings if f.acknowledged is not None]
    reasons = "".join(f"<li><strong>{escape(f.kind)}</strong> at {escape(str(f.location))}: {escape(f.message)}"
                      f"<br><em>Reason:</em> {escape(f.acknowledged or '')}</li>" for f in acked)
    ack_html = f"<h3>Acknowledged findings</h3><ul id=\"acknowledged\">{reasons}</ul>" if acked else ""
    return f'<section id="summary"><h2>Summary</h2><table>{cells}</table>{ack_html}</section>'


def quote_context(text: str, quote: str, around: int = 1) -> tuple[int, str] | None:
    """The source lines around a quote, with the quote marked; the quote is found as the `quote`
    rule finds it.  Returns (first line number, escaped HTML) or None when the quote is absent.
    Each line is a number and a text cell of a two-column grid, so a wrapped line stays right of the numbers."""
    found = quote_in_context(text, quote, around)
    if found is None:
        return None
    (first_line, first_col), (last_line, last_col) = found.first, found.last
    first_col -= 1  # 0-based; last_col, 1-based, is where the mark ends
    rendered = []
    for number, line in found.lines:
        a = first_col if number == first_line else 0
        b = last_col if number == last_line else len(line)
        if first_line <= number <= last_line:
            body = f"{escape(line[:a])}<mark>{escape(line[a:b])}</mark>{escape(line[b:])}"
        else:
            body = escape(line)
        rendered.append(f'<span class="n">{number}</span><span class="t">{body}</span>')
    return found.lines[0][0], "\n".join(rendered)


def _fact_context(base: FactBase | None, fact_id: str) -> str:
    if base is None or fact_id not in base.facts:
        return ""
    fact = base.facts[fact_id]
    text = base.source_text(fact.document)
    found = quote_context(text, fact.quote) if text is not None else None
    head = (f"<p><strong>{escape(fact.id)}</strong> = {escape(fact.written)} "
            f"(section {escape(fact.section)}; {escape(str(fact.location))})</p>")
    if found is None:
        return head + f"<p>Quote not found in the source: “{escape(fact.quote)}”</p>"
    return head + f'<pre class="context">{found[1]}</pre>'


def _source_context(texts: Mapping[str, str], location: Location, around: int = 1) -> str:
    """The lines around a finding that stands in a source (it names no fact to show), from its column
    to the line's end marked."""
    lines = split_lines(texts.get(location.path, ""))
    if not 1 <= location.line <= len(lines):
        return ""
    rendered = []
    for number in range(max(1, location.line - around), min(len(lines), location.line + around) + 1):
        line = lines[number - 1]
        if number == location.line:
            cut = location.column - 1
            body = f"{escape(line[:cut])}<mark>{escape(line[cut:])}</mark>"
        else:
            body = escape(line)
        rendered.append(f'<span class="n">{number}</span><span class="t">{body}</span>')
    return f'<pre class="context">{chr(10).join(rendered)}</pre>'


def _findings(findings: Sequence[Finding], base: FactBase | None, texts: Mapping[str, str]) -> str:
    if not findings:
        return '<section id="findings"><h2>Findings</h2><p class="ok">No findings.</p></section>'
    items = []
    sources = {source_path(document) for document in base.documents} if base is not None else set()
    for finding in findings:
        level = outcome(finding)
        contexts = "".join(_fact_context(base, fact_id) for fact_id in finding.facts)
        if finding.location.path in sources:  # a finding about a source alone (calendar)
            contexts += _source_context(texts, finding.location)
        reason = (f"<p><em>Acknowledged:</em> {escape(finding.acknowledged)}</p>"
                  if finding.acknowledged is not None else "")
        items.append(f'<article class="finding {level}"><p>{_badge(level)} '
                     f"<code>{escape(str(finding.location))}</code> <strong>{escape(finding.kind)}</strong>: "
                     f"{escape(finding.message)}</p>{reason}{contexts}</article>")
    return f'<section id="findings"><h2>Findings</h2>{"".join(items)}</section>'


def _badge(level: str) -> str:
    return f'<span class="badge {level}">{level}</span>'


def _rule_findings(findings: Sequence[Finding]) -> dict[str, list[Finding]]:
    by_rule: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.rule_id is not None:
            by_rule[finding.rule_id].append(finding)
    return by_rule


def _breakdown_figure(base: FactBase, rule: Rule, rule_findings: Sequence[Finding]) -> str:
    whole = base.fact(rule, "total")
    parts = base.fact_list(rule, "parts")
    if whole.magnitude is None or any(part.magnitude is None for part in parts):
        return ""

    def point(fact: Fact) -> Decimal:
        assert fact.magnitude is not None
        interval = fact.magnitude.nominal
        middle = (interval.lo + interval.hi) / 2 if interval.lo.is_finite() and interval.hi.is_finite() else None
        return (middle if middle is not None else interval.lo) / whole.unit.factor

    assert whole.magnitude is not None
    parts_loose = total(part.magnitude.loose for part in parts if part.magnitude is not None)
    factor = Decimal(1) / whole.unit.factor  # base units back to the total's own unit
    chart = breakdown(whole.id, point(whole), whole.magnitude.loose.scale(factor),
                      [(part.id, point(part)) for part in parts], parts_loose.scale(factor),
                      texts=[_stated(whole), *(_stated(part) for part in parts)])
    rule_status = status(rule_findings)
    description = _failure(rule, rule_findings) or _relation(rule, whole, parts)
    svg = breakdown_svg(chart, f"{rule.kind} {rule.id}", description, rule_status == "error")
    caption = (f"<figcaption>{_badge(rule_status)} <strong>{escape(rule.id)}</strong> "
               f"({rule.kind}): {escape(description)}</figcaption>")
    return f'<figure class="breakdown-figure" id="rule-{escape(rule.id)}">{caption}{svg}</figure>'


def _relation(rule: Rule, whole: Fact, parts: Sequence[Fact]) -> str:
    """What a sum or inclusion rule states, as the document words the values."""
    relation = "add up to" if rule.kind == "sum" else "are included in"
    return " + ".join(f"{part.id} ({part.written})" for part in parts) + f" {relation} {whole.id} ({whole.written})."


def _failure(rule: Rule, rule_findings: Sequence[Finding]) -> str:
    """What fails, in the words of the rule's own findings, without the "kind id: " they start with
    (the caption names the rule already); "" when nothing does."""
    prefix = f"{rule.kind} {rule.id}: "
    return "; ".join(finding.message.removeprefix(prefix) for finding in rule_findings)


def _stated(fact: Fact) -> str:
    """The value as the document states it, hedge included ("> 7.5", "~360", "20..99")."""
    hedge = {"circa": "~", "probably": "~", "more_than": "> ", "almost": "< ", "at_least": "≥ ", "at_most": "≤ "}
    if isinstance(fact.raw, dict):
        value = f"{fact.raw['min']}..{fact.raw['max']}"
    else:
        value = plain(Decimal(fact.raw))
    return hedge.get(fact.qualifier, "") + value


def _breakdowns(base: FactBase, findings: Sequence[Finding]) -> str:
    by_rule = _rule_findings(findings)
    figures = [_breakdown_figure(base, rule, by_rule.get(rule.id, []))
               for rule in base.rules if rule.kind in ("sum", "inclusion")]
    body = "".join(figures) or "<p>No sum or inclusion rules.</p>"
    return f'<section id="breakdowns"><h2>Sums and inclusions</h2>{body}</section>'


def _timeline(base: FactBase, findings: Sequence[Finding]) -> str:
    failing = {fact_id for f in findings if outcome(f) == "error" for fact_id in f.facts}
    dated = sorted((fact for fact in base.facts.values() if fact.when is not None), key=lambda f: (f.when, f.id))
    if not dated:
        return '<section id="timeline"><h2>Timeline</h2><p>No dated facts.</p></section>'
    letter = base.documents[0].date.first if base.documents else None
    chart = timeline([(fact.id, fact.when, fact.id in failing) for fact in dated if fact.when is not None],
                     marker=("document date", letter) if letter is not None else None)
    svg = timeline_svg(chart, "Timeline of the dated facts",
                       f"{len(chart.rows)} dated facts from {chart.start} to {chart.end}; "
                       "facts involved in an error are red.")
    table = "".join(f"<tr class=\"{'error' if fact.id in failing else ''}\"><td>{escape(str(fact.when))}</td>"
                    f"<td>{escape(fact.id)}</td><td>{escape(fact.section)}</td><td>{escape(fact.quote)}</td></tr>"
                    for fact in dated)
    by_rule = _rule_findings(findings)
    relations = "".join(
        f"<tr><td>{escape(rule.id)}</td><td>{rule.kind}</td><td class=\"{status(by_rule.get(rule.id, ()))}\">"
        f"{status(by_rule.get(rule.id, ()))}</td></tr>"
        for rule in base.rules if rule.kind in ("order", "duration", "relative", "weekday"))
    relation_table = (f"<h3>Orders and durations</h3><table><tr><th>rule</th><th>kind</th><th>status</th></tr>"
                      f"{relations}</table>") if relations else ""
    return (f'<section id="timeline"><h2>Timeline</h2><figure>{svg}<figcaption>Each dated fact as the interval of '
            f"days its wording allows.</figcaption></figure><details><summary>Text alternative</summary><table>"
            f"<tr><th>when</th><th>fact</th><th>section</th><th>quote</th></tr>{table}</table></details>"
            f"{relation_table}</section>")


def _agreements(base: FactBase, findings: Sequence[Finding]) -> str:
    conflicted = {fact_id for f in findings if f.kind == "agreement" and f.acknowledged is None for fact_id in f.facts}
    blocks = []
    for quantity, facts in sorted(base.by_quantity().items()):
        if len(facts) < 2:
            continue
        rows = "".join(
            f"<tr class=\"{'error' if fact.id in conflicted else ''}\"><td>{escape(fact.id)}</td>"
            f"<td>{escape(fact.written)}</td><td>{escape(fact.section)}</td><td>{escape(validity(fact.valid))}</td></tr>"
            for fact in sorted(facts, key=lambda f: f.location))
        group_status = "error" if any(fact.id in conflicted for fact in facts) else "ok"
        blocks.append(f'<h3 class="quantity">{escape(quantity)} {_badge(group_status)}</h3>'
                      f"<table><tr><th>fact</th><th>value</th><th>section</th><th>valid</th></tr>{rows}</table>")
    body = "".join(blocks) or "<p>No quantity is stated more than once.</p>"
    return f'<section id="agreements"><h2>Agreement groups</h2>{body}</section>'

"""Inline SVG charts that factcheck draws itself: breakdown bars and a timeline.

Geometry is computed with exact decimals and kept apart from the markup, so tests can check
that bar lengths are proportional to values without parsing SVG.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from html import escape

from factcheck.dates import DateInterval
from factcheck.intervals import Interval

CHART_WIDTH = Decimal(600)
ROW_HEIGHT = 22
LABEL_WIDTH = Decimal(220)
_PLACES = Decimal("0.01")


def _px(number: Decimal) -> str:
    return str(number.quantize(_PLACES))


@dataclass(frozen=True, slots=True)
class Segment:
    """One part of a stacked bar: where it starts and how long it is, in pixels."""

    label: str
    value: Decimal
    x: Decimal
    width: Decimal


@dataclass(frozen=True, slots=True)
class Breakdown:
    """Parts stacked against their total, with the intervals each side allows."""

    total_label: str
    total_value: Decimal
    total_width: Decimal
    parts: tuple[Segment, ...]
    total_range: tuple[Decimal, Decimal]  # pixels: what the total's interval allows
    parts_range: tuple[Decimal, Decimal]  # pixels: what the parts' summed intervals allow
    scale: Decimal  # pixels per unit


def _finite(interval: Interval, fallback: Decimal) -> tuple[Decimal, Decimal]:
    lo = interval.lo if interval.lo.is_finite() else Decimal(0)
    hi = interval.hi if interval.hi.is_finite() else fallback
    return lo, hi


def breakdown(total_label: str, total_value: Decimal, total_range: Interval,
              parts: Sequence[tuple[str, Decimal]], parts_range: Interval,
              width: Decimal = CHART_WIDTH) -> Breakdown:
    """Lay out a stacked bar of `parts` against a bar of `total_value`, on one linear scale."""
    widest = max([total_value, sum((v for _, v in parts), Decimal(0))]
                 + [b for b in (total_range.hi, parts_range.hi) if b.is_finite()])
    scale = width / widest if widest > 0 else Decimal(0)
    segments = []
    x = Decimal(0)
    for label, value in parts:
        segments.append(Segment(label, value, x, value * scale))
        x += value * scale
    t_lo, t_hi = _finite(total_range, widest)
    p_lo, p_hi = _finite(parts_range, widest)
    return Breakdown(total_label, total_value, total_value * scale, tuple(segments),
                     (t_lo * scale, t_hi * scale), (p_lo * scale, p_hi * scale), scale)


_PALETTE = ("#4c78a8", "#f58518", "#54a24b", "#b279a2", "#9d755d", "#72b7b2", "#eeca3b")


def breakdown_svg(chart: Breakdown, title: str, description: str, failed: bool) -> str:
    """The SVG of a breakdown: the total bar on top, the stacked parts below, interval whiskers."""
    height = ROW_HEIGHT * 2 + 30
    left = LABEL_WIDTH
    out = [f'<svg class="breakdown" role="img" viewBox="0 0 {_px(left + CHART_WIDTH + 20)} {height}" '
           f'width="{_px(left + CHART_WIDTH + 20)}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
           f"<title>{escape(title)}</title><desc>{escape(description)}</desc>",
           f'<text x="0" y="15" class="label">{escape(chart.total_label)}</text>',
           f'<rect class="total{" failed" if failed else ""}" x="{_px(left)}" y="2" width="{_px(chart.total_width)}" '
           f'height="{ROW_HEIGHT - 6}" data-width="{_px(chart.total_width)}"/>',
           f'<text class="value" x="{_px(left + 4)}" y="14">{chart.total_value}</text>']
    out.append(_whisker(left, chart.total_range, 10, "total-range"))
    y = ROW_HEIGHT + 2
    out.append(f'<text x="0" y="{y + 13}" class="label">parts</text>')
    for index, segment in enumerate(chart.parts):
        colour = _PALETTE[index % len(_PALETTE)]
        out.append(f'<rect class="part" x="{_px(left + segment.x)}" y="{y}" width="{_px(segment.width)}" '
                   f'height="{ROW_HEIGHT - 6}" fill="{colour}" data-width="{_px(segment.width)}">'
                   f"<title>{escape(segment.label)}: {segment.value}</title></rect>")
        if segment.width > 40:  # label the part on the bar itself, so a printout needs no hover
            out.append(f'<text class="value" x="{_px(left + segment.x + 4)}" y="{y + 12}">{segment.value}</text>')
    out.append(_whisker(left, chart.parts_range, y + 8, "parts-range"))
    out.append("</svg>")
    return "".join(out)


def _whisker(left: Decimal, span: tuple[Decimal, Decimal], y: int, css: str) -> str:
    lo, hi = left + span[0], left + span[1]
    return (f'<g class="{css}"><line x1="{_px(lo)}" x2="{_px(hi)}" y1="{y}" y2="{y}"/>'
            f'<line x1="{_px(lo)}" x2="{_px(lo)}" y1="{y - 5}" y2="{y + 5}"/>'
            f'<line x1="{_px(hi)}" x2="{_px(hi)}" y1="{y - 5}" y2="{y + 5}"/></g>')


@dataclass(frozen=True, slots=True)
class TimelineRow:
    label: str
    x: Decimal
    width: Decimal
    first: date
    last: date
    failed: bool


def timeline(rows: Sequence[tuple[str, DateInterval, bool]], width: Decimal = CHART_WIDTH) -> tuple[TimelineRow, ...]:
    """Place date intervals on one linear axis of days; a single day still gets a visible mark."""
    if not rows:
        return ()
    start = min(span.first for _, span, _ in rows)
    end = max(span.last for _, span, _ in rows)
    days = Decimal((end - start).days + 1)
    scale = width / days
    return tuple(
        TimelineRow(label, Decimal((span.first - start).days) * scale,
                    max(Decimal((span.last - span.first).days + 1) * scale, Decimal(3)), span.first, span.last, failed)
        for label, span, failed in rows)


def timeline_svg(rows: Sequence[TimelineRow], title: str, description: str) -> str:
    height = ROW_HEIGHT * len(rows) + 30
    left = LABEL_WIDTH
    out = [f'<svg class="timeline" role="img" viewBox="0 0 {_px(left + CHART_WIDTH + 20)} {height}" '
           f'width="{_px(left + CHART_WIDTH + 20)}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
           f"<title>{escape(title)}</title><desc>{escape(description)}</desc>"]
    for index, row in enumerate(rows):
        y = index * ROW_HEIGHT + 4
        css = "event failed" if row.failed else "event"
        out.append(f'<text x="0" y="{y + 12}" class="label">{escape(row.label)}</text>')
        out.append(f'<rect class="{css}" x="{_px(left + row.x)}" y="{y}" width="{_px(row.width)}" '
                   f'height="{ROW_HEIGHT - 8}"><title>{escape(row.label)}: {row.first} to {row.last}</title></rect>')
    if rows:
        axis_y = len(rows) * ROW_HEIGHT + 16
        first = min(row.first for row in rows)
        last = max(row.last for row in rows)
        out.append(f'<text x="{_px(left)}" y="{axis_y}" class="axis">{first}</text>')
        out.append(f'<text x="{_px(left + CHART_WIDTH)}" y="{axis_y}" class="axis" text-anchor="end">{last}</text>')
    out.append("</svg>")
    return "".join(out)

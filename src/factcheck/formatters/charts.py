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
from typing import NamedTuple

from factcheck.dates import DateInterval
from factcheck.intervals import Interval, plain

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
    text: str  # the value as the document states it, shown on the bar


@dataclass(frozen=True, slots=True)
class Breakdown:
    """Parts stacked against their total, with the intervals each side allows."""

    total_label: str
    total_text: str
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
              width: Decimal = CHART_WIDTH, texts: Sequence[str] = ()) -> Breakdown:
    """Lay out a stacked bar of `parts` against a bar of `total_value`, on one linear scale.

    `texts` are the labels of the total and then each part (default: the plotted numbers)."""
    labels = list(texts) or [plain(total_value), *(plain(v) for _, v in parts)]
    widest = max([total_value, sum((v for _, v in parts), Decimal(0))]
                 + [b for b in (total_range.hi, parts_range.hi) if b.is_finite()])
    scale = width / widest if widest > 0 else Decimal(0)
    segments = []
    x = Decimal(0)
    for (label, value), text in zip(parts, labels[1:], strict=True):
        segments.append(Segment(label, value, x, value * scale, text))
        x += value * scale
    t_lo, t_hi = _finite(total_range, widest)
    p_lo, p_hi = _finite(parts_range, widest)
    return Breakdown(total_label, labels[0], total_value * scale, tuple(segments),
                     (t_lo * scale, t_hi * scale), (p_lo * scale, p_hi * scale), scale)


_PALETTE = ("#4c78a8", "#f58518", "#54a24b", "#b279a2", "#9d755d", "#72b7b2", "#eeca3b")


def breakdown_svg(chart: Breakdown, title: str, description: str, failed: bool) -> str:
    """The SVG of a breakdown: the total bar on top, the stacked parts below, each with a whisker
    under it for the interval that side allows."""
    bar = ROW_HEIGHT - 8
    height = 2 * (bar + 14) + 4
    left = LABEL_WIDTH
    width = _px(left + CHART_WIDTH + 20)
    out = [f'<svg class="breakdown" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
           'xmlns="http://www.w3.org/2000/svg">',
           f"<title>{escape(title)}</title><desc>{escape(description)}</desc>",
           f'<text x="0" y="13" class="label">{escape(chart.total_label)}</text>',
           f'<rect class="total{" failed" if failed else ""}" x="{_px(left)}" y="2" width="{_px(chart.total_width)}" '
           f'height="{bar}" data-width="{_px(chart.total_width)}"/>',
           f'<text class="value" x="{_px(left + 4)}" y="13">{escape(chart.total_text)}</text>',
           _whisker(left, chart.total_range, bar + 7, "total-range")]
    y = bar + 16
    out.append(f'<text x="0" y="{y + 11}" class="label">parts</text>')
    for index, segment in enumerate(chart.parts):
        colour = _PALETTE[index % len(_PALETTE)]
        # a part too small for the scale still shows as a sliver, or it would seem missing
        shown = max(segment.width, Decimal(2)) if segment.value else segment.width
        out.append(f'<rect class="part" x="{_px(left + segment.x)}" y="{y}" width="{_px(shown)}" '
                   f'height="{bar}" fill="{colour}" data-width="{_px(segment.width)}">'
                   f"<title>{escape(segment.label)}: {escape(segment.text)}</title></rect>")
        if segment.width > 8 * len(segment.text) + 8:  # label the part on the bar when it fits
            out.append(f'<text class="value" x="{_px(left + segment.x + 4)}" y="{y + 11}">'
                       f"{escape(segment.text)}</text>")
    out.append(_whisker(left, chart.parts_range, y + bar + 5, "parts-range"))
    out.append("</svg>")
    return "".join(out)


def _whisker(left: Decimal, span: tuple[Decimal, Decimal], y: int, css: str) -> str:
    lo, hi = left + span[0], left + span[1]
    return (f'<g class="{css}"><line x1="{_px(lo)}" x2="{_px(hi)}" y1="{y}" y2="{y}"/>'
            f'<line x1="{_px(lo)}" x2="{_px(lo)}" y1="{y - 3}" y2="{y + 3}"/>'
            f'<line x1="{_px(hi)}" x2="{_px(hi)}" y1="{y - 3}" y2="{y + 3}"/></g>')


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """One bar of the timeline chart, in chart coordinates."""

    label: str
    x: Decimal
    width: Decimal
    first: date
    last: date
    failed: bool


@dataclass(frozen=True, slots=True)
class Timeline:
    """Date intervals on one linear axis of days, from `start` at x=0, `scale` pixels a day,
    with an optional marked day (the document's date) that the axis always covers."""

    rows: tuple[TimelineRow, ...]
    start: date
    end: date
    scale: Decimal
    marker: tuple[str, date] | None = None

    def x(self, day: date) -> Decimal:
        return Decimal((day - self.start).days) * self.scale


def timeline(rows: Sequence[tuple[str, DateInterval, bool]], width: Decimal = CHART_WIDTH,
             marker: tuple[str, date] | None = None) -> Timeline:
    """Place date intervals on one axis of days; a single day still gets a visible mark.  The axis
    stretches to the marker's day, so the marker line is always drawn."""
    marked = [marker[1]] if marker is not None else []
    start = min([span.first for _, span, _ in rows] + marked)
    end = max([span.last for _, span, _ in rows] + marked)
    scale = width / Decimal((end - start).days + 1)
    placed = tuple(
        TimelineRow(label, Decimal((span.first - start).days) * scale,
                    max(Decimal((span.last - span.first).days + 1) * scale, Decimal(3)), span.first, span.last, failed)
        for label, span, failed in rows)
    return Timeline(placed, start, end, scale, marker)


class TickStep(NamedTuple):
    """A regular step between axis ticks: a number of days or of months (never both)."""

    days: int = 0
    months: int = 0

    @property
    def label_length(self) -> int:
        """How much of an ISO date labels a tick: the day, the month, or the year."""
        return 10 if self.days else 7 if self.months % 12 else 4

    @property
    def least_days(self) -> int:
        return self.days or 28 * self.months  # no month is shorter than 28 days


# Finest first; neighbours differ at most threefold, so the finest step whose labels fit leaves
# at least three ticks on the axis.  Weeks and fortnights start on Mondays (date.min is one).
_TICK_DAYS = (1, 2, 3, 7, 14)
_TICK_YEARS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000)
_TICK_STEPS = (*(TickStep(days=n) for n in _TICK_DAYS), *(TickStep(months=n) for n in (1, 3, 6)),
               *(TickStep(months=12 * n) for n in _TICK_YEARS))
_CHAR_PX = 7  # a generous width of a digit in the 11 px axis font
_LABEL_GAP = 10


def _month_ticks(first: date, last: date, months: int) -> list[date]:
    """First days of months counted from year 0 in steps of `months`, from `first` to `last`."""
    index = first.year * 12 + first.month - 1 + (first.day > 1)
    index = -(-index // months) * months
    ticks = []
    while index // 12 <= last.year and (day := date(index // 12, index % 12 + 1, 1)) <= last:
        ticks.append(day)
        index += months
    return ticks


def _day_ticks(first: date, last: date, days: int) -> list[date]:
    """Days counted from date.min in steps of `days`, from `first` to `last`."""
    start = -(-(first.toordinal() - 1) // days) * days + 1
    return [date.fromordinal(ordinal) for ordinal in range(start, last.toordinal() + 1, days)]


def axis_ticks(chart: Timeline) -> tuple[list[date], int]:
    """The ticks of the chart's axis at the finest step (days, weeks, months, quarters, years)
    whose labels do not overlap, and how many characters of the ISO date label each."""
    step = next(step for step in _TICK_STEPS
                if step.least_days * chart.scale >= _CHAR_PX * step.label_length + _LABEL_GAP)
    if step.days:
        return _day_ticks(chart.start, chart.end, step.days), step.label_length
    return _month_ticks(chart.start, chart.end, step.months), step.label_length


def timeline_svg(chart: Timeline, title: str, description: str) -> str:
    """Rows of date intervals, dated ticks, and the chart's marked day, if any."""
    rows = chart.rows
    height = ROW_HEIGHT * len(rows) + 34
    left = LABEL_WIDTH
    width = _px(left + CHART_WIDTH + 40)  # room for a full date centred on the last tick
    axis_y = len(rows) * ROW_HEIGHT + 16
    out = [f'<svg class="timeline" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
           'xmlns="http://www.w3.org/2000/svg">',
           f"<title>{escape(title)}</title><desc>{escape(description)}</desc>"]
    ticks, label_length = axis_ticks(chart)
    for tick in ticks:
        x = _px(left + chart.x(tick))
        out.append(f'<line class="tick" x1="{x}" x2="{x}" y1="0" y2="{axis_y - 10}"/>'
                   f'<text x="{x}" y="{axis_y}" class="axis" text-anchor="middle">'
                   f"{tick.isoformat()[:label_length]}</text>")
    if (marker := chart.marker) is not None:
        at = chart.x(marker[1])
        x = _px(left + at)
        # the label hangs off the line towards the middle, so it stays inside the chart at either end
        anchor = "end" if at > CHART_WIDTH / 2 else "start"
        out.append(f'<line class="marker" x1="{x}" x2="{x}" y1="0" y2="{axis_y + 4}"/>'
                   f'<text x="{x}" y="{axis_y + 14}" class="axis marker-label" text-anchor="{anchor}">'
                   f"{escape(marker[0])}</text>")
    for index, row in enumerate(rows):
        y = index * ROW_HEIGHT + 4
        css = "event failed" if row.failed else "event"
        out.append(f'<text x="0" y="{y + 12}" class="label">{escape(row.label)}</text>')
        out.append(f'<rect class="{css}" x="{_px(left + row.x)}" y="{y}" width="{_px(row.width)}" '
                   f'height="{ROW_HEIGHT - 8}"><title>{escape(row.label)}: {row.first} to {row.last}</title></rect>')
    out.append("</svg>")
    return "".join(out)

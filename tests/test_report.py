"""The HTML report: chart geometry, quote context, and the report for the shipped letter."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from factcheck.cli import main
from factcheck.dates import DateInterval, parse_date
from factcheck.engine import verify
from factcheck.formatters.charts import axis_ticks, breakdown, timeline, timeline_svg
from factcheck.formatters.html import quote_context, render_html
from factcheck.intervals import Interval

ROOT = Path(__file__).resolve().parents[1]
amounts = st.decimals(min_value=Decimal("0.1"), max_value=Decimal(10**6), places=1)


@given(st.lists(amounts, min_size=1, max_size=6))
def test_part_bars_are_proportional_to_their_values(values: list[Decimal]) -> None:
    """Every part's bar length divided by its value is the same scale, and the parts tile the bar."""
    whole = sum(values, Decimal(0))
    chart = breakdown("t", whole, Interval(whole, whole), [(str(i), v) for i, v in enumerate(values)],
                      Interval(whole, whole))
    for segment, value in zip(chart.parts, values, strict=True):
        assert segment.width == value * chart.scale
    # decimal division rounds at the 28th digit: far below a pixel
    assert abs(chart.parts[-1].x + chart.parts[-1].width - chart.total_width) < Decimal("1e-20")


def test_breakdown_scale_fits_the_widest_side() -> None:
    chart = breakdown("budget", Decimal(122), Interval(Decimal("121.5"), Decimal("122.5")),
                      [("air", Decimal("77.5")), ("training", Decimal("44.5"))],
                      Interval(Decimal("121.9"), Decimal("122.1")), width=Decimal(245))
    assert chart.scale == Decimal(245) / Decimal("122.5")
    assert chart.total_width == Decimal(244)
    assert chart.parts[0].width == Decimal("155")
    assert chart.total_range == (Decimal("243"), Decimal("245"))


@given(st.dates(), st.integers(min_value=0, max_value=400), st.integers(min_value=1, max_value=400))
def test_timeline_keeps_dates_in_order(first, gap, length) -> None:  # type: ignore[no-untyped-def]
    """A later interval never starts left of an earlier one on the axis."""
    try:
        later = first + timedelta(days=gap)
        end = later + timedelta(days=length)
    except OverflowError:
        return
    rows = timeline([("a", DateInterval(first, first), False), ("b", DateInterval(later, end), False)]).rows
    assert rows[0].x <= rows[1].x
    assert rows[1].x + rows[1].width <= Decimal(600) + Decimal(3)


def test_timeline_month_is_wider_than_a_day() -> None:
    rows = timeline([("day", parse_date("2015-10-02"), False), ("month", parse_date("2015-10"), True)]).rows
    per_day = Decimal(600) / 31
    assert rows[1].x == 0
    assert rows[0].x == per_day
    assert rows[0].width == per_day
    assert abs(rows[1].width - Decimal(600)) < Decimal("1e-20")
    assert rows[1].failed


def _ticks(first: date, last: date) -> tuple[list[date], int]:
    return axis_ticks(timeline([("a", DateInterval(first, last), False)]))


def test_a_year_long_axis_has_quarter_ticks() -> None:
    assert _ticks(date(2014, 9, 1), date(2015, 10, 31)) == (
        [date(2014, 10, 1), date(2015, 1, 1), date(2015, 4, 1), date(2015, 7, 1), date(2015, 10, 1)], 7)


def test_tick_steps_follow_the_span() -> None:
    """The finest step whose labels fit: days, weeks (Mondays), fortnights, years, twenty years."""
    assert _ticks(date(2015, 10, 2), date(2015, 10, 4)) == (
        [date(2015, 10, 2), date(2015, 10, 3), date(2015, 10, 4)], 10)
    assert _ticks(date(2015, 10, 1), date(2015, 10, 14)) == ([date(2015, 10, day) for day in range(2, 15, 2)], 10)
    assert _ticks(date(2015, 9, 1), date(2015, 10, 4)) == (
        [date(2015, 9, 7), date(2015, 9, 14), date(2015, 9, 21), date(2015, 9, 28)], 10)
    assert _ticks(date(2015, 9, 1), date(2015, 11, 25)) == (
        [date(2015, 9, 14), date(2015, 9, 28), date(2015, 10, 12), date(2015, 10, 26), date(2015, 11, 9),
         date(2015, 11, 23)], 10)
    assert _ticks(date(2006, 5, 1), date(2015, 10, 31)) == ([date(year, 1, 1) for year in range(2007, 2016)], 4)
    assert _ticks(date(1815, 1, 1), date(2015, 10, 31)) == ([date(year, 1, 1) for year in range(1820, 2001, 20)], 4)


@given(st.dates(max_value=date(9999, 12, 29)), st.integers(min_value=2, max_value=3_650_000))
def test_every_axis_has_three_ticks_with_room_for_their_labels(first: date, span: int) -> None:
    """At least three ticks inside an axis of three days or more, and on the 600 px chart each
    label (~6 px a character at 11 px) clears its neighbour."""
    last = first + timedelta(days=min(span, (date.max - first).days))
    chart = timeline([("a", DateInterval(first, last), False)])
    ticks, label_length = axis_ticks(chart)
    assert len(ticks) >= 3
    assert first <= ticks[0]
    assert ticks[-1] <= last
    for left, right in pairwise(ticks):
        assert chart.x(right) - chart.x(left) >= 7 * label_length


def test_the_axis_stretches_to_the_document_date() -> None:
    """A fortnight of events before the letter: the axis runs to the letter, on one scale of days."""
    chart = timeline([("start", parse_date("2015-10-01"), False), ("end", parse_date("2015-10-14"), False)],
                     marker=("document date", date(2015, 11, 2)))
    assert (chart.start, chart.end) == (date(2015, 10, 1), date(2015, 11, 2))
    assert chart.scale == Decimal(600) / 33
    assert chart.rows[1].x == 13 * chart.scale
    assert chart.x(date(2015, 11, 2)) == 32 * chart.scale
    svg = timeline_svg(chart, "t", "d")
    assert re.findall(r'class="axis" text-anchor="middle">([^<]*)<', svg) == [
        "2015-10-05", "2015-10-12", "2015-10-19", "2015-10-26", "2015-11-02"]
    assert f'<line class="marker" x1="{820 - chart.scale:.2f}"' in svg
    assert 'text-anchor="end">document date</text>' in svg


def test_quote_context_marks_a_quote_across_a_line_break() -> None:
    text = "Eerste regel\nwerden geraamd \nop 100 miljoen euro. Hiervan\nlaatste <regel>\n"
    found = quote_context(text, "geraamd op 100 miljoen euro")
    assert found == (1, '<span class="n">1</span><span class="t">Eerste regel</span>\n'
                        '<span class="n">2</span><span class="t">werden <mark>geraamd </mark></span>\n'
                        '<span class="n">3</span><span class="t"><mark>op 100 miljoen euro</mark>. Hiervan</span>\n'
                        '<span class="n">4</span><span class="t">laatste &lt;regel&gt;</span>')
    assert quote_context(text, "niet aanwezig") is None


def test_report_of_the_shipped_letter_has_every_part() -> None:
    report = verify([ROOT / "facts.yaml"], cwd=ROOT)
    assert report.base is not None
    html = render_html(report, coverage=(3, 4))
    for section in ("summary", "findings", "breakdowns", "timeline", "agreements"):
        assert f'<section id="{section}">' in html
    assert '<td id="summary-coverage">75.0% (3 of 4 numbers and dates)</td>' in html
    drawn = [rule for rule in report.base.rules if rule.kind in ("sum", "inclusion")]
    assert len(drawn) >= 2
    assert html.count('<figure class="breakdown-figure"') == len(drawn)
    assert "<script" not in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert re.search(r"<title>factcheck report: .*ISIS</title>", html)


def test_report_marks_a_broken_sum(tmp_path: Path) -> None:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "kst-27925-565.txt").write_text(
        (ROOT / "sources" / "kst-27925-565.txt").read_text(encoding="utf-8"), encoding="utf-8")
    broken = (ROOT / "facts.yaml").read_text(encoding="utf-8").replace("value: 77.5", "value: 75.5")
    (tmp_path / "facts.yaml").write_text(broken, encoding="utf-8")
    out = tmp_path / "out.html"
    result = CliRunner().invoke(main, ["report", str(tmp_path / "facts.yaml"), "--output", str(out)])
    assert result.exit_code == 1
    assert result.stdout == f"wrote {out}; 2 errors, 0 warnings (exit 1)\n"
    html = out.read_text(encoding="utf-8")
    assert '<td id="summary-errors">2</td>' in html  # the sum, and the value its quote does not state
    assert '<rect class="total failed"' in html
    # the caption says what fails, in the words of the sum's finding
    assert ('<figcaption><span class="badge error">error</span> <strong>budget-2015-extended-split</strong> (sum): '
            "parts budget-2015-extended-air + budget-2015-extended-training = [119.9, 120.1) EUR million, "
            "but total budget-2015-extended = [121.5, 122.5) EUR million"
            "</figcaption>") in html
    assert "<mark>77,5 miljoen euro is bestemd voor de luchtcampagne</mark>" not in html
    assert '<article class="finding error">' in html
    # the caption says what fails, in the words of the sum's finding
    assert ('<figcaption><span class="badge error">error</span> <strong>budget-2015-extended-split</strong> (sum): '
            "parts budget-2015-extended-air + budget-2015-extended-training = [119.9, 120.1) EUR million, "
            "but total budget-2015-extended = [121.5, 122.5) EUR million"
            "</figcaption>") in html


def test_report_cannot_write_is_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report", str(ROOT / "facts.yaml"), "--output", str(tmp_path)])
    assert result.exit_code == 2

"""Dates as intervals of days, as precise as the source states them.

Grammar (the schema's ``date``): ``2015-10-02`` (a day), ``2016-10`` (a month), ``2015`` (a
year), ``2015-08-early`` / ``-mid`` / ``-late`` (begin, medio, eind: days 1-10, 11-20, 21-end),
``2015-H1`` / ``-H2`` (a half year), and a range ``A/B`` from the first day of A to the last of B.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

#: weekday names as date.weekday() counts them (0 = Monday); not calendar.day_name, which follows the locale
WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS_NL = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

_PART = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}|early|mid|late))?|-H([12]))?")
_THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


@dataclass(frozen=True, slots=True, order=True)
class DateInterval:
    """The days [first, last], both inclusive."""

    first: date
    last: date

    def intersects(self, other: DateInterval) -> bool:
        return self.first <= other.last and other.first <= self.last

    def bounds(self) -> tuple[date | None, date | None]:
        """The first and the last day, None for an end left open (an end of `ALWAYS`)."""
        return (None if self.first == date.min else self.first, None if self.last == date.max else self.last)

    def __str__(self) -> str:
        if self.first == self.last:
            return self.first.isoformat()
        return f"{self.first.isoformat()}..{self.last.isoformat()}"


ALWAYS = DateInterval(date.min, date.max)


def _part(text: str) -> DateInterval:
    match = _PART.fullmatch(text)
    if match is None:
        raise ValueError(f"not a date: {text!r}")
    year = int(match[1])
    if match[4]:
        half = int(match[4])
        return DateInterval(date(year, 6 * half - 5, 1), date(year, 6 * half, 30 + (half - 1)))
    if not match[2]:
        return DateInterval(date(year, 1, 1), date(year, 12, 31))
    month = int(match[2])
    days = calendar.monthrange(year, month)[1]
    day = match[3]
    if not day:
        return DateInterval(date(year, month, 1), date(year, month, days))
    if day in _THIRDS:
        start, end = _THIRDS[day]
        return DateInterval(date(year, month, start), date(year, month, min(end, days)))
    try:
        single = date(year, month, int(day))
    except ValueError as exc:  # 2015-02-30
        raise ValueError(f"impossible date {text!r}: {exc}") from None
    return DateInterval(single, single)


@lru_cache(maxsize=4096)  # dates repeat across a large base; DateInterval is immutable
def parse_date(text: str) -> DateInterval:
    """Parse the date grammar; raise ValueError (with a reason) for an impossible date."""
    start, _, end = text.partition("/")
    first = _part(start)
    if not end:
        return first
    last = _part(end)
    if last.last < first.first:
        raise ValueError(f"range {text!r} ends before it starts")
    return DateInterval(first.first, last.last)


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def add_days(day: date, days: int) -> date:
    return day + timedelta(days=days)

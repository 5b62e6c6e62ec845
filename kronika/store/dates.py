"""ISO dates of any precision (2022, 2022-01, 2022-W03, 2022-01-10T12:00) as days, for sorting and filters."""
from __future__ import annotations

import calendar
import re
from datetime import date

WEEK = re.compile(r"(\d{4})-W(\d{2})")
DAY = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def first_day(value: str | None) -> str | None:
    """The first day the date can mean: 2022 -> 2022-01-01, 2022-W03 -> 2022-01-17."""
    return _day(value, last=False)


def last_day(value: str | None) -> str | None:
    """The last day the date can mean: 2022 -> 2022-12-31, 2022-02 -> 2022-02-28."""
    return _day(value, last=True)


def _day(value: str | None, last: bool) -> str | None:
    if not value:
        return None
    if week := WEEK.match(value):
        return date.fromisocalendar(int(week[1]), int(week[2]), 7 if last else 1).isoformat()
    if not (found := DAY.match(value)):
        return None
    year = int(found[1])
    month = int(found[2] or (12 if last else 1))
    day = int(found[3] or (calendar.monthrange(year, month)[1] if last else 1))
    return f"{year:04d}-{month:02d}-{day:02d}"

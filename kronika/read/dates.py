"""Source dates: a date string into an ISO 8601 value and its precision.

Accepted: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, an ISO datetime (``T`` or a space, optional
seconds, fraction and offset), and the Polish ``DD.MM.YYYY``. A time of exactly midnight
(``T00:00:00``) is read as a date alone: crawlers and CMSs write it when they know only the day.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import NamedTuple

from ..model import DatePrecision


class ParsedDate(NamedTuple):
    value: str
    precision: DatePrecision


_ISO = re.compile(
    r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})"
    r"(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?"
)
_DMY = re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})")


def parse_date(text: str | None) -> ParsedDate | None:
    """The date in ``text``, or None when it is empty or not a valid date."""
    text = (text or "").strip()
    match = _ISO.fullmatch(text) or _DMY.fullmatch(text)
    if not match:
        return None
    parts = match.groupdict()
    try:
        return _build(parts)
    except ValueError:  # month 13, 30 February, hour 25 ...
        return None


def at_day(parsed: ParsedDate) -> ParsedDate:
    """The same date cut to day precision at most (WARC-Date, a crawl time, is only a hint)."""
    if parsed.precision in ("year", "month", "day"):
        return parsed
    return ParsedDate(parsed.value[:10], "day")


def _build(parts: dict[str, str | None]) -> ParsedDate:
    year = int(parts["y"])
    if parts["m"] is None:
        return ParsedDate(f"{year:04d}", "year")
    month = int(parts["m"])
    if parts["d"] is None:
        if not 1 <= month <= 12:
            raise ValueError(month)
        return ParsedDate(f"{year:04d}-{month:02d}", "month")
    day = date(year, month, int(parts["d"]))
    hour, minute, second = (int(parts.get(key) or 0) for key in ("H", "M", "S"))
    if parts.get("H") is None or hour == minute == second == 0:
        return ParsedDate(day.isoformat(), "day")
    moment = datetime(year, month, day.day, hour, minute, second, tzinfo=_offset(parts["tz"]))
    precision: DatePrecision = "minute" if parts["S"] is None else "second"
    return ParsedDate(moment.isoformat(timespec="minutes" if precision == "minute" else "seconds"), precision)


def _offset(text: str | None) -> timezone | None:
    if not text:
        return None
    if text == "Z":
        return timezone.utc
    digits = text[1:].replace(":", "")
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
    return timezone(-delta if text[0] == "-" else delta)

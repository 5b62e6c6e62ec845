"""The seed format: ``date YYYY[-MM[-DD]] `` then the lead on the same line, the body after it.

There is no separate title: the first paragraph is the lead.
"""
from __future__ import annotations

import re
from typing import Iterator

from .base import ReadOptions, ReadResult, make_article, read_error
from .dates import parse_date
from .encoding import decode

PREFIX = re.compile(r"\s*date (\d{4}(?:-\d{2}(?:-\d{2})?)?)(?!\S)[ \t]*")


def sniff(head: str) -> bool:
    return PREFIX.match(head) is not None


def read_seed(data: bytes, name: str, options: ReadOptions) -> Iterator[ReadResult]:
    text = decode(data, name, encoding=options.encoding)
    match = PREFIX.match(text)
    if not match:
        raise read_error(name, "malformed", "no 'date YYYY[-MM[-DD]]' prefix on the first line")
    date = parse_date(match[1])
    if date is None:
        raise read_error(name, "malformed", f"not a date: {match[1]!r}")
    yield make_article(text[match.end():], item=name, format="seed", date=date)

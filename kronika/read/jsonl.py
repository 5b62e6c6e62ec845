"""JSONL: one article a line, ``{"id", "date", "title", "text", "url", "source"}``.

``text`` is required; ``author`` and ``language`` are read too, other fields ignored. A bad line
gives a ReadError naming ``file:line`` and the other lines go on. ``source`` defaults to
``file:line``; a ``source`` in the record (e.g. a kronika export read back) is kept.
"""
from __future__ import annotations

import json
import re
from typing import Any, Iterator

from ..errors import ReadError
from ..model import Article
from .base import ReadOptions, ReadResult, make_article, read_error
from .dates import parse_date
from .encoding import decode

_OBJECT_START = re.compile(r'\{\s*"')
_STRING_FIELDS = ("date", "title", "text", "url", "source", "author", "language")


def sniff(head: str) -> bool:
    """The first line is a JSON object (or starts like one, where the head cuts it off)."""
    line, newline, _ = head.lstrip().partition("\n")
    if not line.startswith("{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return not newline and _OBJECT_START.match(line) is not None


def read_jsonl(data: bytes, name: str, options: ReadOptions) -> Iterator[ReadResult]:
    text = decode(data, name, encoding=options.encoding)
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            try:
                yield _article(line, f"{name}:{number}")
            except ReadError as error:
                yield error


def _article(line: str, item: str) -> Article:
    record = _parse(line, item)
    if record.get("text") is None:
        raise read_error(item, "malformed", "no 'text' field")
    date = None
    if record.get("date") is not None:
        date = parse_date(record["date"])
        if date is None:
            raise read_error(item, "malformed", f"not a date: {record['date']!r}")
    fields = {key: record.get(key) for key in ("title", "url", "author", "language")}
    doc_id = record.get("id")
    return make_article(
        record["text"],
        item=item,
        format="jsonl",
        id=None if doc_id is None else str(doc_id),
        date=date,
        source=record.get("source"),
        **fields,
    )


def _parse(line: str, item: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise read_error(item, "malformed", f"bad JSON: {error.msg} at column {error.colno}") from None
    if not isinstance(record, dict):
        raise read_error(item, "malformed", f"a JSON {type(record).__name__}, not an object")
    for key in _STRING_FIELDS:
        if record.get(key) is not None and not isinstance(record[key], str):
            raise read_error(item, "malformed", f"field {key!r} must be a string")
    doc_id = record.get("id")
    if doc_id is not None and (isinstance(doc_id, bool) or not isinstance(doc_id, (str, int))):
        raise read_error(item, "malformed", "field 'id' must be a string or an integer")
    return record

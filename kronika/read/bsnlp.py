"""BSNLP shared-task raw files: line 1 id, 2 language, 3 date, 4 url, 5 title, text from line 6.

In the Polish data every text line is a paragraph; the date line may be empty or an ISO
datetime (2016-12-07T17:59:00+01:00, 2016-11-24T21:26:40.000Z); the 2017 topics (ec, trump)
use CRLF and some files start with a UTF-8 BOM. A few files have nothing after line 5 (the
Wikipedia pages of asia_bibi hold their whole text on line 5): line 5 is then the text and
there is no title.
"""
from __future__ import annotations

import logging
import re
from typing import Iterator

from .base import ReadOptions, ReadResult, make_article, read_error
from .dates import parse_date
from .encoding import decode

log = logging.getLogger(__name__)

HEADER_LINES = 5
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LANGUAGE = re.compile(r"[a-z]{2,3}")
_URL = re.compile(r"https?://\S+")


def sniff(head: str) -> bool:
    return _is_header(_LINE_BREAK.split(head)[:HEADER_LINES], strict=True)


def _is_header(lines: list[str], *, strict: bool) -> bool:
    """An id, a language code and a url (or, unless strict, no url) in the right places."""
    if len(lines) < HEADER_LINES:
        return False
    doc_id, language, _, url = (line.strip() for line in lines[:4])
    url_ok = _URL.fullmatch(url) is not None or (not strict and not url)
    return bool(doc_id) and _LANGUAGE.fullmatch(language) is not None and url_ok


def read_bsnlp(data: bytes, name: str, options: ReadOptions) -> Iterator[ReadResult]:
    lines = _LINE_BREAK.split(decode(data, name, encoding=options.encoding))
    if not _is_header(lines, strict=False):
        raise read_error(name, "malformed", "no BSNLP header (id, language, date, url, title)")
    doc_id, language, date_text, url, title = (line.strip() for line in lines[:HEADER_LINES])
    body = "\n".join(lines[HEADER_LINES:])
    if not body.strip():
        body, title = title, None
    date = parse_date(date_text)
    if date is None and date_text:
        log.warning("%s: unreadable BSNLP date %r, left empty", name, date_text)
    yield make_article(
        body,
        item=name,
        format="bsnlp",
        id=doc_id,
        date=date,
        url=url,
        title=title,
        language=language,
        lines_are_paragraphs=True,
    )

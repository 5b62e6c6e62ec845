"""WARC files of news crawls: every HTML ``response`` record is read as an HTML page.

Other records (requests, metadata, images, redirects and errors) are skipped. An article's
source is ``file#record-N`` (N counts every record from 1), its url the WARC-Target-URI, its
date the page's own or else the WARC-Date at day precision. ``max_bytes`` bounds one record,
not the file. gzip is read here, member by member, so that a damaged file yields the records
before the damage and then one ReadError ("truncated" or "malformed").
"""
from __future__ import annotations

import io
import itertools
import logging
from typing import BinaryIO, Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from ..errors import ReadError
from .base import ReadOptions, ReadResult, make_article, read_error
from .dates import at_day, parse_date
from .encoding import GZIP_MAGIC, GunzipStream, charset_param
from .html import extract

log = logging.getLogger(__name__)

MAGIC = b"WARC/1."
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(data: bytes, name: str, options: ReadOptions) -> Iterator[ReadResult]:
    yield from read_warc_stream(io.BytesIO(data), name, options)


def read_warc_stream(stream: BinaryIO, name: str, options: ReadOptions) -> Iterator[ReadResult]:
    """Articles and errors from a seekable binary stream, one record at a time."""
    head = stream.read(len(MAGIC))
    stream.seek(0)
    if not head:
        yield read_error(name, "empty", "no bytes")
        return
    gzipped = head.startswith(GZIP_MAGIC)
    body = GunzipStream(stream) if gzipped else stream
    archive = ArchiveIterator(io.BufferedReader(body) if gzipped else body)
    records = iter(archive)
    for number in itertools.count(1):
        record, failure = _next_record(records)
        if record is None:
            break
        result = _read_record(record, f"{name}#record-{number}", options)
        if result is not None:
            yield result
        if isinstance(result, ReadError) and result.reason == "truncated":
            return
    reason = _damage(body, archive, number, failure, looks_like_warc=gzipped or head == MAGIC)
    if reason:
        yield read_error(f"{name}#record-{number}", reason, f"damaged WARC data ({failure or reason})")


def _next_record(records: Iterator[ArcWarcRecord]) -> tuple[ArcWarcRecord | None, Exception | None]:
    """The next record (None at the end) or why warcio could not parse one."""
    try:
        record = next(records, None)
    except Exception as exc:  # warcio raises assorted errors (even AttributeError) on damaged input
        return None, exc
    if record is not None and record.rec_headers.get_header("Content-Length") is None:
        return None, ValueError("a record header without Content-Length")  # cut inside the header
    return record, None


def _damage(
    body: BinaryIO, archive: ArchiveIterator, number: int, failure: Exception | None, *, looks_like_warc: bool
) -> str | None:
    """Why the records stopped: "truncated", "malformed", or None where the data simply ended."""
    if getattr(body, "error", None):  # the gzip layer saw the damage
        return body.error
    if failure is not None and (not looks_like_warc or body.read(1)):
        return "malformed"
    if failure is None and number > 1 and not archive.next_line:
        return None
    return "truncated"  # warcio stops quietly inside a cut header: its next line is left over


def _read_record(record: ArcWarcRecord, source: str, options: ReadOptions) -> ReadResult | None:
    """The record's article, its error, or None for a record that holds no page."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    item = f"{source} ({url})" if url else source
    content_type = _html_content_type(record)
    if content_type and (record.length or 0) > options.max_bytes:
        return read_error(item, "too_large", f"record of {record.length} bytes, over {options.max_bytes}")
    try:
        payload = record.content_stream().read() if content_type else b""
    except Exception as exc:  # a damaged chunked or compressed HTTP body
        reason = "truncated" if _cut_short(record) else "malformed"
        return read_error(item, reason, f"unreadable HTTP body: {exc}")
    if _cut_short(record):
        return read_error(item, "truncated", "the record ends before its Content-Length")
    if content_type is None:
        return None
    declared = charset_param(content_type)
    try:
        page = extract(payload, item, url=url, declared=declared, encoding=options.encoding)
    except ReadError as error:
        return error
    crawl_date = parse_date(record.rec_headers.get_header("WARC-Date"))
    if page["date"] is None and crawl_date is not None:
        page["date"] = at_day(crawl_date)
    return make_article(item=item, source=source, format="warc", **page)


def _html_content_type(record: ArcWarcRecord) -> str | None:
    """The Content-Type of a successful HTML response, else None."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    content_type = record.http_headers.get_header("Content-Type") or ""
    if not status.startswith("2") or not content_type.lower().startswith(_HTML_TYPES):
        log.debug("skipping %s record (%s, %s)", record.rec_type, status, content_type)
        return None
    return content_type


def _cut_short(record: ArcWarcRecord) -> bool:
    """Whether the record's block ended before its Content-Length."""
    while record.raw_stream.read(65536):
        pass
    return getattr(record.raw_stream, "limit", 0) > 0

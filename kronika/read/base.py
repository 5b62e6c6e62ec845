"""What every reader shares: options, the error reasons, text normalisation, building an Article."""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, Iterator

from ..errors import ReadError
from ..model import Article, content_hash
from .dates import ParsedDate

FORMATS = ("seed", "text", "jsonl", "html", "warc", "bsnlp")
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
ID_LENGTH = 16  # hex digits of the content hash used as an id when the source gives none

# Every ReadError.reason a reader gives, with what it means.
REASONS = {
    "not_found": "the path does not exist",
    "unreadable": "the path exists but cannot be read (permissions, a device, an I/O error)",
    "too_large": "more than ReadOptions.max_bytes (a file, a decompressed file, or one WARC record)",
    "empty": "no bytes, or no text once the format's header is taken off",
    "binary": "not text: NUL or control bytes, or a known binary file signature",
    "encoding": "bytes that do not decode: the forced encoding fails, or damaged / mixed UTF-8",
    "truncated": "cut short: a gzip member, a WARC record, a UTF-8 or UTF-16 character",
    "malformed": "not what its format requires: a bad JSON line, wrong field types, a bad header, "
    "an unparseable date or WARC record",
    "no_article": "an HTML page with no article text",
}


@dataclass(frozen=True)
class ReadOptions:
    """How to read: ``format`` forces a reader, ``encoding`` a codec; ``max_bytes`` bounds an item."""

    format: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    encoding: str | None = None

    def __post_init__(self) -> None:
        if self.format is not None and self.format not in FORMATS:
            raise ValueError(f"unknown format {self.format!r}; expected one of {', '.join(FORMATS)}")
        if self.max_bytes <= 0:
            raise ValueError("max_bytes must be positive")
        if self.encoding is not None:
            codecs.lookup(self.encoding)  # raises LookupError for an unknown codec


ReadResult = Article | ReadError
Reader = Callable[[bytes, str, ReadOptions], Iterator[ReadResult]]


def read_error(item: str, reason: str, message: str) -> ReadError:
    assert reason in REASONS, reason
    return ReadError(message, item=item, reason=reason)


_BLANK_RUNS = re.compile(r"\n{3,}")


def normalize_text(text: str, *, lines_are_paragraphs: bool = False) -> str:
    """NFC, ``\\n`` line ends, trailing spaces off, paragraphs separated by exactly one blank line.

    With ``lines_are_paragraphs`` (BSNLP, extracted HTML) every line is a paragraph; otherwise
    single line breaks stay inside their paragraph. Nothing else inside a paragraph changes.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    text = ("\n\n" if lines_are_paragraphs else "\n").join(lines)
    return _BLANK_RUNS.sub("\n\n", text).strip("\n")


def _clean_field(value: str | None) -> str | None:
    value = unicodedata.normalize("NFC", value).strip() if value else None
    return value or None


def make_article(
    text: str,
    *,
    item: str,
    format: str,
    id: str | None = None,
    date: ParsedDate | None = None,
    source: str | None = None,
    lines_are_paragraphs: bool = False,
    **fields: str | None,
) -> Article:
    """An Article with normalised text; raises ReadError("empty") when no text is left.

    The headline is part of what an article says: when there is a title, the text starts with it
    as its first paragraph (unless it already does), so mentions, quotes and events in the
    headline are analysed too, with offsets into ``text`` like all others.
    """
    text = normalize_text(text, lines_are_paragraphs=lines_are_paragraphs)
    if not text.strip():
        raise read_error(item, "empty", "no text")
    metadata = {key: _clean_field(value) for key, value in fields.items()}
    title = metadata.get("title")
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    if date is not None:
        metadata.update(date=date.value, date_precision=date.precision)
    if metadata.get("language") is None:
        metadata.pop("language", None)  # keep the model's default
    return Article(
        id=_clean_field(id) or content_hash(text)[:ID_LENGTH],
        text=text,
        source=source or item,
        format=format,
        **metadata,
    )

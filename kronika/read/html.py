"""HTML pages: main text, title, date and author extracted with trafilatura.

Precision is favoured: boilerplate, comments and link lists stay out, and dates come only from
the page's metadata and markup, never guessed from its text. Each extracted paragraph becomes
one; a heading that repeats the title is dropped from the text, and a page with less than
``MIN_TEXT_CHARS`` of text left is "no_article".
"""
from __future__ import annotations

import re
from typing import Any, Iterator

from .base import ReadOptions, ReadResult, make_article, normalize_text, read_error
from .dates import parse_date
from .encoding import charset_param, decode

MIN_TEXT_CHARS = 100
_HTML_START = re.compile(
    r"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)
_META = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)


def sniff(head: str) -> bool:
    return _HTML_START.match(head) is not None


def read_html(data: bytes, name: str, options: ReadOptions) -> Iterator[ReadResult]:
    yield make_article(item=name, format="html", **extract(data, name, encoding=options.encoding))


def extract(
    data: bytes,
    item: str,
    *,
    url: str | None = None,
    declared: str | None = None,
    encoding: str | None = None,
) -> dict[str, Any]:
    """Text and metadata of one HTML page, as make_article's arguments.

    Raises ReadError: "no_article", or a decoding reason.
    """
    page = decode(data, item, encoding=encoding, declared=declared or _meta_charset(data))
    document = _trafilatura(page, url)
    if document is None:
        raise read_error(item, "no_article", "no article text in the page")
    text = _without_title(document.text, document.title)
    if len(text) < MIN_TEXT_CHARS:
        raise read_error(item, "no_article", f"no article text in the page ({len(text)} characters)")
    return {
        "text": text,
        "date": parse_date(document.date),
        "url": url or document.url,
        "title": document.title,
        "author": document.author,
    }


def _trafilatura(page: str, url: str | None):  # -> trafilatura Document | None
    import trafilatura  # imported on first use: it is slow to import and only HTML needs it
    from trafilatura.settings import set_date_params

    return trafilatura.bare_extraction(
        page,
        url=url,
        favor_precision=True,
        include_comments=False,
        with_metadata=True,
        # no extensive search: it reads "© 2022" in a footer as 2022-01-01
        date_extraction_params=set_date_params(extensive=False),
    )


def _without_title(text: str | None, title: str | None) -> str:
    """The extracted text without a first paragraph that only repeats the title."""
    paragraphs = normalize_text(text or "", lines_are_paragraphs=True).split("\n\n")
    if title and paragraphs and paragraphs[0].strip() == normalize_text(title).strip():
        paragraphs = paragraphs[1:]
    return "\n\n".join(paragraphs)


def _meta_charset(data: bytes) -> str | None:
    """The charset a ``<meta>`` tag in the first bytes declares."""
    for tag in _META.findall(data[:4096]):
        charset = charset_param(tag.decode("ascii", errors="replace"))
        if charset:
            return charset
    return None

"""Shared helpers for the reader tests: run a reader, split articles from errors, build WARCs."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from kronika.errors import ReadError
from kronika.model import Article

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parents[2]
SEED = REPO / "examples" / "seed.txt"

POLISH = "Zażółć gęślą jaźń. Źródło: Świętokrzyskie, Łódź, Ćmielów, Ńa, Ąb, Ęc, Óz, Żory, Śląsk."


def split(results) -> tuple[list[Article], list[ReadError]]:
    results = list(results)
    articles = [r for r in results if isinstance(r, Article)]
    errors = [r for r in results if isinstance(r, ReadError)]
    assert len(articles) + len(errors) == len(results)
    return articles, errors


def one_article(results) -> Article:
    articles, errors = split(results)
    assert not errors, [e.to_dict() for e in errors]
    assert len(articles) == 1
    return articles[0]


def one_error(results) -> ReadError:
    articles, errors = split(results)
    assert not articles and len(errors) == 1, (articles, errors)
    return errors[0]


def news_html() -> bytes:
    return (FIXTURES / "news.html").read_bytes()


def build_warc(records: list[tuple], *, gzip: bool) -> bytes:
    """A WARC of (type, url, content type, payload, status) records, made with warcio."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for rec_type, url, content_type, payload, status in records:
        http = None
        if rec_type == "response":
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        elif rec_type == "request":
            http = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "kurier.example.pl")], is_http_request=True)
        warc_headers = {"WARC-Date": "2022-01-11T08:30:00Z"}
        record = writer.create_warc_record(
            url, rec_type, payload=io.BytesIO(payload), http_headers=http, warc_headers_dict=warc_headers
        )
        writer.write_record(record)
    return buffer.getvalue()


@pytest.fixture
def warc_records() -> list[tuple]:
    """request, HTML article, an image, a 404 page, an undated HTML article."""
    undated = re.sub(rb'<meta property="article:published_time"[^>]*>|<time.*?</time>', b"", news_html())
    return [
        ("request", "https://kurier.example.pl/a", None, b"", None),
        ("response", "https://kurier.example.pl/a", "text/html; charset=utf-8", news_html(), "200 OK"),
        ("response", "https://kurier.example.pl/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00", "200 OK"),
        ("response", "https://kurier.example.pl/missing", "text/html", b"<html><body>404</body></html>", "404 Not Found"),
        ("response", "https://kurier.example.pl/b", "text/html", undated, "200 OK"),
    ]

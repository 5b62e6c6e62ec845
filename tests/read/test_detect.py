import gzip

import pytest

from kronika.read import FORMATS, READERS, ReadOptions, detect_format, read_bytes

from .conftest import FIXTURES, SEED, build_warc, news_html, one_article

BSNLP = (FIXTURES / "bsnlp_trump_file_26.txt").read_bytes()
JSONL = b'{"id": "a1", "text": "Ala ma kota."}\n'


def test_registry_matches_formats():
    assert tuple(READERS) == FORMATS == ("seed", "text", "jsonl", "html", "warc", "bsnlp")


@pytest.mark.parametrize(
    "data, name, expected",
    [
        (SEED.read_bytes(), "seed.txt", "seed"),
        (SEED.read_bytes(), "-", "seed"),
        (b"date 2021 Lead.", "x", "seed"),
        (b"Ala ma kota.\n\nI psa.", "notes.txt", "text"),
        (JSONL, "articles.txt", "jsonl"),
        (b"{not json at all", "x.txt", "text"),
        (b'{"text": "' + b"a" * 20000, "long", "jsonl"),  # first line longer than the sniffed head
        (b"", "articles.jsonl", "jsonl"),
        (news_html(), "page", "html"),
        (b"<!-- saved -->\n<HTML><body>x</body></HTML>", "page.txt", "html"),
        (b"<p>a fragment</p>", "page.htm", "html"),
        (BSNLP, "26", "bsnlp"),
        (b"pl-1\npl\n\nhttps://example.pl/a\nTytu\xc5\x82\nTekst.", "x.txt", "bsnlp"),
        (b"WARC/1.0\r\n", "crawl", "warc"),
        (b"", "crawl.warc.gz", "warc"),
    ],
)
def test_detect_format(data, name, expected):
    assert detect_format(data, name) == expected


def test_detect_gzipped_warc_by_content():
    data = build_warc([("response", "https://a.pl/", "text/html", news_html(), "200 OK")], gzip=True)
    assert detect_format(data, "crawl.bin") == "warc"


def test_forced_format_wins():
    article = one_article(read_bytes(SEED.read_bytes(), "seed.txt", ReadOptions(format="text")))
    assert article.format == "text" and article.text.startswith(" date 2022-01 Prezydent")


def test_unknown_format_is_refused_up_front():
    with pytest.raises(ValueError):
        ReadOptions(format="pdf")


def test_gzipped_jsonl_is_read_through():
    article = one_article(read_bytes(gzip.compress(JSONL), "articles.jsonl.gz"))
    assert (article.id, article.format, article.source) == ("a1", "jsonl", "articles.jsonl.gz:1")

import pytest

from kronika.read import ReadOptions, read_bytes, read_paths

from .conftest import build_warc, news_html, split

URL = "https://kurier.example.pl/a"


@pytest.mark.parametrize("gzip", [False, True])
def test_html_responses_become_articles(warc_records, gzip, tmp_path):
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(build_warc(warc_records, gzip=gzip))
    articles, errors = split(read_paths([path]))
    assert not errors
    dated, undated = articles
    assert (dated.url, dated.source, dated.format) == (URL, f"{path}#record-2", "warc")
    assert (dated.date, dated.title, dated.author) == ("2022-01-10", "Tokajew: w Kazachstanie przywrócono porządek", "Anna Nowak")
    assert dated.text.startswith(dated.title + "\n\nPrezydent Kazachstanu")
    # no date on the page: the WARC-Date, at day precision
    assert (undated.source, undated.date, undated.date_precision) == (f"{path}#record-5", "2022-01-11", "day")


def test_read_bytes_gives_the_same(warc_records):
    data = build_warc(warc_records, gzip=True)
    articles, errors = split(read_bytes(data, "crawl.warc.gz"))
    assert [a.source for a in articles] == ["crawl.warc.gz#record-2", "crawl.warc.gz#record-5"] and not errors


def test_a_failing_record_is_an_error_and_the_crawl_goes_on(warc_records):
    empty_page = b"<html><head><title>Logowanie</title></head><body><form>Login</form></body></html>"
    records = [warc_records[1], ("response", "https://kurier.example.pl/login", "text/html", empty_page, "200 OK"), warc_records[4]]
    articles, errors = split(read_bytes(build_warc(records, gzip=False), "crawl.warc"))
    assert len(articles) == 2
    (error,) = errors
    assert (error.item, error.reason) == ("crawl.warc#record-2 (https://kurier.example.pl/login)", "no_article")


def test_record_over_the_size_limit(warc_records):
    data = build_warc(warc_records, gzip=True)
    articles, errors = split(read_bytes(data, "crawl.warc.gz", ReadOptions(max_bytes=len(news_html()) // 2)))
    assert not articles and {e.reason for e in errors} == {"too_large"} and len(errors) == 2


def test_truncated_gzip_warc(warc_records):
    data = build_warc(warc_records, gzip=True)
    whole = split(read_bytes(data, "crawl.warc.gz"))[0]
    cut = data[: len(data) - 300]  # inside the last record, the second article
    articles, errors = split(read_bytes(cut, "crawl.warc.gz"))
    assert [a.source for a in articles] == [whole[0].source]
    assert [(e.item, e.reason) for e in errors] == [("crawl.warc.gz#record-5 (https://kurier.example.pl/b)", "truncated")]


@pytest.mark.parametrize("gzip", [False, True])
def test_truncated_anywhere(warc_records, gzip):
    data = build_warc(warc_records[:2], gzip=gzip)
    payload = data.find(b"<!DOCTYPE") if not gzip else 0
    for cut in range(8, len(data) - 10, 37):
        articles, errors = split(read_bytes(data[:cut], "crawl.warc"))
        assert len(errors) <= 1 and not articles
        if cut > payload:  # the article record was damaged: it says so
            assert [e.reason for e in errors] == ["truncated"], cut


def test_not_a_warc_is_malformed():
    (error,) = split(read_bytes(b"Ala ma kota.", "crawl.warc"))[1]
    assert (error.item, error.reason) == ("crawl.warc#record-1", "malformed")

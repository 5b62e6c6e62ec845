from kronika.read import ReadOptions, read_bytes, read_paths

from .conftest import FIXTURES, one_article, one_error

REAL = FIXTURES / "bsnlp_trump_file_26.txt"  # BSNLP 2017, topic trump: UTF-8 BOM, CRLF, ISO datetime


def test_real_bsnlp_file():
    article = one_article(read_paths([REAL]))
    assert (article.id, article.language, article.format, article.source) == ("26", "pl", "bsnlp", str(REAL))
    assert (article.date, article.date_precision) == ("2016-11-26T12:42:41+00:00", "second")
    assert article.url == "http://dziennikzwiazkowy.com/polityka/donald-trump-po-smierci-castro-odszedl-brutalny-dyktator/"
    assert article.title == "Donald Trump po śmierci Castro: odszedł brutalny dyktator | Dziennik Związkowy"
    title, body = article.text.split("\n\n", 1)  # the headline is the first paragraph
    assert title == article.title
    assert body.startswith("Odszedł brutalny dyktator, który przez prawie sześć dekad")
    assert article.text.endswith("Z Waszyngtonu Inga Czerny (PAP)")
    assert "\r" not in article.text and "\ufeff" not in article.text and article.text.count(article.title) == 1


def test_lines_are_paragraphs_and_empty_date():
    data = "pl-7\npl\n\nhttps://example.pl/a\nTytuł artykułu\n\nPierwszy akapit.\nDrugi akapit.\n\n\nTrzeci.\n"
    article = one_article(read_bytes(data.encode(), "pl-7.txt"))
    assert (article.id, article.date, article.title) == ("pl-7", None, "Tytuł artykułu")
    assert article.text == "Tytuł artykułu\n\nPierwszy akapit.\n\nDrugi akapit.\n\nTrzeci."


def test_text_on_line_five_only():
    # the asia_bibi Wikipedia files: no title, the whole text on line 5
    data = b"pl-asia-wiki-1\npl\n2019-03-13\nhttps://pl.wikipedia.org/wiki/Asia_Bibi\nAsia Bibi pochodzi z wioski."
    article = one_article(read_bytes(data, "wiki.txt"))
    assert (article.title, article.text, article.date) == (None, "Asia Bibi pochodzi z wioski.", "2019-03-13")


def test_forced_bsnlp_on_something_else_is_malformed():
    error = one_error(read_bytes(b"Ala ma kota.\nI psa.", "x.txt", ReadOptions(format="bsnlp")))
    assert error.reason == "malformed"

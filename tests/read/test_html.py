from kronika.read import ReadOptions, read_bytes, read_paths

from .conftest import FIXTURES, news_html, one_article, one_error


def test_news_page():
    article = one_article(read_paths([FIXTURES / "news.html"]))
    assert article.title == "Tokajew: w Kazachstanie przywrócono porządek"
    assert (article.date, article.date_precision, article.author) == ("2022-01-10", "day", "Anna Nowak")
    assert article.url == "https://kurier.example.pl/swiat/tokajew-przywrocono-porzadek,123.html"
    assert article.format == "html" and article.source == str(FIXTURES / "news.html")
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == article.title  # the headline opens the text
    assert paragraphs[1].startswith("Prezydent Kazachstanu Kasym-Żomart Tokajew ogłosił w poniedziałek")
    assert paragraphs[-1].startswith("Władimir Putin powiedział na szczycie ODKB")
    assert len(paragraphs) == 5
    for boilerplate in ("Zaloguj", "cookie", "Czytaj także", "Regulamin", "prawa zastrzeżone", "Udostępnij"):
        assert boilerplate not in article.text


def test_legacy_encoded_page():
    page = news_html().decode("utf-8").replace('<meta charset="utf-8">', '<meta charset="iso-8859-2">')
    page = page.replace("„", '"').replace("”", '"').replace("©", "(c)")
    article = one_article(read_bytes(page.encode("iso-8859-2"), "page.html"))
    assert "Kasym-Żomart Tokajew ogłosił" in article.text and "Białoruś" in article.text
    # a page that declares ISO-8859-2 but is cp1250 (common on Polish sites) is still right
    article = one_article(read_bytes(page.encode("cp1250"), "page.html"))
    assert "żołnierzy do Kazachstanu wysłały Rosja i Białoruś" in article.text


def test_page_without_article():
    page = b"""<!DOCTYPE html><html><head><title>B\xc5\x82\xc4\x85d 404</title></head><body>
    <nav><a href="/">Start</a> <a href="/swiat">\xc5\x9awiat</a></nav><h1>Nie znaleziono strony</h1>
    <p>Strona nie istnieje.</p><footer>\xc2\xa9 2022 Kurier</footer></body></html>"""
    error = one_error(read_bytes(page, "404.html"))
    assert (error.item, error.reason) == ("404.html", "no_article")


def test_binary_payload_named_html():
    assert one_error(read_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "x.html")).reason == "binary"


def test_forced_html():
    article = one_article(read_bytes(news_html(), "page.bin", ReadOptions(format="html")))
    assert article.format == "html"

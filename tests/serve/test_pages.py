"""The HTML pages: they render, link each other, and escape every piece of article text."""
from __future__ import annotations

import re

TOKAJEW = "PER:kasym-żomart-tokajew"


def test_search_page(client):
    page = client.get("/", params={"q": "Tokajewa"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'lang="pl"' in page.text and 'name="viewport"' in page.text
    assert 'href="/articles/1"' in page.text
    assert '<mark class="hit">Tokajew</mark>' in page.text
    assert "Szukaj" in page.text


def test_home_page_shows_counts(client):
    page = client.get("/")
    assert "2 artykułów" in page.text


def test_article_page_marks_mentions_quotes_and_events(client):
    page = client.get("/articles/1").text
    assert re.search(r'<a href="/entities/PER%3Akasym-%C5%BComart-tokajew" class="m-mention t-PER"[^>]*>Kasym-Żomart Tokajew</a>', page)
    assert '<span class="m-quote"' in page and "przywrócono porządek</span>" in page
    assert 'class="m-event"' in page and 'data-event="REQUEST"' in page


def test_entity_page(client):
    page = client.get(f"/entities/{TOKAJEW}").text
    assert "<h1>Kasym-Żomart Tokajew</h1>" in page
    assert "<svg" in page and "<title>2022-01: 2</title>" in page
    assert "przywrócono porządek" in page
    assert "Władimir Putin" in page  # seen with him


def test_quotes_and_events_pages(client):
    quotes = client.get("/quotes", params={"speaker": "Putin"}).text
    assert "Nie pozwolimy na kolorowe rewolucje" in quotes and "przywrócono porządek" not in quotes
    assert "/api/export/quotes.csv?speaker=Putin" in quotes
    events = client.get("/events", params={"event_type": "AID"}).text
    assert "Rosja wysłała żołnierzy do Kazachstanu." in events and "/api/export/events.plover.json?event_type=AID" in events
    assert "<svg" in events


def test_missing_pages_are_html_errors(client):
    page = client.get("/entities/PER:nobody")
    assert page.status_code == 404 and "Nie ma encji" in page.text and "<html" in page.text
    bad = client.get("/", params={"date_from": "wczoraj"})
    assert bad.status_code == 422 and "<html" in bad.text


def test_article_text_and_titles_are_escaped(client):
    for url in ("/articles/2", "/?q=pogrubienie", "/quotes", "/entities/PER:władimir-putin", "/?date_from=2023"):
        page = client.get(url).text
        assert "<script>" not in page, url
        assert "<b>pogrubienie" not in page, url
    article = client.get("/articles/2").text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in article
    assert "&lt;b&gt;pogrubienie&lt;/b&gt; &amp; &#34;cudzysłów&#34;" in article
    assert "Zły &lt;script&gt;" in article  # the title


def test_user_input_is_escaped(client):
    evil = '"><script>alert(1)</script>'
    for url in ("/", "/quotes", "/events", "/entities"):
        page = client.get(url, params={"q": evil}).text
        assert "<script>alert(1)" not in page, url
        assert "&#34;&gt;&lt;script&gt;" in page, url

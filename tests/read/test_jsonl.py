import json

from kronika.read import read_bytes

from .conftest import split

GOOD = {"id": "pap-1", "date": "2022-01-10", "title": "Tytuł", "text": "Treść.\n\n\n\nDalej.", "url": "https://a.pl/1"}


def lines(*records) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records).encode()


def test_good_lines():
    data = lines(
        GOOD,
        {"text": "Bez id.", "date": "2022"},
        {"id": 7, "text": "Id liczbowe.", "date": "2022-01-10T18:42:00+01:00", "source": "PAP", "author": "A.N."},
        "",
    )
    articles, errors = split(read_bytes(data, "news.jsonl"))
    assert not errors
    first, second, third = articles
    assert (first.id, first.date, first.date_precision, first.title, first.url) == (
        "pap-1", "2022-01-10", "day", "Tytuł", "https://a.pl/1"
    )
    assert first.text == "Tytuł\n\nTreść.\n\nDalej." and first.format == "jsonl" and first.source == "news.jsonl:1"
    assert (second.date_precision, len(second.id), second.source) == ("year", 16, "news.jsonl:2")
    assert (third.id, third.date_precision, third.source, third.author) == ("7", "second", "PAP", "A.N.")


def test_bad_lines_are_errors_and_the_rest_is_read():
    data = lines(
        GOOD,
        '{"id": "x", "text": "unterminated',
        ["not", "an", "object"],
        {"id": "no-text"},
        {"id": "empty", "text": "   "},
        {"id": "types", "text": "ok", "title": 5},
        {"id": ["list"], "text": "ok"},
        {"id": "date", "text": "ok", "date": "wczoraj"},
        {"id": "last", "text": "Ostatni."},
    )
    articles, errors = split(read_bytes(data, "news.jsonl"))
    assert [a.id for a in articles] == ["pap-1", "last"]
    assert [(e.item, e.reason) for e in errors] == [
        ("news.jsonl:2", "malformed"),
        ("news.jsonl:3", "malformed"),
        ("news.jsonl:4", "malformed"),
        ("news.jsonl:5", "empty"),
        ("news.jsonl:6", "malformed"),
        ("news.jsonl:7", "malformed"),
        ("news.jsonl:8", "malformed"),
    ]
    assert "bad JSON" in errors[0].message and "title" in errors[4].message

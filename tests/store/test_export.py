"""Exports: analyses as JSONL, tables as CSV, events as PLOVER records; all filtered."""
from __future__ import annotations

import csv
import io
import json

import pytest

from kronika.errors import StoreError
from kronika.model import Analysis
from kronika.store import SearchFilters

from .conftest import ARTICLES


def exported(store, format, filters=SearchFilters(), **kwargs):
    out = io.StringIO()
    count = store.export(out, format, filters, **kwargs)
    return count, out.getvalue()


def test_jsonl_gives_the_stored_analyses(filled):
    count, text = exported(filled, "jsonl")
    analyses = [Analysis.model_validate_json(line) for line in text.splitlines()]
    assert count == 3 and [a.article.id for a in analyses] == ["a3", "a1", "a2"]  # oldest first
    a1 = analyses[1]
    assert a1.article.text == ARTICLES[0].text
    assert {e.id for e in a1.entities} == {"PER:tokajew", "GPE:KAZ"}
    assert a1.quotes[0].speaker == "PER:tokajew" and a1.events[0].type == "PROTEST"
    assert a1.events[0].actor[0].country == "KAZ"


@pytest.mark.parametrize("table, column", [
    ("articles", "title"), ("entities", "name"), ("mentions", "base"), ("quotes", "speaker_name"), ("events", "actors"),
])
def test_csv_tables(filled, table, column):
    count, text = exported(filled, "csv", table=table)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == count > 0 and column in rows[0]


def test_csv_with_no_rows_has_its_header(filled):
    count, text = exported(filled, "csv", SearchFilters(date_from="2030"), table="quotes")
    assert count == 0 and text.startswith("id,article_id")


def test_plover_records(filled):
    count, text = exported(filled, "plover", SearchFilters(country="KAZ"))
    [record] = [json.loads(line) for line in text.splitlines()]
    assert count == 1 and record["event"] == ["PROTEST"] and record["mode"] == ["demo"]
    assert record["recipient"][0]["identifier_id"] == "PER:tokajew"


def test_unknown_format_or_table(filled):
    with pytest.raises(StoreError, match="unknown export format"):
        exported(filled, "xml")
    with pytest.raises(StoreError, match="unknown CSV table"):
        exported(filled, "csv", table="nope")

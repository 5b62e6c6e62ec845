"""The schema: every table and view is there, opening twice is harmless, bad files are named."""
from __future__ import annotations

import pytest

from kronika.errors import StoreError
from kronika.store import Store
from kronika.store.db import SCHEMA_VERSION, schema_sql

TABLES = {
    "meta", "articles", "entities", "entity_names", "entity_redirects", "mentions", "article_entities", "name_forms",
    "quotes", "events", "event_actors", "times", "errors", "minhashes", "minhash_bands", "article_search",
    "article_countries", "entity_months",
}
VIEWS = {"articles_view", "quotes_view", "events_view", "entity_mentions_by_month", "errors_view"}


def names(store, kind):
    return {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))}


def test_every_table_and_view_exists(store):
    assert TABLES <= names(store, "table")
    assert VIEWS <= names(store, "view")


def test_views_read_on_a_filled_store(filled):
    for view in VIEWS:
        assert filled.db.execute(f"SELECT * FROM {view}").fetchall() is not None
    quotes = filled.db.execute("SELECT speaker_name, article_title FROM quotes_view ORDER BY id").fetchall()
    assert [q["speaker_name"] for q in quotes] == ["Tokajew", "Władimir Putin"]


def test_opening_again_keeps_the_rows(filled):
    before = filled.counts()
    with Store(filled.path) as again:
        assert again.counts() == before
        assert again.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == SCHEMA_VERSION


def test_schema_is_additive_only():
    assert "DROP " not in schema_sql().upper()
    assert schema_sql().count("IF NOT EXISTS") >= len(TABLES) + len(VIEWS)


def test_missing_database_read_only_is_an_error(tmp_path):
    with pytest.raises(StoreError, match="no such database") as error:
        Store(tmp_path / "none.db", readonly=True)
    assert error.value.item.endswith("none.db")


def test_a_file_that_is_no_database_is_an_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a kronika database"):
        Store(bad)

"""Schema changes after the first release: entity_months (kept by triggers), indexes added later,
and the data migrations that fill new tables in files written by an older kronika."""
from __future__ import annotations

import sqlite3

import pytest

from kronika.errors import StoreError
from kronika.store import SearchFilters, Store
from kronika.store.db import SCHEMA_VERSION, migrate, pending_migrations

from .conftest import ARTICLES, FakeAnalyser, article
from .test_linking import FULL, SURNAME, Canned

MONTHS = "SELECT entity_id, month, articles, mentions FROM entity_months ORDER BY 1, 2"
BY_VIEW = "SELECT entity_id, month, articles, mentions FROM entity_mentions_by_month ORDER BY 1, 2"


def test_entity_months_sum_article_entities_by_month(filled):
    months = [tuple(r) for r in filled.db.execute(MONTHS)]
    assert months == [tuple(r) for r in filled.db.execute(BY_VIEW)]
    assert ("GPE:RUS", "2021-09", 1, 1) in months
    assert ("PER:tokajew", "2022-01", 2, 3) in months  # a1: Tokajew twice; a2: Tokajewowi


def test_entity_months_follow_a_merge_of_entities(store):
    store.ingest([SURNAME, FULL], analyser=Canned())  # PER:tokajew is renamed to the full name
    assert [tuple(r) for r in store.db.execute(MONTHS)] == [("PER:kasym-żomart-tokajew", "2022-01", 2, 2)]


def test_entity_months_skip_undated_articles_and_drop_emptied_rows(store):
    undated = article("u", "Putin mówił długo. " * 5, "2022-02-10").model_copy(update={"date": None, "date_precision": None})
    store.ingest([ARTICLES[1], undated], analyser=FakeAnalyser())
    assert [tuple(r) for r in store.db.execute(MONTHS)] == [tuple(r) for r in store.db.execute(BY_VIEW)]
    with store.db:
        store.db.execute("DELETE FROM article_entities WHERE entity_id = 'GPE:RUS'")
        store.db.execute("UPDATE article_entities SET mentions = mentions + 5 WHERE entity_id = 'PER:tokajew'")
    months = [tuple(r) for r in store.db.execute(MONTHS)]
    assert months == [tuple(r) for r in store.db.execute(BY_VIEW)]
    assert not any(m[0] == "GPE:RUS" for m in months)


def _make_old(path) -> None:
    """Turn a file into one written by schema version 1: no entity_months, its triggers, nor the later index."""
    db = sqlite3.connect(path)
    for trigger in ("entity_months_insert", "entity_months_delete", "entity_months_update"):
        db.execute(f"DROP TRIGGER {trigger}")
    db.execute("DROP TABLE entity_months")
    db.execute("DROP INDEX quotes_speaker_name")
    db.execute("DELETE FROM meta WHERE key = 'migration:entity_months'")
    db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    db.commit()
    db.close()


def test_an_older_file_is_brought_up_to_date_when_opened_for_writing(filled):
    expected = [tuple(r) for r in filled.db.execute(MONTHS)]
    filled.close()
    _make_old(filled.path)
    with Store(filled.path, readonly=True) as old:
        assert pending_migrations(old.db) == ["entity_months"]
        assert old.search("", SearchFilters(speaker="Tokajew")).total == 1  # readers still work
    with Store(filled.path) as store:
        assert pending_migrations(store.db) == []
        assert [tuple(r) for r in store.db.execute(MONTHS)] == expected
        assert store.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == SCHEMA_VERSION
        store.ingest([article("a4", "Putin w Rosji. " * 10, "2022-03-01")], analyser=FakeAnalyser())  # triggers back
        assert [tuple(r) for r in store.db.execute(MONTHS)] == [tuple(r) for r in store.db.execute(BY_VIEW)]


def test_migrate_reports_what_it_applied(filled):
    filled.close()
    _make_old(filled.path)
    assert migrate(filled.path) == ["entity_months"]
    assert migrate(filled.path) == []


def test_migrate_names_a_file_it_cannot_write(filled, monkeypatch):
    filled.close()
    _make_old(filled.path)
    real = sqlite3.connect

    def read_only(path, *args, **kwargs):  # as a file of another user would be
        if str(path).startswith("file:"):
            return real(path, *args, **kwargs)
        return real(f"{path.resolve().as_uri()}?mode=ro", *args, uri=True, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", read_only)
    with pytest.raises(StoreError, match="cannot write the database") as error:
        migrate(filled.path)
    assert error.value.item == str(filled.path)


def test_a_newer_files_version_is_kept(filled):
    with filled.db:
        filled.db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with Store(filled.path) as again:
        assert again.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "99"


def test_speaker_known_by_description_only(store):
    from kronika.model import Analysis, Quote
    from kronika.store import Analysed

    text = "„Nie ma zagrożenia” - powiedział rzecznik Kremla. " * 3
    item = article("r", text, "2022-01-03")
    quote = Quote(kind="direct", text="Nie ma zagrożenia", start=1, end=18, speaker="rzecznik Kremla",
                  speaker_name="rzecznik Kremla")
    store.ingest([item], analyser=lambda: lambda a: Analysed(Analysis(article=a, quotes=[quote]), "nie mieć zagrożenie"))
    assert store.search("", SearchFilters(speaker="Rzecznik Kremla")).total == 1
    plan = " ".join(r[3] for r in store.db.execute(
        "EXPLAIN QUERY PLAN SELECT 1 FROM quotes WHERE lower(coalesce(speaker_name, speaker)) = lower(?)", ("x",)))
    assert "quotes_speaker_name" in plan

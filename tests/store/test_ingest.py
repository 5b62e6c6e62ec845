"""Ingest: idempotent, resumable, duplicates linked and not analysed, errors stored per item."""
from __future__ import annotations

import pytest

from kronika.errors import ReadError
from kronika.read import read_paths

from .conftest import ARTICLES, FILLER, FailingAnalyser, FakeAnalyser, article, fake_analysis

CONTENT_TABLES = ("articles", "entities", "mentions", "quotes", "events", "event_actors", "times")


def content_counts(store):
    counts = store.counts()
    return {t: counts[t] for t in CONTENT_TABLES}


def test_ingest_stores_articles_and_their_analyses(filled):
    counts = filled.counts()
    assert counts["articles_analysed"] == 3
    assert counts["quotes"] == 2 and counts["events"] == 1
    tokajew = filled.db.execute("SELECT * FROM entities WHERE id = 'PER:tokajew'").fetchone()
    assert (tokajew["articles"], tokajew["mentions"], tokajew["first_date"], tokajew["last_date"]) == (
        2, 3, "2022-01-10", "2022-01-20")


def test_ingesting_twice_changes_nothing(filled):
    before = content_counts(filled)
    report = filled.ingest(ARTICLES, analyser=FakeAnalyser())
    assert report.to_dict()["stored"] == 3 and report.to_dict()["analysed"] == 0
    assert content_counts(filled) == before


def test_same_ids_with_other_texts_are_other_articles(store):
    """BSNLP ids repeat across topics: the id alone never makes an article stored."""
    store.ingest([article("1", "Tokajew w Kazachstanie. " + FILLER), article("1", "Putin w Rosji rozmawiał długo. " + FILLER * 3)],
                 analyser=FakeAnalyser())
    assert store.counts()["articles_analysed"] == 2


class Interrupting:
    """Analyses the first article, then Ctrl-C."""

    def __call__(self):
        seen = []

        def analyse(item):
            if seen:
                raise KeyboardInterrupt
            seen.append(item)
            return fake_analysis(item)

        return analyse


def test_an_interrupted_run_resumes_without_loss_or_doubles(store, filled_counts):
    with pytest.raises(KeyboardInterrupt):
        store.ingest(ARTICLES, analyser=Interrupting())
    counts = store.counts()
    assert counts["articles_analysed"] == 1 and counts["articles_queued"] == 1  # the second was in flight
    report = store.ingest(ARTICLES, analyser=FakeAnalyser())
    assert report.to_dict()["stored"] == 1 and report.to_dict()["analysed"] == 2
    assert content_counts(store) == filled_counts


@pytest.fixture
def filled_counts(tmp_path):
    from kronika.store import Store

    with Store(tmp_path / "reference.db") as reference:
        reference.ingest(ARTICLES, analyser=FakeAnalyser())
        return content_counts(reference)


class Counting:
    """Records the ids of the articles it analyses (in this process)."""

    analysed: list[str] = []

    def __call__(self):
        def analyse(item):
            Counting.analysed.append(item.id)
            return fake_analysis(item)

        return analyse


def test_exact_and_near_duplicates_are_linked_and_not_analysed(store):
    Counting.analysed = []
    original = ARTICLES[1]
    exact = original.model_copy(update={"id": "copy", "source": "elsewhere.txt"})
    near = original.model_copy(update={"id": "near", "source": "near.txt",
                                       "text": original.text.replace("Mamy sukces", "Mamy wielki sukces")})
    report = store.ingest([original, exact, near], analyser=Counting())
    assert Counting.analysed == [original.id]
    assert report.to_dict()["duplicate"] == 1 and report.to_dict()["near_duplicate"] == 1
    rows = {r["source_id"]: r for r in store.db.execute("SELECT * FROM articles")}
    assert rows["copy"]["duplicate_of"] == rows[original.id]["id"] and rows["copy"]["duplicate_kind"] == "exact"
    assert rows["near"]["duplicate_of"] == rows[original.id]["id"] and rows["near"]["duplicate_kind"] == "near"
    assert rows["near"]["similarity"] >= 0.8


def test_near_duplicates_are_found_by_a_later_run(store):
    Counting.analysed = []
    original = ARTICLES[2]
    store.ingest([original], analyser=Counting())
    near = original.model_copy(update={"id": "later", "text": original.text.replace("spokojnie", "bardzo spokojnie")})
    report = store.ingest([near], analyser=Counting())
    assert report.to_dict()["near_duplicate"] == 1 and Counting.analysed == [original.id]


def test_different_articles_are_no_near_duplicates(filled):
    assert filled.db.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0] == 0


def test_bad_input_gives_error_rows_and_the_rest_goes_on(store, tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "good.txt").write_text("date 2022-01 Tokajew w Kazachstanie.\n\n" + FILLER, encoding="utf-8")
    report = store.ingest_paths([folder], analyser=FakeAnalyser())
    assert report.failed == 2 and report.to_dict()["analysed"] == 1
    errors = {r["reason"]: r for r in store.db.execute("SELECT * FROM errors")}
    assert set(errors) == {"empty", "binary"}
    assert errors["empty"]["item"].endswith("empty.txt") and errors["empty"]["code"] == "read_error"
    store.ingest_paths([folder], analyser=FakeAnalyser())
    assert store.counts()["errors"] == 2  # met again: counted, not doubled
    assert store.db.execute("SELECT max(count) FROM errors").fetchone()[0] == 2


def test_an_analysis_failure_is_stored_and_retried_next_time(store):
    bad = article("bad", "BOOM w Kazachstanie. " + FILLER)
    report = store.ingest([ARTICLES[0], bad], analyser=FailingAnalyser())
    assert report.failed == 1 and "exploded" in report.errors[0]["message"]
    row = store.db.execute("SELECT * FROM errors").fetchone()
    assert (row["reason"], row["code"], row["item"]) == ("analysis_error", "analysis_error", "bad@bad.txt")
    assert store.db.execute("SELECT status FROM articles WHERE source_id = 'bad'").fetchone()[0] == "failed"
    report = store.ingest([ARTICLES[0], bad], analyser=FakeAnalyser())
    assert report.to_dict()["analysed"] == 1 and report.to_dict()["stored"] == 1
    assert store.counts()["articles"] == 2


def test_read_errors_passed_as_items_are_stored(store):
    report = store.ingest([ReadError("no text", item="x.txt", reason="empty"), ARTICLES[0]], analyser=FakeAnalyser())
    assert report.failed == 1 and report.errors[0]["item"] == "x.txt"


def test_two_workers_store_the_same_as_one(store, filled_counts):
    report = store.ingest(ARTICLES, analyser=FakeAnalyser(), workers=2)
    assert report.to_dict()["analysed"] == 3
    assert content_counts(store) == filled_counts


def test_worker_failures_are_per_article(store):
    report = store.ingest([ARTICLES[0], article("bad", "BOOM. " + FILLER)], analyser=FailingAnalyser(), workers=2)
    assert report.failed == 1 and report.to_dict()["analysed"] == 1


def test_reading_a_folder_of_real_formats(store, tmp_path):
    (tmp_path / "a.jsonl").write_text(
        '{"id": "j1", "date": "2022-01-05", "title": "Tytuł", "text": "Putin w Rosji. ' + FILLER + '"}\n', encoding="utf-8")
    items = list(read_paths([tmp_path]))
    store.ingest(items, analyser=FakeAnalyser())
    row = store.db.execute("SELECT * FROM articles").fetchone()
    assert (row["source_id"], row["title"], row["date_start"], row["status"]) == ("j1", "Tytuł", "2022-01-05", "analysed")

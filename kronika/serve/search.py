"""Article search for the pages: the store's search (:func:`kronika.store.search.search`), with the
pages' filters, which also take entity names and inflected forms where the store wants an id.
"""
from __future__ import annotations

import sqlite3
import threading
from typing import TYPE_CHECKING

from ..store.query import fts_expression, match_pattern, query_terms, word_lemmas as _store_word_lemmas
from ..store.search import SearchFilters, search

if TYPE_CHECKING:
    from .views import Filters

MATCH_CAP = 50_000
# Morfeusz is one object per process and the server runs routes in threads: the store's lemma look-ups
# (cached) are made under this lock first, so concurrent requests never call Morfeusz at once.
_MORFEUSZ = threading.Lock()


def word_lemmas(word: str) -> tuple[str, ...]:
    """The lower-cased lemmas a query word may stand for (the word first): Tokajewa -> tokajew."""
    with _MORFEUSZ:
        return _store_word_lemmas(word)


def _terms(db: sqlite3.Connection, text: str) -> list[tuple[str, ...]]:
    with _MORFEUSZ:
        terms = query_terms(db, text)
        match_pattern(terms)  # warms the cached word-form patterns the snippets use
    return terms


def store_filters(db: sqlite3.Connection, f: Filters) -> SearchFilters:
    from .queries import resolve_entities

    entity = None
    if f.entity:
        ids = resolve_entities(db, f.entity)
        entity = ids[0] if ids else f.entity
    speaker = None
    if f.speaker:
        ids = resolve_entities(db, f.speaker)
        speaker = ids[0] if len(ids) == 1 else f.speaker
    return SearchFilters(date_from=f.date_from, date_to=f.date_to, entity=entity, speaker=speaker,
                         event_type=f.event_type, country=f.country)


def search_articles(db: sqlite3.Connection, f: Filters, *, limit: int, offset: int) -> tuple[list[dict], int]:
    """(rows: id, title, date, source, url, snippet, snippet_hits, score; the total)."""
    if f.q:
        _terms(db, f.q)
    result = search(db, f.q or "", store_filters(db, f), limit=limit, offset=offset)
    rows = [
        {
            "id": h.article_id, "title": h.title, "date": h.date,
            "date_precision": h.date_precision, "source": h.source, "url": h.url, "snippet": h.snippet,
            "snippet_hits": [list(m) for m in h.marks], "score": h.score,
        }
        for h in result.hits
    ]
    untitled = [r["id"] for r in rows if not r["title"]]
    if untitled:
        from .queries import leads

        found = leads(db, untitled)
        for r in rows:
            r["title"] = r["title"] or found.get(r["id"])
    return rows, result.total


def matching_article_ids(db: sqlite3.Connection, text: str) -> list[int]:
    """Ids of the articles whose lemmas match every word of ``text`` (at most MATCH_CAP)."""
    terms = _terms(db, text)
    if not terms:
        return []
    rows = db.execute(
        "SELECT rowid FROM article_search WHERE article_search MATCH ? LIMIT ?", (fts_expression(terms), MATCH_CAP)
    )
    return [r[0] for r in rows]

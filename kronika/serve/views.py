"""Each page's context: one plain dict that the JSON API returns as it is and the HTML page renders.

Views take an open read-only connection and typed filters and return JSON-ready data; only the
presentational extras (marked-up text, chart SVG, URLs) are added for HTML, in :mod:`.app`.
"""
from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass

from . import queries
from .errors import NotFound

PAGE_SIZE = 20
ENTITY_PAGE_LIMIT = 50


@dataclass
class Filters:
    """The query parameters shared by search, quotes and events (every one optional)."""

    q: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    entity: str | None = None
    speaker: str | None = None
    actor: str | None = None
    event_type: str | None = None
    country: str | None = None
    type: str | None = None
    page: int = 1
    size: int = PAGE_SIZE

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    def public(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v not in (None, "") and k != "size"}


def _paged(rows: list, filters: Filters) -> dict:
    return {"page": filters.page, "has_next": len(rows) > filters.size, "results": rows[: filters.size]}


def search_view(db: sqlite3.Connection, f: Filters) -> dict:
    searched = any(v for k, v in f.public().items() if k != "page")
    context = {"filters": f.public(), "searched": searched, "total": None, "page": f.page, "has_next": False, "results": []}
    if searched:
        rows, total = queries.search_articles(db, f, limit=f.size + 1, offset=f.offset)
        context.update(_paged(rows, f), total=total)
    else:
        context["stats"] = queries.stats(db)
    return context


def article_view(db: sqlite3.Connection, article_id: str) -> dict:
    article = queries.article(db, article_id)
    if article is None:
        raise NotFound(f"Nie ma artykułu o id {article_id!r}.")
    return {
        "article": article,
        "entities": queries.article_entities(db, article_id),
        "mentions": queries.article_mentions(db, article_id),
        "quotes": queries.quotes(db, Filters(size=10_000), article_id=article_id),
        "events": queries.events(db, Filters(size=10_000), article_id=article_id),
    }


def entity_view(db: sqlite3.Connection, entity_id: str) -> dict:
    entity = queries.entity(db, entity_id)
    if entity is None:
        raise NotFound(f"Nie ma encji o id {entity_id!r}.")
    entity_id = entity["id"]  # an old, merged id shows the entity it became
    n = ENTITY_PAGE_LIMIT
    quotes = queries.quotes(db, Filters(speaker=entity_id, size=n + 1))
    events = queries.events(db, Filters(actor=entity_id, size=n + 1))
    return {
        "entity": entity,
        "mentions_by_month": queries.mentions_by_month(db, entity_id),
        "quotes": quotes[:n],
        "quotes_more": len(quotes) > n,
        "events": events[:n],
        "events_more": len(events) > n,
        "cooccurring": queries.cooccurring(db, entity_id, limit=30),
        "articles": queries.entity_articles(db, entity_id, limit=10),
    }


def entities_view(db: sqlite3.Connection, f: Filters) -> dict:
    rows = queries.entities(db, f.q, f.type, limit=f.size + 1, offset=f.offset)
    return {"filters": f.public(), **_paged(rows, f)}


def quotes_view(db: sqlite3.Connection, f: Filters) -> dict:
    rows = queries.quotes(db, Filters(**{**asdict(f), "size": f.size + 1}))
    return {"filters": f.public(), **_paged(rows, f)}


def events_view(db: sqlite3.Connection, f: Filters) -> dict:
    rows = queries.events(db, Filters(**{**asdict(f), "size": f.size + 1}))
    return {"filters": f.public(), **_paged(rows, f), "events_by_month": queries.events_by_month(db, f)}

"""Search the store: full-text over lemmas (FTS5, bm25) and filters; hits with snippets.

Snippets are plain text cut from the article (the caller escapes them), with the offsets of the
words that matched (``marks``, relative to the snippet) so a page can highlight them.
"""
from __future__ import annotations

import heapq
import sqlite3
from dataclasses import dataclass, field

from ..errors import StoreError
from .dates import first_day, last_day
from .query import fts_expression, match_pattern, query_terms

SNIPPET_CHARS = 240
MAX_LIMIT = 1000
# Ranking by bm25 costs about a microsecond per matching article; a query matching more than this
# many (a word in most articles) gives the latest ingested first instead, in a few milliseconds.
RANKED_AT_MOST = 20_000


@dataclass(frozen=True)
class SearchFilters:
    """Filters of a search or an export; all optional, all must hold."""

    date_from: str | None = None  # ISO date of any precision: 2022, 2022-01, 2022-01-10
    date_to: str | None = None  # inclusive: 2022-01 takes in the whole of January
    entity: str | None = None  # entity id: the article mentions it
    speaker: str | None = None  # entity id, name or description: the article quotes it
    event_type: str | None = None  # PLOVER type: the article has such an event
    country: str | None = None  # code: the article mentions an entity of it, or an event party has it

    def where(self, db: sqlite3.Connection, ids: str = "a.id", dates: str | None = "a.date_start") -> tuple[list[str], list]:
        """SQL conditions on article ids (the column ``ids``) and their parameters: sets of ids
        (``ids IN (...)``), and the date range on ``dates``; with ``dates`` None, every condition
        looks the one article up instead (``EXISTS``: cheap for each row of a full-text match)."""
        conditions, params = [], []
        for op, day in self._days():
            day_of = f"(SELECT date_start FROM articles {date_index(db)} WHERE id = {ids})"
            conditions.append(f"{dates if dates else day_of} {op} ?")
            params.append(day)
        for table, condition, values in self._article_sets(db):
            conditions.append(
                f"{ids} IN (SELECT article_id FROM {table} WHERE {condition})" if dates
                else f"EXISTS (SELECT 1 FROM {table} WHERE {condition} AND article_id = {ids})"
            )
            params += values
        return conditions, params

    def article_ids(self, db: sqlite3.Connection) -> tuple[str, list]:
        """A query of the ids of the analysed articles that pass the filters (sets intersected)."""
        sets = [
            (f"SELECT article_id FROM {table} WHERE {condition}", values)
            for table, condition, values in self._article_sets(db)
        ]
        days = self._days()
        if days or not sets:  # the sets hold analysed articles only
            dated = " ".join(f"AND date_start {op} ?" for op, _ in days)
            sets.append((f"SELECT id FROM articles WHERE status = 'analysed' {dated}", [day for _, day in days]))
        return " INTERSECT ".join(sql for sql, _ in sets), [p for _, values in sets for p in values]

    def _days(self) -> list[tuple[str, str]]:
        days = ((">=", first_day(self.date_from)), ("<=", last_day(self.date_to)))
        return [(op, day) for op, day in days if day]

    def _article_sets(self, db: sqlite3.Connection) -> list[tuple[str, str, list]]:
        """(table with an article_id column, condition on it, parameters) for the entity, speaker,
        event and country filters."""
        sets = []
        if self.entity:
            sets.append(("article_entities", "entity_id = ?", [resolve_entity(db, self.entity)]))
        if self.speaker:
            ids = speaker_ids(db, self.speaker)
            sets.append(
                ("quotes", f"speaker_id IN ({', '.join('?' * len(ids))})", ids) if ids
                else ("quotes", "lower(coalesce(speaker_name, speaker)) = lower(?)", [self.speaker.strip()])
            )
        if self.event_type:
            sets.append(("events", "type = ?", [self.event_type.upper()]))
        if self.country:
            sets.append(("article_countries", "country = ?", [self.country.upper()]))
        return sets


def date_index(db: sqlite3.Connection) -> str:
    """The covering index of article dates, if the file has it (one written by an older version
    and opened read-only may not): looking a date up through it skips the article's row."""
    found = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'articles_id_date'").fetchone()
    return "INDEXED BY articles_id_date" if found else ""


def resolve_entity(db: sqlite3.Connection, entity_id: str) -> str:
    """The id an entity has now (ids merged by later linking redirect)."""
    row = db.execute("SELECT new_id FROM entity_redirects WHERE old_id = ?", (entity_id,)).fetchone()
    return row[0] if row else entity_id


def speaker_ids(db: sqlite3.Connection, speaker: str) -> list[str]:
    """Entity ids a speaker filter names: the id itself, else the entities with that name or alias,
    and the people with that surname."""
    entity_id = resolve_entity(db, speaker)
    if db.execute("SELECT 1 FROM entities WHERE id = ?", (entity_id,)).fetchone():
        return [entity_id]
    key = speaker.lower()
    rows = db.execute(
        "SELECT entity_id FROM entity_names WHERE name_key = ? UNION SELECT id FROM entities WHERE link_key = ?", (key, key)
    )
    return [r[0] for r in rows]


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    title: str | None
    date: str | None
    date_precision: str | None
    url: str | None
    source: str | None
    snippet: str  # plain text from the article: escape it before showing it as HTML
    snippet_start: int  # offset of the snippet in the article text
    marks: list[tuple[int, int]]  # matched words, offsets into the snippet
    score: float  # bm25 relevance (higher is better); 0.0 without query words
    rank: int  # 1-based position in the whole result


@dataclass(frozen=True)
class SearchResult:
    query: str
    total: int
    hits: list[SearchHit]
    terms: list[tuple[str, ...]] = field(default_factory=list)  # lemmas searched for, per query word

    def to_dict(self) -> dict:
        return {"query": self.query, "total": self.total, "terms": [list(t) for t in self.terms],
                "hits": [h.__dict__ for h in self.hits]}


def search(
    db: sqlite3.Connection, query: str = "", filters: SearchFilters = SearchFilters(), *,
    limit: int = 20, offset: int = 0,
) -> SearchResult:
    """Analysed articles matching every word of ``query`` (any inflected form) and the filters:
    best first (bm25), or, when more than RANKED_AT_MOST match, latest ingested first; newest
    first (by date) without query words."""
    if not 0 < limit <= MAX_LIMIT or offset < 0:
        raise StoreError(f"limit must be 1..{MAX_LIMIT} and offset at least 0 (got {limit}, {offset})")
    terms = query_terms(db, query)
    try:
        total, page = (_matching if terms else _browsing)(db, terms, filters, limit, offset)
        texts = {r["id"]: r for r in db.execute(
            f"SELECT id, title, date, date_precision, url, source, text FROM articles WHERE id IN ({', '.join('?' * len(page))})",
            [article_id for article_id, _ in page],
        )}
    except sqlite3.OperationalError as error:
        raise StoreError(f"search failed for {query!r}: {error}") from None
    pattern = match_pattern(terms)
    hits = [_hit(texts[article_id], score, pattern, offset + i + 1) for i, (article_id, score) in enumerate(page)]
    return SearchResult(query=query, total=total, hits=hits, terms=terms)


def _matching(db, terms, filters, limit, offset) -> tuple[int, list[tuple[int, float]]]:
    """Count and page over the lemma index. Without filters FTS5 counts alone, then ranks; with
    filters one pass scores the matches that pass them (each looked up), then ranks in Python."""
    conditions, params = filters.where(db, ids="article_search.rowid", dates=None)
    where = " AND ".join(["article_search MATCH ?", *conditions])
    params = [fts_expression(terms), *params]
    if conditions:
        found = _plain(db).execute(
            f"SELECT rowid, -bm25(article_search) FROM article_search WHERE {where} ORDER BY rowid", params
        ).fetchall()
        if len(found) > RANKED_AT_MOST:  # latest ingested first: the end of the rowid order
            return len(found), found[::-1][offset:offset + limit]
        return len(found), heapq.nsmallest(offset + limit, found, key=lambda r: -r[1])[offset:]
    total = db.execute(f"SELECT count(*) FROM article_search WHERE {where}", params).fetchone()[0]
    order = "rank" if total <= RANKED_AT_MOST else "rowid DESC"
    rows = db.execute(
        f"SELECT rowid, -rank FROM article_search WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?", [*params, limit, offset]
    )
    return total, [(r[0], r[1]) for r in rows]


def _plain(db: sqlite3.Connection) -> sqlite3.Cursor:
    """A cursor giving tuples: a pass over tens of thousands of matches costs twice as much in
    ``sqlite3.Row`` objects."""
    cursor = db.cursor()
    cursor.row_factory = None
    return cursor


def _browsing(db, terms, filters, limit, offset) -> tuple[int, list[tuple[int, float]]]:
    """Count and page over the analysed articles that pass the filters, newest first."""
    ids, params = filters.article_ids(db)
    total = db.execute(f"SELECT count(*) FROM ({ids})", params).fetchone()[0]
    rows = db.execute(
        f"""SELECT id FROM articles WHERE status = 'analysed' AND +id IN ({ids})
            ORDER BY date_start DESC, id DESC LIMIT ? OFFSET ?""",  # "+": walk the date index, test each id
        [*params, limit, offset],
    )
    return total, [(r[0], 0.0) for r in rows]


def _hit(row: sqlite3.Row, score: float, pattern, rank: int) -> SearchHit:
    text = row["text"]
    found = list(pattern.finditer(text)) if pattern else []
    start = 0
    if found:
        start = max(0, found[0].start() - SNIPPET_CHARS // 3)
        start = text.rfind(" ", 0, start) + 1 if start else 0  # a whole word first
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text) and (space := text.rfind(" ", start, end)) > start:
        end = space
    marks = [(m.start() - start, m.end() - start) for m in found if m.start() >= start and m.end() <= end]
    return SearchHit(
        article_id=row["id"], title=row["title"], date=row["date"], date_precision=row["date_precision"],
        url=row["url"], source=row["source"], snippet=text[start:end], snippet_start=start, marks=marks,
        score=float(score), rank=rank,
    )

"""Read-side SQL of the web pages, against the store's schema (``kronika/store/schema.sql``).

Every function takes an open connection (rows as :class:`sqlite3.Row`) and returns plain,
JSON-ready dicts and lists. Article search itself is the store's (:mod:`.search`); the filters
here (entity, speaker, actor) accept an entity id or any name or inflected form of one.
"""
from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

from ..store.search import date_index
from . import search

if TYPE_CHECKING:
    from .views import Filters

COOCCURRENCE_WINDOW = 1000  # co-occurring entities are counted over an entity's latest articles
WORD = re.compile(r"\w+(?:-\w+)*")


def _dicts(cursor: sqlite3.Cursor) -> list[dict]:
    return [dict(row) for row in cursor]


def stats(db: sqlite3.Connection) -> dict:
    one = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "articles": one("SELECT count(*) FROM articles WHERE status = 'analysed'"),
        "entities": one("SELECT count(*) FROM entities"),
        "quotes": one("SELECT count(*) FROM quotes"),
        "events": one("SELECT count(*) FROM events"),
    }


# --- entities named by the user -------------------------------------------------------------

def resolve_entities(db: sqlite3.Connection, text: str | None) -> list[str]:
    """Entity ids that ``text`` names: an id, an old (merged) id, a name or alias, or an inflected form."""
    text = (text or "").strip()
    if not text:
        return []
    if db.execute("SELECT 1 FROM entities WHERE id = ?", (text,)).fetchone():
        return [text]
    row = db.execute("SELECT new_id FROM entity_redirects WHERE old_id = ?", (text,)).fetchone()
    if row:
        return [row[0]]
    keys = {text.lower()}
    words = WORD.findall(text.lower())
    if words:
        bases = [
            sorted({*search.word_lemmas(w), *(r[0] for r in db.execute("SELECT base FROM name_forms WHERE form = ?", (w,)))})
            for w in words
        ]
        keys |= {" ".join(combo) for combo in _product(bases, limit=16)}
    marks = ",".join("?" * len(keys))
    rows = db.execute(
        f"SELECT DISTINCT n.entity_id FROM entity_names n JOIN entities e ON e.id = n.entity_id "
        f"WHERE n.name_key IN ({marks}) ORDER BY e.mentions DESC LIMIT 20",
        tuple(keys),
    )
    return [r[0] for r in rows]


def _product(options: list[list[str]], limit: int) -> list[list[str]]:
    combos: list[list[str]] = [[]]
    for choice in options:
        combos = [c + [o] for c in combos for o in choice][:limit]
    return combos


def _in(ids: list[str]) -> str:
    return "(" + ",".join("?" * len(ids)) + ")" if ids else "(NULL)"


def _date_clauses(column: str, f: Filters, where: list[str], args: list) -> None:
    if f.date_from:
        where.append(f"{column} >= ?")
        args.append(f.date_from)
    if f.date_to:
        where.append(f"{column} <= ?")
        args.append(f.date_to + "~")  # '~' sorts after digits and '-': 2022-01 takes all of January


# --- articles --------------------------------------------------------------------------------

ARTICLE_COLUMNS = (
    "id, source_id, title, date, date_precision, url, source, author, language, format, status, "
    "duplicate_of, duplicate_kind, similarity, words"
)


def article(db: sqlite3.Connection, article_id: str | int) -> dict | None:
    """The article by its store id (a number) or, failing that, by its source id."""
    row = None
    if str(article_id).isdigit():
        row = db.execute(f"SELECT {ARTICLE_COLUMNS}, text FROM articles WHERE id = ?", (int(article_id),)).fetchone()
    if row is None:
        row = db.execute(
            f"SELECT {ARTICLE_COLUMNS}, text FROM articles WHERE source_id = ? ORDER BY id LIMIT 1", (str(article_id),)
        ).fetchone()
    if row is None:
        return None
    out = dict(row)
    out["heading"] = out["title"] or _lead(out["text"])
    return out


def _lead(text: str, n: int = 120) -> str:
    """The first line of a text without a title, cut at a word within ``n`` characters."""
    first = text.strip().split("\n", 1)[0]
    return first if len(first) <= n else first[:n].rsplit(" ", 1)[0] + "…"


def leads(db: sqlite3.Connection, article_ids: list[int]) -> dict[int, str]:
    rows = db.execute(
        "SELECT id, substr(text, 1, 400) FROM articles WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(article_ids),),
    )
    return {i: _lead(text) for i, text in rows}


def article_entities(db: sqlite3.Connection, article_id: int) -> list[dict]:
    return _dicts(db.execute(
        "SELECT e.id, e.name, e.type, e.country, ae.mentions FROM article_entities ae "
        "JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id = ? ORDER BY ae.mentions DESC, e.name",
        (article_id,),
    ))


def article_mentions(db: sqlite3.Connection, article_id: int) -> list[dict]:
    return _dicts(db.execute(
        "SELECT m.start, m.end, m.text, m.base, m.kind, m.entity_id, e.type, e.name FROM mentions m "
        "JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ? ORDER BY m.start",
        (article_id,),
    ))


def article_times(db: sqlite3.Connection, article_id: int) -> list[dict]:
    return _dicts(db.execute(
        "SELECT text, start, end, value, precision FROM times WHERE article_id = ? ORDER BY start", (article_id,)
    ))


def search_articles(db: sqlite3.Connection, f: Filters, *, limit: int, offset: int) -> tuple[list[dict], int | None]:
    """(articles with title, date and snippet; total or None) for the query and filters."""
    return search.search_articles(db, f, limit=limit, offset=offset)


# --- entities --------------------------------------------------------------------------------

def entity(db: sqlite3.Connection, entity_id: str) -> dict | None:
    row = db.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        redirect = db.execute("SELECT new_id FROM entity_redirects WHERE old_id = ?", (entity_id,)).fetchone()
        if redirect is None:
            return None
        row = db.execute("SELECT * FROM entities WHERE id = ?", (redirect[0],)).fetchone()
        if row is None:
            return None
    out = dict(row)
    out["aliases"] = json.loads(out.get("aliases") or "[]")
    return out


def entities(db: sqlite3.Connection, q: str | None, type_: str | None, *, limit: int, offset: int) -> list[dict]:
    where, args = [], []
    if q:
        ids = resolve_entities(db, q)
        key = q.strip().lower()
        where.append(f"(e.id IN {_in(ids)} OR e.id IN (SELECT entity_id FROM entity_names "
                     "WHERE name_key >= ? AND name_key < ?))")
        args += [*ids, key, key + "\U0010ffff"]
    if type_:
        where.append("e.type = ?")
        args.append(type_)
    sql = "SELECT e.id, e.name, e.type, e.country, e.mentions, e.articles FROM entities e"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY e.mentions DESC, e.id LIMIT ? OFFSET ?"
    return _dicts(db.execute(sql, (*args, limit, offset)))


class EntityCache:
    """Per-entity results that cost a pass over many of its articles (co-occurrences), kept while
    the entity's counts stay the same: ingesting an article that mentions it changes them, and so
    the key."""

    def __init__(self, size: int = 512):
        self.size = size
        self._items: OrderedDict[tuple, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, db: sqlite3.Connection, name: str, entity_id: str, compute):
        row = db.execute("SELECT articles, mentions FROM entities WHERE id = ?", (entity_id,)).fetchone()
        if row is None:
            return compute()
        key = (_db_file(db), name, entity_id, row[0], row[1])
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = compute()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


def _db_file(db: sqlite3.Connection) -> str:
    return db.execute("PRAGMA database_list").fetchone()[2]


CACHE = EntityCache()


def mentions_by_month(db: sqlite3.Connection, entity_id: str) -> dict[str, int]:
    """Mentions per month (``YYYY-MM``) of the articles' dates: the store's summary table, a few
    rows whatever the number of the entity's articles."""
    rows = db.execute("SELECT month, mentions FROM entity_months WHERE entity_id = ? ORDER BY month", (entity_id,))
    return {month: n for month, n in rows}


def cooccurring(db: sqlite3.Connection, entity_id: str, *, limit: int) -> list[dict]:
    """Entities named in the same articles (over the entity's latest ``COOCCURRENCE_WINDOW``)."""
    return CACHE.get(db, f"cooccurring{limit}", entity_id, lambda: _cooccurring(db, entity_id, limit))


def _cooccurring(db: sqlite3.Connection, entity_id: str, limit: int) -> list[dict]:
    return _dicts(db.execute(
        "SELECT e.id, e.name, e.type, count(*) AS articles FROM article_entities other "
        "JOIN entities e ON e.id = other.entity_id "
        "WHERE other.article_id IN (SELECT article_id FROM article_entities WHERE entity_id = ? "
        "  ORDER BY article_id DESC LIMIT ?) AND other.entity_id != ? "
        "GROUP BY other.entity_id ORDER BY articles DESC, e.mentions DESC LIMIT ?",
        (entity_id, COOCCURRENCE_WINDOW, entity_id, limit),
    ))


def entity_articles(db: sqlite3.Connection, entity_id: str, *, limit: int) -> list[dict]:
    return _dicts(db.execute(
        "SELECT a.id, coalesce(a.title, substr(a.text, 1, 90)) AS title, a.date FROM article_entities ae "
        "JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = ? "
        "ORDER BY ae.article_id DESC LIMIT ?",
        (entity_id, limit),
    ))


# --- quotes ----------------------------------------------------------------------------------

QUOTE_SELECT = (
    "SELECT q.id, q.article_id, q.kind, q.text, q.start, q.end, q.speaker_id, q.speaker, "
    "coalesce(e.name, q.speaker_name, q.speaker) AS speaker_name, q.cue, q.cue_lemma, "
    "a.date AS article_date, coalesce(a.title, substr(a.text, 1, 90)) AS article_title FROM quotes q "
    "JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_id"
)
_ABOUT = ("EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = q.article_id AND m.entity_id IN {ids} "
          "AND m.start >= q.start AND m.end <= q.end)")


def quotes(db: sqlite3.Connection, f: Filters, *, article_id: int | None = None) -> list[dict]:
    """Quotes by speaker (``f.speaker``), about an entity (``f.entity``: named inside the quote),
    with words (``f.q``: an entity it names, or the words themselves), in a date range."""
    where, args = [], []
    if article_id is not None:
        where.append("q.article_id = ?")
        args.append(article_id)
    if f.speaker:
        ids = resolve_entities(db, f.speaker)
        if ids:  # one indexed condition (an OR with the unindexed names would scan every quote)
            where.append(f"q.speaker_id IN {_in(ids)}")
            args += ids
        else:  # a speaker known only by a description: "rzecznik Kremla" (index quotes_speaker_name)
            where.append("lower(coalesce(q.speaker_name, q.speaker)) = lower(?)")
            args.append(f.speaker.strip())
    if f.entity:
        ids = resolve_entities(db, f.entity)
        where.append(_ABOUT.format(ids=_in(ids)))
        args += ids
    if f.q:
        ids = resolve_entities(db, f.q)
        where.append(f"({_ABOUT.format(ids=_in(ids))} OR q.text LIKE ?)")
        args += [*ids, f"%{f.q}%"]
    _date_clauses("a.date_start", f, where, args)
    # The page's ids first (sorting narrow rows), then their details: a speaker may have 10,000 quotes.
    # A speaker's quotes (index quotes_speaker_article) take their dates from the covering index
    # (id, date_start), not from the articles' rows; other filters walk the articles by date.
    by_speaker = f.speaker and article_id is None
    sql = f"SELECT q.id FROM quotes q JOIN articles a {date_index(db) if by_speaker else ''} ON a.id = q.article_id"
    sql += (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY q.start" if article_id is not None else " ORDER BY a.date_start DESC, q.id DESC"
    ids = [r[0] for r in db.execute(sql + " LIMIT ? OFFSET ?", (*args, f.size, f.offset))]
    return _in_order(ids, _dicts(db.execute(QUOTE_SELECT + " WHERE q.id IN (SELECT value FROM json_each(?))",
                                            (json.dumps(ids),))))


def _in_order(ids: list[int], rows: list[dict]) -> list[dict]:
    by_id = {r["id"]: r for r in rows}
    return [by_id[i] for i in ids if i in by_id]


# --- events ----------------------------------------------------------------------------------

EVENT_SELECT = (
    "SELECT ev.id, ev.article_id, ev.type, ev.mode, ev.context, ev.status, ev.date, ev.date_precision, "
    "ev.date_start, ev.location, ev.trigger, ev.evidence_start, ev.evidence_end, "
    "CASE WHEN ev.evidence_start IS NOT NULL THEN substr(a.text, ev.evidence_start + 1, "
    "ev.evidence_end - ev.evidence_start) END AS evidence_text, "
    "a.date AS article_date, coalesce(a.title, substr(a.text, 1, 90)) AS article_title FROM events ev "
    "JOIN articles a ON a.id = ev.article_id"
)
COUNTRY_CODE = re.compile(r"^[A-Z]{2,5}$")


def _event_where(db: sqlite3.Connection, f: Filters, article_id: int | None) -> tuple[list[str], list]:
    where, args = [], []
    if article_id is not None:
        where.append("ev.article_id = ?")
        args.append(article_id)
    if f.event_type:
        where.append("ev.type = ?")
        args.append(f.event_type)
    if f.country:
        where.append("ev.id IN (SELECT event_id FROM event_actors WHERE country = ?)")
        args.append(f.country)
    if f.actor:
        ids = resolve_entities(db, f.actor)
        code = f.actor.strip().upper()
        if ids:
            where.append(f"ev.id IN (SELECT event_id FROM event_actors WHERE entity_id IN {_in(ids)})")
            args += ids
        elif COUNTRY_CODE.match(code):  # a party known by its country only: actor=RUS
            where.append("ev.id IN (SELECT event_id FROM event_actors WHERE country = ?)")
            args.append(code)
        else:
            where.append("0")
    if f.entity:
        ids = resolve_entities(db, f.entity)
        where.append(f"ev.id IN (SELECT event_id FROM event_actors WHERE entity_id IN {_in(ids)})")
        args += ids
    if f.q:
        ids = search.matching_article_ids(db, f.q)
        where.append("ev.article_id IN (SELECT value FROM json_each(?))")
        args.append(json.dumps(ids))
    _date_clauses("ev.date_start", f, where, args)
    return where, args


def events(db: sqlite3.Connection, f: Filters, *, article_id: int | None = None) -> list[dict]:
    """Events with their parties: by type, country, actor or recipient (``f.actor``), date, words."""
    where, args = _event_where(db, f, article_id)
    sql = "SELECT ev.id FROM events ev" + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY ev.evidence_start, ev.id" if article_id is not None else " ORDER BY ev.date_start DESC, ev.id DESC"
    ids = [r[0] for r in db.execute(sql + " LIMIT ? OFFSET ?", (*args, f.size, f.offset))]
    rows = _in_order(ids, _dicts(db.execute(EVENT_SELECT + " WHERE ev.id IN (SELECT value FROM json_each(?))",
                                            (json.dumps(ids),))))
    parties = _parties(db, [r["id"] for r in rows])
    for r in rows:
        r["context"] = json.loads(r["context"] or "[]")
        start, end = r.pop("evidence_start"), r.pop("evidence_end")
        r["evidence"] = [start, end] if start is not None else None
        r["actor"] = parties.get((r["id"], "actor"), [])
        r["recipient"] = parties.get((r["id"], "recipient"), [])
    return rows


def _parties(db: sqlite3.Connection, event_ids: list[int]) -> dict[tuple[int, str], list[dict]]:
    out: dict[tuple[int, str], list[dict]] = {}
    if not event_ids:
        return out
    rows = db.execute(
        "SELECT x.event_id, x.role, x.entity_id AS entity, coalesce(e.name, x.name) AS name, x.country, x.sector "
        "FROM event_actors x LEFT JOIN entities e ON e.id = x.entity_id "
        "WHERE x.event_id IN (SELECT value FROM json_each(?)) ORDER BY x.event_id, x.role, x.position",
        (json.dumps(event_ids),),
    )
    for row in rows:
        party = dict(row)
        out.setdefault((party.pop("event_id"), party.pop("role")), []).append(party)
    return out


def events_by_month(db: sqlite3.Connection, f: Filters) -> dict[str, int]:
    where, args = _event_where(db, f, None)
    sql = "SELECT substr(ev.date_start, 1, 7) AS month, count(*) FROM events ev"
    where = ["ev.date_start IS NOT NULL", *where]
    sql += " WHERE " + " AND ".join(where) + " GROUP BY month ORDER BY month"
    return {month: n for month, n in db.execute(sql, args)}

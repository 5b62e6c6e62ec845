"""Writing articles, analyses and errors into the tables of ``schema.sql``.

Each function runs inside the caller's transaction (:func:`kronika.store.db.transaction`).
"""
from __future__ import annotations

import json
import re
import sqlite3

from ..errors import KronikaError
from ..model import Analysis, Article, Entity, Event
from .analyser import Analysed
from .dates import first_day
from .linking import link_key, link_with_store, name_keys
from .recall import recall_from_store, roles_from_store

WORD = re.compile(r"\w+")


def insert_article(
    db: sqlite3.Connection, article: Article, *, origin: str, path: str | None, status: str = "queued",
    duplicate_of: int | None = None, duplicate_kind: str | None = None, similarity: float | None = None,
) -> int:
    cursor = db.execute(
        """INSERT INTO articles (source_id, content_hash, origin, title, date, date_precision, date_start,
               url, source, path, format, language, author, text, words, status, duplicate_of, duplicate_kind,
               similarity)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            article.id, article.content_hash, origin, article.title, article.date, article.date_precision,
            first_day(article.date), article.url, article.source, path, article.format, article.language,
            article.author, article.text, len(WORD.findall(article.text)), status, duplicate_of, duplicate_kind,
            similarity,
        ),
    )
    return cursor.lastrowid


def write_analysis(db: sqlite3.Connection, article_id: int, analysed: Analysed) -> Analysis:
    """Store the analysis of a queued article (the store's known names recalled, role speakers
    resolved by the store, entities linked across the store); returns it linked."""
    analysis, renames = link_with_store(db, roles_from_store(db, recall_from_store(db, analysed.analysis)))
    for old, new in renames.items():
        rename_entity(db, old, new)
    day = first_day(analysis.article.date)
    for entity in analysis.entities:
        _write_entity(db, article_id, entity, day)
    for quote in analysis.quotes:
        speaker_id = quote.speaker if quote.speaker in {e.id for e in analysis.entities} else None
        evidence = quote.evidence or (None, None)
        db.execute(
            """INSERT INTO quotes (article_id, kind, text, start, end, speaker_id, speaker, speaker_name, cue,
                   cue_lemma, evidence_start, evidence_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (article_id, quote.kind, quote.text, quote.start, quote.end, speaker_id, quote.speaker,
             quote.speaker_name, quote.cue, quote.cue_lemma, *evidence),
        )
    known = {e.id for e in analysis.entities}
    for event in analysis.events:
        _write_event(db, article_id, event, day, known)
    db.executemany(
        "INSERT INTO times (article_id, text, start, end, value, precision) VALUES (?, ?, ?, ?, ?, ?)",
        [(article_id, t.text, t.start, t.end, t.value, t.precision) for t in analysis.times],
    )
    codes = {e.country for e in analysis.entities} | {p.country for ev in analysis.events for p in ev.actor + ev.recipient}
    db.executemany("INSERT INTO article_countries VALUES (?, ?)", [(c, article_id) for c in sorted(codes - {None})])
    db.execute(
        "INSERT INTO article_search (rowid, lemmas, names) VALUES (?, ?, ?)",
        (article_id, analysed.lemmas, search_names(analysis.entities)),
    )
    db.execute("UPDATE articles SET status = 'analysed' WHERE id = ?", (article_id,))
    return analysis


def search_names(entities: list[Entity]) -> str:
    """Base names, aliases and mention base forms of the entities, lower-cased, for the index."""
    names = {n for e in entities for n in name_keys(e)}
    names.update(m.base.lower() for e in entities for m in e.mentions if m.base)
    return " | ".join(sorted(names))


# Widen an entity's first_date and last_date to take in two more dates (either may be NULL).
DATE_RANGE = """first_date = coalesce(min(first_date, ?), first_date, ?),
    last_date = coalesce(max(last_date, ?), last_date, ?)"""


def _write_entity(db: sqlite3.Connection, article_id: int, entity: Entity, day: str | None) -> None:
    db.execute(
        "INSERT OR IGNORE INTO entities (id, type, subtype, name, country, link_key) VALUES (?, ?, ?, ?, ?, ?)",
        (entity.id, entity.type, entity.subtype, entity.name, entity.country, link_key(entity)),
    )
    row = db.execute("SELECT * FROM entities WHERE id = ?", (entity.id,)).fetchone()
    _set_names(db, row, [entity.name, *entity.aliases])
    db.execute(
        f"""UPDATE entities SET articles = articles + 1, mentions = mentions + ?,
               subtype = coalesce(subtype, ?), country = coalesce(country, ?),
               {DATE_RANGE} WHERE id = ?""",
        (len(entity.mentions), entity.subtype, entity.country, day, day, day, day, entity.id),
    )
    db.executemany(
        "INSERT OR IGNORE INTO entity_names VALUES (?, ?, ?)",
        [(entity.id, n, n.lower()) for n in [entity.name, *entity.aliases]],
    )
    db.executemany(
        "INSERT INTO mentions (article_id, entity_id, start, end, text, base, kind) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(article_id, entity.id, m.start, m.end, m.text, m.base, m.kind) for m in entity.mentions],
    )
    db.execute(
        """INSERT INTO article_entities VALUES (?, ?, ?)
           ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions""",
        (entity.id, article_id, len(entity.mentions)),
    )
    db.executemany("INSERT OR IGNORE INTO name_forms VALUES (?, ?)", name_forms(entity))


def name_forms(entity: Entity) -> set[tuple[str, str]]:
    """(inflected word, base word) pairs of the entity's name mentions, lower-cased (tokajewa, tokajew)."""
    pairs = set()
    for mention in entity.mentions:
        if mention.kind != "name" or not mention.base:
            continue
        forms, bases = WORD.findall(mention.text.lower()), WORD.findall(mention.base.lower())
        if len(forms) == len(bases):
            pairs.update((f, b) for f, b in zip(forms, bases) if f != b)
    return pairs


def _write_event(db: sqlite3.Connection, article_id: int, event: Event, day: str | None, known: set[str]) -> None:
    evidence = event.evidence or (None, None)
    cursor = db.execute(
        """INSERT INTO events (article_id, type, mode, context, status, date, date_precision, date_start,
               location, trigger, evidence_start, evidence_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (article_id, event.type, event.mode, json.dumps(event.context), event.status, event.date,
         event.date_precision, first_day(event.date) or day, event.location, event.trigger, *evidence),
    )
    db.executemany(
        "INSERT INTO event_actors VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (cursor.lastrowid, role, position, party.entity if party.entity in known else None,
             party.name or (party.entity if party.entity not in known else None), party.country, party.sector)
            for role, parties in (("actor", event.actor), ("recipient", event.recipient))
            for position, party in enumerate(parties)
        ],
    )


def rename_entity(db: sqlite3.Connection, old: str, new: str) -> None:
    """Merge stored entity ``old`` into ``new`` everywhere (``new`` is created if it is not stored)."""
    if old == new or db.execute("SELECT 1 FROM entities WHERE id = ?", (old,)).fetchone() is None:
        return
    if db.execute("SELECT 1 FROM entities WHERE id = ?", (new,)).fetchone() is None:
        db.execute(  # the type is the new id's (``ORG:imran-khan`` read as a person: ``PER:imran-khan``)
            f"INSERT INTO entities ({ENTITY_COLUMNS}) SELECT ?, ?, {ENTITY_COLUMNS.partition(', type, ')[2]} FROM entities WHERE id = ?",
            (new, new.split(":", 1)[0], old),
        )
    else:
        _merge_names(db, old, new)
    for table, column in (("mentions", "entity_id"), ("quotes", "speaker_id"), ("event_actors", "entity_id")):
        db.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (new, old))
    db.execute(
        """INSERT INTO article_entities SELECT ?, article_id, mentions FROM article_entities WHERE entity_id = ?
           ON CONFLICT DO UPDATE SET mentions = mentions + excluded.mentions""",
        (new, old),
    )
    db.execute("DELETE FROM article_entities WHERE entity_id = ?", (old,))
    db.execute("INSERT OR IGNORE INTO entity_names SELECT ?, name, name_key FROM entity_names WHERE entity_id = ?", (new, old))
    db.execute("DELETE FROM entity_names WHERE entity_id = ?", (old,))
    db.execute("DELETE FROM entities WHERE id = ?", (old,))
    db.execute("UPDATE entity_redirects SET new_id = ? WHERE new_id = ?", (new, old))
    db.execute("INSERT OR REPLACE INTO entity_redirects VALUES (?, ?)", (old, new))
    db.execute(
        """UPDATE entities SET articles = (SELECT count(*) FROM article_entities WHERE entity_id = ?),
               mentions = (SELECT coalesce(sum(mentions), 0) FROM article_entities WHERE entity_id = ?)
           WHERE id = ?""",
        (new, new, new),
    )


ENTITY_COLUMNS = "id, type, subtype, name, country, aliases, articles, mentions, first_date, last_date, link_key"


def _merge_names(db: sqlite3.Connection, old: str, new: str) -> None:
    """Give ``new`` the names and dates of ``old`` (the fuller name stays the name)."""
    keep, gone = (db.execute("SELECT * FROM entities WHERE id = ?", (i,)).fetchone() for i in (new, old))
    _set_names(db, keep, [gone["name"], *json.loads(gone["aliases"])])
    db.execute(
        f"UPDATE entities SET {DATE_RANGE} WHERE id = ?",
        (gone["first_date"], gone["first_date"], gone["last_date"], gone["last_date"], new),
    )


def _set_names(db: sqlite3.Connection, row: sqlite3.Row, names: list[str]) -> None:
    """Add ``names`` to a stored entity: the one with the most words is its name, the others aliases."""
    every = list(dict.fromkeys([row["name"], *json.loads(row["aliases"]), *names]))
    name = max(every, key=lambda n: len(n.split()))  # the first of the fullest: the stored one on a tie
    aliases = [n for n in every if n != name]
    key = name.split()[-1].lower() if row["type"] == "PER" and name.split() else None
    db.execute(
        "UPDATE entities SET name = ?, aliases = ?, link_key = ? WHERE id = ?",
        (name, json.dumps(aliases, ensure_ascii=False), key, row["id"]),
    )


def record_error(db: sqlite3.Connection, error: KronikaError, *, article_id: int | None = None) -> None:
    """One row per item and reason; meeting it again updates the message and counts it."""
    reason = getattr(error, "reason", error.code)
    db.execute(
        """INSERT INTO errors (item, reason, code, message, article_id) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (item, reason) DO UPDATE SET message = excluded.message, code = excluded.code,
               at = excluded.at, count = count + 1, article_id = coalesce(excluded.article_id, article_id)""",
        (error.item or "-", reason, error.code, error.message, article_id),
    )

"""Stored analyses read back as :mod:`kronika.model` objects (for exports and the web layer)."""
from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from typing import Iterator

from ..model import Analysis, Article, Entity, Event, EventActor, Mention, Quote, TimeExpression
from .linking import stored_entity
from .search import SearchFilters

ARTICLE_FIELDS = ("text", "date", "date_precision", "title", "url", "source", "author", "language", "format")


def stored_article(row: sqlite3.Row) -> Article:
    return Article(id=row["source_id"], **{k: row[k] for k in ARTICLE_FIELDS if row[k] is not None})


def article_ids(db: sqlite3.Connection, filters: SearchFilters = SearchFilters()) -> Iterator[int]:
    """Ids of the analysed articles that pass ``filters``, oldest first."""
    conditions, params = filters.where(db)
    where = " AND ".join(["a.status = 'analysed'", *conditions])
    for row in db.execute(f"SELECT a.id FROM articles a WHERE {where} ORDER BY a.date_start, a.id", params):
        yield row[0]


def stored_analysis(db: sqlite3.Connection, article_id: int) -> Analysis | None:
    """The analysis of one stored article, with the corpus-wide entity ids it has now."""
    row = db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    return Analysis(
        article=stored_article(row),
        entities=_entities(db, article_id),
        quotes=[_quote(q) for q in db.execute("SELECT * FROM quotes WHERE article_id = ? ORDER BY start", (article_id,))],
        events=_events(db, article_id),
        times=[
            TimeExpression(text=t["text"], start=t["start"], end=t["end"], value=t["value"], precision=t["precision"])
            for t in db.execute("SELECT * FROM times WHERE article_id = ? ORDER BY start", (article_id,))
        ],
    )


def _entities(db: sqlite3.Connection, article_id: int) -> list[Entity]:
    mentions = defaultdict(list)
    for m in db.execute("SELECT * FROM mentions WHERE article_id = ? ORDER BY start", (article_id,)):
        mentions[m["entity_id"]].append(Mention(start=m["start"], end=m["end"], text=m["text"], base=m["base"], kind=m["kind"]))
    rows = db.execute(
        "SELECT e.* FROM entities e JOIN article_entities ae ON ae.entity_id = e.id WHERE ae.article_id = ? ORDER BY e.id",
        (article_id,),
    )
    return [stored_entity(row).model_copy(update={"mentions": mentions[row["id"]]}) for row in rows]


def _quote(row: sqlite3.Row) -> Quote:
    evidence = (row["evidence_start"], row["evidence_end"]) if row["evidence_start"] is not None else None
    return Quote(
        kind=row["kind"], text=row["text"], start=row["start"], end=row["end"], speaker=row["speaker_id"] or row["speaker"],
        speaker_name=row["speaker_name"], cue=row["cue"], cue_lemma=row["cue_lemma"], evidence=evidence,
    )


def _events(db: sqlite3.Connection, article_id: int) -> list[Event]:
    parties = defaultdict(lambda: {"actor": [], "recipient": []})
    rows = db.execute(
        """SELECT x.* FROM event_actors x JOIN events ev ON ev.id = x.event_id
           WHERE ev.article_id = ? ORDER BY x.event_id, x.role, x.position""",
        (article_id,),
    )
    for x in rows:
        parties[x["event_id"]][x["role"]].append(
            EventActor(entity=x["entity_id"], name=x["name"], country=x["country"], sector=x["sector"])
        )
    events = []
    for ev in db.execute("SELECT * FROM events WHERE article_id = ? ORDER BY evidence_start, id", (article_id,)):
        evidence = (ev["evidence_start"], ev["evidence_end"]) if ev["evidence_start"] is not None else None
        events.append(Event(
            type=ev["type"], mode=ev["mode"], context=json.loads(ev["context"]), status=ev["status"],
            actor=parties[ev["id"]]["actor"], recipient=parties[ev["id"]]["recipient"], date=ev["date"],
            date_precision=ev["date_precision"], location=ev["location"], trigger=ev["trigger"], evidence=evidence,
        ))
    return events

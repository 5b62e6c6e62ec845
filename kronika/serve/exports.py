"""Exports of what a page shows, without paging: JSONL, CSV and PLOVER event JSON."""
from __future__ import annotations

import csv
import io
import json
import sqlite3
from dataclasses import replace
from typing import Callable, Iterator

from ..export.plover import event_to_plover
from ..model import Analysis, Article, Entity, Event, EventActor
from ..store.analyses import stored_analysis
from .views import Filters

__all__ = ["csv_lines", "event_row", "jsonl", "plover", "quote_row", "rows", "stored_analysis"]

BATCH = 500

QUOTE_COLUMNS = ("article_id", "article_date", "article_title", "kind", "speaker_id", "speaker_name", "cue", "text", "start", "end")
EVENT_COLUMNS = (
    "article_id", "article_date", "type", "mode", "status", "date", "date_precision", "actor", "actor_country",
    "recipient", "recipient_country", "location", "trigger", "evidence_text",
)


def rows(fetch: Callable[[Filters], list[dict]], f: Filters) -> Iterator[dict]:
    """Every row a paged query gives for ``f``, a batch at a time."""
    page = 1
    while True:
        batch = fetch(replace(f, page=page, size=BATCH))
        yield from batch
        if len(batch) < BATCH:
            return
        page += 1


def jsonl(items: Iterator[dict]) -> Iterator[str]:
    for item in items:
        yield json.dumps(item, ensure_ascii=False) + "\n"


def csv_lines(items: Iterator[dict], columns: tuple[str, ...], flatten: Callable[[dict], dict]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for item in items:
        writer.writerow(flatten(item))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def quote_row(q: dict) -> dict:
    return dict(q)


def event_row(e: dict) -> dict:
    def names(parties):
        return "; ".join(p.get("name") or p.get("entity") or "" for p in parties)

    def codes(parties):
        return "; ".join(p.get("country") or "" for p in parties)

    return {**e, "actor": names(e["actor"]), "actor_country": codes(e["actor"]),
            "recipient": names(e["recipient"]), "recipient_country": codes(e["recipient"])}


def plover(db: sqlite3.Connection, events: Iterator[dict]) -> Iterator[str]:
    """A JSON array of PLOVER event records (codebook chapter 6), streamed."""
    cache: dict[str, tuple[Article, list[Entity]]] = {}
    yield "["
    for i, e in enumerate(events):
        article, entities = _article(db, e["article_id"], cache)
        record = event_to_plover(_event(e), article, entities=entities)
        yield ("," if i else "") + "\n" + json.dumps(record, ensure_ascii=False)
    yield "\n]\n"


def _event(e: dict) -> Event:
    def party(p: dict) -> EventActor:
        return EventActor(**{k: p.get(k) for k in ("entity", "name", "country", "sector")})

    return Event(
        type=e["type"], mode=e.get("mode"), context=e.get("context") or [], status=e.get("status") or "occurred",
        actor=[party(p) for p in e["actor"]], recipient=[party(p) for p in e["recipient"]],
        date=e.get("date"), date_precision=e.get("date_precision"), location=e.get("location"),
        trigger=e.get("trigger"), evidence=tuple(e["evidence"]) if e.get("evidence") else None,
    )


def _article(db: sqlite3.Connection, article_id: int, cache: dict) -> tuple[Article, list[Entity]]:
    if article_id not in cache:
        if len(cache) > 256:
            cache.clear()
        analysis = stored_analysis(db, article_id) or Analysis(article=Article(id=str(article_id), text=""))
        cache[article_id] = (analysis.article, analysis.entities)
    return cache[article_id]

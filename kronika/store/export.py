"""Exports of the store: analyses as JSONL, one table as CSV, events as PLOVER records (JSONL).

Every export takes the same :class:`SearchFilters` as search, over analysed articles.
"""
from __future__ import annotations

import csv
import json
import sqlite3
from typing import Callable, TextIO

from ..errors import StoreError
from ..export.plover import event_to_plover
from .analyses import article_ids, stored_analysis
from .search import SearchFilters

# CSV tables: name -> the query of its rows for one article (views of schema.sql where they exist).
CSV_TABLES = {
    "articles": "SELECT * FROM articles_view WHERE id = ?",
    "entities": """SELECT e.id, e.type, e.subtype, e.name, e.country, e.aliases, ae.article_id, ae.mentions
                   FROM article_entities ae JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id = ? ORDER BY e.id""",
    "mentions": "SELECT * FROM mentions WHERE article_id = ? ORDER BY start",
    "quotes": "SELECT * FROM quotes_view WHERE article_id = ? ORDER BY start",
    "events": "SELECT * FROM events_view WHERE article_id = ? ORDER BY id",
}
FORMATS = ("jsonl", "csv", "plover")


def export(
    db: sqlite3.Connection, out: TextIO, format: str, filters: SearchFilters = SearchFilters(), *, table: str = "events"
) -> int:
    """Write the export to ``out``; returns the number of records (lines or rows) written."""
    writers: dict[str, Callable[[], int]] = {
        "jsonl": lambda: _jsonl(db, out, filters),
        "csv": lambda: _csv(db, out, filters, table),
        "plover": lambda: _plover(db, out, filters),
    }
    if format not in writers:
        raise StoreError(f"unknown export format {format!r}: use one of {', '.join(FORMATS)}")
    return writers[format]()


def _jsonl(db: sqlite3.Connection, out: TextIO, filters: SearchFilters) -> int:
    count = 0
    for article_id in article_ids(db, filters):
        out.write(stored_analysis(db, article_id).model_dump_json(exclude_none=True) + "\n")
        count += 1
    return count


def _csv(db: sqlite3.Connection, out: TextIO, filters: SearchFilters, table: str) -> int:
    if table not in CSV_TABLES:
        raise StoreError(f"unknown CSV table {table!r}: use one of {', '.join(CSV_TABLES)}")
    writer, count = None, 0
    for article_id in article_ids(db, filters):
        cursor = db.execute(CSV_TABLES[table], (article_id,))
        if writer is None:
            writer = csv.writer(out)
            writer.writerow([c[0] for c in cursor.description])
        for row in cursor:
            writer.writerow(list(row))
            count += 1
    if writer is None:  # no article: the header alone
        cursor = db.execute(CSV_TABLES[table], (-1,))
        csv.writer(out).writerow([c[0] for c in cursor.description])
    return count


def _plover(db: sqlite3.Connection, out: TextIO, filters: SearchFilters) -> int:
    count = 0
    for article_id in article_ids(db, filters):
        analysis = stored_analysis(db, article_id)
        for event in analysis.events:
            if filters.event_type and event.type != filters.event_type.upper():
                continue
            record = event_to_plover(event, analysis.article, entities=analysis.entities)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count

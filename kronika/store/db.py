"""The SQLite file: opening it, applying ``schema.sql``, transactions, small look-ups.

The store owns all SQL of kronika; the schema is described in ``docs/store.md``.
"""
from __future__ import annotations

import sqlite3
from contextlib import closing, contextmanager
from importlib import resources
from pathlib import Path
from typing import Iterator

from ..errors import StoreError

SCHEMA_VERSION = "3"  # 2: entity_months and its triggers, quotes_speaker_name; 3: mentions_text
DEFAULT_DB = "kronika.db"


def schema_sql() -> str:
    return resources.files(__package__).joinpath("schema.sql").read_text(encoding="utf-8")


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection to the store at ``path`` (created with the schema unless ``readonly``)."""
    path = Path(path)
    if readonly and not path.exists():
        raise StoreError(f"no such database (`kronika ingest PATH --db {path}` creates it)", item=str(path))
    db = None
    try:
        if readonly:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, check_same_thread=False)
        db.row_factory = sqlite3.Row
        db.isolation_level = None  # transactions are explicit: see transaction()
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA busy_timeout = 10000")
        if not readonly:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            db.executescript(schema_sql())
            _migrate(db)
        else:
            db.execute("SELECT 1 FROM articles LIMIT 1")
    except sqlite3.DatabaseError as error:
        if db is not None:
            db.close()
        if not isinstance(error, sqlite3.OperationalError) or readonly or "no such" in str(error):
            raise StoreError(f"not a kronika database ({error})", item=str(path)) from None
        # a read-only file or folder, a lock held longer than busy_timeout, no room on the disk
        raise StoreError(f"cannot write the database ({error})", item=str(path)) from None
    return db


# Data migrations for tables added later to the schema, by name, each applied once (recorded in meta)
# when a file is opened for writing (the tables themselves come from schema.sql, created before).
# Each one is safe to apply again: it fills its table anew from tables that were always there.
MIGRATIONS = {
    "article_countries": """INSERT OR IGNORE INTO article_countries
        SELECT e.country, ae.article_id FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
        WHERE e.country IS NOT NULL
        UNION SELECT x.country, ev.article_id FROM event_actors x JOIN events ev ON ev.id = x.event_id
        WHERE x.country IS NOT NULL""",
    "entity_months": """DELETE FROM entity_months;
        INSERT INTO entity_months (entity_id, month, articles, mentions)
        SELECT ae.entity_id, substr(a.date_start, 1, 7), count(*), sum(ae.mentions)
        FROM article_entities ae JOIN articles a ON a.id = ae.article_id
        WHERE a.date_start IS NOT NULL GROUP BY 1, 2""",
}


def _migrate(db: sqlite3.Connection) -> None:
    for name, sql in MIGRATIONS.items():
        if get_meta(db, f"migration:{name}") is None:
            with transaction(db):
                if get_meta(db, f"migration:{name}") is None:  # another process may have applied it meanwhile
                    for statement in sql.split(";"):
                        db.execute(statement)
                    set_meta(db, f"migration:{name}", "done")
    if get_meta(db, "schema_version") != SCHEMA_VERSION:
        with transaction(db):
            stored = get_meta(db, "schema_version")
            if stored is None or int(stored) < int(SCHEMA_VERSION):  # a newer kronika's file keeps its number
                set_meta(db, "schema_version", SCHEMA_VERSION)


def pending_migrations(db: sqlite3.Connection) -> list[str]:
    """The data migrations a file still needs (written by an older kronika; opening it for writing
    applies them). Works on a read-only connection."""
    done = {row[0] for row in db.execute("SELECT key FROM meta WHERE key LIKE 'migration:%'")}
    return [name for name in MIGRATIONS if f"migration:{name}" not in done]


def migrate(path: str | Path) -> list[str]:
    """Bring the file at ``path`` to this version's schema; returns the migrations it applied."""
    path = Path(path)
    if not path.is_file():
        raise StoreError("no such database", item=str(path))
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
            before = pending_migrations(db)
    except sqlite3.DatabaseError as error:
        raise StoreError(f"not a kronika database ({error})", item=str(path)) from None
    connect(path).close()
    return before


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: everything inside is committed together, or nothing is."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def get_meta(db: sqlite3.Connection, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(db: sqlite3.Connection, key: str, value: str) -> None:
    db.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))


TABLES = ("articles", "entities", "mentions", "quotes", "events", "event_actors", "times", "errors")


def counts(db: sqlite3.Connection) -> dict[str, int]:
    """Rows per main table, and articles per status."""
    out = {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}
    for status, n in db.execute("SELECT status, count(*) FROM articles GROUP BY status"):
        out[f"articles_{status}"] = n
    return out

"""kronika's knowledge base: one SQLite file of articles, entities, quotes, events and errors.

    from kronika.store import Store, SearchFilters

    with Store("kronika.db") as store:
        report = store.ingest_paths(["news/"], workers=2)
        result = store.search("Tokajewa", SearchFilters(date_from="2022-01"))
        analysis = store.analysis(result.hits[0].article_id)

The schema (``schema.sql``, described in ``docs/store.md``) is the contract of the web layer too;
``Store.db`` is the open ``sqlite3`` connection (rows are ``sqlite3.Row``).
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Iterable, TextIO

from ..model import Analysis, Article
from .analyser import Analysed, ModelAnalyser
from .analyses import stored_analysis
from .db import DEFAULT_DB, connect, counts
from .export import export
from .ingest import IngestReport, ingest, ingest_paths
from .search import SearchFilters, SearchHit, SearchResult, resolve_entity, search

__all__ = [
    "DEFAULT_DB", "Analysed", "IngestReport", "ModelAnalyser", "SearchFilters", "SearchHit", "SearchResult", "Store",
]


class Store:
    """An open knowledge base (created with its schema unless ``readonly``)."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, readonly: bool = False):
        self.path = Path(path)
        self.db: sqlite3.Connection = connect(self.path, readonly=readonly)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def ingest(self, items: Iterable[Article | Exception], **kwargs) -> IngestReport:
        return ingest(self.db, items, **kwargs)

    def ingest_paths(self, paths: Iterable[str | Path], **kwargs) -> IngestReport:
        return ingest_paths(self.db, paths, **kwargs)

    def search(self, query: str = "", filters: SearchFilters = SearchFilters(), **kwargs) -> SearchResult:
        return search(self.db, query, filters, **kwargs)

    def analysis(self, article_id: int) -> Analysis | None:
        return stored_analysis(self.db, article_id)

    def entity_id(self, entity_id: str) -> str:
        """The id an entity has now (follows the redirects of merged ids)."""
        return resolve_entity(self.db, entity_id)

    def export(self, out: TextIO, format: str, filters: SearchFilters = SearchFilters(), **kwargs) -> int:
        return export(self.db, out, format, filters, **kwargs)

    def counts(self) -> dict[str, int]:
        return counts(self.db)

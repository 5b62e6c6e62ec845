"""Ingest: read articles, keep out what is stored or duplicated, analyse the rest, store it all.

The main process is the only writer. For each article read it decides, in one transaction:

- *stored* (the same text from the same origin is already there, analysed or linked): skipped;
- *exact duplicate* (the same text from elsewhere) or *near duplicate* (MinHash, see
  :mod:`.dedupe`): a row linked to its original (``duplicate_of``), not analysed;
- otherwise a ``queued`` row, sent for analysis (in-process, or to ``workers`` processes that
  each load the model once); its analysis is written in one transaction and the row becomes
  ``analysed``.

So a crash or Ctrl-C loses at most the analyses in flight: the next run finds their rows still
``queued`` (or ``failed``) and analyses them again, and nothing is stored twice. Read errors and
analysis failures go to the ``errors`` table and the batch goes on.
"""
from __future__ import annotations

import logging
import signal
import sqlite3
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import AnalysisError, KronikaError
from ..model import Article
from ..read import ReadOptions, read_paths
from .analyser import Analysed, Analyser, AnalyserFactory, ModelAnalyser
from .db import transaction
from .dedupe import NearDuplicates
from .rows import insert_article, record_error, write_analysis

log = logging.getLogger(__name__)

# What became of one item: the keys of IngestReport.outcomes.
ANALYSED, STORED, DUPLICATE, NEAR_DUPLICATE, FAILED = "analysed", "stored", "duplicate", "near_duplicate", "failed"
IN_FLIGHT_PER_WORKER = 2


@dataclass
class IngestReport:
    outcomes: Counter = field(default_factory=Counter)
    errors: list[dict] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return self.outcomes[FAILED]

    def to_dict(self) -> dict:
        return {**{k: self.outcomes[k] for k in (ANALYSED, STORED, DUPLICATE, NEAR_DUPLICATE, FAILED)},
                "errors": self.errors}


def ingest_paths(
    db: sqlite3.Connection, paths: Iterable[str | Path], *, read_options: ReadOptions = ReadOptions(), **kwargs
) -> IngestReport:
    """Ingest every article of files, folders or "-" (see :func:`ingest`)."""
    return ingest(db, read_paths(paths, read_options), **kwargs)


def ingest(
    db: sqlite3.Connection,
    items: Iterable[Article | KronikaError],
    *,
    workers: int = 1,
    analyser: AnalyserFactory = ModelAnalyser(),
    on_item: Callable[[str], None] | None = None,
) -> IngestReport:
    """Store articles (and the errors of items that are none); ``on_item(outcome)`` after each."""
    report = IngestReport()

    def done(outcome: str, error: KronikaError | None = None) -> None:
        report.outcomes[outcome] += 1
        if error is not None:
            report.errors.append(error.to_dict())
        if on_item:
            on_item(outcome)

    queue = _Triage(db, NearDuplicates.of_store(db), done).queued(items)
    analysed = _analyse_here(queue, analyser) if workers <= 1 else _analyse_in_workers(queue, analyser, workers)
    for article_id, _, result in analysed:
        failed = isinstance(result, KronikaError)
        with transaction(db):
            if failed:
                record_error(db, result, article_id=article_id)
                db.execute("UPDATE articles SET status = 'failed' WHERE id = ?", (article_id,))
            else:
                write_analysis(db, article_id, result)
        done(FAILED if failed else ANALYSED, result if failed else None)
    return report


@dataclass
class _Triage:
    """Decides what becomes of each item read, writing its row; yields what is to be analysed."""

    db: sqlite3.Connection
    near: NearDuplicates
    done: Callable[..., None]

    def queued(self, items: Iterable[Article | KronikaError]) -> Iterator[tuple[int, Article]]:
        for item in items:
            if isinstance(item, KronikaError):
                with transaction(self.db):
                    record_error(self.db, item)
                self.done(FAILED, item)
                continue
            with transaction(self.db):
                article_id, outcome = self._place(item)
            if outcome is None:
                yield article_id, item
            else:
                self.done(outcome)

    def _place(self, article: Article) -> tuple[int, str | None]:
        """The article's row id, and its outcome (None: to be analysed)."""
        path = _file_path(article.source)
        origin = f"{article.id}@{article.url or path or article.source or ''}"
        digest = article.content_hash
        row = self.db.execute(
            "SELECT id, status FROM articles WHERE content_hash = ? AND origin = ?", (digest, origin)
        ).fetchone()
        if row is not None:
            return row["id"], (STORED if row["status"] in (ANALYSED, "duplicate") else None)
        place = dict(origin=origin, path=path)
        original = self.db.execute(
            "SELECT coalesce(duplicate_of, id) FROM articles WHERE content_hash = ? ORDER BY id LIMIT 1", (digest,)
        ).fetchone()
        if original is not None:
            return insert_article(self.db, article, **place, status="duplicate", duplicate_of=original[0],
                                  duplicate_kind="exact", similarity=1.0), DUPLICATE
        signature = self.near.signature(article.text)
        near = self.near.find(self.db, article.text, signature)
        if near is not None:
            return insert_article(self.db, article, **place, status="duplicate", duplicate_of=near[0],
                                  duplicate_kind="near", similarity=near[1]), NEAR_DUPLICATE
        article_id = insert_article(self.db, article, **place)
        self.near.add(self.db, article_id, signature)
        return article_id, None


def _file_path(source: str | None) -> str | None:
    """The absolute path of the file an article was read from, if its source is one."""
    try:
        return str(Path(source).resolve()) if source and Path(source).is_file() else None
    except OSError:
        return None


Result = Analysed | KronikaError


def _analyse_one(analyse: Analyser, article: Article) -> Result:
    try:
        return analyse(article)
    except Exception as error:  # noqa: BLE001 - one article's failure is recorded, the batch goes on
        log.debug("analysis of %s failed", article.id, exc_info=True)
        return AnalysisError(f"analysis failed: {type(error).__name__}: {error}", item=_item_name(article))


def _item_name(article: Article) -> str:
    return f"{article.id}@{article.source}" if article.source and article.source != article.id else article.id


def _analyse_here(queue: Iterator[tuple[int, Article]], factory: AnalyserFactory) -> Iterator[tuple[int, Article, Result]]:
    analyse = None
    for article_id, article in queue:
        analyse = analyse or factory()  # the model loads only when there is something to analyse
        yield article_id, article, _analyse_one(analyse, article)


_worker_analyser: Analyser | None = None


def _start_worker(factory: AnalyserFactory) -> None:
    global _worker_analyser
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    _worker_analyser = factory()


def _analyse_in_worker(article: Article) -> Result:
    return _analyse_one(_worker_analyser, article)


def _analyse_in_workers(
    queue: Iterator[tuple[int, Article]], factory: AnalyserFactory, workers: int
) -> Iterator[tuple[int, Article, Result]]:
    """Results as they come, with at most IN_FLIGHT_PER_WORKER articles per worker in flight."""
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(factory,))
    in_flight: dict[Future, tuple[int, Article]] = {}
    try:
        pending = True
        while pending or in_flight:
            while pending and len(in_flight) < workers * IN_FLIGHT_PER_WORKER:
                item = next(queue, None)
                if item is None:
                    pending = False
                else:
                    in_flight[pool.submit(_analyse_in_worker, item[1])] = item
            finished, _ = wait(in_flight, return_when=FIRST_COMPLETED) if in_flight else ((), ())
            for future in finished:
                article_id, article = in_flight.pop(future)
                yield article_id, article, _future_result(future, article)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _future_result(future: Future, article: Article) -> Result:
    try:
        return future.result()
    except Exception as error:  # noqa: BLE001 - a worker that died: this article fails, the rest go on
        return AnalysisError(f"analysis failed in a worker: {type(error).__name__}: {error}", item=_item_name(article))

"""Benchmarks of the knowledge base (docs/benchmarks.md, "Knowledge base"): ingest, size, search.

    # ingest speed and DB bytes per article, on real articles (a fresh DB each time)
    .venv/bin/python benchmarks/store_bench.py ingest ../shared/data/bsnlp-pl/*/raw --limit 60 --workers 1 --db /tmp/k1.db
    # grow a DB of 100,000 articles from the analysed ones, then time searches on it
    .venv/bin/python benchmarks/store_bench.py grow /tmp/k.db /tmp/k100k.db --articles 100000
    .venv/bin/python benchmarks/store_bench.py search /tmp/k100k.db --queries 300

Growing: every analysed article is copied with all its rows (mentions, entity links, quotes, events
and their parties, times, MinHash rows) under a new id, with a date moved back by whole months (up
to ten years) and lightly varied text: every digit replaced by another (lengths and so offsets
kept) and a closing line naming the copy (a new content hash). The copy's lemma index is the
original's (read back from the FTS index with fts5vocab) plus the closing line's words.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sqlite3
import statistics
import sys
import time
from itertools import islice
from pathlib import Path

from kronika.read import read_paths
from kronika.store import SearchFilters, Store
from kronika.store.analyser import ModelAnalyser

DIGITS = str.maketrans("0123456789", "3456789012")


# ------------------------------------------------------------------------------------ ingest


def bench_ingest(paths: list[str], db_path: Path, limit: int, workers: int) -> dict:
    if db_path.exists():
        raise SystemExit(f"{db_path} exists: the benchmark needs a fresh database")
    items = list(islice(read_paths(paths), limit))
    started = time.perf_counter()
    with Store(db_path) as store:
        report = store.ingest(items, workers=workers, analyser=ModelAnalyser())
        seconds = time.perf_counter() - started
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        words = store.db.execute("SELECT sum(words) FROM articles WHERE status = 'analysed'").fetchone()[0] or 0
        counts = store.counts()
    analysed = report.to_dict()["analysed"]
    size = db_path.stat().st_size
    return {
        "articles": len(items), **{k: v for k, v in report.to_dict().items() if k != "errors"}, "workers": workers,
        "seconds": round(seconds, 1), "articles_per_s": round(analysed / seconds, 3),
        "words_per_s": round(words / seconds, 1), "db_bytes": size, "db_bytes_per_article": round(size / max(1, counts["articles"])),
        "counts": counts,
    }


# -------------------------------------------------------------------------------------- grow


def shifted(date: str | None, months: int) -> str | None:
    """An ISO date of month precision or finer moved back by ``months`` (a bare year by whole years)."""
    if not date or not re.match(r"\d{4}", date):
        return date
    if not re.match(r"\d{4}-\d{2}", date):
        return f"{int(date[:4]) - months // 12:04d}" + date[4:]
    total = int(date[:4]) * 12 + int(date[5:7]) - 1 - months
    day = date[7:10]
    if day and int(day[1:]) > 28:
        day = "-28"  # every month has it
    return f"{total // 12:04d}-{total % 12 + 1:02d}{day}{date[10:]}"


def original_lemmas(db: sqlite3.Connection) -> dict[int, tuple[str, str]]:
    """(lemmas, names) of every indexed article, read back from the contentless FTS index."""
    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, 'article_search', 'instance')")
    words: dict[tuple[int, int], list[tuple[int, str]]] = {}
    for term, doc, column, offset in db.execute("SELECT term, doc, col, offset FROM temp.search_terms"):
        words.setdefault((doc, 0 if column == "lemmas" else 1), []).append((offset, term))
    docs = {doc for doc, _ in words}
    return {doc: tuple(" ".join(t for _, t in sorted(words.get((doc, c), []))) for c in (0, 1)) for doc in docs}


COPIED = {  # table -> (columns, the column holding the article id)
    "mentions": "entity_id, start, end, text, base, kind",
    "article_entities": "entity_id, mentions",
    "article_countries": "country",
    "quotes": "kind, text, start, end, speaker_id, speaker, speaker_name, cue, cue_lemma, evidence_start, evidence_end",
    "times": "text, start, end, value, precision",
}
EVENT_COLUMNS = ("type, mode, context, status, date, date_precision, date_start, location, trigger, evidence_start, "
                 "evidence_end")
ARTICLE_COLUMNS = ("title, date_precision, url, source, path, format, language, author, words, status, "
                   "duplicate_of, duplicate_kind, similarity")


def grow(source: Path, target: Path, articles: int) -> dict:
    if target.exists():
        raise SystemExit(f"{target} exists: grow writes a new database")
    with Store(source) as store:
        store.db.execute(f"VACUUM INTO '{target}'")
    started = time.perf_counter()
    db = sqlite3.connect(target, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = OFF")
    lemmas = original_lemmas(db)
    originals = [r[0] for r in db.execute("SELECT id FROM articles WHERE status = 'analysed' ORDER BY id")]
    max_event = db.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]
    stride = db.execute("SELECT max(id) FROM articles").fetchone()[0]
    db.create_function("shifted", 2, shifted, deterministic=True)
    db.create_function("varied", 2, lambda text, copy: text.translate(DIGITS) + f"\n\nKopia numer {copy}.", deterministic=True)
    db.create_function("lemmas", 2, lambda id_, copy: lemmas.get(id_, ("", ""))[0] + f" kopia numer {copy}", deterministic=True)
    db.create_function("names", 1, lambda id_: lemmas.get(id_, ("", ""))[1], deterministic=True)
    db.execute("CREATE TEMP TABLE originals (id INTEGER PRIMARY KEY)")
    db.executemany("INSERT INTO originals VALUES (?)", [(i,) for i in originals])
    total, copy = len(originals), 0
    while total < articles:
        copy += 1
        take = min(len(originals), articles - total)
        db.execute("BEGIN")
        _copy_round(db, copy, copy * stride, copy * max_event, take)
        db.execute("COMMIT")
        total += take
    db.execute("BEGIN")
    db.execute(
        """UPDATE entities SET (articles, mentions, first_date, last_date) = (
               SELECT count(*), sum(ae.mentions), min(a.date_start), max(a.date_start)
               FROM article_entities ae JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = entities.id)"""
    )
    db.execute("COMMIT")
    db.execute("PRAGMA optimize")
    db.execute("INSERT INTO article_search(article_search) VALUES ('optimize')")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    count = db.execute("SELECT count(*) FROM articles WHERE status = 'analysed'").fetchone()[0]
    db.close()
    return {"articles": count, "copies": copy, "seconds": round(time.perf_counter() - started, 1),
            "db_bytes": target.stat().st_size, "db_bytes_per_article": round(target.stat().st_size / count)}


def _copy_round(db: sqlite3.Connection, copy: int, offset: int, event_offset: int, take: int) -> None:
    months = copy % 120
    chosen = f"(SELECT id FROM originals ORDER BY id LIMIT {take})"
    db.execute(
        f"""INSERT INTO articles (id, source_id, content_hash, origin, date, date_start, text, {ARTICLE_COLUMNS})
            SELECT id + ?, source_id || '~' || ?, content_hash || '~' || ?, origin || '~' || ?, shifted(date, ?),
                   shifted(date_start, ?), varied(text, ?), {ARTICLE_COLUMNS}
            FROM articles WHERE id IN {chosen}""",
        (offset, copy, copy, copy, months, months, copy),
    )
    for table, columns in COPIED.items():
        db.execute(f"INSERT INTO {table} (article_id, {columns}) SELECT article_id + ?, {columns} FROM {table} "
                   f"WHERE article_id IN {chosen}", (offset,))
    db.execute(
        f"""INSERT INTO events (id, article_id, {EVENT_COLUMNS}) SELECT id + ?, article_id + ?, {EVENT_COLUMNS.replace(
            'date_start', 'shifted(date_start, ?)').replace(' date,', ' shifted(date, ?),')}
            FROM events WHERE article_id IN {chosen}""",
        (event_offset, offset, months, months),
    )
    db.execute(
        f"""INSERT INTO event_actors SELECT x.event_id + ?, role, position, entity_id, name, country, sector
            FROM event_actors x JOIN events ev ON ev.id = x.event_id WHERE ev.article_id IN {chosen}""",
        (event_offset,),
    )
    db.execute(f"INSERT INTO minhashes SELECT article_id + ?, signature FROM minhashes WHERE article_id IN {chosen}", (offset,))
    db.execute(f"INSERT INTO minhash_bands SELECT band, key, article_id + ? FROM minhash_bands WHERE article_id IN {chosen}",
               (offset,))
    db.execute(f"INSERT INTO article_search (rowid, lemmas, names) SELECT id + ?, lemmas(id, ?), names(id) FROM articles "
               f"WHERE id IN {chosen}", (offset, copy))


# ------------------------------------------------------------------------------------ search


def workload(db: sqlite3.Connection, count: int, seed: int = 7) -> list[tuple[str, SearchFilters]]:
    """Queries a reader would type: inflected names seen in mentions, common words, pairs; a
    third with no filter, the others with one or two filters (dates, entity, speaker, event, country)."""
    rng = random.Random(seed)
    names = [r[0] for r in db.execute(
        """SELECT m.text FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.kind = 'name'
           GROUP BY m.text ORDER BY count(*) DESC LIMIT 200""")]
    words = [w for (t,) in db.execute("SELECT text FROM articles WHERE status = 'analysed' ORDER BY id LIMIT 200")
             for w in re.findall(r"\b[a-ząćęłńóśźż]{6,}\b", t)]
    entities = [r[0] for r in db.execute("SELECT id FROM entities ORDER BY articles DESC LIMIT 100")]
    speakers = [r[0] for r in db.execute("SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 50")]
    events = [r[0] for r in db.execute("SELECT DISTINCT type FROM events")]
    countries = [r[0] for r in db.execute("SELECT country FROM entities WHERE country IS NOT NULL GROUP BY 1 ORDER BY sum(articles) DESC LIMIT 30")]
    years = [r[0] for r in db.execute("SELECT DISTINCT substr(date_start, 1, 4) FROM articles WHERE date_start IS NOT NULL")]
    filters = [
        lambda: SearchFilters(date_from=(y := rng.choice(years)), date_to=y),
        lambda: SearchFilters(entity=rng.choice(entities)),
        lambda: SearchFilters(speaker=rng.choice(speakers)) if speakers else SearchFilters(),
        lambda: SearchFilters(event_type=rng.choice(events)) if events else SearchFilters(),
        lambda: SearchFilters(country=rng.choice(countries)),
        lambda: SearchFilters(country=rng.choice(countries), date_from=rng.choice(years)),
    ]
    out = []
    for i in range(count):
        kind = i % 4
        query = (rng.choice(names) if kind == 0 else rng.choice(words) if kind == 1
                 else f"{rng.choice(names)} {rng.choice(words)}" if kind == 2 else "")
        chosen = SearchFilters() if i % 3 == 0 and query else rng.choice(filters)()
        out.append((query, chosen))
    return out


def bench_search(db_path: Path, queries: int) -> dict:
    with Store(db_path, readonly=True) as store:
        load = workload(store.db, queries)
        for query, filters in load[:20]:  # warm the page cache and Morfeusz
            store.search(query, filters)
        times, totals = [], []
        for query, filters in load:
            started = time.perf_counter()
            result = store.search(query, filters)
            times.append((time.perf_counter() - started) * 1000)
            totals.append(result.total)
        articles = store.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    ordered = sorted(times)
    slowest = sorted(zip(times, load), key=lambda t: -t[0])[:5]
    return {
        "articles": articles, "queries": len(times), "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1), "max_ms": round(ordered[-1], 1),
        "mean_hits_total": round(statistics.mean(totals)),
        "slowest": [{"ms": round(t, 1), "query": q, "filters": {k: v for k, v in f.__dict__.items() if v}} for t, (q, f) in slowest],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser("ingest")
    ingest.add_argument("paths", nargs="+")
    ingest.add_argument("--db", type=Path, required=True)
    ingest.add_argument("--limit", type=int, default=60)
    ingest.add_argument("--workers", type=int, default=1)
    grown = commands.add_parser("grow")
    grown.add_argument("source", type=Path)
    grown.add_argument("target", type=Path)
    grown.add_argument("--articles", type=int, default=100_000)
    searched = commands.add_parser("search")
    searched.add_argument("db", type=Path)
    searched.add_argument("--queries", type=int, default=300)
    args = parser.parse_args(argv)
    if args.command == "ingest":
        result = bench_ingest(args.paths, args.db, args.limit, args.workers)
    elif args.command == "grow":
        result = grow(args.source, args.target, args.articles)
    else:
        result = bench_search(args.db, args.queries)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

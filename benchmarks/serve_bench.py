"""Page latency of `kronika serve` on any database: p50 / p95 / max per kind of page.

    .venv/bin/python benchmarks/serve_bench.py --db kronika.db [--rounds 3] [--json out.json] [--slowest 10]

A file written by an older kronika is brought up to date first (as `kronika serve` does).

A real uvicorn server runs in this process (one worker, as `kronika serve` starts it); requests are
made one at a time over one keep-alive HTTP connection, so the figures are server time plus local
HTTP, without concurrency. The workload comes from the database itself: searches for the names of
the most and least mentioned entities and for common words, with and without filters; the pages of
the most mentioned entities (the slowest ones: most quotes, events and co-occurrences) and of
random ones; article, quotes and events pages.
"""
from __future__ import annotations

import argparse
import http.client
import json
import platform
import random
import socket
import sqlite3
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlencode

WORDS = ["protest", "prezydenta", "rząd", "wybory", "wojna", "Tokajewa", "sankcje", "Unii Europejskiej", "premier Polski"]


def workload(db_path: Path, seed: int = 1) -> dict[str, list[str]]:
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    rng = random.Random(seed)
    top = [r[0] for r in db.execute("SELECT id FROM entities ORDER BY mentions DESC LIMIT 20")]
    names = [r[0] for r in db.execute("SELECT name FROM entities WHERE type IN ('PER', 'ORG', 'GPE') ORDER BY mentions DESC LIMIT 20")]
    n_entities = db.execute("SELECT max(rowid) FROM entities").fetchone()[0] or 0
    random_ids = [r[0] for r in db.execute(
        "SELECT id FROM entities WHERE rowid IN (SELECT value FROM json_each(?))",
        (json.dumps([rng.randint(1, n_entities) for _ in range(40)]),),
    )][:30]
    n_articles = db.execute("SELECT max(id) FROM articles").fetchone()[0] or 0
    articles = [r[0] for r in db.execute(
        "SELECT id FROM articles WHERE status = 'analysed' AND id IN (SELECT value FROM json_each(?))",
        (json.dumps([rng.randint(1, n_articles) for _ in range(300)]),),
    )][:30]
    types = [r[0] for r in db.execute("SELECT DISTINCT type FROM events LIMIT 8")] or ["PROTEST"]
    db.close()
    q = lambda **p: "/?" + urlencode(p)  # noqa: E731
    return {
        "search": [q(q=w) for w in WORDS + names],
        "search+filters": [q(q=w, date_from="2019", event_type=rng.choice(types)) for w in WORDS]
        + [q(q=w, entity=e) for w, e in zip(WORDS, top)] + [q(speaker=n) for n in names[:5]],
        "entity (top 20)": [f"/entities/{quote(e, safe='')}" for e in top],
        "entity (random)": [f"/entities/{quote(e, safe='')}" for e in random_ids],
        "article": [f"/articles/{a}" for a in articles],
        "quotes": ["/quotes", *(f"/quotes?speaker={quote(e, safe='')}" for e in top[:5])],
        "events": ["/events", *(f"/events?event_type={t}" for t in types[:5]), *(f"/events?actor={quote(e, safe='')}" for e in top[:5])],
        "api search": [f"/api/search?q={quote(w)}" for w in WORDS],
    }


def serve(db_path: Path) -> tuple[str, int, object]:
    import uvicorn

    from kronika.serve import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db_path), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return "127.0.0.1", port, server


def measure(host: str, port: int, urls: dict[str, list[str]], rounds: int, log: list | None = None) -> dict[str, dict]:
    conn = http.client.HTTPConnection(host, port)

    def get(url: str) -> float:
        start = time.perf_counter()
        conn.request("GET", url, headers={"Accept": "text/html"})
        response = conn.getresponse()
        response.read()
        elapsed = time.perf_counter() - start
        if response.status != 200:
            print(f"warning: {response.status} for {url}", file=sys.stderr)
        if log is not None:
            log.append((elapsed * 1000, url))
        return elapsed * 1000

    for url in ("/", "/?q=rok", "/quotes", "/events", "/entities"):  # warm-up: imports, Morfeusz, templates
        get(url)
    if log is not None:
        log.clear()
    out = {}
    for kind, kind_urls in urls.items():
        first = [get(url) for url in kind_urls]  # first visit: nothing of these pages cached in the server
        again = [get(url) for _ in range(rounds - 1) for url in kind_urls]
        out[kind] = {"requests": len(first) + len(again), **_stats("first", first), **_stats("again", again)}
    return out


def _stats(prefix: str, times: list[float]) -> dict:
    if not times:
        return {}
    times = sorted(times)
    return {
        f"{prefix}_p50_ms": round(statistics.median(times), 1),
        f"{prefix}_p95_ms": round(times[max(0, -(-95 * len(times) // 100) - 1)], 1),
        f"{prefix}_max_ms": round(times[-1], 1),
    }


def describe(db_path: Path) -> dict:
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    one = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
    info = {
        "db": str(db_path), "db_bytes": db_path.stat().st_size,
        "articles": one("SELECT count(*) FROM articles WHERE status = 'analysed'"),
        "entities": one("SELECT count(*) FROM entities"), "quotes": one("SELECT count(*) FROM quotes"),
        "events": one("SELECT count(*) FROM events"), "mentions": one("SELECT count(*) FROM mentions"),
        "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
    }
    db.close()
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3, help="times each URL is requested (the first is reported apart)")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--slowest", type=int, default=0, help="also list the N slowest requests")
    args = parser.parse_args(argv)
    from kronika.store.db import migrate

    started = time.perf_counter()
    applied = migrate(args.db)  # a file of an older schema, as `kronika serve` would do it
    if applied:
        print(f"# brought {args.db} up to date ({', '.join(applied)}): {time.perf_counter() - started:.1f} s")
    info = describe(args.db)
    host, port, server = serve(args.db)
    log: list[tuple[float, str]] = []
    results = measure(host, port, workload(args.db), args.rounds, log)
    server.should_exit = True
    print(f"# {info['articles']} articles, {info['entities']} entities, {info['quotes']} quotes, "
          f"{info['events']} events; {info['db_bytes'] / 2**20:.0f} MiB; SQLite {info['sqlite']}")
    print("| page | requests | first visit p50 / p95 / max ms | visited again p50 / p95 / max ms |\n|---|---|---|---|")
    for kind, r in results.items():
        again = " / ".join(str(r.get(f"again_{k}_ms", "-")) for k in ("p50", "p95", "max"))
        first = " / ".join(str(r[f"first_{k}_ms"]) for k in ("p50", "p95", "max"))
        print(f"| {kind} | {r['requests']} | {first} | {again} |")
    for ms, url in sorted(log, reverse=True)[: args.slowest]:
        print(f"# {ms:.1f} ms {url}")
    if args.json:
        args.json.write_text(json.dumps({"database": info, "pages": results}, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

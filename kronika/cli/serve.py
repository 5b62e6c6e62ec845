"""`kronika serve --db kronika.db`: the web pages and JSON API over a knowledge base."""
from __future__ import annotations

import socket
import time
from pathlib import Path

import typer

from ..store.db import DEFAULT_DB


def serve_command(
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="The database `kronika ingest` wrote."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0: every interface)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", help="Server processes."),
) -> None:
    """Browse the knowledge base: search, articles, entities, quotes, events, JSON API (/docs).

    The database is read only, except once after an upgrade of kronika: a file written by an
    older version is brought up to date first (new summary tables and indexes)."""
    import uvicorn

    from ..errors import KronikaError
    from ..serve.app import create_app

    try:
        _update_schema(db)
        create_app(db)  # fail here, with a message, rather than in every worker
        _check_port(host, port)
    except KronikaError as error:
        typer.echo(f"kronika serve: {error}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"kronika: http://{host}:{port}/  (API: http://{host}:{port}/docs; Ctrl-C stops)", err=True)
    if workers > 1:
        import os

        os.environ["KRONIKA_DB"] = str(db.resolve())
        uvicorn.run("kronika.serve.app:app_from_env", factory=True, host=host, port=port, workers=workers,
                    log_level="warning")
    else:
        uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


def _update_schema(db: Path) -> None:
    """Apply the migrations a file written by an older kronika lacks (a missing file is create_app's to report)."""
    import sqlite3
    from contextlib import closing

    from ..errors import StoreError
    from ..store.db import migrate, pending_migrations

    if not db.is_file():
        return
    try:
        with closing(sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            pending = pending_migrations(conn)
    except sqlite3.DatabaseError:
        return  # not a kronika database: create_app says so
    if not pending:
        return
    typer.echo(f"kronika serve: {db} was written by an older kronika; adding {', '.join(pending)} (once) ...", err=True)
    started = time.perf_counter()
    try:
        migrate(db)
    except StoreError as error:
        raise StoreError(
            f"{error.message}: it was written by an older kronika and must be brought up to date once; run "
            f"`kronika serve --db {db}` (or `kronika ingest PATH --db {db}`) as a user who may write it",
            item=str(db),
        ) from None
    typer.echo(f"kronika serve: {db} is up to date ({time.perf_counter() - started:.1f} s)", err=True)


def _check_port(host: str, port: int) -> None:
    """Refuse, with a message, an address another program listens on (uvicorn would only log it)."""
    from ..errors import KronikaError

    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((host, port))
    except OSError as error:
        raise KronikaError(f"cannot listen on {host}:{port} ({error.strerror}): another program uses it? "
                           f"try --port {port + 1}") from None

"""`kronika serve --db kronika.db`: the web pages and JSON API over a knowledge base."""
from __future__ import annotations

from pathlib import Path

import typer


def serve_command(
    db: Path = typer.Option(Path("kronika.db"), "--db", help="The database `kronika ingest` wrote."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0: every interface)."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", help="Server processes."),
) -> None:
    """Browse the knowledge base: search, articles, entities, quotes, events, JSON API (/docs)."""
    import uvicorn

    from ..errors import KronikaError
    from ..serve.app import create_app

    try:
        create_app(db)  # fail here, with a message, rather than in every worker
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

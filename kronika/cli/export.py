"""`kronika export --db kronika.db --format jsonl|csv|plover`: the knowledge base, filtered, to a file."""
from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Optional

import typer

from ..errors import KronikaError
from ..store import DEFAULT_DB, Store
from ..store.export import CSV_TABLES, FORMATS
from .store_filters import CountryOption, DateFrom, DateTo, EntityOption, EventOption, SpeakerOption, filters_of


def export_command(
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="The SQLite knowledge base."),
    format: str = typer.Option("jsonl", "--format", "-f", help=f"One of {', '.join(FORMATS)}: analyses as JSONL, "
                               "one table as CSV, events as PLOVER records (JSONL)."),
    table: str = typer.Option("events", "--table", help=f"The CSV table: {', '.join(CSV_TABLES)}."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here (default: standard output)."),
    date_from: Optional[str] = DateFrom,
    date_to: Optional[str] = DateTo,
    entity: Optional[str] = EntityOption,
    speaker: Optional[str] = SpeakerOption,
    event: Optional[str] = EventOption,
    country: Optional[str] = CountryOption,
) -> None:
    """Export analysed articles (those passing the filters)."""
    filters = filters_of(date_from, date_to, entity, speaker, event, country)
    if format not in FORMATS or (format == "csv" and table not in CSV_TABLES):
        typer.echo(f"error: unknown format {format!r} or table {table!r}", err=True)
        raise typer.Exit(code=2)
    try:
        with Store(db, readonly=True) as store:
            with output.open("w", encoding="utf-8", newline="") if output else nullcontext(sys.stdout) as out:
                count = store.export(out, format, filters, table=table)
    except KronikaError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=1) from None
    typer.echo(f"{count} record(s) exported", err=True)


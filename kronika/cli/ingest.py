"""`kronika ingest PATH... --db kronika.db`: analyse articles into the knowledge base."""
from __future__ import annotations

import json
from contextlib import contextmanager
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.progress import (
    BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from ..errors import KronikaError
from ..read import STDIN, ReadOptions, read_paths
from ..store import DEFAULT_DB, IngestReport, ModelAnalyser, Store

ERRORS_SHOWN = 20


def ingest_command(
    paths: List[str] = typer.Argument(..., help="Articles: files, folders (recursive) or - for standard input."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="The SQLite knowledge base (created if missing)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Analysing processes (each loads the model once)."),
    format: Optional[str] = typer.Option(None, "--format", "-f", help="Force a reader: seed, text, jsonl, html, warc, bsnlp."),
    model: Optional[Path] = typer.Option(None, "--model", help="A trained pipeline directory (default: the shipped one)."),
    json_output: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Ingest articles: skip what is stored, link duplicates, analyse and store the rest.

    Safe to interrupt and run again: it goes on where it stopped."""
    err = Console(stderr=True)
    options = ReadOptions(format=format)
    total = None if STDIN in paths else sum(1 for _ in read_paths(paths, options))
    try:
        with Store(db) as store, _progress(err, total) as (progress, task):
            report = store.ingest_paths(
                paths, read_options=options, workers=workers, analyser=ModelAnalyser(model),
                on_item=lambda outcome: progress.advance(task),
            )
            counts = store.counts()
    except KeyboardInterrupt:
        err.print(f"[yellow]interrupted[/yellow]: what is stored stays; run the same command again to go on ({db})")
        raise typer.Exit(code=130) from None
    except KronikaError as error:
        err.print(f"[red]error[/red] {error}")
        raise typer.Exit(code=1) from None
    if json_output:
        typer.echo(json.dumps({**report.to_dict(), "database": str(db), "counts": counts}, ensure_ascii=False, indent=2))
    else:
        _print_report(err, report, db, counts)
    if report.failed:
        raise typer.Exit(code=1)


@contextmanager
def _progress(console: Console, total: int | None):
    """A progress bar with rate and ETA (the total counted beforehand, unless reading stdin)."""
    progress = Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), _RateColumn(),
        TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=console, transient=True,
    )
    with progress:
        yield progress, progress.add_task("ingest", total=total)


class _RateColumn(ProgressColumn):
    def render(self, task) -> Text:
        return Text(f"{task.speed:.2f} articles/s" if task.speed else "- articles/s", style="cyan")


def _print_report(console: Console, report: IngestReport, db: Path, counts: dict[str, int]) -> None:
    outcomes = report.to_dict()
    console.print(
        f"{outcomes['analysed']} analysed, {outcomes['stored']} already stored, {outcomes['duplicate']} exact and "
        f"{outcomes['near_duplicate']} near duplicates linked, {outcomes['failed']} failed -> {db} "
        f"({counts['articles']} articles, {counts['entities']} entities, {counts['quotes']} quotes, {counts['events']} events)"
    )
    if report.errors:
        table = Table("item", "reason", "message", title=f"Errors ({len(report.errors)}; all in the errors table)")
        for error in report.errors[:ERRORS_SHOWN]:
            table.add_row(str(error["item"]), error.get("reason", error["code"]), error["message"])
        console.print(table)

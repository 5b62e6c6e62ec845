"""`kronika search QUERY --db kronika.db`: find articles by any inflected form, with filters."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.text import Text

from ..errors import KronikaError
from ..store import DEFAULT_DB, SearchResult, Store
from .store_filters import CountryOption, DateFrom, DateTo, EntityOption, EventOption, SpeakerOption, filters_of


def search_command(
    query: str = typer.Argument("", help="Words in any inflected form (Tokajewa finds Tokajew); empty: newest first."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="The SQLite knowledge base."),
    date_from: Optional[str] = DateFrom,
    date_to: Optional[str] = DateTo,
    entity: Optional[str] = EntityOption,
    speaker: Optional[str] = SpeakerOption,
    event: Optional[str] = EventOption,
    country: Optional[str] = CountryOption,
    limit: int = typer.Option(20, "--limit", "-n", min=1, max=1000, help="Hits to show."),
    offset: int = typer.Option(0, "--offset", min=0, help="Hits to skip (paging)."),
    json_output: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Search the knowledge base over lemmas."""
    try:
        with Store(db, readonly=True) as store:
            result = store.search(query, filters_of(date_from, date_to, entity, speaker, event, country),
                                  limit=limit, offset=offset)
    except KronikaError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=1) from None
    if json_output:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print_result(Console(), result)


def print_result(console: Console, result: SearchResult) -> None:
    searched = " ".join("|".join(lemmas) for lemmas in result.terms)
    console.print(f"{result.total} article(s)" + (f" for {searched}" if searched else ""))
    for hit in result.hits:
        console.print(
            f"[bold]{hit.rank}. #{hit.article_id}[/bold] {hit.date or '-'}  {hit.title or ''} [dim]{hit.source or ''}[/dim]"
        )
        snippet = Text("    " + " ".join(hit.snippet.split("\n")))
        for start, end in hit.marks:
            snippet.stylize("bold yellow", start + 4, end + 4)
        console.print(snippet)

"""`kronika evaluate events`: PLOVER events against an events gold JSONL (SPEC §3)."""
from __future__ import annotations

import json
from pathlib import Path

import typer

from ..errors import KronikaError


def evaluate_events_command(
    gold: Path = typer.Argument(..., help="Events gold JSONL (SPEC §3; guide: docs/annotation/events.md)."),
    root: Path | None = typer.Option(
        None, "--root", help="Folder the gold `doc` paths are relative to (default: the gold file's folder)."
    ),
    predictions: Path | None = typer.Option(
        None, "--predictions", help="Score this events JSONL (the gold format) instead of running a pipeline."
    ),
    model: Path | None = typer.Option(None, "--model", help="Trained pipeline directory (default: the shipped one)."),
    json_output: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """P/R/F1 for type+sentence and type+sentence+actor+recipient, date accuracy, per-type counts."""
    from ..evaluate.events import evaluate_events

    def load_pipeline():
        import kronika

        return kronika.load(model)

    try:
        scores = evaluate_events(None if predictions else load_pipeline, gold, root=root, predictions=predictions)
    except KronikaError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=1) from None
    if json_output:
        typer.echo(json.dumps(scores, indent=2))
        return
    for name, value in scores.items():
        typer.echo(f"{name}\t{value:.4f}" if isinstance(value, float) else f"{name}\t{value}")

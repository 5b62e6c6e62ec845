"""`kronika evaluate events`: PLOVER events against an events gold JSONL (SPEC §3)."""
from __future__ import annotations

from pathlib import Path

import typer

from .output import report_scores


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

    report_scores(
        lambda: evaluate_events(None if predictions else load_pipeline, gold, root=root, predictions=predictions),
        json_output,
    )

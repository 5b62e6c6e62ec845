"""`kronika evaluate quotes`: quote P/R/F1 at token overlap 0.3/0.5/0.8 and speaker accuracy (SPEC §3)."""
from __future__ import annotations

from pathlib import Path

import typer

from .output import report_scores


def evaluate_quotes_command(
    gold: Path = typer.Argument(..., help="Quotes gold JSONL: one {doc, doc_id, date, quotes} object a line."),
    root: Path | None = typer.Option(
        None, "--root", help="Folder the gold 'doc' paths are relative to (default: the gold file's folder)."
    ),
    predictions: Path | None = typer.Option(
        None, "--predictions", help="Score this quotes JSONL (gold format, paired by doc_id) instead of running a pipeline."
    ),
    model: Path | None = typer.Option(None, "--model", help="Trained pipeline directory (default: the shipped one)."),
    json_output: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Quote P/R/F1 at token overlap 0.3, 0.5 and 0.8; speaker accuracy on quotes matched at 0.5."""
    from ..evaluate.quotes import evaluate_quotes

    def load_pipeline():
        import kronika

        return kronika.load(model)

    report_scores(
        lambda: evaluate_quotes(gold, root, system=None if predictions else load_pipeline, predictions=predictions),
        json_output,
    )

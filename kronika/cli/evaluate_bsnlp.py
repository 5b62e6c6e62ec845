"""`kronika evaluate bsnlp`: BSNLP 2019 recognition, normalization and linking scores."""
from __future__ import annotations

from pathlib import Path

import typer

from .output import report_scores


def evaluate_bsnlp_command(
    raw: Path = typer.Argument(..., help="Folder of BSNLP raw files (id, language, date, url, title, text)."),
    gold: Path = typer.Argument(..., help="Folder of BSNLP annotated files (form, base, TYPE, ID lines)."),
    model: Path | None = typer.Option(None, "--model", help="Trained pipeline directory (default: the shipped one)."),
    rules_only: bool = typer.Option(False, "--rules-only", help="Tokenizer and Morfeusz only, no trained model."),
    predictions: Path | None = typer.Option(
        None, "--predictions", help="Score this folder of BSNLP system files instead of running kronika."
    ),
    output: Path | None = typer.Option(None, "--output", help="Write kronika's answers here, one BSNLP file a document."),
    json_output: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Relaxed partial, relaxed exact and strict recognition, normalization, LEA linking."""
    from ..evaluate.bsnlp import evaluate_bsnlp, flatten

    def load_pipeline():
        import kronika

        return kronika.load(model, rules_only=rules_only)

    report_scores(
        lambda: evaluate_bsnlp(None if predictions else load_pipeline, raw, gold, predictions=predictions, output=output),
        json_output, flat=flatten,
    )

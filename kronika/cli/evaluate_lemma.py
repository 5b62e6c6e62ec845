"""`kronika evaluate lemma`: base forms of name phrases (Polem TSV or PolEval 2019 Task 2 TSV)."""
from __future__ import annotations

from pathlib import Path

import typer

from .output import report_scores


def evaluate_lemma_command(
    gold: Path = typer.Argument(..., help="Polem TSV (lemma, orth, ...) or PolEval 2019 TSV (id, doc, orth, lemma)."),
    model: Path | None = typer.Option(
        None,
        "--model",
        help="Trained pipeline directory (default: the shipped one); its tagger serves phrases given with a context.",
    ),
    rules_only: bool = typer.Option(False, "--rules-only", help="Tokenizer and Morfeusz only, no trained model."),
    predictions: Path | None = typer.Option(
        None, "--predictions", help="Score this TSV of system lemmas (id ... lemma, or one lemma a line) instead."
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Only the first N phrases."),
    ignore_categories: bool = typer.Option(
        False, "--ignore-categories", help="Do not pass the Polem category to the lemmatizer."
    ),
    write_predictions: Path | None = typer.Option(
        None, "--write-predictions", help="Save the system's lemmas as id<TAB>orth<TAB>lemma."
    ),
    json_output: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Case-sensitive and case-insensitive accuracy, and score = 0.2*CS + 0.8*CI."""
    from ..evaluate.lemma import evaluate_lemma

    def load_pipeline():
        import kronika

        return kronika.load(model, rules_only=rules_only)

    report_scores(
        lambda: evaluate_lemma(
            None if predictions else load_pipeline,
            gold,
            predictions=predictions,
            limit=limit,
            use_categories=not ignore_categories,
            write_predictions_to=write_predictions,
        ),
        json_output,
    )

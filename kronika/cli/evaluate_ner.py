"""`kronika evaluate ner`: PolEval 2018 Task 2 scores (PolEval JSON or NKJP IOB2 gold)."""
from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from .output import report_scores


class MultiAnswer(str, Enum):
    newest = "newest"
    skip = "skip"


def evaluate_ner_command(
    gold: Path = typer.Argument(..., help="PolEval 2018 JSON or NKJP IOB2 file."),
    model: Path | None = typer.Option(None, "--model", help="Trained pipeline directory (default: the shipped one)."),
    predictions: Path | None = typer.Option(
        None, "--predictions", help="Score this PolEval prediction file (or PolEval JSON / IOB2) instead of running a pipeline."
    ),
    split: str | None = typer.Option(None, "--split", help="Only the documents of this split (train, dev, test)."),
    split_file: Path | None = typer.Option(
        None, "--split-file", help="doc_id<TAB>split file (default: kronika/training/splits/nkjp-ner.tsv)."
    ),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Only the first N documents."),
    multi_answer: MultiAnswer = typer.Option(
        MultiAnswer.newest, "--multi-answer", help="Gold documents with several answers: score the newest, or skip them as the released official script does."
    ),
    write_predictions: Path | None = typer.Option(
        None, "--write-predictions", help="Save the pipeline's entities as a PolEval prediction file."
    ),
    json_output: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Overlap F1, exact F1 and final = 0.8*overlap + 0.2*exact."""
    from ..evaluate.ner import evaluate_ner

    def load_pipeline():
        import kronika

        return kronika.load(model)

    report_scores(
        lambda: evaluate_ner(
            None if predictions else load_pipeline,
            gold,
            predictions=predictions,
            split=split,
            split_file=split_file,
            limit=limit,
            multi_answer=multi_answer.value,
            write_predictions=write_predictions,
        ),
        json_output,
    )

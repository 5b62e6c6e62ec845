"""`kronika evaluate ud`: CoNLL 2018 shared-task scores on a CoNLL-U file."""
from __future__ import annotations

from pathlib import Path

import typer

from ..errors import EvaluationError
from .output import report_scores


def evaluate_ud_command(
    gold: Path = typer.Argument(..., help="Gold CoNLL-U file."),
    gold_tokens: bool = typer.Option(False, "--gold-tokens", help="Use the gold tokenisation and sentences."),
    json_output: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    model: Path | None = typer.Option(None, "--model", help="Trained pipeline directory (default: the shipped one)."),
    rules_only: bool = typer.Option(False, "--rules-only", help="Tokenizer and rule components only, no trained ones."),
    output: Path | None = typer.Option(None, "--output", help="Also write the system CoNLL-U to this file."),
    chunk_sentences: int = typer.Option(
        0, "--chunk-sentences", min=0, help="Sentences per processed unit within a paragraph (0: whole paragraphs)."
    ),
) -> None:
    """CoNLL 2018 F1 (Tokens, Sentences, UPOS, XPOS, UFeats, Lemmas, UAS, LAS)."""
    from ..evaluate.ud import evaluate_ud

    def score() -> dict:
        if not gold.is_file():
            raise EvaluationError("no such file", item=str(gold))
        import kronika

        nlp = kronika.load(model, rules_only=rules_only)
        return evaluate_ud(nlp, gold, gold_tokens=gold_tokens, chunk_sentences=chunk_sentences, output=output)

    report_scores(score, json_output, lines=format_result)


def format_result(result: dict) -> list[str]:
    """One line a metric: F1 x 100, then precision, recall and aligned accuracy."""
    lines = []
    for name, score in result["metrics"].items():
        line = f"{name:<10}{100 * score['f1']:7.2f}   P {100 * score['precision']:6.2f}   R {100 * score['recall']:6.2f}"
        if score["aligned_accuracy"] is not None:
            line += f"   AlignedAcc {100 * score['aligned_accuracy']:6.2f}"
        lines.append(line)
    lines.append(f"{'GoldWords':<10}{result['words']:7d}")
    lines.append(f"{'Seconds':<10}{result['seconds']:7.2f}")
    if result["words_per_second"]:
        lines.append(f"{'Words/s':<10}{result['words_per_second']:7.0f}")
    return lines

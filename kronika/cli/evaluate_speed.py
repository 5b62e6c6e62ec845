"""`kronika evaluate speed CORPUS...`: articles/s and words/s, load time, peak memory, per stage."""
from __future__ import annotations

import json
from pathlib import Path
from typing import List

import typer


def evaluate_speed_command(
    corpus: List[Path] = typer.Argument(..., help="Files or folders of articles, any input format."),
    model: Path | None = typer.Option(None, "--model", help="Trained pipeline directory (default: the shipped one)."),
    rules_only: bool = typer.Option(False, "--rules-only", help="Tokenizer, sentence rules and Morfeusz only."),
    limit: int = typer.Option(0, "--limit", min=0, help="Only the first N articles (0: all)."),
    json_output: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Speed of the whole pipeline on one process (set OMP_NUM_THREADS=1 for one core)."""
    from .. import load
    from ..evaluate.speed import evaluate_speed

    result = evaluate_speed(lambda: load(model, rules_only=rules_only), corpus, limit=limit)
    if json_output:
        typer.echo(json.dumps(result, indent=2))
        return
    for name, value in result.items():
        if name == "stages":
            for stage, seconds in value.items():
                typer.echo(f"stage:{stage}\t{seconds}")
        else:
            typer.echo(f"{name}\t{value}")

"""`kronika evaluate lemma` (SPEC §3)."""
from __future__ import annotations

import typer


def evaluate_lemma_command() -> None:
    """Not implemented yet."""
    raise typer.Exit(code=2)

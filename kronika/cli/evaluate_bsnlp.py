"""`kronika evaluate bsnlp` (SPEC §3)."""
from __future__ import annotations

import typer


def evaluate_bsnlp_command() -> None:
    """Not implemented yet."""
    raise typer.Exit(code=2)

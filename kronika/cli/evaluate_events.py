"""`kronika evaluate events` (SPEC §3)."""
from __future__ import annotations

import typer


def evaluate_events_command() -> None:
    """Not implemented yet."""
    raise typer.Exit(code=2)

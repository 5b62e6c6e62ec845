"""How every `kronika evaluate` command reports: one metric per line, or JSON; errors as one line."""
from __future__ import annotations

import json
from collections.abc import Callable

import typer

from ..errors import KronikaError


def report_scores(
    score: Callable[[], dict],
    json_output: bool,
    flat: Callable[[dict], dict] | None = None,
    lines: Callable[[dict], list[str]] | None = None,
) -> None:
    """Run ``score``; print ``name<TAB>value`` lines (or ``lines(scores)``, or JSON); a
    KronikaError exits with code 1."""
    try:
        scores = score()
    except KronikaError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=1) from None
    if json_output:
        typer.echo(json.dumps(scores, indent=2, ensure_ascii=False))
        return
    if lines:
        typer.echo("\n".join(lines(scores)))
        return
    for name, value in (flat(scores) if flat else scores).items():
        if value is None:
            value = "-"
        typer.echo(f"{name}\t{value:.4f}" if isinstance(value, float) else f"{name}\t{value}")

"""`kronika train`: retrain the shipped pipeline from ../shared/data."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import List, Optional

import typer


def train_command(
    data: Path = typer.Option(Path("../shared/data"), "--data", help="The shared gold data folder."),
    workdir: Path = typer.Option(Path("training-runs"), "--workdir", help="Where corpora and training outputs go."),
    only: Optional[List[str]] = typer.Option(None, "--only", help="Train only these: core, ner, ner_inner, senter."),
    config: Optional[Path] = typer.Option(
        None, "--config", help="Another config for the one training --only names (default: kronika/training/configs/NAME.cfg)."
    ),
) -> None:
    """Build the corpora, train the four pipelines and assemble kronika/models/pl_kronika (hours on 2 cores)."""
    from ..training.train import TRAININGS, train_all

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    names = tuple(only) if only else tuple(TRAININGS)
    unknown = set(names) - set(TRAININGS)
    if unknown:
        raise typer.BadParameter(f"unknown training(s): {', '.join(sorted(unknown))}")
    if config is not None and len(names) != 1:
        raise typer.BadParameter("--config needs exactly one --only training", param_hint="--config")
    if config is not None and not config.is_file():
        raise typer.BadParameter(f"no such config file: {config}", param_hint="--config")
    output = train_all(data, workdir, names, configs={names[0]: config} if config else None)
    print(f"pipeline written to {output}")

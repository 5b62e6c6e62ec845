"""kronika's command line: one module per command, each a thin wrapper over a library function.

Commands are registered here, in one place.
"""
from __future__ import annotations

import typer

from . import analyze, evaluate_ner, evaluate_ud, schema, train

app = typer.Typer(
    name="kronika",
    help="Read Polish news: entities, quotes and events from dated articles, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
evaluate_app = typer.Typer(help="Score kronika against gold data (SPEC §3).", no_args_is_help=True)

app.command("analyze")(analyze.analyze_command)
app.command("schema")(schema.schema_command)
app.command("train")(train.train_command)
app.add_typer(evaluate_app, name="evaluate")
evaluate_app.command("ud")(evaluate_ud.evaluate_ud_command)
evaluate_app.command("ner")(evaluate_ner.evaluate_ner_command)


def main() -> None:
    app()

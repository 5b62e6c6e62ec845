"""kronika's command line: one module per command, each a thin wrapper over a library function.

Commands are registered here, in one place.
"""
from __future__ import annotations

import typer

from . import (
    analyze,
    evaluate_bsnlp,
    evaluate_events,
    evaluate_lemma,
    evaluate_ner,
    evaluate_quotes,
    evaluate_speed,
    evaluate_ud,
    export,
    ingest,
    schema,
    search,
    serve,
    train,
)

app = typer.Typer(
    name="kronika",
    help="Read Polish news: entities, quotes and events from dated articles, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
evaluate_app = typer.Typer(help="Score kronika against gold data (SPEC §3).", no_args_is_help=True)

app.command("analyze")(analyze.analyze_command)
app.command("ingest")(ingest.ingest_command)
app.command("search")(search.search_command)
app.command("export")(export.export_command)
app.command("schema")(schema.schema_command)
app.command("serve")(serve.serve_command)
app.command("train")(train.train_command)
app.add_typer(evaluate_app, name="evaluate")
evaluate_app.command("ud")(evaluate_ud.evaluate_ud_command)
evaluate_app.command("ner")(evaluate_ner.evaluate_ner_command)
evaluate_app.command("lemma")(evaluate_lemma.evaluate_lemma_command)
evaluate_app.command("bsnlp")(evaluate_bsnlp.evaluate_bsnlp_command)
evaluate_app.command("quotes")(evaluate_quotes.evaluate_quotes_command)
evaluate_app.command("events")(evaluate_events.evaluate_events_command)
evaluate_app.command("speed")(evaluate_speed.evaluate_speed_command)


def main() -> None:
    app()

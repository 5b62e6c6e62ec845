"""`kronika analyze FILE...`: read articles, analyse them, print a readable summary or JSON.

The readable summary shows the article, its entities, quotes (speaker, kind, cue and the
evidence's offsets), events (type, mode, status, actor, recipient, date, location, trigger),
time expressions, and its first sentences with the entities marked."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from spacy.tokens import Doc

from ..analysis import analyse_articles
from ..errors import KronikaError, ReadError
from ..model import Analysis, Article
from ..read import ReadOptions, read_paths

SENTENCES_SHOWN = 40
QUOTE_SHOWN = 160  # characters of a quote's text shown


def analyze_command(
    files: List[str] = typer.Argument(..., help="Articles: files, folders or - for standard input."),
    format: Optional[str] = typer.Option(None, "--format", "-f", help="Force a reader: seed, text, jsonl, html, warc, bsnlp."),
    json_output: bool = typer.Option(False, "--json", help="Print one analysis JSON object per line (JSONL)."),
    tokens: bool = typer.Option(False, "--tokens", help="Include every token's analysis in the JSON."),
    model: Optional[Path] = typer.Option(None, "--model", help="A trained pipeline directory (default: the shipped one)."),
    rules_only: bool = typer.Option(False, "--rules-only", help="Tokenizer, sentence rules and Morfeusz only."),
) -> None:
    """Analyse articles: entities, quotes, events, time expressions, sentences and tokens."""
    from .. import load

    out, err = Console(), Console(stderr=True)
    errors: list[ReadError] = []

    def articles():
        for item in read_paths(files, ReadOptions(format=format)):
            if isinstance(item, KronikaError):
                errors.append(item)
                err.print(f"[red]error[/red] {item.item}: {item.message} ({getattr(item, 'reason', item.code)})")
            else:
                yield item

    try:
        nlp = load(model, rules_only=rules_only)
    except KronikaError as exc:
        err.print(f"[red]error[/red] {exc}")
        raise typer.Exit(code=1)
    count = 0
    for analysis, doc in analyse_articles(nlp, articles(), with_tokens=tokens):
        count += 1
        if json_output:
            sys.stdout.write(analysis.model_dump_json(exclude_none=True) + "\n")
        else:
            print_summary(out, analysis, doc)
    if not json_output:
        err.print(f"{count} article(s) analysed, {len(errors)} error(s)")
    if errors:
        raise typer.Exit(code=1)


def print_summary(console: Console, analysis: Analysis, doc: Doc) -> None:
    article = analysis.article
    console.print(Panel(article_header(article, doc), title=f"[bold]{article.id}[/bold]", expand=False))
    if analysis.entities:
        table = Table("id", "type", "name", "code", "mentions", "forms", title="Entities")
        for entity in sorted(analysis.entities, key=lambda e: -len(e.mentions)):
            forms = sorted({m.text for m in entity.mentions})
            table.add_row(entity.id, entity.subtype or entity.type, entity.name, entity.country or "",
                          str(len(entity.mentions)), ", ".join(forms))
        console.print(table)
    names = {e.id: e.name for e in analysis.entities}
    if analysis.quotes:
        console.print(quotes_table(analysis, names))
    if analysis.events:
        console.print(events_table(analysis, names))
    if analysis.times:
        console.print(times_table(analysis))
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    console.print(f"[bold]Sentences[/bold] ({len(sentences)})")
    marks = mention_marks(analysis)
    for number, sentence in enumerate(sentences[:SENTENCES_SHOWN], 1):
        console.print(Text(f"{number:>3}. ", style="dim") + marked_sentence(sentence, marks))
    if len(sentences) > SENTENCES_SHOWN:
        console.print(f"     ... {len(sentences) - SENTENCES_SHOWN} more")


def quotes_table(analysis: Analysis, names: dict[str, str]) -> Group:
    """Who said what: per quote, the speaker (and its entity id), the kind, the cue (and its
    lemma), the evidence's offsets, then the text."""
    lines = [Text(f"Quotes ({len(analysis.quotes)})", style="bold")]
    for number, quote in enumerate(analysis.quotes, 1):
        line = Text(f"{number:>3}. ", style="dim")
        line.append(quote.speaker_name or names.get(quote.speaker or "", quote.speaker or "?"), style="bold magenta")
        if quote.speaker and quote.speaker in names:
            line.append(f" [{quote.speaker}]", style="dim")
        line.append(f"  {quote.kind}", style="cyan")
        cue = f"cue „{quote.cue}”" if quote.cue else "no cue"
        if quote.cue and quote.cue_lemma and quote.cue_lemma != quote.cue.lower():
            cue += f" ({quote.cue_lemma})"
        evidence = quote.evidence or (quote.start, quote.end)
        line.append(f", {cue}, chars {evidence[0]}-{evidence[1]}", style="dim")
        text = quote.text if len(quote.text) <= QUOTE_SHOWN else quote.text[: QUOTE_SHOWN - 1] + "…"
        lines += [line, Text(f"       „{text}”")]
    return Group(*lines)


def _parties(actors, names: dict[str, str]) -> str:
    """Event actors: name [country sector]."""
    shown = []
    for actor in actors:
        name = actor.name or names.get(actor.entity or "", actor.entity or "")
        detail = " ".join(x for x in (actor.country, actor.sector) if x)
        shown.append(f"{name or '?'} [{detail}]" if detail else name or "?")
    return ", ".join(shown) or "?"


def events_table(analysis: Analysis, names: dict[str, str]) -> Group:
    """Who did what to whom, when and where: per event, the PLOVER type, mode and context, its
    status, actor -> recipient, date, location and trigger."""
    lines = [Text(f"Events ({len(analysis.events)})", style="bold")]
    for number, event in enumerate(analysis.events, 1):
        line = Text(f"{number:>3}. ", style="dim")
        line.append(event.type, style="bold yellow")
        kind = ", ".join(x for x in (event.mode, *event.context, event.status) if x)
        line.append(f" ({kind})  ", style="cyan")
        line.append(_parties(event.actor, names))
        if event.recipient:
            line.append(" -> " + _parties(event.recipient, names))
        details = []
        if event.date:
            details.append(f"date {event.date}" + (f" ({event.date_precision})" if event.date_precision else ""))
        if event.location:
            details.append(f"in {event.location}")
        if event.trigger:
            details.append(f"trigger „{event.trigger}”")
        if event.evidence:
            details.append(f"chars {event.evidence[0]}-{event.evidence[1]}")
        lines.append(line)
        if details:
            lines.append(Text("       " + "; ".join(details), style="dim"))
    return Group(*lines)


def times_table(analysis: Analysis) -> Table:
    """Temporal expressions and their values resolved against the article date."""
    table = Table("text", "value", "precision", "chars", title="Time expressions")
    for time in analysis.times:
        table.add_row(time.text, time.value or "-", time.precision or "-", f"{time.start}-{time.end}")
    return table


def article_header(article: Article, doc: Doc) -> Text:
    paragraphs = [p for p in article.text.split("\n\n") if p.strip()]
    words = sum(1 for t in doc if not t.is_punct and not t.is_space)
    rows = [
        ("date", f"{article.date} ({article.date_precision} precision)" if article.date else "unknown"),
        ("title", article.title or "none (the first paragraph is the lead)"),
        ("source", f"{article.source or '-'} [{article.format or '?'}]"),
        ("url", article.url or "-"),
        ("size", f"{len(paragraphs)} paragraphs, {words} words, {len(doc)} tokens"),
    ]
    text = Text()
    for label, value in rows:
        text.append(f"{label:>7}: ", style="bold")
        text.append(f"{value}\n")
    text.rstrip()
    return text


def marked_sentence(sentence, mentions: list[tuple[int, int, str]]) -> Text:
    """The sentence text with the analysis's entity mentions (start, end, label) highlighted;
    of overlapping mentions the one starting first, then the longest, is shown."""
    text = Text()
    doc_text = sentence.doc.text
    cursor = sentence.start_char
    for start, end, label in mentions:
        if start < cursor or end > sentence.end_char:
            continue
        text.append(doc_text[cursor:start])
        text.append(doc_text[start:end], style="bold cyan")
        text.append(f"[{label}]", style="dim cyan")
        cursor = end
    text.append(doc_text[cursor:sentence.end_char])
    return Text(" ".join(text.plain.split("\n")).strip()) if cursor == sentence.start_char else text


def mention_marks(analysis: Analysis) -> list[tuple[int, int, str]]:
    """Every mention of the analysis's entities as (start, end, entity id), in reading order."""
    marks = [(m.start, m.end, e.id) for e in analysis.entities for m in e.mentions]
    return sorted(marks, key=lambda mark: (mark[0], -mark[1]))
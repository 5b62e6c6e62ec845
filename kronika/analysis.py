"""Analyse articles: run the Polish pipeline and the extractors, build :class:`Analysis` objects."""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .extract.entities import entities_from_doc
from .extract.events import events_from_doc
from .extract.quotes import quotes_from_doc
from .extract.times import find_times
from .model import Analysis, Article, Token


def tokens_from_doc(doc: Doc) -> list[Token]:
    return [
        Token(
            start=t.idx, end=t.idx + len(t.text), text=t.text, lemma=t.lemma_, upos=t.pos_,
            xpos=t.tag_, feats=str(t.morph), head=t.head.i, dep=t.dep_, sent_start=bool(t.is_sent_start),
        )
        for t in doc
    ]


def analysis_from_doc(article: Article, doc: Doc, *, with_tokens: bool = False) -> Analysis:
    """Everything kronika extracts from one analysed article (offsets index ``article.text``)."""
    entities = entities_from_doc(doc)
    times = find_times(article.text, article.date, article.date_precision)
    return Analysis(
        article=article,
        entities=entities,
        quotes=quotes_from_doc(doc, article, entities),
        events=events_from_doc(doc, article, entities, times),
        times=times,
        tokens=tokens_from_doc(doc) if with_tokens else None,
    )


def analyse_articles(
    nlp: Language, articles: Iterable[Article], *, with_tokens: bool = False, batch_size: int = 16
) -> Iterator[tuple[Analysis, Doc]]:
    """(analysis, spaCy Doc) for each article, in order."""
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield analysis_from_doc(article, doc, with_tokens=with_tokens), doc

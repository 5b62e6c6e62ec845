"""Analyse articles: run the Polish pipeline and the extractors, build :class:`Analysis` objects."""
from __future__ import annotations

from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .extract.entities import entities_from_doc
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
    return Analysis(
        article=article,
        entities=entities_from_doc(doc),
        tokens=tokens_from_doc(doc) if with_tokens else None,
    )


def analyse_articles(
    nlp: Language, articles: Iterable[Article], *, with_tokens: bool = False, batch_size: int = 16
) -> Iterator[tuple[Analysis, Doc]]:
    """(analysis, spaCy Doc) for each article, in order."""
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield analysis_from_doc(article, doc, with_tokens=with_tokens), doc

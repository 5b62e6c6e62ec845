"""Quotations and their speakers (issue 5). TODO: the extractor."""
from __future__ import annotations

from spacy.tokens import Doc

from ..model import Article, Entity, Quote


def quotes_from_doc(doc: Doc, article: Article, entities: list[Entity]) -> list[Quote]:
    return []

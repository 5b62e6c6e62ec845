"""PLOVER events with actors, recipients, dates and places (issue 6). TODO: the extractor."""
from __future__ import annotations

from spacy.tokens import Doc

from ..model import Article, Entity, Event, TimeExpression


def events_from_doc(doc: Doc, article: Article, entities: list[Entity], times: list[TimeExpression]) -> list[Event]:
    return []

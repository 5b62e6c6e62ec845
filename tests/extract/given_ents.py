"""Docs whose NER spans a test gives by hand, so that rules are tested apart from the model."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def doc_with_ents(nlp: Language, text: str, *ents: tuple[str, str]) -> Doc:
    """``nlp(text)`` with ``doc.ents`` set to ``ents``: ``(phrase, NKJP label)`` in reading order."""
    doc = nlp(text)
    spans, at = [], 0
    for phrase, label in ents:
        start = text.index(phrase, at)
        spans.append(doc.char_span(start, start + len(phrase), label=label))
        at = start + len(phrase)
    doc.ents = spans
    return doc

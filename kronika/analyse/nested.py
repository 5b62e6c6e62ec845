"""Nested named entities, as the NKJP NE layer annotates them.

Two trained NER components share the work: ``ner_inner`` finds the entities nested inside
others (``persName_forename``, ``persName_surname``, a ``placeName_settlement`` inside an
``orgName`` ...), ``ner`` the outer ones. ``NestedEntityStash`` moves the inner entities aside
(``doc.spans["nkjp_inner"]``) before ``ner`` fills ``doc.ents``; ``NestedEntityMerge`` then puts
all of them, outer and inner, in ``doc.spans["nkjp_ner"]`` with PolEval 2018 labels.
"""
from __future__ import annotations

from spacy.tokens import Doc

INNER_KEY = "nkjp_inner"
ALL_KEY = "nkjp_ner"


class NestedEntityStash:
    def __call__(self, doc: Doc) -> Doc:
        doc.spans[INNER_KEY] = list(doc.ents)
        doc.set_ents([], default="missing")
        return doc


class NestedEntityMerge:
    def __call__(self, doc: Doc) -> Doc:
        inner = [s for s in doc.spans.get(INNER_KEY, []) if _inside_outer(doc, s.start, s.end)]
        doc.spans[ALL_KEY] = sorted(list(doc.ents) + inner, key=lambda s: (s.start, -s.end))
        return doc


def _inside_outer(doc: Doc, start: int, end: int) -> bool:
    """An inner entity only stands inside an outer one (NKJP nests, it does not overlap)."""
    return any(e.start <= start and end <= e.end for e in doc.ents)

"""Morfeusz 2 (SGJP) analyses on every token, exposed through spaCy extensions.

``token._.morfeusz``          tuple of :class:`Interpretation` (every reading Morfeusz gives)
``token._.lemma_candidates``  the distinct lemmas of those readings, in Morfeusz's order
``token._.is_known``          True when Morfeusz knows the form (some reading is not ``ign``)
``token._.name_types``        proper-name qualifiers of the readings (``imię``, ``nazwisko``,
                              ``nazwa_geograficzna``, ``nazwa_organizacji`` ...)

Morfeusz analyses a string as a DAG of segments and may cut one spaCy token's text differently
(``m.in.`` is ``m.in`` + ``.``; ``zrobiłem`` is ``zrobił`` + ``em``). kronika analyses each
whitespace-delimited chunk of the text (the tokens glued together with no space between) so that
``r`` in ``2022 r.`` is read as the abbreviation and ``em`` in ``zrobił|em`` as the agglutinate,
and gives a token the readings of the DAG edges whose span is exactly the token's. A token that no
single edge covers (a word kept whole that Morfeusz cuts, such as ``F-16``) is analysed
alone; if Morfeusz still cuts it, it gets one unknown (``ign``) reading.

The extensions are getters over a per-process LRU cache keyed by the chunk: nothing is stored in
the Doc, so Docs serialise and cross process boundaries unchanged. The ``kronika_morfeusz``
component analyses every chunk as the Doc passes, so the cost is paid (and measured) in the
pipeline, and can set ``token.lemma_`` from Morfeusz where no lemma is set yet.
"""
from __future__ import annotations

import os
from collections import Counter
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

import morfeusz2
from spacy.tokens import Doc, Token

CACHE_SIZE = 1 << 16
UNKNOWN_TAG = "ign"
# Morfeusz's qualifier for common nouns; every other qualifier in the 4th field names a proper name.
COMMON_NOUN = "nazwa_pospolita"


class Interpretation(NamedTuple):
    """One Morfeusz reading of a token."""

    lemma: str  # without the homonym mark; "_" in multi-word lemmas becomes a space
    tag: str  # one full NKJP tag (Morfeusz's dotted alternatives expanded)
    name_types: tuple[str, ...]  # proper-name qualifiers: "imię", "nazwa_geograficzna" ...
    labels: tuple[str, ...]  # usage labels: "pot.", "daw.", "hom." ...
    sense: str = ""  # the homonym mark stripped from the lemma: "s1", "Sf", "A" ...


class Edge(NamedTuple):
    """One segment of Morfeusz's DAG, with character offsets into the analysed string."""

    start: int
    end: int
    text: str
    reading: Interpretation


_instance: tuple[int, morfeusz2.Morfeusz] | None = None


def morfeusz() -> morfeusz2.Morfeusz:
    """This process's Morfeusz (created on first use: the object cannot be pickled or shared)."""
    global _instance
    if _instance is None or _instance[0] != os.getpid():
        _instance = (os.getpid(), morfeusz2.Morfeusz(expand_tags=True, generate=False))
    return _instance[1]


def _interpretation(lemma: str, tag: str, names: list[str], labels: list[str]) -> Interpretation:
    base, _, sense = lemma.partition(":")
    if not base:  # the lemma of ":" or ":)" is no homonym mark
        base, sense = lemma, ""
    name_types = tuple(n.replace(" ", "_") for n in names if n.replace(" ", "_") != COMMON_NOUN)
    return Interpretation(base.replace("_", " "), tag, name_types, tuple(labels), sense)


@lru_cache(maxsize=CACHE_SIZE)
def analyse(text: str) -> tuple[Edge, ...]:
    """Morfeusz's DAG for ``text`` (no whitespace inside), edges with character offsets.

    Empty when the segments' forms do not add up to ``text`` (they always should).
    """
    offsets = {0: 0}
    edges = []
    for start, end, (orth, lemma, tag, names, labels) in sorted(morfeusz().analyse(text), key=_start):
        if start not in offsets:
            return ()
        offsets[end] = offsets[start] + len(orth)
        edges.append(Edge(offsets[start], offsets[end], orth, _interpretation(lemma, tag, names, labels)))
    return tuple(edges) if max(offsets.values()) == len(text) else ()


def _start(edge: tuple) -> int:
    return edge[0]


def whole_readings(text: str) -> tuple[Interpretation, ...]:
    """The readings of ``text`` as one segment (empty when Morfeusz cuts it)."""
    return tuple(e.reading for e in analyse(text) if e.start == 0 and e.end == len(text))


@lru_cache(maxsize=4096)
def first_segment_readings(text: str, length: int, tags: tuple[str, ...]) -> tuple[Interpretation, ...]:
    """The readings, of a class in ``tags``, that Morfeusz gives the first ``length`` characters
    of ``text`` read within it: ``ul`` in ``ul.`` (brev), ``biało`` in ``biało-czerwony`` (adja)."""
    return tuple(e.reading for e in analyse(text) if e.start == 0 and e.end == length and e.reading.tag.startswith(tags))


@lru_cache(maxsize=CACHE_SIZE)
def common_word(text: str) -> bool:
    """Whether SGJP reads the text as a common word too (a lower-case lemma without a name's
    qualifier: ``Polityka``, ``Fakty``), so that capitalised at a sentence's start it names nothing."""
    return any(r.tag != UNKNOWN_TAG and r.lemma[:1].islower() and not r.labels for r in whole_readings(text))


def _chunk_readings(chunk: str, spans: tuple[tuple[int, int], ...]) -> tuple[tuple[Interpretation, ...], ...]:
    edges = analyse(chunk)
    return tuple(_span_readings(edges, chunk, start, end) for start, end in spans)


def _span_readings(edges: tuple[Edge, ...], chunk: str, start: int, end: int) -> tuple[Interpretation, ...]:
    readings = tuple(e.reading for e in edges if e.start == start and e.end == end)
    if readings:
        return readings
    text = chunk[start:end]
    return whole_readings(text) or (Interpretation(text, UNKNOWN_TAG, (), ()),)


def glued(doc: Doc, i: int) -> bool:
    """Whether tokens ``i`` and ``i + 1`` are written with no whitespace between them."""
    return i + 1 < len(doc) and not doc[i].whitespace_ and not doc[i].is_space and not doc[i + 1].is_space


def _chunk(token: Token) -> tuple[int, int]:
    """Indices [first, last] of the tokens glued to ``token`` with no whitespace between."""
    doc = token.doc
    first = token.i
    while first > 0 and glued(doc, first - 1):
        first -= 1
    last = token.i
    while glued(doc, last):
        last += 1
    return first, last


def token_readings(token: Token) -> tuple[Interpretation, ...]:
    """Getter of ``token._.morfeusz``."""
    if token.is_space:
        return ()
    first, last = _chunk(token)
    return _readings(token.doc, first, last)[token.i - first]


def _readings(doc: Doc, first: int, last: int) -> tuple[tuple[Interpretation, ...], ...]:
    """The readings of tokens ``first`` to ``last``, glued into one chunk."""
    texts = [t.text for t in doc[first : last + 1]]
    ends = list(accumulate(map(len, texts)))
    return _chunk_readings("".join(texts), tuple(zip([0, *ends[:-1]], ends)))


def lemma_candidates(token: Token) -> tuple[str, ...]:
    return tuple(dict.fromkeys(r.lemma for r in token._.morfeusz))


def is_known(token: Token) -> bool:
    return any(r.tag != UNKNOWN_TAG for r in token._.morfeusz)


def name_types(token: Token) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n for r in token._.morfeusz for n in r.name_types))


def register_extensions() -> None:
    """Declare the ``token._`` attributes above (once per process)."""
    getters = {
        "morfeusz": token_readings,
        "lemma_candidates": lemma_candidates,
        "is_known": is_known,
        "name_types": name_types,
    }
    for name, getter in getters.items():
        if not Token.has_extension(name):
            Token.set_extension(name, getter=getter)


def likely_lemma(text: str, readings: tuple[Interpretation, ...]) -> str:
    """A crude lemma guess for pipelines without a lemmatizer: the form itself where it is a
    candidate, else the lemma shared by most readings."""
    lemmas = Counter(r.lemma for r in readings)
    for form in (text, text.lower()):
        if form in lemmas:
            return form
    return lemmas.most_common(1)[0][0]


class MorfeuszAnalyser:
    """The ``kronika_morfeusz`` component: analyses every chunk of the Doc with Morfeusz.

    ``set_lemmas``: give tokens that have no lemma yet a lemma guessed from Morfeusz
    (for the rule-only pipeline; a trained lemmatizer after this component would not overwrite it).
    """

    def __init__(self, set_lemmas: bool = False):
        register_extensions()
        self.set_lemmas = set_lemmas

    def __call__(self, doc: Doc) -> Doc:
        first = 0
        for token in doc:
            if glued(doc, token.i):
                continue
            if not token.is_space:
                readings = _readings(doc, first, token.i)
                if self.set_lemmas:
                    self._set_lemmas(doc[first : token.i + 1], readings)
            first = token.i + 1
        return doc

    @staticmethod
    def _set_lemmas(tokens, readings) -> None:
        for token, token_readings_ in zip(tokens, readings):
            if not token.lemma and token_readings_:
                token.lemma_ = likely_lemma(token.text, token_readings_)


# The extensions are getters over the cache, usable on any Doc, with or without the component.
register_extensions()

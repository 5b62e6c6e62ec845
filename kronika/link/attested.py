"""Base forms the batch attests: a guessed base form gives way to one the articles write.

A foreign name Morfeusz does not know gets its base form from guessed endings, and a guess can
be wrong where the name could be read two ways (``Tony Blair`` as the genitive of a ``Tona``,
``Fiona`` of a ``Fion``). Across a batch, one entity's mentions usually include its nominative as
written: a base form no article writes yields to one the batch writes, of the same entity,
with as many words, each the mention's word as written or that word less an ending of at most
:data:`MAX_ENDING` letters and one more vowel (``Tony Blair``: ``Tona Blair`` -> ``Tony Blair``;
``Marka Zuckerberga``: ``Marek Zuckerberg`` -> ``Mark Zuckerberg``).

Run it after :func:`kronika.link.corpus.link_across`: one entity, one corpus id.
"""
from __future__ import annotations

import os
from collections import Counter, defaultdict
from typing import Sequence

from ..model import Analysis
from .corpus import renamed
from .names import entity_id

__all__ = ["attested_bases"]

MAX_ENDING = 4  # letters of a case ending (Qamar-owi, Udajpu-rze)
VOWELS = frozenset("aeiouyąęó")


def attested_bases(analyses: Sequence[Analysis]) -> list[Analysis]:
    """The analyses with unattested base forms replaced by attested ones of the same entity."""
    written = Counter(m.text for a in analyses for e in a.entities for m in e.mentions)
    bases: dict[str, Counter] = defaultdict(Counter)
    for analysis in analyses:
        for entity in analysis.entities:
            for mention in entity.mentions:
                if mention.kind == "name" and mention.base and written[mention.base]:
                    bases[entity.id][mention.base] += 1
    replacements = {}
    for analysis in analyses:
        for entity in analysis.entities:
            for mention in entity.mentions:
                base = mention.base
                if mention.kind == "name" and base and not written[base] and (entity.id, base) not in replacements:
                    replacements[entity.id, base] = _attested(mention.text, base, bases[entity.id])
    if not any(replacements.values()):
        return list(analyses)
    rebased = [_rebased(analysis, replacements) for analysis in analyses]
    ids = {old: entity_id(kind, name) for (old, base), name in replacements.items() if name
           and (kind := old.split(":", 1)[0]) and old == entity_id(kind, base)}
    names = {new: name for (old, _), name in replacements.items() if name and (new := ids.get(old))}
    return [renamed(analysis, ids, names) for analysis in rebased]


def _attested(text: str, base: str, attested: Counter) -> str | None:
    """The most frequent attested base of the entity that the written ``text`` may inflect, word
    for word."""
    words = text.split()
    like = [
        (n, other) for other, n in attested.items()
        if other != base and len(other.split()) == len(words)
        and all(_inflects(word, nominative) for word, nominative in zip(words, other.split()))
    ]
    return max(like)[1] if like else None


def _inflects(word: str, nominative: str) -> bool:
    """``word`` may be a case form of ``nominative``: the same but for an ending (``Marka``,
    ``Mark``; ``Bajwie``, ``Bajwa``; ``Tony``, ``Tony``)."""
    if word == nominative:
        return True
    stem = len(os.path.commonprefix([word, nominative]))
    ending = nominative[stem:]  # a nominative ends in a vowel or the stem: Bajw-a, Mark
    return stem >= max(len(nominative) - 1, 2) and len(word) - stem <= MAX_ENDING and all(c in VOWELS for c in ending)


def _rebased(analysis: Analysis, replacements: dict[tuple[str, str], str | None]) -> Analysis:
    entities = []
    for entity in analysis.entities:
        mentions = [
            m.model_copy(update={"base": new}) if (new := replacements.get((entity.id, m.base))) else m
            for m in entity.mentions
        ]
        name = replacements.get((entity.id, entity.name)) or entity.name
        entities.append(entity.model_copy(update={"mentions": mentions, "name": name}))
    return analysis.model_copy(update={"entities": entities})

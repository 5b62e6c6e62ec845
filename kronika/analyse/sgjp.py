"""The SGJP dictionary through Morfeusz 2: one cached analyser per process.

``analyse(word)`` gives the interpretations of a single word form, as a tuple of
:class:`Interpretation` (lemma without its homonym mark, NKJP/SGJP tag with dotted alternatives,
name qualifiers such as ``nazwisko`` or ``nazwa_geograficzna``). ``expand_tag`` spells out
dotted alternatives: ``adj:sg:nom.voc:m1.m2:pos`` -> ``adj:sg:nom:m1:pos``, ``adj:sg:nom:m2:pos`` ...
"""
from __future__ import annotations

import itertools
from functools import lru_cache
from typing import NamedTuple

import morfeusz2


class Interpretation(NamedTuple):
    lemma: str  # "on" for Morfeusz's "on:S"
    tag: str
    name_types: tuple[str, ...]
    labels: tuple[str, ...]
    homonym: str  # the mark after ":" in Morfeusz's lemma, "" if none
    start: int  # segment nodes in Morfeusz's analysis DAG of the word
    end: int


_morfeusz: morfeusz2.Morfeusz | None = None


def morfeusz() -> morfeusz2.Morfeusz:
    """The process's Morfeusz instance (created on first use: it cannot be pickled)."""
    global _morfeusz
    if _morfeusz is None:
        _morfeusz = morfeusz2.Morfeusz(generate=False)
    return _morfeusz


@lru_cache(maxsize=300_000)
def analyse(word: str) -> tuple[Interpretation, ...]:
    """All interpretations of every segment of ``word`` (most words have one segment)."""
    result = []
    for start, end, (_, lemma, tag, names, labels) in morfeusz().analyse(word):
        base, _, homonym = lemma.partition(":") if len(lemma) > 1 else (lemma, "", "")
        result.append(Interpretation(base or lemma, tag, tuple(names), tuple(labels), homonym, start, end))
    return tuple(result)


def whole_word(word: str) -> tuple[Interpretation, ...]:
    """Interpretations of ``word`` as a single segment (empty if Morfeusz splits it or does not know it)."""
    return tuple(i for i in analyse(word) if i.start == 0 and i.end == 1 and i.tag != "ign"
                 and not any(j.start >= 1 for j in analyse(word)))


@lru_cache(maxsize=50_000)
def expand_tag(tag: str) -> tuple[str, ...]:
    return tuple(":".join(parts) for parts in itertools.product(*(f.split(".") for f in tag.split(":"))))

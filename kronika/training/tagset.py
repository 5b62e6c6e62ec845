"""Bring NKJP tags of the older tagset (NKJP 1M, UD LFG) to the one UD PDB and Morfeusz 2 use.

The newer SGJP/NKJP tagset renames ``qub`` to ``part`` and marks neuter nouns and some numerals
as collective or not (``subst:sg:nom:n:ncol``, ``:col``, ``:pt``). The collective mark comes from
Morfeusz: the interpretation with the same lemma, part of speech, number and case gives it. A few
function words change class by convention (``kronika/lang/pl/tag_conventions.txt``: "jako",
"niż", "więc" are ``comp`` in PDB). Digit strings keep their NKJP tag (``num``, ``adj`` ...):
PDB tags most of them so too, not ``dig``.
"""
from __future__ import annotations

from functools import lru_cache

COLLECTIVE_MARKS = ("col", "ncol", "pt")

from ..analyse.morfeusz import whole_readings
from ..lang.pl import feature_conventions, tag_conventions

def _compatible(fields: list[str], candidate: list[str]) -> bool:
    """Whether an old tag's fields begin the (longer or equal) Morfeusz tag."""
    return candidate[: len(fields)] == fields


@lru_cache(maxsize=100_000)
def collective_mark(orth: str, lemma: str, tag: str) -> str | None:
    fields = tag.split(":")
    for reading in whole_readings(orth):
        candidate = reading.tag.split(":")
        if reading.lemma == lemma and _compatible(fields, candidate):
            extra = [c for c in candidate[len(fields):] if c in COLLECTIVE_MARKS]
            if extra:
                return extra[0]
    return None


def modernise_tag(orth: str, lemma: str, tag: str) -> str:
    fields = tag.split(":")
    pos = fields[0]
    if pos == "qub":
        return "part"
    changed = tag_conventions().get((lemma, pos))
    if changed:
        return changed
    if pos in ("subst", "num", "depr") and fields[-1] not in COLLECTIVE_MARKS:
        mark = collective_mark(orth, lemma, tag)
        if mark is None and pos == "subst" and fields[3:4] == ["n"]:
            mark = "ncol"
        if mark:
            return f"{tag}:{mark}"
    return tag


def modernise_feats(form: str, xpos: str, feats: str | None) -> str | None:
    """UD features of the older training sets in the conventions of UD PDB 2.x
    (``kronika/lang/pl/feature_conventions.txt``): ``-`` PunctType=Dash, no Pun or Clitic, the
    past tense VerbForm=Fin|Mood=Ind, masculine animacy as Animacy (not LFG's SubGender), no
    NumType=Card on an indefinite numeral, NumType=Sets on a collective noun."""
    if not feats or feats == "_":
        return feats
    values = dict(kv.split("=", 1) for kv in feats.split("|"))
    attributes = xpos.split(":")
    for kind, orth, old, new, also in feature_conventions():
        name, value = old.split("=", 1) if old != "*" else (None, None)
        if (kind == "*" or _has_class_and_attributes(attributes, kind.split(":"))) and orth in ("*", form) and (
                name is None or values.get(name) == value) and (
                not also or values.get(also.split("=")[0]) == also.split("=")[1]):
            values.pop(name, None)
            values.update(kv.split("=", 1) for kv in new.split("|") if kv)
    return "|".join(f"{k}={v}" for k, v in sorted(values.items(), key=lambda kv: kv[0].lower())) or "_"


def _has_class_and_attributes(attributes: list[str], wanted: list[str]) -> bool:
    """Whether a tag's ``attributes`` are of the class ``wanted[0]`` and have the rest of ``wanted``."""
    return attributes[0] == wanted[0] and set(wanted[1:]) <= set(attributes[1:])

"""Names a batch knows, found again where the model missed them.

A name the model recognised, written the same way, in several articles of a batch (``Nigel
Farage``, ``Irlandią Północną``, ``Leave.EU``) is a known name, as in EMM NewsExplorer's name
database: wherever else the batch writes that form and the model saw nothing there, it is a
mention of the same entity. A one-off mention that is nothing but known names side by side
(``UKIP Nigel Farage`` read as one organisation) is split into them.

Run it after :func:`kronika.link.corpus.link_across`, so the known forms carry corpus ids.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from ..model import Analysis, Entity, Mention

__all__ = ["KnownForm", "known_forms", "recall_known_names", "recall_names", "is_known"]

MIN_ARTICLES = 2  # a form recognised in so many articles is known
AGREEMENT = 0.75  # ... if this share of them give it one entity
WELL_KNOWN = 3  # an entity named in so many articles has all its forms known, even rare ones
RARE_FORM_LENGTH = 4  # ... if they have at least so many characters
RECALLED_KINDS = frozenset({"name", "demonym"})


@dataclass(frozen=True)
class KnownForm:
    entity: Entity  # the entity as one of the batch's articles has it, without mentions
    base: str
    kind: str


def recall_known_names(analyses: Sequence[Analysis]) -> list[Analysis]:
    """The analyses with the batch's known names added where the model missed them."""
    known = known_forms(analyses)
    if not known:
        return list(analyses)
    pattern = _pattern(known)
    return [_recalled(analysis, known, pattern) for analysis in analyses]


def recall_names(analysis: Analysis, known: dict[str, KnownForm]) -> Analysis:
    """One analysis with ``known`` names (from a store) added where the model missed them. Its
    mentions are not split into known names: what is a one-off is only known of a whole batch."""
    return _recalled(analysis, known, _pattern(known), split=False) if known else analysis


def is_known(articles_by_entity: Counter, form: str = "", naming: Mapping[str, int] | None = None) -> str | None:
    """The entity ``form`` is known as, given in how many articles each entity has it (and in how
    many articles each entity is named at all, ``naming``), or None."""
    if not articles_by_entity:
        return None
    (entity_id, n), total = articles_by_entity.most_common(1)[0], sum(articles_by_entity.values())
    if n >= MIN_ARTICLES and n >= AGREEMENT * total:
        return entity_id
    if naming and len(articles_by_entity) == 1 and len(form) >= RARE_FORM_LENGTH and naming.get(entity_id, 0) >= WELL_KNOWN:
        return entity_id  # a rarer form of a well-known entity that no other entity has
    return None


def known_forms(analyses: Iterable[Analysis]) -> dict[str, KnownForm]:
    """Surface form -> its entity, for the forms the batch recognises in several articles as one
    entity, and for the rarer forms (one article is enough) of an entity that at least
    :data:`WELL_KNOWN` articles name, if no other entity ever has them (``Farage'a``, seen once,
    of Nigel Farage, named everywhere)."""
    articles: dict[str, Counter] = defaultdict(Counter)
    readings: dict[tuple[str, str], Counter] = defaultdict(Counter)
    entities: dict[str, Entity] = {}
    naming: Counter = Counter()  # entity id -> articles naming it
    for analysis in analyses:
        seen = set()
        for entity in analysis.entities:
            entities.setdefault(entity.id, entity.model_copy(update={"mentions": []}))
            for mention in entity.mentions:
                if mention.kind in RECALLED_KINDS and name_like(mention.text):
                    seen.add((mention.text, entity.id))
                    readings[mention.text, entity.id][(mention.base or mention.text, mention.kind)] += 1
        for form, entity_id in seen:
            articles[form][entity_id] += 1
        naming.update({entity_id for _, entity_id in seen})
    known = {}
    for form, ids in articles.items():
        entity_id = is_known(ids, form, naming)
        if entity_id is not None:
            base, kind = readings[form, entity_id].most_common(1)[0][0]
            known[form] = KnownForm(entities[entity_id], base, kind)
    return known


def name_like(form: str) -> bool:
    return len(form) >= 2 and form[0].isupper() and form == form.strip()


def _pattern(known: dict[str, KnownForm]) -> re.Pattern:
    forms = sorted(known, key=len, reverse=True)
    return re.compile(r"(?<![\w.'’-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w'’-]|\.\w)")


def _recalled(analysis: Analysis, known: dict[str, KnownForm], pattern: re.Pattern, split: bool = True) -> Analysis:
    text = analysis.article.text
    found = [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]
    if not found:
        return analysis
    entities = {e.id: e.model_copy(update={"mentions": list(e.mentions)}) for e in analysis.entities}
    if split:
        _split_one_offs(entities, found, known, _referenced(analysis))
    taken = sorted((m.start, m.end) for e in entities.values() for m in e.mentions)
    for start, end, form in found:
        if any(s < end and start < e for s, e in taken):
            continue
        reading = known[form]
        entity = entities.setdefault(reading.entity.id, reading.entity.model_copy(update={"mentions": []}))
        entity.mentions.append(Mention(start=start, end=end, text=form, base=reading.base, kind=reading.kind))
        taken.append((start, end))
    for entity in entities.values():
        entity.mentions.sort(key=lambda m: m.start)
    return analysis.model_copy(update={"entities": [e for e in entities.values() if e.mentions]})


def _split_one_offs(
    entities: dict[str, Entity], found: list[tuple[int, int, str]], known: dict[str, KnownForm], keep: set[str]
) -> None:
    """Drop the mentions the batch does not know that known names cover word for word, two or more
    of them (``UKIP Nigel Farage``): the known names then take their place."""
    for entity in entities.values():
        for mention in list(entity.mentions):
            if mention.text in known:
                continue
            inside = [(s, e) for s, e, _ in found if mention.start <= s and e <= mention.end]
            if len(inside) < 2 or not _covered(mention, inside):
                continue
            if len(entity.mentions) == 1 and entity.id in keep:
                continue
            entity.mentions.remove(mention)


def _covered(mention: Mention, pieces: list[tuple[int, int]]) -> bool:
    """The known names leave nothing but spaces of the mention uncovered."""
    rest = list(mention.text)
    for start, end in pieces:
        rest[start - mention.start:end - mention.start] = " " * (end - start)
    return not "".join(rest).strip()


def _referenced(analysis: Analysis) -> set[str]:
    """Entity ids that quotes and events point to."""
    ids = {q.speaker for q in analysis.quotes if q.speaker}
    for event in analysis.events:
        ids.update(a.entity for a in [*event.actor, *event.recipient] if a.entity)
    return ids

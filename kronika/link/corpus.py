"""Ids across articles: :func:`link_across` gives a batch of analyses corpus-wide entity ids.

Within an article, ids already follow the scheme of :mod:`kronika.link.names`, so the same full
name, state or organisation has the same id in every article. Across a batch:

- full names of one person with variant or fewer first names (``Władimir``, ``Vladimir Putin``;
  ``Asia Bibi``, ``Aasiya Noreen Bibi``) take one id, the most frequent one's;
- a person named by the surname alone (``PER:tokajew``) takes the id of the one person of the
  batch with that surname and a full name (``PER:kasym-żomart-tokajew``); with two such people
  (``Lech``, ``Jarosław Kaczyński``) it keeps its own; a first name alone, likewise (``Jezus``);
- an entity whose name most of the batch's articles give another type takes the id of that
  type (``Lahore`` read as a person in one article, as a place in most);
- an entity named by an acronym takes the id of the entity with a longer name that has the
  acronym as an alias in most of the batch's articles where one has (``UKIP`` where other
  articles wrote ``UKIP`` and ``Partia Niepodległości Wielkiej Brytanii``).

Quote speakers and event actors that name an entity follow its new id. A store linking a whole
corpus does the same with what it holds.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Sequence

from ..model import Analysis, Entity
from .groups import settled
from .names import close, entity_id, first_name_key, is_acronym, known, same_first_name

__all__ = ["corpus_ids", "link_across"]

PERSON = "PER"
PLACES = frozenset({"GPE", "LOC", "FAC"})
VOTING = frozenset({PERSON, "ORG", *PLACES})


def link_across(analyses: Sequence[Analysis]) -> list[Analysis]:
    """The analyses with corpus-wide entity ids (new objects; the inputs are left as they are)."""
    entities = [e for a in analyses for e in a.entities]
    ids = corpus_ids(entities)
    names = {}
    for entity in entities:  # the name of the entity that gives its id to others
        names.setdefault(entity.id, entity.name)
    return [_renamed(a, ids, names) for a in analyses]


def corpus_ids(entities: Sequence[Entity]) -> dict[str, str]:
    """Old id -> corpus id, for the ids that change."""
    ids = {**_types(entities), **_full_names(entities), **_aliases(entities)}
    people = [e for e in entities if e.type == PERSON]
    ids.update(_surnames(people, ids))
    return {old: _final(new, ids) for old, new in ids.items() if _final(new, ids) != old}


def _final(id_: str, ids: dict[str, str]) -> str:
    seen = set()
    while id_ in ids and id_ not in seen:
        seen.add(id_)
        id_ = ids[id_]
    return id_


def _person_key(entity: Entity) -> tuple[str, tuple[str, ...]] | None:
    """(surname, first names) of a person with a full name, else None."""
    words = entity.name.split()
    if len(words) < 2:
        return None
    return words[-1].lower(), tuple(words[:-1])


def _full_names(entities: Sequence[Entity]) -> dict[str, str]:
    """Full names of one person spelt or given differently (``Władimir``, ``Vladimir Putin``;
    ``Asia Bibi``, ``Aasiya Noreen Bibi``) -> the most frequent one's id. A name joins the names
    with as many first names that are its own or close, and a fuller name whose first names
    include its own unless two fuller ones that differ do."""
    counts = Counter(e.id for e in entities if e.type == PERSON)
    keys = {e.id: k for e in entities if e.type == PERSON and (k := _person_key(e)) is not None}
    parent = {i: i for i in keys}

    def root(i: str) -> str:
        while parent[i] != i:
            i = parent[i]
        return i

    for a, (surname, first) in keys.items():
        wider = [b for b, (s, f) in keys.items() if b != a and _same_surname(surname, first, s, f) and _within(first, f)]
        for b in wider:  # as many first names: variants of one name (Theresa, Theresy, Teresa May)
            if len(keys[b][1]) == len(first):
                parent[root(a)] = root(b)
        wider = [b for b in wider if len(keys[b][1]) > len(first)]
        widest = max(wider, key=lambda b: len(keys[b][1]), default=None)
        if widest is not None and all(_within(keys[b][1], keys[widest][1]) for b in wider):
            parent[root(a)] = root(widest)
    clusters: dict[str, list[str]] = defaultdict(list)
    for i in sorted(keys):
        clusters[root(i)].append(i)
    ids = {}
    for same in clusters.values():
        best = max(same, key=lambda i: counts[i])
        ids.update({i: best for i in same if i != best})
    return ids


def _within(first: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Each first name is one of the other's, or close to one (``Asii``, ``Asia``)."""
    return all(any(same_first_name(f, o, loose=True) for o in other) for f in first)


def _same_surname(surname: str, first: tuple[str, ...], other: str, other_first: tuple[str, ...]) -> bool:
    """The same surname; or one the lemmatizer may have read apart (``Bibi``, ``Biba``) with the
    same first names or unknown to Morfeusz; or a middle name of the other (``Asia Noreen``,
    ``Aasiya Noreen Bibi``)."""
    if surname == other or any(same_first_name(surname, o) for o in other_first):
        return True
    same_first = _within(first, other_first) and _within(other_first, first)
    return close(surname, other) and (same_first or not (known(surname) and known(other)))


def _surnames(people: Sequence[Entity], ids: dict[str, str]) -> dict[str, str]:
    """One-word names -> the one full-name person of the batch with that surname, else with
    that first name (``Jezus``, ``Jezus Chrystus``)."""
    surnames: dict[str, set[str]] = defaultdict(set)
    first_names: dict[str, set[str]] = defaultdict(set)
    for e in people:
        words = e.name.split()
        if len(words) > 1:
            surnames[words[-1].lower()].add(_final(e.id, ids))
            first_names[first_name_key(words[0])].add(_final(e.id, ids))
    out = {}
    for e in people:
        words = e.name.split()
        if len(words) != 1:
            continue
        found = surnames.get(words[0].lower()) or first_names.get(first_name_key(words[0]), set())
        if len(found) == 1:
            out[e.id] = next(iter(found))
    return out


def _types(entities: Sequence[Entity]) -> dict[str, str]:
    """Entities of one name typed otherwise than in most of the batch's articles (``Lahore`` read
    as a person in one, a place in five) -> the id the name has with that type, the most frequent
    one (places of any kind counting as one type, so ``LOC:pendżab`` goes to ``GPE:pendżab``
    too; states and organisations with codes left out)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    ids: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for e in entities:
        if e.type not in VOTING or e.id != entity_id(e.type, e.name):
            continue  # coded: GPE:PAK
        kind = _class(e.type)
        votes[e.name.lower()][kind] += 1
        ids[e.name.lower(), kind][e.id] += 1
    out = {}
    for e in entities:
        counts = votes.get(e.name.lower())
        if not counts or e.id not in ids.get((e.name.lower(), _class(e.type)), ()):
            continue
        best, n = counts.most_common(1)[0]
        if best != _class(e.type) and n * 2 > sum(counts.values()):
            out[e.id] = ids[e.name.lower(), best].most_common(1)[0][0]
        elif best == _class(e.type) and len(ids[e.name.lower(), best]) > 1:  # GPE:pendżab, LOC:pendżab
            out[e.id] = ids[e.name.lower(), best].most_common(1)[0][0]
    return {old: new for old, new in out.items() if old != new}


def _class(kind: str) -> str:
    return "PLACE" if kind in PLACES else kind


def _aliases(entities: Sequence[Entity]) -> dict[str, str]:
    """Entities named by an acronym (not people) -> the entity with a longer name that has the
    acronym as an alias most often in the batch, if more than half of those do (``UKIP``)."""
    owners: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for e in entities:
        if e.type != PERSON:
            for alias in e.aliases:
                if is_acronym(alias) and len(alias) < len(e.name):
                    owners[e.type, alias.lower()][e.id] += 1
    out = {}
    for e in entities:
        counts = owners.get((e.type, e.name.lower()), Counter())
        if e.type == PERSON or not is_acronym(e.name) or not counts:
            continue
        best, n = counts.most_common(1)[0]
        if best != e.id and n * 2 > sum(counts.values()):
            out[e.id] = best
    return out


def _renamed(analysis: Analysis, ids: dict[str, str], names: dict[str, str]) -> Analysis:
    """A copy of the analysis with entity ids (and the speakers and actors naming them) renamed;
    entities that come to share an id become one; a person's base forms follow the name of the
    person whose id it takes (``Asia Biba`` -> ``Asia Bibi``)."""
    if not any(e.id in ids for e in analysis.entities):
        return analysis.model_copy(deep=True)
    merged: dict[str, Entity] = {}
    for entity in analysis.entities:
        new = ids.get(entity.id, entity.id)
        kind = new.split(":", 1)[0] if new != entity.id else entity.type  # ids begin with the type
        if entity.type == PERSON and kind == PERSON and new != entity.id:
            entity = _settled(entity, names[new])
        if new in merged:
            same = merged[new]
            same.mentions = sorted(same.mentions + entity.mentions, key=lambda m: m.start)
            same.aliases += [a for a in [entity.name, *entity.aliases] if a not in same.aliases and a != same.name]
        else:
            merged[new] = entity.model_copy(deep=True, update={"id": new, "type": kind})
    quotes = [
        q.model_copy(update={"speaker": ids.get(q.speaker, q.speaker)}) if q.speaker in ids else q for q in analysis.quotes
    ]
    events = [_renamed_event(e, ids) for e in analysis.events]
    return analysis.model_copy(update={"entities": list(merged.values()), "quotes": quotes, "events": events})


def _settled(entity: Entity, name: str) -> Entity:
    mentions = [
        m.model_copy(update={"base": settled(m.text, m.base or m.text, name)})
        if getattr(m, "kind", "name") == "name" else m
        for m in entity.mentions
    ]
    return entity.model_copy(update={"name": settled(entity.name, entity.name, name), "mentions": mentions})


def _renamed_event(event, ids: dict[str, str]):
    def rename(actors):
        return [a.model_copy(update={"entity": ids[a.entity]}) if a.entity in ids else a for a in actors]

    return event.model_copy(update={"actor": rename(event.actor), "recipient": rename(event.recipient)})

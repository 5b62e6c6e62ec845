"""Ids across articles: :func:`link_across` gives a batch of analyses corpus-wide entity ids.

Within an article, ids already follow the scheme of :mod:`kronika.link.names`, so the same full
name, state or organisation has the same id in every article. Across a batch:

- a person named by the surname alone (``PER:tokajew``) takes the id of the one person of the
  batch with that surname and a full name (``PER:kasym-żomart-tokajew``); with two such people
  (``Lech``, ``Jarosław Kaczyński``) it keeps its own;
- full names of one person with variant first names (``Władimir``, ``Vladimir Putin``) take one id,
  the most frequent one's;
- any other entity whose name is an alias of exactly one other entity with a longer name takes
  that id (``UKIP`` where another article wrote ``UKIP`` and ``Partia Niepodległości Wielkiej
  Brytanii``).

Quote speakers and event actors that name an entity follow its new id. A store linking a whole
corpus does the same with what it holds.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Sequence

from ..model import Analysis, Entity
from .names import first_name_key

__all__ = ["corpus_ids", "link_across"]

PERSON = "PER"


def link_across(analyses: Sequence[Analysis]) -> list[Analysis]:
    """The analyses with corpus-wide entity ids (new objects; the inputs are left as they are)."""
    entities = [e for a in analyses for e in a.entities]
    ids = corpus_ids(entities)
    return [_renamed(a, ids) for a in analyses]


def corpus_ids(entities: Sequence[Entity]) -> dict[str, str]:
    """Old id -> corpus id, for the ids that change."""
    ids = {**_full_names(entities), **_aliases(entities)}
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
    words = entity.name.split()
    if len(words) < 2:
        return None
    return words[-1].lower(), tuple(first_name_key(w) for w in words[:-1])


def _full_names(entities: Sequence[Entity]) -> dict[str, str]:
    """Full names of one person spelt differently -> the most frequent one's id."""
    counts = Counter(e.id for e in entities if e.type == PERSON)
    by_key: dict[tuple, set[str]] = defaultdict(set)
    for e in entities:
        key = _person_key(e) if e.type == PERSON else None
        if key is not None:
            by_key[key].add(e.id)
    ids = {}
    for same in by_key.values():
        best = max(sorted(same), key=lambda i: counts[i])
        ids.update({i: best for i in same if i != best})
    return ids


def _surnames(people: Sequence[Entity], ids: dict[str, str]) -> dict[str, str]:
    """Surname-only people -> the one full-name person of the batch with that surname."""
    full: dict[str, set[str]] = defaultdict(set)
    for e in people:
        key = _person_key(e)
        if key is not None:
            full[key[0]].add(_final(e.id, ids))
    out = {}
    for e in people:
        words = e.name.split()
        if len(words) == 1 and len(full.get(words[0].lower(), ())) == 1:
            out[e.id] = next(iter(full[words[0].lower()]))
    return out


def _aliases(entities: Sequence[Entity]) -> dict[str, str]:
    """Entities (not people) named by an alias of exactly one entity with a longer name -> its id."""
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for e in entities:
        if e.type != PERSON:
            for alias in e.aliases:
                if len(alias) < len(e.name):
                    owners[e.type, alias.lower()].add(e.id)
    out = {}
    for e in entities:
        owner = owners.get((e.type, e.name.lower()), set()) - {e.id}
        if e.type != PERSON and len(owner) == 1:
            out[e.id] = next(iter(owner))
    return out


def _renamed(analysis: Analysis, ids: dict[str, str]) -> Analysis:
    """A copy of the analysis with entity ids (and the speakers and actors naming them) renamed;
    entities that come to share an id become one."""
    if not any(e.id in ids for e in analysis.entities):
        return analysis.model_copy(deep=True)
    merged: dict[str, Entity] = {}
    for entity in analysis.entities:
        new = ids.get(entity.id, entity.id)
        if new in merged:
            same = merged[new]
            same.mentions = sorted(same.mentions + entity.mentions, key=lambda m: m.start)
            same.aliases += [a for a in [entity.name, *entity.aliases] if a not in same.aliases and a != same.name]
        else:
            merged[new] = entity.model_copy(deep=True, update={"id": new})
    quotes = [
        q.model_copy(update={"speaker": ids.get(q.speaker, q.speaker)}) if q.speaker in ids else q for q in analysis.quotes
    ]
    events = [_renamed_event(e, ids) for e in analysis.events]
    return analysis.model_copy(update={"entities": list(merged.values()), "quotes": quotes, "events": events})


def _renamed_event(event, ids: dict[str, str]):
    def rename(actors):
        return [a.model_copy(update={"entity": ids[a.entity]}) if a.entity in ids else a for a in actors]

    return event.model_copy(update={"actor": rename(event.actor), "recipient": rename(event.recipient)})

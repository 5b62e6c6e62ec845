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
  articles wrote ``UKIP`` and ``Partia Niepodległości Wielkiej Brytanii``);
- organisations and places whose foreign names are spelt apart take one id, the most frequent
  one's, when their articles are most often about the same state (``Lahaur``, ``Lahore``;
  ``Tehreek-e-Labaik``, ``Tehrik-i-Labaik``);
- an organisation named with its state (``Sąd Najwyższy Pakistanu``, ``pakistański Sąd
  Najwyższy``, ``Sąd Najwyższy w Pakistanie``) takes the id of the one named without it, when the
  articles that name it so are mostly about that state and no other state qualifies the name.

Quote speakers and event actors that name an entity follow its new id. A store linking a whole
corpus does the same with what it holds.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Mapping, Sequence

from ..model import Analysis, Entity
from .groups import settled
from .mentions import CONTEXT, state_qualifier
from .names import (
    close, entity_id, first_name_key, is_acronym, known, one_letter_apart, plain, same_first_name, skeleton,
    spelling_variants,
)

__all__ = ["Weight", "article_homes", "corpus_ids", "id_names", "link_across", "renamed"]

PERSON = "PER"
EVIDENCE_VOTES = 3  # an article that types a name by the words around it outweighs two that do not
PLACES = frozenset({"GPE", "LOC", "FAC"})
VOTING = frozenset({PERSON, "ORG", *PLACES})


def link_across(analyses: Sequence[Analysis]) -> list[Analysis]:
    """The analyses with corpus-wide entity ids (new objects; the inputs are left as they are)."""
    entities = [e for a in analyses for e in a.entities]
    ids = corpus_ids(entities, article_homes(analyses))
    return [renamed(a, ids, id_names(entities)) for a in analyses]


def id_names(entities: Sequence[Entity]) -> dict[str, str]:
    """Each id -> the name of its first entity, which the entities taking its id follow."""
    names: dict[str, str] = {}
    for entity in entities:
        names.setdefault(entity.id, entity.name)
    return names


@dataclass(frozen=True)
class Weight:
    """What an entity of a batch stands for when it is not one article's: a store's entity, named
    in ``articles`` articles, ``mentions`` times in all."""

    articles: int
    mentions: int


def corpus_ids(
    entities: Sequence[Entity], homes: Mapping[str, Counter] | None = None, weights: Mapping[str, Weight] | None = None
) -> dict[str, str]:
    """Old id -> corpus id, for the ids that change. ``homes``: an id's articles counted by the
    state they are most about (:func:`article_homes`); without it, names qualified by a state and
    foreign spellings are left apart. ``weights``: the entities that stand for many articles (a
    store's); any other counts as one article with its own mentions."""
    count = _Counts(weights or {})
    types = _types(entities, count)
    people = [e for e in entities if e.type == PERSON and types.get(e.id, e.id).split(":", 1)[0] == PERSON]
    ids = {**types, **_full_names(people, count), **_aliases(entities, count)}
    ids.update(_surnames(people, ids, count))
    if homes:
        ids.update(_state_qualified(entities, homes, ids, count))
        ids.update(_spellings(entities, homes, ids, count))
    return {old: _final(new, ids) for old, new in ids.items() if _final(new, ids) != old}


@dataclass(frozen=True)
class _Counts:
    weights: Mapping[str, Weight]

    def articles(self, entity: Entity) -> int:
        return self.weights[entity.id].articles if entity.id in self.weights else 1

    def mentions(self, entity: Entity) -> int:
        return self.weights[entity.id].mentions if entity.id in self.weights else len(entity.mentions)


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


def _full_names(entities: Sequence[Entity], count: _Counts) -> dict[str, str]:
    """Full names of one person spelt or given differently (``Władimir``, ``Vladimir Putin``;
    ``Asia Bibi``, ``Aasiya Noreen Bibi``) -> the most frequent one's id. A name joins the names
    with as many first names that are its own or close, and a fuller name whose first names
    include its own unless two fuller ones that differ do."""
    counts: Counter = Counter()
    for e in entities:
        counts[e.id] += count.articles(e)
    keys = {e.id: k for e in entities if e.type == PERSON and (k := _person_key(e)) is not None}
    parent = {i: i for i in keys}

    def root(i: str) -> str:
        while parent[i] != i:
            i = parent[i]
        return i

    spellings: dict[str, str] = {}
    for i in sorted(keys):  # one name spelt apart or together: Saif ul-Mulook, Saiful Mulook
        same = spellings.setdefault(plain(i.split(":", 1)[1]), i)
        if same != i:
            parent[root(i)] = root(same)
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
    ``Aasiya Noreen Bibi``); or a foreign one spelt one letter apart, the first names of one
    among the other's (``Fawad Chaudry``, ``Fawad Ahmed Chaudhry``)."""
    if surname == other or any(same_first_name(surname, o) for o in other_first):
        return True
    same_first = _within(first, other_first) and _within(other_first, first)
    if close(surname, other) and (same_first or not (known(surname) and known(other))):
        return True
    # one letter apart, foreign: Fawad Chaudry, Fawad Ahmed Chaudhry; Saif ul-Mulook, ul-Malook
    within = _within(first, other_first) or _within(other_first, first)
    return within and one_letter_apart(plain(surname), plain(other)) and not (known(surname) or known(other))


def _surnames(people: Sequence[Entity], ids: dict[str, str], count: _Counts) -> dict[str, str]:
    """One-word names -> the full-name person of the batch with that surname (spelt the same
    plain way): the one such person, or the one named in at least :data:`DOMINANT` times as many articles as all the others
    together (``Corbyn``: ``Jeremy Corbyn`` in 13 articles, a misread ``Theresy May Corbyn`` in
    one); with two people of comparable weight (``Lech``, ``Jarosław Kaczyński``) it keeps its
    own. Else the person with that first name, chosen alike (``Jezus``, ``Jezus Chrystus``)."""
    surnames: dict[str, Counter] = defaultdict(Counter)
    first_names: dict[str, Counter] = defaultdict(Counter)
    for e in people:
        words = e.name.split()
        if len(words) > 1:
            surnames[plain(words[-1])][_final(e.id, ids)] += count.articles(e)
            first_names[first_name_key(words[0])][_final(e.id, ids)] += count.articles(e)
    out = {}
    for e in people:
        words = e.name.split()
        if len(words) != 1:
            continue
        found = surnames.get(plain(words[0]))
        best = _dominant(found or first_names.get(first_name_key(words[0]), Counter()))
        if best is not None:
            out[e.id] = best
    return out


DOMINANT = 4


def _dominant(counts: Counter, times: int = DOMINANT) -> str | None:
    """The one id counted, or with ``times`` the one counted so many times as often as the rest."""
    if not counts:
        return None
    (best, n), *rest = counts.most_common()
    return best if not rest or times and n >= times * sum(m for _, m in rest) else None


def _types(entities: Sequence[Entity], count: _Counts) -> dict[str, str]:
    """Entities typed otherwise than most of the batch's articles type their names -> the id of
    that type, the most frequent one. An entity votes with all its names (its name, acronym and
    other base forms), so ``TLP`` joined to ``Tehreek-e-Labbaik`` read as a place takes the type
    the articles give both names; names are compared by their plain spelling
    (:func:`~kronika.link.names.plain`: ``Tehreek-e-Labaik``, ``Tehreek-e-Labbaik``). Places of
    any kind count as one type, so ``LOC:pendżab`` goes to ``GPE:pendżab`` too; states and
    organisations with codes are left out; a tie of articles goes to the type most mentions have,
and a tie of mentions too changes nothing. An article that types the name by the words around it
(``biuro statystyczne Eurostat``) counts three times and keeps its type."""
    voters = [e for e in entities if e.type in VOTING and e.id == entity_id(e.type, e.name)]  # not GPE:PAK
    votes: dict[str, Counter] = defaultdict(Counter)
    mentions: dict[str, Counter] = defaultdict(Counter)
    for e in voters:
        for key in _keys(e):
            votes[key][_class(e.type)] += (EVIDENCE_VOTES if _by_context(e) else 1) * count.articles(e)
            mentions[key][_class(e.type)] += count.mentions(e)
    kinds: dict[str, str] = {}
    sure = {e.id for e in voters if _by_context(e)}
    for e in voters:
        own = _class(e.type)
        if e.id in sure:
            kinds[e.id] = own
            continue
        total, said = Counter(), Counter()
        for key in _keys(e):
            total.update(votes[key])
            said.update(mentions[key])
        best, n = max(total.items(), key=lambda kv: (kv[1], said[kv[0]]))
        tie_won = n * 2 == sum(total.values()) and said[best] * 2 > sum(said.values())
        kinds[e.id] = best if best != own and (n * 2 > sum(total.values()) or tie_won) else kinds.get(e.id, own)
    ids: dict[tuple[str, str], Counter] = defaultdict(Counter)  # (class, plain name) -> ids of that class
    for e in voters:
        if kinds[e.id] == _class(e.type):
            ids[kinds[e.id], plain(e.name)][e.id] += count.articles(e)
    out = {}
    for e in voters:
        kind = kinds[e.id]
        if kind == e.type == PERSON:
            continue  # people spelt apart: _full_names
        same = ids.get((kind, plain(e.name)))
        if same:
            out[e.id] = same.most_common(1)[0][0]
        elif kind != _class(e.type):
            out[e.id] = entity_id("GPE" if kind == "PLACE" else kind, e.name)
    return {old: new for old, new in out.items() if old != new}


def _by_context(entity: Entity) -> bool:
    """Typed by the words around its name in its article (``partii Tehrik-i-Labaik``: the subtype
    ends in ``_context``, :mod:`kronika.extract.consistency`)."""
    return bool(entity.subtype) and entity.subtype.endswith(CONTEXT)


def _keys(entity: Entity) -> set[str]:
    """The plain spellings of an entity's name and its capitalised aliases."""
    names = [entity.name, *(a for a in entity.aliases if a[:1].isupper())]
    return {plain(n) for n in names if plain(n)}


def article_homes(analyses: Sequence[Analysis]) -> dict[str, Counter]:
    """Each id -> its articles counted by the state each is most about (the one named most often)."""
    homes: dict[str, Counter] = defaultdict(Counter)
    for analysis in analyses:
        states = +Counter({e.id: len(e.mentions) for e in analysis.entities if e.type == "GPE" and e.country == e.id[4:]})
        home = max(states, key=lambda i: states[i], default=None)
        for e in analysis.entities:
            homes[e.id][home[4:] if home else None] += 1
    return homes


def _own_name(entity: Entity) -> bool:
    """An entity named by its base form, not by a code (``ORG:sąd-najwyższy``, not ``GPE:PAK``)."""
    return entity.id == entity_id(entity.type, entity.name)


def _state_qualified(
    entities: Sequence[Entity], homes: Mapping[str, Counter], ids: dict[str, str], count: _Counts
) -> dict[str, str]:
    """Organisations named with their state -> the organisation of the batch named without it, when
    one state qualifies the name in the batch and most articles naming it without are about that
    state (``Sąd Najwyższy Pakistanu``, ``Sąd Najwyższy`` in articles about Pakistan)."""
    bare: dict[str, Counter] = defaultdict(Counter)
    qualified: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for e in entities:
        if e.type != "ORG" or not _own_name(e):
            continue
        split = state_qualifier(e.name)
        if split:
            qualified[plain(split[0])].append((e.id, split[1]))
        else:
            bare[plain(e.name)][_final(e.id, ids)] += count.articles(e)
    out = {}
    for core, named in qualified.items():
        states = {state for _, state in named}
        if core not in bare or len(states) != 1:
            continue
        target = bare[core].most_common(1)[0][0]
        home, (state,) = homes.get(target, Counter()), states
        if home[state] * 2 > sum(home.values()):
            out.update({old: target for old, _ in named})
    return out


def _spellings(
    entities: Sequence[Entity], homes: Mapping[str, Counter], ids: dict[str, str], count: _Counts
) -> dict[str, str]:
    """Organisations and places whose foreign names are spelt apart
    (:func:`~kronika.link.names.spelling_variants`) and whose articles are most often about the
    same state (``Lahaur``, ``Lahore``; not ``Hollywood``, ``Halewood``) -> the most frequent one's id."""

    def home(id_: str) -> str | None:
        return next((state for state, _ in homes.get(id_, Counter()).most_common() if state), None)

    named = [e for e in entities if e.type != PERSON and e.type in VOTING and _own_name(e)]
    names = {e.id: e.name for e in named}
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for e in named:
        new = _final(e.id, ids)
        if new in names:
            counts[_class(new.split(":", 1)[0]), skeleton(names[new])][new] += count.articles(e)
    out = {}
    for same in counts.values():
        ranked = [i for i, _ in same.most_common()]
        for i, other in enumerate(ranked[1:], 1):
            best = next(
                (b for b in ranked[:i] if spelling_variants(names[b], names[other]) and home(b) == home(other) is not None),
                None,
            )
            if best is not None:
                out[other] = _final(best, out)
    return out


def _class(kind: str) -> str:
    return "PLACE" if kind in PLACES else kind


def _aliases(entities: Sequence[Entity], count: _Counts) -> dict[str, str]:
    """Entities named by an acronym (not people) -> the entity with a longer name that has the
    acronym as an alias most often in the batch, if more than half of those do, names one letter
    apart counted as one (``UKIP``; ``TLP`` of ``Tehreek-e-Labaik`` and ``Tehrik-e-Labaik``)."""
    owners: dict[tuple[str, str], Counter] = defaultdict(Counter)
    spelt: dict[str, str] = {}
    for e in entities:
        if e.type != PERSON:
            for alias in e.aliases:
                if is_acronym(alias) and len(alias) < len(e.name):
                    owners[e.type, alias.lower()][e.id] += count.articles(e)
                    spelt[e.id] = plain(e.name)
    out = {}
    for e in entities:
        counts = owners.get((e.type, e.name.lower()), Counter())
        if e.type == PERSON or not is_acronym(e.name) or not counts:
            continue
        best, _ = counts.most_common(1)[0]
        n = sum(c for i, c in counts.items() if i == best or one_letter_apart(spelt[i], spelt[best]))
        if best != e.id and n * 2 > sum(counts.values()):
            out[e.id] = best
    return out


def renamed(analysis: Analysis, ids: dict[str, str], names: dict[str, str]) -> Analysis:
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

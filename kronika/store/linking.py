"""Corpus-wide entity ids in the store: :func:`kronika.link.link_across` over what it holds.

A new article is linked together with the stored entities it could join (:func:`_candidates`),
each counting with the articles and mentions the store holds for it and the states those articles
are about, so that linking article by article gives what linking the corpus at once would. The new
article takes the ids that linking gives; a stored entity that linking now merges into another
(``PER:tokajew`` into ``PER:kasym-zomart-tokajew`` once the full name is seen) is renamed
everywhere, and ``entity_redirects`` keeps its old id.
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter

from ..link.corpus import VOTING, Weight, article_homes, corpus_ids, id_names, renamed
from ..link.mentions import state_qualifier
from ..link.names import entity_id, skeleton
from ..model import Analysis, Entity

PERSON = "PER"


def link_key(entity: Entity) -> str | None:
    """The surname of a person (the last word of the name), lower-cased."""
    return entity.name.split()[-1].lower() if entity.type == PERSON and entity.name.split() else None


def name_keys(entity: Entity) -> set[str]:
    return {name.lower() for name in [entity.name, *entity.aliases]}


def link_with_store(db: sqlite3.Connection, analysis: Analysis) -> tuple[Analysis, dict[str, str]]:
    """The analysis with corpus-wide ids, and the stored ids to rename (old -> new). The stored
    entities it could join count with the articles that name them and the states those are about,
    as if the whole store were linked in one batch."""
    rows = _candidates(db, analysis.entities)
    stored = [stored_entity(row) for row in rows]
    entities = [*stored, *analysis.entities]
    homes = _stored_homes(db, [e.id for e in stored])
    for id_, states in article_homes([analysis]).items():
        homes.setdefault(id_, Counter()).update(states)
    weights = {row["id"]: Weight(row["articles"], row["mentions"]) for row in rows}
    ids = corpus_ids(entities, homes, weights)
    stored_ids = {e.id for e in stored}
    return renamed(analysis, ids, id_names(entities)), {old: new for old, new in ids.items() if old in stored_ids}


def _candidates(db: sqlite3.Connection, entities: list[Entity]) -> list[sqlite3.Row]:
    """The stored entities linking could join to ``entities``: those with one of their names, the
    people with one of their surnames, the organisations they name with a state without it
    (``Sąd Najwyższy`` for ``Sąd Najwyższy Pakistanu``) or with a state after it, and the names
    they may spell apart (``Lahore`` for ``Lahaur``)."""
    names = {key for e in entities for key in name_keys(e)}
    names.update(split[0].lower() for e in entities if e.type == "ORG" and (split := state_qualifier(e.name)))
    names.update(name.lower() for name in _spelt_apart(db, entities) | _qualified(db, entities))
    surnames = sorted({key for e in entities if (key := link_key(e))})
    if not names and not surnames:
        return []
    names = sorted(names)
    return db.execute(
        f"""SELECT * FROM entities WHERE id IN (SELECT entity_id FROM entity_names WHERE name_key IN ({_marks(names)}))
            OR link_key IN ({_marks(surnames)})""",
        [*names, *surnames],
    ).fetchall()


def _spelt_apart(db: sqlite3.Connection, entities: list[Entity]) -> set[str]:
    """Stored names of organisations and places spelt with the consonants of one of ``entities``'
    and its first two letters (:func:`kronika.link.names.spelling_variants` decides)."""
    found = set()
    for entity in entities:
        if entity.type == PERSON or entity.type not in VOTING or entity.id != entity_id(entity.type, entity.name):
            continue
        key, size = skeleton(entity.name), len(entity.name)
        rows = _starting(db, entity.name[:2].lower(), "AND length(name_key) BETWEEN ? AND ?", size * 2 // 3, size * 3 // 2)
        found.update(name for name in rows if skeleton(name) == key)
    return found


def _qualified(db: sqlite3.Connection, entities: list[Entity]) -> set[str]:
    """Stored names of the organisations of ``entities`` followed by a state (``Sąd Najwyższy
    Pakistanu``, ``Sąd Najwyższy w Pakistanie`` for ``Sąd Najwyższy``)."""
    found = set()
    for entity in entities:
        if entity.type == "ORG" and not state_qualifier(entity.name):
            core = entity.name.lower()
            found.update(name for name in _starting(db, core + " ") if (split := state_qualifier(name)) and split[0].lower() == core)
    return found


def _starting(db: sqlite3.Connection, start: str, condition: str = "", *values) -> list[str]:
    rows = db.execute(
        f"SELECT name FROM entity_names WHERE name_key >= ? AND name_key < ? {condition}", (start, start + "\uffff", *values)
    )
    return [name for (name,) in rows]


def _stored_homes(db: sqlite3.Connection, ids: list[str]) -> dict[str, Counter]:
    """Each stored id -> its articles counted by the state each is most about (the state named most
    often there), as :func:`kronika.link.corpus.article_homes` counts them."""
    if not ids:
        return {}
    rows = db.execute(
        f"""WITH named AS (SELECT entity_id, article_id FROM article_entities WHERE entity_id IN ({_marks(ids)})),
            states AS (
                SELECT ae.article_id, e.country AS state,
                       row_number() OVER (PARTITION BY ae.article_id ORDER BY ae.mentions DESC, e.id) AS rank
                FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
                WHERE ae.article_id IN (SELECT article_id FROM named) AND e.type = 'GPE' AND e.id = 'GPE:' || e.country)
            SELECT named.entity_id, states.state, count(*) FROM named
            LEFT JOIN states ON states.article_id = named.article_id AND states.rank = 1
            GROUP BY 1, 2""",
        ids,
    )
    homes: dict[str, Counter] = {}
    for id_, state, n in rows:
        homes.setdefault(id_, Counter())[state] += n
    return homes


def stored_entity(row: sqlite3.Row) -> Entity:
    return Entity(
        id=row["id"], type=row["type"], subtype=row["subtype"], name=row["name"],
        aliases=json.loads(row["aliases"]), country=row["country"],
    )


def _marks(values: list) -> str:
    return ", ".join("?" * len(values))

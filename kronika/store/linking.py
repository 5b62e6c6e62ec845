"""Corpus-wide entity ids in the store: :func:`kronika.link.link_across` over what it holds.

A new article is linked together with the stored entities it could join: those sharing a
lower-cased name or alias with one of its entities, and the people sharing a surname. The new
article takes the ids that linking gives; a stored entity that linking now merges into another
(``PER:tokajew`` into ``PER:kasym-zomart-tokajew`` once the full name is seen) is renamed
everywhere, and ``entity_redirects`` keeps its old id.
"""
from __future__ import annotations

import json
import sqlite3

from ..link.corpus import corpus_ids, link_across
from ..model import Analysis, Article, Entity

PERSON = "PER"
_STORED = Article(id="kronika-store", text="-")


def link_key(entity: Entity) -> str | None:
    """The surname of a person (the last word of the name), lower-cased."""
    return entity.name.split()[-1].lower() if entity.type == PERSON and entity.name.split() else None


def name_keys(entity: Entity) -> set[str]:
    return {name.lower() for name in [entity.name, *entity.aliases]}


def link_with_store(db: sqlite3.Connection, analysis: Analysis) -> tuple[Analysis, dict[str, str]]:
    """The analysis with corpus-wide ids, and the stored ids to rename (old -> new)."""
    stored = _candidates(db, analysis.entities)
    if not stored:
        [linked] = link_across([analysis])
        return linked, {}
    _, linked = link_across([Analysis(article=_STORED, entities=stored), analysis])
    stored_ids = {e.id for e in stored}
    renames = {old: new for old, new in corpus_ids([*stored, *analysis.entities]).items() if old in stored_ids}
    return linked, renames


def _candidates(db: sqlite3.Connection, entities: list[Entity]) -> list[Entity]:
    names = sorted({key for e in entities for key in name_keys(e)})
    surnames = sorted({key for e in entities if (key := link_key(e))})
    if not names and not surnames:
        return []
    rows = db.execute(
        f"""SELECT * FROM entities WHERE id IN (SELECT entity_id FROM entity_names WHERE name_key IN ({_marks(names)}))
            OR link_key IN ({_marks(surnames)})""",
        [*names, *surnames],
    )
    return [stored_entity(row) for row in rows]


def stored_entity(row: sqlite3.Row) -> Entity:
    return Entity(
        id=row["id"], type=row["type"], subtype=row["subtype"], name=row["name"],
        aliases=json.loads(row["aliases"]), country=row["country"],
    )


def _marks(values: list) -> str:
    return ", ".join("?" * len(values))

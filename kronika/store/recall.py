"""Names the store knows, found again in a new article where the model missed them; roles it
binds to people, for the new article's quotes.

The store's counterpart of :func:`kronika.link.recall.recall_known_names`: a form the stored
articles recognise as one entity (in at least two articles, with the same agreement) is a known
name, and the new article's unrecognised occurrences of it become mentions of that entity. Only
the forms the new article could contain are looked up (``mentions_text`` index), so the cost
does not grow with the store.
"""
from __future__ import annotations

import re
import sqlite3
from collections import Counter, defaultdict
from datetime import timedelta
from typing import Sequence

from ..extract.quotes import ROLE_DAYS, RoleEvidence, day, resolve_roles, role_speakers
from ..link.recall import RECALLED_KINDS, KnownForm, is_known, name_like, recall_names
from ..model import Analysis
from .linking import stored_entity

MAX_WORDS = 6  # the longest name looked up, in words
TRAILING = ".,;:!?)]}\"”»…'’"
_CAPITAL = re.compile(r"[^\W\d_]", re.UNICODE)
_PARAMETERS = 500  # forms per query, under SQLite's variable limit


def recall_from_store(db: sqlite3.Connection, analysis: Analysis) -> Analysis:
    """The analysis with the store's known names added where the model missed them."""
    return recall_names(analysis, stored_known_forms(db, candidate_forms(analysis.article.text), analysis))


def candidate_forms(text: str) -> set[str]:
    """The runs of one to :data:`MAX_WORDS` words of ``text`` that start with a capital letter,
    with and without their trailing punctuation: every form a known name could take here."""
    words = list(re.finditer(r"\S+", text))
    forms = set()
    for i, word in enumerate(words):
        first = _CAPITAL.search(word.group())
        if first is None or not first.group().isupper():
            continue
        start = word.start() + first.start()
        for last in words[i : i + MAX_WORDS]:
            form = text[start : last.end()]
            forms.update(f for f in (form, form.rstrip(TRAILING)) if name_like(f))
    return forms


def stored_known_forms(
    db: sqlite3.Connection, forms: set[str], analysis: Analysis | None = None
) -> dict[str, KnownForm]:
    """Those of ``forms`` that the stored articles (and ``analysis``, the new one, as in a batch)
    know as one entity, with its most usual base form."""
    articles: dict[str, Counter] = defaultdict(Counter)
    readings: dict[tuple[str, str], Counter] = defaultdict(Counter)
    own = {}
    for entity in analysis.entities if analysis is not None else ():
        own[entity.id] = entity.model_copy(update={"mentions": []})
        for mention in entity.mentions:
            if mention.kind in RECALLED_KINDS and name_like(mention.text):
                articles[mention.text][entity.id] = 1  # one article, however many mentions
                readings[mention.text, entity.id][(mention.base or mention.text, mention.kind)] += 1
    kinds = sorted(RECALLED_KINDS)
    query = f"""SELECT text, entity_id, base, kind, count(DISTINCT article_id) AS n FROM mentions
                WHERE kind IN ({", ".join("?" * len(kinds))}) AND text IN"""
    for row in _rows(db, query, sorted(forms), params=kinds, after="GROUP BY text, entity_id, base, kind"):
        articles[row["text"]][row["entity_id"]] += row["n"]
        readings[row["text"], row["entity_id"]][(row["base"] or row["text"], row["kind"])] += row["n"]
    single = sorted({next(iter(ids)) for ids in articles.values() if len(ids) == 1})
    naming = {  # articles naming each entity, the new one included
        row["id"]: row["articles"] + (row["id"] in own)
        for row in _rows(db, "SELECT id, articles FROM entities WHERE id IN", single)
    }
    chosen = {form: entity_id for form, ids in articles.items() if (entity_id := is_known(ids, form, naming))}
    if not chosen:
        return {}
    ids = sorted(set(chosen.values()))
    entities = own | {row["id"]: stored_entity(row) for row in _rows(db, "SELECT * FROM entities WHERE id IN", ids)}
    known = {}
    for form, entity_id in chosen.items():
        if entity_id in entities:
            base, kind = readings[form, entity_id].most_common(1)[0][0]
            known[form] = KnownForm(entities[entity_id], base, kind)
    return known


def _rows(db: sqlite3.Connection, query: str, values: list, params: Sequence = (), after: str = "") -> list[sqlite3.Row]:
    """``query (values) after`` run in chunks of ``values`` under SQLite's variable limit,
    ``params`` bound before them."""
    rows = []
    for i in range(0, len(values), _PARAMETERS):
        chunk = values[i : i + _PARAMETERS]
        rows.extend(db.execute(f"{query} ({', '.join('?' * len(chunk))}) {after}", [*params, *chunk]))
    return rows


def roles_from_store(db: sqlite3.Connection, analysis: Analysis, *, days: int = ROLE_DAYS) -> Analysis:
    """The analysis with its role speakers (``premier Pakistanu``) resolved by the people the
    stored articles of nearby days bind those roles to: the store's side of
    :func:`kronika.extract.quotes.speakers_across` (index ``mentions_role``)."""
    when = day(analysis.article.date)
    roles = role_speakers(analysis)
    if when is None or not roles:
        return analysis
    spellings = sorted({v for role in roles for v in (role, role[:1].lower() + role[1:], role[:1].upper() + role[1:])})
    bound: dict[str, list[RoleEvidence]] = {}
    first, last = (when - timedelta(days=days)).isoformat(), (when + timedelta(days=days)).isoformat()
    query = """SELECT m.base, a.source_id, a.date_start, e.name FROM mentions m JOIN entities e ON e.id = m.entity_id
               JOIN articles a ON a.id = m.article_id
               WHERE m.kind = 'role' AND e.type = 'PER' AND a.date_precision = 'day'
                 AND a.date_start BETWEEN ? AND ? AND m.base IN"""
    for row in _rows(db, query, spellings, params=(first, last)):
        bound.setdefault(row["base"].casefold(), []).append((day(row["date_start"]), row["source_id"], row["name"]))
    return resolve_roles(analysis, bound, days=days)

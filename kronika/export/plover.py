"""PLOVER event records (SPEC §2: "PLOVER's own JSON field names are used in the PLOVER export").

The codebook is ``../shared/reference/plover/PLOVER_MANUAL.pdf`` (PLOVER v0.8). Its data chapter
(Table 6.1) names the fields of an event record: ``id``, ``has_event``, ``date``, ``time``,
``enddate``, ``endtime``, ``actor``, ``recipient``, ``event``, ``event_loc``, ``event_text``,
``quad_code``, ``event_scale``, ``mode``, ``context``, ``link``, ``text``, ``text_info``,
``cite_info``, ``coder``, ``coded_date``, ``coded_time``, ``comment``; Table 6.2 those of an entity
(``code``, ``sector``, ``entity_text``, ``identifier_id``, ``identifier_text`` ...), Table 6.3 the
text object (``sequence``, ``start``, ``end``), Table 6.5 the citation object and Table 6.6 the
location object (``extracted_place`` ...). ``event``, ``mode`` and ``context`` are lists.

kronika codes the *action* in ``Event.type`` and its reality in ``Event.status``; the export applies
the codebook's reductions of future actions (§2.3, §3.1, §3.4): an announced CONSULT, SUPPORT,
COOPERATE or AID is exported as AGREE, an announced RETREAT as CONCEDE; other announced events keep
their category and get the auxiliary mode ``future`` in ``context``; negated events get
``has_event: false`` and ``negation`` (codebook §2.3: "negated events can be excluded").
Dates keep kronika's precision (ISO 8601 ``2022-01`` where the text gives only a month) and the
precision is added as ``date_precision``; without an event date the article's date is used (the
story date, as event data sets do) and ``date_source`` says so. ``status`` and ``trigger`` are
extra fields, as the codebook allows.

The codebook data (types, modes, contexts, quad categories, scores) lives here, for the export, the
evaluator (:mod:`kronika.evaluate.events`) and the tests of the Polish event lexicon.
"""
from __future__ import annotations

import hashlib
from typing import Iterable, Sequence

from ..model import Article, Entity, Event, EventActor

__all__ = [
    "AUXILIARY_MODES", "CODEBOOK", "CONTEXTS", "EVENT_TYPES", "MODES", "ORGANISATION_CODES", "QUAD_CODES",
    "SCORES", "event_scale", "event_to_plover", "export_type",
]

CODEBOOK = "PLOVER v0.8"

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

_REQUEST_MODES = frozenset({"assist", "change", "yield", "meet"})  # Tables 3.3 and 3.5: shared with REJECT
MODES: dict[str, frozenset[str]] = {
    "AGREE": frozenset(),
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "SUPPORT": frozenset(),
    "CONCEDE": frozenset(),
    "COOPERATE": frozenset(),
    "AID": frozenset(),
    "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
    "REQUEST": _REQUEST_MODES,
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "REJECT": _REQUEST_MODES,
    "THREATEN": frozenset({"restrict", "arrest", "relations", "expel", "territory", "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset({
        "seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
        "misinformation", "cyber",
    }),
    "ASSAULT": frozenset({
        "abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms", "explosives",
        "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional", "sideAB",
    }),
}

CONTEXTS = frozenset({  # Table 2.1
    "military", "intelligence", "executive", "legislative", "election", "political_institutions",
    "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights", "rights_freedoms",
    "repression", "human_security", "gender", "lgbt", "religion_ethnicity", "inequality", "diplomatic",
    "territory", "peacekeeping", "health", "asylum", "migration", "disasters", "natural_resource",
    "environment", "technology", "terrorism", "cbrn", "cyber", "misinformation", "crime", "corruption",
    "illegal_drugs", "trafficking",
})
AUXILIARY_MODES = ("historical", "future", "hypothetical", "negation")  # §2.3, carried in context

# Country field: ISO 3166 alpha-3 for states (KOS for Kosovo), and these fixed codes: kronika's
# organisation codes (SPEC §1 link) and PLOVER's generic non-state codes (Table 5.1).
ORGANISATION_CODES = frozenset({
    "EU", "UN", "NATO", "CSTO", "OSCE", "AU", "ASEAN", "OPEC", "WTO", "WHO", "IMF", "ICC", "CIS", "EAEU",
    "IGO", "NGO", "ISM", "IMG", "MNC",
})

QUAD_CODES = {  # Table 7.2 / §3.x "Quad category"; SANCTION is material conflict as in §3.13.4 and Table 7.3
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}

SCORES: dict[tuple[str, str | None], float] = {  # Table 2.2, PLOVER conflict-cooperation scores
    ("AGREE", None): 2.5, ("CONSULT", None): 2.5, ("CONSULT", "visit"): 4, ("CONSULT", "third-party"): 1,
    ("CONSULT", "multilateral"): 4, ("CONSULT", "phone"): 1.5, ("SUPPORT", None): 5, ("CONCEDE", None): 4.5,
    ("COOPERATE", None): 9.5, ("AID", None): 10, ("RETREAT", None): 6.5, ("RETREAT", "withdraw"): 8,
    ("RETREAT", "release"): 6.5, ("RETREAT", "disarm"): 10, ("RETREAT", "ceasefire"): 7.5,
    ("RETREAT", "access"): 6.5, ("RETREAT", "resign"): 4.5, ("REQUEST", None): 0, ("REQUEST", "assist"): 0.5,
    ("REQUEST", "change"): -1, ("REQUEST", "yield"): -1, ("REQUEST", "meet"): 0, ("ACCUSE", None): 3,
    ("ACCUSE", "disapprove"): -2, ("ACCUSE", "investigate"): -3.5, ("ACCUSE", "allege"): -3.5,
    ("REJECT", None): -2, ("REJECT", "assist"): -1.5, ("REJECT", "change"): -2, ("REJECT", "yield"): -2,
    ("REJECT", "meet"): -2, ("THREATEN", None): -3.5, ("THREATEN", "restrict"): -3, ("THREATEN", "arrest"): -3.5,
    ("THREATEN", "relations"): -3.5, ("THREATEN", "expel"): -3.5, ("THREATEN", "territory"): -4,
    ("THREATEN", "violence"): -3.5, ("PROTEST", None): -5, ("PROTEST", "demo"): -5, ("PROTEST", "riot"): -7,
    ("PROTEST", "strike"): -5, ("PROTEST", "hunger"): -4.5, ("PROTEST", "boycott"): -4.5,
    ("PROTEST", "obstruct"): -4.5, ("SANCTION", None): -6, ("SANCTION", "convict"): -6,
    ("SANCTION", "expel"): -5.5, ("SANCTION", "withdraw"): -6, ("SANCTION", "discontinue"): -6,
    ("MOBILIZE", None): -5.5, ("MOBILIZE", "troops"): -6.5, ("MOBILIZE", "weapons"): -6.5,
    ("MOBILIZE", "police"): -5.5, ("MOBILIZE", "militia"): -6, ("COERCE", None): -7, ("COERCE", "seize"): -7,
    ("COERCE", "restrict"): -7, ("COERCE", "censor"): -6.5, ("COERCE", "curfew"): -6.5,
    ("COERCE", "martial-law"): -7.5, ("COERCE", "arrest"): -7, ("COERCE", "deport"): -7,
    ("COERCE", "withhold"): -7, ("COERCE", "misinformation"): -6.5, ("COERCE", "cyber"): -7,
    ("ASSAULT", None): -9, ("ASSAULT", "abduct"): -8.5, ("ASSAULT", "beat"): -7.5, ("ASSAULT", "torture"): -8.5,
    ("ASSAULT", "sexual"): -8.5, ("ASSAULT", "targeted"): -9.5, ("ASSAULT", "destroy"): -8.5,
    ("ASSAULT", "primitive"): -8, ("ASSAULT", "firearms"): -9, ("ASSAULT", "explosives"): -9,
    ("ASSAULT", "suicide-attack"): -9.5, ("ASSAULT", "aerial"): -9.5, ("ASSAULT", "drone"): -9.5,
    ("ASSAULT", "heavy-weapons"): -9.5, ("ASSAULT", "crowd-control"): -7.5, ("ASSAULT", "unconventional"): -10,
}

# Future cooperative actions reduce to AGREE, future retreats to CONCEDE (codebook §3.1, §3.4).
_ANNOUNCED_AS = {"CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE", "RETREAT": "CONCEDE"}


def export_type(event_type: str, status: str = "occurred") -> str:
    """The PLOVER category an event of kronika's ``event_type`` and ``status`` is exported as."""
    if event_type not in EVENT_TYPES:
        raise ValueError(f"not a PLOVER event type: {event_type!r}")
    return _ANNOUNCED_AS.get(event_type, event_type) if status == "announced" else event_type


def event_scale(event_type: str, mode: str | None = None) -> float:
    """The PLOVER score (Table 2.2) of a category and mode; the category's own score for other modes."""
    return float(SCORES.get((event_type, mode), SCORES[(event_type, None)]))


def event_to_plover(
    event: Event,
    article: Article,
    *,
    entities: Sequence[Entity] = (),
    event_id: str | None = None,
    coder: str = "kronika",
) -> dict:
    """One PLOVER event record (codebook chapter 6) for ``event`` of ``article``.

    ``entities`` (the analysis' entities) give the text of each actor's mention inside the evidence;
    ``event_id`` defaults to a stable hash of the article id, the category and the evidence.
    """
    plover_type = export_type(event.type, event.status)
    reduced = plover_type != event.type
    modes = [] if reduced or not event.mode else [event.mode]
    context = list(event.context)
    if event.status == "announced" and not reduced:
        context.append("future")
    elif event.status == "negated":
        context.append("negation")
    start, end = event.evidence if event.evidence else (None, None)
    record: dict = {
        "id": event_id or _event_id(event, article),
        "has_event": event.status != "negated",
        "date": event.date or article.date,
        "date_precision": event.date_precision if event.date else article.date_precision,
        "actor": [_entity_object(a, article, entities, start, end) for a in event.actor],
        "recipient": [_entity_object(r, article, entities, start, end) for r in event.recipient],
        "event": [plover_type],
        "mode": modes,
        "context": context,
        "event_loc": {"extracted_place": event.location} if event.location else None,
        "event_text": [article.text[start:end]] if start is not None else [],
        "quad_code": QUAD_CODES[plover_type],
        "event_scale": event_scale(plover_type, modes[0] if modes else None),
        "text_info": {"start": start, "end": end} if start is not None else None,
        "cite_info": _cite_info(article, coder),
        "coder": coder,
        "status": event.status,
        "trigger": event.trigger,
    }
    if not event.date:
        record["date_source"] = "article"
    if reduced:
        record["comment"] = f"announced {event.type} coded {plover_type} ({CODEBOOK} §3.1, §3.4)"
    return record


def _event_id(event: Event, article: Article) -> str:
    key = f"{article.id}|{event.type}|{event.evidence}|{event.trigger}|{[a.entity for a in event.actor]}"
    return f"kronika-{article.id}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}"


def _entity_object(
    party: EventActor, article: Article, entities: Iterable[Entity], start: int | None, end: int | None
) -> dict:
    entity = next((e for e in entities if e.id == party.entity), None)
    name = party.name or (entity.name if entity else None)
    return {
        "code": party.country or (entity.country if entity else None),
        "sector": party.sector,
        "entity_text": _mention_text(entity, start, end) or name,
        "identifier_id": party.entity,
        "identifier_text": name,
    }


def _mention_text(entity: Entity | None, start: int | None, end: int | None) -> str | None:
    if entity is None:
        return None
    inside = [m for m in entity.mentions if start is not None and start <= m.start and m.end <= end]
    chosen = inside or entity.mentions
    return chosen[0].text if chosen else None


def _cite_info(article: Article, coder: str) -> dict:
    info = {
        "citation": article.id,
        "url": article.url,
        "title": article.title,
        "language": article.language,
        "publication": article.source,
        "coder": coder,
        "codebook": CODEBOOK,
    }
    return {k: v for k, v in info.items() if v is not None}

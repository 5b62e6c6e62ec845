"""PLOVER events scored against an events gold JSONL (SPEC §3, ``kronika evaluate events``).

Gold (and ``--predictions``) files hold one document a line::

    {"doc": "brexit/raw/pl/brexit_pl.txt_file_1993.txt", "doc_id": "pl-1993", "date": "2018-03-21",
     "events": [{"type", "mode", "status", "actor", "actor_country", "recipient", "recipient_country",
                 "sentence", "trigger", "date", "location"}, ...]}

``doc`` is a path relative to the root folder (default: the gold file's folder) and is read with
the reader its format needs (an optional ``"format"`` key forces one). ``actor``/``recipient`` are a
base-form name, a list of names (compound actors), or null; ``actor_country``/``recipient_country``
an ISO 3166 alpha-3 or organisation code, a list parallel to the names, or null. An optional
``context`` list holds PLOVER contexts (not scored). docs/annotation/events.md is the guide.

Scoring, per document:

- **Match.** A predicted event matches a gold one when the types are equal and the evidence
  sentences overlap: tokens are lowercased ``\\w+``, counted as multisets, and
  overlap(p, g) = |p ∩ g| / max(|p|, |g|) ≥ 0.5. Matching is one-to-one, best first: candidate
  pairs are taken by decreasing overlap, then by how many of actor, recipient and date agree
  (so two events of one type in one sentence pair up with their own arguments), then in order.
- **Parties.** A predicted actor (recipient) is right when one of its entities' base-form names
  (the event's ``name``, else the entity's name or one of its aliases) equals one gold name,
  compared case-insensitively (NFC, casefold, spaces collapsed), or when a predicted country code
  equals a gold one (both non-null). An empty gold side is right only for an empty prediction.
- **Scores.** P/R/F1 for type+sentence (matched pairs), for type+sentence+actor+recipient
  (matched pairs whose actor and recipient are right), pooled over documents; on matched pairs
  the accuracy of actor, recipient, date (equal ISO strings; null equals null; a datetime is
  compared by its date, an ISO week ``2018-W44`` as its Monday), status and mode; per type
  the gold, predicted and matched counts and F1. Gold documents absent from a predictions
  file count as predicting nothing.
"""
from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date as _Date
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from ..errors import EvaluationError
from ..export.plover import CONTEXTS, EVENT_TYPES, MODES, ORGANISATION_CODES
from ..model import Analysis, Article, Event
from .metrics import prf

__all__ = [
    "EventDocument", "EventRecord", "MATCH_THRESHOLD", "Party", "STATUSES", "check_gold", "evaluate_events",
    "events_from_analysis", "find_sentence", "load_articles", "match_events", "overlap", "parse_document",
    "party_right", "prediction_record", "read_events_jsonl", "score_events", "tokens",
]

log = logging.getLogger(__name__)

MATCH_THRESHOLD = 0.5
STATUSES = ("occurred", "announced", "negated")
_DATE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?|\d{4}-W(?:0[1-9]|[1-4]\d|5[0-3])")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_CODE = re.compile(r"[A-Z]{3}")
_TOKEN = re.compile(r"\w+")
_SPACES = re.compile(r"\s+")
_EVENT_KEYS = {
    "type", "mode", "status", "actor", "actor_country", "recipient", "recipient_country", "sentence", "trigger",
    "date", "location", "context",
}


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class Party:
    """One member of an actor or recipient: a base-form name and/or a country code."""

    name: str | None = None
    country: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventRecord:
    """One event as the gold format (or a system) states it; ``sentence`` is its evidence."""

    type: str
    sentence: str
    actor: tuple[Party, ...] = ()
    recipient: tuple[Party, ...] = ()
    mode: tuple[str, ...] = ()
    status: str = "occurred"
    trigger: str | None = None
    date: str | None = None
    location: tuple[str, ...] = ()
    context: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventDocument:
    doc: str
    events: tuple[EventRecord, ...] = ()
    doc_id: str | None = None
    date: str | None = None
    format: str | None = None


# ---------------------------------------------------------------- reading the format


def _strings(value: Any, what: str, *, split: bool = True) -> tuple[str | None, ...]:
    """None, a string (``"a; b"`` split on ";") or a list of strings/nulls, as a tuple."""
    if value is None:
        return ()
    if isinstance(value, str):
        parts = value.split(";") if split else [value]
        return tuple(p.strip() or None for p in parts) if value.strip() else ()
    if isinstance(value, list) and all(v is None or isinstance(v, str) for v in value):
        return tuple((v.strip() or None) if isinstance(v, str) else None for v in value)
    raise ValueError(f"{what} must be a string, a list of strings or null, not {value!r}")


def _parties(names: Any, countries: Any, what: str) -> tuple[Party, ...]:
    name_list = _strings(names, what)
    code_list = _strings(countries, f"{what}_country")
    if name_list and code_list and len(code_list) not in (1, len(name_list)):
        raise ValueError(f"{what} has {len(name_list)} names but {len(code_list)} country codes")
    for code in code_list:
        if code is not None and not (_CODE.fullmatch(code) or code in ORGANISATION_CODES):
            raise ValueError(f"{what}_country {code!r} is not an ISO 3166 alpha-3 or organisation code")
    if not name_list:
        return tuple(Party(None, c) for c in code_list if c)
    if len(code_list) == 1 and len(name_list) > 1:
        code_list = code_list * len(name_list)
    codes = code_list or (None,) * len(name_list)
    return tuple(Party(n, c) for n, c in zip(name_list, codes) if n or c)


def parse_event(obj: Any, *, strict: bool = True) -> EventRecord:
    """An :class:`EventRecord` from one event object; ValueError says what is wrong.

    ``strict`` (gold files) also refuses keys the format does not define.
    """
    if not isinstance(obj, dict):
        raise ValueError(f"an event must be a JSON object, not {type(obj).__name__}")
    unknown = set(obj) - _EVENT_KEYS
    if strict and unknown:
        raise ValueError(f"unknown event keys: {', '.join(sorted(unknown))}")
    event_type = obj.get("type")
    if event_type not in EVENT_TYPES:
        raise ValueError(f"type {event_type!r} is not a PLOVER event type")
    sentence = obj.get("sentence")
    if not isinstance(sentence, str) or not sentence.strip():
        raise ValueError("sentence must be a non-empty string")
    modes = tuple(m for m in _strings(obj.get("mode"), "mode", split=False) if m)
    bad_modes = [m for m in modes if m not in MODES[event_type]]
    if bad_modes:
        raise ValueError(f"mode {bad_modes[0]!r} is not a mode of {event_type}")
    status = obj.get("status") or "occurred"
    if status not in STATUSES:
        raise ValueError(f"status {status!r} is not one of {', '.join(STATUSES)}")
    event_date = obj.get("date")
    if event_date is not None and not (isinstance(event_date, str) and _DATE.fullmatch(event_date)):
        raise ValueError(f"date {event_date!r} is not YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www")
    context = tuple(c for c in _strings(obj.get("context"), "context", split=False) if c)
    bad_context = [c for c in context if c not in CONTEXTS]
    if bad_context:
        raise ValueError(f"context {bad_context[0]!r} is not a PLOVER context")
    trigger = obj.get("trigger")
    if trigger is not None and not isinstance(trigger, str):
        raise ValueError("trigger must be a string or null")
    return EventRecord(
        type=event_type,
        sentence=sentence,
        actor=_parties(obj.get("actor"), obj.get("actor_country"), "actor"),
        recipient=_parties(obj.get("recipient"), obj.get("recipient_country"), "recipient"),
        mode=modes,
        status=status,
        trigger=trigger,
        date=event_date,
        location=tuple(p for p in _strings(obj.get("location"), "location", split=False) if p),
        context=context,
    )


def parse_document(obj: Any, *, strict: bool = True) -> EventDocument:
    """An :class:`EventDocument` from one line of the format; ValueError says what is wrong."""
    if not isinstance(obj, dict):
        raise ValueError("a line must be a JSON object")
    doc = obj.get("doc")
    if not isinstance(doc, str) or not doc.strip():
        raise ValueError('"doc" must be a non-empty path')
    events = obj.get("events", [])
    if not isinstance(events, list):
        raise ValueError('"events" must be a list')
    parsed = []
    for i, event in enumerate(events, 1):
        try:
            parsed.append(parse_event(event, strict=strict))
        except ValueError as exc:
            raise ValueError(f"event {i}: {exc}") from None
    doc_id, doc_date, fmt = obj.get("doc_id"), obj.get("date"), obj.get("format")
    return EventDocument(
        doc=doc,
        events=tuple(parsed),
        doc_id=str(doc_id) if doc_id is not None else None,
        date=doc_date if isinstance(doc_date, str) else None,
        format=fmt if isinstance(fmt, str) else None,
    )


def read_events_jsonl(path: str | Path, *, strict: bool = True) -> list[EventDocument]:
    """The documents of an events JSONL file (gold, or predictions with ``strict=False``)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise EvaluationError("file not found", item=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"cannot read the file ({exc.__class__.__name__}: {exc})", item=str(path)) from None
    documents = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvaluationError(f"line {number}: not valid JSON ({exc.msg})", item=str(path)) from None
        try:
            documents.append(parse_document(obj, strict=strict))
        except ValueError as exc:
            raise EvaluationError(f"line {number}: {exc}", item=str(path)) from None
    return documents


# ---------------------------------------------------------------- matching


def tokens(text: str) -> Counter:
    """The lowercased ``\\w+`` tokens of ``text``, counted."""
    return Counter(_TOKEN.findall(text.lower()))


def overlap(predicted: str | Counter, gold: str | Counter) -> float:
    """|p ∩ g| / max(|p|, |g|) over token multisets; 0.0 when either side has no token."""
    p = tokens(predicted) if isinstance(predicted, str) else predicted
    g = tokens(gold) if isinstance(gold, str) else gold
    longest = max(sum(p.values()), sum(g.values()))
    return sum((p & g).values()) / longest if longest else 0.0


def _norm_name(name: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFC", name)).strip().casefold()


def party_right(gold: Sequence[Party], predicted: Sequence[Party]) -> bool:
    """SPEC §3: a predicted name equals a gold one (case-insensitively) or the codes are equal."""
    if not gold:
        return not predicted
    names = {_norm_name(p.name) for p in gold if p.name}
    codes = {p.country.upper() for p in gold if p.country}
    for party in predicted:
        candidates = [party.name, *party.aliases] if party.name else list(party.aliases)
        if any(_norm_name(c) in names for c in candidates if c):
            return True
        if party.country and party.country.strip().upper() in codes:
            return True
    return False


def _date_key(value: str | None) -> str | None:
    """A date as compared: no time of day; an ISO week (``2018-W44``) as its Monday, as the
    times evaluator compares weeks (kronika's DatePrecision has no ``week``)."""
    if not value:
        return None
    value = value.strip().split("T", 1)[0]
    week = _WEEK.fullmatch(value)
    if week:
        try:
            return _Date.fromisocalendar(int(week[1]), int(week[2]), 1).isoformat()
        except ValueError:
            return value
    return value


def match_events(
    gold: Sequence[EventRecord], predicted: Sequence[EventRecord], threshold: float = MATCH_THRESHOLD
) -> list[tuple[int, int, float]]:
    """One-to-one ``(gold index, predicted index, overlap)`` pairs, best first (see module doc)."""
    gold_tokens = [tokens(g.sentence) for g in gold]
    pred_tokens = [tokens(p.sentence) for p in predicted]
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if g.type != p.type:
                continue
            score = overlap(pred_tokens[pi], gold_tokens[gi])
            if score >= threshold:
                agree = (
                    party_right(g.actor, p.actor)
                    + party_right(g.recipient, p.recipient)
                    + (_date_key(g.date) == _date_key(p.date))
                )
                candidates.append((-score, -agree, gi, pi))
    candidates.sort()
    used_gold, used_pred, pairs = set(), set(), []
    for neg_score, _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi, -neg_score))
    return sorted(pairs)


# ---------------------------------------------------------------- scoring


@dataclass
class _Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    full: int = 0
    actor: int = 0
    recipient: int = 0
    date: int = 0
    status: int = 0
    mode: int = 0
    per_type: dict = field(default_factory=dict)

    def count_type(self, event_type: str, key: str) -> None:
        counts = self.per_type.setdefault(event_type, {"gold": 0, "predicted": 0, "matched": 0})
        counts[key] += 1


def score_events(
    gold_docs: Sequence[EventDocument], predicted: Mapping[str, Sequence[EventRecord]]
) -> dict:
    """SPEC §3 event scores; ``predicted`` maps a gold document's ``doc`` to its predicted events."""
    t = _Tally()
    missing = 0
    for doc in gold_docs:
        if doc.doc not in predicted:
            missing += 1
        system = list(predicted.get(doc.doc, ()))
        t.gold += len(doc.events)
        t.predicted += len(system)
        for e in doc.events:
            t.count_type(e.type, "gold")
        for e in system:
            t.count_type(e.type, "predicted")
        for gi, pi, _ in match_events(doc.events, system):
            g, p = doc.events[gi], system[pi]
            actor_ok, recipient_ok = party_right(g.actor, p.actor), party_right(g.recipient, p.recipient)
            t.matched += 1
            t.count_type(g.type, "matched")
            t.full += actor_ok and recipient_ok
            t.actor += actor_ok
            t.recipient += recipient_ok
            t.date += _date_key(g.date) == _date_key(p.date)
            t.status += g.status == p.status
            t.mode += set(g.mode) == set(p.mode)
    p1, r1, f1 = prf(t.matched, t.gold, t.predicted)
    p2, r2, f2 = prf(t.full, t.gold, t.predicted)

    def accuracy(n: int) -> float:
        return n / t.matched if t.matched else 0.0

    scores: dict = {
        "type_sentence_precision": p1,
        "type_sentence_recall": r1,
        "type_sentence_f1": f1,
        "full_precision": p2,
        "full_recall": r2,
        "full_f1": f2,
        "date_accuracy": accuracy(t.date),
        "actor_accuracy": accuracy(t.actor),
        "recipient_accuracy": accuracy(t.recipient),
        "status_accuracy": accuracy(t.status),
        "mode_accuracy": accuracy(t.mode),
        "documents": len(gold_docs),
        "documents_without_prediction": missing,
        "gold_events": t.gold,
        "predicted_events": t.predicted,
        "matched_events": t.matched,
        "full_matched_events": t.full,
    }
    for event_type in EVENT_TYPES:
        counts = t.per_type.get(event_type)
        if not counts:
            continue
        for key in ("gold", "predicted", "matched"):
            scores[f"{event_type}_{key}"] = counts[key]
        scores[f"{event_type}_f1"] = prf(counts["matched"], counts["gold"], counts["predicted"])[2]
    return scores


# ---------------------------------------------------------------- the system side


def find_sentence(text: str, sentence: str) -> tuple[int, int] | None:
    """Offsets of ``sentence`` in ``text``, whitespace runs matching any whitespace; None if absent."""
    words = sentence.split()
    if not words:
        return None
    match = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return (match.start(), match.end()) if match else None


def events_from_analysis(analysis: Analysis) -> list[EventRecord]:
    """The events of an :class:`Analysis` as records: evidence offsets become the sentence text."""
    entities = {e.id: e for e in analysis.entities}
    text = analysis.article.text

    def parties(members) -> tuple[Party, ...]:
        out = []
        for m in members:
            entity = entities.get(m.entity)
            name = m.name or (entity.name if entity else None)
            aliases = (entity.name, *entity.aliases) if entity else ()
            out.append(Party(name, m.country or (entity.country if entity else None), tuple(a for a in aliases if a)))
        return tuple(out)

    records = []
    for event in analysis.events:
        start, end = event.evidence if event.evidence else (0, 0)
        records.append(
            EventRecord(
                type=event.type,
                sentence=text[start:end],
                actor=parties(event.actor),
                recipient=parties(event.recipient),
                mode=(event.mode,) if event.mode else (),
                status=event.status,
                trigger=event.trigger,
                date=event.date,
                location=(event.location,) if event.location else (),
                context=tuple(event.context),
            )
        )
    return records


def _party_json(parties: Sequence[Party]) -> tuple[Any, Any]:
    names = [p.name for p in parties]
    codes = [p.country for p in parties]
    if not parties:
        return None, None
    if len(parties) == 1:
        return names[0], codes[0]
    return names, codes


def prediction_record(event: Event | EventRecord, analysis: Analysis | None = None) -> dict:
    """One event in the gold format (for ``--predictions`` files written from kronika's output)."""
    if isinstance(event, Event):
        if analysis is None:
            raise ValueError("an Event needs its Analysis")
        single = analysis.model_copy(update={"events": [event]})
        event = events_from_analysis(single)[0]
    actor, actor_country = _party_json(event.actor)
    recipient, recipient_country = _party_json(event.recipient)
    return {
        "type": event.type,
        "mode": event.mode[0] if len(event.mode) == 1 else (list(event.mode) or None),
        "status": event.status,
        "actor": actor,
        "actor_country": actor_country,
        "recipient": recipient,
        "recipient_country": recipient_country,
        "sentence": event.sentence,
        "trigger": event.trigger,
        "date": event.date,
        "location": event.location[0] if len(event.location) == 1 else (list(event.location) or None),
        "context": list(event.context),
    }


def check_gold(documents: Sequence[EventDocument], articles: Sequence[Article]) -> list[str]:
    """Problems of a gold file against its articles: sentences not verbatim in the text (modulo
    whitespace), triggers not in their sentence, ids and dates that differ. Empty when clean."""
    problems = []
    for doc, article in zip(documents, articles):
        if doc.doc_id is not None and doc.doc_id != article.id:
            problems.append(f"{doc.doc}: doc_id {doc.doc_id!r}, article id {article.id!r}")
        if doc.date is not None and doc.date != article.date:
            problems.append(f"{doc.doc}: date {doc.date!r}, article date {article.date!r}")
        for i, event in enumerate(doc.events, 1):
            if find_sentence(article.text, event.sentence) is None:
                problems.append(f"{doc.doc}: event {i}: sentence not in the article: {event.sentence[:60]!r}")
            if event.trigger and find_sentence(event.sentence, event.trigger) is None:
                problems.append(f"{doc.doc}: event {i}: trigger {event.trigger!r} not in its sentence")
    return problems


def load_articles(documents: Iterable[EventDocument], root: str | Path) -> list[Article]:
    """Read each document's article (``root / doc``) with the reader its format needs."""
    from ..read import ReadOptions, read_paths

    articles = []
    for doc in documents:
        path = Path(root) / doc.doc
        if not path.is_file():
            raise EvaluationError(f"document {doc.doc!r} not found under {root}", item=str(path))
        results = list(read_paths([path], ReadOptions(format=doc.format)))
        article = next((r for r in results if isinstance(r, Article)), None)
        if article is None:
            reason = results[0].message if results else "no article"
            raise EvaluationError(f"unreadable document: {reason}", item=str(path))
        if doc.date and article.date and doc.date != article.date:
            log.warning("%s: gold date %s, article date %s", doc.doc, doc.date, article.date)
        articles.append(article)
    return articles


def evaluate_events(
    nlp: Any | Callable[[], Any] | None,
    gold_path: str | Path,
    *,
    root: str | Path | None = None,
    predictions: str | Path | None = None,
) -> dict:
    """SPEC §3 event scores of ``nlp`` (or of a ``predictions`` file) on an events gold file.

    ``nlp`` may be a function that loads the pipeline: it is called only once the gold file and
    its documents have been read, so bad input fails fast.
    """
    gold_path = Path(gold_path)
    gold = read_events_jsonl(gold_path)
    if not gold:
        raise EvaluationError("no document in the gold file", item=str(gold_path))
    seen = Counter(d.doc for d in gold)
    repeated = [doc for doc, n in seen.items() if n > 1]
    if repeated:
        raise EvaluationError(f"document {repeated[0]!r} appears more than once", item=str(gold_path))
    if predictions is not None:
        system: dict[str, list[EventRecord]] = {}
        for doc in read_events_jsonl(predictions, strict=False):
            system.setdefault(doc.doc, []).extend(doc.events)
        if not system.keys() & seen.keys():
            raise EvaluationError("no document of the gold file has a prediction", item=str(predictions))
        return score_events(gold, system)
    if nlp is None:
        raise ValueError("evaluate_events needs a pipeline or a predictions file")
    articles = load_articles(gold, root if root is not None else gold_path.parent)
    if callable(nlp) and not hasattr(nlp, "pipe"):
        nlp = nlp()
    from ..analysis import analyse_articles

    system = {
        doc.doc: events_from_analysis(analysis)
        for doc, (analysis, _) in zip(gold, analyse_articles(nlp, articles))
    }
    return score_events(gold, system)

"""PLOVER event records with the codebook's field names (kronika/export/plover.py)."""
from __future__ import annotations

import json

import pytest

from kronika.export.plover import EVENT_TYPES, QUAD_CODES, SCORES, event_scale, event_to_plover, export_type
from kronika.model import Article, Entity, Event, EventActor, Mention

TEXT = "Wstęp. Niemal natychmiast żołnierzy do Kazachstanu wysłały Rosja i Białoruś. Koniec."
START = TEXT.index("Niemal")
END = TEXT.index(" Koniec")
ARTICLE = Article(id="seed", text=TEXT, date="2022-01", date_precision="month", title=None,
                  url="https://example.org/a", language="pl", source="examples/seed.txt")
ENTITIES = [
    Entity(id="e-rus", type="GPE", name="Rosja", country="RUS",
           mentions=[Mention(start=TEXT.index("Rosja"), end=TEXT.index("Rosja") + 5, text="Rosja", base="Rosja")]),
    Entity(id="e-kaz", type="GPE", name="Kazachstan", country="KAZ",
           mentions=[Mention(start=TEXT.index("Kazachstanu"), end=TEXT.index("Kazachstanu") + 11, text="Kazachstanu")]),
]
AID = Event(type="AID", context=["military"], actor=[EventActor(entity="e-rus", sector="GOV")],
            recipient=[EventActor(entity="e-kaz")], date="2022-01", date_precision="month",
            location="Kazachstan", trigger="wysłały", evidence=(START, END))

CODEBOOK_FIELDS = {
    "id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient", "event", "event_loc",
    "event_text", "quad_code", "event_scale", "mode", "context", "link", "text", "text_info", "cite_info",
    "coder", "coded_date", "coded_time", "comment",
}
EXTRA_FIELDS = {"date_precision", "date_source", "status", "trigger"}


def test_a_record_uses_the_codebook_field_names():
    record = event_to_plover(AID, ARTICLE, entities=ENTITIES)
    json.dumps(record)  # plain JSON
    assert set(record) <= CODEBOOK_FIELDS | EXTRA_FIELDS
    assert {"id", "date", "actor", "event"} <= set(record)  # the codebook's required fields
    assert record["event"] == ["AID"] and record["mode"] == [] and record["context"] == ["military"]
    assert record["has_event"] is True and record["quad_code"] == 2 and record["event_scale"] == 10.0
    assert record["date"] == "2022-01" and record["date_precision"] == "month"
    assert record["event_text"] == [TEXT[START:END]]
    assert record["text_info"] == {"start": START, "end": END}
    assert record["event_loc"] == {"extracted_place": "Kazachstan"}
    assert record["actor"] == [{"code": "RUS", "sector": "GOV", "entity_text": "Rosja",
                                "identifier_id": "e-rus", "identifier_text": "Rosja"}]
    assert record["recipient"][0]["entity_text"] == "Kazachstanu"
    assert record["cite_info"]["url"] == ARTICLE.url and record["cite_info"]["codebook"].startswith("PLOVER")
    assert record["id"] == event_to_plover(AID, ARTICLE, entities=ENTITIES)["id"]  # stable


def test_announced_events_follow_the_codebook_reductions():
    retreat = AID.model_copy(update={"type": "RETREAT", "mode": "withdraw", "status": "announced", "date": None})
    record = event_to_plover(retreat, ARTICLE)
    assert record["event"] == ["CONCEDE"] and record["mode"] == [] and "future" not in record["context"]
    assert "announced RETREAT" in record["comment"] and record["status"] == "announced"
    assert record["date"] == "2022-01" and record["date_source"] == "article"
    aid = AID.model_copy(update={"status": "announced"})
    assert event_to_plover(aid, ARTICLE)["event"] == ["AGREE"]
    sanction = AID.model_copy(update={"type": "SANCTION", "mode": "discontinue", "status": "announced"})
    record = event_to_plover(sanction, ARTICLE)
    assert record["event"] == ["SANCTION"] and record["mode"] == ["discontinue"] and "future" in record["context"]


def test_negated_events_are_kept_but_flagged():
    record = event_to_plover(AID.model_copy(update={"status": "negated"}), ARTICLE)
    assert record["has_event"] is False and "negation" in record["context"]


def test_without_entities_the_names_come_from_the_event():
    event = AID.model_copy(update={"actor": [EventActor(entity="x", name="Rosja", country="RUS")], "evidence": None})
    record = event_to_plover(event, ARTICLE)
    assert record["actor"][0]["identifier_text"] == record["actor"][0]["entity_text"] == "Rosja"
    assert record["event_text"] == [] and record["text_info"] is None


def test_codebook_tables():
    assert set(QUAD_CODES) == set(EVENT_TYPES)
    assert all((t, None) in SCORES for t in EVENT_TYPES)
    assert event_scale("ASSAULT", "unconventional") == -10 and event_scale("PROTEST", "vandalize") == -5
    assert export_type("CONSULT", "announced") == "AGREE" and export_type("CONSULT") == "CONSULT"
    with pytest.raises(ValueError):
        export_type("FIGHT")

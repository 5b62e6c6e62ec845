"""The JSON API on a small hand-built knowledge base (no model needed)."""
from __future__ import annotations

import csv
import io
import json

TOKAJEW = "PER:kasym-żomart-tokajew"
PUTIN = "PER:władimir-putin"


def test_search_finds_an_inflected_name(client):
    body = client.get("/api/search", params={"q": "Tokajewa"}).json()
    assert body["total"] == 1
    [hit] = body["results"]
    assert hit["title"] == "Tokajew prosi ODKB o pomoc" and hit["date"] == "2022-01"
    marked = [hit["snippet"][s:e] for s, e in hit["snippet_hits"]]
    assert marked and all(m.startswith("Tokajew") for m in marked)


def test_search_filters(client):
    def ids(**params):
        return [r["id"] for r in client.get("/api/search", params=params).json()["results"]]

    everything = ids(date_from="2000")
    assert len(everything) == 2
    assert ids(q="Putin", entity="Tokajew") == ids(q="Tokajewa")
    assert ids(speaker="Putin", date_from="2023-01-01") == ids(q="pogrubienie")
    assert ids(event_type="AID") == ids(q="Tokajewa")
    assert ids(country="CSTO") == ids(q="Tokajewa")
    assert ids(date_from="2022-01", date_to="2022-01") == ids(q="Tokajewa")
    assert ids(q="Tokajewa", date_from="2023") == []


def test_search_pages(client):
    first = client.get("/api/search", params={"date_from": "2000", "size": 1}).json()
    second = client.get("/api/search", params={"date_from": "2000", "size": 1, "page": 2}).json()
    assert first["has_next"] and not second["has_next"]
    assert first["results"][0]["id"] != second["results"][0]["id"]


def test_article_has_its_findings_with_offsets(client):
    body = client.get("/api/articles/1").json()
    text = body["article"]["text"]
    assert body["article"]["source_id"] == "seed-1"
    assert {e["id"] for e in body["entities"]} >= {TOKAJEW, PUTIN, "GPE:KAZ"}
    for m in body["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
    [q] = [q for q in body["quotes"] if q["speaker_id"] == TOKAJEW]
    assert text[q["start"]:q["end"]] == "przywrócono porządek"
    [request] = [e for e in body["events"] if e["type"] == "REQUEST"]
    assert request["actor"][0]["entity"] == TOKAJEW and request["recipient"][0]["country"] == "CSTO"
    assert request["evidence_text"] == text[request["evidence"][0]:request["evidence"][1]]


def test_article_by_source_id_and_missing_article(client):
    assert client.get("/api/articles/seed-1").json()["article"]["id"] == 1
    response = client.get("/api/articles/999")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_entity(client):
    body = client.get(f"/api/entities/{TOKAJEW}").json()
    assert body["entity"]["name"] == "Kasym-Żomart Tokajew" and "Tokajew" in body["entity"]["aliases"]
    assert body["entity"]["country"] == "KAZ"
    assert body["mentions_by_month"] == {"2022-01": 2}
    assert [q["text"] for q in body["quotes"]] == ["przywrócono porządek"]
    assert [e["type"] for e in body["events"]] == ["REQUEST"]
    assert {c["id"] for c in body["cooccurring"]} >= {PUTIN, "GPE:KAZ", "ORG:CSTO"}


def test_entity_events_as_recipient(client):
    assert [e["type"] for e in client.get("/api/entities/GPE:KAZ").json()["events"]] == ["AID"]


def test_entities_list(client):
    body = client.get("/api/entities", params={"q": "tok"}).json()
    assert [e["id"] for e in body["results"]] == [TOKAJEW]
    types = {e["type"] for e in client.get("/api/entities", params={"type": "GPE"}).json()["results"]}
    assert types == {"GPE"}


def test_quotes_by_speaker_and_about_an_entity(client):
    def texts(**params):
        return [q["text"] for q in client.get("/api/quotes", params=params).json()["results"]]

    assert texts(speaker="Tokajewa") == ["przywrócono porządek"]
    assert texts(speaker=TOKAJEW) == ["przywrócono porządek"]
    assert len(texts(speaker="Putin")) == 2
    assert texts(q="rewolucje") == ["Nie pozwolimy na kolorowe rewolucje"]
    assert texts(entity="Kazachstan") == []


def test_events_filters(client):
    def types(**params):
        return sorted(e["type"] for e in client.get("/api/events", params=params).json()["results"])

    assert types() == ["AID", "REQUEST"]
    assert types(event_type="aid") == ["AID"]
    assert types(country="CSTO") == ["REQUEST"]
    assert types(actor="Rosja") == ["AID"]
    assert types(actor="RUS") == ["AID"]
    assert types(date_from="2022-02") == []
    assert types(q="żołnierzy") == ["AID", "REQUEST"]  # words match the article
    body = client.get("/api/events").json()
    assert body["events_by_month"] == {"2022-01": 2}


def test_errors_have_one_json_shape(client):
    for url, status in (("/api/nope", 404), ("/api/search?date_from=yesterday", 422), ("/api/events?event_type=PARTY", 400),
                        ("/api/search?page=0", 422)):
        response = client.get(url)
        assert response.status_code == status, url
        error = response.json()["error"]
        assert error["status"] == status and error["code"] and error["message"]


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/search", "/api/quotes", "/api/events", "/api/export/events.{fmt}"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/search" in docs.text
    assert "cdn." not in docs.text and "http" not in docs.text.split("<main>")[1].split("</main>")[0].replace("/openapi.json", "")


def test_export_plover(client):
    response = client.get("/api/export/events.plover.json", params={"event_type": "REQUEST"})
    assert response.status_code == 200
    [record] = response.json()
    assert record["event"] == ["REQUEST"] and record["actor"][0]["identifier_id"] == TOKAJEW
    assert record["cite_info"]["citation"] == "seed-1" and record["event_text"]


def test_export_csv_and_jsonl(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/events.csv").text)))
    assert {r["type"] for r in rows} == {"AID", "REQUEST"}
    assert [r for r in rows if r["type"] == "AID"][0]["actor_country"] == "RUS"
    lines = client.get("/api/export/quotes.jsonl", params={"speaker": "Putin"}).text.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["speaker_id"] == PUTIN for line in lines)
    quotes_csv = list(csv.DictReader(io.StringIO(client.get("/api/export/quotes.csv").text)))
    assert len(quotes_csv) == 3


def test_export_articles_as_analysis_json(client):
    from kronika.model import Analysis

    [line] = client.get("/api/export/articles.jsonl", params={"q": "Tokajewa"}).text.splitlines()
    analysis = Analysis.model_validate_json(line)
    assert analysis.article.id == "seed-1" and any(e.id == TOKAJEW for e in analysis.entities)


def test_quotes_of_a_speaker_known_by_description_only(tmp_path):
    from fastapi.testclient import TestClient

    from kronika.model import Analysis, Article, Quote
    from kronika.serve import create_app

    from .conftest import build_db

    text = "„Nie ma zagrożenia” - powiedział rzecznik Kremla w poniedziałek."
    quote = Quote(kind="direct", text="Nie ma zagrożenia", start=1, end=18, speaker="rzecznik Kremla",
                  speaker_name="rzecznik Kremla", cue="powiedział")
    item = Article(id="k-1", text=text, date="2022-01-03", date_precision="day", source="test")
    build_db(tmp_path / "k.db", [(Analysis(article=item, quotes=[quote]), "nie mieć zagrożenie powiedzieć rzecznik kreml")])
    with TestClient(create_app(tmp_path / "k.db")) as c:
        for speaker in ("rzecznik Kremla", "Rzecznik Kremla "):
            body = c.get("/api/quotes", params={"speaker": speaker}).json()
            assert [q["text"] for q in body["results"]] == ["Nie ma zagrożenia"]
            assert c.get("/api/search", params={"speaker": speaker}).json()["total"] == 1

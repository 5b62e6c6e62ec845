"""`kronika evaluate events`: the scorer, the gold files, the system side and the command."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from kronika.errors import EvaluationError
from kronika.evaluate.events import (
    EventDocument,
    EventRecord,
    Party,
    check_gold,
    evaluate_events,
    events_from_analysis,
    find_sentence,
    load_articles,
    match_events,
    overlap,
    parse_event,
    party_right,
    prediction_record,
    read_events_jsonl,
    score_events,
)
from kronika.export.plover import EVENT_TYPES
from kronika.model import Analysis, Article, Entity, Event, EventActor, Mention

REPO = Path(__file__).resolve().parents[2]
DEV = REPO / "tests" / "data" / "events_dev.jsonl"
SEED = REPO / "tests" / "data" / "events_seed.jsonl"
EXAMPLES = REPO / "examples"
BSNLP = REPO.parent / "shared" / "data" / "bsnlp-pl"

S1 = "Niemal natychmiast żołnierzy do Kazachstanu wysłały Rosja i Białoruś."
S2 = "Prezydent Rosji zapowiedział, że kontyngent sił ODKB zostanie wycofany z Kazachstanu."


def ev(type="AID", sentence=S1, actor=(), recipient=(), date=None, **kw) -> EventRecord:
    return EventRecord(type=type, sentence=sentence, actor=tuple(actor), recipient=tuple(recipient), date=date, **kw)


RUS, BLR, KAZ = Party("Rosja", "RUS"), Party("Białoruś", "BLR"), Party("Kazachstan", "KAZ")
GOLD = ev(actor=[RUS, BLR], recipient=[KAZ], date="2022-01")


def score(gold, predicted):
    return score_events([EventDocument("d", tuple(gold))], {"d": list(predicted)})


# ---------------------------------------------------------------- the scorer


def test_overlap_is_token_multiset_overlap_over_the_longer_side():
    assert overlap("A b, c!", "a B c") == 1.0
    assert overlap("a b c d", "a b") == 0.5
    assert overlap("a a b", "a b b") == pytest.approx(2 / 3)
    assert overlap("", "a") == 0.0


def test_perfect_prediction_scores_one():
    s = score([GOLD], [GOLD])
    for key in ("type_sentence_f1", "full_f1", "date_accuracy", "actor_accuracy", "recipient_accuracy"):
        assert s[key] == 1.0, key
    assert (s["AID_gold"], s["AID_predicted"], s["AID_matched"], s["AID_f1"]) == (1, 1, 1, 1.0)


def test_wrong_type_does_not_match():
    s = score([GOLD], [ev(type="MOBILIZE", actor=[RUS], recipient=[KAZ])])
    assert s["type_sentence_f1"] == 0.0 and s["matched_events"] == 0
    assert (s["AID_gold"], s["AID_predicted"], s["MOBILIZE_predicted"]) == (1, 0, 1)


def test_sentence_overlap_below_one_half_does_not_match():
    # 9 gold tokens, 10 predicted: 5 shared is exactly 0.5 (a match), 4 is not
    half = "Niemal natychmiast żołnierzy do Kazachstanu coś tam jeszcze dalej potem."
    below = "Niemal natychmiast żołnierzy do zupełnie coś tam jeszcze dalej potem."
    assert overlap(half, S1) == 0.5 and overlap(below, S1) == 0.4
    assert score([GOLD], [ev(sentence=half, actor=[RUS], recipient=[KAZ])])["matched_events"] == 1
    s = score([GOLD], [ev(sentence=below, actor=[RUS], recipient=[KAZ])])
    assert s["matched_events"] == 0 and s["type_sentence_precision"] == 0.0


def test_actor_by_name_case_insensitive_or_by_country_code():
    assert party_right([RUS, BLR], [Party("BIAŁORUŚ", None)])  # one member is enough
    assert party_right([RUS], [Party("Federacja Rosyjska", "RUS")])  # by code
    assert party_right([RUS], [Party("Moskwa", None, aliases=("rosja",))])  # an alias is a base-form name
    assert not party_right([RUS], [Party("Moskwa", None)])
    assert not party_right([Party("Rosja", None)], [Party("Moskwa", None)])  # null codes never match
    assert party_right([Party(None, "PAK")], [Party("policja", "PAK")])  # unnamed gold actor
    s = score([GOLD], [ev(actor=[Party("Putin", "RUS")], recipient=[Party("Astana", "USA")], date="2022-01")])
    assert s["type_sentence_f1"] == 1.0 and s["actor_accuracy"] == 1.0
    assert s["recipient_accuracy"] == 0.0 and s["full_f1"] == 0.0


def test_empty_gold_recipient_is_matched_only_by_an_empty_prediction():
    gold = ev(type="PROTEST", sentence=S2, actor=[Party(None, "KAZ")])
    assert score([gold], [ev(type="PROTEST", sentence=S2, actor=[KAZ])])["full_f1"] == 1.0
    s = score([gold], [ev(type="PROTEST", sentence=S2, actor=[KAZ], recipient=[RUS])])
    assert s["recipient_accuracy"] == 0.0 and s["full_f1"] == 0.0
    assert not party_right([], [KAZ]) and party_right([], [])


def test_date_accuracy_on_matched_events():
    other = ev(type="RETREAT", sentence=S2, date="2022-01-10")
    gold = [GOLD, other, ev(type="ACCUSE", sentence="Putin obwinił siły zewnętrzne.")]
    predicted = [
        ev(actor=[RUS], recipient=[KAZ], date="2022-01"),
        ev(type="RETREAT", sentence=S2, date="2022-01-11"),
    ]
    s = score(gold, predicted)
    assert s["matched_events"] == 2 and s["date_accuracy"] == 0.5
    assert s["type_sentence_recall"] == pytest.approx(2 / 3)
    # null equals null, a datetime is compared by its day, an ISO week as its Monday
    assert score([ev()], [ev()])["date_accuracy"] == 1.0
    assert score([ev(date="2022-01-10")], [ev(date="2022-01-10T12:00")])["date_accuracy"] == 1.0
    assert score([ev(date="2018-W44")], [ev(date="2018-10-29")])["date_accuracy"] == 1.0
    assert score([ev(date="2018-W44")], [ev(date="2018-W44")])["date_accuracy"] == 1.0
    assert score([ev(date="2022-01")], [ev(date="2022-01-10")])["date_accuracy"] == 0.0


def test_matching_is_one_to_one_and_prefers_the_same_arguments():
    a = ev(type="CONCEDE", sentence=S2, actor=[Party("Tokajew", "KAZ")])
    b = ev(type="CONCEDE", sentence=S2, actor=[Party("władze", "RUS")])
    assert [(g, p) for g, p, _ in match_events([a, b], [b, a])] == [(0, 1), (1, 0)]
    s = score([a], [a, a])
    assert (s["matched_events"], s["type_sentence_precision"], s["type_sentence_recall"]) == (1, 0.5, 1.0)


def test_documents_without_prediction_count_as_empty():
    s = score_events([EventDocument("d", (GOLD,)), EventDocument("e", (GOLD,))], {"d": [GOLD]})
    assert s["documents_without_prediction"] == 1 and s["type_sentence_recall"] == 0.5
    assert s["type_sentence_precision"] == 1.0


def test_parse_event_accepts_lists_strings_and_semicolons():
    e = parse_event({"type": "AID", "sentence": S1, "actor": "Rosja; Białoruś", "actor_country": ["RUS", "BLR"],
                     "recipient": "Kazachstan", "recipient_country": "KAZ", "mode": None, "date": "2022-01"})
    assert e.actor == (RUS, BLR) and e.recipient == (KAZ,) and e.status == "occurred"
    e = parse_event({"type": "ACCUSE", "sentence": S1, "actor": ["a", "b"], "actor_country": "EU", "mode": "allege"})
    assert e.actor == (Party("a", "EU"), Party("b", "EU")) and e.mode == ("allege",)


@pytest.mark.parametrize(
    "bad, message",
    [
        ({"type": "FIGHT"}, "not a PLOVER event type"),
        ({"mode": "riot"}, "not a mode of AID"),
        ({"status": "planned"}, "status"),
        ({"actor_country": "Russia"}, "not an ISO 3166"),
        ({"date": "10.01.2022"}, "date"),
        ({"context": ["wojna"]}, "not a PLOVER context"),
        ({"confidence": 0.9}, "unknown event keys"),
        ({"actor": ["a", "b", "c"], "actor_country": ["RUS", "BLR"]}, "3 names but 2 country codes"),
        ({"sentence": " "}, "sentence"),
    ],
)
def test_bad_gold_events_are_refused(tmp_path, bad, message):
    event = {"type": "AID", "sentence": S1, **bad}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"doc": "x.txt", "events": [event]}) + "\n", encoding="utf-8")
    with pytest.raises(EvaluationError) as caught:
        read_events_jsonl(path)
    assert caught.value.item == str(path)
    assert "line 1: event 1:" in str(caught.value) and message in str(caught.value)


def test_predictions_may_carry_extra_keys(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({"doc": "x", "events": [{"type": "AID", "sentence": S1, "score": 1}]}) + "\n")
    assert read_events_jsonl(path, strict=False)[0].events[0].type == "AID"


def test_find_sentence_ignores_whitespace_differences():
    text = "Pierwsze.\n\nNiemal  natychmiast żołnierzy\ndo Kazachstanu wysłały Rosja i Białoruś. Koniec."
    start, end = find_sentence(text, S1)
    assert text[start:end].split() == S1.split()
    assert find_sentence(text, "Nie ma takiego zdania.") is None


# ---------------------------------------------------------------- the gold files


def test_gold_files_are_well_formed():
    dev, [seed] = read_events_jsonl(DEV), read_events_jsonl(SEED)
    assert len(dev) >= 30 and seed.doc == "seed.txt" and len(seed.events) == 10
    assert len({d.doc for d in dev}) == len(dev) and len({d.doc_id for d in dev}) == len(dev)
    assert all(d.doc.startswith(("asia_bibi/raw/pl/", "brexit/raw/pl/")) for d in dev)
    events = [e for d in dev for e in d.events]
    assert set(Counter(e.type for e in events)) == set(EVENT_TYPES)  # every PLOVER type is exercised
    assert {e.status for e in events} == {"occurred", "announced", "negated"}
    assert all(e.actor or e.recipient for e in events)
    assert all(e.trigger and e.sentence == e.sentence.strip() for e in events)


@pytest.mark.skipif(not BSNLP.is_dir(), reason="../shared/data/bsnlp-pl is not here")
def test_dev_gold_sentences_are_verbatim_in_their_articles():
    gold = read_events_jsonl(DEV)
    articles = load_articles(gold, BSNLP)
    assert all(a.format == "bsnlp" for a in articles)
    assert check_gold(gold, articles) == []


def test_seed_gold_matches_spec_section_4():
    [gold] = read_events_jsonl(SEED)
    [article] = load_articles([gold], EXAMPLES)
    assert check_gold([gold], [article]) == []
    assert (article.date, article.date_precision) == ("2022-01", "month")
    by_type = Counter(e.type for e in gold.events)
    assert {"PROTEST", "CONCEDE", "REQUEST", "AID", "ACCUSE", "RETREAT"} == set(by_type)
    assert by_type["CONCEDE"] == 2  # the dismissal of the prime minister and the withdrawn price rise
    [aid] = [e for e in gold.events if e.type == "AID"]
    assert {p.country for p in aid.actor} == {"RUS", "BLR"} and aid.recipient[0].country == "KAZ"
    assert "military" in aid.context
    [retreat] = [e for e in gold.events if e.type == "RETREAT"]
    assert (retreat.status, retreat.mode, retreat.actor[0].country) == ("announced", ("withdraw",), "CSTO")
    [protest] = [e for e in gold.events if e.type == "PROTEST"]
    assert protest.date == "2022-01"  # "na początku ubiegłego tygodnia" against a month-dated article
    assert any(p.country == "CSTO" for e in gold.events if e.type == "REQUEST" for p in e.recipient)


# ---------------------------------------------------------------- the system side


def _analysis() -> Analysis:
    text = "Wstęp. " + S1 + " Koniec."
    start = text.index(S1)
    rus = Entity(id="e1", type="GPE", name="Rosja", aliases=["Federacja Rosyjska"], country="RUS",
                 mentions=[Mention(start=text.index("Rosja"), end=text.index("Rosja") + 5, text="Rosja")])
    kaz = Entity(id="e2", type="GPE", name="Kazachstan", country="KAZ")
    event = Event(type="AID", actor=[EventActor(entity="e1")], recipient=[EventActor(entity="e2", name="Kazachstan")],
                  date="2022-01", trigger="wysłały", evidence=(start, start + len(S1)))
    article = Article(id="a", text=text, date="2022-01", date_precision="month")
    return Analysis(article=article, entities=[rus, kaz], events=[event])


def test_events_from_an_analysis_use_the_evidence_sentence_and_entity_names():
    [record] = events_from_analysis(_analysis())
    assert record.sentence == S1 and record.type == "AID" and record.date == "2022-01"
    assert record.actor == (Party("Rosja", "RUS", ("Rosja", "Federacja Rosyjska")),)
    assert record.recipient[0].name == "Kazachstan"
    assert score([GOLD], [record])["full_f1"] == 1.0


def test_prediction_record_writes_the_gold_format():
    line = prediction_record(_analysis().events[0], _analysis())
    assert parse_event(line).actor == (Party("Rosja", "RUS"),)
    assert line["sentence"] == S1 and line["recipient_country"] == "KAZ"
    assert prediction_record(GOLD)["actor"] == ["Rosja", "Białoruś"]


def test_evaluate_events_runs_a_pipeline_after_reading_the_gold(tmp_path, monkeypatch):
    import kronika.analysis

    (tmp_path / "a.txt").write_text("date 2022-01 " + S1 + "\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc": "a.txt", "events": [{"type": "AID", "sentence": S1, "actor": "Rosja"}]}) + "\n")
    calls = []

    def fake_analyse(nlp, articles, **kw):
        for article in articles:
            event = Event(type="AID", actor=[EventActor(entity="x", name="rosja")], evidence=(0, len(article.text)))
            yield Analysis(article=article, events=[event]), None

    monkeypatch.setattr(kronika.analysis, "analyse_articles", fake_analyse)
    scores = evaluate_events(lambda: calls.append(1) or "nlp", gold)
    assert calls == [1] and scores["full_f1"] == 1.0
    with pytest.raises(EvaluationError, match="not found"):
        evaluate_events(lambda: calls.append(2), gold, root=tmp_path / "elsewhere")
    assert calls == [1]  # the pipeline is loaded only once the articles are read


# ---------------------------------------------------------------- the command


@pytest.fixture
def run_cli():
    import typer
    from typer.testing import CliRunner

    from kronika.cli.evaluate_events import evaluate_events_command

    app = typer.Typer()
    app.command()(evaluate_events_command)
    return lambda *args: CliRunner().invoke(app, [str(a) for a in args])


def test_cli_gold_against_itself_scores_one(run_cli):
    result = run_cli(DEV, "--predictions", DEV)
    assert result.exit_code == 0, result.output
    lines = dict(line.split("\t") for line in result.output.splitlines())
    for key in ("type_sentence_f1", "full_f1", "date_accuracy", "ACCUSE_f1"):
        assert lines[key] == "1.0000", key
    assert lines["documents"] == str(len(read_events_jsonl(DEV)))


def test_cli_json_and_seed(run_cli):
    result = run_cli(SEED, "--root", EXAMPLES, "--predictions", SEED, "--json")
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["full_f1"] == 1.0 and scores["gold_events"] == len(read_events_jsonl(SEED)[0].events)


def test_cli_errors_name_the_file(run_cli, tmp_path):
    result = run_cli(tmp_path / "missing.jsonl", "--predictions", DEV)
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'missing.jsonl'}: file not found" in result.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "nowhere.txt", "events": []}\n')
    result = run_cli(DEV, "--predictions", bad)
    assert result.exit_code == 1
    assert "bad.jsonl: no document of the gold file has a prediction" in result.output
    bad.write_text("{oops\n")
    result = run_cli(bad, "--predictions", DEV)
    assert result.exit_code == 1 and "bad.jsonl: line 1: not valid JSON" in result.output

"""`python -m kronika.evaluate.times`: detection and value scores for temporal expressions."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kronika.errors import EvaluationError
from kronika.evaluate.times import METRICS, evaluate_times, load_gold, main, score_times

REPO = Path(__file__).parents[2]
DEV = REPO / "tests" / "data" / "times_dev.jsonl"
BSNLP = REPO.parent / "shared" / "data" / "bsnlp-pl"


def t(start, end, value=None, precision=None, text="x"):
    return {"text": text, "start": start, "end": end, "value": value, "precision": precision}


def test_perfect_prediction():
    gold = [t(0, 5, "2018", "year"), t(10, 20, "2018-11-07", "day")]
    scores = score_times([("d", gold, gold)])
    assert all(scores[m] == 1.0 for m in METRICS)


def test_exact_overlap_and_value():
    gold = [t(0, 10, "2018-11-07", "day"), t(20, 30, "2018", "year"), t(40, 50, "2017", "year")]
    predicted = [t(0, 10, "2018-11-07", "day"), t(22, 30, "2019", "year"), t(60, 70, "2017", "year")]
    scores = score_times([("d", gold, predicted)])
    assert scores["exact_precision"] == scores["exact_recall"] == round(1 / 3, 4)
    assert scores["overlap_precision"] == scores["overlap_recall"] == round(2 / 3, 4)
    assert scores["value_accuracy"] == 0.5  # of the two overlapping pairs, one has the right value
    assert scores["value_accuracy_exact"] == 1.0
    assert scores["value_f1"] == round(1 / 3, 4)
    assert (scores["n_gold"], scores["n_predicted"], scores["n_overlap"]) == (3, 3, 2)


def test_pairs_are_one_to_one():
    gold = [t(0, 10), t(12, 20)]
    predicted = [t(0, 20)]
    scores = score_times([("d", gold, predicted)])
    assert scores["n_overlap"] == 1 and scores["overlap_recall"] == 0.5 and scores["overlap_precision"] == 1.0


def test_precision_must_match_too():
    scores = score_times([("d", [t(0, 4, "2018", "year")], [t(0, 4, "2018", None)])])
    assert scores["value_accuracy"] == 0.0


def test_a_week_is_not_its_monday():
    scores = score_times([("d", [t(0, 5, "2018-W44", "week")], [t(0, 5, "2018-10-29", "day")])])
    assert scores["value_accuracy"] == 0.0


def test_details_list_misses_and_extras():
    scores = score_times([("d", [t(0, 5, "2018", "year")], [t(10, 12, "2019", "year")])], details=True)
    kinds = {(m["gold"] is None, m["predicted"] is None) for m in scores["mismatches"]}
    assert kinds == {(True, False), (False, True)}


def _gold_file(tmp_path: Path, times: list[dict], date: str | None = "2018-11-08") -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(f"date {date} W środę sąd uchylił wyrok z 2010 roku.\n", encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc": "docs/a.txt", "date": date, "times": times}) + "\n", encoding="utf-8")
    return gold


def test_evaluate_times_reads_documents_relative_to_the_gold_file(tmp_path):
    gold = _gold_file(tmp_path, [
        {"text": "W środę", "start": 0, "end": 7, "value": "2018-11-07", "precision": "day"},
        {"text": "2010 roku", "start": 28, "end": 37, "value": "2010", "precision": "year"},
    ])
    scores = evaluate_times(gold)
    assert scores["exact_f1"] == 1.0 and scores["value_accuracy"] == 1.0


def test_evaluate_times_uses_the_gold_date_and_its_precision(tmp_path):
    gold = _gold_file(tmp_path, [{"start": 0, "end": 7, "value": "2018-11", "precision": "month"}], date="2018-11")
    assert evaluate_times(gold)["value_accuracy"] == 1.0


def test_split_filter(tmp_path):
    gold = _gold_file(tmp_path, [])
    assert evaluate_times(gold, split="heldout")["n_gold"] == 0


def test_bad_gold_files(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(EvaluationError):
        load_gold(bad)
    bad.write_text(json.dumps({"doc": "a.txt"}) + "\n", encoding="utf-8")
    with pytest.raises(EvaluationError):
        load_gold(bad)
    bad.write_text(json.dumps({"doc": "missing.txt", "times": []}) + "\n", encoding="utf-8")
    with pytest.raises(EvaluationError):
        evaluate_times(bad)


def test_main_prints_one_metric_a_line_or_json(tmp_path, capsys):
    gold = _gold_file(tmp_path, [{"start": 0, "end": 7, "value": "2018-11-07", "precision": "day"}])
    assert main([str(gold)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == list(METRICS)
    assert main([str(gold), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["exact_recall"] == 1.0
    assert main([str(tmp_path / "nothing.jsonl")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_dev_set_is_well_formed():
    documents = load_gold(DEV)
    assert sum(len(d["times"]) for d in documents) >= 150
    assert any(d["doc"].endswith("000_dfe97af656a4cfdc.txt") for d in documents)
    for d in documents:
        spans = [(x["start"], x["end"]) for x in d["times"]]
        assert spans == sorted(spans) and all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


@pytest.mark.skipif(not BSNLP.is_dir(), reason="shared BSNLP data not present")
def test_dev_set_scores_stay_above_the_floor():
    scores = evaluate_times(DEV, BSNLP)
    assert scores["value_accuracy"] >= 0.90
    assert scores["overlap_f1"] >= 0.90
    assert scores["exact_f1"] >= 0.85


@pytest.mark.skipif(not BSNLP.is_dir(), reason="shared BSNLP data not present")
def test_dev_set_offsets_match_the_article_texts():
    from kronika.read import read_paths

    for d in load_gold(DEV):
        (article,) = read_paths([BSNLP / d["doc"]])
        for x in d["times"]:
            assert article.text[x["start"] : x["end"]] == x["text"]

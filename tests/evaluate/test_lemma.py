"""`kronika evaluate lemma`: the Polem and PolEval 2019 readers, the metric, and the command."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kronika.cli import app
from kronika.errors import EvaluationError
from kronika.evaluate.lemma import (
    Phrase,
    detect_format,
    evaluate_lemma,
    polem_orth,
    read_phrases,
    read_predictions,
    score_lemma,
    unquote,
)

FIXTURES = Path(__file__).parent / "fixtures" / "lemma"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"
POLEM_TEST = SHARED / "polem-kpwr" / "kpwr-1.2-ne-test-fix.tsv"
POLEVAL = SHARED / "poleval2019-lemma" / "train_index.tsv"


def run(*args):
    return CliRunner().invoke(app, ["evaluate", "lemma", *map(str, args)])


# ---------------------------------------------------------------- readers


def test_polem_file_is_read_as_written():
    fmt, phrases = read_phrases(FIXTURES / "polem.tsv")
    assert fmt == "polem"
    assert [p.orth for p in phrases] == [
        "Parlamencie Europejskim",
        "gimnazjum im. Sobieskiego",  # tokens joined by the space-after flags
        "Tadeusza Rejtana",
        'Świeckim Ruchem Misyjnym "Epifania"',  # CSV quoting undone
        "Modlińskiej",
    ]
    assert phrases[3].lemma == 'Świecki Ruch Misyjny "Epifania"'
    assert (phrases[0].id, phrases[0].category) == ("1", "nam_org_institution")


def test_polem_keyword_file_has_four_columns():
    fmt, phrases = read_phrases(FIXTURES / "polem_keywords.txt")
    assert fmt == "polem"
    assert (phrases[1].orth, phrases[1].lemma, phrases[1].category) == ("Radzie Ministrów", "rada ministrów", None)


def test_poleval_file_and_limit():
    fmt, phrases = read_phrases(FIXTURES / "poleval.tsv", limit=3)
    assert fmt == "poleval"
    assert [(p.id, p.orth, p.lemma) for p in phrases[1:]] == [
        ("327365", "kanadyjskim", "kanadyjski"),
        ("1001", "Banku Światowego", "Bank Światowy"),
    ]
    assert read_phrases(FIXTURES / "poleval.tsv")[1][3].orth == 'Ukraińską Partią "Jedność"'


def test_format_detection_and_errors(tmp_path):
    assert detect_format(["1", "2", "a", "b"]) == "poleval"
    assert detect_format(["a b", "c d", "a b", "subst:sg:nom:m3 adj:sg:nom:m3:pos"]) == "polem"
    assert detect_format(["a", "b", "c", "d"]) is None
    with pytest.raises(EvaluationError, match="neither Polem TSV"):
        read_phrases(FIXTURES / "not_a_lemma_file.tsv")
    with pytest.raises(EvaluationError, match="file not found"):
        read_phrases(tmp_path / "missing.tsv")
    (tmp_path / "empty.tsv").write_text("\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match="no phrase"):
        read_phrases(tmp_path / "empty.tsv")


def test_space_flags_are_used_only_when_they_fit():
    assert polem_orth("Lublin R - VIII", "True False False True") == "Lublin R-VIII"
    # the tune file's flags run words together: ignored, punctuation rules instead
    assert polem_orth("Szkoła Junaków", "False False") == "Szkoła Junaków"
    assert polem_orth("Charles ' a de Gaulle ' a", "") == "Charles'a de Gaulle'a"


def test_unquote():
    assert unquote('"Partią ""Jedność"""') == 'Partią "Jedność"'
    assert unquote('"KS" "Wifama" "Łódź"') == '"KS" "Wifama" "Łódź"'  # not one quoted field
    assert unquote("plain") == "plain"


# ---------------------------------------------------------------- the metric


def test_score_by_hand():
    gold = [Phrase("1", "a", "Bank Światowy"), Phrase("2", "b", "kanadyjski"), Phrase("3", "c", "Polska"),
            Phrase("4", "d", "Unia")]
    # 1 exact, 2 right but for case, 3 wrong, 4 missing: AccCS 1/4, AccCI 2/4
    scores = score_lemma(gold, {"1": "Bank  Światowy ", "2": "Kanadyjski", "3": "Polski"})
    assert scores["accuracy_case_sensitive"] == 0.25
    assert scores["accuracy_case_insensitive"] == 0.5
    assert scores["score"] == pytest.approx(0.2 * 0.25 + 0.8 * 0.5)
    assert (scores["phrases"], scores["correct_case_sensitive"], scores["missing_predictions"]) == (4, 1, 1)
    aligned = score_lemma(gold, ["Bank Światowy", "kanadyjski", "Polska", "Unia"])
    assert aligned["score"] == 1.0


def test_predictions_file_scored_by_id():
    scores = evaluate_lemma(None, FIXTURES / "poleval.tsv", predictions=FIXTURES / "poleval_predictions.tsv")
    # 31822 exact, 327365 right but for case, 1001 wrong, 99755 missing
    assert (scores["correct_case_sensitive"], scores["correct_case_insensitive"]) == (1, 2)
    assert scores["score"] == pytest.approx(0.45)
    assert scores["format"] == "poleval"
    # the gold file is a predictions file of itself (first column id, last column lemma)
    assert evaluate_lemma(None, FIXTURES / "poleval.tsv", predictions=FIXTURES / "poleval.tsv")["score"] == 1.0
    assert read_predictions(FIXTURES / "poleval_predictions.tsv")["327365"] == "Kanadyjski"


def test_system_on_the_fixture(tmp_path):
    out = tmp_path / "pred.tsv"
    scores = evaluate_lemma(None, FIXTURES / "polem.tsv", write_predictions_to=out)
    assert scores["accuracy_case_sensitive"] == 1.0
    assert out.read_text(encoding="utf-8").splitlines()[0] == "1\tParlamencie Europejskim\tParlament Europejski"
    assert evaluate_lemma(None, FIXTURES / "polem.tsv", predictions=out)["score"] == 1.0


@pytest.mark.skipif(not POLEM_TEST.exists(), reason="../shared/data/polem-kpwr is not there")
def test_real_files_and_a_floor():
    fmt, phrases = read_phrases(POLEM_TEST, limit=400)
    assert fmt == "polem" and len(phrases) == 400
    assert evaluate_lemma(None, POLEM_TEST, limit=400)["score"] >= 0.88
    if POLEVAL.exists():
        assert read_phrases(POLEVAL, limit=5)[0] == "poleval"
        assert evaluate_lemma(None, POLEVAL, limit=400)["score"] >= 0.85


# ---------------------------------------------------------------- the command


def test_command_text_and_json():
    result = run(FIXTURES / "poleval.tsv", "--predictions", FIXTURES / "poleval_predictions.tsv")
    assert result.exit_code == 0, result.output
    lines = dict(line.split("\t") for line in result.output.strip().splitlines())
    assert lines["score"] == "0.4500"
    assert lines["accuracy_case_sensitive"] == "0.2500"
    assert lines["phrases"] == "4"
    result = run(FIXTURES / "poleval.tsv", "--predictions", FIXTURES / "poleval_predictions.tsv", "--json")
    assert json.loads(result.output)["accuracy_case_insensitive"] == 0.5


def test_command_runs_the_rule_layer():
    result = run(FIXTURES / "polem.tsv", "--rules-only", "--limit", "2")
    assert result.exit_code == 0, result.output
    assert "score\t1.0000" in result.output


def test_command_error_names_the_file():
    result = run(FIXTURES / "not_a_lemma_file.tsv", "--rules-only")
    assert result.exit_code == 1
    assert "error: " in result.output and "not_a_lemma_file.tsv: line 1: neither Polem TSV" in result.output

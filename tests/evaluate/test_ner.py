"""`kronika evaluate ner`: PolEval 2018 Task 2 scoring, its readers, and the command."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

from kronika.errors import EvaluationError
from kronika.evaluate.ner import (
    Document,
    doc_annotations,
    doc_to_poleval,
    evaluate_ner,
    load_gold,
    read_documents,
    score_ner,
    write_poleval_predictions,
)
from kronika.evaluate.poleval import iter_iob2, newest_answer, parse_brat

FIXTURES = Path(__file__).parent / "fixtures" / "ner"
NKJP = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "nkjp-ner" / "nkjp-nested-simplified-v2.iob"


def doc(*annotations, text="", id=""):
    """Document from ``(category, start, end)`` triples (one fragment each)."""
    return Document(text, [(c, [(s, e)]) for c, s, e in annotations], id)


def scores(gold, system):
    return score_ner([gold], [system])


# ---------------------------------------------------------------- matching rules


def test_perfect_prediction_scores_one():
    gold = doc(("persName", 0, 12), ("persName_forename", 0, 3), ("placeName_country", 20, 26))
    result = scores(gold, gold)
    assert result["overlap_f1"] == result["exact_f1"] == result["final"] == 1.0


def test_partial_overlap_counts_for_overlap_not_exact():
    result = scores(doc(("persName", 0, 12)), doc(("persName", 4, 12)))
    assert result["overlap_f1"] == 1.0
    assert result["exact_f1"] == 0.0
    assert result["final"] == pytest.approx(0.8)


def test_category_must_be_equal():
    result = scores(doc(("persName", 0, 12)), doc(("orgName", 0, 12)))
    assert result["overlap_matched"] == result["exact_matched"] == 0


def test_touching_spans_overlap_as_in_the_official_script():
    # the official overlap test compares both ends inclusively: not (end1 < start2 or end2 < start1)
    result = scores(doc(("persName", 0, 5)), doc(("persName", 5, 9)))
    assert result["overlap_matched"] == 1
    assert scores(doc(("persName", 0, 5)), doc(("persName", 6, 9)))["overlap_matched"] == 0


def test_counting_is_per_gold_annotation_not_one_to_one():
    # one system span overlapping two gold spans matches both: tp 2, system 1 -> precision 2.0
    result = scores(doc(("persName", 0, 3), ("persName", 4, 8)), doc(("persName", 0, 8)))
    assert result["overlap_matched"] == 2
    assert result["overlap_precision"] == 2.0
    assert result["overlap_recall"] == 1.0
    # and two system spans on one gold span match it once: tp 1, fp 1
    result = scores(doc(("persName", 0, 8)), doc(("persName", 0, 3), ("persName", 4, 8)))
    assert (result["overlap_matched"], result["overlap_precision"]) == (1, 0.5)


def test_derivtype_ignored_on_both_sides():
    gold = doc(("persName", 0, 5), ("persName_derivType", 10, 20))
    system = doc(("persName", 0, 5), ("placeName_country_derivType", 30, 40))
    result = scores(gold, system)
    assert (result["gold_annotations"], result["predicted_annotations"]) == (1, 1)
    assert result["final"] == 1.0


def test_duplicate_annotations_count_once():
    result = scores(doc(("persName", 0, 5), ("persName", 0, 5)), doc(("persName", 0, 5)))
    assert result["gold_annotations"] == 1
    assert result["final"] == 1.0


def test_nested_annotations_are_scored_each_under_its_category():
    gold = doc(("persName", 0, 12), ("persName_forename", 0, 3), ("persName_surname", 4, 12))
    flat = doc(("persName", 0, 12))
    result = scores(gold, flat)
    assert result["exact_precision"] == 1.0
    assert result["exact_recall"] == pytest.approx(1 / 3)


def test_discontinuous_annotation_is_split_into_fragments():
    gold = Document("", [("persName", [(0, 3), (11, 20)])])
    result = scores(gold, doc(("persName", 0, 3)))
    assert result["gold_annotations"] == 2
    assert result["exact_matched"] == result["overlap_matched"] == 1


def test_counts_pool_over_documents_and_never_match_across_them():
    gold = [doc(("persName", 0, 3)), doc()]
    system = [doc(), doc(("persName", 0, 3))]
    result = score_ner(gold, system)
    assert result["overlap_matched"] == 0
    assert (result["gold_annotations"], result["predicted_annotations"]) == (1, 1)
    # micro average: 3 of 4 gold annotations found in all (macro recall would be 0.5)
    gold = [doc(("a", 0, 1), ("a", 2, 3), ("a", 4, 5)), doc(("a", 0, 1))]
    system = [doc(("a", 0, 1), ("a", 2, 3), ("a", 4, 5)), doc()]
    assert score_ner(gold, system)["exact_recall"] == 0.75


def test_documents_without_prediction_are_left_out():
    gold = [doc(("a", 0, 1), id="x"), doc(("a", 0, 1), id="y")]
    result = score_ner(gold, {"x": doc(("a", 0, 1), id="x"), "z": doc(("a", 5, 6), id="z")})
    assert (result["documents"], result["documents_missing"], result["final"]) == (1, 1, 1.0)


def test_empty_sides_score_zero_not_crash():
    assert score_ner([doc()], [doc()])["final"] == 0.0


# ---------------------------------------------------------------- PolEval JSON


def test_poleval_json_reader_takes_newest_answer_and_t_lines():
    docs = read_documents(FIXTURES / "gold.json")
    assert [d.id for d in docs] == ["set/a.txt", "set/b.txt"]  # fname less its first 4 parts
    a, b = docs
    assert a.text.startswith("Jan Kowalski")
    # the newest answer is the second of three; notes and relations are no annotations
    assert len(a.annotations) == 7
    assert ("persName_surname", [(4, 12)]) in a.annotations
    assert b.annotations[0] == ("persName", [(0, 3), (11, 20)])


def test_newest_answer_tie_keeps_the_first():
    answers = [
        {"created": "2018-05-01T10:00:00+00:00", "n": 0},
        {"created": "2018-05-02T10:00:00Z", "n": 1},
        {"created": "2018-05-02T12:00:00+02:00", "n": 2},  # the same instant as n=1
    ]
    assert newest_answer(answers, "test")["n"] == 1


def test_json_gold_against_official_prediction_file():
    result = evaluate_ner(None, FIXTURES / "gold.json", predictions=FIXTURES / "pred.json")
    # a: 6 gold units (derivType dropped), 6 predicted; overlap 5 (orgName != persName), exact 4
    # b: 3 gold units (discontinuous split in 2), 2 predicted; overlap 2, exact 1
    assert (result["gold_annotations"], result["predicted_annotations"]) == (9, 8)
    assert (result["overlap_matched"], result["exact_matched"]) == (7, 5)
    assert result["overlap_f1"] == pytest.approx(14 / 17)
    assert result["exact_f1"] == pytest.approx(10 / 17)
    assert result["final"] == pytest.approx(13.2 / 17)
    assert result["documents"] == 2


def test_newest_answer_wins_in_scores():
    # with an older answer as gold, document a would score near zero
    gold = read_documents(FIXTURES / "gold.json")
    system = {d.id: d for d in read_documents(FIXTURES / "pred.json")}
    older = Document(gold[0].text, [("orgName", [(0, 3)])], gold[0].id)
    assert score_ner([older], system)["exact_matched"] == 0
    assert score_ner(gold[:1], system)["exact_matched"] == 4


def test_multi_answer_skip_reproduces_the_released_script():
    result = evaluate_ner(None, FIXTURES / "gold.json", predictions=FIXTURES / "pred.json", multi_answer="skip")
    assert result["documents"] == 1  # a has three answers: never scored by the released script
    assert (result["overlap_f1"], result["exact_f1"]) == (pytest.approx(0.8), pytest.approx(0.4))


def test_gold_json_scored_against_itself():
    result = evaluate_ner(None, FIXTURES / "gold.json", predictions=FIXTURES / "gold.json")
    assert result["final"] == 1.0


def test_bad_brat_line_names_file_and_document(tmp_path):
    path = tmp_path / "pred.json"
    path.write_text(json.dumps([{"id": "d1", "answers": "persName x 5\tJan"}]))
    with pytest.raises(EvaluationError, match="d1"):
        read_documents(path)
    assert parse_brat("R1\tRel Arg1:T1 Arg2:T2\n#1\tAnnotatorNotes T1\tx", where="t") == []


# ---------------------------------------------------------------- NKJP IOB2


def test_iob2_reader_builds_text_and_nested_annotations():
    a, b = read_documents(FIXTURES / "gold.iob")
    assert (a.id, b.id) == ("doc-a", "doc-b")
    assert a.text == "Jan Kowalski był w Polsce . Urząd Miasta Krakowa ."
    assert a.words[:2] == ["Jan", "Kowalski"]
    found = {(c, a.text[s:e]) for c, spans in a.annotations for s, e in spans}
    assert found == {
        ("persName", "Jan Kowalski"),
        ("persName_forename", "Jan"),
        ("persName_surname", "Kowalski"),
        ("placeName_country", "Polsce"),
        ("orgName", "Urząd Miasta Krakowa"),
        ("placeName_settlement", "Krakowa"),
    }
    # two adjacent B- entities stay two entities
    assert [(c, sp) for c, sp in b.annotations if c == "persName"] == [("persName", [(8, 13)]), ("persName", [(14, 19)])]


def test_iob2_layers_continue_by_position_and_sentences_close_entities():
    lines = [
        "-DOCSTART FILE ./x",
        "Wydział\t_\t_\tB-orgName",
        "Uniwersytetu\t_\t_\tI-orgName#B-orgName",
        "Warszawskiego\t_\t_\tI-orgName#I-orgName",
        "Jan\t_\t_\tI-persName",  # an I- with nothing open starts an entity
        "",
        "Nowak\t_\t_\tI-persName",  # a blank line closed the previous one
    ]
    (x,) = iter_iob2(lines, "t")
    found = sorted((c, x.text[s:e]) for c, spans in x.annotations for s, e in spans)
    assert found == [
        ("orgName", "Uniwersytetu Warszawskiego"),
        ("orgName", "Wydział Uniwersytetu Warszawskiego"),
        ("persName", "Jan"),
        ("persName", "Nowak"),
    ]


def test_iob2_gold_against_iob2_predictions():
    result = evaluate_ner(None, FIXTURES / "gold.iob", predictions=FIXTURES / "pred.iob")
    # doc-a: 6 gold, 4 predicted (no surname; settlement for country; orgName cut short)
    assert (result["gold_annotations"], result["predicted_annotations"]) == (11, 9)
    assert (result["overlap_matched"], result["exact_matched"]) == (8, 7)
    assert (result["overlap_f1"], result["exact_f1"]) == (pytest.approx(0.8), pytest.approx(0.7))
    assert result["final"] == pytest.approx(0.78)


def test_split_and_limit():
    docs = load_gold(FIXTURES / "gold.iob", split="test", split_file=FIXTURES / "splits.tsv")
    assert [d.id for d in docs] == ["doc-b"]
    assert [d.id for d in load_gold(FIXTURES / "gold.iob", limit=1)] == ["doc-a"]
    with pytest.raises(EvaluationError, match="splits there: test, train"):
        load_gold(FIXTURES / "gold.iob", split="dev", split_file=FIXTURES / "splits.tsv")


def test_unreadable_files_raise_evaluation_errors(tmp_path):
    with pytest.raises(EvaluationError, match="file not found"):
        read_documents(tmp_path / "missing.json")
    (tmp_path / "bad.json").write_text('{"questions": [')
    with pytest.raises(EvaluationError, match="not valid JSON"):
        read_documents(tmp_path / "bad.json")
    with pytest.raises(EvaluationError, match="neither PolEval JSON nor NKJP IOB2"):
        read_documents(FIXTURES / "splits.tsv")
    # a PolEval input file without answers has nothing to score against
    (tmp_path / "input.json").write_text('{"questions": [{"input": {"fileContent": "Jan"}, "answers": []}]}')
    with pytest.raises(EvaluationError, match="no annotated document"):
        load_gold(tmp_path / "input.json")


def test_nkjp_reader_counts_the_first_two_documents():
    if not NKJP.exists():
        pytest.skip(f"{NKJP} not available")
    first, second = read_documents(NKJP, limit=2)
    # counted independently: the B- labels of these documents (grep '^B-' after splitting on '#')
    assert (first.id, second.id) == ("010-2-000000001", "030-2-000000001")
    assert (len(first.annotations), len(second.annotations)) == (37, 69)
    categories = [c for d in (first, second) for c, _ in d.annotations]
    assert categories.count("persName") == 45
    assert categories.count("persName_forename") == 30
    assert categories.count("persName_surname") == 16
    assert categories.count("geogName") == 7
    assert {second.text[s:e] for c, sp in second.annotations for s, e in sp if c == "persName_forename"} >= {"Adam"}


# ---------------------------------------------------------------- the system side

SEEN_WORDS: list[list[str]] = []
LEXICON = {"Kowalski": "persName_surname", "Polsce": "placeName_country", "Piotr": "persName"}


@Language.component("test_ner_lexicon_spans")
def _lexicon_spans(doc):
    SEEN_WORDS.append([t.text for t in doc])
    doc.spans["nkjp_ner"] = [Span(doc, t.i, t.i + 1, label=LEXICON[t.text]) for t in doc if t.text in LEXICON]
    return doc


@Language.component("test_ner_lexicon_ents")
def _lexicon_ents(doc):
    labels = {"Kowalski": "persName-surname", "Polski": "placeName-country"}
    doc.ents = [Span(doc, t.i, t.i + 1, label=labels[t.text]) for t in doc if t.text in labels]
    return doc


def pipeline(component):
    nlp = spacy.blank("pl")
    nlp.add_pipe(component)
    return nlp


def test_pipeline_on_iob2_runs_on_gold_tokens():
    SEEN_WORDS.clear()
    result = evaluate_ner(pipeline("test_ner_lexicon_spans"), FIXTURES / "gold.iob")
    assert SEEN_WORDS[0] == read_documents(FIXTURES / "gold.iob")[0].words
    assert (result["predicted_annotations"], result["exact_matched"], result["gold_annotations"]) == (3, 3, 11)
    assert result["final"] == pytest.approx(6 / 14)


def test_pipeline_on_json_falls_back_to_ents_and_reads_dashes_as_underscores(tmp_path):
    out = tmp_path / "pred.json"
    result = evaluate_ner(
        lambda: pipeline("test_ner_lexicon_ents"), FIXTURES / "gold.json", write_predictions=out
    )
    assert (result["predicted_annotations"], result["exact_matched"]) == (2, 2)
    assert result["exact_f1"] == pytest.approx(4 / 11)
    saved = json.loads(out.read_text())
    assert saved[0] == {"id": "set/a.txt", "answers": "persName_surname 4 12\tKowalski\nplaceName_country 51 57\tPolski"}
    assert evaluate_ner(None, FIXTURES / "gold.json", predictions=out) == result


def test_doc_export_round_trip(tmp_path):
    nlp = pipeline("test_ner_lexicon_spans")
    spacy_doc = nlp("Piotr mieszka w Polsce.")
    assert doc_annotations(spacy_doc) == [("persName", [(0, 5)]), ("placeName_country", [(16, 22)])]
    assert doc_to_poleval(spacy_doc, "d1") == {"id": "d1", "answers": "persName 0 5\tPiotr\nplaceName_country 16 22\tPolsce"}
    gold = Document(spacy_doc.text, doc_annotations(spacy_doc), "d1")
    write_poleval_predictions([gold], tmp_path / "p.json")
    assert score_ner([gold], {d.id: d for d in read_documents(tmp_path / "p.json")})["final"] == 1.0


# ---------------------------------------------------------------- the command


@pytest.fixture
def run_cli():
    import typer
    from typer.testing import CliRunner

    from kronika.cli.evaluate_ner import evaluate_ner_command

    app = typer.Typer()
    app.command()(evaluate_ner_command)
    return lambda *args: CliRunner().invoke(app, [str(a) for a in args])


def test_cli_prints_one_metric_per_line(run_cli):
    result = run_cli(FIXTURES / "gold.iob", "--predictions", FIXTURES / "pred.iob")
    assert result.exit_code == 0, result.output
    lines = dict(line.split("\t") for line in result.output.splitlines())
    assert lines["final"] == "0.7800"
    assert lines["overlap_f1"] == "0.8000"
    assert lines["documents"] == "2"


def test_cli_json(run_cli):
    result = run_cli(FIXTURES / "gold.json", "--predictions", FIXTURES / "pred.json", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["final"] == pytest.approx(13.2 / 17)


def test_cli_errors_name_the_file(run_cli, tmp_path):
    result = run_cli(tmp_path / "missing.iob", "--predictions", FIXTURES / "pred.iob")
    assert result.exit_code == 1
    assert "missing.iob: file not found" in result.output
    bad = tmp_path / "bad.json"
    bad.write_text("[{]")
    result = run_cli(FIXTURES / "gold.json", "--predictions", bad)
    assert result.exit_code == 1
    assert "bad.json: not valid JSON" in result.output

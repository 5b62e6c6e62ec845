"""`kronika evaluate bsnlp`: BSNLP 2019 scores on hand-made documents, the files, and the command.

The expected numbers are worked out by hand in the comments.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

from kronika.cli import app
from kronika.errors import EvaluationError
from kronika.evaluate.bsnlp import (
    BsnlpDocument,
    Line,
    bsnlp_output,
    evaluate_bsnlp,
    flatten,
    lea,
    parse_document,
    partial_match,
    read_documents,
    score_bsnlp,
)
from kronika.model import Analysis, Article, Entity, Mention

FIXTURES = Path(__file__).parent / "fixtures" / "bsnlp"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "bsnlp-pl"
LOG3 = math.log2(3)


def doc(doc_id: str, *rows: str) -> BsnlpDocument:
    """A document from ``"form|base|TYPE|ID"`` rows."""
    return BsnlpDocument(doc_id, [Line(*row.split("|")) for row in rows])


def overall(gold, system) -> dict:
    return score_bsnlp(gold, {d.id: d for d in system})["overall"]


MERKEL = doc(
    "d1",
    "Angela Merkel|Angela Merkel|PER|P1",
    "Merkel|Merkel|PER|P1",
    "Angeli Merkel|Angela Merkel|PER|P1",
    "Berlinie|Berlin|LOC|L1",
)


# ---------------------------------------------------------------- the measures on hand-made documents


def test_perfect_answer_scores_one_everywhere():
    scores = overall([MERKEL], [MERKEL])
    for metric in ("relaxed_partial", "relaxed_exact", "strict", "normalization", "linking_document",
                   "linking_cross_document"):
        assert scores[metric]["f1"] == 1.0, metric
    assert scores["normalization"]["accuracy"] == 1.0


def test_partial_match_counts_for_relaxed_partial_only():
    # gold entities: Merkel (3 forms), Berlin. The system says "Kanclerz Merkel" (PER).
    system = doc("d1", "Kanclerz Merkel|Kanclerz Merkel|PER|X")
    scores = overall([MERKEL], [system])
    assert scores["relaxed_partial"] == {"precision": 1.0, "recall": 0.5, "f1": pytest.approx(2 / 3)}
    assert scores["relaxed_exact"]["f1"] == 0.0
    assert scores["strict"]["f1"] == 0.0


def test_partial_match_is_by_whole_words():
    assert partial_match("angela merkel", "merkel")
    assert partial_match("merkel", "kanclerz angela merkel")
    assert not partial_match("trumpa", "trump")
    assert not partial_match("angela merkel", "merkel angela")


def test_wrong_type_is_no_match():
    system = doc("d1", "Berlinie|Berlin|ORG|L1")
    scores = overall([MERKEL], [system])
    assert scores["relaxed_partial"]["recall"] == scores["strict"]["recall"] == 0.0
    assert scores["normalization"]["recall"] == 0.0


def test_relaxed_exact_needs_one_equal_form_of_the_entity():
    system = doc("d1", "Merkel|Merkel|PER|A", "Berlinie|Berlin|LOC|B")
    scores = overall([MERKEL], [system])
    # both gold entities found, both system entities right; strict: 2 of 4 gold forms
    assert scores["relaxed_exact"]["f1"] == 1.0
    assert scores["strict"] == {"precision": 1.0, "recall": 0.5, "f1": pytest.approx(2 / 3)}


def test_normalization_miss():
    # gold needs a base for "angeli merkel" and "berlinie"; the system gets Berlin right and
    # leaves "Angeli Merkel" as written (so it does not count on the system side)
    system = doc("d1", "Angeli Merkel|Angeli Merkel|PER|A", "Berlinie|Berlin|LOC|B")
    norm = overall([MERKEL], [system])["normalization"]
    assert (norm["precision"], norm["recall"]) == (1.0, 0.5)
    assert norm["accuracy"] == 0.5
    assert norm["accuracy_recognised"] == 0.5  # both pairs recognised, one base right
    wrong = doc("d1", "Berlinie|Berlina|LOC|B")
    norm = overall([MERKEL], [wrong])["normalization"]
    assert (norm["precision"], norm["recall"], norm["accuracy"]) == (0.0, 0.0, 0.0)
    assert norm["accuracy_recognised"] == 0.0  # "angeli merkel" was not recognised: it does not count here
    right = doc("d1", "Berlinie|Berlin|LOC|B")
    assert overall([MERKEL], [right])["normalization"]["accuracy_recognised"] == 1.0


def test_split_entity_for_lea():
    # gold Merkel: 3 mentions, 3 links, weight log2(3); the system splits it into
    # {Angela Merkel, Merkel} and {Angeli Merkel}. Recall: 1 of 3 links = 1/3. Precision: the pair
    # (weight log2(2) = 1) is one gold entity: 1; the singletons weigh log2(1) = 0.
    system = doc(
        "d1",
        "Angela Merkel|Angela Merkel|PER|A",
        "Merkel|Merkel|PER|A",
        "Angeli Merkel|Angela Merkel|PER|B",
        "Berlinie|Berlin|LOC|C",
    )
    linking = overall([MERKEL], [system])["linking_document"]
    assert linking["recall"] == pytest.approx(1 / 3)
    assert linking["precision"] == 1.0
    assert linking["f1"] == pytest.approx(0.5)


def test_lea_singletons_and_weights():
    # coval's LEA with BSNLP's weight: singletons weigh nothing; a resolved pair weighs 1
    assert lea([["a"]], [["a"]]) == (0.0, 0.0)
    assert lea([["a", "b"]], [["a", "b"]]) == (1.0, 1.0)
    assert lea([["a", "b", "c"]], [["a", "b"], ["c"]]) == (pytest.approx(LOG3 / 3), pytest.approx(LOG3))
    assert lea([["a", "b"]], [["a"], ["b"]], weight=len) == (0.0, 2.0)
    assert lea([["a"]], [["a"]], weight=len) == (1.0, 1.0)  # the self-link


def test_cross_document_linking_uses_ids_across_documents():
    gold = [doc("d1", "Merkel|Merkel|PER|P"), doc("d2", "Merkel|Merkel|PER|P")]
    same = [doc("d1", "Merkel|Merkel|PER|x"), doc("d2", "Merkel|Merkel|PER|x")]
    apart = [doc("d1", "Merkel|Merkel|PER|x"), doc("d2", "Merkel|Merkel|PER|y")]
    assert overall(gold, same)["linking_cross_document"]["f1"] == 1.0
    assert overall(gold, apart)["linking_cross_document"]["f1"] == 0.0
    assert overall(gold, apart)["linking_document"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_lower_casing_trimming_and_repeated_forms():
    system = doc(
        "d1",
        " ANGELA  MERKEL |angela merkel|per|p1",
        "merkel|MERKEL|PER|P1",
        "Merkel|Merkel|PER|other",  # a form listed twice: the first line counts
        "angeli merkel|Angela Merkel|PER|p1",
        "berlinie|berlin|LOC|l1",
    )
    scores = overall([MERKEL], [system])
    assert scores["strict"]["f1"] == scores["linking_document"]["f1"] == scores["normalization"]["f1"] == 1.0


def test_missing_system_document_is_an_empty_answer():
    result = score_bsnlp([MERKEL, doc("d2", "UE|UE|ORG|O")], {"d1": MERKEL})
    assert result["documents_missing"] == 1
    assert result["overall"]["strict"]["recall"] == pytest.approx(4 / 5)
    assert result["per_type"]["ORG"]["strict"]["recall"] == 0.0


def test_misc_documents_take_evt_and_pro_as_misc():
    gold = doc("16", "brexit|brexit|MISC|7")
    assert overall([gold], [doc("16", "Brexit|Brexit|EVT|e")])["strict"]["f1"] == 1.0
    assert overall([doc("1", "brexit|brexit|EVT|7")], [doc("1", "Brexit|Brexit|PRO|e")])["strict"]["f1"] == 0.0


# ---------------------------------------------------------------- files


def test_parse_document_reads_bom_and_crlf():
    document = parse_document("\ufeff16\r\nd. trumpa\td. trump\tPER\t1\r\n\r\n", "x.out")
    assert document.id == "16"
    assert document.lines == [Line("d. trumpa", "d. trump", "PER", "1")]


def test_gold_lines_need_four_columns():
    with pytest.raises(EvaluationError, match="line 2"):
        parse_document("pl-1\nMerkel\tMerkel\tPER\n", "x.out")
    assert parse_document("pl-1\nMerkel\tMerkel\tPER\n", "x.out", system=True).lines[0].id == ""
    with pytest.raises(EvaluationError, match="no document id"):
        parse_document("\n", "x.out")


def test_fixture_scores_worked_out_by_hand():
    # gold: pl-1 Merkel {Angela Merkel, Merkel, Angeli Merkel}, Berlin {Berlinie},
    #          EU {Unii Europejskiej}; pl-2 Merkel {Merkel}, Brussels {Brukseli},
    #          EU {Unia Europejska, UE}
    # system: pl-1 A {Angela Merkel}, B {Angeli Merkel (base as written)}, C {Berlinie -> Berlin},
    #          D {Europejskiej ORG}; pl-2 A {Merkel}, E {Brukseli as ORG}, D {Unia Europejska, UE}
    result = evaluate_bsnlp(None, None, FIXTURES / "gold", predictions=FIXTURES / "system")
    s = result["overall"]
    # strict: pairs 5 + 4 gold, 4 + 4 system, 3 + 3 right
    assert (s["strict"]["precision"], s["strict"]["recall"]) == (6 / 8, 6 / 9)
    # relaxed exact: gold entities found 2 + 2 of 6; system entities right 3 + 2 of 7
    assert (s["relaxed_exact"]["precision"], s["relaxed_exact"]["recall"]) == (5 / 7, 4 / 6)
    # relaxed partial: "europejskiej" is in "unii europejskiej": 3 + 2 of 6; 4 + 2 of 7
    assert (s["relaxed_partial"]["precision"], s["relaxed_partial"]["recall"]) == (6 / 7, 5 / 6)
    # normalization: gold triples 3 + 1, system 2 + 1, one hit (berlinie -> berlin); pairs
    # needing a base on either side: 4 + 2
    assert (s["normalization"]["precision"], s["normalization"]["recall"]) == (1 / 3, 1 / 4)
    assert s["normalization"]["f1"] == pytest.approx(2 / 7)
    assert s["normalization"]["accuracy"] == pytest.approx(1 / 6)
    # document LEA: recall (0 + 1) / (log2 3 + 1); precision 1 / 1 (pl-2's {Unia Europejska, UE})
    assert s["linking_document"]["precision"] == 1.0
    assert s["linking_document"]["recall"] == pytest.approx(1 / (LOG3 + 1))
    # cross-document LEA: Merkel (4 mentions, 6 links, 1 resolved, weight 2), EU (3 mentions,
    # 3 links, 1 resolved, weight log2 3); A (2 mentions, resolved, weight 1), D (3, 1 of 3)
    recall = (2 / 6 + LOG3 / 3) / (2 + LOG3)
    precision = (1 + LOG3 / 3) / (1 + LOG3)
    assert s["linking_cross_document"]["recall"] == pytest.approx(recall)
    assert s["linking_cross_document"]["precision"] == pytest.approx(precision)
    per_type = result["per_type"]
    assert (per_type["PER"]["strict"]["precision"], per_type["PER"]["strict"]["recall"]) == (1.0, 0.75)
    assert (per_type["LOC"]["strict"]["precision"], per_type["LOC"]["strict"]["recall"]) == (1.0, 0.5)
    assert (per_type["ORG"]["strict"]["precision"], per_type["ORG"]["strict"]["recall"]) == (0.5, 2 / 3)
    assert result["documents"] == 2 and result["documents_missing"] == 0


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data/bsnlp-pl is not there")
@pytest.mark.parametrize("topic", ["ec", "asia_bibi"])
def test_real_gold_against_itself_scores_one(topic):
    gold = SHARED / topic / "annotated"
    result = evaluate_bsnlp(None, None, gold, predictions=gold)
    assert result["documents_missing"] == 0
    for kind, block in [("overall", result["overall"]), *result["per_type"].items()]:
        for metric, values in block.items():
            if metric != "counts" and values.get("recall", 1.0):
                assert values["f1"] == pytest.approx(1.0), (kind, metric)
    assert result["overall"]["linking_cross_document"]["f1"] == pytest.approx(1.0)


# ---------------------------------------------------------------- the system side


def test_bsnlp_output_maps_types_and_keeps_unique_forms():
    article = Article(id="pl-1", text="x")
    analysis = Analysis(
        article=article,
        entities=[
            Entity(id="PER:Merkel", type="PER", name="Angela Merkel", mentions=[
                Mention(start=0, end=6, text="Merkel", base="Merkel"),
                Mention(start=9, end=15, text="Merkel", base="Merkel"),
                Mention(start=20, end=33, text="Angeli  Merkel", base="Angela Merkel"),
            ]),
            Entity(id="GPE:Berlin", type="GPE", name="Berlin", mentions=[Mention(start=40, end=48, text="Berlinie")]),
            Entity(id="DATE:x", type="DATE", name="2019", mentions=[Mention(start=50, end=54, text="2019")]),
        ],
    )
    assert bsnlp_output(analysis) == [
        ("Merkel", "Merkel", "PER", "PER:Merkel"),
        ("Angeli Merkel", "Angela Merkel", "PER", "PER:Merkel"),
        ("Berlinie", "Berlin", "LOC", "GPE:Berlin"),
    ]


def _ruler_pipeline():
    nlp = spacy.blank("pl")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "persName", "pattern": "Angela Merkel"},
        {"label": "persName", "pattern": "Merkel"},
        {"label": "placeName", "pattern": "Berlinie"},
        {"label": "placeName", "pattern": "Brukseli"},
        {"label": "orgName", "pattern": "Unii Europejskiej"},
        {"label": "orgName", "pattern": "Unia Europejska"},
        {"label": "orgName", "pattern": "UE"},
    ])
    return nlp


def test_running_a_pipeline_writes_bsnlp_files(tmp_path):
    result = evaluate_bsnlp(_ruler_pipeline, FIXTURES / "raw", FIXTURES / "gold", output=tmp_path)
    # pl-1: Angela Merkel, Berlinie (title and text), Unii Europejskiej, Merkel: 4 of 5 gold
    # forms; pl-2: Merkel (title), Brukseli, Unia Europejska, UE: 4 of 4
    strict = result["overall"]["strict"]
    assert (strict["precision"], strict["recall"]) == (1.0, 8 / 9)
    written = read_documents(tmp_path, system=True)
    assert sorted(d.id for d in written) == ["pl-1", "pl-2"]
    first = (tmp_path / "brexit_pl_1.out").read_text(encoding="utf-8").splitlines()
    assert first[0] == "pl-1"
    berlin = [line for line in first if line.startswith("Berlinie\t")]
    assert len(berlin) == 1 and berlin[0].split("\t")[2] == "LOC"


# ---------------------------------------------------------------- the command


def test_command_prints_one_metric_per_line_and_json():
    runner = CliRunner()
    args = ["evaluate", "bsnlp", str(FIXTURES / "raw"), str(FIXTURES / "gold"), "--predictions", str(FIXTURES / "system")]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    lines = dict(line.split("\t") for line in result.output.strip().splitlines())
    assert lines["strict_precision"] == "0.7500"
    assert lines["PER.strict_recall"] == "0.7500"
    assert lines["documents"] == "2"
    result = runner.invoke(app, [*args, "--json"])
    assert json.loads(result.output)["overall"]["strict"]["precision"] == 0.75
    assert flatten(json.loads(result.output))["relaxed_exact_recall"] == pytest.approx(4 / 6)


def test_command_reports_a_bad_gold_file(tmp_path):
    (tmp_path / "bad.out").write_text("pl-1\nMerkel only\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", "bsnlp", str(tmp_path), str(tmp_path), "--predictions", str(tmp_path)])
    assert result.exit_code == 1
    assert "error:" in result.output and "bad.out: line 2" in result.output

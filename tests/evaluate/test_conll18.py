"""The CoNLL 2018 scorer on tiny hand-made pairs whose scores are known."""
from __future__ import annotations

import pytest

from kronika.errors import EvaluationError
from kronika.evaluate.conll18 import METRICS, Score, evaluate
from kronika.evaluate.conllu import parse_conllu


def row(ident, form, head="_", deprel="_", *, lemma="_", upos="_", feats="_", misc="_"):
    return "\t".join(map(str, (ident, form, lemma, upos, "_", feats, head, deprel, "_", misc)))


def conllu(*sentences: list[str]) -> list:
    return parse_conllu("\n\n".join("\n".join(rows) for rows in sentences) + "\n")


ALA = [  # Ala ma kota.
    row(1, "Ala", 2, "nsubj", lemma="Ala", upos="PROPN"),
    row(2, "ma", 0, "root", lemma="mieć", upos="VERB"),
    row(3, "kota", 2, "obj", lemma="kot", upos="NOUN", misc="SpaceAfter=No"),
    row(4, ".", 2, "punct", lemma=".", upos="PUNCT"),
]


def f1(scores, metric):
    return round(scores[metric].f1, 4)


def test_identical_files_score_100_everywhere():
    gold = conllu(ALA, ALA)
    scores = evaluate(gold, conllu(ALA, ALA))
    assert set(scores) == set(METRICS)
    assert all(s.f1 == 1.0 for s in scores.values())
    assert scores["UPOS"].aligned_accuracy == 1.0
    assert scores["Tokens"].aligned_accuracy is None


def test_one_wrong_token_boundary():
    system = conllu([row(1, "Ala", 2, "nsubj"), row(2, "ma", 0, "root"), row(3, "kota.", 2, "obj")])
    scores = evaluate(conllu(ALA), system)
    assert scores["Tokens"] == Score(gold_total=4, system_total=3, correct=2)
    assert f1(scores, "Tokens") == round(4 / 7, 4)
    assert scores["Words"].correct == 2
    assert scores["UAS"].correct == 2 and scores["UAS"].aligned_total == 2


ZROBILEM = [  # Zrobiłem to.
    "1-2\tZrobiłem\t_\t_\t_\t_\t_\t_\t_\t_",
    row(1, "Zrobił", 0, "root", upos="VERB"),
    row(2, "em", 1, "aux:clitic", upos="AUX"),
    row(3, "to", 1, "obj", upos="PRON", misc="SpaceAfter=No"),
    row(4, ".", 1, "punct", upos="PUNCT"),
]


def test_multiword_token_matched_exactly():
    scores = evaluate(conllu(ZROBILEM), conllu(ZROBILEM))
    assert scores["Tokens"] == Score(3, 3, 3)
    assert scores["Words"] == Score(4, 4, 4)
    assert scores["LAS"].f1 == 1.0


def test_multiword_token_left_unsplit():
    system = conllu([row(1, "Zrobiłem", 0, "root"), row(2, "to", 1, "obj"), row(3, ".", 1, "punct")])
    scores = evaluate(conllu(ZROBILEM), system)
    assert scores["Tokens"] == Score(3, 3, 3)  # the surface tokens are right
    assert scores["Words"] == Score(4, 3, 2)  # "Zrobiłem" aligns with neither word of the MWT


def test_multiword_words_as_separate_tokens_align_by_lcs():
    system = conllu([
        row(1, "Zrobił", 0, "root", upos="VERB", misc="SpaceAfter=No"),
        row(2, "em", 1, "aux", upos="AUX"),
        row(3, "to", 1, "obj", upos="PRON"),
        row(4, ".", 1, "punct", upos="PUNCT"),
    ])
    scores = evaluate(conllu(ZROBILEM), system)
    assert scores["Tokens"] == Score(3, 4, 2)
    assert scores["Words"] == Score(4, 4, 4)
    assert scores["UPOS"].f1 == 1.0
    assert scores["LAS"].f1 == 1.0  # aux:clitic vs aux: only the universal part counts


def test_multiword_lcs_is_case_insensitive_and_partial():
    gold = conllu([
        "1-3\tMógłbyś\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No",
        row(1, "Mógł", 0, "root"), row(2, "by", 1, "aux"), row(3, "ś", 1, "aux:clitic"),
        row(4, "?", 1, "punct"),
    ])
    system = conllu([
        "1-2\tMógłbyś\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No",
        row(1, "mógł", 0, "root"), row(2, "byś", 1, "aux"),
        row(3, "?", 1, "punct"),
    ])
    scores = evaluate(gold, system)
    assert scores["Tokens"].f1 == 1.0
    assert scores["Words"] == Score(4, 3, 2)  # mógł and ?
    assert scores["UAS"].correct == 2


def test_sentence_boundary_errors():
    gold = conllu(ALA, ALA, ALA)
    merged = [*ALA, *[r.replace("\t2\t", "\t6\t").replace("\t0\t", "\t2\t") for r in ALA]]
    merged = [f"{n}\t" + r.split("\t", 1)[1] for n, r in enumerate(merged, start=1)]
    scores = evaluate(gold, conllu(ALA, merged))
    assert scores["Sentences"] == Score(gold_total=3, system_total=2, correct=1)
    assert f1(scores, "Sentences") == 0.4
    assert scores["Tokens"].f1 == 1.0


def test_las_differs_from_uas_on_a_label():
    system = [r.replace("\tobj\t", "\tiobj\t") for r in ALA]
    scores = evaluate(conllu(ALA), conllu(system))
    assert scores["UAS"].f1 == 1.0
    assert scores["LAS"].correct == 3
    # CLAS counts content words only: nsubj, root, obj (punct is neither content nor counted)
    assert scores["CLAS"] == Score(3, 3, 2, 3)


def test_wrong_head_lowers_uas_and_las():
    system = [r.replace("1\tAla\tAla\tPROPN\t_\t_\t2", "1\tAla\tAla\tPROPN\t_\t_\t3") for r in ALA]
    scores = evaluate(conllu(ALA), conllu(system))
    assert scores["UAS"].correct == 3 and scores["LAS"].correct == 3


def test_missing_annotation_scores_wrong_without_crashing():
    bare = [row(n, r.split("\t")[1]) for n, r in enumerate(ALA, start=1)]
    scores = evaluate(conllu(ALA), conllu(bare))
    assert scores["Tokens"].f1 == 1.0
    assert scores["UPOS"].correct == 0
    assert scores["UAS"].correct == 0 and scores["LAS"].correct == 0
    assert scores["MLAS"].correct == 0
    assert scores["Lemmas"].correct == 0


def test_gold_lemma_underscore_counts_as_right():
    gold = conllu([row(1, "Ala", 0, "root")])
    system = conllu([row(1, "Ala", 0, "root", lemma="ala")])
    assert evaluate(gold, system)["Lemmas"].f1 == 1.0


def test_ufeats_keeps_only_universal_features_in_any_order():
    gold = conllu([row(1, "w", 0, "root", feats="AdpType=Prep|Case=Loc|Variant=Short")])
    system = conllu([row(1, "w", 0, "root", feats="Case=Loc")])
    other = conllu([row(1, "w", 0, "root", feats="Case=Gen|Variant=Short")])
    assert evaluate(gold, system)["UFeats"].f1 == 1.0
    assert evaluate(gold, other)["UFeats"].f1 == 0.0


def test_mlas_looks_at_function_word_children():
    gold = conllu([
        row(1, "w", 2, "case", upos="ADP"), row(2, "domu", 0, "root", upos="NOUN"),
    ])
    system = conllu([
        row(1, "w", 2, "case", upos="SCONJ"), row(2, "domu", 0, "root", upos="NOUN"),
    ])
    scores = evaluate(gold, system)
    assert scores["LAS"].f1 == 1.0
    assert scores["MLAS"] == Score(1, 1, 0, 1)


def test_mismatched_text_raises_with_position():
    system = [r.replace("kota", "psa") for r in ALA]
    with pytest.raises(EvaluationError) as err:
        evaluate(conllu(ALA), conllu(system))
    message = str(err.value)
    assert "character 5" in message and "'kota.'" in message and "'psa.'" in message


def test_whitespace_inside_forms_is_ignored():
    gold = conllu([row(1, "10 000", 0, "root")])
    system = conllu([row(1, "10", 0, "root", misc="SpaceAfter=No"), row(2, "000", 1, "flat")])
    scores = evaluate(gold, system)
    assert scores["Tokens"] == Score(1, 2, 0)

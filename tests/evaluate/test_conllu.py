"""Reading and writing CoNLL-U."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kronika.errors import EvaluationError
from kronika.evaluate.conllu import (
    doc_to_sentences, docs_to_sentences, format_conllu, parse_conllu, read_conllu,
)

SAMPLE = """\
# newdoc id = d1
# newpar
# sent_id = s1
# text = Zrobiłem to.
1-2\tZrobiłem\t_\t_\t_\t_\t_\t_\t_\t_
1\tZrobił\tzrobić\tVERB\tpraet:sg:m1:perf\tAspect=Perf\t0\troot\t0:root\t_
2\tem\tbyć\tAUX\taglt:sg:pri:imperf:wok\tNumber=Sing\t1\taux:clitic\t1:aux:clitic\t_
3\tto\tto\tPRON\tsubst:sg:acc:n:ncol\t_\t1\tobj\t1:obj\tSpaceAfter=No
3.1\tto\t_\t_\t_\t_\t_\t_\t1:obj\t_
4\t.\t.\tPUNCT\tinterp\t_\t1\tpunct\t1:punct\t_

# sent_id = s2
# text = Ala ma kota
1\tAla\tAla\tPROPN\t_\t_\t2\tnsubj\t_\t_
2\tma\tmieć\tVERB\t_\t_\t0\troot\t_\t_
3\tkota\tkot\tNOUN\t_\t_\t2\tobj\t_\tSpaceAfter=No

"""


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("pl")


def test_parse_sentences_tokens_and_words():
    first, second = parse_conllu(SAMPLE)
    assert first.newdoc and first.newpar and not second.newpar
    assert first.sent_id == "s1" and first.text == "Zrobiłem to."
    assert [t.form for t in first.tokens] == ["Zrobiłem", "to", "."]
    assert first.tokens[0].multiword and [w.form for w in first.tokens[0].words] == ["Zrobił", "em"]
    assert [w.id for w in first.words] == [1, 2, 3, 4]  # the empty node 3.1 is skipped
    assert first.words[1].head == 1 and first.words[1].deprel == "aux:clitic"
    assert not first.tokens[1].space_after and first.tokens[0].space_after
    assert first.surface_text() == first.text
    assert second.surface_text() == "Ala ma kota"


def test_round_trip_keeps_the_text_except_empty_nodes():
    expected = "".join(line + "\n" for line in SAMPLE.splitlines() if not line.startswith("3.1"))
    assert format_conllu(parse_conllu(SAMPLE)) == expected


def test_read_missing_file_names_it(tmp_path):
    with pytest.raises(EvaluationError) as err:
        read_conllu(tmp_path / "nope.conllu")
    assert "nope.conllu" in str(err.value)


@pytest.mark.parametrize("bad, reason", [
    ("1\tAla\t_\t_\n", "10 tab-separated columns"),
    ("2\tAla\t_\t_\t_\t_\t0\troot\t_\t_\n", "word ID 2, expected 1"),
    ("1\tAla\t_\t_\t_\t_\tX\troot\t_\t_\n", "cannot parse HEAD"),
    ("1\tAla\t_\t_\t_\t_\t5\troot\t_\t_\n", "outside the sentence"),
    ("", "no sentences"),
])
def test_malformed_input_raises_with_file_and_line(tmp_path, bad, reason):
    path = tmp_path / "bad.conllu"
    path.write_text("# sent_id = 1\n" + bad, encoding="utf-8")
    with pytest.raises(EvaluationError) as err:
        read_conllu(path)
    assert reason in str(err.value) and "bad.conllu" in str(err.value)


def test_write_doc_without_annotations(nlp):
    doc = nlp("Ala ma kota.")
    (sentence,) = doc_to_sentences(doc)
    lines = sentence.to_conllu().splitlines()
    assert lines[:2] == ["# sent_id = 1", "# text = Ala ma kota."]
    assert lines[2] == "1\tAla\t_\t_\t_\t_\t_\t_\t_\t_"
    assert lines[4].endswith("\tSpaceAfter=No")  # kota


def test_write_doc_with_parse_tags_and_sentences(nlp):
    doc = Doc(nlp.vocab, words=["Ala", "ma", "kota", ".", "Tak", "."],
              spaces=[True, True, False, True, False, False],
              heads=[1, 1, 1, 1, 4, 4], deps=["nsubj", "ROOT", "obj", "punct", "ROOT", "punct"],
              pos=["PROPN", "VERB", "NOUN", "PUNCT", "PART", "PUNCT"], lemmas=["Ala", "mieć", "kot", ".", "tak", "."],
              morphs=["Case=Nom", "", "Case=Acc", "", "", ""])
    first, second = doc_to_sentences(doc)
    assert first.words[0].to_line() == "1\tAla\tAla\tPROPN\t_\tCase=Nom\t2\tnsubj\t_\t_"
    assert (first.words[1].head, first.words[1].deprel) == (0, "root")
    assert [(w.id, w.head) for w in second.words] == [(1, 0), (2, 1)]
    assert second.sent_id == "2"


def test_sent_ids_run_across_docs(nlp):
    docs = [nlp("Ala ma kota."), nlp("Tak.")]
    assert [s.sent_id for s in docs_to_sentences(docs)] == ["1", "2"]


def test_agglutinates_become_multiword_tokens(nlp):
    doc = Doc(nlp.vocab, words=["Mógł", "by", "ś", "to", "zrobić", "?", "Zrobił", "em", "."],
              spaces=[False, False, True, True, False, True, False, False, False])
    (sentence,) = doc_to_sentences(doc)
    tokens = [(t.form, t.multiword, [w.form for w in t.words]) for t in sentence.tokens]
    assert tokens[0] == ("Mógłbyś", True, ["Mógł", "by", "ś"])
    assert tokens[4] == ("Zrobiłem", True, ["Zrobił", "em"])
    assert tokens[3] == ("?", False, ["?"])
    text = sentence.to_conllu()
    assert "1-3\tMógłbyś\t_\t_\t_\t_\t_\t_\t_\t_\n1\tMógł\t" in text
    assert "7-8\tZrobiłem\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n7\tZrobił\t" in text
    # the written file reads back with the same tokens
    (again,) = parse_conllu(text)
    assert [t.form for t in again.tokens] == [t.form for t in sentence.tokens]


def test_letters_glued_without_an_agglutinate_stay_separate(nlp):
    doc = Doc(nlp.vocab, words=["na", "ń", "by", "."], spaces=[False, True, True, False])
    forms = [t.form for t in doc_to_sentences(doc)[0].tokens]
    assert forms == ["na", "ń", "by", "."]  # "by" after a space is a word of its own


def test_whitespace_tokens_are_left_out(nlp):
    doc = nlp("Ala  ma\n\nkota")
    (sentence,) = doc_to_sentences(doc)
    assert [t.form for t in sentence.tokens] == ["Ala", "ma", "kota"]
    assert all(t.space_after for t in sentence.tokens[:2])

from pathlib import Path

from spacy.vocab import Vocab

from kronika.training.corpora import (
    layer_spans,
    ner_split_of,
    read_conllu_words,
    read_form_upos,
    read_nkjp_morph,
    sentences_to_doc,
    upos_only,
    words_key,
    write_name_frequencies,
)

CONLLU = """# text = Zrobiłem to.
1-2\tZrobiłem\t_\t_\t_\t_\t_\t_\t_\t_
1\tZrobił\tzrobić\tVERB\tpraet:sg:m1:perf\tAspect=Perf\t0\troot\t_\t_
2\tem\tbyć\tAUX\taglt:sg:pri:imperf:wok\tNumber=Sing\t1\taux:clitic\t_\t_
3\tto\tto\tPRON\tsubst:sg:acc:n\tCase=Acc\t1\tobj\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\tinterp\t_\t1\tpunct\t_\t_

"""


def test_conllu_words_split_multiword_tokens_without_space(tmp_path: Path):
    path = tmp_path / "a.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    [sentence] = list(read_conllu_words(path))
    assert [w.form for w in sentence.words] == ["Zrobił", "em", "to", "."]
    assert [w.space_after for w in sentence.words] == [False, True, False, True]
    doc = sentences_to_doc(Vocab(), [sentence])
    assert doc.text == "Zrobiłem to."
    assert [t.head.i for t in doc] == [0, 0, 0, 0]
    assert doc[1].dep_ == "aux:clitic" and doc[0].dep_ == "ROOT"
    assert doc[0].pos_ == "VERB" and doc[0].tag_ == "praet:sg:m1:perf" and doc[0].lemma_ == "zrobić"


def test_nkjp_morph_skips_listed_sentences_and_keeps_spacing(tmp_path: Path):
    path = tmp_path / "m.tsv"
    path.write_text("Ala\tAla\tsubst:sg:nom:f\t_\n.\t.\tinterp\tnospace_before\n\nKot\tkot\tsubst:sg:nom:m2\t_\n\n", encoding="utf-8")
    sentences = list(read_nkjp_morph(path, skip={1}))
    assert len(sentences) == 1
    doc = sentences_to_doc(Vocab(), sentences)
    assert doc.text == "Ala." and doc[0].tag_ == "subst:sg:nom:f"


def test_nested_iob_layers():
    tokens = [
        ("Jan", ["B-persName", "B-persName-forename"]),
        ("Kowalski", ["I-persName", "B-persName-surname"]),
        ("z", ["O"]),
        ("Banku", ["B-orgName"]),
        ("Gdańskiego", ["I-orgName", "B-placeName-settlement"]),
    ]
    assert layer_spans(tokens, 0) == [(0, 2, "persName"), (3, 5, "orgName")]
    assert layer_spans(tokens, 1) == [(0, 1, "persName_forename"), (1, 2, "persName_surname"), (4, 5, "placeName_settlement")]


def test_ner_split_is_fixed_by_document_id():
    assert ner_split_of("010-2-000000001") == ner_split_of("010-2-000000001")
    splits = {ner_split_of(f"doc-{i}") for i in range(100)}
    assert splits == {"train", "dev", "test"}


def test_form_upos_sentences_carry_upos_only(tmp_path: Path):
    path = tmp_path / "u.tsv"
    path.write_text("Kot\tNOUN\nśpi\tVERB\n.\tPUNCT\n\nIdę\tVERB\n", encoding="utf-8")
    first, second = read_form_upos(path)
    assert words_key(first) == ("Kot", "śpi", ".") and words_key(second) == ("Idę",)
    doc = sentences_to_doc(Vocab(), [first])
    assert [t.pos_ for t in doc] == ["NOUN", "VERB", "PUNCT"]
    assert not doc.has_annotation("TAG") and not doc.has_annotation("MORPH")


def test_upos_only_drops_features_but_keeps_the_parse(tmp_path: Path):
    path = tmp_path / "a.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    [sentence] = upos_only(list(read_conllu_words(path)))
    doc = sentences_to_doc(Vocab(), [sentence])
    assert not doc.has_annotation("MORPH")
    assert doc[0].pos_ == "VERB" and doc[0].tag_ == "praet:sg:m1:perf" and doc[1].dep_ == "aux:clitic"


def test_name_frequencies_count_capitalised_noun_lemmas_outside_the_overlap(tmp_path: Path):
    (tmp_path / "nkjp1m-morph").mkdir()
    sentence = "Jacka\tJacek\tsubst:sg:gen:m1\t_\nwidzę\twidzieć\tfin:sg:pri:imperf\t_\n\n"
    (tmp_path / "nkjp1m-morph" / "test-full.tsv").write_text(sentence * 3, encoding="utf-8")
    (tmp_path / "nkjp1m-morph" / "validate.tsv").write_text("Jack\tJack\tsubst:sg:nom:m1\t_\n\n", encoding="utf-8")
    (tmp_path / "nkjp1m-morph" / "overlap_with_UD_devtest.txt").write_text("test-full.tsv\t0\n", encoding="utf-8")
    out = tmp_path / "name_frequencies.txt"
    assert write_name_frequencies(tmp_path, out) == 1  # Jacek twice (the first sentence is in UD dev/test); Jack once
    assert out.read_text(encoding="utf-8").splitlines()[-1] == "Jacek\t2"

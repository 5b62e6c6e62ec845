"""The periphrastic passive restored in the parse (kronika.analyse.passive)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from kronika.analyse.passive import PassiveRepair, participle_of, repair


# `Kobieta została za to skazana`, the auxiliary parsed as the root
ROOT_AUXILIARY = [
    ("Kobieta", "kobieta", "subst:sg:nom:f", 1, "nsubj"),
    ("została", "zostać", "praet:sg:f:perf", 1, "ROOT"),
    ("za", "za", "prep:acc", 3, "case"),
    ("to", "to", "subst:sg:acc:n", 1, "obl"),
    ("skazana", "skazać", "ppas:sg:nom:f:perf:aff", 3, "acl"),
]


def _doc(nlp, rows):
    """rows: (word, lemma, tag, head index, dep)."""
    words, lemmas, tags, heads, deps = zip(*rows)
    return Doc(nlp.vocab, words=list(words), lemmas=list(lemmas), tags=list(tags), heads=list(heads), deps=list(deps))


def _tree(doc):
    return [(t.text, t.dep_, t.head.text) for t in doc]


def test_the_participle_after_the_auxiliary_agrees(nlp):
    doc = _doc(nlp, ROOT_AUXILIARY)
    assert participle_of(doc[1]) == doc[4]
    assert participle_of(doc[4]) is None


def test_masculine_genders_of_the_singular_agree_and_others_do_not(nlp):
    masculine = _doc(nlp, [("został", "zostać", "praet:sg:m1:perf", 0, "ROOT"),
                           ("otruty", "otruć", "ppas:sg:nom:m3:perf:aff", 0, "xcomp")])
    feminine = _doc(nlp, [("została", "zostać", "praet:sg:f:perf", 0, "ROOT"),
                          ("otruty", "otruć", "ppas:sg:nom:m3:perf:aff", 0, "xcomp")])
    assert participle_of(masculine[0]) == masculine[1]
    assert participle_of(feminine[0]) is None


def test_a_comma_or_a_verb_ends_the_search(nlp):
    doc = _doc(nlp, [("został", "zostać", "praet:sg:m1:perf", 0, "ROOT"),
                     (",", ",", "interp", 0, "punct"),
                     ("zabity", "zabić", "ppas:sg:nom:m1:perf:aff", 0, "conj")])
    assert participle_of(doc[0]) is None


def test_the_participle_takes_the_place_of_a_root_auxiliary(nlp):
    doc = _doc(nlp, [*ROOT_AUXILIARY, (".", ".", "interp", 1, "punct")])
    assert repair(doc[:]) == 1
    assert _tree(doc) == [("Kobieta", "nsubj:pass", "skazana"), ("została", "aux:pass", "skazana"),
                          ("za", "case", "to"), ("to", "obl", "skazana"), ("skazana", "ROOT", "skazana"),
                          (".", "punct", "skazana")]


@pytest.mark.parametrize("rows", [
    [  # the participle a conjunct of its own subject
        ("gubernator", "gubernator", "subst:sg:nom:m1", 0, "ROOT"),
        ("został", "zostać", "praet:sg:m1:perf", 2, "aux:pass"),
        ("zabity", "zabić", "ppas:sg:nom:m1:perf:aff", 0, "conj"),
    ],
    [  # after a numeral the genitive plural participle agrees with the neuter
        ("polityków", "polityk", "subst:pl:gen:m1", 0, "ROOT"),
        ("zostało", "zostać", "praet:sg:n:perf", 2, "aux:pass"),
        ("zamordowanych", "zamordować", "ppas:pl:gen:m1:perf:aff", 0, "xcomp"),
    ],
])
def test_a_participle_hung_under_its_subject_heads_the_sentence(nlp, rows):
    doc = _doc(nlp, rows)
    assert repair(doc[:]) == 1
    assert doc[2].dep_ == "ROOT" and (doc[0].dep_, doc[0].head.i) == ("nsubj:pass", 2)


def test_the_copula_of_a_noun_after_the_participle_becomes_its_auxiliary(nlp):
    doc = _doc(nlp, [
        ("Skripal", "Skripal", "subst:sg:nom:m1", 3, "nsubj"),
        ("został", "zostać", "praet:sg:m1:perf", 3, "cop"),
        ("otruty", "otruć", "ppas:sg:nom:m1:perf:aff", 3, "acl"),
        ("substancją", "substancja", "subst:sg:inst:f", 3, "ROOT"),
        (".", ".", "interp", 3, "punct"),
    ])
    assert repair(doc[:]) == 1
    assert _tree(doc) == [("Skripal", "nsubj:pass", "otruty"), ("został", "aux:pass", "otruty"),
                          ("otruty", "ROOT", "otruty"), ("substancją", "obl", "otruty"), (".", "punct", "otruty")]


def test_a_right_parse_and_a_verbal_root_are_left_alone(nlp):
    right = _doc(nlp, [
        ("Kobieta", "kobieta", "subst:sg:nom:f", 2, "nsubj:pass"),
        ("została", "zostać", "praet:sg:f:perf", 2, "aux:pass"),
        ("skazana", "skazać", "ppas:sg:nom:f:perf:aff", 2, "ROOT"),
    ])
    verbal_root = _doc(nlp, [
        ("Powiedział", "powiedzieć", "praet:sg:m1:perf", 0, "ROOT"),
        ("został", "zostać", "praet:sg:m1:perf", 2, "aux:pass"),
        ("zwolniony", "zwolnić", "ppas:sg:nom:m1:perf:aff", 0, "xcomp"),
    ])
    before = _tree(right), _tree(verbal_root)
    assert repair(right[:]) == 0 and repair(verbal_root[:]) == 0
    assert (_tree(right), _tree(verbal_root)) == before


def test_the_component_keeps_the_sentences(nlp):
    doc = _doc(nlp, [
        ("Padało", "padać", "praet:sg:n:imperf", 0, "ROOT"),
        (".", ".", "interp", 0, "punct"),
        ("Kobieta", "kobieta", "subst:sg:nom:f", 3, "nsubj"),
        ("została", "zostać", "praet:sg:f:perf", 3, "ROOT"),
        ("skazana", "skazać", "ppas:sg:nom:f:perf:aff", 2, "acl"),
        (".", ".", "interp", 3, "punct"),
    ])
    starts = [t.is_sent_start for t in doc]
    PassiveRepair()(doc)
    assert [t.is_sent_start for t in doc] == starts
    assert doc[4].dep_ == "ROOT" and doc[3].head.i == 4

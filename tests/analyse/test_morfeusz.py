"""Morfeusz 2 readings through spaCy extensions."""
from __future__ import annotations

import pickle

from kronika.analyse.morfeusz import Interpretation, analyse, likely_lemma


def token(doc, text):
    return next(t for t in doc if t.text == text)


def test_an_unknown_name(nlp):
    tok = token(nlp("Putin pogratulował Tokajewowi."), "Tokajewowi")
    assert tok._.is_known is False
    assert tok._.morfeusz == (Interpretation("Tokajewowi", "ign", (), ()),)
    assert tok._.lemma_candidates == ("Tokajewowi",)
    assert tok._.name_types == ()


def test_a_place_name(nlp):
    tok = token(nlp("prezydent Rosji"), "Rosji")
    assert tok._.is_known
    assert tok._.lemma_candidates == ("Rosja",)
    assert tok._.name_types == ("nazwa_geograficzna",)
    assert {r.tag for r in tok._.morfeusz} >= {"subst:sg:gen:f", "subst:sg:dat:f", "subst:sg:loc:f"}
    assert "hom." in {label for r in tok._.morfeusz for label in r.labels}


def test_a_verb_form_and_a_first_name(nlp):
    doc = nlp("przywrócono porządek, powiedział Jan")
    assert token(doc, "przywrócono")._.morfeusz == (Interpretation("przywrócić", "imps:perf", (), ()),)
    assert "imię" in token(doc, "Jan")._.name_types


def test_homonym_marks_are_split_from_the_lemma(nlp):
    readings = token(nlp("Gronkiewicz-Waltz"), "Gronkiewicz")._.morfeusz
    assert {(r.lemma, r.sense) for r in readings} >= {("Gronkiewicz", "Sf"), ("Gronkiewicz", "Sm1")}
    assert "nazwisko" in readings[0].name_types


def test_tokens_are_read_in_their_chunk(nlp):
    doc = nlp("Zrobiłem to w 2022 r. m.in. dla was")
    assert token(doc, "em")._.morfeusz[0].tag.startswith("aglt")
    assert token(doc, "em")._.lemma_candidates == ("być",)
    assert "rok" in token(doc, "r")._.lemma_candidates
    assert token(doc, "m.in")._.lemma_candidates == ("między innymi",)
    assert token(doc, ".")._.morfeusz[0].tag == "interp"


def test_whitespace_tokens_have_no_readings(nlp):
    doc = nlp("Tak.\n\nNie.")
    space = next(t for t in doc if t.is_space)
    assert space._.morfeusz == () and space._.is_known is False


def test_rule_only_pipeline_sets_lemmas(nlp):
    doc = nlp("Dziewczynki stoją w dużej grupie.")
    assert [t.lemma_ for t in doc] == ["dziewczynka", "stać", "w", "duży", "grupa", "."]


def test_likely_lemma_prefers_the_form():
    readings = (Interpretation("to", "subst:sg:nom:n:ncol", (), ()), Interpretation("ten", "adj:sg:nom:n:pos", (), ()))
    assert likely_lemma("to", readings) == "to"


def test_analyses_are_cached_and_the_component_pickles(nlp):
    assert analyse("Rosji") is analyse("Rosji")
    pipe = pickle.loads(pickle.dumps(nlp.get_pipe("kronika_morfeusz")))
    assert pipe(nlp.make_doc("Ala"))[0]._.is_known

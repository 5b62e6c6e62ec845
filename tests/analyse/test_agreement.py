"""The tagger's number, case and gender revised by the parse (kronika.analyse.agreement)."""
from __future__ import annotations

from spacy.tokens import Doc

from kronika.analyse.agreement import AgreementTagger, agreement, alternatives_differ
from kronika.analyse.features import UDFeatures, feature_key
from kronika.analyse.morphology import TAG_PROBABILITIES


def _doc(nlp, words, tags, heads, deps, probabilities):
    doc = Doc(nlp.vocab, words=words, tags=tags, heads=heads, deps=deps, lemmas=[w.lower() for w in words])
    doc.user_data[TAG_PROBABILITIES] = probabilities
    return doc


def test_agreement_attributes_of_a_tag():
    assert agreement("adj:sg:loc:m3:pos") == ("sg", "loc", "m3")
    assert agreement("praet:pl:f:perf") == ("pl", None, "f")
    assert agreement("prep:acc:nwok") == (None, "acc", None)
    assert agreement("adv:pos") is None


def test_alternatives_differ_in_agreement_only():
    assert alternatives_differ("subst:sg:nom:m3", "subst:sg:acc:m3")
    assert not alternatives_differ("subst:sg:nom:m3", "adj:sg:nom:m3:pos")
    assert not alternatives_differ("ppas:sg:nom:m3:perf:aff", "ppas:sg:nom:m3:imperf:aff")


def test_a_preposition_takes_the_case_of_its_noun(nlp):
    doc = _doc(nlp, ["w", "nowym", "budynku"], ["prep:acc:nwok", "adj:sg:loc:m3:pos", "subst:sg:loc:m3"],
               [2, 2, 2], ["case", "amod", "ROOT"],
               {0: {"prep:acc:nwok": 0.6, "prep:loc:nwok": 0.4}})
    doc = AgreementTagger()(doc)
    assert doc[0].tag_ == "prep:loc:nwok"
    assert TAG_PROBABILITIES not in doc.user_data


def test_a_past_tense_verb_takes_the_gender_of_its_subject(nlp):
    doc = _doc(nlp, ["Kawałek", "spadł"], ["subst:sg:nom:m3", "praet:sg:m1:perf"], [1, 1], ["nsubj", "ROOT"],
               {1: {"praet:sg:m1:perf": 0.55, "praet:sg:m2:perf": 0.05, "praet:sg:m3:perf": 0.4}})
    assert AgreementTagger()(doc)[1].tag_ == "praet:sg:m3:perf"


def test_a_counted_subject_leaves_the_verb_s_gender_alone(nlp):
    # `Kilka dni później oskarżyły`: a counted noun's verb is neuter singular, so a plural verb
    # beside it is no agreement evidence (the parse took the time phrase for the subject).
    words, tags = ["Kilka", "dni", "oskarżyły"], ["num:pl:nom:m3:rec:ncol", "subst:pl:gen:m3", "praet:pl:f:perf"]
    probabilities = {2: {"praet:pl:f:perf": 0.55, "praet:pl:m3:perf": 0.45}}
    counted = _doc(nlp, words, tags, [1, 2, 2], ["det:numgov", "nsubj", "ROOT"], probabilities)
    assert AgreementTagger()(counted)[2].tag_ == "praet:pl:f:perf"
    uncounted = _doc(nlp, words, tags, [1, 2, 2], ["det", "nsubj", "ROOT"], probabilities)
    assert AgreementTagger()(uncounted)[2].tag_ == "praet:pl:m3:perf"


def test_an_adjective_and_its_noun_are_decided_together(nlp):
    # `w polskiej stolicy`: each of the two alone would keep the genitive the other has.
    doc = _doc(nlp, ["w", "polskiej", "stolicy"], ["prep:loc:nwok", "adj:sg:gen:f:pos", "subst:sg:gen:f"],
               [2, 2, 2], ["case", "amod", "ROOT"],
               {1: {"adj:sg:gen:f:pos": 0.6, "adj:sg:loc:f:pos": 0.4},
                2: {"subst:sg:gen:f": 0.5, "subst:sg:loc:f": 0.3, "subst:sg:dat:f": 0.2}})
    doc = AgreementTagger()(doc)
    assert [doc[1].tag_, doc[2].tag_] == ["adj:sg:loc:f:pos", "subst:sg:loc:f"]


def test_a_confident_tag_stays_against_the_parse(nlp):
    doc = _doc(nlp, ["Kawałek", "spadł"], ["subst:sg:nom:m3", "praet:sg:m1:perf"], [1, 1], ["nsubj", "ROOT"],
               {1: {"praet:sg:m1:perf": 0.99, "praet:sg:m3:perf": 0.01}})
    assert AgreementTagger()(doc)[1].tag_ == "praet:sg:m1:perf"


def test_features_and_lemma_follow_the_new_tag(nlp):
    doc = _doc(nlp, ["w", "budynku"], ["prep:acc:nwok", "subst:sg:loc:m3"], [1, 1], ["case", "ROOT"],
               {0: {"prep:acc:nwok": 0.6, "prep:loc:nwok": 0.4}})
    doc[0].pos_ = "ADP"
    tagger = AgreementTagger()
    tagger.features = UDFeatures({feature_key("ADP", "prep:loc:nwok"): "AdpType=Prep|Case=Loc"})
    doc = tagger(doc)
    assert doc[0].morph.get("Case") == ["Loc"] and doc[0].lemma_ == "w"

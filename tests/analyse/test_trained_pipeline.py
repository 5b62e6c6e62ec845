"""The shipped trained pipeline, on the seed article and on hand-made sentences."""
from __future__ import annotations

from pathlib import Path

import pytest

import kronika
from kronika.analyse.pipeline import DEFAULT_MODEL
from kronika.read import read_paths

pytestmark = pytest.mark.model
SEED = Path(__file__).resolve().parents[2] / "examples" / "seed.txt"


@pytest.fixture(scope="module")
def trained():
    assert (DEFAULT_MODEL / "config.cfg").exists(), "the trained pipeline must ship in kronika/models/pl_kronika"
    return kronika.load()


@pytest.fixture(scope="module")
def seed(trained):
    [article] = list(read_paths([SEED]))
    return trained(article.text)


def test_pipeline_has_every_trained_component(trained):
    for name in ("tagger", "trainable_lemmatizer", "morphologizer", "parser", "ner", "ner_inner"):
        assert name in trained.pipe_names


def test_every_token_is_tagged_lemmatised_and_parsed(seed):
    assert seed.has_annotation("TAG") and seed.has_annotation("POS") and seed.has_annotation("DEP")
    assert all(t.lemma_ for t in seed if not t.is_space)
    for sentence in seed.sents:
        roots = [t for t in sentence if t.dep_ == "ROOT"]
        assert len(roots) == 1


def test_dictionary_lemmas_of_inflected_names(trained):
    doc = trained("Żołnierzy do Kazachstanu wysłały Rosja i Białoruś.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["Kazachstanu"] == "Kazachstan"
    assert lemmas["wysłały"] == "wysłać"
    assert lemmas["Żołnierzy"].lower() == "żołnierz"


def test_tags_are_ones_the_dictionary_allows(trained):
    doc = trained("Prezydent Rosji zapowiedział wycofanie kontyngentu.")
    assert doc[1].tag_ in {"subst:sg:gen:f", "subst:sg:dat:f", "subst:sg:loc:f", "subst:pl:gen:f"}
    assert doc[2].tag_.startswith("praet:sg:m1")


def test_seed_people_and_places_are_recognised(seed):
    entities = {(e.text, e.label_) for e in seed.ents}
    people = {text for text, label in entities if label == "persName"}
    places = {text for text, label in entities if label.startswith("placeName")}
    assert any("Tokajew" in p for p in people)
    assert any("Putin" in p for p in people)
    assert {"Kazachstanie", "Rosja"} & places


def test_nested_entities_stand_inside_outer_ones(seed):
    outer = list(seed.ents)
    nested = [s for s in seed.spans["nkjp_ner"] if s not in outer]
    assert nested, "a full name such as Kasym-Żomart Tokajew has forename and surname inside"
    for span in nested:
        assert any(e.start <= span.start and span.end <= e.end for e in outer)


def test_dictionary_first_lemmatizer_gives_the_full_lemmatizers_lemmas(trained):
    from spacy.pipeline.edit_tree_lemmatizer import EditTreeLemmatizer

    from kronika.analyse.morphology import DictionaryFirstLemmatizer

    lemmatizer = trained.get_pipe("trainable_lemmatizer")
    assert isinstance(lemmatizer, DictionaryFirstLemmatizer)
    doc = trained.make_doc("Prezydent Tokajew podziękował Putinowi, a Zełenskiemu przekazano wnioski z rozmów z Tokajewem.")
    for name, component in trained.pipeline:
        if name == "trainable_lemmatizer":
            break
        doc = component(doc)
    lemmas = []
    for lemmatize in (DictionaryFirstLemmatizer, EditTreeLemmatizer):
        copy = doc.copy()
        lemmatize.set_annotations(lemmatizer, [copy], lemmatize.predict(lemmatizer, [doc]))
        lemmas.append([t.lemma_ for t in trained.get_pipe("kronika_dictionary_lemmas")(copy)])
    assert lemmas[0] == lemmas[1]
    assert lemmas[0].count("Tokajew") == 2


def test_agglutinates_are_tagged_within_their_word(trained):
    doc = trained("Zrobiłem to, a potem zrobiliśmy więcej.")
    assert doc[1].text == "em" and doc[1].tag_.startswith("aglt:sg:pri")
    assert [t.text for t in doc if t.tag_.startswith("aglt")] == ["em", "śmy"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a headline glued to the lead, as scraped news often has it: the trained senter splits
        ("Cameron przyłapany na szczerości Były premier Wielkiej Brytanii namieszał w Davos.", 2),
        ("Brexit to pewnik, ale brexodusu nie będzie Jedna trzecia osób chce zostać.", 2),
        # a name of two capitalised words goes on; a name after a verb is no new sentence
        ("Tak samo postępuje rządząca Partia Konserwatywna.", 1),
        ("Pomoc zaoferował rząd Pakistanu w Islamabadzie.", 1),
        ("Pytany o przyszłość Unii Europejskiej, Blair podkreślił, że warto walczyć.", 1),  # a name after a comma
    ],
)
def test_the_senter_ends_sentences_punctuation_does_not_show(trained, text, expected):
    assert "senter" in trained.pipe_names
    assert len(list(trained(text).sents)) == expected


def test_ud_features_follow_ud_pdb_2(trained):
    doc = trained("Premier był w Brukseli - powiedział rzecznik.")
    dash = next(t for t in doc if t.text == "-")
    assert dash.morph.get("PunctType") == ["Dash"]
    verb = next(t for t in doc if t.text == "był")
    assert verb.morph.get("VerbForm") == ["Fin"] and verb.morph.get("Animacy") == ["Hum"] and not verb.morph.get("SubGender")


def test_the_passive_heads_its_clause_after_the_parser(trained):
    doc = trained("Siergiej Skripal został przed trzema tygodniami otruty substancją paraliżującą.")
    participle, auxiliary = doc[6], doc[2]
    assert (auxiliary.dep_, auxiliary.head) == ("aux:pass", participle)
    assert participle.dep_ == "ROOT" and doc[0].head == participle


def test_the_parse_revises_agreement(trained):
    names = trained.pipe_names
    assert names.index("kronika_passive") == names.index("parser") + 1
    assert names.index("kronika_agreement") == names.index("kronika_passive") + 1
    doc = trained("W nowym budynku przy ulicy Długiej spadł wczoraj ciężki kawałek tynku.")
    spadl = next(t for t in doc if t.text == "spadł")
    assert spadl.tag_ == "praet:sg:m3:perf" and spadl.morph.get("Animacy") == ["Inan"]
    assert not doc.user_data

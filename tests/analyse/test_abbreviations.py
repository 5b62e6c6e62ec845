"""An abbreviation's part of speech is that of the word it stands for (kronika.analyse.abbreviations)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

import kronika
from kronika.analyse.abbreviations import abbreviation_pos


@pytest.mark.parametrize(
    ("text", "dotted", "upos"),
    [
        ("ul", True, "NOUN"),  # ulica
        ("r", True, "NOUN"),  # rok, rocznik, rodzaj: all nouns
        ("tys", True, "NOUN"),  # tysiąc
        ("mln", False, "NOUN"),  # milion: a numeral UD treats as a noun
        ("zł", False, "NOUN"),  # złoty: the noun reading wins over the adjective
        ("np", True, "ADV"),  # na przykład: a prepositional phrase is an adverbial
        ("m.in", True, "ADV"),  # między innymi
        ("br", True, "NOUN"),  # bieżący rok: the last word
        ("J", True, "PROPN"),  # an initial
    ],
)
def test_the_part_of_speech_of_what_an_abbreviation_stands_for(text, dotted, upos):
    assert abbreviation_pos(text, dotted) == upos


def test_a_word_that_is_no_abbreviation_gets_nothing():
    assert abbreviation_pos("kot", False) is None and abbreviation_pos("kot", True) is None


@pytest.mark.model
def test_the_pipeline_rewrites_x_on_abbreviations():
    nlp = kronika.load()
    words = ["Mieszka", "przy", "ul", ".", "Długiej", "od", "2010", "r", "."]
    spaces = [True, True, False, True, True, True, True, False, False]
    doc = nlp(Doc(nlp.vocab, words=words, spaces=spaces))
    assert [t.pos_ for t in doc if t.text in ("ul", "r")] == ["NOUN", "NOUN"]
    assert "kronika_abbreviation_pos" in nlp.pipe_names


def test_the_percent_sign_is_the_noun_it_abbreviates(nlp):
    from spacy.tokens import Doc

    from kronika.analyse.abbreviations import AbbreviationPos

    doc = Doc(nlp.vocab, words=["14", "%"], tags=["num:pl:acc:m3:rec", "brev:npun"], pos=["NUM", "SYM"])
    doc = AbbreviationPos()(doc)
    assert doc[1].pos_ == "NOUN" and doc[1].morph.get("Abbr") == ["Yes"]

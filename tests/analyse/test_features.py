"""UD features from the NKJP tag, and ExtPos of fixed expressions (kronika.analyse.features)."""
from __future__ import annotations

from spacy.tokens import Doc

from kronika.analyse.features import ParseFeatures, UDFeatures, build_table, feature_key


def test_numbers_in_digits_share_one_key():
    assert feature_key("ADJ", "adj:sg:gen:m3:pos", "1996") == feature_key("ADJ", "adj:sg:gen:m3:pos", "53")
    table = build_table([("ADJ", "adj:sg:gen:m3:pos", "53", "NumForm=Digit|NumType=Ord")] * 2
                        + [("ADJ", "adj:sg:gen:m3:pos", "dobry", "Degree=Pos")] * 3)
    assert table[feature_key("ADJ", "adj:sg:gen:m3:pos", "2022")] == "NumForm=Digit|NumType=Ord"


def test_a_fixed_expression_takes_the_part_of_speech_of_its_relation(nlp):
    doc = Doc(nlp.vocab, words=["w", "związku", "z", "tym", "na", "przykład"],
              heads=[3, 0, 0, 3, 3, 4], deps=["case", "fixed", "fixed", "ROOT", "advmod:emph", "fixed"])
    doc = ParseFeatures()(doc)
    assert doc[0].morph.get("ExtPos") == ["ADP"] and doc[4].morph.get("ExtPos") == ["PART"]
    assert not doc[3].morph.get("ExtPos")


def test_features_come_from_the_table(nlp):
    doc = Doc(nlp.vocab, words=["-"], pos=["PUNCT"], tags=["interp"], lemmas=["-"])
    assert str(UDFeatures({feature_key("PUNCT", "interp", "-"): "PunctType=Dash"})(doc)[0].morph) == "PunctType=Dash"


def test_a_pronoun_opening_a_relative_clause_is_relative(nlp):
    doc = Doc(nlp.vocab, words=["miejsce", ",", "gdzie", "mieszka", "Gdzie", "mieszka"],
              heads=[0, 3, 3, 0, 5, 5], deps=["ROOT", "punct", "advmod", "acl:relcl", "advmod", "ROOT"],
              morphs=["", "", "PronType=Int", "", "PronType=Int", ""])
    doc = ParseFeatures()(doc)
    assert doc[2].morph.get("PronType") == ["Rel"] and doc[4].morph.get("PronType") == ["Int"]

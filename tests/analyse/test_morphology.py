"""The tags the dictionary allows the tagger (kronika.analyse.morphology.dictionary_tags)."""
from __future__ import annotations

from kronika.analyse.morphology import dictionary_tags


def _tags(nlp, text, word):
    doc = nlp(text)
    return set(dictionary_tags(next(t for t in doc if t.text == word)))


def test_a_word_before_a_dot_is_also_an_abbreviation(nlp):
    assert {"brev:pun", "subst:sg:nom:m3"} <= _tags(nlp, "Mieszka przy ul. Długiej.", "ul")
    assert "brev:pun" not in _tags(nlp, "Stary ul stał w sadzie.", "ul")  # a beehive


def test_the_first_part_of_a_hyphenated_compound_is_read_within_it(nlp):
    assert "adja" in _tags(nlp, "Kibice z biało-czerwonymi flagami.", "biało")
    assert "adja" not in _tags(nlp, "Było biało i zimno.", "biało")


def test_words_ud_pdb_tags_outside_the_dictionary(nlp):
    assert "comp" in _tags(nlp, "Jest starszy niż brat.", "niż")


def test_roman_numerals_and_digits_leave_the_choice_to_the_tagger(nlp):
    assert _tags(nlp, "W XIX wieku.", "XIX") == set()


def test_a_capitalised_noun_the_dictionary_knows_only_as_a_name_is_proper(nlp):
    from spacy.tokens import Doc

    from kronika.analyse.morphology import TreebankPos

    doc = Doc(nlp.vocab, words=["z", "Agnieszką", "i", "Sala"], tags=["prep:inst", "subst:sg:inst:f", "conj", "subst:sg:nom:f"],
              pos=["ADP", "NOUN", "CCONJ", "NOUN"])
    doc = TreebankPos()(doc)
    assert [t.pos_ for t in doc] == ["ADP", "PROPN", "CCONJ", "NOUN"]  # sala is also a common noun


def test_jednak_is_a_conjunction_opening_a_clause_and_a_particle_inside_it(nlp):
    from spacy.tokens import Doc

    from kronika.analyse.morphology import TreebankPos

    words = ["Jednak", "nie", "przyszedł", ",", "jednak", "był", "to", "był", "jednak", "błąd"]
    starts = [True] + [False] * 9
    doc = Doc(nlp.vocab, words=words, sent_starts=starts, tags=["conj"] * 10, pos=["CCONJ"] * 10)
    doc = TreebankPos()(doc)
    assert [(t.pos_, t.tag_) for t in doc if t.lower_ == "jednak"] == [("CCONJ", "conj"), ("CCONJ", "conj"), ("PART", "part")]


def test_the_forms_of_oba_are_determiners_with_the_taggers_tag(nlp):
    from spacy.tokens import Doc

    from kronika.analyse.morphology import TreebankPos

    doc = Doc(nlp.vocab, words=["obu", "stron"], tags=["num:pl:gen:f:congr:ncol", "subst:pl:gen:f"], pos=["NUM", "NOUN"])
    doc = TreebankPos()(doc)
    assert (doc[0].pos_, doc[0].tag_) == ("DET", "num:pl:gen:f:congr:ncol")


def _tagger_and_examples(words, tags):
    import spacy
    from spacy.tokens import Doc
    from spacy.training import Example

    import kronika.analyse.pipeline  # noqa: F401  (registers kronika_tagger)

    blank = spacy.blank("pl")
    tagger = blank.add_pipe("kronika_tagger", config={"label_smoothing": 0.0})
    examples = [Example(Doc(blank.vocab, words=words), Doc(blank.vocab, words=words, tags=tags))]
    blank.initialize(lambda: examples)
    return tagger, examples


def test_the_tagger_learns_over_the_tags_the_dictionary_allows():
    import numpy

    words = ["Ala", "ma", "kota", "xyzqw", "."]
    tags = ["subst:sg:nom:f", "fin:sg:ter:imperf", "subst:sg:acc:m2", "subst:sg:nom:m1", "interp"]
    tagger, examples = _tagger_and_examples(words, tags)
    scores, _ = tagger.model.begin_update([eg.predicted for eg in examples])
    loss, (gradient,) = tagger.get_loss(examples, scores)
    gradient = tagger.model.ops.to_numpy(gradient)
    labels = list(tagger.labels)
    assert loss > 0
    assert not gradient[4].any()  # `.`: the dictionary allows one tag, nothing to learn
    kota = {labels.index(t) for t in dictionary_tags(examples[0].predicted[2]) if t in labels}
    assert set(numpy.flatnonzero(gradient[2])) <= kota  # only the tags SGJP allows compete
    assert gradient[2][labels.index("subst:sg:acc:m2")] < 0
    assert abs(gradient[2].sum()) < 1e-5  # a softmax's gradient over the allowed tags
    assert numpy.count_nonzero(gradient[3]) == len(labels)  # an unknown word: all tags compete

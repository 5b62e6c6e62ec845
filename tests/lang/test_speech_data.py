"""The quotation data: speech verbs, nouns, source phrases, quotation marks and their loaders."""
from __future__ import annotations

import morfeusz2
import pytest

from kronika.lang import pl

SPEECH_FILES = ["speech_verbs.txt", "speech_nouns.txt", "speech_prepositions.txt", "speech_not_sources.txt",
                "speech_media_nouns.txt", "speech_role_synonyms.txt"]


@pytest.fixture(scope="module")
def morfeusz():
    return morfeusz2.Morfeusz(expand_tags=True, generate=False)


def _lemmas(morfeusz, word: str, pos: str) -> set[str]:
    return {lemma.split(":")[0] for _, _, (_, lemma, tag, _, _) in morfeusz.analyse(word) if tag.startswith(pos)}


@pytest.mark.parametrize("name", SPEECH_FILES)
def test_files_have_entries_and_no_duplicates(name):
    entries = [line.split("\t")[0] for line in pl.read_list(name)]
    assert entries and len(entries) == len(set(entries)), name


def test_speech_verbs_have_a_known_class():
    verbs = pl.speech_verbs()
    assert set(verbs.values()) <= set(pl.SPEECH_VERB_CLASSES)
    assert {"powiedzieć", "stwierdzić", "dodać", "zapowiedzieć", "oświadczyć", "podkreślić", "zaznaczyć", "ocenić",
            "przekonywać", "poinformować", "wezwać", "zapewnić", "mówić", "twierdzić", "napisać", "ostrzec",
            "przyznać", "podać", "informować"} <= set(verbs)
    assert verbs["wezwać"] == "directive" and verbs["zapytać"] == "ask" and verbs["uważać"] == "opinion"


def test_attitude_verbs_are_not_speech():
    assert not {"liczyć", "wierzyć", "chcieć", "wiedzieć", "obawiać", "bać"} & set(pl.speech_verbs())


def test_speech_verbs_are_verb_lemmas_in_the_dictionary(morfeusz):
    for lemma in pl.speech_verbs():
        assert lemma in _lemmas(morfeusz, lemma, "inf"), lemma


@pytest.mark.parametrize("name", ["speech_nouns.txt", "speech_not_sources.txt", "speech_media_nouns.txt"])
def test_noun_lists_are_noun_lemmas_in_the_dictionary(morfeusz, name):
    for lemma in pl.read_list(name):
        assert lemma in _lemmas(morfeusz, lemma, "subst"), f"{name}: {lemma}"


def test_source_phrases_are_lower_case_word_tuples_longest_first():
    phrases = pl.speech_prepositions()
    assert ("według",) in phrases and ("zdaniem",) in phrases and ("w", "opinii") in phrases
    assert all(w == w.lower() and w.isalpha() for phrase in phrases for w in phrase)
    assert [len(p) for p in phrases] == sorted((len(p) for p in phrases), reverse=True)


def test_quote_marks_are_pairs_of_single_characters():
    pairs = pl.quote_marks()
    assert ("„", "”") in pairs and ('"', '"') in pairs and ("»", "«") in pairs and ("«", "»") in pairs
    assert all(len(pair) == 2 and all(len(mark) == 1 and not mark.isalnum() for mark in pair) for pair in pairs)
    assert len(pairs) == len(set(pairs))


def test_function_word_groups_the_extractor_reads_are_there():
    words = pl.speech_words()
    assert {"complementizer", "directive_complementizer", "interrogative", "negation", "hearsay", "impersonal",
            "report_lead", "open_ended", "connective", "coordinator", "adversative", "subordinator", "relative",
            "demonstrative", "pronoun", "possessive_m", "possessive_f", "possessive_pl", "quantifier", "first_person",
            "feminine_person_suffix", "support_verb", "institution"} <= set(words)
    assert words["complementizer"] == {"że", "iż", "czy"} and words["directive_complementizer"] == {"aby", "żeby", "by"}
    assert all(w == w.lower() and " " not in w for group in words.values() for w in group)


@pytest.mark.parametrize("group, pos", [("hearsay", "inf"), ("impersonal", "inf"), ("support_verb", "inf"), ("institution", "subst")])
def test_lemma_groups_are_dictionary_lemmas(morfeusz, group, pos):
    for lemma in pl.speech_words()[group]:
        assert lemma in _lemmas(morfeusz, lemma, pos), f"{group}: {lemma}"


def test_role_synonyms_are_groups_of_noun_lemmas(morfeusz):
    for group in pl.speech_role_synonyms():
        assert len(group) > 1
        for lemma in group:
            assert lemma in _lemmas(morfeusz, lemma, "subst"), lemma

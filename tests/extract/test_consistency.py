"""One reading of each name within an article (kronika.extract.consistency)."""
from __future__ import annotations

import pytest

import kronika
from kronika.extract.entities import name_mentions

from .given_ents import doc_with_ents


@pytest.fixture(scope="module")
def rules():
    return kronika.load(rules_only=True)


def mentions(nlp, text: str, *ents: tuple[str, str]) -> list[tuple[str, str]]:
    """``(text, type)`` of the mentions, the NER's spans given by hand as ``(text, NKJP label)``."""
    return [(m.text, m.type) for m in name_mentions(doc_with_ents(nlp, text, *ents))]


def test_a_name_after_w_is_a_place_and_so_are_its_other_mentions(rules):
    found = mentions(rules, "Sąd w Lahaur orzekł. Lahaur liczy 11 milionów.", ("Lahaur", "persName"), ("Lahaur", "persName"))
    assert found == [("Lahaur", "GPE"), ("Lahaur", "GPE")]


def test_a_name_after_a_place_noun_or_joined_to_a_place(rules):
    assert mentions(rules, "Zginął w mieście Karaczi.", ("Karaczi", "persName")) == [("Karaczi", "GPE")]
    found = mentions(rules, "Zablokowano drogi w Karaczi i Lahore.", ("Karaczi", "placeName_settlement"), ("Lahore", "persName"))
    assert found == [("Karaczi", "GPE"), ("Lahore", "GPE")]


def test_a_name_with_an_apostrophe_is_no_place_for_want_of_words(rules):
    assert mentions(rules, "Farage'owi to nie przeszkadza.", ("Farage'owi", "persName")) == [("Farage'owi", "PER")]


def test_a_person_joined_to_a_place_stays_a_person(rules):
    found = mentions(
        rules, "Byli tam Ashiq z Pakistanu oraz Rebecca Bitrus.", ("Pakistanu", "placeName_country"), ("Rebecca Bitrus", "persName")
    )
    assert ("Rebecca Bitrus", "PER") in found


def test_the_mentions_of_one_name_take_the_type_most_of_them_have(rules):
    found = mentions(
        rules,
        "Tehreek-e-Labbaik protestuje. Partia Tehreek-e-Labbaik i Tehreek-e-Labbaik grożą.",
        ("Tehreek-e-Labbaik", "placeName"), ("Tehreek-e-Labbaik", "orgName"), ("Tehreek-e-Labbaik", "orgName"),
    )
    assert [kind for _, kind in found] == ["ORG", "ORG", "ORG"]


def test_a_name_found_once_is_found_wherever_it_is_written_again(rules):
    found = mentions(rules, "Islamiści z TLP protestują. Przywódca TLP wezwał do walki.", ("TLP", "orgName"))
    assert found == [("TLP", "ORG"), ("TLP", "ORG")]
    found = mentions(rules, "Mówi się, że Sprawa to gazeta. Sprawa wróciła.", ("Sprawa", "orgName"))
    assert found == [("Sprawa", "ORG")]  # a common word at a sentence's start is no mention


def test_a_name_after_a_title_or_kin_noun_is_a_persons(rules):
    found = mentions(rules, "Mszę odprawił kardynał Pietro Parolin.", ("Pietro Parolin", "orgName"))
    assert found == [("Pietro Parolin", "PER")]
    found = mentions(rules, "Jest żoną Asiqa Masiha i matką pięciorga dzieci.", ("Asiqa Masiha", "orgName"))
    assert found == [("Asiqa Masiha", "PER")]
    found = mentions(rules, "Byli tam potomkowie córki proroka Fatimy.", ("Fatimy", "placeName_country"))
    assert found == [("Fatimy", "PER")]
    found = mentions(rules, "W poniedziałek mer Paryża zgłosiła wniosek.", ("Paryża", "placeName_settlement"))
    assert found == [("Paryża", "GPE")]  # an office's place, not a kin noun's person


def test_a_surname_of_a_person_in_the_article_makes_a_person(rules):
    found = mentions(
        rules, "Tak powiedziała Federica Mogherini. Napisała to w oświadczeniu Frederica Mogherini. Dodał to Choudary.",
        ("Federica Mogherini", "persName"), ("Frederica Mogherini", "orgName"), ("Choudary", "placeName_settlement"),
    )
    assert found == [("Federica Mogherini", "PER"), ("Frederica Mogherini", "PER"), ("Choudary", "GPE")]
    found = mentions(
        rules, "Mówił Wilson Choudary. Dodał to Choudary.", ("Wilson Choudary", "persName"), ("Choudary", "placeName_settlement")
    )
    assert found == [("Wilson Choudary", "PER"), ("Choudary", "PER")]


def test_a_name_after_an_organisations_noun_is_an_organisations(rules):
    found = mentions(rules, "Słuchali lidera partii Tehrik-i-Labaik.", ("Tehrik-i-Labaik", "placeName_settlement"))
    assert found == [("Tehrik-i-Labaik", "ORG")]
    found = mentions(rules, "Pisał publicysta dziennika Gerd Appenzeller.", ("Gerd Appenzeller", "persName"))
    assert found == [("Gerd Appenzeller", "PER")]  # a person may follow a paper's noun
    found = mentions(
        rules, "We wtorek szef Ryanair Michael O'Leary ostrzegł klientów.",
        ("Ryanair", "placeName_region"), ("Michael O'Leary", "persName"),
    )
    assert found == [("Ryanair", "ORG"), ("Michael O'Leary", "PER")]  # between a title and a person: the firm


def test_places_joined_in_a_list(rules):
    found = mentions(rules, "Zablokowano drogi w miastach Karaczi i Lahore.", ("Karaczi", "persName"), ("Lahore", "persName"))
    assert found == [("Karaczi", "GPE"), ("Lahore", "GPE")]  # Lahore joined to Karaczi once it is a place
    found = mentions(
        rules, "W Karaczi, Lahore, Peszawarze i Multan trwają protesty.",
        ("Karaczi", "placeName_settlement"), ("Lahore", "persName"),
    )
    assert found == [("Karaczi", "GPE"), ("Lahore", "GPE")]
    found = mentions(
        rules, "Chce azylu dla rodziny w Wielkej Brytanii, USA lub Kanady.",
        ("Wielkej Brytanii", "orgName"), ("USA", "placeName_country"), ("Kanady", "placeName_country"),
    )
    assert found[0] == ("Wielkej Brytanii", "GPE")
    assert mentions(rules, "Mieszka w wiosce Basti Lashari.", ("Basti Lashari", "persName")) == [("Basti Lashari", "GPE")]


@pytest.fixture(scope="module")
def trained():
    return kronika.load()


@pytest.mark.model
def test_the_parse_and_tags_tell_a_persons_name(trained):
    found = mentions(trained, "– To ważne – powiedziała we wtorek Federica Mogherini, szefowa dyplomacji.", ("Federica Mogherini", "orgName"))
    assert found == [("Federica Mogherini", "PER")]  # the subject of a verb of speech
    found = mentions(trained, "Spotkali się z papieżem Franciszem w Rzymie.", ("Franciszem", "orgName"), ("Rzymie", "placeName_settlement"))
    assert found[0] == ("Franciszem", "PER")  # an unknown word agreeing with a title in the instrumental
    found = mentions(trained, "Oskarżyli zbieraczkę z Sekhpury o bluźnierstwo.", ("Sekhpury", "persName"))
    assert found == [("Sekhpury", "GPE")]  # z + the genitive: from a place

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

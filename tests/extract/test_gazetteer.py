"""Names of the gazetteer found in any case form (kronika.extract.gazetteer)."""
from __future__ import annotations

import pytest

import kronika
from kronika.extract.gazetteer import find_names


@pytest.fixture(scope="module")
def rules():
    return kronika.load(rules_only=True)


def found(nlp, text: str) -> list[tuple[str, str, str | None]]:
    return [(f.span.text, f.type, f.base) for f in find_names(nlp(text))]


def test_titles_are_found_in_any_case_form(rules):
    assert found(rules, "Powiedział Radiu Watykańskiemu, jak pisze dziennik Guardiana.") == [
        ("Radiu Watykańskiemu", "PRO", "Radio Watykańskie"),  # adjectives by their lemma
        ("Guardiana", "PRO", "Guardian"),  # a foreign name by the guessed nominative
    ]
    assert found(rules, "Mówiła o tym w Al-Dżazirze.") == [("Al-Dżazirze", "PRO", "Al-Dżazira")]  # by its stem


def test_the_longest_variant_wins_and_gives_the_base(rules):
    assert found(rules, 'Według "The Times" i Timesa.') == [("The Times", "PRO", "The Times"), ("Timesa", "PRO", "Times")]
    assert found(rules, "Podała agencja Reutera.") == [("Reutera", "ORG", "Reuter")]


def test_events_written_in_lower_case_too(rules):
    """A name written in lower case too takes the capitalised base form, as BSNLP normalises it."""
    assert found(rules, "Brexit tuż tuż. Po brexicie i Brexicie.") == [
        ("Brexit", "EVT", "Brexit"), ("brexicie", "EVT", "Brexit"), ("Brexicie", "EVT", "Brexit"),
    ]
    assert found(rules, "Pod kanałem La Manche i przez porozumienie wielkopiątkowe.") == [
        ("kanałem La Manche", "LOC", "Kanał La Manche"), ("porozumienie wielkopiątkowe", "PRO", "Porozumienie wielkopiątkowe"),
    ]
    assert found(rules, "Święta Bożego Narodzenia i Wielkanocy.") == [
        ("Święta Bożego Narodzenia", "EVT", "Święta Bożego Narodzenia"), ("Wielkanocy", "EVT", "Wielkanoc"),
    ]


def test_common_words_and_acronyms_as_written(rules):
    assert found(rules, "Wprost przeciwnie.") == []  # a common word at a sentence's start
    assert found(rules, "Jak podał tygodnik Wprost.") == [("Wprost", "PRO", "Wprost")]
    assert found(rules, "Podała AP. Ap nie.") == [("AP", "ORG", "AP")]
    assert found(rules, "TVN24 i TVN.") == [("TVN24", "PRO", "TVN24"), ("TVN", "PRO", "TVN")]


def test_states_and_organisations_leave_their_base_to_the_codes(rules):
    assert found(rules, "Wyjście Zjednoczonego Królestwa ze Wspólnoty i W. Brytanii.") == [
        ("Zjednoczonego Królestwa", "GPE", None), ("Wspólnoty", "ORG", None), ("W. Brytanii", "GPE", None),
    ]


def test_variants_of_one_line_go_by_its_first():
    from kronika.extract.gazetteer import listed_name

    assert listed_name("Guardian") == "The Guardian" and listed_name("reuter") == "Reuters"
    assert listed_name("Asia Bibi") is None
    assert listed_name("Bank of England") == listed_name("BoE") == "Bank Anglii"

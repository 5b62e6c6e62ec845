"""Codes of countries and organisations (kronika.link.codes)."""
from __future__ import annotations

import pytest

from kronika.link.codes import (
    adjective_codes, canonical_name, code_names, country_code, demonym_code, entity_code, organisation_country,
)


@pytest.mark.parametrize(
    ("form", "code"),
    [
        # the seed article's countries and organisation, in any case form
        ("Kazachstanu", "KAZ"), ("Kazachstanie", "KAZ"), ("Rosję", "RUS"), ("Białoruś", "BLR"),
        ("Ukrainie", "UKR"), ("Gruzji", "GEO"), ("ODKB", "CSTO"),
        ("Organizacji Układu o Bezpieczeństwie Zbiorowym", "CSTO"),
        # names CLDR lacks, English names, plurals
        ("USA", "USA"), ("Stanów Zjednoczonych", "USA"), ("Russia", "RUS"), ("Niemiec", "DEU"),
        # places, adjectives and demonyms stand for their state
        ("Kremla", "RUS"), ("Moskwie", "RUS"), ("rosyjskiego", "RUS"), ("Rosjanie", "RUS"),
        # an organisation's body acts for the organisation
        ("Komisji Europejskiej", "EU"), ("NATO", "NATO"), ("ONZ", "UN"),
    ],
)
def test_country_code(form, code):
    assert country_code(form) == code


@pytest.mark.parametrize("form", ["Tokajew", "Warszawianka", "", "Brexit"])
def test_no_country_code(form):
    assert country_code(form) is None


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("Kazachstanu", ("GPE", "KAZ")),
        ("Rosji", ("GPE", "RUS")),
        ("ODKB", ("ORG", "CSTO")),
        ("Komisji Europejskiej", ("ORG", "EC")),
        ("Unii Europejskiej", ("ORG", "EU")),
        # a capital, an adjective or a demonym is no name of the state
        ("Moskwy", None), ("rosyjski", None), ("Rosjan", None),
    ],
)
def test_entity_code(form, expected):
    assert entity_code(form) == expected


def test_demonyms_name_their_state_in_any_form():
    assert demonym_code("Brytyjczyków") == "GBR"
    assert demonym_code("Pakistanki") == "PAK"
    assert demonym_code("Anglicy") == "GBR"  # by Morfeusz's lemma (Anglik) where the singular misleads
    assert demonym_code("Kazachstan") is None


def test_names_of_codes():
    assert canonical_name("KAZ") == "Kazachstan"
    assert canonical_name("CSTO") == "Organizacja Układu o Bezpieczeństwie Zbiorowym"
    polish, english = code_names("CSTO")
    assert "ODKB" in polish and {"CSTO", "Collective Security Treaty Organization"} <= set(english)
    assert code_names("RUS")[1][0] == "Russia"
    assert organisation_country("EC") == "EU" and organisation_country("XYZ") is None


def test_adjective_forms():
    assert adjective_codes()["pakistańskiego"] == "PAK"


def test_peoples_of_regions():
    from kronika.link.codes import region_of

    assert region_of("Szkotów") == ("Szkocja", "GPE") and region_of("Europejczykami") == ("Europa", "LOC")
    assert region_of("Brytyjczycy") is None and region_of("szkoci") is None

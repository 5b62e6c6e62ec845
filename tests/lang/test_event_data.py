"""The Polish data of the event extractor: countries, PLOVER sectors, cue words, support verbs
and contexts (kronika/lang/pl/*.txt, loaders in kronika.lang.pl)."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest

from kronika.export.plover import CONTEXTS, ORGANISATION_CODES
from kronika.lang import pl

SECTORS = {  # PLOVER v0.8 Table 5.2
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM", "CVL", "EDU",
    "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
}
CUE_CATEGORIES = {
    "announce", "hypothetical", "phase", "subordinator", "call", "speech", "body", "light", "group", "directed",
    "continuation", "warning", "adjunct",
}
RELATION = re.compile(r"nsubj|obj|iobj|obl:inst|obl:[a-ząćęłńóśźż]+")
POLISH_WORD = re.compile(r"[A-Za-zĄĆĘŁŃÓŚŹŻąćęłńóśźż0-9 .'-]+")


def columns(name: str) -> tuple[tuple[str, ...], ...]:
    return pl.read_columns(name)


@pytest.mark.parametrize(
    ("name", "width"),
    [("countries.txt", 4), ("plover_sectors.txt", 2), ("event_cues.txt", 2), ("event_support_verbs.txt", 3),
     ("event_contexts.txt", 2)],
)
def test_files_have_their_columns_in_nfc(name, width):
    for row in columns(name):
        assert len(row) == width and all(row), f"{name}: {row}"
        assert all(unicodedata.is_normalized("NFC", col) for col in row)


def test_country_codes_are_iso_alpha3_or_organisation_codes():
    codes = [code for code, *_ in columns("countries.txt")]
    assert len(codes) == len(set(codes))
    for code in codes:
        assert re.fullmatch(r"[A-Z]{3}", code) or code in ORGANISATION_CODES, code


def test_every_name_adjective_and_demonym_belongs_to_one_code():
    seen: Counter = Counter()
    for _, names, adjectives, demonyms in columns("countries.txt"):
        for variant in (*names.split("|"), *adjectives.split("|"), *demonyms.split("|")):
            assert variant == "-" or POLISH_WORD.fullmatch(variant), variant
            if variant != "-":
                seen[variant.lower()] += 1
    assert [v for v, n in seen.items() if n > 1] == []


def test_adjectives_and_demonyms_are_lower_and_upper_case():
    for _, _, adjectives, demonyms in columns("countries.txt"):
        assert all(a == "-" or a.islower() for a in adjectives.split("|"))
        assert all(d == "-" or d[0].isupper() for d in demonyms.split("|"))


def test_country_loaders():
    names, adjectives = pl.country_codes(), pl.country_adjectives()
    assert (names["rosja"], names["białoruś"], names["odkb"], names["wielka brytania"]) == ("RUS", "BLR", "CSTO", "GBR")
    assert (names["unia europejska"], names["kreml"], names["bruksela"]) == ("EU", "RUS", "EU")
    assert (adjectives["pakistański"], adjectives["kazachski"], adjectives["unijny"], adjectives["polak"]) == (
        "PAK", "KAZ", "EU", "POL",
    )
    assert pl.country_codes() is names  # cached


def test_sectors_are_plover_codes_for_unique_lemmas():
    rows = columns("plover_sectors.txt")
    lemmas = [lemma for lemma, _ in rows]
    assert len(lemmas) == len(set(lemmas))
    assert {sector for _, sector in rows} <= SECTORS
    sectors = pl.plover_sectors()
    assert (sectors["prezydent"], sectors["wojsko"], sectors["policja"], sectors["demonstrant"]) == (
        "GOV", "MIL", "COP", "CVL",
    )


def test_cues_are_known_categories_of_lower_case_lemmas():
    cues = pl.event_cues()
    assert set(cues) == CUE_CATEGORIES
    for category, lemmas in cues.items():
        assert all(lemma == lemma.lower() and lemma.strip() == lemma for lemma in lemmas), category
    assert {"zapowiedzieć", "mieć"} <= cues["announce"] and "móc" in cues["hypothetical"]
    assert {"gdy", "jeśli", "aby"} <= cues["subordinator"] and "wezwać" in cues["call"]
    assert not cues["announce"] & cues["hypothetical"]


def test_support_verbs_name_a_relation_and_a_role():
    for lemma, relation, role in columns("event_support_verbs.txt"):
        assert lemma == lemma.lower() and RELATION.fullmatch(relation), (lemma, relation)
        assert role in {"actor", "recipient", "none"}, role
    support = pl.event_support_verbs()
    assert support[("dojść", "obl:do")] == "none" and support[("prowadzić", "obj")] == "actor"
    assert support[("dostać", "obj")] == "recipient"


def test_contexts_are_plover_contexts():
    contexts = pl.event_contexts()
    assert set(contexts.values()) <= CONTEXTS
    assert contexts["wojsko"] == "military"

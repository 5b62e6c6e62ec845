"""The Polish data of the event extractor: PLOVER sectors, cue words, support verbs and contexts
(kronika/lang/pl/*.txt, loaders in kronika.lang.pl). Country codes come from kronika.link.codes
(tests/link/test_data.py)."""
from __future__ import annotations

import re
import unicodedata

import pytest

from kronika.export.plover import CONTEXTS
from kronika.lang import pl

SECTORS = {  # PLOVER v0.8 Table 5.2
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM", "CVL", "EDU",
    "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
}
CUE_CATEGORIES = {
    "announce", "hypothetical", "phase", "subordinator", "call", "speech", "body", "light", "group", "directed",
    "continuation", "anterior", "warning", "adjunct", "anaphoric", "verdict",
    "everyday", "conditional", "temporal", "endanger", "danger", "irrealis", "success",
}
RELATION = re.compile(r"nsubj|obj|iobj|obl:inst|obl:[a-ząćęłńóśźż]+")


def columns(name: str) -> tuple[tuple[str, ...], ...]:
    return pl.read_columns(name)


@pytest.mark.parametrize(
    ("name", "width"),
    [("plover_sectors.txt", 2), ("event_cues.txt", 2), ("event_support_verbs.txt", 3),
     ("event_contexts.txt", 2)],
)
def test_files_have_their_columns_in_nfc(name, width):
    for row in columns(name):
        assert len(row) == width and all(row), f"{name}: {row}"
        assert all(unicodedata.is_normalized("NFC", col) for col in row)


def test_the_interim_country_table_is_gone():
    """One source of country codes for entities and events: kronika.link.codes."""
    assert not (pl.DATA_DIR / "countries.txt").exists()
    assert not hasattr(pl, "country_codes") and not hasattr(pl, "country_adjectives")


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

"""The Polish data files themselves: clean entries, no duplicates, lists that agree."""
from __future__ import annotations

import unicodedata

import pytest

from kronika.lang import pl

DATA_FILES = sorted(path.name for path in pl.DATA_DIR.glob("*.txt"))


def test_the_data_files_are_found():
    assert {"abbreviations.txt", "abbreviations_not_final.txt", "agglutinates.txt"} <= set(DATA_FILES)


@pytest.mark.parametrize("name", DATA_FILES)
def test_entries_are_clean_and_unique(name):
    entries = pl.read_list(name)
    assert entries, f"{name} is empty"
    duplicates = {e for e in entries if entries.count(e) > 1}
    assert not duplicates, f"{name}: duplicates {sorted(duplicates)}"
    for entry in entries:
        assert entry == entry.strip() and entry, f"{name}: {entry!r}"
        assert unicodedata.is_normalized("NFC", entry), f"{name}: {entry!r} is not NFC"


@pytest.mark.parametrize("name", DATA_FILES)
def test_files_are_nfc_utf8_with_a_final_newline(name):
    raw = (pl.DATA_DIR / name).read_bytes()
    text = raw.decode("utf-8")
    assert unicodedata.is_normalized("NFC", text)
    assert text.endswith("\n")


def test_read_list_skips_comments_and_blank_lines(tmp_path, monkeypatch):
    (tmp_path / "x.txt").write_text("# a comment\n\nnp\n  tzw  \n", encoding="utf-8")
    monkeypatch.setattr(pl, "DATA_DIR", tmp_path)
    assert pl.read_list("x.txt") == ("np", "tzw")


def test_abbreviations_are_single_words_without_the_final_dot():
    for entry in pl.abbreviations():
        assert " " not in entry and not entry.endswith("."), entry


def test_the_not_final_abbreviations_are_abbreviations():
    assert pl.abbreviations_not_final() <= pl.abbreviations()


def test_common_abbreviations_are_listed():
    assert {"m.in", "np", "tzw", "ws", "r", "prof", "ul", "godz", "tys", "św", "itd", "n.p.m", "p.n.e"} <= pl.abbreviations()
    assert "r" not in pl.abbreviations_not_final()  # "w 2022 r. Potem" ends a sentence


def test_agglutinates_are_lower_case_letters():
    for entry in pl.agglutinates():
        assert entry.isalpha() and entry.islower(), entry
    assert {"m", "em", "ś", "eś", "śmy", "ście", "by"} <= pl.agglutinates()


def test_split_forms_are_lower_case():
    assert all(form == form.lower() for form in pl.split_forms())


def test_agglutinate_patterns_compile_with_their_groups():
    patterns = pl.agglutinate_patterns()
    assert patterns
    for pattern in patterns:
        assert {"host", "aglt"} <= set(pattern.groupindex)
        assert set(pattern.groupindex) <= {"host", "by", "aglt"}


# --- entities: the gazetteer, the NER's types, place words -------------------------------------


def test_gazetteer_types_variants_and_no_duplicates():
    from kronika.lang.pl import gazetteer

    seen = set()
    for kind, variants in gazetteer():
        assert kind in {"PER", "ORG", "LOC", "GPE", "FAC", "EVT", "PRO"} and variants
        for variant in variants:
            assert variant == variant.strip() and "  " not in variant and unicodedata.is_normalized("NFC", variant)
            assert variant not in seen, variant
            seen.add(variant)


def test_ner_types_map_to_kronika_types():
    from kronika.lang.pl import ner_types

    types = ner_types()
    assert types["persName"] == "PER" and types["geogName"] == "LOC" and types["PRO"] == "PRO"
    assert set(types.values()) <= {"PER", "ORG", "LOC", "GPE", "FAC", "EVT", "PRO", "DATE", "TIME"}


def test_place_words_are_lower_case():
    from kronika.lang.pl import place_words

    words = place_words()
    assert set(words) == {"preposition", "noun", "compass"} and "w" in words["preposition"] and "miasto" in words["noun"]
    assert {"płn", "północny"} <= words["compass"]
    assert all(w.islower() for group in words.values() for w in group)

"""The linking data files: well formed, no duplicates, every code known."""
from __future__ import annotations

import unicodedata

import pycountry

from kronika.lang import pl
from kronika.link.codes import tables

ISO = {c.alpha_3 for c in pycountry.countries} | {"XKX"}


def test_country_words_use_iso_codes():
    rows = pl.country_words()
    codes = [code for code, *_ in rows]
    assert len(codes) == len(set(codes))
    assert set(codes) <= ISO


def test_organisations():
    rows = pl.organisations()
    codes = [code for code, *_ in rows]
    assert len(codes) == len(set(codes))
    assert {"CSTO", "EU", "NATO", "UN", "OSCE", "WHO", "IMF"} <= set(codes)
    actors = {actor for _, actor, *_ in rows}
    assert actors <= set(codes) | {"IGO", "NGO", "MNC"}
    for code, _, polish, english, _ in rows:
        assert polish and english, code


def test_every_name_names_one_code():
    names: dict[str, str] = {}
    for code, _, polish, english, _ in pl.organisations():
        for name in (*polish, *english):
            assert names.setdefault(name.lower(), code) == code, name
    for code, extra, *_ in pl.country_words():
        for name in extra:
            assert name.lower() not in names, name
    assert tables().entities["odkb"] == ("ORG", "CSTO")


def test_texts_are_nfc():
    for name in ("country_words.txt", "organisations.txt", "office_titles.txt", "transliteration.txt",
                 "name_variants.txt", "name_suffixes.txt", "region_demonyms.txt"):
        text = (pl.DATA_DIR / name).read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", text), name


def test_office_titles_are_lower_case_lemmas():
    titles = pl.office_titles()
    assert ("prezydent",) in titles and ("sekretarz", "generalny") in titles
    assert all(w == w.lower() for title in titles for w in title)


def test_transliteration_rules():
    rules, countries, endings = pl.transliteration()
    assert all(a == a.lower() and b == b.lower() for a, b in rules)
    assert [len(a) for a, _ in rules] == sorted((len(a) for a, _ in rules), reverse=True)
    assert {"RUS", "UKR", "BLR", "KAZ"} <= countries <= ISO
    assert "ow" in endings


def test_name_variants_have_one_group_each():
    seen: dict[str, int] = {}
    for i, line in enumerate(pl.read_list("name_variants.txt")):
        for name in line.split("|"):
            assert seen.setdefault(name.lower(), i) == i, name


def test_name_suffixes_are_well_formed():
    table = pl.name_suffixes()
    assert "*" in table and "person" in table
    for rules in table.values():
        for ending, replacement, case, gender, count in rules:
            assert ending and ending == ending.lower() and replacement == replacement.lower()
            assert case in ("nom", "gen", "dat", "acc", "inst", "loc", "voc") and count >= 1


def test_a_first_name_is_in_one_variant_group():
    seen: dict[str, str] = {}
    for line in pl.read_list("name_variants.txt"):
        for name in line.split("|"):
            assert seen.setdefault(name.lower(), line) == line, name


def test_region_demonyms():
    rows = pl.read_columns("region_demonyms.txt")
    assert all(kind in ("GPE", "LOC") and demonyms for _, kind, demonyms in rows)
    assert len({region for region, *_ in rows}) == len(rows)

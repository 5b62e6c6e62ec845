"""Entities of an article: mentions, base forms, groups, ids (kronika.extract.entities)."""
from __future__ import annotations

from pathlib import Path

import pytest

import kronika
from kronika.analyse.pipeline import DEFAULT_MODEL
from kronika.extract.entities import KINDS, entities_from_doc, entity_type
from kronika.read import read_paths

from .given_ents import doc_with_ents

SEED = Path(__file__).resolve().parents[2] / "examples" / "seed.txt"
INTERIM_MODEL = Path("/work/interim-model")


@pytest.fixture(scope="module")
def rules():
    return kronika.load(rules_only=True)


def names(entity) -> list[str]:
    return [m.text for m in entity.mentions if getattr(m, "kind", "name") == "name"]


def roles(entity) -> list[str]:
    return [m.text for m in entity.mentions if getattr(m, "kind", "name") == "role"]


def analysed(nlp, text: str, *ents: tuple[str, str]):
    """Entities of ``text`` with the NER's spans given by hand: (text, NKJP label)."""
    return {e.id: e for e in entities_from_doc(doc_with_ents(nlp, text, *ents))}


def test_types():
    assert entity_type("persName") == "PER" and entity_type("placeName_country") == "GPE"
    assert entity_type("geogName") == "LOC" and entity_type("orgName") == "ORG"


def test_the_ner_slips_are_repaired(rules):
    entities = analysed(
        rules,
        "Prezydent Kazachstanu Kasym-Żomart Tokajew wezwał ODKB. Jak powiedział Kasym-Żomart Tokajew, atak był agresją.",
        ("Kazachstanu Kasym-Żomart Tokajew", "orgName"),  # a state and a person in one span
        ("ODKB", "orgName"),
        ("Kasym", "persName"),  # a person's name cut short
    )
    tokajew = entities["PER:kasym-żomart-tokajew"]
    assert names(tokajew) == ["Kasym-Żomart Tokajew", "Kasym-Żomart Tokajew"]
    assert roles(tokajew) == (["Prezydent Kazachstanu"] if KINDS else [])  # roles need Mention.kind
    assert tokajew.country == "KAZ" and "Kasym-Zhomart Tokayev" in tokajew.aliases
    assert entities["GPE:KAZ"].name == "Kazachstan" and entities["GPE:KAZ"].subtype == "placeName_country"
    csto = entities["ORG:CSTO"]
    assert csto.country == "CSTO" and {"ODKB", "CSTO"} <= set(csto.aliases)


def test_a_place_going_on_with_an_agreeing_adjective_is_another_place(rules):
    entities = analysed(
        rules,
        "Granica między Irlandią a Irlandią Północną. Kryzys w Europie Wschodniej dotknął Europę.",
        ("Irlandią", "placeName_country"),  # the NER cut the second name short, then missed it
        ("Europie", "geogName"),
        ("Europę", "geogName"),
    )
    assert names(entities["GPE:irlandia-północna"]) == ["Irlandią Północną"]
    assert names(entities["GPE:IRL"]) == ["Irlandią"]
    assert names(entities["LOC:europa-wschodnia"]) == ["Europie Wschodniej"]
    assert names(entities["LOC:europa"]) == ["Europę"]  # no part of Eastern Europe


def test_base_forms_agree_across_the_article(rules):
    entities = analysed(
        rules, "Obamy nie było. Barack Obama przyjechał.", ("Obamy", "persName"), ("Barack Obama", "persName")
    )
    [obama] = entities.values()
    assert obama.id == "PER:barack-obama"
    assert [m.base for m in obama.mentions] == ["Obama", "Barack Obama"]


def test_adjectives_and_demonyms(rules):
    entities = analysed(
        rules,
        "Pakistański sąd i Brytyjczycy. Wielka Brytania głosowała.",
        ("Pakistański", "placeName_country"),
        ("Brytyjczycy", "persName"),
        ("Wielka Brytania", "placeName_country"),
    )
    assert list(entities) == ["GPE:GBR"]
    assert [m.text for m in entities["GPE:GBR"].mentions] == ["Brytyjczycy", "Wielka Brytania"]
    if KINDS:
        assert entities["GPE:GBR"].mentions[0].kind == "demonym"


def test_dates_keep_their_text(rules):
    entities = analysed(rules, "Było to 6 stycznia.", ("6 stycznia", "date"))
    assert [(e.type, e.name) for e in entities.values()] == [("DATE", "6 stycznia")]


# ---------------------------------------------------------------- the seed article, with a trained model


@pytest.fixture(scope="module")
def seed_entities():
    model = DEFAULT_MODEL if (DEFAULT_MODEL / "config.cfg").exists() else INTERIM_MODEL
    if not (model / "config.cfg").exists():
        pytest.skip("no trained pipeline")
    (article,) = read_paths([SEED])
    return {e.id: e for e in entities_from_doc(kronika.load(model)(article.text))}


@pytest.mark.model
def test_seed_putin_is_one_entity(seed_entities):
    putin = seed_entities["PER:władimir-putin"]
    assert {"Władimir Putin", "Putin", "Putina"} <= set(names(putin))
    if KINDS:
        assert "prezydent Rosji" in roles(putin)
    assert putin.country == "RUS" and "Vladimir Putin" in putin.aliases
    assert {m.base for m in putin.mentions if m.text == "Putina"} == {"Putin"}


@pytest.mark.model
def test_seed_tokajew_is_one_entity_with_his_full_name(seed_entities):
    tokajew = seed_entities["PER:kasym-żomart-tokajew"]
    assert {"Kasym-Żomart Tokajew", "Tokajew"} <= set(names(tokajew))
    if KINDS:
        assert "prezydent kraju" in roles(tokajew)
    assert tokajew.country == "KAZ" and "Kasym-Zhomart Tokayev" in tokajew.aliases


@pytest.mark.model
def test_seed_organisation_and_countries(seed_entities):
    assert "ODKB" in seed_entities["ORG:CSTO"].aliases
    for code, name in [("KAZ", "Kazachstan"), ("RUS", "Rosja"), ("BLR", "Białoruś"), ("UKR", "Ukraina"), ("GEO", "Gruzja")]:
        assert seed_entities[f"GPE:{code}"].name == name
    people = [e for e in seed_entities.values() if e.type == "PER"]
    assert len(people) == 2
    assert [e.id for e in seed_entities.values() if e.type == "ORG"] == ["ORG:CSTO"]  # LPG is a fuel


def test_spans_cover_whole_hyphenated_words_without_quotes(rules):
    entities = analysed(
        rules,
        'Gazeta "Dawn", partia Tehreek-e-Labaik.',
        ('"Dawn",', "orgName"),
        ("Tehreek", "orgName"),
        ("Labaik", "orgName"),
    )
    assert [m.text for e in entities.values() for m in e.mentions] == ["Dawn", "Tehreek-e-Labaik"]


def test_spans_lose_the_prepositions_and_conjunctions_at_their_edges(rules):
    entities = analysed(
        rules,
        "Opowiadała o Jezusie koleżankom, a potem pojechała do Londynu i Paryża.",
        ("o Jezusie", "persName"),
        ("Londynu i", "placeName_settlement"),
    )
    assert [m.text for e in entities.values() for m in e.mentions] == ["Jezusie", "Londynu"]


def test_a_name_cut_short_goes_on_before_it(rules):
    entities = analysed(rules, "Prezydent Kasym-Żomart Tokajew przemówił.", ("Tokajew", "persName"))
    assert list(entities) == ["PER:kasym-żomart-tokajew"]


# ---------------------------------------------------------------- BSNLP types and the NER's slips


def test_the_types_come_from_a_table():
    assert entity_type("placeName_settlement") == "GPE" and entity_type("PRO") == "PRO" and entity_type("EVT") == "EVT"


def test_the_gazetteer_types_what_the_ner_cannot(rules):
    entities = analysed(
        rules,
        "Jak podała Deutsche Welle i agencja Reutera, laureatka Nagrody Sacharowa mówiła o brexicie.",
        ("Deutsche Welle", "persName"),  # a title read as a person
        ("Reutera", "persName"),
        ("Sacharowa", "persName"),  # a person's name inside a prize's
    )
    assert [(e.type, e.name) for e in entities.values()] == [  # a listed name goes by its line's first variant
        ("PRO", "Deutsche Welle"), ("ORG", "Reuters"), ("PRO", "Nagroda Sacharowa"), ("EVT", "Brexit"),
    ]
    assert [m.base for m in entities["ORG:reuters"].mentions] == ["Reuter"]  # the base form of the variant written


def test_a_persons_span_is_cut_where_a_name_or_a_case_ends(rules):
    entities = analysed(
        rules,
        "Według Reutera Mulook wyjechał. Za obrazę Mahometowi Asia Bibi została skazana.",
        ("Reutera Mulook", "persName"),  # an agency, then a person
        ("Mahometowi Asia Bibi", "persName"),  # a dative, then a nominative
    )
    assert [names(e) for e in entities.values()] == [["Reutera"], ["Mulook"], ["Mahometowi"], ["Asia Bibi"]]


def test_an_organisations_span_going_on_with_a_persons_full_name_is_cut(rules):
    entities = analysed(
        rules,
        "Apelował do sekretarza generalnego ONZ Ban Ki-moona i do szefa Komisji Europejskiej Rady.",
        ("ONZ Ban Ki-moona", "orgName"),  # "Ban" is a common word too; "Ki-moona" is unknown
        ("Komisji Europejskiej Rady", "orgName"),  # no person's name after the organisation's
    )
    assert sorted((e.type, names(e)) for e in entities.values()) == [
        ("ORG", ["Komisji Europejskiej Rady"]), ("ORG", ["ONZ"]), ("PER", ["Ban Ki-moona"]),
    ]


def test_a_persons_name_goes_on_over_a_hyphenated_particle(rules):
    entities = analysed(rules, "Rozmawiał z Saifem ul-Malookiem.", ("Saifem", "persName"), ("ul-Malookiem", "persName"))
    [saif] = entities.values()
    assert names(saif) == ["Saifem ul-Malookiem"] and saif.name == "Saif ul-Malook"


def test_demonyms_the_ner_missed_and_words_that_name_nothing(rules):
    entities = analysed(
        rules,
        "Chrześcijanka uniewinniona. Pakistanki protestują, a w unii celnej bez zmian.",
        ("Chrześcijanka", "persName"),  # a common word capitalised at a sentence's start
        ("unii celnej", "orgName"),  # lower case: no name
    )
    assert list(entities) == ["GPE:PAK"]
    assert [(m.text, m.base) for m in entities["GPE:PAK"].mentions] == [("Pakistanki", "Pakistanka")]


def test_acronyms_the_ner_missed_are_organisations(rules):
    entities = analysed(rules, "Zwolennicy TLP protestują, kurs GBP spada, LPG drożeje, a PKB rośnie.")
    assert [(e.type, e.name) for e in entities.values()] == [("ORG", "TLP")]  # not a currency, not a known word


@pytest.mark.model
def test_bsnlp_types_with_the_trained_ner(seed_entities):
    nlp = kronika.load(DEFAULT_MODEL if (DEFAULT_MODEL / "config.cfg").exists() else INTERIM_MODEL)
    doc = nlp(
        'Demonstranci zablokowali drogi w Karaczi i Lahore - podała agencja Reutera. Według "The Times" brexit '
        "podzielił Brytyjczyków, a Pakistańczycy protestują."
    )
    found = {(e.type, e.name) for e in entities_from_doc(doc)}
    assert {("GPE", "Karaczi"), ("GPE", "Lahore"), ("ORG", "Reuters"), ("PRO", "The Times"), ("EVT", "Brexit")} <= found
    assert {("GPE", "Wielka Brytania"), ("GPE", "Pakistan")} <= found  # the demonyms' states


def test_a_states_institution_by_its_adjective_and_a_person_without_a_date(rules):
    entities = analysed(
        rules,
        "Głosowanie brytyjskiego parlamentu. Spotkał się z papieżem Franciszkiem 23 października.",
        ("parlamentu", "orgName"),
        ("Franciszkiem 23", "persName"),  # the day of a date after a name
    )
    assert [(e.type, e.name, e.country) for e in entities.values()] == [
        ("ORG", "brytyjski parlament", "GBR"), ("PER", "Franciszek", None),
    ]


def test_peoples_of_regions_are_mentions_of_the_region(rules):
    """Szkoci name Scotland, Europejczycy Europe (region_demonyms.txt), as BSNLP links them."""
    entities = analysed(
        rules,
        "Szkoci chcą zostać w Unii. Szkocja głosowała inaczej niż Europejczycy.",
        ("Szkoci", "persName"),
        ("Szkocja", "placeName_region"),
    )
    assert entities["GPE:szkocja"].name == "Szkocja"
    assert [(m.text, m.base) for m in entities["GPE:szkocja"].mentions] == [("Szkoci", "Szkoci"), ("Szkocja", "Szkocja")]
    assert entities["GPE:szkocja"].country == "GBR"
    assert [m.text for m in entities["LOC:europa"].mentions] == ["Europejczycy"]  # found without the NER
    if KINDS:
        assert entities["LOC:europa"].mentions[0].kind == "demonym"


def test_two_names_the_ner_cut_before_an_acronym_in_brackets(rules):
    entities = analysed(
        rules,
        "Islamiści z Tehreek-e-Labbaik Pakistan (TLP) protestują. Premier Pakistanu Imran Khan (PTI) milczy.",
        ("Tehreek-e-Labbaik", "persName"),
        ("Pakistan", "placeName_country"),
        ("Pakistanu", "placeName_country"),
        ("Imran Khan", "persName"),
    )
    org = entities["ORG:tehreek-e-labbaik-pakistan"]
    assert [m.text for m in org.mentions] == ["Tehreek-e-Labbaik Pakistan", "TLP"]
    assert [m.text for m in entities["GPE:PAK"].mentions] == ["Pakistanu"]  # a person of the state, not a party
    assert "PER:imran-khan" in entities


def test_a_place_or_institution_before_a_persons_full_name_is_cut_off(rules):
    entities = analysed(
        rules,
        "Wezwała ją przewodnicząca klubu w Bundestagu Katrin Goering-Eckardt. Polityk partii Venstre Abid Raja "
        "to powiedział. Zginął gubernator prowincji Pendżab Salmaan Taseer.",
        ("Bundestagu Katrin Goering-Eckardt", "orgName"),  # Morfeusz knows Bundestag as an institution
        ("Venstre Abid Raja", "persName"),  # a party's noun before the span
        ("Pendżab Salmaan Taseer", "orgName"),  # Morfeusz knows Pendżab as a place
    )
    assert sorted((e.type, names(e)) for e in entities.values()) == [
        ("GPE", ["Pendżab"]), ("ORG", ["Bundestagu"]), ("ORG", ["Venstre"]),
        ("PER", ["Abid Raja"]), ("PER", ["Katrin Goering-Eckardt"]), ("PER", ["Salmaan Taseer"]),
    ]


def test_an_organisations_name_of_common_words_is_not_cut(rules):
    entities = analysed(rules, "Mówił o tym prezes fundacji Hulp Vervolgde Christenen.", ("Hulp Vervolgde Christenen", "orgName"))
    assert [(e.type, names(e)) for e in entities.values()] == [("ORG", ["Hulp Vervolgde Christenen"])]


def test_a_states_institution_has_one_base_form_in_an_article(rules):
    entities = analysed(rules, "Wezwała niemiecki MSZ do działań. Rzecznik niemieckiego MSZ odmówił. Potem szkocki parlament i brytyjski parlament.")
    assert sorted(e.name for e in entities.values()) == ["brytyjski parlament", "niemiecki MSZ", "szkocki parlament"]


def test_the_first_word_of_a_longer_name_is_not_cut_off(rules):
    entities = analysed(rules, "Pisze o tym New York Times.", ("New York Times", "orgName"))
    assert [names(e) for e in entities.values()] == [["New York Times"]]


def test_a_place_ending_with_an_abbreviation_takes_its_dot_and_a_compass_word_makes_it_a_place(rules):
    entities = analysed(
        rules,
        "Rozwiązania dla Irlandii Płn. nie będą potrzebne. Granica z Północną Irlandią zostanie.",
        ("Irlandii Płn", "orgName"),  # the NER's type and span without the dot
        ("Północną Irlandią", "orgName"),
    )
    assert [(e.type, names(e)) for e in entities.values()] == [
        ("GPE", ["Irlandii Płn."]), ("GPE", ["Północną Irlandią"]),
    ]


def test_currencies_credit_labels_and_what_is_no_person(rules):
    entities = analysed(
        rules,
        "Kurs GBP wzrósł, a GBPUSD spadł. Foto: EPA. Bank HSBC i London School of Economics ostrzegają.",
        ("GBP", "orgName"),
        ("GBPUSD", "orgName"),
        ("Foto", "persName"),
        ("HSBC", "persName"),  # an acronym names no person
        ("London School of Economics", "persName"),  # English words linked by "of"
    )
    assert [(e.type, e.name) for e in entities.values()] == [("ORG", "HSBC"), ("ORG", "London School of Economics")]


def test_a_span_is_cut_at_a_quotation_mark_and_after_a_listed_name(rules):
    entities = analysed(
        rules,
        "Jak pisze dziennikarz „The Times” Sam Coates, lider Liberalnych Demokratów Nick Clegg milczy.",
        ("The Times” Sam Coates", "orgName"),
        ("Liberalnych Demokratów Nick Clegg", "orgName"),
    )
    assert {(e.type, e.name) for e in entities.values()} >= {
        ("PRO", "The Times"), ("PER", "Sam Coates"), ("ORG", "Liberalni Demokraci"), ("PER", "Nick Clegg"),
    }


def test_an_organisations_name_goes_on_with_its_seat_or_the_rest_of_its_name(rules):
    entities = analysed(
        rules,
        "Stowarzyszenie Pomoc Kościołowi w Potrzebie pomaga. Sąd w Lahaur orzekł. PiS w Polsce rządzi. "
        "Platforma Obywatelska w Sejmie głosuje.",
        ("Stowarzyszenie Pomoc Kościołowi", "orgName"),  # the rest of the name names nothing else
        ("Sąd", "orgName"),
        ("Lahaur", "placeName_settlement"),  # a court's seat
        ("PiS", "orgName"),
        ("Polsce", "placeName_country"),  # where a party acts: no part of its name
        ("Platforma Obywatelska", "orgName"),  # "Sejmie" is the gazetteer's name, not part of it
    )
    assert [names(e) for e in entities.values() if e.type == "ORG"] == [
        ["Stowarzyszenie Pomoc Kościołowi w Potrzebie"], ["Sąd w Lahaur"], ["PiS"], ["Platforma Obywatelska"], ["Sejmie"],
    ]

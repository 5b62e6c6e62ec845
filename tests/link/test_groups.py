"""One group per entity in an article (kronika.link.groups)."""
from __future__ import annotations

from kronika.link.groups import group_mentions, main_country, settled
from kronika.link.names import close


def names(groups):
    return [sorted({m.base for m in g.mentions}) for g in groups]


def test_surnames_join_the_full_name(rules, mention):
    doc = rules("Kasym-Żomart Tokajew przemówił. Tokajewa poparł Putin. Władimir Putin i Tokajew.")
    groups = group_mentions(doc, [
        mention(doc, "Kasym-Żomart Tokajew", "PER"),
        mention(doc, "Tokajewa", "PER", "Tokajew"),
        mention(doc, "Putin", "PER"),
        mention(doc, "Władimir Putin", "PER"),
        mention(doc, "Tokajew", "PER", after=60),
    ])
    assert names(groups) == [["Kasym-Żomart Tokajew", "Tokajew"], ["Putin", "Władimir Putin"]]


def test_two_people_of_one_surname_stay_apart(rules, mention):
    doc = rules("Jarosław Kaczyński i Lech Kaczyński. Potem Kaczyński wyszedł.")
    groups = group_mentions(doc, [
        mention(doc, "Jarosław Kaczyński", "PER"),
        mention(doc, "Lech Kaczyński", "PER"),
        mention(doc, "Kaczyński", "PER", after=40),
    ])
    assert names(groups) == [["Jarosław Kaczyński"], ["Kaczyński", "Lech Kaczyński"]]  # the nearest before


def test_first_name_variants_and_middle_names(rules, mention):
    doc = rules("Aasiya Noreen Bibi, czyli Asia Bibi. Asia Noreen i Bibi.")
    groups = group_mentions(doc, [
        mention(doc, "Aasiya Noreen Bibi", "PER"),
        mention(doc, "Asia Bibi", "PER"),
        mention(doc, "Asia Noreen", "PER"),
        mention(doc, "Bibi", "PER", after=50),
    ])
    assert len(groups) == 1 and groups[0].name == "Aasiya Noreen Bibi"


def test_acronyms_heads_and_qualifiers(rules, mention):
    doc = rules(
        "Prawo i Sprawiedliwość wygrało. PiS rządzi. Komisja Europejska i Komisja. "
        "Organizacja Narodowa (ON) działa. pakistański Sąd Najwyższy i Sąd Najwyższy."
    )
    groups = group_mentions(doc, [
        mention(doc, "Prawo i Sprawiedliwość", "ORG"),
        mention(doc, "PiS", "ORG"),
        mention(doc, "Komisja Europejska", "ORG", code="EC"),
        mention(doc, "Komisja", "ORG", after=60),
        mention(doc, "Organizacja Narodowa", "ORG"),
        mention(doc, "ON", "ORG"),
        mention(doc, "pakistański Sąd Najwyższy", "ORG"),
        mention(doc, "Sąd Najwyższy", "ORG", after=130),
    ])
    assert names(groups) == [
        ["PiS", "Prawo i Sprawiedliwość"],
        ["Komisja", "Komisja Europejska"],
        ["ON", "Organizacja Narodowa"],
        ["Sąd Najwyższy", "pakistański Sąd Najwyższy"],
    ]
    assert groups[1].code == "EC" and groups[3].name == "Sąd Najwyższy"


def test_one_state_is_one_group_and_the_main_country(rules, mention):
    doc = rules("Rosja i Kazachstan. W Kazachstanie spokój.")
    mentions = [
        mention(doc, "Rosja", "GPE", code="RUS"),
        mention(doc, "Kazachstan", "GPE", code="KAZ"),
        mention(doc, "Kazachstanie", "GPE", "Kazachstan", code="KAZ"),
    ]
    assert main_country(mentions) == "KAZ"
    assert [g.code for g in group_mentions(doc, mentions)] == ["RUS", "KAZ"]


def test_base_forms_follow_the_group_name():
    assert settled("Asi Bibi", "Asia Biba", "Asia Bibi") == "Asia Bibi"
    assert settled("Asii Bibi", "Asii Bibi", "Asia Bibi") == "Asia Bibi"
    assert settled("Tokajewa", "Tokajew", "Kasym-Żomart Tokajew") == "Tokajew"
    assert close("asii", "asia") and close("razę", "razy") and not close("jan", "lech")


def test_a_daughter_is_not_her_father(rules, mention):
    doc = rules("Lech Kaczyński i jego córka. Kaczyńska powiedziała.")
    groups = group_mentions(doc, [mention(doc, "Lech Kaczyński", "PER"), mention(doc, "Kaczyńska", "PER")])
    assert len(groups) == 2


def test_a_translated_name_and_a_states_court(rules, mention):
    doc = rules(
        "Stowarzyszenie Chrześcijan Pakistańskich (British Pakistani Christian Association) alarmuje. "
        "Sąd Najwyższy Pakistanu orzekł. Sąd Najwyższy uniewinnił ją."
    )
    groups = group_mentions(doc, [
        mention(doc, "Stowarzyszenie Chrześcijan Pakistańskich", "ORG"),
        mention(doc, "British Pakistani Christian Association", "ORG"),
        mention(doc, "Sąd Najwyższy Pakistanu", "ORG"),
        mention(doc, "Sąd Najwyższy", "ORG", after=doc.text.index("orzekł")),
    ])
    assert names(groups) == [
        ["British Pakistani Christian Association", "Stowarzyszenie Chrześcijan Pakistańskich"],
        ["Sąd Najwyższy", "Sąd Najwyższy Pakistanu"],
    ]


def test_a_court_named_with_its_seat_joins_the_court(rules, mention):
    doc = rules("Sąd Najwyższy w Pakistanie orzekł. Sąd Najwyższy uniewinnił ją.")
    groups = group_mentions(doc, [
        mention(doc, "Sąd Najwyższy w Pakistanie", "ORG"),
        mention(doc, "Sąd Najwyższy", "ORG", after=doc.text.index("orzekł")),
    ])
    assert names(groups) == [["Sąd Najwyższy", "Sąd Najwyższy w Pakistanie"]]


def test_a_first_name_alone_joins_the_full_name_written_close_to_it(rules, mention):
    doc = rules("Sąd skazał Asie Bibi na śmierć. Asia broniła swojej religii.")
    groups = group_mentions(doc, [mention(doc, "Asie Bibi", "PER", "As Bibi"), mention(doc, "Asia", "PER")])
    assert names(groups) == [["As Bibi", "Asia"]]


def test_a_state_qualifying_a_name():
    from kronika.link.mentions import state_qualifier

    assert state_qualifier("Sąd Najwyższy Pakistanu") == ("Sąd Najwyższy", "PAK")
    assert state_qualifier("pakistański Sąd Najwyższy") == ("Sąd Najwyższy", "PAK")
    assert state_qualifier("Sąd Najwyższy w Pakistanie") == ("Sąd Najwyższy", "PAK")
    assert state_qualifier("Izba Gmin Wielkiej Brytanii") == ("Izba Gmin", "GBR")
    assert state_qualifier("Tehreek-e-Labbaik Pakistan") == ("Tehreek-e-Labbaik", "PAK")
    assert state_qualifier("szkocki parlament") is None  # a part of a state, not the state
    assert state_qualifier("Bank Anglii") is None and state_qualifier("Partia Pracy") is None


def test_a_group_is_named_by_a_base_form_the_text_writes_on_a_tie(rules):
    """``Franciszem`` (a slip) gives the guess ``Francisz``; ``Franciszek`` is written."""
    from kronika.link.mentions import Group, NameMention

    doc = rules("Papież Franciszem. Franciszek.")
    group = Group([NameMention(doc[1:2], "PER", "persName", "Francisz"), NameMention(doc[3:4], "PER", "persName", "Franciszek")])
    assert group.name == "Franciszek"

"""Role descriptions as mentions of people (kronika.link.roles, through group_mentions)."""
from __future__ import annotations

from kronika.link.groups import group_mentions


def roles_of(group):
    return [m.text for m in group.mentions if m.kind == "role"]


def test_a_bound_title_names_the_person_later(rules, mention):
    doc = rules("Prezydent Rosji Władimir Putin przyjechał. Potem prezydent Rosji przemówił.")
    putin = mention(doc, "Władimir Putin", "PER")
    russia = [mention(doc, "Rosji", "GPE", "Rosja", "RUS"), mention(doc, "Rosji", "GPE", "Rosja", "RUS", after=50)]
    groups = group_mentions(doc, [putin, *russia])
    [person] = [g for g in groups if g.type == "PER"]
    assert roles_of(person) == ["Prezydent Rosji", "prezydent Rosji"]
    assert person.country == "RUS"


def test_a_title_after_the_name_and_the_main_country(rules, mention):
    doc = rules("Kasym-Żomart Tokajew, prezydent Kazachstanu, mówił. W Kazachstanie prezydent kraju zapowiedział.")
    for token in doc:  # the tagger's cases, by hand
        if token.text in ("Kasym", "Tokajew", "prezydent"):
            token.set_morph("Case=Nom")
    mentions = [
        mention(doc, "Kasym-Żomart Tokajew", "PER"),
        mention(doc, "Kazachstanu", "GPE", "Kazachstan", "KAZ"),
        mention(doc, "Kazachstanie", "GPE", "Kazachstan", "KAZ"),
    ]
    [person] = [g for g in group_mentions(doc, mentions) if g.type == "PER"]
    assert roles_of(person) == ["prezydent Kazachstanu", "prezydent kraju"]


def test_a_bare_title_needs_one_holder(rules, mention):
    doc = rules("Premier Donald Tusk i premier Węgier Viktor Orban. Premier powiedział.")
    mentions = [
        mention(doc, "Donald Tusk", "PER"),
        mention(doc, "Węgier", "GPE", "Węgry", "HUN"),
        mention(doc, "Viktor Orban", "PER"),
    ]
    people = [g for g in group_mentions(doc, mentions) if g.type == "PER"]
    assert [roles_of(p) for p in people] == [["Premier"], ["premier Węgier"]]  # "Premier powiedział": two premiers

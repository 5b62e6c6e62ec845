"""Corpus-wide ids across a batch of analyses (kronika.link.corpus)."""
from __future__ import annotations

from kronika.link.corpus import corpus_ids, link_across
from kronika.model import Analysis, Article, Entity, Event, EventActor, Mention, Quote


def person(name: str, *forms: str, aliases: tuple[str, ...] = ()) -> Entity:
    mentions = [Mention(start=i, end=i + 1, text=f, base=name) for i, f in enumerate(forms or (name,))]
    kind = "ORG" if name.isupper() or " " in name and name.split()[0] in ("Partia",) else "PER"
    slug = name.lower().replace(" ", "-")
    return Entity(id=f"{kind}:{slug}", type=kind, name=name, aliases=list(aliases), mentions=mentions)


def analysis(i: int, *entities: Entity, quotes=(), events=()) -> Analysis:
    return Analysis(article=Article(id=str(i), text="x"), entities=list(entities), quotes=list(quotes), events=list(events))


def test_a_surname_takes_the_one_full_name():
    ids = corpus_ids([person("Kasym-Żomart Tokajew"), person("Tokajew"), person("Putin")])
    assert ids == {"PER:tokajew": "PER:kasym-żomart-tokajew"}


def test_an_ambiguous_surname_keeps_its_id():
    ids = corpus_ids([person("Jarosław Kaczyński"), person("Lech Kaczyński"), person("Kaczyński")])
    assert "PER:kaczyński" not in ids


def test_variants_and_fuller_names_share_one_id():
    entities = [person("Asia Bibi"), person("Asia Bibi"), person("Aasiya Noreen Bibi"), person("Asii Bibi")]
    ids = corpus_ids(entities)
    assert ids == {"PER:aasiya-noreen-bibi": "PER:asia-bibi", "PER:asii-bibi": "PER:asia-bibi"}
    assert corpus_ids([person("Władimir Putin"), person("Vladimir Putin")]) == {"PER:władimir-putin": "PER:vladimir-putin"}


def test_an_acronym_takes_the_name_it_stands_for():
    full = person("Partia Niepodległości", aliases=("UKIP",))
    assert corpus_ids([full, person("UKIP")]) == {"ORG:ukip": "ORG:partia-niepodległości"}


def test_link_across_renames_speakers_actors_and_bases():
    first = analysis(1, person("Asia Bibi"), person("Asia Bibi"))
    second = analysis(
        2,
        person("Asia Biba", "Asi Bibi"),
        person("Bibi"),
        quotes=[Quote(kind="direct", text="t", start=0, end=1, speaker="PER:asia-biba")],
        events=[Event(type="AID", actor=[EventActor(entity="PER:bibi")])],
    )
    linked = link_across([first, second])
    [entity] = linked[1].entities  # Asia Biba and Bibi became one
    assert entity.id == "PER:asia-bibi" and entity.name == "Asia Bibi"
    assert [m.base for m in entity.mentions] == ["Asia Bibi", "Bibi"]
    assert linked[1].quotes[0].speaker == "PER:asia-bibi"
    assert linked[1].events[0].actor[0].entity == "PER:asia-bibi"
    assert second.entities[0].id == "PER:asia-biba"  # the input is left as it was


def place(name: str) -> Entity:
    return Entity(id=f"GPE:{name.lower()}", type="GPE", name=name, mentions=[Mention(start=0, end=1, text=name, base=name)])


def test_a_name_takes_the_type_most_articles_give_it():
    ids = corpus_ids([person("Lahore"), place("Lahore"), place("Lahore"), person("Bibi"), place("Lahaur")])
    assert ids == {"PER:lahore": "GPE:lahore"}
    assert corpus_ids([person("Multan"), place("Multan")]) == {}  # a tie changes nothing
    twice = place("Lahore").model_copy(update={"mentions": place("Lahore").mentions * 2})
    assert corpus_ids([person("Lahore"), twice]) == {"PER:lahore": "GPE:lahore"}  # ... but more mentions do
    region = place("Pendżab").model_copy(update={"id": "LOC:pendżab", "type": "LOC"})
    assert corpus_ids([place("Pendżab"), place("Pendżab"), region]) == {"LOC:pendżab": "GPE:pendżab"}
    linked = link_across([analysis(1, person("Lahore")), analysis(2, place("Lahore")), analysis(3, place("Lahore"))])
    assert [(e.id, e.type) for e in linked[0].entities] == [("GPE:lahore", "GPE")]


def test_a_group_takes_the_type_its_names_have_across_the_batch():
    """TLP joined to Tehreek-e-Labbaik read as a place: both names are an organisation's in most
    articles, and a spelling with one letter doubled is the same name."""
    def org(name, *aliases):
        return Entity(id=f"ORG:{name.lower()}", type="ORG", name=name, aliases=list(aliases),
                      mentions=[Mention(start=0, end=1, text=name, base=name)])

    read_as_place = place("Tehreek-e-Labbaik").model_copy(update={"aliases": ["TLP"]})
    ids = corpus_ids([org("Tehreek-e-Labaik", "TLP"), org("Tehreek-e-Labaik", "TLP"), org("TLP"), read_as_place])
    assert ids == {"GPE:tehreek-e-labbaik": "ORG:tehreek-e-labaik", "ORG:tlp": "ORG:tehreek-e-labaik"}
    assert corpus_ids([place("Ittanwali"), place("Itanwali"), place("Itanwali")]) == {"GPE:ittanwali": "GPE:itanwali"}


def test_full_names_spelt_apart_share_one_id():
    assert corpus_ids([person("Saif ul-Mulook"), person("Saif ul-Mulook"), person("Saiful Mulook")]) == {
        "PER:saiful-mulook": "PER:saif-ul-mulook"
    }
    assert corpus_ids([person("Fawad Chaudry"), person("Fawad Ahmed Chaudhry")]) == {
        "PER:fawad-chaudry": "PER:fawad-ahmed-chaudhry"
    }
    assert corpus_ids([person("Wiktor Orban"), person("Viktor Orban"), person("Viktor Orban"), person("Orban")]) == {
        "PER:wiktor-orban": "PER:viktor-orban", "PER:orban": "PER:viktor-orban"
    }
    assert corpus_ids([person("Fawad Chaudry"), person("Imran Chaudhry")]) == {}  # other first names


def test_a_surname_takes_the_dominant_full_name():
    misread = [person("Jeremy Corbyn")] * 4 + [person("Theresy May Corbyn"), person("Corbyn")]
    assert corpus_ids(misread)["PER:corbyn"] == "PER:jeremy-corbyn"
    assert "PER:corbyn" not in corpus_ids([person("Jeremy Corbyn")] * 3 + [person("Piers Corbyn"), person("Corbyn")])


def test_a_type_the_words_around_a_name_gave_outweighs_the_ners():
    """``biuro statystyczne Eurostat`` in one article: an organisation there, and in two articles
    where the NER read it as a person; the article that says so keeps its type."""
    said = Entity(id="ORG:eurostat", type="ORG", subtype="orgName_context", name="Eurostat",
                  mentions=[Mention(start=0, end=1, text="Eurostat", base="Eurostat")])
    assert corpus_ids([person("Eurostat"), person("Eurostat"), said]) == {"PER:eurostat": "ORG:eurostat"}
    plain_org = said.model_copy(update={"subtype": "orgName"})
    assert corpus_ids([person("Eurostat"), person("Eurostat"), plain_org]) == {"ORG:eurostat": "PER:eurostat"}
    assert corpus_ids([person("Eurostat"), person("Eurostat"), person("Eurostat"), said]) == {}  # a tie changes nothing


def test_an_acronym_takes_the_name_it_stands_for_spelt_two_ways():
    def org(name, *aliases):
        return Entity(id=f"ORG:{name.lower()}", type="ORG", name=name, aliases=list(aliases),
                      mentions=[Mention(start=0, end=1, text=name, base=name)])

    owners = [org("Tehreek-e-Labaik", "TLP"), org("Tehrik-e-Labaik", "TLP"), org("Tehreek-e-Labaik", "TLP"),
              org("Tehrik-e-Labaik", "TLP"), org("Labaik Pakistan", "TLP")]
    assert corpus_ids([*owners, org("TLP")])["ORG:tlp"] == "ORG:tehreek-e-labaik"


def org(name: str, kind: str = "ORG") -> Entity:
    slug = name.lower().replace(" ", "-")
    return Entity(id=f"{kind}:{slug}", type=kind, name=name, mentions=[Mention(start=0, end=1, text=name, base=name)])


def pakistan() -> Entity:
    return Entity(id="GPE:PAK", type="GPE", name="Pakistan", country="PAK",
                  mentions=[Mention(start=0, end=1, text="Pakistan", base="Pakistan")])


def test_foreign_names_spelt_apart_share_one_id_in_articles_about_one_state():
    batch = [
        analysis(1, org("Tehreek-e-Labaik"), org("Lahore", "GPE"), pakistan()),
        analysis(2, org("Tehreek-e-Labaik"), org("Lahore", "GPE"), pakistan()),
        analysis(3, org("Tehrik-i-Labaik"), org("Lahaur", "GPE"), pakistan()),
        analysis(4, org("Hollywood", "GPE"), org("Halewood", "GPE"), pakistan()),  # not one spelling
    ]
    ids = {e.id for a in link_across(batch) for e in a.entities}
    assert "ORG:tehrik-i-labaik" not in ids and "GPE:lahaur" not in ids
    assert {"GPE:hollywood", "GPE:halewood"} <= ids
    apart = [analysis(1, org("Lahore", "GPE")), analysis(2, org("Lahaur", "GPE"))]  # about no state: left apart
    assert {e.id for a in link_across(apart) for e in a.entities} == {"GPE:lahore", "GPE:lahaur"}


def test_an_organisation_named_with_its_state_takes_the_id_of_the_name_without_it():
    batch = [
        analysis(1, org("Sąd Najwyższy"), pakistan()),
        analysis(2, org("Sąd Najwyższy"), pakistan()),
        analysis(3, org("Sąd Najwyższy Pakistanu"), pakistan()),
        analysis(4, org("pakistański Sąd Najwyższy"), pakistan()),
        analysis(5, org("Sąd Najwyższy w Pakistanie"), pakistan()),
    ]
    assert {e.id for a in link_across(batch) for e in a.entities if e.type == "ORG"} == {"ORG:sąd-najwyższy"}
    elsewhere = [analysis(1, org("Sąd Najwyższy")), analysis(2, org("Sąd Najwyższy Pakistanu"), pakistan())]
    assert len({e.id for a in link_across(elsewhere) for e in a.entities if e.type == "ORG"}) == 2


def test_an_entity_standing_for_many_articles_weighs_as_many():
    """A store's entity counts with the articles that name it (kronika.store.linking)."""
    from kronika.link.corpus import Weight

    stored = place("Lahore").model_copy(update={"mentions": []})
    assert corpus_ids([stored, person("Lahore")]) == {"GPE:lahore": "PER:lahore"}  # one mention against none
    weights = {"GPE:lahore": Weight(articles=3, mentions=5)}
    assert corpus_ids([stored, person("Lahore")], weights=weights) == {"PER:lahore": "GPE:lahore"}

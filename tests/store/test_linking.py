"""Entity ids across the store: a surname seen alone joins the full name seen later."""
from __future__ import annotations

import json

from kronika.model import Analysis, Entity, Mention, Quote
from kronika.store import Analysed

from .conftest import FILLER, article

SURNAME = article("s", "Tokajew przemawiał w parlamencie. " + FILLER, "2022-01-05")
FULL = article("f", "Kasym-Żomart Tokajew przyjął gości z zagranicy. " + FILLER * 2, "2022-01-12")


def canned(item) -> Analysed:
    if item.id == "s":
        entity = Entity(id="PER:tokajew", type="PER", name="Tokajew", mentions=[Mention(start=0, end=7, text="Tokajew", base="Tokajew")])
        quote = Quote(kind="direct", text="przemawiał", start=8, end=18, speaker="PER:tokajew", speaker_name="Tokajew")
        return Analysed(Analysis(article=item, entities=[entity], quotes=[quote]), "tokajew przemawiać")
    entity = Entity(id="PER:kasym-żomart-tokajew", type="PER", name="Kasym-Żomart Tokajew", country="KAZ",
                    mentions=[Mention(start=0, end=20, text="Kasym-Żomart Tokajew", base="Kasym-Żomart Tokajew")])
    return Analysed(Analysis(article=item, entities=[entity]), "kasym-żomart tokajew przyjąć")


class Canned:
    def __call__(self):
        return canned


def test_a_stored_surname_is_renamed_to_the_full_name(store):
    store.ingest([SURNAME, FULL], analyser=Canned())
    entities = {r["id"]: r for r in store.db.execute("SELECT * FROM entities")}
    assert set(entities) == {"PER:kasym-żomart-tokajew"}
    person = entities["PER:kasym-żomart-tokajew"]
    assert person["name"] == "Kasym-Żomart Tokajew" and "Tokajew" in person["aliases"]
    assert (person["articles"], person["mentions"], person["first_date"]) == (2, 2, "2022-01-05")
    assert store.db.execute("SELECT DISTINCT entity_id FROM mentions").fetchall()[0][0] == "PER:kasym-żomart-tokajew"
    assert store.db.execute("SELECT speaker_id FROM quotes").fetchone()[0] == "PER:kasym-żomart-tokajew"
    assert store.entity_id("PER:tokajew") == "PER:kasym-żomart-tokajew"


def test_a_later_surname_takes_the_stored_full_name(store):
    store.ingest([FULL, SURNAME], analyser=Canned())
    assert [r[0] for r in store.db.execute("SELECT id FROM entities")] == ["PER:kasym-żomart-tokajew"]
    assert store.db.execute("SELECT count(*) FROM article_entities").fetchone()[0] == 2


def test_search_by_an_old_id_follows_the_redirect(store):
    from kronika.store import SearchFilters

    store.ingest([SURNAME, FULL], analyser=Canned())
    assert store.search("", SearchFilters(entity="PER:tokajew")).total == 2
    assert store.search("", SearchFilters(speaker="Tokajew")).total == 1


# --- what linking counts across the store: articles, their states, spellings and qualified names

TEXTS = [
    "Sąd ogłosił wyrok w sprawie kobiety oskarżonej o bluźnierstwo, a jej obrońcy przyjęli go z ulgą.",
    "Tysiące ludzi wyszły na ulice miast, blokując drogi i domagając się surowej kary dla skazanej.",
    "Rząd zawarł porozumienie z przywódcami protestów, którzy odwołali blokady po trzech dniach.",
    "Mąż kobiety poprosił zachodnie państwa o azyl dla rodziny, obawiając się o jej bezpieczeństwo.",
    "Papież przyjął na audiencji rodzinę skazanej i zapewnił ją o modlitwie za więzionych chrześcijan.",
    "Sędziowie odrzucili wniosek o ponowne rozpatrzenie sprawy, zamykając postępowanie w tej sprawie.",
]


def named(name: str, kind: str = "GPE", times: int = 1, country: str | None = None, id_: str | None = None) -> Entity:
    mentions = [Mention(start=i, end=i + 1, text=name, base=name) for i in range(times)]
    return Entity(id=id_ or f"{kind}:{name.lower().replace(' ', '-')}", type=kind, name=name, country=country,
                  mentions=mentions)


PAKISTAN = named("Pakistan", times=3, country="PAK", id_="GPE:PAK")
POLAND = named("Polska", times=3, country="POL", id_="GPE:POL")


class Given:
    """An analyser answering each article with the entities given for it."""

    def __init__(self, entities: dict[str, list[Entity]]):
        self.entities = entities

    def __call__(self):
        def analyse(item):
            return Analysed(Analysis(article=item, entities=self.entities[item.id]), item.text.lower())

        return analyse


def ingest(store, *entities: list[Entity]) -> dict[str, str]:
    """Ingest one article for each list of entities, in order; stored ids -> types."""
    items = [article(f"a{i}", TEXTS[i], f"2018-11-0{i + 1}") for i in range(len(entities))]
    report = store.ingest(items, analyser=Given({item.id: e for item, e in zip(items, entities)}))
    assert report.outcomes["analysed"] == len(entities), report.to_dict()
    return {r["id"]: r["type"] for r in store.db.execute("SELECT id, type FROM entities")}


def test_a_foreign_name_spelt_apart_joins_the_stored_spelling_of_articles_about_the_same_state(store):
    stored = ingest(store, [PAKISTAN, named("Lahore")], [PAKISTAN, named("Lahore")], [PAKISTAN, named("Lahaur")])
    assert "GPE:lahaur" not in stored and "GPE:lahore" in stored
    assert "Lahaur" in json.loads(store.db.execute("SELECT aliases FROM entities WHERE id = 'GPE:lahore'").fetchone()[0])


def test_a_stored_name_with_its_state_joins_the_bare_name_of_articles_about_that_state(store):
    court = "Sąd Najwyższy"
    stored = ingest(store, [PAKISTAN, named(f"{court} Pakistanu", "ORG")], [PAKISTAN, named(court, "ORG")],
                    [PAKISTAN, named(court, "ORG")])
    assert "ORG:sąd-najwyższy-pakistanu" not in stored and store.entity_id("ORG:sąd-najwyższy-pakistanu") == "ORG:sąd-najwyższy"


def test_a_state_named_with_a_court_stays_apart_from_the_court_of_articles_about_another_state(store):
    court = "Sąd Najwyższy"
    stored = ingest(store, [POLAND, named(court, "ORG")], [POLAND, named(court, "ORG")],
                    [PAKISTAN, named(f"{court} Pakistanu", "ORG")])
    assert {"ORG:sąd-najwyższy", "ORG:sąd-najwyższy-pakistanu"} <= set(stored)


def test_a_stored_entity_renamed_takes_the_type_of_its_new_id(store):
    stored = ingest(store, [named("Multan", "PER")], [named("Multan", times=2)])
    assert stored == {"GPE:multan": "GPE"}  # more mentions of the place: the person's row becomes the place


def test_a_stored_entity_votes_with_all_its_articles(store):
    stored = ingest(store, [named("Multan")], [named("Multan")], [named("Multan", "PER", times=3)])
    assert stored == {"GPE:multan": "GPE"}  # one article against the store's two, whatever its mentions

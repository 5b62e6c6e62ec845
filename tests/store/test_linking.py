"""Entity ids across the store: a surname seen alone joins the full name seen later."""
from __future__ import annotations

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

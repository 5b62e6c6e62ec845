"""Names the store knows, found again in new articles where the model missed them (kronika.store.recall)."""
from __future__ import annotations

from kronika.model import Analysis, Entity, Mention, Quote
from kronika.store import Analysed, SearchFilters
from kronika.store.recall import candidate_forms

from .conftest import article

FARAGE = "PER:nigel-farage"
TEXTS = {
    "seen1": "Nigel Farage przemawiał w Londynie o przyszłości partii i o wyborach do parlamentu w maju.",
    "seen2": "Wczoraj Nigel Farage spotkał się z dziennikarzami w Brukseli, aby omówić kampanię wyborczą.",
    "missed": "Rolnicy z Kornwalii słuchali, jak Nigel Farage obiecywał im dopłaty po wyjściu kraju z unii.",
    "other": "Nigel Farage’a nie było na sali, a Nigel Farageowski styl nie przypadł posłom do gustu.",
}


class ModelSeesFarageIn:
    """An analyser recognising "Nigel Farage" only in the articles named."""

    def __init__(self, *ids: str):
        self.ids = ids

    def __call__(self):
        def analyse(item) -> Analysed:
            entities = []
            if item.id in self.ids:
                start = item.text.index("Nigel Farage")
                mention = Mention(start=start, end=start + 12, text="Nigel Farage", base="Nigel Farage")
                entities = [Entity(id=FARAGE, type="PER", name="Nigel Farage", mentions=[mention])]
            return Analysed(Analysis(article=item, entities=entities), item.text.lower())

        return analyse


def stored_mentions(store, article_id: str) -> list[tuple[str, str, str]]:
    return [tuple(r) for r in store.db.execute(
        "SELECT m.text, m.base, m.entity_id FROM mentions m JOIN articles a ON a.id = m.article_id WHERE a.source_id = ?",
        (article_id,),
    )]


def test_a_name_two_stored_articles_know_is_found_where_the_model_missed_it(store):
    items = [article(i, TEXTS[i]) for i in ("seen1", "seen2", "missed")]
    store.ingest(items, analyser=ModelSeesFarageIn("seen1", "seen2"))
    assert stored_mentions(store, "missed") == [("Nigel Farage", "Nigel Farage", FARAGE)]
    assert store.search("", SearchFilters(entity=FARAGE)).total == 3


def test_a_name_one_stored_article_knows_is_not_enough(store):
    items = [article(i, TEXTS[i]) for i in ("seen1", "missed")]
    store.ingest(items, analyser=ModelSeesFarageIn("seen1"))
    assert stored_mentions(store, "missed") == []


def test_known_names_match_whole_words_only(store):
    items = [article(i, TEXTS[i]) for i in ("seen1", "seen2", "other")]
    store.ingest(items, analyser=ModelSeesFarageIn("seen1", "seen2"))
    assert stored_mentions(store, "other") == []


def test_candidate_forms_are_capitalised_runs_of_words():
    forms = candidate_forms("Wczoraj premier Theresa May (Partia Konserwatywna) mówiła.")
    assert {"Theresa May", "Theresa", "Partia Konserwatywna", "Konserwatywna", "Wczoraj premier Theresa May"} <= forms
    assert "premier Theresa" not in forms and "mówiła." not in forms


class ModelSees:
    """An analyser recognising, in each article named, the forms given for it (all of Nigel Farage)."""

    def __init__(self, forms: dict[str, tuple[str, ...]]):
        self.forms = forms

    def __call__(self):
        def analyse(item) -> Analysed:
            mentions = [Mention(start=(i := item.text.index(f)), end=i + len(f), text=f, base="Nigel Farage")
                        for f in self.forms.get(item.id, ())]
            entities = [Entity(id=FARAGE, type="PER", name="Nigel Farage", mentions=mentions)] if mentions else []
            return Analysed(Analysis(article=item, entities=entities), item.text.lower())

        return analyse


def test_a_rare_form_of_an_entity_many_stored_articles_name_is_found_again(store):
    texts = dict(TEXTS, seen3="Nigel Farage nie przyszedł na debatę w telewizji, co zauważyli wszyscy komentatorzy.",
                 rare="Słowa Farage'a o imigracji oburzyły posłów opozycji, którzy zażądali przeprosin w Izbie.",
                 missed2="Rzecznik partii powtórzył wczoraj słowa Farage'a, a dziennikarze dopytywali o szczegóły.")
    seen = {i: ("Nigel Farage",) for i in ("seen1", "seen2", "seen3")}
    items = [article(i, texts[i]) for i in ("seen1", "seen2", "seen3", "rare", "missed2")]
    store.ingest(items, analyser=ModelSees(seen | {"rare": ("Farage'a",)}))
    assert stored_mentions(store, "missed2") == [("Farage'a", "Nigel Farage", FARAGE)]


BINDING = "Premier Pakistanu Imran Khan zapowiedział wczoraj szeroki program reform gospodarczych i społecznych."
DESCRIBED = "Premier Pakistanu zapewnił, że Asia Bibi jest bezpieczna. Rozmawiał z nim o tym Imran Khan w Islamabadzie."


class RolesAnalyser:
    """Article "bind" binds the role to Imran Khan; article "said" quotes the role and names Khan."""

    def __call__(self):
        def analyse(item) -> Analysed:
            text = item.text
            start = text.index("Imran Khan")
            khan = Entity(id="PER:imran-khan", type="PER", name="Imran Khan",
                          mentions=[Mention(start=start, end=start + 10, text="Imran Khan", base="Imran Khan")])
            quotes = []
            if item.id.startswith("bind"):
                khan.mentions.insert(0, Mention(start=0, end=17, text="Premier Pakistanu", base="premier Pakistanu", kind="role"))
            else:
                quotes = [Quote(kind="indirect", text="Asia Bibi jest bezpieczna", start=31, end=56,
                                speaker="premier Pakistanu", speaker_name="premier Pakistanu", cue="zapewnił")]
            return Analysed(Analysis(article=item, entities=[khan], quotes=quotes), text.lower())

        return analyse


def stored_speaker(store, article_id: str) -> tuple:
    return tuple(store.db.execute(
        "SELECT q.speaker_id, q.speaker_name FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.source_id = ?",
        (article_id,),
    ).fetchone())


def test_a_role_the_store_binds_in_an_article_of_nearby_days_resolves_a_quoted_description(store):
    store.ingest([article("bind", BINDING, "2018-11-01"), article("said", DESCRIBED, "2018-11-14")], analyser=RolesAnalyser())
    assert stored_speaker(store, "said") == ("PER:imran-khan", "Imran Khan")


def test_a_role_bound_months_away_resolves_nothing(store):
    store.ingest([article("bind", BINDING, "2018-01-01"), article("said", DESCRIBED, "2018-11-14")], analyser=RolesAnalyser())
    assert stored_speaker(store, "said") == (None, "premier Pakistanu")

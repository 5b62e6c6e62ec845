"""Known names of a batch found again where the model missed them (kronika.link.recall)."""
from __future__ import annotations

from kronika.link.recall import known_forms, recall_known_names
from kronika.model import Analysis, Article, Entity, Mention, Quote


def article(i: int, text: str, *found: tuple[str, str, str, str]) -> Analysis:
    """An analysis of ``text`` whose entities are ``found``: (form, base, type, id), each form's first occurrence."""
    entities: dict[str, Entity] = {}
    for form, base, kind, id_ in found:
        start = text.index(form)
        entity = entities.setdefault(id_, Entity(id=id_, type=kind, name=base))
        entity.mentions.append(Mention(start=start, end=start + len(form), text=form, base=base))
    return Analysis(article=Article(id=str(i), text=text), entities=list(entities.values()))


FARAGE = ("Nigel Farage", "Nigel Farage", "PER", "PER:nigel-farage")
UKIP = ("UKIP", "UKIP", "ORG", "ORG:ukip")


def mentions(analysis: Analysis) -> set[tuple[str, str]]:
    return {(m.text, e.id) for e in analysis.entities for m in e.mentions}


def test_a_name_known_from_two_articles_is_found_where_the_model_missed_it():
    batch = [
        article(1, "Nigel Farage mówił o UKIP.", FARAGE, UKIP),
        article(2, "Wczoraj Nigel Farage i UKIP.", FARAGE, UKIP),
        article(3, "Nie bez powodu Nigel Farage to powiedział."),
    ]
    recalled = recall_known_names(batch)
    assert mentions(recalled[2]) == {("Nigel Farage", "PER:nigel-farage")}
    assert recalled[2].entities[0].mentions[0].base == "Nigel Farage"
    assert mentions(recalled[0]) == mentions(batch[0])  # nothing found twice


def test_a_form_seen_in_one_article_or_read_two_ways_is_not_known():
    one = [article(1, "Nigel Farage mówił.", FARAGE), article(2, "Nigel Farage znowu.")]
    assert recall_known_names(one)[1].entities == []
    place = ("Jordan", "Jordan", "GPE", "GPE:JOR")
    person = ("Jordan", "Jordan", "PER", "PER:jordan")
    split = [article(1, "Jordan.", place), article(2, "Jordan.", person), article(3, "Jordan.", place), article(4, "Jordan.")]
    assert "Jordan" not in known_forms(split)


def test_forms_match_whole_words_with_case():
    batch = [article(1, "Nigel Farage.", FARAGE), article(2, "Nigel Farage.", FARAGE),
             article(3, "Nigel Farage’a nie ma, jest Nigel Farageowski i nigel farage.")]
    assert recall_known_names(batch)[2].entities == []


def test_a_one_off_mention_made_of_known_names_is_split():
    batch = [
        article(1, "Nigel Farage mówił o UKIP.", FARAGE, UKIP),
        article(2, "Wczoraj Nigel Farage i UKIP.", FARAGE, UKIP),
        article(3, "Lider partii UKIP Nigel Farage przemówił.", ("UKIP Nigel Farage", "UKIP Nigel Farage", "ORG", "ORG:x")),
    ]
    assert mentions(recall_known_names(batch)[2]) == {("UKIP", "ORG:ukip"), ("Nigel Farage", "PER:nigel-farage")}


def test_a_one_off_entity_a_quote_points_to_is_kept():
    batch = [
        article(1, "Nigel Farage mówił o UKIP.", FARAGE, UKIP),
        article(2, "Wczoraj Nigel Farage i UKIP.", FARAGE, UKIP),
        article(3, "UKIP Nigel Farage przemówił.", ("UKIP Nigel Farage", "UKIP Nigel Farage", "ORG", "ORG:x")),
    ]
    batch[2] = batch[2].model_copy(update={"quotes": [Quote(kind="direct", text="x", start=0, end=1, speaker="ORG:x")]})
    assert ("UKIP Nigel Farage", "ORG:x") in mentions(recall_known_names(batch)[2])


# ---------------------------------------------------------------- attested base forms


def test_a_base_form_no_article_writes_yields_to_the_written_one():
    from kronika.link.attested import attested_bases
    blair = ("Tony Blair", "Tona Blair", "PER", "PER:tona-blair")  # Tony read as the genitive of Tona
    batch = [
        article(1, "Tony Blair mówił.", blair),
        article(2, "Tony'ego Blaira nie było.", ("Tony'ego Blaira", "Tony Blair", "PER", "PER:tona-blair")),
        article(3, "Agencja Reutera podała.", ("Reutera", "Reuter", "ORG", "ORG:reuters")),
        article(4, "Reuters podał.", ("Reuters", "Reuters", "ORG", "ORG:reuters")),
    ]
    rebased = attested_bases(batch)
    assert [(m.text, m.base, e.id, e.name) for e in rebased[0].entities for m in e.mentions] == [
        ("Tony Blair", "Tony Blair", "PER:tony-blair", "Tony Blair")
    ]
    assert rebased[2].entities[0].mentions[0].base == "Reuter"  # Reuters is no nominative of Reutera


def test_a_rare_form_of_a_well_known_entity_is_known_if_no_other_entity_has_it():
    farage_a = ("Farage'a", "Nigel Farage", "PER", "PER:nigel-farage")
    batch = [
        article(1, "Nigel Farage mówił.", FARAGE),
        article(2, "Nigel Farage znowu.", FARAGE),
        article(3, "Słowa Farage'a i Nigel Farage.", farage_a, FARAGE),
        article(4, "Nikt nie słuchał Farage'a."),
    ]
    recalled = recall_known_names(batch)
    assert mentions(recalled[3]) == {("Farage'a", "PER:nigel-farage")}
    assert recalled[3].entities[0].mentions[0].base == "Nigel Farage"
    assert "Farage'a" not in known_forms([batch[0], article(5, "Farage'a.", farage_a)])  # two articles name him: not enough


def test_a_short_rare_form_or_one_two_entities_share_is_not_known():
    may = ("May", "Theresa May", "PER", "PER:theresa-may")
    theresa = ("Theresa May", "Theresa May", "PER", "PER:theresa-may")
    batch = [article(i, "Theresa May.", theresa) for i in range(3)]
    assert "May" not in known_forms([*batch, article(8, "Theresa May i May.", theresa, may)])  # too short
    mays = ("Mays", "Theresa May", "PER", "PER:theresa-may")
    other = ("Mays", "Mays", "ORG", "ORG:mays")
    assert "Mays" in known_forms([*batch, article(8, "Mays.", mays)])
    assert "Mays" not in known_forms([*batch, article(8, "Mays.", mays), article(9, "Mays.", other)])  # two entities

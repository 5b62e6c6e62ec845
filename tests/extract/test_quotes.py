"""Quotations and speakers on hand-made Polish sentences (docs/annotation/quotes.md), the rules-only
pipeline for the conventions that need no parse, and the seed article with a trained pipeline."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import kronika
from kronika.analyse.pipeline import DEFAULT_MODEL
from kronika.evaluate.quotes import read_quotes_jsonl, score_quotes
from kronika.extract.entities import entities_from_doc
from kronika.extract.quote_marks import find_marked, paragraphs, strip_span
from kronika.extract.quotes import quotes_from_doc
from kronika.model import Article, Entity, Mention
from kronika.read import read_paths

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples" / "seed.txt"
SEED_GOLD = REPO / "tests" / "data" / "quotes_seed.jsonl"


@pytest.fixture(scope="module")
def rules():
    return kronika.load(rules_only=True)


def person(text: str, name: str, *forms: str, type_: str = "PER") -> Entity:
    """An entity whose mentions are every occurrence of ``forms`` in ``text``."""
    mentions = [Mention(start=m.start(), end=m.end(), text=m.group(), base=name)
                for form in forms for m in re.finditer(re.escape(form), text)]
    return Entity(id=f"{type_}:{name}", type=type_, name=name, mentions=sorted(mentions, key=lambda m: m.start))


def quotes(nlp, text: str, entities: list[Entity] = (), title: str | None = None) -> list[tuple]:
    """``(kind, text, speaker name, cue)`` of each quote found."""
    article = Article(id="t", text=text, title=title)
    found = quotes_from_doc(nlp(text), article, list(entities))
    for quote in found:
        assert text[quote.start : quote.end] == quote.text
    return [(q.kind, q.text, q.speaker_name, q.cue) for q in found]


@pytest.fixture(scope="module")
def trained():
    return kronika.load(DEFAULT_MODEL)


# ---------------------------------------------------------------- marks and dashes


def test_marks_pair_by_spacing_and_mismatched_pairs():
    text = 'Ogłosił, że "przywrócono porządek". „Nie” – dodał. Kukiz\'15 i „A", potem Mahomet? ”.'
    spans, orphans = find_marked(text, 0, len(text))
    assert [text[s.start : s.end] for s in spans] == ["przywrócono porządek", "Nie", "A"]
    assert [text[o - 9 : o + 1] for o in orphans] == ["Mahomet? ”"]


def test_strip_span_drops_marks_dashes_and_the_final_stop_but_not_an_ellipsis():
    for raw, stripped in [("„Dziękuję Bogu.”", "Dziękuję Bogu"), ('w Kazachstanie "przywrócono porządek".', 'w Kazachstanie "przywrócono porządek"'),
                          ("- Ala ma kota -", "Ala ma kota"), ("to zrobiłem...", "to zrobiłem..."), ("Naprawdę? ”", "Naprawdę?")]:
        start, end = strip_span(raw, 0, len(raw))
        assert raw[start:end] == stripped


def test_paragraphs_are_separated_by_blank_lines():
    text = "Tytuł\n\nPierwszy akapit.\n \nDrugi."
    assert [text[s:e] for s, e in paragraphs(text)] == ["Tytuł", "Pierwszy akapit.", "Drugi."]


@pytest.mark.parametrize("opening, closing", [("„", "”"), ('"', '"'), ("»", "«"), ("«", "»"), ("'", "'"), ("”", "”"), ("„", '"')])
def test_every_quotation_mark_convention(rules, opening, closing):
    text = f"{opening}Nie pozwolimy na żadne zniszczenia{closing} – oświadczył premier Jan Kowalski."
    assert quotes(rules, text) == [("direct", "Nie pozwolimy na żadne zniszczenia", "Jan Kowalski", "oświadczył")]


def test_dialogue_dash_with_a_trailing_reporting_clause(rules):
    text = "Demonstracje trwały. - Oni wszyscy zasługują na śmierć - oświadczył Qadri."
    assert quotes(rules, text) == [("direct", "Oni wszyscy zasługują na śmierć", "Qadri", "oświadczył")]


def test_a_dash_inside_a_quote_is_not_its_end(rules):
    text = "– Zwracam się o pomoc i – w miarę możliwości – zapewnienie nam wolności – powiedział Jan Nowak."
    assert quotes(rules, text) == [
        ("direct", "Zwracam się o pomoc i – w miarę możliwości – zapewnienie nam wolności", "Jan Nowak", "powiedział")]


def test_a_quote_over_several_sentences_and_a_comma_before_the_clause(rules):
    text = "- Boimy się. Wciąż otrzymujemy pogróżki. Poruszamy się po zmroku, powiedział Jan Nowak."
    assert quotes(rules, text) == [
        ("direct", "Boimy się. Wciąż otrzymujemy pogróżki. Poruszamy się po zmroku", "Jan Nowak", "powiedział")]


def test_an_interrupted_quote_is_two_quotes_of_one_speaker(rules):
    text = "„Uwolnienie jej to wspaniała wiadomość – mówi Jan Nowak. – Cieszy się obecnością męża.”"
    assert quotes(rules, text) == [
        ("direct", "Uwolnienie jej to wspaniała wiadomość", "Jan Nowak", "mówi"),
        ("direct", "Cieszy się obecnością męża", "Jan Nowak", None),
    ]


def test_a_bare_dash_turn_continues_the_previous_speaker(rules):
    text = "- Nie mogę tu mieszkać - powiedział Jan Nowak.\n\n- Muszę pozostać przy życiu."
    assert [q[1:3] for q in quotes(rules, text)] == [
        ("Nie mogę tu mieszkać", "Jan Nowak"), ("Muszę pozostać przy życiu", "Jan Nowak")]


def test_a_trailing_clause_after_a_full_stop_takes_the_speakers_own_sentences(rules):
    text = "Rząd ustąpił. Spodziewałem się tego. Nawet nie mogą wykonać wyroku. - zaznaczył Jan Nowak."
    assert quotes(rules, text) == [
        ("direct", "Spodziewałem się tego. Nawet nie mogą wykonać wyroku", "Jan Nowak", "zaznaczył")]


def test_a_trailing_source_covers_its_own_sentence(rules):
    text = "Wiele osób protestowało. Sąd unieważnił wyrok śmierci - podaje BBC."
    assert quotes(rules, text) == [("indirect", "Sąd unieważnił wyrok śmierci", "BBC", "podaje")]


@pytest.mark.parametrize("text", [
    'Teatr "Ateneum" wystawił sztukę o tzw. „kolorowych rewolucjach”.',
    'Artykuł ukazał się w dzienniku "Dawn" w czwartek.',
    "Ekstremiści wzywali do zabicia sędziów.",
    "Kowalski nie powiedział, że wyjedzie.",
    "Mówiło się wtedy w mieście o wielu sprawach.",
])
def test_scare_quotes_and_speech_without_content_are_no_quotes(rules, text):
    assert quotes(rules, text) == []


# ---------------------------------------------------------------- indirect and mixed


def test_a_content_clause_without_its_complementizer(rules):
    text = "Minister Jan Kowalski powiedział, że rząd nie zmieni zdania."
    assert quotes(rules, text) == [("indirect", "rząd nie zmieni zdania", "Jan Kowalski", "powiedział")]


def test_a_directive_with_by(rules):
    text = "Policja wezwała demonstrantów, by rozeszli się pokojowo."
    assert quotes(rules, text) == [("indirect", "rozeszli się pokojowo", "policja", "wezwała")]


def test_a_quoted_fragment_in_reported_speech_is_mixed(rules):
    text = 'Tokajew ogłosił, że w Kazachstanie "przywrócono porządek".'
    assert quotes(rules, text) == [("mixed", 'w Kazachstanie "przywrócono porządek"', "Tokajew", "ogłosił")]


@pytest.mark.parametrize("text, content, source, cue", [
    ("Według Jana Kowalskiego rząd wkrótce upadnie.", "rząd wkrótce upadnie", "Jan Kowalski", "Według"),
    ("Zdaniem ekspertów, rząd wkrótce upadnie.", "rząd wkrótce upadnie", "eksperci", "Zdaniem"),
    ("Jak podaje agencja Reutera, rząd wkrótce upadnie.", "rząd wkrótce upadnie", "agencja Reutera", "podaje"),
])
def test_source_phrases(rules, text, content, source, cue):
    assert quotes(rules, text) == [("indirect", content, source, cue)]


def test_a_dropped_subject_is_the_previous_speaker(rules):
    text = "Jan Kowalski powiedział, że rząd upadnie. Dodał, że wybory będą w maju."
    assert [q[1:3] for q in quotes(rules, text)] == [
        ("rząd upadnie", "Jan Kowalski"), ("wybory będą w maju", "Jan Kowalski")]


def test_a_colon_introduces_a_direct_quote(rules):
    text = "Jan Kowalski powiedział: „Nie wyjadę z kraju”."
    assert quotes(rules, text) == [("direct", "Nie wyjadę z kraju", "Jan Kowalski", "powiedział")]


# ---------------------------------------------------------------- entities, roles, titles, pull-quotes


def test_a_role_resolves_to_the_entity_of_its_mention(rules):
    text = ("Prezydent Rosji Władimir Putin przyjechał do Astany. "
            "- To był akt agresji - stwierdził prezydent Rosji.")
    putin = person(text, "Władimir Putin", "Władimir Putin", "prezydent Rosji", "Prezydent Rosji")
    (quote,) = quotes_from_doc(rules(text), Article(id="t", text=text), [putin])
    assert (quote.text, quote.speaker, quote.speaker_name) == ("To był akt agresji", "PER:Władimir Putin", "Władimir Putin")


def test_a_headline_speaker_and_a_quoted_title_with_its_speaker_from_the_body(rules):
    title = "Terlikowski: Pamiętajmy o męczennikach"
    text = f"{title}\n\nKsiądz mówił o wierze. - Pamiętajmy o nich - powiedział Terlikowski."
    assert quotes(rules, text, title=title)[0] == ("direct", "Pamiętajmy o męczennikach", "Terlikowski", ":")
    title = '"Sędziowie zasługują na śmierć"'
    text = f"{title}\n\nTrwały protesty. - Oni wszyscy zasługują na śmierć - oświadczył Qadri."
    assert [q[1:3] for q in quotes(rules, text, title=title)] == [
        ("Sędziowie zasługują na śmierć", "Qadri"), ("Oni wszyscy zasługują na śmierć", "Qadri")]


def test_a_pull_quote_is_one_quote_with_its_body_occurrence(rules):
    text = ("Szczyt trwał dwa dni.\n\n"
            "Środki podjęte przez ODKB pokazują, że nie pozwolimy na rewolucje Władimir Putin, prezydent Rosji\n\n"
            "Putin mówił długo. - Środki podjęte przez ODKB pokazują, że nie pozwolimy na rewolucje - dodał.")
    putin = person(text, "Władimir Putin", "Władimir Putin", "Putin")
    found = quotes_from_doc(rules(text), Article(id="t", text=text), [putin])
    assert [(q.text, q.speaker_name) for q in found] == [
        ("Środki podjęte przez ODKB pokazują, że nie pozwolimy na rewolucje", "Władimir Putin")]
    assert found[0].start > text.index("Putin mówił")  # the body occurrence's offsets
    assert found[0].evidence[0] < text.index("Putin mówił")  # ... and the pull-quote in the evidence


def test_every_quote_has_offsets_into_the_text_and_a_cue_lemma(rules):
    text = "- Nie wyjadę - powiedziała Anna Nowak. Anna Nowak dodała, że zostanie w kraju."
    for quote in quotes_from_doc(rules(text), Article(id="t", text=text), []):
        assert text[quote.start : quote.end] == quote.text
        assert quote.cue_lemma in {"powiedzieć", "dodać"} and quote.evidence[0] <= quote.start


# ---------------------------------------------------------------- speaker rules (no parse)


def test_the_fullest_name_the_article_writes_wins(rules):
    text = "Mąż kobiety Ashiq Masih zaapelował o azyl. - Boimy się - powiedział Masih."
    masih = person(text, "Masih", "Masih")
    found = quotes_from_doc(rules(text), Article(id="t", text=text), [masih])
    assert [(q.text, q.speaker_name) for q in found] == [("Boimy się", "Ashiq Masih")]


def test_an_acronym_before_a_name_is_no_part_of_it(rules):
    text = "Przywódca TLP Muhammad Afzal Qadri przemawiał. - Oni zasługują na śmierć - oświadczył Qadri."
    qadri = person(text, "TLP Muhammad Afzal Qadri", "TLP Muhammad Afzal Qadri", "Qadri")
    found = quotes_from_doc(rules(text), Article(id="t", text=text), [qadri])
    assert [q.speaker_name for q in found] == ["Muhammad Afzal Qadri"]


@pytest.mark.model
def test_a_synonym_or_a_generic_word_is_the_person_just_spoken_of(trained):
    text = ("Asia Bibi jest wolna. Adwokat Asii Bibi zdecydował się opuścić kraj. - Nie mogę tu mieszkać - powiedział mecenas. "
            "- Muszę żyć - dodał mężczyzna.")
    assert [q[2] for q in quotes(trained, text, [person(text, "Asia Bibi", "Asia Bibi", "Asii Bibi")])] == ["adwokat Asii Bibi"] * 2


@pytest.mark.model
def test_an_indefinite_description_is_someone_new(trained):
    text = ("Jan Kowalski mówił o wyborach. Anonimowy polityk Partii Pracy powiedział, że uwagi są szkodliwe.")
    assert quotes(trained, text) == [("indirect", "uwagi są szkodliwe", "anonimowy polityk Partii Pracy", "powiedział")]


@pytest.mark.model
def test_a_medium_relaying_speech_is_no_speaker_of_it(trained):
    text = "Według agencji AP, władze pakistańskie informowały, że dwóch więźniów spiskowało."
    assert [q[1:3] for q in quotes(trained, text)] == [("dwóch więźniów spiskowało", "władze pakistańskie")]


def test_a_medium_in_quotation_marks_keeps_its_title(rules):
    text = 'Prawnik musiał uciekać za granicę - pisze "Rzeczpospolita".'
    poland = person(text, "Polska", "Rzeczpospolita", type_="GPE")
    found = quotes_from_doc(rules(text), Article(id="t", text=text), [poland])
    assert [q.speaker_name for q in found] == ["Rzeczpospolita"]


def test_a_generic_media_noun_is_dropped_from_an_agency_name(rules):
    text = "Złożono już w tej sprawie wniosek - podaje agencja Associated Press."
    ap = person(text, "agencja Associated Press", "agencja Associated Press", type_="ORG")
    found = quotes_from_doc(rules(text), Article(id="t", text=text), [ap])
    assert [q.speaker_name for q in found] == ["Associated Press"]


def test_a_possessive_source_names_its_possessor(rules):
    text = ("Asia Bibi przebywa w więzieniu. Według jej prawników jest szansa, że odbędzie się rozprawa.")
    bibi = person(text, "Asia Bibi", "Asia Bibi")
    found = quotes_from_doc(rules(text), Article(id="t", text=text), [bibi])
    assert [q.speaker_name for q in found] == ["prawnicy Asia Bibi"] or [q.speaker_name for q in found][0].startswith("prawnicy")


@pytest.mark.model
def test_a_speech_noun_with_the_agent_of_a_participle(trained):
    text = "To odpowiedź na słowa powtarzane przez premier Theresę May, że handel będzie płynny."
    may = person(text, "Theresa May", "Theresę May")
    found = quotes_from_doc(trained(text), Article(id="t", text=text), [may])
    assert [(q.text, q.speaker_name) for q in found] == [("handel będzie płynny", "Theresa May")]


def test_a_speech_noun_with_its_giver(rules):
    text = "Uzyskała ona od rządu obietnicę, że kobieta nie opuści kraju."
    assert [q[1:3] for q in quotes(rules, text)] == [("kobieta nie opuści kraju", "rząd")]


# ---------------------------------------------------------------- speaker rules with the parse


@pytest.mark.model
def test_a_pronoun_of_a_coordination_takes_the_member_of_its_gender(trained):
    text = ("Politycy Anna Nowak i Jan Kowalski udzielili wywiadu. Nowak i Kowalski sugerują, że Bibi może przybyć. "
            "- To klasyczny przykład sytuacji, w której możemy pomóc, powiedziała.")
    entities = [person(text, "Anna Nowak", "Anna Nowak", "Nowak"), person(text, "Jan Kowalski", "Jan Kowalski", "Kowalski")]
    found = quotes_from_doc(trained(text), Article(id="t", text=text), entities)
    assert [q.speaker_name for q in found] == ["Anna Nowak i Jan Kowalski", "Anna Nowak"]


@pytest.mark.model
def test_a_name_closing_a_long_role_is_the_speaker(trained):
    text = ("Przewodniczący Komisji Praw Człowieka w niemieckim parlamencie Bundestagu Gyde Jensen "
            "w rozmowie z dziennikiem powiedział, że rząd musi działać.")
    jensen = person(text, "Gyde Jensen", "Gyde Jensen")
    found = quotes_from_doc(trained(text), Article(id="t", text=text), [jensen])
    assert [q.speaker_name for q in found] == ["Gyde Jensen"]


@pytest.mark.model
def test_a_prepositional_phrase_holds_no_speaker(trained):
    text = ("Prawnik Saif Mulook poinformował o tym w środę. "
            "„Nikt nie wie, gdzie wyląduje” – napisał w wiadomości dla agencji AFP.")
    entities = [person(text, "Saif Mulook", "Saif Mulook"), person(text, "AFP", "AFP", type_="ORG")]
    found = quotes_from_doc(trained(text), Article(id="t", text=text), entities)
    assert [q.speaker_name for q in found] == ["Saif Mulook"]


@pytest.mark.model
def test_a_relative_pronoun_is_its_antecedent(trained):
    text = ("Sturgeon odniosła się do słów Michela Barniera, głównego negocjatora Unii Europejskiej, "
            "który powiedział w piątek, że Unia powinna zawrzeć porozumienie.")
    entities = [person(text, "Nicola Sturgeon", "Sturgeon"), person(text, "Michel Barnier", "Michela Barniera")]
    found = quotes_from_doc(trained(text), Article(id="t", text=text), entities)
    assert [q.speaker_name for q in found] == ["Michel Barnier"]


# ---------------------------------------------------------------- the seed, with a trained pipeline


@pytest.fixture(scope="module")
def seed_quotes(trained):
    (article,) = read_paths([SEED])
    doc = trained(article.text)
    found = quotes_from_doc(doc, article, entities_from_doc(doc))
    (gold,) = read_quotes_jsonl(SEED_GOLD)
    return found, score_quotes([gold], [found])


@pytest.mark.model
def test_the_seed_quotes(seed_quotes):
    """SPEC §4: exactly the seed's quotes, the pull-quote once."""
    found, scores = seed_quotes
    assert scores["f1@0.8"] == 1.0
    assert sum("Środki podjęte przez ODKB" in q.text for q in found) == 1
    assert all(q.speaker.startswith("PER:") for q in found)


@pytest.mark.model
def test_the_seed_speakers(seed_quotes):
    assert seed_quotes[1]["speaker_accuracy"] == 1.0


# ---------------------------------------------------------------- the readable `kronika analyze`


def test_the_summary_lists_quotes_events_and_times():
    from rich.console import Console

    from kronika.cli.analyze import events_table, quotes_table, times_table
    from kronika.model import Analysis, Event, EventActor, Quote, TimeExpression

    text = "Jan Kowalski powiedział wczoraj, że rząd upadnie."
    analysis = Analysis(
        article=Article(id="t", text=text),
        entities=[person(text, "Jan Kowalski", "Jan Kowalski")],
        quotes=[Quote(kind="indirect", text="rząd upadnie", start=36, end=48, speaker="PER:Jan Kowalski",
                      speaker_name="Jan Kowalski", cue="powiedział", cue_lemma="powiedzieć", evidence=(13, 48))],
        events=[Event(type="ACCUSE", mode="criticize", status="announced", actor=[EventActor(entity="PER:Jan Kowalski", country="POL")],
                      date="2022-01-03", date_precision="day", location="Warszawa", trigger="powiedział")],
        times=[TimeExpression(text="wczoraj", start=24, end=31, value="2022-01-03", precision="day")],
    )
    names = {e.id: e.name for e in analysis.entities}
    console = Console(width=200, record=True)
    for part in (quotes_table(analysis, names), events_table(analysis, names), times_table(analysis)):
        console.print(part)
    out = console.export_text()
    for shown in ("Jan Kowalski [PER:Jan Kowalski]", "indirect", "cue „powiedział” (powiedzieć)", "chars 13-48", "„rząd upadnie”",
                  "ACCUSE (criticize, announced)", "Jan Kowalski [POL]", "date 2022-01-03 (day)", "in Warszawa",
                  "trigger „powiedział”", "wczoraj", "2022-01-03"):
        assert shown in out, shown


# ---------------------------------------------------------------- speakers: names, genders, media, batches


@pytest.mark.model
def test_a_coordination_of_surnames_is_both_people_and_a_feminine_verb_its_woman(trained):
    text = ("Sylvi Listhaug zapowiedziała zmiany. Polityk Abid Raja go poparł. "
            "Listhaug i Raja sugerują, że rodzina może przybyć do Norwegii. "
            "- To klasyczny przykład sytuacji, w której możemy pomóc, powiedziała.")
    entities = [person(text, "Sylvi Listhaug", "Sylvi Listhaug", "Listhaug"), person(text, "Abid Raja", "Abid Raja", "Raja")]
    found = quotes_from_doc(trained(text), Article(id="t", text=text), entities)  # Sylvi: no gender in the dictionary
    speakers = {q.cue: q.speaker_name for q in found}
    assert speakers.get("sugerują") == "Sylvi Listhaug i Abid Raja"
    assert speakers.get("powiedziała") == "Sylvi Listhaug"


@pytest.mark.model
def test_a_medium_noun_with_a_genitive_name_keeps_the_noun(trained):
    text = "Szkoły w Karaczi były w czwartek zamknięte - podaje agencja Reutera."
    doc = trained(text)
    found = quotes_from_doc(doc, Article(id="t", text=text), entities_from_doc(doc))
    assert [q.speaker_name.casefold() for q in found] == ["agencja reutera"]


@pytest.mark.model
def test_a_foreign_name_after_a_long_role_binds_the_role(trained):
    text = ("Przewodniczący Komisji Praw Człowieka w niemieckim parlamencie Bundestagu Gyde Jensen w rozmowie z "
            "dziennikiem powiedział, że rząd musi działać.\n\n"
            "Przewodniczący Komisji Praw Człowieka podkreślił, że sytuacja jest poważna.")
    doc = trained(text)
    found = quotes_from_doc(doc, Article(id="t", text=text), entities_from_doc(doc))
    assert [q.speaker_name for q in found] == ["Gyde Jensen", "Gyde Jensen"]


def _batch_analysis(id_: str, date: str, text: str, entities: list[Entity], quotes_: list) -> "Analysis":
    from kronika.model import Analysis

    return Analysis(article=Article(id=id_, text=text, date=date), entities=entities, quotes=quotes_)


def test_a_role_bound_in_another_article_of_nearby_date_resolves_a_description():
    from kronika.extract.quotes import speakers_across
    from kronika.model import Quote

    binding = "Premier Pakistanu Imran Khan zapowiedział reformy."
    khan = person(binding, "Imran Khan", "Imran Khan")
    khan.mentions.append(Mention(start=0, end=17, text="Premier Pakistanu", base="premier Pakistanu", kind="role"))
    text = "Premier Pakistanu zapewnił, że Asia Bibi jest bezpieczna. Rozmawiał z nim Imran Khan."
    said = Quote(kind="indirect", text="Asia Bibi jest bezpieczna", start=31, end=56, speaker="premier Pakistanu",
                 speaker_name="premier Pakistanu", cue="zapewnił")
    target = [person(text, "Imran Khan", "Imran Khan")]
    near = _batch_analysis("a", "2018-11-01", binding, [khan], [])
    far = _batch_analysis("a", "2018-01-01", binding, [khan], [])
    for evidence, expected in ((near, "Imran Khan"), (far, "premier Pakistanu")):
        resolved = speakers_across([evidence, _batch_analysis("b", "2018-11-14", text, target, [said])])
        assert resolved[1].quotes[0].speaker_name == expected
    unnamed = speakers_across([near, _batch_analysis("b", "2018-11-14", text[:57], [], [said])])
    assert unnamed[1].quotes[0].speaker_name == "premier Pakistanu"  # the article must name the person too


def test_the_summary_marks_sentences_with_the_linked_entities():
    import spacy

    from kronika.cli.analyze import marked_sentence, mention_marks
    from kronika.model import Analysis, Entity, Mention

    text = "Rosja i Białoruś wysłały żołnierzy."
    analysis = Analysis(article=Article(id="t", text=text), entities=[
        Entity(id="GPE:RUS", type="GPE", name="Rosja", mentions=[Mention(start=0, end=5, text="Rosja", base="Rosja")]),
        Entity(id="GPE:BLR", type="GPE", name="Białoruś", mentions=[Mention(start=8, end=16, text="Białoruś", base="Białoruś")]),
    ])
    doc = spacy.blank("pl")(text)
    assert marked_sentence(doc[:], mention_marks(analysis)).plain == "Rosja[GPE:RUS] i Białoruś[GPE:BLR] wysłały żołnierzy."


# ---------------------------------------------------------------- dropped subjects and names next to media


def test_a_dropped_subject_of_saying_is_the_last_person_of_its_gender_before_an_organisation():
    from kronika.extract.speaker_discourse import History, Speaker
    history = History()
    minister = Speaker("PER:kowalski", "Jan Kowalski", True, "m")
    history.remember(0, minister, False)
    history.remember(10, Speaker("rząd", "rząd", False, "m"), False)
    assert history.previous_person(20, "m") == minister
    assert history.previous(20, "m").name == "rząd"  # a clause's subject: the last one spoken of
    assert history.previous_person(20, "f") is None
    alone = History()
    alone.remember(10, Speaker("rząd", "rząd", False, "m"), False)
    assert alone.previous_person(20, "m").name == "rząd"  # no person: the organisation


def test_an_abbreviated_adverb_is_no_word_of_a_name():
    from kronika.extract.speakers import _abbreviated_adverb
    assert _abbreviated_adverb("M.in") and _abbreviated_adverb("m.in.")
    assert not any(_abbreviated_adverb(w) for w in ("J.K.", "J.Ł.", "tj.", "Tusk"))


@pytest.mark.model
def test_a_dropped_subject_of_a_speech_verb_prefers_a_person_to_an_organisation(trained):
    text = "Minister Jan Kowalski przyjechał do Brukseli. Rząd przyjął wczoraj nowy budżet. Zapowiedział, że Polska poprze ten projekt."
    assert [q[2] for q in quotes(trained, text)] == ["Jan Kowalski"]
    text = "Rząd przyjął wczoraj nowy budżet. Zapowiedział, że Polska poprze ten projekt."
    assert [q[2] for q in quotes(trained, text)] == ["Rząd"]


@pytest.mark.model
def test_a_persons_name_does_not_run_over_a_medium_in_the_genitive_before_it(trained):
    text = "Jak powiedziała agencji Reutera Solberg, rząd nie zmieni zdania."
    assert [q[2] for q in quotes(trained, text)] == ["Solberg"]


@pytest.mark.model
def test_the_subject_of_a_hearsay_verb_agrees_with_its_finite_verb(trained):
    text = ("Asia Bibi jest wolna.\n\n„Dziękuję Bogu. Niech Pan będzie uwielbiony za moją wolność” – te słowa niezłomna "
            "chrześcijanka miała wypowiedzieć po opuszczeniu więzienia w Multanie, gdzie w odosobnieniu spędziła ostatnie lata.")
    assert [q[2:] for q in quotes(trained, text)] == [("Asia Bibi", "miała wypowiedzieć")]


@pytest.mark.model
def test_a_role_is_not_bound_to_a_name_in_the_next_sentence(trained):
    text = ("„Dokąd zmierza to społeczeństwo?” – zapytał retorycznie pakistański działacz. "
            "Sprawa 46-letniej obecnie Asi Bibi ciągnie się od lat.")
    assert [q[2] for q in quotes(trained, text)] == ["pakistański działacz"]


@pytest.mark.model
def test_an_abbreviated_adverb_before_a_subject_is_not_its_name(trained):
    text = "Umowa nie spodobała się zwolennikom brexitu. M.in Richard Tice uznał, że umowa jest zła."
    assert [q[2] for q in quotes(trained, text)] == ["Richard Tice"]

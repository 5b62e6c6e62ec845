"""Speaker rules: parse and tagger slips, names, roles, relays and impersonal sources
(docs/annotation/quotes.md §5)."""
from __future__ import annotations

import pytest

from kronika.extract.entities import entities_from_doc
from kronika.extract.quotes import quotes_from_doc
from kronika.model import Article

from .given_ents import doc_with_ents
from .test_quotes import person, rules, trained  # noqa: F401 (the fixtures)


def speakers(nlp, text: str, *ents: tuple[str, str], entities=()) -> list[str]:
    """The speakers of the quotes found, the NER's spans given by ``ents`` (or the model's) and
    the entities made from them, ``entities`` as well."""
    doc = doc_with_ents(nlp, text, *ents) if ents else nlp(text)
    found = quotes_from_doc(doc, Article(id="t", text=text), [*entities_from_doc(doc), *entities])
    return [q.speaker_name for q in found]


# ---------------------------------------------------------------- helpers


def test_same_or_a_letter_slipped_in():
    from kronika.extract.speaker_names import _same_or_slipped
    assert _same_or_slipped("Rebecca", "Rebbecca") and _same_or_slipped("Rebbecca", "rebecca")
    assert not _same_or_slipped("Asia", "Asif") and not _same_or_slipped("Rebecca", "Rebeka")


def test_a_counted_noun_phrase_has_a_plural_nominative(rules):
    from kronika.extract.speaker_morphology import plural_nominative
    doc = rules("kilka partii i wielu pakistańskich dziennikarzy")
    assert plural_nominative([doc[1]], doc[1]) == "partie"
    assert plural_nominative([doc[4], doc[5]], doc[5]) == "pakistańscy dziennikarze"


def test_a_first_or_second_person_verb_agrees_with_no_noun(rules):
    from kronika.extract.speaker_morphology import agrees
    doc = rules("Mówię jako Brytyjczyk. Mówisz ty. Mówi Brytyjczyk.")
    assert not agrees(doc[0], doc[2]) and agrees(doc[4], doc[5]) and agrees(doc[7], doc[8])


def test_a_name_that_does_not_decline_keeps_its_cases_under_a_slipped_gender(rules):
    from kronika.extract.speaker_morphology import cases_of
    doc = rules("przez premier Theresę May")
    may = doc[3]
    may.tag_ = "subst:sg:nom:f"
    assert "acc" in cases_of(may)
    may.tag_ = "subst:sg:nom:m1"  # the tagger's gender slip: May is still any case
    assert "acc" in cases_of(may)
    doc = rules("rzecznik Kowalskiego")
    doc[1].tag_ = "subst:sg:gen:m1"
    assert cases_of(doc[1]) <= {"gen", "acc"}


# ---------------------------------------------------------------- subjects


@pytest.mark.model
def test_a_role_does_not_take_up_a_person_who_spoke_under_another_role(trained):
    text = ("Minister ds. religii Noor-ul-Haq Qadri ogłosił, że władze nie pozwolą Bibi opuścić kraju.\n\n"
            "- W obecnej sytuacji nie mogę mieszkać w Pakistanie - powiedział adwokat przed wejściem na pokład samolotu.")
    found = speakers(trained, text)
    assert found[0] == "Noor-ul-Haq Qadri" and found[1] != "Noor-ul-Haq Qadri"  # the lawyer is not the minister
    text = ("Premier Imran Khan zapowiedział, że rząd nie ustąpi.\n\n"
            "- Nie pozwolimy na żadne zniszczenia - powiedział szef rządu.")
    assert speakers(trained, text) == ["Imran Khan", "Imran Khan"]  # a generic word for an official still does


@pytest.mark.model
def test_the_noun_after_the_verb_of_a_trailing_clause_is_its_subject(trained):
    text = ("Pięciopunktowy tekst umowy między pakistańskim rządem a islamistami przewiduje m.in., że rząd nie sprzeciwi się "
            "złożeniu wniosku o rewizję orzeczenia Sądu Najwyższego oraz podejmie procedurę zakazującą Asi Bibi opuszczenie "
            "kraju - precyzuje AFP.")
    assert speakers(trained, text) in (["AFP"], ["Agence France-Presse"])  # the agency's entity, by either name


@pytest.mark.model
def test_a_first_person_verb_takes_no_noun_after_it_as_subject(trained):
    text = ("- Nie wiem, jak to się skończy - podkreślił John Lawson.\n\n- Mówię jako Brytyjczyk we Francji - nie "
            "staram się o obywatelstwo - nie martwię się - zaznaczył.")
    assert speakers(trained, text, ("John Lawson", "persName"), ("Brytyjczyk", "persName")) == ["John Lawson"] * 2


@pytest.mark.model
def test_an_object_after_a_directive_verb_is_no_subject(trained):
    text = ('"Oni wszyscy zasługują na śmierć" - oświadczył Muhammad Afzal Qadri. Wezwał także nowy rząd Khana do '
            "ustąpienia oraz, by wojskowi wystąpili przeciwko dowódcy.")
    assert speakers(trained, text, ("Muhammad Afzal Qadri", "persName"), ("Khana", "persName")) == ["Muhammad Afzal Qadri"] * 2


@pytest.mark.model
def test_an_agency_before_the_subject_is_its_addressee(trained):
    text = "Jak poinformowały AFP pakistańskie służby więzienne, nakaz zwolnienia przyszedł w środę do więzienia."
    assert speakers(trained, text, ("AFP", "orgName")) == ["pakistańskie służby więzienne"]


@pytest.mark.model
def test_a_name_with_a_relative_clause_is_the_subject_of_the_verb_after_it(trained):
    text = ("W rozmowie telefonicznej z Agencją Reutera Saif Mulook, który od soboty jest w Holandii i tam wystąpił o azyl, "
            "potwierdził, że jego klientkę zwolniono.")
    assert speakers(trained, text, ("Saif Mulook", "persName")) == ["Saif Mulook"]


@pytest.mark.model
def test_a_quantified_subject_is_a_plural_description(trained):
    text = "Wcześniej w holenderskim parlamencie kilka partii deklarowało, że poprze decyzję o udzieleniu schronienia."
    assert speakers(trained, text) == ["partie"]
    text = "Asia Bibi napiła się wody. Niektóre z muzułmańskich sąsiadek uznały, że woda stała się nieczysta."
    assert speakers(trained, text, ("Asia Bibi", "persName")) == ["muzułmańskie sąsiadki"]


@pytest.mark.model
def test_a_subject_before_another_verb_belongs_to_it(trained):
    text = ("Pakistańscy imamowie chcą powieszenia Bibi Pakistańscy przywódcy duchowi domagają się stracenia kobiety. "
            "Ich zdaniem odwlekanie egzekucji podważa zaufanie do sądów.")
    assert [s.casefold() for s in speakers(trained, text)] == ["pakistańscy przywódcy duchowi"]


@pytest.mark.model
def test_a_subject_after_the_verb_wins_over_an_object_before_it(trained):
    text = ("W czwartek głos zabierze także były premier Wielkiej Brytanii Tony Blair, który w Brukseli wezwie liderów do "
            "działania. Jego zdaniem takie ustępstwa mogłyby pomóc doprowadzić do drugiego referendum.")
    assert speakers(trained, text, ("Tony Blair", "persName")) == ["Tony Blair"]


# ---------------------------------------------------------------- names and roles


@pytest.mark.model
def test_a_name_the_ner_typed_as_a_place_closes_a_role(trained):
    text = ("Minister ds. religii i harmonii międzywyznaniowej Noor-ul-Haq Qadri ogłosił, że władze nie pozwolą "
            "Bibi opuścić kraju.")
    assert speakers(trained, text, ("ul-Haq Qadri", "geogName")) == ["Noor-ul-Haq Qadri"]


@pytest.mark.model
def test_a_name_with_a_particle_after_a_spaced_hyphen_and_its_role_later(trained):
    text = ("Wcześniej prawnik chrześcijanki Saif -ul Malook zapowiadał, że Asia Bibi będzie musiała wyjechać. "
            "Minister Fawad Chaudhry powiedział, że rząd zgodził się na negocjacje. Dodał, że potrzebne są działania. "
            "Obrońca kobiety twierdzi, że w kraju grozi jej śmierć.")
    found = speakers(trained, text, ("Saif", "persName"), ("Asia Bibi", "persName"), ("Fawad Chaudhry", "persName"))
    assert found[0] == "Saif -ul Malook" and found[-1] == "Saif -ul Malook"


@pytest.mark.model
def test_a_name_after_a_second_role_noun_is_that_role_s(trained):
    text = "W poniedziałek rzecznik premier May jednoznacznie zapowiedział, że Wielka Brytania opuści unię celną."
    may = person(text, "Theresa May", "May")
    assert speakers(trained, text, entities=[may]) == ["rzecznik premier May"]


@pytest.mark.model
def test_a_first_name_alone_is_the_fuller_name_one_letter_apart(trained):
    text = ("Papież spotkał się z Bitrus.\n\nRebbecca Bitrus padła ofiarą napadu terrorystów. "
            "Rebecca wyznała też, że z głębi serca przebaczyła prześladowcom.")
    assert speakers(trained, text, ("Bitrus", "persName"), ("Bitrus", "persName"), ("Rebecca", "persName")) == ["Rebbecca Bitrus"]


@pytest.mark.model
def test_a_plural_role_is_no_single_person_and_a_possessive_is_the_person_named_before(trained):
    text = ("Sprawa 46-letniej obecnie Asi Bibi ciągnie się od 2009 roku, gdy zatrzymał ją Mumtaz Qadri. Chodziło o to, że gdy "
            "chciała napić się wody, jej sąsiadki-muzułmanki zażądały od niej, aby przeszła na islam.")
    assert speakers(trained, text, ("Asi Bibi", "persName"), ("Mumtaz Qadri", "persName")) == ["sąsiadki-muzułmanki Asi Bibi"]


# ---------------------------------------------------------------- sources


@pytest.mark.model
def test_a_content_clause_relayed_by_a_trailing_medium_is_its_speakers(trained):
    text = ("Brytyjski minister ds. Brexitu David Davis zapewnił posłów Partii Konserwatywnej, że rząd nie przekaże "
            'pieniędzy do budżetu UE - podał w czwartek "The Times".')
    assert speakers(trained, text, ("David Davis", "persName")) == ["David Davis"]


@pytest.mark.model
def test_an_impersonal_verb_in_a_ruling_is_the_courts(trained):
    text = ("Sąd Najwyższy uniewinnił Aasię Bibi. Sędzia Saqib Nisar nakazał jej uwolnienie. W uzasadnieniu wyroku "
            "podkreślono, że decyzja sądu pierwszej instancji została podjęta pochopnie.")
    court = person(text, "Sąd Najwyższy", "Sąd Najwyższy", type_="ORG")
    assert speakers(trained, text, ("Saqib Nisar", "persName"), entities=[court]) == ["Sąd Najwyższy"]


@pytest.mark.model
def test_a_bare_media_noun_is_the_medium_named_before(trained):
    text = ('Porozumienie skrytykował pakistański dziennik "Dawn". "Jeszcze jeden rząd skapitulował wobec ekstremistów" - '
            "czytamy w artykule wstępnym gazety.")
    assert speakers(trained, text) == ["Dawn"]


@pytest.mark.model
def test_a_name_after_a_relative_is_the_relatives_possessor(trained):
    text = 'Wzruszające świadectwo córki Asii Bibi: „Nie mogę się doczekać, aż przytulę mamę”.'
    assert speakers(trained, text, ("Asii Bibi", "persName")) == ["córka Asii Bibi"]

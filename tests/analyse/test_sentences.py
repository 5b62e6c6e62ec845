"""Rule-based sentence boundaries."""
from __future__ import annotations

import pytest

from kronika.analyse.sentences import SentenceRules


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Wezwał m.in. Rosję na pomoc. Tokajew ogłosił sukces.", 2),
        ("Przyszedł prof. Nowak. Potem wyszedł.", 2),
        ("Spotkali się na ul. Długiej w Warszawie.", 1),
        ("Zob. art. 5 ust. 2 ustawy.", 1),
        ("Przemawiał J. Kowalski, a potem A. B. Nowak.", 1),
        ("Zeznawała sąsiadka Dariusza M. Podkreślam jednak, że to korekta.", 2),  # a first name's initial
        ("Zeznawała sąsiadka Dariusza M. Kowalskiego.", 1),  # a surname follows
        ("Suplikuję W. Panu o tych prawach.", 1),  # no first name before the letter
        ("To domena profesjonalistów. * „Na dobre zacząłem śpiewać” - mówi.", 2),  # a bullet
        ("Obchodzono 10. rocznicę wybuchu.", 1),
        ("Trwa to ok. 5 min. Potem koniec.", 2),
        ("Czy to prawda?! Tak.", 2),
        ("Nie wiem... Może jutro.", 2),
        ("Nie wiem... może jutro.", 1),
        ("Krzyknął „Stop!” i uciekł.", 1),
        ("Rząd chce, by Wlk. Brytania została. Potem Wlk. Brytanii nic nie zostało.", 2),
    ],
)
def test_abbreviations_initials_and_punctuation(sentences, text, expected):
    assert len(sentences(text)) == expected, sentences(text)


def test_a_year_abbreviation_ends_a_sentence_before_a_capital(sentences):
    assert sentences("Umowę podpisano w 2022 r. W lutym weszła w życie.") == [
        "Umowę podpisano w 2022 r.",
        "W lutym weszła w życie.",
    ]
    assert len(sentences("W 2022 r. podpisano umowę.")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Sytuacja jest trudna. W marcu br. Davis skrytykował unijne plany.",
        "Sytuacja jest trudna. W 2003 r. Tony Blair przyłączył się do ataku.",
        "Rzecz w tym, że gdy 29 marca 2019 r. Wielka Brytania przestanie być członkiem, nic się nie zmieni.",
    ],
)
def test_a_year_abbreviation_in_a_clause_without_a_verb_yet_opens_it(sentences, text):
    # ``W marcu br. Davis ...``: no word before the dot can be a verb, so the time phrase opens its clause
    assert sentences(text)[-1].startswith(("W ", "Rzecz")) and len(sentences(text)) == text.count("trudna.") + 1


def test_the_closing_quote_belongs_to_the_sentence_before(sentences):
    assert sentences('Ogłosił: "Przywrócono porządek." Potem wyjechał.') == [
        'Ogłosił: "Przywrócono porządek."',
        "Potem wyjechał.",
    ]
    assert sentences("Powiedział: »Tak.« Wyszedł.")[0] == "Powiedział: »Tak.«"
    assert sentences("(Debiutowałem wierszem.) Nie piszę.") == ["(Debiutowałem wierszem.)", "Nie piszę."]


def test_dialogue_dashes(sentences):
    assert sentences("- Tak - powiedział. - Nie wiem - odparła.") == [
        "- Tak - powiedział.",
        "- Nie wiem - odparła.",
    ]
    assert len(sentences("- Tak! - krzyknął.")) == 1
    assert len(sentences("Zakończył mówić. - Dobrze.")) == 2


def test_paragraphs_and_headlines_end_sentences(sentences):
    assert sentences("Nagłówek bez kropki\nPierwsze zdanie tekstu.") == [
        "Nagłówek bez kropki",
        "Pierwsze zdanie tekstu.",
    ]
    assert len(sentences("zdanie dzielone\nw pół.")) == 1
    assert len(sentences("akapit bez kropki\n\ni dalej.")) == 2


def test_every_token_is_decided(nlp):
    doc = nlp("Ala ma kota. Prof. Nowak tu był.")
    assert all(t.is_sent_start is not None for t in doc)


def test_without_fill_undecided_tokens_are_left_to_a_model(nlp):
    doc = SentenceRules(fill=False)(nlp.make_doc("Ala ma kota. Prof. Nowak tu był. - Tak! - krzyknął."))
    starts = {t.text: t.is_sent_start for t in doc}
    assert doc[0].is_sent_start is True
    assert starts["ma"] is None and starts["Prof"] is True and starts["Nowak"] is False
    assert starts["krzyknął"] is None
    assert [t.is_sent_start for t in doc if t.text == "-"] == [True, False]


def test_the_seed_article(seed_doc):
    sents = [s.text.strip() for s in seed_doc.sents]
    dialogue = [s for s in sents if s.startswith("- Jak powiedział")]
    assert dialogue == [
        "- Jak powiedział Kasym-Żomart Tokajew ich atak na Kazachstan, atak na państwo, był aktem agresji, "
        "całkowicie się z tym zgadzam - stwierdził prezydent Rosji."
    ]
    assert "Środki podjęte przez ODKB pokazują, że nie pozwolimy na realizację scenariusza tzw. kolorowych "\
        "rewolucji Władimir Putin, prezydent Rosji" in sents
    assert any(s.startswith("- Środki podjęte") and s.endswith("rewolucji róż w Gruzji.") for s in sents)
    assert "Niemal natychmiast żołnierzy do Kazachstanu wysłały Rosja i Białoruś." in sents


def test_unpunctuated_boundaries_are_left_to_the_senter(nlp):
    """With ``unpunctuated``, a capitalised word after a word on the same line is undecided
    (None); everything else is decided as before."""
    from kronika.analyse.sentences import SentenceRules

    doc = SentenceRules(unpunctuated=True)(nlp.make_doc("Brexit nie będzie Jedna trzecia zostaje: Potem przyszła Partia Pracy. Stop"))
    starts = {t.text: t.is_sent_start for t in doc}
    assert starts["Jedna"] is None and starts["Potem"] is None and starts["zostaje"] is False and starts["Stop"] is True
    assert starts["Partia"] is False  # the next word is capitalised: a name may go on

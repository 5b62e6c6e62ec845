"""kronika's tokenizer follows the NKJP / UD PDB segmentation."""
from __future__ import annotations

import pickle

import pytest
import spacy

from kronika.analyse.pipeline import load
from kronika.analyse.tokenizer import PolishTokenizer, customize_tokenizer


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("m.in. Rosję", ["m.in", ".", "Rosję"]),
        ("tzw. kolorowych", ["tzw", ".", "kolorowych"]),
        ("w 2022 r.", ["w", "2022", "r", "."]),
        ("prof. dr hab. Jan Nowak", ["prof", ".", "dr", "hab", ".", "Jan", "Nowak"]),
        ("ul. Długa, godz. 12:30", ["ul", ".", "Długa", ",", "godz", ".", "12:30"]),
        ("Nowak S.A.", ["Nowak", "S.A", "."]),
        ("sp. z o.o.", ["sp", ".", "z", "o.o", "."]),
        ("1500 m n.p.m.", ["1500", "m", "n.p.m", "."]),
        ("w 50 r. p.n.e.", ["w", "50", "r", ".", "p.n.e", "."]),
    ],
)
def test_abbreviations_keep_inner_dots_and_lose_the_final_one(tokenize, text, tokens):
    assert tokenize(text) == tokens


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("10.01.2022", ["10.01.2022"]),
        ("1,5 mln zł", ["1,5", "mln", "zł"]),
        ("2.812 pkt", ["2.812", "pkt"]),
        ("o 8.00 i 12:30", ["o", "8.00", "i", "12:30"]),
        ("wygrali 2:0", ["wygrali", "2", ":", "0"]),
        ("w latach 2007-2010", ["w", "latach", "2007", "-", "2010"]),
        ("Było to 10.01.2022.", ["Było", "to", "10.01.2022", "."]),
        ("kampania Leave.EU i koniec.Nowe", ["kampania", "Leave.EU", "i", "koniec", ".", "Nowe"]),  # a name as an address
        ("z Farage’a i „Nie”.", ["z", "Farage’a", "i", "„", "Nie", "”", "."]),  # an inflected name, then quotes
    ],
)
def test_numbers_dates_and_times(tokenize, text, tokens):
    assert tokenize(text) == tokens


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("biało-czerwony", ["biało", "-", "czerwony"]),
        ("Bielsku-Białej", ["Bielsku", "-", "Białej"]),
        ("Kasym-Żomart", ["Kasym", "-", "Żomart"]),
        ("polsko-rosyjski", ["polsko", "-", "rosyjski"]),
        ("kung-fu", ["kung-fu"]),
        ("e-sporcie", ["e-sporcie"]),
        ("14-latka", ["14-latka"]),
        ("3,5-kilogramowe", ["3,5-kilogramowe"]),
        ("PiS-u", ["PiS-u"]),
        ("PRL-owskiego", ["PRL-owskiego"]),
        ("F-16", ["F-16"]),
        ("COVID-19", ["COVID-19"]),
    ],
)
def test_hyphenated_words_split_as_in_pdb(tokenize, text, tokens):
    assert tokenize(text) == tokens


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("zrobiłem", ["zrobił", "em"]),
        ("Zrobiłam", ["Zrobiła", "m"]),
        ("powinniśmy", ["powinni", "śmy"]),
        ("mógłbyś", ["mógł", "by", "ś"]),
        ("byłoby", ["było", "by"]),
        ("żebym", ["żeby", "m"]),
        ("gdybyśmy", ["gdyby", "śmy"]),
        ("miałem", ["miał", "em"]),
        ("wytuszowałam", ["wytuszowała", "m"]),  # unknown to Morfeusz: by pattern
        ("żeby", ["żeby"]),
        ("coś", ["coś"]),
        ("kiedyś", ["kiedyś"]),
        ("czym", ["czym"]),
        ("udziałem", ["udziałem"]),
    ],
)
def test_agglutinates_become_tokens_with_no_space_before(nlp, text, tokens):
    doc = nlp.make_doc(text)
    assert [t.text for t in doc] == tokens
    assert all(not t.whitespace_ for t in doc[:-1])


def test_dialogue_dash_and_quotes_are_tokens(tokenize):
    assert tokenize('-Tak - powiedział. „Nie” i ,,tak"') == [
        "-", "Tak", "-", "powiedział", ".", "„", "Nie", "”", "i", ",,", "tak", '"'
    ]


def test_the_seed_article(seed_doc):
    tokens = [t.text for t in seed_doc]
    assert tokens[tokens.index("Kasym") : tokens.index("Kasym") + 4] == ["Kasym", "-", "Żomart", "Tokajew"]
    assert "m.in" in tokens and "tzw" in tokens and "LPG" in tokens
    assert tokens[tokens.index("LPG") - 1 : tokens.index("LPG") + 2] == ["(", "LPG", ")"]
    assert seed_doc.text == seed_doc.text  # the tokens cover the text exactly
    assert "".join(t.text_with_ws for t in seed_doc) == seed_doc.text


def test_customize_tokenizer_is_idempotent_and_survives_disk(tmp_path):
    nlp = load(rules_only=True)
    customize_tokenizer(nlp)
    assert isinstance(nlp.tokenizer, PolishTokenizer)
    assert isinstance(nlp.tokenizer.base, spacy.tokenizer.Tokenizer)
    nlp.to_disk(tmp_path)
    loaded = spacy.load(tmp_path)
    customize_tokenizer(loaded)  # the rules live in code and data, so re-apply after loading
    assert [t.text for t in loaded("Zrobiłem to.")] == ["Zrobił", "em", "to", "."]


def test_the_registered_tokenizer_and_pickling():
    nlp = spacy.blank("pl", config={"nlp": {"tokenizer": {"@tokenizers": "kronika.PolishTokenizer.v1"}}})
    assert [t.text for t in nlp("Mógłbyś?")] == ["Mógł", "by", "ś", "?"]
    copy = pickle.loads(pickle.dumps(nlp))
    assert [t.text for t in copy("m.in. tu")] == ["m.in", ".", "tu"]


def test_an_ellipsis_of_dots_is_a_token_a_dot(tokenize):
    assert tokenize("Powiedz... [...] to") == ["Powiedz", ".", ".", ".", "[", ".", ".", ".", "]", "to"]
    assert tokenize("Tak…") == ["Tak", "…"]


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("w nast. tygodniu", ["w", "nast", ".", "tygodniu"]),
        ("w przysz. roku", ["w", "przysz", ".", "roku"]),
        ("w najbl. czwartek", ["w", "najbl", ".", "czwartek"]),
    ],
)
def test_time_abbreviations_keep_their_dot_apart(tokenize, text, tokens):
    assert tokenize(text) == tokens


@pytest.mark.parametrize("text", [
    "Szczyt odbędzie się w nast. tygodniu w Brukseli.",
    "Wybory odbędą się w przysz. roku.",
    "Premier spotka się z nim w najbl. czwartek w Warszawie.",
])
def test_time_abbreviations_do_not_end_the_sentence(sentences, text):
    assert sentences(text) == [text]

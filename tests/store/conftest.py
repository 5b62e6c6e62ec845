"""A hand-made analyser (no model) and small articles for the store's tests."""
from __future__ import annotations

import re

import pytest

from kronika.model import Analysis, Article, Entity, Event, EventActor, Mention, Quote, TimeExpression
from kronika.store import Analysed, Store

# form -> (entity id, type, base form of the form, entity name, country)
NAMES = {
    "Tokajew": ("PER:tokajew", "PER", "Tokajew", "Tokajew", "KAZ"),
    "Tokajewa": ("PER:tokajew", "PER", "Tokajew", "Tokajew", "KAZ"),
    "Tokajewowi": ("PER:tokajew", "PER", "Tokajew", "Tokajew", "KAZ"),
    "Putin": ("PER:władimir-putin", "PER", "Putin", "Władimir Putin", "RUS"),
    "Putina": ("PER:władimir-putin", "PER", "Putin", "Władimir Putin", "RUS"),
    "Kazachstan": ("GPE:KAZ", "GPE", "Kazachstan", "Kazachstan", "KAZ"),
    "Kazachstanie": ("GPE:KAZ", "GPE", "Kazachstan", "Kazachstan", "KAZ"),
    "Rosja": ("GPE:RUS", "GPE", "Rosja", "Rosja", "RUS"),
    "Rosji": ("GPE:RUS", "GPE", "Rosja", "Rosja", "RUS"),
}
LEMMAS = {"protestowali": "protestować", "protesty": "protest", "protestów": "protest", "ceny": "cena",
          "gazu": "gaz", "powiedział": "powiedzieć", "wojska": "wojsko"}
WORD = re.compile(r"\w+")
QUOTE = re.compile(r"„([^”]+)” - powiedział (\w+)")


def fake_analysis(article: Article) -> Analysed:
    """Entities from NAMES, a direct quote for „...” - powiedział X, a PROTEST event for protest words."""
    entities: dict[str, Entity] = {}
    for m in WORD.finditer(article.text):
        if m.group() in NAMES:
            id_, type_, base, name, country = NAMES[m.group()]
            entity = entities.setdefault(id_, Entity(id=id_, type=type_, name=name, country=country))
            entity.mentions.append(Mention(start=m.start(), end=m.end(), text=m.group(), base=base))
    quotes = [
        Quote(kind="direct", text=q.group(1), start=q.start(1), end=q.end(1), speaker=NAMES[q.group(2)][0],
              speaker_name=NAMES[q.group(2)][3], cue="powiedział", cue_lemma="powiedzieć")
        for q in QUOTE.finditer(article.text) if q.group(2) in NAMES
    ]
    events = [
        Event(type="PROTEST", mode="demo", trigger=m.group(), evidence=(0, len(article.text)),
              actor=[EventActor(name="protestujący", country="KAZ", sector="CVL")],
              recipient=[EventActor(entity="PER:tokajew", country="KAZ")] if "PER:tokajew" in entities else [])
        for m in re.finditer(r"protest\w*", article.text)
    ][:1]
    times = [TimeExpression(text="w styczniu", start=0, end=1, value=article.date, precision=article.date_precision)]
    lemmas = " ".join(LEMMAS.get(w, NAMES[w][2] if w in NAMES else w).lower() for w in WORD.findall(article.text))
    analysis = Analysis(article=article, entities=list(entities.values()), quotes=quotes, events=events, times=times)
    return Analysed(analysis, lemmas)


class FakeAnalyser:
    """A picklable analyser factory (worker processes call it once each)."""

    def __call__(self):
        return fake_analysis


class FailingAnalyser:
    """Fails on articles whose text contains BOOM."""

    def __call__(self):
        def analyse(article: Article) -> Analysed:
            if "BOOM" in article.text:
                raise ValueError("the analyser exploded")
            return fake_analysis(article)

        return analyse


def article(id: str, text: str, date: str = "2022-01-10", source: str | None = None, **fields) -> Article:
    precision = {4: "year", 7: "month", 10: "day"}[len(date)]
    return Article(id=id, text=text, date=date, date_precision=precision, source=source or f"{id}.txt", **fields)


FILLER = ("Władze w stolicy zapowiedziały dalsze rozmowy z przedstawicielami regionów oraz przegląd "
          "cen energii w kolejnych miesiącach bieżącego roku. ")
ARTICLES = [
    article("a1", "Tokajew w Kazachstanie. Ludzie protestowali przeciw cenom gazu. „Przywrócono porządek” - powiedział Tokajew. " + FILLER, "2022-01-10"),
    article("a2", "Putin rozmawiał z Tokajewowi o sytuacji. Wojska z Rosji wyjechały. „Mamy sukces” - powiedział Putin. " + FILLER * 2, "2022-01-20"),
    article("a3", "Wybory w Rosji odbyły się spokojnie, a media pisały o frekwencji. " + FILLER * 3, "2021-09"),
]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "test.db") as opened:
        yield opened


@pytest.fixture
def filled(store):
    report = store.ingest(ARTICLES, analyser=FakeAnalyser())
    assert report.failed == 0
    return store

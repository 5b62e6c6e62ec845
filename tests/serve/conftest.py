"""A small knowledge base built by hand through the store's own writing code (no model needed)."""
from __future__ import annotations

import pytest

from kronika.model import Analysis, Article, Entity, Event, EventActor, Mention, Quote

SEED_TEXT = (
    'Prezydent Kazachstanu Kasym-Żomart Tokajew poprosił ODKB o pomoc. Tokajew ogłosił, że w Kazachstanie '
    '"przywrócono porządek".\n\nRosja wysłała żołnierzy do Kazachstanu. - Nie pozwolimy na kolorowe '
    'rewolucje - powiedział Władimir Putin.'
)
EVIL_TEXT = 'Tytuł <script>alert("x")</script> i <b>pogrubienie</b> & "cudzysłów" mówi Putin.'


def _find(text: str, piece: str, after: int = 0) -> tuple[int, int]:
    start = text.index(piece, after)
    return start, start + len(piece)


def _mention(text: str, piece: str, base: str, after: int = 0) -> Mention:
    s, e = _find(text, piece, after)
    return Mention(start=s, end=e, text=piece, base=base)


def seed_analysis() -> tuple[Analysis, str]:
    t = SEED_TEXT
    tokajew = Entity(
        id="PER:kasym-żomart-tokajew", type="PER", subtype="persName", name="Kasym-Żomart Tokajew",
        aliases=["Tokajew"], country="KAZ",
        mentions=[_mention(t, "Kasym-Żomart Tokajew", "Kasym-Żomart Tokajew"), _mention(t, "Tokajew ogłosił", "Tokajew ogłosić")],
    )
    tokajew.mentions[1] = _mention(t, "Tokajew", "Tokajew", after=tokajew.mentions[0].end)
    putin = Entity(id="PER:władimir-putin", type="PER", name="Władimir Putin", aliases=["Putin"], country="RUS",
                   mentions=[_mention(t, "Władimir Putin", "Władimir Putin")])
    kaz = Entity(id="GPE:KAZ", type="GPE", name="Kazachstan", country="KAZ",
                 mentions=[_mention(t, "Kazachstanu", "Kazachstan"), _mention(t, "Kazachstanie", "Kazachstan"),
                           _mention(t, "Kazachstanu", "Kazachstan", after=100)])
    csto = Entity(id="ORG:CSTO", type="ORG", name="Organizacja Układu o Bezpieczeństwie Zbiorowym",
                  aliases=["ODKB"], country="CSTO", mentions=[_mention(t, "ODKB", "ODKB")])
    rus = Entity(id="GPE:RUS", type="GPE", name="Rosja", country="RUS", mentions=[_mention(t, "Rosja", "Rosja")])
    qs, qe = _find(t, "przywrócono porządek")
    ps, pe = _find(t, "Nie pozwolimy na kolorowe rewolucje")
    quotes = [
        Quote(kind="mixed", text="przywrócono porządek", start=qs, end=qe, speaker=tokajew.id,
              speaker_name="Kasym-Żomart Tokajew", cue="ogłosił", cue_lemma="ogłosić"),
        Quote(kind="direct", text="Nie pozwolimy na kolorowe rewolucje", start=ps, end=pe, speaker=putin.id,
              speaker_name="Władimir Putin", cue="powiedział", cue_lemma="powiedzieć"),
    ]
    rs, re_ = _find(t, "Prezydent Kazachstanu Kasym-Żomart Tokajew poprosił ODKB o pomoc.")
    as_, ae = _find(t, "Rosja wysłała żołnierzy do Kazachstanu.")
    events = [
        Event(type="REQUEST", actor=[EventActor(entity=tokajew.id, name=tokajew.name, country="KAZ", sector="GOV")],
              recipient=[EventActor(entity=csto.id, name=csto.name, country="CSTO")], date="2022-01",
              date_precision="month", trigger="poprosił", evidence=(rs, re_)),
        Event(type="AID", mode=None, context=["military"], actor=[EventActor(entity=rus.id, name="Rosja", country="RUS")],
              recipient=[EventActor(entity=kaz.id, name="Kazachstan", country="KAZ")], date="2022-01",
              date_precision="month", trigger="wysłała", evidence=(as_, ae)),
    ]
    article = Article(id="seed-1", text=t, date="2022-01", date_precision="month", title="Tokajew prosi ODKB o pomoc",
                      source="test", format="seed")
    lemmas = ("prezydent kazachstan kasym-żomart tokajew poprosić odkb o pomoc tokajew ogłosić że w kazachstan "
              "przywrócić porządek rosja wysłać żołnierz do kazachstan nie pozwolić na kolorowy rewolucja "
              "powiedzieć władimir putin")
    return Analysis(article=article, entities=[tokajew, putin, kaz, csto, rus], quotes=quotes, events=events), lemmas


def evil_analysis() -> tuple[Analysis, str]:
    t = EVIL_TEXT
    putin = Entity(id="PER:władimir-putin", type="PER", name="Władimir Putin", aliases=["Putin"], country="RUS",
                   mentions=[_mention(t, "Putin", "Putin")])
    s, e = _find(t, '<script>alert("x")</script>')
    quote = Quote(kind="direct", text=t[s:e], start=s, end=e, speaker=putin.id, speaker_name="Władimir Putin")
    article = Article(id="evil-<1>", text=t, date="2023-03-05", date_precision="day",
                      title='Zły <script>alert("t")</script> tytuł', source="test")
    return Analysis(article=article, entities=[putin], quotes=[quote]), "tytuł script alert x i b pogrubienie mówić putin"


def build_db(path, analyses) -> None:
    """Ingest the articles of ``analyses`` through the store, with their hand-made analyses."""
    from kronika.store import Analysed, Store

    by_id = {analysis.article.id: Analysed(analysis, lemmas) for analysis, lemmas in analyses}
    with Store(path) as store:
        report = store.ingest([a.article for a, _ in analyses], analyser=lambda: lambda article: by_id[article.id])
    assert report.outcomes["analysed"] == len(analyses), report.to_dict()


@pytest.fixture(scope="session")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve") / "kronika.db"
    build_db(path, [seed_analysis(), evil_analysis()])
    return path


@pytest.fixture(scope="session")
def client(db_path):
    from fastapi.testclient import TestClient

    from kronika.serve import create_app

    with TestClient(create_app(db_path)) as c:
        yield c

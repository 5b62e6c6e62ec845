"""PLOVER events (kronika.extract.events): hand-parsed sentences for the rules, the trained
pipeline on hand-made sentences and on the seed article (marked ``model``)."""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

import kronika
from kronika.analyse.morfeusz import register_extensions
from kronika.analyse.pipeline import DEFAULT_MODEL
from kronika.extract.entities import entities_from_doc
from kronika.extract.event_roles import code_of
from kronika.extract.event_triggers import find_triggers, token_lemmas
from kronika.extract.events import events_from_doc
from kronika.extract.times import find_times
from kronika.model import Article, TimeExpression
from kronika.read import read_paths

SEED = Path(__file__).resolve().parents[2] / "examples" / "seed.txt"


# ---------------------------------------------------------------- hand-parsed sentences
#
# One token a line: form, lemma, UPOS, NKJP tag, head (index in the sentence; own index for the
# root), dependency, UD features ("_" for none); an optional 8th column is an NKJP entity label.


def parsed(table: str) -> Doc:
    rows = [line.split() for line in table.strip().splitlines()]
    register_extensions()
    doc = Doc(
        Vocab(),
        words=[r[0] for r in rows],
        spaces=[i + 1 < len(rows) and rows[i + 1][2] != "PUNCT" for i in range(len(rows))],
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        heads=[int(r[4]) for r in rows],
        deps=[r[5] for r in rows],
        morphs=["" if r[6] == "_" else r[6] for r in rows],
    )
    doc.ents = [Span(doc, i, i + 1, label=r[7]) for i, r in enumerate(rows) if len(r) > 7]
    return doc


def extract(doc: Doc, times: list[TimeExpression] = (), title: str | None = None):
    article = Article(id="t", text=doc.text, date="2018-11-08", date_precision="day", title=title)
    return events_from_doc(doc, article, entities_from_doc(doc), list(times))


AID = """
Rosja      Rosja      PROPN subst:sg:nom:f   5 nsubj  Case=Nom|Gender=Fem|Number=Sing placeName_country
i          i          CCONJ conj             2 cc     _
Białoruś   Białoruś   PROPN subst:sg:nom:f   0 conj   Case=Nom|Gender=Fem|Number=Sing placeName_country
wysłały    wysłać     VERB  praet:pl:f:perf  3 ROOT   Aspect=Perf|Gender=Fem|Number=Plur|Tense=Past|VerbForm=Fin
żołnierzy  żołnierz   NOUN  subst:pl:acc:m1  3 obj    Animacy=Hum|Case=Acc|Gender=Masc|Number=Plur
do         do         ADP   prep:gen         6 case   _
Kazachstanu Kazachstan PROPN subst:sg:gen:m3 3 obl    Case=Gen|Gender=Masc|Number=Sing placeName_country
.          .          PUNCT interp           3 punct  _
"""


def test_compound_actor_recipient_and_place_from_the_parse():
    doc = parsed(AID.replace("  5 nsubj", "  3 nsubj"))
    (event,) = extract(doc)
    assert (event.type, event.status, event.trigger) == ("AID", "occurred", "wysłały żołnierzy")
    assert [(a.name, a.country, a.sector) for a in event.actor] == [("Rosja", "RUS", "GOV"), ("Białoruś", "BLR", "GOV")]
    assert [(r.name, r.country) for r in event.recipient] == [("Kazachstan", "KAZ")]
    assert event.location == "Kazachstan"
    assert event.evidence == (0, len(doc.text))
    assert "military" in event.context


PASSIVE = """
Demonstranci demonstrant NOUN subst:pl:nom:m1   2 nsubj:pass Animacy=Hum|Case=Nom|Gender=Masc|Number=Plur
zostali      zostać      AUX  praet:pl:m1:perf  2 aux:pass   Animacy=Hum|Gender=Masc|Number=Plur|Tense=Past
zatrzymani   zatrzymać   ADJ  ppas:pl:nom:m1:perf 2 ROOT     Animacy=Hum|Case=Nom|Gender=Masc|Number=Plur|VerbForm=Part|Voice=Pass
przez        przez       ADP  prep:acc          4 case       _
policję      policja     NOUN subst:sg:acc:f    2 obl:agent  Case=Acc|Gender=Fem|Number=Sing
.            .           PUNCT interp           2 punct      _
"""


def test_passive_subject_is_the_recipient_and_the_agent_the_actor():
    (event,) = extract(parsed(PASSIVE))
    assert (event.type, event.mode) == ("COERCE", "arrest")
    assert [(a.name, a.sector) for a in event.actor] == [("policja", "COP")]
    assert [(r.name, r.sector) for r in event.recipient] == [("demonstranci", "CVL")]


RELATIVE = """
Sąd        sąd        NOUN  subst:sg:nom:m3   6 nsubj     Case=Nom|Gender=Masc|Number=Sing
,          ,          PUNCT interp            3 punct     _
który      który      DET   adj:sg:nom:m3:pos 3 nsubj     Case=Nom|Gender=Masc|Number=Sing|PronType=Rel
uniewinnił uniewinnić VERB  praet:sg:m3:perf  0 acl:relcl Aspect=Perf|Gender=Masc|Number=Sing|Tense=Past
kobietę    kobieta    NOUN  subst:sg:acc:f    3 obj       Case=Acc|Gender=Fem|Number=Sing
,          ,          PUNCT interp            3 punct     _
obradował  obradować  VERB  praet:sg:m3:imperf 6 ROOT     Aspect=Imp|Gender=Masc|Number=Sing|Tense=Past
.          .          PUNCT interp            6 punct     _
"""


def test_a_relative_clause_asserts_no_event():
    events = extract(parsed(RELATIVE))
    assert [e.type for e in events] == ["CONSULT"]  # obradował, not the acquittal


MISPARSED_RELATIVE = """
Według     według     ADP   prep:gen               1 case       _
prawnika   prawnik    NOUN  subst:sg:gen:m1        1 ROOT       Animacy=Hum|Case=Gen|Gender=Masc|Number=Sing
,          ,          PUNCT interp                 5 punct      _
Bibi       Bibi       PROPN subst:sg:nom:f         5 nsubj:pass Case=Nom|Gender=Fem|Number=Sing persName
została   zostać     AUX   praet:sg:f:perf        5 aux:pass   Aspect=Perf|Gender=Fem|Number=Sing|Tense=Past|VerbForm=Fin
zwolniona  zwolnić    ADJ   ppas:sg:nom:f:perf:aff 1 acl:relcl  Aspect=Perf|Case=Nom|Gender=Fem|Number=Sing|VerbForm=Part|Voice=Pass
z          z          ADP   prep:gen               7 case       _
więzienia  więzienie  NOUN  subst:sg:gen:n:ncol    5 obl        Case=Gen|Gender=Neut|Number=Sing
.          .          PUNCT interp                 1 punct      _
"""


def test_a_passive_with_its_own_subject_is_no_relative_clause_whatever_the_parse():
    events = extract(parsed(MISPARSED_RELATIVE))
    assert [(e.type, [r.name for r in e.recipient]) for e in events] == [("RETREAT", ["Bibi"])]
    relative = MISPARSED_RELATIVE.replace("Bibi       Bibi       PROPN subst:sg:nom:f ", "która      który      PRON  adj:sg:nom:f:pos")
    assert extract(parsed(relative.replace(" persName", ""))) == []


CALL = """
Duchowny   duchowny   NOUN  subst:sg:nom:m1   1 nsubj  Animacy=Hum|Case=Nom|Gender=Masc|Number=Sing
wezwał     wezwać     VERB  praet:sg:m1:perf  1 ROOT   Aspect=Perf|Gender=Masc|Number=Sing|Tense=Past
zwolenników zwolennik NOUN  subst:pl:acc:m1   1 obj    Animacy=Hum|Case=Acc|Gender=Masc|Number=Plur
do         do         ADP   prep:gen          4 case   _
protestów  protest    NOUN  subst:pl:gen:m3   1 obl    Case=Gen|Gender=Masc|Number=Plur
.          .          PUNCT interp            1 punct  _
"""


def test_a_call_to_protest_is_an_announced_protest_of_the_caller():
    (event,) = extract(parsed(CALL))
    assert (event.type, event.status, event.trigger) == ("PROTEST", "announced", "protestów")
    assert [(a.name, a.sector) for a in event.actor] == [("duchowny", "REL")]


SUPPORT_NOUN = """
W          w          ADP   prep:loc          1 case   _
Pakistanie Pakistan   PROPN subst:sg:loc:m3   2 obl    Case=Loc|Gender=Masc|Number=Sing placeName_country
doszło     dojść      VERB  praet:sg:n:perf   2 ROOT   Aspect=Perf|Gender=Neut|Number=Sing|Tense=Past
do         do         ADP   prep:gen          4 case   _
protestów  protest    NOUN  subst:pl:gen:m3   2 obl    Case=Gen|Gender=Masc|Number=Plur
po         po         ADP   prep:loc          6 case   _
ogłoszeniu ogłosić    NOUN  ger:sg:loc:n:perf 2 obl    Case=Loc|Gender=Neut|Number=Sing
wyroku     wyrok      NOUN  subst:sg:gen:m3   6 obj    Case=Gen|Gender=Masc|Number=Sing
.          .          PUNCT interp            2 punct  _
"""


def test_an_event_noun_under_a_support_verb_counts_and_a_temporal_adjunct_does_not():
    (event,) = extract(parsed(SUPPORT_NOUN))
    assert (event.type, event.trigger, event.location) == ("PROTEST", "protestów", "Pakistan")
    # an unnamed actor of a protest in Pakistan: no entity, the state's code
    assert [(a.entity, a.name, a.country) for a in event.actor] == [(None, None, "PAK")]


MODAL = """
Partia     partia     NOUN  subst:sg:nom:f    1 nsubj  Case=Nom|Gender=Fem|Number=Sing
może       móc        VERB  fin:sg:ter:imperf 1 ROOT   Aspect=Imp|Number=Sing|Person=3|Tense=Pres
rozpocząć  rozpocząć  VERB  inf:perf          1 xcomp  Aspect=Perf|VerbForm=Inf
protesty   protest    NOUN  subst:pl:acc:m3   2 obj    Case=Acc|Gender=Masc|Number=Plur
.          .          PUNCT interp            1 punct  _
"""


def test_a_possible_event_is_no_event():
    assert extract(parsed(MODAL)) == []


FUTURE_NEGATED = """
Premier    premier    NOUN  subst:sg:nom:m1   3 nsubj  Animacy=Hum|Case=Nom|Gender=Masc|Number=Sing
Polski     Polska     PROPN subst:sg:gen:f    0 nmod   Case=Gen|Gender=Fem|Number=Sing placeName_country
nie        nie        PART  qub               3 advmod:neg Polarity=Neg
spotka     spotkać    VERB  fin:sg:ter:perf   3 ROOT   Aspect=Perf|Number=Sing|Person=3|Tense=Fut
się        się        PRON  qub               3 expl:pv _
z          z          ADP   prep:inst         6 case   _
prezydentem prezydent NOUN  subst:sg:inst:m1  3 obl    Animacy=Hum|Case=Ins|Gender=Masc|Number=Sing
w          w          ADP   prep:acc          8 case   _
piątek     piątek     NOUN  subst:sg:acc:m3   3 obl    Case=Acc|Gender=Masc|Number=Sing
.          .          PUNCT interp            3 punct  _
"""


def test_status_date_and_a_host_as_recipient():
    doc = parsed(FUTURE_NEGATED)
    friday = doc.text.index("w piątek")
    time = TimeExpression(text="w piątek", start=friday, end=friday + 8, value="2018-11-02", precision="day")
    (event,) = extract(doc, [time])
    assert (event.type, event.status) == ("CONSULT", "negated")
    assert [(a.name, a.country, a.sector) for a in event.actor] == [("premier", "POL", "GOV")]
    assert [r.name for r in event.recipient] == ["prezydent"]  # spotkać się z: the host is the recipient
    announced = parsed(FUTURE_NEGATED.replace("advmod:neg Polarity=Neg", "advmod _").replace("nie        nie", "już       już"))
    (event,) = extract(announced, [time])
    # an announced event's weekday points forward: the coming Friday, not the last one
    assert (event.status, event.date, event.date_precision) == ("announced", "2018-11-09", "day")


PRO_DROP = """
Islamiści  islamista  NOUN  subst:pl:nom:m1   1 nsubj  Animacy=Hum|Case=Nom|Gender=Masc|Number=Plur
protestowali protestować VERB praet:pl:m1:imperf 1 ROOT Animacy=Hum|Gender=Masc|Number=Plur|Tense=Past
przez      przez      ADP   prep:acc          4 case   _
cały       cały       ADJ   adj:sg:acc:m3     4 amod   Case=Acc|Gender=Masc|Number=Sing
dzień      dzień      NOUN  subst:sg:acc:m3   1 obl    Case=Acc|Gender=Masc|Number=Sing
w          w          ADP   prep:loc          7 case   _
wielu      wiele      DET   num:pl:loc:n      7 det    Case=Loc|Number=Plur
miastach   miasto     NOUN  subst:pl:loc:n    1 obl    Case=Loc|Gender=Neut|Number=Plur
.          .          PUNCT interp            1 punct  _
Zablokowali zablokować VERB praet:pl:m1:perf  9 ROOT   Animacy=Hum|Gender=Masc|Number=Plur|Tense=Past
drogi      droga      NOUN  subst:pl:acc:f    9 obj    Case=Acc|Gender=Fem|Number=Plur
.          .          PUNCT interp            9 punct  _
"""


def test_a_verb_without_subject_takes_the_paragraphs_last_agreeing_subject():
    events = extract(parsed(PRO_DROP))
    assert [(e.type, e.mode, [a.name for a in e.actor]) for e in events] == [
        ("PROTEST", None, ["islamiści"]), ("PROTEST", "obstruct", ["islamiści"]),
    ]


ACL_PASSIVE = """
W          w          ADP   prep:loc          2 case      _
2011       2011       ADJ   dig               2 amod:flat Case=Gen
roku       rok        NOUN  subst:sg:loc:m3   3 nmod      Case=Loc|Gender=Masc|Number=Sing
gubernator gubernator NOUN  subst:sg:nom:m1   3 ROOT      Animacy=Hum|Case=Nom|Gender=Masc|Number=Sing
Pendżabu   Pendżab    PROPN subst:sg:gen:m3   3 nmod      Case=Gen|Gender=Masc|Number=Sing
został     zostać     AUX   praet:sg:m1:perf  6 aux:pass  Gender=Masc|Number=Sing
zabity     zabić      ADJ   ppas:sg:nom:m1:perf 3 acl     Animacy=Hum|Case=Nom|Gender=Masc|Number=Sing|VerbForm=Part|Voice=Pass
przez      przez      ADP   prep:acc          8 case      _
ochroniarza ochroniarz NOUN subst:sg:acc:m1   6 obl:agent Animacy=Hum|Case=Acc|Gender=Masc|Number=Sing
.          .          PUNCT interp            3 punct     _
"""


def test_a_passive_predicate_parsed_as_a_modifier_takes_its_noun_and_the_nouns_time():
    doc = parsed(ACL_PASSIVE)
    start = doc.text.index("W 2011")
    time = TimeExpression(text="W 2011 roku", start=start, end=start + 11, value="2011", precision="year")
    (event,) = extract(doc, [time])
    assert (event.type, [a.name for a in event.actor], [r.name for r in event.recipient]) == (
        "ASSAULT", ["ochroniarz"], ["gubernator"])
    assert (event.date, event.date_precision) == ("2011", "year")


IMPERSONAL = """
Razę       Raza       PROPN subst:sg:acc:m1   1 nsubj    Animacy=Hum|Case=Nom|Gender=Masc|Number=Sing
aresztowano aresztować VERB imps:perf         1 ROOT     Aspect=Perf
.          .          PUNCT interp            1 punct    _
"""


def test_an_impersonal_verb_has_no_subject_its_noun_is_the_object():
    (event,) = extract(parsed(IMPERSONAL))
    assert event.type == "COERCE"
    assert [r.name for r in event.recipient] == ["raza"] and all(a.name is None for a in event.actor)


DATIVE_AS_SUBJECT = """
Prezydent  prezydent  NOUN  subst:sg:nom:m1   3 nsubj    Animacy=Hum|Case=Nom|Gender=Masc|Number=Sing
USA        USA        PROPN subst:pl:gen:n    0 nmod     Case=Gen|Number=Plur
wreszcie   wreszcie   ADV   adv               3 advmod   _
pogratulował pogratulować VERB praet:sg:m1:perf 3 ROOT   Animacy=Hum|Gender=Masc|Number=Sing|Tense=Past
rosyjskiemu rosyjski  ADJ   adj:sg:dat:m1:pos 5 amod     Case=Dat|Gender=Masc|Number=Sing
przywódcy  przywódca  NOUN  subst:sg:gen:m1   3 nsubj    Animacy=Hum|Case=Gen|Gender=Masc|Number=Sing
.          .          PUNCT interp            3 punct    _
"""


def test_case_morphology_overrules_the_subject_label():
    """``rosyjskiemu przywódcy``: the agreeing adjective shows the dative, so the phrase the
    parse labelled subject is the recipient (and the one before it the subject)."""
    (event,) = extract(parsed(DATIVE_AS_SUBJECT))
    assert event.type == "SUPPORT"
    assert [r.name for r in event.recipient] == ["przywódca"] and [r.country for r in event.recipient] == ["RUS"]
    assert [a.name for a in event.actor] == ["prezydent"] and [a.country for a in event.actor] == ["USA"]


STORY = """
W          w          ADP   prep:acc          1 case     _
środę      środa      NOUN  subst:sg:acc:f    4 obl      Case=Acc|Gender=Fem|Number=Sing
pakistańska pakistański ADJ adj:sg:nom:f:pos  3 amod     Case=Nom|Gender=Fem|Number=Sing
policja    policja    NOUN  subst:sg:nom:f    4 nsubj    Case=Nom|Gender=Fem|Number=Sing
aresztowała aresztować VERB praet:sg:f:perf   4 ROOT     Gender=Fem|Number=Sing|Tense=Past
wielu      wiele      DET   num:pl:acc:m1     6 det:numgov Case=Acc|Number=Plur
islamistów islamista  NOUN  subst:pl:gen:m1   4 obj      Animacy=Hum|Case=Gen|Gender=Masc|Number=Plur
.          .          PUNCT interp            4 punct    _
Demonstranci demonstrant NOUN subst:pl:nom:m1 9 nsubj    Animacy=Hum|Case=Nom|Gender=Masc|Number=Plur
zablokowali zablokować VERB praet:pl:m1:perf  9 ROOT     Animacy=Hum|Gender=Masc|Number=Plur|Tense=Past
drogi      droga      NOUN  subst:pl:acc:f    9 obj      Case=Acc|Gender=Fem|Number=Plur
.          .          PUNCT interp            9 punct    _
"""


def test_a_dated_story_carries_its_date_to_the_next_sentence_unless_it_steps_back():
    doc = parsed(STORY)
    start = doc.text.index("W środę")
    time = TimeExpression(text="W środę", start=start, end=start + 7, value="2018-11-07", precision="day")
    arrest, protest = extract(doc, [time])
    assert (arrest.type, arrest.date) == ("COERCE", "2018-11-07")
    assert (protest.type, protest.mode, protest.date, protest.date_precision) == ("PROTEST", "obstruct", "2018-11-07", "day")
    earlier = parsed(STORY.replace(
        "Demonstranci demonstrant NOUN subst:pl:nom:m1 9 nsubj",
        "Wcześniej wcześnie ADV adv 10 advmod _\nDemonstranci demonstrant NOUN subst:pl:nom:m1 10 nsubj",
    ).replace(" 9 ROOT ", " 10 ROOT ").replace("  9 obj ", "  10 obj ").replace("  9 punct", "  10 punct"))
    assert [e.date for e in extract(earlier, [time])] == ["2018-11-07", None]


GERUND_AGENT = """
Kobieta    kobieta    NOUN  subst:sg:nom:f    2 nsubj:pass Animacy=Hum|Case=Nom|Gender=Fem|Number=Sing
została   zostać     AUX   praet:sg:f:perf   2 aux:pass   Gender=Fem|Number=Sing|Tense=Past
skazana    skazać     ADJ   ppas:sg:nom:f:perf 2 ROOT      Case=Nom|Gender=Fem|Number=Sing|VerbForm=Part|Voice=Pass
przez      przez      ADP   prep:acc          4 case       _
powieszenie powiesić  NOUN  ger:sg:acc:n:perf 2 obl:agent  Case=Acc|Gender=Neut|Number=Sing
.          .          PUNCT interp            2 punct      _
"""


def test_a_verbal_noun_after_przez_is_a_manner_not_the_agent():
    """``skazana przez powieszenie``: no agent is named, so the actor is implicit."""
    (event,) = extract(parsed(GERUND_AGENT))
    assert (event.type, event.mode) == ("SANCTION", "convict")
    assert all(a.name is None for a in event.actor)
    assert [r.name for r in event.recipient] == ["kobieta"]


ANSWERED = """
Rząd       rząd       NOUN  subst:sg:nom:m3   1 nsubj    Case=Nom|Gender=Masc|Number=Sing
chce       chcieć     VERB  fin:sg:ter:imperf 1 ROOT     Aspect=Imp|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin
zmian      zmiana     NOUN  subst:pl:gen:f    1 obj      Case=Gen|Gender=Fem|Number=Plur
.          .          PUNCT interp            1 punct    _
Posłowie   poseł      NOUN  subst:pl:nom:m1   5 nsubj    Animacy=Hum|Case=Nom|Gender=Masc|Number=Plur
sprzeciwili sprzeciwić VERB praet:pl:m1:perf  5 ROOT     Animacy=Hum|Aspect=Perf|Gender=Masc|Number=Plur|Tense=Past
się        się        PRON  qub               5 expl:pv  _
temu       ten        DET   adj:sg:dat:m3:pos 8 det      Case=Dat|Gender=Masc|Number=Sing
scenariuszowi scenariusz NOUN subst:sg:dat:m3 5 iobj     Case=Dat|Gender=Masc|Number=Sing
.          .          PUNCT interp            5 punct    _
"""


def test_a_response_to_something_just_told_is_directed_at_the_subject_before():
    """``Izba Lordów sprzeciwiła się temu scenariuszowi``: the scenario is the previous
    sentence's subject's, so that subject is the recipient (discourse, not the sentence)."""
    (event,) = extract(parsed(ANSWERED))
    assert event.type == "REJECT"
    assert [a.name for a in event.actor] == ["posłowie"] and [r.name for r in event.recipient] == ["rząd"]
    without = parsed(ANSWERED.replace("temu       ten        DET   adj:sg:dat:m3:pos 8 det ",
                                      "nowemu     nowy       ADJ   adj:sg:dat:m3:pos 8 amod"))
    (event,) = extract(without)
    assert event.recipient == []  # no demonstrative: nothing taken up


VERDICT = """
Sąd        sąd        NOUN  subst:sg:nom:m3   2 nsubj    Case=Nom|Gender=Masc|Number=Sing
rejonowy   rejonowy   ADJ   adj:sg:nom:m3:pos 0 amod     Case=Nom|Gender=Masc|Number=Sing
skazał     skazać     VERB  praet:sg:m3:perf  2 ROOT     Aspect=Perf|Gender=Masc|Number=Sing|Tense=Past
wtedy      wtedy      ADV   adv               2 advmod   _
w          w          ADP   prep:loc          6 case     _
tym        ten        DET   adj:sg:loc:n:pos  6 det      Case=Loc|Gender=Neut|Number=Sing
mieście    miasto     NOUN  subst:sg:loc:n    2 obl      Case=Loc|Gender=Neut|Number=Sing
chrześcijankę chrześcijanka NOUN subst:sg:acc:f 2 obj   Animacy=Hum|Case=Acc|Gender=Fem|Number=Sing
.          .          PUNCT interp            2 punct    _
Sąd        sąd        NOUN  subst:sg:nom:m3   10 nsubj   Case=Nom|Gender=Masc|Number=Sing
uchylił    uchylić    VERB  praet:sg:m3:perf  10 ROOT    Aspect=Perf|Gender=Masc|Number=Sing|Tense=Past
ten        ten        DET   adj:sg:acc:m3:pos 12 det     Case=Acc|Gender=Masc|Number=Sing
wyrok      wyrok      NOUN  subst:sg:acc:m3   10 obj     Case=Acc|Gender=Masc|Number=Sing
.          .          PUNCT interp            10 punct   _
"""


def test_a_reversed_verdict_is_about_whom_the_last_sentence_was_against():
    sanction, concede = extract(parsed(VERDICT))
    assert (sanction.type, concede.type) == ("SANCTION", "CONCEDE")
    assert [r.name for r in concede.recipient] == [r.name for r in sanction.recipient] == ["chrześcijanka"]


INCLUSION = """
Kilka      kilka      DET   num:pl:nom:m3     1 det:numgov Case=Nom|Number=Plur
krajów     kraj       NOUN  subst:pl:gen:m3   2 nsubj    Case=Gen|Gender=Masc|Number=Plur
zaoferowało zaoferować VERB praet:sg:n:perf   2 ROOT     Aspect=Perf|Gender=Neut|Number=Sing|Tense=Past
pomoc      pomoc      NOUN  subst:sg:acc:f    2 obj      Case=Acc|Gender=Fem|Number=Sing
,          ,          PUNCT interp            7 punct    _
w          w          ADP   prep:loc          7 case     _
tym        to         PRON  subst:sg:loc:n    7 det      Case=Loc|Number=Sing
Włochy     Włochy     PROPN subst:pl:nom:n    2 obl      Case=Nom|Number=Ptan placeName_country
i          i          CCONJ conj              9 cc       _
Francja    Francja    PROPN subst:sg:nom:f    7 conj     Case=Nom|Gender=Fem|Number=Sing placeName_country
.          .          PUNCT interp            2 punct    _
"""


def test_the_members_an_inclusion_names_are_a_compound_actor():
    (event,) = extract(parsed(INCLUSION))
    assert event.type == "AGREE"
    assert [(a.name, a.country) for a in event.actor] == [("Włochy", "ITA"), ("Francja", "FRA")]


DESCRIPTION = """
Siły       siła       NOUN  subst:pl:nom:f    2 nsubj    Case=Nom|Gender=Fem|Number=Plur
bezpieczeństwa bezpieczeństwo NOUN subst:sg:gen:n 0 nmod Case=Gen|Gender=Neut|Number=Sing
zatrzymały zatrzymać  VERB  praet:pl:f:perf   2 ROOT     Aspect=Perf|Gender=Fem|Number=Plur|Tense=Past
napastników napastnik NOUN  subst:pl:acc:m1   2 obj      Animacy=Hum|Case=Acc|Gender=Masc|Number=Plur
.          .          PUNCT interp            2 punct    _
"""


def test_a_description_keeps_its_complement_and_is_nominative():
    (event,) = extract(parsed(DESCRIPTION))
    assert [a.name for a in event.actor] == ["siły bezpieczeństwa"]
    assert [r.name for r in event.recipient] == ["napastnicy"]


def test_the_title_paragraph_is_not_annotated():
    doc = parsed(PASSIVE)
    assert extract(doc, title=doc.text) == []


def test_lemmas_include_the_verb_of_a_gerund_tagged_as_noun():
    doc = parsed("""
wycofania  wycofanie  NOUN  subst:sg:gen:n    0 ROOT   Case=Gen|Gender=Neut|Number=Sing
""")
    assert "wycofać" in token_lemmas(doc[0])


def test_overlapping_patterns_keep_the_longest():
    doc = parsed("""
Tokajew    Tokajew    PROPN subst:sg:nom:m1   1 nsubj  Case=Nom|Gender=Masc|Number=Sing
wezwał     wezwać     VERB  praet:sg:m1:perf  1 ROOT   Aspect=Perf|Gender=Masc|Number=Sing|Tense=Past
ODKB       ODKB       PROPN subst:sg:acc:f    1 obj    Case=Acc|Gender=Fem|Number=Sing orgName
na         na         ADP   prep:acc          4 case   _
pomoc      pomoc      NOUN  subst:sg:acc:f    1 obl    Case=Acc|Gender=Fem|Number=Sing
.          .          PUNCT interp            1 punct  _
""")
    (trigger,) = find_triggers(doc[:])
    assert (trigger.entry["pattern"], trigger.type, trigger.entry["mode"]) == ("wezwać na pomoc", "REQUEST", "assist")
    (event,) = extract(doc)
    assert [r.country for r in event.recipient] == ["CSTO"]


@pytest.mark.parametrize(
    ("text", "lemma", "code"),
    [("Rosji", "Rosja", "RUS"), ("Wielkiej Brytanii", "", "GBR"), ("ODKB", "ODKB", "CSTO"),
     ("pakistańscy", "pakistański", "PAK"), ("Warszawy", "Warszawa", "POL"), ("Szkoci", "", "GBR"),
     ("Rosjanie", "", "RUS"), ("Komisji Europejskiej", "", "EU"), ("unijni", "", "EU")],
)
def test_country_codes_of_names_in_any_case_and_of_adjectives(text, lemma, code):
    assert code_of(text, lemma) == code


NEGATED_AUXILIARY = """
Rząd        rząd        NOUN  subst:sg:nom:m3        3 nsubj     Case=Nom|Gender=Masc|Number=Sing
nie         nie         PART  qub                    2 advmod:neg _
będzie      być         AUX   bedzie:sg:ter:imperf   3 aux       Number=Sing|Person=3|Tense=Fut
sprzeciwiał sprzeciwiać VERB  praet:sg:m3:imperf     3 ROOT      Aspect=Imp|Gender=Masc|Number=Sing|Tense=Past|VerbForm=Fin
się         się         PRON  qub                    3 expl:pv   _
rewizji     rewizja     NOUN  subst:sg:dat:f         3 iobj      Case=Dat|Gender=Fem|Number=Sing
.           .           PUNCT interp                 3 punct     _
"""


def test_nie_on_the_auxiliary_negates_the_verb():
    """``nie będzie sprzeciwiał się``: the promise not to oppose is a concession (CONCEDE
    announced), not a REJECT."""
    (event,) = extract(parsed(NEGATED_AUXILIARY))
    assert (event.type, event.status) == ("CONCEDE", "announced")


MARCH = """
Rząd        rząd         NOUN  subst:sg:nom:m3     1 nsubj  Case=Nom|Gender=Masc|Number=Sing
maszerował  maszerować   VERB  praet:sg:m3:imperf  1 ROOT   Aspect=Imp|Gender=Masc|Number=Sing|Tense=Past|VerbForm=Fin
ulicami     ulica        NOUN  subst:pl:inst:f     1 obl    Case=Ins|Gender=Fem|Number=Plur
.           .            PUNCT interp              1 punct  _
"""


def test_a_march_stays_a_protest_whoever_marches():
    """Only a verbal protest of a government is ACCUSE disapprove; a march is PROTEST demo."""
    (event,) = extract(parsed(MARCH))
    assert (event.type, event.mode) == ("PROTEST", "demo")


def test_an_empty_doc_has_no_events():
    assert extract(Doc(Vocab(), words=[])) == []


# ---------------------------------------------------------------- the trained pipeline


@pytest.fixture(scope="module")
def nlp():
    return kronika.load(DEFAULT_MODEL)


def analysed(nlp, text: str, date: str = "2018-11-08", precision: str = "day"):
    article = Article(id="t", text=text, date=date, date_precision=precision)
    doc = nlp(text)
    return events_from_doc(doc, article, entities_from_doc(doc), find_times(text, date, precision))


@pytest.mark.model
def test_rules_only_pipeline_degrades_gracefully():
    rules = kronika.load(rules_only=True)
    (article,) = read_paths([SEED])
    doc = rules(article.text)
    events = events_from_doc(doc, article, entities_from_doc(doc), [])
    assert {"REQUEST", "AID"} <= {e.type for e in events}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rosja i Białoruś wysłały żołnierzy do Kazachstanu.", [("AID", "occurred")]),
        ("Policja aresztowała w środę trzech działaczy opozycji.", [("COERCE", "occurred")]),
        ("Premier Polski nie spotkał się z prezydentem Francji.", [("CONSULT", "negated")]),
        ("Papież nie zdołał uwolnić więźniarki.", [("RETREAT", "negated")]),  # "nie" on a verb of managing to
        ("Radykalny duchowny wezwał swoich zwolenników do protestów.", [("PROTEST", "announced")]),
        ("Partia może rozpocząć protesty.", []),
        pytest.param("Sąd, który uniewinnił kobietę, obradował długo.", [], marks=pytest.mark.xfail(reason="the shipped parser of 2026-11-26 misreads it (issue 3: LAS 78)", strict=True)),
    ],
)
def test_trained_pipeline_on_hand_made_sentences(nlp, text, expected):
    assert [(e.type, e.status) for e in analysed(nlp, text)] == expected


@pytest.mark.model
def test_trained_pipeline_codes_parties_and_dates(nlp):
    (aid,) = analysed(nlp, "Rosja i Białoruś wysłały żołnierzy do Kazachstanu.")
    assert {a.country for a in aid.actor} == {"RUS", "BLR"} and [r.country for r in aid.recipient] == ["KAZ"]
    (arrest,) = analysed(nlp, "Policja aresztowała w środę trzech działaczy opozycji.")
    assert (arrest.date, arrest.actor[0].sector) == ("2018-11-07", "COP")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the core model of 2026-11-26 coordinates the reporting verb after the dash with the reported
        # clause (conj): its time is still the reporting clause's
        ("Opozycjonista został wypuszczony z aresztu – poinformował w środę jego adwokat.",
         ("RETREAT", "2018-11-07", [], ["opozycjonista"])),
        ("Demonstranci blokowali drogi – mówił w czwartek rzecznik policji.",
         ("PROTEST", "2018-11-08", ["demonstranci"], [])),
        # the noun tagged genitive, its adjective dative: the dative recipient
        ("Premier pogratulował rosyjskiemu przywódcy.", ("SUPPORT", None, ["premier"], ["przywódca"])),
    ],
)
def test_trained_pipeline_reads_past_parse_quirks(nlp, text, expected):
    (event,) = analysed(nlp, text)
    assert (event.type, event.date, [a.name for a in event.actor], [r.name for r in event.recipient]) == expected


@pytest.mark.model
def test_trained_pipeline_resolves_a_response_from_discourse(nlp):
    # the core model of 2026-11-26 10:20 parses 'temu' as iobj, not as the determiner of 'scenariuszowi':
    # the demonstrative is recognised by its agreement with the noun
    text = "Premier Theresa May chce, aby kraj opuścił unię celną. Izba Lordów sprzeciwiła się temu scenariuszowi."
    reject = next(e for e in analysed(nlp, text) if e.type == "REJECT")
    assert [r.name for r in reject.recipient] == ["Theresa May"]  # the main clause's subject, not ``kraj``


@pytest.mark.model
def test_trained_pipeline_resolves_parties_from_inclusions(nlp):
    # the core model of 2026-11-26 10:20 misreads it ('krajów' obl, 'Włochy' a conjunct of 'pomoc'):
    # a nominative ``w tym`` phrase on another dependent of a subjectless verb names its subject
    agree = next(e for e in analysed(nlp, "Już kilka krajów zaoferowało pomoc Bibi, w tym Włochy i Francja.") if e.type == "AGREE")
    assert {a.country for a in agree.actor} == {"ITA", "FRA"}


@pytest.mark.model
def test_the_seed_events(nlp):
    """SPEC §4: protests, concessions, the request for help, the troops sent, the announced
    withdrawal; dates resolved against January 2022."""
    (article,) = read_paths([SEED])
    doc = nlp(article.text)
    events = events_from_doc(
        doc, article, entities_from_doc(doc), find_times(article.text, article.date, article.date_precision)
    )
    by_type = {}
    for event in events:
        by_type.setdefault(event.type, []).append(event)
    assert {"PROTEST", "CONCEDE", "REQUEST", "AID", "RETREAT"} <= set(by_type)
    (aid,) = by_type["AID"]
    assert {a.country for a in aid.actor} == {"RUS", "BLR"} and aid.date == "2022-01"
    assert by_type["PROTEST"][0].date == "2022-01" and by_type["PROTEST"][0].actor[0].country == "KAZ"
    (retreat,) = by_type["RETREAT"]
    assert (retreat.status, retreat.mode, retreat.date) == ("announced", "withdraw", None)
    assert "CSTO" in {a.country for a in retreat.actor}
    assert any("KAZ" in {a.country for a in e.actor} and e.date == "2022-01" for e in by_type["REQUEST"])
    assert len(by_type["CONCEDE"]) == 2
    for event in events:  # ``Prezydent Kazachstanu Kasym-Żomart Tokajew``: one party, not the title and the name
        ids = [a.entity for a in event.actor + event.recipient if a.entity]
        assert len(ids) == len(set(ids)), event


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one sentence per kind of trigger added from the codebook's categories
        ("Rząd zasygnalizował gotowość do rozmów z opozycją.", ("AGREE", None)),
        ("Mieszkańcy złożyli petycję do premiera.", ("REQUEST", None)),
        ("Opozycja zażądała dymisji ministra.", ("REQUEST", "change")),
        ("Premier złagodził stanowisko w sprawie reformy.", ("CONCEDE", None)),
        ("Parlament uchwalił ustawę o referendum.", ("SUPPORT", None)),
        ("Oba kraje zacieśniły współpracę wojskową.", ("COOPERATE", None)),
        ("Włochy udzieliły schronienia Asii Bibi.", ("AID", None)),
        ("Minister złożył dymisję.", ("RETREAT", "resign")),
        ("Asia Bibi wyszła na wolność.", ("RETREAT", "release")),
        ("Rebelianci wstrzymali ogień.", ("RETREAT", "ceasefire")),
        ("Prokuratura wszczęła dochodzenie w sprawie zamachu.", ("ACCUSE", "investigate")),
        ("Władze zdementowały doniesienia o wyjeździe Bibi.", ("REJECT", None)),
        ("Rosja zerwała negocjacje z Ukrainą.", ("REJECT", "meet")),
        ("Premier przestrzegł opozycję, że rząd użyje siły.", ("THREATEN", None)),
        ("Tysiące ludzi przemaszerowały ulicami Londynu.", ("PROTEST", "demo")),
        ("Unia nałożyła embargo na Rosję.", ("SANCTION", "discontinue")),
        ("Rząd wprowadził stan wyjątkowy.", ("COERCE", "martial-law")),
        ("Policja rozpędziła demonstrantów.", ("COERCE", "restrict")),
        ("Napastnicy strzelali do policjantów.", ("ASSAULT", "firearms")),
    ],
)
def test_trained_pipeline_on_triggers_of_each_category(nlp, text, expected):
    assert [(e.type, e.mode, e.status) for e in analysed(nlp, text)] == [(*expected, "occurred")]


@pytest.mark.model
@pytest.mark.parametrize(
    "text", ["Polska przestrzega prawa unijnego.", "Premier przestrzegał przed skutkami brexitu."]
)
def test_observing_the_law_or_warning_of_effects_is_no_threat(nlp, text):
    assert analysed(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wielka Brytania zaakceptowała warunki Unii.", ["AGREE"]),
        ("Trzeba zaakceptować warunki Unii.", []),  # necessity: no asserted event
        ("Pakistan będzie w stanie zapewnić jej ochronę.", []),  # ability, like ``móc``
    ],
)
def test_necessity_and_ability_assert_no_event(nlp, text, expected):
    assert [e.type for e in analysed(nlp, text)] == expected


# ---------------------------------------------------------------- parse quirks and discourse (hand-parsed)

NEAREST_CONJUNCT = """
Minister   minister  NOUN  subst:sg:nom:m1    1 nsubj  Animacy=Hum|Case=Nom|Gender=Masc|Number=Sing
wyjaśnił   wyjaśnić  VERB  praet:sg:m1:perf   1 ROOT   Aspect=Perf|Gender=Masc|Number=Sing|Tense=Past|VerbForm=Fin
,          ,         PUNCT interp             4 punct  _
partia     partia    NOUN  subst:sg:nom:f     4 nsubj  Case=Nom|Gender=Fem|Number=Sing
naciskała  naciskać  VERB  praet:sg:f:imperf  1 conj   Aspect=Imp|Gender=Fem|Number=Sing|Tense=Past|VerbForm=Fin
i          i         CCONJ conj               6 cc     _
odrzucała  odrzucać  VERB  praet:sg:f:imperf  4 conj   Aspect=Imp|Gender=Fem|Number=Sing|Tense=Past|VerbForm=Fin
rozwiązania rozwiązanie NOUN subst:pl:acc:n   6 obj    Case=Acc|Gender=Neut|Number=Plur
proponowane proponować ADJ ppas:pl:nom:n:imperf:aff 7 acl Case=Nom|Gender=Neut|Number=Plur|VerbForm=Part|Voice=Pass
przez      przez     ADP   prep:acc           10 case  _
rząd       rząd      NOUN  subst:sg:acc:m3    8 obl:agent Animacy=Inan|Case=Acc|Gender=Masc|Number=Sing
.          .         PUNCT interp             1 punct  _
"""


def test_a_conjunct_takes_the_subject_of_the_nearest_conjunct_and_a_refusal_the_proposer():
    reject = next(e for e in extract(parsed(NEAREST_CONJUNCT)) if e.type == "REJECT")
    assert [a.name for a in reject.actor] == ["partia"]  # not the minister of the first conjunct
    assert [r.name for r in reject.recipient] == ["rząd"]  # who proposed what is refused


OWNED_PROPOSAL = """
Sejm       Sejm      PROPN subst:sg:nom:m3    1 nsubj  Case=Nom|Gender=Masc|Number=Sing orgName
odrzucił   odrzucić  VERB  praet:sg:m3:perf   1 ROOT   Aspect=Perf|Gender=Masc|Number=Sing|Tense=Past|VerbForm=Fin
propozycję propozycja NOUN subst:sg:acc:f     1 obj    Case=Acc|Gender=Fem|Number=Sing
rządu      rząd      NOUN  subst:sg:gen:m3    2 nmod   Case=Gen|Gender=Masc|Number=Sing
.          .         PUNCT interp             1 punct  _
"""


def test_the_owner_of_a_refused_proposal_is_the_recipient():
    (reject,) = extract(parsed(OWNED_PROPOSAL))
    assert (reject.type, [r.name for r in reject.recipient]) == ("REJECT", ["rząd"])


EVERYDAY = """
Muzułmanki muzułmanka NOUN subst:pl:nom:f     1 nsubj  Case=Nom|Gender=Fem|Number=Plur
odmówiły   odmówić   VERB  praet:pl:f:perf    1 ROOT   Aspect=Perf|Gender=Fem|Number=Plur|Tense=Past|VerbForm=Fin
picia      picie     NOUN  subst:sg:gen:n     1 obj    Case=Gen|Gender=Neut|Number=Sing
wody       woda      NOUN  subst:sg:gen:f     2 nmod   Case=Gen|Gender=Fem|Number=Sing
.          .         PUNCT interp             1 punct  _
"""


def test_refusing_an_everyday_act_is_no_event():
    assert extract(parsed(EVERYDAY)) == []
    assert [e.type for e in extract(parsed(EVERYDAY.replace("picie ", "udział ")))] == ["REJECT"]


RELATIVE_CONJUNCT = """
Dwóch      dwa       NUM   num:pl:nom:m1:rec  1 nummod Animacy=Hum|Case=Nom|Gender=Masc|Number=Plur
polityków  polityk   NOUN  subst:pl:gen:m1    1 ROOT   Animacy=Hum|Case=Gen|Gender=Masc|Number=Plur
,          ,         PUNCT interp             4 punct  _
którzy     który     DET   adj:pl:nom:m1:pos  4 nsubj  Animacy=Hum|Case=Nom|Gender=Masc|Number=Plur|PronType=Rel
chcieli    chcieć    VERB  praet:pl:m1:imperf 1 acl:relcl Animacy=Hum|Gender=Masc|Number=Plur|Tense=Past|VerbForm=Fin
pomóc      pomóc     VERB  inf:perf           4 xcomp  VerbForm=Inf
,          ,         PUNCT interp             4 punct  _
zostało    zostać    AUX   praet:sg:n:perf    8 aux:pass Gender=Neut|Number=Sing|Tense=Past|VerbForm=Fin
zamordowanych zamordować ADJ ppas:pl:gen:m1:perf:aff 4 conj Animacy=Hum|Case=Gen|Gender=Masc|Number=Plur|VerbForm=Part|Voice=Pass
.          .         PUNCT interp             1 punct  _
"""


def test_a_passive_predicate_parsed_into_the_relative_clause_is_the_nouns():
    (assault,) = extract(parsed(RELATIVE_CONJUNCT))
    assert (assault.type, assault.status) == ("ASSAULT", "occurred")
    assert [r.name for r in assault.recipient] == ["politycy"]


SEMICOLON = """
Wybory     wybory    NOUN  subst:pl:nom:n     3 obl    Case=Nom|Number=Plur
,          ,         PUNCT interp             3 punct  _
których    który     DET   adj:pl:gen:n:pos   3 obl    Case=Gen|Number=Plur|PronType=Rel
partia     partia    NOUN  subst:sg:nom:f     4 nsubj  Case=Nom|Gender=Fem|Number=Sing
przegrała  przegrać  VERB  praet:sg:f:perf    4 ROOT   Aspect=Perf|Gender=Fem|Number=Sing|Tense=Past|VerbForm=Fin
;          ;         PUNCT interp             8 punct  _
w          w         ADP   prep:loc           7 case   _
marszu     marsz     NOUN  subst:sg:loc:m3    8 obl    Case=Loc|Gender=Masc|Number=Sing
uczestniczyli uczestniczyć VERB praet:pl:m1:imperf 4 conj Animacy=Hum|Gender=Masc|Number=Plur|Tense=Past|VerbForm=Fin
demonstranci demonstrant NOUN subst:pl:nom:m1 8 nsubj  Animacy=Hum|Case=Nom|Gender=Masc|Number=Plur
.          .         PUNCT interp             4 punct  _
"""


def test_a_clause_after_a_semicolon_is_no_part_of_a_relative_clause():
    (protest,) = extract(parsed(SEMICOLON))
    assert (protest.type, protest.status, [a.name for a in protest.actor]) == ("PROTEST", "occurred", ["demonstranci"])


def test_a_paragraph_break_parsed_as_the_root_leaves_the_clause_asserted():
    rows = [line.split() for line in PASSIVE.strip().splitlines()]
    register_extensions()
    words = [r[0] for r in rows] + ["\n\n"]
    heads = [int(r[4]) for r in rows] + [len(rows)]
    heads[2] = len(rows)  # zatrzymani hangs on the paragraph break
    doc = Doc(spacy.blank("pl").vocab, words=words, spaces=[i + 1 < len(rows) and rows[i + 1][2] != "PUNCT" for i in range(len(rows))] + [False],
              lemmas=[r[1] for r in rows] + ["\n\n"], pos=[r[2] for r in rows] + ["SPACE"], tags=[r[3] for r in rows] + ["subst"],
              heads=heads, deps=[r[5] for r in rows[:2]] + ["obj"] + [r[5] for r in rows[3:]] + ["ROOT"],
              morphs=["" if r[6] == "_" else r[6] for r in rows] + [""])
    (event,) = extract(doc)
    assert (event.type, event.status) == ("COERCE", "occurred")


PLURAL_ANTECEDENT = """
Wyrok      wyrok     NOUN  subst:sg:nom:m3    1 nsubj  Case=Nom|Gender=Masc|Number=Sing
wywołał    wywołać   VERB  praet:sg:m3:perf   1 ROOT   Aspect=Perf|Gender=Masc|Number=Sing|Tense=Past|VerbForm=Fin
demonstracje demonstracja NOUN subst:pl:acc:f 1 obj    Case=Acc|Gender=Fem|Number=Plur
islamistów islamista NOUN  subst:pl:gen:m1    2 nmod   Animacy=Hum|Case=Gen|Gender=Masc|Number=Plur
.          .         PUNCT interp             1 punct  _
Zagrozili  zagrozić  VERB  praet:pl:m1:perf   0 ROOT   Animacy=Hum|Aspect=Perf|Gender=Masc|Number=Plur|Tense=Past|VerbForm=Fin
oni        on        PRON  ppron3:pl:nom:m1   0 nsubj  Animacy=Hum|Case=Nom|Gender=Masc|Number=Plur|PronType=Prs
śmiercią   śmierć    NOUN  subst:sg:inst:f    0 obl    Case=Ins|Gender=Fem|Number=Sing
kobiecie   kobieta   NOUN  subst:sg:dat:f     0 iobj   Case=Dat|Gender=Fem|Number=Sing
.          .         PUNCT interp             0 punct  _
"""


def _two_sentences(table: str, second: int) -> Doc:
    """A hand-parsed table of two sentences: heads of the second counted from its first token."""
    lines = table.strip().splitlines()
    fixed = []
    for i, line in enumerate(lines):
        cols = line.split()
        if i >= second:
            cols[4] = str(int(cols[4]) + second)
        fixed.append(" ".join(cols))
    return parsed("\n".join(fixed))  # two roots: two sentences


def test_a_plural_pronoun_takes_up_the_last_plural_people_of_the_paragraph():
    threat = next(e for e in extract(_two_sentences(PLURAL_ANTECEDENT, 5)) if e.type == "THREATEN")
    assert [a.name for a in threat.actor] == ["islamiści"] and [r.name for r in threat.recipient] == ["kobieta"]


SUPPORT_GERUND = """
Partia     partia    NOUN  subst:sg:nom:f     1 nsubj  Case=Nom|Gender=Fem|Number=Sing
naciskała  naciskać  VERB  praet:sg:f:imperf  1 ROOT   Aspect=Imp|Gender=Fem|Number=Sing|Tense=Past|VerbForm=Fin
na         na        ADP   prep:acc           3 case   _
przeprowadzenie przeprowadzić NOUN ger:sg:acc:n:perf:aff 1 obl:arg Case=Acc|Gender=Neut|Number=Sing|VerbForm=Vnoun
protestu   protest   NOUN  subst:sg:gen:m3    3 obj    Case=Gen|Gender=Masc|Number=Sing
.          .         PUNCT interp             1 punct  _
"""


def test_an_event_noun_under_an_argument_gerund_takes_the_governing_verbs_subject():
    protest = next(e for e in extract(parsed(SUPPORT_GERUND)) if e.type == "PROTEST")
    assert [a.name for a in protest.actor] == ["partia"]


CONJOINED_PASSIVES = """
Kobieta    kobieta   NOUN  subst:sg:nom:f     2 nsubj:pass Case=Nom|Gender=Fem|Number=Sing
została   zostać    AUX   praet:sg:f:perf    2 aux:pass Gender=Fem|Number=Sing|Tense=Past|VerbForm=Fin
oskarżona  oskarżyć  ADJ   ppas:sg:nom:f:perf:aff 2 ROOT Case=Nom|Gender=Fem|Number=Sing|VerbForm=Part|Voice=Pass
i          i         CCONJ conj               4 cc     _
skazana    skazać    ADJ   ppas:sg:nom:f:perf:aff 2 conj Case=Nom|Gender=Fem|Number=Sing|VerbForm=Part|Voice=Pass
oraz       oraz      CCONJ conj               6 cc     _
ukarana    ukarać    ADJ   ppas:sg:nom:f:perf:aff 4 conj Case=Nom|Gender=Fem|Number=Sing|VerbForm=Part|Voice=Pass
.          .         PUNCT interp             2 punct  _
"""


def test_a_participle_coordinated_with_a_passive_predicate_shares_its_auxiliary():
    events = extract(parsed(CONJOINED_PASSIVES))
    assert [(e.type, e.trigger) for e in events] == [("ACCUSE", "oskarżona"), ("SANCTION", "skazana")]  # one sanction
    assert all([r.name for r in e.recipient] == ["kobieta"] for e in events)


CONDITIONAL_ROOT = """
Jeśli      jeśli     SCONJ comp               2 mark   _
sąd        sąd       NOUN  subst:sg:nom:m3    2 nsubj  Case=Nom|Gender=Masc|Number=Sing
podtrzyma  podtrzymać VERB fin:sg:ter:perf    2 ROOT   Aspect=Perf|Number=Sing|Person=3|Tense=Fut|VerbForm=Fin
wyrok      wyrok     NOUN  subst:sg:acc:m3    2 obj    Case=Acc|Gender=Masc|Number=Sing
.          .         PUNCT interp             2 punct  _
"""


def test_a_conditional_clause_parsed_as_the_root_asserts_nothing_and_an_upheld_verdict_counts():
    assert extract(parsed(CONDITIONAL_ROOT)) == []
    (sanction,) = extract(parsed(CONDITIONAL_ROOT.replace("Jeśli      jeśli     SCONJ comp               2 mark   _\n", "")
                                 .replace("  2 ", "  1 ")))
    assert (sanction.type, sanction.status) == ("SANCTION", "announced")


TITLE_AND_NAME = """
Prosił     prosić    VERB  praet:sg:m1:imperf 0 ROOT   Animacy=Hum|Gender=Masc|Number=Sing|Tense=Past|VerbForm=Fin
em         być       AUX   aglt:sg:pri:imperf:wok 0 aux Number=Sing|Person=1
prezydenta prezydent NOUN  subst:sg:acc:m1    0 obj    Animacy=Hum|Case=Acc|Gender=Masc|Number=Sing
Donalda    Donald    PROPN subst:sg:gen:m1    2 nmod   Animacy=Hum|Case=Gen|Gender=Masc|Number=Sing persName
Trumpa     Trump     PROPN subst:sg:gen:m1    3 flat   Animacy=Hum|Case=Gen|Gender=Masc|Number=Sing persName
o          o         ADP   prep:acc           6 case   _
pomoc      pomoc     NOUN  subst:sg:acc:f     0 obl    Case=Acc|Gender=Fem|Number=Sing
.          .         PUNCT interp             0 punct  _
"""


def test_a_name_after_a_title_is_its_apposition_whatever_case_the_tagger_chose():
    doc = parsed(TITLE_AND_NAME)
    doc.ents = [Span(doc, 3, 5, label="persName")]
    request = next(e for e in extract(doc) if e.type == "REQUEST")
    assert [r.name for r in request.recipient] == ["Donald Trump"]  # not ``prezydent Donalda Trumpa``


TIME_PHRASE_SUBJECT = """
Osiem      osiem     NUM   num:pl:nom:m3:rec  4 nsubj:pass Case=Nom|Gender=Masc|Number=Plur
lat        rok       NOUN  subst:pl:gen:m3    0 nmod:arg Case=Gen|Gender=Masc|Number=Plur
temu       temu      ADP   prep:acc           0 case   AdpType=Post
kobieta    kobieta   NOUN  subst:sg:nom:f     0 nmod:arg Case=Nom|Gender=Fem|Number=Sing
skazana    skazać    ADJ   ppas:sg:nom:f:perf:aff 4 ROOT Case=Nom|Gender=Fem|Number=Sing|VerbForm=Part|Voice=Pass
została   zostać    AUX   praet:sg:f:perf    4 aux:pass Gender=Fem|Number=Sing|Tense=Past|VerbForm=Fin
.          .         PUNCT interp             4 punct  _
"""


def test_a_passive_subject_the_parse_hung_on_a_time_phrase():
    (sanction,) = extract(parsed(TIME_PHRASE_SUBJECT))
    assert [r.name for r in sanction.recipient] == ["kobieta"]  # not ``osiem lat``


SECOND_SUBJECT = """
Władze     władza    NOUN  subst:pl:nom:f     2 nsubj  Case=Nom|Gender=Fem|Number=Plur
nie        nie       PART  part               2 advmod:neg Polarity=Neg
pozwolą    pozwolić  VERB  fin:pl:ter:perf    2 ROOT   Aspect=Perf|Number=Plur|Person=3|Tense=Fut|VerbForm=Fin
Bibi       Bibi      PROPN subst:sg:gen:n     2 nsubj  Case=Gen|Gender=Neut|Number=Sing persName
opuścić    opuścić   VERB  inf:perf           2 xcomp  VerbForm=Inf
kraju      kraj      NOUN  subst:sg:gen:m3    4 obj    Case=Gen|Gender=Masc|Number=Sing
.          .         PUNCT interp             2 punct  _
"""


def test_a_second_subject_not_in_the_nominative_is_the_dative_object():
    (coerce,) = extract(parsed(SECOND_SUBJECT))
    assert (coerce.type, [a.name for a in coerce.actor], [r.name for r in coerce.recipient]) == (
        "COERCE", ["władze"], ["Bibi"])


AUXILIARY_IN_PATTERN = """
Tusk       Tusk      PROPN subst:sg:nom:m1    1 nsubj  Case=Nom|Gender=Masc|Number=Sing persName
powiedział powiedzieć VERB praet:sg:m1:perf   1 ROOT   Gender=Masc|Number=Sing|Tense=Past|VerbForm=Fin
,          ,         PUNCT interp             6 punct  _
że         że        SCONJ comp               6 mark   _
drzwi      drzwi     NOUN  subst:pl:nom:n     6 nsubj  Case=Nom|Gender=Neut|Number=Ptan
pozostają  pozostawać AUX  fin:pl:ter:imperf  6 aux:pass Number=Plur|Person=3|Tense=Pres|VerbForm=Fin
otwarte    otworzyć  ADJ   ppas:pl:nom:n:perf:aff 1 ccomp Case=Nom|Gender=Neut|Number=Plur|VerbForm=Part|Voice=Pass
.          .         PUNCT interp             1 punct  _
"""


def test_an_auxiliary_matched_by_a_pattern_is_not_its_head():
    assert [e.type for e in extract(parsed(AUXILIARY_IN_PATTERN))] == ["AGREE"]


REACHED_AGREEMENT = """
Udało      udać      VERB  praet:sg:n:perf    0 ROOT   Gender=Neut|Number=Sing|Tense=Past|VerbForm=Fin
nam        my        PRON  ppron12:pl:dat:m1:pri 0 iobj Case=Dat|Number=Plur|Person=1
się        się       PRON  part               3 expl:pv _
osiągnąć   osiągnąć  VERB  inf:perf           0 xcomp  VerbForm=Inf
porozumienie porozumienie NOUN subst:sg:acc:n 3 obj    Case=Acc|Gender=Neut|Number=Sing
.          .         PUNCT interp             0 punct  _
"""


def test_a_pattern_matching_more_words_wins_over_one_matching_a_noun_alone():
    (trigger,) = [t for s in parsed(REACHED_AGREEMENT).sents for t in find_triggers(s)]
    assert trigger.entry["pattern"] == "osiągnąć porozumienie"  # not ``porozumieć się`` on ``porozumienie``


LETTER_NOT_SENT = """
Listu      list      NOUN  subst:sg:gen:m3    3 obj    Case=Gen|Gender=Masc|Number=Sing
gratulacyjnego gratulacyjny ADJ adj:sg:gen:m3:pos 0 amod Case=Gen|Gender=Masc|Number=Sing
nie        nie       PART  part               3 advmod:neg Polarity=Neg
wysłał     wysłać    VERB  praet:sg:m1:perf   3 ROOT   Gender=Masc|Number=Sing|Tense=Past|VerbForm=Fin
Putinowi   Putin     PROPN subst:sg:dat:m1    3 iobj   Case=Dat|Gender=Masc|Number=Sing persName
Tusk       Tusk      PROPN subst:sg:nom:m1    3 nsubj  Case=Nom|Gender=Masc|Number=Sing persName
.          .         PUNCT interp             3 punct  _
"""


def test_a_letter_sent_is_supported_and_its_addressee_is_the_verbs_dative():
    (support,) = extract(parsed(LETTER_NOT_SENT))
    assert (support.type, support.status) == ("SUPPORT", "negated")
    assert [a.name for a in support.actor] == ["Tusk"] and [r.name for r in support.recipient] == ["Putin"]


AGREED_AMNESTY = """
Rząd       rząd      NOUN  subst:sg:nom:m3    1 nsubj  Case=Nom|Gender=Masc|Number=Sing
zgodził    zgodzić   VERB  praet:sg:m3:perf   1 ROOT   Gender=Masc|Number=Sing|Tense=Past|VerbForm=Fin
się        się       PRON  part               1 expl:pv _
,          ,         PUNCT interp             8 punct  _
by         by        SCONJ comp               8 mark   _
zatrzymani zatrzymać ADJ   ppas:pl:nom:m1:perf:aff 6 amod Animacy=Hum|Case=Nom|Gender=Masc|Number=Plur|VerbForm=Part
demonstranci demonstrant NOUN subst:pl:nom:m1 8 nsubj:pass Animacy=Hum|Case=Nom|Gender=Masc|Number=Plur
zostali    zostać    AUX   praet:pl:m1:perf   8 aux:pass Animacy=Hum|Gender=Masc|Number=Plur|Tense=Past|VerbForm=Fin
objęci     objąć     ADJ   ppas:pl:nom:m1:perf:aff 1 ccomp Animacy=Hum|Case=Nom|Gender=Masc|Number=Plur|VerbForm=Part|Voice=Pass
amnestią   amnestia  NOUN  subst:sg:inst:f    8 obl    Case=Ins|Gender=Fem|Number=Sing
.          .         PUNCT interp             1 punct  _
"""


def test_an_agreement_to_a_concession_takes_its_beneficiary_as_recipient():
    (concede,) = extract(parsed(AGREED_AMNESTY))
    assert (concede.type, [r.name for r in concede.recipient]) == ("CONCEDE", ["zatrzymani demonstranci"])


FUTURE_TALKS = """
Liderzy    lider     NOUN  subst:pl:nom:m1    1 nsubj  Animacy=Hum|Case=Nom|Gender=Masc|Number=Plur
przyjechali przyjechać VERB praet:pl:m1:perf  1 ROOT   Animacy=Hum|Gender=Masc|Number=Plur|Tense=Past|VerbForm=Fin
.          .         PUNCT interp             1 punct  _
Będą       być       AUX   bedzie:pl:ter:imperf 1 aux  Number=Plur|Person=3|Tense=Fut|VerbForm=Fin
rozmawiać  rozmawiać VERB  inf:imperf         1 ROOT   VerbForm=Inf
o          o         ADP   prep:loc           3 case   _
handlu     handel    NOUN  subst:sg:loc:m3    1 obl    Case=Loc|Gender=Masc|Number=Sing
.          .         PUNCT interp             1 punct  _
"""


def test_a_future_infinitive_without_subject_takes_the_paragraphs_subject():
    (consult,) = extract(_two_sentences(FUTURE_TALKS, 3))
    assert (consult.type, consult.status, [a.name for a in consult.actor]) == ("CONSULT", "announced", ["liderzy"])


AFTER_ACQUITTAL = """
Po         po        ADP   prep:loc           1 case   _
tym        to        PRON  subst:sg:loc:n     4 obl    Case=Loc|Number=Sing
jak        jak       SCONJ comp               4 mark   _
kobietę    kobieta   NOUN  subst:sg:acc:f     4 obj    Case=Acc|Gender=Fem|Number=Sing
uniewinnił uniewinnić VERB praet:sg:m3:perf   4 ROOT   Gender=Masc|Number=Sing|Tense=Past|VerbForm=Fin
sąd        sąd       NOUN  subst:sg:nom:m3    4 nsubj  Case=Nom|Gender=Masc|Number=Sing
doszło     dojść     VERB  praet:sg:n:perf    4 conj   Gender=Neut|Number=Sing|Tense=Past|VerbForm=Fin
do         do        ADP   prep:gen           8 case   _
protestów  protest   NOUN  subst:pl:gen:m3    6 obl    Case=Gen|Gender=Masc|Number=Plur
.          .         PUNCT interp             4 punct  _
"""


def test_the_clause_of_po_tym_jak_only_dates_the_main_clause():
    assert [e.type for e in extract(parsed(AFTER_ACQUITTAL))] == ["PROTEST"]  # not the acquittal


GENERIC_PASSIVE = """
Przepisy   przepis   NOUN  subst:pl:nom:m3    2 nsubj:pass Case=Nom|Gender=Masc|Number=Plur
są         być       AUX   fin:pl:ter:imperf  2 aux:pass Number=Plur|Person=3|Tense=Pres|VerbForm=Fin
popierane  popierać  ADJ   ppas:pl:nom:m3:imperf:aff 2 ROOT Case=Nom|Gender=Masc|Number=Plur|VerbForm=Part|Voice=Pass
przez      przez     ADP   prep:acc           4 case   _
islamistów islamista NOUN  subst:pl:acc:m1    2 obl:agent Animacy=Hum|Case=Acc|Gender=Masc|Number=Plur
.          .         PUNCT interp             2 punct  _
"""


def test_an_imperfective_passive_in_the_present_is_a_habitual_state():
    assert extract(parsed(GENERIC_PASSIVE)) == []
    past = GENERIC_PASSIVE.replace("fin:pl:ter:imperf  2 aux:pass Number=Plur|Person=3|Tense=Pres",
                                   "praet:pl:m3:imperf 2 aux:pass Number=Plur|Tense=Past")
    assert [e.type for e in extract(parsed(past))] == ["SUPPORT"]


IN_DANGER = """
Grozi      grozić    VERB  fin:sg:ter:imperf  0 ROOT   Number=Sing|Person=3|Tense=Pres|VerbForm=Fin
jej        on        PRON  ppron3:sg:dat:f    0 iobj   Case=Dat|Gender=Fem|Number=Sing
niebezpieczeństwo niebezpieczeństwo NOUN subst:sg:nom:n 0 nsubj Case=Nom|Gender=Neut|Number=Sing
.          .         PUNCT interp             0 punct  _
"""


def test_a_danger_threatening_someone_is_no_threat():
    from kronika.extract.events import _danger

    (trigger,) = [t for s in parsed(IN_DANGER).sents for t in find_triggers(s)]
    assert trigger.type == "THREATEN" and _danger(trigger)
    (means,) = [t for s in parsed(IN_DANGER.replace("subst:sg:nom:n 0 nsubj Case=Nom", "subst:sg:inst:n 0 obl Case=Ins")
                                  .replace("niebezpieczeństwo niebezpieczeństwo", "wojną wojna")).sents
                for t in find_triggers(s)]
    assert not _danger(means)  # ``grozi wojną``: the means of a threat


PURPOSE_UNDER_NOUN = """
Nie        nie       PART  part               1 advmod:neg Polarity=Neg
pozwolimy  pozwolić  VERB  fin:pl:pri:perf    1 ROOT   Number=Plur|Person=1|Tense=Fut|VerbForm=Fin
na         na        ADP   prep:acc           3 case   _
to         to        PRON  subst:sg:acc:n     1 obl:arg Case=Acc|Number=Sing
,          ,         PUNCT interp             7 punct  _
żeby       żeby      SCONJ comp               7 mark   _
był        być       AUX   praet:sg:m3:imperf 7 aux:pass Gender=Masc|Number=Sing|Tense=Past
blokowany  blokować  ADJ   ppas:sg:nom:m3:imperf:aff 3 ccomp Case=Nom|Gender=Masc|Number=Sing|VerbForm=Part|Voice=Pass
ruch       ruch      NOUN  subst:sg:nom:m3    7 nsubj:pass Case=Nom|Gender=Masc|Number=Sing
.          .         PUNCT interp             1 punct  _
"""


def test_a_purpose_clause_under_a_noun_asserts_nothing():
    assert extract(parsed(PURPOSE_UNDER_NOUN)) == []


NOUN_AS_TOPIC = """
Aresztowanie aresztować NOUN ger:sg:nom:n:perf:aff 1 nsubj Case=Nom|Gender=Neut|Number=Sing|VerbForm=Vnoun
ma         mieć      VERB  fin:sg:ter:imperf  1 ROOT   Number=Sing|Person=3|Tense=Pres|VerbForm=Fin
na         na        ADP   prep:loc           3 case   _
celu       cel       NOUN  subst:sg:loc:m3    1 obl    Case=Loc|Gender=Masc|Number=Sing
zapewnienie zapewnić NOUN  ger:sg:acc:n:perf:aff 1 obj Case=Acc|Gender=Neut|Number=Sing|VerbForm=Vnoun
porządku   porządek  NOUN  subst:sg:gen:m3    4 nmod   Case=Gen|Gender=Masc|Number=Sing
.          .         PUNCT interp             1 punct  _
"""


def test_the_subject_of_a_verb_taking_its_event_as_object_is_a_topic():
    assert extract(parsed(NOUN_AS_TOPIC)) == []  # guide §1: ``Aresztowanie ma na celu ...``
    ordered = NOUN_AS_TOPIC.replace("fin:sg:ter:imperf  1 ROOT   Number=Sing|Person=3|Tense=Pres",
                                    "imps:perf          1 ROOT   Tense=Past")  # ``aresztowanie przeprowadzono``
    assert [e.type for e in extract(parsed(ordered.replace("mieć ", "przeprowadzić ")))] == ["COERCE"]


NAME_IN_INSTRUMENTAL = """
W          w         ADP   prep:loc           1 case   _
Brukseli   Bruksela  PROPN subst:sg:loc:f     4 obl    Case=Loc|Gender=Fem|Number=Sing placeName
Mateusz    Mateusz   PROPN subst:sg:nom:m1    1 flat   Animacy=Hum|Case=Nom|Gender=Masc|Number=Sing persName
Morawiecki Morawiecki PROPN subst:sg:nom:m1   2 flat   Animacy=Hum|Case=Nom|Gender=Masc|Number=Sing persName
spotka     spotkać   VERB  fin:sg:ter:perf    4 ROOT   Number=Sing|Person=3|Tense=Fut|VerbForm=Fin
się        się       PRON  part               4 expl:pv _
z          z         ADP   prep:inst          7 case   _
szefem     szef      NOUN  subst:sg:inst:m1   4 obl    Animacy=Hum|Case=Ins|Gender=Masc|Number=Sing
Jean-Claude'em Jean-Claude'em PROPN subst:sg:nom:m1 4 nsubj Animacy=Hum|Case=Nom|Gender=Masc|Number=Sing persName
Junckerem  Juncker   PROPN subst:sg:inst:m1   8 flat   Animacy=Hum|Case=Ins|Gender=Masc|Number=Sing persName
.          .         PUNCT interp             4 punct  _
"""


def test_a_name_ending_in_the_instrumental_is_no_subject_and_a_name_hung_on_a_place_may_be():
    doc = parsed(NAME_IN_INSTRUMENTAL)
    doc.ents = [Span(doc, 1, 2, label="placeName"), Span(doc, 2, 4, label="persName"), Span(doc, 8, 10, label="persName")]
    (consult,) = extract(doc)
    assert [a.name for a in consult.actor] == ["Mateusz Morawiecki"]


# ---------------------------------------------------------------- generalisation (dev2 set)
#
# Fixes of general causes found on the blind-annotated tests/data/events_dev2.jsonl, each
# through the shipped pipeline on real or real-like sentences.


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # triggers added from the codebook's categories
        ("Unia Europejska stanęła po stronie Wielkiej Brytanii.", ("SUPPORT", None)),
        ("Londyn wycofał się z oferty azylu dla Asii Bibi.", ("SANCTION", "withdraw")),  # not CONCEDE
        ("Dwaj politycy przypłacili to życiem.", ("ASSAULT", "targeted")),
        ("Na ulicach doszło do utarczek demonstrantów z policją.", ("ASSAULT", None)),
        ("Facebook rozpoczyna dochodzenie w sprawie rosyjskich wpływów.", ("ACCUSE", "investigate")),
        ("Papież interweniował w sprawie skazanej chrześcijanki.", ("REQUEST", None)),
        ("Asia Bibi wyszła z celi śmierci.", ("RETREAT", "release")),
        ("Sąd ukarał dziennikarza grzywną.", ("SANCTION", None)),
        ("Kanada ofiarowała Asii Bibi azyl.", ("AGREE", None)),
        ("Partia Pracy nie popiera drugiego referendum.", ("REJECT", None)),  # withheld support (guide §4)
        ("Republikanie zdystansowali się od propozycji Trumpa.", ("REJECT", None)),
        ("Johnson wyraził się krytycznie o ministrze finansów.", ("ACCUSE", "disapprove")),
        ("Orban zwrócił się przeciwko kanclerz Niemiec.", ("ACCUSE", "disapprove")),
        ("Do tego pomysłu sceptycznie odniósł się główny negocjator Michel Barnier.", ("REJECT", None)),
        ("Premier ma pełne zaufanie do ministra spraw zagranicznych.", ("SUPPORT", None)),
        ("Szwajcarska Partia Ludowa zbiera podpisy pod wnioskiem o referendum.", ("REQUEST", None)),
        ("Watykan wywiera presję na rząd Pakistanu.", ("REQUEST", None)),
        ("Korea Północna chwali Trumpa za odwagę.", ("SUPPORT", None)),
        # event nouns asserted by predicates of course (support verbs)
        ("Demonstracja przebiega pokojowo.", ("PROTEST", "demo")),
        ("Pochód demonstrantów przeszedł przez centrum Berlina.", ("PROTEST", "demo")),
    ],
)
def test_trained_pipeline_on_triggers_added_for_unseen_text(nlp, text, expected):
    assert [(e.type, e.mode, e.status) for e in analysed(nlp, text)] == [(*expected, "occurred")]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Brytyjska gospodarka straci na brexicie.",  # stracić executes people only
        "Pakistan stracił szansę na porozumienie.",
        "Zwracając się do córki więźniarki, papież powiedział, że myśli o jej matce.",  # turning to her asks nothing
        "Matka poprosiła ją, by go ucałować.",  # an everyday act asked
        "Rząd był skłonny ukarać opozycję.",  # an inclination, no act
        "Premier chwalił się sukcesami rządu.",  # boasting, no praise
        "Zaapelowała do papieża o modlitwę w jej intencji.",  # a prayer asked: personal, no political demand
        # a pattern's words linked through another clause's verb are no match (dojść ... porozumienie)
        "Jeśli brytyjski parlament odrzuci porozumienie o wyjściu z Unii, najprawdopodobniej dojdzie do nowego referendum.",
        "Premier zatrzymał procedurę wyjścia z Unii.",  # zatrzymać detains people only
        "Od lat trwa walka o zmianę wyroku.",  # a struggle for something, no fighting
        "Wielka Brytania nie będzie gotowa na brexit.",  # prepared, not willing
        "Brytyjczycy zrezygnowali z jurysdykcji trybunału.",  # giving something up, no resignation
        "- Nie powinniśmy próbować cofnąć czasu - mówił Lee.",  # the speaker's own duty, no demand
        # a conditional marked by ``by`` alone (tagged a particle, labelled aux:cnd)
        "Z drugiej strony, po wycofaniu się z porozumienia USA, akcesja innego ważnego globalnie gracza "
        "bardzo wsparłaby wizerunek porozumienia.",
    ],
)
def test_ambiguous_triggers_without_their_event_reading_are_no_events(nlp, text):
    assert analysed(nlp, text) == []


@pytest.mark.model
def test_a_person_object_keeps_the_detention_and_an_offered_aid_is_one_offer(nlp):
    (arrest,) = analysed(nlp, "Policja zatrzymała dziesiątki demonstrantów.")
    assert (arrest.type, [r.name for r in arrest.recipient]) == ("COERCE", ["demonstranci"])
    # guide §3-4: an offer of asylum is AGREE, not also AID
    assert [e.type for e in analysed(nlp, "Azyl zaproponowało jej kilka krajów.")] == ["AGREE"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Europejscy liderzy potępili atak.", "EU"),  # guide §5: not the article's main state
        ("Europa zabiega o wyłączenie z ceł.", "EU"),
        ("Bruksela zażądała od Londynu wyjaśnień.", "EU"),
    ],
)
def test_collective_european_actors_act_for_the_eu(nlp, text, actor):
    (event,) = analysed(nlp, text)
    assert [a.country for a in event.actor] == [actor]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Minister skrytykował unijne plany.", "EU"),  # a thing a state's adjective marks as its own
        ("Premier potępił rosyjską agresję.", "RUS"),
        ("Mąż Asi Bibi złożył wniosek o azyl w Wielkiej Brytanii.", "GBR"),
        ("Strona brytyjska wystąpiła do Facebooka o dane.", "MNC"),
    ],
)
def test_recipients_of_things_owned_by_states_and_of_requests(nlp, text, recipient):
    (event,) = analysed(nlp, text)
    assert [r.country for r in event.recipient] == [recipient]


@pytest.mark.model
def test_the_addressee_of_a_call_parsed_as_subject_is_its_object(nlp):
    # ``wezwał`` is masculine personal, ``rząd`` inanimate: the addressee; the caller is unsaid
    text = "Przywódca opozycji Jan Kowalski zażądał nowych wyborów. Wezwał także nowy rząd do ustąpienia."
    call = analysed(nlp, text)[-1]
    assert ([a.name for a in call.actor], [r.name for r in call.recipient]) == (["Jan Kowalski"], ["nowy rząd"])


@pytest.mark.model
def test_names_introduced_by_m_in_are_the_subject(nlp):
    (offer,) = analysed(nlp, "Chęć przyjęcia kobiety zadeklarowały m.in. Włochy i Francja.")
    assert {a.country for a in offer.actor} == {"ITA", "FRA"}
    (ready,) = analysed(nlp, "Gotowa przyjąć Asię Bibi jest m.in. Francja.")
    assert ([a.name for a in ready.actor], [r.name for r in ready.recipient]) == (["Francja"], ["Asia Bibi"])


@pytest.mark.model
def test_what_a_speaker_says_a_named_actor_should_offer_is_the_demand(nlp):
    (request,) = analysed(nlp, "Norwegia powinna ofiarować Bibi azyl - powiedział polityk.")
    assert (request.type, [r.country for r in request.recipient]) == ("REQUEST", ["NOR"])


@pytest.mark.model
def test_a_dative_pronoun_tagged_genitive_is_the_recipient(nlp):
    text = "Asia Bibi została uniewinniona przez Sąd Najwyższy. Po decyzji sądu radykalni islamiści zaczęli grozić jej śmiercią."
    threat = next(e for e in analysed(nlp, text) if e.type == "THREATEN")
    assert [r.name for r in threat.recipient] == ["Asia Bibi"]


@pytest.mark.model
def test_coordinated_verbs_of_one_act_are_one_event(nlp):
    text = "31 października sędzia Saqib Nisar unieważnił wyrok sądu w Lahaur i oczyścił Asię Bibi z zarzutów."
    (concede,) = analysed(nlp, text)
    assert (concede.type, [a.name for a in concede.actor], [r.name for r in concede.recipient]) == (
        "CONCEDE", ["Saqib Nisar"], ["Asia Bibi"])


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Asia Bibi, chrześcijanka z Pakistanu, spędziła osiem lat w więzieniu. Papież zaapelował o uwolnienie chrześcijanki.",
        "Pakistańska chrześcijanka Asia Bibi spędziła osiem lat w więzieniu. Papież zaapelował o uwolnienie chrześcijanki.",
    ],
)
def test_a_description_the_article_binds_to_a_person_by_apposition_is_that_person(nlp, text):
    (request,) = analysed(nlp, text)
    assert [r.name for r in request.recipient] == ["Asia Bibi"]


@pytest.mark.model
def test_a_genitive_complement_binds_no_description(nlp):
    # ``rząd Imrana Khana``: a genitive, no apposition; ``rząd`` stays the government
    (accuse,) = analysed(nlp, "Rząd Imrana Khana negocjuje z islamistami. Opozycja skrytykowała rząd.")
    assert [r.name for r in accuse.recipient] == ["rząd"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text, wanted",
    [
        ("Kobieta sprzeciwiła się, za co potem została pobita przez sąsiadów.", ("ASSAULT", ["sąsiedzi"], ["kobieta"])),
        ("Demonstranci obrzucili policję kamieniami, po czym zostali aresztowani.", ("COERCE", [], ["demonstranci"])),
    ],
)
def test_a_clause_opened_by_a_preposition_and_co_goes_on_with_the_story(nlp, text, wanted):
    # ``, za co`` / ``, po czym`` take up the whole clause before them: not a relative clause on a noun
    events = analysed(nlp, text)
    assert wanted in [(e.type, [a.name for a in e.actor], [r.name for r in e.recipient]) for e in events]


@pytest.mark.model
def test_a_speaker_saying_an_act_of_a_party_violates_rules_accuses_its_doer(nlp):
    text = "Phillip Lee podkreślił, że odmowa poparcia ze strony rządu jest naruszeniem fundamentalnych zasad."
    (accuse,) = analysed(nlp, text)
    assert (accuse.type, accuse.mode, [r.name for r in accuse.recipient]) == ("ACCUSE", "allege", ["rząd"])
    assert analysed(nlp, "Rząd naruszył fundamentalne zasady.") == []  # unreported: no accuser


@pytest.mark.model
def test_saying_that_a_party_deserves_death_is_a_threat_of_the_speaker(nlp):
    text = "– Sędziowie Sądu Najwyższego też zasługują na śmierć – pomstował lider grupy fanatyków."
    (threat,) = analysed(nlp, text)
    assert (threat.type, [a.name for a in threat.actor]) == ("THREATEN", ["lider grupy fanatyków"])


@pytest.mark.model
def test_what_one_should_do_said_impersonally_is_no_demand(nlp):
    # ``nie powinno się``: no named actor is addressed, the speaker is not his own recipient
    assert analysed(nlp, "Poza tym nie powinno się odbierać pieniędzy - dodawał Jan Kowalski.") == []


@pytest.mark.model
def test_an_unnamed_party_acts_for_the_state_its_passage_is_about(nlp):
    # a Canadian passage of a Pakistani story: ``konserwatyści`` are Canadian, not Pakistani
    text = ("Pakistańskie władze zapowiedziały, że Asia Bibi nie opuści Pakistanu. Premier Pakistanu Imran Khan "
            "spotkał się z przywódcami islamistów w Islamabadzie. Pakistańska policja aresztowała kilkudziesięciu "
            "demonstrantów.\nNa szczęście azyl zaoferowała Kanada. Premier Kanady Justin Trudeau potwierdził, że "
            "Kanada jest krajem gościnnym. Konserwatyści wezwali szefa rządu, by zaoferował Bibi azyl.")
    events = {e.type: e for e in analysed(nlp, text)}
    assert [(a.name, a.country) for a in events["REQUEST"].actor] == [("konserwatyści", "CAN")]
    assert [(a.name, a.country) for a in events["COERCE"].actor] == [("policja", "PAK")]


@pytest.mark.model
def test_a_passive_opening_a_paragraph_takes_the_person_named_before_as_its_patient(nlp):
    text = "Asia Bibi jest chrześcijanką z Pakistanu.\nW 2010 r. została skazana za obrażanie proroka Mahometa."
    (sanction,) = analysed(nlp, text)
    assert (sanction.type, [r.name for r in sanction.recipient]) == ("SANCTION", ["Asia Bibi"])


@pytest.mark.model
def test_a_heading_glued_after_a_quotation_is_not_annotated(nlp):
    text = ("Premier Imran Khan ostrzegł islamistów. - Apeluję do was, byście nie blokowali dróg - mówił. "
            "Islamiści grożą protestami. Wcześniej przywódca TLP zagroził protestami.")
    threats = [e for e in analysed(nlp, text) if e.type == "THREATEN"]
    assert [e.trigger for e in threats] == ["zagroził"]


@pytest.mark.model
def test_non_governmental_organisations_act_for_no_state(nlp):
    text = "Organizacje pozarządowe zaapelowały do premiera Imrana Khana o uwolnienie chrześcijanki."
    (request,) = analysed(nlp, text)
    assert [(a.name, a.country) for a in request.actor] == [("organizacje pozarządowe", "NGO")]


# ---------------------------------------------------------------- recipients named off the slot


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # the object of the verbal noun, hung by the parse on its prepositional phrase
        "Asia Bibi spędziła osiem lat w więzieniu. Asia Bibi została uniewinniona. Asia Bibi jest bezpieczna. "
        "O wypuszczenie z więzienia kobiety apelował m.in. papież Benedykt XVI.",
        # the person a thing done is done to (``wyrok na Bibi``)
        "Jak podała agencja Asia News, o wykonanie wyroku na Bibi zaapelowało kilku znanych muzułmańskich "
        "kaznodziejów, w tym pakistański mufti Muhammad Haneef Qureshi.",
    ],
)
def test_a_demand_is_directed_at_whom_its_content_is_about(nlp, text):
    request = next(e for e in analysed(nlp, text) if e.type == "REQUEST")
    assert [r.name for r in request.recipient] in (["Asia Bibi"], ["Bibi"])


@pytest.mark.model
def test_an_offer_is_for_the_object_of_the_offered_verbal_noun(nlp):
    text = ("Asia Bibi spędziła osiem lat w więzieniu. Asia Bibi została uniewinniona. Asia Bibi jest bezpieczna. "
            "Chęć przyjęcia kobiety zadeklarowały m.in. Włochy, Francja i Parlament Europejski.")
    agree = next(e for e in analysed(nlp, text) if e.type == "AGREE")
    assert [r.name for r in agree.recipient] == ["Asia Bibi"]


@pytest.mark.model
def test_a_named_beneficiary_hung_on_the_offered_thing_is_the_recipient(nlp):
    (agree,) = analysed(nlp, "Już kilka krajów zaoferowało pomoc Bibi, w tym Włochy i Francja.")
    assert [r.name for r in agree.recipient] == ["Bibi"]


@pytest.mark.model
def test_a_protest_opposing_a_decision_is_directed_at_its_owner(nlp):
    text = ("Pakistańscy islamiści protestowali w czwartek drugi dzień z rzędu, sprzeciwiając się środowej "
            "decyzji Sądu Najwyższego.")
    protest = next(e for e in analysed(nlp, text) if e.type == "PROTEST")
    assert [r.name for r in protest.recipient] == ["Sąd Najwyższy"]


@pytest.mark.model
def test_a_speakers_you_is_whom_he_addressed_before(nlp):
    text = ("Khan ostrzegł islamistów, aby nie wypróbowywali cierpliwości państwa. - Apeluję do was, byście nie "
            "zmuszali państwa do podjęcia działania - mówił.")
    request = next(e for e in analysed(nlp, text) if e.type == "REQUEST")
    assert [r.name for r in request.recipient] == ["islamiści"]


@pytest.mark.model
def test_a_refusal_without_a_beneficiary_is_for_whom_the_offer_before_was(nlp):
    text = "Rządy Niemiec i Kanady wyraziły gotowość przyjęcia Asii Bibi. Azylu jednoznacznie odmówiła Wielka Brytania."
    reject = next(e for e in analysed(nlp, text) if e.type == "REJECT")
    assert [r.name for r in reject.recipient] == ["Asia Bibi"]
    # a new paragraph does not carry the beneficiary over
    text = "Rządy Niemiec i Kanady wyraziły gotowość przyjęcia Asii Bibi.\nAzylu jednoznacznie odmówiła Wielka Brytania."
    reject = next(e for e in analysed(nlp, text) if e.type == "REJECT")
    assert reject.recipient == []


@pytest.mark.model
def test_the_genitive_doers_of_an_attack_hung_on_the_verb_are_its_actor(nlp):
    text = "Rebecca Bitrus wraz z mężem i dwoma małymi synami padła ofiarą napadu islamskich terrorystów."
    assault = next(e for e in analysed(nlp, text) if e.type == "ASSAULT")
    assert [a.name for a in assault.actor] == ["islamscy terroryści"]


@pytest.mark.model
def test_of_two_objects_the_one_agreeing_with_the_verb_is_its_subject(nlp):
    # ``pomoc`` is what is offered; ``rząd`` (m3, nominative = accusative) agrees with ``zaoferował``
    (agree,) = analysed(nlp, "Swoją pomoc zaoferował pakistański rząd.")
    assert [(a.name, a.country) for a in agree.actor] == [("rząd", "PAK")]


@pytest.mark.model
def test_forces_sent_are_directed_at_whom_the_purpose_clause_names(nlp):
    text = ("Ok. 8,5 tys. policjantów i członków sił paramilitarnych zostało wysłanych na miejsce, "
            "by rozbić obóz demonstrantów.")
    mobilize = next(e for e in analysed(nlp, text) if e.type == "MOBILIZE")
    # the forces sent are no actor of their own sending: implicit (the state of the passage, none here)
    assert [a.name for a in mobilize.actor] in ([], [None])
    assert [r.name for r in mobilize.recipient] == ["demonstranci"]


@pytest.mark.model
def test_the_beneficiary_of_a_verbal_noun_in_a_content_clause_is_the_recipient(nlp):
    (agree,) = analysed(nlp, "Minister Jean-Yves Le Drian zadeklarował, że będzie pracował nad zwolnieniem Asi Bibi.")
    assert (agree.type, [r.name for r in agree.recipient]) == ("AGREE", ["Asia Bibi"])

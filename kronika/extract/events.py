"""PLOVER events with actors, recipients, dates and places (SPEC §2; guide:
docs/annotation/events.md).

    events_from_doc(doc, article, entities, times) -> [Event(type="AID", actor=[Rosja, Białoruś],
        recipient=[Kazachstan], status="occurred", date="2022-01", trigger="wysłały", ...)]

Per sentence (section headings left out): the lexicon's triggers that the sentence asserts
(:mod:`kronika.extract.event_triggers`), each with its actor and recipient
(:mod:`kronika.extract.event_roles`), status (occurred; announced for the future, plans and
decisions, calls to protest; negated with ``nie``), the date of a time expression in its own
clause (or in the clause reporting it, or opening its main clause where the parse hung it on a
noun), else the paragraph's opening time, else the day- or week-precise date of the events of the
sentence before it in the paragraph (quoted sentences between them keep it; ``Wcześniej`` and
section headings end it), else none (guide §7: no default to the article date); the place named in its ``w``/``na`` +
locative or ``do`` + genitive phrase; the trigger words and the sentence as evidence.
Calls to protest (``wezwał do protestów``) are PROTEST announced with the caller as the actor.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from ..lang import pl
from ..model import Article, Entity, Event, EventActor, TimeExpression
from .event_roles import (
    Parties, SubjectMemory, agents, reads_as, code_of, is_passive, conjuncts, implicit_party, is_agglutinate, is_state, nominal_object, slot_tokens, misattached_object, thing_target, case_word, unknown_word,
    reporting_conjunct, speech_verbs, subject_heads, is_reflexive,
)
from .event_triggers import (
    Frame, Trigger, absorb, call_frame, clause_head, conjoined_predicate, find_triggers, frame, idle_warning, is_negated, is_verbal,
    without_contents,
)
from .times import find_times

__all__ = ["events_from_doc"]

HEADING_WORDS = 6
HEADLINE_WORDS = 15
FINAL_PUNCTUATION = ".!?…\"”»'"
OPENING_TOKENS = 3
NEEDS_ACTOR = frozenset({"THREATEN"})
PRONOUNS = frozenset({"on", "ona", "ono", "oni", "one"})
FINITE_TAGS = ("fin", "praet", "bedzie", "winien")
ABOUT_TYPES = frozenset({"REQUEST", "AGREE", "REJECT"})
BENEFICIARY_TYPES = frozenset({"AGREE", "REJECT", "AID"})  # whose recipient the sentence before may name
ADDRESSEE_PRONOUNS = frozenset({"wy", "ty"})
PURPOSE_TARGET_TYPES = frozenset({"MOBILIZE"})  # forces sent: the purpose clause names whom against
PURPOSE_MARKERS = frozenset({"by", "aby", "żeby", "ażeby"})
# an opposing clause on a protest names its target (``sprzeciwiając się decyzji Sądu Najwyższego``)
OPPOSING_VERBS = frozenset({"sprzeciwiać", "sprzeciwić", "oponować"})
OWNED_CONTENT_TYPES = frozenset({"REJECT"})
JOINT_TYPES = frozenset({"AGREE", "CONSULT"})
COMITATIVE = ("obl:z+inst", "nmod:z+inst", "nmod:między+inst")
TRIGGER_SPAN = 6
MAX_CONTEXTS = 3
IMPLICIT_STATE_EXCLUDED = frozenset({"ASSAULT", "THREATEN"})
PLACE_CASES = {("w", "Loc"), ("na", "Loc"), ("do", "Gen")}
PLACE_TYPES = ("GPE", "LOC")
CLAUSE_LIKE_TAGS = ("ppas", "pact", "ger")
SPEECH_DEPS = ("ccomp", "parataxis")
NOUN_TIME_PREPOSITIONS = frozenset({"z", "ze", "sprzed", "od", "do"})  # ustawa z 1967 roku: the noun's time
SPEECH_DEPTH = 4
QUOTE_OPENERS = frozenset({"-", "–", "—", "„", '"', "«", "»", "“"})
STORY_PRECISIONS = frozenset({"day", "week", "minute", "second"})  # a dated story, not background (w 2011 r.)


def events_from_doc(doc: Doc, article: Article, entities: list[Entity], times: list[TimeExpression]) -> list[Event]:
    """The events the sentences of ``doc`` assert (offsets index ``article.text``)."""
    if not len(doc) or not doc.has_annotation("SENT_START"):
        return []  # events are coded sentence by sentence
    return _ArticleEvents(doc, article, Parties(doc, entities), _time_anchors(doc, times)).run()


# ---------------------------------------------------------------- times


def _usable(time: TimeExpression) -> tuple[str, str] | None:
    """The calendar value of a time expression (date part only), or None for times of day,
    periods and unresolved expressions."""
    value = (time.value or "").split("T", 1)[0]
    if not value or "/" in value or time.precision is None:
        return None
    precision = "day" if time.precision in ("minute", "second") else time.precision
    return value, precision


class _Time(NamedTuple):
    token: Token  # the token the expression hangs on
    value: str
    precision: str
    text: str


def _time_anchors(doc: Doc, times: list[TimeExpression]) -> list[_Time]:
    """Each usable time expression with the token it hangs on."""
    anchors = []
    for time in times:
        usable = _usable(time)
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if usable and span is not None and len(span):
            anchors.append(_Time(span.root, *usable, time.text))
    return anchors


def _verb_of(token: Token) -> Token | None:
    """The predicate a time expression modifies: the nearest verb, predicative participle or
    verbal noun above it (an adjectival participle is part of its noun's phrase: ``ostrzegł w
    przesłaniu nadanym w środę`` dates the warning); None inside a subject (``Wyrok ... z 2010 r.
    został anulowany``) or for the time of a noun (``ustawa z 1967 roku``, ``wybory z czerwca``)."""
    if token.dep_.startswith("nmod") and any(
        c.dep_ == "case" and c.lemma_.lower() in NOUN_TIME_PREPOSITIONS for c in token.children
    ):
        return None
    start = token
    while token.head != token:
        if token.dep_.startswith("nsubj") and not (token == start and _adpositional(token)):
            return None  # (an adpositional phrase is no subject: ``Tydzień temu`` labelled nsubj)
        token = token.head
        if token.tag_.startswith(("ppas", "pact")) and token.dep_.startswith(("acl", "amod")) and not any(
            c.dep_.startswith("aux") for c in token.children
        ):
            continue  # przesłanie nadane w środę: the noun's modifier
        if is_verbal(token) or token.tag_.startswith(CLAUSE_LIKE_TAGS):
            return token
    return token


def _agreeing_demonstrative(noun: Token, demonstratives) -> bool:
    """A demonstrative just before a noun, in its case, number and gender, is its determiner,
    whatever the parse attached it to (``sprzeciwiła się temu scenariuszowi``: ``temu`` iobj)."""
    if noun.i == 0:
        return False
    word = noun.doc[noun.i - 1]
    if word.lemma_.lower() not in demonstratives or word.head not in (noun, noun.head):
        return False
    return all(set(word.morph.get(f)) & set(noun.morph.get(f)) for f in ("Case", "Number", "Gender"))


def _adpositional(token: Token) -> bool:
    """Governed by a preposition or postposition (``w środę``, ``tydzień temu``)."""
    return any(c.dep_ == "case" and c.pos_ == "ADP" for c in token.children)


def _report_frame(token: Token) -> bool:
    """A verb of saying after a dash that the parse coordinated with the clause it reports
    (``... została wypuszczona – poinformował w środę jej prawnik``)."""
    return is_verbal(token) and reporting_conjunct(token)


def _quotation(sent: Span) -> bool:
    """A sentence of quoted speech: opened by a dialogue dash or a quotation mark, or closed
    by a dash and a verb of saying (``Nie pozwolimy ... - oświadczył szef rządu.``)."""
    words = [t for t in sent if not t.is_space]
    if words and words[0].text in QUOTE_OPENERS:
        return True
    speech = pl.event_cues()["speech"]
    return any(t.text in QUOTE_OPENERS and t.i + 1 < sent.end and sent.doc[t.i + 1].lemma_.lower() in speech for t in words)


def _inner_heading(sent: Span, previous: Span) -> bool:
    """A section heading the source glued into its paragraph (``... - dodał. Islamiści grożą
    protestami. Sprawa Asi Bibi ...``): a short sentence in the headline's present tense, not
    quoted, right after a quotation that closes the section before it."""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not words or len(words) > HEADING_WORDS or _quotation(sent) or not _quotation(previous):
        return False
    root = sent.root
    if not (root.tag_.startswith("fin") and "Pres" in root.morph.get("Tense") and "3" in root.morph.get("Person")):
        return False
    subjects = [c for c in root.children if c.dep_.startswith("nsubj")]  # a headline opens with its (named) subject
    return bool(subjects) and all(c.i < root.i and c.pos_ in ("NOUN", "PROPN") for c in subjects)


def _dangling(token: Token, verb: Token) -> bool:
    """A time expression opening the main clause of ``verb`` that the parse hung on a noun (its
    subject's, even): no other verb or predicative participle above it, and no preposition
    tying it to a noun."""
    if not token.dep_.startswith("obl") and any(  # an ``obl`` is a clause's dependent, whatever it hangs on
        c.dep_ == "case" and c.lemma_.lower() in NOUN_TIME_PREPOSITIONS for c in token.children
    ):
        return False
    while token.head != token:
        token = token.head
        if token == verb:
            return True
        if token.tag_.startswith(("ppas", "pact")) and token.dep_ == "conj":
            return False  # ``skazana ..., ale uniewinniona tydzień temu``: a predication of its own
        if token.tag_.startswith(("ppas", "pact")) and not any(c.dep_.startswith("aux") for c in token.children):
            continue
        if is_verbal(token) or token.tag_.startswith(CLAUSE_LIKE_TAGS) or token.dep_.startswith("acl"):
            return False
    return True


# ---------------------------------------------------------------- the article


@dataclass
class _ArticleEvents:
    doc: Doc
    article: Article
    parties: Parties
    times: list[_Time]
    memory: SubjectMemory = field(default_factory=SubjectMemory)
    frame_time: tuple[str, str] | None = None  # the time that opens the paragraph
    last_time: tuple[str, str] | None = None  # the last time expression so far
    story_date: tuple[str, str] | None = None  # the date of the last dated event of the paragraph
    paragraph_start: int = 0  # token index
    previous_paragraph_start: int = 0
    history: list[Event] = field(default_factory=list)  # the article's events so far

    def run(self) -> list[Event]:
        events: list[Event] = []
        sentences = list(self.doc.sents)
        title_end = self._title_end()
        for index, sent in enumerate(sentences):
            previous_end = _evidence(sentences[index - 1])[1] if index else 0
            starts_paragraph = index == 0 or "\n" in self.doc.text[previous_end:sent.start_char]
            if starts_paragraph:
                self.memory.clear()
                self.previous_paragraph_start, self.paragraph_start = self.paragraph_start, sent.start
                self.frame_time = self._opening_time(sent)
                self.story_date = None
            self._remember_subjects(sent)
            heading = self._heading(sent, sentences[index + 1:index + 2], starts_paragraph) or (
                index > 0 and _inner_heading(sent, sentences[index - 1]))
            if heading:
                self.story_date = None  # a new section
            if sent.start_char >= title_end and not heading:
                found = self._sentence_events(sent)
                events.extend(found)
                self.history.extend(found)
                if found or not _quotation(sent):  # quoted words of the occasion keep the story's date
                    dated = [e for e in found if e.date and e.status == "occurred" and e.date_precision in STORY_PRECISIONS]
                    self.story_date = (dated[-1].date, dated[-1].date_precision) if dated else None
            self.last_time = self._last_time(sent) or self.last_time
        return events

    def _title_end(self) -> int:
        """The end of the title where the reader put it as the first paragraph (not annotated)."""
        title = (self.article.title or "").strip()
        return len(title) if title and self.doc.text.startswith(title) else 0

    def _heading(self, sent: Span, following: list[Span], starts_paragraph: bool) -> bool:
        """A section heading: a short first sentence glued to its paragraph (``Protest po
        uniewinnieniu.``), or a short paragraph without final punctuation."""
        words = [t for t in sent if not (t.is_punct or t.is_space)]
        if not starts_paragraph or not words or words[0].i != sent.start:  # dialogue dash, quotation
            return False
        glued = bool(following) and "\n" not in self.doc.text[_evidence(sent)[1]:following[0].start_char]
        if glued and len(words) <= HEADING_WORDS:
            return True
        last = [t for t in sent if not t.is_space][-1:]
        return not glued and len(words) <= HEADLINE_WORDS and bool(last) and last[0].text[-1] not in FINAL_PUNCTUATION

    def _narrative_time(self, found: Frame, status: str) -> tuple[str, str] | None:
        """For an event told without its own time: the time that opens its paragraph, or the
        last time before it when its clause continues the story (``Następnie``, ``Wkrótce potem``)."""
        if status != "occurred":
            return None
        verb = clause_head(found.verb)
        cues = pl.event_cues()["continuation"]
        if any(c.lemma_.lower() in cues and c.dep_.startswith("advmod") and not _counted(c) for c in verb.children):
            return self.last_time
        anterior = pl.event_cues().get("anterior", frozenset())
        if any(c.lemma_.lower() in anterior or c.text.lower() in anterior for c in verb.children):
            return None
        return self.frame_time or self.story_date

    def _last_time(self, sent: Span) -> tuple[str, str] | None:
        """The last time expression of the sentence, which a continuing sentence takes up."""
        found = [(t.value, t.precision) for t in self.times if t.token.sent == sent]
        return found[-1] if found else None

    def _opening_time(self, sent: Span) -> tuple[str, str] | None:
        """A time expression opening the paragraph's first sentence sets the narrative frame
        (``Na początku ubiegłego tygodnia ... doszło do protestów``)."""
        for time in self.times:
            if time.token.sent == sent and time.token.i - sent.start <= OPENING_TOKENS:
                return time.value, time.precision
        return None

    def _remember_subjects(self, sent: Span) -> None:
        for token in sent:
            if token.dep_ == "nsubj" and is_verbal(token.head) and token.pos_ != "PRON" and not is_agglutinate(token):
                heads = conjuncts(token)
                self.memory.remember(heads, self._parties(heads))

    # ------------------------------------------------------------ one sentence

    def _sentence_events(self, sent: Span) -> list[Event]:
        framed = [(t, f) for t, f in self._framed(find_triggers(sent)) if f is not None]
        framed = _without_offered(without_contents(absorb(framed)))
        heads = {t.head.i: t for t, _ in framed}
        framed = [(t, f) for t, f in framed if not (  # ``pchnięty nożem oraz postrzelony``: one assault
            conjoined_predicate(t.head) and getattr(heads.get(t.head.head.i), "type", None) == t.type
            and not any(c.dep_.startswith(("nsubj", "aux")) for c in t.head.children))]
        events: list[Event] = []
        told: list[tuple[Token, Event]] = []  # (trigger head, event) so far
        for trigger, found in framed:
            event = self._event(sent, trigger, found)
            if event is None:
                continue
            first = next((e for h, e in told if e.type == event.type and e.status == event.status
                          and _coordinated(h, trigger.head)), None)
            if first is not None:  # ``unieważnił wyrok ... i oczyścił Asię Bibi z zarzutów``: one act, told twice
                first.recipient = first.recipient + [r for r in event.recipient if r not in first.recipient]
                continue
            told.append((trigger.head, event))
            events.append(event)
        if any(e.type == "PROTEST" for e in events):  # the demands of a protest are part of it (§3)
            events = [e for e in events if e.type != "REQUEST"]
        return events

    @staticmethod
    def _framed(triggers: list[Trigger]) -> list[tuple[Trigger, Frame | None]]:
        calls = {t.head.i: c for t in triggers if (c := call_frame(t)) is not None}
        callers = {c.verb.i for c in calls.values()}
        return [
            (t, calls.get(t.head.i) or frame(t))
            for t in triggers
            if not (t.head.i in callers and t.type == "REQUEST") and not _opinion(t)
        ]

    def _event(self, sent: Span, trigger: Trigger, found: Frame) -> Event | None:
        actor, recipient = self._roles(sent, trigger, found)
        if not actor and (trigger.type in NEEDS_ACTOR or "speaker" in trigger.entry["actor"]):
            return None
        if ("speaker" in trigger.entry["actor"] or "required" in _filter(trigger, "recipient")) and not recipient:
            return None
        if "required" in _filter(trigger, "content") and not _asked(trigger, found):
            return None
        if "excluded" in _filter(trigger, "reflexive") and is_reflexive(trigger.head):
            return None  # ``chwalił się sukcesami``: boasting, no praise
        status = _status(trigger, found)
        if status == "negated" and trigger.type == "REJECT":  # "nie wykluczył": no refusal
            return None
        if _everyday(trigger) or _excluded(trigger, found) or not self._person_object(trigger, found):
            return None
        if "speaker" in trigger.entry["actor"] and _first_person(found.verb):
            return None  # ``powinniśmy ...``: the speaker's own duty, no demand on a named actor
        if "speaker" in trigger.entry["actor"] and all(r in actor for r in recipient):
            return None  # ``nie powinno się ... - dodawał``: no party but the speaker himself
        if trigger.type == "THREATEN" and (idle_warning(trigger) or _danger(trigger)):
            return None
        if trigger.type == "PROTEST" and not trigger.entry["mode"] and any(a.sector == "GOV" for a in actor):
            # states protest (verbally): ACCUSE (§3); marches, strikes, blockades stay PROTEST
            trigger.type, trigger.entry = "ACCUSE", {**trigger.entry, "mode": "disapprove"}
        date = self._date(trigger, found, status) or self._narrative_time(found, status)
        location = self._location(trigger, found)
        return Event(
            type=trigger.type,
            mode=trigger.entry["mode"],
            context=_contexts(sent),
            status=status,
            actor=actor,
            recipient=[r for r in recipient if (r.entity, r.name) not in {(a.entity, a.name) for a in actor}],
            date=date[0] if date else None,
            date_precision=date[1] if date else None,
            location=location.name if location else None,
            trigger=self._trigger_text(trigger),
            evidence=_evidence(sent),
        )

    def _person_object(self, trigger: Trigger, found: Frame) -> bool:
        """For a verb whose event needs a person as its object (``stracić`` executes people,
        ``stracić szansę`` or ``gospodarka straci`` is no event; ``zatrzymać procedurę``): in the
        active voice its direct object names a person, group or body."""
        if "person" not in _filter(trigger, "object"):
            return True
        if is_passive(trigger.head) or trigger.head.tag_.startswith("imps"):
            return True  # ``został stracony``, ``stracono go``: the patient is the person
        objects = slot_tokens(trigger, ("obj",), found.support)
        return any(self._personal(o) for o in objects)  # without one: ``gospodarka straci``, to lose

    def _personal(self, token: Token) -> bool:
        """A person, group or body, or a quantity of them (``dziesiątki demonstrantów``)."""
        members = [c for c in token.children if c.dep_.startswith("nmod") and "Gen" in c.morph.get("Case")]
        for word in [token, *members]:
            if word.pos_ == "PRON" or "Hum" in word.morph.get("Animacy"):
                return True
            if self.parties.entity_at(word, ("PER", "ORG", "GPE")) is not None or self.parties.sector(word) is not None:
                return True
        return False

    # ------------------------------------------------------------ roles

    def _roles(self, sent: Span, trigger: Trigger, found: Frame) -> tuple[list[EventActor], list[EventActor]]:
        actor = self._slot_parties(sent, trigger, found, "actor")
        recipient = self._slot_parties(sent, trigger, found, "recipient")
        if not recipient and trigger.absorbed is not None:  # ``zgodził się, by demonstranci zostali objęci amnestią``
            recipient = self._slot_parties(sent, *trigger.absorbed, "recipient")
        if not recipient and trigger.entry["recipient"] and not _joint(trigger, found):
            recipient = self._party_of_thing(trigger, found) or self._answered(sent, trigger, found, actor)
        if not recipient and trigger.type in OWNED_CONTENT_TYPES and not _joint(trigger, found):
            recipient = self._owner_of_content(trigger, found)
        if not recipient and trigger.type == "PROTEST":
            recipient = self._opposed(trigger, found)
        if not recipient and trigger.entry["recipient"] and not _joint(trigger, found):
            recipient = self._from_discourse(sent, trigger, found, actor)
        if not recipient and trigger.type in PURPOSE_TARGET_TYPES:
            recipient = self._purpose_target(found)
        if _joint(trigger, found):  # negotiations, agreements: all parties act (§5)
            actor, recipient = actor + [r for r in recipient if r not in actor], []
        unsaid = _agentless(trigger, found) or found.subject_role == "none"
        if not actor and unsaid and trigger.type not in IMPLICIT_STATE_EXCLUDED:
            actor = implicit_party(self._implicit_country(trigger, found))
        return actor, recipient

    def _slot_parties(self, sent: Span, trigger: Trigger, found: Frame, role: str) -> list[EventActor]:
        slots = trigger.entry[role]
        heads = list(dict.fromkeys(t for h in slot_tokens(trigger, slots, found.support) for t in conjuncts(h)))
        if role == "actor" and "nsubj" in slots:
            members = [m for h in [*heads, found.verb] for m in self.parties.included(h)]
            if members:  # ``kilka krajów ..., w tym Włochy i Francja``: the members named act
                return self._parties(list(dict.fromkeys(members)))
        if heads:
            return self._parties(heads)
        if "speaker" in slots:
            return self._speaker(sent, found)
        if found.support is not None:
            if found.subject_role != role:
                return []
            passive = agents(found.support) if found.support.tag_.startswith(("ppas", "ger")) else []
            if passive:
                return self._parties(passive)
            if found.support.tag_.startswith("ger") and found.support.head != found.support:
                # ``partia naciskała na przeprowadzenie protestu``: the verbal noun's subject is the governing verb's
                return self._subject_parties(found.support.head) if is_verbal(found.support.head) else []
            return self._subject_parties(found.support)
        if _agentless(trigger, found):
            if "obj" in slots:  # the unsaid subject of a passive is its patient
                return self._subject_parties(found.verb)
            return self._possessor(trigger) if role == "actor" and "nsubj" in slots else self._about(trigger, role)
        if "obj" in slots and is_passive(found.verb) and found.verb in trigger.tokens:
            return self._subject_parties(found.verb)  # ``Wkrótce potem została aresztowana``: pro-drop
        if "nsubj" not in slots:
            return self._about(trigger, role)
        if _first_person(found.verb):
            return self._speaker(sent, found)
        return self._subject_parties(found.verb)

    def _subject_parties(self, verb: Token) -> list[EventActor]:
        """The parties of a verb's subject, said or (pro-drop) recalled from the paragraph."""
        heads = subject_heads(verb)
        if heads:
            return self._parties(heads)
        top = verb
        while top.dep_ in ("conj", "xcomp") and top.head != top and not reporting_conjunct(top):
            if top.tag_.startswith("imps"):
                return []  # ``próbowano ją zabić``: an impersonal has no subject to share or recall
            top = top.head
        if top.tag_.startswith("imps"):
            return []
        future = next((c for c in top.children if c.dep_.startswith("aux") and c.tag_.startswith("bedzie")), None)
        if top.tag_.startswith("inf") and future is not None:
            top = future  # ``będą rozmawiać``: the auxiliary agrees with the subject
        finite = top.tag_.startswith(FINITE_TAGS) or top.tag_.startswith("ppas") and top.morph.get("Number")
        if finite and "1" not in top.morph.get("Person"):
            return self.memory.recall(top) or self._person_before(top)
        return []

    def _person_before(self, verb: Token) -> list[EventActor]:
        """A singular verb without a subject that no subject of its paragraph agrees with (the
        paragraph opens with it: ``W 2010 r. została skazana``): the person last named before
        it, in this paragraph or the one before, whose gender the verb's ending shows."""
        if "Sing" not in verb.morph.get("Number") or not verb.tag_.startswith(("praet", "ppas")):
            return []
        person = self.parties.recent_person(verb, self.previous_paragraph_start)
        return [person] if person is not None else []

    def _party_of_thing(self, trigger: Trigger, found: Frame) -> list[EventActor]:
        """A party named by the trigger phrase's own object (``opuścić Wspólnotę``), or the party
        a thing in the recipient's place is about, named in its participle modifier (``uchylił
        ciążący na Bibi wyrok``, ``Wyrok skazujący Asię Bibi zostaje uchylony``)."""
        for word in trigger.tokens:
            if word != trigger.head and word.dep_.startswith("obj") and "obj" in trigger.entry["recipient"] and (
                    self.parties.entity_at(word) is not None or code_of(word.text, word.lemma_)):
                return self._parties([word])
        things = [*slot_tokens(trigger, trigger.entry["recipient"], found.support), *trigger.tokens]
        for thing in things:
            for modifier in thing.children:
                if not (modifier.dep_.startswith(("acl", "amod")) and modifier.tag_.startswith(("pact", "ppas"))):
                    continue
                about = [c for c in modifier.children if c.dep_.startswith("obj") or (
                    c.dep_.startswith("obl") and any(w.dep_ == "case" and w.lower_ == "na" for w in c.children))]
                parties = self._parties([t for a in about for t in conjuncts(a)])
                if parties:
                    return parties
        return []

    def _purpose_target(self, found: Frame) -> list[EventActor]:
        """Whom a force is sent against, named in the purpose clause (``zostało wysłanych na
        miejsce, by rozbić obóz demonstrantów``): the people the purpose's object is, or owns."""
        for clause in found.verb.children:
            if not (clause.dep_.startswith("advcl") and clause.tag_.startswith("inf") and any(
                    m.dep_ == "mark" and m.lower_ in PURPOSE_MARKERS for m in clause.children)):
                continue
            for thing in (c for c in clause.children if c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN")):
                people = [thing] if "Hum" in thing.morph.get("Animacy") else [
                    c for c in thing.children if c.dep_.startswith("nmod") and case_word(c) is None
                    and "Gen" in c.morph.get("Case") and "Hum" in c.morph.get("Animacy")]
                parties = self._parties(people[:1])
                if parties:
                    return parties
        return []

    def _from_discourse(self, sent: Span, trigger: Trigger, found: Frame, actor: list[EventActor]) -> list[EventActor]:
        """A recipient only the paragraph names. A speaker's ``wy``/``ty`` (``Apeluję do was``) is
        whom the same speaker addressed last in the paragraph (``Khan ostrzegł islamistów``). A
        refusal, offer or grant of a thing with no beneficiary (``Azylu odmówiła Wielka
        Brytania``) is for whom the offer, request or refusal of the sentence before was."""
        if sent.start <= self.paragraph_start:
            return []
        heads = slot_tokens(trigger, trigger.entry["recipient"], found.support)
        taken = {(a.entity, a.name) for a in actor}
        paragraph = self.doc[self.paragraph_start].idx
        if any(h.lemma_.lower() in ADDRESSEE_PRONOUNS for h in heads):
            for event in reversed(self.history):
                if event.evidence[0] < paragraph:
                    break
                if event.recipient and {(a.entity, a.name) for a in event.actor} & taken:
                    return [r for r in event.recipient if (r.entity, r.name) not in taken]
            return []
        if heads or trigger.type not in BENEFICIARY_TYPES:
            return []
        before = self.doc[sent.start - 1].sent.start_char
        for event in reversed(self.history):
            if event.evidence[0] < before:
                break
            if event.type in BENEFICIARY_TYPES | {"REQUEST"} and event.recipient and not (
                    {(r.entity, r.name) for r in event.recipient} & taken):
                return list(event.recipient)
        return []

    def _opposed(self, trigger: Trigger, found: Frame) -> list[EventActor]:
        """A protest's target named by an opposing clause on it (``protestowali, sprzeciwiając
        się decyzji Sądu Najwyższego``): the party opposed, or the owner of the thing opposed."""
        for verb in {found.verb, trigger.head}:
            for clause in verb.children:
                if not (clause.dep_.startswith("advcl") and clause.lemma_.lower() in OPPOSING_VERBS):
                    continue
                things = [c for c in clause.children if c.dep_.startswith(("iobj", "obj", "obl")) and c.pos_ in ("NOUN", "PROPN")
                          and (case_word(c) is None or case_word(c) in ("przeciw", "przeciwko"))]
                parties = self._parties(things[:1])
                if parties:
                    return parties
        return []

    def _answered(self, sent: Span, trigger: Trigger, found: Frame, actor: list[EventActor]) -> list[EventActor]:
        """Whom a response to something just told is directed at (discourse): a verdict taken up
        by a demonstrative (``uchylił ten wyrok``) is about whom the article's last sentence or
        charge was against; another such thing (``sprzeciwiła się temu scenariuszowi``) is the
        plan of the subject of the sentence before, in the paragraph."""
        cues = pl.event_cues()
        things = [*slot_tokens(trigger, trigger.entry["recipient"], found.support), *trigger.tokens]
        anaphoric = [t for t in things if t.pos_ in ("NOUN", "PROPN") and (any(
            c.dep_.startswith("det") and c.lemma_.lower() in cues.get("anaphoric", ()) for c in t.children)
            or _agreeing_demonstrative(t, cues.get("anaphoric", ())))]
        if not anaphoric:
            return []
        taken = {(a.entity, a.name) for a in actor}
        if any(t.lemma_.lower() in cues.get("verdict", ()) for t in anaphoric):
            for event in reversed(self.history):
                if event.type in ("SANCTION", "ACCUSE") and event.recipient:
                    return [r for r in event.recipient if (r.entity, r.name) not in taken]
            return []
        return self.memory.before(sent.start, taken)

    def _owner_of_content(self, trigger: Trigger, found: Frame) -> list[EventActor]:
        """Whose proposal a refusal rejects: the party proposing the thing refused, named as its
        agent (``odrzucała rozwiązania proponowane przez rząd``) or its genitive owner
        (``odrzucił propozycję rządu``)."""
        for thing in slot_tokens(trigger, trigger.entry.get("content", ()), found.support):
            if thing.pos_ not in ("NOUN", "PROPN") or "Hum" in thing.morph.get("Animacy"):
                continue
            for modifier in thing.children:
                if modifier.dep_.startswith(("acl", "amod")) and modifier.tag_.startswith("ppas"):
                    parties = self._parties(agents(modifier))
                    if parties:
                        return parties
            owners = [c for c in thing.children if c.dep_.startswith("nmod") and c.i > thing.i and not any(
                w.dep_ == "case" for w in c.children) and "Gen" in c.morph.get("Case") and c.pos_ in ("NOUN", "PROPN")]
            for owner in owners[:1]:
                if self.parties.entity_at(owner, ("PER", "ORG", "GPE")) is not None or self.parties.sector(owner):
                    return self._parties([owner])
        return []

    def _about(self, trigger: Trigger, role: str) -> list[EventActor]:
        """Whom the content of a demand, offer or refusal is about: the object of the verbal
        noun in it (``zabiegał o uwolnienie chrześcijanki``, ``gotowość przyjęcia Asii Bibi``)."""
        if role != "recipient" or trigger.type not in ABOUT_TYPES:
            return []
        nouns = slot_tokens(trigger, trigger.entry.get("content", ()))
        nouns += [c for t in trigger.tokens for c in t.children if c.tag_.startswith("ger") and c not in trigger.tokens]
        nouns += [t for t in trigger.tokens if t.tag_.startswith("ger")]
        # the verbal complement of the content noun (``Chęć przyjęcia kobiety zadeklarowały``)
        nouns += [g for c in list(nouns) if not c.tag_.startswith("ger") for g in c.children
                  if g.tag_.startswith("ger") and g.dep_.startswith("nmod") and case_word(g) is None]
        # the verbal noun a content clause works on (``zadeklarował, że będzie pracował nad zwolnieniem chrześcijanki``)
        clauses = [c for t in trigger.tokens for c in t.children if c.dep_.startswith("ccomp") and is_verbal(c)]
        nouns += [g for c in clauses for g in c.children if g.tag_.startswith("ger") and g.dep_.startswith(("obl", "obj"))]
        for noun in nouns:
            target = nominal_object(noun) or misattached_object(noun) or next(
                (c for c in noun.children if c.dep_ == "obj" and noun.tag_.startswith("ger") and c.pos_ in ("NOUN", "PROPN")
                 and case_word(c) is None), None)  # a verbal noun's object, whatever case the tagger gave it
            if target is not None:
                return self._parties([target]) or self._parties(thing_target(target))
        for word in trigger.tokens:  # a named beneficiary hung on the offered thing (``zaoferowało pomoc Bibi``)
            if word == trigger.head or word.pos_ != "NOUN":
                continue
            named = [c for c in word.children if c.dep_.startswith("nmod") and case_word(c) is None
                     and self.parties.entity_at(c, ("PER",)) is not None and (reads_as(c, "Dat") or unknown_word(c))]
            if named:
                return self._parties(named[:1])
        for word in trigger.tokens:  # an infinitive complement's object (``Gotowa przyjąć Asię Bibi``)
            for verb in word.children:
                if verb.dep_.startswith("xcomp") and verb.tag_.startswith("inf") and verb not in trigger.tokens:
                    objects = [o for o in verb.children if o.dep_ in ("obj", "iobj") and o.pos_ in ("NOUN", "PROPN", "PRON")
                               and set(o.morph.get("Case")) & {"Acc", "Gen", "Dat"}]
                    if objects:
                        return self._parties(objects[:1])
        return []

    def _speaker(self, sent: Span, found: Frame) -> list[EventActor]:
        for verb in speech_verbs(sent, found):
            parties = self._subject_parties(verb)
            if parties:
                return parties
        return []

    def _possessor(self, trigger: Trigger) -> list[EventActor]:
        """Whose troops are withdrawn or sent (``kontyngent sił ODKB zostanie wycofany``)."""
        for token in trigger.tokens:
            if token != trigger.head:
                owners = [c for c in token.children if c.dep_.startswith("nmod") and "Gen" in c.morph.get("Case")]
                if owners:  # a named owner; an unnamed kind of force is no owner (``policjantów i członków sił paramilitarnych``)
                    return [p for p in self._parties(owners[:1]) if p.entity is not None]
        return []

    def _parties(self, heads: list[Token]) -> list[EventActor]:
        parties: list[EventActor] = []
        for head in heads:
            if is_agglutinate(head):  # uzgodnili|śmy: a person ending, no party
                continue
            if head.pos_ == "PRON" or head.lemma_.lower() in PRONOUNS:
                found = self._antecedent(head) if head.lemma_.lower() in PRONOUNS else []
            else:
                found = self.parties.parties(head)
            for party in found:
                _add_party(parties, party)
        return parties

    def _antecedent(self, pronoun: Token) -> list[EventActor]:
        """A subject pronoun takes up the paragraph's subject; an object pronoun (``ją``, ``jej``)
        the person last named, in this paragraph or the one before."""
        if "Nom" not in pronoun.morph.get("Case"):
            person = self.parties.recent_person(pronoun, self.previous_paragraph_start)
            if person is not None:
                return [person]
        return self.memory.recall(pronoun) or self._plural_antecedent(pronoun)

    def _plural_antecedent(self, pronoun: Token) -> list[EventActor]:
        """A plural subject pronoun no subject of the paragraph takes up: the nearest agreeing
        plural noun of people before its sentence in the paragraph, in any case (``wyrok
        spowodował demonstracje radykalnych islamistów. Zagrozili oni śmiercią ...``)."""
        if "Plur" not in pronoun.morph.get("Number") or "Nom" not in pronoun.morph.get("Case"):
            return []
        virile = "Masc" in pronoun.morph.get("Gender")
        for i in range(pronoun.sent.start - 1, self.paragraph_start - 1, -1):
            noun = self.doc[i]
            if noun.pos_ not in ("NOUN", "PROPN") or "Plur" not in noun.morph.get("Number"):
                continue
            if noun.dep_.startswith(("flat", "fixed")) or any(c.dep_ == "case" for c in noun.children):
                continue
            if ("Hum" in noun.morph.get("Animacy") and "Masc" in noun.morph.get("Gender")) != virile:
                continue
            if virile or self.parties.sector(noun) is not None:
                found = self.parties.parties(noun)
                if found:
                    return found
        return []

    def _implicit_country(self, trigger: Trigger, found: Frame) -> str | None:
        location = self._location(trigger, found)
        code = self.parties.entity_code(location, trigger.head) if location else None
        return code if is_state(code) else self.parties.country_at(trigger.head)

    # ------------------------------------------------------------ date, place, trigger

    def _date(self, trigger: Trigger, found: Frame, status: str) -> tuple[str, str] | None:
        """The time in the event's own clause, else in the clause reporting it."""
        verb = clause_head(found.verb)
        own = {found.verb, verb, trigger.head}
        if found.verb.dep_ == "xcomp" or found.verb.tag_.startswith(("inf", "pcon")):
            own.add(found.verb.head)
        for predicate in list(own):
            if predicate.dep_.startswith("acl") and any(c.dep_ == "aux:pass" for c in predicate.children):
                own.add(predicate.head)  # ``W 2011 r. gubernator ..., został zabity``: a predicate parsed as a modifier
        times = [t for t in self.times if t.token.sent == trigger.head.sent]
        for time in times:
            if _verb_of(time.token) in own:
                return self._resolved(time, status)
        if verb.dep_ == "ROOT" or verb.head == verb:  # an opening time the parse left hanging on a noun
            for time in times:  # (``W przesłaniu nadanym w środę ... premier Imran Khan ostrzegł``)
                if time.token.i < verb.i and _dangling(time.token, verb):
                    return self._resolved(time, status)
        speech = pl.event_cues()["speech"]
        reporting = [c for c in verb.children if c.dep_.split(":")[0] in SPEECH_DEPS and c.lemma_.lower() in speech]
        reporting += [c for c in verb.children if _report_frame(c)]
        above = verb
        for _ in range(SPEECH_DEPTH):  # the verb of saying the event's clause depends on, however deep
            if above.head == above:
                break
            above = above.head
            if above.lemma_.lower() in speech and is_verbal(above):
                reporting.append(above)
                break
        for time in times:
            if _verb_of(time.token) in reporting:
                return time.value, time.precision
        return None

    def _resolved(self, time: _Time, status: str) -> tuple[str, str]:
        """The time's value; for an announced event a weekday or date without a year points
        forward (``spotka się w piątek``: the coming Friday)."""
        if status == "announced":
            ahead = find_times(time.text, self.article.date, self.article.date_precision, tense="future")
            usable = _usable(ahead[0]) if ahead else None
            if usable:
                return usable
        return time.value, time.precision

    def _location(self, trigger: Trigger, found: Frame) -> Entity | None:
        heads = [*trigger.tokens, *([found.support] if found.support is not None else [])]
        for head in heads:
            for child in head.children:
                preposition = next((c.lemma_.lower() for c in child.children if c.dep_ == "case"), None)
                if preposition and any((preposition, c) in PLACE_CASES for c in child.morph.get("Case")):
                    entity = self.parties.entity_at(child, PLACE_TYPES)
                    if entity is not None:
                        return entity
        return None

    def _trigger_text(self, trigger: Trigger) -> str:
        first, last = trigger.tokens[0], trigger.tokens[-1]
        if last.i - first.i > TRIGGER_SPAN:
            first = last = trigger.head
        return self.doc.text[first.idx:last.idx + len(last.text)]


# ---------------------------------------------------------------- helpers


def _add_party(parties: list[EventActor], party: EventActor) -> None:
    """Add a party unless it is there already; one entity named twice (``Prezydent Kazachstanu
    Kasym-Żomart Tokajew``: the title and the name) is one party, with what either reading knows."""
    same = next((p for p in parties if p == party or party.entity and p.entity == party.entity), None)
    if same is None:
        parties.append(party)
        return
    same.sector = same.sector or party.sector
    same.country = same.country or party.country


def _coordinated(first: Token, second: Token) -> bool:
    """Two verbs coordinated in one clause, the second without a subject of its own: they share
    the subject, and for triggers of one type and status tell one act."""
    return (second.dep_ == "conj" and second.head == first and is_verbal(first) and is_verbal(second)
            and not any(c.dep_.startswith("nsubj") for c in second.children))


def _excluded(trigger: Trigger, found: Frame) -> bool:
    """A complement that makes the match no event (``unless`` in event_filters.txt): ``walka o
    zmianę wyroku`` (a struggle for something), ``gotowa na czas`` (prepared, not willing),
    ``zrezygnować z planów`` (giving up a plan, no resignation)."""
    return any(slot_tokens(trigger, (slot,), found.support) for slot in _filter(trigger, "unless"))


CLAUSES = ("ccomp", "advcl", "xcomp", "csubj")


def _asked(trigger: Trigger, found: Frame) -> bool:
    """Whether a verb of turning to someone says what is asked: a content slot (``o pomoc``), a
    clause (``by ...``) or ``z`` + a noun (``z prośbą``, ``z apelem``); ``zwracając się do
    córki, papież powiedział`` asks nothing."""
    head = trigger.head
    if slot_tokens(trigger, trigger.entry.get("content", ()), found.support):
        return True
    return any(
        c.dep_.split(":")[0] in CLAUSES
        or c.dep_.startswith("obl") and "Ins" in c.morph.get("Case") and any(w.dep_ == "case" and w.lower_ == "z" for w in c.children)
        for c in head.children
    )


@cache
def _filters() -> dict[tuple[str, str], tuple[str, ...]]:
    """(lexicon pattern, filter) -> values, from ``event_filters.txt``."""
    found: dict[tuple[str, str], list[str]] = {}
    for pattern, kind, value in pl.read_columns("event_filters.txt"):
        found.setdefault((pattern, kind), []).append(value)
    return {key: tuple(values) for key, values in found.items()}


def _filter(trigger: Trigger, kind: str) -> tuple[str, ...]:
    return _filters().get((trigger.entry["pattern"], kind), ())


OFFERED_TYPES = frozenset({"AID", "CONSULT", "COOPERATE"})


def _without_offered(framed: list[tuple[Trigger, Frame]]) -> list[tuple[Trigger, Frame]]:
    """Aid, talks or cooperation named as what an offer or promise offers (``Azyl zaproponowało
    jej kilka krajów``, ``zaoferował pomoc``) are the offer's content: one AGREE (guide §3,
    §4: offers are AGREE), not a second event carried by the offering verb."""
    offering = {t.head.i for t, _ in framed if t.type == "AGREE" and is_verbal(t.head)}
    return [(t, f) for t, f in framed if not (
        t.type in OFFERED_TYPES and f.support is not None and f.support.i in offering and f.support not in t.tokens)]


def _first_person(verb: Token) -> bool:
    """``apeluję``, ``uzgodniliśmy`` (a past form with the agglutinate ``śmy``)."""
    if "1" in verb.morph.get("Person"):
        return True
    return verb.i + 1 < len(verb.doc) and not verb.whitespace_ and is_agglutinate(verb.nbor())


def _agentless(trigger: Trigger, found: Frame) -> bool:
    """An impersonal or agentless passive predicate (``aresztowano``, ``została skazana``)."""
    verb = found.verb if found.support is None else trigger.head
    if verb.tag_.startswith("imps"):
        return True
    if verb.tag_.startswith("ppas") or any(c.dep_ == "aux:pass" for c in verb.children):
        return not any(c.dep_ == "obl:agent" and not c.tag_.startswith("ger") for c in verb.children)
    return not trigger.entry["actor"]


def _joint(trigger: Trigger, found: Frame) -> bool:
    """Talks and agreements ``z`` someone make them co-actors, except for verbs directed at the
    other party (a meeting with a host, agreeing to someone's proposal)."""
    if trigger.type not in JOINT_TYPES or trigger.entry["mode"] in ("visit", "phone"):
        return False
    if trigger.head.lemma_.lower() in pl.event_cues()["directed"]:
        return False
    return any(slot in COMITATIVE for slot in trigger.entry["recipient"])


def _opinion(trigger: Trigger) -> bool:
    """Agreeing with a statement (``zgadzam się z tym``) is an opinion, not an event."""
    fillers = slot_tokens(trigger, trigger.entry["recipient"])
    return trigger.type == "AGREE" and any(t.lemma_.lower() == "to" for t in fillers)


def _danger(trigger: Trigger) -> bool:
    """``grozi jej niebezpieczeństwo``, ``Pakistance będzie grozić śmierć``: a danger in the
    nominative is what threatens, no party threatening (a threat names its means in the
    instrumental: ``grozili śmiercią``)."""
    head = trigger.head
    if head.lemma_.lower() not in pl.event_cues().get("endanger", ()):
        return False
    dangers = pl.event_cues().get("danger", frozenset())
    return any(c.lemma_.lower() in dangers and not any(w.dep_ == "case" for w in c.children)
               and ("Nom" in c.morph.get("Case") or reads_as(c, "Nom")) for c in head.children)


def _everyday(trigger: Trigger) -> bool:
    """A refusal, offer or demand of an everyday act (``odmówiły picia z tego samego naczynia``):
    interpersonal, no political event (guide §2)."""
    everyday = pl.event_cues().get("everyday", frozenset())
    content = slot_tokens(trigger, trigger.entry.get("content", ()))
    clauses = [  # poprosiła ją, by go ucałować
        c for c in trigger.head.children
        if c.dep_.split(":")[0] in CLAUSES and any(m.dep_ == "mark" and m.lower_ in ("by", "aby", "żeby") for m in c.children)
    ]
    return any(t.lemma_.lower() in everyday for t in [*content, *clauses])


def _counted(adverb: Token) -> bool:
    """``rok później``, ``kilka dni później``: an offset, not a plain continuation."""
    return any(c.pos_ in ("NOUN", "NUM") for c in adverb.children) or (
        adverb.i > 0 and adverb.doc[adverb.i - 1].pos_ in ("NOUN", "NUM")
    )


def _status(trigger: Trigger, found: Frame) -> str:
    negatable = found.support if found.support is not None else trigger.head
    if not trigger.entry["pattern"].startswith("nie ") and is_negated(negatable):
        return "negated"
    return found.status


def _contexts(sent: Span) -> list[str]:
    contexts = pl.event_contexts()
    found = [contexts[t.lemma_.lower()] for t in sent if t.lemma_.lower() in contexts]
    return list(dict.fromkeys(found))[:MAX_CONTEXTS]


def _evidence(sent: Span) -> tuple[int, int]:
    words = [t for t in sent if not t.is_space]
    if not words:
        return sent.start_char, sent.end_char
    return words[0].idx, words[-1].idx + len(words[-1].text)

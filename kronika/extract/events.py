"""PLOVER events with actors, recipients, dates and places (SPEC §2; guide:
docs/annotation/events.md).

    events_from_doc(doc, article, entities, times) -> [Event(type="AID", actor=[Rosja, Białoruś],
        recipient=[Kazachstan], status="occurred", date="2022-01", trigger="wysłały", ...)]

Per sentence (section headings left out): the lexicon's triggers that the sentence asserts
(:mod:`kronika.extract.event_triggers`), each with its actor and recipient
(:mod:`kronika.extract.event_roles`), status (occurred; announced for the future, plans and
decisions, calls to protest; negated with ``nie``), the date of a time expression in its own
clause (or in the clause reporting it), else none; the place named in its ``w``/``na`` +
locative or ``do`` + genitive phrase; the trigger words and the sentence as evidence.
Calls to protest (``wezwał do protestów``) are PROTEST announced with the caller as the actor.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..lang import pl
from ..model import Article, Entity, Event, EventActor, TimeExpression
from .event_roles import Parties, SubjectMemory, conjuncts, implicit_party, slot_tokens, speaker_heads, subject_heads
from .event_triggers import Frame, Trigger, clause_head, find_triggers, frame, is_negated, is_verbal

__all__ = ["events_from_doc"]

HEADING_WORDS = 6
TRIGGER_SPAN = 6
MAX_CONTEXTS = 3
IMPLICIT_STATE_EXCLUDED = frozenset({"ASSAULT"})
PLACE_CASES = {("w", "Loc"), ("na", "Loc"), ("do", "Gen")}
PLACE_TYPES = ("GPE", "LOC")
SPEECH_DEPS = ("ccomp", "parataxis")


def events_from_doc(doc: Doc, article: Article, entities: list[Entity], times: list[TimeExpression]) -> list[Event]:
    """The events the sentences of ``doc`` assert (offsets index ``article.text``)."""
    if not len(doc):
        return []
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


def _time_anchors(doc: Doc, times: list[TimeExpression]) -> list[tuple[Token, str, str]]:
    """(token the time hangs on, value, precision) for each usable time expression."""
    anchors = []
    for time in times:
        usable = _usable(time)
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if usable and span is not None and len(span):
            anchors.append((span.root, *usable))
    return anchors


def _verb_of(token: Token) -> Token:
    """The clause head a token belongs to (the token itself for a verb)."""
    while not is_verbal(token) and token.head != token:
        token = token.head
    return token


# ---------------------------------------------------------------- the article


@dataclass
class _ArticleEvents:
    doc: Doc
    article: Article
    parties: Parties
    times: list[tuple[Token, str, str]]
    memory: SubjectMemory = field(default_factory=SubjectMemory)

    def run(self) -> list[Event]:
        events: list[Event] = []
        previous_end = 0
        sentences = list(self.doc.sents)
        for index, sent in enumerate(sentences):
            starts_paragraph = "\n" in self.doc.text[previous_end:sent.start_char] or index == 0
            previous_end = sent.end_char
            if starts_paragraph:
                self.memory.clear()
            if not (starts_paragraph and self._heading(sent, sentences[index + 1:index + 2])):
                events.extend(self._sentence_events(sent))
            self._remember_subjects(sent)
        return events

    def _heading(self, sent: Span, following: list[Span]) -> bool:
        """A short first sentence glued to the paragraph it heads (``Protest po uniewinnieniu.``)."""
        words = [t for t in sent if not (t.is_punct or t.is_space)]
        return bool(following) and len(words) <= HEADING_WORDS and "\n" not in self.doc.text[sent.end_char:following[0].start_char]

    def _remember_subjects(self, sent: Span) -> None:
        for token in sent:
            if token.dep_ == "nsubj" and is_verbal(token.head):
                heads = conjuncts(token)
                self.memory.remember(heads, self._parties(heads))

    # ------------------------------------------------------------ one sentence

    def _sentence_events(self, sent: Span) -> list[Event]:
        events = []
        triggers = find_triggers(sent)
        calls = {}
        for trigger in triggers:
            call = _call_frame(trigger)
            if call is not None:
                calls[trigger.head.i] = call
        callers = {c.verb.i for c in calls.values()}
        for trigger in triggers:
            if trigger.head.i in callers and trigger.type == "REQUEST":
                continue
            found = calls.get(trigger.head.i) or frame(trigger)
            if found is not None:
                events.append(self._event(sent, trigger, found))
        return events

    def _event(self, sent: Span, trigger: Trigger, found: Frame) -> Event:
        actor, recipient = self._roles(sent, trigger, found)
        date = self._date(found)
        return Event(
            type=trigger.type,
            mode=trigger.entry["mode"],
            context=_contexts(sent),
            status=_status(trigger, found),
            actor=actor,
            recipient=[r for r in recipient if (r.entity, r.name) not in {(a.entity, a.name) for a in actor}],
            date=date[0] if date else None,
            date_precision=date[1] if date else None,
            location=self._location(trigger, found),
            trigger=self._trigger_text(trigger),
            evidence=_evidence(sent),
        )

    # ------------------------------------------------------------ roles

    def _roles(self, sent: Span, trigger: Trigger, found: Frame) -> tuple[list[EventActor], list[EventActor]]:
        entry = trigger.entry
        actor_heads = self._expand(slot_tokens(trigger, entry["actor"]))
        recipient_heads = self._expand(slot_tokens(trigger, entry["recipient"]))
        if not actor_heads:
            actor_heads = self._implicit_actor(sent, trigger, found)
        if not recipient_heads and found.support is not None and found.subject_role == "recipient":
            recipient_heads = subject_heads(found.support)
        actor, recipient = self._parties(actor_heads), self._parties(recipient_heads)
        if not actor_heads and _agentless(trigger, found) and trigger.type not in IMPLICIT_STATE_EXCLUDED:
            actor = implicit_party(self.parties.country)
        return actor, recipient

    @staticmethod
    def _expand(heads: list[Token]) -> list[Token]:
        return list(dict.fromkeys(t for h in heads for t in conjuncts(h)))

    def _implicit_actor(self, sent: Span, trigger: Trigger, found: Frame) -> list[Token]:
        """The actor the clause leaves unsaid: the speaker, the support verb's subject, the
        coordinated or governing verb's subject (first person: the speaker of the quote)."""
        slots = trigger.entry["actor"]
        if "speaker" in slots:
            return speaker_heads(sent, found)
        if found.support is not None:
            return subject_heads(found.support) if found.subject_role == "actor" else []
        if "nsubj" not in slots or _agentless(trigger, found):
            return []
        verb = found.verb
        if "1" in verb.morph.get("Person"):
            return speaker_heads(sent, found)
        return subject_heads(verb)

    def _parties(self, heads: list[Token]) -> list[EventActor]:
        parties: list[EventActor] = []
        for head in heads:
            if head.pos_ == "PRON" or head.lemma_.lower() in ("on", "ona", "oni", "one"):
                found = self.memory.recall(head) if head.lemma_.lower() not in ("ja", "my") else []
            else:
                found = [self.parties.party(head)]
            parties.extend(p for p in found if p not in parties)
        return parties

    # ------------------------------------------------------------ date, place, trigger

    def _date(self, found: Frame) -> tuple[str, str] | None:
        """The time in the event's own clause, else in the clause reporting it."""
        verb = clause_head(found.verb)
        own = {found.verb, verb}
        if found.verb.dep_ == "xcomp" or found.verb.tag_.startswith("inf"):
            own.add(found.verb.head)
        for anchor, value, precision in self.times:
            if _verb_of(anchor) in own:
                return value, precision
        if verb.dep_.split(":")[0] in SPEECH_DEPS and verb.head.lemma_.lower() in pl.event_cues()["speech"]:
            for anchor, value, precision in self.times:
                if _verb_of(anchor) == verb.head:
                    return value, precision
        return None

    def _location(self, trigger: Trigger, found: Frame) -> str | None:
        heads = [*trigger.tokens, *([found.support] if found.support is not None else [])]
        for head in heads:
            for child in head.children:
                case = next((c.lemma_.lower() for c in child.children if c.dep_ == "case"), None)
                cases = child.morph.get("Case")
                if case and any((case, c) in PLACE_CASES for c in cases):
                    entity = self.parties.entity_at(child, PLACE_TYPES)
                    if entity is not None:
                        return entity.name
        return None

    def _trigger_text(self, trigger: Trigger) -> str:
        first, last = trigger.tokens[0], trigger.tokens[-1]
        if last.i - first.i > TRIGGER_SPAN:
            first = last = trigger.head
        return self.doc.text[first.idx:last.idx + len(last.text)]


# ---------------------------------------------------------------- helpers


def _agentless(trigger: Trigger, found: Frame) -> bool:
    """An impersonal or agentless passive predicate (``aresztowano``, ``została skazana``)."""
    verb = found.verb if found.support is None else trigger.head
    if verb.tag_.startswith("imps"):
        return True
    if verb.tag_.startswith("ppas") or any(c.dep_ == "aux:pass" for c in verb.children):
        return not any(c.dep_ == "obl:agent" for c in verb.children)
    return not trigger.entry["actor"]


def _call_frame(trigger: Trigger) -> Frame | None:
    """A protest named as the goal of a call (``wezwał do protestów``, ``zachęcał do wyjścia na
    ulice``): PROTEST announced, the caller's clause as its frame."""
    if trigger.type != "PROTEST":
        return None
    head = clause_head(trigger.head)
    verb = head.head
    case = next((c.lemma_.lower() for c in head.children if c.dep_ == "case"), None)
    if verb != head and case == "do" and verb.lemma_.lower() in pl.event_cues()["call"]:
        return Frame("announced", verb, verb, "actor")
    return None


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

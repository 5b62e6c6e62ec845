"""Event roles: actor and recipient from the dependency parse and case, as parties with ids,
country codes and PLOVER sectors.

Slots are those of the lexicon (``nsubj``, ``obj``, ``iobj``, ``obl:do+gen``, ``nmod:gen`` ...):
in the passive the subject fills the object's slot and ``przez`` + accusative the subject's; a
verbal noun takes its agent from ``przez`` + accusative and its object (or, for a reflexive or
intransitive verb, its subject) from the genitive. Conjoined fillers are one compound party
(``Rosja i Białoruś``). A missing subject is the subject of the coordinated or governing verb,
else the most recent compatible subject of the paragraph (pro-drop); first-person verbs in a
quotation take the speaker. A filler becomes a party through the entity mention on it (the
fullest name of the article), a person named in apposition to a title (``prezydent Kazachstanu
Kasym-Żomart Tokajew``), the country of a governing body (``władze Francji``), or else a
description in the nominative (``islamiści``). Country codes come from the entity, else from
``kronika/lang/pl/countries.txt`` (names, adjectives, demonyms), else from a country complement or
adjective of the phrase, else (for people, organisations and descriptions) from the article's
main country; sectors from ``plover_sectors.txt``.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..export.plover import ORGANISATION_CODES
from ..lang import pl
from ..model import Entity, EventActor
from .base_forms import lemmatize_phrase
from .event_triggers import Frame, Trigger, clause_head, is_verbal

__all__ = ["Parties", "SubjectMemory", "implicit_party"]

CASES = {"nom": "Nom", "gen": "Gen", "dat": "Dat", "acc": "Acc", "inst": "Ins", "loc": "Loc"}
NAMED = ("PER", "ORG")
PERSONAL_PRONOUNS = frozenset({"on", "ona", "ono", "oni", "one", "ja", "my", "ty", "wy"})
FILLER_DEPS = ("nsubj", "obj", "iobj", "obl", "nmod", "appos", "conj", "flat")
_SLOT = re.compile(r"(obl|nmod):(.+)\+(\w+)")


# ---------------------------------------------------------------- slots


def _case_word(token: Token) -> str | None:
    """The preposition of a noun, with its fixed parts (``ze strony``), lower-cased."""
    case = next((c for c in token.children if c.dep_ == "case"), None)
    if case is None:
        return None
    fixed = [f.lower_ for f in case.children if f.dep_ == "fixed"]
    return " ".join([case.lemma_.lower(), *fixed])


def _has_case(token: Token, case: str) -> bool:
    cases = token.morph.get("Case")
    return not cases or CASES[case] in cases


def _slot_fillers(token: Token, slot: str, passive: bool, nominal: bool) -> list[Token]:
    """Dependents of one trigger token that fill ``slot``."""
    kids = list(token.children)
    if slot == "nsubj":
        if passive or nominal:
            return [c for c in kids if c.dep_ == "obl:agent" or _case_word(c) == "przez" and _has_case(c, "acc")]
        return [c for c in kids if c.dep_ == "nsubj"]
    if slot == "obj":
        if passive:
            return [c for c in kids if c.dep_.startswith("nsubj")]
        if nominal:
            return _slot_fillers(token, "nmod:gen", False, True)
        return [c for c in kids if c.dep_ == "obj"]
    if slot == "iobj":
        return [c for c in kids if c.dep_ == "iobj" or c.dep_.startswith(("obl", "obj")) and _case_word(c) is None
                and "Dat" in c.morph.get("Case")]
    if slot in ("nmod:gen", "obl:inst"):
        wanted = "Gen" if slot == "nmod:gen" else "Ins"
        return [c for c in kids if c.dep_.startswith(("nmod", "obl")) and _case_word(c) is None and wanted in c.morph.get("Case")]
    match = _SLOT.fullmatch(slot)
    if match:
        return [c for c in kids if c.dep_.startswith(("obl", "nmod")) and _case_word(c) == match[2] and _has_case(c, match[3])]
    return []


def _nominal(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") or token.tag_.startswith(("ger", "subst"))


def _passive(token: Token) -> bool:
    return token.tag_.startswith("ppas") and any(c.dep_ in ("aux:pass", "nsubj:pass", "obl:agent", "aux") for c in token.children)


def slot_tokens(trigger: Trigger, slots) -> list[Token]:
    """The heads that fill the first of ``slots`` found on any token of the trigger."""
    for slot in slots:
        if slot in ("self", "speaker", "ccomp", "xcomp"):
            continue
        for token in trigger.tokens:
            found = [t for t in _slot_fillers(token, slot, _passive(token), _nominal(token) and token == trigger.head)
                     if t not in trigger.tokens and not t.is_punct]
            if found:
                return found
    return []


def conjuncts(token: Token) -> list[Token]:
    """The token and the members coordinated with it (``Rosja i Białoruś``)."""
    return [token, *(c for c in token.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "X", "PRON"))]


# ---------------------------------------------------------------- countries


@lru_cache(maxsize=4096)
def _base(text: str) -> str:
    return lemmatize_phrase(None, text).lower()


def code_of(text: str, lemma: str = "") -> str | None:
    """The country or organisation code of a name (any case form) or adjective, or None."""
    names, adjectives = pl.country_codes(), pl.country_adjectives()
    for key in (text.lower(), lemma.lower()):
        if key in names:
            return names[key]
        if key in adjectives:
            return adjectives[key]
    base = _base(text) if text else ""
    return names.get(base) or adjectives.get(base)


def is_state(code: str | None) -> bool:
    return bool(code) and code not in ORGANISATION_CODES


def main_country(doc: Doc, entities: list[Entity]) -> str | None:
    """The state the article is mostly about: the most frequent state code of its names and adjectives."""
    counts: Counter = Counter()
    for entity in entities:
        for mention in entity.mentions:
            code = entity.country or code_of(mention.text, mention.base or "")
            if is_state(code):
                counts[code] += 1
    for token in doc:
        if token.pos_ == "ADJ" and token.lemma_.lower() in pl.country_adjectives():
            code = pl.country_adjectives()[token.lemma_.lower()]
            if is_state(code):
                counts[code] += 1
    return counts.most_common(1)[0][0] if counts else None


def implicit_party(country: str | None) -> list[EventActor]:
    """An actor the text leaves implicit (``Razę aresztowano``): no entity, the state's code."""
    return [EventActor(entity="", name=None, country=country)] if country else []


# ---------------------------------------------------------------- parties


@dataclass
class Parties:
    """Turns filler tokens of one article into :class:`EventActor` parties."""

    doc: Doc
    entities: list[Entity]
    country: str | None = None  # the article's main state
    _by_token: dict[int, Entity] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for entity in self.entities:
            for mention in entity.mentions:
                span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                for token in span or ():
                    self._by_token.setdefault(token.i, entity)
        if self.country is None:
            self.country = main_country(self.doc, self.entities)

    def entity_at(self, token: Token, types=("PER", "ORG", "GPE", "LOC")) -> Entity | None:
        entity = self._by_token.get(token.i)
        return entity if entity is not None and entity.type in types else None

    def fullest_name(self, entity: Entity) -> str:
        """The longest name of a person of the article sharing the surname (``Tokajew`` ->
        ``Kasym-Żomart Tokajew``), until entity linking groups them."""
        if entity.type != "PER":
            return entity.name
        last = entity.name.split()[-1].casefold()
        names = [e.name for e in self.entities if e.type == "PER" and e.name.split()[-1].casefold() == last]
        return max(names, key=len, default=entity.name)

    def entity_code(self, entity: Entity, token: Token) -> str | None:
        if entity.country:
            return entity.country
        return code_of(entity.name) or code_of(token.text, token.lemma_) or next(
            (code_of(m.text, m.base or "") for m in entity.mentions if code_of(m.text, m.base or "")), None
        )

    def phrase_code(self, head: Token) -> str | None:
        """A country named inside the phrase: a complement (``premier Pakistanu``, ``członków
        ODKB``) or an adjective (``pakistańscy islamiści``)."""
        for child in head.children:
            if child.dep_.startswith(("nmod", "amod", "appos")) and child.i != head.i:
                code = code_of(child.text, child.lemma_)
                if code:
                    return code
                entity = self.entity_at(child)
                if entity is not None and self.entity_code(entity, child):
                    return self.entity_code(entity, child)
        return None

    def sector(self, head: Token, entity: Entity | None = None) -> str | None:
        sectors = pl.plover_sectors()
        if entity is not None and entity.type == "GPE" and is_state(self.entity_code(entity, head)):
            return "GOV"
        words = [head.lemma_.lower()]
        if entity is not None:
            words += [w.lower() for w in entity.name.split()]
        return next((sectors[w] for w in words if w in sectors), None)

    def party(self, token: Token) -> EventActor:
        """The party a filler token stands for."""
        token = self._member_of_group(token)
        entity = self.entity_at(token)
        if entity is None:
            named = self._named_in_apposition(token)
            if named is not None:
                return self._entity_party(named[1], named[0], title=token)
            body_country = self._body_country(token)
            if body_country is not None:
                return body_country
            return self._description(token)
        return self._entity_party(entity, token)

    def _member_of_group(self, token: Token) -> Token:
        """``grupy protestujących``, ``tysiące islamistów``: the members stand for the group."""
        if token.lemma_.lower() in pl.event_cues()["group"]:
            member = next((c for c in token.children if c.dep_.startswith("nmod") and "Gen" in c.morph.get("Case")), None)
            if member is not None:
                return self._member_of_group(member)
        return token

    def _named_in_apposition(self, token: Token) -> tuple[Token, Entity] | None:
        for child in token.subtree:
            if child.dep_.startswith(("appos", "flat", "nmod:flat")) or child.head == token and child.pos_ == "PROPN":
                entity = self.entity_at(child, NAMED)
                if entity is not None and child.dep_ != "nmod" and "Gen" not in child.morph.get("Case"):
                    return child, entity
        return None

    def _body_country(self, token: Token) -> EventActor | None:
        """``władze Francji``, ``rząd Niemiec``: the country acts."""
        if token.lemma_.lower() not in pl.event_cues()["body"]:
            return None
        for child in token.children:
            if child.dep_.startswith("nmod") and "Gen" in child.morph.get("Case"):
                code = code_of(child.text, child.lemma_)
                if is_state(code):
                    entity = self.entity_at(child)
                    name = entity.name if entity else _base(child.text).capitalize()
                    return EventActor(entity=entity.id if entity else "", name=name, country=code, sector="GOV")
        return None

    def _entity_party(self, entity: Entity, token: Token, title: Token | None = None) -> EventActor:
        code = self.entity_code(entity, token)
        if code is None and title is not None:
            code = self.phrase_code(title)
        if code is None:
            code = self.phrase_code(token)
        if code is None and entity.type in NAMED:
            code = self.country
        sector = self.sector(title, None) if title is not None else self.sector(token, entity)
        return EventActor(entity=entity.id, name=self.fullest_name(entity), country=code, sector=sector)

    def _description(self, head: Token) -> EventActor:
        """An unnamed party: its noun phrase in the nominative (``islamiści``, ``władze``)."""
        adjectives = pl.country_adjectives()
        words = [c for c in head.children if c.dep_ == "amod" and c.i < head.i and c.lemma_.lower() not in adjectives]
        text = " ".join(t.text for t in sorted([*words, head], key=lambda t: t.i))
        name = _base(text)
        code = self.phrase_code(head) or self.country
        return EventActor(entity="", name=name, country=code, sector=self.sector(head))


# ---------------------------------------------------------------- implicit subjects


@dataclass
class _Subject:
    parties: list[EventActor]
    number: str
    virile: bool
    feminine: bool


@dataclass
class SubjectMemory:
    """The subjects of the paragraph so far, for verbs without one (pro-drop)."""

    subjects: list[_Subject] = field(default_factory=list)

    def clear(self) -> None:
        self.subjects.clear()

    def remember(self, heads: list[Token], parties: list[EventActor]) -> None:
        if not parties or not heads:
            return
        head = heads[0]
        number = "Plur" if len(heads) > 1 else (head.morph.get("Number") or ["Sing"])[0]
        virile = "Hum" in head.morph.get("Animacy") and "Masc" in head.morph.get("Gender")
        self.subjects.append(_Subject(parties, number, virile, "Fem" in head.morph.get("Gender")))

    def recall(self, verb: Token) -> list[EventActor]:
        """The most recent subject agreeing with the verb in number (and gender, where shown)."""
        number = verb.morph.get("Number")
        gender = verb.morph.get("Gender")
        for subject in reversed(self.subjects):
            if number and subject.number not in number:
                continue
            if gender and subject.number == "Plur" and ("Masc" in gender and "Hum" in verb.morph.get("Animacy")) != subject.virile:
                continue
            if gender and subject.number == "Sing" and ("Fem" in gender) != subject.feminine:
                continue
            return subject.parties
        return []


def subject_heads(verb: Token) -> list[Token]:
    """The subject of a verb, or of the verb it is coordinated with or governed by."""
    for candidate in (verb, clause_head(verb), verb.head):
        found = [c for c in candidate.children if c.dep_ == "nsubj"]
        if found:
            return [t for f in found for t in conjuncts(f)]
        if candidate.dep_ not in ("conj", "xcomp") and not candidate.tag_.startswith(("pcon", "inf")):
            break
    return []


def speaker_heads(sent: Span, frame: Frame) -> list[Token]:
    """The subject of the speech verb reporting the trigger's clause (``- ... - mówił premier``)."""
    speech = pl.event_cues()["speech"]
    verbs = [a for a in frame.verb.ancestors if a.lemma_.lower() in speech]
    verbs += [t for t in sent if t.lemma_.lower() in speech and is_verbal(t) and t not in verbs]
    for verb in verbs:
        heads = subject_heads(verb)
        if heads:
            return heads
    return []

"""Who said it: the speaker's words at a cue, and what they refer to (docs/annotation/quotes.md §5).

1. **Words.** The subject of the speech verb (the parse's ``nsubj`` where it agrees with the
   verb, else the nearest agreeing nominative on the surface), the genitive after ``według`` /
   ``zdaniem``, or nothing (Polish drops subjects: ``Dodał, że ...``).
2. **Referent.** A person named in those words (``Brat Bibi, James Masih``), an organisation or
   medium heading them (``agencja Reutera``), a pronoun or no words at all (the previous speaker
   of the same gender), a role (``prezydent Rosji``: the person the article binds that role to
   by apposition, else the person quoted just before), or else the description itself.
3. **Name.** The fullest base-form name the article gives the entity (``Putin`` -> ``Władimir
   Putin``); for a description, its base form (``świadków`` -> ``świadkowie``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..lang.pl import speech_not_sources
from ..model import Entity
from .base_forms import lemmatize_phrase
from .quote_marks import is_mark
from .speech import CLAUSE_TAGS, Cue, is_verb, tag_pos

NOMINALS = frozenset({"subst", "depr", "ppron3", "ppron12", "ger", "brev"})
MODIFIERS = frozenset({"adj", "ppas", "pact", "num", "adja"})
PRONOUNS = frozenset({"on", "ona", "ono", "oni", "one", "jego", "jej", "ich", "niego", "niej", "nich", "nim", "który", "która", "które", "którzy", "ten", "ta"})
POSSESSIVES = frozenset({"jego", "jej", "ich"})
QUANTIFIERS = frozenset({"trzech", "dwóch", "dwie", "dwaj", "kilka", "kilku", "wielu", "niektórzy", "niektóre", "jeden", "jedna", "jeden z", "część"})
PERSON, ORGANISATION = "PER", "ORG"
MAX_NP = 12
RECENT_PARAGRAPHS = 2  # a bare role continues a speaker quoted this recently


@dataclass(frozen=True)
class Speaker:
    key: str  # entity id, or the description
    name: str  # base-form name or description
    person: bool
    gender: str | None = None  # m, f, n, pl


@dataclass
class Binding:
    """A role noun phrase bound to a person by apposition (``prezydent Rosji Władimir Putin``)."""

    position: int
    heads: frozenset[str]
    modifiers: frozenset[str]
    entity: Entity


# ---------------------------------------------------------------- morphology


def _fields(token: Token) -> list[str]:
    return token.tag_.split(":") if token.tag_ else []


def case_of(token: Token) -> str | None:
    fields = _fields(token)
    return fields[2] if len(fields) > 2 and fields[0] in NOMINALS | MODIFIERS else None


def gender_of(token: Token | None) -> str | None:
    """m, f, n or pl from a noun's or a past verb's tag (None when it does not say)."""
    if token is None:
        return None
    fields = _fields(token)
    if fields and fields[0] == "praet" and len(fields) > 2:
        number, gender = fields[1], fields[2]
    elif fields and fields[0] in NOMINALS and len(fields) > 3 and fields[0] not in {"ppron12", "brev"}:
        number, gender = fields[1], fields[3]
    else:
        return None
    if number == "pl":
        return "pl"
    return {"m1": "m", "m2": "m", "m3": "m", "f": "f", "n": "n"}.get(gender)


def agrees(verb: Token | None, noun: Token) -> bool:
    verb_gender, noun_gender = gender_of(verb), gender_of(noun)
    if verb_gender is None or noun_gender is None:
        fields, verb_fields = _fields(noun), _fields(verb) if verb is not None else []
        if len(fields) > 1 and len(verb_fields) > 1 and verb_fields[0] == "fin":
            return fields[1] == verb_fields[1]
        return True
    return verb_gender == noun_gender or (verb_gender == "n" and noun_gender == "m")


def nominative(token: Token) -> bool:
    return case_of(token) == "nom" or (token.pos_ == "PROPN" and case_of(token) is None)


def is_pronoun(token: Token) -> bool:
    return token.lower_ in PRONOUNS or tag_pos(token) in {"ppron3", "ppron12"}


# ---------------------------------------------------------------- words at the cue


def subject(cue: Cue, lo: int, hi: int, *, after_first: bool = False) -> Span | None:
    """The words naming who speaks: the speech verb's subject within tokens [lo, hi)."""
    verb = cue.head
    found = _parsed_subject(verb, lo, hi)
    if found is None:
        order = [range(cue.words.end, hi), range(cue.words.start - 1, lo - 1, -1)]
        for window in order[::1] if after_first else order[::-1]:
            found = next((t for t in window if _subject_like(t, verb)), None)
            if found is not None or _blocked(window):
                break
    return noun_phrase(found, lo, hi) if found is not None else None


def _blocked(window: range) -> bool:
    return False


def _parsed_subject(verb: Token, lo: int, hi: int) -> Token | None:
    if not verb.doc.has_annotation("DEP"):
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubj:pass") and lo <= child.i < hi and _subject_like(child, verb):
            return child
    return None


def _subject_like(token: Token, verb: Token) -> bool:
    if not (nominative(token) or (is_pronoun(token) and case_of(token) in (None, "nom"))):
        return False
    if tag_pos(token) not in NOMINALS and token.pos_ not in {"PROPN", "NOUN", "PRON"}:
        return False
    previous = token.doc[token.i - 1] if token.i > 0 else None
    if previous is not None and previous.pos_ == "ADP":
        return False
    return agrees(verb, token)


def noun_phrase(head: Token, lo: int, hi: int) -> Span:
    """The noun phrase around ``head`` on the surface: agreeing modifiers before it, names,
    genitive complements and quoted names after it (``przedstawiciela lotnictwa cywilnego``)."""
    doc = head.doc
    start, end = head.i, head.i + 1
    head_case = case_of(head)
    while start - 1 >= lo and _left_modifier(doc[start - 1], head_case):
        start -= 1
    while end < hi and end - start < MAX_NP and _right_part(doc, end, head):
        end += 1
    while end > head.i + 1 and (doc[end - 1].is_punct and not is_mark(doc[end - 1].text)):
        end -= 1
    return doc[start:end]


def _left_modifier(token: Token, head_case: str | None) -> bool:
    if tag_pos(token) in MODIFIERS and case_of(token) == head_case:
        return True
    return token.pos_ == "PROPN" and not token.whitespace_ == "" and case_of(token) in (head_case, None) and False


def _right_part(doc: Doc, i: int, head: Token) -> bool:
    token = doc[i]
    if token.is_space:
        return False
    if not doc[i - 1].whitespace_ and (token.text in "-–" or doc[i - 1].text in "-–"):
        return True  # Kasym-Żomart, Tehreek-e-Labaik
    if is_mark(token.text):
        return _quoted_name(doc, i)
    if token.is_punct or is_verb(token, CLAUSE_TAGS):
        return False
    if token.pos_ == "PROPN" or (token.text[:1].isupper() and token.i > head.i):
        return True
    return case_of(token) == "gen" and tag_pos(token) in NOMINALS | MODIFIERS and token.lower_ not in POSSESSIVES


def _quoted_name(doc: Doc, i: int) -> bool:
    """A quotation mark around a short capitalised name (``dziennika "Dawn"``)."""
    window = doc[max(0, i - 3) : i + 4].text
    return any(t.text[:1].isupper() for t in doc[i + 1 : i + 3]) or window.count(doc[i].text) > 1


# ---------------------------------------------------------------- the article's people


class Speakers:
    """Resolves speaker words against the article's entities, in reading order."""

    def __init__(self, doc: Doc, entities: list[Entity]):
        self.doc = doc
        self.entities = entities
        self.token_entity: dict[int, tuple[Entity, Span]] = {}
        for entity in entities:
            for mention in entity.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is not None:
                    for token in span:
                        self.token_entity.setdefault(token.i, (entity, span))
        self.bindings = list(self._bindings())
        self.history: list[tuple[int, Speaker]] = []

    # -- entities and names

    def entity_at(self, token: Token) -> tuple[Entity, Span] | None:
        return self.token_entity.get(token.i)

    def fullest_name(self, entity: Entity, position: int) -> str:
        """The fullest name the article gives ``entity``'s person (most words; then the one
        mentioned last before ``position``, then the most mentioned)."""
        if entity.type != PERSON:
            return entity.name
        words = {w.casefold() for w in entity.name.split()}
        same = [e for e in self.entities if e.type == PERSON and words <= {w.casefold() for w in e.name.split()}]

        def rank(e: Entity):
            before = [m.start for m in e.mentions if m.start <= position]
            return len(e.name.split()), max(before, default=-1), len(e.mentions)

        return max(same, key=rank, default=entity).name

    def _entity_speaker(self, entity: Entity, position: int, gender: str | None) -> Speaker:
        return Speaker(entity.id, self.fullest_name(entity, position), entity.type == PERSON, gender)

    # -- role bindings

    def _bindings(self):
        for token_i, (entity, span) in sorted(self.token_entity.items()):
            if entity.type != PERSON or token_i != span.start:
                continue
            for role in (self._role_before(span), self._role_after(span)):
                if role:
                    heads = frozenset(t.lemma_.lower() for t in role if _role_head(t))
                    modifiers = frozenset(t.lemma_.lower() for t in role if not _role_head(t) and tag_pos(t) in NOMINALS)
                    if heads:
                        yield Binding(span.start_char, heads, modifiers, entity)

    def _role_before(self, span: Span) -> list[Token]:
        doc, i, role = self.doc, span.start - 1, []
        while i >= 0 and len(role) < 8:
            token = doc[i]
            if token.is_punct and token.text != "." or token.is_space or is_verb(token) or token.pos_ == "ADP":
                break
            if self.entity_at(token) and self.entity_at(token)[0].type == PERSON:
                break
            role.insert(0, token)
            i -= 1
        return role if any(_role_head(t) for t in role) else []

    def _role_after(self, span: Span) -> list[Token]:
        doc, i = self.doc, span.end
        if i + 1 >= len(doc) or doc[i].text != ",":
            return []
        head = doc[i + 1]
        while tag_pos(head) in MODIFIERS and head.i + 1 < len(doc):
            head = doc[head.i + 1]
        if not _role_head(head) or not nominative(head):
            return []
        return list(noun_phrase(head, i + 1, min(len(doc), i + 1 + MAX_NP)))

    def _bound(self, words: Span, position: int) -> Entity | None:
        heads = {t.lemma_.lower() for t in words if _role_head(t)}
        modifiers = {t.lemma_.lower() for t in words if not _role_head(t) and tag_pos(t) in NOMINALS}
        found = [b for b in self.bindings if b.heads & heads and modifiers <= b.modifiers]
        if not found:
            return None
        before = [b for b in found if b.position <= position]
        return (max(before, key=lambda b: b.position) if before else found[0]).entity

    # -- speakers in reading order

    def previous(self, position: int, gender: str | None, person: bool | None = None) -> Speaker | None:
        for where, speaker in reversed(self.history):
            if where > position:
                continue
            if gender and speaker.gender and speaker.gender != gender and not (gender == "n" and speaker.gender == "pl"):
                continue
            if person is not None and speaker.person != person:
                continue
            return speaker
        return None

    def remember(self, position: int, speaker: Speaker) -> None:
        self.history.append((position, speaker))
        self.history.sort(key=lambda pair: pair[0])

    def resolve(self, words: Span | None, position: int, verb: Token | None, paragraph_start: int) -> Speaker | None:
        """The speaker of a quote whose cue is at character ``position``."""
        gender = gender_of(verb)
        if words is None or len(words) == 0:
            return self.previous(position, gender)
        named = self._named(words, position)
        if named is not None:
            return named
        head = _head(words)
        if len(words) == 1 and is_pronoun(head) or head.lower_ in POSSESSIVES:
            return self.previous(position, gender or gender_of(head))
        if head.lemma_.lower() in speech_not_sources():
            return None
        bound = self._bound(words, position)
        if bound is not None:
            return self._entity_speaker(bound, position, gender_of(head))
        description = describe(words)
        if _role_head(head):
            recent = self.previous(position, gender_of(head) or gender)
            if recent is not None and recent.person and self._recent(recent, paragraph_start):
                if recent.key == description or len(_content_words(words)) == 1 or _same_head(recent, head):
                    return recent
        return Speaker(description, description, _role_head(head), gender_of(head))

    def _recent(self, speaker: Speaker, paragraph_start: int) -> bool:
        return any(s == speaker for _, s in self.history[-3:])

    def _named(self, words: Span, position: int) -> Speaker | None:
        found = []
        for token in words:
            hit = self.entity_at(token)
            if hit and hit[0] not in [f[0] for f in found] and hit[0].type in (PERSON, ORGANISATION, "GPE", "LOC"):
                found.append(hit)
        people = [(e, s) for e, s in found if e.type == PERSON and _case_compatible(s, words)]
        if people:
            if len(people) > 1 and any(t.lower_ in {"i", "oraz"} for t in words):
                names = " i ".join(self.fullest_name(e, position) for e, _ in people)
                return Speaker(names, names, True, "pl")
            entity, span = people[-1] if _head(words).i >= people[-1][1].start else people[0]
            return self._entity_speaker(entity, position, gender_of(_head(span)))
        organisations = [(e, s) for e, s in found if e.type != PERSON and (s.start <= _head(words).i < s.end or _media_head(words))]
        if organisations:
            entity, span = organisations[0]
            return self._entity_speaker(entity, position, "n")
        return None


def _case_compatible(span: Span, words: Span) -> bool:
    head_case = case_of(_head(words))
    name_case = next((case_of(t) for t in span if case_of(t)), None)
    return head_case is None or name_case is None or head_case == name_case or _head(words).i in range(span.start, span.end)


def _head(words: Span) -> Token:
    return next((t for t in words if tag_pos(t) in NOMINALS or t.pos_ in {"NOUN", "PROPN", "PRON"}), words[0])


def _role_head(token: Token) -> bool:
    """A common noun that can name a person's role (``prezydent``, ``rzeczniczka``)."""
    return tag_pos(token) == "subst" and not token.text[:1].isupper() or (
        tag_pos(token) == "subst" and token.is_sent_start and token.pos_ == "NOUN")


def _media_head(words: Span) -> bool:
    return tag_pos(_head(words)) == "subst" and _head(words).pos_ == "NOUN"


def _content_words(words: Span) -> list[Token]:
    return [t for t in words if tag_pos(t) in NOMINALS]


def _same_head(speaker: Speaker, head: Token) -> bool:
    return speaker.name.split()[0].casefold() == head.lemma_.casefold() if speaker.name else False


def describe(words: Span) -> str:
    """The base form of a description (``trzech przedstawicieli służb`` -> ``przedstawiciele służb``)."""
    tokens = list(words)
    while tokens and (tokens[0].lower_ in QUANTIFIERS or tokens[0].lower_ in POSSESSIVES or tokens[0].lower_ == "z"):
        tokens = tokens[1:]
    if not tokens:
        return words.text
    phrase = words.doc[tokens[0].i : tokens[-1].i + 1]
    head = _head(phrase)
    text = phrase.text if nominative(head) else lemmatize_phrase(None, phrase.text)
    if head.i == phrase.start and head.pos_ != "PROPN" and not head.text.isupper():
        text = text[:1].lower() + text[1:]
    return text

"""Who said it: the speaker's words at a cue, and what they refer to (docs/annotation/quotes.md §5).

1. **Words.** The speech verb's subject (the parse's ``nsubj`` where it can be a nominative
   agreeing with the verb, else the best such noun of the clause on the surface), the genitive
   after ``według`` / ``zdaniem``, or nothing (Polish drops subjects: ``Dodał, że ...``).
2. **Referent.** A person named in those words (``Brat Bibi, James Masih``), an organisation
   or medium heading them (``agencja Reutera``), a pronoun or no words at all (the last one
   spoken of, of the verb's gender), a role (``prezydent Rosji``: the person the article binds
   to it by apposition, else the person just spoken of), or else the description itself.
3. **Name.** The fullest base-form name the article writes for the person (``Putin`` ->
   ``Władimir Putin``), the organisation's name in the nominative, or the description's base
   form (``świadków`` -> ``świadkowie``).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..lang.pl import quote_marks, speech_media_nouns, speech_not_sources
from ..model import Entity
from .base_forms import lemmatize_phrase, match_case
from .speech import CLAUSE_TAGS, POSSESSIVES, WORDS, is_known, is_verb, name_types, readings, tag, tag_pos

NOMINALS = frozenset({"subst", "depr", "ppron3", "ppron12", "ger", "brev"})
MODIFIERS = frozenset({"adj", "ppas", "pact", "num", "adja"})
PRONOUNS, RELATIVES, DEMONSTRATIVES = WORDS["pronoun"], WORDS["relative"], WORDS["demonstrative"]
QUANTIFIERS, COORDINATORS = WORDS["quantifier"], WORDS["coordinator"]
FEMININE_PERSON = tuple(WORDS["feminine_person_suffix"])  # chrześcijanka, rzeczniczka, kobieta
POSSESSOR_GENDER = {w: gender for gender in ("m", "f", "pl") for w in WORDS[f"possessive_{gender}"]}
PERSON, ORGANISATION = "PER", "ORG"
MAX_NP = 12
ANAPHORIC_ROLE_WORDS = 3  # a role of at most this many nouns may refer to the person just spoken of
RECENT = 3  # ... when that person is among the last RECENT spoken of
LOOKBACK = 3  # events to look back for a speaker of the verb's gender before one of unknown gender
PREFIX = 3  # letters two written forms of one name word share (Asia, Asii)


@dataclass(frozen=True)
class Speaker:
    key: str  # entity id, or the description
    name: str  # base-form name or description
    person: bool
    gender: str | None = None  # m, f, n, pl
    head: str = ""  # a description's head lemma
    description: bool = False


@dataclass(frozen=True)
class Binding:
    """A role bound to a person's name by apposition (``prezydent Rosji Władimir Putin``)."""

    position: int
    heads: frozenset[str]
    modifiers: frozenset[str]
    name: Span


@dataclass(frozen=True)
class Name:
    """A personal name as the article writes it once: its base form, where, and how sure the
    base form is (written in the nominative: all words, the surname)."""

    base: str
    position: int
    quality: tuple[bool, bool]


# ---------------------------------------------------------------- morphology


def _fields(token: Token) -> list[str]:
    return tag(token).split(":") if tag(token) else []


def case_of(token: Token) -> str | None:
    fields = _fields(token)
    return fields[2] if len(fields) > 2 and fields[0] in NOMINALS | MODIFIERS else None


def known_case(token: Token) -> str | None:
    """The tagged case of a word the dictionary knows (a guess for an unknown name is no evidence)."""
    return case_of(token) if is_known(token) else None


def _cases(token: Token) -> set[str]:
    """The cases a known word can be in: its tag's, or (without a tagger) its readings'."""
    return {f[2] for f in _options(token) if len(f) > 2 and f[0] in NOMINALS | MODIFIERS} if is_known(token) else set()


def gender_of(token: Token | None) -> str | None:
    """m, f, n or pl from a noun's or a verb's tag (None when it does not say)."""
    fields = _fields(token) if token is not None else []
    if len(fields) > 2 and fields[0] in ("praet", "winien"):
        return _gender(fields[1], fields[2])
    if len(fields) > 3 and fields[0] in NOMINALS and fields[0] != "brev":
        return _gender(fields[1], fields[3])
    return "pl" if len(fields) > 1 and fields[0] in ("fin", "bedzie") and fields[1] == "pl" else None


def agrees(verb: Token | None, noun: Token) -> bool:
    """Subject-verb agreement in number, and in gender for common nouns (names' tags are
    unreliable); without a tagger, for some pair of the words' dictionary readings."""
    if verb is None:
        return True
    return any(_agree(v, n, noun) for v in _options(verb) for n in _options(noun))


def _options(token: Token) -> list[list[str]]:
    if token.tag_:
        return [token.tag_.split(":")]
    analyses = readings(token)
    return [r.tag.split(":") for r in analyses if r.tag != "ign"] or [[]]


def _agree(verb: list[str], noun: list[str], token: Token) -> bool:
    verb_number = verb[1] if len(verb) > 1 and verb[1] in ("sg", "pl") else None
    noun_number = noun[1] if len(noun) > 1 and noun[1] in ("sg", "pl") else None
    if verb_number and noun_number and verb_number != noun_number:
        return any(t.lower_ in COORDINATORS for t in token.doc[max(token.i - 3, 0) : token.i + 3])
    if token.pos_ == "PROPN" or not verb or verb[0] not in ("praet", "winien") or len(verb) < 3 or len(noun) < 4:
        return True
    verb_gender, noun_gender = _gender(verb[1], verb[2]), _gender(noun[1], noun[3])
    return verb_gender is None or noun_gender is None or _same_gender(verb_gender, noun_gender)


def _gender(number: str, gender: str) -> str | None:
    return "pl" if number == "pl" else {"m1": "m", "m2": "m", "m3": "m", "f": "f", "n": "n"}.get(gender)


def _same_gender(wanted: str, actual: str) -> bool:
    return wanted == actual or "n" in (wanted, actual)


def nominative(token: Token) -> bool:
    """Tagged nominative, or a nominative reading in the dictionary (``Radio``: nom = acc)."""
    if case_of(token) == "nom" or (token.pos_ == "PROPN" and case_of(token) is None):
        return True
    analyses = readings(token)
    if any(r.tag == "ign" for r in analyses):
        return token.text[:1].isupper()
    ambiguous = case_of(token) == "acc" or not token.tag_
    return ambiguous and any(":nom:" in r.tag and r.tag.split(":")[0] in NOMINALS for r in analyses)


def is_pronoun(token: Token) -> bool:
    return token.lower_ in PRONOUNS or tag_pos(token) in {"ppron3", "ppron12"}


def person_like(token: Token) -> bool:
    """A noun that can name a person: masculine personal, or a feminine noun of a person."""
    fields = _fields(token)
    if len(fields) < 4 or fields[0] != "subst":
        return False
    return fields[3] == "m1" or (fields[3] == "f" and token.lemma_.lower().endswith(FEMININE_PERSON))


def _nominal(token: Token) -> bool:
    unknown_name = not tag(token) and token.text[:1].isupper() and token.is_alpha
    return tag_pos(token) in NOMINALS or token.pos_ in {"NOUN", "PROPN"} or unknown_name


def head_of(words: Span) -> Token:
    return next((t for t in words if _nominal(t) or is_pronoun(t)), words[0])


def _role_head(token: Token) -> bool:
    """A common noun that can name a role (``prezydent``, ``rzeczniczka``)."""
    analyses = readings(token)
    common_reading = any(r.tag.startswith("subst") and not r.name_types for r in analyses)
    common = not token.text[:1].isupper() or (token.pos_ == "NOUN" and common_reading)
    return (tag_pos(token) == "subst" or token.pos_ == "NOUN") and common and token.is_alpha


# ---------------------------------------------------------------- words at the cue


def subject(verb: Token, lo: int, hi: int, *, after_first: bool = False, skip: set[int] | None = None,
            after: bool = True) -> Span | None:
    """The words naming who speaks: the subject of ``verb`` within tokens [lo, hi), the
    parse's where it fits, else the best nominative agreeing with the verb (a person before an
    organisation before anything else; then the first one, looking after the verb first for a
    trailing ``- dodał X`` clause, before it otherwise)."""
    doc, skip = verb.doc, skip or set()
    found = _parsed_subject(verb, lo, hi if after else verb.i, skip)
    windows = [range(verb.i + 1, hi), range(lo, verb.i)] if after_first else [range(lo, verb.i), range(verb.i + 1, hi)]
    for window in windows if after else windows[:1]:
        if found is not None:
            break
        options = [doc[i] for i in window if i not in skip and _subject_like(doc[i], verb)]
        found = min(options, key=lambda t: (_subject_rank(t), t.i)) if options else None
    return noun_phrase(found, lo, hi) if found is not None else None


def _subject_rank(token: Token) -> int:
    if token.ent_type_ == "persName" or person_like(token):
        return 0
    return 1 if token.ent_type_ or token.lemma_.lower() in speech_media_nouns() else 2


def _parsed_subject(verb: Token, lo: int, hi: int, skip: set[int]) -> Token | None:
    if not verb.doc.has_annotation("DEP"):
        return None
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and lo <= c.i < hi
                 and c.i not in skip and _subject_like(c, verb)), None)


def _subject_like(token: Token, verb: Token) -> bool:
    if token.is_space or not (_nominal(token) or token.pos_ == "PRON") or not nominative(token):
        return False
    if token.lemma_.lower() in DEMONSTRATIVES:
        return False
    previous = token.doc[token.i - 1] if token.i > 0 else None
    return not (previous is not None and tag_pos(previous) == "prep") and agrees(verb, token)


def noun_phrase(head: Token, lo: int, hi: int) -> Span:
    """The noun phrase around ``head`` on the surface: agreeing modifiers before it, names,
    genitive complements, quoted names and a final ``w X`` after it."""
    doc = head.doc
    start, end = head.i, head.i + 1
    while start - 1 >= lo and tag_pos(doc[start - 1]) in MODIFIERS and case_of(doc[start - 1]) == case_of(head):
        start -= 1
    while end < hi and end - start < MAX_NP and _right_part(doc, end):
        end += 1
    if end + 1 < hi and doc[end].lower_ == "w" and _final_place(doc, end + 1, hi):
        end += 3 if doc[end + 1].lower_ == "tym" else 2  # media w tym kraju, przedstawiciel ... w Multan
    end = _apposition(doc, end, hi)
    if end + 1 < hi and doc[end].lower_ in COORDINATORS and _nominal(doc[end + 1]) and nominative(doc[end + 1]) and nominative(head):
        end = noun_phrase(doc[end + 1], end + 1, hi).end  # Jej mąż i piątka dzieci
    while end > head.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space) and not _closes_mark(doc, start, end):
        end -= 1
    return doc[start:end]


def _apposition(doc: Doc, end: int, hi: int) -> int:
    """Past a name in commas after the phrase: ``Brat Bibi, James Masih, powiedział``."""
    if end + 2 >= hi or doc[end].text != ",":
        return end
    i = end + 1
    while i < hi and doc[i].text[:1].isupper() and doc[i].is_alpha:
        i += 1
    return i if i - end > 2 and i < hi and (doc[i].text == "," or is_verb(doc[i])) else end


def _final_place(doc: Doc, i: int, hi: int) -> bool:
    last = i + 1 if doc[i].lower_ == "tym" else i
    return last < hi and (last + 1 >= hi or doc[last + 1].is_punct) and (doc[last].text[:1].isupper() or last > i)


def _closes_mark(doc: Doc, start: int, end: int) -> bool:
    quotes = [t for t in doc[start:end] if t.is_quote]
    return bool(quotes) and doc[end - 1].is_quote and len(quotes) % 2 == 0


def _right_part(doc: Doc, i: int) -> bool:
    token = doc[i]
    if token.is_space:
        return False
    if not doc[i - 1].whitespace_ and (token.text in "-–" or doc[i - 1].text in "-–"):
        return True  # Kasym-Żomart, Tehreek-e-Labaik
    if not token.whitespace_ and i + 1 < len(doc) and doc[i + 1].text in "-–" and doc[i - 1].text[:1].isupper():
        return True  # Saif ul-Mulook
    if token.is_quote:  # dziennika "Dawn", Gość "Faktów po Faktach"
        after = doc[i + 1] if i + 1 < len(doc) else None
        return (after is not None and after.text[:1].isupper()) or not doc[i - 1].whitespace_
    if token.text == "." and not doc[i - 1].whitespace_ and (doc[i - 1].text.isupper() or tag_pos(doc[i - 1]) == "brev"):
        return True  # an initial or an abbreviation: W. Brytanii, minister ds. religii
    if token.is_punct or is_verb(token, CLAUSE_TAGS) or token.lower_ in RELATIVES:
        return False
    if token.pos_ == "PROPN" or token.text[:1].isupper():
        return True
    if tag_pos(token) in MODIFIERS and tag_pos(doc[i - 1]) in NOMINALS and case_of(token) == case_of(doc[i - 1]):
        return True  # przywódcy duchowi, służby więzienne
    return case_of(token) == "gen" and tag_pos(token) in NOMINALS | MODIFIERS and token.lower_ not in POSSESSIVES


def describe(words: Span) -> str:
    """The base form of a description (``trzech przedstawicieli służb`` -> ``przedstawiciele
    służb``), without quantifiers and possessives, lower-case unless a name."""
    tokens = [t for t in words if not t.is_space]
    while len(tokens) > 1 and (tokens[0].lower_ in QUANTIFIERS or tokens[0].lower_ in POSSESSIVES):
        tokens = tokens[1:]
    phrase = words.doc[tokens[0].i : tokens[-1].i + 1]
    head = head_of(phrase)
    text = phrase.text if nominative(head) else lemmatize_phrase(None, phrase.text)
    first = phrase[0]
    known = is_known(first)
    name = first.pos_ == "PROPN" or bool(name_types(first)) or not known or not first.is_sent_start
    return text if first.text.isupper() or (name and first.text[:1].isupper()) else text[:1].lower() + text[1:]


# ---------------------------------------------------------------- names


def _can_be_nominative(token: Token) -> bool:
    analyses = readings(token)
    return not analyses or any(r.tag == "ign" or ":nom:" in r.tag for r in analyses)


def _name_part(token: Token) -> bool:
    """A word of a personal name: capitalised, and a first name, a proper noun or unknown (not
    a place: ``Prezydent Kazachstanu Kasym-Żomart Tokajew`` gives ``Kasym-Żomart Tokajew``; not
    a common word opening the sentence: ``Tam``, ``Kiedy``)."""
    if not token.text[:1].isupper() or not token.is_alpha or (token.text.isupper() and len(token.text) > 1):
        return False
    types = name_types(token)
    if token.is_sent_start and "imię" not in types:
        return False
    personal = "imię" in types or "nazwisko" in types
    if not personal and ("nazwa_geograficzna" in types or "nazwa_organizacji" in types):
        return False
    known = is_known(token)
    return personal or not known or (token.pos_ in {"PROPN", "X"} and not token.is_sent_start)


def base_name(span: Span) -> tuple[str, tuple[bool, bool]]:
    """The nominative of a written personal name, and how sure it is: every word tagged
    nominative, the surname nominative (then the name is kept as written)."""
    words = [t for t in span if t.is_alpha]
    surname = words[-1] if words else span[-1]
    quality = (all(case_of(t) == "nom" for t in words), nominative(surname) and surname.lemma_.casefold() == surname.text.casefold())
    if quality[1]:
        return span.text, quality
    base, written = lemmatize_phrase(None, span.text, label=PERSON).split(), span.text.split()
    if len(base) == len(written):
        base = [match_case(w, b) if w[:1].isupper() else b for w, b in zip(written, base)]
    return " ".join(base), quality


def _same_word(a: str, b: str) -> bool:
    a, b = a.casefold(), b.casefold()
    return a == b or (len(a) > PREFIX and len(b) > PREFIX and a[:PREFIX] == b[:PREFIX] and a[-1:] != "." and b[-1:] != ".")


def _covers(name: str, words: list[str]) -> bool:
    """Whether ``name`` has every word of ``words`` (the last one exactly: the surname)."""
    own = name.split()
    return bool(own and words) and own[-1].casefold() == words[-1].casefold() and all(
        any(_same_word(w, o) for o in own) for w in words[:-1])


def name_gender(name: str) -> str | None:
    """f or m from the first name's dictionary readings (``Sylvi``: unknown -> None)."""
    from ..analyse.morfeusz import whole_readings

    first = name.split()[0] if name.split() else ""
    genders = {r.tag.split(":")[3] for r in whole_readings(first) if "imię" in r.name_types and len(r.tag.split(":")) > 3}
    if genders == {"f"}:
        return "f"
    return "m" if genders and genders <= {"m1", "m2", "m3"} else None


def _unquote(text: str) -> str:
    marks = {c for pair in quote_marks() for c in pair}
    return "".join(c for c in text if c not in marks).strip()


# ---------------------------------------------------------------- the article's speakers


class Speakers:
    """Resolves speaker words against the article's entities, in reading order."""

    def __init__(self, doc: Doc, entities: list[Entity]):
        self.doc = doc
        self.entities = entities
        self.token_entity: dict[int, tuple[Entity, Span]] = {}
        for entity in entities:
            for mention in entity.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                for token in span if span is not None else ():
                    known = self.token_entity.get(token.i)
                    if known is None or _mention_rank(entity, span) > _mention_rank(*known):
                        self.token_entity[token.i] = (entity, span)
        self.names = self._names()
        self.bindings = list(self._bindings())
        self.history: list[tuple[int, Speaker, bool]] = []  # (position, speaker, quoted)
        self.quoted: list[tuple[int, int]] = []  # character ranges of the quotes' texts

    def _outside_quotes(self, entity: Entity) -> bool:
        """Whether the article names ``entity`` outside the quotes (someone named only inside a
        quote is spoken of by its speaker, not a speaker: ``Premier Morawiecki`` in Belka's words)."""
        return any(not any(s <= m.start < e for s, e in self.quoted) for m in entity.mentions if m.text[:1].isupper())

    def entity_at(self, token: Token) -> tuple[Entity, Span] | None:
        return self.token_entity.get(token.i)

    # -- people's names

    def name_span(self, token: Token) -> Span:
        """The personal name written up to ``token`` (its last word): the words of the same
        person mention, and name-like words before them."""
        doc, start = self.doc, token.i
        mention = self.entity_at(token)
        while start > 0:
            previous = doc[start - 1]
            same = (mention is not None and mention[0].type == PERSON and self.entity_at(previous) == mention
                    and previous.text[:1].isupper() and previous.pos_ in {"NOUN", "PROPN", "X", "ADJ"} and previous.is_alpha
                    and (_can_be_nominative(previous) or known_case(doc[start]) not in (None, "nom")))
            shared = _cases(previous) & _cases(doc[start])
            agreeing = known_case(previous) in (None, "nom") or bool(shared)
            after_preposition = start > 1 and tag_pos(doc[start - 2]) == "prep" and not shared
            if previous.text in "-–" and not previous.whitespace_ and start > 1 and not doc[start - 2].whitespace_:
                start -= 2
            elif previous.whitespace_ and (same or (_name_part(previous) and agreeing and not after_preposition)):
                start -= 1
            else:
                break
        return doc[start : token.i + 1]

    def _names(self) -> list[Name]:
        """Every personal name written in the article: around the surnames of the person
        mentions, and first name + surname pairs the NER missed."""
        surnames = set()
        for entity, span in self.token_entity.values():
            if entity.type == PERSON:
                surnames |= {span[-1].text.casefold(), span[-1].lemma_.casefold()}
        for token in self.doc:
            span = self.name_span(token) if token.text[:1].isupper() else None
            if span is not None and len(span) > 1 and "imię" in (name_types(span[0])):
                surnames.add(token.text.casefold())
        names = []
        for token in self.doc:
            if token.text[:1].isupper() and {token.text.casefold(), token.lemma_.casefold()} & surnames:
                base, quality = base_name(self.name_span(token))
                names.append(Name(base, token.idx, quality))
        return names

    def person_name(self, span: Span, position: int) -> str:
        """The fullest name the article writes for the person named ``span``: most words, then
        written in the nominative, then the one written last before ``position``."""
        last = next((t for t in reversed(list(span)) if t.text[:1].isupper() and t.is_alpha), span[-1])
        own, _ = base_name(self.name_span(last))
        same = [n for n in self.names if _covers(n.base, own.split())]
        if not same:
            return own

        def rank(name: Name):
            return len(name.base.split()), name.quality, name.position <= position, -abs(position - name.position)

        return max(same, key=rank).base

    def _person_in(self, words: Span, head: Token, gender: str | None) -> Span | None:
        """A personal name in ``words`` the NER missed, apposed to their head: a known surname,
        or a first name and a surname."""
        surnames = {n.base.split()[-1].casefold() for n in self.names}
        for token in reversed(list(words)):
            if token.i < head.i or not _name_part(token):
                continue
            name = self.name_span(token)
            first = name_types(name[0])
            after_role = person_like(head) and name.start == head.i + 1
            known = surnames & {token.text.casefold(), token.lemma_.casefold()}
            personal = known or after_role or (len(name) > 1 and "imię" in first)
            if personal and self._apposed(name, head, gender):
                return name
        return None

    # -- organisations

    def _organisation_by_head(self, head: Token) -> tuple[Entity, Span] | None:
        """``Sąd`` -> the article's ``Sąd Najwyższy``, ``Komisja`` -> ``Komisja Europejska``."""
        for entity, span in self.token_entity.values():
            if entity.type == ORGANISATION and len(span) > 1 and span[0].lemma_.casefold() == head.lemma_.casefold():
                return entity, span
        return None

    def _person(self, name: Span, position: int, gender: str | None) -> Speaker:
        """A person named ``name``: the person entity over it, else the fullest name written."""
        hit = self.entity_at(name[-1])
        if hit is not None and hit[0].type == PERSON:
            return self._entity_speaker(hit[0], gender)
        full = self.person_name(name, position)
        return Speaker(full, full, True, name_gender(full) or gender)

    @staticmethod
    def _entity_speaker(entity: Entity, gender: str | None) -> Speaker:
        """An entity as the speaker, under its base-form name (``agencja Reutera`` -> its entity)."""
        person, name = entity.type == PERSON, _unquote(entity.name)
        return Speaker(entity.id, name, person, (name_gender(name) if person else None) or gender)

    # -- roles

    def _bindings(self):
        """Roles written next to a personal name: a person mention's, or a first name and a
        surname the NER missed."""
        for token in self.doc:
            name = self._name_at(token)
            if name is None:
                continue
            for role in (self._role_before(name), self._role_after(name)):
                if role is not None:
                    yield Binding(name.start_char, *role, name)

    def _name_at(self, token: Token) -> Span | None:
        """The personal name ending at ``token``, if one does."""
        hit = self.entity_at(token)
        following = self.entity_at(self.doc[token.i + 1]) if token.i + 1 < len(self.doc) else None
        if hit is not None and hit[0].type == PERSON and following != hit and token.text[:1].isupper():
            return self.name_span(token)
        name = self.name_span(token) if _name_part(token) else None
        first = name_types(name[0]) if name is not None else ()
        return name if name is not None and len(name) > 1 and "imię" in first and following is None else None

    def _role_before(self, name: Span) -> tuple[frozenset[str], frozenset[str]] | None:
        """``prezydent Rosji`` / ``współzałożyciel i przywódca TLP`` / ``Główny negocjator UE w
        sprawie brexitu`` before a name: its head is the first role noun in the name's case."""
        doc, i = self.doc, name.start - 1
        while i >= 0 and name.start - i <= 8:
            token = doc[i]
            if token.is_space or (token.is_punct and token.text != ".") or is_verb(token):
                break
            i -= 1
        chunk = [t for t in doc[i + 1 : name.start] if t.is_alpha]
        case = known_case(name[-1])
        heads = [t for t in chunk if _role_head(t) and person_like(t) and (case is None or case_of(t) in (None, case))]
        if not heads:
            return None
        head = heads[0]
        joined = {head.lemma_.lower()} | {t.lemma_.lower() for t in heads[1:] if doc[t.i - 1].lower_ in COORDINATORS}
        modifiers = {t.lemma_.lower() for t in chunk if t.i > head.i and _nominal(t) and t.lemma_.lower() not in joined}
        return frozenset(joined), frozenset(modifiers)

    def _role_after(self, name: Span) -> tuple[frozenset[str], frozenset[str]] | None:
        """``Władimir Putin, prezydent Rosji``."""
        doc, i = self.doc, name.end
        if i + 1 >= len(doc) or doc[i].text != ",":
            return None
        head = doc[i + 1]
        while tag_pos(head) in MODIFIERS and head.i + 1 < len(doc):
            head = doc[head.i + 1]
        if not _role_head(head) or not person_like(head) or not nominative(head):
            return None
        words = noun_phrase(head, head.i, min(len(doc), head.i + MAX_NP))
        return frozenset({head.lemma_.lower()}), frozenset(t.lemma_.lower() for t in words if t.i > head.i and _nominal(t))

    def _bound(self, words: Span, head: Token, position: int) -> Binding | None:
        """The person a role is bound to: same head, its modifiers among the binding's."""
        modifiers = {t.lemma_.lower() for t in words if t.i > head.i and _nominal(t)}
        found = [b for b in self.bindings if head.lemma_.lower() in b.heads and modifiers <= b.modifiers
                 and not any(s <= b.position < e for s, e in self.quoted)]
        before = [b for b in found if b.position <= position]
        return max(before, key=lambda b: b.position) if before else (found[0] if found else None)

    # -- reading order

    def remember(self, position: int, speaker: Speaker, quoted: bool) -> None:
        self.history.append((position, speaker, quoted))
        self.history.sort(key=lambda event: event[0])

    def previous(self, position: int, gender: str | None, *, quoted_only: bool = False, person: bool = False) -> Speaker | None:
        """The last speaker (or, unless ``quoted_only``, subject) before ``position`` of ``gender``;
        one of unknown gender only when none of ``gender`` comes within ``LOOKBACK`` events."""
        unknown = None
        events = [e for e in self.history if e[0] <= position and (e[2] or not quoted_only) and (e[1].person or not person)]
        for n, (_, speaker, _) in enumerate(reversed(events)):
            if not gender or (speaker.gender and _same_gender(gender, speaker.gender)):
                return speaker
            if speaker.gender is None and unknown is None:
                unknown = speaker
            if unknown is not None and n >= LOOKBACK:
                break
        return unknown

    def _recent(self, speaker: Speaker, position: int) -> bool:
        return speaker.key in [s.key for where, s, _ in self.history if where <= position][-RECENT:]

    def resolve(self, words: Span | None, position: int, verb: Token | None, *, quoted_only: bool = False) -> Speaker | None:
        """The speaker of a quote (or the subject of a clause) at character ``position``."""
        gender = gender_of(verb)
        if words is None or len(words) == 0:
            return self.previous(position, gender, quoted_only=quoted_only)
        head = head_of(words)
        if _coordination(words):
            gender = "pl"
        gender = gender or gender_of(head)
        if _not_a_source(head):
            return None
        named = self._named(words, head, position, gender)
        if named is not None:
            return named
        if is_pronoun(head):
            return self.previous(position, gender or gender_of(head))
        bound = self._bound(words, head, position)
        if bound is not None:
            return self._person(bound.name, position, gender or gender_of(head))
        organisation = self._organisation_by_head(head) if head.pos_ != "PROPN" and not person_like(head) else None
        if organisation is not None:
            return self._entity_speaker(organisation[0], gender)
        return self._role(words, head, position, gender)

    def _role(self, words: Span, head: Token, position: int, gender: str | None) -> Speaker:
        """A description, or the person just spoken of when it is a short role that fits them."""
        lemma, person = head.lemma_.lower(), person_like(head) and _role_head(head)
        if person and len([t for t in words if _nominal(t)]) <= ANAPHORIC_ROLE_WORDS:
            recent = self.previous(position, gender_of(head) or gender, person=True)
            if recent is not None and self._recent(recent, position) and (not recent.head or recent.head == lemma):
                return recent
        description = self._possessor(words, position) or describe(self._fuller(words, head))
        return Speaker(description, description, person, gender_of(head) or gender, lemma, True)

    def _fuller(self, words: Span, head: Token) -> Span:
        """A bare role noun as the article writes it elsewhere with its complement
        (``Prawnik`` -> ``prawnik chrześcijanki``), in the same number."""
        if len([t for t in words if t.is_alpha]) > 1:
            return words
        longer = [noun_phrase(t, t.i, min(len(self.doc), t.i + MAX_NP)) for t in self.doc
                  if t.lemma_ == head.lemma_ and t.i != head.i and gender_of(t) == gender_of(head)]
        longer = [span for span in longer if len(span) > 1 and all(case_of(t) == "gen" for t in span[1:] if _nominal(t))]
        return max(longer, key=len, default=words)

    def _possessor(self, words: Span, position: int) -> str | None:
        """``jej prawników`` -> ``prawnicy Asii Bibi``: the possessor's name in the genitive
        (as the article writes it) after the described people (§5.3)."""
        first = words[0]
        if first.lower_ not in POSSESSIVES or len(words) < 2:
            return None
        owner = self.previous(position, POSSESSOR_GENDER[first.lower_], person=True)
        entity = next((e for e in self.entities if owner is not None and e.id == owner.key), None)
        genitive = next((m.text for m in entity.mentions if _genitive_name(self.doc, m)), None) if entity else None
        return f"{describe(words[1:])} {genitive}" if genitive else None

    def _named(self, words: Span, head: Token, position: int, gender: str | None) -> Speaker | None:
        found: list[tuple[Entity, Span]] = []
        for token in words:
            hit = self.entity_at(token)
            if hit and all(hit[0] is not f[0] for f in found):
                found.append(hit)
        media = _media_head(head)  # agencja Reutera: the agency, whatever the NER took Reutera for
        people = [(e, s) for e, s in found if e.type == PERSON and not media and _plausible_person(s) and self._apposed(s, head, gender)]
        people = [(e, s) for e, s in people if self._outside_quotes(e) or not (s.start <= head.i < s.end and _role_head(head))]
        if len(people) > 1 and any(t.lower_ in COORDINATORS for t in words):
            names = " i ".join(e.name for e, _ in people)
            return Speaker(names, names, True, "pl")
        if people:
            return self._entity_speaker(people[-1][0], gender)
        person = None if media else self._person_in(words, head, gender)
        if person is not None:
            return self._person(person, position, gender)
        role = person_like(head) and _role_head(head)  # Gość "Faktów po Faktach": a person, not the programme
        organisations = [(e, s) for e, s in found if e.type != PERSON and not role and (s.start <= head.i < s.end or _media_head(head))]
        if organisations:
            return self._entity_speaker(organisations[0][0], gender)
        return self._medium(words, head) if media else self._by_last_word(head, gender)

    def _medium(self, words: Span, head: Token) -> Speaker | None:
        """A medium named in apposition to its generic noun (``agencja Associated Press`` ->
        ``Associated Press``, §5.2); a genitive name keeps the noun (``agencja Reutera``)."""
        name = [t for t in words if t.i > head.i and (t.text[:1].isupper() or t.is_quote)]
        if not name or known_case(name[-1]) == "gen" or not name[0].text[:1].isupper() and not name[0].is_quote:
            return None
        text = _unquote(self.doc[name[0].i : name[-1].i + 1].text)
        return Speaker(text, text, False) if text else None

    def named_later(self, speaker: Speaker, position: int, limit: int) -> Speaker | None:
        """The person a role description stands for when the next person the article has speak
        or act, soon after, is named (``Premier Walii ... mówił ... - tłumaczył Carwyn Jones``),
        fits its gender and has no other role (§5.3: the name wins)."""
        if not (speaker.description and speaker.person) or speaker.gender == "pl":
            return None
        later = next((s for where, s, _ in self.history if position < where < limit and s.person and s.key != speaker.key), None)
        if later is None or later.description or not _same_gender(speaker.gender or "n", later.gender or "n"):
            return None
        surname = later.name.split()[-1].casefold()
        roles = [b.heads for b in self.bindings if b.name[-1].text.casefold() == surname or b.name[-1].lemma_.casefold() == surname]
        return None if any(speaker.head not in heads for heads in roles) else later

    def _by_last_word(self, head: Token, gender: str | None) -> Speaker | None:
        """A capitalised word alone that ends an entity's name (``Khan`` -> ``Imran Khan``)."""
        if not head.text[:1].isupper():
            return None
        for entity in self.entities:
            words = entity.name.split()
            if entity.type in (PERSON, ORGANISATION) and len(words) > 1 and words[-1].casefold() in (head.text.casefold(), head.lemma_.casefold()):
                return self._entity_speaker(entity, gender)
        return None

    def _apposed(self, span: Span, head: Token, gender: str | None) -> bool:
        """Whether a name in the speaker's words is the speaker (``Sędzia Saqib Nasir``), not a
        genitive (``prawnik Bibi``): it is the head, or follows it in its case and fits the
        verb's gender."""
        if span.start <= head.i < span.end:
            return True
        name_case = next((known_case(t) for t in span if known_case(t)), None)
        if span.start < head.i or name_case not in (None, case_of(head)):
            return False
        before = self.doc[span.start - 1]
        if name_case is None and before.i != head.i and person_like(before) and known_case(before) not in (None, case_of(head)):
            return False  # Mąż ... chrześcijanki Asii Bibi: the name belongs to the genitive person
        hit = self.entity_at(span[-1])
        own = name_gender(hit[0].name if hit is not None else span.text)
        return not (gender in ("m", "f") and own in ("m", "f") and own != gender)


def _not_a_source(head: Token) -> bool:
    """Documents, data and plans (``Wg danych Eurostatu``, §3.5)."""
    analyses = readings(head)
    return bool({head.lemma_.lower(), *(r.lemma.lower() for r in analyses)} & speech_not_sources())


def _coordination(words: Span) -> bool:
    return any(t.lower_ in COORDINATORS and 0 < t.i - words.start < len(words) - 1 for t in words)


def _plausible_person(span: Span) -> bool:
    """Not a place the NER took for a person (``Karaczi``: a city in the dictionary)."""
    types = [set(name_types(t)) for t in span if t.is_alpha]
    return not types or not all(t and t <= {"nazwa_geograficzna", "nazwa_organizacji"} for t in types)


def _genitive_name(doc: Doc, mention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span[-1].text[:1].isupper() and "gen" in _cases(span[-1]) | {case_of(span[-1])}


def _mention_rank(entity: Entity, span: Span) -> tuple[bool, int]:
    """Which of two mentions over one word names it: a person's, then the longer one
    (``prezydent Rosji`` over ``Rosji``)."""
    return entity.type == PERSON, len(span)


def _media_head(head: Token) -> bool:
    return head.lemma_.lower() in speech_media_nouns()

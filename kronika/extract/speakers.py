"""Who said it: what the speaker's words at a cue refer to (docs/annotation/quotes.md §5).

The words come from :mod:`.speaker_words`; :class:`Speakers` resolves them against the
article's entities:

- a person named in them (``Brat Bibi, James Masih``), under the fullest name the article
  writes (:mod:`.speaker_names`: ``Putin`` -> ``Władimir Putin``);
- an organisation or medium heading them (``agencja Reutera``; ``agencja Associated Press`` ->
  ``Associated Press``);
- a pronoun or no words at all: the last one spoken of, of the verb's gender
  (:mod:`.speaker_discourse`);
- a role: the person the entity groups or an apposition bind to it (``prezydent Rosji``,
  :mod:`.speaker_roles`), else the person just spoken of when the role is short;
- else the description itself, in its base form (``świadków`` -> ``świadkowie``), with a
  possessive replaced by the possessor's name (``jej prawników`` -> ``prawnicy Asii Bibi``).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..analyse.morfeusz import whole_readings
from ..lang.pl import speech_media_nouns, speech_not_sources, speech_role_synonyms
from ..model import Entity
from .speaker_discourse import History, Speaker
from .speaker_morphology import (case_of, cases_of, gender_of, head_of, is_nominal, is_pronoun, known_case, person_like,
                                 role_head, same_gender)
from .speaker_names import PERSON, PersonNames, name_gender, name_part, unquote
from .speaker_roles import RoleBindings
from .speaker_words import COORDINATORS, MAX_NP, QUANTIFIERS, RELATIVES, describe, noun_phrase
from .speech import POSSESSIVES, WORDS, is_verb, name_types, readings, tag_pos

ORGANISATION = "ORG"
POSSESSOR_GENDER = {w: gender for gender in ("m", "f", "pl") for w in WORDS[f"possessive_{gender}"]}
POSSESSOR_WINDOW = 60  # words back to look for the person a possessive stands for
ANAPHORIC_ROLE_WORDS = 2  # a role of at most this many nouns may refer to the person just spoken of


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
        self.names = PersonNames(doc, self.token_entity)
        self.roles = RoleBindings(self.names)
        self.history = History()
        self.quoted: list[tuple[int, int]] = []  # character ranges of the quotes' texts
        self.role_speakers: dict[str, dict[str, Speaker]] = {}  # role lemma -> the people named under it
        self._genders: dict[str, str | None] = {}

    def _outside_quotes(self, entity: Entity) -> bool:
        """Whether the article names ``entity`` outside the quotes (someone named only inside a
        quote is spoken of by its speaker, not a speaker: ``Premier Morawiecki`` in Belka's words)."""
        return any(not any(s <= m.start < e for s, e in self.quoted) for m in entity.mentions if m.text[:1].isupper())

    def entity_at(self, token: Token) -> tuple[Entity, Span] | None:
        return self.token_entity.get(token.i)

    @staticmethod
    def institution(speaker: Speaker) -> bool:
        """A description headed by an institution word (``lokalne władze``): one the article may go
        on speaking of with a dropped subject or a pronoun (``ich zdaniem``)."""
        return speaker.description and speaker.head in WORDS["institution"]

    # -- people

    def _person_in(self, words: Span, head: Token, gender: str | None) -> Span | None:
        """A personal name in ``words`` the NER missed, apposed to their head: a known surname,
        or a first name and a surname."""
        surnames = {n.base.split()[-1].casefold() for n in self.names.names}
        for token in reversed(list(words)):
            if token.i < head.i or not name_part(token):
                continue
            name = self.names.name_span(token)
            first = name_types(name[0])
            after_role = person_like(head) and role_head(head) and (name.start == head.i + 1 or self._closes_role(words, head, name))
            known = surnames & {token.text.casefold(), token.lemma_.casefold()}
            personal = known or after_role or (len(name) > 1 and "imię" in first)
            if personal and self._apposed(name, head, gender):
                return name
        return None


    @staticmethod
    def _closes_role(words: Span, head: Token, name: Span) -> bool:
        """A name of two capitalised words that ends the speaker words after the role noun phrase
        (``Przewodniczący Komisji Praw Człowieka w niemieckim parlamencie Bundestagu Gyde
        Jensen``): apposed to the role, whatever the dictionary knows of the names."""
        between = words.doc[head.i + 1 : name.start]
        hyphenated = {t.i for t in name if t.i > name.start and not t.doc[t.i - 1].whitespace_ and t.doc[t.i - 1].text in "-–"}
        return (len(name) > 1 and name.end == words.end and all(t.text[:1].isupper() or t.i in hyphenated for t in name if t.is_alpha)
                and not any(is_verb(t) or (t.is_punct and t.text not in ".-") for t in between))

    def person_gender(self, entity: Entity) -> str | None:
        """A person's gender from the verbs that agree with their name mentions (``Sylvi Listhaug
        ... powiedziała``), for first names the dictionary does not know (m or f by majority)."""
        if entity.id in self._genders:
            return self._genders[entity.id]
        votes = {"m": 0, "f": 0}
        for mention in entity.mentions:
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or mention.kind != "name":
                continue
            root = span.root
            verb = root.head if root.dep_.startswith("nsubj") else None
            for token in (verb, *(c for c in (verb.children if verb is not None else ()) if c.dep_ == "aux")):
                own = gender_of(token) if token is not None and is_verb(token) else None
                if own in votes:
                    votes[own] += 1
        gender = max(votes, key=votes.get) if votes["m"] != votes["f"] else None
        self._genders[entity.id] = gender
        return gender

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
        full = self.names.person_name(name, position)
        return Speaker(full, full, True, name_gender(full) or gender)

    def _entity_speaker(self, entity: Entity, gender: str | None) -> Speaker:
        """An entity as the speaker, under its base-form name (``agencja Reutera`` -> its entity);
        a person under the fullest name the article writes for them (§5.1)."""
        person, name = entity.type == PERSON, unquote(entity.name)
        if person:
            spans = [self.doc.char_span(m.start, m.end, alignment_mode="expand") for m in entity.mentions if m.kind == "name"]
            name = self.names.entity_name([s for s in spans if s is not None], name)
        else:
            entity = self._expanded(entity)
            name = _without_media_noun(unquote(entity.name))
        own = (name_gender(name) or self.person_gender(entity)) if person else None
        if person and gender == "pl":
            gender = None  # one person: a plural verb's subject is not only them
        return Speaker(entity.id, name, person, own or gender)

    def _expanded(self, entity: Entity) -> Entity:
        """An acronym's organisation when the article also writes it in full (``AP`` ->
        ``Associated Press``, written as ``agencja Associated Press``)."""
        name = entity.name
        if not (name.isupper() and 1 < len(name) <= 6):
            return entity
        for other in self.entities:
            words = [w for w in _without_media_noun(other.name).split() if w[:1].isupper()]
            if other is not entity and len(words) == len(name) and "".join(w[0] for w in words) == name:
                return other
        return entity

    def resolve(self, words: Span | None, position: int, verb: Token | None, *, quoted_only: bool = False) -> Speaker | None:
        """The speaker of a quote (or the subject of a clause) at character ``position``."""
        gender = gender_of(verb)
        if words is None or len(words) == 0:
            court = self._court(verb) if verb is not None and tag_pos(verb) == "imps" else None
            if court is not None:
                return court
            if verb is None or gender is not None:  # no verb, or one of saying with a dropped subject
                return self.history.previous_person(position, gender, quoted_only=quoted_only)
            return self.history.previous(position, gender, quoted_only=quoted_only)
        while len(words) > 1 and _abbreviated_adverb(words[0].text):  # "M.in Richard Tice", not "J.K. Rowling"
            words = words[1:]
        head = head_of(words)
        if head.lower_ in RELATIVES:
            antecedent = self._antecedent(head)
            if antecedent is not None:
                return self._entity_speaker(antecedent, gender)
        if _coordination(words):
            gender = "pl"
        if len(words) == 1 and head.lower_ in POSSESSOR_GENDER:  # Jego zdaniem
            gender = POSSESSOR_GENDER[head.lower_]
        gender = gender or gender_of(head)
        if _not_a_source(head):
            return None
        named = self._named(words, head, position, gender)
        if named is not None:
            self._remember_role(named, head)
            return named
        if is_pronoun(head):
            return self.history.previous(position, gender or gender_of(head))
        bound = self.roles.bound(words, head, position, self.quoted)
        if bound is not None:
            return self._person(bound.name, position, gender or gender_of(head))
        spoken = self._role_speaker(words, head)
        if spoken is not None:
            return spoken
        organisation = self._organisation_by_head(head) if head.pos_ != "PROPN" and not person_like(head) else None
        if organisation is not None:
            return self._entity_speaker(organisation[0], gender)
        return self._role(words, head, position, gender)

    def _remember_role(self, speaker: Speaker, head: Token) -> None:
        """A person named with their role in the speaker words (``prawnik chrześcijanki Saif -ul
        Malook zapowiadał``): the role's lemma speaks for them later."""
        if speaker.person and not speaker.description and not speaker.members and person_like(head) and role_head(head):
            self.role_speakers.setdefault(head.lemma_.lower(), {})[speaker.key] = speaker

    def _role_speaker(self, words: Span, head: Token) -> Speaker | None:
        """The one person who has spoken under this role or a synonym (``Adwokat``, ``Obrońca
        kobiety`` after ``prawnik chrześcijanki Saif -ul Malook``), for a role of a person or of
        no one: not one of a place or an office (``minister spraw zagranicznych``)."""
        lemma = head.lemma_.lower()
        after = [t for t in words if t.i > head.i and is_nominal(t)]
        if not (person_like(head) and role_head(head)) or not all(person_like(t) for t in after) or words[0].lower_ in POSSESSIVES:
            return None
        synonyms = {lemma}.union(*(group for group in speech_role_synonyms() if lemma in group))
        people = {key: speaker for role, spoken in self.role_speakers.items() if role in synonyms for key, speaker in spoken.items()}
        return next(iter(people.values())) if len(people) == 1 else None

    def _court(self, verb: Token) -> Speaker | None:
        """The court, for an impersonal verb whose clause speaks of a court document (``W
        uzasadnieniu wyroku podkreślono, że ...``, §3.6): the court the article names (``Sąd
        Najwyższy``), else ``sąd``."""
        clause = self.doc[verb.sent.start : verb.i]
        if not any(t.lemma_.lower() in WORDS["court_document"] for t in clause):
            return None
        for entity in self.entities:
            first = entity.name.split()[0].lower() if entity.name.split() else ""
            if entity.type == ORGANISATION and first in WORDS["court"]:
                return self._entity_speaker(entity, None)
        name = sorted(WORDS["court"])[0]
        return Speaker(name, name, False, "m", name, True)

    def _antecedent(self, relative: Token) -> Entity | None:
        """The person a relative pronoun subject stands for: the nearest one named before it in
        its sentence, of its gender (``słów Michela Barniera, głównego negocjatora ..., który
        powiedział``)."""
        gender = gender_of(relative)
        for token in reversed(self.doc[relative.sent.start : relative.i]):
            hit = self.entity_at(token)
            if hit is not None and hit[0].type == PERSON:
                own = name_gender(self._entity_speaker(hit[0], None).name)
                if gender is None or own is None or same_gender(gender, own):
                    return hit[0]
        return None

    def _role(self, words: Span, head: Token, position: int, gender: str | None) -> Speaker:
        """A description, or the person just spoken of when it is a short, definite role that
        fits them: the same role or a synonym (``mecenas`` for ``adwokat``), a generic word
        (``mężczyzna``, ``ekspert``), or any role of a person named by name."""
        lemma, person = head.lemma_.lower(), person_like(head) and role_head(head)
        indefinite = any(t.lemma_.lower() in WORDS["indefinite"] for t in words)
        if words[0].lower_ in QUANTIFIERS and words[0].i < head.i:  # kilka partii, Niektóre z sąsiadek: many
            return Speaker(describe(words), describe(words), person, "pl", lemma, False)
        if person and not indefinite and len([t for t in words if is_nominal(t) and not t.like_num]) <= ANAPHORIC_ROLE_WORDS:
            recent = self.history.previous(position, gender_of(head) or gender, person=True)
            plural = (gender_of(head) or gender) == "pl"  # muzułmanki: a group, not the man of unknown gender just named
            if recent is not None and self.history.recent(recent, position) and _same_role(recent.head, lemma) \
                    and self._may_be_called(recent, lemma) and (not plural or recent.gender == "pl"):
                return recent
        description = self._possessor(words, position) or describe(self._fuller(words, head))
        return Speaker(description, description, person, gender_of(head) or gender, lemma, not indefinite)

    def _may_be_called(self, speaker: Speaker, lemma: str) -> bool:
        """Whether a person named by name may be taken up by role ``lemma``: not if they spoke
        under other roles only (``Minister ... Noor-ul-Haq Qadri ogłosił`` is not the later
        ``- powiedział adwokat``)."""
        roles = {role for role, people in self.role_speakers.items() if speaker.key in people}
        return bool(speaker.head) or not roles or lemma in WORDS["generic_person"] or any(_same_role(r, lemma) for r in roles)

    def _fuller(self, words: Span, head: Token) -> Span:
        """A bare role noun as the article writes it elsewhere with its complement
        (``Prawnik`` -> ``prawnik chrześcijanki``), in the same number."""
        if len([t for t in words if t.is_alpha]) > 1:
            return words
        longer = [noun_phrase(t, t.i, min(len(self.doc), t.i + MAX_NP)) for t in self.doc
                  if t.lemma_ == head.lemma_ and t.i != head.i and gender_of(t) == gender_of(head)]
        longer = [span for span in longer if len(span) > 1 and all(case_of(t) == "gen" for t in span[1:] if is_nominal(t))]
        return max(longer, key=len, default=words)

    def _possessor(self, words: Span, position: int) -> str | None:
        """``jej prawników`` -> ``prawnicy Asii Bibi``: the possessor's name in the genitive
        (as the article writes it) after the described people (§5.3)."""
        first = words[0]
        if first.lower_ not in POSSESSIVES or len(words) < 2:
            return None
        gender = POSSESSOR_GENDER[first.lower_]
        owner = self.history.previous(position, gender, person=True)
        entity = next((e for e in self.entities if owner is not None and e.id == owner.key), None)
        if entity is None or (owner.gender != gender and gender != "pl"):
            entity = self._nearest_person(position, gender) or entity
        genitives = [m.text for m in entity.mentions if _genitive_name(self.doc, m)] if entity else []
        genitive = max(genitives, key=lambda text: len(text.split()), default=None)
        return f"{describe(words[1:])} {genitive}" if genitive else None

    def _nearest_person(self, position: int, gender: str) -> Entity | None:
        """The person named last before ``position`` (in any case) within ``POSSESSOR_WINDOW``
        words, of the possessive's gender: ``Sprawa ... Asi Bibi ... jej sąsiadki``."""
        at = self.doc.char_span(position, position + 1, alignment_mode="expand")
        end = at.start if at is not None else len(self.doc)
        for token in reversed(self.doc[max(0, end - POSSESSOR_WINDOW) : end]):
            hit = self.entity_at(token)
            if hit is not None and hit[0].type == PERSON and self._entity_speaker(hit[0], None).gender == gender:
                return hit[0]
        return None

    def _named(self, words: Span, head: Token, position: int, gender: str | None) -> Speaker | None:
        found: list[tuple[Entity, Span]] = []
        for token in words:
            hit = self.entity_at(token)
            if hit and all(hit[0] is not f[0] for f in found):
                found.append(hit)
        media = _media_head(head)  # agencja Reutera: the agency, whatever the NER took Reutera for
        people = [(e, s) for e, s in found if e.type == PERSON and not media and _plausible_person(s) and self._apposed(s, head, gender)]
        people = [(e, s) for e, s in people if self._outside_quotes(e) or not (s.start <= head.i < s.end and role_head(head))]
        conjuncts = self._conjunct_people(words, found) if _coordination(words) else []
        if len(conjuncts) > len(people):
            people = conjuncts
        if len(people) > 1 and any(t.lower_ in COORDINATORS for t in words):
            members = tuple(self._entity_speaker(e, None) for e, _ in people)
            names = " i ".join(m.name for m in members)
            return Speaker(names, names, True, "pl", members=members)
        title = _quoted_title(words)
        if title is not None:
            return Speaker(title, title, False)
        if people:
            return self._entity_speaker(people[-1][0], gender)
        person = None if media else self._person_in(words, head, gender)
        if person is not None:
            return self._person(person, position, gender)
        role = person_like(head) and role_head(head)  # Gość "Faktów po Faktach": a person, not the programme
        organisations = [(e, s) for e, s in found if e.type != PERSON and not role and (s.start <= head.i < s.end or _media_head(head))]
        if organisations and media and self._medium_genitive(words, head):
            return self._medium(words, head)
        if organisations:
            return self._entity_speaker(organisations[0][0], gender)
        return self._medium(words, head) if media else self._by_last_word(head, gender)

    def _conjunct_people(self, words: Span, found: list[tuple[Entity, Span]]) -> list[tuple[Entity, Span]]:
        """People coordinated in the speaker words, each a whole conjunct (``Listhaug i Raja``:
        ``Raja`` may read as a genitive, but it is a conjunct, not a complement)."""
        parts, start = [], words.start
        for token in words:
            if token.lower_ in COORDINATORS or token.text == ",":
                parts.append((start, token.i))
                start = token.i + 1
        parts.append((start, words.end))
        people = []
        for begin, end in parts:
            hit = next(((e, s) for e, s in found if e.type == PERSON and begin <= s.start and s.end <= end), None)
            if hit is None and end - begin == 1:  # a surname the NER left out here (``Listhaug``)
                surname = self.doc[begin]
                same = [e for e in self.entities if e.type == PERSON and len(e.name.split()) > 1
                        and e.name.split()[-1].casefold() == surname.text.casefold()]
                hit = (same[0], self.doc[begin:end]) if len(same) == 1 and surname.text[:1].isupper() else None
            if hit is None or any(hit[0] is e for e, _ in people):
                return []
            people.append(hit)
        return people

    def _medium(self, words: Span, head: Token) -> Speaker | None:
        """A medium named in apposition to its generic noun (``agencja Associated Press`` ->
        ``Associated Press``, §5.2); a genitive name keeps the noun (``agencja Reutera``). A bare
        noun is the medium the article named last with that noun or a synonym (``gazety`` after
        ``dziennika "Dawn"``)."""
        named = self._medium_name(words, head)
        if named is None and not [t for t in words if t.i != head.i and is_nominal(t)]:
            synonyms = {head.lemma_.lower()}.union(*(g for g in speech_role_synonyms() if head.lemma_.lower() in g))
            for token in reversed(self.doc[: words.start]):
                if token.lemma_.lower() in synonyms and token.is_lower:
                    named = self._medium_name(noun_phrase(token, token.i, min(len(self.doc), token.i + MAX_NP)), token)
                    if named is not None:
                        break
        return named

    def _medium_name(self, words: Span, head: Token) -> Speaker | None:
        name = [t for t in words if t.i > head.i and (t.text[:1].isupper() or t.is_quote)]
        if name and known_case(name[-1]) == "gen":
            text = describe(words)
            return Speaker(text, text, False)
        if not name or not name[0].text[:1].isupper() and not name[0].is_quote:
            return None
        text = unquote(self.doc[name[0].i : name[-1].i + 1].text)
        return Speaker(text, text, False) if text else None

    @staticmethod
    def _medium_genitive(words: Span, head: Token) -> bool:
        """``agencja Reutera``: a one-word name in the genitive after the medium noun (§5.2: the
        noun stays, ``Agencja Reutera``)."""
        name = [t for t in words if t.i > head.i]
        return len(name) == 1 and name[0].text[:1].isupper() and known_case(name[0]) == "gen"

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
        if span.start == head.i + 1 and head.lemma_.lower() in WORDS["kinship"]:
            return False  # córki Asii Bibi: a relative's possessor
        name_case = next((known_case(t) for t in span if known_case(t)), None)
        name_cases = set().union(*(cases_of(t) for t in span))
        if span.start < head.i or (name_cases and case_of(head) not in name_cases):
            return False
        before = self.doc[span.start - 1]
        if name_case is None and before.i != head.i and person_like(before) and known_case(before) not in (None, case_of(head)):
            return False  # Mąż ... chrześcijanki Asii Bibi: the name belongs to the genitive person
        second = self.doc[head.i + 1] if head.i + 1 < len(self.doc) else None
        if (second is not None and span.start >= second.i and person_like(second) and role_head(second)
                and known_case(second) in (None, case_of(head)) and head.lemma_.lower() not in WORDS["honorific"]):
            return False  # rzecznik premier May: two role nouns in one case, the name is the (indeclinable) second one's
        hit = self.entity_at(span[-1])
        own = name_gender(self._entity_speaker(hit[0], None).name if hit is not None else span.text)
        return not (gender in ("m", "f") and own in ("m", "f") and own != gender)


def _abbreviated_adverb(word: str) -> bool:
    """A word abbreviated with a dot inside and lower-case letters after it (``m.in.``), which
    no name is (``J.K.``)."""
    first, dot, rest = word.rstrip(".").partition(".")
    return bool(dot) and first.isalpha() and rest.isalpha() and rest.islower()


def _same_role(known: str, lemma: str) -> bool:
    """Whether role ``lemma`` may refer to someone spoken of under role ``known`` (none for a
    person named by name): the same, synonyms, or a generic word for a person."""
    if not known or known == lemma or lemma in WORDS["generic_person"]:
        return True
    return any(known in group and lemma in group for group in speech_role_synonyms())


def _quoted_title(words: Span) -> str | None:
    """A medium's title in quotation marks (``- pisze "Rzeczpospolita"``): the title as written,
    not the state the NER linked it to."""
    first, last = words[0], words[-1]
    doc = words.doc
    opening = doc[first.i - 1] if first.i > 0 else None
    closing = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if opening is not None and opening.is_quote and closing is not None and closing.is_quote and words.text[:1].isupper():
        return words.text
    return None


def _without_media_noun(name: str) -> str:
    """``agencja Associated Press`` -> ``Associated Press`` (§5.2); a genitive name keeps its
    noun (``Agencja Reutera``)."""
    words = name.split()
    if len(words) < 2 or words[0].lower() not in speech_media_nouns() or not words[1][:1].isupper():
        return name
    genitive = any(":gen:" in r.tag for r in whole_readings(words[-1])) and not any(":nom:" in r.tag for r in whole_readings(words[-1]))
    return name if genitive else " ".join(words[1:])


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
    return span is not None and span[-1].text[:1].isupper() and "gen" in cases_of(span[-1]) | {case_of(span[-1])}


def _mention_rank(entity: Entity, span: Span) -> tuple[bool, int]:
    """Which of two mentions over one word names it: a person's, then the longer one
    (``prezydent Rosji`` over ``Rosji``)."""
    return entity.type == PERSON, len(span)


def _media_head(head: Token) -> bool:
    return head.lemma_.lower() in speech_media_nouns()

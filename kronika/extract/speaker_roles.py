"""Roles bound to people's names by apposition, for speakers (docs/annotation/quotes.md §5.3):
``prezydent Rosji Władimir Putin`` or ``Władimir Putin, prezydent Rosji`` binds ``prezydent
Rosji`` to Putin, so that a later ``- stwierdził prezydent Rosji`` is Putin's.

This complements :mod:`kronika.link.roles`, which binds the office titles of
``office_titles.txt`` into the entity groups: here any role noun of a person (``prawnik
chrześcijanki Saif ul-Malook``, ``Minister ds. religii ... Noor-ul-Haq Qadri``) is bound.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .speaker_morphology import MODIFIERS, case_of, is_nominal, known_case, nominative, person_like, role_head
from .speaker_names import PERSON, PersonNames, name_part
from .speaker_words import COORDINATORS, MAX_NP, noun_phrase
from .speech import is_known, is_verb, name_types, tag_pos

ROLE_WINDOW = 8  # words a role before a name may span


@dataclass(frozen=True)
class Binding:
    """A role bound to a person's name by apposition (``prezydent Rosji Władimir Putin``)."""

    position: int
    heads: frozenset[str]
    modifiers: frozenset[str]
    name: Span


class RoleBindings:
    """Every role written next to a personal name in one article."""

    def __init__(self, names: PersonNames):
        self.names = names
        self.doc = names.doc
        self.bindings = list(self._bindings())

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
        hit = self.names.entity_at(token)
        following = self.names.entity_at(self.doc[token.i + 1]) if token.i + 1 < len(self.doc) else None
        if hit is not None and hit[0].type == PERSON and following != hit and token.text[:1].isupper():
            return self.names.name_span(token)
        name = self.names.name_span(token) if name_part(token) else None
        first = name_types(name[0]) if name is not None else ()
        if name is not None and "imię" not in first:  # Bundestagu Gyde Jensen: the foreign first name starts it
            start = next((t.i for t in name if not is_known(t)), None)
            name = self.doc[start : name.end] if start is not None else name
            first = name_types(name[0])
        foreign = (name is not None and not is_known(name[0]) and ("nazwisko" in name_types(name[-1]) or not is_known(name[-1]))
                   and sum(t.is_alpha and t.text[:1].isupper() for t in name) == len(name))  # not Tehreek-e-Labbaik
        return name if name is not None and len(name) > 1 and ("imię" in first or foreign) and following is None else None

    def _role_before(self, name: Span) -> tuple[frozenset[str], frozenset[str]] | None:
        """``prezydent Rosji`` / ``współzałożyciel i przywódca TLP`` / ``Główny negocjator UE w
        sprawie brexitu`` before a name: its head is the first role noun in the name's case."""
        doc, i = self.doc, name.start - 1
        while i >= 0 and name.start - i <= ROLE_WINDOW:
            token = doc[i]
            if token.is_space or (token.is_punct and token.text != ".") or is_verb(token) or doc[i + 1].is_sent_start:
                break  # a role is in the name's sentence: not "działacz. Sprawa ... Asi Bibi"
            i -= 1
        chunk = [t for t in doc[i + 1 : name.start] if t.is_alpha]
        case = known_case(name[-1])
        heads = [t for t in chunk if role_head(t) and person_like(t) and (case is None or case_of(t) in (None, case))]
        if not heads:
            return None
        head = heads[0]
        joined = {head.lemma_.lower()} | {t.lemma_.lower() for t in heads[1:] if doc[t.i - 1].lower_ in COORDINATORS}
        modifiers = {t.lemma_.lower() for t in chunk if t.i > head.i and is_nominal(t) and t.lemma_.lower() not in joined}
        return frozenset(joined), frozenset(modifiers)

    def _role_after(self, name: Span) -> tuple[frozenset[str], frozenset[str]] | None:
        """``Władimir Putin, prezydent Rosji``."""
        doc, i = self.doc, name.end
        if i + 1 >= len(doc) or doc[i].text != ",":
            return None
        head = doc[i + 1]
        while tag_pos(head) in MODIFIERS and head.i + 1 < len(doc):
            head = doc[head.i + 1]
        if not role_head(head) or not person_like(head) or not nominative(head):
            return None
        words = noun_phrase(head, head.i, min(len(doc), head.i + MAX_NP))
        return frozenset({head.lemma_.lower()}), frozenset(t.lemma_.lower() for t in words if t.i > head.i and is_nominal(t))

    def bound(self, words: Span, head: Token, position: int, quoted: list[tuple[int, int]]) -> Binding | None:
        """The person a role is bound to: same head, its modifiers among the binding's, bound
        outside the ``quoted`` character ranges; the nearest before ``position``."""
        modifiers = {t.lemma_.lower() for t in words if t.i > head.i and is_nominal(t)}
        found = [b for b in self.bindings if head.lemma_.lower() in b.heads and modifiers <= b.modifiers
                 and not any(s <= b.position < e for s, e in quoted)]
        before = [b for b in found if b.position <= position]
        return max(before, key=lambda b: b.position) if before else (found[0] if found else None)


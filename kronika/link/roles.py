"""Role descriptions as mentions of people: ``prezydent Rosji`` is Putin once the article has said
``prezydent Rosji Władimir Putin`` or ``Władimir Putin, prezydent Rosji``.

A *description* is an office title of ``kronika/lang/pl/office_titles.txt`` (``prezydent``,
``sekretarz generalny``), maybe after a country adjective (``rosyjski prezydent``), with the
genitive words and names after it (``Rosji``, ``spraw zagranicznych``, ``ODKB``). Its *key* is the
title and what it is of: a country's code (``Rosji``, ``rosyjski``; ``kraju`` and ``państwa``
stand for the article's main country), else the complement's lemmas; a bare title has none.

A description right before a person's name, or after the name and a comma, in the same case,
is *bound* to that person. Elsewhere a description is that person's mention when its key was
bound to one person (the nearest binding before it if several were), and a bare title when one
person alone holds the title and was named before it. A bound person takes the country of the
description (``prezydent Rosji`` -> RUS).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..extract.base_forms import lemmatize_span
from ..lang.pl import office_titles
from .codes import country_code
from .mentions import ROLE, Group, NameMention

__all__ = ["bind_roles"]

STATE_WORDS = frozenset({"kraj", "państwo"})  # "prezydent kraju": of the article's main country
MAX_COMPLEMENT = 4
MAX_TITLE = 2
PERSON = "PER"


@dataclass
class Description:
    span: Span
    head: Token  # the title's first word
    title: tuple[str, ...]
    of: str | tuple[str, ...] | None  # a country code, the complement's lemmas, or None

    @property
    def key(self) -> tuple:
        return self.title, self.of


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def _case(token: Token) -> str | None:
    cases = token.morph.get("Case")
    return cases[0] if cases else None


def _genitive(token: Token) -> bool:
    """In the genitive by the tagger, or by Morfeusz where no tagger has run."""
    case = _case(token)
    return case == "Gen" if case else any(":gen" in r.tag for r in token._.morfeusz)


def _agree(a: Token, b: Token, strict: bool) -> bool:
    """Same case; an unknown case agrees unless ``strict``."""
    ca, cb = _case(a), _case(b)
    return ca == cb if ca and cb else not strict


def _title_at(doc: Doc, i: int) -> int:
    """The number of words of the office title starting at token ``i`` (0 for none)."""
    titles = office_titles()
    for n in range(MAX_TITLE, 0, -1):
        if i + n <= len(doc) and tuple(_lemma(t) for t in doc[i : i + n]) in titles:
            return n
    return 0


def _description(doc: Doc, i: int, n: int, names: dict[int, NameMention], home: str | None) -> Description:
    """The description whose title is ``doc[i:i+n]``: its country adjective before and complement after."""
    start, end, of = i, i + n, None
    if i > 0 and doc[i - 1].is_lower and doc[i - 1].pos_ == "ADJ" and country_code(doc[i - 1].text):
        start, of = i - 1, country_code(doc[i - 1].text)  # rosyjski prezydent
    lemmas: list[str] = []
    while end < len(doc) and end - (i + n) < MAX_COMPLEMENT:
        token = doc[end]
        named = names.get(end)
        if named is not None and named.type != PERSON and named.span.start == end:
            of = of or named.code and (named.country or named.code) or named.country
            lemmas.append(named.base.lower())
            end = named.span.end
        elif token.is_lower and token.is_alpha and _genitive(token) and end not in names:
            of = of or (home if _lemma(token) in STATE_WORDS else None)
            lemmas.append(_lemma(token))
            end += 1
        else:
            break
    title = tuple(_lemma(t) for t in doc[i : i + n])
    return Description(doc[start:end], doc[i], title, of or (tuple(lemmas) if lemmas else None))


def _bound_person(doc: Doc, d: Description, people: dict[int, NameMention], ends: dict[int, NameMention]) -> NameMention | None:
    """The person a description is in apposition to: right after it (a comma may come between),
    or right before it and a comma; in the title's case."""
    title = d.head
    after = d.span.end
    comma = after < len(doc) and doc[after].text == ","
    person = people.get(after + comma)
    if person is not None and _agree(title, person.span[0], strict=comma):
        return person
    before = d.span.start - 1
    if before > 0 and doc[before].text == "," and before in ends:
        person = ends[before]
        if _agree(title, person.span[0], strict=True):
            return person
    return None


def bind_roles(doc: Doc, groups: list[Group], home: str | None) -> None:
    """Add each description that names a person to that person's group (see the module)."""
    group_of = {id(m): g for g in groups for m in g.mentions}
    names = {i: m for g in groups for m in g.names for i in range(m.span.start, m.span.end)}
    people = {m.span.start: m for m in names.values() if m.type == PERSON}
    ends = {m.span.end: m for m in names.values() if m.type == PERSON}
    descriptions, i = [], 0
    while i < len(doc):
        n = _title_at(doc, i) if i not in names else 0
        if n:
            descriptions.append(_description(doc, i, n, names, home))
            i = descriptions[-1].span.end
        else:
            i += 1
    bound: list[tuple[Description, Group]] = []
    for d in descriptions:
        person = _bound_person(doc, d, people, ends)
        if person is not None:
            group = group_of[id(person)]
            bound.append((d, group))
            if isinstance(d.of, str) and group.country is None:
                group.country = d.of
    holders = {id(d): g for d, g in bound}
    for d in descriptions:
        group = holders.get(id(d)) or _resolve(d, bound)
        if group is not None:
            base = lemmatize_span(d.span, label=None)
            group.mentions.append(NameMention(d.span, group.type, group.subtype, base, kind=ROLE))


def _resolve(d: Description, bound: list[tuple[Description, Group]]) -> Group | None:
    """The person a description names: by its key, or a bare title held by one person named before."""
    same = [(b, g) for b, g in bound if b.key == d.key] if d.of is not None else []
    if d.of is None:
        holders = {id(g): g for b, g in bound if b.title == d.title}
        if len(holders) != 1:
            return None
        same = [(b, g) for b, g in bound if b.title == d.title and b.span.start < d.span.start]
    if not same:
        return None
    before = [(b, g) for b, g in same if b.span.start <= d.span.start]
    return max(before, key=lambda x: x[0].span.start)[1] if before else same[0][1]

"""One article, one reading of each name (:func:`consistent`).

The NER reads each occurrence of a name on its own, so one article may call ``Lahaur`` a place
here and a person there, or find ``TLP`` once and miss it twice. Within one article a name
names one thing (one sense per discourse), so:

1. **places**: a name read as a person is a place where the words before it say so (``w
   Lahaur`` with ``w`` taking the locative, ``w mieście Karaczi``:
   ``kronika/lang/pl/place_words.txt``) or where Morfeusz knows it only as a geographical name
   (``Pendżabie``), or where it is one word joined by ``i`` to a place (``Karaczi i Lahore``);
   then so is every mention of its base form;
2. **types**: the mentions of one base form take the type most of them have (places of any
   kind counting as one);
3. **occurrences** (first of all): a name recognised once is a mention wherever the article
   writes it again the same way (not a common word capitalised at a sentence's start); a place
   that goes on there with a capitalised adjective agreeing with it is a longer name
   (``Irlandią`` found again in ``Irlandią Północną``).
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from ..analyse.morfeusz import UNKNOWN_TAG
from ..lang.pl import place_words
from ..link.mentions import NAME, NameMention
from .base_forms import lemmatize_span

__all__ = ["adjective_after", "consistent"]

PLACES = frozenset({"GPE", "LOC", "FAC"})
VOTING = frozenset({"PER", "ORG", "GPE", "LOC", "FAC"})
LABELS = {"PER": "persName", "ORG": "orgName", "GPE": "placeName", "LOC": "geogName", "FAC": "geogName"}
COORDINATORS = frozenset({"i", "oraz", "lub", "albo"})
GEOGRAPHICAL, PERSON_NAMES = "nazwa_geograficzna", frozenset({"imię", "nazwisko"})


def consistent(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    """The article's mentions with places, types and occurrences made consistent (module doc)."""
    mentions = sorted(mentions + _occurrences(doc, mentions), key=lambda m: m.start)
    _places(doc, mentions)
    _voted(mentions)
    return mentions


def _key(mention: NameMention) -> str:
    return " ".join(mention.base.lower().split())


def _votable(mention: NameMention) -> bool:
    return mention.kind == NAME and mention.code is None and mention.type in VOTING


def _retype(mention: NameMention, kind: str) -> None:
    mention.type, mention.subtype = kind, LABELS[kind]


# ---------------------------------------------------------------- places


def _places(doc: Doc, mentions: list[NameMention]) -> None:
    people = [m for m in mentions if _votable(m) and m.type == "PER"]
    ends = {m.span.end: m for m in mentions if m.type in PLACES and m.kind == NAME}
    places = {_key(m) for m in people if _place_evidence(doc, m.span) or _coordinated(doc, m.span, ends)}
    for m in people:
        if _key(m) in places:
            _retype(m, "GPE")


def _place_evidence(doc: Doc, span: Span) -> bool:
    words = place_words()
    if span.start > 0:
        before = doc[span.start - 1]
        if before.text.lower() in words.get("preposition", ()) and _locative(before):
            return True
        if before.lemma_.lower() in words.get("noun", ()):
            return True
    words = [t for t in span if t.is_alpha]
    return bool(words) and all(_geographical(t) for t in words)


def _coordinated(doc: Doc, span: Span, ends: dict[int, NameMention]) -> bool:
    """A one-word name, no first name or surname Morfeusz knows, joined by ``i``, ``oraz`` or
    ``lub`` to a place before it (``w Karaczi i Lahore``; not ``z Pakistanu oraz Rebecca Bitrus``)."""
    if len(span) != 1 or any(PERSON_NAMES & set(r.name_types) for r in span[0]._.morfeusz):
        return False
    return span.start > 1 and doc[span.start - 1].text.lower() in COORDINATORS and span.start - 1 in ends


def _locative(preposition: Token) -> bool:
    """``w`` taking the locative (``w Lahaur``), not the accusative (``wierzy w Jezusa``)."""
    return not preposition.tag_ or preposition.tag_.startswith("prep:loc")


def _geographical(token: Token) -> bool:
    """Morfeusz knows the capitalised word only as a geographical name (``Pendżabie``)."""
    proper = [r for r in token._.morfeusz if r.tag != UNKNOWN_TAG and r.lemma[:1].isupper()]
    return bool(proper) and all(GEOGRAPHICAL in r.name_types and not PERSON_NAMES & set(r.name_types) for r in proper)


# ---------------------------------------------------------------- types


def _class(kind: str) -> str:
    return "PLACE" if kind in PLACES else kind


def _voted(mentions: list[NameMention]) -> None:
    by_key: dict[str, list[NameMention]] = {}
    for m in mentions:
        if _votable(m):
            by_key.setdefault(_key(m), []).append(m)
    for group in by_key.values():
        votes = Counter(_class(m.type) for m in group)
        if len(votes) < 2:
            continue
        (best, n), (_, second) = votes.most_common(2)
        if n == second:
            continue
        kind = next(m.type for m in group if _class(m.type) == best)
        for m in group:
            if _class(m.type) != best:
                _retype(m, kind)


# ---------------------------------------------------------------- occurrences


def _occurrences(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
    forms: dict[str, dict[tuple[str, ...], NameMention]] = {}
    for m in mentions:
        words = tuple(t.text for t in m.span)
        if m.kind == NAME and m.type not in ("DATE", "TIME") and words[0][:1].isupper() and len(m.text) > 1:
            forms.setdefault(words[0], {}).setdefault(words, m)
    found = []
    for token in doc:
        if token.i in taken or token.text not in forms:
            continue
        for words, m in sorted(forms[token.text].items(), key=lambda item: -len(item[0])):
            end = token.i + len(words)
            if end > len(doc) or taken & set(range(token.i, end)) or tuple(t.text for t in doc[token.i : end]) != words:
                continue
            if len(words) == 1 and token.is_sent_start and _common(token):
                continue
            span = Span(doc, token.i, end, m.span.label_)
            if m.type in PLACES and adjective_after(doc, span):  # Irlandią Północną: another place
                span = Span(doc, token.i, end + 1, m.subtype)
                found.append(NameMention(span, m.type, m.subtype, lemmatize_span(span)))
                end += 1
            else:
                found.append(NameMention(span, m.type, m.subtype, m.base, m.code, m.country, m.kind))
            taken.update(range(token.i, end))
            break
    return found


def adjective_after(doc: Doc, span: Span) -> bool:
    """The word after the span is a capitalised adjective agreeing with its last noun, within one
    sentence: ``Irlandią`` + ``Północną``, ``Europy`` + ``Środkowo-Wschodniej``."""
    if span.end >= len(doc) or not doc[span.end].text[:1].isupper() or doc[span.end].is_sent_start:
        return False
    nouns = {_number_case_gender(r.tag) for r in doc[span.end - 1]._.morfeusz if r.tag.startswith("subst:")}
    adjectives = {_number_case_gender(r.tag) for r in doc[span.end]._.morfeusz if r.tag.startswith("adj:")}
    return any(n[0] & a[0] and n[1] & a[1] and n[2] & a[2] for n in nouns for a in adjectives)


def _number_case_gender(tag: str) -> tuple[frozenset[str], ...]:
    parts = tag.split(":")
    return tuple(frozenset(parts[i].split(".")) if i < len(parts) else frozenset() for i in (1, 2, 3))


def _common(token: Token) -> bool:
    return any(r.tag != UNKNOWN_TAG and r.lemma[:1].islower() and not r.labels for r in token._.morfeusz)

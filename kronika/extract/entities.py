"""Entities of one article (SPEC §2): mentions with base forms, grouped, with stable ids.

1. **Mentions** come from the NER (``doc.ents``), mapped to kronika's types, with two repairs of
   its commonest slips: a span that starts with a state's or organisation's name and goes on with
   a person's (``Kazachstanu Kasym-Żomart Tokajew``) is cut in two, and a person's name cut short
   goes on over its hyphenated part and the names after it (``Kasym`` -> ``Kasym-Żomart
   Tokajew``). Adjectives (``pakistański``) name no entity and are left out.
2. **Base forms**: :func:`~kronika.extract.base_forms.lemmatize_span`, then
   :func:`~kronika.extract.base_forms.harmonise` across the article (``Tokajewowi`` ->
   ``Tokajew`` because the article also writes ``Tokajew``).
3. **Codes**: a mention naming a state or an international organisation gets its code and the
   type it implies (``Rosja`` tagged orgName is still GPE:RUS), see :mod:`kronika.link.codes`.
4. **Groups**: :func:`kronika.link.groups.group_mentions` (names, surnames, acronyms, roles).
5. **Entities**: id (:func:`kronika.link.names.entity_id`), name, aliases (other base forms, a
   code's Polish and English names, the English spelling of East Slavic names), country.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..analyse.morfeusz import UNKNOWN_TAG

from ..link.codes import (
    GPE, ORG, canonical_name, code_names, country_code, demonym_code, entity_code, organisation_country,
)
from ..link.groups import group_mentions
from ..link.mentions import DEMONYM, ROLE, Group, NameMention
from ..link.names import entity_id, transliterated
from ..model import Entity, Mention
from .base_forms import harmonise, lemmatize_span

__all__ = ["NKJP_TO_TYPE", "entities_from_doc", "entity_type", "name_mentions"]

# NKJP NE categories (PolEval names) -> kronika types.
NKJP_TO_TYPE = {
    "persName": "PER",
    "orgName": "ORG",
    "geogName": "LOC",
    "placeName": "GPE",
    "placeName_country": "GPE",
    "placeName_settlement": "GPE",
    "placeName_region": "GPE",
    "placeName_district": "GPE",
    "placeName_bloc": "GPE",
    "date": "DATE",
    "time": "TIME",
}
CODE_LABELS = {GPE: "placeName_country", ORG: "orgName"}
PERSON_NAME_TYPES = frozenset({"imię", "nazwisko"})
MAX_PERSON_WORDS = 4
HYPHENS = frozenset({"-", "‑"})
EDGES = frozenset(',;:"„”“«»()[]\'')
KINDS = "kind" in Mention.model_fields  # kronika.model marks roles and demonyms


def entity_type(label: str) -> str:
    return NKJP_TO_TYPE.get(label, NKJP_TO_TYPE.get(label.split("_")[0], "PER"))


def entities_from_doc(doc: Doc) -> list[Entity]:
    """The article's entities, in order of first mention."""
    entities: dict[str, Entity] = {}
    for group in group_mentions(doc, name_mentions(doc)):
        entity = _entity(group)
        if entity.id in entities:  # two groups under one id are one entity
            same = entities[entity.id]
            same.mentions = sorted(same.mentions + entity.mentions, key=lambda m: m.start)
            same.aliases += [a for a in entity.aliases if a not in same.aliases and a != same.name]
        else:
            entities[entity.id] = entity
    return list(entities.values())


# ---------------------------------------------------------------- mentions


def name_mentions(doc: Doc) -> list[NameMention]:
    """The NER's mentions, repaired, typed and coded, with base forms agreeing across the article."""
    mentions = []
    for span in _repaired(doc):
        kind, label = entity_type(span.label_), span.label_
        if kind in ("DATE", "TIME"):
            mentions.append(NameMention(span, kind, label, span.text))
            continue
        base = lemmatize_span(span, label=label)
        demonym = demonym_code(span.text) if kind == "PER" else None
        if demonym is not None:  # Brytyjczycy: a mention of GPE:GBR
            mentions.append(NameMention(span, GPE, label, base, demonym, demonym, DEMONYM))
            continue
        coded = entity_code(span.text, kind) if kind != "PER" else None
        if coded is None and _adjectival(span):
            continue
        code = None
        if coded is not None:
            kind, code = coded
            label = label if entity_type(label) == kind and kind != GPE else CODE_LABELS[kind]
            base = lemmatize_span(span, label=label)
            if entity_code(base, kind) != coded:  # Niemiec read as the village Niemce
                base = canonical_name(code) or base
        mentions.append(NameMention(span, kind, label, base, code, _country(span, kind, code)))
    bases = harmonise([(m.text, m.base, m.subtype) for m in mentions])
    for mention, base in zip(mentions, bases):
        mention.base = base
    return mentions


def _adjectival(span: Span) -> bool:
    """Every word an adjective: by the tagger, else by every Morfeusz reading."""
    return all(
        t.pos_ == "ADJ" or t.tag_.startswith("adj") if t.tag_ else all(r.tag.startswith("adj") for r in t._.morfeusz)
        for t in span
    )


def _country(span: Span, kind: str, code: str | None) -> str | None:
    """The country of a place standing for a state (``Kreml``) or of a name with a country's
    word in it (``Rosyjska Akademia Nauk``)."""
    if code is not None or kind not in ("ORG", "GPE", "LOC", "FAC"):
        return None
    return country_code(span.text) or next((country_code(t.text) for t in span if t.is_alpha and country_code(t.text)), None)


def _repaired(doc: Doc) -> list[Span]:
    spans, taken = [], set()
    for span in doc.ents:
        span = _whole(doc, span)
        if len(span) and not taken & set(range(span.start, span.end)):  # once over a hyphenated word
            spans.extend(_split(doc, span))
            taken.update(range(span.start, span.end))
    surnames = {t.text for span in spans if span.label_.startswith("persName") for t in span}
    out = []
    for span in spans:
        if span.label_.startswith("persName"):
            span = _extended(doc, span, taken, surnames)
            taken.update(range(span.start, span.end))
        out.append(span)
    return out


def _whole(doc: Doc, span: Span) -> Span:
    """The span over whole hyphenated words (``Tehreek-e-Labaik``, not ``Tehreek-``) and without
    quotes, commas or brackets at its edges (``"Dawn"``, ``Deutsche Welle,``)."""
    start, end = span.start, span.end
    while end < len(doc) and not doc[end - 1].whitespace_ and HYPHENS & {doc[end].text, doc[end - 1].text}:
        end += 1
    while start > 0 and not doc[start - 1].whitespace_ and HYPHENS & {doc[start].text, doc[start - 1].text}:
        start -= 1
    while start < end and (doc[start].text in EDGES or doc[start].text in HYPHENS):
        start += 1
    while end > start and (doc[end - 1].text in EDGES or doc[end - 1].text in HYPHENS):
        end -= 1
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, span.label_)


def _split(doc: Doc, span: Span) -> list[Span]:
    """``Kazachstanu Kasym-Żomart Tokajew`` -> ``Kazachstanu`` (GPE) + ``Kasym-Żomart Tokajew`` (PER):
    a span that starts with a state's or organisation's name and goes on with a person's name."""
    for k in range(len(span) - 1, 0, -1):
        head, rest = span[:k], span[k:]
        coded = entity_code(head.text, GPE)
        if coded is not None and all(_name_like(t) for t in rest if t.is_alpha) and rest[0].is_alpha:
            label = span.label_ if span.label_.startswith("persName") else "persName"
            return [Span(doc, head.start, head.end, CODE_LABELS[coded[0]]), Span(doc, rest.start, rest.end, label)]
    return [span]


def _name_like(token: Token) -> bool:
    """A capitalised word unknown to Morfeusz, or a first name or surname that is no common word
    too (``Kanclerz`` is also ``kanclerz``)."""
    if not token.text[:1].isupper():
        return False
    if not token._.is_known:
        return True
    common = any(r.lemma[:1].islower() for r in token._.morfeusz if r.tag != UNKNOWN_TAG)
    return bool(PERSON_NAME_TYPES & set(token._.name_types)) and not common


def _extended(doc: Doc, span: Span, taken: set[int], surnames: set[str]) -> Span:
    """A person's name going on past the span, either way: ``Kasym`` + ``-Żomart`` + ``Tokajew``;
    ``Kasym-Żomart`` + ``Tokajew``. It takes capitalised first names and surnames, words Morfeusz
    does not know and the article's other name words, joined by hyphens or spaces."""
    end = span.end
    while end < len(doc) and end - span.start < MAX_PERSON_WORDS and end not in taken:
        if _hyphen(doc, end) and end + 1 not in taken:
            end += 2
        elif _name_word(doc[end], surnames) and not doc[end].is_sent_start:
            end += 1
        else:
            break
    start = span.start
    while start > 0 and end - start < MAX_PERSON_WORDS and start - 1 not in taken:
        if start > 1 and _hyphen(doc, start - 1) and start - 2 not in taken:
            start -= 2
        elif _name_word(doc[start - 1], surnames) and not doc[start].is_sent_start:
            start -= 1
        else:
            break
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, span.label_)


def _hyphen(doc: Doc, i: int) -> bool:
    """A hyphen written between two capitalised words with no space: ``Kasym-Żomart``."""
    return (
        0 < i < len(doc) - 1 and doc[i].text in HYPHENS and not doc[i - 1].whitespace_ and not doc[i].whitespace_
        and doc[i - 1].text[:1].isupper() and doc[i + 1].text[:1].isupper()
    )


def _name_word(token: Token, surnames: set[str]) -> bool:
    return token.is_alpha and token.text[:1].isupper() and (token.text in surnames or _name_like(token))


# ---------------------------------------------------------------- entities


def _entity(group: Group) -> Entity:
    kind, code = group.type, group.code
    name = (canonical_name(code) if code else None) or group.name
    country = group.country or (code if kind == GPE else organisation_country(code) if code else None)
    country = country or next((m.country for m in group.mentions if m.country), None)
    aliases = [m.base for m in group.names]
    if code:
        polish, english = code_names(code)
        aliases += polish + english
    if kind == "PER":
        aliases += [transliterated(n, country) for n in (name, *aliases)]
    return Entity(
        id=entity_id(kind, name, code),
        type=kind,
        subtype=group.subtype,
        name=name,
        aliases=[a for a in dict.fromkeys(aliases) if a and a != name],
        country=country,
        mentions=_mentions(group),
    )


def _mentions(group: Group) -> list[Mention]:
    """The model's mentions with their kind (``role``, ``demonym``); where the model has no
    ``Mention.kind`` yet, role descriptions are left out (nothing would tell them from names)."""
    if not KINDS:
        return [Mention(start=m.start, end=m.end, text=m.text, base=m.base) for m in group.mentions if m.kind != ROLE]
    return [Mention(start=m.start, end=m.end, text=m.text, base=m.base, kind=m.kind) for m in group.mentions]

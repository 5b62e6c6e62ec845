"""Entities of one article (SPEC §2): mentions with base forms, grouped, with stable ids.

1. **Mentions** come from the NER (``doc.ents``), mapped to kronika's types
   (``kronika/lang/pl/ner_types.txt``), and from the gazetteer
   (:mod:`~kronika.extract.gazetteer`: media, works, events, agencies the NER has no type for;
   a name replaces the NER's spans within it). The NER's commonest slips are repaired: a span
   that starts with a state's or organisation's name and goes on with a person's (``Kazachstanu
   Kasym-Żomart Tokajew``) is cut in two, and so is one that starts with a word Morfeusz knows
   only as a place's or institution's name (``Bundestagu Katrin Goering-Eckardt``, ``Pendżab
   Salmaan Taseer``) or a person's span after a party's noun (``partii Venstre Abid Raja``), and
   a person's name whose words cannot be in one case (``Mahometowi Asia Bibi``); a person's name cut short goes on over its hyphenated part,
   particles (``Saif ul-Malook``) and the names after it (``Kasym`` -> ``Kasym-Żomart
   Tokajew``). Adjectives (``pakistański``), lower-case spans (``unii celnej``) and common words
   capitalised at a sentence's start name no entity and are left out, and so do common acronyms
   (``LPG``: ``kronika/lang/pl/common_acronyms.txt``). Demonyms the NER missed
   (``Pakistanki``; of a region or continent, ``Szkotów``, a mention of ``Szkocja``:
   ``kronika/lang/pl/region_demonyms.txt``), two names before an acronym in brackets that the
   NER cut in two (``Tehreek-e-Labbaik Pakistan (TLP)``), unknown acronyms (``TLP``, organisations) and a state's institution named by
   its adjective (``brytyjskiego parlamentu``) are added; :mod:`~kronika.extract.consistency`
   makes one article read each name one way (places, types, every occurrence).
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

from functools import cache

import pycountry
from spacy.tokens import Doc, Span, Token

from ..analyse.morfeusz import UNKNOWN_TAG

from ..link.codes import (
    GPE, ORG, adjective_codes, canonical_name, code_names, country_code, demonym_code, entity_code,
    organisation_country, region_of,
)
from ..link.groups import group_mentions
from ..link.mentions import DEMONYM, NAME, ROLE, Group, NameMention
from ..link.names import acronym_of, entity_id, is_acronym, known, transliterated
from ..lang.pl import (
    abbreviations, common_acronyms, credit_labels, institution_words, name_particles, ner_types, place_words, quote_marks,
)
from ..model import Entity, Mention
from .base_forms import CASES, PERSON, harmonise, lemmatize_span, readings
from .consistency import adjective_after, consistent, name_contexts
from .gazetteer import Found, find_names, listed_name

__all__ = ["NKJP_TO_TYPE", "entities_from_doc", "entity_type", "name_mentions"]

# The NER's categories (NKJP, PolEval names) -> kronika types: kronika/lang/pl/ner_types.txt.
NKJP_TO_TYPE = ner_types()
CODE_LABELS = {GPE: "placeName_country", ORG: "orgName"}
PERSON_NAME_TYPES = frozenset({"imię", "nazwisko"})
MAX_PERSON_WORDS = 4
ACRONYM = (2, 6)
LISTED = frozenset({"ORG", "PRO", "EVT", "LOC"})  # types whose gazetteer variants share one id  # lengths of an unknown acronym read as an organisation
HYPHENS = frozenset({"-", "‑"})
PLACE_LABELS = ("placeName", "geogName")
FUNCTION_POS = frozenset({"ADP", "CCONJ", "SCONJ"})
FUNCTION_TAGS = frozenset({"prep", "conj", "comp"})
PARTICLE_TAGS = frozenset({"interj", "part"})  # readings of ``o``, ``i`` beside the preposition and conjunction
EDGES = frozenset(',;:"„”“«»()[]\'')
ALL_CASES = frozenset(CASES)
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
    """The NER's mentions and the gazetteer's names, repaired, typed and coded, with the
    article's demonyms, types agreeing for one name, names recognised once found in all their
    occurrences, and base forms agreeing across the article."""
    found = find_names(doc)
    listed = {(f.span.start, f.span.end): f.base for f in found}
    mentions = []
    for span in _repaired(doc, found):
        kind, label = entity_type(span.label_), span.label_
        if kind in ("DATE", "TIME"):
            mentions.append(NameMention(span, kind, label, span.text))
            continue
        if listed.get((span.start, span.end)):  # a title, product or event of the gazetteer
            mentions.append(NameMention(span, kind, label, listed[span.start, span.end]))
            continue
        if _no_name(span) and (span.start, span.end) not in listed:
            continue  # unii celnej, polskiej, LPG, GBP, Foto: no name
        base = lemmatize_span(span, label=label)
        region = _region(span) if kind in ("PER", GPE, "LOC") else None
        if region is not None:  # Szkoci: a mention of Szkocja
            mentions.append(region)
            continue
        demonym = _demonym(span) if kind in ("PER", GPE, "LOC") else None
        if demonym is not None:  # Brytyjczycy: a mention of GPE:GBR
            mentions.append(NameMention(span, GPE, label, base, demonym, demonym, DEMONYM))
            continue
        if kind in (GPE, "LOC") and len(span) == 1 and _ethnonym(span[0]):  # Europejczycy
            kind, label = "PER", "persName"
        if kind == "PER" and _not_a_person(span):
            kind, label = "ORG", "orgName"
        coded = entity_code(span.text, kind) if kind != "PER" else None
        if coded is None and (_adjectival(span) or kind == "PER" and _common_word(doc, span)):
            continue
        code = None
        if coded is not None:
            kind, code = coded
            label = label if entity_type(label) == kind and kind != GPE else CODE_LABELS[kind]
            base = lemmatize_span(span, label=label)
            if entity_code(base, kind) != coded:  # Niemiec read as the village Niemce
                base = canonical_name(code) or base
        mentions.append(NameMention(span, kind, label, base, code, _country(span, kind, code)))
    mentions = consistent(doc, mentions + _demonyms(doc, mentions))
    mentions = sorted(mentions + _acronyms(doc, mentions), key=lambda m: m.start)
    mentions = _before_acronyms(doc, mentions)
    mentions = _institutions(doc, mentions)
    bases = harmonise([(m.text, m.base, m.subtype) for m in mentions])
    for mention, base in zip(mentions, bases):
        mention.base = base
    return mentions


def _demonym(span: Span) -> str | None:
    """The state whose people a one-word mention names (``Pakistańczyków``), if it does not
    name the state itself (``Niemcy``) unless the NER and the tagger read it as people
    (``Hiszpanie``)."""
    if len(span) != 1:
        return None
    code = demonym_code(span.text)
    if code is None:
        return None
    return code if entity_code(span.text, GPE) is None or span.label_.startswith("persName") and _people(span[0]) else None


def _region(span: Span) -> NameMention | None:
    """A one-word mention naming the people of a region or continent that is no state
    (``Szkotów``, ``Europejczycy``: :func:`~kronika.link.codes.region_of`), as a demonym
    mention of the region; not the region's own name read as people."""
    if len(span) != 1:
        return None
    found = region_of(span.text)
    if found is None or entity_code(span.text, GPE) is not None:
        return None
    place, kind = found
    base = lemmatize_span(span, label="persName")
    return NameMention(span, kind, "persName", base, None, country_code(place), DEMONYM, place)


def _people(token: Token) -> bool:
    """Tagged a masculine-personal noun in the plural (``Hiszpanie``, not the place ``Hiszpanie``)."""
    return token.tag_.startswith("subst:pl:") and ":m1" in token.tag_


def _ethnonym(token: Token) -> bool:
    """A capitalised noun SGJP knows only as a name of people that is no first name or surname
    (``Europejczycy``, ``Anglików``), tagged so: a demonym of no state kronika has a code for."""
    if not (token.is_alpha and token.text[:1].isupper() and token.tag_.startswith("subst:") and ":m1" in token.tag_):
        return False
    if token.is_sent_start and ":sg:" in token.tag_:
        return False
    readings = [r for r in token._.morfeusz if r.tag != UNKNOWN_TAG]
    proper = [r for r in readings if r.lemma[:1].isupper()]
    return bool(proper) and all(
        r.tag.startswith("subst:") and r.tag.split(":")[3:4] == ["m1"] and not r.name_types and set(r.labels) <= {"etn."}
        for r in proper
    )


def _demonyms(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    """Demonyms the NER left out (``Pakistanki``, ``Polakom``, ``Szkotów``): mentions of their
    state or region; names of other peoples (``Anglosasów``): mentions of people."""
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
    found = []
    for token in doc:
        if token.i in taken or not token.is_alpha or not token.text[:1].isupper():
            continue
        span = Span(doc, token.i, token.i + 1, "persName")
        code = _demonym(span)
        region = _region(span)
        if region is not None:
            found.append(region)
        elif code is not None:
            found.append(NameMention(span, GPE, "persName", lemmatize_span(span), code, code, DEMONYM))
        elif _ethnonym(token):
            found.append(NameMention(span, "PER", "persName", lemmatize_span(span)))
    return found


def _before_acronyms(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    """Two names side by side, one a state's, before an acronym in brackets that is not the
    state's are one organisation's name the NER cut in two (``Tehreek-e-Labbaik Pakistan
    (TLP)``, ``Pakistan Tehreek-e-Insaf (PTI)``, ``Partii Niepodległości Zjednoczonego
    Królestwa (UKIP)``); so are a state's name and the capitalised words after it that no name
    took, when the acronym is their initials (``Pakistan Tehreek-e-Insaf (PTI)``): one mention."""
    at = {m.span.start: m for m in mentions if m.kind == NAME}
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
    merged: dict[int, NameMention] = {}
    gone: set[int] = set()
    for first in mentions:
        if first.kind != NAME or first.span.start in gone:
            continue
        second, j = at.get(first.span.end), first.span.end
        if second is None:  # Pakistan Tehreek-e-Insaf (PTI): the name after the state unread
            while j < len(doc) and j - first.span.end < 6 and j not in taken and (doc[j].text[:1].isupper() or not doc[j - 1].whitespace_) and doc[j].text != "(":
                j += 1
        else:
            j = second.span.end
        if j == first.span.end or not (j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")"):
            continue
        acronym = doc[j + 1].text
        span = Span(doc, first.span.start, j, "orgName")
        states = [m for m in (first, second) if m is not None and m.type == GPE and m.code]
        if len(states) != 1 or not is_acronym(acronym) or entity_code(acronym, GPE) == (GPE, states[0].code):
            continue
        if second is None and acronym.lower() not in acronym_of(span.text):
            continue
        if not all(w[:1].isupper() for w in span.text.split()):
            continue
        if second is not None and "PER" in (first.type, second.type) and states[0].text != states[0].base:
            continue  # premier Pakistanu Imran Khan (PTI): a person of the state, the party after
        merged[first.span.start] = NameMention(span, ORG, "orgName", lemmatize_span(span, label="orgName"))
        gone |= {first.span.start, j if second is None else second.span.start}
    if not merged:
        return mentions
    out = [m for m in mentions if m.span.start not in gone or m.kind != NAME] + list(merged.values())
    return sorted(out, key=lambda m: m.start)


def _lower_case(span: Span) -> bool:
    """Every word in lower case (``unii celnej``, ``polskiej``): an adjective or a common noun."""
    return all(t.is_lower for t in span if t.is_alpha) and any(t.is_alpha for t in span)


def _acronyms(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    """Acronyms the NER left out that Morfeusz does not know (``TLP``): organisations, as most
    acronyms in news are (states and the common ones, ``USA``, ``PKB``, are known words or coded;
    ``LPG``, ``CEO`` are listed in ``kronika/lang/pl/common_acronyms.txt``)."""
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
    found = []
    for token in doc:
        text = token.text
        if token.i in taken or not (ACRONYM[0] <= len(text) <= ACRONYM[1] and text.isalpha() and text.isupper()):
            continue
        if token._.is_known or entity_code(text, ORG) is not None or _currency(text) or text in common_acronyms():
            continue  # known, coded (the NER's slip: it found the others), a currency (GBP) or LPG
        if not any(t.is_lower for t in token.sent):
            continue  # a headline in capitals
        span = Span(doc, token.i, token.i + 1, "orgName")
        found.append(NameMention(span, ORG, "orgName", text, None, None))
    return found


def _institutions(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    """A state's institution named by the state's adjective and the institution's word
    (``brytyjskiego parlamentu``, ``niemiecki MSZ``: ``kronika/lang/pl/institution_words.txt``):
    an organisation, over the NER's mention of the word alone; its mentions in the article share
    the first one's base form (``niemiecki MSZ``, ``niemieckiego MSZ``)."""
    at = {m.span.start: m for m in mentions}
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
    out = [m for m in mentions]
    bases: dict[tuple[str, str], str] = {}  # (adjective, word) -> base: niemiecki MSZ, niemieckiego MSZ
    for token in doc[:-1]:
        following = doc[token.i + 1]
        if token.i in taken or token.text.lower() not in adjective_codes():
            continue
        if following.lemma_.lower() not in institution_words() and following.text not in institution_words():
            continue
        alone = at.get(following.i)
        if following.i in taken and not (alone is not None and len(alone.span) == 1 and alone.type == ORG):
            continue
        span = Span(doc, token.i, token.i + 2, "orgName")
        adjective, word = (token.lemma_ or token.text).lower(), (following.lemma_ or following.text).lower()
        base = bases.setdefault((adjective, word), lemmatize_span(span, label="orgName"))  # szkocki, brytyjski: two
        out = [m for m in out if m is not alone] + [NameMention(span, ORG, "orgName", base, None, adjective_codes()[token.text.lower()])]
    return sorted(out, key=lambda m: m.start)


ENGLISH_LINKS = frozenset({"of", "for", "the", "and", "&"})


def _not_a_person(span: Span) -> bool:
    """A name the NER read as a person's that names an organisation: an acronym Morfeusz does not
    know (``HSBC``; ``ASIA`` of a heading is a name) or English words linked by ``of``, ``for``
    ... (``London School of Economics``)."""
    text = span.text
    if len(span) == 1 and text.isupper() and is_acronym(text) and not known(text):
        return True
    return len(span) >= 3 and any(t.text in ENGLISH_LINKS for t in span[1:-1])


def _no_name(span: Span) -> bool:
    """A mention that names nothing: in lower case, an acronym of ``common_acronyms.txt``, a
    currency code or pair (``GBP``, ``GBPUSD``) or a credit line's label (``Foto``)."""
    text = span.text
    return _lower_case(span) or _currency(text) or text in common_acronyms() or text.lower() in credit_labels()


def _currency(text: str) -> bool:
    """A currency code or a pair of them (``GBP``, ``GBPUSD``, ``GBP/USD``)."""
    letters = "".join(c for c in text if c.isalpha())
    return letters.isupper() and (letters in _currencies() or len(letters) == 6 and {letters[:3], letters[3:]} <= _currencies())


@cache
def _currencies() -> frozenset[str]:
    """ISO 4217 currency codes (pycountry): acronyms that name no organisation."""
    return frozenset(c.alpha_3 for c in pycountry.currencies)


def _common_word(doc: Doc, span: Span) -> bool:
    """A one-word mention of a person that is a common word capitalised only where a sentence
    starts (``Chrześcijanka uniewinniona``), never within one in the article."""
    token = span[0]
    if len(span) != 1 or not token.is_sent_start or not token._.is_known:
        return False
    if not any(r.lemma[:1].islower() and not r.labels and r.tag != UNKNOWN_TAG for r in token._.morfeusz):
        return False
    return not any(t.text == token.text and not t.is_sent_start for t in doc)


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


def _repaired(doc: Doc, found: list[Found] = ()) -> list[Span]:
    spans, taken = [], set()
    for span in _with_names(doc, found):
        span = _whole(doc, span)
        if len(span) and not taken & set(range(span.start, span.end)):  # once over a hyphenated word
            spans.extend(_split(doc, span))
            taken.update(range(span.start, span.end))
    spans = _joined(doc, spans)
    surnames = {t.text for span in spans if span.label_.startswith("persName") for t in span}
    out = []
    for span in spans:
        if span.label_.startswith("persName"):
            span = _extended(doc, _without_numbers(doc, span), taken, surnames)
            taken.update(range(span.start, span.end))
        elif span.label_.startswith(PLACE_LABELS):
            span = _with_adjective(doc, span, taken)
            taken.update(range(span.start, span.end))
        elif span.label_.startswith("orgName"):
            span = _with_seat(doc, span, taken, [f.span for f in found])
            taken.update(range(span.start, span.end))
        out.append(_compass_place(_with_abbreviation_dot(doc, span)))
    return sorted(out, key=lambda span: span.start)


def _compass_place(span: Span) -> Span:
    """A geographic name and a word of the compass is a place, whatever the NER read (``Irlandią
    Płn.``, ``Północną Irlandią``, organisations to it): ``compass`` in ``place_words.txt``."""
    words = [t for t in span if not t.is_punct]
    if len(words) != 2 or span.label_.startswith(PLACE_LABELS) or entity_type(span.label_) in ("DATE", "TIME"):
        return span
    compass = place_words().get("compass", frozenset())

    def of_compass(token: Token) -> bool:
        return token.text.lower() in compass or any(r.lemma.lower() in compass for r in token._.morfeusz)

    first, last = words
    if of_compass(last) and _geographic(first) or of_compass(first) and _geographic(last):  # Północną Irlandią
        return Span(span.doc, span.start, span.end, "placeName_region")
    return span


def _with_seat(doc: Doc, span: Span, taken: set[int], listed: list[Span] = ()) -> Span:
    """An organisation's name going on with ``w`` and capitalised words, which the NER left out,
    as BSNLP writes the name: words that name nothing else (``Pomoc Kościołowi w Potrzebie``),
    or the seat of an institution whose name begins with a ``seated`` noun of
    ``name_contexts.txt`` (``Sąd Najwyższy w Lahaur``, ``Uniwersytet w Cambridge``); not where
    the organisation acts (``PiS w Polsce``)."""
    end = span.end
    if end + 1 >= len(doc) or doc[end].text not in ("w", "we") or not span[-1].text[:1].isupper():
        return span
    stop = end + 1
    while stop < len(doc) and doc[stop].is_alpha and doc[stop].text[:1].isupper() and not doc[stop].is_sent_start:
        stop += 1
    if stop - end < 2 or len(doc[stop - 1]) < 2:
        return span
    named = [e for e in [*doc.ents, *listed] if e.start < stop and end < e.end]  # the NER's or the gazetteer's
    seat = _geographic(doc[end + 1]) and not named or len(named) == 1 and (named[0].start, named[0].end) == (end + 1, stop)
    if (named or seat) and not (seat and span[0].lemma_.lower() in name_contexts().get("seated", ())):
        return span
    return Span(doc, span.start, stop, span.label_)


def _geographic(token: Token) -> bool:
    """Whether SGJP reads the word as a geographic name (``Irlandią``, ``Pakistanie``)."""
    return any("nazwa_geograficzna" in r.name_types for r in token._.morfeusz)


def _with_abbreviation_dot(doc: Doc, span: Span) -> Span:
    """A name ending with an abbreviation takes its dot, which the tokenizer split off (``Irlandii
    Płn.``; BSNLP writes the name so); a date's or a time's does not."""
    last = span.end - 1
    if entity_type(span.label_) in ("DATE", "TIME") or span.end >= len(doc) or doc[last].whitespace_:
        return span
    if doc[span.end].text == "." and doc[last].text.lower() in abbreviations() and len(span) > 1:
        return Span(doc, span.start, span.end + 1, span.label_)
    return span


def _with_adjective(doc: Doc, span: Span, taken: set[int]) -> Span:
    """A place's name going on with a capitalised adjective that agrees with its last noun, which
    the NER left out: ``Irlandią`` + ``Północną``, ``Europy`` + ``Środkowo-Wschodniej``."""
    if span.end not in taken and adjective_after(doc, span):
        return Span(doc, span.start, span.end + 1, span.label_)
    return span


def _with_names(doc: Doc, found: list[Found]) -> list[Span]:
    """The NER's spans and the gazetteer's names: a name replaces the spans within it or
    crossing it (``Nagrody Sacharowa``, not the person ``Sacharowa``); a span of the NER around a
    name keeps it (``Ministerstwo ds. Brexitu``), but a person's name that begins or ends with
    one is cut there (``Reutera Mulook``: ``Reutera`` + ``Mulook``), and so is a span that goes on
    from a name with a person's full name (``Liberalnych Demokratów Nick Clegg``)."""
    spans, names = [], [f.span for f in found]
    for span in (_whole(doc, part) for ent in doc.ents for part in _quoted_apart(doc, ent)):
        inner = [n for n in names if n.start < span.end and span.start < n.end]
        if not inner:
            spans.append(span)
            continue
        if not all(span.start <= n.start and n.end <= span.end and len(n) < len(span) for n in inner):
            continue  # the name wins
        within = {i for n in inner for i in range(n.start, n.end)}
        if not any(t.text[:1].isupper() or t.is_digit for t in span if t.i not in within):
            continue  # nothing more than names: "The Times" Brexit
        rest = span[inner[0].end - span.start :]
        if len(inner) == 1 and inner[0].start == span.start and len(rest) >= 2 and rest[0].is_alpha and _full_name(rest):
            spans.append(Span(doc, rest.start, rest.end, "persName"))  # Liberalnych Demokratów + Nick Clegg
            continue
        if span.label_.startswith("persName") and len(inner) == 1:
            name = inner[0]
            rest = span[name.end - span.start :] if name.start == span.start else span[: name.start - span.start]
            if name.start in (span.start,) or name.end == span.end:
                if len(rest) and all(_name_like(t) for t in rest if t.is_alpha) and rest[0].is_alpha:
                    spans.append(Span(doc, rest.start, rest.end, span.label_))
                    continue
        spans.append(span)
        names = [n for n in names if n not in inner]
    return sorted(spans + names, key=lambda span: (span.start, -len(span)))


@cache
def _quotation_marks() -> frozenset[str]:
    return frozenset(mark for pair in quote_marks() for mark in pair)


def _quoted_apart(doc: Doc, span: Span) -> list[Span]:
    """A span of the NER cut at a quotation mark (``quote_marks.txt``) within it (``The Times"
    Sam Coates``: ``The Times`` + ``Sam Coates``, a person's full name after the mark read as one)."""
    cuts = [t.i for t in span[1:-1] if t.text in _quotation_marks()]
    if not cuts or entity_type(span.label_) in ("DATE", "TIME"):
        return [span]
    parts, start = [], span.start
    for cut in [*cuts, span.end]:
        if cut > start:
            part = Span(doc, start, cut, span.label_)
            full = start > span.start and part[0].is_alpha and _full_name(part)
            parts.append(Span(doc, start, cut, "persName") if full else part)
        start = cut + 1
    return parts


def _joined(doc: Doc, spans: list[Span]) -> list[Span]:
    """Two names of one person the NER cut at a particle joined by a hyphen: ``Saifem`` +
    ``ul-Malookiem``."""
    out: list[Span] = []
    for span in spans:
        last = out[-1] if out else None
        if (
            last is not None and last.end == span.start and last.label_.startswith("persName")
            and span.label_.startswith("persName") and _particle(doc, span.start)
        ):
            out[-1] = Span(doc, last.start, span.end, last.label_)
        else:
            out.append(span)
    return out


def _particle(doc: Doc, i: int) -> bool:
    """A name particle joined by a hyphen to a capitalised word: ``ul-Malook``."""
    return (
        i + 2 < len(doc) and doc[i].text.lower() in name_particles() and doc[i + 1].text in HYPHENS
        and not doc[i].whitespace_ and not doc[i + 1].whitespace_ and doc[i + 2].text[:1].isupper()
    )


def _without_numbers(doc: Doc, span: Span) -> Span:
    """A person's name less the numbers after it (``Franciszkiem 23`` października): a person's
    numeral is Roman (``Jan Paweł II``)."""
    end = span.end
    while end - 1 > span.start and doc[end - 1].is_digit:
        end -= 1
    return span if end == span.end else Span(doc, span.start, end, span.label_)


def _whole(doc: Doc, span: Span) -> Span:
    """The span over whole hyphenated words (``Tehreek-e-Labaik``, not ``Tehreek-``) and without
    quotes, commas, brackets, lower-case prepositions or conjunctions at its edges (``"Dawn"``,
    ``Deutsche Welle,``, ``o Jezusie``)."""
    start, end = span.start, span.end
    while end < len(doc) and not doc[end - 1].whitespace_ and HYPHENS & {doc[end].text, doc[end - 1].text}:
        end += 1
    while start > 0 and not doc[start - 1].whitespace_ and HYPHENS & {doc[start].text, doc[start - 1].text}:
        start -= 1
    while start < end and (doc[start].text in EDGES or doc[start].text in HYPHENS or _function_word(doc[start])):
        start += 1
    while end > start and (doc[end - 1].text in EDGES or doc[end - 1].text in HYPHENS or _function_word(doc[end - 1])):
        end -= 1
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, span.label_)


def _function_word(token: Token) -> bool:
    """A lower-case preposition or conjunction, which no name begins or ends with (the tagger's
    part of speech; without a tagger, Morfeusz's readings all say so)."""
    if not token.is_lower:
        return False
    if token.pos_:
        return token.pos_ in FUNCTION_POS
    tags = [r.tag.split(":")[0] for r in token._.morfeusz] if Token.has_extension("morfeusz") else []
    return bool(FUNCTION_TAGS & set(tags)) and all(tag in FUNCTION_TAGS | PARTICLE_TAGS for tag in tags)


def _split(doc: Doc, span: Span) -> list[Span]:
    """``Kazachstanu Kasym-Żomart Tokajew`` -> ``Kazachstanu`` (GPE) + ``Kasym-Żomart Tokajew`` (PER),
    ``ONZ Ban Ki-moona`` -> ``ONZ`` + ``Ban Ki-moona``: a span that starts with a state's or
    organisation's name and goes on with a person's name;
    ``Bundestagu Katrin Goering-Eckardt`` -> ``Bundestagu`` (ORG) + ``Katrin Goering-Eckardt``: a
    word Morfeusz knows only as an institution's or a place's name (``Pendżab``) before a person's
    full name; so a person's span after an organisation's or place's noun (``partii Venstre Abid
    Raja``: ``kronika/lang/pl/name_contexts.txt``, ``place_words.txt``);
    ``Mahometowi Asia Bibi`` -> ``Mahometowi`` + ``Asia Bibi``: a person's name whose words
    cannot be in one case."""
    for k in range(len(span) - 1, 0, -1):
        head, rest = span[:k], span[k:]
        coded = entity_code(head.text, GPE)
        if coded is not None and rest[0].is_alpha and (all(_name_like(t) for t in rest if t.is_alpha) or _full_name(rest)):
            label = span.label_ if span.label_.startswith("persName") else "persName"
            return [Span(doc, head.start, head.end, CODE_LABELS[coded[0]]), Span(doc, rest.start, rest.end, label)]
    if len(span) >= 3 and span[0].whitespace_ and span[1].is_alpha and _full_name(span[1:]):
        label = (_named_before(doc, span.start) if span.label_.startswith("persName") else None) or _place_or_institution(span[0])
        if label is not None:  # Bundestagu Katrin Goering-Eckardt; partii Venstre Abid Raja, read as a person
            return [Span(doc, span.start, span.start + 1, label), Span(doc, span.start + 1, span.end, "persName")]
    if span.label_.startswith("persName"):
        for k in range(1, len(span)):
            before, after = span[k - 1], span[k]
            if before.is_alpha and after.is_alpha and before.whitespace_ and not _cases(before.text) & _cases(after.text):
                return [Span(doc, span.start, span.start + k, span.label_), *_split(doc, span[k:])]
    return [span]


def _named_before(doc: Doc, i: int) -> str | None:
    """The label a noun right before position ``i`` gives the name after it: ``partii`` an
    organisation's, ``prowincji`` a place's (``kronika/lang/pl/name_contexts.txt``,
    ``place_words.txt``)."""
    if i == 0 or not doc[i - 1].is_lower:
        return None
    lemma = doc[i - 1].lemma_.lower()
    if lemma in name_contexts().get("organisation", ()):
        return "orgName"
    return "placeName" if lemma in place_words().get("noun", ()) else None


def _place_or_institution(token: Token) -> str | None:
    """The label of a capitalised word Morfeusz knows only as a place's name (``Pendżab``) or an
    institution's or organisation's (``Bundestagu``), never a person's or a common word's, nor as
    a part of a longer name (``New``)."""
    proper = [r for r in token._.morfeusz if r.tag != UNKNOWN_TAG]
    if not token.text[:1].isupper() or not proper or any(r.lemma[:1].islower() or PERSON_NAME_TYPES & set(r.name_types) for r in proper):
        return None
    if any(r.tag == "frag" for r in proper):
        return None  # New, part of a name of more words (New York Times)
    kinds = {n for r in proper for n in r.name_types}
    if kinds and kinds <= {"nazwa_instytucji", "nazwa_organizacji"}:
        return "orgName"
    return "placeName" if kinds == {"nazwa_geograficzna"} else None


def _full_name(words: Span) -> bool:
    """Two or more capitalised words, hyphenated ones counted once, one of them name-like: a first
    name and a surname even where the first name is a common word too (``Ban Ki-moona``)."""
    starts = [t for t in words if t.is_alpha and not (t.i > words.start and t.nbor(-1).text in HYPHENS
                                                      and not t.nbor(-1).whitespace_)]
    return len(starts) >= 2 and all(t.text[:1].isupper() for t in starts) and (
        any(_name_like(t) for t in starts) or any(t.is_alpha and not t._.is_known for t in words)
    )


def _cases(word: str) -> frozenset[str]:
    """The cases a word of a person's name can be in; every case for a word that may stand as
    written (an undeclined foreign name: ``Bibi``) or never inflects."""
    found = readings(word, PERSON)
    if not found or any(r.case == "" or r.guessed and r.lemma == word for r in found):
        return ALL_CASES
    return frozenset(r.case for r in found)


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
    ``Kasym-Żomart`` + ``Tokajew``; ``Saif`` + ``ul-Malook``. It takes capitalised first names and
    surnames, words Morfeusz does not know, the article's other name words and particles joined
    by a hyphen, joined by hyphens or spaces."""
    end = span.end
    while end < len(doc) and end - span.start < MAX_PERSON_WORDS and end not in taken:
        if _hyphen(doc, end) and end + 1 not in taken:
            end += 2
        elif _particle(doc, end) and not taken & {end + 1, end + 2}:
            end += 3
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
    """A word that may go on a person's name: capitalised, not an acronym (``TLP Muhammad``)."""
    acronym = len(token.text) > 1 and token.text.isupper()
    return token.is_alpha and token.text[:1].isupper() and not acronym and (token.text in surnames or _name_like(token))


# ---------------------------------------------------------------- entities


def _entity(group: Group) -> Entity:
    kind, code = group.type, group.code
    name = (canonical_name(code) if code else None) or (listed_name(group.name) if kind in LISTED else None) or group.name
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

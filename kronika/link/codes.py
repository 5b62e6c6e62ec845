"""Codes of countries and international organisations: ``country_code("Rosji")`` -> ``"RUS"``.

Countries: ISO 3166 alpha-3 codes (pycountry) for the territories CLDR names in Polish and English
(babel), with the names, places, adjectives and demonyms CLDR lacks from
``kronika/lang/pl/country_words.txt``. Organisations: kronika's fixed codes from
``kronika/lang/pl/organisations.txt`` (``ODKB`` and ``CSTO`` -> ``CSTO``). Any case form works:
a form not in the tables is looked up by its base form (Morfeusz).

- :func:`entity_code` gives the code of an entity's own name: ``("GPE", "KAZ")`` for
  ``Kazachstanu``, ``("ORG", "EC")`` for ``Komisji Europejskiej``; None for a capital or an
  adjective, which name other things.
- :func:`country_code` gives the country an event actor belongs to (PLOVER): the state's code for
  its name, a place standing for it (``Kreml``), its adjective or demonym (``rosyjski``,
  ``Rosjanie``); an organisation's actor code (``EC`` -> ``EU``).
- :func:`code_names` gives a code's Polish and English names, for aliases.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache

import babel
import pycountry

from ..analyse.morfeusz import UNKNOWN_TAG, whole_readings
from ..extract.base_forms import forms as paradigm
from ..extract.base_forms import lemmatize_phrase
from ..lang.pl import country_words, organisations, read_columns

__all__ = [
    "GPE", "ORG", "adjective_codes", "canonical_name", "code_names", "country_code", "demonym_code", "entity_code",
    "organisation_country", "region_of",
]

GPE, ORG = "GPE", "ORG"
CACHE_SIZE = 1 << 14


@dataclass
class Tables:
    """Lower-cased words -> codes, by what the word names."""

    entities: dict[str, tuple[str, str]] = field(default_factory=dict)  # names -> (type, code)
    countries: dict[str, str] = field(default_factory=dict)  # places, adjectives, demonyms -> code
    demonyms: dict[str, str] = field(default_factory=dict)  # demonyms -> code
    adjectives: dict[str, str] = field(default_factory=dict)  # adjective lemmas -> code
    state_adjectives: dict[str, str] = field(default_factory=dict)  # the state's own (first listed) -> code
    names: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)  # code -> (pl, en)
    actors: dict[str, str] = field(default_factory=dict)  # organisation code -> actor code

    def add(self, kind: str, code: str, polish: tuple[str, ...], english: tuple[str, ...] = ()) -> None:
        pl, en = self.names.setdefault(code, ([], []))
        for names, bucket in ((polish, pl), (english, en)):
            for name in names:
                self.entities.setdefault(name.lower(), (kind, code))
                if name not in bucket:
                    bucket.append(name)


@cache
def tables() -> Tables:
    t = Tables()
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    polish, english = babel.Locale("pl").territories, babel.Locale("en").territories
    for alpha2, code in alpha3.items():
        if alpha2 in polish:
            t.add(GPE, code, (polish[alpha2],), (english.get(alpha2, ""),) if alpha2 in english else ())
    for code, names, places, adjectives, demonyms in country_words():
        t.add(GPE, code, names)
        for word in (*places, *adjectives, *demonyms):
            t.countries.setdefault(word.lower(), code)
        for word in demonyms:
            t.demonyms.setdefault(word.lower(), code)
        for word in adjectives:
            t.adjectives.setdefault(word.lower(), code)
        if adjectives:
            t.state_adjectives.setdefault(adjectives[0].lower(), code)  # brytyjski, not szkocki
    for code, actor, polish_names, english_names, adjectives in organisations():
        t.add(ORG, code, polish_names, english_names)
        t.actors[code] = actor
        for word in adjectives:
            t.countries.setdefault(word.lower(), actor)
    return t


def _keys(text: str, label: str | None, adjectives: bool = True) -> tuple[str, ...]:
    """The lower-cased text, then its base forms: as a name of ``label``, as an adjective and in
    the singular (``Rosjanie`` -> ``Rosjanin``) if ``adjectives``, and for one word every lemma
    Morfeusz knows (``Niemiec`` is also a form of ``Niemcy``)."""
    text = " ".join(text.split())
    if not text:
        return ()
    keys = [text.lower(), lemmatize_phrase(None, text, label=label).lower()]
    if adjectives:
        keys += [lemmatize_phrase(None, text, label="adj").lower(), lemmatize_phrase(None, text, number="singular").lower()]
    if " " not in text:
        keys += [r.lemma.lower() for r in whole_readings(text) if r.tag != UNKNOWN_TAG]
    return tuple(dict.fromkeys(keys))


@lru_cache(maxsize=CACHE_SIZE)
def entity_code(name_or_form: str, label: str | None = None) -> tuple[str, str] | None:
    """``(type, code)`` when the text (any case form) names a state or an international
    organisation: ``("GPE", "RUS")`` for ``Rosji``, ``("ORG", "CSTO")`` for ``ODKB``; else None.
    ``label``: the mention's entity type, which helps finding the base form."""
    entities = tables().entities
    for key in _keys(name_or_form, label or GPE, adjectives=False):
        if key in entities:
            return entities[key]
    return None


@lru_cache(maxsize=CACHE_SIZE)
def country_code(name_or_form: str) -> str | None:
    """The country code of a name, place, adjective or demonym in any case form (``Rosji``,
    ``Kremla``, ``rosyjskiego``, ``Rosjanie`` -> ``RUS``), the actor code of an international
    organisation (``ODKB`` -> ``CSTO``, ``Komisja Europejska`` -> ``EU``), else None."""
    t = tables()
    for key in _keys(name_or_form, GPE):
        if key in t.entities:
            kind, code = t.entities[key]
            return t.actors.get(code, code) if kind == ORG else code
        if key in t.countries:
            return t.countries[key]
    return None


@lru_cache(maxsize=CACHE_SIZE)
def demonym_code(form: str) -> str | None:
    """The state whose people a demonym in any form names (``Brytyjczyków`` -> ``GBR``), else None."""
    if not form[:1].isupper() or " " in form.strip():
        return None
    demonyms = tables().demonyms
    singular = lemmatize_phrase(None, form, number="singular").lower()
    lemmas = (r.lemma.lower() for r in whole_readings(form.strip()) if r.tag != UNKNOWN_TAG)  # Anglicy: Anglik
    return demonyms.get(singular) or demonyms.get(form.lower()) or next((demonyms[x] for x in lemmas if x in demonyms), None)


@cache
def _regions() -> dict[str, tuple[str, str]]:
    """Lower-cased demonyms -> (region, type): ``kronika/lang/pl/region_demonyms.txt``."""
    out = {}
    for region, kind, demonyms in read_columns("region_demonyms.txt"):
        for word in demonyms.split("|"):
            out.setdefault(word.strip().lower(), (region, kind))
    return out


@lru_cache(maxsize=CACHE_SIZE)
def region_of(form: str) -> tuple[str, str] | None:
    """``(region, type)`` when a demonym in any form names the people of a region or continent
    that is no state (``Szkotów`` -> ``("Szkocja", "GPE")``, ``Europejczycy`` -> ``("Europa",
    "LOC")``), else None."""
    if not form[:1].isupper() or " " in form.strip():
        return None
    regions = _regions()
    singular = lemmatize_phrase(None, form, number="singular").lower()
    lemmas = (r.lemma.lower() for r in whole_readings(form.strip()) if r.tag != UNKNOWN_TAG)
    return regions.get(singular) or regions.get(form.lower()) or next((regions[x] for x in lemmas if x in regions), None)


@cache
def adjective_codes(own: bool = False) -> dict[str, str]:
    """Every form of the countries' adjectives, lower-cased -> code (``pakistańskiego`` -> ``PAK``);
    ``own``: only each state's own adjective (``brytyjski``, not ``szkocki``, of its parts)."""
    forms = {}
    for lemma, code in (tables().state_adjectives if own else tables().adjectives).items():
        for form in paradigm(lemma):
            forms.setdefault(form.lower(), code)
    return forms


def organisation_country(code: str) -> str | None:
    """The actor code of an organisation code (``EC`` -> ``EU``), or None for an unknown one."""
    return tables().actors.get(code)


def code_names(code: str) -> tuple[list[str], list[str]]:
    """``(Polish names, English names)`` of a code, the usual name first."""
    return tables().names.get(code, ([], []))


def canonical_name(code: str) -> str | None:
    """The name an entity of this code goes by: a state's CLDR Polish name, an organisation's
    longest Polish name (``Organizacja Układu o Bezpieczeństwie Zbiorowym``)."""
    polish = code_names(code)[0]
    if not polish:
        return None
    return max(polish, key=len) if code in tables().actors else polish[0]

"""Names as keys: entity ids, name variants, acronyms, English spellings of East Slavic names.

Entity ids (stable across articles and runs):

- a state: ``GPE:<ISO 3166 alpha-3>`` (``GPE:KAZ``); an international organisation:
  ``ORG:<code>`` (``ORG:CSTO``), see :mod:`kronika.link.codes`;
- anything else: ``<TYPE>:<slug>``, the slug being the base form of the entity's fullest name,
  NFC, lower-cased, with every run of characters other than letters and digits made one ``-``
  (``PER:kasym-żomart-tokajew``, ``ORG:sąd-najwyższy``, ``GPE:moskwa``).
"""
from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from ..analyse.morfeusz import UNKNOWN_TAG, whole_readings
from ..lang.pl import name_variants, transliteration

__all__ = [
    "acronym_of", "close", "entity_id", "first_name_key", "is_acronym", "known", "letter_slipped", "one_letter_apart",
    "plain", "same_first_name", "skeleton", "slug", "spelling_variants", "transliterate", "transliterated",
]

_NOT_WORD = re.compile(r"[\W_]+")
_DOUBLED = re.compile(r"(.)\1+")
_PLAIN = str.maketrans({"y": "i", "j": "i", "w": "v", "x": "ks"})


def slug(name: str) -> str:
    """``Kasym-Żomart Tokajew`` -> ``kasym-żomart-tokajew``."""
    return _NOT_WORD.sub("-", unicodedata.normalize("NFC", name).lower()).strip("-")


def entity_id(kind: str, name: str, code: str | None = None) -> str:
    """The entity id: ``GPE:KAZ`` for a code, else ``PER:kasym-żomart-tokajew``."""
    return f"{kind}:{code}" if code else f"{kind}:{slug(name) or '-'}"


def _plain(word: str) -> str:
    """Lower case, no diacritics, y and j as i, w as v, x as ks, no doubled letters: ``Aasiya``
    -> ``asia``; ``Wiktor`` -> ``viktor`` (Polish writes a foreign v as w)."""
    decomposed = unicodedata.normalize("NFD", word.lower().replace("ł", "l"))
    letters = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_PLAIN)
    return _DOUBLED.sub(r"\1", letters)


def plain(name: str) -> str:
    """A key equal for spellings of one name that differ in letter case, diacritics, doubled
    letters, y/j/i, w/v or the spaces and hyphens between its parts (``Saif ul-Malook``, ``Saiful
    Malook``; ``Ittanwali``, ``Itanwali``; ``Tehreek-e-Labbaik``, ``Tehreek-e-Labaik``)."""
    return _plain(_NOT_WORD.sub("", name))


_VOWELS = re.compile(r"(?<=.)[aeiou]+")
SIMILAR = 0.6  # difflib's ratio of two plain spellings of one foreign name, at least


def skeleton(name: str) -> str:
    """The plain spelling's consonants (the first letter kept): equal for transliterations of one
    foreign name that differ in their vowels (``Tehreek-e-Labaik``, ``Tehrik-i-Labaik``: ``thrklbk``;
    ``Lahaur``, ``Lahore``: ``lhr``)."""
    return _VOWELS.sub("", plain(name))


def spelling_variants(a: str, b: str) -> bool:
    """Two spellings of one foreign name: the same :func:`skeleton` of three letters or more, plain
    spellings alike (:data:`SIMILAR`) and of the same first two letters, the same number of words,
    and a word Morfeusz does not know (``Lahaur``, ``Lahore``; not ``Mali``, ``Mule``, nor
    ``Hollywood``, ``Halewood``)."""
    if a == b or len(a.split()) != len(b.split()) or len(skeleton(a)) < 3 or skeleton(a) != skeleton(b):
        return False
    if plain(a)[:2] != plain(b)[:2] or SequenceMatcher(None, plain(a), plain(b)).ratio() < SIMILAR:
        return False
    return not all(known(w) for w in re.findall(r"\w+", a + " " + b))


def one_letter_apart(a: str, b: str) -> bool:
    """Two spellings one letter added, left out or changed apart (``Chaudhry``, ``Chaudry``;
    ``Mulook``, ``Malook``), both of five letters or more."""
    if a == b or min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1 :] == shorter[i:]


def first_name_key(name: str) -> str:
    """A key equal for variants of one first name (``Władimir``, ``Vladimir``; ``Aasiya``,
    ``Asia``): its group in ``name_variants.txt``, else its plain spelling."""
    group = name_variants().get(name.lower())
    return f"#{group}" if group is not None else _plain(name)


def close(a: str, b: str) -> bool:
    """Two spellings differing only in their last two letters or less, on a stem of three or more
    (``Asii``, ``Asia``; ``Razę``, ``Razy``): forms of one name the lemmatizer read apart."""
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    return common >= 3 and max(len(a), len(b)) - common <= 2


def known(word: str) -> bool:
    """Whether Morfeusz knows the word (in any letter case): a name it knows is not misread."""
    return any(r.tag != UNKNOWN_TAG for r in whole_readings(word.capitalize()))


def same_first_name(a: str, b: str, loose: bool = False) -> bool:
    """Whether two first names may be one: variants (:func:`first_name_key`), the same plain
    spelling, or with ``loose`` close plain spellings (``Theresy``, ``Theresa``) or a letter
    slipped in (``Frederica``, ``Federica``)."""
    if first_name_key(a) == first_name_key(b) or _plain(a) == _plain(b):
        return True
    return loose and (close(_plain(a), _plain(b)) or letter_slipped(_plain(a), _plain(b)))


def letter_slipped(a: str, b: str) -> bool:
    """One spelling is the other with one letter more (a typo: ``Frederica``, ``Federica``), as
    :func:`one_letter_apart` measures it; a letter replaced is no typo here (``Maria``, ``Marta``)."""
    return len(a) != len(b) and one_letter_apart(a, b)


def is_acronym(word: str) -> bool:
    """``ODKB``, ``PiS``, ``UE``: two or more letters, mostly capitals, no spaces."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and " " not in word and sum(c.isupper() for c in letters) * 2 > len(letters)


def acronym_of(name: str) -> set[str]:
    """The lower-cased acronyms a name may have: initials of all its words and of its capitalised
    words (``Prawo i Sprawiedliwość`` -> ``pis``, ``ps``)."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w[0].isalpha()]
    if len(words) < 2:
        return set()
    return {"".join(w[0] for w in words).lower(), "".join(w[0] for w in words if w[0].isupper()).lower()}


def transliterate(name: str) -> str:
    """A Polish spelling of an East Slavic name in English spelling (``transliteration.txt``):
    ``Kasym-Żomart Tokajew`` -> ``Kasym-Zhomart Tokayev``."""
    rules = transliteration()[0]
    out, i = [], 0
    while i < len(name):
        for source, target in rules:
            if name[i : i + len(source)].lower() == source:
                out.append(target.capitalize() if name[i].isupper() else target)
                i += len(source)
                break
        else:
            out.append(name[i])
            i += 1
    return "".join(out)


def transliterated(name: str, country: str | None) -> str | None:
    """The English spelling of a person's name, when the person is of a country whose names
    are transliterated or the surname ends like such names (``-ow``, ``-enko``); else None."""
    _, countries, endings = transliteration()
    surname = name.split()[-1].lower() if name.split() else ""
    if country not in countries and not surname.endswith(endings):
        return None
    english = transliterate(name)
    return english if english != name else None

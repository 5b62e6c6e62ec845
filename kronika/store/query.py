"""Search queries over lemmas: each query word becomes the set of lemmas it may stand for.

A word's candidates are the word itself (lower-cased), every lemma Morfeusz gives it, for a word
Morfeusz does not know the base forms a name of that shape would have (``Tokajewa`` ->
``tokajew``, :func:`kronika.extract.base_forms.readings`), and the base words the store has seen
it inflect to in entity mentions (``name_forms``). The full-text query ORs a word's candidates
and ANDs the words, so any inflected form finds the others. No spaCy pipeline is loaded.
"""
from __future__ import annotations

import re
import sqlite3
from functools import lru_cache

from ..analyse.morfeusz import UNKNOWN_TAG, whole_readings
from ..extract.base_forms import forms, readings

WORD = re.compile(r"\w+")
STEM_KEEP = 4  # letters a guessed lemma keeps when it stands for its unknown forms in snippets


def query_words(query: str) -> list[str]:
    return WORD.findall(query)


@lru_cache(maxsize=1 << 14)
def word_lemmas(word: str) -> tuple[str, ...]:
    """The lower-cased lemmas ``word`` may stand for (itself first), from Morfeusz and name guesses."""
    found = [word.lower()]
    readings_ = [r for w in dict.fromkeys([word, word.lower(), word.capitalize()]) for r in whole_readings(w)]
    known = [r.lemma for r in readings_ if r.tag != UNKNOWN_TAG and " " not in r.lemma]
    found += known or [r.word_lemma for r in readings(word.capitalize()) if " " not in r.word_lemma]
    return tuple(dict.fromkeys(lemma.lower() for lemma in found if lemma))


def query_terms(db: sqlite3.Connection, query: str) -> list[tuple[str, ...]]:
    """For each query word, the lemmas it may stand for (with the store's own name forms)."""
    terms = []
    for word in query_words(query):
        stored = [r[0] for r in db.execute("SELECT base FROM name_forms WHERE form = ?", (word.lower(),))]
        terms.append(tuple(dict.fromkeys([*word_lemmas(word), *stored])))
    return terms


def fts_expression(terms: list[tuple[str, ...]]) -> str:
    """The FTS5 MATCH expression: the words ANDed, each word's lemmas ORed, every lemma quoted."""
    return " AND ".join("(" + " OR ".join(_quoted(t) for t in lemmas) + ")" for lemmas in terms)


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


@lru_cache(maxsize=1 << 12)
def _form_pattern(lemmas: tuple[str, ...]) -> str:
    """A regex alternative of the forms of ``lemmas`` (the query word first): Morfeusz's paradigms;
    the query word itself when it has other lemmas; for a lemma with no paradigm, its first
    letters (at least STEM_KEEP) followed by any letters."""
    parts = set()
    for i, lemma in enumerate(lemmas):
        generated = forms(lemma) or forms(lemma.capitalize())
        if len(generated) > 1:
            parts.update(re.escape(f.lower()) for f in generated)
        elif i == 0 and len(lemmas) > 1:
            parts.add(re.escape(lemma))
        else:
            parts.add(re.escape(lemma[: max(STEM_KEEP, len(lemma) - 2)]) + r"\w*")
    return "|".join(sorted(parts, key=len, reverse=True))


def match_pattern(terms: list[tuple[str, ...]]) -> re.Pattern | None:
    """A case-insensitive regex finding the words of the article that the query terms match."""
    if not terms:
        return None
    return re.compile(r"\b(?:" + "|".join(_form_pattern(t) for t in terms) + r")\b", re.IGNORECASE)

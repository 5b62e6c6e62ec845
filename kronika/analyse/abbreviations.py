"""The part of speech of an abbreviation, as UD Polish-PDB 2.x writes it.

Newer UD releases give an abbreviation the part of speech of the word it stands for (``ul.``
ulica NOUN, ``tys.`` tysiąc NOUN, ``św.`` święty ADJ, ``np.`` na przykład ADV) and an initial
that of a name (``J.`` PROPN); the older PDB training data, and so the trained morphologizer, write
X. ``AbbreviationPos`` rewrites X on an abbreviation from what Morfeusz says it abbreviates:
its expansions (``r.`` rok, rocznik, rodzaj), read as words, give the part of speech that most of
them share. Its own choices: a noun reading wins over the others (``zł``: złoty is also an
adjective), numerals that inflect like nouns are nouns (``mln``: milion), and an expansion of
several words that opens with a preposition is an adverbial (``na przykład``).
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc, Token

from .morfeusz import Interpretation, first_segment_readings, whole_readings

ABBREVIATION_TAGS = ("brev",)
UNKNOWN = "X"
REWRITTEN = (UNKNOWN, "SYM")  # the older data's part of speech of an abbreviation: X, or SYM for ``%`` (procent)
PREFERRED = ("NOUN", "ADJ", "ADV", "ADP", "NUM", "VERB", "PART")  # ties go to the first
NKJP_CLASSES = {
    "subst": "NOUN", "depr": "NOUN", "ger": "NOUN", "adj": "ADJ", "adja": "ADJ", "adjp": "ADJ", "adjc": "ADJ",
    "ppas": "ADJ", "pact": "ADJ", "adv": "ADV", "prep": "ADP", "num": "NUM", "numcol": "NUM", "qub": "PART",
    "fin": "VERB", "praet": "VERB", "inf": "VERB", "impt": "VERB", "imps": "VERB", "pcon": "VERB", "pant": "VERB",
}
NOUN_NUMERALS = frozenset({"tysiąc", "milion", "miliard", "bilion"})  # numerals UD treats as nouns


class AbbreviationPos:
    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.pos_ in REWRITTEN and _is_abbreviation(token):
                upos = abbreviation_pos(token.text, _dotted(token))
                if upos is not None:
                    token.pos_ = upos
                    if token.tag_.startswith(ABBREVIATION_TAGS):
                        token.set_morph(token.morph.to_dict() | {"Abbr": "Yes"})
        return doc


def _dotted(token: Token) -> bool:
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is not None and following.text == "." and not token.whitespace_


def abbreviation_readings(token: Token) -> tuple[Interpretation, ...]:
    """The abbreviation readings (``brev:pun``) of a word a dot follows (``ul.``: ulica), which
    Morfeusz gives only with the dot; none for a word without one."""
    return _readings(token.text, True) if _dotted(token) else ()


def _readings(text: str, dotted: bool) -> tuple[Interpretation, ...]:
    """Morfeusz's abbreviation readings of ``text``, read with its dot if it has one (``brev:pun``
    readings come only so: ``r.`` is the segment ``r`` read as rok, rocznik, rodzaj, then ``.``)."""
    return first_segment_readings(text + "." if dotted else text, len(text), ABBREVIATION_TAGS)


def _is_abbreviation(token: Token) -> bool:
    return token.tag_.startswith(ABBREVIATION_TAGS) or bool(_expansions(token.text, _dotted(token)))


@lru_cache(maxsize=4096)
def abbreviation_pos(text: str, dotted: bool) -> str | None:
    """UPOS of an abbreviation (``dotted``: a dot follows it), or None if Morfeusz does not know it."""
    if len(text) == 1 and text.isupper():
        return "PROPN"  # an initial
    votes = Counter(pos for expansion in _expansions(text, dotted) if (pos := _expansion_pos(expansion)))
    if not votes:
        return None
    best = max(votes.values())
    return next(pos for pos in PREFERRED if votes.get(pos) == best) if best else None


@lru_cache(maxsize=4096)
def _expansions(text: str, dotted: bool) -> tuple[str, ...]:
    """The lemmas Morfeusz gives the abbreviation (:func:`_readings`)."""
    return tuple(dict.fromkeys(r.lemma for r in _readings(text, dotted) if r.lemma != text))


@lru_cache(maxsize=4096)
def _expansion_pos(expansion: str) -> str | None:
    words = expansion.split()
    if len(words) > 1:
        first = {_class(r.tag) for r in whole_readings(words[0])}
        return "ADV" if "ADP" in first else _expansion_pos(words[-1])
    word = words[0] if words else ""
    if word.lower() in NOUN_NUMERALS:
        return "NOUN"
    classes = {_class(r.tag) for r in whole_readings(word) if r.lemma == word}
    classes = classes or {_class(r.tag) for r in whole_readings(word)}
    return next((pos for pos in PREFERRED if pos in classes), None)


def _class(tag: str) -> str | None:
    return NKJP_CLASSES.get(tag.split(":")[0])

"""Names from the gazetteer (``kronika/lang/pl/gazetteer.txt``) found in a Doc, in any case form.

The NER, trained on NKJP, has no type for media titles, works, products, laws and events, and
reads a foreign title as a person (``Deutsche Welle``); the gazetteer names them with their
type (PRO, EVT, ORG for news agencies); so are the names of states and international
organisations that :mod:`kronika.link.codes` knows (``Wspólnotę``, ``Zjednoczonego Królestwa``).
A variant of a name is found where the text's words match
its words one by one: the same word in any letter case, a Morfeusz lemma of the text's word that
is a lemma of the variant's word in the nominative (``Radiu Watykańskiemu`` for ``Radio
Watykańskie``), a guess from the name endings for a word Morfeusz does not know (``Guardiana``
for ``Guardian``), or, for a variant's word Morfeusz does not know, that word's stem with an
inflectional ending (``Dżazirze`` for ``Dżazira``). The longest variant found at a place wins;
its base form is the variant itself (``Reutera`` -> ``Reuter``, ``Timesa`` -> ``Times``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span

from ..analyse.morfeusz import common_word, whole_readings
from ..lang.pl import gazetteer
from .base_forms import readings

__all__ = ["Found", "find_names", "listed_name"]

MAX_PARTS = 5  # tokens one written word may take (Al-Dżazira: Al, -, Dżazira)
ENDINGS = frozenset({"", "a", "u", "owi", "em", "ie", "e", "ze", "y", "i", "ą", "ę", "om", "ami", "ach", "ów", "owie"})
VOWELS = frozenset("aeiouyąę")


@dataclass(frozen=True)
class Found:
    """A gazetteer name in a Doc: its tokens, type and base form (None for the name of a state
    or an international organisation, whose base form and code come as any mention's do)."""

    span: Span
    type: str
    base: str | None


@dataclass(frozen=True)
class _Word:
    text: str
    keys: frozenset[str]  # the word and its lemmas in the nominative, lower-cased
    known: bool

    def matches(self, written: str) -> bool:
        if self.text[:1].isupper() and not written[:1].isupper():
            return False
        if len(self.text) > 1 and self.text.isupper() and written != self.text:
            return False  # an acronym as written: AP, not Ap
        if self.keys & _written_keys(written):
            return True
        return not self.known and _inflected(written.lower(), self.text.lower())


@dataclass(frozen=True)
class _Variant:
    type: str
    base: str | None
    words: tuple[_Word, ...]
    common: bool  # one word that is also a common Polish word: not at a sentence's start


def _lemma(lemma: str) -> str:
    return (lemma.split(":", 1)[0] if len(lemma) > 1 else lemma).lower()


def _known(word: str) -> bool:
    return any(r.tag != "ign" for r in whole_readings(word))


@cache
def _written_keys(written: str) -> frozenset[str]:
    """The written word lower-cased, its Morfeusz lemmas and, for a foreign name, the guesses."""
    keys = {written.lower()}
    keys.update(_lemma(r.lemma) for r in readings(written))
    if written[:1].islower():  # brexitu: guessed as Brexitu
        keys.update(_lemma(r.lemma) for r in readings(written[:1].upper() + written[1:]))
    return frozenset(keys)


def _inflected(written: str, word: str) -> bool:
    """``written`` is ``word``'s stem (less a final vowel) with an inflectional ending."""
    stem = word[:-1] if word[-1:] in VOWELS else word
    return len(stem) >= 3 and written.startswith(stem) and written[len(stem):] in ENDINGS


def _entry_word(word: str) -> _Word:
    nominative = {_lemma(r.lemma) for r in readings(word) if r.case in ("nom", "")}
    return _Word(word, frozenset({word.lower(), *nominative}), _known(word))


@dataclass(frozen=True)
class _Index:
    """The variants by the keys of their first word (its lower-cased form and nominative
    lemmas), and those whose first word Morfeusz does not know also by its stem's first three
    letters (such a word may be written inflected: ``Brexit`` as ``Brexitu``)."""

    by_key: dict[str, tuple[_Variant, ...]]
    by_stem: dict[str, tuple[_Variant, ...]]
    order: dict[_Variant, int]  # file order: the first of equally long matches wins

    def candidates(self, written: str) -> set[_Variant]:
        found = {v for key in _written_keys(written) for v in self.by_key.get(key, ())}
        found.update(self.by_stem.get(written[:STEM_PREFIX].lower(), ()))
        return found


STEM_PREFIX = 3


@cache
def _index() -> _Index:
    by_key: dict[str, list[_Variant]] = {}
    by_stem: dict[str, list[_Variant]] = {}
    order: dict[_Variant, int] = {}
    for kind, variants, listed in (*((k, v, True) for k, v in gazetteer()), *_coded()):
        lower = {v for v in variants if v[:1].islower()}  # brexit: a name written in lower case too
        for base in variants:
            words = tuple(_entry_word(w) for w in base.split())
            common = len(words) == 1 and base[:1].isupper() and base.lower() not in lower and common_word(base)
            variant = _Variant(kind, _spelling(base, variants) if listed else None, words, common)
            order.setdefault(variant, len(order))
            for key in words[0].keys:
                by_key.setdefault(key, []).append(variant)
            if not words[0].known:
                by_stem.setdefault(words[0].text[:STEM_PREFIX].lower(), []).append(variant)
    return _Index(
        {key: tuple(found) for key, found in by_key.items()},
        {key: tuple(found) for key, found in by_stem.items()},
        order,
    )


def _spelling(base: str, variants: tuple[str, ...]) -> str:
    """The base form a variant gives: itself, or the capitalised variant it writes in lower case
    (``brexit`` -> ``Brexit``, as BSNLP normalises it)."""
    return next((v for v in variants if v.lower() == base.lower() and v[:1].isupper()), base)


def _coded() -> list[tuple[str, tuple[str, ...], bool]]:
    """The names of international organisations, and the names of states of more than one word
    or with a dot (``Zjednoczone Królestwo``, ``W. Brytania``), as :mod:`kronika.link.codes`
    knows them: the NER misses some (``Wspólnotę``)."""
    from ..link.codes import GPE, tables

    found: dict[str, tuple[str, list[str]]] = {}
    for name, (kind, code) in tables().entities.items():
        polish, english = tables().names.get(code, ([], []))
        for written in (*polish, *english):
            if written.lower() == name and (kind != GPE or " " in written or "." in written):
                found.setdefault(code, (kind, []))[1].append(written)
    return [(kind, tuple(dict.fromkeys(names)), False) for kind, names in found.values()]


def _word_ends(doc: Doc, start: int) -> list[int]:
    """Ends of the written words that begin at token ``start``: runs of tokens with no space
    between them, ending where a space or a punctuation mark follows."""
    ends = []
    for end in range(start + 1, min(len(doc), start + MAX_PARTS) + 1):
        if end == len(doc) or doc[end - 1].whitespace_ or not (doc[end].is_alpha or doc[end].is_digit):
            ends.append(end)
        if end == len(doc) or doc[end - 1].whitespace_:
            break
    return ends


def _match(doc: Doc, start: int, variant: _Variant) -> int | None:
    """The end of ``variant`` found at token ``start``, or None."""
    at = start
    for word in variant.words:
        end = next((e for e in _word_ends(doc, at) if word.matches(doc[at:e].text)), None)
        if end is None:
            return None
        at = end
    return at


def find_names(doc: Doc) -> list[Found]:
    """The gazetteer's names in ``doc``, left to right, none overlapping, the longest first."""
    index, found, i = _index(), [], 0
    while i < len(doc):
        best: tuple[int, _Variant] | None = None
        candidates = {v for end in _word_ends(doc, i) for v in index.candidates(doc[i:end].text)}
        for variant in sorted(candidates, key=index.order.__getitem__):
            if variant.common and doc[i].is_sent_start:
                continue
            end = _match(doc, i, variant)
            if end is not None and (best is None or end > best[0]):
                best = (end, variant)
        if best is None:
            i += 1
            continue
        end, variant = best
        found.append(Found(Span(doc, i, end, label=variant.type), variant.type, variant.base))
        i = end
    return found


@cache
def _names() -> dict[str, str]:
    """Every variant of the gazetteer, lower-cased -> the first variant of its line."""
    return {v.lower(): variants[0] for _, variants in gazetteer() for v in variants}


def listed_name(name: str) -> str | None:
    """The name a gazetteer entity goes by, whatever variant names it (``Guardian`` -> ``The
    Guardian``, ``Reuter`` -> ``Reuters``), so that its variants share one entity id."""
    return _names().get(" ".join(name.split()).lower())

"""Agreement in the loop: the tagger's case, number and gender revised by the parse.

The tagger sees a few words either side; Polish agreement often spans more (``złożył`` takes the
gender of a subject five words away, ``w`` the case of the noun after its adjectives). After the
parser, :class:`AgreementTagger` re-chooses each word's NKJP tag among the tags SGJP allows that
differ from the tagger's only in number, case or gender, scoring each by the tagger's log
probability plus, for every agreement relation the parse shows, ``PAIR_WEIGHT`` per attribute that
agrees with the related word's tag, minus as much per attribute that does not:

- an adjective, participle or numeral (``amod``, ``det``, ``acl``) and its noun: number, case, gender;
- a preposition (``case``) and its noun: case;
- coordinated nouns (``conj``, without a preposition of their own): case;
- a numeral that agrees (``congr``, ``nummod``) and its noun: case, gender;
- a past-tense verb (the head or its ``aux``/``cop``) and its subject: number, gender, and a
  predicate adjective or participle and its subject: number, gender (weights: below);
- a relative ``który``/``jaki`` and the noun its clause describes (``acl:relcl``): number, gender;

A coordinate ascent finds the tags (:class:`_Decoder`). On UD PDB dev with gold
tokens: XPOS 90.97 -> 92.36, UFeats 91.33 -> 92.67 with the dictionary's additions
(docs/benchmarks.md). The lemma and UD features of a retagged
word follow its new tag.
"""
from __future__ import annotations

import math
from collections import defaultdict
from functools import lru_cache

from spacy.tokens import Doc, Token

from .morphology import TAG_PROBABILITIES, dictionary_lemma

# Positions of number, case and gender in an NKJP tag, by its class (None: the class has none).
AGREEMENT_SLOTS = {
    **{pos: (1, 2, 3) for pos in ("subst", "depr", "ger", "adj", "ppas", "pact", "ppron3", "ppron12", "num")},
    "praet": (1, None, 2),
    "winien": (1, None, 2),
    "prep": (None, 1, None),
    "siebie": (None, 1, None),
}
NUMBER, CASE, GENDER = 0, 1, 2
NOMINALS = frozenset({"subst", "depr", "ger", "ppron3", "ppron12", "siebie"})
MODIFIERS = frozenset({"adj", "ppas", "pact", "num"})
PAST = frozenset({"praet", "winien"})
RELATIVES = frozenset({"który", "jaki"})
GOVERNING_NUMERALS = frozenset({"det:numgov", "nummod:gov"})

# Tuned on UD PDB dev (1.0 to 3.0 tried: within 0.1 point of each other).
PAIR_WEIGHT = 1.5
# A subject and its past-tense verb or predicate: a subject before its verb (the order the parse
# gets right) weighs as the other pairs; one after it weighs less, for the event and speaker rules
# read a verb whose gender that subject does not have as a misparse (``Wezwał także nowy rząd``:
# the government is the addressee), and the tagger's confident verb gender then stays.
PRECEDING_SUBJECT_WEIGHT = 1.5
SUBJECT_WEIGHT = 0.5

Pair = tuple[int, int, tuple[int, ...], float]  # two words, the attributes they share, its weight


@lru_cache(maxsize=4096)
def agreement(tag: str) -> tuple[str | None, str | None, str | None] | None:
    """(number, case, gender) of an NKJP tag; None for a class without agreement."""
    parts = tag.split(":")
    slots = AGREEMENT_SLOTS.get(parts[0])
    if slots is None:
        return None
    return tuple(parts[i] if i is not None and i < len(parts) else None for i in slots)


@lru_cache(maxsize=65536)
def alternatives_differ(tag: str, other: str) -> bool:
    """Whether ``other`` differs from ``tag`` in agreement attributes only."""
    a, b = tag.split(":"), other.split(":")
    slots = AGREEMENT_SLOTS.get(a[0])
    if slots is None or a[0] != b[0] or len(a) != len(b):
        return False
    return all(x == y for i, (x, y) in enumerate(zip(a, b)) if i not in slots)


def _pos(token: Token) -> str:
    return token.tag_.split(":", 1)[0]


def relations(doc: Doc) -> list[Pair]:
    """The agreement pairs (i, j, attributes, weight) of the parse."""
    pairs: list[Pair] = []
    for token in doc:
        head = token.head
        if head.i == token.i:
            continue
        dep = token.dep_.split(":", 1)[0]
        pos, head_pos = _pos(token), _pos(head)
        if (dep in ("amod", "det") or token.dep_ == "acl") and pos in MODIFIERS and head_pos in NOMINALS:
            pairs.append((token.i, head.i, (NUMBER, CASE, GENDER), PAIR_WEIGHT))
        elif dep == "case" and pos == "prep" and head_pos in NOMINALS | MODIFIERS:
            pairs.append((token.i, head.i, (CASE,), PAIR_WEIGHT))
        elif (dep == "conj" and pos in NOMINALS and head_pos in NOMINALS
              and not any(child.dep_ == "case" for child in token.children)):
            pairs.append((token.i, head.i, (CASE,), PAIR_WEIGHT))
        elif dep == "nummod" and pos == "num" and token.tag_.endswith(":congr") and head_pos in NOMINALS:
            pairs.append((token.i, head.i, (CASE, GENDER), PAIR_WEIGHT))
        elif dep == "nsubj" and pos in NOMINALS and not _counted(token):
            verbs = [head] + [c for c in head.children if c.dep_ in ("aux", "aux:pass", "cop")]
            weight = PRECEDING_SUBJECT_WEIGHT if token.i < head.i else SUBJECT_WEIGHT
            pairs.extend((verb.i, token.i, (NUMBER, GENDER), weight) for verb in verbs if _pos(verb) in PAST)
            if head_pos in MODIFIERS - {"num"}:
                pairs.append((head.i, token.i, (NUMBER, GENDER), weight))
        if token.lemma_ in RELATIVES and pos == "adj":
            antecedent = _antecedent(token)
            if antecedent is not None and _pos(antecedent) in NOMINALS:
                pairs.append((token.i, antecedent.i, (NUMBER, GENDER), PAIR_WEIGHT))
    return pairs


def _counted(noun: Token) -> bool:
    """A noun a governing numeral counts (``Kilka dni``, ``Dwóch polityków``): its verb takes the
    neuter singular, not the noun's number and gender."""
    return any(c.dep_ in GOVERNING_NUMERALS for c in noun.children)


def _antecedent(token: Token) -> Token | None:
    """The noun described by the relative clause that ``token`` opens (``budynek, w którym``):
    the head of the clause, or where the parse missed the clause, the noun before its comma."""
    clause = next((a for a in token.ancestors if a.dep_ == "acl:relcl"), None)
    if clause is not None:
        return clause.head
    doc = token.doc
    start = token.i - 1 if token.i > 0 and _pos(doc[token.i - 1]) == "prep" else token.i
    if start >= 2 and doc[start - 1].text == "," and _pos(doc[start - 2]) in NOMINALS:
        return doc[start - 2]
    return None


@lru_cache(maxsize=65536)
def _agreeing(a, b, attributes) -> int:
    if a is None or b is None:
        return 0
    return sum((1 if a[k] == b[k] else -1) for k in attributes if a[k] is not None and b[k] is not None)


class AgreementTagger:
    """Re-chooses agreement attributes of the tagger's tags from the parse (runs after the parser)."""

    def __init__(self):
        self.features = None  # the pipeline's UDFeatures, set by kronika.analyse.pipeline

    def __call__(self, doc: Doc) -> Doc:
        probabilities: dict[int, dict[str, float]] = doc.user_data.pop(TAG_PROBABILITIES, None) or {}
        chosen = {i: doc[i].tag_ for i in probabilities}
        scores = {
            i: {tag: p for tag, p in allowed.items() if tag == chosen[i] or alternatives_differ(chosen[i], tag)}
            for i, allowed in probabilities.items()
        }
        scores = {i: s for i, s in scores.items() if len(s) > 1 and chosen[i] in s}
        if not scores:
            return doc
        pairs = relations(doc)
        tags = {i: doc[i].tag_ for pair in pairs for i in pair[:2]}
        for i, tag in _Decoder(tags, scores, pairs).solve().items():
            if i in scores and tag != chosen[i]:
                self._retag(doc[i], tag)
        return doc

    def _retag(self, token: Token, tag: str) -> None:
        token.tag_ = tag
        lemma = dictionary_lemma(token)
        if lemma:
            token.lemma_ = lemma
        if self.features is not None:
            self.features.set_features(token)


class _Decoder:
    """Coordinate ascent on the sum of the tags' log probabilities and the agreement terms: each
    word's best tag given the others', then each related pair's best two tags given the rest
    (two words that agree with each other can both be wrong), then each word again."""

    def __init__(self, tags: dict[int, str], scores: dict[int, dict[str, float]], pairs: list[Pair]):
        self.tags = tags
        self.scores = {i: {tag: math.log(max(p, 1e-9)) for tag, p in alternatives.items()}
                       for i, alternatives in scores.items()}
        self.neighbours: dict[int, list[tuple[int, tuple[int, ...], float]]] = defaultdict(list)
        for i, j, attributes, weight in pairs:
            self.neighbours[i].append((j, attributes, weight))
            self.neighbours[j].append((i, attributes, weight))
        self.pairs = [pair for pair in pairs if pair[0] in scores and pair[1] in scores]

    def solve(self) -> dict[int, str]:
        """The tags of the related words, by token index."""
        words = sorted(i for i in self.scores if i in self.neighbours)
        self._words(words)
        for pair in self.pairs:
            self._pair(*pair)
        self._words(words)
        return self.tags

    def _words(self, words: list[int]) -> None:
        for i in words:
            self.tags[i] = max(self.scores[i], key=lambda tag: self._local(i, tag))

    def _pair(self, i: int, j: int, attributes: tuple[int, ...], weight: float) -> None:
        best, best_score = None, None
        for tag_i in self.scores[i]:
            for tag_j in self.scores[j]:
                self.tags[i], self.tags[j] = tag_i, tag_j
                score = (self._local(i, tag_i) + self._local(j, tag_j)
                         - weight * _agreeing(agreement(tag_i), agreement(tag_j), attributes))
                if best_score is None or score > best_score:
                    best, best_score = (tag_i, tag_j), score
        self.tags[i], self.tags[j] = best

    def _local(self, i: int, tag: str) -> float:
        """The terms of the objective that involve word ``i`` with ``tag``."""
        a = agreement(tag)
        score = self.scores[i][tag]
        for j, attributes, weight in self.neighbours.get(i, ()):
            score += weight * _agreeing(a, agreement(self.tags[j]), attributes)
        return score

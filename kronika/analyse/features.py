"""UD features from the NKJP tag.

The NKJP tag (XPOS) carries number, case, gender, person, aspect, degree ... and the tagger that
predicts it learns from four times more data (NKJP 1M) than the morphologizer that predicts UD
feature bundles (UD treebanks only). ``UDFeatures`` therefore sets a token's UD features from
its UPOS, NKJP tag and lemma, by the most frequent bundle the UD training data shows for that
combination (or for UPOS and tag alone), and leaves the morphologizer's bundle where the
combination was never seen.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc, Token
from spacy.util import ensure_path

TABLE_FILE = "features.json"


DIGITS = "<digits>"  # every number written in digits shares one key: ``1996.`` is an ordinal like ``53.``
# The part of speech of a fixed multi-word expression (UD's ExtPos, on its first word) from the
# relation the expression has in the sentence: ``w związku z`` is a preposition, ``na przykład``
# an emphasising particle, ``jak i`` a conjunction.
EXTERNAL_POS = {"case": "ADP", "cc": "CCONJ", "mark": "SCONJ", "det": "DET", "advmod": "ADV", "advmod:emph": "PART"}


def feature_key(upos: str, xpos: str, lemma: str | None = None) -> str:
    if lemma is None:
        return f"{upos}|{xpos}"
    return f"{upos}|{xpos}|{DIGITS if lemma.isdigit() else lemma.lower()}"


# Features a pronoun, determiner or numeral has by its lemma, whatever its form (``pewien`` is
# PronType=Ind, ``twój`` Person=2|Poss=Yes|PronType=Prs).
LEXICAL_FEATURES = frozenset({"PronType", "Poss", "Reflex", "NumType", "Person"})
LEXICAL_POS = frozenset({"DET", "PRON", "NUM"})


def lexical_key(upos: str, lemma: str) -> str:
    return f"{upos}|*|{lemma.lower()}"


def _split_lexical(feats: str) -> tuple[list[str], list[str]]:
    pairs = [kv for kv in feats.split("|") if kv and kv != "_"]
    lexical = [kv for kv in pairs if kv.split("=", 1)[0] in LEXICAL_FEATURES]
    return lexical, [kv for kv in pairs if kv not in lexical]


def build_table(words: Iterable[tuple[str, str, str, str]], min_count: int = 2) -> dict[str, str]:
    """(upos, xpos, lemma, feats) examples -> the most frequent feats per key; and, for pronouns,
    determiners and numerals, the most frequent lexical features per lemma."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for upos, xpos, lemma, feats in words:
        counts[feature_key(upos, xpos, lemma)][feats] += 1
        counts[feature_key(upos, xpos)][feats] += 1
        if upos in LEXICAL_POS:
            counts[lexical_key(upos, lemma)]["|".join(_split_lexical(feats)[0]) or "_"] += 1
    return {key: c.most_common(1)[0][0] for key, c in counts.items() if sum(c.values()) >= min_count}


class UDFeatures:
    def __init__(self, table: dict[str, str] | None = None):
        self.table = table or {}

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            self.set_features(token)
        return doc

    def set_features(self, token: Token) -> None:
        feats = self.table.get(feature_key(token.pos_, token.tag_, token.lemma_))
        if feats is None:
            feats = self.table.get(feature_key(token.pos_, token.tag_))
            lexical = self.table.get(lexical_key(token.pos_, token.lemma_))
            if feats is not None and lexical is not None:
                # A form not seen with its lemma: the lemma's own lexical features.
                feats = "|".join(sorted(_split_lexical(feats)[1] + _split_lexical(lexical)[0], key=str.lower)) or "_"
        if feats is not None:
            token.set_morph("" if feats == "_" else feats)

    def to_disk(self, path, exclude=tuple()):
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / TABLE_FILE).write_text(json.dumps(self.table, ensure_ascii=False, sort_keys=True), encoding="utf-8")

    def from_disk(self, path, exclude=tuple()):
        self.table = json.loads((Path(path) / TABLE_FILE).read_text(encoding="utf-8"))
        return self


class ParseFeatures:
    """UD features the parse decides (runs after it): ``ExtPos`` on the first word of a fixed
    expression (its ``fixed`` dependents), from the expression's relation (:data:`EXTERNAL_POS`);
    ``PronType=Rel`` on a pronoun, determiner or adverb that the dictionary reads as
    interrogative or relative (``co``, ``gdzie``, ``który``) within a relative clause
    (``acl:relcl``: ``miejsce, gdzie ...``), where UD PDB writes Rel."""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            pos = EXTERNAL_POS.get(token.dep_)
            if pos and any(child.dep_ == "fixed" for child in token.children):
                token.set_morph(token.morph.to_dict() | {"ExtPos": pos})
            if token.morph.get("PronType") == ["Int"] and _in_relative_clause(token):
                token.set_morph(token.morph.to_dict() | {"PronType": "Rel"})
        return doc


def _in_relative_clause(token: Token) -> bool:
    """Whether ``token`` opens a relative clause: the clause's head or a word of it, before its verb."""
    clause = token if token.dep_ == "acl:relcl" else token.head
    return clause.dep_ == "acl:relcl" and token.i <= clause.i

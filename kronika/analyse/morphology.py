"""The dictionary in the loop: tags and lemmas that Morfeusz (SGJP) allows.

- :class:`DictionaryTagger` is spaCy's tagger whose choice, for a word the dictionary knows, is
  restricted to the tags SGJP gives it (the best Polish taggers, from TaKIPI to KRNNT, do the
  same); unknown words keep the unrestricted choice.
- :class:`DictionaryLemmas` takes the lemma of the SGJP interpretation that agrees with the
  chosen tag; ties go to the trained lemmatizer's guess, then to the token's capitalisation;
  words SGJP does not know keep the trained lemmatizer's lemma.
"""
from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.pipeline.tagger import Tagger
from spacy.tokens import Doc, Token

from .morfeusz import Interpretation, whole_readings


def dictionary_tags(word: str) -> dict[str, list[Interpretation]]:
    """Each concrete tag SGJP allows for ``word``, with the interpretations that give it."""
    return _dictionary_tags(word)


@lru_cache(maxsize=300_000)
def _dictionary_tags(word: str) -> dict[str, list[Interpretation]]:
    tags: dict[str, list[Interpretation]] = {}
    for reading in whole_readings(word):
        if reading.tag != "ign":
            tags.setdefault(reading.tag, []).append(reading)
    return tags


class DictionaryTagger(Tagger):
    """spaCy's Tagger; its argmax only ranges over the tags SGJP allows for known words."""

    def predict(self, docs):
        scores = self.model.predict(docs)
        label_ids = {label: i for i, label in enumerate(self.labels)}
        guesses = []
        for doc, doc_scores in zip(docs, scores):
            doc_scores = self.model.ops.to_numpy(doc_scores)
            ids = doc_scores.argmax(axis=1)
            for i, token in enumerate(doc):
                allowed = [label_ids[t] for t in dictionary_tags(token.text) if t in label_ids]
                if allowed:
                    ids[i] = allowed[int(numpy.argmax(doc_scores[i, allowed]))]
            guesses.append(ids)
        return guesses


class DictionaryLemmas:
    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            lemma = dictionary_lemma(token)
            if lemma:
                token.lemma_ = lemma
        return doc


def dictionary_lemma(token: Token) -> str | None:
    candidates = dictionary_tags(token.text).get(token.tag_)
    if not candidates:
        return None
    lemmas = list(dict.fromkeys(i.lemma for i in candidates))
    if len(lemmas) == 1:
        return lemmas[0]
    guess = token.lemma_
    for lemma in lemmas:
        if lemma == guess:
            return lemma
    for lemma in lemmas:
        if lemma.lower() == guess.lower():
            return lemma
    capitalised = token.text[:1].isupper() and not token.is_sent_start
    for lemma in lemmas:
        if lemma[:1].isupper() == capitalised:
            return lemma
    return lemmas[0]

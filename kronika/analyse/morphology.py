"""The dictionary in the loop: tags and lemmas that Morfeusz (SGJP) allows.

- :class:`DictionaryTagger` is spaCy's tagger whose choice, for a word the dictionary knows, is
  restricted to the tags SGJP gives it (the best Polish taggers, from TaKIPI to KRNNT, do the
  same); unknown words keep the unrestricted choice.
- :class:`DictionaryFirstLemmatizer` is spaCy's edit-tree lemmatizer asked only for the words
  whose lemma SGJP does not settle for the chosen tag (unknown or ambiguous words, ~1 in 10):
  the same lemmas, at a fraction of the cost.
- :class:`DictionaryLemmas` takes the lemma of the SGJP interpretation that agrees with the
  chosen tag; ties go to the trained lemmatizer's guess, then to the token's capitalisation;
  words SGJP does not know keep the trained lemmatizer's lemma.
"""
from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.pipeline.edit_tree_lemmatizer import EditTreeLemmatizer
from spacy.pipeline.tagger import Tagger
from spacy.tokens import Doc, Token

from ..lang.pl import agglutinates
from .morfeusz import UNKNOWN_TAG, Interpretation, glued, whole_readings


# Tags SGJP gives that the UD/NKJP annotation does not follow: digit strings are tagged by
# their use there (num, adj ...), so the tagger chooses freely among its own labels.
UNRESTRICTING_TAGS = frozenset({UNKNOWN_TAG, "dig"})


def dictionary_tags(token: Token) -> dict[str, list[Interpretation]]:
    """Each concrete tag SGJP allows for ``token``, with the interpretations that give it. An
    agglutinate is read within its word (the ``em`` of ``zrobiłem`` is ``aglt``, not a noun)."""
    if token.i > 0 and glued(token.doc, token.i - 1) and token.lower_ in agglutinates():
        return _tags(token._.morfeusz)
    return _word_tags(token.text)


@lru_cache(maxsize=300_000)
def _word_tags(word: str) -> dict[str, list[Interpretation]]:
    return _tags(whole_readings(word))


def _tags(readings) -> dict[str, list[Interpretation]]:
    tags: dict[str, list[Interpretation]] = {}
    for reading in readings:
        if reading.tag not in UNRESTRICTING_TAGS:
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
                allowed = [label_ids[t] for t in dictionary_tags(token) if t in label_ids]
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


# A tree id for the words the dictionary lemmatises alone (the lemmatizer leaves them be).
LEFT_TO_DICTIONARY = -2


class DictionaryFirstLemmatizer(EditTreeLemmatizer):
    """spaCy's EditTreeLemmatizer (top_k 1) that scores only the words SGJP leaves open."""

    def predict(self, docs):
        docs = list(docs)
        tok2vec, output_layer = self.model.layers  # spacy.Tagger.v2: chain(tok2vec, with_array(softmax))
        open_words = [
            numpy.array([i for i, t in enumerate(doc) if len(dictionary_lemmas(t)) != 1], dtype="int64")
            for doc in docs
        ]
        vectors = tok2vec.predict(docs)
        scores = output_layer.predict([self.model.ops.to_numpy(v)[i] for v, i in zip(vectors, open_words)])
        labels = self.cfg["labels"]
        guesses = []
        for doc, indexes, doc_scores in zip(docs, open_words, scores):
            tree_ids = numpy.full(len(doc), LEFT_TO_DICTIONARY, dtype="int64")
            for i, best in zip(indexes, self.model.ops.to_numpy(doc_scores).argmax(axis=1) if len(indexes) else []):
                tree_id = labels[best]
                tree_ids[i] = tree_id if self.trees.apply(tree_id, doc[i].text) is not None else -1
            guesses.append(tree_ids)
        return guesses

    def set_annotations(self, docs, batch_tree_ids):
        for doc, tree_ids in zip(docs, batch_tree_ids):
            for token, tree_id in zip(doc, tree_ids):
                if tree_id == LEFT_TO_DICTIONARY or not (self.overwrite or token.lemma == 0):
                    continue
                if tree_id == -1:
                    if self.backoff is not None:
                        token.lemma = getattr(token, self.backoff)
                else:
                    token.lemma_ = self.trees.apply(int(tree_id), token.text)


def dictionary_lemmas(token: Token) -> list[str]:
    """The distinct lemmas SGJP gives ``token`` under its tag (none for unknown words)."""
    return list(dict.fromkeys(i.lemma for i in dictionary_tags(token).get(token.tag_, ())))


def dictionary_lemma(token: Token) -> str | None:
    lemmas = dictionary_lemmas(token)
    if not lemmas:
        return None
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

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
- :class:`TreebankPos` sets the part of speech the dictionary settles (a name SGJP knows only as
  a name is PROPN) and the one UD PDB 2.x gives a few words by their place (``jednak``).
"""
from __future__ import annotations

import math
from functools import lru_cache

import numpy
from spacy.pipeline.edit_tree_lemmatizer import EditTreeLemmatizer
from spacy.pipeline.tagger import Tagger
from spacy.tokens import Doc, Token

from ..lang.pl import agglutinates, dictionary_additions, treebank_pos
from .abbreviations import abbreviation_readings
from .morfeusz import UNKNOWN_TAG, Interpretation, first_segment_readings, glued, whole_readings


# Tags SGJP gives that the UD/NKJP annotation does not follow: digit strings and Roman numerals
# are tagged by their use there (num, adj ...), so the tagger chooses freely among its own labels.
UNRESTRICTING_TAGS = frozenset({UNKNOWN_TAG, "dig", "romandig"})

# The first parts of compounds the dictionary reads only within them (``biało-``, ``polsko-``).
COMPOUND_PARTS = ("adja",)

# doc.user_data key: token index -> {allowed tag: the tagger's probability}, for the AgreementTagger.
TAG_PROBABILITIES = "kronika_tag_probabilities"


def dictionary_tags(token: Token) -> dict[str, list[Interpretation]]:
    """Each concrete tag SGJP allows for ``token``, with the interpretations that give it. An
    agglutinate is read within its word (the ``em`` of ``zrobiłem`` is ``aglt``, not a noun); a
    word before a dot is also read as an abbreviation, the first part of a hyphenated compound
    within the compound, and a few words also as UD PDB tags them (``dictionary_additions.txt``)."""
    if token.i > 0 and glued(token.doc, token.i - 1) and token.lower_ in agglutinates():
        return _tags(token._.morfeusz)
    tags = _word_tags(token.text)
    if token.whitespace_ or token.i + 1 == len(token.doc):
        return tags
    more = (*abbreviation_readings(token), *_compound_readings(token))
    if more:  # ``ul.``: the abbreviation as well as the word (``ul``, a beehive); ``biało-czerwony``
        return _tags(more) | tags
    return tags


def _compound_readings(token: Token) -> tuple[Interpretation, ...]:
    """The readings of the first part of a hyphenated compound (``biało`` in ``biało-czerwony``
    is adja), which Morfeusz gives only for the whole compound."""
    doc, i = token.doc, token.i
    if i + 2 >= len(doc) or token.whitespace_ or doc[i + 1].text != "-" or doc[i + 1].whitespace_ or not doc[i + 2].is_alpha:
        return ()
    return first_segment_readings(f"{token.text}-{doc[i + 2].text}", len(token.text), COMPOUND_PARTS)


@lru_cache(maxsize=300_000)
def _word_tags(word: str) -> dict[str, list[Interpretation]]:
    additions = tuple(Interpretation(lemma, tag, (), ()) for lemma, tag in dictionary_additions().get(word.lower(), ()))
    return _tags(whole_readings(word) + additions)


def _tags(readings) -> dict[str, list[Interpretation]]:
    tags: dict[str, list[Interpretation]] = {}
    for reading in readings:
        if reading.tag not in UNRESTRICTING_TAGS:
            tags.setdefault(reading.tag, []).append(reading)
    return tags


class DictionaryTagger(Tagger):
    """spaCy's Tagger; its argmax only ranges over the tags SGJP allows for known words, and it
    learns as it chooses: the training loss is the cross-entropy of a softmax over those tags
    (a word SGJP reads one way alone teaches nothing; one whose gold tag SGJP lacks, or an
    unknown one, learns over all tags as in spaCy's Tagger)."""

    # Set by kronika.analyse.pipeline when an AgreementTagger follows the parser: keep the
    # probabilities of a word's allowed tags in ``doc.user_data[TAG_PROBABILITIES]``.
    keep_probabilities = False

    def predict(self, docs):
        scores = self.model.predict(docs)
        labels = self.labels  # a property that builds the tuple on each call
        label_ids = {label: i for i, label in enumerate(labels)}
        guesses = []
        for doc, doc_scores in zip(docs, scores):
            doc_scores = self.model.ops.to_numpy(doc_scores)
            ids = doc_scores.argmax(axis=1)
            kept = {}
            for i, token in enumerate(doc):
                allowed = [label_ids[t] for t in dictionary_tags(token) if t in label_ids]
                if allowed:
                    ids[i] = allowed[int(numpy.argmax(doc_scores[i, allowed]))]
                    if self.keep_probabilities and len(allowed) > 1:
                        kept[i] = _probabilities(doc_scores[i, allowed], [labels[j] for j in allowed])
            if kept:
                doc.user_data[TAG_PROBABILITIES] = kept
            guesses.append(ids)
        return guesses

    def get_loss(self, examples, scores):
        label_ids = {label: i for i, label in enumerate(self.labels)}
        smoothing = self.cfg["label_smoothing"]
        ops = self.model.ops
        d_scores, loss = [], 0.0
        for eg, probabilities in zip(examples, scores):
            probabilities = ops.to_numpy(probabilities)
            gold = eg.get_aligned("TAG", as_string=True)
            d = numpy.zeros_like(probabilities)
            for i, token in enumerate(eg.predicted):
                target = label_ids.get(gold[i]) if gold[i] else None
                if target is None:
                    continue  # no gold tag: no gradient
                allowed = [label_ids[t] for t in dictionary_tags(token) if t in label_ids]
                if target not in allowed:
                    allowed = range(len(label_ids))
                elif len(allowed) == 1:
                    continue
                loss += _restricted_cross_entropy(probabilities[i], list(allowed), target, smoothing, d[i])
            d_scores.append(ops.asarray2f(d))
        return float(loss), d_scores


def _restricted_cross_entropy(probabilities, allowed: list[int], target: int, smoothing: float, d_row) -> float:
    """Cross-entropy of the softmax renormalised over ``allowed`` against ``target`` (smoothed
    over the other allowed tags); writes its gradient with respect to the logits into ``d_row``."""
    kept = probabilities[allowed].astype("float64")
    kept = kept / max(kept.sum(), 1e-12)
    truth = numpy.full(len(allowed), smoothing / max(len(allowed) - 1, 1))
    truth[allowed.index(target)] = 1.0 - smoothing if len(allowed) > 1 else 1.0
    d_row[allowed] = kept - truth
    return float(-(truth * numpy.log(numpy.maximum(kept, 1e-12))).sum())


def _probabilities(logits, tags: list[str]) -> dict[str, float]:
    """The allowed tags' probabilities (a softmax over them of the tagger's scores), those below
    1/10,000 left out."""
    values = logits.tolist()
    best = max(values)
    exps = [math.exp(v - best) for v in values]
    total = sum(exps)
    return {tag: e / total for tag, e in zip(tags, exps) if e / total > 1e-4}


KEEP_TAG = "*"  # treebank_pos.txt: the tagger's tag stays


class TreebankPos:
    """Parts of speech the dictionary or the sentence settle, as UD PDB 2.x writes them (runs
    after the morphologizer, before the UD features):

    - a capitalised word that the morphologizer made a common noun is a proper noun when every
      noun reading SGJP has for it is a name (``Agnieszkę``, ``Spisza``; not ``Gość``, also a
      common noun);
    - a word of ``treebank_pos.txt`` takes the part of speech and NKJP tag PDB 2.x gives it
      where it opens a clause or inside one (``jednak``: a conjunction, a particle)."""

    def __call__(self, doc: Doc) -> Doc:
        by_position = treebank_pos()
        for token in doc:
            if token.pos_ == "NOUN" and token.text[:1].isupper():
                nouns = [r for readings in dictionary_tags(token).values() for r in readings if r.tag.startswith("subst")]
                if nouns and all(r.name_types for r in nouns):
                    token.pos_ = "PROPN"
            elif token.lower_ in by_position:
                opening = token.is_sent_start or (token.i > 0 and token.doc[token.i - 1].text == ",")
                pos, tag = by_position[token.lower_][0 if opening else 1]
                token.pos_ = pos
                if tag != KEEP_TAG:
                    token.tag_ = tag
        return doc


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

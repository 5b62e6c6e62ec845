"""Token embeddings that see the Morfeusz dictionary.

``kronika.MorfeuszHashEmbed.v1`` is spaCy's MultiHashEmbed plus hashed features from Morfeusz 2:
the token's ambiguity class (the set of NKJP tags SGJP allows), its part-of-speech class, its
proper-name qualifiers (imię, nazwisko, nazwa_geograficzna ...) and a four-letter suffix.
``kronika.MorfeuszHashEmbed.v2`` lets the config choose the features, adding the lemma class (the
lower-cased SGJP lemmas, so "Warszawy" and "Warszawie" share one row despite inflection). The
trained tagger, lemmatizer, parser and NER thus know what the dictionary allows for a word,
as the best Polish taggers do, while still learning unknown words from their shape.
"""
from __future__ import annotations

from functools import lru_cache
from typing import List

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.types import Floats2d, Ints2d

from .morfeusz import analyse

MORFEUSZ_FEATURES = ("tag_class", "pos_class", "name_class", "suffix4", "lemma_class")
V1_FEATURES = MORFEUSZ_FEATURES[:4]


@lru_cache(maxsize=200_000)
def morfeusz_feature_ids(word: str) -> tuple[int, ...]:
    """Hashes of the Morfeusz-derived features of one word form, in MORFEUSZ_FEATURES order."""
    first_segment = [edge.reading for edge in analyse(word) if edge.start == 0]
    tags = sorted({r.tag for r in first_segment}) or ["ign"]
    pos = sorted({t.split(":", 1)[0] for t in tags})
    names = sorted({n for r in first_segment for n in r.name_types})
    lemmas = sorted({r.lemma.lower() for r in first_segment if not r.tag.startswith("ign")}) or [word.lower()]
    values = ("|".join(tags), "|".join(pos), "|".join(names) or "-", word[-4:].lower(), "|".join(lemmas))
    return tuple(get_string_id(f"{name}={value}") for name, value in zip(MORFEUSZ_FEATURES, values))


def FeaturesWithMorfeusz(attrs: List[str], features: List[str]) -> Model[List[Doc], List[Ints2d]]:
    """spaCy's lexical attribute columns followed by the chosen Morfeusz feature columns."""
    columns = [MORFEUSZ_FEATURES.index(name) for name in features]

    def forward(model, docs, is_train):
        features = []
        for doc in docs:
            lexical = doc.to_array(attrs).reshape((len(doc), len(attrs)))
            morfeusz = numpy.array([morfeusz_feature_ids(t.text) for t in doc], dtype="uint64")
            morfeusz = morfeusz.reshape((len(doc), len(MORFEUSZ_FEATURES)))[:, columns]
            features.append(model.ops.asarray2i(numpy.hstack((lexical.astype("uint64"), morfeusz)), dtype="uint64"))
        return features, lambda d_features: []

    return Model("features_with_morfeusz", forward, attrs={"columns": attrs})


@registry.architectures("kronika.MorfeuszHashEmbed.v1")
def MorfeuszHashEmbed(
    width: int, attrs: List[str], rows: List[int], morfeusz_rows: List[int]
) -> Model[List[Doc], List[Floats2d]]:
    """MultiHashEmbed over ``attrs`` plus the four v1 Morfeusz features (``morfeusz_rows``: one size each)."""
    return MorfeuszHashEmbedChoosing(width, attrs, rows, list(V1_FEATURES), morfeusz_rows)


@registry.architectures("kronika.MorfeuszHashEmbed.v2")
def MorfeuszHashEmbedChoosing(
    width: int, attrs: List[str], rows: List[int], morfeusz_features: List[str], morfeusz_rows: List[int]
) -> Model[List[Doc], List[Floats2d]]:
    """MultiHashEmbed over ``attrs`` plus the named Morfeusz features (one row count per feature)."""
    unknown = set(morfeusz_features) - set(MORFEUSZ_FEATURES)
    if unknown:
        raise ValueError(f"unknown Morfeusz features {sorted(unknown)}; known: {MORFEUSZ_FEATURES}")
    if len(rows) != len(attrs) or len(morfeusz_rows) != len(morfeusz_features):
        raise ValueError("one row count per attribute and per Morfeusz feature is needed")
    all_rows = list(rows) + list(morfeusz_rows)
    embeddings = [
        HashEmbed(width, n_rows, column=i, seed=8 + i, dropout=0.0) for i, n_rows in enumerate(all_rows)
    ]
    return chain(
        FeaturesWithMorfeusz(attrs, morfeusz_features),
        list2ragged(),
        with_array(concatenate(*embeddings)),
        with_array(Maxout(width, width * len(embeddings), nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )

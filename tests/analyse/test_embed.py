"""Token embeddings that see the Morfeusz dictionary (kronika.analyse.embed)."""
from __future__ import annotations

import pytest
import spacy
from spacy.strings import get_string_id

from kronika.analyse.embed import MORFEUSZ_FEATURES, MorfeuszHashEmbed, MorfeuszHashEmbedChoosing, morfeusz_feature_ids


def test_inflected_forms_share_their_lemma_class_but_not_their_suffix():
    warszawy, warszawie = morfeusz_feature_ids("Warszawy"), morfeusz_feature_ids("Warszawie")
    lemma, suffix = MORFEUSZ_FEATURES.index("lemma_class"), MORFEUSZ_FEATURES.index("suffix4")
    assert warszawy[lemma] == warszawie[lemma] == get_string_id("lemma_class=warszawa")
    assert warszawy[suffix] != warszawie[suffix]
    assert morfeusz_feature_ids("Tokajewa")[lemma] == get_string_id("lemma_class=tokajewa")  # unknown: the form


def test_v1_keeps_its_four_columns_and_v2_chooses():
    docs = [spacy.blank("pl")("Tokajew przyjechał do Warszawy .")]
    v1 = MorfeuszHashEmbed(8, ["NORM"], [100], [10, 10, 10, 10])
    v2 = MorfeuszHashEmbedChoosing(8, ["NORM"], [100], ["lemma_class"], [10])
    for model in (v1, v2):
        model.initialize(X=docs)
        assert model.predict(docs)[0].shape == (5, 8)
    features = v2.layers[0].predict(docs)[0]
    assert features.shape == (5, 2) and int(features[3, 1]) == get_string_id("lemma_class=warszawa")
    with pytest.raises(ValueError):
        MorfeuszHashEmbedChoosing(8, ["NORM"], [100], ["colour"], [10])

"""Where kronika's spaCy components are registered: one explicit place."""
from __future__ import annotations

from spacy.language import Language
from spacy.util import registry

from . import embed  # noqa: F401  (registers the kronika.MorfeuszHashEmbed.v1 architecture)
from .morfeusz import MorfeuszAnalyser
from .sentences import ConfidentSenter, SentenceRules
from .tokenizer import create_tokenizer

# In a pipeline config: [nlp.tokenizer] @tokenizers = "kronika.PolishTokenizer.v1"
registry.tokenizers.register("kronika.PolishTokenizer.v1", func=create_tokenizer)


@Language.factory(
    "kronika_morfeusz",
    default_config={"set_lemmas": False},
    assigns=["token.lemma"],
)
def make_morfeusz(nlp: Language, name: str, set_lemmas: bool) -> MorfeuszAnalyser:
    """Morfeusz 2 readings as ``token._.morfeusz``, ``_.lemma_candidates``, ``_.is_known``, ``_.name_types``."""
    return MorfeuszAnalyser(set_lemmas=set_lemmas)


@Language.factory(
    "kronika_sentences",
    default_config={"fill": True, "unpunctuated": False},
    assigns=["token.is_sent_start"],
)
def make_sentences(nlp: Language, name: str, fill: bool, unpunctuated: bool) -> SentenceRules:
    """Rule-based sentence boundaries; ``fill=False`` leaves undecided tokens to a trained model,
    ``unpunctuated`` only the capitalised words after a word (for a trained ``senter``)."""
    return SentenceRules(fill=fill, unpunctuated=unpunctuated)


# --- components that work with the trained models -------------------------------------------

from spacy.pipeline.senter import DEFAULT_SENTER_MODEL  # noqa: E402
from spacy.pipeline.tagger import DEFAULT_TAGGER_MODEL  # noqa: E402

from .abbreviations import AbbreviationPos  # noqa: E402
from .agreement import AgreementTagger  # noqa: E402
from .passive import PassiveRepair  # noqa: E402
from .features import ParseFeatures, UDFeatures  # noqa: E402
from .morphology import DictionaryFirstLemmatizer, DictionaryLemmas, DictionaryTagger, TreebankPos  # noqa: E402
from .nested import NestedEntityMerge, NestedEntityStash  # noqa: E402


@Language.factory(
    "kronika_senter",
    assigns=["token.is_sent_start"],
    default_config={
        "model": DEFAULT_SENTER_MODEL,
        "overwrite": False,
        "scorer": {"@scorers": "spacy.senter_scorer.v1"},
        "threshold": 0.9975,
    },
    default_score_weights={"sents_f": 1.0},
)
def make_confident_senter(nlp: Language, name: str, model, overwrite, scorer, threshold):
    """A trained sentence recogniser asked only where the rules leave a boundary open."""
    return ConfidentSenter(nlp.vocab, model, name, overwrite=overwrite, scorer=scorer, threshold=threshold)


@Language.factory(
    "kronika_tagger",
    assigns=["token.tag"],
    default_config={
        "model": DEFAULT_TAGGER_MODEL,
        "overwrite": False,
        "scorer": {"@scorers": "spacy.tagger_scorer.v1"},
        "neg_prefix": "!",
        "label_smoothing": 0.0,
    },
    default_score_weights={"tag_acc": 1.0},
)
def make_dictionary_tagger(nlp: Language, name: str, model, overwrite, scorer, neg_prefix, label_smoothing):
    return DictionaryTagger(
        nlp.vocab, model, name, overwrite=overwrite, scorer=scorer, neg_prefix=neg_prefix,
        label_smoothing=label_smoothing,
    )


@Language.factory(
    "kronika_lemmatizer",
    assigns=["token.lemma"],
    requires=["token.tag"],
    default_config={
        "model": DEFAULT_TAGGER_MODEL,
        "backoff": "orth",
        "min_tree_freq": 2,
        "overwrite": False,
        "top_k": 1,
        "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
    },
    default_score_weights={"lemma_acc": 1.0},
)
def make_dictionary_first_lemmatizer(nlp: Language, name: str, model, backoff, min_tree_freq, overwrite, top_k, scorer):
    return DictionaryFirstLemmatizer(
        nlp.vocab, model, name, backoff=backoff, min_tree_freq=min_tree_freq, overwrite=overwrite,
        top_k=top_k, scorer=scorer,
    )


@Language.factory("kronika_dictionary_lemmas", assigns=["token.lemma"], requires=["token.tag"])
def make_dictionary_lemmas(nlp: Language, name: str) -> DictionaryLemmas:
    return DictionaryLemmas()


@Language.factory("kronika_stash_inner_entities", assigns=["doc.spans"])
def make_stash_inner_entities(nlp: Language, name: str) -> NestedEntityStash:
    return NestedEntityStash()


@Language.factory("kronika_merge_entities", assigns=["doc.spans"], requires=["doc.ents"])
def make_merge_entities(nlp: Language, name: str) -> NestedEntityMerge:
    return NestedEntityMerge()


@Language.factory("kronika_ud_features", assigns=["token.morph"], requires=["token.tag", "token.pos", "token.lemma"])
def make_ud_features(nlp: Language, name: str) -> UDFeatures:
    return UDFeatures()


@Language.factory("kronika_passive", assigns=["token.dep", "token.head"], requires=["token.dep", "token.tag", "token.lemma"])
def make_passive(nlp: Language, name: str) -> PassiveRepair:
    """The periphrastic passive (``został zabity``) restored where the parse broke it."""
    return PassiveRepair()


@Language.factory("kronika_parse_features", assigns=["token.morph"], requires=["token.dep", "token.morph"])
def make_parse_features(nlp: Language, name: str) -> ParseFeatures:
    """UD features the parse decides: ExtPos of fixed expressions, relative pronouns."""
    return ParseFeatures()


@Language.factory("kronika_abbreviation_pos", assigns=["token.pos"], requires=["token.tag", "token.pos"])
def make_abbreviation_pos(nlp: Language, name: str) -> AbbreviationPos:
    return AbbreviationPos()


@Language.factory("kronika_agreement", assigns=["token.tag", "token.lemma", "token.morph"], requires=["token.tag", "token.dep"])
def make_agreement(nlp: Language, name: str) -> AgreementTagger:
    """The tagger's number, case and gender revised by the agreement relations of the parse."""
    return AgreementTagger()


@Language.factory("kronika_treebank_pos", assigns=["token.pos", "token.tag"], requires=["token.tag", "token.pos"])
def make_treebank_pos(nlp: Language, name: str) -> TreebankPos:
    """PROPN for a capitalised noun every dictionary reading of which is a name; ``jednak`` by its place."""
    return TreebankPos()

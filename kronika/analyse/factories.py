"""Where kronika's spaCy components are registered: one explicit place."""
from __future__ import annotations

from spacy.language import Language

from .morfeusz import MorfeuszAnalyser
from .sentences import SentenceRules


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
    default_config={"fill": True},
    assigns=["token.is_sent_start"],
)
def make_sentences(nlp: Language, name: str, fill: bool) -> SentenceRules:
    """Rule-based sentence boundaries; ``fill=False`` leaves undecided tokens to a trained model."""
    return SentenceRules(fill=fill)

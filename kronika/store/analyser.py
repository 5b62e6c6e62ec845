"""What ingest needs from the analysis of one article: the :class:`Analysis` and its lemmas.

An *analyser* is a callable ``Article -> Analysed``. Worker processes build one each from an
*analyser factory* (picklable, called once per process), so the model loads once per worker.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from ..model import Analysis, Article


@dataclass(frozen=True)
class Analysed:
    analysis: Analysis
    lemmas: str  # the lower-cased lemma of every word, space-separated, for full-text search


Analyser = Callable[[Article], Analysed]
AnalyserFactory = Callable[[], Analyser]


def lemma_text(lemmas: Iterable[str]) -> str:
    return " ".join(lemma.lower() for lemma in lemmas if lemma.strip())


@dataclass(frozen=True)
class ModelAnalyser:
    """The factory of the real analyser: kronika's pipeline (the shipped model by default)."""

    model: str | Path | None = None

    def __call__(self) -> Analyser:
        from .. import load
        from ..analysis import analyse_articles

        nlp = load(self.model)

        def analyse(article: Article) -> Analysed:
            [(analysis, doc)] = analyse_articles(nlp, [article])
            words = (t.lemma_ or t.text for t in doc if not (t.is_punct or t.is_space))
            return Analysed(analysis, lemma_text(words))

        return analyse

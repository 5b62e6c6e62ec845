"""Scoring kronika against gold data (SPEC §3): one module per task, each returning plain data."""
from __future__ import annotations

from .conll18 import METRICS, Score, evaluate
from .conllu import Sentence, Token, Word, parse_conllu, read_conllu, write_conllu

__all__ = ["METRICS", "Score", "Sentence", "Token", "Word", "evaluate", "parse_conllu", "read_conllu", "write_conllu"]

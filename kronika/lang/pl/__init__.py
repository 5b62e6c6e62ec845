"""Polish language data, kept as data files beside this module and loaded by name.

Each ``*.txt`` file holds one entry a line; a line starting with ``#`` is a comment and blank
lines are skipped. The algorithms that use the lists live in :mod:`kronika.analyse`.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent


def read_list(name: str) -> tuple[str, ...]:
    """The entries of the data file ``name``, in file order (comments and blank lines left out)."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def abbreviations() -> frozenset[str]:
    """Abbreviations written with a final dot, listed without it (``r``, ``m.in``, ``prof``)."""
    return frozenset(read_list("abbreviations.txt"))


@cache
def abbreviations_not_final() -> frozenset[str]:
    """Abbreviations whose dot does not end a sentence even before an upper-case word."""
    return frozenset(read_list("abbreviations_not_final.txt"))


@cache
def agglutinates() -> frozenset[str]:
    """Clitics fused to the word before them that count as words of their own (``em``, ``by``)."""
    return frozenset(read_list("agglutinates.txt"))


@cache
def split_forms() -> frozenset[str]:
    """Lower-cased forms split at the agglutinate though Morfeusz also reads them whole."""
    return frozenset(read_list("split_forms.txt"))


@cache
def agglutinate_patterns() -> tuple[re.Pattern[str], ...]:
    """Patterns that split words unknown to Morfeusz into host, ``by`` and agglutinate."""
    return tuple(re.compile(p, re.IGNORECASE) for p in read_list("agglutinate_patterns.txt"))

from __future__ import annotations

from pathlib import Path

import pytest

from kronika.analyse.pipeline import load

SEED = Path(__file__).resolve().parents[2] / "examples" / "seed.txt"


@pytest.fixture(scope="session")
def nlp():
    return load(rules_only=True)


@pytest.fixture(scope="session")
def tokenize(nlp):
    """The token texts of ``text`` (whitespace tokens left out)."""
    return lambda text: [t.text for t in nlp.make_doc(text) if not t.is_space]


@pytest.fixture(scope="session")
def sentences(nlp):
    """The sentence texts of ``text``, stripped."""
    return lambda text: [s.text.strip() for s in nlp(text).sents]


@pytest.fixture(scope="session")
def seed_doc(nlp):
    return nlp(SEED.read_text(encoding="utf-8"))

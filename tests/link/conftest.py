from __future__ import annotations

import pytest

import kronika
from kronika.link.mentions import NameMention


@pytest.fixture(scope="session")
def rules():
    """Tokenizer, sentences and Morfeusz lemmas: no trained model."""
    return kronika.load(rules_only=True)


@pytest.fixture
def mention():
    """A NameMention over the first occurrence of ``text`` in ``doc`` (after ``after``)."""

    def make(doc, text, kind, base=None, code=None, after=0, country=None):
        start = doc.text.index(text, after)
        span = doc.char_span(start, start + len(text))
        subtype = {"PER": "persName", "ORG": "orgName", "GPE": "placeName_country"}.get(kind, kind)
        return NameMention(span, kind, subtype, base or text, code, country)

    return make

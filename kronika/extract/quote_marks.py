"""Quotation marks and paragraphs on the characters of an article (docs/annotation/quotes.md
§2.1, §4).

Marks pair within one paragraph; a symmetric mark (``"``, ``'``, ``”``) opens or closes by its
spacing, and the mismatched pairs seen in the data (``„…"``) are pairs of
``kronika/lang/pl/quote_marks.txt``. A closing mark with no opening one is kept as an
*orphan*: it stands for a lost opening mark. Everything here works on characters alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lang.pl import quote_marks
from .speech import DASHES

OPEN_BEFORE = frozenset("([/-–—:")  # characters after which a symmetric mark opens
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Marked:
    """Words between a pair of quotation marks: ``start``/``end`` exclude the marks."""

    start: int
    end: int


@cache
def _closers() -> dict[str, frozenset[str]]:
    """Opening mark -> the closing marks it pairs with."""
    pairs: dict[str, set[str]] = {}
    for opening, closing in quote_marks():
        pairs.setdefault(opening, set()).add(closing)
    return {k: frozenset(v) for k, v in pairs.items()}


@cache
def _marks() -> tuple[frozenset[str], frozenset[str]]:
    """All marks, and the closing ones."""
    return frozenset(c for pair in quote_marks() for c in pair), frozenset(pair[1] for pair in quote_marks())


def is_mark(char: str) -> bool:
    return char in _marks()[0]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the paragraphs of ``text`` (separated by blank lines), stripped."""
    ranges, start = [], 0
    for match in [*PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[start:end]
        if chunk.strip():
            ranges.append((start + len(chunk) - len(chunk.lstrip()), start + len(chunk.rstrip())))
        start = match.end() if match else end
    return ranges


def _can_open(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if after.isspace():  # a spaced mark opens only a sentence: ". “ Uwolnienie ..."
        previous = text[start:i].rstrip()[-1:]
        return previous in ("", ".", "?", "!", ":") and text[i + 1 : end].lstrip()[:1].isupper()
    opens_word = after.isalnum() or is_mark(after) or after in "(…[" or text[i + 1 : i + 4] == "..."
    return opens_word and (before.isspace() or before in OPEN_BEFORE or is_mark(before))


def _can_close(text: str, i: int, end: int) -> bool:
    return i + 1 >= end or not text[i + 1].isalnum()


def _apostrophe(text: str, i: int, start: int, end: int) -> bool:
    """An apostrophe inside a word (``Kukiz'15``, ``Charles'a``), not a quotation mark."""
    return text[i] in "'’" and start < i < end - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def find_marked(text: str, start: int, end: int) -> tuple[list[Marked], list[int]]:
    """Quoted stretches in ``text[start:end]`` and the offsets of orphan closing marks."""
    closers, closing = _closers(), _marks()[1]
    stack: list[tuple[str, int]] = []
    spans, orphans = [], []
    for i in range(start, end):
        char = text[i]
        if not is_mark(char) or _apostrophe(text, i, start, end):
            continue
        opener = next((k for k in range(len(stack) - 1, -1, -1) if char in closers.get(stack[k][0], ())), None)
        if char in closing and opener is not None and _can_close(text, i, end):
            spans.append(Marked(stack[opener][1] + 1, i))
            del stack[opener:]
        elif char in closers and _can_open(text, i, start, end):
            stack.append((char, i))
        elif char in closing and _can_close(text, i, end):
            orphans.append(i)
    return sorted(spans, key=lambda m: m.start), orphans


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` without surrounding spaces and dashes, a final ``,`` ``.`` ``;`` ``:``
    (not ``...``), enclosing quotation marks and marks that pair with nothing inside."""
    while True:
        before = (start, end)
        while start < end and (text[start].isspace() or text[start] in DASHES):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in DASHES
                               or (text[end - 1] in ",.;:" and text[end - 3 : end] != "...")):
            end -= 1
        if start < end and (is_mark(text[start]) or is_mark(text[end - 1])):
            spans, _ = find_marked(text, start, end)
            if any(s.start == start + 1 and s.end == end - 1 for s in spans):
                start, end = start + 1, end - 1
            elif is_mark(text[start]) and not any(s.start == start + 1 for s in spans):
                start += 1
            elif is_mark(text[end - 1]) and not any(s.end == end - 1 for s in spans):
                end -= 1
        if (start, end) == before:
            return start, end

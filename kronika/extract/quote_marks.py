"""Direct quotes: quotation marks, dialogue dashes and the reporting clauses after them
(docs/annotation/quotes.md §2.1, §4, §8).

Marks pair within one paragraph; a symmetric mark (``"``, ``'``, ``”``) opens or closes by its
spacing, and the mismatched pairs seen in the data (``„…"``) are pairs of
``kronika/lang/pl/quote_marks.txt``. A closing mark with no opening one is kept as an
*orphan*: it stands for a lost opening mark. Everything here works on characters and tokens,
so it needs no parse.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..lang.pl import quote_marks
from ..model import Article
from .speakers import Speaker, subject
from .speech import (DASHES, SENTENCE_END, Cue, content_clause, is_dash, next_word, previous_word, source_phrase,
                     tag_pos, trailing_report, verb_cue)

OPEN_BEFORE = frozenset("([/-–—:")  # characters after which a symmetric mark opens
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
MIN_WORDS = 1


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


# ---------------------------------------------------------------- the article's layout


@dataclass
class Candidate:
    """A quote before its speaker is known; ``start``/``end`` index the article text."""

    kind: str
    start: int
    end: int
    cue: Cue | None
    words: Span | None  # the speaker's words at the cue
    rule: str
    anchor: int  # where the quote is said, for reading order: the cue, else the text
    speaker: Speaker | None = None
    evidence: tuple[int, int] | None = None


class Layout:
    """Paragraphs, sentences and quotation marks of one analysed article."""

    def __init__(self, doc: Doc, article: Article):
        self.doc = doc
        self.text = doc.text
        self.paragraphs = paragraphs(self.text)
        title = (article.title or "").strip()
        self.title = self.paragraphs[0] if title and self.paragraphs and self.text.lstrip().startswith(title[:40]) else None
        self.marked: list[Marked] = []
        self.orphans: list[int] = []
        for start, end in self.paragraphs:
            spans, orphans = find_marked(self.text, start, end)
            self.marked += [s for s in spans if not any(o.start < s.start and s.end < o.end for o in spans)]
            self.orphans += orphans

    def paragraph(self, char: int) -> tuple[int, int]:
        return next((p for p in self.paragraphs if p[0] <= char <= p[1]), (char, char))

    def token_at(self, char: int) -> Token | None:
        span = self.doc.char_span(char, min(char + 1, len(self.text)), alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def in_title(self, char: int) -> bool:
        return self.title is not None and self.title[0] <= char < self.title[1]

    def marked_at(self, char: int) -> Marked | None:
        """The quoted stretch whose opening mark is at ``char``."""
        return next((m for m in self.marked if m.start - 1 == char), None)

    def candidate(self, kind: str, start: int, end: int, cue: Cue | None, words: Span | None, rule: str) -> Candidate | None:
        """A candidate for ``text[start:end]`` stripped (§4); mixed when indirect with marks."""
        start, end = strip_span(self.text, start, end)
        if len(self.text[start:end].split()) < MIN_WORDS:
            return None
        if kind != "direct" and any(is_mark(c) for c in self.text[start:end]):
            kind = "mixed"
        anchor = cue.words.start_char if cue is not None else start
        return Candidate(kind, start, end, cue, words, rule, anchor)

    def char_range(self, first: int, end: int) -> tuple[int, int]:
        """Character range of tokens [first, end)."""
        last = self.doc[end - 1]
        return self.doc[first].idx, last.idx + len(last.text)


def _report_words(cue: Cue, limit: int) -> Span | None:
    return subject(cue.head, cue.words.start, limit, after_first=True)


# ---------------------------------------------------------------- dialogue turns


def opens_turn(token: Token, paragraph_start: int) -> bool:
    """A dialogue dash that opens a turn: at the paragraph's start or after a sentence's end,
    and not itself a reporting clause (``... Bibi. - powiedział adwokat``)."""
    if not is_dash(token) or trailing_report(token, token.sent.end) is not None:
        return False
    previous = previous_word(token)
    if previous is None or previous.idx < paragraph_start:
        return True
    if previous.is_quote:
        previous = previous_word(previous)
    return previous is not None and previous.text in SENTENCE_END | {":"}


def dash_turns(layout: Layout) -> list[Candidate]:
    """Dialogue turns opened by a dash: up to the dash (or comma) before the reporting clause,
    or bare (no reporting clause: the previous speaker goes on, §2.1)."""
    doc, found = layout.doc, []
    for p_start, p_end in layout.paragraphs:
        span = doc.char_span(p_start, p_end, alignment_mode="expand")
        if span is None:
            continue
        i = span.start
        while i < span.end:
            if opens_turn(doc[i], p_start):
                candidate, i = _turn(layout, i + 1, span.end, p_start)
                found += [candidate] if candidate is not None else []
            else:
                i += 1
    return found


def _turn(layout: Layout, first: int, limit: int, p_start: int) -> tuple[Candidate | None, int]:
    """The turn from token ``first``: its candidate and the token after it."""
    doc = layout.doc
    for j in range(first, limit):
        token = doc[j]
        if j > first and opens_turn(token, p_start):
            return _bare(layout, first, j), j
        if (is_dash(token) or token.text == ",") and j > first:
            cue = trailing_report(token, token.sent.end)
            if cue is not None:
                end = token.sent.end
                words = _report_words(cue, end)
                return layout.candidate("direct", doc[first].idx, token.idx, cue, words, "turn"), end
        if token.text in SENTENCE_END and _starts_other_quote(doc, j + 1, limit) and not _closed_later(doc, j + 1, limit, p_start):
            return _bare(layout, first, j + 1), j + 1
    return _late_report(layout, first, limit) or _bare(layout, first, limit), limit


def _bare(layout: Layout, first: int, end: int) -> Candidate | None:
    if end <= first:
        return None
    return layout.candidate("direct", *layout.char_range(first, end), None, None, "bare")


def _starts_other_quote(doc: Doc, i: int, limit: int) -> bool:
    """Whether the sentence at token ``i`` reports speech of its own (a speech verb with a
    content clause, a source phrase, ``Jak podał X``)."""
    while i < limit and doc[i].is_space:
        i += 1
    if i >= limit:
        return False
    sentence = doc[i].sent
    for token in sentence:
        if token.i >= limit:
            break
        cue = verb_cue(token)
        if cue is not None and (content_clause(cue, sentence.end) or previous_word(token).lower_ == "jak"):
            return True
        if source_phrase(doc, token.i) is not None:
            return True
    return False


def _closed_later(doc: Doc, i: int, limit: int, p_start: int) -> bool:
    """Whether a reporting clause later in the paragraph, before any new turn, closes the turn:
    speech reported on the way belongs to it (§3.8: ``Czyż to nie Davis powiedział: ...? ... -
    wspominał Tusk``)."""
    for token in doc[i:limit]:
        if opens_turn(token, p_start):
            return False
        if is_dash(token) and trailing_report(token, token.sent.end) is not None:
            return True
    return False


def _late_report(layout: Layout, first: int, limit: int) -> Candidate | None:
    """A reporting clause that lost its dash or comma at the turn's end (``... pisała X.``)."""
    doc = layout.doc
    last = doc[limit - 1].sent
    for token in last:
        if not first < token.i < limit:
            continue
        cue = verb_cue(token)
        if cue is None or tag_pos(cue.head) == "pcon" or content_clause(cue, last.end) is not None:
            continue
        tail = [t for t in doc[cue.words.end : last.end] if not t.is_punct and not t.is_space]
        if 0 < len(tail) <= 5 and any(t.pos_ == "PROPN" or t.ent_type_ for t in tail):
            return layout.candidate("direct", doc[first].idx, token.idx, cue, _report_words(cue, last.end), "turn")
    return None


# ---------------------------------------------------------------- quoted sentences


def marked_quotes(layout: Layout) -> list[Candidate]:
    """Quoted stretches with a reporting clause after the closing mark (``„...” – zapowiedziało
    TLP``), split where a reporting clause interrupts them (``„A – mówi X. – B”``: two quotes)."""
    found = []
    for marked in layout.marked:
        opening, close = layout.token_at(marked.start - 1), layout.token_at(marked.end)
        if opening is None or close is None:
            continue
        after = next_word(close)
        cue = trailing_report(after, after.sent.end) if after is not None and (is_dash(after) or after.text == ",") else None
        parts = _interrupted(layout, opening.i + 1, close.i)
        if cue is None and not parts:
            continue
        start = parts[-1].evidence[1] if parts else marked.start
        words = _report_words(cue, cue.words.sent.end) if cue is not None else None
        tail = layout.candidate("direct", start, marked.end, cue, words, "marks" if cue else "bare")
        found += parts + ([tail] if tail is not None else [])
    return found


def _interrupted(layout: Layout, first: int, limit: int) -> list[Candidate]:
    """The parts of a quoted stretch before each interrupting ``– mówi X.``."""
    doc, parts, start, j = layout.doc, [], first, first
    while j < limit:
        token = doc[j]
        cue = trailing_report(token, min(token.sent.end, limit)) if is_dash(token) and j > start else None
        if cue is None:
            j += 1
            continue
        end = min(token.sent.end, limit)
        candidate = layout.candidate("direct", doc[start].idx, token.idx, cue, _report_words(cue, end), "marks")
        if candidate is not None:
            candidate.evidence = layout.char_range(start, end)
            parts.append(candidate)
        start = j = end
    return parts


def colon_quote(layout: Layout, cue: Cue, first: int, sentence: Span) -> Candidate | None:
    """``powiedziała: ...``: the quoted stretch after the colon, else up to a lone closing
    mark (a lost opening one), else to the sentence's end. A dash turn is left to
    :func:`dash_turns`."""
    doc = layout.doc
    while first < len(doc) and doc[first].is_space:
        first += 1
    if first >= len(doc) or is_dash(doc[first]):
        return None
    start = doc[first].idx
    marked = layout.marked_at(start)
    if marked is not None:
        return layout.candidate("direct", marked.start, marked.end, cue, None, "colon")
    paragraph_end = layout.paragraph(start)[1]
    orphan = next((o for o in layout.orphans if start < o < paragraph_end), None)
    end = orphan if orphan is not None else layout.char_range(sentence.start, sentence.end)[1]
    return layout.candidate("direct", start, end, cue, None, "colon")


def title_quotes(layout: Layout) -> list[Candidate]:
    """Quoted sentences in the title with no reporting clause: their speaker comes from the
    body quote they repeat (§8.1)."""
    if layout.title is None:
        return []
    found = []
    for marked in layout.marked:
        if layout.in_title(marked.start):
            candidate = layout.candidate("direct", marked.start, marked.end, None, None, "title")
            found += [candidate] if candidate is not None and len(layout.text[marked.start:marked.end].split()) > 1 else []
    return found

"""An article's layout for the quote rules: paragraphs, title, quotation marks, and the
:class:`Candidate` each rule proposes before its speaker is known."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..model import Article
from .quote_marks import Marked, find_marked, is_mark, paragraphs, strip_span
from .speech import Cue

if TYPE_CHECKING:
    from .speaker_discourse import Speaker

MIN_WORDS = 1


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

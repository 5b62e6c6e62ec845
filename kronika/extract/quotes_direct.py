"""Direct quotes (docs/annotation/quotes.md §2.1, §4, §8): dialogue turns opened by a dash,
quoted stretches with a reporting clause after the closing mark (split where a reporting clause
interrupts them), a colon after a speech verb, and quoted sentences in the title."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .quote_layout import Candidate, Layout
from .speaker_words import subject
from .speech import (SENTENCE_END, Cue, content_clause, is_dash, next_word, previous_word, source_phrase, tag_pos,
                     trailing_report, verb_cue)


def _report_words(cue: Cue, limit: int) -> Span | None:
    return subject(cue.finite, cue.words.start, limit, after_first=True, trailing=True)


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

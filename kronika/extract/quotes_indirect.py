"""Indirect and mixed quotes (docs/annotation/quotes.md §2.2, §2.3, §4): a speech verb or noun
with a content clause (``powiedział, że ...``, ``wezwała, by ...``, ``obietnicę, że ...``),
source phrases (``Według X, ...``, ``Ich zdaniem ...``), ``Jak podał X, ...`` and trailing
reporting clauses without an opening dash (``... - podaje BBC.``)."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .quote_layout import Candidate, Layout
from .quotes_direct import colon_quote
from .speaker_words import DEMONSTRATIVES, RELATIVES, SUBORDINATORS, cue_words, source_words, subject
from .speech import (SENTENCE_END, WORDS, Cue, content_clause, is_dash, is_verb, noun_cue, previous_word, source_phrase,
                     tag, trailing_report, verb_cue)

CONNECTIVES, ADVERSATIVES, FIRST_PERSON = WORDS["connective"], WORDS["adversative"], WORDS["first_person"]
COORDINATORS = WORDS["coordinator"]


# ---------------------------------------------------------------- content clauses


def clause_quotes(layout: Layout) -> list[Candidate]:
    """A speech verb or noun with a content clause: ``powiedział, że ...``, ``wezwała, by ...``,
    ``obietnicę, że ...``, ``pyta: „...”``."""
    doc, found = layout.doc, []
    for token in doc:
        cue = verb_cue(token) or noun_cue(token)
        if cue is None:
            continue
        sentence = token.sent
        clause = content_clause(cue, sentence.end)
        if clause is None or clause.start >= sentence.end:
            continue
        if clause.marker == ":":
            candidate = colon_quote(layout, cue, clause.start, sentence)
        else:
            end = content_end(layout, clause.start, sentence.end)
            candidate = layout.candidate("indirect", doc[clause.start].idx, end, cue, None, "clause")
        if candidate is not None:
            candidate.words = cue_words(cue, clause.start)
            found.append(candidate)
    return found


def content_end(layout: Layout, start: int, limit: int) -> int:
    """Where content from token ``start`` ends: the sentence's end, or before a trailing
    ``- podał X``, a new speech verb with a clause of its own (``, dodając, że``, ``i zapytała:``)
    or the reporter's comment on the whole clause (``, co jest niemożliwe``, §4)."""
    doc = layout.doc
    for token in doc[start:limit]:
        if is_dash(token) and trailing_report(token, limit) is not None:
            return token.idx
        if token.text == "," or (token.lower_ in COORDINATORS and token.i > start):
            verb = doc[token.i + 1] if token.i + 1 < limit else None
            if verb is not None and verb.lower_ in COORDINATORS and token.text == ",":
                verb = doc[verb.i + 1] if verb.i + 1 < limit else None
            cue = verb_cue(verb) if verb is not None else None
            if cue is not None and content_clause(cue, limit) is not None:
                return token.idx
        if token.text == "," and _comment(doc, token, limit):
            return token.idx
    return layout.char_range(limit - 1, limit)[1]


def _comment(doc: Doc, comma: Token, limit: int) -> bool:
    """``, co jest ...`` after a whole clause (not ``tego, co słyszę``)."""
    if comma.i + 2 >= limit or doc[comma.i + 1].lower_ != "co" or not is_verb(doc[comma.i + 2]):
        return False
    return comma.i > 0 and doc[comma.i - 1].lower_ not in DEMONSTRATIVES


# ---------------------------------------------------------------- source phrases and "jak"


def source_quotes(layout: Layout) -> list[Candidate]:
    """``Według X, ...``, ``zdaniem X ...``, ``Ich zdaniem ...``, ``W jego opinii ...``: the rest
    of the clause, or the whole sentence when the phrase sits inside it (§4)."""
    doc, found = layout.doc, []
    for token in doc:
        cue = source_phrase(doc, token.i)
        if cue is None or (token.i > 0 and source_phrase(doc, token.i - 1) is not None):
            continue
        sentence = token.sent
        words = source_words(cue, sentence.end)
        if words is None:
            continue
        first = _skip_aside(doc, max(words.end, cue.words.end), sentence.end)
        if first >= sentence.end:
            continue
        start, end = _source_content(layout, cue, words, first, sentence)
        candidate = layout.candidate("indirect", start, end, cue, words, "source")
        found += [candidate] if candidate is not None else []
    return found


def _skip_aside(doc: Doc, i: int, limit: int) -> int:
    """Past a comma and a relative aside after the source (``, na których powołuje się agencja,``)."""
    while i < limit and (doc[i].text == "," or doc[i].is_space):
        i += 1
    window = [t.lower_ for t in doc[i : i + 2]]
    if any(w in RELATIVES or w.startswith("któr") for w in window):
        comma = next((t.i for t in doc[i:limit] if t.text == ","), None)
        if comma is not None:
            return _skip_aside(doc, comma + 1, limit)
    return i


def _source_content(layout: Layout, cue: Cue, words: Span, first: int, sentence: Span) -> tuple[int, int]:
    doc = layout.doc
    end = content_end(layout, first, sentence.end)
    phrase_start = min(cue.words.start, words.start)
    previous = previous_word(doc[phrase_start]) if phrase_start > sentence.start else None
    if previous is not None and previous.lower_ in SUBORDINATORS:  # która jego zdaniem "..."
        stop = next((t.idx for t in doc[first : sentence.end] if t.text == "," and t.i + 1 < sentence.end
                     and doc[t.i + 1].lower_ in ADVERSATIVES), end)
        return doc[first].idx, stop
    lead = [t for t in doc[sentence.start : phrase_start] if not t.is_punct and not t.is_space]
    inside = previous is not None and previous.text != "," and not is_dash(previous) and previous.lower_ not in CONNECTIVES
    if lead and inside and not all(t.lower_ in CONNECTIVES for t in lead):
        return sentence.start_char, end  # the attribution inside the content stays in it
    return doc[first].idx, end


def jak_quotes(layout: Layout) -> list[Candidate]:
    """``Jak podaje X, ...`` and ``Jednak - jak dodał - ...``: the clause a ``jak`` cue
    introduces (the whole sentence when the cue interrupts its content: ``Banksy - jak
    podkreślono - powinien ...``)."""
    doc, found = layout.doc, []
    for token in doc:
        if token.lower_ != "jak" or token.i + 1 >= len(doc):
            continue
        cue = verb_cue(doc[token.i + 1])
        sentence = token.sent
        if cue is None or content_clause(cue, sentence.end) is not None:
            continue
        previous = previous_word(token) if token.i > sentence.start else None
        between = previous is not None and is_dash(previous)
        if previous is not None and not between and previous.text != "," and previous.lower_ not in CONNECTIVES:
            continue
        stop = next((t.i for t in doc[cue.words.end : sentence.end] if t.text == "," or is_dash(t)), None)
        words = subject(cue.head, cue.words.end, stop if stop is not None else sentence.end, after_first=True)
        if stop is None:
            stop = words.end if words is not None else cue.words.end
        first = stop + (stop < sentence.end and (doc[stop].text == "," or is_dash(doc[stop])))
        if first >= sentence.end:
            continue
        lead = [t for t in doc[sentence.start : token.i] if not t.is_punct and not t.is_space]
        start = sentence.start_char if between and lead and not all(t.lower_ in CONNECTIVES for t in lead) else doc[first].idx
        candidate = layout.candidate("indirect", start, content_end(layout, first, sentence.end), cue, words, "jak")
        found += [candidate] if candidate is not None else []
    return found


# ---------------------------------------------------------------- trailing reporting clauses


def trailing_quotes(layout: Layout) -> list[Candidate]:
    """A sentence with a trailing reporting clause and no opening dash (``... - podaje BBC.``;
    ``Muszę pozostać przy życiu. - powiedział adwokat``), with the sentences before it in the
    speaker's own voice; direct when it opens its paragraph or speaks in the first person (§6)."""
    doc, found = layout.doc, []
    for token in doc:
        if not is_dash(token):
            continue
        sentence = token.sent
        cue = trailing_report(token, sentence.end)
        if cue is None:
            continue
        p_start = layout.paragraph(token.idx)[0]
        before = previous_word(token)
        if before is None or before.idx < p_start:
            continue
        last = before.sent if before.text in SENTENCE_END else None
        first = (last or sentence).start
        while doc[first].is_space:
            first += 1
        if doc[first].idx < p_start:
            continue
        start = _own_voice_start(layout, doc[first], p_start)
        own = doc.char_span(start, token.idx, alignment_mode="expand")
        kind = "direct" if start <= p_start or first_person(own or doc[first : token.i]) else "indirect"
        words = subject(cue.head, cue.words.start, sentence.end, after_first=True, trailing=True)
        candidate = layout.candidate(kind, start, token.idx, cue, words, "trailing")
        found += [candidate] if candidate is not None else []
    return found


def first_person(span) -> bool:
    return any(t.lower_ in FIRST_PERSON or ":pri:" in tag(t) or ":sec:" in tag(t) for t in span)


def _own_voice_start(layout: Layout, first: Token, p_start: int) -> int:
    """Earlier sentences of the paragraph in the first person, with no cue, join the quote."""
    start, previous = first.idx, first.i - 1
    while previous >= 0:
        before = layout.doc[previous].sent
        if before.start_char < p_start or not first_person(before) or any(verb_cue(t) for t in before):
            break
        start, previous = before.start_char, before.start - 1
    return start

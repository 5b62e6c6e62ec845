"""Stand-alone quotes (docs/annotation/quotes.md §2.4, §8.1): ``Speaker: text`` headlines,
pull-quotes that end with the speaker's name and role, and how titles and pull-quotes take the
speaker of the body quote they repeat."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..evaluate.quotes import overlap
from .quote_layout import Candidate, Layout
from .quotes_indirect import first_person
from .speaker_words import noun_phrase
from .speakers import Speakers
from .speech import SENTENCE_END, WORDS, Cue, is_speech_noun, is_verb, tag, tag_pos, verb_cue

PULL_QUOTE_OVERLAP = 0.6
TITLE_QUOTE_OVERLAP = 0.3
HEADLINE_SPEAKER_WORDS = 8


def headline_quotes(layout: Layout, speakers: Speakers) -> list[Candidate]:
    """``Speaker: text`` headlines (``Terlikowski: Pamiętajmy o męczennikach``); not a label
    (``Pakistan: ...``, ``Brexit: ...``), and not a speech word before the colon (a clause)."""
    if layout.title is None:
        return []
    doc = layout.doc
    title = doc.char_span(*layout.title, alignment_mode="expand")
    colon = next((t for t in title if t.text == ":"), None) if title is not None else None
    if colon is None or colon.i - title.start > HEADLINE_SPEAKER_WORDS or colon.i + 1 >= title.end:
        return []
    if any(verb_cue(t) or is_speech_noun(t) for t in doc[title.start : colon.i]):
        return []
    head = next((t for t in doc[title.start : colon.i] if _speaker_like(t, speakers)), None)
    if head is None:
        return []
    cue = Cue(doc[colon.i : colon.i + 1], ":", "colon")
    words = noun_phrase(head, title.start, colon.i)
    said = doc[colon.i + 1 : title.end]
    own_voice = first_person(said) or any(tag_pos(t) == "impt" for t in said)  # Pamiętajmy o ... (§6)
    candidate = layout.candidate("direct" if own_voice else "indirect", doc[colon.i + 1].idx, layout.title[1], cue, words, "headline")
    return [candidate] if candidate is not None else []


def _speaker_like(token: Token, speakers: Speakers) -> bool:
    hit = speakers.entity_at(token)
    if hit is not None:
        return hit[0].type in ("PER", "ORG")
    return tag_pos(token) == "subst" and (":m1" in tag(token) or token.lemma_.lower() in WORDS["institution"])


def pull_quotes(layout: Layout, speakers: Speakers) -> list[Candidate]:
    """A stand-alone paragraph that ends with a person's name (and role) and has no verb of
    speech: a pull-quote (``Środki podjęte ... Władimir Putin, prezydent Rosji``)."""
    doc, found = layout.doc, []
    for p_start, p_end in layout.paragraphs:
        span = doc.char_span(p_start, p_end, alignment_mode="expand")
        if span is None or (layout.title is not None and p_start == layout.title[0]):
            continue
        name = _closing_name(span, speakers)
        if name is not None and not any(verb_cue(t) for t in doc[span.start : name.start]):
            candidate = layout.candidate("direct", p_start, name.start_char, None, name, "pull")
            found += [candidate] if candidate is not None else []
    return found


def _closing_name(paragraph: Span, speakers: Speakers) -> Span | None:
    """``Name Surname[, role]`` closing a paragraph with no sentence end before it."""
    doc = paragraph.doc
    for token in paragraph:
        hit = speakers.entity_at(token)
        if hit is None or hit[0].type != "PER" or hit[1].start != token.i or token.i == paragraph.start:
            continue
        rest = [t for t in doc[hit[1].end : paragraph.end] if not t.is_space]
        before = doc[paragraph.start : hit[1].start].text.rstrip()
        if (rest and rest[0].text != ",") or len(rest) > 6 or any(is_verb(t) or t.text in SENTENCE_END for t in rest):
            continue
        return None if before[-1:] in SENTENCE_END | {":"} else doc[hit[1].start : paragraph.end]
    return None


def from_body(layout: Layout, speakers: Speakers, candidates: list[Candidate]) -> list[Candidate]:
    """Title quotes take the speaker of the body quote they repeat; a pull-quote merges into it
    (its speaker where the body quote has none), or stands alone with its own."""
    body = [c for c in candidates if c.rule not in ("title", "pull") and c.speaker is not None]
    kept = []
    for candidate in candidates:
        text = layout.text[candidate.start : candidate.end]
        twin = max(body, key=lambda c: overlap(layout.text[c.start : c.end], text), default=None)
        similar = overlap(layout.text[twin.start : twin.end], text) if twin is not None else 0.0
        if candidate.rule == "title":
            candidate.speaker = twin.speaker if similar >= TITLE_QUOTE_OVERLAP else None
        elif candidate.rule == "pull":
            speaker = speakers.resolve(candidate.words, candidate.anchor, None)
            if similar >= PULL_QUOTE_OVERLAP:
                twin.evidence = (min(candidate.start, twin.start), max(candidate.end, twin.end))
                if twin.cue is None or not twin.speaker.person:
                    twin.speaker = speaker
                continue
            candidate.speaker = speaker
        if candidate.speaker is not None:
            kept.append(candidate)
    return kept

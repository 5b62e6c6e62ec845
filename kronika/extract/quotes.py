"""Quotations and their speakers (issue 5): who said what, with every speaker resolved.

Follows the annotation guide ``docs/annotation/quotes.md``. Candidates come from small
independent rules over the analysed Doc:

- direct quotes: dialogue turns, quoted sentences with their reporting clause, quoted titles
  (:mod:`.quote_marks`);
- indirect and mixed quotes (this module): a speech verb or noun with a content clause,
  source phrases (``według X``), ``jak podał X, ...``, trailing ``- podaje X`` clauses and
  ``Speaker: text`` headlines;

then overlaps are settled (speech reported inside a quote belongs to it), speakers are resolved
in reading order (:mod:`.speakers`), and title quotes and pull-quotes take the speaker of the
body quote they repeat. Cues come from :mod:`.speech`. Only the subjects use the parse, and
they fall back to the surface where it is missing or disagrees with the morphology.
"""
from __future__ import annotations

import logging

from spacy.tokens import Doc, Span, Token

from ..evaluate.quotes import overlap
from ..model import Article, Entity, Quote
from .quote_marks import Candidate, Layout, colon_quote, dash_turns, marked_quotes, title_quotes
from .speakers import COORDINATORS, DEMONSTRATIVES, PRONOUNS, RELATIVES, Speakers, noun_phrase, subject
from .speech import (POSSESSIVES, SENTENCE_END, WORDS, Cue, content_clause, is_dash, is_speech_noun, is_verb, noun_cue,
                     previous_word, readings, source_phrase, tag, tag_pos, trailing_report, verb_cue)

log = logging.getLogger(__name__)

CONNECTIVES, ADVERSATIVES, FIRST_PERSON = WORDS["connective"], WORDS["adversative"], WORDS["first_person"]
SUBORDINATORS = RELATIVES | WORDS["subordinator"]
NARRATIVE_TAGS = frozenset({"fin", "praet", "bedzie", "winien"})
PULL_QUOTE_OVERLAP = 0.6
TITLE_QUOTE_OVERLAP = 0.3
HEADLINE_SPEAKER_WORDS = 8


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
            candidate.words = _cue_words(cue, clause.start)
            found.append(candidate)
    return found


def _cue_words(cue: Cue, clause_start: int) -> Span | None:
    doc, head = cue.words.doc, cue.head
    if cue.kind == "noun":
        if cue.words[0].lemma_ in WORDS["support_verb"]:
            return clause_subject(cue.words[0])
        after = cue.words.end
        return noun_phrase(doc[after], after, clause_start) if after < clause_start and _genitive(doc[after]) else None
    if tag_pos(head) in ("pcon", "pant"):  # dodając, że ...: the subject of the clause it hangs on
        main = next((t for t in reversed(doc[head.sent.start : head.i]) if is_verb(t) and tag_pos(t) != "pcon"), None)
        return clause_subject(main) if main is not None else None
    if previous_word(cue.words[0]) is not None and previous_word(cue.words[0]).lower_ in COORDINATORS:
        return None  # ..., że A i zapytała: the subject of the first verb, said before
    return clause_subject(head, clause_start)


def clause_subject(verb: Token, hi: int | None = None) -> Span | None:
    """The subject of ``verb``: before it in its clause, else in the main clause of its sentence
    (skipping relative clauses: ``Sędzia X, który przewodniczył rozprawie, ... zacytował``),
    else after it (``powiedziała rzeczniczka ...``)."""
    sentence, lo = verb.sent, _clause_start(verb)
    hi = hi if hi is not None else _clause_end(verb)
    words = subject(verb, lo, hi, after=False)
    if words is None and lo > sentence.start:
        words = subject(verb, sentence.start, verb.i, skip=_subordinate(sentence, verb.i), after=False)
    return words if words is not None else subject(verb, lo, hi, after_first=True)


def _subordinate(sentence: Span, upto: int) -> set[int]:
    """Token indices before ``upto`` inside comma-delimited relative or subordinate clauses."""
    inside, skipping = set(), False
    for token in sentence:
        if token.i >= upto:
            break
        if token.text == ",":
            following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
            skipping = following is not None and following.lower_ in SUBORDINATORS
        if skipping:
            inside.add(token.i)
    return inside


def _genitive(token: Token) -> bool:
    """Tagged genitive (without a tagger: with a genitive reading), or a proper name."""
    tags = [token.tag_] if token.tag_ else [r.tag for r in readings(token)]
    return token.pos_ == "PROPN" or any(len(t.split(":")) > 2 and t.split(":")[2] == "gen" for t in tags)


def _clause_start(token: Token) -> int:
    """The first token of the clause ``token`` is in (after a comma, dash or complementizer)."""
    doc, i = token.doc, token.i
    while i > token.sent.start:
        previous = doc[i - 1]
        if previous.text in {",", ";", ":"} or is_dash(previous) or previous.lower_ in ("że", "iż"):
            break
        i -= 1
    return i


def _clause_end(token: Token) -> int:
    doc, i = token.doc, token.i + 1
    while i < token.sent.end and doc[i].text not in {",", ";", ":"} and not is_dash(doc[i]):
        i += 1
    return i


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
        words = _source_words(cue, sentence.end)
        if words is None:
            continue
        first = _skip_aside(doc, max(words.end, cue.words.end), sentence.end)
        if first >= sentence.end:
            continue
        start, end = _source_content(layout, cue, words, first, sentence)
        candidate = layout.candidate("indirect", start, end, cue, words, "source")
        found += [candidate] if candidate is not None else []
    return found


def _source_words(cue: Cue, limit: int) -> Span | None:
    """The source a phrase names: a possessive in it (``Ich zdaniem``), a pronoun (``według
    niego``), or the genitive phrase after it (``Według przedstawiciela lotnictwa ...``)."""
    doc = cue.words.doc
    possessive = next((t for t in cue.words if t.lower_ in POSSESSIVES), None)
    if possessive is not None:
        return doc[possessive.i : possessive.i + 1]
    after = cue.words.end
    if after >= limit:
        return None
    if doc[after].lower_ in PRONOUNS:
        return doc[after : after + 1]
    if not _genitive(doc[after]) and tag_pos(doc[after]) not in ("adj", "num"):
        return None
    comma = next((t.i for t in doc[after : min(limit, after + 9)] if t.text == ","), None)
    if comma is not None and not any(is_verb(t) for t in doc[after:comma]):
        return doc[after:comma]
    head = next((t for t in doc[after:limit] if tag_pos(t) not in ("adj", "num")), doc[after])
    return noun_phrase(head, after, limit)


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
        kind = "direct" if start <= p_start or _first_person(own or doc[first : token.i]) else "indirect"
        words = subject(cue.head, cue.words.start, sentence.end, after_first=True)
        candidate = layout.candidate(kind, start, token.idx, cue, words, "trailing")
        found += [candidate] if candidate is not None else []
    return found


def _first_person(span) -> bool:
    return any(t.lower_ in FIRST_PERSON or ":pri:" in tag(t) or ":sec:" in tag(t) for t in span)


def _own_voice_start(layout: Layout, first: Token, p_start: int) -> int:
    """Earlier sentences of the paragraph in the first person, with no cue, join the quote."""
    start, previous = first.idx, first.i - 1
    while previous >= 0:
        before = layout.doc[previous].sent
        if before.start_char < p_start or not _first_person(before) or any(verb_cue(t) for t in before):
            break
        start, previous = before.start_char, before.start - 1
    return start


# ---------------------------------------------------------------- titles and pull-quotes


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
    own_voice = _first_person(said) or any(tag_pos(t) == "impt" for t in said)  # Pamiętajmy o ... (§6)
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


# ---------------------------------------------------------------- settling overlaps


RULE_ORDER = ("headline", "colon", "clause", "marks", "turn", "source", "jak", "trailing", "title", "bare", "pull")
RELAYS = ("trailing", "jak")


def settle(candidates: list[Candidate]) -> list[Candidate]:
    """Drop speech reported inside another quote (§3.8) and relays of a quote found already
    (``Davis zapewnił, że ... - podał "The Times"``), then duplicates of one stretch."""
    nested = set()
    for outer in candidates:
        for inner in candidates:
            if inner is outer or inner.cue is None or not outer.start <= inner.cue.words.start_char < outer.end:
                continue
            if outer.start <= inner.start and inner.end <= outer.end + 1:
                relay = outer.rule in RELAYS and outer.kind != "direct"
                nested.add(id(outer) if relay else id(inner))
    kept: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: RULE_ORDER.index(c.rule)):
        if id(candidate) not in nested and not any(_duplicate(candidate, other) for other in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: (c.start, c.end))


def _duplicate(candidate: Candidate, other: Candidate) -> bool:
    shared = min(candidate.end, other.end) - max(candidate.start, other.start)
    shorter = min(candidate.end - candidate.start, other.end - other.start)
    return shared > 0 and shared >= 0.5 * shorter


# ---------------------------------------------------------------- speakers


def _narrative_verbs(doc: Doc, candidates: list[Candidate]) -> list[Token]:
    """Finite verbs outside the quotes: their subjects are who the article speaks of."""
    inside = [(c.start, c.end) for c in candidates]
    cues = {c.cue.head.i for c in candidates if c.cue is not None}
    return [t for t in doc if tag_pos(t) in NARRATIVE_TAGS and t.i not in cues
            and not any(s <= t.idx < e for s, e in inside)]


def resolve_speakers(layout: Layout, speakers: Speakers, candidates: list[Candidate]) -> None:
    """Speakers in reading order: each quote's, and the subjects of the clauses between them, so
    that a dropped subject (``Dodał, że ...``) finds the last person or organisation spoken of."""
    speakers.quoted = [(c.start, c.end) for c in candidates]
    events = [(c.anchor, c) for c in candidates if c.rule not in ("title", "pull")]
    events += [(t.idx, t) for t in _narrative_verbs(layout.doc, candidates)]
    for position, item in sorted(events, key=lambda event: event[0]):
        if isinstance(item, Candidate):
            verb = item.cue.head if item.cue is not None and item.cue.kind == "verb" else None
            item.speaker = speakers.resolve(item.words, position, verb, quoted_only=item.rule == "bare")
            if item.speaker is not None:
                speakers.remember(position, item.speaker, True)
            continue
        words = clause_subject(item)
        if words is not None and words[0].lower_ not in RELATIVES:
            speaker = speakers.resolve(words, position, item)
            if speaker is not None and (speaker.person or speaker.key != speaker.name):
                speakers.remember(position, speaker, False)
    _name_roles(layout, speakers, [c for c in candidates if c.speaker is not None])


def _name_roles(layout: Layout, speakers: Speakers, candidates: list[Candidate]) -> None:
    """A role description takes the name the article gives its person in the same or the next
    paragraph (§5.3: the name wins), for every quote it speaks."""
    named = {}
    for candidate in candidates:
        key = candidate.speaker.key
        if key not in named:
            paragraphs = [p for p in layout.paragraphs if p[1] >= candidate.anchor][:2]
            limit = paragraphs[-1][1] if paragraphs else candidate.anchor
            named[key] = speakers.named_later(candidate.speaker, candidate.anchor, limit)
        if named[key] is not None:
            candidate.speaker = named[key]


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


def _quote(layout: Layout, candidate: Candidate) -> Quote:
    cue = candidate.cue
    start = min(candidate.start, cue.words.start_char) if cue else candidate.start
    end = max(candidate.end, cue.words.end_char) if cue else candidate.end
    return Quote(
        kind=candidate.kind,
        text=layout.text[candidate.start : candidate.end],
        start=candidate.start,
        end=candidate.end,
        speaker=candidate.speaker.key,
        speaker_name=candidate.speaker.name,
        cue=cue.text if cue else None,
        cue_lemma=cue.lemma if cue else None,
        evidence=candidate.evidence or (start, end),
    )


def find_candidates(layout: Layout, speakers: Speakers) -> list[Candidate]:
    """Every rule's candidates, overlaps settled."""
    return settle([
        *headline_quotes(layout, speakers), *clause_quotes(layout), *marked_quotes(layout),
        *dash_turns(layout), *source_quotes(layout), *jak_quotes(layout), *trailing_quotes(layout),
        *title_quotes(layout), *pull_quotes(layout, speakers),
    ])


def quotes_from_doc(doc: Doc, article: Article, entities: list[Entity]) -> list[Quote]:
    """The quotes of one analysed article (offsets into ``article.text``), in reading order.

    Needs sentence boundaries (kronika's pipelines always set them, rules-only included); a bare
    tokenizer's Doc gives no quotes."""
    if not doc.has_annotation("SENT_START"):
        log.warning("no sentence boundaries in the Doc of %s: no quotes extracted", article.id)
        return []
    layout, speakers = Layout(doc, article), Speakers(doc, entities)
    candidates = find_candidates(layout, speakers)
    resolve_speakers(layout, speakers, candidates)
    candidates = from_body(layout, speakers, candidates)
    return [_quote(layout, c) for c in candidates if c.speaker is not None]

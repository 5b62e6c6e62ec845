"""Quotations and their speakers (issue 5): who said what, with every speaker resolved.

Follows the annotation guide ``docs/annotation/quotes.md``. Candidates come from small
independent rules over the analysed Doc:

- direct quotes: dialogue turns, quoted sentences with their reporting clause, a colon after a
  speech verb, quoted titles (:mod:`.quotes_direct`);
- indirect and mixed quotes: a speech verb or noun with a content clause, source phrases
  (``według X``), ``jak podał X, ...`` and trailing ``- podaje X`` clauses
  (:mod:`.quotes_indirect`);
- stand-alone quotes: ``Speaker: text`` headlines and pull-quotes (:mod:`.quotes_titles`);

then overlaps are settled here (speech reported inside a quote belongs to it, a medium relaying
speech is no speaker of it), speakers are resolved in reading order (:mod:`.speaker_discourse`,
:mod:`.speakers`), and title quotes and pull-quotes take the speaker of the body quote they
repeat. Cues come from :mod:`.speech`, the quote layout from :mod:`.quote_layout`.

Across a batch of articles (:func:`speakers_across`), a role left as a description in one
article (``Premier Pakistanu zapewnił, że ...``) takes the person that another article of
nearby date binds the same role to (``premier Pakistanu Imran Khan``), when this article names
that person too.
"""
from __future__ import annotations

import logging
from datetime import date as Date
from typing import Sequence

from spacy.tokens import Doc

from ..lang.pl import speech_media_nouns
from ..model import Analysis, Article, Entity, Quote
from .quote_layout import Candidate, Layout
from .quotes_direct import dash_turns, marked_quotes, title_quotes
from .quotes_indirect import clause_quotes, jak_quotes, source_quotes, trailing_quotes
from .quotes_titles import from_body, headline_quotes, pull_quotes
from .speaker_discourse import resolve_speakers
from .speakers import Speakers

log = logging.getLogger(__name__)

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
                relay = (outer.kind != "direct" or inner.rule == "clause") and (
                    outer.rule in RELAYS or outer.rule == "source" and _medium(outer.words))  # X zapewnił, że ... - podał "The Times"
                nested.add(id(outer) if relay else id(inner))
    kept: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: RULE_ORDER.index(c.rule)):
        if id(candidate) not in nested and not any(_duplicate(candidate, other) for other in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: (c.start, c.end))


def _medium(words) -> bool:
    """Source words headed by a medium (``Według agencji AP, władze informowały, że ...``: the
    agency relays the authorities' words)."""
    return words is not None and any(t.lemma_.lower() in speech_media_nouns() for t in words[:2])


def _duplicate(candidate: Candidate, other: Candidate) -> bool:
    shared = min(candidate.end, other.end) - max(candidate.start, other.start)
    shorter = min(candidate.end - candidate.start, other.end - other.start)
    return shared > 0 and shared >= 0.5 * shorter


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


# ---------------------------------------------------------------- across articles

ROLE_DAYS = 30  # how far apart in time two articles may be for one to bind a role for the other


def speakers_across(analyses: Sequence[Analysis], *, days: int = ROLE_DAYS) -> list[Analysis]:
    """The analyses with role speakers resolved by the batch (new objects where one changes).

    A quote whose speaker is a description (``premier Pakistanu``) takes the person whom the
    entity groups of another article, dated within ``days``, bind the same role to (a role
    mention with the same words), if that is one person and this article names them too (the
    same surname); the speaker is then this article's entity for them. Articles without a day
    date give and take no evidence."""
    bound: dict[str, list[RoleEvidence]] = {}
    for analysis in analyses:
        when = day(analysis.article.date)
        for entity in analysis.entities if when else ():
            for mention in entity.mentions:
                if entity.type == "PER" and mention.kind == "role" and mention.base:
                    bound.setdefault(mention.base.casefold(), []).append((when, analysis.article.id, entity.name))
    return [resolve_roles(a, bound, days=days) for a in analyses]


RoleEvidence = tuple[Date, str, str]  # (the article's day, the article's id, the person's name)


def role_speakers(analysis: Analysis) -> set[str]:
    """The descriptions that some quotes of the analysis have as their speaker, as written."""
    entities = {e.id for e in analysis.entities}
    return {q.speaker_name for q in analysis.quotes if q.speaker not in entities and q.speaker_name}


def resolve_roles(analysis: Analysis, bound: dict[str, list[RoleEvidence]], *, days: int = ROLE_DAYS) -> Analysis:
    """The analysis with its role speakers resolved by ``bound`` (role -> who other articles bind
    it to), as :func:`speakers_across` explains."""
    when = day(analysis.article.date)
    entities = {e.id for e in analysis.entities}
    people = [e for e in analysis.entities if e.type == "PER" and e.name.split()]
    quotes, changed = [], False
    for quote in analysis.quotes:
        role = (quote.speaker_name or "").casefold()
        if when is None or quote.speaker in entities or role not in bound:
            quotes.append(quote)
            continue
        names = {name for other, article, name in bound[role] if article != analysis.article.id and abs((other - when).days) <= days}
        surnames = {n.split()[-1].casefold() for n in names}
        found = [e for e in people if e.name.split()[-1].casefold() in surnames]
        if len(surnames) == 1 and len(found) == 1:
            person = found[0]
            quote = quote.model_copy(update={"speaker": person.id, "speaker_name": person.name})
            changed = True
        quotes.append(quote)
    return analysis.model_copy(update={"quotes": quotes}) if changed else analysis


def day(value: str | None) -> Date | None:
    """The day an ISO date names, or None for a date less precise than a day."""
    try:
        return Date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None

"""Speakers from the discourse (docs/annotation/quotes.md §5.4): the article is read in order,
and every quote's speaker and every subject of a clause between the quotes is remembered, so
that

- a dropped subject (``Dodał, że ...``, ``- ... - powiedziała.``) or a pronoun (``jak
  powiedział``, ``one odpowiedziały``) is the last one spoken of that fits the verb's gender and
  number (one of several coordinated speakers when the verb is singular: ``Listhaug i Raja
  sugerują ... - powiedziała`` is Listhaug's);
- a short role (``Ekspert dodaje``, ``- dodał mężczyzna``) is the person just spoken of;
- a role description takes the name the article gives its person soon after (``Premier Walii
  ... mówił ... - tłumaczył Carwyn Jones``; §5.3: the name wins).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from .quote_layout import Candidate, Layout
from .speaker_morphology import same_gender
from .speaker_words import RELATIVES, clause_subject
from .speech import tag_pos

if TYPE_CHECKING:
    from .speakers import Speakers

NARRATIVE_TAGS = frozenset({"fin", "praet", "bedzie", "winien"})
RECENT = 3  # a short role may refer to a person among the last RECENT spoken of
NAMED_WITHIN = 3  # paragraphs (the quote's included) in which a role description may be named
LOOKBACK = 3  # events to look back for a speaker of the verb's gender before one of unknown gender


@dataclass(frozen=True)
class Speaker:
    key: str  # entity id, or the description
    name: str  # base-form name or description
    person: bool
    gender: str | None = None  # m, f, n, pl
    head: str = ""  # a description's head lemma
    description: bool = False  # a definite description (a role the article may name later)
    members: tuple[Speaker, ...] = ()  # the speakers of a coordination (Listhaug i Raja)


class History:
    """Who the article has spoken of, in reading order: ``(position, speaker, quoted)``."""

    def __init__(self):
        self.events: list[tuple[int, Speaker, bool]] = []

    def remember(self, position: int, speaker: Speaker, quoted: bool) -> None:
        self.events.append((position, speaker, quoted))
        self.events.sort(key=lambda event: event[0])

    def previous(self, position: int, gender: str | None, *, quoted_only: bool = False, person: bool = False) -> Speaker | None:
        """The last speaker (or, unless ``quoted_only``, subject) before ``position`` of ``gender``;
        one of unknown gender only when none of ``gender`` comes within ``LOOKBACK`` events. A
        coordination answers a singular verb with its one member of that gender."""
        unknown = None
        events = [e for e in self.events if e[0] <= position and (e[2] or not quoted_only) and (e[1].person or not person)]
        for n, (_, speaker, _) in enumerate(reversed(events)):
            member = _member(speaker, gender)
            if member is not None:
                return member
            if not gender or (speaker.gender and same_gender(gender, speaker.gender)):
                return speaker
            if speaker.gender is None and unknown is None:
                unknown = speaker
            if unknown is not None and n >= LOOKBACK:
                break
        return unknown

    def previous_person(self, position: int, gender: str | None, *, quoted_only: bool = False) -> Speaker | None:
        """The dropped subject of a verb of saying, or the speaker of a quote with no verb: the
        last person (a name or a person role) before ``position`` agreeing with the verb's gender
        and number (any, without a verb), even past an organisation or a thing of that gender
        (``... rząd przyjął budżet. Zapowiedział ...`` is the minister's); the last one spoken of
        (:meth:`previous`) when no such person was spoken of."""
        for where, speaker, quoted in reversed(self.events):
            if where > position or (quoted_only and not quoted) or not speaker.person:
                continue
            member = _member(speaker, gender)
            if member is not None:
                return member
            if not gender or (speaker.gender and same_gender(gender, speaker.gender)):
                return speaker
        return self.previous(position, gender, quoted_only=quoted_only)

    def recent(self, speaker: Speaker, position: int) -> bool:
        return speaker.key in [s.key for where, s, _ in self.events if where <= position][-RECENT:]

    def next_person(self, speaker: Speaker, position: int, limit: int) -> Speaker | None:
        """The first other person spoken of after ``position`` and before ``limit``."""
        return next((s for where, s, _ in self.events if position < where < limit and s.person and s.key != speaker.key), None)


def _member(speaker: Speaker, gender: str | None) -> Speaker | None:
    """The one member of a coordination of a singular ``gender`` (m or f)."""
    if gender not in ("m", "f") or not speaker.members:
        return None
    fitting = [m for m in speaker.members if m.gender == gender]
    return fitting[0] if len(fitting) == 1 else None


# ---------------------------------------------------------------- reading order


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
            verb = item.cue.finite if item.cue is not None and item.cue.kind == "verb" else None
            item.speaker = speakers.resolve(item.words, position, verb, quoted_only=item.rule == "bare")
            if item.speaker is not None:
                speakers.history.remember(position, item.speaker, True)
            continue
        words = clause_subject(item)
        if words is not None and words[0].lower_ not in RELATIVES:
            speaker = speakers.resolve(words, position, item)
            if speaker is not None and (speaker.person or speaker.key != speaker.name or speakers.institution(speaker)):
                speakers.history.remember(position, speaker, False)
    name_roles(layout, speakers, [c for c in candidates if c.speaker is not None])


def name_roles(layout: Layout, speakers: Speakers, candidates: list[Candidate]) -> None:
    """A role description takes the name the article gives its person in the same or the next
    paragraph (§5.3: the name wins), for every quote it speaks."""
    named = {}
    for candidate in candidates:
        key = candidate.speaker.key
        if named.get(key) is None:
            paragraphs = [p for p in layout.paragraphs if p[1] >= candidate.anchor][:NAMED_WITHIN]
            limit = paragraphs[-1][1] if paragraphs else candidate.anchor
            named[key] = named_later(speakers, candidate.speaker, candidate.anchor, limit)
        if named[key] is not None:
            candidate.speaker = named[key]


def named_later(speakers: Speakers, speaker: Speaker, position: int, limit: int) -> Speaker | None:
    """The person a role description stands for when the next person the article has speak
    or act, soon after, is named (``Premier Walii ... mówił ... - tłumaczył Carwyn Jones``),
    fits its gender and has no other role (§5.3: the name wins)."""
    if not (speaker.description and speaker.person) or speaker.gender == "pl":
        return None
    later = speakers.history.next_person(speaker, position, limit)
    if later is None or later.description or not same_gender(speaker.gender or "n", later.gender or "n"):
        return None
    surname = later.name.split()[-1].casefold()
    roles = [b.heads for b in speakers.roles.bindings if b.name[-1].text.casefold() == surname or b.name[-1].lemma_.casefold() == surname]
    return None if any(speaker.head not in heads for heads in roles) else later

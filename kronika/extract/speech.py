"""Speech cues: speech verbs, source phrases (``według X``) and speech nouns, and the content
clauses they introduce (docs/annotation/quotes.md §2.2, §4, §7).

Cues are found from token tags and Morfeusz readings, so they do not need a parse; the content
clause is found on the surface (the complementizer after the verb, before any other verb).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..lang.pl import speech_nouns, speech_prepositions, speech_verbs
from .quote_marks import DASHES, is_dash, is_mark

COMPLEMENTIZERS = {"że": "say", "iż": "say", "czy": "say", "aby": "directive", "żeby": "directive", "by": "directive"}
INTERROGATIVES = frozenset({"co", "jak", "gdzie", "kiedy", "dlaczego", "czemu", "kto", "ile", "jaki", "jaka", "jakie", "który", "która", "które"})
VERB_TAGS = frozenset({"fin", "praet", "imps", "impt", "pcon", "inf", "bedzie", "winien", "pant"})
CLAUSE_TAGS = frozenset({"fin", "praet", "imps", "impt", "bedzie", "winien", "pcon", "pant"})
REPORTED_TAGS = frozenset({"fin", "praet", "imps", "pcon", "inf", "pant"})
HEARSAY = frozenset({"mieć"})  # "miała powiedzieć": the infinitive is the cue
NEGATION = "nie"
MAX_GAP = 12  # words between a speech verb and its complementizer
SENTENCE_END = frozenset({".", "?", "!", "…"})


@dataclass(frozen=True)
class Cue:
    """A reporting word or phrase: ``words`` as written, ``head`` the token it hangs on."""

    words: Span
    lemma: str
    kind: str  # verb, source, noun, colon
    verb_class: str | None = None

    @property
    def head(self) -> Token:
        return self.words[0] if self.kind != "verb" else next(t for t in self.words if t.lower_ != "się")

    @property
    def text(self) -> str:
        return self.words.text


def tag_pos(token: Token) -> str:
    return token.tag_.split(":", 1)[0] if token.tag_ else ""


def _morfeusz(token: Token):
    return token._.morfeusz if Token.has_extension("morfeusz") else ()


def is_verb(token: Token, tags: frozenset[str] = CLAUSE_TAGS) -> bool:
    """A verb form of ``tags``, by the tagger where there is one, else by Morfeusz alone."""
    if token.tag_:
        return tag_pos(token) in tags
    readings = _morfeusz(token)
    return bool(readings) and all(r.tag.split(":", 1)[0] in tags for r in readings)


def speech_verb(token: Token) -> tuple[str, str] | None:
    """``(lemma, class)`` when ``token`` is a form of a speech verb that can report speech."""
    verbs = speech_verbs()
    candidates = [token.lemma_.lower()] if token.lemma_ and tag_pos(token) in REPORTED_TAGS else []
    candidates += [r.lemma.lower() for r in _morfeusz(token) if r.tag.split(":", 1)[0] in REPORTED_TAGS]
    if token.tag_ and tag_pos(token) not in REPORTED_TAGS and tag_pos(token) not in {"ger", "subst", "adj", ""}:
        return None
    lemma = next((c for c in candidates if c in verbs), None)
    if lemma is None:
        return None
    if tag_pos(token) == "inf" or (not token.tag_ and all(r.tag.startswith("inf") for r in _morfeusz(token))):
        previous = _previous(token)
        if previous is None or previous.lemma_.lower() not in HEARSAY:
            return None
    return lemma, verbs[lemma]


def _previous(token: Token) -> Token | None:
    i = token.i - 1
    while i >= 0 and token.doc[i].is_space:
        i -= 1
    return token.doc[i] if i >= 0 else None


def _next(token: Token) -> Token | None:
    i = token.i + 1
    while i < len(token.doc) and token.doc[i].is_space:
        i += 1
    return token.doc[i] if i < len(token.doc) else None


def negated(token: Token) -> bool:
    previous = _previous(token)
    return previous is not None and previous.lower_ == NEGATION


def future(token: Token) -> bool:
    """A perfective present form: future in Polish (``powie``, ``wezwie``)."""
    return token.tag_.startswith("fin") and ":perf" in token.tag_


def verb_cue(token: Token) -> Cue | None:
    """The cue of a speech verb form (with its ``się``), or None."""
    found = speech_verb(token)
    if found is None or negated(token) or future(token):
        return None
    doc = token.doc
    start, end = token.i, token.i + 1
    if end < len(doc) and doc[end].lower_ == "się":
        end += 1
    elif start > 0 and doc[start - 1].lower_ == "się" and found[1] == "directive":
        start -= 1
    if tag_pos(token) == "inf":
        start = _previous(token).i
    return Cue(doc[start:end], found[0], "verb", found[1])


def speech_noun(token: Token) -> bool:
    return token.lemma_.lower() in speech_nouns() or any(r.lemma in speech_nouns() for r in _morfeusz(token) if r.tag.startswith("subst"))


# ---------------------------------------------------------------- content clauses


@dataclass(frozen=True)
class Clause:
    """Where a content clause starts: the first token of its text, and the marker before it."""

    start: int
    marker: str  # że, aby, czy, :, an interrogative word ...


def content_clause(cue: Cue, limit: int) -> Clause | None:
    """The content clause right after ``cue`` (before token ``limit``): ``, że ...``,
    ``, aby ...``, ``: ...`` or (for questions) ``, co ...``; None when another verb or the
    sentence's end comes first."""
    doc = cue.words.doc
    i, gap = cue.words.end, 0
    while i < limit and gap <= MAX_GAP:
        token = doc[i]
        lower = token.lower_
        if token.text == ":":
            return Clause(i + 1, ":")
        if lower in COMPLEMENTIZERS and _after_comma(token):
            if cue.verb_class == "directive" and COMPLEMENTIZERS[lower] != "directive" and lower != "że":
                return None
            return Clause(i + 1, lower)
        if cue.verb_class == "ask" and lower in INTERROGATIVES and _after_comma(token):
            return Clause(i, lower)
        if token.text in SENTENCE_END or is_dash(token) or (is_verb(token) and i > cue.words.end):
            return None
        gap += not token.is_space
        i += 1
    return None


def _after_comma(token: Token) -> bool:
    previous = _previous(token)
    while previous is not None and is_mark(previous.text):
        previous = _previous(previous)
    return previous is not None and previous.text == ","


# ---------------------------------------------------------------- source phrases


def source_phrase(doc: Doc, i: int) -> Cue | None:
    """A source phrase (``według``, ``zdaniem``, ``w opinii`` ...) starting at token ``i``."""
    for phrase in speech_prepositions():
        words = [t.lower_ for t in doc[i : i + len(phrase)]]
        if tuple(words) == phrase:
            return Cue(doc[i : i + len(phrase)], " ".join(phrase), "source")
    return None


def trailing_report(dash: Token, sentence_end: int) -> Cue | None:
    """A reporting clause after ``dash`` (a dash or comma): ``- dodał``, ``- jak podkreślił X``,
    ``, powiedziała`` (a speech verb within its first words, with no content clause)."""
    doc = dash.doc
    i = dash.i + 1
    while i < sentence_end and (doc[i].is_space or doc[i].lower_ in {"jak", "to", "zaś", "natomiast"}):
        i += 1
    for j in range(i, min(i + 3, sentence_end)):
        cue = verb_cue(doc[j])
        if cue is not None and tag_pos(cue.head) != "pcon" and content_clause(cue, sentence_end) is None:
            return cue
        if doc[j].text in SENTENCE_END or doc[j].text in DASHES or doc[j].text == ",":
            return None
    return None

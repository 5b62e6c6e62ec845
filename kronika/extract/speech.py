"""Speech cues: speech verbs, source phrases (``według X``) and speech nouns, the content
clauses they introduce and the reporting clauses that follow a quote
(docs/annotation/quotes.md §2.2, §4, §7).

Cues are found from token tags and Morfeusz readings, and clauses on the surface (the
complementizer after the verb, before any other verb), so nothing here needs a parse.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..lang.pl import speech_nouns, speech_prepositions, speech_verbs, speech_words

DASHES = frozenset("-–—")
WORDS = speech_words()
COMPLEMENTIZERS = {w: "say" for w in WORDS["complementizer"]} | {w: "directive" for w in WORDS["directive_complementizer"]}
INTERROGATIVES = WORDS["interrogative"]
CLAUSE_TAGS = frozenset({"fin", "praet", "imps", "impt", "bedzie", "winien", "pcon", "pant"})
REPORTED_TAGS = frozenset({"fin", "praet", "imps", "pcon", "inf", "pant"})
HEARSAY = WORDS["hearsay"]  # "miała powiedzieć": the infinitive is the cue
POSSESSIVES = WORDS["possessive_m"] | WORDS["possessive_f"] | WORDS["possessive_pl"]
SENTENCE_END = frozenset({".", "?", "!", "…"})
MAX_GAP = 12  # words between a speech verb and its complementizer
REPORT_WINDOW = 6  # words between a dash and the verb of a reporting clause


@dataclass(frozen=True)
class Cue:
    """A reporting word or phrase: ``words`` as written; ``kind`` verb, source, noun or colon."""

    words: Span
    lemma: str
    kind: str
    verb_class: str | None = None

    @property
    def head(self) -> Token:
        """The speech verb (or the first word of a phrase)."""
        return next((t for t in self.words if t.lower_ != "się" and t.lemma_ not in HEARSAY), self.words[0])

    @property
    def finite(self) -> Token:
        """The verb its subject agrees with: ``miała`` of ``miała powiedzieć``, else the head."""
        first = self.words[0]
        return first if self.kind == "verb" and first.lemma_ in HEARSAY and first.i != self.head.i else self.head

    @property
    def text(self) -> str:
        return self.words.text


# ---------------------------------------------------------------- tokens


def readings(token: Token) -> tuple:
    """Morfeusz's readings of the token (none where the extensions are not registered)."""
    return token._.morfeusz if Token.has_extension("morfeusz") else ()


def name_types(token: Token) -> tuple[str, ...]:
    """Morfeusz's proper-name qualifiers of the token (``imię``, ``nazwisko`` ...)."""
    return token._.name_types if Token.has_extension("name_types") else ()


def is_known(token: Token) -> bool:
    """Whether Morfeusz knows the word (an unknown one is often a foreign name)."""
    return token._.is_known if Token.has_extension("is_known") else True


def tag(token: Token) -> str:
    """The tagger's NKJP tag; without a tagger, Morfeusz's first reading (rules-only pipeline)."""
    if token.tag_:
        return token.tag_
    analyses = readings(token)
    return analyses[0].tag if analyses and analyses[0].tag != "ign" else ""


def tag_pos(token: Token) -> str:
    """The NKJP part of speech (``praet``, ``subst`` ...) of the token's tag."""
    return tag(token).split(":", 1)[0]


def is_verb(token: Token, tags: frozenset[str] = CLAUSE_TAGS) -> bool:
    """A verb form of ``tags``, by the tagger where there is one, else by Morfeusz alone."""
    if token.tag_:
        return tag_pos(token) in tags
    analyses = readings(token)
    return bool(analyses) and all(r.tag.split(":", 1)[0] in tags for r in analyses)


def is_dash(token: Token) -> bool:
    """A free-standing dash (spaced, or opening its line): a dialogue dash or a parenthesis."""
    if token.text not in DASHES:
        return False
    doc = token.doc
    spaced_before = token.i == 0 or bool(doc[token.i - 1].whitespace_) or doc[token.i - 1].is_space
    return spaced_before and (bool(token.whitespace_) or token.i + 1 == len(doc))


def previous_word(token: Token) -> Token | None:
    i = token.i - 1
    while i >= 0 and token.doc[i].is_space:
        i -= 1
    return token.doc[i] if i >= 0 else None


def next_word(token: Token) -> Token | None:
    i = token.i + 1
    while i < len(token.doc) and token.doc[i].is_space:
        i += 1
    return token.doc[i] if i < len(token.doc) else None


# ---------------------------------------------------------------- cues


def speech_verb(token: Token) -> tuple[str, str] | None:
    """``(lemma, class)`` when ``token`` is a form of a speech verb that can report speech."""
    verbs = speech_verbs()
    if token.tag_ and tag_pos(token) not in REPORTED_TAGS:
        return None
    candidates = [token.lemma_.lower()] if token.lemma_ else []
    candidates += [r.lemma.lower() for r in readings(token) if r.tag.split(":", 1)[0] in REPORTED_TAGS]
    lemma = next((c for c in candidates if c in verbs), None)
    if lemma is None:
        return None
    if tag_pos(token) == "inf" or (not token.tag_ and all(r.tag.startswith("inf") for r in readings(token))):
        previous = previous_word(token)
        if previous is None or previous.lemma_.lower() not in HEARSAY:
            return None
    return lemma, verbs[lemma]


def verb_cue(token: Token) -> Cue | None:
    """The cue of a speech verb form (with its ``się``, and ``miała`` before an infinitive);
    None when negated or a perfective present (future: ``powie``)."""
    found = speech_verb(token)
    if found is None:
        return None
    previous = previous_word(token)
    if previous is not None and previous.lower_ in WORDS["negation"] or (tag(token).startswith("fin") and ":perf" in tag(token)):
        return None
    doc = token.doc
    start, end = token.i, token.i + 1
    if end < len(doc) and doc[end].lower_ == "się":
        if tag(token).startswith("praet:sg:n") or tag(token).startswith("fin:sg:ter") and found[0] in WORDS["impersonal"]:
            return None  # mówiło się, mówi się: no source
        end += 1
    if tag_pos(token) == "inf":
        start = previous.i
    return Cue(doc[start:end], found[0], "verb", found[1])


def is_speech_noun(token: Token) -> bool:
    nouns = speech_nouns()
    return token.lemma_.lower() in nouns or any(r.lemma in nouns for r in readings(token) if r.tag.startswith("subst"))


def noun_cue(token: Token) -> Cue | None:
    """A speech noun (``obietnicę``, ``słowa``), with ``wyraził`` before it."""
    if not is_speech_noun(token):
        return None
    doc, start = token.doc, token.i
    if start > 0 and doc[start - 1].lemma_ in WORDS["support_verb"]:
        start -= 1
    return Cue(doc[start : token.i + 1], token.lemma_.lower(), "noun")


def source_phrase(doc: Doc, i: int) -> Cue | None:
    """A source phrase starting at token ``i``: ``według``, ``zdaniem``, ``w opinii``, and with
    a possessive ``Ich zdaniem``, ``W jego opinii``."""
    words = [t.lower_ for t in doc[i : i + 3]]
    for phrase in speech_prepositions():
        if tuple(words[: len(phrase)]) == phrase:
            return Cue(doc[i : i + len(phrase)], " ".join(phrase), "source")
        if len(phrase) == 2 and len(words) == 3 and words[0] == phrase[0] and words[1] in POSSESSIVES and words[2] == phrase[1]:
            return Cue(doc[i : i + 3], " ".join(phrase), "source")
    if words and words[0] in POSSESSIVES and ("zdaniem",) in speech_prepositions() and words[1:2] == ["zdaniem"]:
        return Cue(doc[i : i + 2], "zdaniem", "source")
    return None


# ---------------------------------------------------------------- clauses


@dataclass(frozen=True)
class Clause:
    """Where a content clause starts: the first token of its text, and the marker before it."""

    start: int
    marker: str  # że, aby, czy, :, an interrogative word ...


def content_clause(cue: Cue, limit: int) -> Clause | None:
    """The content clause right after ``cue`` (before token ``limit``): ``, że ...``,
    ``, aby ...``, ``: ...`` or, for questions, ``, co ...``; None when another verb, a dash or
    the sentence's end comes first."""
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
        if token.text in SENTENCE_END or is_dash(token) or is_verb(token):
            return None
        gap += not token.is_space
        i += 1
    return None


def _after_comma(token: Token) -> bool:
    previous = previous_word(token)
    while previous is not None and previous.is_quote:
        previous = previous_word(previous)
    return previous is not None and previous.text == ","


def trailing_report(mark: Token, limit: int) -> Cue | None:
    """A reporting clause after ``mark`` (a dash or a comma) that ends a quote: ``- dodał``,
    ``- powiedział Michel Barnier``, ``, powiedziała``, ``– te słowa ... miała wypowiedzieć``.
    Not a verb with a content clause of its own, a participle, or a parenthetical
    ``- jak dodał -`` (that one introduces what follows)."""
    doc = mark.doc
    before = previous_word(mark)
    if before is not None and (before.lower_ in WORDS["open_ended"] or before.text == "," or tag_pos(before) == "prep"):
        return None  # "pobita i – według ...": the words before are no complete content
    i = mark.i + 1
    while i < limit and (doc[i].is_space or doc[i].lower_ in WORDS["report_lead"]):
        i += 1
    for j in range(i, min(i + REPORT_WINDOW, limit)):
        token = doc[j]
        cue = verb_cue(token)
        if cue is not None:
            if tag_pos(token) == "pcon" or content_clause(cue, limit) is not None:
                return None
            if doc[i - 1].lower_ == "jak" and any(is_dash(t) for t in doc[cue.words.end : limit]):
                return None
            return cue
        if token.is_punct or (is_verb(token) and token.lemma_ not in HEARSAY):
            return None
    return None

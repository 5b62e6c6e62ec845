"""Event triggers: lexicon patterns matched on lemmas, kept where the sentence asserts them.

A pattern of ``kronika/lang/pl/event_lexicon.json`` (``wysłać wojsko``, ``wezwać na pomoc``,
``nie zgodzić się``) matches a set of tokens of one sentence that carry its lemmas and hang
together in the dependency tree (or stand next to each other where the parse is missing).
``się`` must be attached to the matched words; a leading ``nie`` must negate them. Overlapping
matches keep the longest pattern (then the earlier entry of the lexicon).

A match is an event only when it is a predication of its sentence (docs/annotation/events.md
§1): a verb heading a main, coordinated, reported or participial clause, or an infinitive under a
verb of plan or phase; a noun that is the argument of a support verb (``doszło do protestów``,
``prowadzą rozmowy``). Relative clauses, adjectival participles, temporal, conditional and
purpose clauses and modal infinitives (``może rozpocząć protesty``) are left out.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Iterable, Mapping

from spacy.tokens import Span, Token

from ..lang import pl

__all__ = ["Frame", "Trigger", "clause_head", "find_triggers", "frame", "is_negated", "is_verbal", "token_lemmas"]

SKIP_WORDS = frozenset({"się", "nie"})
VERB_TAGS = ("fin", "praet", "bedzie", "impt", "imps", "inf", "pcon", "pant", "winien", "pred")
CLAUSE_DEPS = ("ROOT", "ccomp", "parataxis", "conj", "csubj")
PARTICIPLE_TAGS = ("ppas", "pact")
NEGATION = "advmod:neg"


@dataclass
class Trigger:
    """One lexicon entry matched in a sentence."""

    entry: Mapping
    tokens: list[Token]
    head: Token
    order: int  # the entry's index in the lexicon

    @property
    def type(self) -> str:
        return self.entry["type"]


# ---------------------------------------------------------------- lemmas and the lexicon index


def token_lemmas(token: Token) -> frozenset[str]:
    """The lemmas a token may carry: the pipeline's, and Morfeusz's verbal readings of it (a
    gerund ``wycofania`` tagged as a noun still matches ``wycofać``)."""
    lemmas = {token.lemma_.lower(), token.text.lower()}
    if Token.has_extension("morfeusz"):
        major = token.tag_.split(":", 1)[0]
        for reading in token._.morfeusz:
            cls = reading.tag.split(":", 1)[0]
            if cls == major or cls in ("ger", "ppas", "pact", "inf", "fin", "praet"):
                lemmas.add(reading.lemma.lower())
    return frozenset(lemmas)


@cache
def _index() -> dict[str, list[tuple[int, Mapping, tuple[str, ...]]]]:
    """First content lemma of each pattern -> (order, entry, content words)."""
    index: dict[str, list] = {}
    for order, entry in enumerate(pl.event_lexicon()):
        words = tuple(w for w in entry["pattern"].split() if w not in SKIP_WORDS)
        index.setdefault(words[0], []).append((order, entry, words))
    return index


# ---------------------------------------------------------------- matching


def _linked(a: Token, b: Token, parsed: bool) -> bool:
    """Tokens close in the tree (parent, grandparent, sibling) or, without a parse, in the text."""
    if not parsed:
        return abs(a.i - b.i) <= 2
    return a.head == b or b.head == a or a.head == b.head or a.head.head == b or b.head.head == a


def _extend(chosen: list[Token], words: tuple[str, ...], lemmas: dict[int, frozenset[str]], sent: Span, parsed: bool):
    """Add one token per remaining pattern word, each linked to a token already chosen."""
    for word in words:
        options = [
            t for t in sent
            if t not in chosen and word in lemmas[t.i] and any(_linked(t, c, parsed) for c in chosen)
        ]
        if not options:
            return None
        chosen.append(min(options, key=lambda t: min(abs(t.i - c.i) for c in chosen)))
    return chosen


def _has_sie(tokens: list[Token], sent: Span) -> bool:
    return any(t.lower_ == "się" and (t.head in tokens or min(abs(t.i - c.i) for c in tokens) <= 3) for t in sent)


def is_negated(token: Token) -> bool:
    """``nie`` on the token (or on the auxiliary verb governing it)."""
    if any(c.dep_ == NEGATION or c.lower_ == "nie" and c.i < token.i for c in token.children):
        return True
    return token.i > 0 and token.doc[token.i - 1].lower_ == "nie"


def _top(tokens: list[Token]) -> Token:
    """The matched token highest in the tree (the first where none dominates the others)."""
    for token in tokens:
        if not any(a in tokens for a in token.ancestors):
            return token
    return tokens[0]


def _matches(sent: Span, parsed: bool) -> Iterable[Trigger]:
    lemmas = {t.i: token_lemmas(t) for t in sent}
    index = _index()
    for token in sent:
        for lemma in lemmas[token.i]:
            for order, entry, words in index.get(lemma, ()):
                tokens = _extend([token], words[1:], lemmas, sent, parsed)
                if tokens is None:
                    continue
                pattern = entry["pattern"].split()
                if "się" in pattern and not _has_sie(tokens, sent):
                    continue
                head = _top(tokens)
                if pattern[0] == "nie" and not is_negated(head):
                    continue
                yield Trigger(entry, sorted(tokens, key=lambda t: t.i), head, order)


def find_triggers(sent: Span) -> list[Trigger]:
    """Lexicon matches in ``sent``, without overlaps: longer patterns first, then lexicon order."""
    parsed = sent.doc.has_annotation("DEP")
    candidates = sorted(
        _matches(sent, parsed),
        key=lambda m: (-len(m.entry["pattern"].split()), m.order, m.head.i),
    )
    kept: list[Trigger] = []
    used: set[int] = set()
    for match in candidates:
        ids = {t.i for t in match.tokens}
        if ids & used:
            continue
        used |= ids
        kept.append(match)
    return sorted(kept, key=lambda m: m.head.i)


# ---------------------------------------------------------------- clauses


def is_verbal(token: Token) -> bool:
    """A verb form that heads a clause (finite, past, infinitive, impersonal, adverbial participle)."""
    return token.tag_.startswith(VERB_TAGS) or token.pos_ in ("VERB", "AUX") and not token.tag_.startswith(("ger", *PARTICIPLE_TAGS))


def _is_predicative(token: Token) -> bool:
    """A passive participle or predicative adjective with its auxiliary or copula
    (``została skazana``, ``są gotowi``)."""
    return any(c.dep_ in ("aux:pass", "cop", "aux") for c in token.children) or any(
        c.dep_ == "nsubj:pass" for c in token.children
    )


def clause_head(token: Token) -> Token:
    """The first conjunct of a coordination of clause heads (``uchylił ... i nakazał``)."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above ``token`` in the tree, or None."""
    for ancestor in token.ancestors:
        if is_verbal(ancestor) or _is_predicative(ancestor):
            return ancestor
    return None


def _subordinated(token: Token) -> bool:
    """Opened by a subordinator of time, condition or purpose (``gdy``, ``jeśli``, ``aby``)."""
    cues = pl.event_cues()["subordinator"]
    return any(c.dep_ in ("mark", "advmod") and c.lemma_.lower() in cues and c.i < token.i for c in token.children)


def _relative(token: Token) -> bool:
    return token.dep_.startswith("acl") or any(
        c.lemma_.lower() in ("który", "co", "gdzie", "jaki") and c.dep_.startswith(("nsubj", "obj", "obl", "iobj"))
        for c in token.children
    )


def _announced_here(verb: Token) -> bool:
    """Future tense on the verb or its auxiliary (``spotka się``, ``zostanie wycofany``, ``będą rozmawiać``)."""
    forms = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    return any("Fut" in t.morph.get("Tense") or t.tag_.startswith("bedzie") for t in forms)


def _conditional(verb: Token) -> bool:
    forms = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    return any("Cnd" in t.morph.get("Mood") for t in forms)


def _clause_status(verb: Token, depth: int = 0) -> str | None:
    """occurred / announced for a verb whose clause the sentence asserts, None where it does not."""
    if depth > 6:
        return "occurred"
    clause = clause_head(verb)
    if _relative(clause) or _conditional(verb):
        return None
    dep, governor = clause.dep_.split(":")[0], clause.head
    own = "announced" if _announced_here(verb) else "occurred"
    if dep == "ROOT" or governor == clause:
        return own
    cues = pl.event_cues()
    lemma = governor.lemma_.lower()
    if dep == "advcl" and (_subordinated(clause) or not clause.tag_.startswith(("pcon", "pant"))):
        return None
    if dep in ("xcomp", "obj", "csubj") and clause.tag_.startswith("inf"):
        if lemma in cues["hypothetical"]:
            return None
        above = _clause_status(governor, depth + 1)
        if above is None:
            return None
        return "announced" if lemma in cues["announce"] or above == "announced" else above
    if dep in ("ccomp", "parataxis", "advcl", "xcomp"):
        if lemma in cues["hypothetical"]:
            return None
        above = _clause_status(governor, depth + 1) if is_verbal(governor) or _is_predicative(governor) else "occurred"
        if above is None:
            return None
        return "announced" if own == "announced" or lemma in cues["announce"] and dep == "ccomp" else "occurred"
    return None


@dataclass
class Frame:
    """How the sentence asserts a trigger: its status, the verb its clause hangs on, and for an
    event noun the support verb and what that verb's subject is to the event."""

    status: str
    verb: Token
    support: Token | None = None
    subject_role: str = "actor"


def _relation(noun: Token) -> str:
    """The noun's relation to its head as the support verb list writes it (``obl:do``, ``obj``)."""
    dep = noun.dep_
    if dep.startswith("nsubj:pass"):
        return "obj"
    if dep.startswith(("nsubj", "obj", "iobj")):
        return dep.split(":")[0]
    if dep.startswith("obl"):
        case = next((c.lemma_.lower() for c in noun.children if c.dep_ == "case"), None)
        if case:
            return f"obl:{case}"
        return "iobj" if "Dat" in noun.morph.get("Case") else "obl:inst"
    return dep


def _noun_frame(noun: Token) -> Frame | None:
    noun = clause_head(noun)
    if noun.head.lemma_.lower() in pl.event_cues()["light"] and noun.head != noun:
        noun = clause_head(noun.head)
    verb = noun.head
    if verb == noun:
        return None
    role = pl.event_support_verbs().get((verb.lemma_.lower(), _relation(noun)))
    if role is None:
        return None
    status = _clause_status(verb)
    if status is None:
        return None
    if verb.lemma_.lower() in pl.event_cues()["announce"]:
        status = "announced"
    return Frame(status, verb, verb, role)


def frame(trigger: Trigger) -> Frame | None:
    """The :class:`Frame` of a trigger the sentence asserts; None for adjuncts, relative clauses,
    modifiers, hypotheticals (docs/annotation/events.md §1-2)."""
    head = trigger.head
    if not head.doc.has_annotation("DEP"):
        return Frame("announced" if _announced_here(head) else "occurred", head) if is_verbal(head) else None
    if is_verbal(head) or _is_predicative(head) or head.dep_ == "ROOT" and head.pos_ in ("ADJ", "VERB"):
        if head.tag_.startswith(PARTICIPLE_TAGS) and not _is_predicative(clause_head(head)):
            return None
        status = _clause_status(head)
        if status is None and not (trigger.type == "THREATEN" and _conditional(head)):
            return None
        return Frame(status or "occurred", head)
    if head.pos_ in ("NOUN", "PROPN", "X") or head.tag_.startswith(("subst", "ger", "depr")):
        return _noun_frame(head)
    return None

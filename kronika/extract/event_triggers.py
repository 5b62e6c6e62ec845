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

Rules between the triggers of one sentence: a protest named as the goal of a call is an
announced PROTEST (:func:`call_frame`); agreeing to a concession is the concession
(:func:`absorb`); what a threat or demand is about is no event of its own
(:func:`without_contents`); a warning of consequences is no threat (:func:`idle_warning`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Iterable, Mapping

from spacy.tokens import Span, Token

from ..lang import pl

__all__ = [
    "Frame", "Trigger", "absorb", "call_frame", "clause_head", "find_triggers", "frame", "idle_warning", "is_negated",
    "conjoined_predicate", "is_verbal", "relative_conjunct_noun", "support_role", "token_lemmas", "without_contents",
]

SKIP_WORDS = frozenset({"się", "nie"})
VERB_TAGS = ("fin", "praet", "bedzie", "impt", "imps", "inf", "pcon", "pant", "winien", "pred")
CLAUSE_DEPS = ("ROOT", "ccomp", "parataxis", "conj", "csubj")
PARTICIPLE_TAGS = ("ppas", "pact")
NEGATION = "advmod:neg"
ABSORBING = {"AGREE": frozenset({"CONCEDE", "RETREAT"})}
STATIVE = frozenset({"być", "móc", "mieć", "musieć", "zostać"})
CONTENT_TYPES = frozenset({"THREATEN", "REQUEST"})
LINEAR_WINDOW = 3  # words this close belong together even where the parse splits them


@dataclass
class Trigger:
    """One lexicon entry matched in a sentence."""

    entry: Mapping
    tokens: list[Token]
    head: Token
    order: int  # the entry's index in the lexicon
    type: str = ""
    absorbed: tuple | None = None  # (trigger, frame) of the concession an agreement took the type of

    def __post_init__(self) -> None:
        self.type = self.type or self.entry["type"]


# ---------------------------------------------------------------- lemmas and the lexicon index


def token_lemmas(token: Token) -> frozenset[str]:
    """The lemmas a token may carry: the pipeline's and those of all its Morfeusz readings (a
    gerund ``wycofania`` tagged as a noun still matches ``wycofać``, a participle
    ``rozczarowani`` the adjective ``rozczarowany``)."""
    lemmas = {token.lemma_.lower(), token.text.lower()}
    if Token.has_extension("morfeusz"):
        lemmas.update(reading.lemma.lower() for reading in token._.morfeusz)
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
    """Tokens close in the tree (parent, sibling, or grandparent through a word that heads no
    clause of its own: ``porozumienie`` of ``odrzuci`` is not linked to the ``dojdzie`` above
    it) or in the text."""
    if abs(a.i - b.i) <= LINEAR_WINDOW or not parsed:
        return abs(a.i - b.i) <= LINEAR_WINDOW
    if a.head == b or b.head == a or a.head == b.head:
        return True
    return a.head.head == b and not is_verbal(a.head) or b.head.head == a and not is_verbal(b.head)


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
    return any(t.text.lower() == "się" and (t.head in tokens or min(abs(t.i - c.i) for c in tokens) <= 3) for t in sent)


def is_negated(token: Token) -> bool:
    """``nie`` on the token, on the auxiliary verb governing it (``nie będzie sprzeciwiał się``)
    or on a verb of managing to whose infinitive it is (``nie udało się uwolnić``)."""
    if any(c.dep_ == NEGATION or c.text.lower() == "nie" and c.i < token.i for c in token.children):
        return True
    if any(c.dep_.startswith("aux") and c.i < token.i and _negated_word(c) for c in token.children):
        return True
    governor = token.head
    if token.dep_.split(":")[0] in ("xcomp", "csubj") and governor.lemma_.lower() in pl.event_cues().get("success", ()):
        if _negated_word(governor) or any(c.text.lower() == "nie" and c.i < governor.i for c in governor.children):
            return True
    return _negated_word(token)


def _negated_word(token: Token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].text.lower() == "nie" or any(
        c.dep_ == NEGATION for c in token.children
    )


def _top(tokens: list[Token]) -> Token:
    """The matched verb or participle (``pchnięty nożem``), else the token highest in the tree."""
    for token in tokens:  # not an auxiliary of another matched word (``drzwi pozostają otwarte``)
        if (is_verbal(token) or token.tag_.startswith(PARTICIPLE_TAGS)) and not (
                token.dep_.startswith(("aux", "cop")) and token.head in tokens):
            return token
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
    """Lexicon matches in ``sent``, without overlaps: those matching more words first (``osiągnąć
    porozumienie`` over ``porozumieć się`` on the noun alone), then longer patterns, then lexicon order."""
    parsed = sent.doc.has_annotation("DEP")
    candidates = sorted(
        _matches(sent, parsed),
        key=lambda m: (-len(m.tokens), -len(m.entry["pattern"].split()), m.order, m.head.i),
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
    """A verb form that heads a clause (finite, past, infinitive, impersonal, adverbial
    participle); without a tagger, a form all of whose Morfeusz readings are such verb forms."""
    if not token.tag_:
        readings = token._.morfeusz if Token.has_extension("morfeusz") else ()
        return bool(readings) and all(r.tag.startswith(VERB_TAGS) for r in readings)
    if token.tag_.startswith(VERB_TAGS):
        return True
    return token.pos_ in ("VERB", "AUX") and not token.tag_.startswith(("ger", *PARTICIPLE_TAGS))


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


def _own_clause_head(token: Token) -> Token:
    """The first conjunct of a coordination of clause heads, stopping at a semicolon: a clause
    after ``;`` is a sentence of its own (``..., w którym nacjonaliści ponieśli porażkę; w
    ubiegłym roku w marszu uczestniczyło 20 tys. ludzi``: not part of the relative clause)."""
    while token.dep_ == "conj" and token.head != token and not _after_semicolon(token):
        token = token.head
    return token


def _after_semicolon(token: Token) -> bool:
    return any(c.dep_ == "punct" and c.text == ";" and token.head.i < c.i < token.i for c in token.children)


def _generic_passive(token: Token) -> bool:
    """An imperfective passive in the present (``Przepisy są popierane przez większość
    społeczeństwa``, ``są krytykowane przez islamistów``): a habitual state, no event (guide §2)."""
    return token.tag_.startswith("ppas") and ":imperf" in token.tag_ and any(
        c.dep_ == "aux:pass" and c.lemma_.lower() == "być" and "Pres" in c.morph.get("Tense") for c in token.children)


def _after_temporal_phrase(token: Token) -> bool:
    """The first predicate after a temporal connective (``Po tym jak ... uniewinnił Sąd
    Najwyższy, doszło do protestów``): it dates the main clause, whatever the parse made of it
    (guide §1). Connectives are word sequences of ``event_cues.txt`` (``temporal``), commas aside."""
    phrases = [tuple(p.split()) for p in pl.event_cues().get("temporal", ())]
    if not phrases:
        return False
    sent = token.sent
    words = [t for t in sent if t.i < token.i and t.text != ","]
    texts = [t.text.lower() for t in words]
    for phrase in phrases:
        for k in range(len(texts) - len(phrase) + 1):
            if tuple(texts[k:k + len(phrase)]) == phrase:
                between = words[k + len(phrase):]
                if not any(is_verbal(t) or t.tag_.startswith("ppas") and _is_predicative(t) for t in between):
                    return True
    return False


def _conditional_clause(token: Token) -> bool:
    """Opened by a conditional conjunction (``jeśli``, ``gdyby``)."""
    cues = pl.event_cues().get("conditional", frozenset())
    return any(c.dep_ == "mark" and c.lemma_.lower() in cues and c.i < token.i for c in token.children)


def _subordinated(token: Token) -> bool:
    """Opened by a subordinator of time, condition or purpose (``gdy``, ``jeśli``, ``aby``)."""
    cues = pl.event_cues()["subordinator"]
    return any(c.dep_ in ("mark", "advmod") and c.lemma_.lower() in cues and c.i < token.i for c in token.children)


RELATIVE_WORDS = frozenset({"który", "co", "gdzie", "jaki"})


def _relative(token: Token) -> bool:
    """A relative clause or a participle modifying a noun (not a passive predicate the parse
    attached to a noun: ``została skazana`` keeps its auxiliary)."""
    if token.dep_.startswith("acl") and not (token.dep_ == "acl" and _is_predicative(token)) \
            and not _clause_without_relative(token):
        return True
    return any(
        c.lemma_.lower() in RELATIVE_WORDS and c.dep_.startswith(("nsubj", "obj", "obl", "iobj"))
        and not _sentential_relative(c)
        for c in token.children
    )


def _clause_without_relative(token: Token) -> bool:
    """A predicate the parse made a relative clause although nothing relative opens it: it has
    its own auxiliary or copula and its own subject (``Według prawnika kobiety, Bibi została
    zwolniona``: ``zwolniona`` hung on ``prawnika``)."""
    return token.dep_ == "acl:relcl" and _is_predicative(token) and not any(
        c.lemma_.lower() in RELATIVE_WORDS for c in token.children) and any(
        c.dep_.startswith("nsubj") for c in token.children)


def _sentential_relative(pronoun: Token) -> bool:
    """``co`` after a preposition taking up the whole clause before it (``Bibi odmówiła, za co
    potem została pobita``, ``..., po czym został aresztowany``): the clause it opens goes on
    with the story and asserts its predicate, unlike a relative clause on a noun."""
    if pronoun.lemma_.lower() != "co" or pronoun.i < 2:
        return False
    case = [c for c in pronoun.children if c.dep_ == "case" and c.i == pronoun.i - 1]
    return bool(case) and pronoun.doc[pronoun.i - 2].text == ","


def _announced_here(verb: Token) -> bool:
    """Future tense on the verb or its auxiliary (``spotka się``, ``zostanie wycofany``, ``będą rozmawiać``)."""
    forms = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    return any("Fut" in t.morph.get("Tense") or t.tag_.startswith("bedzie") for t in forms)


def _conditional(verb: Token) -> bool:
    """A conditional form (``wsparłaby``: ``by`` tagged a particle, labelled ``aux:cnd``)."""
    forms = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    return any("Cnd" in t.morph.get("Mood") or t.dep_ == "aux:cnd" for t in forms)


def _clause_status(verb: Token, depth: int = 0) -> str | None:
    """occurred / announced for a verb whose clause the sentence asserts, None where it does not."""
    if depth > 6:
        return "occurred"
    clause = _own_clause_head(verb)
    if _relative(clause) or _relative(verb) or _conditional(verb) or _able_to(clause):
        return None
    dep, governor = clause.dep_.split(":")[0], clause.head
    own = "announced" if _announced_here(verb) else "occurred"
    if dep in ("ROOT", "acl", "conj") or governor == clause or not governor.text.strip():  # (conj: after a semicolon;
        if depth == 0 and dep == "ROOT" and _conditional_clause(clause):  # a paragraph break parsed as the root)
            return None  # ``Jeśli Sąd Najwyższy podtrzyma wyrok ...`` parsed as the main clause
        return own
    cues = pl.event_cues()
    lemma = governor.lemma_.lower()
    if clause.tag_.startswith(("pcon", "pant")):  # adverbial participle: the subject's own act
        return None if _subordinated(clause) else "occurred"
    if dep == "advcl" and _subordinated(clause):
        return None
    if dep in ("xcomp", "obj", "csubj") and clause.tag_.startswith("inf"):
        if lemma in cues["hypothetical"] or _modal_phrase(governor):
            return None
        above = _clause_status(governor, depth + 1)
        if above is None:
            return None
        return "announced" if lemma in cues["announce"] or above == "announced" else above
    if dep in ("ccomp", "parataxis", "advcl", "xcomp"):
        if lemma in cues["hypothetical"]:
            return None
        if not (is_verbal(governor) or _is_predicative(governor)) and any(
                c.dep_ == "mark" and c.lemma_.lower() in cues.get("irrealis", ()) for c in clause.children):
            return None  # ``Nie pozwolimy na to, żeby był blokowany ruch``: a wish or purpose, no fact
        above = _clause_status(governor, depth + 1) if is_verbal(governor) or _is_predicative(governor) else "occurred"
        if above is None:
            return None
        return "announced" if own == "announced" or lemma in cues["announce"] and dep == "ccomp" else "occurred"
    return None


def _modal_phrase(verb: Token) -> bool:
    """``być w stanie`` + inf.: ability, like ``móc`` (the noun of the phrase is a hypothetical cue)."""
    return verb.lemma_.lower() == "być" and _ability_phrase(verb)


def _able_to(verb: Token) -> bool:
    """An infinitive whose ``być`` the parse made its auxiliary, ``w stanie`` hung on either."""
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux") and c.lemma_.lower() == "być"]
    return verb.tag_.startswith("inf") and any(_ability_phrase(t) for t in (verb, *auxiliaries)) and bool(auxiliaries)


def _ability_phrase(token: Token) -> bool:
    cues = pl.event_cues()["hypothetical"]
    return any(c.dep_.startswith("obl") and c.lemma_.lower() in cues and _preposition(c) == "w" for c in token.children)


@dataclass
class Frame:
    """How the sentence asserts a trigger: its status, the verb its clause hangs on, and for an
    event noun the support verb and what that verb's subject is to the event."""

    status: str
    verb: Token
    support: Token | None = None
    subject_role: str = "actor"


def _preposition(token: Token) -> str | None:
    return next((c.lemma_.lower() for c in token.children if c.dep_ == "case"), None)


@cache
def _support_index() -> dict[str, list[tuple[str, str]]]:
    """Support verb lemma -> [(relation of the event noun, role of the verb's subject)]."""
    index: dict[str, list] = {}
    for (lemma, relation), role in pl.event_support_verbs().items():
        index.setdefault(lemma, []).append((relation, role))
    return index


def _argument_gerund(token: Token) -> bool:
    """A verbal noun that is an argument (``naciskała na przeprowadzenie protestu``), not a
    temporal or causal adjunct (``po ogłoszeniu wyroku``)."""
    return token.tag_.startswith("ger") and _preposition(token) not in pl.event_cues()["adjunct"]


def support_role(verb: Token, noun: Token) -> str | None:
    """What the subject of ``verb`` is to the event ``noun`` names, if ``verb`` supports it:
    a prepositional relation needs its preposition; a core one only a noun without one (the
    trained parse often confuses subject, object and oblique, so the label is only a preference)."""
    if not (is_verbal(verb) or _is_predicative(verb) or _argument_gerund(verb)):
        return None
    preposition = _preposition(noun)
    relations = _support_index().get(verb.lemma_.lower(), ())
    if noun.dep_ == "nsubj" and not any(r == "nsubj" for r, _ in relations) and not verb.tag_.startswith("ppas") \
            and not _other_subject(verb, noun):
        return None  # the subject of a verb that takes its event as object (``Aresztowanie ma na celu ...``)
    core = []
    for relation, role in relations:
        if relation.startswith("obl:") and relation != "obl:inst":
            if preposition == relation[4:]:
                return role
        elif preposition is None:
            core.append((relation != noun.dep_.split(":")[0], role))
    return min(core)[1] if core else None


def _other_subject(verb: Token, noun: Token) -> bool:
    """Another subject of the verb, labelled so or a nominative noun after it agreeing in number,
    wherever the parse hung it (``wyrok ... ogłosił w sobotę w mieście Bahawalpur sędzia``): the
    noun labelled subject is then the object."""
    if verb.tag_.startswith("imps") or any(c.dep_.startswith("nsubj") and c != noun for c in verb.children):
        return True  # (an impersonal form has no subject: ``nakaz uwolnienia wydano``)
    number = set(verb.morph.get("Number"))
    return any(
        t.pos_ in ("NOUN", "PROPN") and t.i > verb.i and t not in noun.subtree
        and not t.dep_.startswith(("flat", "conj", "appos")) and (
            "Nom" in t.morph.get("Case") and (not number or number & set(t.morph.get("Number")))
            or any(c.dep_ in ("det:numgov", "nummod:gov") for c in t.children))  # kilka krajów
        for t in verb.subtree
    )


def _nominal_conjunct(noun: Token) -> Token:
    """The first of coordinated nouns; a noun the parse coordinated with a verb stands for the
    nearest noun before it under that verb (``doprowadziły do odwołania ..., a także wycofania``)."""
    while noun.dep_ == "conj" and noun.head != noun and not is_verbal(noun.head):
        noun = noun.head
    if noun.dep_ == "conj" and is_verbal(noun.head):
        earlier = [c for c in noun.head.children if c.i < noun.i and c.pos_ == "NOUN" and c.dep_ != "nsubj"]
        if earlier:
            return earlier[-1]
    return noun


def _noun_frame(noun: Token) -> Frame | None:
    noun = _nominal_conjunct(noun)
    if noun.head.lemma_.lower() in pl.event_cues()["light"] and noun.head != noun:
        noun = _nominal_conjunct(noun.head)
    verbs = [noun.head] if noun.head != noun else []
    verbs += [c for c in noun.children if is_verbal(c) and c.i > noun.i and c.dep_ in ("amod", "acl", "conj")]
    for verb in verbs:
        role = support_role(verb, noun)
        if role is None:
            continue
        governing = verb.head if _argument_gerund(verb) else verb
        status = _clause_status(governing) if verb == noun.head and is_verbal(governing) else "occurred"
        if status is None:
            return None
        if verb.lemma_.lower() in pl.event_cues()["announce"] and verb.lemma_.lower() != "mieć":
            status = "announced"
        return Frame(status, verb, verb, role)
    return None


def frame(trigger: Trigger) -> Frame | None:
    """The :class:`Frame` of a trigger the sentence asserts; None for adjuncts, relative clauses,
    modifiers, hypotheticals (docs/annotation/events.md §1-2)."""
    head = trigger.head
    if not head.doc.has_annotation("DEP"):
        return Frame("announced" if _announced_here(head) else "occurred", head) if is_verbal(head) else None
    if _after_temporal_phrase(head) or _generic_passive(head):
        return None
    noun = relative_conjunct_noun(head)
    if noun is not None:  # the main predicate parsed as a conjunct of the noun's relative clause
        if noun.dep_ != "ROOT" and noun.head.text.strip():
            return None
        return Frame("announced" if _announced_here(head) else "occurred", head)
    if is_verbal(head) or _is_predicative(head) or head.dep_ == "ROOT" and head.pos_ in ("ADJ", "VERB") or \
            conjoined_predicate(head):
        if head.tag_.startswith(PARTICIPLE_TAGS) and not _is_predicative(clause_head(head)):
            return None
        status = _clause_status(head)
        if status is None and not (trigger.type == "THREATEN" and _conditional(head)):
            return None
        return Frame(status or "occurred", head)
    if head.pos_ in ("NOUN", "PROPN", "X") or head.tag_.startswith(("subst", "ger", "depr")):
        return _noun_frame(head)
    return None


def conjoined_predicate(token: Token) -> bool:
    """A passive participle coordinated with a passive predicate, sharing its auxiliary
    (``została oskarżona o bluźnierstwo i skazana na śmierć``)."""
    return token.tag_.startswith("ppas") and token.dep_ == "conj" and _is_predicative(clause_head(token)) and \
        clause_head(token).tag_.startswith("ppas")


def relative_conjunct_noun(token: Token) -> Token | None:
    """The noun whose passive predicate the parse coordinated with the relative clause on that
    noun (``Dwóch polityków, którzy chcieli pomóc kobiecie, zostało zamordowanych``:
    ``zamordowanych`` a conjunct of ``chcieli``, with its own ``zostało``), or None."""
    if not (token.tag_.startswith("ppas") and token.dep_ == "conj" and token.head.dep_ == "acl:relcl"):
        return None
    if not any(c.dep_ == "aux:pass" for c in token.children) or any(c.dep_.startswith("nsubj") for c in token.children):
        return None
    noun = token.head.head
    if noun == token.head or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    number, own = set(token.morph.get("Number")), set(noun.morph.get("Number"))
    return noun if not number or not own or number & own else None


# ---------------------------------------------------------------- rules between triggers


def absorb(framed: list[tuple[Trigger, Frame]]) -> list[tuple[Trigger, Frame]]:
    """Agreeing to a concession is the concession (``zgodził się, by ... objęci amnestią``):
    the agreeing trigger takes the embedded one's type and the embedded one goes."""
    dropped = set()
    for trigger, _ in framed:
        absorbed = ABSORBING.get(trigger.type, ())
        for other, other_frame in framed:
            if other.type in absorbed and trigger.head in other.head.ancestors:
                if trigger.type == trigger.entry["type"]:  # the first concession named (then the conjuncts go too)
                    trigger.type = other.type
                    trigger.absorbed = (other, other_frame)
                dropped.add(other.head.i)
    return [(t, f) for t, f in framed if t.head.i not in dropped]


def without_contents(framed: list[tuple[Trigger, Frame]]) -> list[tuple[Trigger, Frame]]:
    """A threatened or demanded action is the content of the threat or demand, not an event
    (``ostrzegali, że nasilą protesty``)."""
    contents = set()
    for trigger, found in framed:
        if trigger.type in CONTENT_TYPES:
            # a demand carried by what the speaker says someone ``powinien`` do: the infinitive is
            # its content (``powiedział, że Norwegia powinna ofiarować Bibi ochronę``); unreported,
            # ``powinna opuścić Wspólnotę 29 marca`` is a schedule, the event itself
            demanded = "speaker" not in trigger.entry["actor"] or _reported(found.verb)
            for other, _ in framed:
                if other.type != trigger.type and (_in_content(other.head, found.verb) or demanded and (
                        other.head.head == found.verb and other.head != found.verb and other.head.dep_.split(":")[0] == "xcomp")):
                    contents.add(other.head.i)
    return [(t, f) for t, f in framed if t.head.i not in contents]


def _reported(verb: Token) -> bool:
    """The clause depends on a verb of saying (``powiedział, że ...``)."""
    speech = pl.event_cues()["speech"]
    return any(a.lemma_.lower() in speech and is_verbal(a) for a in verb.ancestors)


def _in_content(token: Token, verb: Token) -> bool:
    """The token is in a clause the verb governs (``że ...``, ``by ...``)."""
    for ancestor in token.ancestors:
        if ancestor.head == verb and ancestor.dep_.split(":")[0] in ("ccomp", "xcomp"):
            return True
        if ancestor == verb:
            return False
    return False


def idle_warning(trigger: Trigger) -> bool:
    """A warning about consequences (``ostrzegała, że wyjście z UE będzie katastrofą``) is no
    threat: a threat warns someone (``ostrzegł protestujących``) or says what the warning side
    will do (``ostrzegali, że nasilą protesty``, ``że rząd zareaguje``)."""
    head = trigger.head
    if head.lemma_.lower() not in pl.event_cues()["warning"]:
        return False
    if any(not c.dep_.startswith("nsubj") and "Hum" in c.morph.get("Animacy") for c in head.children):
        return False
    clauses = [c for c in head.children if c.dep_.split(":")[0] in ("ccomp", "xcomp", "advcl") and is_verbal(c)]
    return not any(_announces_action(c) for c in clauses)


def _announces_action(verb: Token) -> bool:
    """A clause saying someone will act: no subject of its own, or an action verb in the future."""
    if not any(c.dep_.startswith("nsubj") for c in verb.children):
        return True
    return "Fut" in verb.morph.get("Tense") and verb.lemma_.lower() not in STATIVE


def call_frame(trigger: Trigger) -> Frame | None:
    """A protest named as the goal of a call (``wezwał do protestów``, ``zachęcał do wyjścia na
    ulice``): PROTEST announced, the caller's clause as its frame."""
    if trigger.type != "PROTEST":
        return None
    head = clause_head(trigger.head)
    verb = head.head
    case = next((c.lemma_.lower() for c in head.children if c.dep_ == "case"), None)
    if verb != head and case == "do" and verb.lemma_.lower() in pl.event_cues()["call"]:
        return Frame("announced", verb, verb, "actor")
    return None

"""The Polish periphrastic passive in the parse: a form of ``zostać`` and the passive participle
it agrees with (``został zabity``, ``została za to skazana``, ``skazana została``,
``zostało zamordowanych`` after a numeral) make one predicate, the participle its head.

Found by morphology, the construction is unambiguous: on UD PDB dev every one of the 43 pairs
these rules find is a passive in the gold tree (``aux:pass``), and the trained parsers get
nearly all of them right there. In news they sometimes do not (the participle hung as a
conjunct of its own subject, as a modifier of a noun after the auxiliary, or under a relative
clause), and every extractor that reads the clause from the parse then loses the event.
:class:`PassiveRepair` restores the construction where the parse broke it and leaves the
rest of the tree alone:

- the auxiliary becomes the participle's ``aux:pass`` and hands it its own dependents
  (``nsubj`` becoming ``nsubj:pass``); where the parse had made the auxiliary the head of the
  clause (or the copula of a noun after the participle), the participle takes its place;
- a participle with its auxiliary that the parse hung where no finite clause can stand (a
  conjunct of a noun, a modifier, an open complement) becomes the head of its sentence when the
  sentence has no verbal head, with the noun before it it agrees with as its subject.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .agreement import agreement

AUXILIARY = "zostać"
AUXILIARY_FORMS = ("praet", "fin", "inf", "impt")
# Word classes no participle of the auxiliary's construction lies beyond (NKJP tags).
BLOCKING = frozenset({"fin", "praet", "inf", "ppas", "pact", "ger", "conj", "comp", "interp", "impt", "pcon",
                      "pant", "bedzie", "imps", "pred", "winien"})
WINDOW = 6
NOMINALS = frozenset({"subst", "depr", "ppron3", "ppron12", "num", "numcol"})
VERBAL = frozenset({"fin", "praet", "inf", "impt", "imps", "bedzie", "winien", "pred", "pcon", "pant"})
NOT_A_CLAUSE = frozenset({"conj", "acl", "xcomp", "amod", "nmod", "appos", "obl", "obj", "nsubj", "orphan"})
SUBJECT_CASES = frozenset({"nom"})


def _fields(token: Token) -> list[str]:
    return token.tag_.split(":")


def _gender_class(number: str, gender: str) -> str:
    """The genders a past-tense form and a participle tell apart: in the singular masculine,
    feminine, neuter (``zabity`` is any masculine); in the plural masculine-personal or not."""
    if number == "sg":
        return "m" if gender.startswith("m") else gender
    return "m1" if gender == "m1" else "other"


def _number_gender(aux: Token) -> tuple[str | None, str | None]:
    """The auxiliary's number and gender (a present or future form has no gender)."""
    form = _fields(aux)
    if form[0] == "praet":
        number, _, gender = agreement(aux.tag_)
        return number, gender
    return (form[1] if form[0] == "fin" and len(form) > 1 else None), None


def _agrees(aux: Token, participle: Token) -> bool:
    """Number and gender (past tense) or number (present, future) of the auxiliary and a
    nominative passive participle; ``zostało`` with a genitive plural after a numeral."""
    if not participle.tag_.startswith("ppas:"):
        return False
    number, case, gender = agreement(participle.tag_)
    form = _fields(aux)
    own_number, own_gender = _number_gender(aux)
    if form[0] == "praet":
        if own_number == number and case == "nom" and own_gender and gender \
                and _gender_class(own_number, own_gender) == _gender_class(number, gender):
            return True
        return (own_number, own_gender, number, case) == ("sg", "n", "pl", "gen")
    if form[0] == "fin":
        return own_number == number and case == "nom"
    return form[0] in ("inf", "impt") and case == "nom"


def participle_of(aux: Token) -> Token | None:
    """The passive participle a form of ``zostać`` builds its passive with: the first after it,
    nothing verbal, no punctuation or conjunction between, within :data:`WINDOW` words; else the
    word right before it."""
    if aux.lemma_ != AUXILIARY or _fields(aux)[0] not in AUXILIARY_FORMS:
        return None
    sent = aux.sent
    for token in aux.doc[aux.i + 1:min(sent.end, aux.i + 1 + WINDOW)]:
        if _agrees(aux, token):
            return token
        if _fields(token)[0] in BLOCKING:
            break
    before = aux.doc[aux.i - 1] if aux.i > sent.start else None
    return before if before is not None and _agrees(aux, before) else None


def _nominal(token: Token) -> bool:
    return _fields(token)[0] in NOMINALS


def _is_verbal(token: Token) -> bool:
    fields = _fields(token)
    return fields[0] in VERBAL or fields[0] in ("ppas", "adj") and any(
        c.dep_ in ("aux", "aux:pass", "cop") for c in token.children)


def _subject_for(noun: Token, aux: Token, participle: Token) -> bool:
    """A nominal before the participle that can be its subject: nominative in the auxiliary's
    number, or a genitive plural counted by a numeral with ``zostało``."""
    if not _nominal(noun) or noun.i > participle.i:
        return False
    number, case, _ = agreement(noun.tag_) or (None, None, None)
    own_number, own_gender = _number_gender(aux)
    if (case, number, own_number, own_gender) == ("gen", "pl", "sg", "n"):
        return True
    return case in SUBJECT_CASES and number == own_number


def _in_subtree(token: Token, root: Token) -> bool:
    return token == root or root.is_ancestor(token)


class PassiveRepair:
    """Spacy component: :func:`repair` on every sentence of a parsed Doc (module docstring)."""

    def __call__(self, doc: Doc) -> Doc:
        if doc.has_annotation("DEP") and doc.has_annotation("TAG"):
            for sent in list(doc.sents):
                repair(sent)
        return doc


def repair(sent: Span) -> int:
    """Restore the passives of one sentence; the number of changes."""
    changed = 0
    for aux in list(sent):
        participle = participle_of(aux)
        if participle is None:
            continue
        if not (aux.head == participle and aux.dep_.startswith("aux")):
            changed += _attach_auxiliary(aux, participle)
        elif participle.dep_ in NOT_A_CLAUSE:
            changed += _raise_participle(aux, participle, sent)
    return changed


def _move_dependents(source: Token, target: Token, only_before: int | None = None) -> None:
    for child in list(source.children):
        if child == target or _in_subtree(target, child):
            continue
        if only_before is not None and child.i > only_before and not (child.is_punct and child.i == child.sent.end - 1):
            continue
        child.head = target
        if child.dep_ == "nsubj":
            child.dep_ = "nsubj:pass"
        elif child.dep_ in ("cop", "aux") and child.lemma_ == AUXILIARY:
            child.dep_ = "aux:pass"


def _take_place(token: Token, of: Token) -> None:
    """``token`` takes the attachment of ``of`` (the sentence's root where ``of`` is)."""
    if of.head == of:
        token.head = token
        token.dep_ = "ROOT"
    else:
        token.head = of.head
        token.dep_ = of.dep_


def _attach_auxiliary(aux: Token, participle: Token) -> int:
    if _in_subtree(aux, participle):  # the auxiliary already inside the participle's phrase
        pass
    elif aux.dep_ in ("cop", "aux", "aux:pass") and aux.head != aux and _in_subtree(participle, aux.head):
        predicate = aux.head  # a copula of the noun after the participle: the participle is the predicate
        if _in_subtree(predicate.head, participle) and predicate.head != predicate:
            return 0
        _take_place(participle, predicate)
        _move_dependents(predicate, participle, only_before=participle.i)
        predicate.head = participle
        predicate.dep_ = "obl" if _nominal(predicate) else predicate.dep_
    elif aux.head == aux or not _in_subtree(aux.head, participle):
        _take_place(participle, aux)
    else:
        return 0
    _move_dependents(aux, participle)
    aux.head = participle
    aux.dep_ = "aux:pass"
    return 1


def _raise_participle(aux: Token, participle: Token, sent: Span) -> int:
    if any(c.dep_.startswith("nsubj") or c.dep_ == "mark" for c in participle.children):
        return 0
    root = sent.root
    if root == participle or _is_verbal(root):
        return 0
    holder = participle.head
    participle.head = participle
    participle.dep_ = "ROOT"
    if holder != root and _subject_for(holder, aux, participle):
        holder.head = participle
        holder.dep_ = "nsubj:pass"
        subject = holder
    else:
        subject = None
    root.head = participle
    if subject is None and _subject_for(root, aux, participle):
        root.dep_ = "nsubj:pass"
    elif _nominal(root):
        root.dep_ = "obl"
    return 1

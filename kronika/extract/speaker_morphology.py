"""Morphology for speakers: case, gender, number and agreement from NKJP tags, with Morfeusz's
readings where no tagger ran (the rules-only pipeline)."""
from __future__ import annotations

import os

import morfeusz2
from spacy.tokens import Span, Token

from .speech import POSSESSIVES, WORDS, is_known, readings, tag, tag_pos

NOMINALS = frozenset({"subst", "depr", "ppron3", "ppron12", "ger", "brev"})
MODIFIERS = frozenset({"adj", "ppas", "pact", "num", "adja"})
PRONOUNS, COORDINATORS = WORDS["pronoun"], WORDS["coordinator"]
FEMININE_PERSON = tuple(WORDS["feminine_person_suffix"])  # chrześcijanka, rzeczniczka, kobieta


def _fields(token: Token) -> list[str]:
    return tag(token).split(":") if tag(token) else []


def case_of(token: Token) -> str | None:
    fields = _fields(token)
    return fields[2] if len(fields) > 2 and fields[0] in NOMINALS | MODIFIERS else None


def known_case(token: Token) -> str | None:
    """The tagged case of a word the dictionary knows (a guess for an unknown name is no evidence)."""
    return case_of(token) if is_known(token) else None


def cases_of(token: Token) -> set[str]:
    """The cases a known word can be in: its tag's (every case its form has with the tag's
    number and gender, or with another gender, for a word that does not decline: ``premier
    Theresę May``, ``May`` tagged masculine), or (without a tagger) its readings'."""
    if not is_known(token):
        return set()
    cases = {f[2] for f in _options(token) if len(f) > 2 and f[0] in NOMINALS | MODIFIERS}
    fields = _fields(token)
    if len(fields) > 3 and fields[0] in NOMINALS:
        by_gender: dict[str, set[str]] = {}
        for f in (r.tag.split(":") for r in readings(token)):
            if len(f) > 3 and (f[0], f[1]) == (fields[0], fields[1]):
                by_gender.setdefault(f[3], set()).add(f[2])
        # the tagged gender's forms, or any gender's the form does not decline in (``May`` tagged m1)
        for gender, same_form in sorted(by_gender.items(), key=lambda item: item[0] != fields[3]):
            if len(same_form) >= INDECLINABLE_CASES:
                cases |= same_form
                break
    return cases


def gender_of(token: Token | None) -> str | None:
    """m, f, n or pl from a noun's or a verb's tag (None when it does not say)."""
    fields = _fields(token) if token is not None else []
    if len(fields) > 2 and fields[0] in ("praet", "winien"):
        return number_gender(fields[1], fields[2])
    if len(fields) > 3 and fields[0] in NOMINALS and fields[0] != "brev":
        return number_gender(fields[1], fields[3])
    return "pl" if len(fields) > 1 and fields[0] in ("fin", "bedzie") and fields[1] == "pl" else None


INDECLINABLE_CASES = 6  # a noun form read in six cases or more does not decline: its tagged case is a guess
PERSON_VERBS = frozenset({"fin", "bedzie", "impt"})  # NKJP classes that carry a person
FIRST_OR_SECOND = frozenset({"pri", "sec"})


def agrees(verb: Token | None, noun: Token) -> bool:
    """Subject-verb agreement in number, and in gender for common nouns (names' tags are
    unreliable); without a tagger, for some pair of the words' dictionary readings."""
    if verb is None:
        return True
    return any(_agree(v, n, noun) for v in _options(verb) for n in _options(noun))


def _options(token: Token) -> list[list[str]]:
    if token.tag_:
        return [token.tag_.split(":")]
    analyses = readings(token)
    return [r.tag.split(":") for r in analyses if r.tag != "ign"] or [[]]


def _agree(verb: list[str], noun: list[str], token: Token) -> bool:
    if verb and verb[0] in PERSON_VERBS and FIRST_OR_SECOND & set(verb) and noun and noun[0] != "ppron12":
        return False  # Mówię jako Brytyjczyk: a first or second person takes no noun subject
    verb_number = verb[1] if len(verb) > 1 and verb[1] in ("sg", "pl") else None
    noun_number = noun[1] if len(noun) > 1 and noun[1] in ("sg", "pl") else None
    if verb_number and noun_number and verb_number != noun_number:
        return any(t.lower_ in COORDINATORS for t in token.doc[max(token.i - 3, 0) : token.i + 3])
    if token.pos_ == "PROPN" or not verb or verb[0] not in ("praet", "winien") or len(verb) < 3 or len(noun) < 4:
        return True
    verb_gender, noun_gender = number_gender(verb[1], verb[2]), number_gender(noun[1], noun[3])
    return verb_gender is None or noun_gender is None or same_gender(verb_gender, noun_gender)


def number_gender(number: str, gender: str) -> str | None:
    return "pl" if number == "pl" else {"m1": "m", "m2": "m", "m3": "m", "f": "f", "n": "n"}.get(gender)


def same_gender(wanted: str, actual: str) -> bool:
    return wanted == actual or "n" in (wanted, actual)


def nominative(token: Token) -> bool:
    """Tagged nominative, or a nominative reading in the dictionary (``Radio``: nom = acc)."""
    if case_of(token) == "nom" or (token.pos_ == "PROPN" and case_of(token) is None):
        return True
    analyses = readings(token)
    if any(r.tag == "ign" for r in analyses):
        return token.text[:1].isupper()
    ambiguous = case_of(token) == "acc" or not token.tag_
    return ambiguous and any(":nom:" in r.tag and r.tag.split(":")[0] in NOMINALS for r in analyses)


def is_pronoun(token: Token) -> bool:
    return token.lower_ in PRONOUNS or tag_pos(token) in {"ppron3", "ppron12"}


def person_like(token: Token) -> bool:
    """A noun that can name a person: masculine personal, or a feminine noun of a person."""
    fields = _fields(token)
    if len(fields) < 4 or fields[0] != "subst":
        return False
    return fields[3] == "m1" or (fields[3] == "f" and token.lemma_.lower().endswith(FEMININE_PERSON))


def is_nominal(token: Token) -> bool:
    unknown_name = not tag(token) and token.text[:1].isupper() and token.is_alpha
    return tag_pos(token) in NOMINALS or token.pos_ in {"NOUN", "PROPN"} or unknown_name


def head_of(words: Span) -> Token:
    return next((t for t in words if (is_nominal(t) or is_pronoun(t)) and not _possessive_before(t, words)), words[0])


def _possessive_before(token: Token, words: Span) -> bool:
    """``jej`` in ``jej prawnik``: a possessive with its noun after it, not the head."""
    return token.lower_ in POSSESSIVES and token.i + 1 < words.end


def role_head(token: Token) -> bool:
    """A common noun that can name a role (``prezydent``, ``rzeczniczka``)."""
    analyses = readings(token)
    common_reading = any(r.tag.startswith("subst") and not r.name_types for r in analyses)
    common = not token.text[:1].isupper() or (token.pos_ == "NOUN" and common_reading)
    return (tag_pos(token) == "subst" or token.pos_ == "NOUN") and common and token.is_alpha




_generator: tuple[int, morfeusz2.Morfeusz] | None = None


def _generate(lemma: str) -> list[tuple[str, str]]:
    """Every (form, tag) of ``lemma`` (this process's Morfeusz generator, made on first use)."""
    global _generator
    if _generator is None or _generator[0] != os.getpid():
        _generator = (os.getpid(), morfeusz2.Morfeusz(analyse=False, generate=True, expand_tags=True))
    try:
        return [(form, tag) for form, _, tag, *_ in _generator[1].generate(lemma)]
    except RuntimeError:
        return []


def plural_nominative(words: list[Token], head: Token) -> str | None:
    """The nominative plural of a counted noun phrase (``kilka partii`` -> ``partie``,
    ``wielu pakistańskich polityków`` -> ``pakistańscy politycy``): the head and the modifiers
    before it, from their plural genitive readings; the words after the head as written. None
    when a word has no such form."""
    def lemma(token: Token) -> str | None:
        pos = "subst" if token.i == head.i else "adj"
        options = [r.lemma.split(":")[0] for r in readings(token) if ":pl:gen:" in r.tag and r.tag.split(":")[0] == pos]
        return token.lemma_ if token.lemma_ in options else next(iter(options), None)  # polityków: polityk, not polityka

    lemmas = {t.i: lemma(t) for t in words if t.i <= head.i}
    if any(lemma is None for lemma in lemmas.values()):
        return None
    noun = next((f for f in _generate(lemmas[head.i]) if f[1].startswith("subst:pl:nom:")), None)
    if noun is None:
        return None
    gender = noun[1].split(":")[3]
    out = []
    for token in words:
        if token.i < head.i:
            form = next((f for f, t in _generate(lemmas[token.i]) if t.startswith(f"adj:pl:nom:{gender}:pos")), None)
            if form is None:
                return None
            out.append(form)
        else:
            out.append(noun[0] if token.i == head.i else token.text)
    return " ".join(out)

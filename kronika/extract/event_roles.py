"""Event roles: actor and recipient from the dependency parse and case, as parties with ids,
country codes and PLOVER sectors.

Slots are those of the lexicon (``nsubj``, ``obj``, ``iobj``, ``obl:do+gen``, ``nmod:gen`` ...):
in the passive the subject fills the object's slot and ``przez`` + accusative the subject's; a
verbal noun takes its agent from ``przez`` + accusative and its object (or, for a reflexive or
intransitive verb, its subject) from the genitive. Conjoined fillers are one compound party
(``Rosja i Białoruś``). A missing subject is the subject of the coordinated or governing verb,
else the most recent compatible subject of the paragraph (pro-drop); first-person verbs in a
quotation take the speaker. A filler becomes a party through the entity mention on it (the
fullest name of the article), a person named in apposition to a title (``prezydent Kazachstanu
Kasym-Żomart Tokajew``), the country of a governing body (``władze Francji``), or else a
description in the nominative (``islamiści``). Country codes come from the entity (an
organisation's body gives its actor code: ``EUCO`` -> ``EU``), else from
:func:`kronika.link.codes.country_code` (names, places, adjectives, demonyms: the one source of
codes for entities and events), else from a country complement or adjective of the phrase, else
(for people, organisations and descriptions) from the article's main country; sectors from
``plover_sectors.txt``.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from spacy.tokens import Doc, Span, Token

from ..export.plover import ORGANISATION_CODES
from ..lang import pl
from ..link.codes import adjective_codes, canonical_name, country_code, organisation_country
from ..model import Entity, EventActor
from .base_forms import lemmatize_phrase
from .event_triggers import Frame, Trigger, clause_head, is_verbal, relative_conjunct_noun

__all__ = [
    "Parties", "addressee_parsed_as_subject", "is_passive", "reads_as", "SubjectMemory", "agents", "code_of", "conjuncts", "implicit_party", "is_agglutinate", "is_state",
    "is_reflexive", "nominal_object", "slot_tokens", "speech_verbs", "subject_heads",
]

CASES = {"nom": "Nom", "gen": "Gen", "dat": "Dat", "acc": "Acc", "inst": "Ins", "loc": "Loc"}
NAMED = ("PER", "ORG")
PERSONAL_PRONOUNS = frozenset({"on", "ona", "ono", "oni", "one", "ja", "my", "ty", "wy"})
FILLER_DEPS = ("nsubj", "obj", "iobj", "obl", "nmod", "appos", "conj", "flat")
_SLOT = re.compile(r"(obl|nmod):(.+)\+(\w+)")
COMPLEMENT_WORDS = 4  # the longest genitive complement kept in a description
GENERIC_PEOPLE = {"kobieta": "Fem", "mężczyzna": "Masc"}  # bare, they take up the article's main person
MAIN_PERSON_MENTIONS = 3
SECTOR_CODES = frozenset({"NGO", "IGO", "MNC"})  # PLOVER's codes of a kind of party, not of one organisation
LOCAL_MENTIONS = 2  # a passage naming another state this often is about it
LOCAL_SENTENCES = 3  # the passage: a sentence and the two before it


# ---------------------------------------------------------------- slots


def _case_word(token: Token) -> str | None:
    """The preposition of a noun, with its fixed parts (``ze strony``), lower-cased."""
    case = next((c for c in token.children if c.dep_ == "case"), None)
    if case is None:
        return None
    fixed = [f.text.lower() for f in case.children if f.dep_ == "fixed"]
    return " ".join([case.lemma_.lower(), *fixed])


def _has_case(token: Token, case: str) -> bool:
    cases = token.morph.get("Case")
    return not cases or CASES[case] in cases


def is_agglutinate(token: Token) -> bool:
    """A person ending split off a past verb (``uzgodnili|śmy``), not a word of its own."""
    return token.i > 0 and not token.doc[token.i - 1].whitespace_ and token.text.lower() in pl.agglutinates()


def _dative(token: Token) -> bool:
    """Dative as tagged, or the only reading Morfeusz gives besides a nominative plural
    (``przywódcy``: dat/gen/loc singular or nom plural; the tagger often picks the plural)."""
    if "Dat" in token.morph.get("Case") or _phrase_cases(token) == {"Dat"}:
        return True  # (``rosyjskiemu przywódcy``: the adjective's dative shows the case the noun's tag missed)
    if not Token.has_extension("morfeusz") or "Nom" not in token.morph.get("Case"):
        return False
    return any(":dat:" in f":{r.tag}:" for r in token._.morfeusz) and token.dep_ != "nsubj"


def _dative_pronoun(token: Token) -> bool:
    """A third-person pronoun whose form is dative as well as genitive (``jej``), whatever case
    the tagger chose (``Nakazano jej uwolnienie``, ``grozić jej śmiercią``)."""
    return token.pos_ == "PRON" and token.tag_.startswith("ppron3") and _dictionary_reads(token, "Dat")


def _in_case(token: Token, *cases: str) -> bool:
    """The token's case is one of ``cases`` (or unknown)."""
    known = token.morph.get("Case")
    return not known or any(c in known for c in cases)


_TAG_CASES = {"nom": "Nom", "gen": "Gen", "dat": "Dat", "acc": "Acc", "inst": "Ins", "loc": "Loc", "voc": "Voc"}
_TAG_NUMBERS = {"sg": "Sing", "pl": "Plur"}


def _dictionary_reads(token: Token, case: str, numbers=()) -> bool:
    """Some Morfeusz reading of the token has ``case`` (and one of ``numbers``): the dictionary's
    word, not only the tagger's single choice (``Protestujący`` tagged singular accusative)."""
    if not Token.has_extension("morfeusz"):
        return False
    for reading in token._.morfeusz:
        parts = [set(p.split(".")) for p in reading.tag.split(":")]
        cases = {_TAG_CASES[c] for p in parts for c in p if c in _TAG_CASES}
        found = {_TAG_NUMBERS[n] for p in parts for n in p if n in _TAG_NUMBERS}
        if case in cases and (not numbers or found & set(numbers)):
            return True
    return False


def reads_as(token: Token, case: str) -> bool:
    """Some dictionary reading of the token is in ``case`` (``Nom``, ``Acc`` ...)."""
    return _dictionary_reads(token, case)


def _phrase_cases(token: Token) -> set[str]:
    """The cases a noun phrase can be in: its head's, narrowed by the adjectives and determiners
    agreeing with it (``brytyjską premier``: the indeclinable ``premier`` is accusative)."""
    cases = set(token.morph.get("Case"))
    for child in token.children:
        if child.dep_.startswith(("amod", "det")) and child.i < token.i and child.morph.get("Case"):
            narrowed = cases & set(child.morph.get("Case")) if cases else set(child.morph.get("Case"))
            cases = narrowed or cases
            if not narrowed:
                return set(child.morph.get("Case"))  # the modifier's inflection shows the case
    return cases


def _quantified(noun: Token) -> bool:
    """A genitive under a governing numeral (``wiele państw``, ``kilku kaznodziejów``): the
    numeral phrase is the subject."""
    return any(c.dep_ in ("det:numgov", "nummod:gov") for c in noun.children)


def _phrase_in_case(token: Token, *cases: str) -> bool:
    known = _phrase_cases(token)
    return not known or any(c in known for c in cases)


def _agrees(participle: Token, noun: Token) -> bool:
    """Nominative, and the same gender and number where both are known."""
    if "Nom" not in noun.morph.get("Case") and noun.morph.get("Case"):
        return False
    for feature in ("Gender", "Number"):
        a, b = set(participle.morph.get(feature)), set(noun.morph.get(feature))
        if a and b and not a & b:
            return False
    return True


def _predicative_head(token: Token) -> Token | None:
    """The subject of a passive predicate the parse attached to a noun as a modifier
    (``gubernator ..., został zabity``: ``zabity`` as ``acl`` of ``gubernator`` with its own
    ``aux:pass``): that noun, or its subject where the parse made it the sentence's head
    (``za krytykowanie ... zamordowany został Shabbaz Batti``), whichever agrees with it."""
    if not (token.dep_.startswith("acl") and any(c.dep_ == "aux:pass" for c in token.children)):
        return None
    head = token.head
    if head == token:
        return None
    candidates = [c for c in head.children if c.dep_.startswith("nsubj") and c != token]
    if head.pos_ in ("NOUN", "PROPN") or head.tag_.startswith("subst"):
        candidates.append(head)
    return next((c for c in candidates if _agrees(token, c)), None)


def _substantive(token: Token) -> bool:
    """A noun, name or pronoun, or a participle or adjective standing for people (``Protestujący``)."""
    if token.pos_ in ("NOUN", "PROPN", "PRON") or token.tag_.startswith(("subst", "depr")):
        return True
    return token.tag_.startswith(("pact", "adj")) and "Hum" in token.morph.get("Animacy") and not any(
        c.dep_ == "case" for c in token.children
    )


def _subject_by_case(token: Token, kids: list[Token]) -> list[Token]:
    """Where the parse gave a finite verb no subject: its nominative dependent without a
    preposition that agrees with it in number (Polish marks the subject by case, not position);
    for a predicative adjective, in number and gender (``Gotowa przyjąć Asię Bibi jest m.in.
    Francja``)."""
    if token.pos_ == "ADJ" and token.dep_ == "ROOT" and token.tag_.startswith("adj") and "Nom" in token.morph.get("Case"):
        number, gender = set(token.morph.get("Number")), set(token.morph.get("Gender"))
        return [c for c in kids if c.dep_.split(":")[0] in ("obl", "obj", "nmod", "dep", "parataxis")
                and _case_word(c) is None and c.pos_ in ("NOUN", "PROPN") and _phrase_cases(c) == {"Nom"}
                and number & set(c.morph.get("Number")) and gender & set(c.morph.get("Gender"))][:1]
    if not token.tag_.startswith(("fin", "praet", "bedzie")) or "1" in token.morph.get("Person"):
        return []
    number = token.morph.get("Number")
    found = [
        c for c in kids
        if c.dep_.split(":")[0] in ("obl", "obj", "advcl", "nmod", "dep", "iobj") and _case_word(c) is None
        and _substantive(c) and c.pos_ != "PRON" and (
            _phrase_cases(c) == {"Nom"} and (not number or not c.morph.get("Number") or set(number) & set(c.morph.get("Number")))
            or c.i < token.i and c.tag_.startswith("pact") and _dictionary_reads(c, "Nom", number))
    ]
    if not found:  # a verb has one object: of two, the one agreeing with it as a subject is the subject
        found = _second_object_subject(token, kids)  # (``Swoją pomoc zaoferował pakistański rząd``)
    return found[:1]


def _second_object_subject(verb: Token, kids: list[Token]) -> list[Token]:
    objects = [c for c in kids if c.dep_ == "obj" and _case_word(c) is None and c.pos_ in ("NOUN", "PROPN")]
    verb_tag = verb.tag_.split(":")
    if len(objects) < 2 or verb_tag[0] != "praet" or len(verb_tag) < 3:
        return []
    agreeing = []
    for noun in objects:
        noun_tag = noun.tag_.split(":")
        if noun_tag[0] not in ("subst", "depr") or len(noun_tag) < 4 or not _dictionary_reads(noun, "Nom"):
            continue
        if noun_tag[1] == verb_tag[1] and set(noun_tag[3].split(".")) & set(verb_tag[2].split(".")):
            agreeing.append(noun)
    return agreeing if len(agreeing) == 1 else []


def addressee_parsed_as_subject(noun: Token, verb: Token) -> bool:
    """The addressee of a call (``wezwać/wzywać/namawiać X do Y``: the verb governs an
    accusative and ``do``) that the parse took for the subject: after the verb, readable as an
    accusative, and unable to agree with the verb in number or (past tense) gender (``Wezwał
    także nowy rząd Khana do ustąpienia``: ``wezwał`` masculine personal, ``rząd`` masculine
    inanimate, nominative and accusative alike). The subject is then unsaid (pro-drop)."""
    if verb.lemma_.lower() not in pl.event_cues()["call"] or noun.i < verb.i:
        return False
    if not any(_case_word(c) == "do" for c in [*verb.children, *noun.children]) or any(
            c.dep_ == "obj" for c in verb.children):
        return False
    verb_tag, noun_tag = verb.tag_.split(":"), noun.tag_.split(":")
    if verb_tag[0] not in ("praet", "fin") or len(verb_tag) < 3 or noun_tag[0] not in ("subst", "depr") or len(noun_tag) < 4:
        return False
    if any(c.dep_ == "case" for c in noun.children) or not _dictionary_reads(noun, "Acc"):
        return False
    verb_number, noun_number, noun_gender = verb_tag[1], noun_tag[1], noun_tag[3].split(".")
    if verb_number != noun_number:
        return True
    if verb_tag[0] != "praet":
        return False
    verb_gender = verb_tag[2].split(".")
    if verb_number == "sg":
        return not set(verb_gender) & set(noun_gender)
    return ("m1" in verb_gender) != ("m1" in noun_gender)  # plural: masculine personal or not


def _included_members(token: Token) -> list[Token]:
    """``m.in.`` (``między innymi``, among others) parsed as the head of the names it introduces
    (``zadeklarowały m.in. Włochy, Francja i Parlament Europejski``): the first name stands in."""
    if token.lemma_.lower() != "między innymi" and token.text.lower().rstrip(".") != "m.in":
        return [token]
    members = [c for c in token.children if c.pos_ in ("NOUN", "PROPN") and _case_word(c) is None]
    return members[:1] or [token]


def _slot_fillers(token: Token, slot: str, passive: bool, nominal: bool) -> list[Token]:
    """Dependents of one trigger token that fill ``slot`` (core slots checked against the case of
    the phrase, not only the label the parse gave it)."""
    kids = [c for c in token.children if not (c.is_space or c.is_punct or is_agglutinate(c))]
    if slot == "nsubj":
        if token.tag_.startswith("imps"):
            return []
        if passive or nominal:
            agent = [c for c in kids if c.dep_ == "obl:agent" or _case_word(c) == "przez" and _has_case(c, "acc")]
            if not agent and passive and token.dep_ == "conj" and _passive(token.head):  # pchnięty ... oraz postrzelony przez
                agent = _slot_fillers(token.head, "nsubj", True, False)
            if not agent and passive:
                agent = [c for t in _conjoined_predicates(token) for c in t.children
                         if c.dep_ == "obl:agent" or _case_word(c) == "przez" and _has_case(c, "acc")]
            agent = [c for c in agent if not c.tag_.startswith("ger")]  # skazana przez powieszenie: a manner, no agent
            if agent or passive or not is_reflexive(token):
                return agent
            return [c for c in kids if _case_word(c) is None and "Gen" in c.morph.get("Case")]  # wycofania się władz
        if "1" in token.morph.get("Person") or _first_person_form(token):
            return [c for c in kids if c.dep_ == "nsubj" and c.lemma_.lower() in ("ja", "my")]
        number = token.morph.get("Number")
        found = [c for c in kids if c.dep_ == "nsubj" and not _name_in_other_case(c) and not addressee_parsed_as_subject(c, token) and (
            _in_case(c, "Nom") and _phrase_in_case(c, "Nom") or _quantified(c) or _dictionary_reads(c, "Nom", number) and (_substantive(c) or c.tag_.startswith("pact")))]
        # ``zadeklarowały m.in. Włochy, Francja ...``: the names m.in. introduces are the subject
        members = [m for c in kids if c.dep_ == "nsubj" for m in _included_members(c) if m is not c]
        found = members or found
        if not found and not any(c.dep_.startswith("nsubj") for c in kids):
            found = _subject_by_case(token, kids)
        return found
    if slot == "obj":
        if token.tag_.startswith("imps"):  # an impersonal form has no subject: ``Razę aresztowano``
            return [c for c in kids if c.dep_.startswith(("obj", "nsubj")) and _substantive(c)]
        if passive:
            found = [c for c in kids if c.dep_.startswith("nsubj") and _in_case(c, "Nom") and not _adpositional(c)]
            if not found:  # ``Osiem lat temu kobieta skazana została``: the subject hung on a time phrase
                found = [n for c in kids if c.dep_.startswith("nsubj") and _adpositional(c) for n in c.children
                         if n.dep_.startswith("nmod") and n.pos_ in ("NOUN", "PROPN") and _agrees(token, n)
                         and "Nom" in n.morph.get("Case") and not _adpositional(n)]
            head = (_predicative_head(token) or relative_conjunct_noun(token)) if not found else None
            if not found and head is None and token.dep_ == "conj" and token.head.tag_.startswith("ppas"):
                return _slot_fillers(token.head, "obj", True, False)  # oskarżona ... i skazana: one subject
            return [head] if head is not None else found
        if nominal:
            return _slot_fillers(token, "nmod:gen", False, True)
        found = [c for c in kids if c.dep_ == "obj" and _in_case(c, "Acc", "Gen")]
        if not found:  # ``Wezwał ... nowy rząd Khana``: a subject that cannot agree with the verb
            found = [c for c in kids if c.dep_ == "nsubj" and addressee_parsed_as_subject(c, token)]
        if not found:  # a subject in the accusative is the object (``prosiłem brytyjską premier``)
            found = [c for c in kids if c.dep_ == "nsubj" and _phrase_cases(c) and "Nom" not in _phrase_cases(c)
                     and "Acc" in _phrase_cases(c)]
        if not found:  # a verb has one subject: a second one after it, not nominative, is its object
            subjects = [c for c in kids if c.dep_ == "nsubj"]  # (``policja zatrzymała ... wielu członków``)
            if len(subjects) > 1 and subjects[0].i < token.i:
                found = [c for c in subjects[1:] if c.i > token.i and not _in_case(c, "Nom") and _in_case(c, "Acc", "Gen")]
        if not found:  # an object the parse attached as a modifier: an accusative person
            found = [c for c in kids if c.dep_.split(":")[0] in ("advcl", "amod", "acl", "obl", "xcomp") and _case_word(c) is None
                     and _substantive(c) and "Hum" in c.morph.get("Animacy") and c.i > token.i
                     and (_phrase_cases(c) & {"Acc"} or _dictionary_reads(c, "Acc"))]
        return found
    if slot == "iobj":
        return [c for c in kids if c.pos_ in ("NOUN", "PROPN", "PRON") and _case_word(c) is None
                and (c.dep_ == "iobj" and (_in_case(c, "Dat") or _dative_pronoun(c)) or c.dep_.startswith(("obj", "obl")) and _dative(c)
                     or c.dep_ == "nsubj" and _phrase_cases(c) == {"Dat"}
                     # a verb has one subject: a second, not nominative, is its object (``władze nie pozwolą Bibi``)
                     or c.dep_ == "nsubj" and c.morph.get("Case") and "Nom" not in c.morph.get("Case")
                     and (_dictionary_reads(c, "Dat") or _unknown_word(c)) and any(
                         o.dep_ == "nsubj" and o != c and "Nom" in o.morph.get("Case") for o in kids)
                     # an infinitive has no subject: the one the parse gave it is the controller,
                     # the dative of the verb governing it (``nie pozwolą Bibi opuścić kraju``)
                     or c.dep_ == "nsubj" and token.tag_.startswith("inf") and token.dep_ == "xcomp" and c.i < token.i)] or [
            g for c in kids if c.dep_.startswith(("nsubj", "obj")) and not token.tag_.startswith(("ger", "subst"))
            for g in c.children if g.dep_.startswith("nmod") and _case_word(g) is None and _phrase_cases(g) == {"Dat"}
            and g.pos_ in ("NOUN", "PROPN", "PRON")] or [  # azyl kobiecie zaoferowały: a dative the parse hung on the object
            g for c in kids if c.dep_.split(":")[0] in ("obl", "iobj") and _case_word(c) is None and "Ins" in c.morph.get("Case")
            and not token.tag_.startswith(("ger", "subst"))
            for g in c.children if g.dep_.startswith("nmod") and g.i < c.i and _dative_pronoun(g)]
        # ``grozić jej śmiercią``: the pronoun the parse hung on the instrumental means
    if slot in ("nmod:gen", "obl:inst"):
        wanted = "Gen" if slot == "nmod:gen" else "Ins"
        deps = ("nmod", "obl", "obj") if nominal else ("nmod", "obl")  # a verbal noun's object: zabicia sędziów
        found = [c for c in kids if c.dep_.startswith(deps) and _case_word(c) is None and wanted in c.morph.get("Case")]
        if not found and nominal and wanted == "Gen":
            found = _stranded_genitive(token)
        return found
    match = _SLOT.fullmatch(slot)
    if match:
        return [
            c for c in kids if c.dep_.startswith(("obl", "nmod")) and _case_word(c) == match[2] and _has_case(c, match[3])
        ]
    return []


def _stranded_genitive(noun: Token) -> list[Token]:
    """The genitive of people right after an event noun that the parse hung on a word above it
    (``padła ofiarą napadu islamskich terrorystów``: the terrorists attacked)."""
    after = noun.right_edge.i + 1
    if after >= len(noun.doc):
        return []
    ancestors = set(noun.ancestors)
    for word in noun.doc[after:min(len(noun.doc), after + COMPLEMENT_WORDS)]:
        if word.left_edge.i == after and word.head in ancestors and word.pos_ in ("NOUN", "PROPN") and (
                _case_word(word) is None and "Gen" in word.morph.get("Case") and "Hum" in word.morph.get("Animacy")
                and word.dep_.split(":")[0] in ("iobj", "obj", "obl", "nmod")):
            return [word]
    return []


def _unknown_word(token: Token) -> bool:
    """A word the dictionary does not know (``Bibi``): a foreign name, in whatever case."""
    readings = token._.morfeusz if Token.has_extension("morfeusz") else ()
    return bool(readings) and all(r.tag == "ign" for r in readings)


def _adpositional(token: Token) -> bool:
    """Governed by a preposition or postposition next to it (``osiem lat temu``, ``w środę``; not
    one the parse hung on it from afar)."""
    return any((c.pos_ == "ADP" or c.tag_.startswith("prep")) and abs(c.i - token.i) <= 2
               for c in token.children if c.dep_ == "case")


def _conjoined_predicates(token: Token) -> list[Token]:
    """Passive participles coordinated with ``token`` (``pchnięty nożem oraz postrzelony``)."""
    return [c for c in token.children if c.dep_ == "conj" and c.tag_.startswith("ppas")]


def _first_person_form(verb: Token) -> bool:
    """A past form with a first-person ending split off (``prosił|em``, ``uzgodnili|śmy``)."""
    return verb.i + 1 < len(verb.doc) and not verb.whitespace_ and is_agglutinate(verb.nbor()) and (
        verb.nbor().text.lower() in ("m", "em", "śmy", "eśmy")
    )


def is_reflexive(token: Token) -> bool:
    """The verb has its ``się`` (as a dependent or the next word)."""
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return any(c.text.lower() == "się" for c in token.children) or following is not None and following.text.lower() == "się"


def _nominal(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") or token.tag_.startswith(("ger", "subst"))


def is_passive(token: Token) -> bool:
    """A passive participle used as a predicate (``została aresztowana``)."""
    return _passive(token)


def _passive(token: Token) -> bool:
    passive_deps = ("aux:pass", "nsubj:pass", "obl:agent", "aux")
    if not token.tag_.startswith("ppas"):
        return False
    if any(c.dep_ in passive_deps for c in token.children):
        return True
    # ``została oskarżona ... i skazana``: a conjunct shares the auxiliary of the first participle
    return token.dep_ == "conj" and token.head != token and token.head.tag_.startswith("ppas") and _passive(token.head)


def _hosts(trigger: Trigger, slot: str, support: Token | None) -> list[tuple[Token, str]]:
    """Where a slot's filler may hang, tolerating the commonest parse error, a prepositional
    phrase attached one level off: under the verb's object (``zaapelował o pomoc do przywódców``)
    or, for an event noun, under its support verb (``Starcia wybuchły między ...``)."""
    hosts = [(t, slot) for t in trigger.tokens]
    match = _SLOT.fullmatch(slot)
    if match and match[1] == "obl":
        hosts += [(c, f"nmod:{match[2]}+{match[3]}") for t in trigger.tokens for c in t.children
                  if c.dep_.startswith(("obj", "obl")) and c not in trigger.tokens]
    if match and match[1] == "nmod" and support is not None:
        hosts.append((support, f"obl:{match[2]}+{match[3]}"))
    if slot == "iobj" and support is not None and support not in trigger.tokens:
        hosts.append((support, "iobj"))  # ``wysłał Putinowi list gratulacyjny``: the verb's dative
    return hosts


def slot_tokens(trigger: Trigger, slots, support: Token | None = None) -> list[Token]:
    """The heads that fill the first of ``slots`` found on the trigger (see :func:`_hosts`)."""
    for slot in slots:
        if slot in ("self", "speaker", "ccomp", "xcomp"):
            continue
        for token, host_slot in _hosts(trigger, slot, support):
            nominal = _nominal(token) and (token == trigger.head or token.tag_.startswith("ger"))
            found = [t for t in _slot_fillers(token, host_slot, _passive(token), nominal)
                     if t not in trigger.tokens and not t.is_punct]
            if found:
                return found
    return []


def agents(verb: Token) -> list[Token]:
    """The agent of a passive verb (``przez`` + accusative)."""
    return _slot_fillers(verb, "nsubj", True, False)


def nominal_object(noun: Token) -> Token | None:
    """The object of a verbal noun: its genitive (``uwolnienia kobiety``), a possessive or
    dative pronoun (``jej uwolnienie``)."""
    for child in noun.children:
        if child.is_space or _case_word(child) is not None:
            continue
        if child.dep_.startswith(("nmod", "obj", "det:poss", "iobj")) and _in_case(child, "Gen", "Dat"):
            if child.pos_ in ("NOUN", "PROPN", "PRON") and not child.tag_.startswith("ger"):
                return child
    return None


def _person_like(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and (
        "Hum" in token.morph.get("Animacy") or token.pos_ == "PROPN" or token.lemma_.lower() in GENERIC_PEOPLE
        or token.ent_type_.startswith("persName"))


def misattached_object(noun: Token) -> Token | None:
    """The object of a verbal noun the parse hung on its prepositional phrase (``wypuszczenie z
    więzienia kobiety``: ``kobiety`` is what is released, not the prison's)."""
    if not noun.tag_.startswith("ger"):
        return None
    for phrase in noun.children:
        if not phrase.dep_.startswith(("nmod", "obl")) or _case_word(phrase) is None:
            continue
        for child in phrase.children:
            if (child.dep_.startswith("nmod") and child.i > phrase.i and _case_word(child) is None
                    and "Gen" in child.morph.get("Case") and _person_like(child)):
                return child
    return None


THING_TARGETS = ("na", "wobec", "dla", "przeciw", "przeciwko")


def thing_target(thing: Token) -> list[Token]:
    """Whom a thing done is done to, named on the thing (``wykonanie wyroku na Bibi``,
    ``sankcje wobec Rosji``): the targets of an object that is not itself a party."""
    return [c for c in thing.children if c.dep_.startswith("nmod") and _case_word(c) in THING_TARGETS
            and c.pos_ in ("NOUN", "PROPN")]


def conjuncts(token: Token) -> list[Token]:
    """The token and the members coordinated with it (``Rosja i Białoruś``)."""
    return [token, *(c for c in token.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "X", "PRON"))]


# ---------------------------------------------------------------- countries


@lru_cache(maxsize=4096)
def _base(text: str) -> str:
    return lemmatize_phrase(None, text).lower()


def _name_text(token: Token) -> str:
    """A name with the words that belong to it (``Komisji Europejskiej``)."""
    parts = [token, *(c for c in token.children if c.dep_.startswith(("flat", "amod", "nmod:flat")))]
    return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))


def _name_like(token: Token) -> bool:
    """A capitalised word the NER missed that Morfeusz reads as a name or does not know (``Khan``)."""
    if not token.text[:1].isupper() or not Token.has_extension("morfeusz"):
        return False
    return bool(token._.name_types) or not token._.is_known


def code_of(text: str, lemma: str = "") -> str | None:
    """The country or organisation actor code of a name, place, adjective or demonym in any case
    form (``Rosji``, ``rosyjskiego``, ``Rosjanie`` -> RUS; ``ODKB`` -> CSTO), or None."""
    text, lemma = text.strip(), lemma.strip()
    return (country_code(text) if text else None) or (country_code(lemma) if lemma and lemma != text else None)


def actor_code(code: str | None) -> str | None:
    """The code an event party acts under: an organisation's body acts for it (``EUCO`` -> ``EU``)."""
    return organisation_country(code) or code if code else None


def _country_adjective(token: Token) -> str | None:
    """The code of a country adjective (``pakistańscy`` -> PAK, ``unijni`` -> EU), or None."""
    return adjective_codes().get(token.text.lower()) if token.pos_ == "ADJ" or token.is_lower else None


@lru_cache(maxsize=1)
def collective_codes() -> dict[str, str]:
    """Words that make an unnamed party act for an organisation (``europejscy liderzy``,
    ``Bruksela`` -> EU; ``event_party_codes.txt``), lower-cased."""
    return pl.read_pairs("event_party_codes.txt")


def collective_code(token: Token) -> str | None:
    """The organisation a description's own word or adjective puts it under (``europejscy``)."""
    codes = collective_codes()
    return codes.get(token.lemma_.lower()) or codes.get(token.text.lower())


def is_state(code: str | None) -> bool:
    return bool(code) and code not in ORGANISATION_CODES


def main_country(doc: Doc, entities: list[Entity], start: int = 0, end: int | None = None) -> str | None:
    """The state the article (or its characters ``start:end``) is mostly about: the most frequent
    state code of its names and adjectives."""
    counts = _state_counts(doc, entities, start, len(doc.text) if end is None else end)
    return counts.most_common(1)[0][0] if counts else None


def _state_counts(doc: Doc, entities: list[Entity], start: int, end: int) -> Counter:
    counts: Counter = Counter()
    for entity in entities:
        for mention in entity.mentions:
            if start <= mention.start < end:
                code = entity.country or code_of(mention.text, mention.base or "")
                if is_state(code):
                    counts[code] += 1
    for token in doc.char_span(start, end, alignment_mode="expand") or ():
        code = _country_adjective(token) if token.pos_ == "ADJ" else None
        if is_state(code):
            counts[code] += 1
    return counts


def implicit_party(country: str | None) -> list[EventActor]:
    """An actor the text leaves implicit (``Razę aresztowano``): no entity, the state's code."""
    return [EventActor(entity=None, name=None, country=country)] if country else []


# ---------------------------------------------------------------- parties


@dataclass
class Parties:
    """Turns filler tokens of one article into :class:`EventActor` parties."""

    doc: Doc
    entities: list[Entity]
    country: str | None = None  # the article's main state
    _by_token: dict[int, Entity] = field(default_factory=dict)
    _described: dict[str, Entity] = field(default_factory=dict)  # description lemma -> the person
    _local: list[tuple[int, int, str]] = field(default_factory=list)  # paragraph span -> its own state

    def __post_init__(self) -> None:
        for entity in self.entities:
            for mention in entity.mentions:
                span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                for token in span or ():
                    self._by_token.setdefault(token.i, entity)
        if self.country is None:
            self.country = main_country(self.doc, self.entities)
        self._local = self._local_countries()
        self._described = self._descriptions()

    def _local_countries(self) -> list[tuple[int, int, str]]:
        """Per sentence, the state the passage ending there is clearly about when that is not the
        article's main state (a Canadian passage of a Pakistani story): named at least twice in
        the sentence and the ones just before it, more often than any other state, the main
        state included."""
        found = []
        sentences = [(s.start_char, s.end_char) for s in self.doc.sents] if self.doc.has_annotation("SENT_START") else []
        for index, (start, end) in enumerate(sentences):
            first = sentences[max(0, index - LOCAL_SENTENCES + 1)][0]
            counts = _state_counts(self.doc, self.entities, first, end).most_common(2)
            if counts and counts[0][0] != self.country and counts[0][1] >= LOCAL_MENTIONS and (
                    len(counts) == 1 or counts[0][1] > counts[1][1]):
                found.append((start, end, counts[0][0]))
        return found

    def country_at(self, token: Token) -> str | None:
        """The state an unnamed party (``konserwatyści``, an impersonal's actor) acts for by
        default: its passage's, where the passage is clearly about another state than the
        article, else the article's."""
        for start, end, code in self._local:
            if start <= token.idx < end:
                return code
        return self.country

    def _descriptions(self) -> dict[str, Entity]:
        """Nouns the article binds to one person by apposition (``Asia Bibi, chrześcijanka z
        Pakistanu``, ``pakistańska chrześcijanka Asia Bibi``), so that the same bare noun elsewhere
        (``zwolnienie chrześcijanki``) is that person; office titles are linked elsewhere
        (kronika.link.groups), a noun bound to two people is left out."""
        found: dict[str, set[str]] = {}
        by_id: dict[str, Entity] = {}
        titles = {t[0] for t in pl.office_titles()}
        for token in self.doc:
            if token.pos_ != "NOUN" or "Sing" not in token.morph.get("Number") or token.lemma_.lower() in titles:
                continue
            if self.entity_at(token) is not None:
                continue
            person = None
            if token.dep_.startswith("appos"):
                person = self.entity_at(token.head, ("PER",))
            if person is None and token.i + 1 < len(self.doc):
                following = self.doc[token.i + 1]
                linked = (following.head == token or token.head == following) and bool(  # not ``rząd Imrana Khana``
                    set(token.morph.get("Case")) & set(following.morph.get("Case")))
                person = self.entity_at(following, ("PER",)) if linked else None
            if person is not None:
                found.setdefault(token.lemma_.lower(), set()).add(person.id)
                by_id[person.id] = person
        return {lemma: by_id[next(iter(ids))] for lemma, ids in found.items() if len(ids) == 1}

    def described_person(self, head: Token) -> Entity | None:
        """The person a bare singular description stands for (``chrześcijanki``), by the
        article's appositions; a generic ``kobieta``/``mężczyzna`` is the article's most
        mentioned person of that sex."""
        # (a verbal noun's object the tagger read as a plural: ``przyjęcia kobiety``, genitive singular)
        genitive_object = head.head.tag_.startswith("ger") and head.dep_.startswith(("obj", "nmod")) and _dictionary_reads(head, "Gen", ("Sing",))
        if "Sing" not in head.morph.get("Number") and not genitive_object or any(
                c.dep_.startswith(("nmod", "appos", "flat")) and c.pos_ == "PROPN" for c in head.children):
            return None
        lemma = head.lemma_.lower()
        person = self._described.get(lemma)
        if person is None and lemma in GENERIC_PEOPLE:
            person = self._main_person(GENERIC_PEOPLE[lemma])
        return person

    def _main_person(self, gender: str) -> Entity | None:
        """The person of the article mentioned most, if clearly so and of ``gender``."""
        counts = []
        for entity in self.entities:
            if entity.type != "PER":
                continue
            genders = Counter(g for m in entity.mentions for t in (self.doc.char_span(m.start, m.end, alignment_mode="expand") or ())[:1]
                              for g in t.morph.get("Gender"))
            if genders and genders.most_common(1)[0][0] == gender:
                counts.append((len(entity.mentions), entity))
        counts.sort(key=lambda c: -c[0])
        if counts and counts[0][0] >= MAIN_PERSON_MENTIONS and (len(counts) == 1 or counts[0][0] > 2 * counts[1][0]):
            return counts[0][1]
        return None

    def entity_at(self, token: Token, types=("PER", "ORG", "GPE", "LOC")) -> Entity | None:
        entity = self._by_token.get(token.i)
        return entity if entity is not None and entity.type in types else None

    def recent_person(self, pronoun: Token, since: int) -> EventActor | None:
        """The nearest person named before a singular pronoun (from token ``since`` on) whose
        gender agrees (``uniewinnił ją`` -> Asia Bibi)."""
        gender = pronoun.morph.get("Gender")
        if "Sing" not in pronoun.morph.get("Number") or not gender:
            return None
        for i in range(pronoun.i - 1, since - 1, -1):
            entity = self._by_token.get(i)
            if entity is not None and entity.type == "PER" and set(self.doc[i].morph.get("Gender")) & set(gender):
                return self._entity_party(entity, self.doc[i])
        return None

    def fullest_name(self, entity: Entity) -> str:
        """The longest name of a person of the article sharing the surname (``Tokajew`` ->
        ``Kasym-Żomart Tokajew``), until entity linking groups them."""
        if entity.type != "PER":
            return entity.name
        last = entity.name.split()[-1].casefold()
        names = [e.name for e in self.entities if e.type == "PER" and e.name.split()[-1].casefold() == last]
        return max(names, key=len, default=entity.name)

    def entity_code(self, entity: Entity, token: Token) -> str | None:
        if entity.country:
            return actor_code(entity.country)
        return code_of(entity.name) or code_of(token.text, token.lemma_) or next(
            (code_of(m.text, m.base or "") for m in entity.mentions if code_of(m.text, m.base or "")), None
        )

    def phrase_code(self, head: Token) -> str | None:
        """A country named inside the phrase: a complement (``premier Pakistanu``, ``szef Komisji
        Europejskiej``, ``członków ODKB``) or an adjective (``pakistańscy islamiści``)."""
        for child in head.children:
            if child.dep_.startswith(("nmod", "amod", "appos")) and child.i != head.i:
                code = code_of(_name_text(child), child.lemma_) or code_of(child.text, child.lemma_)
                if code:
                    return code
                entity = self.entity_at(child)
                if entity is not None and self.entity_code(entity, child):
                    return self.entity_code(entity, child)
        return None

    def sector(self, head: Token, entity: Entity | None = None) -> str | None:
        sectors = pl.plover_sectors()
        if entity is not None and entity.type == "GPE" and is_state(self.entity_code(entity, head)):
            return "GOV"
        words = [head.lemma_.lower()]
        if entity is not None:
            words += [w.lower() for w in entity.name.split()]
        return next((sectors[w] for w in words if w in sectors), None)

    def parties(self, token: Token) -> list[EventActor]:
        """The parties a filler token stands for: one, several (``władze Francji i Hiszpanii``)
        or none for a thing (``śmierć``, ``decyzja``)."""
        token = self._member_of_group(token)
        entity = self.entity_at(token)
        if entity is not None:
            return [self._entity_party(entity, token)]
        named = self._named_in_apposition(token)
        if named is not None:
            return [self._entity_party(named[1], named[0], title=token)]
        named = self._named_below(token)
        if named is not None:
            return [self._entity_party(named[1], named[0], title=token)]
        described = self.entity_at(token.head, NAMED) if token.dep_.startswith("appos") else None
        if described is not None:  # ``Asia Bibi, 47-letnia matka ...``: the apposition describes the name
            return [self._entity_party(described, token.head, title=token)]
        return self._body_countries(token) or self._description(token)

    def included(self, token: Token) -> list[Token]:
        """The members an inclusion names (``kilka krajów ..., w tym Włochy i Francja``): the
        heads of a ``w tym`` phrase on ``token``."""
        for child in token.children:
            if _inclusion(child):
                return conjuncts(child)
        if token.pos_ in ("VERB", "AUX"):  # the phrase hung on another dependent of the verb (``zaoferowało
            for dependent in token.children:  # pomoc Bibi, w tym Włochy``): the members are its subject if nominative
                for child in dependent.children:
                    if dependent.pos_ in ("NOUN", "PROPN") and _inclusion(child) and "Nom" in child.morph.get("Case") \
                            and not any(c.dep_.startswith("nsubj") for c in token.children):
                        return conjuncts(child)
        return []

    def _member_of_group(self, token: Token) -> Token:
        """``grupy protestujących``, ``tysiące islamistów``: the members stand for the group."""
        if token.lemma_.lower() in pl.event_cues()["group"]:
            member = next((c for c in token.children if c.dep_.startswith("nmod") and "Gen" in c.morph.get("Case")), None)
            if member is not None:
                return self._member_of_group(member)
        return token

    def _named_in_apposition(self, token: Token) -> tuple[Token, Entity] | None:
        """A person or organisation named next to a title in the same case (``prezydenta
        Donalda Trumpa``, ``mąż Bibi, Ashiq Masih``), not its genitive complement (``mąż Bibi``)."""
        children = sorted(token.children, key=lambda c: not c.dep_.startswith("appos"))
        title = (token.lemma_.lower(),) in pl.office_titles()
        for child in children:
            same_case = not child.morph.get("Case") or set(child.morph.get("Case")) & set(token.morph.get("Case"))
            if not same_case and title and child.i == token.i + 1 and self.entity_at(child, ("PER",)) is not None:
                # ``prosiłem prezydenta Donalda Trumpa``: the name tagged genitive, the title accusative
                same_case = any(_dictionary_reads(child, c) for c in token.morph.get("Case"))
            if child.dep_.startswith(("appos", "flat")) or child.pos_ == "PROPN" and same_case:
                entity = self.entity_at(child, NAMED)
                if entity is not None and (same_case or child.dep_.startswith(("appos", "flat"))):
                    return child, entity
        return None

    def _body_countries(self, token: Token) -> list[EventActor]:
        """``władze Francji i Hiszpanii``, ``rząd Niemiec``: the countries act."""
        if token.lemma_.lower() not in pl.event_cues()["body"]:
            return []
        complement = next((c for c in token.children if c.i > token.i and "Gen" in c.morph.get("Case")), None)
        found = []
        for country in conjuncts(complement) if complement is not None else ():
            code = code_of(country.text, country.lemma_)
            if is_state(code):
                entity = self.entity_at(country)
                name = entity.name if entity else _base(country.text).capitalize()
                found.append(EventActor(entity=entity.id if entity else "", name=name, country=code, sector="GOV"))
        return found

    def _entity_party(self, entity: Entity, token: Token, title: Token | None = None) -> EventActor:
        code = self.entity_code(entity, token)
        if code is None and title is not None:
            code = self.phrase_code(title)
        if code is None:
            code = self.phrase_code(token)
        if code is None:  # ``Europa zabiega o ...``, ``Bruksela``: the EU
            code = collective_codes().get(entity.name.lower())
        if code is None and entity.type in NAMED:
            code = self.country  # a named party keeps its nationality whatever the passage is about
        sector = self.sector(title, None) if title is not None else self.sector(token, entity)
        return EventActor(entity=entity.id, name=self.fullest_name(entity), country=code, sector=sector)

    def _description(self, head: Token) -> list[EventActor]:
        """An unnamed party: its noun phrase in the nominative (``islamiści``, ``władze``), if
        it names people or a body (a human noun, or one with a sector)."""
        person = self.described_person(head)
        if person is not None:  # ``apelował o wypuszczenie z więzienia kobiety``: Asia Bibi
            return [self._entity_party(person, head)]
        sector = self.sector(head)
        own_code = code_of(head.text, head.lemma_)
        if sector is None and "Hum" not in head.morph.get("Animacy") and not own_code and not _name_like(head):
            return self._object_of(head)
        words = self._description_words(head)
        own = [t for t in words if t.i <= head.i or t.pos_ == "ADJ" and t.head == head]
        complement = [t for t in words if t not in own]
        if len(words) > 1 or "Plur" in head.morph.get("Number"):
            if any(t.pos_ == "PROPN" for t in complement):  # a name in the complement stays as written
                kept = " ".join(t.text for t in complement)
                name = f"{self._description_name(head, own)} {kept}"
            else:
                name = self._description_name(head, words)
        else:
            name = head.lemma_.lower() if head.pos_ == "NOUN" else _base(head.text)
        code = own_code or self.phrase_code(head) or self._collective(head, sector) or self.country_at(head)
        return [EventActor(entity=None, name=name, country=code, sector=sector)]

    @staticmethod
    def _collective(head: Token, sector: str | None) -> str | None:
        """``europejscy liderzy``, ``unijni przywódcy``: leaders and officials act for the EU, not
        for the article's main state (``europejscy wydawcy`` are no EU body)."""
        if collective_code(head):  # ``Bruksela``, ``Europa`` as a description
            return collective_code(head)
        for word in [c for c in head.children if c.dep_.startswith("amod") and c.pos_ == "ADJ"]:
            code = collective_code(word)
            if code and (sector in ("GOV", "LEG") or code in SECTOR_CODES):
                return code  # ``organizacje pozarządowe`` -> NGO, whatever their sector
        return None

    @staticmethod
    def _description_name(head: Token, words: list[Token]) -> str:
        text = " ".join(t.text for t in words)
        if _in_case(head, "Nom") and "Plur" in head.morph.get("Number") and not any(t.pos_ == "PROPN" for t in words):
            return text.lower()  # already the nominative plural (``napastnicy``, not ``napastnica``)
        return _base(text) if len(words) > 1 or "Plur" in head.morph.get("Number") else head.lemma_.lower()

    def _named_below(self, token: Token) -> tuple[Token, Entity] | None:
        """A person named in the same case inside the title's complement, where the parse hung
        the apposition one level down (``polityk partii Venstre Abid Raja``)."""
        case = set(token.morph.get("Case"))
        for child in token.children:
            if not (child.dep_.startswith("nmod") and child.i > token.i and "Gen" in child.morph.get("Case")):
                continue
            for below in child.subtree:
                entity = self.entity_at(below, ("PER",))
                if entity is not None and below != child and case & set(below.morph.get("Case")) and "Gen" not in case:
                    return below, entity
        return None

    def _description_words(self, head: Token) -> list[Token]:
        """The words of an unnamed party as the text calls it: the head with its adjectives
        (``nieznani sprawcy``, ``organizacje pozarządowe``; not country adjectives, which give
        the code) and its genitive complement (``siły bezpieczeństwa``, ``przywódcy strefy
        euro``, ``przywódcy 27 krajów``, ``córka Asi Bibi``)."""
        words = [c for c in head.children if c.dep_ == "amod" and not _country_adjective(c)
                 and (c.i < head.i or c.i <= head.i + 2 and c.pos_ == "ADJ" and not c.tag_.startswith(("ppas", "pact")))]
        words.append(head)
        complement = next((c for c in head.children if c.dep_.startswith("nmod") and c.i > head.i
                           and _case_word(c) is None and "Gen" in c.morph.get("Case")
                           and c.pos_ in ("NOUN", "PROPN") and not c.tag_.startswith("ger")), None)
        if complement is not None and not code_of(complement.text, complement.lemma_):
            span = sorted(t for t in complement.subtree if not (t.is_punct or t.is_space))
            if any(t.pos_ == "PROPN" and self.entity_at(t) is None for t in span):
                span = []  # a name the NER missed: not kept
            if span and span[-1].i - span[0].i < COMPLEMENT_WORDS and span[0].i > head.i and all(
                t.i > w.i for t in span for w in words if w.i <= head.i
            ) and span[-1].i - span[0].i + 1 == len(span):
                words = [w for w in words if w.i < span[0].i] + span
        return sorted(set(words), key=lambda t: t.i)

    def _object_of(self, head: Token) -> list[EventActor]:
        """The person or body a nominalisation is about (``dla ochrony Asii Bibi``); a thing a
        state's or organisation's adjective marks as its own stands for it (``skrytykował unijne
        plany`` -> EU, ``potępił rosyjską agresję`` -> RUS); an act's doer named by ``ze strony``
        (``odmowa poparcia ze strony rządu``) is whose act it is."""
        doer = next((c for c in head.children if _case_word(c) in ("ze strony", "z strony")), None)
        found = self.parties(doer) if doer is not None else []
        if found:
            return found
        owner = next((c for c in head.children
                      if c.dep_.startswith("nmod") and "Gen" in c.morph.get("Case") and c.pos_ in ("NOUN", "PROPN")), None)
        found = self.parties(owner) if owner is not None else []
        if found or owner is not None and "Hum" in owner.morph.get("Animacy"):
            return found
        for child in head.children:
            if child.dep_.startswith("amod") and child.pos_ == "ADJ":
                code = _country_adjective(child) or collective_code(child)
                if code:
                    return [EventActor(entity=None, name=canonical_name(code), country=actor_code(code))]
        return []


# ---------------------------------------------------------------- implicit subjects


@dataclass
class _Subject:
    parties: list[EventActor]
    number: str
    virile: bool
    feminine: bool
    index: int  # the subject's token index
    main: bool = True  # the subject of its sentence's main clause


@dataclass
class SubjectMemory:
    """The subjects of the paragraph so far, for verbs without one (pro-drop)."""

    subjects: list[_Subject] = field(default_factory=list)

    def clear(self) -> None:
        self.subjects.clear()

    def remember(self, heads: list[Token], parties: list[EventActor]) -> None:
        if not parties or not heads:
            return
        head = heads[0]
        number = "Plur" if len(heads) > 1 else (head.morph.get("Number") or ["Sing"])[0]
        virile = "Hum" in head.morph.get("Animacy") and "Masc" in head.morph.get("Gender")
        main = clause_head(head.head).head == clause_head(head.head)  # its verb heads the sentence
        self.subjects.append(_Subject(parties, number, virile, "Fem" in head.morph.get("Gender"), head.i, main))

    def before(self, index: int, taken: set) -> list[EventActor]:
        """The parties of the last main-clause subject before token ``index`` (else of the last
        subject) other than those ``taken``."""
        for main_only in (True, False):
            for subject in reversed(self.subjects):
                if subject.index < index and (subject.main or not main_only):
                    parties = [p for p in subject.parties if (p.entity, p.name) not in taken]
                    if parties:
                        return parties
        return []

    def recall(self, verb: Token) -> list[EventActor]:
        """The most recent subject agreeing with the verb in number (and gender, where shown)."""
        number = verb.morph.get("Number")
        gender = verb.morph.get("Gender")
        for subject in reversed(self.subjects):
            if subject.index >= verb.i:
                continue
            if number and subject.number not in number:
                continue
            virile = "Masc" in gender and "Hum" in verb.morph.get("Animacy")
            if gender and subject.number == "Plur" and virile != subject.virile:
                continue
            if gender and subject.number == "Sing" and ("Fem" in gender) != subject.feminine:
                continue
            return subject.parties
        return []


FINITE_SUBJECT_TAGS = ("fin", "praet", "bedzie")
DASHES = frozenset({"-", "–", "—"})


def _inclusion(phrase: Token) -> bool:
    """A ``w tym`` phrase (``..., w tym Włochy i Francja``), ``w`` hung on ``tym`` or on the noun."""
    words = [w for c in phrase.children if c.i < phrase.i for w in c.subtree]
    return phrase.dep_.startswith(("obl", "nmod", "appos", "conj")) and any(
        w.text.lower() == "w" for w in words) and any(w.text.lower() == "tym" for w in words)


def reporting_conjunct(verb: Token) -> bool:
    """A verb of saying after a dash that the parse coordinated with the clause it reports
    (``Apeluję do was, byście nie zmuszali państwa ... - mówił.``): it shares no subject with
    that clause."""
    if verb.dep_ != "conj" or verb.head.i >= verb.i or verb.lemma_.lower() not in pl.event_cues()["speech"]:
        return False
    return verb.i > 0 and verb.doc[verb.i - 1].text in DASHES


def subject_heads(verb: Token) -> list[Token]:
    """The subject of a verb, or of the verb it is coordinated with or governed by."""
    candidates = [verb] if reporting_conjunct(verb) else [verb, *_conjunct_heads(verb), verb.head]
    candidates = list(dict.fromkeys(candidates))
    if verb.tag_.startswith("pcon"):  # an adverbial participle shares the subject of its clause's verb
        candidates += [a for a in verb.ancestors if is_verbal(a) and not a.tag_.startswith(("pcon", "inf"))][:1]
    for candidate in candidates:
        found = [c for c in candidate.children
                 if c.dep_ == "nsubj" and _nominative(c, candidate) and not addressee_parsed_as_subject(c, candidate)]
        if not found and _bare_participle_head(candidate, verb):
            found = [c for c in candidate.children if c.dep_ == "nsubj:pass" and _nominative(c, candidate)]
        if found:
            return [t for f in found for t in conjuncts(f)]
        if candidate.dep_ not in ("conj", "xcomp") and not candidate.tag_.startswith(("pcon", "inf")):
            if not verb.tag_.startswith("pcon") or candidate == candidates[-1]:
                break
    for candidate in dict.fromkeys([verb, clause_head(verb)]):  # no subject in the parse: a misattached one
        if candidate.tag_.startswith(FINITE_SUBJECT_TAGS) and not any(
                c.dep_.startswith("nsubj") and not _name_in_other_case(c) for c in candidate.children):
            found = _misattached_subject(candidate)
            if found is not None:
                return conjuncts(found)
    return []


def _conjunct_heads(verb: Token) -> list[Token]:
    """The conjuncts above a coordinated verb, nearest first, up to the first conjunct: the
    nearest one with a subject shares it (``Chaudhry wyjaśnił, partia naciskała ... i odrzucała``:
    ``odrzucała`` hangs on ``naciskała``, whose subject is ``partia``, not ``Chaudhry``)."""
    found, token = [], verb
    while token.dep_ == "conj" and token.head != token and not reporting_conjunct(token):
        token = token.head
        found.append(token)
    return found or [clause_head(verb)]


def _clause_nouns(verb: Token) -> Iterable[Token]:
    """The nouns of the verb's own clause (not of a clause or verbal noun below it)."""
    for child in verb.children:
        if child.dep_.split(":")[0] in ("obj", "obl", "iobj", "nmod", "appos", "advmod", "dislocated"):
            yield from _phrase_nouns(child)


def _phrase_nouns(token: Token) -> Iterable[Token]:
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith(("fin", "praet", "inf", "pcon", "pact", "ppas")):
        return
    if token.pos_ in ("NOUN", "PROPN"):
        yield token
    for child in token.children:
        if child.dep_.split(":")[0] in ("nmod", "appos", "conj", "flat", "obj"):
            yield from _phrase_nouns(child)


def _verb_agrees(noun: Token, verb: Token) -> bool:
    number, gender = verb.morph.get("Number"), verb.morph.get("Gender")
    if not number or not set(number) & set(noun.morph.get("Number")):
        return False
    return not gender or not noun.morph.get("Gender") or bool(set(gender) & set(noun.morph.get("Gender")))


def _disagrees(noun: Token, head: Token) -> bool:
    """Not a nominative dependent of a nominative: the head in another case, or (an apposition
    agrees with its noun) in another number (``premier ... demonstranci``)."""
    if head.morph.get("Case") and "Nom" not in head.morph.get("Case"):
        return True
    number = head.morph.get("Number")
    return noun.dep_ == "appos" and bool(number) and not set(number) & set(noun.morph.get("Number"))


def _misattached_subject(verb: Token) -> Token | None:
    """The subject of a finite verb the parse left without one: a nominative noun of its clause
    agreeing with it in number and gender, attached to a noun in another case (``O zorganizowanie
    ataku na Siergieja Skripala brytyjskie władze oskarżyły Rosję``: ``władze`` an apposition of
    the accusative ``Siergieja``); else, of two direct objects, the one before the verb (``Lee
    oskarżył rząd``: a verb governs one)."""
    for noun in _clause_nouns(verb):
        head = noun.head
        crossing = noun.dep_ == "flat" and noun.ent_iob_ == "B" and noun.ent_type_ != head.ent_type_  # a name
        if (head != verb and head.pos_ in ("NOUN", "PROPN") and "Nom" in noun.morph.get("Case")  # hung on another
                and _disagrees(noun, head) and _verb_agrees(noun, verb)
                and not any(c.dep_ == "case" for c in noun.children) and (noun.dep_ not in ("flat", "conj") or crossing)):
            return noun
    objects = [c for c in verb.children if c.dep_ == "obj" and c.pos_ in ("NOUN", "PROPN")]
    if len(objects) == 2 and objects[0].i < verb.i < objects[1].i and not any(c.dep_ == "case" for c in objects[0].children):
        return objects[0]
    return None


def _bare_participle_head(candidate: Token, verb: Token) -> bool:
    """A participle without an auxiliary parsed as the head of a clause coordinated with a
    finite verb (``nowo wybrany premier Imran Khan ostrzegł``): no predicate, but an attribute
    of the noun that is the finite verb's subject."""
    return (
        candidate != verb and verb.dep_ == "conj" and verb.head == candidate
        and candidate.tag_.startswith(("ppas", "pact"))
        and not any(c.dep_.startswith(("aux", "cop")) for c in candidate.children)
        and verb.tag_.startswith(("fin", "praet", "bedzie"))
    )


def _name_in_other_case(noun: Token) -> bool:
    """A name whose last part shows another case than the nominative (``z szefem KE
    Jean-Claude'em Junckerem``: ``Jean-Claude'em`` tagged nominative, ``Junckerem`` instrumental)."""
    parts = [c for c in noun.children if c.dep_ == "flat" and c.i > noun.i and c.ent_type_ and c.ent_type_ == noun.ent_type_]
    cases = set(parts[-1].morph.get("Case")) if parts else set()  # (a genitive part is the name's own: Izba Lordów)
    return bool(cases) and cases <= {"Ins", "Dat", "Loc"} and not _dictionary_reads(parts[-1], "Nom")


def _nominative(noun: Token, verb: Token) -> bool:
    """A subject in the nominative by its phrase, or by the dictionary where the tagger chose
    another case (``rosyjskiemu przywódcy`` labelled subject is a dative: no subject)."""
    if _name_in_other_case(noun):
        return False
    if _phrase_in_case(noun, "Nom") and _in_case(noun, "Nom") or noun.lemma_.lower() in pl.event_cues()["group"] or _quantified(noun):
        return True  # numerals and quantities (``wiele państw``) are nominative or accusative alike
    return _dictionary_reads(noun, "Nom", verb.morph.get("Number")) and _phrase_in_case(noun, "Nom")


def speech_verbs(sent: Span, frame: Frame) -> list[Token]:
    """The speech verbs reporting the trigger's clause (above it, then anywhere in the sentence:
    ``- ... - mówił premier``)."""
    speech = pl.event_cues()["speech"]
    verbs = [a for a in frame.verb.ancestors if a.lemma_.lower() in speech]
    return verbs + [t for t in sent if t.lemma_.lower() in speech and is_verbal(t) and t not in verbs]


case_word = _case_word  # the preposition of a noun phrase, for the event extractor
unknown_word = _unknown_word  # a foreign name the dictionary does not know, in any case

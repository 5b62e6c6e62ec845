"""The speaker's words at a cue, from the parse and the surface (docs/annotation/quotes.md §5.4).

- the **subject** of a speech verb: the parse's ``nsubj`` where it can be a nominative agreeing
  with the verb, else the best such noun of the clause on the surface (before the verb; after it
  for a trailing ``- dodał X``), skipping relative clauses and prepositional phrases;
- the **agent** of a passive participle (``słowa powtarzane przez premier Theresę May``);
- the **source** a phrase names: the genitive after ``według`` / ``zdaniem`` (``Według jej
  prawników``), or a possessive in it (``Ich zdaniem``);
- the **noun phrase** around a head word and the **description** it gives (``trzech
  przedstawicieli służb`` -> ``przedstawiciele służb``).

Polish drops subjects (``Dodał, że ...``): then there are no words, and the speaker comes from
the discourse (:mod:`.speaker_discourse`).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lang.pl import speech_media_nouns
from .base_forms import lemmatize_phrase
from .event_roles import addressee_parsed_as_subject
from .speaker_morphology import (MODIFIERS, NOMINALS, agrees, case_of, gender_of, head_of, is_nominal, nominative,
                                 person_like, plural_nominative)
from .speech import (CLAUSE_TAGS, POSSESSIVES, WORDS, Cue, is_dash, is_known, is_verb, name_types, previous_word,
                     readings, tag, tag_pos)

PRONOUNS, RELATIVES, DEMONSTRATIVES = WORDS["pronoun"], WORDS["relative"], WORDS["demonstrative"]
QUANTIFIERS, COORDINATORS = WORDS["quantifier"], WORDS["coordinator"]
SUBORDINATORS = RELATIVES | WORDS["subordinator"]
RELATIVE_SUBJECTS = RELATIVES - {"co"}
OBJECT_RELATIONS = frozenset({"obj", "iobj", "obl", "obl:arg"})
NOUN_PHRASE_RELATIONS = frozenset({"flat", "flat:name", "appos", "nmod", "nmod:arg", "nmod:poss", "amod"})
MAX_NP = 12
NARRATIVE_VERB_TAGS = frozenset({"fin", "praet", "bedzie"})


# ---------------------------------------------------------------- subjects

def subject(verb: Token, lo: int, hi: int, *, after_first: bool = False, skip: set[int] | None = None,
            after: bool = True, trailing: bool = False, own_clause: bool = False) -> Span | None:
    """The words naming who speaks: the subject of ``verb`` within tokens [lo, hi), the
    parse's where it fits, else the best nominative agreeing with the verb (a person before an
    organisation before anything else; then the first one, looking after the verb first for a
    trailing ``- dodał X`` clause, before it otherwise). In a ``trailing`` reporting clause
    (``- precyzuje AFP``) the noun after the verb is its subject whatever the parse says. In the
    verb's ``own_clause``, a noun with another finite verb between it and ``verb`` comes last."""
    doc, skip = verb.doc, skip or set()
    found = _parsed_subject(verb, lo, hi if after else verb.i, skip)
    windows = [range(verb.i + 1, hi), range(lo, verb.i)] if after_first else [range(lo, verb.i), range(verb.i + 1, hi)]
    for window in windows if after else windows[:1]:
        if found is not None:
            break
        options = [doc[i] for i in window if i not in skip and _subject_like(doc[i], verb, trailing=trailing)]
        if any(not _object_of(t, verb) for t in _parsed_subjects(verb) if lo <= t.i < hi and _subject_like(t, verb, trailing=True)):
            options = [t for t in options if not _object_of(t, verb)]  # głos zabierze ... Tony Blair: not the object
        found = min(options, key=lambda t: (_object_of(t, verb), own_clause and _other_verb_between(t, verb), _subject_rank(t), t.i)) if options else None
    if found is None:
        found = _quantified(doc, lo, verb.i)
    if found is None:
        return None
    found = _first_conjunct(found, lo)
    words = _with_name(noun_phrase(found, lo, hi), verb, hi)
    return _with_quantifier(words, found, lo)


def _with_quantifier(words: Span, noun: Token, lo: int) -> Span:
    """The words stretched back to the quantifier counting ``noun`` (``kilka partii``,
    ``Niektóre z muzułmańskich sąsiadek``), so that the description is plural."""
    doc, i = words.doc, words.start
    while i - 1 >= lo and tag_pos(doc[i - 1]) in MODIFIERS and doc[i - 1].lower_ not in QUANTIFIERS:
        i -= 1
    if i - 1 >= lo and doc[i - 1].lower_ == "z":
        i -= 1
    if i - 1 >= lo and doc[i - 1].lower_ in QUANTIFIERS and doc[i - 1].lower_ != "z" and counted_noun(noun):
        return doc[i - 1 : words.end]
    return words


def _other_verb_between(token: Token, verb: Token) -> bool:
    """Another finite verb between ``token`` and ``verb``: ``token`` is more likely its subject
    (``Pakistańscy imamowie chcą powieszenia Bibi Pakistańscy przywódcy duchowi domagają się``,
    an intertitle run into the sentence)."""
    lo, hi = sorted((token.i, verb.i))
    between = [t for t in token.doc[lo + 1 : hi] if is_verb(t, NARRATIVE_VERB_TAGS)]
    if not between or token.i > verb.i:
        return bool(between)
    return not any(t.lower_ in COORDINATORS for t in token.doc[between[-1].i + 1 : verb.i])  # uchylił ... i nakazał


def _quantified(doc: Doc, lo: int, hi: int) -> Token | None:
    """The noun a quantifier subject counts (``kilka partii``, ``Niektóre z muzułmańskich
    sąsiadek``): the first plural genitive noun after it."""
    for token in doc[lo:hi]:
        if token.lower_ in QUANTIFIERS and token.lower_ != "z" and token.i + 1 < hi:
            i = token.i + 1 + (doc[token.i + 1].lower_ == "z")
            noun = next((t for t in doc[i:min(hi, i + 4)] if tag_pos(t) == "subst"), None)
            if noun is not None and counted_noun(noun):
                return noun  # Niektóre z muzułmańskich sąsiadek: sąsiadek mistagged sg:nom
    return None


def counted_noun(token: Token) -> bool:
    """A noun a quantifier counts: in the plural genitive by its tag or a reading
    (``kilka partii``, ``Niektóre z muzułmańskich sąsiadek``, the latter mistagged sg:nom)."""
    return case_of(token) == "gen" or any(":pl:gen:" in r.tag for r in readings(token))


def _first_conjunct(token: Token, lo: int) -> Token:
    """The first of coordinated subjects (``Listhaug i Raja``: ``Listhaug``), so that the noun
    phrase covers them all."""
    doc, i = token.doc, token.i
    while i - 2 >= lo and doc[i - 1].lower_ in COORDINATORS and is_nominal(doc[i - 2]) and nominative(doc[i - 2]) \
            and (doc[i - 2].pos_ == "PROPN") == (token.pos_ == "PROPN"):
        i -= 2
    return doc[i]


def _with_name(words: Span, verb: Token, hi: int) -> Span:
    """A role's noun phrase stretched to the personal name that closes it before the verb
    (``Minister ds. religii i harmonii międzywyznaniowej Noor-ul-Haq Qadri ogłosił``,
    ``Przewodniczący Komisji ... w niemieckim parlamencie Bundestagu Gyde Jensen w rozmowie
    ... powiedział``, ``minister ... w prowincji Pendżab, Fayaz Ul-Hassan Chauhan, zapewniał``):
    no verb or spaced dash between, and not after a preposition."""
    doc, head = words.doc, head_of(words)
    if not person_like(head) or verb.i <= words.end:
        return words
    for token in doc[words.end : min(verb.i, hi)]:
        if token.is_punct and token.text not in (".", "-", ",") and not token.is_quote or is_verb(token):
            return words
        if token.pos_ == "PROPN" and (token.ent_type_ == "persName" or _name_run(doc, token.i, verb.i)):
            previous = doc[token.i - 1]
            if tag_pos(previous) == "prep" or (tag_pos(doc[token.i - 2]) == "prep" and not previous.text[:1].isupper()):
                return words
            end = token.i if token.ent_type_ == "persName" else verb.i - 1
            while end + 1 < len(doc) and doc[end + 1].ent_type_ == "persName" and doc[end + 1].i < verb.i:
                end += 1
            if end + 1 < verb.i and _name_run(doc, token.i, verb.i):
                end = verb.i - 1  # Saif -ul Malook: the NER's name stops at the particle
            return doc[words.start : end + 1]
    return words


def _name_run(doc: Doc, i: int, end: int) -> bool:
    """Capitalised words (hyphen-joined parts included) from ``i`` up to ``end``: a name the
    NER typed as something else (``Noor-ul-Haq Qadri`` as a place)."""
    words = [t for t in doc[i:end] if not (t.text in "-–" and not t.whitespace_)]
    return len([t for t in words if t.is_alpha]) >= 2 and all(
        t.is_alpha and (t.text[:1].isupper() or (not doc[t.i - 1].whitespace_ and doc[t.i - 1].text in "-–")) for t in words)


def _subject_rank(token: Token) -> int:
    if token.ent_type_ == "persName" or person_like(token):
        return 0
    return 1 if token.ent_type_ or token.lemma_.lower() in speech_media_nouns() else 2


def _parsed_subject(verb: Token, lo: int, hi: int, skip: set[int]) -> Token | None:
    """The parse's subject of ``verb``; of two uncoordinated ones, not an acronym right before
    the other (``Jak poinformowały AFP pakistańskie służby więzienne``: the agency is the
    indeclinable addressee)."""
    if not verb.doc.has_annotation("DEP"):
        return None
    found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and lo <= c.i < hi
             and c.i not in skip and (_subject_like(c, verb) or _mistagged_subject(c, verb))]
    if len(found) > 1 and not any(t.lower_ in COORDINATORS for t in verb.doc[found[0].i : found[-1].i]):
        found = [t for t in found if not _addressee(t, found)] or found
    return found[0] if found else None


def _addressee(token: Token, subjects: list[Token]) -> bool:
    return token.text.isupper() and len(token.text) > 1 and any(t.i > token.i for t in subjects)


def _mistagged_subject(token: Token, verb: Token) -> bool:
    """A parsed subject the tagger put in another case and number than the verb's, with a
    nominative reading in the verb's number (``Ministerstwa ... potwierdziły``: sg:gen by the
    tag, pl:nom by the dictionary)."""
    verb_number = tag(verb).split(":")[1] if len(tag(verb).split(":")) > 1 else None
    fields = tag(token).split(":")
    if verb_number not in ("sg", "pl") or len(fields) < 3 or fields[1] == verb_number or fields[2] == "nom":
        return False
    if token.lemma_.lower() in DEMONSTRATIVES or _in_prepositional_phrase(token):
        return False
    return any(r.tag.split(":")[:3] == [fields[0], verb_number, "nom"] for r in readings(token))


def _subject_like(token: Token, verb: Token, *, trailing: bool = False) -> bool:
    if token.is_space or not (is_nominal(token) or token.pos_ == "PRON") or not nominative(token):
        return False
    if token.lemma_.lower() in DEMONSTRATIVES or _in_prepositional_phrase(token):
        return False
    if token.i > verb.i and not trailing and _object_of(token, verb) and not _parsed_subjects(verb):  # Wezwał także nowy rząd Khana
        return False
    if token.i > verb.i and not trailing and addressee_parsed_as_subject(token, verb):  # Wezwał także nowy rząd Khana
        return False
    previous = token.doc[token.i - 1] if token.i > 0 else None
    return not (previous is not None and tag_pos(previous) == "prep") and agrees(verb, token)


def _object_of(token: Token, verb: Token) -> bool:
    """The parse makes ``token`` the verb's object (``Wezwał także nowy rząd Khana``): no subject
    after a verb with no parsed subject; elsewhere, only when nothing else agrees (the parse is
    wrong in ``Doniesienie złożyły jej sąsiadki``)."""
    return token.head == verb and token.dep_ in OBJECT_RELATIONS


def _parsed_subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")]


def _in_prepositional_phrase(token: Token) -> bool:
    """Inside a prepositional phrase by the parse (``w wiadomości dla agencji AFP``): a word on
    the way up from ``token`` through its noun phrase has a preposition (``case``)."""
    node, steps = token, 0
    while steps < 4 and node.dep_ in NOUN_PHRASE_RELATIONS and node.head is not node:
        if any(c.dep_ == "case" and c.i < node.i for c in node.children):
            return True
        node, steps = node.head, steps + 1
    return any(c.dep_ == "case" and c.i < node.i for c in node.children) and node.dep_ in ("obl", "nmod", "obl:arg")


def noun_phrase(head: Token, lo: int, hi: int) -> Span:
    """The noun phrase around ``head`` on the surface: agreeing modifiers before it, names,
    genitive complements, quoted names and a final ``w X`` after it."""
    doc = head.doc
    start, end = head.i, head.i + 1
    if start - 2 >= lo and _compound_hyphen(doc, start - 1) and doc[start - 2].is_alpha and doc[start - 2].is_lower:
        start -= 2  # sąsiadki-muzułmanki
    while start - 1 >= lo and tag_pos(doc[start - 1]) in MODIFIERS and case_of(doc[start - 1]) == case_of(head):
        start -= 1
    if start - 1 >= lo and doc[start - 1].lower_ in POSSESSIVES and not is_pronoun_subject(doc[start - 1]):
        start -= 1  # jej muzułmańskie sąsiadki
    while end < hi and end - start < MAX_NP and _right_part(doc, end):
        end += 1
    if end + 1 < hi and doc[end].lower_ == "w" and _final_place(doc, end + 1, hi):
        end += 3 if doc[end + 1].lower_ == "tym" else 2  # media w tym kraju, przedstawiciel ... w Multan
    end = _apposition(doc, end, hi)
    if end + 1 < hi and doc[end].lower_ in COORDINATORS and is_nominal(doc[end + 1]) and nominative(doc[end + 1]) and nominative(head):
        end = noun_phrase(doc[end + 1], end + 1, hi).end  # Jej mąż i piątka dzieci
    while end > head.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space) and not _closes_mark(doc, start, end):
        end -= 1
    return doc[start:end]


def _compound_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen joining two words with no space (``sąsiadki-muzułmanki``)."""
    return doc[i].text in "-–" and i > 0 and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def is_pronoun_subject(token: Token) -> bool:
    """``jej``/``jego``/``ich`` as an object or subject pronoun, not a possessive."""
    return token.dep_ in ("nsubj", "obj", "iobj", "obl")


def _apposition(doc: Doc, end: int, hi: int) -> int:
    """Past a name in commas after the phrase: ``Brat Bibi, James Masih, powiedział``."""
    if end + 2 >= hi or doc[end].text != ",":
        return end
    i = end + 1
    while i < hi and doc[i].text[:1].isupper() and doc[i].is_alpha:
        i += 1
    return i if i - end > 2 and i < hi and (doc[i].text == "," or is_verb(doc[i])) else end


def _final_place(doc: Doc, i: int, hi: int) -> bool:
    last = i + 1 if doc[i].lower_ == "tym" else i
    return last < hi and (last + 1 >= hi or doc[last + 1].is_punct) and (doc[last].text[:1].isupper() or last > i)


def _closes_mark(doc: Doc, start: int, end: int) -> bool:
    quotes = [t for t in doc[start:end] if t.is_quote]
    return bool(quotes) and doc[end - 1].is_quote and len(quotes) % 2 == 0


def _right_part(doc: Doc, i: int) -> bool:
    token = doc[i]
    if token.is_space:
        return False
    if not doc[i - 1].whitespace_ and (token.text in "-–" or doc[i - 1].text in "-–"):
        return True  # Kasym-Żomart, Tehreek-e-Labaik
    if not token.whitespace_ and i + 1 < len(doc) and doc[i + 1].text in "-–" and doc[i - 1].text[:1].isupper():
        return True  # Saif ul-Mulook
    if token.text in "-–" and not token.whitespace_ and i + 1 < len(doc) and doc[i + 1].is_alpha and doc[i - 1].text[:1].isupper():
        return True  # Saif -ul Malook
    if token.is_quote:  # dziennika "Dawn", Gość "Faktów po Faktach"
        after = doc[i + 1] if i + 1 < len(doc) else None
        return (after is not None and after.text[:1].isupper()) or not doc[i - 1].whitespace_
    if token.text == "." and not doc[i - 1].whitespace_ and (doc[i - 1].text.isupper() or tag_pos(doc[i - 1]) == "brev"):
        return True  # an initial or an abbreviation: W. Brytanii, minister ds. religii
    if token.is_punct or is_verb(token, CLAUSE_TAGS) or token.lower_ in RELATIVES:
        return False
    if token.pos_ == "PROPN" or token.text[:1].isupper():
        return True
    if tag_pos(token) in MODIFIERS and tag_pos(doc[i - 1]) in NOMINALS and case_of(token) == case_of(doc[i - 1]):
        return True  # przywódcy duchowi, służby więzienne
    return case_of(token) == "gen" and tag_pos(token) in NOMINALS | MODIFIERS and token.lower_ not in POSSESSIVES


def describe(words: Span) -> str:
    """The base form of a description (``trzech przedstawicieli służb`` -> ``przedstawiciele
    służb``), without quantifiers and possessives, lower-case unless a name."""
    tokens = [t for t in words if not t.is_space]
    counted = False
    while len(tokens) > 1 and (tokens[0].lower_ in QUANTIFIERS or tokens[0].lower_ in POSSESSIVES):
        counted = counted or tokens[0].lower_ in QUANTIFIERS
        tokens = tokens[1:]
    phrase = words.doc[tokens[0].i : tokens[-1].i + 1]
    head = head_of(phrase)
    while head.i + 2 < phrase.end and _compound_hyphen(words.doc, head.i + 1) and is_nominal(words.doc[head.i + 2]):
        head = words.doc[head.i + 2]  # sąsiadki-muzułmanki: the last part's case
    plural = plural_nominative(list(phrase), head) if counted and counted_noun(head) else None
    text = plural or (phrase.text if nominative(head) else lemmatize_phrase(None, phrase.text))
    first = phrase[0]
    known = is_known(first)
    name = first.pos_ == "PROPN" or bool(name_types(first)) or not known or not first.is_sent_start
    return text if first.text.isupper() or (name and first.text[:1].isupper()) else text[:1].lower() + text[1:]



# ---------------------------------------------------------------- clauses


def cue_words(cue: Cue, clause_start: int) -> Span | None:
    doc, head = cue.words.doc, cue.head
    if cue.kind == "noun":
        if cue.words[0].lemma_ in WORDS["support_verb"]:
            return clause_subject(cue.words[0])
        after = cue.words.end
        if after < clause_start and _genitive(doc[after]):
            return noun_phrase(doc[after], after, clause_start)
        return _agent(doc, after, clause_start) or _giver(cue)
    if tag_pos(head) in ("pcon", "pant"):  # dodając, że ...: the subject of the clause it hangs on
        main = next((t for t in reversed(doc[head.sent.start : head.i]) if is_verb(t) and tag_pos(t) != "pcon"), None)
        return clause_subject(main) if main is not None else None
    if previous_word(cue.words[0]) is not None and previous_word(cue.words[0]).lower_ in COORDINATORS:
        return None  # ..., że A i zapytała: the subject of the first verb, said before
    return clause_subject(cue.finite, clause_start)


def _agent(doc: Doc, i: int, limit: int) -> Span | None:
    """The agent of a passive participle after a speech noun: ``słowa powtarzane przez
    brytyjską premier Theresę May``."""
    if i + 2 < limit and tag_pos(doc[i]) == "ppas" and doc[i + 1].lower_ in WORDS["agent_preposition"]:
        head = next((t for t in doc[i + 2 : limit] if tag_pos(t) not in MODIFIERS), None)
        return noun_phrase(head, i + 2, limit) if head is not None else None
    return None


def _giver(cue: Cue) -> Span | None:
    """The source of a speech noun in ``od`` + genitive before it in its clause: ``uzyskała ona
    od rządu obietnicę, że ...``."""
    doc = cue.words.doc
    for token in reversed(doc[_clause_start(cue.words[0]) : cue.words.start]):
        if token.lower_ in WORDS["source_preposition"] and token.i + 1 < cue.words.start:
            return noun_phrase(doc[token.i + 1], token.i + 1, cue.words.start)
    return None


def clause_subject(verb: Token, hi: int | None = None) -> Span | None:
    """The subject of ``verb``: before it in its clause, else in the main clause of its sentence
    (skipping relative clauses: ``Sędzia X, który przewodniczył rozprawie, ... zacytował``),
    else after it (``powiedziała rzeczniczka ...``)."""
    sentence, lo = verb.sent, _clause_start(verb)
    hi = hi if hi is not None else _clause_end(verb)
    if verb.doc[lo].lower_ in RELATIVE_SUBJECTS:  # ..., który powiedział: the antecedent speaks
        return verb.doc[lo : lo + 1]
    words = subject(verb, lo, hi, after=False, own_clause=True)
    if words is None and lo > sentence.start:
        words = subject(verb, sentence.start, verb.i, skip=_subordinate(sentence, verb.i), after=False)
    if words is None and lo > sentence.start:
        words = _relative_antecedent(verb, sentence.start)
    return words if words is not None else subject(verb, lo, hi, after_first=True)


def _relative_antecedent(verb: Token, lo: int) -> Span | None:
    """A name followed by a relative clause whose subject agrees with ``verb``, the clause
    closed by the comma before ``verb`` (``z Agencją Reutera Mulook, który od soboty jest w
    Holandii ..., potwierdził``): the name is the verb's subject, whatever case the tagger gave
    it."""
    doc = verb.doc
    for token in doc[lo : verb.i]:
        relative = doc[token.i + 2] if token.i + 2 < verb.i else None
        if (relative is None or doc[token.i + 1].text != "," or relative.lower_ not in RELATIVE_SUBJECTS
                or relative.lower_ == "co" or case_of(relative) != "nom" or token.pos_ != "PROPN" or token.ent_type_ != "persName"):
            continue
        if not agrees(verb, relative) or gender_of(relative) not in (None, gender_of(verb)):
            continue
        closed = [t for t in doc[relative.i : verb.i] if t.text == ","]
        if len(closed) == 1 and previous_word(verb).text == ",":
            start = token.i
            while start - 1 >= lo and doc[start].ent_iob_ == "I" and doc[start - 1].ent_type_ == "persName":
                start -= 1  # Saif ul-Mulook: the whole name
            return doc[start : token.i + 1]
    return None


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



# ---------------------------------------------------------------- source phrases


def source_words(cue: Cue, limit: int) -> Span | None:
    """The source a phrase names: a possessive in it (``Ich zdaniem``), a pronoun (``według
    niego``), or the genitive phrase after it (``Według przedstawiciela lotnictwa ...``)."""
    doc = cue.words.doc
    possessive = next((t for t in cue.words if t.lower_ in POSSESSIVES), None)
    if possessive is not None:
        return doc[possessive.i : possessive.i + 1]
    after = cue.words.end
    if after >= limit:
        return None
    if doc[after].lower_ in POSSESSIVES and after + 1 < limit and is_nominal(doc[after + 1]):
        return noun_phrase(doc[after + 1], after, limit)  # Według jej prawników
    if doc[after].lower_ in PRONOUNS:
        return doc[after : after + 1]
    if not _genitive(doc[after]) and tag_pos(doc[after]) not in ("adj", "num"):
        return None
    comma = next((t.i for t in doc[after : min(limit, after + 9)] if t.text == ","), None)
    if comma is not None and not any(is_verb(t) for t in doc[after:comma]):
        return doc[after:comma]
    head = next((t for t in doc[after:limit] if tag_pos(t) not in ("adj", "num")), doc[after])
    return noun_phrase(head, after, limit)



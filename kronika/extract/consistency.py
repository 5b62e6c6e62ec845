"""One article, one reading of each name (:func:`consistent`).

The NER reads each occurrence of a name on its own, so one article may call ``Lahaur`` a place
here and a person there, or find ``TLP`` once and miss it twice. Within one article a name
names one thing (one sense per discourse), so:

1. **people**: a name the NER read as a place or an organisation is a person's where the words
   around it say so: a title or kin noun it hangs on (``kardynał Pietro Parolin``, ``Minister
   ds. religii Noor-ul-Haq Qadri``, ``żoną Asiqa Masiha``), a verb of speech it is the subject
   of (``powiedziała Federica Mogherini``), or the surname of a person the article names
   (``Frederica Mogherini``, ``Choudary`` beside ``Wilson Choudary``);
2. **organisations**: a name after an organisation's noun (``partii Tehrik-i-Labaik``,
   ``biuro statystyczne Eurostat``) or between a title and a person's full name (``szef Ryanair
   Michael O'Leary``) is an organisation's (``kronika/lang/pl/name_contexts.txt``); the types
   of 1 and 2 are marked (subtype ``..._context``) so that a batch's vote heeds them;
3. **places**: a name read as a person is a place where the words before it say so (``w
   Lahaur`` with ``w`` taking the locative, ``z Sekhpury`` with ``z`` taking the genitive, ``w
   mieście Karaczi``, ``w małej wiosce Basti Lashari``: ``kronika/lang/pl/place_words.txt``) or
   where Morfeusz knows it only as a geographical name (``Pendżabie``), or where it is one word
   joined by ``i`` or within a list to a place (``Karaczi i Lahore``, ``Karaczi, Lahore,
   Peszawarze``; again while a place found makes another), and an organisation's name of unknown
   or geographical words heads a list of places (``Wielkej Brytanii, USA lub Kanady``); then so
   is every mention of its base form;
4. **types**: the mentions of one base form take the type most of them have (places of any
   kind counting as one);
5. **occurrences** (first of all): a name recognised once is a mention wherever the article
   writes it again the same way (not a common word capitalised at a sentence's start); a place
   that goes on there with a capitalised adjective agreeing with it is a longer name
   (``Irlandią`` found again in ``Irlandią Północną``).
"""
from __future__ import annotations

from collections import Counter
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..analyse.morfeusz import UNKNOWN_TAG
from ..lang.pl import name_particles, office_titles, place_words, read_columns, speech_verbs
from ..link.mentions import CONTEXT, NAME, NameMention
from .base_forms import lemmatize_span

__all__ = ["adjective_after", "consistent"]

PLACES = frozenset({"GPE", "LOC", "FAC"})
VOTING = frozenset({"PER", "ORG", "GPE", "LOC", "FAC"})
LABELS = {"PER": "persName", "ORG": "orgName", "GPE": "placeName", "LOC": "geogName", "FAC": "geogName"}
COORDINATORS = frozenset({"i", "oraz", "lub", "albo"})
GEOGRAPHICAL, PERSON_NAMES = "nazwa_geograficzna", frozenset({"imię", "nazwisko"})
NAME_PARTS = PERSON_NAMES | {"człon_nazwiska"}
HYPHENS = frozenset({"-", "‑"})
# the endings of a masculine name in the cases a title shares with its name only (papieżem
# Franciszem, prezydentowi Macronowi; mer Paryża is in the genitive)
OBLIQUE = {"inst": ("em",), "dat": ("owi",)}
SUBJECT = "nsubj"
APPOSITION = frozenset({"appos", "flat", "nmod", "conj"})  # a title's name hangs on it so


@cache
def name_contexts() -> dict[str, frozenset[str]]:
    """Nouns before a name that tell its type (``kronika/lang/pl/name_contexts.txt``): ``kin``,
    ``person`` (with the kin nouns and the one-word office titles of ``office_titles.txt``) and
    ``organisation``."""
    kinds: dict[str, set[str]] = {"person": {t[0] for t in office_titles() if len(t) == 1}}
    for kind, word in read_columns("name_contexts.txt"):
        kinds.setdefault(kind, set()).add(word)
    kinds["person"] |= kinds.get("kin", set())
    return {kind: frozenset(words) for kind, words in kinds.items()}


def consistent(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    """The article's mentions with places, types and occurrences made consistent (module doc)."""
    mentions = sorted(mentions + _occurrences(doc, mentions), key=lambda m: m.start)
    _people(doc, mentions)
    _organisations(doc, mentions)
    _places(doc, mentions)
    _voted(mentions)
    return mentions


def _key(mention: NameMention) -> str:
    return " ".join(mention.base.lower().split())


def _votable(mention: NameMention) -> bool:
    return mention.kind == NAME and mention.code is None and mention.type in VOTING


def _retype(mention: NameMention, kind: str, evidence: bool = False) -> None:
    """The mention typed ``kind``; by the words around it (``evidence``) its subtype says so
    (``orgName_context``), which a batch's vote on types heeds (:mod:`kronika.link.corpus`)."""
    mention.type, mention.subtype = kind, LABELS[kind] + (CONTEXT if evidence else "")


# ---------------------------------------------------------------- places


def _places(doc: Doc, mentions: list[NameMention]) -> None:
    """People retyped as places (module doc), again while a place found makes another one
    (``w miastach Karaczi i Lahore``: ``Karaczi`` by the noun, then ``Lahore`` joined to it);
    an organisation's name of place-like words (unknown or geographical) heading a list of places
    is one too (``do Wielkej Brytanii, USA lub Kanady``)."""
    while True:
        people = [m for m in mentions if _votable(m) and m.type == "PER"]
        ends = {m.span.end: m for m in mentions if m.type in PLACES and m.kind == NAME}
        starts = {m.span.start: m for m in mentions if m.type in PLACES and m.kind == NAME}
        places = {_key(m) for m in people if _place_evidence(doc, m.span) or _coordinated(doc, m.span, ends)}
        places |= {
            _key(m) for m in mentions
            if _votable(m) and m.type == "ORG" and _place_like(m.span) and _listed_before(doc, m.span, starts)
        }
        changing = [m for m in mentions if _key(m) in places and _votable(m) and m.type in ("PER", "ORG")]
        if not changing:
            return
        for m in changing:
            _retype(m, "GPE")


def _place_like(span: Span) -> bool:
    """Every word capitalised and unknown to Morfeusz or known only as a place's name."""
    words = [t for t in span if t.is_alpha]
    return bool(words) and all(t.text[:1].isupper() and (not t._.is_known or _geographical(t)) for t in words)


def _listed_before(doc: Doc, span: Span, starts: dict[int, NameMention]) -> bool:
    """The span followed by a comma or ``i``, ``lub`` and a place (``Wielkej Brytanii, USA``)."""
    return span.end + 1 < len(doc) and (doc[span.end].text == "," or doc[span.end].text.lower() in COORDINATORS) and span.end + 1 in starts


def _place_evidence(doc: Doc, span: Span) -> bool:
    words = place_words()
    if span.start > 0:
        before = doc[span.start - 1]
        if before.text.lower() in words.get("preposition", ()) and _locative(before):
            return True
        if before.text.lower() in ("z", "ze") and before.tag_.startswith("prep:gen") and _no_person_word(span):
            return True  # z Sekhpury: from a place (with someone is z + the instrumental)
        noun = _noun_before(doc, span.start)
        if noun is not None and noun.lemma_.lower() in words.get("noun", ()):
            return True
    words = [t for t in span if t.is_alpha]
    return bool(words) and all(_geographical(t) for t in words)


def _noun_before(doc: Doc, i: int) -> Token | None:
    """The word before position ``i``, or the noun before the adjectives there (``w małej
    wiosce Basti Lashari``)."""
    j = i - 1
    while j >= 0 and j > i - 3 and doc[j].is_lower and doc[j].tag_.startswith("adj"):
        j -= 1
    return doc[j] if j >= 0 else None


def _no_person_word(span: Span) -> bool:
    """One word Morfeusz knows as no first name or surname."""
    return len(span) == 1 and not any(PERSON_NAMES & set(r.name_types) for r in span[0]._.morfeusz)


def _coordinated(doc: Doc, span: Span, ends: dict[int, NameMention]) -> bool:
    """A one-word name, no first name or surname Morfeusz knows, joined by ``i``, ``oraz`` or
    ``lub`` to a place before it (``w Karaczi i Lahore``; not ``z Pakistanu oraz Rebecca Bitrus``),
    or by a comma within a list that goes on after it (``W Karaczi, Lahore, Peszawarze i Multan``)."""
    if not _no_person_word(span) or span.start < 2 or span.start - 1 not in ends:
        return False
    joint = doc[span.start - 1].text.lower()
    if joint in COORDINATORS:
        return True
    following = doc[span.end].text.lower() if span.end < len(doc) else ""
    return joint == "," and (following == "," or following in COORDINATORS)


def _locative(preposition: Token) -> bool:
    """``w`` taking the locative (``w Lahaur``), not the accusative (``wierzy w Jezusa``)."""
    return not preposition.tag_ or preposition.tag_.startswith("prep:loc")


def _geographical(token: Token) -> bool:
    """Morfeusz knows the capitalised word only as a geographical name (``Pendżabie``)."""
    proper = [r for r in token._.morfeusz if r.tag != UNKNOWN_TAG and r.lemma[:1].isupper()]
    return bool(proper) and all(GEOGRAPHICAL in r.name_types and not PERSON_NAMES & set(r.name_types) for r in proper)


# ---------------------------------------------------------------- people and organisations


def _people(doc: Doc, mentions: list[NameMention]) -> None:
    """Names typed as places or organisations that are people's (the NER reads foreign names by
    their look: ``Noor-ul-Haq Qadri``, ``Shafiq Chaudhry``), and so every mention of their base
    form: two or more name words (capitalised words Morfeusz does not know or knows as first names
    and surnames, with particles) that a role, title or kin noun governs or comes right before
    (``kardynał Pietro Parolin``, ``Minister ds. religii Noor-ul-Haq Qadri``, ``żoną Asiqa
    Masiha``), that are the subject of a verb of speech in the past tense (``powiedziała Federica
    Mogherini``; ``podaje Associated Press`` may be an agency's), or whose last word is the surname
    of a person the article names (``Frederica Mogherini`` beside ``Federica Mogherini``); one word
    the tagger reads as a first name or surname Morfeusz knows after such a noun (``proroka
    Fatimy``, not ``mer Paryża``). Not after a noun organisations' names follow (``agencji
    Associated Press``)."""
    others = [m for m in mentions if _votable(m) and m.type != "PER"]
    if not others:
        return
    found = {_key(m) for m in others if _person_evidence(doc, m.span)}
    for m in others:
        if _key(m) in found:
            _retype(m, "PER", evidence=True)
    surnames: dict[str, set[str]] = {}
    for m in mentions:
        if m.type == "PER" and m.kind == NAME and len(_name_words(m.span)) >= 2:
            surnames.setdefault(m.span[-1].text, set()).add(_key(m))
    found = {
        _key(m) for m in others
        if m.type != "PER" and len(_name_words(m.span)) in (1, 2) and surnames.get(m.span[-1].text, {_key(m)}) - {_key(m)}
        and _person_words(doc, m.span)
    }
    for m in others:
        if _key(m) in found:
            _retype(m, "PER", evidence=True)


def _name_words(span: Span) -> list[Token]:
    """The span's words, hyphenated ones counted once (``Noor-ul-Haq Qadri``: two; ``Michael
    O'Leary``: two)."""
    return [
        t for t in span
        if t.text[:1].isalpha() and not (t.i > span.start and t.nbor(-1).text in HYPHENS and not t.nbor(-1).whitespace_)
    ]


def _person_word(token: Token) -> bool:
    """A capitalised word Morfeusz does not know, or knows as a first name or surname and as no
    common word, or a name particle (``ul``)."""
    if token.text.lower() in name_particles() and token.is_lower:
        return True
    if not token.text[:1].isupper() or len(token.text) > 1 and token.text.isupper():
        return False
    if not token._.is_known:
        return True
    proper = [r for r in token._.morfeusz if r.tag != UNKNOWN_TAG]
    return any(NAME_PARTS & set(r.name_types) for r in proper) and not any(r.lemma[:1].islower() for r in proper)


def _person_words(doc: Doc, span: Span) -> bool:
    """Every word of the span a person's name word, and no organisation's noun before it."""
    words = [t for t in span if t.is_alpha]
    if not words or not all(_person_word(t) for t in words):
        return False
    contexts = name_contexts()
    return span.start == 0 or _noun(doc[span.start - 1]) not in contexts.get("organisation", set()) | contexts.get("medium", set())


def _person_evidence(doc: Doc, span: Span) -> bool:
    before = _title(doc, span, span.start - 1) if span.start > 0 else False
    if not _person_words(doc, span):  # kardynał Pietro Parolin (Morfeusz knows parolin)
        words = _name_words(span)
        return (
            len(words) >= 2 and before and _person_word(words[0]) and words[0].text[:1].isupper()
            and all(t.text[:1].isupper() and not t.is_sent_start for t in words)
            and not any(t.is_upper and len(t) > 1 for t in words)
        )
    if len(_name_words(span)) == 1:  # proroka Fatimy
        word = span[0]
        kin = span.start > 0 and _noun(doc[span.start - 1]) in name_contexts().get("kin", ())
        if kin and any(r.lemma == word.lemma_ and PERSON_NAMES & set(r.name_types) for r in word._.morfeusz):
            return True
        title = doc[span.start - 1] if span.start > 0 else None
        ending = OBLIQUE.get(_case(title)) if title is not None and _noun(title) in name_contexts()["person"] else None
        return bool(ending) and not word._.is_known and word.text.endswith(ending)  # papieżem Franciszem
    if len(_name_words(span)) == 2 and not _first_name_after(span):  # not Duncairn Community Partnership
        if before or any(not span.start <= t.head.i < span.end and _title(doc, span, t.head.i, t.dep_) for t in span):
            return True
    return _person_said(span)


def _first_name_after(span: Span) -> bool:
    """A first name right after the span (``prezesa Work Service Macieja Wituckiego``: the title
    is the person's after it, the span the firm)."""
    doc = span.doc
    return span.end < len(doc) and any("imię" in r.name_types for r in doc[span.end]._.morfeusz)


def _noun(token: Token) -> str:
    """The lemma of a lower-case word not hyphenated to the word before (``spółki-córki``)."""
    if not token.is_lower or token.i > 0 and token.nbor(-1).text in HYPHENS and not token.nbor(-1).whitespace_:
        return ""
    return token.lemma_.lower()


def _title(doc: Doc, span: Span, i: int, dep: str = "") -> bool:
    """The word at ``i`` is a kin noun the name hangs on, or a title it stands in apposition to:
    right before it or its head by ``appos`` or ``flat``, in the same case as a word of the name
    where the tagger tells (``prezes Work Service`` names the firm in the genitive)."""
    lemma = _noun(doc[i])
    if dep and dep not in APPOSITION:
        return False
    if lemma in name_contexts().get("kin", ()):
        return True
    if lemma not in name_contexts().get("person", ()) or dep not in ("", "appos", "flat"):
        return False
    case = _case(doc[i])
    return not case or any(_case(t) in (case, "") for t in span if t.is_alpha)


def _case(token: Token) -> str:
    parts = token.tag_.split(":")
    return parts[2] if parts[0] in ("subst", "depr") and len(parts) > 2 else ""


def _person_said(span: Span) -> bool:
    """Two or more name words, the subject of a verb of speech in the past tense, or before one
    (``partii Zubair Kasuri powiedział``, which the parser may hang elsewhere)."""
    if len(_name_words(span)) < 2:
        return False
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lemma_.lower() in speech_verbs() and doc[span.end].tag_.startswith("praet"):
        return True
    return any(
        t.dep_ == SUBJECT and not span.start <= t.head.i < span.end and t.head.lemma_.lower() in speech_verbs()
        and t.head.tag_.startswith("praet")
        for t in span
    )


def _organisations(doc: Doc, mentions: list[NameMention]) -> None:
    """Names that are organisations' by one of their mentions, and so every mention of their
    base form:

    - right after a noun in the singular that organisations' names follow (``partii
      Tehrik-i-Labaik``, ``ugrupowania Venstre``; one word after a noun and its adjective:
      ``biuro statystyczne Eurostat``; not ``gazetach Zuckerberg``), not a first name (``fundacji
      Jana``) nor a person's name said to speak;
    - between a title and a person's full name (``szef Ryanair Michael O'Leary``, ``dyrektor
      operacyjny Airbusa Tom Williams``: the person's firm), unless Morfeusz knows the name as a
      place's (``gubernator Pendżabu Salman Taseer``);
    - before an acronym of it in brackets (``rzecznik Tehrik-e-Labaik (TLP)``), and the acronym
      after an organisation's name (``Stowarzyszenia Chrześcijańskiego (BPSC)``)."""
    nouns = name_contexts().get("organisation", frozenset())
    media = name_contexts().get("medium", frozenset())
    people = {m.span.start for m in mentions if m.type == "PER" and m.kind == NAME and len(_name_words(m.span)) >= 2}
    others = [m for m in mentions if _votable(m) and m.span[0].text[:1].isupper()]
    found = set()
    for m in others:
        if m.span.end in people and _title_before(doc, m.span.start) and not _place_name(m.span):
            found.add(_key(m))
            continue
        if _expanded(doc, m.span):
            found.add(_key(m))
            continue
        noun = doc[m.span.start - 1] if m.span.start > 0 else None
        if noun is not None and len(_name_words(m.span)) == 1 and noun.tag_.startswith("adj") and noun.is_lower and m.span.start > 1:
            noun = doc[m.span.start - 2]  # biuro statystyczne Eurostat
        if noun is None or _noun(noun) not in nouns | media or ":pl:" in noun.tag_:
            continue  # gazetach Zuckerberg, ruchów Londynu
        if _noun(noun) in media and len(_name_words(m.span)) > 1:
            continue  # publicysta niemieckiego dziennika Gerd Appenzeller
        if any(PERSON_NAMES & set(r.name_types) for t in m.span for r in t._.morfeusz):
            continue
        if m.type == "PER" and _person_said(m.span):
            continue  # Rzecznik prasowy partii Zubair Kasuri powiedział
        found.add(_key(m))
    ends = {m.span.end: m for m in mentions if m.type == "ORG" or _key(m) in found}
    for m in others:  # Brytyjsko-Pakistańskiego Stowarzyszenia Chrześcijańskiego (BPSC)
        named = ends.get(m.span.start - 1)
        if len(m.span) == 1 and named is not None and doc[m.span.start - 1].text == "(" and _expanded(doc, named.span):
            found.add(_key(m))
    for m in others:
        if _key(m) in found and m.type != "ORG":
            _retype(m, "ORG", evidence=True)


def _expanded(doc: Doc, span: Span) -> bool:
    """The span's name followed by an acronym in brackets that begins with its initials
    (``Tehrik-e-Labaik (TLP)``; not a person's party: ``Jan Kowalski (PiS)``)."""
    j = span.end
    if not (j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")"):
        return False
    acronym = doc[j + 1].text
    initials = "".join(t.text[0] for t in span if t.text[:1].isupper() and t.is_alpha)
    return 2 <= len(initials) <= len(acronym) and acronym.isupper() and acronym.isalpha() and acronym.startswith(initials.upper())


def _place_name(span: Span) -> bool:
    """A word of the span Morfeusz knows as a place's name (``Paryża``, a surname too)."""
    return any(GEOGRAPHICAL in r.name_types for t in span for r in t._.morfeusz)


def _title_before(doc: Doc, i: int) -> bool:
    """A title right before position ``i``, or before an adjective there (``dyrektor operacyjny``)."""
    if i > 1 and doc[i - 1].is_lower and doc[i - 1].tag_.startswith("adj"):
        i -= 1
    return i > 0 and _noun(doc[i - 1]) in name_contexts().get("person", ()) - name_contexts().get("kin", set())


# ---------------------------------------------------------------- types


def _class(kind: str) -> str:
    return "PLACE" if kind in PLACES else kind


def _voted(mentions: list[NameMention]) -> None:
    by_key: dict[str, list[NameMention]] = {}
    for m in mentions:
        if _votable(m):
            by_key.setdefault(_key(m), []).append(m)
    for group in by_key.values():
        votes = Counter(_class(m.type) for m in group)
        if len(votes) < 2:
            continue
        (best, n), (_, second) = votes.most_common(2)
        if n == second:
            continue
        kind = next(m.type for m in group if _class(m.type) == best)
        for m in group:
            if _class(m.type) != best:
                _retype(m, kind)


# ---------------------------------------------------------------- occurrences


def _occurrences(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    taken = {i for m in mentions for i in range(m.span.start, m.span.end)}
    forms: dict[str, dict[tuple[str, ...], NameMention]] = {}
    for m in mentions:
        words = tuple(t.text for t in m.span)
        if m.kind == NAME and m.type not in ("DATE", "TIME") and words[0][:1].isupper() and len(m.text) > 1:
            forms.setdefault(words[0], {}).setdefault(words, m)
    found = []
    for token in doc:
        if token.i in taken or token.text not in forms:
            continue
        for words, m in sorted(forms[token.text].items(), key=lambda item: -len(item[0])):
            end = token.i + len(words)
            if end > len(doc) or taken & set(range(token.i, end)) or tuple(t.text for t in doc[token.i : end]) != words:
                continue
            if len(words) == 1 and token.is_sent_start and _common(token):
                continue
            span = Span(doc, token.i, end, m.span.label_)
            if m.type in PLACES and adjective_after(doc, span):  # Irlandią Północną: another place
                span = Span(doc, token.i, end + 1, m.subtype)
                found.append(NameMention(span, m.type, m.subtype, lemmatize_span(span)))
                end += 1
            else:
                found.append(NameMention(span, m.type, m.subtype, m.base, m.code, m.country, m.kind))
            taken.update(range(token.i, end))
            break
    return found


def adjective_after(doc: Doc, span: Span) -> bool:
    """The word after the span is a capitalised adjective agreeing with its last noun, within one
    sentence: ``Irlandią`` + ``Północną``, ``Europy`` + ``Środkowo-Wschodniej``."""
    if span.end >= len(doc) or not doc[span.end].text[:1].isupper() or doc[span.end].is_sent_start:
        return False
    nouns = {_number_case_gender(r.tag) for r in doc[span.end - 1]._.morfeusz if r.tag.startswith("subst:")}
    adjectives = {_number_case_gender(r.tag) for r in doc[span.end]._.morfeusz if r.tag.startswith("adj:")}
    return any(n[0] & a[0] and n[1] & a[1] and n[2] & a[2] for n in nouns for a in adjectives)


def _number_case_gender(tag: str) -> tuple[frozenset[str], ...]:
    parts = tag.split(":")
    return tuple(frozenset(parts[i].split(".")) if i < len(parts) else frozenset() for i in (1, 2, 3))


def _common(token: Token) -> bool:
    return any(r.tag != UNKNOWN_TAG and r.lemma[:1].islower() and not r.labels for r in token._.morfeusz)

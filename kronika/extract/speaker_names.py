"""People's names as the article writes them (docs/annotation/quotes.md §5.1): where a name
starts before its surname, its nominative, and the fullest name the article gives a person
(``Putin`` -> ``Władimir Putin``, ``Masih`` -> ``Ashiq Masih``)."""
from __future__ import annotations

from dataclasses import dataclass
from spacy.tokens import Doc, Span, Token

from ..lang.pl import quote_marks, speech_media_nouns
from ..link.names import letter_slipped
from .base_forms import lemmatize_phrase, match_case
from .speaker_morphology import case_of, cases_of, known_case, nominative
from .speech import WORDS, is_known, name_types, readings, tag_pos

PERSON = "PER"
ORGANISATION_NOUNS = WORDS["organisation_noun"] | speech_media_nouns()
SUBJECT_RELATIONS = frozenset({"nsubj", "nsubj:pass"})
PREFIX = 3  # letters two written forms of one name word share (Asia, Asii)
MIN_FIRST_NAME = 4  # letters of a first name alone that may stand for a fuller name


@dataclass(frozen=True)
class Name:
    """A personal name as the article writes it once: its base form, where, and how sure the
    base form is (written in the nominative: all words, the surname)."""

    base: str
    position: int
    quality: tuple[bool, bool, bool]


def _nominative_reading(token: Token) -> bool:
    """A known word with a nominative reading, or an unknown one that does not end like an
    inflected feminine name (``Theresy``, ``Asii``, ``Theresę``)."""
    analyses = [r for r in readings(token) if r.tag != "ign"]
    if analyses:
        return any(":nom:" in r.tag for r in analyses)
    return not token.text.endswith(("y", "i", "ą", "ę")) or token.text.endswith(("ey", "ay", "oy"))


def can_be_nominative(token: Token) -> bool:
    analyses = readings(token)
    return not analyses or any(r.tag == "ign" or ":nom:" in r.tag for r in analyses)


def wordlike(token: Token) -> bool:
    """Letters, maybe with an apostrophe inside (``O'Flynn``)."""
    return token.is_alpha or token.text.replace("'", "").replace("’", "").isalpha()


def acronym(token: Token) -> bool:
    return token.text.isupper() and len(token.text) > 1


def name_part(token: Token) -> bool:
    """A word of a personal name: capitalised, and a first name, a proper noun or unknown (not
    a place: ``Prezydent Kazachstanu Kasym-Żomart Tokajew`` gives ``Kasym-Żomart Tokajew``; not
    a common word opening the sentence: ``Tam``, ``Kiedy``; not an acronym: ``TLP``)."""
    if not token.text[:1].isupper() or not wordlike(token) or acronym(token):
        return False
    types = name_types(token)
    if token.is_sent_start and "imię" not in types:
        return False
    personal = "imię" in types or "nazwisko" in types
    if not personal and {"nazwa_geograficzna", "nazwa_organizacji", "nazwa_instytucji"} & set(types):
        return False
    known = is_known(token)
    return personal or not known or (token.pos_ in {"PROPN", "X"} and not token.is_sent_start)


def _unknown_opening(token: Token) -> bool:
    """A capitalised word opening its sentence that the dictionary does not know: a name
    (``Rebbecca``), not a common word (``Tam``, ``Kiedy``)."""
    return token.is_sent_start and token.text[:1].isupper() and wordlike(token) and not acronym(token) and not is_known(token)


def base_name(span: Span) -> tuple[str, tuple[bool, bool, bool]]:
    """The nominative of a written personal name, and how sure it is: the subject of a verb by
    the parse, every word tagged nominative, the surname nominative. The name is kept as
    written when it is a subject or its surname is nominative, and its other words can be
    nominative (``Theresy May``: the surname says nothing, the first name is lemmatised)."""
    words = [t for t in span if wordlike(t)]
    surname = words[-1] if words else span[-1]
    quality = (any(t.dep_ in SUBJECT_RELATIONS for t in span), all(case_of(t) == "nom" for t in words),
               nominative(surname) and surname.lemma_.casefold() == surname.text.casefold())
    if (quality[0] or quality[2]) and all(_nominative_reading(t) for t in words[:-1]):
        return span.text, quality
    base, written = lemmatize_phrase(None, span.text, label=PERSON).split(), span.text.split()
    if len(base) == len(written):
        base = [w if "'" in w else match_case(w, b) if w[:1].isupper() else b for w, b in zip(written, base)]
    return " ".join(base), quality


def _same_or_slipped(a: str, b: str) -> bool:
    """Equal, or equal but for one letter inserted or left out (``Rebecca``, ``Rebbecca``)."""
    a, b = a.casefold(), b.casefold()
    return a == b or letter_slipped(a, b)


def _same_word(a: str, b: str) -> bool:
    a, b = a.casefold(), b.casefold()
    return a == b or (len(a) > PREFIX and len(b) > PREFIX and a[:PREFIX] == b[:PREFIX] and a[-1:] != "." and b[-1:] != ".")


def same_surname(a: str, b: str) -> bool:
    """Equal, or one the last part of the other's hyphenated form (``ul-Mulook``, ``Mulook``)."""
    a, b = a.casefold(), b.casefold()
    return a == b or a.rsplit("-", 1)[-1] == b or b.rsplit("-", 1)[-1] == a


def covers(name: str, words: list[str]) -> bool:
    """Whether ``name`` has every word of ``words`` (the last one exactly: the surname)."""
    own = name.split()
    return bool(own and words) and same_surname(own[-1], words[-1]) and all(
        any(_same_word(w, o) for o in own) for w in words[:-1])


def name_gender(name: str) -> str | None:
    """f or m from the first name's dictionary readings (``Sylvi``: unknown -> None)."""
    from ..analyse.morfeusz import whole_readings

    first = name.split()[0] if name.split() else ""
    genders = {r.tag.split(":")[3] for r in whole_readings(first) if "imię" in r.name_types and len(r.tag.split(":")) > 3}
    if genders == {"f"}:
        return "f"
    return "m" if genders and genders <= {"m1", "m2", "m3"} else None


def unquote(text: str) -> str:
    marks = {c for pair in quote_marks() for c in pair}
    return "".join(c for c in text if c not in marks).strip()




def _names_organisation(doc: Doc, i: int) -> bool:
    """Whether the word at ``i`` may name the organisation a noun before it heads (``partii
    Venstre Abid Raja``: ``Venstre`` is the party's when two name words follow it; not in
    ``partii Zubair Kasuri``)."""
    return i > 0 and doc[i - 1].is_lower and doc[i - 1].lemma_.lower() in ORGANISATION_NOUNS


class PersonNames:
    """The personal names of one article, around the surnames of its person mentions."""

    def __init__(self, doc: Doc, token_entity: dict[int, tuple]):
        self.doc = doc
        self.token_entity = token_entity  # token index -> (entity, mention span)
        self.names = self._names()

    def entity_at(self, token: Token) -> tuple | None:
        return self.token_entity.get(token.i)

    def name_span(self, token: Token) -> Span:
        """The personal name written up to ``token`` (its last word): the words of the same
        person mention, and name-like words before them."""
        doc, start = self.doc, token.i
        mention = self.entity_at(token)
        while start > 0:
            previous = doc[start - 1]
            if acronym(previous) or (_names_organisation(doc, start - 1) and token.i - start >= 1):
                break
            other = self.entity_at(previous)
            if other is not None and other[0].type != PERSON and other != mention:
                break  # a medium or organisation before the name: "agencji Reutera Solberg"
            if "imię" in name_types(doc[start]) and "imię" not in name_types(previous) and not previous.text in "-–" \
                    and (mention is None or self.entity_at(previous) != mention):
                break  # first names come first: not "Bundestagu Gyde Jensen"
            same = (mention is not None and mention[0].type == PERSON and self.entity_at(previous) == mention
                    and previous.text[:1].isupper() and previous.pos_ in {"NOUN", "PROPN", "X", "ADJ"} and wordlike(previous)
                    and (can_be_nominative(previous) or known_case(doc[start]) not in (None, "nom")))
            shared = cases_of(previous) & cases_of(doc[start])
            first_name = bool(name_types(previous)) and not is_known(doc[start])  # Michela Barniera
            agreeing = known_case(previous) in (None, "nom") or bool(shared) or first_name
            after_preposition = start > 1 and tag_pos(doc[start - 2]) == "prep" and not shared
            particle = (previous.is_lower and previous.is_alpha and start > 2 and doc[start - 2].text in "-–"
                        and not doc[start - 2].whitespace_ and name_part(doc[start - 3]))
            if previous.text in "-–" and not previous.whitespace_ and start > 1 and not doc[start - 2].whitespace_:
                start -= 2
            elif particle:  # Saif -ul Malook
                start -= 3
            elif previous.whitespace_ and (same or (name_part(previous) and agreeing and not after_preposition)):
                start -= 1
            elif previous.whitespace_ and _unknown_opening(previous) and mention is not None and mention[0].type == PERSON:
                start -= 1  # Rebbecca Bitrus opening a sentence: an unknown word, so no common one
                break
            else:
                break
        return doc[start : token.i + 1]

    def _names(self) -> list[Name]:
        """Every personal name written in the article: around the surnames of the person
        mentions, and first name + surname pairs the NER missed."""
        surnames = set()
        for entity, span in self.token_entity.values():
            if entity.type == PERSON:
                surnames |= {span[-1].text.casefold(), span[-1].lemma_.casefold()}
        for token in self.doc:
            span = self.name_span(token) if token.text[:1].isupper() else None
            if span is not None and len(span) > 1 and "imię" in (name_types(span[0])):
                surnames.add(token.text.casefold())
        names = []
        for token in self.doc:
            if token.text[:1].isupper() and {token.text.casefold(), token.lemma_.casefold()} & surnames:
                base, quality = base_name(self.name_span(token))
                names.append(Name(base, token.idx, quality))
        return names

    def person_name(self, span: Span, position: int) -> str:
        """The fullest name the article writes for the person named ``span``: most words, then
        written in the nominative, then the one written last before ``position``."""
        last = next((t for t in reversed(list(span)) if t.text[:1].isupper() and t.is_alpha), span[-1])
        own, _ = base_name(self.name_span(last))
        same = [n for n in self.names if covers(n.base, own.split())]
        if not same:
            return own

        def rank(name: Name):
            return len(name.base.split()), name.quality, name.position <= position, -abs(position - name.position)

        return max(same, key=rank).base

    def _first_name_of(self, word: str) -> str | None:
        """The one fuller name of the article whose first word is ``word`` as written or with
        one letter more or less (``Rebecca`` -> ``Rebbecca Bitrus``), where ``word`` is no
        surname of the article."""
        if len(word) < MIN_FIRST_NAME or any(same_surname(n.base.split()[-1], word) for n in self.names if len(n.base.split()) > 1):
            return None
        fuller = {n.base for n in self.names if len(n.base.split()) > 1 and _same_or_slipped(n.base.split()[0], word)}
        return fuller.pop() if len(fuller) == 1 else None

    def entity_name(self, mentions: list[Span], fallback: str) -> str:
        """The fullest name the article writes for the person of these mention spans: most
        words, then the best attested nominative (a subject, all words nominative, the surname
        nominative), then the most often written."""
        at = {span[-1].idx for span in mentions}
        own = [n for n in self.names if n.position in at]
        if not own:
            return fallback
        longest = max(own, key=lambda n: (len(n.base.split()), n.quality)).base.split()
        if len(longest) == 1:
            first = self._first_name_of(longest[0])
            if first is not None:
                return first
        same = own + [n for n in self.names if n not in own and covers(n.base, longest)]
        counts = {}
        for n in same:
            counts[n.base] = counts.get(n.base, 0) + 1
        return max(same, key=lambda n: (len(n.base.split()), n.quality, counts[n.base])).base

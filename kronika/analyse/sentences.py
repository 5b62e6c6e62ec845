"""Rule-based sentence boundaries that survive abbreviations, quotation marks and dialogue dashes.

A sentence ends

- at a paragraph break (a blank line), and at a line break unless the next line begins in lower
  case (headlines and pull-quotes have no final punctuation);
- after ``.``, ``!``, ``?``, ``…`` and runs of them (``?!``, ``...``), together with the closing
  quotation marks and brackets glued to them (``Tak.”``, ``(Wiem.)``), before a word that begins
  with a capital or a digit (after any opening quotes or brackets), with these exceptions:

  - the dot of an abbreviation (``kronika/lang/pl/abbreviations.txt``) ends a sentence only before
    a capital, and only if the abbreviation is not a title or the like
    (``abbreviations_not_final.txt``): ``w 2022 r. Potem`` ends, ``prof. Nowak``, ``art. 5`` do not;
  - the dot after a single capital letter before a capital is an initial (``J. Nowak``) unless
    it follows a first name and the capitalised word is only a common word to SGJP (``Jan K.
    Rozpalił ognisko``);
  - the dot after a number that opens a sentence numbers a list item: ``3. Ustala się ...``;
  - a dash after the punctuation starts the next sentence (a dialogue line, ``Tak. - Nie.``)
    unless a lower-case word follows it: ``- Tak! - krzyknął.`` is one sentence;
- after a dot that follows a word Morfeusz knows (not as an abbreviation) even before a lower-case
  word (``biura. przyjęcie``), while ``10. rocznica`` and ``Tak! krzyknął`` go on.

``fill`` (default True) gives every token ``is_sent_start`` True or False: the rules alone split
the text; with ``unpunctuated`` too, a capitalised word after a word or a comma, colon or
bracket on the same line is left undecided for the trained sentence recogniser (``senter``) that
follows, where a sentence may end without punctuation. With ``fill=False`` the rules set only
what they decide (True at the boundaries above, False on the tokens around a candidate that is
rejected: after an abbreviation, an initial, an attribution dash) and leave every other token
None, so a trained parser or senter later in the pipeline keeps the rules' boundaries and may add
the ones punctuation does not show.
"""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.pipeline.senter import SentenceRecognizer
from spacy.tokens import Doc, Token

from ..lang import pl
from .morfeusz import UNKNOWN_TAG, common_word, glued, whole_readings

TERMINAL_CHARS = frozenset(".!?…")
# Closing quotation marks and brackets that stay with the sentence they follow when glued to it.
CLOSERS = frozenset({'"', "”", "»", "«", "’", "'", ")", "]"})
OPENERS = frozenset({'"', "„", "«", "»", "“", "'", "(", "["})
BULLETS = frozenset({"*", "•", "·", "▪", "►"})  # list bullets open the item's sentence
OPEN_AFTER = frozenset({":", ",", ";", ")", "]", '"', "”"})  # a sentence may end there unmarked
DASHES = frozenset({"-", "–", "—"})
SENT_START_VALUE = {True: 1, False: -1, None: 0}
NOT_WORDS = frozenset({UNKNOWN_TAG, "brev:pun", "brev:npun"})
YEAR_ABBREVIATIONS = frozenset({"r", "br", "ub.r", "b.r"})
VERB_TAGS = frozenset({"fin", "praet", "bedzie", "impt", "imps", "inf", "winien", "pred", "pcon", "pant"})


class ConfidentSenter(SentenceRecognizer):
    """spaCy's trained sentence recogniser, starting a sentence only where it is at least
    ``threshold`` sure (``S`` against ``I``) and only on the tokens the rules left undecided
    (``SentenceRules(unpunctuated=True)`` before it): a trained guess where no punctuation shows
    the boundary. UD PDB, LFG and MPDT dev score alike from 0.98 to 0.9997; the threshold is the
    middle of that range in log-odds (docs/benchmarks.md)."""

    def __init__(self, *args, threshold: float = 0.9975, **kwargs):
        super().__init__(*args, **kwargs)
        self.threshold = threshold

    def predict(self, docs):
        margin = numpy.log(self.threshold / (1 - self.threshold))  # of the two scores, S over I
        start = self.labels.index("S")
        scores = (self.model.ops.to_numpy(s) for s in self.model.predict(docs))
        return [(s[:, start] - s[:, 1 - start] >= margin).astype("int32") for s in scores]


class SentenceRules:
    """The ``kronika_sentences`` component (see the module docstring)."""

    def __init__(self, fill: bool = True, unpunctuated: bool = False):
        self.fill = fill
        self.unpunctuated = unpunctuated

    def __call__(self, doc: Doc) -> Doc:
        starts = self.sentence_starts(doc)
        if self.fill:
            starts = [None if self.unpunctuated and _unpunctuated(doc, i, start) else bool(start)
                      for i, start in enumerate(starts)]
        # One array write: setting token.is_sent_start one by one takes quadratic time.
        values = [SENT_START_VALUE[start] for start in starts]
        doc.from_array([SENT_START], numpy.array(values, dtype="int64").astype("uint64").reshape(-1, 1))
        return doc

    def sentence_starts(self, doc: Doc) -> list[bool | None]:
        """For each token: True (starts a sentence), False (does not) or None (no opinion)."""
        starts: list[bool | None] = [None] * len(doc)
        if len(doc):
            starts[0] = True
        i = 0
        while i < len(doc):
            token = doc[i]
            if token.is_space:
                _mark_line_break(doc, i, starts)
            elif is_terminal(token):
                end = _sentence_end(doc, i)
                nxt = _next_word(doc, end)
                for k in range(i, nxt if nxt is not None else len(doc)):
                    starts[k] = k == i and bool(starts[k])
                if nxt is not None:
                    starts[nxt] = _ends_sentence(doc, i, nxt, starts)
                i = end
            i += 1
        return starts


def _unpunctuated(doc: Doc, i: int, start: bool | None) -> bool:
    """A capitalised word after a word or number on the same line, or after a colon, comma,
    semicolon or closing bracket or quote when SGJP knows it as a common word too, and not
    followed by another capitalised word, where the rules decided nothing: a sentence may end
    there without punctuation (``... z Pakistanu Musimy ...``, ``co następuje: Gazety ...``; not
    ``Pytany o Unię, Blair podkreślił``)."""
    if start is not None or not i or not doc[i].text[:1].isupper():
        return False
    if i + 1 < len(doc) and doc[i + 1].text[:1].isupper():
        return False  # a name of two capitalised words may go on: ``rządząca Partia Konserwatywna``
    before = doc[i - 1]
    if before.is_space or "\n" in before.whitespace_:
        return False
    # after punctuation that ends no sentence by itself, only before a word that names nothing
    return before.text[-1:].isalnum() or before.text in OPEN_AFTER and common_word(doc[i].text)


def is_terminal(token: Token) -> bool:
    return bool(token.text) and set(token.text) <= TERMINAL_CHARS


def _sentence_end(doc: Doc, i: int) -> int:
    """The last token of the sentence-final run that starts at ``i``: ``?!``, ``.”``, ``.)``."""
    while glued(doc, i) and (is_terminal(doc[i + 1]) or doc[i + 1].text in CLOSERS):
        i += 1
    return i


def _next_word(doc: Doc, i: int) -> int | None:
    """Index of the first token after ``i`` that is not whitespace."""
    for k in range(i + 1, len(doc)):
        if not doc[k].is_space:
            return k
    return None


def _mark_line_break(doc: Doc, i: int, starts: list[bool | None]) -> None:
    """A blank line ends a sentence; a line break does unless the next line begins in lower case."""
    text = doc[i].text
    nxt = _next_word(doc, i)
    if "\n" not in text or nxt is None:
        return
    if text.count("\n") > 1 or not _begins_lower(doc, nxt):
        starts[nxt] = True
    for k in range(i, nxt):
        starts[k] = False


def _ends_sentence(doc: Doc, punct: int, nxt: int, starts: list[bool | None]) -> bool:
    """Whether the punctuation starting at ``punct`` ends the sentence before the word at ``nxt``."""
    period = doc[punct].text == "." and not (glued(doc, punct) and is_terminal(doc[punct + 1]))
    before = doc[punct - 1].text if punct > 0 and glued(doc, punct - 1) else ""
    if _starts_with(doc, nxt, DASHES):
        # "Tak. - Nie." is two sentences, "- Tak! - krzyknął." and "- Tak... - zaczął." one.
        return (period and not is_initial(before)) or not _begins_lower(doc, nxt + 1)
    if not period or not before:
        return _may_begin_sentence(doc, nxt)
    if _begins_lower(doc, nxt):
        # "biura. przyjęcie": a dictionary word before the dot is no abbreviation, so it ends.
        return is_plain_word(before) and not is_abbreviation(before)
    if not _may_begin_sentence(doc, nxt):
        return False
    if is_initial(before):  # ``Jan K. Rozpalił ognisko``: a first name's initial, no name after it
        return not _begins_upper(doc, nxt) or _after_first_name(doc, punct - 1) and _common_word_follows(doc, nxt)
    if is_abbreviation(before):
        return _abbreviation_may_end(before) and _begins_upper(doc, nxt) and not _verbless_clause(doc, punct, starts)
    # "3." opening a sentence numbers a list item.
    return not (before.isdigit() and starts[punct - 1])


def _verbless_clause(doc: Doc, punct: int, starts: list[bool | None]) -> bool:
    """A year abbreviation (``r.``, ``br.``) closing a time phrase that opens its clause: the
    phrase begins with a preposition at the sentence start or after a complementiser (``że``,
    ``gdy``) and no word of it can be a verb (``W marcu br. Davis skrytykował``, ``gdy 29 marca
    2019 r. Wielka Brytania przestanie``): the dot does not end the sentence."""
    if doc[punct - 1].text.lower() not in YEAR_ABBREVIATIONS:
        return False
    k = punct - 1
    while k > 0 and not starts[k]:
        k -= 1
        readings = whole_readings(doc[k].text) if doc[k].text.isalpha() else ()
        if any(r.tag.split(":")[0] in VERB_TAGS for r in readings) or "\n" in doc[k].text:
            return False
        if any(r.tag.split(":")[0] == "comp" for r in readings):
            return True
    first = doc[k]
    return first.text.isalpha() and any(r.tag.startswith("prep") for r in whole_readings(first.text))


def _starts_with(doc: Doc, i: int, texts: frozenset[str]) -> bool:
    return i < len(doc) and doc[i].text in texts


def _first_word(doc: Doc, i: int) -> str:
    """The text of the token at ``i``, or after the bullet, opening quotes and brackets there."""
    i = _after_openers(doc, i + 1 if i < len(doc) and doc[i].text in BULLETS else i)
    return doc[i].text if i < len(doc) else ""


def _after_openers(doc: Doc, i: int) -> int:
    while i < len(doc) and doc[i].text in OPENERS:
        i += 1
    return i


def _begins_lower(doc: Doc, i: int) -> bool:
    return _first_word(doc, i)[:1].islower()


def _begins_upper(doc: Doc, i: int) -> bool:
    return _first_word(doc, i)[:1].isupper()


def _may_begin_sentence(doc: Doc, i: int) -> bool:
    """A sentence begins with a letter or digit (after quotes or brackets), never in lower case."""
    first = _first_word(doc, i)[:1]
    return first.isalnum() and not first.islower()


def _after_first_name(doc: Doc, initial: int) -> bool:
    """The initial at ``initial`` follows a first name (``Dariusza M.``; not ``Suplikuję W.``)."""
    word = doc[initial - 1].text if initial > 0 else ""
    return word.isalpha() and word[:1].isupper() and any("imię" in r.name_types for r in whole_readings(word))


def _common_word_follows(doc: Doc, i: int) -> bool:
    """The word at ``i`` (after opening quotes) is no initial and SGJP reads it only as a common
    word (``Podkreślam``, ``Zarząd``; not ``Kwaśniewski``, nor a word it does not know)."""
    i = _after_openers(doc, i)
    if i >= len(doc) or not doc[i].text.isalpha() or (is_initial(doc[i].text) and i + 1 < len(doc) and doc[i + 1].text == "."):
        return False
    readings = whole_readings(doc[i].text)
    return bool(readings) and all(
        r.tag not in NOT_WORDS and not r.name_types and r.lemma[:1].islower() for r in readings)


def is_abbreviation(text: str) -> bool:
    """Whether ``text`` is a listed dotted abbreviation (also capitalised or in capitals)."""
    return _listed(text, pl.abbreviations())


def _abbreviation_may_end(text: str) -> bool:
    return not _listed(text, pl.abbreviations_not_final())


def _listed(text: str, abbreviations: frozenset[str]) -> bool:
    return text in abbreviations or (
        text[:1].isupper() and (_lower_first(text) in abbreviations or text.lower() in abbreviations)
    )


def is_plain_word(text: str) -> bool:
    """A word of three letters or more that Morfeusz knows, and not as an abbreviation."""
    readings = whole_readings(text) if len(text) > 2 and text.isalpha() else ()
    return bool(readings) and not any(r.tag in NOT_WORDS for r in readings)


def is_initial(text: str) -> bool:
    return len(text) == 1 and text.isupper()


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]

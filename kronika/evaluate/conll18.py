"""The CoNLL 2018 shared-task evaluation (UD parsing from raw text), reimplemented.

It follows the algorithm of the task's official ``conll18_ud_eval.py`` (Straka et al.):

- Both files are read as one stream of characters, the concatenated token forms without
  whitespace; the streams must be equal, or there is nothing to compare.
- Tokens and Sentences are spans over that stream; a system span is right when a gold span has the
  same start and end.
- Words are aligned by their spans; inside a stretch covered by multi-word tokens (a
  "multi-word span") they are aligned by the longest common subsequence of their lower-cased forms.
- Each metric then counts the aligned words whose value is the same on both sides:
  UPOS, XPOS, UFeats (universal features only), AllTags, Lemmas, UAS (the head is aligned to the
  gold head), LAS (and the universal part of DEPREL, before ``:``), CLAS (LAS over content
  words), MLAS (CLAS plus UPOS, UFeats and the function-word children) and BLEX (CLAS plus lemma).
  Precision is over the system words, recall over the gold words, aligned accuracy over the
  aligned words.

A missing value (``_``, or a head the system did not give) is simply wrong: it never raises.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..errors import EvaluationError
from .conllu import Sentence

CONTENT_DEPRELS = frozenset({
    "nsubj", "obj", "iobj", "csubj", "ccomp", "xcomp", "obl", "vocative", "expl", "dislocated",
    "advcl", "advmod", "discourse", "nmod", "appos", "nummod", "acl", "amod", "conj", "fixed",
    "flat", "compound", "list", "parataxis", "orphan", "goeswith", "reparandum", "root", "dep",
})
FUNCTIONAL_DEPRELS = frozenset({"aux", "cop", "mark", "det", "clf", "case", "cc"})
# The universal features the 2018 evaluation keeps in UFeats (language-specific ones dropped).
UNIVERSAL_FEATURES = frozenset({
    "PronType", "NumType", "Poss", "Reflex", "Foreign", "Abbr", "Gender", "Animacy", "Number",
    "Case", "Definite", "Degree", "VerbForm", "Mood", "Tense", "Aspect", "Voice", "Evident",
    "Polarity", "Person", "Polite",
})
METRICS = ("Tokens", "Sentences", "Words", "UPOS", "XPOS", "UFeats", "AllTags", "Lemmas",
           "UAS", "LAS", "CLAS", "MLAS", "BLEX")


@dataclass(frozen=True)
class Score:
    """Counts of one metric and the rates computed from them."""

    gold_total: int
    system_total: int
    correct: int
    aligned_total: int | None = None

    @property
    def precision(self) -> float:
        return self.correct / self.system_total if self.system_total else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold_total if self.gold_total else 0.0

    @property
    def f1(self) -> float:
        total = self.system_total + self.gold_total
        return 2 * self.correct / total if total else 0.0

    @property
    def aligned_accuracy(self) -> float | None:
        if self.aligned_total is None:
            return None
        return self.correct / self.aligned_total if self.aligned_total else 0.0

    def to_dict(self) -> dict:
        return {
            "precision": self.precision, "recall": self.recall, "f1": self.f1,
            "aligned_accuracy": self.aligned_accuracy, "correct": self.correct,
            "gold_total": self.gold_total, "system_total": self.system_total,
            "aligned_total": self.aligned_total,
        }


# ---------------------------------------------------------------- the evaluated representation

_UNKNOWN = object()  # the parent of a word whose HEAD is "_"


@dataclass(eq=False)
class _Word:
    start: int  # the span of the word's token in the character stream, end exclusive
    end: int
    multiword: bool
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    deprel: str
    parent: object = None  # a _Word, None for the root, or _UNKNOWN
    functional_children: list[_Word] = field(default_factory=list)

    @property
    def content(self) -> bool:
        return self.deprel in CONTENT_DEPRELS

    @property
    def functional(self) -> bool:
        return self.deprel in FUNCTIONAL_DEPRELS


@dataclass
class _Text:
    characters: str
    tokens: list[tuple[int, int]]
    sentences: list[tuple[int, int]]
    words: list[_Word]
    sentence_ids: list[str | None]


def _without_spaces(form: str) -> str:
    return "".join(c for c in form if not c.isspace() and unicodedata.category(c) != "Zs")


def _universal_feats(feats: str) -> str:
    return "|".join(sorted(f for f in feats.split("|") if f.split("=", 1)[0] in UNIVERSAL_FEATURES))


def _load(sentences: Sequence[Sentence], side: str) -> _Text:
    chars: list[str] = []
    tokens: list[tuple[int, int]] = []
    spans: list[tuple[int, int]] = []
    words: list[_Word] = []
    index = 0
    for number, sentence in enumerate(sentences, start=1):
        start, first_word = index, len(words)
        for tok in sentence.tokens:
            form = _without_spaces(tok.form)
            if not form:
                where = sentence.sent_id or f"#{number}"
                raise EvaluationError(f"{side}: empty token form in sentence {where}")
            chars.append(form)
            tokens.append((index, index + len(form)))
            for w in tok.words:
                words.append(_Word(
                    index, index + len(form), tok.multiword,
                    w.form if tok.multiword else form, w.lemma, w.upos, w.xpos,
                    _universal_feats(w.feats), w.deprel.split(":")[0],
                ))
            index += len(form)
        spans.append((start, index))
        _link(words[first_word:], [w.head for w in sentence.words])
    return _Text("".join(chars), tokens, spans, words, [s.sent_id for s in sentences])


def _link(words: list[_Word], heads: list[int | None]) -> None:
    for word, head in zip(words, heads):
        if head is None or head > len(words):
            word.parent = _UNKNOWN
        elif head:
            word.parent = words[head - 1]
    for word in words:
        if isinstance(word.parent, _Word) and word.functional:
            word.parent.functional_children.append(word)


# ---------------------------------------------------------------- alignment


@dataclass
class _Alignment:
    gold: list[_Word]
    system: list[_Word]
    pairs: list[tuple[_Word, _Word]] = field(default_factory=list)
    to_gold: dict[int, _Word] = field(default_factory=dict)  # id(system word) -> gold word

    def add(self, gold: _Word, system: _Word) -> None:
        self.pairs.append((gold, system))
        self.to_gold[id(system)] = gold


def _align(gold: list[_Word], system: list[_Word]) -> _Alignment:
    alignment = _Alignment(gold, system)
    gi = si = 0
    while gi < len(gold) and si < len(system):
        g, s = gold[gi], system[si]
        if g.multiword or s.multiword:
            gs, ss, gi, si = _multiword_span(gold, system, gi, si)
            _align_lcs(alignment, gold[gs:gi], system[ss:si])
        elif (g.start, g.end) == (s.start, s.end):
            alignment.add(g, s)
            gi, si = gi + 1, si + 1
        elif g.start <= s.start:
            gi += 1
        else:
            si += 1
    return alignment


def _multiword_span(gold: list[_Word], system: list[_Word], gi: int, si: int) -> tuple[int, int, int, int]:
    """The smallest stretch of words, from (gi, si), that covers the multi-word tokens there."""
    if gold[gi].multiword:
        end = gold[gi].end
        if not system[si].multiword and system[si].start < gold[gi].start:
            si += 1
    else:
        end = system[si].end
        if not gold[gi].multiword and gold[gi].start < system[si].start:
            gi += 1
    gs, ss = gi, si
    while not _beyond(gold, gi, end) or not _beyond(system, si, end):
        if gi < len(gold) and (si >= len(system) or gold[gi].start <= system[si].start):
            end = _extend(gold[gi], end)
            gi += 1
        else:
            end = _extend(system[si], end)
            si += 1
    return gs, ss, gi, si


def _beyond(words: list[_Word], i: int, end: int) -> bool:
    if i >= len(words):
        return True
    if words[i].multiword:
        return words[i].start >= end
    return words[i].end > end


def _extend(word: _Word, end: int) -> int:
    return max(end, word.end) if word.multiword else end


def _align_lcs(alignment: _Alignment, gold: list[_Word], system: list[_Word]) -> None:
    """Align the words of a multi-word span by the LCS of their lower-cased forms."""
    if not gold or not system:
        return
    g_forms = [w.form.lower() for w in gold]
    s_forms = [w.form.lower() for w in system]
    n, m = len(gold), len(system)
    # lcs[i][j]: the LCS length of gold[i:] and system[j:]
    lcs = [[0] * (m + 1) for _ in range(n + 1)]
    for i in reversed(range(n)):
        for j in reversed(range(m)):
            if g_forms[i] == s_forms[j]:
                lcs[i][j] = 1 + lcs[i + 1][j + 1]
            lcs[i][j] = max(lcs[i][j], lcs[i + 1][j], lcs[i][j + 1])
    i = j = 0
    while i < n and j < m:
        if g_forms[i] == s_forms[j]:
            alignment.add(gold[i], system[j])
            i, j = i + 1, j + 1
        elif lcs[i][j] == lcs[i + 1][j]:
            i += 1
        else:
            j += 1


# ---------------------------------------------------------------- scoring


def _spans_score(gold: list[tuple[int, int]], system: list[tuple[int, int]]) -> Score:
    correct = gi = si = 0
    while gi < len(gold) and si < len(system):
        if system[si][0] < gold[gi][0]:
            si += 1
        elif gold[gi][0] < system[si][0]:
            gi += 1
        else:
            correct += gold[gi][1] == system[si][1]
            gi, si = gi + 1, si + 1
    return Score(len(gold), len(system), correct)


# A key function gets a word and a function that maps a word of the same side to its gold word
# (identity on the gold side); two aligned words agree when their keys are equal.
KeyFn = Callable[[_Word, Callable[[object], object]], object]


def _alignment_score(alignment: _Alignment, key: KeyFn | None = None,
                     only: Callable[[_Word], bool] | None = None) -> Score:
    keep = only or (lambda w: True)
    gold = sum(1 for w in alignment.gold if keep(w))
    system = sum(1 for w in alignment.system if keep(w))
    pairs = [(g, s) for g, s in alignment.pairs if keep(g)]
    if key is None:
        return Score(gold, system, len(pairs))

    def gold_side(word: object) -> object:
        return object() if word is _UNKNOWN else word

    def system_side(word: object) -> object:
        if word is None:
            return None
        if word is _UNKNOWN:
            return object()  # equal to nothing
        return alignment.to_gold.get(id(word), "not aligned")

    correct = sum(1 for g, s in pairs if key(g, gold_side) == key(s, system_side))
    return Score(gold, system, correct, len(pairs))


def _lemma(w: _Word, ga) -> str:
    # A gold lemma "_" (not annotated) counts as right whatever the system says.
    return w.lemma if ga(w).lemma != "_" else "_"


def _las(w: _Word, ga) -> tuple:
    return ga(w.parent), w.deprel


def _mlas(w: _Word, ga) -> tuple:
    children = [(ga(c), c.deprel, c.upos, c.feats) for c in w.functional_children]
    return ga(w.parent), w.deprel, w.upos, w.feats, children


def _blex(w: _Word, ga) -> tuple:
    return ga(w.parent), w.deprel, _lemma(w, ga)


def evaluate(gold: Sequence[Sentence], system: Sequence[Sentence]) -> dict[str, Score]:
    """CoNLL 2018 scores of ``system`` against ``gold``, by metric name (see :data:`METRICS`).

    :class:`EvaluationError` if the two do not have the same characters (whitespace aside).
    """
    g, s = _load(gold, "gold"), _load(system, "system")
    if g.characters != s.characters:
        raise EvaluationError(_mismatch_message(g, s))
    alignment = _align(g.words, s.words)
    content = lambda w: w.content  # noqa: E731
    return {
        "Tokens": _spans_score(g.tokens, s.tokens),
        "Sentences": _spans_score(g.sentences, s.sentences),
        "Words": _alignment_score(alignment),
        "UPOS": _alignment_score(alignment, lambda w, ga: w.upos),
        "XPOS": _alignment_score(alignment, lambda w, ga: w.xpos),
        "UFeats": _alignment_score(alignment, lambda w, ga: w.feats),
        "AllTags": _alignment_score(alignment, lambda w, ga: (w.upos, w.xpos, w.feats)),
        "Lemmas": _alignment_score(alignment, _lemma),
        "UAS": _alignment_score(alignment, lambda w, ga: ga(w.parent)),
        "LAS": _alignment_score(alignment, _las),
        "CLAS": _alignment_score(alignment, _las, only=content),
        "MLAS": _alignment_score(alignment, _mlas, only=content),
        "BLEX": _alignment_score(alignment, _blex, only=content),
    }


def _mismatch_message(gold: _Text, system: _Text) -> str:
    a, b = gold.characters, system.characters
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    sentence = next((n for n, (_, end) in enumerate(gold.sentences) if i < end), len(gold.sentences) - 1)
    where = gold.sentence_ids[sentence] if 0 <= sentence < len(gold.sentence_ids) else None
    where = where or f"#{sentence + 1}"
    before = a[max(0, i - 20):i]
    return (
        f"the gold and system texts differ at character {i} (whitespace not counted), in gold "
        f"sentence {where}: after {before!r}, gold has {a[i:i + 20]!r} and system has "
        f"{b[i:i + 20]!r} ({len(a)} and {len(b)} characters in all)"
    )

"""Read and write CoNLL-U (https://universaldependencies.org/format.html).

Reading gives plain dataclasses: a :class:`Sentence` holds its comment lines and its surface
:class:`Token` s; a token holds one :class:`Word`, or several when it is a multi-word token (an
``1-2`` range line). Empty nodes (``1.1``) are skipped, as the CoNLL 2018 evaluation does.

Writing from spaCy Docs groups Polish agglutinated forms back into multi-word tokens, the way
Polish UD (PDB, LFG) writes them: ``zrobiłem`` = ``zrobił`` + ``em``, ``mógłbyś`` =
``mógł`` + ``by`` + ``ś``, ``żebyś`` = ``żeby`` + ``ś``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, Span, Token as SpacyToken

from ..errors import EvaluationError
from ..lang.pl import agglutinates

_NEWDOC = re.compile(r"#\s*newdoc(\s|$)")
_NEWPAR = re.compile(r"#\s*newpar(\s|$)")
_KEY_VALUE = re.compile(r"#\s*([^=]+?)\s*=\s?(.*)$")
_MISSING = "_"


@dataclass(eq=False)
class Word:
    """One syntactic word: a CoNLL-U line with an integer ID."""

    id: int
    form: str
    lemma: str = _MISSING
    upos: str = _MISSING
    xpos: str = _MISSING
    feats: str = _MISSING
    head: int | None = None  # 0 for the root, None where unknown ("_")
    deprel: str = _MISSING
    deps: str = _MISSING
    misc: str = _MISSING

    def to_line(self) -> str:
        head = _MISSING if self.head is None else str(self.head)
        cols = (str(self.id), self.form, self.lemma, self.upos, self.xpos, self.feats, head,
                self.deprel, self.deps, self.misc)
        return "\t".join(cols)


@dataclass(eq=False)
class Token:
    """One surface token: a single word, or a multi-word token (a range line) and its words."""

    form: str
    words: list[Word]
    multiword: bool = False
    misc: str = _MISSING  # the range line's MISC; a single word keeps its MISC on the word

    @property
    def space_after(self) -> bool:
        misc = self.misc if self.multiword else self.words[0].misc
        return "SpaceAfter=No" not in misc.split("|")

    def to_lines(self) -> list[str]:
        words = [w.to_line() for w in self.words]
        if not self.multiword:
            return words
        first, last = self.words[0].id, self.words[-1].id
        rng = "\t".join((f"{first}-{last}", self.form, *[_MISSING] * 7, self.misc))
        return [rng, *words]


@dataclass(eq=False)
class Sentence:
    """One sentence: its comment lines (with their ``#``) and its tokens."""

    tokens: list[Token] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    @property
    def words(self) -> list[Word]:
        return [w for t in self.tokens for w in t.words]

    def comment(self, key: str) -> str | None:
        """The value of a ``# key = value`` comment, or None."""
        for line in self.comments:
            m = _KEY_VALUE.match(line)
            if m and m.group(1) == key:
                return m.group(2)
        return None

    @property
    def sent_id(self) -> str | None:
        return self.comment("sent_id")

    @property
    def text(self) -> str | None:
        return self.comment("text")

    @property
    def newdoc(self) -> bool:
        return any(_NEWDOC.match(c) for c in self.comments)

    @property
    def newpar(self) -> bool:
        return any(_NEWPAR.match(c) for c in self.comments)

    def surface_text(self) -> str:
        """The text rebuilt from the token forms and SpaceAfter=No, without a trailing space."""
        parts = []
        for tok in self.tokens:
            parts.append(tok.form)
            if tok.space_after:
                parts.append(" ")
        return "".join(parts).rstrip(" ")

    def to_conllu(self) -> str:
        lines = list(self.comments)
        for tok in self.tokens:
            lines.extend(tok.to_lines())
        return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------- reading


def read_conllu(path: str | Path) -> list[Sentence]:
    """The sentences of a CoNLL-U file; :class:`EvaluationError` naming the file if it is bad."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise EvaluationError("no such file", item=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"cannot read CoNLL-U: {exc}", item=str(path)) from None
    return parse_conllu(text, source=str(path))


def parse_conllu(text: str, *, source: str = "<string>") -> list[Sentence]:
    """The sentences of CoNLL-U ``text``."""
    sentences: list[Sentence] = []
    block: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            block.append((number, line))
        elif block:
            sentences.append(_parse_block(block, source))
            block = []
    if block:
        sentences.append(_parse_block(block, source))
    sentences = [s for s in sentences if s.tokens]  # blocks of comments alone carry nothing
    if not sentences:
        raise EvaluationError("no sentences in CoNLL-U input", item=source)
    return sentences


def _parse_block(block: list[tuple[int, str]], source: str) -> Sentence:
    sentence = Sentence()
    words: list[Word] = []
    mwt_end = 0  # last word ID of the open multi-word token
    for number, line in block:
        if line.startswith("#"):
            if words or sentence.tokens:
                raise _error(source, number, "comment line inside a sentence")
            sentence.comments.append(line)
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise _error(source, number, f"expected 10 tab-separated columns, found {len(cols)}")
        ident = cols[0]
        if "." in ident:  # an empty node of the enhanced graph
            continue
        if "-" in ident:
            first, last = _parse_range(ident, source, number)
            if first != len(words) + 1:
                raise _error(source, number, f"multi-word token {ident} does not start at word {len(words) + 1}")
            sentence.tokens.append(Token(form=cols[1], words=[], multiword=True, misc=cols[9]))
            mwt_end = last
            continue
        word = _parse_word(cols, source, number)
        if word.id != len(words) + 1:
            raise _error(source, number, f"word ID {word.id}, expected {len(words) + 1}")
        words.append(word)
        if word.id <= mwt_end:
            sentence.tokens[-1].words.append(word)
        else:
            sentence.tokens.append(Token(form=word.form, words=[word]))
    for tok in sentence.tokens:
        if not tok.words:
            raise _error(source, block[0][0], f"multi-word token {tok.form!r} without words")
    for word in words:
        if word.head is not None and word.head > len(words):
            raise _error(source, block[0][0], f"HEAD {word.head} of word {word.id} is outside the sentence")
    return sentence


def _parse_range(ident: str, source: str, number: int) -> tuple[int, int]:
    try:
        first, last = (int(x) for x in ident.split("-"))
    except ValueError:
        raise _error(source, number, f"cannot parse multi-word token ID {ident!r}") from None
    if last < first:
        raise _error(source, number, f"empty multi-word token range {ident!r}")
    return first, last


def _parse_word(cols: list[str], source: str, number: int) -> Word:
    try:
        ident = int(cols[0])
    except ValueError:
        raise _error(source, number, f"cannot parse word ID {cols[0]!r}") from None
    head: int | None = None
    if cols[6] != _MISSING:
        try:
            head = int(cols[6])
        except ValueError:
            raise _error(source, number, f"cannot parse HEAD {cols[6]!r}") from None
        if head < 0:
            raise _error(source, number, f"negative HEAD {head}")
    if not cols[1]:
        raise _error(source, number, "empty FORM")
    return Word(ident, cols[1], cols[2], cols[3], cols[4], cols[5], head, cols[7], cols[8], cols[9])


def _error(source: str, number: int, message: str) -> EvaluationError:
    return EvaluationError(f"line {number}: {message}", item=source)


# --------------------------------------------------------------------------------- writing


def format_conllu(sentences: Iterable[Sentence]) -> str:
    """CoNLL-U text: each sentence followed by a blank line."""
    return "".join(s.to_conllu() + "\n" for s in sentences)


def write_conllu(sentences: Iterable[Sentence], path: str | Path) -> None:
    Path(path).write_text(format_conllu(sentences), encoding="utf-8")


def doc_sentences(doc: Doc) -> list[Span]:
    """The sentences of ``doc``, or the whole doc as one sentence if it has no boundaries."""
    if len(doc) == 0:
        return []
    try:
        return list(doc.sents)
    except ValueError:  # no sentence boundaries set
        return [doc[:]]


def doc_to_sentences(doc: Doc, *, first_id: int = 1,
                     multiword: Mapping[int, tuple[int, str]] | None = None,
                     group_agglutinates: bool = True) -> list[Sentence]:
    """``doc`` as CoNLL-U sentences (numbered from ``first_id`` in ``# sent_id``).

    Whitespace tokens are left out. Multi-word tokens come from ``multiword`` (the index of a
    first token -> the index after its last token and the surface form) when it is given, else
    by rule: a run of letter tokens with no space between them in which a later token is an
    agglutinate (``kronika/lang/pl/agglutinates.txt``) is one multi-word token, unless
    ``group_agglutinates`` is off (treebanks such as UD Polish-LFG write no multi-word tokens).
    """
    has_dep = doc.has_annotation("DEP")
    out = []
    for span in doc_sentences(doc):
        tokens = [t for t in span if not t.is_space]
        if not tokens:
            continue
        ids = {t.i: n for n, t in enumerate(tokens, start=1)}
        sentence = Sentence(comments=[f"# sent_id = {first_id + len(out)}", f"# text = {_one_line(span.text)}"])
        if multiword is not None:
            groups = _given_groups(tokens, multiword)
        elif group_agglutinates:
            groups = _rule_groups(tokens)
        else:
            groups = [([t], None) for t in tokens]
        for group, surface in groups:
            words = [_word_from_token(t, ids, has_dep) for t in group]
            space = _space_after(group[-1])
            if surface is None:
                words[0].misc = _misc(space)
                sentence.tokens.append(Token(form=words[0].form, words=words))
            else:
                sentence.tokens.append(Token(form=surface, words=words, multiword=True, misc=_misc(space)))
        out.append(sentence)
    return out


def docs_to_sentences(docs: Iterable[Doc]) -> Iterator[Sentence]:
    """All sentences of ``docs``, with ``# sent_id`` numbered across them."""
    count = 0
    for doc in docs:
        sentences = doc_to_sentences(doc, first_id=count + 1)
        count += len(sentences)
        yield from sentences


_Group = tuple[list[SpacyToken], str | None]  # the tokens, and the surface form of a multi-word token


def _given_groups(tokens: list[SpacyToken], multiword: Mapping[int, tuple[int, str]]) -> list[_Group]:
    groups: list[_Group] = []
    position = {t.i: n for n, t in enumerate(tokens)}
    n = 0
    while n < len(tokens):
        end, surface = multiword.get(tokens[n].i, (None, None))
        last = position.get(end - 1) if end is not None else None
        if last is not None and last > n and tokens[last].i == end - 1:
            groups.append((tokens[n:last + 1], surface))
            n = last + 1
        else:
            groups.append(([tokens[n]], None))
            n += 1
    return groups


def _rule_groups(tokens: list[SpacyToken]) -> list[_Group]:
    groups: list[_Group] = []
    run: list[SpacyToken] = []
    for tok in tokens:
        if run and not run[-1].whitespace_ and run[-1].is_alpha and tok.is_alpha and tok.i == run[-1].i + 1:
            run.append(tok)
            continue
        groups.extend(_split_run(run))
        run = [tok]
    groups.extend(_split_run(run))
    return groups


def _split_run(run: list[SpacyToken]) -> list[_Group]:
    """A run of adjacent letter tokens: one multi-word token if a later one is an agglutinate."""
    if len(run) > 1 and any(t.lower_ in agglutinates() for t in run[1:]):
        return [(run, "".join(t.text for t in run))]
    return [([t], None) for t in run]


def _word_from_token(tok: SpacyToken, ids: dict[int, int], has_dep: bool) -> Word:
    head: int | None = None
    deprel = _MISSING
    if has_dep and tok.dep_:
        if tok.head.i == tok.i:
            head, deprel = 0, "root"
        elif tok.head.i in ids:  # a head outside the sentence (or a space) is left unknown
            head = ids[tok.head.i]
            deprel = "root" if tok.dep_ == "ROOT" else tok.dep_
    return Word(
        id=ids[tok.i],
        form=tok.text,
        lemma=tok.lemma_ or _MISSING,
        upos=tok.pos_ or _MISSING,
        xpos=tok.tag_ or _MISSING,
        feats=str(tok.morph) or _MISSING,
        head=head,
        deprel=deprel,
    )


def _space_after(tok: SpacyToken) -> bool:
    if tok.whitespace_:
        return True
    nxt = tok.i + 1
    return nxt < len(tok.doc) and tok.doc[nxt].is_space


def _misc(space_after: bool) -> str:
    return _MISSING if space_after else "SpaceAfter=No"


def _one_line(text: str) -> str:
    return " ".join(text.split())

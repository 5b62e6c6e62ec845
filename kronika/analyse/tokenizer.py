"""kronika's Polish tokenizer: spaCy's, extended with Polish abbreviations and exceptions.

It follows the segmentation of NKJP and UD Polish PDB, which kronika's models learn from and are
scored on:

- an abbreviation's final dot is a token of its own, inner dots stay: ``r`` ``.``, ``m.in`` ``.``,
  ``S.A`` ``.``, ``n.p.m`` ``.``;
- an ellipsis typed as dots is one token a dot, as in ``Powiedz...``: ``[`` ``.`` ``.`` ``.`` ``]``;
- numbers, dates and clock times stay whole: ``1,5``, ``2.812``, ``10.01.2022``, ``12:30``; a
  score is split: ``0`` ``:`` ``2``;
- a hyphenated word is split at the hyphen (``biało`` ``-`` ``czerwony``, ``Bielsku`` ``-``
  ``Białej``, ``Kasym`` ``-`` ``Żomart``, ``2`` ``-`` ``3``) unless Morfeusz knows it whole
  (``kung-fu``, ``e-sporcie``, ``PRL-owskiego``) or it is a number or an acronym with an ending or
  a number (``14-latka``, ``PiS-u``, ``F-16``);
- the agglutinates of "być" and the conditional ``by`` become tokens of their own with no space
  before them, where Morfeusz cuts the word so (``zrobił`` ``em``, ``mógł`` ``by`` ``ś``,
  ``żeby`` ``m``, ``powinni`` ``śmy``; ``coś``, ``kiedyś`` and ``czym`` stay whole). The clitics
  are listed in ``kronika/lang/pl/agglutinates.txt`` for writers that regroup them into
  multi-word tokens.

The spaCy :class:`~spacy.tokenizer.Tokenizer` does the first pass with kronika's prefix, suffix
and infix rules and special cases; :class:`PolishTokenizer` then splits the hyphenated words and
agglutinates it has decided on (one cached decision per word form).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Iterable, Iterator

from spacy.lang.char_classes import ALPHA, ALPHA_UPPER
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, registry

from ..lang import pl
from .morfeusz import UNKNOWN_TAG, analyse, whole_readings

HYPHEN = "-"
# Words made of parts joined by hyphens; parts are letters or digits, numbers may have a decimal part.
HYPHENATED = re.compile(r"\w+(?:[.,]\d+)?(?:-\w+(?:[.,]\d+)?)+")
NUMBER_WITH_ENDING = re.compile(r"\d+(?:[.,]\d+)?(?:-\d+(?:[.,]\d+)?)*-[^\W\d_]+")  # 14-latka, 6-9-letni
NOT_EMOTICON = re.compile(r"\)|:\d")
CLOCK_TIME = r"(?:[01]?\d|2[0-4]):[0-5]\d"
# A name written as a web address with a capital domain (Leave.EU), which the dot before a
# capital would otherwise split as a sentence end without a space.
NAME_DOMAIN = r"[A-Z][A-Za-z]+\.(?:EU|UE|UK|PL|COM)"
# A foreign name inflected after a typographic apostrophe (Farage’a, Jean-Claude’em), one word as
# with a straight one (Farage'a), not a quotation mark inside a word.
NAME_APOSTROPHE = r"[A-ZĄĆĘŁŃÓŚŹŻ][\w-]*’[a-ząćęłńóśźż]{1,4}"
# Word endings that may hide an agglutinate or the conditional particle (see agglutinates.txt).
CLITIC_ENDINGS = ("m", "ś", "by", "śmy", "ście")
CACHE_SIZE = 1 << 16


def customize_tokenizer(nlp: Language) -> None:
    """Give ``nlp`` kronika's Polish tokenizer, keeping its vocabulary (idempotent).

    Call it again after ``spacy.load``: the rules live in code and data files, not in the model.
    """
    base = nlp.tokenizer.base if isinstance(nlp.tokenizer, PolishTokenizer) else nlp.tokenizer
    configure(base, nlp)
    nlp.tokenizer = PolishTokenizer(base)


def create_tokenizer() -> Callable[[Language], "PolishTokenizer"]:
    """Registered as ``kronika.PolishTokenizer.v1``: ``[nlp.tokenizer]`` in a pipeline config."""

    def make(nlp: Language) -> PolishTokenizer:
        base = registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
        configure(base, nlp)
        return PolishTokenizer(base)

    return make


def configure(tokenizer: Tokenizer, nlp: Language) -> None:
    """Set kronika's affix rules, token match and special cases on a spaCy tokenizer."""
    defaults = nlp.Defaults
    tokenizer.prefix_search = compile_prefix_regex(_prefixes(defaults.prefixes)).search
    tokenizer.infix_finditer = compile_infix_regex(_infixes(defaults.infixes)).finditer
    tokenizer.token_match = re.compile(rf"(?:{CLOCK_TIME}|{NAME_DOMAIN}|{NAME_APOSTROPHE})$").match
    tokenizer.rules = _special_cases(defaults.tokenizer_exceptions)


def _prefixes(defaults: Iterable[str]) -> list[str]:
    # ",," is a low quotation mark typed with commas; a hyphen before a letter opens a dialogue line.
    return [",,", f"-(?=[{ALPHA}])", *defaults]


def _infixes(defaults: Iterable[str]) -> list[str]:
    """Polish infixes, with "-" left to PolishTokenizer and dots between digits kept."""
    dot_between = r"(?<=[0-9{al}])\.(?=[0-9{au}])".format(al=ALPHA, au=ALPHA_UPPER)
    kept = [p for p in defaults if p not in (HYPHEN, dot_between)]
    return kept + [
        r"(?<=[{a}])\.(?=[0-9{au}])".format(a=ALPHA, au=ALPHA_UPPER),  # "zdanie.Następne"
        r"(?<=[0-9]):(?=[0-9])",  # scores "0:2" (clock times are kept by token_match)
    ]


def _special_cases(defaults: dict) -> dict:
    """spaCy's exceptions less the emoticons that are mostly punctuation and numbers ("):" after a
    bracket, ":0" in a score), plus every abbreviation: "prof." -> "prof" + "."."""
    rules = {text: tokens for text, tokens in defaults.items() if not NOT_EMOTICON.match(text)}
    for abbreviation in pl.abbreviations():
        for form in {abbreviation, abbreviation[:1].upper() + abbreviation[1:]}:
            rules[form + "."] = [{ORTH: form}, {ORTH: "."}]
    return rules


class PolishTokenizer:
    """spaCy's tokenizer, then kronika's splits of hyphenated words and agglutinates."""

    def __init__(self, base: Tokenizer):
        self.base = base
        self.vocab = base.vocab

    def __call__(self, text: str) -> Doc:
        doc = self.base(text)
        words: list[str] = []
        spaces: list[bool] = []
        changed = False
        for token in doc:
            parts = split(token.text)
            changed = changed or len(parts) > 1
            words.extend(parts)
            spaces.extend([False] * (len(parts) - 1) + [bool(token.whitespace_)])
        return Doc(self.vocab, words=words, spaces=spaces) if changed else doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def explain(self, text: str) -> list[tuple[str, str]]:
        return self.base.explain(text)

    # Serialisation is the spaCy tokenizer's: kronika's own rules come from code and data files.
    def to_bytes(self, **kwargs) -> bytes:
        return self.base.to_bytes(**kwargs)

    def from_bytes(self, data: bytes, **kwargs) -> "PolishTokenizer":
        self.base.from_bytes(data, **kwargs)
        return self

    def to_disk(self, path, **kwargs) -> None:
        self.base.to_disk(path, **kwargs)

    def from_disk(self, path, **kwargs) -> "PolishTokenizer":
        self.base.from_disk(path, **kwargs)
        return self


@lru_cache(maxsize=CACHE_SIZE)
def split(text: str) -> tuple[str, ...]:
    """The tokens ``text`` (one token of spaCy's first pass) is split into: itself when kept."""
    if len(text) > 1 and text.strip(".") == "":  # an ellipsis typed as dots: "[...]"
        return (".",) * len(text)
    if HYPHEN in text and HYPHENATED.fullmatch(text):
        return (text,) if keeps_hyphen(text) else _split_at_hyphens(text)
    if len(text) > 2 and text.lower().endswith(CLITIC_ENDINGS) and text.isalpha():
        return split_agglutinate(text) or (text,)
    return (text,)


def _split_at_hyphens(text: str) -> tuple[str, ...]:
    return tuple(part for part in re.split(r"(-)", text) if part)


def keeps_hyphen(text: str) -> bool:
    """Whether a hyphenated word is one token (see the module docstring)."""
    first, *_, last = text.split(HYPHEN)
    return bool(
        NUMBER_WITH_ENDING.fullmatch(text)
        or (sum(c.isupper() for c in first) > 1 and last.isalpha() and last.islower())  # PiS-u
        or (first.isalpha() and last.isdigit())  # F-16
        or any(r.tag != UNKNOWN_TAG for r in whole_readings(text))
    )


def split_agglutinate(word: str) -> tuple[str, ...] | None:
    """``word`` cut before its agglutinate or conditional particle; None to keep it whole."""
    edges = analyse(word)
    if all(e.reading.tag == UNKNOWN_TAG for e in edges):
        return _guess_agglutinate(word)
    if whole_readings(word) and word.lower() not in pl.split_forms():
        return None
    paths = [p for p in _paths(edges, 0, len(word)) if len(p) > 1 and all(map(_is_clitic, p[1:]))]
    return max(sorted(paths), key=len) if paths else None


def _paths(edges, start: int, end: int) -> list[tuple[str, ...]]:
    """Every cut of ``[start, end)`` along the DAG, as tuples of segment texts (edges in order)."""
    if start == end:
        return [()]
    nexts = {(e.end, e.text) for e in edges if e.start == start}
    return [(text, *rest) for stop, text in nexts for rest in _paths(edges, stop, end)]


def _is_clitic(segment: str) -> bool:
    return segment.lower() in pl.agglutinates()


def _guess_agglutinate(word: str) -> tuple[str, ...] | None:
    """Split a word Morfeusz does not know by pattern, unless it is capitalised (likely a name)."""
    if not word[0].islower():
        return None
    for pattern in pl.agglutinate_patterns():
        match = pattern.fullmatch(word)
        if match:
            return tuple(part for part in match.groupdict().values() if part)
    return None

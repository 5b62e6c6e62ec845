"""`kronika evaluate ud`: the pipeline scored on a UD treebank as in the CoNLL 2018 shared task.

Two modes:

- **raw text** (default): the gold file's raw text is rebuilt as the shared task did, from the
  ``# text`` comments: sentences joined by a space within a paragraph, paragraphs (``# newpar``)
  and documents (``# newdoc``) apart. The pipeline tokenizes, splits sentences and annotates it;
  every metric counts, Tokens and Sentences included.
- **gold tokens**: Docs are built from the gold words (multi-word tokens as their words, spaces from
  SpaceAfter=No) with the gold sentence starts set; the pipeline runs without its tokenizer and
  without its sentence-splitting components, so only tags, features, lemmas and the parse are
  measured (a parser that moves a boundary still shows in Sentences).

Processing units: each paragraph is one Doc. A file without ``# newpar`` / ``# newdoc`` marks
(UD Polish PDB has none) is one paragraph, processed whole by default, so the system gets no
sentence break for free. ``chunk_sentences=N`` cuts paragraphs every N gold sentences to bound
memory on huge files, at the price of a free break each time (at 50, spaCy's sentencizer scores
Sentences F1 71.68 on PDB test instead of 71.46).
"""
from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import EvaluationError
from .conll18 import evaluate
from .conllu import Sentence, doc_to_sentences, read_conllu, write_conllu

log = logging.getLogger(__name__)

CHUNK_SENTENCES = 0
BATCH_SIZE = 32
# Components that set sentence boundaries; left out in gold-tokens mode.
SENTENCE_FACTORIES = frozenset({"kronika_sentences", "sentencizer", "senter"})


def evaluate_ud(
    nlp: Language,
    gold_path: str | Path,
    gold_tokens: bool = False,
    batch_size: int = BATCH_SIZE,
    *,
    chunk_sentences: int = CHUNK_SENTENCES,
    output: str | Path | None = None,
) -> dict:
    """CoNLL 2018 scores of ``nlp`` on the CoNLL-U file ``gold_path``.

    Returns ``{"gold", "gold_sha256", "mode", "pipeline", "metrics": {name: score dict}, "words", "sentences",
    "seconds", "words_per_second"}``; the time is that of the pipeline (and of turning its Docs
    into CoNLL-U), not of reading or scoring. ``output`` also writes the system CoNLL-U there.
    """
    gold = read_conllu(gold_path)
    units = list(paragraph_chunks(gold, chunk_sentences))
    start = time.perf_counter()
    if gold_tokens:
        system = annotate_gold_tokens(nlp, units, batch_size)
    else:
        # Write multi-word tokens only for treebanks that have them (PDB does, LFG does not).
        group = any(token.multiword for sentence in gold for token in sentence.tokens)
        system = annotate_raw_text(nlp, units, batch_size, group_agglutinates=group)
    seconds = time.perf_counter() - start
    if output is not None:
        write_conllu(system, output)
    try:
        scores = evaluate(gold, system)
    except EvaluationError as exc:
        raise EvaluationError(exc.message, item=str(gold_path)) from None
    words = sum(len(s.words) for s in gold)
    return {
        "gold": str(gold_path),
        "gold_sha256": hashlib.sha256(Path(gold_path).read_bytes()).hexdigest(),
        "mode": "gold-tokens" if gold_tokens else "raw-text",
        "pipeline": list(nlp.pipe_names),
        "metrics": {name: score.to_dict() for name, score in scores.items()},
        "words": words,
        "sentences": len(gold),
        "seconds": seconds,
        "words_per_second": words / seconds if seconds else None,
    }


# ---------------------------------------------------------------- the gold text


def paragraph_chunks(sentences: list[Sentence], chunk_sentences: int = CHUNK_SENTENCES) -> Iterator[list[Sentence]]:
    """The processing units: paragraphs, cut every ``chunk_sentences`` sentences (0: not cut)."""
    for paragraph in paragraphs(sentences):
        step = chunk_sentences if chunk_sentences > 0 else len(paragraph)
        for i in range(0, len(paragraph), step):
            yield paragraph[i:i + step]


def paragraphs(sentences: list[Sentence]) -> list[list[Sentence]]:
    """Sentences grouped by ``# newpar`` / ``# newdoc``; all in one when there is no such mark."""
    out: list[list[Sentence]] = []
    for sentence in sentences:
        if not out or sentence.newpar or sentence.newdoc:
            out.append([])
        out[-1].append(sentence)
    return out


def raw_text(sentences: list[Sentence]) -> str:
    """The raw text of a treebank as the shared task gave it: paragraphs apart by a blank line."""
    return "\n\n".join(join_sentences(p) for p in paragraphs(sentences)) + "\n"


def join_sentences(sentences: Iterable[Sentence]) -> str:
    """Sentence texts joined by a space (none after a last token with SpaceAfter=No)."""
    parts: list[str] = []
    space = False
    for sentence in sentences:
        if space:
            parts.append(" ")
        parts.append(sentence_text(sentence))
        space = sentence.tokens[-1].space_after
    return "".join(parts)


def sentence_text(sentence: Sentence) -> str:
    """The ``# text`` of a sentence; rebuilt from its tokens if absent or not matching them."""
    text = sentence.text
    forms = "".join(t.form for t in sentence.tokens)
    if text is None or "".join(text.split()) != "".join(forms.split()):
        if text is not None:
            log.warning("sentence %s: # text does not match the tokens; using the tokens", sentence.sent_id)
        return sentence.surface_text()
    return text


# ---------------------------------------------------------------- running the pipeline


def annotate_raw_text(nlp: Language, units: list[list[Sentence]], batch_size: int,
                      group_agglutinates: bool = True) -> list[Sentence]:
    texts = (join_sentences(unit) for unit in units)
    return _to_sentences(nlp.pipe(texts, batch_size=batch_size), group_agglutinates)


def annotate_gold_tokens(nlp: Language, units: list[list[Sentence]], batch_size: int) -> list[Sentence]:
    docs = [gold_doc(nlp, unit) for unit in units]
    skip = [name for name in nlp.pipe_names if nlp.get_pipe_meta(name).factory in SENTENCE_FACTORIES]
    with nlp.select_pipes(disable=skip):
        annotated = list(nlp.pipe((doc for doc, _ in docs), batch_size=batch_size))
    out: list[Sentence] = []
    for doc, (_, multiword) in zip(annotated, docs):
        out.extend(doc_to_sentences(doc, first_id=len(out) + 1, multiword=multiword))
    return out


def gold_doc(nlp: Language, sentences: list[Sentence]) -> tuple[Doc, dict[int, tuple[int, str]]]:
    """A Doc of the gold words with the gold sentence starts, and its multi-word tokens
    (first token index -> index after the last one, surface form)."""
    words: list[str] = []
    spaces: list[bool] = []
    starts: list[bool] = []
    multiword: dict[int, tuple[int, str]] = {}
    for sentence in sentences:
        for n, tok in enumerate(sentence.tokens):
            first = len(words)
            for k, word in enumerate(tok.words):
                words.append(word.form)
                spaces.append(tok.space_after if k == len(tok.words) - 1 else False)
                starts.append(n == 0 and k == 0)
            if tok.multiword:
                multiword[first] = (len(words), tok.form)
    return Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=starts), multiword


def _to_sentences(docs: Iterable[Doc], group_agglutinates: bool = True) -> list[Sentence]:
    out: list[Sentence] = []
    for doc in docs:
        out.extend(doc_to_sentences(doc, first_id=len(out) + 1, group_agglutinates=group_agglutinates))
    return out

"""Named-entity recognition scored as PolEval 2018 Task 2 (SPEC §3, ``kronika evaluate ner``).

What the official ``poleval_ner_test.py`` computes, and so what :func:`score_ner` computes:

- **Units.** Each brat annotation is one unit ``(category, start, end)``. The official script
  parses discontinuous annotations with its default ``htype="split"``: ``persName 10 15;20 25``
  becomes two units ``persName 10 15`` and ``persName 20 25``, scored independently (the
  script only copes with two fragments; any number is split here). Categories are compared as
  strings, so nested entities and subtypes (``persName``, ``persName_forename``,
  ``placeName_country`` ...) are all scored, each under its own category. Units whose category
  contains ``derivType`` are dropped on both sides. The units of a document form a *set*: an
  annotation repeated with the same category and offsets counts once (``removeDerivs`` returns
  a set).
- **Overlap match.** A gold unit is matched when *some* system unit of the same category
  overlaps it, with both ends compared inclusively: ``not (end1 < start2 or end2 < start1)``.
  So spans that merely touch (gold ``0 5``, system ``5 9``) count as overlapping, as there.
- **Exact match.** Same category, same start and same end.
- **Counting per annotation, not one-to-one.** Per document ``tp`` = number of gold units that
  are matched (a system unit may match several gold units), ``fp = len(system) - tp`` and
  ``fn = len(gold) - tp``. Hence precision = matched gold units / system units; when one system
  unit overlaps several gold units of its category, precision can even exceed 1.0, exactly as
  in the official script. For exact matching both sides are sets, so it is one-to-one.
- **Pooling.** ``tp``, ``fp``, ``fn`` are summed over all documents (micro average) and
  P = tp/(tp+fp), R = tp/(tp+fn), F1 = 2PR/(P+R); final = 0.8·overlap F1 + 0.2·exact F1.
  Units are only compared within one document. (The official script divides by zero when a
  side is empty; 0.0 is reported here.)
- **Documents.** The gold answer of a document is its newest answer by ``created`` (the first
  on a tie). Gold documents without a prediction of the same id are left out, not counted as
  misses (the official script reports them as "not identified (left out)");
  ``documents_missing`` says how many. Predictions for unknown ids are ignored.

One deliberate difference: in the released script the scoring block sits inside the ``else:``
of ``if len(answers) > 1``, so documents with more than one gold answer are found but never
scored. The spec says the newest answer wins, so they are scored here with it by default;
``multi_answer="skip"`` (CLI ``--multi-answer skip``) reproduces the released script's numbers.
Also, prediction lines in brat ``T`` form (with an id column) are read, where the official
script only reads two-column ``category start end<TAB>text`` lines and would ignore them.

System side: the pipeline's ``doc.spans["nkjp_ner"]`` (all NKJP entities, outer and nested,
PolEval category labels), or ``doc.ents`` when that span group is absent (``-`` in labels
read as ``_``). IOB2 documents are built from the gold tokens (a space after each), so the
tokenizer is skipped; PolEval JSON documents go through the full pipeline.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import EvaluationError
from .metrics import prf
from .poleval import (
    Annotation,
    Document,
    read_documents,
    read_split,
    to_poleval_predictions,
    write_poleval_predictions,
)

__all__ = [
    "Document",
    "SPAN_KEY",
    "doc_annotations",
    "doc_to_poleval",
    "evaluate_ner",
    "load_gold",
    "predict_documents",
    "read_documents",
    "score_ner",
    "to_poleval_predictions",
    "write_poleval_predictions",
]

log = logging.getLogger(__name__)

SPAN_KEY = "nkjp_ner"
DEFAULT_SPLIT_FILE = Path(__file__).resolve().parent.parent / "training" / "splits" / "nkjp-ner.tsv"
OVERLAP_WEIGHT = 0.8

# ---------------------------------------------------------------- scorer


def _units(annotations: Iterable[Annotation]) -> set[tuple[int, int, str]]:
    return {(s, e, cat) for cat, spans in annotations if "derivType" not in cat for s, e in spans}


def score_document(gold: Iterable[Annotation], system: Iterable[Annotation]) -> tuple[int, int, int, int]:
    """``(gold units, system units, overlap-matched gold units, exact-matched gold units)``."""
    gold_units, system_units = _units(gold), _units(system)
    by_category = defaultdict(list)
    for start, end, category in system_units:
        by_category[category].append((start, end))
    overlap = sum(
        any(not (end < s or e < start) for s, e in by_category[category])
        for start, end, category in gold_units
    )
    return len(gold_units), len(system_units), overlap, len(gold_units & system_units)


def score_ner(
    gold_docs: Sequence[Document], system_docs: Sequence[Document] | Mapping[str, Document]
) -> dict:
    """PolEval 2018 Task 2 scores (see the module docstring for the exact definitions).

    ``system_docs`` is either aligned with ``gold_docs`` or a mapping from document id to
    prediction; with a mapping, gold documents without a prediction are left out.
    """
    if isinstance(system_docs, Mapping):
        pairs = [(g, system_docs[g.id]) for g in gold_docs if g.id in system_docs]
    else:
        if len(system_docs) != len(gold_docs):
            raise ValueError(f"{len(gold_docs)} gold documents but {len(system_docs)} system documents")
        pairs = list(zip(gold_docs, system_docs))
    totals = [0, 0, 0, 0]
    for gold, system in pairs:
        for i, n in enumerate(score_document(gold.annotations, system.annotations)):
            totals[i] += n
    n_gold, n_system, n_overlap, n_exact = totals
    op, orec, of1 = prf(n_overlap, n_gold, n_system)
    ep, erec, ef1 = prf(n_exact, n_gold, n_system)
    return {
        "overlap_precision": op,
        "overlap_recall": orec,
        "overlap_f1": of1,
        "exact_precision": ep,
        "exact_recall": erec,
        "exact_f1": ef1,
        "final": OVERLAP_WEIGHT * of1 + (1 - OVERLAP_WEIGHT) * ef1,
        "documents": len(pairs),
        "documents_missing": len(gold_docs) - len(pairs),
        "gold_annotations": n_gold,
        "predicted_annotations": n_system,
        "overlap_matched": n_overlap,
        "exact_matched": n_exact,
    }


# ---------------------------------------------------------------- system side


def doc_annotations(doc: Doc, span_key: str = SPAN_KEY) -> list[Annotation]:
    """A Doc's entities as PolEval annotations: ``doc.spans[span_key]``, else ``doc.ents``."""
    spans = doc.spans[span_key] if span_key in doc.spans else doc.ents
    return [(span.label_.replace("-", "_"), [(span.start_char, span.end_char)]) for span in spans]


def doc_to_poleval(doc: Doc, doc_id: str, span_key: str = SPAN_KEY) -> dict:
    """One PolEval 2018 prediction ``{"id", "answers"}`` for a Doc's entities."""
    return to_poleval_predictions([Document(doc.text, doc_annotations(doc, span_key), doc_id)])[0]


def _gold_token_doc(nlp: Language, words: list[str]) -> Doc:
    spaces = [True] * len(words)
    if spaces:
        spaces[-1] = False
    return Doc(nlp.vocab, words=words, spaces=spaces)


def predict_documents(nlp: Language, documents: Sequence[Document], *, batch_size: int = 16) -> list[Document]:
    """Run ``nlp`` on each document (on its gold tokens when it has them) and read its entities."""
    inputs = (d.text if d.words is None else _gold_token_doc(nlp, d.words) for d in documents)
    predicted = []
    for gold, doc in zip(documents, nlp.pipe(inputs, batch_size=batch_size)):
        if doc.text != gold.text:
            raise EvaluationError(f"document {gold.id!r}: the pipeline changed the text")
        predicted.append(Document(gold.text, doc_annotations(doc), gold.id))
    return predicted


# ---------------------------------------------------------------- the command's function


def load_gold(
    path: str | Path,
    *,
    split: str | None = None,
    split_file: str | Path | None = None,
    limit: int | None = None,
    multi_answer: str = "newest",
) -> list[Document]:
    """Gold documents of ``path``, restricted to ``split`` (of ``split_file``) and ``limit``."""
    if multi_answer not in ("newest", "skip"):
        raise ValueError(f"multi_answer must be 'newest' or 'skip', not {multi_answer!r}")
    keep = read_split(split_file or DEFAULT_SPLIT_FILE, split) if split else None
    documents = read_documents(path, keep=keep, limit=limit, multi_answer=multi_answer)
    if split and not documents:
        raise EvaluationError(f"no document of split {split!r} in the file", item=str(path))
    if not documents:
        raise EvaluationError("no annotated document in the file", item=str(path))
    return documents


def evaluate_ner(
    nlp: Language | Callable[[], Language] | None,
    path: str | Path,
    *,
    predictions: str | Path | None = None,
    split: str | None = None,
    split_file: str | Path | None = None,
    limit: int | None = None,
    multi_answer: str = "newest",
    write_predictions: str | Path | None = None,
) -> dict:
    """PolEval 2018 Task 2 scores of ``nlp`` (or of a ``predictions`` file) on a gold file.

    ``nlp`` may also be a function that loads the pipeline: it is called only once the gold
    file has been read, so a bad gold file fails fast. ``write_predictions`` saves the
    pipeline's entities as an official PolEval prediction file.
    """
    gold = load_gold(path, split=split, split_file=split_file, limit=limit, multi_answer=multi_answer)
    if predictions is not None:
        ids = {d.id for d in gold}
        system = {d.id: d for d in read_documents(predictions, keep=ids)}
        scores = score_ner(gold, system)
        if scores["documents_missing"]:
            log.warning("%d gold documents have no prediction in %s: left out", scores["documents_missing"], predictions)
        return scores
    if nlp is None:
        raise ValueError("evaluate_ner needs a pipeline or a predictions file")
    if not isinstance(nlp, Language):
        nlp = nlp()
    system = predict_documents(nlp, gold)
    if write_predictions is not None:
        write_poleval_predictions(system, write_predictions)
    return score_ner(gold, system)

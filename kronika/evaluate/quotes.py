"""Quotations scored against a quotes gold JSONL (SPEC §3, ``kronika evaluate quotes``).

The gold file holds one document a line::

    {"doc": "asia_bibi/raw/pl/x.txt", "doc_id": "pl-1", "date": "2018-10-31",
     "quotes": [{"text", "speaker", "speaker_mention", "kind", "cue"}]}

``doc`` is a path relative to the root folder (default: the gold file's folder); the document is
read with the reader its format needs (detected, BSNLP raw files included). What a quote is, and
what its ``text`` spans, is fixed by the annotation guide ``docs/annotation/quotes.md``.

What :func:`score_quotes` computes:

- **Tokens.** A quote's tokens are the lowercased ``\\w+`` matches of its text (Unicode word
  characters, so quotation marks, dashes and other punctuation never count). They are taken as
  a *multiset*: a word that occurs twice counts twice, so a long quote cannot match a short one
  through its repeated function words.
- **Overlap.** ``overlap(p, g) = |p ∩ g| / max(|p|, |g|)`` with multiset intersection (the
  smaller count of each word) and multiset sizes. It is symmetric, 1.0 only for the same bag of
  words, and 0.0 when either side has no token.
- **One-to-one, best first.** Within a document every (gold, predicted) pair with an overlap
  above 0 is ranked by overlap (ties: gold order, then prediction order) and taken greedily
  when neither side is taken yet. A pair counts as a match at threshold ``t`` when its overlap
  is ``>= t``; since the ranking puts all pairs ``>= t`` first, this is the same as re-running
  the greedy matching on those pairs alone, for every threshold.
- **P/R/F1** at 0.3, 0.5 and 0.8: matches / predicted quotes, matches / gold quotes, pooled over
  all documents (micro average); 0.0 where a denominator is 0.
- **Speaker accuracy** on the quotes matched at 0.5: a predicted speaker is right when it
  equals the gold ``speaker`` after NFC, case folding and whitespace collapsing (a predicted
  quote without a speaker is wrong). When the predicted speaker is an entity of the analysis,
  any of the entity's base-form names counts (its name, aliases and the base forms of its name
  mentions, not its role descriptions): the article's ``AP`` and ``Associated Press`` are one
  speaker, whichever name the entity group carries. ``speaker_accuracy_exact`` compares the
  predicted name alone (the only comparison for a predictions file, which has no entities). ``attributed_*`` are P/R/F1 of matches at 0.5 whose
  speaker is right as well.
- **Per-kind recall** at 0.5 for each gold kind (direct, indirect, mixed): matched gold quotes
  of that kind / gold quotes of that kind (``None`` when the gold has none). Matching ignores
  kinds: a direct gold quote found as "indirect" still counts.
- **Documents.** Predictions are paired with gold documents by ``doc_id`` (by ``doc`` where an
  id is missing). A gold document without a prediction counts as one with no predicted quote
  (``documents_missing`` says how many); predictions for unknown documents are ignored.

System side: the predicted quotes of an :class:`~kronika.model.Analysis` (``analysis.quotes``;
the speaker compared is ``speaker_name``, else the name of the entity ``speaker`` points to, else
``speaker`` itself), or a predictions JSONL in the gold format. Gold quotes may sit in an
article's title (the title is part of the annotated article); an analysis only covers
``article.text``, so title quotes count as misses for it unless its extractor covers titles.
"""
from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

from spacy.language import Language

from ..errors import EvaluationError, ReadError
from ..model import Analysis, Article, Quote
from .metrics import prf

__all__ = [
    "KINDS",
    "THRESHOLDS",
    "GoldQuote",
    "QuoteDocument",
    "check_gold",
    "evaluate_quotes",
    "find_quote",
    "load_articles",
    "match_quotes",
    "overlap",
    "quotes_from_analysis",
    "read_quotes_jsonl",
    "same_speaker",
    "score_quotes",
    "tokens",
    "write_quotes_jsonl",
]

log = logging.getLogger(__name__)

KINDS = ("direct", "indirect", "mixed")
THRESHOLDS = (0.3, 0.5, 0.8)
SPEAKER_THRESHOLD = 0.5
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class GoldQuote:
    """One quote as the gold format writes it (predictions use the same shape)."""

    text: str
    speaker: str | None = None
    speaker_mention: str | None = None
    kind: str | None = None
    cue: str | None = None
    aliases: tuple[str, ...] = ()  # a predicted speaker entity's other base-form names (not written out)

    def to_dict(self) -> dict:
        return {"text": self.text, "speaker": self.speaker, "speaker_mention": self.speaker_mention,
                "kind": self.kind, "cue": self.cue}


@dataclass(frozen=True)
class QuoteDocument:
    """One line of a quotes JSONL file."""

    doc: str | None
    doc_id: str | None
    date: str | None
    quotes: tuple[GoldQuote, ...]

    @property
    def key(self) -> str:
        return self.doc_id or self.doc or ""

    def to_dict(self) -> dict:
        return {"doc": self.doc, "doc_id": self.doc_id, "date": self.date,
                "quotes": [q.to_dict() for q in self.quotes]}


# ---------------------------------------------------------------- matching


def tokens(text: str) -> Counter:
    """The multiset of lowercased ``\\w+`` tokens of ``text``."""
    return Counter(m.group().lower() for m in _WORD.finditer(text))


def overlap(predicted: str | Counter, gold: str | Counter) -> float:
    """``|p ∩ g| / max(|p|, |g|)`` over token multisets; 0.0 when either side is empty."""
    p = tokens(predicted) if isinstance(predicted, str) else predicted
    g = tokens(gold) if isinstance(gold, str) else gold
    longest = max(sum(p.values()), sum(g.values()))
    return sum((p & g).values()) / longest if longest else 0.0


def match_quotes(gold: Sequence[str], predicted: Sequence[str]) -> list[tuple[int, int, float]]:
    """Greedy one-to-one matching, best overlap first: ``(gold index, predicted index, overlap)``."""
    gold_bags = [tokens(t) for t in gold]
    predicted_bags = [tokens(t) for t in predicted]
    pairs = [
        (overlap(p, g), gi, pi)
        for gi, g in enumerate(gold_bags)
        for pi, p in enumerate(predicted_bags)
        if g.keys() & p.keys()
    ]
    pairs.sort(key=lambda pair: (-pair[0], pair[1], pair[2]))
    taken_gold, taken_predicted, matches = set(), set(), []
    for score, gi, pi in pairs:
        if gi not in taken_gold and pi not in taken_predicted:
            taken_gold.add(gi)
            taken_predicted.add(pi)
            matches.append((gi, pi, score))
    return matches


def _normal_name(name: str | None) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", name)).strip().casefold() if name else ""


def same_speaker(predicted: str | None, gold: str | None, aliases: Iterable[str] = ()) -> bool:
    """SPEC §3: equal base forms, case-insensitively (whitespace collapsed, NFC); a predicted
    entity's other base-form names (``aliases``) count as its base forms too."""
    wanted = _normal_name(gold)
    return bool(wanted) and any(_normal_name(name) == wanted for name in (predicted, *aliases) if name)


# ---------------------------------------------------------------- scorer


def _as_quote(item: Any) -> GoldQuote:
    if isinstance(item, GoldQuote):
        return item
    if isinstance(item, Quote):
        return GoldQuote(item.text, item.speaker_name or item.speaker, None, item.kind, item.cue)
    if isinstance(item, Mapping):
        return GoldQuote(item["text"], item.get("speaker"), item.get("speaker_mention"), item.get("kind"), item.get("cue"))
    raise TypeError(f"not a quote: {item!r}")


def _quotes_of(item: Any) -> list[GoldQuote]:
    if isinstance(item, QuoteDocument):
        return list(item.quotes)
    if isinstance(item, Analysis):
        return quotes_from_analysis(item)
    return [_as_quote(q) for q in item]


def score_quotes(gold_docs: Sequence[QuoteDocument], system_docs: Sequence[Any] | Mapping[str, Any]) -> dict:
    """Quote P/R/F1 at each threshold, speaker accuracy and per-kind recall (module docstring).

    ``system_docs`` is either aligned with ``gold_docs`` or a mapping from a gold document's
    ``doc_id`` (``doc`` where it has no id) to its prediction; with a mapping, a gold document
    without a prediction counts as one with no quote. A prediction is a
    :class:`QuoteDocument`, an :class:`~kronika.model.Analysis`, or an iterable of quotes
    (:class:`GoldQuote`, :class:`~kronika.model.Quote` or gold-format dicts).
    """
    if isinstance(system_docs, Mapping):
        predictions = [system_docs.get(g.key) for g in gold_docs]
    else:
        if len(system_docs) != len(gold_docs):
            raise ValueError(f"{len(gold_docs)} gold documents but {len(system_docs)} system documents")
        predictions = list(system_docs)
    n_gold = n_predicted = speaker_right = speaker_exact = 0
    matched = Counter()
    kind_gold, kind_matched = Counter(), Counter()
    for gold_doc, prediction in zip(gold_docs, predictions):
        gold = list(gold_doc.quotes)
        predicted = [] if prediction is None else _quotes_of(prediction)
        n_gold += len(gold)
        n_predicted += len(predicted)
        kind_gold.update(q.kind for q in gold)
        for gi, pi, score in match_quotes([q.text for q in gold], [q.text for q in predicted]):
            for threshold in THRESHOLDS:
                matched[threshold] += score >= threshold
            if score >= SPEAKER_THRESHOLD:
                kind_matched[gold[gi].kind] += 1
                speaker_right += same_speaker(predicted[pi].speaker, gold[gi].speaker, predicted[pi].aliases)
                speaker_exact += same_speaker(predicted[pi].speaker, gold[gi].speaker)
    scores: dict = {}
    for threshold in THRESHOLDS:
        p, r, f = prf(matched[threshold], n_gold, n_predicted)
        scores |= {f"precision@{threshold}": p, f"recall@{threshold}": r, f"f1@{threshold}": f}
    at_speaker = matched[SPEAKER_THRESHOLD]
    scores["speaker_accuracy"] = speaker_right / at_speaker if at_speaker else 0.0
    scores["speaker_accuracy_exact"] = speaker_exact / at_speaker if at_speaker else 0.0
    ap, ar, af = prf(speaker_right, n_gold, n_predicted)
    scores |= {"attributed_precision": ap, "attributed_recall": ar, "attributed_f1": af}
    for kind in KINDS:
        scores[f"recall_{kind}"] = kind_matched[kind] / kind_gold[kind] if kind_gold[kind] else None
    scores |= {
        "documents": len(gold_docs),
        "documents_missing": sum(p is None for p in predictions),
        "gold_quotes": n_gold,
        "predicted_quotes": n_predicted,
        **{f"matched@{t}": matched[t] for t in THRESHOLDS},
        "speaker_correct": speaker_right,
        "speaker_correct_exact": speaker_exact,
        **{f"gold_{kind}": kind_gold[kind] for kind in KINDS},
    }
    return scores


# ---------------------------------------------------------------- JSONL files


def _optional_str(value: Any, what: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{what} must be a string or null")
    return value


def _parse_quote(raw: Any, n: int, *, gold: bool) -> GoldQuote:
    if not isinstance(raw, dict):
        raise ValueError(f"quote {n} is not an object")
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"quote {n}: 'text' must be a non-empty string")
    speaker = _optional_str(raw.get("speaker"), f"quote {n}: 'speaker'")
    kind = _optional_str(raw.get("kind"), f"quote {n}: 'kind'")
    if gold and not (speaker and speaker.strip()):
        raise ValueError(f"quote {n}: 'speaker' must be a non-empty string")
    if (gold or kind is not None) and kind not in KINDS:
        raise ValueError(f"quote {n}: 'kind' must be one of {', '.join(KINDS)}, not {kind!r}")
    return GoldQuote(
        text,
        speaker,
        _optional_str(raw.get("speaker_mention"), f"quote {n}: 'speaker_mention'"),
        kind,
        _optional_str(raw.get("cue"), f"quote {n}: 'cue'"),
    )


def _parse_document(line: str, *, gold: bool) -> QuoteDocument:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg})") from None
    if not isinstance(raw, dict):
        raise ValueError("not a JSON object")
    doc = _optional_str(raw.get("doc"), "'doc'")
    doc_id = raw.get("doc_id")
    doc_id = str(doc_id) if isinstance(doc_id, (int, str)) else _optional_str(doc_id, "'doc_id'")
    if gold and not doc:
        raise ValueError("'doc' (a path relative to the root) is missing")
    if not (doc or doc_id):
        raise ValueError("neither 'doc' nor 'doc_id'")
    quotes = raw.get("quotes")
    if not isinstance(quotes, list):
        raise ValueError("'quotes' must be a list")
    return QuoteDocument(doc, doc_id, _optional_str(raw.get("date"), "'date'"),
                         tuple(_parse_quote(q, n, gold=gold) for n, q in enumerate(quotes, 1)))


def read_quotes_jsonl(path: str | Path, *, gold: bool = True) -> list[QuoteDocument]:
    """Documents of a quotes JSONL file; ``gold`` also requires ``doc``, speakers and kinds.

    Raises :class:`EvaluationError` naming the file and the line of the first problem.
    """
    path = Path(path)
    if not path.is_file():
        raise EvaluationError("file not found", item=str(path))
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationError(f"cannot read: {exc}", item=str(path)) from None
    documents, keys = [], set()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            document = _parse_document(line, gold=gold)
        except ValueError as exc:
            raise EvaluationError(f"line {number}: {exc}", item=str(path)) from None
        if document.key in keys:
            raise EvaluationError(f"line {number}: document {document.key!r} appears twice", item=str(path))
        keys.add(document.key)
        documents.append(document)
    if not documents:
        raise EvaluationError("no document in the file", item=str(path))
    return documents


def write_quotes_jsonl(documents: Iterable[QuoteDocument], path: str | Path) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for document in documents:
            out.write(json.dumps(document.to_dict(), ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- articles


def _read_article(path: Path, doc_id: str | None) -> Article:
    from ..read import ReadOptions, read_paths

    if not path.is_file():
        raise EvaluationError("document not found", item=str(path))
    articles = []
    for result in read_paths([path], ReadOptions()):
        if isinstance(result, ReadError):
            raise EvaluationError(f"unreadable document ({result.reason}): {result.message}", item=str(path))
        articles.append(result)
    if len(articles) > 1:
        articles = [a for a in articles if a.id == doc_id]
    if len(articles) != 1:
        raise EvaluationError(f"no single article with id {doc_id!r} in the document", item=str(path))
    return articles[0]


def load_articles(gold_docs: Sequence[QuoteDocument], root: str | Path) -> list[Article]:
    """The article of each gold document, read from ``root / doc`` with its detected reader."""
    return [_read_article(Path(root) / d.doc, d.doc_id) for d in gold_docs]


def find_quote(article: Article, text: str) -> tuple[str, int, int] | None:
    """Where ``text`` occurs verbatim, modulo whitespace: ``("title" | "text", start, end)``."""
    words = text.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(map(re.escape, words)))
    for field in ("title", "text"):
        match = pattern.search(getattr(article, field) or "")
        if match:
            return field, match.start(), match.end()
    return None


def check_gold(gold_docs: Sequence[QuoteDocument], articles: Sequence[Article]) -> list[str]:
    """Problems of a gold file against its articles: ids, dates, texts not found verbatim."""
    problems = []
    for document, article in zip(gold_docs, articles, strict=True):
        where = document.doc or document.key
        if document.doc_id is not None and document.doc_id != article.id:
            problems.append(f"{where}: doc_id {document.doc_id!r} but the article's id is {article.id!r}")
        if document.date is not None and document.date != article.date:
            problems.append(f"{where}: date {document.date!r} but the article's date is {article.date!r}")
        for n, quote in enumerate(document.quotes, 1):
            if find_quote(article, quote.text) is None:
                problems.append(f"{where}: quote {n} not in the article: {quote.text[:60]!r}")
    return problems


# ---------------------------------------------------------------- system side


def quotes_from_analysis(analysis: Analysis) -> list[GoldQuote]:
    """An analysis' predicted quotes, each with the base-form name of its speaker and, for an
    entity, the entity's other names: its name, aliases and the base forms of its name mentions
    (not its roles)."""
    entities = {e.id: e for e in analysis.entities}
    quotes = []
    for q in analysis.quotes:
        entity = entities.get(q.speaker or "")
        aliases = () if entity is None else tuple(dict.fromkeys(
            [entity.name, *entity.aliases, *(m.base for m in entity.mentions if m.base and getattr(m, "kind", "name") == "name")]))
        name = q.speaker_name or (entity.name if entity else q.speaker)
        quotes.append(GoldQuote(q.text, name, None, q.kind, q.cue, aliases))
    return quotes


def _analyse(nlp: Language, articles: Sequence[Article]) -> list[Analysis]:
    """The articles analysed as one batch, as ``kronika analyze`` and ``ingest`` read a folder:
    roles that another article of nearby date binds to a name resolve speakers
    (:func:`kronika.extract.quotes.speakers_across`)."""
    from ..analysis import analyse_articles
    from ..extract.quotes import speakers_across

    return speakers_across([analysis for analysis, _ in analyse_articles(nlp, articles)])


def evaluate_quotes(
    gold_path: str | Path,
    root: str | Path | None = None,
    *,
    system: Language | Callable[[], Language] | Iterable[Analysis] | None = None,
    predictions: str | Path | None = None,
) -> dict:
    """Quote scores of a system on a gold file (SPEC §3).

    ``root`` is the folder the gold ``doc`` paths are relative to (default: the gold file's
    folder). The system is either ``predictions``, a quotes JSONL in the gold format (paired by
    ``doc_id``; the articles are not read), or ``system``: a spaCy pipeline, a function that
    loads one (called only once the gold file and its articles have been read), or analyses
    already made (paired by ``article.id``).
    """
    gold_path = Path(gold_path)
    gold = read_quotes_jsonl(gold_path)
    if predictions is not None:
        predicted = read_quotes_jsonl(predictions, gold=False)
        by_key = {}
        for document in predicted:
            for key in (document.doc_id, document.doc):
                if key:
                    by_key.setdefault(key, document)
        system_docs = {g.key: by_key.get(g.doc_id) or by_key.get(g.doc) for g in gold}
        system_docs = {k: v for k, v in system_docs.items() if v is not None}
        if not system_docs:
            raise EvaluationError("no document of the gold file has a prediction", item=str(predictions))
        scores = score_quotes(gold, system_docs)
        if scores["documents_missing"]:
            log.warning("%d gold documents have no prediction in %s: scored as empty", scores["documents_missing"], predictions)
        return scores
    if system is None:
        raise ValueError("evaluate_quotes needs a system or a predictions file")
    if isinstance(system, Language) or callable(system):
        articles = load_articles(gold, gold_path.parent if root is None else root)
        nlp = system if isinstance(system, Language) else system()
        return score_quotes(gold, _analyse(nlp, articles))
    analyses = {a.article.id: a for a in system}
    return score_quotes(gold, {g.key: analyses[g.doc_id] for g in gold if g.doc_id in analyses})

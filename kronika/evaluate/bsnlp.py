"""BSNLP 2019 shared-task scores (SPEC §3, ``kronika evaluate bsnlp``).

Files (gold and system alike): line 1 the document id, then one line per unique form of a named
mention, ``form<TAB>base<TAB>TYPE<TAB>ID`` (types PER, ORG, LOC, EVT, PRO; the 2017 topics use
MISC). A UTF-8 BOM and CRLF line ends are accepted; blank lines are skipped. System lines may
leave out the id (each form is then an entity of its own).

What is compared, as the organisers' 2019 evaluator describes it (its jar is not public as
source, so the choices below that its README leaves open are stated):

- **Normalising.** Forms, base forms and ids are trimmed, lower-cased and their inner whitespace
  runs collapsed; types are upper-cased. A form listed twice in one document keeps its first line
  (a few gold files list one form with two ids).
- **Scope.** Everything is pooled over documents (micro averages): per type, each score computed
  on the lines of that type only, and overall on all lines. Gold documents the system has no file
  for count as empty answers; system files for unknown documents are ignored.
- **Entities.** A gold entity is the set of forms sharing one id in a document; so is a system
  entity.
- **Relaxed partial.** A gold entity is found when some system form of the same type shares a
  whole-word substring with one of its forms: one form's words occur as a contiguous run of the
  other's words (``merkel`` in ``angela merkel``, either way round). Recall = found gold
  entities / gold entities; precision = system entities with such a match / system entities.
- **Relaxed exact.** The same with equal forms.
- **Strict.** Precision and recall of the set of unique ``(form, type)`` pairs per document.
- **Normalization.** Over the lines whose base form differs from the form, on each side: a hit
  is a ``(form, type, base)`` triple on both sides. Precision = hits / system triples, recall =
  hits / gold triples; ``accuracy`` = hits / the ``(form, type)`` pairs needing a base form on
  either side; ``accuracy_recognised`` = the same over the pairs that both sides have (the base
  forms of what was recognised right, the usual measure of a lemmatizer).
- **Linking: LEA** (Moosavi and Strube 2016, as in the reference ``coval`` implementation,
  singletons with a self-link) with an entity's importance log2(number of its mentions), so an
  entity of one mention weighs nothing. *Document level*: mentions are a document's forms,
  entities its ids. *Cross-document*: mentions are ``doc#form`` over all the documents scored
  together (one topic a run), entities the ids.
- **MISC.** In a gold document that uses the 2017 type MISC, system EVT and PRO lines count as
  MISC (kronika has no MISC type).

System side: :func:`bsnlp_output` turns a kronika :class:`~kronika.model.Analysis` into BSNLP
lines; :func:`predict_documents` reads the raw files and runs the pipeline on title and text.
"""
from __future__ import annotations

import logging
import math
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from spacy.language import Language

from ..errors import EvaluationError
from ..model import Analysis, Article
from .metrics import prf

__all__ = [
    "BSNLP_TYPES",
    "BsnlpDocument",
    "Line",
    "bsnlp_output",
    "evaluate_bsnlp",
    "lea",
    "parse_document",
    "predict_documents",
    "read_documents",
    "score_bsnlp",
    "write_document",
]

log = logging.getLogger(__name__)

BSNLP_TYPES = ("PER", "ORG", "LOC", "EVT", "PRO")
MISC = "MISC"
# kronika's entity types -> BSNLP's; DATE and TIME are not BSNLP names.
KRONIKA_TO_BSNLP = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC", "EVT": "EVT", "PRO": "PRO"}
METRICS = ("relaxed_partial", "relaxed_exact", "strict", "normalization", "linking_document", "linking_cross_document")
_WORD = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class Line:
    """One line of a BSNLP file, as written."""

    form: str
    base: str
    type: str
    id: str


@dataclass
class BsnlpDocument:
    """A BSNLP annotation file: the document id and its lines."""

    id: str
    lines: list[Line] = field(default_factory=list)
    source: str = ""


# ---------------------------------------------------------------- reading and writing


def parse_document(text: str, source: str, *, system: bool = False) -> BsnlpDocument:
    """A BSNLP annotation file's document id and lines (``system``: the id column may be missing)."""
    rows = text.lstrip("\ufeff").splitlines()
    if not rows or not rows[0].strip():
        raise EvaluationError("no document id on line 1", item=source)
    document = BsnlpDocument(rows[0].strip(), [], source)
    least = 3 if system else 4
    for number, row in enumerate(rows[1:], 2):
        if not row.strip():
            continue
        cols = row.split("\t")
        if len(cols) < least or not cols[0].strip():
            raise EvaluationError(f"line {number}: expected form<TAB>base<TAB>TYPE<TAB>ID, got {row!r}", item=source)
        form, base, kind = (c.strip() for c in cols[:3])
        document.lines.append(Line(form, base or form, kind, cols[3].strip() if len(cols) > 3 else ""))
    return document


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise EvaluationError("not a folder", item=str(folder))
    files = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        files.extend(Path(root, n) for n in sorted(names) if not n.startswith("."))
    return files


def read_documents(folder: str | Path, *, system: bool = False) -> list[BsnlpDocument]:
    """Every BSNLP annotation file under ``folder`` (recursively; hidden files left out)."""
    documents, seen = [], {}
    for path in _files(Path(folder)):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise EvaluationError("not UTF-8 text", item=str(path)) from None
        except OSError as exc:
            raise EvaluationError(f"cannot read the file: {exc.strerror or exc}", item=str(path)) from None
        document = parse_document(text, str(path), system=system)
        if document.id in seen:
            raise EvaluationError(
                f"document id {document.id!r} also in {seen[document.id]} (score one topic at a time)", item=str(path)
            )
        seen[document.id] = str(path)
        documents.append(document)
    if not documents and not system:
        raise EvaluationError("no BSNLP annotation file in the folder", item=str(folder))
    return documents


def format_document(document: BsnlpDocument) -> str:
    lines = [document.id, *(f"{x.form}\t{x.base}\t{x.type}\t{x.id}" for x in document.lines)]
    return "\n".join(lines) + "\n"


def write_document(folder: str | Path, name: str, document: BsnlpDocument) -> Path:
    """Write one system file ``name`` into ``folder`` (created if needed)."""
    path = Path(folder) / name
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(format_document(document), encoding="utf-8")
    except OSError as exc:
        raise EvaluationError(f"cannot write: {exc.strerror or exc}", item=str(path)) from None
    return path


# ---------------------------------------------------------------- normalising


@dataclass(frozen=True)
class Mention:
    """A line after normalising: lower-cased form, base and id, upper-cased type."""

    form: str
    base: str
    type: str
    id: str


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def normalise(document: BsnlpDocument, *, misc: bool = False) -> list[Mention]:
    """The document's mentions, one per form (the first line wins); ``misc``: EVT and PRO as MISC."""
    mentions, seen = [], set()
    for line in document.lines:
        form = _norm(line.form)
        if not form or form in seen:
            continue
        seen.add(form)
        kind = line.type.strip().upper()
        if misc and kind in ("EVT", "PRO"):
            kind = MISC
        mentions.append(Mention(form, _norm(line.base) or form, kind, _norm(line.id) or f"#{form}"))
    return mentions


# ---------------------------------------------------------------- the measures


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text))


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return n > 0 and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def partial_match(a: str, b: str) -> bool:
    """Whether one form's words occur as a contiguous run of the other's."""
    wa, wb = _words(a), _words(b)
    return _contains(wa, wb) or _contains(wb, wa)


def _entities(mentions: Iterable[Mention]) -> list[list[Mention]]:
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[m.id].append(m)
    return list(groups.values())


def _found(entity: list[Mention], others: list[Mention], match: Callable[[str, str], bool]) -> bool:
    return any(o.type == m.type and match(m.form, o.form) for m in entity for o in others)


def _relaxed(gold: list[Mention], system: list[Mention], match) -> tuple[int, int, int, int]:
    """``(system entities matched, system entities, gold entities found, gold entities)``."""
    gold_entities, system_entities = _entities(gold), _entities(system)
    found = sum(_found(e, system, match) for e in gold_entities)
    right = sum(_found(e, gold, match) for e in system_entities)
    return right, len(system_entities), found, len(gold_entities)


def _strict(gold: list[Mention], system: list[Mention]) -> tuple[int, int, int, int]:
    g, s = {(m.form, m.type) for m in gold}, {(m.form, m.type) for m in system}
    return len(g & s), len(s), len(g & s), len(g)


def _normalization(gold: list[Mention], system: list[Mention]) -> tuple[int, ...]:
    """``(hits, system triples, hits, gold triples, pairs needing a base on either side, hits
    among them on pairs both sides have, such pairs)``."""
    g = {(m.form, m.type, m.base) for m in gold if m.base != m.form}
    s = {(m.form, m.type, m.base) for m in system if m.base != m.form}
    hits = len(g & s)
    needing = {t[:2] for t in g | s}
    both = needing & {(m.form, m.type) for m in gold} & {(m.form, m.type) for m in system}
    return hits, len(s), hits, len(g), len(needing), len({t for t in g & s if t[:2] in both}), len(both)


def importance(entity: Sequence) -> float:
    """BSNLP's entity weight in LEA: log2 of its number of mentions."""
    return math.log2(len(entity))


def lea(
    key: Sequence[Sequence[str]], response: Sequence[Sequence[str]], weight: Callable[[Sequence], float] = importance
) -> tuple[float, float]:
    """LEA's ``(numerator, denominator)`` of ``key`` against ``response`` (for recall; swap them
    for precision): sum over key entities of weight * resolved links / links, and of weights.
    A singleton has a self-link, resolved when it is a singleton in the response too."""
    where = {m: i for i, entity in enumerate(response) for m in entity}
    numerator = denominator = 0.0
    for entity in key:
        w = weight(entity)
        denominator += w
        if not w:
            continue
        if len(entity) == 1:
            m = entity[0]
            resolved = float(m in where and len(response[where[m]]) == 1)
        else:
            links = len(entity) * (len(entity) - 1) / 2
            common = sum(
                1
                for i, a in enumerate(entity)
                for b in entity[i + 1 :]
                if a in where and b in where and where[a] == where[b]
            )
            resolved = common / links
        numerator += w * resolved
    return numerator, denominator


def _clusters(mentions: Iterable[Mention], prefix: str = "") -> list[list[str]]:
    return [[prefix + m.form for m in entity] for entity in _entities(mentions)]


def _linking(gold: list[Mention], system: list[Mention], prefix: str = "") -> tuple[float, float, float, float]:
    key, response = _clusters(gold, prefix), _clusters(system, prefix)
    p_num, p_den = lea(response, key)
    r_num, r_den = lea(key, response)
    return p_num, p_den, r_num, r_den


# ---------------------------------------------------------------- pooling


def _prf(p_num: float, p_den: float, r_num: float, r_den: float) -> dict:
    precision, recall, f1 = prf(r_num, r_den, p_den, matched_predicted=p_num)
    return {"precision": precision, "recall": recall, "f1": f1}


class _Tally:
    """Sums of every measure's numerators and denominators, for one type or all."""

    def __init__(self) -> None:
        self.sums: dict[str, list[float]] = {metric: [0.0] * 7 for metric in METRICS}
        self.cross_gold: list[Mention] = []
        self.cross_system: list[Mention] = []

    def add(self, metric: str, values: Sequence[float]) -> None:
        for i, v in enumerate(values):
            self.sums[metric][i] += v

    def document(self, doc_id: str, gold: list[Mention], system: list[Mention]) -> None:
        self.add("relaxed_partial", _relaxed(gold, system, partial_match))
        self.add("relaxed_exact", _relaxed(gold, system, str.__eq__))
        self.add("strict", _strict(gold, system))
        self.add("normalization", _normalization(gold, system))
        self.add("linking_document", _linking(gold, system))
        prefix = f"{doc_id}#"
        self.cross_gold.extend(Mention(prefix + m.form, m.base, m.type, m.id) for m in gold)
        self.cross_system.extend(Mention(prefix + m.form, m.base, m.type, m.id) for m in system)

    def scores(self) -> dict:
        self.add("linking_cross_document", _linking(self.cross_gold, self.cross_system))
        out = {}
        for metric in METRICS:
            sums = self.sums[metric]
            out[metric] = _prf(*sums[:4])
            if metric == "normalization":
                out[metric]["accuracy"] = sums[0] / sums[4] if sums[4] else 0.0
                out[metric]["accuracy_recognised"] = sums[5] / sums[6] if sums[6] else 0.0
        counts = self.sums["strict"]
        out["counts"] = {
            "gold_forms": int(counts[3]),
            "system_forms": int(counts[1]),
            "gold_entities": int(self.sums["relaxed_exact"][3]),
            "system_entities": int(self.sums["relaxed_exact"][1]),
        }
        return out


def score_bsnlp(gold: Sequence[BsnlpDocument], system: Mapping[str, BsnlpDocument]) -> dict:
    """BSNLP 2019 scores of ``system`` (by document id) against ``gold`` (module docstring).

    ``{"overall": {metric: {"precision", "recall", "f1"[, "accuracy"]}, "counts": {...}},
    "per_type": {TYPE: {...}}, "documents", "documents_missing"}``.
    """
    overall, per_type = _Tally(), defaultdict(_Tally)
    missing = 0
    for document in gold:
        answer = system.get(document.id)
        missing += answer is None
        gold_mentions = normalise(document)
        misc = any(m.type == MISC for m in gold_mentions)
        system_mentions = normalise(answer, misc=misc) if answer is not None else []
        overall.document(document.id, gold_mentions, system_mentions)
        for kind in sorted({m.type for m in gold_mentions + system_mentions}):
            per_type[kind].document(
                document.id, [m for m in gold_mentions if m.type == kind], [m for m in system_mentions if m.type == kind]
            )
    return {
        "overall": overall.scores(),
        "per_type": {kind: per_type[kind].scores() for kind in sorted(per_type)},
        "documents": len(gold),
        "documents_missing": missing,
    }


def flatten(scores: dict) -> dict[str, float | int]:
    """``metric_measure`` keys for the overall scores, ``TYPE.metric_measure`` per type."""
    flat: dict[str, float | int] = {}

    def put(prefix: str, block: dict) -> None:
        for metric, values in block.items():
            for measure, value in values.items():
                flat[f"{prefix}{metric}_{measure}"] = value

    put("", scores["overall"])
    flat["documents"] = scores["documents"]
    flat["documents_missing"] = scores["documents_missing"]
    for kind, block in scores["per_type"].items():
        put(f"{kind}.", block)
    return flat


# ---------------------------------------------------------------- the system side


def bsnlp_output(analysis: Analysis) -> list[tuple[str, str, str, str]]:
    """kronika's entities as BSNLP lines ``(form, base, TYPE, ID)``, one per unique form (the
    first mention wins); entity types mapped to BSNLP's (GPE and FAC -> LOC; a demonym, a mention
    of its state, is PER), dates, times and role descriptions left out; the id is kronika's
    entity id."""
    rows, seen = [], set()
    for entity in analysis.entities:
        kind = KRONIKA_TO_BSNLP.get(entity.type)
        if kind is None:
            continue
        for mention in entity.mentions:
            if mention.kind == "role":
                continue
            form = " ".join(mention.text.split())
            if not form or form in seen:
                continue
            seen.add(form)
            base = " ".join((mention.base or entity.name or form).split())
            rows.append((form, base, "PER" if mention.kind == "demonym" else kind, entity.id))
    return rows


def document_text(article: Article) -> Article:
    """The article with its title as the first paragraph of its text (BSNLP gold lists the
    title's names too); the reader already puts it there, this makes sure."""
    if article.title and not article.text.startswith(article.title):
        return article.model_copy(update={"text": f"{article.title}\n\n{article.text}"})
    return article


def read_raw(folder: str | Path, ids: set[str] | None = None) -> list[Article]:
    """The BSNLP raw files under ``folder`` as Articles (unreadable ones logged and left out)."""
    from ..read import ReadOptions, read_paths

    articles = []
    for result in read_paths([Path(folder)], ReadOptions(format="bsnlp")):
        if not isinstance(result, Article):
            log.warning("%s", result)
        elif ids is None or result.id in ids:
            articles.append(document_text(result))
    return articles


def predict_documents(
    nlp: Language, articles: Sequence[Article], *, output: str | Path | None = None
) -> dict[str, BsnlpDocument]:
    """Run kronika on each article and give its BSNLP answer; ``output``: write one file each."""
    from ..analysis import analyse_articles
    from ..link.attested import attested_bases
    from ..link.corpus import link_across
    from ..link.recall import recall_known_names

    answers, names = {}, set()
    linked = link_across([analysis for analysis, _ in analyse_articles(nlp, articles)])
    for analysis in recall_known_names(attested_bases(linked)):
        article = analysis.article
        document = BsnlpDocument(article.id, [Line(*row) for row in bsnlp_output(analysis)], article.source or "")
        answers[article.id] = document
        if output is not None:
            name = f"{Path(article.source).stem}.out" if article.source else f"{article.id}.out"
            if name in names:
                name = f"{article.id}.out"
            names.add(name)
            write_document(output, name, document)
    return answers


def evaluate_bsnlp(
    nlp: Language | Callable[[], Language] | None,
    raw: str | Path | None,
    gold: str | Path,
    *,
    predictions: str | Path | None = None,
    output: str | Path | None = None,
) -> dict:
    """BSNLP scores of kronika on the raw files (or of a ``predictions`` folder) against ``gold``.

    ``nlp`` may be a function that loads the pipeline; it is called once the gold has been read.
    """
    gold_documents = read_documents(gold)
    if predictions is not None:
        system = {d.id: d for d in read_documents(predictions, system=True)}
    else:
        if raw is None or nlp is None:
            raise ValueError("evaluate_bsnlp needs the raw folder and a pipeline, or a predictions folder")
        ids = {d.id for d in gold_documents}
        articles = read_raw(raw, ids)
        if not articles:
            raise EvaluationError("no raw file for any gold document", item=str(raw))
        if not isinstance(nlp, Language):
            nlp = nlp()
        system = predict_documents(nlp, articles, output=output)
    scores = score_bsnlp(gold_documents, system)
    if scores["documents_missing"]:
        log.warning("%d gold documents have no system answer: scored as empty", scores["documents_missing"])
    return scores

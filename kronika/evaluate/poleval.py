"""NER gold and prediction files for `kronika evaluate ner`: readers and writers.

Every reader gives :class:`Document` objects: a text and its annotations, each a category and
one or more ``(start, end)`` character ranges into the text (end exclusive, as in brat).

Formats (auto-detected by :func:`read_documents`):

- **PolEval 2018 Task 2 gold JSON**: ``{"questions": [{"input": {"fname", "fileContent"},
  "answers": [{"data": {"brat": ...}, "created": ...}]}]}``. The newest answer (by ``created``)
  is the gold one. Every brat ``T`` line counts (nested entities and subtypes included);
  ``#``/``R``/``A``/``E`` lines are not annotations and are skipped.
- **PolEval 2018 Task 2 predictions** (the format the official script reads from participants):
  ``[{"id": ..., "answers": "persName 0 3<TAB>Jan\\n..."}]``: one ``category start end<TAB>text``
  line per annotation. Brat ``T`` lines are accepted there too.
- **NKJP IOB2**: ``orth base ctag label`` (tab-separated), a blank line after each sentence,
  ``-DOCSTART FILE ./id`` before each document; nested labels joined by ``#``
  (``B-persName#B-persName-forename``). A document's text is its tokens joined by single spaces.

Document ids follow the official script: for PolEval JSON the ``input.fname`` path without its
first four ``/``-separated parts; for IOB2 the ``-DOCSTART FILE`` name without ``./``.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import EvaluationError

Span = tuple[int, int]
Annotation = tuple[str, list[Span]]

_LABEL = re.compile(r"^([BI])-(.+)$")


@dataclass
class Document:
    """One evaluated document: its text and its annotations ``(category, [(start, end), ...])``."""

    text: str
    annotations: list[Annotation]
    id: str = ""
    words: list[str] | None = field(default=None, repr=False)  # gold tokens (IOB2 only)


# ---------------------------------------------------------------- brat lines


def parse_brat_offsets(field_text: str) -> Annotation:
    """``"persName 10 15;20 25"`` -> ``("persName", [(10, 15), (20, 25)])``."""
    category, _, offsets = field_text.strip().partition(" ")
    spans = []
    for fragment in offsets.split(";"):
        parts = fragment.split()
        if not category or len(parts) != 2:
            raise ValueError(f"expected 'category start end', got {field_text!r}")
        start, end = int(parts[0]), int(parts[1])
        if start < 0 or end < start:
            raise ValueError(f"bad character range {start} {end} in {field_text!r}")
        spans.append((start, end))
    return category, spans


def parse_brat(text: str, *, where: str) -> list[Annotation]:
    """Annotations of brat standoff lines: ``T<id><TAB>category start end<TAB>text`` lines, and
    ``category start end<TAB>text`` lines (the official prediction format). Other brat lines
    (``#`` notes, ``R`` relations, ``A`` attributes ...) are skipped."""
    annotations = []
    for number, line in enumerate(text.split("\n"), 1):
        cols = line.rstrip("\r").split("\t")
        if " " in cols[0].strip():
            middle = cols[0]
        elif len(cols) >= 2 and cols[0].startswith("T"):
            middle = cols[1]
        else:
            continue
        try:
            annotations.append(parse_brat_offsets(middle))
        except ValueError as exc:
            raise EvaluationError(f"{where}, brat line {number}: {exc}") from None
    return annotations


def format_brat_answers(document: Document) -> str:
    """The official prediction string: ``category start end<TAB>text`` lines."""
    lines = []
    for category, spans in document.annotations:
        offsets = ";".join(f"{s} {e}" for s, e in spans)
        text = " ".join(document.text[s:e] for s, e in spans)
        lines.append(f"{category} {offsets}\t{' '.join(text.split())}")
    return "\n".join(lines)


def to_poleval_predictions(documents: Iterable[Document]) -> list[dict]:
    """Documents as the official PolEval 2018 Task 2 prediction list ``[{"id", "answers"}]``."""
    return [{"id": doc.id, "answers": format_brat_answers(doc)} for doc in documents]


def write_poleval_predictions(documents: Iterable[Document], path: str | Path) -> None:
    data = to_poleval_predictions(documents)
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- PolEval JSON


def poleval_id(question: dict, index: int) -> str:
    """The official script's document id: ``input.fname`` less its first four path parts."""
    fname = (question.get("input") or {}).get("fname") or question.get("id")
    if not fname:
        return str(index)
    return "/".join(str(fname).split("/")[4:]) or str(fname)


def _created(answer: dict, where: str) -> datetime:
    try:
        value = datetime.fromisoformat(str(answer["created"]).strip())
    except (KeyError, ValueError):
        raise EvaluationError(f"{where}: an answer has no valid 'created' timestamp") from None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def newest_answer(answers: list[dict], where: str) -> dict:
    """The answer with the latest ``created`` (the first one on a tie, as the official script)."""
    if len(answers) == 1:
        return answers[0]
    best = 0
    for i in range(1, len(answers)):
        if _created(answers[i], where) > _created(answers[best], where):
            best = i
    return answers[best]


def read_poleval_questions(data: dict, source: str, multi_answer: str = "newest") -> list[Document]:
    """Documents of a PolEval gold JSON (already parsed).

    ``multi_answer="skip"`` drops documents with several answers, which is what the released
    ``poleval_ner_test.py`` ends up doing (see :mod:`kronika.evaluate.ner`).
    """
    questions = data.get("questions")
    if not isinstance(questions, list):
        raise EvaluationError("PolEval JSON without a 'questions' list", item=source)
    documents = []
    for index, question in enumerate(questions):
        if not isinstance(question, dict):
            raise EvaluationError(f"question {index} is not an object", item=source)
        doc_id = poleval_id(question, index)
        where = f"{source}: document {doc_id!r}"
        answers = question.get("answers") or []
        if not answers or (multi_answer == "skip" and len(answers) > 1):
            continue
        answer = newest_answer(answers, where)
        brat = ((answer.get("data") or {}).get("brat")) or ""
        text = (question.get("input") or {}).get("fileContent") or ""
        documents.append(Document(text, parse_brat(brat, where=where), doc_id))
    return documents


def read_poleval_prediction_list(data: list, source: str) -> list[Document]:
    """Documents of the official prediction format ``[{"id", "answers"}]`` (no texts)."""
    documents = []
    for index, item in enumerate(data):
        if not isinstance(item, dict) or "id" not in item:
            raise EvaluationError(f"prediction {index} is not an object with an 'id'", item=source)
        answers = item.get("answers") or ""
        if not isinstance(answers, str):
            raise EvaluationError(f"prediction {item['id']!r}: 'answers' is not a string", item=source)
        where = f"{source}: document {item['id']!r}"
        documents.append(Document("", parse_brat(answers, where=where), str(item["id"])))
    return documents


# ---------------------------------------------------------------- NKJP IOB2


class _Layers:
    """Open entities while reading IOB2 tokens; labels at the same ``#`` position continue."""

    def __init__(self) -> None:
        self.open: list[list] = []  # [category, start, end, layer]
        self.done: list[Annotation] = []

    def token(self, labels: list[str], start: int, end: int) -> None:
        still_open, unused = [], list(self.open)
        for layer, (prefix, category) in enumerate(labels):
            entity = None
            if prefix == "I":
                candidates = [e for e in unused if e[0] == category]
                same_layer = [e for e in candidates if e[3] == layer]
                entity = (same_layer or candidates or [None])[0]
            if entity is None:  # B-, or an I- with nothing to continue: a new entity
                entity = [category, start, end, layer]
            else:
                unused.remove(entity)
                entity[2], entity[3] = end, layer
            still_open.append(entity)
        self.done.extend((e[0], [(e[1], e[2])]) for e in unused)
        self.open = still_open

    def close(self) -> None:
        self.done.extend((e[0], [(e[1], e[2])]) for e in self.open)
        self.open = []


def _labels(value: str, where: str) -> list[tuple[str, str]]:
    labels = []
    for part in value.strip().split("#"):
        if part in ("O", ""):
            continue
        match = _LABEL.match(part)
        if not match:
            raise EvaluationError(f"{where}: bad IOB2 label {part!r}")
        labels.append((match.group(1), match.group(2).replace("-", "_")))
    return labels


def iter_iob2(lines: Iterable[str], source: str, check_format: bool = False) -> Iterator[Document]:
    """Documents of an NKJP IOB2 file, one per ``-DOCSTART FILE`` line, read lazily.

    ``check_format``: an error on the first token line says the file is neither format.
    """
    doc_id, words, layers, offset, count = None, [], _Layers(), 0, 0

    def finish() -> Document:
        layers.close()
        annotations = sorted(layers.done, key=lambda a: (a[1][0][0], -a[1][0][1], a[0]))
        return Document(" ".join(words), annotations, doc_id or str(count), words)

    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if line.startswith("-DOCSTART"):
            if line.startswith("-DOCSTART CONFIG"):
                continue
            if words or doc_id is not None:
                yield finish()
                count += 1
            name = line.partition("-DOCSTART FILE")[2].strip() if line.startswith("-DOCSTART FILE") else ""
            doc_id = name.removeprefix("./") or str(count)
            words, layers, offset = [], _Layers(), 0
        elif not line.strip():
            layers.close()
        else:
            cols = line.split("\t") if "\t" in line else line.split()
            where = f"line {number}"
            if check_format:  # the first token line decides whether this is IOB2 at all
                where, check_format = f"neither PolEval JSON nor NKJP IOB2: {where}", False
            if len(cols) < 2 or not cols[0]:
                raise EvaluationError(f"{where}: expected 'orth ... label' columns", item=source)
            start = offset + (1 if words else 0)
            words.append(cols[0])
            offset = start + len(cols[0])
            layers.token(_labels(cols[-1], where), start, offset)
    if words or doc_id is not None:
        yield finish()


# ---------------------------------------------------------------- detection


def _open_text(path: Path):
    try:
        return path.open(encoding="utf-8")
    except FileNotFoundError:
        raise EvaluationError("file not found", item=str(path)) from None
    except OSError as exc:
        raise EvaluationError(f"cannot read the file: {exc.strerror or exc}", item=str(path)) from None


def read_documents(
    path: str | Path,
    *,
    keep: set[str] | None = None,
    limit: int | None = None,
    multi_answer: str = "newest",
) -> list[Document]:
    """Documents of a PolEval JSON (gold or predictions) or NKJP IOB2 file.

    ``keep`` keeps only the documents with those ids; ``limit`` the first ``limit`` of them.
    Raises :class:`~kronika.errors.EvaluationError` naming the file on any problem.
    """
    path = Path(path)
    source = str(path)
    try:
        with _open_text(path) as handle:
            head = handle.read(1)
            while head and head.isspace():
                head = handle.read(1)
            handle.seek(0)
            if head in ("{", "["):
                documents = _read_json(handle, source, multi_answer)
            elif head:
                documents = iter_iob2(handle, source, check_format=True)
                if keep is not None:
                    documents = (d for d in documents if d.id in keep)
                return list(islice(documents, limit))
            else:
                raise EvaluationError("the file is empty", item=source)
    except UnicodeDecodeError:
        raise EvaluationError("not UTF-8 text", item=source) from None
    except EvaluationError as exc:
        exc.item = exc.item or source
        raise
    if keep is not None:
        documents = [d for d in documents if d.id in keep]
    return documents[:limit] if limit is not None else documents


def _read_json(handle, source: str, multi_answer: str) -> list[Document]:
    try:
        data = json.load(handle)
    except json.JSONDecodeError as exc:
        raise EvaluationError(f"not valid JSON ({exc})", item=source) from None
    if isinstance(data, dict):
        return read_poleval_questions(data, source, multi_answer)
    return read_poleval_prediction_list(data, source)


def read_split(path: str | Path, name: str) -> set[str]:
    """Ids of the documents that a ``doc_id<TAB>split`` file assigns to split ``name``."""
    path = Path(path)
    ids, names = set(), set()
    with _open_text(path) as handle:
        for line in handle:
            cols = line.strip().split("\t")
            if len(cols) < 2 or line.startswith("#") or cols[0] == "doc_id":
                continue
            names.add(cols[1].strip())
            if cols[1].strip() == name:
                ids.add(cols[0].strip().removeprefix("./"))
    if not ids:
        known = ", ".join(sorted(names)) or "none"
        raise EvaluationError(f"no document in split {name!r} (splits there: {known})", item=str(path))
    return ids

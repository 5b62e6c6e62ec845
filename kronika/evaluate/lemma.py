"""Lemmatization of name phrases (SPEC §3, ``kronika evaluate lemma``).

Gold formats, told apart by their columns (tab-separated, one phrase a line):

- **Polem TSV** (CLARIN-PL Polem's corpora: KPWr named entities and keyword phrases):
  ``lemma, orth, token lemmas, tags[, spaces, category, ...]``. ``orth`` is tokenised (tokens
  joined by spaces); where the fifth column holds one ``True``/``False`` flag per token (a space
  after the token) the phrase is rebuilt as written (``im . Sobieskiego`` -> ``im. Sobieskiego``).
  The sixth column, the KPWr category (``nam_liv_person`` ...), is passed to the lemmatizer as
  the entity's type, as Polem's own evaluation does. A phrase's id is its line number.
- **PolEval 2019 Task 2 TSV**: ``id, doc, orth, lemma`` (both ids numeric; an ``id ...`` header
  line is skipped).

Fields quoted CSV-style (``"Partią ""Jedność"" "``) are unquoted. Lines with fewer than four
columns are skipped, as Polem's evaluation skips them.

Metric (PolEval 2019 Task 2): score = 0.2 * AccCS + 0.8 * AccCI, where AccCS is the share of
phrases whose predicted base form equals the gold one exactly and AccCI the same after
lower-casing. Both sides are NFC-normalised and their whitespace runs collapsed to one space
before comparing. A phrase with no prediction counts as wrong.

Predictions (``--predictions``): a TSV whose first column is the phrase id and whose last column
is the predicted lemma (the PolEval gold file itself qualifies, as does what
``--write-predictions`` writes: ``id, orth, lemma``); or one lemma a line, in the gold's order.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Mapping, Sequence

from spacy.language import Language

from ..errors import EvaluationError

__all__ = ["Phrase", "evaluate_lemma", "predict_lemmas", "read_phrases", "read_predictions", "score_lemma"]

log = logging.getLogger(__name__)

CASE_SENSITIVE_WEIGHT = 0.2
_TAG = re.compile(r"^[a-z]+(:[a-z0-9_.]+)*$")
_FLAG = ("True", "False")
NKJP_CLASSES = frozenset(
    "subst depr num numcol adj adja adjp adjc adv ppron12 ppron3 siebie fin bedzie aglt praet impt imps inf "
    "pcon pant ger pact ppas winien pred prep conj comp qub brev burk interj interp xxx ign dig romandig frag "
    "emo part sp".split()
)
_JOINS = re.compile(r" (?=[.,;:!?)\]'’-])|(?<=[(\['’-]) ")


@dataclass(frozen=True)
class Phrase:
    """One gold phrase: as written (``orth``), its base form, an id, and the KPWr category if any."""

    id: str
    orth: str
    lemma: str
    category: str | None = None
    doc: str | None = None
    context: str | None = None  # the text the phrase was found in (neither file format has it)


# ---------------------------------------------------------------- reading


def unquote(value: str) -> str:
    """A CSV-quoted field's content (``"a ""b"" c"`` -> ``a "b" c``); anything else as it is."""
    if len(value) >= 2 and value[0] == value[-1] == '"' and '"' not in value[1:-1].replace('""', ""):
        return value[1:-1].replace('""', '"')
    return value


def _lines(path: Path) -> Iterator[tuple[int, list[str]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise EvaluationError("file not found", item=str(path)) from None
    except UnicodeDecodeError:
        raise EvaluationError("not UTF-8 text", item=str(path)) from None
    except OSError as exc:
        raise EvaluationError(f"cannot read the file: {exc.strerror or exc}", item=str(path)) from None
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            yield number, line.split("\t")


def _is_tags(value: str) -> bool:
    tags = value.split()
    return bool(tags) and all(_TAG.match(t) and t.split(":")[0] in NKJP_CLASSES for t in tags)


def detect_format(cols: list[str]) -> str | None:
    """``"poleval"``, ``"polem"`` or None, from the columns of one line."""
    if len(cols) >= 4 and cols[0].strip().isdigit() and cols[1].strip().isdigit():
        return "poleval"
    if len(cols) >= 4 and _is_tags(cols[3]):
        return "polem"
    return None


def polem_orth(tokens: str, spaces: str) -> str:
    """The phrase as written, from Polem's tokens and space-after flags.

    The flags are trusted when they fit (one per token, and no two words run together); else
    (the tune file's flags are mostly wrong) the tokens are joined by spaces, none before
    closing punctuation, after an opening bracket, or around a hyphen.
    """
    words, flags = tokens.split(), spaces.split()
    fits = len(flags) == len(words) and all(f in _FLAG for f in flags)
    if fits and not any(
        f == "False" and a[-1].isalnum() and b[0].isalnum() for a, b, f in zip(words, words[1:], flags)
    ):
        return "".join(w + (" " if f == "True" else "") for w, f in zip(words, flags)).strip()
    return _JOINS.sub("", " ".join(words))


def _phrase(fmt: str, number: int, cols: list[str]) -> Phrase:
    cols = [c.strip() for c in cols]
    if fmt == "poleval":
        return Phrase(cols[0], unquote(cols[2]), unquote(cols[3]), doc=cols[1])
    orth = polem_orth(unquote(cols[1]), cols[4] if len(cols) > 4 else "")
    category = cols[5] if len(cols) > 5 and cols[5] not in ("", "null", "none") else None
    return Phrase(str(number), orth, unquote(cols[0]), category)


def read_phrases(path: str | Path, *, limit: int | None = None) -> tuple[str, list[Phrase]]:
    """``(format, phrases)`` of a Polem or PolEval 2019 TSV file, the first ``limit`` phrases."""
    path = Path(path)
    fmt, phrases = None, []
    for number, cols in _lines(path):
        if fmt is None:
            if cols[0].strip().lower() in ("id", "phrase_id"):
                continue  # a header
            fmt = detect_format(cols)
            if fmt is None:
                raise EvaluationError(
                    f"line {number}: neither Polem TSV (lemma, orth, token lemmas, tags ...) "
                    "nor PolEval 2019 TSV (id, doc, orth, lemma)",
                    item=str(path),
                )
        if len(cols) < 4:
            log.warning("%s: line %d has %d columns, skipped", path, number, len(cols))
            continue
        phrases.append(_phrase(fmt, number, cols))
        if limit is not None and len(phrases) >= limit:
            break
    if not phrases:
        raise EvaluationError("no phrase in the file", item=str(path))
    return fmt, phrases


def read_predictions(path: str | Path) -> dict[str, str] | list[str]:
    """Predicted lemmas by phrase id (first column -> last column), or a list when every line is
    one lemma alone (aligned with the gold's order)."""
    path = Path(path)
    rows = list(_lines(path))
    if not rows:
        raise EvaluationError("no prediction in the file", item=str(path))
    if all(len(cols) == 1 for _, cols in rows):
        return [unquote(cols[0].strip()) for _, cols in rows]
    return {cols[0].strip(): unquote(cols[-1].strip()) for _, cols in rows if len(cols) > 1}


# ---------------------------------------------------------------- scoring


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def score_lemma(gold: Sequence[Phrase], predicted: Mapping[str, str] | Sequence[str | None]) -> dict:
    """AccCS, AccCI and score = 0.2 * AccCS + 0.8 * AccCI (``predicted``: by id, or aligned)."""
    if isinstance(predicted, Mapping):
        system = [predicted.get(p.id) for p in gold]
    else:
        if len(predicted) < len(gold):
            log.warning("%d predictions for %d gold phrases: the rest count as wrong", len(predicted), len(gold))
        system = list(predicted[: len(gold)]) + [None] * max(0, len(gold) - len(predicted))
    exact = lower = missing = 0
    for phrase, lemma in zip(gold, system):
        if lemma is None:
            missing += 1
            continue
        want, got = normalise(phrase.lemma), normalise(lemma)
        exact += got == want
        lower += got.lower() == want.lower()
    n = len(gold)
    acc_cs, acc_ci = (exact / n, lower / n) if n else (0.0, 0.0)
    return {
        "accuracy_case_sensitive": acc_cs,
        "accuracy_case_insensitive": acc_ci,
        "score": CASE_SENSITIVE_WEIGHT * acc_cs + (1 - CASE_SENSITIVE_WEIGHT) * acc_ci,
        "phrases": n,
        "correct_case_sensitive": exact,
        "correct_case_insensitive": lower,
        "missing_predictions": missing,
    }


# ---------------------------------------------------------------- the system and the command's function


def predict_lemmas(
    nlp: Language | None, phrases: Sequence[Phrase], *, use_categories: bool = True, number: str = "keep"
) -> list[str]:
    """kronika's base form of each phrase (in its context, where a phrase has one)."""
    from ..extract.base_forms import lemmatize_phrase

    return [
        lemmatize_phrase(nlp, p.orth, p.context, label=p.category if use_categories else None, number=number)
        for p in phrases
    ]


def write_predictions(path: str | Path, phrases: Sequence[Phrase], lemmas: Sequence[str]) -> None:
    """``id<TAB>orth<TAB>lemma`` lines, readable by :func:`read_predictions`."""
    lines = (f"{p.id}\t{p.orth}\t{lemma}\n" for p, lemma in zip(phrases, lemmas))
    try:
        Path(path).write_text("".join(lines), encoding="utf-8")
    except OSError as exc:
        raise EvaluationError(f"cannot write predictions: {exc.strerror or exc}", item=str(path)) from None


def evaluate_lemma(
    nlp: Language | Callable[[], Language] | None,
    path: str | Path,
    *,
    predictions: str | Path | None = None,
    limit: int | None = None,
    use_categories: bool = True,
    write_predictions_to: str | Path | None = None,
) -> dict:
    """Scores of kronika's phrase lemmatizer (or of a ``predictions`` file) on a gold file.

    ``nlp`` may be a function that loads the pipeline; it is called once the gold has been read,
    and only if some phrase comes with its context (the pipeline's tags then help).
    """
    fmt, gold = read_phrases(path, limit=limit)
    if predictions is not None:
        scores = score_lemma(gold, read_predictions(predictions))
        if scores["missing_predictions"]:
            log.warning("%d phrases have no prediction in %s", scores["missing_predictions"], predictions)
    else:
        if nlp is not None and not isinstance(nlp, Language):
            # the pipeline only serves phrases with a context: neither gold format has one
            nlp = nlp() if any(p.context for p in gold) else None
        lemmas = predict_lemmas(nlp, gold, use_categories=use_categories)
        if write_predictions_to is not None:
            write_predictions(write_predictions_to, gold, lemmas)
        scores = score_lemma(gold, lemmas)
    return {**scores, "format": fmt}

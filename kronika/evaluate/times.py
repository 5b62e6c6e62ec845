"""Temporal expressions scored against a gold JSONL file (``python -m kronika.evaluate.times GOLD``).

Gold format, one document a line (``tests/data/times_dev.jsonl``; guide: ``docs/annotation/times.md``):
``{"doc": path, "doc_id", "date", "times": [{"text", "start", "end", "value", "precision"}]}``.
``doc`` is relative to ``root`` (default: the gold file's folder) and read with the reader its
format needs (BSNLP raw files, the seed format ...); offsets index the article text that reader
gives. ``date`` is the article date the gold values were resolved against (when absent, the
article's own date is used); its precision is that of the written date (``2022-01``: month).

Scores, pooled over documents:

- **detection, exact**: a prediction is right when its start and end equal a gold expression's;
- **detection, overlap**: predictions and gold expressions are paired one to one, each gold
  expression (in text order) with the unpaired prediction that shares most characters with it;
- **value accuracy**: among the overlap pairs (``value_accuracy``) and the exact pairs
  (``value_accuracy_exact``), the share whose value and precision both equal the gold ones;
- **value F1**: overlap pairs with the right value and precision, over all predictions (P) and
  all gold expressions (R): the end-to-end figure.

Gold weeks are written ``2018-W44`` with precision ``week``; while kronika's ``DatePrecision``
has no ``week``, they are compared as the week's Monday with day precision, which is what
:func:`kronika.extract.times.find_times` gives then.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Callable, Iterable

from ..errors import EvaluationError, ReadError
from ..extract.times import find_times
from ..model import TimeExpression
from ..read import read_paths
from ..read.dates import parse_date

Finder = Callable[[str, str | None, str | None], list[TimeExpression]]
METRICS = (
    "exact_precision", "exact_recall", "exact_f1",
    "overlap_precision", "overlap_recall", "overlap_f1",
    "value_accuracy", "value_accuracy_exact",
    "value_precision", "value_recall", "value_f1",
)


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """The gold documents of a times JSONL file, checked for the fields scoring needs."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationError(f"cannot read the gold file: {error}", item=str(path)) from error
    documents = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise EvaluationError(f"line {number}: not JSON ({error.msg})", item=str(path)) from error
        if not isinstance(item, dict) or "doc" not in item or not isinstance(item.get("times"), list):
            raise EvaluationError(f"line {number}: needs 'doc' and a 'times' list", item=str(path))
        for time in item["times"]:
            if not isinstance(time, dict) or not {"start", "end"} <= time.keys():
                raise EvaluationError(f"line {number}: every time needs 'start' and 'end'", item=str(path))
        documents.append(item)
    return documents


def evaluate_times(
    gold_path: str | Path,
    root: str | Path | None = None,
    *,
    finder: Finder = find_times,
    details: bool = False,
    split: str | None = None,
) -> dict[str, Any]:
    """Scores of ``finder`` (default :func:`find_times`) on the gold file.

    ``details`` adds the mismatches; ``split`` keeps only the documents whose ``split`` field
    equals it (the dev set marks ``tuning`` and ``heldout`` documents).
    """
    gold_path = Path(gold_path)
    root = Path(root) if root is not None else gold_path.parent
    pairs = []
    for item in load_gold(gold_path):
        if split is not None and item.get("split") != split:
            continue
        article = _read(root / item["doc"])
        article_date = item.get("date") or article.date
        parsed = parse_date(article_date)
        precision = parsed.precision if parsed else article.date_precision
        predicted = [t.model_dump() for t in finder(article.text, article_date, precision)]
        pairs.append((item["doc"], item["times"], predicted))
    return score_times(pairs, details=details)


def _read(path: Path):
    results = list(read_paths([path]))
    if not results or isinstance(results[0], ReadError):
        reason = results[0] if results else "no article"
        raise EvaluationError(f"cannot read the gold document: {reason}", item=str(path))
    return results[0]


def score_times(documents: Iterable[tuple[str, list[dict], list[dict]]], *, details: bool = False) -> dict[str, Any]:
    """Scores over ``(doc, gold times, predicted times)`` triples (times as dicts with start, end, value, precision)."""
    counts = dict.fromkeys(("gold", "predicted", "exact", "overlap", "value_overlap", "value_exact"), 0)
    mismatches = []
    for doc, gold, predicted in documents:
        counts["gold"] += len(gold)
        counts["predicted"] += len(predicted)
        exact = {(p["start"], p["end"]) for p in predicted}
        for g, p in _pair(gold, predicted):
            right = (g.get("value"), g.get("precision")) == (p.get("value"), p.get("precision"))
            is_exact = (g["start"], g["end"]) in exact and (p["start"], p["end"]) == (g["start"], g["end"])
            counts["overlap"] += 1
            counts["value_overlap"] += right
            counts["exact"] += is_exact
            counts["value_exact"] += right and is_exact
            if details and not (right and is_exact):
                mismatches.append({"doc": doc, "gold": g, "predicted": p})
        if details:
            paired = {(p["start"], p["end"]) for _, p in _pair(gold, predicted)}
            found = {(g["start"], g["end"]) for g, _ in _pair(gold, predicted)}
            mismatches += [{"doc": doc, "gold": None, "predicted": p} for p in predicted if (p["start"], p["end"]) not in paired]
            mismatches += [{"doc": doc, "gold": g, "predicted": None} for g in gold if (g["start"], g["end"]) not in found]
    scores = _scores(counts)
    if details:
        scores["mismatches"] = mismatches
    return scores


def _pair(gold: list[dict], predicted: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one pairs: each gold expression with the free prediction sharing most characters."""
    free = list(predicted)
    pairs = []
    for g in sorted(gold, key=lambda t: t["start"]):
        best = max(free, key=lambda p: _shared(g, p), default=None)
        if best is not None and _shared(g, best) > 0:
            free.remove(best)
            pairs.append((g, best))
    return pairs


def _shared(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def _scores(counts: dict[str, int]) -> dict[str, Any]:
    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    scores: dict[str, Any] = {}
    for name, hits in (("exact", counts["exact"]), ("overlap", counts["overlap"]), ("value", counts["value_overlap"])):
        p, r = ratio(hits, counts["predicted"]), ratio(hits, counts["gold"])
        scores.update({f"{name}_precision": p, f"{name}_recall": r, f"{name}_f1": f1(p, r)})
    scores["value_accuracy"] = ratio(counts["value_overlap"], counts["overlap"])
    scores["value_accuracy_exact"] = ratio(counts["value_exact"], counts["exact"])
    scores = {metric: round(scores[metric], 4) for metric in METRICS}
    scores.update({f"n_{key}": value for key, value in counts.items()})
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kronika.evaluate.times", description=__doc__.splitlines()[0])
    parser.add_argument("gold", help="times gold JSONL")
    parser.add_argument("--root", help="folder the gold 'doc' paths are relative to (default: the gold file's)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--details", action="store_true", help="with --json, add the mismatched expressions")
    parser.add_argument("--split", help="score only the documents of this split (tuning, heldout)")
    args = parser.parse_args(argv)
    try:
        scores = evaluate_times(args.gold, args.root, details=args.details, split=args.split)
    except EvaluationError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(scores, ensure_ascii=False, indent=2))
    else:
        for metric in METRICS:
            print(f"{metric}\t{scores[metric]:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""`kronika evaluate speed`: how fast the pipeline reads a corpus, stage by stage.

Articles are read first (reading is timed as its own stage), then the pipeline runs stage by
stage over batches of Docs, so each component's share is measured. Words are tokens that are
neither punctuation nor whitespace. Peak memory is the process's maximum resident set size.
"""
from __future__ import annotations

import resource
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from spacy.language import Language

from ..errors import KronikaError
from ..read import ReadOptions, read_paths


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def evaluate_speed(
    load: Callable[[], Language], paths: Iterable[str | Path], *, limit: int = 0, batch_size: int = 64
) -> dict:
    started = time.perf_counter()
    nlp = load()
    load_seconds = time.perf_counter() - started

    started = time.perf_counter()
    articles, errors = [], 0
    for item in read_paths(paths, ReadOptions()):
        if isinstance(item, KronikaError):
            errors += 1
            continue
        articles.append(item)
        if limit and len(articles) >= limit:
            break
    stages: dict[str, float] = defaultdict(float)
    stages["read"] = time.perf_counter() - started

    words = tokens = 0
    for start in range(0, len(articles), batch_size):
        texts = [a.text for a in articles[start:start + batch_size]]
        t0 = time.perf_counter()
        docs = [nlp.make_doc(text) for text in texts]
        stages["tokenizer"] += time.perf_counter() - t0
        for name, component in nlp.pipeline:
            t0 = time.perf_counter()
            docs = list(component.pipe(docs)) if hasattr(component, "pipe") else [component(d) for d in docs]
            stages[name] += time.perf_counter() - t0
        tokens += sum(len(d) for d in docs)
        words += sum(1 for d in docs for t in d if not (t.is_punct or t.is_space))
    analyse_seconds = sum(v for k, v in stages.items() if k != "read")
    return {
        "articles": len(articles),
        "errors": errors,
        "words": words,
        "tokens": tokens,
        "load_seconds": round(load_seconds, 2),
        "seconds": round(analyse_seconds, 2),
        "articles_per_second": round(len(articles) / analyse_seconds, 1) if analyse_seconds else 0.0,
        "words_per_second": round(words / analyse_seconds) if analyse_seconds else 0,
        "peak_memory_mb": round(peak_memory_mb(), 1),
        "stages": {name: round(seconds, 3) for name, seconds in stages.items()},
        "pipeline": list(nlp.pipe_names),
    }

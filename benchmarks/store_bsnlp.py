"""BSNLP scores of what the store holds (docs/benchmarks.md, "Entities", "The store").

    # ingest one topic into an empty store, then score every stored article against the gold
    .venv/bin/python benchmarks/store_bsnlp.py ../shared/data/bsnlp-pl/asia_bibi --db /tmp/asia.db
    # the same without the store's known names found again (kronika.store.recall)
    .venv/bin/python benchmarks/store_bsnlp.py ../shared/data/bsnlp-pl/asia_bibi --db /tmp/asia0.db --no-recall

`kronika evaluate bsnlp` runs the batch passes over all the articles at once; a store analyses one
article at a time and links it against what it already holds, which is what a user browses. A
(near) duplicate is not analysed: it answers with the analysis of the article it copies, which the
store links it to; `--analysed-only` leaves the duplicates out.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from kronika.evaluate.bsnlp import BsnlpDocument, Line, bsnlp_output, read_documents, score_bsnlp
from kronika.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("topic", type=Path, help="a BSNLP topic folder with raw/ and annotated/")
    parser.add_argument("--db", type=Path, required=True, help="the store (filled first if empty)")
    parser.add_argument("--no-recall", action="store_true", help="do not find the store's known names again")
    parser.add_argument("--analysed-only", action="store_true", help="score the analysed articles only, not the duplicates")
    args = parser.parse_args()
    if args.no_recall:
        import kronika.store.rows as store_rows

        store_rows.recall_from_store = lambda db, analysis: analysis
    gold = read_documents(args.topic / "annotated")
    wanted = {d.id for d in gold}
    with Store(args.db) as store:
        if not store.counts().get("articles"):
            print(json.dumps(store.ingest_paths([args.topic / "raw"]).to_dict()))
        # a duplicate answers with the analysis of the article it copies, which the store links it to
        rows = store.db.execute(
            "SELECT coalesce(duplicate_of, id), source_id, status FROM articles WHERE status IN ('analysed', 'duplicate')"
        ).fetchall()
        system = {
            source_id: BsnlpDocument(source_id, [Line(*line) for line in bsnlp_output(store.analysis(id_))])
            for id_, source_id, status in rows
            if source_id in wanted and (status == "analysed" or not args.analysed_only)
        }
    if args.analysed_only:
        gold = [d for d in gold if d.id in system]
    scores = score_bsnlp(gold, system)["overall"]
    print(json.dumps({k: round(v["f1"], 4) for k, v in scores.items() if isinstance(v, dict) and "f1" in v}
                     | {"normalization_accuracy": round(scores["normalization"]["accuracy"], 4), "documents": len(gold)}))


if __name__ == "__main__":
    main()

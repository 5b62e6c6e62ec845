"""Near-duplicate articles: MinHash signatures over word shingles, LSH bands kept in the store.

datasketch computes the signatures and the band layout (``MinHashLSH``'s optimal ``b`` bands of
``r`` rows for the threshold); the bands live in the ``minhash_bands`` table, so every later run
sees every earlier original. A candidate that shares a band is a near-duplicate when the exact
Jaccard similarity of the two shingle sets reaches the threshold. Only originals are indexed, so a
duplicate always points at an original.
"""
from __future__ import annotations

import hashlib
import re
import json
import sqlite3
from dataclasses import asdict, dataclass
from functools import cached_property

import numpy as np
from datasketch import MinHash, MinHashLSH

from .db import get_meta, set_meta

THRESHOLD = 0.8
NUM_PERM = 64
# Weights of false positives and false negatives in datasketch's choice of bands: candidates are
# checked against their signatures, so a false positive costs a look-up and recall is worth more.
# 64 permutations give 8 bands of 8 rows: found at similarity 0.8 with p=0.77, 0.9 with p=0.99.
WEIGHTS = (0.2, 0.8)
ESTIMATE_MARGIN = 0.15  # candidates estimated this far below the threshold are still compared exactly
SHINGLE_WORDS = 3
SEED = 1
WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The lower-cased word ``size``-grams of ``text`` (the whole text if it is shorter)."""
    words = WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


@dataclass(frozen=True)
class NearDuplicates:
    """Finds and records near-duplicate originals in one store's tables."""

    threshold: float = THRESHOLD
    num_perm: int = NUM_PERM

    @cached_property
    def bands(self) -> tuple[int, int]:
        """(number of bands, rows per band) for the threshold, as datasketch chooses them."""
        lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm, weights=WEIGHTS)
        return lsh.b, lsh.r

    @classmethod
    def of_store(cls, db: sqlite3.Connection) -> NearDuplicates:
        """The settings the store was first filled with (recorded in ``meta``), else the defaults."""
        recorded = get_meta(db, "minhash")
        if recorded:
            return cls(**json.loads(recorded))
        settings = cls()
        set_meta(db, "minhash", json.dumps(asdict(settings)))
        return settings

    def signature(self, text: str) -> np.ndarray:
        minhash = MinHash(num_perm=self.num_perm, seed=SEED)
        minhash.update_batch(list(shingles(text)))
        return minhash.hashvalues.astype(np.uint32)  # datasketch keeps them below 2**32

    def band_keys(self, signature: np.ndarray) -> list[tuple[int, int]]:
        count, rows = self.bands
        keys = []
        for band in range(count):
            digest = hashlib.blake2b(signature[band * rows:(band + 1) * rows].tobytes(), digest_size=8).digest()
            keys.append((band, int.from_bytes(digest, "little", signed=True)))
        return keys

    def find(self, db: sqlite3.Connection, text: str, signature: np.ndarray) -> tuple[int, float] | None:
        """(article id, Jaccard similarity) of the most similar stored original, if near enough.

        Candidates share an LSH band; those whose signatures come near the threshold (estimates
        vary by about 0.05 with 64 permutations) are compared by their exact shingle sets."""
        candidates = set()
        for band, key in self.band_keys(signature):
            rows = db.execute("SELECT article_id FROM minhash_bands WHERE band = ? AND key = ?", (band, key))
            candidates.update(r[0] for r in rows)
        best, own = None, None
        for article_id in sorted(candidates):
            row = db.execute(
                "SELECT m.signature, a.text FROM minhashes m JOIN articles a ON a.id = m.article_id WHERE m.article_id = ?",
                (article_id,),
            ).fetchone()
            if np.mean(np.frombuffer(row["signature"], dtype="<u4") == signature) < self.threshold - ESTIMATE_MARGIN:
                continue
            own = own or shingles(text)
            other = shingles(row["text"])
            similarity = len(own & other) / len(own | other)
            if similarity >= self.threshold and (best is None or similarity > best[1]):
                best = (article_id, similarity)
        return best

    def add(self, db: sqlite3.Connection, article_id: int, signature: np.ndarray) -> None:
        db.execute("INSERT OR REPLACE INTO minhashes VALUES (?, ?)", (article_id, signature.astype("<u4").tobytes()))
        db.executemany(
            "INSERT OR IGNORE INTO minhash_bands VALUES (?, ?, ?)",
            [(band, key, article_id) for band, key in self.band_keys(signature)],
        )

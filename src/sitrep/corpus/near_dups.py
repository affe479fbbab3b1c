"""Exact and near-duplicate documents: identical pages, syndicated copies, rewrites.

Why MinHash LSH: comparing every new document with every stored one is quadratic; LSH
over word-shingle MinHash signatures returns only the few stored documents likely to
share text, and exact shingle sets are then compared for those candidates alone.
Signatures persist in the store (`corpus_signatures`), so adding documents rebuilds the
index from stored signatures instead of re-reading and re-hashing every text.

Classes (thresholds measured by eval/stories_eval.py on edited copies of dev news texts):
    identical   same word sequence (content hash), whatever the spacing or markup;
    syndicated  one text is mostly contained in the other (containment >= SYNDICATED):
                a wire copy with a changed intro, other boilerplate, or a truncation;
    rewrite     substantial shared phrasing (containment >= REWRITE) but much is new.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from sitrep.corpus.text_features import content_hash, shingles

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"         # datasketch 2 hashing scheme; stored signatures are uint32
LSH_THRESHOLD = 0.1        # Jaccard at which LSH starts returning a pair as a candidate
SYNDICATED = 0.8           # containment of the shorter text's shingles in the longer one
REWRITE = 0.3
MIN_SHINGLES = 8           # shorter texts (captions, one-liners) are not compared


@dataclass(frozen=True, slots=True)
class Signature:
    """What the detector keeps about one document: hash, shingle count and MinHash."""

    doc_id: str
    text_hash: str
    n_shingles: int
    minhash: LeanMinHash

    def to_bytes(self) -> bytes:
        return np.asarray(self.minhash.hashvalues, dtype=np.uint32).tobytes()


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    """Two documents sharing text: class, similarity (containment) and the earlier one."""

    doc_a: str
    doc_b: str
    kind: str
    similarity: float
    earliest: str | None


def signature(doc_id: str, text: str) -> Signature:
    """The MinHash signature of a main text's word shingles."""
    grams = shingles(text)
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch([g.encode("utf-8") for g in grams])
    return Signature(doc_id, content_hash(text), len(grams), LeanMinHash(minhash))


def signature_from_bytes(doc_id: str, text_hash: str, n_shingles: int, data: bytes) -> Signature:
    """A stored signature back in memory (no text needed)."""
    values = np.frombuffer(data, dtype=np.uint32)
    return Signature(doc_id, text_hash, n_shingles, LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME))


class NearDupIndex:
    """LSH over signatures plus an exact-hash map; grows one document at a time."""

    def __init__(self, signatures: Iterable[Signature] = ()) -> None:
        self.lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
        self.by_hash: dict[str, str] = {}
        for sig in signatures:
            self.add(sig)

    def add(self, sig: Signature) -> None:
        self.by_hash.setdefault(sig.text_hash, sig.doc_id)
        if sig.n_shingles >= MIN_SHINGLES and sig.doc_id not in self.lsh:
            self.lsh.insert(sig.doc_id, sig.minhash)

    def candidates(self, sig: Signature) -> set[str]:
        """Stored documents that may share text with `sig` (exact copies included)."""
        found = set(self.lsh.query(sig.minhash)) if sig.n_shingles >= MIN_SHINGLES else set()
        if sig.text_hash in self.by_hash:
            found.add(self.by_hash[sig.text_hash])
        found.discard(sig.doc_id)
        return found


def containment(a: set[str], b: set[str]) -> float:
    """Share of the smaller shingle set found in the larger (1.0 for a pure truncation)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def classify(text_a: str, text_b: str) -> tuple[str | None, float]:
    """(class or None, containment) for two main texts."""
    if content_hash(text_a) == content_hash(text_b):
        return "identical", 1.0
    score = containment(shingles(text_a), shingles(text_b))
    if score >= SYNDICATED:
        return "syndicated", score
    if score >= REWRITE:
        return "rewrite", score
    return None, score


def earliest_of(doc_a: str, date_a: str | None, doc_b: str, date_b: str | None) -> str | None:
    """The document published first, where both dates are known and differ; else None."""
    if not date_a or not date_b or date_a[:10] == date_b[:10]:
        return None
    return doc_a if date_a[:10] < date_b[:10] else doc_b

"""Corpus-stage scaling: dedup + story clustering time for N and 10·N documents.

Dev news texts (../shared/corpus/dev/news/articles.jsonl, with their dates and titles)
are written straight into a temporary store as cleaned documents (no NLP: the timing is
of the corpus stage alone), then `update_corpus` is timed in two ways:
    batch        all documents in one call (N, then 10·N, fresh stores);
    incremental  the 10·N store grown in 10 calls of N: the last call's time shows the
                 cost of adding N documents to a corpus of 9·N (signatures and story
                 centroids are loaded, not recomputed).
Growth ratio = time(10·N) / time(N); linear is 10, the goal is <= 12.

Usage: .venv/bin/python bench/corpus_scaling.py [--n 300]
"""
from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from sitrep.corpus import update_corpus
from sitrep.ingest.records import make_document
from sitrep.model import CleanDocument, DateEstimate, Field, Metadata, Segment
from sitrep.store import Store

NEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev" / "news" / "articles.jsonl"


def cleaned_articles(limit: int) -> list[CleanDocument]:
    """The first `limit` dev news articles as cleaned documents (text, title, outlet, date)."""
    cleaned = []
    with NEWS.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            doc = make_document(row["text"], line.encode("utf-8"), f"{NEWS}#{row['id']}", "utf-8")
            date = row.get("date")
            meta = Metadata(title=Field(row["title"], 1.0, "bench"), outlet=Field(row["outlet"], 1.0, "bench"),
                            published=DateEstimate(date, date, date, "day" if date else "", 1.0 if date else 0.0))
            cleaned.append(CleanDocument(doc, row["text"], (Segment(0, 0, len(row["text"])),), meta))
            if len(cleaned) == limit:
                break
    return cleaned


def timed_update(store: Store, docs: list[CleanDocument]) -> float:
    store.write_batch(docs)
    started = time.perf_counter()
    update_corpus(store, [doc.doc.id for doc in docs])
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=300)
    args = parser.parse_args()
    docs = cleaned_articles(10 * args.n)
    with tempfile.TemporaryDirectory() as folder:
        with Store(Path(folder) / "warm.duckdb") as store:          # loads the actor KB once, untimed
            timed_update(store, docs[:5])
        with Store(Path(folder) / "small.duckdb") as store:
            small = timed_update(store, docs[: args.n])
        with Store(Path(folder) / "large.duckdb") as store:
            large = timed_update(store, docs)
        steps = []
        with Store(Path(folder) / "grown.duckdb") as store:
            for start in range(0, len(docs), args.n):
                steps.append(timed_update(store, docs[start:start + args.n]))
    print(f"batch: N={args.n}: {small:.2f}s   10N={len(docs)}: {large:.2f}s   growth ratio {large / small:.1f}x")
    print(f"incremental, {args.n} documents a call: first {steps[0]:.2f}s, last (onto {len(docs) - args.n}) "
          f"{steps[-1]:.2f}s, total {sum(steps):.2f}s")


if __name__ == "__main__":
    main()

"""Throughput of NLP + events with and without the sentence prefilter, beside a bare parse.

Data: the first N articles with a non-empty text of the dev news corpus (the file is
shuffled, so a random sample). Three runs over exactly the same texts, in one process:
    bare       spacy.load(<settings nlp.model>) and nlp.pipe(texts): the reference parse;
    full       sitrep NLP (default_nlp) over every sentence, then the event coder;
    prefilter  sitrep NLP over the candidate sentences only (`sitrep.nlp.prefilter`), then
               the event coder and `restore_offsets`.
Each is warmed up on a few texts first (lazy loads: KBs, gazetteer, lexicons), then timed
with time.perf_counter. Printed: docs/s of each, each rate over the bare rate, and the event
recall the prefilter keeps: events found with it / events found without it, an event being
(document, trigger offset in the clean text, PLOVER category).

Usage: .venv/bin/python bench/events_throughput.py [--limit N] [--articles PATH] [--batch-size N]
"""
from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

import spacy

from sitrep.events import code_events
from sitrep.nlp import default_nlp, parse_documents, restore_offsets
from sitrep.settings import load_settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from nlp_eval import (  # noqa: E402 - eval/ is not a package
    DEFAULT_ARTICLES,
    clean_document_of,
)
from nlp_throughput import read_articles, timed  # noqa: E402 - bench/ is not a package

logger = logging.getLogger(__name__)

DEFAULT_LIMIT = 200
WARMUP_DOCS = 4


def coded(nlp, cleaned: list, batch_size: int, prefilter: bool) -> list:
    """Every event of the texts, offsets in the clean text."""
    events = []
    for doc, clean in zip(parse_documents(nlp, cleaned, batch_size, prefilter=prefilter), cleaned):
        events += restore_offsets(code_events(doc), doc, clean.text)
    return events


def event_keys(events: list) -> set[tuple[str, int, str]]:
    return {(e.doc_id, e.evidence["event"].start, e.event) for e in events}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help="articles to parse")
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--batch-size", type=int, default=None, help="nlp.pipe batch (default: settings)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s %(message)s")

    settings = load_settings()
    batch_size = args.batch_size or settings.nlp_batch_size
    articles = read_articles(args.articles, args.limit)
    texts = [a["text"] for a in articles]
    cleaned = [clean_document_of(a, f"{args.articles}#id={a['id']}") for a in articles]

    bare = spacy.load(settings.nlp_model)
    full = default_nlp()
    timed(lambda: bare.pipe(texts[:WARMUP_DOCS]))
    coded(full, cleaned[:WARMUP_DOCS], batch_size, prefilter=False)
    coded(full, cleaned[:WARMUP_DOCS], batch_size, prefilter=True)

    bare_seconds = timed(lambda: bare.pipe(texts, batch_size=batch_size))
    found = {}
    seconds = {}
    for prefilter in (False, True):
        start = time.perf_counter()
        found[prefilter] = coded(full, cleaned, batch_size, prefilter)
        seconds[prefilter] = time.perf_counter() - start

    bare_rate = len(texts) / bare_seconds
    print(f"{len(texts)} articles, batch {batch_size}, model {settings.nlp_model}")
    print(f"{'run':34} {'seconds':>8} {'docs/s':>7} {'x bare':>7} {'events':>7}")
    print(f"{'bare ' + settings.nlp_model:34} {bare_seconds:8.2f} {bare_rate:7.2f} {1:7.2f} {'':>7}")
    for prefilter, name in ((False, "sitrep NLP+events, every sentence"), (True, "sitrep NLP+events, prefilter")):
        rate = len(texts) / seconds[prefilter]
        print(f"{name:34} {seconds[prefilter]:8.2f} {rate:7.2f} {rate / bare_rate:7.2f} {len(found[prefilter]):7d}")
    without, with_prefilter = event_keys(found[False]), event_keys(found[True])
    recall = len(with_prefilter & without) / len(without) if without else 1.0
    print(f"prefilter speed-up over every sentence: {seconds[False] / seconds[True]:.2f}x")
    print(f"event recall kept by the prefilter: {recall:.3f} ({len(with_prefilter & without)} of {len(without)}; "
          f"{len(with_prefilter - without)} events only with it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

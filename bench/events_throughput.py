"""Throughput of NLP + events with and without the sentence prefilter, beside a bare parse.

Data: the first N articles with a non-empty text of the dev news corpus (the file is
shuffled, so a random sample). Three runs over exactly the same texts, in one process:
    bare       spacy.load(<settings nlp.model>) and nlp.pipe(texts): the reference parse;
    full       sitrep NLP (default_nlp) over every sentence, then the event coder;
    prefilter  sitrep NLP over the candidate sentences only (`sitrep.nlp.prefilter`), then
               the event coder and `restore_offsets`;
    oracle     (with --oracle) the same over exactly the sentences the `full` run coded an
               event in, no others: what a perfect prefilter could reach.
Each is warmed up on a few texts first (lazy loads: KBs, gazetteer, lexicons), then timed
with time.perf_counter. Printed: docs/s of each, each rate over the bare rate, the share of
the clean text's characters each run parses, and the event recall of the runs that parse
less: events found / events found by `full`, an event being (document, trigger offset in
the clean text, PLOVER category); and on how many of the events found by both every field
(actors, recipients, place, mode, aux modes, magnitude, date) came out the same.

Usage: .venv/bin/python bench/events_throughput.py [--limit N] [--articles PATH] [--batch-size N]
       [--oracle]
"""
from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

import spacy

from sitrep.events import code_events
from sitrep.nlp import default_nlp, parse_documents, restore_offsets
from sitrep.nlp.prefilter import excerpt_from, excerpt_of, parse_excerpts, sentence_spans, vocabulary_for

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nlp_throughput import WARMUP_DOCS, bench_inputs, input_parser, timed  # noqa: E402 - bench/ is not a package

logger = logging.getLogger(__name__)


def coded(nlp, cleaned: list, docs) -> list:
    """Every event of the parsed `docs` of the texts, offsets in the clean text."""
    events = []
    for doc, clean in zip(docs, cleaned):
        events += restore_offsets(code_events(doc), doc, clean.text)
    return events


def event_keys(events: list) -> set[tuple[str, int, str]]:
    return {(e.doc_id, e.evidence["event"].start, e.event) for e in events}


def event_fields(events: list) -> dict[tuple[str, int, str], tuple]:
    """Event key -> what the coder filled in, to compare runs field by field."""
    def entities(found):
        return tuple((entity.code, entity.identifier) for entity in found)

    return {(e.doc_id, e.evidence["event"].start, e.event): (
        entities(e.actor), entities(e.recipient), e.event_loc.place_id if e.event_loc else None, e.mode,
        e.aux_mode, e.magnitude.count if e.magnitude else None, e.date) for e in events}


def oracle_excerpts(nlp, cleaned: list, events: list) -> list:
    """Per text, the excerpt of exactly the sentences an event was coded in."""
    abbreviations = vocabulary_for(nlp).abbreviations
    starts: dict[str, list[int]] = {}
    for event in events:
        starts.setdefault(event.doc_id, []).append(event.evidence["event"].start)
    return [excerpt_from(clean.text, [(start, end) for start, end in sentence_spans(clean.text, abbreviations)
                                      if any(start <= at < end for at in starts.get(clean.doc.id, ()))])
            for clean in cleaned]


def main(argv: list[str] | None = None) -> int:
    parser = input_parser(__doc__.splitlines()[0])
    parser.add_argument("--oracle", action="store_true", help="also parse only the sentences with events")
    args = parser.parse_args(argv)
    inputs = bench_inputs(args)
    settings, batch_size, texts, cleaned = inputs.settings, inputs.batch_size, inputs.texts, inputs.cleaned

    bare = spacy.load(settings.nlp_model)
    full = default_nlp()
    timed(lambda: bare.pipe(texts[:WARMUP_DOCS]))
    for prefilter in (False, True):
        coded(full, cleaned[:WARMUP_DOCS], parse_documents(full, cleaned[:WARMUP_DOCS], batch_size, prefilter=prefilter))

    bare_seconds = timed(lambda: bare.pipe(texts, batch_size=batch_size))
    runs: dict[str, tuple[float, list]] = {}
    for name, prefilter in (("every sentence", False), ("prefilter", True)):
        start = time.perf_counter()
        events = coded(full, cleaned, parse_documents(full, cleaned, batch_size, prefilter=prefilter))
        runs[name] = (time.perf_counter() - start, events)
    total = sum(len(clean.text) for clean in cleaned)
    vocabulary = vocabulary_for(full)
    parsed = {"every sentence": total, "prefilter": sum(len(excerpt_of(c.text, vocabulary).text) for c in cleaned)}
    if args.oracle:
        excerpts = oracle_excerpts(full, cleaned, runs["every sentence"][1])
        start = time.perf_counter()
        events = coded(full, cleaned, parse_excerpts(full, cleaned, excerpts, batch_size))
        runs["oracle"] = (time.perf_counter() - start, events)
        parsed["oracle"] = sum(len(excerpt.text) for excerpt in excerpts)

    bare_rate = len(texts) / bare_seconds
    print(f"{len(texts)} articles, batch {batch_size}, model {settings.nlp_model}")
    print(f"{'run':34} {'seconds':>8} {'docs/s':>7} {'x bare':>7} {'chars':>6} {'events':>7}")
    print(f"{'bare ' + settings.nlp_model:34} {bare_seconds:8.2f} {bare_rate:7.2f} {1:7.2f} {1:6.2f} {'':>7}")
    for name, (seconds, events) in runs.items():
        rate = len(texts) / seconds
        print(f"{'sitrep NLP+events, ' + name:34} {seconds:8.2f} {rate:7.2f} {rate / bare_rate:7.2f} "
              f"{parsed[name] / total:6.2f} {len(events):7d}")
    reference = event_fields(runs["every sentence"][1])
    print(f"prefilter speed-up over every sentence: {runs['every sentence'][0] / runs['prefilter'][0]:.2f}x")
    for name in list(runs)[1:]:
        found = event_fields(runs[name][1])
        kept = reference.keys() & found.keys()
        recall = len(kept) / len(reference) if reference else 1.0
        same = sum(found[key] == reference[key] for key in kept)
        print(f"event recall kept by the {name}: {recall:.3f} ({len(kept)} of {len(reference)}; "
              f"{len(found.keys() - reference.keys())} events only with it; all fields the same on {same})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

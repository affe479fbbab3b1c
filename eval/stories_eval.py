"""Score the corpus stage: story clustering on AllSides roundups, near-duplicates on edited copies.

Stories: ../shared/corpus/dev/stories/allsides_roundups_2021.jsonl (1479 article snippets
in 505 gold stories of 2-3 outlets each). The JSONL goes through ingest and clean into a
temporary store, then `update_corpus` (the real stage, text-only: the NLP/events stage
is not run, so event keys are empty and story assignment uses TF-IDF and dates only).
Note the dates: the JSONL has no per-article date, ingest takes the roundup's
`story_date`, identical for the articles of one story, so the roundup dates leak part of
the gold grouping (only stories within STORY_WINDOW_DAYS compete); the sweeps are shown
with those dates and without any date. Each sweep re-runs the same clustering in memory
(`StoryIndex` with another threshold) on all documents and on two halves of the gold
stories clustered separately (split by a hash of the story id): the threshold best on
half A is reported on half B (held out), so the figure is not tuned on what it scores.
With --embeddings (needs the `embeddings` extra) the sweeps are repeated with MiniLM
sentence embeddings of headline and lead added to the TF-IDF similarity.

With --with-nlp the snippets go through the whole pipeline (`process_documents`: clean,
NLP, events) so event keys are filled. The roundup date is dropped first (articles have
no date of their own; the roundup date is identical within a story and would leak the
gold grouping), so both rows of that run, text only and with event keys, are dateless.

B-cubed: per document, precision = share of its predicted cluster in its gold story,
recall = share of its gold story in its predicted cluster; averaged over documents.
ARI: adjusted Rand index of the two partitions.

Near-duplicates: N dev news articles (../shared/corpus/dev/news/articles.jsonl, longer than
MIN_CHARS) each get four edited versions:
    copy      5% of words replaced, one sentence added     (expected: syndicated)
    boiler    site boilerplate lines added before/after     (expected: syndicated)
    truncated the first 60% of the text                     (expected: syndicated)
    rewrite   half the sentences kept, reordered, 10% of words replaced (expected: rewrite)
All originals and edits go through the LSH index; a detected pair is correct when both
come from the same original. Precision/recall over pairs (any class), and the class
found for each expected class.

Usage: .venv/bin/python eval/stories_eval.py [--news N] [--with-nlp] [--embeddings]
"""
from __future__ import annotations

import argparse
import json
import random
import re
import tempfile
import time
import zlib
from collections import Counter, defaultdict
from dataclasses import replace
from math import comb
from pathlib import Path
from typing import Any

from sitrep.clean import clean_documents
from sitrep.corpus import story_docs, update_corpus
from sitrep.corpus.near_dups import NearDupIndex, classify, signature
from sitrep.corpus.stories import StoryDoc, StoryIndex
from sitrep.ingest import read_inputs
from sitrep.model import CleanDocument, Document
from sitrep.pipeline import process_documents
from sitrep.store import Store
from sitrep.store import corpus as corpus_store

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "dev"
STORIES = DEV / "stories" / "allsides_roundups_2021.jsonl"
NEWS = DEV / "news" / "articles.jsonl"
SWEEP = tuple(round(0.10 + 0.02 * step, 2) for step in range(10))
MIN_CHARS = 1500
BOILERPLATE = ["Subscribe to our newsletter for the latest news.", "Share this article on Facebook Twitter Email",
               "Advertisement", "Copyright 2019 All rights reserved. This material may not be published, broadcast,"
               " rewritten or redistributed.", "Read more: Related coverage and analysis"]
FILLER = ["The report could not be independently verified.", "Officials did not respond to requests for comment."]


def b_cubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a predicted partition against a gold one."""
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for item, label in predicted.items():
        by_pred[label].add(item)
        by_gold[gold[item]].add(item)
    precision = recall = 0.0
    for item in predicted:
        shared = len(by_pred[predicted[item]] & by_gold[gold[item]])
        precision += shared / len(by_pred[predicted[item]])
        recall += shared / len(by_gold[gold[item]])
    precision, recall = precision / len(predicted), recall / len(predicted)
    return precision, recall, 2 * precision * recall / (precision + recall)


def adjusted_rand(predicted: dict[str, str], gold: dict[str, str]) -> float:
    """Adjusted Rand index (Hubert and Arabie 1985)."""
    table = Counter((predicted[item], gold[item]) for item in predicted)
    sum_cells = sum(comb(n, 2) for n in table.values())
    sum_pred = sum(comb(n, 2) for n in Counter(predicted.values()).values())
    sum_gold = sum(comb(n, 2) for n in Counter(gold[i] for i in predicted).values())
    expected = sum_pred * sum_gold / comb(len(predicted), 2)
    top = (sum_pred + sum_gold) / 2
    return (sum_cells - expected) / (top - expected) if top != expected else 1.0


def _gold_by_record() -> dict[str, str]:
    """JSONL record id -> gold story id."""
    return {row["id"]: row["story_id"] for row in map(json.loads, STORIES.open(encoding="utf-8"))}


def cleaned_stories() -> tuple[list[CleanDocument], dict[str, str]]:
    gold_by_record = _gold_by_record()
    docs = [item for item in read_inputs([str(STORIES)]) if hasattr(item, "raw_text")]
    cleaned = [c for c in clean_documents(docs) if isinstance(c, CleanDocument)]
    gold = {c.doc.id: gold_by_record[c.doc.hints["record_id"]] for c in cleaned}
    return cleaned, gold


def _story_items(docs: list[dict[str, Any]], events: dict[str, list[dict]],
                 embeddings: dict[str, tuple[float, ...]] | None) -> list[StoryDoc]:
    items = list(story_docs(docs, events, {}, 0))
    return [replace(item, embedding=embeddings[item.doc_id]) for item in items] if embeddings else items


def _scores(items: list[StoryDoc], gold: dict[str, str], threshold: float) -> tuple:
    """(B3 P, R, F1, ARI, predicted stories) of an in-memory clustering of `items` in order."""
    index = StoryIndex(threshold=threshold)
    predicted = {item.doc_id: index.assign(item).story_id for item in items}
    return (*b_cubed(predicted, gold), adjusted_rand(predicted, gold), len(index.stories))


def split_sweep(name: str, docs: list[dict[str, Any]], events: dict[str, list[dict]], gold: dict[str, str],
                embeddings: dict[str, tuple[float, ...]] | None = None) -> None:
    """Print the threshold sweep on all documents and on two halves of the gold stories (split by
    a hash of the story id, each clustered on its own); the threshold best on half A is then
    reported on half B (held out) and on all."""
    half_of = {doc["id"]: zlib.crc32(gold[doc["id"]].encode("utf-8")) % 2 for doc in docs}
    parts = [_story_items([d for d in docs if half_of[d["id"]] == h], events, embeddings) for h in (0, 1)]
    whole_items = _story_items(docs, events, embeddings)
    whole = {t: _scores(whole_items, gold, t) for t in SWEEP}
    halves = [{t: _scores(part, gold, t) for t in SWEEP} for part in parts]
    print(f"  sweep ({name})  threshold  B3-P   B3-R   B3-F1  ARI   stories | F1 half A  half B")
    for threshold, (p, r, f, ari, n) in whole.items():
        print(f"  {threshold:>{len(name) + 20}.2f}  {p:.3f}  {r:.3f}  {f:.3f}  {ari:.3f}  {n:>5} | "
              f"{halves[0][threshold][2]:.3f}  {halves[1][threshold][2]:.3f}")
    best = max(SWEEP, key=lambda t: halves[0][t][2])
    held, full = halves[1][best], whole[best]
    print(f"  {name}: threshold picked on half A = {best:.2f}; half B: B3 P={held[0]:.3f} R={held[1]:.3f} "
          f"F1={held[2]:.3f} ARI={held[3]:.3f}; all: B3 F1={full[2]:.3f} ARI={full[3]:.3f}")


def _without_dates(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [dict(doc, published=None, earliest=None, latest=None) for doc in docs]


def _embeddings_of(docs: list[dict[str, Any]]) -> dict[str, tuple[float, ...]]:
    from sitrep.corpus.embeddings import embed_texts, report_text

    started = time.perf_counter()
    vectors = embed_texts([report_text(doc["title"], doc["text"]) for doc in docs])
    print(f"  embedded {len(docs)} documents in {time.perf_counter() - started:.0f}s")
    return {doc["id"]: vector for doc, vector in zip(docs, vectors, strict=True)}


def eval_stories(with_embeddings: bool) -> None:
    started = time.perf_counter()
    cleaned, gold = cleaned_stories()
    clean_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "stories.duckdb") as store:
        store.write_batch(cleaned)
        started = time.perf_counter()
        report = update_corpus(store, list(gold))
        corpus_s = time.perf_counter() - started
        predicted = dict(store.con.execute("SELECT doc_id, story_id FROM corpus_story_docs").fetchall())
        docs = corpus_store.corpus_documents(store, list(gold))
    docs.sort(key=lambda d: (d["published"] is None, d["published"] or "", d["id"]))
    p, r, f = b_cubed(predicted, gold)
    print(f"stories: {len(gold)} documents, {len(set(gold.values()))} gold stories; clean {clean_s:.1f}s, "
          f"update_corpus {corpus_s:.1f}s; {report.new_stories} predicted stories, duplicates {dict(report.duplicates)}")
    print(f"  default threshold: B3 P={p:.3f} R={r:.3f} F1={f:.3f}  ARI={adjusted_rand(predicted, gold):.3f}")
    split_sweep("text only, roundup dates", docs, {}, gold)
    split_sweep("text only, no dates", _without_dates(docs), {}, gold)
    if with_embeddings:
        embeddings = _embeddings_of(docs)
        split_sweep("text+embeddings, roundup dates", docs, {}, gold, embeddings)
        split_sweep("text+embeddings, no dates", _without_dates(docs), {}, gold, embeddings)


def _dateless(doc: Document) -> Document:
    return replace(doc, hints={key: value for key, value in doc.hints.items() if key != "date"})


def eval_stories_nlp() -> None:
    """Text-only vs event-key clustering after the real NLP/events stage, without roundup dates."""
    gold_by_record = _gold_by_record()
    raw = [_dateless(item) for item in read_inputs([str(STORIES)]) if hasattr(item, "raw_text")]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "stories.duckdb") as store:
        for start in range(0, len(raw), 128):
            cleaned, analyses, failures = process_documents(raw[start:start + 128])
            store.write_batch(cleaned, failures, analyses)
        nlp_s = time.perf_counter() - started
        ids = [row[0] for row in store.con.execute("SELECT doc_id FROM texts").fetchall()]
        record_of = {doc.id: doc.hints["record_id"] for doc in raw}
        gold = {doc_id: gold_by_record[record_of[doc_id]] for doc_id in ids}
        report = update_corpus(store, ids)
        predicted = dict(store.con.execute("SELECT doc_id, story_id FROM corpus_story_docs").fetchall())
        docs = corpus_store.corpus_documents(store, ids)
        events = corpus_store.events_of(store, ids)
    docs.sort(key=lambda d: (d["published"] is None, d["published"] or "", d["id"]))
    p, r, f = b_cubed(predicted, gold)
    print(f"stories with NLP (no roundup dates): {len(gold)} documents, {sum(map(len, events.values()))} events, "
          f"clean+nlp+events {nlp_s:.0f}s; {report.new_stories} predicted stories")
    print(f"  update_corpus (event keys on): B3 P={p:.3f} R={r:.3f} F1={f:.3f}  ARI={adjusted_rand(predicted, gold):.3f}")
    for name, keys in (("text only", {}), ("text+event keys", events)):
        split_sweep(name, docs, keys, gold)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def _replace_words(text: str, share: float, rng: random.Random) -> str:
    tokens = text.split(" ")
    for i in rng.sample(range(len(tokens)), int(len(tokens) * share)):
        tokens[i] = rng.choice(["reportedly", "officials", "the", "new", "several", "local"])
    return " ".join(tokens)


def edited_versions(text: str, rng: random.Random) -> dict[str, str]:
    sentences = _sentences(text)
    kept = rng.sample(sentences, max(1, len(sentences) // 2))
    return {
        "copy": _replace_words(text, 0.05, rng) + " " + rng.choice(FILLER),
        "boiler": "\n".join(rng.sample(BOILERPLATE, 2)) + "\n" + text + "\n" + "\n".join(rng.sample(BOILERPLATE, 2)),
        "truncated": text[: int(len(text) * 0.6)],
        "rewrite": _replace_words(" ".join(kept), 0.10, rng),
    }


EXPECTED = {"copy": "syndicated", "boiler": "syndicated", "truncated": "syndicated", "rewrite": "rewrite"}


def eval_near_dups(n_articles: int) -> None:
    rng = random.Random(7)
    rows = [row for row in map(json.loads, NEWS.open(encoding="utf-8")) if len(row["text"]) >= MIN_CHARS]
    rows = rng.sample(rows, n_articles)
    items: list[tuple[str, str, str]] = []          # (item id, original id, text)
    for row in rows:
        items.append((row["id"], row["id"], row["text"]))
        for kind, text in edited_versions(row["text"], rng).items():
            items.append((f"{row['id']}:{kind}", row["id"], text))
    origin = {item_id: orig for item_id, orig, _ in items}
    texts = {item_id: text for item_id, _, text in items}
    index = NearDupIndex()
    found: dict[frozenset[str], str] = {}
    started = time.perf_counter()
    for item_id, _, text in items:
        sig = signature(item_id, text)
        for other in index.candidates(sig):
            kind, _ = classify(text, texts[other])
            if kind:
                found[frozenset((item_id, other))] = kind
        index.add(sig)
    elapsed = time.perf_counter() - started
    true_pairs = {frozenset((a, b)) for a in texts for b in texts if a < b and origin[a] == origin[b]}
    correct = [pair for pair in found if pair in true_pairs]
    precision = len(correct) / len(found) if found else 0.0
    recall = len(correct) / len(true_pairs) if true_pairs else 0.0
    print(f"near-duplicates: {n_articles} articles x 5 versions ({len(items)} texts, {len(true_pairs)} true pairs) "
          f"in {elapsed:.1f}s: P={precision:.3f} R={recall:.3f}")
    wrong = [sorted(pair) for pair in found if pair not in true_pairs]
    if wrong:
        print(f"  {len(wrong)} pairs across different articles, e.g. {wrong[:3]}")
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        for kind in EXPECTED:
            confusion[kind][found.get(frozenset((row["id"], f"{row['id']}:{kind}")), "missed")] += 1
    for kind, counts in confusion.items():
        print(f"  original vs {kind:<9} (expected {EXPECTED[kind]}): {dict(counts)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--news", type=int, default=300, help="dev news articles to edit for near-duplicates")
    parser.add_argument("--skip-stories", action="store_true")
    parser.add_argument("--with-nlp", action="store_true",
                        help="also run the NLP/events stage (dateless) and compare text-only with event keys")
    parser.add_argument("--embeddings", action="store_true",
                        help="also sweep with MiniLM sentence embeddings (needs the `embeddings` extra)")
    args = parser.parse_args()
    if not args.skip_stories:
        eval_stories(args.embeddings)
        if args.with_nlp:
            eval_stories_nlp()
    eval_near_dups(args.news)


if __name__ == "__main__":
    main()

"""Corpus stage: from per-document events to a corpus-level picture an analyst can trust.

One happening is reported by many outlets, copied, rewritten and disputed. For documents
newly stored, `update_corpus`:

1. near-duplicates: MinHash LSH over word shingles of the main text finds identical
   pages, syndicated copies and rewrites of stored documents (`near_dups`);
2. stories: each document joins the best story sharing its words and events within a
   few days, or starts one (`stories`); a copy joins its original's story;
3. for every story that gained a document, rebuilds (`analysis`): merged events (one per
   happening, every report kept, `merge`), claims with conflicts flagged (`claims`),
   attribution chains with single-origin flags (`chains`) and per-outlet framing
   (`framing`).

Contract: input = ids of documents already in the store (texts, metadata, events,
mentions); documents already clustered are skipped, so a rerun is a no-op. Output =
the corpus_* tables (schema_corpus.sql), written in one transaction, and a CorpusReport.
Incremental: stored MinHash signatures and story centroids are loaded, never recomputed
from texts; only stories that gained documents are re-analysed. Nothing is averaged:
conflicting values stay side by side with their outlets and evidence.
"""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sitrep.corpus.analysis import analyse_story, outlet_ids_of
from sitrep.corpus.near_dups import (
    NearDupIndex,
    classify,
    earliest_of,
    signature,
    signature_from_bytes,
)
from sitrep.corpus.stories import Assignment, Story, StoryDoc, StoryIndex, event_keys
from sitrep.corpus.text_features import tfidf_vector, topic_terms
from sitrep.store import Store
from sitrep.store import corpus as corpus_store

logger = logging.getLogger(__name__)

DUPLICATE_JOINS_STORY = frozenset({"identical", "syndicated"})


@dataclass(slots=True)
class CorpusReport:
    """What an update did, for the run summary."""

    documents: int = 0
    duplicates: Counter[str] = field(default_factory=Counter)
    new_stories: int = 0
    joined: int = 0
    stories_updated: int = 0
    merged_events: int = 0
    claims: int = 0
    conflicts: int = 0


def _outlet_lookup(name: str) -> str | None:
    """KB id of a media actor with this name or alias (None when not a known outlet)."""
    from sitrep.kb.actors import default_actor_kb

    media = [actor.id for actor in default_actor_kb().lookup(name) if actor.type == "media"]
    return media[0] if len(media) == 1 else None


def _find_duplicates(docs: list[dict[str, Any]], store: Store) -> tuple[list[tuple], list[dict[str, Any]]]:
    """Signatures of the new documents and their duplicate pairs with stored or earlier new ones."""
    index = NearDupIndex(signature_from_bytes(*row) for row in corpus_store.load_signatures(store))
    texts = {doc["id"]: doc["text"] for doc in docs}
    dates = {doc["id"]: doc["published"] for doc in docs}
    signatures, pairs = [], []
    for doc in docs:
        sig = signature(doc["id"], doc["text"])
        found = sorted(index.candidates(sig))
        missing = [d for d in found if d not in texts]
        if missing:
            texts.update(corpus_store.texts_of(store, missing))
            dates.update(corpus_store.published_of(store, missing))
        for other in found:
            kind, score = classify(doc["text"], texts[other])
            if kind:
                pairs.append({"doc_a": doc["id"], "doc_b": other, "kind": kind, "similarity": round(score, 4),
                              "earliest": earliest_of(doc["id"], dates.get(doc["id"]), other, dates.get(other))})
        index.add(sig)
        signatures.append((sig.doc_id, sig.text_hash, sig.n_shingles, sig.to_bytes()))
    return signatures, pairs


def story_docs(docs: list[dict[str, Any]], events: dict[str, list[dict]], df: dict[str, int],
               n_docs: int, terms: dict[str, Counter] | None = None) -> Iterator[StoryDoc]:
    """Each document as the clusterer sees it, in order; `df` grows as documents are counted.

    docs: dicts with id, text, title, published, earliest, latest (as `corpus_documents` reads them).
    terms: each document's topic terms when already counted (by id), else counted here.
    """
    for doc in docs:
        counts = terms[doc["id"]] if terms is not None else topic_terms(doc["text"], doc["title"])
        n_docs += 1
        for term in counts:
            df[term] = df.get(term, 0) + 1
        yield StoryDoc(doc["id"], tfidf_vector(counts, df, n_docs),
                       doc["earliest"] or doc["published"], doc["latest"] or doc["published"],
                       event_keys(events.get(doc["id"], [])), doc["title"])


def _cluster(docs: list[dict[str, Any]], events: dict[str, list[dict]], pairs: list[dict[str, Any]],
             store: Store, story_embeddings: bool = False) -> tuple[list[Assignment], StoryIndex, dict[str, int]]:
    """Assign every new document to a story; returns the assignments, index and updated df.
    With `story_embeddings`, reports are also compared by their MiniLM embeddings."""
    counts = {doc["id"]: topic_terms(doc["text"], doc["title"]) for doc in docs}
    stored_df, n_docs = corpus_store.doc_freqs(store, {t for terms in counts.values() for t in terms})
    df = dict(stored_df)
    index = StoryIndex([Story(id=row["id"], title=row["title"], centroid=row["centroid"], n_docs=row["n_docs"],
                              earliest=row["earliest"], latest=row["latest"], keys=Counter(row["keys"]),
                              embedding=row["embedding"], n_embedded=row["n_embedded"] or 0)
                        for row in corpus_store.load_stories(store)])
    copy_of = {p["doc_a"]: p["doc_b"] for p in pairs if p["kind"] in DUPLICATE_JOINS_STORY}
    story_of = corpus_store.story_of_docs(store, copy_of.values())
    assignments = []
    items: Iterable[StoryDoc] = story_docs(docs, events, df, n_docs, counts)
    if story_embeddings:
        from sitrep.corpus.embeddings import with_embeddings  # imports torch: only when asked
        items = with_embeddings(items, docs)
    for item in items:
        original = story_of.get(copy_of.get(item.doc_id, ""))
        if original in index.stories:
            index.add(index.stories[original], item)
            assignment = Assignment(item.doc_id, original, 1.0, "duplicate")
        else:
            assignment = index.assign(item)
        story_of[item.doc_id] = assignment.story_id
        assignments.append(assignment)
    return assignments, index, {t: n for t, n in df.items() if stored_df.get(t) != n}


def _link_names(events: list[dict]) -> list[str]:
    return [link["text"] for event in events for link in event.get("attribution") or ()
            if link["kind"] == "outlet" and not link.get("identifier")]


def _story_rows(store: Store, index: StoryIndex, story_ids: set[str]) -> tuple[list[dict], dict[str, dict]]:
    """Stored rows and rebuilt analysis of every story that gained documents (read in one go)."""
    members: dict[str, list[dict[str, Any]]] = {story_id: [] for story_id in story_ids}
    for doc in corpus_store.story_documents(store, story_ids):
        members[doc["story_id"]].append(doc)
    ids = [doc["id"] for docs in members.values() for doc in docs]
    events = corpus_store.events_of(store, ids)
    mentions: dict[str, list[dict[str, Any]]] = {}
    for mention in corpus_store.mentions_of(store, ids, ("actor", "place", "quote")):
        mentions.setdefault(mention["doc_id"], []).append(mention)
    stories, results = [], {}
    for story_id in sorted(story_ids):
        docs = members[story_id]
        names = [doc["outlet"] for doc in docs] + [n for doc in docs for n in _link_names(events.get(doc["id"], []))]
        results[story_id] = analyse_story(story_id, docs, events, [m for doc in docs for m in mentions.get(doc["id"], [])],
                                          outlet_ids_of(names, _outlet_lookup))
        story = index.stories[story_id]
        dates = sorted(doc["published"] for doc in docs if doc["published"])
        stories.append({"id": story_id, "title": story.title, "first_seen": dates[0] if dates else None,
                        "last_seen": dates[-1] if dates else None, "earliest": story.earliest,
                        "latest": story.latest, "n_docs": story.n_docs, "centroid": story.centroid,
                        "keys": dict(story.keys), "embedding": story.embedding, "n_embedded": story.n_embedded})
    return stories, results


def update_corpus(store: Store, doc_ids: Iterable[str] | None = None, *,
                  story_embeddings: bool = False) -> CorpusReport:
    """Add stored documents to the corpus picture (duplicates, stories, merges, claims, chains, framing).

    doc_ids: documents already written by the pipeline; unknown or already clustered ids are
        skipped. None: every stored document not yet in a story (what a run just stored, plus
        any a killed run stored without clustering).
    story_embeddings: also compare reports by sentence embeddings (setting
        corpus.story_embeddings; needs the `embeddings` extra, else EmbeddingsUnavailable).
    RETURNS: a CorpusReport. RAISES: duckdb.Error (after rollback) when the write fails.
    """
    report = CorpusReport()
    if doc_ids is None:
        wanted = corpus_store.unclustered_ids(store)
    else:
        doc_ids = list(doc_ids)
        wanted = set(doc_ids) - corpus_store.clustered_ids(store, doc_ids)
    docs = corpus_store.corpus_documents(store, wanted)
    if not docs:
        return report
    docs.sort(key=lambda d: (d["published"] is None, d["published"] or "", d["id"]))
    events = corpus_store.events_of(store, [doc["id"] for doc in docs])
    signatures, pairs = _find_duplicates(docs, store)
    assignments, index, df = _cluster(docs, events, pairs, store, story_embeddings)
    with corpus_store.transaction(store):
        corpus_store.write_memberships(store, signatures, pairs, df, [
            {"doc_id": a.doc_id, "story_id": a.story_id, "score": a.score, "method": a.method}
            for a in assignments])
        touched = {a.story_id for a in assignments}
        stories, results = _story_rows(store, index, touched)
        corpus_store.write_stories(store, stories, results)
    report.documents = len(docs)
    report.duplicates.update(p["kind"] for p in pairs)
    report.new_stories = sum(a.method == "new" for a in assignments)
    report.joined = len(assignments) - report.new_stories
    report.stories_updated = len(touched)
    for result in results.values():
        report.merged_events += len(result["merged_events"])
        report.claims += len(result["claims"])
        report.conflicts += sum(c["conflict"] for c in result["claims"])
    logger.info("corpus: %s documents, %s new stories, %s joined, %s conflicts",
                report.documents, report.new_stories, report.joined, report.conflicts)
    return report


__all__ = ["CorpusReport", "story_docs", "update_corpus"]

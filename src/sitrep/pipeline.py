"""The whole pipeline: ingest → clean → nlp → events → store, in resumable batches.

Each batch is written in one transaction; documents already in the store are skipped
before any work is spent on them, so a killed run resumes where it stopped.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sitrep.clean import clean_documents
from sitrep.corpus import update_corpus
from sitrep.errors import SitrepError
from sitrep.events import code_events
from sitrep.ingest import expand_paths, read_file
from sitrep.model import Analysis, CleanDocument, Document, Failure
from sitrep.nlp import default_nlp, mentions_of, parse_documents, restore_offsets
from sitrep.settings import default_settings
from sitrep.store import Store

logger = logging.getLogger(__name__)

BATCH_SIZE = 64


@dataclass(slots=True)
class RunReport:
    """What a run did: counts and every failure, for the CLI summary."""

    files: int = 0
    documents: int = 0
    stored: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)


def _batches(items: Iterator[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def analyze_batch(cleaned: list[CleanDocument]) -> tuple[list[Analysis], list[Failure]]:
    """Mentions and events for a batch; a document that breaks the NLP becomes a Failure.

    The batch goes through `nlp.pipe` at once (only candidate sentences parsed when the
    setting `nlp.prefilter` is on); only when that raises is it redone one document at a
    time, to find the document to blame and keep the others.
    """
    settings = default_settings()
    docs = parse_documents(default_nlp(), cleaned, settings.nlp_batch_size, prefilter=settings.nlp_prefilter)
    try:
        return [_analysis(doc, clean) for doc, clean in zip(docs, cleaned)], []
    except Exception:  # one bad document must not sink the batch: isolate it below
        if len(cleaned) == 1:
            clean = cleaned[0]
            logger.exception("NLP failed on %s", clean.doc.source)
            detail = str(SitrepError("E040", clean.doc.source))
            return [], [Failure(clean.doc.source, "nlp", "E040", detail, clean.doc.id)]
    analyses: list[Analysis] = []
    failures: list[Failure] = []
    for clean in cleaned:
        done, failed = analyze_batch([clean])
        analyses += done
        failures += failed
    return analyses, failures


def _analysis(doc, clean: CleanDocument) -> Analysis:
    events = code_events(doc, outlet=clean.metadata.outlet.value)
    return restore_offsets(replace(mentions_of(doc), events=tuple(events)), doc, clean.text)


def process_documents(docs: Sequence[Document]) -> tuple[list[CleanDocument], list[Analysis], list[Failure]]:
    """Clean, NLP and events for documents held in memory: everything `run_pipeline` does
    before storing, shared by the run, the API's ingest and `sitrep.process`.

    RETURNS: (cleaned documents that went through every stage, their analyses, failures).
    """
    cleaned: list[CleanDocument] = []
    failures: list[Failure] = []
    for result in clean_documents(list(docs)):
        (failures if isinstance(result, Failure) else cleaned).append(result)
    analyses, failed = analyze_batch(cleaned)
    failed_ids = {failure.doc_id for failure in failed}
    return [c for c in cleaned if c.doc.id not in failed_ids], analyses, failures + failed


def run_pipeline(
    paths: Iterable[str],
    store: Store,
    *,
    batch_size: int = BATCH_SIZE,
    on_file: Callable[[int, int], None] | None = None,
    on_batch: Callable[[RunReport], None] | None = None,
) -> RunReport:
    """Ingest, clean and store everything under `paths`.

    on_file (callable): progress hook called with (files done, files total).
    on_batch (callable): progress hook called with the report after each stored batch.
    RETURNS: a RunReport; failures are also stored in the `failures` table.
    """
    report = RunReport()
    unsaved: list[Failure] = []  # failures not yet written: they go with the next batch

    def fail(failure: Failure) -> None:
        logger.warning("%s", failure.detail)
        report.failures.append(failure)
        unsaved.append(failure)

    files: list[Path] = []
    for item in expand_paths(paths):
        if isinstance(item, Failure):
            fail(item)
        else:
            files.append(item)
    report.files = len(files)

    def documents() -> Iterator[Document]:
        for done, path in enumerate(files, start=1):
            for item in read_file(path):
                if isinstance(item, Failure):
                    fail(item)
                else:
                    report.documents += 1
                    yield item
            if on_file:
                on_file(done, len(files))

    for batch in _batches(documents(), batch_size):
        known = store.known_ids(doc.id for doc in batch)
        unique = {doc.id: doc for doc in batch if doc.id not in known}
        report.skipped += len(batch) - len(unique)
        cleaned, analyses, failed = process_documents(list(unique.values()))
        for failure in failed:
            fail(failure)
        store.write_batch(cleaned, unsaved, analyses)
        unsaved.clear()
        report.stored += len(cleaned)
        if on_batch:
            on_batch(report)
    if unsaved:
        store.write_batch([], unsaved)
    update_corpus(store, story_embeddings=default_settings().corpus_story_embeddings)
    return report

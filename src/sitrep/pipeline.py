"""The whole pipeline as far as it exists: ingest → clean → store, in resumable batches.

Each batch is written in one transaction; documents already in the store are skipped
before any work is spent on them, so a killed run resumes where it stopped.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.clean import clean_documents
from sitrep.ingest import expand_paths, read_file
from sitrep.model import CleanDocument, Document, Failure
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


def run_pipeline(
    paths: Iterable[str],
    store: Store,
    *,
    batch_size: int = BATCH_SIZE,
    on_file: Callable[[int, int], None] | None = None,
) -> RunReport:
    """Ingest, clean and store everything under `paths`.

    on_file (callable): progress hook called with (files done, files total).
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
        cleaned: list[CleanDocument] = []
        for result in clean_documents(list(unique.values())):
            if isinstance(result, Failure):
                fail(result)
            else:
                cleaned.append(result)
        store.write_batch(cleaned, unsaved)
        unsaved.clear()
        report.stored += len(cleaned)
    if unsaved:
        store.write_batch([], unsaved)
    return report

"""The Python interface for notebooks: `Corpus` over a store, `process` for texts in memory.

    >>> import sitrep
    >>> corpus = sitrep.open("sitrep.duckdb")
    >>> corpus.events(actor="IRN_IRGC", min_confidence=0.5)      # a Polars DataFrame
    >>> corpus.events().to_pandas()                              # pandas, when pandas is installed
    >>> sitrep.process(["Iran sent 2,000 troops to Idlib on Monday, officials said."])

Frames hold the flat summary rows of `sitrep.exports.rows` (one scalar per column);
`Corpus.event_records` gives the nested PLOVER records with all evidence. `process` runs the
same clean, NLP and event stages as `sitrep run`, without a store.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import polars as pl

from sitrep.exports.rows import EVENT_COLUMNS, event_row
from sitrep.model import Analysis, CleanDocument, Document, Failure, to_dict
from sitrep.store import Store, queries

BATCH_SIZE = 64
MEMORY_SOURCE = "memory"


# Types of the non-text columns, for frames with no rows (nothing to infer them from): a filter
# such as `frame["conflict"].all()` must work on an empty result too.
COLUMN_TYPES = {"conflict": pl.Boolean, "quad_code": pl.Int64, "lat": pl.Float64, "lon": pl.Float64,
                "magnitude": pl.Float64, "confidence": pl.Float64}


def _frame(rows: list[dict[str, Any]], columns: Sequence[str] | None = None) -> pl.DataFrame:
    """A DataFrame whose columns exist, typed, even when there are no rows; types inferred from all rows."""
    if not rows:
        return pl.DataFrame(schema={name: COLUMN_TYPES.get(name, pl.Utf8) for name in columns or ()})
    return pl.DataFrame(rows, infer_schema_length=None)


def _all_pages(fetch: Callable[[int, int], tuple[list[dict[str, Any]], int]]) -> list[dict[str, Any]]:
    """Every item of a paged query function `fetch(limit, offset) -> (items, total)`."""
    items: list[dict[str, Any]] = []
    while True:
        page, total = fetch(queries.MAX_LIMIT, len(items))
        items += page
        if not page or len(items) >= total:
            return items


class Corpus:
    """A read-only view of one store as DataFrames; use as a context manager or call `close()`.

    db (str | Path): the DuckDB store written by `sitrep run`.
    """

    def __init__(self, db: str | Path) -> None:
        self.store = Store(db, read_only=True)

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def event_records(self, **filters: Any) -> list[dict[str, Any]]:
        """The PLOVER records (nested, with evidence) matching `filters` (see `queries.list_events`)."""
        return list(queries.iter_events(self.store, queries.EventFilters(**filters)))

    def events(self, **filters: Any) -> pl.DataFrame:
        """One row per event (columns `EVENT_COLUMNS`); filters as `queries.list_events`."""
        return _frame([event_row(r) for r in self.event_records(**filters)], EVENT_COLUMNS)

    def documents(self, outlet: str | None = None, q: str | None = None) -> pl.DataFrame:
        """One row per document: best metadata values, text length, comment and event counts."""
        return _frame(_all_pages(lambda limit, offset: queries.list_documents(self.store, outlet, q, limit, offset)),
                      ("id", "source", "title", "outlet", "published"))

    def stories(self) -> pl.DataFrame:
        """One row per story (see `sitrep.store.corpus.list_stories`)."""
        from sitrep.store.corpus import list_stories

        return _frame([_flat(row) for row in list_stories(self.store)], ("id",))

    def claims(self, story_id: str | None = None, conflicts_only: bool = False) -> pl.DataFrame:
        """One row per claim (see `sitrep.store.corpus.list_claims`)."""
        from sitrep.store.corpus import list_claims

        rows = list_claims(self.store, story_id=story_id, conflicts_only=conflicts_only)
        return _frame([_flat(row) for row in rows], ("id", "story_id", "conflict"))


def _nested(value: Any) -> bool:
    return isinstance(value, dict) or (isinstance(value, (list, tuple)) and any(isinstance(v, dict) for v in value))


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    """Records (dicts, lists of dicts) as JSON text; lists of plain values stay lists (Polars list columns)."""
    return {key: json.dumps(value, ensure_ascii=False) if _nested(value) else value for key, value in row.items()}


# -- in memory ----------------------------------------------------------------------------


def document_of(item: str | dict[str, Any], source: str) -> Document:
    """A `Document` from a text, or from a dict with text or html and optional url/outlet/title/date.

    RAISES: SitrepError E006 when the dict has no text; TypeError for anything else.
    """
    from sitrep.ingest.readers import document_from_record

    if isinstance(item, str):
        item = {"text": item}
    if not isinstance(item, dict):
        raise TypeError(f"{source}: a text or a dict with 'text' or 'html' is expected, got {type(item).__name__}")
    return document_from_record(item, json.dumps(item, ensure_ascii=False).encode("utf-8"), source)


def result_of(clean: CleanDocument, analysis: Analysis) -> dict[str, Any]:
    """One processed document as plain data: metadata values, text, mentions and PLOVER events."""
    meta = clean.metadata
    return {
        "id": clean.doc.id, "source": clean.doc.source, "title": meta.title.value, "outlet": meta.outlet.value,
        "published": meta.published.value, "text": clean.text, "metadata": to_dict(meta),
        "events": [to_dict(event) for event in analysis.events],
        "actors": [to_dict(m) for m in analysis.actors], "places": [to_dict(m) for m in analysis.places],
        "times": [to_dict(m) for m in analysis.times], "quantities": [to_dict(m) for m in analysis.quantities],
        "quotes": [to_dict(m) for m in analysis.quotes], "failures": [],
    }


def _failed(source: str, doc_id: str | None, failures: Iterable[Failure]) -> dict[str, Any]:
    return {"id": doc_id, "source": source, "events": [],
            "failures": [{"stage": f.stage, "code": f.code, "detail": f.detail} for f in failures]}


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def process(texts: Iterable[str | dict[str, Any]]) -> list[dict[str, Any]]:
    """Run clean + NLP + events on texts in memory, one result dict per input, in input order.

    texts: plain texts, or dicts with "text" or "html" and optional "url", "outlet", "title", "date".
    RETURNS: dicts with id, source, title, outlet, published, text, metadata, events (PLOVER),
        actors, places, times, quantities, quotes and failures (empty unless a stage failed,
        in which case only id, source, events=[] and failures are set).
    """
    from sitrep.errors import SitrepError

    results: list[dict[str, Any]] = []
    for chunk in _chunks(enumerate(texts), BATCH_SIZE):
        docs: list[Document] = []
        slots: list[tuple[str, Document | None, Failure | None]] = []
        for index, item in chunk:
            source = f"{MEMORY_SOURCE}#{index}"
            try:
                doc = document_of(item, source)
            except SitrepError as exc:
                slots.append((source, None, Failure(source, "ingest", exc.code, str(exc))))
                continue
            docs.append(doc)
            slots.append((source, doc, None))
        from sitrep.pipeline import (
            process_documents,  # lazy: keeps `import sitrep` light
        )

        cleaned, analyses, failures = process_documents(docs)
        by_id = {analysis.doc_id: analysis for analysis in analyses}
        done = {clean.doc.source: result_of(clean, by_id[clean.doc.id]) for clean in cleaned}
        for source, doc, failure in slots:
            if source in done:
                results.append(done[source])
            else:
                blamed = [failure] if failure else [f for f in failures if f.source == source or f.doc_id == doc.id]
                results.append(_failed(source, doc.id if doc else None, blamed))
    return results

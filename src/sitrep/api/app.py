"""The REST API (FastAPI) over one store, and the web UI's static files.

Read-only by default: the store is opened read-only and POST /api/ingest answers 403 unless
the app was created with `enable_ingest=True`. A bad query parameter is a 422 naming it
(FastAPI's own checks for types and ranges, `queries.QueryError` for the rest); an unknown
id is a 404. One DuckDB connection serves every request, so requests take a lock around it:
FastAPI runs plain `def` endpoints on a thread pool, and a connection is not thread-safe.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from sitrep.api.schemas import (
    Actor,
    Claim,
    DocumentDetail,
    DocumentSummary,
    EventRecord,
    IngestFailure,
    IngestRequest,
    IngestResult,
    Page,
    Place,
    StoryDetail,
    StorySummary,
)
from sitrep.store import Store, queries
from sitrep.store.queries import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, QueryError

logger = logging.getLogger(__name__)

T = TypeVar("T")
API_TITLE = "sitrep"
INGEST_SOURCE = "api:ingest"
STATIC_PACKAGE = "sitrep.web"
STATIC_FOLDER = "static"
QUERY_NAMES = {"event_type": "type"}  # query function parameter -> its name in the URL


def _static_dir() -> Path | None:
    folder = Path(str(resources.files(STATIC_PACKAGE).joinpath(STATIC_FOLDER)))
    return folder if folder.is_dir() else None


def _page(items: Sequence[T], limit: int, offset: int) -> dict[str, Any]:
    """A page of a list computed in full (actors, places, stories, claims: small tables)."""
    return {"items": list(items[offset:offset + limit]), "total": len(items), "limit": limit, "offset": offset}


def _not_found(kind: str, item_id: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"no {kind} with id {item_id!r}")


LIMIT = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"page size, 1 to {MAX_LIMIT}")
OFFSET = Query(0, ge=0, le=MAX_OFFSET, description="items to skip")


def create_app(db_path: str | Path, enable_ingest: bool = False) -> FastAPI:
    """The API over the store at `db_path`.

    enable_ingest (bool): open the store for writing and accept POST /api/ingest.
    RAISES: FileNotFoundError when the store is missing and ingest is off.
    """
    store = Store(db_path, read_only=not enable_ingest)
    lock = threading.Lock()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title=API_TITLE, summary="Sourced, geolocated PLOVER events from news pages.", lifespan=lifespan)
    app.state.store = store

    def answer(call: Callable[[Store], T]) -> T:
        with lock:
            return call(store)

    @app.exception_handler(QueryError)
    async def _bad_parameter(request: Request, exc: QueryError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": [
            {"loc": ["query", QUERY_NAMES.get(exc.param, exc.param)], "msg": exc.message, "type": "value_error"}]})

    @app.get("/api/documents", response_model=Page[DocumentSummary], tags=["documents"])
    def documents(
        outlet: str | None = Query(None, description="outlet name, case-insensitive"),
        q: str | None = Query(None, description="substring of the title or main text, case-insensitive"),
        limit: int = LIMIT, offset: int = OFFSET,
    ) -> dict[str, Any]:
        items, total = answer(lambda s: queries.list_documents(s, outlet, q, limit, offset))
        return {"items": items, "total": total, "limit": limit, "offset": offset}

    @app.get("/api/documents/{doc_id}", response_model=DocumentDetail, tags=["documents"])
    def document(doc_id: str) -> dict[str, Any]:
        row = answer(lambda s: queries.get_document(s, doc_id))
        if row is None:
            raise _not_found("document (or the prefix matches several)", doc_id)
        return row

    @app.get("/api/events", response_model=Page[EventRecord], tags=["events"])
    def events(
        actor: str | None = Query(None, description="KB id, actor code or words naming an actor or recipient"),
        event_type: str | None = Query(None, alias="type", description="PLOVER category, e.g. ASSAULT"),
        place: str | None = Query(None, description="place name, province, country name or code, or place id"),
        date_from: str | None = Query(None, description="ISO date (YYYY[-MM[-DD]]): events ending on or after"),
        date_to: str | None = Query(None, description="ISO date: events starting on or before"),
        outlet: str | None = Query(None, description="publishing outlet"),
        mode: str | None = Query(None, description="PLOVER mode, e.g. troops"),
        aux_mode: str | None = Query(None, description=f"auxiliary mode, '{queries.NO_AUX_MODE}': plain assertions"),
        min_confidence: float | None = Query(None, ge=0, le=1, description="lowest confidence, 0 to 1"),
        doc_id: str | None = Query(None, description="document id or prefix"),
        limit: int = LIMIT, offset: int = OFFSET,
    ) -> dict[str, Any]:
        items, total = answer(lambda s: queries.list_events(
            s, actor=actor, event_type=event_type, place=place, date_from=date_from, date_to=date_to,
            outlet=outlet, mode=mode, aux_mode=aux_mode, min_confidence=min_confidence, doc_id=doc_id,
            limit=limit, offset=offset))
        return {"items": items, "total": total, "limit": limit, "offset": offset}

    @app.get("/api/events/{event_id}", response_model=EventRecord, tags=["events"])
    def event(event_id: str) -> dict[str, Any]:
        record = answer(lambda s: queries.get_event(s, event_id))
        if record is None:
            raise _not_found("event", event_id)
        return record

    @app.get("/api/stories", response_model=Page[StorySummary], tags=["stories"])
    def stories(limit: int = LIMIT, offset: int = OFFSET) -> dict[str, Any]:
        from sitrep.store.corpus import list_stories

        return _page(answer(list_stories), limit, offset)

    @app.get("/api/stories/{story_id}", response_model=StoryDetail, tags=["stories"])
    def story(story_id: str) -> dict[str, Any]:
        from sitrep.store.corpus import get_story

        row = answer(lambda s: get_story(s, story_id))
        if row is None:
            raise _not_found("story", story_id)
        return row

    @app.get("/api/claims", response_model=Page[Claim], tags=["stories"])
    def claims(
        story_id: str | None = Query(None, description="only the claims of this story"),
        conflicts_only: bool = Query(False, description="only claims that disagree with another report"),
        limit: int = LIMIT, offset: int = OFFSET,
    ) -> dict[str, Any]:
        from sitrep.store.corpus import list_claims

        rows = answer(lambda s: list_claims(s, story_id=story_id, conflicts_only=conflicts_only))
        return _page(rows, limit, offset)

    @app.get("/api/actors", response_model=Page[Actor], tags=["entities"])
    def actors(limit: int = LIMIT, offset: int = OFFSET) -> dict[str, Any]:
        return _page(answer(queries.list_actors), limit, offset)

    @app.get("/api/places", response_model=Page[Place], tags=["entities"])
    def places(limit: int = LIMIT, offset: int = OFFSET) -> dict[str, Any]:
        return _page(answer(queries.list_places), limit, offset)

    @app.post("/api/ingest", response_model=IngestResult, tags=["ingest"],
              responses={403: {"description": "ingest is disabled (start with --enable-ingest)"},
                         422: {"description": "no article text could be extracted"}})
    def ingest(page: IngestRequest) -> dict[str, Any]:
        if not enable_ingest:
            raise HTTPException(status_code=403, detail="ingest is disabled: start the server with --enable-ingest")
        return answer(lambda s: _ingest(s, page))

    static = _static_dir()
    if static is not None:
        app.mount("/", StaticFiles(directory=static, html=True), name="web")
    return app


def _ingest(store: Store, page: IngestRequest) -> dict[str, Any]:
    """Run the pipeline on one page and store it; a page already stored is returned as it is."""
    from sitrep.notebook import document_of
    from sitrep.pipeline import process_documents

    record = page.model_dump(exclude_none=True)
    doc = document_of(record, page.url or INGEST_SOURCE)
    if store.known_ids([doc.id]):
        row = queries.get_document(store, doc.id)
        found, _ = queries.list_events(store, doc_id=doc.id, limit=MAX_LIMIT)
        meta = row["metadata"]
        return {"id": doc.id, "stored": False, "title": (meta.get("title") or {}).get("value"),
                "published": (meta.get("published") or {}).get("value"), "events": found}
    cleaned, analyses, failures = process_documents([doc])
    store.write_batch(cleaned, failures, analyses)
    if not cleaned:
        raise HTTPException(status_code=422, detail=[IngestFailure(code=f.code, detail=f.detail).model_dump()
                                                     for f in failures])
    found, _ = queries.list_events(store, doc_id=doc.id, limit=MAX_LIMIT)
    logger.info("ingested %s from %s: %s events", doc.id, doc.source, len(found))
    meta = cleaned[0].metadata
    return {"id": doc.id, "stored": True, "title": meta.title.value, "published": meta.published.value,
            "events": found, "failures": [{"code": f.code, "detail": f.detail} for f in failures]}

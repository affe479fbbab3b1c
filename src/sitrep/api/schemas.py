"""Pydantic response and request models of the REST API.

The event and document models are derived from the dataclasses of `sitrep.model`, so the
OpenAPI schema at /openapi.json documents exactly the records the pipeline writes (with the
dataclasses' docstrings) and cannot drift from them.
"""
from __future__ import annotations

import dataclasses
import typing
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator

from sitrep import model

T = TypeVar("T")


def record_model(cls: type, **extra: Any) -> type[BaseModel]:
    """A pydantic model with the fields (types, defaults, docstring) of a model dataclass, plus `extra`.

    extra: name -> (type, default) for fields the API adds to the record.
    """
    hints = typing.get_type_hints(cls)
    fields: dict[str, Any] = {}
    for item in dataclasses.fields(cls):
        if item.default is not dataclasses.MISSING:
            default = item.default
        elif item.default_factory is not dataclasses.MISSING:
            default = Field(default_factory=item.default_factory)
        else:
            default = ...
        fields[item.name] = (hints[item.name], default)
    return create_model(cls.__name__ + "Record", __doc__=cls.__doc__, **fields, **extra)


EventRecord = record_model(model.Event, outlet=(str | None, None))


class Page(BaseModel, Generic[T]):
    """One page of a list: `total` matches in all, `items` from `offset`, at most `limit`."""

    items: list[T]
    total: int
    limit: int
    offset: int


class DocumentSummary(BaseModel):
    """A stored document with its best metadata values (evidence: GET /api/documents/{id})."""

    id: str
    source: str
    media_type: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    dateline: str | None = None
    url: str | None = None
    published: str | None = None
    published_earliest: str | None = None
    published_latest: str | None = None
    published_precision: str | None = None
    published_confidence: float | None = None
    text_chars: int | None = None
    comments: int
    events: int


class DocumentDetail(BaseModel):
    """A whole document: cleaned main text, metadata with evidence, reader comments."""

    id: str
    source: str
    media_type: str
    encoding: str | None = None
    fetched_at: str | None = None
    raw_hash: str
    hints: dict[str, str]
    text: str | None = None
    method: str | None = None
    metadata: model.Metadata
    comments: list[model.Comment]
    events: int


class Actor(BaseModel):
    """A resolved actor (KB id) with how often the corpus mentions it and codes it in events."""

    id: str
    name: str | None = None
    code: str | None = None
    actor_type: str | None = None
    country: str | None = None
    mentions: int
    documents: int
    events: int


class Place(BaseModel):
    """A resolved place (gazetteer id) with coordinates and counts."""

    id: str
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    feature: str | None = None
    mentions: int
    documents: int
    events: int


class StorySummary(BaseModel):
    """A story: the documents about one happening, with its outlets and claim counts."""

    model_config = ConfigDict(extra="allow")

    id: str
    title: str | None = None
    doc_ids: list[str]
    outlets: list[str]
    first_seen: str | None = None
    last_seen: str | None = None
    n_events: int
    n_claims: int
    n_conflicts: int


class StoryDocument(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None


class MergedEvent(BaseModel):
    """One happening as several reports give it; every report is kept (`reports`)."""

    model_config = ConfigDict(extra="allow")

    id: str
    event: str
    actor: str | None = None
    recipient: str | None = None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    date: str | None = None
    reports: list[dict[str, Any]]


class Claim(BaseModel):
    """One value one report gives about a merged event, with its attribution chain and evidence."""

    model_config = ConfigDict(extra="allow")

    id: str
    story_id: str
    merged_event_id: str
    attribute: str
    value: str
    outlet: str | None = None
    doc_id: str
    chain: list[model.AttributionLink]
    first_seen: str | None = None
    conflict: bool
    evidence: list[model.Evidence]


class StoryDetail(BaseModel):
    """Everything about one story: documents, merged events, claims, attribution chains, framing."""

    model_config = ConfigDict(extra="allow")

    id: str
    title: str | None = None
    documents: list[StoryDocument]
    merged_events: list[MergedEvent]
    claims: list[Claim]
    chains: list[dict[str, Any]]
    framing: list[dict[str, Any]]
    duplicates: list[dict[str, Any]]


class IngestRequest(BaseModel):
    """One page to run through the pipeline: its text or its HTML, and what is known about it."""

    text: str | None = None
    html: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    date: str | None = None

    @model_validator(mode="after")
    def _one_body(self) -> IngestRequest:
        if bool(self.text and self.text.strip()) == bool(self.html and self.html.strip()):
            raise ValueError("give exactly one of 'text' or 'html', not empty")
        return self


class IngestFailure(BaseModel):
    code: str
    detail: str


class IngestResult(BaseModel):
    """What the pipeline made of an ingested page; `stored` is False when it was already there."""

    id: str
    stored: bool
    title: str | None = None
    published: str | None = None
    events: list[EventRecord]  # type: ignore[valid-type]
    failures: list[IngestFailure] = []

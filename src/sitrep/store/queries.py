"""Read-side queries over the store: documents, events, actors and places, with checked filters.

The API, the CLI, the exports and the notebook interface all read through these functions,
so a filter means the same thing everywhere. Every parameter is checked before any SQL runs:
a bad value raises `QueryError` (a ValueError naming the parameter), which the API turns into
a 422 and the CLI into a usage error. Paged functions return `(items, total)`, total being
the number of matches before `limit`/`offset`.

Event dates are spans: an event matches `date_from`/`date_to` when [date, enddate] overlaps
the asked range. Dates may be partial ("2015", "2015-03"); a partial date covers its whole
year or month, which plain string comparison gets right once the upper end is padded with a
character that sorts after every digit (`DATE_END_PAD`).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sitrep.store.db import Store

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
EXPORT_PAGE = 500
MAX_OFFSET = 2**62  # DuckDB's OFFSET is a BIGINT
ISO_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
DATE_END_PAD = "~"  # sorts after "0"-"9" and "-": "2015~" >= every date inside 2015
NO_AUX_MODE = "none"  # aux_mode filter value for plainly asserted events


class QueryError(ValueError):
    """A query parameter with a value the store cannot answer; `param` names it."""

    def __init__(self, param: str, message: str) -> None:
        self.param = param
        self.message = message
        super().__init__(f"{param}: {message}")


def check_page(limit: int, offset: int) -> None:
    """RAISES: QueryError unless 1 <= limit <= MAX_LIMIT and 0 <= offset <= MAX_OFFSET."""
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise QueryError("limit", f"must be an integer from 1 to {MAX_LIMIT}, got {limit!r}")
    if isinstance(offset, bool) or not isinstance(offset, int) or not 0 <= offset <= MAX_OFFSET:
        raise QueryError("offset", f"must be an integer from 0 to {MAX_OFFSET}, got {offset!r}")


def check_date(param: str, value: str | None) -> str | None:
    """An ISO date, year-month or year, checked for a real calendar date; None passes through."""
    if value is None:
        return None
    match = ISO_DATE.match(value.strip()) if isinstance(value, str) else None
    if match is None:
        raise QueryError(param, f"must be an ISO date YYYY-MM-DD, YYYY-MM or YYYY, got {value!r}")
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        date(year, month, day)
    except ValueError as exc:
        raise QueryError(param, f"{value!r} is not a calendar date ({exc})") from exc
    return match.group(0)


def check_confidence(value: float | None) -> float | None:
    """A confidence threshold between 0 and 1; None passes through."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise QueryError("min_confidence", f"must be a number from 0 to 1, got {value!r}")
    return float(value)


def _event_type(value: str | None) -> str | None:
    """The PLOVER category named (aliases such as FIGHT -> ASSAULT accepted), case-insensitive."""
    if value is None:
        return None
    from sitrep.events.lexicon import (
        load_ontology,  # the events package pulls spaCy: only when asked
    )

    ontology = load_ontology()
    name = ontology.aliases.get(value.strip().upper(), value.strip().upper())
    if name not in ontology.events:
        raise QueryError("event_type", f"unknown PLOVER event {value!r}; one of {', '.join(sorted(ontology.events))}")
    return name


def _aux_mode(value: str | None) -> str | None:
    if value is None:
        return None
    from sitrep.events.lexicon import load_ontology

    known = load_ontology().aux_order
    name = value.strip().lower()
    if name != NO_AUX_MODE and name not in known:
        raise QueryError("aux_mode", f"unknown auxiliary mode {value!r}; one of {NO_AUX_MODE}, {', '.join(known)}")
    return name


def _text(param: str, value: str | None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise QueryError(param, "must be a non-empty string")
    return value.strip()


@dataclass(frozen=True, slots=True)
class EventFilters:
    """Checked event filters; building one raises QueryError on a bad value.

    actor: KB id, actor code or the words naming an actor or recipient (case-insensitive).
    event_type: PLOVER category. place: place name, province, country name or code, or place id.
    outlet: the publishing outlet. mode / aux_mode: PLOVER mode; auxiliary mode ("none" for
    plainly asserted events). min_confidence: 0..1. doc_id: a document id or its prefix.
    """

    actor: str | None = None
    event_type: str | None = None
    place: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    outlet: str | None = None
    mode: str | None = None
    aux_mode: str | None = None
    min_confidence: float | None = None
    doc_id: str | None = None

    def __post_init__(self) -> None:
        for name in ("actor", "place", "outlet", "mode", "doc_id"):
            object.__setattr__(self, name, _text(name, getattr(self, name)))
        object.__setattr__(self, "event_type", _event_type(_text("event_type", self.event_type)))
        object.__setattr__(self, "aux_mode", _aux_mode(_text("aux_mode", self.aux_mode)))
        object.__setattr__(self, "date_from", check_date("date_from", self.date_from))
        object.__setattr__(self, "date_to", check_date("date_to", self.date_to))
        object.__setattr__(self, "min_confidence", check_confidence(self.min_confidence))
        if self.date_from and self.date_to and self.date_from > self.date_to + DATE_END_PAD:
            raise QueryError("date_from", f"{self.date_from} is after date_to {self.date_to}")

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition over `events e JOIN metadata m` and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor:
            clauses.append(
                "len(list_filter(list_concat(e.detail->>'$.actor[*].identifier', e.detail->>'$.actor[*].code',"
                " e.detail->>'$.actor[*].entity_text', e.detail->>'$.recipient[*].identifier',"
                " e.detail->>'$.recipient[*].code', e.detail->>'$.recipient[*].entity_text'),"
                " lambda x: lower(x) = lower(?))) > 0")
            params.append(self.actor)
        if self.event_type:
            clauses.append("e.event = ?")
            params.append(self.event_type)
        if self.place:
            clauses.append(
                "list_contains([lower(e.place), lower(e.country_code), lower(e.detail->>'$.event_loc.extracted_place'),"
                " lower(e.detail->>'$.event_loc.province'), lower(e.detail->>'$.event_loc.country'),"
                " lower(e.detail->>'$.event_loc.place_id')], lower(?))")
            params.append(self.place)
        if self.date_from:
            clauses.append("coalesce(e.detail->>'$.enddate', e.date) || ? >= ?")
            params += [DATE_END_PAD, self.date_from]
        if self.date_to:
            clauses.append("e.date <= ? || ?")
            params += [self.date_to, DATE_END_PAD]
        if self.outlet:
            clauses.append("lower(coalesce(m.outlet, e.detail->>'$.cite_info.publication')) = lower(?)")
            params.append(self.outlet)
        if self.mode:
            clauses.append("lower(e.mode) = lower(?)")
            params.append(self.mode)
        if self.aux_mode == NO_AUX_MODE:
            clauses.append("coalesce(e.aux_mode, '') = ''")
        elif self.aux_mode:
            clauses.append("list_contains(string_split(e.aux_mode, ','), ?)")
            params.append(self.aux_mode)
        if self.min_confidence is not None:
            clauses.append("e.confidence >= ?")
            params.append(self.min_confidence)
        if self.doc_id:
            clauses.append("starts_with(e.doc_id, ?)")
            params.append(self.doc_id)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


EVENTS_FROM = "FROM events e LEFT JOIN metadata m ON m.doc_id = e.doc_id"
EVENTS_ORDER = " ORDER BY e.date NULLS LAST, e.doc_id, CAST(e.detail->>'$.text_info.start' AS INTEGER), e.id"


def _event_record(detail: str, outlet: str | None) -> dict[str, Any]:
    """The stored PLOVER record plus the outlet of its document."""
    record = json.loads(detail)
    record["outlet"] = outlet
    return record


def _count(store: Store, sql: str, params: Sequence[Any]) -> int:
    return store.con.execute(sql, list(params)).fetchone()[0]


def list_events(
    store: Store,
    actor: str | None = None,
    event_type: str | None = None,
    place: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    outlet: str | None = None,
    mode: str | None = None,
    aux_mode: str | None = None,
    min_confidence: float | None = None,
    doc_id: str | None = None,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """One page of PLOVER event records (each with "outlet") matching every filter given.

    Filters: see `EventFilters`. RETURNS: (records ordered by date, document, position; total).
    RAISES: QueryError on a bad parameter.
    """
    filters = EventFilters(actor, event_type, place, date_from, date_to, outlet, mode, aux_mode,
                           min_confidence, doc_id)
    check_page(limit, offset)
    return filtered_events(store, filters, limit, offset)


def filtered_events(
    store: Store, filters: EventFilters, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """`list_events` with filters already built (the exports reuse it page by page)."""
    where, params = filters.where()
    total = _count(store, f"SELECT count(*) {EVENTS_FROM}{where}", params)
    rows = store.con.execute(
        f"SELECT e.detail, m.outlet {EVENTS_FROM}{where}{EVENTS_ORDER} LIMIT ? OFFSET ?", [*params, limit, offset]
    ).fetchall()
    return [_event_record(detail, outlet) for detail, outlet in rows], total


def iter_events(store: Store, filters: EventFilters | None = None) -> Iterator[dict[str, Any]]:
    """Every matching event record, read a page at a time (for exports of any size)."""
    filters = filters or EventFilters()
    offset = 0
    while True:
        items, total = filtered_events(store, filters, EXPORT_PAGE, offset)
        yield from items
        offset += len(items)
        if not items or offset >= total:
            return


def get_event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One PLOVER event record with its outlet; None if no event has that id."""
    row = store.con.execute(f"SELECT e.detail, m.outlet {EVENTS_FROM} WHERE e.id = ?", [event_id]).fetchone()
    return _event_record(*row) if row else None


DOCUMENTS_FROM = (
    "FROM documents d LEFT JOIN metadata m ON m.doc_id = d.id LEFT JOIN texts t ON t.doc_id = d.id"
)


def list_documents(
    store: Store,
    outlet: str | None = None,
    q: str | None = None,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """One page of document summaries (flat metadata values, counts), ordered by source.

    outlet (str): the outlet, case-insensitive. q (str): words that must occur in the title
    or the main text, as one case-insensitive substring.
    RAISES: QueryError on a bad parameter.
    """
    outlet, q = _text("outlet", outlet), _text("q", q)
    check_page(limit, offset)
    clauses, params = [], []
    if outlet:
        clauses.append("lower(m.outlet) = lower(?)")
        params.append(outlet)
    if q:
        clauses.append("(contains(lower(coalesce(m.title, '')), lower(?))"
                       " OR contains(lower(coalesce(t.text, '')), lower(?)))")
        params += [q, q]
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    total = _count(store, f"SELECT count(*) {DOCUMENTS_FROM}{where}", params)
    items = store._dicts(
        "SELECT d.id, d.source, d.media_type, m.title, m.outlet, m.author, m.dateline, m.url, m.published,"
        " m.published_earliest, m.published_latest, m.published_precision, m.published_confidence,"
        " length(t.text) AS text_chars,"
        " (SELECT count(*) FROM comments c WHERE c.doc_id = d.id) AS comments,"
        " (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events"
        f" {DOCUMENTS_FROM}{where} ORDER BY d.source, d.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return items, total


def get_document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """The whole document (see `Store.get_document`) plus its number of events; None if unknown."""
    row = store.get_document(doc_id)
    if row is not None:
        row["events"] = _count(store, "SELECT count(*) FROM events WHERE doc_id = ?", [row["id"]])
    return row


def list_actors(store: Store) -> list[dict[str, Any]]:
    """Every resolved actor (KB id) mentioned or coded in an event, most mentioned first.

    Each row: id, name, code, actor_type, country, mentions, documents, events.
    """
    return store._dicts(
        "WITH mentioned AS ("
        "  SELECT resolved AS id, any_value(detail->>'$.name') AS name, any_value(detail->>'$.code') AS code,"
        "   any_value(detail->>'$.actor_type') AS actor_type, any_value(detail->>'$.country') AS country,"
        "   count(*) AS mentions, count(DISTINCT doc_id) AS documents"
        "  FROM mentions WHERE kind = 'actor' AND resolved IS NOT NULL GROUP BY resolved),"
        " coded AS ("
        "  SELECT entity->>'identifier' AS id, any_value(entity->>'code') AS code,"
        "   count(DISTINCT event_id) AS events, count(DISTINCT doc_id) AS documents"
        "  FROM (SELECT id AS event_id, doc_id,"
        "   unnest(list_concat(detail->'$.actor[*]', detail->'$.recipient[*]')) AS entity FROM events)"
        "  WHERE entity->>'identifier' IS NOT NULL GROUP BY 1)"
        " SELECT coalesce(m.id, c.id) AS id, m.name, coalesce(m.code, c.code) AS code, m.actor_type, m.country,"
        "  coalesce(m.mentions, 0) AS mentions, coalesce(m.documents, c.documents) AS documents,"
        "  coalesce(c.events, 0) AS events"
        " FROM mentioned m FULL OUTER JOIN coded c ON c.id = m.id ORDER BY mentions DESC, events DESC, id"
    )


def list_places(store: Store) -> list[dict[str, Any]]:
    """Every resolved place (gazetteer id) mentioned or used as an event location, most mentioned first.

    Each row: id, name, lat, lon, country_code, admin1, feature, mentions, documents, events.
    """
    return store._dicts(
        "WITH mentioned AS ("
        "  SELECT resolved AS id, any_value(detail->>'$.name') AS name,"
        "   any_value(CAST(detail->>'$.lat' AS DOUBLE)) AS lat, any_value(CAST(detail->>'$.lon' AS DOUBLE)) AS lon,"
        "   any_value(detail->>'$.country_code') AS country_code, any_value(detail->>'$.admin1') AS admin1,"
        "   any_value(detail->>'$.feature') AS feature, count(*) AS mentions, count(DISTINCT doc_id) AS documents"
        "  FROM mentions WHERE kind = 'place' AND resolved IS NOT NULL GROUP BY resolved),"
        " located AS ("
        "  SELECT detail->>'$.event_loc.place_id' AS id, any_value(place) AS name, any_value(lat) AS lat,"
        "   any_value(lon) AS lon, any_value(country_code) AS country_code,"
        "   any_value(detail->>'$.event_loc.province') AS admin1,"
        "   any_value(detail->>'$.event_loc.resolution') AS feature, count(*) AS events,"
        "   count(DISTINCT doc_id) AS documents"
        "  FROM events WHERE detail->>'$.event_loc.place_id' IS NOT NULL GROUP BY 1)"
        " SELECT coalesce(m.id, l.id) AS id, coalesce(m.name, l.name) AS name, coalesce(m.lat, l.lat) AS lat,"
        "  coalesce(m.lon, l.lon) AS lon, coalesce(m.country_code, l.country_code) AS country_code,"
        "  coalesce(m.admin1, l.admin1) AS admin1, coalesce(m.feature, l.feature) AS feature,"
        "  coalesce(m.mentions, 0) AS mentions, coalesce(m.documents, l.documents) AS documents,"
        "  coalesce(l.events, 0) AS events"
        " FROM mentioned m FULL OUTER JOIN located l ON l.id = m.id ORDER BY mentions DESC, events DESC, id"
    )

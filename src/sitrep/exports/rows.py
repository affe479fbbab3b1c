"""Events as flat rows: the summary row (CSV, tables, GeoJSON properties) and the ACLED-style row.

A PLOVER record nests actors, location and magnitude; spreadsheets, GIS tools and data frames
want one scalar per column. Both row shapes are computed here from the stored record only, so
every value still traces back to the evidence in the PLOVER export. Values the text does not
give stay empty: nothing is filled in to look like ACLED (no 0 fatalities for "unknown").
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

LIST_SEPARATOR = "; "
# ACLED geo_precision: 1 the town itself, 2 a part of a region / near a town, 3 a province or larger.
# A gazetteer feature not listed (region, water, ...) counts as the coarsest: precision is never overstated.
GEO_PRECISION = {"city": 1, "town": 1, "village": 1, "locality": 1, "admin2": 2}
COARSEST_GEO_PRECISION = 3
DAY_LENGTH = len("YYYY-MM-DD")

EVENT_COLUMNS = (
    "id", "doc_id", "date", "enddate", "event", "quad_code", "mode", "aux_mode", "actor", "actor_code",
    "recipient", "recipient_code", "place", "country_code", "lat", "lon", "magnitude", "magnitude_unit",
    "confidence", "outlet", "text",
)
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "actor2", "assoc_actor_2", "country", "iso", "admin1", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "magnitude", "magnitude_unit", "aux_mode",
    "confidence", "doc_id",
)


def entity_name(entity: dict[str, Any]) -> str:
    """An actor as one string: its KB id when resolved, else the words that name it."""
    return entity.get("identifier") or entity.get("entity_text") or ""


def _names(entities: Sequence[dict[str, Any]]) -> str:
    return LIST_SEPARATOR.join(entity_name(e) for e in entities)


def _codes(entities: Sequence[dict[str, Any]]) -> str:
    return LIST_SEPARATOR.join(e.get("code") or "" for e in entities)


def date_span(start: str | None, end: str | None) -> str | None:
    """An event's date as a reader sees it: a span where only a span is known ("2011-03-10 –
    2017-01-10", a relative time read against an uncertain publication date), never its
    first day alone, which would state a precision nobody has."""
    return f"{start} \u2013 {end}" if start and end and end != start else start


def event_row(record: dict[str, Any]) -> dict[str, Any]:
    """The summary row of one PLOVER record (columns `EVENT_COLUMNS`)."""
    loc = record.get("event_loc") or {}
    magnitude = record.get("magnitude") or {}
    return {
        "id": record["id"], "doc_id": record["doc_id"], "date": record.get("date"),
        "enddate": record.get("enddate"), "event": record["event"], "quad_code": record.get("quad_code"),
        "mode": record.get("mode"), "aux_mode": ",".join(record.get("aux_mode") or ()),
        "actor": _names(record.get("actor") or ()), "actor_code": _codes(record.get("actor") or ()),
        "recipient": _names(record.get("recipient") or ()), "recipient_code": _codes(record.get("recipient") or ()),
        "place": loc.get("resolved_place") or loc.get("extracted_place"), "country_code": loc.get("country_code"),
        "lat": loc.get("lat"), "lon": loc.get("lon"), "magnitude": magnitude.get("count"),
        "magnitude_unit": magnitude.get("unit"), "confidence": record.get("confidence"),
        "outlet": record.get("outlet") or (record.get("cite_info") or {}).get("publication"),
        "text": " ".join((record.get("text") or "").split()),
    }


def _time_precision(record: dict[str, Any]) -> int | None:
    """ACLED time_precision: 1 the day, 2 an approximate day (here: the publication date stood
    in for the event's), 3 only the month or year."""
    day = record.get("date") or ""
    if not day:
        return None
    if len(day) < DAY_LENGTH:
        return 3
    return 2 if record.get("date_from_publication") else 1


def acled_row(record: dict[str, Any]) -> dict[str, Any]:
    """One PLOVER record as an ACLED-style row (columns `ACLED_COLUMNS`).

    event_type / sub_event_type carry the PLOVER category and mode (ACLED's own types are not
    inferred). event_id_cnty is the sitrep event id, stable across runs. source is the
    attribution chain, outermost first; fatalities is PLOVER size "dead" when the text gives it.
    """
    loc = record.get("event_loc") or {}
    magnitude = record.get("magnitude") or {}
    actors, recipients = record.get("actor") or [], record.get("recipient") or []
    day = record.get("date") or ""
    chain = [link.get("text") for link in record.get("attribution") or () if link.get("text")]
    return {
        "event_id_cnty": record["id"], "event_date": day or None, "year": int(day[:4]) if day else None,
        "time_precision": _time_precision(record), "event_type": record["event"],
        "sub_event_type": record.get("mode"),
        "actor1": entity_name(actors[0]) if actors else None, "assoc_actor_1": _names(actors[1:]),
        "actor2": entity_name(recipients[0]) if recipients else None, "assoc_actor_2": _names(recipients[1:]),
        "country": loc.get("country"), "iso": loc.get("country_code"), "admin1": loc.get("province"),
        "location": loc.get("resolved_place") or loc.get("extracted_place"),
        "latitude": loc.get("lat"), "longitude": loc.get("lon"),
        "geo_precision": (GEO_PRECISION.get(loc.get("resolution") or "", COARSEST_GEO_PRECISION)
                          if loc.get("lat") is not None else None),
        "source": LIST_SEPARATOR.join(dict.fromkeys(chain)), "source_scale": None,
        "notes": " ".join((record.get("text") or "").split()),
        "fatalities": (record.get("size") or {}).get("dead"),
        "magnitude": magnitude.get("count"), "magnitude_unit": magnitude.get("unit"),
        "aux_mode": ",".join(record.get("aux_mode") or ()), "confidence": record.get("confidence"),
        "doc_id": record["doc_id"],
    }

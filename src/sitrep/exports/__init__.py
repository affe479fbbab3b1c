"""Exports: the stored events in the formats other tools read.

    plover   PLOVER JSON Lines, one event per line with its evidence (exchange with PLOVER data)
    acled    ACLED-style CSV (spreadsheets, tools built for ACLED)
    geojson  GeoJSON FeatureCollection of the located events (QGIS, kepler.gl, Leaflet)
    graphml  actors as nodes, events as edges (Gephi, networkx)
    parquet  every table of the store, one Parquet file each in a folder (pandas, Polars, Spark)

`export(store, fmt, path)` writes one of them; the row shapes live in `rows`, the writers in
`writers`, the Parquet copy (DuckDB) in `sitrep.store.exports`.
"""
from __future__ import annotations

import logging
from pathlib import Path

from sitrep.exports.rows import ACLED_COLUMNS, acled_row
from sitrep.exports.writers import write_csv, write_geojson, write_graphml, write_plover
from sitrep.store import Store
from sitrep.store.exports import export_parquet
from sitrep.store.queries import EventFilters, iter_events, list_actors

logger = logging.getLogger(__name__)

FORMATS = ("plover", "acled", "geojson", "graphml", "parquet")

__all__ = ["FORMATS", "export"]


def export(store: Store, fmt: str, path: str | Path, filters: EventFilters | None = None) -> int:
    """Write the store's events (or, for parquet, all its tables) to `path` in format `fmt`.

    filters: which events to write (all by default; parquet always writes everything).
    RETURNS: events written (edges for graphml, rows over all tables for parquet).
    RAISES: ValueError for an unknown format.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        return sum(export_parquet(store, path).values())
    records = iter_events(store, filters)
    with open(path, "w", encoding="utf-8", newline="") as out:
        if fmt == "plover":
            return write_plover(records, out)
        if fmt == "acled":
            return write_csv((acled_row(r) for r in records), out, ACLED_COLUMNS)
        if fmt == "geojson":
            return write_geojson(records, out)
        return write_graphml(records, out, {row["id"]: row for row in list_actors(store)})

"""Format writers: PLOVER JSON Lines, CSV, GeoJSON and GraphML, each onto an open text stream.

Each writer takes event records as `store.queries` returns them (PLOVER plus "outlet") and
returns how many items it wrote. Building the output (`geojson_collection`, `event_graph`) is
kept apart from writing it, so tests can look at what would be written.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from sitrep.exports.rows import EVENT_COLUMNS, entity_name, event_row

ADDED_KEYS = ("outlet",)  # keys the queries add to a record; PLOVER output leaves them out


def write_plover(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """One PLOVER record per line, field names as stored (evidence included)."""
    count = 0
    for record in records:
        plover = {key: value for key, value in record.items() if key not in ADDED_KEYS}
        out.write(json.dumps(plover, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(rows: Iterable[Mapping[str, Any]], out: TextIO, columns: Sequence[str]) -> int:
    """A header line, then one line per row; None becomes an empty cell."""
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
        count += 1
    return count


def geojson_collection(records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """A FeatureCollection of the events that have coordinates: a Point each, summary row as properties."""
    features = []
    for record in records:
        row = event_row(record)
        lat, lon = row.pop("lat"), row.pop("lon")
        if lat is None or lon is None:
            continue
        features.append({"type": "Feature", "id": row["id"],
                         "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": row})
    return {"type": "FeatureCollection", "features": features}


def write_geojson(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    collection = geojson_collection(records)
    json.dump(collection, out, ensure_ascii=False)
    return len(collection["features"])


def _scalars(values: Mapping[str, Any]) -> dict[str, Any]:
    """GraphML attributes take no None and no lists."""
    return {key: value for key, value in values.items() if value is not None and value != ""}


def event_graph(records: Iterable[dict[str, Any]], actors: Mapping[str, Mapping[str, Any]] | None = None):
    """Actors as nodes, one directed edge per event from each source actor to each recipient.

    actors: KB rows by id (`queries.list_actors`) to label resolved nodes with names and types.
    Events missing either side have no edge, but their actors still become nodes.
    RETURNS: networkx.MultiDiGraph; edge keys are event ids.
    """
    import networkx as nx  # only the GraphML export needs it

    actors = actors or {}
    graph = nx.MultiDiGraph()
    for record in records:
        sides = [record.get("actor") or [], record.get("recipient") or []]
        for entity in sides[0] + sides[1]:
            node = entity_name(entity)
            known = actors.get(entity.get("identifier") or "", {})
            if node not in graph:
                graph.add_node(node, **_scalars({
                    "label": known.get("name") or entity.get("entity_text") or node, "code": entity.get("code"),
                    "sector": entity.get("sector"), "actor_type": known.get("actor_type"),
                    "country": known.get("country"), "resolved": bool(entity.get("identifier")), "events": 0,
                }))
            graph.nodes[node]["events"] += 1
        row = event_row(record)
        for source in sides[0]:
            for target in sides[1]:
                graph.add_edge(entity_name(source), entity_name(target), key=record["id"], **_scalars({
                    "label": record["event"], "event": record["event"], "quad_code": record.get("quad_code"),
                    "mode": row["mode"], "aux_mode": row["aux_mode"], "date": row["date"], "place": row["place"],
                    "confidence": row["confidence"], "doc_id": row["doc_id"], "outlet": row["outlet"],
                }))
    return graph


def write_graphml(records: Iterable[dict[str, Any]], out: TextIO,
                  actors: Mapping[str, Mapping[str, Any]] | None = None) -> int:
    """GraphML for Gephi; RETURNS the number of edges (events between two actors)."""
    import networkx as nx

    graph = event_graph(records, actors)
    for line in nx.generate_graphml(graph):
        out.write(line + "\n")
    return graph.number_of_edges()


def write_event_csv(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """The summary rows (`EVENT_COLUMNS`) as CSV."""
    return write_csv((event_row(r) for r in records), out, EVENT_COLUMNS)

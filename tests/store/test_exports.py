"""Exports read back with the reference readers: json, csv, geojson, networkx GraphML, pyarrow Parquet."""
from __future__ import annotations

import csv
import json

import networkx as nx
import pyarrow.parquet as pq
import pytest

from sitrep.exports import export
from sitrep.exports.rows import ACLED_COLUMNS, acled_row, event_row
from sitrep.store import Store
from sitrep.store.exports import table_names
from sitrep.store.queries import iter_events

EVIDENCE = {"doc_id": "d1", "layer": "text", "start": 0, "end": 5, "text": "Hamas"}


@pytest.fixture(scope="module")
def store(seeded_db):
    with Store(seeded_db, read_only=True) as reader:
        yield reader


@pytest.fixture(scope="module")
def events(store):
    return list(iter_events(store))


def test_export_plover_lines_are_the_stored_records(store, events, tmp_path):
    path = tmp_path / "events.jsonl"
    assert export(store, "plover", path) == len(events) > 10
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == [e["id"] for e in events]
    for line, event in zip(lines, events):
        assert "outlet" not in line
        assert line == {key: value for key, value in event.items() if key != "outlet"}
        assert {"event", "quad_code", "actor", "recipient", "event_loc", "cite_info", "evidence"} <= set(line)


def test_export_acled_csv_has_acled_columns_and_one_row_per_event(store, events, tmp_path):
    path = tmp_path / "events.csv"
    assert export(store, "acled", path) == len(events)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    assert tuple(reader.fieldnames) == ACLED_COLUMNS and len(rows) == len(events)
    for row, event in zip(rows, events):
        assert row["event_id_cnty"] == event["id"] and row["event_type"] == event["event"]
        assert row["notes"] == " ".join(event["text"].split())
        if event["event_loc"] and event["event_loc"]["lat"] is not None:
            assert float(row["latitude"]) == event["event_loc"]["lat"]
            assert row["geo_precision"] in {"1", "2", "3"}
        else:
            assert row["latitude"] == row["geo_precision"] == ""
        assert row["time_precision"] in {"1", "2", "3"} if event["date"] else row["time_precision"] == ""


def test_export_geojson_is_valid_with_a_point_per_located_event(store, events, tmp_path):
    path = tmp_path / "events.geojson"
    located = [e for e in events if e["event_loc"] and e["event_loc"]["lat"] is not None]
    assert export(store, "geojson", path) == len(located) > 0
    text = path.read_text(encoding="utf-8")
    collection = json.loads(text)
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == len(located)
    for feature, event in zip(collection["features"], located):
        assert feature["geometry"] == {"type": "Point",
                                       "coordinates": [event["event_loc"]["lon"], event["event_loc"]["lat"]]}
        assert feature["properties"]["id"] == event["id"] and feature["properties"]["event"] == event["event"]
    geojson = pytest.importorskip("geojson")
    assert geojson.loads(text).is_valid


def test_export_graphml_reads_back_with_actors_as_nodes_and_events_as_edges(store, events, tmp_path):
    path = tmp_path / "events.graphml"
    pairs = [(e["id"], a, r) for e in events for a in e["actor"] for r in e["recipient"]]
    assert export(store, "graphml", path) == len(pairs) > 0
    graph = nx.read_graphml(path, force_multigraph=True)
    assert graph.is_directed() and graph.number_of_edges() == len(pairs)
    actors = {a.get("identifier") or a["entity_text"] for e in events for a in e["actor"] + e["recipient"]}
    assert set(graph.nodes) == actors
    edge_ids = {key for _, _, key in graph.edges(keys=True)}
    assert edge_ids == {event_id for event_id, _, _ in pairs}
    resolved = next(node for node, data in graph.nodes(data=True) if data["resolved"])
    assert graph.nodes[resolved]["label"] and graph.nodes[resolved]["events"] >= 1


def test_export_parquet_writes_every_table(store, tmp_path):
    folder = tmp_path / "parquet"
    total = export(store, "parquet", folder)
    names = table_names(store)
    assert {p.stem for p in folder.glob("*.parquet")} == set(names) >= {"documents", "events", "mentions"}
    counts = {name: pq.read_table(folder / f"{name}.parquet").num_rows for name in names}
    assert counts == {name: store.con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}
    assert total == sum(counts.values())
    events = pq.read_table(folder / "events.parquet")
    assert {"id", "event", "detail"} <= set(events.column_names)


def test_export_unknown_format_is_refused(store, tmp_path):
    with pytest.raises(ValueError, match="unknown export format"):
        export(store, "shapefile", tmp_path / "x")


def _record(**changes):
    record = {
        "id": "d1:0:0:ASSAULT", "doc_id": "d1", "event": "ASSAULT", "text": "Hamas  fighters attacked\nGaza.",
        "date": "2023-10-09", "enddate": None, "date_from_publication": False, "quad_code": 4, "mode": None,
        "actor": [{"code": "PSE", "sector": "REB", "entity_text": "Hamas", "identifier": "PSE_HAMAS",
                   "evidence": EVIDENCE}],
        "recipient": [{"code": None, "sector": None, "entity_text": "the town", "identifier": None,
                       "evidence": EVIDENCE}],
        "event_loc": {"extracted_place": "Gaza", "resolved_place": "Gaza City", "lat": 31.5, "lon": 34.47,
                      "province": "Gaza", "country": "Palestine", "country_code": "PS", "resolution": "city"},
        "size": {"dead": 3.0}, "magnitude": None, "aux_mode": ["reported"], "confidence": 0.6,
        "attribution": [{"text": "Example Wire", "kind": "outlet"}, {"text": "officials", "kind": "official"}],
        "cite_info": {"publication": "Example Wire"},
    }
    record.update(changes)
    return record


def test_export_acled_row_maps_plover_fields_without_guessing():
    row = acled_row(_record())
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2023-10-09", 2023, 1)
    assert (row["actor1"], row["actor2"], row["assoc_actor_1"]) == ("PSE_HAMAS", "the town", "")
    assert (row["location"], row["admin1"], row["geo_precision"]) == ("Gaza City", "Gaza", 1)
    assert row["fatalities"] == 3.0 and row["source"] == "Example Wire; officials"
    assert row["notes"] == "Hamas fighters attacked Gaza." and row["aux_mode"] == "reported"
    assert acled_row(_record(date="2023-10", size={}))["time_precision"] == 3
    region = _record()["event_loc"] | {"resolution": "region"}
    assert acled_row(_record(event_loc=region))["geo_precision"] == 3
    assert acled_row(_record(size={}))["fatalities"] is None
    assert acled_row(_record(date_from_publication=True))["time_precision"] == 2
    unlocated = acled_row(_record(event_loc=None))
    assert unlocated["latitude"] is None and unlocated["geo_precision"] is None


def test_export_event_row_flattens_actors_and_place():
    row = event_row(_record(actor=_record()["actor"] * 2))
    assert row["actor"] == "PSE_HAMAS; PSE_HAMAS" and row["actor_code"] == "PSE; PSE"
    assert (row["place"], row["lat"], row["lon"], row["outlet"]) == ("Gaza City", 31.5, 34.47, "Example Wire")

"""`sitrep events` filters and formats, and `sitrep export`, on the seeds."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.exports.rows import EVENT_COLUMNS

runner = CliRunner()


@pytest.fixture(scope="module")
def db(seeded_db) -> str:
    return str(seeded_db)


def _events(db, *args) -> list[dict]:
    result = runner.invoke(app, ["--db", db, "events", "--format", "json", "--limit", "1000", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_events_cli_lists_every_event_as_json(db):
    events = _events(db)
    assert len(events) > 10 and len({e["id"] for e in events}) == len(events)
    assert all(e["event"] and e["sentence"]["text"] for e in events)
    assert len(_events(db, "--limit", "3")) == 3


def test_events_cli_filters_each_narrow_the_list(db):
    events = _events(db)
    assaults = _events(db, "--type", "ASSAULT")
    assert 0 < len(assaults) < len(events) and {e["event"] for e in assaults} == {"ASSAULT"}
    iran = _events(db, "--actor", "irn")
    assert iran and all(any("IRN" in (x["identifier"], x["code"]) for x in e["actor"] + e["recipient"]) for e in iran)
    sure = _events(db, "--min-confidence", "0.5")
    assert 0 < len(sure) < len(events) and min(e["confidence"] for e in sure) >= 0.5
    troops = _events(db, "--mode", "troops")
    assert troops and {e["mode"] for e in troops} == {"troops"}
    asserted = _events(db, "--aux-mode", "none")
    assert 0 < len(asserted) < len(events) and all(not e["aux_mode"] for e in asserted)
    outlet = next(e["outlet"] for e in events if e["outlet"])
    assert {e["outlet"] for e in _events(db, "--outlet", outlet)} == {outlet}
    place = next(e["event_loc"]["resolved_place"] for e in events
                 if e["event_loc"] and e["event_loc"]["resolved_place"])
    at_place = _events(db, "--place", place)
    assert at_place and all(place in (e["event_loc"]["resolved_place"], e["event_loc"]["province"],
                                      e["event_loc"]["country"]) for e in at_place)
    year = sorted(e["date"][:4] for e in events if e["date"])[-1]
    recent = _events(db, "--from", year, "--to", year)
    assert recent and all(e["date"][:4] <= year <= (e["enddate"] or e["date"])[:4] for e in recent)
    assert len(recent) < len(events)


def test_events_cli_csv_and_table_formats(db):
    result = runner.invoke(app, ["--db", db, "events", "--format", "csv", "--type", "ASSAULT"])
    assert result.exit_code == 0
    reader = csv.DictReader(io.StringIO(result.stdout))
    rows = list(reader)
    assert tuple(reader.fieldnames) == EVENT_COLUMNS
    assert rows and {row["event"] for row in rows} == {"ASSAULT"}
    assert len(rows) == len(_events(db, "--type", "ASSAULT"))
    table = runner.invoke(app, ["--db", db, "events", "--limit", "2"])
    assert table.exit_code == 0 and f"2 of {len(_events(db))} events" in table.stdout


def test_events_cli_table_shows_a_date_known_only_as_a_span_as_the_span(db):
    spanned = [e for e in _events(db) if e["enddate"] and e["enddate"] != e["date"]]
    assert spanned, "the seeds have no publication date, so some event dates are spans"
    table = runner.invoke(app, ["--db", db, "events", "--limit", "1000"], env={"COLUMNS": "200"})
    assert f"{spanned[0]['date']} – {spanned[0]['enddate']}" in table.stdout


@pytest.mark.parametrize("args, option", [
    (["--from", "2015-02-30"], "--from"), (["--to", "last year"], "--to"), (["--type", "PICNIC"], "--type"),
    (["--min-confidence", "7"], "--min-confidence"), (["--aux-mode", "rumour"], "--aux-mode"),
    (["--limit", "0"], "--limit"),
])
def test_events_cli_bad_filter_exits_2_naming_the_option(db, args, option):
    result = runner.invoke(app, ["--db", db, "events", *args])
    assert result.exit_code == 2 and option in result.stderr


def test_events_cli_export_writes_the_requested_format(db, tmp_path):
    out = tmp_path / "events.jsonl"
    result = runner.invoke(app, ["--db", db, "export", "--format", "plover", "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(_events(db)) and f"{len(lines)} events written" in result.stdout
    folder = tmp_path / "tables"
    result = runner.invoke(app, ["--db", db, "export", "-f", "parquet", "-o", str(folder)])
    assert result.exit_code == 0 and (folder / "events.parquet").is_file()
    assert runner.invoke(app, ["--db", db, "export", "-f", "kml", "-o", str(out)]).exit_code == 2


def test_events_cli_missing_store_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["--db", str(tmp_path / "none.duckdb"), "events"])
    assert result.exit_code == 2 and "sitrep run" in result.stderr

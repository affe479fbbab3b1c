"""The notebook interface: `sitrep.open(db)` frames and `sitrep.process(texts)` in memory."""
from __future__ import annotations

import subprocess
import sys

import polars as pl
import pytest

import sitrep
from sitrep.exports.rows import EVENT_COLUMNS

TEXT = ("Hezbollah fighters attacked Israeli army positions near Shebaa on Tuesday, the Lebanese army said. "
        "Iran sent 2,000 troops to Aleppo last week, according to officials.")


@pytest.fixture(scope="module")
def corpus(seeded_db):
    with sitrep.open(seeded_db) as opened:
        yield opened


def test_python_api_import_loads_no_heavy_module():
    code = "import sys, sitrep; print(sorted(m for m in ('duckdb', 'polars', 'spacy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_python_api_events_frame_has_one_row_per_event(corpus):
    frame = corpus.events()
    records = corpus.event_records()
    assert isinstance(frame, pl.DataFrame) and tuple(frame.columns) == EVENT_COLUMNS
    assert frame.height == len(records) > 10 and frame["id"].to_list() == [r["id"] for r in records]
    assaults = corpus.events(event_type="ASSAULT")
    assert 0 < assaults.height < frame.height and set(assaults["event"]) == {"ASSAULT"}
    assert corpus.events(min_confidence=0.5)["confidence"].min() >= 0.5
    with pytest.raises(ValueError, match="date_from"):
        corpus.events(date_from="2015-02-30")


def test_python_api_documents_stories_and_claims_frames(corpus):
    documents = corpus.documents()
    assert documents.height == 5 and documents["title"].null_count() == 0
    assert corpus.documents(q="zzqx no such words").height == 0
    stories = corpus.stories()
    assert stories.height >= 1 and sorted(d for ids in stories["doc_ids"] for d in ids) == sorted(documents["id"])
    claims = corpus.claims()
    assert claims.height > 0 and set(claims["story_id"]) <= set(stories["id"])
    conflicts = corpus.claims(conflicts_only=True)
    assert conflicts.height == stories["n_conflicts"].sum() and conflicts["conflict"].all()


def test_python_api_frames_convert_to_pandas(corpus):
    pytest.importorskip("pandas")
    assert len(corpus.events().to_pandas()) == corpus.events().height


def test_python_api_open_missing_store_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        sitrep.open(tmp_path / "absent.duckdb")


def test_python_api_process_codes_events_with_evidence_in_memory():
    plain, page, empty = sitrep.process([
        TEXT,
        {"html": f"<html><head><title>Border clashes</title></head><body><article><p>{TEXT}</p></article>"
                 "</body></html>",
         "outlet": "Example Wire", "date": "2024-05-07"},
        {"url": "https://example.org/empty"},
    ])
    assert plain["source"] == "memory#0" and plain["text"].startswith("Hezbollah")
    assert {e["event"] for e in plain["events"]} >= {"ASSAULT"}
    for event in plain["events"]:
        span = event["evidence"]["event"]
        assert plain["text"][span["start"]:span["end"]] == span["text"]
    assert {a["actor_id"] for a in plain["actors"]} & {"LBN_HEZBOLLAH", "IRN"}
    assert page["title"] == "Border clashes" and page["outlet"] == "Example Wire" and page["published"] == "2024-05-07"
    assert page["events"] and all(e["date"] for e in page["events"])
    assert empty["id"] is None and empty["events"] == [] and empty["failures"][0]["code"] == "E006"


def test_python_api_empty_frames_keep_typed_columns(corpus):
    nothing = corpus.events(actor="NO_SUCH_ACTOR")
    assert nothing.height == 0 and nothing.schema["confidence"] == pl.Float64
    assert nothing.filter(pl.col("confidence") > 0.5).height == 0

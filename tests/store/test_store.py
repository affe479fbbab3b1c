"""Store: batches round-trip with their evidence, reruns add nothing, failures are kept."""
from __future__ import annotations

import duckdb
import pytest

from sitrep.ingest.records import make_document
from sitrep.model import (
    CleanDocument,
    Comment,
    DateEstimate,
    Evidence,
    Failure,
    Field,
    Metadata,
    Segment,
)
from sitrep.store import Store

RAW = "Frontline Daily\nArmy shells the valley\nThe army shelled the valley on Monday.\n"


def _clean(raw: str = RAW) -> CleanDocument:
    doc = make_document(raw, raw.encode(), "page.txt", "utf-8")
    body_start = raw.index("The army")
    body = raw[body_start:].strip()
    title_start = raw.index("Army shells")
    title = Field("Army shells the valley", 0.8, "text.title_block",
                  (Evidence(doc.id, "raw", title_start, title_start + 22, raw[title_start:title_start + 22]),))
    comment_ev = Evidence(doc.id, "raw", 0, 15, raw[0:15])
    return CleanDocument(
        doc=doc, text=body, segments=(Segment(0, body_start, len(body)),),
        metadata=Metadata(title=title, published=DateEstimate("2019", "2019-01-01", "2019-12-31", "year", 0.3,
                                                              "anchor.lower_bound")),
        comments=(Comment("Frontline Daily", comment_ev, author=Field("reader", 0.5, "test")),),
    )


def test_store_roundtrip_keeps_metadata_evidence_and_comments(tmp_path):
    clean = _clean()
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch([clean])
        row = store.get_document(clean.doc.id[:6])
        listed = store.list_documents()
    assert row["text"] == clean.text
    evidence = row["metadata"]["title"]["evidence"][0]
    assert RAW[evidence["start"]:evidence["end"]] == evidence["text"] == "Army shells the valley"
    assert row["metadata"]["published"]["earliest"] == "2019-01-01"
    assert row["comments"][0]["author"]["value"] == "reader"
    assert listed[0]["title"] == "Army shells the valley" and listed[0]["comments"] == 1


def test_store_rerun_skips_known_documents(tmp_path):
    clean = _clean()
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch([clean])
        assert store.known_ids([clean.doc.id, "0000"]) == {clean.doc.id}
        store.write_batch([clean])
        assert len(store.list_documents()) == 1


def test_store_failed_batch_is_rolled_back_whole(tmp_path, monkeypatch):
    good, bad = _clean(), _clean(RAW + "More text.\n")
    with Store(tmp_path / "s.duckdb") as store:
        insert = store._insert_clean

        def insert_then_fail(clean):
            insert(clean)
            if clean is bad:
                raise duckdb.ConstraintException("disk full")

        monkeypatch.setattr(store, "_insert_clean", insert_then_fail)
        with pytest.raises(duckdb.Error):
            store.write_batch([good, bad], [Failure("x.txt", "ingest", "E002", "empty")])
        assert store.list_documents() == [] and store.list_failures() == []


def test_store_read_only_requires_existing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="sitrep run"):
        Store(tmp_path / "none.duckdb", read_only=True)

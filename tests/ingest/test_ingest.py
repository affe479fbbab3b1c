"""Ingest: every input format, stable ids, and one clear failure per bad input."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from sitrep.ingest import read_inputs
from sitrep.model import Document, Failure

PAGE = "Rebels seized the town on Monday.\nThe army said it would retake it.\n"
HTML = "<html><head><title>Clashes</title></head><body><p>Rebels seized the town.</p></body></html>"


def _read(*paths: Path | str) -> tuple[list[Document], list[Failure]]:
    items = list(read_inputs([str(p) for p in paths]))
    return ([i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Failure)])


def test_ingest_text_file_becomes_one_plain_document(tmp_path):
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    docs, failures = _read(tmp_path / "a.txt")
    assert not failures and len(docs) == 1
    assert docs[0].media_type == "text/plain" and docs[0].raw_text == PAGE
    assert docs[0].fetched_at and len(docs[0].id) == 16


def test_ingest_html_and_gzip_are_sniffed_as_html(tmp_path):
    (tmp_path / "b.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "c.bin.gz").write_bytes(gzip.compress(HTML.replace("town", "city").encode()))
    docs, failures = _read(tmp_path)
    assert not failures
    assert [d.media_type for d in docs] == ["text/html", "text/html"]


def test_ingest_folder_is_recursive_and_glob_expands(tmp_path):
    (tmp_path / "x" / "y").mkdir(parents=True)
    (tmp_path / "x" / "y" / "deep.txt").write_text(PAGE)
    (tmp_path / "x" / "top.txt").write_text(PAGE + "More.")
    (tmp_path / "x" / "README.md").write_text("not a page")
    assert len(_read(tmp_path / "x")[0]) == 2
    assert len(_read(f"{tmp_path}/x/*.txt")[0]) == 1


def test_ingest_jsonl_maps_container_fields_to_hints(tmp_path):
    rows = [
        {"id": "a1", "text": PAGE, "url": "https://example.org/a", "outlet": "Example News",
         "date": "2018-09-07", "title": "Town seized", "authors": ["Jane Roe", "John Doe"]},
        {"html": HTML, "source": "Other Daily"},
    ]
    path = tmp_path / "pages.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    docs, failures = _read(path)
    assert not failures and len(docs) == 2
    assert docs[0].hints == {"url": "https://example.org/a", "outlet": "Example News", "date": "2018-09-07",
                             "title": "Town seized", "author": "Jane Roe, John Doe", "record_id": "a1"}
    assert docs[0].source.endswith("#line=1") and docs[1].media_type == "text/html"


def test_ingest_warc_response_records(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0")
        record = writer.create_warc_record("https://example.org/story", "response",
                                           payload=io.BytesIO(HTML.encode()), http_headers=headers)
        writer.write_record(record)
    docs, failures = _read(path)
    assert not failures and len(docs) == 1
    assert docs[0].hints["url"] == "https://example.org/story" and docs[0].fetched_at


def test_ingest_same_content_gets_same_id_from_any_container(tmp_path):
    (tmp_path / "page.txt").write_text(PAGE)
    (tmp_path / "pages.jsonl").write_text(json.dumps({"text": PAGE}) + "\n")
    docs, _ = _read(tmp_path / "page.txt", tmp_path / "pages.jsonl")
    assert docs[0].id == docs[1].id


def test_ingest_bad_inputs_each_give_one_failure_and_the_rest_goes_on(tmp_path):
    (tmp_path / "good.txt").write_text(PAGE)
    (tmp_path / "binary.dat").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "cut.txt.gz").write_bytes(gzip.compress(PAGE.encode() * 50)[:40])
    (tmp_path / "bad.jsonl").write_text(json.dumps({"text": PAGE + "!"}) + "\n{not json\n" + json.dumps({"x": 1}) + "\n")
    docs, failures = _read(tmp_path, tmp_path / "missing.txt")
    assert len(docs) == 2
    assert sorted((Path(f.source.split("#")[0]).name, f.code) for f in failures) == [
        ("bad.jsonl", "E005"), ("bad.jsonl", "E006"), ("binary.dat", "E003"),
        ("cut.txt.gz", "E004"), ("empty.txt", "E002"), ("missing.txt", "E001")]
    assert all(f.source in f.detail or f.source.split("#")[0] in f.detail for f in failures)


def test_ingest_invalid_utf8_is_decoded_and_reported(tmp_path):
    (tmp_path / "latin.txt").write_bytes("Les forces armées ont pénétré à Kidal, a déclaré l'armée.".encode("cp1252"))
    docs, failures = _read(tmp_path / "latin.txt")
    assert len(docs) == 1 and "armées" in docs[0].raw_text
    assert [f.code for f in failures] == ["W002"]


def test_ingest_seeds_are_five_plain_documents(seed_docs):
    assert len({d.id for d in seed_docs}) == 5
    assert all(d.media_type == "text/plain" for d in seed_docs)

"""The `sitrep` command line end to end on the seeds: run, docs, doc, failures, resume."""
from __future__ import annotations

import gzip
import json
import shutil

import pytest
from typer.testing import CliRunner

from sitrep.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory, seeds_dir):
    db = tmp_path_factory.mktemp("db") / "seeds.duckdb"
    result = runner.invoke(app, ["--db", str(db), "--quiet", "run", str(seeds_dir)])
    if result.exit_code != 0:
        raise RuntimeError(result.output)
    return db


def _docs(db) -> list[dict]:
    result = runner.invoke(app, ["--db", str(db), "docs", "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_cli_docs_lists_seeds_with_title_and_dated_evidence(seeded_db, seeds_dir):
    docs = _docs(seeded_db)
    assert len(docs) == 5
    raws = {p.name: p.read_text(encoding="utf-8") for p in seeds_dir.iterdir()}
    for doc in docs:
        raw = next(text for name, text in raws.items() if doc["source"].endswith(name))
        for name in ("title", "published"):
            field = doc[name]
            assert field["value"], (doc["source"], name)
            assert 0 < field["confidence"] <= 1 and field["evidence"], (doc["source"], name)
            for ev in field["evidence"]:
                if ev["layer"] == "raw":
                    assert raw[ev["start"]:ev["end"]] == ev["text"]
        assert doc["published"]["value"][:4].isdigit()


def test_cli_doc_json_has_text_comments_and_metadata(seeded_db):
    docs = _docs(seeded_db)
    with_comments = [d for d in docs if d["comments"]]
    assert len(with_comments) == 1 and with_comments[0]["comments"] >= 10
    result = runner.invoke(app, ["--db", str(seeded_db), "doc", with_comments[0]["id"][:8], "--format", "json"])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["text"] and len(doc["comments"]) == with_comments[0]["comments"]
    assert all(c["text"] not in doc["text"] for c in doc["comments"])


def test_cli_doc_text_prints_body_and_unknown_id_fails(seeded_db):
    docs = _docs(seeded_db)
    result = runner.invoke(app, ["--db", str(seeded_db), "doc", docs[0]["id"]])
    assert result.exit_code == 0 and "title" in result.stdout
    assert runner.invoke(app, ["--db", str(seeded_db), "doc", "zzzz"]).exit_code == 2


def test_cli_rerun_adds_nothing_twice(seeded_db, seeds_dir):
    result = runner.invoke(app, ["--db", str(seeded_db), "run", str(seeds_dir)])
    assert result.exit_code == 0
    assert "0 stored, 5 already in" in result.stdout
    assert len(_docs(seeded_db)) == 5


def test_cli_bad_files_are_reported_and_run_goes_on(tmp_path, seeds_dir):
    inputs = tmp_path / "in"
    shutil.copytree(seeds_dir, inputs)
    (inputs / "broken.txt.gz").write_bytes(gzip.compress(b"some text " * 200)[:30])
    (inputs / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300))
    result = runner.invoke(app, ["--db", str(tmp_path / "x.duckdb"), "run", str(inputs)])
    assert result.exit_code == 0
    assert "broken.txt.gz" in result.stderr and "E004" in result.stderr
    assert "image.png" in result.stderr and "E003" in result.stderr
    assert "5 stored" in result.stdout


def test_cli_run_exits_nonzero_when_nothing_could_be_read(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["--db", str(tmp_path / "x.duckdb"), "run", str(tmp_path / "empty.txt")])
    assert result.exit_code == 1 and "E002" in result.stderr


def test_cli_killed_run_resumes_where_it_stopped(tmp_path, seeds_dir, monkeypatch):
    import sitrep.pipeline as pipeline

    real_clean = pipeline.clean_documents
    calls = {"n": 0}

    def clean_then_die(docs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # the kill arrives during the second batch
        return real_clean(docs)

    monkeypatch.setattr(pipeline, "clean_documents", clean_then_die)
    db = str(tmp_path / "r.duckdb")
    result = runner.invoke(app, ["--db", db, "--quiet", "run", "--batch-size", "2", str(seeds_dir)])
    assert result.exit_code != 0
    assert len(_docs(db)) == 2
    monkeypatch.setattr(pipeline, "clean_documents", real_clean)
    result = runner.invoke(app, ["--db", db, "run", "--batch-size", "2", str(seeds_dir)])
    assert "3 stored, 2 already in" in result.stdout
    assert len(_docs(db)) == 5


def test_cli_table_cells_show_brackets_in_page_text_literally():
    from rich.console import Console
    from rich.table import Table

    from sitrep.cli.app import plain

    table = Table("text")
    table.add_row(plain("During the last [few] days, [bold]fighters[/bold] arrived"))
    console = Console(record=True, width=120)
    console.print(table)
    assert "During the last [few] days, [bold]fighters[/bold] arrived" in console.export_text()


def test_cli_doc_json_shows_mentions_of_each_kind_with_spans(seeded_db):
    docs = _docs(seeded_db)
    kinds_seen: set[str] = set()
    for summary in docs:
        doc = json.loads(runner.invoke(app, ["--db", str(seeded_db), "doc", summary["id"], "--format", "json"]).stdout)
        for kind, mentions in doc["mentions"].items():
            for mention in mentions:
                evidence = mention.get("evidence") or mention.get("content")
                assert doc["text"][evidence["start"]:evidence["end"]] == evidence["text"]
                assert 0 <= mention["confidence"] <= 1
                kinds_seen.add(kind)
    assert kinds_seen == {"actor", "place", "time", "quantity", "quote"}
    assert any(m["actor_id"] for d in docs for m in json.loads(runner.invoke(
        app, ["--db", str(seeded_db), "doc", d["id"], "--format", "json"]).stdout)["mentions"]["actor"])


def test_cli_run_json_summary_names_each_failure(tmp_path, seeds_dir):
    inputs = tmp_path / "in"
    shutil.copytree(seeds_dir, inputs)
    (inputs / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["--db", str(tmp_path / "j.duckdb"), "run", "--json", str(inputs)])
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    assert summary["stored"] == 5 and summary["documents"] == 5 and summary["files"] == 6
    assert [(f["code"], f["source"].endswith("empty.txt")) for f in summary["failures"]] == [("E002", True)]

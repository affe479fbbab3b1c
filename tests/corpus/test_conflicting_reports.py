"""End to end: two outlets report one deployment with different figures (a fixture written for
the test) — one story, one merged event, and the two figures flagged as a conflict with their
outlets and the sources each outlet cites."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from sitrep.cli import app

PAIR = Path(__file__).resolve().parent.parent / "fixtures" / "conflicting_reports.jsonl"
runner = CliRunner()


def test_conflicting_reports_become_one_event_with_flagged_figures(tmp_path):
    db = str(tmp_path / "pair.duckdb")
    assert runner.invoke(app, ["--db", db, "--quiet", "run", str(PAIR)]).exit_code == 0
    stories = json.loads(runner.invoke(app, ["--db", db, "stories", "--format", "json"]).stdout)
    assert len(stories) == 1 and len(stories[0]["doc_ids"]) == 2
    conflicts = json.loads(runner.invoke(app, ["--db", db, "claims", "--conflicts", "--format", "json"]).stdout)
    figures = {c["value"]: c for c in conflicts if c["attribute"] == "magnitude"}
    assert set(figures) == {"3,000 troops", "10,000 troops"}
    assert len({c["merged_event_id"] for c in figures.values()}) == 1
    assert {c["outlet"] for c in figures.values()} == {"The Kyiv Independent", "TASS"}
    cited = {c["outlet"]: c["chain"][-1]["text"] for c in figures.values()}
    assert "ministry" in cited["The Kyiv Independent"] and "officials" in cited["TASS"]

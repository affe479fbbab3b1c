"""The seeds end to end: one happening relayed by two outlets becomes one story, one origin.

Asserted by properties only (no seed ids, offsets or names): the As-Safir report of
troops moving into Idlib is relayed by two seed outlets.
"""
from __future__ import annotations

import json

from typer.testing import CliRunner

from sitrep.cli import app

runner = CliRunner()


def _json(db, *args):
    result = runner.invoke(app, ["--db", str(db), *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _relayed_story(db):
    """The story with an outlet relayed by two of its documents, and that chain."""
    for row in _json(db, "stories"):
        story = _json(db, "story", row["id"])
        for chain in story["chains"]:
            relaying_docs = {edge["doc_id"] for edge in chain["edges"] if edge["source"] == chain["origin"]}
            origin = next(node for node in chain["nodes"] if node["id"] == chain["origin"])
            if origin["kind"] == "outlet" and len(relaying_docs) >= 2:
                return story, chain, relaying_docs
    raise AssertionError("no outlet relayed by two documents of one story")


def test_seeds_relayed_report_is_one_story_with_one_origin(seeded_db):
    story, chain, relaying_docs = _relayed_story(seeded_db)
    assert relaying_docs <= {doc["id"] for doc in story["documents"]}
    assert chain["single_origin"] and chain["independent_confirmations"] == 1
    outlets = {doc["outlet"] for doc in story["documents"] if doc["id"] in relaying_docs}
    assert len(outlets) == 2 and None not in outlets


def test_seeds_deployment_reports_merge_and_figures_keep_their_sources(seeded_db):
    story, _, relaying_docs = _relayed_story(seeded_db)
    merged = [event for event in story["merged_events"]
              if event["event"] == "MOBILIZE" and relaying_docs <= {r["doc_id"] for r in event["reports"]}]
    assert len(merged) == 1
    figures = [c for c in story["claims"] if c["attribute"] == "magnitude"]
    same_event = {c["value"] for c in figures if c["merged_event_id"] == merged[0]["id"]}
    # Both outlets relay one figure for this happening: agreement, not a conflict.
    assert len(same_event) == 1
    assert not any(c["conflict"] for c in figures if c["merged_event_id"] == merged[0]["id"])
    # Related happenings of the story carry other figures, each with its outlet and chain.
    outlets_by_value: dict[str, set[str]] = {}
    for claim in figures:
        outlets_by_value.setdefault(claim["value"], set()).add(claim["outlet"])
        assert claim["chain"][0]["kind"] == "outlet" and claim["first_seen"] and claim["evidence"]
    assert len(outlets_by_value) >= 2 and len(set().union(*outlets_by_value.values())) >= 2


def test_seeds_claims_and_framing_carry_evidence(seeded_db):
    claims = _json(seeded_db, "claims")
    assert claims and all(c["outlet"] is None or c["chain"] for c in claims)
    conflicts = _json(seeded_db, "claims", "--conflicts")
    assert [c["id"] for c in conflicts] == [c["id"] for c in claims if c["conflict"]]
    story, _, _ = _relayed_story(seeded_db)
    docs = {doc["id"]: _json(seeded_db, "doc", doc["id"])["text"] for doc in story["documents"]}
    for entry in story["framing"]:
        for term in entry["terms"]:
            for ev in term["evidence"]:
                assert docs[entry["doc_id"]][ev["start"]:ev["end"]] == ev["text"]
    assert any(term["term"] == "regime" for entry in story["framing"] for term in entry["terms"])
    result = runner.invoke(app, ["--db", str(seeded_db), "story", story["id"]])
    assert result.exit_code == 0 and "attribution chains" in result.output
    assert runner.invoke(app, ["--db", str(seeded_db), "story", "no-such-story"]).exit_code == 2

"""Claims: who asserts which value of a merged event; conflicts flagged, never averaged."""
from __future__ import annotations

from sitrep.corpus.claims import claims_of
from sitrep.corpus.merge import Report, merge_events
from tests.corpus.conftest import event_dict

A = "Iran deployed 5,000 fighters to Idlib, the ministry said."
B = "Iran deployed 20,000 fighters to Idlib, As-Safir reported."
C = "Iran deployed more than 15,000 fighters to Idlib."
D = "Iran denied it deployed fighters to Idlib."


def _event(doc_id, text, count=None, number=None, marker="exact", aux=(), outlet="O", cites=()):
    return Report(event_dict(doc_id, text, "MOBILIZE", "deployed", actor=("Iran", "IRN", "IRN"), place="Idlib",
                             count=count, unit="fighters", marker=marker, number=number, aux=aux, outlet=outlet,
                             cites=cites), doc_id, outlet, f"2015-03-1{doc_id[-1]}")


def _claims(*reports):
    merged = merge_events("st", list(reports))
    assert len(merged) == 1, "the test reports describe one happening"
    return claims_of(merged[0])


def test_claims_5000_vs_20000_conflict_with_both_sources():
    claims = _claims(_event("d1", A, 5000, "5,000 fighters", outlet="Reuters"),
                     _event("d2", B, 20000, "20,000 fighters", outlet="NOW", cites=(("As-Safir", "LBN_MEDIA_ASSAFIR"),)))
    figures = {c.value: c for c in claims if c.attribute == "magnitude"}
    assert set(figures) == {"5,000 fighters", "20,000 fighters"}
    assert all(c.conflict for c in figures.values())
    relayed = figures["20,000 fighters"]
    assert relayed.outlet == "NOW" and [link["text"] for link in relayed.chain] == ["NOW", "As-Safir"]
    assert relayed.first_seen == "2015-03-12"
    assert B[relayed.evidence[0]["start"]:relayed.evidence[0]["end"]] == "20,000 fighters"


def test_claims_overlapping_ranges_do_not_conflict():
    claims = _claims(_event("d2", B, 20000, "20,000 fighters"),
                     _event("d3", C, 15000, "more than 15,000 fighters", marker="minimum"))
    assert not any(c.conflict for c in claims)
    assert {c.value for c in claims if c.attribute == "magnitude"} == {"20,000 fighters", "at least 15,000 fighters"}


def test_claims_asserted_vs_denied_conflict():
    claims = _claims(_event("d1", A, 5000, "5,000 fighters"), _event("d4", D, aux=("denied",)))
    assertions = {c.doc_id: c for c in claims if c.attribute == "assertion"}
    assert assertions["d1"].value == "asserted" and assertions["d4"].value == "denied"
    assert assertions["d1"].conflict and assertions["d4"].conflict
    assert not any(c.conflict for c in claims if c.attribute in ("actor", "place"))

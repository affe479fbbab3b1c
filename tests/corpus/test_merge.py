"""Event merge: reports of one happening become one merged event that keeps every report."""
from __future__ import annotations

from sitrep.corpus.merge import Report, merge_events
from tests.corpus.conftest import event_dict

NOW = "Iran has sent more than 20,000 fighters into Idlib, As-Safir reported."
ARA = "The regime acknowledged the deployment of 5,000 Iranian fighters in Idlib."
OLD = "In 2012 Iran sent 2,000 fighters into Idlib."
IRAQ = "Iran sent 3,000 fighters into Mosul."


def _reports():
    return [
        Report(event_dict("d1", NOW, "MOBILIZE", "sent", actor=("Iran", "IRN", "IRN"), place="Idlib", count=20000,
                          unit="fighters", marker="minimum", number="more than 20,000 fighters", outlet="NOW",
                          cites=(("As-Safir", "LBN_MEDIA_ASSAFIR"),)), "d1", "NOW", "2015-03-10"),
        Report(event_dict("d2", ARA, "MOBILIZE", "deployment", actor=("Iranian", "IRN", "IRN"), place="Idlib",
                          count=5000, unit="fighters", number="5,000 Iranian fighters", outlet="ARA"),
               "d2", "ARA", "2015-03-11"),
        Report(event_dict("d3", OLD, "MOBILIZE", "sent", actor=("Iran", "IRN", "IRN"), place="Idlib", count=2000,
                          unit="fighters", number="2,000 fighters", aux=("historical",), outlet="X"), "d3", "X", None),
        Report(event_dict("d4", IRAQ, "MOBILIZE", "sent", actor=("Iran", "IRN", "IRN"), place="Mosul", count=3000,
                          unit="fighters", number="3,000 fighters", outlet="Y"), "d4", "Y", None),
    ]


def test_merge_same_happening_keeps_every_report_with_its_values():
    merged = merge_events("st", _reports())
    joint = [m for m in merged if len(m.reports) > 1]
    assert len(joint) == 1
    event = joint[0]
    assert {r.doc_id for r in event.reports} == {"d1", "d2"}
    assert sorted(r.event["magnitude"]["count"] for r in event.reports) == [5000, 20000]
    assert event.place == "Idlib" and event.actor == "IRN" and event.event == "MOBILIZE"
    assert sum(len(m.reports) for m in merged) == 4                    # nothing dropped


def test_merge_keeps_historical_and_far_away_events_apart():
    merged = merge_events("st", _reports())
    alone = {m.reports[0].doc_id for m in merged if len(m.reports) == 1}
    assert alone == {"d3", "d4"}


def test_merge_needs_more_than_the_category():
    bare = [Report(event_dict(f"d{i}", "Troops moved.", "MOBILIZE", "moved", outlet="O"), f"d{i}", "O", None)
            for i in range(2)]
    assert len(merge_events("st", bare)) == 2

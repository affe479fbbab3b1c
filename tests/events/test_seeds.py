"""Seeds acceptance for the events stage, asserted as properties of the coded events.

Troop movements come out as MOBILIZE with a magnitude, a place, actors and an attribution
chain; a number that is a goal or a demand is never coded as a deployment that happened.
Nothing here names a seed, a sentence or an offset: the properties must hold on any page.
"""
from __future__ import annotations

import re

import pytest

from sitrep.clean import clean_documents
from sitrep.events import code_events, happened
from sitrep.model import CleanDocument
from sitrep.nlp import default_nlp, parse_documents, restore_offsets
from sitrep.settings import default_settings

LARGE_FORCE = 1000
# Words that make what follows a goal or a demand rather than a report of a happening.
GOAL_OR_DEMAND = re.compile(r"\b(goal|aim|plan|must|should|call(?:s|ed)? for|urge[sd]?|demand(?:s|ed)?)\b", re.I)
NOT_HAPPENED_MODES = {"future", "demand", "hypothetical"}


@pytest.fixture(scope="module")
def seed_events(seed_docs):
    """({doc id: {layer: text}}, every event coded from the seeds)."""
    cleaned = [c for c in clean_documents(seed_docs) if isinstance(c, CleanDocument)]
    texts = {c.doc.id: {"text": c.text, "raw": c.doc.raw_text} for c in cleaned}
    events = []
    prefilter = default_settings().nlp_prefilter  # as `sitrep run` parses them
    for doc, clean in zip(parse_documents(default_nlp(), cleaned, prefilter=prefilter), cleaned):
        events += restore_offsets(code_events(doc, outlet=clean.metadata.outlet.value), doc, clean.text)
    return texts, events


def _troop_moves(events):
    return [e for e in events if e.event == "MOBILIZE" and e.magnitude is not None and e.magnitude.count]


def test_seeds_deployment_has_magnitude_actor_place_and_chain(seed_events):
    _, events = seed_events
    complete = [
        e for e in _troop_moves(events)
        if e.magnitude.count >= LARGE_FORCE
        and any(a.code == "IRN" for a in e.actor)
        and e.event_loc is not None
        and len(e.attribution) >= 2
        and happened(e)
    ]
    assert complete, "no happened MOBILIZE with a large magnitude, an Iranian actor, a place and a chain"


def test_seeds_group_nationalities_become_actors(seed_events):
    _, events = seed_events
    multi = [e for e in _troop_moves(events) if len({a.code for a in e.actor if a.code}) >= 2]
    assert multi, "no troop move whose group names several nationalities"
    for event in multi:
        for actor in event.actor:
            assert actor.entity_text in event.text


def test_seeds_goal_or_demanded_number_is_not_a_deployment(seed_events):
    _, events = seed_events
    governed = [e for e in _troop_moves(events) if GOAL_OR_DEMAND.search(e.text[: e.text.find(e.event_text)])]
    assert len(governed) >= 2
    for event in governed:
        assert NOT_HAPPENED_MODES & set(event.aux_mode), (event.event_text, event.aux_mode)
        assert not happened(event)
    assert {"future", "demand"} <= {mode for e in governed for mode in e.aux_mode}


def test_seeds_cited_source_chain_goes_outlet_then_source(seed_events):
    _, events = seed_events
    chains = [[link.kind for link in e.attribution] for e in events]
    assert any(kinds[0] == "outlet" and "anonymous" in kinds[2:] for kinds in chains if len(kinds) >= 3)
    for event in events:
        if event.attribution and event.cite_info.get("publication"):
            assert event.attribution[0].text == event.cite_info["publication"]


def test_seeds_every_evidence_indexes_its_layer(seed_events, evidence_in):
    texts, events = seed_events
    assert events
    for event in events:
        for evidence in evidence_in(event):
            layer = texts[event.doc_id][evidence.layer]
            assert layer[evidence.start : evidence.end] == evidence.text

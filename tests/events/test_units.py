"""A group's nationality words as the actor of its movement, and intent/demand on troop counts."""
from __future__ import annotations

import pytest

from sitrep.events import code_events, happened
from sitrep.nlp import default_nlp

OUTLET = "Example Wire"


def mobilize(events):
    found = [e for e in events if e.event == "MOBILIZE"]
    assert len(found) == 1, [(e.event, e.event_text) for e in events]
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "More than 5,000 Iraqi and Lebanese fighters poured into Idlib.",
        "The deployment of 5,000 Iraqi and Lebanese fighters to Aleppo began.",
        "Thousands of fighters from Jordan and Lebanon flooded into Idlib.",
    ],
)
def test_units_group_nationalities_are_the_actors(annotate, text):
    doc = annotate(text, quantities=[("5,000", 5000, "fighters")] if "5,000" in text else ())
    event = mobilize(code_events(doc, outlet=OUTLET))
    codes = [a.code for a in event.actor]
    assert codes in (["IRQ", "LBN"], ["JOR", "LBN"]), codes
    for actor in event.actor:
        assert text[actor.evidence.start : actor.evidence.end] == actor.entity_text
    assert event.event_loc is not None


def test_units_named_subject_wins_over_group_words(annotate):
    doc = annotate("Russia sent 2,000 Iraqi volunteers into Donetsk.", quantities=[("2,000", 2000, "volunteers")])
    event = mobilize(code_events(doc))
    assert [a.identifier for a in event.actor] == ["RUS"]


def test_units_lower_case_or_unknown_modifiers_name_no_actor(annotate):
    doc = annotate("Thousands of foreign fighters poured into Idlib.")
    event = mobilize(code_events(doc))
    assert [(e.code, e.identifier, e.entity_text) for e in event.actor] == [(None, None, "foreign fighters")]


def test_units_nationality_after_a_stance_prefix_names_no_actor(annotate):
    doc = annotate("Thousands of pro-Lebanese fighters poured into Idlib.")
    event = mobilize(code_events(doc))
    assert [(e.code, e.identifier) for e in event.actor] == [(None, None)]


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Iran is preparing to send thousands of troops to Idlib.", "future"),
        ("The goal is to deploy 10,000 Iraqi fighters to Aleppo.", "future"),
        ("Iran must send 50,000 soldiers to Syria.", "demand"),
        ("The group called for tens of thousands of soldiers to be sent to Syria.", "demand"),
    ],
)
def test_units_intended_or_demanded_troops_did_not_move(annotate, text, mode):
    event = mobilize(code_events(annotate(text)))
    assert mode in event.aux_mode
    assert not happened(event)


def test_units_a_movement_from_a_country_is_not_by_it():
    events = [e for e in code_events(default_nlp()("President Obama said the withdrawal from Iraq was not his decision."))
              if e.event == "RETREAT"]
    assert events and all(not e.actor for e in events)

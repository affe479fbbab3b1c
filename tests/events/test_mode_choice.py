"""The PLOVER mode read around the trigger: the means named beside it, the act demanded."""
from __future__ import annotations

import json

import pytest

from sitrep.errors import SitrepError
from sitrep.events import code_events
from sitrep.events import lexicon as lexicon_module
from sitrep.nlp import default_nlp


def only(events, event_type):
    found = [e for e in events if e.event == event_type]
    assert len(found) == 1, [(e.event, e.event_text, e.mode) for e in events]
    return found[0]


@pytest.mark.parametrize("text, mode, cue", [
    ("Two fighter planes targeted the Iranian base near Idlib.", "aerial", "planes"),
    ("Three gunmen stormed a hotel in Aleppo.", "firearms", "gunmen"),
    ("The convoy was hit by rockets near Idlib.", "heavy-weapons", "rockets"),
    ("Hezbollah commanders were killed in an airstrike near Idlib.", "aerial", "airstrike"),
])
def test_mode_choice_means_beside_a_plain_verb_gives_the_mode(annotate, text, mode, cue):
    event = only(code_events(annotate(text)), "ASSAULT")
    assert event.mode == mode and event.evidence["mode"].text == cue


def test_mode_choice_suicide_refines_explosives_but_a_target_gives_no_mode(annotate):
    detonated = only(code_events(annotate("Two attackers detonated suicide vests in Aleppo.")), "ASSAULT")
    assert detonated.mode == "suicide-attack" and detonated.evidence["mode"].text == "suicide"
    destroyed = only(code_events(annotate("Hezbollah fighters destroyed a tank near Idlib.")), "ASSAULT")
    assert destroyed.mode == "destroy" and destroyed.evidence["mode"] == destroyed.evidence["event"]


def test_mode_choice_the_act_another_answers_gives_it_no_mode(annotate):
    events = code_events(annotate("Hezbollah fighters stormed the Turkish base in Idlib in response to the airstrikes."))
    stormed = next(e for e in events if e.event_text == "stormed")
    assert stormed.mode is None


@pytest.mark.parametrize("text, mode", [
    ("A car bombing killed 12 people in Aleppo.", "explosives"),
    ("The bombing of Aleppo by Russian warplanes killed 20 people.", "aerial"),
    ("Russian jets bombed Aleppo on Monday.", "aerial"),
    ("The aircraft dropped a bomb on the compound in Idlib.", "aerial"),
])
def test_mode_choice_a_bombing_is_explosives_unless_aircraft_drop_it(annotate, text, mode):
    assert only(code_events(annotate(text)), "ASSAULT").mode == mode


@pytest.mark.parametrize("text, event_type, mode, cue", [
    ("Russia called on Iran to release the hostages.", "REQUEST", "yield", "release the hostages"),
    ("The US called on Iran to release a Panamanian-flagged tanker.", "REQUEST", "yield", "release"),  # a vessel held
    ("Turkey pressed Russia to hold talks with Iran.", "REQUEST", "meet", "hold talks"),
    ("Iran called on the parliament to vote on the budget.", "REQUEST", "change", "vote"),
    ("Hezbollah threatened new attacks on Turkish troops in Idlib.", "THREATEN", "violence", "attacks"),
])
def test_mode_choice_demand_or_threat_takes_the_kind_of_act_below_it(annotate, text, event_type, mode, cue):
    event = only(code_events(annotate(text)), event_type)
    assert event.mode == mode and event.evidence["mode"].text == cue


def test_mode_choice_clause_beside_a_demand_gives_it_no_mode(annotate):
    event = only(code_events(annotate("Russia pressed Iran to reduce violence and discussed talks with Turkey.")),
                 "REQUEST")
    assert event.mode == "change" and event.evidence["mode"].text == "reduce"


@pytest.mark.parametrize("text, event_type, mode", [
    ("Petraeus denied to his associates that he had given Broadwell secret information.", "REJECT", None),
    ("Boehner denied he was leaving the House.", "REJECT", None),
    ("Trump demanded that North Korea destroy its nuclear facilities.", "REQUEST", "change"),  # subjunctive
    ("Islamist militants demanded that Christians convert to Islam.", "REQUEST", "change"),
])
def test_mode_choice_a_denied_fact_is_no_refused_act(text, event_type, mode):
    assert only(code_events(default_nlp()(text)), event_type).mode == mode


def test_mode_choice_a_meeting_that_times_a_demand_is_not_what_it_demands():
    events = code_events(default_nlp()("Trump asked Comey to drop the probe during his meeting with Putin."))
    assert only(events, "REQUEST").mode == "change"
    assert "demand" not in only(events, "CONSULT").aux_mode  # the meeting took place


def test_mode_choice_tables_with_a_foreign_mode_raise_e030(monkeypatch):
    data = json.loads(lexicon_module._kb_text(lexicon_module.PLOVER_FILE))
    data["embedded_modes"]["THREATEN"]["ASSAULT"] = "yield"
    monkeypatch.setattr(lexicon_module, "_kb_text", lambda name: json.dumps(data))
    lexicon_module.load_ontology.cache_clear()
    try:
        with pytest.raises(SitrepError, match="E030.*embedded_modes"):
            lexicon_module.load_ontology()
    finally:
        lexicon_module.load_ontology.cache_clear()

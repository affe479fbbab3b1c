"""The rule coder, field by field, on conflict sentences written for these tests."""
from __future__ import annotations

import pytest

from sitrep.errors import SitrepError
from sitrep.events import EventCoder, RuleCoder, code_events, happened
from sitrep.events.candidates import candidate_sentences
from sitrep.events.context import CONTEXT_WINDOW
from sitrep.events.lexicon import _trigger_row, load_ontology, load_triggers
from sitrep.model import DateEstimate
from sitrep.nlp import default_nlp

OUTLET = "Example Wire"


def only(events, event_type):
    """The single event of `event_type` in `events`."""
    found = [e for e in events if e.event == event_type]
    assert len(found) == 1, [(e.event, e.event_text) for e in events]
    return found[0]


def actor_ids(entities):
    return [entity.identifier for entity in entities]


def coded_types(text):
    """The event types the default pipeline codes in `text`, in order."""
    return [e.event for e in code_events(default_nlp()(text))]


def coded_event(text, event_type):
    """The one event of `event_type` the default pipeline codes in `text`."""
    return only(code_events(default_nlp()(text)), event_type)


def coded_on(text, day):
    """The events of `text` parsed by the default pipeline as published on `day`."""
    nlp = default_nlp()
    doc = nlp.make_doc(text)
    doc._.published = DateEstimate(day, day, day, "day")
    return code_events(nlp(doc))


def test_coder_mobilize_record_has_every_field(annotate):
    text = "Russia sent 3,000 troops into Donetsk on Monday, the ministry said."
    doc = annotate(text, times={"Monday": "2024-03-04"}, quantities=[("3,000", 3000, "troops")])
    event = only(code_events(doc, outlet=OUTLET), "MOBILIZE")
    assert event.quad_code == 4
    assert (event.mode, event.context) == ("troops", ("military",))
    assert actor_ids(event.actor) == ["RUS"] and event.actor[0].code == "RUS"
    assert (event.magnitude.count, event.magnitude.unit) == (3000, "troops")
    assert event.magnitude.evidence.text == "3,000 troops"
    assert event.event_loc.extracted_place == "Donetsk" and event.event_loc.country_code == "UA"
    assert event.event_loc.country == "Ukraine"
    assert (event.date, event.date_from_publication) == ("2024-03-04", False)
    assert event.evidence["date"].text == "Monday"
    assert event.aux_mode == ("reported",)
    assert [(link.kind, link.text, link.identifier) for link in event.attribution] == [
        ("outlet", OUTLET, None),
        ("speaker", "the ministry", "RUS_MOD"),
    ]
    assert event.cite_info["publication"] == OUTLET
    assert event.text == text and event.sentence.text == text
    assert happened(event)


def test_coder_date_falls_back_to_publication_with_flag(annotate, published):
    doc = annotate("Turkish artillery shelled Afrin.")
    event = only(code_events(doc), "ASSAULT")
    assert (event.date, event.date_from_publication) == (published, True)


def test_coder_no_date_without_time_or_publication(annotate):
    doc = annotate("Turkish artillery shelled Afrin.", published=None)
    event = only(code_events(doc), "ASSAULT")
    assert event.date is None and "date" not in event.evidence


@pytest.mark.parametrize(
    "text, number, value, mode",
    [
        ("The goal is to deploy 10,000 soldiers in Idlib.", "10,000", 10000, "future"),
        ("Iran must send 50,000 soldiers to Syria.", "50,000", 50000, "demand"),
        ("Iran is preparing to send 20,000 fighters to Idlib.", "20,000", 20000, "future"),
    ],
)
def test_coder_goal_or_demand_number_is_never_a_happened_deployment(annotate, text, number, value, mode):
    unit = text.split(number)[1].split()[0]
    doc = annotate(text, quantities=[(number, value, unit)])
    event = only(code_events(doc), "MOBILIZE")
    assert mode in event.aux_mode
    assert not happened(event)
    assert event.magnitude.count == value
    assert event.confidence < 0.5


def test_coder_negated_and_denied_events_lose_confidence(annotate):
    plain = only(code_events(annotate("Turkey sent troops into Idlib.")), "MOBILIZE")
    negated = only(code_events(annotate("Turkey did not send troops into Idlib.")), "MOBILIZE")
    denied = only(code_events(annotate("Turkey denied sending troops into Idlib.")), "MOBILIZE")
    assert negated.aux_mode == ("negation",) and denied.aux_mode == ("denied",)
    assert plain.confidence > denied.confidence > negated.confidence
    assert happened(plain) and not happened(negated) and not happened(denied)


def test_coder_location_prefers_place_attached_to_trigger(annotate):
    doc = annotate("Iranian forces stationed near Latakia were deployed to Aleppo.")
    event = only(code_events(doc), "MOBILIZE")
    assert event.event_loc.extracted_place == "Aleppo"
    assert actor_ids(event.actor) == ["IRN"]


def test_coder_location_falls_back_to_sentence_place_with_lower_confidence(annotate):
    attached = only(code_events(annotate("Russian jets bombed Idlib.")), "ASSAULT")
    loose = only(code_events(annotate("Idlib residents said Russian jets bombed a market.")), "ASSAULT")
    assert attached.event_loc.extracted_place == loose.event_loc.extracted_place == "Idlib"
    assert loose.event_loc.confidence < attached.event_loc.confidence


def test_coder_verbal_event_takes_no_unattached_place(annotate):
    event = only(code_events(annotate("Moscow denied sending troops to Syria.")), "REJECT")
    assert event.event_loc is None and actor_ids(event.actor) == ["RUS_GOV"]


def test_coder_recipient_from_target_preposition_and_actor_from_light_verb(annotate):
    doc = annotate("Turkey launched an offensive against Hezbollah in Afrin.")
    event = only(code_events(doc), "ASSAULT")
    assert actor_ids(event.actor) == ["TUR"]
    assert actor_ids(event.recipient) == ["LBN_HEZ"]
    assert event.recipient[0].code == "LBN" and event.recipient[0].sector == "REB"
    assert event.event_loc.extracted_place == "Afrin"


def test_coder_nominal_trigger_merges_with_casualty_verb(annotate):
    doc = annotate("Russian airstrikes on Idlib killed 12 civilians.", quantities=[("12", 12, "civilians")])
    event = only(code_events(doc), "ASSAULT")
    assert event.mode == "aerial"
    assert actor_ids(event.actor) == ["RUS"]
    assert event.event_loc.extracted_place == "Idlib"
    assert event.size == {"dead": 12}
    assert event.evidence["size:dead"].text == "12"
    assert event.magnitude is None


def test_coder_passive_agent_is_actor(annotate):
    event = only(code_events(annotate("Aleppo was shelled by Turkish artillery.")), "ASSAULT")
    assert actor_ids(event.actor) == ["TUR"]
    assert event.event_loc.extracted_place == "Aleppo"


def test_coder_movement_object_names_actor_when_no_subject(annotate):
    doc = annotate("7,000 Iranian fighters were sent to Syria.", quantities=[("7,000", 7000, "fighters")])
    event = only(code_events(doc), "MOBILIZE")
    assert actor_ids(event.actor) == ["IRN"]
    assert event.magnitude.count == 7000
    assert event.recipient == ()


def test_coder_the_noun_a_movement_participle_describes_is_what_it_moves():
    """"645 U.S. military personnel deployed to support these missions": the personnel are
    moved, so they give the movement its mover and its count."""
    event = coded_event("In Niger, there are about 645 U.S. military personnel deployed to support these missions.",
                        "MOBILIZE")
    assert ([e.identifier for e in event.actor], event.magnitude.count) == (["USA_MIL"], 645)


def test_coder_magnitude_ignores_numbers_not_attached_to_trigger(annotate):
    doc = annotate(
        "Russia, which lost 300 tanks last year, sent troops to Donetsk.", quantities=[("300", 300, "tanks")]
    )
    event = only(code_events(doc), "MOBILIZE")
    assert event.magnitude is None
    assert actor_ids(event.actor) == ["RUS"]


def test_coder_compound_subject_gives_all_actors(annotate):
    event = only(code_events(annotate("Russia and Iran sent troops to Syria.")), "MOBILIZE")
    assert actor_ids(event.actor) == ["RUS", "IRN"]


def test_coder_threat_absorbs_the_threatened_action(annotate):
    events = code_events(annotate("Turkey threatened to invade northern Syria."))
    assert [e.event for e in events] == ["THREATEN"]
    assert events[0].mode == "violence" and actor_ids(events[0].actor) == ["TUR"]


def test_coder_quote_gives_attribution_chain(annotate):
    text = "Hezbollah fighters attacked Aleppo, a commander told reporters."
    doc = annotate(text, quotes=[("Hezbollah fighters attacked Aleppo", "a commander", "told")])
    event = only(code_events(doc, outlet=OUTLET), "ASSAULT")
    assert [(link.kind, link.text) for link in event.attribution] == [
        ("outlet", OUTLET),
        ("official", "a commander"),
    ]
    assert event.evidence["aux_mode:reported"].text == "told"


def test_coder_according_to_names_the_source(annotate):
    doc = annotate("According to the Syrian Observatory, Russian jets bombed Idlib.")
    event = only(code_events(doc), "ASSAULT")
    assert [(link.kind, link.identifier) for link in event.attribution] == [("speaker", "SOHR")]


def test_coder_unresolved_actor_keeps_its_text(annotate):
    event = only(code_events(annotate("The rebels shelled Aleppo.")), "ASSAULT")
    assert event.actor[0].identifier is None and event.actor[0].entity_text == "rebels"


def test_coder_every_evidence_matches_the_text(annotate, evidence_in):
    sentences = [
        ("Russia sent 3,000 troops into Donetsk on Monday, the ministry said.", {"Monday": "2024-03-04"},
         [("3,000", 3000, "troops")]),
        ("Russian airstrikes on Idlib killed 12 civilians.", {}, [("12", 12, "civilians")]),
        ("Iran will not send troops but deployed jets to Latakia.", {}, []),
        ("Turkey launched an offensive against Hezbollah in Afrin.", {}, []),
    ]
    count = 0
    for text, times, quantities in sentences:
        doc = annotate(text, times=times, quantities=quantities)
        for event in code_events(doc, outlet=OUTLET):
            for evidence in evidence_in(event):
                assert evidence.layer == "text"
                assert doc.text[evidence.start : evidence.end] == evidence.text
                count += 1
    assert count > 20


def test_coder_candidates_need_a_resolved_actor_or_place(annotate):
    doc = annotate("Unknown men attacked a village. Turkish jets bombed Afrin. The weather was mild in Aleppo.")
    kept = [c.sent.text for c in candidate_sentences(doc, load_triggers().first_words)]
    assert kept == ["Turkish jets bombed Afrin."]


def test_coder_event_without_participant_or_place_is_dropped(annotate):
    doc = annotate("Turkey said nothing. The attack was brutal.", places=False)
    assert [e.event for e in code_events(doc)] == []


def test_coder_conjoined_triggers_are_separate_events(annotate):
    events = code_events(annotate("Iran will not send troops but deployed jets to Latakia."))
    assert [(e.event_text, e.aux_mode) for e in events] == [
        ("send troops", ("future", "negation")),
        ("deployed jets", ()),
    ]


@pytest.mark.parametrize("text, mode", [
    ("Russia deployed a particular missile system in Europe.", "weapons"),  # a weapon system, named by its kind
    ("Russia deployed 2,000 troops in Syria.", "troops"),
    ("Russia announced the deployment of a new missile in Kaliningrad.", "weapons"),  # one missile too
])
def test_coder_what_a_deployment_moves_gives_its_mode(text, mode):
    assert coded_event(text, "MOBILIZE").mode == mode


def test_coder_hyphenated_word_is_matched_only_as_a_whole(annotate):
    text = "Turkish units hold live-fire drills near Afrin. The rebels observed a cease-fire in Aleppo."
    events = code_events(annotate(text))
    assert [(e.event, e.mode) for e in events] == [("MOBILIZE", "troops"), ("RETREAT", "ceasefire")]


@pytest.mark.parametrize(("text", "events"), [
    ("Adam Schiff, who sits on the House Intelligence Committee, called the video \u201cappalling.\u201d", []),
    ("Putin and Erdogan held a video call on Monday.", [("CONSULT", "video call")]),
    ("Obama should have heeded warnings on leaving troops in Iraq.", []),
    ("U.S. forces attacked ISIL terrorists in Iraq.", [("ASSAULT", "attacked")]),
])
def test_coder_a_phrase_led_by_a_noun_does_not_match_that_noun_as_an_object(text, events):
    """"video call", "troops leave", "terrorist attack" name a compound or a subject's act:
    "called the video", "leaving troops", "attacked terrorists" are other acts."""
    assert [(e.event, e.evidence["event"].text) for e in code_events(default_nlp()(text))] == events


def test_coder_missing_nlp_attributes_give_no_events(nlp):
    doc = nlp("Russia sent troops into Donetsk.")
    assert code_events(doc) == []


def test_coder_rule_coder_implements_protocol():
    assert isinstance(RuleCoder(), EventCoder)


def test_coder_ontology_has_sixteen_plover_categories_and_request_alias():
    ontology = load_ontology()
    assert len(ontology.events) == 16
    assert ontology.canonical("demand") == "REQUEST"
    assert {ontology.events[name].quad for name in ("AGREE", "AID", "ACCUSE", "ASSAULT")} == {1, 2, 3, 4}


def test_coder_lexicon_rejects_rows_outside_the_ontology():
    with pytest.raises(SitrepError, match="unknown event"):
        _trigger_row(1, {"lemma": "frobnicate", "event": "FROBNICATE", "certainty": 0.5, "note": "x"}, load_ontology())
    with pytest.raises(SitrepError, match="not a MOBILIZE mode"):
        _trigger_row(1, {"lemma": "deploy", "event": "MOBILIZE", "mode": "aerial", "certainty": 0.5, "note": "x"},
                     load_ontology())


def test_coder_release_needs_captives_as_object(annotate):
    video = code_events(annotate("Russia released a video from Donetsk."))
    prisoners = code_events(annotate("Russia released the prisoners in Donetsk."))
    assert [e.event for e in video] == []
    assert [(e.event, e.mode) for e in prisoners] == [("RETREAT", "release")]
    statement = code_events(default_nlp()("Senator John Carter released a statement in Dallas on Thursday."))
    assert not [e for e in statement if e.event == "RETREAT"]
    # the subject of the clause a conjunct or an infinitive hangs on does the act, as does
    # "US", which is no "us"
    for text in ("Carter criticized Russia, and several Democrats released statements in Dallas.",
                 "The US called on Iran to release the files on Benghazi."):
        assert not [e for e in code_events(default_nlp()(text)) if e.event == "RETREAT"], text


def test_coder_bare_ceasefire_mention_is_not_a_retreat(annotate):
    broken = code_events(annotate("The cease-fire in Idlib was broken on Monday.", times={"Monday": "2024-03-04"}))
    held = code_events(annotate("The cease-fire in Idlib took hold on Monday.", times={"Monday": "2024-03-04"}))
    assert "RETREAT" not in [e.event for e in broken]
    assert [(e.event, e.mode) for e in held] == [("RETREAT", "ceasefire")]


def test_coder_envoy_sent_is_a_visit_and_troops_sent_a_deployment(annotate):
    envoy = only(code_events(annotate("Russia dispatched an envoy to Kyiv.")), "CONSULT")
    troops = only(code_events(annotate("Russia dispatched troops to Donetsk.")), "MOBILIZE")
    assert envoy.mode == "visit" and troops.mode == "troops"


def test_coder_passive_subject_is_the_recipient(annotate):
    event = only(code_events(annotate("Hezbollah was hit by Russian airstrikes in Idlib.")), "ASSAULT")
    assert actor_ids(event.actor) == ["RUS"]
    assert actor_ids(event.recipient) == ["LBN_HEZ"]


def test_coder_participle_noun_is_the_recipient_not_the_actor(annotate):
    event = only(code_events(annotate("Hezbollah fighters killed by Turkish fire were buried in Afrin.")), "ASSAULT")
    assert actor_ids(event.actor) == ["TUR"]
    assert actor_ids(event.recipient) == ["LBN_HEZ"]


def test_coder_between_names_source_and_recipient(annotate):
    event = only(code_events(annotate("Clashes between Turkey and Hezbollah erupted in Afrin.")), "ASSAULT")
    assert actor_ids(event.actor) == ["TUR"] and actor_ids(event.recipient) == ["LBN_HEZ"]


def test_coder_meeting_of_coordinated_subjects_splits_the_sides(annotate):
    event = only(code_events(annotate("Russia and Turkey held talks in Aleppo.")), "CONSULT")
    assert actor_ids(event.actor) == ["RUS"] and actor_ids(event.recipient) == ["TUR"]
    # a partner after "with" is the other side, named or not: the subjects are one
    event = only(code_events(annotate("Russia and Turkey met with the rebel commanders in Aleppo.")), "CONSULT")
    assert actor_ids(event.actor) == ["RUS", "TUR"] and event.recipient == ()


@pytest.mark.parametrize(("text", "event_type", "actors", "recipients"), [
    ("Senate Armed Services Chairman John Ullyot pledged to hold hearings.", "AGREE", ["John Ullyot"], []),
    ("House and Senate Republicans accused Obama of acting illegally.", "ACCUSE", ["Republicans"], ["Obama"]),
    ("US and Russian officials reached an agreement in Geneva.", "AGREE", ["US"], ["Russian officials"]),
    ("Obama met House Armed Services Chairman Buck McKeon in Washington.", "CONSULT", ["Obama"], ["Buck McKeon"]),
    # the noun a participle modifies renames, in apposition, whom the act befalls
    ("Maj. Nidal Malik Hasan, the Army psychiatrist accused of killing 13 people, spoke on Tuesday.", "ACCUSE",
     [], ["Nidal Malik Hasan"]),
])
def test_coder_a_name_that_only_qualifies_another_is_no_side(text, event_type, actors, recipients):
    """A committee in a chairman's title and the chambers before a party's name say which
    person or members act; a state coordinated with the other's own qualifier is a side."""
    event = coded_event(text, event_type)
    assert ([e.entity_text for e in event.actor], [e.entity_text for e in event.recipient]) == (actors, recipients)


def test_coder_paragraph_break_ends_a_sentence(annotate):
    text = "Hezbollah Attack In Idlib\n\nTurkish artillery shelled Aleppo."
    events = code_events(annotate(text))
    assert [e.sentence.text for e in events] == ["Hezbollah Attack In Idlib", "Turkish artillery shelled Aleppo."]
    assert [e.event for e in events] == ["ASSAULT", "ASSAULT"]


def test_coder_number_of_attackers_is_the_magnitude_of_an_assault(annotate):
    doc = annotate("Ten gunmen stormed a hotel in Aleppo, killing 12 civilians.",
                   quantities=[("Ten", 10, "gunmen"), ("12", 12, "civilians")])
    event = only(code_events(doc), "ASSAULT")
    assert (event.magnitude.count, event.magnitude.evidence.text, event.size) == (10, "Ten gunmen", {"dead": 12})
    shared = coded_event("Three militants rushed inside and opened fire.", "ASSAULT")
    assert shared.magnitude.count == 3  # the subject a conjunct shares


def test_coder_casualty_count_said_of_the_subject_is_size(annotate):
    doc = annotate("Over 50 civilians are reported dead in Aleppo.", quantities=[("50", 50, "civilians")])
    event = only(code_events(doc), "ASSAULT")
    assert event.size == {"dead": 50}


def test_coder_count_of_the_doers_of_a_killing_is_no_death_toll(annotate):
    doc = annotate("Two bombs outside a station in Aleppo killed more than 100 people.",
                   quantities=[("Two", 2, "bombs"), ("100", 100, "people")])
    event = only(code_events(doc), "ASSAULT")
    assert event.size == {"dead": 100}


def test_coder_material_event_takes_its_place_from_the_previous_sentence(annotate):
    text = "Russian jets bombed Idlib on Monday. Rescuers said 12 civilians were killed in the raid."
    doc = annotate(text, times={"Monday": "2024-03-04"}, quantities=[("12", 12, "civilians")])
    first, second = [e for e in code_events(doc) if e.event == "ASSAULT"]
    assert second.event_loc.extracted_place == "Idlib"
    assert second.event_loc.evidence == first.event_loc.evidence
    assert second.event_loc.confidence < first.event_loc.confidence


def test_coder_a_carried_place_is_not_carried_on(annotate):
    """A place carries over a window of sentences counted from the words that name it: one
    carried into the next sentences does not travel on from them across the article."""
    quiet = "The town was quiet. " * (CONTEXT_WINDOW - 2)
    text = ("Russian jets bombed Idlib on Monday. Rescuers said 12 civilians were killed in the raid. "
            f"{quiet}Rebels attacked a checkpoint. Gunmen killed two guards.")
    doc = annotate(text, times={"Monday": "2024-03-04"}, quantities=[("12", 12, "civilians")])
    placed = [e.event_loc.extracted_place if e.event_loc else None for e in code_events(doc) if e.event == "ASSAULT"]
    assert placed == ["Idlib", "Idlib", "Idlib", None]


def test_coder_no_place_of_another_country_is_carried_into_an_act_on_a_state():
    """"their attack on America" happened in America, not in Kandahar, told before; an act on
    a person only linked to a state ("Saudi journalist Jamal Khashoggi") still takes the place."""
    text = "U.S. troops fought the Taliban in Kandahar on Monday. The Taliban said the raid was revenge for their attack on America."
    attack = [e for e in code_events(default_nlp()(text)) if e.event_text == "attack"]
    assert [e.event_loc for e in attack] == [None]
    text = "Gunmen attacked the consulate in Istanbul on Tuesday. They killed Saudi journalist Jamal Khashoggi."
    killed = [e for e in code_events(default_nlp()(text)) if e.event_text == "killed"]
    assert [e.event_loc.extracted_place for e in killed] == ["Istanbul"]


def test_coder_no_place_is_carried_into_a_sentence_that_places_another_happening():
    """The coder kept "attacked" from Tikrit, where its sentence places the assault: Idlib,
    told a sentence before, is no likelier."""
    text = ("Russian jets bombed Idlib on Monday. ISIL attacked Iraqi soldiers with roadside bombs as allied "
            "forces continued a huge assault against the group in Tikrit.")
    placed = {e.event_text: e.event_loc.extracted_place if e.event_loc else None
              for e in code_events(default_nlp()(text))}
    assert placed == {"bombed": "Idlib", "attacked": None, "assault": "Tikrit"}


def test_coder_a_place_the_gazetteer_lacks_is_not_carried():
    """An unknown district name places its own sentence, not the next ones: the city named
    before it stays the context ("in Beirut ... in the Jnah district ... 100 injured")."""
    text = ("Two suicide bombers attacked the Iranian embassy in Beirut on Tuesday. "
            "A second bomb exploded in the Zzyzxq district. At least 100 people were injured.")
    events = [e for e in code_events(default_nlp()(text)) if e.event == "ASSAULT"]
    assert [e.event_loc.extracted_place if e.event_loc else None for e in events][-1] == "Beirut"


def test_coder_history_takes_no_place_from_todays_news(annotate):
    text = "Russian jets bombed Idlib on Monday. Rebels attacked a Turkish checkpoint in 1998."
    doc = annotate(text, times={"Monday": "2024-03-04", "1998": "1998"})
    history = next(e for e in code_events(doc) if e.event_text == "attacked")
    assert "historical" in history.aux_mode and history.event_loc is None


def test_coder_no_place_is_carried_between_events_dated_to_different_months():
    """A 2011 attack in Kabul does not place arrests told "In May" of the publication year."""
    text = ("On September 13, 2011, the Haqqani network attacked the U.S. Embassy in Kabul, killing five Afghan "
            "police officers. In May, three men were arrested by Egyptian officials.")
    arrest = only(coded_on(text, "2013-08-02"), "COERCE")
    assert (arrest.date, arrest.event_loc) == ("2013-05", None)


def test_coder_material_event_of_another_kind_takes_the_place_but_a_statement_does_not(annotate):
    text = ("Russian troops clashed with Turkish troops in Idlib on Monday. Russia later withdrew its forces. "
            "Turkey condemned the clash.")
    events = code_events(annotate(text, times={"Monday": "2024-03-04"}))
    withdrawal, condemnation = only(events, "RETREAT"), only(events, "ACCUSE")
    assert withdrawal.event_loc.extracted_place == "Idlib" and condemnation.event_loc is None
    # nor does a sanction: it is decided far from the scene told before it
    text = ("The U.S. expelled 60 Russian diplomats and shuttered the Russian consulate in Seattle. "
            "Last month the administration imposed sanctions on Russian hackers.")
    sanctions = [e for e in code_events(default_nlp()(text)) if e.event_text != "expelled 60 Russian diplomats"]
    assert [(e.event, e.event_loc) for e in sanctions] == [("SANCTION", None)]


def test_coder_agent_of_a_light_verb_participle_did_the_act_but_not_any_participle(annotate):
    event = only(code_events(annotate("Airstrikes carried out by Russia killed 12 civilians in Idlib.")), "ASSAULT")
    assert actor_ids(event.actor) == ["RUS"]
    poster = annotate("Turkey released a wanted poster for the commander, accompanied by a sketch of Hezbollah fighters.")
    assert all(actor_ids(e.actor) != ["LBN_HEZ"] for e in code_events(poster))


def test_coder_victims_killed_in_a_fight_with_a_party_name_it_as_the_actor(annotate):
    events = code_events(annotate("Two Iranian soldiers were killed in a clash with Hezbollah near Idlib."))
    killed = next(e for e in events if e.event_text == "killed")
    assert actor_ids(killed.actor) == ["LBN_HEZ"] and actor_ids(killed.recipient) == ["IRN"]
    merged = only(code_events(annotate("Two soldiers were wounded during fighting with Hezbollah in Idlib.")), "ASSAULT")
    assert actor_ids(merged.actor) == ["LBN_HEZ"] and [e.entity_text for e in merged.recipient] == ["Two soldiers"]


@pytest.mark.parametrize("text", [
    "Two Iranian soldiers were killed fighting Hezbollah near Idlib.",
    # the tagger calls the participle a past tense and the parser hangs it on "graves"
    "Mourners visited the graves of Iranian soldiers killed fighting Hezbollah.",
])
def test_coder_victims_killed_fighting_a_party_name_it_as_the_actor(annotate, text):
    events = code_events(annotate(text))
    killed = next(e for e in events if e.event_text == "killed")
    assert actor_ids(killed.actor) == ["LBN_HEZ"] and actor_ids(killed.recipient) == ["IRN"]
    fighting = next(e for e in events if e.event_text == "fighting")
    assert actor_ids(fighting.actor) == ["IRN"] and actor_ids(fighting.recipient) == ["LBN_HEZ"]


def test_coder_at_the_request_of_names_who_asked():
    text = "At the request of the Iraqi government, the U.S. military sent advisers to Baghdad."
    request = coded_event(text, "REQUEST")
    assert ([e.code for e in request.actor], request.recipient) == (["IRQ"], ())


@pytest.mark.parametrize(("text", "actors", "recipients"), [
    ("The bill passed the Senate with the support of seven Republicans.", ["USA_GOP"], []),
    ("Republicans will need the backing of nine Democrats.", ["USA_DEM"], []),
    ("Russia reaffirmed its support for Assad.", ["RUS"], ["SYR_ASSAD"]),
    ("The United States expressed support for Israel.", ["USA"], ["ISR"]),
])
def test_coder_who_gives_support_and_who_gets_it(text, actors, recipients):
    """"the support of seven Republicans": they give it, with nobody named before the noun;
    "support for Assad", "support for Israel": the one backed (no place)."""
    support = coded_event(text, "SUPPORT")
    assert (actor_ids(support.actor), actor_ids(support.recipient)) == (actors, recipients)
    assert support.event_loc is None


def test_coder_a_trigger_in_the_title_of_a_work_is_no_event_but_one_beside_it_is():
    nlp = default_nlp()
    assert code_events(nlp("Ms. Haley told NBC’s “Meet the Press.”")) == []
    meeting = only(code_events(nlp("Haley said on NBC's Meet the Press that she would meet the Iranian foreign "
                                   "minister.")), "CONSULT")
    assert meeting.event_text == "meet"


def test_coder_what_an_act_is_aimed_at_is_its_recipient():
    """"rockets aimed at Israel", "an attack directed at the United States": the target."""
    nlp = default_nlp()
    fired = only(code_events(nlp("Hamas fired rockets aimed at Israel.")), "ASSAULT")
    assert [e.code for e in fired.recipient] == ["ISR"]
    attack = only(code_events(nlp("Soleimani was preparing an attack directed at the United States.")), "ASSAULT")
    assert [e.code for e in attack.recipient] == ["USA"]


def test_coder_what_an_act_did_after_a_comma_names_no_opponent():
    """"detonated ..., injuring 29 people": the 29 were hurt, nobody fought them."""
    text = "An improvised explosive device was detonated on a train in London, injuring 29 people."
    detonated = next(e for e in code_events(default_nlp()(text)) if e.event_text == "detonated")
    assert detonated.actor == ()


def test_coder_meeting_takes_its_sentence_place_but_a_statement_does_not(annotate):
    events = code_events(annotate("While both were in Aleppo, Russia held talks with Turkey and accused Iran of lying."))
    assert only(events, "CONSULT").event_loc.extracted_place == "Aleppo"
    assert only(events, "ACCUSE").event_loc is None


def test_coder_count_of_a_group_names_the_group_as_participant(annotate):
    event = only(code_events(annotate("All four of the gunmen were killed, a police officer said.")), "ASSAULT")
    assert [(e.entity_text, e.sector) for e in event.recipient] == [("the gunmen", "UAF")]


def test_coder_trigger_inside_a_name_is_no_event_but_the_head_of_a_headline_is():
    nlp = default_nlp()
    observers = code_events(nlp("The team was traveling under the auspices of the Organization of Security "
                                "and Cooperation in Europe when they were detained."))
    assert [e.event for e in observers] == ["COERCE"]
    headline = code_events(nlp("Turkish Nightclub Attack: ISIS Claims Responsibility"))
    assert [e.event for e in headline] == ["ASSAULT"]


def test_coder_insisting_on_a_fact_is_no_demand():
    events = code_events(default_nlp()("The US insisted the drone had been over international waters."))
    assert not [e for e in events if e.event == "REQUEST"]


def test_coder_those_who_died_in_a_clash_are_its_recipients(annotate):
    events = code_events(annotate("Two Iranian soldiers died in a clash with Hezbollah near Idlib."))
    died = next(e for e in events if e.event_text.startswith("died"))
    assert actor_ids(died.actor) == ["LBN_HEZ"] and actor_ids(died.recipient) == ["IRN"]
    assert not [e for e in code_events(annotate("The Iranian envoy died of cancer in Idlib.")) if e.event == "ASSAULT"]


def test_coder_we_in_a_quote_is_its_speaker_and_a_demanded_clause_names_the_addressee():
    doc = default_nlp()('Foreign Minister Sergei Lavrov spoke on Tuesday. "We again request that Turkey '
                        'withdraws its troops from Idlib," he said.')
    request = only(code_events(doc), "REQUEST")
    assert [(e.identifier, e.evidence.text) for e in request.actor] == [("RUS_LAVROV", "Sergei Lavrov")]
    assert actor_ids(request.recipient) == ["TUR"] and "reported" not in request.aux_mode


def test_coder_statement_by_its_own_speaker_is_not_reported(annotate):
    own = only(code_events(annotate("Hezbollah accepted the offer, a Hezbollah spokesman said.")), "AGREE")
    cited = only(code_events(annotate("Hezbollah accepted the offer, the ministry said.")), "AGREE")
    assert own.aux_mode == () and cited.aux_mode == ("reported",)


def test_coder_lexicon_rejects_an_unknown_noun_class():
    row = {"lemma": "release", "event": "RETREAT", "certainty": 0.5, "needs": "hostages", "note": "x"}
    with pytest.raises(SitrepError, match="unknown noun class"):
        _trigger_row(1, row, load_ontology(), frozenset({"captives"}))
    row = {"lemma": "offer", "event": "AGREE", "certainty": 0.5, "other_sense_objects": "wishes", "note": "x"}
    with pytest.raises(SitrepError, match="unknown noun class 'wishes'"):
        _trigger_row(1, row, load_ontology(), frozenset({"gestures"}))


def test_coder_nominal_trigger_counts_only_its_own_arguments(annotate):
    from sitrep.events import code_events

    far = annotate("A mobilization of this size in Idlib broke the understanding between the two countries.",
                   quantities=[("two", 2.0, "countries")])
    assert all(event.magnitude is None for event in code_events(far))
    near = annotate("Iran confirmed the deployment of 7,000 Iranian fighters in Idlib.",
                    quantities=[("7,000", 7000.0, "fighters")])
    assert [(e.magnitude.count, e.magnitude.unit) for e in code_events(near)
            if e.event == "MOBILIZE" and e.magnitude] == [(7000.0, "fighters")]


def test_coder_gerund_after_preposition_takes_the_clause_subject(annotate):
    doc = annotate("Russia withdrew from Donetsk two days after shelling Kharkiv.")
    shelling = only(code_events(doc), "ASSAULT")
    assert shelling.event_text == "shelling" and actor_ids(shelling.actor) == ["RUS"]


def test_coder_object_of_governing_verb_does_the_infinitive(annotate):
    doc = annotate("Iran urged Hezbollah to attack Kharkiv.")
    attack = [e for e in code_events(doc) if e.event_text == "attack"]
    assert len(attack) == 1 and actor_ids(attack[0].actor) == ["LBN_HEZ"]


def test_coder_object_of_call_on_does_the_infinitive_but_not_a_date(annotate):
    release = only(code_events(annotate("Russia called on Iran to release the hostages.")), "RETREAT")
    assert actor_ids(release.actor) == ["IRN"]
    sanctions = only(code_events(annotate("Russia agreed on Saturday to impose sanctions on Iran.",
                                          times={"Saturday": "2024-03-02"})), "SANCTION")
    assert actor_ids(sanctions.actor) == ["RUS"]


def test_coder_unnamed_participants_are_uncoded_entities_with_their_sector(annotate):
    doc = annotate("In Aleppo, gunmen attacked the civilians who had gathered near the market.")
    event = only(code_events(doc), "ASSAULT")
    assert [(e.entity_text, e.code, e.identifier, e.sector) for e in event.actor] == [("gunmen", None, None, "UAF")]
    assert [(e.entity_text, e.sector) for e in event.recipient] == [("the civilians", "CVL")]
    assert event.actor[0].evidence.text == "gunmen" and event.actor[0].confidence < 0.5


@pytest.mark.parametrize(("text", "event_type", "role", "entity"), [
    ("Israeli troops killed 160 Palestinians in Gaza.", "ASSAULT", "recipient", ("160 Palestinians", "PSE", "CVL")),
    ("Thousands of Iranians protested in Tehran.", "PROTEST", "actor", ("Iranians", "IRN", "CVL")),
    ("The Iraqis attacked the base.", "ASSAULT", "actor", ("Iraqis", "IRQ", "GOV")),  # a side: its government
])
def test_coder_a_people_named_by_its_demonym_is_its_countrys_civilians(text, event_type, role, entity):
    (event,) = [e for e in code_events(default_nlp()(text)) if e.event == event_type]
    assert [(e.entity_text, e.code, e.sector) for e in getattr(event, role)] == [entity]


@pytest.mark.parametrize(("text", "event_type", "entity"), [
    ("Militants seized two Turkish engineers near Mosul.", "ASSAULT", ("two Turkish engineers", "TUR", "CVL")),
    ("Three Chinese engineers were killed in Baluchistan.", "ASSAULT", ("Three Chinese engineers", "CHN", "CVL")),
    ("Gunmen shot a Palestinian woman at a checkpoint.", "ASSAULT", ("a Palestinian woman", "PSE", "CVL")),
])
def test_coder_civilians_named_by_their_trade_or_kind_are_recipients_of_their_country(text, event_type, entity):
    (event,) = [e for e in code_events(default_nlp()(text)) if e.event == event_type]
    assert [(e.entity_text, e.code, e.sector) for e in event.recipient] == [entity]


@pytest.mark.parametrize(("text", "actors"), [
    ("Nigerian hostages were freed on Monday.", []),
    ("One new demand was that all Afghan prisoners be released from Guantanamo Bay.", []),
    ("The release of 20 Afghan prisoners angered Washington.", []),
    ("Hundreds of Iranian troops were withdrawn from Syria.", ["IRN"]),  # the moved are the movers
    ("20,000 Iranian fighters poured into Idlib.", ["IRN"]),
])
def test_coder_the_people_a_movement_befalls_name_no_doer(text, actors):
    """Whom a release frees is no mover: their nationality is not the releaser's."""
    (event,) = [e for e in code_events(default_nlp()(text)) if e.event in ("RETREAT", "MOBILIZE")]
    assert [e.code for e in event.actor] == actors


@pytest.mark.parametrize(("text", "actors", "recipients"), [
    ("US-backed forces attacked the town.", ["US-backed forces"], []),
    ("They struck the gates of the U.S.-backed African Union forces that are attacking the Somali government.",
     ["African Union"], ["Somali government"]),
    ("Militants attacked the base with U.S.-made weapons.", ["Militants"], []),
    ("The military-backed interim president, Adly Mansour, attacked the protesters.", ["Adly Mansour"], ["the protesters"]),
    # what a group is tied to or inspired by takes no part either
    ("The Islamic Front has been fighting the Al Qaeda-linked Islamic State of Iraq and the Levant in Syria.",
     ["Islamic Front"], ["Islamic State of Iraq and the Levant"]),
    ("ISIS-inspired attackers killed 12 people in Paris.", ["ISIS-inspired attackers"], ["12 people"]),
])
def test_coder_a_backer_or_maker_before_a_participle_takes_no_part(text, actors, recipients):
    """"US-backed forces" are the forces, with no named actor of their own; "U.S.-made
    weapons" are no U.S. act, also when a relative pronoun stands for the noun."""
    (event,) = [e for e in code_events(default_nlp()(text)) if e.event == "ASSAULT" and e.evidence["event"].text != "struck"]
    assert ([e.entity_text for e in event.actor], [e.entity_text for e in event.recipient]) == (actors, recipients)


@pytest.mark.parametrize("text", [
    "GAZA CITY (AP) \u2014 Hamas fighters attacked an army post on Sunday.",
    "Simi Valley, California (CNN) Jeb Bush, laying out his strategy on Tuesday, called for a no-fly zone over Syria.",
    "(CNN) Aerial bombardments blew apart a Doctors Without Borders hospital in Kunduz, killing at least 19 people.",
])
def test_coder_the_agency_credited_in_a_dateline_takes_no_part(text):
    events = code_events(default_nlp()(text))
    assert events and not [a for e in events for a in e.actor if a.entity_text in ("AP", "CNN")]


def test_coder_a_state_before_an_act_noun_makes_a_candidate_and_names_the_doer():
    """The arbiter calls "U.S." in "the U.S. airstrike" neither actor nor place: the
    sentence still holds an event, whose doer the coder reads from the modifier."""
    (event,) = code_events(default_nlp()("The U.S. airstrike killed the general."))
    assert [a.code for a in event.actor] == ["USA"]


def test_coder_a_possessive_the_parser_calls_a_subject_still_owns_a_patient_noun():
    text = "Iranian Gen. Qassem Soleimani\u2019s killing in a drone strike in Baghdad has escalated the crisis."
    killing = coded_event(text, "ASSAULT")
    assert killing.actor == () and [r.identifier for r in killing.recipient] == ["IRN_SOLEIMANI"]


def test_coder_an_unnamed_participant_shared_by_merged_triggers_is_listed_once():
    (event,) = code_events(default_nlp()("An Israeli airstrike killed five people."))
    assert [r.entity_text for r in event.recipient] == ["five people"]


@pytest.mark.parametrize(("text", "actors"), [
    ("Russian airstrikes continued overnight.", ["RUS"]),  # a description, not a name: the act stands
    ("Israel says 422 rockets fired from Gaza into Israel in past two days", []),  # the sayer fired nothing
    ("Trump wanted Assad killed.", ["USA"]),  # who wants it done does it
])
def test_coder_who_does_an_act_named_inside_a_description_or_a_reported_headline(text, actors):
    (event,) = code_events(default_nlp()(text))
    assert [a.code for a in event.actor] == actors


def test_coder_whom_help_is_against_receives_none_of_it():
    (event,) = [e for e in code_events(default_nlp()("Turkey will defend the nation against terrorists."))
                if e.event == "SUPPORT"]
    assert event.recipient == ()


def test_coder_a_demonstrative_subject_is_no_relative_pronoun():
    (event,) = code_events(default_nlp()("But that did not kill the group."))
    assert event.actor == () and [r.entity_text for r in event.recipient] == ["the group"]


def test_coder_an_act_is_not_its_own_doer():
    (event,) = code_events(default_nlp()("Airstrikes continued overnight in Gaza City."))
    assert event.actor == ()


def test_coder_a_participant_stays_inside_its_sentence():
    """A headline without a full stop is parsed into the next paragraph: its last word is
    no part of the next line's subject."""
    text = "Video highlights plight of Iraqis\n\nFighter jets and drones targeted an ISIS convoy, Pentagon says"
    (event,) = code_events(default_nlp()(text))
    assert [e.entity_text for e in event.actor] == ["Fighter jets"]


def test_coder_described_participant_anchors_an_event_without_names(annotate):
    doc = annotate("Turkey said that the planes opened fire.", places=False)
    event = only(code_events(doc), "ASSAULT")
    assert [(e.entity_text, e.sector) for e in event.actor] == [("the planes", "UAF")]
    doc = annotate("Turkey said that the explosion damaged several vehicles.", places=False)
    assert code_events(doc) == []  # a thing, not a participant: nothing anchors the event


def test_coder_claim_of_responsibility_names_the_actor(annotate):
    event = only(code_events(annotate("Hezbollah claimed responsibility for the attack in Idlib.")), "ASSAULT")
    assert actor_ids(event.actor) == ["LBN_HEZ"] and "reported" in event.aux_mode
    event = only(code_events(annotate("Hezbollah denied responsibility for the bombing in Idlib.")), "ASSAULT")
    assert actor_ids(event.actor) == ["LBN_HEZ"] and "denied" in event.aux_mode
    event = only(code_events(annotate("Hezbollah was not responsible for the attack in Idlib.")), "ASSAULT")
    assert actor_ids(event.actor) == ["LBN_HEZ"] and "negation" in event.aux_mode


def test_coder_each_accused_the_other_gives_one_event_each_way(annotate):
    events = code_events(annotate("Russia and Ukraine each accused the other of shelling Kharkiv."))
    accusations = [(actor_ids(e.actor), actor_ids(e.recipient)) for e in events if e.event == "ACCUSE"]
    assert accusations == [(["RUS"], ["UKR"]), (["UKR"], ["RUS"])]


def test_coder_actor_inside_a_clause_of_the_object_is_not_the_recipient(annotate):
    event = only(code_events(annotate("Iran accused the other side of shelling the convoy sent by Turkey.")), "ACCUSE")
    assert event.recipient == ()


def test_coder_issuer_of_a_recording_makes_the_pledge_its_relative_clause_states(annotate):
    event = only(code_events(annotate("Hezbollah posted a recording that pledged allegiance to Iran.")), "AGREE")
    assert actor_ids(event.actor) == ["LBN_HEZ"]


def test_coder_issuer_of_a_statement_makes_its_call(annotate):
    event = only(code_events(annotate("Turkey circulated a statement calling for an inquiry in Idlib.")), "REQUEST")
    assert actor_ids(event.actor) == ["TUR"]


def test_coder_agent_of_a_light_verb_believed_of_the_act_did_it(annotate):
    event = only(code_events(annotate("New airstrikes, believed carried out by Russia, targeted Idlib again.")),
                 "ASSAULT")
    assert actor_ids(event.actor) == ["RUS"]


def test_coder_who_speaks_on_a_trip_makes_it(annotate):
    event = only(code_events(annotate("Turkey's envoy said on a trip to Moscow that the truce would hold.")), "CONSULT")
    assert (actor_ids(event.actor), actor_ids(event.recipient)) == (["TUR"], ["RUS_GOV"])
    # ... but one commenting on another's visit makes none
    event = only(code_events(annotate("Turkey has not commented on the prosecutor's visit to Moscow.")), "CONSULT")
    assert "TUR" not in actor_ids(event.actor)


def test_coder_nationality_before_a_bare_act_noun_is_its_doer(annotate):
    doc = annotate("Five people were killed in a Syrian strike in Idlib.")
    assert actor_ids(only(code_events(doc), "ASSAULT").actor) == ["SYR"]
    doc = annotate("The Iraq strikes angered Turkey.")  # a state's name before it is its target or place
    assert all(actor_ids(e.actor) != ["IRQ"] for e in code_events(doc))


def test_coder_whose_relative_was_killed_is_no_victim(annotate):
    event = only(code_events(annotate("Gunmen killed the son of a Hezbollah commander in Idlib.")), "ASSAULT")
    assert "LBN_HEZ" not in actor_ids(event.recipient)
    event = only(code_events(annotate("Gunmen killed a Hezbollah commander in Idlib.")), "ASSAULT")
    assert actor_ids(event.recipient) == ["LBN_HEZ"]


def test_coder_who_uses_or_summons_someone_to_act_does_it(annotate):
    event = only(code_events(annotate("Turkey summoned the Russian envoy to protest the shelling of Idlib.")), "PROTEST")
    assert actor_ids(event.actor) == ["TUR"]
    event = only(code_events(annotate("Iran used Hezbollah to attack Idlib.")), "ASSAULT")
    assert actor_ids(event.actor) == ["IRN"]
    event = only(code_events(annotate("Iran urged Hezbollah to attack Idlib.")), "ASSAULT")
    assert actor_ids(event.actor) == ["LBN_HEZ"]


def test_coder_participle_with_a_by_agent_is_passive_and_befalls_the_main_subject(annotate):
    events = code_events(annotate("When pressed by Iran, Turkey agreed to withdraw from Idlib."))
    event = only(events, "REQUEST")
    assert (actor_ids(event.actor), actor_ids(event.recipient)) == (["IRN"], ["TUR"])


def test_coder_who_takes_the_step_of_acting_acts(annotate):
    event = only(code_events(annotate("Turkey took the step of recalling its ambassador to Russia.")), "SANCTION")
    assert actor_ids(event.actor) == ["TUR"]


def test_coder_who_carries_out_an_act_with_the_doer_does_it_too(annotate):
    event = only(code_events(annotate("Hezbollah carried out the attack with Iran in Idlib.")), "ASSAULT")
    assert (actor_ids(event.actor), actor_ids(event.recipient)) == (["LBN_HEZ", "IRN"], [])
    event = only(code_events(annotate("Hezbollah fought a battle with Turkey in Idlib.")), "ASSAULT")
    assert (actor_ids(event.actor), actor_ids(event.recipient)) == (["LBN_HEZ"], ["TUR"])  # a fight's other side


def test_coder_whose_group_it_is_is_no_side_of_a_mutual_act(annotate):
    event = only(code_events(annotate("Iran's Hezbollah and its allies agreed to a truce in Idlib.")), "AGREE")
    assert (actor_ids(event.actor), actor_ids(event.recipient)) == (["LBN_HEZ"], [])


def test_coder_an_act_is_not_the_doer_of_the_verb_it_is_subject_of(annotate):
    event = only(code_events(annotate("The airstrikes continued and hit the hospital in Idlib.")), "ASSAULT")
    assert event.actor == ()
    event = only(code_events(annotate("Iran ordered targeted airstrikes in Idlib.")), "REQUEST")
    assert event.recipient == ()  # nor the target of the order


def test_coder_noun_whose_that_clause_tells_a_killing_is_not_its_victim(annotate):
    doc = annotate("Hezbollah allegations that 300 people had been killed in Idlib were serious.")
    event = only(code_events(doc), "ASSAULT")
    assert "LBN_HEZ" not in actor_ids(event.recipient)


def test_coder_an_act_a_relative_clause_tells_of_is_nobodys_issue(annotate):
    event = only(code_events(annotate("Turkey will investigate an attack that killed 300 people in Idlib.")),
                 "ASSAULT")
    assert event.actor == ()


def test_coder_subject_of_attend_takes_part_in_the_meeting(annotate):
    event = only(code_events(annotate("Iran attended a meeting with Russia in Idlib.")), "CONSULT")
    assert (actor_ids(event.actor), actor_ids(event.recipient)) == (["IRN"], ["RUS"])


def test_coder_light_verb_reaches_the_trigger_through_a_measure_noun(annotate):
    event = only(code_events(annotate("Turkey launched a series of strikes on Afrin.")), "ASSAULT")
    assert actor_ids(event.actor) == ["TUR"]
    event = only(code_events(annotate("Turkey ordered an investigation of the strikes on Afrin.")), "ASSAULT")
    assert event.actor == ()  # an investigation is no measure of strikes
    event = coded_event("To date, U.S. forces have conducted a total of 96 airstrikes across Iraq.", "ASSAULT")
    assert ([e.identifier for e in event.actor], event.magnitude.count) == (["USA_MIL"], 96)


def test_coder_participant_noun_makes_a_sentence_without_names_a_candidate(annotate):
    doc = annotate("The abductors demanded a ransom. The weather was mild.", places=False)
    event = only(code_events(doc), "REQUEST")
    assert [(e.entity_text, e.sector) for e in event.actor] == [("The abductors", "UAF")]


def test_coder_name_the_parser_splits_still_fills_the_role():
    doc = default_nlp()("Sources said al-Baghdadi had been killed in Iraq.")
    event = only(code_events(doc), "ASSAULT")
    assert actor_ids(event.recipient) == ["IMG_ISIS_BAGHDADI"]


def test_coder_signing_parties_split_into_source_and_recipient(annotate):
    event = only(code_events(annotate("Russia and Ukraine signed an agreement in Idlib.")), "SUPPORT")
    assert (actor_ids(event.actor), actor_ids(event.recipient)) == (["RUS"], ["UKR"])


def test_coder_visit_takes_the_visited_country_as_host(annotate):
    event = only(code_events(annotate("Turkey's foreign minister travelled to Syria on Monday.")), "CONSULT")
    assert (actor_ids(event.actor), actor_ids(event.recipient)) == (["TUR"], ["SYR"])
    assert event.recipient[0].evidence.text == "Syria" and event.event_loc.country_code == "SY"
    # one's own capital hosts no visit: the visitor comes home
    home = coded_event("Obama will arrive in Washington with the clock running on an authorization vote.", "CONSULT")
    assert (home.recipient, home.event_loc.extracted_place) == ((), "Washington")


def test_coder_those_who_visit_together_are_one_side():
    """Two who travel together are both visitors, the host the other side; two who meet
    are two sides."""
    visit = coded_event("Erdogan and Putin travelled to Tehran on Monday.", "CONSULT")
    assert ([a.entity_text for a in visit.actor], actor_ids(visit.recipient)) == (["Erdogan", "Putin"], ["IRN_GOV"])
    meeting = coded_event("Erdogan and Putin met in Tehran on Monday.", "CONSULT")
    assert ([a.entity_text for a in meeting.actor], [a.entity_text for a in meeting.recipient]) == (["Erdogan"], ["Putin"])
    # who travels with a visitor goes along: the host is where they go
    visit = coded_event("Kerry traveled to Moscow with Lavrov's deputy.", "CONSULT")
    assert actor_ids(visit.recipient) == ["RUS_GOV"]


def test_coder_small_clause_patient_and_who_has_it_done(annotate):
    event = only(code_events(annotate("Turkey wanted to have Hezbollah attacked in Idlib.")), "ASSAULT")
    assert (actor_ids(event.actor), actor_ids(event.recipient)) == (["TUR"], ["LBN_HEZ"])
    event = only(code_events(annotate("Turkey said Hezbollah had attacked Idlib.")), "ASSAULT")
    assert actor_ids(event.actor) == ["LBN_HEZ"]  # a finite clause: its subject acts


def test_coder_subject_trigger_takes_the_sides_of_its_governed_light_verb(annotate):
    event = only(code_events(annotate("Talks are set to resume on Monday between Russia and Turkey.")), "CONSULT")
    assert (actor_ids(event.actor), actor_ids(event.recipient)) == (["RUS"], ["TUR"])
    # a verb with an object hands its clause to the object: the attack does not send, nor
    # happen where the troops go, and with no party or place of its own it is a back-reference
    sent = code_events(annotate("The attack prompted Russia to send troops to Idlib."))
    assert [(e.event, actor_ids(e.actor)) for e in sent] == [("MOBILIZE", ["RUS"])]


def test_coder_bare_participle_on_its_victims_is_a_back_reference(annotate):
    doc = annotate("Turkey said that one of the civilians killed was a farmer.", places=False)
    assert [e.event for e in code_events(doc)] == []


def test_coder_relative_clause_light_verb_names_the_actor(annotate):
    event = only(code_events(annotate("The offensive that Hezbollah launched in Idlib failed.")), "ASSAULT")
    assert actor_ids(event.actor) == ["LBN_HEZ"]
    event = only(code_events(annotate("The offensive that launched a crisis in Idlib failed.")), "ASSAULT")
    assert event.actor == ()  # the clause has an object of its own: not the offensive's verb


def test_coder_described_participant_takes_its_nationality(annotate):
    event = only(code_events(annotate("Russian jets killed 12 Syrian civilians in Idlib.",
                                      quantities=[("12", 12, "civilians")])), "ASSAULT")
    assert [(e.code, e.sector, e.identifier) for e in event.recipient] == [("SYR", "CVL", None)]
    event = only(code_events(annotate("Iran shot down an Iraqi drone over Idlib.")), "ASSAULT")
    assert [(e.code, e.sector) for e in event.recipient] == [("IRQ", "MIL")]


@pytest.mark.parametrize("target", ["the U.S. Embassy", "the U.S. Embassy compound"])
def test_coder_attack_on_an_embassy_is_on_its_state(target):
    doc = default_nlp()(f"Three rockets hit {target} in Baghdad on Sunday.")
    event = only(code_events(doc), "ASSAULT")
    assert actor_ids(event.recipient) == ["USA"] and event.recipient[0].evidence.text == "U.S."


def test_coder_passive_subject_controls_the_infinitive(annotate):
    events = code_events(annotate("Hezbollah was ordered to attack Idlib."))
    assert actor_ids(only(events, "ASSAULT").actor) == ["LBN_HEZ"]


@pytest.mark.parametrize(("text", "mode"), [
    ("North Korea threatens missile strike on Guam.", "violence"),
    ("Days after he pulled back the strikes on Iran, Trump threatened Iran.", None),  # no strike threatened
    ("The union threatened a strike over wages in Paris.", "restrict"),
])
def test_coder_what_kind_of_strike_a_threat_names(text, mode):
    assert coded_event(text, "THREATEN").mode == mode


def test_coder_an_approved_strike_is_authorized_not_carried_out_while_approved_aid_is_given():
    nlp = default_nlp()
    strike = only(code_events(nlp("Congress approved a military strike against Syria.")), "ASSAULT")
    assert strike.actor == () and "future" in strike.aux_mode
    told = only(code_events(nlp("Trump approved the strike against Syria on Thursday.")), "ASSAULT")
    assert actor_ids(told.actor) == ["USA_TRUMP"] and told.aux_mode == ()  # the strike told of was carried out
    aid = only(code_events(nlp("Congress approved military aid to Ukraine.")), "AID")
    assert actor_ids(aid.actor) == ["USA_CONGRESS"] and aid.aux_mode == ()


@pytest.mark.parametrize(("text", "event_type", "actor"), [
    ("France was the first U.S. ally to carry out airstrikes against the Islamic State.", "ASSAULT", ["FRA"]),
    ("Iran was the only country to send troops to Syria.", "MOBILIZE", ["IRN"]),
])
def test_coder_who_a_copula_says_is_the_first_to_act_acts(text, event_type, actor):
    """Not the ally's patron, and no place: the state the sentence is about does it."""
    event = coded_event(text, event_type)
    assert actor_ids(event.actor) == actor


def test_coder_a_time_in_what_a_verb_promises_does_not_date_the_promise(annotate):
    text = "NATO members pledged to move toward spending 2% of GDP on defense by 2024."
    pledge = only(code_events(annotate(text, times={"2024": "2024"})), "AGREE")
    assert pledge.date_from_publication and pledge.aux_mode == ()


def test_coder_who_plants_a_bomb_sets_it():
    bomb = coded_event("Militants planted a bomb near the market in Kabul.", "ASSAULT")
    assert [e.entity_text for e in bomb.actor] == ["Militants"]


def test_coder_passive_claim_names_the_actor_not_a_target(annotate):
    event = only(code_events(annotate("Responsibility for the attack in Idlib was claimed on Telegram by Hezbollah.")),
                 "ASSAULT")
    assert actor_ids(event.actor) == ["LBN_HEZ"] and event.recipient == ()


def test_coder_promise_of_retaliation_is_a_threat_not_an_agreement(annotate):
    event = only(code_events(annotate("The strike in Idlib prompted Iran to promise retaliation.")), "THREATEN")
    assert actor_ids(event.actor) == ["IRN"] and event.mode == "violence"


@pytest.mark.parametrize(("text", "event_type", "actors", "recipients"), [
    ("Critics of Mohamed Morsi accused him of seizing dictatorial powers.", "ACCUSE", ["Critics"], ["EGY_MORSI"]),
    ("Assad's opponents shelled the town.", "ASSAULT", ["Assad's opponents"], []),
])
def test_coder_whom_a_group_opposes_takes_no_part_with_it(text, event_type, actors, recipients):
    event = coded_event(text, event_type)
    assert [e.entity_text for e in event.actor] == actors and [e.identifier for e in event.recipient] == recipients


@pytest.mark.parametrize(("text", "event_type", "actors"), [
    ("Obama said that Russia's aggression against Ukraine threatens Europe.", "THREATEN", ["RUS"]),
    ("Trump hosted Erdogan despite Turkey's assault on Kurdish forces in Syria.", "ASSAULT", ["TUR"]),
    ("The administration was silent during Tehran's crackdown.", "COERCE", ["IRN"]),
])
def test_coder_the_owner_of_an_act_does_it_and_whom_it_is_against_does_not(text, event_type, actors):
    event = coded_event(text, event_type)
    assert [e.code for e in event.actor] == actors


def test_coder_who_does_what_a_relative_clause_on_people_says():
    """"five men who might be responsible for the attack": the men, not whoever named them."""
    events = code_events(default_nlp()("The U.S. has identified five men who might be responsible for the attack in Benghazi."))
    assert [[e.entity_text for e in event.actor] for event in events if event.event == "ASSAULT"] == [["five men"]]


def test_coder_the_subject_of_an_absolute_participle_is_its_patient():
    """"with at least 14 people killed": the parser calls the people its subject."""
    event = only(code_events(default_nlp()("There were several attacks this year, with at least 14 people "
                                           "killed last month in an attack on buses.")), "ASSAULT")
    assert event.actor == () and [e.entity_text for e in event.recipient] == ["at least 14 people"]


def test_coder_headline_participle_is_passive_but_a_past_tense_with_object_is_not():
    nlp = default_nlp()
    headline = only(code_events(nlp("Security guard and attackers killed in assault at Pearl Continental hotel in Gwadar")),
                    "ASSAULT")
    assert headline.actor == () and [e.entity_text for e in headline.recipient][:1] == ["Security guard"]
    active = only(code_events(nlp("Baloch separatists killed at least 11 soldiers in an attack in April.")), "ASSAULT")
    assert [e.entity_text for e in active.actor] == ["Baloch separatists"]
    # prose ends in a full stop: a participle tag there is a past tense, unless a "by" agent follows
    advance = only(code_events(nlp("Russian-led forces advanced on the town.")), "ASSAULT")
    assert [e.entity_text for e in advance.actor] == ["Russian-led forces"] and advance.recipient == ()
    truce = only(code_events(nlp("The truce, agreed upon Monday by Israel and Hamas, took effect.")), "AGREE")
    assert actor_ids(truce.actor) == ["ISR"]


def test_coder_relative_pronoun_under_a_reporting_clause_stands_for_its_noun(annotate):
    events = code_events(annotate("Russia bombed the Hezbollah fighters who Turkey said were attacking Idlib."))
    attacking = next(e for e in events if e.event_text == "attacking")
    assert actor_ids(attacking.actor) == ["LBN_HEZ"]


def test_coder_who_is_to_blame_is_accused_by_the_speaker(annotate):
    event = only(code_events(annotate("Turkey said that Hezbollah had been to blame for the attack.")), "ACCUSE")
    assert actor_ids(event.actor) == ["TUR"] and actor_ids(event.recipient) == ["LBN_HEZ"]
    assert "reported" not in event.aux_mode


def test_coder_a_passive_statement_is_not_made_by_whoever_reports_it(annotate):
    """"A deal had been reached", says the White House: it reports the deal, it made none."""
    event = only(code_events(annotate("According to Turkey, a deal had been reached with Hezbollah.")), "AGREE")
    assert event.actor == ()


def test_coder_state_noun_of_cooperation_needs_a_light_verb(annotate):
    background = code_events(annotate("Russia praised its close alliance with Iran."))
    assert not [e for e in background if e.event == "COOPERATE"]
    forged = only(code_events(annotate("Russia forged an alliance with Iran.")), "COOPERATE")
    assert actor_ids(forged.actor) == ["RUS"] and actor_ids(forged.recipient) == ["IRN"]
    seekers = code_events(annotate("Turkey hosts Iranian asylum seekers and an aid group from Iraq."))
    assert not [e for e in seekers if e.event == "AID"]
    sent = only(code_events(annotate("Russia pledged aid to Iraq.")), "AID")
    assert actor_ids(sent.actor) == ["RUS"] and actor_ids(sent.recipient) == ["IRQ"]


def test_coder_light_verb_the_lemmatizer_mangles_still_carries_its_noun(annotate):
    event = only(code_events(annotate("Hezbollah staged airstrikes on Turkey in Idlib.")), "ASSAULT")
    assert actor_ids(event.actor) == ["LBN_HEZ"] and actor_ids(event.recipient) == ["TUR"]
    war = only(code_events(annotate("Hezbollah waged war on Turkey.")), "ASSAULT")
    assert actor_ids(war.actor) == ["LBN_HEZ"] and actor_ids(war.recipient) == ["TUR"]
    cordon = only(code_events(annotate("Turkish police cordoned off Idlib.")), "COERCE")
    assert actor_ids(cordon.actor) == ["TUR"] and cordon.mode == "restrict"


def test_coder_calling_a_report_baseless_rejects_it_but_a_writers_epithet_does_not(annotate):
    event = only(code_events(annotate("Iran called the Turkish reports baseless.")), "REJECT")
    assert actor_ids(event.actor) == ["IRN"] and event.event_text == "baseless"
    epithet = code_events(annotate("Iran repeated its baseless claim about Idlib."))
    assert not [e for e in epithet if e.event == "REJECT"]


def test_coder_lodged_protest_is_an_accusation(annotate):
    event = only(code_events(annotate("Turkey lodged a strong protest with Russia over Idlib.")), "ACCUSE")
    assert actor_ids(event.actor) == ["TUR"]


def test_coder_country_as_direct_object_is_the_target_state(annotate):
    event = only(code_events(annotate("Turkey invaded Syria in 2019.")), "ASSAULT")
    assert (actor_ids(event.recipient), event.event_loc.country_code) == (["SYR"], "SY")
    event = only(code_events(annotate("Turkey bombed Aleppo in 2019.")), "ASSAULT")
    assert event.recipient == ()  # a city is a place, not a party


def test_coder_tightened_sanctions_name_who_imposes_them(annotate):
    event = only(code_events(annotate("Russia tightened sanctions on Turkey.")), "SANCTION")
    assert (actor_ids(event.actor), actor_ids(event.recipient)) == (["RUS"], ["TUR"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia backed out of the nuclear deal with Iran.", [("SANCTION", "withdraw")]),
        ("Militants blew up a bridge near Mosul.", [("ASSAULT", "explosives")]),
        ("A gunman shot up a nightclub in Orlando.", [("ASSAULT", "firearms")]),
        ("Iran backed the rebels in Yemen.", [("AID", "military")]),
    ],
)
def test_coder_a_verb_with_a_particle_is_another_verb(text, expected):
    events = code_events(default_nlp()(text))
    assert [(e.event, e.mode) for e in events] == expected


def test_coder_particle_of_an_everyday_verb_makes_no_event():
    events = code_events(default_nlp()("The deal blew up last week as the investigation into Iran marched on."))
    assert not [e for e in events if e.event in {"ASSAULT", "PROTEST", "MOBILIZE"}]


def test_coder_present_participle_before_a_noun_asserts_no_act():
    events = code_events(default_nlp()("The attacking forces withdrew from Mosul on Sunday."))
    assert [e.event for e in events] == ["RETREAT"]


def test_coder_a_meeting_word_in_the_passive_before_with_is_a_reception():
    nlp = default_nlp()
    assert not code_events(nlp("The withdrawal has been met with bipartisan disapproval from Congress."))
    greeted = code_events(nlp("Kerry was met at the airport by Iranian officials."))
    assert [(e.event, [a.identifier for a in e.recipient]) for e in greeted] == [("CONSULT", ["USA_KERRY"])]


def test_coder_what_a_movement_leaves_behind_is_not_its_actor():
    nlp = default_nlp()
    left = code_events(nlp("Critics said the decision amounts to abandoning the Kurds in Syria."))
    assert all(not e.actor for e in left if e.event == "RETREAT")
    moved = [e for e in code_events(nlp("The plan is about withdrawing U.S. troops from Syria.")) if e.event == "RETREAT"]
    assert [a.identifier for e in moved for a in e.actor] == ["USA_MIL"]
    freed = [e for e in code_events(nlp("The group demanded the release of prisoners in France.")) if e.event == "RETREAT"]
    assert freed and all(not e.actor for e in freed)
    withdrawn = [e for e in code_events(nlp("The withdrawal of U.S. troops from Syria began on Monday."))
                 if e.event == "RETREAT"]
    assert [a.identifier for e in withdrawn for a in e.actor] == ["USA_MIL"]


def test_coder_a_statement_whose_maker_is_named_but_unknown_is_not_the_reporters():
    text = ("Troops keep fighting the Taliban and other militant groups that threaten American soldiers, "
            "The New York Times reported.")
    threats = [e for e in code_events(default_nlp()(text)) if e.event == "THREATEN"]
    assert threats and all(a.identifier != "USA_MEDIA_NYT" for e in threats for a in e.actor)


def test_coder_an_outlet_that_relays_a_statement_does_not_make_it():
    text = ('The administration official told CNN: "Our armed forces will continue to operate in support '
            'of Afghan Security Forces."')
    supports = [e for e in code_events(default_nlp()(text)) if e.event == "SUPPORT"]
    assert supports and all(a.identifier != "USA_MEDIA_CNN" for e in supports for a in e.actor)


def test_coder_troops_arriving_are_a_deployment_and_envoys_arriving_a_visit():
    nlp = default_nlp()
    troops = code_events(nlp("Hundreds of soldiers flew to Kabul on Friday."))
    assert not [e for e in troops if e.event == "CONSULT"]
    fighters = code_events(nlp("Dozens of Americans have traveled to Syria to fight with the Islamic State group."))
    assert not [e for e in fighters if e.event == "CONSULT"]
    envoy = code_events(nlp("Kerry arrived in Cairo on Sunday."))
    assert [(e.event, e.mode) for e in envoy] == [("CONSULT", "visit")]


def test_coder_a_place_in_a_clause_about_another_noun_does_not_place_the_event():
    nlp = default_nlp()
    video = [e for e in code_events(nlp("Gunmen attacked the consulate on Tuesday, days after a video "
                                        "produced in California angered Muslims.")) if e.event == "ASSAULT"]
    assert video and all(e.event_loc is None for e in video)
    sanctions = [e for e in code_events(nlp("The US has since tightened sanctions it imposed on Iran's oil sector."))
                 if e.event == "SANCTION"]
    assert sanctions and all(e.event_loc is not None for e in sanctions)
    # a clause on a noun the trigger is only set beside is that noun's, not the trigger's phrase
    attack = coded_event("Officials said the unrest was a reaction to a video made in America, rather than an "
                         "attack by Hamas.", "ASSAULT")
    assert ([e.code for e in attack.actor], attack.event_loc) == (["PSE"], None)


@pytest.mark.parametrize(("text", "event_type", "place"), [
    ("Less than 10 days after the Cairo address, Iranians took to the streets to protest.", "PROTEST", None),
    ("Militants attacked the mall in revenge for Kenya sending troops into Somalia.", "ASSAULT", None),
    ("After setting off a car bomb outside the Corinthia Hotel, three militants opened fire.", "ASSAULT", "Corinthia Hotel"),
    ("U.S. troops are deployed in places like Iraq.", "MOBILIZE", "Iraq"),  # "like" gives an example
    # what a span is counted since happened elsewhere, even done by the same doers
    ("Pakistan and India have fought three wars since gaining independence from Britain.", "ASSAULT", None),
])
def test_coder_a_place_of_the_happening_that_times_or_causes_the_event_does_not_place_it(text, event_type, place):
    """"after", "since", "in revenge for" introduce another happening, unless it is what the
    same doers did first (a gerund without a subject of its own) after "after" or "before"."""
    (event,) = [e for e in code_events(default_nlp()(text)) if e.event == event_type and e.actor]
    assert (event.event_loc.extracted_place if event.event_loc else None) == place


@pytest.mark.parametrize(("text", "actor"), [
    ("Turkey has no plans to send troops to Syria.", "Turkey"),
    ("Washington criticized Turkey's plan to send troops to Syria.", "Turkey"),
    ("Washington criticized the plan to send troops to Syria.", None),
])
def test_coder_who_holds_a_plan_would_carry_it_out(text, actor):
    """An infinitive on a plan is done by whoever has the plan, not by who judges it."""
    (event,) = [e for e in code_events(default_nlp()(text)) if e.event == "MOBILIZE"]
    assert (event.actor[0].entity_text if event.actor else None) == actor


@pytest.mark.parametrize(("text", "place"), [
    ("The defense minister resigned on Monday, and the decision rattled allies in Iraq.", None),
    ("Rebels attacked the base on Monday, and residents stayed in Aleppo.", None),
    ("Rebels attacked the base on Monday and stayed in Aleppo.", "Aleppo"),
])
def test_coder_a_place_in_a_coordinate_clause_with_its_own_subject_does_not_place_the_event(text, place):
    """A coordinate clause with a subject of its own tells another happening; one that shares
    the trigger's subject goes on telling the same doers' story."""
    (event,) = code_events(default_nlp()(text))
    assert (event.event_loc.extracted_place if event.event_loc else None) == place


def test_coder_a_place_in_what_the_trigger_brought_about_does_not_place_it():
    """"the attack prompted the Pentagon to send troops to the Middle East": the troops go
    there, the attack was elsewhere; "talks are set to resume in Cairo" are in Cairo."""
    nlp = default_nlp()
    prompted = code_events(nlp("The Hezbollah attack prompted the Pentagon to send troops to the Middle East."))
    assert only(prompted, "ASSAULT").event_loc is None
    talks = only(code_events(nlp("Talks between Israel and Egypt are set to resume in Cairo.")), "CONSULT")
    assert talks.event_loc.extracted_place == "Cairo"


def test_coder_a_place_in_an_adverbial_clause_with_its_own_subject_does_not_place_the_event():
    events = code_events(default_nlp()("Houthi rebels claimed credit for the attacks on Monday, while officials in "
                                       "Tehran denied involvement."))
    assert only(events, "ASSAULT").event_loc is None


@pytest.mark.parametrize(
    ("text", "event_type", "doer"),
    [
        ("Assad accused Israel of backing the rebel groups in the area.", "SUPPORT", "ISR"),
        ("Iran blamed Saudi Arabia for attacking its embassy in Tehran.", "ASSAULT", "SAU"),
        ("Israel struck Gaza after Hamas fired rockets at Sderot.", "ASSAULT", "ISR"),
    ],
)
def test_coder_the_accused_does_the_act_it_is_accused_of(text, event_type, doer):
    events = [e for e in code_events(default_nlp()(text)) if e.event == event_type]
    assert events and [a.code for a in events[0].actor] == [doer]


def test_coder_a_sourcing_formula_is_no_talks():
    text = "The officials spoke on condition of anonymity because they were not authorized to discuss the raid."
    assert not [e for e in code_events(default_nlp()(text)) if e.event == "CONSULT"]


def test_coder_a_deal_named_in_passing_is_no_agreement_but_one_struck_is():
    nlp = default_nlp()
    named = code_events(nlp("Pompeo discussed a peace deal signed between the U.S. and the Taliban in February."))
    assert not [e for e in named if e.event == "AGREE"]
    signed = [e for e in named if e.event == "SUPPORT"]
    assert signed and {a.code for e in signed for a in (*e.actor, *e.recipient)} >= {"USA", "AFG"}
    struck = code_events(nlp("Israel and Hamas reached a ceasefire deal in Cairo on Tuesday."))
    assert [e.event for e in struck] == ["AGREE"]


def test_coder_staff_named_only_by_their_work_take_part():
    nlp = default_nlp()
    events = code_events(nlp("Security personnel cordoned off the area around the hotel."))
    assert [(e.event, [a.entity_text for a in e.actor]) for e in events] == [("COERCE", ["Security personnel"])]
    militias = code_events(nlp("Iranian-backed militias attacked the US embassy in Baghdad."))
    assert [[a.entity_text for a in e.actor] for e in militias] == [["Iranian-backed militias"]]


def test_coder_a_participle_joined_to_a_headline_passive_is_passive_too():
    text = "All members of the U.S. armed services killed or wounded in the attacks will be awarded the Purple Heart."
    events = code_events(default_nlp()(text))
    assert not [a for e in events for a in e.actor if a.code == "USA"]


@pytest.mark.parametrize(("text", "place"), [
    ("David R. Hall, of Elyria, Ohio, was killed in an explosion while serving in Garmsir, Afghanistan.", "Afghanistan"),
    ("President Mohamed Morsi of Egypt recalled his ambassador.", None),
    ("Henry Mayfield Jr., 23, from the Chicago area, was among the three people killed in the attack.", None),
    ("Senator Rand Paul, Republican of Kentucky, was attacked by a neighbor.", None),
])
def test_coder_where_a_named_person_is_from_places_nothing(text, place):
    (event,) = code_events(default_nlp()(text))
    assert (event.event_loc.extracted_place if event.event_loc else None) == place


def test_coder_a_place_that_says_whom_a_politician_represents_places_nothing():
    text = "Utah GOP Rep. Jason Chaffetz said militants attacked the consulate."
    events = [e for e in code_events(default_nlp()(text)) if e.event == "ASSAULT"]
    assert events and all(e.event_loc is None for e in events)


def test_coder_where_a_meeting_is_held_is_no_side_of_it():
    """"met Arafat at an Israeli army base": the army is no party."""
    met = only(code_events(default_nlp()("Netanyahu met Palestinian leader Yasser Arafat on September 4, 1996, at an "
                                         "Israeli army base in Gaza.")), "CONSULT")
    assert [e.identifier for e in met.recipient] == ["PSE_GOV"]


@pytest.mark.parametrize("text", [
    "Les Aspin resigned as secretary of defense in Washington.",
    "Chuck Hagel's resignation was announced in Washington.",
])
def test_coder_a_resignation_is_a_retreat_of_mode_resign(text):
    resignation = coded_event(text, "RETREAT")
    assert (resignation.mode, resignation.context) == ("resign", ("government",))


def test_coder_whose_order_an_act_is_done_on_is_no_recipient():
    """"on Netanyahu's order": Netanyahu gave it; "on behalf of Trump": for whom one speaks."""
    nlp = default_nlp()
    demolished = only(code_events(nlp("Israeli authorities demolished their homes in Jabel Mukaber on Netanyahu's "
                                      "order.")), "ASSAULT")
    assert [e.code for e in demolished.actor] == ["ISR"] and demolished.recipient == ()
    welcomed = only(code_events(nlp("Mike Pence said he welcomes the chance on behalf of Donald Trump to reiterate "
                                    "the bonds with the Kurds.")), "SUPPORT")
    assert "USA_TRUMP" not in [e.identifier for e in welcomed.recipient]


def test_coder_a_state_words_are_about_is_no_place_of_them():
    """"defended Russia": Russia is its recipient, not where it was said; "invaded Kuwait"
    and "visited Saudi Arabia" happen there."""
    nlp = default_nlp()
    defended = only(code_events(nlp("Donald Trump has defended Russia over claims of interference.")), "SUPPORT")
    assert [e.code for e in defended.recipient] == ["RUS"] and defended.event_loc is None
    visit = only(code_events(nlp("Mike Pompeo visited Saudi Arabia on Monday.")), "CONSULT")
    assert visit.event_loc is not None and visit.event_loc.extracted_place == "Saudi Arabia"


@pytest.mark.parametrize(("text", "place"), [
    ("Lebanon's Hezbollah fired rockets on Monday.", None),
    ("Iraq's Anbar province was attacked by Islamic State.", "Anbar province"),
])
def test_coder_a_place_that_says_whose_an_actor_is_places_nothing(text, place):
    """"Lebanon's Hezbollah" says which Hezbollah, not where it fired; the owner of a place
    still gives way to the place alone."""
    (event,) = code_events(default_nlp()(text))
    assert (event.event_loc.extracted_place if event.event_loc else None) == place


def test_coder_a_phrase_preposition_must_hang_on_the_phrase():
    nlp = default_nlp()
    assert not code_events(nlp("Sen. Mitt Romney called the slams on Vindman absurd."))
    shared = code_events(nlp("Pompeo has called and spoken with the Taliban's chief negotiator, a spokesman said."))
    assert [e.event for e in shared] == ["CONSULT"]
    before = code_events(nlp("Troops blocked the convoys at the border and fired tear gas on protesters in Venezuela."))
    assert [(e.event, e.event_text) for e in before] == [("COERCE", "fired tear gas")]


def test_coder_rounds_of_ammunition_are_no_arrests():
    nlp = default_nlp()
    fired = code_events(nlp("Hamas militants had fired some 3,300 rockets and mortar rounds at Israel."))
    assert fired and all("arrested" not in e.size for e in fired)
    rounded = code_events(nlp("Police rounded up 50 protesters in Cairo."))
    assert [e.size for e in rounded] == [{"arrested": 50.0}]


def test_coder_the_agency_a_dateline_credits_takes_no_part():
    text = "GAZA CITY, Gaza Strip (AP) \u2014 Israel and Hamas began observing a temporary truce on Tuesday."
    events = code_events(default_nlp()(text))
    assert events and all(a.identifier != "USA_MEDIA_AP" for e in events for a in (*e.actor, *e.recipient))


@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("The protesters relocated to the opposite side of the Tigris River in Baghdad.", []),
        ("Iranian forces are relocating to the Idlib countryside.", ["MOBILIZE"]),
        ("The smuggling halted after a new government in Egypt took over a year ago.", []),
        ("ISIL fighters took over Fallujah in January.", ["ASSAULT"]),
    ],
)
def test_coder_moves_and_seizures_need_forces_or_places(text, events):
    """Relocating is a deployment only of forces; taking over a seizure only of a place."""
    assert coded_types(text) == events


@pytest.mark.parametrize(
    ("text", "event_type", "actor"),
    [
        ("Hezbollah fighters took part in the offensive on Aleppo.", "ASSAULT", "LBN_HEZ"),
        ("Iran participated in the talks in Vienna.", "CONSULT", "IRN"),
        # a passive form of taking part: who is engaged or involved in it takes part
        ("Hezbollah fighters are engaged in violent clashes with Turkish soldiers.", "ASSAULT", "LBN_HEZ"),
        ("Hezbollah fighters were involved in the attack on Aleppo.", "ASSAULT", "LBN_HEZ"),
    ],
)
def test_coder_who_takes_part_in_an_act_does_it(text, event_type, actor):
    events = [e for e in code_events(default_nlp()(text)) if e.event == event_type]
    assert [a.identifier for e in events for a in e.actor] == [actor]
    assert actor not in [a.identifier for e in events for a in e.recipient]


@pytest.mark.parametrize(
    ("text", "event_type", "count"),
    [
        # protest verbs with an object mean something else
        ("Thousands demonstrated against the government in Tehran.", "PROTEST", 1),
        ("Protesters rallied outside the embassy in Baghdad.", "PROTEST", 1),
        ("Trump sought to rally support among Republicans in Ohio.", "PROTEST", 0),
        ("Iran said the strikes on the bases in Iraq demonstrate its accuracy.", "PROTEST", 0),
        # a trigger noun naming a kind of thing is no act, unless it qualifies an act or its measure
        ("The US deployed an aircraft carrier strike group to the Gulf on Monday.", "ASSAULT", 0),
        ("Russia began a bombing campaign in Syria in 2015.", "ASSAULT", 1),
        ("A suicide bomb attack killed 12 people in Kabul.", "ASSAULT", 1),
        ("Aircraft and unmanned aerial vehicles of the coalition detected west of the Euphrates river will be "
         "tracked as air targets.", "ASSAULT", 0),
        # amassing, reinforcing, visiting and hosting need forces, targets or envoys
        ("He amassed powers and enriched his allies in Kiev.", "MOBILIZE", 0),
        ("Russia amassed troops on the border with Ukraine.", "MOBILIZE", 1),
        ("Hundreds of thousands of migrants have poured into Europe this year.", "MOBILIZE", 0),
        ("Thousands of Hezbollah fighters poured into Syria.", "MOBILIZE", 1),
        ("This reinforces the need for a thorough investigation in Iran.", "MOBILIZE", 0),
        ("A CBS crew visited the crash site west of Tehran.", "CONSULT", 0),
        # the one who sends is no envoy; a call on a day asks nothing
        ("Prince Philip and I send our condolences to Christchurch.", "CONSULT", 0),
        ("Obama sent Secretary of State John Kerry to Moscow.", "CONSULT", 1),
        ("Theresa May spoke to Trump and Macron in separate calls on Tuesday.", "REQUEST", 0),
        ("Trump called on Turkey to stop the offensive.", "REQUEST", 1),
        # meeting a demand or an obstacle is no meeting
        ("The aid convoy met strong resistance in Venezuela.", "CONSULT", 0),
        ("Iran is not meeting its obligations in Vienna, Kerry said.", "CONSULT", 0),
        ("An intervention in Syria would fail to meet his two tests, Kissinger said.", "CONSULT", 0),
        # a camera's shot is no shooting
        ("The video, shot from Turkey's Hatay province, shows the pilots parachuting down.", "ASSAULT", 0),
        ("The brigade tweeted a screen shot from al Aqsa TV in Gaza.", "ASSAULT", 0),
        ("The soldier was shot in Kabul.", "ASSAULT", 1),
        ("The scene was shot on film in Kabul.", "ASSAULT", 0),
        # nor is a jibe, a jab or a chance
        ("McConnell said the cheap shots at Grassley in Washington were inappropriate.", "ASSAULT", 0),
        ("Trump offered Iran a shot at negotiation in Geneva.", "ASSAULT", 0),
        ("A sniper fired a shot at the soldiers in Kabul.", "ASSAULT", 1),
        # a deal killed or a point hit is stopped or reached, not struck
        ("If Congress killed the deal in Washington, Iran would resume enrichment.", "ASSAULT", 0),
        ("The deal will keep Iran from building a nuclear bomb in Fordow.", "ASSAULT", 0),  # a bomb built
        ("A bomb exploded near the market in Kabul.", "ASSAULT", 1),
        # an act allowed, an advantage given up, a state felt
        ("Budde said Trump had sanctioned the use of force against protesters in Washington.", "SANCTION", 0),
        ("The EU sanctioned Russia over Crimea.", "SANCTION", 1),
        ("In Helsinki, Trump surrendered the leverage the agencies gave him.", "RETREAT", 0),
        ("The rebels surrendered the town to the army in Aleppo.", "RETREAT", 1),
        ("The president feels liberated by his acquittal in Washington.", "ASSAULT", 0),
        ("Police stood in the Manhattan neighborhood surrounding ground zero.", "ASSAULT", 0),
        ("Seeking the Democratic nomination in Iowa, Hillary Clinton embraced the deal.", "REQUEST", 0),  # runs
        ("In Washington, Obama said he had delivered on conquering a vicious economic crisis.", "ASSAULT", 0),
        ("Iranians burn an effigy of Trump in Tehran.", "ASSAULT", 0),  # a protest
        ("Iranians burn an effigy of Trump in Tehran.", "PROTEST", 1),
        ("Militants burned a church in Cairo.", "ASSAULT", 1),
        ("In Delaware, Biden is deploying one of his unique strengths.", "MOBILIZE", 0),
        ("In Syria, the group knows how to deploy information to its advantage.", "MOBILIZE", 0),
        ("He said the techniques advanced by his administration against ISIS in Iraq work.", "ASSAULT", 0),
        ("Iraqi forces advanced on Mosul.", "ASSAULT", 1),
        ("Obama spoke in Washington as he fights the notion that he is now a lame duck.", "ASSAULT", 0),
        ("He fought the charges in a court in Virginia.", "ASSAULT", 0),
        ("Kerry, long used to getting to call his own shots in Washington, now has to wait.", "ASSAULT", 0),
        ("Commuters waited during a one day strike by bus drivers in London.", "ASSAULT", 0),
        ("In London, the BBC rounds up what high-level officials said about the talks.", "COERCE", 0),
        ("Police rounded up dozens of protesters in Cairo.", "COERCE", 1),
        ("In Washington, Sessions helped kill a proposed bipartisan immigration overhaul.", "ASSAULT", 0),
        ("A friend and I were trying to round up Senate support for an amendment in Washington.", "COERCE", 0),
        ("Hours before withdrawing his name, Shanahan announced more troops for Iraq.", "RETREAT", 0),
        ("Russia withdrew its troops from Syria.", "RETREAT", 1),
        ("A strike by Israeli jets killed five people in Gaza.", "ASSAULT", 1),
        ("A man who occupied the office he now occupies spoke of Israel.", "ASSAULT", 0),
        ("In 1967, Israel occupied the West Bank.", "ASSAULT", 1),
        ("In the Ohio poll, Clinton only beats Ted Cruz by 3 points.", "ASSAULT", 0),  # a contest won
        ("Rebels beat the soldiers in Aleppo.", "ASSAULT", 1),
        ("Expect Trump to beat the anti-media drum even louder in Washington.", "ASSAULT", 0),
        # the attackers leave the dead behind; the forced troops leave
        ("Militias attacked US forces in Iraq, leaving hundreds of American troops dead.", "RETREAT", 0),
        ("Parliament would respond by forcing the US troops to leave Iraq.", "RETREAT", 1),
        ("Strikes in Natanz could compel Iran to pursue the bomb in earnest.", "ASSAULT", 1),  # the strikes only
        ("Syrian troops surrounded the town of Zabadani.", "ASSAULT", 1),
        ("Gunmen killed two soldiers in Kabul.", "ASSAULT", 1),
        ("The dispute in Washington hit a boiling point during the debate.", "ASSAULT", 0),
        # a strategy deployed moves no forces; a policy executed kills nobody
        ("Republicans in Congress deployed a strategy of obstruction in Washington.", "MOBILIZE", 0),
        ("The U.S. deployed 3,000 troops to Kuwait.", "MOBILIZE", 1),
        ("Critics in Washington faulted Obama's execution of foreign policy.", "ASSAULT", 0),
        ("The execution of 12 prisoners in Raqqa shocked the world.", "ASSAULT", 1),
        # a plea in court asks nothing of anyone
        ("Warsame pleaded guilty in New York to aiding al-Shabab.", "REQUEST", 0),
        ("The mother pleaded with the soldiers in Gaza for her son's life.", "REQUEST", 1),
        # listening in is no attack
        ("U.S. agencies intercepted panicked phone calls from Damascus.", "ASSAULT", 0),
        ("Israel intercepted two rockets over Ashkelon.", "ASSAULT", 1),
        # a reporter's request for comment asks nothing of the story's parties
        ("The embassy did not respond to a Reuters request for comment on Sunday.", "REQUEST", 0),
        ("The US National Security Council did not respond to request for comment.", "REQUEST", 0),  # tagged a verb
        ("Kuwait's request for an investigation was rejected.", "REQUEST", 1),
        ("Trump met Putin in Helsinki.", "CONSULT", 1),
        ("Obama visited Baghdad on Sunday.", "CONSULT", 1),
        ("Ukraine hosts a major Russian navy base in Crimea.", "CONSULT", 0),
        # committing to something is an agreement, committing a deed is not
        ("Iran committed to the deal in Vienna.", "AGREE", 1),
        ("Militants committed atrocities in Mosul.", "AGREE", 0),
        ("Young Muslims go to Syria to commit atrocities in Islam's name.", "AGREE", 0),  # an infinitive's "to"
        # signing supports an agreement only when a pact is signed
        ("Clinton signed a cable from Washington.", "SUPPORT", 0),
        ("Turkey and Iran signed a truce in Astana.", "SUPPORT", 1),
        # offering words or a gesture is no offer to cooperate
        ("Macron offered his condolences to the victims in Nice.", "AGREE", 0),
        ("For Turkey, Trump's decision offers opportunity and risk in Syria.", "AGREE", 0),
        # a promise or commitment is an act only when made, renewed or restated
        ("Trump wants credit for fulfilling his campaign promise in Afghanistan.", "AGREE", 0),
        ("The United States reaffirms its commitment to Israel's security.", "AGREE", 1),
        ("Qatar offered a truce to the rebels in Idlib.", "AGREE", 1),
        # accepting is an agreement only to what another side offers or asks
        ("The U.S. military will accept transgender troops into its ranks.", "AGREE", 0),
        ("Hamas accepted the Egyptian ceasefire proposal.", "AGREE", 1),
        # damage done to something abstract is no violence
        ("The deal will damage U.S. relations with Turkey.", "ASSAULT", 0),
        ("Kerry accused Assad of destroying evidence in Damascus.", "ASSAULT", 0),  # records
        ("Assad destroyed a school in Damascus.", "ASSAULT", 1),
        ("Germany's defense spending will hit 2% in the early 2030s.", "ASSAULT", 0),  # a level reached
        ("Smoke is seen following a fire at Aramco facility in Abqaiq.", "ASSAULT", 0),  # a blaze
        ("Four U.S. Navy destroyers in the Gulf could execute a mission within hours.", "ASSAULT", 0),
        # an ill fought without force is no one attacked
        ("Russia said its government is fighting terrorism in Syria.", "ASSAULT", 0),
        ("Russia said its forces are fighting the rebels in Syria.", "ASSAULT", 1),
        # showing that something is so is no demonstration; explosives found are no blast
        ("Karzai has demonstrated that he will not sign the deal in Kabul.", "PROTEST", 0),
        ("Thousands demonstrated against the coup in Cairo.", "PROTEST", 1),
        ("Police found 33 pounds of explosives in a flat in Brussels.", "ASSAULT", 0),
        ("The militants used explosives in Brussels.", "ASSAULT", 1),
        ("Heavy firing was reported along the border in Kashmir.", "ASSAULT", 1),  # gunfire as a noun
        ("The firing of the FBI director in Washington shocked Democrats.", "ASSAULT", 0),
        ("The surviving members of its staff released a new issue Wednesday in Paris.", "RETREAT", 0),
        ("The FBI released images of two men in Boston.", "RETREAT", 0),  # images show, not count, the men
        ("Hamas released two of the hostages in Gaza.", "RETREAT", 1),
        ("The US plans to send a squadron of F-22 stealth fighters to Saudi Arabia.", "MOBILIZE", 1),
        ("250 combat-ready Marines had moved from their base in Spain to Sigonella, Italy.", "MOBILIZE", 1),
        ("The decision moved oil markets in London.", "MOBILIZE", 0),
        # a person blasted is criticised; a verb delivering another act is that act
        ("Trump blasted John Bolton in Washington.", "ASSAULT", 0),
        ("Trump blasted John Bolton in Washington.", "ACCUSE", 1),
        ("North Korea blasted the Japanese prime minister as an idiot in Pyongyang.", "ASSAULT", 0),
        ("Militants blasted the convoy near Kabul.", "ASSAULT", 1),
        ("Iran blasted a Navy drone out of the sky over the Gulf.", "ASSAULT", 1),  # a drone is no critic
        ("Jindal blasted the administration in Baton Rouge.", "ASSAULT", 0),  # a body blasted is criticised
        ("Jindal blasted the administration in Baton Rouge.", "ACCUSE", 1),
        # a word of force between people or parties only is criticism
        ("Trump attacked John Bolton as a wacko.", "ASSAULT", 0),
        ("Trump attacked John Bolton as a wacko.", "ACCUSE", 1),
        ("Israel attacked Hamas leader Ismail Haniyeh in Tehran.", "ASSAULT", 1),
        ("Ministers Yair Lapid and Tzipi Livni sharply attacked the Israeli government.", "ACCUSE", 1),  # their own
        ("Vladimir Putin attacked the Ukrainian government in Kyiv.", "ASSAULT", 1),
        ("Khalifa Haftar spoke. His forces attacked the Libyan government in Tripoli.", "ASSAULT", 1),  # his forces
        ("A Republican TV ad this week is attacking Sen. Kay R. Hagan for being absent.", "ACCUSE", 1),
        ("The outspoken Trump supporter attacked Hillary Clinton during the convention.", "ACCUSE", 1),  # partisans
        ("Trump clashed with Democrats over the wall.", "ACCUSE", 1),
        # pressing ahead presses no one
        ("Kim Jong Un vowed to press ahead with more missile tests in the Pacific.", "REQUEST", 0),
        ("The US pressed Turkey to withdraw its troops.", "REQUEST", 1),
        # weapons fitted to a thing equip it, no party
        ("The bill would prohibit the Homeland Security Department from arming its drones.", "AID", 0),
        ("Iran armed the Houthi rebels in Yemen.", "AID", 1),
        # a convict is a person, no conviction
        ("After their escape, the two convicts planned to drive to Plattsburgh.", "SANCTION", 0),
        ("A court in Cairo convicted the two men.", "SANCTION", 1),
        # what a measure, or a list of one, targets is not struck
        ("Friday's sanctions list targets a number of Russian tycoons, including Oleg Deripaska.", "ASSAULT", 0),
        ("Russian jets targeted the rebels in Idlib.", "ASSAULT", 1),
        ("Turkish jets pulverized hiding spots of Syrian Kurdish forces in Ras al-Ayn.", "ASSAULT", 1),
        # the list after "over" is what they clashed over, not more sides
        ("Dan Coats repeatedly clashed with Donald Trump over Iran, North Korea and Russia.", "ACCUSE", 1),
        ("Republicans pummeled Hagel during a grueling confirmation hearing in Washington.", "ACCUSE", 1),
        ("Russian jets pummeled Aleppo.", "ASSAULT", 1),
        ("Ted Cruz regularly battled with Republican leaders over strategy.", "ASSAULT", 0),
        ("Police clashed with protesters in Cairo.", "ASSAULT", 1),
        ("Kurdish fighters battled ISIS in Kobani.", "ASSAULT", 1),
        # ... as is one said in a speech or a post, whoever its target
        ("Trump attacked Iran in a speech at the United Nations.", "ASSAULT", 0),
        ("Trump attacked Iran in a speech at the United Nations.", "ACCUSE", 1),
        ("Iran attacked the tanker during the night in the Gulf.", "ASSAULT", 1),
        ("Trump escalated the offensive on social media against Iran.", "ACCUSE", 1),
        ("Russia launched an offensive on Aleppo.", "ASSAULT", 1),
        ("Muslim leaders in Australia condemned the attack on Facebook.", "ASSAULT", 1),  # a noun's "on": its target
        # ... or one aimed at a policy, a law or a name
        ("In Washington, Republicans are attacking the bill.", "ACCUSE", 1),
        ("In Washington, Republicans are battling behind the scenes over an amendment.", "ASSAULT", 0),
        ("Kurdish forces fought over the town of Kobani.", "ASSAULT", 1),
        ("Trump's attack on the Iran deal in Washington angered Tehran.", "ASSAULT", 0),
        ("Israel attacked Iran's nuclear program in Natanz.", "ASSAULT", 1),
        # mobilizing voters or money is politics, no mobilization of forces
        ("She is focusing on expanding the electorate by mobilizing non-voters in Georgia.", "MOBILIZE", 0),
        ("Russia mobilized 300,000 reservists in Ukraine.", "MOBILIZE", 1),
        # offering a defense or a warning is words, no offer to cooperate
        ("Barr offered a robust defense of Trump in Washington.", "AGREE", 0),
        ("Iran offered talks to the US in Geneva.", "AGREE", 1),
        # air support is military aid, no words of support
        ("Saudi Arabia could provide air support to the Syrian rebels.", "SUPPORT", 0),
        ("Saudi Arabia could provide air support to the Syrian rebels.", "AID", 1),
        # carbon is captured by a plant, no town by an army
        ("Kemper, the first plant in the United States designed to carry out carbon capture, was switched to gas.",
         "ASSAULT", 0),
        ("The capture of Mosul by IS shocked Iraq.", "ASSAULT", 1),
        # who sends something else sends no forces, even when it is one
        ("The Israel Defense Forces sent text messages to residents of Gaza.", "MOBILIZE", 0),
        ("Iran has sent 2,000 fighters to Syria.", "MOBILIZE", 1),
        # advisers are aid when provided, a leader's staff otherwise
        ("Trump ignored the advice of his military advisers in Washington.", "AID", 0),
        ("The U.S. provided military advisers to the Iraqi army.", "AID", 1),
        # ... or one qualified as words
        ("Trump saw the resolution as a personal assault on his authority in Washington.", "ASSAULT", 0),
        ("Israel launched a deadly attack on Gaza.", "ASSAULT", 1),
        # ... or one opening quoted words
        ('McCain fired back: "History has already made a judgment about the surge."', "ASSAULT", 0),
        ('McCain fired back: "History has already made a judgment about the surge."', "ACCUSE", 1),
        ("McCain fired back at Hagel over the surge in Iraq.", "ACCUSE", 1),
        ("Israeli troops fired back at the gunmen in Gaza.", "ASSAULT", 1),
        ("The statement claims the attack on Charlie Hebdo was ordered by Al Qaeda leader Ayman al-Zawahri.", "ASSAULT",
         1),  # a leader of fighters
        # a mark or the odds beaten are no one beaten; a person enlisted to help is no fighter
        ("Ripken went on to beat Gehrig's total in Baltimore.", "ASSAULT", 0),
        ("Police beat protesters in Cairo.", "ASSAULT", 1),
        ("The White House enlisted Joe Biden to make the sale in Washington.", "MOBILIZE", 0),
        ("The militia enlisted 500 fighters in Idlib.", "MOBILIZE", 1),
        ("The U.S. intercepted an order from Iran to militias in Iraq.", "ASSAULT", 0),  # listening
        # a participle of violence on another act names that act's target
        ("The U.S. will impose new sanctions targeting officials in Moscow.", "ASSAULT", 0),
        ("U.S. troops joined the alliance fighting the Axis powers in Europe.", "ASSAULT", 1),
        ("Israel intercepted a rocket over Ashkelon.", "ASSAULT", 1),
        ("With limited exceptions, the re-imposed U.S. sanctions will hit Iran in November.", "ASSAULT", 0),
        ("Airstrikes hit Idlib on Monday.", "ASSAULT", 1),
        # evidence supporting a conclusion supports no party
        ('"That supports the conclusion that bin Laden\'s relations with Iran\'s dictatorship were convoluted," '
         'James Phillips, a Heritage Foundation expert, said.', "SUPPORT", 0),
        ("Russia supported Assad in Syria.", "SUPPORT", 1),
        # declining to comment rejects nothing; compromising files concedes nothing
        ("Officials from the House Armed Services committee declined to comment on the report in Washington.",
         "REJECT", 0),
        ("Turkey refused to help the Kurdish forces in Kobani.", "REJECT", 1),
        ("American leadership has dramatically declined in Syria.", "REJECT", 0),  # it fell
        ("Iraq declined an invitation to meet Pence in Baghdad.", "REJECT", 1),
        ("Iran declined to attend the talks in Geneva.", "REJECT", 1),
        ("A breach compromised the files of 25,000 DHS workers in Washington.", "CONCEDE", 0),
        # a participle describing another act names its manner
        ("The group has hit Baghdad with waves of coordinated car bombings.", "COOPERATE", 0),
        ("Iraq and Iran coordinated their strikes on Mosul.", "COOPERATE", 1),
        # taking up news or winning a prize is no capture
        ("Russian state-run news sites also quickly seized on the news in Moscow.", "ASSAULT", 0),
        ("Weapons were seized on Monday in Aleppo by Syrian troops.", "ASSAULT", 1),  # a passive, no phrasal verb
        ("Terry McAuliffe captured the governorship in Virginia.", "ASSAULT", 0),
        ("The beating in Cairo was captured on video.", "ASSAULT", 1),  # the beating, not the capture
        ("The protest in Cairo was captured on video.", "ASSAULT", 0),
        ("We are wavering in Syria, seized with doubts.", "ASSAULT", 0),
        ("Rebels seized the town on Monday in Idlib.", "ASSAULT", 1),
        # who is armed or equipped with something carries it; who arms a party aids it
        ("Two gunmen drove to Garland equipped with body armor and assault rifles.", "AID", 0),
        ("The US armed the Syrian rebels in 2013.", "AID", 1),
        ("ISIS executed 12 prisoners in Raqqa.", "ASSAULT", 1),
        ("Soldiers fired at protesters in Baghdad.", "ASSAULT", 1),
        ("Soldiers fired into the crowd in Basra.", "ASSAULT", 1),  # firing without an object shoots
        ("Trump fired Comey in Washington in May.", "ASSAULT", 0),  # with one it dismisses
        ("Andrew McCabe was fired in Washington for misleading investigators.", "ASSAULT", 0),  # so in the passive
        ("Protesters were fired upon by police in Cairo.", "ASSAULT", 1),
        ("Defense Secretary Mark Esper on Sunday fired the Navy's top official in Washington.", "ASSAULT", 0),
        ("Putin said during a televised press conference on Thursday in Moscow that the decision was right.",
         "CONSULT", 0),
        ("Russia and Iran held a conference on Syria in Geneva.", "CONSULT", 1),
        # seeking asks only for something; "sought to" is an attempt
        ("Zarif sought to expose the strains between the Americans and the Saudis.", "REQUEST", 0),
        ("Kuwait sought an investigation into the killings in Gaza.", "REQUEST", 1),
        ("Tens of thousands of Yazidis have sought refuge in the mountains of Iraq.", "REQUEST", 0),
        # defending forces or ground is a military act, no support
        ("The deployment ensures our ability to defend our forces in Saudi Arabia.", "SUPPORT", 0),
        ("Russia defended Assad at the UN.", "SUPPORT", 1),
        # a news conference is a statement to reporters
        ("McCain spoke at a lengthy news conference on Capitol Hill.", "CONSULT", 0),
        # a month's name in a date is no march
        ("President Obama speaks in Selma, Ala., on March 7, 2015.", "PROTEST", 0),
        ("Thousands of protesters marched in Cairo on March 6, 2019.", "PROTEST", 1),
        # pulling out or back someone or something else is no retreat of forces
        ("Someone pulled him out of the car in Diyarbakir.", "RETREAT", 0),
        ("The Justice Department pulled back investigations of police in Chicago.", "RETREAT", 0),
        ("Russia pulled back its troops from Kharkiv.", "RETREAT", 1),
        ("The US pulled out of Syria in October.", "RETREAT", 1),
        # a tour served is a soldier's, no visit
        ("Colvin, an Air Force veteran, served two tours in Afghanistan.", "CONSULT", 0),
        ("Obama began a tour of Asia in Tokyo.", "CONSULT", 1),
        # who shelters someone aids them; who shelters in place stays safe
        ("Roughly 381,000 people are sheltering in place in Massachusetts.", "AID", 0),
        ("Turkey sheltered 3 million Syrian refugees in Gaziantep.", "AID", 1),
        # a verb's "of" is no object: the photo released of a suspect frees no captive
        ("She saw the photo released early Friday of a suspect robbing a store in Boston.", "RETREAT", 0),
        ("The shelling damaged a mosque in Douma.", "ASSAULT", 1),
        # recognising supports a state or its claim, not whoever praised an article
        ("His commentary on Syria has been recognized by the Online News Association.", "SUPPORT", 0),
        ("Sweden recognized Palestine as a state in 2014.", "SUPPORT", 1),
        ("New Zealand Police Commissioner Bush confirmed that the man had not been known in advance to either "
         "New Zealand or Australian security services.", "ASSAULT", 0),  # beforehand
        ("The army's advance on Mosul stalled in Iraq.", "ASSAULT", 1),
        # striking a plan or a tone attacks no one
        ("Rice later struck a sober note in Washington.", "ASSAULT", 0),
        ("The administration has not struck a Middle East peace plan in Israel.", "ASSAULT", 0),
        ("Israeli jets struck a Hamas compound in Gaza.", "ASSAULT", 1),
        # a named person's firing is a dismissal
        ("Rod Rosenstein endorsed James Comey's firing in Washington.", "ASSAULT", 0),
        ("Heavy firing was heard across the border in Kashmir.", "ASSAULT", 1),
        ("Security forces fired live rounds to disperse the crowd in Baghdad.", "ASSAULT", 1),  # rounds are shot
        ("Flynn was seen as the main reason for his firing in Washington.", "ASSAULT", 0),
        ("The army hoped to see him fired from the military in Ankara.", "ASSAULT", 0),  # a small clause's patient
        ("The army saw the rebels fire on the convoy in Idlib.", "ASSAULT", 1),
        # using a power is no military exercise
        ("Stability in the Gulf will require the exercise of American power.", "MOBILIZE", 0),
        ("Russia held a military exercise near Ukraine on Monday.", "MOBILIZE", 1),
        # a battle in an arena of words or money is no use of force
        ("He warned that the recurring budget battles in Washington could be costly.", "ASSAULT", 0),
        ("The church faces a legal battle with the Palestinian Authority.", "ASSAULT", 0),
        ("Kurdish forces won the battle for Kobani.", "ASSAULT", 1),
        # "for now" is an adverb: nothing is called for
        ("Obama carried all of them against Republican John McCain in 2008, but they are too close to call for "
         "now.", "REQUEST", 0),
        ("These were the talks that Iran called for in Geneva.", "REQUEST", 1),
        # advancing an aim is no advance on a place
        ("The rebels in Idlib want to advance their own objectives.", "ASSAULT", 0),
        # an account of events offered is words, no commitment
        ("Lovell offered his own version of what happened in Benghazi that night.", "AGREE", 0),
        ("France has offered to take part in airstrikes against Iraq.", "AGREE", 1),
        # the kind of a weapon is no destruction done
        ("Saddam was accused of hiding weapons of mass destruction in Iraq.", "ASSAULT", 0),
        ("The shelling caused mass destruction in Aleppo.", "ASSAULT", 1),
        # supporters counted in thousands are still no armed force mobilized
        ("The opposition mobilized thousands of supporters in Khartoum.", "MOBILIZE", 0),
        ("Russia mobilized thousands of troops near Ukraine.", "MOBILIZE", 1),
        # a law or a sanction aimed at a party is no force
        ("The Hong Kong Autonomy Act is the second bill targeting China that Trump has signed.", "ASSAULT", 0),
        ("Israeli jets targeted a convoy near Damascus.", "ASSAULT", 1),
        # a post offered is a hiring, a mood no resignation, hitting the ground a fast start
        ("Hook was offered the job as director of policy planning in the State Department.", "AGREE", 0),
        ("With a sense of resignation, the Iranian minister answered the reporters in Tehran.", "RETREAT", 0),
        ("Trump's team did not hit the ground running in Washington.", "ASSAULT", 0),
        # a vow to cooperate threatens no one
        ("Iran vowed to cooperate with the inspectors in Vienna.", "THREATEN", 0),
        ("Hamas vowed to avenge the killing in Gaza.", "THREATEN", 1),
        # a market's demand is no call, a forecast beaten no one beaten
        ("Imports, a key gauge of the strength of China's domestic demand, grew 20 percent, beating forecasts.",
         "REQUEST", 0),
        ("Imports, a key gauge of the strength of China's domestic demand, grew 20 percent, beating forecasts.",
         "ASSAULT", 0),
        # a fact agreed on is a view shared
        ("The US and Russia agree that a large-scale chemical weapons attack occurred in Ghouta.", "AGREE", 0),
        ("The U.S. and Russia agreed on a system to avoid clashes between their aircraft in Syria.", "AGREE", 1),
        # revenge sought is pursued, asked of no one
        ("Militants in Kabul sought revenge for the killing of their leader.", "REQUEST", 0),
        ("Iraq sought an investigation into the strike in Mosul.", "REQUEST", 1),
        # a view shared is no commitment
        ("Barely half of Democrats agree with that sentiment in Washington.", "AGREE", 0),
        ("Iran agreed with Russia on a ceasefire in Syria.", "AGREE", 1),
        # a party's standing destroyed is no attack
        ("The government set its sights on destroying the political viability of the Brotherhood in Egypt.",
         "ASSAULT", 0),
        # an office taken up is no visit
        ("Putin arrived in power as prime minister in Moscow in 1999.", "CONSULT", 0),
        ("Kerry arrived in Baghdad on Monday.", "CONSULT", 1),
        # a campaign pressed on with asks nothing of anyone
        ("The military continued to press its campaign against rocket sites in Gaza.", "REQUEST", 0),
        ("Obama pressed Putin on Ukraine.", "REQUEST", 1),
        # an advisory to the public threatens no one
        ("The State Department issued a travel warning for Turkey.", "THREATEN", 0),
        ("The U.S. Embassy in Jerusalem issued an advisory warning for Americans in the West Bank.", "THREATEN", 0),
        ("Iran issued a warning to Israel.", "THREATEN", 1),
        # a version of a text is no conscription
        ("The CIA's first drafts said the attack in Benghazi was spontaneous.", "MOBILIZE", 0),
        # a caution is no threat
        ("The FBI discarded reports that warned about Islamist recruiters in Minneapolis.", "THREATEN", 0),
        ("Iran warned of a crushing response in Tehran.", "THREATEN", 1),
        # an aim dropped is no ground given up
        ("Trump said Iran must abandon its nuclear ambitions in the Gulf.", "RETREAT", 0),
        ("Syrian troops abandoned their positions near Palmyra.", "RETREAT", 1),
        # a confirmation fought is words
        ("Conservative groups fight Sen. Chuck Hagel's confirmation as defense secretary in Washington.", "ASSAULT", 0),
        ("Conservative groups fight Sen. Chuck Hagel's confirmation as defense secretary in Washington.", "ACCUSE", 1),
        # a state of things put at risk is no party threatened
        ("Sanctions will hit those threatening the peace and stability of northeast Syria.", "THREATEN", 0),
        ("Iran threatened Israel with missile strikes.", "THREATEN", 1),
    ],
)
def test_coder_a_word_in_another_sense_codes_no_event(text, event_type, count):
    events = code_events(default_nlp()(text))
    assert len([e for e in events if e.event == event_type]) == count


def test_coder_a_passive_verb_that_delivers_another_act_is_that_act():
    nlp = default_nlp()
    sanctioned = code_events(nlp("Russia was hit with new sanctions by the EU."))
    assert [(e.event, [a.identifier for a in e.recipient]) for e in sanctioned] == [("SANCTION", ["RUS"])]
    shelled = code_events(nlp("The convoy was hit with rockets near Aleppo."))
    assert [e.event for e in shelled] == ["ASSAULT"]


def test_coder_a_phrase_object_far_from_its_verb_still_completes_the_phrase():
    """Words counting the object push it out of reach ("launched more than a dozen ballistic
    missiles"); the target hangs on the object, not the verb."""
    events = code_events(default_nlp()(
        "Iran had launched more than a dozen ballistic missiles against US forces in Iraq."))
    event = only(events, "ASSAULT")
    assert actor_ids(event.actor) == ["IRN"]
    assert [e.entity_text for e in event.recipient] == ["US forces"]


def test_coder_a_trigger_naming_the_kind_of_a_counted_act_takes_its_light_verb():
    """"bombing missions" are bombings: the light verb of the counting noun carries them."""
    event = coded_event("U.S. forces carried out bombing missions against ISIL.", "ASSAULT")
    assert actor_ids(event.actor) == ["USA_MIL"]


def test_coder_who_fights_on_the_side_of_a_party_does_not_target_it():
    event = coded_event("Russia has been fighting on the side of Bashar al-Assad in Syria.", "ASSAULT")
    assert actor_ids(event.actor) == ["RUS"] and event.recipient == ()


def test_coder_a_clause_told_before_a_request_is_no_one_it_addresses():
    """The parser hangs "Trump asked McGahn ..." on the later "asked" as its clause: told
    before the verb, it is no request's addressee."""
    text = "In one, Trump asked McGahn to remove Mueller and then, later, the president asked McGahn to cover it up."
    requests = [e for e in code_events(default_nlp()(text)) if e.event == "REQUEST"]
    assert [[r.entity_text for r in e.recipient] for e in requests] == [["McGahn"], ["McGahn"]]


def test_coder_whom_a_party_fights_alongside_is_its_partner_not_a_place():
    event = coded_event("Turkey is fighting alongside the US against ISIS.", "COOPERATE")
    assert ([e.code for e in event.recipient], event.event_loc) == (["USA"], None)


def test_coder_an_attack_a_statement_tells_of_stays_one_of_arms():
    """"said in a statement that its soldier carried out the attack": the statement tells of
    the attack; it is no attack in words, as "a statement attacking the US position" is."""
    text = "ISIS said in a statement that its soldier carried out the attack using an automatic weapon."
    assert coded_types(text) == ["ASSAULT"]
    assert coded_types("Iran issued a statement attacking the US position.") == ["ACCUSE"]


def test_coder_the_backer_named_before_a_participle_takes_no_part():
    event = coded_event("US-backed Kurds withdrew from Manbij on Friday.", "RETREAT")
    assert [e.entity_text for e in event.actor] == ["Kurds"]


@pytest.mark.parametrize("text, mode", [
    ("Iran seized a British tanker in the Gulf on Friday.", "abduct"),  # a vessel seized is hijacked
    ("Rebels seized the town of Maarat al-Numan.", None),  # territory taken has no mode
])
def test_coder_what_is_seized_sets_the_mode(text, mode):
    assert coded_event(text, "ASSAULT").mode == mode


def test_coder_records_seized_are_confiscated_not_assaulted():
    text = "The Justice Department seized the phone records of reporters at The Associated Press."
    assert [(e.event, e.mode) for e in code_events(default_nlp()(text))] == [("COERCE", "confiscate")]


def test_coder_a_place_opening_a_participle_places_nothing():
    """"Washington-based journalist" says where the journalist works, not where he was killed."""
    event = coded_event("Saudi agents murdered Washington-based journalist Jamal Khashoggi.", "ASSAULT")
    assert event.event_loc is None


def test_coder_who_claims_an_attack_did_it():
    event = coded_event("An attack claimed by Islamic State killed two U.S. troops in Syria.", "ASSAULT")
    assert actor_ids(event.actor) == ["IMG_ISIS"]


@pytest.mark.parametrize("text, event_type, trigger", [
    ("Two mortar shells fell on a school in Damascus on Monday.", "ASSAULT", "shells fell"),
    ("Turkey called the attacks on its embassy in Baghdad unacceptable.", "ACCUSE", "unacceptable"),
])
def test_coder_reads_projectiles_landing_and_acts_called_unacceptable(text, event_type, trigger):
    assert coded_event(text, event_type).event_text == trigger


def test_coder_a_place_in_the_frame_of_reported_speech_places_nothing_it_tells(annotate):
    """"said in Afrin that ... attacked" tells where it was said, not where the attack was."""
    text = "Speaking in Afrin, a commander said that Hezbollah fighters attacked the rebels."
    doc = annotate(text, quotes=[("Hezbollah fighters attacked the rebels", "a commander", "said")])
    assert only(code_events(doc, outlet=OUTLET), "ASSAULT").event_loc is None
    text = "Speaking in Afrin, a commander said that Hezbollah fighters attacked Idlib."
    doc = annotate(text, quotes=[("Hezbollah fighters attacked Idlib", "a commander", "said")])
    assert only(code_events(doc, outlet=OUTLET), "ASSAULT").event_loc.extracted_place == "Idlib"


def test_coder_a_person_named_before_an_attack_noun_is_its_target():
    """"the Qassem Soleimani killing" and "Soleimani's killing" killed Soleimani; "Russian
    airstrikes" are Russia's, "Trump's attack" is Trump's."""
    killing = coded_event("Iran vowed revenge for the Qassem Soleimani killing.", "ASSAULT")
    assert (killing.actor, [e.entity_text for e in killing.recipient]) == ((), ["Qassem Soleimani"])
    owned = coded_event("Since Qassem Soleimani's killing, Iran has called for revenge.", "ASSAULT")
    assert (owned.actor, [e.entity_text for e in owned.recipient]) == ((), ["Qassem Soleimani"])
    attack = coded_event("Trump's attack on Iran was condemned.", "ASSAULT")
    assert [e.entity_text for e in attack.actor] == ["Trump"]
    strikes = coded_event("Russian airstrikes hit Idlib on Monday.", "ASSAULT")
    assert [e.code for e in strikes.actor] == ["RUS"]
    unknown = only(code_events(default_nlp()("Journalist Jamal Khashoggi was last seen in Istanbul. "
                                              "Turkey has video of Khashoggi's killing.")), "ASSAULT")
    assert (unknown.actor, [e.entity_text for e in unknown.recipient]) == ((), ["Khashoggi"])
    assert unknown.event_loc is None or unknown.event_loc.extracted_place != "Khashoggi"


def test_coder_the_owner_of_an_act_done_to_a_named_patient_is_its_doer():
    """"Trump's assassination of an Iranian official": Trump did it, the official is its
    target; "the U.S.'s killing of Qassem Soleimani": the U.S. killed him (a state owning a
    killing is a party, not where it happened)."""
    text = "The strike followed Donald Trump's assassination of a senior Iranian official in Baghdad."
    assassination = coded_event(text, "ASSAULT")
    assert [e.entity_text for e in assassination.actor] == ["Donald Trump"]
    assert [e.code for e in assassination.recipient] == ["IRN"]
    killing = coded_event("The attack came in response to the U.S.'s killing of Qassem Soleimani.", "ASSAULT")
    assert ([e.code for e in killing.actor], [e.entity_text for e in killing.recipient]) == (["USA"], ["Qassem Soleimani"])


@pytest.mark.parametrize("text", [
    "Russia floated a deal to avoid a U.S. strike against Syria.",
    "The response was the U.S. drone strike that killed the Iranian general in Baghdad.",
])
def test_coder_a_state_before_an_act_noun_naming_its_target_is_the_doer(text):
    strike = coded_event(text, "ASSAULT")
    assert [e.code for e in strike.actor] == ["USA"]


def test_coder_a_state_before_an_act_noun_with_its_patient_is_the_doer():
    """"the U.S. killing of an Iranian commander": the U.S. killed; the commander's nationality
    is no doer; before a bare act noun a state may be the place ("the Indonesia church bombings")."""
    killing = coded_event("Tensions rose after the U.S. killing of an Iranian commander in Baghdad.", "ASSAULT")
    assert [e.code for e in killing.actor] == ["USA"]
    bombings = coded_event("The Indonesia church bombings shocked Jakarta.", "ASSAULT")
    assert bombings.actor == ()


def test_coder_who_is_said_to_be_dead_is_the_victim():
    events = code_events(default_nlp()("Trump said that ISIS leader Abu Bakr al-Baghdadi was dead after a raid in Syria."))
    dead = next(e for e in events if e.event_text == "dead")
    assert (dead.actor, [e.entity_text for e in dead.recipient]) == ((), ["Abu Bakr al-Baghdadi"])


def test_coder_a_dateline_places_only_what_happened():
    """The dateline says where the reporter files from: it places the attack the paragraph
    reports, not a hypothetical one."""
    nlp = default_nlp()
    hypothetical = only(code_events(nlp("DUBAI, United Arab Emirates (AP) — Any attack on Iran by the U.S. "
                                        "will spark an all-out war, Tehran's top diplomat warned Thursday.")), "ASSAULT")
    assert hypothetical.event_loc is None
    reported = only(code_events(nlp("KABUL, Afghanistan (AP) — Gunmen opened fire Friday at a ceremony, "
                                    "killing at least 32 people.")), "ASSAULT")
    assert reported.event_loc.extracted_place == "KABUL"
    # nor what its sentence names as the time or cause of its news
    earlier = only(code_events(nlp("Washington (CNN) After Russia's strikes on Syria, lawmakers in Congress "
                                   "are plotting a vote.")), "ASSAULT")
    assert earlier.event_loc is None


@pytest.mark.parametrize("text, mode", [
    ("He mowed down a group of people with his van in London.", None),  # no gun named
    ("Gunmen mowed down worshippers in Christchurch.", "firearms"),
])
def test_coder_mowing_down_takes_its_mode_from_the_weapon_named(text, mode):
    assert coded_event(text, "ASSAULT").mode == mode


def test_coder_whoever_orders_an_act_or_is_its_doer_again_is_no_recipient():
    """"on orders of Trump": Trump stands with the attackers; "defended his reversal": Trump
    supports no one but himself."""
    nlp = default_nlp()
    killed = only(code_events(nlp("On Jan. 3, Maj. Gen. Soleimani was killed in Baghdad by a U.S. drone missile attack "
                                  "on his car on orders of President Trump.")), "ASSAULT")
    assert "USA_TRUMP" not in [r.identifier for r in killed.recipient]
    defended = only(code_events(nlp("Trump has defended his reversal of U.S. policy in Syria.")), "SUPPORT")
    assert [a.identifier for a in defended.actor] == ["USA_TRUMP"] and defended.recipient == ()


@pytest.mark.parametrize("text", ["Kurdish forces supported the fight against Islamic State in Syria.",
                                  "Russia supported Syria against the rebels in Idlib."])
def test_coder_whom_cooperation_is_against_is_no_recipient(text):
    event = coded_event(text, "SUPPORT")
    assert not {"Islamic State", "the rebels"} & {r.entity_text for r in event.recipient}


def test_coder_a_passive_from_names_a_source_not_the_doer():
    event = coded_event("Heavy weapons were seized from the Iraqi army in Mosul.", "ASSAULT")
    assert "IRQ" not in [a.code for a in event.actor]


def test_coder_who_is_ready_or_willing_to_act_is_its_actor():
    event = coded_event("Turkey is determined to fight the Kurdish militia in Syria.", "ASSAULT")
    assert [a.code for a in event.actor] == ["TUR"]


@pytest.mark.parametrize("text, event_type, code", [
    ("Yemen is home to an al Qaeda branch that has attempted several attacks against the United States.",
     "ASSAULT", "IMG"),
    ("ISIS committed the attacks in Paris.", "ASSAULT", "IMG"),
    ("Washington is reimposing sanctions on Iran.", "SANCTION", "USA"),
    ("The EU slapped sanctions on Russia over Crimea.", "SANCTION", "IGO"),
])
def test_coder_the_subject_of_a_light_verb_is_the_actor(text, event_type, code):
    """Attempting or committing attacks, reimposing or slapping sanctions: light verbs."""
    event = coded_event(text, event_type)
    assert code in [a.code for a in event.actor]


@pytest.mark.parametrize("text, events", [
    ("Obama had talks with Putin in Paris on Monday.", ["CONSULT"]),
    ("Merkel had a phone call with Rouhani.", ["CONSULT"]),
    ("Iran has missiles that can reach Israel.", []),  # "have" carries a meeting only
])
def test_coder_the_subject_of_having_a_meeting_takes_part(text, events):
    coded = code_events(default_nlp()(text))
    assert [e.event for e in coded] == events
    assert all(e.actor and e.recipient for e in coded)


def test_coder_who_tells_of_an_attack_is_not_its_target():
    text = ("Taliban fighters attacked three army outposts in Kunduz last night, killing at least 10 soldiers and "
            "four police, a member of the provincial council, Safiullah Amiri, said.")
    attack = next(e for e in code_events(default_nlp()(text)) if e.event_text == "attacked")
    assert "Safiullah Amiri" not in [r.entity_text for r in attack.recipient]


def test_coder_a_town_is_a_finer_place_than_the_sea_it_lies_on():
    text = "In the Mediterranean city of Alexandria, anti-Morsi crowds attacked Brotherhood backers."
    event = coded_event(text, "ASSAULT")
    assert event.event_loc.extracted_place == "Alexandria"


def test_coder_a_place_on_a_noun_of_the_phrase_places_the_event():
    event = coded_event("The talks in Geneva were held behind closed doors.", "CONSULT")
    assert event.event_loc.extracted_place == "Geneva"


@pytest.mark.parametrize("text, requests", [
    ("Iraq asked Turkey to withdraw its troops from Bashiqa.", 1),
    ("Trump told Erdogan to stop the offensive in Syria.", 1),
    ("Asked about the attack in Kabul, the minister said nothing.", 0),  # a question
    ("Trump told reporters in Washington that Iran attacked the tanker.", 0),  # a report
])
def test_coder_bidding_someone_do_something_is_a_request(text, requests):
    events = code_events(default_nlp()(text))
    assert len([e for e in events if e.event == "REQUEST"]) == requests


def test_coder_a_named_owner_of_an_act_is_its_actor_not_the_light_verbs_subject():
    request = coded_event("The House approved Obama's request on Wednesday.", "REQUEST")
    assert [a.identifier for a in request.actor] == ["USA_OBAMA"]
    offensive = coded_event("Turkey launched its offensive in Syria.", "ASSAULT")
    assert [a.code for a in offensive.actor] == ["TUR"]
    # a person owning an act done to them is its target, and the light verb's subject its doer
    killing = coded_event("The US carried out Qassem Soleimani's killing in Baghdad.", "ASSAULT")
    assert [a.code for a in killing.actor] == ["USA"] and [r.entity_text for r in killing.recipient] == ["Qassem Soleimani"]


@pytest.mark.parametrize("text, place", [
    ("Iran sent 2,000 troops from Tehran to Aleppo.", "Aleppo"),  # where a deployment goes
    ("Russia withdrew its forces from Kherson to Crimea.", "Kherson"),  # where a withdrawal leaves
])
def test_coder_a_movement_is_placed_where_it_goes_a_withdrawal_where_it_leaves(text, place):
    event = code_events(default_nlp()(text))[0]
    assert event.event_loc.extracted_place == place


def test_coder_an_act_a_striking_verb_delivers_befalls_its_object():
    event = only(code_events(default_nlp()("With limited exceptions, the re-imposed U.S. sanctions will hit Iran in "
                                           "November.")), "SANCTION")
    assert [r.code for r in event.recipient] == ["IRN"]


def test_coder_a_word_of_a_persons_name_is_no_trigger():
    events = code_events(default_nlp()("Attorney General Loretta Lynch said the suspects had been questioned."))
    assert not [e for e in events if e.event_text == "Lynch"]


@pytest.mark.parametrize("text, actor", [
    ("Warheads sat on top of the Iranian missiles fired into Iraq.", "IRN"),
    ("Two Hamas rockets were fired at Israel on Monday.", "PSE_HAMAS"),
])
def test_coder_whose_weapons_a_passive_fired_fired_them(text, actor):
    assert actor_ids(coded_event(text, "ASSAULT").actor) == [actor]


@pytest.mark.parametrize("text, counterpart, place", [
    ("Putin and Erdogan discussed Idlib.", "Erdogan", None),  # the topic is no party and no meeting place
    ("Putin discussed Syria with Erdogan in Sochi.", "Erdogan", "Sochi"),
    # nor the topic of talks in another clause
    ("Putin is in Sochi, meeting with Erdogan to discuss matters, including Iran's nuclear program.", "Erdogan",
     "Sochi"),
])
def test_coder_what_is_talked_over_is_no_party_and_no_place(text, counterpart, place):
    talks = coded_event(text, "CONSULT")
    assert [e.entity_text for e in talks.recipient] == [counterpart]
    assert (talks.event_loc.extracted_place if talks.event_loc else None) == place


@pytest.mark.parametrize("text, event_type, recipient", [
    ("Britain expelled 23 Russian diplomats.", "SANCTION", "RUS_GOV"),
    ("Iran's Foreign Ministry summoned the British ambassador.", "ACCUSE", "GBR_GOV"),
])
def test_coder_the_state_an_envoy_serves_receives_the_diplomatic_act(text, event_type, recipient):
    assert actor_ids(coded_event(text, event_type).recipient) == [recipient]


@pytest.mark.parametrize("text, event_type, recipient", [
    ("North Korea made threats to the United States.", "THREATEN", "USA"),
    ("Turkey apologized to Russia for downing the jet.", "CONCEDE", "RUS"),
])
def test_coder_the_country_words_are_addressed_to_is_their_recipient_not_their_place(text, event_type, recipient):
    said = coded_event(text, event_type)
    assert actor_ids(said.recipient) == [recipient] and said.event_loc is None


def test_coder_an_act_noun_as_subject_of_a_verb_with_its_own_object_takes_none_of_its_parties():
    """"send" carries "troops sent", not "the airstrike is sending a signal to Iran": whom the
    signal reaches is no target of the airstrike."""
    strike = only(code_events(default_nlp()("Israel's airstrike near Damascus is sending a signal to Iran and "
                                            "Hezbollah.")), "ASSAULT")
    assert actor_ids(strike.actor) == ["ISR"] and not strike.recipient


def test_coder_the_easing_of_sanctions_named_as_a_noun_is_a_concession_by_whoever_does_it():
    nlp = default_nlp()
    lifting = only(code_events(nlp("Iran curbed its program in return for the lifting of sanctions by the EU.")),
                   "CONCEDE")
    assert actor_ids(lifting.actor) == ["IGO_EU"] and not lifting.recipient
    relieving = code_events(nlp("Iran talked with the EU about relieving sanctions."))
    assert [e.event for e in relieving if e.event_text != "talked"] == ["CONCEDE"]
    relief = code_events(nlp("Iran demanded sanctions relief from the United States."))
    assert "SANCTION" not in {e.event for e in relief} and only(relief, "CONCEDE").aux_mode == ("demand",)


def test_coder_the_country_words_come_from_says_them_and_what_a_movement_leaves_does_not_move():
    nlp = default_nlp()
    criticism = only(code_events(nlp("Criticism from Russia followed the vote.")), "ACCUSE")
    assert actor_ids(criticism.actor) == ["RUS"] and criticism.event_loc is None
    retreat = only(code_events(nlp("American retreat from NATO would create a vacuum in Europe.")), "RETREAT")
    assert actor_ids(retreat.actor) == ["USA"]


@pytest.mark.parametrize(("text", "event_type", "actor"), [
    ("Russia banned imports of meat from the United States.", "SANCTION", ["RUS"]),
    ("The militias depend on military aid from Iran.", "AID", ["IRN"]),
    ("Kyiv welcomed military aid from the United States and other Western democracies.", "AID", ["USA"]),
    ("Obama endorsed the European approach to Russia and Ukraine.", "SUPPORT", ["USA_OBAMA"]),
])
def test_coder_a_party_after_from_or_to_is_not_the_place(text, event_type, actor):
    """Aid, trade and sanctions pass between parties: what they come from is the giver or
    the trading partner, not where the event happened; nor is whom words are about, one
    party or a list of them."""
    event = coded_event(text, event_type)
    assert actor_ids(event.actor) == actor and event.event_loc is None


def test_coder_whom_supporters_back_takes_no_part_in_their_acts():
    """"Morsi's supporters" are not Morsi: he neither attacks with them nor is killed with them."""
    nlp = default_nlp()
    attack = only(code_events(nlp("Mr. Morsi's supporters attacked government buildings in Cairo.")), "ASSAULT")
    killing = only(code_events(nlp("At least 140 of Mr. Morsi's supporters had been killed in Cairo.")), "ASSAULT")
    assert "EGY_MORSI" not in actor_ids(attack.actor) + actor_ids(killing.recipient)


def test_coder_a_statement_is_its_senders_whoever_grants_it():
    request = coded_event("Shanahan approved a request from Iraq for additional troops.", "REQUEST")
    assert [e.entity_text for e in request.actor] == ["Iraq"]


def test_coder_a_bare_participle_joined_to_a_passive_shares_its_voice():
    """"were hunted down and killed": the hunted were killed, nobody named did the killing."""
    killed = coded_event("Al Qaeda expanded as its fighters were hunted down and killed.", "ASSAULT")
    assert killed.actor == () and [e.entity_text for e in killed.recipient] == ["its fighters"]


def test_coder_crowds_that_disperse_are_not_dispersed():
    assert code_events(default_nlp()("After the statement, the crowds in Baghdad began to disperse.")) == []


def test_coder_a_statement_takes_no_place_from_a_clause_about_another_noun():
    criticism = coded_event("Trump criticized Obama, who drew a red line in Syria.", "ACCUSE")
    assert criticism.event_loc is None


def test_coder_a_noun_phrase_trigger_is_one_noun_phrase():
    text = "The United States assassinated Iran's most powerful general with a drone strike in Baghdad."
    assert "PROTEST" not in coded_types(text)
    assert coded_event("Workers in Tehran held a general strike.", "PROTEST").mode == "strike-gen"


def test_coder_a_dateline_places_no_happening_of_parties_from_elsewhere():
    """The reporter files from Istanbul; Russia's strikes were not there. Turkey's arrests may be."""
    strikes = coded_event("ISTANBUL (AP) — Russia launched a new wave of missile strikes on Monday.", "ASSAULT")
    assert strikes.event_loc is None
    arrests = coded_event("ISTANBUL (AP) — Turkish police detained 20 suspects on Monday.", "COERCE")
    assert arrests.event_loc.extracted_place == "ISTANBUL"


@pytest.mark.parametrize("text, event_type, recipients", [
    ("Trump ordered an attack on Iran on Thursday.", "REQUEST", []),  # Iran is attacked, not asked
    ("Turkey condemned the attack on the Russian embassy.", "ACCUSE", []),
    ("Turkey condemned Russia's attack on Ukraine.", "ACCUSE", ["RUS"]),  # the doer is condemned
    ("Trump threatened a strike on Iran.", "THREATEN", ["IRN"]),  # a threat befalls the act's target
    ("The spokesperson did not blame Sunday's strike on Iran.", "ACCUSE", ["IRN"]),  # "blame X on Y"
])
def test_coder_words_about_an_act_have_no_recipient_in_its_target(text, event_type, recipients):
    words = coded_event(text, event_type)
    assert [e.code for e in words.recipient] == recipients


def test_coder_a_common_noun_before_a_name_is_the_object_a_phrase_names():
    seizure = coded_event("Iranian forces seized the UK-flagged oil tanker Stena Impero in the Gulf.", "ASSAULT")
    assert seizure.mode == "abduct"


def test_coder_a_reporters_call_for_comment_is_no_request():
    doc = default_nlp()("Calls to the State Department for additional comment were not immediately returned.")
    assert code_events(doc) == []


def test_coder_a_threat_of_an_act_is_its_doers_against_its_target():
    text = "In the background was the lingering threat of a limited U.S. military strike against Syria."
    threat = coded_event(text, "THREATEN")
    assert ([e.code for e in threat.actor], [e.code for e in threat.recipient]) == (["USA"], ["SYR"])


def test_coder_a_ceremonial_salute_is_no_attack():
    assert code_events(default_nlp()("After the service, the artillery fired a final twenty-one-gun salute.")) == []


@pytest.mark.parametrize("text", [
    "Buttigieg suggested that he would be better equipped to prosecute American wars than Trump.",
    "The militants were well equipped.",
    "He said the White House's actions would be \"as targeted as possible\" to avoid hurting Hong Kong.",
])
def test_coder_a_graded_participle_and_a_war_prosecuted_are_no_acts(text):
    """"well equipped", "poorly trained", "as targeted as possible" say what a party or a thing
    is like; "prosecute a war" wages it."""
    assert code_events(default_nlp()(text)) == []


def test_coder_a_graded_participle_with_its_agent_is_still_done():
    aid = coded_event("The rebels were trained well by Iran.", "AID")
    assert [e.code for e in aid.actor] == ["IRN"]
    assert coded_event("When the fighters returned, they were attacked as well.", "ASSAULT")


def test_coder_another_act_with_its_own_target_names_no_recipient():
    """"likened America's killing of a terrorist to Putin's assassination of dissidents":
    Putin did the other act, no one the killing befell."""
    text = ("Sanders likened America's killing of a terrorist on the battlefield to Vladimir Putin's assassination of "
            "Russian political dissidents.")
    killing = next(e for e in code_events(default_nlp()(text)) if e.event_text == "killing")
    assert [e.code for e in killing.actor] == ["USA"]
    assert "RUS" not in [e.code for e in killing.recipient]


def test_coder_who_designated_a_group_takes_no_part_in_its_acts():
    text = "He led a State Department-designated terrorist organization plotting to kill American troops."
    kill = coded_event(text, "ASSAULT")
    assert "USA" not in [e.code for e in kill.actor]


def test_coder_a_participle_completing_a_verb_befalls_whom_the_verb_is_about():
    """"Sean Collier, who was found shot to death": Collier was shot; he shot no one."""
    text = "The rampage claimed the life of police officer Sean Collier, who was found shot to death in his car."
    shot = coded_event(text, "ASSAULT")
    assert (shot.actor, [e.entity_text for e in shot.recipient]) == ((), ["Sean Collier"])


def test_coder_an_act_befalls_the_object_of_a_verb_of_striking_it_is_the_subject_of():
    """"the airstrike hit Kurdish fighters": the fighters; "the raids pulled Egypt into
    the war": Egypt was pulled, not raided."""
    hit = coded_event("A Turkish airstrike hit Kurdish fighters near Afrin.", "ASSAULT")
    assert [e.entity_text for e in hit.recipient] == ["Kurdish fighters"]
    pulled = coded_event("The bombing raids pulled Egypt deeper into the war in Libya.", "ASSAULT")
    assert pulled.recipient == ()


def test_coder_who_hung_on_a_verb_stands_for_the_noun_before_it():
    """The parser hangs "who have condemned it" on "met"; the Democrats condemned, not Trump."""
    text = "Trump's strike has been met with a wave of criticism from Democrats as well, who have condemned it."
    condemned = [e for e in code_events(default_nlp()(text)) if e.evidence["event"].text == "condemned"]
    assert [[e.entity_text for e in event.actor] for event in condemned] == [["Democrats"]]


def test_coder_a_passive_read_as_an_adjective_befalls_its_subject():
    """The parser makes "outlawed" an adjective after "was"; the group is still outlawed,
    while a stance keeps its subject ("Russia is committed to the talks")."""
    outlawed = coded_event("In September the group was formally outlawed.", "COERCE")
    assert (outlawed.actor, [e.entity_text for e in outlawed.recipient]) == ((), ["the group"])
    committed = coded_event("Russia is united and committed to the talks in Geneva.", "AGREE")
    assert [e.code for e in committed.actor] == ["RUS"]


@pytest.mark.parametrize("text, used", [
    ("Assad said he would agree to turn over Syria's chemical weapons only if the U.S. drops its threat.", False),
    ("Saddam Hussein manufactured chemical weapons at the Muthanna complex near Baghdad.", False),
    ("Chlorine and other chemical weapons have been used in Syria.", True),
])
def test_coder_chemical_weapons_held_or_made_are_no_attack(text, used):
    events = code_events(default_nlp()(text))
    assert any(e.event_text == "chemical weapons" for e in events) == used


def test_coder_who_used_a_weapon_did_its_attack():
    """"the regime used chemical weapons on civilians": the regime attacked the civilians."""
    attack = coded_event("The regime used chemical weapons on civilians in Ghouta.", "ASSAULT")
    assert ([e.entity_text for e in attack.actor], [e.entity_text for e in attack.recipient]) == (
        ["The regime"], ["civilians"])


def test_coder_whom_an_act_is_aimed_at_is_no_doer_of_it():
    text = "After an overnight lull, rocket fire towards Israel resumed on Wednesday."
    fire = coded_event(text, "ASSAULT")
    assert (fire.actor, [e.code for e in fire.recipient]) == ((), ["ISR"])


def test_coder_who_claims_an_act_did_it_not_the_name_before_it():
    """"claimed responsibility for the Kabul Serena Hotel attack": the Taliban; with no one
    named to claim it, the name before it is still its doer ("the Hamas attack")."""
    claimed = coded_event("The Taliban claimed responsibility for the Kabul Serena Hotel attack.", "ASSAULT")
    assert [e.entity_text for e in claimed.actor] == ["The Taliban"]
    unclaimed = coded_event("Nobody has claimed responsibility for the Hamas attack.", "ASSAULT")
    assert [e.code for e in unclaimed.actor] == ["PSE"]


def test_coder_the_subject_of_a_reported_clause_hung_on_say_acts():
    """The parser makes "soldiers" the object of "says" and "opened" its conjunct: the
    soldiers fired, not the reporter."""
    text = "A BBC reporter says soldiers in Qina, in the south, opened fire on pro-Morsi protesters."
    fire = coded_event(text, "ASSAULT")
    assert [e.entity_text for e in fire.actor] == ["soldiers"]


def test_coder_an_unknown_name_before_an_act_is_no_doer():
    """"the World Trade Center bombing": a target, where a known group before the act did it."""
    bombing = coded_event("The World Trade Center bombing in 1993 killed six people.", "ASSAULT")
    assert bombing.actor == ()
    attack = coded_event("The Hamas attack killed six people.", "ASSAULT")
    assert [e.code for e in attack.actor] == ["PSE"]


def test_coder_whom_a_partner_stands_with_is_no_party():
    text = "Turkey continues its military operation targeting America's Kurdish allies in Syria."
    targeting = coded_event(text, "ASSAULT")
    assert "USA" not in [e.code for e in targeting.recipient]


def test_coder_at_the_hands_of_names_the_doer():
    killed = coded_event("Hundreds of civilians were killed at the hands of the militants.", "ASSAULT")
    assert ([e.entity_text for e in killed.actor], [e.entity_text for e in killed.recipient]) == (
        ["the militants"], ["civilians"])


def test_coder_who_takes_credit_for_an_act_did_it():
    """The parser hangs "for" on "took", not on "credit"."""
    attack = coded_event("The Taliban took credit for an attack in Kabul.", "ASSAULT")
    assert [e.code for e in attack.actor] == ["AFG"]


@pytest.mark.parametrize("text", ["The Taliban claimed the bombing in Kabul.",
                                  "The bombing in Kabul was claimed by the Taliban."])
def test_coder_who_claims_an_act_did_it(text):
    """A claim verb with the act as its object or passive subject names its doer; a bare
    "the bombing was claimed" has nothing else that anchors an event."""
    bombing = coded_event(text, "ASSAULT")
    assert [e.code for e in bombing.actor] == ["AFG"]


def test_coder_a_tensed_clause_a_connective_opens_does_not_take_the_main_subject():
    """The parser hangs "a bomb" on "after": the bomb hit the house, the Palestinians fled."""
    text = "Palestinians run away from debris after a bomb from an Israeli airstrike hit a house in Gaza on Saturday."
    hit = next(e for e in code_events(default_nlp()(text)) if e.event_text == "hit")
    assert "PSE" not in [a.code for a in hit.actor]


def test_coder_a_past_time_on_a_present_copula_dates_no_event():
    """"the mobilization is unprecedented since the outbreak of the war four years ago": the
    parser hangs "ago" on "is"; the war began then, the mobilization is today's news."""
    nlp = default_nlp()
    doc = nlp.make_doc("According to As-Safir, \u201cthe mobilization in northern Syria is unprecedented [with regard "
                       "to] Iranian and Iraqi presence in Syria since the outbreak of the war on [the country] four "
                       "years ago.\u201d")
    doc._.published = DateEstimate("2015-03-15", "2015-03-15", "2015-03-15", "day")
    mobilization = only(code_events(nlp(doc)), "MOBILIZE")
    assert mobilization.date_from_publication and "historical" not in mobilization.aux_mode


def test_coder_an_act_used_as_a_pretext_is_not_the_users():
    """"using the chemical weapons attack as a pretext": the U.S. did not carry it out."""
    text = "Moscow accused the U.S. of using the chemical weapons attack in Syria as a pretext for hitting the base."
    attacks = [e for e in code_events(default_nlp()(text)) if e.event == "ASSAULT" and e.event_text != "hitting"]
    assert attacks and not [a for e in attacks for a in e.actor if a.code == "USA"]
    claimed = "The German politician Alexander Gauland claimed this killing in Paris as a proof of the danger."
    killing = coded_event(claimed, "ASSAULT")
    assert not killing.actor  # claimed as proof, not as his deed
    owned = "ISIS claimed the attack in Paris as revenge for the war."
    assert [a.code for a in coded_event(owned, "ASSAULT").actor] == ["IMG"]


def test_coder_the_owner_of_a_destruction_is_what_it_ends():
    """"sought Israel's destruction": Israel would be destroyed; "Russia's destruction of
    Grozny" is Russia's doing."""
    nlp = default_nlp()
    sought = only(code_events(nlp("Enemies in Gaza sought Israel's destruction.")), "ASSAULT")
    assert (sought.actor, [e.code for e in sought.recipient]) == ((), ["ISR"])
    done = only(code_events(nlp("Russia's destruction of Grozny shocked the world.")), "ASSAULT")
    assert [e.code for e in done.actor] == ["RUS"]


def test_coder_a_person_named_before_a_movement_made_it():
    """"the Obama withdrawal from Iraq": Obama withdrew; "the Soleimani killing" killed him."""
    withdrawal = coded_event("That was the flaw of the Obama withdrawal from Iraq in 2011.", "RETREAT")
    assert ([e.entity_text for e in withdrawal.actor], withdrawal.recipient) == (["Obama"], ())


@pytest.mark.parametrize(("text", "event_type"), [
    ("The rebels doubted the Assad pledge to give up chemical weapons.", "AGREE"),
    ("Rebels in Idlib rejected the Erdogan demand.", "REQUEST"),
])
def test_coder_a_person_named_before_words_said_them(text, event_type):
    """"the Assad pledge" is Assad's, as "the Erdogan demand" is Erdogan's: no one it befalls."""
    words = coded_event(text, event_type)
    assert len(words.actor) == 1 and words.recipient == ()


def test_coder_a_participle_with_its_own_object_is_active():
    """The parser hangs "bombed" on "coalition" as a participle; with an object of its own it
    is the coalition's act, not one done to it."""
    bombed = coded_event("The Saudi-led coalition bombed Sanaa.", "ASSAULT")
    assert ([e.entity_text for e in bombed.actor], bombed.recipient) == (["Saudi-led coalition"], ())


def test_coder_a_phrase_takes_the_word_after_its_first_word_every_run():
    """"set to fly to Moscow": "fly to" takes the preposition after "fly", not the infinitive
    "to" before it, whatever order a set of tokens comes in (their hash differs per parse)."""
    nlp = default_nlp()
    docs = [nlp("The Iranian envoy was set to fly to Moscow on Monday.") for _ in range(8)]  # kept alive: new ids
    texts = [[e.event_text for e in code_events(doc)] for doc in docs]
    assert texts == [["fly to"]] * len(docs)


@pytest.mark.parametrize(("text", "actors"), [
    ("The Russia probe continues to weigh on the White House.", []),
    ("The FBI investigation involved Petraeus.", ["USA_FBI"]),
    # a person whose office investigates leads the inquiry named after him
    ("Robert Mueller finished his work. Barr released his summary of the Mueller investigation.", ["USA_MUELLER"]),
])
def test_coder_a_place_named_before_an_inquiry_is_what_it_looks_into(text, actors):
    """"the Russia probe" looks into Russia; "the FBI investigation" is the FBI's."""
    inquiries = [e for e in code_events(default_nlp()(text)) if e.event == "ACCUSE"]
    assert [actor_ids(e.actor) for e in inquiries if e.actor] == ([actors] if actors else [])


def test_coder_an_act_in_a_condition_is_not_the_act_it_conditions():
    """"airstrikes if the militants advance": the advance is another, possible happening, also
    where the parser hangs "if" on the clause's subject and the clause on "airstrikes"."""
    text = ("Even so, he outlined a rationale for airstrikes if the Islamic State militants advance on American troops "
            "in Irbil.")
    airstrikes = next(e for e in code_events(default_nlp()(text)) if e.event_text == "airstrikes")
    assert (airstrikes.actor, airstrikes.recipient) == ((), ())


def test_coder_the_acts_a_campaign_counts_are_no_participants():
    """"a campaign of airstrikes": the airstrikes are the act, not whom it befalls."""
    text = "“We will conduct a systematic campaign of airstrikes against these terrorists,” Obama said."
    airstrikes = coded_event(text, "ASSAULT")
    assert [e.entity_text for e in airstrikes.recipient] == ["these terrorists"]


def test_coder_a_participle_on_the_place_a_movement_leaves_names_no_mover():
    text = ("Critics point to the withdrawal of U.S. forces from the areas of northeast Syria held by the "
            "Kurdish-led Syrian Democratic Forces (SDF).")
    withdrawal = coded_event(text, "RETREAT")
    assert actor_ids(withdrawal.actor) == ["USA_MIL"]


def test_coder_an_unknown_name_holding_the_trigger_is_no_party_to_it():
    """A title-case headline the NER takes for a name ("Obama Order Strikes") is the act."""
    strikes = coded_event("Should Obama Order Strikes on ISIS in Syria?", "ASSAULT")
    assert [e.entity_text for e in strikes.recipient] == ["ISIS"]


@pytest.mark.parametrize(("text", "recipients"), [
    ("Police killed three terror suspects in twin standoffs in Paris.", ["three terror suspects"]),
    ("A knife-wielding assailant killed one person near the Opera Garnier in Paris.", ["one person"]),
    ("The standoff in Paris left four hostages dead.", ["four hostages"]),
])
def test_coder_whom_an_act_leaves_dead_or_a_suspect_killed_suffered_it(text, recipients):
    """"left four hostages dead": the object of "left" is whom the deaths befell; a suspect
    is a participant the text describes without naming."""
    events = code_events(default_nlp()(text))
    assert [[e.entity_text for e in event.recipient] for event in events] == [recipients]


def test_coder_nor_negates_the_clause_it_joins():
    """"did not serve ..., nor did he offer": the parser hangs "nor" on the first verb."""
    events = code_events(default_nlp()("Lovell did not serve in Benghazi, nor did he offer help to the embassy."))
    offer = only(events, "AGREE")
    assert "negation" in offer.aux_mode
    sent = coded_event("Iran did not send troops, but it sent weapons to Syria.", "AID")
    assert "negation" not in sent.aux_mode


def test_coder_a_past_tense_read_as_an_adjective_keeps_its_subject_and_object():
    """The parser reads "said the bomber targeted civilians" as "the [bomber-targeted]
    civilians"; the tagger still calls "targeted" a past tense: the bomber targeted civilians."""
    text = "Police Spokesman Hashmatullah Stanikzai said the bomber targeted civilians who had gathered to register."
    attack = coded_event(text, "ASSAULT")
    assert ([e.entity_text for e in attack.actor], [e.entity_text for e in attack.recipient]) == (
        ["bomber"], ["civilians"])


def test_coder_what_a_meeting_is_on_is_no_party_to_it():
    """"talks on Syria", "met ... on the sidelines of the Group of 20": the topic or the
    occasion, not whom they meet."""
    talks = coded_event("Russia held talks on Syria in Geneva.", "CONSULT")
    assert [e.entity_text for e in talks.recipient] == []
    met = coded_event("Kerry met with Lavrov on Syria in Geneva.", "CONSULT")
    assert [e.entity_text for e in met.recipient] == ["Lavrov"]


def test_coder_a_clause_a_connective_opens_places_only_its_own_happening():
    """"comes two days after a U.S. service member was killed outside Mosul": Mosul is where
    the killing was, not the visit; a service member is a soldier."""
    events = code_events(default_nlp()("Carter's visit comes two days after a U.S. service member was killed "
                                       "outside Mosul."))
    visit, killing = only(events, "CONSULT"), only(events, "ASSAULT")
    assert visit.event_loc is None and killing.event_loc.extracted_place == "Mosul"
    assert actor_ids(killing.recipient) == ["USA_MIL"]


def test_coder_whom_a_court_finds_guilty_is_convicted():
    """"found Mr. Brunson guilty": the subject of the phrase's own small clause suffers it."""
    conviction = only(code_events(default_nlp()("At a hearing on Friday, a Turkish court found Mr. Brunson guilty "
                                                "of aiding terror groups.")), "SANCTION")
    assert [e.entity_text for e in conviction.recipient] == ["Brunson"]


def test_coder_a_phrase_verb_names_the_target_of_its_act():
    """"vowed to retaliate against Hezbollah": the target hangs on the phrase's second verb."""
    threat = coded_event("Israel vowed to retaliate against Hezbollah.", "THREATEN")
    assert actor_ids(threat.recipient) == ["LBN_HEZ"]


def test_coder_who_is_punished_or_accused_for_an_act_did_it():
    """"should be punished for killing its own people", "was accused of backing the rebels":
    the passive subject of the verb the gerund's preposition hangs on does the act."""
    killing = only(code_events(default_nlp()("The Syrian government should be punished for killing its own people "
                                             "in Ghouta.")), "ASSAULT")
    assert actor_ids(killing.actor) == ["SYR_GOV"]
    backing = coded_event("Israel was accused of backing the rebels in Syria.", "AID")
    assert [e.code for e in backing.actor] == ["ISR"]


def test_coder_who_launches_an_act_to_do_something_does_it():
    """"should launch airstrikes to aid the rebels": the act begun is no doer of the aid; the
    one who launches it is."""
    text = "Just a quarter of adults said the U.S. should launch airstrikes to aid the rebels in Syria."
    aid = coded_event(text, "AID")
    assert [e.code for e in aid.actor] == ["USA"]
    retake = coded_event("Russia launched a campaign to retake Palmyra.", "ASSAULT")
    assert [e.code for e in retake.actor] == ["RUS"]


def test_coder_a_bomber_from_a_place_is_the_doer_not_the_place():
    """"a female suicide bomber from Dagestan destroyed a trolleybus": the bomber, a trigger
    word that is the subject of the act, did it; the unresolved region only says where
    she came from."""
    text = "A female suicide bomber from Dagestan destroyed a trolleybus in Volgograd."
    attack = coded_event(text, "ASSAULT")
    assert [e.entity_text for e in attack.actor] == ["A female suicide bomber"]


def test_coder_we_in_a_quote_relayed_by_an_outlet_is_not_the_outlet():
    """"'We will never stop fighting you,' Adebolajo said, according to ITV News": the
    innermost speaker is "we", not the outlet that relays the quote."""
    text = ('"We swear by almighty Allah, we will never stop fighting you until you leave us alone," '
            "Adebolajo said calmly in London, according to ITV News, which first obtained the video.")
    stop = coded_event(text, "RETREAT")
    assert stop.actor == ()


def test_coder_a_gerund_listed_with_nouns_is_not_done_by_the_speaker():
    """"calling it a response to the massacre ... and targeting of civilians": the targeting
    is the other side's act, not Hamas's, though the parser hangs the gerund on "response"."""
    text = ('Hamas put its own spin on the attack in a banner on al-Aqsa, calling it "a natural response to the '
            'massacre of the al-Dalou family and targeting of innocent Palestinian civilians."')
    targeting = [e for e in code_events(default_nlp()(text)) if e.event_text == "targeting"]
    assert [actor_ids(e.actor) for e in targeting] == [[]]


def test_coder_the_act_a_victim_died_in_names_its_doer():
    """"died Sunday in an Israeli airstrike": the airstrike's nationality is the doer's."""
    text = "Nine members of the al-Dalou family died Sunday in an Israeli airstrike in Gaza."
    attack = coded_event(text, "ASSAULT")
    assert actor_ids(attack.actor) == ["ISR"]


def test_coder_an_act_pulled_off_was_done_by_whoever_pulled_it_off():
    """"pulled off the Boston bombing": carried out, so no negation, and its subject did it;
    "pulled back the strikes" still calls them off."""
    text = "The gun-wielding man confessed to pulling off the Boston bombing."
    bombing = coded_event(text, "ASSAULT")
    assert "negation" not in bombing.aux_mode and [e.entity_text for e in bombing.actor] == ["The gun-wielding man"]
    pulled = coded_event("Trump pulled back the strikes on Iran.", "ASSAULT")
    assert "negation" in pulled.aux_mode


def test_coder_whose_advance_it_was_is_no_target():
    """"During the advance of the ISIL": the "of" object of an advance makes it."""
    text = "During the advance of the ISIL last year, militants gained control of a chlorine factory near Mosul."
    seizure = coded_event(text, "ASSAULT")
    assert "IMG_ISIS" not in actor_ids(seizure.recipient)


def test_coder_a_name_after_the_relative_pronoun_is_not_its_antecedent():
    """"the Benghazi attack that killed U.S. Ambassador to Libya Chris Stevens": the parser
    hangs "Stevens" on "attack"; the victim named after "that" is no doer."""
    text = "Rice spoke about the Benghazi attack that killed U.S. Ambassador to Libya Chris Stevens and three others."
    killing = coded_event(text, "ASSAULT")
    assert "USA_STEVENS" not in actor_ids(killing.actor)


def test_coder_a_group_with_ties_to_another_is_not_that_group():
    """"Islamic extremists with ties to al-Qaeda participated in the attack": the extremists."""
    text = "Islamic extremists with ties to al-Qaeda participated in the attack in Benghazi."
    attack = coded_event(text, "ASSAULT")
    assert [e.entity_text for e in attack.actor] == ["Islamic extremists"]


def test_coder_a_passive_conjunct_shares_the_subject_of_the_verb_before():
    """"fighters tried to infiltrate the base, but were killed by Iraqi forces": the
    fighters were killed."""
    text = "ISIS fighters tried to infiltrate the base near Baghdadi, but were killed by Iraqi Security Forces."
    killing = [e for e in code_events(default_nlp()(text)) if e.event_text == "killed"]
    assert [actor_ids(e.recipient) for e in killing] == [["IMG_ISIS"]]


def test_coder_envoys_expelled_are_the_target_not_the_expeller():
    """"Russian diplomats were expelled": Russia's envoys suffer it; no one named expels."""
    expulsion = coded_event("Russian diplomats were expelled from Washington.", "SANCTION")
    assert expulsion.actor == () and actor_ids(expulsion.recipient) == ["RUS_GOV"]


def test_coder_aid_takes_its_kind_from_its_own_noun_and_goes_to_a_country():
    """"sent military aid to Ukraine": "military aid" says the kind, which "send aid" would
    call humanitarian; the country it is sent to gets it."""
    aid = coded_event("The United States sent military aid to Ukraine.", "AID")
    assert aid.mode == "military" and actor_ids(aid.recipient) == ["UKR"]
    relief = coded_event("The United States sent aid to Haiti.", "AID")
    assert relief.mode == "humanitarian"


def test_coder_forces_wiped_out_were_attacked():
    """"wiped out the attacking Russian mercenaries": an assault on hired fighters."""
    attack = coded_event("U.S. forces wiped out the attacking Russian mercenaries in Syria.", "ASSAULT")
    assert actor_ids(attack.actor) == ["USA_MIL"] and [e.code for e in attack.recipient] == ["RUS"]


@pytest.mark.parametrize(("text", "event_type", "actors"), [
    ("President Trump’s national security adviser, Gen. Michael Flynn, was forced to resign on Monday night.",
     "RETREAT", ["USA_FLYNN"]),
    ("When North Korean leader Kim Jong Un and his South Korea counterpart, Moon Jae-in, meet next Friday, "
     "the topic is denuclearization.", "CONSULT", ["PRK_KIM"]),
])
def test_coder_a_name_beside_a_role_says_who_acts(text, event_type, actors):
    """"Trump's adviser, Michael Flynn": Flynn resigns, not Trump; each conjunct keeps its own."""
    event = coded_event(text, event_type)
    assert actor_ids(event.actor) == actors
    assert "USA_TRUMP" not in actor_ids(event.recipient)


def test_coder_who_storms_a_place_to_protest_protests():
    """"activists swarmed the NIH to protest": the infinitive is the activists' aim; the
    place taken does nothing."""
    text = "In 1990, AIDS activists swarmed the NIH to protest government indifference."
    protest = coded_event(text, "PROTEST")
    assert [e.entity_text for e in protest.actor] == ["AIDS activists"]


def test_coder_who_placed_the_bombs_did_the_bombing():
    """"accused of placing the two bombs": "place" is a light verb, its subject the doer."""
    text = "Tamerlan and Dzhokhar Tsarnaev are accused of placing the two bombs at the Boston Marathon."
    bombs = coded_event(text, "ASSAULT")
    assert [e.entity_text for e in bombs.actor] == ["Tamerlan", "Dzhokhar Tsarnaev"]


def test_coder_an_attack_cueing_quoted_words_is_one_of_words():
    """"attacked President Trump, claiming, 'He is treating our troops ...'": the words are
    the attack; a reason given in reported speech leaves an attack of arms one."""
    text = ('Gabbard also attacked President Trump in Iowa, claiming, "He is treating our troops as though we are '
            'something that can be pawned off to the highest bidder."')
    assert [e.event for e in code_events(default_nlp()(text)) if e.event_text == "attacked"] == ["ACCUSE"]
    text = "Israel attacked Hamas in Gaza, saying the group had fired rockets."
    assert [e.event for e in code_events(default_nlp()(text)) if e.event_text == "attacked"] == ["ASSAULT"]


def test_coder_what_a_withdrawal_leaves_is_no_mover_nor_its_origin():
    """"withdrawing personnel from Syria": Syria is where they leave, not whose they are."""
    text = "Advisers told Trump that withdrawing personnel from Syria would be a mistake."
    withdrawal = coded_event(text, "RETREAT")
    assert "SYR" not in actor_ids(withdrawal.actor)


def test_coder_whom_a_gerund_after_as_describes_does_it():
    """"described his client as having cooperated with the investigation": the client did."""
    text = "Robert Kelner described his client as having cooperated fully with Mueller's investigation."
    cooperation = coded_event(text, "COOPERATE")
    assert [e.entity_text for e in cooperation.actor] != ["Robert Kelner"]


@pytest.mark.parametrize(("text", "doers"), [
    ("Police arrested the gunmen who attacked the mall in Nairobi.", ["the gunmen"]),
    ("U.S. military spokesman Col. Sonny Leggett said in a tweet that the airstrike Wednesday was conducted against "
     "four Taliban fighters in Nahr-e Saraj, in the Helmand province, who he said were “actively attacking” an "
     "Afghan National Defense and Security Force (ANDSF) checkpoint.", ["Taliban"]),
])
def test_coder_who_a_relative_pronoun_stands_for_does_the_act(text, doers):
    """"the gunmen who attacked the mall": the gunmen, unnamed as they are; a "who" the
    parser hangs on a place stands for the people the place locates."""
    attack = [e for e in code_events(default_nlp()(text)) if e.event_text.startswith("attack")]
    assert [[e.entity_text for e in event.actor] for event in attack] == [doers]


def test_coder_people_a_bare_present_describes_do_nothing_in_particular():
    """"the people who want to kill us", "bombers who train to drop bombs": a bare present
    says what such people are like, and names no doer of a happening."""
    text = "Our real enemies in the Middle East are the people who want to kill us."
    assert [e.actor for e in code_events(default_nlp()(text)) if e.event == "ASSAULT"] in ([], [()])


def test_coder_an_aside_opened_by_with_names_no_second_party():
    """"attacking Rice since the appearance, with Peter King even calling for her
    resignation": King is no one attacked; "discussed Syria with Lavrov" keeps its partner."""
    text = ("Republicans have been attacking Rice since the appearance, with House Homeland Security Committee "
            "Chairman Peter King, a New York Republican, even calling for her resignation.")
    attack = [e for e in code_events(default_nlp()(text)) if e.event_text == "attacking"]
    assert [[r.entity_text for r in e.recipient] for e in attack] == [["Rice"]]
    talks = coded_event("Kerry discussed Syria with Lavrov in Geneva.", "CONSULT")
    assert actor_ids(talks.recipient) == ["RUS_LAVROV"]


@pytest.mark.parametrize(("text", "sector"), [
    ("At least three police officers were killed in the attack on St. Mark's, the ministry said.", "COP"),
    ("Two army officers were wounded in Kabul.", "MIL"),
])
def test_coder_officers_are_a_participant_whose_force_says_whose(text, sector):
    """"three police officers were killed": the officers suffered it; "army officers" are soldiers."""
    killing = coded_event(text, "ASSAULT")
    assert [(e.code, e.sector) for e in killing.recipient] == [(None, sector)]


def test_coder_a_person_owning_a_word_of_force_speaks_it():
    """"Sanders' attack on Clinton": the attack's owner is its doer, and a candidate's attack
    on another is one of words; one who owns the doers ("his forces attacked") is not."""
    text = ("Hillary Clinton is running for president. Bernie Sanders criticized her. Sanders' attack on Clinton "
            "for her habit of collecting speaking fees from Wall Street banks isn't new.")
    assert [e.event for e in code_events(default_nlp()(text)) if e.event_text == "attack"] == ["ACCUSE"]


def test_coder_whom_an_act_befalls_is_no_party_to_it_or_to_words_about_it():
    """"condemns the killing of the worshippers": the worshippers are no one condemned;
    "whose crackdown on the group continued": the group is cracked down on, no doer."""
    text = "Abbas' office said he condemns the killing of the worshippers in a synagogue in west Jerusalem."
    condemnation = coded_event(text, "ACCUSE")
    assert condemnation.recipient == ()
    text = "The top leadership was arrested under Nasser, whose crackdown on the group continued under later presidents."
    crackdown = [e for e in code_events(default_nlp()(text)) if e.event_text == "crackdown"]
    assert [[a.entity_text for a in e.actor] for e in crackdown] == [[]]


def test_coder_an_act_claimed_in_a_statement_stays_one_of_force():
    """"ISIS claimed responsibility for the attacks in a statement": the statement carries
    the claim, not the attack; "attacked Iran in a speech" is still words."""
    text = "ISIS has claimed responsibility for the attacks in Brussels, in a statement released via the Amaq News Agency."
    assert [e.event for e in code_events(default_nlp()(text)) if e.event_text == "attacks"] == ["ASSAULT"]
    speech = coded_event("Trump attacked Iran in a speech at the United Nations.", "ACCUSE")
    assert actor_ids(speech.recipient) == ["IRN"]


def test_coder_a_count_of_acts_leaves_them_their_light_verb():
    """"has carried out hundreds of strikes": the light verb reaches the strikes through the count."""
    strikes = coded_event("The U.S. has carried out hundreds of strikes in Syria since August.", "ASSAULT")
    assert actor_ids(strikes.actor) == ["USA"]


def test_coder_whom_a_targets_bond_is_to_suffers_nothing():
    """"killed four people with links to al Qaeda", the parser hanging "with" on the verb:
    the four people were killed, not al Qaeda."""
    text = "A U.S. drone strike in Yemen killed four people with links to al Qaeda on Thursday."
    strike = coded_event(text, "ASSAULT")
    assert [r.entity_text for r in strike.recipient] == ["four people"]


def test_coder_who_has_a_killing_done_does_the_participle_after_it():
    """"Putin had many critics killed, ordering a crackdown": Putin orders, not the critics."""
    text = "Putin had nearly that many critics killed in the final months of 2019, ordering a brutal crackdown on protests."
    crackdown = coded_event(text, "COERCE")
    assert actor_ids(crackdown.actor) == ["RUS_PUTIN"]


def test_coder_a_place_that_acts_is_not_where_it_acts():
    """"Utah has dispatched about 200 troops to the district": Utah sends them, the troops
    are not deployed in Utah."""
    deployment = coded_event("Utah has dispatched about 200 troops to the district.", "MOBILIZE")
    assert deployment.event_loc is None


def test_coder_a_place_a_relative_clause_tells_of_is_not_the_destination():
    """"deployed to Guam, which is 3,400km from Pyongyang": Guam."""
    text = "Two US bombers have been deployed to Guam, which is 3,400km from Pyongyang."
    deployment = coded_event(text, "MOBILIZE")
    assert deployment.event_loc.extracted_place == "Guam"


def test_coder_systems_deployed_are_weapons():
    """"Thaad systems have been deployed to South Korea": a weapons deployment."""
    deployment = coded_event("Thaad systems have been deployed to South Korea.", "MOBILIZE")
    assert deployment.mode == "weapons"


def test_coder_a_place_that_burns_is_burned_by_nobody():
    """"while Syria burns" is no act; "militants burned the village" is one."""
    assert code_events(default_nlp()("The president is accused of fiddling while Syria burns.")) == []
    burning = coded_event("Militants burned the village of Kafr Nabl in Idlib.", "ASSAULT")
    assert burning.mode == "destroy"


def test_coder_who_announces_plans_to_act_would_act():
    """"Kim Jong-un announced plans to fire rockets towards Guam": Kim would fire them."""
    text = "In August, Kim Jong-un announced plans to fire medium-to-long-range rockets towards Guam."
    firing = coded_event(text, "ASSAULT")
    assert actor_ids(firing.actor) == ["PRK_KIM"]


def test_coder_a_threat_met_is_no_meeting():
    """"moved quickly to meet this threat" meets nobody."""
    text = "The administration moved quickly to meet this threat."
    assert coded_types(text) == []


def test_coder_whom_a_trigger_phrase_arms_receives_it():
    """"armed and trained the Houthi rebels" (the trigger "arm rebels"): the Houthis receive
    the aid, active or passive."""
    for text in ["Iran armed and trained the Houthi rebels.", "The Houthi rebels were armed by Iran."]:
        aid = coded_event(text, "AID")
        assert (actor_ids(aid.actor), actor_ids(aid.recipient)) == (["IRN"], ["YEM_HOUTHI"])


def test_coder_circumstances_set_before_the_subject_name_no_recipient():
    """"With follow-up by UAE leaders, our security forces have detained the criminal": the
    UAE detained no one of its own."""
    text = ("With God's grace and exceptional follow-up by UAE leaders, our security forces have detained the "
            "face-covered criminal, police in Abu Dhabi said.")
    arrest = coded_event(text, "COERCE")
    assert not arrest.recipient


def test_coder_a_party_hit_with_a_measure_is_not_struck():
    """"hit North Korea with a series of sanctions": a sanction, no assault."""
    events = code_events(default_nlp()("The U.N. has hit North Korea with a series of sanctions."))
    assert [e.event for e in events] == ["SANCTION"]


def test_coder_a_phrase_of_when_names_no_party():
    """"ordered the deployment of troops amid rising tensions with Iran": Iran is ordered nothing."""
    text = "President Trump has ordered the deployment of another 1,500 U.S. troops to the Middle East amid rising tensions with Iran."
    assert not coded_event(text, "REQUEST").recipient


def test_coder_concertgoers_are_unnamed_victims():
    """"killed 58 concertgoers": civilians the act befalls, unnamed."""
    killing = coded_event("Paddock killed 58 concertgoers in Las Vegas.", "ASSAULT")
    assert [r.entity_text for r in killing.recipient] == ["58 concertgoers"]


def test_coder_relatives_killed_are_unnamed_victims_without_the_whose():
    """"a Syrian whose two sons were killed by Syrian government forces": the two sons."""
    text = "Raja Androon, a 65-year-old Syrian from Idlib whose two sons were killed by Syrian government forces, now lives in Antakya."
    killing = coded_event(text, "ASSAULT")
    assert [r.entity_text for r in killing.recipient] == ["two sons"]


def test_coder_advancing_with_plans_is_no_advance():
    """"before advancing with any plans to attack Syria": the plans go ahead, no troops do."""
    text = "The Obama administration is waiting for Britain and France before advancing with any plans to attack Syria."
    assert [e.event_text for e in code_events(default_nlp()(text))] == ["attack"]


def test_coder_stopping_another_partys_attack_is_no_ceasefire():
    """"launched airstrikes to stop an Iranian drone attack" stops Iran's attack, no ceasefire of
    Israel's own; "Hamas agreed to stop attacks" is one."""
    text = "Israel said it had launched airstrikes in Syria to stop an Iranian killer drone attack."
    assert "RETREAT" not in coded_types(text)
    assert coded_event("Hamas agreed to stop attacks on Israel.", "RETREAT").mode == "ceasefire"


def test_coder_a_with_object_doing_something_of_its_own_is_no_party():
    """"was freed from German custody, with officials saying there was no evidence": the
    officials are not freed; "discussed Syria with Lavrov" keeps Lavrov, as "met with a group
    of activists asking her" keeps the activists."""
    text = ("An earlier suspect, a Pakistani asylum seeker, was freed from German custody on Tuesday, with officials "
            "saying there was no evidence to link him to the attack.")
    release = coded_event(text, "RETREAT")
    assert "officials" not in [r.entity_text for r in release.recipient]
    talks = coded_event("Kerry discussed Syria with Lavrov.", "CONSULT")
    assert actor_ids(talks.recipient) == ["RUS_LAVROV"]
    text = "Feinstein met with a group of children, teens and activists asking her to endorse the Green New Deal."
    assert [r.entity_text for r in coded_event(text, "CONSULT").recipient] == ["children"]


def test_coder_an_earlier_verbs_object_is_not_a_later_verbs():
    """"driving back Kurdish forces, sending communities fleeing" sends no forces; "impose
    sanctions on Turkey and call for its suspension" calls for no sanctions; an object shared
    by joined verbs, hung on the last, stays theirs ("trained and sent troops")."""
    text = "Islamic State fighters seized the town, driving back Kurdish forces, sending minority communities fleeing."
    assert "MOBILIZE" not in coded_types(text)
    text = "Congress would impose sanctions on Turkey and call for its suspension in NATO."
    call = coded_event(text, "REQUEST")
    assert call.event_text == "call for"
    assert coded_event("Iran trained and sent troops to Syria.", "MOBILIZE").event_text == "sent troops"


def test_coder_who_is_stopped_from_an_act_would_do_it():
    """"Little is stopping Turkey from launching an invasion": Turkey invades, it is no place."""
    invasion = coded_event("Little is stopping Turkey from launching an invasion.", "ASSAULT")
    assert (actor_ids(invasion.actor), invasion.event_loc) == (["TUR"], None)


def test_coder_briefing_the_press_is_no_consultation():
    """"met with reporters", "on a call with reporters": no talks between parties; "met with
    Lavrov" is."""
    for text in ["The president met with reporters on Monday.", "Kerry met with the press in Geneva.",
                 "An official said on a call with reporters that the troops would stay."]:
        assert "CONSULT" not in coded_types(text)
    assert coded_event("Kerry met with Lavrov in Geneva.", "CONSULT")


def test_coder_offering_messages_is_no_agreement():
    text = "The president was offering different messages than those from US lawmakers."
    assert "AGREE" not in coded_types(text)


def test_coder_pressing_charges_accuses():
    """"decided not to press charges": an accusation not made, no party pressed to act."""
    charge = coded_event("The district attorney decided not to press charges against Weinstein.", "ACCUSE")
    assert charge.event_text == "press charges" and "negation" in charge.aux_mode


def test_coder_a_nuclear_bomb_is_an_arm_not_an_attack():
    """"the threat of an Iranian nuclear bomb" tells of no bombing; "dropped an atomic bomb on
    Hiroshima" is an attack."""
    text = "The proposal fell short of neutralizing the threat of an Iranian nuclear bomb."
    assert "ASSAULT" not in coded_types(text)
    assert coded_event("The US dropped an atomic bomb on Hiroshima in 1945.", "ASSAULT")


@pytest.mark.parametrize(
    ("text", "event_type", "doer", "receiver"),
    [
        ("Iran received a visit from Putin.", "CONSULT", "RUS_PUTIN", "IRN"),
        ("Rouhani got a phone call from Putin.", "CONSULT", "RUS_PUTIN", "IRN_ROUHANI"),
        ("Assad has received military aid from Russia for years.", "AID", "RUS", "SYR_ASSAD"),
        ("Iran hoped to get support from Russia.", "SUPPORT", "RUS", "IRN"),
        ("Russia faces criticism from the United States over Syria.", "ACCUSE", "USA", "RUS"),
        ("Iran faces new sanctions from the European Union.", "SANCTION", "IGO_EU", "IRN"),
        ("Syrian forces suffered heavy shelling from Turkish forces.", "ASSAULT", "TUR_MIL", "SYR_MIL"),
        ("Assad received the support of Russia.", "SUPPORT", "RUS", "SYR_ASSAD"),
    ],
)
def test_coder_who_receives_an_act_is_its_recipient(text, event_type, doer, receiver):
    """The subject of "received a visit from Putin" is visited, and "from" names the doer;
    so with suffering or meeting an act ("faces criticism from", "suffered shelling from"), and
    its "of" names the doer too ("the support of Russia")."""
    event = coded_event(text, event_type)
    assert (actor_ids(event.actor), actor_ids(event.recipient)) == ([doer], [receiver])


def test_coder_a_received_act_takes_the_negation_of_its_verb():
    """"did not receive support", "won't face charges": the act did not, or will not, happen."""
    support = coded_event("Russia did not receive support from China.", "SUPPORT")
    assert "negation" in support.aux_mode


def test_coder_a_statement_attacking_a_party_attacks_in_words():
    """"issued a statement attacking the US position": words, no force."""
    events = code_events(default_nlp()("The Sierra Club issued a statement attacking the US position."))
    assert "ASSAULT" not in [e.event for e in events]


@pytest.mark.parametrize("text", [
    "The virus has killed 200 people in Italy.",
    "The coronavirus is fueling a pandemic that has killed at least 171,000 people.",
    "Hurricane Maria killed 3,000 people in Puerto Rico.",
    "A powerful earthquake struck Nepal, killing 8,000 people.",
])
def test_coder_deaths_a_disease_or_disaster_causes_are_no_assault(text):
    assert "ASSAULT" not in coded_types(text)


def test_coder_a_time_inside_what_the_trigger_is_about_does_not_date_it():
    """"a probe into Russian meddling in the 2016 election": the meddling's year, not the
    probe's; "withdrew from the 2015 nuclear deal" is not dated 2015 either."""
    for text in ["Mueller leads a probe into Russian meddling in the 2016 US election.",
                 "Barr spoke to discuss Mueller's report on Russian interference in the 2016 U.S. presidential race."]:
        event = coded_on(text, "2018-05-02")[0]
        assert event.date_from_publication and event.date == "2018-05-02"


def test_coder_a_party_qualifying_a_named_party_is_no_side():
    """"Yemen's Houthi rebels", "Republican Mitt Romney": the rebels and Romney act, the
    state or the party only says whose; a resolved qualifier of an unknown body stays."""
    attack = coded_event("Yemen's Houthi rebels attacked Saudi Arabia.", "ASSAULT")
    assert actor_ids(attack.actor) == ["YEM_HOUTHI"]
    backing = coded_event("Netanyahu's backing for Republican Mitt Romney angered Obama.", "SUPPORT")
    assert actor_ids(backing.recipient) == ["USA_ROMNEY"]
    appeal = coded_event("The Syrian National Coalition appealed for weapons.", "REQUEST")
    assert "SYR" in actor_ids(appeal.actor)


def test_coder_a_computer_virus_still_attacks():
    """A common noun compounded into "virus" makes it another thing: "the Stuxnet computer
    virus hit networks" is a cyberattack, not a disease."""
    text = "The 2010 Stuxnet computer virus hit networks associated with Iran's nuclear facilities."
    assert coded_event(text, "ASSAULT")


def test_coder_a_hyphenated_pair_of_names_is_two_sides():
    text = "An Iranian-backed militia was blamed for a series of attacks on joint US-Iraq military facilities."
    attacks = coded_event(text, "ASSAULT")
    assert actor_ids(attacks.recipient) == ["USA", "IRQ_MIL"]


def test_coder_a_day_after_a_stale_publication_date_told_in_the_past_is_no_future():
    """A story first dated July 28 and updated: "militants launched rockets on Saturday,
    August 23" happened; "Kerry will visit Cairo on August 3" is to come."""
    rockets = coded_on("Gaza militants launched rockets into Israel on Saturday, August 23.", "2014-07-28")[0]
    assert rockets.date == "2014-08-23" and "future" not in rockets.aux_mode
    assert "future" in coded_on("Kerry will visit Cairo on August 3.", "2014-07-28")[0].aux_mode


def test_coder_a_verbs_on_is_a_time_not_a_topic():
    """"On Wednesday afternoon, Obama convened a meeting": dated Wednesday."""
    text = "On Wednesday afternoon, Obama also convened an unusual meeting of the U.N. Security Council."
    assert only(coded_on(text, "2014-09-26"), "CONSULT").date == "2014-09-24"


def test_coder_what_a_verb_is_on_is_a_topic():
    """"called on the GNC to vote on a 2014 budget": the budget's year; the call was yesterday."""
    text = ("In a bid yesterday to diffuse the crisis, acting prime minister Abdullah Al-Thinni called on the GNC to "
            "vote immediately on a 2014 budget.")
    assert only(coded_on(text, "2014-05-20"), "REQUEST").date == "2014-05-19"


def test_coder_a_verb_after_a_clause_on_its_subject_is_the_predicate():
    """"Israeli Defense Forces, who had warned the Palestinians, killed over 50": the parser
    hangs "killed" on the forces as a participle; they did the killing."""
    text = ("Israeli Defense Forces, who had warned the Palestinians not to approach the border, killed over 50 of "
            "those individuals and wounded over 2,000 others.")
    killing = coded_event(text, "ASSAULT")
    assert actor_ids(killing.actor) == ["ISR_MIL"] and not killing.recipient


def test_coder_what_a_statement_or_talks_are_about_is_no_place():
    """"made a statement on the Middle East at the Security Council meeting": the meeting is not
    held in the Middle East; "negotiated on the future of Idlib in Sochi" keeps a deeper place."""
    text = "Nikki Haley made quite the statement on the Middle East at Tuesday's Security Council meeting."
    assert coded_event(text, "CONSULT").event_loc is None
    text = "Russia and Turkey held talks on Syria in Sochi."
    assert coded_event(text, "CONSULT").event_loc.extracted_place == "Sochi"


def test_coder_a_bare_participle_beside_a_clause_befalls_its_subject():
    """"Another man has stood in court, charged with conspiracy": the man was charged."""
    text = "Another man has also stood in court, charged with conspiracy to commit acts of terrorism."
    charge = coded_event(text, "ACCUSE")
    assert not charge.actor and [r.entity_text for r in charge.recipient] == ["Another man"]


def test_coder_claiming_asylum_asks_for_it():
    assert coded_event("Now they have to claim asylum in America.", "REQUEST").mode == "assist"


def test_coder_disbanding_a_program_disarms_no_one():
    assert not code_events(default_nlp()("The Trump administration last year disbanded the MAVNI program."))
    assert coded_event("The rebels disbanded their militia.", "RETREAT").mode == "disarm"


def test_coder_agents_are_unnamed_police():
    raid = coded_event("About 10 immigration agents raided the home.", "ASSAULT")
    assert [(a.entity_text, a.sector) for a in raid.actor] == [("About 10 immigration agents", "COP")]


def test_coder_a_draft_text_is_no_draft_of_fighters():
    """"struck a draft deal": the deal is not final yet, no one is conscripted; "a draft of
    young men" is."""
    text = "The US and the Taliban struck a draft deal in Doha."
    assert coded_types(text) == ["AGREE"]
    assert coded_event("Iran began a draft of young men.", "MOBILIZE")


def test_coder_a_trigger_word_in_a_name_is_no_act():
    text = ("F-16 Fighting Falcons are parked at the Aerospace Maintenance and Regeneration Center in Tucson, Arizona, "
            "on December 11, 2004.")
    assert not code_events(default_nlp()(text))


def test_coder_a_verb_naming_its_object_calls_for_nothing():
    """"what is being called adoption day for the agreement": a name given, no demand."""
    text = "Iran marks what is being called adoption day for the agreement with the United States."
    assert "REQUEST" not in coded_types(text)


def test_coder_the_for_object_before_an_infinitive_does_it():
    """"too close to the enemy for fighter jets to drop bombs": the jets drop them."""
    text = "When ground troops are too close to the enemy for fighter jets to drop bombs, A-10 pilots engage the targets."
    bombing = coded_event(text, "ASSAULT")
    assert [a.entity_text for a in bombing.actor] == ["fighter jets"]


def test_coder_a_relative_clause_on_an_apposition_tells_of_the_named_person():
    """"Chris Christie, a close Trump adviser who visited Pena Nieto": Christie visited, not
    Trump, whose name only qualifies the adviser."""
    text = ("New Jersey governor Chris Christie, a close Trump adviser who visited Peña Nieto in Mexico City in 2014, "
            "was among those pushing the candidate.")
    visit = coded_event(text, "CONSULT")
    assert [a.entity_text for a in visit.actor] == ["Chris Christie"]


def test_coder_force_in_another_field_is_a_figure_of_speech():
    assert not code_events(default_nlp()("China is killing the United States economically."))


def test_coder_a_predicate_after_the_preposition_keeps_the_phrasal_verb():
    """"called on Russia to \\"de-escalate the situation\\"": the parser's object predicate
    comes after "on", the call stands."""
    text = 'A Pentagon spokesman called on Russia to "de-escalate the situation".'
    assert actor_ids(coded_event(text, "REQUEST").recipient) == ["RUS"]


def test_coder_a_participle_with_a_by_agent_is_passive_whatever_its_tag():
    """"an aid worker held hostage by the militants" (tagged a past tense): the militants
    hold him, he holds no one."""
    text = "David Haines, a British aid worker held hostage by the militants, appeared in a video."
    hostage = coded_event(text, "ASSAULT")
    assert [a.entity_text for a in hostage.actor] == ["the militants"]


def test_coder_a_past_tense_with_its_own_subject_stays_active_beside_a_misread_agent():
    """"The Council condemned the murder of Christians by an affiliate of ISIS", the parser
    hanging "by" on "condemned": the Council condemns, ISIS does not."""
    text = ("The U.N. Security Council meanwhile \u201cstrongly condemned the heinous and cowardly apparent murder in "
            "Libya of 21 Egyptian Coptic Christians by an affiliate of the Islamic State of Iraq and the Levant,\u201d "
            "it said in a statement.")
    assert actor_ids(coded_event(text, "ACCUSE").actor) == ["IGO_UNSC"]


def test_coder_a_campaign_rally_is_no_protest():
    """"at a campaign rally in Ohio": a candidate's event; "protesters held a rally" protests."""
    assert "PROTEST" not in coded_types("Trump criticized Putin at a campaign rally in Ohio.")
    assert coded_event("Thousands of protesters held a rally in Cairo against Morsi.", "PROTEST")


def test_coder_force_done_loudly_or_publicly_is_in_words():
    """"was loudly attacked by Iran at the United Nations": criticism, no assault."""
    assert coded_types("Israel was loudly attacked by Iran at the United Nations.") == ["ACCUSE"]


def test_coder_a_hit_squad_is_no_strike():
    """"a 15-man hit squad", the parser reading "hit" as a verb: who kills to order, no strike."""
    assert not code_events(default_nlp()("Al-Qahtani supervised a 15-man hit squad that flew from Riyadh to Istanbul."))
    assert coded_event("Israeli airstrikes hit Gaza.", "ASSAULT")


def test_coder_offering_ideas_is_no_agreement():
    text = "Hagel was criticized rather than being a member of a tight inner Obama circle offering new ideas and options."
    assert "AGREE" not in coded_types(text)


def test_coder_who_receives_a_message_did_not_issue_it():
    """"Trump received an email offering a decryption key": the sender offers, not Trump."""
    text = "Candidate Donald Trump received an email in September 2016 offering a decryption key for hacked WikiLeaks documents."
    offer = coded_event(text, "AGREE")
    assert not offer.actor


def test_coder_shooting_back_at_criticism_is_in_words():
    """"The White House shot back against criticism", "fired back at critics": replies in
    words; "Police shot back at the gunmen" is force."""
    for text in ["The White House shot back against criticism from Republican lawmakers.",
                 "Trump fired back at critics on Twitter."]:
        assert "ASSAULT" not in coded_types(text)
    assert coded_event("Police shot back at the gunmen.", "ASSAULT")


def test_coder_activating_guardsmen_mobilizes_them():
    """"had activated 41,500 National Guardsmen": forces called up; "activated its software" is not."""
    text = "As of Friday morning, governors in 33 states had activated 41,500 National Guardsmen to respond to the unrest."
    assert coded_event(text, "MOBILIZE").magnitude.count == 41500
    assert not code_events(default_nlp()("The company activated its new software in Texas."))


def test_coder_whose_deportation_it_is_is_deported():
    """"Italian authorities ordered Anis Amri's deportation": Amri is deported, he deports no one."""
    text = "Italian authorities ordered Anis Amri's deportation to Tunisia."
    deportation = coded_event(text, "COERCE")
    assert actor_ids(deportation.actor) == ["ITA_GOV"]
    assert [r.entity_text for r in deportation.recipient] == ["Anis Amri"]


def test_coder_a_demonstration_of_support_is_no_protest():
    """"a demonstration of U.S. support at his inauguration": a show of support, no protest."""
    text = ("After Zelensky was elected, Parnas said a demonstration of U.S. support at his inauguration was a top "
            "priority for the new president.")
    assert "PROTEST" not in coded_types(text)
    assert coded_event("Thousands joined a demonstration against the government in Kiev.", "PROTEST")


def test_coder_shooting_off_a_reply_is_no_shooting():
    assert not code_events(default_nlp()("He shot a quick reply to Maura Pally, who had given him the heads-up."))
    assert coded_event("Police shot a protester in Tehran.", "ASSAULT")


def test_coder_uniquely_equipped_is_what_a_party_is_like():
    """"uniquely equipped to deliver the promise": able, not armed."""
    text = "President Obama is uniquely equipped to deliver the promise of the American dream."
    assert "AID" not in coded_types(text)


def test_coder_a_subject_that_led_to_something_is_no_act_the_verb_carries():
    """"The assassination of Soleimani in a U.S. drone strike has led to an outpouring of grief":
    "led" is no light verb of the assassination; the U.S. did it, Soleimani suffered it."""
    text = "The assassination of Qassem Soleimani in a U.S. drone strike has led to an outpouring of grief."
    assassination = coded_event(text, "ASSAULT")
    assert (actor_ids(assassination.actor), actor_ids(assassination.recipient)) == (["USA"], ["IRN_SOLEIMANI"])


def test_coder_a_denial_of_service_attack_denies_nothing():
    text = "Iranian hackers responded by launching a series of distributed denial of service attacks on JP Morgan."
    assert "REJECT" not in coded_types(text)


def test_coder_captives_held_are_no_weapons_fired():
    """"rescue American hostages held in Syria": the nationality is the hostages', not their
    captors'; "Iranian missiles fired into Iraq" are still Iran's."""
    text = "The failed mission tried to rescue American hostages held in Syria."
    hostages = coded_event(text, "ASSAULT")
    assert not hostages.actor and [r.code for r in hostages.recipient] == ["USA"]
    assert actor_ids(coded_event("Iranian missiles fired into Iraq killed five.", "ASSAULT").actor) == ["IRN"]


@pytest.mark.parametrize(
    "text",
    ["Two Afghan soldiers were found dead in Kandahar.", "Police found two Afghan soldiers dead in Kandahar."],
)
def test_coder_who_is_found_dead_suffered_the_death(text):
    """"were found dead", "found two soldiers dead": the soldiers died; whoever found them
    did not kill them."""
    death = coded_event(text, "ASSAULT")
    assert (actor_ids(death.actor), actor_ids(death.recipient)) == ([], ["AFG_MIL"])


def test_coder_a_compound_before_another_noun_can_say_which_sense_it_has():
    """"an advance warning" is a warning given beforehand, no military advance; "a protest
    meeting" is a protest, no consultation between parties."""
    assert coded_types("Coalition missions continued despite an advance warning from Russia.") == ["THREATEN"]
    assert "CONSULT" not in coded_types("A protest meeting against Iran was held Monday in Kabul.")
    assert coded_types("The Kurdish advance on Raqqa continued despite Turkish shelling.")[0] == "ASSAULT"


def test_coder_a_party_before_a_title_only_says_which_person():
    """"Republican Senator Lindsey Graham": the party qualifies the senator, it is no second doer."""
    text = "Republican Senator Lindsey Graham has criticized the Syria withdrawal plan."
    assert actor_ids(coded_event(text, "ACCUSE").actor) == ["USA_LGRAHAM"]


def test_coder_a_phrase_of_what_came_before_names_no_party():
    """"in the wake of the attacks by Trump" tells what the defence followed; Trump is not defended."""
    text = "Jeff Sessions defended the bureau's reputation in the wake of the attacks by Trump."
    assert not coded_event(text, "SUPPORT").recipient


def test_coder_who_visits_a_place_to_urge_someone_does_the_urging():
    text = "Rand Paul will visit the White House on Wednesday to urge Trump to keep troops in Syria."
    assert actor_ids(coded_event(text, "REQUEST").actor) == ["USA_RANDPAUL"]


def test_coder_a_phrase_reaches_what_a_far_measure_counts():
    """"launched a barrage of more than a dozen ballistic missiles": the missiles are launched,
    however many words the count puts between them and the verb."""
    text = "Iranian forces launched a barrage of more than a dozen ballistic missiles against two Iraqi bases."
    strike = coded_event(text, "ASSAULT")
    assert (strike.mode, actor_ids(strike.actor)) == ("heavy-weapons", ["IRN_MIL"])


def test_coder_an_owner_of_a_named_person_is_no_party():
    """"the office of his personal attorney, Michael Cohen": Trump only says whose attorney Cohen is."""
    text = "Trump was angry. Police conducted a raid on the office of his personal attorney, Michael Cohen."
    raid = coded_event(text, "ASSAULT")
    assert actor_ids(raid.recipient) == ["USA_MCOHEN"]


def test_coder_whom_loyalists_stand_with_is_no_party_to_their_acts():
    text = "Trump loyalists escalated their criticism of Mueller, accusing him of bias."
    assert not any("USA_TRUMP" in actor_ids(e.actor) for e in code_events(default_nlp()(text)))


def test_coder_what_a_thing_endangers_is_no_threat():
    """"Israeli settlements threaten a two-state solution": a danger to an outcome, no party's threat."""
    assert "THREATEN" not in coded_types("Abbas says Israeli settlements threaten a two-state solution.")
    assert "THREATEN" in coded_types("Iran threatened Israel with destruction.")


def test_coder_offering_an_approach_is_no_agreement():
    assert "AGREE" not in coded_types("Obama and Netanyahu offered a good cop-bad cop approach to Iran.")


def test_coder_every_name_a_for_gives_an_infinitive_does_it():
    """"asked for Israelis and Palestinians to discuss": they discuss, not Obama."""
    text = "Obama has asked for Israelis and Palestinians to discuss a two-state solution."
    talks = coded_event(text, "CONSULT")
    assert "USA_OBAMA" not in actor_ids(talks.actor) and talks.actor


def test_coder_a_person_before_a_journey_makes_it():
    """"to protest the Obama trip": Obama travels; no one visits him."""
    trip = coded_event("Activists erected a tent city to protest the Obama trip.", "CONSULT")
    assert actor_ids(trip.actor) == ["USA_OBAMA"] and not trip.recipient


def test_coder_a_line_of_attack_is_an_argument():
    text = "For nearly two years, Republicans have used this line of attack against the White House."
    assert "ASSAULT" not in coded_types(text)


def test_coder_whom_an_act_is_blamed_on_did_not_suffer_it():
    """"did not blame Sunday's strike on Iran": Iran is blamed, not struck, however the parser
    hangs the "on"."""
    text = "The State Department spokesperson did not directly blame Sunday's strike on Iran."
    strike = coded_event(text, "ASSAULT")
    assert not strike.recipient


def test_coder_a_retort_telling_what_is_fires_no_shot():
    """"shot back that the claim made no sense": words, no firearms."""
    assert coded_types("Powell shot back that the claim made no sense.") == []
    assert coded_types("Police shot a protester in Tehran.") == ["ASSAULT"]


def test_coder_who_obtains_a_request_addressed_to_another_does_not_receive_it():
    """"The Washington Post obtained a weapons request from Syria to Moscow": Moscow is asked, not the Post."""
    text = "The Washington Post obtained a March weapons request from Syria to Moscow."
    request = coded_event(text, "REQUEST")
    assert "USA_MEDIA_WAPO" not in actor_ids(request.recipient)


def test_coder_whom_a_threatened_act_befalls_is_threatened():
    """"threatened to attack Israel": the phrase's own verb names its target."""
    threat = coded_event("Iran threatened to attack Israel.", "THREATEN")
    assert (actor_ids(threat.actor), actor_ids(threat.recipient)) == (["IRN"], ["ISR"])


def test_coder_a_battle_for_an_office_is_no_use_of_force():
    """"his grueling battle for confirmation": a contest for a vote; "the battle for Mosul" is fought."""
    assert "ASSAULT" not in coded_types("Hagel pledged cooperation after his grueling battle for confirmation.")
    assert "ASSAULT" in coded_types("Iraqi forces won the battle for Mosul after months of fighting.")


def test_coder_who_wins_a_battle_is_not_its_target():
    battle = coded_event("Iraqi forces won the battle for Mosul.", "ASSAULT")
    assert "IRQ_MIL" not in actor_ids(battle.recipient)


def test_coder_whom_a_threatened_clause_acts_on_is_threatened_not_its_subject():
    """"threatened that the US will strike Iran": the US would strike; Iran is threatened."""
    threat = coded_event("Trump threatened that the US will strike Iran.", "THREATEN")
    assert actor_ids(threat.recipient) == ["IRN"]


def test_coder_named_people_clashing_with_each_other_quarrel():
    """"Pompeo and Bolton clashed": two officials quarrelling, no use of force; troops clashing fight."""
    assert coded_types("Pompeo and Bolton clashed on a number of issues.") == ["ACCUSE"]
    assert coded_types("Russian and Ukrainian troops clashed near Donetsk.") == ["ASSAULT"]


def test_coder_meeting_strikes_with_a_response_is_no_meeting():
    text = "Senior Russian figures have threatened to meet any US strikes with a response."
    assert "CONSULT" not in coded_types(text)


def test_coder_who_counts_the_killed_did_not_kill_them():
    """"the United Nations counts 2,563 Afghan civilians killed": the civilians were killed."""
    text = "In the first nine months of 2019 alone, the United Nations counts 2,563 Afghan civilians killed."
    deaths = coded_event(text, "ASSAULT")
    assert (deaths.actor, [r.code for r in deaths.recipient]) == ((), ["AFG"])


def test_coder_who_phones_someone_to_urge_does_the_urging():
    text = "Bush phoned Karzai every other day to urge the Afghan government to resign."
    request = coded_event(text, "REQUEST")
    assert "AFG_KARZAI" not in actor_ids(request.actor)


def test_coder_a_move_into_a_state_of_affairs_moves_no_forces():
    assert coded_types("In such moments, Barack Obama moves beyond cynicism into the realm of pure insult.") == []
    assert coded_types("Russian troops moved into Crimea on Friday.") == ["MOBILIZE"]


def test_coder_control_of_a_chamber_won_by_votes_is_no_occupation():
    text = "If Democrats gain control of the House in the midterm elections, Schiff would take charge."
    assert "ASSAULT" not in coded_types(text)
    assert coded_types("ISIS fighters seized control of Ramadi on Sunday.") == ["ASSAULT"]


def test_coder_words_the_parser_hangs_elsewhere_are_no_part_of_a_phrase():
    """"sent a letter to House Republicans blasting their investigation": the parser hangs
    "to House Republicans" on "sent", inside the stretch of "a letter ... blasting"; the
    Republicans do not blast their own investigation."""
    text = "Mr. Levy sent an Oct. 11 letter to House Republicans blasting their investigation."
    assert "USA_GOP" not in actor_ids(coded_event(text, "ACCUSE").actor)


def test_coder_whose_anniversary_it_is_is_no_party():
    """"On the fifth anniversary of Osama bin Laden's death, Obama defended his approach": when, not whom."""
    text = ("On the fifth anniversary of Osama bin Laden's death, President Barack Obama sharply defended "
            "his targeted approach to fighting terror.")
    events = code_events(default_nlp()(text))
    assert not only(events, "SUPPORT").recipient and "ASSAULT" not in [e.event for e in events]


def test_coder_an_interview_shot_by_a_filmmaker_is_filmed():
    text = "In an on-camera interview shot last year by a British filmmaker, Bergdahl says a fair trial is impossible."
    assert "ASSAULT" not in coded_types(text)
    assert coded_types("A British soldier was shot last year by a sniper in Helmand.") == ["ASSAULT"]


def test_coder_a_state_named_inside_another_name_is_no_party():
    """"New Jersey officials": officials of a US state, not of Jersey."""
    charges = coded_event("New Jersey officials will probably bring charges against Rahami.", "ACCUSE")
    assert "JEY" not in [a.code for a in charges.actor]
    condemnation = coded_event("South Korea officials condemned the missile launch.", "ACCUSE")
    assert [a.code for a in condemnation.actor] == ["KOR"]


def test_coder_agreeing_with_a_policy_shares_a_view():
    """"they still agreed with Mr Trump's tough border security policies": a view shared, no commitment."""
    text = "The renegade conservatives said they still agreed with Mr Trump's tough border security policies."
    assert "AGREE" not in coded_types(text)
    assert "AGREE" in coded_types("Iran agreed with Russia to stop the fighting in Aleppo.")


def test_coder_a_by_phrase_after_an_object_is_no_agent():
    """"criticized alarming levels of inaction by governments": the governments' inaction is
    criticized; a verb with an object of its own is active, its "by" no agent."""
    text = ("The World Health Organization declared the outbreak a pandemic and criticized "
            "alarming levels of inaction by governments in corralling the virus.")
    criticism = coded_event(text, "ACCUSE")
    assert actor_ids(criticism.actor) == ["IGO_WHO"] and criticism.recipient == ()


def test_coder_a_force_moved_is_counted_by_what_it_is_made_of():
    """"sent a task force of more than 150 planners": the 150 planners are what moves."""
    sent = coded_event("The United States military quietly sent a task force of more than 150 planners "
                       "and other specialists to Jordan.", "MOBILIZE")
    assert (sent.magnitude.count, sent.magnitude.unit, sent.magnitude.marker) == (150, "planners", "minimum")


def test_coder_a_weapon_named_as_a_noun_is_no_act_of_using_it():
    """"supplies of machine gun ammunition": a weapon, where "machine-gunned" is firing it;
    "lose control of its chemical weapons": weapons held, not used."""
    text = ("However, there were limited supplies at times of .50-caliber machine gun and 9mm handgun ammunition "
            "at the height of the wars in Iraq and Afghanistan.")
    assert coded_types(text) == []
    assert coded_types("The militants machine-gunned the villagers.") == ["ASSAULT"]
    text = ("The United States sent a task force to Jordan to help the armed forces there prepare for the "
            "possibility that Syria would lose control of its chemical weapons.")
    assert coded_types(text) == ["MOBILIZE"]


def test_coder_how_a_thing_strikes_someone_is_no_blow():
    """"the idea of an impotent America strikes Americans as absurd": how it seems."""
    text = "The idea of an impotent America strikes Americans and Middle Easterners alike as absurd."
    assert "ASSAULT" not in coded_types(text)
    assert coded_types("Israel struck Hamas positions in Gaza.") == ["ASSAULT"]


def test_coder_a_state_named_as_a_member_of_the_actors_is_no_place():
    """"the Saudis and other Gulf monarchies, including Qatar and Kuwait, have shipped
    weapons": Qatar is one of those who ship, not where it happens."""
    text = ("The Saudis and other Gulf monarchies, including Qatar and Kuwait, have shipped heavy weapons to "
            "the rebels.")
    assert coded_event(text, "AID").event_loc is None
    assert coded_event("Iraqi forces in Mosul attacked the militants.", "ASSAULT").event_loc.extracted_place == "Mosul"


def test_coder_ceding_that_something_is_so_admits_it():
    """"Obama ceded Thursday that we don't have a strategy yet": an admission, no retreat."""
    assert coded_types("Obama ceded Thursday that we don't have a strategy yet for ISIS inside Syria.") == []
    assert coded_types("Armenia ceded seven districts to Azerbaijan.") == ["RETREAT"]


def test_coder_where_the_people_acted_on_come_from_is_no_place():
    """"arresting three men from Uzbekistan": their origin, not where they were arrested;
    "televised scenes from Baghdad" show what happened there, "ban Muslims from the US" where."""
    text = ("The FBI conducted a series of terror raids in Brooklyn, New York on Wednesday, arresting three men "
            "from Uzbekistan who were planning to fly to Syria.")
    arrest = coded_event(text, "COERCE")
    assert arrest.event_loc is None or arrest.event_loc.extracted_place != "Uzbekistan"
    text = "Televised scenes from Baghdad reverberated with flashes of explosions and anti-aircraft fire."
    assert coded_event(text, "ASSAULT").event_loc.extracted_place == "Baghdad"
    text = "Trump renewed his call to ban all foreign Muslims from the US."  # kept out of it
    assert coded_event(text, "COERCE").event_loc.extracted_place == "US"


def test_coder_a_participant_named_with_the_city_it_serves_takes_part():
    """"shot by a New York City police officer": the officer shoots, though a city is in the name."""
    shooting = coded_event("He was shot in the abdomen by a New York City police officer at the scene.", "ASSAULT")
    assert [a.entity_text for a in shooting.actor] == ["a New York City police officer"]


def test_coder_a_capital_demands_are_pressed_on_is_its_government():
    """"listed 12 demands on Tehran": Iran's government is asked, Tehran is no place of it."""
    demands = coded_event("Mr. Pompeo listed 12 pointed demands on Tehran that the Islamic republic rejected.",
                          "REQUEST")
    assert actor_ids(demands.recipient) == ["IRN_GOV"] and demands.event_loc is None
    assert actor_ids(coded_event("Republicans want to impose harsh sanctions on Tehran.", "SANCTION").recipient) \
        == ["IRN_GOV"]
    assert coded_event("Russian jets struck Aleppo.", "ASSAULT").recipient == ()
    text = "A US drone strike ordered by President Donald Trump on a Baghdad airport has killed a top commander."
    assert coded_event(text, "REQUEST").recipient == ()  # the airport is struck, not addressed


def test_coder_a_driver_slamming_into_a_bus_accuses_no_one():
    assert coded_types("Four passengers were on the school bus when the pickup driver slammed into it.") == []
    assert coded_types("Trump slammed the deal.") == ["ACCUSE"]


def test_coder_a_vow_threatens_only_a_hostile_act():
    """"the wall he has vowed to build", "vowed to press forward": promises that threaten no
    one; "vowed to destroy the Islamic State" and "vowed to march against Baghdad" do."""
    text = "Mr. Pena Nieto scrapped the trip over the wall he has vowed to build along the U.S.-Mexico border."
    assert "THREATEN" not in coded_types(text)
    assert "THREATEN" not in coded_types("European leaders have vowed to press forward.")
    threat = coded_event("Kerry vowed to destroy the Islamic State.", "THREATEN")
    assert (threat.mode, actor_ids(threat.recipient)) == ("violence", ["IMG_ISIS"])
    text = "Militants in Iraq vowed Thursday to march against Baghdad after seizing two key northern cities."
    assert actor_ids(coded_event(text, "THREATEN").recipient) == ["IRQ_GOV"]


def test_coder_a_relative_clause_on_a_description_beside_a_name_is_about_the_name():
    """"Morsi, a U.S.-trained engineer who was widely accused by critics": Morsi is accused,
    though the tagger does not call him a person."""
    text = "Morsi, a U.S.-trained engineer who was widely accused by critics of monopolizing power, remained in detention."
    assert actor_ids(coded_event(text, "ACCUSE").recipient) == ["EGY_MORSI"]


def test_coder_an_act_that_erupts_or_occurs_takes_its_verbs_phrases():
    """"Protests erupted at the U.S. Embassy": the embassy's state is protested against;
    "Clashes erupted between Israeli troops and Palestinians": both sides fight."""
    protest = coded_event("Protests erupted at the U.S. Embassy in Baghdad after the U.S. struck a militia.", "PROTEST")
    assert actor_ids(protest.recipient) == ["USA"]
    clashes = coded_event("Clashes erupted between Israeli troops and Palestinians in Hebron on Friday.", "ASSAULT")
    assert "ISR_MIL" in actor_ids(clashes.actor) + actor_ids(clashes.recipient)


def test_coder_a_phrase_reaches_its_prepositions_object_past_modifiers():
    """"withdrew from a landmark 2015 nuclear deal": the deal is the phrase's "withdraw from
    deal" (an agreement left), however many words stand before it; no troops move."""
    text = "Tensions have worsened since Washington unilaterally withdrew from a landmark 2015 nuclear deal."
    assert coded_types(text) == ["SANCTION"]


def test_coder_hitting_a_circuit_strikes_nobody():
    """"hit the cable-news circuit": went on the shows; "an airstrike hit a crowded market" struck."""
    assert coded_types("Rudy Giuliani, Trump's new lead defense attorney, hit the cable-news circuit.") == []
    assert coded_types("An airstrike hit a crowded market in Aleppo.") == ["ASSAULT"]


def test_coder_retaking_a_chamber_wins_votes_retaking_a_city_is_an_assault():
    """"should Democrats retake the House": a chamber won back; "Iraqi forces retook Ramadi"
    (a past tense the lemmatizer leaves as it is) an occupation."""
    assert coded_types("Pelosi is challenging anyone -- should Democrats retake the House in November.") == []
    assert coded_types("Democrats retook the House in 2018.") == []
    assert coded_types("Iraqi forces retook Ramadi from the Islamic State.") == ["ASSAULT"]


def test_coder_a_deal_struck_through_a_relative_word_is_no_blow():
    """"the landmark deal that the Obama administration struck with Iran": a deal made;
    "an understanding annexed to a resolution" is attached, not occupied."""
    text = "The landmark deal that the Obama administration and its allies struck with Iran in 2015 called for talks."
    assert "ASSAULT" not in coded_types(text)
    assert coded_types("It's an international understanding annexed to a Security Council resolution.") == []
    assert coded_types("The targets that Israel struck were in Gaza.") == ["ASSAULT"]


def test_coder_taking_control_of_a_chamber_is_no_assault():
    """"Democrats will take control of the U.S. House" (the parser hangs "of" on "take"): a
    chamber won; "the rebels took control of the town" an occupation."""
    assert coded_types("Democrats will take control of the U.S. House of Representatives in January.") == []
    assert coded_types("The rebels took control of the town.") == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "Officials said ISIS fighters captured in Syria will be tried.",
    "Hundreds of Taliban fighters captured in the raid were released.",
])
def test_coder_a_participle_before_the_real_predicate_is_a_reduced_passive(text):
    """"fighters captured in the raid were released": the fighters were captured, by whoever;
    the parser calls them the participle's subject and hangs the real predicate on it or
    beside it under "said"."""
    (event,) = code_events(default_nlp()(text))
    assert not event.actor and actor_ids(event.recipient) in (["IMG_ISIS"], ["AFG_TALIBAN"])


@pytest.mark.parametrize("text", [
    "Obama hit the golf course after he made a statement.",
    "Democrats said the measure was a step to eventually kill the Ex-Im Bank altogether.",
    "Paul argued it will continue to explode the national debt.",
])
def test_coder_a_course_hit_a_bank_killed_a_debt_exploded_is_no_assault(text):
    """A golf course set out for, an institution abolished and a sum swollen: no force used."""
    assert coded_types(text) == []


def test_coder_a_car_bomb_exploded_is_still_an_explosion():
    assert coded_types("Militants exploded a car bomb in Kabul.") == ["ASSAULT"]



def test_coder_every_country_of_a_listed_object_is_a_recipient():
    """"pressed France, Germany and other European nations": both pressed; Germany is no place."""
    text = "The United States has pressed France, Germany, and other European nations to take them back."
    event = coded_event(text, "REQUEST")
    assert actor_ids(event.recipient) == ["FRA", "DEU"] and event.event_loc is None
    assert actor_ids(coded_event("Iraq invaded Kuwait and Saudi Arabia.", "ASSAULT").recipient) == ["KWT", "SAU"]


def test_coder_a_country_words_are_aimed_at_is_their_recipient():
    """"pointing fingers at Iran": Iran is blamed, not where the blaming happens."""
    event = coded_event("Saudi Arabia and Britain have joined the U.S. in pointing fingers at Iran.", "ACCUSE")
    assert actor_ids(event.recipient) == ["IRN"] and event.event_loc is None


def test_coder_a_country_only_whose_adversaries_get_aid_is_no_party_nor_place():
    """"military assistance to Russia's adversaries": Russia gets nothing and is no place of it."""
    events = code_events(default_nlp()("The Trump administration has embraced direct military assistance to Russia's adversaries."))
    assert not [e for e in events if "RUS" in actor_ids(e.recipient) or e.event_loc is not None]


@pytest.mark.parametrize("text", [
    "President Trump's charm offensive toward Vladimir Putin in Helsinki on Monday shouldn't overshadow that.",
    "The U.S. military conducted its annual Saber Strike exercise in eastern Poland.",
])
def test_coder_a_charm_offensive_and_a_named_exercise_attack_nobody(text):
    """A campaign of persuasion and the name of a drill ("Saber Strike") are no assault."""
    assert "ASSAULT" not in coded_types(text) and "ACCUSE" not in coded_types(text)


def test_coder_lashing_out_at_a_country_accuses_it_and_a_venue_still_places_words():
    """"lashed out at Iran": Iran is the one accused; "at a rally in Ohio" is where words fell."""
    event = coded_event("Saudi Arabia lashed out at Iran.", "ACCUSE")
    assert actor_ids(event.recipient) == ["IRN"] and event.event_loc is None
    assert coded_event("Trump accused Iran at a rally in Ohio.", "ACCUSE").event_loc.extracted_place == "Ohio"


@pytest.mark.parametrize(("text", "place"), [
    ("The Arizona Republican made the trip from Turkey into Syria.", "Syria"),
    ("Hamas fired rockets from Gaza into Israel.", "Israel"),
    ("The militants took responsibility for the kidnapping of schoolgirls from the town of Chibok in Borno.", "Chibok"),
])
def test_coder_an_act_from_one_place_into_another_is_placed_where_it_lands(text, place):
    """A trip or a salvo "from" one place "into" another happens where it goes; an act only
    "from" a place (the kidnapping "from Chibok") happens there."""
    (event,) = code_events(default_nlp()(text))
    assert event.event_loc.extracted_place == place


def test_coder_a_title_ending_in_an_act_word_and_a_nickname_deployed_code_nothing():
    """"UN Special Rapporteur on Extra-Judicial Executions" names an office; "deploying his
    favorite derogatory nickname" moves no troops."""
    text = ("Shortly after the funeral, Agnes Callamard, UN Special Rapporteur on Extra-Judicial Executions, tweeted "
            "that the bar for lethal action by a nation claiming self-defense is extremely high.")
    assert "ASSAULT" not in coded_types(text)
    assert coded_types("Trump tweeted, deploying his favorite derogatory nickname for the investigation.") == []


def test_coder_a_tear_gas_shell_is_no_artillery():
    """"kicks a tear gas shell": the gas is a police measure, the shell fires at nobody."""
    assert coded_types("A demonstrator kicks a tear gas shell in Karachi, Pakistan, on Friday.") == ["COERCE"]
    assert coded_types("The army fired tank shells at the town.") == ["ASSAULT"]


def test_coder_names_joined_by_a_hyphen_before_an_inquiry_are_its_topic():
    """"Clinton-Trump investigations": a tie looked into, neither name its investigator."""
    text = ("Hillary Clinton lost to Donald Trump in 2016. "
            "Mueller team member Strzok had long been directly involved in Clinton-Trump investigations.")
    event = coded_event(text, "ACCUSE")
    assert "USA_HCLINTON" not in actor_ids(event.actor)


def test_coder_battling_internally_is_no_fight():
    """"officials battling internally over Trump's efforts": a quarrel inside one government."""
    assert coded_types("Text messages showed Taylor and other U.S. officials battling internally last month over Trump's efforts.") == []
    assert coded_types("Iraqi forces battled ISIS in Mosul.") == ["ASSAULT"]


def test_coder_envoys_who_recall_something_are_not_recalled():
    """"diplomats recall her lecturing leaders": they remember; "recalled its ambassador" recalls."""
    assert coded_types("At the State Department, diplomats recall her lecturing leaders in Africa decades her senior.") == []
    assert coded_types("Egypt recalled its ambassador from Israel.") == ["SANCTION"]


def test_coder_who_blocks_a_resolution_did_not_issue_its_words():
    """"Russia and China blocked a resolution condemning the crackdown": the condemnation is
    not theirs; "Kuwait circulated a statement calling for an inquiry" is Kuwait's call."""
    text = "When Russia and China blocked a resolution condemning the crackdown in Syria, Rice wrote on Twitter."
    assert not coded_event(text, "ACCUSE").actor
    assert actor_ids(coded_event("Kuwait circulated a statement calling for an inquiry.", "REQUEST").actor) == ["KWT"]


def test_coder_a_war_fought_befalls_nobody():
    """"Vietnam, a war fought in the jungle": the war is waged, Vietnam renames it, no target."""
    events = code_events(default_nlp()("Vietnam, a war fought in the jungle, divided the country."))
    assert not [e for e in events if "VNM" in actor_ids(e.recipient)]


def test_coder_attacking_a_measure_is_criticism():
    """"Republicans are attacking a measure": words aimed at a law; militants attacking "the
    measure's backers" at their offices use force."""
    text = "Patty Murray said Republicans are attacking a measure they have supported in the past."
    assert coded_types(text)[0] == "ACCUSE"
    assert coded_types("Militants attacked the offices of the measure's backers in Kabul.") == ["ASSAULT"]


def test_coder_pulling_out_of_an_accord_named_by_a_place_leaves_it_there():
    """"pulled out of the Paris accord": an agreement left (SANCTION), Paris only names it;
    "advocated pulling out of an agreement reached with Iran" moves no troops either."""
    event = coded_event("Trump pulled out of the Paris accord.", "SANCTION")
    assert event.event_loc is None
    text = "Both Trump and Flynn have advocated pulling out of an agreement reached with Iran last year."
    assert "RETREAT" not in coded_types(text) and "SANCTION" in coded_types(text)


def test_coder_firing_back_over_testimony_is_words():
    """"fired back Tuesday over Taylor's testimony": a retort; troops firing back at attackers shoot."""
    assert coded_types("The White House fired back Tuesday over Taylor's testimony.") == ["ACCUSE"]
    assert coded_types("Troops fired back at the attackers.") == ["ASSAULT"]

"""One event per happening: several trigger words of one sentence for one attack are merged,
distinct happenings are not."""
from __future__ import annotations

from sitrep.events import code_events
from sitrep.nlp import default_nlp


def assaults(doc):
    return [e for e in code_events(doc) if e.event == "ASSAULT"]


def test_merge_words_of_one_attack_give_one_event(annotate):
    doc = annotate("Hezbollah fighters stormed Aleppo, killing 12 civilians.", quantities=[("12", 12, "civilians")])
    events = assaults(doc)
    assert len(events) == 1, [(e.event_text, e.actor) for e in events]
    event = events[0]
    assert event.event_text == "stormed"
    assert [a.identifier for a in event.actor] == ["LBN_HEZ"]
    assert event.size == {"dead": 12} and event.evidence["size:dead"].text == "12"


def test_merge_keeps_happenings_with_different_recipients(annotate):
    events = assaults(annotate("Russian jets bombed Hezbollah in Idlib while Turkish artillery shelled Ukraine."))
    assert [[r.identifier for r in e.recipient] for e in events] == [["LBN_HEZ"], ["UKR"]]


def test_merge_keeps_a_planned_attack_apart_from_the_one_it_answers(annotate):
    events = assaults(annotate("Turkey vowed to attack Hezbollah after Russian jets bombed Afrin."))
    assert [(e.event_text, e.aux_mode) for e in events] == [("attack", ("future",)), ("bombed", ())]


def test_merge_keeps_an_attack_apart_from_the_one_it_is_measured_against():
    doc = default_nlp()("The siege of Ramadi was hastened by a rash of ISIS suicide bombings, some of them at the "
                        "same magnitude as the 1995 Oklahoma City blast.")
    places = {e.event_loc.extracted_place if e.event_loc else None for e in assaults(doc)}
    assert "Ramadi" in places and len(assaults(doc)) > 1


def test_merge_described_participants_do_not_split_one_attack(annotate):
    doc = annotate("In Aleppo, the gunmen stormed the mall and fired at shoppers, killing 60 people.",
                   quantities=[("60", 60, "people")])
    events = assaults(doc)
    assert len(events) == 1, [(e.event_text, [r.entity_text for r in e.recipient]) for e in events]
    assert [a.entity_text for a in events[0].actor] == ["the gunmen"]


def test_merge_named_participant_replaces_a_described_one(annotate):
    events = assaults(annotate("In Aleppo, the gunmen attacked the civilians, killing Hezbollah fighters."))
    assert len(events) == 1
    assert [r.identifier for r in events[0].recipient] == ["LBN_HEZ"]


def test_merge_keeps_a_cause_apart_from_its_answer(annotate):
    events = assaults(annotate("Turkey shelled Afrin in response to an attack on Turkish troops."))
    assert [e.event_text for e in events] == ["shelled", "attack"]
    events = assaults(annotate("Hezbollah fighters stormed Aleppo, killing 12 civilians.",
                               quantities=[("12", 12, "civilians")]))
    assert len(events) == 1
    events = assaults(annotate("A gunman killed two people in Paris before he was killed by police."))
    assert [e.event_text for e in events] == ["killed", "killed"]


def test_merge_keeps_apart_the_acts_of_two_subjects(annotate):
    events = assaults(annotate("Gunmen seized hostages at a hotel in Aleppo, but Turkish troops swarmed in to retake it."))
    by_word = {e.event_text: e for e in events}
    assert set(by_word) == {"seized hostages", "retake"}, list(by_word)
    assert [a.identifier for a in by_word["seized hostages"].actor] == [None]
    assert [a.identifier for a in by_word["retake"].actor] == ["TUR"]
    # a noun takes the subject of the verb it is the object of
    events = assaults(annotate("The coalition launches air strikes on Idlib every day, while Turkish troops fire missiles "
                               "into Aleppo."))
    assert sorted(e.event_text for e in events) == ["air strikes", "fire missiles"]


def test_merge_keeps_apart_a_trigger_in_a_relative_clause_on_another_noun():
    events = code_events(default_nlp()("The airstrikes ramped up America's involvement in Iraq where ISIS, which "
                                        "calls itself the Islamic State, is seizing control of towns."))
    assert sorted(e.event_text for e in events if e.event == "ASSAULT") == ["airstrikes", "seizing control"]


def test_merge_keeps_apart_a_happening_it_is_compared_with():
    events = code_events(default_nlp()("The bombing in Kabul was deadlier than the 2017 truck bombing in the city."))
    assert [e.event_text for e in events] == ["bombing", "bombing"]


def test_merge_a_described_participant_is_never_both_sides():
    """"wounded in a shootout with police": the police are the doer; the shootout's "with"
    side does not come back as the one wounded."""
    text = "He was interrogated after the man, who was seriously wounded in a frantic shootout with police, was caught."
    wounded = next(e for e in code_events(default_nlp()(text)) if e.event_text == "wounded")
    assert not {e.entity_text for e in wounded.actor} & {e.entity_text for e in wounded.recipient}


def test_merge_keeps_apart_an_act_marked_as_another():
    """"more attacks" are not the missile attack they would follow; "new airstrikes targeted"
    tells one strike, "carried out more attacks, targeting militants" one series."""
    nlp = default_nlp()
    text = "Experts warned that Iran's missile attack could be a prelude to more attacks against the U.S."
    assert [e.event_text for e in assaults(nlp(text))] == ["missile attack", "attacks"]
    assert len(assaults(nlp("New airstrikes on Saturday targeted Khan Sheikhoun again."))) == 1
    assert len(assaults(nlp("The U.S. has carried out more attacks in Libya, targeting militants."))) == 1


def test_merge_an_act_and_the_relative_clause_telling_what_it_did_are_one():
    """"carried out a strike that killed Soleimani": one strike, which killed him."""
    events = assaults(default_nlp()("The U.S. carried out a strike in Baghdad that killed Qassem Soleimani."))
    assert [(e.event_text, [r.entity_text for r in e.recipient]) for e in events] == [("strike", ["Qassem Soleimani"])]


def test_merge_keeps_apart_one_word_aimed_at_two_targets():
    """"attacked militias ... and claimed an attack on the parliament": the same word at two
    targets tells two acts, even where one target is only described."""
    doc = default_nlp()("His forces have attacked Islamist militias in Benghazi and claimed credit for an attack "
                        "on the General National Congress.")
    assert [[r.entity_text for r in e.recipient] for e in assaults(doc)] == [
        ["Islamist militias"], ["General National Congress"]]


def test_merge_keeps_apart_an_act_another_subject_does_by_means_of_a_noun():
    """"the US put itself ..., as Iran did with rocket attacks": the attacks are Iran's,
    another happening than the US killing."""
    doc = default_nlp()("By killing a foreign country's key leader, the US put itself in the position of facing "
                        "retaliation, as Iran did with rocket attacks on US bases in Iraq earlier this week.")
    assert [e.event_text for e in assaults(doc)] == ["killing", "rocket attacks"]


def test_merge_a_relative_clause_hung_on_the_place_of_an_act_tells_of_the_act():
    """"the attack in Paris, which killed 130 people", the parser hanging "which" on Paris:
    one attack, which killed them."""
    events = assaults(default_nlp()("The attack in Paris, which killed 130 people, shocked Europe."))
    assert [(e.event_text, [r.entity_text for r in e.recipient]) for e in events] == [("attack", ["130 people"])]

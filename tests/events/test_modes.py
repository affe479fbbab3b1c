"""Auxiliary modes (negation, future, hypothetical, historical, reported, denied, demand) as a
pure function of the parse, on sentences written for these tests."""
from __future__ import annotations

import pytest

from sitrep.events import code_events
from sitrep.events.lexicon import load_aux_cues, load_ontology, load_triggers
from sitrep.events.modes import aux_modes, time_modes
from sitrep.events.triggers import find_triggers
from sitrep.model import DateEstimate, Evidence, TimeMention
from sitrep.nlp import default_nlp


def modes_of(doc, event: str, anchor: str | None = None) -> tuple[str, ...]:
    """Aux modes of the first trigger of type `event` (anchored at `anchor`) in the first sentence."""
    sent = next(doc.sents)
    hit = next(
        h
        for h in find_triggers(sent, load_triggers())
        if h.row.event == event and anchor in (None, h.anchors[0].text)
    )
    hits = aux_modes(
        hit.anchors[0],
        sent,
        load_aux_cues(),
        light_verb=load_triggers().light_verb,
        quotes=doc._.quotes or (),
        event_time=doc._.times[0] if doc._.times else None,
        published=doc._.published,
        order=load_ontology().aux_order,
    )
    for hit_mode in hits:
        assert doc.text[hit_mode.start : hit_mode.end] == doc.text[hit_mode.start : hit_mode.end].strip()
    return tuple(h.mode for h in hits)


@pytest.mark.parametrize(
    "text, event",
    [
        ("Turkish troops shelled Kurdish positions near Afrin on Sunday.", "ASSAULT"),
        ("Russia deployed 2,000 paratroopers to the Belarusian border.", "MOBILIZE"),
        ("Iraqi police arrested 40 suspected militants in Mosul.", "COERCE"),
        ("Russia not only bombed Aleppo but also shelled Idlib.", "ASSAULT"),  # a focus pair
    ],
)
def test_modes_plain_assertion_has_no_aux_mode(annotate, text, event):
    assert modes_of(annotate(text), event) == ()


@pytest.mark.parametrize(
    "text, event",
    [
        ("Turkey did not send troops into Idlib.", "MOBILIZE"),
        ("Turkey sent no troops to Idlib.", "MOBILIZE"),
        ("No Iranian had attacked the West, Zarif said.", "ASSAULT"),  # a subject with "no"
        ("Russian jets never bombed the hospital in Aleppo.", "ASSAULT"),
        ("Russia did not launch an offensive on Kharkiv.", "ASSAULT"),
        ("The rebels failed to capture the airport.", "ASSAULT"),
        ("Russia was unable to capture Kyiv.", "ASSAULT"),
        ("President Trump abandoned retaliatory strikes in Iran on Thursday.", "ASSAULT"),  # called off
        ("The president canceled his scheduled trip to Florida.", "CONSULT"),
        ("Trump pulled back the strikes on Iran.", "ASSAULT"),
        ("Rouhani postponed his visit to Vienna.", "CONSULT"),
        ("The treaty prohibited the U.S. and Russia from deploying land-based missiles.", "MOBILIZE"),  # forbidden
        ("Turkey had not, in fact, sent troops into Idlib.", "MOBILIZE"),  # "not" hangs on "had"
        ("Assad is no longer bombing rebel-held areas of Idlib.", "ASSAULT"),
        ("Obama stopped short of directly accusing Assad of using them.", "ACCUSE"),
        # stopped before it happened
        ("Turkish police foiled an attack on the embassy in Idlib.", "ASSAULT"),
        ("Turkey prevented the rebels from attacking Idlib.", "ASSAULT"),
        ("Iran vowed to prevent the transfer of weapons to Hezbollah.", "AID"),
        ("The Syrian army deterred Turkey from launching an attack on Manbij.", "ASSAULT"),
        ("Israel will not let Iran attack its cities.", "ASSAULT"),  # a bare small clause: the verb above's
        ("The demand explains the failure of negotiators to reach a deal on Iran.", "AGREE"),  # a noun of failing
    ],
)
def test_modes_negation(annotate, text, event):
    assert "negation" in modes_of(annotate(text), event)


@pytest.mark.parametrize("text", [
    "Turkey failed to prevent the rebels from attacking Idlib.",
    "Turkey did not prevent the rebels from attacking Idlib.",
    "The sanctions failed to deter Russia from attacking Ukraine.",
])
def test_modes_a_negated_prevention_lets_the_event_happen(annotate, text):
    assert modes_of(annotate(text), "ASSAULT") == ()


@pytest.mark.parametrize("text, event", [
    ("The rebels attacked the town not long after the army withdrew.", "RETREAT"),  # shortly after
    ("Not long before Flynn resigned, Russia attacked Ukraine.", "ASSAULT"),
])
def test_modes_not_long_after_is_shortly_after_no_negation(annotate, text, event):
    assert "negation" not in modes_of(annotate(text), event)


@pytest.mark.parametrize(
    "text, event",
    [
        ("Russia will deploy troops to the border next week.", "MOBILIZE"),
        ("Iran is preparing to send 20,000 fighters to Idlib.", "MOBILIZE"),
        ("Iran plans to send military advisers to Syria.", "MOBILIZE"),
        ("The goal is to deploy 10,000 soldiers along the front.", "MOBILIZE"),
        ("Iran's plan to send troops to Syria was approved.", "MOBILIZE"),
        ("Russia is set to deploy troops in Belarus.", "MOBILIZE"),
        ("Iran is to send 500 troops to Syria.", "MOBILIZE"),  # the be-to future of an arrangement
        ("The Russian troops are to be deployed in Idlib.", "MOBILIZE"),
        ("The U.S. had been plotting to kill Qassem Soleimani.", "ASSAULT"),  # a plot is a plan
        ("Russia was paying the Taliban to kill U.S. soldiers.", "ASSAULT"),  # what one is paid to do
        ("The deal will pave the way for the US to withdraw its troops.", "RETREAT"),  # "for X to do"
        # backshifted by a passive or perfect report too
        ("A deal was announced that would see Turkey stop its attack on Ras al-Ayn.", "RETREAT"),
        ("Iran has said it would send troops to Syria.", "MOBILIZE"),
        ("Dempsey recommended airstrikes in Syria.", "ASSAULT"),  # put forward, not carried out
    ],
)
def test_modes_future(annotate, text, event):
    assert "future" in modes_of(annotate(text), event)


def test_modes_to_blame_is_no_be_to_future(annotate):
    assert modes_of(annotate("Turkey said Russia was to blame for the attack."), "ACCUSE") == ("reported",)


def test_modes_being_one_of_those_to_act_is_no_be_to_future(annotate):
    """The infinitive describes what the copula says the subject is, no arrangement."""
    assert modes_of(annotate("Paul was one of the few senators to defend Israel."), "SUPPORT") == ()


@pytest.mark.parametrize("text, modes", [
    ("Turkey has no plans to withdraw its troops from Syria.", ("negation",)),
    ("There is no intention to deploy troops to Syria.", ("negation",)),
    ("Turkey has plans to withdraw its troops from Syria.", ("future",)),
])
def test_modes_a_negated_plan_negates_the_event_instead_of_planning_it(annotate, text, modes):
    assert modes_of(annotate(text), "MOBILIZE" if "deploy" in text else "RETREAT") == modes


@pytest.mark.parametrize("text, modes", [
    ("Israel sought to play down the attack on the Syrian army.", ()),
    ("Kurdish forces want to halt the ISIS advance on Erbil.", ()),
    ("Hamas wants to negotiate an end to the Israeli attack on Gaza.", ()),  # in the object's phrase
    ("Israel sought to launch an attack on the Syrian army.", ("future",)),  # a light verb
    ("Labour wants to support an attack on the Syrian army.", ("future",)),  # an event put forward
    ("Clinton offers a detailed account of the attack on the Syrian army.", ()),  # a noun of telling
    ("The senator demanded an explanation for the attack on the Syrian army.", ()),
    ("Israel plans a series of attacks on the Syrian army.", ("future",)),
])
def test_modes_an_intention_to_act_on_an_event_that_happened_does_not_make_it_intended(annotate, text, modes):
    assert modes_of(annotate(text), "ASSAULT") == modes


@pytest.mark.parametrize("text, modes", [
    ("Iran has yet to send troops to Syria.", ("negation",)),
    ("Iran is yet to send troops to Syria.", ("negation",)),
    ("Iran has to send troops to Syria.", ("demand",)),
])
def test_modes_what_has_yet_to_happen_has_not_happened_and_is_no_obligation(annotate, text, modes):
    assert modes_of(annotate(text), "MOBILIZE") == modes


@pytest.mark.parametrize(
    "text, event",
    [
        ("If Russia invades Ukraine, the sanctions will be severe.", "ASSAULT"),
        ("Russia could launch an offensive on Kharkiv.", "ASSAULT"),
        ("Analysts said Turkey might shell the Kurdish enclave.", "ASSAULT"),
        ("Kyiv warned that Russian forces would attack Kharkiv.", "ASSAULT"),
        ("Obama said deploying Russian troops to Syria would be a mistake.", "MOBILIZE"),  # the subject's modal
        ("Iran has the ability to strike Israel.", "ASSAULT"),  # a capacity to act
        ("Trump answered Kim Jong Un's threats to attack Guam.", "ASSAULT"),  # what is threatened
        ("Israel warned of the threat of an attack by Hezbollah.", "ASSAULT"),
        ("Haley hinted at the possibility of a unilateral U.S. strike against Syria.", "ASSAULT"),  # what may come
        ("Hezbollah is capable of attacking Israel.", "ASSAULT"),
        ("Americans say Congress should give Obama the authority to fight ISIS.", "ASSAULT"),  # a power granted
    ],
)
def test_modes_hypothetical(annotate, text, event):
    assert "hypothetical" in modes_of(annotate(text), event)


def test_modes_a_clause_describing_a_noun_in_a_denial_is_not_denied(annotate):
    """The tagger writes "shot" as a past tense without a subject: still a participle on "drone"."""
    doc = annotate("The U.S. denies its $100 million drone, shot down last week, violated Iranian airspace.")
    assert "denied" not in modes_of(doc, "ASSAULT")


def test_modes_an_act_a_verb_judges_is_not_called_for(annotate):
    assert "demand" not in modes_of(annotate('Turkey called the attack on Idlib "a terrible thing."'), "ASSAULT")


def test_modes_an_act_discussed_as_a_topic_is_no_plan(annotate):
    """"discussed sending troops" plans a deployment; "discussing the attacks on our
    facilities" talks about attacks that happened."""
    assert "future" not in modes_of(annotate("When discussing the attacks on our facilities in Benghazi, Rice relied "
                                             "on the intelligence community."), "ASSAULT")
    assert "future" in modes_of(annotate("Turkey discussed sending troops to Idlib."), "MOBILIZE")


def test_modes_what_poses_a_threat_is_no_threatened_act(annotate):
    assert "hypothetical" not in modes_of(annotate("The threat from IS attacks in Europe grew."), "ASSAULT")


def test_modes_a_name_taken_for_a_modal_is_none(annotate):
    """The parser makes the "May" of "Theresa May" an auxiliary of "condemned"."""
    doc = annotate("Prime Minister Theresa May condemned the attack in London.")
    assert modes_of(doc, "ACCUSE") == ()
    assert modes_of(annotate("Russia may attack Kyiv in May."), "ASSAULT") == ("hypothetical",)


def test_modes_would_later_tells_what_came_to_pass(annotate):
    assert modes_of(annotate("ISIS would later kill the Japanese hostage in Syria."), "ASSAULT") == ()
    assert modes_of(annotate("ISIS would kill the Japanese hostage in Syria."), "ASSAULT") == ("hypothetical",)
    assert "future" in modes_of(annotate("Hollande said he would meet with Putin later in Paris."), "CONSULT")


def test_modes_pleading_guilty_demands_nothing(annotate):
    doc = annotate("Tsarnaev pleaded not guilty on Wednesday to 30 counts over the bombing in Boston.")
    assert "demand" not in modes_of(doc, "ASSAULT")


def test_modes_a_reported_would_have_is_no_future(annotate):
    """"would" told in the past is a reported "will", but not before a perfect."""
    assert modes_of(annotate("He said Russia would have attacked Kyiv if NATO had not intervened."), "ASSAULT") == (
        "hypothetical", "reported")


@pytest.mark.parametrize(
    "text, event",
    [
        ("Iran must send 50,000 soldiers to defend the regime.", "MOBILIZE"),
        ("Iraq urged Turkey to withdraw its troops from Bashiqa.", "RETREAT"),
        ("His family pleaded with the militants to release him.", "RETREAT"),
        ("The council demanded that Russia withdraw its forces.", "RETREAT"),
        ("Iran has to send troops before the winter.", "MOBILIZE"),
        ("Trump and aides have demanded that North Korea identify and destroy facilities in Yongbyon.", "ASSAULT"),
    ],
)
def test_modes_demand(annotate, text, event):
    modes = modes_of(annotate(text), event)
    assert "demand" in modes


@pytest.mark.parametrize(("text", "event"), [
    ("Trump continues to insist that his call with Zelenskiy was perfect.", "CONSULT"),
    ("Officials insist that no votes were changed by Russian cyberattacks in 2016.", "ASSAULT"),
    ("The US and Russia agree that a large-scale chemical weapons attack occurred in Ghouta.", "ASSAULT"),
])
def test_modes_a_fact_insisted_or_agreed_on_is_no_demand_nor_plan(annotate, text, event):
    """"insists that his call was perfect", "agree that an attack occurred": a past or present
    tense tells what is, not what is to be."""
    modes = modes_of(annotate(text), event)
    assert "demand" not in modes and "future" not in modes


@pytest.mark.parametrize(
    "text, event",
    [
        ("Moscow denied sending troops to Syria.", "MOBILIZE"),
        ("The Kremlin dismissed reports that Russian jets bombed Idlib.", "ASSAULT"),
        ("Ankara rejected claims that its army shelled Afrin.", "ASSAULT"),
    ],
)
def test_modes_denied(annotate, text, event):
    assert "denied" in modes_of(annotate(text), event)


def test_modes_denied_event_is_not_the_denial_itself(annotate):
    """The REJECT coded from "denied" is itself asserted; only the denied deployment is not."""
    doc = annotate("Moscow denied sending troops to Syria.")
    assert "denied" not in modes_of(doc, "REJECT")


@pytest.mark.parametrize("text", [
    "The judge in Houston denied the government's request for a stay.",
    "Damascus rejected the Turkish demand for a ceasefire in Idlib.",
])
def test_modes_a_request_turned_down_was_made(annotate, text):
    """Denying or rejecting a request refuses it: the request is no denied event."""
    assert "denied" not in modes_of(annotate(text), "REQUEST")


@pytest.mark.parametrize(
    "text, event",
    [
        ("Russia sent 3,000 troops into Donetsk on Monday, the ministry said.", "MOBILIZE"),
        ("According to the Syrian Observatory, Russian jets bombed Idlib.", "ASSAULT"),
        ("The IRGC reportedly shelled villages near Latakia.", "ASSAULT"),
        ("The ministry said that Russia had deployed troops to Donetsk.", "MOBILIZE"),
    ],
)
def test_modes_reported(annotate, text, event):
    assert "reported" in modes_of(annotate(text), event)


def test_modes_reported_inside_quote_content(annotate):
    text = "Hezbollah fighters attacked Aleppo, a commander told reporters."
    doc = annotate(text, quotes=[("Hezbollah fighters attacked Aleppo", "a commander", "told")])
    assert modes_of(doc, "ASSAULT") == ("reported",)


@pytest.mark.parametrize(
    "text, times",
    [
        ("Hezbollah fighters were sent to Aleppo in 1984.", {"1984": "1984"}),
        ("Russian troops entered Donetsk years ago.", {}),
        ("At the time, Russian troops entered Donetsk.", {}),
    ],
)
def test_modes_historical(annotate, text, times):
    assert "historical" in modes_of(annotate(text, times=times), "MOBILIZE")


def test_modes_the_past_few_weeks_are_no_history(annotate):
    doc = annotate("Pentagon officials met with Trump twice in the past 24 hours in Washington.")
    assert "historical" not in modes_of(doc, "CONSULT")
    assert "historical" in modes_of(annotate("In the past, Iran sent advisers to Syria."), "MOBILIZE")


@pytest.mark.parametrize("text", [
    "Officials spoke despite memories of the Westgate Mall attack in Nairobi.",
    "Mourners marked the anniversary of the attack on the school in Beslan.",
])
def test_modes_an_act_remembered_is_history(annotate, text):
    assert "historical" in modes_of(annotate(text), "ASSAULT")


def test_modes_a_past_time_in_a_clause_of_its_own_does_not_date_the_event():
    """"years ago" in a clause telling of a noun or after "after" dates that clause; in a
    "when" clause on the event or one telling of the event's noun it dates the event."""
    nlp = default_nlp()
    doc = nlp("Gunmen attacked the offices of the newspaper that was firebombed years ago.")
    assert modes_of(doc, "ASSAULT", anchor="attacked") == ()
    assert modes_of(nlp("Iran attacked Israel on Monday after it lost a war decades ago."), "ASSAULT") == ()
    doc = nlp("Some 2,600 people were killed when hijackers crashed two jets into the towers 16 years ago.")
    assert modes_of(doc, "ASSAULT") == ("historical",)
    assert modes_of(nlp("Iran condemned the attack, which took place years ago."), "ASSAULT") == ("historical",)
    doc = nlp("The US insisted the drone had been over international waters at the time, and condemned it as an "
              "unprovoked attack.")
    assert modes_of(doc, "ACCUSE", anchor="condemned") == ()


def test_modes_the_time_of_an_event_is_no_history(annotate):
    assert modes_of(annotate("Russian troops entered Donetsk at the time of the attack."), "MOBILIZE") == ()


def test_modes_time_after_publication_is_future():
    time = TimeMention(Evidence("d", "text", 0, 9, "next week"), "2024-03-13", "2024-03-11", "2024-03-17", "range")
    published = DateEstimate("2024-03-06", precision="day")
    assert [h.mode for h in time_modes(time, published)] == ["future"]


def test_modes_recent_time_is_neither_historical_nor_future():
    time = TimeMention(Evidence("d", "text", 0, 6, "Monday"), "2024-03-04", "2024-03-04", "2024-03-04", "day")
    assert time_modes(time, DateEstimate("2024-03-06", precision="day")) == []


def test_modes_conjunct_with_own_tense_keeps_its_own_modes(annotate):
    """"will not send troops but deployed jets": the refusal does not reach the deployment."""
    doc = annotate("Iran will not send troops but deployed jets to Latakia.")
    assert modes_of(doc, "MOBILIZE", anchor="send") == ("future", "negation")
    assert modes_of(doc, "MOBILIZE", anchor="deployed") == ()


def test_modes_bare_verbs_coordinated_with_an_infinitive_share_its_governor():
    """The parser hangs "send" and "provide" on "announced"; a bare verb cannot share a past
    tense, so they are planned like "intensify"."""
    doc = default_nlp()("Obama announced plans to intensify airstrikes in Iraq, send more U.S. military advisers to "
                        "Baghdad and provide arms to Syrian rebels.")
    assert modes_of(doc, "MOBILIZE") == ("future", "reported")
    assert modes_of(doc, "AID") == ("future", "reported")


def test_modes_conjunct_without_own_verb_form_shares_the_modal(annotate):
    doc = annotate("Russia will deploy troops and reinforce the garrison in Latakia.")
    assert "future" in modes_of(doc, "MOBILIZE", anchor="reinforce")


def test_modes_cause_named_after_a_connective_keeps_its_own_modes(annotate):
    doc = annotate("Turkey vowed to attack Hezbollah in response to the shelling of Afrin by Russia.")
    assert modes_of(doc, "ASSAULT", "attack") == ("future",)
    assert "future" not in modes_of(doc, "ASSAULT", "shelling")


def test_modes_clause_describing_a_noun_keeps_its_own_modes(annotate):
    doc = annotate("Russia urged Hezbollah to respect the truce signed by Turkey and Iran.")
    assert "demand" not in modes_of(doc, "SUPPORT", "signed")
    doc = annotate("Pakistan failed to crack down on insurgents conducting attacks in Afghanistan.")
    assert modes_of(doc, "COERCE", "crack") == ("negation",)
    assert "negation" not in modes_of(doc, "ASSAULT", "attacks")
    doc = annotate("Russia expects Turkey to treat Hezbollah like the rebels, who were shelled in Afrin.")
    assert "future" not in modes_of(doc, "ASSAULT", "shelled")  # a finite relative clause in the passive


def test_modes_passive_clause_after_a_connective_keeps_its_own_modes(annotate):
    doc = annotate("Turkey called for a state of emergency after 44 people were killed in Afrin.")
    assert "demand" not in modes_of(doc, "ASSAULT", "killed")
    # the parser makes this one a complement of "ordered"; its "after" still marks a time
    doc = annotate("Last April, after a Sarin attack killed more than 80 people in a Syrian town, "
                   "Mr Trump ordered the firing of dozens of cruise missiles at a Syrian air base.")
    assert "demand" not in modes_of(doc, "ASSAULT", "killed")


def test_modes_contracted_would_with_a_curly_apostrophe_is_hypothetical(annotate):
    doc = annotate("Turkey said we\u2019d send more troops to Idlib.")
    assert "hypothetical" in modes_of(doc, "MOBILIZE", "send")
    doc = annotate("Turkey said we\u2019d sent more troops to Idlib.")
    assert "hypothetical" not in modes_of(doc, "MOBILIZE", "sent")


def test_modes_the_target_of_an_attack_was_hit_not_planned(annotate):
    doc = annotate("Hezbollah was the target of a Turkish airstrike in Idlib.")
    assert "future" not in modes_of(doc, "ASSAULT", "airstrike")


def test_modes_participle_beside_a_demand_is_no_demand(annotate):
    """"ordered a withdrawal, saying they had defeated IS": what the orderer says alongside
    is reported, not ordered."""
    doc = annotate("Trump ordered a withdrawal of the 2,000 American troops in Syria, saying they had defeated "
                   "Islamic State militants there.")
    assert modes_of(doc, "ASSAULT", "defeated") == ("reported",)


@pytest.mark.parametrize("text, anchor, commanded", [
    ('Strike their police in Baghdad," al-Adnani said.', "Strike", True),
    ("Withdraw your troops from Syria, Trump told Erdogan.", "Withdraw", True),
    ("Rebels attack Aleppo.", "attack", False),
    ("Russia and Iran helped Assad attack Aleppo.", "attack", False),  # the verb has a subject
    ("They will attack and destroy Aleppo.", "destroy", False),  # a conjunct shares its head's clause
])
def test_modes_a_command_is_a_demand(annotate, text, anchor, commanded):
    event = "RETREAT" if anchor == "Withdraw" else "ASSAULT"
    assert ("demand" in modes_of(annotate(text), event, anchor)) == commanded


@pytest.mark.parametrize("text, anchor", [
    ("Over 50 protesters in Gaza are now reported dead.", "dead"),
    ("Numbers from the Palestinian Ministry of Health show 52 people have been killed today in Gaza.", "killed"),
])
def test_modes_reported_dead_or_shown_by_figures_is_reported(annotate, text, anchor):
    assert "reported" in modes_of(annotate(text), "ASSAULT", anchor)


def test_modes_what_someone_is_told_to_do_is_demanded_not_reported(annotate):
    assert modes_of(annotate("Trump told Erdogan to stop the offensive in Syria."), "RETREAT", "stop") == ("demand",)


def test_modes_an_act_asked_about_is_no_demand(annotate):
    assert "demand" not in modes_of(annotate("Asked about the attack in Kabul, the minister said nothing."), "ASSAULT")
    assert "demand" in modes_of(annotate("Iran asked for the release of the prisoners in Gaza."), "RETREAT")


def test_modes_a_negated_predicate_says_nothing_of_its_subject_clause(annotate):
    assert modes_of(annotate("Attacking Iran did not help Turkey."), "ASSAULT") == ()


def test_modes_would_reported_in_the_past_is_the_future_then(annotate):
    """Backshifted "will": what was announced as coming, not a condition."""
    doc = annotate("The ministry announced that Russian troops would be sent to Idlib.")
    assert modes_of(doc, "MOBILIZE") == ("future", "reported")


def test_modes_a_headline_infinitive_is_what_is_to_come():
    events = code_events(default_nlp()("US to send 1,500 extra troops to Middle East amid tensions"))
    assert [e.aux_mode for e in events if e.event == "MOBILIZE"] == [("future",)]


def test_modes_a_capacity_used_in_the_past_happened(annotate):
    assert modes_of(annotate("Russian forces were able to capture Idlib."), "ASSAULT") == ()
    assert modes_of(annotate("Russian forces are able to capture Idlib."), "ASSAULT") == ("hypothetical",)


def test_modes_a_tensed_verb_hung_on_an_infinitive_shares_none_of_its_governor(annotate):
    """"refused to call it terrorism and blamed it on demonstrators": the parser hangs
    "blamed" on "call"; the blaming happened, refused by no one."""
    doc = annotate("The White House refused to call it terrorism and blamed it on demonstrators in Benghazi.")
    assert modes_of(doc, "ACCUSE", "blamed") == ()


def test_modes_a_bare_verb_joined_to_an_infinitive_shares_its_governor(annotate):
    """"paid agents to switch sides and infiltrate every aspect": the bare "infiltrate" is
    the infinitive's own conjunct, as planned as it."""
    doc = annotate("Tehran paid Iraqi agents working for the United States to switch sides and infiltrate "
                   "every aspect of Iraq's political life.")
    assert "future" in modes_of(doc, "ASSAULT", "infiltrate")


def test_modes_an_act_asked_whether_it_will_happen_is_no_demand(annotate):
    """"asked if the United States would kill them": an indirect question, no demand."""
    doc = annotate("When asked if the United States would kill them, Kerry deflected in Cairo.")
    assert "demand" not in modes_of(doc, "ASSAULT")
    assert "demand" in modes_of(annotate("Iraq asked the US to send troops to Mosul."), "MOBILIZE")


def test_modes_an_act_an_adjective_tells_of_a_noun_is_outside_the_modality(annotate):
    """"considering a deal with a state responsible for killing Khashoggi": the killing
    happened, no one considers it."""
    doc = annotate("The administration is considering a nuclear deal with a state responsible for killing "
                   "journalist Jamal Khashoggi in Istanbul.")
    assert modes_of(doc, "ASSAULT") == ()


def test_modes_a_capacity_put_to_use_served_the_act(annotate):
    """"misusing her authority to sabotage Flynn": the sabotage is told as done, unlike "gave
    the president the authority to defend the United States"."""
    doc = annotate("Conservatives are accusing Rice of misusing her authority to sabotage Flynn.")
    assert "hypothetical" not in modes_of(doc, "ASSAULT")
    doc = annotate("Congress gave the president the authority to defend the United States.")
    assert "hypothetical" in modes_of(doc, "SUPPORT")


def test_a_noun_of_failing_under_a_copula_negates_once():
    """"Iraq's inability to retake Mosul is only the latest challenge": the copula above the
    noun of failing must not count it a second time, which cancelled the negation."""
    events = code_events(default_nlp()("Iraq's inability to retake Mosul is only the latest challenge."))
    assert "negation" in events[0].aux_mode


def test_modes_a_clause_insisted_on_that_says_what_will_be_is_no_demand(annotate):
    """"insisted it would target only the extremist forces": a claim of what France will
    do, not a demand; "insisted that the US withdraw" demands."""
    doc = annotate("France insisted it would target only the extremist forces in Iraq.")
    assert "demand" not in modes_of(doc, "ASSAULT")
    assert "demand" in modes_of(annotate("Russia insisted that the US withdraw its troops from Syria."), "RETREAT")


def test_modes_an_act_something_was_saved_from_did_not_happen(annotate):
    """"saved Israel from destruction": kept from happening; "saved lives in the attack"
    does not undo the attack."""
    doc = annotate("The arms shipments may well have saved Israel from destruction.")
    assert "negation" in modes_of(doc, "ASSAULT")
    assert "negation" not in modes_of(annotate("Medics saved lives in the attack on Aleppo by Russian jets."), "ASSAULT")


def test_modes_what_someone_is_kept_from_doing_is_not_done(annotate):
    """"trying to keep Iran from pulling out of the deal": Iran has not pulled out."""
    assert "negation" in modes_of(annotate("France has been trying to keep Iran from pulling out of the deal."),
                                  "SANCTION")


def test_modes_an_inverted_should_opens_a_condition_not_a_demand(annotate):
    """"how Japan could protect itself should the U.S. withdraw its military presence": if the
    U.S. withdrew; "Iran should withdraw its forces" still demands."""
    doc = annotate("Asked how Japan could protect itself should the U.S. withdraw its military presence from the "
                   "region, Trump entertained the idea.")
    assert modes_of(doc, "RETREAT") == ("hypothetical",)
    assert "demand" in modes_of(annotate("Iran should withdraw its forces from Syria."), "RETREAT")

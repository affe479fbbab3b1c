"""Tests of event dates taken from an uncertain publication date or a ranged time expression."""
from __future__ import annotations

import pytest

from sitrep.events import code_events
from sitrep.events.coder import event_dates
from sitrep.model import DateEstimate, Evidence, TimeMention
from sitrep.nlp import default_nlp

YEAR_2019 = DateEstimate("2019", "2019-01-01", "2019-12-31", "year", 0.6, "explicit")
INFERRED = DateEstimate("2018-06", "2018-05-20", "2018-07-10", "range", 0.4, "inferred:mentions")


def only(events, event_type):
    matching = [e for e in events if e.event == event_type]
    assert len(matching) == 1, [e.event for e in events]
    return matching[0]


def test_dates_publication_range_gives_both_ends():
    assert event_dates(None, INFERRED)[:3] == ("2018-05-20", "2018-07-10", True)
    assert event_dates(None, YEAR_2019)[:3] == ("2019-01-01", "2019-12-31", True)


def test_dates_publication_day_stays_one_day():
    day = DateEstimate("2019-03-05", "2019-03-05", "2019-03-05", "day", 0.9, "explicit")
    assert event_dates(None, day)[:3] == ("2019-03-05", None, True)
    assert event_dates(None, DateEstimate("2019-03-05", precision="day"))[:3] == ("2019-03-05", None, True)


def test_dates_publication_open_ended_gives_no_date():
    """An upper bound alone (no lower bound) dates nothing."""
    assert event_dates(None, DateEstimate(None, latest="2019-12-31"))[:3] == (None, None, False)


def test_dates_ranged_time_keeps_both_ends():
    text = "last week"
    time = TimeMention(Evidence("d", "text", 0, len(text), text), None, "2018-05-11", "2018-07-03",
                       "range", 0.5, "relative")
    assert event_dates(time, INFERRED)[:3] == ("2018-05-11", "2018-07-03", False)


def test_dates_coded_event_carries_publication_range(annotate):
    doc = annotate("Turkish artillery shelled Afrin.")
    doc._.published = INFERRED
    event = only(code_events(doc), "ASSAULT")
    assert (event.date, event.enddate, event.date_from_publication) == ("2018-05-20", "2018-07-10", True)


def test_dates_a_time_in_the_clause_of_another_verb_dates_nothing_else(annotate):
    """A time belongs to its own clause: "said allies will add ... by 2020" does not date the
    praise, nor "after rebels shelled Afrin on Monday" the bombing; a participle without its
    own subject tells more of the trigger's happening and a clause on its noun describes it."""
    monday = {"on Monday": "2024-03-04"}
    praise = only(code_events(annotate("Russia praised Turkey and said Iran will leave Syria in 2020.",
                                       times={"in 2020": "2020"})), "SUPPORT")
    assert praise.date_from_publication
    bombed = code_events(annotate("Russia bombed Aleppo after rebels shelled Afrin on Monday.", times=monday))
    assert [(e.event_text, e.date_from_publication) for e in bombed] == [("bombed", True), ("shelled", False)]
    killing = only(code_events(annotate("Russia attacked Afrin, killing 12 civilians on Monday.", times=monday)), "ASSAULT")
    assert killing.date == "2024-03-04"
    described = only(code_events(annotate("The attack, which happened on Monday, was Turkish.", times=monday)), "ASSAULT")
    assert described.date == "2024-03-04"


def test_dates_a_when_clause_on_a_time_is_dated_by_it():
    """"a repeat of 2009, when a ground offensive killed 1,400": the offensive is of 2009 (the
    parser hangs the "when" clause on the time), and so history."""
    nlp = default_nlp()
    doc = nlp.make_doc("Leaders do not want to see a repeat of 2009, when a three-week Israeli ground offensive "
                       "resulted in the deaths of at least 1,400 Palestinians.")
    doc._.published = DateEstimate("2012-11-19", precision="day")
    offensive = only(code_events(nlp(doc)), "ASSAULT")
    assert (offensive.date, offensive.aux_mode) == ("2009", ("historical",))


def test_dates_what_a_superlative_is_measured_since_does_not_date_the_act():
    """"the deadliest attack since 2017" happened now, not in 2017; "since September 2015"
    on an ongoing act still says when it began."""
    doc = default_nlp()("It was the deadliest attack on Kabul since 2017, with 80 people killed.")
    assert {e.date for e in code_events(doc)} == {None}
    doc = default_nlp()("It would mark the deadliest such attack on Kabul since Sept. 11, 2001.")
    assert {e.date for e in code_events(doc)} == {None}  # "since" on the verb taking the ranked noun
    doc = default_nlp()("Russia has carried out airstrikes in Syria since September 2015.")
    assert only(code_events(doc), "ASSAULT").date == "2015-09-01"


def test_dates_the_time_of_another_act_noun_dates_only_that_act():
    """"the Sept. 11, 2012 attack" dates the attack, not the call to probe it; a meeting the
    trigger's clause happens in still dates it."""
    doc = default_nlp()("Republican leaders called for a hearing to probe the Sept. 11, 2012 attack in Benghazi.")
    assert only(code_events(doc), "REQUEST").date is None
    doc = default_nlp()("Comey said Trump asked him in the Feb. 14, 2017 meeting to end the investigation of Flynn.")
    assert only(code_events(doc), "REQUEST").date == "2017-02-14"
    doc = default_nlp()("Putin defended his nation's 2014 annexation of Crimea in a speech.")  # a bare year: "nummod"
    assert only(code_events(doc), "SUPPORT").date is None
    nlp = default_nlp()
    doc = nlp.make_doc("Days after the main suspect in the November Paris attacks was arrested in Brussels, police "
                       "raided a flat.")  # a month on a compound of the act noun: "November Paris attacks"
    doc._.published = DateEstimate("2016-03-22", precision="day")
    assert only(code_events(nlp(doc)), "COERCE").date_from_publication
    doc = nlp.make_doc("The attacks came days after the main suspect in the November Paris attacks was arrested in "
                       "Brussels, and even as Brussels was braced for new attacks.")
    doc._.published = DateEstimate("2016-03-22", precision="day")  # an act named as another takes no date of its kind
    new_attacks = max((e for e in code_events(nlp(doc)) if e.event_text == "attacks"),
                      key=lambda e: e.evidence["event"].start)
    assert new_attacks.date_from_publication


def test_dates_the_time_of_another_happening_dates_no_act():
    """A connective phrase's time is its happening's; a main clause's time is not that of
    a "before" clause in it."""
    nlp = default_nlp()
    doc = nlp.make_doc("Following an Aug. 21 chemical attack in Syria, Obama said he would stage a military strike.")
    doc._.published = DateEstimate("2013-09-15", precision="day")
    strike = next(e for e in code_events(nlp(doc)) if e.event_text == "strike")
    assert strike.date != "2013-08-21"
    doc = nlp.make_doc("In the wake of the murder of a staffer in 2016, Israel condemned Hamas in a statement.")
    doc._.published = DateEstimate("2020-05-27", precision="day")
    assert only(code_events(nlp(doc)), "ACCUSE").date_from_publication  # "in the wake of" tells of before
    doc = nlp.make_doc("ABC taped the interview Friday, before the United States and Russia announced an agreement.")
    doc._.published = DateEstimate("2013-09-15", precision="day")
    assert only(code_events(nlp(doc)), "AGREE").date_from_publication


@pytest.mark.parametrize("text", [
    "The militants planned to attack the consulate in memory of the 11 September 2001 attacks on New York.",
    "The militants planned to attack the consulate on the anniversary of the 11 September 2001 attacks.",
    "The attack on the consulate in Benghazi by the militants was revenge for a June 2012 drone strike in Pakistan.",
])
def test_dates_the_time_of_what_an_act_remembers_or_avenges_is_not_its_own(text):
    """"in memory of", "on the anniversary of", "was revenge for": the time is that of the
    happening remembered or avenged, not of the act that does so."""
    nlp = default_nlp()
    doc = nlp.make_doc(text)
    doc._.published = DateEstimate("2012-09-13", precision="day")
    consulate = next(e for e in code_events(nlp(doc)) if "consulate" in e.text and e.event_text.startswith("attack"))
    assert consulate.date_from_publication


def test_dates_an_act_a_clause_remembers_takes_no_time_of_that_clause():
    """"approaching the anniversary of the attack ..., Obama will try Tuesday night": Tuesday
    is the speech's, not the attack's."""
    nlp = default_nlp()
    doc = nlp.make_doc("With America approaching the one-year anniversary of the deadly terrorist attack on the "
                       "U.S. diplomatic post in Benghazi, Mr. Obama will try Tuesday night to rally Americans.")
    doc._.published = DateEstimate("2013-09-09", precision="day")
    assert only(code_events(nlp(doc)), "ASSAULT").date_from_publication



def test_dates_a_time_describing_a_person_beside_a_name_yields_to_the_acts_own():
    nlp = default_nlp()
    doc = nlp.make_doc("Sen. Marco Rubio, a possible 2016 GOP White House contender, criticized Clinton in an "
                       "interview on Thursday.")
    doc._.published = DateEstimate("2013-05-10", precision="day")
    assert only(code_events(nlp(doc)), "ACCUSE").date == "2013-05-09"


def test_dates_a_year_in_a_name_dates_no_act():
    nlp = default_nlp()
    doc = nlp.make_doc("Trump said he will invoke the Insurrection Act of 1807 to deploy the military to the states.")
    doc._.published = DateEstimate("2020-06-02", precision="day")
    assert only(code_events(nlp(doc)), "MOBILIZE").date_from_publication


def test_dates_a_deadline_dates_no_act():
    nlp = default_nlp()
    doc = nlp.make_doc("As negotiations with Iran approach a June 30 deadline, officials are alarmed.")
    doc._.published = DateEstimate("2015-06-01", precision="day")
    negotiations = only(code_events(nlp(doc)), "CONSULT")
    assert (negotiations.date, negotiations.date_from_publication) == ("2015-06-01", True)


def test_dates_a_time_in_a_coordinate_clause_of_its_own_dates_only_that_clause():
    """"launched a strike ... and is preparing for a summit as early as next month": the
    month dates the summit; a bare coordinate ("were killed or wounded on Monday") shares it."""
    doc = default_nlp()("The president launched a military strike on Syria and is preparing for a summit with "
                        "Kim Jong Un in May 2018.")
    assert only(code_events(doc), "CONSULT").date == "2018-05"
    assert only(code_events(doc), "ASSAULT").date is None


def test_dates_the_acts_own_time_beats_the_year_of_a_thing_it_acts_on():
    """"approved the 2018 budget last week": the year dates the budget; last week the approval."""
    nlp = default_nlp()
    doc = nlp.make_doc("The parliament approved the 2018 budget last week.")
    doc._.published = DateEstimate("2017-12-30", precision="day")
    approval = only(code_events(nlp(doc)), "SUPPORT")
    assert (approval.date, approval.enddate) == ("2017-12-18", "2017-12-24")


def test_dates_a_clause_reporting_the_act_dates_the_report():
    """"a second meeting between Sessions and Kislyak, reported by CNN at the end of May":
    the end of May is when CNN reported it, not when they met; "the meeting held on May 5"
    is dated by its clause."""
    nlp = default_nlp()
    doc = nlp.make_doc("He is referring to a second meeting between Sessions and Kislyak during the campaign, "
                       "reported by CNN at the end of May.")
    doc._.published = DateEstimate("2017-06-08", precision="day")
    assert only(code_events(nlp(doc)), "CONSULT").date_from_publication
    doc = nlp.make_doc("The meeting held on May 5 between Kerry and Lavrov went well.")
    doc._.published = DateEstimate("2017-06-08", precision="day")
    assert only(code_events(nlp(doc)), "CONSULT").date == "2017-05-05"

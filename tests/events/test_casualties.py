"""Casualty counts (PLOVER size) read from sentences written for these tests."""
from __future__ import annotations

import pytest

from sitrep.events import code_events
from sitrep.nlp import default_nlp


def sizes(text: str) -> list[tuple[dict, dict]]:
    """(size, size evidence texts) of each ASSAULT coded in `text`."""
    return [(e.size, {k: v.text for k, v in e.evidence.items() if k.startswith("size:")})
            for e in code_events(default_nlp()(text)) if e.event == "ASSAULT"]


def test_casualties_a_count_through_a_partitive():
    assert sizes("All four of the gunmen have been killed in Gwadar, the army said.") == [
        ({"dead": 4.0}, {"size:dead": "four"})]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("A hotel security guard had been killed in Gwadar.", [({"dead": 1.0}, {"size:dead": "A hotel security guard"})]),
        ("Gunmen killed a police officer and wounded two civilians in Kabul.",
         [({"dead": 1.0, "injured": 2.0}, {"size:dead": "a police officer", "size:injured": "two"})]),
        # a named victim is counted by no number in the text, a thing taken by none
        ("Rebels killed Colonel Ahmed Hassan in Idlib.", [({}, {})]),
        ("Rebels captured a town near Aleppo.", [({}, {})]),
    ],
)
def test_casualties_one_indefinite_victim_counts_one(text, expected):
    assert sizes(text) == expected


def test_casualties_a_count_under_another_verb_is_no_casualty():
    """"planted two bombs" under "was captured" counts bombs, not people arrested."""
    found = sizes("Tsarnaev was captured in Boston, days after he planted two bombs near the finish line.")
    assert all("arrested" not in size for size, _ in found)


def test_casualties_places_taken_are_no_captives():
    nlp = default_nlp()
    assert [e.size for e in code_events(nlp("ISIS captured 16 villages in northern Syria."))] == [{}]
    assert [e.size for e in code_events(nlp("Hamas captured two Israeli soldiers in Gaza."))] == [{"arrested": 2.0}]


def test_casualties_doers_told_of_by_a_relative_clause_are_no_victims():
    """"four suicide bombers who killed 52 people": 52 dead; "four soldiers who were
    killed": 4."""
    found = sizes("Investigators identified four suicide bombers who killed 52 people in London.")
    assert {size["dead"] for size, _ in found} == {52.0}
    assert sizes("Police found four soldiers who were killed in the attack.")[0][0] == {"dead": 4.0}


@pytest.mark.parametrize("text, dead", [
    ("The death toll rose to at least 57 after a suicide bomber attacked a voter registration center in Kabul.", 57.0),
    ("Officials say the number of Palestinians killed by Israeli fire on the Gaza border has risen to 37.", 37.0),
    ("The health ministry has raised the number of dead in clashes today to 10 people, with 210 injured.", 10.0),
])
def test_casualties_a_tally_names_what_its_number_counts(text, dead):
    assert {size.get("dead") for size, _ in sizes(text)} == {dead}


def test_casualties_those_killed_along_with_a_victim_are_counted():
    text = "Its founder was killed in a blast in Kandahar last year along with five other members of the group."
    assert sizes(text)[0][0] == {"dead": 5.0}


def test_casualties_a_partitive_of_the_dead_counts_them():
    """The parser hangs "dead" on "most" in "most of the 126 dead"."""
    text = "The minister told reporters that most of the 126 dead were children and teenagers."
    assert sizes(text)[0][0] == {"dead": 126.0}


def test_casualties_counted_in_a_clause_of_another_happening_are_not_the_events():
    """The beheading killed 21; the bombing that came after the video of it killed none we
    are told of."""
    found = sizes("Egyptian jets bombed Derna after ISIS released a video that appeared to show militants "
                  "beheading 21 Egyptian Christians.")
    assert sorted(size.get("dead", 0) for size, _ in found) == [0, 21.0]


def test_casualties_of_an_act_are_not_those_of_one_told_as_before_it():
    """"killing 77, days after the Taliban massacred children": 77 is the strike's; a count on
    no act of its own stays with the act after which it is told ("the toll rose to 57 after
    ... an attack")."""
    found = sizes("Pakistani officials said they struck Taliban targets near the border, killing at least 77 "
                  "militants, days after the Taliban massacred children at a school.")
    assert [size for size, _ in found] == [{"dead": 77.0}, {}]
    found = sizes("The death toll rose to at least 57 after a suicide bomber unleashed an attack in Kabul.")
    assert [size for size, _ in found] == [{"dead": 57.0}]

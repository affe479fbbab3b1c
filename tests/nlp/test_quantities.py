"""Tests for sitrep.nlp.quantities: numbers attached to what they count."""
from __future__ import annotations

import pytest

from sitrep.model import ActorMention
from sitrep.nlp import quantities
from sitrep.nlp.extensions import evidence_of
from sitrep.nlp.quantities import parse_count


@pytest.fixture(scope="module")
def nlp(nlp_base):
    """The shared parser plus this module's component, made by its registered factory."""
    return nlp_base, nlp_base.create_pipe(quantities.FACTORY_NAME)


def parse(nlp, text: str, actors=None):
    parser, component = nlp
    doc = parser(text)
    doc._.doc_id = "doc-q"
    doc._.actors = actors
    doc = component(doc)
    return doc


def by_text(doc) -> dict:
    return {q.evidence.text: q for q in doc._.quantities}


@pytest.mark.parametrize("text, value, low, high, marker", [
    ("more than 20,000", 20000, 20000, None, "minimum"),
    ("at least 9", 9, 9, None, "minimum"),
    ("up to 400", 400, None, 400, "maximum"),
    ("about 3,000", 3000, None, None, "approximate"),
    ("nearly 60", 60, None, 60, "approximate"),
    ("some 1,500", 1500, None, None, "approximate"),
    ("dozens", None, 24, 99, "vague"),
    ("hundreds", None, 200, 999, "vague"),
    ("several thousand", None, 3000, 9000, "vague"),
    ("tens of thousands", None, 20000, 99000, "vague"),
    ("two hundred and forty", 240, 240, 240, "exact"),
    ("1.5 million", 1_500_000, 1_500_000, 1_500_000, "exact"),
    ("a half-dozen", 6, 6, 6, "exact"),
    ("half a dozen", 6, 6, 6, "exact"),
    ("zero", 0, 0, 0, "exact"),
    ("an additional 1,000", 1000, 1000, 1000, "exact"),  # the article of the addition is no "one"
    ("another 1,500", 1500, 1500, 1500, "exact"),
    ("a thousand", 1000, 1000, 1000, "exact"),
])
def test_quantity_finder_parses_counts(text, value, low, high, marker):
    count = parse_count(text)
    assert (count.value, count.low, count.high, count.marker) == (value, low, high, marker)


def test_quantity_finder_rejects_non_numbers():
    assert parse_count("the convoy") is None
    assert parse_count("more") is None  # a word of addition alone counts no one
    assert parse_count("half") is None  # a fraction alone counts no one


def test_quantity_finder_attaches_numbers_to_nouns(nlp):
    text = ("More than 15,000 Afghan and Pakistani fighters crossed the border, while "
            "dozens of gunmen and several thousand border guards waited. Tens of thousands of "
            "conscripts were called up; 4,000 marines landed.")
    found = by_text(parse(nlp, text))
    assert found["More than 15,000"].unit.text == "fighters"
    assert found["More than 15,000"].marker == "minimum"
    assert (found["dozens"].unit.text, found["dozens"].low, found["dozens"].high) == ("gunmen", 24, 99)
    assert found["several thousand"].unit.text == "border guards"
    assert found["Tens of thousands"].unit.text == "conscripts"
    assert found["4,000"].value == 4000 and found["4,000"].unit.text == "marines"


def test_quantity_finder_counts_an_addition(nlp):
    found = by_text(parse(nlp, "Shanahan announced that an additional 1,000 American troops would be deployed."))
    assert (found["an additional 1,000"].value, found["an additional 1,000"].unit.text) == (1000, "troops")


def test_quantity_finder_markers_in_context(nlp):
    text = "At least 7 villagers died and nearly 30 policemen were hurt; hundreds of families fled."
    found = by_text(parse(nlp, text))
    assert found["At least 7"].marker == "minimum" and found["At least 7"].unit.text == "villagers"
    assert found["nearly 30"].high == 30 and found["nearly 30"].unit.text == "policemen"
    assert found["hundreds"].marker == "vague"


@pytest.mark.parametrize("text", [
    "The militia was founded in 1987 and rearmed in 2013.",
    "The strike cost $4 million and destroyed 40 percent of the crops.",
    "A 19-year-old student, aged 19, was detained.",
    "Call the hotline on +44 20 7946 0958 for help.",
    "The shelling hit a village eight km from the front.",
    "Soleimani fought in Operation Dawn 8 in the war with Iraq, he said.",  # a number ending a name
    "ISIS's No. 2 official has been killed, the Pentagon said.",  # a rank, not a count
    "Phase 1 of the agreement was signed less than five months ago.",  # a stage the number names
    # a day before a date the NER took without it
    "They sought revenge in memorial of the 11 September 2001 attacks on the World Trade Center.",
])
def test_quantity_finder_skips_years_money_ratios_ages_phones_distances(nlp, text):
    assert parse(nlp, text)._.quantities == []


def test_quantity_finder_reads_age_cues_as_whole_words(nlp):
    """"staged 24 airstrikes" ends in the letters of "aged" but is a count of strikes."""
    found = by_text(parse(nlp, "The coalition said it had staged 24 airstrikes on the group."))
    assert found["24"].value == 24 and found["24"].unit.text == "airstrikes"


def test_quantity_finder_links_unit_modifiers_to_actors(nlp):
    text = "About 2,000 Hezbollah fighters and 300 Russian advisers arrived."
    doc = nlp[0].make_doc(text)
    start = text.index("Hezbollah")
    actors = [ActorMention(evidence_of(doc, start, start + len("Hezbollah")), "LBN_HEZ"),
              ActorMention(evidence_of(doc, 0, 5), None)]
    found = by_text(parse(nlp, text, actors=actors))
    assert found["About 2,000"].actor_ids == ("LBN_HEZ",)
    assert found["300"].actor_ids == ()


def test_quantity_finder_without_actors_leaves_ids_empty(nlp):
    found = by_text(parse(nlp, "Some 600 Iraqi volunteers arrived.", actors=None))
    assert found["Some 600"].actor_ids == () and found["Some 600"].unit.text == "volunteers"


def test_quantity_finder_evidence_matches_text(nlp):
    text = "Up to 120 prisoners and about 50 guards were moved, and scores of civilians left."
    doc = parse(nlp, text)
    assert len(doc._.quantities) == 3
    for quantity in doc._.quantities:
        for ev in (quantity.evidence, quantity.unit):
            assert ev.layer == "text" and ev.doc_id == "doc-q" and text[ev.start:ev.end] == ev.text


def test_quantity_finder_skips_hyphenated_modifiers(nlp):
    found = by_text(parse(nlp, "Envoys discussed a two-state plan while 35 monitors watched."))
    assert list(found) == ["35"]


def test_quantity_finder_a_year_after_an_owner_dates_the_noun(nlp):
    """"the FBI's 2016 counterintelligence investigation": a year, not 2016 investigations."""
    assert parse(nlp, "The FBI's 2016 counterintelligence investigation began with little evidence.")._.quantities == []


def test_quantity_finder_a_bare_number_before_a_plural_counts_it_whatever_the_ner_says(nlp):
    """"sent 2000 troops": the NER calls the number a date; it counts the troops."""
    found = by_text(parse(nlp, "Iran sent 2000 troops to Syria."))
    assert found["2000"].value == 2000 and found["2000"].unit.text == "troops"

"""Tests of sitrep.clean.inline_widgets: hover cards cut out of the sentences they sit in."""
from __future__ import annotations

from collections import Counter

from sitrep.clean.inline_widgets import hover_card_spans, without_hover_cards
from sitrep.clean.pipeline import clean_batch, extract_page
from sitrep.model import Document

CARD_PAGE = (
    "Democrats pick a new leader\n\n"
    "The fight began in the wake of caucus Chairman Joe Crowley Joseph (Joe) CrowleyThe Democrats' "
    "generational battle Ocasio-Cortez apologizes for blocking ex-politician on Twitter MORE (D-N.Y.) "
    "losing his primary, and House Minority Leader Nancy Pelosi Nancy PelosiOvernight Health Care: "
    "Trump officials making changes | House panel advances ban MORE said the party would unite.\n\n"
    "Sen. John McCain said the vote on the YouTube ban was a mistake, and lawmakers agreed with him "
    "on every point of the bill that MORE members backed.\n"
)


def test_inline_widgets_a_hover_card_is_cut_and_the_name_it_hangs_on_kept():
    spans = hover_card_spans(CARD_PAGE)
    assert [CARD_PAGE[s:e].split()[:2] for s, e in spans] == [["Joseph", "(Joe)"], ["Nancy", "PelosiOvernight"]]


def test_inline_widgets_names_spelt_in_camel_case_are_no_cards():
    assert hover_card_spans("Sen. John McCain said the YouTube ban was a mistake, and MORE members backed it.") == []


def test_inline_widgets_the_clean_text_reads_on_and_maps_to_the_raw_page():
    doc = Document("hill", "hill.txt", CARD_PAGE, "", "text/plain", "utf-8")
    (clean,) = clean_batch([doc])
    assert "Chairman Joe Crowley (D-N.Y.) losing his primary" in clean.text
    assert "Leader Nancy Pelosi said the party would unite" in clean.text
    assert "Overnight" not in clean.text and "MORE (D" not in clean.text
    for segment in clean.segments:
        assert clean.text[segment.text_start:segment.text_start + segment.length] == \
            CARD_PAGE[segment.raw_start:segment.raw_start + segment.length]


def test_inline_widgets_a_page_without_cards_is_left_as_it_is():
    doc = Document("plain", "plain.txt", "Title here\n\nRebels shelled the town on Monday, residents said.\n",
                   "", "text/plain", "utf-8")
    extraction = extract_page(doc, Counter(), 1)
    assert without_hover_cards(extraction) is extraction

"""sitrep's tokenizer rules on top of the model's."""
from __future__ import annotations

import pytest

from sitrep.nlp import default_nlp


@pytest.mark.parametrize("text, tokens", [
    ("the U.S.-led coalition", ["the", "U.S.", "-", "led", "coalition"]),
    ("a U.N.-brokered truce", ["a", "U.N.", "-", "brokered", "truce"]),
    ("the U.S. led the coalition", ["the", "U.S.", "led", "the", "coalition"]),
    ("Mr.-Smith", ["Mr.-Smith"]),  # only a lower-case word after the hyphen is split off
    ("U.S.- and NATO-backed forces", ["U.S.", "-", "and", "NATO", "-", "backed", "forces"]),  # a shared compound
])
def test_tokenizer_splits_a_hyphen_after_an_abbreviation(text, tokens):
    assert [t.text for t in default_nlp().make_doc(text)] == tokens


def test_tokenizer_lets_the_state_in_a_compound_be_resolved():
    doc = default_nlp()("McCain dismissed the U.S.-led airstrikes as pinpricks.")
    assert "USA" in {m.actor_id for m in doc._.actors}


def test_tokenizer_a_shared_compound_names_a_backer_not_a_place():
    doc = default_nlp()("The Taliban advanced against U.S.- and NATO-backed Afghan security forces.")
    assert "USA" in {m.actor_id for m in doc._.actors}
    assert not doc._.places

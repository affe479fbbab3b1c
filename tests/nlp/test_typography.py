"""Curly quotes and apostrophes: the model reads them as straight ones, the text keeps them."""
from __future__ import annotations

from sitrep.events import code_events
from sitrep.nlp import default_nlp


def test_typography_a_curly_word_has_the_features_of_its_straight_spelling_and_keeps_its_text():
    curly, straight = default_nlp()("Trump’s “deal”"), default_nlp()("Trump's \"deal\"")
    features = [[(t.shape_, t.prefix_, t.suffix_, t.norm_) for t in doc] for doc in (curly, straight)]
    assert features[0] == features[1]
    assert curly.text == "Trump’s “deal”"


def test_typography_a_possessive_with_a_curly_apostrophe_does_not_swallow_the_city():
    doc = default_nlp()("Pipe bombs killed two and injured 100 in 1996 at Atlanta’s Centennial Park during the Olympics.")
    assert "Atlanta" in [p.evidence.text for p in doc._.places]
    assert not doc._.actors


def test_typography_a_curly_contraction_negates_the_event():
    text = ("Lewandowski added: “There is no liability to the president, because he didn’t collude, "
            "cooperate, or coordinate with Russia in any way or form.”")
    cooperation = [e for e in code_events(default_nlp()(text)) if e.event == "COOPERATE"]
    assert cooperation and all("negation" in e.aux_mode for e in cooperation)

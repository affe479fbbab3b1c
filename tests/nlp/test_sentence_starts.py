"""Tests for sitrep.nlp.datelines, sentence_starts and casing: a blank line ends a sentence, a
dateline is its own sentence, and the capitalised common noun that opens the sentence after
it is read as a noun."""
from __future__ import annotations

import pytest

from sitrep.nlp import default_nlp
from sitrep.nlp.datelines import dateline_ends, opens_dateline


@pytest.mark.parametrize(("text", "first_words"), [
    ("QUETTA, Pakistan (Reuters) - Gunmen stormed a hotel.", ["Gunmen"]),
    ("BEIRUT, Lebanon -- Israel struck a convoy.", ["Israel"]),
    ("Simi Valley, California (CNN) Jeb Bush spoke.", ["Jeb"]),
    ("(CNN) Aerial bombardments blew apart a hospital.", ["Aerial"]),
    ("Intro line.\nGAZA CITY, Gaza Strip (AP) \u2014 Israeli jets struck.", ["Israeli"]),
    ("Meanwhile - the army advanced.", []),  # one capitalised word and a dash: no dateline
    ("The army said - no.", []),
])
def test_datelines_end_where_their_sentence_starts(text, first_words):
    assert [text[end:].split()[0] for end in dateline_ends(text)] == first_words


def test_datelines_a_dateline_is_its_own_sentence_and_takes_no_part_in_the_next():
    doc = default_nlp()("BEIRUT, Lebanon -- Israel struck a convoy on Monday.")
    assert [s.text for s in doc.sents] == ["BEIRUT, Lebanon --", "Israel struck a convoy on Monday."]
    assert [t.dep_ for t in doc if t.text == "Israel"] == ["nsubj"]


def test_sentence_starts_a_blank_line_ends_a_sentence():
    """A "Read more" link without a full stop would make Macron say what Trump did next."""
    doc = default_nlp()("France has evidence, says Emmanuel Macron – live Read more\n\n"
                        "Donald Trump consulted his top advisers on a response.")
    assert [s.text.strip() for s in doc.sents][-1] == "Donald Trump consulted his top advisers on a response."
    assert [m.actor_id for m in doc._.actors if m.evidence.text == "his"] == ["USA_TRUMP"]


def test_datelines_the_sentence_after_a_dateline_keeps_its_first_word():
    doc = default_nlp()("Doha, Qatar - US officials and Taliban representatives signed an agreement in Doha.")
    assert [s.text for s in doc.sents][1].startswith("US officials")


def test_datelines_the_qualifier_of_a_dateline_place_is_part_of_it():
    text = "QUETTA, Pakistan (Reuters) - Gunmen stormed a hotel in Pakistan."
    start = text.index("Pakistan")
    assert opens_dateline(text, start, start + len("Pakistan"))
    later = text.rindex("Pakistan")
    assert not opens_dateline(text, later, later + len("Pakistan"))


@pytest.mark.parametrize(("text", "word", "lemma"), [
    ("QUETTA, Pakistan (Reuters) - Gunmen stormed a hotel.", "Gunmen", "gunman"),
    ("Rebels shelled the town.", "Rebels", "rebel"),
])
def test_casing_a_sentence_opening_common_noun_is_a_noun(text, word, lemma):
    (token,) = [t for t in default_nlp()(text) if t.text == word]
    assert (token.pos_, token.lemma_) == ("NOUN", lemma)


def test_casing_a_name_stays_a_name():
    (token,) = [t for t in default_nlp()("Quillet said the town was calm.") if t.text == "Quillet"]
    assert token.pos_ == "PROPN"

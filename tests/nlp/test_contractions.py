"""A contracted "has" read back from the passive "is" the parser took it for."""
from __future__ import annotations

import pytest

from sitrep.events import code_events
from sitrep.nlp import default_nlp


def deps(text: str) -> dict[str, str]:
    return {t.text: t.dep_ for t in default_nlp()(text)}


def test_contractions_a_perfect_with_an_object_has_its_subject_as_doer():
    found = deps("Now he's assassinated a senior military official.")
    assert (found["he"], found["'s"]) == ("nsubj", "aux")
    blasted = [e for e in code_events(default_nlp()("Rand Paul spoke. He's blasted Obama in Kentucky."))
               if e.event_text == "blasted"]
    assert [[a.identifier for a in e.actor] for e in blasted] == [["USA_RANDPAUL"]]


@pytest.mark.parametrize("text", [
    "He's wanted by the police in Kabul.",  # a passive without an object stays one
    "He was assassinated in Kabul.",
])
def test_contractions_a_passive_stays_one(text):
    assert "nsubjpass" in deps(text).values()

"""The README is tested: its two set-up commands, its commands list and its PLOVER examples."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
TYPE_ROWS = re.findall(r"^\| ([A-Z]+) \| (\d) \| (.+?) \|$", README, re.M)


def test_docs_readme_opens_with_exactly_two_setup_commands():
    first_block = README.split("```")[1].strip().splitlines()
    assert [line.split("#")[0].strip() for line in first_block] == ["make demo", "make test"]


def test_docs_every_cli_command_is_in_the_readme():
    from sitrep.cli import app

    names = [command.name or command.callback.__name__ for command in app.registered_commands]
    assert names and all(f"sitrep {name}" in README for name in names), names


def test_docs_readme_lists_the_sixteen_plover_types_with_their_quad_codes():
    from sitrep.events.lexicon import load_ontology

    ontology = load_ontology()
    assert len(TYPE_ROWS) == 16
    for name, quad, _ in TYPE_ROWS:
        assert ontology.canonical(name) == name and ontology.events[name].quad == int(quad)


@pytest.mark.parametrize("event_type,sentence", [(name, sentence) for name, _, sentence in TYPE_ROWS])
def test_docs_readme_example_sentence_is_coded_as_its_type(event_type, sentence):
    from sitrep.events import code_events
    from sitrep.nlp import default_nlp

    nlp = default_nlp()
    doc = nlp.make_doc(sentence)
    doc._.doc_id = "readme"
    events = code_events(nlp(doc))
    assert event_type in [event.event for event in events]

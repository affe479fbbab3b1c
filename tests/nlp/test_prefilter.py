"""The sentence prefilter: which sentences get parsed, and offsets that still index the text."""
from __future__ import annotations

import hashlib

import pytest

from sitrep.events import code_events
from sitrep.model import (
    CleanDocument,
    DateEstimate,
    Document,
    Evidence,
    Metadata,
    to_dict,
)
from sitrep.nlp import default_nlp, mentions_of, parse_documents, restore_offsets
from sitrep.nlp.prefilter import excerpt_of, is_candidate, sentence_spans, vocabulary_for
from sitrep.settings import load_settings

PAGE = (
    "The weather in the capital was mild on Sunday. Markets opened late.\n\n"
    "It rained again in the evening. “We will not back down,” he said.\n\n"
    "Iran has sent 3,000 troops into Idlib, the ministry said. The convoy was seen near Aleppo.\n\n"
    "Readers can subscribe to the newsletter for free updates. Cookies help us."
)


def clean_of(text: str) -> CleanDocument:
    doc = Document(id="prefilter-test", source="test", raw_text=text,
                   raw_hash=hashlib.sha256(text.encode()).hexdigest(), media_type="text/plain", encoding="utf-8")
    return CleanDocument(doc=doc, text=text, segments=(),
                         metadata=Metadata(published=DateEstimate("2024-03-06", precision="day", confidence=1.0)))


@pytest.fixture(scope="module")
def vocabulary():
    return vocabulary_for(default_nlp())


def test_prefilter_sentence_spans_cover_the_text():
    spans = sentence_spans(PAGE)
    assert "".join(PAGE[s:e] for s, e in spans) == PAGE
    assert PAGE[spans[0][0] : spans[0][1]].strip() == "The weather in the capital was mild on Sunday."
    assert any(PAGE[s:e].strip() == "“We will not back down,” he said." for s, e in spans)


def test_prefilter_inflected_trigger_selects_sentence(vocabulary):
    assert is_candidate("Iran sent troops.", vocabulary)
    assert is_candidate("Rebels fought in Aleppo.", vocabulary)
    assert not is_candidate("Markets opened late in Paris.", vocabulary)


def test_prefilter_sentence_spans_keep_abbreviations_whole(vocabulary):
    text = "The U.S. military said Gen. Smith left. He was gone. J. Doe met them on Jan. 5 in the U.S. Then it rained."
    sentences = [text[s:e].strip() for s, e in sentence_spans(text, vocabulary.abbreviations)]
    assert sentences == ["The U.S. military said Gen. Smith left.", "He was gone.",
                         "J. Doe met them on Jan. 5 in the U.S. Then it rained."]


def test_prefilter_trigger_needs_the_rows_part_of_speech(vocabulary):
    assert is_candidate("Iran and Iraq signed an accord.", vocabulary)  # "accord" is a noun trigger
    assert not is_candidate("According to the ministry, Iran was calm.", vocabulary)
    assert is_candidate("Protesters press Iran for reforms.", vocabulary)
    assert not is_candidate("The Associated Press contributed to this report.", vocabulary)  # a name's word


def test_prefilter_trigger_needs_its_noun_class(vocabulary):
    assert is_candidate("The ceasefire held near Aleppo.", vocabulary)
    assert is_candidate("The cease-fire held near Aleppo.", vocabulary)
    assert not is_candidate("The line held near Aleppo.", vocabulary)


def test_prefilter_phrase_words_must_be_near(vocabulary):
    assert is_candidate("Iran poured troops into Syria.", vocabulary)
    assert not is_candidate("Iran poured water on the old garden wall, and many of the people of the town "
                            "later walked quietly into Syria.", vocabulary)


def test_prefilter_names_include_first_word_names_and_counts(vocabulary):
    assert is_candidate("Manafort has denied any wrongdoing.", vocabulary)
    assert not is_candidate("Everyone has denied any wrongdoing.", vocabulary)
    assert is_candidate("More than 600 people have been killed.", vocabulary)
    assert not is_candidate("Many people have been killed.", vocabulary)


def test_prefilter_excerpt_keeps_candidates_and_needed_context(vocabulary):
    excerpt = excerpt_of(PAGE, vocabulary)
    assert "sent 3,000 troops into Idlib" in excerpt.text
    assert "The convoy was seen near Aleppo." not in excerpt.text  # no trigger
    assert "“We will not back down,” he said." not in excerpt.text  # no name, and not needed
    assert "It rained again" not in excerpt.text and "Markets opened late." not in excerpt.text
    assert "Cookies help us." not in excerpt.text and "free updates" not in excerpt.text
    for (excerpt_at, text_at), following in zip(excerpt.pieces, excerpt.pieces[1:] + ((len(excerpt.text), None),)):
        length = following[0] - excerpt_at
        assert excerpt.text[excerpt_at : excerpt_at + length] == PAGE[text_at : text_at + length]


def test_prefilter_pronoun_keeps_the_sentence_before(vocabulary):
    text = "Abu Bakr al-Baghdadi was seen in Raqqa on Friday. He ordered an attack on Mosul.\n\n" \
           "The weather was mild. Iran attacked the base near Erbil."
    excerpt = excerpt_of(text, vocabulary).text
    assert "Abu Bakr al-Baghdadi was seen in Raqqa on Friday. He ordered an attack" in excerpt
    assert "Iran attacked the base near Erbil." in excerpt and "The weather was mild." not in excerpt


def test_prefilter_evidence_indexes_the_clean_text(evidence_records):
    with_prefilter, without = evidence_records
    assert with_prefilter["events"], "the troop movement must still be coded"
    for record in with_prefilter["events"] + with_prefilter["mentions"]:
        for evidence in _evidence(record):
            assert PAGE[evidence.start : evidence.end] == evidence.text
    keys = {(e.event, e.evidence["event"].start, e.evidence["event"].end) for e in with_prefilter["events"]}
    assert keys == {(e.event, e.evidence["event"].start, e.evidence["event"].end) for e in without["events"]}
    mobilize = next(e for e in with_prefilter["events"] if e.event == "MOBILIZE")
    assert (mobilize.text_info["start"], mobilize.text_info["end"]) == (mobilize.sentence.start, mobilize.sentence.end)


def test_prefilter_setting_is_read(tmp_path):
    user = tmp_path / "sitrep.toml"
    user.write_text("[nlp]\nprefilter = false\n", encoding="utf-8")
    assert load_settings(user).nlp_prefilter is False
    user.write_text("[nlp]\nprefilter = true\n", encoding="utf-8")
    assert load_settings(user).nlp_prefilter is True


@pytest.fixture(scope="module")
def evidence_records():
    """({"events", "mentions"}) coded with and without the prefilter from PAGE."""
    nlp, clean = default_nlp(), clean_of(PAGE)
    found = []
    for prefilter in (True, False):
        doc = next(parse_documents(nlp, [clean], prefilter=prefilter))
        analysis = restore_offsets(mentions_of(doc), doc, clean.text)
        mentions = [*analysis.actors, *analysis.places, *analysis.times, *analysis.quantities, *analysis.quotes]
        found.append({"events": restore_offsets(code_events(doc), doc, clean.text), "mentions": mentions})
    return found


EVIDENCE_FIELDS = {"doc_id", "layer", "start", "end", "text"}


def _evidence(record):
    """Every text-layer Evidence inside a record, as plain dicts with attribute access."""
    stack = [to_dict(record)]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if set(item) == EVIDENCE_FIELDS and item["layer"] == "text":
                yield Evidence(**item)
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend(item)

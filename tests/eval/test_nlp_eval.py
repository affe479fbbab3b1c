"""The NLP gold-set scorer (eval/nlp_eval.py): overlap matching, P/R arithmetic, the gold
canonical -> KB mapping and the per-kind rules, on hand-made mentions (no spaCy model runs)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from sitrep.clean import clean_documents
from sitrep.kb.actors import Actor, ActorKB, build_indexes
from sitrep.model import (
    ActorMention,
    CleanDocument,
    Evidence,
    Metadata,
    PlaceMention,
    Quote,
    Segment,
)

SCRIPT = Path(__file__).resolve().parents[2] / "eval" / "nlp_eval.py"


@pytest.fixture(scope="module")
def nlp_eval():
    spec = importlib.util.spec_from_file_location("nlp_eval", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["nlp_eval"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def kb():
    """A four-actor KB: a state, its generated-style government, a minister and a group."""
    actors = {a.id: a for a in (
        Actor("ISR", "Israel", "state", "ISR", aliases=("Israel",)),
        Actor("ISR_GOV", "Government of Israel", "government", "ISR", sector="GOV", parent="ISR",
              aliases=("Government of Israel",)),
        Actor("ISR_KATZ", "Israel Katz", "person", "ISR", parent="ISR_GOV", aliases=("Israel Katz", "Katz")),
        Actor("PSE_HAMAS", "Hamas", "militia", "PSE", aliases=("Hamas",)),
    )}
    alias_index, metonyms, forms = build_indexes(actors)
    return ActorKB(actors=actors, alias_index=alias_index, metonym_index=metonyms, adjectives={},
                   plural_demonyms={}, force_nouns={}, agent_verbs=frozenset(),
                   locative_prepositions=frozenset(), anaphors={}, roles={}, alias_forms=forms)


def gold_actor(start, end, surface, canonical, type_, country, affiliation=None):
    return {"start": start, "end": end, "surface": surface, "canonical": canonical, "type": type_,
            "country": country, "affiliation": affiliation}


def test_nlp_eval_overlap_counts_shared_characters(nlp_eval):
    assert nlp_eval.overlap((0, 5), (3, 9)) == 2
    assert nlp_eval.overlap((0, 5), (5, 9)) == 0  # end-exclusive spans that only touch
    assert nlp_eval.overlapping((4, 6), [(0, 5), (5, 9), (7, 8)]) == [0, 1]


def test_nlp_eval_detection_counts_system_and_gold_sides_apart(nlp_eval):
    gold = [(0, 30), (40, 45), (60, 70)]
    system = [(0, 6), (22, 30), (40, 45), (80, 85)]  # gold 0 split in two, gold 2 missed, one extra
    score = nlp_eval.detection_score(gold, system)
    assert (score.system_correct, score.system_total, score.gold_found, score.gold_total) == (3, 4, 2, 3)
    assert score.precision == pytest.approx(0.75)
    assert score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))
    exact = nlp_eval.detection_score(gold, system, exact=True)
    assert (exact.system_correct, exact.gold_found) == (1, 1)


def test_nlp_eval_empty_sides_score_zero_not_error(nlp_eval):
    score = nlp_eval.detection_score([], [])
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)


def test_nlp_eval_link_score_separates_strict_and_on_gold_precision(nlp_eval):
    gold = [(0, 30), (40, 45)]
    system = [(0, 6), (22, 30), (40, 45), (80, 85), (90, 95)]
    resolved = [True, True, True, True, False]
    right = {(0, 1)}  # only the second piece of the split mention links to the gold actor
    link = nlp_eval.link_score(gold, system, resolved, lambda g, s: (g, s) in right)
    assert (link.strict.system_correct, link.strict.system_total) == (1, 4)
    assert (link.on_gold.system_correct, link.on_gold.system_total) == (1, 3)
    assert (link.strict.gold_found, link.strict.gold_total) == (1, 2)
    assert link.accuracy == pytest.approx(0.5) and link.gold_overlapped == 2


def test_nlp_eval_map_canonicals_uses_name_sector_fuzzy_and_reports_gaps(nlp_eval, kb):
    gold = [
        gold_actor(0, 5, "Hamas", "Hamas", "militia", "PSE"),
        gold_actor(0, 9, "Jerusalem", "Government of Israel", "government", "ISR"),
        gold_actor(0, 4, "Tel Aviv officials", "Israeli government", "government", "ISR"),
        gold_actor(0, 12, "Yisrael Katz", "Yisrael Katz", "person", "ISR", "Government of Israel"),
        gold_actor(0, 6, "Haniya", "Ismail Haniyeh", "person", "PSE", "Hamas"),
        gold_actor(0, 6, "Haniya", "Ismail Haniyeh", "person", "PSE", "Hamas"),
    ]
    canon = nlp_eval.map_canonicals(gold, kb)
    assert canon.ids["Hamas"] == {"PSE_HAMAS"} and canon.method["Hamas"] == "name"
    assert canon.ids["Israeli government"] == {"ISR_GOV"} and canon.method["Israeli government"] == "sector"
    assert canon.ids["Yisrael Katz"] == {"ISR_KATZ"} and canon.method["Yisrael Katz"] == "fuzzy"
    assert canon.unmapped() == [("Ismail Haniyeh", 2)]


def test_nlp_eval_person_accepts_organisation_only_through_role_or_coref(nlp_eval, kb):
    katz = gold_actor(0, 30, "Israel's intelligence minister", "Israel Katz", "person", "ISR",
                      "Government of Israel")
    canon = nlp_eval.map_canonicals([katz], kb)
    assert "ISR_GOV" in nlp_eval.accepted_actor_ids(katz, "role:minister", canon, kb)
    assert "ISR_GOV" in nlp_eval.accepted_actor_ids(katz, "coref", canon, kb)
    assert nlp_eval.accepted_actor_ids(katz, "alias", canon, kb) == {"ISR_KATZ"}


@pytest.mark.parametrize("gold, place_id, country, expected", [
    ({"geonameid": 281184, "kind": "city", "country": "IL"}, "geonames:281184", "IL", True),
    ({"geonameid": 281184, "kind": "city", "country": "IL"}, "geonames:293397", "IL", False),
    ({"geonameid": None, "kind": "country", "country": "SY"}, "country:SY", "SY", True),
    ({"geonameid": None, "kind": "country", "country": "SY"}, "region:sy-idlib", "SY", False),
    ({"geonameid": None, "kind": "admin", "country": "SY"}, "admin1:SY.09", "SY", True),
    ({"geonameid": None, "kind": "admin", "country": "SY"}, "geonames:170063", "SY", False),
    ({"geonameid": None, "kind": "region", "country": "PS"}, "region:ps-gaza-strip", "PS", True),
    ({"geonameid": None, "kind": "region", "country": "PS"}, "region:il-negev", "IL", False),
    ({"geonameid": None, "kind": "other", "country": None}, "region:red-sea", None, True),
    ({"geonameid": None, "kind": "country", "country": "NG"}, None, None, False),
])
def test_nlp_eval_place_rules(nlp_eval, gold, place_id, country, expected):
    assert nlp_eval.place_is_correct(gold, place_id, country) is expected


def test_nlp_eval_quote_pairing_prefers_most_overlap_then_right_speaker(nlp_eval):
    gold_content = [(10, 50), (100, 120)]
    system_content = [(0, 20), (12, 50), (12, 50), (200, 210)]
    speaker_right = lambda g, s: s == 2  # noqa: E731 - the relay (s=1) and the inner quote tie
    assert nlp_eval.pair_quotes(gold_content, system_content, speaker_right) == [2, None]


def test_nlp_eval_speaker_matches_span_same_actor_or_id(nlp_eval):
    gold = {"speaker_start": 60, "speaker_end": 63}  # "she"
    accepted = frozenset({"USA_HALEY"})
    assert nlp_eval.speaker_is_correct(gold, (60, 63), None, accepted)
    assert nlp_eval.speaker_is_correct(gold, (0, 14), None, accepted, same_actor=[(0, 14)])
    assert nlp_eval.speaker_is_correct(gold, None, "USA_HALEY", accepted)
    assert not nlp_eval.speaker_is_correct(gold, (0, 14), "USA_GOV", accepted)
    assert not nlp_eval.speaker_is_correct(gold, None, None, accepted)


def test_nlp_eval_evaluate_keeps_articles_apart(nlp_eval, kb):
    """Offsets restart in every article: a system span must only meet gold spans of its own."""
    text_a, text_b = "Hamas said it fired rockets at Jerusalem.", "Israel said nothing."
    articles = {"a": {"text": text_a}, "b": {"text": text_b}}
    gold = [
        {"article_id": "a", "actors": [gold_actor(0, 5, "Hamas", "Hamas", "militia", "PSE")],
         "places": [{"start": 31, "end": 40, "surface": "Jerusalem", "name": "Jerusalem", "country": "IL",
                     "geonameid": 281184, "kind": "city"}],
         "quotes": [{"content_start": 11, "content_end": 40, "speaker_start": 0, "speaker_end": 5,
                     "speaker_surface": "Hamas", "speaker_canonical": "Hamas", "cue": "said",
                     "cue_start": 6, "cue_end": 10, "kind": "indirect", "chain": ["Hamas"]}]},
        {"article_id": "b", "actors": [], "places": [], "quotes": []},
    ]

    def ev(doc, start, end, text):
        return Evidence(doc, "text", start, end, text[start:end])

    outputs = [
        nlp_eval.SystemOutput(
            actors=[ActorMention(ev("a", 0, 5, text_a), "PSE_HAMAS", via="alias")],
            places=[PlaceMention(ev("a", 31, 40, text_a), "geonames:281184", country_code="IL")],
            quotes=[Quote(ev("a", 11, 40, text_a), ev("a", 0, 5, text_a), "PSE_HAMAS", kind="indirect")]),
        nlp_eval.SystemOutput(  # overlaps the offsets of article a's gold, in another article
            actors=[ActorMention(ev("b", 0, 6, text_b), "ISR", via="alias")], places=[], quotes=[]),
    ]
    result = nlp_eval.evaluate(gold, outputs, articles, kb)
    detection = result["scores"]["actors"]["detection (overlap)"]
    assert (detection.system_correct, detection.system_total, detection.gold_found) == (1, 2, 1)
    assert result["scores"]["actors"]["resolution (all resolved)"].precision == pytest.approx(0.5)
    assert result["accuracy"]["places"]["accuracy on overlapped gold places *"] == (1.0, 1)
    assert result["accuracy"]["quotes"]["speaker accuracy (paired gold quotes) *"] == (1.0, 1)
    assert "Israel" in result["errors"]["actors"]["spurious (FP)"]


# A page as the dev corpus stores it: a photo caption and a share line around two paragraphs.
PAGE = ("Image copyright AFP Image caption Hamas fighters parade in Gaza\n\n"
        "Hamas said on Monday it had fired rockets at Israel after an air strike killed two of its "
        "members in the north of the Gaza Strip.\n\n"
        "Israel's military said it had intercepted most of them and struck back at launch sites "
        "across the territory.\n\nRead or Share this story: http://usat.ly/xyz")


def test_nlp_eval_real_clean_text_maps_back_to_raw_offsets(nlp_eval):
    """The clean stage drops the caption and share line; every word of the clean text maps
    back to the same characters of the page, and a span over the paragraph break too."""
    article = {"id": "a", "text": PAGE, "title": "Hamas fires rockets", "date": "2020-01-02", "url": None}
    document = nlp_eval.document_of(article, "articles.jsonl#id=a")
    assert document.raw_text == PAGE and document.hints == {"title": "Hamas fires rockets", "date": "2020-01-02"}
    clean = clean_documents([document])[0]
    assert "caption" not in clean.text and clean.text.startswith("Hamas said")
    for word in ("Hamas", "Israel's military", "Gaza Strip", "territory"):
        start = clean.text.index(word)
        raw = nlp_eval.raw_span(clean, start, start + len(word))
        assert PAGE[raw[0]:raw[1]] == word
    across = nlp_eval.raw_span(clean, clean.text.index("Strip."), clean.text.index("Israel's") + 6)
    assert PAGE[across[0]:across[1]] == "Strip.\n\nIsrael"
    break_only = clean.text.index("\n\n")
    assert nlp_eval.raw_span(clean, break_only, break_only + 2) is None  # the break is in no segment
    kept = nlp_eval.kept_raw_spans(clean)
    caption_hamas = PAGE.index("Hamas fighters")
    assert not nlp_eval.overlapping((caption_hamas, caption_hamas + 5), kept)
    assert nlp_eval.overlapping((PAGE.index("Hamas said"), PAGE.index("Hamas said") + 5), kept)


def test_nlp_eval_to_raw_layer_drops_unmapped_spans_and_counts_them(nlp_eval):
    raw = "Photo: AP\n\nHamas said it fired.\n\nIsrael replied."
    text = "Hamas said it fired. Israel replied."  # the break rewritten: that character has no raw offset
    segments = (Segment(0, raw.index("Hamas"), 20), Segment(20, None, 1), Segment(21, raw.index("Israel"), 15))
    clean = CleanDocument(doc=nlp_eval.document_of({"text": raw}, "x"), text=text, segments=segments,
                          metadata=Metadata())

    def ev(start, end):
        return Evidence("a", "text", start, end, text[start:end])

    output = nlp_eval.to_raw_layer(
        clean,
        actors=[ActorMention(ev(0, 5), "PSE_HAMAS", via="alias"), ActorMention(ev(21, 27), "ISR", via="alias"),
                ActorMention(ev(19, 21), None)],  # ". " ends on the unmapped character
        places=[],
        quotes=[Quote(ev(11, 19), ev(0, 5), "PSE_HAMAS", kind="indirect"), Quote(ev(20, 27), None)])
    assert [(m.evidence.layer, m.evidence.text, m.evidence.start) for m in output.actors] == [
        ("raw", "Hamas", raw.index("Hamas")), ("raw", "Israel", raw.index("Israel"))]
    assert output.quotes[0].speaker.start == raw.index("Hamas") and output.quotes[0].content.text == "it fired"
    assert output.unmapped == {"actors": 1, "quotes": 1}
    assert output.kept == ((raw.index("Hamas"), raw.index("Hamas") + 20), (raw.index("Israel"), len(raw)))


def test_nlp_eval_gold_removed_by_clean_is_left_out_of_r_but_not_r_all(nlp_eval, kb):
    text = "Photo: Hamas\n\nIsrael said Hamas fired."
    kept = ((text.index("Israel"), len(text)),)
    hamas = text.index("Hamas fired")
    gold = [{"article_id": "a", "places": [], "quotes": [], "actors": [
        gold_actor(7, 12, "Hamas", "Hamas", "militia", "PSE"),  # in the caption clean removed
        gold_actor(14, 20, "Israel", "Israel", "state", "ISR"),
        gold_actor(hamas, hamas + 5, "Hamas", "Hamas", "militia", "PSE")]}]
    mention = ActorMention(Evidence("a", "raw", 14, 20, "Israel"), "ISR", via="alias")
    outputs = [nlp_eval.SystemOutput(actors=[mention], places=[], quotes=[], kept=kept)]
    result = nlp_eval.evaluate(gold, outputs, {"a": {"text": text}}, kb)
    detection = result["scores"]["actors"]["detection (overlap)"]
    assert (detection.gold_total, detection.gold_removed, detection.gold_found) == (3, 1, 1)
    assert detection.recall == pytest.approx(1 / 2) and detection.recall_all == pytest.approx(1 / 3)
    assert result["removed"]["actors"] == 1
    assert result["errors"]["actors"]["removed by clean"] == {"Hamas": 1}
    assert result["errors"]["actors"]["missed (FN)"] == {"Hamas": 1}  # the kept one only


def test_nlp_eval_anaphors_are_left_out_of_one_precision_only(nlp_eval, kb):
    text = "Hamas said the group fired."
    gold = [{"article_id": "a", "places": [], "quotes": [],
             "actors": [gold_actor(0, 5, "Hamas", "Hamas", "militia", "PSE")]}]
    mentions = [ActorMention(Evidence("a", "raw", 0, 5, "Hamas"), "PSE_HAMAS", via="alias"),
                ActorMention(Evidence("a", "raw", 11, 20, "the group"), "PSE_HAMAS", via="anaphor")]
    outputs = [nlp_eval.SystemOutput(actors=mentions, places=[], quotes=[])]
    scores = nlp_eval.evaluate(gold, outputs, {"a": {"text": text}}, kb)["scores"]["actors"]
    assert scores["resolution (all resolved)"].precision == pytest.approx(0.5)
    assert scores["resolution, anaphors left out *"].precision == pytest.approx(1.0)

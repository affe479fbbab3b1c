"""Near-duplicate classes, the persisted signatures and the LSH index."""
from __future__ import annotations

from sitrep.corpus.near_dups import (
    NearDupIndex,
    classify,
    earliest_of,
    signature,
    signature_from_bytes,
)

ARTICLE = (
    "Government forces shelled the northern town overnight, killing at least twelve civilians, a monitoring "
    "group said on Tuesday. The strikes hit a market and a school that had been turned into a shelter for "
    "families who fled fighting further south. Rescue workers said they were still pulling people from the "
    "rubble in the morning. The opposition accused the army of targeting residential areas, while state media "
    "said troops had struck positions of armed groups. Aid agencies warned that hospitals in the province were "
    "overwhelmed and short of fuel, and called on all sides to allow convoys through the front lines."
)
OTHER = (
    "The central bank raised interest rates by half a point on Thursday, its third increase this year, as "
    "inflation stayed well above target. The governor told reporters that price growth had broadened from "
    "energy to services and wages, and that further moves could not be ruled out. Markets had expected the "
    "decision, and the currency barely moved after the announcement."
)


def test_near_dups_identical_ignores_spacing_and_punctuation():
    kind, score = classify(ARTICLE, "  " + ARTICLE.replace(", ", " , ").replace(".", " .") + "\n")
    assert (kind, score) == ("identical", 1.0)


def test_near_dups_copy_with_boilerplate_and_truncation_is_syndicated():
    wire_copy = "Share this article\nSubscribe to our newsletter\n" + ARTICLE[: len(ARTICLE) * 2 // 3]
    kind, score = classify(wire_copy, ARTICLE)
    assert kind == "syndicated" and score >= 0.8


def test_near_dups_partial_rewrite_and_unrelated_text():
    sentences = ARTICLE.split(". ")
    rewrite = ". ".join([sentences[3], "A local official put the toll higher, at twenty dead, and blamed "
                         "artillery fired from hills held by the army since last spring", sentences[0],
                         "Residents said the shelling went on until dawn and that many families left on foot"])
    assert classify(rewrite, ARTICLE)[0] == "rewrite"
    assert classify(OTHER, ARTICLE)[0] is None


def test_near_dups_index_from_stored_signatures_finds_a_later_copy():
    stored = signature("a", ARTICLE)
    restored = signature_from_bytes("a", stored.text_hash, stored.n_shingles, stored.to_bytes())
    index = NearDupIndex([restored, signature("b", OTHER)])
    copy = signature("c", ARTICLE + " Reporting by a staff correspondent.")
    assert index.candidates(copy) == {"a"}
    assert index.candidates(signature("d", ARTICLE)) == {"a"}          # exact copy, by hash as well


def test_near_dups_earliest_needs_two_different_dates():
    assert earliest_of("a", "2015-03-10", "b", "2015-03-09") == "b"
    assert earliest_of("a", "2015-03-10", "b", None) is None
    assert earliest_of("a", "2015-03-10", "b", "2015-03-10") is None

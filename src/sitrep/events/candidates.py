"""The cheap first stage: which sentences are worth a dependency-based look at all.

A sentence is a candidate when (1) one of its tokens can start a trigger of the lexicon and
(2) it holds at least one resolved actor or resolved place. Both tests are set lookups and
offset comparisons, so most of a page's sentences are dropped before any tree walking.
The mentions of each candidate are bucketed here once, so later steps never rescan the doc.
"""
from __future__ import annotations

import logging
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from spacy.tokens import Doc, Span

from sitrep.model import ActorMention, PlaceMention, Quantity, Quote, TimeMention

logger = logging.getLogger(__name__)

MentionT = TypeVar("MentionT")


@dataclass(frozen=True, slots=True)
class SentenceMentions:
    """What the NLP components found inside one sentence (by evidence start offset)."""

    actors: tuple[ActorMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    times: tuple[TimeMention, ...] = ()
    quantities: tuple[Quantity, ...] = ()


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence that passed the cheap filter, with its sequence number and mentions."""

    index: int
    sent: Span
    mentions: SentenceMentions


def doc_mentions(doc: Doc, name: str) -> list:
    """`doc._.<name>` as a list (empty when the component did not run)."""
    return list(getattr(doc._, name, None) or ())


def _bucket(mentions: Iterable[MentionT], starts: Sequence[int], count: int) -> list[list[MentionT]]:
    """Mentions grouped by the sentence whose start offset precedes theirs."""
    buckets: list[list[MentionT]] = [[] for _ in range(count)]
    for mention in mentions:
        position = bisect_right(starts, mention.evidence.start) - 1
        if position >= 0:
            buckets[position].append(mention)
    return buckets


def has_trigger_word(sent: Span, first_words: frozenset[str]) -> bool:
    """True when some token's lemma or lower-case form can start a trigger."""
    return any(token.lemma_.lower() in first_words or token.lower_ in first_words for token in sent)


def candidate_sentences(doc: Doc, first_words: frozenset[str]) -> list[Candidate]:
    """The sentences of `doc` with a trigger word and a resolved actor or place.

    doc (Doc): parsed doc with `doc._.actors/places/times/quantities` set (missing = empty).
    first_words (frozenset): the trigger lexicon's first words.
    RETURNS (list[Candidate]): in text order.
    """
    sents = list(doc.sents)
    starts = [sent.start_char for sent in sents]
    actors = _bucket(doc_mentions(doc, "actors"), starts, len(sents))
    places = _bucket(doc_mentions(doc, "places"), starts, len(sents))
    times = _bucket(doc_mentions(doc, "times"), starts, len(sents))
    quantities = _bucket(doc_mentions(doc, "quantities"), starts, len(sents))
    candidates = []
    for index, sent in enumerate(sents):
        resolved = any(m.actor_id for m in actors[index]) or any(p.place_id for p in places[index])
        if not resolved or not has_trigger_word(sent, first_words):
            continue
        mentions = SentenceMentions(
            tuple(actors[index]), tuple(places[index]), tuple(times[index]), tuple(quantities[index])
        )
        candidates.append(Candidate(index, sent, mentions))
    logger.debug("%s of %s sentences are event candidates", len(candidates), len(sents))
    return candidates


def quotes_covering(quotes: Sequence[Quote], offset: int) -> list[Quote]:
    """The quotes whose content span contains character `offset`, innermost last."""
    covering = [q for q in quotes if q.content.start <= offset < q.content.end]
    return sorted(covering, key=lambda q: q.content.end - q.content.start, reverse=True)

"""The cheap first stage: which sentences are worth a dependency-based look at all.

A sentence is a candidate when (1) one of its tokens can start a trigger of the lexicon and
(2) it names something an event can be anchored to: an actor (resolved or not), a place, a
count, a resolved time ("119 people were injured") or a kind of participant ("the abductors"). Both tests are set lookups and
offset comparisons, so most of a page's sentences are dropped before any tree walking.
The mentions of each candidate are bucketed here once, so later steps never rescan the doc.
"""
from __future__ import annotations

import logging
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from spacy.tokens import Doc, Span

from sitrep.events.lexicon import NOMINAL_POS, token_forms
from sitrep.model import ActorMention, PlaceMention, Quantity, Quote, TimeMention
from sitrep.nlp.arbiter import MODIFIER_DEPS
from sitrep.nlp.datelines import dateline_ends, is_dateline_credit
from sitrep.nlp.sentence_starts import PARAGRAPH_BREAK

logger = logging.getLogger(__name__)

MentionT = TypeVar("MentionT")
STATE_ENTITY_LABELS = frozenset({"GPE", "NORP"})


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
    """True when some token can start a trigger (by one of its `token_forms`)."""
    return any(not token_forms(token).isdisjoint(first_words) for token in sent)


def sentence_pieces(doc: Doc) -> list[Span]:
    """The parser's sentences, cut again at paragraph breaks, a dateline joined again to the
    sentence it opens.

    A headline or caption without a full stop runs into the next paragraph in the parse
    ("... Attack In Nigeria\n\nAmnesty International has released ..."); a blank line
    always ends a sentence, so the two are coded (and merged) separately. The parser reads
    a dateline as a sentence of its own (`nlp.datelines`), but it still tells where the
    sentence after it was filed from ("KABUL, Afghanistan (AP) — Gunmen opened fire").
    """
    pieces = []
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if token.is_space and PARAGRAPH_BREAK in token.text:
                if token.i > start:
                    pieces.append(doc[start : token.i])
                start = token.i + 1
        if sent.end > start:
            pieces.append(doc[start : sent.end])
    pieces = [piece for piece in pieces if not all(token.is_space for token in piece)]
    after_datelines = set(dateline_ends(doc.text))
    joined: list[Span] = []
    for piece in pieces:
        if joined and piece.start_char in after_datelines and joined[-1].end == piece.start:
            joined[-1] = doc[joined[-1].start : piece.end]
        else:
            joined.append(piece)
    return joined


def _names_the_doer_of_an_act(sent: Span, first_words: frozenset[str]) -> bool:
    """Whether a state or nationality qualifies a trigger word ("the U.S. airstrike",
    "a Turkish invasion"): the arbiter leaves a name on those arcs (`MODIFIER_DEPS`) to the
    coder, which reads it as the act's doer."""
    return any(token.ent_type_ in STATE_ENTITY_LABELS and token.dep_ in MODIFIER_DEPS
               and not token_forms(token.head).isdisjoint(first_words) for token in sent)


def has_participant_word(sent: Span, participant_words: frozenset[str]) -> bool:
    """True when some noun's lemma or form names a kind of participant ("gunmen", "police")."""
    return any(token.pos_ in NOMINAL_POS and (token.lemma_.lower() in participant_words
                                                  or token.lower_ in participant_words) for token in sent)


def candidate_sentences(
    doc: Doc, first_words: frozenset[str], participant_words: frozenset[str] = frozenset()
) -> list[Candidate]:
    """The sentences of `doc` with a trigger word and an actor, place, count or time, a
    state qualifying a trigger word (`_names_the_doer_of_an_act`), or a noun naming a kind
    of participant ("The abductors demanded a ransom").

    doc (Doc): parsed doc with `doc._.actors/places/times/quantities` set (missing = empty).
    first_words (frozenset): the trigger lexicon's first words.
    participant_words (frozenset): lemmas/forms of participant nouns (the actor KB's).
    RETURNS (list[Candidate]): in text order.
    """
    sents = sentence_pieces(doc)
    starts = [sent.start_char for sent in sents]
    text = doc.text
    actors = _bucket([m for m in doc_mentions(doc, "actors")
                       if not is_dateline_credit(text, m.evidence.start, m.evidence.end)], starts, len(sents))
    places = _bucket(doc_mentions(doc, "places"), starts, len(sents))
    times = _bucket(doc_mentions(doc, "times"), starts, len(sents))
    quantities = _bucket(doc_mentions(doc, "quantities"), starts, len(sents))
    candidates = []
    for index, sent in enumerate(sents):
        named = actors[index] or places[index] or any(q.value is not None for q in quantities[index]) or any(
            t.value for t in times[index]
        ) or _names_the_doer_of_an_act(sent, first_words)
        if not has_trigger_word(sent, first_words) or not (named or has_participant_word(sent, participant_words)):
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


def within_speech(mentions: SentenceMentions, quotes: Sequence[Quote], offset: int) -> SentenceMentions:
    """`mentions` with only the places inside the innermost quote covering `offset`: a place in
    the frame around reported speech ("she said during a visit to Prague that ... chemical
    weapons") says where it was said, not where what it tells happened."""
    covering = quotes_covering(quotes, offset)
    if not covering:
        return mentions
    content = covering[-1].content
    return replace(mentions, places=tuple(p for p in mentions.places
                                          if content.start <= p.evidence.start < content.end))


def without_reporters(mentions: SentenceMentions, quotes: Sequence[Quote], offset: int) -> SentenceMentions:
    """`mentions` less the actors that are the speaker of a quote covering `offset`: who tells
    of a happening is not whom it befalls, wherever the parse hangs the name ("Taliban
    fighters attacked three outposts, killing 10 soldiers, a council member, Safiullah Amiri,
    said"). The speaker may be its doer ("by asking for the name ... , Rice said")."""
    speakers = [q.speaker for q in quotes_covering(quotes, offset) if q.speaker is not None]
    return replace(mentions, actors=tuple(a for a in mentions.actors
                                          if not any(s.start <= a.evidence.start < s.end for s in speakers)))

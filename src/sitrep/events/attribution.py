"""Who asserts an event: the outlet, then the sources it cites, outermost first.

"Russia sent troops, the ministry said" in outlet X gives X -> "the ministry". A sentence
inside a `Quote` takes the quote's source chain and speaker; otherwise the subject of the
reporting verb (or the object of "according to") found by the aux-mode step is the speaker.

A statement is not "reported" by its own speaker: "X called on Y, X said" is X's call, which
the outlet asserts; nor is an event named inside the speaker's own phrase ("Leggett, who
called on the group ..., added that ...") reported by that speaker (`without_own_reports`).
Inside a quote, "we" and "I" are its speaker ("'We request that India withdraws,' he said":
`quoted_self`); a statement that names no maker is its cited speaker's (`speaker_actors`).
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from sitrep.events.candidates import quotes_covering
from sitrep.events.fields import phrase_actors
from sitrep.events.modes import AuxModeHit
from sitrep.model import ActorMention, AttributionLink, Evidence, Quote
from sitrep.nlp.extensions import evidence_of

logger = logging.getLogger(__name__)

SPEAKER_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})
FIRST_PERSON = frozenset({"i", "we"})
SPEAKER_VIA = "speaker of the quote"
ACCORDING = "accord"
# Arcs inside a noun phrase, climbed from its last word to its head.
NOUN_PHRASE_DEPS = frozenset({"pobj", "prep", "compound", "amod", "det", "poss"})


def _source_phrase(reporter: Token) -> Token | None:
    """The phrase naming who reports: the verb's subject, or the object of "according to".

    A verb the parser left without a subject ("..., a spokesman for the group said") takes
    the apposition that ends right before it.
    """
    subjects = [c for c in reporter.children if c.dep_ in SPEAKER_DEPS]
    if subjects:
        return subjects[0]
    if reporter.pos_ != "VERB" or reporter.lemma_.lower() == ACCORDING:
        return next((t for t in reporter.subtree if t.dep_ == "pobj"), None)
    if reporter.i == 0:
        return None
    token = reporter.doc[reporter.i - 1]
    while token.dep_ in NOUN_PHRASE_DEPS and token.head.i < reporter.i:
        token = token.head
    return token if token.dep_ == "appos" else None


def _speaker_link(doc: Doc, reporter: Token, actors: Sequence[ActorMention]) -> AttributionLink | None:
    phrase = _source_phrase(reporter)
    if phrase is None:
        return None
    start, end = phrase.left_edge.idx, phrase.right_edge.idx + len(phrase.right_edge.text)
    # a name the parse split ("As" + "Safir") is never cut: widen to the mentions it overlaps
    for actor in actors:
        if actor.evidence.start < end and start < actor.evidence.end:
            start, end = min(start, actor.evidence.start), max(end, actor.evidence.end)
    inside = [a for a in actors if start <= a.evidence.start and a.evidence.end <= end and a.actor_id]
    identifier = inside[0].actor_id if inside else None
    return AttributionLink(doc.text[start:end], identifier, "speaker", evidence_of(doc, start, end))


def attribution_chain(
    doc: Doc,
    trigger: Token,
    modes: Sequence[AuxModeHit],
    quotes: Sequence[Quote],
    actors: Sequence[ActorMention],
    outlet: str | None,
) -> tuple[AttributionLink, ...]:
    """The chain of voices asserting the event at `trigger`, outlet first.

    modes: the event's aux-mode hits (a "reported" hit names the reporting word).
    RETURNS: empty when there is neither an outlet nor a cited source.
    """
    links: list[AttributionLink] = []
    if outlet:
        links.append(AttributionLink(outlet, None, "outlet"))
    for quote in quotes_covering(quotes, trigger.idx):
        links += [AttributionLink(span.text, actor_id, kind, span) for span, actor_id, kind in quote.sources]
        if quote.speaker is not None:
            links.append(AttributionLink(quote.speaker.text, quote.speaker_id, "speaker", quote.speaker))
    if len(links) <= bool(outlet):
        for hit in modes:
            if hit.mode == "reported" and hit.token_i is not None:
                link = _speaker_link(doc, doc[hit.token_i], actors)
                if link is not None:
                    links.append(link)
                    break
    distinct: list[AttributionLink] = []
    for link in links:
        if all(link.text != seen.text for seen in distinct):
            distinct.append(link)
    return tuple(distinct)


def _identity(mention: ActorMention) -> str:
    return mention.actor_id or mention.evidence.text.lower()


def _speaker_identities(phrase: Token, actors: Sequence[ActorMention]) -> set[str]:
    return {_identity(m) for m in phrase_actors(phrase, actors)}


def without_own_reports(
    doc: Doc,
    trigger: Token,
    modes: Sequence[AuxModeHit],
    quotes: Sequence[Quote],
    sentence_actors: Sequence[ActorMention],
    event_actors: Sequence[ActorMention],
    verbal: bool,
) -> tuple[AuxModeHit, ...]:
    """`modes` less a "reported" that only names the event's own speaker.

    A reporting verb does not report what its own subject phrase says ("Leggett, who called
    on ..., added"), and a verbal event (a call, an accusation, a pledge) whose actor is the
    speaker is the saying itself, asserted by the outlet.
    """
    actor_keys = {_identity(a) for a in event_actors}
    own = False
    for hit in modes:
        if hit.mode != "reported":
            continue
        if hit.token_i is not None:
            phrase = _source_phrase(doc[hit.token_i])
            if phrase is None:
                continue
            inside = phrase.left_edge.i <= trigger.i <= phrase.right_edge.i
            own = own or inside or (verbal and bool(actor_keys & _speaker_identities(phrase, sentence_actors)))
        elif verbal:
            for quote in quotes_covering(quotes, trigger.idx):
                speakers = {quote.speaker_id} | {actor_id for _, actor_id, _ in quote.sources}
                if quote.speaker is not None:
                    speakers |= {_identity(a) for a in sentence_actors
                                 if a.evidence.start < quote.speaker.end and quote.speaker.start < a.evidence.end}
                own = own or bool(actor_keys & (speakers - {None}))
    if not own:
        return tuple(modes)
    return tuple(hit for hit in modes if hit.mode != "reported")


def _named_at(span: Evidence, identifier: str | None, doc_actors: Sequence[ActorMention]) -> list[ActorMention]:
    """The resolved actor mention on `span` (of `identifier` when given), as the speaker."""
    for actor in doc_actors:
        if actor.actor_id and identifier in (None, actor.actor_id) \
                and actor.evidence.start < span.end and span.start < actor.evidence.end:
            return [replace(actor, via=f"{actor.via}+{SPEAKER_VIA}")]
    return []


def quoted_self(phrases: Sequence[Token], quotes: Sequence[Quote], doc_actors: Sequence[ActorMention]) -> list[ActorMention]:
    """The quote's speaker for a first-person actor phrase inside the quote ("'We request ...,'
    he said" -> the actor "he" resolves to), cited by the speaker's words; else nothing. The
    innermost quote with a speaker says who "we" are: one who relays it is not ("'We will
    never stop,' he said, according to ITV News": not ITV), so a speaker no actor names
    leaves the actor unknown."""
    for phrase in (p for p in phrases if p.lower_ in FIRST_PERSON):
        speaker = next((q.speaker for q in reversed(quotes_covering(quotes, phrase.idx)) if q.speaker is not None), None)
        if speaker is not None:
            return _named_at(speaker, None, doc_actors)
    return []


def speaker_actors(doc: Doc, trigger: Token, modes: Sequence[AuxModeHit], quotes: Sequence[Quote],
                   doc_actors: Sequence[ActorMention]) -> list[ActorMention]:
    """Who makes a statement that names no maker of its own: its innermost cited speaker ("She
    said that Hamas was to blame": she blames), cited by the speaker's words; else nothing.
    The links outside it only relay the statement ("an official told CNN": CNN makes nothing),
    so an innermost speaker no actor names leaves the maker unknown."""
    chain = attribution_chain(doc, trigger, modes, quotes, doc_actors, None)
    cited = [link for link in chain if link.evidence is not None]
    if not cited or not cited[-1].identifier:
        return []
    return _named_at(cited[-1].evidence, cited[-1].identifier, doc_actors)

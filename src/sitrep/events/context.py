"""Places from context: a happening placed once keeps its place in the next sentences.

A lead names where an attack happened; the sentences after it go on about it without
repeating the place ("He said 119 people were injured in the attack"; "the two sides
disengaged" after the clash). A material event (PLOVER quads 2 and 4) with no place of its
own takes the place of the latest earlier material event placed by its own words, within a
few sentences of them, whatever its category, with lower confidence, when both are asserted
alike (a goal, "the aim is to deploy 10,000 more", is not the deployment before it; what
history tells, "the killing of bin Laden in 2011", is not placed by today's news), nor
in a town or a site when both are dated by their own words to different months. Its
evidence stays the earlier place mention, so the value still cites the words that name it.
A place carried into an event is not carried on from it: passed from event to event it
would travel the whole article ("the talks in Doha" placing a fight told ten sentences
on). Nor is a name the gazetteer lacks ("the Jnah district", a ship, a person taken for a
place): the known place before it stays the context. Nor is a place carried into a sentence
that places a happening of its own: the coder had a reason to keep the event from that place,
and one told sentences before is no likelier. Verbal events are never placed from context: a
statement happens where it is made, which the text rarely says; nor are categories decided far
from any scene (`EventType.no_context_place`: sanctions); nor is an act done to a whole state
placed in another country ("their attack on America" after "we invaded Afghanistan").
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from sitrep.events.lexicon import Ontology
from sitrep.events.merge import unhappened_modes
from sitrep.events.units import STATE
from sitrep.kb.actors import ActorKB, iso3_of
from sitrep.model import Event, EventLocation

logger = logging.getLogger(__name__)

# How many sentences a place carries over, and how much less sure a carried place is. A
# story about one attack goes on about it for paragraphs: on the gold sets 8 sentences placed
# more events right than 3 or 5, for a spurious place or two more.
CONTEXT_WINDOW = 8
CONTEXT_FACTOR = 0.5
COUNTRY = "country"  # the gazetteer level of a whole country, which a story's events share across time
MONTH_LENGTH = len("YYYY-MM")  # how much of an ISO date two events must share to be one story
HISTORICAL = "historical"


def carry_places(events: Sequence[Event], ontology: Ontology, actor_kb: ActorKB) -> list[Event]:
    """`events` (in text order) with context places filled in where their own is missing;
    not from an earlier sentence into one that places a happening of its own
    (`_placed_sentences`)."""
    placed_sentences = _placed_sentences(events, ontology)
    earlier: Event | None = None
    out = []
    for event in events:
        placed_by_text = event.event_loc is not None
        sequence = event.text_info.get("sequence", 0)
        event_type = ontology.events[event.event]
        material = not event_type.verbal
        if event.event_loc is None and material and not event_type.no_context_place and earlier is not None \
                and earlier.event_loc is not None:
            source_sequence = earlier.text_info.get("sequence", 0)
            near = sequence - source_sequence <= CONTEXT_WINDOW
            placed_here = source_sequence != sequence and sequence in placed_sentences
            if near and not placed_here and _told_alike(earlier, event, ontology) and not _dated_apart(earlier, event) \
                    and not _done_to_another_state(event, earlier.event_loc, actor_kb):
                location = replace(earlier.event_loc, confidence=round(earlier.event_loc.confidence * CONTEXT_FACTOR, 3))
                event = replace(event, event_loc=location)
                logger.debug("event %s placed from context: %s", event.id, location.extracted_place)
        if placed_by_text and material and event.event_loc.place_id:  # a name the gazetteer lacks says too little to carry
            earlier = event
        out.append(event)
    return out


def _placed_sentences(events: Sequence[Event], ontology: Ontology) -> frozenset[int]:
    """The sentences (`text_info` sequence) where a material event is placed by its own words:
    an event there the coder left without a place was kept from that place for a reason
    ("ISIL attacked Iraqi soldiers as allied forces continued an assault in Tikrit"), and a
    place told sentences before is no likelier."""
    return frozenset(e.text_info.get("sequence", 0) for e in events
                     if e.event_loc is not None and not ontology.events[e.event].verbal)


def _done_to_another_state(event: Event, place: EventLocation, actor_kb: ActorKB) -> bool:
    """Whether an event is done to a state, named as such, other than the country of a place
    ("punish his forces for their attack on America" after "we invaded Afghanistan"): an act
    on a state happens in it, not where the story was. A person is no state, even one the
    text only links to it ("Saudi journalist Jamal Khashoggi")."""
    states = {r.identifier for r in event.recipient if _names_a_state(r.identifier, r.entity_text, actor_kb)}
    country = iso3_of(place.country_code)
    return bool(states) and country is not None and country not in states


def _names_a_state(identifier: str | None, text: str, actor_kb: ActorKB) -> bool:
    """Whether words name a state by one of its own names ("America", "Iran")."""
    actor = actor_kb.get(identifier)
    return actor is not None and actor.type == STATE and actor in actor_kb.lookup(text)


def _dated_apart(earlier: Event, event: Event) -> bool:
    """Whether both events are dated by their own words to different months ("attacked the
    U.S. Embassy in Kabul on September 13, 2011" and "In May, three men were arrested" in
    2013): two happenings, whose towns have nothing to do with each other; the country a
    story is about still holds both ("the 2010 strike on a church" after a 2013 attack in
    Iraq). Days of one month may be one story ("attacked on Sunday ... retook it on Monday")."""
    if earlier.date is None or event.date is None or earlier.date_from_publication or event.date_from_publication \
            or earlier.event_loc.resolution == COUNTRY:
        return False
    first, second = earlier.date[:MONTH_LENGTH], event.date[:MONTH_LENGTH]
    return not (first.startswith(second) or second.startswith(first))


def _told_alike(earlier: Event, event: Event, ontology: Ontology) -> bool:
    """Whether a later event is asserted like an earlier one: the same modes of not having
    happened, and no history after news. The other way round is one story: after "the 2012
    siege of the U.S. post in Benghazi", "four Americans were killed" is told without its year."""
    return unhappened_modes(earlier, ontology.aux_happened) == unhappened_modes(event, ontology.aux_happened) \
        and (HISTORICAL in earlier.aux_mode or HISTORICAL not in event.aux_mode)

"""The event coder interface and the rule-based coder behind it.

`EventCoder` is the one interface the pipeline calls; `RuleCoder` implements it in two stages:

1. candidates: sentences with a trigger word and a resolved actor or place (set lookups only);
2. coding: per trigger hit, the dependency arcs give actor, recipient, location, date and
   magnitude (`fields`), the words around the trigger its PLOVER mode (`mode_choice`), the
   cue words the auxiliary modes (`modes`), the quotes and reporting verbs the attribution
   chain and, for a statement that names no maker, its speaker (`attribution`); a trigger
   inside an actor's name, a title or a date is none (`inside_a_name`, `inside_a_title_or_date`);
3. merging: the events of one sentence that describe one happening become one (`merge`);
4. context: a material event with no place of its own takes the place of the same kind of
   event a few sentences before (`context`).

A hit with neither an actor, a recipient, a location, a count nor a time of its own is
dropped: such a bare back-reference ("the attack was brutal") adds nothing to the record.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol, runtime_checkable

import pycountry
from spacy.tokens import Doc, Span, Token

from sitrep.events.attribution import attribution_chain, quoted_self, speaker_actors, without_own_reports
from sitrep.events.candidates import Candidate, candidate_sentences, doc_mentions, within_speech, without_reporters
from sitrep.events.casualties import find_size
from sitrep.events.context import carry_places
from sitrep.events.fields import (
    ACTOR_CODE_LENGTH,
    ADDRESS_CLASS,
    ALLY_CLASS,
    COMPOUND_DEP,
    DIRECT_OBJECT_DEPS,
    OPPONENT_CLASS,
    PARTICIPLE_CLAUSE,
    PARTNER_PREPOSITIONS,
    PERSON_ENTITY,
    POLICY_CLASS,
    PRONOUN,
    SENTENCE,
    SUBJECT_DEPS,
    TARGET_STATE_VIA,
    PlaceChoice,
    actor_phrases,
    aims_against,
    attached_times,
    children_on,
    code_sector,
    counts_another_happening,
    find_actors,
    find_location,
    find_magnitude,
    find_recipients,
    find_time,
    has_reciprocal_object,
    is_passive,
    is_said,
    owned_by,
    phrase_span,
    prep_objects,
    recipient_phrases,
    split_sides,
    unnamed_participants,
    words_of,
)
from sitrep.events.lexicon import (
    FIGHT_CLASS,
    FORCE_EVENT,
    NOMINAL_POS,
    VERB,
    VISIT_MODE,
    AuxCueLexicon,
    InstrumentLexicon,
    Ontology,
    TriggerLexicon,
    load_aux_cues,
    load_instruments,
    load_ontology,
    load_triggers,
)
from sitrep.events.merge import merge_same_happening
from sitrep.events.mode_choice import choose_mode, embedded_mode
from sitrep.events.modes import AuxModeHit, aux_modes
from sitrep.events.triggers import ADVERBIAL_CLAUSE, PRESENT_PARTICIPLE, TriggerHit, find_triggers, in_noun_class
from sitrep.events.units import group_actors
from sitrep.kb.actors import ActorKB, default_actor_kb
from sitrep.model import (
    ActorMention,
    DateEstimate,
    Event,
    EventEntity,
    EventLocation,
    Evidence,
    Link,
    Magnitude,
    PlaceMention,
    Quantity,
    TimeMention,
)
from sitrep.nlp.arbiter import mention_of_place, place_actor
from sitrep.nlp.extensions import evidence_of, register_extensions
from sitrep.nlp.places import is_dateline
from sitrep.nlp.quotes import OPENING_MARKS, STRAIGHT_QUOTE

logger = logging.getLogger(__name__)

METHOD = "rule.dependency"
CODER_NAME = "sitrep.RuleCoder"
# Confidence factors where an argument is missing or weakly attached (stated, not fitted).
NO_ACTOR_FACTOR = 0.5
# Confidence of a participant the text describes but does not name ("the bomber"): the
# words are certain, who they are is not.
UNNAMED_CONFIDENCE = 0.3
UNIDENTIFIED, NATIONAL_FORCES, CIVILIANS = "UAF", "MIL", "CVL"
# A participle hung on the noun it acts on ("the civilians killed").
REDUCED_RELATIVE_DEPS = frozenset({"acl"})
# A visit's host is read from the place visited: a step further from the words than a name.
HOST_FACTOR = 0.8
HOST_VIA = "host of visit"
SENTENCE_PLACE_FACTOR = 0.6
TITLE_ENTITIES = frozenset({"WORK_OF_ART", "LAW"})  # named works and laws (`inside_a_title_or_date`)
DATE_ENTITIES = frozenset({"DATE", "TIME"})
# A word of force between people or parties only is criticism (`RuleCoder.in_words`).
WORDS_CATEGORY, WORDS_CONTEXT = "ACCUSE", ("political",)
SPEAKING_TYPES = frozenset({"person", "party"})
# Qualities that make a word of force one of words ("a scathing attack"; `RuleCoder.called_verbal`).
VERBAL_CLASS, ADJECTIVE_MODIFIER, ADVERB_MODIFIER = "verbal_qualities", "amod", "advmod"
# What a word of force aimed at is fought with words ("attacking the policy"; `RuleCoder.aimed_at_a_policy`).
AIMED_PREPOSITIONS = frozenset({"on", "against"})
DISPUTE_PREPOSITIONS = frozenset({"over"})  # "battling over an amendment": a fight about a policy
# A verb's target ("shot back against criticism", "fired back at critics"); a noun's "at" may be a place.
VERB_AIMED_PREPOSITIONS = frozenset({"at", "against"})
DIRECT_QUOTE = "direct"  # a `Quote.kind`: words in quotation marks
# What words of force are said in ("attacked Iran in a speech"; `RuleCoder.said_in_an_address`).
ADDRESS_PREPOSITIONS = frozenset({"in", "during"})
# A verb's "on" too ("fired back on Twitter"); a noun's "on" names its target ("an attack on Facebook").
VERB_ADDRESS_PREPOSITIONS = ADDRESS_PREPOSITIONS | {"on"}
GOVERNMENT_TYPE = "government"
# What follows a verb of force that opens quoted words (`opens_a_quotation`).
VERB_COMPANION_DEPS, COLON = frozenset({"prt", "advmod"}), ":"
ARMED_SECTORS = frozenset({"MIL", "REB", "INS", "UAF", "CRM"})  # CAMEO sectors that fight


@runtime_checkable
class EventCoder(Protocol):
    """Anything that turns one NLP-annotated doc into PLOVER events."""

    def code(self, doc: Doc, outlet: str | None = None) -> list[Event]:
        """Events of `doc` (needs doc._.actors/places/times/quantities/quotes/published/doc_id)."""
        ...


def entity_of(mention: ActorMention) -> EventEntity:
    """A PLOVER actor object from an actor mention: country code + sector split from its code."""
    code = mention.country or (mention.code[:ACTOR_CODE_LENGTH] if mention.code else None)
    return EventEntity(code, code_sector(mention.code), mention.evidence.text, mention.actor_id, mention.evidence,
                       mention.confidence)


def country_name(country_code: str | None) -> str | None:
    """The ISO-3166 name of a 2- or 3-letter country code (None when unknown)."""
    if not country_code:
        return None
    key = "alpha_2" if len(country_code) == 2 else "alpha_3"
    country = pycountry.countries.get(**{key: country_code.upper()})
    return country.name if country else None


def location_of(choice: PlaceChoice) -> EventLocation:
    """A PLOVER location object from the chosen place mention."""
    place = choice.place
    factor = SENTENCE_PLACE_FACTOR if choice.how == SENTENCE else 1.0
    return EventLocation(
        extracted_place=place.evidence.text,
        resolved_place=place.name,
        place_id=place.place_id,
        lat=place.lat,
        lon=place.lon,
        province=place.admin1,
        country=country_name(place.country_code),
        country_code=place.country_code,
        resolution=place.feature or "",
        evidence=place.evidence,
        confidence=round(place.confidence * factor, 3),
    )


def magnitude_of(doc: Doc, quantity: Quantity) -> Magnitude:
    """Count, unit and marker of a quantity; the evidence spans number through unit."""
    start, end = quantity.evidence.start, quantity.evidence.end
    if quantity.unit is not None:
        start, end = min(start, quantity.unit.start), max(end, quantity.unit.end)
    unit = quantity.unit.text if quantity.unit is not None else None
    return Magnitude(quantity.value, unit, quantity.marker, evidence_of(doc, start, end), quantity.low, quantity.high)


def event_dates(
    time: TimeMention | None, published: DateEstimate | None
) -> tuple[str | None, str | None, bool, Evidence | None]:
    """(date, enddate, from publication?, evidence): the happening's time, else publication.

    A publication date known only as a span (a year, a month, an inferred range) is passed on
    as [earliest, latest]: its best value alone would state a precision nobody has, and the
    store's date filters match events by the overlap of [date, enddate] with the asked range.
    """
    if time is not None and (time.value or time.earliest):
        ranged = time.precision == "range" and time.earliest and time.latest
        start = time.earliest if ranged else (time.value or time.earliest)
        return start, time.latest if ranged else None, False, time.evidence
    if published is not None and (published.value or published.earliest):
        evidence = published.evidence[0] if published.evidence else None
        spanned = (published.precision != "day" and published.earliest and published.latest
                   and published.earliest != published.latest)
        if spanned:
            return published.earliest, published.latest, True, evidence
        return published.value or published.earliest, None, True, evidence
    return None, None, False, None


def names_the_dateline(doc: Doc, place: PlaceMention) -> bool:
    """Whether a place mention is the dateline of its paragraph ("DUBAI, United Arab Emirates
    (AP) —"): where the reporter files from, which places only what the paragraph tells as
    having happened there."""
    words = words_of(place, doc)
    return words is not None and is_dateline(doc, words.start, words.end)


def mirrored(event: Event) -> Event:
    """The other direction of a reciprocal event ("Israel and Hamas each accused the other":
    Hamas accused Israel too), every value citing the same words."""
    return replace(event, id=f"{event.id}:mirror", actor=event.recipient, recipient=event.actor)


def inside_a_name(hit: TriggerHit, actors: Sequence[ActorMention]) -> bool:
    """Whether the trigger's words are part of an actor's name ("the Gulf Cooperation Council",
    "the Organization of Security and Cooperation"): a name, not an act. In a name no KB entry
    knows, only a trigger that ends the name and is its head stands: the NER reads title-case
    headlines as names ("Turkish Nightclub Attack" is an attack); so does the head of a
    description the resolver links through its nationality ("Russian airstrikes continued")."""
    anchor = hit.anchors[0]
    for actor in actors:
        if actor.evidence.start <= hit.start and hit.end <= actor.evidence.end:
            name = words_of(actor, anchor.doc)
            head_of_name = name is not None and name.root.i == anchor.i and hit.end == actor.evidence.end
            if (actor.actor_id and not actor.via.startswith(Link.MODIFIER)) or not head_of_name:
                return True
    return False


def outside_the_trigger(hit: TriggerHit, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """`mentions` less the unknown names that hold the trigger's words: a headline's or
    caption's title-case phrase the NER took for a name ("Photos: Benghazi Attack") is the
    act, not a party to it (a resolved one stays: "U.S. airstrikes" are the U.S. military's)."""
    return [m for m in mentions if m.actor_id or not (m.evidence.start <= hit.start and hit.end <= m.evidence.end)]


def speaks(mention: ActorMention, doc: Doc) -> bool:
    """Whether a mention names a person or a party, known to the KB or a person's name it
    lacks ("attacking Sen. Kay R. Hagan"); not a fighter's leader ("the attack was ordered
    by Ayman al-Zawahri": his sector is an armed one)."""
    if mention.actor_id:
        return mention.actor_type in SPEAKING_TYPES and code_sector(mention.code) not in ARMED_SECTORS
    words = words_of(mention, doc)
    return words is not None and words.root.ent_type_ == PERSON_ENTITY


def opens_a_quotation(hit: TriggerHit) -> bool:
    """Whether the trigger's verb, with its particle or adverb, introduces quoted words after
    a colon ("McCain fired back: \"History has made a judgment\""): the force is words."""
    verb = hit.anchors[0]
    last = max([verb] + [c for c in verb.rights if c.dep_ in VERB_COMPANION_DEPS], key=lambda t: t.i)
    doc = verb.doc
    return last.i + 2 < len(doc) and doc[last.i + 1].text == COLON \
        and (doc[last.i + 2].text in OPENING_MARKS or doc[last.i + 2].text == STRAIGHT_QUOTE)


def said_alongside(hit: TriggerHit) -> bool:
    """Whether the trigger's verb has a participle clause that cues quoted words ("attacked
    President Trump, claiming, 'He is treating our troops ...'"): the force is the words
    (not a reason given in reported speech: "attacked Hamas, saying it had fired rockets")."""
    doc = hit.anchors[0].doc
    cues = {quote.cue.start for quote in doc._.quotes or () if quote.cue is not None and quote.kind == DIRECT_QUOTE}
    return any(c.dep_ == ADVERBIAL_CLAUSE and c.tag_ == PRESENT_PARTICIPLE and c.idx in cues
               for anchor in hit.anchors for c in anchor.children)


def inside_a_title_or_date(hit: TriggerHit) -> bool:
    """Whether a trigger word is in the title of a work or a law ("told NBC's Meet the Press",
    a book called "Persecuted: The Global Assault on Christians") or is a date ("speaks on
    March 6"): a name, not an act."""
    anchor = hit.anchors[0]
    return any(t.ent_type_ in TITLE_ENTITIES for t in hit.tokens) or (
        anchor.ent_type_ in DATE_ENTITIES and anchor.pos_ != VERB)  # "Protesters March On Capitol"


def event_confidence(
    row_certainty: float, actors: Sequence[ActorMention], modes: Sequence[AuxModeHit], ontology: Ontology
) -> float:
    """Confidence that the event happened as coded: trigger x actor resolution x aux modes."""
    actor_factor = max((a.confidence for a in actors), default=NO_ACTOR_FACTOR) or NO_ACTOR_FACTOR
    aux_factor = 1.0
    for hit in modes:
        aux_factor *= ontology.aux_weights[hit.mode]
    return round(row_certainty * actor_factor * aux_factor, 3)


class RuleCoder:
    """Lexicon + dependency-rule PLOVER coder (see the module docstring)."""

    def __init__(
        self,
        ontology: Ontology | None = None,
        triggers: TriggerLexicon | None = None,
        cues: AuxCueLexicon | None = None,
        actor_kb: ActorKB | None = None,
        instruments: InstrumentLexicon | None = None,
    ) -> None:
        self.ontology = ontology or load_ontology()
        self.triggers = triggers or load_triggers()
        self.cues = cues or load_aux_cues()
        self.instruments = instruments or load_instruments()
        self.actor_kb = actor_kb or default_actor_kb()
        self.participant_words = frozenset(self.actor_kb.participants) | frozenset(self.actor_kb.force_nouns) \
            | frozenset(self.actor_kb.plural_demonyms)

    def candidates(self, doc: Doc) -> list[Candidate]:
        """Stage 1: the sentences worth coding."""
        register_extensions()
        return candidate_sentences(doc, self.triggers.first_words, self.participant_words)

    def code(self, doc: Doc, outlet: str | None = None) -> list[Event]:
        """Stage 1 + 2: PLOVER events of `doc`, in text order."""
        events = []
        for candidate in self.candidates(doc):
            coded = []
            hits = [h for h in find_triggers(candidate.sent, self.triggers)
                    if not inside_a_name(h, candidate.mentions.actors) and not inside_a_title_or_date(h)]
            for hit in hits:
                event = self.code_hit(doc, candidate, hit, hits, outlet)
                if event is None:
                    continue
                coded.append((hit.anchors[0], event))
                if event.actor and event.recipient and has_reciprocal_object(hit.anchors, self.triggers):
                    coded.append((hit.anchors[0], mirrored(event)))
            events += merge_same_happening(coded, self.ontology.aux_happened)
        events = carry_places(events, self.ontology, self.actor_kb)
        logger.debug("doc %s: %s events", doc._.doc_id, len(events))
        return events

    def code_hit(self, doc: Doc, candidate: Candidate, hit: TriggerHit, hits: Sequence[TriggerHit],
                 outlet: str | None) -> Event | None:
        """One event from one trigger hit (`hits`: all of its sentence), or None when nothing anchors it.

        A hit with no participant, place, count or time of its own is a bare back-reference
        ("the attack was brutal"), which adds nothing to the record of the happening. A
        participant the text describes without naming ("the bomber targeted civilians") is
        one: the event keeps it as an uncoded entity (`unnamed_entities`). The noun a bare
        participle modifies is not ("one of the civilians killed" refers to a killing told
        before).
        """
        if hit.row.needs_embedded_act and embedded_mode(hit, hits, self.triggers, self.ontology) is None \
                and not aims_against(hit.anchors[0]):
            return None  # "vowed to build the wall": a promise that threatens no one
        quotes = doc_mentions(doc, "quotes")
        sent, mentions = candidate.sent, candidate.mentions
        event_type = self.ontology.events[hit.row.event]
        actors = find_actors(hit.anchors, hit.tokens, mentions, self.triggers, event_type, self.actor_kb)
        targeted = recipient_phrases(hit.anchors, hit.tokens, self.triggers, event_type, self.participant_words)
        if hit.row.mode == VISIT_MODE and hit.anchors[0].pos_ == VERB:  # "officials traveling with Kerry": no host
            targeted = [t for t in targeted if t.head.lower_ not in PARTNER_PREPOSITIONS]
        recipients = find_recipients(targeted, hit.anchors, hit.tokens, without_reporters(mentions, quotes, hit.start),
                                     self.triggers, event_type, actors, self.actor_kb)
        own_phrases = [] if actors else actor_phrases(hit.anchors, self.triggers, event_type)
        if not actors:
            actors = quoted_self(own_phrases, quotes, doc_mentions(doc, "actors"))
        # those who visit together are one side: the host is the other ("Hollande and Fabius travel to Baghdad")
        mutual = (event_type.mutual and hit.row.mode != VISIT_MODE) or hit.row.mutual
        actors, recipients = split_sides(hit.anchors, mentions, self.triggers, mutual, actors, recipients)
        actors, recipients = outside_the_trigger(hit, actors), outside_the_trigger(hit, recipients)
        if self.in_words(hit, actors, recipients, own_phrases):
            hit = TriggerHit(replace(hit.row, event=WORDS_CATEGORY, mode=None, context=WORDS_CONTEXT),
                             hit.anchors, hit.tokens)
            event_type = self.ontology.events[WORDS_CATEGORY]
        # "invaded Kuwait", "visited Saudi Arabia": both party and place; "condemned Russia" only a party
        words_only = is_said(event_type)
        parties = actors + [r for r in recipients if r.via != TARGET_STATE_VIA or words_only]
        place = find_location(hit.anchors, hit.tokens, within_speech(mentions, quotes, hit.anchors[0].idx), self.triggers,
                              parties, event_type)
        if not recipients and hit.row.mode == VISIT_MODE:
            recipients = self.host_of(place, actors)
        quantity = find_magnitude(hit.anchors, hit.tokens, sent, mentions, self.triggers, event_type, self.ontology)
        others = frozenset(a.i for h in hits if h is not hit for a in h.anchors)
        size = {field: count for field, count in find_size(sent, mentions, self.ontology, self.triggers).items()
                if not counts_another_happening(count, hit.anchors[0], others)} if hit.row.event in self.ontology.size_events else {}
        # a trigger word is no participant of its own act, unless another of its words has it
        # as subject ("a suicide bomber destroyed a trolleybus": the bomber did)
        doers = [] if actors else unnamed_participants(
            [p for p in own_phrases if p not in hit.anchors or (p.dep_ in SUBJECT_DEPS and p.head in hit.anchors)],
            sent, mentions, self.participant_words, self.triggers)
        targets = [] if recipients else unnamed_participants(targeted, sent, mentions, self.participant_words,
                                                             self.triggers)
        referred = [t for t in targets if t.i == hit.anchors[0].head.i and hit.anchors[0].dep_ in REDUCED_RELATIVE_DEPS]
        # A meeting placed only by its sentence ("in Doha, ... talks") is not anchored by that place.
        own_place = place is not None and not (event_type.verbal and place.how == SENTENCE)
        anchored = actors or recipients or own_place or quantity or size or doers or len(targets) > len(referred)
        if not anchored and not attached_times(hit.anchors, mentions, self.triggers):
            return None
        time = find_time(hit.anchors, sent, mentions, self.triggers)
        published = doc._.published
        modes = aux_modes(
            hit.anchors[0],
            sent,
            self.cues,
            light_verb=self.triggers.mode_carrier,
            quotes=quotes,
            event_time=time,
            published=published,
            order=self.ontology.aux_order,
        )
        # A statement naming no maker is its speaker's ("She said that Hamas was to blame"),
        # unless it is passive: "a deal had been reached, the White House said" reports a deal.
        if event_type.verbal and not actors and not doers and not own_phrases and not is_passive(hit.anchors[0]):
            actors = speaker_actors(doc, hit.anchors[0], modes, quotes, doc_mentions(doc, "actors"))
        modes = without_own_reports(
            doc, hit.anchors[0], modes, quotes, mentions.actors, actors, event_type.verbal
        )
        unhappened = any(not self.ontology.aux_happened.get(m.mode, True) for m in modes)
        if place is not None and place.how == SENTENCE and names_the_dateline(doc, place.place) \
                and (unhappened or self.foreign_to(place.place, parties or mentions.actors)):
            place = None  # "DUBAI (AP) — Any attack on Iran would spark war": the reporter is in Dubai
        date, enddate, from_publication, date_evidence = event_dates(time, published)
        evidence = {"event": evidence_of(doc, hit.start, hit.end)}
        if date_evidence is not None:
            evidence["date"] = date_evidence
        for hit_mode in modes:
            evidence[f"aux_mode:{hit_mode.mode}"] = evidence_of(doc, hit_mode.start, hit_mode.end)
        for size_field, size_quantity in size.items():
            evidence[f"size:{size_field}"] = size_quantity.evidence
        mode = choose_mode(hit, hits, self.triggers, self.instruments, self.ontology)
        if mode is not None:
            evidence["mode"] = evidence_of(doc, mode.start, mode.end)
        elif hit.row.mode is not None:
            evidence["mode"] = evidence["event"]  # the trigger's own words say it ("airstrike")
        return Event(
            id=f"{doc._.doc_id or ''}:{candidate.index}:{hit.anchors[0].i}:{hit.row.event}",
            doc_id=doc._.doc_id or "",
            event=hit.row.event,
            event_text=doc.text[hit.start : hit.end],
            text=sent.text,
            sentence=evidence_of(doc, sent.start_char, sent.end_char),
            quad_code=event_type.quad,
            date=date,
            enddate=enddate,
            date_from_publication=from_publication,
            actor=tuple(entity_of(a) for a in actors) or self.unnamed_entities(sent, doers),
            recipient=tuple(entity_of(r) for r in recipients) or self.unnamed_entities(sent, targets),
            mode=mode.mode if mode is not None else hit.row.mode,
            context=hit.row.context,
            event_loc=location_of(place) if place is not None else None,
            text_info={"sequence": candidate.index, "start": sent.start_char, "end": sent.end_char},
            cite_info=self._cite_info(outlet),
            size={name: q.value for name, q in size.items()},
            magnitude=magnitude_of(doc, quantity) if quantity is not None else None,
            aux_mode=tuple(m.mode for m in modes),
            confidence=event_confidence(hit.row.certainty, actors, modes, self.ontology),
            method=METHOD,
            attribution=attribution_chain(doc, hit.anchors[0], modes, quotes, mentions.actors, outlet),
            evidence=evidence,
        )

    def in_words(self, hit: TriggerHit, actors: Sequence[ActorMention], recipients: Sequence[ActorMention],
                 unnamed_doers: Sequence[Token] = ()) -> bool:
        """Whether an assault is one of words: a word of force (`TriggerLexicon.words_of_force`)
        by named people or parties on people, parties or their own government (`speaks`) ("Trump attacked
        Bolton as a wacko", "Republicans attacking Hillary Clinton", "Ministers Lapid and
        Livni attacked the government"), where a state, a force or an armed group on either
        side makes it one of arms ("Israel attacked Hamas leader X", "Putin attacked Ukraine"),
        as does a person who only owns the doers ("his forces attacked the parliament"), and
        where no doer is named, people named by whom they back or oppose speak like named
        ones ("the Trump supporter attacked Hillary Clinton"); named people fighting each other
        quarrel ("Pompeo and Bolton clashed"). Told
        as done in an address, opening or cueing quoted words, qualified as verbal ("a scathing
        attack") or aimed at a policy ("attacking the bill"), it is words whoever does it."""
        if hit.row.event != FORCE_EVENT or not any(a.lemma_.lower() in self.triggers.words_of_force
                                                       for a in hit.anchors):
            return False
        if self.said_in_an_address(hit) or opens_a_quotation(hit) or said_alongside(hit) or self.called_verbal(hit) \
                or self.aimed_at_a_policy(hit):
            return True
        countries = {a.country for a in actors}
        doc = hit.anchors[0].doc
        # a person owning the act speaks it ("Sanders' attack on Clinton"), not one owning its doers
        doers_speak = all(speaks(a, doc) and owned_by(a, doc) in (None, *hit.anchors) for a in actors) if actors \
            else bool(unnamed_doers) and all(self.named_by_whom_they_back(d) for d in unnamed_doers)
        # "Pompeo and Bolton clashed": named people fighting each other, with no other side
        with_each_other = len(actors) > 1 and not recipients and any(
            in_noun_class(a, self.triggers.noun_class(FIGHT_CLASS)) for a in hit.anchors)
        answered_in_words = bool(recipients) and all(
            speaks(r, doc) or (r.actor_type == GOVERNMENT_TYPE and r.country in countries) for r in recipients)
        return doers_speak and (with_each_other or answered_in_words)

    def named_by_whom_they_back(self, phrase: Token) -> bool:
        """Whether an unnamed doer is people named by whom they back or oppose ("the Trump
        supporter", "critics"): partisans, who speak like the parties they follow."""
        partisans = self.triggers.noun_class(ALLY_CLASS) | self.triggers.noun_class(OPPONENT_CLASS)
        return in_noun_class(phrase, partisans)

    def called_verbal(self, hit: TriggerHit) -> bool:
        """Whether the trigger noun or verb is qualified as one of words ("a scathing attack
        from prosecutors", "a political attack", "was loudly attacked"; noun class
        `VERBAL_CLASS`)."""
        verbal = self.triggers.noun_class(VERBAL_CLASS)
        return any(in_noun_class(c, verbal) for a in hit.anchors for c in a.children
                   if c.dep_ == (ADJECTIVE_MODIFIER if a.pos_ in NOMINAL_POS else ADVERB_MODIFIER))

    def aimed_at_a_policy(self, hit: TriggerHit) -> bool:
        """Whether the trigger is aimed at a policy, a law, a name or criticism, or fought over
        one ("Republicans are attacking the bill", "his attack on the deal", "assailed his record",
        "Republicans are battling over an amendment", "shot back against criticism"; noun class
        `POLICY_CLASS`): force can hit no such thing, words can."""
        policies = self.triggers.noun_class(POLICY_CLASS)
        nouns = [a for a in hit.anchors if a.pos_ in NOMINAL_POS]
        verbs = [a for a in hit.anchors if a.pos_ == VERB]
        aimed = children_on(hit.anchors, DIRECT_OBJECT_DEPS) + prep_objects(nouns, AIMED_PREPOSITIONS) \
            + prep_objects(hit.anchors, DISPUTE_PREPOSITIONS) + prep_objects(verbs, VERB_AIMED_PREPOSITIONS)
        return any(in_noun_class(word, policies) for word in aimed)

    def said_in_an_address(self, hit: TriggerHit) -> bool:
        """Whether the trigger's verb (or light verb) is told as done in a speech, an interview or a post
        ("he attacked Iran in a speech at the United Nations", "targeted Pelosi in a
        tweet", "escalated the offensive on social media") or describes one ("a statement
        attacking the US position"): whoever its parties are, the force is one of words."""
        addresses = self.triggers.noun_class(ADDRESS_CLASS)
        # a claim made in a statement claims the act, which stays one of force ("ISIS claimed the attack in a statement")
        light_verbs = [v for v in map(self.triggers.light_verb, hit.anchors) if v is not None
                       and not self.triggers.is_claim_verb(v) and v.lemma_.lower() not in self.triggers.claim_verbs]
        verbs = [a for a in hit.anchors if a.pos_ == VERB] + light_verbs
        # "issued a statement attacking the US position": the address itself attacks; not one
        # telling that another did it ("said in a statement that its soldier carried out the attack")
        described = [v.head for v in verbs if v.dep_ == PARTICIPLE_CLAUSE
                     and not any(c.dep_ in SUBJECT_DEPS for c in v.children)]
        return any(in_noun_class(o, addresses) for o in prep_objects(hit.anchors, ADDRESS_PREPOSITIONS)
                   + prep_objects(verbs, VERB_ADDRESS_PREPOSITIONS) + described)

    def foreign_to(self, place: PlaceMention, parties: Sequence[ActorMention]) -> bool:
        """Whether the parties of an event (or of its sentence, when it names none) are all of
        countries other than a place's ("DUBAI (AP) — Iranian demonstrators defied police":
        the reporter is in Dubai, the protest in Iran); parties of no country say nothing."""
        country = pycountry.countries.get(alpha_2=place.country_code.upper()) if place.country_code else None
        countries = {party.country for party in parties if party.country}
        return country is not None and bool(countries) and country.alpha_3 not in countries

    def host_of(self, place: PlaceChoice | None, visitors: Sequence[ActorMention]) -> list[ActorMention]:
        """The host of a visit: the state of a country or the government of a capital the
        visitor goes to ("arrived in Egypt", "travelled to Moscow"; PLOVER CONSULT visit);
        none in the visitors' own country ("Obama will arrive in Washington": he comes home)."""
        if place is None or place.how == SENTENCE:
            return []
        host = place_actor(place.place, self.actor_kb)
        if host is None or host.country in {visitor.country for visitor in visitors}:
            return []
        return [mention_of_place(place.place, host, place.place.confidence * HOST_FACTOR, HOST_VIA)]

    def unnamed_entities(self, sent: Span, phrases: Sequence[Token]) -> tuple[EventEntity, ...]:
        """Entities for the described participants ("the bomber": sector UAF, "civilians":
        CVL), with no KB id; a nationality in the phrase gives the country code ("Syrian
        civilians": SYR CVL, "an Iranian drone": IRN MIL), and a people named by its
        demonym is that country's civilians ("160 Palestinians": PSE CVL; the actor
        resolver links a demonym only where it stands for its government). A pronoun no
        mention resolves names nobody and stays out."""
        entities = []
        for phrase in phrases:
            if phrase.pos_ == PRONOUN:
                continue
            sector = self.participant_sector(phrase)
            people = self.actor_kb.plural_demonyms.get(phrase.lower_)
            countries = {people} if people else {m.country for m in group_actors(phrase, self.actor_kb)}
            country = countries.pop() if len(countries) == 1 else None
            if country is not None and sector == UNIDENTIFIED:
                sector = NATIONAL_FORCES  # "an Iranian drone" is Iran's
            start, end = phrase_span(phrase, sent)
            evidence = evidence_of(sent.doc, start, end)
            entities.append(EventEntity(country, sector, evidence.text, None, evidence, UNNAMED_CONFIDENCE))
        return tuple(entities)

    def participant_sector(self, phrase: Token) -> str | None:
        """The sector of a participant noun ("gunmen": UAF, "police": COP, "Syrians": CVL),
        a force noun before it deciding ("army officers": MIL, "police officers": COP), or None."""
        kb = self.actor_kb
        forces = [kb.force_nouns[c.lower_] for c in phrase.children if c.dep_ == COMPOUND_DEP and c.lower_ in kb.force_nouns]
        return next(iter(forces), None) or kb.participants.get(phrase.lemma_.lower()) \
            or kb.force_nouns.get(phrase.lower_) or (CIVILIANS if phrase.lower_ in kb.plural_demonyms else None)

    def _cite_info(self, outlet: str | None) -> dict[str, str]:
        info = {"coder": CODER_NAME, "codebook": self.ontology.codebook}
        if outlet:
            info["publication"] = outlet
        return info


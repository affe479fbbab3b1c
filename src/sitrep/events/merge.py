"""One event per happening: merge the events several trigger words of one sentence coded.

News prose names one attack with several words ("Gunmen stormed a hotel ... in an attack
claimed by IS, killing nine"), and PLOVER counts it once. Two events of one sentence are
taken as one happening when they have the same category, their actors and their recipients
do not contradict each other (one side empty, or a shared identity), they agree on whether
the event happened (a planned killing is not the attack it answers), and they carry no two
different stated dates, no connective stands between their words in the parse ("in
response to an attack", "after the bombing"), and their verbs do not have different subjects
("extremists seized hostages, but troops swarmed in to retake the hotel"), neither
word is marked as another one ("the missile attack could be a prelude to more attacks"),
and they are not one word aimed at two targets.
Distinct happenings keep their own records
("attacked militias in Benghazi and claimed an attack on the parliament": different recipients).

The merged record is the event of the word highest in the parse ("stormed"), with the empty
fields filled from the others, so every value still cites the words it came from.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Token

from sitrep.events.fields import PREPOSITION_OBJECT, compares, located_noun, opened_by_a_connective, subject_of
from sitrep.events.lexicon import (
    CONNECTIVES,
    DIRECT_OBJECT,
    NOMINAL_POS,
    PREDICATE_NOMINAL,
    RELATIVE_CLAUSE,
    VERB,
    named_as_another,
)
from sitrep.model import Event, EventEntity
from sitrep.nlp.places import PLACE_LABELS

logger = logging.getLogger(__name__)

CONJUNCT = "conj"
# Prepositions by which a verb's subject does what their noun names ("as Iran did with rocket
# attacks", "went on the attack"); not "given", "after" and the like.
MEANS_PREPOSITIONS = frozenset({"with", "on", "in", "through", "by"})


def _ancestors(token: Token) -> list[Token]:
    """`token` and the tokens above it, up to the root of its sentence."""
    chain = [token]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def separated(first: Token, second: Token) -> bool:
    """Whether a connective stands between two trigger words in the parse ("killed him in
    response to a chemical attack", "stormed the city after the bombing", "at the same magnitude
    as the 1995 Oklahoma City blast") or opens a clause
    on the path ("killed one person before he was killed by police"): the one is the
    other's cause or its time, a happening of its own. So is a trigger in a relative clause
    on another noun ("the airstrikes ramped up America's involvement in Iraq, where ISIS is
    seizing towns"); one on the other trigger tells the same ("the attack, which killed 12"),
    also one the parser hung on the place of its phrase ("the attack in Paris, which killed 130")."""
    above_first = {t.i for t in _ancestors(first)}
    path = [t for t in _ancestors(second) if t.i not in above_first]
    path += [t for t in _ancestors(first) if t.i not in {p.i for p in _ancestors(second)}]
    described = any(t.dep_ == RELATIVE_CLAUSE and _told_of(t).i not in (first.i, second.i) for t in path)
    return described or any(t.lower_ in CONNECTIVES or compares(t) for t in path if t.i not in (first.i, second.i)) \
        or any(opened_by_a_connective(t) for t in path)


def _told_of(clause: Token) -> Token:
    """The noun a relative clause tells of: the one it hangs on, or for a place name the noun
    whose phrase the place is in ("the attack in Paris, which killed 130": the attack)."""
    noun = clause.head
    return located_noun(noun) if noun.ent_type_ in PLACE_LABELS else noun


def marked_as_another(token: Token, other: Token) -> bool:
    """Whether an event noun says it is another happening than the other trigger word ("the
    missile attack could be a prelude to more attacks", "the earlier blasts at the airport");
    not where that word tells of it in the clause it belongs to ("new airstrikes targeted
    Khan Sheikhoun", "carried out more attacks, targeting militants", "hit by an earlier
    airstrike") or it is predicated of the other ("the bombings appeared to be another
    strike")."""
    if not named_as_another(token):
        return False
    if token.dep_ == PREDICATE_NOMINAL:
        return False
    if token.dep_ == CONJUNCT:
        return True
    return not (other.is_ancestor(token) or token.head.is_ancestor(other) or token.head.i == other.i)


def different_doers(first: Token, second: Token) -> bool:
    """Whether two trigger words have different subjects in the parse ("extremists seized
    hostages, but troops swarmed in to retake the building"; a noun takes its verb's when it
    is the object: "the coalition launches air strikes, while the Houthis fire missiles"): two
    sides, two happenings. A verb sharing its clause's subject ("stormed the hotel, killing
    nine"), one telling of the other in a relative clause ("carried out an attack that
    killed dozens": its "that" is the attack) or any other noun has none of its own to differ."""
    if any(a.dep_ == RELATIVE_CLAUSE and a.head.i == b.i for a, b in ((first, second), (second, first))):
        return False
    doers = [{t.lower_ for t in subject_of(_clause_verb(token))} if _clause_verb(token) is not None else set()
             for token in (first, second)]  # by word: "Pompeo held talks in which Pompeo pressed" is one side
    return all(doers) and not doers[0] & doers[1]


def _clause_verb(token: Token) -> Token | None:
    """The verb whose subject does what `token` names: the word itself, or the verb a noun is
    the object of, also through a preposition of means ("as Iran did with rocket attacks"); None for
    any other noun."""
    if token.pos_ not in NOMINAL_POS:
        return token
    if token.dep_ == PREPOSITION_OBJECT and token.head.lower_ in MEANS_PREPOSITIONS and token.head.head.pos_ == VERB:
        return token.head.head
    return token.head if token.dep_ == DIRECT_OBJECT and token.head.i != token.i else None


def depth(token: Token) -> int:
    """Arcs from `token` up to the root of its sentence."""
    steps = 0
    while token.head.i != token.i:
        token = token.head
        steps += 1
    return steps


def _identities(entities: Sequence[EventEntity]) -> set[str]:
    """Who the entities are: KB ids, else the names of unresolved actors. A described
    participant ("the gunmen", "60 Syrian civilians": a sector, no KB id) identifies nobody."""
    return {e.identifier or e.entity_text.lower() for e in entities if not described(e)}


def _spans(entities: Sequence[EventEntity]) -> set[tuple[int, int]]:
    """The words the entities stand on: one phrase is one participant, named or described."""
    return {(e.evidence.start, e.evidence.end) for e in entities if e.evidence is not None}


def described(entity: EventEntity) -> bool:
    """A participant the text describes without naming ("the bomber"; `RuleCoder.unnamed_entities`)."""
    return entity.identifier is None and entity.sector is not None


def _compatible_roles(first: Sequence[EventEntity], second: Sequence[EventEntity]) -> bool:
    ours, theirs = _identities(first), _identities(second)
    return not ours or not theirs or bool(ours & theirs)


def unhappened_modes(event: Event, happened_flags: Mapping[str, bool]) -> frozenset[str]:
    """The event's aux modes that say it did not (yet) happen (future, demand, negation...)."""
    return frozenset(mode for mode in event.aux_mode if not happened_flags.get(mode, True))


def _stated_date(event: Event) -> str | None:
    return None if event.date_from_publication else event.date


def aimed_apart(first: Token, first_event: Event, second: Token, second_event: Event) -> bool:
    """Whether one word names two acts at different targets ("attacked militias in Benghazi
    and claimed an attack on the parliament"): the same word with recipients on different
    phrases sharing no identity. Different words may tell one act by its target and its
    victims ("struck Hamas targets, killing five militants")."""
    return first.lemma_.lower() == second.lemma_.lower() and bool(first_event.recipient) \
        and bool(second_event.recipient) and not _spans(first_event.recipient) & _spans(second_event.recipient) \
        and not _identities(first_event.recipient) & _identities(second_event.recipient)


def same_happening(first: Event, second: Event, happened_flags: Mapping[str, bool]) -> bool:
    """Whether two events of one sentence describe one happening (rules in the module docstring)."""
    dates = {_stated_date(first), _stated_date(second)} - {None}
    return (
        first.event == second.event
        and _compatible_roles(first.actor, second.actor)
        and _compatible_roles(first.recipient, second.recipient)
        and unhappened_modes(first, happened_flags) == unhappened_modes(second, happened_flags)
        and len(dates) <= 1
    )


def absorb(primary: Event, other: Event) -> Event:
    """`primary` with its empty fields taken from `other` (roles, place, numbers, mode, date);
    a role that only describes its participants takes the other's named ones, never one who
    stands on the other side in `primary`."""
    changes: dict = {}
    for role, opposite in (("actor", "recipient"), ("recipient", "actor")):
        if _identities(getattr(other, role)) & _identities(getattr(primary, opposite)) \
                or _spans(getattr(other, role)) & _spans(getattr(primary, opposite)):
            continue  # "wounded in fighting with the Taliban": the fight's "with" side is the doer here
        if _identities(getattr(other, role)) and not _identities(getattr(primary, role)) \
                or getattr(other, role) and not getattr(primary, role):
            changes[role] = getattr(other, role)
    if other.event_loc is not None and (
        primary.event_loc is None or other.event_loc.confidence > primary.event_loc.confidence
    ):
        changes["event_loc"] = other.event_loc
    if primary.magnitude is None and other.magnitude is not None:
        changes["magnitude"] = other.magnitude
    if primary.mode is None and other.mode is not None:
        changes["mode"] = other.mode
    if primary.date_from_publication and not other.date_from_publication and other.date:
        changes.update(date=other.date, enddate=other.enddate, date_from_publication=False)
    evidence = {**other.evidence, **primary.evidence}
    if "date" in changes:
        evidence.pop("date", None)
        if "date" in other.evidence:
            evidence["date"] = other.evidence["date"]
    for name in ("size", "context"):
        ours, theirs = getattr(primary, name), getattr(other, name)
        changes[name] = {**theirs, **ours} if isinstance(ours, dict) else tuple(dict.fromkeys(ours + theirs))
    return replace(primary, evidence=evidence, confidence=max(primary.confidence, other.confidence), **changes)


def merge_same_happening(
    coded: Sequence[tuple[Token, Event]], happened_flags: Mapping[str, bool]
) -> list[Event]:
    """The events of one sentence with each happening coded once, in anchor order.

    coded: (anchor token, event) pairs of one sentence.
    happened_flags: aux mode -> whether an event with it happened (the ontology's).
    """
    groups: list[list[tuple[Token, Event]]] = []
    for anchor, event in sorted(coded, key=lambda pair: (depth(pair[0]), pair[0].i)):
        group = next((g for g in groups if same_happening(g[0][1], event, happened_flags)
                      and not separated(g[0][0], anchor) and not different_doers(g[0][0], anchor)
                      and not aimed_apart(g[0][0], g[0][1], anchor, event)
                      and not marked_as_another(g[0][0], anchor) and not marked_as_another(anchor, g[0][0])), None)
        if group is None:
            groups.append([(anchor, event)])
            continue
        group[0] = (group[0][0], absorb(group[0][1], event))
        group.append((anchor, event))
    if len(groups) < len(coded):
        logger.debug("merged %s events into %s", len(coded), len(groups))
    return [g[0][1] for g in sorted(groups, key=lambda g: g[0][0].i)]

"""Who a group of people belongs to: "20,000 Iranian, Iraqi and Lebanese fighters" -> IRN, IRQ, LBN.

A movement is often reported with a counted group as its subject or object, and the only
actor words are the nationality adjectives before the noun or a "from <country>" after it.
The actor resolver links a demonym only when a force noun follows it ("Iranian forces"), so a
coordinated list before a generic noun ("fighters", "volunteers") names no actor. This step
reads those modifiers through the actor KB and returns one `ActorMention` per country, each
with the evidence of its own word, so the event still cites the text it came from.
"""
from __future__ import annotations

import logging

from spacy.tokens import Token

from sitrep.events.triggers import partitive_objects
from sitrep.kb.actors import Actor, ActorKB
from sitrep.model import ActorMention, Link
from sitrep.nlp.actor_rules import after_stance_prefix
from sitrep.nlp.extensions import evidence_of

logger = logging.getLogger(__name__)

# A nationality says where a group comes from, not always who commands it ("Afghan fighters"
# in Syria answer to the IRGC), so the link is weaker than a named actor.
CONFIDENCE = 0.7
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
ORIGIN_PREPS = frozenset({"from", "of"})
NAME_DEPS = frozenset({"compound"})
STATE = "state"
GROUP_POS = frozenset({"NOUN", "PROPN"})  # "the U.S. Embassy" is tagged a name
PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def _mention(token_span: tuple[Token, Token], actor: Actor) -> ActorMention:
    first, last = token_span
    evidence = evidence_of(first.doc, first.idx, last.idx + len(last.text))
    return ActorMention(evidence, actor.id, actor.code, actor.name, actor.type, actor.country, CONFIDENCE, Link.MODIFIER)


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    return [t for token in tokens for t in (token, *token.conjuncts) if t.i >= token.i]


def demonym_actors(noun: Token, kb: ActorKB, *, names: bool = True) -> list[ActorMention]:
    """Capitalised nationality adjectives ("Iranian") or, with `names`, state names ("a US
    drone", "South Korea officials"; not a state's name inside another's: "New Jersey
    officials") modifying `noun`, and their conjuncts."""
    found = []
    for word in _with_conjuncts([c for c in noun.children if c.dep_ in MODIFIER_DEPS]):
        if not word.text[:1].isupper() or after_stance_prefix(word.doc, word.i):
            continue
        actor, first = kb.get(kb.adjectives.get(word.lower_)), word
        if actor is None and names and word.dep_ in NAME_DEPS:
            first, actor = _state_named(word, kb)
        if actor is not None:
            found.append(_mention((first, word), actor))
    return found


def _state_named(name: Token, kb: ActorKB) -> tuple[Token, Actor | None]:
    """The first word of the name `name` ends, with the state that whole name is, if any: the
    words compounded before it are part of it ("South Korea"; "New Jersey" is no Jersey)."""
    first = min([c for c in name.children if c.dep_ in NAME_DEPS] + [name], key=lambda t: t.i)
    states = [a for a in kb.lookup(name.doc.text[first.idx : name.idx + len(name.text)]) if a.type == STATE]
    return first, states[0] if states else None


def _origin_actors(noun: Token, kb: ActorKB) -> list[ActorMention]:
    """States named after "from"/"of" on `noun` ("fighters from Iran, Iraq and Lebanon")."""
    found = []
    objects = [o for p in noun.children if p.dep_ == "prep" and p.lower_ in ORIGIN_PREPS
               for o in p.children if o.dep_ == "pobj"]
    for name in (n for n in _with_conjuncts(objects) if n.text[:1].isupper()):
        first, state = _state_named(name, kb)
        if state is not None:
            found.append(_mention((first, name), state))
    return found


def group_actors(noun: Token, kb: ActorKB) -> list[ActorMention]:
    """The countries a group noun's modifiers name, in text order (empty when none do).

    noun (Token): head of the phrase naming the group ("fighters", or "thousands" of
        "thousands of fighters").
    kb (ActorKB): the actor KB (demonym adjectives and state aliases).
    """
    found = []
    for group in [noun, *partitive_objects(noun)]:
        if group.pos_ in GROUP_POS:
            found += demonym_actors(group, kb)
        if group.tag_ in PLURAL_TAGS:  # people come from a place; "the withdrawal from Iraq" does not
            found += _origin_actors(group, kb)
    return sorted(found, key=lambda m: m.evidence.start)


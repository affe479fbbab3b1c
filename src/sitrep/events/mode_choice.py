"""The PLOVER mode of an event: how it was done, or what kind of act was demanded.

The trigger row gives a mode where its words say it ("airstrike": aerial). Two more sources
read the words around the trigger, so a plain verb gets the mode its sentence states:

    instrument  a weapon or means in the doer's phrase or after "with/in/by/from" ("two fighter
                planes targeted": aerial, "killed in an airstrike": aerial, "10 gunmen stormed":
                firearms), from kb/instrument_words.jsonl or another trigger of the same
                category carrying a mode. It fills an empty mode, and replaces the trigger's
                only with a more specific kind of it (plover.json `mode_refines`: a detonation
                by a suicide bomber is a suicide attack).
    embedded    for a demand, a refusal or a threat, the act demanded, refused or threatened:
                a trigger below it in the parse ("called on Iran to release": yield, "threatened
                attacks": violence; plover.json `embedded_modes`), else any clause it governs
                ("called on the parliament to vote": change).

The chosen mode cites the words that gave it. Nothing around the trigger: no mode.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from sitrep.events.fields import argument_heads, children_on, is_infinitive_clause, prep_objects
from sitrep.events.lexicon import (
    ANY_CATEGORY,
    AUXILIARY_DEPS,
    CONNECTIVES,
    WHEN_PREPOSITIONS,
    InstrumentLexicon,
    Ontology,
    TriggerLexicon,
)
from sitrep.events.triggers import TriggerHit

logger = logging.getLogger(__name__)

# Where a weapon or means is named: the doer ("gunmen stormed"), a modifier ("suicide
# attack", "rocket fire"), and the object of these prepositions ("killed in an airstrike",
# "attacked with mortars", "hit by a roadside bomb", "fire from tanks").
INSTRUMENT_DEPS = frozenset({"nsubj", "compound", "amod", "nmod"})
INSTRUMENT_PREPOSITIONS = frozenset({"with", "in", "by", "from", "using"})
# A phrase stops at a clause of its own ("the rebels who fired rockets").
CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp", "conj", "parataxis", "appos"})
# What a demand governs stops at a clause beside it ("pressed X to reduce violence and discussed ...").
SIDE_CLAUSE_DEPS = frozenset({"conj", "parataxis", "relcl"})
# The clauses a demand or threat governs ("called on X to vote", "demanded that X leave"; an
# infinitive the parser hangs as advcl counts too) ...
DEMANDED_DEPS = frozenset({"xcomp", "ccomp", "acl"})
# ... and the phrases that can name the act ("demanded the release", "calls for talks", "the
# release was demanded").
ACT_PHRASE_DEPS = frozenset({"dobj", "prep", "nsubjpass"})
VERB_POS = frozenset({"VERB"})
# Tenses a clause tells a fact in ("denied that he had given", "denied he was leaving"),
# which a demanded act never takes: its verb is bare or subjunctive ("demanded that Assad
# step down", "that Christians convert", "refused to attend").
FACT_TENSES = frozenset({"VBD", "VBZ"})


@dataclass(frozen=True, slots=True)
class ModeChoice:
    """A PLOVER mode and the words that gave it (character offsets in the doc)."""

    mode: str
    start: int
    end: int

    @classmethod
    def of_token(cls, mode: str, token: Token) -> ModeChoice:
        return cls(mode, token.idx, token.idx + len(token.text))


def phrase_tokens(root: Token, stop_deps: frozenset[str]) -> list[Token]:
    """`root` and the words below it, short of the arcs in `stop_deps`."""
    found, stack = [], [root]
    while stack:
        token = stack.pop()
        found.append(token)
        stack += [c for c in token.children if c.dep_ not in stop_deps]
    return found


def instrument_tokens(anchors: Sequence[Token], lexicon: TriggerLexicon) -> list[Token]:
    """The words that can name the means of the act, nearest the trigger first."""
    heads = argument_heads(anchors, lexicon)
    roots = children_on(heads, INSTRUMENT_DEPS)
    # not another happening the act answers ("stormed the embassy in response to the airstrikes")
    roots += [o for o in prep_objects(heads, INSTRUMENT_PREPOSITIONS) if o.lower_ not in CONNECTIVES]
    tokens = {t.i: t for root in roots for t in phrase_tokens(root, CLAUSE_DEPS)}
    return sorted(tokens.values(), key=lambda t: abs(t.i - anchors[0].i))


def instrument_mode(hit: TriggerHit, hits: Sequence[TriggerHit], lexicon: TriggerLexicon,
                    instruments: InstrumentLexicon, ontology: Ontology) -> ModeChoice | None:
    """The mode the means named around the trigger gives (module docstring), or None."""
    category, own = hit.row.event, hit.row.mode
    refines = ontology.mode_refines.get(category, {})
    tokens = instrument_tokens(hit.anchors, lexicon)
    trigger_modes = {h.anchors[0].i: h.row.mode for h in hits if h is not hit and h.row.event == category and h.row.mode}
    for token in tokens:
        modes = ([trigger_modes[token.i]] if token.i in trigger_modes else []) + instruments.modes(token, category)
        for mode in modes:
            if mode != own and (own is None or own in refines.get(mode, ())):
                return ModeChoice.of_token(mode, token)
    return None


def embedded_mode(hit: TriggerHit, hits: Sequence[TriggerHit], lexicon: TriggerLexicon,
                  ontology: Ontology) -> ModeChoice | None:
    """For a demand, refusal or threat: the mode the act below it gives (module docstring)."""
    table = ontology.embedded_modes.get(hit.row.event)
    if not table:
        return None
    heads = argument_heads(hit.anchors, lexicon)
    clauses = [c for head in heads for c in head.children if c.dep_ in DEMANDED_DEPS or is_infinitive_clause(c)]
    below = {t.i for root in clauses + children_on(heads, ACT_PHRASE_DEPS) for t in phrase_tokens(root, SIDE_CLAUSE_DEPS)}
    below -= hit.indices
    below -= {t.i for root in clauses + list(heads) for p in root.children
              if p.dep_ == "prep" and p.lower_ in WHEN_PREPOSITIONS for t in p.subtree}
    inner = sorted((h for h in hits if h.anchors[0].i in below), key=lambda h: abs(h.anchors[0].i - hit.anchors[0].i))
    for other in inner:
        mode = table.get(f"{other.row.event}:{other.row.mode}") or table.get(other.row.event)
        if mode is not None:
            return ModeChoice(mode, other.start, other.end)
    clauses = [c for c in clauses if c.pos_ in VERB_POS and not _tells_a_fact(c)]
    if clauses and ANY_CATEGORY in table:
        return ModeChoice.of_token(table[ANY_CATEGORY], clauses[0])
    return None


def _tells_a_fact(clause: Token) -> bool:
    """Whether a clause under a demand or refusal states what is or was, in a tense of its own
    or its auxiliary's (`FACT_TENSES`): a denial of a claim, not a refusal of an act."""
    return clause.tag_ in FACT_TENSES or any(c.dep_ in AUXILIARY_DEPS and c.tag_ in FACT_TENSES
                                             for c in clause.children)


def choose_mode(hit: TriggerHit, hits: Sequence[TriggerHit], lexicon: TriggerLexicon,
                instruments: InstrumentLexicon, ontology: Ontology) -> ModeChoice | None:
    """The mode the words around the trigger give, or None to keep the trigger row's."""
    if hit.row.mode is None:
        embedded = embedded_mode(hit, hits, lexicon, ontology)
        if embedded is not None:
            return embedded
    return instrument_mode(hit, hits, lexicon, instruments, ontology)

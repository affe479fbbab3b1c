"""EVENTS stage: PLOVER-typed, sourced events with every field backed by evidence.

Contract
    input    a spaCy `Doc` parsed by the sitrep NLP pipeline (sentences + dependency parse)
             and these `Doc._` attributes (see `sitrep.nlp.extensions`; a missing list counts
             as empty, so the stage degrades instead of failing):
                 doc_id      the sitrep document id (goes into every Evidence and Event id)
                 published   DateEstimate of publication (event date fallback, time modes)
                 actors      ActorMention list   (sitrep_actor_resolver)
                 places      PlaceMention list   (sitrep_place_resolver)
                 times       TimeMention list    (sitrep_time_resolver)
                 quantities  Quantity list       (sitrep_quantity_finder)
                 quotes      Quote list          (sitrep_quote_finder)
             plus the outlet name (CleanDocument.metadata.outlet.value) for attribution.
    output   list[model.Event] in text order. Every non-empty field carries evidence on the
             "text" layer: Event.evidence[field], EventEntity/EventLocation/Magnitude.evidence,
             Event.sentence; the publication date, when used, carries its own evidence and
             `date_from_publication=True`. Events whose aux_mode includes future,
             hypothetical, negation, denied or demand did not (yet) happen: see `happened`.
    data     kb/plover.json, kb/event_triggers.jsonl, kb/aux_mode_cues.jsonl (`lexicon`).

Modules: lexicon (KB loading), candidates (cheap sentence filter), triggers (lexicon matching),
modes (auxiliary modes), fields (arguments), attribution (who asserts it), merge (one event per
happening), context (places carried from earlier sentences), coder (interface).
"""
from __future__ import annotations

from spacy.tokens import Doc

from sitrep.events.coder import EventCoder, RuleCoder
from sitrep.events.lexicon import load_ontology
from sitrep.model import Event

__all__ = ["EventCoder", "RuleCoder", "code_events", "happened"]


def code_events(doc: Doc, outlet: str | None = None, coder: EventCoder | None = None) -> list[Event]:
    """The PLOVER events of one annotated doc.

    doc (Doc): parsed doc with the `Doc._` attributes listed in the module docstring.
    outlet (str | None): the publishing outlet, first link of every attribution chain.
    coder (EventCoder | None): the coder to use; a default `RuleCoder` when None.
    RETURNS (list[Event]): events in text order.
    """
    return (coder or RuleCoder()).code(doc, outlet)


def happened(event: Event) -> bool:
    """True unless an aux mode says the event is planned, conditional, negated, denied or demanded."""
    flags = load_ontology().aux_happened
    return all(flags.get(mode, True) for mode in event.aux_mode)

"""The `Doc._` attributes through which sitrep's spaCy components hand results on.

Components never re-parse: each reads what earlier components set here and writes its own
list. Registering them in one module keeps the contract visible in one place.

doc._.doc_id      str: the sitrep document id (set by the caller before `nlp.pipe`).
doc._.published   model.DateEstimate | None: publication date (explicit or inferred).
doc._.actors      list[model.ActorMention]   set by sitrep.actor_resolver
doc._.places      list[model.PlaceMention]   set by sitrep.place_resolver
doc._.times       list[model.TimeMention]    set by sitrep.time_resolver
doc._.quantities  list[model.Quantity]       set by sitrep.quantity_finder
doc._.quotes      list[model.Quote]          set by sitrep.quote_finder
"""
from __future__ import annotations

from spacy.tokens import Doc

EXTENSIONS: dict[str, object] = {
    "doc_id": None,
    "published": None,
    "actors": None,
    "places": None,
    "times": None,
    "quantities": None,
    "quotes": None,
}


def register_extensions() -> None:
    """Declare every `Doc._` attribute once (idempotent); call before building a pipeline."""
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def evidence_of(doc: Doc, start: int, end: int):
    """Evidence for doc.text[start:end] in the "text" layer of the sitrep document."""
    from sitrep.model import Evidence

    return Evidence(doc._.doc_id or "", "text", start, end, doc.text[start:end])

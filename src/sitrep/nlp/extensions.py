"""The `Doc._` attributes through which sitrep's spaCy components hand results on.

Components never re-parse: each reads what earlier components set here and writes its own
list. Registering them in one module keeps the contract visible in one place.

doc._.doc_id      str: the sitrep document id (set by the caller before `nlp.pipe`).
doc._.published   model.DateEstimate | None: publication date (explicit or inferred).
doc._.actors      list[model.ActorMention]   set by sitrep_actor_resolver
doc._.places      list[model.PlaceMention]   set by sitrep_place_resolver
doc._.times       list[model.TimeMention]    set by sitrep_time_resolver
doc._.quantities  list[model.Quantity]       set by sitrep_quantity_finder
doc._.quotes      list[model.Quote]          set by sitrep_quote_finder
"""
from __future__ import annotations

from spacy.tokens import Doc

from sitrep.model import Evidence

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


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc: spaCy rebuilds the string from tokens on every access."""
    text = doc.user_data.get("sitrep_text")
    if text is None:
        text = doc.user_data["sitrep_text"] = doc.text
    return text


def evidence_of(doc: Doc, start: int, end: int) -> Evidence:
    """Evidence for doc.text[start:end] in the "text" layer of the sitrep document."""
    return Evidence(doc._.doc_id or "", "text", start, end, doc_text(doc)[start:end])

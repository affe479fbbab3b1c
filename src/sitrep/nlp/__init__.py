"""NLP stage: clean text in, resolved mentions out, through one spaCy pipeline.

Requires: CleanDocument.text, metadata.published.
Assigns (on each spaCy Doc, see `extensions.py`): doc._.actors, places, times, quantities,
quotes — each mention with its evidence span in the "text" layer and a confidence.

Entry points: `build_nlp(settings)` once, then `parse_documents(nlp, cleaned)`, which runs
`nlp.pipe` in batches; no component re-parses.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from sitrep.model import Analysis, CleanDocument
from sitrep.settings import Settings, load_settings

logger = logging.getLogger(__name__)

__all__ = ["build_nlp", "default_nlp", "parse_documents", "mentions_of"]


def build_nlp(settings: Settings) -> Language:
    """The model named in settings with sitrep's components appended in their configured order.

    RAISES: ValueError naming a component that is not registered in nlp/factories.py.
    """
    from sitrep.nlp.factories import FACTORIES

    nlp = spacy.load(settings.nlp_model)
    for name in settings.nlp_components:
        if name not in FACTORIES:
            raise ValueError(f"unknown NLP component {name!r}: registered ones are {sorted(FACTORIES)}")
        nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=1)
def default_nlp() -> Language:
    """The default pipeline, built once per process."""
    return build_nlp(load_settings())


def parse_documents(nlp: Language, cleaned: Sequence[CleanDocument], batch_size: int = 32) -> Iterator[Doc]:
    """spaCy Docs for the clean texts, in order.

    The doc id and publication date are set on each Doc before the components run (spaCy's
    `nlp.pipe` accepts Docs), because the time resolver reads the date.
    """
    def prepared() -> Iterator[Doc]:
        for clean in cleaned:
            doc = nlp.make_doc(clean.text)
            doc._.doc_id = clean.doc.id
            doc._.published = clean.metadata.published
            yield doc

    yield from nlp.pipe(prepared(), batch_size=batch_size)


def mentions_of(doc: Doc) -> Analysis:
    """The mentions the components set on a Doc, as an `Analysis` (events not yet coded)."""
    return Analysis(
        doc_id=doc._.doc_id,
        actors=tuple(doc._.actors or ()),
        places=tuple(doc._.places or ()),
        times=tuple(doc._.times or ()),
        quantities=tuple(doc._.quantities or ()),
        quotes=tuple(doc._.quotes or ()),
    )

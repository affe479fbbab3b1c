"""NLP stage: clean text in, resolved mentions out, through one spaCy pipeline.

Requires: CleanDocument.text, metadata.published.
Assigns (on each spaCy Doc, see `extensions.py`): doc._.actors, places, times, quantities,
quotes — each mention with its evidence span in the "text" layer and a confidence.

Entry points: `build_nlp(settings)` once, then `parse_documents(nlp, cleaned)`, which runs
`nlp.pipe` in batches; no component re-parses. With `prefilter=True` (setting `nlp.prefilter`)
the model parses only candidate sentences (`prefilter.py`).
"""
from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from sitrep.model import Analysis, CleanDocument
from sitrep.nlp.casing import FACTORY_NAME as SENTENCE_CASE
from sitrep.nlp.contractions import FACTORY_NAME as PERFECT_CONTRACTIONS
from sitrep.nlp.sentence_starts import FACTORY_NAME as SENTENCE_STARTS
from sitrep.nlp.tokenizer import split_abbreviation_compounds
from sitrep.nlp.typography import read_curly_marks_as_straight
from sitrep.settings import Settings, default_settings

logger = logging.getLogger(__name__)

__all__ = ["build_nlp", "default_nlp", "parse_documents", "mentions_of", "restore_offsets"]


def build_nlp(settings: Settings) -> Language:
    """The model named in settings, its tokenizer taught news compounds ("U.S.-led"),
    sentences started after each blank line and dateline before the parser runs
    (`sentence_starts.py`), common nouns opening a sentence in capitals read as nouns
    (`casing.py`), a contracted "has" read as one, not as a passive "is"
    (`contractions.py`), curly quotes read as straight ones by the model (`typography.py`),
    and sitrep's components appended in their configured order.

    RAISES: ValueError naming a component that is not registered in nlp/factories.py.
    """
    from sitrep.nlp.factories import FACTORIES

    nlp = spacy.load(settings.nlp_model)
    split_abbreviation_compounds(nlp)
    read_curly_marks_as_straight(nlp)
    nlp.add_pipe(SENTENCE_STARTS, first=True)
    nlp.add_pipe(SENTENCE_CASE, after="ner")
    nlp.add_pipe(PERFECT_CONTRACTIONS, after="parser")
    for name in settings.nlp_components:
        if name not in FACTORIES:
            raise ValueError(f"unknown NLP component {name!r}: registered ones are {sorted(FACTORIES)}")
        nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=1)
def default_nlp() -> Language:
    """The default pipeline, built once per process."""
    return build_nlp(default_settings())


def parse_documents(
    nlp: Language, cleaned: Sequence[CleanDocument], batch_size: int = 32, *, prefilter: bool = False
) -> Iterator[Doc]:
    """spaCy Docs for the clean texts, in order.

    The doc id and publication date are set on each Doc before the components run (spaCy's
    `nlp.pipe` accepts Docs), because the time resolver reads the date.
    prefilter (bool): parse only the sentences that can hold an event, with their context
        (setting `nlp.prefilter`). Each Doc is then an excerpt of its text: pass what is read
        from it through `restore_offsets(record, doc, clean.text)` to index the clean text.
    """
    if prefilter:
        from sitrep.nlp.prefilter import parse_selected

        yield from parse_selected(nlp, cleaned, batch_size)
        return

    def prepared() -> Iterator[Doc]:
        for clean in cleaned:
            doc = nlp.make_doc(clean.text)
            doc._.doc_id = clean.doc.id
            doc._.published = clean.metadata.published
            yield doc

    yield from nlp.pipe(prepared(), batch_size=batch_size)


def restore_offsets(record, doc: Doc, text: str):
    """`record` with its "text"-layer offsets moved from a prefilter excerpt to `text` (the
    clean text); unchanged for a Doc parsed whole. See `sitrep.nlp.prefilter`."""
    from sitrep.nlp.prefilter import restore_offsets as restore

    return restore(record, doc, text)


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

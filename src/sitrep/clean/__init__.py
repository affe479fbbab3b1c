"""Clean stage: `Document` in, `CleanDocument` (main text, comments, metadata) out.

Requires: Document.raw_text, media_type, hints.
Assigns: CleanDocument.text, segments (map to raw), blocks, comments, metadata
(title, outlet, author, dateline, url, published date with evidence and confidence).

Entry point: `clean_documents(docs)`. It sees a whole batch because one boilerplate
signal, a line repeated verbatim across pages, is only visible across documents.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence

from sitrep.model import CleanDocument, Document, Failure

logger = logging.getLogger(__name__)

__all__ = ["clean_documents"]


def clean_documents(docs: Sequence[Document]) -> list[CleanDocument | Failure]:
    """Clean a batch of documents; a page that fails becomes a `Failure`, the rest go on."""
    from sitrep.clean.pipeline import clean_batch

    return clean_batch(docs)

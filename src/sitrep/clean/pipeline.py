"""The clean cascade for a batch: pick the extractor, then metadata, one page at a time.

1. Count, across the batch, how many pages carry each normalised line (menus, widgets and
   footers repeat verbatim from page to page of one site; article prose does not).
2. Extract: HTML pages go to `html.extract_html_page`, text scrapes to
   `text_blocks.extract_text_page` (which reads the counts from step 1).
   Hover cards set inside sentences are cut out of the text (`inline_widgets.py`).
3. A page whose extraction kept no text becomes Failure E010.
4. Metadata and the publication date from hints, markup clues and the page text.
A page that raises in any step becomes Failure E011 and the batch goes on.
"""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence

from sitrep.clean.extraction import Extraction
from sitrep.clean.html import extract_html_page
from sitrep.clean.inline_widgets import without_hover_cards
from sitrep.clean.metadata import extract_metadata
from sitrep.clean.text_blocks import extract_text_page
from sitrep.clean.text_features import line_keys
from sitrep.errors import SitrepError
from sitrep.model import CleanDocument, Document, Failure

logger = logging.getLogger(__name__)


def count_lines(docs: Sequence[Document]) -> Counter[str]:
    """For each normalised line, the number of text pages in the batch that contain it."""
    counts: Counter[str] = Counter()
    for doc in docs:
        if doc.media_type != "text/html":
            counts.update(line_keys(doc.raw_text))
    return counts


def extract_page(doc: Document, line_counts: Counter[str], batch_size: int) -> Extraction:
    """Step 2: the extractor for the page's media type."""
    if doc.media_type == "text/html":
        return extract_html_page(doc)
    return extract_text_page(doc, line_counts, batch_size)


def clean_one(doc: Document, line_counts: Counter[str], batch_size: int) -> CleanDocument:
    """Steps 2-4 for one page. RAISES: SitrepError E010 when no article text is left."""
    extraction = without_hover_cards(extract_page(doc, line_counts, batch_size))
    if not extraction.text.strip():
        raise SitrepError("E010", doc.source)
    return CleanDocument(
        doc=doc,
        text=extraction.text,
        segments=extraction.segments,
        metadata=extract_metadata(doc, extraction),
        comments=extraction.comments,
        blocks=extraction.blocks,
        method=extraction.method,
    )


def clean_batch(docs: Sequence[Document]) -> list[CleanDocument | Failure]:
    """Clean every page of a batch; failures come back in place of their documents."""
    line_counts = count_lines(docs)
    results: list[CleanDocument | Failure] = []
    for doc in docs:
        try:
            results.append(clean_one(doc, line_counts, len(docs)))
        except SitrepError as error:
            logger.warning("%s: %s", doc.source, error)
            results.append(Failure(doc.source, "clean", error.code, str(error), doc.id))
        except Exception as exc:  # a bug on one page must not stop the batch: record it, go on
            logger.exception("clean failed on %s", doc.source)
            detail = str(SitrepError("E011", f"{doc.source}: {type(exc).__name__}: {exc}"))
            results.append(Failure(doc.source, "clean", "E011", detail, doc.id))
    return results

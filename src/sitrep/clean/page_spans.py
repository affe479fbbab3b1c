"""Where on a page to look, and how to turn a found span into `Evidence` in the raw layer.

Internal helpers shared by `metadata.py` and `pubdate.py`: both read the page as lines with
the extractor's labels (header above the body, footer below it, metadata blocks), and both
scan the clean body text, whose spans must be mapped back to the raw page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.clean.extraction import Extraction
from sitrep.model import Document, Evidence

# Labels of lines that are the article itself; everything above the first one is header.
ARTICLE_LABELS = frozenset({"body"})
# Labels never searched for page metadata: readers' comments are other people's words.
SKIPPED_LABELS = frozenset({"comment"})
# Without extractor labels, this many non-empty lines at each end stand in for header/footer.
UNLABELLED_EDGE_LINES = 8
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class PageLine:
    """One non-empty raw line (stripped), with the label of the block it belongs to."""

    start: int
    end: int
    text: str
    label: str


def page_lines(doc: Document, extraction: Extraction) -> list[PageLine]:
    """Every non-empty raw line in page order; label "" when the extractor gave no blocks."""
    raw = doc.raw_text
    if not extraction.blocks:
        return [line for m in _LINE.finditer(raw) if (line := _stripped(raw, m.start(), m.end(), ""))]
    lines = []
    for block in sorted(extraction.blocks, key=lambda b: b.start):
        for m in _LINE.finditer(raw, block.start, block.end):
            if line := _stripped(raw, m.start(), m.end(), block.label):
                lines.append(line)
    return lines


def _stripped(raw: str, start: int, end: int, label: str) -> PageLine | None:
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    return PageLine(start, end, raw[start:end], label) if start < end else None


def header_lines(lines: list[PageLine]) -> list[PageLine]:
    """Lines above the first article line (or the first few lines of an unlabelled page)."""
    if not any(line.label for line in lines):
        return lines[:UNLABELLED_EDGE_LINES]
    first = next((i for i, line in enumerate(lines) if line.label in ARTICLE_LABELS), len(lines))
    return [line for line in lines[:first] if line.label not in SKIPPED_LABELS]


def footer_lines(lines: list[PageLine]) -> list[PageLine]:
    """Lines below the last article line, comments left out."""
    if not any(line.label for line in lines):
        return lines[-UNLABELLED_EDGE_LINES:]
    last = max((i for i, line in enumerate(lines) if line.label in ARTICLE_LABELS), default=-1)
    return [line for line in lines[last + 1:] if line.label not in SKIPPED_LABELS]


def article_lines(lines: list[PageLine]) -> list[PageLine]:
    """The article's own lines (all lines when the extractor gave no labels)."""
    if not any(line.label for line in lines):
        return lines
    return [line for line in lines if line.label in ARTICLE_LABELS]


def raw_evidence(doc: Document, start: int, end: int) -> Evidence:
    """Evidence for raw[start:end] (the caller has checked the span is not empty)."""
    return Evidence(doc.id, "raw", start, end, doc.raw_text[start:end])


def text_evidence(doc: Document, extraction: Extraction, start: int, end: int) -> Evidence:
    """Evidence for a span of the clean text: in the raw layer when the span maps there
    verbatim (through `extraction.segments`), otherwise in the "text" layer, never invented."""
    raw_start = _raw_offset(extraction, start)
    if raw_start is not None:
        raw_end = raw_start + (end - start)
        if doc.raw_text[raw_start:raw_end] == extraction.text[start:end]:
            return Evidence(doc.id, "raw", raw_start, raw_end, doc.raw_text[raw_start:raw_end])
    return Evidence(doc.id, "text", start, end, extraction.text[start:end])


def _raw_offset(extraction: Extraction, text_offset: int) -> int | None:
    for seg in extraction.segments:
        if seg.text_start <= text_offset < seg.text_start + seg.length:
            return None if seg.raw_start is None else seg.raw_start + text_offset - seg.text_start
    return None

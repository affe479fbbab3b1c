"""What a page extractor hands to metadata extraction: the body, comments and raw-page clues.

Both extractors (`html.py` for markup, `text_blocks.py` for pages already flattened to text)
return this one shape, so that `metadata.py` and `pubdate.py` never care which ran.
"""
from __future__ import annotations

from dataclasses import dataclass

from sitrep.model import Block, Comment, Evidence, Segment


@dataclass(frozen=True, slots=True)
class Extraction:
    """The result of separating one page into body, comments and boilerplate.

    text / segments: the main text and its map back to the raw layer.
    blocks: every line or block of the raw page with its label (body, title, comment, ...).
    comments: reader comments, one record each.
    clues: metadata candidates the extractor saw in markup (meta tags, JSON-LD, <title>),
        keyed by field name ("title", "author", "date", "outlet", "url"), each as
        (value, evidence-in-raw-layer or None, method).
    method: which extractor (and which step of its cascade) produced the body.
    """

    text: str
    segments: tuple[Segment, ...]
    blocks: tuple[Block, ...]
    comments: tuple[Comment, ...]
    clues: dict[str, tuple[tuple[str, Evidence | None, str], ...]]
    method: str

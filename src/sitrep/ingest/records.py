"""Building `Document` records: stable ids, hashes, media type.

The id is a hash of the page content, not of its path, so the same page read from a
folder, a JSONL dump or a WARC is one document, and re-running adds nothing twice.
"""
from __future__ import annotations

import hashlib
import re

from sitrep.model import Document

# A page is HTML when it opens with markup or carries the structural tags of one.
_HTML_START = re.compile(r"^\s*(<!doctype html|<html|<\?xml|<head|<body|<meta|<div|<p[ >])", re.I)
_HTML_TAGS = re.compile(r"</(p|div|body|html|article|span|a)>", re.I)
HTML_MIN_CLOSING_TAGS = 3


def content_id(text: str) -> str:
    """Stable document id: the first 16 hex digits of sha256 over the whitespace-normalised text."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


def sniff_media_type(text: str, name: str = "") -> str:
    """"text/html" for markup (by extension or content), otherwise "text/plain"."""
    lowered = name.lower()
    if lowered.endswith((".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")):
        return "text/html"
    head = text[:4096]
    if _HTML_START.match(head) or len(_HTML_TAGS.findall(head)) >= HTML_MIN_CLOSING_TAGS:
        return "text/html"
    return "text/plain"


def make_document(
    text: str,
    raw: bytes,
    source: str,
    encoding: str,
    *,
    fetched_at: str | None = None,
    hints: dict[str, str] | None = None,
    media_type: str | None = None,
) -> Document:
    """A `Document` for one page; media type sniffed unless given."""
    return Document(
        id=content_id(text),
        source=source,
        raw_text=text,
        raw_hash=hashlib.sha256(raw).hexdigest(),
        media_type=media_type or sniff_media_type(text, source),
        encoding=encoding,
        fetched_at=fetched_at,
        hints=hints or {},
    )

"""Metadata clues read from HTML markup, each pointing at the exact raw characters it came from.

The scan works on the raw text with regular expressions rather than on a parsed tree,
because a parser forgets character offsets and every clue must carry
`Evidence(layer="raw")` with `raw_text[start:end] == evidence.text`. The evidence text is
the value as written in the page (entities or JSON escapes included); the clue value is
that text decoded. Which markup feeds which field is the table `META_FIELDS` below (the
names publishers actually use: Open Graph, Dublin Core, schema.org, Parse.ly, Sailthru).
"""
from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Iterator

from sitrep.model import Evidence

logger = logging.getLogger(__name__)

Clue = tuple[str, Evidence | None, str]

# <meta> attribute value (property=, name= or itemprop=, lower-cased) -> clue field.
META_FIELDS = {
    "og:title": "title", "twitter:title": "title", "dc.title": "title", "headline": "title",
    "og:site_name": "outlet", "application-name": "outlet", "publisher": "outlet",
    "author": "author", "article:author": "author", "dc.creator": "author", "byl": "author",
    "parsely-author": "author", "sailthru.author": "author",
    "article:published_time": "date", "og:published_time": "date", "date": "date",
    "pubdate": "date", "publishdate": "date", "publish-date": "date", "dc.date": "date",
    "dc.date.issued": "date", "datepublished": "date", "parsely-pub-date": "date",
    "sailthru.date": "date", "og:url": "url",
}
# JSON-LD key -> clue field; dicts under "author"/"publisher" give their "name".
JSONLD_FIELDS = {"headline": "title", "datePublished": "date", "url": "url",
                 "author": "author", "publisher": "outlet"}
CLUE_FIELDS = ("title", "outlet", "author", "date", "url")

_TAG_ATTRS = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
_META_RE = re.compile(rf"<meta\b{_TAG_ATTRS}>", re.I)
_LINK_RE = re.compile(rf"<link\b{_TAG_ATTRS}>", re.I)
_TIME_RE = re.compile(rf"<time\b{_TAG_ATTRS}>", re.I)
_ATTR_RE = re.compile(r"""([^\s"'=<>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_TITLE_RE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.I | re.S)
_JSONLD_RE = re.compile(
    r"<script\b[^>]*application/ld\+json[^>]*>(.*?)</script\s*>", re.I | re.S)
_JSON_STRING_PAIR = r'"{key}"\s*:\s*"((?:[^"\\]|\\.)*)"'


def extract_markup_clues(raw_text: str, doc_id: str) -> dict[str, tuple[Clue, ...]]:
    """Collect every metadata candidate in the markup, in page order per field.

    raw_text (str): the decoded HTML page.
    doc_id (str): the document id the evidence refers to.
    RETURNS (dict): field name -> tuple of (value, raw evidence, method); fields with no
        candidate are left out.
    """
    found: dict[str, list[Clue]] = {}
    for field_name, clue in _scan(raw_text, doc_id):
        if clue[0] and clue not in found.setdefault(field_name, []):
            found[field_name].append(clue)
    return {name: tuple(found[name]) for name in CLUE_FIELDS if found.get(name)}


def _scan(raw: str, doc_id: str) -> Iterator[tuple[str, Clue]]:
    yield from _title_clues(raw, doc_id)
    yield from _meta_clues(raw, doc_id)
    yield from _link_clues(raw, doc_id)
    yield from _time_clues(raw, doc_id)
    yield from _jsonld_clues(raw, doc_id)


def _attributes(raw: str, tag: re.Match[str]) -> dict[str, tuple[str, int, int]]:
    """Attributes of one tag: lower-cased name -> (raw value, start, end) in the page."""
    attrs = {}
    for attr in _ATTR_RE.finditer(raw, tag.start(), tag.end()):
        group = next(g for g in (2, 3, 4) if attr.group(g) is not None)
        attrs[attr.group(1).lower()] = (attr.group(group), attr.start(group), attr.end(group))
    return attrs


def _evidence(raw: str, doc_id: str, start: int, end: int) -> Evidence | None:
    """Evidence for a raw span trimmed of surrounding whitespace (None when empty)."""
    while start < end and raw[start].isspace():
        start += 1
    while end > start and raw[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    return Evidence(doc_id, "raw", start, end, raw[start:end])


def _decoded(text: str) -> str:
    return " ".join(html.unescape(text).split())


def _title_clues(raw: str, doc_id: str) -> Iterator[tuple[str, Clue]]:
    match = _TITLE_RE.search(raw)
    if match:
        evidence = _evidence(raw, doc_id, match.start(1), match.end(1))
        if evidence:
            yield "title", (_decoded(evidence.text), evidence, "html:title")


def _meta_clues(raw: str, doc_id: str) -> Iterator[tuple[str, Clue]]:
    for tag in _META_RE.finditer(raw):
        attrs = _attributes(raw, tag)
        if "content" not in attrs:
            continue
        for key_attr in ("property", "name", "itemprop"):
            key = attrs.get(key_attr, ("",))[0].strip().lower()
            if key in META_FIELDS:
                _, start, end = attrs["content"]
                evidence = _evidence(raw, doc_id, start, end)
                if evidence:
                    yield META_FIELDS[key], (_decoded(evidence.text), evidence, f"meta:{key}")
                break


def _link_clues(raw: str, doc_id: str) -> Iterator[tuple[str, Clue]]:
    for tag in _LINK_RE.finditer(raw):
        attrs = _attributes(raw, tag)
        if attrs.get("rel", ("",))[0].strip().lower() == "canonical" and "href" in attrs:
            _, start, end = attrs["href"]
            evidence = _evidence(raw, doc_id, start, end)
            if evidence:
                yield "url", (_decoded(evidence.text), evidence, "link:canonical")


def _time_clues(raw: str, doc_id: str) -> Iterator[tuple[str, Clue]]:
    """<time itemprop="datePublished" datetime=...>: the schema.org microdata date."""
    for tag in _TIME_RE.finditer(raw):
        attrs = _attributes(raw, tag)
        itemprop = attrs.get("itemprop", ("",))[0].lower()
        if itemprop == "datepublished" and "datetime" in attrs:
            _, start, end = attrs["datetime"]
            evidence = _evidence(raw, doc_id, start, end)
            if evidence:
                yield "date", (_decoded(evidence.text), evidence, "microdata:datePublished")


def _jsonld_clues(raw: str, doc_id: str) -> Iterator[tuple[str, Clue]]:
    for script in _JSONLD_RE.finditer(raw):
        try:
            data = json.loads(script.group(1))
        except ValueError:
            logger.debug("%s: unreadable JSON-LD block at %s", doc_id, script.start(1))
            continue
        for field_name, key, string_key, value in _jsonld_values(data):
            evidence = _json_string_evidence(raw, doc_id, script.start(1), script.end(1),
                                             string_key, value)
            yield field_name, (" ".join(value.split()), evidence, f"jsonld:{key}")


def _jsonld_values(data: object) -> Iterator[tuple[str, str, str, str]]:
    """(field, JSON-LD key, key holding the string, string) for every wanted value."""
    stack = [data]
    while stack:
        node = stack.pop(0)
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            for key, field_name in JSONLD_FIELDS.items():
                for value in node.get(key) if isinstance(node.get(key), list) else [node.get(key)]:
                    if isinstance(value, str) and value.strip():
                        yield field_name, key, key, value
                    elif isinstance(value, dict) and isinstance(value.get("name"), str):
                        yield field_name, key, "name", value["name"]
            stack.extend(v for k, v in node.items() if k not in JSONLD_FIELDS)


def _json_string_evidence(raw: str, doc_id: str, start: int, end: int,
                          key: str, value: str) -> Evidence | None:
    """The raw span of `"key": "value"`'s string inside one JSON-LD block (escapes kept)."""
    pattern = re.compile(_JSON_STRING_PAIR.format(key=re.escape(key)))
    for pair in pattern.finditer(raw, start, end):
        try:
            decoded = json.loads(f'"{pair.group(1)}"')
        except ValueError:
            continue
        if decoded == value:
            return _evidence(raw, doc_id, pair.start(1), pair.end(1))
    return None

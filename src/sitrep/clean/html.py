"""Main text and reader comments of an HTML page, each mapped back to the raw markup.

The body comes from trafilatura, run as a cascade (measured on the Zyte extraction dev set
with bench/extraction_f1.py):
    1. trafilatura with favor_precision and comments split off (best mean F1 alone);
    2. if that kept almost nothing, the balanced trafilatura run, which is its own rescue
       for pages where the precise run throws the article away;
    3. a leading paragraph that repeats the page's headline is dropped (the headline is
       metadata, found by `html_meta`, not body).
Comments come from the page's comment section (trafilatura's selectors), split into one
record per comment where the markup repeats a comment element, else one per paragraph of
trafilatura's comment text.

Every paragraph is looked up in the page's text nodes (entities decoded) so that each
character copied verbatim from the raw page gets its raw offset; characters that came from
an entity, or text that cannot be found, stay unmapped (`Segment.raw_start` None).
"""
from __future__ import annotations

import html
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

import trafilatura
from lxml import etree
from rapidfuzz import fuzz
from rapidfuzz.utils import default_process
from trafilatura.utils import load_html
from trafilatura.xml import xmltotxt
from trafilatura.xpaths import COMMENTS_XPATH

from sitrep.clean.extraction import Extraction
from sitrep.clean.html_meta import extract_markup_clues
from sitrep.model import Block, Comment, Document, Evidence, Field, Segment

logger = logging.getLogger(__name__)

# Below this many tokens the precise run may have missed the article: try the balanced run.
SHORT_BODY_TOKENS = 100
# ... and take the balanced run when it is at least this many times longer.
RESCUE_LENGTH_RATIO = 4.0
# A first paragraph this similar to a title (rapidfuzz partial ratio) is the headline...
HEADLINE_MATCH_SCORE = 92
# ... if it is at most this many characters longer than the title, and covers at least
# this share of it (so that a short kicker like "Review" is not taken for the headline).
HEADLINE_SLACK_CHARS = 5
HEADLINE_MIN_SHARE = 0.5
# Runs of words matched to the page (non-space characters): this long, anywhere ...
ANYWHERE_RUN_CHARS = 20
# ... this long, within NEARBY_WINDOW characters after the previous match; shorter runs
# only right after it.
NEARBY_RUN_CHARS = 4
NEARBY_WINDOW = 200

_TAG_ATTRS = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
# Markup that holds no visible text: comments, scripts and styles, tags.
_NON_TEXT_RE = re.compile(
    r"<!--.*?(?:-->|\Z)"
    rf"|<(script|style|noscript|template|svg|textarea)\b{_TAG_ATTRS}>.*?(?:</\1\s*>|\Z)"
    r"|<!\[CDATA\[.*?\]\]>"
    rf"|</?[A-Za-z!?]{_TAG_ATTRS}>",
    re.I | re.S)
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_NON_SPACE_RE = re.compile(r"\S+")

# A repeated comment element: WordPress-style ids ("comment-12", "li-comment-12") or a
# class token naming one comment (not the section: "comments", "comment-list").
_COMMENT_ID_RE = re.compile(r"^(?:li-|div-)?comment[-_]?\d+$", re.I)
_COMMENT_CLASS_RE = re.compile(
    r"^(?:comment(?:[-_]?(?:item|entry|body|container|wrapper|single|thread))?"
    r"|(?:single|user|reader)[-_]?comment)$", re.I)
# Parts of a comment that are not what the reader wrote.
_COMMENT_CHROME_RE = re.compile(
    r"author|meta|date|time|reply|avatar|vcard|permalink|edit|like|vote|share|report|"
    r"header|footer|actions|says", re.I)
_COMMENT_CHROME_TAGS = {"footer", "header", "time", "button", "form", "script", "style",
                        "noscript", "img"}
_AUTHOR_RE = re.compile(r"\b(?:fn|author|username|user-name|comment-name|nick)\b", re.I)
_POSTED_RE = re.compile(r"date|time|posted|published", re.I)
_BLOCK_TAGS = {"p", "div", "br", "li", "blockquote", "section", "article", "ul", "ol",
               "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table", "tr", "footer", "header"}


@dataclass(frozen=True, slots=True)
class TextStream:
    """The page's visible characters without whitespace, each with its raw offset.

    chars: the non-space characters of all text nodes, entities decoded, in page order.
    offsets: raw offset of each character (for a decoded entity: where the entity starts).
    verbatim: False where the character came from an entity (it is not in the raw text).
    """

    raw: str
    chars: str
    offsets: tuple[int, ...]
    verbatim: tuple[bool, ...]


def extract_html_page(doc: Document) -> Extraction:
    """Split an HTML page into main text, reader comments and markup metadata clues.

    doc (Document): the page; `doc.raw_text` is the decoded HTML.
    RETURNS (Extraction): body text with segments, one block per body paragraph and per
        comment, the comments, and the markup clues.
    """
    raw = doc.raw_text
    clues = extract_markup_clues(raw, doc.id)
    paragraphs, comment_lines, method = _body_cascade(raw, doc.hints.get("url"))
    headlines = [value for value, _, _ in clues.get("title", ())]
    if paragraphs and is_headline(paragraphs[0], headlines):
        paragraphs = paragraphs[1:]
        method += "+drop-headline"
    stream = text_stream(raw)
    text, raw_map, spans = _map_paragraphs(paragraphs, stream)
    comments = _comments(raw, doc.id, stream, comment_lines, set(paragraphs))
    blocks = [Block(start, end, "body", 1.0, method) for start, end in spans]
    blocks += [Block(c.evidence.start, c.evidence.end, "comment", 1.0, "comment section")
               for c in comments]
    blocks.sort(key=lambda block: block.start)
    return Extraction(text=text, segments=segments_from_map(raw_map), blocks=tuple(blocks),
                      comments=tuple(comments), clues=clues, method=method)


def is_headline(paragraph: str, headlines: Iterable[str]) -> bool:
    """True when a paragraph is one of the page's titles (maybe without the site name).

    Titles in <title> often carry the outlet ("Headline | Site") and quotes or dashes
    differ between the markup and the page, hence a fuzzy partial match of the paragraph
    inside a title no much longer than it.
    """
    for headline in headlines:
        if len(paragraph) > len(headline) + HEADLINE_SLACK_CHARS:
            continue
        score = fuzz.partial_ratio(paragraph, headline, processor=default_process)
        if score >= HEADLINE_MATCH_SCORE and len(paragraph) >= len(headline) * HEADLINE_MIN_SHARE:
            return True
    return False


def _body_cascade(raw: str, url: str | None) -> tuple[list[str], list[str], str]:
    """Body paragraphs, trafilatura's comment paragraphs, and the cascade step used."""
    precise = _trafilatura_run(raw, url, favor_precision=True)
    paragraphs, comment_lines = precise
    method = "trafilatura:precision"
    if _token_count(paragraphs) < SHORT_BODY_TOKENS:
        balanced = _trafilatura_run(raw, url, favor_precision=False)
        if _token_count(balanced[0]) >= RESCUE_LENGTH_RATIO * max(1, _token_count(paragraphs)):
            paragraphs, comment_lines = balanced
            method = "trafilatura:balanced-rescue"
    return paragraphs, comment_lines, method


def _trafilatura_run(raw: str, url: str | None, favor_precision: bool
                     ) -> tuple[list[str], list[str]]:
    result = trafilatura.bare_extraction(raw, url=url, favor_precision=favor_precision,
                                         include_comments=True, with_metadata=False)
    if result is None:
        return [], []
    return _lines(result.body), _lines(result.commentsbody)


def _lines(tree: etree._Element | None) -> list[str]:
    if tree is None:
        return []
    return [line.strip() for line in xmltotxt(tree, False).split("\n") if line.strip()]


def _token_count(paragraphs: Iterable[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


def text_stream(raw: str) -> TextStream:
    """Index the visible characters of an HTML page by raw offset (see `TextStream`)."""
    chars: list[str] = []
    offsets: list[int] = []
    verbatim: list[bool] = []
    position = 0
    for markup in _NON_TEXT_RE.finditer(raw):
        _add_text_node(raw, position, markup.start(), chars, offsets, verbatim)
        position = markup.end()
    _add_text_node(raw, position, len(raw), chars, offsets, verbatim)
    return TextStream(raw, "".join(chars), tuple(offsets), tuple(verbatim))


def _add_text_node(raw: str, start: int, end: int, chars: list[str], offsets: list[int],
                   verbatim: list[bool]) -> None:
    position = start
    for entity in _ENTITY_RE.finditer(raw, start, end):
        _add_plain(raw, position, entity.start(), chars, offsets, verbatim)
        decoded = html.unescape(entity.group())
        if decoded == entity.group():
            _add_plain(raw, entity.start(), entity.end(), chars, offsets, verbatim)
        else:
            for char in decoded:
                if not char.isspace():
                    chars.append(char)
                    offsets.append(entity.start())
                    verbatim.append(False)
        position = entity.end()
    _add_plain(raw, position, end, chars, offsets, verbatim)


def _add_plain(raw: str, start: int, end: int, chars: list[str], offsets: list[int],
               verbatim: list[bool]) -> None:
    for word in _NON_SPACE_RE.finditer(raw, start, end):
        chars.append(word.group())
        offsets.extend(range(word.start(), word.end()))
        verbatim.extend([True] * (word.end() - word.start()))


def locate(text: str, stream: TextStream, cursor: int = 0
           ) -> tuple[list[int | None], int]:
    """Raw offset of each character of `text` (None where not copied verbatim).

    The text is matched against the page's visible characters, spaces ignored, as the
    longest runs of whole words that occur in one piece: first all of it, then halves,
    down to single words, so that one altered character (a list bullet, a joined word)
    unmaps only itself. Long runs may be anywhere after `cursor` (or anywhere at all);
    short runs must sit near the previous match and very short ones right after it,
    so that a lone "-" or "a" is never pinned to an unrelated spot. Whitespace is mapped
    only where the raw page has the same character between the two mapped neighbours.
    RETURNS: (per-character raw offsets, stream cursor after the text).
    """
    words = [(m.start(), m.group()) for m in _NON_SPACE_RE.finditer(text)]
    raw_map: list[int | None] = [None] * len(text)
    first = 0
    while first < len(words):
        last, hit = _longest_run(words, first, stream, cursor)
        if hit < 0:
            first += 1
            continue
        for start, word in words[first:last]:
            _map_word(raw_map, start, word, hit, stream)
            hit += len(word)
        cursor, first = hit, last
    _map_spaces(text, raw_map, stream.raw)
    return raw_map, cursor


def _longest_run(words: list[tuple[int, str]], first: int, stream: TextStream,
                 cursor: int) -> tuple[int, int]:
    """(end word index, stream position) of the longest findable run from `first`."""
    last = len(words)
    while last > first:
        piece = "".join(word for _, word in words[first:last])
        hit = stream.chars.find(piece, cursor)
        if hit < 0 and len(piece) >= ANYWHERE_RUN_CHARS:
            hit = stream.chars.find(piece)
        if hit >= 0 and (len(piece) >= ANYWHERE_RUN_CHARS
                         or (len(piece) >= NEARBY_RUN_CHARS and hit - cursor <= NEARBY_WINDOW)
                         or hit == cursor):
            return last, hit
        last = first + (last - first) // 2
    return first, -1


def _map_word(raw_map: list[int | None], start: int, word: str, index: int,
              stream: TextStream) -> None:
    for i in range(len(word)):
        if stream.verbatim[index + i]:
            raw_map[start + i] = stream.offsets[index + i]


def _map_spaces(text: str, raw_map: list[int | None], raw: str) -> None:
    for i, char in enumerate(text):
        if not char.isspace() or i == 0 or i + 1 >= len(text):
            continue
        before, after = raw_map[i - 1], raw_map[i + 1]
        if before is not None and after == before + 2 and raw[before + 1] == char:
            raw_map[i] = before + 1


def segments_from_map(raw_map: list[int | None]) -> tuple[Segment, ...]:
    """Runs of consecutive raw offsets (or of unmapped characters) as Segments."""
    segments: list[Segment] = []
    run_start = 0
    for i in range(1, len(raw_map) + 1):
        if i < len(raw_map) and _continues(raw_map[i - 1], raw_map[i]):
            continue
        segments.append(Segment(run_start, raw_map[run_start], i - run_start))
        run_start = i
    return tuple(segments)


def _continues(previous: int | None, current: int | None) -> bool:
    if previous is None or current is None:
        return previous is None and current is None
    return current == previous + 1


def _raw_span(raw_map: list[int | None]) -> tuple[int, int] | None:
    mapped = [offset for offset in raw_map if offset is not None]
    return (mapped[0], mapped[-1] + 1) if mapped else None


def _map_paragraphs(paragraphs: list[str], stream: TextStream
                    ) -> tuple[str, list[int | None], list[tuple[int, int]]]:
    """Join paragraphs with newlines; return the text, its raw map and paragraph spans."""
    raw_map: list[int | None] = []
    spans: list[tuple[int, int]] = []
    cursor = 0
    for paragraph in paragraphs:
        if raw_map:
            raw_map.append(None)
        paragraph_map, cursor = locate(paragraph, stream, cursor)
        raw_map.extend(paragraph_map)
        span = _raw_span(paragraph_map)
        if span and span[0] <= span[1]:
            spans.append(span)
    text = "\n".join(paragraphs)
    return text, raw_map, spans



def _comments(raw: str, doc_id: str, stream: TextStream, comment_lines: list[str],
              body_paragraphs: set[str]) -> list[Comment]:
    """Reader comments, one per repeated comment element, else one per comment paragraph."""
    items = _comment_items(raw)
    if items:
        return _structured_comments(items, doc_id, stream, body_paragraphs)
    comments = []
    cursor = 0
    for line in comment_lines:
        if line in body_paragraphs:
            continue
        raw_map, cursor = locate(line, stream, cursor)
        evidence = _span_evidence(raw, doc_id, raw_map)
        if evidence:
            comments.append(Comment(text=line, evidence=evidence))
    return comments


def _comment_items(raw: str) -> list[etree._Element]:
    """The comment elements of the page's comment sections, outer wrappers left out."""
    try:
        tree = load_html(raw)
    except (ValueError, etree.LxmlError):
        return []
    if tree is None:
        return []
    candidates: list[etree._Element] = []
    for expression in COMMENTS_XPATH:
        for section in expression(tree):
            candidates += [el for el in section.iter() if _is_comment_element(el)
                           and el not in candidates]
    candidate_set = set(candidates)
    return [el for el in candidates if _own_text(el, candidate_set, chrome=False).strip()]


def _is_comment_element(element: etree._Element) -> bool:
    if not isinstance(element.tag, str):
        return False
    if _COMMENT_ID_RE.match(element.get("id", "")):
        return True
    return any(_COMMENT_CLASS_RE.match(token) for token in element.get("class", "").split())


def _own_text(element: etree._Element, others: set[etree._Element], chrome: bool) -> str:
    """Text of an element without nested comments (and, if chrome, without its bylines)."""
    parts: list[str] = []
    _collect_text(element, others, chrome, parts, top=True)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _collect_text(element: etree._Element, others: set[etree._Element], chrome: bool,
                  parts: list[str], top: bool) -> None:
    skip = (not top and element in others) or not isinstance(element.tag, str) or (
        chrome and not top and _is_chrome(element))
    if not skip:
        block = element.tag in _BLOCK_TAGS
        parts.append("\n" if block else "")
        parts.append(element.text or "")
        for child in element:
            _collect_text(child, others, chrome, parts, top=False)
        parts.append("\n" if block else "")
    if not top:
        parts.append(element.tail or "")


def _is_chrome(element: etree._Element) -> bool:
    if element.tag in _COMMENT_CHROME_TAGS:
        return True
    names = f"{element.get('class', '')} {element.get('id', '')}"
    return bool(names.strip()) and bool(_COMMENT_CHROME_RE.search(names)) and not (
        _COMMENT_CLASS_RE.match(names.strip()))


def _structured_comments(items: list[etree._Element], doc_id: str, stream: TextStream,
                         body_paragraphs: set[str]) -> list[Comment]:
    """Comments with author, time and reply nesting read from the comment elements."""
    item_set = set(items)
    index_of: dict[etree._Element, int] = {}
    comments: list[Comment] = []
    cursor = 0
    for item in items:
        text = _own_text(item, item_set, chrome=True)
        if not text or text in body_paragraphs:
            continue
        full_map, item_cursor = locate(_own_text(item, item_set, chrome=False), stream, cursor)
        full_span = _raw_span(full_map)
        start_cursor = _stream_index(stream, full_span[0]) if full_span else cursor
        raw_map, _ = locate(text, stream, start_cursor)
        evidence = _span_evidence(stream.raw, doc_id, raw_map)
        if evidence is None:
            continue
        window = (_raw_offset_at(stream, cursor), full_span[1] if full_span else evidence.end)
        parent = _parent_comment(item, item_set, index_of)
        index_of[item] = len(comments)
        comments.append(Comment(
            text=text, evidence=evidence,
            author=_author_field(item, item_set, stream, doc_id, start_cursor),
            posted=_posted_field(item, item_set, stream, doc_id, start_cursor, window),
            depth=_depth(item, item_set), parent=parent))
        cursor = max(cursor, item_cursor)
    return comments


def _depth(item: etree._Element, items: set[etree._Element]) -> int:
    """How many comment elements (kept or wrappers) enclose this one, wrappers counted once."""
    depth = 0
    for ancestor in item.iterancestors():
        if ancestor in items or _is_comment_element(ancestor):
            depth += 1
    return max(0, depth - _wrapper_levels(item))


def _wrapper_levels(item: etree._Element) -> int:
    """1 when the comment sits in a wrapper of its own (WordPress li > article.comment-body)."""
    parent = item.getparent()
    while parent is not None and not _is_comment_element(parent):
        parent = parent.getparent()
    if parent is None:
        return 0
    first = next((el for el in parent.iter() if el is not parent and _is_comment_element(el)),
                 None)
    return 1 if first is item else 0


def _parent_comment(item: etree._Element, items: set[etree._Element],
                    index_of: dict[etree._Element, int]) -> int | None:
    """Index of the comment this one replies to (the first comment of its enclosing element)."""
    for ancestor in item.iterancestors():
        if not _is_comment_element(ancestor):
            continue
        if ancestor in index_of:
            return index_of[ancestor]
        head = next((el for el in ancestor.iter() if el in index_of), None)
        if head is not None and head is not item:
            return index_of[head]
    return None


def _author_field(item: etree._Element, items: set[etree._Element], stream: TextStream,
                  doc_id: str, cursor: int) -> Field:
    names = [" ".join("".join(el.itertext()).split()) for el in item.iter()
             if isinstance(el.tag, str) and el is not item and not _inside_other(el, item, items)
             and _AUTHOR_RE.search(f"{el.get('class', '')} {el.get('itemprop', '')}")]
    names = [name for name in names if name]
    if not names:
        return Field(None)
    name = min(names, key=len)
    evidence = _span_evidence(stream.raw, doc_id, locate(name, stream, cursor)[0])
    if evidence is None or " ".join(html.unescape(evidence.text).split()) != name:
        return Field(None)
    return Field(name, 0.8, "comment:author-element", (evidence,))


def _posted_field(item: etree._Element, items: set[etree._Element], stream: TextStream,
                  doc_id: str, cursor: int, window: tuple[int, int]) -> Field:
    for el in item.iter():
        if not isinstance(el.tag, str) or el is item or _inside_other(el, item, items):
            continue
        if el.tag == "time" and el.get("datetime"):
            value = el.get("datetime").strip()
            start = stream.raw.find(value, window[0], window[1])
            if start >= 0:
                evidence = Evidence(doc_id, "raw", start, start + len(value), value)
                return Field(value, 0.9, "comment:time-datetime", (evidence,))
        if el.tag == "time" or _POSTED_RE.search(el.get("class", "")):
            text = " ".join("".join(el.itertext()).split())
            evidence = _span_evidence(stream.raw, doc_id, locate(text, stream, cursor)[0])
            if text and evidence and " ".join(html.unescape(evidence.text).split()) == text:
                return Field(text, 0.7, "comment:date-element", (evidence,))
    return Field(None)


def _inside_other(element: etree._Element, item: etree._Element,
                  items: set[etree._Element]) -> bool:
    """True when the element belongs to a reply nested in `item`, not to `item` itself."""
    for ancestor in element.iterancestors():
        if ancestor is item:
            return False
        if ancestor in items:
            return True
    return False


def _span_evidence(raw: str, doc_id: str, raw_map: list[int | None]) -> Evidence | None:
    span = _raw_span(raw_map)
    if span is None:
        return None
    return Evidence(doc_id, "raw", span[0], span[1], raw[span[0]:span[1]])


def _stream_index(stream: TextStream, raw_offset: int) -> int:
    """First stream position at or after a raw offset."""
    low, high = 0, len(stream.offsets)
    while low < high:
        middle = (low + high) // 2
        if stream.offsets[middle] < raw_offset:
            low = middle + 1
        else:
            high = middle
    return low


def _raw_offset_at(stream: TextStream, index: int) -> int:
    """Raw offset where a stream position lies (0 for the start of the stream)."""
    if not stream.offsets:
        return 0
    return stream.offsets[min(index, len(stream.offsets) - 1)] if index else 0

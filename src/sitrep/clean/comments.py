"""Reader-comment threads in a flattened page: which lines they are, who wrote what, and replies.

A flattened comment thread keeps three kinds of traces, and this module reads all three:
  1. bullets and indentation: "• NAME" with the comment indented below it; deeper bullets
     are replies;
  2. headers: a name-like line next to a time stamp ("NAME" / "2 hours ago", "NAME · 3 days
     ago") or a "NAME says:" line;
  3. controls: "Reply", "Like", "Report" lines, which belong to a comment but are not its text.
A thread needs firm evidence before anything counts as a comment: two heads that are timed,
"says:" headers or bulleted names over deeper-indented text, or one timed head confirmed by a
"Reply" control or a comment heading above it. An article's own bullet list has none of these. Time stamps and header patterns are KB cues.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from sitrep.clean.text_features import SENTENCE_ENDS, Cue, Line, match_cue
from sitrep.model import Comment, Evidence, Field

logger = logging.getLogger(__name__)

NAME_MAX_WORDS = 5
NAME_MAX_CHARS = 40
# A name may end in an initial ("Leila K.") although it then ends in a full stop.
INITIAL = re.compile(r"[A-Z]\.")
# Firm heads that make a thread on their own; a single one needs a "Reply" or a heading.
MIN_FIRM_HEADS = 2
THREAD_OPENING_ROLES = frozenset({"section_end", "comment_form"})
# Cue roles that sit inside a comment (its buttons and times); any other cue ends the thread.
INSIDE_THREAD_ROLES = frozenset({"comment_control", "share", "timestamp", "comment_header"})
# Separators between a name and a time stamp on one header line ("NAME · 2 hours ago").
HEADER_SEPARATORS = " \t·•|-–—,:@"
AUTHOR_CONFIDENCE = 0.8
POSTED_CONFIDENCE = 0.8


@dataclass(frozen=True, slots=True)
class Span:
    """A raw-page character span."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Head:
    """Where one comment starts and what its first line says about it.

    firm: the head alone shows a thread (a name with a time or with indented text below).
    min_text_indent: the comment's text lines sit at least this deep; a shallower line
        ends the thread (bulleted comments indent their text under the name).
    """

    line: int
    indent: int
    author: Span | None
    posted: Span | None
    text_on_line: bool
    firm: bool
    min_text_indent: int


@dataclass(frozen=True, slots=True)
class ThreadComment:
    """One comment as found: its line roles, text span, author, time and place in the thread.

    parts: (line index, role) for every line of the comment; role is "author", "posted",
        "text" or "control".
    """

    parts: tuple[tuple[int, str], ...]
    text: Span
    author: Span | None
    posted: Span | None
    depth: int
    parent: int | None


def find_comments(lines: tuple[Line, ...], cues: tuple[Cue, ...]) -> tuple[ThreadComment, ...]:
    """The reader comments among `lines`, in page order; () when the page has no thread."""
    heads = _find_heads(lines, cues)
    firm = [h for h in heads if h.firm]
    if not firm:
        return ()
    heads = [h for h in heads if h.line >= firm[0].line]
    found: list[ThreadComment] = []
    depths = sorted({h.indent for h in heads})
    for number, head in enumerate(heads):
        stop = heads[number + 1].line if number + 1 < len(heads) else len(lines)
        parts, ended = _comment_parts(lines, cues, head, stop)
        comment = _build(lines, head, parts, depths.index(head.indent), found)
        if comment is not None:
            found.append(comment)
        if ended:
            break
    if not _is_thread(lines, cues, firm, found):
        return ()
    logger.debug("found %s comments", len(found))
    return tuple(found)


def _is_thread(lines: tuple[Line, ...], cues: tuple[Cue, ...], firm: list[Head],
               found: list[ThreadComment]) -> bool:
    """Enough evidence for a thread: two firm heads, or one timed head that a comment
    control ("Reply") or a comment-section heading right above it confirms.

    A lone "NAME / 2 hours ago" pair is more often a byline over an update time.
    """
    if len(firm) >= MIN_FIRM_HEADS:
        return True
    head = firm[0]
    if head.posted is None or not found:
        return False
    if any(role == "control" for item in found for _, role in item.parts):
        return True
    above = match_cue(lines[head.line - 1].text, cues) if head.line else None
    return above is not None and above.role in THREAD_OPENING_ROLES


def comment_records(doc_id: str, raw: str, found: tuple[ThreadComment, ...]) -> tuple[Comment, ...]:
    """Model `Comment`s for the comments found, with evidence in the raw layer."""
    records = []
    for item in found:
        text_span = raw[item.text.start:item.text.end]
        text = "\n".join(part.strip() for part in text_span.splitlines() if part.strip())
        records.append(Comment(
            text=text,
            evidence=Evidence(doc_id, "raw", item.text.start, item.text.end, text_span),
            author=_field(doc_id, raw, item.author, AUTHOR_CONFIDENCE, "comments.author"),
            posted=_field(doc_id, raw, item.posted, POSTED_CONFIDENCE, "comments.timestamp"),
            depth=item.depth,
            parent=item.parent,
        ))
    return tuple(records)


def _field(doc_id: str, raw: str, span: Span | None, confidence: float, method: str) -> Field:
    if span is None:
        return Field(None)
    value = raw[span.start:span.end]
    return Field(value, confidence, method, (Evidence(doc_id, "raw", span.start, span.end, value),))


def _find_heads(lines: tuple[Line, ...], cues: tuple[Cue, ...]) -> list[Head]:
    """Every line that may open a comment, firm (named or timed) or not (bulleted text)."""
    heads: list[Head] = []
    for number, line in enumerate(lines):
        following = lines[number + 1] if number + 1 < len(lines) else None
        head = _header_head(line, following, cues) or _bullet_head(line, following, cues)
        if head is not None:
            heads.append(head)
    return heads


def _header_head(line: Line, following: Line | None, cues: tuple[Cue, ...]) -> Head | None:
    """A "NAME says:" line, a "NAME · 2 hours ago" line, or a name over a time-stamp line."""
    content = line.content
    for cue in cues:
        if cue.role == "comment_header" and cue.regex is not None:
            found = cue.regex.search(content)
            if found and "author" in found.groupdict() and _is_name(found["author"], cues):
                start = line.content_start + found.start("author")
                return Head(line.index, line.indent, Span(start, start + len(found["author"])),
                            _stamp_line(following, cues), False, True, line.indent)
    stamp = _timestamp(content, cues)
    if stamp is not None and stamp[0] > 0:
        name = content[:stamp[0]].rstrip(HEADER_SEPARATORS)
        if _is_name(name, cues):
            start = line.content_start
            return Head(line.index, line.indent, Span(start, start + len(name)),
                        Span(start + stamp[0], start + stamp[1]), False, True, line.indent)
    posted = _stamp_line(following, cues)
    if posted is not None and _is_name(content, cues):
        return Head(line.index, line.indent, Span(line.content_start, line.end), posted,
                    False, True, line.indent)
    return None


def _stamp_line(line: Line | None, cues: tuple[Cue, ...]) -> Span | None:
    """The span of `line` when the whole line is a time stamp ("2 hours ago")."""
    if line is None:
        return None
    stamp = _timestamp(line.content, cues)
    if stamp is None or stamp[0] != 0:
        return None
    return Span(line.content_start, line.content_start + stamp[1])


def _bullet_head(line: Line, following: Line | None, cues: tuple[Cue, ...]) -> Head | None:
    """A bulleted name over deeper-indented text (firm), or a bulleted text line (not firm)."""
    if not line.bullet or match_cue(line.content, cues) is not None:
        return None
    if _is_name(line.content, cues):
        if following is not None and following.indent > line.indent and not following.bullet:
            return Head(line.index, line.indent, Span(line.content_start, line.end), None,
                        False, True, line.indent + 1)
        return None
    return Head(line.index, line.indent, None, None, True, False, line.indent + 1)


def _timestamp(text: str, cues: tuple[Cue, ...]) -> tuple[int, int] | None:
    """The span of a time stamp that ends `text`, if a KB time-stamp cue finds one."""
    if len(text.split()) > NAME_MAX_WORDS + 8:
        return None
    for cue in cues:
        if cue.role == "timestamp" and cue.regex is not None:
            found = cue.regex.search(text)
            if found:
                return found.start(), len(text.rstrip())
    return None


def _is_name(text: str, cues: tuple[Cue, ...]) -> bool:
    """Short, no sentence punctuation, mostly letters, and not a known cue: a user name.

    Names of several words hold no function words: "What the President said:" is a heading.
    """
    words = text.split()
    if not 1 <= len(words) <= NAME_MAX_WORDS or len(text) > NAME_MAX_CHARS:
        return False
    if len(words) > 1 and any(word.lower() in STOP_WORDS for word in words):
        return False
    if text[-1] in SENTENCE_ENDS + ":;,\"”" and not INITIAL.fullmatch(words[-1]):
        return False
    letters = sum(1 for c in text if c.isalpha())
    return letters >= len(text.replace(" ", "")) / 2 and match_cue(text, cues) is None


def _comment_parts(lines: tuple[Line, ...], cues: tuple[Cue, ...], head: Head,
                   stop: int) -> tuple[list[tuple[int, str]], bool]:
    """Roles of the lines from `head` up to `stop`, and whether the thread ended before it."""
    parts: list[tuple[int, str]] = [(head.line, "text" if head.text_on_line else "author")]
    for number in range(head.line + 1, stop):
        line = lines[number]
        if head.posted is not None and line.start <= head.posted.start < line.end + 1:
            parts.append((number, "posted"))
            continue
        cue = match_cue(line.text, cues)
        if cue is not None and cue.role not in INSIDE_THREAD_ROLES:
            return parts, True
        if line.indent < head.min_text_indent:
            return parts, True
        parts.append((number, "control" if cue is not None else "text"))
    return parts, False


def _build(lines: tuple[Line, ...], head: Head, parts: list[tuple[int, str]], depth: int,
           earlier: list[ThreadComment]) -> ThreadComment | None:
    """A ThreadComment from its parts; None when the comment has no text."""
    text_lines = [lines[number] for number, role in parts if role == "text"]
    if not text_lines:
        return None
    start = text_lines[0].content_start if head.text_on_line else text_lines[0].start
    parent = next((k for k in range(len(earlier) - 1, -1, -1) if earlier[k].depth < depth), None)
    if depth == 0:
        parent = None
    return ThreadComment(tuple(parts), Span(start, text_lines[-1].end), head.author, head.posted,
                         depth, parent)

"""Lines of a flattened text page and the features the block classifier scores them on.

A text scrape has no markup left, so everything the cleaner knows about a line comes from
the line itself (length, punctuation, capitals, digits), from cue words kept as KB data
(`kb/boilerplate_cues.jsonl`, loaded and validated here), and from the layout that
survived flattening (indentation, bullets). Everything here is a pure function of text.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from sitrep.errors import SitrepError
from sitrep.kb.rows import kb_error, read_rows

logger = logging.getLogger(__name__)

CUES_PATH = Path(__file__).resolve().parent.parent / "kb" / "boilerplate_cues.jsonl"
CUE_MATCHES = frozenset({"line", "prefix", "contains", "regex"})
CUE_LABELS = frozenset({"boilerplate", "metadata", "comment"})
CUE_ROLES = frozenset({
    "nav", "promo", "share", "caption", "section_end", "related", "comment_form",
    "comment_control", "comment_header", "timestamp", "dateline", "source_line", "byline",
    "credit", "author_box", "taxonomy", "ad", "legal", "donation", "captcha", "widget",
})
# Word limit for "contains"/"regex" cues without their own: a cue phrase inside a long
# paragraph is a mention, not a widget.
DEFAULT_CUE_MAX_WORDS = 15
# Flattened lists keep their bullet glyphs; "-" and "*" only count when a space follows.
BULLETS = frozenset("•●◦▪▸►‣○·*-–—")
TAB_WIDTH = 4
# Characters str.strip() keeps but a scrape uses as blank space.
EXTRA_BLANKS = "\u200b\u200c\u200d\ufeff"
CLOSING_QUOTES = "\"'”’»)]"
SENTENCE_ENDS = ".!?…"
CURRENCY = frozenset("$€£¥₽₹¢")
# Words run together where a menu lost its separators ("developmentsMiddle EastOthers").
GLUED_WORD = re.compile(r"[a-z]{3,}[A-Z][a-z]{2,}")


@dataclass(frozen=True, slots=True)
class Cue:
    """One KB row: a phrase or pattern that marks a line as boilerplate, metadata or comment."""

    pattern: str
    match: str
    label: str
    role: str
    max_words: int | None
    regex: re.Pattern[str] | None
    source: str


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line of the raw page.

    start/end: raw offsets of the line without its surrounding blanks (text == raw[start:end]).
    indent: leading blank width (tabs count TAB_WIDTH). bullet: the list glyph or "".
    content_start: raw offset where the words begin (after the bullet, if any).
    """

    index: int
    start: int
    end: int
    text: str
    indent: int
    bullet: str
    content_start: int

    @property
    def content(self) -> str:
        """The line's words without its bullet."""
        return self.text[self.content_start - self.start:]


@dataclass(frozen=True, slots=True)
class LineFeatures:
    """The surface measures the classifier scores a line or block on."""

    n_chars: int
    n_words: int
    ends_sentence: bool
    stop_ratio: float
    cap_ratio: float  # share of words that start with a capital
    upper_ratio: float
    digit_ratio: float
    glued_words: int
    is_identifier: bool


def split_lines(raw: str) -> tuple[Line, ...]:
    """Every non-blank line of `raw`, with offsets that point back into it."""
    lines: list[Line] = []
    pos = 0
    for piece in raw.splitlines(keepends=True):
        body = piece.rstrip("\r\n")
        stripped = body.strip().strip(EXTRA_BLANKS).strip()
        if stripped:
            lead = body.index(stripped)
            start = pos + lead
            end = start + len(stripped)
            indent = len(body[:lead].expandtabs(TAB_WIDTH))
            bullet, content_start = _split_bullet(stripped, start)
            lines.append(Line(len(lines), start, end, stripped, indent, bullet, content_start))
        pos += len(piece)
    return tuple(lines)


def _split_bullet(text: str, start: int) -> tuple[str, int]:
    """The bullet glyph opening `text` (or "") and the raw offset of the words after it."""
    if len(text) > 1 and text[0] in BULLETS and (text[1].isspace() or text[0] in "•●◦▪▸►‣○"):
        rest = text[1:].lstrip()
        if rest:
            return text[0], start + len(text) - len(rest)
    return "", start


def line_key(line: str) -> str:
    """Normalise a line for counting repeats: case, digits, punctuation and spacing folded.

    Digits all become "0" so that counters and widgets ("12 Comments", "2,350 $") match
    across pages; punctuation goes so that "Share:" and "Share" are one key.
    """
    text = unicodedata.normalize("NFKC", line).casefold()
    text = re.sub(r"\d[\d,.]*", "0", text)
    text = re.sub(r"[^\w\s]|_", " ", text)
    return " ".join(text.split())


def line_keys(raw: str) -> frozenset[str]:
    """The distinct line keys of one page, for counting how many pages of a batch share a line."""
    return frozenset(key for line in split_lines(raw) if (key := line_key(line.text)))


def measure(text: str) -> LineFeatures:
    """Surface features of a line or block of text."""
    tokens = text.split()
    words = [t.strip(".,;:!?\"'“”‘’()[]«»") for t in tokens]
    alpha = [w for w in words if w[:1].isalpha()]
    stops = sum(1 for w in alpha if w.lower() in STOP_WORDS)
    caps = sum(1 for w in alpha if w[0].isupper())
    letters = [c for c in text if c.isalpha()]
    visible = [c for c in text if not c.isspace()]
    digits = sum(1 for c in visible if c.isdigit() or c in CURRENCY)
    tail = text.rstrip(CLOSING_QUOTES + " ")
    return LineFeatures(
        n_chars=len(text),
        n_words=len(tokens),
        ends_sentence=bool(tail) and (tail[-1] in SENTENCE_ENDS or text[-1] in "”\"»"),
        stop_ratio=stops / len(alpha) if alpha else 0.0,
        cap_ratio=caps / len(alpha) if alpha else 0.0,
        upper_ratio=sum(1 for c in letters if c.isupper()) / len(letters) if letters else 0.0,
        digit_ratio=digits / len(visible) if visible else 0.0,
        glued_words=len(GLUED_WORD.findall(text)),
        is_identifier=len(tokens) == 1 and len(text) >= 16 and not text.isalpha(),
    )


def match_cue(text: str, cues: tuple[Cue, ...]) -> Cue | None:
    """The first KB cue that marks this line, or None."""
    key = line_key(text)
    n_words = len(text.split())
    for cue in cues:
        limit = cue.max_words
        if limit is None and cue.match in ("contains", "regex"):
            limit = DEFAULT_CUE_MAX_WORDS
        if limit is not None and n_words > limit:
            continue
        if _cue_hits(cue, text, key):
            return cue
    return None


def _cue_hits(cue: Cue, text: str, key: str) -> bool:
    if cue.regex is not None:
        return cue.regex.search(text) is not None
    if cue.match == "line":
        return key == cue.pattern
    if cue.match == "prefix":
        return key == cue.pattern or key.startswith(cue.pattern + " ")
    return f" {cue.pattern} " in f" {key} "


@lru_cache(maxsize=4)
def load_boilerplate_cues(path: Path = CUES_PATH) -> tuple[Cue, ...]:
    """Load and validate the cue KB; raises SitrepError E030 naming the bad row.

    Phrase patterns are stored normalised with `line_key`, so the KB can be written the way
    the phrase appears on a page ("Short link :") and still match every spelling of it.
    """
    cues: list[Cue] = []
    seen: set[tuple[str, str]] = set()
    for where, row in read_rows(path):
        cue = _cue_from_row(row, where)
        if (cue.pattern, cue.match) in seen:
            raise kb_error(where, f"duplicate cue {cue.pattern!r}")
        seen.add((cue.pattern, cue.match))
        cues.append(cue)
    logger.debug("loaded %s boilerplate cues from %s", len(cues), path)
    return tuple(cues)


def _cue_from_row(row: object, where: str) -> Cue:
    if not isinstance(row, dict):
        raise SitrepError("E030", f"{where}: a row must be a JSON object")
    for name in ("pattern", "match", "label", "role", "source"):
        if not isinstance(row.get(name), str) or not row[name].strip():
            raise SitrepError("E030", f"{where}: missing or empty {name!r}")
    if row["match"] not in CUE_MATCHES:
        raise SitrepError("E030", f"{where}: match must be one of {sorted(CUE_MATCHES)}")
    if row["label"] not in CUE_LABELS:
        raise SitrepError("E030", f"{where}: label must be one of {sorted(CUE_LABELS)}")
    if row["role"] not in CUE_ROLES:
        raise SitrepError("E030", f"{where}: unknown role {row['role']!r}")
    max_words = row.get("max_words")
    if max_words is not None and (not isinstance(max_words, int) or max_words < 1):
        raise SitrepError("E030", f"{where}: max_words must be a positive integer")
    regex = None
    pattern = row["pattern"]
    if row["match"] == "regex":
        try:
            regex = re.compile(pattern)
        except re.error as exc:
            raise SitrepError("E030", f"{where}: bad regex: {exc}") from exc
    else:
        pattern = line_key(pattern)
        if not pattern:
            raise SitrepError("E030", f"{where}: pattern is empty once normalised")
    return Cue(pattern, row["match"], row["label"], row["role"], max_words, regex, row["source"])

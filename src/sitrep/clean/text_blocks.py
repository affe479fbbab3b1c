"""Body, title, metadata, boilerplate and comments of a page that is already plain text.

The cascade for one page (each step sees only what the previous ones left):
  1. Comment threads are found first (`comments.py`) so that their prose never competes
     with the article's.
  2. The remaining lines are grouped into blocks (a hard-wrapped paragraph is one block) and
     each block is judged alone: KB cue words, numeric widgets, menus run together,
     identifiers, lines repeated across the batch, then prose strength from its length,
     sentence punctuation and share of function words.
  3. The headline is the first title-like line above the first paragraph (the container's
     title hint or a line repeated on the page wins).
  4. The body core is the contiguous run of blocks with the largest prose weight, found as a
     maximum-sum segment, plus runs in the same section nearly as heavy; section ends
     ("Leave a Reply", author boxes) and comments bound the sections.
  4b. A title-length line in capitals that is not the headline is a link to another story
     ("TRUMP SAYS HE HAD 'GOOD TALK' WITH TALIBAN LEADER"), wherever it sits.
  5. Smoothing: inside the core, a lone short line (a subheading, a one-line paragraph) is
     body, but three short lines in a row are a link list; outside it nothing is body, and
     prose right after an author box is the author's bio.
Every block gets a label, a confidence and a reason, so a wrong call can be traced.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz

from sitrep.clean.comments import comment_records, find_comments
from sitrep.clean.extraction import Extraction
from sitrep.clean.text_features import (
    CLOSING_QUOTES,
    Cue,
    Line,
    LineFeatures,
    line_key,
    line_keys,
    load_boilerplate_cues,
    match_cue,
    measure,
    split_lines,
)
from sitrep.model import Block, Document, Evidence, Segment

logger = logging.getLogger(__name__)

__all__ = ["extract_text_page", "line_key", "line_keys"]

METHOD = "text_blocks.v1"
TITLE_METHOD = "text_blocks.title"
# Cue roles after which the article does not go on: the core never spans them.
SECTION_BREAK_ROLES = frozenset({"section_end", "author_box", "comment_form"})
# Prose: a paragraph of at least this many words ending a sentence.
PROSE_MIN_WORDS = 10
# Unpunctuated lines this long still read as prose when function words are frequent.
LONG_PROSE_WORDS = 20
PROSE_STOP_RATIO = 0.2
WEAK_MIN_WORDS = 4
NUMERIC_RATIO = 0.4
NUMERIC_MAX_WORDS = 6
MENU_CAP_RATIO = 0.7
MENU_MIN_WORDS = 6
MENU_MAX_STOP_RATIO = 0.1
# A line seen on this many pages of the batch is template, unless it is prose ...
REPEAT_MIN_PAGES = 2
# ... which must be on this many pages and this share of the batch (syndicated copy is not).
REPEAT_PROSE_MIN_PAGES = 3
REPEAT_PROSE_SHARE = 0.5
# More short lines than this in a row, inside the core, are a list of links.
MAX_SHORT_RUN = 2
# Weights of the maximum-sum core search: prose pulls the core out, the rest pushes back.
WEAK_WEIGHT = 0.4
SHORT_WEIGHT = -0.3
BOILERPLATE_WEIGHT = -1.5
# Ad labels, captions and inline "Read also:" links sit between paragraphs of one article.
INLINE_ROLES = frozenset({"ad", "caption", "related"})
INLINE_WEIGHT = -0.3
METADATA_WEIGHT = -1.0
PROSE_CHARS_PER_POINT = 200
# A second run of prose joins the core when it weighs this much and this share of the best.
SECONDARY_MIN_WEIGHT = 4.0
SECONDARY_SHARE = 0.2
PROSE_MAX_WEIGHT = 4.0
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 25
TITLE_HINT_SIMILARITY = 90
TITLE_SCORE = 0.8
COMMENT_SCORE = 0.8
BIO_MAX_BLOCKS = 2
# Hard wraps: lines this long, not ending a sentence, continued on the next line.
WRAP_MIN_CHARS = 50
WRAP_MAX_CHARS = 100
WRAP_MAX_CAP_RATIO = 0.6
# Related-story links in capitals: this share of upper-case letters, at least this many words
# (shorter capital lines are the section subheadings of wire copy: "ELECTION MEDDLING").
SHOUTED_MIN_UPPER = 0.9
SHOUTED_MIN_WORDS = 5
# Openings and closings that make a capital line a sentence or a dateline, not a link.
SHOUTED_SENTENCE_ENDS = (".", "!", "…")
DATELINE_DASHES = ("—", "–", "-")


@dataclass(frozen=True, slots=True)
class TextBlock:
    """A paragraph of the page: one line, or several hard-wrapped lines."""

    lines: tuple[Line, ...]

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


@dataclass(frozen=True, slots=True)
class Verdict:
    """What one block looks like on its own, before its neighbours are considered.

    kind: "prose", "weak" (a short sentence), "short" (a heading or fragment),
        "boilerplate", "metadata" or "title".
    role: the KB cue role that decided it, or "".
    """

    kind: str
    role: str
    reason: str
    score: float


def extract_text_page(doc: Document, line_counts: Mapping[str, int] | None = None,
                      batch_size: int = 1) -> Extraction:
    """Separate a plain-text page into body, title, metadata, boilerplate and comments.

    doc (Document): the page; `doc.hints["title"]`, when given, helps pick the headline.
    line_counts (Mapping[str, int]): for each `line_key`, how many pages of the batch hold it.
    batch_size (int): how many pages were counted (repeats mean nothing in a batch of one).
    RETURNS (Extraction): body text mapped to raw offsets, every block labelled, comments.
    """
    raw = doc.raw_text
    cues = load_boilerplate_cues()
    lines = split_lines(raw)
    found = find_comments(lines, cues)
    comment_roles = {number: role for item in found for number, role in item.parts}
    blocks = _group_blocks(lines, raw, set(comment_roles))
    verdicts = [_judge(block, cues, line_counts or {}, batch_size) for block in blocks]
    title_index = _pick_title(blocks, verdicts, doc.hints.get("title"), raw)
    if title_index is not None:
        verdicts = _mark_title(blocks, verdicts, title_index)
    verdicts = _mark_shouted_links(blocks, verdicts)
    cut_before = _comment_cuts(blocks, set(comment_roles))
    core = _find_core(blocks, verdicts, cut_before)
    labels = _smooth(verdicts, core)
    text, segments = _body_text([b for b, lab in zip(blocks, labels) if lab.label == "body"])
    all_blocks = sorted(
        [Block(b.start, b.end, lab.label, lab.score, lab.reason) for b, lab in zip(blocks, labels)]
        + [Block(lines[n].start, lines[n].end, "comment", COMMENT_SCORE, f"comment {role}")
           for n, role in comment_roles.items()],
        key=lambda block: block.start,
    )
    clues: dict[str, tuple[tuple[str, Evidence | None, str], ...]] = {}
    if title_index is not None:
        title = blocks[title_index]
        evidence = Evidence(doc.id, "raw", title.start, title.end, raw[title.start:title.end])
        clues["title"] = ((title.text, evidence, TITLE_METHOD),)
    logger.debug("doc %s: %s body blocks, %s comments", doc.id,
                 sum(1 for lab in labels if lab.label == "body"), len(found))
    return Extraction(text, segments, tuple(all_blocks), comment_records(doc.id, raw, found),
                      clues, METHOD)


def _group_blocks(lines: tuple[Line, ...], raw: str, skip: set[int]) -> list[TextBlock]:
    """Blocks of the page outside comments; hard-wrapped lines join their paragraph."""
    groups: list[list[Line]] = []
    for line in lines:
        if line.index in skip:
            continue
        if groups and _continues(groups[-1][-1], line, raw):
            groups[-1].append(line)
        else:
            groups.append([line])
    blocks: list[TextBlock] = []
    for group in groups:
        # A wrapped paragraph ends a sentence; a run of long unpunctuated lines is a list.
        if measure(group[-1].text).ends_sentence:
            blocks.append(TextBlock(tuple(group)))
        else:
            blocks.extend(TextBlock((line,)) for line in group)
    return blocks


def _continues(previous: Line, line: Line, raw: str) -> bool:
    """Whether `line` carries on `previous` after a hard wrap (same paragraph)."""
    if line.index != previous.index + 1 or raw.count("\n", previous.end, line.start) != 1:
        return False
    if previous.bullet or line.bullet or previous.indent != line.indent:
        return False
    if not WRAP_MIN_CHARS <= len(previous.text) <= WRAP_MAX_CHARS:
        return False
    features = measure(previous.text)
    return not features.ends_sentence and features.cap_ratio <= WRAP_MAX_CAP_RATIO \
        and not previous.text.endswith(":")


def _judge(block: TextBlock, cues: tuple[Cue, ...], line_counts: Mapping[str, int],
           batch_size: int) -> Verdict:
    """Label a block from its own text: cues, widget shapes, repetition, then prose strength."""
    text = block.text
    features = measure(text)
    cue = match_cue(text, cues) if len(block.lines) == 1 else None
    if cue is not None:
        label = "metadata" if cue.label == "metadata" else "boilerplate"
        return Verdict(label, cue.role, f"cue {cue.role}: {cue.pattern!r}", 0.9)
    kind = _prose_kind(features)
    shape = _widget_shape(features) if kind != "prose" else ""
    if shape:
        return Verdict("boilerplate", "", shape, 0.8)
    pages = min(line_counts.get(line_key(line.text), 1) for line in block.lines)
    if batch_size > 1 and pages >= REPEAT_MIN_PAGES and (
            kind != "prose" or (pages >= REPEAT_PROSE_MIN_PAGES
                                and pages >= REPEAT_PROSE_SHARE * batch_size)):
        return Verdict("boilerplate", "", f"on {pages} of {batch_size} pages", 0.8)
    reasons = {
        "prose": ("prose", 0.9),
        "weak": ("short sentence", 0.6),
        "short": ("short line", 0.5),
    }
    reason, score = reasons[kind]
    return Verdict(kind, "", reason, score)


def _widget_shape(features: LineFeatures) -> str:
    """Why a non-prose block looks like a widget rather than writing ("" when it does not).

    Only asked of blocks that are not prose: a paragraph may hold link text run together
    ("... Donald John TrumpTrump administration ...") and is still a paragraph.
    """
    if features.is_identifier:
        return "identifier, file name or URL"
    if features.digit_ratio >= NUMERIC_RATIO and features.n_words <= NUMERIC_MAX_WORDS:
        return "numbers and currency (counter or donation widget)"
    if features.glued_words >= 2:
        return "menu items run together"
    if (features.n_words >= MENU_MIN_WORDS and not features.ends_sentence
            and features.cap_ratio >= MENU_CAP_RATIO and features.stop_ratio <= MENU_MAX_STOP_RATIO):
        return "capitalised items without sentences (menu)"
    return ""


def _prose_kind(features: LineFeatures) -> str:
    """"prose", "weak" or "short" from length, sentence punctuation and function words."""
    if features.n_words >= PROSE_MIN_WORDS and features.ends_sentence:
        return "prose"
    if features.n_words >= LONG_PROSE_WORDS and features.stop_ratio >= PROSE_STOP_RATIO:
        return "prose"
    if features.n_words >= WEAK_MIN_WORDS and features.ends_sentence:
        return "weak"
    if features.n_words >= PROSE_MIN_WORDS and features.stop_ratio >= PROSE_STOP_RATIO:
        return "weak"
    return "short"


def _pick_title(blocks: list[TextBlock], verdicts: list[Verdict], hint: str | None,
                raw: str) -> int | None:
    """Index of the headline: above the first paragraph and title-shaped; the hint wins, then
    lines standing alone, repeated ones first, then the first of them."""
    first_prose = next((n for n, v in enumerate(verdicts) if v.kind == "prose"), len(blocks))
    candidates = [n for n in range(first_prose)
                  if verdicts[n].kind in ("short", "weak") and _title_shaped(blocks[n].text)]
    if not candidates:
        return None
    if hint:
        hint_key = line_key(hint)
        for n in candidates:
            if fuzz.ratio(line_key(blocks[n].text), hint_key) >= TITLE_HINT_SIMILARITY:
                return n
    alone = [n for n in candidates if _stands_alone(blocks, n, raw)] or candidates
    keys = [line_key(block.text) for block in blocks]
    repeated = [n for n in alone if keys.count(keys[n]) > 1]
    return (repeated or alone)[0]


def _stands_alone(blocks: list[TextBlock], n: int, raw: str) -> bool:
    """Whether block n has a blank line (or the page edge) on both sides, as headlines do;
    a title-like line packed between others belongs to a list or a widget."""
    before = raw[blocks[n - 1].end:blocks[n].start] if n else "\n\n"
    after = raw[blocks[n].end:blocks[n + 1].start] if n + 1 < len(blocks) else "\n\n"
    return before.count("\n") > 1 and after.count("\n") > 1


def _mark_title(blocks: list[TextBlock], verdicts: list[Verdict], title_index: int) -> list[Verdict]:
    """Verdicts with the headline, and every repeat of it on the page, labelled "title"."""
    title_key = line_key(blocks[title_index].text)
    return [
        Verdict("title", "", "headline" + (" (repeated)" if n != title_index else ""),
                TITLE_SCORE)
        if line_key(block.text) == title_key else verdict
        for n, (block, verdict) in enumerate(zip(blocks, verdicts))
    ]


def _mark_shouted_links(blocks: list[TextBlock], verdicts: list[Verdict]) -> list[Verdict]:
    """Verdicts with title-length capital lines (other than the headline) marked as related links.

    News sites set links to their other stories in capitals between paragraphs; they are
    headlines of other events, so they must not reach the NLP. The role "related" keeps them
    inline: they do not cut the article's core in two.
    """
    return [
        Verdict("boilerplate", "related", "title-length line in capitals (related story link)", 0.7)
        if verdict.kind in ("short", "weak") and _shouted_headline(block.text) else verdict
        for block, verdict in zip(blocks, verdicts)
    ]


def _shouted_headline(text: str) -> bool:
    features = measure(text)
    return (SHOUTED_MIN_WORDS <= features.n_words <= TITLE_MAX_WORDS
            and features.upper_ratio >= SHOUTED_MIN_UPPER
            and features.digit_ratio < NUMERIC_RATIO
            and not text.rstrip(CLOSING_QUOTES + " ").endswith(SHOUTED_SENTENCE_ENDS)
            and not text.endswith(DATELINE_DASHES))


def _title_shaped(text: str) -> bool:
    features = measure(text)
    return (TITLE_MIN_WORDS <= features.n_words <= TITLE_MAX_WORDS
            and (text[0].isalnum() or text[0] in "\"“‘'")
            and not text.endswith((".", ":", ";", ",", ")"))
            and features.digit_ratio < NUMERIC_RATIO)


def _comment_cuts(blocks: list[TextBlock], comment_lines: set[int]) -> set[int]:
    """Indexes of blocks with comment lines between them and the block before."""
    cuts = set()
    for n in range(1, len(blocks)):
        gap = range(blocks[n - 1].lines[-1].index + 1, blocks[n].lines[0].index)
        if any(number in comment_lines for number in gap):
            cuts.add(n)
    return cuts


def _weight(block: TextBlock, verdict: Verdict) -> float:
    if verdict.kind == "prose":
        return 1.0 + min(len(block.text) / PROSE_CHARS_PER_POINT, PROSE_MAX_WEIGHT)
    if verdict.role in INLINE_ROLES:
        return INLINE_WEIGHT
    return {
        "weak": WEAK_WEIGHT,
        "short": SHORT_WEIGHT,
        "metadata": METADATA_WEIGHT,
    }.get(verdict.kind, BOILERPLATE_WEIGHT)


def _find_core(blocks: list[TextBlock], verdicts: list[Verdict], cut_before: set[int]) -> set[int]:
    """Blocks of the body core: the best-weighted run of blocks, plus runs nearly as strong
    in the same section (an article split by a long video list is still one article).

    Section breaks ("Leave a Reply", author boxes) and comments bound the sections, so a bio
    or a comment never joins the core however much prose it holds.
    """
    weights = [_weight(block, verdict) for block, verdict in zip(blocks, verdicts)]
    sections: list[range] = []
    begin = 0
    for n, verdict in enumerate(verdicts):
        if verdict.role in SECTION_BREAK_ROLES or n in cut_before:
            sections.append(range(begin, n))
            begin = n + 1 if verdict.role in SECTION_BREAK_ROLES else n
    sections.append(range(begin, len(blocks)))
    scored = [(_best_run(weights, section), section) for section in sections]
    (best, best_sum), section = max(scored, key=lambda item: item[0][1])
    if best_sum <= 0:
        return set()
    floor = max(SECONDARY_MIN_WEIGHT, SECONDARY_SHARE * best_sum)
    core = set(best)
    pending = [range(section.start, best.start), range(best.stop, section.stop)]
    while pending:
        part = pending.pop()
        run, total = _best_run(weights, part)
        if total >= floor:
            core.update(run)
            pending += [range(part.start, run.start), range(run.stop, part.stop)]
    return core


def _best_run(weights: list[float], part: range) -> tuple[range, float]:
    """The maximum-sum run of `weights` inside `part` (Kadane), with its sum."""
    best, best_sum = range(part.start, part.start), 0.0
    start, running = part.start, 0.0
    for n in part:
        if running <= 0:
            start, running = n, 0.0
        running += weights[n]
        if running > best_sum:
            best, best_sum = range(start, n + 1), running
    return best, best_sum


@dataclass(frozen=True, slots=True)
class Label:
    """A block's final label with its confidence and reason."""

    label: str
    score: float
    reason: str


def _smooth(verdicts: list[Verdict], core: set[int]) -> list[Label]:
    """Final labels: the core's prose and lone short lines are body; bios follow author boxes."""
    labels: list[Label] = []
    bio_left = 0
    for n, verdict in enumerate(verdicts):
        if verdict.kind in ("boilerplate", "metadata", "title"):
            bio_left = BIO_MAX_BLOCKS if verdict.role == "author_box" else 0
            labels.append(Label(verdict.kind, verdict.score, verdict.reason))
            continue
        if n in core:
            run = _short_run(verdicts, n, core) if verdict.kind == "short" else 1
            if run > MAX_SHORT_RUN:
                labels.append(Label("boilerplate", 0.6, f"{run} short lines in a row (link list)"))
            else:
                labels.append(Label("body", verdict.score, f"{verdict.reason} in body core"))
        elif bio_left and verdict.kind in ("prose", "weak"):
            bio_left -= 1
            labels.append(Label("metadata", 0.7, "author bio after author box"))
        else:
            labels.append(Label("boilerplate", 0.6 if verdict.kind == "prose" else 0.7,
                                f"{verdict.reason} outside body core"))
    return labels


def _short_run(verdicts: list[Verdict], n: int, core: set[int]) -> int:
    """How many short blocks in a row (within the core) include block n."""
    low = n
    while low - 1 in core and verdicts[low - 1].kind == "short":
        low -= 1
    high = n
    while high + 1 in core and verdicts[high + 1].kind == "short":
        high += 1
    return high - low + 1


def _body_text(body: list[TextBlock]) -> tuple[str, tuple[Segment, ...]]:
    """Body paragraphs joined by blank lines, each line a segment mapped to its raw offset."""
    parts: list[str] = []
    segments: list[Segment] = []
    position = 0
    for number, block in enumerate(body):
        if number:
            parts.append("\n\n")
            position += 2
        for index, line in enumerate(block.lines):
            if index:
                parts.append(" ")
                position += 1
            segments.append(Segment(position, line.start, len(line.text)))
            parts.append(line.text)
            position += len(line.text)
    return "".join(parts), tuple(segments)

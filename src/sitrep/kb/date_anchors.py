"""The date-anchor knowledge base (`kb/date_anchors.jsonl`): dated world events that bound
when a page can have been written.

A page that mentions the liberation of Raqqa was written after 17 October 2017; one that
calls Soleimani "the Quds Force commander" in the present was written before 3 January
2020. `sitrep.clean.pubdate` turns each mention into such a bound; the time resolver
(`sitrep.nlp.times`) reads a named event ("9/11") as its day.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from sitrep.errors import SitrepError
from sitrep.kb.rows import read_rows, require

ANCHORS_PATH = Path(__file__).with_name("date_anchors.jsonl")
KINDS = frozenset({"start", "event", "end", "tenure"})
BOUNDS = frozenset({"lower", "upper", "within"})
# For the literal prefilter (`required_literals`): character classes, escapes, and words.
_CLASS = re.compile(r"\[(?:\\.|[^\]\\])*\][?*]?|\{\d*,?\d*\}")
_ESCAPE = re.compile(r"\\.")
_LITERAL_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*[A-Za-z0-9](?![?*{])")
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
LITERAL_MIN_CHARS = 3
_REQUIRED = {"id": str, "patterns": list, "date": str, "kind": str, "bound": str,
             "note": str, "source": str}


@dataclass(frozen=True, slots=True)
class DateAnchor:
    """One dated event and the bound its mention puts on the publication date.

    bound "lower": pub >= date; "upper": pub <= date; "within": date <= pub <= until (a
    tenure: someone named in a role they held from `date` until `until`, None = still).
    context: words that show a page is about this conflict, so that "the war" with no
    name can be tied to this start (only "start" anchors have them).
    requires: a regex that must match somewhere on the page before the anchor applies
    (acronyms like "SDF" or "HTS" mean something else elsewhere).
    literals: for each pattern, the words every match contains (maybe none), so that a
    page lacking one is skipped without running the regex.
    """

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of every match of every pattern in `text`."""
        for pattern, literals in zip(self.patterns, self.literals):
            if all(literal in text for literal in literals):
                for match in pattern.finditer(text):
                    yield match.start(), match.end()

    id: str
    patterns: tuple[re.Pattern[str], ...]
    literals: tuple[tuple[str, ...], ...]
    date: date
    until: date | None
    kind: str
    bound: str
    context: tuple[str, ...]
    requires: re.Pattern[str] | None
    note: str
    source: str


def load_date_anchors(path: Path | None = None) -> tuple[DateAnchor, ...]:
    """Read and validate the anchor KB.

    File format (JSONL, one anchor a line):
        id (str): unique name, e.g. "syria_raqqa_liberation".
        patterns (list[str]): Python regexes, case-sensitive unless they say (?i); every
            mention they match is evidence. Rows whose patterns match the same words are
            alternative readings ("President Trump": 2017-2021 or from 2025): the page
            then needs only one of them to hold.
        date (str): ISO date of the event (for a tenure: its start).
        until (str | null): tenure rows only, the end of the tenure (null: ongoing).
        kind (str): start | event | end | tenure.
        bound (str): lower | upper | within (within for tenures).
        context (list[str], optional): "start" rows; words marking pages about the conflict.
        requires (str, optional): regex that must match the page for the row to apply.
        note (str), source (str): what happened when, and where the fact comes from.

    path (Path | None): the file; the packaged `kb/date_anchors.jsonl` by default.
    RETURNS (tuple[DateAnchor, ...]): anchors in file order.
    RAISES: SitrepError E030 naming the bad row.
    """
    path = path or ANCHORS_PATH
    anchors: list[DateAnchor] = []
    for where, row in read_rows(path):
        anchors.append(_parse_row(row, where))
    ids = [a.id for a in anchors]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise SitrepError("E030", f"{path.name}: duplicate ids {duplicates}")
    return tuple(anchors)


def _parse_row(row: dict, where: str) -> DateAnchor:
    require(row, where, _REQUIRED)
    if row["kind"] not in KINDS or row["bound"] not in BOUNDS:
        raise SitrepError("E030", f"{where}: kind/bound must be one of {sorted(KINDS)} / {sorted(BOUNDS)}")
    if (row["kind"] == "tenure") != (row["bound"] == "within") or ("until" in row) != (row["kind"] == "tenure"):
        raise SitrepError("E030", f"{where}: tenure rows (and only they) have bound 'within' and 'until'")
    if not row["patterns"]:
        raise SitrepError("E030", f"{where}: no patterns")
    try:
        patterns = tuple(re.compile(p) for p in row["patterns"])
        requires = re.compile(row["requires"]) if row.get("requires") else None
        start = date.fromisoformat(row["date"])
        until = date.fromisoformat(row["until"]) if row.get("until") else None
    except (re.error, ValueError, TypeError) as error:
        raise SitrepError("E030", f"{where}: {error}") from error
    if until is not None and until < start:
        raise SitrepError("E030", f"{where}: 'until' is before 'date'")
    context = row.get("context", [])
    if context and row["kind"] != "start":
        raise SitrepError("E030", f"{where}: only 'start' rows have context words")
    literals = tuple(required_literals(p.pattern) for p in patterns)
    return DateAnchor(row["id"], patterns, literals, start, until, row["kind"], row["bound"], tuple(context),
                      requires, row["note"], row["source"])


def required_literals(source: str) -> tuple[str, ...]:
    """Words that every match of a regex must contain (none when unsure).

    Only words outside every group, class and escape count, and none with a quantifier on
    its last letter; a top-level alternation or an inline flag gives None. Scanning 700
    patterns over every page is the slow part of dating a page: this prefilter skips most.
    """
    if _INLINE_FLAGS.search(source):
        return ()
    text = _ESCAPE.sub(" ", _CLASS.sub(" ", source))
    depth, top = 0, []
    for char in text:
        depth += (char == "(") - (char == ")")
        top.append(char if depth == 0 and char not in "()" else " ")
    flat = "".join(top)
    if "|" in flat:
        return ()
    return tuple(w for w in _LITERAL_WORD.findall(flat) if len(w) >= LITERAL_MIN_CHARS)


@lru_cache(maxsize=1)
def date_anchors() -> tuple[DateAnchor, ...]:
    """The packaged anchor KB (loaded once per process)."""
    return load_date_anchors()

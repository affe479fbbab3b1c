"""Framing per outlet: the words each report uses, whom it quotes, what it leaves out.

Descriptive only: counts of lexicon terms ("regime" vs "government", "terrorists" vs
"rebels", "liberate", "occupying") with every occurrence as an evidence span, the voices
it cites, and the actors, places and figures other reports of the same story have and
this one lacks. It never says which report is right; the words and where they are let
an analyst compare. The lexicon is KB data (kb/framing_terms.jsonl); a term ending in
"*" matches any word it starts ("liberat*": liberate, liberated, liberation).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sitrep.errors import SitrepError
from sitrep.kb.rows import read_kb_rows

LEXICON_FILE = "framing_terms.jsonl"
# A word as the framing patterns bound it: letters, digits, "_" and "-" ("counter-terrorism").
TEXT_WORD = re.compile(r"[\w-]+")
STEM_KEY = 4                 # letters of a wildcard stem that index it ("libe" -> "liberat*")
OMISSION_SHARE = 0.5         # an item is "left out" when at least this share of the other reports has it


@dataclass(frozen=True, slots=True)
class FramingTerm:
    term: str
    category: str
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class DocFacts:
    """What one report of a story mentions: the inputs to omission and sources."""

    doc_id: str
    outlet: str | None
    text: str
    actors: dict[str, str]            # actor id -> a surface form
    places: dict[str, str]            # place id -> a surface form
    figures: dict[str, str]           # merged event id + value -> value text
    sources: tuple[dict[str, Any], ...]


def _pattern(term: str) -> re.Pattern[str]:
    stem = re.escape(term.rstrip("*")).replace(r"\ ", r"\s+")
    tail = r"[\w-]*" if term.endswith("*") else ""
    return re.compile(rf"(?<![\w-]){stem}{tail}(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def framing_lexicon() -> tuple[FramingTerm, ...]:
    """The framing terms of kb/framing_terms.jsonl, compiled (validated on first use)."""
    rows = read_kb_rows(LEXICON_FILE, {"term": str, "category": str})
    return tuple(FramingTerm(row["term"], row["category"], _pattern(row["term"])) for row in rows)


@dataclass(frozen=True, slots=True)
class TermIndex:
    """Where each term can start: its first word (exact) or, for "liberat*", a word stem
    (bucketed by the stem's first STEM_KEY letters, so a word costs two dict lookups)."""

    exact: dict[str, tuple[int, ...]]
    stems: dict[str, tuple[tuple[str, int], ...]]

    def starting(self, word: str) -> list[int]:
        """Lexicon positions of the terms that can start with `word` (lower case), in order."""
        found = [i for stem, i in self.stems.get(word[:STEM_KEY], ()) if word.startswith(stem)]
        return sorted([*self.exact.get(word, ()), *found]) if found else list(self.exact.get(word, ()))


@lru_cache(maxsize=4)
def _index(lexicon: tuple[FramingTerm, ...]) -> TermIndex:
    """Why: one dict lookup per word of the text instead of trying every term at every character."""
    exact: dict[str, list[int]] = defaultdict(list)
    stems: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for i, entry in enumerate(lexicon):
        first = entry.term.lower().split()[0]
        if not first.endswith("*"):
            exact[first].append(i)
        elif len(first) - 1 < STEM_KEY:
            raise SitrepError("E030", f"{LEXICON_FILE}: a wildcard term needs {STEM_KEY} letters before '*': {entry.term!r}")
        else:
            stems[first[:STEM_KEY]].append((first[:-1], i))
    return TermIndex({w: tuple(ids) for w, ids in exact.items()}, {k: tuple(v) for k, v in stems.items()})


def term_uses(doc_id: str, text: str, lexicon: tuple[FramingTerm, ...]) -> list[dict[str, Any]]:
    """Each lexicon term found in the text with its count and evidence spans (lexicon order).

    At each word, the first term of the lexicon that matches there wins, and the scan goes on
    after it (as one alternation of all terms would)."""
    index = _index(lexicon)
    spans: dict[int, list[dict[str, Any]]] = defaultdict(list)
    resume = 0
    for word in TEXT_WORD.finditer(text):
        if word.start() < resume:
            continue
        for i in index.starting(word.group().lower()):
            match = lexicon[i].pattern.match(text, word.start())
            if match:
                spans[i].append({"doc_id": doc_id, "layer": "text", "start": match.start(), "end": match.end(),
                                 "text": match.group()})
                resume = match.end()
                break
    return [{"term": lexicon[i].term, "category": lexicon[i].category, "count": len(spans[i]), "evidence": spans[i]}
            for i in sorted(spans)]


def omissions(doc: DocFacts, others: list[DocFacts]) -> list[dict[str, Any]]:
    """Actors, places and figures most other reports of the story have and this one lacks."""
    if not others:
        return []
    needed = max(1, OMISSION_SHARE * len(others))
    missing = []
    for kind in ("actors", "places", "figures"):
        holders: dict[str, list[str]] = defaultdict(list)
        labels: dict[str, str] = {}
        for other in others:
            for key, label in getattr(other, kind).items():
                holders[key].append(other.doc_id)
                labels.setdefault(key, label)
        mine = getattr(doc, kind)
        for key in sorted(holders):
            if key not in mine and len(holders[key]) >= needed:
                missing.append({"kind": kind[:-1], "value": key, "label": labels[key],
                                "reported_by": sorted(set(holders[key]))})
    return missing


def framing_of(docs: list[DocFacts]) -> list[dict[str, Any]]:
    """The framing entry of every report of one story."""
    lexicon = framing_lexicon()
    return [{
        "outlet": doc.outlet,
        "doc_id": doc.doc_id,
        "terms": term_uses(doc.doc_id, doc.text, lexicon),
        "sources_quoted": list(doc.sources),
        "omitted": omissions(doc, [other for other in docs if other.doc_id != doc.doc_id]),
    } for doc in docs]

"""Widgets set inside an article's sentences, cut out of the main text.

Some sites hang a hover card on a person's name inside the prose, and text extractors keep
it in the sentence: "caucus Chairman Joe Crowley Joseph (Joe) CrowleyThe Democrats'
generational battle Ocasio-Cortez apologizes ... MORE said". The card repeats the name in
full, runs it into the card's first headline ("CrowleyThe"), and ends with "MORE". Left in,
its headlines become words of the sentence, and the parser and the event coder read them as
such. A card is recognised by that shape only: a name's last word glued to a headline, the
same word named just before, and "MORE" closing it on the same line.
"""
from __future__ import annotations

import re
from dataclasses import replace

from sitrep.clean.extraction import Extraction
from sitrep.model import Segment

# A capitalised word, and the places inside it where a lower-case letter runs into a capital
# or a digit: the card's repeat of the name glued to its first headline ("CrowleyThe",
# "TrumpGOP"), or a name spelt that way ("McCain").
CAPITALISED_WORD = re.compile(r"[A-Z][\w'\u2019-]*")
GLUE = re.compile(r"(?<=[a-z])(?=[A-Z0-9])")
CARD_END = re.compile(r" MORE\b")
# How far the card's end and the first naming may lie from the glued word.
CARD_MAX_CHARS = 700
FIRST_NAMING_MAX_CHARS = 80


def hover_card_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of `text` that are hover cards: from the end of the name the card
    repeats to the end of its "MORE"."""
    spans: list[tuple[int, int]] = []
    for word in CAPITALISED_WORD.finditer(text):
        if spans and word.start() < spans[-1][1]:
            continue
        for glue in reversed(list(GLUE.finditer(word.group()))):  # "McCainTrump": the last glue
            span = _card_at(text, word.start(), word.start() + glue.start())
            if span is not None:
                spans.append(span)
                break
    return spans


def _card_at(text: str, start: int, glue: int) -> tuple[int, int] | None:
    """The card whose name ends at `glue`, if the same name was written just before and
    "MORE" closes the card on its line."""
    name = text[start:glue]
    line_end = text.find("\n", glue)
    end = CARD_END.search(text, glue, min(glue + CARD_MAX_CHARS, line_end if line_end >= 0 else len(text)))
    before = text.rfind(name, max(0, start - FIRST_NAMING_MAX_CHARS), start)
    return (before + len(name), end.end()) if end is not None and before >= 0 else None


def without_hover_cards(extraction: Extraction) -> Extraction:
    """`extraction` with its hover cards cut out of the text; every kept character still
    maps to the raw page through the segments."""
    spans = hover_card_spans(extraction.text)
    if not spans:
        return extraction
    kept = _complement(spans, len(extraction.text))
    text = "".join(extraction.text[start:end] for start, end in kept)
    return replace(extraction, text=text, segments=_remapped(extraction.segments, kept))


def _complement(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    kept, position = [], 0
    for start, end in spans:
        kept.append((position, start))
        position = end
    kept.append((position, length))
    return [(start, end) for start, end in kept if end > start]


def _remapped(segments: tuple[Segment, ...], kept: list[tuple[int, int]]) -> tuple[Segment, ...]:
    """The segments cut to the kept ranges, moved to where those ranges land in the new text."""
    remapped = []
    new_position = 0
    for start, end in kept:
        shift = new_position - start
        for segment in segments:
            low = max(start, segment.text_start)
            high = min(end, segment.text_start + segment.length)
            if low < high:
                raw = None if segment.raw_start is None else segment.raw_start + (low - segment.text_start)
                remapped.append(Segment(low + shift, raw, high - low))
        new_position += end - start
    return tuple(remapped)

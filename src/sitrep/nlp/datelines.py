"""Datelines seen from inside the text: "BEIRUT (AP) —", "Doha, Qatar -", CNN's dashless
"Simi Valley, California (CNN)".

A dateline opens a paragraph with the place a report was filed from and, often, the agency
that filed it. Neither takes part in the events of the sentence it opens: the place is where
the reporter stood, the agency is who reports. The place resolver, the actor arbiter and the
event coder all ask these two questions of the same words, so the shape of a dateline is
described once, here. (The clean stage reads the dateline field of a page from its first
lines with its own extractor, `clean.metadata.DATELINE`, which also captures a date.)

`dateline_ends` tells `sentence_starts.py` where the sentence after a dateline begins.
"""

from __future__ import annotations

import re

# A dash closing a dateline: "-", "--", an en or em dash, not a hyphen inside a word.
_DASH = r"(?:-{1,2}|\u2013|\u2014)(?!\w)"
# The agency credit: "(AP)", "(Reuters)", "(CNN)".
_CREDIT = r"\([A-Z][^()\n]{0,39}\)"
_GAP = r"[^\S\n]*"
# What may follow the place: an optional qualifier (", Syria"), then a credit, a dash or both.
PLACE_TAIL = re.compile(rf"(?:,{_GAP}[A-Z][\w.]*(?:[^\S\n][A-Z][\w.]*)*)?{_GAP}(?:{_CREDIT}(?:{_GAP}{_DASH})?|{_DASH})")
# A dateline's place before its qualifier: "QUETTA, ", "Simi Valley, ".
PLACE_HEAD = re.compile(r"[^\S\n]*[A-Z][\w.'\u2019-]*(?:[^\S\n]+[A-Z][\w.'\u2019-]*){0,3},[^\S\n]*")
# What may open the line before a credit with no dash after it: nothing ("(CNN) Aerial
# bombardments ..."), or a place and its qualifier, capitalised words and commas only.
CREDIT_HEAD = re.compile(r"(?:[A-Z][\w.'\u2019-]*,?[^\S\n]*){0,6}")
CREDIT_CLOSE = re.compile(rf"\){_GAP}{_DASH}")
_WORD = r"[A-Z][\w.'\u2019-]*"
# A whole dateline opening a line: a place (with a qualifier) and a credit, either or both,
# then a dash or, right after a credit, the sentence ("(CNN) Aerial bombardments ...").
DATELINE = re.compile(rf"{_GAP}(?:(?P<place>{_WORD}(?:[^\S\n]+{_WORD}){{0,3}})"
                      rf"(?P<qualifier>,{_GAP}{_WORD}(?:[^\S\n]+{_WORD}){{0,2}})?{_GAP})?(?P<credit>{_CREDIT})?"
                      rf"(?:{_GAP}{_DASH}|(?<=\))(?=[^\S\n]+[A-Z])){_GAP}")


def opens_dateline(text: str, start: int, end: int) -> bool:
    """Whether the words at text[start:end] open their paragraph as a dateline's place, or
    qualify the place that does ("QUETTA, Pakistan (Reuters) -": Pakistan too)."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    return (not before.strip() or PLACE_HEAD.fullmatch(before) is not None) and PLACE_TAIL.match(text, end) is not None


def is_dateline_credit(text: str, start: int, end: int) -> bool:
    """Whether the words at text[start:end] are a dateline's agency credit: in parentheses, with
    a dash after them ("GAZA CITY (AP) — Israel and Hamas began ...") or nothing but a place
    before them on their line ("Simi Valley, California (CNN) Jeb Bush ...")."""
    if text[start - 1 : start] != "(" or text[end : end + 1] != ")":
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return CREDIT_CLOSE.match(text, end) is not None or CREDIT_HEAD.fullmatch(text, line_start, start - 1) is not None


def dateline_ends(text: str) -> list[int]:
    """Where the text after each dateline starts: the offsets of the sentences it opens."""
    ends = []
    for line_start in [0, *(m.end() for m in re.finditer(r"\n", text))]:
        match = DATELINE.match(text, line_start)
        if match is None or match.end() >= len(text) or text[match.end()] == "\n":
            continue
        place, credit = match.group("place"), match.group("credit")
        if credit or (place and (place.isupper() or match.group("qualifier"))):
            ends.append(match.end())
    return ends

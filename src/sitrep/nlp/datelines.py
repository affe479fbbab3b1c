"""Datelines seen from inside the text: "BEIRUT (AP) —", "Doha, Qatar -", CNN's dashless
"Simi Valley, California (CNN)".

A dateline opens a paragraph with the place a report was filed from and, often, the agency
that filed it. Neither takes part in the events of the sentence it opens: the place is where
the reporter stood, the agency is who reports. The place resolver, the actor arbiter and the
event coder all ask these two questions of the same words, so the shape of a dateline is
described once, here. (The clean stage reads the dateline field of a page from its first
lines with its own extractor, `clean.metadata.DATELINE`, which also captures a date.)
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
# What may open the line before a credit with no dash after it: nothing ("(CNN) Aerial
# bombardments ..."), or a place and its qualifier, capitalised words and commas only.
CREDIT_HEAD = re.compile(r"(?:[A-Z][\w.'\u2019-]*,?[^\S\n]*){0,6}")
CREDIT_CLOSE = re.compile(rf"\){_GAP}{_DASH}")


def opens_dateline(text: str, start: int, end: int) -> bool:
    """Whether the words at text[start:end] open their paragraph as a dateline's place."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and PLACE_TAIL.match(text, end) is not None


def is_dateline_credit(text: str, start: int, end: int) -> bool:
    """Whether the words at text[start:end] are a dateline's agency credit: in parentheses, with
    a dash after them ("GAZA CITY (AP) — Israel and Hamas began ...") or nothing but a place
    before them on their line ("Simi Valley, California (CNN) Jeb Bush ...")."""
    if text[start - 1 : start] != "(" or text[end : end + 1] != ")":
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return CREDIT_CLOSE.match(text, end) is not None or CREDIT_HEAD.fullmatch(text, line_start, start - 1) is not None

"""Party-and-state tags after a politician's name: "Sen. Pat Leahy, D-Vt.", "(R-S.C.)".

The American press writes a member of Congress's party letter and state after the name. The
tag says where the person sits (the letters, and the body they link to, are KB data:
"party_tag" rows of `actor_modifiers.jsonl`) and names no place anything happens in, so the
place finder skips it and actor resolution links an unknown name through it.
"""
from __future__ import annotations

from spacy.tokens import Doc

OPENERS = frozenset({",", "("})  # what sets the tag off from the name before it
HYPHEN = "-"
# Title words of offices outside Congress written before a tagged name, and how far back they stand.
OTHER_OFFICE_WORDS = frozenset({"gov.", "gov", "governor", "mayor", "state", "lt."})
TITLE_REACH = 2


def is_party_tag(doc: Doc, letter: int) -> bool:
    """Whether token `letter` opens a party-and-state tag: one capital letter set off by a
    comma or a bracket, a hyphen and a capitalised state, written without spaces."""
    if letter < 1 or letter + 2 >= len(doc) or doc[letter - 1].text not in OPENERS:
        return False
    tag, hyphen, state = doc[letter], doc[letter + 1], doc[letter + 2]
    return len(tag.text) == 1 and tag.text.isupper() and hyphen.text == HYPHEN \
        and not tag.whitespace_ and not hyphen.whitespace_ and state.text[:1].isupper()


def party_letter_after(doc: Doc, end: int) -> str | None:
    """The party letter of a tag right after a name ending before token `end`, or None."""
    return doc[end + 1].text if is_party_tag(doc, end + 1) else None


def holds_other_office(doc: Doc, start: int) -> bool:
    """Whether a title before the name starting at token `start` names an office outside
    Congress, whose holders carry the same tag ("Gov. Scott Walker, R-Wisc.", "State Rep.
    Elbert Guillory"): the tag then says nothing of Congress."""
    return any(doc[i].lower_ in OTHER_OFFICE_WORDS for i in range(max(0, start - TITLE_REACH), start))

"""Sentence starts the layout of the text makes certain, set before the parser runs.

The parser keeps sentence boundaries already set, and left to itself it misses two that the
text's layout states plainly:

- a blank line: a headline, a caption or a "Read more" link without a full stop runs into
  the next paragraph, whose verbs then hang on it ("... says Macron – live Read more
  \n\nDonald Trump consulted his advisers": Macron said Trump consulted);
- a dateline: parsed with its sentence, its words become the subject ("QUETTA, Pakistan
  (Reuters) - Gunmen stormed a hotel": QUETTA stormed, Pakistan with it) or swallow the
  actor ("BEIRUT, Lebanon -- Israel struck": Israel in apposition to Lebanon).

The component `sitrep_sentence_starts` marks both; the event coder joins a dateline to its
sentence again (`events.candidates.sentence_pieces`).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.nlp.datelines import dateline_ends

FACTORY_NAME = "sitrep_sentence_starts"
PARAGRAPH_BREAK = "\n\n"


def set_sentence_starts(doc: Doc) -> Doc:
    """Start a sentence after each blank line and each dateline (see module). A dateline's
    own words and the word after each start are set to go on their sentence, or the parser
    may cut them off by themselves ("WASHINGTON | — President Obama", "US | officials said")."""
    after_datelines = set(dateline_ends(doc.text))
    starts = [token for token in doc[1:] if not token.is_space and (token.idx in after_datelines or _after_blank_line(token))]
    for token in starts:
        token.is_sent_start = True
    for token in starts:
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if following is not None and not following.is_space and following.is_sent_start is None:
            following.is_sent_start = False
        if token.idx in after_datelines:
            line = doc.text.rfind("\n", 0, token.idx) + 1
            inside = doc[token.i - 1]
            while inside.i > 0 and inside.idx > line:
                if not inside.is_space and inside.is_sent_start is None:
                    inside.is_sent_start = False
                inside = doc[inside.i - 1]
    return doc


def _after_blank_line(token) -> bool:
    """Whether the token before is the whitespace of a blank line (spaCy keeps it a token)."""
    previous = token.doc[token.i - 1]
    return previous.is_space and PARAGRAPH_BREAK in previous.text


@Language.factory(FACTORY_NAME)
def make_sentence_starts(nlp: Language, name: str):
    """Component: sentences start after blank lines and datelines (`set_sentence_starts`)."""
    return set_sentence_starts

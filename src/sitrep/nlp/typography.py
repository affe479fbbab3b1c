"""Curly quotes and apostrophes read as straight ones by the statistical model.

The English models learnt from text written mostly with straight marks, and they see a word
through its norm, shape, prefix and suffix. spaCy already gives "’s" the norm "'s", but its
shape, prefix and suffix stay typographic, so the model meets features it rarely saw: in
"at Atlanta’s Centennial Park" the recognizer finds one organisation, in "at Atlanta's
Centennial Park" a city and a park. Most news sites print curly marks.

The text itself keeps them: the quote finder tells an opening mark from a closing one, and
every evidence span must read as the page does. Only the word features the model computes
are taken from the straight spelling.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy import attrs
from spacy.language import Language

STRAIGHT = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
# The lexical features the models embed besides the norm, by the lexeme attribute holding each.
FEATURES = {attrs.SHAPE: "shape_", attrs.PREFIX: "prefix_", attrs.SUFFIX: "suffix_"}


def read_curly_marks_as_straight(nlp: Language) -> None:
    """Make `nlp`'s vocabulary compute shape, prefix and suffix of a word from its spelling
    with straight marks, for the words it knows already and those it meets later."""
    getters = dict(nlp.vocab.lex_attr_getters)
    for attr in FEATURES:
        getters[attr] = _on_straight_spelling(getters[attr])
    nlp.vocab.lex_attr_getters = getters
    for lexeme in nlp.vocab:
        if lexeme.orth_.translate(STRAIGHT) != lexeme.orth_:
            for attr, name in FEATURES.items():
                setattr(lexeme, name, getters[attr](lexeme.orth_))


def _on_straight_spelling(getter: Callable[[str], str]) -> Callable[[str], str]:
    return lambda text: getter(text.translate(STRAIGHT))

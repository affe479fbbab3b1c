"""Tokenizer rules sitrep adds to the model's: news prose the stock rules keep whole.

The English tokenizer keeps an abbreviation with its full stops as one token ("U.S.") and
splits hyphens only between letters, so "U.S.-led", "U.N.-brokered" and "U.S.-made" stay one
token: the state in it is then no name the actor resolver or the gazetteer can see. Splitting
the hyphen after a full stop when a lower-case word follows gives "U.S." "-" "led", as
"US-led" already is. A hyphen left hanging after the full stop ("U.S.- and NATO-backed
forces", the first half of a shared compound) is split off the same way.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.util import compile_infix_regex, compile_suffix_regex

# A hyphen between an abbreviation's full stop and a lower-case word ("U.S.-led").
ABBREVIATION_HYPHEN = r"(?<=\.)-(?=[a-z])"
# A hyphen ending a word after an abbreviation's full stop ("U.S.- and NATO-backed").
SUSPENDED_HYPHEN = r"(?<=\.)-"


def split_abbreviation_compounds(nlp: Language) -> None:
    """Make `nlp`'s tokenizer split "U.S.-led" into "U.S.", "-", "led" and "U.S.-" into "U.S.", "-"."""
    infixes = [*nlp.Defaults.infixes, ABBREVIATION_HYPHEN]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    suffixes = [*nlp.Defaults.suffixes, SUSPENDED_HYPHEN]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search

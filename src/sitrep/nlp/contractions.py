"""A contracted "has" the parser read as a passive "is".

"Now he's assassinated a senior official": the parser reads "'s" as the passive auxiliary
and "he" as the one assassinated, though the verb has an object of its own, which no
passive of a transitive verb takes. The component `sitrep_perfect_contractions` re-reads
such a clause as the present perfect it is: "'s" an auxiliary "have", the subject the doer.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

FACTORY_NAME = "sitrep_perfect_contractions"
CONTRACTED_AUXILIARIES = frozenset({"'s", "\u2019s"})
PASSIVE_AUXILIARY, AUXILIARY, HAVE = "auxpass", "aux", "have"
PASSIVE_SUBJECT, SUBJECT, DIRECT_OBJECT = "nsubjpass", "nsubj", "dobj"
PAST_PARTICIPLE = "VBN"


def read_contracted_perfects(doc: Doc) -> Doc:
    """Component: see module docstring."""
    for token in doc:
        if token.dep_ != PASSIVE_AUXILIARY or token.lower_ not in CONTRACTED_AUXILIARIES:
            continue
        verb = token.head
        if verb.tag_ != PAST_PARTICIPLE or not any(c.dep_ == DIRECT_OBJECT for c in verb.children):
            continue
        token.dep_, token.lemma_ = AUXILIARY, HAVE
        for child in verb.children:
            if child.dep_ == PASSIVE_SUBJECT:
                child.dep_ = SUBJECT
    return doc


@Language.component(FACTORY_NAME, requires=["token.dep", "token.tag"])
def make_perfect_contractions(doc: Doc) -> Doc:
    """Component: a contracted "has" the parser read as a passive "is" becomes "have"."""
    return read_contracted_perfects(doc)

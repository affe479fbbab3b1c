"""Common nouns the tagger took for names because they open a sentence in capitals.

The tagger reads capitals as a name where a sentence starts somewhere it did not expect one,
after a dateline above all ("QUETTA (Reuters) - Gunmen stormed ...") and with some plurals
anywhere ("Rebels shelled the town"): it tags "Gunmen" NNP with the lemma "Gunmen", and the
words sitrep looks up by lemma ("gunman": an unidentified armed participant) go unseen. The
component `sitrep_sentence_case` re-reads such a word as a noun where the model's own
lemmatizer makes it a noun its lemma index knows and no entity covers it.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

FACTORY_NAME = "sitrep_sentence_case"
NAME_TAGS = frozenset({"NNP", "NNPS"})
NOUN_TAGS = (("NNS", "Number=Plur"), ("NN", "Number=Sing"))
NOUN_POS = "NOUN"
NOUN_INDEX = "noun"


class SentenceCaseNouns:
    """Component: see module docstring."""

    def __init__(self, lemmatizer: Lemmatizer):
        self.lemmatizer = lemmatizer
        index = lemmatizer.lookups.get_table("lemma_index", {}) if lemmatizer.lookups else {}
        self.nouns = frozenset(index.get(NOUN_INDEX, ()))

    def __call__(self, doc: Doc) -> Doc:
        for sent in doc.sents:
            token = sent[0]
            if token.tag_ in NAME_TAGS and not token.ent_type_ and token.text.istitle():
                self.read_as_noun(token)
        return doc

    def read_as_noun(self, token) -> None:
        """Re-tag `token` as a noun, plural first (the tagger's NNP says nothing of number:
        "Gunmen"), where the lemmatizer then gives a noun it knows; else leave it."""
        pos, tag, morph, lemma = token.pos_, token.tag_, token.morph, token.lemma_
        token.pos_ = NOUN_POS
        for noun_tag, number in NOUN_TAGS:
            token.tag_ = noun_tag
            token.set_morph(number)
            lemmas = self.lemmatizer.rule_lemmatize(token)
            if lemmas and lemmas[0] in self.nouns:
                token.lemma_ = lemmas[0]
                return
        token.pos_, token.tag_, token.morph, token.lemma_ = pos, tag, morph, lemma


@Language.factory(FACTORY_NAME, requires=["token.tag", "token.lemma", "doc.ents", "doc.sents"])
def make_sentence_case(nlp: Language, name: str):
    """Component: the model's lemmatizer re-reads sentence-opening capitalised common nouns."""
    return SentenceCaseNouns(nlp.get_pipe("lemmatizer"))

"""Words, shingles, content hashes and TF-IDF term weights of a document's main text.

Everything here is a pure function of text: the near-duplicate detector and the story
clusterer share one tokenisation so that "the same words" means the same thing to both.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter

from spacy.lang.en.stop_words import STOP_WORDS

WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE_WORDS = 4          # word n-gram length for near-duplicate shingles
MIN_TERM_CHARS = 3         # shorter tokens carry no topic ("us", "mr")
TITLE_WEIGHT = 2           # a headline word counts as this many body words
SUFFIXES = ("ing", "ed", "es", "s")    # longest first; enough to join inflections of one word
MIN_STEM_CHARS = 4
TOP_TERMS = 40             # terms kept per document vector (the rest is noise for clustering)


def words(text: str) -> list[str]:
    """Case-folded word tokens; punctuation, quotes and markup characters are dropped."""
    return WORD.findall(text.casefold())


def content_hash(text: str) -> str:
    """Hash of the word sequence: equal for texts that differ only in spacing or punctuation."""
    return hashlib.sha256(" ".join(words(text)).encode("utf-8")).hexdigest()[:32]


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """The set of word `size`-grams; a text shorter than `size` words is one shingle."""
    tokens = words(text)
    if len(tokens) <= size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


def topic_terms(text: str, title: str | None = None) -> Counter[str]:
    """Term counts for story clustering: content words of body and (weighted) headline."""
    counts: Counter[str] = Counter()
    for source, weight in ((text, 1), (title or "", TITLE_WEIGHT)):
        for token in words(source):
            if len(token) >= MIN_TERM_CHARS and not token.isdigit() and token not in STOP_WORDS:
                counts[term_stem(token)] += weight
    return counts


def term_stem(token: str) -> str:
    """A light English suffix strip so "deployed", "deploys" and "deploying" count as one term."""
    for suffix in SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= MIN_STEM_CHARS:
            return token[: -len(suffix)]
    return token


def idf(doc_freq: int, n_docs: int) -> float:
    """Smoothed inverse document frequency (the scikit-learn formula, so weights are familiar)."""
    return math.log((1 + n_docs) / (1 + doc_freq)) + 1.0


def tfidf_vector(counts: Counter[str], doc_freq: dict[str, int], n_docs: int,
                 top: int = TOP_TERMS) -> dict[str, float]:
    """Unit-length sublinear TF-IDF vector over the `top` heaviest terms."""
    weights = {term: (1.0 + math.log(count)) * idf(doc_freq.get(term, 1), n_docs)
               for term, count in counts.items()}
    kept = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:top]
    return normalised(dict(kept))


def normalised(vector: dict[str, float]) -> dict[str, float]:
    """The vector scaled to unit length (an empty vector stays empty)."""
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {term: w / norm for term, w in vector.items()} if norm else {}


def dot(a: dict[str, float], b: dict[str, float]) -> float:
    """Sparse dot product (cosine when both are unit length)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(term, 0.0) for term, w in a.items())

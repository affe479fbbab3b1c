"""Cheap sentence prefilter: run the NLP only where an event can be coded.

The tagger, parser and NER cost most of the NLP time, yet the event coder only reads
sentences that hold a trigger word of the event lexicon and a name an actor or a place can
come from. This module finds those sentences with a rule sentence splitter and set lookups
over the words of each sentence (no model), joins them, each with the sentence before it
(quote speakers and "the group" -> an earlier name read it), into one excerpt per document,
and keeps the map from excerpt offsets back to the clean text. The whole pipeline then runs
on the excerpt; `restore_offsets` maps every "text"-layer Evidence of the results back, so
`Evidence.text == clean_text[start:end]` holds as without the prefilter.

Inflected trigger forms come from the model's own lemmatizer tables (suffix rules and
exceptions) run backwards, so "sent", "fought" and "deployed" select a sentence as "send",
"fight" and "deploy" do, without running the lemmatizer.
"""
from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields, is_dataclass, replace
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.events.lexicon import load_triggers
from sitrep.kb.actors import default_actor_kb
from sitrep.model import CleanDocument, Event, Evidence

logger = logging.getLogger(__name__)

# Lemmatizer tables of the model and the parts of speech triggers are written in.
LEMMATIZER = "lemmatizer"
RULES_TABLE, EXCEPTIONS_TABLE = "lemma_rules", "lemma_exc"
TRIGGER_POS = ("verb", "noun")
# A sentence ends after end punctuation (with the closers that stay with it: 'left.”')
# followed by white space, or at a line break.
SENTENCE_END = re.compile(r"[.!?]+[”’\"')\]]*\s+|\s*\n\s*")
WORD = re.compile(r"\w+")
# Sentences of context kept before each candidate (quote speakers, "the group" -> earlier name).
CONTEXT_BEFORE = 1
# Where a prefiltered Doc keeps its map back to the clean text.
EXCERPT_KEY = "sitrep_excerpt"
TEXT_LAYER = "text"


@dataclass(frozen=True, slots=True)
class PrefilterVocabulary:
    """What makes a sentence a candidate.

    lemmas_of: lower-case form -> the trigger words (lexicon spelling) it is a form of.
    phrases: first trigger word -> the word sets of the triggers it starts; a trigger is
        present when each of its words has a form in the sentence.
    common_names: actor words that need no capital: force nouns and anaphors ("troops",
        "regime", "group").
    proper_names: words of actor aliases and demonyms; they count when capitalised, as does
        any capitalised word after a sentence's first.
    """

    lemmas_of: dict[str, frozenset[str]]
    phrases: dict[str, tuple[frozenset[str], ...]]
    common_names: frozenset[str]
    proper_names: frozenset[str]

    def has_trigger(self, words: Iterable[str]) -> bool:
        """Whether lower-case `words` hold every word of some trigger (order and parse aside)."""
        present: set[str] = set()
        for word in words:
            present |= self.lemmas_of.get(word, frozenset())
        return any(needed <= present for first in present for needed in self.phrases.get(first, ()))


def inflections(lemma: str, rules: Sequence[Sequence[str]]) -> set[str]:
    """Forms of `lemma` made by running lemmatizer suffix rules (form suffix, lemma suffix)
    backwards, with the doubled final consonant ("stopped") as well."""
    forms = {lemma}
    for form_suffix, lemma_suffix in rules:
        if lemma.endswith(lemma_suffix):
            stem = lemma[: len(lemma) - len(lemma_suffix)]
            forms.add(stem + form_suffix)
            if not lemma_suffix:
                forms.add(lemma + lemma[-1:] + form_suffix)
    return forms


def word_forms(nlp: Language, lemmas: Iterable[str]) -> dict[str, frozenset[str]]:
    """form -> lemmas, for every inflected form of `lemmas` the model's lemmatizer tables give."""
    lemmas = set(lemmas)
    found: dict[str, set[str]] = {lemma: {lemma} for lemma in lemmas}
    lookups = nlp.get_pipe(LEMMATIZER).lookups if LEMMATIZER in nlp.pipe_names else None
    if lookups is None or not lookups.has_table(RULES_TABLE):
        logger.warning("no lemmatizer tables: the prefilter matches trigger lemmas only")
        return {form: frozenset(of) for form, of in found.items()}
    rules, exceptions = lookups.get_table(RULES_TABLE), lookups.get_table(EXCEPTIONS_TABLE, {})
    for pos in TRIGGER_POS:
        for lemma in lemmas:
            for form in inflections(lemma, rules.get(pos, ())):
                found.setdefault(form, set()).add(lemma)
        for form, form_lemmas in exceptions.get(pos, {}).items():
            for lemma in lemmas.intersection(form_lemmas):
                found.setdefault(form.lower(), set()).add(lemma)
    return {form: frozenset(of) for form, of in found.items()}


def _words(phrases: Iterable[str], stop_words: set[str]) -> frozenset[str]:
    return frozenset(word for phrase in phrases for word in phrase.lower().split() if word not in stop_words)


@lru_cache(maxsize=4)
def vocabulary_for(nlp: Language) -> PrefilterVocabulary:
    """The prefilter vocabulary of one pipeline (its lemmatizer tables), built once."""
    lexicon = load_triggers()
    phrases = {first: tuple(frozenset(row.words) for row in rows) for first, rows in lexicon.by_first_word.items()}
    words = {word for needed in phrases.values() for row_words in needed for word in row_words}
    kb, stop = default_actor_kb(), set(nlp.Defaults.stop_words)
    return PrefilterVocabulary(
        lemmas_of=word_forms(nlp, words),
        phrases=phrases,
        common_names=_words([*kb.force_nouns, *kb.anaphors], stop),
        proper_names=_words([*kb.alias_index, *kb.adjectives, *kb.plural_demonyms], stop),
    )


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trailing white space included, covering `text`."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if match.end() > start and text[start : match.start()].strip():
            spans.append((start, match.end()))
            start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def is_candidate(sentence: str, vocabulary: PrefilterVocabulary) -> bool:
    """Whether a sentence holds a trigger and a name: a force noun or anaphor, a capitalised
    actor word, or a capitalised word after its first (set lookups over its words only)."""
    words = WORD.findall(sentence)
    lowered = [word.lower() for word in words]
    if not vocabulary.has_trigger(set(lowered)):
        return False
    return any(
        lower in vocabulary.common_names
        or (word[:1].isupper() and (position or lower in vocabulary.proper_names))
        for position, (word, lower) in enumerate(zip(words, lowered))
    )


@dataclass(frozen=True, slots=True)
class Excerpt:
    """The candidate windows of one text joined into one string, with the map back.

    pieces: (excerpt offset, text offset) where each window starts, in order; a window is
        copied verbatim, so inside it the two offsets differ by a constant.
    """

    text: str
    pieces: tuple[tuple[int, int], ...]


def excerpt_of(text: str, vocabulary: PrefilterVocabulary) -> Excerpt:
    """The candidate sentences of `text`, each with its context, joined in text order."""
    spans = sentence_spans(text)
    windows: list[list[int]] = []
    for index, (start, end) in enumerate(spans):
        if not is_candidate(text[start:end], vocabulary):
            continue
        first = spans[max(0, index - CONTEXT_BEFORE)][0]
        if windows and first <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([first, end])
    pieces, parts, at = [], [], 0
    for start, end in windows:
        pieces.append((at, start))
        parts.append(text[start:end])
        at += end - start
    return Excerpt("".join(parts), tuple(pieces))


def parse_selected(nlp: Language, cleaned: Sequence[CleanDocument], batch_size: int) -> Iterator[Doc]:
    """Docs over the excerpts of the clean texts, in order (see `restore_offsets`)."""
    vocabulary = vocabulary_for(nlp)

    def prepared() -> Iterator[Doc]:
        for clean in cleaned:
            excerpt = excerpt_of(clean.text, vocabulary)
            logger.debug("prefilter %s: %s of %s characters", clean.doc.id, len(excerpt.text), len(clean.text))
            doc = nlp.make_doc(excerpt.text)
            doc.user_data[EXCERPT_KEY] = excerpt.pieces
            doc._.doc_id = clean.doc.id
            doc._.published = clean.metadata.published
            yield doc

    yield from nlp.pipe(prepared(), batch_size=batch_size)


def _piece_offset(pieces: Sequence[tuple[int, int]], starts: Sequence[int], offset: int, *, end: bool) -> tuple[int, int]:
    """(piece index, text offset) of an excerpt offset; an end offset belongs to the piece
    of the character before it."""
    index = max(0, bisect_right(starts, offset - 1 if end else offset) - 1)
    excerpt_at, text_at = pieces[index]
    return index, text_at + offset - excerpt_at


def _remap(record: Any, pieces: Sequence[tuple[int, int]], starts: Sequence[int], text: str) -> Any:
    if isinstance(record, Evidence):
        if record.layer != TEXT_LAYER:
            return record
        first, start = _piece_offset(pieces, starts, record.start, end=False)
        last, end = _piece_offset(pieces, starts, record.end, end=True)
        if first != last:  # crosses into the next window: keep the part in the first one
            end = pieces[first][1] + pieces[first + 1][0] - pieces[first][0]
        return replace(record, start=start, end=end, text=text[start:end])
    if is_dataclass(record) and not isinstance(record, type):
        changes = {}
        for item in fields(record):
            value = getattr(record, item.name)
            remapped = _remap(value, pieces, starts, text)
            if remapped is not value:
                changes[item.name] = remapped
        record = replace(record, **changes) if changes else record
        if isinstance(record, Event) and changes:
            record = replace(record, text_info={**record.text_info, "start": record.sentence.start,
                                                "end": record.sentence.end})
        return record
    if isinstance(record, tuple):
        items = tuple(_remap(value, pieces, starts, text) for value in record)
        return items if any(a is not b for a, b in zip(items, record)) else record
    if isinstance(record, list):
        return [_remap(value, pieces, starts, text) for value in record]
    if isinstance(record, dict):
        return {key: _remap(value, pieces, starts, text) for key, value in record.items()}
    return record


def restore_offsets(record: Any, doc: Doc, text: str) -> Any:
    """`record` (any model record, or lists/tuples/dicts of them) with every "text"-layer
    Evidence moved from the excerpt `doc` was parsed from to the clean `text`.

    A Doc parsed without the prefilter has no excerpt: the record comes back unchanged.
    """
    pieces = doc.user_data.get(EXCERPT_KEY)
    if not pieces:
        return record
    starts = [excerpt_at for excerpt_at, _ in pieces]
    return _remap(record, pieces, starts, text)

"""Cheap sentence prefilter: run the NLP only where an event can be coded.

The tagger, parser and NER cost most of the NLP time, yet the event coder only reads
sentences that hold a trigger of the event lexicon and a name, count or time an event can be
anchored to. This module finds those sentences with a rule sentence splitter and set lookups
over the words of each sentence (no model), joins them into one excerpt per document, and
keeps the map from excerpt offsets back to the clean text. The whole pipeline then runs on
the excerpt; `restore_offsets` maps every "text"-layer Evidence of the results back, so
`Evidence.text == clean_text[start:end]` holds as without the prefilter.

A sentence is a candidate only where the coder could match a trigger row there, so each row
is tested as the coder tests it, from words alone: every word of the row present (inflected
forms come from the model's own lemmatizer tables run backwards: "sent", "fought" select
"send", "fight"), the further words of a phrase near the first, the first word in a form of
a part of speech the row allows (a capitalised word inside a sentence is a name's:
"Associated Press" is no "press"), and a member of the noun class the row needs ("released
the hostages"). A candidate takes the sentence before it along only when it refers back to
it (a pronoun the actor resolver links to an earlier name, a quote opened earlier), since
parsing context costs as much as parsing candidates.
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
from sitrep.events.triggers import ENTITY_PREFIX, HEADLINE_SHARE, MAX_PHRASE_REACH
from sitrep.kb.actors import default_actor_kb
from sitrep.model import CleanDocument, Event, Evidence
from sitrep.nlp.actors import PRONOUN_PERSON
from sitrep.nlp.quotes import STRAIGHT_QUOTE

logger = logging.getLogger(__name__)

# Lemmatizer tables of the model and the parts of speech triggers are written in.
LEMMATIZER = "lemmatizer"
RULES_TABLE, EXCEPTIONS_TABLE, INDEX_TABLE = "lemma_rules", "lemma_exc", "lemma_index"
TRIGGER_POS = ("verb", "noun")
# A form that is the trigger word itself, which may be any part of speech; the tag a
# capitalised word inside a sentence gets instead of its forms' parts of speech.
ANY_POS, NOUN_POS, PROPER_NOUN = "*", "NOUN", "PROPN"
# A sentence ends after end punctuation (with the closers that stay with it: 'left.”')
# followed by white space, or at a line break.
SENTENCE_END = re.compile(r"[.!?]+[”’\"')\]]*\s+|\s*\n\s*")
FULL_STOP = "."
END_PUNCTUATION = (".", "!", "?", "”", '"', "’", "'", ")")
WORD = re.compile(r"\w+")
HYPHENATED = re.compile(r"\w+(?:-\w+)+")
DIGIT = re.compile(r"\d")
HYPHEN = "-"
# Endings a dictionary word may carry and still be that word ("officials").
PLURAL_ENDINGS = ("", "s", "es")
# The coder matches a phrase's words within MAX_PHRASE_REACH tokens of its first word; two
# words more, as one token can be two words here ("U.S.").
PHRASE_REACH_WORDS = MAX_PHRASE_REACH + 2
# Words longer than this count towards a headline's title-case share (as in events/triggers.py).
HEADLINE_MIN_CHARS = 3
# Sentences of context kept before a candidate that refers back.
CONTEXT_BEFORE = 1
OPENING_QUOTES, CLOSING_QUOTES = "“«", "”»"
# Where a prefiltered Doc keeps its map back to the clean text.
EXCERPT_KEY = "sitrep_excerpt"
TEXT_LAYER = "text"


@dataclass(frozen=True, slots=True)
class TriggerTest:
    """What the words of a sentence must hold for one trigger row to match there.

    first / pos: the row's first word and the parts of speech it must have (empty: any);
    others: its further words (any form); needs: the noun class one of its arguments must
    belong to (None: any).
    """

    first: str
    pos: frozenset[str]
    others: frozenset[str]
    needs: str | None


@dataclass(frozen=True, slots=True)
class SentenceWords:
    """The words of one sentence as the prefilter reads them.

    words: the runs of word characters, as written; forms: (word position, lower-case form)
    for each word, and for each hyphenated word joined with and without its hyphens
    ("cease-fire", "ceasefire") at the position of its first part.
    """

    words: tuple[str, ...]
    forms: tuple[tuple[int, str], ...]


def words_of(sentence: str) -> SentenceWords:
    """The words and word forms of a sentence (see `SentenceWords`)."""
    matches = list(WORD.finditer(sentence))
    words = tuple(match.group() for match in matches)
    forms = [(position, word.lower()) for position, word in enumerate(words)]
    starts = [match.start() for match in matches]
    for match in HYPHENATED.finditer(sentence):
        position, joined = bisect_right(starts, match.start()) - 1, match.group().lower()
        forms += [(position, joined), (position, joined.replace(HYPHEN, ""))]
    return SentenceWords(words, tuple(forms))


@dataclass(frozen=True, slots=True)
class PrefilterVocabulary:
    """What makes a sentence a candidate, and what makes it need the one before.

    lemmas_of: lower-case form -> (trigger word, part of speech of the form); a word is a
        form of itself in any part of speech (ANY_POS).
    tests: first trigger word -> the tests of the rows it starts.
    class_forms: noun class -> the lower-case forms of its members; classes_with_names: the
        classes with a named entity among their members ("ent:person"), met by any name.
    common_names: actor words that need no capital: force nouns and anaphors ("troops",
        "regime", "group").
    proper_names: words of actor aliases and demonyms; they count when capitalised, as does
        any capitalised word after a sentence's first.
    dictionary: the words of the model's lemma index and its stop words: a capitalised
        first word that is none of them is a name ("Manafort said").
    pronouns: the pronouns the actor resolver links to an earlier name ("he", "they").
    abbreviations: words the tokenizer keeps with their full stop ("Gen.", "Jan.").
    """

    lemmas_of: dict[str, frozenset[tuple[str, str]]]
    tests: dict[str, tuple[TriggerTest, ...]]
    class_forms: dict[str, frozenset[str]]
    classes_with_names: frozenset[str]
    common_names: frozenset[str]
    proper_names: frozenset[str]
    dictionary: frozenset[str]
    pronouns: frozenset[str]
    abbreviations: frozenset[str]

    def triggers_in(self, sentence: SentenceWords, named: bool, headline: bool = False) -> list[TriggerTest]:
        """The rows that can match in a sentence: every word of the row has a form there,
        the further ones near the first, the first in a part of speech the row allows
        (any in a `headline`, as the coder waives it there), and a member of the noun class
        the row needs is there (`named`: the sentence holds a name, for entity classes)."""
        present: dict[str, set[str]] = {}
        at: dict[str, list[int]] = {}
        for position, lower in sentence.forms:
            word = sentence.words[position]
            inside_name = position > 0 and word[:1].isupper() and word.lower() == lower
            for lemma, pos in self.lemmas_of.get(lower, ()):
                present.setdefault(lemma, set()).add(PROPER_NOUN if inside_name else pos)
                at.setdefault(lemma, []).append(position)
        found = []
        for first, as_pos in present.items():
            for test in self.tests.get(first, ()):
                if test.pos and not headline and ANY_POS not in as_pos and as_pos.isdisjoint(test.pos):
                    continue
                if not test.others <= present.keys() or not near_each_other(test, at):
                    continue
                if test.needs is not None and not self.has_class_member(test.needs, sentence, named):
                    continue
                found.append(test)
        return found

    def has_class_member(self, noun_class: str, sentence: SentenceWords, named: bool) -> bool:
        """Whether a sentence holds a member of a noun class (a name stands for an entity one)."""
        if named and noun_class in self.classes_with_names:
            return True
        members = self.class_forms.get(noun_class, frozenset())
        return any(lower in members for _, lower in sentence.forms)

    def is_dictionary_word(self, lower: str) -> bool:
        """Whether a lower-case word is a stop word or a lemma-index word (plural endings aside)."""
        return any(lower.endswith(ending) and lower[: len(lower) - len(ending)] in self.dictionary
                   for ending in PLURAL_ENDINGS)


def near_each_other(test: TriggerTest, at: dict[str, list[int]]) -> bool:
    """Whether some position of the row's first word has each further word within
    PHRASE_REACH_WORDS words (`at`: trigger word -> the positions of its forms)."""
    return not test.others or any(
        all(any(abs(other - first) <= PHRASE_REACH_WORDS for other in at[word]) for word in test.others)
        for first in at[test.first])


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


def _lookups(nlp: Language):
    return nlp.get_pipe(LEMMATIZER).lookups if LEMMATIZER in nlp.pipe_names else None


def word_forms(nlp: Language, lemmas: Iterable[str]) -> dict[str, frozenset[tuple[str, str]]]:
    """form -> (lemma, part of speech) for every inflected form of `lemmas` the model's
    lemmatizer tables give; each lemma is a form of itself in any part of speech."""
    lemmas = set(lemmas)
    found: dict[str, set[tuple[str, str]]] = {lemma: {(lemma, ANY_POS)} for lemma in lemmas}
    lookups = _lookups(nlp)
    if lookups is None or not lookups.has_table(RULES_TABLE):
        logger.warning("no lemmatizer tables: the prefilter matches trigger lemmas only")
        return {form: frozenset(of) for form, of in found.items()}
    rules, exceptions = lookups.get_table(RULES_TABLE), lookups.get_table(EXCEPTIONS_TABLE, {})
    for pos in TRIGGER_POS:
        tag = pos.upper()
        for lemma in lemmas:
            for form in inflections(lemma, rules.get(pos, ())):
                found.setdefault(form, set()).add((lemma, tag))
        for form, form_lemmas in exceptions.get(pos, {}).items():
            for lemma in lemmas.intersection(form_lemmas):
                found.setdefault(form.lower(), set()).add((lemma, tag))
    return {form: frozenset(of) for form, of in found.items()}


def _words(phrases: Iterable[str], stop_words: set[str]) -> frozenset[str]:
    return frozenset(word for phrase in phrases for word in phrase.lower().split() if word not in stop_words)


def _dictionary(nlp: Language) -> frozenset[str]:
    """The words of the lemmatizer's lemma index (every part of speech) and the stop words."""
    lookups = _lookups(nlp)
    index = lookups.get_table(INDEX_TABLE) if lookups is not None and lookups.has_table(INDEX_TABLE) else {}
    return frozenset(nlp.Defaults.stop_words).union(*index.values())


def _class_forms(nlp: Language, classes: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """Noun class -> the noun forms of its word members."""
    forms = word_forms(nlp, {member for members in classes.values() for member in members})
    return {name: frozenset(form for form, of in forms.items()
                            if any(lemma in members and pos in (ANY_POS, NOUN_POS) for lemma, pos in of))
            for name, members in classes.items()}


@lru_cache(maxsize=4)
def vocabulary_for(nlp: Language) -> PrefilterVocabulary:
    """The prefilter vocabulary of one pipeline (its lemmatizer tables), built once."""
    lexicon = load_triggers()
    rows = [row for rows in lexicon.by_first_word.values() for row in rows]
    tests: dict[str, list[TriggerTest]] = {}
    for row in rows:
        tests.setdefault(row.words[0], []).append(TriggerTest(row.words[0], row.pos, frozenset(row.words[1:]), row.needs))
    classes = {name: frozenset(m for m in members if not m.startswith(ENTITY_PREFIX))
               for name, members in lexicon.noun_classes.items()}
    kb, stop = default_actor_kb(), set(nlp.Defaults.stop_words)
    return PrefilterVocabulary(
        lemmas_of=word_forms(nlp, {word for row in rows for word in row.words}),
        tests={first: tuple(row_tests) for first, row_tests in tests.items()},
        class_forms=_class_forms(nlp, classes),
        classes_with_names=frozenset(name for name, members in lexicon.noun_classes.items()
                                     if any(m.startswith(ENTITY_PREFIX) for m in members)),
        common_names=_words([*kb.force_nouns, *kb.anaphors], stop),
        proper_names=_words([*kb.alias_index, *kb.adjectives, *kb.plural_demonyms], stop),
        dictionary=_dictionary(nlp),
        pronouns=frozenset(PRONOUN_PERSON),
        abbreviations=frozenset(text for text in nlp.tokenizer.rules if text.endswith(FULL_STOP) and WORD.match(text)),
    )


def sentence_spans(text: str, abbreviations: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trailing white space included, covering `text`.

    A full stop ends no sentence after an abbreviation (one of `abbreviations`, an initial,
    an initialism: "Gen.", "J.", "U.S.") or before a lower-case word ("the U.S. military"):
    a candidate cut there would be parsed without its subject.
    """
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        if match.end() <= start or not text[start : match.start()].strip():
            continue
        if "\n" in match.group() or ends_sentence(text, match, abbreviations):
            spans.append((start, match.end()))
            start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def ends_sentence(text: str, match: re.Match, abbreviations: frozenset[str]) -> bool:
    """Whether end punctuation on one line ends the sentence (see `sentence_spans`)."""
    if text[match.end() : match.end() + 1].islower():
        return False
    if not match.group().startswith(FULL_STOP):
        return True
    word = text[text.rfind(" ", 0, match.start()) + 1 : match.start()]
    return not (len(word) == 1 or FULL_STOP in word or word + FULL_STOP in abbreviations)


def is_named(sentence: str, words: Sequence[str], vocabulary: PrefilterVocabulary) -> bool:
    """Whether a sentence names something an event can be anchored to: a force noun or
    anaphor, a capitalised actor word, a capitalised word after the first, a capitalised
    first word that is no dictionary word ("Manafort denied"), or a number ("600 people
    were killed": the coder takes a count)."""
    for position, word in enumerate(words):
        lower = word.lower()
        if lower in vocabulary.common_names:
            return True
        if word[:1].isupper() and (position or lower in vocabulary.proper_names
                                   or not vocabulary.is_dictionary_word(lower)):
            return True
    return DIGIT.search(sentence) is not None


def is_candidate(sentence: str, vocabulary: PrefilterVocabulary) -> bool:
    """Whether a sentence holds a name and a trigger the coder could match (set lookups
    over its words only)."""
    words = words_of(sentence)
    named = is_named(sentence, words.words, vocabulary)
    headline = not sentence.rstrip().endswith(END_PUNCTUATION) and is_headline(words.words)
    return named and bool(vocabulary.triggers_in(words, named, headline))


def is_headline(words: Sequence[str]) -> bool:
    """Title case ("Boko Haram Attack In Nigeria"), where the coder waives a trigger's part
    of speech (`sitrep.events.triggers.headline_word`)."""
    longer = [word for word in words if len(word) > HEADLINE_MIN_CHARS and word.isalpha()]
    return bool(longer) and sum(word.istitle() for word in longer) > HEADLINE_SHARE * len(longer)


def refers_back(sentence: str, vocabulary: PrefilterVocabulary) -> bool:
    """Whether a sentence needs the one before it: it starts in lower case (the rest of a
    sentence the splitter cut), closes a quote it did not open (the quote and its speaker
    start earlier), or holds a pronoun the actor resolver links to an earlier name."""
    if sentence.lstrip()[:1].islower() or sentence.count(STRAIGHT_QUOTE) % 2 or opens_inside_quote(sentence):
        return True
    return any(word.lower() in vocabulary.pronouns for word in WORD.findall(sentence))


def opens_inside_quote(sentence: str) -> bool:
    """Whether a closing quotation mark comes before any opening one."""
    closing = min((sentence.find(mark) for mark in CLOSING_QUOTES if mark in sentence), default=-1)
    opening = min((sentence.find(mark) for mark in OPENING_QUOTES if mark in sentence), default=len(sentence))
    return 0 <= closing < opening


@dataclass(frozen=True, slots=True)
class Excerpt:
    """The candidate windows of one text joined into one string, with the map back.

    pieces: (excerpt offset, text offset) where each window starts, in order; a window is
        copied verbatim, so inside it the two offsets differ by a constant.
    """

    text: str
    pieces: tuple[tuple[int, int], ...]


def excerpt_of(text: str, vocabulary: PrefilterVocabulary) -> Excerpt:
    """The candidate sentences of `text`, with the sentence before those that refer back,
    joined in text order."""
    spans = sentence_spans(text, vocabulary.abbreviations)
    windows: list[tuple[int, int]] = []
    for index, (start, end) in enumerate(spans):
        sentence = text[start:end]
        if is_candidate(sentence, vocabulary):
            context = CONTEXT_BEFORE if refers_back(sentence, vocabulary) else 0
            windows.append((spans[max(0, index - context)][0], end))
    return excerpt_from(text, windows)


def excerpt_from(text: str, windows: Iterable[tuple[int, int]]) -> Excerpt:
    """The (start, end) windows of `text`, in text order, joined into one excerpt;
    overlapping or touching windows become one."""
    merged: list[list[int]] = []
    for start, end in sorted(windows):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces, parts, at = [], [], 0
    for start, end in merged:
        pieces.append((at, start))
        parts.append(text[start:end])
        at += end - start
    return Excerpt("".join(parts), tuple(pieces))


def parse_selected(nlp: Language, cleaned: Sequence[CleanDocument], batch_size: int) -> Iterator[Doc]:
    """Docs over the excerpts of the clean texts, in order (see `restore_offsets`)."""
    vocabulary = vocabulary_for(nlp)
    yield from parse_excerpts(nlp, cleaned, (excerpt_of(clean.text, vocabulary) for clean in cleaned), batch_size)


def parse_excerpts(nlp: Language, cleaned: Sequence[CleanDocument], excerpts: Iterable[Excerpt],
                   batch_size: int) -> Iterator[Doc]:
    """Docs over one given excerpt of each clean text, in order (see `restore_offsets`)."""

    def prepared() -> Iterator[Doc]:
        for clean, excerpt in zip(cleaned, excerpts):
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

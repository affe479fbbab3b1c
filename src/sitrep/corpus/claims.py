"""Claims: what each report of a merged event asserts, who asserts it, and where they disagree.

One claim = one attribute value of one report (magnitude, casualty count, actor, place,
date, assertion mode), with the outlet, its attribution chain, the publication date and
the evidence span. Why conflicts are flagged and never resolved: "5,000" from one outlet
and "20,000" from another are both facts about the reporting; averaging them would
invent a number nobody reported.

Conflicts per merged event and attribute:
    magnitude / size:<kind>  number ranges that do not overlap ("more than 20,000" and
                             "25,000" agree; "7,000" and "more than 20,000" do not), among
                             reports of the same assertion (a planned 10,000 does not
                             contradict 7,000 deployed);
    assertion                one report asserts, another denies;
    actor / recipient        no country in common (a report naming Iran and Iraq does
                             not contradict one naming Iran);
    place                    different countries;
    date                     different explicit days.
"""
from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from typing import Any

from sitrep.corpus.merge import MergedEvent, Report

APPROXIMATE_SPREAD = 0.2     # "about 5,000" covers 4,000..6,000
DENIAL_MODES = frozenset({"denied", "negation"})
MARKER_WORDS = {"minimum": "at least", "maximum": "at most", "approximate": "about", "exact": "", "vague": ""}


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    story_id: str
    merged_event_id: str
    attribute: str
    value: str
    outlet: str | None
    doc_id: str
    chain: tuple[dict[str, Any], ...]
    first_seen: str | None
    conflict: bool
    evidence: tuple[dict[str, Any], ...]
    compare: Any = None          # what conflicts are decided on (a number range, a country, a mode)


def count_range(count: float | None, marker: str, low: float | None = None,
                high: float | None = None) -> tuple[float, float] | None:
    """The numbers a reported figure allows; None when vague ("thousands")."""
    if count is None or marker == "vague":
        return None
    if low is not None and high is not None:
        return low, high
    if marker == "minimum":
        return count, math.inf
    if marker == "maximum":
        return 0.0, count
    if marker == "approximate":
        return count * (1 - APPROXIMATE_SPREAD), count * (1 + APPROXIMATE_SPREAD)
    return count, count


def assertion_of(aux_mode: list[str]) -> str:
    """"denied", "future" or "asserted" (a reported event is asserted by its chain)."""
    modes = set(aux_mode)
    if modes & DENIAL_MODES:
        return "denied"
    if "future" in modes:
        return "future"
    return "asserted"


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


def _report_values(report: Report) -> list[tuple[str, str, Any, list[dict]]]:
    """(attribute, value text, comparable, evidence spans) for each value the report gives."""
    event = report.event
    evidence = event.get("evidence") or {}
    values: list[tuple[str, str, Any, list[dict]]] = []
    modes = event.get("aux_mode") or []
    mode_spans = [evidence[f"aux_mode:{m}"] for m in modes if f"aux_mode:{m}" in evidence]
    assertion = assertion_of(modes)
    mag = event.get("magnitude")
    if mag and mag.get("count") is not None:
        text = " ".join(p for p in (MARKER_WORDS.get(mag.get("marker") or "exact", ""),
                                    _number(mag["count"]), mag.get("unit") or "") if p)
        allowed = count_range(mag["count"], mag.get("marker", "exact"), mag.get("low"), mag.get("high"))
        values.append(("magnitude", text, allowed and (assertion, allowed), [mag["evidence"]]))
    for kind, count in sorted((event.get("size") or {}).items()):
        values.append((f"size:{kind}", _number(count), (assertion, (count, count)),
                       [evidence[f"size:{kind}"]] if f"size:{kind}" in evidence else [event["sentence"]]))
    values.append(("assertion", assertion, assertion, mode_spans or [evidence.get("event") or event["sentence"]]))
    for attribute in ("actor", "recipient"):
        entities = event.get(attribute) or ()
        codes = frozenset(e["code"] for e in entities if e.get("code")) or None
        for entity in entities:
            values.append((attribute, entity.get("identifier") or entity["entity_text"], codes, [entity["evidence"]]))
    loc = event.get("event_loc")
    if loc:
        values.append(("place", loc.get("resolved_place") or loc["extracted_place"], loc.get("country_code"),
                       [loc["evidence"]]))
    if event.get("date") and not event.get("date_from_publication"):
        values.append(("date", event["date"], event["date"][:10], [evidence["date"]] if "date" in evidence else []))
    return values


def _disagree(attribute: str, a: Any, b: Any) -> bool:
    """Whether two comparable values contradict (see the module docstring)."""
    if a is None or b is None:
        return False
    if attribute == "magnitude" or attribute.startswith("size:"):
        (mode_a, (low_a, high_a)), (mode_b, (low_b, high_b)) = a, b
        return mode_a == mode_b and (high_a < low_b or high_b < low_a)
    if attribute == "assertion":
        return {a, b} == {"asserted", "denied"}
    if attribute in ("actor", "recipient"):
        return not a & b
    return a != b


def claims_of(merged: MergedEvent) -> list[Claim]:
    """Every claim the reports of one merged event make, conflicts flagged."""
    raw = []
    for report in merged.reports:
        chain = report.chain()
        for attribute, value, compare, spans in _report_values(report):
            raw.append((report, attribute, value, compare, chain, tuple(spans)))
    claims = []
    for report, attribute, value, compare, chain, spans in raw:
        conflict = any(other_attr == attribute and other is not report
                       and _disagree(attribute, compare, other_compare)
                       for other, other_attr, _, other_compare, _, _ in raw)
        key = f"{merged.id}|{report.event['id']}|{attribute}|{value}"
        claims.append(Claim(
            id="cl_" + hashlib.sha1(key.encode()).hexdigest()[:12], story_id=merged.story_id,
            merged_event_id=merged.id, attribute=attribute, value=value, outlet=report.outlet,
            doc_id=report.doc_id, chain=chain, first_seen=report.published, conflict=conflict,
            evidence=spans, compare=compare,
        ))
    return claims

"""One story's corpus picture: merged events, claims, chains and framing as store rows.

Pure: takes the story's documents, their events and mentions (read by the caller) and
returns plain dicts; re-run whole for a story whenever a document joins it, which costs
the size of that story, not of the corpus.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from sitrep.corpus.chains import build_chains, node_key
from sitrep.corpus.claims import claims_of
from sitrep.corpus.framing import DocFacts, framing_of
from sitrep.corpus.merge import Report, merge_events

SOURCE_KINDS = ("official", "anonymous", "speaker", "outlet", "other")


def outlet_ids_of(names: list[str | None], lookup: Callable[[str], str | None]) -> dict[str, str]:
    """Case-folded outlet name -> KB id, for the outlets of the story's own documents."""
    found = {}
    for name in names:
        if name and (actor_id := lookup(name)):
            found[name.casefold()] = actor_id
    return found


def _sources(doc_id: str, reports: list[Report], quotes: list[dict[str, Any]],
             outlet_ids: dict[str, str]) -> list[dict[str, Any]]:
    """The voices a document cites: speakers of its quotes and the links of its events' chains."""
    voices: dict[str, dict[str, Any]] = {}
    for quote in quotes:
        if quote.get("speaker"):
            link = {"text": quote["speaker"]["text"], "identifier": quote.get("speaker_id"), "kind": "speaker",
                    "evidence": quote["speaker"]}
            voices.setdefault(node_key(link, outlet_ids), {**link, "count": 0})["count"] += 1
    for report in reports:
        if report.doc_id != doc_id:
            continue
        for link in report.chain()[1:]:
            if link["kind"] in SOURCE_KINDS:
                voices.setdefault(node_key(link, outlet_ids), {**link, "count": 0})["count"] += 1
    return sorted(voices.values(), key=lambda v: (-v["count"], v["text"]))


def _facts(doc: dict[str, Any], mentions: list[dict[str, Any]], figures: dict[str, str],
           sources: list[dict[str, Any]]) -> DocFacts:
    actors = {m["resolved"]: m["surface"] for m in mentions if m["kind"] == "actor" and m["resolved"]}
    places = {m["resolved"]: m["surface"] for m in mentions if m["kind"] == "place" and m["resolved"]}
    return DocFacts(doc["id"], doc["outlet"], doc["text"], actors, places, figures, tuple(sources))


def analyse_story(story_id: str, docs: list[dict[str, Any]], events: dict[str, list[dict[str, Any]]],
                  mentions: list[dict[str, Any]], outlet_ids: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    """Merged events, their reports, claims, chains and framing of one story, as rows."""
    reports = [Report(event, doc["id"], doc["outlet"], doc["published"])
               for doc in docs for event in events.get(doc["id"], [])]
    merged = merge_events(story_id, reports)
    claims = [claim for event in merged for claim in claims_of(event)]
    chains = build_chains(reports, claims, outlet_ids)
    figures: dict[str, dict[str, str]] = {doc["id"]: {} for doc in docs}
    for claim in claims:
        if claim.attribute == "magnitude" or claim.attribute.startswith("size:"):
            figures[claim.doc_id][f"{claim.merged_event_id}|{claim.attribute}|{claim.value}"] = claim.value
    facts = [_facts(doc, [m for m in mentions if m["doc_id"] == doc["id"]], figures[doc["id"]],
                    _sources(doc["id"], reports, [m["detail"] for m in mentions
                                                  if m["doc_id"] == doc["id"] and m["kind"] == "quote"], outlet_ids))
             for doc in docs]
    return {
        "merged_events": [{"id": m.id, "event": m.event, "actor": m.actor, "recipient": m.recipient,
                           "place": m.place, "lat": m.lat, "lon": m.lon, "date": m.date,
                           "n_reports": len(m.reports)} for m in merged],
        "reports": [{"merged_event_id": m.id, "event_id": r.event["id"], "doc_id": r.doc_id, "outlet": r.outlet,
                     "magnitude": (r.event.get("magnitude") or {}).get("count"),
                     "aux_mode": ",".join(r.event.get("aux_mode") or ()), "confidence": r.event.get("confidence"),
                     "evidence": {"sentence": r.event["sentence"], **(r.event.get("evidence") or {})}}
                    for m in merged for r in m.reports],
        "claims": [{key: value for key, value in asdict(c).items() if key != "compare"} for c in claims],
        "chains": [asdict(chain) for chain in chains],
        "framing": framing_of(facts),
    }

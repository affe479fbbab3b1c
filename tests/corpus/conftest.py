"""Small hand-written documents and events for the corpus tests, built with the real model."""
from __future__ import annotations

import hashlib

import pytest

from sitrep.model import (
    Analysis,
    AttributionLink,
    CleanDocument,
    DateEstimate,
    Document,
    Event,
    EventEntity,
    EventLocation,
    Evidence,
    Field,
    Magnitude,
    Metadata,
    Segment,
    to_dict,
)

PLACES = {  # name -> (place_id, lat, lon, country_code, resolution)
    "Idlib": ("geonames:169389", 35.93, 36.63, "SY", "city"),
    "Syria": ("geonames:163843", 35.0, 38.0, "SY", "country"),
    "Aleppo": ("geonames:170063", 36.20, 37.16, "SY", "city"),
    "Mosul": ("geonames:99072", 36.34, 43.13, "IQ", "city"),
}


def span(doc_id: str, text: str, words: str) -> Evidence:
    start = text.index(words)
    return Evidence(doc_id, "text", start, start + len(words), words)


def make_event(doc_id: str, text: str, kind: str, trigger: str, *, actor: tuple[str, str, str] | None = None,
               place: str | None = None, count: float | None = None, unit: str = "troops", marker: str = "exact",
               aux: tuple[str, ...] = (), outlet: str | None = None, cites: tuple[tuple[str, str | None], ...] = (),
               date: str | None = None, number: str | None = None) -> Event:
    """An Event whose every value points at words of `text` (actor = (words, identifier, code))."""
    actors = ()
    if actor:
        words, identifier, code = actor
        actors = (EventEntity(code, None, words, identifier, span(doc_id, text, words)),)
    loc = None
    if place:
        place_id, lat, lon, country, resolution = PLACES[place]
        loc = EventLocation(place, place, place_id, lat, lon, None, None, country, resolution,
                            span(doc_id, text, place), 0.9)
    magnitude = Magnitude(count, unit, marker, span(doc_id, text, number)) if count is not None else None
    links = ((AttributionLink(outlet, None, "outlet"),) if outlet else ()) + tuple(
        AttributionLink(words, identifier, "outlet", span(doc_id, text, words)) for words, identifier in cites)
    evidence = {"event": span(doc_id, text, trigger)}
    evidence.update({f"aux_mode:{mode}": span(doc_id, text, trigger) for mode in aux})
    return Event(id=f"{doc_id}:{kind}:{text.index(trigger)}", doc_id=doc_id, event=kind, event_text=trigger,
                 text=text, sentence=Evidence(doc_id, "text", 0, len(text), text), date=date or "2015-03-10",
                 date_from_publication=date is None, actor=actors, event_loc=loc, magnitude=magnitude,
                 aux_mode=aux, confidence=0.7, attribution=links, evidence=evidence)


def event_dict(*args, **kwargs) -> dict:
    """The event as the store keeps it (what the corpus stage reads)."""
    return to_dict(make_event(*args, **kwargs))


def make_clean(text: str, *, title: str, outlet: str | None, published: str | None) -> CleanDocument:
    doc_id = hashlib.sha256(text.encode()).hexdigest()[:16]
    doc = Document(doc_id, f"test/{doc_id}.txt", text, doc_id, "text/plain", "utf-8")
    meta = Metadata(title=Field(title, 1.0, "test"), outlet=Field(outlet, 1.0, "test"),
                    published=DateEstimate(published, published, published, "day" if published else "", 1.0, "test"))
    return CleanDocument(doc, text, (Segment(0, 0, len(text)),), meta)


@pytest.fixture
def store(tmp_path):
    from sitrep.store import Store

    with Store(tmp_path / "corpus.duckdb") as opened:
        yield opened


def add_documents(store, docs: list[tuple[CleanDocument, list[Event]]]) -> list[str]:
    """Write documents and their events the way the pipeline does; returns their ids."""
    store.write_batch([clean for clean, _ in docs], [],
                      [Analysis(clean.doc.id, events=tuple(events)) for clean, events in docs])
    return [clean.doc.id for clean, _ in docs]

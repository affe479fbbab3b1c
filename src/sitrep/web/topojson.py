"""Read the vendored Natural Earth TopoJSON into country outlines for server-side SVG maps.

The web UI decodes the same file in the browser with topojson-client; the report is drawn in
Python so that it needs no script to show its map. Only what the world-atlas files use is
supported: a quantized topology of Polygon / MultiPolygon geometries.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

COUNTRIES_FILE = "countries-110m.json"

Ring = list[tuple[float, float]]


@dataclass(frozen=True, slots=True)
class Country:
    """One country outline: name and its rings of (lon, lat) points."""

    name: str
    rings: tuple[Ring, ...]


def _decode_arcs(topology: dict[str, Any]) -> list[Ring]:
    """Arcs as absolute (lon, lat) points: undo the delta encoding and the quantization."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list[Ring], indexes: list[int]) -> Ring:
    """Join arcs into one ring; a negative index (~i) means arc i reversed."""
    ring: Ring = []
    for index in indexes:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


def countries_of(topology: dict[str, Any]) -> list[Country]:
    """Every country of a world-atlas topology with its outline rings."""
    arcs = _decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}.get(
            geometry["type"], [])
        rings = tuple(_ring(arcs, ring) for polygon in polygons for ring in polygon)
        countries.append(Country(geometry.get("properties", {}).get("name", ""), rings))
    return countries


@lru_cache(maxsize=1)
def world_countries() -> tuple[Country, ...]:
    """The countries of the vendored 1:110m Natural Earth file (read once)."""
    path = resources.files("sitrep.web").joinpath("static", "vendor", COUNTRIES_FILE)
    return tuple(countries_of(json.loads(path.read_text("utf-8"))))

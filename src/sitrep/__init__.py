"""sitrep.

Raw news pages about armed conflict in; sourced, geolocated, deduplicated PLOVER events out.

For notebooks (see `sitrep.notebook`):

    import sitrep
    corpus = sitrep.open("sitrep.duckdb")      # a store written by `sitrep run`
    corpus.events(event_type="ASSAULT")        # Polars DataFrame; .to_pandas() if pandas is installed
    sitrep.process(["Iran sent 2,000 troops to Idlib on Monday, officials said."])

The heavy modules (DuckDB, Polars, spaCy) load on first use, so `import sitrep` stays fast.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from sitrep.notebook import Corpus

__all__ = ["open", "process"]


def open(db: str | Path | None = None) -> Corpus:  # noqa: A001  (sitrep.open, like io.open, reads a store)
    """A read-only `Corpus` over the store `db` (default: $SITREP_DB or ./sitrep.duckdb).

    RAISES: FileNotFoundError when there is no store at `db`.
    """
    from sitrep.notebook import Corpus
    from sitrep.store import default_db_path

    return Corpus(db or default_db_path())


def process(texts: Iterable[str | dict[str, Any]]) -> list[dict[str, Any]]:
    """Clean, NLP and PLOVER events for texts in memory, without a store (see `sitrep.notebook.process`)."""
    from sitrep.notebook import process as process_texts

    return process_texts(texts)

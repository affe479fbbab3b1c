"""Parquet export of the whole store: one file per table, written by DuckDB itself.

DuckDB's COPY streams a table to Parquet without going through Python rows, so the export
of a large store needs no more memory than the store's own buffers. JSON columns keep their
JSON text (Parquet logical type JSON), so nothing is lost.
"""
from __future__ import annotations

import logging
from pathlib import Path

from sitrep.store.db import Store

logger = logging.getLogger(__name__)


def _quoted_path(path: Path) -> str:
    """A file path as an SQL string literal (COPY takes no parameter for it)."""
    return "'" + str(path).replace("'", "''") + "'"


def table_names(store: Store) -> list[str]:
    """The store's tables, in name order."""
    rows = store.con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE'"
        " ORDER BY table_name"
    ).fetchall()
    return [row[0] for row in rows]


def export_parquet(store: Store, folder: str | Path) -> dict[str, int]:
    """Write every table to `folder/<table>.parquet` (the folder is created).

    RETURNS: rows written per table.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for name in table_names(store):
        quoted = '"' + name.replace('"', '""') + '"'
        target = folder / f"{name}.parquet"
        store.con.execute(f"COPY {quoted} TO {_quoted_path(target)} (FORMAT parquet)")
        counts[name] = store.con.execute(f"SELECT count(*) FROM {quoted}").fetchone()[0]
        logger.info("exported %s rows of %s to %s", counts[name], name, target)
    return counts

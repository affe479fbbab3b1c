"""Store stage: the embedded DuckDB database, the only module that talks to duckdb.

Writes go through `Store.write_batch`, one transaction per batch, so a killed run leaves
whole batches or nothing and a rerun picks up where it stopped (documents already stored
are skipped by id). Reads are typed query functions returning plain dicts, the shape the
CLI's JSON output and the API share.
"""
from sitrep.store.db import Store, default_db_path

__all__ = ["Store", "default_db_path"]

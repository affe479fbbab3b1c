"""The `Store`: open, migrate, write batches, and read documents back with their evidence."""
from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from sitrep.model import Analysis, CleanDocument, Event, Failure, to_dict

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 1
DEFAULT_DB = "sitrep.duckdb"
METADATA_FIELDS = ("title", "outlet", "author", "dateline", "url")
MENTION_KINDS = ("actor", "place", "time", "quantity", "quote")


def default_db_path() -> str:
    """`$SITREP_DB` if set, else ./sitrep.duckdb."""
    return os.environ.get("SITREP_DB") or DEFAULT_DB


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _entity_key(entities: Sequence[Any]) -> tuple[str | None, str | None]:
    if not entities:
        return None, None
    first = entities[0]
    return first.identifier or first.entity_text, first.code


def _event_row(event: Event) -> list[Any]:
    """The events-table row: filterable columns up front, the whole record as JSON."""
    loc, mag = event.event_loc, event.magnitude
    return [
        event.id, event.doc_id, event.event, event.mode, ",".join(event.aux_mode),
        *_entity_key(event.actor), *_entity_key(event.recipient),
        event.date, event.date_from_publication,
        loc.resolved_place or loc.extracted_place if loc else None,
        loc.lat if loc else None, loc.lon if loc else None, loc.country_code if loc else None,
        mag.count if mag else None, mag.unit if mag else None,
        event.confidence, _json(to_dict(event)),
    ]


class Store:
    """One DuckDB file; a single connection serves reads and the one writer.

    path (str | Path): the database file, created with its schema if missing.
    read_only (bool): open without write access (the API's default).
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = str(path or default_db_path())
        if read_only and not Path(self.path).exists():
            raise FileNotFoundError(f"no sitrep store at {self.path}: run `sitrep run PATH` first")
        self.con = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            self._migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def _migrate(self) -> None:
        """Create missing tables: schema.sql first, then each stage's schema_*.sql in name order."""
        folder = resources.files("sitrep.store")
        names = ["schema.sql", *sorted(p.name for p in folder.iterdir() if p.name.startswith("schema_")
                                       and p.name.endswith(".sql"))]
        for name in names:
            self.con.execute(folder.joinpath(name).read_text("utf-8"))
        if not self.con.execute("SELECT count(*) FROM schema_info").fetchone()[0]:
            self.con.execute("INSERT INTO schema_info VALUES (?)", [SCHEMA_VERSION])

    # -- writing ---------------------------------------------------------------------------

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of `ids` already stored (a rerun skips them)."""
        wanted = list(set(ids))
        if not wanted:
            return set()
        rows = self.con.execute("SELECT id FROM documents WHERE list_contains(?, id)", [wanted]).fetchall()
        return {row[0] for row in rows}

    def write_batch(
        self,
        cleaned: Sequence[CleanDocument],
        failures: Sequence[Failure] = (),
        analyses: Sequence[Analysis] = (),
    ) -> None:
        """Store a batch of cleaned documents, their analyses and failures in one transaction.

        RAISES: duckdb.Error after rolling the whole batch back.
        """
        self.con.execute("BEGIN TRANSACTION")
        try:
            for clean in cleaned:
                self._insert_clean(clean)
            for analysis in analyses:
                self._insert_analysis(analysis)
            for failure in failures:
                self.con.execute(
                    "INSERT INTO failures (source, stage, code, detail, doc_id) VALUES (?, ?, ?, ?, ?)",
                    [failure.source, failure.stage, failure.code, failure.detail, failure.doc_id],
                )
            self.con.execute("COMMIT")
        except duckdb.Error:
            self.con.execute("ROLLBACK")
            raise

    def _insert_clean(self, clean: CleanDocument) -> None:
        doc, meta = clean.doc, clean.metadata
        self.con.execute(
            "INSERT INTO documents (id, source, raw_hash, media_type, encoding, fetched_at, hints, raw_text)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [doc.id, doc.source, doc.raw_hash, doc.media_type, doc.encoding, doc.fetched_at,
             _json(doc.hints), doc.raw_text],
        )
        self.con.execute(
            "INSERT OR REPLACE INTO texts VALUES (?, ?, ?, ?, ?)",
            [doc.id, clean.text, _json([to_dict(s) for s in clean.segments]),
             _json([to_dict(b) for b in clean.blocks]), clean.method],
        )
        pub = meta.published
        self.con.execute(
            "INSERT OR REPLACE INTO metadata VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [doc.id, *(getattr(meta, name).value for name in METADATA_FIELDS),
             pub.value, pub.earliest, pub.latest, pub.precision or None, pub.confidence,
             _json(to_dict(meta))],
        )
        self.con.execute("DELETE FROM comments WHERE doc_id = ?", [doc.id])
        for idx, comment in enumerate(clean.comments):
            self.con.execute(
                "INSERT INTO comments VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [doc.id, idx, comment.text, comment.author.value, comment.posted.value,
                 comment.depth, comment.parent, _json(to_dict(comment))],
            )

    def _insert_analysis(self, analysis: Analysis) -> None:
        doc_id = analysis.doc_id
        self.con.execute("DELETE FROM mentions WHERE doc_id = ?", [doc_id])
        self.con.execute("DELETE FROM events WHERE doc_id = ?", [doc_id])
        rows = [
            *(("actor", m.evidence, m.actor_id, m.confidence, m) for m in analysis.actors),
            *(("place", m.evidence, m.place_id, m.confidence, m) for m in analysis.places),
            *(("time", m.evidence, m.value, m.confidence, m) for m in analysis.times),
            *(("quantity", m.evidence, None if m.value is None else f"{m.value:g}", m.confidence, m)
              for m in analysis.quantities),
            *(("quote", m.content, m.speaker_id, m.confidence, m) for m in analysis.quotes),
        ]
        if rows:
            self.con.executemany(
                "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [[doc_id, kind, ev.start, ev.end, ev.text, resolved, conf, _json(to_dict(record))]
                 for kind, ev, resolved, conf, record in rows],
            )
        for event in analysis.events:
            self.con.execute("INSERT OR REPLACE INTO events VALUES (" + ", ".join("?" * 19) + ")",
                             _event_row(event))

    # -- reading ---------------------------------------------------------------------------

    def _dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, list(params))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def list_documents(self) -> list[dict[str, Any]]:
        """One summary row per document: id, source, title, outlet, published date and confidence."""
        rows = self._dicts(
            "SELECT d.id, d.source, d.media_type, m.title, m.outlet, m.author, m.published,"
            " m.published_earliest, m.published_latest, m.published_precision, m.published_confidence,"
            " m.detail, length(t.text) AS text_chars,"
            " (SELECT count(*) FROM comments c WHERE c.doc_id = d.id) AS comments"
            " FROM documents d LEFT JOIN metadata m ON m.doc_id = d.id LEFT JOIN texts t ON t.doc_id = d.id"
            " ORDER BY d.source"
        )
        for row in rows:
            row["metadata"] = json.loads(row.pop("detail") or "{}")
        return rows

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        """The whole document: main text, comments, metadata with evidence; None if unknown.

        doc_id (str): a full id or a unique prefix of one.
        """
        rows = self._dicts(
            "SELECT d.id, d.source, d.media_type, d.encoding, d.fetched_at, d.raw_hash, d.hints,"
            " t.text, t.method, m.detail FROM documents d LEFT JOIN texts t ON t.doc_id = d.id"
            " LEFT JOIN metadata m ON m.doc_id = d.id WHERE d.id LIKE ? || '%'",
            [doc_id],
        )
        if len(rows) != 1:
            return None
        row = rows[0]
        row["hints"] = json.loads(row["hints"] or "{}")
        row["metadata"] = json.loads(row.pop("detail") or "{}")
        row["comments"] = [
            json.loads(c["detail"])
            for c in self._dicts("SELECT detail FROM comments WHERE doc_id = ? ORDER BY idx", [row["id"]])
        ]
        row["mentions"] = self.mentions_of(row["id"])
        return row

    def mentions_of(self, doc_id: str) -> dict[str, list[dict[str, Any]]]:
        """The document's NLP mentions by kind (actor, place, time, quantity, quote), in text order."""
        mentions: dict[str, list[dict[str, Any]]] = {kind: [] for kind in MENTION_KINDS}
        for mention in self._dicts(
            "SELECT kind, detail FROM mentions WHERE doc_id = ? ORDER BY start_char, end_char", [doc_id]
        ):
            mentions[mention["kind"]].append(json.loads(mention["detail"]))
        return mentions

    def list_failures(self) -> list[dict[str, Any]]:
        """Every failure recorded, oldest first."""
        return self._dicts("SELECT source, stage, code, detail, doc_id, failed_at FROM failures ORDER BY failed_at")

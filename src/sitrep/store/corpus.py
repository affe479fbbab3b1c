"""Corpus-stage queries: what `sitrep.corpus` reads and writes, and the stories API.

The read functions at the bottom (`list_stories`, `get_story`, `list_claims`) return the
JSON-serialisable shapes the CLI and the web API share; keep them stable.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import duckdb

from sitrep.store.db import Store

CORPUS_TABLES = ("corpus_merged_events", "corpus_event_reports", "corpus_claims", "corpus_chains", "corpus_framing")
# rebuilt per story on every update that touches it (see sitrep.corpus.analysis)


def _dicts(store: Store, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cursor = store.con.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


# -- inputs of an update -----------------------------------------------------------------

def corpus_documents(store: Store, doc_ids: Iterable[str]) -> list[dict[str, Any]]:
    """Main text, title, outlet and publication dates of the given stored documents."""
    return _dicts(store, "SELECT t.doc_id AS id, t.text, m.title, m.outlet, m.published,"
                  " m.published_earliest AS earliest, m.published_latest AS latest"
                  " FROM texts t LEFT JOIN metadata m ON m.doc_id = t.doc_id"
                  " WHERE list_contains(?, t.doc_id) ORDER BY t.doc_id", [list(set(doc_ids))])


def clustered_ids(store: Store, doc_ids: Iterable[str]) -> set[str]:
    """The subset of `doc_ids` already in a story (an update skips them)."""
    rows = store.con.execute("SELECT doc_id FROM corpus_story_docs WHERE list_contains(?, doc_id)",
                             [list(set(doc_ids))]).fetchall()
    return {row[0] for row in rows}


def unclustered_ids(store: Store) -> set[str]:
    """Stored documents with a main text that are in no story yet."""
    rows = store.con.execute("SELECT t.doc_id FROM texts t ANTI JOIN corpus_story_docs s ON s.doc_id = t.doc_id").fetchall()
    return {row[0] for row in rows}


def load_signatures(store: Store) -> list[tuple[str, str, int, bytes]]:
    """Every stored MinHash signature: (doc_id, text_hash, n_shingles, hash values)."""
    return store.con.execute("SELECT doc_id, text_hash, n_shingles, minhash FROM corpus_signatures").fetchall()


def texts_of(store: Store, doc_ids: Iterable[str]) -> dict[str, str]:
    rows = store.con.execute("SELECT doc_id, text FROM texts WHERE list_contains(?, doc_id)",
                             [list(set(doc_ids))]).fetchall()
    return dict(rows)


def published_of(store: Store, doc_ids: Iterable[str]) -> dict[str, str | None]:
    rows = store.con.execute("SELECT doc_id, published FROM metadata WHERE list_contains(?, doc_id)",
                             [list(set(doc_ids))]).fetchall()
    return dict(rows)


def doc_freqs(store: Store, terms: Iterable[str]) -> tuple[dict[str, int], int]:
    """(stored document frequency of each term, number of clustered documents)."""
    rows = store.con.execute("SELECT term, df FROM corpus_term_df WHERE list_contains(?, term)",
                             [list(set(terms))]).fetchall()
    n_docs = store.con.execute("SELECT count(*) FROM corpus_story_docs").fetchone()[0]
    return dict(rows), n_docs


def load_stories(store: Store) -> list[dict[str, Any]]:
    """Every story's clustering state (centroid, date range, event keys, embedding sum)."""
    rows = _dicts(store, "SELECT id, title, earliest, latest, n_docs, centroid, keys, embedding, n_embedded"
                         " FROM corpus_stories")
    for row in rows:
        row["centroid"] = json.loads(row["centroid"])
        row["keys"] = json.loads(row["keys"])
    return rows


def story_of_docs(store: Store, doc_ids: Iterable[str]) -> dict[str, str]:
    rows = store.con.execute("SELECT doc_id, story_id FROM corpus_story_docs WHERE list_contains(?, doc_id)",
                             [list(set(doc_ids))]).fetchall()
    return dict(rows)


def story_documents(store: Store, story_ids: Iterable[str]) -> list[dict[str, Any]]:
    """The documents of some stories with story_id, text, outlet and publication date, earliest first."""
    return _dicts(store, "SELECT s.story_id, s.doc_id AS id, t.text, m.title, m.outlet, m.published"
                  " FROM corpus_story_docs s JOIN texts t ON t.doc_id = s.doc_id"
                  " LEFT JOIN metadata m ON m.doc_id = s.doc_id WHERE list_contains(?, s.story_id)"
                  " ORDER BY m.published NULLS LAST, s.doc_id", [list(set(story_ids))])


def events_of(store: Store, doc_ids: Iterable[str]) -> dict[str, list[dict[str, Any]]]:
    """Each document's coded events (the stored PLOVER records), in text order."""
    found: dict[str, list[dict[str, Any]]] = {}
    for doc_id, detail in store.con.execute(
            "SELECT doc_id, detail FROM events WHERE list_contains(?, doc_id) ORDER BY doc_id, id",
            [list(set(doc_ids))]).fetchall():
        found.setdefault(doc_id, []).append(json.loads(detail))
    return found


def mentions_of(store: Store, doc_ids: Iterable[str], kinds: Sequence[str]) -> list[dict[str, Any]]:
    """Stored NLP mentions of the given kinds (actor, place, quote, ...) of some documents."""
    rows = _dicts(store, "SELECT doc_id, kind, surface, resolved, detail FROM mentions"
                  " WHERE list_contains(?, doc_id) AND list_contains(?, kind) ORDER BY doc_id, start_char",
                  [list(set(doc_ids)), list(kinds)])
    for row in rows:
        row["detail"] = json.loads(row["detail"])
    return rows


# -- writing an update -------------------------------------------------------------------

@contextmanager
def transaction(store: Store) -> Iterator[None]:
    """One transaction around a corpus update: all of it is stored, or none.

    RAISES: duckdb.Error after rolling back.
    """
    store.con.execute("BEGIN TRANSACTION")
    try:
        yield
        store.con.execute("COMMIT")
    except duckdb.Error:
        store.con.execute("ROLLBACK")
        raise


def _insert(store: Store, table: str, rows: Sequence[Sequence[Any]], *, replace: bool = True) -> None:
    """Insert many rows in one statement (DuckDB's executemany costs a statement per row)."""
    if not rows:
        return
    columns = [list(column) for column in zip(*rows)]
    verb = "INSERT OR REPLACE" if replace else "INSERT"
    store.con.execute(f"{verb} INTO {table} SELECT " + ", ".join("unnest(?)" for _ in columns), columns)


def write_memberships(store: Store, signatures: list[tuple], duplicates: list[dict[str, Any]],
                      doc_freqs: dict[str, int], story_docs: list[dict[str, Any]]) -> None:
    """Signatures (doc_id, text_hash, n_shingles, bytes), duplicate pairs, term df and story memberships."""
    _insert(store, "corpus_signatures", signatures)
    _insert(store, "corpus_duplicates", [[d["doc_a"], d["doc_b"], d["kind"], d["similarity"], d["earliest"]]
                                         for d in duplicates])
    _insert(store, "corpus_term_df", list(doc_freqs.items()))
    _insert(store, "corpus_story_docs", [[d["doc_id"], d["story_id"], d["score"], d["method"]] for d in story_docs])


def write_stories(store: Store, stories: list[dict[str, Any]], results: dict[str, dict[str, Any]]) -> None:
    """Story rows and, per story, its merged events, reports, claims, chains and framing (replaced)."""
    _insert(store, "corpus_stories", [[s["id"], s["title"], s["first_seen"], s["last_seen"], s["earliest"],
                                       s["latest"], s["n_docs"], _json(s["centroid"]), _json(s["keys"]),
                                       s["embedding"], s["n_embedded"]]
                                      for s in stories])
    story_ids = list(results)
    for table in CORPUS_TABLES:
        store.con.execute(f"DELETE FROM {table} WHERE list_contains(?, story_id)", [story_ids])
    items = [(story_id, result) for story_id, result in results.items()]
    _insert(store, "corpus_merged_events", [
        [m["id"], sid, m["event"], m["actor"], m["recipient"], m["place"], m["lat"], m["lon"], m["date"],
         m["n_reports"]] for sid, result in items for m in result["merged_events"]])
    _insert(store, "corpus_event_reports", [
        [r["merged_event_id"], sid, r["event_id"], r["doc_id"], r["outlet"], r["magnitude"], r["aux_mode"],
         r["confidence"], _json(r["evidence"])] for sid, result in items for r in result["reports"]], replace=False)
    _insert(store, "corpus_claims", [
        [c["id"], sid, c["merged_event_id"], c["attribute"], c["value"], c["outlet"], c["doc_id"], _json(c["chain"]),
         c["first_seen"], c["conflict"], _json(c["evidence"])] for sid, result in items for c in result["claims"]])
    _insert(store, "corpus_chains", [[sid, chain["origin"], _json(chain)] for sid, result in items
                                     for chain in result["chains"]], replace=False)
    _insert(store, "corpus_framing", [[sid, entry["doc_id"], entry["outlet"], _json(entry)] for sid, result in items
                                      for entry in result["framing"]], replace=False)


# -- the stories API ---------------------------------------------------------------------

def list_stories(store: Store) -> list[dict[str, Any]]:
    """One row per story: {id, title, doc_ids, outlets, first_seen, last_seen, n_events, n_claims, n_conflicts}."""
    rows = _dicts(store, """
        SELECT s.id, s.title,
               (SELECT list(d.doc_id ORDER BY d.doc_id) FROM corpus_story_docs d WHERE d.story_id = s.id) AS doc_ids,
               (SELECT list(DISTINCT m.outlet ORDER BY m.outlet) FROM corpus_story_docs d
                  JOIN metadata m ON m.doc_id = d.doc_id WHERE d.story_id = s.id AND m.outlet IS NOT NULL) AS outlets,
               s.first_seen, s.last_seen,
               (SELECT count(*) FROM corpus_merged_events e WHERE e.story_id = s.id) AS n_events,
               (SELECT count(*) FROM corpus_claims c WHERE c.story_id = s.id) AS n_claims,
               (SELECT count(*) FROM corpus_claims c WHERE c.story_id = s.id AND c.conflict) AS n_conflicts
        FROM corpus_stories s ORDER BY s.n_docs DESC, s.first_seen NULLS LAST, s.id""")
    for row in rows:
        row["doc_ids"] = row["doc_ids"] or []
        row["outlets"] = row["outlets"] or []
    return rows


def _claim_row(row: dict[str, Any]) -> dict[str, Any]:
    row["chain"] = json.loads(row["chain"])
    row["evidence"] = json.loads(row["evidence"])
    return row


def list_claims(store: Store, story_id: str | None = None, conflicts_only: bool = False) -> list[dict[str, Any]]:
    """Claims {id, story_id, merged_event_id, attribute, value, outlet, doc_id, chain, first_seen, conflict, evidence}."""
    sql = ("SELECT id, story_id, merged_event_id, attribute, value, outlet, doc_id, chain, first_seen, conflict,"
           " evidence FROM corpus_claims WHERE (? IS NULL OR story_id = ?) AND (NOT ? OR conflict)"
           " ORDER BY story_id, merged_event_id, attribute, first_seen NULLS LAST, doc_id, id")
    return [_claim_row(row) for row in _dicts(store, sql, [story_id, story_id, conflicts_only])]


def get_story(store: Store, story_id: str) -> dict[str, Any] | None:
    """Everything about one story (see the module docstring of sitrep.corpus); None if unknown.

    story_id (str): a full id or a unique prefix of one.
    """
    found = _dicts(store, "SELECT id, title FROM corpus_stories WHERE id LIKE ? || '%'", [story_id])
    if len(found) != 1:
        return None
    story = found[0]
    sid = story["id"]
    story["documents"] = _dicts(store, "SELECT d.doc_id AS id, m.title, m.outlet, m.published"
                                " FROM corpus_story_docs d LEFT JOIN metadata m ON m.doc_id = d.doc_id"
                                " WHERE d.story_id = ? ORDER BY m.published NULLS LAST, d.doc_id", [sid])
    merged = _dicts(store, "SELECT id, event, actor, recipient, place, lat, lon, date FROM corpus_merged_events"
                    " WHERE story_id = ? ORDER BY n_reports DESC, date NULLS LAST, id", [sid])
    reports: dict[str, list[dict[str, Any]]] = {}
    for row in _dicts(store, "SELECT merged_event_id, event_id, doc_id, outlet, magnitude, aux_mode, confidence,"
                      " evidence FROM corpus_event_reports WHERE story_id = ? ORDER BY doc_id, event_id", [sid]):
        row["evidence"] = json.loads(row["evidence"])
        reports.setdefault(row.pop("merged_event_id"), []).append(row)
    for event in merged:
        event["reports"] = reports.get(event["id"], [])
    story["merged_events"] = merged
    story["claims"] = list_claims(store, sid)
    story["chains"] = [json.loads(row[0]) for row in store.con.execute(
        "SELECT detail FROM corpus_chains WHERE story_id = ? ORDER BY origin", [sid]).fetchall()]
    story["framing"] = [json.loads(row[0]) for row in store.con.execute(
        "SELECT detail FROM corpus_framing WHERE story_id = ? ORDER BY doc_id", [sid]).fetchall()]
    doc_ids = [doc["id"] for doc in story["documents"]]
    story["duplicates"] = _dicts(store, "SELECT doc_a, doc_b, kind, similarity, earliest FROM corpus_duplicates"
                                 " WHERE list_contains(?, doc_a) OR list_contains(?, doc_b)"
                                 " ORDER BY similarity DESC, doc_a, doc_b", [doc_ids, doc_ids])
    return story

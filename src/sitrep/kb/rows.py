"""The one reader of KB JSONL files: every loader gets its rows here, already parsed.

A row that is not a JSON object stops start-up with E030 naming file and line: a KB file
is data the project ships, so a bad row is a bug to fix, not an input to skip.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sitrep.errors import SitrepError

KB_DIR = Path(__file__).resolve().parent


def kb_error(where: str, problem: str) -> SitrepError:
    """The E030 error for one malformed row; `where` is "file line N"."""
    return SitrepError("E030", f"{where}: {problem}")


def read_rows(path: str | Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """("file line N", row) for each non-empty line of a JSONL file.

    path: a file name inside sitrep/kb/ or any path.
    RAISES: SitrepError E030 for a line that is not a JSON object.
    """
    path = Path(path)
    if not path.is_absolute() and not path.exists():
        path = KB_DIR / path
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path.name} line {number}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise kb_error(where, f"not JSON ({exc.msg})") from exc
            if not isinstance(row, dict):
                raise kb_error(where, "not a JSON object")
            yield where, row


def require(row: dict[str, Any], where: str, required: dict[str, type]) -> None:
    """Check that each required key is present with its type. RAISES: SitrepError E030."""
    for key, kind in required.items():
        if not isinstance(row.get(key), kind):
            raise kb_error(where, f"'{key}' missing or not a {kind.__name__}")


def read_kb_rows(filename: str, required: dict[str, type]) -> list[dict[str, Any]]:
    """Rows of one KB file, each checked for its required keys and types and a note/source.

    RAISES: SitrepError E030 naming the first row that lacks a key.
    """
    rows = []
    for where, row in read_rows(filename):
        require(row, where, required)
        if not (row.get("note") or row.get("source")):
            raise kb_error(where, "needs a 'note' or 'source'")
        rows.append(row)
    return rows

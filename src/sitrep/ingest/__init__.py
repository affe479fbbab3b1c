"""Ingest stage: paths in, `Document`s (or `Failure`s) out.

Requires: nothing. Assigns: Document.id (content hash), source, raw_text, raw_hash,
media_type, encoding, fetched_at, hints.

Accepts files, folders (recursive) and glob patterns; formats by name: .txt, .html/.htm,
any of them .gz, .jsonl/.ndjson (one document per line), .warc/.warc.gz. A file of any
other name is read as one page. One bad file or record is a `Failure`; the run goes on.
"""
from __future__ import annotations

import glob
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitrep.errors import SitrepError
from sitrep.ingest.readers import Item, read_jsonl, read_page, read_warc
from sitrep.model import Failure

logger = logging.getLogger(__name__)

__all__ = ["read_inputs", "expand_paths"]

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
# Files a folder walk passes over: hidden files, checksums, READMEs and licences.
SKIPPED_NAMES = ("readme", "license", "licence")


def _wanted(path: Path) -> bool:
    name = path.name.lower()
    return not name.startswith(".") and not name.startswith(SKIPPED_NAMES)


def expand_paths(paths: Iterable[str]) -> Iterator[Path | Failure]:
    """Files named by the paths: folders walked recursively in sorted order, globs expanded."""
    for spec in paths:
        path = Path(spec)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p))
        elif path.is_file():
            yield path
        elif matches := sorted(glob.glob(spec, recursive=True)):
            yield from (Path(m) for m in matches if Path(m).is_file())
        else:
            yield Failure(source=spec, stage="ingest", code="E001", detail=str(SitrepError("E001", spec)))


def read_file(path: Path) -> Iterator[Item]:
    """Dispatch one file to the reader for its format."""
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return read_jsonl(path)
    if name.endswith(WARC_SUFFIXES):
        return read_warc(path)
    return read_page(path)


def read_inputs(paths: Iterable[str]) -> Iterator[Item]:
    """Every document in the given inputs, in a stable order, failures interleaved."""
    for item in expand_paths(paths):
        if isinstance(item, Failure):
            yield item
        else:
            yield from read_file(item)

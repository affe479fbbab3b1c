"""One reader per container format; each yields `Document`s or `Failure`s, never raises.

A reader that meets one bad record (a malformed JSONL line, a WARC record that won't
decode) reports it as a `Failure` naming the record, and goes on with the next.
"""
from __future__ import annotations

import gzip
import json
import logging
import zlib
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from sitrep.errors import SitrepError
from sitrep.ingest.decode import decode_bytes
from sitrep.ingest.records import make_document
from sitrep.model import Document, Failure

logger = logging.getLogger(__name__)

Item = Document | Failure

# JSONL field names, most specific first: the first present, non-empty one wins.
TEXT_FIELDS = ("html", "raw_html", "text", "content", "body", "article", "maintext")
HINT_FIELDS = {
    "url": ("url", "link", "source_url", "canonical_url"),
    "outlet": ("outlet", "source", "site", "sitename", "publisher", "domain"),
    "date": ("date", "published", "publish_date", "date_publish", "pubdate", "story_date"),
    "title": ("title", "headline"),
    "author": ("author", "authors", "byline"),
}
FETCHED_FIELDS = ("fetched_at", "crawled_at", "date_download")


def _failure(source: str, error: SitrepError) -> Failure:
    return Failure(source=source, stage="ingest", code=error.code, detail=str(error))


def _mtime(path: Path) -> str:
    return datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc).isoformat(timespec="seconds")


def read_bytes(path: Path) -> bytes:
    """The file's bytes, gunzipped when it is gzip; raises SitrepError E001/E004."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SitrepError("E001", f"{path}: {exc.strerror or exc}") from exc
    if data[:2] == b"\x1f\x8b":
        try:
            return gzip.decompress(data)
        except (EOFError, OSError, zlib.error) as exc:
            raise SitrepError("E004", f"{path}: {exc}") from exc
    return data


def encoding_notice(source: str, encoding: str) -> Iterator[Failure]:
    """A W002 notice when a page was not UTF-8: the run reports it and keeps the page."""
    if encoding not in ("utf-8", "ascii"):
        notice = SitrepError("W002", f"{source}: decoded as {encoding}")
        yield Failure(source=source, stage="ingest", code=notice.code, detail=str(notice))


def read_page(path: Path) -> Iterator[Item]:
    """A single page file (.txt, .html, optionally gzipped): one document."""
    source = str(path)
    try:
        data = read_bytes(path)
        text, encoding = decode_bytes(data, source)
    except SitrepError as error:
        yield _failure(source, error)
        return
    yield from encoding_notice(source, encoding)
    yield make_document(text, data, source, encoding, fetched_at=_mtime(path))


def _first(record: dict, names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        if value not in (None, ""):
            return str(value)
    return None


def document_from_record(record: dict, raw: bytes, source: str) -> Document:
    """A `Document` from one JSON object; container fields become hints.

    RAISES: SitrepError E006 when no text or html field is present.
    """
    if not isinstance(record, dict):
        raise SitrepError("E006", f"{source}: a JSON object is expected, got {type(record).__name__}")
    text = _first(record, TEXT_FIELDS)
    if text is None or not text.strip():
        raise SitrepError("E006", source)
    hints = {key: value for key, names in HINT_FIELDS.items() if (value := _first(record, names))}
    if "id" in record:
        hints["record_id"] = str(record["id"])
    media_type = "text/html" if _first(record, TEXT_FIELDS[:2]) else None
    text = text.replace("\r\n", "\n")
    return make_document(
        text, raw, source, "utf-8",
        fetched_at=_first(record, FETCHED_FIELDS), hints=hints, media_type=media_type,
    )


def read_jsonl(path: Path) -> Iterator[Item]:
    """JSON Lines: one document per line; a bad line is one failure, the file goes on."""
    try:
        data = read_bytes(path)
        text, _ = decode_bytes(data, str(path))
    except SitrepError as error:
        yield _failure(str(path), error)
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        source = f"{path}#line={number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _failure(source, SitrepError("E005", f"{source}: {exc.msg} at column {exc.colno}"))
            continue
        try:
            yield document_from_record(record, line.encode("utf-8"), source)
        except SitrepError as error:
            yield _failure(source, error)


def read_warc(path: Path) -> Iterator[Item]:
    """WARC / WARC.gz: one document per HTML or text response record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with path.open("rb") as stream:
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                if record.rec_type not in ("response", "resource"):
                    continue
                content_type = (record.http_headers.get_header("Content-Type") if record.http_headers
                                else record.rec_headers.get_header("Content-Type")) or ""
                if "html" not in content_type and "text/plain" not in content_type:
                    continue
                source = f"{path}#record={number}"
                data = record.content_stream().read()
                try:
                    text, encoding = decode_bytes(data, source)
                except SitrepError as error:
                    yield _failure(source, error)
                    continue
                yield from encoding_notice(source, encoding)
                url = record.rec_headers.get_header("WARC-Target-URI")
                yield make_document(
                    text, data, source, encoding,
                    fetched_at=record.rec_headers.get_header("WARC-Date"),
                    hints={"url": url} if url else {},
                    media_type="text/html" if "html" in content_type else "text/plain",
                )
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error) as exc:
        yield _failure(str(path), SitrepError("E007", f"{path}: {exc}"))

"""Reason codes for everything sitrep refuses or drops, each with what to do about it.

A failure of one input is a value (`model.Failure`) that is logged, stored and reported,
and the run goes on. Bad configuration or KB files raise at start-up instead.
"""
from __future__ import annotations

MESSAGES: dict[str, str] = {
    "E001": "file not found or unreadable: check the path and permissions",
    "E002": "file is empty: nothing to ingest",
    "E003": "file looks binary (not text, HTML, JSONL, gzip or WARC): convert it to text first",
    "E004": "gzip stream is truncated or corrupt: re-download or re-compress the file",
    "E005": "JSONL line is not valid JSON: fix or remove that line",
    "E006": "JSONL record has no text/html field: add a 'text' or 'html' field",
    "E007": "WARC file could not be read: check it with `warcio index`",
    "E008": "text could not be decoded with any known encoding",
    "E010": "cleaning kept no article text: the page may be a listing, a captcha or empty",
    "E011": "cleaning failed on this page: report it with the page attached",
    "E040": "NLP or event coding failed on this document: report it with the page attached",
    "E020": "store write failed for this batch: the batch was rolled back, rerun to retry",
    "E030": "a KB data file is malformed: fix the named row",
    "W002": "text is not valid UTF-8: it was decoded with the encoding named; check accents and quotes",
    "W001": "document already in the store: skipped (re-running adds nothing twice)",
}


class SitrepError(Exception):
    """An error with a reason code; its message says what went wrong and what to do."""

    def __init__(self, code: str, detail: str = "") -> None:
        self.code = code
        self.detail = detail
        super().__init__(f"[{code}] {MESSAGES.get(code, '')}{': ' + detail if detail else ''}")


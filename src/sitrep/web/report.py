"""The corpus report: one self-contained HTML file (inline CSS and SVG, no script, no fetch).

Analysts mail it, print it and open it in air-gapped rooms, so it carries everything it shows:
a map and a timeline drawn here in Python, the stories with their reports and key events, the
claims that disagree across reports with their attribution chains, and the documents. Every
piece of text comes from web pages and is escaped with `html.escape`; a Content-Security-Policy
that allows no script at all backs that up.

`collect_report(store)` reads; `render_report(data)` is pure and returns the HTML string.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from html import escape
from pathlib import Path
from typing import Any

from sitrep.exports.rows import date_span
from sitrep.store import Store, queries
from sitrep.store import corpus as corpus_store
from sitrep.web.svg import map_svg, timeline_svg

logger = logging.getLogger(__name__)

MAX_STORIES = 50
KEY_EVENTS_PER_STORY = 8
KEY_EVENTS = 25
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1d2330;
margin:0 auto;max-width:1100px;padding:1rem 1.5rem 3rem;background:#fff}
h1{margin:.2rem 0}h2{margin:1.6rem 0 .4rem;border-bottom:2px solid #1d2330}h3{margin:1.2rem 0 .3rem}
.meta{color:#5d6675;font-size:.85rem}table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.4rem 0}
th,td{text-align:left;vertical-align:top;padding:.25rem .45rem;border-bottom:1px solid #d8dce3}
th{background:#f4f6f9}tr.conflict td{background:#fde8e6}.stats{display:flex;gap:1.5rem;flex-wrap:wrap}
.stats div{background:#f4f6f9;border-radius:6px;padding:.4rem .8rem}.stats b{display:block;font-size:1.4rem}
figure{margin:.5rem 0;border:1px solid #d8dce3;border-radius:6px;padding:.3rem}svg{width:100%;height:auto;display:block}
.sea{fill:#e6eef6}.country{fill:#fbfaf7;stroke:#a9b2bf;stroke-width:.6;vector-effect:non-scaling-stroke}
.place circle{fill:#c8423b;fill-opacity:.7;stroke:#fff;vector-effect:non-scaling-stroke}
.place text{fill:#1d2330;paint-order:stroke;stroke:#fff;stroke-width:.25em}
.lane{fill:#fff}.lane.odd{fill:#f7f8fa}.lane-label,.tick-label{font-size:11px;fill:#5d6675}
.tick-label{text-anchor:middle}.tick{stroke:#d8dce3}.empty{color:#5d6675;font-style:italic}
.quote{font-style:italic}.badge{display:inline-block;padding:0 .4rem;border-radius:8px;background:#c8423b;
color:#fff;font-size:.75rem}
@media print{h2{break-before:auto}figure,tr{break-inside:avoid}}
"""


@dataclass(frozen=True, slots=True)
class ReportData:
    """What the report shows, read from the store once."""

    documents: list[dict[str, Any]]
    events: list[dict[str, Any]]
    stories: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]
    story_titles: dict[str, str]


def _all_documents(store: Store) -> list[dict[str, Any]]:
    documents: list[dict[str, Any]] = []
    while True:
        page, total = queries.list_documents(store, limit=queries.MAX_LIMIT, offset=len(documents))
        documents.extend(page)
        if not page or len(documents) >= total:
            return documents


def collect_report(store: Store) -> ReportData:
    """Documents, events, the largest stories in full, and every claim in conflict."""
    listed = corpus_store.list_stories(store)
    stories = [story for row in listed[:MAX_STORIES] if (story := corpus_store.get_story(store, row["id"]))]
    return ReportData(
        documents=_all_documents(store),
        events=list(queries.iter_events(store)),
        stories=stories,
        conflicts=corpus_store.list_claims(store, conflicts_only=True),
        story_titles={row["id"]: row["title"] or row["id"] for row in listed},
    )


def _e(value: Any) -> str:
    """Text for HTML: escaped, with None shown as an empty string."""
    return escape("" if value is None else str(value))


def _actors(entities: Sequence[dict[str, Any]] | None) -> str:
    return ", ".join(e.get("identifier") or e.get("entity_text") or "?" for e in entities or ())


def _place(event: dict[str, Any]) -> str:
    loc = event.get("event_loc") or {}
    return loc.get("resolved_place") or loc.get("extracted_place") or ""


def _chain(links: Iterable[dict[str, Any]]) -> str:
    return " ← ".join(link.get("text") or "?" for link in links)


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], row_classes: Iterable[str] = ()) -> str:
    """An HTML table; cells must already be escaped HTML."""
    classes = list(row_classes)
    body = "".join(
        f'<tr{f" class={chr(34)}{classes[i]}{chr(34)}" if i < len(classes) and classes[i] else ""}>'
        + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>"
        for i, row in enumerate(rows))
    return "<table><thead><tr>" + "".join(f"<th>{_e(h)}</th>" for h in headers) + f"</tr></thead><tbody>{body}</tbody></table>"


def _event_rows(events: Iterable[dict[str, Any]]) -> list[list[str]]:
    return [[_e(date_span(e.get("date"), e.get("enddate"))), _e(e.get("event")), _e(_actors(e.get("actor"))), _e(_actors(e.get("recipient"))),
             _e(_place(e)), _e(e.get("outlet")), _e(f"{e.get('confidence') or 0:.2f}"), _e(e.get("text"))]
            for e in events]


EVENT_HEADERS = ("Date", "Type", "Actor", "Recipient", "Place", "Outlet", "Conf.", "Sentence")


def _story_section(story: dict[str, Any]) -> str:
    docs = _table(("Published", "Outlet", "Title"), [[_e(d.get("published")), _e(d.get("outlet")), _e(d.get("title"))]
                                                    for d in story.get("documents", [])])
    merged = sorted(story.get("merged_events", []), key=lambda m: -len(m.get("reports", [])))[:KEY_EVENTS_PER_STORY]
    events = _table(("Date", "Type", "Actor", "Recipient", "Place", "Reports"),
                    [[_e(m.get("date")), _e(m.get("event")), _e(m.get("actor")), _e(m.get("recipient")),
                      _e(m.get("place")), _e(", ".join(sorted({r.get("outlet") or r.get("doc_id") or "?"
                                                                for r in m.get("reports", [])})))]
                     for m in merged])
    conflicts = [c for c in story.get("claims", []) if c.get("conflict")]
    single = [c for c in story.get("chains", []) if c.get("single_origin")]
    return (f'<section class="story"><h3>{_e(story.get("title") or story.get("id"))}</h3>'
            f'<p class="meta">{len(story.get("documents", []))} reports, {len(story.get("merged_events", []))} merged'
            f" events, {len(story.get('claims', []))} claims, {len(conflicts)} in conflict"
            + (f"; {len(single)} attribution chain(s) with a single origin" if single else "") + "</p>"
            + docs + "<p><b>Most reported events</b></p>" + events + "</section>")


def _conflict_rows(conflicts: Sequence[dict[str, Any]], titles: dict[str, str]) -> list[list[str]]:
    return [[_e(titles.get(c.get("story_id"), c.get("story_id"))), _e(c.get("attribute")), _e(c.get("value")),
             _e(c.get("outlet") or c.get("doc_id")), _e(_chain(c.get("chain") or [])),
             '<span class="quote">' + _e(" … ".join(ev.get("text", "") for ev in c.get("evidence") or [])) + "</span>"]
            for c in conflicts]


def render_report(data: ReportData, generated: datetime | None = None) -> str:
    """The whole report as one HTML string (pure: the same data gives the same page)."""
    generated = generated or datetime.now(timezone.utc)
    key_events = sorted(data.events, key=lambda e: -(e.get("confidence") or 0))[:KEY_EVENTS]
    located = sum(1 for e in data.events if (e.get("event_loc") or {}).get("lat") is not None)
    stats = [(len(data.documents), "documents"), (len(data.events), "events"), (located, "located events"),
             (len(data.story_titles), "stories"), (len(data.conflicts), "claims in conflict")]
    parts = [
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>sitrep report</title><style>{STYLE}</style></head><body>",
        f'<h1>sitrep report</h1><p class="meta">Generated {_e(generated.strftime("%Y-%m-%d %H:%M UTC"))}'
        " from the sitrep store. Every event is coded from one sentence of one document; dates marked"
        " with a bar are known only to the month or year.</p>",
        '<div class="stats">' + "".join(f"<div><b>{n}</b>{_e(label)}</div>" for n, label in stats) + "</div>",
        "<h2>Map</h2><figure>" + map_svg(data.events) + "</figure>",
        "<h2>Timeline</h2><figure>" + timeline_svg(data.events) + "</figure>",
        "<h2>Stories</h2>" + ("".join(_story_section(s) for s in data.stories)
                              or '<p class="empty">No stories: run the corpus stage.</p>'),
        "<h2>Claims in conflict</h2>" + (_table(("Story", "Attribute", "Value", "Outlet", "Attribution chain", "Evidence"),
                                               _conflict_rows(data.conflicts, data.story_titles),
                                               ["conflict"] * len(data.conflicts))
                                        if data.conflicts else '<p class="empty">No claims disagree.</p>'),
        "<h2>Key events</h2><p class=\"meta\">The most confidently coded events.</p>"
        + _table(EVENT_HEADERS, _event_rows(key_events)),
        "<h2>Documents</h2>" + _table(("Published", "Outlet", "Title", "Events", "Source"),
                                      [[_e(d.get("published")), _e(d.get("outlet")), _e(d.get("title")),
                                        _e(d.get("events")), _e(d.get("source"))] for d in data.documents]),
        "</body></html>",
    ]
    return "\n".join(parts)


def write_report(store: Store, path: str | Path) -> Path:
    """Collect, render and write the report; returns the path written."""
    target = Path(path)
    html = render_report(collect_report(store))
    target.write_text(html, encoding="utf-8")
    logger.info("report written to %s (%d bytes)", target, len(html.encode("utf-8")))
    return target

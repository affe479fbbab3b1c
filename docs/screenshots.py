"""Save a PNG of each web UI view into docs/ for the README.

Usage: .venv/bin/python docs/screenshots.py --db sitrep.duckdb
Serves the store's API on 127.0.0.1 and drives headless Debian chromium (/usr/bin/chromium);
the story shown is the one with the most reports, the event the one with the most evidence.
"""
from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path
from urllib.request import urlopen

from playwright.sync_api import sync_playwright

from sitrep.api.app import create_app
from sitrep.web.harness import launch_chromium, serve_in_background

logger = logging.getLogger(__name__)

DOCS = Path(__file__).resolve().parent
VIEWPORT = {"width": 1280, "height": 800}
RENDER_TIMEOUT_MS = 30000


def _api(base: str, path: str) -> dict:
    with urlopen(f"{base}/api/{path}") as response:
        return json.loads(response.read())


def _evidence_weight(event: dict) -> int:
    """How much of an event the article highlight shows: its evidence spans and roles."""
    return len(event.get("evidence") or {}) + len(event["actor"]) + len(event["recipient"]) + bool(event.get("event_loc"))


def routes(base: str) -> dict[str, str]:
    """File stem -> hash route of each view."""
    found = {"ui-timeline": "timeline", "ui-map": "map", "ui-network": "network", "ui-stories": "stories"}
    stories = _api(base, "stories?limit=1000")["items"]
    if stories:
        found["ui-story"] = f"story/{max(stories, key=lambda s: len(s['doc_ids']))['id']}"
    events = _api(base, "events?limit=1000")["items"]
    if events:
        found["ui-event"] = f"event/{max(events, key=_evidence_weight)['id']}"
    return found


def take(db: str, out: Path) -> list[Path]:
    """Screenshot every view of the store at `db` into `out`; returns the files written."""
    written = []
    with serve_in_background(create_app(db)) as base, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport=VIEWPORT)
        for visit, (stem, route) in enumerate(routes(base).items(), start=1):
            page.goto(f"{base}/?visit={visit}#/{route}")
            page.wait_for_selector("body[data-renders]", timeout=RENDER_TIMEOUT_MS)
            path = out / f"{stem}.png"
            page.screenshot(path=str(path))
            written.append(path)
            logger.info("%s: %s (%d bytes)", path.name, route, path.stat().st_size)
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="sitrep.duckdb", help="sitrep store to show")
    parser.add_argument("--out", type=Path, default=DOCS, help="folder for the PNGs")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for path in take(args.db, args.out):
        print(path)


if __name__ == "__main__":
    main()

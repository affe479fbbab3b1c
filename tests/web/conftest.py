"""Fixtures for the web UI and report tests: a store of the seeds plus one hostile page, the API
served by uvicorn on 127.0.0.1, and headless Debian chromium driven by Playwright.

The hostile page carries markup in its text, title and outlet; each payload sets a window flag
and opens a dialog if it ever runs, so a test can prove it never does.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app as cli_app
from sitrep.web.harness import CHROMIUM, launch_chromium, serve_in_background

CONFLICTING_REPORTS = Path(__file__).resolve().parent.parent / "fixtures" / "conflicting_reports.jsonl"

XSS_FLAG = "__sitrepXss"
XSS_SCRIPT = f"<script>window.{XSS_FLAG}=1;alert(1)</script>"
XSS_IMG = f'<img src=x onerror="window.{XSS_FLAG}=2;alert(2)">'
HOSTILE_OUTLET = f"Evil Outlet {XSS_SCRIPT}{XSS_IMG}"
HOSTILE_TITLE = f"Troops attack {XSS_SCRIPT} {XSS_IMG}"
HOSTILE_RECORD = {
    "url": "https://example.invalid/hostile",
    "outlet": HOSTILE_OUTLET,
    "title": HOSTILE_TITLE,
    "date": "2016-05-04",
    "text": (f"DAMASCUS, May 4 (Evil Outlet) - Syrian army troops attacked rebel positions near Idlib on Tuesday "
             f"{XSS_SCRIPT}, killing 12 fighters, a military source said {XSS_IMG}.\n\n"
             "The Syrian army said it had deployed 3,000 soldiers to Hama province after rebels shelled the city.\n\n"
             f"Rebel commanders {XSS_IMG} denied the claim and said Iranian militias led the assault."),
}

runner = CliRunner()


@pytest.fixture(scope="session")
def hostile() -> dict[str, str]:
    """The hostile page's payloads and where they were put."""
    return {"flag": XSS_FLAG, "script": XSS_SCRIPT, "img": XSS_IMG, "outlet": HOSTILE_OUTLET, "title": HOSTILE_TITLE}


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, seeds_dir) -> Path:
    """A store of the five seeds, the hostile page and two reports that disagree on a figure
    (tests/fixtures/conflicting_reports.jsonl), as `sitrep run` leaves it (stories included)."""
    from sitrep.store import Store, queries
    from sitrep.store.corpus import list_stories

    folder = tmp_path_factory.mktemp("web")
    hostile_page = folder / "hostile.jsonl"
    hostile_page.write_text(json.dumps(HOSTILE_RECORD) + "\n", encoding="utf-8")
    db = folder / "web.duckdb"
    result = runner.invoke(cli_app, ["--db", str(db), "--quiet", "run", str(seeds_dir), str(hostile_page),
                                     str(CONFLICTING_REPORTS)])
    if result.exit_code != 0:
        raise RuntimeError(result.output)
    with Store(db, read_only=True) as store:
        if not queries.list_events(store, limit=1)[1] or not list_stories(store):
            raise RuntimeError("the run stored no events or no stories: the UI tests need both")
    return db


@pytest.fixture(scope="session")
def server(web_db):
    """The API and UI on http://127.0.0.1:PORT, run by uvicorn in a background thread."""
    from sitrep.api.app import create_app

    with serve_in_background(create_app(web_db)) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = launch_chromium(playwright)
        yield instance
        instance.close()

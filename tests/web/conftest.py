"""Fixtures for the web UI and report tests: a store of the seeds plus one hostile page, the API
served by uvicorn on 127.0.0.1, and headless Debian chromium driven by Playwright.

The hostile page carries markup in its text, title and outlet; each payload sets a window flag
and opens a dialog if it ever runs, so a test can prove it never does.
"""
from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app as cli_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
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
SERVER_START_SECONDS = 20

runner = CliRunner()


@pytest.fixture(scope="session")
def hostile() -> dict[str, str]:
    """The hostile page's payloads and where they were put."""
    return {"flag": XSS_FLAG, "script": XSS_SCRIPT, "img": XSS_IMG, "outlet": HOSTILE_OUTLET, "title": HOSTILE_TITLE}


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, seeds_dir) -> Path:
    """A store of the five seeds and the hostile page, with the corpus stage (stories) run."""
    from sitrep.corpus import update_corpus
    from sitrep.store import Store, queries

    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE_RECORD) + "\n", encoding="utf-8")
    db = folder / "web.duckdb"
    result = runner.invoke(cli_app, ["--db", str(db), "--quiet", "run", str(seeds_dir), str(hostile)])
    if result.exit_code != 0:
        raise RuntimeError(result.output)
    with Store(db) as store:
        documents = store.list_documents()
        update_corpus(store, [row["id"] for row in documents])
        if not queries.list_events(store, limit=1)[1]:
            raise RuntimeError("the pipeline coded no events from the seeds: the UI tests need some")
    return db


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server(web_db):
    """The API and UI on http://127.0.0.1:PORT, run by uvicorn in a background thread."""
    import uvicorn

    from sitrep.api.app import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_SECONDS
    while not instance.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=SERVER_START_SECONDS)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()

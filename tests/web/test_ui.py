"""The web UI in headless chromium against the real API on the seeds' store.

Every view must load with no request leaving 127.0.0.1 and none failing (air-gapped rooms),
show as many items as the API reports, narrow with each filter, and show markup found in
documents as text: the hostile page's payloads never run.
"""
from __future__ import annotations

import json
from urllib.parse import urlencode
from urllib.request import urlopen

import pytest

RENDER_TIMEOUT_MS = 20000


def api(server: str, path: str, **params) -> dict:
    query = f"?{urlencode(params)}" if params else ""
    with urlopen(f"{server}/api/{path}{query}") as response:
        return json.loads(response.read())


def all_events(server: str, **filters) -> list[dict]:
    page = api(server, "events", limit=1000, **filters)
    if page["total"] > len(page["items"]):
        raise RuntimeError("more events than one page: raise the test's page size")
    return page["items"]


class Session:
    """One browser page that records every request, failure, dialog and script error."""

    def __init__(self, browser, server: str, **context_options) -> None:
        self.server = server
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, **context_options)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.failed: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.visits = 0
        self.page.on("request", lambda request: self.requests.append(request.url))
        # A fetch still in flight when the test navigates away is aborted by the browser itself
        # (net::ERR_ABORTED); that is the test's doing, not a failed request of the app.
        self.page.on("requestfailed", lambda request: request.failure != "net::ERR_ABORTED"
                     and self.failed.append(f"{request.url} ({request.failure})"))
        self.page.on("response", lambda response: response.status >= 400 and self.failed.append(response.url))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))

    def renders(self) -> int:
        return int(self.page.get_attribute("body", "data-renders") or 0)

    def open(self, route: str) -> None:
        """Load `#/route` in a fresh document (the query makes each visit a new one) and wait until drawn."""
        self.visits += 1
        self.page.goto(f"{self.server}/?visit={self.visits}#/{route}")
        self.page.wait_for_selector('body[data-renders]:not([data-renders="0"])', timeout=RENDER_TIMEOUT_MS)

    def wait_next_render(self, before: int) -> None:
        self.page.wait_for_selector(f'body[data-renders="{before + 1}"]', timeout=RENDER_TIMEOUT_MS)

    def count(self, selector: str) -> int:
        return self.page.locator(selector).count()

    def assert_offline_and_clean(self) -> None:
        outside = [url for url in self.requests if not url.startswith(f"{self.server}/")]
        assert not outside, f"requests outside the app: {outside}"
        assert not self.failed, f"failed requests: {self.failed}"
        assert not self.errors, f"script errors: {self.errors}"
        assert not self.page.locator("main .error").count(), self.page.inner_text("main")

    def close(self) -> None:
        self.context.close()


@pytest.fixture()
def session(browser, server):
    opened = Session(browser, server)
    yield opened
    opened.close()


def places_of(events: list[dict]) -> set[tuple[float, float]]:
    return {(round(e["event_loc"]["lat"], 2), round(e["event_loc"]["lon"], 2)) for e in events
            if e.get("event_loc") and e["event_loc"].get("lat") is not None}


def actors_of(events: list[dict]) -> set[str]:
    return {a.get("identifier") or a.get("entity_text") for e in events for a in e["actor"] + e["recipient"]}


def test_ui_timeline_map_network_show_every_event(session, server):
    events = all_events(server)
    assert len(events) > 20
    session.open("timeline")
    assert session.count("[data-testid=event-table] tbody tr") == len(events)
    assert session.count("svg.timeline a.mark") == sum(1 for e in events if e.get("date"))
    spanned = next(e for e in events if e.get("enddate") and e["enddate"] != e["date"])
    shown = session.page.inner_text("[data-testid=event-table] tbody")
    assert f"{spanned['date']} \u2013 {spanned['enddate']}" in shown
    session.open("map")
    assert session.count("svg.map a.place") == len(places_of(events)) > 1
    assert session.count("svg.map path.country") > 150
    session.open("network")
    assert session.count("svg.network a.node") == len(actors_of(events)) > 5
    session.assert_offline_and_clean()


def test_ui_story_page_shows_reports_claims_and_conflicts(session, server):
    stories = api(server, "stories")["items"]
    assert stories
    session.open("stories")
    assert session.count("[data-testid=story-list] li") == len(stories)
    assert session.count("[data-testid=document-table] tbody tr") == api(server, "documents")["total"]
    biggest = max(stories, key=lambda s: len(s["doc_ids"]))
    story = api(server, f"stories/{biggest['id']}")
    session.open(f"story/{biggest['id']}")
    assert session.count("[data-testid=reports] article") == len(story["documents"]) > 1
    assert session.count("[data-testid=claims] tbody tr") == len(story["claims"])
    conflicts = sum(1 for c in story["claims"] if c["conflict"])
    assert session.count("[data-testid=claims] tbody tr.conflict") == conflicts
    assert session.count("[data-testid=merged-events] tbody tr") == len(story["merged_events"])
    terms = sum(t["count"] for f in story["framing"] for t in f["terms"])
    assert terms and 0 < session.count("[data-testid=reports] mark.framing") <= terms
    session.page.check("[data-testid=conflicts-only]")
    assert session.page.locator("[data-testid=claims] tbody tr:visible").count() == conflicts
    session.assert_offline_and_clean()


def test_ui_event_page_highlights_the_evidence_sentence(session, server):
    event = next(e for e in all_events(server) if e["actor"] and e["sentence"]["layer"] == "text")
    session.open(f"event/{event['id']}")
    sentence = session.page.locator("article #evidence-sentence")
    assert sentence.count() == 1
    marked = "".join(session.page.locator("article mark.sentence").all_inner_texts())
    assert " ".join(marked.split()) == " ".join(event["sentence"]["text"].split())
    actor = event["actor"][0]["evidence"]["text"]
    assert actor in session.page.locator("article mark.actor").all_inner_texts()
    session.assert_offline_and_clean()


@pytest.mark.parametrize("key", ["actor", "type", "place", "date_from", "date_to", "outlet"])
def test_ui_filters_narrow_the_events(session, server, key):
    events = all_events(server)
    values = {
        "actor": max(actors_of(events), key=lambda a: len(all_events(server, actor=a))),
        "type": "ASSAULT",
        "place": "Idlib",
        "date_from": "2016-06-01",
        "date_to": "2013-12-31",
        "outlet": "ARA News",
    }
    expected = len(all_events(server, **{key: values[key]}))
    assert 0 < expected < len(events)
    session.open("timeline")
    before = session.renders()
    session.page.fill(f"#filters [name={key}]", values[key])
    session.page.click("#filters button[type=submit]")
    session.wait_next_render(before)
    assert key in session.page.url
    assert session.count("[data-testid=event-table] tbody tr") == expected
    before = session.renders()
    session.page.click("nav a[data-view=map]")
    session.wait_next_render(before)
    assert session.page.input_value(f"#filters [name={key}]") == values[key]
    assert f"{expected} events" in session.page.inner_text("[data-testid=summary]")
    session.assert_offline_and_clean()


def test_ui_shows_markup_from_documents_as_text(browser, server, hostile):
    # CSP is bypassed so that this proves the rendering itself never turns data into markup.
    visitor = Session(browser, server, bypass_csp=True)
    doc = next(d for d in api(server, "documents")["items"] if d["title"] == hostile["title"])
    events = all_events(server, doc_id=doc["id"])
    story = next(s for s in api(server, "stories")["items"] if doc["id"] in s["doc_ids"])
    expected_text = {
        "timeline": hostile["outlet"], "map": hostile["outlet"], "network": hostile["outlet"],
        "stories": hostile["title"], f"story/{story['id']}": hostile["title"],
        f"event/{events[0]['id']}": hostile["img"], f"doc/{doc['id']}": hostile["script"],
    }
    try:
        for route, literal in expected_text.items():
            visitor.open(route)
            assert literal in visitor.page.inner_text("main"), route
            assert visitor.page.evaluate(f"() => window.{hostile['flag']}") is None, route
            assert visitor.count("main script, main img, main iframe") == 0, route
        assert not visitor.dialogs
        visitor.assert_offline_and_clean()
    finally:
        visitor.close()

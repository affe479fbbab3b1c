"""The HTML report (`sitrep report`) and the server-side SVG pictures it is drawn with."""
from __future__ import annotations

from datetime import date
from html import escape

import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

from sitrep.cli import app as cli_app
from sitrep.store import Store, queries
from sitrep.web.report import KEY_EVENTS
from sitrep.web.svg import date_range, map_svg, places_of, timeline_svg
from sitrep.web.topojson import world_countries

runner = CliRunner()


def _event(event_type: str, day: str | None, place: str | None = None, lat: float | None = None,
           lon: float | None = None) -> dict:
    loc = {"resolved_place": place, "extracted_place": place, "lat": lat, "lon": lon} if place else None
    return {"id": f"{event_type}:{day}:{place}", "event": event_type, "date": day, "quad_code": 4,
            "text": f"{event_type} in {place}", "event_loc": loc, "actor": [], "recipient": []}


@pytest.fixture(scope="module")
def report_html(web_db, tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "report.html"
    result = runner.invoke(cli_app, ["--db", str(web_db), "--quiet", "report", "-o", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_report_date_range_covers_the_stated_precision():
    assert date_range("2013") == (date(2013, 1, 1), date(2014, 1, 1))
    assert date_range("2013-12") == (date(2013, 12, 1), date(2014, 1, 1))
    assert date_range("2013-02") == (date(2013, 2, 1), date(2013, 3, 1))
    assert date_range("2013-09-05") == (date(2013, 9, 5), date(2013, 9, 6))
    assert date_range(None) is None


def test_report_countries_decode_to_real_outlines():
    countries = {country.name: country for country in world_countries()}
    assert len(countries) > 170
    syria = [point for ring in countries["Syria"].rings for point in ring]
    lons, lats = zip(*syria)
    assert 35 < min(lons) < 37 and 41 < max(lons) < 43 and 32 < min(lats) < 33.5 and 37 < max(lats) < 38


def test_report_map_groups_places_and_escapes_their_names():
    events = [_event("ASSAULT", "2016-05-04", "Idlib", 35.93, 36.63), _event("ASSAULT", "2016-05-05", "Idlib", 35.93, 36.63),
              _event("AID", "2016", "<b>Hama</b>", 35.13, 36.75), _event("RETREAT", None)]
    assert [len(p.events) for p in places_of(events)] == [2, 1]
    svg = map_svg(events)
    assert svg.count('<g class="place">') == 2
    assert "<b>" not in svg and escape("<b>Hama</b>") in svg
    assert "Syria" in svg and "Brazil" not in svg


def test_report_timeline_draws_days_as_dots_and_years_as_bars():
    svg = timeline_svg([_event("ASSAULT", "2016-05-04"), _event("AID", "2015"), _event("RETREAT", None)])
    assert svg.count("<circle") == 1 and svg.count('rx="3"') == 1
    assert ">AID<" in svg and ">RETREAT<" not in svg


def test_report_summarises_the_store(report_html, web_db):
    page = lxml_html.fromstring(report_html.read_text(encoding="utf-8"))
    with Store(web_db, read_only=True) as store:
        events = list(queries.iter_events(store))
        documents, total_documents = queries.list_documents(store, limit=queries.MAX_LIMIT)
    assert len(page.xpath("//svg[@class='map']//g[@class='place']")) == len(places_of(events))
    assert len(page.xpath("//svg[@class='timeline']/g")) == sum(1 for e in events if e.get("date"))
    assert len(page.xpath("//section[@class='story']")) >= 3
    assert page.xpath("//tr[@class='conflict']")
    assert total_documents == len(documents) == 8  # five seeds, the hostile page, two disagreeing reports
    assert not page.xpath("//script | //link | //img | //iframe")
    key_events = sorted(events, key=lambda e: -(e.get("confidence") or 0))[:KEY_EVENTS]  # the ones it lists
    spanned = next(e for e in key_events if e.get("enddate") and e["enddate"] != e["date"])
    assert f"{spanned['date']} \u2013 {spanned['enddate']}" in page.text_content()


def test_report_shows_markup_as_text_and_opens_offline(report_html, browser, hostile):
    source = report_html.read_text(encoding="utf-8")
    assert hostile["script"] not in source and hostile["img"] not in source
    assert escape(hostile["title"]) in source
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    requests, dialogs = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(report_html.as_uri())
        text = page.inner_text("body")
        assert hostile["title"] in text and hostile["outlet"] in text
        assert page.evaluate(f"() => window.{hostile['flag']}") is None
        assert requests == [report_html.as_uri()] and not dialogs
    finally:
        context.close()

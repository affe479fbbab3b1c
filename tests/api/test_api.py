"""The REST API on the seeds: every endpoint, filters, pagination, 4xx on bad input, ingest."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from sitrep.api import create_app

ARTICLE = (
    "Hezbollah fighters attacked Israeli army positions near the town of Shebaa on Tuesday, "
    "the Lebanese army said. Iran sent 2,000 troops to Aleppo last week, according to officials."
)


@pytest.fixture(scope="module")
def client(seeded_db):
    with TestClient(create_app(seeded_db)) as test_client:
        yield test_client


def _get(client, url, **params):
    response = client.get(url, params=params)
    assert response.status_code == 200, (url, params, response.text)
    return response.json()


def _all_events(client, **params):
    items, total = [], None
    while total is None or len(items) < total:
        page = _get(client, "/api/events", limit=25, offset=len(items), **params)
        total = page["total"]
        if not page["items"]:
            break
        items += page["items"]
    return items, total


def test_api_documents_pages_through_the_seeds(client):
    first = _get(client, "/api/documents", limit=2)
    assert first["total"] == 5 and len(first["items"]) == 2 and (first["limit"], first["offset"]) == (2, 0)
    rest = _get(client, "/api/documents", limit=2, offset=2)["items"]
    rest += _get(client, "/api/documents", offset=4)["items"]
    ids = [doc["id"] for doc in first["items"] + rest]
    assert len(ids) == len(set(ids)) == 5
    assert all(doc["title"] and doc["text_chars"] > 0 for doc in first["items"])
    assert _get(client, "/api/documents", offset=5)["items"] == []


def test_api_documents_filters_by_text_and_outlet(client):
    docs = _get(client, "/api/documents")["items"]
    target = docs[0]
    word = max(target["title"].split(), key=len)
    found = _get(client, "/api/documents", q=word.lower())
    assert target["id"] in [doc["id"] for doc in found["items"]] and found["total"] <= 5
    assert _get(client, "/api/documents", q="zzqx no such words")["total"] == 0
    outlet = next(doc["outlet"] for doc in docs if doc["outlet"])
    same = _get(client, "/api/documents", outlet=outlet.upper())["items"]
    assert same and all(doc["outlet"] == outlet for doc in same)


def test_api_document_detail_has_text_metadata_and_event_count(client):
    summary = _get(client, "/api/documents")["items"][0]
    doc = _get(client, f"/api/documents/{summary['id'][:8]}")
    assert doc["id"] == summary["id"] and len(doc["text"]) == summary["text_chars"]
    assert doc["metadata"]["title"]["value"] == summary["title"]
    assert doc["events"] == summary["events"] == _get(client, "/api/events", doc_id=doc["id"])["total"]
    assert client.get("/api/documents/zzzz").status_code == 404


def test_api_event_evidence_spans_match_the_document_text(client):
    events, total = _all_events(client)
    assert total == len(events) > 10
    assert len({e["id"] for e in events}) == total
    texts = {}
    for event in events:
        text = texts.setdefault(event["doc_id"], _get(client, f"/api/documents/{event['doc_id']}")["text"])
        for span in [event["sentence"], *event["evidence"].values()]:
            if span["layer"] == "text":
                assert text[span["start"]:span["end"]] == span["text"], (event["id"], span)
            else:  # only the publication date comes from the raw page
                assert span is event["evidence"].get("date") and event["date_from_publication"], event["id"]
        assert event["outlet"] == (event["cite_info"].get("publication") or event["outlet"])


def test_api_event_filters_narrow_the_events(client):
    events, total = _all_events(client)
    assaults, n = _all_events(client, type="assault")
    assert 0 < n < total and all(e["event"] == "ASSAULT" for e in assaults)
    assert _get(client, "/api/events", type="FIGHT")["total"] == n  # PLOVER alias
    iranian, n = _all_events(client, actor="IRN")
    assert 0 < n < total
    for event in iranian:
        entities = event["actor"] + event["recipient"]
        assert any("IRN" in (x["identifier"], x["code"]) for x in entities), event["id"]
    confident, n = _all_events(client, min_confidence=0.5)
    assert 0 < n < total and all(e["confidence"] >= 0.5 for e in confident)
    plain, n = _all_events(client, aux_mode="none")
    assert 0 < n < total and all(e["aux_mode"] == [] for e in plain)
    reported, n = _all_events(client, aux_mode="reported")
    assert 0 < n and all("reported" in e["aux_mode"] for e in reported)
    country = next(e["event_loc"]["country_code"] for e in events if e["event_loc"])
    located, n = _all_events(client, place=country.lower())
    assert 0 < n < total and all(e["event_loc"]["country_code"] == country for e in located)


def test_api_event_date_filter_keeps_overlapping_spans(client):
    events, _ = _all_events(client)
    year = sorted(e["date"][:4] for e in events if e["date"])[len(events) // 2]
    dated, n = _all_events(client, date_from=year, date_to=f"{year}-12-31")
    assert 0 < n < len(events)
    for event in dated:
        assert event["date"][:4] <= year <= (event["enddate"] or event["date"])[:4], event["id"]
    before, m = _all_events(client, date_to=f"{int(year) - 1}")
    assert not {e["id"] for e in before} & {e["id"] for e in dated if e["enddate"] is None}


def test_api_event_by_id_and_unknown_id(client):
    first = _get(client, "/api/events", limit=1)["items"][0]
    assert _get(client, f"/api/events/{first['id']}") == first
    assert client.get("/api/events/no:such:event").status_code == 404


@pytest.mark.parametrize("url, param", [
    ("/api/events?limit=0", "limit"),
    ("/api/events?limit=1001", "limit"),
    ("/api/events?limit=ten", "limit"),
    ("/api/events?offset=-1", "offset"),
    ("/api/events?offset=999999999999999999999", "offset"),
    ("/api/events?min_confidence=1.5", "min_confidence"),
    ("/api/events?min_confidence=nan", "min_confidence"),
    ("/api/events?date_from=2015-13-01", "date_from"),
    ("/api/events?date_from=yesterday", "date_from"),
    ("/api/events?date_from=\uff12\uff10\uff11\uff15", "date_from"),  # full-width digits
    ("/api/events?date_to=2015-02-30", "date_to"),
    ("/api/events?date_from=2016&date_to=2015", "date_from"),
    ("/api/events?type=NOPE", "type"),
    ("/api/events?aux_mode=maybe", "aux_mode"),
    ("/api/events?actor=", "actor"),
    ("/api/documents?limit=5000", "limit"),
    ("/api/actors?offset=-3", "offset"),
    ("/api/claims?conflicts_only=perhaps", "conflicts_only"),
])
def test_api_bad_parameters_are_422_naming_the_parameter(client, url, param):
    response = client.get(url)
    assert response.status_code == 422, response.text
    assert [param] == [error["loc"][-1] for error in response.json()["detail"]]


def test_api_actors_and_places_have_counts_and_coordinates(client):
    actors = _get(client, "/api/actors", limit=1000)
    assert actors["total"] == len(actors["items"]) > 5
    iran = next(a for a in actors["items"] if a["id"] == "IRN")
    coded = [e for e in _all_events(client, actor="IRN")[0]
             if "IRN" in {x["identifier"] for x in e["actor"] + e["recipient"]}]
    assert iran["mentions"] >= iran["documents"] > 0 and iran["events"] == len(coded) > 0
    places = _get(client, "/api/places", limit=1000)["items"]
    assert places and all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in places if p["lat"] is not None)
    assert sum(p["events"] for p in places) == sum(1 for e in _all_events(client)[0]
                                                   if e["event_loc"] and e["event_loc"]["place_id"])
    page = _get(client, "/api/places", limit=2, offset=1)
    assert page["items"] == places[1:3] and page["total"] == len(places)


def test_api_stories_and_claims(client):
    stories = _get(client, "/api/stories")
    assert stories["total"] >= 1
    assert sorted(d for s in stories["items"] for d in s["doc_ids"]) == sorted(
        d["id"] for d in _get(client, "/api/documents")["items"])
    story = _get(client, f"/api/stories/{stories['items'][0]['id']}")
    assert [d["id"] for d in story["documents"]] and {d["id"] for d in story["documents"]} == set(
        stories["items"][0]["doc_ids"])
    claims = _get(client, "/api/claims", story_id=story["id"], limit=1000)
    assert claims["total"] == len(story["claims"]) and all(c["story_id"] == story["id"] for c in claims["items"])
    conflicts = _get(client, "/api/claims", conflicts_only="true", limit=1000)["items"]
    assert all(c["conflict"] for c in conflicts)
    assert len(conflicts) == sum(s["n_conflicts"] for s in stories["items"])
    assert client.get("/api/stories/st_nope").status_code == 404


def test_api_openapi_schema_documents_endpoints_and_event_fields(client):
    schema = _get(client, "/openapi.json")
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/events", "/api/events/{event_id}",
                 "/api/stories", "/api/stories/{story_id}", "/api/claims", "/api/actors", "/api/places",
                 "/api/ingest"):
        assert path in schema["paths"], path
    event = schema["components"]["schemas"]["EventRecord"]["properties"]
    assert {"event", "actor", "recipient", "event_loc", "evidence", "aux_mode", "outlet"} <= set(event)


def test_api_serves_the_web_ui_at_root(client):
    response = client.get("/")
    assert response.status_code == 200 and "<html" in response.text.lower()


def test_api_ingest_is_refused_by_default(client):
    before = _get(client, "/api/documents")["total"]
    response = client.post("/api/ingest", json={"text": ARTICLE})
    assert response.status_code == 403 and "--enable-ingest" in response.text
    assert _get(client, "/api/documents")["total"] == before


def test_api_ingest_runs_the_pipeline_when_enabled(tmp_path):
    with TestClient(create_app(tmp_path / "new.duckdb", enable_ingest=True)) as client:
        response = client.post("/api/ingest", json={"text": ARTICLE, "outlet": "Example Wire", "date": "2024-05-07"})
        assert response.status_code == 200, response.text
        result = response.json()
        assert result["stored"] and result["published"] == "2024-05-07" and result["events"]
        assert {e["event"] for e in result["events"]} & {"ASSAULT", "MOBILIZE"}
        doc = _get(client, f"/api/documents/{result['id']}")
        for event in result["events"]:
            span = event["evidence"]["event"]
            assert doc["text"][span["start"]:span["end"]] == span["text"]
        again = client.post("/api/ingest", json={"text": ARTICLE}).json()
        assert again["id"] == result["id"] and not again["stored"] and len(again["events"]) == len(result["events"])
        assert _get(client, "/api/events")["total"] == len(result["events"])
        assert client.post("/api/ingest", json={"url": "https://example.org/x"}).status_code == 422
        assert client.post("/api/ingest", json={"text": "  ", "html": ""}).status_code == 422


def test_api_refuses_a_missing_store_without_ingest(tmp_path):
    with pytest.raises(FileNotFoundError):
        create_app(tmp_path / "absent.duckdb")

"""Publication dates: explicit ones, and ranges inferred from what a page says."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.clean.extraction import Extraction
from sitrep.clean.pubdate import infer_publication_date, parse_date_text
from sitrep.errors import SitrepError
from sitrep.kb.date_anchors import load_date_anchors, required_literals
from sitrep.model import Block, DateEstimate, Document, Evidence, Segment

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"
SYRIA_CONTEXT = "Fighting raged in Syria. The Syrian army shelled Idlib. Damascus denied it."


def article(body: str, title: str = "A headline about the fighting", *, hints: dict | None = None,
            fetched_at: str | None = "2024-06-01T00:00:00+00:00",
            clues: dict | None = None, header: str = "") -> tuple[Document, Extraction]:
    """A page "header / title / body" with the extractor's labels set by hand."""
    parts = [(header, "metadata")] if header else []
    parts += [(title, "title"), (body, "body")]
    raw, blocks = "", []
    for text, label in parts:
        start = len(raw)
        raw += text + "\n\n"
        blocks.append(Block(start, start + len(text), label, 1.0, "test"))
    body_start = blocks[-1].start
    extraction = Extraction(body, (Segment(0, body_start, len(body)),), tuple(blocks), (),
                            clues or {}, "test")
    return Document("doc1", "test", raw, "", "text/plain", "utf-8", fetched_at, hints or {}), extraction


def assert_cited(doc: Document, extraction: Extraction, estimate: DateEstimate) -> None:
    for evidence in estimate.evidence:
        layer = doc.raw_text if evidence.layer == "raw" else extraction.text
        assert layer[evidence.start:evidence.end] == evidence.text


def test_pubdate_hint_is_an_explicit_day():
    doc, extraction = article("Nothing dated here.", hints={"date": "2018-04-12"})
    estimate = infer_publication_date(doc, extraction)
    assert (estimate.value, estimate.precision, estimate.method) == ("2018-04-12", "day", "hint:date")
    assert estimate.confidence >= 0.9


def test_pubdate_explicit_argument_is_returned_as_is():
    given = DateEstimate("2019-01-02", "2019-01-02", "2019-01-02", "day", 0.9, "caller")
    doc, extraction = article("Nothing dated here.", hints={"date": "2018-04-12"})
    assert infer_publication_date(doc, extraction, given) is given


def test_pubdate_markup_clue_cites_its_evidence():
    evidence = Evidence("doc1", "raw", 0, 4, "x")
    doc, extraction = article("Body.", clues={"date": (("2019-11-19T10:00:00Z", evidence, "meta:pubdate"),)})
    estimate = infer_publication_date(doc, extraction)
    assert (estimate.value, estimate.method, estimate.evidence) == ("2019-11-19", "clue:meta:pubdate", (evidence,))


def test_pubdate_header_line_date_is_explicit():
    doc, extraction = article("The army advanced.", header="Published: March 5, 2018 | 10:32 GMT")
    estimate = infer_publication_date(doc, extraction)
    assert (estimate.value, estimate.method) == ("2018-03-05", "text:metadata-date")
    assert [e.text for e in estimate.evidence] == ["March 5, 2018"]
    assert_cited(doc, extraction, estimate)


def test_pubdate_relative_years_since_the_war_began():
    doc, extraction = article(f"{SYRIA_CONTEXT} Four years since the war began, the regime is weaker.")
    estimate = infer_publication_date(doc, extraction)
    assert (estimate.earliest, estimate.latest, estimate.value) == ("2015-03-15", "2016-03-14", "2015")
    assert estimate.method == "inferred:relative"
    assert [e.text for e in estimate.evidence] == ["Four years since the war began"]
    assert_cited(doc, extraction, estimate)


def test_pubdate_relative_outbreak_years_ago():
    doc, extraction = article(f"{SYRIA_CONTEXT} The mobilization is unprecedented since the outbreak "
                              "of the war on the country four years ago.")
    estimate = infer_publication_date(doc, extraction)
    assert estimate.earliest == "2015-03-15" and estimate.value == "2015"


def test_pubdate_relative_war_needs_a_known_conflict():
    doc, extraction = article("Four years since the war began, the village is empty.")
    assert infer_publication_date(doc, extraction).value is None


def test_pubdate_latest_anchor_is_the_lower_bound():
    doc, extraction = article("Since the Syrian uprising of 2011 and the fall of Mosul, much changed. "
                              "After the liberation of Raqqa the coalition moved on.")
    estimate = infer_publication_date(doc, extraction)
    assert (estimate.earliest, estimate.value, estimate.precision) == ("2017-10-17", "2017", "range")
    assert "liberation of Raqqa" in [e.text for e in estimate.evidence]
    assert estimate.latest == "2024-06-01"  # the fetch time
    assert_cited(doc, extraction, estimate)


def test_pubdate_weekday_narrows_the_year():
    doc, extraction = article("After the liberation of Raqqa, talks resumed. On Tuesday, November 8, "
                              "the delegations met in Geneva.")
    estimate = infer_publication_date(doc, extraction)
    # November 8 fell on a Tuesday in 2022 only, between Raqqa (2017) and the fetch (2024).
    assert (estimate.value, estimate.precision) == ("2022", "year")
    assert estimate.earliest <= "2022-11-08" <= estimate.latest
    assert "Tuesday, November 8" in [e.text for e in estimate.evidence]


def test_pubdate_month_day_is_placed_after_the_lower_bound():
    doc, extraction = article("Hayat Tahrir al-Sham holds Idlib. On November 8, an adviser to the "
                              "Supreme Leader said that the army will soon advance on the province.")
    estimate = infer_publication_date(doc, extraction)
    assert estimate.earliest == "2017-11-08"
    assert "inferred:" in estimate.method and "month-day" in estimate.method


def test_pubdate_tenure_in_present_tense_gives_an_upper_bound():
    doc, extraction = article(f"{SYRIA_CONTEXT} The Syrian war goes on. Quds Force commander Qassem "
                              "Soleimani visited the front.", fetched_at=None)
    estimate = infer_publication_date(doc, extraction)
    assert estimate.earliest == "2011-03-15"
    assert "2020-01-03" <= estimate.latest <= "2020-06-30"  # his death, plus the writers' lag


def test_pubdate_former_role_gives_no_upper_bound():
    doc, extraction = article("The Syrian war goes on. Former Quds Force commander Qassem Soleimani "
                              "is remembered.", fetched_at=None)
    assert infer_publication_date(doc, extraction).latest is None


def test_pubdate_alternative_tenures_are_a_union():
    doc, extraction = article("President Trump spoke about the Syrian war.", fetched_at="2026-01-01")
    estimate = infer_publication_date(doc, extraction)
    assert estimate.earliest == "2016-12-21"  # first term, less the grace before inauguration
    assert estimate.latest == "2026-01-01"    # the second term is still possible


def test_pubdate_future_years_are_not_lower_bounds():
    doc, extraction = article("The Syrian war began in 2011. Elections will be held in 2030.")
    estimate = infer_publication_date(doc, extraction)
    assert estimate.earliest == "2011-03-15"


def test_pubdate_contradicting_clue_is_dropped_with_lower_confidence():
    clean_doc, clean_extraction = article("After the liberation of Raqqa the coalition moved on.")
    doc, extraction = article(f"{SYRIA_CONTEXT} Four years since the war began. "
                              "After the liberation of Raqqa the coalition moved on.")
    estimate = infer_publication_date(doc, extraction)
    assert estimate.earliest == "2017-10-17"
    assert estimate.confidence < infer_publication_date(clean_doc, clean_extraction).confidence


def test_pubdate_nothing_dated_gives_an_empty_estimate():
    doc, extraction = article("The village council met and discussed the water supply.", fetched_at=None)
    assert infer_publication_date(doc, extraction) == DateEstimate(None)


def test_pubdate_parse_date_text_keeps_precision():
    assert parse_date_text("2018") == (parse_date_text("2018-01-01")[0], "year")
    assert parse_date_text("2018-04")[1] == "month"
    assert parse_date_text("Thu, 12 Apr 2018 10:00:00 GMT")[0].isoformat() == "2018-04-12"
    assert parse_date_text("next door") is None


def test_dates_kb_loads_every_row():
    anchors = load_date_anchors()
    assert len(anchors) >= 80
    assert {a.kind for a in anchors} == {"start", "event", "end", "tenure"}


def test_dates_kb_rejects_a_malformed_row(tmp_path):
    path = tmp_path / "anchors.jsonl"
    path.write_text('{"id": "x", "patterns": ["("], "date": "2011-03-15", "kind": "start", '
                    '"bound": "lower", "note": "", "source": ""}\n', encoding="utf-8")
    with pytest.raises(SitrepError, match="E030"):
        load_date_anchors(path)


def test_dates_kb_required_literals_are_safe():
    assert required_literals(r"\b(?:Syrian )?President (?:Bashar )?Assad\b") == ("President", "Assad")
    assert required_literals(r"\bde-?escalation zones?\b") == ("escalation", "zone")
    assert required_literals(r"\bISIS\b|\bISIL\b") == ()


def _seed(name: str) -> tuple[Document, Extraction]:
    from sitrep.clean.text_blocks import extract_text_page
    from sitrep.ingest.records import make_document

    raw = (SEEDS / name).read_bytes()
    doc = make_document(raw.decode("utf-8"), raw, str(SEEDS / name), "utf-8")
    return doc, extract_text_page(doc)


# Dates from general knowledge of the events each seed reports (not read by the system).
SEED_DATES = {
    "000_040bae981842a2cb.txt": "2018-09-10",
    "001_406a6820b4c94fe9.txt": "2015-05-01",
    "002_ccea2e8ae0adce75.txt": "2017-11-09",
    "003_18035d4b447612ac.txt": "2015-05-01",
    "004_af66bd08bb85c1ca.txt": "2018-04-13",
}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed corpus not available")
@pytest.mark.parametrize("name", sorted(SEED_DATES))
def test_pubdate_seeds_get_an_honest_range_with_evidence(name):
    doc, extraction = _seed(name)
    estimate = infer_publication_date(doc, extraction)
    assert estimate.value is not None and estimate.evidence
    assert estimate.precision in ("range", "year", "month")
    assert estimate.earliest <= SEED_DATES[name] <= (estimate.latest or "9999")
    assert_cited(doc, extraction, estimate)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed corpus not available")
def test_pubdate_seed_years_where_the_page_pins_them():
    values = {name: infer_publication_date(*_seed(name)).value for name in SEED_DATES}
    assert values["001_406a6820b4c94fe9.txt"] == "2015"  # "four years" after the war's outbreak
    assert values["002_ccea2e8ae0adce75.txt"] == "2017"  # HTS exists, "On November 8"
    assert values["004_af66bd08bb85c1ca.txt"] == "2018"  # "victory in Eastern Ghouta"

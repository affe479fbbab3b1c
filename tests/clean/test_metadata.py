"""Page metadata (title, outlet, author, dateline, url) with evidence, and the outlet KB."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.clean.extraction import Extraction
from sitrep.clean.metadata import extract_metadata
from sitrep.errors import SitrepError
from sitrep.kb.outlets import OutletIndex, load_outlets, outlet_index
from sitrep.model import Block, Document, Evidence, Field, Metadata, Segment

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"
PROSE = ("The army said on Monday that its forces had pushed into the northern countryside, "
         "and residents reported heavy shelling around the villages near the main road.")


def page(*lines: tuple[str, str], hints: dict | None = None,
         clues: dict | None = None) -> tuple[Document, Extraction]:
    """A text page from (line, label) pairs; label "" leaves the page unlabelled."""
    raw, blocks, body, segments = "", [], "", []
    for text, label in lines:
        start = len(raw)
        raw += text + "\n\n"
        if label:
            blocks.append(Block(start, start + len(text), label, 1.0, "test"))
        if label in ("body", ""):
            body += ("\n\n" if body else "")
            segments.append(Segment(len(body), start, len(text)))
            body += text
    extraction = Extraction(body, tuple(segments), tuple(blocks), (), clues or {}, "test")
    return Document("doc1", "test", raw, "", "text/plain", "utf-8", None, hints or {}), extraction


def assert_cited(doc: Document, metadata: Metadata) -> None:
    for name in ("title", "outlet", "author", "dateline", "url"):
        for evidence in getattr(metadata, name).evidence:
            assert doc.raw_text[evidence.start:evidence.end] == evidence.text, name


def test_metadata_masthead_line_names_the_outlet():
    doc, extraction = page(("ARA News", "boilerplate"), ("Iran will save Assad", "title"), (PROSE, "body"))
    metadata = extract_metadata(doc, extraction)
    assert (metadata.outlet.value, metadata.outlet.method) == ("ARA News", "text:masthead")
    assert (metadata.title.value, metadata.title.method) == ("Iran will save Assad", "text:title-block")
    assert_cited(doc, metadata)


def test_metadata_source_line_names_a_known_outlet():
    doc, extraction = page(("Iran preparing offensive", "title"),
                           ("Source: NOW Lebanon (Pro-Assad daily: Iran preparing offensive)", "metadata"),
                           (PROSE, "body"))
    outlet = extract_metadata(doc, extraction).outlet
    assert (outlet.value, outlet.method, outlet.confidence) == ("NOW Lebanon", "text:source-line", 0.75)
    assert [e.text for e in outlet.evidence] == ["NOW Lebanon"]


def test_metadata_source_line_keeps_an_unknown_outlet_as_written():
    doc, extraction = page(("A headline here", "title"), (PROSE, "body"),
                           ("Source: Kurdish Daily Bulletin (translated)", "metadata"))
    outlet = extract_metadata(doc, extraction).outlet
    assert (outlet.value, outlet.method) == ("Kurdish Daily Bulletin", "text:source-line-unknown")
    assert outlet.confidence < 0.75


def test_metadata_byline_gives_author_and_agency():
    doc, extraction = page(("Rebels shell the city", "title"), ("By Tom Perry, Reuters", "metadata"),
                           (PROSE, "body"))
    metadata = extract_metadata(doc, extraction)
    assert (metadata.author.value, metadata.author.method) == ("Tom Perry", "text:byline")
    assert (metadata.outlet.value, metadata.outlet.method) == ("Reuters", "text:byline-agency")
    assert_cited(doc, metadata)


def test_metadata_copyright_line_names_the_outlet():
    doc, extraction = page(("Rebels shell the city", "title"), (PROSE, "body"),
                           ("© 2018 Al Jazeera Media Network. All rights reserved.", "boilerplate"))
    outlet = extract_metadata(doc, extraction).outlet
    assert (outlet.value, outlet.method) == ("Al Jazeera", "text:copyright")
    assert [e.text for e in outlet.evidence] == ["Al Jazeera Media Network"]


def test_metadata_dateline_place_and_agency():
    doc, extraction = page(("Army pushes north", "title"), ("BEIRUT (Reuters) - " + PROSE, "body"))
    metadata = extract_metadata(doc, extraction)
    assert (metadata.dateline.value, metadata.dateline.method) == ("BEIRUT", "text:dateline")
    assert (metadata.outlet.value, metadata.outlet.method) == ("Reuters", "text:dateline-agency")
    assert_cited(doc, metadata)


def test_metadata_dateline_town_and_country():
    doc, extraction = page(("Fighters deploy", "title"), ("Qamishli, Syria\u00a0– " + PROSE, "body"))
    assert extract_metadata(doc, extraction).dateline.value == "Qamishli, Syria"


def test_metadata_lone_word_before_a_dash_is_no_dateline():
    doc, extraction = page(("Fighters deploy", "title"), ("Meanwhile – " + PROSE, "body"))
    assert extract_metadata(doc, extraction).dateline == Field(None)


def test_metadata_url_domain_maps_to_the_outlet():
    doc, extraction = page(("Velayati in Damascus", "title"), (PROSE, "body"),
                           hints={"url": "https://www.presstv.ir/Detail/2018/04/12/558263/x"})
    metadata = extract_metadata(doc, extraction)
    assert (metadata.url.method, metadata.outlet.value, metadata.outlet.method) == (
        "hint:url", "Press TV", "text:url-domain")


def test_metadata_outlets_cited_in_the_article_are_not_the_page_outlet():
    doc, extraction = page(("Velayati in Damascus", "title"),
                           ("According to IRNA and Al-Quds al-Arabi, " + PROSE, "body"))
    assert extract_metadata(doc, extraction).outlet == Field(None)


def test_metadata_hints_come_first():
    doc, extraction = page(("ARA News", "boilerplate"), ("Iran will save Assad", "title"), (PROSE, "body"),
                           hints={"title": "Iran will save Assad", "outlet": "associated press",
                                  "author": "Jane Roe"})
    metadata = extract_metadata(doc, extraction)
    assert (metadata.title.method, metadata.outlet.value, metadata.author.value) == (
        "hint:title", "Associated Press", "Jane Roe")
    assert [e.text for e in metadata.title.evidence] == ["Iran will save Assad"]  # found on the page
    assert metadata.author.evidence == ()  # the hint's words are not on the page


def test_metadata_title_clue_loses_its_site_suffix():
    raw_title = "Assad vows to retake Idlib | Al Jazeera"
    evidence = Evidence("doc1", "raw", 0, len(raw_title), raw_title)
    doc, extraction = page((raw_title, "boilerplate"), (PROSE, "body"),
                           clues={"title": ((raw_title, evidence, "html:title"),)})
    metadata = extract_metadata(doc, extraction)
    assert (metadata.title.value, metadata.outlet.value) == ("Assad vows to retake Idlib", "Al Jazeera")
    assert [e.text for e in metadata.outlet.evidence] == ["Al Jazeera"]
    assert_cited(doc, metadata)


def test_metadata_author_box():
    doc, extraction = page(("A headline here", "title"), (PROSE, "body"),
                           ("About Siavosh Hosseini (354 Articles)", "metadata"))
    author = extract_metadata(doc, extraction).author
    assert (author.value, author.method) == ("Siavosh Hosseini", "text:author-box")


def test_metadata_unlabelled_page_uses_a_heading_like_line():
    doc, extraction = page(("Menu Home Contact", ""), ("Army pushes into the northern countryside", ""),
                           (PROSE, ""))
    title = extract_metadata(doc, extraction).title
    assert (title.value, title.method) == ("Army pushes into the northern countryside", "text:heading-line")


def test_outlets_kb_loads_and_looks_up():
    index = outlet_index()
    assert len(index.outlets) >= 200
    assert index.by_name("the associated press").id == "USA_MEDIA_AP"
    assert index.by_name("Al Quds Al-Arabi").id == "GBR_MEDIA_ALQUDS_ALARABI"
    assert index.by_domain("https://edition.cnn.com/2019/x").id == "USA_MEDIA_CNN"
    assert index.by_domain("example.org") is None


def test_outlets_find_in_skips_ordinary_words():
    found = outlet_index().find_in("Dawn raids by AFP photographers; Guardian Council; Al-Quds Al-Arabi")
    assert [o.id for o, _, _ in found] == ["FRA_MEDIA_AFP", "GBR_MEDIA_ALQUDS_ALARABI"]


def test_outlets_kb_rejects_a_name_claimed_twice(tmp_path):
    row = ('{{"id": "{id}", "name": "Same Name", "aliases": [], "ordinary_words": [], "domains": [], '
           '"country": "FRA", "language": "fr", "kind": "online", "ownership": "private", '
           '"note": "", "source": ""}}\n')
    path = tmp_path / "outlets.jsonl"
    path.write_text(row.format(id="FRA_MEDIA_A") + row.format(id="FRA_MEDIA_B"), encoding="utf-8")
    with pytest.raises(SitrepError, match="E030"):
        load_outlets(path)
    path.write_text(row.format(id="FRA_MEDIA_A").replace('"FRA"', '"XYZ"'), encoding="utf-8")
    with pytest.raises(SitrepError, match="E030"):
        load_outlets(path)
    path.write_text(row.format(id="FRA_MEDIA_A"), encoding="utf-8")
    assert isinstance(OutletIndex(load_outlets(path)).by_name("same name").id, str)


def _seed_metadata(name: str) -> tuple[Document, Metadata]:
    from sitrep.clean.text_blocks import extract_text_page
    from sitrep.ingest.records import make_document

    raw = (SEEDS / name).read_bytes()
    doc = make_document(raw.decode("utf-8"), raw, str(SEEDS / name), "utf-8")
    return doc, extract_metadata(doc, extract_text_page(doc))


# What each seed page itself says about its outlet and dateline (None: the page names none).
SEED_FACTS = {
    "000_040bae981842a2cb.txt": (None, None),
    "001_406a6820b4c94fe9.txt": ("NOW Lebanon", "BEIRUT"),
    "002_ccea2e8ae0adce75.txt": (None, None),
    "003_18035d4b447612ac.txt": ("ARA News", "Qamishli, Syria"),
    "004_af66bd08bb85c1ca.txt": (None, None),
}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed corpus not available")
@pytest.mark.parametrize("name", sorted(SEED_FACTS))
def test_metadata_seeds_title_outlet_dateline_and_date(name):
    doc, metadata = _seed_metadata(name)
    assert metadata.title.value and metadata.title.evidence
    assert (metadata.outlet.value, metadata.dateline.value) == SEED_FACTS[name]
    assert metadata.published.value is not None and metadata.published.evidence
    assert_cited(doc, metadata)

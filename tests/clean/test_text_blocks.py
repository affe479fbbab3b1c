"""Tests of the plain-text page cleaner: seeds, small pages imitating other sites, dev news texts."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.clean.extraction import Extraction
from sitrep.clean.text_blocks import extract_text_page, line_key, line_keys
from sitrep.clean.text_features import (
    load_boilerplate_cues,
    match_cue,
    measure,
    split_lines,
)
from sitrep.errors import SitrepError
from sitrep.model import Document

PAGES = Path(__file__).parent / "pages"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "corpus"
SEEDS = SHARED / "seeds"
DEV_NEWS = SHARED / "dev" / "news" / "articles.jsonl"


def make_doc(raw: str, doc_id: str = "doc", **hints: str) -> Document:
    return Document(doc_id, f"{doc_id}.txt", raw, "", "text/plain", "utf-8", hints=hints)


def page(name: str) -> Document:
    return make_doc((PAGES / name).read_text(encoding="utf-8"), name)


def seed_docs() -> list[Document]:
    if not SEEDS.is_dir():
        pytest.skip("shared seeds not present")
    return [make_doc(p.read_text(encoding="utf-8"), p.stem) for p in sorted(SEEDS.glob("*.txt"))]


def check_evidence(doc: Document, ex: Extraction) -> None:
    """Every offset the extraction hands out points at the text it claims."""
    raw = doc.raw_text
    for seg in ex.segments:
        assert ex.text[seg.text_start:seg.text_start + seg.length] == \
            raw[seg.raw_start:seg.raw_start + seg.length]
    paragraphs = len(body_paragraphs(ex))
    joins = 2 * max(paragraphs - 1, 0) + (len(ex.segments) - paragraphs)
    assert sum(seg.length for seg in ex.segments) + joins == len(ex.text)
    for block in ex.blocks:
        assert raw[block.start:block.end].strip() == raw[block.start:block.end]
        assert block.end > block.start
    for comment in ex.comments:
        ev = comment.evidence
        assert ev.layer == "raw" and raw[ev.start:ev.end] == ev.text
        for field in (comment.author, comment.posted):
            for fev in field.evidence:
                assert raw[fev.start:fev.end] == fev.text == field.value
    for candidates in ex.clues.values():
        for _, ev, _ in candidates:
            assert ev is None or raw[ev.start:ev.end] == ev.text


def body_paragraphs(ex: Extraction) -> list[str]:
    return ex.text.split("\n\n") if ex.text else []


def labelled(doc: Document, ex: Extraction, label: str) -> list[str]:
    return [doc.raw_text[b.start:b.end] for b in ex.blocks if b.label == label]


# Boilerplate lines of the kinds every seed shows; none may reach the body.
SEED_BOILERPLATE = (
    "News Ticker", "Leave a Reply", "Leave a comment", "Follow by Email",
    "Click to see the full-size image", "Related Articles", "Back to top button",
    "Your email address will not be published", "Short link", "7 − 2 =", "2,350 $",
    "(354 Articles)", "My background is in the visual arts", "File photo",
    "Consider helping us", "follow us on Twitter", "The Saudi Nuclear Program",
    "0648bc79-8570", "Latest developmentsMiddle East",
)
# Opening words of the first and last paragraph of each seed's article.
SEED_BODY = {
    "000": ("According to recent reports", "Iran has been involved in Syria"),
    "001": ("BEIRUT", "Although not an official part"),
    "002": ("On November 8, Ali Akbar Velayati", "The latest statements of Velayati"),
    "003": ("Qamishli, Syria", "Rebel forces, acting with unprecedented harmony"),
    "004": ("Following Syria", "The Syrian government has over the past few years"),
}


def test_text_blocks_seeds_keep_article_and_drop_boilerplate():
    for doc in seed_docs():
        ex = extract_text_page(doc)
        check_evidence(doc, ex)
        first, last = SEED_BODY[doc.id[:3]]
        paragraphs = body_paragraphs(ex)
        assert any(p.startswith(first) for p in paragraphs[:2]), doc.id
        assert any(p.startswith(last) for p in paragraphs[-2:]), doc.id
        assert len(paragraphs) >= 6, doc.id
        for phrase in SEED_BOILERPLATE:
            assert phrase not in ex.text, (doc.id, phrase)
        cues = load_boilerplate_cues()
        assert not [p for p in paragraphs if match_cue(p, cues)], doc.id


def test_text_blocks_seeds_body_is_most_of_the_article_prose():
    """Long sentence-final lines outside comments and author boxes are almost all body."""
    for doc in seed_docs():
        ex = extract_text_page(doc)
        prose = [b for b in ex.blocks if b.label in ("body", "boilerplate")
                 and measure(doc.raw_text[b.start:b.end]).n_words >= 25]
        kept = [b for b in prose if b.label == "body"]
        assert len(kept) >= 0.9 * len(prose), doc.id


def test_text_blocks_seeds_title_and_metadata_labels():
    for doc in seed_docs():
        ex = extract_text_page(doc)
        (title, evidence, method), = ex.clues["title"]
        assert method == "text_blocks.title"
        assert title not in ex.text
        assert doc.raw_text.splitlines()[0] in title or doc.raw_text.index(title) < 150
    docs = {doc.id[:3]: doc for doc in seed_docs()}
    bio_doc = docs["000"]
    metadata = labelled(bio_doc, extract_text_page(bio_doc), "metadata")
    assert any(line.startswith("About ") for line in metadata)
    assert any(line.startswith("My background") for line in metadata)
    source_doc = docs["003"]
    metadata = labelled(source_doc, extract_text_page(source_doc), "metadata")
    assert any(line.startswith("Source:") for line in metadata)
    assert any("by:" in line for line in metadata)


def test_text_blocks_seed_comments_are_separate():
    docs = {doc.id[:3]: doc for doc in seed_docs()}
    doc = docs["002"]
    ex = extract_text_page(doc)
    check_evidence(doc, ex)
    assert len(ex.comments) >= 15
    assert sum(1 for c in ex.comments if c.author.value) >= 10
    for comment in ex.comments:
        assert comment.text.splitlines()[0] not in ex.text
    for other in ("000", "001", "003", "004"):
        assert extract_text_page(docs[other]).comments == ()


def test_text_blocks_nav_menu_page():
    doc = page("nav_menu_article.txt")
    ex = extract_text_page(doc)
    check_evidence(doc, ex)
    for item in ("Home", "World", "Middle East", "Contact Us", "Search", "Tweet",
                 "Share on Facebook", "Privacy Policy", "All rights reserved", "Tags:"):
        assert item not in ex.text
    paragraphs = body_paragraphs(ex)
    assert paragraphs[0].startswith("At least nine civilians")
    assert paragraphs[-1].startswith("A government negotiator")
    assert "Truce talks stall" in paragraphs, "a lone subheading inside the body is kept"
    assert ex.clues["title"][0][0] == "Shelling hits market in Taiz as truce talks stall"
    assert {"By Amal Haddad", "March 14, 2021"} <= set(labelled(doc, ex, "metadata"))


def test_text_blocks_donation_and_captcha_page():
    doc = page("donation_captcha.txt")
    ex = extract_text_page(doc)
    check_evidence(doc, ex)
    for item in ("1,240 €", "Donate", "support our work", "Post a comment", "3 + 4", "Photo:",
                 "Our goal"):
        assert item not in ex.text
    assert len(body_paragraphs(ex)) == 3
    assert ex.clues["title"][0][0].startswith("Drone strike kills two commanders")


def test_text_blocks_related_lists_page():
    doc = page("related_lists.txt")
    ex = extract_text_page(doc)
    check_evidence(doc, ex)
    for item in ("Trending now", "Ukraine grain corridor", "Red Sea", "You may also like",
                 "Rebels seize mining town", "Ebola outbreak", "Read also"):
        assert item not in ex.text
    assert "• Shelter, as most families are sleeping in schools and churches." in ex.text
    assert ex.comments == (), "an article's own bullet list is not a comment thread"
    assert ex.clues["title"][0][0] == "Militia clashes force hundreds to flee in eastern Congo"


def test_text_blocks_author_bio_source_and_share_page():
    doc = page("wordpress_says.txt")
    ex = extract_text_page(doc)
    check_evidence(doc, ex)
    for item in ("Photo credit", "Source:", "Short link", "About the author", "Karim Nassar",
                 "thoughts on", "Leave a Reply", "Follow by Email", "baby formula"):
        assert item not in ex.text
    metadata = labelled(doc, ex, "metadata")
    assert "Source: Levant Relief Network" in metadata
    assert any(line.startswith("Karim Nassar is a freelance reporter") for line in metadata)
    assert len(body_paragraphs(ex)) == 3


def test_text_blocks_hard_wrapped_paragraphs_join():
    doc = page("hard_wrapped.txt")
    ex = extract_text_page(doc)
    check_evidence(doc, ex)
    paragraphs = body_paragraphs(ex)
    assert len(paragraphs) == 3
    assert "\n" not in ex.text.replace("\n\n", "")
    assert paragraphs[0].endswith("most of them small arms fire at night.")
    assert "SUBSCRIBE" not in ex.text and "Back to top" not in ex.text
    assert len(ex.segments) == 10, "one segment per wrapped line"


def test_text_blocks_every_line_gets_a_block():
    doc = page("nested_thread_times.txt")
    ex = extract_text_page(doc)
    assert len(ex.blocks) == len(split_lines(doc.raw_text))
    assert all(b.reason for b in ex.blocks)
    assert all(0 <= b.score <= 1 for b in ex.blocks)
    assert ex.method == "text_blocks.v1"


def test_text_blocks_title_hint_wins():
    raw = ("Breaking news ticker headline here\n\nOfficial: two soldiers killed in ambush\n\n"
           "Two soldiers were killed in an ambush on a patrol near the border on Monday, "
           "the army said in a statement issued late in the evening.\n")
    without = extract_text_page(make_doc(raw))
    with_hint = extract_text_page(make_doc(raw, title="Official: Two soldiers killed in ambush"))
    assert without.clues["title"][0][0] == "Breaking news ticker headline here"
    assert with_hint.clues["title"][0][0] == "Official: two soldiers killed in ambush"


def test_text_blocks_lines_repeated_across_batch_are_boilerplate():
    shared = "Gulf Wire Media, independent news since 2009"
    raws = [(PAGES / name).read_text(encoding="utf-8") for name in
            ("nav_menu_article.txt", "donation_captcha.txt", "related_lists.txt")]
    # The shared line sits between two body paragraphs, where a lone short line is body.
    raws = [_insert_after_first_paragraph(raw, shared) for raw in raws]
    counts: dict[str, int] = {}
    for raw in raws:
        for key in line_keys(raw):
            counts[key] = counts.get(key, 0) + 1
    alone = extract_text_page(make_doc(raws[0]))
    assert shared in alone.text
    batched = extract_text_page(make_doc(raws[0]), counts, len(raws))
    assert shared not in batched.text
    assert "At least nine civilians" in batched.text


def _insert_after_first_paragraph(raw: str, line: str) -> str:
    lines = raw.split("\n")
    first = next(n for n, text in enumerate(lines) if len(text.split()) > 20)
    return "\n".join(lines[:first + 1] + ["", line] + lines[first + 1:])


def test_text_blocks_line_key_folds_case_digits_and_punctuation():
    assert line_key("  12 Comments ") == line_key("3 comments") == "0 comments"
    assert line_key("Share:") == line_key("SHARE")
    assert line_key("Click to see the full-size image") == "click to see the full size image"
    assert line_key("2,350 $") == line_key("789 $")


def test_text_blocks_dev_news_texts_survive_nearly_whole():
    """On 20 clean news bodies (no known boilerplate cue on any line) the cleaner keeps
    nearly everything: it must not eat prose that merely looks unusual."""
    if not DEV_NEWS.is_file():
        pytest.skip("dev news corpus not present")
    cues = load_boilerplate_cues()
    kept_total = raw_total = checked = 0
    with DEV_NEWS.open(encoding="utf-8") as handle:
        for row_text in handle:
            row = json.loads(row_text)
            raw = row["text"]
            lines = split_lines(raw)
            if len(raw) < 1000 or any(match_cue(line.text, cues) for line in lines):
                continue
            doc = make_doc(raw, row["id"])
            ex = extract_text_page(doc)
            check_evidence(doc, ex)
            total = sum(len(line.text) for line in lines)
            kept = sum(seg.length for seg in ex.segments)
            assert kept >= 0.9 * total, row["id"]
            assert ex.comments == (), row["id"]
            kept_total += kept
            raw_total += total
            checked += 1
            if checked == 20:
                break
    assert checked == 20
    assert kept_total >= 0.95 * raw_total


def test_text_blocks_cue_loader_rejects_bad_rows(tmp_path):
    good = {"pattern": "share", "match": "line", "label": "boilerplate", "role": "share",
            "source": "test"}
    bad_rows = [
        {**good, "match": "glob"},
        {**good, "role": "unknown"},
        {**good, "source": ""},
        {**good, "match": "regex", "pattern": "(unclosed"},
        {**good, "max_words": 0},
    ]
    for number, row in enumerate(bad_rows):
        path = tmp_path / f"cues{number}.jsonl"
        path.write_text(json.dumps(row) + "\n", encoding="utf-8")
        with pytest.raises(SitrepError) as error:
            load_boilerplate_cues(path)
        assert error.value.code == "E030"
    duplicate = tmp_path / "dup.jsonl"
    duplicate.write_text(json.dumps(good) + "\n" + json.dumps({**good, "pattern": "Share:"}) + "\n")
    with pytest.raises(SitrepError, match="duplicate"):
        load_boilerplate_cues(duplicate)
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n")
    with pytest.raises(SitrepError, match="broken.jsonl line 1"):
        load_boilerplate_cues(broken)


def test_text_blocks_shipped_cues_all_have_sources():
    cues = load_boilerplate_cues()
    assert len(cues) > 50
    assert all(cue.source for cue in cues)


def test_text_blocks_news_promos_credits_and_capital_links():
    """Related-story links in capitals, photo credits, app and newsletter prompts and
    credit lines between or after the paragraphs of an article are not body."""
    doc = page("news_promos_credits.txt")
    ex = extract_text_page(doc)
    check_evidence(doc, ex)
    for item in ("MILITANTS CLAIM ATTACK", "STORY:", "AP Photo", "CLICK HERE", "Read more",
                 "Download the", "newsletter", "contributed to this report"):
        assert item not in ex.text, item
    paragraphs = body_paragraphs(ex)
    assert paragraphs[0].startswith("BAGHDAD — Iraqi troops")
    assert paragraphs[-1].startswith("Engineers were clearing")
    assert len([p for p in paragraphs if len(p.split()) > 15]) == 4
    assert "ARMY REINFORCEMENTS" in paragraphs, "a short capital subheading stays"
    assert ex.clues["title"][0][0].startswith("Iraqi forces retake village")
    assert "The Associated Press contributed to this report." in labelled(doc, ex, "metadata")


def test_text_blocks_capital_headline_is_title_not_link():
    """A page whose own headline is in capitals keeps it as the title, and a capital
    sentence inside a paragraph (a quoted shout) stays in the body."""
    raw = ("SHELLING KILLS FIVE IN BORDER TOWN, OFFICIALS SAY\n\n"
           "Five people were killed when shells hit a market in a border town on Friday, "
           "local officials said, blaming forces across the frontier.\n\n"
           "WE WILL NOT LEAVE OUR HOMES NO MATTER HOW MANY SHELLS FALL ON THE TOWN!\n\n"
           "The town has been shelled almost daily since the ceasefire collapsed last month, "
           "and most shops have closed as families moved to shelters.\n")
    ex = extract_text_page(make_doc(raw))
    assert ex.clues["title"][0][0] == "SHELLING KILLS FIVE IN BORDER TOWN, OFFICIALS SAY"
    assert "WE WILL NOT LEAVE OUR HOMES" in ex.text
    assert len(body_paragraphs(ex)) == 3
    with_hint = extract_text_page(make_doc(raw, title="Five killed as shells hit market"))
    assert "SHELLING KILLS FIVE" not in with_hint.text


def test_text_blocks_credit_and_prompt_cues_spare_prose():
    """The new cues match short credit and prompt lines, not paragraphs that mention them."""
    cues = load_boilerplate_cues()
    for line in ("Fox News' Jane Roe and The Associated Press contributed to this report.",
                 "Troops patrol near the border. (AP Photo/John Doe)",
                 "A fighter in Idlib on Monday. Jane Doe/AFP/Getty Images",
                 "CLICK HERE TO GET THE FOX NEWS APP",
                 "Sign up for Daily Newsletters Manage Newsletters",
                 "Get the stories you care about delivered to your inbox. By signing up, you agree "
                 "to our Privacy Policy",
                 "You agree to receive occasional updates and special offers for The Daily's products and services.",
                 "RELATED STORY: Ceasefire talks resume",
                 "Photos: Photos: Shelling in Aleppo Photos: Photos: Shelling in Aleppo – A man carries a child.",
                 "Hide Caption 4 of 27 Photos: Shelling in Aleppo – Residents flee the old city.",
                 "JUST WATCHED Residents flee Aleppo Replay More Videos ... MUST WATCH Residents flee Aleppo 02:23",
                 "JUST WATCHED Are Israeli ground forces moving into Gaza?",
                 "MUST WATCH Are Israeli ground forces moving into Gaza?"):
        assert match_cue(line, cues) is not None, line
    prose = ("The spokesman said the app, which residents use to report shelling, had been "
             "blocked, and that anyone who wanted to click here or there to reach it would fail "
             "until the network was repaired by engineers working for the state operator.")
    assert match_cue(prose, cues) is None
    agreed = "By signing the accord in Doha, you agree to nothing, the Taliban told the envoys on Saturday."
    assert match_cue(agreed, cues) is None
    assert match_cue("You agree to the ceasefire or we strike, the commander told the rebels.", cues) is None

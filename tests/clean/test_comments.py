"""Tests of reader-comment thread parsing in flattened text pages."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.clean.comments import comment_records, find_comments
from sitrep.clean.text_blocks import extract_text_page
from sitrep.clean.text_features import load_boilerplate_cues, split_lines
from sitrep.model import Comment, Document

PAGES = Path(__file__).parent / "pages"
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds"


def make_doc(raw: str, doc_id: str = "doc") -> Document:
    return Document(doc_id, f"{doc_id}.txt", raw, "", "text/plain", "utf-8")


def page_comments(name: str) -> tuple[Document, tuple[Comment, ...], str]:
    doc = make_doc((PAGES / name).read_text(encoding="utf-8"), name)
    ex = extract_text_page(doc)
    return doc, ex.comments, ex.text


def check_comment_evidence(doc: Document, comments: tuple[Comment, ...]) -> None:
    raw = doc.raw_text
    for number, comment in enumerate(comments):
        ev = comment.evidence
        assert ev.doc_id == doc.id and ev.layer == "raw"
        assert raw[ev.start:ev.end] == ev.text
        assert [line.strip() for line in ev.text.splitlines() if line.strip()] == \
            comment.text.splitlines()
        for field in (comment.author, comment.posted):
            if field.value is not None:
                (fev,) = field.evidence
                assert raw[fev.start:fev.end] == fev.text == field.value
                assert 0 < field.confidence <= 1 and field.method
        if comment.parent is not None:
            assert comment.parent < number
            assert comments[comment.parent].depth < comment.depth
        else:
            assert comment.depth == 0 or all(c.depth >= comment.depth for c in comments[:number])


def test_comments_seed_bulleted_thread():
    if not SEEDS.is_dir():
        pytest.skip("shared seeds not present")
    threads = []
    for path in sorted(SEEDS.glob("*.txt")):
        doc = make_doc(path.read_text(encoding="utf-8"), path.stem)
        ex = extract_text_page(doc)
        check_comment_evidence(doc, ex.comments)
        if ex.comments:
            threads.append((doc, ex))
    assert len(threads) == 1, "exactly one seed carries a comment thread"
    doc, ex = threads[0]
    comments = ex.comments
    assert len(comments) >= 15
    authored = [c for c in comments if c.author.value]
    assert len(authored) >= 10
    assert all(len(c.author.value.split()) <= 5 for c in authored)
    assert {c.depth for c in comments} >= {0, 1, 2}
    assert any(c.parent is not None for c in comments)
    assert any(c.author.value is None for c in comments), "bullets with text and no name"
    for comment in comments:
        assert "•" not in comment.text
        for line in comment.text.splitlines():
            assert line not in ex.text
    multi_line = [c for c in comments if len(c.text.splitlines()) > 1]
    assert multi_line, "a comment spread over several lines stays one record"


def test_comments_nested_thread_with_times():
    doc, comments, body = page_comments("nested_thread_times.txt")
    check_comment_evidence(doc, comments)
    assert [c.author.value for c in comments] == ["Sami_R", "Leila K.", "Sami_R", "Tom Becker"]
    assert [c.posted.value for c in comments] == [
        "2 hours ago", "1 hour ago", "45 minutes ago", "5 hours ago"]
    assert [c.depth for c in comments] == [0, 1, 2, 0]
    assert [c.parent for c in comments] == [None, 0, 1, None]
    assert all("Reply" not in c.text for c in comments)
    assert "Nobody talks about the villages" not in body
    assert "Fighting resumed on Saturday" in body


def test_comments_inline_times_and_dash_bullets():
    doc, comments, body = page_comments("inline_time_thread.txt")
    check_comment_evidence(doc, comments)
    assert [c.author.value for c in comments] == ["Harbour Watcher", "Yusuf A.", "M. Rahimi"]
    assert [c.posted.value for c in comments] == ["3 days ago", "2 days ago", "1 day ago"]
    assert [c.depth for c in comments] == [0, 1, 0]
    assert comments[1].parent == 0
    assert all("Like" not in c.text.splitlines() for c in comments)
    assert "coast guard" not in body and "Load more" not in body


def test_comments_wordpress_says_headers():
    doc, comments, body = page_comments("wordpress_says.txt")
    check_comment_evidence(doc, comments)
    assert [c.author.value for c in comments] == ["Nour", "Daniel H"]
    assert [c.posted.value for c in comments] == ["April 3, 2020 at 10:12 pm",
                                                  "April 4, 2020 at 8:05 am"]
    assert all(c.depth == 0 and c.parent is None for c in comments)
    assert comments[1].text == "Twelve trucks for a town of forty thousand people is not nearly enough."


def test_comments_none_in_article_bullet_list():
    _, comments, _ = page_comments("related_lists.txt")
    assert comments == ()


def test_comments_byline_over_update_time_is_not_a_thread():
    raw = ("Kevin Johnson\n2 hours ago\n\nThe army said on Monday that it had retaken the "
           "town after three days of fighting, and that demining teams had begun work.\n\n"
           "Residents said they expected to return within the week.\n")
    lines = split_lines(raw)
    assert find_comments(lines, load_boilerplate_cues()) == ()
    assert "The army said on Monday" in extract_text_page(make_doc(raw)).text


def test_comments_one_timed_comment_under_a_heading_counts():
    raw = ("The army said on Monday that it had retaken the town after three days of "
           "fighting, and that demining teams had begun work.\n\nComments\n\nAli R\n"
           "3 hours ago\nLet us hope the mines are cleared before people return.\n")
    doc = make_doc(raw)
    found = find_comments(split_lines(raw), load_boilerplate_cues())
    (comment,) = comment_records(doc.id, raw, found)
    assert comment.author.value == "Ali R"
    assert comment.text == "Let us hope the mines are cleared before people return."
    assert "mines are cleared" not in extract_text_page(doc).text


def test_comments_heading_ending_in_said_is_not_a_header():
    raw = ("Intro paragraph of the analysis, which explains what the president proposed and "
           "why it matters for the region.\n\nWhat the President said:\n\"We will act.\"\n\n"
           "What the President said:\n\"We will not wait.\"\n")
    assert find_comments(split_lines(raw), load_boilerplate_cues()) == ()

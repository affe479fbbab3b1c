"""Page metadata (title, outlet, author, dateline, URL, publication date), each with evidence.

Each field has its own cascade; a step runs only while the field is still empty:

1. Container hints (`doc.hints`: JSONL fields, WARC headers), method "hint:<key>",
   confidence 0.95. Hints are not part of the page, so their evidence is empty unless the
   same words are found on the page.
2. Extractor clues (`extraction.clues`: meta tags, JSON-LD, <title>, the text extractor's
   headline), method "clue:<clue method>", confidence by source (`CLUE_CONFIDENCE`).
3. The page text, method "text:<rule>":
   title    the line labelled "title" (0.80); else the first heading-like header line whose
            words recur in the body (0.50).
   outlet   a masthead line that is a KB outlet (0.80); a "Source: X" line (0.75 when X is
            in the KB, 0.50 as written); a copyright line "© 2018 X" (0.70 / 0.45); a
            byline or dateline naming an agency, "By X, Reuters", "BEIRUT (AP) -" (0.60);
            the URL's domain in the KB (0.80); a KB outlet named on a short line at the
            top or bottom of the page, outside the article (0.40). Outlets named inside
            the article are sources it cites, never the page's outlet.
   author   a byline "By X" / "Written by X" / "Reporting by X" (0.75); an author box
            "About X (N Articles)" (0.70).
   dateline the place opening the first paragraph, "BEIRUT -", "Qamishli, Syria -" (0.75).
   url      the document's source when it is a web address (0.90).
4. The publication date comes from `pubdate.infer_publication_date` (its own cascade).

An outlet found in the KB is reported under its KB name (`outlets.outlet_index().by_name`
gives its id back); otherwise as written. Lines labelled "comment" are never read.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from sitrep.clean.extraction import Extraction
from sitrep.clean.page_spans import (
    PageLine,
    article_lines,
    footer_lines,
    header_lines,
    page_lines,
    raw_evidence,
)
from sitrep.clean.pubdate import HINT_CONFIDENCE, infer_publication_date
from sitrep.kb.outlets import Outlet, name_key, outlet_index
from sitrep.model import Document, Evidence, Field, Metadata

logger = logging.getLogger(__name__)

# Container hints (JSONL fields, WARC headers) weigh the same as for dates: HINT_CONFIDENCE.
# Markup made for machines is more reliable than a <title>, which often carries the site name.
CLUE_CONFIDENCE = {"meta": 0.85, "jsonld": 0.85, "microdata": 0.85, "link": 0.85, "html": 0.70}
DEFAULT_CLUE_CONFIDENCE = 0.80
TEXT_CONFIDENCE = {
    "title-block": 0.80, "heading-line": 0.50,
    "masthead": 0.80, "source-line": 0.75, "source-line-unknown": 0.50,
    "copyright": 0.70, "copyright-unknown": 0.45, "byline-agency": 0.60,
    "dateline-agency": 0.60, "url-domain": 0.80, "edge-line": 0.40,
    "byline": 0.75, "author-box": 0.70, "dateline": 0.75, "source": 0.90,
}
# Heading-like lines: word counts of a headline, and the share of its words the body repeats.
HEADING_MIN_WORDS, HEADING_MAX_WORDS = 3, 25
HEADING_MIN_OVERLAP = 0.5
HEADING_WORD_MIN_CHARS = 4
# Short lines only: a line longer than this is prose, not a masthead, byline or credit.
SHORT_LINE_CHARS = 100
EDGE_LINES = 5
# The dateline opens one of the first paragraphs (a pull quote or standfirst may come first).
DATELINE_PARAGRAPHS = 3
MAX_NAME_WORDS = 6

_NAME_WORD = r"(?:[A-Z][\w.'’-]*|(?:al|el|bin|ibn|de|van|von|der|da|di|le|la)(?:-[\w’']+)?)"
_PERSON = rf"[A-Z][\w.'’-]*(?:\s+{_NAME_WORD}){{1,4}}"
BYLINE = re.compile(rf"^(?:By|BY|Written by|Words by|Posted by|Reporting by|Reported by|Report by|"
                    rf"Author|Authors|Writer)\s*:?\s+(?P<name>{_PERSON}(?:\s*(?:,|and|&)\s*{_PERSON})*)"
                    rf"(?:\s*(?:,|\||-|–|—|/)\s*(?P<outlet>[^;|]+?))?\s*(?:[;|].*)?$")
AUTHOR_BOX = re.compile(rf"^About\s+(?P<name>{_PERSON})\s*\(\s*\d[\d,]*\s+(?:articles?|posts?|stories)\s*\)",
                        re.I)
SOURCE_LINE = re.compile(r"^(?:Sources?|Via|Courtesy(?:\s+of)?)\s*[:\-–—]\s*(?P<name>.+?)\s*$", re.I)
COPYRIGHT = re.compile(r"(?:©|\(c\)|\bcopyright\b)\s*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s*,?\s*)?"
                       r"(?P<name>[^.|,©\d][^.|,©]*?)\s*(?:(?:19|20)\d{2})?\s*(?:[.|,]|all rights|$)", re.I)
# Dateline at the start of the first paragraph: a place in capitals or "Town, Country",
# an optional date and "(Agency)", then a dash.
_TITLE_WORD = r"[A-Z][\w.'’-]*"
DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*(?:,\s+{_TITLE_WORD}(?:\s+{_TITLE_WORD})*)?"
    rf"|{_TITLE_WORD}(?:\s+{_TITLE_WORD})*,\s+{_TITLE_WORD}(?:\s+{_TITLE_WORD})*"
    rf"|(?P<plain>{_TITLE_WORD}(?:\s+{_TITLE_WORD})*))"
    r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)?"
    r"\s*(?:\((?P<agency>[^)]{1,40})\))?\s*[-–—]{1,2}\s")
# A title's trailing site name: "Headline | Al Jazeera", "Headline - BBC News".
TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+(?P<site>[^|–—]{2,60})$")
_WORD = re.compile(r"[\w’']+")


def extract_metadata(doc: Document, extraction: Extraction) -> Metadata:
    """Title, outlet, author, dateline, url and publication date of one page.

    doc (Document): the page and its container hints.
    extraction (Extraction): the extractor's body, labelled blocks and markup clues.
    RETURNS (Metadata): every field with its value, confidence, method and evidence
        (Field(None) where nothing on or about the page says it).
    """
    lines = [line for line in page_lines(doc, extraction) if line.label != "comment"]
    url = _first(_hint_fields(doc, "url"), _clue_fields(extraction, "url"), _source_url(doc))
    return Metadata(
        title=_first(_hint_fields(doc, "title"), _title_clues(extraction), _title_from_text(doc, extraction, lines)),
        outlet=_first(_hint_fields(doc, "outlet"), _outlet_clues(extraction), _outlet_from_text(doc, lines, url)),
        author=_first(_hint_fields(doc, "author"), _author_clues(extraction), _author_from_text(doc, lines)),
        dateline=_first(_dateline_from_text(doc, lines)),
        url=url,
        published=infer_publication_date(doc, extraction),
    )


def _first(*steps: Iterator[Field]) -> Field:
    """The first field with a value: the cascade. Steps are generators, so a step's work is
    done only when every step before it came back empty."""
    for step in steps:
        for found in step:
            if found.value:
                return found
    return Field(None)


def _text_field(value: str, rule: str, evidence: tuple[Evidence, ...]) -> Field:
    return Field(" ".join(value.split()), TEXT_CONFIDENCE[rule], f"text:{rule}", evidence)


def _canonical(outlet: Outlet | None, written: str) -> str:
    return outlet.name if outlet else written


# ---------------------------------------------------------------- steps 1 and 2

def _hint_fields(doc: Document, key: str) -> Iterator[Field]:
    value = " ".join((doc.hints.get(key) or "").split())
    if not value:
        return
    if key == "outlet":
        value = _canonical(outlet_index().by_name(value), value)
    at = doc.raw_text.find(value)
    evidence = (raw_evidence(doc, at, at + len(value)),) if at >= 0 else ()
    yield Field(value, HINT_CONFIDENCE, f"hint:{key}", evidence)


def _clue_fields(extraction: Extraction, key: str) -> Iterator[Field]:
    """The clues for one field, most reliable kind of markup first (page order within one)."""
    fields = []
    for value, evidence, method in extraction.clues.get(key, ()):
        confidence = CLUE_CONFIDENCE.get(method.split(":")[0], DEFAULT_CLUE_CONFIDENCE)
        fields.append(Field(" ".join(value.split()), confidence, f"clue:{method}", (evidence,) if evidence else ()))
    yield from sorted(fields, key=lambda f: -f.confidence)


def _author_clues(extraction: Extraction) -> Iterator[Field]:
    """Author clues that name someone: profile URLs are skipped, a leading "By" is cut."""
    for found in _clue_fields(extraction, "author"):
        if "://" in found.value or found.value.startswith("www."):
            continue
        byline = re.match(r"^By\s+", found.value, re.I)
        if byline and found.evidence and found.evidence[0].text.startswith(byline.group(0)):
            cut = len(byline.group(0))
            ev = found.evidence[0]
            found = Field(found.value[cut:], found.confidence, found.method,
                          (Evidence(ev.doc_id, ev.layer, ev.start + cut, ev.end, ev.text[cut:]),))
        yield found


def _title_clues(extraction: Extraction) -> Iterator[Field]:
    """Title clues, with a trailing "| Site Name" cut off when it is a KB outlet or the
    page's own site-name clue."""
    sites = {name_key(f.value) for f in _clue_fields(extraction, "outlet")}
    for found in _clue_fields(extraction, "title"):
        split = _title_site_split(found, sites)
        yield split[0] if split else found


def _outlet_clues(extraction: Extraction) -> Iterator[Field]:
    for found in _clue_fields(extraction, "outlet"):
        yield Field(_canonical(outlet_index().by_name(found.value), found.value), found.confidence,
                    found.method, found.evidence)
    for found in _clue_fields(extraction, "title"):
        split = _title_site_split(found, set())
        if split:
            yield split[1]


def _title_site_split(title: Field, sites: set[str]) -> tuple[Field, Field] | None:
    """("Headline", site) from a title clue "Headline | Site", when Site is a KB outlet
    (reported under its KB name) or one of `sites` (name keys of the page's site names)."""
    match = TITLE_SUFFIX.search(title.value or "")
    if match is None:
        return None
    headline, site = title.value[:match.start()], match.group("site")
    outlet = outlet_index().by_name(site)
    if outlet is None and name_key(site) not in sites:
        return None
    evidence = title.evidence[0] if title.evidence else None
    head_ev, site_ev = (), ()
    if evidence and evidence.text.endswith(site) and evidence.text.startswith(headline):
        head_ev = (Evidence(evidence.doc_id, evidence.layer, evidence.start,
                            evidence.start + len(headline), headline),)
        site_ev = (Evidence(evidence.doc_id, evidence.layer, evidence.end - len(site), evidence.end, site),)
    return (Field(headline, title.confidence, title.method, head_ev),
            Field(_canonical(outlet, site), title.confidence, f"{title.method}-suffix", site_ev))


def _source_url(doc: Document) -> Iterator[Field]:
    if re.match(r"^https?://", doc.source):
        yield Field(doc.source, TEXT_CONFIDENCE["source"], "source", ())


# ---------------------------------------------------------------- step 3: the page text

def _title_from_text(doc: Document, extraction: Extraction, lines: list[PageLine]) -> Iterator[Field]:
    for line in lines:
        if line.label == "title":
            yield _text_field(line.text, "title-block", (raw_evidence(doc, line.start, line.end),))
            return
    for line in header_lines(lines):
        # The line itself may be part of the body text when the page is unlabelled.
        body_words = {w.lower() for w in _WORD.findall(extraction.text.replace(line.text, "", 1))}
        if _heading_like(line.text, body_words):
            yield _text_field(line.text, "heading-line", (raw_evidence(doc, line.start, line.end),))
            return


def _heading_like(text: str, body_words: set[str]) -> bool:
    """A headline: a few words, no closing full stop, most of them used again in the body."""
    words = _WORD.findall(text)
    if not HEADING_MIN_WORDS <= len(words) <= HEADING_MAX_WORDS or text.rstrip().endswith((".", ",", ";", ":")):
        return False
    content = [w.lower() for w in words if len(w) >= HEADING_WORD_MIN_CHARS]
    return bool(content) and sum(w in body_words for w in content) / len(content) >= HEADING_MIN_OVERLAP


def _outlet_from_text(doc: Document, lines: list[PageLine], url: Field) -> Iterator[Field]:
    outside = header_lines(lines) + footer_lines(lines)
    metadata_lines = [line for line in lines if line.label == "metadata"]
    yield from _masthead(doc, outside)
    candidates = _unique(metadata_lines + outside + article_lines(lines))
    yield from _named_outlets(doc, candidates, SOURCE_LINE, "source-line")
    yield from _named_outlets(doc, _unique(metadata_lines + outside), COPYRIGHT, "copyright")
    yield from _byline_agencies(doc, _unique(metadata_lines + outside + article_lines(lines)[:2]))
    yield from _url_outlet(url)
    yield from _edge_mentions(doc, outside)


def _unique(lines: list[PageLine]) -> list[PageLine]:
    seen: set[int] = set()
    return [line for line in lines if not (line.start in seen or seen.add(line.start))]


def _masthead(doc: Document, lines: list[PageLine]) -> Iterator[Field]:
    for line in lines:
        outlet = outlet_index().by_name(line.text) if line.label != "title" else None
        if outlet:
            yield _text_field(outlet.name, "masthead", (raw_evidence(doc, line.start, line.end),))


def _named_outlets(doc: Document, lines: list[PageLine], pattern: re.Pattern[str], rule: str) -> Iterator[Field]:
    """Outlets named by "Source: X" or "© 2018 X" lines: KB name first, else as written."""
    for line in lines:
        if len(line.text) > SHORT_LINE_CHARS * 2:
            continue
        match = pattern.search(line.text)
        if not match:
            continue
        start, end = match.span("name")
        name_text = line.text[start:end]
        known = _known_outlet_at(name_text)
        if known:
            outlet, known_start, known_end = known
            yield _text_field(outlet.name, rule, (raw_evidence(doc, line.start + start + known_start,
                                                               line.start + start + known_end),))
        elif (written := _written_name(name_text)) is not None:
            yield _text_field(written, f"{rule}-unknown",
                              (raw_evidence(doc, line.start + start, line.start + start + len(written)),))


def _known_outlet_at(text: str) -> tuple[Outlet, int, int] | None:
    """A KB outlet that is the whole text, or the first one named in it."""
    outlet = outlet_index().by_name(text)
    if outlet:
        return outlet, 0, len(text)
    found = outlet_index().find_in(text)
    return found[0] if found else None


def _written_name(text: str) -> str | None:
    """An outlet name as written: up to a parenthesis or separator, a few capitalised words."""
    name = re.split(r"\s*[(\[|;:–—]|\s-\s", text)[0].strip()
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or not words[0][:1].isupper() or "all rights" in name.lower():
        return None
    return name


def _byline_agencies(doc: Document, lines: list[PageLine]) -> Iterator[Field]:
    """"By X, Reuters" and "BEIRUT (AP) -": the agency a byline or dateline credits."""
    for line in lines:
        for pattern, group, rule in ((BYLINE, "outlet", "byline-agency"), (DATELINE, "agency", "dateline-agency")):
            match = pattern.match(line.text)
            if match and match.group(group):
                start, end = match.span(group)
                outlet = outlet_index().by_name(match.group(group))
                if outlet:
                    yield _text_field(outlet.name, rule, (raw_evidence(doc, line.start + start, line.start + end),))


def _url_outlet(url: Field) -> Iterator[Field]:
    outlet = outlet_index().by_domain(url.value) if url.value else None
    if outlet:
        yield Field(outlet.name, TEXT_CONFIDENCE["url-domain"], "text:url-domain", url.evidence)


def _edge_mentions(doc: Document, outside: list[PageLine]) -> Iterator[Field]:
    """A KB outlet named on a short line among the first or last lines outside the article."""
    edge = outside[:EDGE_LINES] + outside[-EDGE_LINES:]
    for line in _unique(edge):
        if line.label != "title" and len(line.text) <= SHORT_LINE_CHARS:
            for outlet, start, end in outlet_index().find_in(line.text):
                yield _text_field(outlet.name, "edge-line", (raw_evidence(doc, line.start + start, line.start + end),))


def _author_from_text(doc: Document, lines: list[PageLine]) -> Iterator[Field]:
    short = [line for line in lines if len(line.text) <= SHORT_LINE_CHARS]
    places = _unique([line for line in short if line.label == "metadata"]
                     + [line for line in header_lines(lines) + footer_lines(lines) if line in short]
                     + [line for line in article_lines(lines)[:2] if line in short])
    for pattern, rule in ((BYLINE, "byline"), (AUTHOR_BOX, "author-box")):
        for line in places:
            match = pattern.match(line.text)
            if match and not outlet_index().by_name(match.group("name")):
                start, end = match.span("name")
                yield _text_field(match.group("name"), rule, (raw_evidence(doc, line.start + start,
                                                                            line.start + end),))


def _dateline_from_text(doc: Document, lines: list[PageLine]) -> Iterator[Field]:
    for line in article_lines(lines)[:DATELINE_PARAGRAPHS]:
        match = DATELINE.match(line.text)
        # A lone capitalised word before a dash ("Meanwhile -") is a dateline only with a
        # date or an agency after it; capitals or "Town, Country" are datelines by themselves.
        if match and (not match.group("plain") or match.group("agency")):
            start, end = match.span("place")
            yield _text_field(match.group("place"), "dateline", (raw_evidence(doc, line.start + start,
                                                                                line.start + end),))
            return


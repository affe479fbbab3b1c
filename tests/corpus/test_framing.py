"""Framing: lexicon words with evidence, sources quoted, what a report leaves out."""
from __future__ import annotations

from sitrep.corpus.framing import DocFacts, framing_lexicon, framing_of

A = "The regime shelled rebels in Idlib; the terrorists were cleared, a Syrian general said."
B = "The government said its forces would liberate Idlib from terrorists and their foreign-backed allies."


def _facts(doc_id, text, actors, places, sources=()):
    return DocFacts(doc_id, doc_id.upper(), text, actors, places, {}, tuple(sources))


def test_framing_terms_have_counts_and_evidence_spans():
    (entry_a, entry_b) = framing_of([_facts("a", A, {"SYR_MIL": "a Syrian general"}, {"p1": "Idlib"}),
                                     _facts("b", B, {}, {"p1": "Idlib"})])
    terms_a = {t["term"]: t for t in entry_a["terms"]}
    terms_b = {t["term"]: t for t in entry_b["terms"]}
    assert {"regime", "rebel*", "terrorist*", "cleared"} <= set(terms_a)
    assert {"government", "liberat*", "terrorist*", "foreign-backed"} <= set(terms_b)
    assert "regime" not in terms_b and "government" not in terms_a
    for entry, text in ((entry_a, A), (entry_b, B)):
        for term in entry["terms"]:
            assert term["count"] == len(term["evidence"])
            assert all(text[ev["start"]:ev["end"]] == ev["text"] for ev in term["evidence"])
    assert terms_b["liberat*"]["evidence"][0]["text"] == "liberate"


def test_framing_omissions_list_what_other_reports_have():
    entry_a, entry_b = framing_of([_facts("a", A, {"SYR_MIL": "a Syrian general"}, {"p1": "Idlib"}),
                                   _facts("b", B, {}, {"p1": "Idlib"})])
    assert entry_a["omitted"] == []
    assert entry_b["omitted"] == [{"kind": "actor", "value": "SYR_MIL", "label": "a Syrian general",
                                   "reported_by": ["a"]}]


def test_framing_lexicon_rows_are_validated_data():
    lexicon = framing_lexicon()
    assert len(lexicon) >= 30
    assert {"government_label", "armed_group_label", "act_label"} <= {t.category for t in lexicon}


def test_framing_term_uses_wildcards_phrases_and_case():
    from sitrep.corpus.framing import term_uses

    text = ("Rebels said they liberated the town; the Regime called them terrorists. Liberation came. "
            "Supporters call them freedom\nfighters.")
    found = {use["term"]: [e["text"] for e in use["evidence"]] for use in term_uses("d", text, framing_lexicon())}
    assert found["liberat*"] == ["liberated", "Liberation"]
    assert found["rebel*"] == ["Rebels"] and found["terrorist*"] == ["terrorists"]
    assert found["freedom fighters"] == ["freedom\nfighters"]
    assert all(text[e["start"]:e["end"]] == e["text"] for use in term_uses("d", text, framing_lexicon())
               for e in use["evidence"])

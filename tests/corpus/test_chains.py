"""Attribution chains: two outlets relaying one source are one origin, not two confirmations."""
from __future__ import annotations

from sitrep.corpus.chains import build_chains
from sitrep.corpus.claims import claims_of
from sitrep.corpus.merge import Report, merge_events
from tests.corpus.conftest import event_dict

NOW = "More than 20,000 fighters poured into Idlib, As-Safir reported."
ARA = "Over 20,000 fighters moved near Idlib, reports by the As-Safir newspaper said."
OWN = "Our correspondent saw 20,000 fighters arrive in Idlib."


def _report(doc_id, text, outlet, cites):
    event = event_dict(doc_id, text, "MOBILIZE", text.split()[3], place="Idlib", count=20000, unit="fighters",
                       marker="minimum", number="20,000 fighters", outlet=outlet, cites=cites)
    return Report(event, doc_id, outlet, "2015-03-10")


def _chains(reports):
    claims = [c for m in merge_events("st", reports) for c in claims_of(m)]
    return build_chains(reports, claims, {"now lebanon": "LBN_MEDIA_NOW"})


def test_chains_two_outlets_citing_one_source_are_single_origin():
    reports = [_report("d1", NOW, "NOW Lebanon", (("As-Safir", "LBN_MEDIA_ASSAFIR"),)),
               _report("d2", ARA, "ARA News", (("reports by the As-Safir newspaper", "LBN_MEDIA_ASSAFIR"),))]
    (chain,) = _chains(reports)
    assert chain.origin == "LBN_MEDIA_ASSAFIR"
    assert chain.single_origin and chain.independent_confirmations == 1
    assert {e["target"] for e in chain.edges} == {"LBN_MEDIA_NOW", "ara news"}
    assert {e["doc_id"] for e in chain.edges} == {"d1", "d2"}
    assert all(e["evidence"]["text"] in (NOW + ARA) for e in chain.edges)


def test_chains_first_hand_report_of_same_figure_is_an_independent_confirmation():
    reports = [_report("d1", NOW, "NOW Lebanon", (("As-Safir", "LBN_MEDIA_ASSAFIR"),)),
               _report("d3", OWN, "Daily", ())]
    (chain,) = _chains(reports)
    assert not chain.single_origin
    assert chain.independent_confirmations == 2


def test_chains_a_source_citing_others_elsewhere_is_still_the_origin_of_its_own_report():
    """As-Safir relays "Arab sources" in one report and is the deepest voice of two others."""
    sourced = "More than 20,000 fighters are preparing a counterattack in Idlib, As-Safir cited Arab sources as saying."
    reports = [_report("d1", NOW, "NOW Lebanon", (("As-Safir", "LBN_MEDIA_ASSAFIR"),)),
               _report("d2", ARA, "ARA News", (("reports by the As-Safir newspaper", "LBN_MEDIA_ASSAFIR"),)),
               _report("d4", sourced, "NOW Lebanon", (("As-Safir", "LBN_MEDIA_ASSAFIR"), ("Arab sources", None)))]
    chains = {chain.origin: chain for chain in _chains(reports)}
    assert set(chains) == {"LBN_MEDIA_ASSAFIR", "arab sources"}
    assert chains["LBN_MEDIA_ASSAFIR"].single_origin

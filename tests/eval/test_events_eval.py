"""The event gold-set scorer (eval/events_eval.py): actor/recipient rules, field rules,
one-to-one matching and the P/R arithmetic, on hand-made gold and system records (no spaCy
model runs)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "eval" / "events_eval.py"
TEXT = ("The U.S. military struck Taliban fighters in Helmand on Tuesday, killing 12. "
        "Israel and Hamas accused each other of breaking the truce.")
FIRST = (0, 77)
SECOND = (78, len(TEXT))


@pytest.fixture(scope="module")
def ev():
    spec = importlib.util.spec_from_file_location("events_eval", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["events_eval"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def resolver(ev):
    return ev.ActorResolver({"Taliban": frozenset({"AFG_TALIBAN"}), "United States Armed Forces": frozenset({"USA_MIL"}),
                             "Israel": frozenset({"ISR"}), "Hamas": frozenset({"PSE_HAMAS"})})


def entity(code=None, sector=None, identifier=None, text="x"):
    return {"code": code, "sector": sector, "identifier": identifier, "text": text}


def gold_entity(canonical, country, type_, alt=()):
    d = {"surface": "x", "canonical": canonical, "country": country, "type": type_}
    if alt:
        d["alt"] = [{"canonical": c, "country": k} for c, k in alt]
    return d


def gold_event(event, sentence, trigger, actor=None, recipient=None, **fields):
    record = {"sentence_start": sentence[0], "sentence_end": sentence[1], "trigger_start": trigger[0],
              "trigger_end": trigger[1], "trigger": TEXT[trigger[0]:trigger[1]], "event": event, "mode": None,
              "actor": actor, "recipient": recipient, "location": None, "date": None, "magnitude": None,
              "aux_mode": []}
    record.update(fields)
    return record


def span_of(word, start=0):
    i = TEXT.index(word, start)
    return (i, i + len(word))


US_MIL = gold_entity("United States Armed Forces", "USA", "armed_force")
TALIBAN = gold_entity("Taliban", "AFG", "rebel_group")


def test_events_eval_actor_identity_or_state_country(ev, resolver):
    assert ev.entity_correct(TALIBAN, [entity("AFG", "INS", "AFG_TALIBAN")], resolver)
    # a non-state actor needs its identity: the right country is not enough
    assert not ev.entity_correct(TALIBAN, [entity("AFG", "INS", "AFG_HAQQANI")], resolver)
    # a state force is right at country level with a state sector ("Pentagon", "Washington")
    assert ev.entity_correct(US_MIL, [entity("USA", "GOV", "USA_PENTAGON")], resolver)
    assert ev.entity_correct(US_MIL, [entity("USA", None, None)], resolver)
    assert not ev.entity_correct(US_MIL, [entity("USA", "REB", "USA_MILITIA")], resolver)
    assert not ev.entity_correct(US_MIL, [entity("GBR", "MIL", "GBR_MIL")], resolver)
    # any of several system actors may carry the right one
    assert ev.entity_correct(TALIBAN, [entity("PAK", None, "PAK"), entity("AFG", "INS", "AFG_TALIBAN")], resolver)


def test_events_eval_actor_empty_and_unnamed(ev, resolver):
    assert ev.entity_correct(None, [], resolver)
    assert ev.entity_correct(None, [entity(text="gunmen")], resolver)  # unresolved words count as empty
    assert not ev.entity_correct(None, [entity("AFG", "INS", "AFG_TALIBAN")], resolver)
    assert not ev.entity_correct(TALIBAN, [], resolver)
    civilians = gold_entity(None, "AFG", "civilians")
    assert ev.entity_correct(civilians, [], resolver)
    assert ev.entity_correct(civilians, [entity("AFG", "CVL", None)], resolver)
    assert not ev.entity_correct(civilians, [entity("PAK", None, "PAK")], resolver)


def test_events_eval_actor_alt_accepted(ev, resolver):
    obama = gold_entity("Barack Obama", "USA", "official", alt=[("Hamas", "PSE")])
    assert ev.entity_correct(obama, [entity("PSE", "INS", "PSE_HAMAS")], resolver)
    assert ev.entity_correct(obama, [entity("USA", "GOV", "USA_OBAMA")], resolver)  # country level


def test_events_eval_location_rules(ev):
    kabul = {"surface": "Kabul", "name": "Kabul", "country": "AF"}
    assert ev.location_correct(kabul, {"names": ["Kabul"], "country_code": "AF"})
    assert not ev.location_correct(kabul, {"names": ["Afghanistan"], "country_code": "AF"})
    assert not ev.location_correct(kabul, None)
    country = {"surface": "Afghanistan", "name": "Afghanistan", "country": "AF"}
    assert ev.location_correct(country, {"names": ["Helmand"], "country_code": "AF"})
    district = {"surface": "al-Maasheeq", "name": "al-Maasheeq", "country": "YE", "also": [{"name": "Aden", "country": "YE"}]}
    assert ev.location_correct(district, {"names": ["Maasheeq"], "country_code": "YE"})
    assert ev.location_correct(district, {"names": ["Aden"], "country_code": "YE"})
    assert ev.location_correct({"surface": "Chikun", "name": "Chikun", "country": "NG"},
                               {"names": ["Chikun County"], "country_code": "NG"})


def test_events_eval_date_and_magnitude_rules(ev):
    assert ev.date_correct("2019-10-18", "2019-10-18")
    assert ev.date_correct("2014-03-01/2014-03-31", "2014-03-18")
    assert not ev.date_correct("2014-03-01/2014-03-31", "2014-04-01")
    assert not ev.date_correct("2019-10-18", None)
    assert ev.date_correct("2019-01-01/2019-12-31", "2019")  # a year-precision system date
    assert ev.date_correct("2017-04-01/2017-04-30", "2017-04")
    assert not ev.date_correct("2020-06-29", "2020-06")  # a month is not the gold day
    assert not ev.date_correct("2016-12-31/2017-01-01", "2017-01-02")
    assert ev.magnitude_correct({"count": 10, "unit": "dead", "also": [2, 8]}, frozenset({8.0}))
    assert not ev.magnitude_correct({"count": 57, "unit": "dead"}, frozenset({119.0}))


def test_events_eval_matching_is_one_to_one(ev, resolver):
    israel, hamas = gold_entity("Israel", "ISR", "state"), gold_entity("Hamas", "PSE", "militia")
    accused = span_of("accused")
    gold = [gold_event("ACCUSE", SECOND, accused, israel, hamas), gold_event("ACCUSE", SECOND, accused, hamas, israel)]
    one = ev.SystemEvent("ACCUSE", SECOND, accused, TEXT[SECOND[0]:], actor=(entity("PSE", None, "PSE_HAMAS"),),
                         recipient=(entity("ISR", None, "ISR"),))
    pairs = ev.match_events(gold, [one], resolver)
    assert pairs == [(1, 0)]  # the system event goes to the gold event whose roles it gets right
    assert ev.match_events(gold, [one], resolver, strict=True) == [(1, 0)]
    wrong_type = ev.SystemEvent("REJECT", SECOND, accused, TEXT[SECOND[0]:])
    assert ev.match_events(gold, [wrong_type], resolver) == []
    assert ev.match_events(gold, [wrong_type], resolver, same_type=False) == [(0, 0)]
    elsewhere = ev.SystemEvent("ACCUSE", FIRST, span_of("struck"), TEXT[:77])
    assert ev.match_events(gold, [elsewhere], resolver) == []


def test_events_eval_scores_and_error_classes(ev, resolver):
    struck, killing = span_of("struck"), span_of("killing")
    gold = [{"article_id": "A", "events": [
        gold_event("ASSAULT", FIRST, struck, US_MIL, TALIBAN, date="2020-03-03",
                   location={"surface": "Helmand", "name": "Helmand", "country": "AF"},
                   magnitude={"count": 12, "unit": "dead"}),
        gold_event("ACCUSE", SECOND, span_of("accused"), gold_entity("Israel", "ISR", "state"),
                   gold_entity("Hamas", "PSE", "militia")),
    ]}]
    system = {"A": [
        ev.SystemEvent("ASSAULT", FIRST, struck, TEXT[:77], actor=(entity("USA", "MIL", "USA_MIL"),),
                       recipient=(entity("AFG", "INS", "AFG_TALIBAN"),), place={"names": ["Helmand"], "country_code": "AF"},
                       date="2020-03-03", counts=frozenset({12.0})),
        ev.SystemEvent("ASSAULT", FIRST, killing, TEXT[:77]),  # a second event for the same strike
        ev.SystemEvent("RETREAT", SECOND, span_of("truce"), TEXT[78:]),
    ]}
    result = ev.evaluate(gold, system, {"A": TEXT}, resolver)
    assert result["type_level"]["matched"] == 1
    assert result["type_level"]["precision"] == pytest.approx(1 / 3, abs=1e-3)
    assert result["type_level"]["recall"] == 0.5
    assert result["strict"]["matched"] == 1
    for name in ("actor", "recipient", "location", "date", "magnitude", "aux_mode"):
        assert result["fields"][name] == {"correct": 1, "total": 1, "accuracy": 1.0}, name
    assert result["fields"]["mode"]["total"] == 0
    assert result["false_positives_by_class"] == {"duplicate in sentence": 1, "not a gold event": 1}
    assert result["false_negatives_by_class"] == {"sentence coded, event missed": 1}


def test_events_eval_prf_arithmetic(ev):
    assert ev.prf(3, 4, 6) == {"matched": 3, "gold": 4, "system": 6, "precision": 0.5, "recall": 0.75, "f1": 0.6}
    assert ev.prf(0, 4, 0)["f1"] == 0.0

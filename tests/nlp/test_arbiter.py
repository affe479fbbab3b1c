"""The mention arbiter: a span both resolvers claimed is an actor, a place or neither.

Sentences are written for these tests; none comes from a seed or dev page.
"""
from __future__ import annotations

import json

import pytest

from sitrep.errors import SitrepError
from sitrep.nlp import default_nlp
from sitrep.nlp.arbiter import FACTORY_NAME, arbiter_nouns, load_arbiter_nouns


@pytest.fixture(scope="module")
def analyse():
    """text -> ({actor surface: (id, via)}, {place surface: (id, method)}), evidence checked."""
    nlp = default_nlp()

    def run(text: str):
        doc = nlp.make_doc(text)
        doc._.doc_id = "test-doc"
        doc = nlp(doc)
        for mention in [*doc._.actors, *doc._.places]:
            assert text[mention.evidence.start:mention.evidence.end] == mention.evidence.text
        actors = {m.evidence.text: (m.actor_id, m.via) for m in doc._.actors}
        places = {p.evidence.text: (p.place_id, p.method) for p in doc._.places}
        spans = [(m.evidence.start, m.evidence.end) for m in doc._.actors]
        assert not any((p.evidence.start, p.evidence.end) in spans for p in doc._.places), "span kept twice"
        return actors, places

    return run


def test_arbiter_is_in_the_default_pipeline():
    assert FACTORY_NAME in default_nlp().pipe_names


def test_arbiter_country_as_location_is_a_place(analyse):
    actors, places = analyse("Israel launched air strikes in Syria overnight. Lebanon's capital was calm.")
    assert actors["Israel"][0] == "ISR" and "arbiter:subject" in actors["Israel"][1]
    assert places["Syria"][0] == "country:SY" and "Syria" not in actors
    assert places["Lebanon"][0] == "country:LB" and "Lebanon" not in actors
    assert "Israel" not in places


def test_arbiter_country_as_party_is_an_actor(analyse):
    actors, places = analyse("The regime has kept up its hostility toward Israel, "
                             "and the talks between Iran and Iraq stalled in May.")
    assert actors["Israel"][0] == "ISR"
    assert actors["Iran"][0] == "IRN" and actors["Iraq"][0] == "IRQ"
    assert not {"Israel", "Iran", "Iraq"} & set(places)


def test_arbiter_movement_between_countries_is_a_place(analyse):
    actors, places = analyse("Smugglers moved weapons and people across the border between Iraq and Syria.")
    assert places["Iraq"][0] == "country:IQ" and places["Syria"][0] == "country:SY"
    assert not {"Iraq", "Syria"} & set(actors)


def test_arbiter_the_owner_of_a_movement_goes_and_its_from_is_where(analyse):
    actors, places = analyse("Iran's withdrawal from Syria began in May.")
    assert actors["Iran"][0] == "IRN" and places["Syria"][0] == "country:SY"
    actors, places = analyse("Tehran's crackdown drew condemnation.")
    assert actors["Tehran"][0] == "IRN_GOV"


def test_arbiter_name_in_a_title_is_neither(analyse):
    actors, places = analyse("U.S. President Donald Trump spoke with Taliban spokesman Zabiullah Mujahid.")
    assert actors["Donald Trump"][0] == "USA_TRUMP"
    assert actors["Zabiullah Mujahid"][0] == "AFG_MUJAHID"
    assert "U.S." not in actors and "U.S." not in places and "Taliban" not in actors


def test_arbiter_country_before_a_non_actor_noun_is_neither(analyse):
    actors, places = analyse("The U.S. embassy opened on Monday, and U.S. officials attended.")
    assert actors["U.S. officials"] == ("USA_GOV", "modifier")
    assert [text for text in actors if text.startswith("U.S.")] == ["U.S. officials"]
    assert "U.S." not in places


def test_arbiter_acting_capital_becomes_its_government(analyse):
    actors, places = analyse("Sanctions could follow if Moscow takes more aggressive action.")
    assert actors["Moscow"][0] == "RUS_GOV" and actors["Moscow"][1].startswith("metonym+arbiter:")
    assert "Moscow" not in places


def test_arbiter_dateline_is_a_place(analyse):
    actors, places = analyse("BEIRUT (AP) — Rebels said on Sunday they had taken the town.")
    assert places["BEIRUT"][0] == "geonames:276781"
    assert "BEIRUT" not in actors


def test_arbiter_person_named_like_a_place_is_the_person(analyse):
    actors, places = analyse("Yemen's president has fled. Hadi insists he remains the legitimate leader.")
    assert actors["Hadi"][0] == "YEM_HADI"
    assert "Hadi" not in places
    assert actors["Yemen's president"] == ("YEM_GOV", "role:president")


def test_arbiter_bare_title_next_to_its_name_is_not_a_mention(analyse):
    actors, _ = analyse("The leader of Hezbollah, Hassan Nasrallah, said the group would fight on.")
    assert actors["Hassan Nasrallah"][0] == "LBN_NASRALLAH"
    assert "leader" not in actors


def test_arbiter_nouns_come_from_the_kb():
    nouns = arbiter_nouns()
    assert {"goal", "talk", "retaliation"} <= nouns.action
    assert {"capital", "border", "territory"} <= nouns.place
    assert not nouns.action & nouns.place


@pytest.mark.parametrize("row, problem", [
    ({"noun": "goal", "kind": "verb", "note": "x"}, "kind"),
    ({"noun": "goal", "kind": "action"}, "note"),
    ({"kind": "action", "note": "x"}, "noun"),
])
def test_arbiter_nouns_bad_row_raises_e030(tmp_path, row, problem):
    path = tmp_path / "nouns.jsonl"
    path.write_text(json.dumps({"noun": "capital", "kind": "place", "note": "ok"}) + "\n" + json.dumps(row) + "\n",
                    encoding="utf-8")
    with pytest.raises(SitrepError, match="E030") as raised:
        load_arbiter_nouns(str(path))
    assert problem in str(raised.value)


def test_arbiter_office_named_with_its_body_is_the_title_of_the_name_after_it(analyse):
    actors, _ = analyse("President Barack Obama and UN chief Ban Ki-moon demanded the release. "
                        "CIA Director Gina Haspel briefed senators.")
    assert "UN chief" not in actors and "CIA" not in actors
    assert actors["Ban Ki-moon"][0] == "IGO_BANKIMOON"


def test_arbiter_office_with_its_body_beside_a_name_is_kept(analyse):
    actors, _ = analyse("Tim Guldimann, OSCE's special envoy for Ukraine, told German radio the monitors were safe.")
    assert actors["OSCE's special envoy"][0] == "IGO_OSCE"


def test_arbiter_country_with_a_compass_adjective_is_a_place(analyse):
    actors, places = analyse("Novorossiya is a tsarist-era term for what is now southeastern Ukraine.")
    assert places["Ukraine"][0] == "country:UA" and "Ukraine" not in actors


def test_arbiter_source_of_according_to_and_hyphenated_name_are_actors(analyse):
    actors, places = analyse("As-Safir reported heavy shelling near Aleppo.\n\n"
                             "According to As-Safir, the convoy was hit. According to Moscow, it was not.")
    assert actors["As-Safir"][0] == "LBN_MEDIA_ASSAFIR" and "As-Safir" not in places
    assert actors["Moscow"][0] == "RUS_GOV" and "Moscow" not in places
    assert "Aleppo" in places


def test_arbiter_of_after_an_act_is_no_title(analyse):
    actors, _ = analyse("Russia's annexation of Crimea angered Kyiv.")
    assert actors["Russia"][0] == "RUS"


def test_arbiter_object_doing_the_infinitive_is_an_actor(analyse):
    actors, places = analyse("Moscow pressed Turkey to pull its troops out, and the convoy left Iraq on Monday.")
    assert actors["Turkey"][0] == "TUR" and "arbiter:object doing the infinitive" in actors["Turkey"][1]
    assert places["Iraq"][0] == "country:IQ" and "Iraq" not in actors


def test_arbiter_short_form_of_a_person_the_ner_took_for_a_place_is_the_person(analyse):
    actors, places = analyse('The US killed Qasem Soleimani in Baghdad. "We chose the place where the attack '
                             'against Soleimani was initiated," the ambassador said.')
    assert actors["Soleimani"] == ("IRN_SOLEIMANI", "coref")
    assert "Soleimani" not in places and "Baghdad" in places


def test_arbiter_unknown_name_inside_a_resolved_place_is_the_place(analyse):
    actors, places = analyse("Taliban fighters attacked army outposts in Imam Sahib district of Kunduz last night.")
    assert "Imam Sahib" not in actors
    assert places["Imam Sahib district"][0] is not None


def test_arbiter_a_place_noun_a_state_qualifies_is_a_place(analyse):
    actors, places = analyse("Militants exploit safe haven on Pakistani soil to launch attacks on Afghanistan.")
    assert "Pakistani soil" not in actors and places["Pakistani soil"][0] == "country:PK"
    assert actors["Afghanistan"][0] == "AFG"


def test_arbiter_country_served_by_a_title_or_force_is_an_actor(analyse):
    actors, places = analyse("The president met the leaders of Britain and France, while the army of Sudan "
                             "held parts of Darfur.")
    assert actors["Britain"][0] == "GBR" and actors["France"][0] == "FRA" and actors["Sudan"][0] == "SDN"
    assert "arbiter:of after a title or force" in actors["Britain"][1]
    assert not {"Britain", "France", "Sudan"} & set(places)
    assert "Darfur" in places and "Darfur" not in actors


def test_arbiter_short_form_of_a_person_nobody_knows_is_no_place(analyse):
    actors, places = analyse("Journalist Jamal Khashoggi was last seen in Istanbul. "
                             "Turkey claimed to have audio and video of Khashoggi's killing.")
    assert "Khashoggi" in actors and "Khashoggi" not in places
    assert "Istanbul" in places


def test_arbiter_a_country_after_a_role_object_is_whose_it_is(analyse):
    """"to meet officials from Britain", "from" hung on "meet": the officials' country; "withdrew
    forces from Syria" leaves a place."""
    actors, places = analyse("Hook is also to meet officials from Britain, France and Germany this week.")
    assert actors["Britain"][0] == "GBR" and "Britain" not in places
    actors, places = analyse("The US withdrew forces from Syria.")
    assert places["Syria"][0] == "country:SY"

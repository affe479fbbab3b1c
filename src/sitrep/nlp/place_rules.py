"""Pure rules for place names: name keys, transliteration skeletons and candidate scoring.

The gazetteer indexes names by the same keys the resolver looks up, so both import them from
here: a change to the normalisation must change both sides at once (the gazetteer cache key
includes this file's bytes for that reason).
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field

from rapidfuzz import fuzz

# Arabic article forms written as separate words ("Deir ez-Zor", "Jisr ash Shughur"). "al"/"el"
# are dropped anywhere; the assimilated ("sun letter") forms only before a word starting with
# the letter they assimilated to, so English "as"/"at" elsewhere in a name survive.
ALWAYS_DROPPED_ARTICLES = frozenset({"al", "el"})
SUN_LETTER_ARTICLES = frozenset({"ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az",
                                 "ed", "en", "er", "es", "esh", "et", "ez", "ech"})
APOSTROPHES = "'’‘`´ʿʾʻʼ"
# Spelling variants of one Arabic/Cyrillic sound, folded before vowels are dropped.
SKELETON_FOLDS = (("dzh", "j"), ("dj", "j"), ("ck", "k"), ("q", "k"), ("ph", "f"))
SKELETON_DROPPED = re.compile(r"[aeiouyhw]")
MIN_SKELETON_LENGTH = 4
# Words after a name that say the administrative unit is meant, not the town.
ADMIN_SUFFIXES = frozenset({"province", "governorate", "oblast", "region", "district", "state",
                            "county", "prefecture", "municipality", "countryside", "provinces",
                            "governorates", "regions", "districts"})
# Words after a name that say the town is meant ("Idlib City", "Gaza city").
SETTLEMENT_SUFFIXES = frozenset({"city", "town", "village"})
ADMIN_FEATURES = frozenset({"admin1", "admin2"})
AREA_FEATURES = frozenset({"region", "water", "crossing", "front", "road", "camp", "facility"})

# Scoring weights (see `score_candidate`). Each tenfold population adds 1/POPULATION_SCALE. A
# document mostly about one country outweighs a fivefold population difference ("Tripoli" in a
# text about Lebanon), not a hundredfold one (a US text's "Paris" is still France). A country
# name is the country unless a qualifier says otherwise ("Lebanon, Pennsylvania"). Curated rows
# rank like a town of ~100,000: they were chosen because conflict news names them.
POPULATION_SCALE = 4.0
FEATURE_PRIOR = {"country": 1.2, "continent": 1.2, "admin1": 0.3, "admin2": 0.25}
AREA_PRIOR = 1.2
SUFFIX_ADMIN_BONUS = 0.8
SUFFIX_CITY_PENALTY = 0.5
CONTEXT_WEIGHT = 0.8
PROXIMITY_WEIGHT = 0.25
PROXIMITY_SCALE_KM = 300.0
# GeoNames alternate names include historic and foreign names of small places ("Jerusalem" for
# a Maryland hamlet); matching an entry's own name counts for more, and an own name spelt
# nearly like the text ("Slovyansk" for "Sloviansk") for almost as much (`name_similarity`).
PRIMARY_NAME_BONUS = 0.4
# GeoNames gives population 0 where it is unknown ("Ra's al 'Ayn", a town of ~30,000): such a
# settlement is scored as a small town rather than as empty.
UNKNOWN_POPULATION = 5000
# Below this spelling similarity two names are different names, not variants of one.
NAME_SIMILARITY_MIN = 0.8
EARTH_RADIUS_KM = 6371.0
# Base confidence of each matching step; a close runner-up lowers it (see `confidence_of`).
STEP_CONFIDENCE = {"exact": 0.9, "suffix": 0.85, "translit": 0.7, "fuzzy": 0.6}
CLEAR_MARGIN = 0.5


def fold_diacritics(text: str) -> str:
    """Text without combining marks or apostrophe-like letters (ʿayn, hamza, quotes)."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return plain.translate(str.maketrans("", "", APOSTROPHES))


def normalise_name(text: str) -> str:
    """The lookup key of a place name: folded, lower-case, articles and punctuation removed.

    "Jisr ash-Shughur", "Jisr al-Shughur" and "Jisr Shughur" share the key "jisr shughur";
    "The Golan Heights" and "Golan Heights" share "golan heights".
    """
    tokens = re.findall(r"[^\W_]+", fold_diacritics(text).casefold())
    kept = []
    for position, token in enumerate(tokens):
        following = tokens[position + 1] if position + 1 < len(tokens) else ""
        if len(tokens) > 1 and (token in ALWAYS_DROPPED_ARTICLES or (position == 0 and token == "the")):
            continue
        if following and token in SUN_LETTER_ARTICLES and following.startswith(token[1]):
            continue
        kept.append(token)
    return " ".join(kept)


def skeleton(key: str) -> str:
    """Consonant skeleton of a name key, for transliteration variants.

    Vowels, h, w and y carry most of the variation between romanisations ("Shughour"/
    "Shughur", "Zawr"/"Zor", "Suwayda"/"Sweida"), so they are dropped and doubled letters
    collapsed. Returns "" for keys too short for the skeleton to mean anything.
    """
    folded = key.replace(" ", "")
    for variant, canonical in SKELETON_FOLDS:
        folded = folded.replace(variant, canonical)
    consonants = re.sub(r"(.)\1+", r"\1", SKELETON_DROPPED.sub("", folded))
    return consonants if len(consonants) >= MIN_SKELETON_LENGTH else ""


def is_indexable(name: str) -> bool:
    """Whether a gazetteer name is worth indexing: Latin script, starts upper-case, not a code.

    GeoNames alternate names include machine romanisations in lower case ("trabls") and airport
    codes ("DAM"); neither is how a news text writes a place.
    """
    folded = fold_diacritics(name).strip()
    if not folded or not folded[0].isupper() or not folded.isascii():
        return False
    return not (folded.isupper() and len(folded) <= 4)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class Context:
    """What the rest of the document says about where it is.

    countries: ISO2 -> share (0..1) of the document's country evidence (shares sum to 1).
    anchors: (lat, lon) of places already resolved elsewhere in the document.
    """

    countries: dict[str, float] = field(default_factory=dict)
    anchors: tuple[tuple[float, float], ...] = ()


def score_candidate(place, context: Context, suffix: str | None, primary: float) -> float:
    """How well one gazetteer entry explains a mention, from independent cues.

    place: a `gazetteer.Place`; suffix: the admin or settlement word after the name
    ("province", "city") or None; primary: how closely the text matches the entry's main
    name (1.0 identical, 0.0 unrelated: the text matched an alternate name).
    Cues: population (log scale), feature type (and the suffix), the document's countries,
    distance to places resolved elsewhere in the document, primary-name match.
    """
    population = place.population or (UNKNOWN_POPULATION if place.feature == "city" else 0)
    score = math.log10(population + 10) / POPULATION_SCALE if population else 0.0
    score += AREA_PRIOR if place.feature in AREA_FEATURES else FEATURE_PRIOR.get(place.feature, 0.0)
    if suffix in ADMIN_SUFFIXES:
        if place.feature in ADMIN_FEATURES:
            score += SUFFIX_ADMIN_BONUS
        elif place.feature == "city":
            score -= SUFFIX_CITY_PENALTY
    elif suffix in SETTLEMENT_SUFFIXES and place.feature != "city":
        score -= SUFFIX_CITY_PENALTY
    score += CONTEXT_WEIGHT * context.countries.get(place.country_code or "", 0.0)
    if context.anchors and place.lat is not None:
        nearest = min(distance_km(place.lat, place.lon, lat, lon) for lat, lon in context.anchors)
        score += PROXIMITY_WEIGHT * math.exp(-nearest / PROXIMITY_SCALE_KM)
    score += PRIMARY_NAME_BONUS * float(primary)
    return score


def name_similarity(text_key: str, place_key: str) -> float:
    """How closely a mention's key matches an entry's main-name key (0..1): 1.0 when equal,
    else their rapidfuzz ratio when the spellings are close (>= NAME_SIMILARITY_MIN), else 0."""
    if text_key == place_key:
        return 1.0
    ratio = fuzz.ratio(text_key, place_key) / 100.0
    return ratio if ratio >= NAME_SIMILARITY_MIN else 0.0


def confidence_of(step: str, best: float, runner_up: float | None) -> float:
    """Confidence of a resolution: the step's base value, lowered when a rival scored close."""
    base = STEP_CONFIDENCE[step]
    if runner_up is None:
        return base
    margin = min(1.0, max(0.0, best - runner_up) / CLEAR_MARGIN)
    return round(base * (0.55 + 0.45 * margin), 3)

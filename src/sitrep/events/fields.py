"""Fill an event's arguments from the parse: actor, recipient, location, time, magnitude, size.

Each function maps dependency arcs around the trigger's anchors to the mentions the NLP
components found, and returns mentions, never new strings, so every field keeps the evidence
of the mention it came from:

    actor      subject of the event verb (climbing xcomp/conj to a subject; the object, the
               object of "call on" or the passive subject controlling an infinitive), passive
               agent ("by"), who has a small clause done ("wanted Assad killed"), whom the
               victims fought ("killed in a clash with X"), possessor or modifier of a nominal
               trigger ("Russian airstrikes", "Iran's deployment"), subject of its light or
               claim verb ("launched an offensive", "said it was responsible for the attack"),
               agent of a light verb's participle on it ("airstrikes carried out by Russia"),
               the issuer of a statement that makes a call ("circulated a statement calling
               for", "a recording that pledged"); else the nationality words of a group in
               those phrases (`units`)
    recipient  direct object, passive subject ("Assad was hit"), subject of a verb of
               suffering ("20 soldiers died"), the noun a participle modifies ("observers
               detained"), "of" on a nominal trigger ("the killing of Assad"; for movements
               "of" names the actor: "deployment of Iranian troops"), the object of a target
               preposition ("against", "on", "with"), the subject of a demanded clause
               ("requested that India restrain"); a state's embassy stands for the state, a
               country as direct object is its state
    participants  phrases in those slots no mention names ("the bomber", "they"): they
               anchor an event (`unnamed_participants`)
    location   object of a locative preposition attached to the trigger ("into Idlib"), else
               a place object ("bombed Aleppo"), else any place of the sentence (lower confidence)
    date       a time mention under the trigger, else one in the sentence
    magnitude  a Quantity counting the trigger's object ("sent 7,000 troops")

Casualty counts (PLOVER size) are read in `casualties`.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import TypeVar

from spacy.tokens import Span, Token

from sitrep.events.candidates import SentenceMentions
from sitrep.events.lexicon import (
    AUXILIARY_DEPS,
    CONNECTIVES,
    COPULA,
    FIGHT_CLASS,
    NOMINAL_POS,
    PAST_PARTICIPLE,
    PAST_TENSE,
    PREDICATE_NOMINAL,
    PRESENT_TENSE_TAGS,
    VERB,
    WHEN_PREPOSITIONS,
    EventType,
    Ontology,
    TriggerLexicon,
    hangs_on_a_present_copula,
    named_as_another,
)
from sitrep.events.triggers import (
    ADJECTIVAL,
    PREPOSITION,
    PRESENT_PARTICIPLE,
    RELATIVE_TAGS,
    SMALL_CLAUSE_DEPS,
    SMALL_CLAUSE_VERBS,
    ends_without_full_stop,
    hyphen_group,
    in_noun_class,
    is_small_clause,
    partitive_objects,
    passive_means,
)
from sitrep.events.units import demonym_actors, group_actors
from sitrep.kb.actors import ActorKB
from sitrep.model import ActorMention, Link, PlaceMention, Quantity, TimeMention
from sitrep.nlp.arbiter import SOURCE_PREPOSITIONS, mention_of_place, place_actor
from sitrep.nlp.places import PLACE_LABELS
from sitrep.nlp.quotes import SPEECH_VERB, load_speech_cues
from sitrep.nlp.times import names_a_time_set_ahead

logger = logging.getLogger(__name__)

MentionT = TypeVar("MentionT", ActorMention, PlaceMention, TimeMention)

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass"})
# What a movement moves and so names its actor when no subject does ("withdraw U.S. troops"),
# unlike what it leaves behind ("abandoning the Kurds").
MOVER_CLASS = "forces"
ENVOY_CLASS = "envoys"
BLOW_CLASS = "blows"
ADVERB_POS = "ADV"
BLAMED_PREPOSITION = "on"
NOUN = "NOUN"
OPPONENT_CLASS = "opponents"
ACCORD_CLASS = "accords"  # agreements a place before them names ("the Paris accord")
ALLY_CLASS = "allies"
KIN_CLASS = "kin"
# Nouns whose "of" object, with nobody named before them, is who gives it ("with the support
# of seven Republicans", "won the backing of Sen. Snowe"), not what it goes to.
GIVEN_BY_OF_CLASS = "given_by_of"
# People held or who can be ("hostages", "prisoners"): a nationality on them is whose they are.
CAPTIVES_CLASS = "captives"
# Nouns of looking into something: a place named before them is what they look into.
INQUIRY_CLASS = "inquiries"
# What words are said in ("attacked Iran in a speech"; `RuleCoder.said_in_an_address`).
ADDRESS_CLASS = "addresses"
# Policies, laws and plans: what words of force aimed at are fought with words ("attacking the
# policy"; `RuleCoder.aimed_at_a_policy`), what a statement may be about ("a report on Syria").
POLICY_CLASS = "policies"
# Nouns of the word an act is done on ("on Netanyahu's order"): whose word it is gave it.
WARRANT_CLASS = "warrants"
VENUE_PREPOSITIONS = frozenset({"at"})  # of a meeting: where it is held
MEETING_TOPIC_PREPOSITIONS = frozenset({"on", "about", "over"})  # of a meeting: what it is about ("talks on Syria")
# What an act or a saying is about ("a probe into meddling", "a report on interference").
TOPIC_PREPOSITIONS = MEETING_TOPIC_PREPOSITIONS | {"into", "regarding", "concerning"}
PURPOSE_PREPOSITIONS = frozenset({"for"})  # what a phrase asks or pushes for ("called for talks")
# Of words said (a threat, a demand, an apology; no meeting): whom they are addressed to,
# never a place ("made threats to the United States", "apologized to Turkey").
ADDRESSEE_PREPOSITIONS = frozenset({"to", "toward", "towards"})
# Where an act from one place lands or goes ("fired rockets from Gaza into Israel", "the trip from Turkey into Syria").
DESTINATION_PREPOSITIONS = frozenset({"to", "into", "onto", "toward", "towards"})
# Of words said: whom they are aimed at, never a place ("lashed out at Iran", "pointing fingers at Tehran").
AIMED_WORDS_PREPOSITIONS = frozenset({"at"})
PRESSED_PREPOSITIONS = frozenset({"on", "upon"})  # whom demands or pressure weigh on ("demands on Tehran")
# Sectors whose people lead inquiries (CAMEO police, judiciary, intelligence), after the
# letters of an actor code's country ("USA" + "COP").
INVESTIGATING_SECTORS = frozenset({"COP", "JUD", "SPY"})
ACTOR_CODE_LENGTH = 3
PLACE_ENTITY = "GPE"
# Labels of a name people come from: a place, or a region the tagger reads as a people ("from Dagestan": NORP).
ORIGIN_LABELS = PLACE_LABELS | {"NORP"}
# After an act noun whose category is `benefits_after_for`: whom it backs ("support for Israel").
BENEFICIARY_PREPOSITIONS = frozenset({"for"})
ON_BEHALF_PREPOSITION = "in"  # "in support of Israel": for Israel
INFINITIVE_TAG = "TO"  # the "to" of an infinitive
DEADLINE_PREPOSITIONS = frozenset({"by", "until", "till"})  # "pledged to spend 2% by 2024"
OBJECT_DEPS = frozenset({"dobj", "dative", PREDICATE_NOMINAL, "oprd"})
# Prepositions whose object, like a direct object, does the infinitive after the verb
# ("called on Iran to release", "prevailed upon Kabul to"); not "to", whose object is more
# often a destination ("went to Syria to fight").
CONTROLLING_PREPOSITIONS = frozenset({"on", "upon"})
# Verbs whose object is a means, an audience, an act begun or a place taken or visited, not
# the doer of the infinitive after it: "could use the AUMF to launch a strike", "summoned the
# Saudi envoy to protest the execution", "began a large-scale offensive to recapture Mosul",
# "activists swarmed the NIH to protest", "would visit the White House to urge Trump", "had
# phoned him every other day to push for".
LAUNCHING_VERBS = frozenset({"begin", "launch", "start", "mount", "stage", "wage"})
# Verbs by which a subject makes its own plan or makes it known ("Kim announced plans to fire
# rockets", "drew up plans to invade"), unlike one judging another's ("welcomed the decision").
PLAN_MAKING_VERBS = frozenset({"announce", "unveil", "outline", "declare", "make", "draw", "lay", "set"})
PLACE_TAKING_VERBS = frozenset({"swarm", "storm", "surround", "besiege", "occupy", "invade", "raid", "enter", "flood",
                                "throng", "crowd", "pack", "block", "blockade", "march", "rally"})
VISITING_VERBS = frozenset({"visit", "tour", "attend", "phone", "telephone"})
MEANS_VERBS = frozenset({"use", "employ", "utilize", "utilise", "exploit", "leverage", "harness", "summon"}) \
    | LAUNCHING_VERBS | PLACE_TAKING_VERBS | VISITING_VERBS
# Prepositions whose gerund the governing verb's object does ("accused X of backing", "described his
# client as having cooperated").
OBJECT_CONTROL_PREPOSITIONS = frozenset({"of", "for", "with", "from", "against", "as"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})
NOMINAL_MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
# Where the parser hangs the subject of a past tense it read as an adjective ("the bomber targeted civilians").
MISREAD_SUBJECT_DEPS = frozenset({"npadvmod", "compound", "nsubj"})
OCCASION_PREPOSITIONS = frozenset({"during", "at", "in"})  # "asked him in a meeting": the meeting's time is the asking's
WEEK_DAYS = 7  # a span of days shorter than this ("last week") pins an act as a day does
NOUN_TIME_DEPS = NOMINAL_MODIFIER_DEPS | {"nummod"}  # where a time qualifies a noun ("the Sept. 11 attack", "the 2012 attack")
# Clauses hung on a noun: mentions inside them are not part of that noun's phrase.
CLAUSAL_MODIFIER_DEPS = frozenset({"relcl", "acl", "appos", "prep", "advcl", "punct", "cc", "conj"})
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})
PERSON_RELATIVE_PRONOUNS = frozenset({"who", "whom"})
# A gerund or participle clause after a preposition: "after setting off a bomb", "with 14 people killed".
PREPOSITION_COMPLEMENT = "pcomp"
CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "relcl", "acl", "pcomp", "oprd", "acomp"})
# A country as the direct object of an act is its target state (weaker than a named actor).
DIRECT_OBJECT_DEPS = frozenset({"dobj"})
PARTICIPLE_CLAUSE = "acl"
RELATIVE_CLAUSE = "relcl"
WHEN = "when"
SAY = "say"
HANDS, AT = "hand", "at"
PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
# A place word hung on a name ("Wyoming Rep.", "New York Democrat").
NAME_QUALIFIER_DEPS = frozenset({"compound", "nmod"})
QUALIFIER_DEPS = NAME_QUALIFIER_DEPS | {"poss"}
APPOSITION = "appos"
APPOSITION_DEPS = frozenset({APPOSITION})
PROPER_NOUN_TAGS = frozenset({"NNP", "NNPS"})
# Clauses that describe a noun ("a video produced in California", "troops who served in Iraq").
NOUN_CLAUSE_DEPS = frozenset({"acl", "relcl"})
COORDINATE_DEPS = frozenset({"conj"})
# Arcs that join a word to one it is only set beside: "a video, rather than an assault"
# (the parser hangs "than an assault" on the video through "than" as a coordinator).
COORDINATION_DEPS = COORDINATE_DEPS | {"cc"}
# Clauses a verb takes as complement: what it brings about ("the attack prompted the Pentagon
# to send troops to the Middle East"; `_in_a_consequence`) or promises ("pledged to spend 2%
# by 2024"; `_in_its_complement`).
COMPLEMENT_CLAUSE_DEPS = frozenset({"xcomp", "ccomp"})
PREPOSITION_DEPS = frozenset({"prep", "pobj"})
# A place after these tells where the happening that times or causes the trigger was; one
# amid which something happens is its scene ("amid fighting in Aleppo, families fled"), and
# "like" gives examples as often as it compares ("deployed in places like Iraq").
OTHER_HAPPENING_WORDS = CONNECTIVES - {"amid", "like"}
# Clauses with their own verb, whose time is theirs, not the trigger's.
OTHER_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "acl", "pcomp"})
ADVERBIAL_CLAUSE = "advcl"
ADVERBIAL_CLAUSE_DEPS = frozenset({ADVERBIAL_CLAUSE})
LATER_MARKERS = frozenset({"before", "until", "till"})  # a clause told as later than its main clause
COMPARING_AS, SAMENESS_WORDS = "as", frozenset({"same", "similar", "such"})  # "the same magnitude as"
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP"})
MAX_RELATIVE_CLIMB = 3  # clauses between a relative pronoun and its relative clause's verb
# Where a person named on an act noun is its target ("the Soleimani strike", "Soleimani's killing").
COMPOUND_DEP = "compound"
NAME_BEFORE_ACT_DEPS = frozenset({COMPOUND_DEP, "nmod"})  # names before an act noun ("the Khobar Towers bombing")
COMPOUND_DEPS = frozenset({COMPOUND_DEP})
POSSESSOR = "poss"
POSSESSIVE_MARKER, POSSESSIVE_TAG = "case", "POS"
CLAUSE_MARKER = "mark"  # the word opening a subordinate clause ("after", "when")
CONDITION_MARKERS = frozenset({"if", "unless"})  # a clause they open tells another, possible happening
AGENT_DEP = "agent"
AGENT_DEPS = frozenset({AGENT_DEP})
PASSIVE_AGENT_PREPOSITIONS = frozenset({"by"})  # who does what a noun names ("the lifting of sanctions by the EU")
HYPHEN = "-"
HOLDING_VERB = "have"
# How the parser hangs a sentence's real predicate on a reduced passive before it (`_predicate_follows`).
PREDICATE_AFTER_PARTICIPLE_DEPS = frozenset({"conj", "ccomp"})
# Verbs that count or record what befell people ("counts 2,563 civilians killed"; `is_counted`).
COUNTING_VERBS = frozenset({"count", "report", "confirm", "record", "list", "tally"})
STEP_VERBS = frozenset({"take", "make", HOLDING_VERB})  # "took the step of", "has the option of"
# Verbs whose subject holds the plan or attempt their object names (`_holder_of_plan`).
PLAN_HOLDING_VERBS = frozenset({HOLDING_VERB}) | LAUNCHING_VERBS | PLAN_MAKING_VERBS
PATIENT_MODIFIER_DEPS = frozenset({COMPOUND_DEP, POSSESSOR})
PARTY_QUALIFIER_DEPS = frozenset({COMPOUND_DEP, POSSESSOR, ADJECTIVAL, "nmod"})
PERSON_TYPE, PERSON_ENTITY = "person", "PERSON"
PREPOSITION_OBJECT = "pobj"
RELATIVE_POSSESSIVE_TAG = "WP$"  # "whose"
HOMETOWN_PREPOSITIONS = frozenset({"of", "from"})  # "David Hall, of Elyria": where he is from
MEMBER_PREPOSITIONS = frozenset({"including", "as", "like"})  # "monarchies, including Qatar", "states such as Qatar"
# Verbs that keep their object out of a place: its "from", which the parser hangs on the
# object, is where the act happens ("ban all foreign Muslims from the US").
SEPARATING_VERBS = frozenset({"ban", "bar", "expel", "exclude", "evict", "deport", "keep"})
ORIGIN_PREPOSITIONS = frozenset({"from"})  # "a bomber from Dagestan": where the people come from
# Nouns of a bond to another party: a group "with ties to al-Qaeda" is not al-Qaeda.
TIE_NOUNS = frozenset({"tie", "link", "connection", "affiliation"})
POST_PREPOSITIONS = frozenset({"to"})  # "the ambassador to the Philippines": where a title is held
TITLE_LINKS = (Link.ROLE.value, Link.OFFICE.value)  # `ActorMention.via` of a mention a title names
# The preposition after an act noun that names what it befalls ("the killing of Soleimani").
PATIENT_PREPOSITION = "of"
PATIENT_PREPOSITIONS = frozenset({PATIENT_PREPOSITION})
ABSOLUTE_PREPOSITIONS = frozenset({"with", "without"})
OWNER_DEPS = frozenset({POSSESSOR})
CLAUSE_COMPLEMENT_DEPS = frozenset({"ccomp"})
# "killed in a clash with X", "wounded during fighting with X", "died in an attack by X".
FIGHT_PREPOSITIONS = frozenset({"in", "during"})
OPPONENT_PREPOSITIONS = frozenset({"with", "by"})
COUNTRY = "country"
# PLOVER quads of cooperation (verbal, material): whom an act inside their object opposes
# ("supported the fight against IS") is no recipient of theirs.
COOPERATION_QUADS = frozenset({1, 2})
OPPOSING_PREPOSITIONS = frozenset({"against"})
# Prepositions whose object an act is aimed at ("rocket fire towards Israel"): no doer of it.
TARGETING_PREPOSITIONS = OPPOSING_PREPOSITIONS | {"toward", "towards"}
# Prepositions naming whom an act noun befalls ("a strike on Syria", "attacks against Israel").
TARGET_PREPOSITIONS = TARGETING_PREPOSITIONS | {"on", "at"}
# Participles by which an act noun names its target ("an attack directed at the U.S.").
AIMING_VERBS = frozenset({"aim", "direct", "target", "point"})
TARGET_STATE_FACTOR = 0.8
TARGET_STATE_VIA = "target country"
SOURCE_STATE_VIA = "country words come from"
# Heads of clauses inside a noun phrase, whose participants are not the phrase's.
CLAUSE_HEAD_POS = frozenset({"VERB", "AUX"})
PRONOUN = "PRON"
GERUND = "VBG"
# Where a gerund saying what the subject was doing hangs ("killed fighting the Taliban").
OPEN_CLAUSE_DEPS = frozenset({"xcomp", "advcl"})
OPEN_COMPLEMENT = "xcomp"
JOURNEY_PREPOSITIONS = frozenset({"on", "during"})  # "said on a trip to Turkey": the sayer travels
ADJECTIVE_COMPLEMENT = "acomp"
# Where a connective stands: "in revenge for the June 2012 drone strike", or as a predicate, "was revenge for".
CONNECTIVE_DEPS = PREPOSITION_DEPS | {PREDICATE_NOMINAL, ADJECTIVE_COMPLEMENT}
# Connective nouns by which a clause answers or remembers an act ("in retaliation for the
# attack", "on the anniversary of the attack"): the clause's time is not the act's. The
# connectives less those of time and of comparison.
COMPARING_CONNECTIVES = frozenset({"like", "than"})
ANSWERED_ACT_WORDS = CONNECTIVES - WHEN_PREPOSITIONS - COMPARING_CONNECTIVES
PARTNER_PREPOSITIONS = frozenset({"with"})
COMMA = ","
SINCE = "since"
SUPERLATIVE_TAGS = frozenset({"JJS", "RBS"})
ORDINAL_SUPERLATIVES = frozenset({"first", "last"})  # "the first strike since May" measures like "the biggest"
STANCE_PREPOSITION = "to"  # "committed to", "opposed to": a participle with it is an adjective
# Where the trigger sits relative to a place, best first: attached by a preposition, a place
# object, anywhere in the sentence.
ATTACHED, OBJECT, SENTENCE = "attached", "object", "sentence"
# How much ground a gazetteer feature covers; the least is the most specific place.
COARSENESS = {"country": 3, "region": 2, "water": 2, "admin1": 1}  # a sea or gulf spans as much as a region


@dataclass(frozen=True, slots=True)
class PlaceChoice:
    """The chosen event location and how it was attached to the trigger."""

    place: PlaceMention
    how: str


def _span_of(token: Token, *, whole: bool = True) -> tuple[int, int]:
    """Character span of a token's phrase: its whole subtree, or the head without clauses
    (nor a clause the parser read as an adjective, and what comes before it: "civilians" of
    "the bomber targeted civilians", `_misread_clause`; nor the "whose" that hangs the phrase
    on another noun: "two sons" of "whose two sons")."""
    if whole:
        return token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text)
    misread = max((c.i for c in token.lefts if _misread_clause(c) is not None), default=-1)
    left = [c for c in token.lefts if c.dep_ not in CLAUSAL_MODIFIER_DEPS and c.i > misread
            and c.tag_ != RELATIVE_POSSESSIVE_TAG]
    start = left[0].left_edge.idx if left else token.idx
    return start, token.idx + len(token.text)


def phrase_span(token: Token, sent: Span) -> tuple[int, int]:
    """Character span of the noun phrase a token heads, without its clauses ("civilians"
    of "civilians who had gathered") and inside `sent` (a parse run across a paragraph
    break hangs the last word of a headline on the next line's subject)."""
    start, end = _span_of(token, whole=False)
    return max(start, sent.start_char), end


def mentions_in(mentions: Sequence[MentionT], start: int, end: int) -> list[MentionT]:
    """Mentions whose evidence lies inside [start, end)."""
    return [m for m in mentions if start <= m.evidence.start and m.evidence.end <= end]


def relative_referent(pronoun: Token) -> Token:
    """The noun a relative pronoun stands for: the head of its relative clause, also through
    a clause inside it ("fighters who he said were attacking": fighters). A "who" hung on a
    place stands for the people the place's phrase locates ("four Taliban fighters in
    Nahr-e Saraj, in the Helmand province, who were attacking": the fighters)."""
    clause = pronoun.head
    for _ in range(MAX_RELATIVE_CLIMB):
        if clause.dep_ == RELATIVE_CLAUSE and clause.head.i != clause.i:
            if clause.head.pos_ not in NOMINAL_POS and pronoun.lower_ in PERSON_RELATIVE_PRONOUNS:
                return _noun_before(pronoun) or clause.head
            if pronoun.lower_ in PERSON_RELATIVE_PRONOUNS:
                return located_noun(clause.head)
            return clause.head
        if clause.head.i == clause.i:
            break
        clause = clause.head
    if pronoun.head.head.i == pronoun.head.i:
        return pronoun  # the main clause's own subject: "But that did not kill the group" (a demonstrative)
    return pronoun.head.head


def located_noun(noun: Token) -> Token:
    """The noun a place's phrase hangs on, past further places ("fighters in Nahr-e Saraj, in
    the Helmand province": fighters; "the attack in Paris": attack); the noun itself when it
    names no place."""
    while _names_a_place(noun) and noun.dep_ == PREPOSITION_OBJECT and noun.head.head.pos_ in NOMINAL_POS \
            and noun.head.head.i != noun.head.i:
        noun = noun.head.head
    return noun


def _names_a_place(noun: Token) -> bool:
    """Whether a noun is a place name or a noun a place name qualifies ("the Helmand province")."""
    return any(t.ent_type_ in PLACE_LABELS for t in (noun, *children_on([noun], COMPOUND_DEPS)))


def _noun_before(pronoun: Token) -> Token | None:
    """The noun right before a "who" the parser hung on a verb ("met with criticism from
    Democrats as well, who have condemned it": the Democrats), past adverbs and commas; the
    first of nouns joined by "and" stands for them all."""
    for token in reversed(pronoun.doc[pronoun.sent.start:pronoun.i]):
        if token.pos_ in NOMINAL_POS:
            while token.dep_ == "conj" and token.head.i < token.i:
                token = token.head
            return token
        if not (token.is_punct or token.pos_ == ADVERB_POS):
            return None
    return None


def _lists_a_prep_object(head: Token, conjunct: Token) -> bool:
    """Whether a conjunct the parser hangs on `head` continues the list a preposition between
    them began, told by its kind of name ("clashed with Trump over Iran, North Korea and
    Russia": Korea is what they clashed over, not whom with)."""
    kind = conjunct.ent_type_
    return bool(kind) and kind != head.ent_type_ and any(
        o.ent_type_ == kind for p in head.children if p.dep_ == "prep" and head.i < p.i < conjunct.i
        for o in p.children if o.dep_ == "pobj")


def phrase_actors(token: Token, actors: Sequence[ActorMention]) -> list[ActorMention]:
    """Actors named by the noun phrase headed by `token`: its core first, then its subtree.

    "Russia and Iran" gives both conjuncts; "troops from Russia" gives Russia; a relative
    pronoun ("which") stands for the noun it modifies; a head inside a longer name stands
    for the name (the parser splits "al-Baghdadi" into three subjects); a person's name set
    beside a role renames it ("Trump's adviser, Michael Flynn": Flynn). A clause inside the phrase names
    its own participants ("the other of shattering the truce brokered by the UN": not
    the UN), nor does what it has ties to ("extremists with ties to al-Qaeda": not al-Qaeda),
    nor a phrase of when (`_says_when`: "the deployment of troops amid tensions with Iran": not Iran),
    nor words the parser hangs elsewhere inside its stretch ("sent a letter to House
    Republicans blasting their investigation": not the Republicans).
    The noun a relative pronoun stands for ends before it: what the parser hangs on
    that noun after the clause is no part of it ("the attack that killed U.S. Ambassador to
    Libya Chris Stevens", with "Stevens" read as the attack's apposition).
    """
    if token.lower_ in RELATIVE_PRONOUNS:
        actors = [m for m in actors if m.evidence.end <= token.idx]
        token = relative_referent(token)
    # "President Trump's national security adviser, Gen. Michael Flynn": the name renames the role
    persons = [m for m in actors if m.actor_type == PERSON_TYPE]
    heads = [_renaming_name(head, persons) or head
             for head in [token] + [c for c in token.conjuncts if c.i > token.i and not _lists_a_prep_object(token, c)]]
    heads += [c for head in heads if head.dep_ == APPOSITION for c in head.conjuncts if c.i > head.i]
    found = [m for head in heads for m in mentions_in(actors, *_span_of(head, whole=False))]
    found += [m for head in heads for m in actors if m.evidence.start <= head.idx < m.evidence.end and m not in found]
    if found:
        return found
    clauses = [_span_of(t) for t in token.subtree if t.i != token.i and t.pos_ in CLAUSE_HEAD_POS]
    ties = [_span_of(t) for t in token.subtree if t.i != token.i and t.lemma_.lower() in TIE_NOUNS]
    times = [_span_of(t) for t in token.subtree if t.dep_ == "prep" and _says_when(t)]
    # "sent a letter to House Republicans blasting their investigation": words inside the
    # phrase's stretch that hang elsewhere are no part of it
    inside = {t.i for t in token.subtree}
    strays = [(t.idx, t.idx + len(t.text)) for t in token.doc[token.left_edge.i:token.right_edge.i + 1] if t.i not in inside]
    return _outside(mentions_in(actors, *_span_of(token)), clauses + ties + times + strays)


def _says_when(preposition: Token) -> bool:
    """Whether a prepositional phrase says when or after what something happens, by its
    preposition ("amid tensions with Iran") or its noun ("in the wake of the attacks by
    Trump", "in response to"; `CONNECTIVES`): whom it names takes no part."""
    return preposition.lower_ in WHEN_PREPOSITIONS or any(
        o.dep_ == "pobj" and o.lower_ in CONNECTIVES for o in preposition.children)


def _renaming_name(noun: Token, persons: Sequence[ActorMention] = ()) -> Token | None:
    """A person's name set beside a noun, which says who it is ("his adviser, Tom Donilon";
    "two leaders: Governor George Pataki, and Mayor Rudolph Giuliani"; "Chris Christie, a
    close Trump adviser who visited Mexico": Christie, not Trump), or None. A name before the
    noun is one the tagger calls a person's or one of `persons` covers ("Morsi, a
    U.S.-trained engineer who was accused", untagged)."""
    def is_name(token: Token) -> bool:
        return token.ent_type_ == PERSON_ENTITY or any(_covers(m, token) for m in persons)

    if noun.dep_ == APPOSITION and is_name(noun.head) and noun.pos_ in NOMINAL_POS:
        return noun.head
    return next((c for c in noun.children if c.dep_ == APPOSITION and c.ent_type_ == PERSON_ENTITY), None)


def _opens_an_aside(partner: Token) -> bool:
    """Whether a "with" object opens an aside after a comma and a verb's own object
    ("attacking Rice since the appearance, with Peter King even calling for her
    resignation"): what someone else does meanwhile, no second party to the act
    ("discussed Syria with Lavrov", "met on Monday, with Lavrov" have one); or one set
    before the verb's subject ("With follow-up by UAE leaders, our forces detained the
    criminal"): the circumstances, not whom the act befalls; after a comma, also one whose
    object does something of its own ("was freed from custody, with officials saying there
    was no evidence"; not "met with a group of activists asking her to endorse the bill")."""
    preposition = partner.head
    if preposition.lower_ not in PARTNER_PREPOSITIONS:
        return False
    verb = preposition.head
    fronted = any(c.dep_ in SUBJECT_DEPS and c.i > preposition.i for c in verb.children)
    doing = any(c.dep_ == PARTICIPLE_CLAUSE and c.tag_ == GERUND for c in partner.children)
    return fronted or (preposition.i > 0 and preposition.doc[preposition.i - 1].text == COMMA
                       and (doing or bool(children_on([verb], DIRECT_OBJECT_DEPS))))


def _outside(mentions: Sequence[MentionT], spans: Sequence[tuple[int, int]]) -> list[MentionT]:
    """The mentions that start in none of the character spans."""
    return [m for m in mentions if not any(start <= m.evidence.start < end for start, end in spans)]


def _against_spans(tokens: Iterable[Token], prepositions: frozenset[str] = OPPOSING_PREPOSITIONS) -> list[tuple[int, int]]:
    """Character spans of the "against" phrases among `tokens` ("aggression against
    Ukraine"), or of those of other `prepositions`."""
    return [_span_of(t) for t in tokens if t.dep_ == "prep" and t.lower_ in prepositions]


def aims_against(word: Token) -> bool:
    """Whether what a word governs is turned against someone ("vowed to march against
    Baghdad", "vowed to use force against anyone who threatens America")."""
    return bool(_against_spans(word.subtree))


def party_actors(token: Token, actors: Sequence[ActorMention], lexicon: TriggerLexicon) -> list[ActorMention]:
    """`phrase_actors` less the backers a participle before the noun names ("US-backed
    Kurds withdrew": the Kurds withdrew; `TriggerLexicon.backer_participles`) and whom a
    group is against ("opponents of Egypt's president clashed": not the president)."""
    return phrase_actors(token, taking_part(actors, token, lexicon))


def taking_part(mentions: Sequence[MentionT], token: Token, lexicon: TriggerLexicon) -> list[MentionT]:
    """`mentions` less the backers and the opposed a phrase names besides its parties."""
    return _without_opposed(_without_backers(mentions, token, lexicon), token, lexicon)


def _without_opposed(mentions: Sequence[MentionT], token: Token, lexicon: TriggerLexicon) -> list[MentionT]:
    """`mentions` less those naming whom a noun of `OPPONENT_CLASS` or `ALLY_CLASS` in the
    phrase of `token` opposes or stands with: its "of" object, owner or compound ("critics of
    Morsi", "Assad's opponents", "America's Kurdish allies"); and whose relative a noun of
    `KIN_CLASS` is: its "of" object or owner ("Netanyahu's brother was killed"), not its
    compound, the family name ("the Tsarnaev brothers")."""
    def nouns_of(*classes: str) -> list[Token]:
        members = frozenset().union(*(lexicon.noun_class(c) for c in classes))
        return [t for t in token.subtree if t.pos_ in NOMINAL_POS and in_noun_class(t, members)]

    sides, kin = nouns_of(OPPONENT_CLASS, ALLY_CLASS), nouns_of(KIN_CLASS)
    others = children_on(sides, OWNER_DEPS | COMPOUND_DEPS) + children_on(kin, OWNER_DEPS) \
        + prep_objects(sides + kin, PATIENT_PREPOSITIONS)
    return _outside(mentions, [_span_of(o) for o in others])


def _without_backers(mentions: Sequence[MentionT], token: Token, lexicon: TriggerLexicon) -> list[MentionT]:
    """`mentions` less those that only open a backer participle in the phrase of `token`
    ("US" of "US-backed forces", also through a relative pronoun: "US-backed forces that
    attacked"; "The military" of "The military-backed interim president", whose article it
    took)."""
    if token.lower_ in RELATIVE_PRONOUNS:
        token = relative_referent(token)
    backed = [_span_of(t) for t in token.subtree
              if t.lemma_.lower() in lexicon.backer_participles and _is_participle_modifier(t)]
    if not backed:
        return list(mentions)
    return [m for m in mentions if not any(start < m.evidence.end and m.evidence.start < end for start, end in backed)]


def _is_participle_modifier(token: Token) -> bool:
    """An adjectival participle, or one the parser took for a noun after a hyphen ("U.N.-run
    school": "run" a compound)."""
    return token.dep_ == "amod" or (token.dep_ == COMPOUND_DEP and token.i > 0 and token.nbor(-1).text == HYPHEN)


def children_on(tokens: Sequence[Token], deps: frozenset[str]) -> list[Token]:
    """The children of `tokens` on the given arcs."""
    return [child for token in tokens for child in token.children if child.dep_ in deps]


def acted_on_by(verbs: Sequence[Token]) -> list[Token]:
    """What `verbs` act on: their objects and passive subjects, and the noun a past participle
    describes ("645 U.S. military personnel deployed to Niger": the personnel; the tagger may
    call such a participle a past tense, which no clause on a noun can be)."""
    described = [v.head for v in verbs if v.dep_ == PARTICIPLE_CLAUSE and v.tag_ in (PAST_PARTICIPLE, PAST_TENSE)
                 and v.head.i != v.i]
    return children_on(verbs, OBJECT_DEPS | PASSIVE_SUBJECT_DEPS) + described


def prep_objects(tokens: Sequence[Token], preps: frozenset[str]) -> list[Token]:
    """Objects of the named prepositions attached to any of `tokens` ("into" -> "Idlib")."""
    objects = []
    for prep in children_on(tokens, frozenset({"prep", "agent", "dative"})):
        if prep.lower_ in preps:
            objects += [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    return objects


def argument_heads(anchors: Sequence[Token], lexicon: TriggerLexicon) -> list[Token]:
    """The anchors plus the light verb or claim verb of a nominal anchor ("launched" for
    "offensive", "was" for "responsible for the attack"; `TriggerLexicon.light_verb`)."""
    heads = list(anchors)
    heads += [verb for verb in map(lexicon.light_verb, anchors) if verb is not None]
    return heads


def is_passive(verb: Token) -> bool:
    """A passive clause ("was shelled"), a past participle hung on a noun ("Palestinians
    killed by army fire"; not one with an object of its own, a past tense the parser hung
    there), whose noun is the patient, not the agent, or a passive small
    clause (`is_small_clause`), a headline's participle (`is_headline_passive`) or a participle
    completing another verb, or a participle with a "by" agent ("when pressed by Rand Paul",
    "an aid worker held hostage by the militants", tagged a past tense, but not a past tense
    with its own subject, nor a conjunct with an object, whatever its tag: "the Council
    condemned the murder by an affiliate", "declared a pandemic and criticized inaction by
    governments"),
    or a bare one set beside a clause ("stood in court, charged with conspiracy": the man was
    charged)."""
    return any(c.dep_ == "auxpass" for c in verb.children) or (
        verb.tag_ in (PAST_PARTICIPLE, PAST_TENSE) and any(c.dep_ == AGENT_DEP for c in verb.children)
        and not (verb.tag_ == PAST_TENSE and children_on([verb], SUBJECT_DEPS))
        and not (verb.dep_ in COORDINATE_DEPS and children_on([verb], DIRECT_OBJECT_DEPS))) or (
        verb.dep_ == "acl" and _is_past_participle(verb) and verb.head.pos_ in NOMINAL_POS
        and not children_on([verb], DIRECT_OBJECT_DEPS)  # "The Saudi-led coalition bombed Sanaa", parsed as a phrase
        and _misread_predicate(verb) is None
    ) or subject_is_patient(verb) or (_is_bare_conjunct(verb) and not _names_a_stance(verb) and is_passive(verb.head)) \
        or _is_participle_complement(verb) or (verb.dep_ == ADVERBIAL_CLAUSE and _is_bare_participle(verb))


def _is_participle_complement(verb: Token) -> bool:
    """A bare past participle completing another verb ("was found shot to death", "were
    left wounded"), or the copula itself, where the parser read a passive as an adjective
    ("the group was formally outlawed"; not a stance with its "to", "we are committed to
    this fight"): whom that verb is about suffered it."""
    completes = verb.dep_ == OPEN_COMPLEMENT or (
        verb.dep_ == ADJECTIVE_COMPLEMENT and verb.head.lemma_ == COPULA and not _names_a_stance(verb))
    return completes and _is_bare_participle(verb)


def _names_a_stance(participle: Token) -> bool:
    """Whether a participle after a copula is an adjective of stance, with its "to" ("are
    united and committed to this fight"), not a passive."""
    return any(c.dep_ == "prep" and c.lower_ == STANCE_PREPOSITION for c in participle.children)


def _is_bare_conjunct(verb: Token) -> bool:
    """A past participle joined to a verb with no subject, auxiliary or object of its own: it
    shares the verb's voice and subject ("its operators were hunted down and killed")."""
    return verb.dep_ == "conj" and verb.head.i != verb.i and _is_bare_participle(verb)


def _is_bare_participle(verb: Token) -> bool:
    """A past participle with no subject, auxiliary or object of its own, which takes them
    from the verb it hangs on."""
    return verb.tag_ == PAST_PARTICIPLE and not any(
        c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | AUXILIARY_DEPS | DIRECT_OBJECT_DEPS for c in verb.children)


def _is_past_participle(verb: Token) -> bool:
    """A past participle, or a past tense without a subject of its own, which the tagger
    writes for a participle hung on a noun ("graves of soldiers killed fighting the Taliban")."""
    return verb.tag_ == PAST_PARTICIPLE or (
        verb.tag_ == PAST_TENSE and not any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in verb.children))


def subject_is_patient(verb: Token) -> bool:
    """A passive whose patient the parser calls its subject: a small clause, a headline's
    participle, an absolute one or a counted one."""
    return is_small_clause(verb) or is_headline_passive(verb) or is_absolute_participle(verb) or is_counted(verb)


def is_counted(verb: Token) -> bool:
    """A participle with a subject and no auxiliary or object completing a verb of counting
    or reporting ("the United Nations counts 2,563 Afghan civilians killed"): the civilians
    were killed, and whoever counts them did not kill them."""
    deps = {c.dep_ for c in verb.children}
    return verb.dep_ in SMALL_CLAUSE_DEPS and verb.tag_ == PAST_PARTICIPLE and verb.head.i != verb.i \
        and verb.head.lemma_.lower() in COUNTING_VERBS and bool(deps & SUBJECT_DEPS) \
        and not deps & (AUXILIARY_DEPS | DIRECT_OBJECT_DEPS)


def is_absolute_participle(verb: Token) -> bool:
    """A participle after "with" with a subject of its own and no auxiliary: "with at least 14
    people killed last month" kills the 14 people, whom the parser calls its subject."""
    deps = {c.dep_ for c in verb.children}
    return verb.dep_ == PREPOSITION_COMPLEMENT and verb.head.lower_ in ABSOLUTE_PREPOSITIONS \
        and verb.tag_ == PAST_PARTICIPLE and not deps & (AUXILIARY_DEPS | DIRECT_OBJECT_DEPS)


def is_headline_passive(verb: Token) -> bool:
    """A participle heading its sentence with a subject, no auxiliary and no object: headline
    style for a passive ("Security guard and attackers killed in assault on hotel", also
    what a headline reports: "Israel says 422 rockets fired from Gaza"), or,
    in prose, one with a "by" agent ("The truce, agreed upon Monday by Israel and Hamas,
    took effect"). The tagger also calls some past tenses participles ("separatists killed
    11 soldiers"): those have their object, or end in a full stop with no agent ("Trump
    tweeted."). A bare participle joined to one shares its reading ("killed or wounded")."""
    deps = {c.dep_ for c in verb.children}
    if verb.dep_ == "conj" and verb.tag_ == PAST_PARTICIPLE and not deps & (SUBJECT_DEPS | AUXILIARY_DEPS | DIRECT_OBJECT_DEPS):
        return is_headline_passive(verb.head)  # "members killed or wounded in the attacks"
    heads_a_line = verb.dep_ == "ROOT" or (verb.dep_ == "ccomp" and verb.head.lemma_.lower() not in SMALL_CLAUSE_VERBS)
    return heads_a_line and verb.tag_ == PAST_PARTICIPLE and "nsubj" in deps \
        and not deps & (AUXILIARY_DEPS | DIRECT_OBJECT_DEPS) \
        and (AGENT_DEP in deps or ends_without_full_stop(verb) or _predicate_follows(verb))


def _predicate_follows(verb: Token) -> bool:
    """Whether the sentence's real predicate, with an auxiliary and no subject, follows a
    participle, hung on it as a conjunct or a clause ("members killed or wounded in the
    attacks will be awarded", "Taliban fighters captured in the raid were released") or
    beside it under the same reporting verb ("said ISIS fighters captured in Syria will be
    tried"): the participle then describes the subject, a reduced passive."""
    hung = [c for c in verb.children if c.dep_ in PREDICATE_AFTER_PARTICIPLE_DEPS]
    beside = [c for c in verb.head.children if c.i > verb.i and c.dep_ == verb.dep_ == "ccomp"]
    return any(any(a.dep_ in AUXILIARY_DEPS for a in c.children)
               and not any(a.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for a in c.children)
               for c in hung + beside)


def patients_of(verb: Token, lexicon: TriggerLexicon) -> list[Token]:
    """The phrases naming who or what a passive verb acts on (its passive subject, the noun
    its participle modifies, the subject of a small clause), or whom a verb of suffering
    befalls ("20 soldiers died in the clash") or the object a verb leaves in that state
    ("the blast left four people dead"; in a passive its subject: "he was found dead")."""
    if lexicon.describes_the_object(verb):  # "was found dead": the passive's subject
        objects = children_on([verb.head], DIRECT_OBJECT_DEPS)
        return objects or (patients_of(verb.head, lexicon) if is_passive(verb.head) else [])
    if lexicon.suffers_subject(verb):
        clause = verb.head if lexicon.is_patient_predicate(verb) else verb
        return [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
    if not is_passive(verb) or lexicon.is_participation_verb(verb):  # "were engaged in clashes" befalls nobody
        return []
    if verb.dep_ == "acl" and not children_on([verb], PASSIVE_SUBJECT_DEPS):
        # not a clause of its own on the noun ("allegations that hundreds had been killed"); a
        # noun in apposition renames whom it follows ("Hasan, the psychiatrist accused of killing");
        # a war fought befalls nobody ("Desert Storm, a war fought mostly with planes")
        noun = verb.head
        if in_noun_class(noun, lexicon.noun_class(FIGHT_CLASS)):
            return []
        return [noun, noun.head] if noun.dep_ == APPOSITION and noun.head.i != noun.i else [noun]
    if _is_bare_conjunct(verb):
        return patients_of(verb.head, lexicon)
    if _is_participle_complement(verb):
        return subject_of(verb)  # "was found shot": whom "found" is about
    if verb.dep_ == ADVERBIAL_CLAUSE and not any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in verb.children):
        return subject_of(verb)  # "When pressed by Iran, Turkey agreed": Turkey was pressed
    if verb.dep_ in COORDINATE_DEPS and not children_on([verb], SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS):
        # "fighters tried to infiltrate the base, but were killed": the subject both verbs share
        return children_on([verb.head], SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
    deps = SUBJECT_DEPS if subject_is_patient(verb) else PASSIVE_SUBJECT_DEPS
    return [c for c in verb.children if c.dep_ in deps]


def _subject_hung_on_say(conjunct: Token) -> Token | None:
    """The subject of a reported clause the parser made the object of "say", joined with no
    "and" ("a reporter says soldiers in Qina, in the south, opened fire": the soldiers
    fired); "say" takes no one as its object."""
    verb = conjunct.head
    if conjunct.dep_ != "conj" or verb.lemma_.lower() != SAY or any(
            c.dep_ == "cc" and c.i < conjunct.i for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i < conjunct.i and c.pos_ in NOMINAL_POS
                 and c.tag_ in PLURAL_NOUN_TAGS), None)


def is_infinitive_clause(verb: Token) -> bool:
    """An open clause hung on a verb: an xcomp, or a "to"-infinitive the parser labels advcl."""
    return verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and _has_infinitive_to(verb))


def _has_infinitive_to(verb: Token) -> bool:
    """Whether a verb is a "to"-infinitive ("to send", "to carry out")."""
    return any(c.tag_ == INFINITIVE_TAG for c in verb.children)


def _misread_clause(verb: Token) -> tuple[Token, Token] | None:
    """(subject, object) of a past tense the parser read as an adjective between them ("said
    the bomber targeted civilians" parsed as "the [bomber-targeted] civilians"): the tagger
    still calls the verb a past tense, which no adjective is."""
    if verb.tag_ != PAST_TENSE or verb.dep_ != ADJECTIVAL or verb.head.pos_ not in NOMINAL_POS:
        return None
    subject = next((c for c in verb.children if c.dep_ in MISREAD_SUBJECT_DEPS and c.pos_ in NOMINAL_POS
                    and c.i < verb.i), None)
    return (subject, verb.head) if subject is not None else None


def _misread_predicate(verb: Token) -> Token | None:
    """The subject of a sentence's verb the parser hung on it as a participle: a noun heads
    the sentence, a clause or apposition describes it and, after a comma, the verb follows
    with no passive marker ("Israeli Defense Forces, who had warned the Palestinians,
    killed over 50 of them"): a sentence has a verb, and that one is it."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.dep_ != "ROOT" or noun.pos_ not in NOMINAL_POS \
            or verb.tag_ not in (PAST_TENSE, PAST_PARTICIPLE) or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    if any(c.dep_ in ("auxpass", AGENT_DEP) for c in verb.children):
        return None
    described = any(c.dep_ in ("relcl", APPOSITION) and c.i < verb.i for c in noun.children)
    return noun if described else None


def _for_subject(verb: Token) -> Token | None:
    """The subject a "for" gives an infinitive right after it ("too close to the enemy for
    fighter jets to drop bombs": the jets drop them; "asked for Israelis and Palestinians to
    discuss": both), wherever the parser hangs the "for"."""
    marker = next((c for c in verb.children if c.tag_ == INFINITIVE_TAG and c.i < verb.i), None)
    if marker is None or marker.i == 0:
        return None
    before = verb.doc[marker.i - 1]
    while before.dep_ in COORDINATE_DEPS and before.head.i < before.i:
        before = before.head
    return before if before.dep_ == PREPOSITION_OBJECT and before.head.lower_ == "for" else None


def subject_of(verb: Token) -> list[Token]:
    """The subject of a verb, climbing to the governing clause when it has none of its own
    (through a gerund's preposition: "after signing"; through an adjective: "Iran is ready
    to attack"), or the object that controls an infinitive ("urged Hezbollah to attack",
    "Hezbollah was ordered to attack")."""
    misread = _misread_clause(verb)
    if misread is not None:
        return [misread[0]]
    subject = _misread_predicate(verb) or _for_subject(verb)
    if subject is not None:
        return [subject]
    token, through_open_clause = verb, False
    for _ in range(4):
        if token is not verb and is_small_clause(token):
            # "He had many Iraqis killed, ordering a crackdown": who has it done orders it,
            # not the clause's subject, who suffers it
            return subject_of(token.head)
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return subjects
        markers = [c for c in token.children if c.dep_ == CLAUSE_MARKER]
        if token.dep_ == ADVERBIAL_CLAUSE and token.tag_ in FINITE_VERB_TAGS and markers:
            # a tensed clause a connective opens has a subject of its own, which the parser
            # may hang on the connective ("after a bomb from an Israeli airstrike hit a house")
            return [o for marker in markers for o in marker.children if o.dep_ == PREPOSITION_OBJECT]
        if token.dep_ in ("relcl", "acl") and token.head.pos_ in NOMINAL_POS:
            if is_passive(token):  # the noun a participle hangs on does what its open clause says
                return [token.head] if through_open_clause else []  # ("soldiers killed fighting IS")
            return _holder_of_plan(token) or _said_to_be(token) or [token.head]
        if token.dep_ not in CLIMB_DEPS or token.head.i == token.i:
            return []
        if token.dep_ in COORDINATE_DEPS and token.tag_ == PRESENT_PARTICIPLE and token.head.pos_ in NOMINAL_POS:
            return []  # a gerund listed with nouns names an act ("a response to the massacre and targeting of")
        if is_infinitive_clause(token):
            by_means = token.head.lemma_.lower() in MEANS_VERBS  # "used the AUMF to strike": the user
            controllers = [] if by_means else [c for c in token.head.children if c.dep_ == "dobj"]
            controllers = controllers or [o for o in prep_objects([token.head], CONTROLLING_PREPOSITIONS)
                                          if o.ent_type_ not in TIME_ENTITIES and not by_means]  # not "agreed on Saturday to"
            controllers = controllers or [c for c in token.head.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
            if controllers:
                # Object control: "urged the militias to withdraw", "incited protesters to
                # storm", "called on Iran to release": the object of the governing verb does
                # the infinitive's action, as does a passive's subject ("the brigade was
                # formed to carry out attacks", "American air power could be used to strike").
                return controllers
        said = _subject_hung_on_say(token)
        if said is not None:
            return [said]
        through_open_clause = token.dep_ in OPEN_CLAUSE_DEPS
        token = token.head
        if token.dep_ == "prep" and token.head.i != token.i and token.head.pos_ not in NOMINAL_POS:
            # A gerund under an adverbial preposition ("after signing", "by bombing") is
            # done by the subject of the clause the preposition modifies; under "of", "for",
            # "with" by the verb's object ("accused Israel of backing the rebels", "blamed
            # Riyadh for attacking", "charged Syria with shelling").
            # in the passive by its subject ("the government should be punished for killing its people")
            objects = [c for c in token.head.children if c.dep_ in ("dobj", *PASSIVE_SUBJECT_DEPS)] \
                if token.lower_ in OBJECT_CONTROL_PREPOSITIONS else []
            if objects:
                return objects
            token = token.head
        elif token.dep_ == "prep" and _is_a_step_taken(token.head):
            token = token.head.head  # "South Africa took the step of recalling": South Africa recalls
    return []


def _said_to_be(clause: Token) -> list[Token]:
    """The subject a copula says the noun of an infinitive clause is ("France was the first
    U.S. ally to carry out airstrikes": France carries them out)."""
    noun = clause.head
    if not _has_infinitive_to(clause) or noun.dep_ != PREDICATE_NOMINAL or noun.head.lemma_.lower() != COPULA:
        return []
    return [c for c in noun.head.children if c.dep_ in SUBJECT_DEPS]


def _is_a_step_taken(noun: Token) -> bool:
    """Whether a noun is the object of a verb of taking a step, whose subject does what the
    noun's "of" gerund says ("took the step of recalling its ambassador", "made the decision
    of leaving")."""
    return noun.pos_ in NOMINAL_POS and noun.dep_ == "dobj" and noun.head.lemma_.lower() in STEP_VERBS


def _holder_of_plan(clause: Token) -> list[Token]:
    """Who holds the plan, intention or attempt that an infinitive describes, and so would
    do it: the noun's possessor ("Iran's plan to send troops") or the subject that has it,
    begins it or makes it ("Iran has no intention to send troops", "Russia launched a campaign
    to retake Palmyra", "Kim announced plans to fire rockets"); nobody for a plan someone
    else judges ("welcomed the decision to withdraw")."""
    if not _has_infinitive_to(clause):
        return []
    plan = clause.head
    owners = [c for c in plan.children if c.dep_ == POSSESSOR]
    if owners or plan.dep_ != "dobj" or plan.head.lemma_ not in PLAN_HOLDING_VERBS:
        return owners
    return subject_of(plan.head)


def actor_phrases(anchors: Sequence[Token], lexicon: TriggerLexicon, event_type: EventType) -> list[Token]:
    """Heads of the phrases in the actor slot: the subject of a verb (the "by" agent of a
    passive, whose "from" names a source: "weapons seized from the Iraqi military"; of a
    small clause without one, who has it done), the possessor, modifiers and agent
    preposition of a nominal trigger ("attacks from Iran")."""
    heads = argument_heads(anchors, lexicon)
    phrases: list[Token] = []
    for verb in (h for h in heads if h.pos_ not in NOMINAL_POS):
        if lexicon.is_participation_verb(verb):  # who "engaged in" or "was involved in" it took part
            phrases += subject_of(verb) + children_on([verb], PASSIVE_SUBJECT_DEPS)
            continue
        if lexicon.describes_the_object(verb):  # "police found him dead": the police did not kill him
            continue
        if not is_passive(verb) and not lexicon.suffers_subject(verb):
            # not the act noun a light verb has as subject ("Clashes between Turkey and
            # Hezbollah erupted": the noun's own phrase tells its sides)
            phrases += [s for s in subject_of(verb) if verb in anchors or s not in anchors]
            continue
        agents = prep_objects([verb], lexicon.agent_preps - SOURCE_PREPOSITIONS) + _at_the_hands_of(verb)
        phrases += agents or (subject_of(verb.head) if is_small_clause(verb) else []) \
            or _opponents_in_fight(verb, lexicon, event_type)
    for noun in (h for h in heads if h.pos_ in NOMINAL_POS):
        if _befalls(noun, anchors, lexicon, event_type):
            phrases += children_on([noun], OWNER_DEPS)
            continue
        phrases += children_on([noun], NOMINAL_MODIFIER_DEPS)
        if (receiving := lexicon.receiving_verb(noun)) is not None:
            # "received a call from Putin", "won the backing of Snowe": who gives it does it
            phrases += prep_objects([receiving], SOURCE_PREPOSITIONS) + prep_objects([noun], lexicon.nominal_agent_preps)
        # "American retreat from NATO": what a movement leaves is no doer of it
        agent_preps = lexicon.agent_preps - SOURCE_PREPOSITIONS if event_type.movement else lexicon.agent_preps
        phrases += prep_objects([noun], agent_preps) + _at_the_hands_of(noun)
        if noun.dep_ == "pobj" and noun.head.lower_ in JOURNEY_PREPOSITIONS and lexicon.names_a_journey(noun) \
                and not children_on([noun], OWNER_DEPS):  # "commented on the prosecutor's visit": his
            phrases += subject_of(noun.head.head)  # "Tillerson said on a trip to Turkey": Tillerson travels
        # "at the request of the Iraqi government", "with the support of seven Republicans"
        if _at_the_word_of(noun) or _given_by_its_of(noun, anchors, lexicon):
            phrases += prep_objects([noun], lexicon.nominal_agent_preps)
        if event_type.befalls_act_target:  # "the threat of a U.S. strike": the U.S. threatens
            phrases += children_on([a for a in prep_objects([noun], PATIENT_PREPOSITIONS) if names_an_act(a, lexicon)],
                                   NOMINAL_MODIFIER_DEPS)
        if event_type.movement:  # "the withdrawal of U.S. troops"; "the release of prisoners" frees them
            phrases += [o for o in prep_objects([noun], lexicon.nominal_agent_preps) if _is_mover(o, lexicon)]
        phrases += prep_objects(_participles_of(noun, lexicon, event_type), lexicon.agent_preps)
    return phrases


def _is_mover(token: Token, lexicon: TriggerLexicon) -> bool:
    """Whether a phrase names what a movement moves (`MOVER_CLASS`), and so its actor."""
    return in_noun_class(token, lexicon.noun_class(MOVER_CLASS))


def _names_movers(phrase: Token, lexicon: TriggerLexicon) -> bool:
    """Whether a phrase names movers, also as a count of them ("hundreds of Iranian troops")."""
    return any(_is_mover(group, lexicon) for group in [phrase, *partitive_objects(phrase)])


def _befalls(noun: Token, anchors: Sequence[Token], lexicon: TriggerLexicon, event_type: EventType) -> bool:
    """Whether a noun of the trigger is what another of its words acts on ("the release of
    Afghan prisoners", "took American hostages"): its modifiers name the patient, not the
    doer, unless a movement moves it ("pull US troops out": the troops are the US's). Its
    owner may still be the doer ("easing Israel's blockade")."""
    acted_on = (noun.head in anchors and noun.dep_ in OBJECT_DEPS | PASSIVE_SUBJECT_DEPS) or (
        noun.dep_ == PREPOSITION_OBJECT and noun.head.lower_ == PATIENT_PREPOSITION and noun.head.head in anchors)
    return acted_on and not (event_type.movement and _names_movers(noun, lexicon))


def _participles_of(noun: Token, lexicon: TriggerLexicon, event_type: EventType) -> list[Token]:
    """Participles of a light verb or a claim that describe the act a noun names, whose agent
    did it ("airstrikes carried out by Russia", "an attack claimed by IS"), also where the
    parser hung them lower in the noun's phrase ("attacks on U.S. personnel in Iraq conducted
    by Iran"); not any participle ("a poster accompanied by a sketch"). A movement's lower
    ones describe the places it goes from or to ("the withdrawal of U.S. forces from areas
    held by the SDF"): only its own count."""
    words = list(noun.children) if event_type.movement else list(noun.subtree)
    return [t for t in words if (t.dep_ == PARTICIPLE_CLAUSE or _believed_done(t))
            and (lexicon.is_support_verb(t) or t.lemma_.lower() in lexicon.claim_words | lexicon.claim_verbs)]


def _believed_done(participle: Token) -> bool:
    """Whether a participle is what a participle clause says of its noun ("airstrikes,
    believed carried out by Russia": carried out)."""
    return participle.dep_ == OPEN_COMPLEMENT and participle.head.dep_ == PARTICIPLE_CLAUSE


def _opponents_in_fight(verb: Token, lexicon: TriggerLexicon, event_type: EventType) -> list[Token]:
    """Who the victims of a passive act fought: "20 soldiers were killed in a clash with
    Chinese forces" -> Chinese forces (the "with"/"by" object of an act of the same
    category the verb happened in); "soldiers killed fighting the Taliban" -> the Taliban
    (the object of a gerund of that category the victims were doing)."""
    def same_category(word: Token) -> bool:
        return any(len(row.words) == 1 and row.event == event_type.name
                   for row in lexicon.by_first_word.get(word.lemma_.lower(), ()))

    fights = [noun for noun in prep_objects([verb], FIGHT_PREPOSITIONS) if same_category(noun)]
    # a gerund set off by a comma tells what the act did, not what its victims were doing
    # ("a bomb was detonated on a train, injuring 29 people": no opponents)
    fighting = [c for c in verb.children if c.dep_ in OPEN_CLAUSE_DEPS and c.tag_ == GERUND and same_category(c)
                and not (c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].is_punct)]
    return prep_objects(fights, OPPONENT_PREPOSITIONS) + children_on(fighting, DIRECT_OBJECT_DEPS)


def recipient_phrases(
    anchors: Sequence[Token], tokens: Sequence[Token], lexicon: TriggerLexicon, event_type: EventType,
    participant_words: frozenset[str] = frozenset(),
) -> list[Token]:
    """Heads of the phrases in the recipient slot: object (not what is talked over:
    "discussed Syria", `TriggerLexicon.topic_verbs`), passive subject or modified noun,
    "of" on a nominal trigger, object of a target preposition on the trigger or a noun of its
    phrase (not the trigger's own words, unless one of `participant_words` whose name says
    whom the act befalls: "armed the Houthi rebels" of the trigger "arm rebels", not "took
    hostages"; nor the words of a claim of it: "claimed on Twitter",
    nor an ally: "fighting on the side of Assad", nor whose word it was: "on Netanyahu's
    order", nor, for cooperation, whom it is against:
    "defend the nation against terrorists"), nor, for a material act, another act with a
    target of its own, whose owner did that act ("likened America's killing of a terrorist
    to Putin's assassination of dissidents")."""
    heads = [h for h in argument_heads(anchors, lexicon) if not lexicon.is_claim_verb(h)]
    own = {t.i for t in tokens if not _names_a_party(t, participant_words)}
    phrases = []
    if not event_type.movement:
        # the object of a verb the trigger phrase goes on to ("threatened to attack Israel")
        carried_on = [t for t in tokens if t.pos_ == VERB and t not in heads and t.head in heads]
        phrases += [t for t in children_on(heads, OBJECT_DEPS) + children_on(carried_on, DIRECT_OBJECT_DEPS)
                    if t.i not in own and t.head.lemma_.lower() not in lexicon.topic_verbs]
        # the object of a preposition that is a word of the phrase ("fight alongside the US",
        # "rallied behind Google"), not what it asks for or is about ("called for", "a conference on")
        phrases += [o for t in tokens if t.dep_ == PREPOSITION and t.head in heads
                    and t.lower_ not in TOPIC_PREPOSITIONS | PURPOSE_PREPOSITIONS
                    for o in t.children if o.dep_ == PREPOSITION_OBJECT and o.i not in own]
        phrases += [t for head in heads if head.pos_ not in NOMINAL_POS for t in patients_of(head, lexicon) if t.i not in own]
        phrases += [misread[1] for misread in map(_misread_clause, heads) if misread is not None]
        # "found Mr. Brunson guilty": the subject of the phrase's own small clause; not of a
        # full clause, whose subject does its act ("threatened that the US will strike Iran")
        phrases += [s for t in tokens if t.head in anchors and t.dep_ in SMALL_CLAUSE_DEPS
                    and not any(c.dep_ == CLAUSE_MARKER or c.dep_ in AUXILIARY_DEPS for c in t.children)
                    for s in children_on([t], SUBJECT_DEPS)]
        phrases += prep_objects([h for h in heads if h.pos_ in NOMINAL_POS and not _at_the_word_of(h)
                                 and not _given_by_its_of(h, anchors, lexicon)], lexicon.nominal_agent_preps)
    phrases += [s for noun in heads if noun.pos_ in NOMINAL_POS for s in _receiver_of_means(noun, lexicon)]
    # "received backing from the US"; not "obtained a request from Syria to Moscow", addressed to another
    phrases += [s for noun in heads if lexicon.receiving_verb(noun) is not None
                and not prep_objects([noun, noun.head], ADDRESSEE_PREPOSITIONS) for s in _receiver(noun.head)]
    if event_type.asks_clause_subject:  # "requested that India restrain its troops"; not a clause told before it
        phrases += children_on([c for c in children_on(heads, CLAUSE_COMPLEMENT_DEPS) if c.i > c.head.i], SUBJECT_DEPS)
    preps = lexicon.recipient_preps - (lexicon.location_preps if event_type.movement else frozenset())
    if event_type.met_in_place:  # "met Arafat at an Israeli army base", "talks on Syria": where or what, not with whom
        preps -= VENUE_PREPOSITIONS | MEETING_TOPIC_PREPOSITIONS
    # The phrase's own nouns and verbs carry the target too ("launched missiles against US
    # forces", "vowed to retaliate against Hezbollah"; a verb's "with" may be anyone's: "condemn
    # the hostage taking, with the Grand Mufti saying"; "On the anniversary of bin Laden's death"
    # tells when).
    phrase_nouns = _phrase_nouns(anchors, tokens, lexicon)
    phrase_verbs = [t for t in tokens if t.pos_ == VERB and t not in heads]
    phrases += [t for t in prep_objects(heads + phrase_nouns, preps) + prep_objects(phrase_verbs, preps - PARTNER_PREPOSITIONS)
                if t.lemma_.lower() not in lexicon.ally_nouns | CONNECTIVES and not _is_a_warrant(t, lexicon)
                and not _opens_an_aside(t) and not _names_a_tie(t) and not _blamed(t, lexicon)]
    if event_type.benefits_after_for:  # "support for Israel"; not "praised Trump for the strike"
        phrases += [t for t in prep_objects([n for n in heads + phrase_nouns if n.pos_ in NOMINAL_POS],
                                            BENEFICIARY_PREPOSITIONS)
                    if not names_an_act(t, lexicon)]  # "support for new sanctions among Democrats"
    phrases += aimed_at(heads + phrase_nouns)
    if event_type.quad in COOPERATION_QUADS:  # "defend the nation against terrorists": no help to the terrorists
        phrases = [t for t in phrases if t.head.lower_ not in OPPOSING_PREPOSITIONS]
    partners = {t.i for t in light_verb_partners(anchors, lexicon, event_type)}
    phrases = [t for t in phrases if t.i not in partners]
    if not event_type.verbal:  # "likened America's killing of X to Putin's assassination of Y": no Putin
        phrases = [t for t in phrases if not (names_an_act(t, lexicon) and _with_patient([t]))]
    return [t for t in phrases if not _names_hands(t)]  # "killed at the hands of the militants": the doers


def _names_a_party(noun: Token, participant_words: frozenset[str]) -> bool:
    """Whether a noun of `participant_words` is qualified by a name that says whose it is
    ("the Houthi rebels", "Iraqi security forces", "Assad's troops"), not a bare role
    ("hostages", "artillery")."""
    return is_participant_word(noun, participant_words) and any(
        c.dep_ in PARTY_QUALIFIER_DEPS and c.text[:1].isupper() for c in noun.children)


def is_participant_word(word: Token, participant_words: frozenset[str]) -> bool:
    """Whether a word, by lemma or form, is one of `participant_words` ("gunmen", "police")."""
    return word.lemma_.lower() in participant_words or word.lower_ in participant_words


def _phrase_nouns(anchors: Sequence[Token], tokens: Sequence[Token], lexicon: TriggerLexicon) -> list[Token]:
    """The nouns of a trigger phrase below its head ("sanctions" in "the lifting of sanctions")."""
    heads = argument_heads(anchors, lexicon)
    return [t for t in tokens if t.pos_ in NOMINAL_POS and t not in heads]


def _names_a_tie(noun: Token) -> bool:
    """Whether a "with" object is a bond the act's target has ("killed four people with links
    to al Qaeda", the parser hanging "with" on the verb): whom the bond is to suffers nothing."""
    return noun.head.lower_ in PARTNER_PREPOSITIONS and noun.lemma_.lower() in TIE_NOUNS


def _is_a_warrant(noun: Token, lexicon: TriggerLexicon) -> bool:
    """Whether a noun after a preposition is the word an act is done on ("on Netanyahu's
    order", "on the orders of Baghdadi", "on behalf of Iran"): whose word it is gave it,
    the act does not befall them."""
    return noun.dep_ == PREPOSITION_OBJECT and in_noun_class(noun, lexicon.noun_class(WARRANT_CLASS))


def light_verb_partners(anchors: Sequence[Token], lexicon: TriggerLexicon, event_type: EventType) -> list[Token]:
    """The "with" objects of a one-sided act carried by a light verb, on the verb or the act,
    who do it with the subject ("IS carried out the attack with AQIM", "launched an offensive
    with Syrian rebels"); a fight's "with" object is the other side ("fought a battle with
    the Taliban", noun class `FIGHT_CLASS`), as is a mutual act's ("signed a deal with Iran")."""
    fights = lexicon.noun_class(FIGHT_CLASS)
    if event_type.mutual or any(in_noun_class(a, fights) for a in anchors):
        return []
    carried = [(a, v) for a, v in zip(anchors, map(lexicon.light_verb, anchors)) if v is not None and v not in anchors]
    # the act's own "with" only where the verb carries it as its object ("carried out the attack
    # with AQIM"), not "sanctions will be announced against companies with links to Assad"
    words = [v for _, v in carried] + [a for a, v in carried if a.dep_ in DIRECT_OBJECT_DEPS and a.head == v]
    return prep_objects(words, PARTNER_PREPOSITIONS)


def aimed_at(words: Sequence[Token]) -> list[Token]:
    """What a participle of aiming on an act's noun points it at ("an attack directed at the
    U.S.", "rockets aimed at Israel"): its target."""
    aiming = [c for word in words if word.pos_ in NOMINAL_POS for c in word.children if _aims(c)]
    return prep_objects(aiming, TARGET_PREPOSITIONS)


def _aims(word: Token) -> bool:
    return word.dep_ == PARTICIPLE_CLAUSE and word.lemma_.lower() in AIMING_VERBS


def _is_aimed_at(phrase: Token) -> bool:
    """Whether a phrase is what a participle of aiming points an act at (`aimed_at`)."""
    return phrase.head.lower_ in TARGET_PREPOSITIONS and _aims(phrase.head.head)


def _inquiry_topic(word: Token, lexicon: TriggerLexicon) -> bool:
    """Whether a word is a place name, or names joined by a hyphen, compounded before a noun
    of `INQUIRY_CLASS`: what it looks into, not who does ("the Russia probe", "the Benghazi
    investigation", "its Trump-Russia investigation": a tie looked into; "the FBI
    investigation" is the FBI's)."""
    if word.dep_ != COMPOUND_DEP or not in_noun_class(word.head, lexicon.noun_class(INQUIRY_CLASS)):
        return False
    return word.ent_type_ == PLACE_ENTITY or sum(t.text[:1].isupper() for t in hyphen_group(word)) > 1


def _given_by_its_of(noun: Token, anchors: Sequence[Token], lexicon: TriggerLexicon) -> bool:
    """Whether a noun of `GIVEN_BY_OF_CLASS` names its giver after "of": nobody is named
    before it ("his support of reform", "U.S. support of Israel": the "of" object gets it),
    no verb of the trigger gives it ("voiced support of Israel") and it is no "in support
    of" ("rallied in support of Israel": for Israel)."""
    named_before = any(c.dep_ == POSSESSOR or (c.dep_ in NOMINAL_MODIFIER_DEPS and (c.ent_type_ or c.tag_ in PROPER_NOUN_TAGS))
                       for c in noun.children)
    return (in_noun_class(noun, lexicon.noun_class(GIVEN_BY_OF_CLASS)) and not named_before
            and noun.head not in anchors
            and not (noun.dep_ == PREPOSITION_OBJECT and noun.head.lower_ == ON_BEHALF_PREPOSITION))


def _at_the_word_of(noun: Token) -> bool:
    """Whether an act noun follows "at" ("at the request of Iraq", "at the invitation of the
    government", "at the urging of Washington"): its "of" object is whose word it was."""
    return noun.dep_ == PREPOSITION_OBJECT and noun.head.lower_ == AT


def _names_hands(noun: Token) -> bool:
    """Whether a phrase is "the hands of" someone ("at the hands of the militants")."""
    return noun.lemma_.lower() == HANDS and noun.head.lower_ == AT and any(
        c.dep_ == "prep" and c.lower_ == PATIENT_PREPOSITION for c in noun.children)


def _at_the_hands_of(word: Token) -> list[Token]:
    """Who did what `word` says befell someone "at the hands of" them ("civilians killed at
    the hands of the militants", "torture at the hands of the regime")."""
    hands = [n for n in prep_objects([word], frozenset({AT})) if _names_hands(n)]
    return prep_objects(hands, PATIENT_PREPOSITIONS)


def names_an_act(noun: Token, lexicon: TriggerLexicon) -> bool:
    """Whether an argument noun is a trigger noun of its own ("ordered a strike")."""
    return noun.pos_ in NOMINAL_POS and any(len(row.words) == 1 and (not row.pos or NOUN in row.pos)
                                            for row in lexicon.by_first_word.get(noun.lemma_.lower(), ()))


def _act_targets(act: Token, lexicon: TriggerLexicon) -> list[Token]:
    """Whom an act noun befalls ("a strike against the airbase", "the killing of Assad"), but
    not whom a blame verb above it blames ("blame Sunday's strike on Iran";
    `TriggerLexicon.blame_verbs`), however the parser hangs the "on"."""
    return [target for target in prep_objects([act], lexicon.recipient_preps | PATIENT_PREPOSITIONS)
            if not _blamed(target, lexicon)]


def _blamed(target: Token, lexicon: TriggerLexicon) -> bool:
    """Whether a preposition's object is whom a blame verb lays an act on, however the parser
    hangs the "on" ("blame Sunday's strike on Iran": Iran is blamed, not struck)."""
    preposition = target.head
    return preposition.lower_ == BLAMED_PREPOSITION and any(
        word.lemma_.lower() in lexicon.blame_verbs for word in (preposition.head, preposition.head.head))


def _receiver_of_means(noun: Token, lexicon: TriggerLexicon) -> list[Token]:
    """Who a noun's act befalls when a verb of striking delivers it: the passive's subject
    when the noun is its means ("Russia was hit with new sanctions", "the plan was met with
    protests"), the object when the noun is the subject of such a verb ("the sanctions will
    hit Iran"; not any verb: "the raids pulled Egypt into the fight" befell no Egypt)."""
    if noun.dep_ in SUBJECT_DEPS and in_noun_class(noun.head, lexicon.noun_class(BLOW_CLASS)):
        return [c for c in noun.head.children if c.dep_ in DIRECT_OBJECT_DEPS]
    verb = noun.head.head
    if noun not in passive_means(verb):
        return []
    return [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]


def _receiver(verb: Token) -> list[Token]:
    """Who a verb of receiving says gets something: its subject, or the subject of the clause
    it completes ("he would get support", "hoped to get support"); not the noun or object an
    infinitive of purpose hangs on ("dropping the option in the Finance Committee proposal to
    win the backing of Snowe")."""
    own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if own or (_has_infinitive_to(verb) and verb.dep_ != OPEN_COMPLEMENT):
        return own
    return subject_of(verb)


def unnamed_participants(
    phrases: Sequence[Token], sent: Span, mentions: SentenceMentions, participant_words: frozenset[str],
    lexicon: TriggerLexicon,
) -> list[Token]:
    """The argument phrases no actor or place mention names that still name a participant:
    a pronoun ("they demanded"), or a noun of `participant_words` ("the bomber",
    "police"), also the one a relative pronoun stands for (`_told_referent`: "the gunmen who
    attacked"). Whatever else fills the slot ("the explosion") is no participant, nor is a
    noun modifying a nominal trigger ("rocket attacks": a kind of act). A count or share of
    a group is that group ("all four of the terrorists were killed": the terrorists), unlike
    whom an act befalls ("condemns the killing of the worshippers": no worshipper condemned).
    Only phrases of `sent` count: a parse run across a paragraph break reaches into the
    line before. A place compounded into the noun does not name it ("a New York City police
    officer": an officer; `_qualifies_as_a_place`). A backer names no participant
    ("US-backed forces": the forces are one), nor does whom a group opposes ("Assad's
    opponents"), nor an act ("Airstrikes continued", "ordered targeted airstrikes", "a
    campaign of airstrikes": no one does or suffers them)."""
    named = [*mentions.actors, *mentions.places]
    # "the gunmen who attacked the mall": the gunmen
    phrases = [_told_referent(p) or p if p.lower_ in RELATIVE_PRONOUNS else p for p in phrases]
    # "all four of the terrorists" are terrorists; "critics of Morsi" are critics
    phrases = list(dict.fromkeys(member for phrase in phrases for member in (
        not is_participant_word(phrase, participant_words) and not names_an_act(phrase, lexicon)
        and partitive_objects(phrase)) or [phrase]))
    return [
        phrase for phrase in phrases
        if sent.start <= phrase.i < sent.end and (phrase.pos_ == PRONOUN or is_participant_word(phrase, participant_words))
        and phrase.dep_ not in NOMINAL_MODIFIER_DEPS | {"expl"}
        and phrase.lower_ not in RELATIVE_PRONOUNS and not names_an_act(phrase, lexicon)
        and not taking_part([m for m in mentions_in(named, *_span_of(phrase, whole=False))
                             if not _qualifies_as_a_place(m, phrase)], phrase, lexicon)
    ]


def _qualifies_as_a_place(mention: ActorMention | PlaceMention, phrase: Token) -> bool:
    """Whether a place is compounded into a participant noun only to say where it serves ("a
    New York City police officer"): the officer takes part, not the city."""
    return isinstance(mention, PlaceMention) and any(_covers(mention, t) for t in children_on([phrase], COMPOUND_DEPS))


def _told_referent(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for where its clause tells something done ("the
    gunmen who attacked the mall", "civilians who have been killed"); None where the clause
    says what its people are like in a bare present ("the people who want to kill us",
    "bombers who train to drop bombs") or the noun is a pronoun ("those who call for
    violence"): no one in particular."""
    clause = pronoun.head
    if clause.tag_ in PRESENT_TENSE_TAGS and not children_on([clause], AUXILIARY_DEPS):
        return None
    referent = relative_referent(pronoun)
    return None if referent.pos_ == PRONOUN else referent


def _issuers(phrase: Token, lexicon: TriggerLexicon) -> list[Token]:
    """Who issued the thing a participle or relative clause hangs on, when that thing names
    nobody: "Kuwait circulated a statement calling for an inquiry", "the group released a video
    threatening attacks", "Shekau posted a recording that pledged allegiance" -> Kuwait, the
    group, Shekau (the subject of the verb it is the object of). "Who" stands for people, who
    do what they do themselves ("the U.S. identified five men who might be responsible for
    the attack": the men, not the U.S.); an act is nobody's issue ("the U.N. will investigate
    an attack that killed hundreds": not the U.N.), and who receives or stops the thing did not
    issue it ("Trump received an email offering a decryption key", "Russia and China blocked
    a resolution condemning the crackdown")."""
    if phrase.lower_ in PERSON_RELATIVE_PRONOUNS:
        return []
    relative = phrase.lower_ in RELATIVE_PRONOUNS and phrase.head.dep_ == RELATIVE_CLAUSE
    noun = phrase.head.head if relative else phrase
    if noun.pos_ not in NOMINAL_POS or noun.dep_ not in OBJECT_DEPS or noun.head.i == noun.i \
            or names_an_act(noun, lexicon) or noun.head.lemma_.lower() in lexicon.receiving_verbs | lexicon.blocking_verbs:
        return []  # "Trump received an email offering a key": the sender offers, not Trump
    if not any((c.dep_ == "acl" and c.tag_ == GERUND) or c.dep_ == RELATIVE_CLAUSE for c in noun.children):
        return []
    return subject_of(noun.head)


def find_actors(
    anchors: Sequence[Token],
    tokens: Sequence[Token],
    mentions: SentenceMentions,
    lexicon: TriggerLexicon,
    event_type: EventType,
    actor_kb: ActorKB | None = None,
) -> list[ActorMention]:
    """The source actors of the event (PLOVER `source`), best first, one per identity.

    When no resolved mention sits in the argument phrases, a group's nationality words name
    the actor ("20,000 Iranian fighters poured into Idlib": IRN), read through `actor_kb`.
    """
    heads = argument_heads(anchors, lexicon)
    verbs = [h for h in heads if h.pos_ not in NOMINAL_POS]
    partners = [p for p in light_verb_partners(anchors, lexicon, event_type)  # named, not "with links to Assad"
                if mentions_in(mentions.actors, *_span_of(p, whole=False))]
    suffered = _acts_suffered(verbs, tokens, lexicon)
    phrases = actor_phrases(anchors, lexicon, event_type) + _means_fired(verbs, tokens, lexicon) + partners \
        + children_on(suffered, NOMINAL_MODIFIER_DEPS) + prep_objects(suffered, lexicon.nominal_agent_preps)
    if not verbs:  # "the lifting of sanctions by the EU"; not "seek an investigation by the UN", which the UN does
        phrases += prep_objects(_phrase_nouns(anchors, tokens, lexicon), PASSIVE_AGENT_PREPOSITIONS)
    targets = person_targets(anchors, mentions, lexicon, event_type)
    if _owned(anchors, mentions, targets, event_type):  # "the House approved Obama's request": Obama's, not the House's
        light_verbs = {h.i for h in heads if h not in anchors}
        phrases = [p for p in phrases if p.head.i not in light_verbs]
    found = [m for phrase in phrases for m in _doers_in(phrase, mentions.actors, lexicon)]
    if not found:
        phrases += [subject for phrase in phrases for subject in _issuers(phrase, lexicon)]
        found = [m for phrase in phrases for m in _doers_in(phrase, mentions.actors, lexicon)]
    befallen: set[int] = set()  # "Nigerian hostages were freed": what is freed is no mover, its people no actor
    left: list[tuple[int, int]] = []
    if not found and event_type.movement:
        moved = acted_on_by(verbs) + prep_objects(heads, PATIENT_PREPOSITIONS)
        phrases += [t for t in moved if _names_movers(t, lexicon)]
        befallen = {t.idx for phrase in moved if not _names_movers(phrase, lexicon) for t in phrase.subtree}
        phrases += [t for t in tokens if t.pos_ in NOMINAL_POS and t.idx not in befallen]
        # "American retreat from NATO", "withdrawing personnel from Syria": what a movement leaves is no mover
        left = [_span_of(phrase) for phrase in prep_objects(heads + moved, SOURCE_PREPOSITIONS)]
        found = _outside([m for phrase in phrases for m in _doers_in(phrase, mentions.actors, lexicon)], left)
    unknown_before_act = [] if event_type.named_before_authors else _compound_spans(anchors)
    found = [m for m in found if m not in targets and (m.actor_id is not None or _outside([m], unknown_before_act))
             and not _place_come_from(m, anchors[0].doc)]
    claimers = _outside(found, [_span_of(t) for t in _claimed_act_modifiers(anchors, lexicon)])
    if claimers:  # who claims the act did it; a name before the act is its target ("the Serena Hotel attack")
        found = claimers
    if actor_kb is not None and not any(m.actor_id for m in found):
        topics = [_span_of(t) for phrase in phrases for t in phrase.subtree if _inquiry_topic(t, lexicon)]
        found += _outside([m for phrase in phrases for m in group_actors(phrase, actor_kb)
                           if m.evidence.start not in befallen], topics + left)
        # a nationality before an act is its doer ("killed in an Israeli strike"); a state's name
        # only before one that names its target (`_with_target`): "the Syria strikes" hit Syria
        targeted = _with_target(anchors, lexicon)
        found += [m for noun in anchors if noun.pos_ in NOMINAL_POS and not _befalls(noun, anchors, lexicon, event_type)
                  for m in demonym_actors(noun, actor_kb, names=noun in targeted)]
        found += [m for noun in suffered for m in demonym_actors(noun, actor_kb, names=False)]
    if actor_kb is not None and not any(m.actor_id for m in found):
        # "criticism from Russia": the country words come from is their sayer; "received aid
        # from Russia", "received the support of Russia": the country it comes from gives it
        sources = [h for h in heads if h.pos_ in NOMINAL_POS] if is_said(event_type) else []
        received = [h for h in heads if lexicon.receiving_verb(h) is not None]
        givers = prep_objects(sources + [h.head for h in received], SOURCE_PREPOSITIONS) \
            + prep_objects(received, lexicon.nominal_agent_preps)
        found += _states_in(givers, mentions, actor_kb, SOURCE_STATE_VIA, lexicon)
    return _distinct(_without_qualifiers(found, anchors[0].doc))


def _compound_spans(anchors: Sequence[Token]) -> list[tuple[int, int]]:
    """Character spans of the compounds before a nominal trigger, where a name no KB entry
    knows is a target or a place far more often than a doer ("the World Trade Center
    bombing", "the Westgate Mall attack", "the 1996 Khobar Towers terrorist bombing", whose
    name the parser hangs as a nominal modifier), unlike a known one ("the Hamas attack")."""
    return [_span_of(c) for a in anchors if a.pos_ in NOMINAL_POS for c in a.children
            if c.dep_ in NAME_BEFORE_ACT_DEPS and c.i < a.i]


def _claimed_act_modifiers(anchors: Sequence[Token], lexicon: TriggerLexicon) -> list[Token]:
    """The names before a nominal trigger whose light verb claims it ("claimed
    responsibility for the Kabul Serena Hotel attack")."""
    nouns = [a for a in anchors if a.pos_ in NOMINAL_POS]
    claimed = [n for n in nouns if (verb := lexicon.light_verb(n)) is not None and lexicon.is_claim_verb(verb)]
    return children_on(claimed, NOMINAL_MODIFIER_DEPS)


def _means_fired(verbs: Sequence[Token], tokens: Sequence[Token], lexicon: TriggerLexicon) -> list[Token]:
    """The weapons a passive of the phrase fired, whose owner fired them: the phrase's own
    word the passive acts on ("Iranian missiles fired into Iraq", "Hamas rockets were
    launched at Israel"), as an actor phrase, which reads the noun without its clauses; only
    one with a modifier to name the owner by ("Weapons from the Libyan stockpiles were
    shipped" names where they came from, not who shipped them). A passive with an agent
    names who did it ("the talks would be led by Henzel"), and envoys and captives are sent,
    sent away or held, never fired ("Russian diplomats were expelled": Russia's, expelled by
    another; "American hostages held in Syria": held by others)."""
    own = {t.i for t in tokens}
    people = lexicon.noun_class(ENVOY_CLASS) | lexicon.noun_class(CAPTIVES_CLASS)
    return [p for verb in verbs if not children_on([verb], AGENT_DEPS)
            for p in patients_of(verb, lexicon) if p.i in own and children_on([p], NOMINAL_MODIFIER_DEPS)
            and not in_noun_class(p, people)]


def _acts_suffered(verbs: Sequence[Token], tokens: Sequence[Token], lexicon: TriggerLexicon) -> list[Token]:
    """The act nouns of the phrase its subject suffered in ("people died in an Israeli
    airstrike"): their modifiers and agents name the doer, as an act noun's own would."""
    own = {t.i for t in tokens}
    return [o for verb in verbs if lexicon.suffers_subject(verb) for preposition in verb.children
            if preposition.dep_ == PREPOSITION and preposition.i in own for o in preposition.children if o.i in own]


def _doers_in(phrase: Token, actors: Sequence[ActorMention], lexicon: TriggerLexicon) -> list[ActorMention]:
    """`party_actors` of an actor phrase less those it is against or aimed at ("Russia's
    aggression against Ukraine threatens Europe": not Ukraine; "rocket fire towards Israel
    resumed": not Israel; for an act noun also what it is on: "whose crackdown on the group
    continued": not the group) or looks into ("the Russia probe continues": not Russia)."""
    topics = [_span_of(t) for t in phrase.subtree if _inquiry_topic(t, lexicon)]
    aimed = TARGET_PREPOSITIONS if names_an_act(phrase, lexicon) else TARGETING_PREPOSITIONS
    return _outside(party_actors(phrase, actors, lexicon), _against_spans(phrase.subtree, aimed) + topics)


def _owned(anchors: Sequence[Token], mentions: SentenceMentions, targets: Sequence[ActorMention],
           event_type: EventType) -> bool:
    """Whether a nominal trigger's possessor is a named actor ("Obama's request"), or, for a
    statement, whoever it comes from ("approved a request from Iraq"): the act is its
    owner's, whoever the light verb's subject is; not one it befalls (`targets`: "the US
    carried out Qassem Soleimani's killing" is the US's). A material act's "from" is where
    it comes from ("launched attacks from Gaza")."""
    nouns = [a for a in anchors if a.pos_ in NOMINAL_POS]
    owners = [c for a in nouns for c in a.children if c.dep_ == POSSESSOR]
    if event_type.verbal:
        owners += prep_objects(nouns, SOURCE_PREPOSITIONS)
    return any(m not in targets for owner in owners for m in mentions_in(mentions.actors, *_span_of(owner)))


def _with_patient(anchors: Sequence[Token]) -> list[Token]:
    """Nominal triggers that name what they befall after "of" ("the U.S. killing of an
    Iranian commander", "the Turkish invasion of Syria"): a state named before such a noun is
    its doer (`demonym_actors` reads it), where before a bare one it may be the place or the
    target ("the Syria strikes")."""
    return [a for a in anchors if a.pos_ in NOMINAL_POS
            and any(c.dep_ == "prep" and c.lower_ == PATIENT_PREPOSITION for c in a.children)]


def _with_target(anchors: Sequence[Token], lexicon: TriggerLexicon) -> list[Token]:
    """Nominal triggers that name whom they befall: after "of" (`_with_patient`), after a
    target preposition ("the U.S. strike against Syria", "a US strike on Syria") or as the
    object of an act's clause on them ("the U.S. drone strike that killed Soleimani", not "the
    Syria strike, which shifted Trump"); a state named before such a noun is its doer."""
    patients = _with_patient(anchors)
    targeted = [n for n in anchors if n.pos_ in NOMINAL_POS and n not in patients and (
        any(o.ent_type_ not in TIME_ENTITIES for o in prep_objects([n], lexicon.recipient_preps & TARGET_PREPOSITIONS))
        or any(c.dep_ == RELATIVE_CLAUSE and c.lemma_.lower() in lexicon.first_words and children_on([c], DIRECT_OBJECT_DEPS)
               for c in n.children))]
    return patients + targeted


def person_targets(anchors: Sequence[Token], mentions: SentenceMentions, lexicon: TriggerLexicon,
                   event_type: EventType) -> list[ActorMention]:
    """People named before a nominal trigger ("the Soleimani strike", "the Khashoggi
    murder") or owning an act done to people ("Soleimani's killing";
    `TriggerLexicon.patient_nouns`): its target, where a state or force there is its doer
    ("Russian airstrikes", "Iran's attack"), but for the end of a whole party
    (`TriggerLexicon.ruin_nouns`: "sought Israel's destruction"). An act that names its
    target after "of" has its doer as owner ("Trump's assassination of an Iranian
    official"); a movement is its mover's ("the Obama withdrawal from Iraq"), as is a
    journey ("to protest the Obama trip"), and words are their author's ("the Assad pledge";
    `EventType.named_before_authors`)."""
    if event_type.movement or event_type.named_before_authors:
        return []
    found = []
    for noun in (a for a in anchors if a.pos_ in NOMINAL_POS and not lexicon.names_a_journey(a)):
        ruin = noun.lemma_.lower() in lexicon.ruin_nouns and not _with_patient([noun])
        patient_noun = ruin or (noun.lemma_.lower() in lexicon.patient_nouns and not _with_patient([noun]))
        deps = PATIENT_MODIFIER_DEPS if patient_noun else {COMPOUND_DEP}
        for child in (c for c in noun.children if (c.dep_ in deps or (patient_noun and _marked_possessive(c)))
                      and c.i < noun.i):
            found += [m for m in mentions.actors if _covers(m, child)
                      and (ruin or m.actor_type == PERSON_TYPE or child.ent_type_ == PERSON_ENTITY or m.via == Link.COREF)
                      and not _investigator_of(m, noun, lexicon)]
    return found


def _investigator_of(person: ActorMention, noun: Token, lexicon: TriggerLexicon) -> bool:
    """Whether a person named before an inquiry is who leads it: one whose office investigates
    (police, justice, intelligence: "the Mueller investigation"), where anyone else is
    looked into ("the Flynn investigation", "the Clinton email inquiry")."""
    return code_sector(person.code) in INVESTIGATING_SECTORS \
        and in_noun_class(noun, lexicon.noun_class(INQUIRY_CLASS))


def code_sector(code: str | None) -> str | None:
    """The sector an actor code names after its country ("USACOP": COP), or None."""
    return code[ACTOR_CODE_LENGTH : 2 * ACTOR_CODE_LENGTH] if code and len(code) >= 2 * ACTOR_CODE_LENGTH else None


def _marked_possessive(token: Token) -> bool:
    """A word with a possessive "'s" the parser hung under another label ("Gen. Qassem
    Soleimani's killing": "Soleimani" an nsubj of "killing")."""
    return any(c.dep_ == POSSESSIVE_MARKER and c.tag_ == POSSESSIVE_TAG for c in token.children)


def find_recipients(
    phrases: Sequence[Token],
    anchors: Sequence[Token],
    tokens: Sequence[Token],
    mentions: SentenceMentions,
    lexicon: TriggerLexicon,
    event_type: EventType,
    actors: Sequence[ActorMention],
    actor_kb: ActorKB | None = None,
) -> list[ActorMention]:
    """The recipients (object or target of a preposition), never one of the actors nor the
    actor again ("Trump defended his reversal" is no support for Trump), nor, for an act of
    cooperation, whom it is against ("supported the fight against IS"), nor, for words about
    an act, whom it befalls, except for a threat, whose recipient that is ("the threat of a
    U.S. strike against Syria": Syria, not the U.S.). A
    state's facility stands for the state ("rockets hit the U.S. Embassy": USA), also where
    it qualifies the object ("the U.S. Embassy compound"), read through `actor_kb`.
    `phrases` are the hit's `recipient_phrases`, which the coder also reads for unnamed targets."""
    if event_type.verbal and event_type.befalls_act_target:  # "the threat of a U.S. strike against Syria": Syria
        phrases = [t for phrase in phrases
                   for t in (_act_targets(phrase, lexicon) if names_an_act(phrase, lexicon) else []) or [phrase]]
    taken = {(a.evidence.start, a.evidence.end) for a in actors}
    selves = {a.actor_id for a in actors if a.actor_id}
    found = [
        m
        for phrase in phrases
        for m in party_actors(phrase, mentions.actors, lexicon)
        if (m.evidence.start, m.evidence.end) not in taken and m.actor_id not in selves
    ]
    if all(h.pos_ in NOMINAL_POS for h in argument_heads(anchors, lexicon)):
        # "the lifting of sanctions by the EU": who does what a noun names is no recipient
        found = _outside(found, [_span_of(o) for phrase in phrases
                                 for o in prep_objects(list(phrase.subtree), PASSIVE_AGENT_PREPOSITIONS)])
    # "demolished their homes on Netanyahu's order": the order's giver is no recipient
    found = _outside(found, [_span_of(t) for phrase in phrases for t in phrase.subtree if _is_a_warrant(t, lexicon)])
    if event_type.quad in COOPERATION_QUADS:  # "supported (the fight) against IS" supports no IS
        found = _outside(found, [span for phrase in phrases for span in _against_spans((phrase.head, *phrase.subtree))])
    if event_type.verbal and not event_type.befalls_act_target:
        # "ordered a strike against the airbase", "condemned the attack on the embassy": whom
        # the act befalls is no party to words about it, unlike its doer ("condemned Russia's attack")
        found = _outside(found, [_span_of(target) for phrase in phrases if names_an_act(phrase, lexicon)
                                 for target in _act_targets(phrase, lexicon)])
    found += [m for m in person_targets(anchors, mentions, lexicon, event_type)
              if (m.evidence.start, m.evidence.end) not in taken]
    if not found and actor_kb is not None:
        found = [m for phrase in phrases for facility in (phrase, *children_on([phrase], COMPOUND_DEPS))
                 if facility.lemma_.lower() in lexicon.state_facilities for m in group_actors(facility, actor_kb)]
    addressed = _addressee_prepositions(event_type)
    if not found and actor_kb is not None and not event_type.movement:
        found = _target_states([p for p in phrases if p.dep_ in DIRECT_OBJECT_DEPS or _is_aimed_at(p)
                                or p.head.lower_ in addressed], mentions, actor_kb, lexicon)
    if not found and actor_kb is not None and (is_said(event_type) or event_type.requires_recipient):
        pressed = ADDRESSEE_PREPOSITIONS | PRESSED_PREPOSITIONS | addressed
        found = _addressed_capitals([p for p in phrases if p.head.lower_ in pressed], mentions, actor_kb, lexicon)
    if not found and actor_kb is not None:
        found = [m for m in _envoys_states(tokens, mentions, lexicon, actor_kb) if m.actor_id not in selves]
    return _distinct(_without_qualifiers(found, anchors[0].doc))


def _envoys_states(tokens: Sequence[Token], mentions: SentenceMentions, lexicon: TriggerLexicon,
                   actor_kb: ActorKB) -> list[ActorMention]:
    """Whom the envoys a diplomatic phrase names serve ("expelled 23 Russian diplomats",
    "summoned the British ambassador": Russia, Britain), the recipient of the act."""
    envoys = [t for t in tokens if t.pos_ in NOMINAL_POS
              and in_noun_class(t, lexicon.noun_class(ENVOY_CLASS))]
    return [m for envoy in envoys for m in phrase_actors(envoy, mentions.actors) or group_actors(envoy, actor_kb)]


def _addressee_prepositions(event_type: EventType) -> frozenset[str]:
    """Prepositions whose object a country is the recipient through: whom words are said to
    or aimed at ("threats to the United States", "lashed out at Iran"), whom a benefit is
    meant for ("weapons to Ukraine")."""
    if is_said(event_type):
        return ADDRESSEE_PREPOSITIONS | AIMED_WORDS_PREPOSITIONS
    return ADDRESSEE_PREPOSITIONS if event_type.benefits_after_for else frozenset()


def _target_states(objects: Sequence[Token], mentions: SentenceMentions, actor_kb: ActorKB,
                   lexicon: TriggerLexicon) -> list[ActorMention]:
    """Countries an act is done to as its direct object ("Iraq invaded Kuwait", "bombed
    Syria", "an attack directed at the U.S."), or the words said are addressed to ("threats
    to the United States"): the state is the recipient, the country also the place of a
    material act. A country aid is sent or given to gets it ("sent weapons to Ukraine"). A
    city is only a place. Every country of a list is one ("pressed France, Germany and
    other European nations")."""
    listed = [c for o in objects for c in o.conjuncts if c.i > o.i]
    return _states_in([*objects, *listed], mentions, actor_kb, TARGET_STATE_VIA, lexicon)


def _addressed_capitals(phrases: Sequence[Token], mentions: SentenceMentions, actor_kb: ActorKB,
                        lexicon: TriggerLexicon) -> list[ActorMention]:
    """The governments of the capitals words are addressed to or pressed on, or a measure or
    aid is meant for ("listed 12 demands on Tehran", "warnings to Moscow", "sanctions on
    Moscow"): such a capital stands for its government, where a capital struck is a place.
    Only a place the phrase is: not one that qualifies its noun ("ordered a strike on a
    Baghdad airport", "a deal on Iran's nuclear programme")."""
    places = [p for p in phrases if any(_covers(m, p) for m in mentions.places)]
    return _states_in(places, mentions, actor_kb, TARGET_STATE_VIA, lexicon, capitals=True)


def _states_in(phrases: Sequence[Token], mentions: SentenceMentions, actor_kb: ActorKB, via: str,
               lexicon: TriggerLexicon, capitals: bool = False) -> list[ActorMention]:
    """The states of the countries named in `phrases` (and with `capitals` the governments of
    the capitals), as mentions read `via` a rule; not a country only whom the phrase's
    people oppose or stand with ("military assistance to Russia's adversaries")."""
    found = []
    for phrase in phrases:
        for place in taking_part(mentions_in(mentions.places, *_span_of(phrase, whole=False)), phrase, lexicon):
            state = place_actor(place, actor_kb) if place.feature == COUNTRY or capitals else None
            if state is not None:
                found.append(mention_of_place(place, state, place.confidence * TARGET_STATE_FACTOR, via))
    return found


def split_sides(
    anchors: Sequence[Token],
    mentions: SentenceMentions,
    lexicon: TriggerLexicon,
    mutual: bool,
    actors: Sequence[ActorMention],
    recipients: Sequence[ActorMention],
) -> tuple[list[ActorMention], list[ActorMention]]:
    """(actors, recipients) with two-sided phrasing split into source and recipients.

    "clashes between Israel and Hamas": the first object of "between" is the source, the
    others recipients. A `mutual` event (a meeting, an agreement) whose only participants are
    coordinated subjects ("Pompeo and Baradar held talks") takes the first as source, as
    does a reciprocal one ("each accused the other"; the coder adds the mirror event), but
    not one with a partner after "with" ("Obama and Biden met with the lawmakers").
    """
    actors, recipients = list(actors), list(recipients)
    heads = argument_heads(anchors, lexicon)
    sides = _distinct([m for phrase in prep_objects(heads, lexicon.mutual_preps)
                       for m in party_actors(phrase, mentions.actors, lexicon)])
    if sides and not actors:
        actors, sides = sides[:1], sides[1:]
    taken = {_key(m) for m in actors + recipients}
    recipients += [m for m in sides if _key(m) not in taken]
    if (mutual or has_reciprocal_object(anchors, lexicon)) and len(actors) > 1 and not recipients \
            and not _unnamed_partner(heads, mentions, lexicon):
        actors = [a for a in actors if not _qualified_by(a, actors, anchors[0].doc)]
        actors, recipients = actors[:1], actors[1:]
    return actors, recipients


def owned_by(mention: ActorMention, doc) -> Token | None:
    """What a mention named only as an owner owns ("his forces attacked": forces), or None."""
    words = words_of(mention, doc)
    return words.root.head if words is not None and words.root.dep_ == POSSESSOR else None


def _qualified_by(mention: ActorMention, actors: Sequence[ActorMention], doc) -> list[ActorMention]:
    """The actors a mention only says whose or which they are: its words own or qualify
    another's, directly or through the names they qualify ("Yemen's Houthi rebels and their
    allies agreed": Yemen is no side of its own; "House Armed Services Chairman Buck McKeon
    pledged": McKeon; "House and Senate Republicans": the Republicans; "a raid on the office
    of his personal attorney, Michael Cohen": Cohen), where a conjunct of a
    subject is a side ("Iran and Russia agreed"), as is a qualifier coordinated with the
    other's own ("US and Russian officials": US officials) or paired with it by a hyphen
    ("US-Iraq military facilities")."""
    words = words_of(mention, doc)
    if words is None:
        return []
    conjuncts = [c for c in words.root.children if c.dep_ in COORDINATE_DEPS]
    if _paired_by_hyphen(words):
        return []  # "joint US-Iraq military facilities": the US is a side as much as Iraq
    step = words.root
    while step.dep_ in COORDINATE_DEPS:
        step = step.head
    while step.dep_ in PARTY_QUALIFIER_DEPS or (step.dep_ == APPOSITION and step is not words.root):
        qualifies = step.dep_ in PARTY_QUALIFIER_DEPS
        step = step.head  # the qualified noun, or the name set beside it ("his attorney, Michael Cohen")
        named = [step] + [c for c in step.children if qualifies and c.dep_ == APPOSITION]
        qualified = [other for other in actors if other is not mention and any(_covers(other, n) for n in named)]
        if qualified:
            return [] if any(_covers(other, c) for other in qualified for c in conjuncts) else qualified
    return []


def _paired_by_hyphen(words: Span) -> bool:
    """Whether a name is the first of a hyphenated pair of names ("US-Iraq", "US-Taliban")."""
    doc = words.doc
    return words.end + 1 < len(doc) and doc[words.end].text == "-" and not words[-1].whitespace_ \
        and not doc[words.end].whitespace_ and doc[words.end + 1].tag_ in PROPER_NOUN_TAGS


def _covers(mention: MentionT, token: Token) -> bool:
    """Whether a mention's evidence covers a token."""
    return mention.evidence.start <= token.idx < mention.evidence.end


def _without_qualifiers(mentions: Sequence[ActorMention], doc) -> list[ActorMention]:
    """`mentions` less those that only qualify another (`_qualified_by`): a committee in a
    chairman's title names no side of its own, nor does "Yemen" in "Yemen's Houthi rebels" or
    "Republican" in "Republican Mitt Romney"; a resolved one (a party, a state) qualifying only
    unresolved ones stays, as the code the event can be counted under ("the Syrian National
    Coalition")."""
    def kept(mention: ActorMention) -> bool:
        qualified = _qualified_by(mention, mentions, doc)
        return not qualified or (mention.actor_id is not None and not any(q.actor_id for q in qualified))
    return [m for m in mentions if kept(m)]


def _unnamed_partner(heads: Sequence[Token], mentions: SentenceMentions, lexicon: TriggerLexicon) -> bool:
    """Whether a partner after "with" names no actor ("Obama and Biden met with the
    lawmakers"): the other side is there, if not resolved, and the subjects are one side."""
    return any(not party_actors(p, mentions.actors, lexicon) for p in prep_objects(heads, PARTNER_PREPOSITIONS))


def has_reciprocal_object(anchors: Sequence[Token], lexicon: TriggerLexicon) -> bool:
    """Whether the trigger's object is "each other", "one another" or "the other": the
    coordinated subjects act on each other ("Israel and Hamas each accused the other")."""
    objects = children_on(argument_heads(anchors, lexicon), OBJECT_DEPS)
    return any(o.lemma_.lower() in lexicon.reciprocal_words for o in objects)


def _key(mention: ActorMention) -> str:
    return mention.actor_id or mention.evidence.text.lower()


def _distinct(actors: Sequence[ActorMention]) -> list[ActorMention]:
    """One mention per KB id (or per surface form when unresolved), resolved ones first."""
    seen: set[str] = set()
    kept = []
    for mention in sorted(actors, key=lambda m: (m.actor_id is None, -m.confidence, m.evidence.start)):
        key = _key(mention)
        if key not in seen:
            seen.add(key)
            kept.append(mention)
    return sorted(kept, key=lambda m: m.evidence.start)


def find_location(
    anchors: Sequence[Token],
    tokens: Sequence[Token],
    mentions: SentenceMentions,
    lexicon: TriggerLexicon,
    taken: Sequence[ActorMention],
    event_type: EventType,
) -> PlaceChoice | None:
    """The place of the event, preferring one attached to the trigger or a noun of its
    phrase ("into Idlib", "the talks in Geneva were held").

    A verbal event (a denial, an accusation) happens where it is said, which the sentence
    rarely names, so it takes no place that is not attached to its trigger; a meeting
    (`met_in_place`) is held where its sentence says. A movement is placed where it goes
    ("sent troops from Tehran to Aleppo": Aleppo), a withdrawal (`placed_at_origin`) where it
    leaves ("withdrew from Kherson to Crimea": Kherson); another act from one place into
    another where it lands ("made the trip from Turkey into Syria", "fired rockets from Gaza
    into Israel"), one only "from" a place there ("the kidnapping of schoolgirls from Chibok
    in Borno": Chibok). What is talked over is no place of the talks ("discussed Idlib";
    `TriggerLexicon.topic_verbs`), whom words are addressed to or where they come from no
    place they are said ("threats to the United States", "criticism from Russia").
    """
    heads = argument_heads(anchors, lexicon)
    heads += [t for t in tokens if t.pos_ in NOMINAL_POS and t not in heads]
    taken_spans = [(a.evidence.start, a.evidence.end) for a in taken]
    doc = anchors[0].doc

    party_preps = _party_prepositions(event_type)
    # not a country only whom people oppose, stand with or back ("assistance to Russia's adversaries");
    # a smaller place says where they are ("Iowa voters", "Aleppo's defenders")
    sided = taking_part(mentions.places, anchors[0].sent.root, lexicon)
    own_places = [p for p in mentions.places if p.feature != COUNTRY or p in sided]

    def untaken(place: PlaceMention) -> bool:  # "pointing fingers at Iran": Iran is blamed, not a place
        return not any(s <= place.evidence.start < e for s, e in taken_spans)

    def free(place: PlaceMention) -> bool:
        return untaken(place) and not _qualifies_a_name(place, doc) and not _before_a_participle(place, doc, lexicon) \
            and not _hometown(place, doc) and not _owns_an_actor(place, mentions.actors, doc) \
            and not _completes_a_title(place, mentions.actors, doc) and not _after_preposition(place, doc, party_preps) \
            and not _talked_over(place, doc, lexicon) and not _does_it(place, doc, heads) \
            and (event_type.movement or not _origin_of_people(place, doc, lexicon))

    objects = children_on(heads, OBJECT_DEPS)
    # A statement's words never happen where a clause about another noun in them is placed
    # ("criticized Obama, who drew a red line in Syria"); a material act may reach what such
    # a clause places ("weapons to Kurdish forces who have made gains in northern Iraq").
    elsewhere = partial(_in_another_clause if event_type.verbal else _after_a_connective, anchor=anchors[0])
    attached = prep_objects(heads, lexicon.location_preps - party_preps)
    if event_type.movement:  # where a movement goes ("to Aleppo"), a withdrawal where it leaves ("from Kherson")
        leaving = [o for o in attached if o.head.lower_ in SOURCE_PREPOSITIONS]
        going = [o for o in attached if o not in leaving]
        preferred, other = (leaving, going) if event_type.placed_at_origin else (going, leaving)
        chosen = [p for phrase in preferred for p in mentions_in(own_places, *_span_of(phrase))]
        attached = preferred if chosen else other
    elif any(o.head.lower_ in SOURCE_PREPOSITIONS for o in attached):  # "rockets from Gaza into Israel"
        going = [o for o in attached if o.head.lower_ in DESTINATION_PREPOSITIONS]
        attached = going if any(mentions_in(own_places, *_span_of(o)) for o in going) else attached
    for how, phrases in (
        (ATTACHED, attached),
        (OBJECT, objects),
    ):
        places = [p for phrase in phrases for p in mentions_in(own_places, *_span_of(phrase))
                  if untaken(p) and not elsewhere(p) and not _told_of_another_place(p, mentions.places, doc)
                  and not _talked_about(p, doc, lexicon) and not _names_an_accord(p, doc, lexicon)]
        places = [p for p in places if how == ATTACHED or free(p)]
        if places:
            return PlaceChoice(_best_place(places), how)
    places = [p for p in own_places if free(p) and not _talked_about(p, doc, lexicon)
              and not _names_an_accord(p, doc, lexicon) and not _in_another_clause(p, anchors[0], event_type.met_in_place)]
    if not places or (event_type.verbal and not event_type.met_in_place):
        return None
    return PlaceChoice(_clause_place(anchors[0], places), SENTENCE)


def _party_prepositions(event_type: EventType) -> frozenset[str]:
    """Prepositions whose object is a party to the event, not its place: whom words are
    said to, pressed on or by ("threats to the United States", "demands on Tehran",
    "criticism from Russia"), and who gives
    or trades in an exchange with a recipient ("aid from Iran", "banned imports from the
    United States")."""
    if is_said(event_type):
        return ADDRESSEE_PREPOSITIONS | PRESSED_PREPOSITIONS | SOURCE_PREPOSITIONS
    return SOURCE_PREPOSITIONS if event_type.requires_recipient else frozenset()


def is_said(event_type: EventType) -> bool:
    """Whether an event is words said to someone (verbal, no meeting): its "to" object is
    whom they are addressed to (`ADDRESSEE_PREPOSITIONS`), its "from" object who says them."""
    return event_type.verbal and not event_type.met_in_place


def words_of(mention: MentionT, doc) -> Span | None:
    """The tokens a mention's evidence covers."""
    return doc.char_span(mention.evidence.start, mention.evidence.end, alignment_mode="expand")


def _told_of_another_place(place: PlaceMention, places: Sequence[PlaceMention], doc) -> bool:
    """Whether a place lies in a relative clause on another resolved place, which it only
    describes ("deployed to Guam, which is 3,400km from Pyongyang": Guam)."""
    span = words_of(place, doc)
    clause = next((t for t in span.root.ancestors if t.dep_ == RELATIVE_CLAUSE), None) if span is not None else None
    return clause is not None and any(
        other.place_id is not None and other.evidence.start <= clause.head.idx < other.evidence.end for other in places)


def _does_it(place: PlaceMention, doc, heads: Sequence[Token]) -> bool:
    """Whether a place is the subject doing the act to an object ("Utah has dispatched 200
    troops to the district", "New Jersey, Maryland and Utah sent troops"): a state that
    acts, not where it acts; the subject of an act with no object may be where it
    happens ("Mosul fell")."""
    subject = _first_of_list(place, doc)
    return subject is not None and subject.dep_ in SUBJECT_DEPS and subject.head in heads \
        and bool(children_on([subject.head], DIRECT_OBJECT_DEPS))


def _qualifies_a_name(place: PlaceMention, doc) -> bool:
    """Whether a place only qualifies a name or title after it ("Wyoming Rep. Liz Cheney",
    "Rep. Maloney, New York Democrat"): it says whom a person represents, not where
    anything happened."""
    span = words_of(place, doc)
    if span is None:
        return False
    root = span.root
    return root.dep_ in NAME_QUALIFIER_DEPS and root.head.i >= span.end and root.head.tag_ in PROPER_NOUN_TAGS


def _owns_an_actor(place: PlaceMention, actors: Sequence[ActorMention], doc) -> bool:
    """Whether a place is only whose an actor named after it is ("Lebanon's Hezbollah",
    "Syria's Bashar al-Assad"): it says which one is meant, not where anything happened,
    unlike the owner of a place ("Iraq's Anbar province") or of a thing ("Iran's
    nuclear sites")."""
    span = words_of(place, doc)
    return span is not None and span.root.dep_ == POSSESSOR and any(_covers(a, span.root.head) for a in actors)


def _talked_over(place: PlaceMention, doc, lexicon: TriggerLexicon) -> bool:
    """Whether a place lies in what a verb of talks takes as its topic, anywhere in the
    sentence ("discussed Idlib", "meeting with Obama to discuss security matters, including
    Iran's nuclear program"; `TriggerLexicon.topic_verbs`): what is talked over, no place
    of anything."""
    span = words_of(place, doc)
    return span is not None and any(step.dep_ in OBJECT_DEPS and step.head.lemma_.lower() in lexicon.topic_verbs
                                     for step in (span.root, *span.root.ancestors))


def _talked_about(place: PlaceMention, doc, lexicon: TriggerLexicon) -> bool:
    """Whether a place is what a statement, a report or talks are about, right after their
    "on", "over" or "about" or owning what follows it ("made a statement on the Middle East
    at the Security Council meeting", "negotiations over Iran's nuclear program"): no place
    where anything happens. A place deeper in that phrase may still be where ("negotiated on
    the future of Idlib in Sochi")."""
    span = words_of(place, doc)
    if span is None:
        return False
    word = span.root
    while word.dep_ in QUALIFIER_DEPS | COORDINATE_DEPS and word.head.i != word.i:
        word = word.head  # "Iran's nuclear program", "Syria and Iraq"
    topic = word.head
    said = lexicon.noun_class(ADDRESS_CLASS) | lexicon.noun_class(POLICY_CLASS)
    return word.dep_ == PREPOSITION_OBJECT and topic.lower_ in TOPIC_PREPOSITIONS and topic.head.pos_ in NOMINAL_POS \
        and (in_noun_class(topic.head, said) or lexicon.names_a_meeting(topic.head))


def _names_an_accord(place: PlaceMention, doc, lexicon: TriggerLexicon) -> bool:
    """Whether a place only names an agreement it is compounded onto ("pulled out of the Paris
    accord", "the Iran nuclear deal"; noun class `ACCORD_CLASS`): no place where anything happens."""
    span = words_of(place, doc)
    return span is not None and span.root.dep_ == COMPOUND_DEP \
        and in_noun_class(span.root.head, lexicon.noun_class(ACCORD_CLASS))


def _completes_a_title(place: PlaceMention, actors: Sequence[ActorMention], doc) -> bool:
    """Whether a place only completes a title set beside a name ("Sung Kim, the U.S.
    ambassador to the Philippines, met North Korean officials at Panmunjom"): where the post
    is held, not where anything happened. A title standing for its holder may say where he
    was ("the attack killed the US ambassador to Libya")."""
    span = words_of(place, doc)
    if span is None or span.root.dep_ != PREPOSITION_OBJECT or span.root.head.lower_ not in POST_PREPOSITIONS:
        return False
    title = span.root.head.head
    return title.dep_ == APPOSITION and any(_covers(a, title) and a.via.startswith(TITLE_LINKS) for a in actors)


def _after_preposition(place: PlaceMention, doc, prepositions: frozenset[str]) -> bool:
    """Whether a place is the object of one of `prepositions`, alone or in a list ("imports
    of meat from the United States", "the approach to Russia and Ukraine")."""
    preposition = _preposition_over(place, doc)
    return preposition is not None and preposition.lower_ in prepositions


def _preposition_over(mention: MentionT, doc) -> Token | None:
    """The preposition whose object a mention is, alone or in a list; None when it is none's."""
    root = _first_of_list(mention, doc)
    return root.head if root is not None and root.dep_ == PREPOSITION_OBJECT else None


def _first_of_list(mention: MentionT, doc) -> Token | None:
    """The head word of a mention, or of the first item where it is a later one of a list
    ("Maryland" in "New Jersey, Maryland and Utah": Jersey) or a member named of a group
    ("Gulf monarchies, including Qatar and Kuwait": monarchies); None when its words are lost."""
    span = words_of(mention, doc)
    if span is None:
        return None
    root = span.root
    while root.head.i != root.i:
        if root.dep_ in COORDINATE_DEPS:
            root = root.head
        elif _names_a_member(root):
            root = root.head.head
        else:
            break
    return root


def _names_a_member(noun: Token) -> bool:
    """Whether a noun is the object of "including", "such as" or "like" hung on another noun."""
    prep = noun.head
    return noun.dep_ == PREPOSITION_OBJECT and prep.lower_ in MEMBER_PREPOSITIONS and prep.head.i != prep.i \
        and prep.head.pos_ in NOMINAL_POS


def _hometown(place: PlaceMention, doc) -> bool:
    """Whether a place says where a named person is from ("David Hall, of Elyria, Ohio, was
    killed ... in Garmsir", "Henry Mayfield Jr., 23, from the Chicago area, was among the
    three people killed", "Senator Rand Paul, Republican of Kentucky"): his home, not where
    anything happened."""
    span = words_of(place, doc)
    if span is None:
        return False
    for step in (span.root, *span.root.ancestors):  # also its qualifier: "Ohio" of "Elyria, Ohio"
        if step.pos_ in CLAUSE_HEAD_POS:
            return False
        if step.dep_ == PREPOSITION_OBJECT and step.head.lower_ in HOMETOWN_PREPOSITIONS \
                and _names_a_person(step.head.head):
            return True
    return False


def _origin_of(mention: MentionT, doc) -> Token | None:
    """The noun whose "from" a mention is the object of ("three men from Uzbekistan", "a
    bomber from Dagestan", "the withdrawal from Afghanistan"), or None."""
    preposition = _preposition_over(mention, doc)
    is_origin = preposition is not None and preposition.lower_ in ORIGIN_PREPOSITIONS \
        and preposition.head.pos_ in NOMINAL_POS
    return preposition.head if is_origin else None


def _origin_of_people(place: PlaceMention, doc, lexicon: TriggerLexicon) -> bool:
    """Whether a place only says where the people a noun names come from ("arresting three men
    from Uzbekistan", "fighters from Chechnya"): their origin, not where anything happened;
    not where an act or a thing comes from ("the withdrawal of troops from Afghanistan",
    "televised scenes from Baghdad"), which places what happened, nor the trigger's own "from",
    read where its prepositions are (`find_location`), where a movement also reads its
    object's ("withdrawing personnel from Syria")."""
    noun = _origin_of(place, doc)
    if noun is None or (noun.dep_ in DIRECT_OBJECT_DEPS and noun.head.lemma_.lower() in SEPARATING_VERBS):
        return False  # "ban all foreign Muslims from the US": where they are kept out of
    return noun.ent_type_ == PERSON_ENTITY or in_noun_class(
        noun, lexicon.noun_class(CAPTIVES_CLASS) | lexicon.noun_class(MOVER_CLASS))


def _place_come_from(mention: ActorMention, doc) -> bool:
    """Whether an unresolved actor mention is a place name that only says where people
    come from ("a suicide bomber from Dagestan destroyed a trolleybus"): the bomber acts,
    not the place. A place the actor KB knows ("fighters from Iran") stays a doer."""
    span = words_of(mention, doc)
    if mention.actor_id is not None or span is None or span.root.ent_type_ not in ORIGIN_LABELS:
        return False
    return _origin_of(mention, doc) is not None


def _names_a_person(noun: Token) -> bool:
    """Whether a noun is a person's name or a word set beside one ("Rand Paul, Republican
    of Kentucky")."""
    return noun.ent_type_ == PERSON_ENTITY or (noun.dep_ == APPOSITION and noun.head.ent_type_ == PERSON_ENTITY)


def _before_a_participle(place: PlaceMention, doc, lexicon: TriggerLexicon) -> bool:
    """Whether a place opens a participle that describes a noun ("Washington-based
    journalist", "US-backed forces"): it says where that noun is from, not where anything
    happened (`TriggerLexicon.backer_participles`)."""
    span = words_of(place, doc)
    if span is None:
        return False
    participle = span.root.head
    return participle.i != span.root.i and participle.dep_ == "amod" \
        and participle.lemma_.lower() in lexicon.backer_participles


def _in_another_clause(place: PlaceMention, anchor: Token, meeting: bool = False) -> bool:
    """Whether a place sits in a clause describing another noun than the trigger or a word
    above it ("a video produced in California", "troops who served in Iraq"), in a
    coordinate or adverbial clause with a subject of its own ("Mattis resigned, and the
    decision rattled allies in Iraq", "claimed the attacks, while officials in Tehran denied
    involvement"; a meeting is held where such a clause puts its parties: "a discussion
    between Obama and Clinton while both were in Phnom Penh"), in what the trigger brought
    about (`_in_a_consequence`), or after a word that makes a happening the time, cause or
    measure of the trigger ("days after the Cairo address, Iranians protested"): it says
    where that other thing was. A clause of the trigger itself places it ("sanctions imposed
    on Iran")."""
    token = words_of(place, anchor.doc)
    in_clause = token is not None and (
        _clause_between(token.root, anchor, NOUN_CLAUSE_DEPS)
        or _clause_between(token.root, anchor, COORDINATE_DEPS if meeting else COORDINATE_DEPS | {ADVERBIAL_CLAUSE},
                           _has_own_subject)
        or _in_a_consequence(token.root, anchor))
    return in_clause or _after_a_connective(place, anchor)


def _in_a_consequence(word: Token, anchor: Token) -> bool:
    """Whether a word lies in a clause that the verb whose subject the trigger is takes as
    complement of another doer, its object or a subject of its own ("the attack prompted the
    Pentagon to send troops to the Middle East"): what the trigger brought about, elsewhere;
    not the trigger's own going on ("talks are set to resume in Cairo")."""
    verb = anchor.head
    if anchor.dep_ not in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
        return False
    other_doer = any(c.dep_ in DIRECT_OBJECT_DEPS for c in verb.children)
    return any(word.i in {t.i for t in clause.subtree} for clause in verb.children
               if clause.dep_ in COMPLEMENT_CLAUSE_DEPS and (other_doer or _has_own_subject(clause)))


def _after_a_connective(place: PlaceMention, anchor: Token) -> bool:
    """Whether a place tells of a happening that times or causes the trigger ("days after
    the Cairo address", "in revenge for Kenya sending troops into Somalia", "after a soldier
    was killed outside Mosul"), or the trigger
    is itself that happening and the place a dateline outside its parse ("Washington (CNN)
    After Trump's strikes on Syria, lawmakers ...": the strikes were not in Washington)."""
    token = words_of(place, anchor.doc)
    if token is None:
        return False
    if token.root.sent.start != anchor.sent.start:
        return any(step.dep_ in PREPOSITION_DEPS and _tells_another_happening(step) for step in anchor.ancestors)
    # also a clause the connective opens: "Carter's visit comes days after a soldier was killed outside Mosul"
    return _clause_between(token.root, anchor, PREPOSITION_DEPS, _tells_another_happening) \
        or _clause_between(token.root, anchor, ADVERBIAL_CLAUSE_DEPS, opened_by_a_connective)


def _tells_another_happening(connective: Token) -> bool:
    """Whether a connective word introduces a happening apart from the trigger: a noun or a
    clause with its own subject ("after the Paris attacks"), not what the same doers did
    first ("after setting off a car bomb outside the hotel, militants opened fire"), except
    what a span is counted since ("have fought three wars since gaining independence from
    Britain")."""
    return connective.lower_ == SINCE or compares(connective) or connective.lower_ in OTHER_HAPPENING_WORDS and not any(
        c.dep_ == PREPOSITION_COMPLEMENT and not _has_own_subject(c) for c in connective.children)


def compares(connective: Token) -> bool:
    """Whether an "as" measures against another happening ("bombings at the same magnitude as
    the 1995 Oklahoma City blast"), like "than"."""
    return connective.lower_ == COMPARING_AS and any(
        c.lemma_.lower() in SAMENESS_WORDS for c in connective.head.children)


def _has_own_subject(clause: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in clause.children)


def _clause_between(word: Token, anchor: Token, deps: frozenset[str],
                    counts: Callable[[Token], bool] = lambda clause: True) -> bool:
    """Whether a clause arc of `deps` (that `counts`) lies between `word` and the line from
    the trigger up to the root; a clause describing a noun on that line below any coordination
    describes the trigger's own phrase ("the attack, which happened on Monday") and does not
    count, but one on a noun the trigger is only coordinated with does ("a video made in
    America, rather than an assault by al Qaeda")."""
    trigger_line = {anchor.i, *(t.i for t in anchor.ancestors)}
    own_phrase = [anchor]
    while own_phrase[-1].dep_ not in COORDINATION_DEPS and own_phrase[-1].head.i != own_phrase[-1].i:
        own_phrase.append(own_phrase[-1].head)
    own_line = {t.i for t in own_phrase}
    for step in (word, *word.ancestors):
        if step.i in trigger_line:
            return False
        if step.dep_ in deps and counts(step) and not (step.dep_ in NOUN_CLAUSE_DEPS and step.head.i in own_line):
            return True
    return False


def _another_happening(clause: Token) -> bool:
    """Whether a clause tells a happening of its own; an adverbial participle without a
    subject tells more of the trigger's ("attacked the base, killing 12 soldiers on
    Monday"), unlike "after rebels attacked on Monday"; a coordinate verb does with a
    subject or tense of its own ("launched a strike ... and is preparing for a summit as
    early as next month"), not bare ("killed or wounded on Monday") nor a coordinate noun."""
    if clause.dep_ in COORDINATE_DEPS:
        return clause.pos_ in CLAUSE_HEAD_POS and any(c.dep_ in SUBJECT_DEPS | AUXILIARY_DEPS for c in clause.children)
    return clause.dep_ != ADVERBIAL_CLAUSE or _has_own_subject(clause)


def _clause_place(anchor: Token, places: Sequence[PlaceMention]) -> PlaceMention:
    """The place in the smallest phrase around the trigger: climbing from the trigger to the
    root, the first subtree holding a place wins ("the ceasefire brokered in Turkey broke as
    shelling was heard in Ras al-Ayn": shelling -> Ras al-Ayn). A place outside the parse of
    the trigger's sentence is its dateline's: the most specific of those ("KABUL,
    Afghanistan (AP) —": Kabul)."""
    resolved = [p for p in places if p.place_id] or list(places)
    token = anchor
    while True:
        inside = mentions_in(resolved, *_span_of(token))
        if inside:
            return _best_place(inside)
        if token.head.i == token.i:
            break
        token = token.head
    return _best_place(resolved)


def _best_place(places: Sequence[PlaceMention]) -> PlaceMention:
    """The most specific resolved place of a phrase: a town before its province, a province
    before its country ("in Iraq's western Anbar province": Anbar), a town before the sea it
    lies on ("in the Mediterranean city of Alexandria"), then the first."""
    return min(places, key=lambda p: (p.place_id is None, COARSENESS.get(p.feature or "", 0), p.evidence.start))


def attached_times(anchors: Sequence[Token], mentions: SentenceMentions, lexicon: TriggerLexicon) -> list[TimeMention]:
    """Time mentions inside the phrase of the trigger or its light verb, outside the clauses
    of other verbs in it."""
    heads = argument_heads(anchors, lexicon)
    return [t for head in heads for t in mentions_in(mentions.times, *_span_of(head)) if not in_other_clause(t, anchors[0])]


def find_time(
    anchors: Sequence[Token], sent: Span, mentions: SentenceMentions, lexicon: TriggerLexicon
) -> TimeMention | None:
    """The time a "when" clause holding the trigger tells of, else a time mention under the
    trigger (or its light verb), else the sentence's nearest one outside the clauses of
    other verbs ("praised Trump and said allies will add $130 billion by the end of 2020" is
    not dated 2020); never what a superlative is measured since (`_is_a_baseline`) nor the
    date of another act noun (`_dates_another_act`) nor the time of what a verb trigger
    promises, asks or plans (`_in_its_complement`) nor a deadline (`_names_a_deadline`) nor
    that of another happening (`_times_another_happening`) nor a year in a name
    (`_part_of_a_name`) nor the date of what the trigger is about (`_dates_a_topic`) nor
    that of a report of it (`_dates_a_report_of_it`). Among
    the rest a pinned time (`_pinned`) beats a vague span, and one on the trigger itself
    (`_on_the_trigger`) the year of a thing it acts on; then the nearest wins."""
    if not mentions.times:
        return None
    told_of = _time_of_when_clause(anchors[0], mentions)
    if told_of is not None:
        return told_of
    def dates_it(time: TimeMention) -> bool:
        return not _is_a_baseline(time, sent.doc) and not _on_a_present_copula(time, sent.doc) \
            and not _dates_another_act(time, anchors, lexicon) and not _in_its_complement(time, anchors[0]) \
            and not _names_a_deadline(time, sent.doc) and not _times_another_happening(time, anchors[0]) \
            and not _part_of_a_name(time, sent.doc) and not _dates_a_topic(time, anchors) \
            and not _dates_a_report_of_it(time, anchors[0])

    pool = [t for t in attached_times(anchors, mentions, lexicon) if dates_it(t)] or [
        t for t in mentions.times if not in_other_clause(t, anchors[0]) and dates_it(t)]
    if not pool:
        return None
    return min(pool, key=lambda t: (not _pinned(t), _in_an_apposition(t, anchors[0]),
                                    not _on_the_trigger(t, anchors), abs(t.evidence.start - anchors[0].idx)))


def _pinned(time: TimeMention) -> bool:
    """Whether a time names a day, a month or a year, or a span of a week at most ("last
    week"); a longer span ("in recent years", "the 1990s", "since 2001") pins nothing."""
    if time.value:
        return True
    if not (time.earliest and time.latest):
        return False
    return (date.fromisoformat(time.latest) - date.fromisoformat(time.earliest)).days < WEEK_DAYS


def _on_the_trigger(time: TimeMention, anchors: Sequence[Token]) -> bool:
    """Whether a time hangs on the trigger itself, bare or after a preposition ("approved the
    2018 budget last week": last week dates the approval, 2018 the budget)."""
    words = words_of(time, anchors[0].doc)
    if words is None:
        return False
    head = words.root.head
    anchored = {a.i for a in anchors}
    return head.i in anchored or (head.dep_ == "prep" and head.head.i in anchored)


def _dates_a_topic(time: TimeMention, anchors: Sequence[Token]) -> bool:
    """Whether a time qualifies a noun inside what the trigger is about ("a probe into Russian
    meddling in the 2016 election", "discuss the report on interference in the 2016 race"):
    it dates the topic, not the probe or the talk; one the trigger happens in still dates it
    ("killed in an attack during the 2014 war")."""
    words = words_of(time, anchors[0].doc)
    if words is None or words.root.dep_ not in NOUN_TIME_DEPS:
        return False
    anchored = {a.i for a in anchors}
    step, about = words.root.head, False
    while step.i not in anchored and step.head.i != step.i:
        about = about or _tells_a_topic(step)
        step = step.head
    return about and step.i in anchored


def _tells_a_topic(word: Token) -> bool:
    """Whether a word is a preposition of what something is about: after a noun ("a report
    on"), or after a verb with an object that is no time ("vote on a 2014 budget"; "On
    Wednesday afternoon, Obama convened" and "On today's show, he discussed" tell when)."""
    if word.dep_ != "prep" or word.lower_ not in TOPIC_PREPOSITIONS:
        return False
    return word.head.pos_ in NOMINAL_POS or (word.i > word.head.i and not any(
        o.ent_type_ in TIME_ENTITIES for o in word.children if o.dep_ == PREPOSITION_OBJECT))


def _part_of_a_name(time: TimeMention, doc) -> bool:
    """Whether a time completes a proper name ("invoke the Insurrection Act of 1807 to deploy
    the military", "the Monroe Doctrine of 1823"): it names the law, not when anything
    happened."""
    words = words_of(time, doc)
    if words is None or words.root.dep_ != PREPOSITION_OBJECT or words.root.head.lower_ != PATIENT_PREPOSITION:
        return False
    named = words.root.head.head
    return named.tag_ in PROPER_NOUN_TAGS and named.ent_type_ not in TIME_ENTITIES


def _dates_a_report_of_it(time: TimeMention, anchor: Token) -> bool:
    """Whether a time lies in a clause on the trigger's noun that tells of its being reported
    ("a second meeting between Sessions and Kislyak, reported by CNN at the end of May",
    "the strike, which the ministry announced on Monday"): it dates the telling, not the act."""
    words = words_of(time, anchor.doc)
    if words is None:
        return False
    trigger_line = {anchor.i, *(t.i for t in anchor.ancestors)}
    speech_verbs = load_speech_cues().of(SPEECH_VERB)
    for step in (words.root, *words.root.ancestors):
        if step.i in trigger_line:
            return False
        if step.dep_ in NOUN_CLAUSE_DEPS and step.head.i == anchor.i and step.lemma_.lower() in speech_verbs:
            return _tells_its_noun(step)
    return False


def _tells_its_noun(clause: Token) -> bool:
    """Whether the noun a clause hangs on is what its verb tells: a past participle ("the
    meeting, reported by CNN") or a relative clause whose relative word is the object
    ("the strike, which the ministry announced"), not its subject ("rocket fire, which
    continued early Wednesday": the fire goes on)."""
    return clause.tag_ == PAST_PARTICIPLE or any(
        c.tag_ in RELATIVE_TAGS and c.dep_ in DIRECT_OBJECT_DEPS for c in clause.children)


def _in_an_apposition(time: TimeMention, anchor: Token) -> bool:
    """Whether a time lies in a phrase set beside a name ("Marco Rubio, a possible 2016 GOP
    White House contender, criticized Clinton in an interview on Thursday"): it describes
    the person, where a time said of the act (Thursday) dates it."""
    words = words_of(time, anchor.doc)
    return words is not None and _clause_between(words.root, anchor, APPOSITION_DEPS)


def _times_another_happening(time: TimeMention, anchor: Token) -> bool:
    """Whether a time belongs to another happening than the trigger's: one a connective
    phrase tells of ("stage a military strike following an Aug. 21 chemical attack": the
    attack's day), the act that answers or remembers the trigger, outside the phrase that
    names it (`ANSWERED_ACT_WORDS`), or the clause around the trigger's own "before" or "until" clause ("ABC
    taped the interview Friday, before the U.S. and Russia announced an agreement": the
    taping's). A time outside an "after" clause may still date it ("in 2017 after a chemical
    attack struck")."""
    words = words_of(time, anchor.doc)
    if words is None:
        return False
    if _clause_between(words.root, anchor, CONNECTIVE_DEPS,
                       lambda connective: connective.lower_ != SINCE and _tells_another_happening(connective)):
        return True  # not "since September 2015": when the trigger's own span began
    answered = next((t for t in anchor.ancestors if t.lower_ in ANSWERED_ACT_WORDS), None)
    if answered is not None and words.root not in answered.subtree:
        return True  # "on the anniversary of the attack, Obama will speak Tuesday": the speech's
    clause = next((t for t in (anchor, *anchor.ancestors) if t.dep_ == ADVERBIAL_CLAUSE), None)
    return clause is not None and words.root not in clause.subtree and any(
        c.dep_ == CLAUSE_MARKER and c.lower_ in LATER_MARKERS for c in clause.children)


def _names_a_deadline(time: TimeMention, doc) -> bool:
    """Whether a time is that of a deadline ("as negotiations approach a March 31
    deadline"): the date set for something, not that of an act told of."""
    words = words_of(time, doc)
    return words is not None and names_a_time_set_ahead(words)


def _in_its_complement(time: TimeMention, trigger: Token) -> bool:
    """Whether a deadline or a time still to come lies in the complement clause of a verb
    trigger ("pledged to move toward spending 2% by 2024", "agreed to meet with Kim by
    May"): it times what is pledged, not the pledge. A past time there may date either and
    mostly dates the verb ("asked Hagel to step down last Friday")."""
    words = words_of(time, trigger.doc)
    if words is None or trigger.pos_ != VERB:
        return False
    published = trigger.doc._.published
    latest = (published.latest or published.value) if published is not None else None
    to_come = time.earliest is not None and latest is not None and time.earliest > latest
    deadline = words.root.dep_ == PREPOSITION_OBJECT and words.root.head.lower_ in DEADLINE_PREPOSITIONS
    if not (to_come or deadline):
        return False
    step = words.root
    while step.head.i != step.i and step.head.i != trigger.i:
        step = step.head
    return step.head.i == trigger.i and step.dep_ in COMPLEMENT_CLAUSE_DEPS


def _dates_another_act(time: TimeMention, anchors: Sequence[Token], lexicon: TriggerLexicon) -> bool:
    """Whether a time qualifies an act noun other than the trigger ("called for a hearing to
    probe the Sept. 11 terror attack", "condemns last week's attack"): it dates that act,
    not the call or the condemnation. Not an act of the trigger's kind, which may be the
    same happening, unless the trigger names itself another ("braced for new attacks" after
    "the November Paris attacks"), nor one the trigger's clause happens in ("asked him in the Feb. 14
    meeting"; but "condemned the use of gas in last week's attack"), nor one a clause
    holding the trigger describes ("the summit, where leaders agreed")."""
    words = words_of(time, anchors[0].doc)
    if words is None or words.root.dep_ not in NOUN_TIME_DEPS:
        return False
    noun = words.root.head
    while noun.dep_ == COMPOUND_DEP and noun.head.pos_ in NOMINAL_POS:  # "the November Paris attacks"
        noun = noun.head
    if noun.i in {a.i for a in anchors} or not names_an_act(noun, lexicon) \
            or (_same_kind(noun, anchors[0], lexicon) and not named_as_another(anchors[0])):
        return False
    trigger_line = (anchors[0], *anchors[0].ancestors)
    occasion = noun.dep_ == PREPOSITION_OBJECT and noun.head.lower_ in OCCASION_PREPOSITIONS \
        and noun.head.head in trigger_line
    described = any(t.dep_ in NOUN_CLAUSE_DEPS and t.head.i == noun.i for t in trigger_line)
    return not occasion and not described


def _same_kind(word: Token, other: Token, lexicon: TriggerLexicon) -> bool:
    """Whether two trigger words can name one category of act ("last week's attack ... the
    attack killed"): they may tell one happening, which merging decides."""
    def kinds(token: Token) -> set[str]:
        return {row.event for row in lexicon.by_first_word.get(token.lemma_.lower(), ())}
    return not kinds(word).isdisjoint(kinds(other))


def _is_a_baseline(time: TimeMention, doc) -> bool:
    """Whether a time is the start of what a superlative is measured over ("the deadliest
    attack since 2017", "the first strike on Syria since May", "the highest-ranked officer
    killed since 1970", "would mark the deadliest attack since 2001"): it dates no act."""
    words = words_of(time, doc)
    if words is None:
        return False
    since = words[0] if words[0].lower_ == SINCE else words.root.head
    if since.lower_ != SINCE or since.dep_ != "prep":
        return False
    word = since.head  # the noun measured, a participle describing it, or the verb taking it
    nouns = [word.head if word.dep_ == PARTICIPLE_CLAUSE else word, *children_on([word], OBJECT_DEPS)]
    return any(_superlative(c) for noun in nouns if noun.pos_ in NOMINAL_POS for c in noun.children if c.dep_ == "amod")


def _on_a_present_copula(time: TimeMention, doc) -> bool:
    """Whether a time before the publication hangs on a present-tense copula
    (`hangs_on_a_present_copula`): it dates no happening ("is unprecedented since the war
    four years ago"), where "today" may ("Obama is busy in Russia today")."""
    words = words_of(time, doc)
    published = doc._.published
    earliest = (published.earliest or published.value) if published is not None else None
    before = time.latest is not None and earliest is not None and time.latest < earliest
    return before and words is not None and hangs_on_a_present_copula(words.root)


def _superlative(modifier: Token) -> bool:
    """Whether an adjective ranks its noun ("deadliest", "first", "highest-ranked")."""
    return any(t.tag_ in SUPERLATIVE_TAGS or t.lower_ in ORDINAL_SUPERLATIVES for t in modifier.subtree)


def _time_of_when_clause(anchor: Token, mentions: SentenceMentions) -> TimeMention | None:
    """The time a "when" clause holding the trigger tells of ("in 1991, when Iraq invaded
    Kuwait": 1991), which the parser hangs on the time as a relative clause."""
    clause = next((t for t in (anchor, *anchor.ancestors) if t.dep_ == RELATIVE_CLAUSE), None)
    if clause is None or not any(c.lower_ == WHEN and c.dep_ == "advmod" for c in clause.children):
        return None
    return next((t for t in mentions.times if t.evidence.start <= clause.head.idx < t.evidence.end), None)


def in_other_clause(mention: MentionT, anchor: Token) -> bool:
    """Whether a mention (a time, a count) sits in a clause of a happening of its own that
    the trigger is not in (`_another_happening`) ("came after IS released a video that showed militants beheading
    a dozen Christians": no dozen for the coming)."""
    words = words_of(mention, anchor.doc)
    return words is not None and _clause_between(words.root, anchor, OTHER_CLAUSE_DEPS | COORDINATE_DEPS,
                                                 _another_happening)


def counts_another_happening(count: Quantity, anchor: Token, other_anchors: frozenset[int]) -> bool:
    """Whether a count is another happening's: in a clause of its own (`in_other_clause`), or
    the trigger in a clause told as before or after that of another trigger (of
    `other_anchors`) the count hangs on ("killing at least 77 militants, days after the
    Taliban massacred children": no 77 for the massacre; but "the death toll rose to 57
    after a suicide bomber unleashed an attack": the attack's). A time still carries over to
    such a clause: "in 2017 after a chemical attack struck" dates it."""
    if in_other_clause(count, anchor):
        return True
    words = words_of(count, anchor.doc)
    if words is None:
        return False
    verb = next((t for t in (words.root, *words.root.ancestors) if t.pos_ == VERB), None)
    return verb is not None and verb.i in other_anchors \
        and _clause_between(anchor, words.root, OTHER_CLAUSE_DEPS, opened_by_a_connective)


def opened_by_a_connective(clause: Token) -> bool:
    """Whether a clause is marked as another happening's time, cause or condition ("after the
    Taliban massacred children", "airstrikes if the militants advance"), also by a marker the
    parser hung on the clause's subject."""
    words = [*clause.children, *(c for s in children_on([clause], SUBJECT_DEPS) for c in s.children)]
    return any(c.dep_ == CLAUSE_MARKER and c.lower_ in CONNECTIVES | CONDITION_MARKERS for c in words)


def _token_at(sent: Span, offset: int) -> Token | None:
    span = sent.doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def counted_token(sent: Span, quantity: Quantity) -> Token | None:
    """The token a quantity counts: its unit noun, else its number."""
    evidence = quantity.unit or quantity.evidence
    return _token_at(sent, evidence.end - 1)


# Modifiers of a nominal trigger that may carry its count ("7,000-strong deployment").
NOUN_MODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "nmod", "quantmod"})


def find_magnitude(
    anchors: Sequence[Token],
    tokens: Sequence[Token],
    sent: Span,
    mentions: SentenceMentions,
    lexicon: TriggerLexicon,
    event_type: EventType,
    ontology: Ontology,
) -> Quantity | None:
    """The quantity counting what the event moves or uses ("sent 7,000 troops": 7,000 troops).

    Counts of casualty words are size, not magnitude, and a quantity must hang on the
    trigger: a number elsewhere in the sentence is never taken.
    """
    heads = argument_heads(anchors, lexicon)
    if any(h.lemma_.lower() in ontology.size_lemmas for h in anchors):
        return None
    targets = {t.i for t in tokens if t.pos_ in NOMINAL_POS}
    verbs = [h for h in heads if h.pos_ not in NOMINAL_POS]
    moved = acted_on_by(verbs)
    targets |= {phrase.i for phrase in moved}
    targets |= {member.i for phrase in moved if _is_mover(phrase, lexicon) for member in of_objects(phrase)}
    if event_type.counts_subject:  # also the subject a conjunct shares ("three militants rushed in and opened fire")
        targets |= {subject.i for verb in verbs for subject in subject_of(verb)}
    for noun in (h for h in heads if h.pos_ in NOMINAL_POS):
        targets |= nominal_arguments(noun)
    for quantity in mentions.quantities:
        counted = counted_token(sent, quantity)
        if counted is not None and counted.i in targets:
            return quantity
    return None


def nominal_arguments(noun: Token) -> set[int]:
    """Tokens that can be what a nominal trigger counts: the noun itself, its modifiers and
    its "of" object with conjuncts ("the deployment of 7,000 fighters", "a 5,000-strong
    mobilization") — not every word below it, where "between the two countries" hides."""
    found = {noun.i} | {child.i for child in noun.children if child.dep_ in NOUN_MODIFIER_DEPS}
    return found | {member.i for member in of_objects(noun)}


def of_objects(noun: Token) -> list[Token]:
    """The "of" objects of a noun with their conjuncts: what a deployment moves ("the
    deployment of 7,000 fighters") or a force is made of ("a task force of more than 150
    planners and other specialists")."""
    objects = prep_objects([noun], PATIENT_PREPOSITIONS)
    return objects + [c for o in objects for c in o.conjuncts]

"""Load and validate the event knowledge: PLOVER ontology, trigger lexicon, aux-mode cues.

Everything the coder knows about words lives in three KB files, read once per process:

    kb/plover.json            event categories, quad codes, modes, contexts, aux modes, size fields
    kb/event_triggers.jsonl   trigger words and phrases -> event/mode/context/certainty, plus
                              argument-structure roles (light verbs, prepositions)
    kb/aux_mode_cues.jsonl    cue words for future/hypothetical/negation/demand/denied/reported/...
    kb/instrument_words.jsonl weapons and means ("warplanes", "gunmen") -> the PLOVER mode they give

A row that names an unknown event, mode, context or aux mode raises E030 at load time, so a
typo in the data cannot silently produce events outside the ontology.
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from sitrep.errors import SitrepError

logger = logging.getLogger(__name__)

PLOVER_FILE = "plover.json"
TRIGGERS_FILE = "event_triggers.jsonl"
AUX_CUES_FILE = "aux_mode_cues.jsonl"
INSTRUMENTS_FILE = "instrument_words.jsonl"
# In plover.json's embedded_modes: the mode of any demanded clause no listed category names.
ANY_CATEGORY = "*"
# Role rows of kb/event_triggers.jsonl ({"lemma": w, "role": r}) -> the TriggerLexicon word
# set each role fills.
ROLE_FIELDS = {
    "support_verb": "support_verbs", "location_prep": "location_preps", "recipient_prep": "recipient_preps",
    "agent_prep": "agent_preps", "nominal_agent_prep": "nominal_agent_preps", "mutual_prep": "mutual_preps",
    "claim_word": "claim_words", "reciprocal_word": "reciprocal_words", "measure_noun": "measure_nouns",
    "state_facility": "state_facilities", "patient_verb": "patient_verbs", "patient_predicate": "patient_predicates",
    "participation_verb": "participation_verbs", "ally_noun": "ally_nouns",
    "backer_participle": "backer_participles", "claim_verb": "claim_verbs", "patient_noun": "patient_nouns",
    "topic_verb": "topic_verbs", "blame_verb": "blame_verbs", "word_of_force": "words_of_force",
    "ruin_noun": "ruin_nouns", "approval_verb": "approval_verbs", "meeting_verb": "meeting_verbs",
    "receiving_verb": "receiving_verbs", "blocking_verb": "blocking_verbs",
}
# A row {"lemma": w, "noun_class": c} puts word w in class c; a trigger row naming c under
# "needs" stands only when one of its core arguments belongs to c ("release" + captives).
NOUN_CLASS = "noun_class"
CUE_PLACES = frozenset({"aux", "neg", "negated_adverb", "governor", "governor_adverb", "mark", "advmod", "sentence"})
# Verbs whose object is an event put forward, not one that happened: no mode of their own.
OPEN_OBJECT_PLACE = "open_object"
# Nouns whose phrase names what is told of ("an account of the attack"): no cues, like
# open-object rows.
TOPIC_NOUN_PLACE = "topic_noun"
VISIT_MODE = "visit"  # the PLOVER CONSULT mode of going to see another
FORCE_EVENT = "ASSAULT"  # the PLOVER category of force
MEETING_EVENT = "CONSULT"  # the PLOVER category of meetings, talks and calls
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
NOMINAL_POS = frozenset({"NOUN", "PROPN"})  # nouns and names: what a nominal trigger or argument is
ADJECTIVE = "ADJ"
# Acts two sides wage on each other ("battle", "war"): winning or facing one is taking part.
FIGHT_CLASS = "fights"
# Words that make one trigger the cause, the time or the measure of another, never the same
# happening ("at the same magnitude as the 1995 Oklahoma City blast", "deadlier than").
CONNECTIVES = frozenset({"after", "before", "since", "following", "response", "retaliation", "revenge", "amid",
                         "like", "than", "wake",  # "in the wake of the murder"
                         "memory", "anniversary"})  # "on the anniversary of the 2001 attacks"
# Phrases that say when an act is demanded or done, never what it is ("asked him to drop
# the probe during a meeting" demands no meeting); "during" joins no two triggers as
# CONNECTIVES do ("killed during an attack" is one happening).
WHEN_PREPOSITIONS = frozenset({"during", "after", "before", "since", "following", "amid"})
# "responsible for the attack", "claimed responsibility for it": the claim word is the
# predicate (acomp, attr) or object of the verb whose subject the claim is about.
CLAIM_PREPOSITION = "for"
PARTICIPATION_PREPOSITION = "in"
CLAIM_DEPS = frozenset({"acomp", "attr", "dobj", "nsubjpass"})  # "responsibility ... was claimed by X"
CLAIMED_ACT_DEPS = frozenset({"dobj", "nsubjpass"})  # "IS claimed the attack", "the attack was claimed by IS"
TRIGGER_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
DIRECT_OBJECT = "dobj"
PARTICLE_DEP = "prt"  # a phrasal verb's particle ("signed up", "pulled off")
# "the attacks (that) it launched": a relative clause whose object is the trigger itself.
RELATIVE_CLAUSE = "relcl"
CLAUSE_OBJECT_DEPS = frozenset({"dobj"})
RELATIVE_OBJECTS = frozenset({"that", "which"})
PREDICATE_NOMINAL = "attr"  # "France was the first ally": what a copula says its subject is
# "Hamas was to blame": a predicate after the copula.
PREDICATE_DEPS = frozenset({"xcomp", "acomp", "attr"})
OBJECT_PREDICATE = "oprd"  # "left four people dead": what the verb leaves its object
COPULA = "be"
# Words by which an event noun names a happening other than the one told beside it.
ANOTHER_ONE_WORDS = frozenset({"more", "further", "another", "other", "new", "additional", "fresh",
                               "future", "previous", "earlier", "past", "prior", "similar", "subsequent"})
ANOTHER_ONE_DEPS = frozenset({"amod", "det"})
PRESENT_TENSE_TAGS = frozenset({"VBZ", "VBP"})
AUXILIARY_DEPS = frozenset({"aux", "auxpass"})
# Fine-grained tags of the past: a participle ("killed" in "were killed"), a past tense.
PAST_PARTICIPLE, PAST_TENSE = "VBN", "VBD"
# "a series of strikes", "a wave of arrests": the measure noun stands between trigger and verb.
MEASURE_PREPOSITION = "of"
# What a happening led to: its subject is no act the verb carries ("the assassination has led to protests").
CONSEQUENCE_PREPOSITION = "to"
AS_PREPOSITION, PRETEXT_CLASS = "as", "pretexts"  # "used the attack as a pretext" (`treats_as_pretext`)
COMPOUND = "compound"
# Regular English verb endings and what restores the stem ("staged" -> "stage", "shelled" ->
# "shell", "staging" -> "stage", "raids" -> "raid"), for words the lemmatizer gets wrong.
REGULAR_SUFFIXES = (("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"), ("es", ""), ("s", ""))
MIN_STEM = 3
VERB = "VERB"
# spaCy splits "cease-fire" into three tokens, so hyphens separate words like spaces do.
WORD_SEPARATORS = re.compile(r"[\s\-]+")


def named_as_another(noun: Token) -> bool:
    """Whether an event noun says it is another happening than one told beside it ("more
    attacks", "the earlier blasts", "new attacks")."""
    return any(c.dep_ in ANOTHER_ONE_DEPS and c.lower_ in ANOTHER_ONE_WORDS for c in noun.children)


def hangs_on_a_present_copula(word: Token) -> bool:
    """Whether the parser hung a word on a copula in the present tense, which says what
    something is now ("the mobilization is unprecedented since the outbreak of the war four
    years ago": "four years ago" dates the war, not the mobilization)."""
    head = word.head
    return head.i != word.i and head.lemma_ == COPULA and head.tag_ in PRESENT_TENSE_TAGS \
        and head.dep_ not in AUXILIARY_DEPS


def token_forms(token: Token) -> frozenset[str]:
    """The forms a lexicon word may match `token` by: its lemma, its lower-case form and, for
    a verb, the stems of a regular inflection. The lemmatizer makes "staged", "waged" and
    "cordoned" "stag", "wag" and "cordone"; the stems give "stage", "wage" and "cordon".
    (Not `nlp.prefilter.word_forms`, which inflects lexicon lemmas for raw text.)"""
    return _forms(token.lemma_.lower(), token.lower_, token.pos_ == VERB)


@lru_cache(maxsize=65536)
def _forms(lemma: str, lower: str, verb: bool) -> frozenset[str]:
    """`token_forms` by strings, cached: the trigger matcher asks for every word near a trigger."""
    forms = {lemma, lower}
    if verb:
        for suffix, restore in REGULAR_SUFFIXES:
            if lower.endswith(suffix) and len(lower) - len(suffix) >= MIN_STEM:
                forms.add(lower[: len(lower) - len(suffix)] + restore)
    return frozenset(forms)


@dataclass(frozen=True, slots=True)
class EventType:
    """One PLOVER category as the ontology file defines it."""

    name: str
    quad: int
    modes: frozenset[str]
    requires_recipient: bool
    movement: bool
    verbal: bool
    mutual: bool = False
    counts_subject: bool = False  # "10 gunmen stormed": the subject's number is the magnitude
    met_in_place: bool = False  # a meeting: held where its sentence says, though verbal
    placed_at_origin: bool = False  # a withdrawal: placed where it leaves, not where it goes
    asks_clause_subject: bool = False  # "requested that India restrain": India is addressed
    befalls_act_target: bool = False  # "threatened a strike on Syria": Syria is threatened
    benefits_after_for: bool = False  # "voiced support for Israel": Israel gets it
    named_before_authors: bool = False  # "the Assad pledge": Assad makes it
    no_context_place: bool = False  # sanctions take no place from the sentences before them


@dataclass(frozen=True, slots=True)
class Ontology:
    """The PLOVER ontology: categories, contexts, aux modes and size fields."""

    codebook: str
    events: dict[str, EventType]
    aliases: dict[str, str]
    contexts: frozenset[str]
    aux_weights: dict[str, float]
    aux_happened: dict[str, bool]
    aux_order: tuple[str, ...]
    size_events: frozenset[str]
    size_lemmas: dict[str, str]
    # category -> mode -> the modes it is a more specific kind of (plover.json mode_refines)
    mode_refines: dict[str, dict[str, frozenset[str]]] = field(default_factory=dict)
    # category -> "CATEGORY" | "CATEGORY:mode" | "*" of the act below it -> its mode (embedded_modes)
    embedded_modes: dict[str, dict[str, str]] = field(default_factory=dict)

    def canonical(self, name: str) -> str:
        """The current PLOVER name for `name` ("DEMAND" -> "REQUEST"); raises on unknown names."""
        upper = self.aliases.get(name.upper(), name.upper())
        if upper not in self.events:
            raise SitrepError("E030", f"{PLOVER_FILE}: unknown PLOVER event {name!r}")
        return upper


@dataclass(frozen=True, slots=True)
class TriggerRow:
    """A trigger word or phrase and what it codes.

    words: lemmas (or lower-case forms) of the phrase; a phrase matches when all its words
        occur in one small dependency neighbourhood, in any order ("troops arrived").
    pos: coarse POS tags the first word (or its hyphenated word's head piece) must have (empty: any).
    needs: a noun class one of the trigger's core arguments must belong to (None: any), so
        a word with a conflict sense and an everyday one codes only the first ("released the
        hostages", not "released a video").
    needs_acted_on: the `needs` class must hold for what the act befalls, not for its doer
        ("released two hostages", not "the congressmen released a statement").
    needs_light_verb: as a noun the word names a state more often than an act ("the close
        alliance with Israel"): it stands only with a light verb ("forged an alliance").
    predicate_only: the word stands only as what is said of something ("called the reports
        baseless", "the charges are unfounded"), not as a writer's epithet ("his baseless claim").
    mutual: the act joins two sides whatever its category ("X and Y signed a deal"): its
        coordinated subjects split into source and recipient as a mutual category's do.
    intransitive: as a verb the word codes only without a direct object or a clause in its
        place, and not in the passive ("protesters rallied", not "rallied support"; "thousands
        demonstrated", not "demonstrate accuracy" or "demonstrated that he will not sign";
        "troops advanced", not "the techniques advanced by his administration").
    with_complement: as a verb the word codes only with an object, active or passive, or an
        infinitive ("declined the invitation", "declined to attend"; "leadership has
        declined", "the Army would decline by 72,000" fell).
    transitive: as a verb the word codes only with an object, active or passive, or a
        by-agent ("sought an investigation", "help was sought", "when pressed by Iran";
        "sought to expose strains" is an attempt).
    asks_to: as a verb the word codes only when it bids someone do something: an object (or
        passive subject) and an infinitive ("asked Turkey to withdraw", "told Erdogan to stop";
        not "asked about the attack", "told reporters").
    not_of_facts: as a verb the word codes nothing when its "that" clause tells what is or was
        ("agree that a chemical attack occurred" shares a view; "agreed that Iran would stop").
    not_under: words above the word (a phrase's top word) that make it no act ("were not
        authorized to discuss the operation": a reporter's sourcing formula, no talks; "turn
        over its chemical weapons": weapons held, not used).
    passive_other_sense: prepositions after which the word in the passive is another verb
        ("the decision was met with protests" is no meeting; "Kerry was met by officials" is).
    other_sense_preps: prepositions that, right after the verb and with no object, make it
        another verb ("seized on the news" takes it up, it captures nothing).
    other_sense_objects: word classes (one name or a list) whose members as the object,
        passive subject or the verb it goes on to of any word of the row make it another
        verb ("offered his prayers", "offered testimony" are no offer to cooperate; "Hagel
        was fired" was dismissed; "declined to comment" rejects nothing; "the artillery fired
        a salute" attacks nobody; "a cheap shot" and "a screen shot" hit nobody).
    other_sense_doers: a word class whose members as the verb's subject or "by" agent make
        it no one's act ("the virus has killed 200 people", "Hurricane Maria killed 3,000",
        "an earthquake struck Nepal, killing 8,000": deaths, no assault).
    other_sense_media: a word class whose members after "on" make the verb record, not act
        ("captured on video", "shot on film"); not every verb: "executed on camera" was
        still an execution.
    needs_embedded_act: the word codes only with an act below it that gives its mode
        (plover.json `embedded_modes`: "vowed to destroy the Islamic State"); a vow to build
        a wall or to press forward threatens no one.
    seems_as_quality: with "as" and an adjective after its object the verb tells how a thing
        seems to someone, no blow ("the idea strikes Americans as absurd").
    particles: verb particles that keep the word's sense ("shot up a nightclub", "sent in
        troops"). A verb carrying any other particle is another verb ("backed out of the
        deal", "signing up", "the investigation marches on") and matches only a phrase row
        that names the particle.
    """

    words: tuple[str, ...]
    event: str
    mode: str | None
    context: tuple[str, ...]
    certainty: float
    pos: frozenset[str]
    note: str
    needs: str | None = None
    needs_acted_on: bool = False
    mutual: bool = False
    needs_light_verb: bool = False
    predicate_only: bool = False
    intransitive: bool = False
    transitive: bool = False
    with_complement: bool = False
    asks_to: bool = False
    not_of_facts: bool = False
    passive_other_sense: frozenset[str] = frozenset()
    other_sense_preps: frozenset[str] = frozenset()
    not_under: frozenset[str] = frozenset()
    other_sense_objects: tuple[str, ...] = ()
    other_sense_media: str | None = None
    other_sense_doers: str | None = None
    seems_as_quality: bool = False
    needs_embedded_act: bool = False
    particles: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class TriggerLexicon:
    """Trigger rows indexed by their first word, plus the argument-structure word sets."""

    by_first_word: dict[str, tuple[TriggerRow, ...]]
    support_verbs: frozenset[str]
    location_preps: frozenset[str]
    recipient_preps: frozenset[str]
    agent_preps: frozenset[str]
    nominal_agent_preps: frozenset[str]
    mutual_preps: frozenset[str]
    noun_classes: dict[str, frozenset[str]]
    claim_words: frozenset[str] = frozenset()
    reciprocal_words: frozenset[str] = frozenset()
    measure_nouns: frozenset[str] = frozenset()
    state_facilities: frozenset[str] = frozenset()
    # Verbs whose subject suffers the act ("soldiers died in the clash"), and predicates whose
    # copula's subject does ("Hamas was to blame"): read like a passive.
    patient_verbs: frozenset[str] = frozenset()
    patient_predicates: frozenset[str] = frozenset()
    # Verbs whose "in" object is an act their subject takes part in ("engaged in fighting",
    # "participated in the talks", "took part in the offensive": "take part" with its object).
    participation_verbs: frozenset[str] = frozenset()
    # Nouns whose "of" object stands with the actor, not against it ("fighting on the side of
    # Assad", "negotiating on behalf of the rebels").
    ally_nouns: frozenset[str] = frozenset()
    # Participles whose name before them backs the noun they describe, no party to its acts
    # ("US-backed Kurds withdrew": the Kurds; "Iran-funded militias", "Yemen-based").
    backer_participles: frozenset[str] = frozenset()
    # Verbs whose agent owns an act the noun they describe names ("an attack claimed by IS").
    claim_verbs: frozenset[str] = frozenset()
    # Act nouns whose possessor, when a person, is who the act befalls ("Soleimani's
    # killing", "Khashoggi's murder"), where "Iran's attack" is Iran's doing.
    patient_nouns: frozenset[str] = frozenset()
    # Act nouns whose possessor of any kind, a state too, is what the act ends ("sought
    # Israel's destruction").
    ruin_nouns: frozenset[str] = frozenset()
    # Verbs whose object is what is talked over, no party to the talks ("discussed Syria",
    # "negotiated a ceasefire"; the party is the "with" object).
    topic_verbs: frozenset[str] = frozenset()
    # Verbs whose "on" names who is blamed for the act their object names, wherever the
    # parser hangs it ("blamed the strike on Iran": Iran).
    blame_verbs: frozenset[str] = frozenset()
    # Words of an assault that between people or parties only are words: criticism ("Trump
    # attacked Bolton as a wacko", "Democrats targeting him"; `coder.RuleCoder.in_words`).
    words_of_force: frozenset[str] = frozenset()
    # Light verbs that give the act a noun names ("approved aid") but only authorize an act of
    # force ("approved a military strike": not yet carried out, nor by whoever approves it).
    approval_verbs: frozenset[str] = frozenset()
    # Light verbs of a meeting only: the subject of "had talks with", "had a phone call with"
    # takes part; "had missiles" or "has an army" is no act of the subject.
    meeting_verbs: frozenset[str] = frozenset()
    # Verbs whose subject gets what their object names from someone else ("the Kurds received
    # backing from the US", "Rouhani got a phone call from Putin"): the subject is the act's
    # recipient, never its doer.
    receiving_verbs: frozenset[str] = frozenset()
    # Verbs whose subject stops what their object names ("Russia and China blocked a
    # resolution condemning the crackdown"): not who issued it.
    blocking_verbs: frozenset[str] = frozenset()

    def is_participation_verb(self, verb: Token) -> bool:
        """Whether `verb` takes part in the act its "in" object names ("engaged", "took part")."""
        lemma = verb.lemma_.lower()
        objects = [f"{lemma} {c.lemma_.lower()}" for c in verb.children if c.dep_ == "dobj"]
        return not self.participation_verbs.isdisjoint([lemma, *objects])

    def rows_starting_with(self, token: Token) -> tuple[TriggerRow, ...]:
        """The trigger rows whose first word is one of `token`'s forms ("talks" or "talk")."""
        return tuple(row for form in token_forms(token) for row in self.by_first_word.get(form, ()))

    def names_a_journey(self, noun: Token) -> bool:
        """Whether `noun` is the first word of a visit trigger ("trip", "visit", "tour")."""
        return any(row.mode == VISIT_MODE for row in self.rows_starting_with(noun))

    def names_a_meeting(self, noun: Token) -> bool:
        """Whether `noun` is the first word of a CONSULT trigger ("talks", "meeting", "call")."""
        return any(row.event == MEETING_EVENT for row in self.rows_starting_with(noun))

    def is_support_verb(self, verb: Token) -> bool:
        """Whether `verb` is a light verb (by any of its `token_forms`), also with its particle
        ("pulled off the bombing"; "pulled the strikes" calls them off, a negation cue)."""
        forms = token_forms(verb)
        particles = [c.lower_ for c in verb.children if c.dep_ == PARTICLE_DEP]
        return not forms.isdisjoint(self.support_verbs) or any(
            f"{form} {particle}" in self.support_verbs for form in forms for particle in particles)

    def suffers_subject(self, verb: Token) -> bool:
        """Whether `verb`'s subject is the one the act befalls ("died", "succumbed"), also a
        patient predicate's own subject in an adjective's small clause ("police found two
        soldiers dead"; not "the government blamed the Brotherhood")."""
        return verb.lemma_.lower() in self.patient_verbs or self.is_patient_predicate(verb) \
            or (verb.pos_ == ADJECTIVE and verb.lemma_.lower() in self.patient_predicates
                and any(c.dep_ in TRIGGER_SUBJECT_DEPS for c in verb.children))

    def is_patient_predicate(self, verb: Token) -> bool:
        """Whether `verb` is a predicate after a copula whose subject it befalls ("X was to blame")."""
        return verb.lemma_.lower() in self.patient_predicates and verb.dep_ in PREDICATE_DEPS \
            and verb.head.lemma_.lower() == COPULA

    def describes_the_object(self, verb: Token) -> bool:
        """Whether `verb` is a patient predicate saying what befell its head verb's object
        ("the blast left four people dead", "police found him dead"): the object suffered it."""
        return verb.lemma_.lower() in self.patient_predicates and verb.dep_ == OBJECT_PREDICATE

    @property
    def first_words(self) -> frozenset[str]:
        """Every word that can start a trigger: the cheap candidate filter's vocabulary."""
        return frozenset(self.by_first_word)

    def is_claim_verb(self, verb: Token) -> bool:
        """Whether `verb` claims or disclaims an act ("claimed responsibility", "was
        responsible"): it names the act's doer, not its target or place."""
        return any(c.lemma_.lower() in self.claim_words and c.dep_ in CLAIM_DEPS for c in verb.children)

    def noun_class(self, name: str) -> frozenset[str]:
        """The members of a noun class (`kb/event_triggers.jsonl` rows with "noun_class"),
        empty for a class the KB does not define."""
        return self.noun_classes.get(name, frozenset())

    def treats_as_pretext(self, verb: Token) -> bool:
        """Whether a verb takes its object as what it serves for ("used the chemical attack as
        a pretext for hitting the base", "claimed this killing as a proof that Germans must
        fear Islam"): the user did not do the act, unlike "used chemical weapons"."""
        pretexts = self.noun_class(PRETEXT_CLASS)
        return any(o.dep_ == "pobj" and o.lemma_.lower() in pretexts
                   for p in verb.children if p.dep_ == "prep" and p.lower_ == AS_PREPOSITION for o in p.children)

    def only_authorizes(self, verb: Token, noun: Token) -> bool:
        """Whether a light verb only authorizes the act of force its object names ("approved a
        military strike"; `approval_verbs`); not one the text has told of ("the president
        approved the strike while in Florida": his strike, carried out)."""
        told_of = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS) for c in noun.children)
        return verb.lemma_.lower() in self.approval_verbs and not told_of \
            and any(row.event == FORCE_EVENT for row in self.by_first_word.get(noun.lemma_.lower(), ()))

    def receiving_verb(self, anchor: Token) -> Token | None:
        """The verb of receiving or suffering whose object a nominal trigger is ("the Kurds
        received backing from the US", "Trump won't face charges"; `receiving_verbs`), or None:
        its subject is whom the act is for, and its negations and modals are the act's."""
        received = anchor.pos_ in NOMINAL_POS and anchor.dep_ == DIRECT_OBJECT \
            and anchor.head.lemma_.lower() in self.receiving_verbs \
            and anchor.lemma_.lower() not in self.noun_class(FIGHT_CLASS)  # "won the battle for Mosul" fought it
        return anchor.head if received else None

    def mode_carrier(self, anchor: Token) -> Token | None:
        """The verb whose modals and negations a nominal trigger takes: its light verb, or
        the verb by which someone receives or suffers it ("Russia did not receive support
        from China", "Trump won't face charges"), which does not make its subject the doer."""
        return self.light_verb(anchor) or self.receiving_verb(anchor)

    def light_verb(self, anchor: Token) -> Token | None:
        """The verb that carries a nominal trigger's clause: its light verb ("launched an
        offensive", through a measure noun: "launched a series of strikes", "carried out
        bombing missions"; for a subject, the light verb its verb governs: "talks are set to
        resume"; the light verb of a relative clause on it: "the operations that IS is
        conducting"; the verb of taking part in it: "took part in the offensive"), or the
        verb of a claim of it ("was responsible for the attack", "claimed responsibility for
        the bombing", "IS claimed the attack", "the attack was claimed by IS"), whose subject
        or agent did it; else None."""
        if anchor.pos_ not in NOMINAL_POS:
            return None
        for clause in anchor.children:  # "the operations that IS is conducting", "the attacks it launched"
            if clause.dep_ == RELATIVE_CLAUSE and self.is_support_verb(clause) \
                    and not any(c.dep_ in CLAUSE_OBJECT_DEPS and c.lower_ not in RELATIVE_OBJECTS for c in clause.children):
                return clause
        head = anchor.head
        if head.i == anchor.i:
            return None
        if head.lower_ == MEASURE_PREPOSITION and head.head.lemma_.lower() in self.measure_nouns:
            anchor, head = head.head, head.head.head  # "launched a series of strikes"
        elif anchor.dep_ == COMPOUND and head.lemma_.lower() in self.measure_nouns:
            anchor, head = head, head.head  # "carried out bombing missions"
        # "the airstrike is sending a signal to Iran", "the assassination has led to protests"
        subject_of_another_object = anchor.dep_ in TRIGGER_SUBJECT_DEPS and any(
            c.dep_ == DIRECT_OBJECT or (c.dep_ == "prep" and c.lower_ == CONSEQUENCE_PREPOSITION)
            for c in head.children)
        if self.is_support_verb(head) and not self.treats_as_pretext(head) and not subject_of_another_object \
                and not self.only_authorizes(head, anchor):
            return head
        if anchor.dep_ == DIRECT_OBJECT and head.lemma_.lower() in self.meeting_verbs and self.names_a_meeting(anchor):
            return head  # "he had a great meeting with Putin"
        if anchor.dep_ in CLAIMED_ACT_DEPS and head.lemma_.lower() in self.claim_verbs and not self.treats_as_pretext(head):
            return head  # "IS claimed the attack", "the attack was claimed by IS": whoever claims it did it
        # "talks are set to resume", "strikes will continue"; not a verb whose object does the
        # rest ("the attack prompted the Pentagon to send troops": the Pentagon sends)
        if anchor.dep_ in TRIGGER_SUBJECT_DEPS and not any(c.dep_ == DIRECT_OBJECT for c in head.children):
            carrier = next((c for c in head.children if c.dep_ == "xcomp" and self.is_support_verb(c)), None)
            if carrier is not None:
                return carrier
        if head.dep_ == "prep" and head.lower_ == PARTICIPATION_PREPOSITION and self.is_participation_verb(head.head):
            return head.head  # "took part in the offensive"
        claim = head.head
        if head.dep_ == "prep" and head.lower_ == CLAIM_PREPOSITION and claim.lemma_.lower() in self.claim_words \
                and claim.dep_ in CLAIM_DEPS and claim.head.i != claim.i:
            return claim.head
        if head.dep_ == "prep" and head.lower_ == CLAIM_PREPOSITION and self.is_claim_verb(claim):
            return claim  # the parser hangs "for" on the verb: "took credit for an attack"
        return None


@dataclass(frozen=True, slots=True)
class AuxCue:
    """A cue word for an auxiliary mode.

    where: how the cue relates to the event word: "aux" (modal child), "neg" (negation
        child), "negated_adverb" (an adverb child whose negation negates the event: "no
        longer bombing", unlike "not only bombed"), "governor" (a word above the event in the
        parse), "mark" (clause marker), "advmod" (adverb child), "sentence" (phrase anywhere
        in the sentence). Rows with `OPEN_OBJECT_PLACE` and no mode are no cues: they list
        the verbs whose object event the modality above them reaches
        (`AuxCueLexicon.open_object_verbs`); rows with `TOPIC_NOUN_PLACE` list the nouns that
        tell of an event in their phrase, which no modality above reaches
        (`AuxCueLexicon.topic_nouns`).
    via: for governors, the dependency labels allowed on the arc just below the cue.
    tag: fine-grained tag the governor must have ("VBN" for "is set to"); for an "aux" cue,
        the tag of the verb it hangs on ("'d" is "would" before "send" (VB), "had" before "sent").
    unless: for governors, lemmas of the word just below or particles of the cue itself that
        make it no cue ("is to send" is planned, "is to blame" an idiom of fault; "pulled off
        the bombing" carried it out); for sentence phrases, words right after
        it that do ("at the time" is history, "at the time of the attack" only says when); for
        an "aux" cue, adverbs of its verb that do ("would later kill": what came to pass).
    marker: for governors, a word the clause just below must carry ("to": "is to send",
        not a misparse hanging "troops have been withdrawn" on "it's") or be (the
        preposition "from": "saved Israel from destruction", not "saved lives in the attack").
    backshifted: for "aux" cues, the mode in a clause that a past tense reports, where the
        modal stands for another in the words said ("announced that troops would be
        deployed": "will", future, not a condition).
    realised_in_past: for governors, no cue under a past-tense copula, where the capacity it
        names was used ("were able to capture Kobani": they did), nor on the object of a verb
        of using it ("misused her authority to sabotage Flynn": she did, it is said).
    """

    words: tuple[str, ...]
    mode: str
    where: str
    via: frozenset[str]
    tag: str | None
    unless: frozenset[str] = frozenset()
    marker: str | None = None
    backshifted: str | None = None
    realised_in_past: bool = False


@dataclass(frozen=True, slots=True)
class AuxCueLexicon:
    """Aux-mode cues grouped by where they attach; single words keyed by lemma."""

    by_place: dict[str, dict[str, tuple[AuxCue, ...]]]
    sentence_phrases: tuple[AuxCue, ...]
    # "support a strike", "allow attacks": the modality above the verb reaches the event it
    # takes as object, which it does not for other verbs ("sought to play down the attack")
    open_object_verbs: frozenset[str] = frozenset()
    # "offered an account of the attack", "demanded an explanation for the strike": what the
    # modality above takes is the telling, not the event told of
    topic_nouns: frozenset[str] = frozenset()

    def cues(self, where: str, lemma: str) -> tuple[AuxCue, ...]:
        """Cues of kind `where` for one word (empty when none)."""
        return self.by_place.get(where, {}).get(lemma, ())


def _kb_text(filename: str) -> str:
    return resources.files("sitrep").joinpath("kb", filename).read_text(encoding="utf-8")


def _jsonl_rows(filename: str) -> list[tuple[int, dict]]:
    """(line number, row) for each non-empty line; every row needs a note or source."""
    rows = []
    for line_no, line in enumerate(_kb_text(filename).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SitrepError("E030", f"{filename} line {line_no}: {exc}") from exc
        if not (row.get("note") or row.get("source")):
            raise SitrepError("E030", f"{filename} line {line_no}: needs a note or source")
        rows.append((line_no, row))
    return rows


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """Read and check kb/plover.json once per process."""
    try:
        data = json.loads(_kb_text(PLOVER_FILE))
    except json.JSONDecodeError as exc:
        raise SitrepError("E030", f"{PLOVER_FILE}: {exc}") from exc
    verbal_quads = {int(quad) for quad, name in data["quad_names"].items() if name.startswith("verbal")}
    events = {}
    for name, spec in data["events"].items():
        if spec.get("quad") not in (1, 2, 3, 4):
            raise SitrepError("E030", f"{PLOVER_FILE}: event {name} needs a quad code 1-4")
        events[name] = EventType(
            name=name,
            quad=spec["quad"],
            modes=frozenset(spec.get("modes", {})),
            requires_recipient=bool(spec.get("requires_recipient")),
            movement=bool(spec.get("movement")),
            counts_subject=bool(spec.get("movement") or spec.get("counts_subject")),
            met_in_place=bool(spec.get("met_in_place")),
            placed_at_origin=bool(spec.get("placed_at_origin")),
            asks_clause_subject=bool(spec.get("asks_clause_subject")),
            befalls_act_target=bool(spec.get("befalls_act_target")),
            benefits_after_for=bool(spec.get("benefits_after_for")),
            named_before_authors=bool(spec.get("named_before_authors")),
            no_context_place=bool(spec.get("no_context_place")),
            mutual=bool(spec.get("mutual")),
            verbal=spec["quad"] in verbal_quads,
        )
    aux = data["aux_modes"]
    size_lemmas = {
        lemma: size_field for size_field, spec in data["size_fields"].items() for lemma in spec["lemmas"]
    }
    ontology = Ontology(
        codebook=data["codebook"],
        events=events,
        aliases=dict(data.get("aliases", {})),
        contexts=frozenset(data["contexts"]),
        aux_weights={mode: float(spec["weight"]) for mode, spec in aux.items()},
        aux_happened={mode: bool(spec["happened"]) for mode, spec in aux.items()},
        aux_order=tuple(aux),
        size_events=frozenset(data.get("size_events", ())),
        size_lemmas=size_lemmas,
        mode_refines={category: {mode: frozenset(general) for mode, general in refines.items()}
                      for category, refines in data.get("mode_refines", {}).items()},
        embedded_modes={category: dict(modes) for category, modes in data.get("embedded_modes", {}).items()},
    )
    _check_mode_tables(ontology)
    return ontology


def _check_mode_tables(ontology: Ontology) -> None:
    """Every mode the refinement and embedded-mode tables name belongs to its category."""
    for category, refines in ontology.mode_refines.items():
        for mode in {*refines, *(m for general in refines.values() for m in general)}:
            if category not in ontology.events or mode not in ontology.events[category].modes:
                raise SitrepError("E030", f"{PLOVER_FILE} mode_refines: {mode!r} is not a {category} mode")
    for category, modes in ontology.embedded_modes.items():
        for inner, mode in modes.items():
            inner_category, _, inner_mode = inner.partition(":")
            known_inner = inner == ANY_CATEGORY or (
                inner_category in ontology.events and (not inner_mode or inner_mode in ontology.events[inner_category].modes))
            if category not in ontology.events or mode not in ontology.events[category].modes or not known_inner:
                raise SitrepError("E030", f"{PLOVER_FILE} embedded_modes: bad row {category} {inner!r} -> {mode!r}")


def _trigger_row(line_no: int, row: dict, ontology: Ontology, noun_classes: frozenset[str] = frozenset()) -> TriggerRow:
    where = f"{TRIGGERS_FILE} line {line_no}"
    event = row.get("event")
    event = ontology.aliases.get(event.upper(), event) if isinstance(event, str) else event
    if event not in ontology.events:
        raise SitrepError("E030", f"{where}: unknown event {event!r}")
    mode = row.get("mode")
    if mode is not None and mode not in ontology.events[event].modes:
        raise SitrepError("E030", f"{where}: mode {mode!r} is not a {event} mode")
    context = tuple(row.get("context") or ())
    unknown = [name for name in context if name not in ontology.contexts]
    if unknown:
        raise SitrepError("E030", f"{where}: unknown context {unknown}")
    certainty = row.get("certainty")
    if not isinstance(certainty, (int, float)) or not 0 < certainty <= 1:
        raise SitrepError("E030", f"{where}: certainty must be in (0, 1]")
    text = row.get("phrase") or row.get("lemma")
    if not isinstance(text, str) or not text.strip():
        raise SitrepError("E030", f"{where}: needs a lemma or phrase")
    needs, media, doers = row.get("needs"), row.get("other_sense_media"), row.get("other_sense_doers")
    other_sense_objects = row.get("other_sense_objects") or ()
    if isinstance(other_sense_objects, str):
        other_sense_objects = (other_sense_objects,)
    for named in (needs, media, doers, *other_sense_objects):
        if named is not None and named not in noun_classes:
            raise SitrepError("E030", f"{where}: unknown noun class {named!r}")
    return TriggerRow(
        words=tuple(word for word in WORD_SEPARATORS.split(text.lower()) if word),
        event=event,
        mode=mode,
        context=context,
        certainty=float(certainty),
        pos=frozenset(row.get("pos") or ()),
        note=row["note"],
        needs=needs,
        needs_acted_on=bool(row.get("needs_acted_on", False)),
        mutual=bool(row.get("mutual", False)),
        needs_light_verb=bool(row.get("needs_light_verb", False)),
        predicate_only=bool(row.get("predicate_only", False)),
        intransitive=bool(row.get("intransitive", False)),
        transitive=bool(row.get("transitive", False)),
        with_complement=bool(row.get("with_complement", False)),
        asks_to=bool(row.get("asks_to", False)),
        not_of_facts=bool(row.get("not_of_facts", False)),
        passive_other_sense=frozenset(word.lower() for word in row.get("passive_other_sense") or ()),
        other_sense_preps=frozenset(word.lower() for word in row.get("other_sense_preps") or ()),
        not_under=frozenset(word.lower() for word in row.get("not_under") or ()),
        other_sense_objects=tuple(other_sense_objects),
        other_sense_media=media,
        other_sense_doers=doers,
        seems_as_quality=bool(row.get("seems_as_quality", False)),
        needs_embedded_act=bool(row.get("needs_embedded_act", False)),
        particles=frozenset(word.lower() for word in row.get("particles") or ()),
    )


@lru_cache(maxsize=1)
def load_triggers() -> TriggerLexicon:
    """Read and check kb/event_triggers.jsonl once per process."""
    ontology = load_ontology()
    index: dict[str, list[TriggerRow]] = {}
    roles: dict[str, set[str]] = {role: set() for role in ROLE_FIELDS}
    seen: set[tuple] = set()
    rows = _jsonl_rows(TRIGGERS_FILE)
    classes: dict[str, set[str]] = {}
    for line_no, row in rows:
        if NOUN_CLASS in row:
            if not isinstance(row.get("lemma"), str) or not isinstance(row[NOUN_CLASS], str):
                raise SitrepError("E030", f"{TRIGGERS_FILE} line {line_no}: bad noun class row")
            classes.setdefault(row[NOUN_CLASS], set()).add(row["lemma"].lower())
    for line_no, row in rows:
        if NOUN_CLASS in row:
            continue
        role = row.get("role")
        if role is not None:
            if role not in ROLE_FIELDS or not isinstance(row.get("lemma"), str):
                raise SitrepError("E030", f"{TRIGGERS_FILE} line {line_no}: bad role row")
            roles[role].add(row["lemma"].lower())
            continue
        trigger = _trigger_row(line_no, row, ontology, frozenset(classes))
        key = (trigger.words, trigger.pos, trigger.needs)
        if key in seen:
            raise SitrepError("E030", f"{TRIGGERS_FILE} line {line_no}: duplicate trigger {' '.join(trigger.words)!r}")
        seen.add(key)
        index.setdefault(trigger.words[0], []).append(trigger)
    logger.debug("loaded %s trigger rows", len(seen))
    return TriggerLexicon(
        by_first_word={word: tuple(rows) for word, rows in index.items()},
        noun_classes={name: frozenset(words) for name, words in classes.items()},
        **{field: frozenset(roles[role]) for role, field in ROLE_FIELDS.items()},
    )


@lru_cache(maxsize=1)
def load_aux_cues() -> AuxCueLexicon:
    """Read and check kb/aux_mode_cues.jsonl once per process."""
    ontology = load_ontology()
    by_place: dict[str, dict[str, list[AuxCue]]] = {}
    phrases: list[AuxCue] = []
    word_lists: dict[str, set[str]] = {OPEN_OBJECT_PLACE: set(), TOPIC_NOUN_PLACE: set()}
    for line_no, row in _jsonl_rows(AUX_CUES_FILE):
        where = f"{AUX_CUES_FILE} line {line_no}"
        if row.get("where") in word_lists and isinstance(row.get("cue"), str) and "mode" not in row:
            word_lists[row["where"]].add(row["cue"].lower())
            continue
        if row.get("mode") not in ontology.aux_weights:
            raise SitrepError("E030", f"{where}: unknown aux mode {row.get('mode')!r}")
        if row.get("where") not in CUE_PLACES:
            raise SitrepError("E030", f"{where}: 'where' must be one of {sorted(CUE_PLACES)}")
        if not isinstance(row.get("cue"), str) or not row["cue"].strip():
            raise SitrepError("E030", f"{where}: needs a cue")
        cue = AuxCue(
            words=tuple(row["cue"].lower().split()),
            mode=row["mode"],
            where=row["where"],
            via=frozenset(row.get("via") or ()),
            tag=row.get("tag"),
            unless=frozenset(row.get("unless") or ()),
            marker=row.get("marker"),
            backshifted=row.get("backshifted"),
            realised_in_past=bool(row.get("realised_in_past")),
        )
        if cue.where == "sentence":
            phrases.append(cue)
        elif len(cue.words) != 1:
            raise SitrepError("E030", f"{where}: only 'sentence' cues may be phrases")
        else:
            by_place.setdefault(cue.where, {}).setdefault(cue.words[0], []).append(cue)
    return AuxCueLexicon(
        by_place={place: {word: tuple(cues) for word, cues in words.items()} for place, words in by_place.items()},
        sentence_phrases=tuple(phrases),
        open_object_verbs=frozenset(word_lists[OPEN_OBJECT_PLACE]),
        topic_nouns=frozenset(word_lists[TOPIC_NOUN_PLACE]),
    )


@dataclass(frozen=True, slots=True)
class InstrumentLexicon:
    """Words that name the weapon or means of an act ("warplanes", "gunmen", "rockets"),
    keyed by lemma: (category, mode) pairs they give (kb/instrument_words.jsonl)."""

    by_lemma: dict[str, tuple[tuple[str, str], ...]]

    def modes(self, token: Token, category: str) -> list[str]:
        """The modes of `category` that `token` names, by lemma or lower-case form."""
        rows = self.by_lemma.get(token.lemma_.lower(), ()) or self.by_lemma.get(token.lower_, ())
        return [mode for event, mode in rows if event == category]


@lru_cache(maxsize=1)
def load_instruments() -> InstrumentLexicon:
    """Read and check kb/instrument_words.jsonl once per process."""
    ontology = load_ontology()
    by_lemma: dict[str, list[tuple[str, str]]] = {}
    for line_no, row in _jsonl_rows(INSTRUMENTS_FILE):
        where = f"{INSTRUMENTS_FILE} line {line_no}"
        event, mode, lemma = row.get("event"), row.get("mode"), row.get("lemma")
        if event not in ontology.events or mode not in ontology.events[event].modes:
            raise SitrepError("E030", f"{where}: {mode!r} is not a mode of {event!r}")
        if not isinstance(lemma, str) or not lemma.strip():
            raise SitrepError("E030", f"{where}: needs a lemma")
        by_lemma.setdefault(lemma.lower(), []).append((event, mode))
    return InstrumentLexicon({lemma: tuple(rows) for lemma, rows in by_lemma.items()})

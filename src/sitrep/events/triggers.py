"""Find the trigger words and phrases of one sentence and decide which ones stand.

A phrase ("send troops", "pour into", "carry out airstrikes") matches when all its words occur
in one small dependency neighbourhood of its first word, in any order, so "sent 3,000 troops"
and "troops arrived" match like their dictionary forms. Where hits overlap, the longer phrase
wins ("rocket attack" over "attack"), and two hits of one event type joined by a direct arc
("Russian airstrikes killed ...") are merged into one event with both words as anchors.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from sitrep.events.lexicon import (
    COPULA,
    DIRECT_OBJECT,
    NOMINAL_POS,
    OBJECT_PREDICATE,
    PARTICLE_DEP,
    PAST_PARTICIPLE,
    RELATIVE_CLAUSE,
    VERB,
    TriggerLexicon,
    TriggerRow,
    token_forms,
)

logger = logging.getLogger(__name__)

# Arcs along which two triggers of one event type describe one happening.
MERGE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "compound", "amod", "nmod"})
# Phrase words farther than this (in tokens) from the first word, and triggers farther apart
# than this, belong to different statements even when the parse links them (but for the
# object of a preposition of the phrase: `_within_reach`).
MAX_PHRASE_REACH = 5
ADVERBIAL_CLAUSE = "advcl"
# Clauses with a verb of their own under a word: their words are no part of its phrase.
OWN_CLAUSE_DEPS = frozenset({ADVERBIAL_CLAUSE, "relcl", "ccomp", "conj", "parataxis", "csubj"})
# Object and passive subject arcs, whose noun belongs to the phrase at any distance.
CORE_ARGUMENT_DEPS = frozenset({"dobj", "nsubjpass"})
OWN_COMPLEMENT_DEPS = frozenset({"dobj", "ccomp", "xcomp"})  # what a verb acts on or says besides a phrase's noun
TRANSITIVE_DEPS = frozenset({"dobj", "ccomp"})  # an object, or a clause in its place ("demonstrated that")
INFINITIVE_DEPS = frozenset({"xcomp"})  # "declined to attend"
PARTITIVE = "of"
# Words whose "of" object is what they count: numbers, determiners and pronouns ("many of",
# "all of them"), nouns of number or portion, and the units people and arms come in ("a
# squadron of F-22 fighters").
COUNTING_POS = frozenset({"NUM", "DET", "PRON", "ADJ"})
PORTION_NOUNS = frozenset({"dozen", "hundred", "thousand", "million", "score", "ten", "member", "rest", "group",
                           "batch", "handful", "number", "majority", "minority", "half", "contingent", "couple",
                           "squadron", "battalion", "brigade", "company", "platoon", "regiment", "division",
                           "fleet", "convoy", "team", "unit", "wave", "flotilla", "detachment", "force", "squad",
                           "column", "shipment", "consignment", "delegation", "crew", "pair", "set", "series"})
INFINITIVE_MARKER = "aux"
AUXILIARY_DEPS = frozenset({"aux", "auxpass"})
COMPLEMENT_CLAUSE, MODAL_TAG = "ccomp", "MD"
# Tenses no demanded or promised act takes: a bare verb after a plural subject is tagged VBP
# ("demanded that North Korea identify and destroy"), a past or third-person present tells what is.
INDICATIVE_TAGS = frozenset({"VBD", "VBZ"})
DO_SUPPORT = "do"  # "that we don't have a strategy": a bare verb under "do" is no subjunctive
MAX_MERGE_GAP = 6
# The arguments whose noun class decides a trigger's sense ("released the hostages" /
# "released a video", "the truce took hold"): object, subject, possessor, noun modifier.
ARGUMENT_DEPS = frozenset({"dobj", "nsubjpass", "nsubj", "poss", "compound", "attr", "oprd"})
# Clause arcs climbed to find the subject of an infinitive or the noun a clause modifies.
CLIMB_DEPS = frozenset({"xcomp", "conj"})
NOUN_MODIFIER_CLAUSES = frozenset({"relcl", "acl"})
# Share of longer words capitalised above which a line is a title-case headline.
HEADLINE_SHARE = 0.6
# Where a predicate word says something of its subject or object ("the reports are
# baseless", "called the reports baseless", "dismissed them as fabricated").
PREDICATE_DEPS = frozenset({"acomp", "oprd", "attr", "xcomp", "ccomp", "pobj", "conj", "ROOT"})
# A present participle before a noun describes it ("visiting Westerners", "the attacking
# forces"): no act is asserted.
PRESENT_PARTICIPLE, ADJECTIVAL = "VBG", "amod"
# A noun or adjective hung before another noun names a kind of it ("attack helicopters").
KIND_DEPS = frozenset({"compound", "amod"})
KIND_POS = frozenset({"NOUN", "PROPN", "ADJ"})
PERSON_ENTITY, PROPER_NOUN, COMMON_NOUN = "PERSON", "PROPN", "NOUN"
POSSESSOR = "poss"
PERSONAL_POSSESSIVES = frozenset({"his", "her"})  # owners that are one person
# Where a bare participle clause hangs ("have Assad assassinated", "wanted him killed").
SMALL_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "oprd"})
# Verbs whose object-and-participle clause someone has done, wants done or sees done.
SMALL_CLAUSE_VERBS = frozenset({"have", "get", "want", "need", "see", "watch", "order", "like", "leave", "keep",
                                "find", "prefer", "make", "hear"})
NOUN_PHRASE_POS = frozenset({"NOUN", "PROPN", "ADJ"})
LINE_BREAK = "\n"
SENTENCE_ENDS = frozenset({".", "!", "?"})
PASSIVE_AUXILIARY, PREPOSITION = "auxpass", "prep"
MEANS_PREPOSITION = "with"
# Parts of speech of prepositions and particles, which belong to the word they hang on.
FUNCTION_POS = frozenset({"ADP", "PART"})
ADVERB_POS = "ADV"
PREPOSITION_OBJECT = "pobj"
SUBJECT = "nsubj"
RELATIVE_TAGS = frozenset({"WP", "WDT", "WP$"})  # "who", "which", "that" opening a relative clause
INFINITIVE_CLAUSE, TO = "xcomp", "to"
# What tells a word's other sense: its object, its subject in the passive ("Hagel was fired"),
# the verb it goes on to ("declined to comment") or what it says its subject is ("pleaded guilty").
OTHER_SENSE_DEPS = CORE_ARGUMENT_DEPS | {"xcomp", "acomp", "oprd"}
PREPOSITION = "prep"
# What a noun is for or of, or who does it, tells its sense: "a request for comment", "the
# execution of policy", "a strike by bus drivers".
OF = "of"
SENSE_PREPOSITIONS = frozenset({"for", OF, "by"})
VERB_SENSE_PREPOSITIONS = frozenset({"with"})  # "agreed with the assessment", "shot with a camera"
COUNT_POS = frozenset({"NUM", "PRON", "DET"})  # "one", "some", "all" of a partitive
CARDINAL_ENTITY = "CARDINAL"  # "thousands", "dozens": counts the tagger calls nouns
ADPOSITION = "ADP"
MARGIN_CLASS, MARGIN_PREPOSITION = "margins", "by"  # "beats Cruz by 3 points"
MEDIUM_PREPOSITION = "on"  # what a verb is recorded on: "captured on video", "shot on film"
ADJECTIVAL_CLAUSE, COMPOUND = "acl", "compound"
NOUN_KIND_DEPS = frozenset({COMPOUND, "amod"})  # words before a noun that say what kind it is
TIME_ENTITIES = frozenset({"DATE", "TIME"})
# Adverbs that grade a participle as a state ("well equipped", "poorly trained"); not ones
# that grade what happened ("badly damaged", "heavily shelled").
QUALITY_ADVERBS = frozenset({"well", "better", "best", "poorly", "ill", "adequately", "inadequately", "properly",
                             "insufficiently", "sufficiently", "uniquely", "ideally", "perfectly"})
ADVERB_MODIFIER = "advmod"
# A participle compared "as ... as" ("as targeted as possible") is graded as a state.
EQUAL_COMPARISON = frozenset({(ADVERB_MODIFIER, "as"), ("prep", "as")})
ADVERB = "ADV"
# Verbs of seeming whose participle complement says how its subject feels or looks ("feels
# liberated", "seemed defeated"), not what was done to it.
SEEMING_VERBS = frozenset({"feel", "seem", "look", "appear", "sound"})
ADJECTIVAL_COMPLEMENT = "acomp"
QUALITY_PREPOSITION, QUALITY_POS = "as", "ADJ"  # "strikes Americans as absurd"
AGENT = "agent"
PASSIVE_DEPS = frozenset({PASSIVE_AUXILIARY, "nsubjpass", AGENT})
# A verb particle: the arc the parser gives one ("signed up", `PARTICLE_DEP`), or one of these
# words right after the verb, which the parser often reads as a preposition ("backed out of the deal").
PARTICLE_WORDS = frozenset({"out", "off", "up", "down", "away"})
# A class member written "ent:<label>" matches any token of that spaCy entity label.
ENTITY_PREFIX = "ent:"
MAX_ACRONYM_LENGTH = 4


@dataclass(frozen=True, slots=True)
class TriggerHit:
    """One trigger occurrence.

    anchors: the tokens arguments are read from, syntactic head first.
    tokens: every matched token, in text order (their span is the event text).
    """

    row: TriggerRow
    anchors: tuple[Token, ...]
    tokens: tuple[Token, ...]

    @property
    def start(self) -> int:
        return self.tokens[0].idx

    @property
    def indices(self) -> set[int]:
        """The token indices of the hit's words."""
        return {t.i for t in self.tokens}

    @property
    def end(self) -> int:
        last = self.tokens[-1]
        return last.idx + len(last.text)


def word_matches(token: Token, word: str) -> bool:
    """A lexicon word matches a token by one of its `token_forms` (lemma, lower-case form,
    regular verb stem: "troops", "troop", "staged" -> "stage") or by the hyphenated word it
    is part of, written solid ("ceasefire" for "cease-fire")."""
    return word in token_forms(token) or solid_word(token) == word


def solid_word(token: Token) -> str:
    """The hyphenated word `token` belongs to, lower case, without hyphens."""
    return "".join(piece.lower_ for piece in hyphen_group(token))


def partitive_objects(token: Token) -> list[Token]:
    """Y of "X of Y" under `token`: "sent thousands of troops" counts troops as sent."""
    return [obj for prep in token.children if prep.dep_ == "prep" and prep.lower_ == PARTITIVE
            for obj in prep.children if obj.dep_ == "pobj"]


def neighbourhood(token: Token) -> list[Token]:
    """Tokens within two arcs of `token` (children, grandchildren, head, siblings), nearest
    first and, at equal distance, the one after it first (a phrase's prepositions follow its
    first word: "set to fly to New York"), plus the object of a partitive child ("send
    thousands of troops"); no grandchild before it through a clause of its own
    (`OWN_CLAUSE_DEPS`: "after he pulled back the strikes, Trump threatened" threatens no
    strike, where "called for Iran to withdraw" calls for it). The order is
    total: a token's hash, and so a set's order, differs from run to run."""
    near = list(token.children)
    near += [grandchild for child in token.children for grandchild in child.children
             if grandchild.i > token.i or child.dep_ not in OWN_CLAUSE_DEPS]
    near += [obj for child in token.children for obj in partitive_objects(child)]
    if token.head.i != token.i:
        near.append(token.head)
        near += [sibling for sibling in token.head.children if sibling.i != token.i]
    return sorted(set(near), key=lambda other: (abs(other.i - token.i), other.i < token.i))


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token = token.head
        depth += 1
    return depth


def _hyphen_group_head(token: Token) -> Token:
    """The piece of a hyphenated word that the rest hang on, the one that carries the
    word's part of speech ("machine-gunned": gunned, a verb; "machine" is tagged a noun)."""
    group = hyphen_group(token)
    indices = {piece.i for piece in group}
    return next((piece for piece in group if piece.head.i not in indices or piece.head.i == piece.i), token)


def hyphen_group(token: Token) -> list[Token]:
    """The word tokens of the hyphenated word `token` belongs to ("live-fire": live, fire)."""
    doc = token.doc

    def joined(left: int) -> bool:
        """doc[left], "-", doc[left + 2] written without spaces."""
        return doc[left + 1].text == "-" and not doc[left].whitespace_ and not doc[left + 1].whitespace_

    start = end = token.i
    while start >= 2 and joined(start - 2):
        start -= 2
    while end + 2 < len(doc) and joined(end):
        end += 2
    return [doc[i] for i in range(start, end + 1, 2)]


def core_arguments(token: Token) -> list[Token]:
    """Object, subject, passive agent, possessor and a noun's "of"-object of `token`, the
    subject of the clause an infinitive hangs on ("began to take hold"), the noun a
    relative clause modifies ("the truce, which took hold"), and the members of a partitive
    ("many of the captives"; `counts_members`)."""
    found = [c for c in token.children if c.dep_ in ARGUMENT_DEPS]
    if token.pos_ in NOMINAL_POS:  # "the release of the prisoners"; a verb's "of" is no object of it
        found += partitive_objects(token)
    found += [obj for agent in token.children if agent.dep_ == "agent" for obj in agent.children if obj.dep_ == "pobj"]
    clauses = governing_clauses(token)
    found += [c for clause in clauses for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    top = clauses[-1] if clauses else token
    if top.dep_ in NOUN_MODIFIER_CLAUSES and top.head.i != top.i:
        found.append(top.head)
    found += [obj for arg in found if counts_members(arg) for obj in partitive_objects(arg)]
    return [t for arg in found for t in (arg, *arg.conjuncts)]


def governing_clauses(token: Token) -> list[Token]:
    """The clauses `token` hangs on, nearest first, whose subject is its own: the verb an
    infinitive or a conjunct depends on ("began to take hold", "met them and released
    them"), up to a clause modifying a noun."""
    found: list[Token] = []
    climb = token
    while climb.dep_ in CLIMB_DEPS and climb.head.i != climb.i:
        climb = climb.head
        found.append(climb)
    return found


def counts_members(token: Token) -> bool:
    """Whether a noun's "of" object names its members: a number, quantity or portion ("two
    of the hostages", "hundreds of prisoners", "members of its staff"), not a thing that
    shows or holds them ("images of two men", "the bodies of soldiers")."""
    return token.pos_ in COUNTING_POS or token.like_num or token.lemma_.lower() in PORTION_NOUNS


def in_noun_class(token: Token, members: frozenset[str]) -> bool:
    """A token belongs to a class by lemma, by form, by its whole hyphenated word
    ("cease-fire") or by its entity label ("ent:person"); an acronym only by its label, as
    its lower case is another word ("US" is no "us")."""
    whole = "-".join(piece.lower_ for piece in hyphen_group(token))
    names = set() if is_acronym(token) else {token.lemma_.lower(), token.lower_, whole}
    if token.ent_type_:
        names.add(ENTITY_PREFIX + token.ent_type_.lower())
    return not names.isdisjoint(members)


def is_acronym(token: Token) -> bool:
    """Whether a token is a short name in capitals ("US", "UN", "IS")."""
    return token.pos_ == PROPER_NOUN and token.text.isupper() and 1 < len(token.text) <= MAX_ACRONYM_LENGTH


def has_argument_in(token: Token, members: frozenset[str], *, acted_on: bool = False) -> bool:
    """Whether some core argument of `token` belongs to the noun class `members`; with
    `acted_on`, one the act befalls, not its doer, subject or passive agent ("the
    congressmen released a statement" frees no captives though congressmen are people)."""
    arguments = core_arguments(token)
    if acted_on:  # also a governing clause's subject: "Reid met them, and Democrats released statements"
        subjects = [c for clause in (token, *governing_clauses(token)) for c in clause.children if c.dep_ == "nsubj"]
        agents = [o for a in token.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
        doers = [t for c in subjects + agents for t in (c, *c.conjuncts)]
        doers += [o for d in doers for o in partitive_objects(d)]  # "members of its staff released"
        doer_indices = {d.i for d in doers}
        arguments = [arg for arg in arguments if arg.i not in doer_indices]
    return any(in_noun_class(arg, members) for arg in arguments)


def line_of(token: Token) -> list[Token]:
    """The tokens of the text line `token` stands on."""
    doc = token.doc
    start = token.i
    while start > 0 and LINE_BREAK not in doc[start - 1].text + doc[start - 1].whitespace_:
        start -= 1
    end = token.i
    while end + 1 < len(doc) and LINE_BREAK not in doc[end].whitespace_ and LINE_BREAK not in doc[end + 1].text:
        end += 1
    return list(doc[start : end + 1])


def ends_without_full_stop(verb: Token) -> bool:
    """Whether the line of `verb` ends without a full stop, as a headline does: a sentence
    ending in one is prose, where a participle tag on a past tense is the tagger's slip
    ("Rebel forces advanced on the town.", "Trump tweeted.")."""
    for token in verb.doc[verb.i + 1 : verb.sent.end]:
        if token.is_space and LINE_BREAK in token.text:
            return True
        if token.text in SENTENCE_ENDS:
            return False
    return True


def headline_word(token: Token) -> bool:
    """A capitalised word the tagger took for a name inside a title-case line ("Boko Haram
    Attack In Nigeria"): its part of speech says nothing, so any POS constraint is waived."""
    if token.pos_ != "PROPN" or not token.is_title:
        return False
    words = [t for t in line_of(token) if t.is_alpha and len(t) > 3]
    return sum(t.is_title for t in words) > HEADLINE_SHARE * len(words)


def match_row(token: Token, row: TriggerRow, lexicon: TriggerLexicon | None = None) -> tuple[Token, ...] | None:
    """The tokens of `row` found around `token` (its first word), or None.

    A phrase's words lie within a few tokens of its first word, its object or passive
    subject at any distance ("launched more than a dozen ballistic missiles"), its
    prepositions after its first word ("on Sunday fired" is no "fire on") and not before a
    time ("a press conference on Thursday"); a final "to" must be a preposition
    ("committed to the deal", not "to commit atrocities"); its first word is no object of
    another of its words ("video call" is not "called the video"); a phrase of nouns and
    adjectives only on words of one noun phrase ("general strike").
    A token inside a hyphenated word only counts when the phrase names the whole word:
    "hold fire" does not match "hold live-fire drills". A row that needs a noun class
    matches only when an argument of its head word belongs to it; a noun that needs a light
    verb only with one ("forged an alliance", not "the close alliance with Israel"); a
    predicate word only as one ("called the reports baseless"); a verb with a particle only
    where the row names or allows the particle ("backed out of" is not "backed"); an
    intransitive row's verb only without an object, a transitive row's only with one, a
    with_complement row's only with one or an infinitive, an
    asks_to row's only bidding someone do something ("asked Turkey to withdraw"); a passive
    not before a preposition that makes it another verb ("was met with protests"), nor a
    verb right before one ("seized on the news"); not under a word that makes it no act
    ("not authorized to discuss"), nor with an object, passive subject or following verb
    that does ("offered his prayers", "Hagel was fired", "declined to comment"), or a
    noun's "for" or "of" object ("a request for comment", "the execution of foreign
    policy"); a present participle never as an adjective ("visiting Westerners"), a past
    participle not as one on another act's word ("coordinated car bombings"); never a
    word of a person's name ("Attorney General Loretta Lynch").
    """
    if row.pos and not {token.pos_, _hyphen_group_head(token).pos_} & set(row.pos) and not headline_word(token):
        return None  # the part of speech of a hyphenated word is its head piece's ("machine-gunned")
    if token.ent_type_ == PERSON_ENTITY and token.pos_ == PROPER_NOUN and not headline_word(token):
        return None
    if _in_a_name(token):
        return None  # "F-16 Fighting Falcons are parked": a name, no fight
    matched = [token]
    if len(row.words) > 1:
        near = neighbourhood(token)
        for word in row.words[1:]:
            found = next((t for t in near if t.i not in {m.i for m in matched} and word_matches(t, word)
                          and _within_reach(t, token, matched)), None)
            if found is None:
                return None
            matched.append(found)
        if any(_preposition_of_another_word(part, matched) or (part.pos_ in FUNCTION_POS and part.i < token.i)
               for part in matched[1:]):
            return None  # a phrase's preposition follows its word ("on Sunday fired" is no "fire on")
        if token.dep_ == DIRECT_OBJECT and token.head in matched[1:]:
            return None  # a phrase led by a noun names a compound or its subject's act ("video call"), not an object ("called the video")
        if matched[-1].pos_ in FUNCTION_POS and matched[-1].dep_ == INFINITIVE_MARKER:
            return None  # a phrase ending in "to" ends in a preposition: "to commit atrocities" is no "commit to"
        if any(o.ent_type_ in TIME_ENTITIES for o in matched[-1].children if o.dep_ == PREPOSITION_OBJECT):
            return None  # "a press conference on Thursday" is no "conference on" a matter
        if matched[-1].pos_ in FUNCTION_POS and any(c.dep_ == OBJECT_PREDICATE and token.i < c.i < matched[-1].i
                                                    for c in token.children):
            return None  # "what is being called adoption day for the deal" names, it calls for nothing
        if _opens_an_adverb(matched[-1]):
            return None  # "too close to call for now" calls for nothing
        if _scattered_noun_phrase(matched):
            return None  # "general strike" is one phrase, not "the general with a drone strike"
        if token.dep_ == DIRECT_OBJECT and any(part.dep_ == ADVERBIAL_CLAUSE and part.head.i == token.head.i
                                               for part in matched[1:]):
            return None  # "troops leave": not "attacked US forces, leaving hundreds dead" (the attackers leave)
        if token.pos_ == VERB and any(part.i in _subject_words(token) for part in matched[1:]) \
                and any(c.dep_ in OWN_COMPLEMENT_DEPS and c.i > token.i and c not in matched for c in token.children):
            # the phrase's noun does it to something after the verb: "the Israel Defense Forces had
            # sent text messages" sends no forces, "diplomats recall her lecturing leaders" recalls
            # no diplomats
            return None
        if token.pos_ == VERB and any(_object_of_an_earlier_verb(part, token, matched) for part in matched[1:]):
            return None  # "driving back Kurdish forces, sending communities fleeing" sends no forces
    for part in matched:
        whole = solid_word(part) in row.words
        if not whole and not all(any(word_matches(piece, word) for word in row.words) for piece in hyphen_group(part)):
            return None
    if row.needs is not None:
        members = lexicon.noun_classes[row.needs] if lexicon is not None else frozenset()
        if not any(has_argument_in(part, members, acted_on=row.needs_acted_on) for part in matched):
            return None
    head = min(matched, key=_depth)  # "peace deal": the light verb governs "deal"
    if row.needs_light_verb and head.pos_ in NOMINAL_POS and (lexicon is None or lexicon.light_verb(head) is None):
        return None
    if row.predicate_only and token.dep_ not in PREDICATE_DEPS:
        return None
    if _other_particle(matched, row):
        return None
    if row.intransitive and token.pos_ == VERB and (
            any(child.dep_ in TRANSITIVE_DEPS for child in token.children) or _is_passive(token)):
        return None  # "rallied support", "the techniques advanced by his administration"
    if row.transitive and token.pos_ == VERB and not any(child.dep_ in CORE_ARGUMENT_DEPS | {AGENT} for child in token.children):
        return None  # "when pressed by Iran": a by-agent marks the passive of one pressed
    if row.with_complement and token.pos_ == VERB and not any(
            child.dep_ in CORE_ARGUMENT_DEPS | INFINITIVE_DEPS for child in token.children):
        return None
    if row.asks_to and not _bids_someone(token):
        return None
    if row.not_of_facts and any(tells_a_fact(c) and c.i > token.i for c in token.children):
        return None  # "the US and Russia agree that an attack occurred": a view shared
    if row.passive_other_sense and _passive_before(token, row.passive_other_sense):
        return None
    if row.other_sense_preps and _phrasal_with(token, row.other_sense_preps):
        return None
    if row.not_under and any(not token_forms(above).isdisjoint(row.not_under) for above in _governors(head)):
        return None  # the phrase's top word is under it ("turn over its chemical weapons", "pursue the bomb", "in advance")
    if lexicon is not None and any(
            in_noun_class(word, lexicon.noun_classes[name])
            for name in row.other_sense_objects for part in matched for word in _sense_words(part)):
        return None
    if row.seems_as_quality and _cast_as_quality(token):
        return None  # "the idea strikes Americans as absurd": how it seems to them
    if row.other_sense_media and lexicon is not None and any(
            in_noun_class(medium, lexicon.noun_classes[row.other_sense_media]) for medium in _media(token)):
        return None  # "captured on video", "shot on film": recorded
    if row.other_sense_doers and lexicon is not None and any(
            _is_of_class(doer, lexicon.noun_classes[row.other_sense_doers]) for doer in _doers(token)):
        return None  # "the virus has killed 200 people": deaths, no one's force
    if lexicon is not None and _won_by_a_margin(token, lexicon):
        return None  # "Clinton beats Cruz by 3 points": a contest won, no force
    if token.tag_ == PRESENT_PARTICIPLE and token.dep_ == ADJECTIVAL:
        return None
    if _describes_a_state(token):
        return None  # "better equipped to fight", "poorly trained": what a party is like, not what befell it
    if _aims_another_act(token, row, lexicon):
        return None
    if token.tag_ == PAST_PARTICIPLE and token.dep_ == ADJECTIVAL and lexicon is not None \
            and not token_forms(token.head).isdisjoint(lexicon.first_words):
        return None  # "coordinated car bombings", "an armed attack": the manner of another act
    if _names_a_kind(head, lexicon):
        return None
    return tuple(sorted(matched, key=lambda t: t.i))


def _governors(word: Token) -> list[Token]:
    """The word a phrase's top word hangs on ("in advance": in) and, for a preposition, the
    word that one hangs on ("a quest for the bomb": quest); none at the root."""
    if word.head.i == word.i:
        return []
    above = [word.head]
    if word.head.pos_ == ADPOSITION and word.head.head.i != word.head.i:
        above.append(word.head.head)
    return above


def _subject_words(verb: Token) -> set[int]:
    """Indices of the words of a verb's active subject, who does it rather than what it moves
    where the verb has an object of its own."""
    return {t.i for c in verb.children if c.dep_ == SUBJECT for t in c.subtree}


def _object_of_an_earlier_verb(word: Token, verb: Token, matched: list[Token]) -> bool:
    """Whether a word before `verb` is the direct object of another verb outside the phrase:
    the parser hangs an object shared by joined verbs on the last of them ("trained and sent
    troops"), so one before the verb is the earlier verb's alone ("impose sanctions on Turkey
    and call for its suspension" calls for no sanctions), unless the verb is a participle
    describing it ("moving a peace deal signed between the U.S. and the Taliban")."""
    return word.i < verb.i and word.dep_ == DIRECT_OBJECT and word.head.pos_ == VERB \
        and word.head.i != verb.i and word.head not in matched and verb.head.i != word.i


def _in_a_name(token: Token) -> bool:
    """Whether a capitalised word inside a sentence, not a headline's, qualifies a proper noun
    as part of its name ("F-16 Fighting Falcons", "the Fighting Irish"), ends a name that
    qualifies a common noun ("its annual Saber Strike exercise") or ends a title's or a
    body's name after its preposition ("UN Special Rapporteur on Extra-Judicial Executions")."""
    if not token.text[:1].isupper() or token.is_sent_start or headline_word(token):
        return False
    if token.dep_ == PREPOSITION_OBJECT:
        title = token.head.head
        return token.head.is_lower and title.pos_ == PROPER_NOUN and title.text[:1].isupper()
    if token.dep_ not in KIND_DEPS or token.head.i < token.i:
        return False
    named_before = any(c.dep_ == COMPOUND and c.pos_ == PROPER_NOUN and c.text[:1].isupper() for c in token.lefts)
    return token.head.pos_ == PROPER_NOUN or (named_before and token.head.pos_ == COMMON_NOUN and token.head.is_lower)


def _doers(verb: Token) -> list[Token]:
    """The nouns that name who does a verb: its subject (for a relative pronoun, the noun the
    clause describes: "a pandemic that has killed"; for a participle, the subject of the clause
    it tells the outcome of: "an earthquake struck Nepal, killing 8,000") or its "by" agent."""
    clauses = [verb] + ([verb.head] if verb.dep_ == ADVERBIAL_CLAUSE and verb.tag_ == PRESENT_PARTICIPLE else [])
    doers = [c for clause in clauses for c in clause.children if c.dep_ == SUBJECT]
    doers = [d.head.head if d.tag_ in RELATIVE_TAGS and d.head.dep_ == RELATIVE_CLAUSE else d for d in doers]
    return doers + [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == PREPOSITION_OBJECT]


def _is_of_class(noun: Token, members: frozenset[str]) -> bool:
    """Whether a noun, or a noun compounded into it, names one of `members` ("Hurricane
    Maria"), unless a common noun compounded into it makes it another thing ("the Stuxnet
    computer virus" is no disease)."""
    compounds = [c for c in noun.children if c.dep_ == COMPOUND]
    if any(in_noun_class(c, members) for c in compounds):
        return True
    return in_noun_class(noun, members) and not any(c.pos_ == COMMON_NOUN for c in compounds)


def _aims_another_act(token: Token, row: TriggerRow, lexicon: TriggerLexicon | None) -> bool:
    """Whether a participle describes an act noun of another category, whose target it names
    ("new sanctions targeting Putin's inner circle" are no assault on it); not a noun that
    names an act only with a light verb ("the alliance fighting the Axis powers" fought)."""
    if lexicon is None or token.dep_ != ADJECTIVAL_CLAUSE or token.tag_ != PRESENT_PARTICIPLE:
        return False
    rows = lexicon.by_first_word.get(token.head.lemma_.lower(), ())
    return any(len(other.words) == 1 and other.event != row.event and not other.needs_light_verb
               and (not other.pos or token.head.pos_ in other.pos) for other in rows)


def _describes_a_state(token: Token) -> bool:
    """Whether a participle graded by how well ("well equipped", "better armed", "poorly
    trained"), compared "as ... as" (`EQUAL_COMPARISON`: "as targeted as possible") or after a
    verb of seeming ("feels liberated", `SEEMING_VERBS`) says what its subject is like, not an
    act done to it; one graded with an agent is still done ("well equipped by Iran"), and "as
    well" grades nothing ("attacked as well")."""
    if token.tag_ == PAST_PARTICIPLE and token.dep_ == ADJECTIVAL_COMPLEMENT and token.head.lemma_.lower() in SEEMING_VERBS:
        return True  # "feels liberated by his acquittal": how he feels
    if token.tag_ == PAST_PARTICIPLE and {(c.dep_, c.lower_) for c in token.children} >= EQUAL_COMPARISON:
        return True  # "actions as targeted as possible": how they are, compared
    return token.tag_ == PAST_PARTICIPLE and not any(c.dep_ == AGENT for c in token.children) \
        and any(c.dep_ == ADVERB_MODIFIER and c.lower_ in QUALITY_ADVERBS and not c.n_lefts for c in token.children)


def _won_by_a_margin(verb: Token, lexicon: TriggerLexicon) -> bool:
    """Whether a verb is told won by a margin of points or votes ("beats Cruz by 3 points",
    "defeated Romney by five percentage points"; noun class `MARGIN_CLASS`)."""
    margins = lexicon.noun_class(MARGIN_CLASS)
    return any(in_noun_class(o, margins) for o in _verb_objects_of(verb, MARGIN_PREPOSITION))


def _media(verb: Token) -> list[Token]:
    """What a verb is done on (`MEDIUM_PREPOSITION`: "captured on video")."""
    return _verb_objects_of(verb, MEDIUM_PREPOSITION)


def _verb_objects_of(verb: Token, preposition: str) -> list[Token]:
    """The objects of `preposition` on a verb ("on video", "by 3 points"); none on a noun."""
    if verb.pos_ != VERB:
        return []
    return [o for p in verb.children if p.dep_ == PREPOSITION and p.lower_ == preposition
            for o in p.children if o.dep_ == PREPOSITION_OBJECT]


def _sense_words(token: Token) -> list[Token]:
    """The words that tell which sense a trigger has (`OTHER_SENSE_DEPS`, through a count:
    "deploying one of his strengths", or a relative word: "the deal that they struck"), the
    noun a participle or a compound describes ("an advance warning"), the patient of a small
    clause ("to see him fired"), and for a noun its compound or adjective, a named person or
    "his" or "her" owning it and what it is for or of or who does it ("a screen shot", "a legal battle", "Comey's firing", "a request for
    comment", "the execution of foreign policy", "a strike by bus drivers"; an object's "of"
    the parser hung on its verb: "take control of the House"), and for a verb
    what it goes "with" ("agreed with his assessment", "hit Iran with a series of
    sanctions") and how ("killing us economically"); for a preposition of the phrase, its
    object ("arrived in power")."""
    words = [c for c in token.children if c.dep_ in OTHER_SENSE_DEPS]
    # "the deal that the administration struck": the relative word stands for the deal
    words += [token.head for c in words if c.tag_ in RELATIVE_TAGS and token.dep_ in NOUN_MODIFIER_CLAUSES]
    # "one of his strengths", "thousands of supporters"
    words += [o for c in words if c.pos_ in COUNT_POS or c.ent_type_ == CARDINAL_ENTITY for o in partitive_objects(c)]
    if is_small_clause(token):
        words += [c for c in token.children if c.dep_ == SUBJECT]  # "to see him fired": the patient
    if token.dep_ in (ADJECTIVAL_CLAUSE, ADJECTIVAL, COMPOUND):
        # the noun a participle or a compound describes ("the video, shot from Hatay", "a hit squad",
        # "an advance warning")
        words.append(token.head)
    words += _antecedent_object(token)
    if token.dep_ == PREPOSITION:  # a phrase's own preposition: what it takes ("arrived in power")
        words += [c for c in token.children if c.dep_ == PREPOSITION_OBJECT]
    if token.pos_ == VERB:  # "agreed with his assessment": a view shared, no commitment
        # "killing us economically": a manner that makes force a figure of speech
        words += [c for c in token.children if c.dep_ == ADVERB_MODIFIER and c.pos_ == ADVERB]
        partners = [o for p in token.children if p.dep_ == PREPOSITION and p.lower_ in VERB_SENSE_PREPOSITIONS
                    for o in p.children if o.dep_ == PREPOSITION_OBJECT]
        words += partners + [o for partner in partners for o in partitive_objects(partner)]  # "with a series of sanctions"
    if token.pos_ in NOMINAL_POS:
        words += [c for c in token.children if c.dep_ in NOUN_KIND_DEPS]  # "a screen shot", "a legal battle"
        words += [c for c in token.children if c.dep_ == POSSESSOR
                  and (c.ent_type_ == PERSON_ENTITY or c.lower_ in PERSONAL_POSSESSIVES)]  # "Comey's firing", "his firing"
        words += [o for p in token.children if p.dep_ == PREPOSITION and p.lower_ in SENSE_PREPOSITIONS
                  for o in p.children if o.dep_ == PREPOSITION_OBJECT]
        if token.dep_ == DIRECT_OBJECT:  # "take control of the House", its "of" hung on the verb
            words += [o for p in token.head.children if p.dep_ == PREPOSITION and p.lower_ == OF and p.i > token.i
                      for o in p.children if o.dep_ == PREPOSITION_OBJECT]
    return words


def _antecedent_object(clause: Token) -> list[Token]:
    """The object a relative clause without a relative word leaves out: the noun right before
    it ("the office he now occupies"), however the parser hung the clause."""
    if clause.dep_ != RELATIVE_CLAUSE or any(c.dep_ in CORE_ARGUMENT_DEPS for c in clause.children) \
            or not any(c.dep_ == SUBJECT and c.tag_ not in RELATIVE_TAGS for c in clause.children):
        return []
    start = clause.left_edge.i
    before = clause.doc[start - 1] if start > 0 else None
    return [before] if before is not None and before.pos_ in NOMINAL_POS else []


def _within_reach(word: Token, token: Token, matched: Sequence[Token]) -> bool:
    """Whether a neighbour of a phrase's first word may be one of its words: near it, its
    core argument (`_core_argument_of`), or the object of a preposition of the phrase however
    far modifiers push it ("withdrew from a landmark 2015 nuclear deal")."""
    return abs(word.i - token.i) <= MAX_PHRASE_REACH or _core_argument_of(word, token) \
        or (word.dep_ == PREPOSITION_OBJECT and word.head in matched)


def _core_argument_of(word: Token, token: Token) -> bool:
    """Whether `word` is the object or passive subject of `token` however far the words
    between them push it ("launched more than a dozen ballistic missiles"), or the common
    noun before the name that is ("seized the UK-flagged oil tanker Stena Impero"), or what
    such an argument counts ("launched a barrage of more than a dozen ballistic missiles")."""
    if word.dep_ == COMPOUND and word.pos_ == COMMON_NOUN and word.head.pos_ == PROPER_NOUN:
        word = word.head
    if word in partitive_objects(word.head.head):
        word = word.head.head
    return word.head.i == token.i and word.dep_ in CORE_ARGUMENT_DEPS


def _other_particle(matched: list[Token], row: TriggerRow) -> bool:
    """Whether a matched word carries a particle the row neither names nor allows."""
    taken = {t.i for t in matched}
    return any(_is_particle(child) and child.i not in taken and child.lower_ not in row.particles
               for part in matched for child in part.children)


def _names_a_kind(token: Token, lexicon: TriggerLexicon | None) -> bool:
    """Whether a trigger's head word only says what kind of thing the noun after it is ("an
    aircraft carrier strike group", "attack helicopters", "unmanned aerial vehicles"), that
    noun being no trigger itself ("suicide bomb attack" is an attack) nor a measure of acts
    ("a bombing campaign" is bombing)."""
    head = token.head
    return (lexicon is not None and token.dep_ in KIND_DEPS and token.pos_ in KIND_POS
            and head.i != token.i and head.i > token.i and head.pos_ in NOMINAL_POS
            and token_forms(head).isdisjoint(lexicon.first_words | lexicon.measure_nouns))


def _preposition_of_another_word(token: Token, matched: list[Token]) -> bool:
    """Whether a preposition or particle hangs on a word outside the phrase: the "on" of
    "called the slams on Vindman absurd" is the slams', not a "call on"; a verb joined to
    the phrase's shares it ("called and spoken with")."""
    owners = {t.i for word in matched for t in (word, *word.conjuncts)}
    return token.pos_ in FUNCTION_POS and token.head.i not in owners


def tells_a_fact(clause: Token) -> bool:
    """Whether a "that" clause tells what is, was or has been, not what is to be ("insists
    that his call was perfect", "agree that a chemical attack occurred"): a demanded or
    promised act stands bare or under a modal ("insisted that the US withdraw", "agreed that
    Iran would stop"; `INDICATIVE_TAGS`), never under "do" ("ceded that we don't have")."""
    if clause.dep_ != COMPLEMENT_CLAUSE:
        return False
    verbs = [clause, *(c for c in clause.children if c.dep_ in AUXILIARY_DEPS)]
    indicative = any(v.tag_ in INDICATIVE_TAGS or (v.i != clause.i and v.lemma_.lower() == DO_SUPPORT) for v in verbs)
    return indicative and not any(v.tag_ == MODAL_TAG for v in verbs)


def _bids_someone(verb: Token) -> bool:
    """Whether a verb has someone do something: an object or passive subject and an
    infinitive ("asked Turkey to withdraw", "Turkey was told to withdraw")."""
    infinitive = any(c.dep_ == INFINITIVE_CLAUSE and any(a.dep_ == INFINITIVE_MARKER and a.lower_ == TO for a in c.children)
                     for c in verb.children)
    return infinitive and any(c.dep_ in CORE_ARGUMENT_DEPS for c in verb.children)


def _cast_as_quality(verb: Token) -> bool:
    """Whether an "as" on the verb or its object is followed by an adjective ("struck many as
    odd", "strikes Americans and Middle Easterners alike as absurd")."""
    objects = [c for c in verb.children if c.dep_ == DIRECT_OBJECT]
    as_words = [c for c in (*verb.children, *(w for o in objects for w in o.children))
                if c.dep_ == PREPOSITION and c.lower_ == QUALITY_PREPOSITION]
    return any(c.pos_ == QUALITY_POS for word in as_words for c in word.children)


def _phrasal_with(verb: Token, prepositions: frozenset[str]) -> bool:
    """Whether one of `prepositions` follows the active verb at once and the verb has no
    object: a phrasal verb of another sense ("seized on the news", not "seized arms on
    Monday" nor "arms were seized on Monday")."""
    doc = verb.doc
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    return after is not None and after.head.i == verb.i and after.lower_ in prepositions \
        and not any(c.dep_ in CORE_ARGUMENT_DEPS for c in verb.children) and not _has_passive_auxiliary(verb)


def _has_passive_auxiliary(verb: Token) -> bool:
    return any(c.dep_ == PASSIVE_AUXILIARY for c in verb.children)


def _is_passive(verb: Token) -> bool:
    """Whether a verb is passive: a passive auxiliary, subject or agent ("advanced by")."""
    return any(c.dep_ in PASSIVE_DEPS for c in verb.children)


def _passive_before(verb: Token, prepositions: frozenset[str]) -> bool:
    """Whether a passive verb or a bare past participle takes one of `prepositions` ("was met
    with protests", "drove to Garland equipped with body armor")."""
    passive = _has_passive_auxiliary(verb) or (verb.tag_ == PAST_PARTICIPLE
                                               and not any(c.dep_ in AUXILIARY_DEPS for c in verb.children))
    return passive and any(c.dep_ == PREPOSITION and c.lower_ in prepositions for c in verb.children)


def passive_means(verb: Token) -> list[Token]:
    """What a passive verb is done with ("was hit with new sanctions": sanctions); none for
    an active verb."""
    if not _has_passive_auxiliary(verb):
        return []
    return [o for p in verb.children if p.dep_ == PREPOSITION and p.lower_ == MEANS_PREPOSITION
            for o in p.children if o.dep_ == "pobj"]


def _opens_an_adverb(word: Token) -> bool:
    """Whether a preposition with no object of its own opens an adverb phrase ("for now",
    "for good"), unlike one whose object went ahead ("the talks Iran called for") or a
    particle ("step down immediately")."""
    doc = word.doc
    return word.dep_ == PREPOSITION and not any(c.dep_ == PREPOSITION_OBJECT for c in word.children) \
        and word.i + 1 < len(doc) and doc[word.i + 1].pos_ == ADVERB_POS


def _scattered_noun_phrase(matched: Sequence[Token]) -> bool:
    """Whether a phrase of nouns and adjectives only ("general strike", "peace accord") is
    matched on words that do not form one noun phrase: each must hang on another, directly
    or through "of" ("surge of troops"; not "the general with a drone strike")."""
    if any(t.pos_ not in NOUN_PHRASE_POS for t in matched):
        return False
    indices = {t.i for t in matched}

    def linked(word: Token) -> bool:
        governor = word.head.head if word.head.lower_ == PARTITIVE else word.head
        return governor.i in indices or any(c.i in indices or (c.lower_ == PARTITIVE and any(
            o.i in indices for o in c.children)) for c in word.children)
    return not all(linked(t) for t in matched)


def _is_particle(token: Token) -> bool:
    return token.dep_ == PARTICLE_DEP or (token.i == token.head.i + 1 and token.lower_ in PARTICLE_WORDS
                                          and token.head.pos_ == VERB)


def _hits_in(sent: Span, lexicon: TriggerLexicon) -> list[TriggerHit]:
    hits = []
    for token in sent:
        rows = dict.fromkeys(row for form in sorted(token_forms(token)) for row in lexicon.by_first_word.get(form, ()))
        for row in rows:
            tokens = match_row(token, row, lexicon)
            if tokens is not None:
                # A phrase's verb carries its clause even where the parser hangs it below
                # its object ("a deal signed between the U.S. and the Taliban").
                below_own_word = token.pos_ == VERB and token.head in tokens and token.head.i != token.i
                anchor = token if below_own_word or _beside_under_copula(token, tokens) else min(tokens, key=_depth)
                hits.append(TriggerHit(row, (anchor,), tokens))
    return hits


def _beside_under_copula(verb: Token, tokens: Sequence[Token]) -> bool:
    """Whether a phrase's verb and its other words hang side by side on a copula ("troops
    are to be deployed": subject and infinitive of "are"): the verb carries the clause
    whose modals and plans apply to the event."""
    head = verb.head
    return verb.pos_ == VERB and head.i != verb.i and head.lemma_ == COPULA \
        and all(t.head.i == head.i for t in tokens)


def _strength(hit: TriggerHit) -> tuple[int, float]:
    return len(hit.row.words), hit.row.certainty


def _drop_subsumed(hits: list[TriggerHit]) -> list[TriggerHit]:
    """Keep one hit per anchor and drop hits inside a longer one. A dropped hit of the same
    category that adds a word of its own inside the kept one's says what kind of act it is:
    its mode and words join the kept one ("sent military aid": "military aid" makes "send
    aid" military; not "send troops but deployed jets", whose "send jets" reaches past it)."""
    kept: list[TriggerHit] = []
    for hit in sorted(hits, key=_strength, reverse=True):
        words = hit.indices
        container = next((other for other in kept if hit.anchors[0].i in other.indices or words <= other.indices), None)
        if container is None:
            kept.append(hit)
            continue
        added = words - container.indices
        if container.row.event == hit.row.event and hit.row.mode not in (None, container.row.mode) and added \
                and all(container.tokens[0].i < i < container.tokens[-1].i for i in added):
            kept[kept.index(container)] = TriggerHit(replace(container.row, mode=hit.row.mode), container.anchors,
                                                     _joined_tokens(container, hit))
    return kept


def _joined_tokens(first: TriggerHit, second: TriggerHit) -> tuple[Token, ...]:
    """The words of two hits together, once each, in text order."""
    by_index = {t.i: t for t in first.tokens + second.tokens}
    return tuple(by_index[i] for i in sorted(by_index))


def _linked(token: Token, anchors: tuple[Token, ...]) -> bool:
    """True when `token` is an argument of one of `anchors` or the other way round.

    Only argument arcs merge ("airstrikes killed"): conjuncts are separate events
    ("will not send troops but deployed jets").
    """
    return any(
        (token.head.i == a.i and token.dep_ in MERGE_DEPS) or (a.head.i == token.i and a.dep_ in MERGE_DEPS)
        for a in anchors
        if a.i != token.i and abs(a.i - token.i) <= MAX_MERGE_GAP
    )


def _merge_linked(hits: list[TriggerHit]) -> list[TriggerHit]:
    """Merge same-event hits joined by one arc; the row with a mode (or more certainty) wins."""
    merged: list[TriggerHit] = []
    for hit in sorted(hits, key=lambda h: _depth(h.anchors[0])):
        partner = next(
            (
                other
                for other in merged
                if other.row.event == hit.row.event
                and _linked(hit.anchors[0], other.anchors)
            ),
            None,
        )
        if partner is None:
            merged.append(hit)
            continue
        row = max((partner.row, hit.row), key=lambda r: (r.mode is not None, r.certainty))
        merged[merged.index(partner)] = TriggerHit(row, partner.anchors + hit.anchors, _joined_tokens(partner, hit))
    return sorted(merged, key=lambda h: h.anchors[0].i)


def _drop_delivering_verbs(hits: list[TriggerHit]) -> list[TriggerHit]:
    """Drop a verb hit that delivers an act of another category, named as a passive's "with"
    object or as the active subject: "Russia was hit with new sanctions", "the sanctions
    will hit Iran" are sanctions, not assaults ("hit with rockets", "airstrikes hit Idlib"
    stay ones)."""
    anchors = {anchor.i: hit.row.event for hit in hits for anchor in hit.anchors}

    def delivers_another_act(hit: TriggerHit) -> bool:
        verb = hit.anchors[0]
        subjects = [] if _has_passive_auxiliary(verb) else [c for c in verb.children if c.dep_ == SUBJECT]
        return verb.pos_ == VERB and any(anchors.get(o.i, hit.row.event) != hit.row.event
                                         for o in passive_means(verb) + subjects)

    return [hit for hit in hits if not delivers_another_act(hit)]


def find_triggers(sent: Span, lexicon: TriggerLexicon) -> list[TriggerHit]:
    """The trigger hits that stand in one sentence, in text order of their anchors."""
    return _merge_linked(_drop_delivering_verbs(_drop_subsumed(_hits_in(sent, lexicon))))


def is_small_clause(verb: Token) -> bool:
    """A bare participle clause under a verb of having, wanting or seeing ("wanted to have
    Assad assassinated"): its subject is the patient, and whoever has it done is the actor.
    Under a verb of saying it is a headline's clause ("Israel says 422 rockets fired from
    Gaza"): the sayer has nothing done."""
    if verb.dep_ not in SMALL_CLAUSE_DEPS or verb.tag_ != PAST_PARTICIPLE or verb.head.i == verb.i \
            or verb.head.lemma_.lower() not in SMALL_CLAUSE_VERBS:
        return False
    subjects = [c.i for c in verb.children if c.dep_ == SUBJECT]
    auxiliaries = [c.i for c in verb.children if c.dep_ in AUXILIARY_DEPS]
    # "to have Assad assassinated": the parser hangs "have" on the participle as an
    # auxiliary, but a true auxiliary never stands before its clause's subject.
    return bool(subjects) and all(a < min(subjects) for a in auxiliaries)

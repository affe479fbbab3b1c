"""Auxiliary modes: is the event asserted as a happening, or planned, conditional, denied...?

PLOVER names historical, future, hypothetical and negation and leaves them to the coder;
sitrep adds reported (asserted by a cited source), denied (an actor says it did not happen)
and demand (what someone says must happen). The decision is a pure function of the parse
and the mentions, driven by the cue words of `kb/aux_mode_cues.jsonl`:

    aux       modal child of the event's clause            "will deploy", "could send", "must send"
    neg       negation child                               "did not send", "sent no troops"
    negated_adverb  adverb child negated                   "no longer bombing", "not yet sent"
    advmod    hearsay adverb                               "reportedly shelled"
    governor  a word above the event in the parse          "is preparing to send", "the goal is to
                                                           deploy", "denied sending", "urged X to
                                                           withdraw", "X sent troops, the ministry said"
    governor_adverb  adverb on a governor, in place of     "has yet to send" (not "has to send")
                     its cues
    mark      conditional marker on a clause above         "if Russian forces were to cross"
    sentence  phrase anywhere in the sentence              "according to", "years ago"

A command (a bare verb opening its clause, no subject, no auxiliary: "Strike their police,"
he said) is a demand; a headline's infinitive ("US to send 1,500 troops") is future.
Negating governors cancel in pairs ("failed to prevent the rebels from advancing": they
advanced), and a negated one negates nothing ("did not prevent the attack").

Time mentions add two rules: an event time well before publication is historical, one after
publication is future. A trigger inside a `Quote` content span is reported.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Span, Token

from sitrep.events.lexicon import (
    CONNECTIVES,
    COPULA,
    DIRECT_OBJECT,
    NOMINAL_POS,
    PARTICLE_DEP,
    PAST_PARTICIPLE,
    PAST_TENSE,
    PREDICATE_NOMINAL,
    WHEN_PREPOSITIONS,
    AuxCueLexicon,
    hangs_on_a_present_copula,
)
from sitrep.events.triggers import COMPLEMENT_CLAUSE, INDICATIVE_TAGS, MODAL_TAG, ends_without_full_stop, tells_a_fact
from sitrep.model import DateEstimate, Quote, TimeMention

logger = logging.getLogger(__name__)

# An event dated this long before publication is reported as history, not news.
HISTORICAL_AFTER = timedelta(days=365)
# Dependency labels of the modal and negation children looked at (spaCy English labels).
AUX_DEPS = frozenset({"aux", "auxpass"})
NEG_DEPS = frozenset({"neg", "det", "advmod", "preconj"})
# Arcs through which a clause's modality reaches the event word below it.
CHAIN_DEPS = frozenset({"conj", "xcomp"})
CONJUNCT, COORDINATOR = "conj", "cc"
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl"})
CLAUSAL_SUBJECT_DEPS = frozenset({"csubj", "csubjpass"})
REPORTED_CLAUSE_DEPS = frozenset({"ccomp"})
INFINITIVE_TAG = "TO"
# A finite verb carries its own tense, so a conjunct in one ("but deployed jets") starts a
# clause of its own instead of sharing its head's modal ("will not send").
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
BARE_VERB, INFINITIVE_TO = "VB", "to"
PARTICIPLE_TAGS = frozenset({PAST_PARTICIPLE, "VBG"})
FOCUS_ADVERBS = frozenset({"only", "just", "merely", "simply"})
PERFECT_AUXILIARY = "have"
NOUN_PHRASE_DEPS = frozenset({"pobj", "prep"})  # "an end to the blockade": the blockade in the phrase
# Modes about who asserts an event rather than whether it happened.
ATTRIBUTION_MODES = frozenset({"reported"})
# Markers of a clause that happens at the same time as the one it hangs on.
SIMULTANEITY_MARKERS = frozenset({"when", "while"})
MARKER_POS = frozenset({"SCONJ", "ADP", "ADV"})
ADVERBIAL_CLAUSE, PRESENT_PARTICIPLE = "advcl", "VBG"
OBJECT_PREDICATE = "oprd"  # what a verb calls or judges its object ("called the attack a tragedy")
# A command: a bare verb (tag VB) opening a clause of its own or of speech, with neither
# subject nor auxiliary.
BARE_VERB, DEMAND, IMPERATIVE_CUE = "VB", "demand", "imperative"
FUTURE, NEGATION, HYPOTHETICAL = "future", "negation", "hypothetical"
ADVERB = "advmod"
USING_VERBS = frozenset({"use", "misuse", "abuse", "exercise", "employ", "wield", "invoke"})
ADJECTIVE_MODIFIER, ADJECTIVE, PREPOSITION = "amod", "ADJ", "prep"  # "a state responsible for killing"
TOPIC_PREPOSITIONS = frozenset({"about"})
QUESTION_MARKERS = frozenset({"if", "whether"})  # "asked whether Russia would send troops": a question
PREDICTING_MODALS = frozenset({"will", "would", "wo", "'ll"})  # "insisted it would target only IS": a claim
COMMAND_DEPS = frozenset({"ROOT", "ccomp", "parataxis", "advcl"})


@dataclass(frozen=True, slots=True)
class AuxModeHit:
    """One auxiliary mode and the cue that set it (character offsets in the doc)."""

    mode: str
    start: int
    end: int
    cue: str
    token_i: int | None = None


def _hit(mode: str, token: Token, cue: str | None = None) -> AuxModeHit:
    return AuxModeHit(mode, token.idx, token.idx + len(token.text), cue or token.lemma_.lower(), token.i)


def clause_chain(trigger: Token, light_verb: Callable[[Token], Token | None] | None = None) -> list[Token]:
    """The event word plus the words whose modals and negations apply to it.

    A nominal trigger takes its light verb ("did not launch an offensive", "was not
    responsible for the attack"; `TriggerLexicon.light_verb`); a conjunct or an
    infinitive without its own subject and auxiliaries takes its head's ("will deploy and
    reinforce"), as does a bare small clause with its own subject ("the deal would see
    Turkey stop its attack", "will not let Iran attack").
    """
    chain = [trigger]
    token = trigger
    verb = light_verb(token) if light_verb is not None else None
    if verb is not None:
        token = verb
        chain.append(token)
    while (token.dep_ in CHAIN_DEPS or _is_bare_small_clause(token)) and token.head.i != token.i:
        own = [c for c in token.children if c.dep_ in SUBJECT_DEPS or c.dep_ in AUX_DEPS]
        if token.dep_ == "conj" and (own or token.tag_ in FINITE_TAGS):
            break
        token = _coordinated_infinitive(token) or token.head
        chain.append(token)
    return chain


def _is_bare_small_clause(verb: Token) -> bool:
    """Whether a verb heads a complement clause in its bare form with a subject but neither
    auxiliary nor marker ("see Turkey stop", "let Iran attack"): no tense of its own, so
    the verb above says when and whether it happens."""
    return verb.dep_ == COMPLEMENT_CLAUSE and verb.tag_ == BARE_VERB \
        and any(c.dep_ in SUBJECT_DEPS for c in verb.children) \
        and not any(c.dep_ in AUX_DEPS or c.dep_ == "mark" for c in verb.children)


def _coordinated_infinitive(conjunct: Token) -> Token | None:
    """The infinitive a bare verb is coordinated with where the parser hung it on a finite
    verb instead ("announced plans to intensify airstrikes, send advisers and provide arms":
    "send" and "provide" are planned too); a bare verb cannot share a past tense."""
    if conjunct.dep_ != "conj" or conjunct.tag_ != BARE_VERB or conjunct.head.tag_ not in FINITE_TAGS:
        return None
    return next((t for t in reversed(conjunct.doc[conjunct.head.i + 1:conjunct.i]) if _is_to_infinitive(t)), None)


def _is_to_infinitive(verb: Token) -> bool:
    """Whether a verb is a bare form after "to" ("to switch sides")."""
    return verb.tag_ == BARE_VERB and any(c.dep_ == "aux" and c.lower_ == INFINITIVE_TO for c in verb.children)


def _governed_from(chain: Sequence[Token]) -> Token:
    """Where the governor cues of an event are looked for above: a nominal trigger's light
    verb ("announced an offensive" is no report of one; "talks are set to resume": above
    "resume"), else the trigger itself, as under a preposition (a claim verb is looked at:
    "denied responsibility for the bombing" is a denial)."""
    trigger = chain[0]
    start = 1 if len(chain) > 1 and trigger.pos_ in NOMINAL_POS and trigger.head.pos_ != "ADP" else 0
    # a bare conjunct re-hung on its infinitive (`_coordinated_infinitive`) is governed from there,
    # a tensed one hung on an infinitive from the verb it is coordinated with (`_tensed_beside_an_infinitive`)
    return next((upper for upper in map(_coordinated_infinitive, chain[start:]) if upper is not None), None) \
        or _tensed_beside_an_infinitive(chain[start]) or chain[start]


def _tensed_beside_an_infinitive(conjunct: Token) -> Token | None:
    """The verb a tensed conjunct is coordinated with where the parser hung it on that verb's
    infinitive ("refused to call it terrorism and blamed it on demonstrators": the blaming
    is no refusal); an infinitive shares no tense. A bare present ("switch sides and
    infiltrate", tagged VBP as often as VB) may be the infinitive's own conjunct."""
    infinitive = conjunct.head
    if conjunct.dep_ != "conj" or conjunct.tag_ not in INDICATIVE_TAGS or not _is_to_infinitive(infinitive):
        return None
    return infinitive.head if infinitive.head.i != infinitive.i else None


def _modal_hits(verb: Token, auxiliary: Token, cues: AuxCueLexicon, backshifted: bool = False) -> list[AuxModeHit]:
    """The modes an auxiliary of `verb` sets ("will deploy", "could send"), the backshifted
    ones in a clause a past tense reports (`AuxCue.backshifted`), though never before a
    perfect: "said Russia would have attacked Kyiv" is what did not happen, no future. A
    name the parser took for one is none ("Theresa May condemned"), nor one whose verb has an
    adverb the cue lists (`AuxCue.unless`: "ISIS would later kill him" tells what happened,
    where "he said he would meet Putin later" is still what was to come). A modal of
    obligation set before its subject opens a condition or a question, no demand ("should the
    U.S. withdraw its military presence": hypothetical)."""
    if auxiliary.ent_type_:
        return []
    backshifted = backshifted and not any(
        c.dep_ in AUX_DEPS and c.lemma_ == PERFECT_AUXILIARY and c.i > auxiliary.i for c in verb.children)
    adverbs = {c.lemma_.lower() for c in verb.children if c.dep_ == ADVERB}
    inverted = _subject_after(verb, auxiliary)
    return [_hit(HYPOTHETICAL if inverted and cue.mode == DEMAND else
                 cue.backshifted if backshifted and cue.backshifted else cue.mode, auxiliary)
            for cue in cues.cues("aux", auxiliary.lemma_.lower())
            if (cue.tag is None or verb.tag_ == cue.tag) and (backshifted or adverbs.isdisjoint(cue.unless))]


def _subject_after(verb: Token, auxiliary: Token) -> bool:
    """Whether a verb's subject follows its auxiliary: an inverted condition or a question
    ("should the U.S. withdraw", "had Iran attacked")."""
    return any(c.dep_ in SUBJECT_DEPS and c.i > auxiliary.i for c in verb.children)


def _opens_a_condition(clause: Token) -> bool:
    """Whether a clause is an inverted condition: a modal before its subject ("should the
    U.S. withdraw its military presence"), what may happen, not what is asked for."""
    return any(c.dep_ in AUX_DEPS and c.tag_ == MODAL_TAG and _subject_after(clause, c) for c in clause.children)


def _child_cues(chain: Sequence[Token], cues: AuxCueLexicon) -> list[AuxModeHit]:
    hits = []
    backshifted = _reported_in_past(chain[-1])
    for token in chain:
        # "sent no troops", "no troops were sent", "no Iranian had attacked the West"
        arguments = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")]
        auxiliaries = [c for c in token.children if c.dep_ in AUX_DEPS]
        for child in list(token.children) + [d for a in arguments for d in a.children if d.dep_ == "det"] \
                + [n for a in auxiliaries for n in a.children if n.dep_ == "neg"]:  # "had not, in fact, signed"
            lemma = child.lemma_.lower()
            if child.dep_ in AUX_DEPS:
                hits += _modal_hits(token, child, cues, backshifted)
            if child.dep_ in NEG_DEPS and not _focuses(child):
                hits += [_hit(cue.mode, child) for cue in cues.cues("neg", lemma)]
            if child.dep_ == "advmod":
                hits += [_hit(cue.mode, child) for cue in cues.cues("advmod", lemma)]
                if not _times_a_connective(child):
                    hits += [_hit(cue.mode, negation) for negation in child.children if negation.dep_ == "neg"
                             for cue in cues.cues("negated_adverb", lemma)]  # "no longer bombing"
            if child.dep_ == "mark":
                hits += [_hit(cue.mode, child) for cue in cues.cues("mark", lemma)]
        hits += [_hit(cue.mode, c) for c in _coordinators_before(token) for cue in cues.cues("neg", c.lemma_.lower())]
    return hits


def _coordinators_before(conjunct: Token) -> list[Token]:
    """The conjunctions joining a conjunct to the one before it, which the parser hangs on
    that first one ("did not serve, nor did he offer": "nor" negates the offer)."""
    if conjunct.dep_ != CONJUNCT:
        return []
    return [c for c in conjunct.head.children if c.dep_ == COORDINATOR and conjunct.head.i < c.i < conjunct.i]


def _times_a_connective(adverb: Token) -> bool:
    """Whether an adverb says how far in time its clause's connective reaches ("not long
    after Flynn resigned"): the clause happened, shortly after another; negated, it is no
    "no longer"."""
    following = adverb.nbor() if adverb.i + 1 < len(adverb.doc) else None
    return following is not None and following.dep_ == "mark" and following.head.i == adverb.head.i


def _subject_clause_modals(chain: Sequence[Token], cues: AuxCueLexicon) -> list[AuxModeHit]:
    """The modals of the predicate whose subject the event's clause is ("deploying troops to
    Syria would be helpful": hypothetical, "sending troops must be ruled out"); its
    negation says nothing of the subject ("attacking Iran did not help": the attack was made)."""
    clause = chain[-1]
    if clause.dep_ not in CLAUSAL_SUBJECT_DEPS:
        return []
    return [hit for child in clause.head.children if child.dep_ in AUX_DEPS for hit in _modal_hits(clause.head, child, cues)]


def _under_past_copula(word: Token) -> bool:
    """Whether a predicate word hangs on a past-tense copula ("were able")."""
    return word.head.i != word.i and word.head.lemma_ == COPULA and word.head.tag_ == PAST_TENSE


def _put_to_use(noun: Token) -> bool:
    """Whether a noun of capacity is the object of a verb of using it ("used its power to
    block", "misusing her authority to sabotage"): the capacity served an act."""
    return noun.dep_ == DIRECT_OBJECT and noun.head.lemma_.lower() in USING_VERBS


def _reported_in_past(clause: Token) -> bool:
    """Whether a clause is what a past tense reports ("Esper announced that troops would be
    deployed"), also a passive or perfect one ("a deal was announced that would see Turkey
    stop", "Iran has said it would send troops"), so that its modal is backshifted."""
    reporter = clause.head
    past = reporter.tag_ == PAST_TENSE or (
        reporter.tag_ == PAST_PARTICIPLE and any(c.dep_ in AUX_DEPS for c in reporter.children))
    return clause.dep_ in REPORTED_CLAUSE_DEPS and past


def _headline_infinitive(chain: Sequence[Token]) -> list[AuxModeHit]:
    """Future when the event's clause is a headline's infinitive with its own subject and no
    verb above it ("US to send 1,500 extra troops to Middle East"): what is to come."""
    verb = chain[-1]
    marker = next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == INFINITIVE_TAG), None)
    if marker is None or verb.dep_ != "ROOT" or not any(c.dep_ in SUBJECT_DEPS for c in verb.children) \
            or not ends_without_full_stop(verb):
        return []
    return [_hit(FUTURE, marker)]


def _imperative(chain: Sequence[Token]) -> list[AuxModeHit]:
    """Demand when the event's clause is a command: a bare verb opening its clause with no
    subject and no auxiliary, on its own or as what someone says ("Strike their police,"
    he said; "Attack the military; attack the president")."""
    verb = chain[-1]
    if verb.tag_ != BARE_VERB or verb.dep_ not in COMMAND_DEPS \
            or any(c.dep_ in SUBJECT_DEPS | AUX_DEPS for c in verb.children):
        return []
    clauses = {t.i for c in verb.children if c.dep_ in COMMAND_DEPS for t in c.subtree}
    first = next(t for t in verb.subtree if not t.is_punct and t.i not in clauses)
    return [AuxModeHit(DEMAND, verb.idx, verb.idx + len(verb.text), IMPERATIVE_CUE)] if first.i == verb.i else []


def _focuses(negation: Token) -> bool:
    """Whether a negation only opens a focus pair ("not only bombed Aleppo but also
    shelled Idlib"), which negates nothing."""
    doc = negation.doc
    return negation.i + 1 < len(doc) and doc[negation.i + 1].lower_ in FOCUS_ADVERBS


def _cues_at(token: Token, below: Token, cues: AuxCueLexicon) -> list[AuxModeHit]:
    """Governor cues of one word above the event, reached from its child `below`; none
    through a participle clause beside it, which tells what its subject does alongside
    ("ordered a withdrawal, saying they had defeated IS": the defeat is no order), and no
    demand through a topic ("asked about the attack": a question, the attack happened) nor
    demand through an indirect question ("asked if the US would kill them") or a prediction
    ("insisted it would target only IS"), nor
    demand or plan through a clause that tells a fact ("insists that his call was perfect";
    `tells_a_fact`), and none on an object the word judges ("called the attack a terrible thing")."""
    beside = below.dep_ == ADVERBIAL_CLAUSE and below.tag_ == PRESENT_PARTICIPLE
    if below.dep_ == DIRECT_OBJECT and any(c.dep_ == OBJECT_PREDICATE for c in token.children):
        return []  # "called the attack a terrible thing": a judgment of what happened, no call for it
    turning = [_hit(cue.mode, adverb) for adverb in token.children if adverb.dep_ == ADVERB
               for cue in cues.cues("governor_adverb", adverb.lemma_.lower()) if not cue.via or below.dep_ in cue.via]
    if turning:  # "has yet to send": not sent so far, no obligation
        return turning
    negation = _negation_of(token, cues)
    hits = [
        _hit(NEGATION, negation) if cue.mode == FUTURE and negation is not None else _hit(cue.mode, token)
        for cue in cues.cues("governor", token.lemma_.lower())
        if not (cue.mode == NEGATION and negation is not None)  # "did not prevent the attack": it happened
        and (not cue.via or below.dep_ in cue.via) and (cue.tag is None or token.tag_ == cue.tag) and not beside
        and below.lemma_.lower() not in cue.unless and not any(c.dep_ == PARTICLE_DEP and c.lower_ in cue.unless
                                                              for c in token.children)
        and (cue.marker is None or any(c.lower_ == cue.marker for c in (below, *below.children)))
        and not (cue.realised_in_past and (_under_past_copula(token) or _put_to_use(token)))
        and not (cue.mode == DEMAND and (below.lower_ in TOPIC_PREPOSITIONS or _asks_a_question(below)
                                         or _predicts(below) or _opens_a_condition(below)))
        and not (cue.mode in (DEMAND, FUTURE) and tells_a_fact(below))
        and not _says_what_its_subject_is(token)
    ]
    if token.lemma_.lower() == COPULA:
        for subject in (c for c in token.children if c.dep_ in SUBJECT_DEPS):
            hits += [_hit(cue.mode, subject) for cue in cues.cues("governor", subject.lemma_.lower())]
    hits += [
        _hit(cue.mode, child)
        for child in token.children
        if child.dep_ == "mark"
        for cue in cues.cues("mark", child.lemma_.lower())
    ]
    return hits


def _predicts(clause: Token) -> bool:
    """Whether a complement clause says what will be ("France insisted it would target only
    the extremists"): what its speaker claims or commits to, where a demanded act stands bare
    or under "should" ("insisted that the US withdraw")."""
    return clause.dep_ in REPORTED_CLAUSE_DEPS and any(
        c.dep_ in AUX_DEPS and c.lower_ in PREDICTING_MODALS for c in clause.children)


def _asks_a_question(clause: Token) -> bool:
    """Whether a clause is an indirect question ("asked if the United States would kill
    them"): what is asked about is no demand."""
    return any(_is_marker(c) and c.lower_ in QUESTION_MARKERS for c in clause.children)


def _says_what_its_subject_is(token: Token) -> bool:
    """Whether a copula has a noun predicate, which its infinitive describes ("Paul was one of
    the few to defend him", "France was the first to strike"): a fact about the subject, not
    an arrangement ("Iran is to send troops")."""
    return token.lemma_.lower() == COPULA and any(c.dep_ == PREDICATE_NOMINAL for c in token.children)


def _negation_of(token: Token, cues: AuxCueLexicon) -> Token | None:
    """The negation of a word ("does not plan", "has no plans"), if any: a negated plan
    or intention says the event is not coming ("no plans to leave Iraq"), not that it is."""
    return next((c for c in token.children
                 if c.dep_ in NEG_DEPS and not _focuses(c) and cues.cues("neg", c.lemma_.lower())), None)


def _governor_cues(trigger: Token, cues: AuxCueLexicon, sent: Span | None = None) -> list[AuxModeHit]:
    """Cues on the path from the event word up to the root of its sentence, only those inside
    `sent` (a headline the parser ran into the next paragraph governs nothing there). Above
    a finite adverbial clause, a clause describing a noun or a cause or time connective
    ("wanted him killed in response to a chemical attack") or a phrase of time ("asked him
    to drop the probe during a meeting") only who reports it reaches the event: it is a
    happening of its own. Nor does it reach an event noun that a verb other
    than its light verb takes as object, or that is in such an object's phrase ("sought to
    play down the attack": the playing down is sought, the attack was made; "want to
    negotiate an end to the Israeli blockade"), nor one a noun of telling has in its phrase
    (`AuxCueLexicon.topic_nouns`: "offered an account of the attack")."""
    hits = []
    own_clause = True
    in_noun_phrase = trigger.pos_ in NOMINAL_POS  # still inside the phrase of the event noun
    below, token = trigger, trigger.head
    while token.i != below.i:
        own_clause = own_clause and not _finite_adverbial(below) and not _told_of_a_noun(below) \
            and below.lower_ not in CONNECTIVES and below.lower_ not in WHEN_PREPOSITIONS \
            and not (in_noun_phrase and below.i != trigger.i and below.lemma_.lower() in cues.topic_nouns)
        if sent is None or sent.start <= token.i < sent.end:
            hits += [hit for hit in _cues_at(token, below, cues) if own_clause or hit.mode in ATTRIBUTION_MODES]
        own_clause = own_clause and not (in_noun_phrase and _talked_about(below, cues))  # "planned the attack" plans it
        in_noun_phrase = in_noun_phrase and below.dep_ in NOUN_PHRASE_DEPS
        below, token = token, token.head
    # one cue word counts once, also where the path meets it twice: as the noun above the
    # event and as the subject of the copula above that ("Iraq's inability to retake Mosul is ...")
    hits = list(dict.fromkeys(hits))
    if sum(hit.mode == NEGATION for hit in hits) % 2 == 0:  # "failed to prevent the advance": it happened
        hits = [hit for hit in hits if hit.mode != NEGATION]
    return hits


def _talked_about(word: Token, cues: AuxCueLexicon) -> bool:
    """Whether `word` is an event noun some verb acts on as its object ("play down the
    attack", "halt the advance"), not one that puts it forward ("support a strike",
    `AuxCueLexicon.open_object_verbs`); `_governed_from` starts at the light verb where the
    noun has one ("launch an offensive")."""
    return word.pos_ in NOMINAL_POS and word.dep_ == DIRECT_OBJECT and word.head.i != word.i \
        and word.head.lemma_.lower() not in cues.open_object_verbs


def _finite_adverbial(clause: Token) -> bool:
    """An adverbial clause with its own subject and tense ("after Russian jets bombed
    Afrin"): a happening of its own, which the modality above it ("vowed to attack ...")
    does not reach; who reports the sentence still reports it. The parser sometimes makes
    it a complement ("after an attack killed 80 people, Trump ordered ..."): the time
    connective marking it still says what it is."""
    adverbial = clause.dep_ == ADVERBIAL_CLAUSE or (
        clause.dep_ == COMPLEMENT_CLAUSE and any(_is_marker(c) and c.lower_ in CONNECTIVES for c in clause.children))
    return adverbial and _is_finite(clause) and any(c.dep_ in SUBJECT_DEPS for c in clause.children)


def _is_finite(verb: Token) -> bool:
    """Whether a verb carries tense itself or through its auxiliary ("were killed")."""
    return verb.tag_ in FINITE_TAGS or any(c.dep_ in AUX_DEPS and c.tag_ in FINITE_TAGS for c in verb.children)


def _told_of_a_noun(clause: Token) -> bool:
    """A clause that describes a noun as done or doing ("the peace deal signed in February",
    "the attacks that IS carried out", "Bin Laden, who was killed in 2011", "insurgents
    conducting cross-border attacks"): a happening of its own, outside the modality of the
    sentence it sits in ("called on the group to uphold the deal signed in February",
    "failed to crack down on insurgents conducting attacks"), also an adjective with its
    own complement ("considering a deal with a state responsible for killing Khashoggi").
    The tagger writes some such participles as past tenses without a subject ("its drone,
    shot down last week, violated")."""
    participle = clause.tag_ in PARTICIPLE_TAGS or (
        clause.tag_ == PAST_TENSE and not any(c.dep_ in SUBJECT_DEPS for c in clause.children))  # a tagger slip
    described = clause.dep_ == ADJECTIVE_MODIFIER and clause.pos_ == ADJECTIVE \
        and any(c.dep_ == PREPOSITION for c in clause.children)
    return (clause.dep_ == "acl" and participle) or (clause.dep_ == "relcl" and _is_finite(clause)) or described


def _is_marker(token: Token) -> bool:
    """A subordinating word ("if", "as", "because"); the parser also labels the first word
    of a name "mark" ("As-Safir reported"), which subordinates nothing."""
    return token.dep_ == "mark" and token.pos_ in MARKER_POS


def _in_other_clause(word: Token, trigger: Token) -> bool:
    """Whether `word` sits in a clause describing a noun, a finite adverbial clause or a
    complement clause ("insisted the drone had been over international waters at the time,
    and condemned it") that does not hold `trigger`: a happening of its own. A clause
    telling of the event's own noun is about the event ("the attack, which took place years
    ago"), and a "when" clause dates it ("were killed when hijackers crashed two jets 16
    years ago")."""
    for clause in (word, *word.ancestors):
        own = clause.i == trigger.i or clause.is_ancestor(trigger) or (
            clause.head.i == trigger.i and (_told_of_a_noun(clause) or _is_simultaneous(clause)))
        if (_told_of_a_noun(clause) or _finite_adverbial(clause) or clause.dep_ == COMPLEMENT_CLAUSE) and not own:
            return True
    return False


def _is_simultaneous(clause: Token) -> bool:
    """Whether an adverbial clause tells when its head happened ("when hijackers crashed")."""
    return any(c.lower_ in SIMULTANEITY_MARKERS and c.dep_ in ("mark", "advmod") for c in clause.children)


def _attached_reporter(chain: Sequence[Token], cues: AuxCueLexicon) -> list[AuxModeHit]:
    """A reporting clause hung below the event clause: "Russia sent troops, the ministry said"."""
    hits = []
    for token in chain:
        for child in token.children:
            if child.dep_ not in ("parataxis", "ccomp", "advcl") or any(_is_marker(c) for c in child.children):
                continue
            for cue in cues.cues("governor", child.lemma_.lower()):
                if cue.mode == "reported" and any(c.dep_ in SUBJECT_DEPS for c in child.children):
                    hits.append(_hit(cue.mode, child))
    return hits


def _sentence_cues(sent: Span, cues: AuxCueLexicon, trigger: Token) -> list[AuxModeHit]:
    """Phrases anywhere in the sentence ("according to", "years ago"); a time phrase inside
    a clause of its own that the event is not in ("threatened to strike targets representing
    the hostages taken many years ago") dates that clause, not the event, and one the parser
    hung on a present-tense copula dates nothing (`hangs_on_a_present_copula`)."""
    hits = []
    lowered = sent.text.lower()
    for cue in cues.sentence_phrases:
        pattern = r"\b" + r"\s+".join(re.escape(word) for word in cue.words) + r"\b"
        if cue.unless:
            pattern += r"(?!\s+(?:" + "|".join(map(re.escape, sorted(cue.unless))) + r")\b)"
        for match in re.finditer(pattern, lowered):
            start = sent.start_char + match.start()
            first = sent.doc.char_span(start, start + 1, alignment_mode="expand")
            token_i = first[0].i if first is not None and len(first) else None
            if cue.mode not in ATTRIBUTION_MODES and token_i is not None and _in_other_clause(sent.doc[token_i], trigger):
                continue
            phrase = sent.doc.char_span(start, sent.start_char + match.end(), alignment_mode="expand")
            if cue.mode not in ATTRIBUTION_MODES and phrase is not None and hangs_on_a_present_copula(phrase.root):
                continue
            hits.append(AuxModeHit(cue.mode, start, sent.start_char + match.end(), " ".join(cue.words), token_i))
    return hits


def _parse_iso(value: str | None, *, latest: bool = False) -> date | None:
    """A date from "YYYY", "YYYY-MM" or "YYYY-MM-DD" (first or last day of the period)."""
    if not value:
        return None
    parts = value[:10].split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else (12 if latest else 1)
        if len(parts) > 2:
            return date(year, month, int(parts[2]))
        if not latest:
            return date(year, month, 1)
        next_month = date(year + month // 12, month % 12 + 1, 1)
        return next_month - timedelta(days=1)
    except (ValueError, IndexError):
        return None


def time_modes(time: TimeMention | None, published: DateEstimate | None, chain: Sequence[Token] = ()) -> list[AuxModeHit]:
    """Historical when the event time ends a year before publication, future when it starts
    after, unless told in the past tense ("Israeli jets struck Gaza on August 19" in a story
    first dated July 28 and updated since: done, whatever the stale date says)."""
    if time is None or published is None or not published.value:
        return []
    pub = _parse_iso(published.value)
    latest = _parse_iso(time.latest or time.value, latest=True)
    earliest = _parse_iso(time.earliest or time.value)
    hits = []
    cue = time.evidence.text
    if pub and latest and latest < pub - HISTORICAL_AFTER:
        hits.append(AuxModeHit("historical", time.evidence.start, time.evidence.end, cue))
    told_done = any(word.tag_ == PAST_TENSE and any(c.dep_ in SUBJECT_DEPS for c in word.children) for word in chain)
    if pub and earliest and earliest > _parse_iso(published.latest or published.value, latest=True) and not told_done:
        hits.append(AuxModeHit("future", time.evidence.start, time.evidence.end, cue))
    return hits


def quote_modes(trigger: Token, quotes: Sequence[Quote]) -> list[AuxModeHit]:
    """Reported when the trigger lies inside a quote's content; the cue is its reporting verb."""
    hits = []
    for quote in quotes:
        if quote.content.start <= trigger.idx < quote.content.end:
            span = quote.cue or quote.speaker or quote.content
            hits.append(AuxModeHit("reported", span.start, span.end, span.text))
    return hits


def aux_modes(
    trigger: Token,
    sent: Span,
    cues: AuxCueLexicon,
    *,
    light_verb: Callable[[Token], Token | None] | None = None,
    quotes: Sequence[Quote] = (),
    event_time: TimeMention | None = None,
    published: DateEstimate | None = None,
    order: Sequence[str] = (),
) -> tuple[AuxModeHit, ...]:
    """The auxiliary modes of the event anchored at `trigger`, one hit per mode.

    trigger (Token): the event word (the head anchor of a TriggerHit).
    sent (Span): its sentence.
    cues (AuxCueLexicon): the cue lexicon.
    light_verb: what carries a nominal trigger's clause (`TriggerLexicon.light_verb`).
    quotes (Sequence[Quote]): the doc's quotes, to mark speech content as reported.
    event_time / published: the event's time mention and the publication date.
    order (Sequence[str]): mode names in output order (the ontology's order).
    RETURNS (tuple[AuxModeHit, ...]): empty when the event is plainly asserted.
    """
    chain = clause_chain(trigger, light_verb)
    hits = (
        _imperative(chain)
        + _headline_infinitive(chain)
        + _child_cues(chain, cues)
        + _subject_clause_modals(chain, cues)
        + _governor_cues(_governed_from(chain), cues, sent)
        + _attached_reporter(chain, cues)
        + _sentence_cues(sent, cues, trigger)
        + quote_modes(trigger, quotes)
        + time_modes(event_time, published, chain)
    )
    hits = [hit for hit in hits if hit.token_i != trigger.i]
    first: dict[str, AuxModeHit] = {}
    for hit in hits:
        first.setdefault(hit.mode, hit)
    rank = {mode: position for position, mode in enumerate(order)}
    return tuple(sorted(first.values(), key=lambda hit: rank.get(hit.mode, len(rank))))

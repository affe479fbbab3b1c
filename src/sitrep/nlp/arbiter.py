"""Decide, for each span both resolvers claimed, whether it names an actor or a place.

The actor and place resolvers run independently, so a country or capital is often both an
`ActorMention` and a `PlaceMention` ("Israel", "Moscow", "the Pentagon"). A span is one or
the other in a sentence, and the parse says which (`usage`):

    place   object of a locative preposition ("in Syria", "parts of Iraq", "to Kabul"),
            possessor of a place or condition noun ("Yemen's capital", "Lebanon's civil
            war"), qualified by a compass adjective ("northern Iraq"), apposition to a place ("Raqqa, Syria"), subject of a copula ("Yemen is
            a route"), object of a verb that is not an actor's act ("leave Iraq");
    actor   subject of a verb ("Israel launched"), agent of a passive ("paid by Russia"),
            object of by/on/between/against/toward ("sanctions on Russia") or of "of"
            after a title or a force ("the leaders of Britain") or of "for" after a backing
            noun ("support for Israel"), object of an agent verb ("threatened Baghdad") or
            of a verb whose infinitive it does ("pressed Turkey to withdraw"), possessor of
            an action noun ("Moscow's goals", "Iran's strategy"), one side of a hyphenated
            pair ("US-Taliban deal");
    neither a name inside a person's title ("U.S. President Donald Trump": the person mention
            carries the affiliation) or modifying a noun that names no actor ("U.S. embassy",
            "U.S. airstrike"), where neither the actor nor the place is what the text names.

A person or an organisation that merely shares its name with a place ("Hadi", "Russia
Today") is always the actor: the places inside a longer actor mention are dropped; so is
the short form of a person named earlier, known to the KB or not ("Jamal Khashoggi ...
Khashoggi's killing"). A name
the actor KB does not know but the gazetteer does, on the same span or inside a resolved
place ("Imam Sahib" of "Imam Sahib district"), is the place. A bare title next to the name
it belongs to ("the leader of Hezbollah, Hassan Nasrallah") is not a second mention.

The head nouns that tell a party from a location ("Moscow's goals" vs "Yemen's capital")
are data, in kb/arbiter_nouns.jsonl (`arbiter_nouns()`).

Every kept mention records the decision: `via`/`method` gets "+arbiter:<reason>". A place the
parse makes an actor becomes the state ("country:IL" -> ISR) or, for a capital, its
government (via "metonym+arbiter:<reason>").
"""
from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass, replace
from functools import lru_cache

import pycountry
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from sitrep.kb.actors import Actor, ActorKB, default_actor_kb, normalise
from sitrep.kb.rows import kb_error, read_kb_rows
from sitrep.model import ActorMention, Link, PlaceMention
from sitrep.nlp.actor_rules import POSSESSIVE, subject_role_token, without_article
from sitrep.nlp.actors import ROLE_VIA
from sitrep.nlp.datelines import opens_dateline
from sitrep.nlp.extensions import doc_text, register_extensions

logger = logging.getLogger(__name__)

FACTORY_NAME = "sitrep_mention_arbiter"
# A name read from the KB by its words, also where the document picked one of its readings.
NAME_VIAS = frozenset({Link.ALIAS, Link.AMBIGUOUS})
ACTOR, PLACE, NEITHER = "actor", "place", "neither"
# Prepositions whose object is a party, not a location ("sanctions on Russia", "talks
# between Israel and Hamas", "hostility toward Israel", "outwitted by Ankara").
ACTOR_PREPOSITIONS = frozenset({"by", "on", "against", "toward", "towards", "than"})
# These name a party ("a deal with Turkey", "talks between Israel and Hamas", "fighting
# alongside the US") unless a place noun governs them ("border with Ukraine", "the border
# between Iraq and Syria").
PARTY_PREPOSITIONS = frozenset({"with", "between", "among", "alongside"})
# "from" names a source after an act or a person ("retaliation from Iran", "leaders from
# Pakistan") and an origin otherwise ("withdrawal from Iraq", "troops from Niger").
SOURCE_PREPOSITIONS = frozenset({"from"})
# "of" after a title or a force names whom they serve ("the leaders of Britain", "the army
# of Syria"); after any other noun a place ("parts of Iraq", "the north of Syria").
MEMBER_PREPOSITION = "of"
# "for" after a backing noun names the party backed ("support for Israel").
BENEFICIARY_PREPOSITION = "for"
# "northern", "southeastern": a compass noun of kb/arbiter_nouns.jsonl plus this suffix; a
# country it qualifies is a location ("northern Iraq").
COMPASS_SUFFIX = "ern"
# Prepositions whose gerund a verb's object does ("stopping Turkey from launching",
# "accused Israel of backing", "charged Syria with shelling").
GERUND_CONTROL_PREPOSITIONS = frozenset({"from", "of", "for", "with", "against"})
# Verbs that take a place as subject ("Yemen is an important part").
COPULAS = frozenset({"be"})
SUBJECT_DEPS = frozenset({"nsubj"})
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})
HYPHENS = frozenset({"-", "\u2010", "\u2011", "\u2013"})
# A title between an organisation and a person's name has at most this many tokens
# ("U.S. Secretary of State Mike Pompeo").
TITLE_MAX_TOKENS = 6
TITLE_POS = frozenset({"PROPN", "NOUN", "ADJ", "ADP", "PUNCT"})
# Confidence of an actor made from a place mention: a subject or agent is surer than a possessor.
CONFIDENCE_STRONG = 0.8
CONFIDENCE_WEAK = 0.6
# "the leader of Hezbollah, Hassan Nasrallah": the title's object before the comma.
TITLE_OBJECT_PREPOSITIONS = frozenset({"of", "for", "to"})
TITLE_OBJECT_MAX_CHARS = 40
PERSON = "person"
STATE = "state"


NOUNS_FILE = "arbiter_nouns.jsonl"


@dataclass(frozen=True, slots=True)
class ArbiterNouns:
    """The head nouns that tell a party from a location (kb/arbiter_nouns.jsonl).

    action: nouns that name an act, an intention, a relation or whoever acts for a party:
        their possessor ("Moscow's goals"), or the object of "from"/"between" after them
        ("retaliation from Iran", "talks between Israel and Hamas"), is a party.
    place: nouns that name a place or a part of a country: their possessor ("Yemen's
        capital") or a party preposition after them ("border with Ukraine") is a location.
    movement: nouns that name a going or a sending: their possessor is a party ("Iran's
        withdrawal"), but a "from" after them names where it leaves ("withdrawal from Syria").
    backing: nouns that name what one party gives another: the object of "for" after them
        is the party backed ("support for Israel", "aid for Ukraine"), where after other
        nouns it is a place or a topic ("a plan for Syria", "left for Moscow").
    """

    action: frozenset[str]
    place: frozenset[str]
    movement: frozenset[str] = frozenset()
    backing: frozenset[str] = frozenset()


def load_arbiter_nouns(filename: str = NOUNS_FILE) -> ArbiterNouns:
    """Read the arbiter's nouns, lower-cased lemmas keyed by kind.

    RAISES: SitrepError E030 for a row without "noun", "kind" and a note, or with a kind
    other than "action", "place", "movement" or "backing".
    """
    nouns: dict[str, set[str]] = {"action": set(), "place": set(), "movement": set(), "backing": set()}
    for row in read_kb_rows(filename, {"noun": str, "kind": str}):
        if row["kind"] not in nouns:
            raise kb_error(f"{filename} noun {row['noun']!r}", f"kind must be one of {sorted(nouns)}")
        nouns[row["kind"]].add(row["noun"].lower())
    return ArbiterNouns(**{kind: frozenset(words) for kind, words in nouns.items()})


@lru_cache(maxsize=1)
def arbiter_nouns() -> ArbiterNouns:
    """The nouns shipped in sitrep/kb, loaded once per process."""
    return load_arbiter_nouns()


@dataclass(frozen=True, slots=True)
class Decision:
    """What a span names in its sentence, and the cue that said so."""

    kind: str
    reason: str


def usage(token: Token, kb: ActorKB, place_tokens: frozenset[int]) -> Decision | None:
    """Whether a country/capital name is used as an actor, a place or neither (see module).

    token: the name's head token; place_tokens: tokens of the document's place mentions
    (an apposition to one is a qualifier: "Raqqa, Syria"). None when the parse says nothing.
    """
    token = subject_role_token(token)
    head, dep = token.head, token.dep_
    if opens_dateline(doc_text(token.doc), token.idx, token.idx + len(token.text)):
        return Decision(PLACE, "dateline")
    if token.pos_ == "NOUN" and token.lemma_.lower() in arbiter_nouns().place:
        return Decision(PLACE, "place noun")  # "on Pakistani soil", "Syrian territory"
    if any(c.dep_ == "amod" and c.lower_.removesuffix(COMPASS_SUFFIX) in arbiter_nouns().place for c in token.children):
        return Decision(PLACE, "part of the country")
    if dep in SUBJECT_DEPS and head.lemma_.lower() in COPULAS:
        # "Yemen is a route" describes a place; "Tripoli was calm", "the Pentagon is due to"
        # say nothing either way; "Iran was the only country to send troops" names a doer.
        predicates = [c for c in head.children if c.dep_ == "attr"]
        if any(_names_a_doer(p) for p in predicates):
            return Decision(ACTOR, "copula subject of a doer")
        return Decision(PLACE, "copula subject") if predicates else None
    if dep in SUBJECT_DEPS:
        return Decision(ACTOR, "subject")
    if dep == "dative":
        return Decision(ACTOR, "recipient")
    if dep == "pobj":
        return preposition_usage(head, kb)
    if dep == "poss":
        return possessor_usage(head, kb)
    if dep == "dobj":
        if head.lemma_.lower() in kb.agent_verbs:
            return Decision(ACTOR, "object of an agent verb")
        if any(c.dep_ == "xcomp" for c in head.children):
            return Decision(ACTOR, "object doing the infinitive")  # "pressed Turkey to withdraw"
        if any(_opens_a_gerund(c) for c in head.children):
            return Decision(ACTOR, "object doing the gerund")  # "stopping Turkey from launching"
        return Decision(PLACE, "object")
    if dep == "appos":
        return Decision(PLACE, "qualifier") if head.i in place_tokens else Decision(ACTOR, "apposition")
    if dep in MODIFIER_DEPS:
        return modifier_usage(token, kb)
    return None


def _opens_a_gerund(child: Token) -> bool:
    """Whether a verb's child is a preposition whose gerund the verb's object does ("stopping
    Turkey from launching an invasion", "blamed Riyadh for attacking"), unlike one of time or
    manner ("left Iraq after losing")."""
    return child.dep_ == "prep" and child.lower_ in GERUND_CONTROL_PREPOSITIONS and any(
        g.dep_ == "pcomp" and g.tag_ == "VBG" for g in child.children)


def _names_a_doer(noun: Token) -> bool:
    """Whether a predicate noun is told doing something by a "to"-infinitive ("the only
    country to send troops", "the first ally to carry out airstrikes")."""
    return any(c.dep_ in ("relcl", "acl") and any(t.tag_ == "TO" for t in c.children) for c in noun.children)


def preposition_usage(preposition: Token, kb: ActorKB) -> Decision:
    """"by/on/against/between/with X" -> actor unless a place noun governs it ("border with
    Ukraine"); "from X" after an act, a relation or a person -> actor ("leaders from
    Pakistan"); "of X" after a title or a force -> actor ("the leaders of Britain"); "for X"
    after a backing noun -> actor ("support for Israel"); any other object -> place."""
    word = preposition.lower_
    governor = preposition.head
    if preposition.dep_ == "agent":
        return Decision(ACTOR, "agent")
    if word == "to" and governor.lower_ == "according":
        return Decision(ACTOR, "source of according to")  # "according to Damascus": a voice
    if word in ACTOR_PREPOSITIONS:
        return Decision(ACTOR, word)
    if word in PARTY_PREPOSITIONS:
        return Decision(PLACE, f"{word} after a place noun") if governor.lemma_.lower() in arbiter_nouns().place \
            else Decision(ACTOR, word)
    # "meet officials from Britain" also where the parser hangs "from" on "meet"
    if word in SOURCE_PREPOSITIONS and (governor.lemma_.lower() in arbiter_nouns().action or is_role(governor, kb)
                                        or _after_a_role_object(preposition, kb)):
        return Decision(ACTOR, f"{word} after a party noun")
    if word == MEMBER_PREPOSITION and (is_role(governor, kb) or governor.lower_ in kb.force_nouns):
        return Decision(ACTOR, f"{word} after a title or force")
    if word == BENEFICIARY_PREPOSITION and governor.lemma_.lower() in arbiter_nouns().backing:
        return Decision(ACTOR, f"{word} after a backing noun")
    return Decision(PLACE, f"object of {word}")


def _after_a_role_object(preposition: Token, kb: ActorKB) -> bool:
    """Whether a preposition the parser hung on a verb follows that verb's object, a role
    ("to meet officials from Britain": the officials' country, not where they meet)."""
    before = preposition.doc[preposition.i - 1] if preposition.i > 0 else None
    return before is not None and before.dep_ == "dobj" and before.head.i == preposition.head.i and is_role(before, kb)


def is_role(token: Token, kb: ActorKB) -> bool:
    """Whether a noun is a role title of the KB, singular or plural ("leader", "leaders")."""
    return normalise(token.text) in kb.roles or normalise(token.lemma_) in kb.roles


def possessor_usage(possessed: Token, kb: ActorKB) -> Decision:
    """"Iran's strategy", "Russia's military" -> actor; "Yemen's capital", "Lebanon's civil
    war" (a place or a condition of the country) -> place."""
    lemma = possessed.lemma_.lower()
    nouns = arbiter_nouns()
    if lemma in nouns.action | nouns.movement or possessed.lower_ in kb.force_nouns or is_role(possessed, kb):
        return Decision(ACTOR, "possessor of an act or body")
    return Decision(PLACE, "possessor of a place or condition")


def modifier_usage(token: Token, kb: ActorKB) -> Decision:
    """A name before a noun: a party of a hyphenated pair or of an actor noun is an actor
    ("US-Taliban deal", "U.S. officials"); before any other noun it names nothing itself."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    before = doc[token.i - 1] if token.i > 0 else None
    if (after is not None and after.text in HYPHENS and not after.whitespace_) or \
            (before is not None and before.text in HYPHENS and not token.doc[before.i - 1].whitespace_):
        return Decision(ACTOR, "hyphenated pair")
    noun = token.head
    if noun.lower_ in kb.force_nouns or is_role(noun, kb):
        return Decision(ACTOR, "modifier of an actor noun")
    return Decision(NEITHER, "modifier of a non-actor noun")


# ---------------------------------------------------------------------------- mentions

def _tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def is_place_like(mention: ActorMention, places: list[PlaceMention]) -> bool:
    """Whether an actor mention may be a place: a state, a capital standing for its
    government, or an organisation named by its building ("the Pentagon") that the
    gazetteer also resolved at the same span."""
    if mention.via not in {*NAME_VIAS, Link.METONYM}:
        return False  # "the Iraqis", "Iran's Defense Minister": a phrase, never a place
    if mention.actor_type == STATE or mention.via == Link.METONYM:
        return True
    if mention.actor_type == PERSON or mention.actor_id is None:
        return False
    name = without_article(mention.evidence.text)
    return any(p.place_id and without_article(p.evidence.text) == name
               and _overlap(p.evidence.start, p.evidence.end, mention.evidence.start, mention.evidence.end)
               for p in places)


def ends_in_role(span: Span, roles: Collection[str]) -> bool:
    """Whether a name ends with a role title of the KB ("UN chief", "Supreme Leader")."""
    return any(normalise(span[-n:].text) in roles for n in range(1, min(len(span), TITLE_MAX_TOKENS) + 1))


def in_person_title(doc: Doc, span: Span, actors: list[ActorMention], role_words: frozenset[str],
                    roles: Collection[str] = ()) -> bool:
    """Whether a name sits in the title before a person's name ("U.S. President Donald Trump",
    "Taliban spokesman Zabiullah Mujahid", "UN chief Ban Ki-moon"): only title words lie
    between it and the person, or the name itself ends with a title of `roles` (KB roles)."""
    person_starts = {m.evidence.start for m in actors if m.actor_type == PERSON or m.via.startswith(ROLE_VIA)
                     or (m.actor_id is None and m.evidence.text[:1].isupper())}
    i = span.end
    if i < len(doc) and doc[i].text in POSSESSIVE:
        i += 1
    if i < len(doc) and doc[i].pos_ == "ADP":
        return False  # "the Syrian government of President Assad" names the government
    saw_title = ends_in_role(span, roles)  # an office named with its body: "UN chief Ban Ki-moon"
    while i < len(doc) and i - span.end <= TITLE_MAX_TOKENS:
        token = doc[i]
        if token.idx in person_starts:
            return saw_title
        if token.text == "," and saw_title and i + 1 < len(doc) and doc[i + 1].idx in person_starts:
            return True
        if token.is_punct and token.text != "." or (token.pos_ not in TITLE_POS and token.dep_ != "amod"):
            return False
        saw_title = saw_title or (token.lower_ in role_words and token.pos_ != "ADP")  # "of" in "head of"
        i += 1
    return False


def place_actor(place: PlaceMention, kb: ActorKB) -> Actor | None:
    """The actor a place mention stands for when it acts: a country's state, a capital's
    government, a building's organisation."""
    if place.place_id and place.place_id.startswith("country:"):
        country = pycountry.countries.get(alpha_2=place.place_id.split(":", 1)[1])
        return kb.get(country.alpha_3) if country else None
    metonym = kb.metonym(place.evidence.text)
    if metonym is not None:
        return metonym
    if place.place_id and place.place_id.startswith("region:"):
        named = [a for a in kb.lookup(place.evidence.text) if a.type != STATE]
        return named[0] if len(named) == 1 else None
    return None


@dataclass(frozen=True, slots=True)
class Arbitration:
    """The actor and place mentions that survive, in text order."""

    actors: list[ActorMention]
    places: list[PlaceMention]


# Cues sure enough to make a capital or a building an actor without the actor resolver
# having seen it act (a country needs less: it is a polity wherever it is not a location).
STRONG_REASONS = frozenset({"subject", "agent", "by", "against", "toward", "towards", "source of according to",
                            "possessor of an act or body", "object of an agent verb",
                            "modifier of an actor noun"})


def arbitrate(doc: Doc, actors: list[ActorMention], places: list[PlaceMention], kb: ActorKB,
              role_words: frozenset[str]) -> Arbitration:
    """Decide every contested span (see module docstring); pure: the Doc is not modified.

    role_words: the words of the KB's role titles ("president", "spokesman", "secretary").
    """
    place_tokens = frozenset(t.i for p in places for t in (_tokens(doc, p.evidence.start, p.evidence.end) or ()))
    kept: list[ActorMention] = []
    dropped: set[int] = set()   # places that lose to an actor or name nothing
    decided: dict[int, str] = {}  # places kept by a decision: the reason
    for mention in actors:
        start, end = mention.evidence.start, mention.evidence.end
        overlapping = [i for i, p in enumerate(places) if _overlap(start, end, p.evidence.start, p.evidence.end)]
        span = _tokens(doc, start, end)
        if span is None:
            kept.append(mention)
        elif mention.actor_id is not None and is_place_like(mention, places):
            titled = in_person_title(doc, span, actors, role_words, kb.roles)
            decision = Decision(NEITHER, "in a person's title") if titled else usage(span.root, kb, place_tokens)
            if decision is None:
                kept.append(mention)
                dropped.update(overlapping)
            elif decision.kind == ACTOR:
                kept.append(replace(mention, via=f"{mention.via}+arbiter:{decision.reason}"))
                dropped.update(overlapping)
            elif decision.kind == NEITHER:
                dropped.update(overlapping)
            else:
                decided.update((i, decision.reason) for i in overlapping)
        elif mention.via.startswith("role:") and mention.actor_type != PERSON and is_bare_title(span, role_words) \
                and next_to_person(doc, span, actors):
            continue
        elif mention.actor_id is not None and mention.via in NAME_VIAS and mention.actor_type != PERSON \
                and in_person_title(doc, span, actors, role_words, kb.roles):
            dropped.update(overlapping)
        elif mention.via == Link.COREF:
            kept.append(mention)  # the person named earlier, though nobody knows who ("Khashoggi's killing")
            dropped.update(overlapping)
        elif mention.actor_id is None and any((p.evidence.start, p.evidence.end) == (start, end)
                                              or (p.place_id and p.evidence.start <= start and end <= p.evidence.end)
                                              for p in places):
            continue  # a name only the gazetteer knows ("Crimea", "Imam Sahib district" tagged ORG) is the place
        else:
            if mention.actor_id is not None:
                dropped.update(overlapping)
            kept.append(mention)
    places_kept = []
    for i, place in enumerate(places):
        if i in dropped:
            continue
        if i in decided:
            places_kept.append(replace(place, method=f"{place.method}+arbiter:{decided[i]}"))
            continue
        turned = place_as_actor(doc, place, kb, place_tokens)
        if turned is None:
            places_kept.append(place)
        else:
            kept.append(turned)
    kept.sort(key=lambda m: m.evidence.start)
    return Arbitration(kept, places_kept)


def place_as_actor(doc: Doc, place: PlaceMention, kb: ActorKB, place_tokens: frozenset[int]) -> ActorMention | None:
    """The actor mention a place mention no actor claimed turns into when the parse says it
    acts ("toward Israel", "if Moscow takes"); None when it stays a place.

    A country turns on any actor cue; a capital or a building only on a strong one
    (STRONG_REASONS), since "from Kabul" is far more often a place than "from Afghanistan".
    """
    actor = place_actor(place, kb)
    span = _tokens(doc, place.evidence.start, place.evidence.end)
    if actor is None or span is None or len(span) > 3:
        return None
    decision = usage(span.root, kb, place_tokens)
    if decision is None or decision.kind != ACTOR:
        return None
    strong = decision.reason in STRONG_REASONS
    if actor.type != STATE and not strong:
        return None
    via = (Link.ALIAS if actor.type == STATE else Link.METONYM) + f"+arbiter:{decision.reason}"
    return mention_of_place(place, actor, CONFIDENCE_STRONG if strong else CONFIDENCE_WEAK, via)


def mention_of_place(place: PlaceMention, actor: Actor, confidence: float, via: str) -> ActorMention:
    """An actor mention on a place's words: the state or government the place stands for."""
    return ActorMention(place.evidence, actor.id, actor.code, actor.name, actor.type, actor.country, confidence, via)


def is_bare_title(span: Span, role_words: frozenset[str]) -> bool:
    """Whether a role mention is only a title ("the leader"), not an office with the
    country or organisation that holds it ("Boko Haram's leader", "Yemen's president")."""
    return all(t.pos_ == "DET" or t.text.islower() or t.lower_ in role_words for t in span)


def next_to_person(doc: Doc, span: Span, actors: list[ActorMention]) -> bool:
    """Whether a bare title stands next to the name it belongs to ("the leader of Hezbollah,
    Hassan Nasrallah", "Nasrallah, the group's leader"): the person mention says it all."""
    text = doc_text(doc)
    for person in actors:
        if not (person.actor_type == PERSON or person.actor_id is None):
            continue
        if person.evidence.start >= span.end_char:
            between = text[span.end_char:person.evidence.start].strip()
        elif person.evidence.end <= span.start_char:
            between = text[person.evidence.end:span.start_char].strip()
        else:
            continue
        if between in {"", ","} or (len(between) <= TITLE_OBJECT_MAX_CHARS and between.endswith(",")
                                    and between.split()[0] in TITLE_OBJECT_PREPOSITIONS and "\n" not in between):
            return True
    return False


class MentionArbiter:
    """Component: rewrites doc._.actors and doc._.places so that no span is both."""

    def __init__(self, nlp: Language, name: str = FACTORY_NAME, kb: ActorKB | None = None) -> None:
        register_extensions()
        self.name = name
        self.kb = kb or default_actor_kb()
        self.role_words = frozenset(word for key in self.kb.roles for word in key.split())

    def __call__(self, doc: Doc) -> Doc:
        result = arbitrate(doc, list(doc._.actors or []), list(doc._.places or []), self.kb, self.role_words)
        doc._.actors, doc._.places = result.actors, result.places
        return doc


@Language.factory(FACTORY_NAME, assigns=["doc._.actors", "doc._.places"],
                  requires=["doc._.actors", "doc._.places", "token.dep"])
def make_mention_arbiter(nlp: Language, name: str) -> MentionArbiter:
    """Factory for the arbiter (KB: the one shipped in sitrep/kb)."""
    return MentionArbiter(nlp, name)

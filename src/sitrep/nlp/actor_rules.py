"""The decisions of actor resolution, as functions of tokens and KB entries.

Each rule here answers one question (does this alias match in this case? is this capital
acting? which earlier actor does "the group" mean? which organisation does a role name?)
without touching the Doc, so tests can call them on a parsed sentence and the component
(`sitrep.nlp.actors`) only strings them together.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from rapidfuzz import fuzz, process
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from sitrep.kb.actors import Actor, ActorKB, Role, normalise
from sitrep.nlp.quotes import STRAIGHT_QUOTE

# Tokens that may sit between an organisation and a person's name in a title prefix
# ("IRGC Quds Force commander", "Iran's Supreme Leader's adviser"); anything else ends it.
PREFIX_STOP_POS = frozenset({"VERB", "AUX", "ADP", "DET", "CCONJ", "SCONJ", "PRON", "ADV", "NUM"})
POSSESSIVE = frozenset({"'s", "\u2019s", "'"})
HYPHENS = frozenset({"-", "\u2010", "\u2011"})
# Generation words closing a name ("Donald Trump Jr."), lower-cased as the name tokens are.
GENERATIONS = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})
# Nouns that count people ("thousands of Nigerians"): what follows them is a group, not an actor.
QUANTITY_WORDS = frozenset({"dozens", "hundreds", "thousands", "tens", "millions", "scores"})
CLAUSE_VERB_POS = frozenset({"VERB", "AUX"})
CLAUSE_PUNCT = frozenset({",", ".", ";", ":", "(", ")", "\u2014", "\u2013", '"', "\u201c", "\u201d"})
PREFIX_MAX_TOKENS = 8
APPOSITION_MAX_TOKENS = 15
SUBJECT_DEPS = frozenset({"nsubj"})
PERSON_LABEL = "PERSON"
ORGANISATION_LABEL, INSIDE = "ORG", "I"  # a spaCy entity label; the IOB tag inside an entity
NOUN_MODIFIER_DEPS = frozenset({"amod", "compound"})
# An adverbial clause ("breached Iraqi sovereignty [when it killed Soleimani]").
ADVERBIAL_CLAUSE = "advcl"
# A reported clause ("said [it had staged strikes]") and how far a possessor may sit below
# its verb ("said [one of its soldiers may have been captured]").
CLAUSE_DEP = "ccomp"
POSSESSOR = "poss"
# Active and passive subjects (SUBJECT_DEPS holds the active one only).
ACTIVE_OR_PASSIVE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# A clause with its own subject or connective ("When Trump ...") is not one that borrows the main subject.
OWN_SUBJECT_OR_MARKER_DEPS = ACTIVE_OR_PASSIVE_SUBJECT_DEPS | {"mark"}
OPENING_QUOTE, CLOSING_QUOTE = "\u201c", "\u201d"
SAYER_CLIMB = 5
RECIPIENT_DEPS = frozenset({"dative"})
# Prepositions whose objects are the sides of a relation ("talks between Israelis and Egyptians").
SIDES_PREPOSITIONS = frozenset({"between", "among"})
# Prefixes that turn a name into a stance or its negation: what a group is for or against or
# is not, never the group ("pro-Russian activists", "anti-Assad rebels", "counter-ISIS
# operations", "a major non-NATO ally").
STANCE_PREFIXES = frozenset({"pro", "anti", "counter", "non"})
VOWELS = re.compile(r"[aeiouy'\u2019\-\s]+")
SKELETON_MIN_LENGTH = 6
SKELETON_MIN_RATIO = 70.0
WORD_MIN_RATIO = 70.0
SKELETON_WORD_MIN_RATIO = 60.0
SINGLE_WORD_MIN_RATIO = 95.0
FUZZY_CANDIDATES = 5
# "it" before a linking verb and one of these adjectives stands for a clause, not a party
# ("it was not clear who carried out the strikes", "it is too late for an inspection", "after
# it became clear").
LINKING_VERBS = frozenset({"be", "become", "seem", "appear", "remain"})
ADJECTIVE_COMPLEMENT = "acomp"
JUDGING_ADJECTIVES = frozenset({"clear", "unclear", "likely", "unlikely", "possible", "impossible", "late", "early",
                                "important", "necessary", "essential", "true", "evident", "obvious", "difficult",
                                "hard", "easy", "vital", "crucial", "imperative", "apparent", "certain", "uncertain",
                                "premature", "worth", "known", "unknown"})
OWNER_PREPOSITION = "of"
APPOSITION_DEP, COMPOUND_DEP = "appos", "compound"  # "the group, Hamas,"; "the Islamist group Hamas"
PROPER_NOUN = "PROPN"
OFFICE_KIND, RANK_KIND = "office", "rank"
# Nouns for the members of an organisation ("NATO allies", "EU member states").
MEMBER_NOUNS = frozenset({"member", "ally", "country", "nation", "state", "partner"})


@dataclass(frozen=True, slots=True)
class RoleLink:
    """A person (or a bare title) tied to an actor through a role word."""

    role: Role
    actor: Actor


def case_matches(surface: str, forms: Iterable[str]) -> bool:
    """Whether a case-insensitive alias hit also respects the alias's capitals.

    Acronyms must match exactly ("IS", "AU" are not "is", "au"). For other aliases every
    capital of the alias must be a capital in the text, so "Amnesty" does not fire on
    "amnesty" while "The Kremlin" (sentence start) and "HEZBOLLAH" (headline) still do.
    """
    for form in forms:
        if surface == form:
            return True
        if form.isupper() or len(form) != len(surface):
            continue
        if all(s.isupper() or not f.isupper() for f, s in zip(form, surface)):
            return True
    return False


def in_capitals_run(span) -> bool:
    """Whether an all-capital hit that is also a common word sits among other all-capital
    words ("WHY IS IT", "TELL US"): in a headline set in capitals that acronym ("IS", "US")
    cannot be told from the word; "ISIS" can."""
    if not span.text.isupper() or span.text.lower() not in STOP_WORDS:
        return False
    doc = span.doc
    neighbours = [t for t in (doc[span.start - 1] if span.start > 0 else None,
                              doc[span.end] if span.end < len(doc) else None)
                  if t is not None and t.is_alpha and len(t.text) > 1]
    return bool(neighbours) and all(t.text.isupper() for t in neighbours)


def subject_role_token(token: Token) -> Token:
    """The token whose grammatical role a conjunct shares ("Tehran and Moscow said")."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def modifies_next_noun(token: Token) -> bool:
    """Whether a word only qualifies a noun after it ("the military assistance", "the
    military aid package"): it names no party there."""
    return token.dep_ in NOUN_MODIFIER_DEPS and token.head.i > token.i and token.head.pos_ in {"NOUN", "PROPN"}


def acts_as_agent(token: Token, agent_verbs: frozenset[str]) -> bool:
    """Whether a place name is doing something only an actor does.

    True when it is the subject of a speech or decision verb ("Tehran said", "Moscow
    decided"), the recipient of such a verb ("giving Damascus a hand"), or the agent of a
    passive one ("condemned by Washington"). Copulas never count ("Tehran is a city").
    """
    token = subject_role_token(token)
    head = token.head
    if token.dep_ in SUBJECT_DEPS | RECIPIENT_DEPS:
        return head.lemma_.lower() in agent_verbs
    if token.dep_ == "pobj" and head.dep_ == "agent":
        return head.head.lemma_.lower() in agent_verbs
    return False


def in_quotation_marks(token: Token) -> bool:
    """Whether a token stands inside quotation marks opened earlier in its sentence."""
    before = token.doc[token.sent.start:token.i]
    curly = sum(t.text == OPENING_QUOTE for t in before) - sum(t.text == CLOSING_QUOTE for t in before)
    return curly > 0 or sum(t.text == STRAIGHT_QUOTE for t in before) % 2 == 1


def sayer_of_clause(pronoun: Token, agent_verbs: frozenset[str]) -> Token | None:
    """The subject of the speech or decision verb whose reported clause holds `pronoun` as
    its subject ("the task force said it had staged 24 airstrikes") or anywhere as a
    possessor ("Israel said one of its soldiers may have been captured"): that sayer.
    "the group issued a statement saying it was responsible": the group. None elsewhere, and
    for an "it" that stands for a clause ("said it was not clear who carried out the
    strikes", "said it may be too late"; `is_expletive`), or for a pronoun in the sayer's own
    words, where the sayer would say "we" or "I" ("“They began attacking worshipers,”
    the ministry said": the attackers)."""
    if is_expletive(pronoun) or in_quotation_marks(pronoun):
        return None
    if pronoun.dep_ in SUBJECT_DEPS:
        clause = pronoun.head
    elif pronoun.dep_ == POSSESSOR:
        clause = pronoun.head
        for _ in range(SAYER_CLIMB):
            if clause.dep_ == CLAUSE_DEP or clause.head.i == clause.i:
                break
            clause = clause.head
    else:
        return None
    if clause.dep_ != CLAUSE_DEP:
        return None
    verb = clause.head
    if verb.lemma_.lower() not in agent_verbs:
        return None
    for _ in range(3):  # "saying" hangs on "a statement", which hangs on "issued"
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects[0]
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def main_clause_subject(pronoun: Token) -> Token | None:
    """The subject of the clause an adverbial clause hangs on, when `pronoun` is that
    adverbial clause's subject ("the United States breached Iraqi sovereignty when it
    killed Soleimani": the United States), else None; None for a person's name, which "it"
    never stands for, nor for whose the person is ("Britain's Foreign Secretary Jeremy Hunt
    warned Iran ... if it does not release the tanker": not Britain)."""
    clause = pronoun.head
    if pronoun.dep_ not in SUBJECT_DEPS or clause.dep_ != ADVERBIAL_CLAUSE or is_expletive(pronoun):
        return None
    subject = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    return None if subject is None or subject.ent_type_ == PERSON_LABEL else subject


def leading_clause_subject(pronoun: Token) -> Token | None:
    """The subject of an adverbial clause that opens the sentence before `pronoun`, when the
    pronoun is the main clause's subject ("When Trump gave equal credence to Putin, he
    surrendered the leverage": Trump), else None."""
    if pronoun.dep_ not in SUBJECT_DEPS or is_expletive(pronoun):
        return None
    opening = [c for c in pronoun.head.children if c.dep_ == ADVERBIAL_CLAUSE and c.i < pronoun.i]
    return next((s for clause in opening for s in clause.children if s.dep_ == "nsubj"), None)


def main_subject_of_opening_participle(pronoun: Token) -> Token | None:
    """For a possessive inside a participle clause with no subject that opens its sentence,
    the main clause's subject, named after it ("Concluding his trip to Israel, President Obama
    visited Bethlehem": Obama's trip), else None."""
    if pronoun.dep_ != POSSESSOR:
        return None
    clause = next((t for t in pronoun.ancestors if t.pos_ in CLAUSE_VERB_POS), None)
    if clause is None or clause.dep_ != ADVERBIAL_CLAUSE or clause.i > clause.head.i \
            or any(c.dep_ in OWN_SUBJECT_OR_MARKER_DEPS for c in clause.children):
        return None
    return next((s for s in clause.head.children if s.dep_ in ACTIVE_OR_PASSIVE_SUBJECT_DEPS), None)


def owner_named_after(noun: Token, token_actor: Mapping[int, Actor]) -> Actor | None:
    """The actor a description's "of" names ("the regime of President Bashar al-Assad":
    Assad), from the mentions resolved by name (`token_actor`: token index -> actor), or None."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == OWNER_PREPOSITION:
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.i in token_actor:
                    return token_actor[obj.i]
    return None


def ends_a_name(doc: Doc, start: int) -> bool:
    """Whether the words from `start` end a longer proper name: a capitalised proper noun
    right before them ("the Symbionese Liberation Army")."""
    return start > 0 and doc[start - 1].pos_ == PROPER_NOUN and doc[start - 1].text[:1].isupper()


def name_set_beside(noun: Token, token_actor: Mapping[int, Actor], types: frozenset[str]) -> Actor | None:
    """The actor of one of `types` that a name right beside a description names ("the
    Islamist group Hamas", "the group, Hamas,"): the description's apposition, the name it
    is compounded into or the proper noun right after it (which the parser may read as the
    subject of a clause on it: "the militant group Hezbollah fired"), from the mentions
    resolved by name (`token_actor`), or None. Of another type it is no name of it ("the
    rebels Russia backs")."""
    named = [c for c in noun.children if c.dep_ == APPOSITION_DEP]
    if noun.dep_ == COMPOUND_DEP:
        named.append(noun.head)
    if noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].pos_ == PROPER_NOUN:
        named.append(noun.doc[noun.i + 1])
    return next((token_actor[t.i] for t in named if t.i in token_actor and token_actor[t.i].type in types), None)


def is_expletive(pronoun: Token) -> bool:
    """Whether "it" is the subject of a linking verb whose adjective judges a clause ("it was
    not clear who ...", "it may be too late to ...", "after it became clear that ..."),
    standing for no one."""
    verb = pronoun.head
    return pronoun.lower_ == "it" and pronoun.dep_ in SUBJECT_DEPS and verb.lemma_.lower() in LINKING_VERBS \
        and any(c.dep_ == ADJECTIVE_COMPLEMENT and c.lemma_.lower() in JUDGING_ADJECTIVES for c in verb.children)


def is_side_of_relation(token: Token) -> bool:
    """Whether a noun is one side of "between/among X and Y" ("talks between Israelis and
    Egyptians"): the sides are parties, not people who are there."""
    token = subject_role_token(token)
    return token.dep_ == "pobj" and token.head.lower_ in SIDES_PREPOSITIONS


def used_as_adjective(span: Span) -> bool:
    """Whether a name ends in an adjective on a noun after it that no organisation's name
    holds: a nationality describing someone ("The Australian man accused of shooting" is no
    newspaper; "The Independent newspaper", which the NER calls an organisation, is)."""
    last = span[-1]
    return last.pos_ == "ADJ" and last.dep_ == "amod" and last.head.i >= span.end \
        and last.ent_type_ != ORGANISATION_LABEL


def after_stance_prefix(doc: Doc, i: int) -> bool:
    """Whether token i follows "pro-"/"anti-"/"non-" ("pro-Russian insurgents" are not Russia's)."""
    return i >= 2 and doc[i - 1].text in HYPHENS and not doc[i - 2].whitespace_ \
        and doc[i - 2].lower_ in STANCE_PREFIXES


def is_locative(token: Token, locative_prepositions: frozenset[str]) -> bool:
    """Whether a place name is the object of a locative preposition ("in Syria", "to Kyiv")."""
    token = subject_role_token(token)
    return token.dep_ == "pobj" and token.head.lower_ in locative_prepositions


def without_article(text: str) -> str:
    """A name without a leading "the" ("the Pentagon" and "Pentagon" are one name)."""
    return text[4:] if text[:4].lower() == "the " else text


def pick_by_context(actors: Sequence[Actor], country_counts: Counter, text: str = "") -> Actor | None:
    """One actor for an ambiguous alias, chosen by the countries the document is about; where
    they favour none, the one the alias `text` is the name of ("Taliban": the Afghan Taliban,
    unless the story is about Pakistan, where it is the Pakistani Taliban).

    Returns None (unresolved) when neither decides: a wrong guess is worse than no answer.
    """
    if len(actors) == 1:
        return actors[0]
    scores = [(country_counts.get(a.country, 0), a) for a in actors]
    best = max(score for score, _ in scores)
    winners = [a for score, a in scores if score == best]
    if best > 0 and len(winners) == 1:
        return winners[0]
    named = [a for a in winners if normalise(a.name) == normalise(text)]
    return named[0] if len(named) == 1 else None


def skeleton(text: str) -> str:
    """Consonant skeleton of a name: transliterations differ mostly in vowels and doubling.

    "Kataeb Hizbullah" and "Kataib Hezbollah" share the skeleton "ktbhzblh".
    """
    bare = VOWELS.sub("", normalise(text))
    return re.sub(r"(.)\1+", r"\1", bare)


def words_align(query: str, key: str) -> bool:
    """Whether two names agree word by word (same count, each word close or same skeleton).

    Whole-string similarity alone lets generic words carry the score: "Zorgon Liberation
    Front" is 89% like "Oromo Liberation Front" but "zorgon" is nothing like "oromo". A shared
    skeleton needs some likeness of spelling too: "Husayn" is a spelling of "Hussein" (62%),
    "Curran" is no spelling of "Cornyn" (50%, both "crn").
    """
    left, right = query.split(), key.split()
    return len(left) == len(right) and all(
        (ratio := fuzz.ratio(a, b)) >= WORD_MIN_RATIO
        or (ratio >= SKELETON_WORD_MIN_RATIO and skeleton(a) == skeleton(b)) for a, b in zip(left, right))


def fuzzy_match(text: str, choices: Sequence[str], threshold: float) -> tuple[str, float] | None:
    """The closest alias key to `text` and its score (0..100), or None below threshold.

    A key must align word by word with the text and either reach the edit-distance
    threshold or share its consonant skeleton (a transliteration variant, scored at the
    threshold). A single word must be nearly identical: one-word names are short and
    common words sit close to them ("Republican" is 90% "Repubblica").
    """
    query = normalise(text)
    shape = skeleton(query)
    single_word = " " not in query
    for key, score, _ in process.extract(query, choices, scorer=fuzz.ratio,
                                         score_cutoff=SKELETON_MIN_RATIO, limit=FUZZY_CANDIDATES):
        if not words_align(query, key):
            continue
        if score >= (max(threshold, SINGLE_WORD_MIN_RATIO) if single_word else threshold):
            return key, score
        if not single_word and len(shape) >= SKELETON_MIN_LENGTH and shape == skeleton(key):
            return key, threshold
    return None


def short_form_antecedent(words: Sequence[str], persons: Sequence[tuple[tuple[str, ...], object]]):
    """The latest earlier person whose name ends with these words ("Soleimani").

    words: the lower-cased tokens of the short form; persons: (lower-cased name tokens,
    resolution) pairs in document order. Returns that resolution or None.
    """
    words = tuple(words)
    for name, resolution in reversed(persons):
        if len(name) > len(words) and name[-len(words):] == words:
            return resolution
    return None


def outlet_short_form(words: Sequence[str], outlets: Sequence[Actor]) -> Actor | None:
    """The latest of the outlets named before whose name or alias ends with these lower-cased
    words and is longer ("times" of "The New York Times", "post" of "The Washington Post"),
    or None."""
    return short_form_antecedent(words, [(tuple(normalise(name).split()), outlet)
                                         for outlet in outlets for name in outlet.aliases])


def name_containing(word: str, persons: Sequence[tuple[tuple[str, ...], object]]):
    """The latest earlier multi-word person name holding this word ("ghani" in "Abdul Ghani
    Baradar"): a one-word alias of someone else ("Ghani" the president) is then that person.
    Not a family name before a generation ("trump" of "Donald Trump Jr."): the son goes by
    "Trump Jr.", a bare "Trump" stays the one the alias names.

    persons: (lower-cased name tokens, resolution) pairs in document order.
    """
    for name, resolution in reversed(persons):
        if len(name) > 1 and word in name and not (name[-1] in GENERATIONS and name[-2] == word):
            return resolution
    return None


def anaphor_antecedent(types: frozenset[str], history: Sequence[Actor], country: str | None = None) -> Actor | None:
    """The most recent earlier actor of one of these types ("the group" -> last militia),
    of that country when the description names one ("the Somali group")."""
    for actor in reversed(history):
        if actor.type in types and (country is None or actor.country == country):
            return actor
    return None


def description_start(doc: Doc, noun, max_qualifiers: int) -> int | None:
    """Index of the "the" that opens a qualified description ending at `noun` ("the Islamic
    militants"), or None: every word between must qualify the noun (be in its left subtree)
    and none may be a possessive, a number or a punctuation mark other than a hyphen."""
    for start in range(noun.i - 1, max(-1, noun.i - max_qualifiers - 2), -1):
        token = doc[start]
        if token.lower_ == "the":
            return start if token.head.i == noun.i and start < noun.i - 1 else None
        if token.text in POSSESSIVE or token.like_num or (token.is_punct and token.text not in HYPHENS) \
                or noun.i not in {a.i for a in token.ancestors}:
            return None
    return None


def is_lone_qualifier(span: Span, label: str) -> bool:
    """Whether a one-word NORP entity only qualifies a noun ("Islamic militants", "Shiite
    fighters"): a religion or ethnicity, not an actor."""
    token = span[0]
    return label == "NORP" and len(span) == 1 and token.dep_ in {"amod", "compound", "nmod"} \
        and token.head.pos_ == "NOUN" and token.head.i > token.i


def is_stance_word(span: Span) -> bool:
    """Whether an entity is a stance prefix on one name ("Anti-Assad", "pro-Russian"): an
    attitude that qualifies a noun, not an actor."""
    return len(span) == 3 and after_stance_prefix(span.doc, span.start + 2)


def names_a_post(span: Span, kind: str) -> bool:
    """Whether a role title names a post someone holds: an office ("minister"), or a rank
    written as a common noun ("Iran's top general"; "Gen." before a name is a title)."""
    return kind == OFFICE_KIND or (kind == RANK_KIND and span[-1].pos_ == "NOUN" and span.text.islower())


def names_members(token: Token) -> bool:
    """Whether an organisation's name qualifies its members ("the NATO member", "EU member
    states", "NATO allies"): they are states of their own, not the organisation."""
    return token.dep_ in NOUN_MODIFIER_DEPS | {"nmod"} and token.head.i > token.i \
        and token.head.lemma_.lower() in MEMBER_NOUNS


def sentence_bounds(doc: Doc, i: int) -> tuple[int, int]:
    """(start, end) of the sentence holding token i; the whole Doc when it has no sentences."""
    if not doc.has_annotation("SENT_START"):
        return 0, len(doc)
    sent = doc[i].sent
    return sent.start, sent.end


def prefix_tokens(doc: Doc, start: int) -> range:
    """The title prefix left of a name: "IRGC Quds Force commander" in "... commander X"."""
    sent_start = sentence_bounds(doc, start - 1)[0] if start > 0 else 0
    i = start - 1
    while i >= sent_start and start - i <= PREFIX_MAX_TOKENS:
        token = doc[i]
        if token.text not in POSSESSIVE and (token.is_punct or token.pos_ in PREFIX_STOP_POS):
            break
        i -= 1
    return range(i + 1, start)


def apposition_after(doc: Doc, end: int) -> range:
    """The appositive after a name: ", a top adviser to X" up to the next clause mark.

    An appositive is a noun phrase, so a verb ends it: in "X, Ukrainian Defense Minister
    Y denied it" nothing after the comma describes X.
    """
    if end >= len(doc) or doc[end].text != ",":
        return range(0)
    sent_end = sentence_bounds(doc, end)[1]
    stop = end + 1
    while (stop < sent_end and stop - end <= APPOSITION_MAX_TOKENS and doc[stop].text not in CLAUSE_PUNCT
           and doc[stop].pos_ not in CLAUSE_VERB_POS):
        stop += 1
    return range(end + 1, stop)


def apposition_before(doc: Doc, start: int) -> range:
    """The appositive before a name: "the commander of the Quds Force, X", back to the verb
    before it ("after Bolton ended the meeting with Ukraine's top security official, X": the
    official is Ukraine's, not Bolton's)."""
    if start < 2 or doc[start - 1].text != ",":
        return range(0)
    sent_start = sentence_bounds(doc, start - 1)[0]
    first = start - 1
    while first > sent_start and start - first <= APPOSITION_MAX_TOKENS and doc[first - 1].text not in CLAUSE_PUNCT \
            and doc[first - 1].pos_ not in CLAUSE_VERB_POS:
        first -= 1
    return range(first, start - 1)


def region_actors(doc: Doc, region: range, token_actor: Mapping[int, Actor], kb: ActorKB) -> list[tuple[int, Actor]]:
    """(token index, actor) for actors named in a region, demonym adjectives included, also
    those of two words ("North Korean")."""
    found: list[tuple[int, Actor]] = []
    for i in region:
        actor = token_actor.get(i)
        if actor is None and not after_stance_prefix(doc, i) and not _opens_an_organisation_name(doc, i):
            demonym = demonym_ending_at(doc, i, kb, region.start)
            actor = kb.get(demonym[1]) if demonym else None
        if actor is not None and (not found or found[-1][1] is not actor):
            found.append((i, actor))
    return found


def _opens_an_organisation_name(doc: Doc, i: int) -> bool:
    """Whether token i begins or continues an organisation's name with a capitalised word
    after it ("the Syrian Emergency Task Force", "the Iraqi Christian Relief Council"): a
    demonym there names the organisation, not its state."""
    following = doc[i + 1] if i + 1 < len(doc) else None
    return doc[i].ent_type_ == ORGANISATION_LABEL and following is not None and following.ent_iob_ == INSIDE \
        and following.ent_type_ == ORGANISATION_LABEL and following.text[:1].isupper()


def demonym_ending_at(doc: Doc, i: int, kb: ActorKB, first: int = 0) -> tuple[int, str] | None:
    """(first token, ISO3) of the demonym whose last word is token i, of two words where
    they spell one ("North Korean", "South Sudanese": not Sudan's), no earlier than token
    `first`; None when token i ends none."""
    if i > first:
        iso = kb.adjectives.get(f"{doc[i - 1].lower_} {doc[i].lower_}")
        if iso:
            return i - 1, iso
    iso = kb.adjectives.get(doc[i].lower_)
    return (i, iso) if iso else None


def actor_for_role(org: Actor, sector: str | None, kb: ActorKB) -> Actor:
    """The actor a role holder acts for: a state's sector body, a person's organisation."""
    if org.type == "state":
        return kb.sector_actor(org.country, sector or "GOV") or org
    return kb.organisation_of(org)


def sector_near(roles: Sequence[tuple[int, int, Role]], after: int) -> str | None:
    """Sector of the first office or rank at or after token `after` (else any), or None."""
    ranked = [r for i, _, r in roles if r.sector and i >= after] or [r for _, _, r in roles if r.sector]
    return ranked[0].sector if ranked else None


def link_region(
    doc: Doc, region: range, roles: Sequence[tuple[int, int, Role]], token_actor: Mapping[int, Actor],
    kb: ActorKB, own_role: str,
) -> RoleLink | None:
    """Role link from one region around a name.

    roles: (start, end, Role) hits inside the region. own_role: which hit is the person's
    own title: "last" for a prefix ("Iran's Supreme Leader's adviser X"), "first" for an
    apposition (", a top adviser to ..."). The organisation is the first actor named in the
    region; in an apposition, the one qualifying the person's own title ("the US envoy for
    North Korea", "a senior North Korean diplomat at the UN": the US, North Korea), else the
    first after it. A title followed by another name is that name's title, not ours.
    """
    if not roles:
        return None
    own_index, own_end, own = roles[-1] if own_role == "last" else roles[0]
    if own_role == "first" and own_end < region.stop and doc[own_end].pos_ == "PROPN":
        return None
    candidates = region_actors(doc, region, token_actor, kb)
    if own_role == "first":
        qualifying = [(i, a) for i, a in candidates if i < own_index]
        candidates = qualifying[-1:] or [(i, a) for i, a in candidates if i >= own_index] or candidates
    if not candidates:
        return None
    org_index, org = candidates[0]
    return RoleLink(own, actor_for_role(org, sector_near(roles, org_index), kb))

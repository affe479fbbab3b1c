"""Casualty counts of a sentence (PLOVER `size`): how many were killed, injured, arrested.

A count comes from a `Quantity` whose noun a casualty word governs, modifies or is said of
("killed 12 civilians", "12 civilians were killed", "50 protesters are reported dead"),
also through a partitive ("all four of the attackers were killed"). A casualty verb whose
victim is one indefinite singular noun naming a person counts one ("a security guard was
killed": dead 1), its evidence the noun phrase; a named victim is counted by no number in
the text and gets none. The doer of a casualty verb with an object counts no victims ("two
bombs killed 100 people": 100 dead, not 2; "four bombers who killed 52 people": 52). A
tally names its field ("the death toll rose to 57": 57 dead).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from sitrep.events.candidates import SentenceMentions
from sitrep.events.fields import DIRECT_OBJECT_DEPS, SUBJECT_DEPS, children_on, counted_token
from sitrep.events.lexicon import RELATIVE_CLAUSE, Ontology, TriggerLexicon
from sitrep.events.triggers import PARTITIVE, in_noun_class
from sitrep.model import Quantity
from sitrep.nlp.extensions import evidence_of

# Predicates of a counted subject: "50 protesters are reported dead", "1,500 are injured".
PREDICATE_DEPS = frozenset({"acomp", "oprd", "xcomp", "attr"})
# The victim slots of a casualty verb: the passive subject, else the object.
VICTIM_DEPS = ("nsubjpass", "dobj")
INDEFINITE_ARTICLES = frozenset({"a", "an"})
SINGULAR_NOUN = "NN"
SINGULAR_CONFIDENCE = 0.6
# The noun class of people (kb/event_triggers.jsonl): only a person counts as one victim
# ("a guard was killed"; "executed a mission", "captured a town" count nobody).
PEOPLE_CLASS = "captives"
# Words before "with" that join its object to what befell the subject ("killed along with five others").
COMPANION_WORDS = frozenset({"along", "together"})
# Nouns whose value a number gives ("the death toll rose to 57", "the number killed reached 30").
TALLY_NOUNS = frozenset({"toll", "number", "tally", "count", "figure"})
RELATIVE_PRONOUN_TAGS = frozenset({"WP", "WDT"})
# Size fields that count only people: "captured 16 villages" arrested nobody.
CAPTIVE_FIELDS = frozenset({"arrested"})


def find_size(sent: Span, mentions: SentenceMentions, ontology: Ontology, lexicon: TriggerLexicon) -> dict[str, Quantity]:
    """Casualty counts of the sentence by size field ("dead", "injured", "arrested"); an
    event keeps those outside the clauses of other happenings (`fields.in_other_clause`)."""
    size: dict[str, Quantity] = {}
    people = lexicon.noun_class(PEOPLE_CLASS)
    for quantity in mentions.quantities:
        counted = counted_token(sent, quantity)
        if counted is None or quantity.value is None:
            continue
        fields = [f for f in _casualty_fields(_through_partitive(counted), ontology)
                  if f not in size and (f not in CAPTIVE_FIELDS or counted.like_num or in_noun_class(counted, people))]
        if fields:
            size[fields[0]] = quantity
    for field, quantity in _singular_victims(sent, ontology, people).items():
        size.setdefault(field, quantity)
    return size


def _through_partitive(counted: Token) -> Token:
    """The number of "<number> of the <noun>" when `counted` is that noun: it holds the
    phrase's place in the clause ("all four of the terrorists have been killed")."""
    preposition = counted.head
    if counted.dep_ == "pobj" and preposition.lower_ == PARTITIVE and preposition.head.like_num:
        return preposition.head
    return counted


def _casualty_fields(counted: Token, ontology: Ontology) -> list[str]:
    """The size fields of the casualty words that govern, modify or are said of `counted`,
    nearest first."""
    doer = counted.dep_ in SUBJECT_DEPS and bool(children_on([counted.head], DIRECT_OBJECT_DEPS))
    # Two words up only through a word that is no verb of its own ("the 12 killed" through a
    # noun, not "planted two bombs" under "was captured").
    above = [counted.head] + ([counted.head.head] if counted.head.pos_ != "VERB" else [])
    if above[-1].lower_ in COMPANION_WORDS:  # "was killed ... along with five other members"
        above.append(above[-1].head)
    near = ([] if doer else above) + [c for c in counted.children if not _done_by(counted, c)]
    near += [c for c in counted.head.children if c.dep_ in PREDICATE_DEPS]
    near += _tally_words(counted)
    if counted.dep_ == "pobj" and counted.head.lower_ == PARTITIVE:  # "most of the 126 dead", the parser's "dead" on "most"
        near += [c for c in counted.head.head.children if c.i > counted.i]
    fields = [ontology.size_lemmas.get(word.lemma_.lower()) or ontology.size_lemmas.get(word.lower_) for word in near]
    return [field for field in fields if field]


def _tally_words(counted: Token) -> list[Token]:
    """The words of a tally a number is the value of ("the death toll rose to 57", "the
    number of Palestinians killed has risen to 37", "the toll reached 30", "raised the number
    of dead to 10")."""
    verb = counted.head.head if counted.dep_ == "pobj" else counted.head if counted.dep_ in DIRECT_OBJECT_DEPS else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return []
    tallies = [c for c in verb.children if c.dep_ in SUBJECT_DEPS | DIRECT_OBJECT_DEPS and c.lemma_.lower() in TALLY_NOUNS
               and c.i != counted.i]
    return [t for tally in tallies for t in tally.subtree]


def _done_by(noun: Token, clause: Token) -> bool:
    """Whether a relative clause on `noun` tells what it did to others ("four suicide
    bombers who killed 52 people": the bombers are no dead)."""
    return clause.dep_ == RELATIVE_CLAUSE and bool(children_on([clause], DIRECT_OBJECT_DEPS)) and any(
        c.dep_ in SUBJECT_DEPS and c.tag_ in RELATIVE_PRONOUN_TAGS for c in clause.children)


def _singular_victims(sent: Span, ontology: Ontology, people: frozenset[str]) -> dict[str, Quantity]:
    """One victim per casualty verb whose victim is "a/an" and a singular noun of `people`."""
    found: dict[str, Quantity] = {}
    for verb in sent:
        field = ontology.size_lemmas.get(verb.lemma_.lower()) if verb.pos_ == "VERB" else None
        victim = next((c for dep in VICTIM_DEPS for c in verb.children if c.dep_ == dep), None) if field else None
        if victim is None or victim.tag_ != SINGULAR_NOUN or victim.conjuncts or not in_noun_class(victim, people):
            continue
        article = next((c for c in victim.children if c.dep_ == "det" and c.lower_ in INDEFINITE_ARTICLES), None)
        if article is not None and field not in found:
            doc = sent.doc
            phrase = evidence_of(doc, article.idx, victim.idx + len(victim.text))
            unit = evidence_of(doc, victim.idx, victim.idx + len(victim.text))
            found[field] = Quantity(phrase, 1.0, 1.0, 1.0, "exact", unit, confidence=SINGULAR_CONFIDENCE)
    return found

"""Phrases of a trigger that name its target, by their shape in the parse: target
prepositions ("attacked at X" is no target when X is a date), "in the direction of X", an
approximated count the parser takes for a preposition, the "from" phrase of a verb of taking,
nouns of the object the parser misread as a bare verb, the patient a subjectless passive
shares with the verb it hangs on, a stranded subject or a relative clause's antecedent,
the cause of a harm ("died in an explosion"), and the object of a later act conjoined to
the trigger ("attacked and killed a civilian").

Examples
--------
>>> import spacy
>>> from spacy.tokens import Doc
>>> doc = Doc(spacy.blank("en").vocab, words="fired in the direction of positions".split(),
...           heads=[0, 0, 3, 1, 3, 4], deps=["ROOT", "prep", "det", "pobj", "prep", "pobj"],
...           lemmas=["fire", "in", "the", "direction", "of", "position"])
>>> [t.text for t in direction_objects(doc[1])]
['positions']
"""

from __future__ import annotations

from kg.extract.clauses import patients, stranded_subject
from kg.extract.phrases import NAMED_PLACES, ActorAt, phrase_actors
from kg.extract.role_words import (AIMED_PREPS, BETWEEN_IS_TARGET, CAUSE_PREPS,
                                   DIRECTION_NOUNS, RELATIONAL_NOUNS, SUFFERING_VERBS,
                                   TAKING_VERBS, TARGET_PREPS, THROWING_VERBS,
                                   WITH_IS_TARGET)
from kg.extract.sides import two_sided
from kg.extract.triggers import REPORTING_VERBS, obligation_clause, trigger_type


def target_prep(trigger, prep) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``prep``, a preposition on ``trigger``, names its target: "attacked on X",
    "fired towards X", "clashed with X" (with a trigger of two sides), "an ally of X", "mediated
    between X and Y"; not a time ("on 5 January") nor "with" of company ("came with X")."""
    if prep.dep_ == "prep" and prep.lower_ == "of" and trigger.lemma_.lower() in RELATIONAL_NOUNS:
        return True
    if prep.dep_ == "prep" and prep.lower_ == "between":
        return trigger.pos_ == "VERB" and trigger.lemma_.lower() in BETWEEN_IS_TARGET
    if prep.dep_ != "prep" or prep.lower_ not in TARGET_PREPS or temporal(prep):
        return False
    return prep.lower_ != "with" or trigger.lemma_.lower() in WITH_IS_TARGET


def direction_objects(prep) -> list:  # type: ignore[no-untyped-def,type-arg]
    """What "in the direction of X" points at: X, the object of the direction noun's "of"."""
    if prep.dep_ != "prep" or prep.lower_ not in ("in", "towards", "toward"):
        return []
    return [g for noun in prep.children if noun.dep_ == "pobj"
            and noun.lemma_.lower() in DIRECTION_NOUNS for of in noun.children
            if of.dep_ == "prep" and of.lower_ == "of" for g in of.children if g.dep_ == "pobj"]


def temporal(prep) -> bool:  # type: ignore[no-untyped-def]
    """Whether a preposition's object is a time: "On 5 January" dates an act, aims at nothing."""
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


APPROXIMATORS = frozenset({"around", "about", "over", "nearly", "approximately", "almost",
                           "roughly", "some"})
"""Words that make a number approximate, which a parser may take for a preposition."""


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
BARE_OR_PRESENT = frozenset({"VB", "VBP"})


def misread_conjuncts(verb) -> list:  # type: ignore[no-untyped-def,type-arg]
    """Conjuncts of a finite ``verb`` in the bare or present form, not its own, with no subject
    or auxiliary of their own: no verb of the clause (a bare form cannot be conjoined to a
    finite one, nor a present to a past) but a noun of its object the parser misread ("fired
    mortars and grenade launchers at X"), whose phrases are the verb's."""
    if verb.tag_ not in FINITE_TAGS:
        return []
    return [c for c in verb.children if c.dep_ == "conj" and c.tag_ in BARE_OR_PRESENT
            and c.tag_ != verb.tag_ and not any(
                g.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for g in c.children)]


def counted_object(prep) -> bool:  # type: ignore[no-untyped-def]
    """Whether a verb's "preposition" approximates its counted object ("killed around 25")."""
    return prep.dep_ == "prep" and prep.lower_ in APPROXIMATORS and any(
        g.dep_ == "pobj" and any(n.dep_ == "nummod" for n in g.children) for g in prep.children)


def deprived(verb, actor_at: ActorAt) -> list[str]:  # type: ignore[no-untyped-def]
    """Whom a verb of taking deprives: its "from" phrases (:func:`from_phrases`)."""
    if verb.lemma_.lower() not in TAKING_VERBS:
        return []
    return [k for p in from_phrases(verb) for g in p.children if g.dep_ == "pobj"
            for k in phrase_actors(g, actor_at)]


OWN_PHRASES = frozenset({"dobj", "prep", "dative", "prt"})
"""Dependents of a verb whose words are its own phrase: its object and prepositional phrases,
not its subject nor a clause of its own."""


def from_phrases(verb) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The "from" phrases of a verb, on it or anywhere in its object and prepositional phrases
    ("took control of a village in X from Y": the parser hangs "from" on a place)."""
    return [w for c in verb.children if c.dep_ in OWN_PHRASES for w in c.subtree
            if w.dep_ == "prep" and w.lower_ == "from"]


def aimed_objects(verb, actor_at: ActorAt) -> list[str]:  # type: ignore[no-untyped-def]
    """What a verb of sending a weapon aimed at, where the parser hung the aimed phrase on the
    weapon it sent, its object: "lobbed a grenade at soldiers", "fired 40 mm rounds at the
    police station" (the rounds are what was fired, the station what they were fired at)."""
    if verb.lemma_.lower() not in THROWING_VERBS:
        return []
    phrases = [p for o in verb.children if o.dep_ == "dobj" for p in o.children
               if p.dep_ == "prep" and p.lower_ in AIMED_PREPS and not temporal(p)]
    return [k for p in phrases for g in p.children if g.dep_ == "pobj"
            for k in phrase_actors(g, actor_at)]


RELATIVE_PRONOUNS = frozenset({"who", "that"})
"""Relative pronouns of people or groups: as a subject they stand for their antecedent
("soldiers who entered the village"); "which" speaks of things."""


def relative_pronoun(token) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``token`` is a relative pronoun that stands for people ("who", "that")."""
    return token.lower_ in RELATIVE_PRONOUNS and token.tag_ in ("WP", "WDT")


def restrictive(pronoun) -> bool:  # type: ignore[no-untyped-def]
    """A relative clause that is no aside after a comma ("Sharon, who has vowed ...")."""
    return pronoun.i == 0 or pronoun.doc[pronoun.i - 1].text != ","


def shared_patient(verb, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """The patient of a subjectless passive ``verb`` told by the verb it hangs on
    (:func:`patients`)."""
    return tuple(k for c in patients(verb) for k in phrase_actors(c, actor_at))


def placed_targets(verb, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """The subject the parser stranded on a place name before a verb ("in Tlaxco, Morelos, a
    man was shot"), else a restrictive relative clause's antecedent ("the soldiers that ISIS
    took captive")."""
    stranded = stranded_subject(verb)
    found = phrase_actors(stranded, actor_at) if stranded is not None else ()
    if not found and verb.dep_ == "relcl" and not any(
            c.dep_ == "nsubj" and relative_pronoun(c) for c in verb.children):
        found = phrase_actors(verb.head, actor_at)
    return found


def obliged(verb, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """Whom a reporting verb's clause of obligation binds: "said X must withdraw"."""
    clause = obligation_clause(verb) if verb.lemma_.lower() in REPORTING_VERBS else None
    return tuple(k for c in (clause.children if clause is not None else ())
                 if c.dep_ in ("nsubj", "nsubjpass") for k in phrase_actors(c, actor_at))


def in_phrase_of(noun, head) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``noun`` lies in a prepositional phrase of ``head`` with no verb between: the
    parser may hang a participle on the nearest noun ("an offensive in the direction of X,
    clashing with Y")."""
    while noun.i != head.i and noun.head.i != noun.i and noun.pos_ != "VERB":
        noun = noun.head
    return noun.i == head.i


def suffered(noun, first, head) -> bool:  # type: ignore[no-untyped-def]
    """Whether an event noun is the cause of a harm its verb tells no event of: "a civilian
    died in an explosion"; not a two-sided act, in which who dies took part ("died in clashes")."""
    return first.dep_ == "pobj" and first.head.lower_ in CAUSE_PREPS and head.pos_ == "VERB" \
        and head.lemma_.lower() in SUFFERING_VERBS and trigger_type(head) is None \
        and not two_sided(noun)


def conjoined_targets(verb, actor_at: ActorAt) -> list[str]:  # type: ignore[no-untyped-def]
    """Targets of the object of an event verb conjoined to ``verb`` that shares its subject:
    the object both verbs take ("attacked and killed a civilian"), or the victims of the act
    that carried out ``verb`` when its own object is no actor ("attacked the village and
    killed one woman"). A named object ("shelled Juba") is itself what the act was aimed at.
    A participle ("..., killing 20 people") is not such an act: its victims may be others than
    those the act was aimed at ("opened fire to disperse demonstrators, killing one person")."""
    if any(c.dep_ in ("dobj", "nsubjpass") and (c.pos_ == "PROPN" or c.ent_type_ in NAMED_PLACES)
           for c in verb.children):
        return []  # "shelled Juba, killing 20 people": the named place is what was shelled
    for conj in later_conjuncts(verb):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            break  # a verb with a subject of its own ends the shared subject's list
        if conj.pos_ != "VERB" or trigger_type(conj) is None:
            continue
        found = [k for c in conj.children if c.dep_ == "dobj" or target_prep(conj, c)
                 for g in ([c] if c.dep_ == "dobj" else c.children)
                 for k in phrase_actors(g, actor_at)]
        if found:  # "attacked and shot at a doctor"
            return found
    return []


def later_conjuncts(verb) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The words conjoined after ``verb``, in order, however the parser nests the chain ("a mob
    assaulted, burned, and killed a man": "killed" hangs on "burned")."""
    return sorted((c for c in verb.conjuncts if c.i > verb.i), key=lambda c: c.i)


__all__ = ["APPROXIMATORS", "BARE_OR_PRESENT", "FINITE_TAGS", "RELATIVE_PRONOUNS",
           "aimed_objects", "conjoined_targets", "counted_object", "deprived",
           "direction_objects", "from_phrases", "in_phrase_of", "later_conjuncts",
           "misread_conjuncts", "obliged", "placed_targets", "relative_pronoun", "restrictive",
           "shared_patient", "suffered", "target_prep", "temporal"]

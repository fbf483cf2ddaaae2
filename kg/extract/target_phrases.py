"""Phrases of a trigger that name its target, by their shape in the parse: target
prepositions ("attacked at X" is no target when X is a date), "in the direction of X", an
approximated count the parser takes for a preposition, the "from" phrase of a verb of taking,
and nouns of the object the parser misread as a bare verb.

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

from kg.extract.phrases import ActorAt, phrase_actors
from kg.extract.role_words import (BETWEEN_IS_TARGET, DIRECTION_NOUNS, RELATIONAL_NOUNS,
                                   TARGET_PREPS, WITH_IS_TARGET)


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


TAKING_VERBS = frozenset({"loot", "seize", "steal", "rustle", "extort", "confiscate", "snatch",
                          "grab", "plunder", "pillage", "take", "rob"})
"""Verbs of taking: their "from" phrase names whom they deprive ("looted cattle from herders")."""


def deprived(verb, actor_at: ActorAt) -> list[str]:  # type: ignore[no-untyped-def]
    """Whom a verb of taking deprives: its "from" phrase, on the verb or its object."""
    if verb.lemma_.lower() not in TAKING_VERBS:
        return []
    phrases = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"] + [
        p for o in verb.children if o.dep_ == "dobj" for p in o.children
        if p.dep_ == "prep" and p.lower_ == "from"]
    return [k for p in phrases for g in p.children if g.dep_ == "pobj"
            for k in phrase_actors(g, actor_at)]


__all__ = ["APPROXIMATORS", "BARE_OR_PRESENT", "FINITE_TAGS", "TAKING_VERBS", "counted_object", "deprived",
           "direction_objects", "misread_conjuncts", "target_prep", "temporal"]

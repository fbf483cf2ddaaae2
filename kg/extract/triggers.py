"""Event triggers: the type a token signals, from the trigger lexicon
(:mod:`kg.extract.lexicon`, read from ``ontology/event-types.ttl``).
"""

from __future__ import annotations

from kg.extract.lexicon import (FIRE_KINDS, NOUN_TRIGGERS, OBJECT_TRIGGERS, STRIKE_KINDS,
                                VERB_TRIGGERS)

REPORTING_VERBS = {"say", "declare", "announce", "reiterate", "conclude", "state", "stress",
                   "tell", "add", "write", "argue", "maintain", "repeat", "emphasize", "emphasise"}
"""Verbs that make a demand when what they report is an obligation: "said Libya must ..."."""
OBLIGATION_AUX = {"must"}


def obligation_clause(verb):  # type: ignore[no-untyped-def]
    """The complement clause of ``verb`` that states an obligation ("that China must drop
    barriers"), or None. Its subject is who the demand is made of."""
    return next((c for c in verb.children if c.dep_ == "ccomp" and any(
        a.dep_ == "aux" and a.lower_ in OBLIGATION_AUX for a in c.children)), None)



RELATION_NOUNS = {"tie", "ties", "relation", "relations", "link", "links"}
RELATION_VERBS = {"restore": "Support", "establish": "Support", "resume": "Support", "renew": "Support",
                  "normalize": "Support", "normalise": "Support", "strengthen": "Support",
                  "improve": "Support", "upgrade": "Support", "sever": "Sanction",
                  "cut": "Sanction", "break": "Sanction", "downgrade": "Sanction",
                  "suspend": "Sanction", "freeze": "Sanction"}
"""Verbs whose type depends on an object naming relations: "restore ties" vs "sever ties"."""


def trigger_type(token) -> str | None:  # type: ignore[no-untyped-def]
    """The event type a token triggers, if any."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        if lemma == "take" and any(c.lower_ in ("captive", "hostage") for c in token.children):
            return "Kidnap"
        if lemma in RELATION_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in RELATION_NOUNS
                                           for c in token.children):
            return RELATION_VERBS[lemma]  # "restore diplomatic ties with", "severed relations with"
        if lemma == "call" and any(c.lower_ in ("for", "on", "upon") for c in token.children):
            return "Demand"  # "called for a referendum", "called on Israel to ..."
        if lemma in REPORTING_VERBS and obligation_clause(token) is not None:
            return "Demand"  # "Russia said Sudan must return the helicopter"
        if lemma == "pull" and not any(c.lower_ in ("out", "back") for c in token.children):
            return None
        if lemma in OBJECT_TRIGGERS:
            return _object_trigger(token, lemma)
        return VERB_TRIGGERS.get(lemma)
    if token.pos_ in ("NOUN", "PROPN"):
        if token.i >= 2 and token.nbor(-1).text == "-" and not token.nbor(-1).whitespace_:
            joined = f"{token.nbor(-2).lower_}-{lemma}"  # "cease-fire" split in three tokens
            if joined in NOUN_TRIGGERS:
                return NOUN_TRIGGERS[joined]
        if lemma == "aid" and not any(c.lower_ == "military" for c in token.children):
            return None
        if lemma == "fire":  # "artillery, mortar, and rocket fire": the weapons before it
            return next((FIRE_KINDS[t.lemma_.lower()] for c in token.lefts for t in c.subtree
                         if t.lemma_.lower() in FIRE_KINDS), None)
        if lemma == "strike":
            return next((STRIKE_KINDS[c.lower_] for c in token.children if c.lower_ in STRIKE_KINDS),
                        None)
        if lemma == "call" and not any(c.lower_ in ("for", "on") for c in token.children):
            return None  # "calls for sanctions", not "a phone call"
        return NOUN_TRIGGERS.get(lemma)
    return None


def _object_trigger(verb, lemma: str) -> str | None:  # type: ignore[no-untyped-def]
    """The type of a verb that needs a fitting object: "send arms", "halt aid", "return weapons"."""
    objects, event_type = OBJECT_TRIGGERS[lemma]
    heads = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    heads += [g for c in verb.children if c.dep_ == "dative" for g in (c, *c.children)]
    heads += [g for h in list(heads) for g in h.children if g.dep_ in ("conj", "pobj", "compound")]
    heads += [g for h in list(heads) if h.lower_ == "of" or h.dep_ == "prep" for g in h.children]
    return event_type if any(h.lemma_.lower() in objects or h.lower_ in objects for h in heads) else None



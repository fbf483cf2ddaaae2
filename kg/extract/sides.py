"""The sides of a symmetric event: who fights, clashes or talks with whom.

A symmetric act ("X and Y clashed", "fighting between X and Y") has sides, not an agent and a
target: each side acts on the other. Its parties are told by a "between" phrase of the event
noun, or of the verb that only tells the noun happened ("fighting broke out between the army
and the rebels"), or by the conjoined subject of a symmetric predicate.

Examples
--------
>>> "clash" in RECIPROCAL_LEMMAS, "erupt" in OCCURRENCE_VERBS, sorted(OCCASION_PREPS)
(True, True, ['amid', 'amidst', 'during', 'in'])
"""

from __future__ import annotations

from kg.extract.participants import VIOLENT
from kg.extract.hyphenated import hyphen_joined
from kg.extract.triggers import trigger_type

RECIPROCAL_LEMMAS = frozenset({"clash", "fight", "skirmish", "exchange", "battle", "engage",
                               "confront", "shoot-out", "shootout", "gunfight", "firefight",
                               "confrontation"})
"""Symmetric predicates: their agents, with no target, act on each other ("X and Y clashed",
"exchanged fire"); an "offensive by X and Y" is no such act."""
OCCURRENCE_VERBS = frozenset({"erupt", "occur", "ensue", "happen", "break", "flare", "start",
                              "begin", "resume", "escalate", "rage", "continue"})
"""Verbs that tell an event noun happening: their "between A and B" names its parties
("fighting broke out between A and B", "gunfire erupted between A and B")."""
RECORDING_VERBS = frozenset({"report", "record", "register", "observe", "see", "witness"})
"""Verbs whose passive tells an event noun was seen happening: "a clash was reported between A
and B" names its parties as an occurrence verb does."""


def _tells_occurrence(verb) -> bool:  # type: ignore[no-untyped-def]
    """Whether a verb only tells its subject happened: an occurrence verb, or the idiom "take
    place" ("clashes took place between A and B")."""
    lemma = verb.lemma_.lower()
    return lemma in OCCURRENCE_VERBS or lemma == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)


def between_phrases(noun) -> list:  # type: ignore[no-untyped-def]
    """The "between" phrases of an event noun, or of the verb it is the subject of when that
    verb only tells it happened ("fighting broke out between the army and the rebels", "clashes
    took place between ...")."""
    own = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"]
    if own:
        return own
    verbs = [noun.head] if noun.dep_ == "nsubj" and _tells_occurrence(noun.head) or \
        noun.dep_ == "nsubjpass" and noun.head.lemma_.lower() in RECORDING_VERBS else []
    verbs += [c for c in noun.children if c.dep_ == "acl"  # the parser's "a clash [that] ensued"
              and _tells_occurrence(c)]  # and "a clash was reported between A and B"
    return [c for verb in verbs for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "between"]


def two_sided(token) -> bool:  # type: ignore[no-untyped-def]
    """Whether the trigger's agents are the sides of a symmetric act ("fighting between the army
    and X", "the army and X clashed"): each side is an agent, the ones the gazetteer knows and
    the ones it does not alike."""
    return bool(between_phrases(token)) or token.lemma_.lower() in RECIPROCAL_LEMMAS \
        or hyphen_joined(token) in RECIPROCAL_LEMMAS  # "a shoot-out"


OCCASION_PREPS = {"in", "during", "amid", "amidst"}
"""Prepositions of the event a harm happened in: "were injured in (during) a clash between ..."."""


def occasion(token, event_type: str):  # type: ignore[no-untyped-def]
    """The event noun a violent verb happened in, if it names a violent event of its own:
    "killed in a clash between supporters", "injured in an attack on the village"."""
    if event_type not in VIOLENT or token.pos_ != "VERB":
        return None
    return next((g for p in token.children if p.dep_ == "prep" and p.lower_ in OCCASION_PREPS
                 for g in p.children if g.dep_ == "pobj" and g.pos_ == "NOUN"
                 and trigger_type(g) in VIOLENT), None)


def mutual(token) -> bool:  # type: ignore[no-untyped-def]
    """The trigger tells a fight between sides ("X clashed with Y", "fighting between X and Y"),
    or a harm done in one ("a civilian was killed during a clash between X and Y", "soldiers shot
    sporadically when they clashed with policemen"): each side acts on the other, so a civilian
    among the dead makes it no attack on civilians."""
    noun = occasion(token, trigger_type(token) or "")
    return two_sided(token) or (noun is not None and two_sided(noun)) or any(
        c.dep_ == "advcl" and c.pos_ == "VERB" and two_sided(c) for c in token.children)


__all__ = ["OCCASION_PREPS", "OCCURRENCE_VERBS", "RECIPROCAL_LEMMAS", "RECORDING_VERBS",
           "between_phrases", "mutual", "occasion", "two_sided"]

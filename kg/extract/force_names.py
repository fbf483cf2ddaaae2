"""Forces named by their common noun, or organisations named like forces.

A capitalised mention of a state's forces by their common noun ("the Army", "Air Forces") names
no organisation: it is the generic forces of its context (:func:`common_force`). A force noun
that proper nouns of no state qualify ("the Lord's Resistance Army") names an organisation
(:func:`named_force`).
"""

from __future__ import annotations

from collections.abc import Callable

from kg.extract.member_bodies import NAMELESS
from kg.model import Actor

GenericAt = Callable[[object], Actor | None]
"""The generic agent a noun names, if any (:meth:`kg.extract.generic.GenericAgents.actor`)."""
ARTICLES = {"the", "a", "an"}
INSTITUTIONS = {"military", "police"}
"""Kinds of the state's armed institutions, whose noun, modifying another, names the owner: "a
police station" is the police's."""


FORCE_QUALIFIERS = frozenset({"air", "armed", "security", "ground", "naval", "special"})
"""Common words that qualify a noun of state forces in a capitalised mention ("Air Forces")."""


def common_force(ent, generic: GenericAt | None) -> bool:  # type: ignore[no-untyped-def]
    """A capitalised mention of a state's forces by their common noun ("the Army", "Air Forces",
    "Security Forces", "the Federal Police") names no organisation: it is the generic forces of
    its context."""
    actor = generic(ent.root) if generic is not None else None
    return actor is not None and actor.kind in INSTITUTIONS and all(
        t.i == ent.root.i or t.lower_ in ARTICLES or t.lower_ in STATE_BODY_WORDS for t in ent)


FORCE_HEADS = frozenset({"army", "force", "forces"})
"""Nouns of a force that a name may end with ("Lord's Resistance Army")."""
STATE_BODY_WORDS = FORCE_QUALIFIERS | frozenset({"national", "federal", "border", "state", "coast",
                                                 "royal", "republican", "presidential"})
"""Capitalised words that make a force's common noun the name of the state's body itself ("the
Federal Police", "the Border Police", "the National Army"), where "Defense Force" or "Task
Force" may name a band of the state's enemies or a unit of its own."""
STATE_FORCE_WORDS = STATE_BODY_WORDS | frozenset({
    "defence", "defense", "military", "task", "action", "joint", "mobile", "reaction",
    "intervention", "response", "rapid", "strike", "main"})
"""Capitalised words that qualify a state's forces or a unit of them ("National Army", "Special
Action Force", "Task Force")."""


def named_force(token, taken: set[int]) -> tuple[int, int] | None:  # type: ignore[no-untyped-def]
    """The span of an organisation named like a force, as a token range: a capitalised force
    noun that proper nouns of no state qualify ("the Lord's Resistance Army", "Rapid Support
    Forces"), where the tagger named no organisation; not "the Mozambican Army", "National
    Army" nor "Air Forces", a state's.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["the", "Lord", "'s", "Resistance", "Army", "hit"],
    ...           heads=[1, 4, 1, 4, 5, 5], deps=["det", "poss", "case", "compound", "nsubj", "ROOT"],
    ...           pos=["DET", "PROPN", "PART", "PROPN", "PROPN", "VERB"])
    >>> named_force(doc[4], set()), named_force(doc[1], set())
    ((1, 5), None)
    """
    if not token.text[:1].isupper() or token.ent_type_ or token.lower_ not in FORCE_HEADS:
        return None
    names = [c for c in token.lefts if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"]
    if not any(c.lower_ not in STATE_FORCE_WORDS for c in names):
        return None
    start = min(c.left_edge.i for c in names)
    while token.doc[start].pos_ == "DET":  # "the Lord's ..."
        start += 1
    words = token.doc[start:token.i + 1]
    if any(t.i in taken or t.ent_type_ in NAMELESS or not (t.text[:1].isupper() or t.lower_ == "'s")
           for t in words):
        return None
    return start, token.i + 1


__all__ = ["ARTICLES", "FORCE_QUALIFIERS", "GenericAt", "INSTITUTIONS", "STATE_FORCE_WORDS",
           "common_force", "named_force"]

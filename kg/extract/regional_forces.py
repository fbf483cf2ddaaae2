"""State forces named by a place of their country: "Oromia special police", "Harari police",
"Afar regional special forces", "Basra police".

A place name before a common noun of a state force says which of the state's units acts,
not who acts (a capitalised force noun is part of a name: "the Kachin Independence Army"): the force is the state's, as event coders count it ("Police Forces of Ethiopia",
with the region as the unit). Without this the tagger's place name is taken for an actor
of its own ("Oromia clashed with ...") or, where the place is already a place mention, the
force noun is left out as a modified noun.
"""

from __future__ import annotations

from collections.abc import Callable

from kg.model import Actor

FORCE_KINDS = frozenset({"military", "police"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
PLACE_ENTITIES = frozenset({"GPE", "LOC"})


PlaceWord = Callable[[object], bool]
"""Token -> whether it is (part of) a place's name: a place mention, or a place the gazetteers
know in its sentence's country though the tagger took it for a name ("Oromia")."""


def place_modifiers(token, is_place: PlaceWord) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The tokens of the place names that modify ``token``."""
    return [t for c in token.lefts if c.dep_ in MODIFIER_DEPS for t in c.subtree
            if t.ent_type_ in PLACE_ENTITIES or t.text[:1].isupper() and is_place(t)]


def add_regional_forces(doc, generic: Callable[[object], Actor | None],  # type: ignore[no-untyped-def]
                        add: Callable[..., bool], is_place: PlaceWord) -> None:
    """Offer each force noun a place name modifies as its state's force, the place name
    included in its mention where no other mention has it (``generic`` and ``add`` as in
    :func:`kg.extract.fallback.find_candidates`)."""
    for token in doc:
        if not token.text.islower() or not place_modifiers(token, is_place):
            continue  # "the Kachin Independence Army" is a name, no unit of a state
        actor = generic(token)
        if actor is None or actor.kind not in FORCE_KINDS or actor.parent is None or (
                token.dep_ == "compound" and generic(token.head) is not None):
            continue  # "army officers": one phrase, its head the actor
        start = min(t.i for c in token.lefts if c.dep_ in MODIFIER_DEPS for t in c.subtree)
        if not add(start, token.i + 1, "", actor=actor):
            add(token.i, token.i + 1, "", actor=actor)  # "Harari police": Harari a place


__all__ = ["FORCE_KINDS", "PlaceWord", "add_regional_forces", "place_modifiers"]

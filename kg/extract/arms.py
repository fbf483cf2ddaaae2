"""Who used arms, told by the arms: a munition that goes off, a nation's strike.

Reports often name the weapon, not whoever used it: "a bomb exploded near the market", "two
mortar shells fell on a school", "an Israeli airstrike hit a depot". A munition that explodes,
lands or falls was set off or fired by someone, so its event has an agent the text leaves
unnamed (:func:`munitions`, read by :func:`kg.extract.generic.reports_occurrence`). A strike
from the air or by artillery that a nation's adjective qualifies was carried out by that
nation's armed forces, whose arms these mostly are (:func:`forces_striking`); other acts
("a Palestinian attack") may be anyone's. What such a strike hits, its verb's object, is a
place as often as not ("shelled Sarmin", :func:`struck_place`). What was used to do an act
names its arms too ("used aviation and artillery to strike", :func:`used_for`).

Examples
--------
>>> {"bomb", "grenade", "rocket"} <= munitions(), "drone" in munitions()
(True, False)
"""

from __future__ import annotations

import functools

from kg.extract.gazetteer import Gazetteer
from kg.model import Actor

MUNITION_TYPES = frozenset({"Bombing", "Grenade", "Shelling"})
"""Event types whose instruments someone set off or fired: their subject hides who did."""
STATE_STRIKES = frozenset({"AirStrike", "Shelling"})
"""Event types of arms mostly states hold: a nation's adjective on one names its forces."""
STATE_MUNITIONS = frozenset({"missile"})
"""Munitions mostly states fire: "Iranian missiles hit Erbil" were Iran's forces'; rockets and
shells are any band's too ("Palestinian rockets")."""
MILITARY = "military"
"""The sector of a state's armed forces (``ontology/actors.yaml``)."""


@functools.cache
def munitions() -> frozenset[str]:
    """One-word instruments of the lexicon that someone sets off or fires ("bomb", "mine",
    "grenade", "rocket", "shell"): a munition that explodes or lands reports that someone
    used it, as an event with no agent does; an aircraft or drone is its force's own."""
    from kg.extract.lexicon import lexicon

    return frozenset(words[0] for words, kind, _ in lexicon().instruments
                     if len(words) == 1 and kind in MUNITION_TYPES)


def weapon_model(name) -> bool:  # type: ignore[no-untyped-def]
    """Whether a name qualifies a munition's noun as its model, no actor: "Grad" of "Grad
    rockets", "Uragan missiles", "Vehicle-Borne IED" (a known owner, "Hamas rockets", is
    matched before any name is guessed at; a craft's, "Taliban helicopters", is its owner's).

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words="fired Grad rockets".split(), heads=[0, 2, 0],
    ...           deps=["ROOT", "compound", "dobj"], lemmas=["fire", "Grad", "rocket"])
    >>> weapon_model(doc[1]), weapon_model(doc[2])
    (True, False)
    """
    return name.dep_ in ("compound", "nmod", "amod") and name.i < name.head.i and \
        name.head.lemma_.lower() in munitions()


def forces_striking(gazetteer: Gazetteer, adjective) -> Actor | None:  # type: ignore[no-untyped-def]
    """The armed forces of the nation whose adjective qualifies a strike from the air or by
    artillery ("an Israeli airstrike", "Russian shelling") or a munition of states ("Iranian
    missiles"), or ``None``."""
    from kg.extract.triggers import trigger_type

    if adjective.dep_ not in ("amod", "compound") or adjective.ent_type_ != "NORP" or \
            trigger_type(adjective.head) not in STATE_STRIKES \
            and adjective.head.lemma_.lower() not in STATE_MUNITIONS:
        return None
    country = gazetteer.nation(adjective.text)
    return gazetteer.generic(MILITARY, country) if country is not None else None


def struck_place(root) -> bool:  # type: ignore[no-untyped-def]
    """Whether a name is what a strike from the air or by artillery hit, its verb's object or
    one listed with it ("shelled Sarmin", "bombed Kafr Nabl and Kansafra"): such arms strike
    places, and a name of the world index there is a place's, not a body's."""
    from kg.extract.triggers import trigger_type

    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    return root.dep_ == "dobj" and trigger_type(root.head) in STATE_STRIKES


USING_VERBS = frozenset({"use", "employ"})
"""Verbs whose object is the instrument of the act their purpose clause names."""


def used_for(token) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The words of what was used for the act ``token`` names ("used drones to attack")."""
    head = token.head
    if token.dep_ not in ("xcomp", "advcl") or head.lemma_.lower() not in USING_VERBS:
        return []
    return [t for c in head.children if c.dep_ == "dobj" for t in c.subtree]


__all__ = ["MILITARY", "MUNITION_TYPES", "STATE_MUNITIONS", "STATE_STRIKES", "forces_striking",
           "munitions", "struck_place", "used_for", "weapon_model"]

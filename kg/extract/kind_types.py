"""An event's type made precise by the kinds of its actors, once the gazetteer has named them.

- Territory taken by the state's own forces alone is regained; by anyone else, overtaken
  (``ckg:agentKind`` in the event-type scheme).
- An attack on civilians is violence against civilians, unless it is a fight between sides
  (:func:`kg.extract.refine.mutual`), where civilians are caught in it.
- A fight between sides none of whom is an armed organisation, only parties' members and
  civilians ("members of two parties clashed"), is mob violence: ACLED's armed clash needs
  two armed, organised sides.

Examples
--------
>>> by_agent_kind("SeizeTerritory", {"military"}), by_agent_kind("RegainTerritory", {"armed_group"})
('RegainTerritory', 'SeizeTerritory')
>>> by_target_kind("ArmedClash", {"civilians"}), by_target_kind("Shelling", {"civilians"})
('AttackOnCivilians', 'Shelling')
"""

from __future__ import annotations

from kg.extract.lexicon import lexicon
from kg.extract.participants import ATTACKS, MOB, armed
from kg.extract.sides import mutual

UNKNOWN_KIND = "other"
"""The kind of an actor the gazetteer does not know (a name found by the parser)."""
UNARMED_KINDS = frozenset({"party", "civilians"})
"""Kinds of actors that are no armed organisation: a fight among them only is mob violence."""


def by_agent_kind(event_type: str, kinds: set[str], foreign: bool = False) -> str:
    """Territory taken by the state's own forces alone is regained; by anyone else (another
    country's forces included: ``foreign``), overtaken.

    >>> by_agent_kind("SeizeTerritory", {"state", "armed_group"}), by_agent_kind("Arrest", {"state"})
    ('SeizeTerritory', 'Arrest')
    >>> by_agent_kind("SeizeTerritory", {"military"}), by_agent_kind("SeizeTerritory", {"military"}, True)
    ('RegainTerritory', 'SeizeTerritory')

    Agents of no known kind leave the verb's word ("the FARDC regained the territory"):

    >>> by_agent_kind("RegainTerritory", {"other"}), by_agent_kind("SeizeTerritory", {"other"})
    ('RegainTerritory', 'SeizeTerritory')
    """
    kinds = kinds - {UNKNOWN_KIND}
    for narrower, (allowed, broader) in lexicon().agent_kinds.items():
        if event_type in (narrower, broader) and kinds:
            return narrower if kinds <= allowed and not foreign else broader
    return event_type


def by_target_kind(event_type: str, kinds: set[str], sides: bool = False) -> str:
    """An attack whose target is an actor of kind "civilians" is violence against civilians,
    unless it is a fight between ``sides``, where civilians are caught in it.

    >>> by_target_kind("ArmedClash", {"civilians"}, sides=True)
    'ArmedClash'
    """
    return "AttackOnCivilians" if event_type in ATTACKS and "civilians" in kinds and not sides \
        else event_type


def by_side_kinds(event_type: str, kinds: set[str], sides: bool) -> str:
    """A fight between ``sides`` whose agents are all parties or civilians is mob violence.

    >>> by_side_kinds("ArmedClash", {"party"}, True), by_side_kinds("ArmedClash", {"party", "police"}, True)
    ('MobViolence', 'ArmedClash')
    >>> by_side_kinds("ArmedClash", {"party"}, False), by_side_kinds("ArmedClash", set(), True)
    ('ArmedClash', 'ArmedClash')
    """
    return MOB if sides and event_type in ATTACKS and kinds and kinds <= UNARMED_KINDS \
        else event_type


def by_kinds(event_type: str, agents: set[str], targets: set[str], foreign: bool = False,
             trigger=None) -> str:  # type: ignore[no-untyped-def]
    """The type made precise by the kinds of its ``agents`` and ``targets`` (sets of kinds),
    whether an agent is ``foreign`` and, by its ``trigger`` token, whether it is a fight between
    sides (:func:`kg.extract.refine.mutual`) that the text does not call armed ("an armed clash
    between villagers" is no mob's).

    >>> by_kinds("ArmedClash", {"party"}, {"civilians"}), by_kinds("SeizeTerritory", {"police"}, set())
    ('AttackOnCivilians', 'RegainTerritory')
    """
    sides = trigger is not None and mutual(trigger)
    event_type = by_target_kind(by_agent_kind(event_type, agents, foreign), targets, sides)
    return by_side_kinds(event_type, agents, sides and not armed(trigger))


__all__ = ["UNARMED_KINDS", "by_agent_kind", "by_kinds", "by_side_kinds", "by_target_kind"]

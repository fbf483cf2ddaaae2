"""An event's type made precise by the kinds of its actors, once the gazetteer has named them.

- Territory taken by the state's own forces alone is regained; by anyone else, overtaken
  (``ckg:agentKind`` in the event-type scheme).
- An attack on civilians is violence against civilians, unless it is a fight between sides
  (:func:`kg.extract.refine.mutual`), where civilians are caught in it.
- A fight between sides none of whom is an armed organisation, only parties' members and
  civilians ("members of two parties clashed"), is mob violence: ACLED's armed clash needs
  two armed, organised sides.
- An attack whose only victims are civilians told after it ("gunmen opened fire and killed a
  woman", "attacked the village. Two farmers were killed") is violence against civilians too,
  once its victims are known (:func:`with_victim_types`).

Examples
--------
>>> by_agent_kind("SeizeTerritory", {"military"}), by_agent_kind("RegainTerritory", {"armed_group"})
('RegainTerritory', 'SeizeTerritory')
>>> by_target_kind("ArmedClash", {"civilians"}), by_target_kind("Shelling", {"civilians"})
('AttackOnCivilians', 'Shelling')
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from kg.extract.lexicon import lexicon
from kg.model import Event
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


def _aimed_at_object(trigger) -> bool:  # type: ignore[no-untyped-def]
    """Whether an attack names an object of its own beyond its phrase ("attacked a checkpoint",
    "ambushed a team"; not the "fire" of "opened fire")."""
    own = {w for others, _, _ in lexicon().phrases.get(trigger.lemma_.lower(), ()) for w in others}
    return any(c.dep_ == "dobj" and c.lemma_.lower() not in own for c in trigger.children)


def with_victim_types(events: Sequence[Event], doc,  # type: ignore[no-untyped-def]
                      kind_of: Callable[[str], str | None]) -> list[Event]:
    """``events`` with each attack whose targets, once the victims told after it are known, are
    all civilians typed violence against civilians, unless its trigger in ``doc`` tells a fight
    between sides (:func:`kg.extract.sides.mutual`: civilians caught in it). An attack with any
    armed target keeps its type ("attacked a checkpoint, killing two policemen and a passer-by").

    >>> import spacy
    >>> from kg.model import Span
    >>> doc = spacy.blank("en")("Gunmen opened fire")
    >>> fire = Event(0, "ArmedClash", Span(7, 13, "opened"), 0, agents=("gunmen",),
    ...              targets=("civilians",))
    >>> kinds = {"civilians": "civilians", "police": "police"}.get
    >>> [e.event_type for e in with_victim_types([fire], doc, kinds)]
    ['AttackOnCivilians']
    >>> [e.event_type for e in with_victim_types([replace(fire, targets=("civilians", "police"))],
    ...                                         doc, kinds)]
    ['ArmedClash']
    """
    from kg.extract.clauses import head_at

    def civilian_victims(event: Event) -> bool:
        if event.event_type not in ATTACKS or not event.targets or any(
                kind_of(key) != "civilians" for key in event.targets):
            return False
        trigger = head_at(doc, event.trigger.start, event.trigger.end)
        return trigger is not None and not mutual(trigger) and not _aimed_at_object(trigger)
    return [replace(e, event_type=by_target_kind(e.event_type, {"civilians"}))
            if civilian_victims(e) else e for e in events]


__all__ = ["UNARMED_KINDS", "by_agent_kind", "by_kinds", "by_side_kinds", "by_target_kind",
           "with_victim_types"]

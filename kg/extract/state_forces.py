"""The forces of the state where an event happened, for roles the text leaves to its place.

Two readings need the state an event's place lies in, not the one the text's words name:

- the toll of a strike from afar counts none of the striker's own, so a victim named like one
  of the strikers is the same force of the state where the strike fell ("Israeli warplanes
  struck positions near Damascus. Three soldiers were killed": Syria's soldiers;
  :func:`struck_forces`, :data:`kg.extract.victims.Struck`);
- territory taken from no one the text names was held by the state it lies in, for its forces
  hold a town unless told otherwise ("M23 rebels took control of the village": from the
  Congolese army; :func:`holding_forces`).
"""

from __future__ import annotations

from collections.abc import Callable

from kg.extract.gazetteer import Gazetteer
from kg.model import Actor, Event

REMOTE = frozenset({"AirStrike", "Shelling"})
"""Strikes from afar, by missiles, rockets, shells or drones: their toll is never the striker's
own (:data:`kg.extract.victims.Struck`), and what an interception after them disarms is the
striker's (:func:`kg.extract.owners.with_unnamed_layers`)."""


def _state_at(gazetteer: Gazetteer, event: Event) -> str | None:
    """The key of the state the event's place lies in, if known."""
    place = gazetteer.places.get(event.place or "")
    return gazetteer.state_of(place.country) if place is not None else None


def struck_forces(gazetteer: Gazetteer, actor_of: Callable[[str], Actor | None]
                  ) -> Callable[[str, Event], str | None]:
    """A victim's key -> the same force of the state where a strike fell, if another's
    (:data:`kg.extract.victims.Struck`)."""
    def other(key: str, strike: Event) -> str | None:
        actor, there = actor_of(key), _state_at(gazetteer, strike)
        state = gazetteer.state_over(actor)
        if actor is None or actor.sector is None or there in (None, state):
            return None
        return gazetteer.generic(actor.sector, there).key
    return other


def holding_forces(gazetteer: Gazetteer, doc) -> Callable[[Event], str | None]:  # type: ignore[no-untyped-def]
    """A taking -> the key of the armed forces of the state its place lies in, if known and if
    its trigger in ``doc`` names no one it was taken from (a "from" phrase, whoever it names:
    :func:`kg.extract.target_phrases.from_phrases`)."""
    def held_by(event: Event) -> str | None:
        state = _state_at(gazetteer, event)
        if state is None or _taken_from(doc, event):
            return None
        return gazetteer.generic("military", state).key
    return held_by


def _taken_from(doc, event: Event) -> bool:  # type: ignore[no-untyped-def]
    from kg.extract.target_phrases import from_phrases

    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span is not None and bool(from_phrases(span.root))


__all__ = ["REMOTE", "holding_forces", "struck_forces"]

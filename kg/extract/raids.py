"""A raid that only arrests is an arrest: "Troops raided the camp and arrested three men."

Forces "raid" or "storm" a place to arrest people as often as to fight. Told with an arrest by
the same agents and no other act of violence in its sentence or the next (no one shot, beaten,
killed, no clash), the raid is the arrest's own operation: one arrest, not an attack on the
people arrested. With violence told beside it ("raided the house, beat and arrested four"),
it stays an attack.

Examples
--------
>>> from kg.model import Event, Span
>>> raid = Event(0, "AttackOnCivilians", Span(6, 12, "raided"), 0, agents=("army",),
...              targets=("civilians",))
>>> arrest = Event(1, "Arrest", Span(30, 38, "arrested"), 0, agents=("army",),
...                targets=("civilians",))
>>> [e.event_type for e in with_arrest_raids([raid, arrest])]
['Arrest', 'Arrest']
>>> shot = Event(2, "AttackOnCivilians", Span(50, 54, "shot"), 1, agents=("army",))
>>> [e.event_type for e in with_arrest_raids([raid, arrest, shot])]
['AttackOnCivilians', 'Arrest', 'AttackOnCivilians']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kg.analysis.families import family_of
from kg.extract.modality import HAPPENED
from kg.extract.refine import CUSTODY
from kg.model import Event

RAID_WORDS = ("raid", "storm")
"""Beginnings of the words of a raid: "raided", "a raid", "stormed"."""
VIOLENCE_REACH = 1
"""Sentences after a raid in which violence told makes it an attack ("... raided a house.
Soldiers beat a man.")."""


def _raid(event: Event) -> bool:
    return event.modality in HAPPENED and family_of(event.event_type) == "fights" \
        and event.trigger.text.lower().startswith(RAID_WORDS)


def with_arrest_raids(events: Sequence[Event]) -> list[Event]:
    """``events`` with each raid typed as an arrest where an arrest by the same agents is told
    in its sentence and no other act of violence in that sentence or the next
    (:data:`VIOLENCE_REACH`); the raid takes the arrest's targets."""
    found = list(events)
    for index, raid in enumerate(events):
        if not _raid(raid) or not raid.agents:
            continue
        near = [e for e in events if e is not raid and e.modality in HAPPENED
                and 0 <= e.sentence - raid.sentence <= VIOLENCE_REACH]
        arrest = next((e for e in near if e.event_type == CUSTODY and e.sentence == raid.sentence
                       and set(e.agents) & set(raid.agents)), None)
        if arrest is None or any(family_of(e.event_type) == "fights" for e in near):
            continue
        found[index] = replace(raid, event_type=CUSTODY, targets=arrest.targets or raid.targets)
    return found


__all__ = ["with_arrest_raids"]

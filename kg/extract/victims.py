"""The victims of an attack told after it: "X shelled the town. Two civilians were killed."

A report often tells an attack and then its toll in a clause or sentence of
its own: a participle ("..., killing two civilians"), a passive with no agent
("One civilian was killed"), or a clause with the attack's own agent ("The
militants shot and killed a resident"). The harm is the attack's
consequence: whoever it befalls is the attack's target too (a bridging
reading of the harm clause). The harm event is kept as told; its victims are
also given to the nearest attack before it, in the same sentence or the next
ones (:data:`REACH`), when the harm names no other perpetrator than the
attack's own agents or the implicit, unidentified one.

Examples
--------
>>> from kg.model import Event, Span
>>> def event(i, kind, sentence, agents, targets=()):
...     return Event(i, kind, Span(0, 1, "x"), sentence, agents=agents, targets=targets)
>>> implied = {"unknown"}.__contains__
>>> found = with_victims([event(0, "Shelling", 0, ("army",)),
...                       event(1, "AttackOnCivilians", 1, ("unknown",), ("civilians",))],
...                      implied)
>>> found[0].targets
('civilians',)
>>> with_victims([event(0, "Shelling", 0, ("army",)),
...               event(1, "AttackOnCivilians", 1, ("rebels",), ("civilians",))],
...              implied)[0].targets
()
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from kg.analysis.families import family_of
from kg.model import Event

REACH = 2
"""How many sentences after an attack its toll may be told."""
HAPPENED = ("asserted", "reported")
ATTACK_OTHERS = frozenset({"Looting", "ViolentDemonstration", "DisruptedWeapons"})
"""Event types outside the fights family that an attack's toll may follow: "militants burnt
houses; they shot a resident"."""


def _attack(event: Event) -> bool:
    return event.modality in HAPPENED and (family_of(event.event_type) == "fights"
                                           or event.event_type in ATTACK_OTHERS)


def _toll_of(harm: Event, attack: Event, implied: Callable[[str], bool]) -> bool:
    """Whether ``harm`` tells the toll of ``attack``: a later harm whose perpetrators are
    none, the attack's own agents, or only implied."""
    return family_of(harm.event_type) == "fights" and harm.modality in HAPPENED \
        and bool(harm.targets) and 0 <= harm.sentence - attack.sentence <= REACH \
        and all(k in attack.agents or implied(k) for k in harm.agents)


def with_victims(events: Sequence[Event], implied: Callable[[str], bool]) -> list[Event]:
    """``events`` with each attack given, as targets, the victims of the harm told after it
    (:func:`_toll_of`); ``implied`` tells the keys of implicit agents."""
    found = list(events)
    for position, harm in enumerate(events):
        before = next((i for i in range(position - 1, -1, -1) if _attack(found[i])), None)
        if before is None or not _toll_of(harm, found[before], implied):
            continue
        attack = found[before]
        added = tuple(k for k in harm.targets if k not in attack.targets
                      and k not in attack.agents)
        if added:
            found[before] = replace(attack, targets=(*attack.targets, *added))
    return found


__all__ = ["REACH", "with_victims"]

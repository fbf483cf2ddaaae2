"""Whom a protest or riot faces: the state forces that act on its crowd, or that it acts on.

A report of a protest rarely names the other side in the protest's own clause:
"Farmers protested in the capital. Police dispersed them with tear gas and
arrested ten protesters." The protest and the intervention are told as two
events; the forces that act on the crowd (or that the crowd acts on: "rioters
threw stones at the police") are the protest's counterpart. A protest with no
target gets, as targets, the state forces (police or military) that are the
other side of an event in the same article in which one of its agents takes part; a
protest whose type says that forces intervened gets the forces that act in the article
("Farmers protested. Police intervened."), besides what the protest opposes.

Examples
--------
>>> from kg.model import Event, Span
>>> def event(i, kind, agents, targets=()):
...     return Event(i, kind, Span(0, 1, "x"), 0, agents=agents, targets=targets)
>>> kinds = {"crowd": "civilians", "police": "police"}.get
>>> found = with_interveners([event(0, "Protest", ("crowd",)),
...                           event(1, "Arrest", ("police",), ("crowd",))], kinds)
>>> found[0].targets
('police',)
>>> with_interveners([event(0, "Protest", ("crowd",)),
...                   event(1, "Arrest", ("police",), ("someone",))], kinds)[0].targets
()
>>> with_interveners([event(0, "ProtestWithIntervention", ("crowd",)),
...                   event(1, "Arrest", ("police",), ("someone",))], kinds)[0].targets
('police',)
>>> with_interveners([event(0, "ProtestWithIntervention", ("crowd",), ("state",)),
...                   event(1, "Arrest", ("police",), ("someone",))], kinds)[0].targets
('state', 'police')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from kg.extract.modality import HAPPENED
from kg.model import Event

CROWD_TYPES = frozenset({"Protest", "ViolentDemonstration", "ProtestWithIntervention",
                         "ExcessiveForce", "MobViolence"})
"""Event types a crowd performs."""
FORCE_KINDS = frozenset({"police", "military"})
"""Kinds of actor that intervene in a protest or riot."""
INTERVENED_TYPES = frozenset({"ProtestWithIntervention", "ExcessiveForce"})
"""Protests whose type says that forces intervened: with no forces acting on the crowd in
the text, the forces that act at all in the article are the ones that intervened."""


def _other_sides(crowd: set[str], events: Sequence[Event], kind_of: Callable[[str], str | None],
                 people_of: Callable[[str], str | None] = lambda key: None) -> tuple[str, ...]:
    """The state forces on the other side of an event from the crowd: from its own keys or
    from its people ("1 person was arrested" at a protest of protesters is one of them)."""
    found: list[str] = []
    people = {p for p in map(people_of, crowd) if p}
    for event in events:
        if event.modality not in HAPPENED:
            continue
        for side, other in ((event.agents, event.targets), (event.targets, event.agents)):
            if crowd & set(side) or people & {p for p in map(people_of, side) if p}:
                found.extend(k for k in other if kind_of(k) in FORCE_KINDS and k not in crowd)
    return tuple(dict.fromkeys(found))


NEAR_SENTENCES = 2
"""Sentences after a protest in which the forces named are the ones that intervened."""


INTERVENTION_VERBS = frozenset({
    "intervene", "disperse", "detain", "arrest", "remove", "evict", "push", "stop", "prevent",
    "beat", "charge", "clash", "scuffle", "confront", "repel", "repulse", "cordon", "kettle",
    "fire", "break", "interrupt", "halt"})
"""Verbs by which forces act on a crowd: "police dispersed them", "gendarmes intervened"; also
as the purpose of another act ("police used tear gas to disperse them")."""
CLASH_WORDS = frozenset({"clash", "battle", "scuffle", "confrontation", "fight", "fighting",
                         "skirmish", "standoff"})
"""Words of a fight whose "with" or "between" party faces the crowd: "clashes with the police",
"running battles between the group and police"."""


def _intervenes(token):  # type: ignore[no-untyped-def]
    """The verb or noun by which the forces at ``token`` act on a crowd, or ``None``: they are
    its subject or "by" agent and it (or its purpose clause) is a verb of intervention, not
    negated, or they are the other party of a fight."""
    by_agent = token.dep_ == "pobj" and token.head.dep_ == "agent"
    if token.dep_ == "pobj" and token.head.lower_ in ("with", "between") \
            and token.head.head.lemma_.lower() in CLASH_WORDS:
        return token.head.head
    verb = token.head.head if by_agent else token.head if token.dep_ == "nsubj" else None
    if verb is None or any(c.dep_ == "neg" for c in verb.children):
        return None  # "police did not intervene" tells no intervention
    purposes = [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"]
    return verb if any(v.lemma_.lower() in INTERVENTION_VERBS for v in (verb, *purposes)) \
        else None


def intervening_forces(doc, actor_at: Mapping[int, str], sentence_of: Mapping[int, int],  # type: ignore[no-untyped-def]
                       kind_of: Callable[[str], str | None]) -> dict[int, list[str]]:
    """Sentence -> the state forces that act on a crowd in it (:func:`_intervenes`: "Police
    later dispersed the crowd", "ten were detained by police", "police used tear gas to disperse
    them", "clashes with the police")."""
    found: dict[int, list[str]] = {}
    for index, key in sorted(actor_at.items()):
        if kind_of(key) not in FORCE_KINDS or index not in sentence_of:
            continue
        token = doc[index]
        while token.dep_ == "conj" and token.head is not token:  # "police and soldiers dispersed"
            token = token.head
        if _intervenes(token) is not None:
            keys = found.setdefault(sentence_of[index], [])
            keys.extend(k for k in (key,) if k not in keys)
    return found


def with_interveners(events: Sequence[Event], kind_of: Callable[[str], str | None],
                     named_forces: Mapping[int, Sequence[str]] | None = None,
                     intervening: Mapping[int, Sequence[str]] | None = None,
                     people_of: Callable[[str], str | None] = lambda key: None) -> list[Event]:
    """``events`` with each protest or riot that has no target given the state forces that
    act on its agents (or their people, ``people_of``: key -> the civilians of its country),
    or that its agents act on, in another event of the article (for a
    protest with intervention, any forces that act in the article, else the forces
    ``named_forces`` has in its sentence or the :data:`NEAR_SENTENCES` after it: "Gendarmes
    intervened and dispersed the demonstration" is no event of its own).

    >>> from kg.model import Span
    >>> kinds = {"crowd": "civilians", "police": "police"}.get
    >>> def event(i, kind, agents, sentence=0):
    ...     return Event(i, kind, Span(0, 1, "x"), sentence, agents=agents)
    >>> with_interveners([event(0, "ProtestWithIntervention", ("crowd",))], kinds,
    ...                  {1: ["police"]})[0].targets
    ('police',)
    >>> with_interveners([event(0, "Protest", ("crowd",))], kinds, {1: ["police"]})[0].targets
    ()
    """
    found = list(events)
    for index, event in enumerate(found):
        if event.event_type not in CROWD_TYPES or not event.agents or event.targets and (
                event.event_type not in INTERVENED_TYPES
                or any(kind_of(k) in FORCE_KINDS for k in event.targets)):
            continue  # what a protest opposes is no side that intervened in it
        others = [e for e in events if e.index != event.index]
        forces = _other_sides(set(event.agents), others, kind_of, people_of)
        if not forces and event.event_type in INTERVENED_TYPES:  # "... Police intervened."
            forces = tuple(dict.fromkeys(k for e in others if e.modality in HAPPENED
                                         for k in e.agents if kind_of(k) in FORCE_KINDS))
        if not forces and event.event_type in INTERVENED_TYPES and named_forces:
            forces = tuple(dict.fromkeys(
                k for s in range(event.sentence, event.sentence + NEAR_SENTENCES + 1)
                for k in named_forces.get(s, ()) if k not in event.agents))
        if not forces and intervening:  # "Farmers protested. Police later dispersed them."
            forces = tuple(dict.fromkeys(
                k for s in range(event.sentence, event.sentence + NEAR_SENTENCES + 1)
                for k in intervening.get(s, ()) if k not in event.agents))
        if forces:
            found[index] = replace(event, targets=tuple(dict.fromkeys((*event.targets, *forces))))
    return found


RIOT = "ViolentDemonstration"
DAMAGE_TYPES = frozenset({"ViolentDemonstration", "MobViolence", "Looting"})
"""Acts of a crowd's violence or destruction."""


def with_riot_damage(events: Sequence[Event], kind_of: Callable[[str], str | None]
                     ) -> list[Event]:
    """``events`` with each violent demonstration that has no target given the targets of the
    crowd's violence or destruction told in its sentence or the :data:`NEAR_SENTENCES` after it
    ("Residents demonstrated in X. Rioters looted a shop": the demonstration was violent to the
    shop's owners): the people hurt or whose property is hit, by acts whose agents are all
    unarmed people (a crowd, rioters), not acts of the forces or of armed men. The forces a
    crowd attacks are :func:`with_interveners`' and what it opposes is no victim.

    >>> from kg.model import Span
    >>> kinds = {"crowd": "civilians", "rioters": "civilians", "shops": "civilians"}.get
    >>> def event(i, kind, agents, targets=(), sentence=0):
    ...     return Event(i, kind, Span(0, 1, "x"), sentence, agents=agents, targets=targets)
    >>> with_riot_damage([event(0, "ViolentDemonstration", ("crowd",)),
    ...                   event(1, "Looting", ("rioters",), ("shops",), 1)], kinds)[0].targets
    ('shops',)
    """
    found = list(events)
    for index, event in enumerate(found):
        if event.event_type != RIOT or event.targets or not event.agents \
                or event.modality not in HAPPENED:
            continue
        damage = [k for e in events if e.index != event.index and e.modality in HAPPENED
                  and e.event_type in DAMAGE_TYPES and e.agents
                  and event.sentence <= e.sentence <= event.sentence + NEAR_SENTENCES
                  and all(kind_of(a) == "civilians" for a in e.agents)
                  for k in e.targets if kind_of(k) == "civilians"]
        if damage:
            found[index] = replace(event, targets=tuple(dict.fromkeys(damage)))
    return found


__all__ = ["CROWD_TYPES", "with_interveners", "with_riot_damage"]

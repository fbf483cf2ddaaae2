"""The victims of an attack told after it: "X shelled the town. Two civilians were killed."

A report often tells an attack and then its toll in a clause or sentence of
its own: a participle ("..., killing two civilians"), a passive with no agent
("One civilian was killed"), a verb of dying ("Two civilians died"), or a clause
with the attack's own agent ("The militants shot and killed a resident"). The harm is the attack's
consequence: whoever it befalls is the attack's target too (a bridging
reading of the harm clause). The harm event is kept as told; its victims are
also given to the nearest attack before it, in the same sentence or the next
ones (:data:`REACH`), when the harm names no other perpetrator than the
attack's own agents or the implicit, unidentified one; an implicit perpetrator is
then the attack's agents ("Houthi forces fired a missile at the city. Two civilians
were injured": the Houthis injured them, no unidentified group).

Examples
--------
>>> from kg.model import Event, Span
>>> def event(i, kind, sentence, agents, targets=()):
...     return Event(i, kind, Span(0, 6, "killed"), sentence, agents=agents, targets=targets)
>>> implied = {"unknown"}.__contains__
>>> found = with_victims([event(0, "Shelling", 0, ("army",)),
...                       event(1, "AttackOnCivilians", 1, ("unknown",), ("civilians",))],
...                      implied, unnamed=lambda harm: True)
>>> found[0].targets, found[1].agents
(('civilians',), ('army',))
>>> with_victims([event(0, "Shelling", 0, ("army",)),
...               event(1, "AttackOnCivilians", 1, ("rebels",), ("civilians",))],
...              implied)[0].targets
()
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from kg.analysis.families import family_of
from kg.extract.clauses import head_at
from kg.extract.gazetteer import Gazetteer
from kg.extract.modality import HAPPENED
from kg.extract.phrases import phrase_actors
from kg.extract.state_forces import REMOTE
from kg.model import Actor, Event

REACH = 2
"""How many sentences after an attack its toll may be told."""
ATTACK_OTHERS = frozenset({"Looting", "ViolentDemonstration", "DisruptedWeapons"})
"""Event types outside the fights family that an attack's toll may follow when someone did
them: "militants burnt houses; they shot a resident". With no one named, such a passive
("Houses were damaged.") tells the damage an attack before it did: a toll, not an attack."""


def _attack(event: Event) -> bool:
    """A one-sided act of violence; in a mutual one ("clashes between A and B killed five")
    the dead may be of either side, so the toll names no target."""
    return event.modality in HAPPENED and event.agents_act != "mutually" \
        and event.event_type not in TERRITORIAL and (
            family_of(event.event_type) == "fights"
            or event.event_type in ATTACK_OTHERS and bool(event.agents))


HARM_STEMS = ("kill", "wound", "injur", "hurt", "die", "dead", "maim", "murder", "behead",
              "lynch", "stab", "beat", "rape", "tortur", "shot", "shoot", "gunned", "slain",
              "execut", "massacr", "abduct", "kidnap", "attack", "assault", "ambush")
"""Stems of the words that tell a toll of people: killing, wounding, injuring, dying."""
TERRITORIAL = frozenset({"SeizeTerritory", "RegainTerritory"})


CROWD_ACTS = frozenset({"ViolentDemonstration", "MobViolence"})
"""Acts of a crowd, whose damage told after them is theirs: "500 people demonstrated. They
broke the windows of a restaurant"."""
DAMAGE = frozenset({"Looting"})
"""Event types of looting and destruction of property."""


def _toll_of(harm: Event, attack: Event, implied: Callable[[str], bool]) -> bool:
    """Whether ``harm`` tells the toll of ``attack``: a later harm to people ("killing",
    "were wounded"), or for a riot the damage its crowd did, whose perpetrators are none, the
    attack's own agents, or only implied."""
    told = harm.trigger.text.lower().startswith(HARM_STEMS) or (
        attack.event_type in CROWD_ACTS and harm.event_type in DAMAGE)
    return told and harm.modality in HAPPENED \
        and bool(harm.targets) and 0 <= harm.sentence - attack.sentence <= REACH \
        and all(k in attack.agents or implied(k) for k in harm.agents)


def with_aims(events: Sequence[Event], doc, place_at: Mapping[int, str]  # type: ignore[no-untyped-def]
              ) -> list[Event]:
    """``events`` with the place each act was aimed at, its trigger's object ("shelled Juba")."""
    def aim(event: Event) -> str | None:
        trigger = head_at(doc, event.trigger.start, event.trigger.end)
        return None if trigger is None else next(
            (place_at[c.i] for c in trigger.children if c.dep_ == "dobj" and c.i in place_at),
            None)
    return [replace(e, aim=key) if (key := aim(e)) else e for e in events]


def presumed_aim(doc) -> Callable[[Event], bool]:  # type: ignore[no-untyped-def]
    """Event -> whether all it was aimed at is civilian property no word gives an owner
    ("struck a vehicle", :func:`~kg.extract.owners.presumed_property`): its target, the
    civilians, is presumed, not told."""
    from kg.extract.owners import AIMED_PREPS, presumed_property

    def presumed(event: Event) -> bool:
        trigger = head_at(doc, event.trigger.start, event.trigger.end)
        if trigger is None:
            return False
        things = _aimed_at(trigger, AIMED_PREPS)  # "an airstrike on a house killed X"
        if not things and trigger.dep_ == "nsubj":  # "a strike hit a car, killing X"
            things = _aimed_at(trigger.head, AIMED_PREPS)
        return bool(things) and all(presumed_property(t) for t in things)
    return presumed


def _aimed_at(word, preps: frozenset[str]) -> list:  # type: ignore[no-untyped-def, type-arg]
    """The objects of ``word`` and those of its aiming prepositions after it ("on a house"),
    not a date ("On 3 May")."""
    return [c for c in word.children if c.dep_ == "dobj"] + [
        g for p in word.rights if p.dep_ == "prep" and p.lower_ in preps
        for g in p.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]


def _aimed(attack: Event, presumed: Callable[[Event], bool] | None = None) -> bool:
    return bool(attack.targets) and not (presumed is not None and presumed(attack))


def with_victims(events: Sequence[Event], implied: Callable[[str], bool],
                 presumed: Callable[[Event], bool] | None = None,
                 unnamed: Callable[[Event], bool] | None = None,
                 struck: Struck | None = None) -> list[Event]:
    """``events`` with each attack given, as targets, the victims of the harm told after it
    (:func:`_toll_of`); ``implied`` tells the keys of implicit agents.

    Within the attack's own sentence, the harm is its toll only when the attack names no actor
    it was aimed at: in "killed a soldier and wounded two others" the act is aimed at whom it
    names, and whom it hit besides is told as its own event; in "shelled Juba, killing 20
    people" or "shelled the Azovstal plant, killing 20 people" the town or the plant is where it
    was aimed (:func:`with_aims`) and the people whom it hit, as ACLED codes it. A thing hit whose
    owner is only presumed (``presumed``, :func:`presumed_aim`: "struck a vehicle, killing two
    X commanders") names no aim: the toll tells whose it was, and replaces the presumed
    civilians. A harm that names no perpetrator of its own (``unnamed``,
    :func:`unnamed_perpetrator`) and has only the implicit one was done by the attack's agents.
    The toll of a strike from afar is none of the striker's own (``struck``, :data:`Struck`)."""
    found = list(events)
    for position, harm in enumerate(events):
        before = next((i for i in range(position - 1, -1, -1) if _attack(found[i])), None)
        if before is None or not _toll_of(harm, found[before], implied) or (
                harm.sentence == found[before].sentence
                and _aimed(found[before], presumed)):
            continue
        harm = found[position] = _other_side(harm, found[before], struck)
        for index in _telling(found, before, harm, implied, presumed):
            attack = found[index]
            damage = attack.event_type in CROWD_ACTS and harm.event_type in DAMAGE  # the crowd's
            added = tuple(k for k in harm.targets if k not in attack.targets  # people and the
                          and (k not in attack.agents or damage))  # owners may share one key
            kept = attack.targets
            if presumed is not None and presumed(attack) and added:
                kept = tuple(k for k in kept if k in harm.targets)
            if added:
                found[index] = replace(attack, targets=(*kept, *added))
        perpetrators = found[before].agents
        if perpetrators and harm.agents and all(implied(k) for k in harm.agents) \
                and unnamed is not None and unnamed(harm):
            found[position] = replace(found[position], agents=perpetrators)
    return found


Struck = Callable[[str, Event], str | None]
"""(a victim's key, the strike) -> the same force of the state where the strike fell, when the
victim is one of the striker's own: "Israeli warplanes fired missiles at positions near
Damascus. Three soldiers were killed." ("the soldiers" read as the one army the text names)."""


def _other_side(harm: Event, attack: Event, struck: Struck | None) -> Event:
    """``harm`` with each victim that is one of a remote ``attack``'s agents read as the same
    force of the other side, where :data:`Struck` finds one."""
    if struck is None or attack.event_type not in REMOTE:
        return harm
    targets = tuple(struck(k, attack) or k if k in attack.agents else k for k in harm.targets)
    return replace(harm, targets=targets) if targets != harm.targets else harm


def unnamed_perpetrator(doc) -> Callable[[Event], bool]:  # type: ignore[no-untyped-def]
    """Event -> whether its trigger names no one who did it: no subject, no passive agent ("two
    civilians were injured"), where "unidentified gunmen killed a man" names its own."""
    def unnamed(event: Event) -> bool:
        trigger = head_at(doc, event.trigger.start, event.trigger.end)
        return trigger is not None and not any(c.dep_ in ("nsubj", "agent")
                                               for c in trigger.children)
    return unnamed


def _telling(events: Sequence[Event], nearest: int, harm: Event, implied: Callable[[str], bool],
             presumed: Callable[[Event], bool] | None = None) -> list[int]:
    """The attacks one harm is the toll of: the nearest before it, and the other words of its
    sentence that tell the same attack ("an IED by X detonated": "IED" and "detonated"), whose
    agents the harm does not contradict either, nor, in the harm's own sentence, their aim."""
    sentence = events[nearest].sentence
    return [i for i in range(nearest + 1) if i == nearest or (
        events[i].sentence == sentence and _attack(events[i])
        and _toll_of(harm, events[i], implied)
        and not (harm.sentence == sentence and _aimed(events[i], presumed)))]


DEATH_VERBS = frozenset({"die", "perish", "succumb"})
"""Intransitive verbs of dying: their subject is the toll of the act before ("two civilians
died"), a harm with no perpetrator and no event of its own."""


Dead = tuple[int, int, tuple[str, ...]]
"""A toll told by a verb of dying: (sentence, character offset, keys of the dead)."""


def deaths(doc, actor_at: Callable[[int], str | None],  # type: ignore[no-untyped-def]
           sentence_of: Mapping[int, int]) -> list[Dead]:
    """The subjects of each verb of dying in ``doc`` (:data:`Dead`): "At least three civilians
    died" names the civilians as the dead."""
    found = []
    for verb in doc:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in DEATH_VERBS:
            keys = tuple(k for c in verb.children if c.dep_ == "nsubj"
                         for k in phrase_actors(c, actor_at))
            if keys:
                found.append((sentence_of.get(verb.i, 0), verb.idx, keys))
    return found


def with_deaths(events: Sequence[Event], dead: Sequence[Dead]) -> list[Event]:
    """``events`` with the dead of each verb of dying (:func:`deaths`) given, as
    targets, to the nearest attack told before them (every word of its sentence that tells an
    attack), within :data:`REACH` sentences; in the attack's own sentence only when it names
    no one it was aimed at (as :func:`with_victims`).

    >>> from kg.model import Span
    >>> shelling = Event(0, "Shelling", Span(0, 7, "shelled"), 0, agents=("army",))
    >>> with_deaths([shelling], [(1, 40, ("civilians",))])[0].targets
    ('civilians',)
    >>> [with_deaths([shelling], [dead])[0].targets
    ...  for dead in [(1, 40, ("army",)), (4, 90, ("civilians",))]]
    [(), ()]
    """
    found = list(events)
    for sentence, offset, keys in dead:
        before = [i for i, e in enumerate(found) if _attack(e) and e.trigger.start < offset
                  and 0 <= sentence - e.sentence <= REACH]
        told = [i for i in before if found[i].sentence == found[before[-1]].sentence
                and not (found[i].sentence == sentence and _aimed(found[i]))]
        for index in told:  # every word of the sentence that tells the attack
            attack = found[index]
            added = tuple(k for k in keys if k not in attack.targets and k not in attack.agents)
            if added:
                found[index] = replace(attack, targets=(*attack.targets, *added))
    return found


def with_perpetrators(events: Sequence[Event], perpetrator: Callable[[str, str], str | None]
                      ) -> list[Event]:
    """``events`` with a group named generically that is both agent and target of a violent
    event ("residents beat up a man": civilians on both sides) replaced, as agent, by
    ``perpetrator`` (key, event type): who does violence is no civilian, but a rioter or an
    unidentified armed group of the same country (the implicit agent of the event's type).

    >>> from kg.model import Event, Span
    >>> found = with_perpetrators([Event(0, "MobViolence", Span(0, 1, "x"), 0,
    ...                                  agents=("kenya-civilians",), targets=("kenya-civilians",))],
    ...                           lambda key, kind: "kenya-rioters")
    >>> found[0].agents, found[0].targets
    (('kenya-rioters',), ('kenya-civilians',))
    """
    found = list(events)
    for index, event in enumerate(found):
        both = set(event.agents) & set(event.targets)
        if not both or family_of(event.event_type) != "fights":
            continue
        agents = tuple(dict.fromkeys((perpetrator(k, event.event_type) or k) if k in both else k
                                     for k in event.agents))
        found[index] = replace(event, agents=agents)
    return found


CROWD_SECTORS = frozenset({"rioters", "protesters", "civilians"})
"""Sectors of unarmed people: a crowd, residents, rioters."""
OFFENDERS = "unidentified"
"""The sector of the nouns of offenders ("thief", "robber", "kidnapper"): as agents an armed
band the text does not identify."""
ARMED_NOUNS = frozenset({"gunman", "gunmen", "shooter", "hitman", "hitmen", "assassin", "bomber",
                         "attacker", "assailant", "raider", "perpetrator", "gang", "band", "group"})
"""Nouns of that sector that name who bears arms or does violence, not an offence."""
ARMING = frozenset({"armed", "masked"})
"""Modifiers that tell a group bears arms: "armed men"."""


def offenders(doc, key_at: Callable[[int], str | None], heads: frozenset[str]  # type: ignore[no-untyped-def]
              ) -> frozenset[str]:
    """Keys of the groups every mention of which names people by an offence and nothing armed:
    "a suspected thief", "robbers"; not "armed men", "gunmen". ``key_at`` gives the actor key
    of a token, ``heads`` the nouns of the offenders' sector."""
    offence, armed = set(), set()
    for token in doc:
        key = key_at(token.i)
        if key is None or token.pos_ != "NOUN":
            continue
        lemma = token.lemma_.lower()
        if lemma in heads and lemma not in ARMED_NOUNS and not any(
                c.lower_ in ARMING for c in token.children):
            offence.add(key)
        elif lemma in heads or lemma in ARMED_NOUNS or any(c.lower_ in ARMING for c in token.children):
            armed.add(key)
    return frozenset(offence - armed)


def with_crowd_victims(events: Sequence[Event], actor_of: Callable[[str], Actor | None],
                       people_of: Callable[[str], str | None],
                       offence: Callable[[str], bool] = lambda key: True) -> list[Event]:
    """``events`` with the victims of a crowd's violence named by an offence ("residents beat
    up a robber", "a mob killed two suspected kidnappers") taken as the people they are, the
    civilians of their country (``people_of``: key -> the civilians' key of its country): an
    offender's noun names an armed band only as the one who does violence; lynched by a crowd of
    unarmed people, the suspect is a person it befalls. Not where any agent is armed, nor for
    a group named as armed (``offence``, :func:`offenders`: "burned the motorcycle of armed men").

    >>> from kg.model import Event, Span
    >>> actors = {"ug-rioters": Actor("ug-rioters", "Ugandan rioters", "civilians",
    ...                               sector="rioters", parent="uganda"),
    ...           "ug-unidentified": Actor("ug-unidentified", "Unidentified armed group (Uganda)",
    ...                                    "armed_group", sector="unidentified", parent="uganda")}
    >>> lynching = Event(0, "MobViolence", Span(0, 4, "beat"), 0, agents=("ug-rioters",),
    ...                  targets=("ug-unidentified",))
    >>> with_crowd_victims([lynching], actors.get, lambda key: "ug-civilians")[0].targets
    ('ug-civilians',)
    """
    def sector(key: str) -> str | None:
        return getattr(actor_of(key), "sector", None)

    found = list(events)
    for index, event in enumerate(found):
        if event.modality not in HAPPENED or not event.agents or event.agents_act == "mutually" \
                or any(sector(k) not in CROWD_SECTORS for k in event.agents):
            continue
        targets = tuple(dict.fromkeys((people_of(k) or k) if sector(k) == OFFENDERS
                                      and offence(k) else k
                                      for k in event.targets))
        if targets != event.targets:
            found[index] = replace(event, targets=targets)
    return found


def perpetrator_of(gazetteer: Gazetteer, actor_of: Callable[[str], Actor | None]
                   ) -> Callable[[str, str], str | None]:
    """(key of a group of people, event type) -> the key of the implicit agent of the type in
    the group's country (``implicit_agents`` of ``ontology/actors.yaml``)."""
    from kg.taxonomy import event_type as concept

    def perpetrator(key: str, event_type: str) -> str | None:
        actor, acled = actor_of(key), concept(event_type).acled or ""
        sector = next((s for prefix, s in gazetteer.implicit.items() if acled.startswith(prefix)),
                      None)
        state = gazetteer.state_over(actor)
        return None if sector is None or state is None else gazetteer.generic(sector, state).key
    return perpetrator


__all__ = ["DEATH_VERBS", "REACH", "deaths", "offenders", "perpetrator_of",
           "with_aims", "with_crowd_victims", "with_deaths", "with_perpetrators", "with_victims"]

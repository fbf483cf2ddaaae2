"""Events: typed triggers from a lexicon, roles from the dependency parse.

A trigger is a verb or noun whose lemma is in :data:`VERB_TRIGGERS` or
:data:`NOUN_TRIGGERS`. Agents come from the clause's subject (or the ``by``
phrase of a passive), targets from its object or an ``against/on/over/with``
phrase. Only actors inside the trigger's own clause count, and an event with no
actor at all is dropped: the extractor abstains rather than guesses.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kg.extract.clauses import clause_of, clause_tokens
from kg.extract.modality import modality_of
from kg.extract.roles import ActorAt, roles
from kg.extract.triggers import trigger_type


@dataclass(frozen=True)
class FoundEvent:
    """An event in token terms, before offsets and keys are attached."""

    event_type: str
    trigger: int  # token index
    agents: tuple[str, ...]
    targets: tuple[str, ...]
    mediators: tuple[str, ...]
    modality: str
    clause: frozenset[int]  # token indexes of the trigger's own clause
    located: tuple[int, ...] = ()  # tokens that may name where it happened, best first




LOCATIVE_PREPS = {"in", "at", "into", "on", "near", "across", "throughout", "inside", "from", "to",
                  "around", "outside", "toward", "towards"}
"""Prepositions whose object can be where an event happens: "shelled positions in Juba"."""
PLACE_NOUNS = {"town", "city", "village", "capital", "province", "region", "district", "port",
               "area", "state", "camp", "strip", "island", "republic"}
"""Nouns whose "of" phrase names the place itself: "the town of Cizre"."""


def located_tokens(token) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    """Tokens that may name the place an event happened, best first.

    The trigger's own direct object ("shelled Juba") and the objects of its
    locative prepositions ("demonstrated in Serbia"); for a noun trigger, also
    those of the verb it is the object of ("imposed a curfew in Cizre"), and those
    of a verb complement ("threatened to impose a curfew in Algiers").
    Objects are followed through "of" after a place noun ("the town of Cizre")
    and through a further locative phrase ("a camp in Thailand"). Places
    inside the subject ("Demonstrators in Baghdad") are not the event's own.
    """
    heads = [token]
    if token.pos_ != "VERB" and token.dep_ in ("dobj", "pobj", "attr", "nsubjpass"):
        heads.append(token.head.head if token.dep_ == "pobj" else token.head)
    heads += [c for h in list(heads) for c in h.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    found: list[int] = []
    for head in heads:
        for child in head.children:
            if child.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB":
                found.extend(_place_chain(child))
            elif child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
                found.extend(i for g in child.children if g.dep_ == "pobj" for i in _place_chain(g))
    return tuple(dict.fromkeys(found))


def _place_chain(noun, depth: int = 0) -> list[int]:  # type: ignore[no-untyped-def]
    """``noun`` and its conjuncts, then places named by its of/in phrases."""
    found = [noun.i, *(c.i for c in noun.children if c.dep_ == "conj")]
    if depth < 2:
        for prep in noun.children:
            if prep.dep_ == "prep" and (prep.lower_ in LOCATIVE_PREPS or prep.lower_ == "of"
                                        and noun.lemma_.lower() in PLACE_NOUNS):
                found.extend(i for g in prep.children if g.dep_ == "pobj"
                             for i in _place_chain(g, depth + 1))
    return found



def find_events(sentence, actor_at: ActorAt,  # type: ignore[no-untyped-def]
                fallback_at: ActorAt | None = None) -> Iterator[FoundEvent]:
    """Yield the events of one sentence whose trigger has an actor in its clause.

    ``fallback_at`` names actors outside the gazetteer; they are used only for a
    role (agents or targets) in which ``actor_at`` finds no one.
    """
    for token in sentence:
        event_type = trigger_type(token)
        if event_type is None:
            continue
        agents, targets = roles(token, actor_at, fallback_at)
        mediators: tuple[str, ...] = ()
        if event_type == "Negotiate" and any(c.lemma_ == "mediate" for c in token.children):
            event_type = "Mediate"
        if not agents and not targets or set(agents) == set(targets):
            continue
        clause = frozenset(t.i for t in clause_tokens(clause_of(token)))
        if token.dep_ == "relcl":
            clause |= {token.head.i, *(c.i for c in token.head.children if c.dep_ == "nummod")}
        yield FoundEvent(event_type, token.i, agents, targets, mediators, modality_of(token),
                         clause, located_tokens(token))

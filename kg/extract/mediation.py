"""Who mediates talks, a ceasefire or an agreement: the third party the text names.

An event whose parties deal with each other (talks, a ceasefire, an agreement, a
release) may name a mediator (:attr:`kg.model.Event.mediators`); the graph draws
an edge from the mediator to each party (``Mediates``,
:func:`kg.aggregates.tallies.event_edges`). The cues:

- a participle on the trigger: "talks brokered by X", "a truce mediated by X";
- a mediation noun: "with X's mediation", "through the mediation of X",
  "under the auspices of X", "under X's sponsorship";
- a go-between: "X acted as a go-between for A and B", "X served as an
  intermediary between A and B" (a ``Mediate`` event, X its agent, A and B its
  targets, as for "X mediated between A and B").

The mediator leaves the event's agents and targets: it is no party.

Examples
--------
>>> sorted(MEDIATED_TYPES)
['Agreement', 'Ceasefire', 'Negotiate', 'Release']
>>> "auspices" in MEDIATION_NOUNS, "broker" in MEDIATION_VERBS
(True, True)
"""

from __future__ import annotations

from kg.extract.roles import ActorAt

MEDIATED_TYPES = frozenset({"Negotiate", "Ceasefire", "Agreement", "Release"})
"""Event types between parties that a third party can mediate."""
MEDIATION_VERBS = frozenset({"mediate", "broker", "facilitate", "sponsor", "arbitrate"})
"""Participles whose "by" phrase names the mediator: "talks brokered by Egypt"."""
MEDIATION_NOUNS = frozenset({"mediation", "auspices", "auspex", "aegis", "sponsorship",
                             "facilitation", "good offices", "offices"})
"""Nouns whose possessor or "of" phrase names the mediator: "under the auspices of Qatar"."""
MEDIATION_WORDS = MEDIATION_VERBS | MEDIATION_NOUNS
MEDIATION_PREPS = frozenset({"with", "through", "via", "under", "thanks", "after", "following"})
GO_BETWEEN_NOUNS = frozenset({"go-between", "intermediary", "mediator", "middleman"})
"""Nouns that name a mediator when X acts or serves as one."""
GO_BETWEEN_VERBS = frozenset({"act", "serve"})
PARTY_PREPS = frozenset({"between", "for"})


def _phrase_keys(noun, actor_at: ActorAt) -> list[str]:  # type: ignore[no-untyped-def]
    """Actors a noun phrase names, with its conjuncts ("Hamas and Israel")."""
    keys = [actor_at(noun.i), *(actor_at(c.i) for c in noun.conjuncts)]
    return [k for k in keys if k]


def _objects(prep) -> list:  # type: ignore[no-untyped-def, type-arg]
    return [c for c in prep.children if c.dep_ == "pobj"]


def _heads(token) -> list:  # type: ignore[no-untyped-def, type-arg]
    """The trigger, the verb a noun trigger hangs on, and the objects of their preps."""
    heads = [token]
    if token.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"):
        heads.append(token.head)
    elif token.dep_ == "pobj" and token.head.dep_ == "prep":
        heads.append(token.head.head)
    heads += [o for h in list(heads) for p in h.children if p.dep_ == "prep" and
              p.lower_ not in MEDIATION_PREPS for o in _objects(p)]
    return heads


def _noun_mediators(noun, actor_at: ActorAt) -> list[str]:  # type: ignore[no-untyped-def]
    """"Egypt's mediation", "the auspices of Qatar": the mediation noun's possessor or "of"."""
    found = [k for c in noun.children if c.dep_ == "poss" for k in _phrase_keys(c, actor_at)]
    found += [k for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
              for o in _objects(p) for k in _phrase_keys(o, actor_at)]
    return found


def _governing_mediators(token, actor_at: ActorAt) -> list[str]:  # type: ignore[no-untyped-def]
    """"Egypt mediated talks", "talks were brokered by Egypt": the mediation verb's subject."""
    verb = token.head
    if token.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in MEDIATION_VERBS:
        return []
    if token.dep_ == "dobj":
        return [k for c in verb.children if c.dep_ == "nsubj" for k in _phrase_keys(c, actor_at)]
    return [k for by in verb.children if by.dep_ == "agent"
            for o in _objects(by) for k in _phrase_keys(o, actor_at)]


def stated_mediators(token, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """Actors the text names as mediating the event of ``token`` (a trigger)."""
    found = _governing_mediators(token, actor_at)
    for head in _heads(token):
        for child in head.children:
            if child.dep_ in ("acl", "relcl", "amod") and child.lemma_.lower() in MEDIATION_VERBS:
                found += [k for by in child.children if by.dep_ == "agent"
                          for o in _objects(by) for k in _phrase_keys(o, actor_at)]
            elif child.dep_ == "prep" and child.lower_ in MEDIATION_PREPS:
                for noun in _objects(child) or [c for c in child.children if c.dep_ == "prep"]:
                    if noun.dep_ == "prep":  # "thanks to X's mediation"
                        noun = next(iter(_objects(noun)), noun)
                    if noun.lower_ in MEDIATION_NOUNS or noun.lemma_.lower() in MEDIATION_NOUNS:
                        found += _noun_mediators(noun, actor_at)
    return tuple(dict.fromkeys(found))


def go_between_type(token) -> str | None:  # type: ignore[no-untyped-def]
    """``"Mediate"`` when ``token`` is the go-between X acts or serves as, else ``None``.

    "go-between" is split by the tokenizer: its last piece, "between", is the trigger.
    """
    if token.dep_ != "pobj" or token.head.lower_ != "as":
        return None
    if token.head.head.lemma_.lower() not in GO_BETWEEN_VERBS:
        return None
    word = token.lower_
    if word == "between" and token.i >= 2 and token.doc[token.i - 2].lower_ == "go":
        word = "go-between"
    return "Mediate" if word in GO_BETWEEN_NOUNS else None


def go_between_roles(token, actor_at: ActorAt  # type: ignore[no-untyped-def]
                     ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the go-between, the parties) of "X acted as a go-between for/between A and B"."""
    verb = token.head.head
    agents = [k for c in verb.children if c.dep_ == "nsubj" for k in _phrase_keys(c, actor_at)]
    targets = [k for head in (token, verb) for p in head.children
               if p.dep_ == "prep" and p.lower_ in PARTY_PREPS
               for o in _objects(p) for k in _phrase_keys(o, actor_at)]
    return tuple(dict.fromkeys(agents)), tuple(k for k in dict.fromkeys(targets) if k not in agents)


def with_mediators(token, event_type: str, agents: tuple[str, ...],  # type: ignore[no-untyped-def]
                   targets: tuple[str, ...], actor_at: ActorAt
                   ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """``(agents, targets, mediators)`` of an event: a stated mediator leaves the parties."""
    if event_type == "Mediate" and go_between_type(token):
        agents, targets = go_between_roles(token, actor_at)
        return agents, targets, ()
    own = token.lemma_.lower() in MEDIATION_WORDS  # "X mediated": X is the agent
    if event_type not in MEDIATED_TYPES and (event_type != "Mediate" or own):
        return agents, targets, ()
    mediators = stated_mediators(token, actor_at)
    return (tuple(a for a in agents if a not in mediators),
            tuple(t for t in targets if t not in mediators), mediators)


__all__ = ["MEDIATED_TYPES", "go_between_type", "stated_mediators", "with_mediators"]

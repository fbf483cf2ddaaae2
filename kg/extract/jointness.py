"""How the text relates an event's actors: jointly, mutually or as allies.

Two actors named as agents of one event only co-act ("separate but simultaneous
offensives by X and Y"); the graph calls them allied only when the text says so
(:attr:`kg.model.Event.agents_act`):

- ``allied``: the trigger names an alliance or coordination ("X, a close ally
  of Y", "X coordinated its attack with Y"); a denial is a negated event and
  never counts;
- ``jointly``: the agents act together: "jointly", "together (with)", "in
  coordination with", "alongside", a "joint" or "combined" operation; the actor
  of such a partner phrase is an agent, not a target;
- ``mutually``: agents with no target act on each other: "talks between X and Y",
  "X clashed with Y" (a symmetric predicate's "with" names the other side),
  "each other", "mutual", and the types that take two sides (X and Y negotiate,
  sign an agreement); one group with such a cue acts on itself ("a clash between
  gang members", "drivers clashed with one another"); a side's loss in the fight
  between two sides is theirs on each other ("a soldier was killed during a firefight
  between X and Y").

Examples
--------
>>> from kg.analysis.families import pair_relation
>>> [pair_relation("ArmedClash", "co-agent", act) for act in (None, "jointly", "mutually")]
['CoAgent', 'Allied', 'ArmedClash']
>>> "ally" in ALLIANCE_LEMMAS, sorted(RECIPROCAL_TYPES)
(True, ['Agreement', 'Negotiate'])
"""

from __future__ import annotations

from kg.extract.adjunct_events import adjunct_opponents, adjunct_sides
from kg.extract.phrases import either_at
from kg.extract.roles import ActorAt
from kg.extract.sides import RECIPROCAL_LEMMAS, between_phrases

ALLIANCE_LEMMAS = frozenset({"ally", "alliance", "allied", "coordinate", "coordination"})
"""Triggers that name an alliance or a coordination between the actors."""
JOINT_ADVERBS = frozenset({"jointly", "together"})
JOINT_ADJECTIVES = frozenset({"joint", "combined", "coordinated", "allied"})
PARTNER_PREPS = frozenset({"alongside"})
"""Prepositions whose object acts with the agents ("fight alongside the army")."""
MUTUAL_WORDS = frozenset({"mutual", "mutually", "reciprocal"})
RECIPROCAL_TYPES = frozenset({"Negotiate", "Agreement"})
"""Event types whose agents, with no target, deal with each other ("X and Y negotiated")."""


def _heads(token) -> list:  # type: ignore[no-untyped-def, type-arg]
    """The trigger, and for a noun trigger the verb it hangs on ("launched joint attacks")."""
    heads = [token]
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "pobj", "nsubj", "attr"):
        governor = token.head.head if token.dep_ == "pobj" else token.head
        if governor.pos_ in ("VERB", "AUX"):
            heads.append(governor)
    return heads


def _phrase_keys(noun, actor_at: ActorAt) -> list[str]:  # type: ignore[no-untyped-def]
    keys = [actor_at(noun.i), *(actor_at(c.i) for c in noun.children if c.dep_ == "conj")]
    return [k for k in keys if k]


def _partner_objects(prep) -> list:  # type: ignore[no-untyped-def, type-arg]
    """Objects of a partner phrase: "alongside X", "together with X", "in coordination with X"."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if prep.lower_ in PARTNER_PREPS or (prep.lower_ == "with" and prep.head.lower_ in JOINT_ADVERBS):
        return objects
    if prep.lower_ == "with" and any(c.lower_ in JOINT_ADVERBS for c in prep.head.children):
        return objects
    if prep.lower_ == "in":
        return [o for noun in objects if noun.lemma_.lower() in ("coordination", "cooperation")
                for p in noun.children if p.dep_ == "prep" and p.lower_ == "with"
                for o in p.children if o.dep_ == "pobj"]
    return []


def partners(token, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """Actors a partner phrase of the trigger (or of the verb it hangs on) names."""
    found: list[str] = []
    for head in _heads(token):
        preps = [c for c in head.children if c.dep_ == "prep"]
        preps += [g for c in head.children if c.lower_ in JOINT_ADVERBS
                  for g in c.children if g.dep_ == "prep"]
        for prep in preps:
            for noun in _partner_objects(prep):
                found.extend(_phrase_keys(noun, actor_at))
    return tuple(dict.fromkeys(found))


def _joint_cue(token) -> bool:  # type: ignore[no-untyped-def]
    for head in _heads(token):
        for child in head.children:
            if child.dep_ == "advmod" and child.lower_ in JOINT_ADVERBS:
                return True
    return any(c.dep_ == "amod" and c.lower_ in JOINT_ADJECTIVES for c in token.children)


def _mutual_cue(token) -> bool:  # type: ignore[no-untyped-def]
    if between_phrases(token):
        return True
    words = [t.lower_ for head in _heads(token) for t in head.subtree]
    return any(w in MUTUAL_WORDS for w in words) or any(
        a == "each" and b == "other" or a == "one" and b == "another" for a, b in zip(words, words[1:]))


SIDES_ADJECTIVES = frozenset({"rival", "opposing", "warring", "competing", "feuding"})
"""Modifiers that make a plural group two sides or more: "rival gangs", "warring clans"."""
SIDES_DETERMINERS = frozenset({"both", "two", "three", "several", "various", "different"})


def _sides(token) -> bool:  # type: ignore[no-untyped-def]
    """Whether a symmetric predicate's only party is a group of sides: its subject, or the
    object of its "between" phrase, is a plural counted as two or more or called rivals ("two
    armed groups clashed", "rival gangs exchanged fire", "a clash between two groups"); a
    symmetric predicate with no other party is then reciprocal: the sides act on each other."""
    if token.lemma_.lower() not in RECIPROCAL_LEMMAS:
        return False
    phrases = [c for head in _heads(token) for c in head.children if c.dep_ == "nsubj"]
    phrases += [o for p in between_phrases(token) for o in p.children if o.dep_ == "pobj"]
    return any(_plural_sides(noun) for noun in phrases)


def _plural_sides(noun) -> bool:  # type: ignore[no-untyped-def]
    if noun.tag_ not in ("NNS", "NNPS") and noun.lemma_.lower() not in PARTITIVE_HEADS:
        return False
    if noun.lemma_.lower() in PARTITIVE_HEADS:  # "two groups of students"
        return any(c.lower_ in SIDES_DETERMINERS or c.dep_ == "nummod" and _two_or_more(c)
                   for c in noun.children)
    return any(c.lower_ in SIDES_ADJECTIVES and c.dep_ == "amod" or c.lower_ in SIDES_DETERMINERS
               or c.dep_ == "nummod" and _two_or_more(c) for c in noun.children)


PARTITIVE_HEADS = frozenset({"group", "groups", "faction", "factions", "side", "sides"})


def _two_or_more(number) -> bool:  # type: ignore[no-untyped-def]
    """Whether a cardinal counts two or more: "two", "2", "dozens"."""
    text = number.lower_.replace(",", "")
    return text not in ("one", "1", "a", "an") and (text.isdigit() or number.like_num)


def comitative_side(token, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """The other side a symmetric predicate names with "with": "X exchanged fire with Y", "X's
    clashes with Y". A symmetric predicate entails its converse (Y exchanged fire with X), so
    Y is a side as X is, not a target; none for other predicates, where "with" may name a
    partner or an instrument, or a joint act ("together with", "in coordination with")."""
    if token.lemma_.lower() not in RECIPROCAL_LEMMAS or _joint_cue(token):
        return ()
    heads = [*_heads(token), *(c for c in token.children if c.dep_ == "dobj")]  # "fire with Y"
    return tuple(dict.fromkeys(
        k for head in heads for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ == "with" and not _partner_objects(prep)
        for noun in prep.children if noun.dep_ == "pobj" for k in _phrase_keys(noun, actor_at)))


def relate(token, event_type: str, agents: tuple[str, ...], targets: tuple[str, ...],  # type: ignore[no-untyped-def]
           actor_at: ActorAt, fallback_at: ActorAt | None = None
           ) -> tuple[tuple[str, ...], tuple[str, ...], str | None]:
    """The event's agents and targets with partners moved to the agents, and how they relate
    (``fallback_at`` names the actors outside the gazetteer that may fill a role).

    Returns ``(agents, targets, agents_act)``; ``agents_act`` is ``allied``,
    ``jointly``, ``mutually`` or ``None`` (no cue: the agents only co-act).
    """
    joined = partners(token, actor_at)
    if joined and agents:
        agents = tuple(dict.fromkeys((*agents, *joined)))
        targets = tuple(t for t in targets if t not in joined)
    if token.lemma_.lower() in ALLIANCE_LEMMAS and (targets or len(agents) > 1):
        return agents, targets, "allied"
    if len(agents) <= 1 and not targets and (_mutual_cue(token) or _sides(token)):
        return agents, targets, "mutually"  # "a shoot-out between gunmen": one group, two sides
    either = either_at(actor_at, fallback_at)
    if len(agents) == 1 and len(targets) == 1 and targets == comitative_side(token, either):
        return (*agents, *targets), (), "mutually"  # "X clashed with Y": Y clashed with X too
    if len(agents) == 1 and targets and agents == adjunct_opponents(token, either):
        return (*agents, *targets), (), "mutually"  # "a soldier was killed in clashes with X"
    if len(agents) < 2:
        return agents, targets, None
    sides = set(adjunct_sides(token, either))
    if set(agents) == sides and set(targets) <= sides:  # "a soldier was killed in a clash
        return agents, (), "mutually"  # between X and Y": one side's loss in their fight
    if (joined and len(agents) > 1) or _joint_cue(token):
        return agents, targets, "jointly"
    if not targets and (event_type in RECIPROCAL_TYPES or _mutual_cue(token)
                        or token.lemma_.lower() in RECIPROCAL_LEMMAS):
        return agents, targets, "mutually"
    return agents, targets, None


__all__ = ["ALLIANCE_LEMMAS", "RECIPROCAL_TYPES", "comitative_side", "partners", "relate"]

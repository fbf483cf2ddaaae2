"""Agents told outside the subject: by the event a passive harm happened in, or by who used
the weapon that did it.

"A soldier was wounded during a firefight between the rebels and the army", "two men were
killed in an attack by the militants", "a suspect was shot dead during a police raid", "a
civilian was killed after soldiers fired on his car": the passive verb names no agent, but
the event phrase or clause it happened in does. Its parties (its
"between" phrase), its "by" phrase or the actor that modifies it ("a police raid") are the
agents of the harm, rather than an unidentified armed group. A fight "with" a side names
the other side ("killed during clashes with X": the victims' side fought X), which
:func:`adjunct_opponents` gives: the harm is one side's loss in their fight. Likewise "a
landmine planted by X exploded": whoever planted or fired a weapon did what it did
(:func:`weapon_user`), and what is done to the weapon ("soldiers defused a mine planted by
X") is done to them (:func:`weapon_layers`).
"""

from __future__ import annotations

from kg.analysis.families import family_of
from kg.extract.phrases import ActorAt, actors_in, phrase_actors, unlocated, without_clauses
from kg.extract.role_words import (LAID_MUNITIONS, RUN_INTO_PREPS, RUN_INTO_VERBS,
                                   WEAPON_USE_VERBS)
from kg.extract.sides import RECIPROCAL_LEMMAS, between_phrases

EVENT_ADJUNCT_PREPS = frozenset({"during", "in", "following", "after", "amid", "amidst"})
"""Prepositions whose event noun tells the event a harm happened in: "killed during a raid"."""
EVENT_CLAUSE_MARKS = frozenset({"after", "when", "as"})
"""Conjunctions of a clause that tells the event a harm happened in: "was killed after X fired"."""
EVENT_MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})


def passive(verb) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``verb`` is a passive with a subject: "a soldier was wounded"."""
    return any(c.dep_ == "nsubjpass" for c in verb.children)


def adjunct_event_agents(verb, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """The agents of the first event noun in an adjunct of a passive ``verb`` that names any:
    its parties, its "by" phrase, or its actor modifier; ``()`` for any other verb."""
    if not passive(verb):
        return ()
    found = _event_clause_agents(verb, actor_at)
    if found:  # "was killed after X opened fire on his unit"
        return found
    noun = _agentive_event(verb, actor_at)
    return _event_agents(noun, actor_at) if noun is not None else ()


def adjunct_sides(verb, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """The sides of the two-sided event a passive harm happened in, when they are its agents:
    "a soldier was killed during a firefight between the rebels and the army" -> the rebels
    and the army, who fought each other; ``()`` when the harm's agents come from elsewhere
    (an event clause, a "by" phrase, a modifier) or ``verb`` is no passive."""
    noun = _harm_event(verb, actor_at)
    between = between_phrases(noun) if noun is not None else []
    return actors_in(unlocated(between[0]), actor_at) if between else ()


def _harm_event(verb, actor_at: ActorAt):  # type: ignore[no-untyped-def]
    """The event noun a passive harm happened in whose parties are its agents, or ``None`` for
    no passive, or where an event clause names the agents (:func:`_event_clause_agents`)."""
    if not passive(verb) or _event_clause_agents(verb, actor_at):
        return None
    return _agentive_event(verb, actor_at)


def _agentive_event(verb, actor_at: ActorAt):  # type: ignore[no-untyped-def]
    """The first event noun in an adjunct of ``verb``, or of the passives coordinated with it,
    that names agents ("during a raid by X"; "a soldier was killed and two were injured in an
    IS attack")."""
    from kg.extract.triggers import trigger_type

    verbs = [verb, *(v for v in verb.conjuncts if passive(v))]
    return next((noun for v in verbs for prep in v.children
                 if prep.dep_ == "prep" and prep.lower_ in EVENT_ADJUNCT_PREPS
                 for noun in prep.children if noun.dep_ == "pobj"
                 and trigger_type(noun) is not None and _event_agents(noun, actor_at)), None)


def _event_clause_agents(verb, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """The agents of the first event clause of ``verb``, or of a harm coordinated after it whose
    clause tells both ("2 children were killed and 3 civilians injured when X shelled", "a child
    was killed and another was injured when ...")."""
    gapped = [g for c in verb.children if c.dep_ == "conj" for g in (c, *c.children)
              if g.tag_ == "VBN" and g.dep_ in ("conj", "acl")]
    return next((found for v in (verb, *gapped) for c in v.children
                 if (found := _clause_agents(c, actor_at))), ())


def _clause_agents(clause, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """The subject's actors of an adverbial clause of a violent event that a harm happened in:
    "after soldiers fired on his car", "when police opened fire"; of a weapon subject, its user
    ("when a landmine planted by X exploded"), as of a laid munition run into ("when their
    vehicle hit a landmine planted by X")."""
    from kg.extract.triggers import trigger_type

    if clause.dep_ != "advcl" or not any(m.dep_ in ("mark", "advmod")
                                         and m.lower_ in EVENT_CLAUSE_MARKS
                                         for m in clause.children):
        return ()
    munition = munition_run_into(clause)
    if munition is not None:
        return weapon_user(munition, actor_at)
    if family_of(trigger_type(clause) or "") != "fights":
        return ()
    return tuple(k for c in clause.children if c.dep_ == "nsubj"
                 for k in phrase_actors(c, actor_at) or weapon_user(c, actor_at))


def _event_agents(noun, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    between = between_phrases(noun)
    if between:
        return actors_in(unlocated(between[0]), actor_at)
    by = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"]
    if by:
        return actors_in(by[0].subtree, actor_at)
    if noun.lemma_.lower() in RECIPROCAL_LEMMAS:  # "clashes with X": X fought the victims
        return _fought_with(noun, actor_at)
    return tuple(dict.fromkeys(k for c in noun.children if c.dep_ in EVENT_MODIFIER_DEPS
                               for k in phrase_actors(c, actor_at)))


def _fought_with(noun, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    return next((found for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"
                 if (found := actors_in(unlocated(c), actor_at))), ())


def adjunct_opponents(verb, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """The side named "with" the fight a passive harm happened in, the victims' side being the
    other: "a soldier was killed in clashes with PKK militants" -> the PKK; ``()`` when the
    harm's agents come from elsewhere or ``verb`` is no passive."""
    noun = _harm_event(verb, actor_at)
    if noun is None or noun.lemma_.lower() not in RECIPROCAL_LEMMAS or between_phrases(noun) \
            or any(c.dep_ == "prep" and c.lower_ == "by" for c in noun.children):
        return ()
    return _fought_with(noun, actor_at)


def weapon_user(thing, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """Who used a thing, by the "by" phrase of a participle of weapon use that modifies it: "a
    landmine planted by X exploded", "shells fired by X hit a house", "a mine left over from X
    exploded": X did what the thing did."""
    verbs = [c for c in thing.children if c.dep_ == "acl"]
    if thing.dep_ in ("nsubj", "nsubjpass"):  # the parser's "[an IED] [likely planted] by X"
        verbs.append(thing.head)
    return tuple(k for verb in verbs if verb.lemma_.lower() in WEAPON_USE_VERBS
                 for by in verb.children if by.dep_ == "agent"  # a passive's "by" phrase,
                 or by.lower_ == "from" and verb.lemma_.lower() == "leave"  # "left over from X"
                 for k in actors_in(without_clauses(by), actor_at))


def weapon_layers(trigger, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """Who laid, fired or owns the weapons an act names or acts on: "soldiers defused an IED
    planted by X", "a bomb placed by X was found and defused", "seized a cache of arms
    belonging to X". A disrupted weapon is its user's: the act of disrupting it is done to them."""
    things = [trigger] if trigger.pos_ in ("NOUN", "PROPN") else []
    things += [c for verb in (trigger, *trigger.conjuncts) for c in verb.children
               if c.dep_ in ("dobj", "nsubjpass")]
    things += [g for thing in things for p in thing.children if p.dep_ == "prep"
               and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]  # "a cache of arms"
    owners = [g for thing in things for acl in thing.children if acl.dep_ == "acl"
              and acl.lemma_.lower() == "belong" for p in acl.children if p.dep_ == "prep"
              for g in p.children if g.dep_ == "pobj"]
    return tuple(dict.fromkeys([*(k for thing in things for k in weapon_user(thing, actor_at)),
                                *(k for owner in owners for k in phrase_actors(owner, actor_at))]))


def munition_run_into(verb):  # type: ignore[no-untyped-def]
    """The laid munition ``verb`` says its subject ran into, or ``None``: the object of "hit",
    "struck", or of "on"/"over" after "stepped", "drove", "exploded" ("a bus struck a
    landmine", "a tractor exploded on a mine"). Its subject is the one hit; whoever laid it
    (:func:`weapon_user`) is the one who struck."""
    if verb.lemma_.lower() not in RUN_INTO_VERBS or passive(verb) or not any(
            c.dep_ == "nsubj" for c in verb.children):
        return None
    things = [c for c in verb.children if c.dep_ == "dobj"] + [
        g for p in verb.children if p.dep_ == "prep" and p.lower_ in RUN_INTO_PREPS
        for g in p.children if g.dep_ == "pobj"]
    return next((t for t in things if t.lemma_.lower() in LAID_MUNITIONS), None)


__all__ = ["EVENT_ADJUNCT_PREPS", "adjunct_event_agents", "adjunct_opponents", "adjunct_sides",
           "munition_run_into", "passive", "weapon_layers", "weapon_user"]

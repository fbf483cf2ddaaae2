"""Force used on a protest: an act of violence or an arrest whose victims are protesters.

ACLED codes what is done to peaceful protesters as part of the protest: "police detained
dozens of protesters" and "officers fired rubber bullets at demonstrators" are a protest with
intervention, "soldiers opened fire on protesters, killing six" and "troops killed people
protesting against the coup" excessive force against protesters. The victims are named by a
noun for those who protest (``ckg:agentNoun`` of a violent demonstration, rioters left out:
force on a riot is the riot), by an event noun of protest ("fired live rounds at a march"), or
by people with a participle of protest ("people protesting against ..."). How the force went
comes from the protest's manner cues (:func:`kg.extract.refine.by_manner`): tear gas and
rubber bullets tell an intervention, stones thrown a violent demonstration; violence with no
such cue, which harms the protesters, is excessive force. As in every protest event, the
crowd is the agent and the forces the target (ACLED's actor1 is the protesters).

Examples
--------
>>> sorted(protesters())
['demonstrator', 'protester']
"""

from __future__ import annotations

import functools

from kg.extract.lexicon import words_of
from kg.extract.participants import ATTACKS, PERSONAL, RIOT, VICTIM_PREPS, argument_heads
from kg.extract.refine import CUSTODY, by_manner
from kg.extract.triggers import NOT_EVENTS, trigger_type

PROTEST = "Protest"
INTERVENTION = "ProtestWithIntervention"
EXCESSIVE = "ExcessiveForce"
AIMED = frozenset({"on", "at", "against"})
"""Prepositions of what a weapon is turned on."""
FORCED = frozenset({INTERVENTION, EXCESSIVE})
"""Types of force on a protest, whose crowd is their agent."""
FORCE = ATTACKS | {PERSONAL, RIOT}
"""Types of violence that, done to protesters, is force against their protest (a riot's type
too: "shot dead demonstrators during a protest" is set in the protest, not done by it)."""


@functools.cache
def protesters() -> frozenset[str]:
    """Nouns for those who protest (read from the scheme once); rioters are no peaceful
    protesters."""
    return words_of("agent_nouns", RIOT) - {"rioter"}


@functools.cache
def _protest_words() -> tuple[frozenset[str], frozenset[str]]:
    """(event nouns, verbs) of protest ("march", "rally"; "protest", "demonstrate")."""
    return words_of("nouns", PROTEST), words_of("verbs", PROTEST)


def _protesting(noun) -> bool:  # type: ignore[no-untyped-def]
    """``noun`` names protesters ("demonstrators"), a protest ("a march") or people with a
    participle of protest ("people protesting against the coup")."""
    nouns, verbs = _protest_words()
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or noun.ent_type_ in NOT_EVENTS:  # "on 4 March"
        return False
    return lemma in protesters() or (lemma in nouns and noun.dep_ == "pobj") or any(
        c.dep_ == "acl" and c.tag_ == "VBG" and c.lemma_.lower() in verbs for c in noun.children)


def _adjunct(word, token) -> bool:  # type: ignore[no-untyped-def]
    """``word`` belongs to an adverbial clause of ``token``: "rioted, joining thousands of
    demonstrators" does nothing to the demonstrators."""
    while word.i != token.i and word.head.i != word.i:
        if word.dep_ == "advcl":
            return True
        word = word.head
    return False


def victims(token) -> list:  # type: ignore[no-untyped-def,type-arg]
    """Who an act is done to: the objects of the trigger (and of its coordinated verbs, not of
    its adverbial clauses), the
    passive's subject and the objects of "on", "at", "against", "of"; for an event noun, its
    "on", "at", "against" phrases; for a participle on a noun ("protesters shot dead"), the noun;
    the subject of a clause such a phrase holds ("fired at protesters marching ...", which a
    tagger may parse as a clause); what the object is aimed at ("used water cannon against
    demonstrators")."""
    deps = {"dobj", "nsubjpass"} if token.pos_ == "VERB" else {"poss"}
    found = [v for v in argument_heads(token, deps, VICTIM_PREPS) if not _adjunct(v, token)]
    found += [s for p in token.children if p.dep_ == "prep" and p.lower_ in VICTIM_PREPS
              for c in p.children if c.dep_ == "pcomp" for s in c.children if s.dep_ == "nsubj"]
    found += [g for o in token.children if o.dep_ == "dobj" for p in o.children  # "used water
              if p.dep_ == "prep" and p.lower_ in AIMED for g in p.children  # cannon against
              if g.dep_ == "pobj"]  # demonstrators": the parser may hang the aim on the object
    if token.dep_ == "acl" or (token.dep_ == "amod" and token.pos_ == "VERB"):
        found.append(token.head)
    return found


def _protesting_while(token):  # type: ignore[no-untyped-def]
    """The passive subject of ``token`` when a participle adjunct tells that it was protesting:
    "were detained while staging a demonstration", "were arrested while protesting" (the
    participle's understood subject is the passive's)."""
    nouns, verbs = _protest_words()
    done_to = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    protesting = any(c.dep_ == "advcl" and c.tag_ == "VBG" and (c.lemma_.lower() in verbs or any(
        o.dep_ == "dobj" and o.lemma_.lower() in nouns for o in c.children))
        for c in token.children)
    return done_to if protesting else None


def _purposed(token) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The objects of ``token``'s clause of purpose: "fired tear gas to disperse protesters"."""
    return [o for c in token.children if c.dep_ == "advcl" and any(
        a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for o in c.children if o.dep_ == "dobj"]


def _crowd(token):  # type: ignore[no-untyped-def]
    """The protesters ``token``'s act is done to, or ``None``; for an act that is itself an
    intervention ("fired tear gas"), also those its purpose names ("to disperse protesters"):
    whom other violence was meant to disperse need not be whom it harmed ("opened fire to
    disperse demonstrators, killing one person")."""
    found = victims(token)
    if trigger_type(token) in FORCED:
        found += _purposed(token)
    return next((v for v in found if _protesting(v)), None) or _protesting_while(token)


def on_protest(token, event_type: str) -> str:  # type: ignore[no-untyped-def]
    """The type of force used on a protest, when the victims of ``token``'s act protest: an
    arrest is an intervention; violence is refined by the protest's manner, excessive force
    when no cue tells otherwise.

    The function needs a parsed sentence; see ``tests/test_extract_protest_force.py``.
    """
    if event_type not in FORCE and event_type != CUSTODY:
        return event_type
    crowd = _crowd(token)
    if crowd is None:
        return event_type
    if event_type == CUSTODY:
        return INTERVENTION
    manner = by_manner(crowd, PROTEST)  # the crowd stands for the protest: what its
    # subject does is no act of the crowd's ("officers fired rubber bullets at protesters")
    return EXCESSIVE if manner == PROTEST else manner


def as_protest(token, event_type: str, agents: tuple[str, ...],  # type: ignore[no-untyped-def]
               targets: tuple[str, ...]) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """(type, agents, targets) of an act, made a protest's when done to protesters
    (:func:`on_protest`; also an intervention its trigger word names, "lobbed tear gas at
    demonstrators", not a protest word made one by its manner): the protesters it was done to act, the forces who did it are what the
    protest faces.

    >>> as_protest(None, "Negotiate", ("a",), ("b",))
    ('Negotiate', ('a',), ('b',))
    """
    refined = on_protest(token, event_type)
    if refined == event_type and (refined not in FORCED or trigger_type(token) not in FORCED
                                  or _crowd(token) is None):
        return event_type, agents, targets  # a protest's own word ("a gathering of people
    return refined, targets, agents  # demonstrating") has its crowd as agent already


__all__ = ["as_protest", "on_protest", "protesters", "victims"]

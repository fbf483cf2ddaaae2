"""Whether a trigger reports an event as happening: "a man was shot dead", "an explosion
occurred" tell of an event someone did; "the fighting", "after weeklong battle" point back to
one or mention it in passing. An event so reported with no actor of its own gets the implicit
agent its type calls for (:meth:`kg.extract.generic.GenericAgents.implicit`).
"""

from __future__ import annotations

from kg.extract.arms import munitions

DEFINITE = frozenset({"the", "this", "that", "these", "those"})
TEMPORAL_PREPS = frozenset({"after", "before", "since", "following", "until", "till", "during",
                            "amid", "despite"})
"""Prepositions of an event noun mentioned in passing, as the time of another ("after weeklong
battle")."""


def subjects(verb) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The subjects of ``verb``: nominal, clausal or expletive."""
    return [c for c in verb.children if c.dep_ in ("nsubj", "csubj", "expl")]


def reports_occurrence(trigger) -> bool:  # type: ignore[no-untyped-def]
    """Whether a trigger with no agent reports an event as happening, so that someone did it.

    A verb does when it has no subject ("a man was shot dead"; "gunmen shot" has one), or when
    its subject is itself an event ("an explosion killed two"); a conjoined verb shares its
    subject. A noun does when it is indefinite and not inside a prepositional phrase ("an explosion
    occurred", "clashes erupted"); "the fighting", "its attack" point back to an event already
    told, and "after weeklong battle", "in major battles" mention one in passing, unless a call
    that was followed asks for it ("responded to the call for demonstrations"). A relative
    clause ("who was kidnapped in 2013") is background, not the report, and an active verb
    modifying a noun ("forces fighting alongside") has that noun for its subject; a passive one
    does not ("two civilians killed in the attack").
    """
    from kg.extract.events import trigger_type
    from kg.extract.triggers import complied

    if trigger.dep_ == "relcl" or trigger.dep_ == "acl" and trigger.tag_ != "VBN" or \
            trigger.ent_type_ in ("DATE", "TIME"):  # "On 1 March 2022" is no march
        return False
    if trigger.pos_ in ("VERB", "AUX"):
        verb = trigger
        while verb.dep_ == "conj" and not subjects(verb) and verb.head is not verb:
            verb = verb.head  # "killed two and wounded five": the subject of "killed"
        return all(trigger_type(s) is not None or s.lemma_.lower() in munitions()
                   for s in subjects(verb))  # "an explosion killed two", "a bomb exploded"
    definite = any(c.dep_ == "poss" or c.lower_ in DEFINITE for c in trigger.children)
    if definite or trigger.dep_ == "nsubj" and trigger_type(trigger.head) is not None:
        return False  # "a roadside bombing killed": the killing's event, told once
    if trigger.dep_ != "pobj" or complied(trigger.head.head):
        return True  # "responded to the call for demonstrations": they took place
    counted = any(c.lower_ in ("a", "an") or c.dep_ == "nummod" for c in trigger.children)
    governor = trigger.head.head
    return counted and trigger.head.lower_ not in TEMPORAL_PREPS and (
        governor is trigger.head or trigger_type(governor) is None)


__all__ = ["reports_occurrence", "subjects"]

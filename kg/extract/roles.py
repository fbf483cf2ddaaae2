"""Roles of an event: agents from the clause's subject (or the ``by`` phrase of a passive),
targets from its object or an ``against/on/over/with`` phrase; noun triggers take their
roles from possessors, modifiers and the verb they are the object of.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kg.extract.adjunct_events import adjunct_event_agents, munition_run_into, weapon_user
from kg.extract.claimed_acts import misread_subjects
from kg.extract.clauses import (adjunct_controllers, clause_of, controlling_verb,
                                labelled_clause, main_verb)
from kg.extract.phrases import ActorAt, actors_in, either_at, phrase_actors, unlocated
from kg.extract.role_words import (AIMED_PREPS, ANSWER_VERBS, CLAIM_VERBS,
                                   COMPLEMENT_TARGET_VERBS, COPULAS, ENCOUNTER_VERBS, IMPACT_VERBS,
                                   LIGHT_TARGET_PREPS, LIGHT_VERBS, OWNER_PREPS, PETITION_NOUNS,
                                   RESPONSIBILITY_NOUNS, THROWING_VERBS)
from kg.extract.sides import between_phrases, two_sided
from kg.extract.target_phrases import (aimed_objects, conjoined_targets, counted_object,
                                       deprived, direction_objects, in_phrase_of,
                                       misread_conjuncts, obliged, placed_targets,
                                       relative_pronoun, restrictive, shared_patient, suffered,
                                       target_prep)
from kg.extract.triggers import RELATION_NOUNS, trigger_type


def _subject_actors(verb, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    for child in verb.children:
        if child.dep_ in ("nsubj", "agent") or (child.dep_ == "prep" and child.lower_ == "by"):
            found = phrase_actors(child, actor_at) if child.dep_ == "nsubj" \
                else actors_in(child.subtree, actor_at)
            if not found and child.dep_ == "nsubj":  # "shells fired by X hit a house"
                found = weapon_user(child, actor_at)
            if found:
                return found
            if child.pos_ == "PRON" and verb.dep_ == "ccomp":
                return _subject_actors(verb.head, actor_at)  # "X said they had ..."
            if relative_pronoun(child) and verb.dep_ == "relcl" and verb.head is not verb \
                    and restrictive(child):
                return phrase_actors(verb.head, actor_at)  # "forces who entered and killed"
    misread = misread_subjects(verb, actor_at)  # "IS claimed killing": "IS" read as "is"
    if misread:
        return misread
    shared = _shared_agent(verb, actor_at) or adjunct_event_agents(verb, actor_at)
    if shared:  # "was killed by gunmen", "was killed during a firefight between X and Y"
        return shared
    controllers = adjunct_controllers(verb)
    if controllers is not None:  # "X were detained by police while staging a protest"
        return tuple(dict.fromkeys(k for c in controllers for k in phrase_actors(c, actor_at)))
    if verb.dep_ in ("xcomp", "conj", "advcl", "acomp") and verb.head is not verb:
        return _subject_actors(verb.head, actor_at)  # "X is about to restore", "X agreed to ..."
    controller = controlling_verb(verb)  # "X arrested a journalist after raiding her home"
    if controller is not None:
        return _subject_actors(controller, actor_at)
    if verb.dep_ == "acl" and (verb.tag_ != "VBN" or main_verb(verb)):  # "forces fighting
        return phrase_actors(verb.head, actor_at)  # alongside", "150 people [who] protested"
    return ()


def _shared_agent(verb, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """The agent of passive verbs conjoined with a passive ``verb``, whose "by" phrase the last
    one carries for all: "a man was shot and killed by gunmen" -> the gunmen shot him too."""
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return ()
    return tuple(k for conj in verb.children if conj.dep_ == "conj" and conj.tag_ == "VBN"
                 and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children)
                 for by in conj.children if by.dep_ == "agent"
                 for k in actors_in(by.subtree, actor_at))


KeyTest = Callable[[str], bool]


def _never(key: str) -> bool:
    return False


def _always(key: str) -> bool:
    return True


def _roles_of_verb(verb, actor_at: ActorAt, many: KeyTest = _never  # type: ignore[no-untyped-def]
                   ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if _bare_label(verb):  # "Looting: ... militants seized cattle from herders"
        return _roles_of_verb(verb.head, actor_at, many)
    munition = munition_run_into(verb)
    if munition is not None:  # "a bus carrying soldiers hit a mine laid by X": X hit them
        agents = weapon_user(munition, actor_at)
        hit = (k for c in verb.children if c.dep_ == "nsubj" for k in phrase_actors(c, actor_at))
        return agents, tuple(k for k in dict.fromkeys(hit) if k not in agents or many(k))
    agents = _subject_actors(verb, actor_at) or tuple(  # "a bus struck a mine laid by X"
        k for c in verb.children if c.dep_ == "dobj" for k in weapon_user(c, actor_at))
    found = _own_targets(verb, actor_at) or _told_elsewhere(verb, actor_at, agents)
    return agents, tuple(k for k in dict.fromkeys(found) if k not in agents or many(k))


def _own_targets(verb, actor_at: ActorAt) -> list[str]:  # type: ignore[no-untyped-def]
    """Targets in the verb's own phrases: its object, a target preposition, "in the direction
    of X", and those of a noun of its object the parser misread as a verb."""
    found: list[str] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "oprd", "nsubjpass"):
            found.extend(phrase_actors(child, actor_at))
            if child.dep_ == "dobj" and not found:  # "rejected calls by Belarus's rulers"
                found.extend(k for prep in child.children if prep.dep_ == "prep"
                             and prep.lower_ in OWNER_PREPS for g in prep.children
                             for k in phrase_actors(g, actor_at))
            if child.lemma_.lower() in RELATION_NOUNS:  # "restore ties with X"
                found.extend(k for prep in child.children if target_prep(verb, prep)
                             for g in prep.children for k in phrase_actors(g, actor_at))
        elif target_prep(verb, child) or counted_object(child):
            found.extend(k for grandchild in child.children for k in
                         phrase_actors(grandchild, actor_at))
        else:  # "fired in the direction of X's positions"
            found.extend(k for g in direction_objects(child) for k in phrase_actors(g, actor_at))
    if not found:  # "fired mortars and grenade launchers at X": "grenade" misread as a verb
        found.extend(k for c in misread_conjuncts(verb) for p in c.children
                     if target_prep(verb, p) for g in p.children
                     for k in phrase_actors(g, actor_at))
    return found or aimed_objects(verb, actor_at)  # "lobbed a grenade at soldiers"


def _told_elsewhere(verb, actor_at: ActorAt,  # type: ignore[no-untyped-def]
                    agents: tuple[str, ...]) -> list[str]:
    """Targets a verb's own phrases leave unnamed, from the first of these that names any: a
    subject the parser stranded or a relative clause's antecedent, the patient of the passive
    it is conjoined to, the object of a conjoined act, a clause of purpose, of aim, of
    resistance or (for an act with agents) of encounter, whom a taking deprives, a complement."""
    finders: tuple[Callable[[], Iterable[str]], ...] = (
        lambda: placed_targets(verb, actor_at),  # "in Tlaxco, Morelos, a man was shot"
        lambda: shared_patient(verb, actor_at),  # "a man was shot and killed"
        lambda: conjoined_targets(verb, actor_at),
        lambda: _purpose_targets(verb, actor_at),  # "opened fire to disperse demonstrators"
        lambda: _aim_targets(verb, actor_at),  # "an IED detonated, targeting a convoy"
        lambda: _resisters(verb, actor_at),  # "assaulted the town but were repelled by X"
        lambda: _met_targets(verb, actor_at) if agents else (),  # "..., clashing with X"
        lambda: deprived(verb, actor_at),  # "seized phones from women"
        lambda: _complement_targets(verb, actor_at)
        if verb.lemma_.lower() in COMPLEMENT_TARGET_VERBS else obliged(verb, actor_at))
    return next((found for find in finders if (found := list(find()))), [])


def _bare_label(verb) -> bool:  # type: ignore[no-untyped-def]
    """A gerund with no word of its own but a colon, heading a clause: a label that names the
    clause's act ("Looting: ... militants seized cattle"), whose roles are the clause's."""
    return verb.tag_ == "VBG" and verb.head.pos_ == "VERB" and verb.head.i != verb.i \
        and any(c.text == ":" for c in verb.children) \
        and all(c.dep_ == "punct" for c in verb.children)


def _complement_targets(verb, actor_at: ActorAt) -> list[str]:  # type: ignore[no-untyped-def]
    """ "demanded that the US cancel ..." -> the US; "threatened to shell Iraqi towns" -> the towns."""
    found: list[str] = []
    for child in verb.children:
        if child.dep_ == "ccomp":
            found.extend(k for c in child.children if c.dep_ in ("nsubj", "nsubjpass")
                         for k in phrase_actors(c, actor_at))
        elif child.dep_ == "xcomp" and child.pos_ == "VERB":
            found.extend(_roles_of_verb(child, actor_at)[1])
    return found


PURPOSE_VERBS = {"protest", "demand", "press", "denounce", "condemn", "oppose", "disperse"}
"""Verbs of a purpose clause that say whom an act is aimed at: "a strike to protest X's decision",
"opened fire to disperse demonstrators"."""


def _purpose_targets(verb, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """Targets of a purpose clause ("to protest ...", "to demand ...") hanging on ``verb``."""
    return tuple(k for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"
                 and c.lemma_.lower() in PURPOSE_VERBS for k in _roles_of_verb(c, actor_at)[1])


RESISTANCE_VERBS = {"repel", "repulse", "thwart", "foil", "resist", "fend", "ward"}
"""Verbs of resisting an act: who resists is the one the act was aimed at."""
AIM_VERBS = {"target", "aim"}
"""Verbs whose clause on an act names what the act was aimed at: "detonated, targeting X"."""


def _aim_targets(head, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """Targets of a clause of aim hanging on ``head``: "..., targeting a convoy of X"; a verb
    of aim takes no clause, so the subject the parser gives a clause after it is its object
    ("targeting X forces escorting a truck", parsed as "targeting [X forces escorting ...]")."""
    aims = [c for c in head.children if c.dep_ in ("advcl", "xcomp", "acl", "conj")
            and c.pos_ == "VERB" and c.lemma_.lower() in AIM_VERBS]
    return tuple(k for c in aims for k in _roles_of_verb(c, actor_at)[1] or tuple(
        k for clause in c.children if clause.dep_ == "ccomp" for s in clause.children
        if s.dep_ == "nsubj" for k in phrase_actors(s, actor_at)))


def _met_targets(head, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """Whom the act of ``head`` met, by a participle of encounter on it: "launched an offensive
    near the town, clashing with X" -> X."""
    participles = [c for c in head.children if c.dep_ in ("advcl", "xcomp", "conj")] + [
        c for c in head.subtree if c.dep_ == "acl" and in_phrase_of(c.head, head)]
    return tuple(k for c in participles if c.tag_ == "VBG"
                 and c.lemma_.lower() in ENCOUNTER_VERBS for k in _roles_of_verb(c, actor_at)[1])


def _resisters(head, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """Who resisted the act of ``head``: the agent of a conjoined passive verb of resistance
    ("launched an offensive but were repelled by X")."""
    return tuple(k for c in head.children if c.dep_ == "conj" and c.lemma_.lower() in
                 RESISTANCE_VERBS and c.tag_ == "VBN" for a in c.children if a.dep_ == "agent"
                 for g in a.children for k in phrase_actors(g, actor_at))


def _noun_targets(noun, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    preps = [c for c in noun.children if target_prep(noun, c)]
    if noun.dep_ == "nsubj":  # "talks have begun with the militants"
        preps += [c for c in noun.head.children if target_prep(noun, c)]
    return tuple(k for p in preps for g in p.children for k in phrase_actors(g, actor_at))


PARTICIPATION_PREPS = {"in", "for", "at", "during"}
"""Prepositions by which the subject of a verb takes part in an event noun: "joined in a rally",
"burnt the party flag during a protest"."""


def _light(verb) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``verb`` is a light verb, by its lemma or, where the tagger's lemma is off
    ("staged" -> "stag"), by its regular inflection."""
    word = verb.lower_
    forms = {verb.lemma_, word, word[:-1], word[:-2], word[:-3], word[:-3] + "e"}
    return bool(forms & LIGHT_VERBS) and verb.pos_ in ("VERB", "AUX")


def _roles_of_noun(noun, actor_at: ActorAt, many: KeyTest = _never  # type: ignore[no-untyped-def]
                   ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and trigger_type(noun.head) is None:
        noun = noun.head  # "a mediation mission between X and Y": the roles hang on "mission"
    targets = _noun_targets(noun, actor_at)
    modifiers = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
    agents = tuple(dict.fromkeys(k for c in modifiers for k in phrase_actors(c, actor_at)))
    verb = clause_of(noun)
    if not agents and any(c.pos_ == "PRON" for c in modifiers):  # "their assault", "its ceasefire"
        agents = _subject_actors(verb, actor_at)
        if not agents and verb.dep_ == "ccomp":  # "the army announced its ceasefire took effect"
            agents = _subject_actors(verb.head, actor_at)
    head = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.lemma_.lower() in PETITION_NOUNS:  # "a request from Beirut"; "accepted X's request"
        source = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"]
        agents = agents or (actors_in(source[0].subtree, actor_at) if source else ())
        if head.lemma_.lower() in ANSWER_VERBS:
            head = noun  # whoever accepts or rejects it did not make it
    first = noun
    while first.dep_ == "conj" and first.head is not first:  # "artillery, mortar and rocket fire"
        first = first.head
    if first is not noun:
        head = first.head.head if first.dep_ == "pobj" else first.head
    thrown = first.dep_ == "dobj" and head.lemma_.lower() in THROWING_VERBS  # "hurled bombs"
    if not agents and (first.dep_ in ("dobj", "pobj", "attr") and _light(head) or thrown):
        agents = _subject_actors(head, actor_at)
    if not agents:  # "X claimed responsibility for the attack"
        agents = _claimants(first, actor_at)
    harmed = suffered(noun, first, head)
    if harmed and not targets:  # "a civilian died in an explosion": who suffers the act
        targets = tuple(k for c in head.children if c.dep_ in ("nsubj", "nsubjpass")
                        for k in phrase_actors(c, actor_at))
    if not agents and not harmed and first.dep_ == "pobj" and first.head.lower_ in \
            PARTICIPATION_PREPS and head.pos_ == "VERB" and trigger_type(head) is None:
        agents = _subject_actors(head, actor_at)  # "gathered in a protest"
    if not agents and noun.dep_ == "attr" and head.lemma_ in COPULAS:  # "X is an ally of Y"
        agents = _subject_actors(head, actor_at)
    targets = targets or _verb_told_targets(noun, first, head, actor_at)
    between = between_phrases(noun)
    if agents and not targets and between:  # "X undertook a mediation mission between A and B":
        targets = actors_in(unlocated(between[0]), actor_at)  # A and B are the parties
    elif not agents and between:  # "clashes between A and B": they act on each other
        agents = actors_in(unlocated(between[0]), actor_at)
    by = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"]
    if not agents and by:  # "offensives by Hezbollah and the Syrian army"
        agents = actors_in(by[0].subtree, actor_at)
    agents = agents or weapon_user(noun, actor_at)  # "an IED planted by X"
    targets = targets or _resisted_or_aimed(noun, first, head, agents, actor_at)
    return agents, tuple(k for k in targets if k not in agents or many(k))


def _verb_told_targets(noun, first, head, actor_at: ActorAt  # type: ignore[no-untyped-def]
                       ) -> tuple[str, ...]:
    """Targets of an event noun told by the verb it is the object of: a light verb's target
    phrase ("set fire to a car", "opened fire on them", "opened fire in the direction of X"), a
    throwing verb's aimed phrase ("hurled petrol bombs at a police station"), the verb's clause
    of purpose ("began a hunger strike to protest X") or a light verb's conjoined act ("opened
    fire and killed a man"), or what the verb of impact it is the subject of hit ("an airstrike
    struck X")."""
    light = first.dep_ == "dobj" and _light(head)
    found = tuple(k for p in head.children if p.dep_ == "prep"
                  for g in (p.children if p.lower_ in LIGHT_TARGET_PREPS
                            else direction_objects(p))
                  for k in phrase_actors(g, actor_at)) if light else ()
    if not found and first.dep_ == "dobj" and head.lemma_.lower() in THROWING_VERBS:
        found = tuple(k for p in head.children if p.dep_ == "prep" and p.lower_ in AIMED_PREPS
                      for g in p.children for k in phrase_actors(g, actor_at))
    if not found and first.dep_ == "nsubj" and head.lemma_.lower() in IMPACT_VERBS:
        found = tuple(_own_targets(head, actor_at))  # "an airstrike hit X's positions"
    if not found and head is not noun and head.pos_ == "VERB":
        found = _purpose_targets(head, actor_at) or (
            tuple(conjoined_targets(head, actor_at)) if light else ())
    return found


def _claimants(noun, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """Who claims an event noun as their act: the subject of "claimed (took) responsibility
    (credit) for" it ("IS claimed responsibility for an attack on a checkpoint")."""
    owed = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else None
    if owed is None or owed.lemma_.lower() not in RESPONSIBILITY_NOUNS or owed.dep_ != "dobj" \
            or owed.head.lemma_.lower() not in CLAIM_VERBS:
        return ()
    return _subject_actors(owed.head, actor_at)


def _resisted_or_aimed(noun, first, head, agents: tuple[str, ...],  # type: ignore[no-untyped-def]
                       actor_at: ActorAt) -> tuple[str, ...]:
    """Targets of an event noun told by its verb: who resists it ("X repelled an attack",
    "launched an offensive but were repelled by X"), else the aim of the noun or of its verb
    ("a roadside bomb detonated, targeting a convoy"); the aim of a verb that tells an event of
    its own is the noun's only when the noun has an agent ("an IED by X detonated, targeting
    Y"), else it is the verb's."""
    verb = head if head is not noun and head.pos_ == "VERB" else None
    if verb is not None:
        resisting = verb.lemma_.lower() in RESISTANCE_VERBS and first.dep_ == "dobj"
        found = _subject_actors(verb, actor_at) if resisting else _resisters(verb, actor_at)
        found = tuple(k for k in found if k not in agents)
        if found:
            return found
    met = _met_targets(verb, actor_at) if verb is not None else ()
    if met:  # "engaged in an offensive, clashing with X"
        return met
    return _aim_targets(noun, actor_at) or (_aim_targets(verb, actor_at) if verb is not None
                                            and (agents or trigger_type(verb) is None) else ())


def _run_into_by(noun):  # type: ignore[no-untyped-def]
    """The verb by which someone ran into the laid munition ``noun`` ("two herders stepped on a
    landmine"), whose roles are the munition's; else ``noun`` itself."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    munition = munition_run_into(verb) if noun.pos_ == "NOUN" else None
    return verb if munition is not None and munition.i == noun.i else noun


def _widened(known: tuple[str, ...], wider: tuple[str, ...]) -> tuple[str, ...]:
    """A role's actors with the fallback's: all of them where the gazetteer found none, or
    where they hold the gazetteer's and more, the other conjuncts of one phrase ("Turkish
    forces and the Kilimo Brigade shelled ..."); else the gazetteer's alone.

    >>> _widened((), ("a",)), _widened(("a",), ("a", "b")), _widened(("a",), ("b",))
    (('a',), ('a', 'b'), ('a',))
    """
    return wider if not known or set(known) < set(wider) else known


def _recording(actor_at: ActorAt, asked: set[int]) -> ActorAt:
    """``actor_at``, noting in ``asked`` every token it is asked about. A role search is
    a function of the answers it gets: one whose every token the fallback leaves as it was
    would find the same roles with the fallback, and is not run again.

    >>> asked = set()
    >>> _recording({1: "a"}.get, asked)(1), _recording({1: "a"}.get, asked)(2), sorted(asked)
    ('a', None, [1, 2])
    """
    def answer(i: int) -> str | None:
        asked.add(i)
        return actor_at(i)
    return answer


def roles(token, actor_at: ActorAt, fallback_at: ActorAt | None,  # type: ignore[no-untyped-def]
          many: KeyTest = _never, owner_at: ActorAt | None = None
          ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Agents and targets; a role the gazetteer leaves empty may be filled by ``fallback_at``,
    and targets still empty by ``owner_at``: the owner of a thing hit (:mod:`kg.extract.owners`).

    An actor is no target of its own act, except a group named generically (``many``):
    "residents beat up a man" names two sets of civilians of one country, one actor key.
    """
    token = labelled_clause(token) or token  # a heading ("Looting: ...") takes its clause's roles
    token = _run_into_by(token)  # "stepped on a landmine": the verb tells who was hit
    verbal = token.pos_ == "VERB" and not (  # "fighting broke out": a gerund subject is a noun,
        token.tag_ == "VBG" and token.dep_ == "nsubj" and (  # as one an adjective qualifies is
            between_phrases(token) or any(c.dep_ in ("amod", "compound") for c in token.children)))  # ("Russian
    # shelling hit a school")
    roles_of = _roles_of_verb if verbal else _roles_of_noun
    asked: set[int] = set()
    agents, targets = roles_of(token, actor_at if fallback_at is None
                               else _recording(actor_at, asked), many)
    if fallback_at is not None:
        either = either_at(actor_at, fallback_at)
        wider_agents, wider_targets = roles_of(token, either, many) if any(
            either(i) != actor_at(i) for i in asked) else (agents, targets)
        agents = tuple(dict.fromkeys((*agents, *wider_agents))) if two_sided(token) \
            else _widened(agents, wider_agents)
        targets = _widened(targets, tuple(k for k in wider_targets if k not in agents or many(k)))
    if owner_at is not None and not targets:
        fallback = fallback_at or (lambda i: None)
        owned: ActorAt = lambda i: actor_at(i) or fallback(i) or owner_at(i)  # noqa: E731
        owned_targets = roles_of(token, owned, _always)[1]  # an owner in the subject is no agent
        targets = tuple(k for k in owned_targets if k not in agents or many(k))
    return agents, targets

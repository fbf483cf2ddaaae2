"""Events: typed triggers from the ontology's lexicon, roles from the dependency parse.

A trigger is a verb, noun or phrase of the trigger lexicon
(:mod:`kg.extract.triggers`); its type is made precise by instrument,
participants and manner (:mod:`kg.extract.refine`). Agents come from the
clause's subject (or the ``by`` phrase of a passive), targets from its object or
an ``against/on/over/with`` phrase (:mod:`kg.extract.roles`). Only actors inside
the trigger's own clause count. An event with no actor at all is kept only
when its type is a material occurrence (``ckg:reportableWithoutActor``: "an IED
exploded", "a man was shot dead"); a statement, demand or agreement needs
someone who makes it: the extractor abstains rather than guesses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from kg.analysis.families import family_of
from kg.extract.adjunct_events import weapon_layers
from kg.extract.clauses import clause_of, clause_tokens, labelled_clause
from kg.extract.counterpart import ONE_SIDED, stated_counterparts
from kg.extract.jointness import relate
from kg.extract.mediation import go_between_type, with_mediators
from kg.extract.lexicon import lexicon
from kg.extract.modality import attempted, modality_of
from kg.extract.refine import refine
from kg.extract.phrases import either_at
from kg.extract.protest_force import as_protest
from kg.extract.roles import ActorAt, roles
from kg.extract.triggers import PlaceAt, demanded, trigger_type


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
    agents_act: str | None = None  # jointly, mutually, allied (kg.extract.jointness)




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
    of a verb complement ("threatened to impose a curfew in Algiers"); a "from"
    phrase's last, after its goal ("marched from Orvo to Kalvan": Kalvan), a goal the parser
    hung on the source too ("fired from Orvo towards Kalvan").
    Objects are followed through "of" after a place noun ("the town of Cizre")
    and through a further locative phrase ("a camp in Thailand"). Places
    inside the subject ("Demonstrators in Baghdad") are not the event's own.
    """
    heads = [token]
    if token.pos_ != "VERB" and token.dep_ in ("dobj", "pobj", "attr", "nsubjpass"):
        heads.append(token.head.head if token.dep_ == "pobj" else token.head)
    heads += [c for h in list(heads) for c in h.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    found: list[int] = []
    sources: list[int] = []  # "marched from X to Y": Y, the goal, before X
    for head in heads:
        for child in head.children:
            if child.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB":
                found.extend(_place_chain(child))
            elif child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if child.lower_ == "from":  # "fired from X towards Y": Y, hung on X
                    found.extend(i for g in objects for goal in _goals(g) for i in _place_chain(goal))
                (sources if child.lower_ == "from" else found).extend(
                    i for g in objects for i in _place_chain(g))
    return tuple(dict.fromkeys([*found, *sources]))


GOAL_PREPS = frozenset({"to", "towards", "toward", "into", "at", "on"})
"""Prepositions of where a movement or a shot ends: "fired from Gaza towards Sderot"."""


def _goals(source) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The objects of the goal phrases the parser hung on a "from" phrase's object ("from the
    Gaza Strip towards Sderot": Sderot), which are the goal of the verb, not part of its source."""
    return [g for p in source.children if p.dep_ == "prep" and p.lower_ in GOAL_PREPS
            for g in p.children if g.dep_ == "pobj"]


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


REPORTED_TAGS = {"VBD", "VBN", "VBG"}
"""Verb forms that report an occurrence ("exploded", "was killed", "killing"); the present
("its forces fight alongside ...") describes what usually happens."""
BACKGROUND_PREPS = {"after", "before", "during", "since", "following", "amid", "despite"}
"""Prepositions that set an event as the background of another: "after a week-long battle"."""
UNCHANGED_PASTS = {"set", "put", "hit", "cut", "shut", "burst", "beat", "spread", "cast", "hurt",
                   "let", "quit", "shed", "split", "thrust", "upset", "bet", "broadcast"}
"""English verbs whose past tense is their base form: a tagger may read "rioters set houses on
fire" as present."""
DEFINITE = {"the", "this", "that", "these", "those"}


def _occurs_alone(token, event_type: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether a trigger with no actor still reports an event of its own.

    Only material types (``ckg:reportableWithoutActor``) qualify. A verb must
    report ("exploded", "were killed"); a noun must introduce the event, not
    refer back to one ("the fighting", "its assault"), not set the scene ("after
    a battle") and hang on a verb that is no trigger itself ("killed in an
    explosion", "clashes erupted"; not "fight in major battles").
    """
    if event_type not in lexicon().alone:
        return False
    if token.pos_ == "VERB":
        return token.tag_ in REPORTED_TAGS or (token.tag_ == "VBP" and token.lower_ in UNCHANGED_PASTS)
    if any(c.lower_ in DEFINITE or c.dep_ == "poss" for c in token.children):
        return False
    governor = token.head.head if token.dep_ == "pobj" else token.head
    if token.dep_ == "pobj" and token.head.lower_ in BACKGROUND_PREPS:
        return False
    if token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "ROOT", "conj", "appos"):
        return False
    return token.dep_ == "ROOT" or (governor.pos_ in ("VERB", "AUX")
                                    and trigger_type(governor) is None)


ImplicitAt = Callable[[object, str, tuple[str, ...]], tuple[str, ...]]
"""(trigger token, event type, agents found) -> agents the text implies: the implicit agent of an
event no actor performs, the crowd of a protest only organisations perform."""


def _none(key: str) -> bool:
    return False


DISARMING = frozenset({"DisruptedWeapons"})
"""Event types of seizing, defusing or intercepting weapons: done to whoever laid them."""


def _disarmed(token, actor_at: ActorAt, fallback_at: ActorAt | None  # type: ignore[no-untyped-def]
              ) -> tuple[str, ...]:
    """Who laid, fired or owns the weapons a disarming act names (the clause a heading labels:
    "Defusal: soldiers defused an IED planted by X"): the act's targets, never its agents ("a
    missile fired by X was intercepted": X fired, the interceptor acted on X); a stated user
    comes before an owner guessed from where the thing was."""
    return weapon_layers(labelled_clause(token) or token, either_at(actor_at, fallback_at))


DESTRUCTIVE = frozenset({"Looting", "DisruptedWeapons", "ViolentDemonstration", "Arrest"})
"""Types outside the fights family whose object may be a thing whose owner is hit, or a
person taken ("arrested a designer"): :mod:`kg.extract.owners`."""
CROWD_DAMAGE = frozenset({"Looting", "ViolentDemonstration"})
"""Destruction that a group named generically may do to others of its kind: "residents set
houses ablaze" names civilians on both sides (one actor key), as violence does."""
TERRITORIAL = frozenset({"SeizeTerritory", "RegainTerritory"})
"""Types whose object is territory taken, not a thing whose owner is hit."""


PROTEST_TYPES = frozenset({"Protest", "ViolentDemonstration", "ProtestWithIntervention",
                           "ExcessiveForce", "MobViolence"})


def _restated(token, is_place: PlaceAt | None) -> bool:  # type: ignore[no-untyped-def]
    """Whether a trigger only restates another event of its clause, so is no event of its own.

    An agent noun subject of an event verb names that verb's event ("a suicide
    bomber blew himself up"); the purpose of a protest is its demand, not an
    act ("took over the school to denounce the lack of water").
    """
    governor = token.head
    if governor is token or trigger_type(governor, is_place) is None:
        return False
    if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass"):
        return _agent_noun(token)  # "clashes killed five": an event noun's event is its own
    purpose = token.dep_ in ("advcl", "xcomp") and any(
        child.dep_ == "aux" and child.lower_ == "to" for child in token.children)
    return purpose and trigger_type(governor, is_place) in PROTEST_TYPES


def _identifying(token, is_place: PlaceAt | None) -> bool:  # type: ignore[no-untyped-def]
    """Whether a trigger only tells who someone related to the subject of another event is:
    "relatives of a man who was killed marched ...", "friends of two people arrested on Friday
    blocked the road": a relative clause or participle on the object of the subject's "of"
    phrase identifies the people who act, and reports no event of its own."""
    if token.dep_ not in ("relcl", "acl") or token.pos_ != "VERB":
        return False
    noun, related = token.head, False
    while noun.dep_ in ("pobj", "prep", "conj", "appos") and noun.head is not noun:
        related |= noun.dep_ == "pobj" and noun.head.lower_ == "of"
        noun = noun.head
    return related and noun.dep_ in ("nsubj", "nsubjpass") \
        and trigger_type(noun.head, is_place) is not None


STATE_TYPES = frozenset({"Arrest", "Looting"})
"""Types whose participle before a noun names a lasting state, not an event: "imprisoned
members" are in custody, "burning tyres" and "a burnt car" are on fire or burnt; no arrest or
destruction is reported."""


def _state_modifier(token, event_type: str) -> bool:  # type: ignore[no-untyped-def]
    """``token`` is a prenominal participle of a state type: "the detained journalist"."""
    return event_type in STATE_TYPES and token.dep_ == "amod" and token.tag_ in ("VBN", "VBG") \
        and token.i < token.head.i


AGENT_SUFFIXES = ("er", "or", "ist")
"""Agentive derivation (bomb -> bomber, invade -> invader, terror -> terrorist)."""
NON_AGENTIVE = frozenset({"murder", "order", "border", "disorder", "terror"})


def _told_by_its_verb(token, event_type: str, is_place: PlaceAt | None  # type: ignore[no-untyped-def]
                      ) -> bool:
    """Whether a noun trigger is the subject of an intransitive verb that tells the same kind of
    event ("an IED exploded", "a bomb went off"): one event, the verb's. With an object, the
    noun's event acts on it ("clashes between A and B killed five people").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["A", "bomb", "exploded"], heads=[1, 2, 2],
    ...           deps=["det", "nsubj", "ROOT"], pos=["DET", "NOUN", "VERB"],
    ...           lemmas=["a", "bomb", "explode"])
    >>> _told_by_its_verb(doc[1], "Bombing", None), _told_by_its_verb(doc[1], "AirStrike", None)
    (True, False)
    """
    return _noun_subject(token) and _intransitive(token.head) \
        and trigger_type(token.head, is_place) == event_type


def _subjects_told(verb, event_type: str, is_place: PlaceAt | None) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The noun triggers a verb of type ``event_type`` tells the event of
    (:func:`_told_by_its_verb`)."""
    if not _intransitive(verb):
        return []
    return [c for c in verb.children if _noun_subject(c) and trigger_type(c, is_place) == event_type]


def _noun_subject(token) -> bool:  # type: ignore[no-untyped-def]
    return token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("nsubj", "nsubjpass")


def _intransitive(verb) -> bool:  # type: ignore[no-untyped-def]
    return verb.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in verb.children)


def _agent_noun(token) -> bool:  # type: ignore[no-untyped-def]
    """Whether a noun names who acts rather than the act, by its agentive suffix."""
    lemma = token.lemma_.lower()
    return len(lemma) > 5 and lemma.endswith(AGENT_SUFFIXES) and lemma not in NON_AGENTIVE


def find_events(sentence, actor_at: ActorAt,  # type: ignore[no-untyped-def]
                fallback_at: ActorAt | None = None,
                is_place: PlaceAt | None = None,
                implicit_at: ImplicitAt | None = None,
                many: Callable[[str], bool] | None = None,
                owner_at: ActorAt | None = None) -> Iterator[FoundEvent]:
    """Yield the events of one sentence: those whose trigger has an actor in its clause, and
    material events without one.

    ``fallback_at`` names actors outside the gazetteer; they are used only for a
    role (agents or targets) in which ``actor_at`` finds no one. ``is_place`` tells
    which tokens name a gazetteer place. ``implicit_at`` gives an event with no
    agent its implicit one ("a man was shot": unidentified attackers),
    :meth:`kg.extract.generic.GenericAgents.implicit`. ``many`` tells the keys of groups
    named generically: in a violent event one such key may name both sides ("residents beat
    up a man": civilians both), and the event keeps them (:mod:`kg.extract.victims`).
    ``owner_at`` names the owner of a thing an act of violence or destruction hits, its
    target when no actor is (:mod:`kg.extract.owners`).
    """
    for token in sentence:
        event_type = trigger_type(token, is_place) or go_between_type(token)
        if event_type is None or _restated(token, is_place) or _state_modifier(token, event_type) \
                or _identifying(token, is_place) or _told_by_its_verb(token, event_type, is_place):
            continue
        violent = family_of(event_type) == "fights"
        harmful = (violent or event_type in DESTRUCTIVE) and event_type not in TERRITORIAL
        shared = violent or event_type in CROWD_DAMAGE  # many people may stand on either side
        found_roles = [roles(told, actor_at, fallback_at, many if shared and many else _none,
                             owner_at if harmful else None)
                       for told in (token, *_subjects_told(token, event_type, is_place))]
        agents, targets = (tuple(dict.fromkeys(k for found in found_roles for k in found[side]))
                           for side in (0, 1))  # "an IED by X detonated": X's, the verb's event
        if event_type == "Negotiate" and any(c.lemma_ == "mediate" for c in token.children):
            event_type = "Mediate"
        agents, targets, mediators = with_mediators(token, event_type, agents, targets, actor_at)
        agents, targets, agents_act = relate(token, event_type, agents, targets, actor_at,
                                             fallback_at)
        if event_type in DISARMING:  # "defused an IED planted by X": X's, before any owner
            layers = _disarmed(token, actor_at, fallback_at)
            agents, targets = tuple(k for k in agents if k not in layers), layers or targets
        if event_type in ONE_SIDED and agents and not targets:
            targets = tuple(k for k in stated_counterparts(token, actor_at) if k not in mediators)
        if (agents or targets) and set(agents) == set(targets) and not (
                shared and many is not None and all(map(many, agents))):
            continue
        event_type = refine(token, event_type)
        if implicit_at is not None:
            agents += tuple(k for k in implicit_at(token, event_type, agents) if k not in agents
                            and (k not in targets or shared and many is not None and many(k)))
        event_type, agents, targets = as_protest(token, event_type, agents, targets)
        if not agents and not targets and not _occurs_alone(token, event_type):
            continue
        clause = frozenset(t.i for t in clause_tokens(clause_of(token)))
        if token.dep_ == "relcl":
            clause |= {token.head.i, *(c.i for c in token.head.children if c.dep_ == "nummod")}
        modality = "hypothetical" if demanded(token, is_place) else modality_of(token)
        if event_type in TERRITORIAL and modality == "asserted" and attempted(token):
            event_type = "ArmedClash"  # "tried to capture the town": the assault, no taking
        yield FoundEvent(event_type, token.i, agents, targets, mediators, modality,
                         clause, located_tokens(token), agents_act)

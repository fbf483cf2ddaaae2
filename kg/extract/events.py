"""Events: typed triggers from a lexicon, roles from the dependency parse.

A trigger is a verb or noun whose lemma is in :data:`VERB_TRIGGERS` or
:data:`NOUN_TRIGGERS`. Agents come from the clause's subject (or the ``by``
phrase of a passive), targets from its object or an ``against/on/over/with``
phrase. Only actors inside the trigger's own clause count, and an event with no
actor at all is dropped: the extractor abstains rather than guesses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from kg.extract.lexicon import (FIRE_KINDS, NOUN_TRIGGERS, OBJECT_TRIGGERS, STRIKE_KINDS,
                                VERB_TRIGGERS)

TARGET_PREPS = {"against", "on", "over", "with", "at", "to"}
RELATIONAL_NOUNS = {"ally", "partner", "supporter", "backer", "enemy", "foe", "rival", "patron",
                    "proxy", "opponent", "adversary"}
"""Nouns naming a relation to the actor of their "of" phrase: "an ally of Assad's government"."""
COPULAS = {"be", "remain", "become", "stay"}
NEGATING_HEADS = {"evidence", "sign", "indication", "question", "chance", "prospect", "hope"}
"""Nouns that negate the event they govern when themselves negated: "no evidence of cooperation"."""
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "xcomp", "acl", "conj", "parataxis"}
HYPOTHETICAL_MARKERS = {"if", "unless", "whether"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may"}
PLANNING_HEADS = {"want", "plan", "intend", "ready", "allow", "prepare", "seek", "aim", "willing",
                  "prepared", "offer", "promise", "pledge", "vow", "threaten", "decide"}
FUTURE_AUX = {"will", "shall", "'ll"}
LIGHT_VERBS = {"announce", "begin", "undertake", "organize", "organise", "lead", "launch", "make", "declare", "agree", "hold", "conduct",
               "carry", "start", "continue", "resume", "mount", "stage", "observe", "accept",
               "reach", "sign", "call", "break", "violate", "win", "suffer", "end", "renew", "open",
               "impose", "issue", "express", "lodge", "deliver", "stage", "hold", "give", "make",
               "speed", "accelerate", "complete", "intensify", "escalate", "step", "go", "remain",
               "stay"}
"""Verbs whose subject is the agent of their event noun: "began a strike", "speeded up the
withdrawal", "stepped up attacks", "went on strike", "remained on alert"."""
PHRASE_PREPS = {"with", "between", "against"}
OWNER_PREPS = {"of", "by", "from"}
"""Prepositions naming whose thing a verb's object is: "demanded the withdrawal of Serbian forces"."""
PARTITIVE_NOUNS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "score",
                   "scores", "group", "member", "members", "some", "many", "most", "majority",
                   "one", "tens", "millions", "band", "contingent", "unit", "delegation"}
"""Nouns whose "of" phrase is who they are: "thousands of students", "a group of diplomats"."""
COMPLEMENT_TARGET_VERBS = {"demand", "insist", "urge", "press", "pressure", "ask", "order",
                           "threaten", "vow", "warn", "offer", "promise", "pledge", "agree",
                           "refuse", "decline", "accuse", "charge", "blame"}
"""Verbs whose target may sit in their complement clause when they have none of their own."""
REPORTING_VERBS = {"say", "declare", "announce", "reiterate", "conclude", "state", "stress",
                   "tell", "add", "write", "argue", "maintain", "repeat", "emphasize", "emphasise"}
"""Verbs that make a demand when what they report is an obligation: "said Libya must ..."."""
OBLIGATION_AUX = {"must"}


def _obligation(verb):  # type: ignore[no-untyped-def]
    """The complement clause of ``verb`` that states an obligation ("that China must drop
    barriers"), or None. Its subject is who the demand is made of."""
    return next((c for c in verb.children if c.dep_ == "ccomp" and any(
        a.dep_ == "aux" and a.lower_ in OBLIGATION_AUX for a in c.children)), None)


PETITION_NOUNS = {"request", "demand", "appeal", "call", "plea", "offer", "proposal", "ultimatum"}
ANSWER_VERBS = {"accept", "reject", "refuse", "receive", "heed", "answer", "dismiss", "decline",
                "ignore", "meet", "grant"}
"""Verbs whose subject answers a petition noun rather than makes it: "accept any request"."""
RELATION_NOUNS = {"tie", "ties", "relation", "relations", "link", "links"}
RELATION_VERBS = {"restore": "Support", "establish": "Support", "resume": "Support", "renew": "Support",
                  "normalize": "Support", "normalise": "Support", "strengthen": "Support",
                  "improve": "Support", "upgrade": "Support", "sever": "Sanction",
                  "cut": "Sanction", "break": "Sanction", "downgrade": "Sanction",
                  "suspend": "Sanction", "freeze": "Sanction"}
"""Verbs whose type depends on an object naming relations: "restore ties" vs "sever ties"."""
WITH_IS_TARGET = {"restore", "establish", "resume", "renew", "normalize", "normalise", "strengthen",
                  "improve", "upgrade", "sever", "cut", "break", "downgrade", "freeze", "meet",
                  "meeting", "sign", "cooperate", "tie", "relation", "dispute", "war",
                  "clash", "fight", "fighting", "battle", "talk", "negotiate", "negotiation",
                  "communication", "coordinate", "coordination", "cooperation", "cooperate",
                  "mediate", "agree", "agreement", "ceasefire", "truce", "share"}
"""Triggers where "with X" names the other side; elsewhere "with" means alongside."""


BETWEEN_IS_TARGET = {"mediate", "arbitrate", "broker"}
"""Verbs whose "between A and B" names the parties: "Egypt mediated between Hamas and Fatah"."""


def _target_prep(trigger, prep) -> bool:  # type: ignore[no-untyped-def]
    if prep.dep_ == "prep" and prep.lower_ == "of" and trigger.lemma_.lower() in RELATIONAL_NOUNS:
        return True
    if prep.dep_ == "prep" and prep.lower_ == "between":
        return trigger.pos_ == "VERB" and trigger.lemma_.lower() in BETWEEN_IS_TARGET
    if prep.dep_ != "prep" or prep.lower_ not in TARGET_PREPS:
        return False
    return prep.lower_ != "with" or trigger.lemma_.lower() in WITH_IS_TARGET


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


ActorAt = Callable[[int], str | None]  # token index -> actor key mentioned there


def trigger_type(token) -> str | None:  # type: ignore[no-untyped-def]
    """The event type a token triggers, if any."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        if lemma == "take" and any(c.lower_ in ("captive", "hostage") for c in token.children):
            return "Kidnap"
        if lemma in RELATION_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in RELATION_NOUNS
                                           for c in token.children):
            return RELATION_VERBS[lemma]  # "restore diplomatic ties with", "severed relations with"
        if lemma == "call" and any(c.lower_ in ("for", "on", "upon") for c in token.children):
            return "Demand"  # "called for a referendum", "called on Israel to ..."
        if lemma in REPORTING_VERBS and _obligation(token) is not None:
            return "Demand"  # "Russia said Sudan must return the helicopter"
        if lemma == "pull" and not any(c.lower_ in ("out", "back") for c in token.children):
            return None
        if lemma in OBJECT_TRIGGERS:
            return _object_trigger(token, lemma)
        return VERB_TRIGGERS.get(lemma)
    if token.pos_ in ("NOUN", "PROPN"):
        if token.i >= 2 and token.nbor(-1).text == "-" and not token.nbor(-1).whitespace_:
            joined = f"{token.nbor(-2).lower_}-{lemma}"  # "cease-fire" split in three tokens
            if joined in NOUN_TRIGGERS:
                return NOUN_TRIGGERS[joined]
        if lemma == "aid" and not any(c.lower_ == "military" for c in token.children):
            return None
        if lemma == "fire":  # "artillery, mortar, and rocket fire": the weapons before it
            return next((FIRE_KINDS[t.lemma_.lower()] for c in token.lefts for t in c.subtree
                         if t.lemma_.lower() in FIRE_KINDS), None)
        if lemma == "strike":
            return next((STRIKE_KINDS[c.lower_] for c in token.children if c.lower_ in STRIKE_KINDS),
                        None)
        if lemma == "call" and not any(c.lower_ in ("for", "on") for c in token.children):
            return None  # "calls for sanctions", not "a phone call"
        return NOUN_TRIGGERS.get(lemma)
    return None


def _object_trigger(verb, lemma: str) -> str | None:  # type: ignore[no-untyped-def]
    """The type of a verb that needs a fitting object: "send arms", "halt aid", "return weapons"."""
    objects, event_type = OBJECT_TRIGGERS[lemma]
    heads = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    heads += [g for c in verb.children if c.dep_ == "dative" for g in (c, *c.children)]
    heads += [g for h in list(heads) for g in h.children if g.dep_ in ("conj", "pobj", "compound")]
    heads += [g for h in list(heads) if h.lower_ == "of" or h.dep_ == "prep" for g in h.children]
    return event_type if any(h.lemma_.lower() in objects or h.lower_ in objects for h in heads) else None


def clause_of(token):  # type: ignore[no-untyped-def]
    """The verb heading the clause that holds ``token``."""
    while token.dep_ not in CLAUSE_DEPS | {"ROOT"} and token.head is not token:
        token = token.head
    return token


def _clause_tokens(verb) -> Iterator:  # type: ignore[no-untyped-def]
    """Tokens of the clause headed by ``verb``, not descending into other clauses."""
    yield verb
    for child in verb.children:
        if child.dep_ not in CLAUSE_DEPS or child.pos_ not in ("VERB", "AUX"):
            yield from child.subtree


def _actors_in(tokens, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    keys = (actor_at(t.i) for t in tokens)
    return tuple(dict.fromkeys(k for k in keys if k))


def _phrase_actors(token, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """Actors of a noun phrase: its head, conjuncts, possessors and with/between phrases."""
    keys = [actor_at(token.i)]
    partitive = token.lemma_.lower() in PARTITIVE_NOUNS or token.pos_ == "NUM"
    for child in token.children:
        if child.dep_ in ("conj", "poss", "compound", "amod", "appos", "det", "nmod") or (
                child.dep_ == "prep" and (child.lower_ in PHRASE_PREPS
                                          or partitive and child.lower_ == "of")) \
                or child.dep_ == "pobj":
            keys.extend(_phrase_actors(child, actor_at))
    return tuple(dict.fromkeys(k for k in keys if k))


def _subject_actors(verb, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    for child in verb.children:
        if child.dep_ in ("nsubj", "agent") or (child.dep_ == "prep" and child.lower_ == "by"):
            found = _phrase_actors(child, actor_at) if child.dep_ == "nsubj" \
                else _actors_in(child.subtree, actor_at)
            if found:
                return found
            if child.pos_ == "PRON" and verb.dep_ == "ccomp":
                return _subject_actors(verb.head, actor_at)  # "X said they had ..."
    if verb.dep_ in ("xcomp", "conj", "advcl", "acomp") and verb.head is not verb:
        return _subject_actors(verb.head, actor_at)  # "X is about to restore", "X agreed to ..."
    if verb.dep_ == "acl" and verb.tag_ != "VBN":  # "forces fighting alongside", and the
        return _phrase_actors(verb.head, actor_at)  # parser's "150 people [who] protested"
    return ()


def _roles_of_verb(verb, actor_at: ActorAt) -> tuple[tuple[str, ...], tuple[str, ...]]:  # type: ignore[no-untyped-def]
    agents = _subject_actors(verb, actor_at)
    found: list[str] = []
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "oprd", "nsubjpass"):
            found.extend(_phrase_actors(child, actor_at))
            if child.dep_ == "dobj" and not found:  # "rejected calls by Belarus's rulers"
                found.extend(k for prep in child.children if prep.dep_ == "prep"
                             and prep.lower_ in OWNER_PREPS for g in prep.children
                             for k in _phrase_actors(g, actor_at))
            if child.lemma_.lower() in RELATION_NOUNS:  # "restore ties with X"
                found.extend(k for prep in child.children if _target_prep(verb, prep)
                             for g in prep.children for k in _phrase_actors(g, actor_at))
        elif _target_prep(verb, child):
            found.extend(k for grandchild in child.children for k in
                         _phrase_actors(grandchild, actor_at))
    if verb.dep_ == "relcl" and not found:  # "the soldiers that ISIS took captive"
        found.extend(_phrase_actors(verb.head, actor_at))
    if not found and verb.lemma_.lower() in COMPLEMENT_TARGET_VERBS:
        found.extend(_complement_targets(verb, actor_at))
    elif not found and verb.lemma_.lower() in REPORTING_VERBS and _obligation(verb) is not None:
        found.extend(k for c in _obligation(verb).children if c.dep_ in ("nsubj", "nsubjpass")
                     for k in _phrase_actors(c, actor_at))
    return agents, tuple(k for k in dict.fromkeys(found) if k not in agents)


def _complement_targets(verb, actor_at: ActorAt) -> list[str]:  # type: ignore[no-untyped-def]
    """ "demanded that the US cancel ..." -> the US; "threatened to shell Iraqi towns" -> the towns."""
    found: list[str] = []
    for child in verb.children:
        if child.dep_ == "ccomp":
            found.extend(k for c in child.children if c.dep_ in ("nsubj", "nsubjpass")
                         for k in _phrase_actors(c, actor_at))
        elif child.dep_ == "xcomp" and child.pos_ == "VERB":
            found.extend(_roles_of_verb(child, actor_at)[1])
    return found


PURPOSE_VERBS = {"protest", "demand", "press", "denounce", "condemn", "oppose"}
"""Verbs of a purpose clause that say whom an act is aimed at: "a strike to protest X's decision"."""


def _purpose_targets(verb, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """Targets of a purpose clause ("to protest ...", "to demand ...") hanging on ``verb``."""
    return tuple(k for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"
                 and c.lemma_.lower() in PURPOSE_VERBS for k in _roles_of_verb(c, actor_at)[1])


def _noun_targets(noun, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    preps = [c for c in noun.children if _target_prep(noun, c)]
    if noun.dep_ == "nsubj":  # "talks have begun with the militants"
        preps += [c for c in noun.head.children if _target_prep(noun, c)]
    return tuple(k for p in preps for g in p.children for k in _phrase_actors(g, actor_at))


PARTICIPATION_PREPS = {"in", "for", "at"}
"""Prepositions by which the subject of a verb takes part in an event noun: "joined in a rally"."""


def _light(verb) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``verb`` is a light verb, by its lemma or, where the tagger's lemma is off
    ("staged" -> "stag"), by its regular inflection."""
    word = verb.lower_
    forms = {verb.lemma_, word, word[:-1], word[:-2], word[:-3], word[:-3] + "e"}
    return bool(forms & LIGHT_VERBS) and verb.pos_ in ("VERB", "AUX")


def _roles_of_noun(noun, actor_at: ActorAt) -> tuple[tuple[str, ...], tuple[str, ...]]:  # type: ignore[no-untyped-def]
    if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and trigger_type(noun.head) is None:
        noun = noun.head  # "a mediation mission between X and Y": the roles hang on "mission"
    targets = _noun_targets(noun, actor_at)
    modifiers = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
    agents = tuple(dict.fromkeys(k for c in modifiers for k in _phrase_actors(c, actor_at)))
    verb = clause_of(noun)
    if not agents and any(c.pos_ == "PRON" for c in modifiers):  # "their assault", "its ceasefire"
        agents = _subject_actors(verb, actor_at)
        if not agents and verb.dep_ == "ccomp":  # "the army announced its ceasefire took effect"
            agents = _subject_actors(verb.head, actor_at)
    head = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.lemma_.lower() in PETITION_NOUNS:  # "a request from Beirut"; "accepted X's request"
        source = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"]
        agents = agents or (_actors_in(source[0].subtree, actor_at) if source else ())
        if head.lemma_.lower() in ANSWER_VERBS:
            head = noun  # whoever accepts or rejects it did not make it
    first = noun
    while first.dep_ == "conj" and first.head is not first:  # "artillery, mortar and rocket fire"
        first = first.head
    if first is not noun:
        head = first.head.head if first.dep_ == "pobj" else first.head
    if not agents and first.dep_ in ("dobj", "pobj", "attr") and _light(head):
        agents = _subject_actors(head, actor_at)
    if not agents and first.dep_ == "pobj" and first.head.lower_ in PARTICIPATION_PREPS \
            and head.pos_ == "VERB" and trigger_type(head) is None:  # "gathered in a protest"
        agents = _subject_actors(head, actor_at)
    if not agents and noun.dep_ == "attr" and head.lemma_ in COPULAS:  # "X is an ally of Y"
        agents = _subject_actors(head, actor_at)
    if not targets and head is not noun and head.pos_ == "VERB":  # "began a hunger strike to
        targets = _purpose_targets(head, actor_at)  # protest President Assad's failure"
    between = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"]
    if agents and not targets and between:  # "X undertook a mediation mission between A and B":
        targets = _actors_in(between[0].subtree, actor_at)  # A and B are the parties
    elif not agents and between:  # "clashes between A and B": they act on each other
        agents = _actors_in(between[0].subtree, actor_at)
    by = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"]
    if not agents and by:  # "offensives by Hezbollah and the Syrian army"
        agents = _actors_in(by[0].subtree, actor_at)
    return agents, tuple(k for k in targets if k not in agents)


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


def _negated_by_head(noun) -> bool:  # type: ignore[no-untyped-def]
    """ "no evidence of cooperation", "no sign of talks": the governing noun is negated."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    governor = noun.head.head
    return governor.lemma_.lower() in NEGATING_HEADS and any(
        c.lower_ in ("no", "never") for c in governor.children)


def modality_of(token) -> str:  # type: ignore[no-untyped-def]
    """asserted, negated, planned or hypothetical, from the trigger's clause."""
    verb = token if token.pos_ in ("VERB", "AUX") else clause_of(token)
    chain = [token, verb, *verb.ancestors][:6]
    if token.pos_ in ("VERB", "AUX"):
        negated = any(c.dep_ == "neg" for c in token.children)
    else:  # "no talks", "there weren't negotiations": the noun's own negation only
        negated = any(c.lower_ in ("no", "never") for c in token.children) or (
            token.dep_ in ("nsubj", "attr", "nsubjpass")
            and any(c.dep_ == "neg" for c in token.head.children)) or _negated_by_head(token)
    if negated:
        return "negated"
    if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKERS for t in chain for c in t.children):
        return "hypothetical"
    if any(c.lower_ in HYPOTHETICAL_AUX for c in verb.children if c.dep_ == "aux"):
        return "hypothetical"
    if any(t.lemma_ in PLANNING_HEADS for t in chain[1:4]):
        return "planned"
    if any(c.lower_ in FUTURE_AUX for c in verb.children if c.dep_ == "aux"):
        return "planned"  # "Israel will evacuate", "Turkey will allow"
    return "asserted"


def _roles(token, actor_at: ActorAt, fallback_at: ActorAt | None  # type: ignore[no-untyped-def]
           ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Agents and targets; a role the gazetteer leaves empty may be filled by ``fallback_at``."""
    roles_of = _roles_of_verb if token.pos_ == "VERB" else _roles_of_noun
    agents, targets = roles_of(token, actor_at)
    if fallback_at is not None and not (agents and targets):
        either: ActorAt = lambda i: actor_at(i) or fallback_at(i)  # noqa: E731
        wider_agents, wider_targets = roles_of(token, either)
        agents = agents or wider_agents
        targets = targets or tuple(k for k in wider_targets if k not in agents)
    return agents, targets


ImplicitAt = Callable[[object, str], tuple[str, ...]]
"""(trigger token, event type) -> the implicit agent of an event no actor performs."""


def find_events(sentence, actor_at: ActorAt,  # type: ignore[no-untyped-def]
                fallback_at: ActorAt | None = None,
                implicit_at: ImplicitAt | None = None) -> Iterator[FoundEvent]:
    """Yield the events of one sentence whose trigger has an actor in its clause.

    ``fallback_at`` names actors outside the gazetteer; they are used only for a
    role (agents or targets) in which ``actor_at`` finds no one. ``implicit_at``
    gives an event with no agent its implicit one ("a man was shot": unidentified
    attackers), :meth:`kg.extract.generic.GenericAgents.implicit`.
    """
    for token in sentence:
        event_type = trigger_type(token)
        if event_type is None:
            continue
        agents, targets = _roles(token, actor_at, fallback_at)
        if not agents and implicit_at is not None:
            agents = tuple(k for k in implicit_at(token, event_type) if k not in targets)
        mediators: tuple[str, ...] = ()
        if event_type == "Negotiate" and any(c.lemma_ == "mediate" for c in token.children):
            event_type = "Mediate"
        if not agents and not targets or set(agents) == set(targets):
            continue
        clause = frozenset(t.i for t in _clause_tokens(clause_of(token)))
        if token.dep_ == "relcl":
            clause |= {token.head.i, *(c.i for c in token.head.children if c.dep_ == "nummod")}
        yield FoundEvent(event_type, token.i, agents, targets, mediators, modality_of(token),
                         clause, located_tokens(token))

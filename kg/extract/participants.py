"""Participants of an act of violence: who does it and who suffers it, by their nouns.

A victim's noun makes an attack precise ("gunmen shot a farmer": violence against
civilians); a perpetrator's noun makes a violent act precise ("a mob lynched ...", "rioters
clashed"): a group of unarmed people ("students", "a farmer and two herders") who attack is a
mob; people who shoot, or are called armed, are not. The nouns come from the event-type
scheme (``ckg:targetNoun``, ``ckg:agentNoun``; :mod:`kg.extract.lexicon`).

Examples
--------
>>> perpetrator_kind(None) is None
True
>>> sorted(ATTACKS)
['ArmedClash', 'Attack']
"""

from __future__ import annotations

from kg.extract.clauses import PLACE_ENTITIES, clause_tokens
from kg.extract.gazetteer import sector_heads
from kg.extract.lexicon import lexicon
from kg.extract.owners import MODIFIER_DEPS, STATE_MODIFIERS
from kg.extract.place_words import PLACE_NOUNS
from kg.extract.triggers import phrase_words, trigger_type

ATTACKS = frozenset({"ArmedClash", "Attack"})
"""Types a victim, perpetrator or instrument may make precise (ACLED's clash and attack)."""
VIOLENT = ATTACKS | {"AttackOnCivilians", "Looting", "MobViolence"}
"""Types of violence its participants make precise."""
VICTIM_PREPS = {"on", "against", "at", "of"}
"""Prepositions of whom an attack hits; "at" not beside an armed body it hits ("fired at the
village", but "attacked the army at the village": there, where)."""
HITTING_PREPS = frozenset(VICTIM_PREPS - {"at"})
"""The victim prepositions that never tell where: "attacked the army at the village"."""
ARMED = {"armed", "masked", "hooded", "unidentified", "unknown"}
"""Modifiers that make a group of people an armed group, not a mob."""
MOB = "MobViolence"
RIOT = "ViolentDemonstration"
KIDNAP = "Kidnap"
VOICED = frozenset({"Demand", "Condemn"})
"""Types of what is voiced: voiced by protesters, it is their protest ("protesters demanded X")."""
PROTESTERS = "protesters"
"""The sector whose heads (``ontology/actors.yaml``) voice a protest."""
CIVILIANS = "civilians"
"""The sector whose heads, many of them ("supporters", "residents"), voice a protest too."""
LOCATIVE_PREPS = frozenset({"in", "at", "outside", "near", "before", "around", "across"})
"""Prepositions of where a crowd gathered."""
PROTEST = "Protest"
PERSONAL = "AttackOnCivilians"
"""The type a civilian victim's noun gives an attack."""


def shared_verbs(token) -> list:  # type: ignore[no-untyped-def,type-arg]
    """``token`` and the verbs coordinated with it or its participle adjuncts, which share its
    arguments: "shot and killed a farmer", "attacked the village, killing two civilians"; for an
    event noun, the verb of occurrence it is the subject of ("a clash took place between ...")."""
    verbs = [token]
    if token.pos_ == "NOUN":  # "a clash ensued between X and Y", "clashes erupted between ..."
        occurring = [token.head] if token.dep_ == "nsubj" else []
        verbs += [v for v in (*occurring, *(c for c in token.children if c.dep_ == "acl"))
                  if v.pos_ == "VERB" and trigger_type(v) is None]
    if token.pos_ == "VERB":
        verbs += [c for c in token.children if c.pos_ == "VERB" and (
            c.dep_ == "conj" or (c.dep_ == "advcl" and c.tag_ == "VBG"))]  # "attacked X, killing 2"
        if token.dep_ == "conj" and token.head.pos_ == "VERB":
            verbs.append(token.head)
    return verbs


def argument_heads(token, deps: set[str],  # type: ignore[no-untyped-def,type-arg]
                   preps: set[str]) -> list:
    """Nouns in ``deps`` of ``token`` (or of verbs coordinated with it) or objects of its
    ``preps`` and of a passive's ``by``, with conjuncts and "of" phrases ("one of the villagers",
    "a group of locals")."""
    verbs = shared_verbs(token)
    heads = [c for v in verbs for c in v.children if c.dep_ in deps and c.dep_ != "agent"]
    heads += [g for v in verbs for c in v.children
              if (c.dep_ == "prep" and c.lower_ in preps) or c.dep_ == "agent"
              for g in c.children if g.dep_ == "pobj"]
    heads += [g for h in list(heads) for g in h.children if g.dep_ == "conj"]
    heads += [g for h in list(heads) for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
              for g in p.children if g.dep_ == "pobj"]
    return heads


def _voicing_verb(token):  # type: ignore[no-untyped-def]
    """The verb whose subject voices what ``token`` says: its own, else, for a participle or
    infinitive with no subject of its own, the verb it hangs on ("demonstrators gathered,
    denouncing X": the demonstrators denounce)."""
    verb = token
    while verb.dep_ in ("advcl", "xcomp") and verb.tag_ in ("VBG", "VB") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
            and verb.head is not verb:
        verb = verb.head
    return verb


POPULATED = "village"
"""The target noun a named town or village stands for when it is what is attacked."""


def _victim_word(victim, trigger) -> str:  # type: ignore[no-untyped-def]
    """The victim's lemma; a named place attacked directly ("attacked Kouyape") stands for its
    people, as "attacked the village" does."""
    if victim.ent_type_ in ("GPE", "LOC") and victim.dep_ == "dobj" and victim.head.i == trigger.i:
        return POPULATED
    return victim.lemma_.lower()


GROUP_DEPS = ("compound",)
"""Modifiers that say what kind of group a collective noun is: "a vigilante group"."""
BARE_PEOPLE = frozenset({"man", "woman", "person", "individual", "boy", "girl", "people"})
"""Nouns that name people by nothing but sex or age, the way reports name unknown assailants
("two men", "individuals"): no crowd of a social group."""
FIREARMS = frozenset({"shoot", "fire", "gun", "gunfire", "gunpoint", "rifle", "pistol"})
"""Words of a shooting: who shoots is armed, no crowd."""


def _unarmed_group(head, verbs) -> bool:  # type: ignore[no-untyped-def]
    """``head`` names several people of a social group by a noun for civilians ("students",
    "a farmer and two herders", "a group of merchants") who do not shoot (``verbs``): a crowd,
    not an armed group, nor a single person."""
    lemma = head.lemma_.lower()
    if lexicon().target_nouns.get(lemma) != PERSONAL or lemma in BARE_PEOPLE:
        return False
    if any(FIREARMS & phrase_words(v, 1, doers=False) or v.lemma_.lower() in FIREARMS
           for v in verbs):
        return False
    coordinated = head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children)
    if any(armed(c) for c in head.conjuncts):
        return False  # "two armed men and a minor": a band with its armed men
    return head.tag_ in ("NNS", "NNPS") or coordinated or (
        head.dep_ == "pobj" and head.head.lower_ == "of")  # "a group of merchants"


def perpetrator_kind(head, verbs=()) -> str | None:  # type: ignore[no-untyped-def]
    """The type a perpetrator's noun gives an act of violence (``verbs``): its own ("a mob",
    "rioters"), that of a noun modifier ("a vigilante group"), or mob violence for a group of
    unarmed people; none for armed people ("armed residents", "masked men").

    """
    if head is None or armed(head):
        return None
    nouns = lexicon().agent_nouns
    for word in (head, *(c for c in head.children if c.dep_ in GROUP_DEPS and c.pos_ == "NOUN")):
        if word.lemma_.lower() in nouns:
            return nouns[word.lemma_.lower()]
    return MOB if _unarmed_group(head, verbs) else None


def armed(noun) -> bool:  # type: ignore[no-untyped-def]
    return any(c.lemma_.lower() in ARMED for c in noun.children)


ARMED_SECTORS = ("military", "police", "rebels")
"""Sectors whose head nouns name an armed body ("forces", "policemen", "militants")."""


def _armed_body(noun) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``noun`` names an armed body or a thing of the state's forces."""
    return armed(noun) or forces_thing(noun) or any(
        noun.lemma_.lower() in sector_heads(sector) for sector in ARMED_SECTORS)


def forces_thing(noun) -> bool:  # type: ignore[no-untyped-def]
    """Whether a word of the state's forces modifies a noun: "a military bus", "a police car"
    (:data:`~kg.extract.owners.STATE_MODIFIERS`) are no civilians' whatever they are."""
    return any(c.dep_ in MODIFIER_DEPS and c.lemma_.lower() in STATE_MODIFIERS
               for c in noun.children)


def _crowd(noun) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``noun`` names many people ("supporters", "residents"), in the plural; not one
    person ("a farmer demanded")."""
    return noun.tag_ in ("NNS", "NNPS") and noun.lemma_.lower() in sector_heads(CIVILIANS)


def _asks_for_protest(token) -> bool:  # type: ignore[no-untyped-def]
    """Whether what ``token`` voices is a protest of its own ("called for demonstrations"):
    a call for a protest is no protest (a demand for a release is)."""
    asked = [c for c in token.children if c.dep_ == "dobj"]
    asked += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "for"
              for g in c.children if g.dep_ == "pobj"]
    return any(trigger_type(a) in (PROTEST, RIOT) for a in asked)


def _located(verb) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``verb`` tells where it happened: a place phrase in its own clause ("demanded
    his release in Tbilisi", "gathered outside the court"), as a gathering does and a statement
    ("have demanded that ...") need not."""
    return any(p.dep_ == "prep" and p.lower_ in LOCATIVE_PREPS and any(
        g.dep_ == "pobj" and (g.ent_type_ in PLACE_ENTITIES or g.lemma_.lower() in PLACE_NOUNS)
        for g in p.children) for p in clause_tokens(verb))


def by_participants(token, event_type: str) -> str:  # type: ignore[no-untyped-def]
    """Refine an attack by its victim's noun and a violent event (an abduction too) by its
    perpetrator's noun; rioters who attack a person ("rioters beat a thief") are a mob; what
    protesters, or a crowd of people ("supporters of X demanded his release"), demand or
    denounce is their protest."""
    lex = lexicon()
    if event_type in VOICED:  # "protesters demanded X": their protest
        verb = _voicing_verb(token)
        agents = argument_heads(verb, {"nsubj"}, set())
        protesters = any(a.lemma_.lower() in sector_heads(PROTESTERS) for a in agents)
        crowd = _located(verb) and any(map(_crowd, agents)) and not _asks_for_protest(token)
        return PROTEST if protesters or crowd else event_type
    if event_type not in VIOLENT and event_type != KIDNAP:
        return event_type
    agents = argument_heads(token, {"nsubj", "agent"},
                            {"by", "between"})  # "a clash between supporters"
    if any(c.lemma_.lower() in ARMED for c in token.children):
        agents = []  # "an armed clash between villagers" is no mob's
    victim = None
    if event_type in ATTACKS or event_type == PERSONAL:
        deps = {"dobj", "nsubjpass"} if token.pos_ == "VERB" else {"poss"}
        victims = argument_heads(token, deps, VICTIM_PREPS)
        aimed = argument_heads(token, deps, HITTING_PREPS)
        if any(map(_armed_body, aimed)):  # "attacked the army at the
            victims = aimed  # village": where, not whom
        if token.dep_ == "acl" or (token.dep_ == "amod" and token.pos_ == "VERB"):
            victims.append(token.head)  # "a man shot dead by ..."
        victim = next((lex.target_nouns[_victim_word(v, token)] for v in victims
                       if _victim_word(v, token) in lex.target_nouns and not armed(v)
                       and not forces_thing(v)), None)
    verbs = shared_verbs(token)
    kind = next(filter(None, (perpetrator_kind(a, verbs) for a in agents)), None)
    if kind == RIOT and victim == PERSONAL:
        return MOB
    return kind or victim or event_type


__all__ = ["ATTACKS", "VIOLENT", "argument_heads", "armed", "by_participants", "perpetrator_kind",
           "shared_verbs"]

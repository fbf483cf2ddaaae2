"""Type refinement: an event's type made precise by what its clause says.

The cues come from the event-type scheme (:mod:`kg.extract.lexicon`):

- the instrument ("killed by a roadside bomb" is a bombing, "a drone attack" an air strike;
  the lowest ``ckg:refinementRank`` wins: suicide before bomb);
- the victim ("gunmen shot a farmer" is violence against civilians) and the perpetrator's
  noun ("a mob lynched ..." is mob violence, "rioters clashed" a violent demonstration):
  :mod:`kg.extract.participants`; a harm done during a fight between sides is that fight
  (the kinds of the actors: :mod:`kg.extract.kind_types`);
- the manner of a protest, in its sentence or the next ("police fired tear gas": with
  intervention; "protesters threw stones": violent).

Examples
--------
>>> sorted(PURPOSE_PREPS)[:3]
['about', 'after', 'against']
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from kg.extract.arms import used_for
from kg.extract.battle_outcomes import fight_untold
from kg.extract.clauses import CLAUSE_DEPS, clause_of, clause_tokens
from kg.extract.lexicon import lexicon, words_of
from kg.extract.modality import modality_of
from kg.extract.participants import (ATTACKS, KIDNAP, MOB, RIOT, VIOLENT, by_participants,
                                     argument_heads, shared_verbs)
from kg.extract.sides import occasion, two_sided
from kg.extract.triggers import demanded, entity_of, guarded, phrase_words, trigger_type

PROTESTS = frozenset({"Protest"})
TERRITORY = frozenset({"SeizeTerritory", "RegainTerritory"})
"""Territory taken: without a fight (a manner cue of ``Withdraw``), a non-violent transfer."""
CALM = "Withdraw"
PURPOSE_PREPS = {"against", "over", "about", "for", "of", "following", "after", "amid", "in"}
"""Prepositions of what a protest is about: "protested against the arrest of ..."."""


def _lemmas(tokens: Iterable) -> set[str]:  # type: ignore[type-arg]
    return {w for t in tokens for w in (t.lemma_.lower(), t.lower_)}


def _has(cue: tuple[str, ...], tokens: list, words: set[str]) -> bool:  # type: ignore[type-arg]
    """A one-word cue among ``words``; a longer one headed by one of ``tokens`` with the other
    words in its phrase ("set obstacles on fire", "fired tear gas"). A cue that is a phrase of
    a preposition ("on fire") is no verb's: "On 4 May, police fired ..." set nothing on fire."""
    if len(cue) == 1:
        return cue[0] in words
    prepositional = cue[0] in PREPOSITIONS  # "on fire"
    return any(t.lemma_.lower() in cue and not (prepositional and t.pos_ == "VERB")
               and set(cue) - {t.lemma_.lower()} <= phrase_words(t, doers=False) for t in tokens)


PREPOSITIONS = frozenset({"on", "in", "at", "under", "into"})
CLASH = "ArmedClash"


def by_instrument(token, event_type: str) -> str:  # type: ignore[no-untyped-def]
    """The type an instrument named in the trigger's clause or phrase gives, if better ranked;
    none for a fight between sides ("clashed with the army using artillery", "clashes between X
    and Y, with both sides exchanging artillery fire"): whoever answers fire is in a battle,
    whatever its weapons, where remote violence is one-sided."""
    lex = lexicon()
    if event_type not in VIOLENT and event_type not in lex.ranks or \
            event_type == CLASH and two_sided(token):
        return event_type
    aimed = _aimed_at(token)
    tokens = sorted({*clause_tokens(clause_of(token)), *token.subtree, *used_for(token)},
                    key=lambda t: t.i)
    tokens = [t for t in tokens if t.pos_ != "PRON" and not guarded(t, t.lemma_.lower())
              and t.i not in aimed]
    # not "grenade launchers", "a gold mine", the pronoun "mine", nor "stones thrown at a jet"
    words = _lemmas(tokens)
    own = _lemmas(t for t in _own_phrase(token) if t.pos_ != "PRON" and not guarded(
        t, t.lemma_.lower()) and t.i not in aimed)
    current = lex.ranks.get(event_type, 99)
    generic = current >= lex.ranks.get(EXPLOSION, 99)  # "exploded", not "threw a grenade"
    kind = next((kind for cue, kind, rank in lex.instruments
                 if (rank < current and _has(cue, tokens, words))
                 or (generic and len(cue) == 1 and cue[0] in own)), event_type)
    fought = event_type in ATTACKS and bool(words & GUNFIGHT) and bool(_acts(  # "an IED and
        [t for t in tokens if t.lemma_.lower() in GUNFIGHT]))  # small arms fire", not "an IED
    # left over from the recent clashes"
    return event_type if fought and kind == EXPLOSION else kind


GUNFIGHT = frozenset({"clash", "gunfire", "gunshot", "firefight", "gunfight", "shootout",
                      "shoot-out", "gunbattle", "small"})
"""Words of a gunfight in an attack's clause ("attacked the army with small arms fire and an
IED", "an attack involving clashes and a car bomb"): a bomb used with a fight is part of the
armed clash (ACLED's codebook), not a remote explosive."""


EXPLOSION = "Bombing"
"""The type of the words that name an explosion, not its weapon ("exploded", "blast"): what
exploded may name the weapon of any rank."""
AIMED_PREPS = frozenset({"at", "against", "toward", "towards"})
"""Prepositions of what an act is aimed at: "threw stones at an air force vehicle"."""


def _aimed_at(token) -> set[int]:  # type: ignore[no-untyped-def]
    """Token indexes of what a violent act hits, the passive's subject ("three air force
    officers were injured") and the objects of its "at" phrases: a weapon named there is a
    target, not the instrument."""
    verbs = shared_verbs(token)
    aimed = [c for v in verbs for c in v.children if c.dep_ == "nsubjpass"]
    aimed += [p for v in verbs for p in v.children if p.dep_ in ("prep", "conj")
              and p.lower_ in AIMED_PREPS and not any(  # not "at around 8 pm"
                  g.ent_type_ in ("DATE", "TIME") for g in p.children)]
    return {t.i for a in aimed for t in a.subtree} - {  # "at the checkpoint with mines",
        t.i for a in aimed for w in a.subtree if w.dep_ == "prep" and w.lower_ == "with"
        for g in w.children if g.dep_ == "pobj"  # not "at a car with members of the air force"
        for t in (g, *(c for c in g.children if c.dep_ in ("compound", "conj")))}


def _own_phrase(token) -> list:  # type: ignore[no-untyped-def,type-arg]
    """The words of the trigger's own phrase, two levels down, its subclauses left out: what
    exploded ("artillery shells exploded", "the explosion of a shell") names the weapon, of
    whatever rank, better than the trigger does."""
    level = [c for c in token.children if c.dep_ not in CLAUSE_DEPS]
    return level + [g for c in level for g in c.children if g.dep_ not in CLAUSE_DEPS]


def _about(trigger) -> set[int]:  # type: ignore[no-untyped-def]
    """Token indexes that say what a protest is about or for, not how it went: phrases of the
    trigger and, for a noun, of the verb it is the object of ("staged a protest over ...")."""
    found: set[int] = set()
    heads = [trigger] if trigger.pos_ == "VERB" else [trigger, trigger.head]
    for head in heads:
        for child in head.children:
            if (child.dep_ == "prep" and child.lower_ in PURPOSE_PREPS) or child.dep_ in (
                    "acl", "relcl", "ccomp") or (child.dep_ in ("advcl", "xcomp") and _purpose(
                    child)) or (child.dep_ == "dobj" and head is trigger and _topical(trigger)):
                found.update(t.i for t in child.subtree)
                found -= _instrumental(child)
    return found


def _topical(trigger) -> bool:  # type: ignore[no-untyped-def]
    """Whether the object of a protest trigger is what the protest is about ("protested the
    decision"): so for a verb of protest, not for a verb that makes a protest by what it does
    to its object ("erected barricades of burning tyres")."""
    return trigger.pos_ != "VERB" or trigger.lemma_.lower() in lexicon().verbs


@functools.cache
def _purpose_words() -> frozenset[str]:
    """Every word of a verb that states a protest's purpose ("demanding", "calling")."""
    return frozenset(w for rules in lexicon().with_purpose.values() for words, _ in rules
                     for w in words)


def _purpose(clause) -> bool:  # type: ignore[no-untyped-def]
    """An adverbial clause states a purpose or reason ("to demand ...", "demanding ...",
    "because they fear ..."), unless it is a participle of an act done on the way ("...,
    burning tyres"), which tells how the protest went."""
    return clause.tag_ != "VBG" or clause.lemma_.lower() in _purpose_words() or any(
        c.dep_ in ("aux", "mark") for c in clause.children)


INSTRUMENTAL = "with"


def _instrumental(phrase) -> set[int]:  # type: ignore[no-untyped-def]
    """Token indexes of the "with" phrases inside a noun phrase: what an act was done with, how
    it went, not what it was about ("blocked the road in the town with burning tyres")."""
    return {t.i for p in phrase.subtree if p.dep_ == "prep" and p.lower_ == INSTRUMENTAL
            and p.head.pos_ in ("NOUN", "PROPN") for t in p.subtree}


ACT_DEPS = {"ROOT", "conj", "dobj", "advcl", "xcomp", "pcomp", "amod", "compound", "nsubj",
            "nsubjpass", "dep", "attr"}
"""Where a manner cue names what happened ("threw stones", "fired tear gas", "violent protest"),
not what people talk or fear about ("fear clashes" is a ccomp's object)."""


NEGATORS = {"no", "not", "n't", "never", "without"}


def _negated(token) -> bool:  # type: ignore[no-untyped-def]
    """The token, or the verb it is the subject or object of, is denied: "no clashes", "clashes
    were not reported", "without violence"."""
    return any(c.lower_ in NEGATORS for t in (token, token.head) for c in t.children
               if c.dep_ in ("neg", "det")) or token.head.lower_ == "without"


def _acts(tokens: list) -> list:  # type: ignore[type-arg]
    """Tokens that can report an act: not inside a reported or feared clause, nor a topic, nor
    denied, nor what a demand asks for ("urged the firm to prevent accidents"), nor told as the
    background of the event ("after clashes", "the anniversary of the riot"), nor a thing named
    by the noun of a destructive verb ("a torch rally"), nor a symbolic act ("burned effigies")."""
    return [t for t in tokens if (t.dep_ in ACT_DEPS or (t.dep_ == "pobj" and t.head.lower_ in (
        "with", "by", "of"))) and not _negated(t) and not demanded(_purposed(t), None)
        and not _background(t) and not _thing(t) and not guarded(t, t.lemma_.lower())
        and not _unreal(t) and not _named(t)]


def _purposed(token):  # type: ignore[no-untyped-def]
    """The verb whose purpose ``token`` is ("take action to prevent ..."), else ``token``: what
    a demanded act is for was demanded too ("demanded the government take action to prevent")."""
    marked = token.dep_ == "advcl" and any(c.lower_ == "to" for c in token.children)
    return token.head if marked else token


NAMES = ("GPE", "LOC", "FAC", "ORG", "PERSON", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT")


def _named(token) -> bool:  # type: ignore[no-untyped-def]
    """``token`` is a word of a proper name of several words ("Baton Rouge"): it names, it tells
    no act."""
    name = entity_of(token) if token.ent_type_ in NAMES else None
    return name is not None and len(name) > 1


MODALS = frozenset({"may", "might", "could", "would", "will", "shall", "can", "should", "must"})


def _unreal(token) -> bool:  # type: ignore[no-untyped-def]
    """``token`` is inside a clause with a modal verb: what "may lead to damage" tells did not
    happen."""
    return any(c.dep_ == "aux" and c.lower_ in MODALS for a in (token, *token.ancestors)
               for c in a.children)


BACKGROUND = frozenset({"after", "before", "since", "following", "amid", "despite", "anniversary",
                        "commemoration", "remembrance", "memory"})
"""Prepositions and nouns whose phrase tells of another event, as background or as what is
remembered: "after violent clashes", "the anniversary of the riot"."""


REASON_MARKS = frozenset({"because", "since"})
"""Conjunctions of a clause that tells why ("because it destroys the landscape"), not what
happened."""


def _background(token) -> bool:  # type: ignore[no-untyped-def]
    """``token`` is inside a phrase that tells of an earlier or remembered event, or inside a
    clause of reason."""
    return any(a.lemma_.lower() in BACKGROUND and (a.dep_ == "prep" or a.pos_ == "NOUN")
               or a.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in REASON_MARKS
                                            for m in a.children) for a in (token, *token.ancestors))


def _thing(token) -> bool:  # type: ignore[no-untyped-def]
    """``token`` is the noun of a verb of destruction that names no act ("torches", "a torch
    rally"): a trigger verb of a violent type that is no trigger noun."""
    lex = lexicon()
    lemma = token.lemma_.lower()
    return token.pos_ in ("NOUN", "PROPN") and lex.verbs.get(lemma) in VIOLENT \
        and lemma not in lex.nouns


def _sentence_and_next(token) -> list:  # type: ignore[no-untyped-def,type-arg]
    sentence = token.sent
    end = sentence.end
    if end < len(token.doc):
        end = token.doc[end].sent.end
    return list(token.doc[sentence.start:end])


@functools.cache
def _manner_words() -> frozenset[str]:
    """Every word of a manner cue of a protest (:func:`by_manner`): no other word can tell one."""
    return frozenset(w for cue, kind in lexicon().manner if kind not in (CALM, KIDNAP)
                     for w in cue)


def by_manner(token, event_type: str) -> str:  # type: ignore[no-untyped-def]
    """Refine a protest by how it went, in its sentence and the next; territory taken with
    "no clashes reported" or "without resistance" changed hands without a fight."""
    if event_type in TERRITORY:
        tokens = _sentence_and_next(token)
        words = _lemmas(tokens)
        calm = any(_has(cue, tokens, words) for cue, kind in lexicon().manner if kind == CALM)
        return CALM if calm or fight_untold(tokens) else event_type
    if event_type not in PROTESTS:
        return event_type
    skip = _about(token)  # the trigger may head a cue ("set fire to tyres to protest")
    cues = _manner_words()
    tokens = [t for t in _acts([t for t in _sentence_and_next(token) if t.i not in skip
                                and (t.lemma_.lower() in cues or t.lower_ in cues)])  # no other
              if modality_of(t) == "asserted"]  # word can tell; not "fear clashes will break out"
    own = {t.i for c in token.children if c.dep_ == "advcl" and c.tag_ == "VBG" for t in c.subtree}
    theirs = [t for t in tokens if t.i not in own  # "..., preventing traffic": no police act
              and not _by_crowd(t, token)  # "protesters parked a bus to prevent traffic"
              and not _described(t)]
    scopes = {scope: (found, _lemmas(t for t in found if t.i != token.i))
              for scope, found in ((True, tokens), (False, theirs))}
    return next((kind for cue, kind in lexicon().manner
                 if kind not in (CALM, KIDNAP) and _has(cue, *scopes[kind == RIOT])), event_type)


def _described(token) -> bool:  # type: ignore[no-untyped-def]
    """``token`` is a participle that describes people other than protesters ("demanded the
    release of arrested officials"): it tells what was done to them before, not at the protest
    ("five arrested protesters" were arrested at it)."""
    return token.dep_ == "amod" and token.tag_ == "VBN" \
        and token.head.lemma_.lower() not in words_of("agent_nouns", RIOT)


def _by_crowd(token, trigger) -> bool:  # type: ignore[no-untyped-def]
    """The act ``token`` tells of is done by the protest's own crowd to something else: the
    subject of its transitive verb (or of the verb whose purpose it is) is the trigger's subject
    or names protesters."""
    crowd = words_of("agent_nouns", RIOT)
    own = {c.i for c in trigger.children if c.dep_ == "nsubj"}
    verb = token
    while verb.dep_ in ("xcomp", "advcl", "dobj", "pobj", "prep", "conj", "compound", "amod") \
            and not any(c.dep_ == "nsubj" for c in verb.children) and verb.head is not verb:
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    acts_on = any(c.dep_ == "dobj" for c in verb.children)  # not "forced the protesters to
    return acts_on and any(c.i in own or c.lemma_.lower() in crowd for c in subjects)  # disperse"


SETTING_PREPS = {"during", "at", "amid", "in"}
"""Prepositions that set an act inside another event: "threw stones during a demonstration"."""


LOOTING = "Looting"


def by_setting(token, event_type: str) -> str:  # type: ignore[no-untyped-def]
    """Mob violence, destruction or a clash inside a demonstration ("threw stones during
    demonstrations", "vandalised an office during a demonstration"), done by those who protest
    ("protested and threw stones", "burnt tyres and staged demonstrations", "burnt tyres to
    demonstrate") or, for a clash, with them ("police clashed with the demonstrators") is a
    violent demonstration."""
    if event_type not in (MOB, CLASH, LOOTING):
        return event_type
    opposite = argument_heads(token, {"dobj"}, {"with"})  # "clashed with and dispersed them"
    crowd = words_of("agent_nouns", RIOT)
    if event_type == CLASH and any(g.lemma_.lower() in crowd for g in opposite):
        return RIOT
    protest_nouns = words_of("nouns", *sorted(PROTESTS), RIOT)
    protest_verbs = words_of("verbs", *sorted(PROTESTS), RIOT)
    shared = shared_verbs(token) + [c for c in token.children  # "burnt tyres to demonstrate"
                                    if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"]
    scene = [g for v in shared for p in v.children
             if p.dep_ == "prep" and p.lower_ in SETTING_PREPS for g in p.children if g.dep_ == "pobj"]
    scene += [o for v in shared[1:] for o in v.children if o.dep_ == "dobj"]  # "staged a protest"
    joined = any(v.lemma_.lower() in protest_verbs for v in shared[1:])
    return RIOT if joined or any(g.lemma_.lower() in protest_nouns for g in scene) else event_type


SEXUAL = "SexualViolence"


def by_conjunct(token, event_type: str) -> str:  # type: ignore[no-untyped-def]
    """An attack coordinated with sexual violence on the same victims is sexual violence:
    "attacked and sexually abused a student"."""
    if event_type not in VIOLENT:
        return event_type
    joined = [v for v in shared_verbs(token)[1:] if trigger_type(v) == SEXUAL]
    return SEXUAL if joined else event_type


CUSTODY = "Arrest"
ABUSE = "AttackOnCivilians"


def by_custody(token, event_type: str) -> str:  # type: ignore[no-untyped-def]
    """An arrest whose sentence (or the next) tells of beating or torturing, not denied, is
    violence against the detained: "detained a blogger and tortured him"; one after which
    the detained are missing (a manner cue of ``Kidnap``: "their whereabouts remain unknown")
    is a forced disappearance."""
    if event_type != CUSTODY:
        return event_type
    tokens = _sentence_and_next(token)
    verbs = words_of("verbs", ABUSE)
    if any(t.pos_ == "VERB" and t.lemma_.lower() in verbs and not _negated(t) for t in tokens):
        return ABUSE
    words = _lemmas(tokens)
    return next((kind for cue, kind in lexicon().manner
                 if kind == KIDNAP and _has(cue, tokens, words)), event_type)


def refine(token, event_type: str) -> str:  # type: ignore[no-untyped-def]
    """The trigger's type made precise by instrument, participants, setting and manner; a harm
    done in a violent event ("wounded in a clash between villagers", "shot dead during a clash
    between two gangs") is that event's type, an attack's only if it is a fight between sides."""
    noun = occasion(token, event_type)
    kind = refine(noun, trigger_type(noun)) if noun is not None else None
    if kind is not None and (kind not in ATTACKS or two_sided(noun)):
        return kind
    refined = by_participants(token, by_instrument(token, event_type))
    refined = by_conjunct(token, by_custody(token, refined))
    return by_manner(token, by_setting(token, refined))


__all__ = ["by_instrument", "by_manner", "by_participants", "by_setting", "by_conjunct",
           "by_custody", "refine"]

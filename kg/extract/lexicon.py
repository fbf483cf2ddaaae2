"""The trigger lexicon, read from the event-type scheme (``ontology/event-types.ttl``).

The ontology is the one source of trigger words: each SKOS concept lists its
trigger verbs and nouns (lemmas), multi-word and phrasal triggers ("open
fire", "air strike", "set on fire"), verbs that trigger only with a fitting
object or subject, word-sense guards ("sign post"), and the cues that refine
a type (instruments, victims, perpetrators, agent kinds, manner of a protest).
:func:`lexicon` parses them once per process; :mod:`kg.extract.triggers` and
:mod:`kg.extract.refine` read the tables.

Examples
--------
>>> lex = lexicon()
>>> lex.verbs["shell"], lex.nouns["truce"], lex.nouns["ied"]
('Shelling', 'Ceasefire', 'Bombing')
>>> lex.with_object["halt"][0][1], "aid" in lex.with_object["halt"][0][0]
('Sanction', True)
>>> ("AirStrike", 2) in [(t, n) for _, t, n in lex.phrases["raid"]]
True
>>> "post" in lex.guards["sign"]
True
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from rdflib import Literal, URIRef

from kg.taxonomy import scheme_graph
from kg.vocab import CKG, ET, SKOS

Phrase = tuple[frozenset[str], str, int]  # (the other words, event type, number of words)


@dataclass(frozen=True)
class Lexicon:
    """Trigger and refinement tables, by lemma (lower case)."""

    verbs: dict[str, str]
    nouns: dict[str, str]
    phrases: dict[str, tuple[Phrase, ...]]  # any word of a phrase -> phrases holding it, longest first
    with_object: dict[str, tuple[tuple[frozenset[str], str], ...]]  # verb -> (objects, type)...
    with_subject: dict[str, tuple[tuple[frozenset[str], str], ...]]  # verb -> (subjects, type)...
    with_purpose: dict[str, tuple[tuple[frozenset[str], str], ...]]  # verb -> (purposes, type)...
    with_preposition: dict[str, tuple[tuple[frozenset[str], str], ...]]  # verb -> (words, type)...
    guards: dict[str, frozenset[str]]  # trigger lemma -> lemmas that cancel it nearby
    alone: frozenset[str]  # types reportable without an actor
    instruments: tuple[tuple[tuple[str, ...], str, int], ...]  # (words, type, rank), best first
    ranks: dict[str, int]  # type -> instrument rank
    target_nouns: dict[str, str]
    agent_nouns: dict[str, str]
    agent_kinds: dict[str, tuple[frozenset[str], str]]  # type -> (kinds, broader type)
    manner: tuple[tuple[tuple[str, ...], str], ...]  # (cue words, type) in the scheme's order


def _key(concept: URIRef) -> str:
    return str(concept)[len(str(ET._NS)):]


def _values(prop: URIRef) -> list[tuple[str, str]]:
    """(type key, lower-case text) of every literal of ``prop``, sorted for a stable lexicon."""
    graph = scheme_graph()
    return sorted((_key(s), str(o).lower()) for s, o in graph.subject_objects(prop)
                  if isinstance(s, URIRef) and isinstance(o, Literal))


def _split_rule(text: str) -> tuple[list[str], frozenset[str]]:
    """ "send give > arms troop" -> (["send", "give"], {"arms", "troop"})."""
    heads, _, needs = text.partition(">")
    return heads.split(), frozenset(needs.split())


def _conditional(prop: URIRef) -> dict[str, tuple[tuple[frozenset[str], str], ...]]:
    table: dict[str, list[tuple[frozenset[str], str]]] = {}
    for key, text in _values(prop):
        verbs, needs = _split_rule(text)
        for verb in verbs:
            table.setdefault(verb, []).append((needs, key))
    return {verb: tuple(rules) for verb, rules in table.items()}


def _phrases() -> dict[str, tuple[Phrase, ...]]:
    table: dict[str, list[Phrase]] = {}
    for key, text in _values(CKG.triggerPhrase):
        words = text.split()
        for word in dict.fromkeys(words):
            table.setdefault(word, []).append((frozenset(w for w in words if w != word), key,
                                               len(words)))
    return {w: tuple(sorted(p, key=lambda x: -x[2])) for w, p in table.items()}


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The trigger lexicon of the scheme (parsed once)."""
    graph = scheme_graph()
    guards: dict[str, set[str]] = {}
    for _, text in _values(CKG.senseGuard):
        word, *others = text.split()
        guards.setdefault(word, set()).update(others)
    ranks = {_key(s): int(o) for s, o in graph.subject_objects(CKG.refinementRank)}
    instruments = sorted(((tuple(text.split()), key, ranks.get(key, 99))
                          for key, text in _values(CKG.instrument)), key=lambda x: (x[2], -len(x[0])))
    kinds: dict[str, set[str]] = {}
    for key, text in _values(CKG.agentKind):
        kinds.setdefault(key, set()).add(text)
    broader = {_key(s): _key(o) for s, o in graph.subject_objects(SKOS.broader)}
    manner = sorted(((tuple(text.split()), key) for key, text in _values(CKG.mannerCue)),
                    key=lambda x: ranks.get(x[1], 99))  # the gravest manner first
    return Lexicon(
        verbs={w: k for k, w in _values(CKG.triggerVerb)},
        nouns={w: k for k, w in _values(CKG.triggerNoun)},
        phrases=_phrases(), with_object=_conditional(CKG.triggerWithObject),
        with_subject=_conditional(CKG.triggerWithSubject),
        with_purpose=_conditional(CKG.triggerWithPurpose),
        with_preposition=_conditional(CKG.triggerWithPreposition),
        guards={w: frozenset(o) for w, o in guards.items()},
        alone=frozenset(_key(s) for s, o in graph.subject_objects(CKG.reportableWithoutActor)
                        if o.toPython() is True),
        instruments=tuple(i for i in instruments if i[2] < 99), ranks=ranks,
        target_nouns={w: k for k, w in _values(CKG.targetNoun)},
        agent_nouns={w: k for k, w in _values(CKG.agentNoun)},
        agent_kinds={k: (frozenset(v), broader[k]) for k, v in kinds.items()},
        manner=tuple(manner))


@functools.lru_cache(maxsize=64)
def words_of(table: str, *kinds: str) -> frozenset[str]:
    """The words of one of the lexicon's tables ("verbs", "nouns", "agent_nouns",
    "target_nouns") that stand for one of ``kinds``.

    >>> sorted(words_of("agent_nouns", "ViolentDemonstration"))
    ['demonstrator', 'protester', 'rioter']
    """
    return frozenset(w for w, kind in getattr(lexicon(), table).items() if kind in kinds)


__all__ = ["Lexicon", "lexicon", "words_of"]

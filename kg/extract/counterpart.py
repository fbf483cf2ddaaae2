"""The other side of a one-sided ceasefire: whom the text says it is with, else its war's foe.

"The Lebanese army announced its own ceasefire" names one party; a ceasefire is
always with or against someone. The counterpart is, in order:

1. the party the text names: the object of a with/against phrase of the act the
   ceasefire stops ("a ceasefire in their assault against the Islamic State");
2. else the one foe the same article gives the ceasefire's parties: the other side
   of every fighting event (asserted or reported) they take part in. When they
   fight more than one foe the text does not say which, and the ceasefire keeps
   no counterpart.

Examples
--------
>>> from kg.model import Event, Span
>>> def event(i, kind, agents, targets=()):
...     return Event(i, kind, Span(0, 1, "x"), 0, agents=agents, targets=targets)
>>> found = with_counterparts([event(0, "ArmedClash", ("isis",), ("army",)),
...                            event(1, "Ceasefire", ("army",))])
>>> found[1].targets
('isis',)
>>> with_counterparts([event(0, "ArmedClash", ("a",), ("b", "c")),
...                    event(1, "Ceasefire", ("a",))])[1].targets
()
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace

from kg.analysis.families import family_of
from kg.extract.clauses import head_at
from kg.extract.modality import HAPPENED
from kg.extract.roles import ActorAt
from kg.model import Event

ONE_SIDED = frozenset({"Ceasefire"})
"""Event types that need a counterpart when the text names only one side."""
STOPPED_ACT_PREPS = frozenset({"in", "on", "of", "for"})
COUNTERPART_PREPS = frozenset({"against", "with"})


def stated_counterparts(token, actor_at: ActorAt) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """Actors of the with/against phrase of the act a ceasefire trigger stops ("a ceasefire
    in their assault against X" -> X)."""
    found: list[str] = []
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in STOPPED_ACT_PREPS:
            continue
        for act in (c for c in prep.children if c.dep_ == "pobj"):
            for inner in act.children:
                if inner.dep_ == "prep" and inner.lower_ in COUNTERPART_PREPS:
                    for noun in (c for c in inner.children if c.dep_ == "pobj"):
                        keys = [noun, *(c for c in noun.children if c.dep_ == "conj")]
                        found.extend(k for k in (actor_at(t.i) for t in keys) if k)
    return tuple(dict.fromkeys(found))


def _foes(parties: set[str], events: Sequence[Event]) -> set[str]:
    foes: set[str] = set()
    for event in events:
        if family_of(event.event_type) != "fights" or event.modality not in HAPPENED:
            continue
        if parties & set(event.agents):
            foes.update(event.targets)
        if parties & set(event.targets):
            foes.update(event.agents)
    return foes - parties


def with_counterparts(events: Sequence[Event]) -> list[Event]:
    """``events`` with each one-sided ceasefire given its article's one foe as target."""
    found = list(events)
    for index, event in enumerate(found):
        if event.event_type not in ONE_SIDED or event.targets or not event.agents:
            continue
        foes = _foes(set(event.agents), events)
        if len(foes) == 1:
            found[index] = replace(event, targets=tuple(foes))
    return found


PROTESTS = frozenset({"Protest", "ProtestWithIntervention", "ViolentDemonstration"})
COUNTER = "counter"
"""The prefix of an act against an act of the same kind: "a counter-demonstration"."""


def _prefixed(token) -> bool:  # type: ignore[no-untyped-def]
    """Whether a word is, or is the last part of, a word prefixed "counter-"."""
    doc, word = token.doc, token.lower_
    if word.startswith(COUNTER) and word != COUNTER:
        return True  # "counterprotest"
    after = doc[token.i + 1:token.i + 3]
    before = doc[max(0, token.i - 2):token.i]
    return word == COUNTER and len(after) == 2 and after[0].text == "-" or \
        len(before) == 2 and before[1].text == "-" and before[0].lower_ == COUNTER


def countering(doc) -> Callable[[Event], bool]:  # type: ignore[no-untyped-def]
    """Event -> whether its trigger, or the event noun of its object or prepositional phrase
    ("gathered for a counter-demonstration"), bears the prefix "counter-"."""
    def counters(event: Event) -> bool:
        trigger = head_at(doc, event.trigger.start, event.trigger.end)
        if trigger is None:
            return False
        phrase = [g for c in trigger.children if c.dep_ == "prep" for g in c.children
                  if g.dep_ == "pobj"] + [c for c in trigger.children if c.dep_ == "dobj"]
        return any(_prefixed(t) for t in (trigger, *phrase))
    return counters


def with_counter_protests(events: Sequence[Event], counters: Callable[[Event], bool]
                          ) -> list[Event]:
    """``events`` with a counter-protest and the protest it counters (the nearest one before
    it, every word of its sentence) each given the other's agents as targets: "700 people demonstrated against the
    measures. 20 people gathered for a counter-demonstration." Each crowd is a group of its
    own, even where both are one actor (the protesters of one country).

    >>> from kg.model import Event, Span
    >>> found = with_counter_protests([
    ...     Event(0, "Protest", Span(0, 1, "x"), 0, agents=("crowd",)),
    ...     Event(1, "Protest", Span(5, 6, "y"), 1, agents=("crowd",))], lambda e: e.index == 1)
    >>> found[0].targets, found[1].targets
    (('crowd',), ('crowd',))
    """
    found = list(events)
    for position, event in enumerate(events):
        if event.event_type not in PROTESTS or not event.agents or not counters(event):
            continue
        before = [i for i in range(position) if found[i].event_type in PROTESTS
                  and found[i].agents]
        for index in (i for i in before if found[i].sentence == found[before[-1]].sentence):
            countered = found[index]  # every word of the sentence that tells it
            found[index] = replace(countered, targets=tuple(dict.fromkeys(
                (*countered.targets, *event.agents))))
            found[position] = replace(event, targets=tuple(dict.fromkeys(
                (*found[position].targets, *countered.agents))))
    return found


PROTEST_WORDS = frozenset({"protest", "protester", "protestor", "demonstration", "demonstrator",
                           "demonstrate", "rally", "march", "marcher", "picket"})
"""Words of a protest or its crowd that "counter-" turns into the other side's."""


def counter_sentences(doc, sentence_of: Mapping[int, int]) -> set[int]:  # type: ignore[no-untyped-def]
    """Sentences that name a counter-protest or its crowd, as an event or not: "Counter-
    demonstrators were present", "they were met by counter-protesters"."""
    return {sentence_of[t.i] for t in doc if t.i in sentence_of  # the word first (cheaper)
            and t.lemma_.lower().removeprefix(COUNTER).lstrip("-") in PROTEST_WORDS
            and _prefixed(t)}


def with_counter_crowds(events: Sequence[Event], sentences: Collection[int],
                        crowd: Callable[[str], bool]) -> list[Event]:
    """``events`` with the protest a counter-protest answers given its own crowd as target: the
    counter-protesters are people of the same kind and country (one actor key, two sides), as
    in :func:`with_counter_protests`, where the text names them without an event of their own.
    The protest answered is the last one told before the sentence naming the counter-crowd
    (every word of it in its sentence: "took to the streets, taking part in walks"), else the
    one in that sentence ("they were met by counter-protesters").

    >>> from kg.model import Event, Span
    >>> found = with_counter_crowds([Event(0, "Protest", Span(0, 1, "x"), 0, agents=("crowd",
    ...     "union"))], {1}, lambda key: key == "crowd")
    >>> found[0].targets
    ('crowd',)
    """
    found = list(events)
    for sentence in sorted(sentences):
        protests = [i for i, e in enumerate(found) if e.event_type in PROTESTS and e.agents
                    and e.sentence <= sentence]
        before = [i for i in protests if found[i].sentence < sentence]
        last = [i for i in before if found[i].sentence == found[before[-1]].sentence] \
            if before else protests[-1:]  # the words of one sentence tell one protest
        for index in last:
            event = found[index]
            keys = tuple(k for k in event.agents if crowd(k))
            found[index] = replace(event, targets=tuple(dict.fromkeys((*event.targets, *keys))))
    return found


__all__ = ["ONE_SIDED", "counter_sentences", "countering", "stated_counterparts",
           "with_counter_crowds", "with_counter_protests", "with_counterparts"]

"""What one article adds to the aggregates: tallies keyed by dyad, actor, place and date.

An article's contribution is a :class:`collections.Counter` of :class:`Key` to
counts, computed by the same rules as :func:`kg.analysis.projection.actor_network`
and :func:`kg.views.source.view_source`: only events that happened (asserted or
reported) count; each agent -> target pair is a dyad of the event's type, two
agents of one event a ``CoAgent`` dyad (URI order) unless the text relates them
(:func:`kg.analysis.families.pair_relation`), a mediator and each party a
``Mediates`` dyad; a dyad's date is the event's own date, else the article's
publication date. Each event that happened is also kept as a member of each dyad it counts
in (a :data:`IN_DYAD` key, once an article: not a count, a ``ckg:inDyad`` triple), so a dyad's
evidence is read, not matched again. A ``mediation`` tally counts the explicit mediation records of
:func:`kg.analysis.mediation.mediation_records` per actor and kind: mediators,
agents and parties of talks, and speakers of claims asserting talks. A ``mention`` tally counts
the mentions that refer to an actor or place (``ckg:refersTo``), whatever their events. The facts come from the extraction being written
(:func:`from_extraction`) or from a stored article graph (:func:`from_rows`), so
removal subtracts exactly what ingest added.

Examples
--------
>>> e = EventFacts("e1", "ArmedClash", "asserted", "2017-08-27", "p", ("a", "b"), ("c",), ())
>>> sorted((k.kind, k.parts) for k in contribution([e], "", "Reuters") if k.kind == "dyad")
[('dyad', ('a', 'b', 'CoAgent')), ('dyad', ('a', 'c', 'ArmedClash')), ('dyad', ('b', 'c', 'ArmedClash'))]
>>> c = contribution([e], "2017-09-01", "")
>>> c[Key("actor", ("a",))], c[Key("date", ("2017-08-27",))], c[Key("place", ("p",))]
(1, 1, 1)
>>> contribution([EventFacts("e2", "ArmedClash", "negated", "", "", ("a",), ("c",), ())], "", "")
Counter()
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # kg.model is not needed to read the tallies
    from kg.model import Extraction

HAPPENED = ("asserted", "reported")
"""Modalities of events that took place (as :data:`kg.analysis.projection.HAPPENED`)."""
KINDS = ("dyad", "dyad-date", "dyad-source", "actor", "place", "date", "mediation", "mention")
IN_DYAD = "in-dyad"
"""The kind of a key that is no tally: ``(event, agent, other, relation)``, the event's
membership of a dyad (one per article; :func:`kg.aggregates.write.tally_update` writes it as
``<event> ckg:inDyad <dyad tally>``)."""
TALKS = ("Mediate", "Negotiate")
"""Event types of talks (the explicit evidence of :mod:`kg.analysis.mediation`)."""


@dataclass(frozen=True, order=True)
class Key:
    """A tally's key: its kind and parts (``dyad``: agent, other, relation; :data:`IN_DYAD`: the
    event and those; ``dyad-date``
    and ``dyad-source``: those and the date or source; ``actor``, ``place``, ``date``: one;
    ``mediation``: actor and kind, a key of :data:`kg.analysis.mediation.WEIGHTS`; ``mention``:
    the actor or place referred to)."""

    kind: str
    parts: tuple[str, ...]


@dataclass(frozen=True)
class EventFacts:
    """What the aggregates need of one event (actors, places as URI strings; type as a key)."""

    uri: str
    type: str
    modality: str
    date: str
    place: str
    agents: tuple[str, ...]
    targets: tuple[str, ...]
    mediators: tuple[str, ...]
    agents_act: str = ""  # jointly, mutually, allied (kg.model.Event.agents_act) or ""


def event_edges(event: EventFacts) -> Iterator[tuple[str, str, str]]:
    """``(agent, other, relation)`` of each edge the event gives the network.

    >>> list(event_edges(EventFacts("e", "Negotiate", "asserted", "", "", ("a",), ("b",), ("m",))))
    [('a', 'b', 'Negotiate'), ('m', 'a', 'Mediates'), ('m', 'b', 'Mediates')]
    >>> list(event_edges(EventFacts("e", "Negotiate", "asserted", "", "", ("b", "a"), (), (), "mutually")))
    [('a', 'b', 'Negotiate')]
    """
    from kg.analysis.families import pair_relation

    agents, targets = tuple(dict.fromkeys(event.agents)), tuple(dict.fromkeys(event.targets))
    act = event.agents_act or None
    for agent in agents:
        for target in targets:
            yield agent, target, pair_relation(event.type, "target", act)
    for agent in agents:
        for other in agents:
            if agent < other:
                yield agent, other, pair_relation(event.type, "co-agent", act)
    for mediator in dict.fromkeys(event.mediators):
        for party in dict.fromkeys(agents + targets):
            if party != mediator:
                yield mediator, party, "Mediates"


def mediation_roles(event: EventFacts) -> Iterator[tuple[str, str]]:
    """``(actor, kind)`` of each explicit mediation record the event gives.

    >>> list(mediation_roles(EventFacts("e", "Negotiate", "asserted", "", "", ("a",), ("b",), ("m",))))
    [('m', 'mediator'), ('a', 'negotiator'), ('b', 'party to talks')]
    """
    for mediator in dict.fromkeys(event.mediators):
        yield mediator, "mediator"
    if event.type in TALKS:
        kind = "mediation agent" if event.type == "Mediate" else "negotiator"
        for agent in dict.fromkeys(event.agents):
            yield agent, kind
        for target in dict.fromkeys(event.targets):
            yield target, "party to talks"


def contribution(events: Iterable[EventFacts], published: str, source: str,
                 talks_claims: Iterable[tuple[str, str]] = (),
                 mentions: Iterable[tuple[str, str]] = ()) -> Counter[Key]:
    """The tallies one article's events add (``published``, ``source``: the article's;
    ``talks_claims``: ``(claim, speaker)`` of its claims asserting talks; ``mentions``:
    ``(mention, entity)`` of its mentions).

    >>> contribution([], "", "", mentions=[("m1", "a"), ("m2", "a"), ("m2", "a")])
    Counter({Key(kind='mention', parts=('a',)): 2})
    """
    counts: Counter[Key] = Counter()
    for _, entity in dict.fromkeys(mentions):
        counts[Key("mention", (entity,))] += 1
    for _, speaker in dict.fromkeys(talks_claims):
        counts[Key("mediation", (speaker, "claimed talks"))] += 1
    for event in events:
        if event.modality not in HAPPENED:
            continue
        for actor, kind in mediation_roles(event):
            counts[Key("mediation", (actor, kind))] += 1
        date = event.date or published
        for actor in dict.fromkeys(event.agents + event.targets + event.mediators):
            counts[Key("actor", (actor,))] += 1
        if event.place:
            counts[Key("place", (event.place,))] += 1
        if date:
            counts[Key("date", (date,))] += 1
        for dyad in event_edges(event):
            counts[Key("dyad", dyad)] += 1
            counts[Key(IN_DYAD, (event.uri, *dyad))] = 1
            if date:
                counts[Key("dyad-date", (*dyad, date))] += 1
            if source:
                counts[Key("dyad-source", (*dyad, source))] += 1
    return counts


def from_extraction(extraction: Extraction) -> Counter[Key]:
    """The contribution of an article about to be written (the same terms its triples hold)."""
    from kg import ids
    from kg.rdf import date_literal

    article = extraction.article
    facts = [EventFacts(
        str(ids.event_uri(article.key, e.index)), e.event_type, e.modality,
        str(date_literal(e.time.value, e.time.granularity)) if e.time else "",
        str(ids.place_uri(e.place)) if e.place else "",
        tuple(str(ids.actor_uri(k)) for k in e.agents),
        tuple(str(ids.actor_uri(k)) for k in e.targets),
        tuple(str(ids.actor_uri(k)) for k in e.mediators), e.agents_act or "")
        for e in extraction.events]
    published = article.published.isoformat() if article.published else ""
    types = {e.index: e.event_type for e in extraction.events}
    claims = [(str(ids.claim_uri(article.key, c.index)), str(ids.actor_uri(c.speaker)))
              for c in extraction.claims
              if c.speaker and c.asserts is not None and types.get(c.asserts) in TALKS]
    mentions = [(str(ids.mention_uri(article.key, m.span.start, m.span.end)),
                 str(ids.actor_uri(m.key) if m.kind == "actor" else ids.place_uri(m.key)))
                for m in extraction.mentions]  # as kg.ntriples writes them
    return contribution(facts, published, article.source or "", claims, mentions)


def from_rows(rows: Iterable[Mapping[str, object]],
              claim_rows: Iterable[Mapping[str, object]] = (),
              mention_rows: Iterable[Mapping[str, object]] = ()) -> Counter[Key]:
    """The contribution of a stored article, from the rows of :data:`kg.aggregates.write.FACTS`
    for its graph (``event, type, modality``, optional ``date, place, agentsAct, role, actor,
    published, source``), of :data:`kg.aggregates.write.TALKS_CLAIMS` (``claim, speaker``) and
    of :data:`kg.aggregates.write.MENTION_FACTS` (``mention, entity``)."""
    facts, published, source = event_facts(rows)
    claims = [(str(row["claim"]), str(row["speaker"])) for row in claim_rows]
    mentions = [(str(row["mention"]), str(row["entity"])) for row in mention_rows]
    return contribution(facts, published, source, claims, mentions)


def event_facts(rows: Iterable[Mapping[str, object]]) -> tuple[list[EventFacts], str, str]:
    """Rows of one event role each (``event, type, modality``, optional ``date, place,
    agentsAct, role, actor, published, source``) grouped into one :class:`EventFacts` an event,
    with the last ``published`` and ``source`` given.

    >>> facts, _, _ = event_facts([
    ...     {"event": "e1", "type": "Fight", "modality": "asserted", "role": "agent", "actor": "a"},
    ...     {"event": "e1", "type": "Fight", "modality": "asserted", "role": "target", "actor": "b"}])
    >>> [(f.uri, f.agents, f.targets) for f in facts]
    [('e1', ('a',), ('b',))]
    """
    from kg.vocab import ET

    prefix = str(ET._NS)
    events: dict[str, dict[str, object]] = {}
    published = source = ""
    for row in rows:
        text = {name: str(value) for name, value in row.items() if value is not None}
        published = text.get("published", published)
        source = text.get("source", source)
        event = events.setdefault(text["event"], {
            "type": text["type"].removeprefix(prefix), "modality": text["modality"],
            "date": text.get("date", ""), "place": text.get("place", ""),
            "act": text.get("agentsAct", ""), "agent": {}, "target": {}, "mediator": {}})
        if "role" in text:
            event[text["role"]][text["actor"]] = None  # type: ignore[index]
    facts = [EventFacts(uri, str(e["type"]), str(e["modality"]), str(e["date"]), str(e["place"]),
                        tuple(e["agent"]), tuple(e["target"]), tuple(e["mediator"]),  # type: ignore[call-overload]
                        str(e["act"]))
             for uri, e in events.items()]
    return facts, published, source


__all__ = ["HAPPENED", "IN_DYAD", "KINDS", "TALKS", "EventFacts", "Key", "contribution", "event_edges",
           "event_facts", "from_extraction", "from_rows", "mediation_roles"]

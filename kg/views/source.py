"""Everything the views read from the store: the actor network, events and claims.

:func:`view_source` adds to :func:`kg.analysis.projection.actor_network` the
mediation edges (mediator -> each party, type ``Mediates``) and two tables the
pages show as evidence: events (type, date, place with coordinates, sentence,
article, actors, how many articles report the same occurrence) and claims
(speaker, verb, quote, what they assert, what they contradict).

Examples
--------
>>> from kg.store import open_store
>>> source = view_source(open_store("memory:"))
>>> source.network.number_of_nodes(), source.events, source.claims
(0, {}, {})
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import TypeVar

import networkx as nx

from kg.collection import collector_paused
from kg.datepolicy import dated
from kg.store import Store
from kg.vocab import ET, distinct_values, sparql_prologue

_EVENT_CORE = """
  ?event a ckg:Event ; ckg:eventType ?type ; ckg:modality ?modality ; ckg:article ?article ;
         ckg:sentence/ckg:text ?sentence .
  OPTIONAL { ?event ckg:trigger ?trigger }
  OPTIONAL { ?article rdfs:label ?title }
  OPTIONAL { ?event ckg:date ?date }
  OPTIONAL { ?event ckg:dateFrom ?dateFrom }
"""
"""What every event row reads, whichever way its place is described."""

EVENTS = sparql_prologue() + """
SELECT ?event ?type ?date ?dateFrom ?modality ?sentence ?article ?title ?place ?placeLabel ?lat
       ?long ?occurrence ?trigger
WHERE {""" + _EVENT_CORE + """  OPTIONAL { ?event ckg:place ?place }
  # a place's description is repeated by every article graph naming it: de-duplicate
  OPTIONAL { ?event ckg:place ?place .
             """ + distinct_values("place", "rdfs:label", "placeLabel") + """ }
  OPTIONAL { ?event ckg:place ?place . """ + distinct_values("place", "geo:lat", "lat") + """ }
  OPTIONAL { ?event ckg:place ?place . """ + distinct_values("place", "geo:long", "long") + """ }
  OPTIONAL { ?event ckg:occurrence ?occurrence }
}"""

EVENT_BOUND = sparql_prologue() + """
SELECT ?event ?e ?type ?date ?dateFrom ?modality ?sentence ?article ?title ?place ?placeLabel
       ?lat ?long ?occurrence ?trigger
WHERE {""" + _EVENT_CORE + """  OPTIONAL { ?event ckg:place ?place .
             OPTIONAL { GRAPH ?e { ?place rdfs:label ?placeLabel } }
             OPTIONAL { GRAPH ?e { ?place geo:lat ?lat ; geo:long ?long } } }
  OPTIONAL { ?event ckg:occurrence ?occurrence }
}"""
"""One event (``?event`` bound), its place described once in the entities graph (``?e``):
EVENTS' de-duplicating sub-selects would each read every label of the store."""

ROLES = sparql_prologue() + """
SELECT ?event ?role ?actor WHERE {
  { ?event ckg:agent ?actor . BIND("agent" AS ?role) }
  UNION { ?event ckg:target ?actor . BIND("target" AS ?role) }
  UNION { ?event ckg:mediator ?actor . BIND("mediator" AS ?role) }
  ?event a ckg:Event .
}"""

CLAIMS = sparql_prologue() + """
SELECT ?claim ?verb ?speakerText ?quote ?negated ?article ?title ?speaker ?via ?date ?asserts
       ?sentence
WHERE {
  ?claim a ckg:Claim ; ckg:quote ?quote ; prov:wasDerivedFrom ?article .
  OPTIONAL { ?claim ckg:reportingVerb ?verb }
  OPTIONAL { ?claim ckg:speakerText ?speakerText }
  OPTIONAL { ?claim ckg:negated ?negated }
  OPTIONAL { ?article rdfs:label ?title }
  OPTIONAL { ?claim ckg:speaker ?speaker }
  OPTIONAL { ?claim ckg:reportedVia ?via }
  OPTIONAL { ?claim ckg:date ?date }
  OPTIONAL { ?claim ckg:asserts ?asserts }
  OPTIONAL { ?claim ckg:sentence/ckg:text ?sentence }
}"""

CONTRADICTIONS = sparql_prologue() + """
SELECT ?claim ?other WHERE { ?claim a ckg:Claim ; ckg:contradicts ?other }"""

HAPPENED = ("asserted", "reported")
KEPT = 8
"""Views (pages, their data) a source keeps for the next request asking for the same one."""
T = TypeVar("T")


@dataclass
class ViewSource:
    """The actor network (one edge per event and role) with its event and claim tables."""

    network: nx.MultiDiGraph
    events: dict[str, dict[str, object]] = field(default_factory=dict)
    claims: dict[str, dict[str, object]] = field(default_factory=dict)
    _kept: dict[Hashable, object] = field(default_factory=dict, repr=False, compare=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def kept(self, key: Hashable, build: Callable[[], T]) -> T:
        """``build()``, kept for the next call with the same ``key`` (the :data:`KEPT` latest).

        A source is read once per store generation (:func:`cached_view_source`) and not
        changed afterwards, so a view built from it stays right until the next generation.
        A kept value is shared: callers must not change it.

        >>> source, built = ViewSource(nx.MultiDiGraph()), []
        >>> source.kept("a", lambda: built.append(1) or "page"), source.kept("a", lambda: "other")
        ('page', 'page')
        >>> built
        [1]
        """
        with self._lock:
            if key in self._kept:
                return self._kept[key]  # type: ignore[return-value]
        with collector_paused():
            value = build()
        with self._lock:
            self._kept[key] = value
            while len(self._kept) > KEPT:
                del self._kept[next(iter(self._kept))]
        return value

    @classmethod
    def from_network(cls, graph: nx.MultiDiGraph) -> ViewSource:
        """A source with the event table read off the edges (no claims): for tests and benchmarks.

        >>> g = nx.MultiDiGraph()
        >>> _ = g.add_edge("a", "b", type="Shelling", sign=-1, event="e1", date="2017")
        >>> ViewSource.from_network(g).events["e1"]["agents"]
        ['a']
        """
        events: dict[str, dict[str, object]] = {}
        for source, target, attrs in graph.edges(data=True):
            event = events.setdefault(attrs["event"], {
                "uri": attrs["event"], "type": attrs.get("event_type", attrs["type"]),
                **dated(attrs.get("date", ""), attrs.get("date_from", "")),
                "modality": attrs.get("modality", "asserted"),
                "sentence": attrs.get("sentence", ""), "article": attrs.get("article", ""),
                "article_title": attrs.get("article", ""), "place": attrs.get("place", ""),
                "place_uri": "", "lat": None, "long": None, "occurrence": "", "trigger": "",
                "agents": [], "targets": [], "mediators": [], "sources": 1})
            for role, actor in (("agents", source), ("targets", target)):
                if actor not in event[role]:  # type: ignore[operator]
                    event[role].append(actor)  # type: ignore[union-attr]
        return cls(graph, events, {})


def _text(row: dict, name: str) -> str:  # type: ignore[type-arg]
    value = row.get(name)
    return "" if value is None else str(value)


def only(query: str, variable: str, uris: list[str] | None) -> str:
    """``query`` restricted to the nodes ``uris`` (a VALUES block first in its WHERE clause).

    >>> only("SELECT ?e WHERE { ?e ?p ?o }", "e", ["http://e/1"])
    'SELECT ?e WHERE { VALUES ?e { <http://e/1> } ?e ?p ?o }'
    """
    if uris is None:
        return query
    from rdflib import URIRef

    from kg.store.terms import to_oxigraph

    values = " ".join(str(to_oxigraph(URIRef(uri))) for uri in uris)
    return query.replace("WHERE {", f"WHERE {{ VALUES ?{variable} {{ {values} }}", 1)


def _rows(store: Store, query: str, variable: str, uris: list[str] | None) -> list:  # type: ignore[type-arg]
    """The rows of ``query``, or of it for each of ``uris`` in turn (bound before evaluation,
    so each is a few index lookups; a VALUES join would evaluate the whole query)."""
    if uris is None:
        return list(store.select(query))
    from rdflib import URIRef

    from kg import ids

    bound = {"e": ids.entities_graph()} if query is EVENT_BOUND else {}
    return [row for uri in uris
            for row in store.select(query, {**bound, variable: URIRef(uri)})]


def read_events(store: Store, uris: list[str] | None = None) -> dict[str, dict[str, object]]:
    """Every event (or those of ``uris``): type, date, place (with coordinates), sentence,
    article, actors by role."""
    events: dict[str, dict[str, object]] = {}
    for row in _rows(store, EVENTS if uris is None else EVENT_BOUND, "event", uris):
        lat, long = row.get("lat"), row.get("long")
        events[str(row["event"])] = {
            "uri": str(row["event"]), "type": str(row["type"])[len(str(ET._NS)):],
            **dated(_text(row, "date"), _text(row, "dateFrom")), "modality": str(row["modality"]),
            "sentence": str(row["sentence"]), "article": str(row["article"]),
            "article_title": _text(row, "title") or str(row["article"]),
            "place": _text(row, "placeLabel"), "place_uri": _text(row, "place"),
            "lat": float(str(lat)) if lat is not None else None,
            "long": float(str(long)) if long is not None else None,
            "occurrence": _text(row, "occurrence"), "trigger": _text(row, "trigger"),
            "agents": [], "targets": [], "mediators": []}
    for row in _rows(store, ROLES, "event", uris):
        event = events.get(str(row["event"]))
        if event is not None:
            event[f"{row['role']}s"].append(str(row["actor"]))  # type: ignore[union-attr]
    reports: dict[str, set[str]] = {}
    for event in events.values():
        if event["occurrence"]:
            reports.setdefault(str(event["occurrence"]), set()).add(str(event["article"]))
    for event in events.values():
        event["sources"] = len(reports.get(str(event["occurrence"]), ())) or 1
    return events


def read_claims(store: Store, uris: list[str] | None = None) -> dict[str, dict[str, object]]:
    """Every claim (or those of ``uris``), with the claims it contradicts (both directions)."""
    claims: dict[str, dict[str, object]] = {}
    for row in _rows(store, CLAIMS, "claim", uris):
        claims[str(row["claim"])] = {
            "uri": str(row["claim"]), "verb": _text(row, "verb"),
            "speaker_text": _text(row, "speakerText"), "quote": str(row["quote"]),
            "negated": _text(row, "negated") == "true", "article": str(row["article"]),
            "article_title": _text(row, "title") or str(row["article"]),
            "speaker": _text(row, "speaker"), "via": _text(row, "via"), "date": _text(row, "date"),
            "asserts": _text(row, "asserts"), "sentence": _text(row, "sentence"),
            "contradicts": []}
    for row in _rows(store, CONTRADICTIONS, "claim", uris):
        one, other = str(row["claim"]), str(row["other"])
        for a, b in ((one, other), (other, one)):
            if a in claims and b in claims and b not in claims[a]["contradicts"]:  # type: ignore[operator]
                claims[a]["contradicts"].append(b)  # type: ignore[union-attr]
    return claims


def _add_mediations(graph: nx.MultiDiGraph, events: dict[str, dict[str, object]]) -> None:
    for uri, event in events.items():
        if event["modality"] not in HAPPENED:
            continue
        parties = list(event["agents"]) + list(event["targets"])  # type: ignore[call-overload]
        for mediator in event["mediators"]:  # type: ignore[attr-defined]
            for party in parties:
                if party != mediator and mediator in graph and party in graph:
                    graph.add_edge(mediator, party, key=f"{uri}|mediator|{party}",
                                   type="Mediates", sign=1, event=uri, event_type=event["type"],
                                   modality=event["modality"], date=event["date"],
                                   article=event["article"], sentence=event["sentence"],
                                   place=event["place"])


def view_source(store: Store) -> ViewSource:
    """Read the network, events and claims of ``store`` for the views."""
    from kg.analysis.projection import actor_network

    with collector_paused():
        graph = actor_network(store)
        events = read_events(store)
        _add_mediations(graph, events)
        return ViewSource(graph, events, read_claims(store))


def cached_view_source(store: Store) -> ViewSource:
    """:func:`view_source`, read once per store generation (:meth:`kg.store.base.Store.cached`).

    The views only read it: never change the returned tables.
    """
    return store.cached("views:source", lambda: view_source(store))

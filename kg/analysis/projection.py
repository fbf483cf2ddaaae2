"""Project the graph onto actors: who did what to whom, with the evidence.

Every agent -> target pair of an event becomes an edge of an
:class:`networkx.MultiDiGraph` (one edge per event), typed and signed by the
event-type scheme; agents of the same event get an undirected-in-spirit
"co-agent" edge with sign +1, unless the text relates them
(:func:`kg.analysis.families.pair_relation`: allied, or acting on each other). Each edge carries its evidence: event, article,
source, sentence, date, place. An edge's ``date`` is the event's own date when
the text gives one, else the article's publication date (``date_from`` says
which).

:func:`filter_network` keeps the edges inside a time window, of some event
types, from some articles, and between actors with at least ``min_weight``
events; :func:`signed_graph` collapses the multigraph to one signed,
undirected edge per actor pair, the input of the balance and bloc analyses.

Examples
--------
>>> from kg.store import open_store
>>> actor_network(open_store("memory:")).number_of_nodes()
0
>>> g = network_from_edges([("a", "b", "ArmedClash", "2017-08-20"),
...                         ("a", "b", "Ceasefire", "2017-08-27"),
...                         ("b", "c", "Support", "2017-09-01")])
>>> filter_network(g, Filters(since="2017-08-25")).number_of_edges()
2
>>> s = signed_graph(g)
>>> s["a"]["b"]["sign"], s["a"]["b"]["weight"], s["b"]["c"]["sign"]
(0, 2, 1)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import networkx as nx

from kg.errors import InputError
from kg.store import Store
from kg.taxonomy import event_types
from kg.vocab import ET, distinct_values, sparql_prologue

_DATE_PARAMETER = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

ACTORS = sparql_prologue() + """
SELECT ?actor (SAMPLE(?label) AS ?name) (SAMPLE(?kind) AS ?type) (SAMPLE(?country) AS ?iso)
       (GROUP_CONCAT(DISTINCT ?alias; SEPARATOR="|") AS ?aliases)
WHERE {
  # Each attribute de-duplicated on its own: every article graph that mentions an
  # actor repeats its description, and the union default graph keeps the copies.
  """ + distinct_values("actor", "ckg:actorKind", "kind") + """
  """ + distinct_values("actor", "rdfs:label", "label") + """
  OPTIONAL """ + distinct_values("actor", "ckg:country", "country") + """
  OPTIONAL """ + distinct_values("actor", "skos:altLabel", "alias") + """
}
GROUP BY ?actor"""

ROLES = sparql_prologue() + """
SELECT DISTINCT ?event ?type ?agent ?other ?role ?date ?modality ?sentence ?article ?place
       ?published ?source ?agents_act
WHERE {
  ?event a ckg:Event ; ckg:eventType ?type ; ckg:agent ?agent ; ckg:modality ?modality ;
         ckg:article ?article ; ckg:sentence/ckg:text ?sentence .
  { ?event ckg:target ?other . BIND("target" AS ?role) }
  UNION
  { ?event ckg:agent ?other . BIND("co-agent" AS ?role) }
  FILTER(?role = "target" || STR(?agent) < STR(?other))
  OPTIONAL { ?event ckg:date ?date }
  OPTIONAL { ?event ckg:agentsAct ?agents_act }
  OPTIONAL { ?event ckg:place/rdfs:label ?place }
  OPTIONAL { ?article schema:datePublished ?published }
  OPTIONAL { ?article ckg:sourceName ?source }
}"""

HAPPENED = ("asserted", "reported")
"""Modalities of events that took place (negated, planned, hypothetical did not)."""


@dataclass(frozen=True)
class Filters:
    """Which evidence an analysis looks at.

    ``since``/``until`` are ISO dates or prefixes (``2017``, ``2017-08``); an
    edge dated ``2014`` is inside when the year overlaps the window.
    ``types`` are event-type keys (``ArmedClash``) and ``articles`` article
    URIs; empty means all. ``min_weight`` is the least number of events of
    one relation family (fights, negotiates, ...) between two actors for
    their edges of that family to count: talks do not make a fight heavier.
    """

    since: str | None = None
    until: str | None = None
    types: tuple[str, ...] = ()
    min_weight: int = 1
    articles: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, object]:
        """The filters as plain JSON values (for reports)."""
        return {"since": self.since, "until": self.until, "types": list(self.types),
                "min_weight": self.min_weight, "articles": list(self.articles)}


def _add_actors(graph: nx.MultiDiGraph, store: Store) -> None:
    for row in store.select(ACTORS):
        graph.add_node(str(row["actor"]), uri=str(row["actor"]), label=str(row["name"]),
                       kind=str(row["type"]), country=str(row.get("iso", "")),
                       aliases=[a for a in str(row.get("aliases", "")).split("|") if a])


def actor_network(store: Store, include_negated: bool = False,
                  filters: Filters | None = None) -> nx.MultiDiGraph:
    """Return the actor network of everything in ``store``, optionally filtered.

    Events that are negated, hypothetical or planned are left out unless
    ``include_negated`` is true: they did not (yet) happen.
    """
    from kg.analysis.event_rows import role_rows
    from kg.analysis.families import edge_signs, pair_relation

    graph = nx.MultiDiGraph()
    _add_actors(graph, store)
    signs = edge_signs()
    for row in role_rows(store):  # the rows of ROLES, read faster
        modality = str(row["modality"])
        if modality not in HAPPENED and not include_negated:
            continue
        type_key = str(row["type"])[len(str(ET._NS)):]
        relation = pair_relation(type_key, str(row["role"]), row.get("agents_act"))
        own_date = str(row.get("date", ""))
        graph.add_edge(
            str(row["agent"]), str(row["other"]), key=f"{row['event']}|{row['role']}",
            type=relation, sign=signs[relation],
            event=str(row["event"]), event_type=type_key, modality=modality,
            date=own_date or str(row.get("published", "")),
            date_from="event" if own_date else "article",
            article=str(row["article"]), source=str(row.get("source", "")),
            sentence=str(row["sentence"]), place=str(row.get("place", "")))
    return filter_network(graph, filters) if filters else graph


def network_from_edges(edges: Iterable[Sequence[str]],
                       labels: dict[str, str] | None = None) -> nx.MultiDiGraph:
    """Build an actor network from ``(agent, target, event_type[, date[, article]])`` tuples.

    For hand-made graphs in tests, examples and benchmarks. The event type
    ``CoAgent`` (or ``Allied``) makes a co-agent edge (sign +1); the evidence is synthetic.

    >>> g = network_from_edges([("a", "b", "Praise")], labels={"a": "Alpha"})
    >>> g.nodes["a"]["label"], g.nodes["b"]["label"], g["a"]["b"]["e0|target"]["sign"]
    ('Alpha', 'b', 1)
    """
    from kg.analysis.families import EDGE_SIGNS, edge_signs

    signs = edge_signs()
    graph = nx.MultiDiGraph()
    for index, edge in enumerate(edges):
        agent, target, kind = edge[0], edge[1], edge[2]
        date = edge[3] if len(edge) > 3 else ""
        article = edge[4] if len(edge) > 4 else "article"
        for node in (agent, target):
            if node not in graph:
                label = (labels or {}).get(node, node)
                graph.add_node(node, uri=node, label=label, kind="", country="", aliases=[])
        if kind not in signs:
            raise InputError(f"unknown event type {kind!r}")
        role = "co-agent" if kind in EDGE_SIGNS else "target"
        graph.add_edge(agent, target, key=f"e{index}|{role}", type=kind,
                       sign=signs[kind], event=f"e{index}",
                       event_type=kind, modality="asserted", date=date, date_from="event",
                       article=article, source="", sentence="", place="")
    return graph


def date_span(date: str) -> tuple[str, str]:
    """First and last day a (possibly partial) ISO date covers, as sortable strings.

    >>> date_span("2014"), date_span("2017-08"), date_span("2017-08-27T07:00:00")
    (('2014-01-01', '2014-12-31'), ('2017-08-01', '2017-08-31'), ('2017-08-27', '2017-08-27'))
    """
    day = date[:10]
    if len(day) == 4:
        return f"{day}-01-01", f"{day}-12-31"
    if len(day) == 7:
        return f"{day}-01", f"{day}-31"
    return day, day


def date_bounds(value: str, name: str) -> tuple[str, str]:
    """First and last day of a date parameter ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` that exists.

    >>> date_bounds("2017-02", "to"), date_bounds("2016-02-29", "from")
    (('2017-02-01', '2017-02-28'), ('2016-02-29', '2016-02-29'))
    >>> date_bounds("2017-13-45", "from")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: from: no such date: '2017-13-45' (YYYY, YYYY-MM or YYYY-MM-DD; month 1-12, day within the month)
    """
    try:
        if not _DATE_PARAMETER.match(value):
            raise ValueError(value)
        year, month, day = (int(part) for part in (value + "-01-01")[:10].split("-"))
        first = dt.date(year, month, day)
        last = (dt.date(year, 12, 31) if len(value) == 4 else first if len(value) == 10 else
                dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
    except ValueError:
        raise InputError(f"{name}: no such date: {value!r} (YYYY, YYYY-MM or YYYY-MM-DD; "
                         "month 1-12, day within the month)") from None
    return first.isoformat(), last.isoformat()


def date_window(start: str | None, end: str | None, names: tuple[str, str] = ("since", "until")
                ) -> tuple[str | None, str | None]:
    """The first day of ``start`` and the last of ``end``; a bad date or an empty window raises.

    >>> date_window("2017-08", "2017-08")
    ('2017-08-01', '2017-08-31')
    >>> date_window("2017-09-01", "2017-08", ("from", "to"))
    Traceback (most recent call last):
    ...
    kg.errors.InputError: from: '2017-09-01' is after to: '2017-08'
    """
    first = date_bounds(start, names[0])[0] if start else None
    last = date_bounds(end, names[1])[1] if end else None
    if first and last and first > last:
        raise InputError(f"{names[0]}: {start!r} is after {names[1]}: {end!r}")
    return first, last


def in_window(date: str, since: str | None, until: str | None) -> bool:
    """Whether ``date`` overlaps ``[since, until]`` (an undated edge only when there is no window)."""
    if not since and not until:
        return True
    if not date:
        return False
    first, last = date_span(date)
    after = not since or last >= date_span(since)[0]
    return after and (not until or first <= date_span(until)[1])


def filter_network(graph: nx.MultiDiGraph, filters: Filters) -> nx.MultiDiGraph:
    """Return a copy of ``graph`` with only the edges ``filters`` keep (all nodes stay)."""
    from kg.analysis.families import EDGE_SIGNS, family_of

    types, articles = set(filters.types), set(filters.articles)
    unknown = types - set(event_types()) - set(EDGE_SIGNS)
    if unknown:
        raise InputError(f"unknown event type(s): {', '.join(sorted(unknown))}")
    kept = nx.MultiDiGraph()
    kept.add_nodes_from(graph.nodes(data=True))
    for u, v, key, data in graph.edges(keys=True, data=True):
        if types and data["event_type"] not in types:
            continue
        if articles and data["article"] not in articles:
            continue
        if in_window(data["date"], filters.since, filters.until):
            kept.add_edge(u, v, key=key, **data)
    if filters.min_weight > 1:
        def pair(u: str, v: str, data: dict) -> tuple[frozenset[str], str]:
            return frozenset((u, v)), family_of(data["event_type"])

        weights: dict[tuple[frozenset[str], str], set[str]] = {}
        for u, v, data in kept.edges(data=True):
            weights.setdefault(pair(u, v, data), set()).add(data["event"])
        light = [(u, v, k) for u, v, k, data in kept.edges(keys=True, data=True)
                 if len(weights[pair(u, v, data)]) < filters.min_weight]
        kept.remove_edges_from(light)
    return kept


def signed_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """Collapse ``graph`` to one undirected edge per actor pair.

    Each edge has ``positive`` and ``negative`` (events of each sign),
    ``weight`` (distinct events) and ``sign``: +1 or -1 by the majority of
    signed events, 0 for a tie or neutral events only. Self-loops are dropped.
    """
    signed = nx.Graph()
    signed.add_nodes_from(graph.nodes(data=True))
    signed.add_edges_from(signed_edges(graph.edges(data=True)))
    return signed


SignedEdges = list[tuple[str, str, dict]]
"""``(u, v, {"sign", "positive", "negative", "weight"})`` per actor pair (:func:`signed_edges`)."""


def as_signed_edges(signed: nx.Graph | SignedEdges) -> SignedEdges:
    """The edges of a signed graph, or the list itself."""
    return list(signed.edges(data=True)) if isinstance(signed, nx.Graph) else signed


def signed_edges(edges: Iterable[tuple[str, str, dict]]) -> SignedEdges:
    """The edges of :func:`signed_graph` from multigraph edges ``(u, v, data)``, no graph built
    (an edge with a ``count`` stands for that many events: the tallies' network)."""
    pairs: dict[tuple[str, str], dict[str, int]] = {}
    for u, v, data in edges:
        if u == v:
            continue
        events = pairs.setdefault((u, v) if u < v else (v, u), {})
        events[data["event"]] = (data["sign"], data.get("count", 1))
    found = []
    for (u, v), events in sorted(pairs.items()):  # the same order however the edges were read
        positive = negative = weight = 0
        for sign, count in events.values():
            weight += count
            if sign > 0:
                positive += count
            elif sign < 0:
                negative += count
        found.append((u, v, {"positive": positive, "negative": negative, "weight": weight,
                             "sign": (positive > negative) - (positive < negative)}))
    return found


def actor_ref(graph: nx.Graph, node: str) -> dict[str, str]:
    """How every result names an actor: ``{"uri": ..., "label": ...}``.

    >>> actor_ref(network_from_edges([("a", "b", "Praise")], {"a": "Alpha"}), "a")
    {'uri': 'a', 'label': 'Alpha'}
    """
    data = graph.nodes[node] if node in graph else {}
    return {"uri": str(data.get("uri", node)), "label": str(data.get("label", node))}


def resolve_actor(graph: nx.Graph, name: str) -> str:
    """Find an actor node by URI, key (last URI segment), label or alias, ignoring case.

    >>> resolve_actor(network_from_edges([("x/isis", "b", "Praise")], {"x/isis": "ISIS"}), "isis")
    'x/isis'
    """
    from kg.errors import NotFound

    if name in graph:
        return name
    wanted = name.strip().casefold()
    for node, data in graph.nodes(data=True):
        names = [str(node).rsplit("/", 1)[-1], str(data.get("label", ""))]
        names += list(data.get("aliases", []))
        if wanted in (n.casefold() for n in names):
            return str(node)
    raise NotFound(f"no actor {name!r} (give a URI, key, label or alias)")

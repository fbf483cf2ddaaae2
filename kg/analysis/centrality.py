"""Centrality of actors, and ego networks.

Computed on the undirected actor graph (one edge per pair, all signs; see
:func:`kg.analysis.projection.signed_graph`): degree (distinct partners and
events), PageRank (weighted by events) and betweenness (normalised as in
networkx). Above :data:`EXACT_LIMIT` actors, betweenness is estimated from
:data:`SAMPLES` source actors drawn with a fixed seed (Brandes and Pich
2007), so the same graph always gives the same numbers. The heavy lifting is
igraph's.

Examples
--------
>>> from kg.analysis.projection import network_from_edges
>>> g = network_from_edges([("a", "hub", "Support"), ("hub", "b", "ArmedClash"),
...                         ("hub", "c", "Praise"), ("hub", "c", "Agreement")])
>>> rows = centrality(g)
>>> [(r["actor"]["label"], r["degree"], r["events"], r["betweenness"]) for r in rows]
[('hub', 3, 4, 1.0), ('c', 1, 2, 0.0), ('a', 1, 1, 0.0), ('b', 1, 1, 0.0)]
>>> sorted(ego(g, "a", hops=1)["nodes"], key=lambda n: n["distance"])[-1]["actor"]["label"]
'hub'
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

import networkx as nx

from kg.analysis.projection import actor_ref, resolve_actor, signed_graph

EXACT_LIMIT = 2000
"""Largest number of actors for exact betweenness."""
SAMPLES = 256
"""Source actors sampled for betweenness above :data:`EXACT_LIMIT`."""
SEED = 5
"""Seed of the betweenness sample."""


def to_igraph(simple: nx.Graph) -> tuple[Any, list[str]]:
    """Return an undirected igraph copy of ``simple`` (edge attribute ``weight``) and its node order."""
    import igraph

    nodes = sorted(simple)
    index = {node: i for i, node in enumerate(nodes)}
    edges = [(index[u], index[v]) for u, v in simple.edges() if u != v]
    graph = igraph.Graph(n=len(nodes), edges=edges, directed=False)
    graph.es["weight"] = [w for u, v, w in simple.edges(data="weight", default=1) if u != v]
    return graph, nodes


def sampled_sources(n: int, exact_limit: int = EXACT_LIMIT, samples: int = SAMPLES,
                    seed: int = SEED) -> Sequence[int] | None:
    """Vertex indices to run shortest paths from: ``None`` (all) up to ``exact_limit``."""
    if n <= exact_limit or samples >= n:
        return None
    return sorted(random.Random(seed).sample(range(n), samples))


def betweenness(simple: nx.Graph, exact_limit: int = EXACT_LIMIT, samples: int = SAMPLES,
                seed: int = SEED) -> dict[str, float]:
    """Normalised betweenness of every actor, exact or sampled (see the module docstring)."""
    graph, nodes = to_igraph(simple)
    n = len(nodes)
    sources = sampled_sources(n, exact_limit, samples, seed)
    raw = graph.betweenness(directed=False, sources=sources) if sources else \
        graph.betweenness(directed=False)
    scale = (n / len(sources) if sources else 1.0) / ((n - 1) * (n - 2) / 2 if n > 2 else 1.0)
    return {node: value * scale for node, value in zip(nodes, raw, strict=True)}


def centrality(graph: nx.MultiDiGraph, top: int | None = None, exact_limit: int = EXACT_LIMIT
               ) -> list[dict[str, object]]:
    """Degree, events, PageRank and betweenness per actor, ranked by PageRank.

    Actors without any edge are left out. ``top`` keeps the first rows.
    """
    simple = signed_graph(graph)
    simple.remove_nodes_from([n for n in list(simple) if simple.degree(n) == 0])
    if simple.number_of_nodes() == 0:
        return []
    ig_graph, nodes = to_igraph(simple)
    pagerank = dict(zip(nodes, ig_graph.pagerank(weights="weight", directed=False), strict=True))
    between = betweenness(simple, exact_limit)
    rows = [{"actor": actor_ref(simple, node), "degree": simple.degree(node),
             "events": int(simple.degree(node, weight="weight")),
             "pagerank": round(pagerank[node], 6), "betweenness": round(between[node], 6)}
            for node in nodes]
    rows.sort(key=lambda r: (-r["pagerank"], -r["betweenness"], r["actor"]["label"]))
    return rows[:top] if top else rows


def ego(graph: nx.MultiDiGraph, actor: str, hops: int = 1) -> dict[str, object]:
    """The actors within ``hops`` of ``actor`` and the ties among them.

    Returns ``{"center", "hops", "nodes": [{"actor", "distance"}], "edges":
    [{"a", "b", "sign", "events", "positive", "negative"}]}``.
    """
    center = resolve_actor(graph, actor)
    simple = signed_graph(graph)
    distances = nx.single_source_shortest_path_length(simple, center, cutoff=hops)
    sub = simple.subgraph(distances)
    nodes = [{"actor": actor_ref(simple, n), "distance": d}
             for n, d in sorted(distances.items(), key=lambda i: (i[1], i[0]))]
    edges = [{"a": actor_ref(simple, u), "b": actor_ref(simple, v), "sign": data["sign"],
              "events": data["weight"], "positive": data["positive"], "negative": data["negative"]}
             for u, v, data in sorted(sub.edges(data=True), key=lambda e: (min(e[:2]), max(e[:2])))]
    return {"center": actor_ref(simple, center), "hops": hops, "nodes": nodes, "edges": edges}
